/* terminology.forbidden and agreement.gender beyond the glossary's own
 * forms, on real sentences, with the near misses that must stay silent. */
#include "findings.h"

/* A forbidden "noun adjective" form said of its noun through a copula. */
static void test_predicative_forbidden(void **state)
{
  (void)state;
  /* d2l-pt, recommender systems (ctr, recsys-intro) */
  assert_string_equal(
      findings("terminology.forbidden",
               "No entanto, os dados de interação geralmente são "
               "extremamente esparsos e podem ser barulhentos às vezes.\n"),
      "barulhentos>dados ruidosos");
  assert_string_equal(
      findings("terminology.forbidden",
               "Observe que o feedback implícito é inerentemente "
               "barulhento.\n"),
      "barulhento>feedback ruidoso");
  /* the copula in capitals: "É", "SÃO" (the filter before the word list
   * lets a capital through) */
  assert_string_equal(
      findings("terminology.forbidden",
               "Observe que o feedback implícito É inerentemente "
               "barulhento.\n"),
      "barulhento>feedback ruidoso");
  assert_string_equal(
      findings("terminology.forbidden",
               "Os dados de interação SÃO barulhentos.\n"),
      "barulhentos>dados ruidosos");
  /* the adjective said of another noun: "barulhento" of a street */
  assert_string_equal(
      findings("terminology.forbidden",
               "A rua onde ficam os servidores é barulhenta à noite.\n"),
      "");
  /* the adjective is the first word of another glossary term: "ponto
   * flutuante" (floating point) is no "produto ponto" (dot product) */
  assert_string_equal(
      findings("terminology.forbidden",
               "O tipo do resultado do produto é ponto flutuante de 32 "
               "bits.\n"),
      "");
  /* the noun in another sentence */
  assert_string_equal(
      findings("terminology.forbidden",
               "Coletamos os dados. O bairro é barulhento.\n"),
      "");
  /* an adjective of evaluation is said of any subject: "a atribuição de
   * tarefas é difícil" though "atribuição difícil" is a wrong rendering
   * of "hard assignment" */
  assert_string_equal(
      findings("terminology.forbidden",
               "A atribuição de tarefas entre as equipes é difícil.\n"),
      "");
}

/* A forbidden name form beside a lower-case word of the sentence is no
 * part of an English title: "(como o GPT-4.0 e GPT-4o)" (Exame, 2025)
 * keeps its finding, while the names of a show and a book stay silent. */
static void test_forbidden_beside_conjunction(void **state)
{
  (void)state;
  assert_string_equal(
      findings("terminology.forbidden",
               "A empresa disputa espaço com os lançamentos da OpenAI "
               "(como o GPT-4.0 e GPT-4o), Microsoft e Meta.\n"),
      "GPT-4.0>GPT-4o");
  assert_string_equal(
      findings("terminology.forbidden",
               "O canal AI Show mostrou o novo modelo.\n"),
      "");
  assert_string_equal(
      findings("terminology.forbidden",
               "Ela lançou o livro Empire of AI no ano passado.\n"),
      "");
}

/* A non-breaking hyphen (U+2011) copied from an English page is the
 * house's hyphen to the eye: no variant ("o4‑mini", andrelug.com.br,
 * 2025); a space where the hyphen goes still is one. */
static void test_unicode_hyphen(void **state)
{
  (void)state;
  assert_string_equal(findings("terminology.variant",
                               "O GPT-5 substitui o o4\xe2\x80\x91mini e o "
                               "o3\xe2\x80\x90mini.\n"),
                      "");
  assert_string_equal(findings("terminology.variant",
                               "O GPT-5 substitui o o4 mini.\n"),
                      "o4 mini>o4-mini");
}

/* A short model name in lower case (o3) written with a capital, in a text
 * about the model: "OpenAI Revela O3 e O3-mini" (Voicefy, auto-translated),
 * "Quando você deve usar o O3?" (DataCamp, pt-BR). Ozone stays ozone. */
static void test_short_name_case(void **state)
{
  (void)state;
  assert_string_equal(findings("terminology.variant",
                               "OpenAI Revela O3 e O3-mini.\n"),
                      "O3>o3 | O3-mini>o3-mini");
  assert_string_equal(findings("terminology.variant",
                               "Quando você deve usar o O3? O o3 custa "
                               "menos que o o1.\n"),
                      "O3>o3");
  assert_string_equal(findings("terminology.variant",
                               "O O3 (ozônio) protege a Terra; a camada de "
                               "O3 diminuiu.\n"),
                      "");
}

/* A name with an accent added that makes a Portuguese word is that word:
 * "desde o Cadê até o Google" (Correio, Bahia) is the old search engine,
 * not the council's "Cade"; an accent that makes no word is a variant. */
static void test_accented_word_is_no_variant(void **state)
{
  (void)state;
  assert_string_equal(findings("terminology.variant",
                               "A internet brasileira teve buscadores desde "
                               "o Cadê até o Google.\n"),
                      "");
  assert_string_equal(findings("terminology.variant",
                               "O Gêmini chegou ao Brasil.\n"),
                      "Gêmini>Gemini");
}

/* A forbidden gender variant of the house form (incubador/incubadora). */
static void test_forbidden_gender_variant(void **state)
{
  (void)state;
  assert_string_equal(
      findings("terminology.forbidden",
               "Você pode até estar pronto para se inscrever no incubador "
               "da Microsoft.\n"),
      "incubador>incubadora");
  assert_string_equal(
      findings("terminology.forbidden",
               "A startup nasceu numa incubadora da universidade; as "
               "incubadoras do estado apoiam 40 empresas.\n"),
      "");
}

/* An acronym in lower case after an article of the other gender. */
static void test_lower_acronym_agreement(void **state)
{
  (void)state;
  /* d2l-pt, recommender systems (ctr) */
  assert_string_equal(
      findings("agreement.gender",
               "As colunas podem representar a id do anúncio, id do site ou "
               "aplicativo, id do dispositivo.\n"),
      "a id>o ID");
  /* the article agrees; no complement (the word, not the acronym) */
  assert_string_equal(
      findings("agreement.gender",
               "O id do usuário fica no cabeçalho. Freud opõe o ego à id.\n"),
      "");
}

/* Word-list answers are asked once a spelling and kept (tl_ctx_in_list):
 * the same findings after the words were met in other roles ("o auto de
 * infração", "É muito bom", "os dados de teste"). */
static void test_answers_kept_per_spelling(void **state)
{
  (void)state;
  assert_string_equal(
      findings("spelling.hyphen",
               "O auto de infração chegou. É muito bom; são bons. Os dados "
               "de teste. AUTO é auto, Multi é multi.\n"),
      "");
  for (int round = 0; round < 3; round++) {
    assert_string_equal(
        findings("spelling.hyphen",
                 "A auto diferenciação calcula gradientes. O auto de "
                 "infração chegou. Uma rede multi camada.\n"),
        "auto diferenciação>autodiferenciação | multi camada>multicamada");
    test_predicative_forbidden(state);
    test_lower_acronym_agreement(state);
    /* the word before in the list of noun determiners, the word known as
     * written: both kept per spelling */
    assert_string_equal(
        findings("spelling.accent",
                 "Veja na sequencia. Os papeis chegaram. A sequencia dos "
                 "fatos. Ele sequencia genomas; na Sequencia 2.\n"),
        "sequencia>sequência | papeis>papéis | Sequencia>Sequência");
  }
}

/* "O OpenAI do Azure" is the product Azure OpenAI in Portuguese order
 * (Microsoft Learn, pt-BR): masculine, as the glossary's "Azure OpenAI";
 * the company's models stay "da OpenAI". */
static void test_inverted_product_name(void **state)
{
  (void)state;
  assert_string_equal(
      findings("agreement.gender",
               "O OpenAI do Azure não usa seus dados. Os modelos do OpenAI "
               "são bons.\n"),
      "do>da");
}

/* A subheading all in capitals (Folhapress: "DONA DO CHATGPT ...") says
 * nothing of a name's case; a name in capitals in running text does. */
static void test_variant_in_capitals(void **state)
{
  (void)state;
  assert_string_equal(
      findings("terminology.variant",
               "O ChatGPT cresce.\n\nDONA DO CHATGPT FOI ALVO DE CRÍTICAS\n\n"
               "Depois, o CHATGPT e o ChatGpt erraram.\n"),
      "CHATGPT>ChatGPT | ChatGpt>ChatGPT");
  /* JC/Estadão: "PROJETO VOLTA À CÂMARA DOS DEPUTADOS": a one-letter word
   * with an accent ("À") is in capitals too */
  assert_string_equal(
      findings("terminology.variant",
               "O ChatGPT cresce.\n\nPROJETO VOLTA À SEDE DO CHATGPT\n\n"
               "A VOLTA É DO CHATGPT\n"),
      "");
}

/* A Brazilian acronym read as a word: the press writes "Fapesp", "Inpe",
 * the institution itself "FAPESP", "INPE" (Agência FAPESP, edited news);
 * either is fine alone, two in one text are a consistency finding. */
static void test_acronym_read_as_a_word(void **state)
{
  (void)state;
  assert_string_equal(
      findings("terminology.variant",
               "A pesquisa teve apoio da FAPESP e da Embrapa.\n\n"
               "O INPE mediu o desmatamento, segundo a ANATEL.\n"),
      "");
  assert_string_equal(
      findings("consistency.document",
               "A Fapesp financiou o estudo. Segundo a FAPESP, o prazo "
               "acabou.\n"),
      "FAPESP>Fapesp");
  /* a form that is neither stays a variant, the nearest spelling offered */
  assert_string_equal(findings("terminology.variant",
                               "A pesquisa teve apoio da FaPESP.\n"),
                      "FaPESP>FAPESP");
}

/* Where edited Brazilian news gives a name another article than the
 * glossary's, agreeing with a noun left out, and where it is an error. */
static void test_article_of_a_noun_left_out(void **state)
{
  (void)state;
  /* Exame: "os chips mais poderosos — os H100" (a plural article) */
  assert_string_equal(
      findings("agreement.gender",
               "A empresa vende os chips mais poderosos, os ChatGPT e os "
               "Gemini do mercado.\n"),
      "");
  /* UOL, Veja: "a Starlink" (a empresa); the glossary gives no gender to a
   * name whose article follows the noun meant */
  assert_string_equal(
      findings("agreement.gender",
               "O ministro mandou bloquear as contas da Starlink. O Starlink "
               "chegou ao Brasil.\n"),
      "");
  /* a model's name after a feminine article stays an error */
  assert_string_equal(
      findings("agreement.gender", "Ele usou a ChatGPT, e a o3 errou.\n"),
      "a>o | a>o");
  /* a company's feminine name after a masculine article: machine
   * translation's error, reported without more evidence (mt set, Azure) */
  assert_string_equal(
      findings("agreement.gender",
               "Os modelos de linguagem do OpenAI são avançados.\n"),
      "do>da");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_predicative_forbidden),
      cmocka_unit_test(test_forbidden_gender_variant),
      cmocka_unit_test(test_forbidden_beside_conjunction),
      cmocka_unit_test(test_unicode_hyphen),
      cmocka_unit_test(test_short_name_case),
      cmocka_unit_test(test_accented_word_is_no_variant),
      cmocka_unit_test(test_lower_acronym_agreement),
      cmocka_unit_test(test_answers_kept_per_spelling),
      cmocka_unit_test(test_article_of_a_noun_left_out),
      cmocka_unit_test(test_variant_in_capitals),
      cmocka_unit_test(test_acronym_read_as_a_word),
      cmocka_unit_test(test_inverted_product_name),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
