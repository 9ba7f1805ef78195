/* consistency.document on real sentences: renderings that differ in the
 * number of a complement (the inflection-aware match finds them alike),
 * title case in running prose, and the near misses that must stay
 * silent (inflection of the head, the same letters in a heading). */
#include "findings.h"

/* msft-br lesson 04: "engenharia de prompt" mostly, "engenharia de
 * prompts" sometimes (5 times in the lesson). */
static void test_complement_number(void **state)
{
  (void)state;
  assert_string_equal(
      findings("consistency",
               "A engenharia de prompt é nova. Nesta lição, a engenharia de "
               "prompt é o tema. Há quem diga que a engenharia de prompts "
               "é uma arte. A engenharia de prompt muda rápido, e a "
               "engenharia de prompts também."),
      "engenharia de prompts>engenharia de prompt | "
      "engenharia de prompts>engenharia de prompt");
  /* the document's own choice wins, whatever the glossary prefers: the
   * glossary's "fatoração de matrizes" is here the second habit */
  assert_string_equal(
      findings("consistency",
               "A fatoração de matriz é clássica. A fatoração de matriz "
               "serve para recomendação, e a fatoração de matrizes também. "
               "A fatoração de matriz é rápida; a fatoração de matrizes, "
               "não."),
      "fatoração de matrizes>fatoração de matriz");
}

static void test_near_misses(void **state)
{
  (void)state;
  /* the head in the plural is an inflection of the term, not a variant */
  assert_string_equal(
      findings("consistency",
               "O conjunto de dados é grande. Os conjuntos de dados "
               "públicos também. Um conjunto de dados basta."),
      "");
  assert_string_equal(
      findings("consistency",
               "A taxa de aprendizado importa. As taxas de aprendizado "
               "mudam durante o treino."),
      "");
  /* the other number once is the sense of that sentence (d2l-pt,
   * parameter server chapter), not a second rendering */
  assert_string_equal(
      findings("consistency",
               "O servidor de parâmetros agrega os gradientes. Cada "
               "servidor de parâmetros guarda uma parte. Um único servidor "
               "de parâmetro é um gargalo."),
      "");
  /* one spelling, in a heading and in a sentence: nothing to choose */
  assert_string_equal(findings("consistency",
                               "# Engenharia de Prompt\n\n"
                               "A engenharia de prompt é nova.\n\n"
                               "## Engenharia de Prompt na prática\n"),
                      "");
}

/* Title case in running prose, where the text's prose writes the term in
 * lower case (twice as often), is still reported when a heading writes
 * the same letters. */
static void test_title_case_in_prose(void **state)
{
  (void)state;
  assert_string_equal(
      findings("consistency",
               "# IA Generativa\n\n"
               "## IA Generativa hoje\n\n"
               "A IA generativa cresce. A IA generativa muda tudo. "
               "Chegamos à IA Generativa hoje.\n"),
      "IA Generativa>IA generativa");
}

/* "feature" kept in English and translated as "característica" in one
 * chapter (d2l-pt, linear regression); "características" in its general
 * sense beside "recursos" (the press's word for product features) is no
 * rendering pair. */
static void test_feature(void **state)
{
  (void)state;
  assert_string_equal(
      findings("consistency.document",
               "Os atributos são chamadas de *features*. O preço pode ser "
               "expresso como uma soma ponderada das características (área "
               "e idade). Quando todos os *features* assumem o valor 0, o "
               "viés sobra. Coletando todas as *features* em um vetor.\n"),
      "características>feature");
  assert_string_equal(
      findings("consistency.document",
               "O aplicativo ganhou novos recursos. As características do "
               "aparelho não mudaram.\n"),
      "");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_complement_number),
      cmocka_unit_test(test_near_misses),
      cmocka_unit_test(test_title_case_in_prose),
      cmocka_unit_test(test_feature),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
