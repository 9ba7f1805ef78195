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

#include "article.h"

#include <stdio.h>
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
  /* a line break after a word and before a capital inside the sentence:
   * a title line ran into the next ("Meta anuncia novo modelo de IA" /
   * "A Meta, gigante da tecnologia, ...") */
  for (size_t j = k; j < last; j++) {
    const tl_token *a = &t->v[j], *b = &t->v[j + 1];
    if ((b->flags & TL_TF_CAP) &&
        memchr(c->doc + a->off + a->len, '\n', b->off - a->off - a->len) &&
        strchr(".!?:;,", c->doc[a->off + a->len]) == NULL)
      return false;
  }
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

/* Whether token @w looks like a name of a thing: an acronym (GRU, RLHF),
 * a camel-case name (ResNet) or one with digits (H100), not its plural
 * (GPUs, CNNs). */
static bool thing_name(const char *doc, const tl_token *w)
{
  if (w->len < 2 || doc[w->off + w->len - 1] == 's')
    return false;
  return w->kind == TL_TOK_MIXED ||
         (w->flags & (TL_TF_ALLCAPS | TL_TF_INNERCAP)) != 0;
}

/* Record the names of block @t after a singular article, for
 * tl_check_article_end. A name the glossary gives a gender is judged by
 * agreement.gender against the glossary instead. */
static void collect_named(tl_ctx *c, const tl_tokens *t, const tl_matches *m)
{
  char low[8];

  for (size_t i = 1; i < t->n; i++) {
    const tl_token *art = &t->v[i - 1], *w = &t->v[i];
    const tl_match *x;
    const char *other;
    char g;

    if (!thing_name(c->doc, w) || art->kind != TL_TOK_WORD ||
        art->len >= sizeof low || art->sent != w->sent ||
        art->off + art->len + 1 != w->off || c->doc[w->off - 1] != ' ')
      continue;
    /* the name goes on ("o GPT Store"): the article agrees with all of it */
    if (i + 1 < t->n && t->v[i + 1].sent == w->sent &&
        (t->v[i + 1].flags & TL_TF_CAP) &&
        t->v[i + 1].off == w->off + w->len + 1)
      continue;
    x = m != NULL ? tl_matches_at_token(m, i) : NULL;
    if (x != NULL && c->gloss->c[x->concept].gender != 0)
      continue;
    for (size_t k = 0; k < art->len; k++) {
      char b = c->doc[art->off + k];
      low[k] = b >= 'A' && b <= 'Z' ? (char)(b - 'A' + 'a') : b;
    }
    if (art->len == 2 && memcmp(c->doc + art->off, "\xC3\x80", 2) == 0)
      memcpy(low, "\xC3\xA0", 2); /* À */
    g = tl_article_gender(low, art->len, TL_SINGULAR_DETERMINERS, &other);
    if (g == 0)
      continue;
    TL_GROW(c->named, c->capnamed, c->nnamed + 1);
    c->named[c->nnamed++] =
        (tl_named){art->off, w->off, art->len, w->len, (uint8_t)g,
                   (uint8_t)((art->flags & TL_TF_CAP) != 0), other};
  }
}

void tl_check_article(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                      const tl_matches *m)
{
  char sugg[256];

  collect_named(c, t, m);
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

void tl_check_article_end(tl_ctx *c)
{
  tl_map counts; /* name -> masculine count << 16 | feminine count */

  if (c->nnamed < 2)
    return;
  tl_map_init(&counts);
  for (size_t i = 0; i < c->nnamed; i++) {
    const tl_named *x = &c->named[i];
    bool created;
    tl_map_slot *s = tl_map_put(&counts, c->doc + x->off, x->len, 0,
                                &created);
    uint32_t nm = s->value >> 16, nf = s->value & 0xFFFF;
    if (x->gender == 'm' && nm < 0xFFFF)
      nm++;
    else if (x->gender == 'f' && nf < 0xFFFF)
      nf++;
    s->value = nm << 16 | nf;
  }
  for (size_t i = 0; i < c->nnamed; i++) {
    const tl_named *x = &c->named[i];
    const tl_map_slot *s = tl_map_find(&counts, c->doc + x->off, x->len);
    size_t nm = s->value >> 16, nf = s->value & 0xFFFF, most;
    char sugg[16], times[64], minority;
    const char *sv = sugg;
    tl_finding *fd;

    if (nm == 0 || nf == 0 || nm == nf)
      continue;
    minority = nm < nf ? 'm' : 'f';
    if (x->gender != minority)
      continue;
    most = minority == 'm' ? nf : nm;
    snprintf(sugg, sizeof sugg, "%s", x->other);
    if (x->cap && sugg[0] >= 'a' && sugg[0] <= 'z')
      sugg[0] = (char)(sugg[0] - 'a' + 'A');
    else if (x->cap && memcmp(sugg, "\xC3\xA0", 2) == 0)
      memcpy(sugg, "\xC3\x80", 2);
    snprintf(times, sizeof times, P_("%zu vez", "%zu vezes", most), most);
    fd = tl_result_add(
        c->res, x->art, x->artlen, "agreement.gender", "agreement",
        TL_WARNING,
        _("'%.*s %.*s': o texto usa o %s com '%.*s' (%s); use um só "
          "gênero para o nome: '%s'"),
        (int)x->artlen, c->doc + x->art, (int)x->len, c->doc + x->off,
        minority == 'm' ? _("feminino") : _("masculino"), (int)x->len,
        c->doc + x->off, times, sv);
    tl_result_set_suggestions(c->res, fd, &sv, 1);
    fd->fix = true;
  }
  tl_map_fini(&counts);
}
