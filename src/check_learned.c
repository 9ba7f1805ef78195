/* consistency.learned (warning): the pairs a document teaches with its
 * parenthetical glosses ("suavização de rótulos (label smoothing)",
 * "*teacher forcing* (condução pelo gabarito)"), for English terms no
 * glossary concept holds. The archive learns them: a document that
 * renders a learned term otherwise than the rendering two or more other
 * documents give it, or that glosses one term two ways, is inconsistent.
 * The pairs are recorded beside source mode's (tl_store_record_pairs), so
 * `tradlint corpus report` lists them (origin "learned") and `tradlint
 * corpus variants` proposes a glossary row for a term learned in several
 * documents. Only clean pairs are learned: an English side of two to four
 * plain words (a term, not a word whose rendering varies with the sense;
 * no function word: "but no examples" is a clause), a Portuguese side of
 * two to six words with no capitals but its first letter (a name is not a
 * rendering), and the two sides different. Inflection is not a second rendering ("rótulo"/"rótulos"). */
#include "check.h"
#include "msg.h"

#include "corpus.h"
#include "input.h"
#include "nearmiss.h"
#include "store.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MIN_EN_WORDS 2 /* a single word's renderings vary with the sense
                          (and a gloss may catch the last word of a longer
                          term: "deep learning, ou ...") */
#define MAX_EN_WORDS 4
#define MIN_PT_WORDS 2 /* a two-word English term is not one foreign word */
#define MAX_PT_WORDS 6

/* Words no English term holds ("of" aside: "bag of words"): an English
 * side with one of them, or with a Portuguese function word, is a clause
 * the gloss heuristic caught ("but no examples", "e threads"), not a
 * term. */
static const char *const NOT_IN_TERMS[] = {
    "the", "a",   "an",  "and", "or",  "but", "on",  "in",  "at",  "to",
    "is",  "are", "was", "no",  "not", "with", "by", "from", "as", "this",
    "that", "we", "you", "it",  "o",   "os",  "as",  "e",   "ou",  "um",
    "uma", "de",  "do",  "da",  "em",  "na",  "que", "se",  "com", "por",
    "para", NULL};

static bool has_non_term_word(const char *s)
{
  while (*s != '\0') {
    size_t n = strcspn(s, " -");
    for (size_t i = 0; n > 0 && NOT_IN_TERMS[i] != NULL; i++)
      if (strlen(NOT_IN_TERMS[i]) == n &&
          strncasecmp(NOT_IN_TERMS[i], s, n) == 0)
        return true;
    s += n;
    s += *s != '\0';
  }
  return false;
}

/* Words of @s (spaces and hyphens between them), or 0 when @s holds
 * anything else than letters, spaces, hyphens and apostrophes. */
static size_t plain_words(const char *s, bool ascii)
{
  size_t words = 0;
  bool in = false;

  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    bool letter = (*p | 0x20) >= 'a' && (*p | 0x20) <= 'z';
    if (!ascii && *p >= 0x80)
      letter = true; /* accented letters (NFC) */
    if (letter || (in && (*p == '\'' || *p == '-'))) {
      words += !in;
      in = *p != '-';
      continue;
    }
    if (*p != ' ')
      return 0;
    in = false;
  }
  return words;
}

/* An upper-case letter after the first byte of @s: a name, or an acronym. */
static bool inner_capital(const char *s)
{
  size_t n = strlen(s), adv;

  for (size_t i = 0; i < n; i += adv) {
    int32_t cp = tl_utf8_decode(s + i, n - i, &adv);
    if (i > 0 && tl_cp_is_upper(cp))
      return true;
  }
  return false;
}

/* The learned pairs of the document, lower case: en -> pt, and the span of
 * the Portuguese side. */
typedef struct lpair {
  const char *en, *pt, *key; /* key: pt's inflection-free key */
  size_t off, len;
} lpair;

typedef struct lpairs {
  lpair *v;
  size_t n, cap;
} lpairs;

/* The key of one Portuguese word: inflection-free (tl_gloss_word_key), and
 * every contraction of "de" made "de" ("suavização dos rótulos" is
 * "suavização de rótulos"). */
static void word_key(const char *w, size_t n, tl_buf *key)
{
  static const char *const DE[] = {"do", "da", "dos", "das", NULL};

  for (size_t i = 0; DE[i] != NULL; i++)
    if (strlen(DE[i]) == n && memcmp(DE[i], w, n) == 0) {
      tl_buf_adds(key, "de");
      return;
    }
  tl_gloss_word_key(w, n, key);
}

static const char *lowered(tl_ctx *c, const char *s)
{
  tl_buf b;
  const char *out;

  tl_buf_init(&b);
  tl_utf8_lower(s, strlen(s), &b);
  out = tl_arena_strndup(&c->res->arena, b.p ? b.p : "", b.len);
  tl_buf_fini(&b);
  return out;
}

static void learn(tl_ctx *c, lpairs *lp)
{
  tl_buf key;

  tl_buf_init(&key);
  for (size_t i = 0; i < c->res->nglosses; i++) {
    const tl_gloss_pair *g = &c->res->glosses[i];
    const char *en = g->english_gloss ? g->gloss : g->term;
    const char *pt = g->english_gloss ? g->term : g->gloss;
    size_t ne = plain_words(en, true), np = plain_words(pt, false);
    lpair x;
    if (ne < MIN_EN_WORDS || ne > MAX_EN_WORDS || np < MIN_PT_WORDS ||
        np > MAX_PT_WORDS || has_non_term_word(en) ||
        strlen(en) < 3 || inner_capital(pt) || inner_capital(en) ||
        (c->gloss != NULL && tl_gloss_find_en(c->gloss, en, strlen(en)) >= 0))
      continue;
    x.en = lowered(c, en);
    x.pt = lowered(c, pt);
    if (strcmp(x.en, x.pt) == 0)
      continue;
    tl_buf_clear(&key);
    tl_phrase_key(x.pt, strlen(x.pt), &key, word_key);
    x.key = tl_arena_strndup(&c->res->arena, key.p ? key.p : "", key.len);
    x.off = g->english_gloss ? g->term_offset : g->gloss_offset;
    x.len = g->english_gloss ? g->term_length : g->gloss_length;
    TL_GROW(lp->v, lp->cap, lp->n + 1);
    lp->v[lp->n++] = x;
  }
  tl_buf_fini(&key);
}

static tl_status put_rejection(void *ud, const char *key, const char *word,
                               tl_error *err);

/* Whether a consistency.learned finding covers @x already. */
static bool reported(const tl_ctx *c, const lpair *x)
{
  for (size_t i = 0; i < c->res->n; i++)
    if (c->res->f[i].offset == x->off &&
        strcmp(c->res->f[i].rule, "consistency.learned") == 0)
      return true;
  return false;
}

static void report(tl_ctx *c, const lpair *x, const char *sugg,
                   const char *msg)
{
  tl_finding *f = tl_result_add(c->res, x->off, x->len, "consistency.learned",
                                "consistency", TL_WARNING, "%s", msg);
  tl_result_set_suggestions(c->res, f, &sugg, 1);
}

void tl_check_learned_end(tl_ctx *c)
{
  lpairs lp = {NULL, 0, 0};
  tl_lines li;

  learn(c, &lp);
  if (lp.n > 1)
    tl_lines_init(&li, c->doc, c->len, c->res->bom);
  /* one term glossed two ways: the first gloss is the text's choice */
  for (size_t i = 1; i < lp.n; i++)
    for (size_t j = 0; j < i; j++)
      if (strcmp(lp.v[i].en, lp.v[j].en) == 0) {
        if (strcmp(lp.v[i].key, lp.v[j].key) != 0)
          report(c, &lp.v[i], lp.v[j].pt,
                 tl_arena_printf(
                     &c->res->arena,
                     _("'%s' traduz '%s' aqui; este texto já o traduziu como "
                       "'%s' (linha %u): use uma tradução só"),
                     lp.v[i].pt, lp.v[i].en, lp.v[j].pt,
                     tl_lines_line(&li, lp.v[j].off)));
        break;
      }
  if (lp.n > 1)
    tl_lines_fini(&li);
  free(lp.v);
}

/* Add (term, rendering) to @rows, or count it once more. */
static void add_row(tl_pair_rows *rows, const char *en, const char *pt)
{
  for (size_t i = 0; i < rows->n; i++)
    if (strcmp(rows->v[i].term, en) == 0 &&
        strcmp(rows->v[i].rendering, pt) == 0) {
      rows->v[i].count++;
      return;
    }
  TL_GROW(rows->v, rows->cap, rows->n + 1);
  rows->v[rows->n++] = (tl_store_pair){en, pt, 1};
}

tl_status tl_check_learned_corpus(tl_ctx *c, struct tl_corpus *corpus,
                                  const char *relpath, tl_pair_rows *rows,
                                  tl_error *err)
{
  lpairs lp = {NULL, 0, 0};
  tl_status st = TL_OK;
  tl_buf key;
  tl_map rejected;

  learn(c, &lp);
  tl_buf_init(&key);
  tl_map_init(&rejected);
  /* the pairs editors rejected are never the archive's rendering */
  if (lp.n > 0)
    st = tl_store_each_rejection(corpus->store, put_rejection, &rejected,
                                 err);
  for (size_t i = 0; i < lp.n && st == TL_OK; i++) {
    tl_archive_top top = {NULL, NULL, 0, &rejected, lp.v[i].en};
    bool first = true;
    add_row(rows, lp.v[i].en, lp.v[i].pt);
    for (size_t j = 0; j < i && first; j++)
      first = strcmp(lp.v[j].en, lp.v[i].en) != 0;
    if (!first)
      continue; /* the term's renderings are judged at its first gloss */
    st = tl_store_pairs(corpus->store, lp.v[i].en, relpath,
                        tl_archive_top_row, &top, err);
    if (st == TL_OK && top.rendering != NULL) {
      tl_buf_clear(&key);
      tl_phrase_key(top.rendering, strlen(top.rendering), &key, word_key);
    }
    /* every gloss of the term that is not the archive's rendering */
    if (st == TL_OK && top.rendering != NULL && top.docs >= 2)
      for (size_t j = i; j < lp.n; j++)
        if (strcmp(lp.v[j].en, lp.v[i].en) == 0 &&
            !(strlen(lp.v[j].key) == key.len &&
              memcmp(lp.v[j].key, key.p, key.len) == 0) &&
            !reported(c, &lp.v[j]))
          report(c, &lp.v[j], tl_arena_strndup(&c->res->arena, top.rendering,
                                               strlen(top.rendering)),
                 tl_arena_printf(
                     &c->res->arena,
                     P_("'%s' traduz '%s' aqui; o acervo o traduz como '%s' "
                        "em %u documento (%s)",
                        "'%s' traduz '%s' aqui; o acervo o traduz como '%s' "
                        "em %u documentos (%s)",
                        top.docs),
                     lp.v[j].pt, lp.v[j].en, top.rendering, top.docs,
                     top.paths));
    free(top.rendering);
    free(top.paths);
  }
  tl_buf_fini(&key);
  tl_map_fini(&rejected);
  free(lp.v);
  return st;
}

void tl_learned_glossary(tl_ctx *c, tl_learned_fn fn, void *ud)
{
  tl_buf key, fkey;

  if (c->gloss == NULL)
    return;
  tl_buf_init(&key);
  tl_buf_init(&fkey);
  for (size_t i = 0; i < c->res->nglosses; i++) {
    const tl_gloss_pair *g = &c->res->glosses[i];
    const char *en = g->english_gloss ? g->gloss : g->term;
    const char *pt = g->english_gloss ? g->term : g->gloss;
    size_t ne = plain_words(en, true), np = plain_words(pt, false);
    const char *lpt;
    bool known = false;
    long ci;
    const uint32_t *cf;
    size_t ncf;
    /* a term's rendering: at most two words more than the term (its
     * prepositions), one word of four letters or more ("ver (softmax)" is
     * a cross-reference) */
    if (ne < 1 || ne > MAX_EN_WORDS || np < 1 || np > ne + 2 ||
        (np == 1 && strlen(pt) < 4) || has_non_term_word(en) ||
        strlen(en) < 3 || inner_capital(pt) || inner_capital(en))
      continue;
    ci = tl_gloss_find_en(c->gloss, en, strlen(en));
    if (ci < 0 || c->gloss->c[ci].exact)
      continue; /* no concept, or a name: names are not rendered */
    lpt = lowered(c, pt);
    if (strcmp(lpt, lowered(c, en)) == 0)
      continue;
    tl_buf_clear(&key);
    tl_phrase_key(lpt, strlen(lpt), &key, word_key);
    /* a form of the concept: recorded as such already */
    cf = tl_gloss_concept_forms(c->gloss, (uint32_t)ci, &ncf);
    for (size_t k = 0; k < ncf && !known; k++) {
      const tl_form *f = &c->gloss->f[cf[k]];
      tl_buf_clear(&fkey);
      tl_phrase_key(f->text, strlen(f->text), &fkey, word_key);
      known = fkey.len == key.len && memcmp(fkey.p, key.p, key.len) == 0;
    }
    if (!known)
      fn(ud, (uint32_t)ci, lpt,
         g->english_gloss ? g->term_offset : g->gloss_offset);
  }
  tl_buf_fini(&key);
  tl_buf_fini(&fkey);
}

void tl_pair_key(const char *term, const char *rendering, tl_buf *key)
{
  tl_buf_clear(key);
  tl_buf_addc(key, TL_PAIR_MARK);
  tl_utf8_lower(term, strlen(term), key);
  tl_buf_addc(key, '\x1f');
  tl_utf8_lower(rendering, strlen(rendering), key);
  tl_buf_cstr(key);
}

bool tl_pair_rejected(const tl_map *rejected, const char *term,
                      const char *rendering)
{
  tl_buf key;
  bool out;

  if (rejected == NULL || rejected->count == 0)
    return false;
  tl_buf_init(&key);
  tl_pair_key(term, rendering, &key);
  out = tl_map_find(rejected, key.p, key.len) != NULL;
  tl_buf_fini(&key);
  return out;
}

static tl_status put_rejection(void *ud, const char *key, const char *word,
                               tl_error *err)
{
  (void)word;
  (void)err;
  if (key[0] == TL_PAIR_MARK)
    tl_map_put(ud, key, strlen(key), 0, NULL);
  return TL_OK;
}
