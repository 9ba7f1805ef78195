#include "unit.h"

#include "input.h"

#include <sys/stat.h>
#include <unistd.h>

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

/* tl_count_cps counts eight bytes at a time: the same count as a byte
 * loop at every length and alignment, with ASCII, 2-, 3- and 4-byte
 * characters on both sides of each 8-byte boundary. */
static void test_count_cps_every_length(void **state)
{
  static const char doc[] = "aé€😀xção—b\x7F😀😀ééé€€a bc" "ÇÃO abcdefghí";
  size_t n = sizeof doc - 1;

  (void)state;
  for (size_t from = 0; from < 9; from++)
    for (size_t to = from; to <= n; to++) {
      size_t want = 0;
      for (size_t i = from; i < to; i++)
        want += ((unsigned char)doc[i] & 0xC0) != 0x80;
      assert_int_equal(tl_count_cps(doc + from, to - from), want);
    }
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
  assert_int_equal(tl_input_read("/nonexistent/x.md", 0, &data, &len, NULL, &err),
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
  assert_int_equal(tl_input_read("tests", 0, &data, &len, NULL, &err), TL_EIO);
  assert_non_null(strstr(err.msg, "pasta"));
}

/* A new file DIR/NAME holding @text (@n bytes), in a new folder *@dir
 * (/tmp/tl-input-XXXXXX); its path goes to @path. */
static void temp_file(char *dir, const char *name, const char *text,
                      size_t n, char *path, size_t pathlen)
{
  FILE *fp;

  assert_non_null(mkdtemp(dir));
  snprintf(path, pathlen, "%s/%s", dir, name);
  fp = fopen(path, "wb");
  assert_non_null(fp);
  assert_int_equal(fwrite(text, 1, n, fp), n);
  fclose(fp);
}

/* A FIFO with no writer is refused at once (open would block forever). */
static void test_read_fifo_refused_without_blocking(void **state)
{
  char dir[] = "/tmp/tl-input-XXXXXX", path[64];
  char *data;
  size_t len;
  tl_error err;

  (void)state;
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/p.md", dir);
  assert_int_equal(mkfifo(path, 0600), 0);
  alarm(5); /* a blocking open would kill the test, not hang it */
  assert_int_equal(tl_input_read(path, 0, &data, &len, NULL, &err), TL_EIO);
  alarm(0);
  assert_non_null(strstr(err.msg, path));
  assert_non_null(strstr(err.msg, "FIFO"));
  unlink(path);
  rmdir(dir);
}

/* A device is not read: /dev/zero would never end. */
static void test_read_device_refused(void **state)
{
  char *data;
  size_t len;
  tl_error err;

  (void)state;
  assert_int_equal(tl_input_read("/dev/zero", 0, &data, &len, NULL, &err),
                   TL_EIO);
  assert_non_null(strstr(err.msg, "/dev/zero"));
  assert_non_null(strstr(err.msg, "dispositivo"));
}

/* The size cap names the file, the limit and the option. */
static void test_read_size_cap(void **state)
{
  char dir[] = "/tmp/tl-input-XXXXXX", path[64], text[3000];
  char *data;
  size_t len;
  tl_error err;

  (void)state;
  memset(text, 'a', sizeof text);
  temp_file(dir, "a.md", text, sizeof text, path, sizeof path);
  assert_int_equal(tl_input_read(path, 2048, &data, &len, NULL, &err),
                   TL_EIO);
  assert_non_null(strstr(err.msg, path));
  assert_non_null(strstr(err.msg, "2 KiB"));
  assert_non_null(strstr(err.msg, "--max-size"));
  assert_int_equal(tl_input_read(path, 3000, &data, &len, NULL, &err), TL_OK);
  assert_int_equal(len, 3000);
  free(data);
  unlink(path);
  rmdir(dir);
}

/* The identity of a file read: unchanged until its content, size or
 * time changes. */
static void test_file_identity(void **state)
{
  char dir[] = "/tmp/tl-input-XXXXXX", path[64];
  char *data;
  size_t len;
  tl_error err;
  tl_file_id id;
  FILE *fp;

  (void)state;
  temp_file(dir, "a.md", "Um texto.\n", 10, path, sizeof path);
  assert_int_equal(tl_input_read(path, 0, &data, &len, &id, &err), TL_OK);
  free(data);
  assert_true(id.valid);
  assert_true(tl_input_unchanged(path, &id));
  fp = fopen(path, "ab");
  fputs("Mais uma linha.\n", fp);
  fclose(fp);
  assert_false(tl_input_unchanged(path, &id));
  unlink(path);
  assert_false(tl_input_unchanged(path, &id));
  rmdir(dir);
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
      cmocka_unit_test(test_count_cps_every_length),
      cmocka_unit_test(test_bom_not_counted_in_column),
      cmocka_unit_test(test_read_missing_file),
      cmocka_unit_test(test_read_directory_refused),
      cmocka_unit_test(test_read_fifo_refused_without_blocking),
      cmocka_unit_test(test_read_device_refused),
      cmocka_unit_test(test_read_size_cap),
      cmocka_unit_test(test_file_identity),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
