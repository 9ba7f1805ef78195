#include "unit.h"

#include "align.h"
#include "anchor.h"

/* The anchors of @doc as "kind:text" joined by " ", numbers with their
 * first reading. */
static char *anchors(const char *doc, bool english)
{
  static const char *const kinds[] = {"N", "U", "E", "C", "M"};
  tl_anchors a;
  tl_buf b;
  char *s;

  tl_anchors_init(&a);
  tl_buf_init(&b);
  tl_anchors_scan(&a, doc, 0, strlen(doc), english);
  for (size_t i = 0; i < a.n; i++) {
    const tl_anchor *x = &a.v[i];
    if (i)
      tl_buf_addc(&b, ' ');
    tl_buf_printf(&b, "%s:%.*s", kinds[x->kind], (int)x->len, doc + x->off);
    if (x->kind == TL_ANC_NUMBER)
      tl_buf_printf(&b, "=%g", x->vals[0]);
    if (x->flags & TL_AF_PERCENT)
      tl_buf_addc(&b, '%');
    if (x->flags & TL_AF_CURRENCY)
      tl_buf_addc(&b, '$');
  }
  s = strdup(b.p ? b.p : "");
  tl_buf_fini(&b);
  tl_anchors_fini(&a);
  return s;
}

#define ASSERT_ANCHORS(doc, en, expect)                                       \
  do {                                                                        \
    char *got_ = anchors(doc, en);                                            \
    assert_string_equal(got_, expect);                                        \
    free(got_);                                                               \
  } while (0)

static void test_numbers_both_conventions(void **state)
{
  (void)state;
  ASSERT_ANCHORS("It scored 86.4% on 1,000 tasks for $5.", true,
                 "M:It N:86.4=86.4% N:1,000=1000 N:5=5$");
  ASSERT_ANCHORS("Atingiu 86,4% em 1.000 tarefas por US$ 5.", false,
                 "M:Atingiu N:86,4=86.4% N:1.000=1000 M:US N:5=5");
  /* number words stand for digits on the target side */
  ASSERT_ANCHORS("mil tarefas e dois modelos", false,
                 "N:mil=1000 N:dois=2");
  /* a multiplier word: 1,5 milhão reads 1.5 and 1500000 */
  {
    tl_anchors a, b;
    const char *en = "1.5 million users", *pt = "1,5 milhão de usuários";
    tl_anchors_init(&a);
    tl_anchors_init(&b);
    tl_anchors_scan(&a, en, 0, strlen(en), true);
    tl_anchors_scan(&b, pt, 0, strlen(pt), false);
    assert_int_equal(a.n, 1);
    assert_int_equal(b.n, 1);
    assert_true(tl_anchor_same_number(&a.v[0], &b.v[0]));
    assert_int_equal(b.v[0].nvals, 2);
    tl_anchors_fini(&a);
    tl_anchors_fini(&b);
  }
}

static void test_changed_number_differs(void **state)
{
  tl_anchors a, b;
  const char *en = "86.4%", *pt = "84,6%";

  (void)state;
  tl_anchors_init(&a);
  tl_anchors_init(&b);
  tl_anchors_scan(&a, en, 0, strlen(en), true);
  tl_anchors_scan(&b, pt, 0, strlen(pt), false);
  assert_false(tl_anchor_same_number(&a.v[0], &b.v[0]));
  tl_anchors_fini(&a);
  tl_anchors_fini(&b);
}

static void test_urls_code_names(void **state)
{
  tl_anchors a, b;
  const char *en = "See [docs](https://learn.microsoft.com/en-us/azure/) "
                   "and `pip install x`, GPT-4o, LangChain, RAG or "
                   "me@example.com.";
  const char *pt = "https://learn.microsoft.com/pt-br/azure";

  (void)state;
  ASSERT_ANCHORS(en, true,
                 "M:See U:https://learn.microsoft.com/en-us/azure/ "
                 "C:pip install x M:GPT-4o M:LangChain M:RAG "
                 "E:me@example.com");
  /* URLs compare without the locale segment and trailing slash */
  tl_anchors_init(&a);
  tl_anchors_init(&b);
  tl_anchors_scan(&a, en, 0, strlen(en), true);
  tl_anchors_scan(&b, pt, 0, strlen(pt), false);
  assert_int_equal(b.n, 1);
  assert_true(a.v[1].key == b.v[0].key);
  tl_anchors_fini(&a);
  tl_anchors_fini(&b);
  /* math and HTML are not anchors */
  ASSERT_ANCHORS("$x_1 = 0.5$ and <b>bold</b>", true, "");
}

/* Sentences of a one-block document, as their raw texts joined by '|'. */
static char *sentences(const char *doc, bool english)
{
  tl_aside s;
  tl_buf b;
  char *r;

  tl_aside_init(&s);
  tl_buf_init(&b);
  assert_int_equal(tl_aside_build(&s, doc, strlen(doc), 0, true, english,
                                  NULL),
                   TL_OK);
  for (size_t i = 0; i < s.ns; i++) {
    size_t off = s.s[i].off, end = s.s[i].end;
    while (end > off && (doc[end - 1] == ' ' || doc[end - 1] == '\n'))
      end--;
    if (i)
      tl_buf_addc(&b, '|');
    tl_buf_add(&b, doc + off, end - off);
  }
  r = strdup(b.p ? b.p : "");
  tl_buf_fini(&b);
  tl_aside_fini(&s);
  return r;
}

static void test_sentence_split(void **state)
{
  char *got;

  (void)state;
  got = sentences("It works, e.g. here. Then 3.5 is a version! Is it? "
                  "Yes (really). `code` starts this.\n",
                  true);
  assert_string_equal(got, "It works, e.g. here.|Then 3.5 is a version!|"
                           "Is it?|Yes (really).|`code` starts this.");
  free(got);
  got = sentences("Dr. Smith said so. J. Doe agreed.\n", true);
  assert_string_equal(got, "Dr. Smith said so.|J. Doe agreed.");
  free(got);
}

static void test_align_blocks(void **state)
{
  const char *en = "# Title\n\nOne paragraph about GPT-4o with 3 items.\n\n"
                   "Second paragraph.\n\n- a list item\n";
  const char *pt = "<!-- metadados -->\n\n# Título\n\nUm parágrafo sobre o "
                   "GPT-4o com 3 itens.\n\nNota acrescentada.\n\n"
                   "Segundo parágrafo.\n\n- um item de lista\n";
  tl_aside s, t;
  tl_alignment al;

  (void)state;
  memset(&al, 0, sizeof al);
  tl_aside_init(&s);
  tl_aside_init(&t);
  assert_int_equal(tl_aside_build(&s, en, strlen(en), 0, true, true, NULL),
                   TL_OK);
  assert_int_equal(tl_aside_build(&t, pt, strlen(pt), 0, true, false, NULL),
                   TL_OK);
  assert_int_equal(s.nb, 4);
  assert_int_equal(t.nb, 5);
  tl_align_run(&al, &s, &t);
  assert_int_equal(al.nblocks, 5);
  assert_int_equal(al.blocks[0].ns, 1);
  assert_int_equal(al.blocks[0].t0, 0);
  assert_int_equal(al.blocks[1].t0, 1);
  /* the note has no source */
  assert_int_equal(al.blocks[2].ns, 0);
  assert_int_equal(al.blocks[2].t0, 2);
  assert_int_equal(al.blocks[3].s0, 2);
  assert_int_equal(al.blocks[3].t0, 3);
  assert_int_equal(al.blocks[4].s0, 3);
  assert_int_equal(al.blocks[4].t0, 4);
  tl_align_fini(&al);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_numbers_both_conventions),
      cmocka_unit_test(test_changed_number_differs),
      cmocka_unit_test(test_urls_code_names),
      cmocka_unit_test(test_sentence_split),
      cmocka_unit_test(test_align_blocks),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
