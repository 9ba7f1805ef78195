/* Words doubled by machine translation.
 *   repetition.word (warning, fix): the same word twice in a row ("de de"),
 *     or the same two words ("da OpenAI da OpenAI").
 *   repetition.coordination (warning): "X e X" / "X ou X" with the same
 *     content word ("resultados claros e claros"), the mark of two English
 *     synonyms translated to one Portuguese word. */
#include "check.h"
#include "msg.h"

#include "prose.h"
#include "utf8.h"

#include <string.h>

/* Emphatic repetitions that Portuguese uses on purpose: "horas e horas",
 * "mais e mais", "muitos e muitos". */
static const char *const IDIOMS[] = {
    "mais", "menos", "muito", "muitos", "muita", "muitas", "anos", "horas",
    "dias", "meses", "semanas", "minutos", "milhares", "milhões", "bilhões",
    "vezes", "outros", "outras", "cada", "sim", "não", "pouco", "bem", NULL};

/* Homographs that follow each other in good Portuguese: the participle
 * "dado" (given) before the noun "dados" (data): "Dados dados de entrada,
 * ...". */
static const char *const HOMOGRAPHS[] = {"dado", "dados", "dada", "dadas",
                                         NULL};

/* Prepositions after which the second of "X e X" is another, specified
 * thing: "vetores e vetores de incorporação", "dados e dados para teste". */
static const char *const COMPLEMENTS[] = {"de", "do", "da", "dos", "das",
                                          "para", "com", NULL};

/* Words that negate or limit only the first of "X ou X": "não confia ou
 * confia pouco", "nunca funciona ou funciona mal" contrast two uses of one
 * word. */
static const char *const NEGATIONS[] = {"não", "nunca", "nem", "jamais",
                                        "quase", NULL};

/* Only white space between tokens a and b. */
static bool spaced(const char *doc, const tl_token *a, const tl_token *b)
{
  size_t i = a->off + a->len;

  if (b->off <= i)
    return false;
  for (; i < b->off; i++)
    if (doc[i] != ' ' && doc[i] != '\t' && doc[i] != '\n' && doc[i] != '\r')
      return false;
  return true;
}

/* Whether token @k is a name of the document ("Bob e Bob devolve": two
 * clauses about one person, not two synonyms). */
static bool is_name(const tl_ctx *c, const tl_tokens *t, size_t k)
{
  return (c->role[k] & TL_ROLE_NAME) != 0 ||
         ((t->v[k].flags & TL_TF_CAP) && !(t->v[k].flags & TL_TF_SENT_START) &&
          c->lang[k].lang != TL_WORD_PT);
}

/* Whether capitalised token @k goes on as a name: a capitalised word or
 * a number right after it ("iPhone 16 Pro e Pro Max", Folhapress: two
 * models, not one word said twice). */
static bool name_goes_on(const tl_ctx *c, const tl_tokens *t, size_t k)
{
  const tl_token *n = k + 1 < t->n ? &t->v[k + 1] : NULL;

  return (t->v[k].flags & TL_TF_CAP) && n != NULL &&
         n->sent == t->v[k].sent && spaced(c->doc, &t->v[k], n) &&
         ((n->flags & TL_TF_CAP) || n->kind != TL_TOK_WORD);
}

/* Whether the word before token @k (in its sentence) is one of @list. */
static bool after_word_in(tl_ctx *c, const tl_tokens *t, size_t k,
                          const char *const *list, tl_buf *w)
{
  const tl_token *p;

  if (k == 0)
    return false;
  p = &t->v[k - 1];
  if (p->kind != TL_TOK_WORD || p->sent != t->v[k].sent ||
      !spaced(c->doc, p, &t->v[k]))
    return false;
  size_t n;
  const char *s = tl_token_lower(c->doc, p, w, &n);
  return tl_in_list(list, s, n);
}

static bool same_word(tl_ctx *c, const tl_token *a, const tl_token *b,
                      tl_buf *x, tl_buf *y)
{
  if (a->kind != TL_TOK_WORD || b->kind != TL_TOK_WORD || a->len != b->len)
    return false; /* case mapping keeps the length of these letters */
  if ((a->flags & b->flags & TL_TF_ASCII) != 0) { /* most pairs: no buffers */
    for (size_t i = 0; i < a->len; i++) {
      char p = c->doc[a->off + i], q = c->doc[b->off + i];
      if (p != q && (p | 0x20) != (q | 0x20))
        return false; /* letters only: | 0x20 lower-cases them */
    }
  }
  if (memcmp(c->doc + a->off, c->doc + b->off, a->len) == 0) {
    tl_buf_clear(x);
    tl_utf8_lower(c->doc + a->off, a->len, x);
    return true;
  }
  tl_buf_clear(x);
  tl_buf_clear(y);
  tl_utf8_lower(c->doc + a->off, a->len, x);
  tl_utf8_lower(c->doc + b->off, b->len, y);
  return x->len == y->len && memcmp(x->p, y->p, x->len) == 0;
}

/* Tokens k, k+1 said twice in a row, byte for byte: "O modelo o3 da
 * OpenAI da OpenAI" (a phrase the machine wrote twice). Words of two
 * letters or more, not numbers: "1 2 1 2" may be data. */
static bool repeated_pair(const tl_ctx *c, const tl_tokens *t, size_t k)
{
  const tl_token *a = &t->v[k], *b = &t->v[k + 1], *a2 = &t->v[k + 2],
                 *b2 = &t->v[k + 3];

  /* not "X e X e X" nor "passo a passo a passo": emphasis, not a slip */
  return a->len > 1 && b->len > 1 && a->len == a2->len &&
         b->len == b2->len && a->sent == b2->sent &&
         a->kind != TL_TOK_NUMBER && b->kind != TL_TOK_NUMBER &&
         (a->len != b->len ||
          memcmp(c->doc + a->off, c->doc + b->off, a->len) != 0) &&
         memcmp(c->doc + a->off, c->doc + a2->off, a->len) == 0 &&
         memcmp(c->doc + b->off, c->doc + b2->off, b->len) == 0 &&
         spaced(c->doc, a, b) && spaced(c->doc, b, a2) &&
         spaced(c->doc, a2, b2);
}

void tl_check_repetition(tl_ctx *c, const tl_tokens *t)
{
  tl_buf x, y, y_buf;

  tl_buf_init(&x);
  tl_buf_init(&y);
  tl_buf_init(&y_buf);
  for (size_t i = 0; i + 1 < t->n; i++) {
    const tl_token *a = &t->v[i], *b = &t->v[i + 1];
    /* a letter that labels something before the conjunction: "tipo E e
     * tipo F" (Estadão) */
    bool label = a->len == 1 && c->doc[a->off] != c->doc[b->off];
    /* same_word's length test first, here: most pairs fail it (109,108
     * calls on 1 MB) */
    if (!label && a->len == b->len && a->sent == b->sent &&
        spaced(c->doc, a, b) && same_word(c, a, b, &x, &y) &&
        !((a->flags & TL_TF_CAP) && !(b->flags & TL_TF_CAP) &&
          tl_in_list(HOMOGRAPHS, x.p, x.len))) {
      const char *sv = tl_result_surface(c->res, a->off, a->len);
      tl_finding *f = tl_result_add(
          c->res, a->off, b->off + b->len - a->off, "repetition.word",
          "repetition", TL_WARNING, _("palavra repetida: '%s %.*s'"), sv,
          (int)b->len, c->doc + b->off);
      tl_result_set_suggestions(c->res, f, &sv, 1);
      f->fix = true;
      continue;
    }
    if (i + 3 < t->n && repeated_pair(c, t, i)) {
      const tl_token *d = &t->v[i + 3];
      const char *sv =
          tl_result_surface(c->res, a->off, b->off + b->len - a->off);
      tl_finding *f = tl_result_add(
          c->res, a->off, d->off + d->len - a->off, "repetition.word",
          "repetition", TL_WARNING, _("expressão repetida: '%s %s'"), sv, sv);
      tl_result_set_suggestions(c->res, f, &sv, 1);
      f->fix = true;
      i += 3;
      continue;
    }
    if (i + 3 < t->n) {
      /* a list that names the same item twice: "classificação, regressão e
       * classificação" (two English words rendered by one) */
      const tl_token *item = &t->v[i + 1], *m = &t->v[i + 2],
                     *d = &t->v[i + 3];
      const char *between = c->doc + a->off + a->len;
      bool conj = m->kind == TL_TOK_WORD &&
                  ((m->len == 1 && c->doc[m->off] == 'e') ||
                   (m->len == 2 && memcmp(c->doc + m->off, "ou", 2) == 0));
      if (conj && item->kind == TL_TOK_WORD && a->sent == d->sent &&
          between + 2 == c->doc + item->off && between[0] == ',' &&
          between[1] == ' ' && spaced(c->doc, item, m) &&
          spaced(c->doc, m, d) &&
          a->len >= 4 && same_word(c, a, d, &x, &y_buf) &&
          !tl_in_list(IDIOMS, x.p, x.len))
        tl_result_add(c->res, a->off, d->off + d->len - a->off,
                      "repetition.coordination", "repetition", TL_WARNING,
                      _("'%.*s' repete um item da lista: provável tradução "
                        "de dois termos ingleses pela mesma palavra"),
                      (int)(d->off + d->len - a->off), c->doc + a->off);
    }
    if (i + 2 < t->n) {
      const tl_token *m = &t->v[i + 1], *d = &t->v[i + 2];
      bool conj = m->kind == TL_TOK_WORD &&
                  ((m->len == 1 && c->doc[m->off] == 'e') ||
                   (m->len == 2 && memcmp(c->doc + m->off, "ou", 2) == 0));
      bool specified = false;
      /* the last item of a list: a complement after it is the whole
       * list's ("segurança, confiabilidade e confiabilidade dos
       * sistemas"), not the second item's */
      bool closes_list = i > 0 && a->off > 0 && t->v[i - 1].sent == a->sent &&
                         t->v[i - 1].kind == TL_TOK_WORD &&
                         c->doc[t->v[i - 1].off + t->v[i - 1].len] == ',' &&
                         t->v[i - 1].off + t->v[i - 1].len + 2 == a->off;
      if (conj && !closes_list && i + 3 < t->n &&
          t->v[i + 3].sent == d->sent && spaced(c->doc, d, &t->v[i + 3])) {
        /* asked only between "X e|ou X": it matters nowhere else */
        size_t yn;
        const char *ys = tl_token_lower(c->doc, &t->v[i + 3], &y_buf, &yn);
        specified = tl_in_list(COMPLEMENTS, ys, yn);
      }
      if (conj && !specified && a->sent == d->sent && spaced(c->doc, a, m) &&
          spaced(c->doc, m, d) && same_word(c, a, d, &x, &y) && a->len >= 3 &&
          !tl_in_list(IDIOMS, x.p, x.len) && !is_name(c, t, i) &&
          !is_name(c, t, i + 2) && !name_goes_on(c, t, i + 2) &&
          !after_word_in(c, t, i, NEGATIONS, &y_buf))
        tl_result_add(c->res, a->off, d->off + d->len - a->off,
                      "repetition.coordination", "repetition", TL_WARNING,
                      _("'%.*s' coordenado consigo mesmo: provável tradução "
                        "de dois sinônimos ingleses pela mesma palavra; use "
                        "outra palavra ou apague a repetição"),
                      (int)(d->off + d->len - a->off), c->doc + a->off);
    }
  }
  tl_buf_fini(&x);
  tl_buf_fini(&y);
  tl_buf_fini(&y_buf);
}
