#include "unit.h"

#include "ltapi.h"
#include "utf16.h"

#include <jansson.h>

static void test_form_decoding(void **state)
{
  tl_fields f;
  tl_error err;
  size_t n;
  const char *v;

  (void)state;
  tl_fields_init(&f);
  assert_int_equal(tl_fields_parse(&f, "text=Ol%C3%A1+mundo%21&language=pt-BR"
                                       "&empty=&flag&text=segundo",
                                   58, &err),
                   TL_OK);
  v = tl_fields_get(&f, "text", &n);
  assert_string_equal(v, "Olá mundo!");
  assert_int_equal(n, strlen("Olá mundo!"));
  assert_string_equal(tl_fields_get(&f, "language", NULL), "pt-BR");
  assert_string_equal(tl_fields_get(&f, "empty", NULL), "");
  assert_string_equal(tl_fields_get(&f, "flag", NULL), "");
  assert_null(tl_fields_get(&f, "absent", NULL));
  tl_fields_fini(&f);
}

static void test_form_errors(void **state)
{
  tl_fields f;
  tl_error err;

  (void)state;
  tl_fields_init(&f);
  assert_int_equal(tl_fields_parse(&f, "text=a%2", 8, &err), TL_EUSAGE);
  assert_int_equal(tl_fields_parse(&f, "text=a%zz", 9, &err), TL_EUSAGE);
  /* %C3%28 is not UTF-8: the error names the field */
  assert_int_equal(tl_fields_parse(&f, "text=%C3%28", 11, &err), TL_EUTF8);
  assert_non_null(strstr(err.msg, "'text'"));
  tl_fields_fini(&f);
}

static void test_utf16(void **state)
{
  const char *s = "é😀a"; /* 2 + 4 + 1 bytes; 1 + 2 + 1 units */
  tl_utf16_cursor c;

  (void)state;
  assert_int_equal(tl_utf16_units(s, strlen(s)), 4);
  tl_utf16_cursor_init(&c, s, strlen(s));
  assert_int_equal(tl_utf16_cursor_at(&c, 2), 1);
  assert_int_equal(tl_utf16_cursor_at(&c, 6), 3);
  assert_int_equal(tl_utf16_cursor_at(&c, 0), 0); /* backwards restarts */
  assert_int_equal(tl_utf16_cursor_at(&c, 7), 4);
  assert_int_equal(tl_utf16_to_byte(s, strlen(s), 1), 2);
  assert_int_equal(tl_utf16_to_byte(s, strlen(s), 2), 2); /* mid-pair */
  assert_int_equal(tl_utf16_to_byte(s, strlen(s), 3), 6);
  assert_int_equal(tl_utf16_to_byte(s, strlen(s), 99), 7);
}

static void test_annotations_map_back(void **state)
{
  const char *json = "{\"annotation\":[{\"text\":\"Um \"},{\"markup\":\"<b>\"},"
                     "{\"text\":\"teste\"},{\"markup\":\"</b>\"},"
                     "{\"markup\":\"<p>\",\"interpretAs\":\"\\n\\n\"},"
                     "{\"text\":\"fim\"}]}";
  tl_annotated a;
  tl_error err;

  (void)state;
  tl_annotated_init(&a);
  assert_int_equal(tl_annotated_parse(&a, json, strlen(json), &err), TL_OK);
  assert_string_equal(a.plain.p, "Um teste\n\nfim");
  assert_string_equal(a.orig.p, "Um <b>teste</b><p>fim");
  /* "teste": plain 3..8 -> original 6..11 */
  assert_int_equal(tl_annotated_orig(&a, 3, false), 6);
  assert_int_equal(tl_annotated_orig(&a, 8, true), 11);
  /* "fim": plain 10..13 -> original 18..21 */
  assert_int_equal(tl_annotated_orig(&a, 10, false), 18);
  assert_int_equal(tl_annotated_orig(&a, 13, true), 21);
  /* the interpretAs text maps to the whole markup */
  assert_int_equal(tl_annotated_orig(&a, 8, false), 15);
  assert_int_equal(tl_annotated_orig(&a, 10, true), 18);
  tl_annotated_fini(&a);

  tl_annotated_init(&a);
  assert_int_equal(tl_annotated_parse(&a, "{\"annotation\":[{\"text\":1}]}",
                                      27, &err),
                   TL_EUSAGE);
  tl_annotated_fini(&a);
  tl_annotated_init(&a);
  assert_int_equal(tl_annotated_parse(&a, "[1,", 3, &err), TL_EUSAGE);
  tl_annotated_fini(&a);
}

static void test_rule_ids_and_filters(void **state)
{
  char id[64];
  tl_finding f;
  tl_lt_filter flt;

  (void)state;
  tl_lt_rule_id("spelling.unknown", id, sizeof id);
  assert_string_equal(id, "HUNSPELL_SPELLING_UNKNOWN");
  tl_lt_rule_id("terminology.forbidden", id, sizeof id);
  assert_string_equal(id, "TERMINOLOGY_FORBIDDEN");
  memset(&f, 0, sizeof f);
  f.rule = "number.decimal";
  f.category = "number";
  memset(&flt, 0, sizeof flt);
  assert_true(tl_lt_filter_keeps(&flt, &f));
  flt.disabled_rules = "WHITESPACE_RULE, NUMBER_DECIMAL";
  assert_false(tl_lt_filter_keeps(&flt, &f));
  flt.disabled_rules = "number.decimal";
  assert_false(tl_lt_filter_keeps(&flt, &f));
  flt.disabled_rules = "NUMBER_DECIMALS";
  assert_true(tl_lt_filter_keeps(&flt, &f));
  flt.disabled_rules = NULL;
  flt.disabled_categories = "TYPOGRAPHY";
  assert_false(tl_lt_filter_keeps(&flt, &f));
  memset(&flt, 0, sizeof flt);
  flt.enabled_only = true;
  flt.enabled_rules = "TERMINOLOGY_FORBIDDEN";
  assert_false(tl_lt_filter_keeps(&flt, &f));
  flt.enabled_categories = "number";
  assert_true(tl_lt_filter_keeps(&flt, &f));
  assert_true(tl_lt_language_ok("pt-BR"));
  assert_true(tl_lt_language_ok("auto"));
  assert_false(tl_lt_language_ok("en-US"));
  assert_false(tl_lt_language_ok(NULL));
}

/* A check through the real linter: offsets in UTF-16 units, in the
 * original text of an annotated request. */
static void test_response_offsets(void **state)
{
  tl_options opt;
  tl_linter *l;
  tl_result *r;
  tl_error err;
  tl_annotated a;
  const char *json = "{\"annotation\":[{\"markup\":\"<p>😀 \"},"
                     "{\"text\":\"Ação: o treinamneto.\"}]}";
  char *out;
  json_t *root, *m;

  (void)state;
  tl_options_init(&opt);
  opt.words_dir = UNIT_WORDS_DIR;
  opt.hunspell_dir = unit_hunspell_dir();
  assert_int_equal(tl_linter_new(&l, &opt, &err), TL_OK);
  tl_annotated_init(&a);
  assert_int_equal(tl_annotated_parse(&a, json, strlen(json), &err), TL_OK);
  assert_int_equal(tl_lint_buffer(l, "t", a.plain.p, a.plain.len,
                                  TL_MARKUP_PLAIN, &r, &err),
                   TL_OK);
  out = tl_lt_response(r, &a, NULL);
  root = json_loads(out, 0, NULL);
  assert_non_null(root);
  m = json_array_get(json_object_get(root, "matches"), 0);
  assert_non_null(m);
  /* "<p>😀 " is 3 + 2 + 1 units, "Ação: o " 8 more */
  assert_int_equal(json_integer_value(json_object_get(m, "offset")), 14);
  assert_int_equal(json_integer_value(json_object_get(m, "length")), 11);
  assert_string_equal(
      json_string_value(json_object_get(json_object_get(m, "rule"), "id")),
      "HUNSPELL_SPELLING_UNKNOWN");
  assert_string_equal(json_string_value(json_object_get(m, "sentence")),
                      "Ação: o treinamneto.");
  json_decref(root);
  free(out);
  tl_result_free(r);
  tl_annotated_fini(&a);
  tl_linter_free(l);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_form_decoding),
      cmocka_unit_test(test_form_errors),
      cmocka_unit_test(test_utf16),
      cmocka_unit_test(test_annotations_map_back),
      cmocka_unit_test(test_rule_ids_and_filters),
      cmocka_unit_test(test_response_offsets),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
