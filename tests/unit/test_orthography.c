/* spelling.case on real sentences: an adjective from a proper name written
 * with a capital inside a sentence, and the names that look like one. */
#include "findings.h"

static void test_name_adjective(void **state)
{
  (void)state;
  assert_string_equal(findings("spelling.case",
                               "A distância Euclidiana mede isso.\n"),
                      "Euclidiana>euclidiana");
}

static void test_first_names_and_brands(void **state)
{
  (void)state;
  /* Folhapress, Veja: "a ministra Luciana Santos"; Estadão: "Mariana
   * Moura"; a brand after a preposition */
  assert_string_equal(
      findings("spelling.case",
               "A ministra Luciana Santos falou, e a sócia Mariana Moura "
               "também. Fez uma campanha com Havaianas.\n"),
      "");
  /* d2l-pt: "a distribuição normal (também chamada de *Gaussiana*)" */
  assert_string_equal(
      findings("spelling.case",
               "A distribuição normal (também chamada de *Gaussiana*).\n"),
      "Gaussiana>gaussiana");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_name_adjective),
      cmocka_unit_test(test_first_names_and_brands),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
