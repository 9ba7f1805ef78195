#include "unit.h"

#include "msg.h"

#include <errno.h>

static int reset(void **state)
{
  (void)state;
  tl_lang_set(TL_LANG_PT);
  return 0;
}

/* Portuguese is the text in the code; English comes from the catalogue. */
static void test_lookup(void **state)
{
  (void)state;
  assert_string_equal(_("permissão negada"), "permissão negada");
  tl_lang_set(TL_LANG_EN);
  assert_string_equal(_("permissão negada"), "permission denied");
  /* not in the catalogue: the Portuguese, never NULL or garbage */
  assert_string_equal(_("texto que não está no catálogo"),
                      "texto que não está no catálogo");
}

/* Every row is found by its key (the table is sorted as bsearch needs)
 * and has both texts; a plural row has both plurals, and they differ. */
static void test_table(void **state)
{
  size_t plurals = 0;
  (void)state;
  assert_true(tl_msg_table_len > 40);
  tl_lang_set(TL_LANG_EN);
  for (size_t i = 0; i < tl_msg_table_len; i++) {
    const tl_msg_row *r = &tl_msg_table[i];
    assert_true(r->pt[0] != '\0' && r->en[0] != '\0');
    assert_ptr_equal(tl_msg(r->pt), r->en);
    if (i > 0)
      assert_true(strcmp(tl_msg_table[i - 1].pt, r->pt) < 0);
    assert_true((r->pt_plural == NULL) == (r->en_plural == NULL));
    if (r->pt_plural != NULL) {
      plurals++;
      /* Portuguese inflects; English may not ("%zu admitted") */
      assert_string_not_equal(r->pt, r->pt_plural);
      assert_ptr_equal(tl_msg_n(r->pt, r->pt_plural, 1), r->en);
      assert_ptr_equal(tl_msg_n(r->pt, r->pt_plural, 2), r->en_plural);
      assert_ptr_equal(tl_msg_n(r->pt, r->pt_plural, 0), r->en_plural);
    }
  }
  tl_lang_set(TL_LANG_PT);
  for (size_t i = 0; i < tl_msg_table_len; i++) {
    const tl_msg_row *r = &tl_msg_table[i];
    assert_ptr_equal(tl_msg(r->pt), r->pt);
    if (r->pt_plural != NULL) {
      assert_ptr_equal(tl_msg_n(r->pt, r->pt_plural, 1), r->pt);
      assert_ptr_equal(tl_msg_n(r->pt, r->pt_plural, 3), r->pt_plural);
    }
  }
  (void)plurals;
}

/* "1 documento", "2 documentos": the singular only for 1, in both. */
static void test_plural(void **state)
{
  char buf[64];
  (void)state;
  for (int lang = 0; lang < 2; lang++) {
    tl_lang_set((tl_lang)lang);
    for (unsigned long n = 0; n < 3; n++) {
      snprintf(buf, sizeof buf, P_("%lu arquivo", "%lu arquivos", n), n);
      if (n == 1)
        assert_string_equal(buf, "1 arquivo");
      else
        assert_true(buf[strlen(buf) - 1] == 's');
    }
  }
}

static void test_lang_parse(void **state)
{
  tl_lang l = TL_LANG_EN;
  (void)state;
  assert_true(tl_lang_parse("pt", &l) && l == TL_LANG_PT);
  assert_true(tl_lang_parse("en", &l) && l == TL_LANG_EN);
  assert_true(tl_lang_parse("pt_BR.UTF-8", &l) && l == TL_LANG_PT);
  assert_true(tl_lang_parse("en-US", &l) && l == TL_LANG_EN);
  assert_true(tl_lang_parse("pt-BR", &l) && l == TL_LANG_PT);
  assert_false(tl_lang_parse("fr", &l));
  assert_false(tl_lang_parse("english", &l));
  assert_false(tl_lang_parse("", &l));
  assert_false(tl_lang_parse(NULL, &l));
}

/* Portuguese whatever the machine's locale; English when LANGUAGE (first
 * entry) or LC_MESSAGES asks for it. */
static void test_lang_env(void **state)
{
  (void)state;
  unsetenv("LANGUAGE");
  unsetenv("LC_MESSAGES");
  setenv("LC_ALL", "en_US.UTF-8", 1);
  setenv("LANG", "en_US.UTF-8", 1);
  assert_int_equal(tl_lang_from_env(), TL_LANG_PT);
  setenv("LC_MESSAGES", "en_GB.UTF-8", 1);
  assert_int_equal(tl_lang_from_env(), TL_LANG_EN);
  setenv("LANGUAGE", "pt_BR:en", 1);
  assert_int_equal(tl_lang_from_env(), TL_LANG_PT);
  setenv("LANGUAGE", "en_US:pt_BR", 1);
  unsetenv("LC_MESSAGES");
  assert_int_equal(tl_lang_from_env(), TL_LANG_EN);
  setenv("LANGUAGE", "", 1);
  assert_int_equal(tl_lang_from_env(), TL_LANG_PT);
  setenv("LC_ALL", "C", 1);
  unsetenv("LANGUAGE");
  unsetenv("LANG");
}

static void test_strerror(void **state)
{
  (void)state;
  assert_string_equal(tl_strerror(ENOENT), "arquivo ou pasta não encontrado");
  assert_string_equal(tl_strerror(EACCES), "permissão negada");
  assert_string_equal(tl_strerror(9999), "erro do sistema 9999");
  tl_lang_set(TL_LANG_EN);
  assert_string_equal(tl_strerror(ENOENT), "no such file or directory");
  assert_string_equal(tl_strerror(EISDIR), "is a directory");
}

static void test_labels(void **state)
{
  (void)state;
  assert_string_equal(tl_severity_label(TL_ERROR), "erro");
  assert_string_equal(tl_severity_label(TL_WARNING), "aviso");
  assert_string_equal(tl_severity_label(TL_INFO), "informação");
  assert_string_equal(tl_category_label("spelling"), "ortografia");
  assert_string_equal(tl_category_label("untranslated"), "não traduzido");
  assert_string_equal(tl_category_label("agreement"), "concordância");
  assert_string_equal(tl_category_label("novidade"), "novidade");
  tl_lang_set(TL_LANG_EN);
  assert_string_equal(tl_severity_label(TL_WARNING), "warning");
  assert_string_equal(tl_category_label("consistency"), "consistency");
  /* the identifiers machine formats use never change */
  assert_string_equal(tl_severity_name(TL_WARNING), "warning");
  tl_lang_set(TL_LANG_PT);
  assert_string_equal(tl_severity_name(TL_WARNING), "warning");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup(test_lookup, reset),
      cmocka_unit_test_setup(test_table, reset),
      cmocka_unit_test_setup(test_plural, reset),
      cmocka_unit_test_setup(test_lang_parse, reset),
      cmocka_unit_test_setup(test_lang_env, reset),
      cmocka_unit_test_setup(test_strerror, reset),
      cmocka_unit_test_setup(test_labels, reset),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
