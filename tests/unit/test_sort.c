#include "unit.h"

#include "sort.h"

/* Elements as the callers sort them: two keys and their first place. */
typedef struct item {
  size_t off;
  uint32_t group;
  uint32_t place;
} item;

static uint64_t by_off(const void *a)
{
  return ((const item *)a)->off;
}

static uint64_t by_group(const void *a)
{
  return ((const item *)a)->group;
}

/* The order tl_sort_stable must give: (group, off), then first place. */
static int cmp_ref(const void *a, const void *b)
{
  const item *x = a, *y = b;
  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if (x->off != y->off)
    return x->off < y->off ? -1 : 1;
  return x->place < y->place ? -1 : (x->place > y->place);
}

/* Random arrays of many sizes, with many equal keys and offsets past 32
 * bits, sorted by offset then group: the same order as a comparison sort
 * by (group, offset, first place). */
static void test_stable_two_keys(void **state)
{
  uint64_t seed = 0x9E3779B97F4A7C15ULL;

  (void)state;
  for (size_t n = 0; n < 3000; n = n * 2 + 1) {
    item *v = malloc((n + 1) * sizeof *v), *ref = malloc((n + 1) * sizeof *v);
    for (size_t i = 0; i < n; i++) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      v[i].off = (size_t)(seed >> 33) % (n / 2 + 1);
      if (i % 7 == 0)
        v[i].off += (size_t)1 << 40;
      v[i].group = (uint32_t)(seed >> 20) % 5;
      v[i].place = (uint32_t)i;
    }
    memcpy(ref, v, n * sizeof *v);
    qsort(ref, n, sizeof *ref, cmp_ref);
    tl_sort_stable(v, n, sizeof *v, by_off);
    tl_sort_stable(v, n, sizeof *v, by_group);
    assert_memory_equal(v, ref, n * sizeof *v);
    free(v);
    free(ref);
  }
}

/* A sorted array is left as it is; a reversed one with equal keys keeps
 * their order. */
static void test_sorted_and_reversed(void **state)
{
  item v[6] = {{5, 0, 0}, {4, 0, 1}, {4, 0, 2}, {2, 0, 3}, {2, 0, 4},
               {1, 0, 5}};
  const uint32_t want[6] = {5, 3, 4, 1, 2, 0};

  (void)state;
  tl_sort_stable(v, 6, sizeof *v, by_off);
  for (size_t i = 0; i < 6; i++)
    assert_int_equal(v[i].place, want[i]);
  tl_sort_stable(v, 6, sizeof *v, by_off);
  for (size_t i = 0; i < 6; i++)
    assert_int_equal(v[i].place, want[i]);
}

/* The dense counting sort gives tl_sort_stable's order, keys below the
 * bound or not (a key past it falls back), and both move the elements in
 * place whatever their size (cycles of the permutation). */
static void test_dense_same_order(void **state)
{
  uint64_t seed = 0x2545F4914F6CDD1DULL;

  (void)state;
  for (size_t n = 0; n < 5000; n = n * 3 + 1) {
    item *v = malloc((n + 1) * sizeof *v), *ref = malloc((n + 1) * sizeof *v);
    for (size_t i = 0; i < n; i++) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      v[i].off = (size_t)(seed >> 30) % (n + 1);
      v[i].group = (uint32_t)(seed >> 17) % (uint32_t)(n / 3 + 1);
      v[i].place = (uint32_t)i;
    }
    tl_sort_stable(v, n, sizeof *v, by_off);
    memcpy(ref, v, n * sizeof *v);
    tl_sort_stable(ref, n, sizeof *ref, by_group);
    tl_sort_stable_dense(v, n, sizeof *v, by_group, n / 3 + 1);
    assert_memory_equal(v, ref, n * sizeof *v);
    if (n > 1) { /* a bound too low: the fallback, the same order */
      tl_sort_stable(v, n, sizeof *v, by_off);
      tl_sort_stable_dense(v, n, sizeof *v, by_group, 1);
      assert_memory_equal(v, ref, n * sizeof *v);
    }
    free(v);
    free(ref);
  }
}

static uint64_t by_first_byte(const void *a)
{
  return *(const unsigned char *)a;
}

/* Elements of 3 bytes: the in-place move copies whole elements. */
static void test_odd_size(void **state)
{
  unsigned char v[3 * 7] = {9, 'a', 'b', 3, 'c', 'd', 7, 'e', 'f', 3, 'g', 'h',
                            1, 'i', 'j', 9, 'k', 'l', 0, 'm', 'n'};
  const unsigned char want[3 * 7] = {0, 'm', 'n', 1, 'i', 'j', 3, 'c', 'd',
                                     3, 'g', 'h', 7, 'e', 'f', 9, 'a', 'b',
                                     9, 'k', 'l'};
  unsigned char w[3 * 7];

  (void)state;
  memcpy(w, v, sizeof v);
  tl_sort_stable(v, 7, 3, by_first_byte);
  assert_memory_equal(v, want, sizeof want);
  tl_sort_stable_dense(w, 7, 3, by_first_byte, 10);
  assert_memory_equal(w, want, sizeof want);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_stable_two_keys),
      cmocka_unit_test(test_sorted_and_reversed),
      cmocka_unit_test(test_dense_same_order),
      cmocka_unit_test(test_odd_size),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
