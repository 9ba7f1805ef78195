/* English beside its translation, and two acronyms of one concept.
 *
 * consistency.english: a document that writes a concept's Portuguese
 * rendering ("conjunto de validação") and also its English term as a common
 * noun ("o validation set"): the minority side is reported, with the other
 * side's form as the suggestion. Names (case exact), English terms the
 * glossary accepts as renderings, and glosses in parentheses ("conjunto de
 * validação (validation set)") are not a mix.
 *
 * consistency.acronym: the English acronym and the Portuguese one of the
 * same concept (LLM/GML, NLP/PLN, CF/FC), derived from the initials of the
 * glossary's English term and of its Portuguese rendering, both in one
 * document that names the concept: the minority acronym is reported. */
#include "check.h"
#include "msg.h"
#include "prose.h"

#include "calque.h"
#include "input.h"
#include "store.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_ACRONYM 6
#define GLOSSED 1 /* tl_english_hit.gloss: beside its translation */
#define MENTION 2 /* quoted, in a link or parentheses: not a use */
#define EMPHASIZED 3 /* set in italics: marked as foreign, not a mix
                        inside the document, yet the text's term for the
                        concept (the archive records it) */

/* Only spaces, hyphens or emphasis marks between two tokens. */
static bool joined(const char *doc, const tl_token *a, const tl_token *b)
{
  return tl_tokens_adjacent(doc, a, b, " \t\r\n*_-");
}

/* A glossary match of @min_len bytes or more overlapping [off, end). */
static bool overlaps_match(const tl_matches *m, size_t off, size_t end,
                           size_t min_len)
{
  const tl_match *x = tl_matches_overlap(m, off, end);

  for (; x != NULL && x < m->v + m->n && x->off < end; x++)
    if (x->len >= min_len)
      return true;
  return false;
}

/* The concept whose English term is p[0..n), singular or plural. */
static long find_en(const tl_gloss *g, const char *p, size_t n)
{
  long ci = tl_gloss_find_en(g, p, n);

  if (ci < 0 && n > 3 && p[n - 1] == 's')
    ci = tl_gloss_find_en(g, p, n - 1);
  return ci;
}

/* find_en for every run of words v[0..n), n = 1..@nrun (ASCII words and
 * separators, @nrun at most RUN_MAX), into ci[n - 1]: the keys of the
 * longest run made once and cut (tl_gloss_en_key_cuts), not once per run
 * and per key kind. */
#define RUN_MAX 16
static void find_en_runs(const tl_gloss *g, const char *doc,
                         const tl_token *v, size_t nrun, tl_buf *kx,
                         tl_buf *ka, long *ci)
{
  size_t cut[2 * RUN_MAX], ax[2 * RUN_MAX], aa[2 * RUN_MAX];
  const char *p = doc + v[0].off;
  size_t len = v[nrun - 1].off + v[nrun - 1].len - v[0].off;

  for (size_t k = 0; k < nrun; k++) {
    cut[2 * k + 1] = v[k].off + v[k].len - v[0].off;
    cut[2 * k] = cut[2 * k + 1] - 1; /* without a plural 's' */
  }
  tl_buf_clear(kx);
  tl_buf_clear(ka);
  tl_gloss_en_key_cuts(p, len, true, cut, 2 * nrun, kx, ax);
  tl_gloss_en_key_cuts(p, len, false, cut, 2 * nrun, ka, aa);
  for (size_t k = 0; k < nrun; k++) {
    size_t end = cut[2 * k + 1];
    long c = tl_gloss_find_en_key(g, kx->p, ax[2 * k + 1]);
    if (c < 0)
      c = tl_gloss_find_en_key(g, ka->p, aa[2 * k + 1]);
    if (c < 0 && end > 3 && p[end - 1] == 's') {
      c = tl_gloss_find_en_key(g, kx->p, ax[2 * k]);
      if (c < 0)
        c = tl_gloss_find_en_key(g, ka->p, aa[2 * k]);
    }
    ci[k] = c;
  }
}

/* The most words of a run opening at token @i worth trying, @en_first
 * the bound tl_nearmiss_en_first gave its first word (255: none), @most
 * the glossary's longest English term: one more word than the bound only
 * when that word is a lone letter (a plural 's' the run may cut). */
static size_t run_bound(const tl_tokens *t, size_t i, unsigned en_first,
                        size_t most)
{
  size_t b = en_first;

  if (en_first >= 255 || b >= most)
    return most;
  return i + b < t->n && t->v[i + b].len == 1 ? b + 1 : b;
}

/* English function words, asked of a word in lower case (the answer kept
 * in its entry: TL_WL_EN_FUNCTION). */
static const char *const EN_FUNCTION_WORDS[] = {
    "the", "of",  "and",  "to",   "is",    "are", "for", "with", "that",
    "this", "by", "from", "which", "can",  "be",  "we",  "it",   "as",
    "or",  "an",  "its",  "was",  "refers", "our", "not", "every",
    "each", "have", "has", "will", "these", "those", "there", "their",
    "they", "you", "your", "how", "what", "when", "than", "into",
    "about", "if", "but", NULL};

/* Sentences of the block with two English function words or more: English
 * left untranslated, the untranslated checks' business. */
static bool english_sentence(const tl_ctx *c, const tl_tokens *t, size_t i)
{
  uint32_t sent = t->v[i].sent;
  size_t n = 0, k = i;

  while (k > 0 && t->v[k - 1].sent == sent)
    k--;
  for (; k < t->n && t->v[k].sent == sent; k++)
    if (t->v[k].kind == TL_TOK_WORD &&
        tl_ctx_in_list(c, t, k, TL_WL_EN_FUNCTION, EN_FUNCTION_WORDS,
                       true) &&
        ++n >= 2)
      return true;
  return false;
}

/* A mention, not a use (MENTION): a term in a link or an image's text, in
 * quotes or parentheses, or in a directive (":label:"); a term marked as
 * foreign (emphasis) is EMPHASIZED; else 0. */
static uint8_t mention(const tl_ctx *c, const tl_token *first, size_t end)
{
  size_t depth = 0;

  if (first->flags & (TL_TF_LINK | TL_TF_ALT))
    return MENTION;
  if ((first->off > 0 && strchr(":\"'`(", c->doc[first->off - 1])) ||
      (end < c->len && strchr(":\"'`", c->doc[end])))
    return MENTION;
  if (first->off >= 3 &&
      memcmp(c->doc + first->off - 3, "\xe2\x80\x9c", 3) == 0) /* “ */
    return MENTION;
  /* an open parenthesis before it on its line */
  for (size_t i = first->off; i > 0 && c->doc[i - 1] != '\n'; i--) {
    if (c->doc[i - 1] == ')')
      depth++;
    else if (c->doc[i - 1] == '(' && depth-- == 0)
      return MENTION;
  }
  return (first->flags & TL_TF_EMPH) ? EMPHASIZED : 0;
}

/* Tokens the prose reading (prose.c) found to be no use of a term: names,
 * titles of works ("Empire of AI"), labels, mentions, glosses, code,
 * quotations in another language. */
#define NOT_A_USE                                                           \
  (TL_ROLE_EXEMPT | TL_ROLE_FOREIGN | TL_ROLE_EXPLAINED | TL_ROLE_GLOSSED |  \
   TL_ROLE_LINKNAME)

static bool span_not_a_use(const tl_ctx *c, size_t first, size_t n)
{
  for (size_t k = first; k < first + n; k++)
    if (c->role[k] & NOT_A_USE)
      return true;
  return false;
}

static void add_english(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                        const tl_matches *m)
{
  const tl_gloss *g = c->gloss;
  uint32_t known_sent = UINT32_MAX; /* the last sentence judged */
  bool known_english = false;
  long runs[RUN_MAX];
  tl_buf kx, ka;

  if (u->kind == TL_BLK_HEADING)
    return; /* an English heading is an untranslated one */
  tl_buf_init(&kx);
  tl_buf_init(&ka);
  for (size_t i = 0; i < t->n; i++) {
    const tl_token *first = &t->v[i];
    size_t n = 0, most = g->en_words;
    bool have_runs;
    if (first->kind != TL_TOK_WORD || !(first->flags & TL_TF_ASCII) ||
        (first->flags & TL_TF_ALLCAPS) || first->len < 3 ||
        (c->calques != NULL && !c->lang[i].en_first))
      continue; /* no English term begins with it (the word's class,
                   tl_nearmiss_en_first asked once per spelling) */
    if (c->calques != NULL)
      most = run_bound(t, i, c->lang[i].en_first, most);
    while (n < most && i + n < t->n &&
           (n == 0 || joined(c->doc, &t->v[i + n - 1], &t->v[i + n])) &&
           t->v[i + n].kind == TL_TOK_WORD &&
           (t->v[i + n].flags & TL_TF_ASCII))
      n++;
    have_runs = n >= 1 && n <= RUN_MAX;
    if (have_runs)
      find_en_runs(g, c->doc, first, n, &kx, &ka, runs);
    for (; n >= 1; n--) {
      const tl_token *last = &t->v[i + n - 1];
      size_t end = last->off + last->len;
      long ci = have_runs ? runs[n - 1]
                          : find_en(g, c->doc + first->off, end - first->off);
      if (ci < 0)
        continue;
      /* names, and English the glossary accepts (matched as a form) */
      if (!g->c[ci].exact && first->sent != known_sent) {
        known_sent = first->sent;
        known_english = english_sentence(c, t, i);
      }
      if (!g->c[ci].exact && !overlaps_match(m, first->off, end, 1) &&
          !known_english &&
          !(n == 1 && c->spell != NULL &&
            tl_spell_check(c->spell, c->doc + first->off, first->len,
                           NULL) == 1)) {
        TL_GROW(c->ehits, c->capehits, c->nehits + 1);
        c->ehits[c->nehits++] =
            (tl_english_hit){first->off, end - first->off, (uint32_t)ci,
                             span_not_a_use(c, i, n)
                                 ? (uint8_t)MENTION
                                 : mention(c, first, end)};
      }
      i += n - 1;
      break;
    }
  }
  tl_buf_fini(&kx);
  tl_buf_fini(&ka);
}

/* A token that may be an acronym: 2 to MAX_ACRONYM capitals, not part of a
 * longer glossary name nor of a capitalised name ("Azure AI Studio"), nor
 * of a title or a name the prose reading found ("o livro Empire of AI"). */
static void add_acronyms(tl_ctx *c, const tl_tokens *t, const tl_matches *m)
{
  for (size_t i = 0; i < t->n; i++) {
    const tl_token *tok = &t->v[i];
    const tl_token *prev = i > 0 ? &t->v[i - 1] : NULL;
    const tl_token *next = i + 1 < t->n ? &t->v[i + 1] : NULL;
    if (tok->kind != TL_TOK_WORD || !(tok->flags & TL_TF_ALLCAPS) ||
        tok->len < 2 || tok->len > MAX_ACRONYM)
      continue;
    if (prev != NULL && joined(c->doc, prev, tok) &&
        (prev->flags & TL_TF_CAP) && !(prev->flags & TL_TF_SENT_START))
      continue;
    if (next != NULL && joined(c->doc, tok, next) &&
        (next->flags & TL_TF_CAP))
      continue;
    if (overlaps_match(m, tok->off, tok->off + tok->len, tok->len + 1) ||
        span_not_a_use(c, i, 1))
      continue;
    /* the end of a dotted name: "x.AI", "Character.AI" */
    if (tok->off >= 2 && c->doc[tok->off - 1] == '.' &&
        c->doc[tok->off - 2] != ' ' && c->doc[tok->off - 2] != '\n')
      continue;
    TL_GROW(c->ahits, c->capahits, c->nahits + 1);
    c->ahits[c->nahits++] = (tl_english_hit){tok->off, tok->len, 0, 0};
  }
}

void tl_check_english(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                      const tl_matches *m)
{
  if (c->gloss == NULL || t->n > TL_PHRASE_MAX_TOKENS)
    return;
  add_english(c, u, t, m);
  add_acronyms(c, t, m);
}

/* Between a term and its translation in a gloss: "X (Y", "X (ou Y",
 * "X ("Y", "X (XS), ou Y", "X, ou seja, Y" (either way round). */
static bool gloss_between(const char *doc, size_t a_end, size_t b_off)
{
  bool marker = false;
  size_t i = a_end;

  if (b_off < a_end || b_off - a_end > 40)
    return false;
  while (i < b_off) {
    size_t w = i;
    while (w < b_off && ((doc[w] >= 'a' && doc[w] <= 'z') ||
                         (doc[w] >= 'A' && doc[w] <= 'Z')))
      w++;
    if (w > i) { /* a word: "ou", "seja", "or", or an acronym */
      size_t n = w - i, caps = 0;
      for (size_t k = i; k < w; k++)
        caps += doc[k] >= 'A' && doc[k] <= 'Z';
      if ((n == 2 && memcmp(doc + i, "ou", 2) == 0) ||
          (n == 2 && memcmp(doc + i, "or", 2) == 0))
        marker = true;
      else if (!(n == 4 && memcmp(doc + i, "seja", 4) == 0) &&
               !(caps >= 2 && (caps == n || (caps == n - 1 &&
                                             doc[w - 1] == 's'))))
        return false;
      i = w;
      continue;
    }
    if (doc[i] == '(')
      marker = true;
    if (i + 3 <= b_off && (memcmp(doc + i, "\xe2\x80\x9c", 3) == 0 ||
                           memcmp(doc + i, "\xe2\x80\x9d", 3) == 0 ||
                           memcmp(doc + i, "\xe2\x80\x93", 3) == 0)) {
      i += 3; /* curly quotes, en dash */
      continue;
    }
    if (!strchr(" \t\r\n*_\"'(),:-", doc[i]))
      return false;
    i++;
  }
  return marker;
}

static bool glossed(const char *doc, size_t a_off, size_t a_len,
                    size_t b_off, size_t b_len)
{
  return gloss_between(doc, a_off + a_len, b_off) ||
         gloss_between(doc, b_off + b_len, a_off);
}

#define GLOSS_REACH 200 /* bytes: a term, a gloss and what lies between */

_Static_assert(offsetof(tl_usage, off) == 0 &&
                   offsetof(tl_usage, len) == sizeof(size_t) &&
                   offsetof(tl_english_hit, off) == 0 &&
                   offsetof(tl_english_hit, len) == sizeof(size_t),
               "glossed_by reads an element's offset and length first");

/* Whether the text [off, off + len) and an element of [lo, hi) of @v
 * (@size bytes each, starting with their offset and length, size_t, and
 * sorted by offset) gloss each other: only the elements near it are
 * looked at. Usages against English hits, and hits against usages. */
static bool glossed_by(const tl_ctx *c, const void *v, size_t size,
                       size_t lo, size_t hi, size_t off, size_t len)
{
  size_t from = off > GLOSS_REACH ? off - GLOSS_REACH : 0, e = hi;
  size_t span[2];

  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    memcpy(span, (const char *)v + mid * size, sizeof span);
    if (span[0] < from)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (; lo < e; lo++) {
    memcpy(span, (const char *)v + lo * size, sizeof span);
    if (span[0] >= off + len + GLOSS_REACH)
      break;
    if (glossed(c->doc, span[0], span[1], off, len))
      return true;
  }
  return false;
}

/* Whether usage @u is glossed by an English hit of [hs, he). */
static bool usage_glossed(const tl_ctx *c, size_t hs, size_t he,
                          const tl_usage *u)
{
  return glossed_by(c, c->ehits, sizeof *c->ehits, hs, he, u->off, u->len);
}

/* Whether English hit @x is glossed by a usage of [us, ue). */
static bool hit_glossed(const tl_ctx *c, size_t us, size_t ue,
                        const tl_english_hit *x)
{
  return glossed_by(c, c->usage, sizeof *c->usage, us, ue, x->off, x->len);
}

static int by_concept(const void *a, const void *b)
{
  const tl_english_hit *x = a, *y = b;
  if (x->concept != y->concept)
    return x->concept < y->concept ? -1 : 1;
  return x->off < y->off ? -1 : (x->off > y->off);
}

/* The usages of concept @ci: [*s, *e) of c->usage (sorted by concept). */
static void usages_of(const tl_ctx *c, uint32_t ci, size_t *s, size_t *e)
{
  size_t lo = 0, hi = c->nusage;

  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c->usage[mid].concept < ci)
      lo = mid + 1;
    else
      hi = mid;
  }
  *s = lo;
  while (lo < c->nusage && c->usage[lo].concept == ci)
    lo++;
  *e = lo;
}

static bool counts_as_rendering(const tl_ctx *c, const tl_usage *u)
{
  uint8_t kind = c->gloss->f[u->form].kind;
  return kind == TL_FORM_PREFERRED || kind == TL_FORM_ADMITTED;
}

/* A consistency finding of @rule on [off, off + len), about concept @k,
 * suggesting @sugg; @msg is built in the result's arena. */
static void report(tl_ctx *c, size_t off, size_t len, const char *rule,
                   const tl_concept *k, const char *sugg, const char *msg)
{
  tl_finding *fd = tl_result_add(c->res, off, len, rule, "consistency",
                                 TL_WARNING, "%s", msg);
  tl_result_set_suggestions(c->res, fd, &sugg, 1);
  fd->concept = k->id;
}

static void report_english(tl_ctx *c, size_t hs, size_t he, tl_lines *li)
{
  uint32_t ci = c->ehits[hs].concept;
  const tl_concept *k = &c->gloss->c[ci];
  size_t us, ue, npt = 0, nen = 0, pt_first = (size_t)-1;

  usages_of(c, ci, &us, &ue);
  /* glosses on either side are one mention, not a mix */
  for (size_t i = hs; i < he; i++)
    if ((c->ehits[i].gloss == 0 || c->ehits[i].gloss == EMPHASIZED) &&
        hit_glossed(c, us, ue, &c->ehits[i]))
      c->ehits[i].gloss = GLOSSED;
  for (size_t j = us; j < ue; j++) {
    if (!counts_as_rendering(c, &c->usage[j]))
      continue;
    if (!usage_glossed(c, hs, he, &c->usage[j])) {
      npt++;
      if (pt_first == (size_t)-1)
        pt_first = j;
    }
  }
  for (size_t i = hs; i < he; i++)
    nen += !c->ehits[i].gloss;
  if (npt == 0 || nen == 0)
    return;
  if (nen > npt) { /* the text's choice is the English term */
    const tl_english_hit *h = NULL;
    const char *sugg;
    for (size_t i = hs; i < he && h == NULL; i++)
      if (!c->ehits[i].gloss)
        h = &c->ehits[i];
    sugg = tl_result_surface(c->res, h->off, h->len);
    for (size_t j = us; j < ue; j++) {
      const tl_usage *u = &c->usage[j];
      if (!counts_as_rendering(c, u) || usage_glossed(c, hs, he, u))
        continue;
      report(c, u->off, u->len, "consistency.english", k, sugg,
             tl_arena_printf(
                 &c->res->arena,
                 _("'%s' aqui; no resto do texto o conceito aparece em "
                   "inglês, '%s' (linha %u): use uma forma só"),
                 tl_result_surface(c->res, u->off, u->len), sugg,
                 tl_lines_line(li, h->off)));
    }
    return;
  }
  for (size_t i = hs; i < he; i++) {
    const tl_english_hit *x = &c->ehits[i];
    const tl_usage *h = &c->usage[pt_first];
    const char *sugg = c->gloss->f[h->form].text;
    if (x->gloss)
      continue;
    report(c, x->off, x->len, "consistency.english", k, sugg,
           tl_arena_printf(&c->res->arena,
                           _("'%s' é o termo inglês de '%s', que este texto "
                             "também usa (linha %u): use uma forma só"),
                           tl_result_surface(c->res, x->off, x->len), sugg,
                           tl_lines_line(li, h->off)));
  }
}

static bool is_skipped_word(const char *w, size_t n, bool english)
{
  static const char *const EN[] = {"of", "the", "a",  "an", "and", "for",
                                   "to", "in",  "on", "by", "with", NULL};
  static const char *const PT[] = {"de", "do", "da", "dos", "das", "por",
                                   "para", "em", "e", "o", "a", NULL};
  const char *const *list = english ? EN : PT;
  for (size_t i = 0; list[i] != NULL; i++)
    if (strlen(list[i]) == n && strncasecmp(list[i], w, n) == 0)
      return true;
  return false;
}

/* The initials of the words of @s (function words skipped), upper-case,
 * into out[MAX_ACRONYM + 1]; "" when fewer than 2 words or too many. */
static void initials(const char *s, bool english, char *out)
{
  size_t n = 0;

  out[0] = '\0';
  while (*s != '\0' && *s != '|') {
    size_t len = strcspn(s, " -|");
    if (len > 0 && !is_skipped_word(s, len, english)) {
      unsigned char ch = (unsigned char)s[0];
      if (ch >= 0x80 || n == MAX_ACRONYM) { /* an accented initial */
        out[0] = '\0';
        return;
      }
      out[n++] = (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    }
    s += len;
    while (*s == ' ' || *s == '-')
      s++;
  }
  out[n < 2 ? 0 : n] = '\0';
}

static size_t count_acronym(const tl_ctx *c, const char *a, size_t *first)
{
  size_t n = 0, len = strlen(a);

  *first = (size_t)-1;
  for (size_t i = 0; i < c->nahits; i++)
    if (c->ahits[i].len == len && memcmp(c->doc + c->ahits[i].off, a, len) == 0) {
      if (n++ == 0)
        *first = i;
    }
  return n;
}

/* Whether acronym hit @i stands right beside an occurrence of @other
 * (only spaces, slashes, parentheses, commas or dashes between). */
static bool beside_other(const tl_ctx *c, size_t i, const char *other)
{
  size_t on = strlen(other);

  for (size_t k = i > 0 ? i - 1 : 0; k <= i + 1 && k < c->nahits; k++) {
    const tl_english_hit *a = &c->ahits[k < i ? k : i];
    const tl_english_hit *b = &c->ahits[k < i ? i : k];
    bool only_sep = true;
    if (k == i || c->ahits[k].len != on ||
        memcmp(c->doc + c->ahits[k].off, other, on) != 0)
      continue;
    for (size_t p = a->off + a->len; p < b->off && only_sep; p++)
      only_sep = strchr(" /(),-", c->doc[p]) != NULL;
    if (only_sep && b->off - (a->off + a->len) <= 4)
      return true;
  }
  return false;
}

static void report_acronyms(tl_ctx *c, uint32_t ci, tl_lines *li)
{
  const tl_concept *k = &c->gloss->c[ci];
  char en[MAX_ACRONYM + 1], pt[MAX_ACRONYM + 1];
  const char *minor, *major;
  size_t nen, npt, fen, fpt, fmajor;

  if (k->en == NULL || k->exact)
    return;
  initials(k->en, true, en);
  initials(k->preferred, false, pt);
  if (en[0] == '\0' || pt[0] == '\0' || strcmp(en, pt) == 0)
    return;
  nen = count_acronym(c, en, &fen);
  npt = count_acronym(c, pt, &fpt);
  if (nen == 0 || npt == 0)
    return;
  /* the most used acronym is the reference; on a tie the first used */
  if (nen > npt || (nen == npt && c->ahits[fen].off < c->ahits[fpt].off)) {
    major = en;
    minor = pt;
    fmajor = fen;
  } else {
    major = pt;
    minor = en;
    fmajor = fpt;
  }
  for (size_t i = 0; i < c->nahits; i++) {
    const tl_english_hit *x = &c->ahits[i];
    if (x->len != strlen(minor) || memcmp(c->doc + x->off, minor, x->len) != 0)
      continue;
    if (beside_other(c, i, major)) /* "PLN (NLP)", "PLN/NLP": a gloss */
      continue;
    report(c, x->off, x->len, "consistency.acronym", k, major,
           tl_arena_printf(&c->res->arena,
                           _("'%s' aqui; este texto também usa '%s' (linha "
                             "%u) para '%s': a sigla inglesa e a portuguesa "
                             "do mesmo conceito; use uma só"),
                           minor, major,
                           tl_lines_line(li, c->ahits[fmajor].off),
                           k->preferred));
  }
}

/* The English terms the document uses as its own word for a concept (not
 * glossed, quoted or in a link; in italics or not) join its renderings in
 * the archive (kind english), as the glossary spells the term: "*bias*",
 * "frameworks" -> "bias", "framework". */
static void record_english(tl_ctx *c)
{
  tl_buf r;

  tl_buf_init(&r);
  for (size_t i = 0; i < c->nehits; i++) {
    const tl_english_hit *x = &c->ehits[i];
    size_t n = x->len;
    if (x->gloss != 0 && x->gloss != EMPHASIZED)
      continue;
    if (tl_gloss_find_en(c->gloss, c->doc + x->off, n) < 0)
      n--; /* the plural of the glossary's term (find_en) */
    tl_buf_clear(&r);
    tl_phrase_text(c->doc, x->off, n, true, &r);
    TL_GROW(c->xusage, c->capxusage, c->nxusage + 1);
    c->xusage[c->nxusage++] = (tl_xusage){
        c->gloss->c[x->concept].id,
        tl_arena_strndup(&c->res->arena, r.p, r.len),
        tl_result_surface(c->res, x->off, x->len), TL_RENDERING_ENGLISH,
        x->off};
  }
  tl_buf_fini(&r);
}

void tl_check_english_end(tl_ctx *c)
{
  tl_lines li;
  bool have_lines = false;

  if (c->gloss == NULL || (c->nehits == 0 && c->nahits < 2))
    return;
  /* c->usage is sorted by concept (tl_check_consistency_end) */
  tl_lines_init(&li, c->doc, c->len, c->res->bom);
  have_lines = true;
  if (c->nehits > 0) {
    qsort(c->ehits, c->nehits, sizeof *c->ehits, by_concept);
    for (size_t s = 0; s < c->nehits;) {
      size_t e = s + 1;
      while (e < c->nehits && c->ehits[e].concept == c->ehits[s].concept)
        e++;
      report_english(c, s, e, &li);
      s = e;
    }
    record_english(c);
  }
  if (c->nahits >= 2) {
    /* the concepts the document names, in Portuguese or in English */
    for (size_t i = 0; i < c->nusage; i++)
      if (i == 0 || c->usage[i].concept != c->usage[i - 1].concept)
        report_acronyms(c, c->usage[i].concept, &li);
  }
  if (have_lines)
    tl_lines_fini(&li);
}
