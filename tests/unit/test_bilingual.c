#include "unit.h"

#include "bilingual.h"

/* The translations of @word joined by '|', or "" when unknown. */
static const char *tr(const char *word, bool inflected)
{
  static char buf[512];
  const tl_bilingual *e = inflected
                              ? tl_bilingual_lookup_inflected(word, strlen(word), NULL, 0)
                              : tl_bilingual_lookup(word, strlen(word));
  size_t n = 0;

  buf[0] = '\0';
  for (size_t i = 0; e != NULL && i < e->ntr; i++)
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? "|" : "",
                          tl_bilingual_translation(e, i));
  return buf;
}

static bool has(const char *list, const char *want)
{
  size_t k = strlen(want);
  for (const char *p = list; (p = strstr(p, want)) != NULL; p++)
    if ((p == list || p[-1] == '|') && (p[k] == '\0' || p[k] == '|'))
      return true;
  return false;
}

/* The words of the literal calques issue 12 names. */
static void test_name_words(void **state)
{
  (void)state;
  assert_true(has(tr("face", false), "rosto"));
  assert_true(has(tr("face", false), "cara"));
  assert_true(has(tr("stable", false), "estável"));
  assert_true(has(tr("diffusion", false), "difusão"));
  assert_true(has(tr("pilot", false), "piloto"));
  assert_true(has(tr("twins", false), "gêmeos"));
  assert_true(has(tr("deep", false), "profundo"));
  assert_true(has(tr("search", false), "busca"));
  assert_true(has(tr("hug", false), "abraçar"));
}

static void test_case_and_unknown(void **state)
{
  (void)state;
  assert_string_equal(tr("Face", false), tr("face", false));
  assert_string_equal(tr("FACE", false), tr("face", false));
  assert_string_equal(tr("copilotx", false), "");
  assert_string_equal(tr("", false), "");
  assert_null(tl_bilingual_lookup("fac", 3)); /* a prefix is not a word */
  assert_null(tl_bilingual_lookup("faces", 5));
  assert_null(tl_bilingual_lookup_inflected("zzzzing", 7, NULL, 0));
}

/* Inflected forms reach their base form; the lemma is reported. */
static void test_inflected(void **state)
{
  char lemma[32];

  (void)state;
  assert_non_null(tl_bilingual_lookup_inflected("hugging", 7, lemma, sizeof lemma));
  assert_string_equal(lemma, "hug");
  assert_non_null(tl_bilingual_lookup_inflected("faces", 5, lemma, sizeof lemma));
  assert_string_equal(lemma, "face");
  assert_non_null(tl_bilingual_lookup_inflected("searched", 8, lemma, sizeof lemma));
  assert_string_equal(lemma, "search");
  assert_true(has(tr("twins", true), "gêmeos")); /* a headword as it is */
  /* a tiny buffer truncates, never overflows */
  assert_non_null(tl_bilingual_lookup_inflected("faces", 5, lemma, 3));
  assert_string_equal(lemma, "fa");
}

/* The table is sorted by bytes (binary search depends on it) and every
 * entry has 1 to 8 translations. */
static void test_table_is_sorted(void **state)
{
  (void)state;
  assert_true(tl_bilingual_table_len > 10000);
  for (size_t i = 0; i < tl_bilingual_table_len; i++) {
    const tl_bilingual *e = &tl_bilingual_table[i];
    assert_true(e->ntr >= 1 && e->ntr <= 8);
    if (i > 0)
      assert_true(strcmp(tl_bilingual_en(&tl_bilingual_table[i - 1]),
                         tl_bilingual_en(e)) < 0);
    assert_ptr_equal(tl_bilingual_lookup(tl_bilingual_en(e),
                                         strlen(tl_bilingual_en(e))), e);
  }
  assert_null(tl_bilingual_translation(&tl_bilingual_table[0], 8));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_name_words),
      cmocka_unit_test(test_case_and_unknown),
      cmocka_unit_test(test_inflected),
      cmocka_unit_test(test_table_is_sorted),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
