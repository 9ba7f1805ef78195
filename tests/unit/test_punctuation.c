/* spelling.space on real sentences of machine-translated documentation
 * and of published news, with the marks that must stay as they are. */
#include "findings.h"

static void test_space_before_mark(void **state)
{
  (void)state;
  /* IBM, "O que é RAG agêntico?" (pt-BR) */
  assert_string_equal(
      findings("spelling.space",
               "O modelo responde sem a necessidade de ajustes .\n"),
      " .>.");
  /* IBM, "O que são LLMs?" (pt-BR): the space goes after the comma */
  assert_string_equal(
      findings("spelling.space",
               "Ele não cria conteúdo do nada ,assim como as pessoas.\n"),
      " ,>, ");
  /* Canaltech (2023): a comma after a noun, in edited news */
  assert_string_equal(
      findings("spelling.space",
               "A OpenAI passou por mudanças drásticas em sua diretoria , "
               "com a demissão do então CEO.\n"),
      " ,>,");
  assert_string_equal(
      findings("spelling.space",
               "Nota : o modelo é grande ; veja ? Sim !\n"),
      " :>: |  ;>; |  ?>? |  !>!");
}

static void test_marks_that_begin_something(void **state)
{
  (void)state;
  assert_string_equal(
      findings("spelling.space",
               "O .NET roda em Linux; o valor .5 é pequeno; e assim por "
               "diante ... e um sorriso :) no fim.\n"),
      "");
  /* code spans, emphasis markers and the start of a block are not prose
   * next to a word */
  assert_string_equal(
      findings("spelling.space",
               "Use `a , b` e **negrito** , depois.\n\n, começo\n"),
      "");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_space_before_mark),
      cmocka_unit_test(test_marks_that_begin_something),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
