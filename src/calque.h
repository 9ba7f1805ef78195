/* Literal translations of the glossary's names, derived automatically:
 * every word of an English name (Copilot, Stable Diffusion, Hugging Face)
 * rendered word by word (wordtr.h), in both word orders and with "de"
 * between two nouns ("Copiloto", "Difusão Estável", "Rosto Abraçado",
 * "Ações do GitHub"). A derived form that the glossary lists as a
 * rendering of any concept (an official Portuguese name, a common term) is
 * never derived. Also the family of each name: the names its note or a
 * longer name ties it to (Copilot: Microsoft, GitHub Copilot, GitHub), the
 * evidence that a lower-case "copiloto" means the product. */
#ifndef TL_CALQUE_H
#define TL_CALQUE_H

#include "gloss.h"
#include "nearmiss.h"

/* Kept between runs by gloss_cache.c: a field added here is added there. */
typedef struct tl_calques {
  tl_map forms;  /* folded words joined by ' ' ("de" for do/da/dos/das)
                    -> concept + 1 */
  tl_map family; /* 8 bytes: two concept indices -> 1 */
  size_t nforms;
  tl_nearmiss near; /* near misses of the common terms */
} tl_calques;

/* Derive the calques of @g's names, and the near misses of its common
 * terms (nearmiss.h). */
void tl_calques_init(tl_calques *c, const tl_gloss *g);
void tl_calques_fini(tl_calques *c);

/* The concept index + 1 of the calque with key @key[0..n), or 0. */
uint32_t tl_calques_find(const tl_calques *c, const char *key, size_t n);

/* Put into @out (a set) the word key (tl_gloss_word_key) of every word a
 * calque may begin with: a token whose key is not in it opens no calque
 * (a cheap filter before the phrase keys). A calque's first word "de"
 * stands for de/do/da/dos/das, which its key merges. */
void tl_calques_first_keys(const tl_calques *c, tl_map *out);

/* A linter's filter of calques' first words, built once the linter has
 * checked enough tokens for it to pay back (building costs about what
 * 4,000 tokens save: a single article checks without it). Each linter has
 * its own: never shared between threads. */
typedef struct tl_calque_filter {
  tl_map first; /* tl_calques_first_keys, once built */
  bool built;
  size_t tokens; /* tokens checked before it was built */
} tl_calque_filter;

void tl_calque_filter_init(tl_calque_filter *f);
void tl_calque_filter_fini(tl_calque_filter *f);
/* @f's set, built from @c once @f has seen enough tokens (counting
 * @ntokens more), else NULL: check without it. */
const tl_map *tl_calque_filter_get(tl_calque_filter *f, const tl_calques *c,
                                   size_t ntokens);

/* Whether concepts @a and @b are the same or of one family. */
bool tl_calques_related(const tl_calques *c, uint32_t a, uint32_t b);

/* Append to @key the key of one word: folded (case and accents), with
 * do/da/dos/das/de made "de". */
void tl_calques_word_key(const char *w, size_t n, tl_buf *key);

#endif
