/* Mistranslations of glossary terms that no row lists: inflected forms of
 * the listed ones, literal translations of names, near misses of
 * multi-word terms; each with the near misses that must stay silent. */
#include "findings.h"

/* -il and its plural -eis share a key: "difícil"/"difíceis" */
static void test_inflected_forbidden_forms(void **state)
{
  (void)state;
  assert_string_equal(findings("terminology", "As atribuições difíceis."),
                      "atribuições difíceis>atribuição rígida");
}

/* Literal translations of names: derived, not listed ("Copiloto", "Rosto
 * Abraçado", "Perplexidade" are in no glossary row). */
static void test_name_calques(void **state)
{
  (void)state;
  /* capitalised inside a sentence, in a text about the product's family */
  assert_string_equal(
      findings("terminology.calque",
               "A Microsoft anunciou que o Copiloto agora resume e-mails."),
      "Copiloto>Copilot");
  assert_string_equal(
      findings("terminology.calque",
               "O Copiloto do GitHub ganhou agentes."),
      "Copiloto do GitHub>GitHub Copilot");
  assert_string_equal(
      findings("terminology.calque",
               "Usuários do Rosto Abraçado compartilham modelos; a Hugging "
               "Face cresceu."),
      "Rosto Abraçado>Hugging Face");
  /* a common term's letters, capitalised as the company's name */
  assert_string_equal(
      findings("terminology.calque",
               "A Perplexidade lançou um navegador, disse a Perplexity."),
      "Perplexidade>Perplexity");
  /* lower case, tied by the family in the same sentence */
  assert_string_equal(
      findings("terminology.calque", "O copiloto da Microsoft resume textos."),
      "copiloto da Microsoft>Microsoft Copilot");
}

/* Ordinary Portuguese that a calque's letters spell: silent. */
static void test_name_calque_near_misses(void **state)
{
  (void)state;
  assert_string_equal(
      findings("terminology.calque",
               "O copiloto do avião pousou. Os gêmeos idênticos nasceram. A "
               "perplexidade do modelo caiu, disse a Perplexity."),
      "");
  /* capitalised, but nothing ties it to the product */
  assert_string_equal(findings("terminology.calque",
                               "O Oráculo de Delfos era famoso."),
                      "");
  /* a title or a longer name */
  assert_string_equal(
      findings("terminology.calque",
               "A Turma da Mônica virou filme; a Microsoft gostou."),
      "");
  /* a mention: the name explained in quotes */
  assert_string_equal(
      findings("terminology.calque",
               "É o “copiloto do Windows”, diz a Microsoft."),
      "");
  /* a quantity after a word is no version: "dentro da faixa 2,3 GHz"
   * (Estadão, the 5G auction) is a band, not Stripe */
  assert_string_equal(
      findings("terminology.calque",
               "A operadora ficou dentro da faixa 2,3 GHz."),
      "");
  /* a heading is title case */
  assert_string_equal(
      findings("terminology.calque", "# O Copiloto Chegou\n\nA Microsoft "
                                     "lançou o Copilot.\n"),
      "");
}

/* Past the first 4,096 tokens a linter checks, the calques' first words
 * sift the text (tl_calque_filter): the same findings as without. */
static void test_name_calques_filtered(void **state)
{
  static char filler[32768]; /* 1,365 sentences: 6,825 tokens */
  size_t n = 0;

  while (n + 32 < sizeof filler)
    n += (size_t)snprintf(filler + n, sizeof filler - n,
                          "O modelo respondeu bem. ");
  assert_string_equal(findings("terminology.calque", filler), "");
  test_name_calques(state);
  test_name_calque_near_misses(state);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_inflected_forbidden_forms),
      cmocka_unit_test(test_name_calques),
      cmocka_unit_test(test_name_calque_near_misses),
      cmocka_unit_test(test_name_calques_filtered),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
