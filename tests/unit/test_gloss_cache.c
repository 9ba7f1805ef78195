#include "unit.h"

#include "gloss_cache.h"

#include "cachefile.h"

#include <sys/stat.h>
#include <unistd.h>

#define TEST_GLOSSARY "tests/data/glossary/test.tsv"

/* The payload of @g, @c and @w. */
static void encode(const tl_gloss *g, const tl_calques *c,
                   const tl_spell_words *w, tl_buf *out)
{
  tl_buf_init(out);
  tl_gloss_cache_encode(g, c, w, out);
}

static void free_both(tl_gloss *g, tl_calques *c, tl_spell_words *w)
{
  tl_gloss_free(g);
  if (c != NULL)
    tl_calques_fini(c);
  free(c);
  tl_spell_words_fini(w);
  tl_spell_words_init(w);
}

/* The matches of @text as "surface=concept" joined by "; ". */
static void matches(const tl_gloss *g, const char *text, tl_buf *out)
{
  tl_seg seg = {0, strlen(text), 0};
  tl_unit u = {TL_BLK_PARA, 0, &seg, 1};
  tl_tokens t;
  tl_matches m;

  tl_tokens_init(&t);
  tl_matches_init(&m);
  tl_tokenize_unit(&t, text, strlen(text), &u);
  tl_gloss_match(g, NULL, text, &t, &m);
  tl_buf_init(out);
  for (size_t i = 0; i < m.n; i++)
    tl_buf_printf(out, "%s%.*s=%s", i ? "; " : "", (int)m.v[i].len,
                  text + m.v[i].off, g->c[m.v[i].concept].id);
  tl_buf_cstr(out);
  tl_tokens_fini(&t);
  tl_matches_fini(&m);
}

/* The house glossary read back is the glossary written: encoding it again
 * gives the same bytes, and it matches, finds and derives alike. */
static void test_round_trip(void **state)
{
  const char *const paths[] = {"glossary", NULL};
  static const char text[] =
      "O modelo de linguagem grande da OpenAI usa aprendizado por reforço, "
      "pré-treinamento e o Copiloto do GitHub com Hugging Face.";
  tl_gloss *g, *g2;
  tl_calques *c, *c2;
  tl_spell_words w, w2;
  tl_buf a, b, ma, mb;
  tl_error err;

  (void)state;
  tl_spell_words_init(&w);
  tl_spell_words_init(&w2);
  assert_int_equal(tl_gloss_cache_load(NULL, paths, &g, &c, &w, &err), TL_OK);
  assert_non_null(c);
  encode(g, c, &w, &a);
  assert_true(tl_gloss_cache_decode((const unsigned char *)a.p, a.len, &g2,
                                    &c2, &w2));
  encode(g2, c2, &w2, &b);
  assert_int_equal(a.len, b.len);
  assert_memory_equal(a.p, b.p, a.len);
  assert_int_equal(g2->nc, g->nc);
  assert_int_equal(g2->nf, g->nf);
  matches(g, text, &ma);
  matches(g2, text, &mb);
  assert_true(ma.len > 0);
  assert_string_equal(ma.p, mb.p);
  assert_int_equal(tl_gloss_find_en(g2, "reinforcement learning", 22),
                   tl_gloss_find_en(g, "reinforcement learning", 22));
  assert_int_equal(c2->nforms, c->nforms);
  assert_int_equal(c2->near.forms.count, c->near.forms.count);
  /* the speller's words: those tl_gloss_words gives, and the names in
   * capitals too */
  assert_true(w.forms.count > 1000);
  assert_int_equal(w2.forms.count, w.forms.count);
  assert_int_equal(w2.hash, w.hash);
  assert_int_equal(w2.hash, tl_spell_words_hash_of(&w2));
  assert_non_null(tl_map_find(&w2.forms, "OpenAI", 6));
  assert_non_null(tl_map_find(&w2.forms, "OPENAI", 6));
  assert_non_null(tl_map_find(&w2.forms, "pré-treinamento", 16));
  /* read where they lie: the strings and keys are the payload's */
  assert_true(g2->c[0].id >= a.p && g2->c[0].id < a.p + a.len);
  assert_true(w2.forms.count == 0 || w2.forms.keys.head == NULL);
  free_both(g, c, &w);
  free_both(g2, c2, &w2); /* before the payload they lie in */
  tl_buf_fini(&a);
  tl_buf_fini(&b);
  tl_buf_fini(&ma);
  tl_buf_fini(&mb);
}

/* The trie root's bit set of a glossary read back is filled while its
 * edges are decoded, not built by a scan of them: every form of the house
 * glossary, written alone, matches in the read-back glossary as in the
 * parsed one (a root key left out of the bit set would match nothing). */
static void test_root_bits_decoded(void **state)
{
  const char *const paths[] = {"glossary", NULL};
  tl_gloss *g, *g2;
  tl_calques *c, *c2;
  tl_spell_words w, w2;
  tl_buf a, text, ma, mb;
  tl_error err;

  (void)state;
  tl_spell_words_init(&w);
  tl_spell_words_init(&w2);
  assert_int_equal(tl_gloss_cache_load(NULL, paths, &g, &c, &w, &err), TL_OK);
  encode(g, c, &w, &a);
  assert_true(tl_gloss_cache_decode((const unsigned char *)a.p, a.len, &g2,
                                    &c2, &w2));
  tl_buf_init(&text);
  for (size_t i = 0; i < g->nf; i++)
    tl_buf_printf(&text, "%s. ", g->f[i].text);
  tl_buf_cstr(&text);
  /* g2 first: its bit set is the decoded one, not one built on first use */
  matches(g2, text.p, &mb);
  matches(g, text.p, &ma);
  assert_true(ma.len > 1000);
  assert_string_equal(ma.p, mb.p);
  free_both(g, c, &w);
  free_both(g2, c2, &w2);
  tl_buf_fini(&a);
  tl_buf_fini(&text);
  tl_buf_fini(&ma);
  tl_buf_fini(&mb);
}

/* The bounds of @near (tl_nearmiss_en_first) that test_en_first_bounds
 * asks, as "word=bound" joined by " ". */
static void en_bounds(const tl_nearmiss *near, tl_buf *out)
{
  static const char *const words[] = {
      "prompt", "Prompts",  "injection", "vector", "Vector", "sparse",
      "Sparse", "model",    "Models",    "agent",  "Brazilian", "floating",
      "Reinforcement", NULL};

  tl_buf_init(out);
  for (size_t i = 0; words[i] != NULL; i++)
    tl_buf_printf(out, "%s%s=%u", i ? " " : "", words[i],
                  tl_nearmiss_en_first(near, words[i], strlen(words[i])));
  tl_buf_cstr(out);
}

/* The bound on the English runs that terminology.english tries at a word
 * (check_english.c): the most words of any term a run opening with it may
 * match, counting '_' and '*' as separators (a run joins words across
 * them), names too (looked for from a common term's first word), and a
 * first word with its plural 's' cut; the same after a cache round trip.
 * A bound short of the longest term would lose that term's findings. */
static void test_en_first_bounds(void **state)
{
  static const char tsv[] =
      "id\ten\tpreferred\tcase\n"
      "pi\tprompt injection\tinjeção de prompt\tany\n"
      "pisa\tprompt injection attack surface map\tmapa de ataque\tany\n"
      "vec\tvector\tvetor\tany\n"
      "vsi\tvector_store*index\tíndice vetorial\tany\n"
      "sparse\tsparse\tesparso\tany\n"
      "smr\tSparse Mixture Router Kit\tSparse Mixture Router Kit\texact\n"
      "model\tmodel\tmodelo\tany\n"
      "mhs\tModels Hub Suite|Models Hub\tModels Hub Suite\texact\n"
      "agent\tagent|agent loop\tagente\tany\n";
  const char *const paths[] = {"glossary", NULL};
  tl_gloss *g = tl_gloss_new(), *g2, *hg;
  tl_calques *c = tl_xcalloc(1, sizeof *c), *c2, *hc;
  tl_spell_words w, w2, hw;
  tl_buf a, before, after;
  tl_error err;

  (void)state;
  assert_int_equal(tl_gloss_load_buffer(g, "b.tsv", tsv, strlen(tsv), &err),
                   TL_OK);
  tl_calques_init(c, g);
  tl_spell_words_init(&w);
  tl_spell_words_init(&w2);
  en_bounds(&c->near, &before);
  /* "injection" opens no term; "agent" 2 through "agent loop"; a name is
   * looked for only from a common term's first word: "model" covers
   * "Models Hub Suite" (3), asked as "Models" or "model" */
  assert_string_equal(before.p, "prompt=5 Prompts=5 injection=0 vector=3 "
                                "Vector=3 sparse=4 Sparse=4 model=3 "
                                "Models=3 agent=2 Brazilian=0 floating=0 "
                                "Reinforcement=0");
  encode(g, c, &w, &a);
  assert_true(tl_gloss_cache_decode((const unsigned char *)a.p, a.len, &g2,
                                    &c2, &w2));
  en_bounds(&c2->near, &after);
  assert_string_equal(after.p, before.p);
  free_both(g, c, &w);
  free_both(g2, c2, &w2);
  tl_buf_fini(&a);
  tl_buf_fini(&before);
  tl_buf_fini(&after);
  /* the house glossary: "Brazilian Civil Rights Framework for the
   * Internet" (a name, 7 words) opens with a common term's first word
   * ("Brazilian AI Bill"); "floating-point operations per second" (5) */
  tl_spell_words_init(&hw);
  assert_int_equal(tl_gloss_cache_load(NULL, paths, &hg, &hc, &hw, &err),
                   TL_OK);
  en_bounds(&hc->near, &before);
  assert_non_null(strstr(before.p, " Brazilian=7 floating=5 "
                                   "Reinforcement=5"));
  free_both(hg, hc, &hw);
  tl_buf_fini(&before);
}

/* Every key of @m passes its filter and is found through it. */
static void assert_filter_complete(const tl_map *m)
{
  size_t keys = 0;

  assert_non_null(m->filter);
  for (size_t i = 0; i < m->cap; i++) {
    const tl_map_slot *s = &m->slots[i];
    if (s->key == NULL)
      continue;
    assert_true(tl_map_may_have(m, s->key, s->len));
    assert_ptr_equal(tl_map_find_filtered(m, s->key, s->len), s);
    keys++;
  }
  assert_int_equal(keys, m->count);
  assert_true(keys > 0);
}

/* The filtered maps (English terms, calques, near misses): every key passes
 * the filter in the glossary parsed (filled by the puts) and in the one
 * read back (filled by the cache reader), and the three lookups through
 * it answer alike in both. */
static void test_map_filters(void **state)
{
  const char *const paths[] = {"glossary", NULL};
  tl_gloss *g, *g2;
  tl_calques *c, *c2;
  tl_spell_words w, w2;
  tl_buf a;
  tl_error err;

  (void)state;
  tl_spell_words_init(&w);
  tl_spell_words_init(&w2);
  assert_int_equal(tl_gloss_cache_load(NULL, paths, &g, &c, &w, &err), TL_OK);
  encode(g, c, &w, &a);
  assert_true(tl_gloss_cache_decode((const unsigned char *)a.p, a.len, &g2,
                                    &c2, &w2));
  assert_filter_complete(&g->en);
  assert_filter_complete(&c->forms);
  assert_filter_complete(&c->near.forms);
  assert_filter_complete(&g2->en);
  assert_filter_complete(&c2->forms);
  assert_filter_complete(&c2->near.forms);
  for (size_t i = 0; i < g->en.cap; i++) {
    const tl_map_slot *s = &g->en.slots[i];
    if (s->key != NULL)
      assert_int_equal(tl_gloss_find_en_key(g2, s->key, s->len),
                       (long)s->value - 1);
  }
  for (size_t i = 0; i < c->forms.cap; i++) {
    const tl_map_slot *s = &c->forms.slots[i];
    if (s->key != NULL)
      assert_int_equal(tl_calques_find(c2, s->key, s->len), s->value);
  }
  for (size_t i = 0; i < c->near.forms.cap; i++) {
    const tl_map_slot *s = &c->near.forms.slots[i];
    if (s->key != NULL)
      assert_int_equal(tl_nearmiss_find(&c2->near, s->key, s->len),
                       tl_nearmiss_find(&c->near, s->key, s->len));
  }
  free_both(g, c, &w);
  free_both(g2, c2, &w2);
  tl_buf_fini(&a);
}

/* A payload cut anywhere is refused; one with any byte changed is refused
 * or read without reading out of bounds (ASan and valgrind watch). */
static void test_damaged_payloads(void **state)
{
  const char *const paths[] = {TEST_GLOSSARY, NULL};
  tl_gloss *g, *g2;
  tl_calques *c, *c2;
  tl_spell_words w, w2;
  tl_buf a;
  tl_error err;
  size_t refused = 0;

  (void)state;
  tl_spell_words_init(&w);
  tl_spell_words_init(&w2);
  assert_int_equal(tl_gloss_cache_load(NULL, paths, &g, &c, &w, &err), TL_OK);
  encode(g, c, &w, &a);
  for (size_t n = 0; n < a.len; n++) {
    assert_false(tl_gloss_cache_decode((const unsigned char *)a.p, n, &g2,
                                       &c2, &w2));
    assert_null(g2);
    assert_int_equal(w2.forms.count, 0);
  }
  for (size_t i = 0; i < a.len; i++) {
    a.p[i] = (char)(a.p[i] ^ 0x5A);
    if (tl_gloss_cache_decode((const unsigned char *)a.p, a.len, &g2, &c2,
                              &w2)) {
      tl_buf m;
      matches(g2, "modelo de linguagem grande e aprendizado por reforço", &m);
      tl_buf_fini(&m);
      (void)tl_map_find(&w2.forms, "modelo", 6);
      free_both(g2, c2, &w2);
    } else {
      refused++;
    }
    a.p[i] = (char)(a.p[i] ^ 0x5A);
  }
  assert_true(refused > 0);
  tl_buf_fini(&a);
  free_both(g, c, &w);
}

/* With a folder: the first load writes the file, the second reads it
 * (the same glossary), an edit of the glossary is seen. */
static void test_file_written_and_read(void **state)
{
  char dir[] = "/tmp/tl-gcache-XXXXXX", gl[64], cmd[200];
  const char *paths[] = {gl, NULL};
  tl_gloss *g, *g2, *g3;
  tl_calques *c, *c2, *c3;
  tl_spell_words w, w2, w3;
  tl_buf a, b;
  tl_error err;
  FILE *fp;

  (void)state;
  tl_spell_words_init(&w);
  tl_spell_words_init(&w2);
  tl_spell_words_init(&w3);
  assert_non_null(mkdtemp(dir));
  snprintf(gl, sizeof gl, "%s/g.tsv", dir);
  snprintf(cmd, sizeof cmd, "cp %s %s", TEST_GLOSSARY, gl);
  assert_int_equal(system(cmd), 0);
  assert_int_equal(tl_gloss_cache_load(dir, paths, &g, &c, &w, &err), TL_OK);
  snprintf(cmd, sizeof cmd, "ls %s/glossary-*.bin >/dev/null 2>&1", dir);
  assert_int_equal(system(cmd), 0);
  assert_int_equal(tl_gloss_cache_load(dir, paths, &g2, &c2, &w2, &err), TL_OK);
  encode(g, c, &w, &a);
  encode(g2, c2, &w2, &b);
  assert_int_equal(a.len, b.len);
  assert_memory_equal(a.p, b.p, a.len);
  /* one more concept: the cache is not taken for it */
  fp = fopen(gl, "a");
  assert_non_null(fp);
  fputs("extra-concept\t\tconceito extra\t\t\t\t\tany\t\n", fp);
  fclose(fp);
  assert_int_equal(tl_gloss_cache_load(dir, paths, &g3, &c3, &w3, &err), TL_OK);
  assert_int_equal(g3->nc, g->nc + 1);
  assert_non_null(tl_map_find(&w3.forms, "extra", 5));
  assert_null(tl_map_find(&w2.forms, "extra", 5));
  tl_buf_fini(&a);
  tl_buf_fini(&b);
  free_both(g, c, &w);
  free_both(g2, c2, &w2);
  free_both(g3, c3, &w3);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  assert_int_equal(system(cmd), 0);
}

/* A source file's identity hashed in pieces (the warm path) is the one of
 * the file read whole (the cold path's, which parses the text it names),
 * at every length around the pieces' and the hash's steps. */
static void test_identity_in_pieces(void **state)
{
  static const size_t sizes[] = {0,     1,     3,     4,     5,     7,
                                 8,     9,     15,    16,    31,    32,
                                 33,    63,    64,    65,    4095,  32767,
                                 32768, 32769, 32775, 32800, 65536, 100003};
  char path[] = "/tmp/tl-ident-XXXXXX";
  int fd = mkstemp(path);

  (void)state;
  assert_true(fd >= 0);
  close(fd);
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    FILE *fp = fopen(path, "wb");
    tl_buf a, b;
    unsigned char *text;
    size_t len;
    for (size_t i = 0; i < sizes[k]; i++)
      fputc((int)((i * 2654435761u) >> 13 & 0xFF), fp);
    fclose(fp);
    tl_buf_init(&a);
    tl_buf_init(&b);
    assert_true(tl_cachefile_file_identity(path, &a, NULL, NULL));
    assert_true(tl_cachefile_file_identity(path, &b, &text, &len));
    assert_int_equal(len, sizes[k]);
    assert_string_equal(tl_buf_cstr(&a), tl_buf_cstr(&b));
    free(text);
    tl_buf_fini(&a);
    tl_buf_fini(&b);
  }
  unlink(path);
  assert_false(tl_cachefile_file_identity(path, &(tl_buf){0}, NULL, NULL));
}

/* A cache file is mapped, not read: the image's bytes are the file's, and
 * a file replaced by a rename leaves the mapping whole. */
static void test_image(void **state)
{
  char dir[] = "/tmp/tl-image-XXXXXX", path[64];
  tl_cache_image *im, *im2;
  tl_error err;
  bool missing;

  (void)state;
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/f.bin", dir);
  assert_null(tl_cache_image_open(path, &missing));
  assert_true(missing);
  assert_int_equal(tl_cachefile_write(dir, path, ".f-", "first", 5, &err), TL_OK);
  im = tl_cache_image_open(path, &missing);
  assert_non_null(im);
  assert_non_null(im->map);
  assert_int_equal(im->len, 5);
  assert_memory_equal(im->p, "first", 5);
  assert_int_equal(tl_cachefile_write(dir, path, ".f-", "second!", 7, &err), TL_OK);
  assert_memory_equal(im->p, "first", 5);
  im2 = tl_cache_image_open(path, &missing);
  assert_int_equal(im2->len, 7);
  assert_memory_equal(im2->p, "second!", 7);
  tl_cache_image_free(im);
  tl_cache_image_free(im2);
  assert_int_equal(tl_cachefile_write(dir, path, ".f-", "", 0, &err), TL_OK);
  im = tl_cache_image_open(path, &missing); /* empty: nothing mapped */
  assert_non_null(im);
  assert_int_equal(im->len, 0);
  tl_cache_image_free(im);
  tl_cache_image_free(NULL);
  assert_null(tl_cache_image_open(dir, &missing)); /* a folder */
  assert_false(missing);
  unlink(path);
  rmdir(dir);
}

/* The cache files' checksum: the crc32 instruction's path (where the
 * processor has it) and the table's give the same value at every length
 * around the 32-byte blocks, and a flipped bit anywhere, a byte cut off or
 * a zero byte added changes it, on both paths. */
static void test_checksum_paths(void **state)
{
  enum { N = 4200 };
  unsigned char *b = malloc(N + 1);
  uint32_t x = 12345;

  (void)state;
  assert_non_null(b);
  for (size_t i = 0; i < N; i++) {
    x = x * 1103515245u + 12345u;
    b[i] = (unsigned char)(x >> 16);
  }
  for (size_t n = 0; n <= 300; n++)
    assert_true(tl_cachefile_checksum(b, n, true) ==
                tl_cachefile_checksum(b, n, false));
  assert_true(tl_cachefile_checksum(b, N, true) ==
              tl_cachefile_checksum(b, N, false));
  for (int portable = 0; portable < 2; portable++) {
    uint64_t whole = tl_cachefile_checksum(b, 1000, portable);
    for (size_t i = 0; i < 1000 * 8; i++) {
      b[i / 8] ^= (unsigned char)(1u << (i % 8));
      assert_true(tl_cachefile_checksum(b, 1000, portable) != whole);
      b[i / 8] ^= (unsigned char)(1u << (i % 8));
    }
    assert_true(tl_cachefile_checksum(b, 999, portable) != whole);
    b[1000] = 0;
    assert_true(tl_cachefile_checksum(b, 1001, portable) != whole);
    assert_true(tl_cachefile_checksum(b, 1000, portable) == whole);
  }
  free(b);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_round_trip),
      cmocka_unit_test(test_root_bits_decoded),
      cmocka_unit_test(test_en_first_bounds),
      cmocka_unit_test(test_map_filters),
      cmocka_unit_test(test_damaged_payloads),
      cmocka_unit_test(test_file_written_and_read),
      cmocka_unit_test(test_identity_in_pieces),
      cmocka_unit_test(test_image),
      cmocka_unit_test(test_checksum_paths),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
