/* Literal translations in a shared frame. A document that writes a
 * glossary concept K before "de" and another glossary concept X
 * ("*frameworks* de *deep learning*") and, elsewhere, a word W no glossary
 * form covers in the same frame ("uma estrutura de *deep learning*"),
 * where W is a dictionary translation of K's English term (FreeDict:
 * framework -> estrutura), renders K as W too: W is recorded as a
 * rendering of K for the archive (kind variant, corpus report only). The
 * frame is the evidence: "estrutura" alone, or before another
 * complement, says nothing about frameworks. */
#include "check.h"

#include "store.h"
#include "wordtr.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_TR 8

static bool is_de(const tl_ctx *c, const tl_token *tok)
{
  static const char *const DE[] = {"de", "do", "da", "dos", "das"};
  for (size_t i = 0; i < sizeof DE / sizeof DE[0]; i++)
    if (tok->len == strlen(DE[i]) &&
        strncasecmp(c->doc + tok->off, DE[i], tok->len) == 0)
      return true;
  return false;
}

void tl_frame_block(tl_ctx *c, const tl_tokens *t, const tl_matches *m)
{
  if (c->gloss == NULL || m == NULL || t->n > TL_PHRASE_MAX_TOKENS)
    return;
  for (size_t i = 0; i + 2 < t->n; i++) {
    const tl_token *w = &t->v[i];
    const tl_match *x = tl_matches_at_token(m, i + 2);
    const tl_match *y = tl_matches_at_token(m, i);
    tl_frame f;
    if (w->kind != TL_TOK_WORD || !is_de(c, &t->v[i + 1]) || x == NULL ||
        x->tok_first != i + 2 || w->sent != t->v[i + 2].sent)
      continue;
    f = (tl_frame){x->concept, UINT32_MAX, w->off, w->len};
    if (y != NULL) {
      if (y->tok_first != i || y->tok_last != i ||
          c->gloss->c[y->concept].exact)
        continue;
      f.k = y->concept; /* the concept itself in the frame */
    } else if (w->len < 4 || (w->flags & (TL_TF_ALLCAPS | TL_TF_INNERCAP)) ||
               ((w->flags & TL_TF_CAP) && !(w->flags & TL_TF_SENT_START))) {
      continue; /* a short word, an acronym, a name */
    }
    TL_GROW(c->frames, c->capframes, c->nframes + 1);
    c->frames[c->nframes++] = f;
  }
}

/* Whether word key @wk is the key of one of @n translations in @tr
 * (NUL-separated). */
static bool key_in(const char *wk, const char *tr, size_t n, tl_buf *tmp,
                   const char **which)
{
  for (size_t i = 0; i < n; i++, tr += strlen(tr) + 1) {
    if (strchr(tr, ' ') != NULL)
      continue;
    tl_buf_clear(tmp);
    tl_gloss_word_key(tr, strlen(tr), tmp);
    tl_buf_cstr(tmp);
    if (strcmp(tmp->p, wk) == 0) {
      *which = tr;
      return true;
    }
  }
  return false;
}

/* Whether W (frame @w) translates an English term of concept @k. */
static const char *translates(tl_ctx *c, const tl_wordtr *wt,
                              const tl_frame *w, uint32_t k, tl_buf *tr)
{
  const char *en = c->gloss->c[k].en, *which = NULL;
  tl_buf wk, tmp;
  bool found = false;

  if (en == NULL)
    return NULL;
  tl_buf_init(&wk);
  tl_buf_init(&tmp);
  tl_gloss_word_key(c->doc + w->off, w->len, &wk);
  tl_buf_cstr(&wk);
  while (*en != '\0' && !found) {
    size_t n = strcspn(en, "|");
    if (n > 0 && memchr(en, ' ', n) == NULL) {
      size_t count;
      tl_buf_clear(tr);
      count = tl_wordtr_get(wt, en, n, TL_WORDTR_NOUN_ADJ, tr, MAX_TR);
      found = key_in(wk.p, tr->p, count, &tmp, &which);
    }
    en += n;
    if (*en == '|')
      en++;
  }
  tl_buf_fini(&wk);
  tl_buf_fini(&tmp);
  return found ? which : NULL;
}

void tl_frame_end(tl_ctx *c)
{
  const tl_wordtr *wt = NULL;
  tl_buf tr;
  bool ready = false;

  for (size_t i = 0; i < c->nframes; i++) {
    const tl_frame *w = &c->frames[i];
    if (w->k != UINT32_MAX)
      continue;
    for (size_t j = 0; j < c->nframes; j++) {
      const tl_frame *f = &c->frames[j];
      const char *r;
      if (f->k == UINT32_MAX || f->x != w->x)
        continue;
      if (!ready) {
        wt = tl_ctx_wordtr(c);
        tl_buf_init(&tr);
        ready = true;
      }
      r = translates(c, wt, w, f->k, &tr);
      if (r == NULL)
        continue;
      TL_GROW(c->xusage, c->capxusage, c->nxusage + 1);
      c->xusage[c->nxusage++] = (tl_xusage){
          c->gloss->c[f->k].id, tl_arena_strndup(&c->res->arena, r, strlen(r)),
          tl_result_surface(c->res, w->off, w->len), TL_RENDERING_VARIANT,
          w->off};
      break;
    }
  }
  if (ready)
    tl_buf_fini(&tr);
}
