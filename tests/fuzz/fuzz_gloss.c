/* libFuzzer target: the glossary loader and the matcher built from it. */
#include "gloss.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  tl_gloss *g = tl_gloss_new();
  tl_error err;

  if (tl_gloss_load_buffer(g, "fuzz.tsv", (const char *)data, size, &err) ==
      TL_OK) {
    /* match the glossary's own text against itself */
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
  tl_gloss_free(g);
  return 0;
}
