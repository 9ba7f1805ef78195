/* libFuzzer target: the .tradlint.toml parser. */
#include "tradlint.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  tl_config cfg;
  tl_error err;

  if (tl_config_parse(&cfg, "dir/.tradlint.toml", (const char *)data, size,
                      &err) == TL_OK) {
    tl_config_ignores(&cfg, "dir/artigos/a.md");
    tl_config_fini(&cfg);
  }
  return 0;
}
