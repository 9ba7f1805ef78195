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

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_model_variant_names),
      cmocka_unit_test(test_glued_heading),
      cmocka_unit_test(test_glossary_english_term),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
