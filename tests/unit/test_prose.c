/* What the words of a document are: names it teaches, glosses, mentioned
 * language; through the whole pipeline, with the project's glossary. */
#include "unit.h"

static tl_linter *linter;

static int setup(void **state)
{
  tl_options opt;
  tl_error err;
  static const char *const gloss[] = {"glossary", NULL};

  (void)state;
  tl_options_init(&opt);
  opt.hunspell_dir = unit_hunspell_dir();
  opt.words_dir = UNIT_WORDS_DIR;
  opt.glossary = gloss;
  return tl_linter_new(&linter, &opt, &err) == TL_OK ? 0 : -1;
}

static int teardown(void **state)
{
  (void)state;
  tl_linter_free(linter);
  return 0;
}

static tl_result *lint(const char *text)
{
  tl_result *r = NULL;
  tl_error err;

  assert_int_equal(tl_lint_buffer(linter, "t.md", text, strlen(text),
                                  TL_MARKUP_MARKDOWN, &r, &err),
                   TL_OK);
  return r;
}

/* The findings of rule @rule (NULL: any) at or above @sev. */
static size_t count(const tl_result *r, const char *rule, tl_severity sev)
{
  size_t n = 0;

  for (size_t i = 0; i < tl_result_count(r); i++) {
    const tl_finding *f = tl_result_get(r, i);
    n += (rule == NULL || strcmp(f->rule, rule) == 0) && f->severity >= sev;
  }
  return n;
}

static const tl_name *name(const tl_result *r, const char *text)
{
  for (size_t i = 0; i < tl_result_name_count(r); i++)
    if (strcmp(tl_result_name_get(r, i)->text, text) == 0)
      return tl_result_name_get(r, i);
  return NULL;
}

static void test_speaker_labels_are_names(void **state)
{
  tl_result *r = lint("Karen Hao: Obrigada pelo convite.\n\n"
                      "Lex Fridman: Vamos começar pelo livro.\n"
                      "Karen Hao: Claro.\n");
  const tl_name *n;

  (void)state;
  assert_int_equal(tl_result_count(r), 0);
  n = name(r, "Hao");
  assert_non_null(n);
  assert_true(n->evidence & TL_NAME_LABEL);
  assert_int_equal(n->count, 2); /* two labels */
  assert_non_null(name(r, "Fridman"));
  tl_result_free(r);
}

static void test_english_names_and_common_words(void **state)
{
  tl_result *r;

  (void)state;
  /* en_US knows Grant as a name: one capitalised use teaches it, and the
   * sentence-initial one is no English word to translate */
  r = lint("Grant respondeu ontem. A proposta de Grant foi aceita.");
  assert_int_equal(count(r, NULL, TL_INFO), 0);
  assert_non_null(name(r, "Grant"));
  tl_result_free(r);
  /* English knows Overview only as a common word: one capitalised use does
   * not make it a name */
  r = lint("A seção Overview do site ajuda. Overview é o resumo.");
  assert_null(name(r, "Overview"));
  assert_int_equal(count(r, "untranslated.word", TL_INFO), 1);
  tl_result_free(r);
}

static void test_glosses_are_pairs(void **state)
{
  tl_result *r = lint("A retropropagação (backpropagation) ajusta os pesos. "
                      "O aprendizado por reforço (RL, reinforcement "
                      "learning) também, e a *backpropagation* (propagação "
                      "reversa) é antiga.");
  const tl_gloss_pair *g;

  (void)state;
  assert_int_equal(tl_result_count(r), 0);
  assert_int_equal(tl_result_gloss_count(r), 3);
  g = tl_result_gloss_get(r, 0);
  assert_string_equal(g->term, "retropropagação");
  assert_string_equal(g->gloss, "backpropagation");
  assert_true(g->english_gloss);
  g = tl_result_gloss_get(r, 1);
  assert_string_equal(g->term, "aprendizado por reforço");
  assert_string_equal(g->gloss, "RL, reinforcement learning");
  g = tl_result_gloss_get(r, 2);
  assert_string_equal(g->term, "backpropagation");
  assert_string_equal(g->gloss, "propagação reversa");
  assert_false(g->english_gloss);
  assert_null(tl_result_gloss_get(r, 3));
  tl_result_free(r);
}

/* mark_glosses passes by a token whose gap holds neither '(' nor ','
 * before walking the gap: the gaps that do hold one, after quotation
 * marks, emphasis, line breaks or more spaces, and ", ou", still open a
 * gloss; a gap of spaces, quotes or emphasis alone opens none. */
static void test_gloss_gaps_with_parenthesis_or_comma(void **state)
{
  static const struct {
    const char *text, *term, *gloss;
  } cases[] = {
      {"A retropropagação (backpropagation) ajusta.", "retropropagação",
       "backpropagation"},
      {"A retropropagação  \t(backpropagation) ajusta.", "retropropagação",
       "backpropagation"},
      {"A *retropropagação* (backpropagation) ajusta.", "retropropagação",
       "backpropagation"},
      {"A **retropropagação**\n(backpropagation) ajusta.", "retropropagação",
       "backpropagation"},
      {"O modelo usa \"retropropagação\" (backpropagation) hoje.",
       "retropropagação", "backpropagation"},
      {"O modelo usa “retropropagação” (backpropagation) hoje.",
       "retropropagação", "backpropagation"},
      {"A retropropagação, ou backpropagation, ajusta.", "retropropagação",
       "backpropagation"},
      {"A retropropagação backpropagation ajusta.", NULL, NULL},
      {"A retropropagação “backpropagation” ajusta.", NULL, NULL},
      {"A retropropagação *backpropagation* ajusta.", NULL, NULL},
  };

  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    tl_result *r = lint(cases[i].text);
    const tl_gloss_pair *g = tl_result_gloss_get(r, 0);
    if (cases[i].term == NULL) {
      assert_null(g);
    } else {
      assert_non_null(g);
      assert_string_equal(g->term, cases[i].term);
      assert_string_equal(g->gloss, cases[i].gloss);
      assert_null(tl_result_gloss_get(r, 1));
    }
    tl_result_free(r);
  }
}

static void test_gloss_after_a_preposition_is_no_gloss(void **state)
{
  /* "de (key, value)": English in parentheses after a preposition is a
   * leftover, not a gloss */
  tl_result *r = lint("## Armazenamento de (key, value)\n");

  (void)state;
  assert_int_equal(tl_result_gloss_count(r), 0);
  assert_int_equal(count(r, "untranslated.word", TL_WARNING), 1);
  tl_result_free(r);
}

static void test_mentioned_language_is_not_checked(void **state)
{
  tl_result *r;

  (void)state;
  r = lint("O sufixo \"-mente\" forma advérbios; a palavra \"tokenizaçao\" "
           "tem um erro de propósito; os tokens [\"Trans\", \"form\", \"er\"] "
           "vêm do BPE.");
  assert_int_equal(count(r, NULL, TL_INFO), 0);
  tl_result_free(r);
  /* a quotation used, not mentioned, is checked */
  r = lint("Segundo ele, \"o modelo é muito eficeinte\".");
  assert_int_equal(count(r, "spelling.unknown", TL_ERROR), 1);
  tl_result_free(r);
}

static void test_untranslated_word_levels(void **state)
{
  tl_result *r;

  (void)state;
  /* a rendering is known: a warning with the suggestion */
  r = lint("O modelo usa reasoning para planejar.");
  assert_int_equal(count(r, "untranslated.word", TL_WARNING), 1);
  assert_string_equal(tl_result_get(r, 0)->suggestions[0], "raciocínio");
  tl_result_free(r);
  /* no rendering known: info */
  r = lint("O modelo tem um jeito wobbly de responder.");
  assert_int_equal(count(r, "untranslated.word", TL_WARNING), 0);
  assert_int_equal(count(r, "untranslated.word", TL_INFO), 1);
  tl_result_free(r);
  /* a run of English words: one warning */
  r = lint("O modelo é muito good at reasoning hoje.");
  assert_int_equal(count(r, "untranslated.word", TL_INFO), 1);
  assert_int_equal(count(r, "untranslated.word", TL_WARNING), 1);
  assert_string_equal(tl_result_get(r, 0)->rule, "untranslated.word");
  assert_int_equal(tl_result_get(r, 0)->length, strlen("good at reasoning"));
  tl_result_free(r);
  /* accepted anglicisms: nothing */
  r = lint("O app de streaming tem um podcast e um chatbot.");
  assert_int_equal(tl_result_count(r), 0);
  tl_result_free(r);
}

static void test_unjudged_words_say_why(void **state)
{
  tl_result *r = lint("Karen Hao usa metaprompts e o sufixo \"-zinho\"; "
                      "a biblioteca dotenv ajuda.");
  const tl_unjudged *u;

  (void)state;
  assert_int_equal(tl_result_count(r), 0);
  assert_int_equal(tl_result_unjudged_count(r), 4);
  /* a run of capitalised words with a name English knows: names */
  assert_int_equal(tl_result_unjudged_get(r, 0)->reason, TL_UNJUDGED_NAME);
  assert_int_equal(tl_result_unjudged_get(r, 1)->reason, TL_UNJUDGED_NAME);
  u = tl_result_unjudged_get(r, 2);
  assert_int_equal(u->reason, TL_UNJUDGED_COMPOUND);
  assert_int_equal(u->length, strlen("metaprompts"));
  assert_int_equal(tl_result_unjudged_get(r, 3)->reason, TL_UNJUDGED_CODE);
  tl_result_free(r);
}

/* A linter told not to keep them lists none, with the same findings; a
 * sibling made from it inherits that, and keeping them again lists them. */
static void test_unjudged_words_dropped(void **state)
{
  const char *text = "Karen Hao usa metaprompts e o sufixo \"-zinho\"; "
                     "a biblioteca dotenv ajuda.";
  tl_linter *sib = NULL;
  tl_result *r;
  tl_error err;

  (void)state;
  tl_linter_keep_unjudged(linter, false);
  r = lint(text);
  assert_int_equal(tl_result_count(r), 0);
  assert_int_equal(tl_result_unjudged_count(r), 0);
  assert_null(tl_result_unjudged_get(r, 0));
  tl_result_free(r);
  assert_int_equal(tl_linter_new_sibling(&sib, linter, &err), TL_OK);
  r = NULL;
  assert_int_equal(tl_lint_buffer(sib, "t.md", text, strlen(text),
                                  TL_MARKUP_MARKDOWN, &r, &err),
                   TL_OK);
  assert_int_equal(tl_result_unjudged_count(r), 0);
  tl_result_free(r);
  tl_linter_free(sib);
  tl_linter_keep_unjudged(linter, true);
  r = lint(text);
  assert_int_equal(tl_result_unjudged_count(r), 4);
  tl_result_free(r);
}

static void test_english_document(void **state)
{
  tl_result *r = lint("# A note\n\nThis file is the licence of the corpus. "
                      "It is not a translation and it is not checked. The "
                      "texts were copied as they were.\n");

  (void)state;
  assert_int_equal(tl_result_count(r), 1);
  assert_string_equal(tl_result_get(r, 0)->rule, "untranslated.document");
  tl_result_free(r);
}

/* A lower-case name of software introduced by a cue ("a biblioteca
 * dotenv") is the software's for the rest of that document only: the
 * linter's word entries keep which document introduced it. */
static void test_code_names_per_document(void **state)
{
  const char *intro = "Instale a biblioteca dotenv agora. Depois, usando "
                      "dotenv, carregue as variáveis.";
  const char *bare = "Depois, usando dotenv, carregue as variáveis.";
  tl_result *r;

  (void)state;
  for (int round = 0; round < 2; round++) {
    r = lint(intro);
    assert_int_equal(count(r, "spelling.unknown", TL_INFO), 0);
    tl_result_free(r);
    r = lint(bare);
    assert_int_equal(count(r, "spelling.unknown", TL_INFO), 1);
    tl_result_free(r);
  }
}

/* What spelling.unknown learns from a word's spelling alone (pt_BR knows
 * it, a compound of a known word) is asked once and kept in its entry:
 * every later occurrence, in this document or the next, is judged alike. */
static void test_spelling_kept_per_spelling(void **state)
{
  int first[8];
  size_t nfirst = 0;

  for (int round = 0; round < 3; round++) {
    /* English the pt_BR dictionary lacks: unjudged as English, alike on
     * every round (en_US asked once a spelling) */
    tl_result *e = lint("Ele testou os smartwatches e os wearables; os "
                        "smartwatches venderam.");
    assert_int_equal(count(e, "spelling.unknown", TL_INFO), 0);
    if (round == 0) {
      nfirst = tl_result_unjudged_count(e);
      assert_true(nfirst >= 2 && nfirst <= 8);
      for (size_t i = 0; i < nfirst; i++)
        first[i] = (int)tl_result_unjudged_get(e, i)->reason;
      assert_int_equal(first[0], TL_UNJUDGED_ENGLISH);
    }
    assert_int_equal(tl_result_unjudged_count(e), nfirst);
    for (size_t i = 0; i < nfirst; i++)
      assert_int_equal((int)tl_result_unjudged_get(e, i)->reason, first[i]);
    tl_result_free(e);
    tl_result *r = lint("O modelo é computacionall e usa metaprompts. Os "
                        "metaprompts ajudam; computacionall de novo.");
    assert_int_equal(count(r, "spelling.unknown", TL_INFO), 2);
    assert_int_equal(tl_result_unjudged_count(r), 2);
    assert_int_equal(tl_result_unjudged_get(r, 0)->reason,
                     TL_UNJUDGED_COMPOUND);
    assert_int_equal(tl_result_unjudged_get(r, 1)->reason,
                     TL_UNJUDGED_COMPOUND);
    tl_result_free(r);
    test_unjudged_words_say_why(state);
  }
}

/* A word's lower case is made once a spelling and kept in its entry
 * (prose.c's lower): the same names, glosses and levels on every later
 * document. */
static void test_answers_kept_per_spelling(void **state)
{
  for (int round = 0; round < 2; round++) {
    test_speaker_labels_are_names(state);
    test_english_names_and_common_words(state);
    test_glosses_are_pairs(state);
    test_mentioned_language_is_not_checked(state);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_speaker_labels_are_names),
      cmocka_unit_test(test_english_names_and_common_words),
      cmocka_unit_test(test_glosses_are_pairs),
      cmocka_unit_test(test_gloss_gaps_with_parenthesis_or_comma),
      cmocka_unit_test(test_gloss_after_a_preposition_is_no_gloss),
      cmocka_unit_test(test_mentioned_language_is_not_checked),
      cmocka_unit_test(test_untranslated_word_levels),
      cmocka_unit_test(test_unjudged_words_say_why),
      cmocka_unit_test(test_unjudged_words_dropped),
      cmocka_unit_test(test_english_document),
      cmocka_unit_test(test_answers_kept_per_spelling),
      cmocka_unit_test(test_code_names_per_document),
      cmocka_unit_test(test_spelling_kept_per_spelling),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
