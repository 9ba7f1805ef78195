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

/* spelling.case: a sentence that begins in lower case after a period */
static void test_lower_case_after_period(void **state)
{
  (void)state;
  /* d2l-pt, chapter_recommender-systems/neumf.md (the corpus) */
  assert_string_equal(
      findings("spelling.case",
               "Em seguida, criamos e inicializamos o modelo. usamos um MLP "
               "de três camadas.\n"),
      "usamos>Usamos");
  /* O São Gonçalo (edited news, 2023), and MundoBytes (machine-translated
   * from Spanish): a line break is a space too */
  assert_string_equal(
      findings("spelling.case",
               "O serviço permaneça em fase de especificação até agosto. após "
               "a definição, entra em vigor.\n\nO mundo muda a uma velocidade "
               "vertiginosa.\ngraças à inteligência artificial.\n"),
      "após>Após | graças>Graças");
}

/* What may follow a period in lower case: an abbreviation, a list's
 * number, an ellipsis, a word no dictionary knows (a name), a model's
 * name with digits. */
static void test_lower_case_that_may_follow(void **state)
{
  (void)state;
  assert_string_equal(
      findings("spelling.case",
               "Veja a pág. três, etc. e tal, e os passos 1. abra e 2. salve. "
               "Então... depois veio. O pacote openai. openai instala tudo. "
               "O modelo novo. o3 responde.\n"),
      "");
}

/* spelling.case: a capital at the start of a line that goes on a sentence
 * after a comma (d2l-pt wraps its sources line by line, and each line was
 * translated as a sentence) */
static void test_capital_after_comma_line(void **state)
{
  (void)state;
  /* d2l-pt, chapter_linear-networks/linear-regression.md (the corpus) */
  assert_string_equal(
      findings("spelling.case",
               "Datado do início do século 19,\nA regressão linear flui a "
               "partir de algumas suposições simples.\n"),
      "A>a");
  /* emphasis before the word, a word with a hyphen */
  assert_string_equal(
      findings("spelling.case",
               "Na prática,\nO *pooling* de atenção agrega valores.\n\nSe a "
               "derivada existe,\nDiz-se que a função é diferenciável.\n"),
      "O>o | Diz-se>diz-se");
  /* names, a name of two words, a list, a heading, a new sentence */
  assert_string_equal(
      findings("spelling.case",
               "Segundo a ministra,\nRosa Weber votou. Disse ela,\nJoão "
               "concordou.\n\n- um item,\n- Outro item\n\nFim do texto.\n"
               "Outra frase.\n"),
      "");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_space_before_mark),
      cmocka_unit_test(test_marks_that_begin_something),
      cmocka_unit_test(test_lower_case_after_period),
      cmocka_unit_test(test_lower_case_that_may_follow),
      cmocka_unit_test(test_capital_after_comma_line),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
