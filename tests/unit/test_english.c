/* consistency.english and consistency.acronym on real sentences, with the
 * near misses that must stay silent (glosses, accepted English forms,
 * acronyms inside names). */
#include "findings.h"

static void test_english_beside_translation(void **state)
{
  (void)state;
  assert_string_equal(
      findings("consistency.english",
               "O conjunto de validação tem mil exemplos. O conjunto de "
               "validação é separado antes.\n\n"
               "Depois, o validation set escolhe o modelo.\n"),
      "validation set>conjunto de validação");
  /* the English term is the text's choice: the translation is reported */
  assert_string_equal(
      findings("consistency.english",
               "A loss function mede o erro. Cada loss function tem um "
               "gradiente. A função de perda quadrática é a mais comum.\n"),
      "função de perda>loss function");
}

static void test_english_near_misses(void **state)
{
  (void)state;
  /* a gloss in parentheses, either way round, is one mention */
  assert_string_equal(
      findings("consistency.english",
               "O conjunto de validação (validation set) tem mil exemplos. "
               "O conjunto de validação é separado antes.\n"),
      "");
  assert_string_equal(
      findings("consistency.english",
               "O ajuste fino muda os pesos; o fine-tuning é barato.\n"),
      "");
  /* English alone is left to the untranslated checks */
  assert_string_equal(findings("consistency.english",
                               "O validation set escolhe o modelo.\n"),
                      "");
}

/* A sentence with two English function words or more, in any case, is
 * English left untranslated: the untranslated checks' business. The
 * answer is kept per spelling (TL_WL_EN_FUNCTION): asked again in a later
 * block, it must not change. */
static void test_english_sentence_left_alone(void **state)
{
  (void)state;
  assert_string_equal(
      findings("consistency.english",
               "A aula começa cedo. A aula termina tarde.\n\n"
               "BY THE END OF THIS lesson WE WILL BE READY.\n\n"
               "BY THE END OF THIS lesson WE WILL BE READY.\n"),
      "");
  /* one function word only: a Portuguese sentence with an English term */
  assert_string_equal(
      findings("consistency.english",
               "A aula começa cedo. A aula termina tarde.\n\n"
               "No fim desta lesson, BY Ana, tudo muda.\n"),
      "lesson>aula");
}

static void test_acronyms(void **state)
{
  (void)state;
  /* d2l-pt recommender-systems: "CF" introduced, "FC" once */
  assert_string_equal(
      findings("consistency.acronym",
               "A filtragem colaborativa (CF) usa avaliações. FC tem muitas "
               "formas. O CF baseado em memória e o CF baseado em modelo "
               "são os dois tipos.\n"),
      "FC>CF");
  /* an acronym inside a name, and a concept the text does not name */
  assert_string_equal(
      findings("consistency.acronym",
               "A inteligência artificial muda tudo. A IA está no Azure AI "
               "Studio e no Microsoft AI Builder.\n"),
      "");
  assert_string_equal(findings("consistency.acronym",
                               "O RL e o AR apareceram na tabela.\n"),
                      "");
  /* an acronym in the English title of a work (Vertente, on Karen Hao's
   * book): the title is the work's name, not the text's acronym */
  assert_string_equal(
      findings("consistency.acronym",
               "Ela passou dois anos mergulhada na história da OpenAI para "
               "escrever o livro Empire of AI. A obra explora a corrida pela "
               "inteligência artificial (IA).\n"),
      "");
  /* the end of a dotted name (TecMundo: "dono da x.AI") */
  assert_string_equal(
      findings("consistency.acronym",
               "A inteligência artificial (IA) avança. O dono da x.AI falou; "
               "a Character.AI também.\n"),
      "");
}

/* The runs tried at a word stop at the most words of any term opening
 * with it (tl_nearmiss_en_first): "floating point" (2) and
 * "floating-point operations per second" (5) share their first word, and
 * the longest is found; one word more when it is a lone 's', cut as a
 * plural ("validation set s" is the run "validation set" + 's'). */
static void test_english_longest_run(void **state)
{
  (void)state;
  assert_string_equal(
      findings("consistency.english",
               "O número de operações de ponto flutuante por segundo dobrou. "
               "As operações de ponto flutuante por segundo medem o chip.\n\n"
               "Depois, o floating point operations per second do chip "
               "caiu.\n"),
      "floating point operations per second>operações de ponto flutuante "
      "por segundo");
  assert_string_equal(
      findings("consistency.english",
               "O conjunto de validação tem mil exemplos. O conjunto de "
               "validação é separado antes.\n\n"
               "Depois, o validation set s escolhe o modelo.\n"),
      "validation set s>conjunto de validação");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_english_beside_translation),
      cmocka_unit_test(test_english_near_misses),
      cmocka_unit_test(test_english_sentence_left_alone),
      cmocka_unit_test(test_acronyms),
      cmocka_unit_test(test_english_longest_run),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
