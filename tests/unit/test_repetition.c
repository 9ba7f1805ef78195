/* repetition.word on real sentences: a word or a pair of words written
 * twice in a row by the machine, and repeats that are language. */
#include "findings.h"

static void test_repeated_word(void **state)
{
  (void)state;
  assert_string_equal(findings("repetition.word",
                               "O modelo foi treinado pelo pelo time.\n"),
                      "pelo pelo>pelo");
  /* a capital letter that labels a thing, then the conjunction (Estadão,
   * the 5G auction: "lotes do tipo E e tipo F") */
  assert_string_equal(findings("repetition.word",
                               "Sobraram lotes do tipo E e tipo F. E e "
                               "outra vez.\n"),
                      "");
}

static void test_repeated_pair(void **state)
{
  (void)state;
  /* DataCamp, "OpenAI o3 API" (pt-BR) */
  assert_string_equal(findings("repetition.word",
                               "O modelo o3 da OpenAI da OpenAI é caro.\n"),
                      "da OpenAI da OpenAI>da OpenAI");
  /* numbers alone may be data; a pair split by a comma or across two
   * sentences is no repeat; emphasis with a one-letter word ("mais e
   * mais e mais") is language */
  assert_string_equal(findings("repetition.word",
                               "A sequência 1 2 1 2 se repete. Muito bem, "
                               "muito bem. Fez passo a passo a passo, mais "
                               "e mais e mais.\n"),
                      "");
}

/* A word coordinated with itself, and two names that share a word. */
static void test_coordination(void **state)
{
  (void)state;
  assert_string_equal(findings("repetition.coordination",
                               "Os resultados foram claros e claros.\n"),
                      "claros e claros");
  /* Folhapress: "os modelos Pro e Pro Max" */
  assert_string_equal(findings("repetition.coordination",
                               "Chegam o iPhone 16, o 16 Pro e Pro Max.\n"),
                      "");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_repeated_word),
      cmocka_unit_test(test_repeated_pair),
      cmocka_unit_test(test_coordination),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
