/* consistency.derived: one phrase written with two derivations of the same
 * word ("sandbox de aprendizado" and "sandbox de aprendizagem",
 * "quantização de pesos" and "quantificação de pesos", "ajuste de pesos"
 * and "ajustamento de pesos") in one document, though no glossary concept
 * lists it. A phrase is two or three adjacent words of one sentence with a
 * content word besides the derived one; the other words must be the same
 * (inflection aside) and the derived word must share its stem and differ
 * only in a nominal suffix of one family. Phrases whose derived word a glossary match covers are left to the glossary's
 * checks. */
#include "check.h"
#include "msg.h"

#include "input.h"
#include "sort.h"
#include "utf8.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Suffixes as they end a word key (folded, inflection removed: "-ção" is
 * "ca", "-agem" is "agen", "-ado" is "ad"), longest first within a family.
 * Family 1: nouns of action or result; family 2: adjectives of ability. */
#define SUF(s, family) {s, sizeof s - 1, family}
static const struct {
  const char *suf;
  unsigned char len, family;
} SUFFIXES[] = {
    SUF("ificaca", 1), SUF("izaca", 1), SUF("amento", 1), SUF("imento", 1),
    SUF("ament", 1),   SUF("iment", 1), SUF("aca", 1),    SUF("ica", 1),
    SUF("agen", 1),    SUF("ad", 1),    SUF("e", 1),      SUF("avel", 2),
    SUF("ivel", 2),
};
#undef SUF
#define NSUFFIXES (sizeof SUFFIXES / sizeof SUFFIXES[0])
#define MIN_STEM 4
#define MAX_WORDS 3

/* "e" (ajuste, controle) pairs with -amento/-imento only: "modelo" and
 * "modelagem" are two concepts, "ajuste" and "ajustamento" one. */
static bool zero_pairs_with(const char *a, const char *b)
{
  if (strcmp(a, "e") != 0)
    return true;
  return strncmp(b, "ament", 5) == 0 || strncmp(b, "iment", 5) == 0;
}

/* "-ado" (aprendizado) pairs with "-agem" only: "comunicado" and
 * "comunicação", "chamado" and "chamamento" are two words. */
static bool ado_pairs_with(const char *a, const char *b)
{
  return strcmp(a, "ad") != 0 || strcmp(b, "agen") == 0;
}

static bool compatible(unsigned sa, unsigned sb)
{
  const char *a = SUFFIXES[sa].suf, *b = SUFFIXES[sb].suf;
  return SUFFIXES[sa].family == SUFFIXES[sb].family && sa != sb &&
         zero_pairs_with(a, b) && zero_pairs_with(b, a) &&
         ado_pairs_with(a, b) && ado_pairs_with(b, a);
}

/* The suffixes by their last letter, in SUFFIXES' order: by_last[c] is
 * the first index ending in c, next_same[i] the next after i (NO_SUFFIX
 * ends both), so that a word is compared with the suffixes that end as it
 * does, not with all of them. */
#define NO_SUFFIX 0xFF
static unsigned char by_last[256], next_same[NSUFFIXES];
static pthread_once_t suffix_once = PTHREAD_ONCE_INIT;

static void index_suffixes(void)
{
  memset(by_last, NO_SUFFIX, sizeof by_last);
  for (size_t i = NSUFFIXES; i-- > 0;) {
    unsigned char last =
        (unsigned char)SUFFIXES[i].suf[SUFFIXES[i].len - 1];
    next_same[i] = by_last[last];
    by_last[last] = (unsigned char)i;
  }
}

/* The suffix of word key k[0..n) (index into SUFFIXES) and its stem length,
 * or -1. index_suffixes has run. */
static int derivation(const char *k, size_t n, size_t *stem)
{
  if (n <= MIN_STEM)
    return -1;
  for (unsigned i = by_last[(unsigned char)k[n - 1]]; i != NO_SUFFIX;
       i = next_same[i]) {
    size_t sl = SUFFIXES[i].len;
    if (n >= sl + MIN_STEM && memcmp(k + n - sl, SUFFIXES[i].suf, sl) == 0) {
      *stem = n - sl;
      return (int)i;
    }
  }
  return -1;
}

static bool is_function_word(const char *k, size_t n)
{
#define W(s) {s, sizeof s - 1}
  static const struct {
    const char *w;
    size_t len;
  } WORDS[] = {
      W("de"),  W("do"),  W("da"),  W("dos"),   W("das"),  W("em"),
      W("no"),  W("na"),  W("nos"), W("nas"),   W("aos"),
      W("por"), W("pel"), W("par"), W("com"),   W("sem"),  W("sobr"),
      W("entr"), W("um"), W("uma"), W("que"),   W("mai"),  W("men"),
      W("muit"), W("tod"), W("est"), W("ess"),  W("sua"),  W("seu"),
      W("nao"), W("ist"), W("iss"), W("aquel"), W("outr"), W("mesm"),
      W("cad")};
#undef W
  if (n < 3)
    return true;
  if (n > 5) /* the longest listed: "aquel" */
    return false;
  for (size_t i = 0; i < sizeof WORDS / sizeof WORDS[0]; i++)
    if (WORDS[i].len == n && WORDS[i].w[0] == k[0] &&
        memcmp(WORDS[i].w, k, n) == 0)
      return true;
  return false;
}

/* Only spaces (or emphasis marks) between two tokens: one phrase. */
static bool adjacent(const char *doc, const tl_token *a, const tl_token *b)
{
  return tl_tokens_adjacent(doc, a, b, " \t\r\n*_");
}

static bool covered(const tl_matches *m, size_t off, size_t end)
{
  return tl_matches_overlap(m, off, end) != NULL;
}

/* What the phrases need of one token's word key, worked out once per
 * token rather than once per phrase and position. */
typedef struct token_key {
  int suffix;  /* derivation(): index into SUFFIXES, or -1 */
  size_t stem; /* its stem length */
  bool function_word;
  bool word;      /* a word token in lower or title case */
  bool next_adj;  /* the next token follows in the same phrase */
} token_key;

static void token_keys(const char *all, const size_t *offs, size_t n,
                       token_key *tk)
{
  pthread_once(&suffix_once, index_suffixes);
  for (size_t i = 0; i < n; i++) {
    const char *k = all + offs[i];
    size_t kn = offs[i + 1] - offs[i];
    tk[i].stem = 0;
    tk[i].suffix = derivation(k, kn, &tk[i].stem);
    tk[i].function_word = is_function_word(k, kn);
  }
}

/* token_keys for the block's tokens @t: a word's suffix, stem and function
 * test are worked out once a spelling and kept in its entry
 * (tl_ctx_word). */
static void block_token_keys(tl_ctx *c, const tl_tokens *t, const char *all,
                             const size_t *offs, token_key *tk)
{
  pthread_once(&suffix_once, index_suffixes);
  for (size_t i = 0; i < t->n; i++) {
    const char *k = all + offs[i];
    size_t kn = offs[i + 1] - offs[i];
    tl_wordinfo *w = tl_ctx_word(c, t, i);
    if (w != NULL && (w->flags & TL_WI_DV_ASKED)) {
      tk[i].suffix = w->dsuffix;
      tk[i].stem = w->dstem;
      tk[i].function_word = (w->flags & TL_WI_DV_FUNCTION) != 0;
      continue;
    }
    tk[i].stem = 0;
    tk[i].suffix = derivation(k, kn, &tk[i].stem);
    tk[i].function_word = is_function_word(k, kn);
    if (w != NULL) {
      w->flags |= TL_WI_DV_ASKED |
                  (tk[i].function_word ? TL_WI_DV_FUNCTION : 0);
      w->dsuffix = (int8_t)tk[i].suffix;
      w->dstem = (uint32_t)tk[i].stem;
    }
  }
}

/* The group of the phrase of tokens [i, i + n) for its word j: the words,
 * word j cut to its stem and marked with its family ("objetiv de
 * 1~aprendiz"), into @group. Returns word j's suffix (index into
 * SUFFIXES), or -1 when it is no derivation or the phrase is no term (no
 * other content word; it opens or closes on a function word). */
static int phrase_group(const char *all, const size_t *offs,
                        const token_key *tk, size_t i, size_t n, size_t j,
                        tl_buf *group)
{
  int s = tk[i + j].suffix;
  bool content = false;

  if (s < 0)
    return -1;
  for (size_t k = 0; k < n; k++)
    if (k != j && !tk[i + k].function_word)
      content = true;
  /* a phrase opening or closing on a function word is not a term */
  if (!content || tk[i].function_word || tk[i + n - 1].function_word)
    return -1;
  tl_buf_clear(group);
  for (size_t k = 0; k < n; k++) {
    const char *key = all + offs[i + k];
    if (k)
      tl_buf_addc(group, ' ');
    if (k == j) {
      tl_buf_addc(group, (char)('0' + SUFFIXES[s].family));
      tl_buf_addc(group, '~');
      tl_buf_add(group, key, tk[i + k].stem);
    } else {
      tl_buf_add(group, key, offs[i + k + 1] - offs[i + k]);
    }
  }
  tl_buf_cstr(group);
  return s;
}

void tl_check_derived(tl_ctx *c, const tl_tokens *t, const tl_matches *m)
{
  tl_buf group;
  const char *all;
  const size_t *offs;
  token_key *tk;

  if (t->n < 2 || t->n > TL_PHRASE_MAX_TOKENS)
    return;
  tl_buf_init(&group);
  offs = tl_ctx_token_keys(c, t, &all);
  tk = tl_xmalloc(t->n * sizeof *tk);
  block_token_keys(c, t, all, offs, tk);
  /* each token's word test and its adjacency to the next, once: a token
   * is in up to five phrases */
  for (size_t i = 0; i < t->n; i++) {
    const tl_token *tok = &t->v[i];
    tk[i].word = tok->kind == TL_TOK_WORD &&
                 !(tok->flags & (TL_TF_ALLCAPS | TL_TF_INNERCAP));
    tk[i].next_adj = i + 1 < t->n && tk[i].word &&
                     adjacent(c->doc, tok, &t->v[i + 1]);
  }
  for (size_t i = 0; i < t->n; i++) {
    bool derived = tk[i].suffix >= 0; /* a word of the phrase has one */
    if (!tk[i].word)
      continue;
    for (size_t n = 2; n <= MAX_WORDS && i + n <= t->n; n++) {
      const tl_token *last = &t->v[i + n - 1];
      /* words, each next to the one before: the phrase one word shorter
       * was, so only its new last word is asked */
      if (!tk[i + n - 2].next_adj || !tk[i + n - 1].word)
        break;
      derived |= tk[i + n - 1].suffix >= 0;
      if (!derived)
        continue; /* no derivation: phrase_group would say no to each */
      for (size_t j = 0; j < n; j++) {
        int s;
        tl_map_slot *slot;
        if (tk[i + j].suffix < 0)
          continue; /* no derivation: phrase_group says no at once */
        s = phrase_group(all, offs, tk, i, n, j, &group);
        if (s < 0 || covered(m, t->v[i + j].off,
                             t->v[i + j].off + t->v[i + j].len))
          continue;
        if (last->off + last->len - t->v[i].off > UINT32_MAX)
          continue; /* a phrase of 4 GiB: no such thing in prose */
        slot = tl_map_put(&c->derived, group.p, group.len,
                          (uint32_t)c->derived.count, NULL);
        TL_GROW(c->dhits, c->capdhits, c->ndhits + 1);
        c->dhits[c->ndhits++] = (tl_derived_hit){
            t->v[i].off, (uint32_t)(last->off + last->len - t->v[i].off),
            (uint32_t)(t->v[i + j].off - t->v[i].off), slot->value,
            (uint8_t)s};
      }
    }
  }
  tl_buf_fini(&group);
  free(tk);
}

static uint64_t hit_group(const void *a)
{
  return ((const tl_derived_hit *)a)->group;
}

static uint64_t hit_off(const void *a)
{
  return ((const tl_derived_hit *)a)->off;
}

/* Report the hits of group [s, e) whose suffix is not the group's most
 * used one (first used on a tie), once per derived word. */
static void report_group(tl_ctx *c, size_t s, size_t e, tl_lines *li,
                         tl_map *reported)
{
  size_t house = s, best = 0, counts[NSUFFIXES] = {0};

  for (size_t i = s; i < e; i++)
    counts[c->dhits[i].suffix]++;
  for (size_t i = s; i < e; i++)
    if (counts[c->dhits[i].suffix] > best) {
      best = counts[c->dhits[i].suffix];
      house = i;
    }
  for (size_t i = s; i < e; i++) {
    const tl_derived_hit *u = &c->dhits[i], *h = &c->dhits[house];
    size_t word = u->off + u->word; /* the key: its offset's bytes */
    const char *sugg;
    tl_finding *fd;
    bool created;
    if (!compatible(u->suffix, h->suffix))
      continue;
    tl_map_put(reported, (const char *)&word, sizeof word, 0, &created);
    if (!created)
      continue;
    sugg = tl_result_surface(c->res, h->off, h->len);
    fd = tl_result_add(
        c->res, u->off, u->len, "consistency.derived", "consistency",
        TL_WARNING,
        _("'%s' aqui; este texto também escreve '%s' (linha %u): duas "
          "derivações da mesma palavra para um mesmo termo; use uma forma só"),
        tl_result_surface(c->res, u->off, u->len), sugg,
        tl_lines_line(li, h->off));
    tl_result_set_suggestions(c->res, fd, &sugg, 1);
  }
}

void tl_check_derived_end(tl_ctx *c)
{
  tl_lines li;
  tl_map reported; /* derived words already reported (2 and 3 words) */

  if (c->ndhits < 2)
    return;
  /* by group, then offset */
  tl_sort_stable(c->dhits, c->ndhits, sizeof *c->dhits, hit_off);
  /* group ids are the map's values, 0 .. count - 1 */
  tl_sort_stable_dense(c->dhits, c->ndhits, sizeof *c->dhits, hit_group,
                       c->derived.count);
  tl_lines_init(&li, c->doc, c->len, c->res->bom);
  tl_map_init(&reported);
  for (size_t s = 0; s < c->ndhits;) {
    size_t e = s + 1;
    while (e < c->ndhits && c->dhits[e].group == c->dhits[s].group)
      e++;
    if (e - s > 1)
      report_group(c, s, e, &li, &reported);
    s = e;
  }
  tl_map_fini(&reported);
  tl_lines_fini(&li);
}

bool tl_derived_compatible(int a, int b)
{
  return a >= 0 && b >= 0 && (size_t)a < NSUFFIXES && (size_t)b < NSUFFIXES &&
         compatible((unsigned)a, (unsigned)b);
}

size_t tl_derived_groups(const char *p, size_t len, tl_buf *groups,
                         int *suffixes, size_t max)
{
  tl_seg seg = {0, len, 0};
  tl_unit u = {TL_BLK_PARA, 0, &seg, 1};
  tl_tokens t;
  tl_buf all, group;
  size_t offs[MAX_WORDS + 1], ng = 0;
  token_key tk[MAX_WORDS];
  bool ok;

  tl_buf_clear(groups);
  tl_tokens_init(&t);
  tl_tokenize_unit(&t, p, len, &u);
  ok = t.n >= 2 && t.n <= MAX_WORDS;
  for (size_t k = 0; k < t.n && ok; k++)
    ok = t.v[k].kind == TL_TOK_WORD;
  if (!ok) {
    tl_tokens_fini(&t);
    return 0;
  }
  tl_buf_init(&all);
  tl_buf_init(&group);
  tl_gloss_token_keys(p, &t, &all, offs);
  token_keys(all.p, offs, t.n, tk);
  for (size_t j = 0; j < t.n && ng < max; j++) {
    int s = phrase_group(all.p, offs, tk, 0, t.n, j, &group);
    if (s < 0)
      continue;
    tl_buf_add(groups, group.p, group.len);
    tl_buf_addc(groups, '\0');
    suffixes[ng++] = s;
  }
  tl_buf_fini(&all);
  tl_buf_fini(&group);
  tl_tokens_fini(&t);
  return ng;
}

const char *tl_derived_group(const tl_ctx *c, uint32_t idx)
{
  for (size_t i = 0; i < c->derived.cap; i++)
    if (c->derived.slots[i].key != NULL && c->derived.slots[i].value == idx)
      return c->derived.slots[i].key;
  return NULL;
}

void tl_derived_name(const char *group, tl_buf *out)
{
  tl_buf_clear(out);
  while (*group != '\0') {
    size_t n = strcspn(group, " ");
    if (n > 2 && group[1] == '~') {
      tl_buf_add(out, group + 2, n - 2);
      tl_buf_addc(out, '*');
    } else {
      tl_buf_add(out, group, n);
    }
    group += n;
    if (*group == ' ') {
      tl_buf_addc(out, ' ');
      group++;
    }
  }
  tl_buf_cstr(out);
}

void tl_derived_record(const tl_ctx *c, tl_map *surfaces)
{
  const char **group;
  tl_buf row;

  if (c->ndhits == 0)
    return;
  group = tl_xcalloc(c->derived.count + 1, sizeof *group);
  for (size_t i = 0; i < c->derived.cap; i++)
    if (c->derived.slots[i].key != NULL &&
        c->derived.slots[i].value < c->derived.count)
      group[c->derived.slots[i].value] = c->derived.slots[i].key;
  tl_buf_init(&row);
  for (size_t i = 0; i < c->ndhits; i++) {
    const tl_derived_hit *h = &c->dhits[i];
    const char *g = group[h->group];
    if (g == NULL)
      continue;
    tl_buf_clear(&row);
    tl_buf_addc(&row, TL_DERIVED_MARK);
    tl_buf_adds(&row, g);
    tl_buf_addc(&row, '\x1f');
    tl_phrase_text(c->doc, h->off, h->len, true, &row);
    tl_map_put(surfaces, row.p, row.len, 0, NULL)->value++;
  }
  tl_buf_fini(&row);
  free(group);
}
