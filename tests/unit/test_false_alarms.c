/* Real sentences of texts nobody tuned on (machine-translated lessons of
 * generative-ai-for-beginners 10-21, Brazilian news about AI) that tradlint
 * flagged wrongly, each beside the near misses that must stay flagged. */
#include "findings.h"

static void test_prefixed_words_and_verbs_from_nouns(void **state)
{
  (void)state;
  /* prefix + known word as the 1990 agreement joins them */
  assert_string_equal(
      findings("spelling", "As pistas apontam para hiperescaladores como "
                           "Microsoft, Meta ou Oracle."),
      "");
  assert_string_equal(findings("spelling", "Usamos microsserviços e uma "
                                           "arquitetura multiagente."),
                      "");
  /* the agreement doubles s after a vowel, hyphenates a repeated vowel */
  assert_string_equal(findings("spelling.unknown",
                               "Um conjunto de microserviços de inferência."),
                      "microserviços");
  assert_string_equal(findings("spelling.unknown", "O forno microondas."),
                      "microondas");
  /* a verb whose noun in -agem the dictionary knows (prototipagem) */
  assert_string_equal(
      findings("spelling", "Veja como usar os modelos para prototipar com IA; "
                           "o app foi prototipado em dias."),
      "");
  assert_string_equal(findings("spelling.unknown",
                               "Contrariou a expectatica do presidente."),
                      "expectatica");
}

static void test_spelling_listed_as_admitted(void **state)
{
  (void)state;
  /* "plugin" is admitted beside "plug-in": one spelling is no finding */
  assert_string_equal(
      findings("terminology", "Esses plugins são armazenados como embeddings "
                              "para que o LLM possa buscar o plugin correto."),
      "");
  assert_string_equal(findings("terminology", "O Github e o GitHub."),
                      "Github>GitHub");
}

static void test_acronym_spelling_an_english_word(void **state)
{
  (void)state;
  assert_string_equal(
      findings("untranslated", "O senador tocantinense Eduardo Gomes (PL/TO) "
                               "espera que o projeto seja votado."),
      "");
  /* the English word in lower case is still English */
  assert_string_equal(findings("untranslated.word",
                               "O modelo responde to the user agora."),
                      "to the user");
}

static void test_article_of_an_institution(void **state)
{
  (void)state;
  assert_string_equal(
      findings("agreement", "O Falcon é um LLM criado pelo Technology "
                            "Innovation Institute (TII)."),
      "");
  assert_string_equal(findings("agreement", "Pesquisadores do Instituto Alan "
                                            "Turing publicaram o estudo."),
                      "");
  assert_string_equal(findings("agreement", "Um LLM criado pela Technology "
                                            "Innovation Institute."),
                      "pela>pelo");
  assert_string_equal(findings("agreement", "Segundo o OpenAI, o modelo."),
                      "o>a");
}

static void test_misspelt_glossary_name(void **state)
{
  (void)state;
  assert_string_equal(
      findings("spelling.unknown",
               "Demo: usando o Nividia NIM para chamar a API da Anthorpic."),
      "Nividia>Nvidia | Anthorpic>Anthropic");
  /* a plural of a name, and names the glossary knows, are not typos */
  assert_string_equal(findings("spelling.unknown", "Os Oxfords indicam "
                                                   "reembolso; a Nvidia e a "
                                                   "Anthropic."),
                      "");
}

static void test_name_the_text_calls_a_model(void **state)
{
  (void)state;
  /* generative-ai-for-beginners, lesson 16: Mistral is the model there */
  assert_string_equal(
      findings("agreement",
               "[Mistral](https://huggingface.co/mistralai) é um modelo open "
               "com forte foco em eficiência.\n\nAlguns exemplos de versões "
               "fine-tuned do Mistral incluem o BioMistral.\n"),
      "");
  /* near misses: nothing says it is a model, or another model is named */
  assert_string_equal(findings("agreement", "Segundo o Mistral, a rodada foi "
                                            "de 600 milhões de euros."),
                      "o>a");
  assert_string_equal(findings("agreement", "O modelo Mistral Large é "
                                            "novo. O CEO do Mistral falou."),
                      "do>da");
}

/* Machine-translated documentation (mt2 set: AWS Bedrock, IBM,
 * Salesforce): an adverb in -mente on a known adjective, a product named
 * after its company's name, the API standard's name. */
static void test_adverbs_products_and_standards(void **state)
{
  (void)state;
  assert_string_equal(
      findings("spelling", "O índice é usado subjacentemente pela busca; a "
                           "descrição segue o padrão OpenAPI."),
      "");
  /* a masculine in -o takes no -mente */
  assert_string_equal(findings("spelling.unknown",
                               "Ele fala rapidomente."),
                      "rapidomente");
  /* the article of the product: "o IBM watsonx Orchestrate"; the company
   * alone stays "a IBM" */
  assert_string_equal(
      findings("agreement.gender",
               "O IBM watsonx Orchestrate ajuda. O suporte do IBM watsonx.ai "
               "cresce. O IBM anunciou o resultado.\n"),
      "O>A");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_prefixed_words_and_verbs_from_nouns),
      cmocka_unit_test(test_spelling_listed_as_admitted),
      cmocka_unit_test(test_acronym_spelling_an_english_word),
      cmocka_unit_test(test_article_of_an_institution),
      cmocka_unit_test(test_misspelt_glossary_name),
      cmocka_unit_test(test_name_the_text_calls_a_model),
      cmocka_unit_test(test_adverbs_products_and_standards),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
