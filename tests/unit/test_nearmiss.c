/* terminology.nearmiss: glossary terms with one word swapped for another
 * translation of the same English word, derived from the glossary and the
 * bilingual table; near misses that must stay silent. */
#include "findings.h"

static void test_swapped_word(void **state)
{
  (void)state;
  assert_string_equal(
      findings("terminology.nearmiss",
               "O modelo usa a chamada de ofício para consultar a API."),
      "chamada de ofício>chamada de função");
  assert_string_equal(
      findings("terminology.nearmiss",
               "A camada totalmente ligada soma tudo; o colapso de forma "
               "aparece cedo."),
      "camada totalmente ligada>camada totalmente conectada | "
      "colapso de forma>colapso de modo");
  /* inflected like the term */
  assert_string_equal(findings("terminology.nearmiss",
                               "As camadas totalmente ligadas somam tudo."),
                      "camadas totalmente ligadas>camada totalmente conectada");
}

static void test_near_misses(void **state)
{
  (void)state;
  /* the terms themselves, and a morphological variant (treino) */
  assert_string_equal(
      findings("terminology.nearmiss",
               "A chamada de função funciona; o colapso de modo é raro. Os "
               "dados de treino e o conjunto de treino bastam."),
      "");
  /* the head swapped is another concept, not a near miss */
  assert_string_equal(findings("terminology.nearmiss",
                               "A chamada de emergência e a forma de "
                               "colapso foram citadas."),
                      "");
  /* "modelo de base" is the base model (Google Cloud: "ajuste contínuo
   * ... como modelo de base"), which the glossary admits: no foundation
   * model with a word swapped */
  assert_string_equal(findings("terminology.nearmiss",
                               "O ajuste contínuo usa um modelo ajustado "
                               "como modelo de base para outro ajuste."),
                      "");
}

/* A word's answers are asked once a spelling and kept for the linter's
 * life (tl_wordinfo): after documents and blocks that used the same words
 * elsewhere, in other phrases and other cases, the findings are the same
 * as a fresh linter's. */
static void test_answers_kept_per_spelling(void **state)
{
  (void)state;
  for (int round = 0; round < 3; round++) {
    assert_string_equal(
        findings("terminology.nearmiss",
                 "A chamada foi longa. O ofício chegou. CHAMADA DE OFÍCIO "
                 "é um título.\n\nO modelo usa a chamada de ofício para "
                 "consultar a API.\n"),
        "chamada de ofício>chamada de função");
    test_swapped_word(state);
    test_near_misses(state);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_swapped_word),
      cmocka_unit_test(test_near_misses),
      cmocka_unit_test(test_answers_kept_per_spelling),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
