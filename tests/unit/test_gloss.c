#include "unit.h"

#include "gloss.h"
#include "spell.h"

#define TEST_GLOSSARY "tests/data/glossary/test.tsv"

static tl_gloss *g;
static tl_spell *sp;

static int setup(void **state)
{
  (void)state;
  g = tl_gloss_new();
  if (tl_gloss_load(g, TEST_GLOSSARY, NULL) != TL_OK)
    return -1;
  return tl_spell_new(&sp, unit_hunspell_dir(), "pt_BR", NULL) == TL_OK ? 0
                                                                       : -1;
}

static int teardown(void **state)
{
  (void)state;
  tl_gloss_free(g);
  tl_spell_free(sp);
  return 0;
}

/* The matches of one paragraph as "surface=concept/how" joined by "; ". */
static char *matches(const char *text)
{
  static char out[2048];
  tl_seg seg = {0, strlen(text), 0};
  tl_unit u = {TL_BLK_PARA, 0, &seg, 1};
  tl_tokens t;
  tl_matches m;
  size_t n = 0;

  tl_tokens_init(&t);
  tl_matches_init(&m);
  tl_tokenize_unit(&t, text, strlen(text), &u);
  tl_gloss_match(g, sp, text, &t, &m);
  out[0] = '\0';
  for (size_t i = 0; i < m.n; i++) {
    const tl_match *x = &m.v[i];
    const tl_form *f = &g->f[x->form];
    n += (size_t)snprintf(out + n, sizeof out - n, "%s%.*s=%s/%s", i ? "; " : "",
                          (int)x->len, text + x->off, g->c[x->concept].id,
                          f->kind == TL_FORM_FORBIDDEN
                              ? "forbidden"
                              : (x->how == TL_MATCH_VARIANT ? "variant" : "ok"));
  }
  tl_tokens_fini(&t);
  tl_matches_fini(&m);
  return out;
}

/* tl_gloss_match_keyed: each whole word's keys found once, then read from
 * the caller's offsets: the same matches as tl_gloss_match, on the first
 * call and on later ones that reuse the offsets. */
static void test_keyed_match_reuses_keys(void **state)
{
  const char *text = "Os modelos de recompensa, o pré-treinamento e os "
                     "modelos de recompensa de novo.";
  char plain[2048];
  tl_seg seg = {0, strlen(text), 0};
  tl_unit u = {TL_BLK_PARA, 0, &seg, 1};
  tl_tokens t;
  tl_matches m;
  uint32_t keyat[64];

  (void)state;
  snprintf(plain, sizeof plain, "%s", matches(text));
  assert_string_equal(plain, "modelos de recompensa=reward-model/ok; "
                             "pré-treinamento=pretraining/ok; "
                             "modelos de recompensa=reward-model/ok");
  tl_tokens_init(&t);
  tl_matches_init(&m);
  tl_tokenize_unit(&t, text, strlen(text), &u);
  assert_true(t.n <= 64);
  for (size_t k = 0; k < t.n; k++)
    keyat[k] = UINT32_MAX;
  for (int round = 0; round < 2; round++) {
    size_t pre = SIZE_MAX;
    tl_gloss_match_keyed(g, sp, text, &t, &m, keyat);
    assert_int_equal(m.n, 3);
    assert_int_equal(m.v[0].off, strlen("Os "));
    assert_int_equal(m.v[0].len, strlen("modelos de recompensa"));
    assert_int_equal(m.v[1].len, strlen("pré-treinamento"));
    assert_int_equal(m.v[0].concept, m.v[2].concept);
    assert_int_equal(m.v[2].len, m.v[0].len);
    for (size_t k = 0; k < t.n; k++)
      if (t.v[k].len == strlen("pré-treinamento") &&
          memcmp(text + t.v[k].off, "pré-treinamento", t.v[k].len) == 0)
        pre = k;
    assert_true(pre != SIZE_MAX);
    /* a hyphenated word is two pieces: no offset for the whole token */
    assert_int_equal(keyat[pre], UINT32_MAX);
    /* the same spelling, the same keys */
    assert_int_not_equal(keyat[1], UINT32_MAX);
    assert_int_equal(keyat[1], keyat[pre + 3]);
  }
  tl_tokens_fini(&t);
  tl_matches_fini(&m);
}

/* The trie roots kept with a word's keys belong to the first glossary the
 * key cache served: the same tl_matches used with another glossary (one
 * loaded later, or loaded where a freed one was) finds that glossary's
 * matches, and the first glossary's again after it. */
static void test_kept_roots_follow_glossary(void **state)
{
  static const char tsv_a[] = "id\tpreferred\tcase\n"
                              "a\trede neural\tany\n";
  static const char tsv_b[] = "id\tpreferred\tcase\n"
                              "b\tneural\tany\n"
                              "c\tcaso\tany\n";
  const char *text = "Um caso de rede neural e outra rede neural.";
  tl_seg seg = {0, strlen(text), 0};
  tl_unit u = {TL_BLK_PARA, 0, &seg, 1};
  tl_gloss *a = tl_gloss_new(), *b = tl_gloss_new();
  tl_error err;
  tl_tokens t;
  tl_matches m;
  uint32_t keyat[64];

  (void)state;
  assert_int_equal(tl_gloss_load_buffer(a, "a.tsv", tsv_a, strlen(tsv_a), &err),
                   TL_OK);
  assert_int_equal(tl_gloss_load_buffer(b, "b.tsv", tsv_b, strlen(tsv_b), &err),
                   TL_OK);
  tl_tokens_init(&t);
  tl_matches_init(&m);
  tl_tokenize_unit(&t, text, strlen(text), &u);
  assert_true(t.n <= 64);
  for (size_t k = 0; k < t.n; k++)
    keyat[k] = UINT32_MAX;
  for (int round = 0; round < 3; round++) {
    tl_gloss_match_keyed(a, sp, text, &t, &m, keyat);
    assert_int_equal(m.n, 2);
    assert_int_equal(m.v[0].len, strlen("rede neural"));
    assert_int_equal(m.v[1].len, strlen("rede neural"));
    tl_gloss_match_keyed(b, sp, text, &t, &m, keyat);
    assert_int_equal(m.n, 3);
    assert_int_equal(m.v[0].len, strlen("caso"));
    assert_int_equal(m.v[1].len, strlen("neural"));
    if (round == 1) { /* another glossary where b was */
      tl_gloss_free(b);
      b = tl_gloss_new();
      assert_int_equal(tl_gloss_load_buffer(b, "b.tsv", tsv_b, strlen(tsv_b),
                                            &err),
                       TL_OK);
    }
  }
  /* a fresh key cache, first used with b: b's roots kept, a's asked */
  tl_matches_fini(&m);
  tl_matches_init(&m);
  tl_gloss_match(b, sp, text, &t, &m);
  assert_int_equal(m.n, 3);
  tl_gloss_match(a, sp, text, &t, &m);
  assert_int_equal(m.n, 2);
  tl_gloss_match(b, sp, text, &t, &m);
  assert_int_equal(m.n, 3);
  tl_tokens_fini(&t);
  tl_matches_fini(&m);
  tl_gloss_free(a);
  tl_gloss_free(b);
}

static void test_plurals_and_gender(void **state)
{
  (void)state;
  assert_string_equal(matches("Os modelos de recompensa e as redes neurais."),
                      "modelos de recompensa=reward-model/ok; "
                      "redes neurais=neural-network/ok");
  assert_string_equal(matches("funções de ativação, modelos alemães"),
                      "funções de ativação=activation-function/ok; "
                      "modelos alemães=german-model/ok");
  assert_string_equal(matches("Grandes modelos de linguagem (LLMs)."),
                      "Grandes modelos de linguagem=llm/ok; LLMs=llm/ok");
  assert_string_equal(matches("os artigos científicos e os papers"),
                      "artigos científicos=paper/ok; papers=paper/ok");
}

static void test_case_exact_versus_any(void **state)
{
  (void)state;
  /* Meta the company, not meta the goal */
  assert_string_equal(matches("A meta da Meta é clara."), "Meta=meta/ok");
  /* any-case terms match in any case and without accents */
  assert_string_equal(matches("APRENDIZADO POR REFORCO"),
                      "APRENDIZADO POR REFORCO=reinforcement-learning/ok");
  /* o3 the model; O3 is not it */
  assert_string_equal(matches("o o3 e o O3"), "o3=o3/ok");
}

static void test_longest_match_and_no_partial_tokens(void **state)
{
  (void)state;
  assert_string_equal(matches("O Claude Code e o Claude."),
                      "Claude Code=claude-code/ok; Claude=claude/ok");
  assert_string_equal(matches("Meta Reels e Meta"),
                      "Meta Reels=meta-reels/ok; Meta=meta/ok");
  assert_string_equal(matches("GPT-4o, GPT-4 e o3-mini"),
                      "GPT-4o=gpt-4o/ok; GPT-4=gpt-4/ok; o3-mini=o3-mini/ok");
}

static void test_spacing_and_casing_variants(void **state)
{
  (void)state;
  assert_string_equal(matches("pré treinamento, pretreinamento, pré-treinamento"),
                      "pré treinamento=pretraining/variant; "
                      "pretreinamento=pretraining/variant; "
                      "pré-treinamento=pretraining/ok");
  assert_string_equal(matches("Open AI, HuggingFace, GPT 4o, gpu"),
                      "Open AI=openai/variant; HuggingFace=hugging-face/variant; "
                      "GPT 4o=gpt-4o/variant; gpu=gpu/variant");
  /* a name broken across source lines is the name, not a spacing variant */
  assert_string_equal(matches("a Hugging\nFace e o Claude\r\nCode"),
                      "Hugging\nFace=hugging-face/ok; Claude\r\nCode=claude-code/ok");
}

static void test_forbidden_forms(void **state)
{
  (void)state;
  assert_string_equal(matches("O GPT-4.0 usa o Abraçando Rosto."),
                      "GPT-4.0=gpt-4o/forbidden; "
                      "Abraçando Rosto=hugging-face/forbidden");
  assert_string_equal(matches("aprendizado de reforço; produtos de ponto"),
                      "aprendizado de reforço=reinforcement-learning/forbidden; "
                      "produtos de ponto=dot-product/forbidden");
  /* a wrong name is wrong as written: no casing variants of it */
  assert_string_equal(matches("abraçando rosto"), "");
}

/* A forbidden gender variant folds to the key of the house form: each
 * surface goes to the form it spells more closely. */
static void test_forbidden_gender_variant(void **state)
{
  (void)state;
  assert_string_equal(matches("a incubadora, o incubador"),
                      "incubadora=incubator/ok; incubador=incubator/forbidden");
  assert_string_equal(matches("as Incubadoras e os incubadores"),
                      "Incubadoras=incubator/ok; "
                      "incubadores=incubator/forbidden");
}

static void test_terms_do_not_cross_punctuation(void **state)
{
  (void)state;
  assert_string_equal(matches("o modelo, de recompensa"), "");
  assert_string_equal(matches("*aprendizado* por reforço"),
                      "aprendizado* por reforço=reinforcement-learning/ok");
}

/* A loader error: the message names file:line:column. */
static void expect_error(const char *tsv, const char *want)
{
  char path[] = "/tmp/tl-gloss-XXXXXX";
  int fd = mkstemp(path);
  FILE *fp = fdopen(fd, "w");
  tl_gloss *g2 = tl_gloss_new();
  tl_error err;

  fputs(tsv, fp);
  fclose(fp);
  assert_int_equal(tl_gloss_load(g2, path, &err), TL_EGLOSS);
  if (strstr(err.msg, want) == NULL)
    fail_msg("expected '%s' in: %s", want, err.msg);
  assert_non_null(strstr(err.msg, path));
  tl_gloss_free(g2);
  remove(path);
}

#define H "id\tpreferred\tforbidden\tgender\tcase\n"

static void test_validation_errors(void **state)
{
  (void)state;
  expect_error("id\tpreferido\n", ":1:4: coluna desconhecida 'preferido'");
  expect_error("id\tgender\n", ":1:1: falta a coluna 'preferred'");
  expect_error(H "a\tx\t\t\t\nb\tx\t\t\t\n", ":3:3: 'x' já pertence ao conceito 'a'");
  expect_error(H "a\tx\t\t\t\na\ty\t\t\t\n", ":3:1: id 'a' repetido");
  expect_error(H "a\t\t\t\t\n", ":2:3: a coluna 'preferred' está vazia");
  expect_error(H "a\tx\t\tn\t\n", ":2:6: gênero 'n' inválido");
  expect_error(H "a\tx\t\t\tsome\n", ":2:7: case 'some' inválido");
  expect_error(H "a\tx\tx\t\t\n", ":2:5: 'x' é ao mesmo tempo proibida e aceita");
  expect_error(H "a\tx\t\t\n", ":2:1: o número de colunas da linha (4) não é o do cabeçalho (5)");
  expect_error(H "a\tx\xff\t\t\t\n", ":2:4: UTF-8 inválido");
  expect_error(H "A B\tx\t\t\t\n", ":2:1: id 'A B' inválido");
  expect_error("# só comentário\n", "glossário sem cabeçalho");
}

/* The source column is provenance: kept on the concept, never a rendering;
 * an unknown column is still an error. */
static void test_source_column(void **state)
{
  static const char tsv[] =
      "id\tpreferred\tadmitted\tsource\tnote\n"
      "overfit\tsobreajuste\toverfitting\tGoogle ML glossary\tnota\n"
      "dropout\tdropout\t\t\t\n";
  tl_gloss *g2 = tl_gloss_new();
  tl_error err;

  (void)state;
  assert_int_equal(tl_gloss_load_buffer(g2, "s.tsv", tsv, strlen(tsv), &err),
                   TL_OK);
  assert_int_equal(g2->nc, 2);
  assert_string_equal(g2->c[0].source, "Google ML glossary");
  assert_null(g2->c[1].source);
  /* the provenance is not a form of the concept */
  assert_int_equal(g2->counts[TL_FORM_PREFERRED], 2);
  assert_int_equal(g2->counts[TL_FORM_ADMITTED], 1);
  tl_gloss_free(g2);
  expect_error("id\tpreferred\tsources\n", ":1:14: coluna desconhecida 'sources'");
  expect_error("id\tpreferred\tsource\tsource\n", ":1:21: coluna 'source' repetida");
}

static void test_load_missing_and_folder(void **state)
{
  tl_gloss *g2 = tl_gloss_new();
  tl_error err;

  (void)state;
  assert_int_equal(tl_gloss_load(g2, "/nonexistent.tsv", &err), TL_EGLOSS);
  assert_int_equal(tl_gloss_load(g2, "tests/data/glossary", &err), TL_OK);
  assert_int_equal(g2->nfiles, 1);
  assert_int_equal(g2->nc, 21);
  tl_gloss_free(g2);
}

/* The project's glossary: an institution's gender is its head noun's
 * ("Instituto Alan Turing" was 'f'; the Technology Innovation Institute is
 * "o instituto"), and another spelling of a form listed with its own kind
 * keeps that kind ("plugin" admitted beside "plug-in" preferred). */
static void test_project_glossary_genders_and_spellings(void **state)
{
  tl_gloss *pg = tl_gloss_new();
  tl_error err;
  size_t wrong = 0;
  const char *tsv = "id\ten\tpreferred\tadmitted\n"
                    "plugin\tplugin\tplug-in\tplugin\n";

  (void)state;
  assert_int_equal(tl_gloss_load(pg, "glossary", &err), TL_OK);
  for (size_t i = 0; i < pg->nc; i++) {
    const tl_concept *k = &pg->c[i];
    char head = tl_gloss_head_gender(k->preferred);
    if (k->gender != 0 && head != 0 && head != k->gender) {
      print_error("%s:%u: '%s' is %c, its head noun %c\n", k->file, k->line,
                  k->preferred, k->gender, head);
      wrong++;
    }
  }
  assert_int_equal(wrong, 0);
  assert_int_equal(tl_gloss_head_gender("Technology Innovation Institute"),
                   'm');
  assert_int_equal(tl_gloss_head_gender("Linux Foundation"), 'f');
  assert_int_equal(tl_gloss_head_gender("Universidade de Oxford"), 'f');
  assert_int_equal(tl_gloss_head_gender("Institute"), 0);
  assert_int_equal(tl_gloss_head_gender("Hugging Face"), 0);
  tl_gloss_free(pg);

  pg = tl_gloss_new();
  assert_int_equal(tl_gloss_load_buffer(pg, "p.tsv", tsv, strlen(tsv), &err),
                   TL_OK);
  assert_int_equal(pg->nf, 2); /* plug-in, and plugin admitted */
  tl_gloss_free(pg);
}

/* The predicative forms: forbidden "noun adjective" forms whose concept's
 * preferred form has the same noun, found by the adjective's word key
 * (inflected: "barulhentas" finds "barulhentos"), in form order; names,
 * longer or hyphenated forms and another noun's form are not among them. */
static void test_pred_forms(void **state)
{
  static const char tsv[] =
      "id\tpreferred\tforbidden\tcase\n"
      "noisy-data\tdados ruidosos\tdados barulhentos|sinal barulhento\tany\n"
      "noisy-fb\tfeedback ruidoso\tfeedback barulhento\tany\n"
      "loud\tsom alto\tsom muito alto|som-forte\tany\n"
      "brand\tDados Rápidos\tDados Lentos\texact\n"
      "fast\tdados rápidos\tdados velozes\tany\n";
  static const char none_tsv[] =
      "id\tpreferred\tforbidden\tcase\n"
      "loud\tsom alto\tsom muito alto|som-forte\tany\n"
      "fast\tdados rápidos\tsinal veloz\tany\n";
  tl_gloss *pg = tl_gloss_new();
  tl_error err;
  tl_buf k;
  size_t n = 99;
  const tl_pred_form *pf;

  (void)state;
  tl_buf_init(&k);
  assert_int_equal(tl_gloss_load_buffer(pg, "p.tsv", tsv, strlen(tsv), &err),
                   TL_OK);
  assert_true(tl_gloss_has_pred_forms(pg));
  tl_gloss_word_key("barulhentas", strlen("barulhentas"), &k);
  pf = tl_gloss_pred_forms(pg, k.p, k.len, &n);
  assert_int_equal(n, 2);
  assert_string_equal(pg->f[pf[0].form].text, "dados barulhentos");
  assert_string_equal(pg->f[pf[1].form].text, "feedback barulhento");
  assert_true(pf[0].form < pf[1].form);
  tl_buf_clear(&k);
  tl_gloss_word_key("dado", strlen("dado"), &k);
  assert_int_equal(pf[0].nlen, k.len);
  assert_memory_equal(pf[0].noun, k.p, k.len);
  tl_buf_clear(&k);
  tl_gloss_word_key("velozes", strlen("velozes"), &k);
  pf = tl_gloss_pred_forms(pg, k.p, k.len, &n);
  assert_int_equal(n, 1);
  assert_string_equal(pg->f[pf[0].form].text, "dados velozes");
  for (size_t i = 0; i < 3; i++) {
    static const char *const none[] = {"alto", "lentos", "ruidosos"};
    tl_buf_clear(&k);
    tl_gloss_word_key(none[i], strlen(none[i]), &k);
    assert_null(tl_gloss_pred_forms(pg, k.p, k.len, &n));
    assert_int_equal(n, 0);
  }
  tl_gloss_free(pg);
  /* a glossary without one: the copula scan is skipped */
  pg = tl_gloss_new();
  assert_int_equal(tl_gloss_load_buffer(pg, "q.tsv", none_tsv,
                                        strlen(none_tsv), &err),
                   TL_OK);
  assert_int_equal(pg->nc, 2);
  assert_false(tl_gloss_has_pred_forms(pg));
  tl_gloss_free(pg);
  tl_buf_fini(&k);
}

/* The forms of each concept, in form order: the same forms as a walk of
 * g->f keeping those of the concept; none for a concept out of range. */
static void test_concept_forms(void **state)
{
  static const char tsv[] =
      "id\tpreferred\tabbrev\tadmitted\tforbidden\tcase\n"
      "rag\tgeração aumentada por recuperação\tRAG\tgeração aumentada "
      "via recuperação\trecuperação de geração aumentada\tany\n"
      "plug\tplug-in\t\tplugin\t\tany\n"
      "one\tmodelo\t\t\t\tany\n";
  tl_gloss *pg = tl_gloss_new();
  tl_error err;

  (void)state;
  assert_int_equal(tl_gloss_load_buffer(pg, "c.tsv", tsv, strlen(tsv), &err),
                   TL_OK);
  for (int round = 0; round < 2; round++) /* built, then read */
    for (uint32_t ci = 0; ci < pg->nc; ci++) {
      size_t n = 99, k = 0;
      const uint32_t *cf = tl_gloss_concept_forms(pg, ci, &n);
      for (size_t fi = 0; fi < pg->nf; fi++)
        if (pg->f[fi].concept == ci) {
          assert_true(k < n);
          assert_int_equal(cf[k], fi);
          k++;
        }
      assert_int_equal(k, n);
    }
  {
    size_t n = 99;
    const uint32_t *cf = tl_gloss_concept_forms(pg, 0, &n);
    assert_int_equal(n, 4);
    assert_string_equal(pg->f[cf[1]].text, "RAG");
    assert_null(tl_gloss_concept_forms(pg, (uint32_t)pg->nc, &n));
    assert_int_equal(n, 0);
  }
  tl_gloss_free(pg);
}

/* A capitalised word one edit from a name: the names are indexed by first
 * letter; the first name in glossary order wins, a plural is no typo, a
 * common term, a forbidden form or a name with a digit is never the name. */
static void test_name_typo(void **state)
{
  static const char tsv[] =
      "id\tpreferred\tforbidden\tcase\n"
      "a\tAnthropic\tAntropic\texact\n"
      "b\tAnthrapic\t\texact\n"
      "c\tbanana split\t\tany\n"
      "d\tBananas\t\texact\n"
      "e\tModel42x\t\texact\n";
  tl_gloss *pg = tl_gloss_new();
  tl_error err;
  const char *r;

  (void)state;
  assert_int_equal(tl_gloss_load_buffer(pg, "n.tsv", tsv, strlen(tsv), &err),
                   TL_OK);
  assert_string_equal(tl_gloss_name_typo(pg, "Anthorpic", 9), "Anthropic");
  /* one edit from both Anthropic and Anthrapic: the first listed */
  r = tl_gloss_name_typo(pg, "Anthrxpic", 9);
  assert_non_null(r);
  assert_string_equal(r, "Anthropic");
  assert_string_equal(tl_gloss_name_typo(pg, "Anthrapik", 9), "Anthrapic");
  assert_null(tl_gloss_name_typo(pg, "Anthropics", 10)); /* a plural */
  assert_null(tl_gloss_name_typo(pg, "Antropik", 8));    /* two edits */
  assert_string_equal(tl_gloss_name_typo(pg, "Banamas", 7), "Bananas");
  assert_null(tl_gloss_name_typo(pg, "Model43x", 8));    /* a digit */
  assert_null(tl_gloss_name_typo(pg, "Cnthropic", 9));   /* first letter */
  tl_gloss_free(pg);
}

/* The keys of the prefixes of a run of words, made in one pass, are the
 * keys tl_gloss_en_key makes of each prefix: every cut of texts with
 * runs of separators, emphasis, line ends and a plural 's'. */
static void test_en_key_cuts(void **state)
{
  static const char *const texts[] = {
      "Fine-Tuning  of LLMs", "large language\nmodels", "a *b* -- c s",
      "Word", "x\t- y-", "GPT Store s"};
  tl_buf one, all;

  (void)state;
  tl_buf_init(&one);
  tl_buf_init(&all);
  for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
    const char *p = texts[t];
    size_t n = strlen(p), cut[64], at[64];
    for (size_t k = 0; k <= n; k++)
      cut[k] = k;
    for (int exact = 0; exact < 2; exact++) {
      tl_buf_clear(&all);
      tl_gloss_en_key_cuts(p, n, exact, cut, n + 1, &all, at);
      assert_int_equal(at[n], all.len);
      for (size_t k = 0; k <= n; k++) {
        tl_buf_clear(&one);
        tl_gloss_en_key(p, k, exact, &one);
        if (at[k] != one.len || memcmp(all.p, one.p, one.len) != 0)
          fail_msg("'%.*s' (%s): '%.*s', one by one '%s'", (int)k, p,
                   exact ? "exact" : "folded", (int)at[k], all.p, one.p);
      }
    }
  }
  tl_buf_fini(&one);
  tl_buf_fini(&all);
}

/* The block's word keys taken from the match's pieces are the keys
 * tl_gloss_token_keys folds: plain, accented, capitalised, plural and
 * hyphenated words, numbers, a leading hyphen; the same matcher's key
 * cache read again by a second text. */
static void test_token_keys_matched(void **state)
{
  static const char *const texts[] = {
      "Os Modelos de linguagem pré-treinados usam aprendizados profundos.",
      "A GPU custa 4,5 mil; -foo e bar- ficam; Ações do GitHub e "
      "ÁRVORES ÚTEIS, papéis e homens.",
      "Os modelos de linguagem, de novo: pré-treinados e redes neurais.",
  };
  tl_matches m;

  (void)state;
  tl_matches_init(&m);
  for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
    const char *text = texts[k];
    tl_seg seg = {0, strlen(text), 0};
    tl_unit u = {TL_BLK_PARA, 0, &seg, 1};
    tl_tokens t;
    tl_buf a, b;
    size_t *oa, *ob;

    tl_tokens_init(&t);
    tl_buf_init(&a);
    tl_buf_init(&b);
    tl_tokenize_unit(&t, text, strlen(text), &u);
    tl_gloss_match(g, sp, text, &t, &m);
    oa = malloc((t.n + 1) * sizeof *oa);
    ob = malloc((t.n + 1) * sizeof *ob);
    tl_gloss_token_keys(text, &t, &a, oa);
    tl_gloss_token_keys_matched(&m, text, &t, &b, ob);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(oa, ob, (t.n + 1) * sizeof *oa);
    if (a.len > 0)
      assert_memory_equal(a.p, b.p, a.len);
    free(oa);
    free(ob);
    tl_buf_fini(&a);
    tl_buf_fini(&b);
    tl_tokens_fini(&t);
  }
  tl_matches_fini(&m);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_plurals_and_gender),
      cmocka_unit_test(test_keyed_match_reuses_keys),
      cmocka_unit_test(test_kept_roots_follow_glossary),
      cmocka_unit_test(test_case_exact_versus_any),
      cmocka_unit_test(test_longest_match_and_no_partial_tokens),
      cmocka_unit_test(test_spacing_and_casing_variants),
      cmocka_unit_test(test_forbidden_forms),
      cmocka_unit_test(test_forbidden_gender_variant),
      cmocka_unit_test(test_terms_do_not_cross_punctuation),
      cmocka_unit_test(test_validation_errors),
      cmocka_unit_test(test_source_column),
      cmocka_unit_test(test_load_missing_and_folder),
      cmocka_unit_test(test_project_glossary_genders_and_spellings),
      cmocka_unit_test(test_pred_forms),
      cmocka_unit_test(test_name_typo),
      cmocka_unit_test(test_concept_forms),
      cmocka_unit_test(test_en_key_cuts),
      cmocka_unit_test(test_token_keys_matched),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
