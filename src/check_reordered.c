/* terminology.reordered: the words of a glossary term shuffled or joined by
 * other prepositions, where the text itself says which term it means: the
 * phrase stands right before the concept's acronym, "Recuperação de Geração
 * Aumentada (RAG)", "Geração Aumentada com Recuperação, RAG". Machine
 * translation builds such phrases afresh in every article; the acronym is
 * the evidence that no other concept is meant.
 *   - the same content words in another order: error (the order carries
 *     the meaning: the generation is augmented, not the retrieval);
 *   - the same words in the same order, other connectors: warning.
 * An accepted rendering, a form the glossary lists (forbidden ones are
 * terminology.forbidden's) and a phrase with other words ("modelos de
 * linguagem de grande porte (LLMs)") are not reported. */
#include "check.h"
#include "msg.h"

#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 8 /* content words of a rendering */

/* Words that join content words in a Portuguese term. */
static const char *const CONNECTORS[] = {
    "a", "o", "as", "os", "de", "do", "da", "dos", "das", "por", "pelo",
    "pela", "pelos", "pelas", "com", "para", "em", "no", "na", "nos", "nas",
    "e", "via", "ao", "aos", NULL};

typedef struct words {
  tl_buf text;              /* folded words, each ended by '\0' */
  size_t n;                 /* content words */
  size_t start[MAX_WORDS];  /* offsets into text */
  bool overflow;
} words;

/* Adds one word: folded, a plural 's' off, connectors skipped. */
static void add_word(words *w, const char *p, size_t n)
{
  size_t at = w->text.len;

  tl_utf8_fold(p, n, &w->text);
  n = w->text.len - at;
  if (tl_in_list(CONNECTORS, w->text.p + at, n)) {
    w->text.len = at;
    return;
  }
  if (n > 3 && w->text.p[at + n - 1] == 's')
    w->text.len--;
  if (w->n == MAX_WORDS) {
    w->overflow = true;
    w->text.len = at;
    return;
  }
  tl_buf_addc(&w->text, '\0');
  w->start[w->n++] = at;
}

/* The content words of a glossary form's text (words split at spaces and
 * hyphens). */
static void form_words(const char *s, words *w)
{
  while (*s != '\0') {
    size_t n = strcspn(s, " -");
    if (n > 0)
      add_word(w, s, n);
    s += n;
    if (*s != '\0')
      s++;
  }
}

static const char *word_at(const words *w, size_t i)
{
  return w->text.p + w->start[i];
}

/* 0: other words; 1: the same words in the same order; 2: the same words
 * in another order. */
static int compare(const words *a, const words *b)
{
  bool used[MAX_WORDS] = {false}, same_order = true;

  if (a->n != b->n || a->n < 2 || a->overflow || b->overflow)
    return 0;
  for (size_t i = 0; i < a->n; i++) {
    size_t j = 0;
    while (j < b->n && (used[j] || strcmp(word_at(a, i), word_at(b, j)) != 0))
      j++;
    if (j == b->n)
      return 0;
    used[j] = true;
    same_order &= i == j;
  }
  return same_order ? 1 : 2;
}

static void words_init(words *w)
{
  tl_buf_init(&w->text);
  w->n = 0;
  w->overflow = false;
}

/* The acronym match @x is glossed: "(ABBR)" or ", ABBR" right after a
 * phrase. Returns the offset where the phrase must end, or (size_t)-1. */
static size_t gloss_end(const tl_ctx *c, const tl_match *x)
{
  size_t o = x->off, e = x->off + x->len;

  if (o >= 2 && c->doc[o - 1] == '(' && e < c->len && c->doc[e] == ')') {
    o--;
    while (o > 0 && c->doc[o - 1] == ' ')
      o--;
    return o;
  }
  if (o >= 3 && c->doc[o - 1] == ' ' && c->doc[o - 2] == ',')
    return o - 2;
  return (size_t)-1;
}

/* Whether a glossary match covers any of [off, end). */
static bool matched(const tl_matches *m, size_t off, size_t end)
{
  return tl_matches_overlap(m, off, end) != NULL;
}

void tl_check_reordered(tl_ctx *c, const tl_tokens *t, const tl_matches *m)
{
  words phrase, form;

  if (c->gloss == NULL)
    return;
  words_init(&phrase);
  words_init(&form);
  for (size_t i = 0; i < m->n; i++) {
    const tl_match *x = &m->v[i];
    const tl_gloss *g = c->gloss;
    size_t end = gloss_end(c, x), last, first, ncf;
    const uint32_t *cf;
    if (g->f[x->form].kind != TL_FORM_ABBREV || end == (size_t)-1 ||
        x->tok_first == 0)
      continue;
    last = x->tok_first - 1;
    if (t->v[last].off + t->v[last].len != end ||
        t->v[last].kind != TL_TOK_WORD)
      continue;
    /* the phrase: up to 2 * MAX_WORDS words of the sentence before it */
    for (first = last; first > 0 && last - first < 2 * MAX_WORDS; first--) {
      const tl_token *p = &t->v[first - 1], *q = &t->v[first];
      if (p->kind != TL_TOK_WORD || p->sent != q->sent ||
          !tl_tokens_adjacent(c->doc, p, q, " \n-"))
        break;
    }
    /* every Portuguese rendering of the concept against the shortest tail
     * of the phrase with as many content words */
    cf = tl_gloss_concept_forms(g, x->concept, &ncf);
    for (size_t f = 0; f < ncf; f++) {
      const tl_form *fm = &g->f[cf[f]];
      size_t k;
      int how = 0;
      if (fm->concept != x->concept || fm->exact ||
          (fm->kind != TL_FORM_PREFERRED && fm->kind != TL_FORM_ADMITTED))
        continue;
      tl_buf_clear(&form.text);
      form.n = 0;
      form.overflow = false;
      form_words(fm->text, &form);
      if (form.n < 2)
        continue;
      tl_buf_clear(&phrase.text);
      phrase.n = 0;
      phrase.overflow = false;
      for (k = last + 1; k-- > first && phrase.n < form.n;) {
        words one;
        words_init(&one);
        add_word(&one, c->doc + t->v[k].off, t->v[k].len);
        if (one.n == 1) {
          /* prepend: the phrase is read backwards */
          memmove(phrase.start + 1, phrase.start,
                  phrase.n * sizeof *phrase.start);
          phrase.start[0] = phrase.text.len;
          tl_buf_add(&phrase.text, one.text.p, one.text.len);
          phrase.n++;
        }
        tl_buf_fini(&one.text);
      }
      /* (a rendering the glossary knows, right or wrong, is matched) */
      if (phrase.n == form.n && !matched(m, t->v[k + 1].off, end))
        how = compare(&phrase, &form);
      if (how != 0) {
        size_t off = t->v[k + 1].off;
        const char *sugg = c->gloss->c[x->concept].preferred;
        tl_finding *fd = tl_result_add(
            c->res, off, end - off, "terminology.reordered", "terminology",
            how == 2 ? TL_ERROR : TL_WARNING,
            how == 2 ? _("'%s' são as palavras de '%s' (%.*s) em outra "
                         "ordem, o que muda o sentido: escreva '%s'")
                     : _("'%s' são as palavras de '%s' (%.*s) ligadas de "
                         "outro jeito: escreva '%s'"),
            tl_result_surface(c->res, off, end - off), fm->text,
            (int)x->len, c->doc + x->off, sugg);
        tl_result_set_suggestions(c->res, fd, &sugg, 1);
        fd->concept = c->gloss->c[x->concept].id;
        break;
      }
    }
  }
  tl_buf_fini(&phrase.text);
  tl_buf_fini(&form.text);
}
