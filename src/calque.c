#include "calque.h"

#include "utf8.h"
#include "wordtr.h"

#include <string.h>

#define MAX_WORDS 3 /* longer names are not translated word by word */
#define MAX_TR 8    /* renderings per word */

void tl_calques_word_key(const char *w, size_t n, tl_buf *key)
{
  size_t start = key->len;

  tl_utf8_fold(w, n, key);
  n = key->len - start;
  if ((n == 2 || n == 3) && memcmp(key->p + start, "d", 1) == 0 &&
      (memcmp(key->p + start, "do", 2) == 0 ||
       memcmp(key->p + start, "da", 2) == 0) &&
      (n == 2 || key->p[start + 2] == 's')) {
    key->len = start;
    tl_buf_adds(key, "de");
  }
}

void tl_calques_first_keys(const tl_calques *c, tl_map *out)
{
  static const char *const de[] = {"de", "do", "da", "dos", "das"};
  tl_buf k;

  tl_buf_init(&k);
  for (size_t i = 0; i < c->forms.cap; i++) {
    const tl_map_slot *s = &c->forms.slots[i];
    size_t n;
    if (s->key == NULL)
      continue;
    n = strcspn(s->key, " ");
    if (n == 2 && memcmp(s->key, "de", 2) == 0) {
      for (size_t j = 0; j < sizeof de / sizeof *de; j++) {
        tl_buf_clear(&k);
        tl_gloss_word_key(de[j], strlen(de[j]), &k);
        tl_map_put(out, k.p, k.len, 1, NULL);
      }
      continue;
    }
    /* the form's words are folded already: their key is the token's */
    tl_buf_clear(&k);
    tl_gloss_word_key(s->key, n, &k);
    tl_map_put(out, k.p, k.len, 1, NULL);
  }
  tl_buf_fini(&k);
}

/* Tokens checked without the filter before it is built: building it
 * (1.8 M instructions with the house glossary) costs about what this many
 * tokens save. */
#define FILTER_AFTER 4096

void tl_calque_filter_init(tl_calque_filter *f)
{
  tl_map_init(&f->first);
  f->built = false;
  f->tokens = 0;
}

void tl_calque_filter_fini(tl_calque_filter *f)
{
  tl_map_fini(&f->first);
}

const tl_map *tl_calque_filter_get(tl_calque_filter *f, const tl_calques *c,
                                   size_t ntokens)
{
  if (!f->built) {
    f->tokens += ntokens;
    if (f->tokens < FILTER_AFTER)
      return NULL;
    tl_calques_first_keys(c, &f->first);
    f->built = true;
  }
  return &f->first;
}

/* The key of a whole text: its words' keys joined by one space. */
static void text_key(const char *s, size_t n, tl_buf *key)
{
  tl_phrase_key(s, n, key, tl_calques_word_key);
}

static void relate(tl_calques *c, uint32_t a, uint32_t b)
{
  uint32_t k[2] = {a, b};
  bool created;

  if (a == b)
    return;
  tl_map_put(&c->family, (const char *)k, sizeof k, 1, &created);
  k[0] = b;
  k[1] = a;
  tl_map_put(&c->family, (const char *)k, sizeof k, 1, &created);
}

bool tl_calques_related(const tl_calques *c, uint32_t a, uint32_t b)
{
  uint32_t k[2] = {a, b};
  return a == b || tl_map_find(&c->family, (const char *)k, sizeof k) != NULL;
}

uint32_t tl_calques_find(const tl_calques *c, const char *key, size_t n)
{
  tl_map_slot *s = tl_map_find_filtered(&c->forms, key, n);
  return s ? s->value : 0;
}

/* A name written in English letters: ASCII letters, spaces, hyphens. */
static bool english_name(const char *s)
{
  bool letter = false;
  for (; *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')
      letter = true;
    else if (ch != ' ' && ch != '-')
      return false;
  }
  return letter;
}

typedef struct deriver {
  tl_calques *c;
  const tl_map *taken; /* keys of every glossary rendering */
  uint32_t concept;
  const char *words[MAX_WORDS];
  size_t lens[MAX_WORDS], nwords;
  tl_buf tr[MAX_WORDS]; /* NUL-separated renderings, the word itself first */
  size_t ntr[MAX_WORDS];
  tl_buf key, self;
} deriver;

/* A key without its spaces and its connectors "de" (word_key folds do/da
 * into it): "pesquisa de google" and "pesquisa google" are one form, so
 * that a name's official Portuguese form ("Pesquisa Google", written "a
 * Pesquisa do Google" too) is never the calque of another name ("Google
 * Research"). */
static void squeeze(const char *key, size_t n, tl_buf *out)
{
  size_t i = 0;

  while (i < n) {
    size_t e = i;
    while (e < n && key[e] != ' ')
      e++;
    if (!(e - i == 2 && key[i] == 'd' && key[i + 1] == 'e'))
      tl_buf_add(out, key + i, e - i);
    i = e < n ? e + 1 : e;
  }
}

static void put(deriver *d, const char *const *w, size_t n, bool de)
{
  bool created;

  tl_buf_clear(&d->key);
  for (size_t i = 0; i < n; i++) {
    if (i > 0) {
      tl_buf_addc(&d->key, ' ');
      if (de && i == n - 1)
        tl_buf_adds(&d->key, "de ");
    }
    tl_calques_word_key(w[i], strlen(w[i]), &d->key);
  }
  /* not the name itself, nor a rendering the glossary lists (an official
   * Portuguese name is no calque) */
  if (d->key.len == d->self.len &&
      memcmp(d->key.p, d->self.p, d->key.len) == 0)
    return;
  {
    tl_buf joined;
    tl_buf_init(&joined);
    squeeze(d->key.p, d->key.len, &joined);
    created = tl_map_find(d->taken, joined.p, joined.len) == NULL;
    tl_buf_fini(&joined);
    if (!created)
      return;
  }
  tl_map_put(&d->c->forms, d->key.p, d->key.len, d->concept + 1, &created);
  d->c->nforms += created;
}

/* Every combination of renderings, in the name's order, reversed, and (for
 * two words) reversed with "de" between. */
static void derive(deriver *d)
{
  size_t idx[MAX_WORDS] = {0};
  const char *w[MAX_WORDS], *r[MAX_WORDS];

  for (;;) {
    const char *p;
    bool any = false;
    for (size_t i = 0; i < d->nwords; i++) {
      p = d->tr[i].p;
      for (size_t k = 0; k < idx[i]; k++)
        p += strlen(p) + 1;
      w[i] = p;
      any |= idx[i] > 0; /* index 0 is the English word itself */
    }
    if (any) {
      put(d, w, d->nwords, false);
      if (d->nwords >= 2) {
        for (size_t i = 0; i < d->nwords; i++)
          r[i] = w[d->nwords - 1 - i];
        put(d, r, d->nwords, false);
        if (d->nwords == 2)
          put(d, r, 2, true);
      }
    }
    /* next combination */
    {
      size_t i = 0;
      while (i < d->nwords && ++idx[i] >= d->ntr[i])
        idx[i++] = 0;
      if (i == d->nwords)
        break;
    }
  }
}

/* Keys of the accepted renderings of every name, without spaces: what a
 * derived form must not be. */
static void taken_keys(const tl_gloss *g, tl_map *taken)
{
  tl_buf k;

  tl_buf_init(&k);
  for (size_t i = 0; i < g->nf; i++) {
    const char *t = g->f[i].text;
    tl_buf f;
    bool created;
    /* a name's accepted forms (an official Portuguese name); a common
     * term's rendering is no name ("perplexidade" the metric: "a
     * Perplexidade" capitalised is the company's calque) */
    if (g->f[i].kind == TL_FORM_FORBIDDEN || !g->c[g->f[i].concept].exact)
      continue;
    tl_buf_init(&f);
    text_key(t, strlen(t), &f);
    tl_buf_clear(&k);
    squeeze(f.p, f.len, &k);
    tl_map_put(taken, k.p, k.len, 1, &created);
    tl_buf_fini(&f);
  }
  tl_buf_fini(&k);
}

/* Families: names in a name's note, and the words of a longer name. */
static void families(tl_calques *c, const tl_gloss *g)
{
  tl_map names; /* exact preferred text -> concept + 1 */
  bool created;

  tl_map_init(&names);
  for (size_t i = 0; i < g->nc; i++)
    if (g->c[i].exact)
      tl_map_put(&names, g->c[i].preferred, strlen(g->c[i].preferred),
                 (uint32_t)i + 1, &created);
  for (size_t i = 0; i < g->nc; i++) {
    const tl_concept *k = &g->c[i];
    const char *texts[2] = {k->preferred, k->note};
    if (!k->exact)
      continue;
    for (size_t t = 0; t < 2; t++) {
      const char *s = texts[t];
      uint32_t parts[16];
      size_t np = 0;
      if (s == NULL)
        continue;
      /* every word and pair of words of the text that is a name */
      while (*s && np < 16) {
        const char *e = s, *e2;
        tl_map_slot *m;
        while (*e && *e != ' ' && *e != ',' && *e != '.' && *e != '(' &&
               *e != ')' && *e != ';' && *e != ':' && *e != '"')
          e++;
        if (e > s && (m = tl_map_find(&names, s, (size_t)(e - s))) != NULL)
          parts[np++] = m->value - 1;
        if (*e == ' ' && np < 16) {
          e2 = e + 1;
          while (*e2 && *e2 != ' ' && *e2 != ',' && *e2 != '.' &&
                 *e2 != ')' && *e2 != ';')
            e2++;
          if ((m = tl_map_find(&names, s, (size_t)(e2 - s))) != NULL)
            parts[np++] = m->value - 1;
        }
        s = *e ? e + 1 : e;
      }
      for (size_t a = 0; a < np; a++) {
        relate(c, (uint32_t)i, parts[a]);
        if (t == 0) /* the words of one name are of one family */
          for (size_t b = a + 1; b < np; b++)
            relate(c, parts[a], parts[b]);
      }
    }
  }
  tl_map_fini(&names);
}

void tl_calques_init(tl_calques *c, const tl_gloss *g)
{
  tl_wordtr wt;
  tl_map taken;
  deriver d;

  memset(c, 0, sizeof *c);
  tl_map_init_filtered(&c->forms); /* mostly misses: a word run a probe */
  tl_map_init(&c->family);
  tl_nearmiss_init(&c->near, g);
  if (g == NULL)
    return;
  tl_wordtr_init(&wt, g);
  tl_map_init(&taken);
  taken_keys(g, &taken);
  memset(&d, 0, sizeof d);
  d.c = c;
  d.taken = &taken;
  for (size_t i = 0; i < MAX_WORDS; i++)
    tl_buf_init(&d.tr[i]);
  tl_buf_init(&d.key);
  tl_buf_init(&d.self);
  for (size_t i = 0; i < g->nc; i++) {
    const tl_concept *k = &g->c[i];
    const char *s = k->preferred;
    bool ok = true;
    if (!k->exact || !english_name(s))
      continue;
    d.concept = (uint32_t)i;
    d.nwords = 0;
    while (*s && ok) {
      const char *e = s;
      while (*e && *e != ' ' && *e != '-')
        e++;
      if (e > s) {
        if (d.nwords == MAX_WORDS)
          ok = false;
        else {
          d.words[d.nwords] = s;
          d.lens[d.nwords++] = (size_t)(e - s);
        }
      }
      s = *e ? e + 1 : e;
    }
    if (!ok || d.nwords == 0)
      continue;
    tl_buf_clear(&d.self);
    text_key(k->preferred, strlen(k->preferred), &d.self);
    for (size_t w = 0; w < d.nwords; w++) {
      bool acronym = d.lens[w] <= 4;
      tl_buf_clear(&d.tr[w]);
      tl_buf_add(&d.tr[w], d.words[w], d.lens[w]); /* kept as is */
      tl_buf_addc(&d.tr[w], '\0');
      d.ntr[w] = 1;
      for (size_t q = 0; q < d.lens[w]; q++)
        acronym &= d.words[w][q] >= 'A' && d.words[w][q] <= 'Z';
      if (!acronym) /* AI, GPT: acronyms stay */
        d.ntr[w] += tl_wordtr_get(&wt, d.words[w], d.lens[w],
                                  TL_WORDTR_NOUN_ADJ, &d.tr[w], MAX_TR);
    }
    derive(&d);
  }
  for (size_t i = 0; i < MAX_WORDS; i++)
    tl_buf_fini(&d.tr[i]);
  tl_buf_fini(&d.key);
  tl_buf_fini(&d.self);
  tl_map_fini(&taken);
  tl_wordtr_fini(&wt);
  families(c, g);
}

void tl_calques_fini(tl_calques *c)
{
  tl_map_fini(&c->forms);
  tl_map_fini(&c->family);
  tl_nearmiss_fini(&c->near);
}
