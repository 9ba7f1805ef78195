#include "unit.h"

#include "spell.h"

#include <pthread.h>

static tl_spell *sp;

static int setup(void **state)
{
  (void)state;
  return tl_spell_new(&sp, unit_hunspell_dir(), "pt_BR", NULL) == TL_OK ? 0
                                                                        : -1;
}

static int teardown(void **state)
{
  (void)state;
  tl_spell_free(sp);
  return 0;
}

static int check(const char *w)
{
  return tl_spell_check(sp, w, strlen(w), NULL);
}

static void test_project_words_need_no_hunspell(void **state)
{
  (void)state;
  tl_spell_add_word(sp, "benchmark", 9);
  tl_spell_add_word(sp, "OpenAI", 6);
  assert_int_equal(check("benchmark"), 1);
  assert_int_equal(check("Benchmark"), 1);
  assert_int_equal(check("BENCHMARK"), 1);
  assert_int_equal(check("OpenAI"), 1);
  assert_int_equal(check("OPENAI"), 1);
  assert_false(tl_spell_loaded(sp)); /* nothing needed Hunspell yet */
  assert_int_equal(check("openai"), 0); /* a name keeps its case */
  assert_true(tl_spell_loaded(sp));
}

/* Words accepted as a set built ahead (tl_spell_accept, the glossary's)
 * are the words added one by one: the same verdicts without Hunspell, the
 * same count and words hash (which names the verdict cache), a word in
 * both counted once, and Hunspell, once loaded, knows them too. */
static void test_accepted_set_is_words_added(void **state)
{
  static const char *const mine[] = {"benchmark", "Anthropic", "tokenizador"};
  static const char *const set[] = {"Anthropic", "OpenAI", "xyzpalavra",
                                    "Hugging", "xyzpalavra"};
  tl_spell *a, *b, *c;
  tl_spell_words w;

  (void)state;
  assert_int_equal(tl_spell_new(&a, unit_hunspell_dir(), "pt_BR", NULL), TL_OK);
  assert_int_equal(tl_spell_new(&b, unit_hunspell_dir(), "pt_BR", NULL), TL_OK);
  tl_spell_words_init(&w);
  for (size_t i = 0; i < 3; i++) {
    tl_spell_add_word(a, mine[i], strlen(mine[i]));
    tl_spell_add_word(b, mine[i], strlen(mine[i]));
  }
  for (size_t i = 0; i < 5; i++) {
    tl_spell_add_word(a, set[i], strlen(set[i]));
    tl_spell_words_add(&w, set[i], strlen(set[i]));
  }
  assert_int_equal(w.hash, tl_spell_words_hash_of(&w));
  assert_int_equal(w.forms.count, 7); /* 4 words, 3 all-caps forms */
  assert_int_not_equal(tl_spell_words_hash(a), tl_spell_words_hash(b));
  tl_spell_accept(b, &w);
  assert_int_equal(tl_spell_word_count(b), tl_spell_word_count(a));
  assert_int_equal(tl_spell_word_count(b), 9); /* Anthropic in both */
  assert_int_equal(tl_spell_words_hash(b), tl_spell_words_hash(a));
  c = tl_spell_new_like(b);
  assert_int_equal(tl_spell_words_hash(c), tl_spell_words_hash(a));
  assert_int_equal(tl_spell_check(b, "OpenAI", 6, NULL), 1);
  assert_int_equal(tl_spell_check(b, "OPENAI", 6, NULL), 1);
  assert_int_equal(tl_spell_check(b, "Xyzpalavra", 10, NULL), 1);
  assert_int_equal(tl_spell_check(c, "ANTHROPIC", 9, NULL), 1);
  assert_false(tl_spell_loaded(b));
  assert_false(tl_spell_loaded(c));
  /* a word the set does not hold: Hunspell loads, with the set's words */
  assert_int_equal(tl_spell_check(b, "xyzpalavras", 11, NULL), 0);
  assert_true(tl_spell_loaded(b));
  assert_int_equal(tl_spell_check(b, "treinamento", 11, NULL), 1);
  tl_spell_free(c);
  tl_spell_free(b);
  tl_spell_free(a);
  tl_spell_words_fini(&w);
}

static void test_portuguese_words(void **state)
{
  (void)state;
  assert_int_equal(check("treinamento"), 1);
  assert_int_equal(check("Após"), 1);
  assert_int_equal(check("ação"), 1);
  assert_int_equal(check("treinamneto"), 0);
  assert_int_equal(check("variancia"), 0);
  assert_int_equal(check("sigmóide"), 0); /* pre-2009 accent */
}

static void test_hyphenated_compounds(void **state)
{
  (void)state;
  assert_int_equal(check("guarda-chuva"), 1);
  assert_int_equal(check("pré-treinamento"), 1); /* both parts are words */
  assert_int_equal(check("pré-treinamneto"), 0);
}

static void test_suggestions(void **state)
{
  const char *const *sv;
  bool slow;
  size_t n;

  (void)state;
  n = tl_spell_suggest(sp, "treinamneto", 11, 3, false, &slow, &sv);
  assert_true(n >= 1);
  assert_string_equal(sv[0], "treinamento");
  assert_false(slow);
  n = tl_spell_suggest(sp, "variancia", 9, 3, false, &slow, &sv);
  assert_true(n >= 1);
  assert_string_equal(sv[0], "variância"); /* accents first */
  /* capitalised words get capitalised suggestions */
  n = tl_spell_suggest(sp, "Trainamento", 11, 3, false, &slow, &sv);
  assert_true(n >= 1);
  assert_string_equal(sv[0], "Treinamento");
  /* two edits away: nothing without the slow search, something with it;
   * and the answer without it stays the same after it ran */
  n = tl_spell_suggest(sp, "treinamnetoo", 12, 3, false, &slow, &sv);
  assert_int_equal(n, 0);
  assert_false(slow);
  n = tl_spell_suggest(sp, "treinamnetoo", 12, 3, true, &slow, &sv);
  assert_true(slow);
  assert_true(n >= 1);
  n = tl_spell_suggest(sp, "treinamnetoo", 12, 3, false, &slow, &sv);
  assert_int_equal(n, 0);
}

static void test_wordlist_errors_name_the_line(void **state)
{
  char path[] = "/tmp/tl-words-XXXXXX";
  int fd = mkstemp(path);
  FILE *fp = fdopen(fd, "w");
  tl_error err;

  (void)state;
  fputs("# comentário\nbom\nduas palavras\n", fp);
  fclose(fp);
  assert_int_equal(tl_spell_load_wordlist(sp, path, &err), TL_EDICT);
  assert_non_null(strstr(err.msg, ":3:5:"));
  remove(path);
  assert_int_equal(tl_spell_load_wordlist(sp, "/nonexistent.txt", &err),
                   TL_EDICT);
}

static void test_missing_dictionary(void **state)
{
  tl_spell *s2 = NULL;
  tl_error err;

  (void)state;
  assert_int_equal(tl_spell_new(&s2, "/nonexistent", "pt_BR", &err), TL_EDICT);
  assert_null(s2);
  assert_non_null(strstr(err.msg, "hunspell-pt-br"));
}

/* The spelling check through the whole pipeline. */
static tl_result *lint(const char *text)
{
  tl_options opt;
  tl_linter *l;
  tl_result *r = NULL;
  tl_error err;

  tl_options_init(&opt);
  opt.hunspell_dir = unit_hunspell_dir();
  opt.words_dir = UNIT_WORDS_DIR;
  assert_int_equal(tl_linter_new(&l, &opt, &err), TL_OK);
  assert_int_equal(tl_lint_buffer(l, "t.md", text, strlen(text),
                                  TL_MARKUP_MARKDOWN, &r, &err),
                   TL_OK);
  tl_linter_free(l);
  return r;
}

static void test_names_versus_misspellings(void **state)
{
  tl_result *r;
  const tl_name *nm;

  (void)state;
  /* capitalised inside a sentence, after a title: a name the document
   * teaches, no finding */
  r = lint("O pesquisador Xyzzor falou ontem.");
  assert_int_equal(tl_result_count(r), 0);
  assert_int_equal(tl_result_name_count(r), 1);
  nm = tl_result_name_get(r, 0);
  assert_string_equal(nm->text, "Xyzzor");
  assert_true(nm->evidence & TL_NAME_TITLE);
  assert_true(nm->evidence & TL_NAME_CAPITALISED);
  tl_result_free(r);
  /* sentence-initial, never confirmed, near no word: a probable name */
  r = lint("Xyzzor falou ontem.");
  assert_int_equal(tl_result_count(r), 1);
  assert_string_equal(tl_result_get(r, 0)->rule, "spelling.name");
  assert_int_equal(tl_result_get(r, 0)->severity, TL_INFO);
  tl_result_free(r);
  /* sentence-initial and one letter from a word: a typo */
  r = lint("Treinamneto é caro.");
  assert_int_equal(tl_result_count(r), 1);
  assert_string_equal(tl_result_get(r, 0)->rule, "spelling.unknown");
  tl_result_free(r);
  /* sentence-initial, but the text uses it as a name later */
  r = lint("Xyzzor falou ontem. Depois, o Xyzzor saiu.");
  assert_int_equal(tl_result_count(r), 0);
  tl_result_free(r);
  /* a long capitalised typo inside a sentence is not learned as a name */
  r = lint("O Computatcional falhou.");
  assert_int_equal(tl_result_count(r), 1);
  assert_string_equal(tl_result_get(r, 0)->rule, "spelling.unknown");
  assert_int_equal(tl_result_name_count(r), 0);
  tl_result_free(r);
}

static void test_unknown_word_finding(void **state)
{
  tl_result *r = lint("# Título\n\nApós o treinamneto, o modelo melhorou.\n");
  const tl_finding *f;

  (void)state;
  assert_int_equal(tl_result_count(r), 1);
  f = tl_result_get(r, 0);
  assert_string_equal(f->rule, "spelling.unknown");
  assert_string_equal(f->category, "spelling");
  assert_int_equal(f->severity, TL_ERROR);
  assert_int_equal(f->line, 3);
  assert_int_equal(f->column, 8);
  assert_int_equal(f->end_column, 19);
  assert_int_equal(f->length, 11);
  assert_true(f->nsuggestions >= 1);
  assert_string_equal(f->suggestions[0], "treinamento");
  assert_false(f->fix);
  assert_int_equal(tl_result_words(r), 7);
  tl_result_free(r);
}

static void test_italic_english_terms_are_info(void **state)
{
  tl_result *r = lint("No *deep learning* usamos redes; o learning cresce.");

  (void)state;
  assert_int_equal(tl_result_count(r), 3);
  assert_string_equal(tl_result_get(r, 0)->rule, "spelling.foreign");
  assert_string_equal(tl_result_get(r, 1)->rule, "spelling.foreign");
  /* English outside italics is left for the untranslated check */
  assert_string_equal(tl_result_get(r, 2)->rule, "untranslated.word");
  tl_result_free(r);
}

static void test_roman_numerals_and_code_skipped(void **state)
{
  tl_result *r = lint("Temos (i) dados e (ii) `codigoo` com $abcde$.");

  (void)state;
  assert_int_equal(tl_result_count(r), 0);
  tl_result_free(r);
}

/* Words a second thread asks of a speller, and what it answered. */
typedef struct asker {
  tl_spell *s;
  const char *const *words;
  int got[8];
} asker;

static void *ask_all(void *ud)
{
  asker *a = ud;

  for (size_t i = 0; a->words[i] != NULL; i++)
    a->got[i] = tl_spell_check(a->s, a->words[i], strlen(a->words[i]), NULL);
  return NULL;
}

static void ask_in_thread(asker *a)
{
  pthread_t t;

  assert_int_equal(pthread_create(&t, NULL, ask_all, a), 0);
  assert_int_equal(pthread_join(t, NULL), 0);
}

/* A speller asked from two threads keeps each thread's verdicts in front
 * of its lock: the answers are the speller's, the same in every thread,
 * and a speller made after another was freed (perhaps at its address)
 * answers with its own words, not with what a thread kept of the first. */
static void test_threads_get_the_same_verdicts(void **state)
{
  static const char *const words[] = {"treinamento", "treinamneto",
                                      "guarda-chuva", "Benchmarkx", NULL};
  static const int want[] = {1, 0, 1, 0};
  tl_spell *s;
  asker a;

  (void)state;
  assert_int_equal(tl_spell_new(&s, unit_hunspell_dir(), "pt_BR", NULL),
                   TL_OK);
  memset(&a, 0, sizeof a);
  a.s = s;
  a.words = words;
  for (int round = 0; round < 2; round++) { /* the second from the fronts */
    for (size_t i = 0; words[i] != NULL; i++)
      assert_int_equal(tl_spell_check(s, words[i], strlen(words[i]), NULL),
                       want[i]);
    ask_in_thread(&a);
    for (size_t i = 0; words[i] != NULL; i++)
      assert_int_equal(a.got[i], want[i]);
  }
  tl_spell_free(s);
}

static int stored_verdict(void *ud, const char *dict, const char *w, size_t n)
{
  (void)dict;
  (void)w;
  (void)n;
  return *(const int *)ud;
}

static void stored_nothing(void *ud, const char *dict, const char *w,
                           size_t n, int known)
{
  (void)ud;
  (void)dict;
  (void)w;
  (void)n;
  (void)known;
}

/* Spellers made one after another, each freed before the next (the heap
 * gives some the address of one before), answering "palavrax" in turn
 * known and unknown (from their backing: no Hunspell): a thread never
 * answers with what it kept of another speller. */
static void test_thread_verdicts_are_the_spellers_own(void **state)
{
  static const char *const words[] = {"palavrax", NULL};

  (void)state;
  for (int i = 0; i < 24; i++) {
    int known = i % 2;
    tl_spell_backing b = {&known, "test", stored_verdict, stored_nothing,
                          NULL, NULL};
    tl_spell *s;
    asker a;
    assert_int_equal(tl_spell_new(&s, unit_hunspell_dir(), "pt_BR", NULL),
                     TL_OK);
    tl_spell_set_backing(s, &b);
    memset(&a, 0, sizeof a);
    a.s = s;
    a.words = words;
    ask_in_thread(&a); /* another thread first: shared from the next ask */
    assert_int_equal(a.got[0], known);
    for (int k = 0; k < 2; k++)
      assert_int_equal(tl_spell_check(s, "palavrax", 8, NULL), known);
    assert_false(tl_spell_loaded(s));
    tl_spell_free(s);
  }
}

/* Hunspell is opened with dlopen (RTLD_LOCAL: lazylib.c), so its case
 * table's builder is found through its own handle: without it every
 * Hunspell load takes its turn behind the others (pt_BR and en_US, and
 * the workers' own instances with -j 2, one after another). Two spellers
 * loaded at once in the background then answer as one loaded alone. */
static void test_loads_run_at_once(void **state)
{
  tl_spell *a, *b;

  (void)state;
  assert_non_null(tl_hunspell_symbol("_Z18initialize_utf_tblv"));
  assert_int_equal(tl_spell_new(&a, unit_hunspell_dir(), "pt_BR", NULL),
                   TL_OK);
  assert_int_equal(tl_spell_new(&b, unit_hunspell_dir(), "pt_BR", NULL),
                   TL_OK);
  tl_spell_load_async(a);
  tl_spell_load_async(b);
  assert_int_equal(tl_spell_check(a, "treinamento", 11, NULL), 1);
  assert_int_equal(tl_spell_check(b, "treinamneto", 11, NULL), 0);
  assert_int_equal(tl_spell_check(b, "treinamento", 11, NULL), 1);
  tl_spell_free(a);
  tl_spell_free(b);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_project_words_need_no_hunspell),
      cmocka_unit_test(test_portuguese_words),
      cmocka_unit_test(test_hyphenated_compounds),
      cmocka_unit_test(test_suggestions),
      cmocka_unit_test(test_wordlist_errors_name_the_line),
      cmocka_unit_test(test_missing_dictionary),
      cmocka_unit_test(test_names_versus_misspellings),
      cmocka_unit_test(test_unknown_word_finding),
      cmocka_unit_test(test_italic_english_terms_are_info),
      cmocka_unit_test(test_roman_numerals_and_code_skipped),
      cmocka_unit_test(test_accepted_set_is_words_added),
      cmocka_unit_test(test_threads_get_the_same_verdicts),
      cmocka_unit_test(test_thread_verdicts_are_the_spellers_own),
      cmocka_unit_test(test_loads_run_at_once),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
