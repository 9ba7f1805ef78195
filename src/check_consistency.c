/* consistency.document: a concept rendered two ways in one document
 * (preferred and admitted, or two admitted forms). Acronyms (abbrev) and
 * glosses in parentheses ("aprendizado por reforço (reinforcement
 * learning)") are not a mix. */
#include "check.h"

#include "input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "X (Y" with only spaces, '(' and emphasis between X's end and Y. */
static bool is_gloss(const char *doc, size_t prev_end, size_t off)
{
  bool paren = false;

  if (off <= prev_end || off - prev_end > 8)
    return false;
  for (size_t i = prev_end; i < off; i++) {
    if (doc[i] == '(')
      paren = true;
    else if (!strchr(" \t\r\n*_", doc[i]))
      return false;
  }
  return paren;
}

/* A common term written in title case inside running prose ("a IA
 * Generativa é"): a word after its first, or its first word away from a
 * sentence start, capitalised (acronyms aside). Headings are left alone. */
static bool title_case(const tl_unit *u, const tl_tokens *t,
                       const tl_match *x, bool exact)
{
  const tl_token *first = &t->v[x->tok_first], *prev, *next;
  bool cap = false;

  if (exact || u->kind == TL_BLK_HEADING || u->kind == TL_BLK_TABLE_CELL ||
      (first->flags & (TL_TF_LINK | TL_TF_ALT)))
    return false; /* titles, captions and link texts are title-cased */
  for (uint32_t k = x->tok_first; k <= x->tok_last; k++) {
    const tl_token *tok = &t->v[k];
    if (!(tok->flags & TL_TF_CAP) || (tok->flags & TL_TF_ALLCAPS) ||
        tok->kind != TL_TOK_WORD)
      continue;
    if (k > x->tok_first || !(tok->flags & TL_TF_SENT_START))
      cap = true;
  }
  if (!cap)
    return false;
  /* running prose around it: a lower-case word (or a short capitalised
   * article opening the sentence) before, a lower-case word or nothing
   * after; "Microsoft for Startups Founders Hub" is a name */
  prev = x->tok_first > 0 ? &t->v[x->tok_first - 1] : NULL;
  next = x->tok_last + 1 < t->n ? &t->v[x->tok_last + 1] : NULL;
  if (prev == NULL || prev->sent != first->sent ||
      ((prev->flags & TL_TF_CAP) &&
       !((prev->flags & TL_TF_SENT_START) && prev->len <= 3)))
    return false;
  if (next != NULL && next->sent == first->sent &&
      (next->flags & TL_TF_CAP))
    return false;
  return true;
}

void tl_check_consistency(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                          const tl_matches *m)
{
  for (size_t i = 0; i < m->n; i++) {
    const tl_match *x = &m->v[i];
    const tl_form *f = &c->gloss->f[x->form];

    if (f->kind == TL_FORM_FORBIDDEN || f->kind == TL_FORM_ABBREV)
      continue;
    if (c->nusage > 0) {
      tl_usage *prev = &c->usage[c->nusage - 1];
      if (prev->concept == x->concept &&
          is_gloss(c->doc, prev->off + prev->len, x->off)) {
        /* a gloss: one mention; the preferred form speaks for both */
        if (f->kind == TL_FORM_PREFERRED)
          prev->form = x->form;
        continue;
      }
    }
    TL_GROW(c->usage, c->capusage, c->nusage + 1);
    c->usage[c->nusage++] = (tl_usage){x->off, x->len, x->concept, x->form,
                                       title_case(u, t, x, f->exact)};
  }
}

static bool same_rendering(const tl_usage *a, const tl_usage *b)
{
  return a->form == b->form && a->title == b->title;
}

static const char *note_of_buf(const tl_concept *k, char *nb)
{
  snprintf(nb, 1200, " — %s", k->note);
  return nb;
}

static int by_concept(const void *a, const void *b)
{
  const tl_usage *x = a, *y = b;
  if (x->concept != y->concept)
    return x->concept < y->concept ? -1 : 1;
  return x->off < y->off ? -1 : (x->off > y->off);
}

/* How often each rendering (form and title case) of one concept occurs. */
typedef struct rendering_counts {
  struct rcount {
    uint32_t form;
    uint8_t title;
    size_t n;
  } *v;
  size_t n, cap;
} rendering_counts;

static void count_renderings(const tl_usage *u, size_t n,
                             rendering_counts *rc)
{
  rc->n = 0;
  for (size_t i = 0; i < n; i++) {
    size_t k = 0;
    while (k < rc->n && (rc->v[k].form != u[i].form ||
                         rc->v[k].title != u[i].title))
      k++;
    if (k == rc->n) {
      TL_GROW(rc->v, rc->cap, rc->n + 1);
      rc->v[rc->n++] = (struct rcount){u[i].form, u[i].title, 0};
    }
    rc->v[k].n++;
  }
}

static size_t rendering_count(const rendering_counts *rc, const tl_usage *u)
{
  for (size_t k = 0; k < rc->n; k++)
    if (rc->v[k].form == u->form && rc->v[k].title == u->title)
      return rc->v[k].n;
  return 0;
}

void tl_check_consistency_end(tl_ctx *c)
{
  tl_lines li;
  bool have_lines = false;
  char nb[1200];
  rendering_counts rc = {NULL, 0, 0};

  if (c->nusage == 0)
    return;
  qsort(c->usage, c->nusage, sizeof *c->usage, by_concept);
  for (size_t s = 0; s < c->nusage;) {
    size_t e = s, house = s;
    uint32_t ci = c->usage[s].concept;
    bool mixed = false;
    const tl_concept *k = &c->gloss->c[ci];

    while (e < c->nusage && c->usage[e].concept == ci) {
      mixed |= !same_rendering(&c->usage[e], &c->usage[s]);
      e++;
    }
    if (mixed) {
      /* the document's own choice: the form it uses most; on a tie, the
       * glossary's preferred form, else the first used. Counted once per
       * rendering (a concept has few), so that this stays linear. */
      size_t best = 0;
      count_renderings(c->usage + s, e - s, &rc);
      for (size_t i = s; i < e; i++) {
        size_t cnt = rendering_count(&rc, &c->usage[i]);
        bool pref = c->gloss->f[c->usage[i].form].kind == TL_FORM_PREFERRED;
        if (cnt > best ||
            (cnt == best && pref &&
             c->gloss->f[c->usage[house].form].kind != TL_FORM_PREFERRED)) {
          best = cnt;
          house = i;
        }
      }
      if (!have_lines) {
        tl_lines_init(&li, c->doc, c->len, c->res->bom);
        have_lines = true;
      }
      for (size_t i = s; i < e; i++) {
        const tl_usage *u = &c->usage[i], *h = &c->usage[house];
        const char *sugg = c->gloss->f[h->form].text;
        tl_finding *fd;
        if (same_rendering(u, h))
          continue;
        fd = tl_result_add(
            c->res, u->off, u->len, "consistency.document", "consistency",
            TL_WARNING,
            "'%s' aqui; este texto também escreve '%s' (linha %u, a "
            "forma mais usada nele): use uma forma só%s",
            tl_result_surface(c->res, u->off, u->len),
            tl_result_surface(c->res, h->off, h->len),
            tl_lines_line(&li, h->off), k->note ? note_of_buf(k, nb) : "");
        tl_result_set_suggestions(c->res, fd, &sugg, 1);
        fd->concept = k->id;
      }
    }
    s = e;
  }
  if (have_lines)
    tl_lines_fini(&li);
  free(rc.v);
  /* c->usage stays, sorted by concept: the corpus stage reads it */
}
