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

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_model_variant_names),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
