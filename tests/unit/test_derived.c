/* consistency.derived: one phrase with two derivations of a word in one
 * document (no glossary concept lists them), on real sentences, and the
 * near misses that must stay silent. */
#include "findings.h"

static void test_two_derivations(void **state)
{
  (void)state;
  /* msft-br lesson 04: the heading and a later reference */
  assert_string_equal(
      findings("consistency.derived",
               "## Sandbox de Aprendizagem\n\n"
               "Use o Sandbox de Aprendizado para testar os exemplos.\n"),
      "Sandbox de Aprendizado>Sandbox de Aprendizagem");
  /* the document's most used form is the reference */
  assert_string_equal(
      findings("consistency.derived",
               "O ajuste de pesos é barato. Depois do ajuste de pesos, o "
               "ajustamento de pesos final leva minutos."),
      "ajustamento de pesos>ajuste de pesos");
  assert_string_equal(
      findings("consistency.derived",
               "A rotulagem de imagens é manual. A rotulação de imagens "
               "custa caro; a rotulagem de imagens também."),
      "rotulação de imagens>rotulagem de imagens");
}

static void test_near_misses(void **state)
{
  (void)state;
  /* two concepts: a model and its modelling; a model and a trained one */
  assert_string_equal(
      findings("consistency.derived",
               "O modelo de linguagem prevê palavras. A modelagem de "
               "linguagem é a tarefa. O modelo treinado e o treinamento do "
               "modelo são coisas diferentes."),
      "");
  /* one derivation only, or the word without a phrase around it */
  assert_string_equal(
      findings("consistency.derived",
               "O aprendizado é contínuo. A aprendizagem também. O processo "
               "de aprendizado dura meses."),
      "");
  /* a participle beside its noun in different phrases */
  assert_string_equal(
      findings("consistency.derived",
               "Os dados rotulados vieram da rotulagem de imagens feita "
               "por pessoas."),
      "");
}

/* The suffix, stem and function-word test of a word are worked out once a
 * spelling and kept (tl_wordinfo): the same findings on every later
 * document, the words first met in other phrases. */
static void test_answers_kept_per_spelling(void **state)
{
  (void)state;
  assert_string_equal(findings("consistency.derived",
                               "O ajustamento terminou. Os pesos de ajuste "
                               "mudaram.\n"),
                      "");
  for (int round = 0; round < 3; round++) {
    test_two_derivations(state);
    test_near_misses(state);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_two_derivations),
      cmocka_unit_test(test_near_misses),
      cmocka_unit_test(test_answers_kept_per_spelling),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
