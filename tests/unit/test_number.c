/* number.*: English decimals, thousands, ranges and dollar amounts in pt-BR
 * prose, with the numbers that must stay as they are. */
#include "findings.h"

static void test_decimals_with_trailing_zero_and_percent(void **state)
{
  (void)state;
  assert_string_equal(findings("number", "A taxa subiu para 45.0% no ano."),
                      "45.0>45,0");
  /* after a capitalised word a number is a version, but not before '%' */
  assert_string_equal(findings("number", "O GPT-4 teve 86.4% no MMLU 45.0% "
                                         "e o Gemini 2.5 Pro venceu."),
                      "86.4>86,4 | 45.0>45,0");
  assert_string_equal(findings("number", "A OpenAI 1.5 bilhão."),
                      "1.5>1,5");
  /* sentence end: still a quantity when it is money */
  assert_string_equal(findings("number", "O preço ficou em US$ 2.5."),
                      "2.5>2,5");
}

static void test_currency(void **state)
{
  (void)state;
  /* dollars between two '$' are prices, not TeX math */
  assert_string_equal(
      findings("number", "Custa $2.50 por milhão de tokens, contra $10 antes."),
      "$2.50>US$ 2,50 | $10>US$ 10");
  assert_string_equal(
      findings("number", "A empresa levantou US$ 1.5 bilhão e vale US$ 6.6 "
                         "bilhões."),
      "1.5>1,5 | 6.6>6,6");
  assert_string_equal(findings("number", "Erro de US $ 100.000 e de US$100."),
                      "US $ 100.000>US$ 100.000 | US$100>US$ 100");
  assert_string_equal(
      findings("number", "Captou $2.5M, depois $500K, $1.2B e $1B."),
      "$2.5M>US$ 2,5 milhões | $500K>US$ 500 mil | $1.2B>US$ 1,2 bilhão | "
      "$1B>US$ 1 bilhão");
  assert_string_equal(findings("number", "Entre $2-$5 por usuário."),
                      "$2>US$ 2 | $5>US$ 5");
  assert_string_equal(findings("number", "Caiu para $0.075 por mil tokens."),
                      "$0.075>US$ 0,075");
}

static void test_ranges(void **state)
{
  (void)state;
  assert_string_equal(findings("number", "Ganhos de 1.5-2.5% na média."),
                      "1.5-2.5>1,5-2,5");
  assert_string_equal(findings("number", "Entre 1,000-2,000 GPUs."),
                      "1,000-2,000>1.000-2.000");
  /* already Portuguese, or pages and years */
  assert_string_equal(findings("number", "De 1,5-2,5%, nas páginas 10-20, "
                                         "em 2020-2024."),
                      "");
}

static void test_near_misses(void **state)
{
  (void)state;
  assert_string_equal(
      findings("number",
               "Já US$ 2,50, R$ 3,5 bilhões, 0,01%, 99,5%, 1.000 e 3.000.000 "
               "estão certos. O Llama 3.2, a versão 1.5, a seção 3.2, o "
               "GPT-4.1, o IP 192.168.0.1 e às 10.30 não são erros."),
      "");
  /* TeX stays math: no number findings inside it */
  assert_string_equal(findings("number", "Seja $x = 0.5$ e $0.1$, com "
                                         "$(0.1, 0.2, 0.7)$ e $10 \\times "
                                         "10$."),
                      "");
  /* a '$' the Markdown parser left unpaired in a table cell */
  assert_string_equal(findings("number", "| a | b |\n|---|---|\n| com $0 | "
                                         "$1 < x |\n"),
                      "");
  /* pt-BR thousands with a leading group of one, not a decimal */
  assert_string_equal(findings("number", "São 1.000 GPUs."), "");
}

/* A decimal the document writes glued to a name elsewhere (one pass over
 * the whole text, digits found a byte a step), here at its very end. */
static void test_name_numbers_anywhere(void **state)
{
  (void)state;
  assert_string_equal(findings("number", "Na tabela, o 4.1 vence o 3.5 de "
                                         "longe; compare com o GPT-4.1"),
                      "3.5>3,5");
  assert_string_equal(findings("number", "7.2 e 4.1 vêm do Llama-7.2 e do "
                                         "o4.1"),
                      "");
}

static void test_scale_plural_and_currency_twice(void **state)
{
  (void)state;
  /* fayerwayer.com.br on Nvidia passing Amazon (February 2024) */
  assert_string_equal(
      findings("number", "As ações fecharam a US$721,28 dólares por ação, "
                         "o que lhe confere uma capitalização de mercado de "
                         "US$1,78 trilhões, em comparação com os US$1,75 "
                         "trilhões da Amazon."),
      "US$721,28>US$ 721,28 | US$721,28 dólares>US$721,28 | "
      "US$1,78 trilhões>US$ 1,78 trilhão | US$1,75 trilhões>US$ 1,75 trilhão");
  assert_string_equal(findings("number", "São 1 milhões de usuários e US$ 2 "
                                         "bilhões de dólares."),
                      "1 milhões>1 milhão | US$ 2 bilhões de dólares>US$ 2 "
                      "bilhões");
  /* from 2 on, the plural: "R$ 2,37 trilhão" (AFP via BOL, January 2025,
   * on DeepSeek and Wall Street) */
  assert_string_equal(
      findings("number", "As big techs perderam R$ 2,37 trilhão em valor de "
                         "mercado; a Nvidia, 2 milhão de ações e 1.500 "
                         "milhão de dólares."),
      "2,37 trilhão>2,37 trilhões | 2 milhão>2 milhões | "
      "1.500 milhão>1.500 milhões");
  /* near misses: the integer part is not 1, the scale is singular, the
   * currency is said once; a leading zero or an English decimal point is
   * not judged here */
  assert_string_equal(
      findings("number", "Foram 1,5 milhão, 11,5 milhões, 1.500 milhões, 21 "
                         "bilhões e 0,5 bilhão; custa US$ 5, e os dólares "
                         "subiram; R$ 1,2 bilhão; 0,5 bilhões."),
      "");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_decimals_with_trailing_zero_and_percent),
      cmocka_unit_test(test_currency),
      cmocka_unit_test(test_ranges),
      cmocka_unit_test(test_near_misses),
      cmocka_unit_test(test_name_numbers_anywhere),
      cmocka_unit_test(test_scale_plural_and_currency_twice),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
