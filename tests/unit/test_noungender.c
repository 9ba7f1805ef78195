/* agreement.gender for common nouns whose ending tells their gender, on
 * real sentences, and the pairs that must stay silent. */
#include "findings.h"

static void test_determiner_of_the_other_gender(void **state)
{
  (void)state;
  /* d2l-pt, chapter_convolutional-neural-networks/padding-and-strides.md
   * (machine-translated, "one stride" -> "uma salto") */
  assert_string_equal(
      findings("agreement.gender",
               "1. Quais são os benefícios computacionais de uma salto maior "
               "que 1?\n"),
      "uma salto>um salto");
  /* coingenius.news, an AWS blog post machine-translated */
  assert_string_equal(
      findings("agreement.gender",
               "Amazon Translate é um tradução automática neural serviço que "
               "oferece tradução de idiomas.\n"),
      "um tradução>uma tradução");
  /* Época Negócios, an edited article: the adjective before the noun */
  assert_string_equal(
      findings("agreement.gender",
               "Funcionários ameaçam abandonar a companhia e se juntar ao "
               "fundador em uma novo negócio de inteligência artificial.\n"),
      "uma novo>um novo");
  /* plurals, contractions, demonstratives, a capital at the start */
  assert_string_equal(
      findings("agreement.gender",
               "Das saltos, nenhum. Os pesos dos ações caíram. Nessa "
               "modelo, não. Desse versão, sim. Uma salto basta.\n"),
      "Das saltos>Dos saltos | dos ações>das ações | Desse versão>Dessa "
      "versão | Uma salto>Um salto");
  /* a crase before a masculine word: the preposition was meant */
  assert_string_equal(findings("agreement.gender", "Chegou à cavalo.\n"),
                      "à cavalo>a cavalo");
}

static void test_pairs_that_agree_or_cannot_be_judged(void **state)
{
  (void)state;
  /* feminine nouns in -o, clipped words, persons of either sex, adverbs
   * before an adjective, -ão and gerunds */
  assert_string_equal(
      findings("agreement.gender",
               "Uma foto da tribo. Numa moto, na expo, uma cripto. A "
               "entrevista com uma modelo brasileira e uma piloto. Era uma "
               "pouco conhecida empresa e uma muito boa ideia. Uma mão na "
               "massa. Na sua opinião, dessa maneira. Uma vez terminando.\n"),
      "");
  /* "a", "o", "as", "os", "esta" and "essa" are left out: a preposition,
   * a pronoun, a lost accent ("esta pronto" is "está pronto") */
  assert_string_equal(
      findings("agreement.gender",
               "Comprou a prazo. Quem o pratica sabe. Isso nos ajuda. Esta "
               "pronto o relatório. Ela as usamos.\n"),
      "");
  /* masculine nouns with a feminine ending, a name, a word the
   * dictionary does not know, number disagreement (another error) */
  assert_string_equal(
      findings("agreement.gender",
               "Do coração do sistema. Na Toledo, o Da Vinci. Uma soluçao "
               "simples. Dos ação. Às vezes, às custos.\n"),
      "");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_determiner_of_the_other_gender),
      cmocka_unit_test(test_pairs_that_agree_or_cannot_be_judged),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
