/* terminology.calque (error): a literal translation of a glossary name
 * ("o Copiloto", "a Difusão Estável", "Rosto Abraçado"), from the forms
 * calque.h derives. Ordinary Portuguese stays silent ("o copiloto do
 * avião", "gêmeos idênticos"): an occurrence is reported only on evidence
 * that it stands for the name:
 *   - written as a name: capitalised inside a sentence, outside headings
 *     and runs of capitalised words (titles), in a document that names the
 *     product or its family elsewhere; or
 *   - tied to the product: a version right after ("Gêmeos 2.5"), or a name
 *     of its family in the same sentence ("o copiloto da Microsoft").
 * Quoted words are mentions ("o “copiloto do Windows”", explaining the
 * name), never reported. */
#include "check.h"
#include "msg.h"

#include "calque.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#define SPAN 3   /* words of the longest calque */
#define NEAR 6   /* tokens: how near a family name ties a lower-case form */

enum { HIT_CAP = 1, HIT_TIED = 2 };

static bool quote_before(const char *doc, size_t off)
{
  if (off == 0)
    return false;
  if (doc[off - 1] == '"' || doc[off - 1] == '\'' ||
      (off >= 2 && memcmp(doc + off - 2, "\xC2\xAB", 2) == 0))
    return true;
  return off >= 3 && (memcmp(doc + off - 3, "\xE2\x80\x9C", 3) == 0 ||
                      memcmp(doc + off - 3, "\xE2\x80\x98", 3) == 0);
}

/* A closing quotation mark after @end, before the sentence or line ends
 * (the quotation may go on past the calque: "o “copiloto do Windows”"). */
static bool quote_after(const char *doc, size_t len, size_t end)
{
  for (size_t i = end; i < len && i < end + 80; i++) {
    if (doc[i] == '"' || doc[i] == '\'' ||
        (i + 2 <= len && memcmp(doc + i, "\xC2\xBB", 2) == 0) ||
        (i + 3 <= len && (memcmp(doc + i, "\xE2\x80\x9D", 3) == 0 ||
                          memcmp(doc + i, "\xE2\x80\x99", 3) == 0)))
      return true;
    if (doc[i] == '\n' || doc[i] == '.' || doc[i] == '!' || doc[i] == '?')
      return false;
  }
  return false;
}

/* The glossary match covering token @k, or NULL. */
static const tl_match *match_at(const tl_matches *m, size_t k)
{
  return tl_matches_at_token(m, k);
}

static bool is_connector(const tl_ctx *c, const tl_token *tok)
{
  tl_buf k;
  bool de;

  tl_buf_init(&k);
  tl_calques_word_key(c->doc + tok->off, tok->len, &k);
  de = k.len == 2 && memcmp(k.p, "de", 2) == 0;
  tl_buf_fini(&k);
  return de;
}

/* Written as a name: every word but "de" capitalised, not at a sentence
 * start, not in a heading, not among other capitalised words. */
static bool written_as_name(const tl_ctx *c, const tl_unit *u,
                            const tl_tokens *t, const tl_matches *m,
                            size_t first, size_t last)
{
  if (u->kind == TL_BLK_HEADING || (t->v[first].flags & TL_TF_SENT_START))
    return false;
  for (size_t k = first; k <= last; k++)
    if (!(t->v[k].flags & TL_TF_CAP) && !is_connector(c, &t->v[k]))
      return false;
  /* a title or a longer name: a capitalised word that is not a glossary
   * name right before or after, or past a "de" ("a Turma da Mônica") */
  if (first > 0 && t->v[first - 1].sent == t->v[first].sent) {
    size_t k = first - 1;
    if (k > 0 && is_connector(c, &t->v[k]) && t->v[k - 1].sent == t->v[k].sent)
      k--;
    if ((t->v[k].flags & TL_TF_CAP) && !(t->v[k].flags & TL_TF_SENT_START) &&
        match_at(m, k) == NULL)
      return false;
  }
  if (last + 1 < t->n && t->v[last + 1].sent == t->v[last].sent) {
    size_t k = last + 1;
    if (k + 1 < t->n && is_connector(c, &t->v[k]) &&
        t->v[k + 1].sent == t->v[k].sent)
      k++;
    if ((t->v[k].flags & TL_TF_CAP) && match_at(m, k) == NULL)
      return false;
  }
  return true;
}

/* Tied to the product: a version right after, or a name of its family
 * within NEAR tokens in the same sentence. */
static bool tied(const tl_ctx *c, const tl_tokens *t, const tl_matches *m,
                 size_t first, size_t last, uint32_t concept)
{
  const tl_token *nx = last + 1 < t->n ? &t->v[last + 1] : NULL;

  /* a version is written with a point ("Gêmeos 2.5") or is an integer; a
   * decimal comma is a quantity ("a faixa 2,3 GHz", Estadão on the 5G
   * auction: a frequency band, not Stripe) */
  if (nx != NULL && nx->sent == t->v[last].sent &&
      (nx->kind == TL_TOK_NUMBER ||
       (nx->kind == TL_TOK_MIXED && c->doc[nx->off] >= '0' &&
        c->doc[nx->off] <= '9')) &&
      memchr(c->doc + nx->off, ',', nx->len) == NULL)
    return true;
  for (size_t i = 0; m != NULL && i < m->n; i++) {
    const tl_match *x = &m->v[i];
    size_t d = x->tok_first > last ? x->tok_first - last
                                   : (first > x->tok_last ? first - x->tok_last
                                                          : 0);
    if (d == 0 && x->tok_first >= first && x->tok_last <= last &&
        x->concept != concept &&
        tl_calques_related(c->calques, concept, x->concept))
      return true; /* the brand inside the calque: "copiloto da Microsoft" */
    if (d == 0 || d > NEAR || t->v[x->tok_first].sent != t->v[first].sent)
      continue;
    if (tl_calques_related(c->calques, concept, x->concept))
      return true;
  }
  return false;
}

/* Whether token @i's glossary key opens a calque (the built filter
 * @opens, the same for the linter's lifetime): asked once a spelling. */
static bool first_key(const tl_ctx *c, const tl_tokens *t, size_t i,
                      const tl_map *opens, const char *gk, const size_t *go)
{
  tl_wordinfo *w = tl_ctx_word(c, t, i);

  if (w == NULL)
    return tl_map_find(opens, gk + go[i], go[i + 1] - go[i]) != NULL;
  if (!(w->flags & TL_WI_CQ_ASKED))
    w->flags |= TL_WI_CQ_ASKED |
                (tl_map_find(opens, gk + go[i], go[i + 1] - go[i]) != NULL
                     ? TL_WI_CQ_OPENS
                     : 0);
  return (w->flags & TL_WI_CQ_OPENS) != 0;
}

void tl_check_calque(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                     const tl_matches *m)
{
  tl_buf key, wk;
  size_t *wo; /* token k's word key: wk.p[wo[2k] .. wo[2k] + wo[2k + 1]),
                 made when first needed (wo[2k] is SIZE_MAX before) */
  const char *gk = NULL;
  const size_t *go = NULL;
  const tl_map *opens = NULL;

  if (c->calques == NULL || c->calques->nforms == 0)
    return;
  tl_buf_init(&key);
  tl_buf_init(&wk);
  /* each word's key once, not once per phrase it may open or continue,
   * and only for the words of a phrase that may be a calque: a word whose
   * glossary key no calque begins with opens none */
  if (c->calque_filter != NULL &&
      (opens = tl_calque_filter_get(c->calque_filter, c->calques, t->n)) !=
          NULL)
    go = tl_ctx_token_keys(c, t, &gk);
  wo = tl_xmalloc((2 * t->n + 1) * sizeof *wo);
  for (size_t k = 0; k < t->n; k++)
    wo[2 * k] = SIZE_MAX;
  for (size_t i = 0; i < t->n; i++) {
    size_t best = 0;
    uint32_t concept = 0;

    if (t->v[i].kind != TL_TOK_WORD)
      continue;
    if (go != NULL && !first_key(c, t, i, opens, gk, go))
      continue;
    tl_buf_clear(&key);
    for (size_t n = 1; n <= SPAN && i + n - 1 < t->n; n++) {
      size_t w = i + n - 1;
      const tl_token *tok = &t->v[w];
      uint32_t k;
      if (tok->kind != TL_TOK_WORD || tok->sent != t->v[i].sent)
        break;
      if (n > 1) {
        /* one space between the words */
        const tl_token *pv = &t->v[i + n - 2];
        if (tok->off != pv->off + pv->len + 1 || c->doc[pv->off + pv->len] !=
                                                      ' ')
          break;
        tl_buf_addc(&key, ' ');
      }
      if (wo[2 * w] == SIZE_MAX) {
        wo[2 * w] = wk.len;
        tl_calques_word_key(c->doc + tok->off, tok->len, &wk);
        wo[2 * w + 1] = wk.len - wo[2 * w];
      }
      tl_buf_add(&key, wk.p + wo[2 * w], wo[2 * w + 1]);
      if ((k = tl_calques_find(c->calques, key.p, key.len)) != 0) {
        best = n;
        concept = k - 1;
      }
    }
    if (best == 0)
      continue;
    {
      size_t first = i, last = i + best - 1;
      size_t off = t->v[first].off;
      size_t end = t->v[last].off + t->v[last].len;
      bool skip = false;
      unsigned flags = 0;
      /* part of a glossary term ("gêmeos digitais"), unless the name of
       * its own family ("Copiloto do GitHub") */
      for (size_t k = first; k <= last && !skip; k++) {
        const tl_match *x = match_at(m, k);
        const tl_concept *xc = x != NULL ? &c->gloss->c[x->concept] : NULL;
        /* a common term with the calque's very letters ("perplexidade")
         * is judged on the evidence below */
        skip = x != NULL &&
               !tl_calques_related(c->calques, concept, x->concept) &&
               (xc->exact || x->off != off ||
                x->len != t->v[last].off + t->v[last].len - off);
      }
      if (skip || (quote_before(c->doc, off) && quote_after(c->doc, c->len,
                                                            end))) {
        i = last;
        continue;
      }
      if (written_as_name(c, u, t, m, first, last))
        flags |= HIT_CAP;
      /* the letters of a common term ("perplexidade" the metric) are tied
       * to the product only by a capital */
      if (match_at(m, first) == NULL && tied(c, t, m, first, last, concept))
        flags |= HIT_TIED;
      if (flags != 0) {
        TL_GROW(c->chits, c->capchits, c->nchits + 1);
        c->chits[c->nchits++] = (tl_calque_hit){off, end - off, concept,
                                                flags};
      }
      i = last;
    }
  }
  free(wo);
  tl_buf_fini(&wk);
  tl_buf_fini(&key);
}

/* Whether the document names @concept or one of its family anywhere. */
static bool mentioned(const tl_ctx *c, uint32_t concept)
{
  for (size_t i = 0; i < c->nusage; i++)
    if (tl_calques_related(c->calques, concept, c->usage[i].concept))
      return true;
  return false;
}

void tl_check_calque_end(tl_ctx *c)
{
  for (size_t i = 0; i < c->nchits; i++) {
    const tl_calque_hit *h = &c->chits[i];
    const tl_concept *k = &c->gloss->c[h->concept];
    const char *sugg = k->preferred;
    tl_finding *f;
    /* written as a name is evidence only in a text about the product's
     * family ("o Copiloto" beside Microsoft or GitHub) */
    if (!(h->flags & HIT_TIED) && !mentioned(c, h->concept))
      continue;
    f = tl_result_add(c->res, h->off, h->len, "terminology.calque",
                      "terminology", TL_ERROR,
                      _("'%s' parece tradução literal do nome '%s': nomes "
                        "próprios não se traduzem; escreva '%s'"),
                      tl_result_surface(c->res, h->off, h->len), k->preferred,
                      sugg);
    tl_result_set_suggestions(c->res, f, &sugg, 1);
    f->concept = k->id;
  }
}
