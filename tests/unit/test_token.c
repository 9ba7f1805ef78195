#include "unit.h"

#include "token.h"
#include "utf8.h"

#include <utf8proc.h>

/* Tokenize a one-paragraph Markdown-free text: a single segment. */
static tl_tokens toks;

static void tok(const char *text)
{
  tl_seg seg = {0, strlen(text), 0};
  tl_unit u = {TL_BLK_PARA, 0, &seg, 1};

  tl_tokenize_unit(&toks, text, strlen(text), &u);
}

/* The tokens as "text/kind" joined by spaces; kind W, N or M. */
static char *show(const char *text)
{
  static char buf[1024];
  size_t n = 0;

  tok(text);
  buf[0] = '\0';
  for (size_t i = 0; i < toks.n; i++) {
    const tl_token *t = &toks.v[i];
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%.*s/%c",
                          i ? " " : "", (int)t->len, text + t->off,
                          "WNM"[t->kind]);
  }
  return buf;
}

static int teardown(void **state)
{
  (void)state;
  tl_tokens_fini(&toks);
  return 0;
}

static void test_accented_words_are_whole(void **state)
{
  (void)state;
  assert_string_equal(show("Ação, coração e órgão; João."),
                      "Ação/W coração/W e/W órgão/W João/W");
}

static void test_hyphens_and_apostrophes(void **state)
{
  (void)state;
  assert_string_equal(
      show("O pré-treinamento, o guarda-chuva e a autoavaliação d'água."),
      "O/W pré-treinamento/W o/W guarda-chuva/W e/W a/W autoavaliação/W "
      "d'água/W");
  assert_int_equal(toks.v[1].flags & TL_TF_HYPHEN, TL_TF_HYPHEN);
  assert_string_equal(show("d’água - fim -- x-"), "d’água/W fim/W x/W");
}

static void test_numbers_and_versions(void **state)
{
  (void)state;
  assert_string_equal(show("86,4% de 1.000 e 3.2 vezes."),
                      "86,4/N de/W 1.000/N e/W 3.2/N vezes/W");
  assert_string_equal(show("GPT-4o, o3, R1 e Gemini 2.5 Pro, GPT-4.1."),
                      "GPT-4o/M o3/M R1/M e/W Gemini/W 2.5/N Pro/W GPT-4.1/M");
}

static void test_sentence_starts(void **state)
{
  (void)state;
  tok("O modelo saiu. Depois, o Dr. Silva falou! E então? Fim");
  /* O modelo saiu | Depois o Dr Silva falou | E então | Fim */
  assert_true(toks.v[0].flags & TL_TF_SENT_START);
  assert_false(toks.v[1].flags & TL_TF_SENT_START);
  assert_true(toks.v[3].flags & TL_TF_SENT_START); /* Depois */
  assert_false(toks.v[6].flags & TL_TF_SENT_START); /* Silva after Dr. */
  assert_true(toks.v[8].flags & TL_TF_SENT_START);  /* E */
  assert_true(toks.v[10].flags & TL_TF_SENT_START); /* Fim */
  assert_int_equal(toks.v[10].sent, toks.v[0].sent + 3);
}

static void test_case_flags(void **state)
{
  (void)state;
  tok("OpenAI LLM iPhone Zhipu treino");
  assert_true(toks.v[0].flags & TL_TF_INNERCAP);
  assert_true(toks.v[1].flags & TL_TF_ALLCAPS);
  assert_true(toks.v[2].flags & TL_TF_INNERCAP);
  assert_true(toks.v[3].flags & TL_TF_CAP);
  assert_false(toks.v[3].flags & (TL_TF_ALLCAPS | TL_TF_INNERCAP));
  assert_false(toks.v[4].flags & TL_TF_CAP);
}

/* Every token of up to four characters from {a, B, 7, é, É}, so that the
 * tokenizer's ASCII run (after a token's first letter) meets every other
 * path at every place: its flags and kind against their definitions. */
static void test_case_flags_every_shape(void **state)
{
  static const char *const ch[] = {"a", "B", "7", "\xC3\xA9", "\xC3\x89"};
  static const char *const after[] = {"", " ", ")", ",", "- x",
                                      "\xC2\xA0"};
  (void)state;
  for (unsigned len = 1; len <= 4; len++) {
    unsigned total = 1;
    for (unsigned i = 0; i < len; i++)
      total *= 5;
    for (unsigned code = 0; code < total; code++) {
      char text[32] = "";
      unsigned c = code, letters = 0, expect = TL_TF_ASCII;
      bool first = true, upper_all = true, lower_any = false, later = false;
      bool digit = false, upper_any = false;
      for (unsigned i = 0; i < len; i++, c /= 5) {
        unsigned x = c % 5;
        bool up = x == 1 || x == 4;
        strcat(text, ch[x]);
        if (x >= 3)
          expect &= ~(unsigned)TL_TF_ASCII;
        if (x == 2) {
          digit = true;
          continue;
        }
        letters++;
        if (first && up)
          expect |= TL_TF_CAP;
        if (!first && up)
          later = true;
        upper_any |= up;
        upper_all &= up;
        lower_any |= !up;
        first = false;
      }
      if (upper_all && letters >= 2)
        expect |= TL_TF_ALLCAPS;
      if (later && lower_any)
        expect |= TL_TF_INNERCAP;
      if ((expect & TL_TF_ASCII) && !upper_any)
        expect |= TL_TF_LOWER;
      expect |= TL_TF_SENT_START;
      /* alone, and ended by white space or closing punctuation, the run is
       * the token (scan_segment's ASCII word, when it is one); ended by a
       * comma or a hyphen, scan_token reads it */
      for (unsigned s = 0; s < sizeof after / sizeof after[0]; s++) {
        char with[40];
        snprintf(with, sizeof with, "%s%s", text, after[s]);
        tok(with);
        assert_int_equal(toks.n, s == 4 ? 2 : 1);
        assert_int_equal(toks.v[0].len, strlen(text));
        assert_int_equal(toks.v[0].flags, expect);
        assert_int_equal(toks.v[0].kind,
                         letters && digit ? TL_TOK_MIXED
                                          : (letters ? TL_TOK_WORD
                                                     : TL_TOK_NUMBER));
      }
    }
  }
}

/* scan_segment reads a run that is one ASCII word (a letter, then
 * letters and digits, up to white space or closing punctuation) without
 * scan_token. Words joined by NBSP make every run longer than its word, so
 * scan_token reads them all: both texts must give the same tokens. */
static void test_ascii_words_as_scan_token_reads_them(void **state)
{
  static const char *const words[] = {
      "A", "guarda-chuva", "d'água", "Ação", "GPT", "iPhone", "OpenAI",
      "x86", "7B", "GPT-4o", "a", "É", "\xF0\x9F\x99\x82", "ABC", "fim.",
      "Começo", "(ok)", "l\xC3\xADngua", "TEXTO", "mAIs", "e", "Ab1",
      "\"citado\"", "*ênfase*", "3,5", "ÉPOCA", "AI", "Z", "zz", "Olá!",
      "ok", "s\xE2", "fim"};
  char spaced[512] = "", joined[512] = "";
  tl_token *v;
  size_t n;

  (void)state;
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
    strcat(spaced, i ? " " : "");
    strcat(spaced, words[i]);
    strcat(joined, i ? "\xC2\xA0" : "");
    strcat(joined, words[i]);
  }
  tok(spaced);
  n = toks.n;
  v = malloc(n * sizeof *v);
  assert_non_null(v);
  memcpy(v, toks.v, n * sizeof *v);
  tok(joined);
  assert_int_equal(toks.n, n);
  for (size_t i = 0; i < n; i++) {
    assert_memory_equal(spaced + v[i].off, joined + toks.v[i].off,
                        v[i].len);
    assert_int_equal(v[i].len, toks.v[i].len);
    assert_int_equal(v[i].kind, toks.v[i].kind);
    assert_int_equal(v[i].flags, toks.v[i].flags);
    /* sentences are numbered on through the document */
    assert_int_equal(v[i].sent - v[0].sent, toks.v[i].sent - toks.v[0].sent);
  }
  assert_true(toks.v[n - 1].sent > toks.v[0].sent);
  free(v);
}

static void test_urls_emails_roles_skipped(void **state)
{
  (void)state;
  assert_string_equal(
      show("Veja https://exemplo.com/paginaa, www.site.com.br e "
           "fulano@exemplo.com.br hoje."),
      "Veja/W e/W hoje/W");
  assert_string_equal(show("Em :numref: e :end_tab: fim, hora:minuto"),
                      "Em/W e/W fim/W hora/W minuto/W");
}

static void test_handles_and_hashtags_skipped(void **state)
{
  (void)state;
  assert_string_equal(show("O perfil @sama_altman postou #IAGenerativa no "
                           "blog #Hashtag."),
                      "O/W perfil/W postou/W no/W blog/W");
  /* a number after '#' stays; C# is a word and its sign */
  assert_string_equal(show("O item #3 de C#, e-mail@"),
                      "O/W item/W 3/N de/W C/W e-mail/W");
}

static void test_format_characters(void **state)
{
  (void)state;
  /* zero-width space between words separates; inside a word it is kept */
  assert_string_equal(show("variáveis\xE2\x80\x8B\xE2\x80\x8B latentes"),
                      "variáveis/W latentes/W");
  assert_string_equal(show("apren\xE2\x80\x8B" "dizado"),
                      "apren\xE2\x80\x8B" "dizado/W");
}

static void test_key_is_nfc(void **state)
{
  /* "ação" with combining marks: a + c + U+0327 + a + U+0303 + o */
  const char *text = "ac\xCC\xA7" "a\xCC\x83o";
  tl_buf key;

  (void)state;
  tok(text);
  assert_int_equal(toks.n, 1);
  tl_buf_init(&key);
  tl_token_key(text, &toks.v[0], &key);
  assert_string_equal(tl_buf_cstr(&key), "ação");
  tl_buf_fini(&key);
}

/* tl_utf8_validate reads ASCII 8 bytes at a time and two-byte sequences
 * inline: a bad sequence is found at its offset whatever the ASCII before
 * it (0 to 17 bytes: each alignment of the 8-byte step), and good ones of
 * every length pass. */
static void test_validate_every_offset(void **state)
{
  static const struct {
    const char *seq;
    bool ok;
  } cases[] = {
      {"\xC3\xA7", true},          {"\xE2\x82\xAC", true},
      {"\xF0\x9F\x98\x80", true},  {"\xC2\x80", true},
      {"\xDF\xBF", true},          {"\xC0\x80", false}, /* overlong */
      {"\xC1\xBF", false},         {"\x80", false},     /* lone continuation */
      {"\xC3", false},             /* cut short */
      {"\xC3\x41", false},         {"\xED\xA0\x80", false}, /* surrogate */
      {"\xF4\x90\x80\x80", false}, /* above U+10FFFF */
      {"\xFF", false},
  };
  char text[64];

  (void)state;
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
    for (size_t pre = 0; pre <= 17; pre++)
      for (size_t post = 0; post <= 9; post += 9) {
        size_t n = strlen(cases[c].seq), len;
        memset(text, 'a', pre);
        memcpy(text + pre, cases[c].seq, n);
        memset(text + pre + n, 'b', post);
        len = pre + n + post;
        if (cases[c].ok)
          assert_int_equal(tl_utf8_validate(text, len), len);
        else
          assert_int_equal(tl_utf8_validate(text, len), pre);
      }
}

/* tl_utf8_lower and tl_utf8_fold append: ASCII runs and accented capitals
 * alike. */
static void test_lower_appends(void **state)
{
  tl_buf b;

  (void)state;
  tl_buf_init(&b);
  tl_buf_adds(&b, "X:");
  tl_utf8_lower("ÁRVORE Útil ABCDEFGHIJKLMNOPQRSTUVWXYZ-ÇÃO@[`{",
                strlen("ÁRVORE Útil ABCDEFGHIJKLMNOPQRSTUVWXYZ-ÇÃO@[`{"), &b);
  assert_string_equal(b.p, "X:árvore útil abcdefghijklmnopqrstuvwxyz-ção@[`{");
  tl_buf_clear(&b);
  tl_utf8_fold("Árvore de DECISÃO, Straße", strlen("Árvore de DECISÃO, Straße"), &b);
  assert_string_equal(b.p, "arvore de decisao, strasse");
  tl_buf_fini(&b);
}

/* The folded form utf8proc gives p[0..n) (what tl_utf8_fold must give). */
static void utf8proc_fold(const char *p, size_t n, tl_buf *out)
{
  utf8proc_uint8_t *dst = NULL;
  utf8proc_ssize_t k = utf8proc_map(
      (const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n, &dst,
      (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                          UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK));

  tl_buf_clear(out);
  assert_true(k >= 0);
  tl_buf_add(out, dst, (size_t)k);
  tl_buf_cstr(out);
  free(dst);
}

/* tl_utf8_fold's constant table (src/fold_table.h, tools/fold_table.py)
 * is what the utf8proc linked gives, code point by code point from U+0080
 * to U+024F, and a string of all of them folds as utf8proc folds it whole
 * (else: regenerate the table with tools/fold_table.py). */
static void test_fold_table(void **state)
{
  tl_buf one, want, got, all;

  (void)state;
  tl_buf_init(&one);
  tl_buf_init(&want);
  tl_buf_init(&got);
  tl_buf_init(&all);
  for (int32_t cp = 0x80; cp < 0x250; cp++) {
    tl_buf_clear(&one);
    tl_utf8_encode(cp, &one);
    tl_buf_add(&all, one.p, one.len);
    tl_buf_addc(&all, 'x');
    utf8proc_fold(one.p, one.len, &want);
    tl_buf_clear(&got);
    tl_utf8_fold(one.p, one.len, &got);
    tl_buf_cstr(&got);
    if (strcmp(got.p, want.p) != 0)
      fail_msg("U+%04X folds to '%s', utf8proc says '%s'", (unsigned)cp,
               got.p, want.p);
  }
  utf8proc_fold(all.p, all.len, &want);
  tl_buf_clear(&got);
  tl_utf8_fold(all.p, all.len, &got);
  tl_buf_cstr(&got);
  assert_string_equal(got.p, want.p);
  tl_buf_fini(&one);
  tl_buf_fini(&want);
  tl_buf_fini(&got);
  tl_buf_fini(&all);
}

/* tl_utf8_lower's ASCII runs go 8 bytes a step: every start and length of
 * a text with every ASCII byte, upper and lower case at each position of
 * the step, and a non-ASCII letter that ends the fast run, gives what a
 * byte-by-byte lowering gives. */
static void test_lower_every_alignment(void **state)
{
  char text[300], want[300];
  size_t n = 0;
  tl_buf b;

  (void)state;
  for (int ch = 1; ch < 128; ch++)
    text[n++] = (char)ch;
  memcpy(text + n, "@AZ[`az{Ção", strlen("@AZ[`az{Ção"));
  n += strlen("@AZ[`az{Ção");
  for (size_t i = 0; i < 40; i++)
    text[n++] = (char)(i % 2 ? 'A' + i % 26 : 'z' - i % 26);
  tl_buf_init(&b);
  for (size_t from = 0; from < 16; from++)
    for (size_t len = 0; from + len <= n; len++) {
      size_t w = 0;
      for (size_t i = from; i < from + len; i++)
        want[w++] = (char)(text[i] >= 'A' && text[i] <= 'Z' ? text[i] + 32
                                                            : text[i]);
      if (len > 0 && memcmp(text + from + len - 1, "\xc3", 1) == 0)
        continue; /* half a two-byte letter: not a string */
      tl_buf_clear(&b);
      tl_utf8_lower(text + from, len, &b);
      if (memchr(text + from, 0xC3, len) != NULL) { /* the Ç: lowered */
        const char *c = memchr(text + from, 0xC3, len);
        size_t at = (size_t)(c - text - (ptrdiff_t)from);
        if (at + 1 < len)
          want[at + 1] = (char)0xA7; /* U+00C7 -> U+00E7 */
      }
      assert_int_equal(b.len, len);
      assert_memory_equal(b.p, want, len);
    }
  tl_buf_fini(&b);
}

/* TL_TF_LOWER marks the tokens that are their own lower case (ASCII, no
 * capital): tl_token_lower hands back the document's bytes for them and
 * lowers the others; tl_token_in_list agrees either way. */
static void test_lower_flag(void **state)
{
  static const char *const LIST[] = {"um", "dois", "três", "quatro",
                                     "cinco", "seis", "sete", "oito",
                                     "nove", "de-a", "gpt-4o", NULL};
  const char *text = "dois Dois TRÊS três gpt-4o GPT-4o De-A 12 ação x";
  tl_buf b;
  size_t n;
  const char *s;

  (void)state;
  tok(text);
  assert_int_equal(toks.n, 10);
  assert_true(toks.v[0].flags & TL_TF_LOWER);   /* dois */
  assert_false(toks.v[1].flags & TL_TF_LOWER);  /* Dois */
  assert_false(toks.v[2].flags & TL_TF_LOWER);  /* TRÊS */
  assert_false(toks.v[3].flags & TL_TF_LOWER);  /* três: not ASCII */
  assert_true(toks.v[4].flags & TL_TF_LOWER);   /* gpt-4o */
  assert_false(toks.v[5].flags & TL_TF_LOWER);  /* GPT-4o */
  assert_false(toks.v[6].flags & TL_TF_LOWER);  /* De-A */
  assert_true(toks.v[7].flags & TL_TF_LOWER);   /* 12 */
  assert_false(toks.v[8].flags & TL_TF_LOWER);  /* ação */
  assert_true(toks.v[9].flags & TL_TF_LOWER);   /* x */
  tl_buf_init(&b);
  s = tl_token_lower(text, &toks.v[0], &b, &n);
  assert_ptr_equal(s, text); /* no copy */
  assert_int_equal(n, 4);
  s = tl_token_lower(text, &toks.v[2], &b, &n);
  assert_int_equal(n, strlen("três"));
  assert_memory_equal(s, "três", n);
  s = tl_token_lower(text, &toks.v[6], &b, &n);
  assert_memory_equal(s, "de-a", 4);
  for (size_t i = 0; i < 4; i++)
    assert_true(tl_token_in_list(text, &toks.v[i], LIST));
  assert_false(tl_token_in_list(text, &toks.v[4], LIST)); /* MIXED */
  assert_true(tl_token_in_list(text, &toks.v[6], LIST));
  assert_false(tl_token_in_list(text, &toks.v[8], LIST));
  assert_false(tl_token_in_list(text, &toks.v[9], LIST));
  tl_buf_fini(&b);
}

/* tl_utf8_lower's two-byte Latin-1 path gives what utf8proc gives, for
 * every code point U+00C0..U+00FF (capitals, the sign x, sharp s, small
 * letters). */
static void test_lower_latin1(void **state)
{
  tl_buf b;

  (void)state;
  tl_buf_init(&b);
  for (int32_t cp = 0xC0; cp <= 0xFF; cp++) {
    char in[2] = {(char)(0xC0 | (cp >> 6)), (char)(0x80 | (cp & 0x3F))};
    tl_buf want;
    tl_buf_init(&want);
    tl_utf8_encode(tl_cp_lower(cp), &want);
    tl_buf_clear(&b);
    tl_utf8_lower(in, 2, &b);
    assert_int_equal(b.len, want.len);
    assert_memory_equal(b.p, want.p, want.len);
    tl_buf_fini(&want);
  }
  tl_buf_clear(&b);
  tl_utf8_lower("\xC3", 1, &b); /* a lead byte alone: U+FFFD, as before */
  assert_int_equal(b.len, 3);
  tl_buf_fini(&b);
}

/* tl_tokens_adjacent answers one space inline and scans any other gap:
 * both answers agree with the scan on every pair of tokens, for gaps
 * that open with a space and one that does not. */
static void test_adjacent_inline_and_scan(void **state)
{
  static const char *const texts[] = {
      "um modelo  de *linguagem* grande", "a-b c\td\ne_f g . h",
      "Fim. Outro começo? Sim, e  não", "x\r\ny **z** w-v", NULL};
  static const char *const gaps[] = {" \n-", " \t\r\n*_", " \t\r\n*_-",
                                     "\n ", "-", NULL};
  (void)state;
  for (size_t i = 0; texts[i] != NULL; i++) {
    tok(texts[i]);
    for (size_t a = 0; a < toks.n; a++)
      for (size_t b = 0; b < toks.n; b++)
        for (size_t g = 0; gaps[g] != NULL; g++)
          assert_int_equal(
              tl_tokens_adjacent(texts[i], &toks.v[a], &toks.v[b], gaps[g]),
              tl_tokens_adjacent_scan(texts[i], &toks.v[a], &toks.v[b],
                                      gaps[g]));
  }
  tok("um modelo  de x");
  assert_true(tl_tokens_adjacent("um modelo  de x", &toks.v[0], &toks.v[1],
                                 " \n-"));
  assert_true(tl_tokens_adjacent("um modelo  de x", &toks.v[1], &toks.v[2],
                                 " \n-"));
  assert_false(tl_tokens_adjacent("um modelo  de x", &toks.v[1], &toks.v[0],
                                  " \n-"));
  assert_false(
      tl_tokens_adjacent("um modelo  de x", &toks.v[0], &toks.v[1], "-"));
  tok("Fim. Outro");
  assert_false(tl_tokens_adjacent("Fim. Outro", &toks.v[0], &toks.v[1],
                                  " .\n"));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_accented_words_are_whole),
      cmocka_unit_test(test_hyphens_and_apostrophes),
      cmocka_unit_test(test_numbers_and_versions),
      cmocka_unit_test(test_sentence_starts),
      cmocka_unit_test(test_case_flags),
      cmocka_unit_test(test_case_flags_every_shape),
      cmocka_unit_test(test_ascii_words_as_scan_token_reads_them),
      cmocka_unit_test(test_urls_emails_roles_skipped),
      cmocka_unit_test(test_handles_and_hashtags_skipped),
      cmocka_unit_test(test_format_characters),
      cmocka_unit_test(test_key_is_nfc),
      cmocka_unit_test(test_validate_every_offset),
      cmocka_unit_test(test_lower_appends),
      cmocka_unit_test(test_lower_every_alignment),
      cmocka_unit_test(test_fold_table),
      cmocka_unit_test(test_lower_flag),
      cmocka_unit_test(test_lower_latin1),
      cmocka_unit_test(test_adjacent_inline_and_scan),
  };
  return cmocka_run_group_tests(tests, NULL, teardown);
}
