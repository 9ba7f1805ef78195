#include "sort.h"

#include "buf.h"

#include <stdlib.h>
#include <string.h>

typedef struct keyed {
  uint64_t key;
  size_t idx;
} keyed;

void tl_sort_stable(void *base, size_t n, size_t size,
                    uint64_t (*key)(const void *))
{
  keyed *a, *b;
  unsigned char *v = base, *tmp;
  uint64_t all_or = 0, all_and = ~(uint64_t)0;
  bool sorted = true;

  if (n < 2)
    return;
  a = tl_xmalloc(n * sizeof *a);
  for (size_t i = 0; i < n; i++) {
    a[i] = (keyed){key(v + i * size), i};
    all_or |= a[i].key;
    all_and &= a[i].key;
    if (i > 0 && a[i].key < a[i - 1].key)
      sorted = false;
  }
  if (sorted) { /* in order already: nothing moves */
    free(a);
    return;
  }
  b = tl_xmalloc(n * sizeof *b);
  for (unsigned shift = 0; shift < 64; shift += 8) {
    size_t count[256] = {0}, at = 0;
    keyed *t;
    if ((((all_or ^ all_and) >> shift) & 0xFF) == 0)
      continue; /* every key has this byte: the pass would change nothing */
    for (size_t i = 0; i < n; i++)
      count[(a[i].key >> shift) & 0xFF]++;
    for (size_t d = 0; d < 256; d++) {
      size_t c = count[d];
      count[d] = at;
      at += c;
    }
    for (size_t i = 0; i < n; i++)
      b[count[(a[i].key >> shift) & 0xFF]++] = a[i];
    t = a;
    a = b;
    b = t;
  }
  free(b);
  tmp = tl_xmalloc(n * size);
  for (size_t i = 0; i < n; i++)
    memcpy(tmp + i * size, v + a[i].idx * size, size);
  memcpy(v, tmp, n * size);
  free(tmp);
  free(a);
}
