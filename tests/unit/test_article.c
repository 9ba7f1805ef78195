/* agreement.article on real sentences: a company's name left without its
 * article at the start of a sentence by machine translation, and the
 * places where Brazilian prose may leave it bare. */
#include "findings.h"

#include "article.h"

static void test_name_without_article(void **state)
{
  (void)state;
  /* the corpus's machine-translated news (news/002), which writes "a
   * Meta" everywhere else */
  assert_string_equal(
      findings("agreement.article",
               "Meta, gigante da tecnologia conhecida por moldar o futuro das "
               "redes sociais, tem outra ambição à vista.\n\n"
               "Os documentos mostram como a Meta quer vencer a OpenAI.\n"),
      "Meta>A Meta");
  /* any sentence of a paragraph, and a contraction as the evidence */
  assert_string_equal(
      findings("agreement.article",
               "O relatório saiu ontem. OpenAI disse que vai recorrer.\n\n"
               "A decisão da OpenAI veio depois.\n"),
      "OpenAI>A OpenAI");
}

static void test_where_the_name_may_be_bare(void **state)
{
  (void)state;
  /* the document never writes the article with the name */
  assert_string_equal(
      findings("agreement.article",
               "Meta, gigante da tecnologia, tem outra ambição.\n"),
      "");
  /* a heading, a list item, a title line without a full stop */
  assert_string_equal(
      findings("agreement.article",
               "# Meta lança novo modelo\n\n- Meta divulgou os números.\n\n"
               "Meta quer vencer a corrida\n\nA Meta anunciou o modelo.\n"),
      "");
  /* a title line without a full stop, run into the next line of the
   * paragraph */
  assert_string_equal(
      findings("agreement.article",
               "Meta anuncia novo modelo de IA\nA Meta, gigante da "
               "tecnologia, anunciou um modelo.\n"),
      "");
  /* a longer name, a label, a masculine name (o Google) */
  assert_string_equal(
      findings("agreement.article",
               "Meta Connect começa hoje. Meta: a empresa. Google anunciou "
               "o Gemini.\n\nA Meta e o Google responderam.\n"),
      "");
}

/* A name the glossary gives no gender, written with both in one text:
 * d2l-pt's ResNet chapter writes "o ResNet" and, three times, "a ResNet";
 * its GRU chapter "a GRU" and once "o GRU". */
static void test_one_gender_per_name(void **state)
{
  (void)state;
  assert_string_equal(
      findings("agreement.gender",
               "O ResNet venceu em 2015. O ResNet tem blocos. No ResNet, cada "
               "bloco soma. A ResNet apresenta atalhos.\n"),
      "A>O");
  /* as many of each: nothing tells which is meant */
  assert_string_equal(
      findings("agreement.gender",
               "A GRU é simples. O GRU tem portas.\n"),
      "");
  /* plurals, and a name that goes on, are other names */
  assert_string_equal(
      findings("agreement.gender",
               "O LeNet e o LeNet saíram. A LeNet Five também, e as LeNets.\n"),
      "");
}

/* The two sets of tl_article_gender: the articles of agreement.gender
 * (plurals, no demonstratives) and the singular determiners of a name's
 * one gender (demonstratives, no plurals). */
static void test_article_sets(void **state)
{
  const char *other = NULL;

  (void)state;
  assert_int_equal(tl_article_gender("da", 2, TL_ARTICLES, &other), 'f');
  assert_string_equal(other, "do");
  assert_int_equal(tl_article_gender("aos", 3, TL_ARTICLES, &other), 'm');
  assert_string_equal(other, "às");
  assert_int_equal(tl_article_gender("neste", 5, TL_ARTICLES, &other), 0);
  assert_int_equal(
      tl_article_gender("neste", 5, TL_SINGULAR_DETERMINERS, &other), 'm');
  assert_string_equal(other, "nesta");
  assert_int_equal(
      tl_article_gender("os", 2, TL_SINGULAR_DETERMINERS, &other), 0);
  assert_int_equal(tl_article_gender("de", 2,
                                     TL_ARTICLES | TL_SINGULAR_DETERMINERS,
                                     &other),
                   0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_name_without_article),
      cmocka_unit_test(test_where_the_name_may_be_bare),
      cmocka_unit_test(test_one_gender_per_name),
      cmocka_unit_test(test_article_sets),
  };
  return cmocka_run_group_tests(tests, findings_setup, findings_teardown);
}
