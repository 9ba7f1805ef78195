#include "unit.h"

#include "buf.h"
#include "markup.h"

/* Every prose segment, as "kind:text" units joined by " | ". */
typedef struct collect {
  const char *doc;
  tl_buf out;
} collect;

static void on_unit(void *ud, const tl_unit *u)
{
  collect *c = ud;
  static const char *const kinds[] = {"P", "H", "LI", "TD", "Q"};

  if (c->out.len > 0)
    tl_buf_adds(&c->out, " | ");
  tl_buf_printf(&c->out, "%s:", kinds[u->kind]);
  for (size_t i = 0; i < u->n; i++) {
    if (i > 0)
      tl_buf_addc(&c->out, '+');
    if (u->segs[i].flags & TL_SEG_LINK)
      tl_buf_addc(&c->out, '@');
    if (u->segs[i].flags & TL_SEG_ALT)
      tl_buf_addc(&c->out, '!');
    tl_buf_add(&c->out, c->doc + u->segs[i].off, u->segs[i].len);
  }
}

static char *prose(const char *doc, bool markdown)
{
  collect c = {doc, {NULL, 0, 0}};
  char *s;

  assert_int_equal(
      tl_markup_parse(doc, strlen(doc), 0, markdown, on_unit, &c, NULL),
      TL_OK);
  s = strdup(tl_buf_cstr(&c.out));
  tl_buf_fini(&c.out);
  return s;
}

#define ASSERT_PROSE(doc, md, expect)                                         \
  do {                                                                        \
    char *got_ = prose(doc, md);                                              \
    assert_string_equal(got_, expect);                                        \
    free(got_);                                                               \
  } while (0)

static void test_code_is_skipped(void **state)
{
  (void)state;
  ASSERT_PROSE("Texto `codigo_x` fim.\n\n```python\nerrado = 1\n```\n\n"
               "    recuado\n\nDepois.\n",
               true, "P:Texto + fim. | P:Depois.");
}

/* The code the code callback sees, as "i:text" (inline span) and "b:text"
 * (a code block's line) joined by " | ". */
static void on_code(void *ud, size_t off, size_t len, bool inline_span)
{
  collect *c = ud;

  if (c->out.len > 0)
    tl_buf_adds(&c->out, " | ");
  tl_buf_printf(&c->out, "%c:", inline_span ? 'i' : 'b');
  tl_buf_add(&c->out, c->doc + off, len);
}

static void on_unit_none(void *ud, const tl_unit *u)
{
  (void)ud;
  (void)u;
}

static void test_code_callback(void **state)
{
  const char *doc = "Texto `codigo_x` e `duas\npalavras` fim.\n\n```python\n"
                    "net = nn.Dense(1)\n```\n\n    recuado\n";
  collect c = {doc, {NULL, 0, 0}};

  (void)state;
  assert_int_equal(tl_markup_parse_code(doc, strlen(doc), 0, true,
                                        on_unit_none, on_code, &c, NULL),
                   TL_OK);
  /* a span broken across lines is one span, from its first byte to its
   * last; block lines one by one */
  assert_string_equal(tl_buf_cstr(&c.out),
                      "i:codigo_x | i:duas\npalavras | b:net = nn.Dense(1) | "
                      "b:recuado");
  tl_buf_fini(&c.out);
}

static void test_html_is_skipped(void **state)
{
  (void)state;
  ASSERT_PROSE("<!-- comentario oculto -->\n\nUm <b>negrito</b> texto.\n\n"
               "<div>\nbloco html\n</div>\n",
               true, "P:Um +negrito+ texto.");
}

static void test_links_images_and_autolinks(void **state)
{
  (void)state;
  ASSERT_PROSE("Veja [o texto](https://x.com/caminho_errado) e "
               "![a figura](img/arquivo.png).\n",
               true, "P:Veja +@o texto+ e +!a figura+.");
}

static void test_math_is_skipped(void **state)
{
  (void)state;
  ASSERT_PROSE("Seja $x_i = abcde$ e $$\\mathbf{w}$$ o vetor.\n", true,
               "P:Seja + e + o vetor.");
}

/* Dollar amounts between two '$' are prose, TeX stays math. */
static void test_money_is_not_math(void **state)
{
  (void)state;
  ASSERT_PROSE("Custa $2.50 por token, contra $10.\n", true,
               "P:Custa +2.50 por token, contra +10.");
  ASSERT_PROSE("Levantou US$ 1.5 bilhão e vale US$ 6.6 bilhões.\n", true,
               "P:Levantou US+ 1.5 bilhão e vale US+ 6.6 bilhões.");
  ASSERT_PROSE("Seja $x = 0.5$, $0.1$, $2n$ e $10 \\times 10$ aqui.\n", true,
               "P:Seja +, +, + e + aqui.");
}

static void test_front_matter_is_skipped(void **state)
{
  (void)state;
  ASSERT_PROSE("---\ntitle: Titulo sem acento\ntags: [a, b]\n---\n# Título\n",
               true, "H:Título");
  assert_int_equal(tl_markup_front_matter("---\nx: y\n...\nz", 14, 0), 13);
  assert_int_equal(tl_markup_front_matter("--- \nsem fim\n", 13, 0), 0);
}

static void test_blocks_kinds(void **state)
{
  (void)state;
  ASSERT_PROSE("# Título\n\n- item um\n- item dois\n\n| a | b |\n|---|---|\n"
               "| c | d |\n\n> citação\n",
               true,
               "H:Título | LI:item um | LI:item dois | TD:a | TD:b | TD:c | "
               "TD:d | Q:citação");
}

static void test_plain_text_paragraphs(void **state)
{
  (void)state;
  ASSERT_PROSE("Linha um\nlinha dois\n\n  \nOutro `parágrafo`.\n", false,
               "P:Linha um+linha dois | P:Outro `parágrafo`.");
}

/* A plain-text article writes a paragraph a line, its title included: a
 * line ending in a word, before a line that begins with a capital, ends
 * its paragraph (the news corpus's "Os Documentos Secretos da Meta"). */
static void test_plain_text_title_lines(void **state)
{
  (void)state;
  ASSERT_PROSE("Os Documentos Secretos da Meta\nMeta, gigante da tecnologia, "
               "tem outra ambição.\nÉ a corrida.\n",
               false,
               "P:Os Documentos Secretos da Meta | P:Meta, gigante da "
               "tecnologia, tem outra ambição.+É a corrida.");
  /* a line wrapped inside a sentence stays in its paragraph: it ends in a
   * comma, or the next line begins in lower case */
  ASSERT_PROSE("A Meta disse,\nSegundo a nota, que vai lançar\no modelo.\n",
               false,
               "P:A Meta disse,+Segundo a nota, que vai lançar+o modelo.");
  /* a text with blank lines wraps its paragraphs: a line break inside one
   * is no title's end */
  ASSERT_PROSE("O CEO da empresa\nSam Altman disse que sim.\n\nOutro.\n",
               false, "P:O CEO da empresa+Sam Altman disse que sim. | P:Outro.");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_code_is_skipped),
      cmocka_unit_test(test_html_is_skipped),
      cmocka_unit_test(test_links_images_and_autolinks),
      cmocka_unit_test(test_math_is_skipped),
      cmocka_unit_test(test_money_is_not_math),
      cmocka_unit_test(test_front_matter_is_skipped),
      cmocka_unit_test(test_code_callback),
      cmocka_unit_test(test_blocks_kinds),
      cmocka_unit_test(test_plain_text_paragraphs),
      cmocka_unit_test(test_plain_text_title_lines),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
