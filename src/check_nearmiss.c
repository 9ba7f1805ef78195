/* terminology.nearmiss: a phrase that is a glossary term but for one word
 * swapped for another translation of the same English word (nearmiss.h),
 * reported with the house rendering as the suggestion. */
#include "check.h"
#include "msg.h"

#include "calque.h"
#include "nearmiss.h"

#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 5

/* Only spaces, line ends or a hyphen between two tokens. */
static bool joined(const char *doc, const tl_token *a, const tl_token *b)
{
  return tl_tokens_adjacent(doc, a, b, " \n-");
}

static bool overlaps(const tl_matches *m, size_t off, size_t end)
{
  return tl_matches_overlap(m, off, end) != NULL;
}

/* Whether a near miss may open with token @i's glossary key: asked once a
 * spelling (its entry keeps the answer). */
static bool opens(const tl_ctx *c, const tl_tokens *t, size_t i,
                  const tl_nearmiss *nm, const char *keys, const size_t *offs)
{
  tl_wordinfo *w = tl_ctx_word(c, t, i);

  if (w == NULL)
    return tl_nearmiss_first(nm, keys + offs[i], offs[i + 1] - offs[i]);
  if (!(w->flags & TL_WI_NM_ASKED))
    w->flags |= TL_WI_NM_ASKED |
                (tl_nearmiss_first(nm, keys + offs[i], offs[i + 1] - offs[i])
                     ? TL_WI_NM_FIRST
                     : 0);
  return (w->flags & TL_WI_NM_FIRST) != 0;
}

void tl_check_nearmiss(tl_ctx *c, const tl_tokens *t, const tl_matches *m)
{
  const tl_nearmiss *nm;
  const size_t *offs;
  const char *keys;

  if (c->calques == NULL || c->gloss == NULL)
    return;
  nm = &c->calques->near;
  if (nm->nforms == 0 || t->n < 2 || t->n > TL_PHRASE_MAX_TOKENS)
    return;
  offs = tl_ctx_token_keys(c, t, &keys);
  for (size_t i = 0; i < t->n; i++) {
    size_t n = 1;
    if (t->v[i].kind != TL_TOK_WORD || (t->v[i].flags & TL_TF_ALLCAPS) ||
        !opens(c, t, i, nm, keys, offs))
      continue; /* no near miss opens with this word: its phrase is not
                   looked for */
    while (n < MAX_WORDS && i + n < t->n && t->v[i + n].kind == TL_TOK_WORD &&
           !(t->v[i + n].flags & TL_TF_ALLCAPS) &&
           joined(c->doc, &t->v[i + n - 1], &t->v[i + n]))
      n++;
    for (; n >= 2; n--) {
      const tl_token *last = &t->v[i + n - 1];
      size_t end = last->off + last->len;
      uint32_t ci;
      tl_buf_clear(&c->key);
      for (size_t k = i; k < i + n; k++) {
        if (k > i)
          tl_buf_addc(&c->key, ' ');
        tl_buf_add(&c->key, keys + offs[k], offs[k + 1] - offs[k]);
      }
      ci = tl_nearmiss_find(nm, c->key.p, c->key.len);
      if (ci == 0)
        continue;
      if (!overlaps(m, t->v[i].off, end)) {
        const tl_concept *k = &c->gloss->c[ci - 1];
        const char *sugg = k->preferred;
        size_t enlen = strcspn(k->en, "|");
        tl_finding *fd = tl_result_add(
            c->res, t->v[i].off, end - t->v[i].off, "terminology.nearmiss",
            "terminology", TL_WARNING,
            _("'%s' parece tradução errada de '%.*s', que o glossário "
              "traduz por '%s': uma palavra trocada por outra tradução da "
              "mesma palavra inglesa"),
            tl_result_surface(c->res, t->v[i].off, end - t->v[i].off),
            (int)enlen, k->en, k->preferred);
        tl_result_set_suggestions(c->res, fd, &sugg, 1);
        fd->concept = k->id;
      }
      i += n - 1;
      break;
    }
  }
}
