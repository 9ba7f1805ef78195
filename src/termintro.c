/* Terms a document introduces as its own for a glossary concept: "usamos
 * o termo *fabricação* para ... Você também pode ter ouvido isso ser
 * chamado de *alucinações*". In one paragraph, a marked word (italics,
 * bold or quotes) right after "o termo" / "os termos" and a marked
 * glossary form of a common concept right after a naming word ("chamado
 * de", "conhecido como", "denominado"): the document renders that concept
 * with its own term. Recorded for the archive (kind variant, corpus report
 * only) when the document goes on to write the term in a later paragraph:
 * a term only mentioned is a synonym, not the document's choice. */
#include "check.h"

#include "prose.h"
#include "store.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Whether the token is marked: emphasis or quotes. */
static bool marked(const tl_ctx *c, const tl_tokens *t, size_t k)
{
  return (t->v[k].flags & TL_TF_EMPH) || (c->role[k] & TL_ROLE_QUOTED);
}

static bool starts(const tl_ctx *c, const tl_token *tok, const char *prefix)
{
  size_t n = strlen(prefix);
  return tok->kind == TL_TOK_WORD && tok->len >= n &&
         strncasecmp(c->doc + tok->off, prefix, n) == 0;
}

/* "termo", "termos" */
static bool is_termo(const tl_ctx *c, const tl_token *tok)
{
  return starts(c, tok, "termo") && tok->len <= 6;
}

/* A naming word right before token @k ("chamado de", "conhecidas como",
 * "denominado", "chamado de" with "às vezes" between is not looked for). */
static bool named_before(const tl_ctx *c, const tl_tokens *t, size_t k)
{
  size_t i = k;

  if (i > 0 && (t->v[i - 1].len == 2 || t->v[i - 1].len == 4) &&
      (starts(c, &t->v[i - 1], "de") || starts(c, &t->v[i - 1], "como")))
    i--;
  return i > 0 && (starts(c, &t->v[i - 1], "chamad") ||
                   starts(c, &t->v[i - 1], "conhecid") ||
                   starts(c, &t->v[i - 1], "denominad"));
}

/* The word key of token @k (tl_gloss_word_key) into @out. */
static void key_of(const tl_ctx *c, const tl_token *tok, tl_buf *out)
{
  tl_buf_clear(out);
  tl_gloss_word_key(c->doc + tok->off, tok->len, out);
  tl_buf_cstr(out);
}

/* Count the later uses of the pending terms in this block. */
static void count_uses(tl_ctx *c, const tl_tokens *t)
{
  tl_buf k;

  tl_buf_init(&k);
  for (size_t i = 0; i < t->n; i++) {
    if (t->v[i].kind != TL_TOK_WORD)
      continue;
    key_of(c, &t->v[i], &k);
    for (size_t p = 0; p < c->nintro; p++)
      if (t->v[i].off > c->intro[p].block_end &&
          strcmp(k.p, c->intro[p].key) == 0)
        c->intro[p].uses++;
  }
  tl_buf_fini(&k);
}

void tl_termintro_block(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                        const tl_matches *m)
{
  size_t term = (size_t)-1;
  tl_buf k;

  if (c->nintro > 0)
    count_uses(c, t);
  if (c->gloss == NULL || m == NULL || u->kind == TL_BLK_HEADING ||
      t->n > TL_PHRASE_MAX_TOKENS)
    return;
  /* the document's term: a marked word right after "termo" */
  for (size_t i = 0; i + 1 < t->n && term == (size_t)-1; i++)
    if (is_termo(c, &t->v[i]) && !marked(c, t, i) &&
        t->v[i + 1].kind == TL_TOK_WORD && marked(c, t, i + 1) &&
        tl_matches_at_token(m, i + 1) == NULL &&
        (i + 2 >= t->n || !marked(c, t, i + 2) ||
         t->v[i + 2].sent != t->v[i + 1].sent))
      term = i + 1;
  if (term == (size_t)-1)
    return;
  tl_buf_init(&k);
  for (size_t j = 0; j < m->n; j++) {
    const tl_match *x = &m->v[j];
    const tl_form *f = &c->gloss->f[x->form];
    const tl_token *w = &t->v[term];
    if (x->tok_first == term || c->gloss->c[x->concept].exact ||
        (f->kind != TL_FORM_PREFERRED && f->kind != TL_FORM_ADMITTED) ||
        !marked(c, t, x->tok_first) || !named_before(c, t, x->tok_first))
      continue;
    key_of(c, w, &k);
    TL_GROW(c->intro, c->capintro, c->nintro + 1);
    {
      tl_buf r;
      tl_buf_init(&r);
      tl_phrase_text(c->doc, w->off, w->len, true, &r);
      c->intro[c->nintro++] = (tl_intro){
          x->concept, tl_arena_strndup(&c->res->arena, k.p, k.len),
          tl_arena_strndup(&c->res->arena, r.p, r.len), w->off, w->len,
          t->v[t->n - 1].off + t->v[t->n - 1].len, 0};
      tl_buf_fini(&r);
    }
    break;
  }
  tl_buf_fini(&k);
}

void tl_termintro_end(tl_ctx *c)
{
  for (size_t p = 0; p < c->nintro; p++) {
    const tl_intro *x = &c->intro[p];
    if (x->uses == 0)
      continue;
    TL_GROW(c->xusage, c->capxusage, c->nxusage + 1);
    c->xusage[c->nxusage++] = (tl_xusage){
        c->gloss->c[x->concept].id, x->text,
        tl_result_surface(c->res, x->off, x->len),
        TL_RENDERING_VARIANT, x->off};
  }
}
