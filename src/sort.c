#include "sort.h"

#include "buf.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct keyed {
  uint64_t key;
  size_t idx;
} keyed;

/* Element i takes the one that was at from[i]: moved in place, a cycle of
 * the permutation at a time, through one element's room (a copy of the
 * whole array would double the peak of a long document's hits). from is
 * spent. */
static void permute(unsigned char *v, size_t n, size_t size, size_t *from)
{
  unsigned char *tmp = tl_xmalloc(size);

  for (size_t i = 0; i < n; i++) {
    size_t j = i;
    if (from[i] == i)
      continue;
    memcpy(tmp, v + i * size, size);
    for (;;) {
      size_t k = from[j];
      from[j] = j; /* placed */
      if (k == i) {
        memcpy(v + j * size, tmp, size);
        break;
      }
      memcpy(v + j * size, v + k * size, size);
      j = k;
    }
  }
  free(tmp);
}

/* Whether the keys are in order already (nothing to move, nothing to
 * allocate). */
static bool in_order(const unsigned char *v, size_t n, size_t size,
                     uint64_t (*key)(const void *))
{
  uint64_t prev = key(v);

  for (size_t i = 1; i < n; i++) {
    uint64_t k = key(v + i * size);
    if (k < prev)
      return false;
    prev = k;
  }
  return true;
}

void tl_sort_stable(void *base, size_t n, size_t size,
                    uint64_t (*key)(const void *))
{
  keyed *a, *b;
  unsigned char *v = base;
  size_t *from;
  uint64_t all_or = 0, all_and = ~(uint64_t)0;

  if (n < 2 || in_order(v, n, size, key))
    return;
  a = tl_xmalloc(n * sizeof *a);
  for (size_t i = 0; i < n; i++) {
    a[i] = (keyed){key(v + i * size), i};
    all_or |= a[i].key;
    all_and &= a[i].key;
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
  from = tl_xmalloc(n * sizeof *from);
  for (size_t i = 0; i < n; i++)
    from[i] = a[i].idx;
  free(a);
  permute(v, n, size, from);
  free(from);
}

void tl_sort_stable_dense(void *base, size_t n, size_t size,
                          uint64_t (*key)(const void *), size_t nkeys)
{
  unsigned char *v = base;
  size_t *start, *from;

  if (n < 2 || in_order(v, n, size, key))
    return;
  if (nkeys / 4 > n) { /* sparse: counting would cost more than sorting */
    tl_sort_stable(base, n, size, key);
    return;
  }
  for (size_t i = 0; i < n; i++)
    if (key(v + i * size) >= nkeys) { /* not dense after all */
      tl_sort_stable(base, n, size, key);
      return;
    }
  /* a counting sort: where each key's elements start, then each element
   * to its place, in order */
  start = tl_xcalloc(nkeys + 1, sizeof *start);
  for (size_t i = 0; i < n; i++)
    start[key(v + i * size) + 1]++;
  for (size_t k = 1; k <= nkeys; k++)
    start[k] += start[k - 1];
  from = tl_xmalloc(n * sizeof *from);
  for (size_t i = 0; i < n; i++)
    from[start[key(v + i * size)]++] = i;
  free(start);
  permute(v, n, size, from);
  free(from);
}
