/* libFuzzer target: the compiled pt-PT list's reader (the payload of a
 * ptpt-*.bin cache file, used where it lies: every offset, length and
 * index checked by tl_ptpt_decode) and lookups in what it accepts. */
#include "ptpt.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static const char *const words[] = {"ecrã", "utilizador", "Utilizador",
                                      "económico", "receção", "facto",
                                      "", "a", NULL};
  /* the payload is borrowed where it lies: a copy of the exact size, so
   * that the sanitizer sees a read past its end */
  unsigned char *q = malloc(size > 0 ? size : 1);
  tl_ptpt *p;

  if (q == NULL)
    return 0;
  if (size > 0)
    memcpy(q, data, size);
  p = tl_ptpt_decode(q, size);
  if (p != NULL) {
    for (size_t i = 0; words[i] != NULL; i++) {
      const tl_ptpt_entry *e = tl_ptpt_lookup(p, words[i], strlen(words[i]));
      if (e != NULL && (strlen(e->ptpt) == (size_t)-1 ||
                        strlen(e->ptbr) == (size_t)-1 ||
                        strlen(e->rule) == (size_t)-1))
        abort(); /* every string of an entry ends inside the payload */
    }
    (void)tl_ptpt_size(p);
    tl_ptpt_free(p);
  }
  free(q);
  return 0;
}
