/* untranslated.*: English left in the translation, on real sentences of
 * texts nobody tuned on, with the near misses that must stay as they are. */
#include "findings.h"

static void test_model_variant_names(void **state)
{
  (void)state;
  /* the variant word after a version or size is part of a model's name
   * (generative-ai-for-beginners, lessons 19 and 21) */
  assert_string_equal(findings("untranslated.passage",
                               "# Modelos\n\n### Phi-3 / 3.5 Instruct\n\n"
                               "Principalmente para geração de texto.\n"),
                      "");
  assert_string_equal(findings("untranslated.passage",
                               "Variantes dos modelos:\n\n"
                               "- Llama 3.1 - 70B Instruct\n"
                               "- Llama 3.2 - 11B Vision Instruct\n"
                               "- Gemini 1.0 Pro V\n"),
                      "");
  /* near misses: English prose after a number is still a passage */
  assert_string_equal(findings("untranslated.passage",
                               "# Lição\n\n### Step 3 Build the app\n\n"
                               "Agora vamos construir o aplicativo.\n"),
                      "Step 3 Build the app");
  assert_string_equal(findings("untranslated.passage",
                               "# Lição\n\n- Llama 3.1 is the best model\n"),
                      "Llama 3.1 is the best model");
}

/* An English heading glued to its translation, on real headings, with
 * the one-word brand names that must stay silent. */
static void test_glued_heading(void **state)
{
  (void)state;
  /* d2l-pt, chapter_linear-networks/index.md */
  assert_string_equal(
      findings("untranslated.passage",
               "# Linear Neural NetworkRedes Neurais Lineares\n"),
      "Linear Neural Network");
  assert_string_equal(
      findings("untranslated.passage",
               "## Image ClassificationClassificação de Imagens\n"),
      "Image Classification");
  /* brands in one word: no Portuguese half */
  assert_string_equal(
      findings("untranslated.passage",
               "O MovieLens, a DeepMind, o YouTube, o PowerPoint e o "
               "TensorFlow.\n"),
      "");
  /* a Portuguese acronym glued to a word (g1, on the Bolsa Família
   * register): "Cad" is English too, but three letters make no heading */
  assert_string_equal(
      findings("untranslated.passage",
               "O CadÚnico tem 40 milhões de famílias inscritas.\n"),
      "");
}

/* A glossary term's English expansion in title case before its acronym:
 * msft-br ("os Large Language Models (LLMs)"), AWS Bedrock ("Retrieval
 * Augmented Generation (RAG)"); a name whose initials are not the acronym,
 * and an expansion the glossary does not know, stay. */
static void test_expansion_before_acronym(void **state)
{
  (void)state;
  assert_string_equal(
      findings("untranslated.word",
               "Nesta aula, vamos estudar os Large Language Models (LLMs). "
               "O Retrieval Augmented Generation (RAG) combina busca e "
               "geração.\n"),
      "Large Language Models>grande modelo de linguagem | Retrieval "
      "Augmented Generation>geração aumentada por recuperação");
  assert_string_equal(
      findings("untranslated.word",
               "O Natural Language Toolkit (NLTK) e a Open Neural Network "
               "Exchange (ONNX) são bibliotecas.\n"),
      "");
}

/* An English label opening a Portuguese note (msft-br lessons 10 and 19),
 * in emphasis or not; an English note is a passage. */
static void test_english_label(void **state)
{
  (void)state;
  assert_string_equal(
      findings("untranslated.word",
               "> **Note** : Você usará essa tabela na próxima seção.\n\n"
               "***Note：Neste capítulo, apresentaremos o SLM.***\n"),
      "Note>Nota | Note>Nota");
  assert_string_equal(findings("untranslated",
                               "Note: this is the English original.\n"),
                      "Note: this is the English original");
  /* a quiz's English answer label (msft-br lesson 3, the corpus), with
   * or without a space before the option's number; the article "A" and
   * the Portuguese "R:" are left alone */
  assert_string_equal(
      findings("untranslated.word",
               "A: 2 e 3 estão corretas. IA Responsável ajuda você a "
               "considerar como mitigar efeitos.\n\nA:1, Embora todas as "
               "três sejam ótimas, garantir o acesso é um passo.\n\nA: a "
               "empresa diz que não vai mudar.\n\nR: 3, se você tem tempo e "
               "dados.\n"),
      "A>R | A>R");
}

/* A quoted term of two English words is the press's loanword, quoted as
 * foreign (Folhapress: "“dress code” no trabalho"); a quoted sentence is
 * a passage. */
static void test_quoted_term(void **state)
{
  (void)state;
  assert_string_equal(findings("untranslated.passage",
                               "Houve recorde na Black Friday, “dress code” "
                               "no trabalho e outros destaques.\n"),
                      "");
  assert_string_equal(findings("untranslated.passage",
                               "O pesquisador disse “the model is ready” "
                               "ontem.\n"),
                      "the model is ready");
}

/* An English term of the glossary the English dictionary lacks, and a
 * function called in prose (Hugging Face course, chapter 2, pt-BR). */
static void test_glossary_english_term(void **state)
{
  (void)state;
  assert_string_equal(findings("untranslated.word",
                               "Primeiro, o tokenizer divide o texto em "
                               "palavras.\n"),
                      "tokenizer>tokenizador");
  assert_string_equal(findings("spelling.unknown",
                               "Primeiro, o tokenizer divide o texto em "
                               "palavras.\n"),
                      "");
  assert_string_equal(findings("",
                               "Vamos ver a função de alto nível "
                               "tokenizer() e a pipeline().\n"),
                      "");
}

/* An English quotation followed by its translation in parentheses is the
 * original kept beside the Portuguese (Inkdesign, 2025), not a leftover;
 * without the translation it is one. */
static int passage_severity(const char *text)
{
  tl_result *r = NULL;
  tl_error err;
  int sev = -1;

  if (tl_lint_buffer(findings_linter, "t.md", text, strlen(text),
                     TL_MARKUP_MARKDOWN, &r, &err) != TL_OK)
    return -2;
  for (size_t i = 0; i < tl_result_count(r) && sev == -1; i++) {
    const tl_finding *f = tl_result_get(r, i);
    if (strcmp(f->rule, "untranslated.passage") == 0)
      sev = (int)f->severity;
  }
  tl_result_free(r);
  return sev;
}

static void test_quotation_with_translation(void **state)
{
  (void)state;
  assert_int_equal(
      passage_severity("Segundo Stefano Albrecht, diretor de IA na "
                       "DeepFlow, “AI agents that are able to plan, reason, "
                       "and execute complex tasks” (Agentes de IA que são "
                       "capazes de planejar, raciocinar e executar tarefas "
                       "complexas).\n"),
      TL_INFO);
  assert_int_equal(
      passage_severity("Segundo ele, “AI agents are able to plan and reason "
                       "well” e foi embora.\n"),
      TL_ERROR);
}

/* A lower-case English word that pt_BR spells too, listed in
 * dictionaries/renderings.tsv: English to translate. */
static void test_listed_word(void **state)
{
  (void)state;
  assert_string_equal(findings("untranslated.word",
                               "O treino usou n = 4 nodes e dois lanes.\n"),
                      "nodes>nós | lanes>pistas");
}

/* Whether a word is in the renderings list is asked once a spelling and
 * kept (tl_wordinfo): the same findings after the words were met
 * capitalised, as names, and after documents without them. */
static void test_listed_word_kept_per_spelling(void **state)
{
  assert_string_equal(findings("untranslated.word",
                               "Nodes e Lanes são nomes de bandas. O "
                               "NODES saiu.\n"),
                      "");
  for (int round = 0; round < 3; round++) {
    test_listed_word(state);
    assert_string_equal(findings("untranslated.word",
                                 "Os nós e as pistas ficaram.\n"),
                        "");
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_model_variant_names),
      cmocka_unit_test(test_glued_heading),
      cmocka_unit_test(test_expansion_before_acronym),
      cmocka_unit_test(test_english_label),
      cmocka_unit_test(test_quoted_term),
      cmocka_unit_test(test_glossary_english_term),
      cmocka_unit_test(test_quotation_with_translation),
      cmocka_unit_test(test_listed_word),
      cmocka_unit_test(test_listed_word_kept_per_spelling),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
