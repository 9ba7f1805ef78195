/* spelling.european: European Portuguese in a pt-BR text, from the pt-PT
 * list and the "estar a" + infinitive construction, with near misses that
 * are Brazilian too. */
#include "findings.h"

static void test_lexical_and_spelling_pairs(void **state)
{
  (void)state;
  assert_string_equal(
      findings("spelling.european",
               "O utilizador pode ver o resultado no ecrã do telemóvel."),
      "utilizador>usuário | ecrã>tela | telemóvel>celular");
  assert_string_equal(
      findings("spelling.european",
               "Utilizadores registados receberam a atualização."),
      "Utilizadores>Usuários | registados>registrados");
  assert_string_equal(findings("spelling.european",
                               "A acção teve um impacto económico."),
                      "acção>ação | económico>econômico");
  /* a European spelling pt_BR's Hunspell accepts too (d2l-pt) */
  assert_string_equal(findings("spelling.european",
                               "Nesta secção, e nas secções seguintes.\n"),
                      "secção>seção | secções>seções");
  /* nouns only after a determiner */
  assert_string_equal(findings("spelling.european",
                               "O facto é que a equipa cresceu; o registo "
                               "ficou no ficheiro."),
                      "facto>fato | equipa>equipe | registo>registro | "
                      "ficheiro>arquivo");
  /* or after a determiner and a prenominal adjective (a real sentence of a
   * Portuguese page about Gemini) */
  assert_string_equal(findings("spelling.european",
                               "A empresa uniu as suas duas estruturas de "
                               "pesquisa numa única equipa, Google DeepMind."),
                      "equipa>equipe");
}

static void test_progressive(void **state)
{
  (void)state;
  assert_string_equal(
      findings("spelling.european",
               "A OpenAI está a testar o modelo e os usuários estão a pedir "
               "mais. Estávamos a ver os dados."),
      "está a testar>está testando | estão a pedir>estão pedindo | "
      "Estávamos a ver>Estávamos vendo");
}

/* Valid in both variants: must stay silent. */
static void test_near_misses(void **state)
{
  (void)state;
  assert_string_equal(
      findings("spelling.european",
               "O governo é, de facto, o maior cliente. Ele equipa os "
               "laboratórios e controlo o orçamento."),
      "");
  /* the verb: no determiner (and adjective) right before it */
  assert_string_equal(findings("spelling.european",
                               "Quem sempre equipa bem os times ganha."),
                      "");
  assert_string_equal(
      findings("spelling.european",
               "O plano está a partir de US$ 10. A cidade está a 10 km. "
               "Ela estava a par da situação e está a caminho. A empresa "
               "continua a crescer e voltou a subir."),
      "");
  assert_string_equal(findings("spelling.european",
                               "O usuário viu a tela do celular; a equipe "
                               "registrou o fato no arquivo."),
                      "");
}

/* Pre-1990 spellings pt_BR's Hunspell accepts (rule "prereform", the
 * reviewed tools/ptpt-prereform.tsv): reported although pt_BR knows them. */
static void test_prereform(void **state)
{
  (void)state;
  /* a heading of d2l-pt (chapter_optimization/optimization-intro.md) */
  assert_string_equal(findings("spelling.european",
                               "## Objetivos da Optimização\n"),
                      "Optimização>Otimização");
  /* a sentence of Ultralytics' machine-translated glossary page "Base de
   * Dados Vetorial" (ultralytics.com/pt/glossary/vector-database) */
  assert_string_equal(
      findings("spelling.european",
               "Uma vez gerados estes vectores, a base de dados indexa-os "
               "utilizando algoritmos especializados como Aproximação do "
               "vizinho mais próximo (ANN)."),
      "vectores>vetores");
  assert_string_equal(
      findings("spelling.european",
               "O objectivo é optimizar a função; excepto nesse caso, ela é "
               "injectiva. A corrente eléctrica e o ano lectivo."),
      "objectivo>objetivo | optimizar>otimizar | excepto>exceto | "
      "injectiva>injetiva | eléctrica>elétrica | lectivo>letivo");
  /* a spelling pair pt_BR does not know is still reported, and "catos" is
   * the European (1990 agreement) form of "cactos" */
  assert_string_equal(findings("spelling.european",
                               "Eles viram os catos e eletrocutámos o fio."),
                      "catos>cactos | eletrocutámos>eletrocutamos");
}

/* Valid in Brazil: the consonant is pronounced, or the 1990 agreement gives
 * both spellings, or the word is English too; and the spelling rules'
 * wrong pairings (baterismo is not bacterismo). Must stay silent. */
static void test_prereform_near_misses(void **state)
{
  (void)state;
  assert_string_equal(
      findings("spelling.european",
               "O aspecto técnico, a perspectiva do setor, o contacto com o "
               "público, a recepção dos espectadores, a característica do "
               "produto, o pacto e o fato de ele ser apto a captar recursos. "
               "O detector detectou a infecção; a ficção e a dicção; o "
               "corrupto; o prospecto; a ruptura; a conjectura; o intelecto; "
               "o espectro; o veredicto; o respectivo; susceptível; o sector; "
               "súbdito; subtil; a amnistia; omnipresente; o cacto."),
      "");
  /* English names and quotes (msft-br: "Azure Vector Search") */
  assert_string_equal(
      findings("spelling.european",
               "Ferramentas de banco de dados vetoriais (como Azure Vector "
               "Search) e o \"objective\" do \"bias vector\"."),
      "");
  /* forms pt_BR knows through a prefix, and the wrong pairings */
  assert_string_equal(findings("spelling.european",
                               "Eu abato o preço do retrato; o baterismo e "
                               "o fio eletrocutável."),
                      "");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_lexical_and_spelling_pairs),
      cmocka_unit_test(test_progressive),
      cmocka_unit_test(test_near_misses),
      cmocka_unit_test(test_prereform),
      cmocka_unit_test(test_prereform_near_misses),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
