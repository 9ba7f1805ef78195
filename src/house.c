#include "house.h"

#include "utf8.h"

#include <stdlib.h>
#include <string.h>

void tl_house_init(tl_house *h, unsigned min_names, unsigned min_words)
{
  memset(h, 0, sizeof *h);
  h->min_names = min_names;
  h->min_words = min_words;
  tl_map_init(&h->keys);
  tl_arena_init(&h->strs);
}

void tl_house_fini(tl_house *h)
{
  if (h == NULL)
    return;
  free(h->v);
  tl_map_fini(&h->keys);
  tl_arena_fini(&h->strs);
  memset(h, 0, sizeof *h);
}

typedef struct loader {
  tl_house *h;
  const tl_gloss *g;
  tl_map forbidden; /* folded forbidden forms of the glossary */
} loader;

static void on_word(void *ud, const char *key, const char *surface,
                    unsigned docs, unsigned uses, bool name,
                    const char *example)
{
  loader *ld = ud;
  tl_house *h = ld->h;
  tl_house_word *w;

  /* the glossary decides: a forbidden form, or an English term it renders
   * in Portuguese */
  if (tl_map_find(&ld->forbidden, key, strlen(key)) != NULL ||
      (ld->g != NULL &&
       tl_gloss_rendering(ld->g, surface, strlen(surface)) != NULL))
    return;
  if ((name ? h->min_names : h->min_words) == 0)
    return;
  TL_GROW(h->v, h->cap, h->n + 1);
  w = &h->v[h->n];
  w->key = tl_arena_strndup(&h->strs, key, strlen(key));
  w->surface = tl_arena_strndup(&h->strs, surface, strlen(surface));
  w->example = tl_arena_strndup(&h->strs, example, strlen(example));
  w->docs = docs;
  w->uses = uses;
  w->kind = name ? TL_HOUSE_NAME : TL_HOUSE_WORD;
  tl_map_put(&h->keys, w->key, strlen(w->key), (uint32_t)h->n + 1, NULL);
  h->n++;
}

tl_status tl_house_load(tl_house *h, tl_store *s, const tl_gloss *g,
                        tl_error *err)
{
  loader ld = {h, g, {0}};
  unsigned least = h->min_names;
  tl_status st;

  if (least == 0 || (h->min_words != 0 && h->min_words < least))
    least = h->min_words;
  if (least == 0)
    return TL_OK; /* nothing is ever accepted */
  tl_map_init(&ld.forbidden);
  for (size_t i = 0; g != NULL && i < g->nf; i++) {
    tl_buf k;
    if (g->f[i].kind != TL_FORM_FORBIDDEN)
      continue;
    tl_buf_init(&k);
    tl_utf8_fold(g->f[i].text, strlen(g->f[i].text), &k);
    tl_map_put(&ld.forbidden, k.p != NULL ? k.p : "", k.len, 1, NULL);
    tl_buf_fini(&k);
  }
  /* the document a check adds counts as one more */
  st = tl_store_house_words(s, least > 1 ? least - 1 : 1, on_word, &ld, err);
  tl_map_fini(&ld.forbidden);
  return st;
}

static unsigned threshold(const tl_house *h, const tl_house_word *w)
{
  return w->kind == TL_HOUSE_NAME ? h->min_names : h->min_words;
}

bool tl_house_is_accepted(const tl_house *h, const tl_house_word *w)
{
  unsigned min = threshold(h, w);
  return min != 0 && w->docs >= min;
}

/* Whether w[0..n) is @surface with its first letter upper-cased. */
static bool capitalised(const char *w, size_t n, const char *surface)
{
  tl_buf a, b;
  bool same;

  tl_buf_init(&a);
  tl_buf_init(&b);
  tl_utf8_lower(w, n, &a);
  tl_utf8_lower(surface, strlen(surface), &b);
  same = a.len == b.len && (a.len == 0 || memcmp(a.p, b.p, a.len) == 0);
  tl_buf_fini(&a);
  tl_buf_fini(&b);
  return same;
}

const tl_house_word *tl_house_find(const tl_house *h, const char *w,
                                   size_t n, bool initial, bool self)
{
  tl_buf key;
  tl_map_slot *slot;
  const tl_house_word *hw;
  unsigned min;

  if (h == NULL || h->n == 0)
    return NULL;
  tl_buf_init(&key);
  tl_utf8_fold(w, n, &key);
  slot = tl_map_find(&h->keys, key.p != NULL ? key.p : "", key.len);
  tl_buf_fini(&key);
  if (slot == NULL)
    return NULL;
  hw = &h->v[slot->value - 1];
  min = threshold(h, hw);
  if (min == 0 || hw->docs + (self ? 0u : 1u) < min)
    return NULL;
  if (strlen(hw->surface) == n && memcmp(hw->surface, w, n) == 0)
    return hw;
  /* "Podcast" opening a sentence is the house's "podcast"; a name is
   * written one way everywhere */
  if (initial && hw->kind == TL_HOUSE_WORD && capitalised(w, n, hw->surface))
    return hw;
  return NULL;
}
