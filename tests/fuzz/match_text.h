/* The glossary fuzz targets' common step: a loaded glossary matched
 * against a fixed text of names, compounds and inflected terms. */
#ifndef TL_FUZZ_MATCH_TEXT_H
#define TL_FUZZ_MATCH_TEXT_H

#include "gloss.h"

static inline void fuzz_match_text(const tl_gloss *g)
{
  static const char text[] = "O GPT-4o e a OpenAI usam pré-treinamento, "
                             "modelos de recompensa e Open AI.";
  tl_seg seg = {0, sizeof text - 1, 0};
  tl_unit u = {TL_BLK_PARA, 0, &seg, 1};
  tl_tokens t;
  tl_matches m;

  tl_tokens_init(&t);
  tl_matches_init(&m);
  tl_tokenize_unit(&t, text, sizeof text - 1, &u);
  tl_gloss_match(g, NULL, text, &t, &m);
  tl_matches_fini(&m);
  tl_tokens_fini(&t);
}

#endif
