/* Glossary rows for the machine-learning terms that translations of d2l
 * and of Microsoft's course get wrong: word-by-word renderings caught by
 * terminology.forbidden, two renderings of one concept in a document caught
 * by consistency.document, and the near misses that must stay silent
 * ("recursos computacionais", "modelos de agrupamento"). The sentences are
 * from the d2l-pt chapters and msft-br lessons of the held-out dev set. */
#include "findings.h"

/* Features rendered as resources ("recursos") or looks ("feições") in a
 * term; flatten as "nivelar"; "pay attention" as "pagar atenção". */
static void test_forbidden_ml_calques(void **state)
{
  (void)state;
  assert_string_equal(
      findings("terminology.forbidden",
               "Finalmente, transforma a altura e largura do mapa de "
               "recursos para o tamanho da imagem de entrada."),
      "mapa de recursos>mapa de características");
  assert_string_equal(
      findings("terminology.forbidden",
               "Neste modelo, cada palavra obtém primeiro um vetor de "
               "recurso da camada de incorporação."),
      "vetor de recurso>vetor de atributos");
  assert_string_equal(
      findings("terminology.forbidden",
               "As duas últimas camadas são a camada de agrupamento global "
               "médio e a camada de nivelamento `Flatten`."),
      "camada de nivelamento>camada de achatamento");
  assert_string_equal(
      findings("terminology.forbidden",
               "Para realizar o último, precisamos pagar\natenção ao "
               "*overfitting*."),
      "pagar\natenção>prestar atenção");
  assert_string_equal(
      findings("terminology.forbidden",
               "Pesquisadores e desenvolvedores podem modificar os internos "
               "do modelo."),
      "internos do modelo>funcionamento interno do modelo");
}

/* The same concept written two accepted ways in one chapter. */
static void test_mixed_ml_renderings(void **state)
{
  (void)state;
  assert_string_equal(
      findings("consistency.document",
               "A saída é um escalar, então sua matriz Hessiana terá $k$ "
               "autovalores.\n\nSe todos os autovalores são positivos, temos "
               "um mínimo local.\n\nQuando os valores próprios da matriz "
               "Hessiana são todos negativos, temos um máximo local.\n"),
      "valores próprios>autovalor");
  assert_string_equal(
      findings("consistency.document",
               "Isso é feito via *pooling de atenção*.\n\nO *pooling* de "
               "atenção agrega valores usando a média ponderada.\n\nOs "
               "mecanismos de atenção colocam *bias* na seleção por meio do "
               "agrupamento de atenção.\n"),
      "agrupamento de atenção>pooling de atenção");
}

/* Near misses: "recursos" (resources), "agrupamento" (clustering),
 * "valores próprios" (one's own values) and "intervalo de tempo" alone are
 * ordinary Portuguese. */
static void test_ml_near_misses(void **state)
{
  (void)state;
  assert_string_equal(
      findings("terminology",
               "Os recursos computacionais da GPU são limitados, e o mapa "
               "mostra os recursos hídricos da região."),
      "");
  assert_string_equal(
      findings("consistency",
               "Os modelos de agrupamento separam os clientes em grupos.\n\n"
               "A camada de *pooling* reduz a resolução.\n"),
      "");
  assert_string_equal(
      findings("consistency",
               "Cada empresa tem valores próprios.\n\nNum intervalo de tempo "
               "curto, a empresa cresceu.\n"),
      "");
  assert_string_equal(
      findings("terminology",
               "A busca exaustiva é cara; o portão de entrada do data center "
               "fica fechado."),
      "");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_forbidden_ml_calques),
      cmocka_unit_test(test_mixed_ml_renderings),
      cmocka_unit_test(test_ml_near_misses),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
