/* Numbers written the English way in pt-BR prose.
 *   number.decimal (warning, fix): 86.4% -> 86,4%; never in versions or
 *     names (Gemini 2.5 Pro, Llama 3.2, v1.2, seção 3.2), IP addresses,
 *     dates or times.
 *   number.thousands (warning, fix): 1,000 GPUs -> 1.000 GPUs; never a
 *     pt-BR decimal (0,01%, 99,5%). */
#include "check.h"
#include "msg.h"

#include "utf8.h"

#include <string.h>

/* Words after which a number is a version, a section or a time. */
static const char *const VERSION_CUES[] = {
    "versão", "versões", "version", "v", "seção", "capítulo", "figura",
    "tabela", "equação", "item", "página", "passo", "etapa", "lição", "aula",
    "exercício", "às", "as", "release", "build", "modelo", "python", NULL};

static bool in_list(const char *const *list, const char *s, size_t n)
{
  for (size_t i = 0; list[i] != NULL; i++)
    if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
      return true;
  return false;
}

/* Digits grouped by @sep in threes: 1,000  64,000  1,000,000. */
static bool grouped(const char *p, size_t n, char sep)
{
  size_t i = 0;

  while (i < n && p[i] != sep)
    i++;
  if (i == 0 || i > 3 || i == n)
    return false;
  while (i < n) {
    if (p[i] != sep || n - i < 4)
      return false;
    for (size_t k = 1; k <= 3; k++)
      if (p[i + k] < '0' || p[i + k] > '9')
        return false;
    i += 4;
  }
  return true;
}

static size_t count(const char *p, size_t n, char ch)
{
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += p[i] == ch;
  return k;
}

/* The number at token @k is a version or a name's number: after a
 * capitalised word or a glossary name, a product word, or a cue. */
static bool version_context(tl_ctx *c, const tl_tokens *t, size_t k)
{
  const tl_token *p;
  tl_buf low;
  bool cue;

  if (k == 0)
    return false;
  {
    /* money: "US$ 0.15", "R$ 2.5 bilhões" */
    size_t i = t->v[k].off;
    while (i > 0 && c->doc[i - 1] == ' ')
      i--;
    if (i > 0 && (c->doc[i - 1] == '$' ||
                  (i >= 3 && memcmp(c->doc + i - 3, "\xE2\x82\xAC", 3) == 0)))
      return false;
  }
  p = &t->v[k - 1];
  if (p->sent != t->v[k].sent)
    return false;
  if (p->kind == TL_TOK_MIXED || (p->flags & (TL_TF_CAP | TL_TF_ALLCAPS)))
    return true; /* Gemini 2.5, GPT-4 3.5, Seção 3.2 */
  tl_buf_init(&low);
  tl_utf8_lower(c->doc + p->off, p->len, &low);
  cue = in_list(VERSION_CUES, low.p, low.len);
  tl_buf_fini(&low);
  return cue;
}

static void add(tl_ctx *c, const tl_token *tok, char from, char to,
                const char *rule, const char *msg)
{
  char *s = tl_arena_strndup(&c->res->arena, c->doc + tok->off, tok->len);
  const char *sv = s;
  tl_finding *f;

  for (char *q = s; *q; q++)
    if (*q == from)
      *q = to;
  f = tl_result_add(c->res, tok->off, tok->len, rule, "number", TL_WARNING,
                    _("'%.*s': %s; em português, '%s'"), (int)tok->len,
                    c->doc + tok->off, msg, s);
  tl_result_set_suggestions(c->res, f, &sv, 1);
  f->fix = true;
}

void tl_check_number(tl_ctx *c, const tl_tokens *t)
{
  for (size_t k = 0; k < t->n; k++) {
    const tl_token *tok = &t->v[k];
    const char *p = c->doc + tok->off;
    size_t n = tok->len, dots, commas;
    char after;

    if (tok->kind != TL_TOK_NUMBER)
      continue;
    dots = count(p, n, '.');
    commas = count(p, n, ',');
    after = tok->off + n < c->len ? c->doc[tok->off + n] : '\0';
    if (dots && commas)
      continue;
    /* a version written with a "v" glued before: v1.2 is MIXED already;
     * "3.2.1" and IP addresses have more than one point */
    if (dots == 1 && !grouped(p, n, '.') && !version_context(c, t, k) &&
        after != '.' && !(k > 0 && c->doc[tok->off - 1] == '.')) {
      add(c, tok, '.', ',', "number.decimal",
          _("ponto decimal à inglesa"));
    } else if (commas >= 1 && grouped(p, n, ',') && p[0] != '0') {
      add(c, tok, ',', '.', "number.thousands",
          _("vírgula de milhar à inglesa"));
    }
  }
}
