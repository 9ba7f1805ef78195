/* terminology.identifier: a code identifier translated inside inline code.
 *
 * Machine translators translate the words between backticks too: "a classe
 * `Densa`" for Gluon's Dense, "o módulo `otimizadores`" for Keras's
 * optimizers, "a precisão da `rede`" where the code calls it net. The
 * evidence is the document's own code: an inline code span that holds one
 * word which is not an identifier of the document's code blocks, but is a
 * Portuguese rendering of a word that the code does use (FreeDict's
 * translations, or the spelling correspondences of technical cognates:
 * -izer/-izador, -oid/-oide, pt/t), is that identifier translated. A
 * Portuguese identifier that the code itself defines (`modelo` in a
 * Brazilian tutorial whose code says modelo = ...) is left alone, and so
 * is every span when the document has no code. */
#include "check.h"
#include "msg.h"

#include "bilingual.h"
#include "utf8.h"
#include "wordtr.h"

#include <stdlib.h>
#include <string.h>

/* Inline spans and code words worth comparing; more is no article. */
#define MAX_CODE_WORDS 4000
#define MAX_RENDERINGS 16

void tl_check_identifier_code(tl_ctx *c, size_t off, size_t len,
                              bool inline_span)
{
  TL_GROW(c->code, c->capcode, c->ncode + 1);
  c->code[c->ncode++] = (tl_code_seg){off, len, inline_span};
}

static bool ascii_letter(char ch)
{
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static bool ascii_upper(char ch)
{
  return ch >= 'A' && ch <= 'Z';
}

/* The comparison key of a Portuguese word (folded already: lower case, no
 * accents): without its plural ending, masculine ("densas" -> "denso",
 * "otimizadores" -> "otimizador", "sigmoides" -> "sigmoide"). */
static void pt_key(const char *w, size_t n, tl_buf *out)
{
  if (n > 5 && memcmp(w + n - 4, "ores", 4) == 0)
    n -= 2;
  else if (n > 4 && w[n - 1] == 's' && w[n - 2] != 's')
    n--;
  tl_buf_add(out, w, n);
  if (out->len > 3 && out->p[out->len - 1] == 'a')
    out->p[out->len - 1] = 'o';
  tl_buf_cstr(out);
}

/* English -> Portuguese spelling of technical cognates, by suffix. */
static const struct suffix {
  const char *en, *pt;
} SUFFIXES[] = {{"izer", "izador"}, {"iser", "izador"}, {"ization", "izacao"},
                {"ation", "acao"},  {"tion", "cao"},    {"ity", "idade"},
                {"oid", "oide"},    {"ent", "ente"},    {"ic", "ico"},
                {"ive", "ivo"},     {"or", "or"},       {NULL, NULL}};

/* The Portuguese cognate key of the lower-case ASCII English word @w
 * ("optimizers" -> "otimizador", "sigmoid" -> "sigmoide"): plural cut,
 * ph -> f, th -> t, pt -> t, y -> i, ti before a -> ci ("initial" ->
 * "inicial"), doubled consonants single, then the suffix rule; empty when
 * no rule applies. */
static void en_cognate(const char *w, size_t n, tl_buf *out)
{
  tl_buf s;

  if (n > 4 && w[n - 1] == 's' && w[n - 2] != 's')
    n--;
  tl_buf_init(&s);
  for (size_t i = 0; i < n; i++) {
    char ch = w[i], nx = i + 1 < n ? w[i + 1] : '\0';
    if ((ch == 'p' && nx == 'h')) {
      tl_buf_addc(&s, 'f');
      i++;
    } else if ((ch == 't' && nx == 'h') || (ch == 'p' && nx == 't')) {
      tl_buf_addc(&s, 't');
      i++;
    } else if (ch == 't' && nx == 'i' && i + 2 < n && w[i + 2] == 'a' &&
               i > 0) {
      tl_buf_addc(&s, 'c');
    } else if (ch == nx && ch != 'r' && ch != 's' && ch != 'e' &&
               ch != 'o') {
      continue; /* "mm", "ll", "tt": one letter */
    } else {
      tl_buf_addc(&s, ch == 'y' ? 'i' : ch);
    }
  }
  for (size_t r = 0; SUFFIXES[r].en != NULL; r++) {
    size_t k = strlen(SUFFIXES[r].en);
    if (s.len > k + 2 && memcmp(s.p + s.len - k, SUFFIXES[r].en, k) == 0) {
      tl_buf_add(out, s.p, s.len - k);
      tl_buf_adds(out, SUFFIXES[r].pt);
      break;
    }
  }
  tl_buf_cstr(out);
  tl_buf_fini(&s);
}

typedef struct code_word {
  size_t off; /* first occurrence in the code, as written */
  uint32_t len;
  bool block; /* seen in a code block (not only in inline code) */
} code_word;

typedef struct words {
  tl_map index; /* lower-case word -> index + 1 into v */
  code_word *v;
  size_t n, cap;
} words;

static void add_word(words *ws, const char *doc, size_t off, size_t len,
                     bool block)
{
  char low[64];
  bool created;
  tl_map_slot *s;

  if (len < 3 || len >= sizeof low || ws->n >= MAX_CODE_WORDS)
    return;
  for (size_t i = 0; i < len; i++)
    low[i] = (char)(ascii_upper(doc[off + i]) ? doc[off + i] - 'A' + 'a'
                                              : doc[off + i]);
  s = tl_map_put(&ws->index, low, len, (uint32_t)ws->n + 1, &created);
  if (created) {
    TL_GROW(ws->v, ws->cap, ws->n + 1);
    ws->v[ws->n++] = (code_word){off, (uint32_t)len, block};
  } else if (block) {
    ws->v[s->value - 1].block = true;
  }
}

/* The ASCII words of the code doc[off..off+len): identifiers cut at
 * underscores, dots and case changes ("nn.Dense", "init_weights",
 * "SoftmaxCrossEntropyLoss" -> Softmax, Cross, Entropy, Loss). */
static void code_words(words *ws, const char *doc, size_t off, size_t len,
                       bool block)
{
  size_t i = off, end = off + len;

  while (i < end) {
    size_t s;
    if (!ascii_letter(doc[i])) {
      i++;
      continue;
    }
    s = i++;
    while (i < end && ascii_letter(doc[i]) &&
           !(ascii_upper(doc[i]) && !ascii_upper(doc[i - 1])))
      i++;
    /* a word glued to non-ASCII letters is no English identifier */
    if ((s > off && (unsigned char)doc[s - 1] >= 0x80) ||
        (i < end && (unsigned char)doc[i] >= 0x80)) {
      while (i < end && (unsigned char)doc[i] >= 0x80)
        i++;
      continue;
    }
    add_word(ws, doc, s, i - s, block);
  }
}

/* Whether inline code doc[off..off+len) is one word of letters (accented
 * or not) and nothing else: what a translator would translate. */
static bool one_word(const char *doc, size_t off, size_t len)
{
  size_t i = 0;

  if (len < 3)
    return false;
  while (i < len) {
    size_t adv;
    int32_t cp = tl_utf8_decode(doc + off + i, len - i, &adv);
    if (cp < 0 || !tl_cp_is_letter(cp))
      return false;
    i += adv;
  }
  return true;
}

/* Index every Portuguese key the code word @w (lower case, @n bytes) may
 * be translated to: its cognate and its translations, keyed as pt_key
 * keys them, valued with @value (the word's index + 1; the first word
 * that claims a key keeps it). */
static void index_renderings(const tl_wordtr *wt, const char *w, size_t n,
                             uint32_t value, tl_map *keys, tl_buf *tmp)
{
  tl_buf k, f;
  size_t count;
  const char *p;
  bool created;

  tl_buf_init(&k);
  tl_buf_init(&f);
  en_cognate(w, n, &f);
  if (f.len > 0) {
    pt_key(f.p, f.len, &k);
    tl_map_put(keys, k.p, k.len, value, &created);
  }
  tl_buf_clear(tmp);
  count = tl_wordtr_get(wt, w, n, 0, tmp, MAX_RENDERINGS);
  p = tmp->p;
  for (size_t i = 0; i < count; i++, p += strlen(p) + 1) {
    tl_buf_clear(&f);
    tl_buf_clear(&k);
    tl_utf8_fold(p, strlen(p), &f);
    pt_key(f.p, f.len, &k);
    tl_map_put(keys, k.p, k.len, value, &created);
  }
  tl_buf_fini(&k);
  tl_buf_fini(&f);
}

/* The lower-case copy of code word @cw into @low (64 bytes). */
static void lower_word(const char *doc, const code_word *cw, char *low)
{
  for (size_t k = 0; k < cw->len; k++)
    low[k] = (char)(ascii_upper(doc[cw->off + k]) ? doc[cw->off + k] - 'A' + 'a'
                                                  : doc[cw->off + k]);
  low[cw->len] = '\0';
}

/* A candidate: one word of inline code, and its comparison key. */
typedef struct candidate {
  size_t off, len;
  uint32_t key; /* offset of its NUL-terminated key in the keys buffer */
  uint32_t self; /* its own fold as a code word (index + 1), or 0 */
} candidate;

void tl_check_identifier_end(tl_ctx *c)
{
  words ws;
  const tl_wordtr *wt;
  tl_map rend;
  candidate *cand = NULL;
  size_t ncand = 0, capcand = 0;
  bool any = false;
  tl_buf fold, keys, tmp;

  for (size_t i = 0; i < c->ncode && !any; i++)
    any = c->code[i].inline_span;
  if (!any)
    return;
  memset(&ws, 0, sizeof ws);
  tl_map_init(&ws.index);
  for (size_t i = 0; i < c->ncode; i++)
    code_words(&ws, c->doc, c->code[i].off, c->code[i].len,
               !c->code[i].inline_span);
  tl_buf_init(&fold);
  tl_buf_init(&keys);
  tl_buf_init(&tmp);
  for (size_t i = 0; i < c->ncode; i++) {
    const tl_code_seg *s = &c->code[i];
    size_t off = s->off, len = s->len;
    tl_map_slot *self;

    if (!s->inline_span)
      continue;
    while (len > 0 && c->doc[off] == ' ')
      off++, len--;
    while (len > 0 && c->doc[off + len - 1] == ' ')
      len--;
    if (!one_word(c->doc, off, len))
      continue;
    tl_buf_clear(&fold);
    tl_utf8_fold(c->doc + off, len, &fold);
    /* an identifier of the code itself, in any language */
    self = tl_map_find(&ws.index, fold.p, fold.len);
    if (self != NULL && ws.v[self->value - 1].block)
      continue;
    /* an English word only ("trainer", "weights"): not a translation;
     * one both languages spell alike ("rede", "data") may be */
    tl_buf_clear(&tmp);
    tl_utf8_lower(c->doc + off, len, &tmp);
    if (c->spell_en != NULL &&
        tl_spell_check(c->spell_en, fold.p, fold.len, NULL) == 1 &&
        (c->spell == NULL ||
         tl_spell_check(c->spell, tmp.p, tmp.len, NULL) != 1))
      continue;
    TL_GROW(cand, capcand, ncand + 1);
    cand[ncand] = (candidate){off, len, (uint32_t)keys.len,
                              self != NULL ? self->value : 0};
    pt_key(fold.p, fold.len, &keys);
    tl_buf_addc(&keys, '\0');
    ncand++;
  }
  if (ncand > 0) {
    /* every code word's renderings, once */
    tl_map_init(&rend);
    wt = tl_ctx_wordtr(c);
    for (size_t w = 0; w < ws.n; w++) {
      char low[64];
      bool candidate_itself = false;
      /* a candidate is no evidence for itself (`Sequencial` before the
       * `Sequential` it translates) */
      for (size_t i = 0; i < ncand && !candidate_itself; i++)
        candidate_itself = cand[i].self == w + 1;
      if (candidate_itself)
        continue;
      lower_word(c->doc, &ws.v[w], low);
      index_renderings(wt, low, ws.v[w].len, (uint32_t)w + 1, &rend, &tmp);
    }
    for (size_t i = 0; i < ncand; i++) {
      const char *key = keys.p + cand[i].key;
      tl_map_slot *hit = tl_map_find(&rend, key, strlen(key));
      const code_word *cw;
      const char *sugg;
      tl_finding *fd;

      if (hit == NULL)
        continue;
      cw = &ws.v[hit->value - 1];
      sugg = tl_result_surface(c->res, cw->off, cw->len);
      fd = tl_result_add(
          c->res, cand[i].off, cand[i].len, "terminology.identifier",
          "terminology", TL_WARNING,
          _("'%s' parece um identificador do código traduzido: o código "
            "deste texto escreve '%s'"),
          tl_result_surface(c->res, cand[i].off, cand[i].len), sugg);
      tl_result_set_suggestions(c->res, fd, &sugg, 1);
    }
    tl_map_fini(&rend);
  }
  free(cand);
  tl_buf_fini(&fold);
  tl_buf_fini(&keys);
  tl_buf_fini(&tmp);
  tl_map_fini(&ws.index);
  free(ws.v);
}
