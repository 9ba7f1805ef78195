/* libFuzzer target: the glossary loader and the matcher built from it. */
#include "gloss.h"
#include "match_text.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  tl_gloss *g = tl_gloss_new();
  tl_error err;

  if (tl_gloss_load_buffer(g, "fuzz.tsv", (const char *)data, size, &err) ==
      TL_OK) {
    fuzz_match_text(g); /* match the glossary against a text */
  }
  tl_gloss_free(g);
  return 0;
}
