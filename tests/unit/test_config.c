#include "unit.h"

#include <sys/stat.h>
#include <unistd.h>

static void test_strv_grows_and_stays_terminated(void **state)
{
  tl_strv v = {0};
  char name[32];

  (void)state;
  assert_null(v.v);
  for (int i = 0; i < 1000; i++) {
    snprintf(name, sizeof name, "item%d", i);
    tl_strv_push(&v, name);
    assert_int_equal(v.n, (size_t)i + 1);
    assert_null(v.v[v.n]); /* NULL-terminated after every push */
  }
  assert_true(v.cap > v.n);
  assert_string_equal(v.v[0], "item0");
  assert_string_equal(v.v[999], "item999");
  tl_strv_push_take(&v, strdup("owned"));
  assert_string_equal(v.v[1000], "owned");
  tl_strv_fini(&v);
  assert_null(v.v);
  assert_int_equal(v.n, 0);
  tl_strv_push(&v, "again"); /* reusable after fini */
  assert_string_equal(v.v[0], "again");
  tl_strv_fini(&v);
}

static tl_status parse(tl_config *cfg, const char *text, tl_error *err)
{
  return tl_config_parse(cfg, "d/.tradlint.toml", text, strlen(text), err);
}

static void test_long_lists(void **state)
{
  tl_config cfg;
  tl_error err;
  char text[16384] = "words = [";

  (void)state;
  for (int i = 0; i < 500; i++)
    snprintf(text + strlen(text), sizeof text - strlen(text), "%s\"w%d.txt\"",
             i ? ", " : "", i);
  strcat(text, "]\nglossary = [\"a.tsv\",\n \"b.tsv\"]\n");
  assert_int_equal(parse(&cfg, text, &err), TL_OK);
  assert_int_equal(cfg.words.n, 500);
  assert_string_equal(cfg.words.v[499], "d/w499.txt");
  assert_null(cfg.words.v[500]);
  assert_int_equal(cfg.glossary.n, 2);
  assert_string_equal(cfg.glossary.v[1], "d/b.tsv");
  tl_config_fini(&cfg);
}

static void test_duplicates_are_errors(void **state)
{
  tl_config cfg;
  tl_error err;

  (void)state;
  assert_int_equal(parse(&cfg, "db = \"a\"\n\ndb = \"b\"\n", &err), TL_EUSAGE);
  assert_string_equal(err.msg, "d/.tradlint.toml:3:1: chave 'db' repetida "
                               "(já definida na linha 1)");
  assert_int_equal(parse(&cfg, "[rules]\nnumber = \"off\"\n[rules]\n", &err),
                   TL_EUSAGE);
  assert_non_null(strstr(err.msg, ":3:1: tabela [rules] repetida"));
  assert_int_equal(parse(&cfg,
                         "[rules]\n'spelling' = \"off\"\n"
                         "\"spelling\" = \"info\"\n",
                         &err),
                   TL_EUSAGE);
  assert_non_null(strstr(err.msg, ":3:1: chave 'rules.spelling' repetida"));
  /* the same name in two tables is two keys */
  assert_int_equal(parse(&cfg, "fail-on = \"info\"\n", &err), TL_OK);
  tl_config_fini(&cfg);
}

/* [corpus]: the thresholds of house usage, numbers of documents. */
static void test_corpus_thresholds(void **state)
{
  tl_config cfg;
  tl_error err;

  (void)state;
  assert_int_equal(parse(&cfg, "db = \"a\"\n", &err), TL_OK);
  assert_int_equal(cfg.accept_names, -1); /* unset: the defaults */
  assert_int_equal(cfg.accept_words, -1);
  tl_config_fini(&cfg);
  assert_int_equal(parse(&cfg, "[corpus]\naccept-names = 0\naccept-words = 5\n",
                         &err),
                   TL_OK);
  assert_int_equal(cfg.accept_names, 0);
  assert_int_equal(cfg.accept_words, 5);
  tl_config_fini(&cfg);
  assert_int_equal(parse(&cfg, "[corpus]\naccept-words = \"3\"\n", &err),
                   TL_EUSAGE);
  assert_non_null(strstr(err.msg, ":2:16: 'accept-words' deve ser um número"));
  assert_int_equal(parse(&cfg, "[corpus]\naccept-names = -1\n", &err),
                   TL_EUSAGE);
  assert_non_null(strstr(err.msg, ":2:16: 'accept-names' deve ser"));
  assert_int_equal(parse(&cfg, "[corpus]\naccept = 3\n", &err), TL_EUSAGE);
  assert_non_null(strstr(err.msg, ":2:1: chave desconhecida 'accept' em "
                                  "[corpus]"));
}

static void test_positions_after_multiline_lists(void **state)
{
  tl_config cfg;
  tl_error err;

  (void)state;
  /* an error is placed where it is, after lists that span lines */
  assert_int_equal(parse(&cfg, "ignore = [\n  \"a\",\n  \"b\"\n]\nfail-on = 3\n",
                         &err),
                   TL_EUSAGE);
  assert_non_null(strstr(err.msg, ".tradlint.toml:5:11: 'fail-on' deve ser"));
  assert_int_equal(parse(&cfg, "words = [\n  \"a.txt\",\n  \"\"\n]\n", &err),
                   TL_EUSAGE);
  assert_non_null(strstr(err.msg, ".tradlint.toml:3:3: 'words': texto vazio"));
  assert_int_equal(parse(&cfg, "hunspell-dir = ''\n", &err), TL_EUSAGE);
  assert_non_null(strstr(err.msg, ":1:16: 'hunspell-dir': texto vazio"));
}

static void test_load_refuses_what_is_not_a_file(void **state)
{
  tl_config cfg;
  tl_error err;
  char dir[] = "/tmp/tradlint-unit-config-XXXXXX", fifo[64], big[64];
  FILE *fp;

  (void)state;
  assert_non_null(mkdtemp(dir));
  assert_int_equal(tl_config_load(&cfg, dir, &err), TL_EUSAGE);
  assert_non_null(strstr(err.msg, "é uma pasta"));
  snprintf(fifo, sizeof fifo, "%s/fifo.toml", dir);
  assert_int_equal(mkfifo(fifo, 0600), 0);
  assert_int_equal(tl_config_load(&cfg, fifo, &err), TL_EUSAGE);
  assert_non_null(strstr(err.msg, "não é um arquivo comum"));
  assert_int_equal(tl_config_load(&cfg, "/dev/zero", &err), TL_EUSAGE);
  snprintf(big, sizeof big, "%s/big.toml", dir);
  fp = fopen(big, "w");
  assert_non_null(fp);
  for (int i = 0; i < TL_CONFIG_MAX_SIZE / 8 + 1; i++)
    fputs("# .....\n", fp);
  fclose(fp);
  assert_int_equal(tl_config_load(&cfg, big, &err), TL_EUSAGE);
  assert_non_null(strstr(err.msg, "grande demais"));
  unlink(big);
  unlink(fifo);
  rmdir(dir);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_strv_grows_and_stays_terminated),
      cmocka_unit_test(test_long_lists),
      cmocka_unit_test(test_duplicates_are_errors),
      cmocka_unit_test(test_positions_after_multiline_lists),
      cmocka_unit_test(test_corpus_thresholds),
      cmocka_unit_test(test_load_refuses_what_is_not_a_file),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
