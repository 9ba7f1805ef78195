#include "unit.h"

#include "report.h"

#include "name.h"
#include "utf8.h"

#include <unistd.h>

/* A result holding @text with one finding over @what (its first
 * occurrence), with @msg as message. */
static tl_result *one(const char *path, const char *text, const char *what,
                      const char *msg, tl_severity sev)
{
  tl_result *r = tl_result_new_take(path, strdup(text), strlen(text));
  const char *at = strstr(text, what);
  tl_finding *f;

  if (strncmp(text, "\xEF\xBB\xBF", 3) == 0)
    r->bom = 3;
  f = tl_result_add(r, (size_t)(at - text), strlen(what),
                    "terminology.forbidden", "terminology", sev, "%s", msg);
  (void)f;
  tl_result_finish(r);
  return r;
}

static char *render(tl_format fmt, const tl_result *r, tl_severity min)
{
  char *out = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&out, &len);
  tl_report *rep = tl_report_new(fmt, mem, 0);

  tl_report_set_min_level(rep, min);
  tl_report_add(rep, r);
  tl_report_finish(rep);
  tl_report_free(rep);
  fclose(mem);
  return out;
}

static void test_github_escaping(void **state)
{
  tl_result *r = one("a%b:c,d.md", "x GPT-4.0\n", "GPT-4.0",
                     "100% certo:\r\nsim, não", TL_ERROR);
  char *out = render(TL_FORMAT_GITHUB, r, TL_INFO);

  (void)state;
  assert_string_equal(out, "::error file=a%25b%3Ac%2Cd.md,line=1,col=3,"
                           "endLine=1,endColumn=10,title=tradlint "
                           "terminology.forbidden::100%25 certo:%0D%0Asim, "
                           "não\n");
  free(out);
  tl_result_free(r);
}

static void test_min_level_filters(void **state)
{
  tl_result *r = one("a.md", "x GPT-4.0\n", "GPT-4.0", "m", TL_INFO);
  char *all = render(TL_FORMAT_GITHUB, r, TL_INFO);
  char *none = render(TL_FORMAT_GITHUB, r, TL_WARNING);

  (void)state;
  assert_non_null(strstr(all, "::notice "));
  assert_string_equal(none, "");
  free(all);
  free(none);
  tl_result_free(r);
}

/* The text report's default level is warning: an info finding is left out
 * and the summary says how many were, and how to see them. */
static void test_text_hides_info_by_default(void **state)
{
  tl_result *r = one("a.md", "x Fulano\n", "Fulano", "nome", TL_INFO);
  char *out = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&out, &len);
  tl_report *rep = tl_report_new(TL_FORMAT_TEXT, mem, 0);

  (void)state;
  tl_report_add(rep, r);
  assert_int_equal(tl_report_hidden(rep, TL_INFO), 1);
  assert_int_equal(tl_report_count(rep, TL_INFO), 0);
  tl_report_finish(rep);
  tl_report_free(rep);
  fclose(mem);
  assert_null(strstr(out, "a.md:1:3"));
  assert_non_null(strstr(out, "0 informações (e 1 informação não mostrada: "
                              "--min-level info)\n"));
  free(out);
  tl_result_free(r);
}

/* Repeats of a finding (same rule, text and message) are listed once, with
 * the lines of all; another text or message is its own group. */
static void test_text_groups_repeats(void **state)
{
  static const char text[] = "o GPT-4.0 e o GPT-4.0\n\no GPT-4.0\no GPT-4.1\n";
  tl_result *r = tl_result_new_take("a.md", strdup(text), strlen(text));
  const size_t at[] = {2, 14, 25, 35};
  char *out;

  (void)state;
  for (size_t i = 0; i < 4; i++)
    tl_result_add(r, at[i], 7, "terminology.forbidden", "terminology",
                  TL_ERROR, "%s", i < 3 ? "errado" : "outro");
  tl_result_finish(r);
  out = render(TL_FORMAT_TEXT, r, TL_INFO);
  assert_non_null(strstr(out, "a.md:1:3: erro: errado"));
  assert_null(strstr(out, "a.md:1:15:"));
  assert_null(strstr(out, "a.md:3:3:"));
  assert_non_null(strstr(out, "= 'GPT-4.0' — 3 ocorrências: linhas 1, 3\n"));
  assert_non_null(strstr(out, "a.md:4:3: erro: outro"));
  assert_null(strstr(out, "'GPT-4.1' —"));
  assert_non_null(strstr(out, "4 erros"));
  free(out);
  tl_result_free(r);
}

/* Interleaved groups: each group's lines are its own (followed through
 * the group, not the document), each line once, at most twelve then "…";
 * a group whose findings are all on one line lists it once. */
static void test_text_groups_interleaved(void **state)
{
  tl_buf doc;
  tl_result *r;
  char *out;
  size_t at[16];

  (void)state;
  tl_buf_init(&doc);
  for (int i = 0; i < 16; i++) { /* line i+1: "o GPT-4.0 e a LLM e o Foo\n" */
    at[i] = doc.len;
    tl_buf_adds(&doc, "o GPT-4.0 e a LLM e o Foo\n");
  }
  tl_buf_adds(&doc, "fim Bar Bar\n");
  tl_buf_cstr(&doc);
  r = tl_result_new_take("a.md", doc.p, doc.len);
  for (int i = 0; i < 16; i++) {
    tl_result_add(r, at[i] + 2, 7, "terminology.forbidden", "terminology",
                  TL_ERROR, "%s", "errado");
    if (i % 3 == 1)
      tl_result_add(r, at[i] + 14, 3, "terminology.forbidden",
                    "terminology", TL_ERROR, "%s", "errado");
  }
  tl_result_add(r, doc.len - 8, 3, "spelling.unknown", "spelling",
                TL_ERROR, "%s", "desconhecida");
  tl_result_add(r, doc.len - 4, 3, "spelling.unknown", "spelling",
                TL_ERROR, "%s", "desconhecida");
  tl_result_finish(r);
  out = render(TL_FORMAT_TEXT, r, TL_INFO);
  assert_non_null(strstr(out, "= 'GPT-4.0' — 16 ocorrências: linhas 1, 2, 3, "
                              "4, 5, 6, 7, 8, 9, 10, 11, 12 …\n"));
  assert_non_null(strstr(out, "= 'LLM' — 5 ocorrências: linhas 2, 5, 8, 11, "
                              "14\n"));
  assert_non_null(strstr(out, "= 'Bar' — 2 ocorrências: linha 17\n"));
  free(out);
  tl_result_free(r);
}

/* A message that is not safe on a terminal is escaped in every finding
 * that carries it (tl_report_add asks once a message and remembers). */
static void test_text_unsafe_message_repeated(void **state)
{
  static const char text[] = "x GPT-4.0\ny GPT-4.1\nz GPT-4.2\n";
  tl_result *r = tl_result_new_take("a.md", strdup(text), strlen(text));
  char *out;

  (void)state;
  for (size_t i = 0; i < 3; i++)
    tl_result_add(r, 2 + i * 10, 7, "terminology.forbidden", "terminology",
                  TL_ERROR, "%s", i == 1 ? "limpa" : "sujo\033[31m");
  tl_result_finish(r);
  out = render(TL_FORMAT_TEXT, r, TL_INFO);
  assert_null(strchr(out, '\033'));
  assert_non_null(strstr(out, "a.md:1:3: erro: sujo\\x1B[31m ["));
  assert_non_null(strstr(out, "a.md:2:3: erro: limpa ["));
  assert_non_null(strstr(out, "a.md:3:3: erro: sujo\\x1B[31m ["));
  free(out);
  tl_result_free(r);
}

/* tl_name_is_safe skips printable ASCII eight bytes at a time: the same
 * answer as decoding every character, for each unsafe (or safe non-ASCII)
 * piece at every position of a 20-byte message, on a terminal or not. */
static bool safe_by_decoding(const char *s, size_t n, bool terminal)
{
  for (size_t i = 0; i < n;) {
    size_t adv;
    int32_t cp = tl_utf8_decode(s + i, n - i, &adv);
    if (cp == 0xFFFD && adv == 1)
      return false;
    if (terminal && (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
                     (cp >= 0x202A && cp <= 0x202E) ||
                     (cp >= 0x2066 && cp <= 0x2069)))
      return false;
    i += adv;
  }
  return true;
}

static void test_name_is_safe_every_position(void **state)
{
  static const char *const piece[] = {
      "\x7F", "\x1F", "\n", "\x1B[1m", "\xC2\x85", "\xE2\x80\xAE",
      "\xE2\x81\xA6", "\xFF", "\xC3", "é", "ção", "—", "~", " ", "😀"};
  char msg[64];

  (void)state;
  for (size_t p = 0; p < sizeof piece / sizeof piece[0]; p++)
    for (size_t at = 0; at <= 20; at++)
      for (int terminal = 0; terminal < 2; terminal++) {
        size_t n;
        memset(msg, 'a', at);
        n = at;
        memcpy(msg + n, piece[p], strlen(piece[p]));
        n += strlen(piece[p]);
        memset(msg + n, 'z', 20 - at);
        n += 20 - at;
        assert_int_equal(tl_name_is_safe(msg, n, terminal),
                         safe_by_decoding(msg, n, terminal));
      }
  assert_false(tl_name_is_safe("abcdefgh\x7F", 9, true));
  assert_true(tl_name_is_safe("abcdefgh\x7F", 9, false));
  assert_true(tl_name_is_safe("abcdefghijklmnop ~", 18, true));
}

/* tl_result_add writes %s, %.*s, %u, %d, %zu and %% itself and leaves the
 * rest to vsnprintf: every message is what snprintf writes. */
#define SAME_AS_PRINTF(r, ...)                                              \
  do {                                                                      \
    char want_[1024];                                                       \
    const tl_finding *f_ = tl_result_add(r, 0, 1, "x.y", "x", TL_ERROR,    \
                                         __VA_ARGS__);                      \
    snprintf(want_, sizeof want_, __VA_ARGS__);                             \
    assert_string_equal(f_->message, want_);                                \
  } while (0)

static void test_messages_as_printf_writes_them(void **state)
{
  tl_result *r = tl_result_new_take("a.md", strdup("x"), 1);
  char longs[700];
  const char *volatile none = NULL; /* not known NULL to the compiler */

  (void)state;
  memset(longs, 'a', sizeof longs - 1);
  longs[sizeof longs - 1] = '\0';
  SAME_AS_PRINTF(r, "palavra desconhecida '%.*s'", 4, "treinamento");
  SAME_AS_PRINTF(r, "'%.*s' curta", 20, "abc");
  SAME_AS_PRINTF(r, "'%s' é inglês: escreva '%s'", "dataset", "conjunto");
  SAME_AS_PRINTF(r, "%u documento, %d, %d, %zu%%", 7u, -42, 0, (size_t)123456);
  SAME_AS_PRINTF(r, "%d %d", -2147483647 - 1, 2147483647);
  SAME_AS_PRINTF(r, "sem conversão");
  SAME_AS_PRINTF(r, "%s", "");
  SAME_AS_PRINTF(r, "%5s|%-3d|%x|%.2f", "ab", 7, 255u, 1.5); /* vsnprintf's */
  SAME_AS_PRINTF(r, "longa: %s", longs); /* past the 512-byte buffer */
  SAME_AS_PRINTF(r, "%.*s", 600, longs);
  SAME_AS_PRINTF(r, "%.*s|", -1, "negativa: inteira");
  SAME_AS_PRINTF(r, "nula: %.*s|", 3, none);
  SAME_AS_PRINTF(r, "nula: %s|", none);
  tl_result_free(r);
}

/* A finding's three lines in the text format, written piece by piece
 * (no printf): a line number of two digits sets the gutter's width, and
 * with colour the severity and the caret are coloured. */
static void test_text_finding_lines(void **state)
{
  static const char text[] = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n"
                             "abc Fulano xyz\n";
  tl_result *r = one("a.md", text, "Fulano", "nome", TL_ERROR);
  char *out = NULL;
  size_t len = 0;
  FILE *mem;
  tl_report *rep;

  (void)state;
  out = render(TL_FORMAT_TEXT, r, TL_INFO);
  assert_non_null(strstr(out, "a.md:12:5: erro: nome [terminologia]\n"
                              "   12 | abc Fulano xyz\n"
                              "      |     ^~~~~~\n"));
  free(out);
  out = NULL;
  mem = open_memstream(&out, &len);
  rep = tl_report_new(TL_FORMAT_TEXT, mem, TL_REPORT_COLOR);
  tl_report_add(rep, r);
  tl_report_finish(rep);
  tl_report_free(rep);
  fclose(mem);
  assert_non_null(strstr(out, "\033[1ma.md:12:5:\033[0m \033[1;31merro:"
                              "\033[0m nome [terminologia]\n"
                              "   12 | abc Fulano xyz\n"
                              "      |     \033[1;31m^~~~~~\033[0m\n"));
  free(out);
  tl_result_free(r);
}

static void test_xml_escaping(void **state)
{
  tl_buf b;
  const char in[] = "a<b>&\"c'\n\x01\tç\xEF\xBF\xBE";

  (void)state;
  tl_buf_init(&b);
  tl_report_add_xml(&b, in, sizeof in - 1);
  tl_buf_cstr(&b);
  assert_string_equal(b.p, "a&lt;b&gt;&amp;&quot;c&#39;&#10;\xEF\xBF\xBD&#9;ç"
                           "\xEF\xBF\xBD");
  tl_buf_fini(&b);
}

static void test_byte_columns(void **state)
{
  /* "ação " is 7 bytes: the finding starts at byte column 8, code point 6 */
  tl_result *r = one("a.md", "\xEF\xBB\xBF" "ação GPT-4.0\n", "GPT-4.0", "m",
                     TL_ERROR);
  char *out = render(TL_FORMAT_RDJSON, r, TL_INFO);

  (void)state;
  assert_int_equal(r->f[0].column, 6);
  assert_int_equal(tl_report_byte_column(r, r->f[0].offset), 8);
  assert_non_null(strstr(out, "\"start\":{\"line\":1,\"column\":8},"
                              "\"end\":{\"line\":1,\"column\":15}"));
  free(out);
  tl_result_free(r);
}

static void test_baseline_round_trip(void **state)
{
  tl_result *r = one("a.md", "x GPT-4.0 GPT-4.0\n", "GPT-4.0", "m", TL_ERROR);
  tl_baseline *b = tl_baseline_new(), *back = NULL;
  char path[] = "/tmp/tl-baseline-XXXXXX";
  int fd = mkstemp(path);
  tl_error err;
  char *out;
  FILE *mem;
  size_t len;
  tl_report *rep;

  (void)state;
  assert_true(fd >= 0);
  tl_baseline_add(b, r, NULL);
  assert_int_equal(tl_baseline_count(b), 1);
  assert_int_equal(tl_baseline_write(b, path, &err), TL_OK);
  assert_int_equal(tl_baseline_load(&back, path, &err), TL_OK);
  assert_int_equal(tl_baseline_count(back), 1);
  mem = open_memstream(&out, &len);
  rep = tl_report_new(TL_FORMAT_GITHUB, mem, 0);
  tl_report_set_baseline(rep, back);
  tl_report_add(rep, r);
  tl_report_finish(rep);
  assert_int_equal(tl_report_baselined(rep), 1);
  assert_int_equal(tl_report_count(rep, TL_ERROR), 0);
  tl_report_free(rep);
  fclose(mem);
  assert_string_equal(out, "");
  free(out);
  close(fd);
  unlink(path);
  tl_baseline_free(b);
  tl_baseline_free(back);
  tl_result_free(r);
}

static void test_format_names(void **state)
{
  tl_format f;

  (void)state;
  assert_true(tl_format_parse("checkstyle", &f));
  assert_int_equal(f, TL_FORMAT_CHECKSTYLE);
  assert_string_equal(tl_format_name(TL_FORMAT_JUNIT), "junit");
  assert_true(tl_format_is_report(TL_FORMAT_RDJSON));
  assert_false(tl_format_is_report(TL_FORMAT_TBX));
  assert_false(tl_format_parse("xml", &f));
}

/* A result keeps TL_MAX_FINDINGS findings and counts the rest; messages
 * and suggestion lists repeated by a long document are one copy each. */
static void test_findings_cap(void **state)
{
  tl_result *r = tl_result_new_take("x.md", strdup("abc"), 3);
  const char *sugg[] = {"abc", "abd"};
  (void)state;

  for (size_t i = 0; i < TL_MAX_FINDINGS + 5; i++) {
    tl_finding *f = tl_result_add(r, i % 3, 1, "spelling.unknown",
                                  "spelling", TL_WARNING, "palavra %s", "x");
    tl_result_set_suggestions(r, f, sugg, 2);
  }
  assert_int_equal(tl_result_count(r), TL_MAX_FINDINGS);
  assert_int_equal(tl_result_dropped(r), 5);
  assert_string_equal(tl_result_get(r, 0)->message, "palavra x");
  assert_ptr_equal(tl_result_get(r, 0)->message,
                   tl_result_get(r, TL_MAX_FINDINGS - 1)->message);
  assert_ptr_equal(tl_result_get(r, 0)->suggestions,
                   tl_result_get(r, TL_MAX_FINDINGS - 1)->suggestions);
  assert_string_equal(tl_result_get(r, 7)->suggestions[1], "abd");
  tl_result_free(r);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_github_escaping),
      cmocka_unit_test(test_min_level_filters),
      cmocka_unit_test(test_text_hides_info_by_default),
      cmocka_unit_test(test_text_groups_repeats),
      cmocka_unit_test(test_text_groups_interleaved),
      cmocka_unit_test(test_name_is_safe_every_position),
      cmocka_unit_test(test_messages_as_printf_writes_them),
      cmocka_unit_test(test_text_unsafe_message_repeated),
      cmocka_unit_test(test_text_finding_lines),
      cmocka_unit_test(test_xml_escaping),
      cmocka_unit_test(test_byte_columns),
      cmocka_unit_test(test_baseline_round_trip),
      cmocka_unit_test(test_format_names),
      cmocka_unit_test(test_findings_cap),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
