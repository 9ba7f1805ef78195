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

/* Calques of this session's rows, each on a sentence read outside the
 * held-out test half: "pesos e preconceitos" (weights and biases; a pt
 * tutorial on GitHub: "Armazenar pesos e preconceitos, calcular Wx + b para
 * a frente e gradientes de peso / entrada para trás."), "unidade recorrente
 * fechada" (gated recurrent unit; a pt course page on GitHub), "invariância de
 * tradução" (translation invariance; a pt notebook on GitHub), "blocos de
 * iniciação" (Inception blocks; d2l-pt's GoogLeNet chapter). */
static void test_forbidden_outside_calques(void **state)
{
  (void)state;
  assert_string_equal(
      findings("terminology.forbidden",
               "Armazenar pesos e preconceitos, calcular Wx + b para a "
               "frente e gradientes de peso / entrada para trás."),
      "pesos e preconceitos>pesos e vieses");
  assert_string_equal(
      findings("terminology.forbidden",
               "Familiarizar-se com as principais arquiteturas de RNNs, como "
               "bidirecionais (BRNN) e Unidades recorrentes fechadas (GRU)."),
      "Unidades recorrentes fechadas>unidade recorrente com portas");
  assert_string_equal(
      findings("terminology.forbidden",
               "Ele adiciona uma pequena quantidade de invariância de "
               "tradução - o que significa que traduzir a imagem em uma "
               "pequena quantidade não afeta significativamente os valores "
               "da maioria das saídas agrupadas."),
      "invariância de tradução>invariância à translação");
  assert_string_equal(
      findings("terminology.forbidden",
               "O agrupamento máximo entre os blocos de iniciação reduz a "
               "dimensionalidade."),
      "blocos de iniciação>bloco Inception");
}

/* Two accepted renderings in one text: "taxa de precisão" beside
 * "acurácia" (d2l-pt sentiment-analysis-rnn, dev half: "Que taxa de
 * precisão você pode alcançar nos conjuntos de dados de treinamento e
 * teste?"), "cálculos para a frente" beside "cálculo direto" (d2l-pt fcn,
 * dev half), "pool de atenção" beside "agrupamento de atenção" (d2l-pt
 * bahdanau-attention), "palavra de destino" beside "palavra-alvo" (d2l-pt
 * glove: "o GloVe usará a soma do vetor da palavra-alvo central e do vetor
 * da palavra de contexto como o vetor da palavra final para a palavra"). */
static void test_mixed_outside_renderings(void **state)
{
  (void)state;
  assert_string_equal(
      findings("consistency.document",
               "1. Aumente o número de épocas. Que taxa de precisão você pode "
               "alcançar nos conjuntos de dados de treinamento e teste?\n"
               "1. O uso de vetores de palavras pré-treinados maiores "
               "melhorará a acurácia da classificação?\n"
               "1. Podemos melhorar a acurácia da classificação usando a "
               "ferramenta de tokenização de palavras spaCy?\n"),
      "taxa de precisão>acurácia");
  assert_string_equal(
      findings("consistency.document",
               "Dada uma entrada de altura e largura de 320 e 480, o cálculo "
               "direto de `net` reduzirá a altura e largura da entrada.\n\n"
               "Podemos recortar várias áreas retangulares na imagem e, em "
               "seguida, realizar cálculos para a frente nos pixels nessas "
               "áreas. A média da saída da camada de convolução transposta "
               "no cálculo direto das diferentes áreas pode ser usada como "
               "entrada para a operação softmax.\n"),
      "cálculos para a frente>cálculo direto");
  assert_string_equal(
      findings("consistency.document",
               "Isso é alcançado tratando a variável de contexto como uma "
               "saída do agrupamento de atenção.\n\nA variável de contexto "
               "é o resultado do agrupamento de atenção.\n\nDiferentes "
               "partes das sequências de entrada são agregadas seletivamente "
               "no pool de atenção.\n"),
      "pool de atenção>agrupamento de atenção");
  assert_string_equal(
      findings("consistency.document",
               "Depois de aprender todos os vetores de palavras, o GloVe "
               "usará a soma do vetor da palavra-alvo central e do vetor da "
               "palavra de contexto como o vetor da palavra final.\n\nEm "
               "outras palavras, dado o vetor da palavra-alvo, a rede neural "
               "tenta prever o vetor do lema de contexto.\n\nCada elemento "
               "na saída é o produto interno do vetor de palavra de destino "
               "central e do vetor de palavra de contexto.\n"),
      "palavra de destino>palavra-alvo");
}

/* Alone, each of these is ordinary Portuguese (or the only rendering of
 * its text): no finding. */
static void test_outside_near_misses(void **state)
{
  (void)state;
  assert_string_equal(
      findings("consistency",
               "A taxa de precisão do sistema subiu para 90%.\n\nO cálculo "
               "direto do imposto é feito na fonte.\n\nA palavra de destino "
               "aparece no fim da lista.\n"),
      "");
  assert_string_equal(
      findings("terminology",
               "A tradução automática melhorou; a invariância por translação "
               "das CNNs é uma propriedade da convolução, e os pesos e vieses "
               "do modelo foram publicados."),
      "");
}

/* d2l-pt's LSTM and BPTT chapters (neither in the corpus nor in the
 * held-out set): "Célula de Memória Bloqueada" (gated memory cell),
 * "portão de saída" beside "porta de saída" ("Vamos nos referir a isso como
 * o *portão de saída*."), "retropropagação através do tempo" beside the
 * chapter's "retropropagação ao longo do tempo". */
static void test_lstm_bptt_renderings(void **state)
{
  (void)state;
  assert_string_equal(
      findings("terminology.forbidden",
               "## Célula de Memória Bloqueada\n\nIndiscutivelmente, o design "
               "da LSTM é inspirado pelas portas lógicas de um computador.\n"),
      "Célula de Memória Bloqueada>célula de memória com portas");
  assert_string_equal(
      findings("consistency.document",
               "Um portão é necessário para ler as entradas da célula. Vamos "
               "nos referir a isso como o portão de saída.\n\nÉ aqui que a "
               "porta de saída entra em ação.\n\nSempre que a porta de saída "
               "se aproxima de 1, passamos todas as informações da memória "
               "para o preditor.\n"),
      "portão de saída>porta de saída");
  assert_string_equal(
      findings("consistency.document",
               "# Retropropagação ao Longo do Tempo\n\nA retropropagação "
               "através do tempo é, na verdade, uma aplicação específica de "
               "retropropagação em RNNs.\n\nÉ o que é comumente referido como "
               "retropropagação truncada; vamos discutir a retropropagação ao "
               "longo do tempo em detalhes.\n"),
      "retropropagação através do tempo>retropropagação ao longo do tempo");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_forbidden_ml_calques),
      cmocka_unit_test(test_mixed_ml_renderings),
      cmocka_unit_test(test_ml_near_misses),
      cmocka_unit_test(test_forbidden_outside_calques),
      cmocka_unit_test(test_mixed_outside_renderings),
      cmocka_unit_test(test_outside_near_misses),
      cmocka_unit_test(test_lstm_bptt_renderings),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
