#include "unit.h"

#include "input.h"

static void test_valid_text_and_bom(void **state)
{
  const char doc[] = "\xEF\xBB\xBFOlá, mundo\n";
  size_t start = 99;
  tl_error err;

  (void)state;
  assert_int_equal(tl_input_check("a.md", doc, sizeof doc - 1, &start, &err),
                   TL_OK);
  assert_int_equal(start, 3);
  assert_int_equal(tl_input_check("a.md", "x", 1, &start, &err), TL_OK);
  assert_int_equal(start, 0);
}

static void test_empty_is_fine(void **state)
{
  size_t start = 1;

  (void)state;
  assert_int_equal(tl_input_check("a.md", "", 0, &start, NULL), TL_OK);
  assert_int_equal(start, 0);
}

static void test_nul_is_binary(void **state)
{
  const char doc[] = "abc\0def";
  size_t start;
  tl_error err;

  (void)state;
  assert_int_equal(tl_input_check("b.md", doc, sizeof doc - 1, &start, &err),
                   TL_EBINARY);
  assert_non_null(strstr(err.msg, "b.md"));
  assert_non_null(strstr(err.msg, "binário"));
}

static void test_invalid_utf8_names_line_and_column(void **state)
{
  /* line 2, after "ção " (4 code points): column 5 */
  const char doc[] = "primeira linha\r\nção \xC3\x28 resto\n";
  size_t start;
  tl_error err;

  (void)state;
  assert_int_equal(tl_input_check("c.md", doc, sizeof doc - 1, &start, &err),
                   TL_EUTF8);
  assert_non_null(strstr(err.msg, "c.md:2:5:"));
  assert_non_null(strstr(err.msg, "0xC3"));
}

static void test_overlong_and_surrogates_rejected(void **state)
{
  size_t start;

  (void)state;
  assert_int_equal(tl_input_check("d", "\xC0\xAF", 2, &start, NULL), TL_EUTF8);
  assert_int_equal(tl_input_check("d", "\xED\xA0\x80", 3, &start, NULL),
                   TL_EUTF8);
  assert_int_equal(tl_input_check("d", "\xF0\x9F\x98", 3, &start, NULL),
                   TL_EUTF8); /* truncated */
}

static void test_lines_crlf_cr_lf(void **state)
{
  const char doc[] = "um\r\ndois\rtrês\nção x";
  tl_lines li;
  unsigned line, col;

  (void)state;
  tl_lines_init(&li, doc, sizeof doc - 1, 0);
  tl_lines_locate(&li, 0, &line, &col);
  assert_int_equal(line, 1);
  assert_int_equal(col, 1);
  tl_lines_locate(&li, 4, &line, &col); /* "dois" */
  assert_int_equal(line, 2);
  assert_int_equal(col, 1);
  tl_lines_locate(&li, 9, &line, &col); /* "três" after a lone CR */
  assert_int_equal(line, 3);
  assert_int_equal(col, 1);
  /* "x" on line 4 after "ção " : column counts code points */
  tl_lines_locate(&li, strlen("um\r\ndois\rtrês\nção "), &line, &col);
  assert_int_equal(line, 4);
  assert_int_equal(col, 5);
  {
    tl_span s = tl_lines_get(&li, 1);
    assert_int_equal(s.len, 2);
    assert_memory_equal(s.p, "um", 2);
  }
  tl_lines_fini(&li);
}

static void test_bom_not_counted_in_column(void **state)
{
  const char doc[] = "\xEF\xBB\xBF" "abc";
  tl_lines li;
  unsigned line, col;

  (void)state;
  tl_lines_init(&li, doc, sizeof doc - 1, 3);
  tl_lines_locate(&li, 4, &line, &col); /* "b" */
  assert_int_equal(line, 1);
  assert_int_equal(col, 2);
  tl_lines_fini(&li);
}

static void test_read_missing_file(void **state)
{
  char *data;
  size_t len;
  tl_error err;

  (void)state;
  assert_int_equal(tl_input_read("/nonexistent/x.md", &data, &len, &err),
                   TL_EIO);
  assert_null(data);
  assert_non_null(strstr(err.msg, "/nonexistent/x.md"));
}

static void test_read_directory_refused(void **state)
{
  char *data;
  size_t len;
  tl_error err;

  (void)state;
  assert_int_equal(tl_input_read("tests", &data, &len, &err), TL_EIO);
  assert_non_null(strstr(err.msg, "pasta"));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_valid_text_and_bom),
      cmocka_unit_test(test_empty_is_fine),
      cmocka_unit_test(test_nul_is_binary),
      cmocka_unit_test(test_invalid_utf8_names_line_and_column),
      cmocka_unit_test(test_overlong_and_surrogates_rejected),
      cmocka_unit_test(test_lines_crlf_cr_lf),
      cmocka_unit_test(test_bom_not_counted_in_column),
      cmocka_unit_test(test_read_missing_file),
      cmocka_unit_test(test_read_directory_refused),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
