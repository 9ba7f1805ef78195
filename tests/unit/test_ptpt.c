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

/* Read file @path whole (one byte more, for decode). */
static char *slurp(const char *path, size_t *len)
{
  FILE *fp = fopen(path, "rb");
  char *b;
  long n;

  assert_non_null(fp);
  fseek(fp, 0, SEEK_END);
  n = ftell(fp);
  rewind(fp);
  b = tl_xmalloc((size_t)n + 1);
  assert_int_equal(fread(b, 1, (size_t)n, fp), (size_t)n);
  fclose(fp);
  *len = (size_t)n;
  return b;
}

/* Every form of list file @path is found in @a and @b alike. */
static void same_entries(const char *path, const tl_ptpt *a, const tl_ptpt *b)
{
  size_t len, forms = 0;
  char *text = slurp(path, &len);

  text[len] = '\0';
  for (char *line = strtok(text, "\n"); line != NULL; line = strtok(NULL, "\n")) {
    const char *tab = strchr(line, '\t');
    const tl_ptpt_entry *x, *y;
    if (line[0] == '#' || tab == NULL)
      continue;
    x = tl_ptpt_lookup(a, line, (size_t)(tab - line));
    y = tl_ptpt_lookup(b, line, (size_t)(tab - line));
    assert_non_null(x);
    assert_non_null(y);
    assert_string_equal(x->ptpt, y->ptpt);
    assert_string_equal(x->ptbr, y->ptbr);
    assert_string_equal(x->rule, y->rule);
    assert_int_equal(x->when, y->when);
    forms++;
  }
  assert_int_equal(forms, tl_ptpt_size(b));
  free(text);
}

/* The compiled list (the cache file's payload) read back is the list:
 * every form, its Brazilian form, rule and "when". */
static void test_compiled_round_trip(void **state)
{
  const char *path = "dictionaries/pt-PT.tsv";
  tl_buf a, b;
  tl_ptpt *p;

  (void)state;
  tl_buf_init(&a);
  tl_buf_init(&b);
  tl_ptpt_encode(list, &a);
  p = tl_ptpt_decode((const unsigned char *)a.p, a.len);
  assert_non_null(p);
  assert_int_equal(tl_ptpt_size(p), tl_ptpt_size(list));
  same_entries(path, list, p);
  assert_string_equal(tl_ptpt_lookup(p, "Utilizador", 10)->ptbr, "usuário");
  assert_null(tl_ptpt_lookup(p, "usuário", 8));
  tl_ptpt_encode(p, &b); /* the same bytes again */
  assert_int_equal(a.len, b.len);
  assert_memory_equal(a.p, b.p, a.len);
  tl_ptpt_free(p);
  tl_buf_fini(&a);
  tl_buf_fini(&b);
}

/* A payload cut anywhere is refused; one with any byte changed is refused
 * or read without reading out of bounds (ASan and valgrind watch), its
 * entries' strings inside the payload. */
static void test_compiled_damaged(void **state)
{
  static const char small[] =
      "# a list\nutilizador\tusuário\tlexical\talways\n"
      "ecrã\ttela\tlexical\talways\r\nEquipa\tequipe\tlexical\tnoun\n"
      "facto\tfato\tdrop-c\tnoun";
  static const char *const words[] = {"ecrã", "facto", "equipa", "utilizador",
                                      "tela"};
  char path[] = "/tmp/tl-ptpt-XXXXXX";
  int fd = mkstemp(path);
  FILE *fp = fdopen(fd, "w");
  tl_ptpt *p, *q;
  tl_error err;
  tl_buf a;
  size_t refused = 0;

  (void)state;
  fputs(small, fp);
  fclose(fp);
  assert_int_equal(tl_ptpt_open(&p, path, &err), TL_OK);
  tl_buf_init(&a);
  tl_ptpt_encode(p, &a);
  q = tl_ptpt_decode((const unsigned char *)a.p, a.len);
  assert_non_null(q);
  same_entries(path, p, q);
  assert_int_equal(tl_ptpt_lookup(q, "equipa", 6)->when, TL_PTPT_NOUN);
  tl_ptpt_free(q);
  for (size_t n = 0; n < a.len; n++) {
    /* a copy of the cut payload alone: ASan sees a read past it */
    unsigned char *cut = tl_xmalloc(n + 1);
    memcpy(cut, a.p, n);
    assert_null(tl_ptpt_decode(cut, n));
    free(cut);
  }
  for (size_t i = 0; i < a.len; i++) {
    a.p[i] = (char)(a.p[i] ^ 0x5A);
    q = tl_ptpt_decode((const unsigned char *)a.p, a.len);
    if (q != NULL) {
      for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        const tl_ptpt_entry *e = tl_ptpt_lookup(q, words[k], strlen(words[k]));
        if (e != NULL) {
          assert_true(e->ptpt >= a.p && e->ptpt + strlen(e->ptpt) < a.p + a.len);
          assert_true(e->ptbr >= a.p && e->ptbr + strlen(e->ptbr) < a.p + a.len);
          assert_true(e->rule >= a.p && e->rule + strlen(e->rule) < a.p + a.len);
          assert_true(e->when == TL_PTPT_ALWAYS || e->when == TL_PTPT_NOUN);
        }
      }
      tl_ptpt_free(q);
    } else {
      refused++;
    }
    a.p[i] = (char)(a.p[i] ^ 0x5A);
  }
  assert_true(refused > a.len / 2);
  tl_buf_fini(&a);
  tl_ptpt_free(p);
  remove(path);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_pairs),
      cmocka_unit_test(test_near_misses),
      cmocka_unit_test(test_when),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_compiled_round_trip),
      cmocka_unit_test(test_compiled_damaged),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
