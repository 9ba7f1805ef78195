#include "unit.h"

#include "buf.h"
#include "spell.h"
#include "vcache.h"

#include <unistd.h>

static char dir[64];

static int setup(void **state)
{
  (void)state;
  snprintf(dir, sizeof dir, "/tmp/tl-vcache-XXXXXX");
  return mkdtemp(dir) != NULL ? 0 : -1;
}

static int teardown(void **state)
{
  char cmd[128];
  (void)state;
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

static tl_vcache *open_ok(const char *id)
{
  char *warning = NULL;
  tl_vcache *c = tl_vcache_open(dir, id, &warning);
  assert_null(warning);
  return c;
}

/* Verdicts and lists survive a save and a new open; this run's wins. */
static void test_round_trip(void **state)
{
  tl_spell_backing b;
  tl_vcache *c = open_ok("pt_BR test");
  const char *sv[] = {"treinamento", "tratamento"};
  char *block = NULL;
  tl_error err;
  (void)state;
  tl_vcache_backing(c, &b);
  assert_int_equal(b.lookup(b.ud, b.dict, "treinamento", 11), -1);
  b.save(b.ud, b.dict, "treinamento", 11, 1);
  b.save(b.ud, b.dict, "treinamneto", 11, 0);
  b.save_sugg(b.ud, b.dict, "treinamneto\1", 12, sv, 2);
  b.save_sugg(b.ud, b.dict, "xyzzy", 5, sv, 0);
  assert_int_equal(b.lookup(b.ud, b.dict, "treinamento", 11), 1);
  assert_int_equal(tl_vcache_save(c, &err), TL_OK);
  tl_vcache_free(c);

  c = open_ok("pt_BR test");
  tl_vcache_backing(c, &b);
  assert_int_equal(tl_vcache_count(c), 4);
  assert_int_equal(b.lookup(b.ud, b.dict, "treinamento", 11), 1);
  assert_int_equal(b.lookup(b.ud, b.dict, "treinamneto", 11), 0);
  assert_int_equal(b.lookup(b.ud, b.dict, "treinament", 10), -1);
  assert_int_equal(b.get_sugg(b.ud, b.dict, "treinamneto\1", 12, &block), 2);
  assert_string_equal(block, "treinamento");
  assert_string_equal(block + strlen(block) + 1, "tratamento");
  free(block);
  assert_int_equal(b.get_sugg(b.ud, b.dict, "xyzzy", 5, &block), 0);
  free(block);
  assert_int_equal(b.get_sugg(b.ud, b.dict, "treinamneto", 11, &block), -1);
  /* a verdict and a list of the same word are different entries */
  assert_int_equal(b.get_sugg(b.ud, b.dict, "treinamento", 11, &block), -1);
  b.save(b.ud, b.dict, "treinamento", 11, 0); /* this run's value wins */
  b.save(b.ud, b.dict, "modelo", 6, 1);
  assert_int_equal(tl_vcache_save(c, &err), TL_OK);
  tl_vcache_free(c);
  c = open_ok("pt_BR test");
  tl_vcache_backing(c, &b);
  assert_int_equal(tl_vcache_count(c), 5);
  assert_int_equal(b.lookup(b.ud, b.dict, "treinamento", 11), 0);
  assert_int_equal(b.lookup(b.ud, b.dict, "modelo", 6), 1);
  tl_vcache_free(c);
}

/* Overwrite n bytes of the cache file of @id at @at, and/or truncate it. */
static void damage(const char *id, long at, const char *bytes, size_t n,
                   long truncate_to)
{
  char *w = NULL;
  tl_vcache *c = tl_vcache_open(dir, id, &w);
  FILE *fp;
  free(w);
  fp = fopen(tl_vcache_path(c), "r+b");
  assert_non_null(fp);
  if (n > 0) { /* at < 0: from the end */
    assert_int_equal(fseek(fp, at, at < 0 ? SEEK_END : SEEK_SET), 0);
    assert_int_equal(fwrite(bytes, 1, n, fp), n);
  }
  fclose(fp);
  if (truncate_to >= 0)
    assert_int_equal(truncate(tl_vcache_path(c), truncate_to), 0);
  tl_vcache_free(c);
}

static void fill(const char *id, const char *word)
{
  tl_vcache *c = open_ok(id);
  tl_spell_backing b;
  tl_error err;
  tl_vcache_backing(c, &b);
  b.save(b.ud, b.dict, word, strlen(word), 1);
  assert_int_equal(tl_vcache_save(c, &err), TL_OK);
  tl_vcache_free(c);
}

/* A damaged file is ignored with a message, never trusted, and replaced. */
static void expect_ignored(const char *id, const char *reason)
{
  char *w = NULL;
  tl_spell_backing b;
  tl_error err;
  tl_vcache *c = tl_vcache_open(dir, id, &w);
  assert_non_null(w);
  assert_non_null(strstr(w, "ignorado"));
  assert_non_null(strstr(w, reason));
  free(w);
  tl_vcache_backing(c, &b);
  assert_int_equal(b.lookup(b.ud, b.dict, "palavra", 7), -1);
  b.save(b.ud, b.dict, "outra", 5, 1);
  assert_int_equal(tl_vcache_save(c, &err), TL_OK); /* rebuilt */
  tl_vcache_free(c);
  c = open_ok(id);
  tl_vcache_backing(c, &b);
  assert_int_equal(b.lookup(b.ud, b.dict, "outra", 5), 1);
  tl_vcache_free(c);
}

static void test_damaged_files(void **state)
{
  (void)state;
  fill("d1", "palavra");
  damage("d1", -3, "\x55", 1, -1); /* a flipped byte in a record */
  expect_ignored("d1", "soma de verificação");
  fill("d2", "palavra");
  damage("d2", 0, "", 0, 40); /* cut short */
  expect_ignored("d2", "truncado");
  fill("d3", "palavra");
  damage("d3", 0, "GIF89a..", 8, -1); /* something else */
  expect_ignored("d3", "não é um cache");
  fill("d4", "palavra");
  damage("d4", 0, "", 0, 0); /* empty */
  expect_ignored("d4", "truncado");
}

/* A file of another identity under the same name is not trusted. */
static void test_foreign_identity(void **state)
{
  char *w = NULL;
  tl_vcache *a, *b;
  char cmd[512];
  (void)state;
  fill("identity A", "palavra");
  a = open_ok("identity A");
  b = tl_vcache_open(dir, "identity B", &w);
  assert_null(w); /* no file of B's yet */
  snprintf(cmd, sizeof cmd, "cp '%s' '%s'", tl_vcache_path(a),
           tl_vcache_path(b));
  assert_int_equal(system(cmd), 0);
  tl_vcache_free(a);
  tl_vcache_free(b);
  expect_ignored("identity B", "outros dicionários");
}

/* A folder that cannot be made is an error on saving, not a crash. */
static void test_unwritable(void **state)
{
  char sub[128], *w = NULL;
  FILE *fp;
  tl_vcache *c;
  tl_spell_backing b;
  tl_error err;
  (void)state;
  snprintf(sub, sizeof sub, "%s/plain", dir);
  fp = fopen(sub, "w"); /* a file where a folder would be: even root fails */
  assert_non_null(fp);
  fclose(fp);
  strcat(sub, "/cache");
  c = tl_vcache_open(sub, "x", &w);
  assert_null(w);
  tl_vcache_backing(c, &b);
  b.save(b.ud, b.dict, "a", 1, 1);
  assert_int_equal(tl_vcache_save(c, &err), TL_EIO);
  assert_non_null(strstr(err.msg, "plain"));
  tl_vcache_free(c);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_round_trip),
      cmocka_unit_test(test_damaged_files),
      cmocka_unit_test(test_foreign_identity),
      cmocka_unit_test(test_unwritable),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
