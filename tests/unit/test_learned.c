/* consistency.learned in one document: an English term no glossary concept
 * holds, glossed two ways; and the glosses that teach nothing (a name, an
 * acronym's expansion, a glossary term, one word, inflection). */
#include "findings.h"

static void test_glossed_two_ways(void **state)
{
  (void)state;
  assert_string_equal(
      findings("consistency.learned",
               "A suavização de rótulos (label smoothing) reduz o excesso de "
               "confiança. Mais adiante, o alisamento de rótulos (label "
               "smoothing) volta.\n"),
      "alisamento de rótulos>suavização de rótulos");
  /* the English term first, its Portuguese gloss after */
  assert_string_equal(
      findings("consistency.learned",
               "O *teacher forcing* (condução pelo gabarito) acelera o "
               "treino. Já o *teacher forcing* (imposição da resposta certa) "
               "tem custos.\n"),
      "imposição da resposta certa>condução pelo gabarito");
}

static void test_glosses_that_teach_nothing(void **state)
{
  (void)state;
  /* inflection and the contraction of "de" are one rendering */
  assert_string_equal(
      findings("consistency.learned",
               "A suavização de rótulos (label smoothing) ajuda. A suavização "
               "dos rótulos (label smoothing) também.\n"),
      "");
  /* names and acronyms: no pair to learn */
  assert_string_equal(
      findings("consistency.learned",
               "A Hugging Face (Rosto Abraçado) publica modelos. A Hugging "
               "Face (Cara Abraçada) também. O GPT (Generative Pre-trained "
               "Transformer) é um modelo.\n"),
      "");
  /* a glossary term is the glossary's business (consistency.document) */
  assert_string_equal(
      findings("consistency.learned",
               "O aprendizado por reforço (reinforcement learning) é antigo. "
               "A aprendizagem por reforço (reinforcement learning) "
               "também.\n"),
      "");
  /* one word: its rendering varies with the sense */
  assert_string_equal(
      findings("consistency.learned",
               "O ruído (noise) atrapalha. O barulho (noise) também.\n"),
      "");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_glossed_two_ways),
      cmocka_unit_test(test_glosses_that_teach_nothing),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
