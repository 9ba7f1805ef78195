/* libFuzzer target: the compiled glossary cache's reader (the payload of a
 * cache file: every count, offset and index checked) and the matcher and
 * calques built from what it accepts. */
#include "gloss_cache.h"
#include "match_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  tl_gloss *g;
  tl_calques *c;
  tl_spell_words w;

  tl_spell_words_init(&w);
  if (tl_gloss_cache_decode(data, size, &g, &c, &w)) {
    tl_buf k;
    fuzz_match_text(g);
    tl_buf_init(&k);
    tl_nearmiss_key("modelo de linguagem amplo", 25, &k);
    (void)tl_nearmiss_find(&c->near, k.p, k.len);
    (void)tl_calques_find(c, "copiloto", 8);
    (void)tl_gloss_find_en(g, "reinforcement learning", 22);
    (void)tl_map_find(&w.forms, "modelo", 6);
    tl_buf_fini(&k);
    tl_gloss_free(g);
    tl_calques_fini(c);
    free(c);
  }
  tl_spell_words_fini(&w);
  return 0;
}
