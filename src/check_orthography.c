/* Orthography of the 1990 spelling agreement (in force in Brazil since
 * 2009) that Hunspell does not catch, because hunspell reads a hyphenated
 * word part by part:
 *   spelling.hyphen  prefixes joined without hyphen (re-treinar ->
 *                    retreinar, co-adaptação -> coadaptação, auto-regressivo
 *                    -> autorregressivo, não-estacionária -> não
 *                    estacionária, pré-definido -> predefinido) and
 *                    compounds that need one (ingrediente chave ->
 *                    ingrediente-chave);
 *   spelling.case    adjectives from proper names inside a sentence
 *                    (distância Euclidiana -> distância euclidiana). */
#include "check.h"
#include "msg.h"

#include "utf8.h"

#include <string.h>

typedef enum join_rule {
  JOIN_ALWAYS,   /* re-, co-: joined before anything (co- but before h) */
  JOIN_VOWEL,    /* auto-, multi-...: hyphen before h or the same vowel */
  JOIN_HR,       /* hiper-, inter-, super-: hyphen before h or r */
  JOIN_SUB,      /* sub-: hyphen before b, h or r */
  JOIN_NAO,      /* não-: written as two words */
  JOIN_PRE       /* pré-: joined (unstressed pre-) only for listed stems */
} join_rule;

static const struct prefix {
  const char *p;
  join_rule rule;
} PREFIXES[] = {
    {"re", JOIN_ALWAYS},     {"co", JOIN_ALWAYS},    {"auto", JOIN_VOWEL},
    {"multi", JOIN_VOWEL},   {"semi", JOIN_VOWEL},   {"anti", JOIN_VOWEL},
    {"micro", JOIN_VOWEL},   {"macro", JOIN_VOWEL},  {"mini", JOIN_VOWEL},
    {"ultra", JOIN_VOWEL},   {"infra", JOIN_VOWEL},  {"intra", JOIN_VOWEL},
    {"extra", JOIN_VOWEL},   {"contra", JOIN_VOWEL}, {"neo", JOIN_VOWEL},
    {"pseudo", JOIN_VOWEL},  {"proto", JOIN_VOWEL},  {"mega", JOIN_VOWEL},
    {"tele", JOIN_VOWEL},    {"poli", JOIN_VOWEL},   {"mono", JOIN_VOWEL},
    {"nano", JOIN_VOWEL},    {"hiper", JOIN_HR},     {"inter", JOIN_HR},
    {"super", JOIN_HR},      {"sub", JOIN_SUB},      {"não", JOIN_NAO},
    {"pré", JOIN_PRE},       {NULL, JOIN_ALWAYS}};

/* Stems that take the unstressed prefix pre- (VOLP): predefinido,
 * preestabelecido, preexistente, predeterminado, preconcebido. */
static const char *const PRE_STEMS[] = {"defin", "estabelec", "exist",
                                        "determin", "conceb", "dispo",
                                        "ench", NULL};

/* Head nouns that form compounds with -chave and -alvo. */
static const char *const HEADS[] = {
    "ingrediente", "componente", "fator", "ponto", "palavra", "papel",
    "elemento", "questão", "tecnologia", "conceito", "ideia", "peça",
    "aspecto", "área", "recurso", "momento", "indicador", "requisito",
    "etapa", "desafio", "função", "métrica", "tema", "público", "mercado",
    "cargo", "figura", "personagem", "posição", "parte", NULL};

static bool starts_with(const char *s, size_t n, const char *pre)
{
  size_t k = strlen(pre);
  return n >= k && memcmp(s, pre, k) == 0;
}

static bool in_list(const char *const *list, const char *s, size_t n)
{
  for (size_t i = 0; list[i] != NULL; i++)
    if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
      return true;
  return false;
}

/* Whether the word w[0..n) is known to the dictionaries. */
static bool known(tl_ctx *c, const char *w, size_t n)
{
  return tl_spell_check(c->spell, w, n, NULL) == 1;
}

static int32_t first_cp(const char *s, size_t n)
{
  size_t adv;
  return n > 0 ? tl_utf8_decode(s, n, &adv) : 0;
}

static void hyphen_finding(tl_ctx *c, const tl_token *tok, const char *sugg,
                           const char *why)
{
  tl_finding *f = tl_result_add(
      c->res, tok->off, tok->len, "spelling.hyphen", "spelling", TL_ERROR,
      _("'%.*s' se escreve '%s' (%s)"), (int)tok->len, c->doc + tok->off, sugg,
      why);
  tl_result_set_suggestions(c->res, f, &sugg, 1);
  f->fix = true;
}

/* spelling.hyphen on prefix-word: the key is NFC with ASCII hyphens. */
static void check_prefix(tl_ctx *c, const tl_token *tok)
{
  const char *k = c->key.p, *h;
  size_t n = c->key.len, pl, xl;
  tl_buf low, sugg;
  const struct prefix *pf = NULL;
  int32_t x0, last;

  h = memchr(k, '-', n);
  if (h == NULL || memchr(h + 1, '-', n - (size_t)(h + 1 - k)) != NULL)
    return; /* one hyphen only */
  pl = (size_t)(h - k);
  xl = n - pl - 1;
  if (pl == 2 && memcmp(k, "ad", 2) == 0 && xl == 3 &&
      memcmp(h + 1, "hoc", 3) == 0) {
    hyphen_finding(c, tok, "ad hoc", _("locução latina, sem hífen"));
    return;
  }
  tl_buf_init(&low);
  tl_utf8_lower(k, pl, &low);
  for (size_t i = 0; PREFIXES[i].p != NULL; i++)
    if (strlen(PREFIXES[i].p) == low.len &&
        memcmp(PREFIXES[i].p, low.p, low.len) == 0)
      pf = &PREFIXES[i];
  tl_buf_fini(&low);
  if (pf == NULL || xl == 0)
    return;
  /* The second element must be a Portuguese word in lower or title case:
   * multi-GPU, co-op and re-run are left alone. */
  tl_buf_init(&low);
  tl_utf8_lower(h + 1, xl, &low);
  x0 = first_cp(low.p, low.len);
  if ((tok->flags & TL_TF_ALLCAPS) || !known(c, low.p, low.len) ||
      (xl > 1 && (tok->flags & TL_TF_INNERCAP) &&
       !tl_cp_is_upper(first_cp(h + 1, xl)))) {
    tl_buf_fini(&low);
    return;
  }
  {
    size_t ls;
    last = tl_utf8_decode_prev(k, pl, &ls);
  }
  tl_buf_init(&sugg);
  switch (pf->rule) {
  case JOIN_NAO:
    tl_buf_add(&sugg, k, pl);
    tl_buf_addc(&sugg, ' ');
    tl_buf_add(&sugg, h + 1, xl);
    hyphen_finding(c, tok, tl_buf_cstr(&sugg),
                   _("'não' como prefixo não leva hífen desde o Acordo Ortográfico "
                     "de 1990"));
    break;
  case JOIN_PRE: {
    bool listed = false;
    for (size_t i = 0; PRE_STEMS[i] != NULL && !listed; i++)
      listed = starts_with(low.p, low.len, PRE_STEMS[i]);
    if (!listed)
      break;
    tl_buf_add(&sugg, k, pl - 2); /* "pr" or "Pr" */
    tl_buf_addc(&sugg, 'e');
    tl_buf_add(&sugg, low.p, low.len);
    if (known(c, sugg.p, sugg.len))
      hyphen_finding(c, tok, tl_buf_cstr(&sugg),
                     _("com o prefixo átono 'pre', numa só palavra (VOLP)"));
    break;
  }
  default: {
    bool hyphen_ok = x0 == 'h';
    if (pf->rule == JOIN_ALWAYS && pf->p[0] == 'r')
      hyphen_ok = false;
    else if (pf->rule == JOIN_VOWEL)
      hyphen_ok |= tl_cp_same_base(last, x0); /* micro-ondas */
    else if (pf->rule == JOIN_HR)
      hyphen_ok |= x0 == 'r';
    else if (pf->rule == JOIN_SUB)
      hyphen_ok |= x0 == 'r' || x0 == 'b';
    if (hyphen_ok)
      break;
    tl_buf_add(&sugg, k, pl);
    if ((x0 == 'r' || x0 == 's') && last > 0 && last < 0x80 &&
        strchr("aeiou", (int)last) != NULL)
      tl_buf_addc(&sugg, (char)x0); /* auto + regressivo: autorregressivo */
    tl_buf_add(&sugg, low.p, low.len);
    hyphen_finding(c, tok, tl_buf_cstr(&sugg),
                   _("prefixo sem hífen pelo Acordo Ortográfico de 1990"));
    break;
  }
  }
  tl_buf_fini(&sugg);
  tl_buf_fini(&low);
}

/* "ingrediente chave" -> "ingrediente-chave". */
static void check_compound(tl_ctx *c, const tl_token *prev,
                           const tl_token *tok)
{
  const char *w = c->doc + tok->off;
  const char *between = c->doc + prev->off + prev->len;
  tl_buf s;

  if (!((tok->len == 5 && memcmp(w, "chave", 5) == 0) ||
        (tok->len == 6 && memcmp(w, "chaves", 6) == 0) ||
        (tok->len == 4 && memcmp(w, "alvo", 4) == 0)))
    return;
  if (prev->sent != tok->sent || between + 1 != w || *between != ' ')
    return;
  tl_buf_init(&s);
  tl_utf8_lower(c->doc + prev->off, prev->len, &s);
  if (s.len > 0 && s.p[s.len - 1] == 's') /* plurals: ingredientes */
    s.len--;
  if (in_list(HEADS, s.p, s.len) ||
      (s.len > 2 && s.p[s.len - 1] == 'e' && in_list(HEADS, s.p, s.len - 1))) {
    tl_buf_clear(&s);
    tl_buf_add(&s, c->doc + prev->off, prev->len);
    tl_buf_addc(&s, '-');
    tl_buf_add(&s, w, tok->len);
    {
      const char *sv = tl_buf_cstr(&s);
      tl_finding *f = tl_result_add(
          c->res, prev->off, tok->off + tok->len - prev->off,
          "spelling.hyphen", "spelling", TL_ERROR,
          _("'%.*s' se escreve com hífen: '%s' (como 'palavra-chave')"),
          (int)(tok->off + tok->len - prev->off), c->doc + prev->off, sv);
      tl_result_set_suggestions(c->res, f, &sv, 1);
      f->fix = true;
    }
  }
  tl_buf_fini(&s);
}

/* "distância Euclidiana" -> "distância euclidiana". */
static void check_name_adjective(tl_ctx *c, const tl_unit *u,
                                 const tl_token *prev, const tl_token *tok)
{
  static const char *const ends[] = {"iano", "iana", "ianos", "ianas", NULL};
  const char *w = c->doc + tok->off;
  bool end = false;
  tl_buf low;

  if (u->kind == TL_BLK_HEADING || !(tok->flags & TL_TF_CAP) ||
      (tok->flags & (TL_TF_SENT_START | TL_TF_ALLCAPS | TL_TF_INNERCAP)) ||
      prev->sent != tok->sent || prev->kind != TL_TOK_WORD ||
      (prev->flags & TL_TF_CAP))
    return;
  for (size_t i = 0; ends[i] != NULL; i++) {
    size_t k = strlen(ends[i]);
    end |= tok->len > k && memcmp(w + tok->len - k, ends[i], k) == 0;
  }
  if (!end)
    return;
  tl_buf_init(&low);
  tl_utf8_lower(w, tok->len, &low);
  if (known(c, low.p, low.len)) {
    const char *sv = tl_buf_cstr(&low);
    tl_finding *f = tl_result_add(
        c->res, tok->off, tok->len, "spelling.case", "spelling", TL_WARNING,
        _("'%.*s': adjetivo derivado de nome próprio se escreve com minúscula "
        "('%s')"),
        (int)tok->len, w, sv);
    tl_result_set_suggestions(c->res, f, &sv, 1);
    f->fix = true;
  }
  tl_buf_fini(&low);
}

void tl_check_orthography(tl_ctx *c, const tl_unit *u, const tl_tokens *t)
{
  for (size_t i = 0; i < t->n; i++) {
    const tl_token *tok = &t->v[i];
    if (tok->kind != TL_TOK_WORD)
      continue;
    if (tok->flags & TL_TF_HYPHEN) {
      tl_buf_clear(&c->key);
      tl_token_key(c->doc, tok, &c->key);
      check_prefix(c, tok);
    }
    if (i > 0 && t->v[i - 1].kind == TL_TOK_WORD) {
      check_compound(c, &t->v[i - 1], tok);
      check_name_adjective(c, u, &t->v[i - 1], tok);
    }
  }
}
