#include "unit.h"

#include "proper.h"

#include <unistd.h>

static void assert_names(tl_proper *p)
{
  assert_true(tl_proper_has(p, "Grant", 5));
  assert_true(tl_proper_has(p, "Bush", 4));
  assert_true(tl_proper_has(p, "Young", 5));
  assert_true(tl_proper_has(p, "Rose", 4)); /* the last line, no newline */
  assert_false(tl_proper_has(p, "Gran", 4));
  assert_false(tl_proper_has(p, "rose", 4));
  assert_false(tl_proper_has(p, "NASA", 4)); /* an acronym, not a name */
  assert_false(tl_proper_has(p, "X", 1));
  assert_false(tl_proper_has(p, "Grant/MS", 8));
  assert_false(tl_proper_has(p, "Granth", 6)); /* a longer entry's start */
  assert_false(tl_proper_has(p, "Zed", 3));    /* inside a line */
}

/* The capitalised entries of a .dic file (flags, CRLF line ends, a last
 * line without its end), and nothing else: searched in the text for the
 * first lookups, then from the index. */
static void test_capitalised_entries(void **state)
{
  char dir[] = "/tmp/tl-proper-XXXXXX", path[64];
  FILE *fp;
  tl_proper *p;
  (void)state;
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/xx_XX.dic", dir);
  fp = fopen(path, "w");
  assert_non_null(fp);
  fputs("7\nGrantham/M\nGrant/MS\nrose/M\nBush\r\nX\nNASA/M\n"
        "Young\tpo:noun\nxZed\nÉmile\nRose",
        fp);
  fclose(fp);
  p = tl_proper_new(dir, "xx_XX");
  assert_names(p); /* the first lookups search the text */
  assert_names(p); /* the others the index */
  tl_proper_free(p);
  unlink(path);
  rmdir(dir);
}

/* A dictionary that cannot be read knows no names. */
static void test_missing_file(void **state)
{
  tl_proper *p = tl_proper_new("/nonexistent", "xx_XX");
  (void)state;
  assert_false(tl_proper_has(p, "Grant", 5));
  tl_proper_free(p);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_capitalised_entries),
      cmocka_unit_test(test_missing_file),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
