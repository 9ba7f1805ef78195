#include "unit.h"

#include "map.h"

#include "cachefile.h"

/* A key of its own for each @i. */
static size_t key_of(char *out, size_t cap, const char *what, unsigned i)
{
  return (size_t)snprintf(out, cap, "%s %u", what, i);
}

/* Every key of @m is found by tl_map_find_filtered with its value, and
 * passes the filter; of @nabsent absent keys, none is found and most are
 * turned away by the filter alone. */
static void assert_filter_keeps(const tl_map *m, unsigned nabsent)
{
  unsigned passed = 0;
  char k[64];

  assert_true(m->filtered);
  assert_non_null(m->filter);
  for (size_t i = 0; i < m->cap; i++) {
    const tl_map_slot *s = &m->slots[i];
    if (s->key == NULL)
      continue;
    assert_true(tl_map_may_have(m, s->key, s->len));
    assert_ptr_equal(tl_map_find_filtered(m, s->key, s->len), s);
  }
  for (unsigned i = 0; i < nabsent; i++) {
    size_t n = key_of(k, sizeof k, "absent", i);
    assert_null(tl_map_find_filtered(m, k, n));
    passed += tl_map_may_have(m, k, n);
  }
  /* 8 to 16 bits a key: about 6% to 12% pass; all would if the filter
   * were all ones */
  assert_true(passed * 5 < nabsent);
}

/* Puts keep the filter through every growth of the table. */
static void test_filter_kept_by_puts(void **state)
{
  tl_map m;
  char k[64];

  (void)state;
  tl_map_init_filtered(&m);
  assert_null(tl_map_find_filtered(&m, "x", 1)); /* empty: no table yet */
  for (unsigned i = 0; i < 5000; i++) {
    size_t n = key_of(k, sizeof k, "key", i);
    tl_map_put(&m, k, n, i + 1, NULL);
    if (i == 10 || i == 100 || i == 1000)
      assert_filter_keeps(&m, 1000);
  }
  assert_filter_keeps(&m, 20000);
  for (unsigned i = 0; i < 5000; i++) {
    size_t n = key_of(k, sizeof k, "key", i);
    const tl_map_slot *s = tl_map_find_filtered(&m, k, n);
    assert_non_null(s);
    assert_int_equal(s->value, i + 1);
  }
  tl_map_fini(&m);
}

/* A map read back by tl_cache_get_map gets its filter filled as the
 * records are read (a filter left empty turns every key away); a map not
 * filtered gets none, and tl_map_find_filtered probes it as tl_map_find. */
static void test_filter_filled_by_cache_reader(void **state)
{
  tl_map m, back, plain;
  tl_buf b;
  char k[64];

  (void)state;
  tl_map_init(&m);
  for (unsigned i = 0; i < 3000; i++) {
    size_t n = key_of(k, sizeof k, "term", i);
    tl_map_put(&m, k, n, i, NULL);
  }
  assert_null(m.filter);
  tl_buf_init(&b);
  tl_cache_put_map(&b, &m);
  tl_cache_put_map(&b, &m);
  {
    tl_cache_reader r = {(const unsigned char *)b.p, 0, b.len, false, NULL, 0,
                         false};
    tl_map_init_filtered(&back);
    tl_map_init(&plain);
    tl_cache_get_map(&r, &back);
    tl_cache_get_map(&r, &plain);
    assert_false(r.bad);
    assert_int_equal(r.at, b.len);
  }
  assert_int_equal(back.count, 3000);
  assert_filter_keeps(&back, 20000);
  assert_null(plain.filter);
  for (unsigned i = 0; i < 3000; i++) {
    size_t n = key_of(k, sizeof k, "term", i);
    assert_true(tl_map_may_have(&plain, k, n));
    assert_ptr_equal(tl_map_find_filtered(&plain, k, n),
                     tl_map_find(&plain, k, n));
    assert_non_null(tl_map_find(&plain, k, n));
  }
  /* a put after the read keeps the filter, growth included */
  for (unsigned i = 3000; i < 9000; i++) {
    size_t n = key_of(k, sizeof k, "term", i);
    tl_map_put(&back, k, n, i, NULL);
  }
  assert_filter_keeps(&back, 20000);
  tl_map_fini(&m);
  tl_map_fini(&back);
  tl_map_fini(&plain);
  tl_buf_fini(&b);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_filter_kept_by_puts),
      cmocka_unit_test(test_filter_filled_by_cache_reader),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
