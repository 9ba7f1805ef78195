/* Numbers written the English way in pt-BR prose.
 *   number.decimal (warning, fix): 86.4% -> 86,4%; 45.0% -> 45,0%;
 *     1.5-2.5% -> 1,5-2,5%; never in versions or names (Gemini 2.5 Pro,
 *     Llama 3.2, v1.2, seção 3.2), IP addresses, dates or times. A number
 *     followed by '%' or by a scale word (mil, milhões, bilhão) or after a
 *     currency sign is a quantity, never a version.
 *     A decimal the document also writes inside a name ("GPT-4.1" ... "as
 *     versões 4.1 nano e 4.1 mini") or right before a model tier ("o 2.5
 *     Pro", "4.1 mini") is a version.
 *   number.thousands (warning, fix): 1,000 GPUs -> 1.000 GPUs; never a
 *     pt-BR decimal (0,01%, 99,5%, "21,320 bilhões": before a scale word a
 *     comma is the decimal one).
 *   number.currency (warning, fix): a dollar amount written the English
 *     way: "$2.50" -> "US$ 2,50", "US$1.5" -> "US$ 1,5", "$2.5M" ->
 *     "US$ 2,5 milhões", "$500K" -> "US$ 500 mil"; and the currency said
 *     twice: "US$ 721,28 dólares" -> "US$ 721,28".
 *   number.plural (warning, fix): a scale word whose number disagrees
 *     with the number's integer part: singular up to 1 ("1,78 trilhões" ->
 *     "1,78 trilhão", "1 milhões" -> "1 milhão"), plural from 2 on ("2,37
 *     trilhão" -> "2,37 trilhões"): the norm of the Brazilian press. */
#include "check.h"
#include "msg.h"

#include "utf8.h"

#include <string.h>

/* Words after which a number is a version, a section or a time. */
static const char *const VERSION_CUES[] = {
    "versão", "versões", "version", "v", "seção", "capítulo", "figura",
    "tabela", "equação", "item", "página", "passo", "etapa", "lição", "aula",
    "exercício", "às", "as", "release", "build", "modelo", "python", NULL};

/* Words after which a number is a quantity (US$ 1.5 bilhão). */
static const char *const SCALE_WORDS[] = {
    "mil", "milhão", "milhões", "bilhão", "bilhões", "trilhão", "trilhões",
    "mi", "bi", "tri", "million", "billion", "trillion", NULL};
static const char *const PT_SCALE_WORDS[] = {
    "mil", "milhão", "milhões", "bilhão", "bilhões", "trilhão", "trilhões",
    "mi", "bi", "tri", NULL};

/* Words after a number that make it a model's version: "4.1 mini". */
static const char *const TIER_WORDS[] = {
    "mini", "nano", "pro", "flash", "turbo", "ultra", "lite", "max", "plus",
    "sonnet", "opus", "haiku", "preview", "instruct", "chat", NULL};

/* Digits grouped by @sep in threes: 1,000  64,000  1,000,000; never a
 * leading zero (0.075 is a decimal). */
static bool grouped(const char *p, size_t n, char sep)
{
  size_t i = 0;

  while (i < n && p[i] != sep)
    i++;
  if (i == 0 || i > 3 || i == n || p[0] == '0')
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

static bool is_digit(char ch)
{
  return ch >= '0' && ch <= '9';
}

static bool is_alnum_ascii(char ch)
{
  return is_digit(ch) || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* The decimals the document writes glued to a name: "GPT-4.1", "o4.1",
 * "Llama-3.1" (a letter or "letter-" right before the digits). One pass
 * over the document, the first time a decimal needs it. */
static void collect_name_numbers(tl_ctx *c)
{
  const char *d = c->doc;
  size_t i = 0;

  c->name_numbers_done = true;
  while (i < c->len) {
    size_t j;
    bool dot = false, named;
    while (i < c->len && (unsigned char)(d[i] - '0') > 9)
      i++; /* to the next digit, a byte a step */
    if (i == c->len)
      break;
    if (i > 0 && (is_digit(d[i - 1]) || d[i - 1] == '.' || d[i - 1] == ',')) {
      i++;
      continue;
    }
    j = i;
    for (;;) {
      if (j < c->len && is_digit(d[j]))
        j++;
      else if (j + 1 < c->len && d[j] == '.' && is_digit(d[j + 1]))
        j++, dot = true;
      else
        break;
    }
    named = i > 0 && ((d[i - 1] == '-' && i > 1 && is_alnum_ascii(d[i - 2])) ||
                      (is_alnum_ascii(d[i - 1]) && !is_digit(d[i - 1])));
    if (dot && named) {
      bool created;
      tl_map_put(&c->name_numbers, d + i, j - i, 1, &created);
    }
    i = j;
  }
}

/* Whether @p[0..n) is a number the document writes inside a name. */
static bool name_number(tl_ctx *c, const char *p, size_t n)
{
  if (!c->name_numbers_done)
    collect_name_numbers(c);
  return tl_map_find(&c->name_numbers, p, n) != NULL;
}

/* The word token right after number token @k (same sentence) is one of
 * @list. */
static bool next_word_in(tl_ctx *c, const tl_tokens *t, size_t k,
                         const char *const *list)
{
  return k + 1 < t->n && t->v[k + 1].sent == t->v[k].sent &&
         tl_token_in_list(c->doc, &t->v[k + 1], list);
}

/* Offset of the '$' of a dollar sign right before @off ("$2", "US$ 2",
 * "US$2"), or (size_t)-1. */
static size_t dollar_before(const tl_ctx *c, size_t off)
{
  size_t i = off;

  if (i > 0 && c->doc[i - 1] == ' ')
    i--;
  return i > 0 && c->doc[i - 1] == '$' ? i - 1 : (size_t)-1;
}

/* The number at token @k is a quantity: after a currency sign, before '%'
 * or a scale word. */
static bool quantity_context(tl_ctx *c, const tl_tokens *t, size_t k)
{
  const tl_token *tok = &t->v[k];
  size_t i = tok->off + tok->len;

  if (dollar_before(c, tok->off) != (size_t)-1)
    return true;
  {
    size_t j = tok->off;
    while (j > 0 && c->doc[j - 1] == ' ')
      j--;
    if (j >= 3 && memcmp(c->doc + j - 3, "\xE2\x82\xAC", 3) == 0) /* € */
      return true;
  }
  while (i < c->len && c->doc[i] == ' ')
    i++;
  if (i < c->len && c->doc[i] == '%')
    return true;
  return next_word_in(c, t, k, SCALE_WORDS);
}

/* The number at token @k is a version or a name's number: after a
 * capitalised word or a glossary name, a product word, or a cue; before a
 * model tier; or a number the document writes inside a name. */
static bool version_context(tl_ctx *c, const tl_tokens *t, size_t k)
{
  const tl_token *p;

  if (quantity_context(c, t, k))
    return false;
  if (next_word_in(c, t, k, TIER_WORDS) ||
      name_number(c, c->doc + t->v[k].off, t->v[k].len))
    return true; /* "4.1 mini", "GPT-4.1 ... a 4.1" */
  if (k == 0)
    return false;
  p = &t->v[k - 1];
  if (p->sent != t->v[k].sent)
    return false;
  if (p->kind == TL_TOK_MIXED || (p->flags & (TL_TF_CAP | TL_TF_ALLCAPS)))
    return true; /* Gemini 2.5, GPT-4 3.5, Seção 3.2 */
  return tl_token_in_list(c->doc, p, VERSION_CUES);
}

static void add(tl_ctx *c, size_t off, size_t len, const char *rule,
                const char *msg, const char *sugg)
{
  const char *sv;
  tl_finding *f;

  sv = tl_arena_strndup(&c->res->arena, sugg, strlen(sugg));
  f = tl_result_add(c->res, off, len, rule, "number", TL_WARNING,
                    _("'%.*s': %s; em português, '%s'"), (int)len,
                    c->doc + off, msg, sv);
  tl_result_set_suggestions(c->res, f, &sv, 1);
  f->fix = true;
}

/* Whether number @k ends its sentence inside running text: "O valor padrão
 * é 0.7. Vamos ver": a word of the same sentence before it, and after its
 * point white space or the end, not more digits ("1.2.3") or letters
 * ("1.2.x"). Numbering ("3.2. Título") opens its line. */
static bool sentence_final(const tl_ctx *c, const tl_tokens *t, size_t k)
{
  const tl_token *tok = &t->v[k], *prev;
  size_t e = tok->off + tok->len;

  if (k == 0 || e >= c->len || c->doc[e] != '.' || c->doc[tok->off - 1] == '.')
    return false;
  if (e + 1 < c->len && c->doc[e + 1] != ' ' && c->doc[e + 1] != '\n' &&
      c->doc[e + 1] != '\r')
    return false;
  prev = &t->v[k - 1];
  return prev->kind == TL_TOK_WORD && prev->sent == tok->sent &&
         prev->off + prev->len < tok->off &&
         memchr(c->doc + prev->off + prev->len, '\n',
                tok->off - (prev->off + prev->len)) == NULL;
}

/* How a plain number reads wrong: 'd' English decimal point, 't' English
 * thousands comma, 0 fine (or not a quantity we judge). */
static char english_kind(const char *p, size_t n, bool version)
{
  size_t dots = count(p, n, '.'), commas = count(p, n, ',');

  if (dots && commas) {
    /* 1,234.5: English thousands and decimal */
    const char *d = memchr(p, '.', n);
    return commas >= 1 && dots == 1 && d > (const char *)memchr(p, ',', n) &&
                   grouped(p, (size_t)(d - p), ',') && !version
               ? 'b'
               : 0;
  }
  if (dots == 1 && !grouped(p, n, '.') && !version)
    return 'd';
  if (commas >= 1 && grouped(p, n, ',') && p[0] != '0')
    return 't';
  return 0;
}

/* @p[0..n) written the Portuguese way for kind @kind (english_kind). */
static void portuguese(tl_buf *b, const char *p, size_t n, char kind)
{
  for (size_t i = 0; i < n; i++) {
    char ch = p[i];
    if (kind == 'b' || kind == 'd') {
      if (ch == '.')
        ch = ',';
      else if (ch == ',' && kind == 'b')
        ch = '.';
    } else if (kind == 't' && ch == ',') {
      ch = '.';
    }
    tl_buf_addc(b, ch);
  }
}

/* A range "1.5-2.5" (one token with a hyphen): each side on its own. */
static void check_range(tl_ctx *c, const tl_token *tok, bool version)
{
  const char *p = c->doc + tok->off, *h = memchr(p, '-', tok->len);
  size_t a, b;
  char ka, kb;
  tl_buf s;

  if (h == NULL || count(p, tok->len, '-') != 1)
    return;
  a = (size_t)(h - p);
  b = tok->len - a - 1;
  ka = english_kind(p, a, version);
  kb = english_kind(h + 1, b, version);
  if (ka == 0 && kb == 0)
    return;
  if ((ka == 0 && count(p, a, '.') + count(p, a, ',') > 0) ||
      (kb == 0 && count(h + 1, b, '.') + count(h + 1, b, ',') > 0))
    return; /* one side already Portuguese: not ours to judge */
  tl_buf_init(&s);
  portuguese(&s, p, a, ka);
  tl_buf_addc(&s, '-');
  portuguese(&s, h + 1, b, kb);
  add(c, tok->off, tok->len,
      ka == 't' || kb == 't' ? "number.thousands" : "number.decimal",
      ka == 't' || kb == 't' ? _("intervalo com vírgula de milhar à inglesa")
                             : _("intervalo com ponto decimal à inglesa"),
      tl_buf_cstr(&s));
  tl_buf_fini(&s);
}

/* Scale suffixes of English money: $2.5M, $1.5B, $500K, $2bn. */
static const struct scale {
  const char *suffix, *one, *many;
} SCALES[] = {{"K", "mil", "mil"},         {"k", "mil", "mil"},
              {"M", "milhão", "milhões"},  {"mn", "milhão", "milhões"},
              {"B", "bilhão", "bilhões"},  {"bn", "bilhão", "bilhões"},
              {"T", "trilhão", "trilhões"}, {NULL, NULL, NULL}};

/* A dollar amount: "$2.50", "$10", "US$1.5", "$2.5M". The number token is
 * @tok (NUMBER, or MIXED with a scale suffix); returns whether a finding
 * was made. */
static bool check_currency(tl_ctx *c, const tl_token *tok)
{
  size_t dollar = dollar_before(c, tok->off);
  const char *p = c->doc + tok->off;
  size_t n = tok->len, digits = 0, start;
  const struct scale *sc = NULL;
  bool us;
  char kind;
  tl_buf s;

  if (dollar == (size_t)-1)
    return false;
  while (digits < n && ((p[digits] >= '0' && p[digits] <= '9') ||
                        p[digits] == '.' || p[digits] == ','))
    digits++;
  if (digits == 0 || p[digits - 1] < '0' || p[digits - 1] > '9')
    return false;
  if (digits < n) {
    for (size_t i = 0; SCALES[i].suffix != NULL; i++)
      if (strlen(SCALES[i].suffix) == n - digits &&
          memcmp(SCALES[i].suffix, p + digits, n - digits) == 0)
        sc = &SCALES[i];
    if (sc == NULL)
      return false;
  }
  {
    /* "$0 < x$", "$1 |": TeX that the Markdown parser left unpaired */
    size_t j = tok->off + n;
    while (j < c->len && c->doc[j] == ' ')
      j++;
    if (j < c->len && strchr("<>=+*/^_\\|", c->doc[j]) != NULL)
      return false;
  }
  /* "US$" glued or spaced ("US $ 100" is wrong too); "R$", "A$": another
   * currency, the decimal rules judge it; a bare "$" is the dollar */
  if (dollar >= 2 && memcmp(c->doc + dollar - 2, "US", 2) == 0) {
    us = true;
    start = dollar - 2;
  } else if (dollar >= 3 && memcmp(c->doc + dollar - 3, "US ", 3) == 0) {
    us = true;
    start = dollar - 3;
  } else if (dollar == 0 ||
             strchr(" ([\"'\n\t-/", c->doc[dollar - 1]) != NULL ||
             (unsigned char)c->doc[dollar - 1] >= 0x80) {
    us = false;
    start = dollar;
  } else {
    return false;
  }
  kind = english_kind(p, digits, false);
  /* "US$ 2,50" is right; "US$ 2.50" is the decimal rule's */
  if (us && start + 3 == dollar + 1 && dollar + 2 == tok->off && sc == NULL)
    return false;
  tl_buf_init(&s);
  tl_buf_adds(&s, "US$ ");
  portuguese(&s, p, digits, kind);
  if (sc != NULL) {
    bool one = p[0] == '1' && (digits == 1 || p[1] == '.' || p[1] == ',');
    tl_buf_addc(&s, ' ');
    tl_buf_adds(&s, one ? sc->one : sc->many);
  }
  add(c, start, tok->off + n - start, "number.currency",
      us ? _("valor em dólar escrito à inglesa")
         : _("cifrão sem a moeda, à inglesa"),
      tl_buf_cstr(&s));
  tl_buf_fini(&s);
  return true;
}

/* Scale words in the plural and their singular. */
static const struct plural_scale {
  const char *many, *one;
} PLURAL_SCALES[] = {{"milhões", "milhão"},
                     {"bilhões", "bilhão"},
                     {"trilhões", "trilhão"},
                     {NULL, NULL}};

/* The grammatical number a scale word after the number [p, p+n) takes:
 * 1 when its integer part is 1 ("1,78 trilhão"), 2 when it is 2 or more
 * ("2,37 trilhões", "1.500 milhões"), 0 when the token is no plain pt-BR
 * number (an English decimal point, "1.5", a leading zero, "0,5": not
 * ours to judge). */
static int scale_number(const char *p, size_t n)
{
  size_t i = 0, group = 0, dots = 0;

  if (n == 0 || p[0] < '1' || p[0] > '9')
    return 0;
  for (; i < n && p[i] != ','; i++) {
    if (p[i] == '.') { /* thousands: a first group of 1-3, then of 3 */
      if ((dots == 0 && group > 3) || (dots > 0 && group != 3))
        return 0;
      dots++;
      group = 0;
    } else if (p[i] >= '0' && p[i] <= '9') {
      group++;
    } else {
      return 0;
    }
  }
  if (group == 0 || (dots > 0 && group != 3))
    return 0;
  if (i < n && i + 1 == n)
    return 0; /* "2," */
  for (size_t j = i + 1; j < n; j++)
    if (p[j] < '0' || p[j] > '9')
      return 0;
  return i == 1 && p[0] == '1' ? 1 : 2;
}

/* number.plural: a scale word whose number disagrees with the number's
 * integer part: "1,78 trilhões" -> "1,78 trilhão", "2,37 trilhão" ->
 * "2,37 trilhões". Number token @k is followed in its sentence, after one
 * space, by the scale word; a dollar sign before it goes into the finding,
 * written the Portuguese way ("US$1,78 trilhões" -> "US$ 1,78 trilhão").
 * Returns whether a finding was made. */
static bool check_scale_plural(tl_ctx *c, const tl_tokens *t, size_t k)
{
  const tl_token *tok = &t->v[k], *w;
  const char *p = c->doc + tok->off;
  size_t dollar, start = tok->off;
  int want;
  tl_buf s;

  if (k + 1 >= t->n || t->v[k + 1].sent != tok->sent)
    return false;
  w = &t->v[k + 1];
  if (w->off != tok->off + tok->len + 1 || c->doc[tok->off + tok->len] != ' ')
    return false;
  want = scale_number(p, tok->len);
  if (want == 0)
    return false;
  for (size_t i = 0; PLURAL_SCALES[i].many != NULL; i++) {
    const char *got = want == 1 ? PLURAL_SCALES[i].many
                                : PLURAL_SCALES[i].one;
    size_t wn = strlen(got);
    if (w->len != wn || memcmp(c->doc + w->off, got, wn))
      continue;
    tl_buf_init(&s);
    dollar = dollar_before(c, tok->off);
    if (dollar != (size_t)-1 && dollar >= 2 &&
        memcmp(c->doc + dollar - 2, "US", 2) == 0) {
      start = dollar - 2;
      tl_buf_adds(&s, "US$ ");
    }
    tl_buf_add(&s, p, tok->len);
    tl_buf_addc(&s, ' ');
    tl_buf_adds(&s, want == 1 ? PLURAL_SCALES[i].one : PLURAL_SCALES[i].many);
    add(c, start, w->off + w->len - start, "number.plural",
        want == 1 ? _("com parte inteira 1, a escala fica no singular")
                  : _("de 2 em diante, a escala vai para o plural"),
        tl_buf_cstr(&s));
    tl_buf_fini(&s);
    return true;
  }
  return false;
}

/* number.currency: "US$ 721,28 dólares": the sign already says the
 * currency. Number token @k follows "US$"; a scale word may come between
 * it and "dólares". */
static void check_currency_twice(tl_ctx *c, const tl_tokens *t, size_t k)
{
  size_t dollar = dollar_before(c, t->v[k].off), j = k + 1, start, last = k;
  tl_buf s;

  if (dollar == (size_t)-1 || dollar < 2 ||
      memcmp(c->doc + dollar - 2, "US", 2) != 0)
    return;
  start = dollar - 2;
  if (j < t->n && t->v[j].sent == t->v[k].sent &&
      tl_token_in_list(c->doc, &t->v[j], PT_SCALE_WORDS)) {
    last = j++; /* "US$ 2 bilhões de dólares" */
    if (j + 1 < t->n && t->v[j].len == 2 &&
        memcmp(c->doc + t->v[j].off, "de", 2) == 0)
      j++;
  }
  if (j >= t->n || t->v[j].sent != t->v[k].sent ||
      !((t->v[j].len == strlen("dólares") &&
         memcmp(c->doc + t->v[j].off, "dólares", t->v[j].len) == 0) ||
        (t->v[j].len == strlen("dólar") &&
         memcmp(c->doc + t->v[j].off, "dólar", t->v[j].len) == 0)))
    return;
  if (t->v[j].off != t->v[j - 1].off + t->v[j - 1].len + 1)
    return; /* only a space before it */
  tl_buf_init(&s);
  tl_buf_add(&s, c->doc + start, t->v[last].off + t->v[last].len - start);
  {
    const char *sv = tl_arena_strndup(&c->res->arena, s.p, s.len);
    tl_finding *f = tl_result_add(
        c->res, start, t->v[j].off + t->v[j].len - start, "number.currency",
        "number", TL_WARNING,
        _("'%.*s': o símbolo US$ já diz a moeda; escreva '%s'"),
        (int)(t->v[j].off + t->v[j].len - start), c->doc + start, sv);
    tl_result_set_suggestions(c->res, f, &sv, 1);
  }
  tl_buf_fini(&s);
}

void tl_check_number(tl_ctx *c, const tl_tokens *t)
{
  tl_buf s;

  tl_buf_init(&s);
  for (size_t k = 0; k < t->n; k++) {
    const tl_token *tok = &t->v[k];
    const char *p = c->doc + tok->off;
    size_t n = tok->len;
    char after = tok->off + n < c->len ? c->doc[tok->off + n] : '\0';
    bool version;
    char kind;

    if (tok->kind == TL_TOK_MIXED) {
      if (p[0] >= '0' && p[0] <= '9')
        check_currency(c, tok);
      continue;
    }
    if (tok->kind == TL_TOK_NUMBER) {
      check_currency_twice(c, t, k);
      if (check_scale_plural(c, t, k))
        continue; /* its suggestion writes the number and the sign too */
    }
    if (tok->kind != TL_TOK_NUMBER || check_currency(c, tok))
      continue;
    version = version_context(c, t, k);
    if (tok->flags & TL_TF_HYPHEN) {
      check_range(c, tok, version);
      continue;
    }
    /* a version written with a "v" glued before: v1.2 is MIXED already;
     * "3.2.1" and IP addresses have more than one point */
    if ((after == '.' || (k > 0 && tok->off > 0 &&
                          c->doc[tok->off - 1] == '.')) &&
        !quantity_context(c, t, k) && !sentence_final(c, t, k))
      continue; /* "3.2. Título", "1.2.x": numbering, unless money */
    kind = english_kind(p, n, version);
    if (kind == 0 ||
        (kind == 't' && next_word_in(c, t, k, PT_SCALE_WORDS)))
      continue; /* "21,320 bilhões": the Portuguese decimal comma */
    tl_buf_clear(&s);
    portuguese(&s, p, n, kind);
    add(c, tok->off, n, kind == 't' ? "number.thousands" : "number.decimal",
        kind == 't' ? _("vírgula de milhar à inglesa")
                    : _("ponto decimal à inglesa"),
        tl_buf_cstr(&s));
  }
  tl_buf_fini(&s);
}
