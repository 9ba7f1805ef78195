/* Orthography of the 1990 spelling agreement (in force in Brazil since
 * 2009) that Hunspell does not catch, because hunspell reads a hyphenated
 * word part by part:
 *   spelling.hyphen  prefixes joined without hyphen (re-treinar ->
 *                    retreinar, co-adaptação -> coadaptação, auto-regressivo
 *                    -> autorregressivo, não-estacionária -> não
 *                    estacionária, pré-definido -> predefinido) and
 *                    compounds that need one (ingrediente chave ->
 *                    ingrediente-chave), and prefixes that a space cut
 *                    from their word (auto diferenciação ->
 *                    autodiferenciação);
 *   spelling.case    adjectives from proper names inside a sentence
 *                    (distância Euclidiana -> distância euclidiana);
 *   spelling.accent  a noun that lost its accent and became a verb form
 *                    Hunspell knows (na sequencia -> na sequência, a
 *                    pratica -> a prática): after an article, a
 *                    contraction or a possessive, where no verb can
 *                    follow. */
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

/* Prefixes that are no word of their own, so that "auto diferenciação" is
 * the prefix cut from its word ("auto" after an article is the noun: "o
 * auto de infração"). Prefixes that are also words (contra, extra, super,
 * mini, micro, inter, sub, pré, não) are left out. */
static const char *const BOUND_PREFIXES[] = {
    "auto", "multi", "semi",  "pseudo", "hiper", "anti", "proto",
    "neo",  "poli",  "nano",  "tele",   "co",    "intra", NULL};

static const char *const ARTICLES[] = {"o",  "os",  "um",  "uns", "do",
                                       "dos", "no", "nos", "ao",  "aos",
                                       "pelo", "pelos", "num", NULL};

/* "auto diferenciação" -> "autodiferenciação", "multi camada" ->
 * "multicamada": the joined word (by the 1990 agreement's rules, with the
 * hyphen before h or the same vowel) must be a known word. */
static void check_split_prefix(tl_ctx *c, const tl_tokens *t, size_t i)
{
  const tl_token *tok = &t->v[i], *nx = &t->v[i + 1];
  const char *w = c->doc + tok->off;
  tl_buf low, joined;
  int32_t x0;
  char last;

  if ((tok->flags & (TL_TF_CAP | TL_TF_HYPHEN)) ||
      !tl_ctx_in_list(c, t, i, TL_WL_BOUND_PREFIX, BOUND_PREFIXES, false) ||
      nx->kind != TL_TOK_WORD ||
      nx->sent != tok->sent || nx->off != tok->off + tok->len + 1 ||
      c->doc[tok->off + tok->len] != ' ' ||
      (nx->flags & (TL_TF_CAP | TL_TF_HYPHEN)))
    return;
  if (i > 0 && t->v[i - 1].kind == TL_TOK_WORD &&
      tl_in_list(ARTICLES, c->doc + t->v[i - 1].off, t->v[i - 1].len))
    return;
  tl_buf_init(&low);
  tl_buf_init(&joined);
  tl_utf8_lower(c->doc + nx->off, nx->len, &low);
  x0 = first_cp(low.p, low.len);
  last = w[tok->len - 1];
  tl_buf_add(&joined, w, tok->len);
  if (x0 == 'h' || (int32_t)last == x0)
    tl_buf_addc(&joined, '-'); /* anti-higiênico, micro-ondas */
  else if ((x0 == 'r' || x0 == 's') && strchr("aeiou", last) != NULL)
    tl_buf_addc(&joined, (char)x0); /* auto + regressivo: autorregressivo */
  tl_buf_add(&joined, low.p, low.len);
  if (known(c, joined.p, joined.len)) {
    const char *sv = tl_buf_cstr(&joined);
    size_t len = nx->off + nx->len - tok->off;
    tl_finding *f = tl_result_add(
        c->res, tok->off, len, "spelling.hyphen", "spelling", TL_ERROR,
        _("'%.*s': o prefixo não se separa da palavra; escreva '%s'"),
        (int)len, w, sv);
    tl_result_set_suggestions(c->res, f, &sv, 1);
    f->fix = true;
  }
  tl_buf_fini(&low);
  tl_buf_fini(&joined);
}

/* Words after which a noun comes, never a finite verb: articles that are no
 * clitic pronouns, contractions, possessives, demonstratives. ("a", "o",
 * "as", "os" and "nos" are left out: "ele a critica", "quem o pratica", "o
 * que nos ajuda".) */
static const char *const NOUN_BEFORE[] = {
    "um",    "uma",   "uns",   "umas",  "na",    "no",    "nas",
    "da",    "do",    "das",   "dos",   "pela",  "pelo",  "pelas", "pelos",
    "numa",  "num",   "à",     "às",    "ao",    "aos",   "sua",   "seu",
    "suas",  "seus",  "nossa", "nosso", "esta",  "este",  "essa",  "esse",
    "desta", "deste", "dessa", "desse", "nesta", "neste", "nessa", "nesse",
    "cada",  NULL};

/* The accented twin of the unaccented word w[0..n) (lower case ASCII):
 * the one word that an acute or circumflex on one vowel makes known
 * ("sequencia" -> "sequência"); false when none or several. */
static bool accented_twin(tl_ctx *c, const char *w, size_t n, tl_buf *out)
{
  static const struct {
    char v;
    const char *acc[3];
  } MARKS[] = {{'a', {"á", "â", NULL}},
               {'e', {"é", "ê", NULL}},
               {'i', {"í", NULL, NULL}},
               {'o', {"ó", "ô", NULL}},
               {'u', {"ú", NULL, NULL}}};
  tl_buf b;
  size_t found = 0;

  tl_buf_init(&b);
  /* never the last letter: "programá" is the infinitive before a clitic
   * ("programá-lo"), which Hunspell knows for every -ar verb */
  for (size_t i = 0; i + 1 < n && found < 2; i++)
    for (size_t m = 0; m < sizeof MARKS / sizeof MARKS[0]; m++) {
      if (w[i] != MARKS[m].v)
        continue;
      for (size_t a = 0; a < 3 && MARKS[m].acc[a] != NULL; a++) {
        tl_buf_clear(&b);
        tl_buf_add(&b, w, i);
        tl_buf_adds(&b, MARKS[m].acc[a]);
        tl_buf_add(&b, w + i + 1, n - i - 1);
        if (known(c, b.p, b.len) && found++ == 0) {
          tl_buf_clear(out);
          tl_buf_add(out, b.p, b.len);
        }
      }
    }
  tl_buf_fini(&b);
  return found == 1;
}

/* Plural determiners before which a vós form of a verb is archaic: "os
 * papeis" is "os papéis", never "(que vós) papeis". */
static const char *const PLURAL_BEFORE[] = {"os", "as", NULL};

/* Whether w[0..n) is a verb form of a known infinitive: "sequencia"
 * (sequenciar), "papeis" (papar: que vós papeis). */
static bool verb_form(tl_ctx *c, const char *w, size_t n, bool vos,
                      tl_buf *s)
{
  size_t stem = vos ? n - 3 : n - 1;

  for (const char *inf = "aei"; *inf; inf++) {
    tl_buf_clear(s);
    tl_buf_add(s, w, stem);
    tl_buf_addc(s, *inf);
    tl_buf_addc(s, 'r');
    if (known(c, s->p, s->len))
      return true;
  }
  return false;
}

/* "na sequencia" -> "na sequência", "os papeis" -> "os papéis": the word
 * is a verb form (its -ar, -er or -ir infinitive is known: sequenciar;
 * papar, whose vós subjunctive is "papeis") with an accented twin, after a
 * word that only a noun follows (for a plural in -eis, "os" and "as"
 * too). */
static void check_lost_accent(tl_ctx *c, const tl_tokens *t, size_t k,
                              const tl_token *next)
{
  const tl_token *prev = &t->v[k - 1], *tok = &t->v[k];
  const char *w = c->doc + tok->off;
  char last = tok->len > 0 ? w[tok->len - 1] : 0, lw[32];
  bool vos = tok->len >= 5 && memcmp(w + tok->len - 3, "eis", 3) == 0;
  /* a capitalised reference before its number: "no Capitulo 1", "na
   * Pagina 3" (a name would not be numbered so) */
  bool cap = (tok->flags & TL_TF_CAP) &&
             !(tok->flags & (TL_TF_ALLCAPS | TL_TF_INNERCAP |
                             TL_TF_SENT_START)) &&
             next != NULL && next->kind == TL_TOK_NUMBER &&
             next->sent == tok->sent && next->off == tok->off + tok->len + 1;
  tl_buf s;
  bool verb;

  if (tok->len < 5 || tok->len >= sizeof lw ||
      ((tok->flags & TL_TF_CAP) && !cap) || (tok->flags & TL_TF_HYPHEN) ||
      prev->sent != tok->sent || tok->off != prev->off + prev->len + 1 ||
      c->doc[prev->off + prev->len] != ' ' ||
      (last != 'a' && last != 'e' && last != 'o' && !vos))
    return;
  for (size_t i = 0; i < tok->len; i++) {
    char ch = i == 0 && cap && w[0] >= 'A' && w[0] <= 'Z' ? (char)(w[0] | 0x20)
                                                           : w[i];
    if ((unsigned char)ch >= 0x80 || ch < 'a' || ch > 'z')
      return; /* accented already, or not a plain lower-case word */
    lw[i] = ch;
  }
  w = lw;
  if (memcmp(w + tok->len - 4, "ari", 3) == 0)
    return; /* the noun suffix -aria (secretaria, padaria): a noun too */
  /* the list answers of the word before and whether pt_BR knows this one
   * as written are kept in the words' entries */
  if (!(tl_ctx_in_list(c, t, k - 1, TL_WL_NOUN_BEFORE, NOUN_BEFORE, true) ||
        (vos && tl_ctx_in_list(c, t, k - 1, TL_WL_PLURAL_BEFORE,
                               PLURAL_BEFORE, true))))
    return;
  if (cap ? !known(c, w, tok->len) /* w is its bytes lowered */
          : !tl_ctx_known_as_written(c, t, k))
    return;
  tl_buf_init(&s);
  verb = verb_form(c, w, tok->len, vos, &s);
  if (verb && accented_twin(c, w, tok->len, &s)) {
    const char *sv;
    if (cap) { /* the twin with its capital back: "Capítulo", "Água" */
      size_t adv;
      int32_t first = tl_utf8_decode(s.p, s.len, &adv);
      tl_buf up;
      tl_buf_init(&up);
      tl_utf8_encode(tl_cp_upper(first), &up);
      tl_buf_add(&up, s.p + adv, s.len - adv);
      tl_buf_clear(&s);
      tl_buf_add(&s, up.p, up.len);
      tl_buf_fini(&up);
    }
    sv = tl_buf_cstr(&s);
    tl_result_set_suggestions(
        c->res,
        tl_result_add(c->res, tok->off, tok->len, "spelling.accent",
                      "spelling", TL_WARNING,
                      _("'%.*s %.*s': depois de '%.*s' vem um substantivo, "
                        "não um verbo; escreva '%s'"),
                      (int)prev->len, c->doc + prev->off, (int)tok->len,
                      c->doc + tok->off, (int)prev->len, c->doc + prev->off,
                      sv),
        &sv, 1);
  }
  tl_buf_fini(&s);
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
  if (tl_in_list(HEADS, s.p, s.len) ||
      (s.len > 2 && s.p[s.len - 1] == 'e' && tl_in_list(HEADS, s.p, s.len - 1))) {
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

/* Prepositions after which a capitalised word in -iano/-iana is a name
 * ("a campanha com Havaianas"), not an adjective; not "de", which also
 * names a property ("chamada de Gaussiana", d2l-pt). */
static const char *const NAME_AFTER[] = {"em", "para", "com", "por", "sem",
                                         "sobre", "entre", NULL};

/* "distância Euclidiana" -> "distância euclidiana". Not a first name
 * before a surname ("a ministra Luciana Santos", "Mariana Moura"), nor a
 * brand after a preposition ("a campanha com Havaianas"). */
static void check_name_adjective(tl_ctx *c, const tl_unit *u,
                                 const tl_token *prev, const tl_token *tok,
                                 const tl_token *next)
{
  static const char *const ends[] = {"iano", "iana", "ianos", "ianas", NULL};
  const char *w = c->doc + tok->off;
  bool end = false;
  tl_buf low;

  if (u->kind == TL_BLK_HEADING || !(tok->flags & TL_TF_CAP) ||
      (tok->flags & (TL_TF_SENT_START | TL_TF_ALLCAPS | TL_TF_INNERCAP)) ||
      prev->sent != tok->sent || prev->kind != TL_TOK_WORD ||
      (prev->flags & TL_TF_CAP) ||
      tl_token_in_list(c->doc, prev, NAME_AFTER) ||
      (next != NULL && next->sent == tok->sent && (next->flags & TL_TF_CAP) &&
       next->off == tok->off + tok->len + 1 && w[tok->len] == ' '))
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
      check_name_adjective(c, u, &t->v[i - 1], tok,
                           i + 1 < t->n ? &t->v[i + 1] : NULL);
      check_lost_accent(c, t, i, i + 1 < t->n ? &t->v[i + 1] : NULL);
      if (tl_noun_gender_may(c->doc, t, i))
        tl_check_noun_gender(c, t, i);
    }
    if (i + 1 < t->n)
      check_split_prefix(c, t, i);
  }
}
