#include "unit.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

static void touch(const char *rel)
{
  char path[512], *slash;
  FILE *fp;

  snprintf(path, sizeof path, "%s/%s", dir, rel);
  for (slash = strchr(path + strlen(dir) + 1, '/'); slash != NULL;
       slash = strchr(slash + 1, '/')) {
    *slash = '\0';
    mkdir(path, 0755);
    *slash = '/';
  }
  fp = fopen(path, "w");
  assert_non_null(fp);
  fputs("x\n", fp);
  fclose(fp);
}

static int setup(void **state)
{
  (void)state;
  snprintf(dir, sizeof dir, "/tmp/tl-pairs-XXXXXX");
  if (mkdtemp(dir) == NULL)
    return -1;
  touch("a.md");
  touch("a.en.md");
  touch("b.pt-BR.md");
  touch("b.en.md");
  touch("c.md");
  touch("site/en/docs/d.md");
  touch("site/pt-BR/docs/d.md");
  touch("site/pt-BR/docs/e.md");
  return 0;
}

static int teardown(void **state)
{
  char cmd[300];
  (void)state;
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

static char *at(const char *rel)
{
  static char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  return path;
}

#define ASSERT_SOURCE(target, expect)                                         \
  do {                                                                        \
    char *got_ = tl_pair_find_source(at(target), NULL);                       \
    if ((expect) == NULL) {                                                   \
      assert_null(got_);                                                      \
    } else {                                                                  \
      char want_[512];                                                        \
      snprintf(want_, sizeof want_, "%s/%s", dir, (const char *)(expect));    \
      assert_non_null(got_);                                                  \
      assert_string_equal(got_, want_);                                       \
    }                                                                         \
    free(got_);                                                               \
  } while (0)

static void test_find_source(void **state)
{
  (void)state;
  ASSERT_SOURCE("a.md", "a.en.md");
  ASSERT_SOURCE("b.pt-BR.md", "b.en.md");
  ASSERT_SOURCE("c.md", NULL);
  ASSERT_SOURCE("site/pt-BR/docs/d.md", "site/en/docs/d.md");
  ASSERT_SOURCE("site/pt-BR/docs/e.md", NULL);
  ASSERT_SOURCE("a.en.md", NULL); /* a source has no source */
}

static void test_is_source(void **state)
{
  tl_pair_rules r = {"en", "pt-BR"};

  (void)state;
  assert_true(tl_pair_is_source(at("a.en.md"), NULL));
  assert_true(tl_pair_is_source(at("b.en.md"), &r));
  assert_true(tl_pair_is_source(at("site/en/docs/d.md"), NULL));
  assert_false(tl_pair_is_source(at("a.md"), NULL));
  assert_false(tl_pair_is_source(at("c.md"), NULL));
  assert_false(tl_pair_is_source(at("site/pt-BR/docs/d.md"), NULL));
}

static void test_other_languages(void **state)
{
  tl_pair_rules r = {"EN-us", "pt"};
  char *got;

  (void)state;
  touch("f.pt.md");
  touch("f.EN-us.md");
  got = tl_pair_find_source(at("f.pt.md"), &r);
  assert_non_null(got);
  assert_true(strstr(got, "f.EN-us.md") != NULL);
  free(got);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_find_source),
      cmocka_unit_test(test_is_source),
      cmocka_unit_test(test_other_languages),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
