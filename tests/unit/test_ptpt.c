#include "unit.h"

#include "ptpt.h"

static tl_ptpt *list;

static int setup(void **state)
{
  tl_error err;
  (void)state;
  return tl_ptpt_open(&list, "dictionaries/pt-PT.tsv", &err) == TL_OK ? 0 : -1;
}

static int teardown(void **state)
{
  (void)state;
  tl_ptpt_free(list);
  return 0;
}

static const char *br(const char *w)
{
  const tl_ptpt_entry *e = tl_ptpt_lookup(list, w, strlen(w));
  return e ? e->ptbr : "";
}

/* The examples of issue 12: lexical pairs and spelling-rule pairs. */
static void test_pairs(void **state)
{
  (void)state;
  assert_string_equal(br("utilizador"), "usuário");
  assert_string_equal(br("utilizadores"), "usuários");
  assert_string_equal(br("ecrã"), "tela");
  assert_string_equal(br("equipa"), "equipe");
  assert_string_equal(br("facto"), "fato");
  assert_string_equal(br("registo"), "registro");
  assert_string_equal(br("registado"), "registrado");
  assert_string_equal(br("telemóvel"), "celular");
  assert_string_equal(br("económico"), "econômico"); /* ó -> ô */
  assert_string_equal(br("género"), "gênero");       /* é -> ê */
  assert_string_equal(br("receção"), "recepção");    /* p put back */
  assert_string_equal(br("húmido"), "úmido");
  assert_string_equal(br("Utilizador"), "usuário");  /* any case */
}

/* Words valid in both variants are never keys. */
static void test_near_misses(void **state)
{
  (void)state;
  assert_string_equal(br("fato"), "");
  assert_string_equal(br("contato"), "");
  assert_string_equal(br("contacto"), ""); /* pt_BR accepts it too */
  assert_string_equal(br("equipe"), "");
  assert_string_equal(br("usuário"), "");
  assert_string_equal(br("aspecto"), "");
  assert_string_equal(br("econômico"), "");
  assert_string_equal(br("modelo"), "");
}

/* Forms that are also Brazilian verb forms are flagged only as nouns. */
static void test_when(void **state)
{
  const tl_ptpt_entry *e;

  (void)state;
  e = tl_ptpt_lookup(list, "equipa", 6);
  assert_non_null(e);
  assert_int_equal(e->when, TL_PTPT_NOUN);
  assert_string_equal(e->rule, "lexical");
  e = tl_ptpt_lookup(list, "económico", strlen("económico"));
  assert_non_null(e);
  assert_int_equal(e->when, TL_PTPT_ALWAYS);
  assert_string_equal(e->rule, "accent-o");
  assert_true(tl_ptpt_size(list) > 1000);
  /* a word lower-cased already is looked up as it is */
  assert_ptr_equal(tl_ptpt_lookup_lower(list, "económico",
                                        strlen("económico")),
                   tl_ptpt_lookup(list, "Económico", strlen("Económico")));
  assert_null(tl_ptpt_lookup_lower(list, "Económico", strlen("Económico")));
}

static void expect_bad(const char *text, const char *want)
{
  char path[] = "/tmp/tl-ptpt-XXXXXX";
  int fd = mkstemp(path);
  FILE *fp = fdopen(fd, "w");
  tl_ptpt *p = NULL;
  tl_error err;

  fputs(text, fp);
  fclose(fp);
  assert_int_equal(tl_ptpt_open(&p, path, &err), TL_EDICT);
  assert_null(p);
  if (strstr(err.msg, want) == NULL)
    fail_msg("expected '%s' in: %s", want, err.msg);
  remove(path);
}

/* A bad file is an error naming file:line, never a silent skip. */
static void test_errors(void **state)
{
  tl_ptpt *p = NULL;
  tl_error err;

  (void)state;
  assert_int_equal(tl_ptpt_open(&p, "/nonexistent/pt-PT.tsv", &err), TL_EDICT);
  expect_bad("# c\necrã\ttela\tlexical\n", ":2: esperadas 4 colunas");
  expect_bad("ecrã\ttela\tlexical\tsometimes\n", ":1: coluna 'quando' inválida");
  expect_bad("ecrã\ttela\tlexical\talways\necrã\ttela\tlexical\talways\n",
             ":2: forma 'ecrã' repetida");
  expect_bad("ecr\xff\ttela\tlexical\talways\n", ":1: UTF-8 inválido");
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_pairs),
      cmocka_unit_test(test_near_misses),
      cmocka_unit_test(test_when),
      cmocka_unit_test(test_errors),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
