/* agreement.article: a company's name left without its article at the
 * start of a sentence, as machine translation leaves it from English
 * ("Meta, the tech giant, ..." -> "Meta, gigante da tecnologia, ..."),
 * where the same document writes the name with its article elsewhere
 * ("a Meta", "da Meta"). Brazilian prose gives a feminine company name
 * its article in every position, the first word of a sentence included.
 *
 * Only feminine names of the glossary (gender f, case exact: a OpenAI, a
 * Meta, a Microsoft), whose article is the norm; masculine names are
 * mostly products and models, which Brazilian tech writing often leaves
 * bare ("Keras não exige..."). Only in paragraphs and quotes, in a
 * sentence that ends as prose does (a full stop, a question or an
 * exclamation mark): a heading, a list item or a title line without
 * punctuation may drop the article ("Meta lança modelo"). */
#include "check.h"
#include "msg.h"

#include <string.h>

/* Whether the byte before @p (in doc[0..p)) ends a word. */
static bool word_edge(const char *doc, size_t p)
{
  unsigned char b;

  if (p == 0)
    return true;
  b = (unsigned char)doc[p - 1];
  return !((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
           (b >= '0' && b <= '9') || b >= 0x80 || b == '-' || b == '_');
}

/* Whether the document writes the name doc[off, off+n) after a feminine
 * article or contraction somewhere ("a Meta", "da Meta", "à Meta"). The
 * answer is kept per name in c->article_names: a long document may repeat
 * the name thousands of times. */
static bool written_with_article(tl_ctx *c, size_t off, size_t n)
{
  static const char *const BEFORE[] = {"a ", "A ", "da ", "na ", "pela ",
                                       "à ", "À ", "Da ", "Na ", "Pela ",
                                       NULL};
  const char *name = c->doc + off, *end = c->doc + c->len;
  const tl_map_slot *known;
  bool seen = false, created;

  known = tl_map_find(&c->article_names, name, n);
  if (known != NULL)
    return known->value == 2;
  for (const char *p = c->doc; !seen && (size_t)(end - p) >= n; p++) {
    size_t at;

    p = memchr(p, name[0], (size_t)(end - p) - n + 1);
    if (p == NULL)
      break;
    at = (size_t)(p - c->doc);
    /* "Meta" is not "Metaverso" nor "Meta-X" */
    if (memcmp(p, name, n) != 0 ||
        (at + n < c->len && !word_edge(c->doc, at + n + 1)))
      continue;
    for (size_t i = 0; !seen && BEFORE[i] != NULL; i++) {
      size_t l = strlen(BEFORE[i]);
      seen = at >= l && memcmp(p - l, BEFORE[i], l) == 0 &&
             word_edge(c->doc, at - l);
    }
  }
  tl_map_put(&c->article_names, name, n, seen ? 2 : 1, &created);
  return seen;
}

/* Whether the sentence of token @k ends as a sentence of prose does: a
 * full stop, a question or an exclamation mark after its last word
 * (closing quotes, brackets and emphasis marks between them). */
static bool ends_as_prose(const tl_ctx *c, const tl_tokens *t, size_t k)
{
  size_t last = k, p;

  while (last + 1 < t->n && t->v[last + 1].sent == t->v[k].sent)
    last++;
  p = t->v[last].off + t->v[last].len;
  while (p < c->len && strchr("\"')]*_", c->doc[p]) != NULL)
    p++;
  if (p + 3 <= c->len && (unsigned char)c->doc[p] == 0xE2 &&
      (unsigned char)c->doc[p + 1] == 0x80 &&
      ((unsigned char)c->doc[p + 2] == 0x9D ||
       (unsigned char)c->doc[p + 2] == 0x99))
    p += 3; /* a closing quote mark ” or ’ */
  return p < c->len && strchr(".!?", c->doc[p]) != NULL;
}

void tl_check_article(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                      const tl_matches *m)
{
  char sugg[256];

  if (c->gloss == NULL || m == NULL ||
      (u->kind != TL_BLK_PARA && u->kind != TL_BLK_QUOTE_PARA))
    return;
  for (size_t i = 0; i < m->n; i++) {
    const tl_match *x = &m->v[i];
    const tl_concept *k = &c->gloss->c[x->concept];
    const tl_token *first = &t->v[x->tok_first], *nx;
    const char *sv = sugg;
    tl_finding *fd;

    if (k->gender != 'f' || !k->exact || !x->same_letters ||
        c->gloss->f[x->form].kind == TL_FORM_FORBIDDEN ||
        !(first->flags & TL_TF_SENT_START) || x->len + 3 > sizeof sugg)
      continue;
    /* the sentence goes on in the same block, with a comma or a word
     * in lower case: not a name that goes on ("Meta Connect"), not a
     * label ("Meta: ...") */
    if (x->tok_last + 1 >= t->n)
      continue;
    nx = &t->v[x->tok_last + 1];
    if (nx->sent != first->sent || (nx->flags & TL_TF_CAP) ||
        nx->kind != TL_TOK_WORD)
      continue;
    {
      char b = c->doc[x->off + x->len];
      if (b != ',' && b != ' ')
        continue;
    }
    if (!ends_as_prose(c, t, x->tok_first) ||
        !written_with_article(c, x->off, x->len))
      continue;
    memcpy(sugg, "A ", 2);
    memcpy(sugg + 2, c->doc + x->off, x->len);
    sugg[x->len + 2] = '\0';
    fd = tl_result_add(
        c->res, x->off, x->len, "agreement.article", "agreement", TL_WARNING,
        _("'%s' sem artigo no início da frase, e o texto escreve 'a %s' em "
          "outros lugares; escreva '%s'"),
        tl_result_surface(c->res, x->off, x->len), k->preferred, sugg);
    tl_result_set_suggestions(c->res, fd, &sv, 1);
    fd->fix = true;
    fd->concept = k->id;
  }
}
