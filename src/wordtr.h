/* Plausible Portuguese renderings of an English word, as a machine
 * translator produces them: the FreeDict English -> Portuguese table
 * (bilingual.h), the glossary's own one-word pairs (its `en` column) and
 * cognates by English -> Portuguese suffix rules (perplexity ->
 * perplexidade, copilot -> copiloto, llama -> lhama). For deriving literal
 * translations of names and near misses of glossary terms. */
#ifndef TL_WORDTR_H
#define TL_WORDTR_H

#include "gloss.h"

/* What a rendering may be (flags of tl_wordtr_get). */
enum {
  TL_WORDTR_NOUN_ADJ = 1u << 0 /* drop the verb-only senses of the table */
};

typedef struct tl_wordtr {
  const tl_gloss *g;
  tl_map single; /* folded one-word English term -> concept + 1 */
} tl_wordtr;

/* Index @g's one-word English terms (@g is borrowed for @w's life). */
void tl_wordtr_init(tl_wordtr *w, const tl_gloss *g);
void tl_wordtr_fini(tl_wordtr *w);

/* Append to @out the renderings of the English word @en[0..n) (any case),
 * each NUL-terminated, lower case, NFC, one word (no space), distinct, at
 * most @max; returns how many. */
size_t tl_wordtr_get(const tl_wordtr *w, const char *en, size_t n,
                     unsigned flags, tl_buf *out, size_t max);

#endif
