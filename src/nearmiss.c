/* Near misses of the glossary's multi-word common terms, derived once:
 * every rendering with one of its words swapped for another plausible
 * translation of the English word that word renders ("modelo de linguagem
 * amplo" for large language model, "aprendizado por fortalecimento" for
 * reinforcement learning), the head of the term kept. Evidence, not edit
 * distance: each Portuguese word is aligned with the English word whose
 * renderings (wordtr.h) contain it; the head is the word aligned with the
 * English term's last word; only a word aligned with another English word
 * is swapped, and only for a rendering of that same English word. A swap
 * that shares its first letters with the word it replaces (treino for
 * treinamento) is a morphological variant, left to the consistency checks;
 * a phrase the glossary lists for any concept is never a near miss. */
#include "nearmiss.h"

#include "utf8.h"
#include "wordtr.h"

#include <stdlib.h>
#include <string.h>

#define MAX_EN 4  /* English words of a term */
#define MAX_PT 5  /* Portuguese words of a rendering */
#define MAX_TR 12 /* renderings per English word */
#define SAME_STEM 4

void tl_phrase_key(const char *s, size_t n, tl_buf *key,
                   void (*word_key)(const char *, size_t, tl_buf *))
{
  size_t i = 0;

  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != ' ' && s[j] != '-')
      j++;
    if (j > i) {
      if (key->len > 0)
        tl_buf_addc(key, ' ');
      word_key(s + i, j - i, key);
    }
    i = j + 1;
  }
}

void tl_nearmiss_key(const char *s, size_t n, tl_buf *key)
{
  tl_phrase_key(s, n, key, tl_gloss_word_key);
}

static bool en_function_word(const char *w, size_t n)
{
  static const char *const WORDS[] = {"of", "the", "a",  "an", "and", "for",
                                      "to", "in",  "on", "by", "with", NULL};
  for (size_t i = 0; WORDS[i] != NULL; i++)
    if (strlen(WORDS[i]) == n && strncmp(WORDS[i], w, n) == 0)
      return true;
  return false;
}

typedef struct span {
  const char *p;
  size_t n;
} span;

/* Split @s at spaces and hyphens (up to @max words, '|' ends it). */
static size_t split(const char *s, span *out, size_t max)
{
  size_t n = 0;

  while (*s != '\0' && *s != '|') {
    size_t len = strcspn(s, " -|");
    if (len > 0) {
      if (n == max)
        return max + 1;
      out[n++] = (span){s, len};
    }
    s += len;
    while (*s == ' ' || *s == '-')
      s++;
  }
  return n;
}

/* The word keys of the renderings of English word @e: NUL-separated in
 * @keys, the words themselves in @words. */
static size_t renderings(const tl_wordtr *wt, span e, tl_buf *words,
                         tl_buf *keys)
{
  size_t n;
  const char *p;

  tl_buf_clear(words);
  tl_buf_clear(keys);
  n = tl_wordtr_get(wt, e.p, e.n, TL_WORDTR_NOUN_ADJ, words, MAX_TR);
  p = words->p;
  for (size_t i = 0; i < n; i++) {
    tl_gloss_word_key(p, strlen(p), keys);
    tl_buf_addc(keys, '\0');
    p += strlen(p) + 1;
  }
  return n;
}

static bool has_key(const tl_buf *keys, size_t n, const char *k, size_t kn)
{
  const char *p = keys->p;
  for (size_t i = 0; i < n; i++) {
    if (strlen(p) == kn && memcmp(p, k, kn) == 0)
      return true;
    p += strlen(p) + 1;
  }
  return false;
}

static bool same_stem(const char *a, size_t an, const char *b, size_t bn)
{
  return an >= SAME_STEM && bn >= SAME_STEM &&
         memcmp(a, b, SAME_STEM) == 0;
}

typedef struct builder {
  tl_nearmiss *nm;
  const tl_map *taken;
  const tl_wordtr *wt;
  tl_buf enw[MAX_EN], enk[MAX_EN]; /* renderings of each English word */
  size_t ntr[MAX_EN];
  tl_buf key, wkey;
} builder;

/* The near misses of one rendering @f of concept @ci, whose English term
 * has @ne words (their renderings in @b). */
static void derive(builder *b, uint32_t ci, const char *f, size_t ne)
{
  span pw[MAX_PT];
  size_t np = split(f, pw, MAX_PT), wk[MAX_PT + 1];
  int aligned[MAX_PT];
  int head = -1;

  if (np < 2 || np > MAX_PT)
    return;
  /* the word keys of the rendering, and their alignment */
  tl_buf_clear(&b->wkey);
  wk[0] = 0;
  for (size_t j = 0; j < np; j++) {
    tl_gloss_word_key(pw[j].p, pw[j].n, &b->wkey);
    wk[j + 1] = b->wkey.len;
    aligned[j] = -1;
    for (size_t e = 0; e < ne && aligned[j] < 0; e++)
      if (b->ntr[e] > 0 &&
          has_key(&b->enk[e], b->ntr[e], b->wkey.p + wk[j], wk[j + 1] - wk[j]))
        aligned[j] = (int)e;
    if (aligned[j] == (int)ne - 1)
      head = (int)j;
  }
  if (head < 0)
    return; /* the head is not known: no evidence */
  for (size_t j = 0; j < np; j++) {
    const char *p;
    size_t e;
    if (aligned[j] < 0 || (int)j == head)
      continue;
    e = (size_t)aligned[j];
    p = b->enk[e].p;
    for (size_t r = 0; r < b->ntr[e]; r++, p += strlen(p) + 1) {
      size_t rn = strlen(p);
      bool created;
      tl_map_slot *s;
      if (rn == 0 || strchr(p, ' ') != NULL ||
          same_stem(p, rn, b->wkey.p + wk[j], wk[j + 1] - wk[j]))
        continue;
      tl_buf_clear(&b->key);
      for (size_t q = 0; q < np; q++) {
        if (q > 0)
          tl_buf_addc(&b->key, ' ');
        if (q == j)
          tl_buf_add(&b->key, p, rn);
        else
          tl_buf_add(&b->key, b->wkey.p + wk[q], wk[q + 1] - wk[q]);
      }
      if (tl_map_find(b->taken, b->key.p, b->key.len) != NULL)
        continue;
      s = tl_map_put(&b->nm->forms, b->key.p, b->key.len, ci + 1, &created);
      if (created)
        b->nm->nforms++;
      else if (s->value != ci + 1)
        s->value = TL_NEARMISS_AMBIGUOUS;
    }
  }
}

static bool en_sep(char c)
{
  return c != '\0' && strchr(TL_EN_RUN_SEPS, c) != NULL;
}

/* Raise the bound of first word w[0..n) to @words, if it is one. */
static void raise_en_first(tl_map *m, const char *w, size_t n,
                           unsigned words)
{
  tl_map_slot *s = tl_map_find(m, w, n);

  if (s != NULL && s->value < words)
    s->value = words;
}

/* The bounds of nm->en_first (tl_nearmiss_en_first): for every English
 * term of @g, common or a name (a name is looked for only from a word
 * some common term opens with), its words as the runs count them (pieces
 * between TL_EN_RUN_SEPS, in its lookup key lowered), raised at every
 * prefix of the key a run's first word may be (one that ends before a
 * separator or at the end), and at that prefix without a plural 's' (the
 * first word is asked with it cut too). The whole field counts, a note
 * in parentheses too: more words than the key's is still a bound. */
static void en_first_bounds(tl_nearmiss *nm, const tl_gloss *g)
{
  tl_buf k;

  tl_buf_init(&k);
  for (size_t i = 0; i < g->nc; i++) {
    const char *p = g->c[i].en;
    while (p != NULL && *p != '\0') {
      size_t n = strcspn(p, "|"), kn;
      unsigned words = 0;
      char *key;
      tl_buf_clear(&k);
      tl_gloss_en_key(p, n, g->c[i].exact, &k);
      key = k.p + 2; /* after "a:" or "x:" */
      kn = k.len - 2;
      for (size_t q = 0; q < kn; q++) {
        if (key[q] >= 'A' && key[q] <= 'Z')
          key[q] = (char)(key[q] + 32);
        words += !en_sep(key[q]) && (q == 0 || en_sep(key[q - 1]));
      }
      for (size_t q = 1; q <= kn && q < 64; q++) {
        if (en_sep(key[q - 1]) || (q < kn && !en_sep(key[q])))
          continue;
        raise_en_first(&nm->en_first, key, q, words);
        if (q > 1 && key[q - 1] == 's')
          raise_en_first(&nm->en_first, key, q - 1, words);
      }
      p += n;
      if (*p == '|')
        p++;
    }
  }
  tl_buf_fini(&k);
}

void tl_nearmiss_init(tl_nearmiss *nm, const tl_gloss *g)
{
  tl_wordtr wt;
  tl_map taken;
  builder b;
  bool created;
  size_t *at;      /* concept i's forms: order[at[i] .. at[i + 1]) */
  uint32_t *order;

  memset(nm, 0, sizeof *nm);
  tl_map_init_filtered(&nm->forms); /* mostly misses */
  tl_map_init(&nm->en_first);
  tl_map_init(&nm->first);
  if (g == NULL)
    return;
  tl_map_init(&taken);
  memset(&b, 0, sizeof b);
  tl_buf_init(&b.key);
  tl_buf_init(&b.wkey);
  for (size_t e = 0; e < MAX_EN; e++) {
    tl_buf_init(&b.enw[e]);
    tl_buf_init(&b.enk[e]);
  }
  /* every rendering the glossary lists, of any concept */
  for (size_t i = 0; i < g->nf; i++) {
    tl_buf_clear(&b.key);
    tl_nearmiss_key(g->f[i].text, strlen(g->f[i].text), &b.key);
    tl_map_put(&taken, b.key.p, b.key.len, 1, &created);
  }
  /* each concept's forms, in form order: a counting sort, so that the
   * loop below reads the forms once in all, not once per concept */
  at = tl_xcalloc(g->nc + 1, sizeof *at);
  order = tl_xmalloc((g->nf + 1) * sizeof *order);
  for (size_t f = 0; f < g->nf; f++)
    at[g->f[f].concept + 1]++;
  for (size_t i = 0; i < g->nc; i++)
    at[i + 1] += at[i];
  for (size_t f = 0; f < g->nf; f++)
    order[at[g->f[f].concept]++] = (uint32_t)f;
  for (size_t i = g->nc; i > 0; i--) /* back to each concept's start */
    at[i] = at[i - 1];
  at[0] = 0;
  tl_wordtr_init(&wt, g);
  b.nm = nm;
  b.taken = &taken;
  b.wt = &wt;
  for (size_t i = 0; i < g->nc; i++) {
    const tl_concept *k = &g->c[i];
    span en[MAX_EN + 1];
    size_t ne;
    if (k->exact || k->en == NULL)
      continue;
    for (const char *p = k->en; *p != '\0';) { /* every English term */
      char low[64];
      size_t n = strcspn(p, " -|");
      if (n > 0 && n < sizeof low) {
        for (size_t q = 0; q < n; q++)
          low[q] = (char)(p[q] >= 'A' && p[q] <= 'Z' ? p[q] + 32 : p[q]);
        tl_map_put(&nm->en_first, low, n, 1, &created);
      }
      p = strchr(p, '|');
      if (p == NULL)
        break;
      p++;
    }
    ne = split(k->en, en, MAX_EN);
    if (ne < 2 || ne > MAX_EN)
      continue;
    for (size_t e = 0; e < ne; e++)
      b.ntr[e] = en_function_word(en[e].p, en[e].n)
                     ? 0
                     : renderings(&wt, en[e], &b.enw[e], &b.enk[e]);
    for (size_t q = at[i]; q < at[i + 1]; q++)
      if (g->f[order[q]].kind != TL_FORM_ABBREV)
        derive(&b, (uint32_t)i, g->f[order[q]].text, ne);
  }
  en_first_bounds(nm, g);
  free(at);
  free(order);
  tl_wordtr_fini(&wt);
  for (size_t e = 0; e < MAX_EN; e++) {
    tl_buf_fini(&b.enw[e]);
    tl_buf_fini(&b.enk[e]);
  }
  tl_buf_fini(&b.key);
  tl_buf_fini(&b.wkey);
  tl_map_fini(&taken);
  for (size_t i = 0; i < nm->forms.cap; i++) {
    const tl_map_slot *s = &nm->forms.slots[i];
    if (s->key != NULL)
      tl_map_put(&nm->first, s->key, strcspn(s->key, " "), 1, NULL);
  }
}

void tl_nearmiss_fini(tl_nearmiss *nm)
{
  tl_map_fini(&nm->forms);
  tl_map_fini(&nm->en_first);
  tl_map_fini(&nm->first);
}

bool tl_nearmiss_first(const tl_nearmiss *nm, const char *key, size_t n)
{
  return tl_map_find(&nm->first, key, n) != NULL;
}

unsigned tl_nearmiss_en_first(const tl_nearmiss *nm, const char *w, size_t n)
{
  char low[64];
  const tl_map_slot *s, *p = NULL;

  if (n == 0 || n >= sizeof low)
    return 0;
  for (size_t q = 0; q < n; q++)
    low[q] = (char)(w[q] >= 'A' && w[q] <= 'Z' ? w[q] + 32 : w[q]);
  s = tl_map_find(&nm->en_first, low, n);
  if (n > 1 && low[n - 1] == 's')
    p = tl_map_find(&nm->en_first, low, n - 1);
  if (s == NULL || (p != NULL && p->value > s->value))
    s = p;
  return s == NULL ? 0 : s->value;
}

uint32_t tl_nearmiss_find(const tl_nearmiss *nm, const char *key, size_t n)
{
  tl_map_slot *s = tl_map_find_filtered(&nm->forms, key, n);
  return s == NULL || s->value == TL_NEARMISS_AMBIGUOUS ? 0 : s->value;
}
