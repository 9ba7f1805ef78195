/* Spelling.
 *   spelling.unknown (error): a word no dictionary knows, with up to 3
 *     suggestions; a capitalised word only when it looks like a typo of a
 *     known word (Trainamento, PComo).
 *   spelling.name (info): a capitalised unknown word at a sentence start
 *     that the document never confirms as a name.
 *   spelling.foreign (info): an English word set in italics.
 * Names the document teaches (prose.c), words in code identifiers,
 * mentioned language ("o sufixo "-mente"") and quotations in another
 * language get nothing; nor do acronyms and CamelCase names. */
#include "check.h"
#include "msg.h"

#include "house.h"
#include "prose.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>


static bool is_english(tl_ctx *c)
{
  return c->spell_en != NULL &&
         tl_spell_check(c->spell_en, c->key.p, c->key.len, NULL) == 1;
}

/* is_english, kept in the word's entry @w (may be NULL). */
static bool is_english_word(tl_ctx *c, tl_wordinfo *w)
{
  if (w == NULL)
    return is_english(c);
  if (!(w->flags & TL_WI_EN_ASKED))
    w->flags |= TL_WI_EN_ASKED | (is_english(c) ? TL_WI_EN_YES : 0);
  return (w->flags & TL_WI_EN_YES) != 0;
}

/* The word in c->key at [off, off + len), unknown: its finding. @w is its
 * entry, or NULL. */
static void report_unknown(tl_ctx *c, size_t off, size_t len, tl_wordinfo *w)
{
  const char *const *sv = NULL;
  size_t ns = 0;
  tl_finding *f;
  const tl_house_word *hw;

  if (is_english_word(c, w)) {
    /* English left in the text: the untranslated check says so */
    tl_result_unjudged(c->res, off, len, TL_UNJUDGED_ENGLISH);
    return;
  }
  if (c->gloss != NULL) {
    /* an English term of the glossary the English dictionary lacks
     * ("tokenizer"): left untranslated, not misspelt, and the glossary
     * says what to write (Hunspell's "tokenizar" would be wrong) */
    const char *pt = tl_gloss_rendering(c->gloss, c->doc + off, len);
    if (pt != NULL) {
      f = tl_result_add(c->res, off, len, "untranslated.word", "untranslated",
                        TL_WARNING, _("'%s' é inglês: escreva '%s'"),
                        tl_result_surface(c->res, off, len), pt);
      tl_result_set_suggestions(c->res, f, &pt, 1);
      return;
    }
  }
  hw = tl_house_find(c->house, c->key.p, c->key.len, true, c->house_self);
  if (hw != NULL) {
    /* the archive writes it so, in enough documents: the house's usage */
    tl_result_add(c->res, off, len, "spelling.unknown", "spelling", TL_INFO,
                  P_("'%.*s' não está no dicionário, mas é uso da casa: o "
                     "acervo a escreve assim em %u documento",
                     "'%.*s' não está no dicionário, mas é uso da casa: o "
                     "acervo a escreve assim em %u documentos",
                     hw->docs),
                  (int)len, c->doc + off, hw->docs);
    return;
  }
  {
    /* budgets are per file and spent on a word's first occurrence in it,
     * so that a file's suggestions do not depend on other files */
    bool created, used_slow = false;
    tl_map_slot *slot = tl_map_put(&c->sugg_seen, c->key.p, c->key.len, 0,
                                   &created);
    if (created) {
      if (c->sugg_budget != NULL && *c->sugg_budget == 0) {
        slot->value = 3; /* none left */
      } else {
        if (c->sugg_budget != NULL && *c->sugg_budget > 0)
          (*c->sugg_budget)--;
        slot->value = c->slow_budget != NULL && *c->slow_budget != 0 ? 1 : 2;
      }
    }
    if (slot->value != 3)
      ns = tl_spell_suggest(c->spell, c->key.p, c->key.len, c->sugg_per_word,
                            slot->value == 1, &used_slow, &sv);
    if (created && used_slow && c->slow_budget != NULL && *c->slow_budget > 0)
      (*c->slow_budget)--;
  }
  f = tl_result_add(c->res, off, len, "spelling.unknown", "spelling",
                    TL_ERROR, _("palavra desconhecida '%.*s'"), (int)len,
                    c->doc + off);
  tl_result_set_suggestions(c->res, f, sv, ns);
}

static void report_name(tl_ctx *c, size_t off, size_t len)
{
  tl_result_add(c->res, off, len, "spelling.name", "spelling", TL_INFO,
                _("'%.*s' não está no dicionário: provável nome próprio "
                  "(o texto não o usa como nome em outro lugar)"),
                (int)len, c->doc + off);
}

/* Prefixes that form words freely: "metaprompt", "multithread",
 * "hiperparâmetro". */
static const char *const PREFIXES[] = {
    "meta", "multi", "hiper", "super", "micro", "macro", "mini", "mega",
    "giga", "tera", "nano", "ultra", "infra", "inter", "intra", "semi",
    "pseudo", "proto", "poli", "mono", "neuro", "cripto", "ciber", "bio",
    "geo", "tele", "vídeo", "sub", NULL};

/* Where the word after @prefix starts in the joined form @w (@n bytes),
 * when the 1990 agreement joins them there without a hyphen; 0 when it
 * asks for a hyphen (before h; the same vowel: micro-ondas; r after a
 * consonant: super-resistente) or for a doubled r or s that is missing
 * (microserviços). A doubled r or s after a vowel is dropped from the word
 * (microsserviços: micro + serviços). */
static size_t joined_word_start(const char *prefix, size_t pl, const char *w,
                                size_t n)
{
  char last = prefix[pl - 1], ch = w[pl];
  bool vowel_end = strchr("aeiou", last) != NULL;

  if (!(ch >= 'a' && ch <= 'z') || ch == 'h')
    return 0;
  if (ch == 'r' || ch == 's') {
    if (!vowel_end)
      return ch == 's' ? pl : 0; /* supersônico; super-resistente */
    return pl + 1 < n && w[pl + 1] == ch ? pl + 1 : 0;
  }
  if (strchr("aeiou", ch) != NULL && vowel_end && ch == last)
    return 0; /* micro-ondas, semi-integral */
  return pl; /* hiperescala, microeletrônica, multiagente */
}

/* A prefix joined to a word the dictionaries know (in Portuguese or, for
 * an English compound, in English) as the 1990 agreement joins them: a
 * well-formed compound ("hiperescaladores", "microsserviços"), not a typo.
 * Where the agreement asks for a hyphen or a doubled letter the word stays
 * unknown (the orthography check says why). */
static bool is_prefixed(tl_ctx *c)
{
  tl_buf low;
  const char *w;
  size_t n;
  bool yes = false;

  tl_buf_init(&low);
  tl_utf8_lower(c->key.p, c->key.len, &low);
  w = low.p;
  n = low.len;
  for (size_t i = 0; PREFIXES[i] != NULL && !yes; i++) {
    size_t pl, at;
    if (n == 0 || PREFIXES[i][0] != w[0]) /* the first letter sifts */
      continue;
    pl = strlen(PREFIXES[i]);
    if (n < pl + 4 || strncmp(w, PREFIXES[i], pl) != 0)
      continue;
    at = joined_word_start(PREFIXES[i], pl, w, n);
    if (at == 0 || n - at < 4)
      continue;
    yes = tl_spell_check(c->spell, w + at, n - at, NULL) == 1 ||
          (c->spell_en != NULL &&
           tl_spell_check(c->spell_en, w + at, n - at, NULL) == 1);
  }
  tl_buf_fini(&low);
  return yes;
}

/* Regular endings whose base the dictionaries may know when Hunspell lacks
 * the form: the plural of an adjective in -al ("adversariais" from
 * "adversarial", a glossary word without affixes), an adjective in -ável
 * from a verb in -ar ("pesquisável" from "pesquisar"), and a verb in -ar
 * whose noun in -agem the dictionary knows ("prototipar", "prototipado"
 * from "prototipagem", as "filtrar" beside "filtragem"); and an adverb in
 * -mente on a known adjective's feminine or invariable form. */
static const struct ending {
  const char *form, *base;
} ENDINGS[] = {{"ais", "al"},     {"áveis", "ar"},  {"ável", "ar"},
               {"ar", "agem"},    {"ado", "agem"},  {"ada", "agem"},
               {"ados", "agem"},  {"adas", "agem"}, {"ando", "agem"},
               {NULL, NULL}};

/* Whether the word in c->key is a regular form (ENDINGS) of a word pt_BR,
 * the project's lists or the glossary know. */
static bool is_regular_form(tl_ctx *c)
{
  tl_buf low;
  bool yes = false;

  tl_buf_init(&low);
  tl_utf8_lower(c->key.p, c->key.len, &low);
  for (size_t i = 0; ENDINGS[i].form != NULL && !yes; i++) {
    size_t fl = strlen(ENDINGS[i].form);
    if (low.len < fl + 4 ||
        memcmp(low.p + low.len - fl, ENDINGS[i].form, fl) != 0)
      continue;
    low.len -= fl;
    tl_buf_adds(&low, ENDINGS[i].base);
    yes = tl_spell_check(c->spell, low.p, low.len, NULL) == 1;
    low.len -= strlen(ENDINGS[i].base);
    tl_buf_adds(&low, ENDINGS[i].form);
  }
  /* an adverb in -mente on an adjective's feminine (or invariable) form:
   * "subjacentemente" (AWS), "rapidamente"; not on a masculine in -o */
  if (!yes && low.len >= 5 + 4 &&
      memcmp(low.p + low.len - 5, "mente", 5) == 0 &&
      low.p[low.len - 6] != 'o')
    yes = tl_spell_check(c->spell, low.p, low.len - 5, NULL) == 1;
  tl_buf_fini(&low);
  return yes;
}

/* Lower-case Roman numerals used for enumerations: (i), (ii), (iv). */
static bool is_roman(const char *p, size_t n)
{
  static const char *const r[] = {"i", "ii", "iii", "iv", "v", "vi", "vii",
                                  "viii", "ix", "x", "xi", "xii", NULL};
  for (size_t i = 0; r[i] != NULL; i++)
    if (strlen(r[i]) == n && memcmp(r[i], p, n) == 0)
      return true;
  return false;
}

/* An English word set in italics: a foreign term marked as such. */
static bool is_marked_foreign(tl_ctx *c, const tl_token *tok)
{
  int en;

  if (!(tok->flags & TL_TF_EMPH) || c->spell_en == NULL)
    return false;
  en = tl_spell_check(c->spell_en, c->key.p, c->key.len, NULL);
  return en == 1;
}

/* A capitalised unknown word that is one edit from a known word, and long
 * enough that this is unlikely by chance, is a typo rather than a name
 * (Computatcional, Trainamento); so is a capital glued to a known word
 * (PComo). */
static bool looks_like_typo(tl_ctx *c, const tl_token *tok)
{
  const char *const *sv = NULL;
  size_t cps = 0;

  for (size_t i = 0; i < tok->len; i++)
    cps += ((unsigned char)c->doc[tok->off + i] & 0xC0) != 0x80;
  if ((tok->flags & TL_TF_ALLCAPS) || is_english(c))
    return false; /* an English word in capitals reads as a name */
  if ((tok->flags & TL_TF_INNERCAP) && (tok->flags & TL_TF_CAP) &&
      cps >= 4) {
    /* PComo: the word without its first letter is known */
    size_t adv = 1;
    if (tl_spell_check(c->spell, c->key.p + adv, c->key.len - adv, NULL) ==
            1 &&
        ((unsigned char)c->key.p[1] & 0x80) == 0 && c->key.p[1] >= 'A' &&
        c->key.p[1] <= 'Z')
      return true;
    return false;
  }
  if (cps < 8)
    return false;
  (void)sv;
  return tl_spell_near_word(c->spell, c->key.p, c->key.len);
}

/* Why a word with role bits @role is left alone. */
static tl_unjudged_reason reason(unsigned role)
{
  if (role & (TL_ROLE_CODE | TL_ROLE_CODENAME))
    return TL_UNJUDGED_CODE;
  if (role & (TL_ROLE_MENTION | TL_ROLE_FOREIGN))
    return TL_UNJUDGED_MENTION;
  if (role & (TL_ROLE_NAME | TL_ROLE_LABEL))
    return TL_UNJUDGED_NAME;
  return TL_UNJUDGED_TITLE;
}

/* Roles that take a word out of the spelling check. */
#define SKIP_ROLES                                                          \
  (TL_ROLE_NAME | TL_ROLE_TITLE | TL_ROLE_LABEL | TL_ROLE_MENTION |        \
   TL_ROLE_CODE | TL_ROLE_CODENAME | TL_ROLE_FOREIGN)

/* is_prefixed or is_regular_form of the word in c->key, whose entry @w
 * (may be NULL) keeps the answer. */
static bool is_compound(tl_ctx *c, tl_wordinfo *w)
{
  bool yes;

  if (w != NULL && (w->flags & TL_WI_CP_ASKED))
    return (w->flags & TL_WI_CP_YES) != 0;
  yes = is_prefixed(c) || is_regular_form(c);
  if (w != NULL)
    w->flags |= TL_WI_CP_ASKED | (yes ? TL_WI_CP_YES : 0);
  return yes;
}

void tl_check_spelling(tl_ctx *c, const tl_unit *u, const tl_tokens *t)
{
  (void)u;
  for (size_t i = 0; i < t->n && c->st == TL_OK; i++) {
    const tl_token *tok = &t->v[i];
    tl_wordinfo *w;
    int known;

    if (tok->kind != TL_TOK_WORD || c->lang[i].pt_known)
      continue; /* pt_BR knows it: classifying the word asked already */
    /* what the spelling alone says is asked once a spelling (its entry) */
    w = tl_ctx_word(c, t, i);
    if (w != NULL && (w->flags & TL_WI_SP_ASKED) && (w->flags & TL_WI_SP_SKIP))
      continue;
    tl_buf_clear(&c->key);
    tl_token_key(c->doc, tok, &c->key);
    if (w == NULL || !(w->flags & TL_WI_SP_ASKED)) {
      bool skip;
      known = tl_prose_known_pt(c);
      if (known < 0)
        return;
      skip = known || is_roman(c->key.p, c->key.len);
      if (w != NULL)
        w->flags |= TL_WI_SP_ASKED | (skip ? TL_WI_SP_SKIP : 0);
      if (skip)
        continue;
    }
    if ((tok->flags & TL_TF_CAP) && !(tok->flags & TL_TF_ALLCAPS) &&
        !(c->role[i] & (TL_ROLE_CODE | TL_ROLE_CODENAME | TL_ROLE_MENTION |
                        TL_ROLE_FOREIGN))) {
      /* a glossary name misspelt: "o Nividia NIM", "a Anthorpic" */
      const char *name =
          tl_gloss_name_typo(c->gloss, c->doc + tok->off, tok->len);
      if (name != NULL) {
        tl_finding *f = tl_result_add(
            c->res, tok->off, tok->len, "spelling.unknown", "spelling",
            TL_ERROR, _("'%.*s' não está no dicionário: erro de grafia de "
                        "'%s'?"),
            (int)tok->len, c->doc + tok->off, name);
        tl_result_set_suggestions(c->res, f, &name, 1);
        continue;
      }
    }
    if (c->role[i] & SKIP_ROLES) {
      tl_result_unjudged(c->res, tok->off, tok->len, reason(c->role[i]));
      continue;
    }
    if (is_compound(c, w)) {
      tl_result_unjudged(c->res, tok->off, tok->len, TL_UNJUDGED_COMPOUND);
      continue;
    }
    if (is_marked_foreign(c, tok)) {
      tl_result_add(c->res, tok->off, tok->len, "spelling.foreign",
                    "spelling", TL_INFO,
                    _("'%.*s' é um termo em inglês, marcado em itálico como "
                    "estrangeiro"),
                    (int)tok->len, c->doc + tok->off);
      continue;
    }
    if ((tok->flags & (TL_TF_ALLCAPS | TL_TF_INNERCAP)) ||
        ((tok->flags & TL_TF_CAP) && !(tok->flags & TL_TF_SENT_START))) {
      /* Capitalised inside a sentence, an acronym or a CamelCase word: a
       * name (Lambert, Zhipu, pReLU), unless it is a typo of a known word
       * (Computatcional, PComo) */
      if (looks_like_typo(c, tok))
        report_unknown(c, tok->off, tok->len, w);
      else
        tl_result_unjudged(c->res, tok->off, tok->len, TL_UNJUDGED_NAME);
    } else if (tok->flags & TL_TF_CAP) {
      /* Sentence-initial: a name if the document writes it as one. */
      TL_GROW(c->pending, c->cappending, c->npending + 1);
      c->pending[c->npending++] = (tl_pending){tok->off, tok->len};
    } else {
      report_unknown(c, tok->off, tok->len, w);
    }
  }
}

void tl_check_spelling_end(tl_ctx *c)
{
  for (size_t i = 0; i < c->npending && c->st == TL_OK; i++) {
    tl_pending *p = &c->pending[i];
    tl_token tok = {p->off, p->len, TL_TOK_WORD, TL_TF_CAP, 0};
    size_t cps = 0;

    tl_buf_clear(&c->key);
    tl_token_key(c->doc, &tok, &c->key);
    /* a name; English, which the untranslated check owns; a compound
     * ("Metaprompts") */
    if (tl_prose_is_name(c, c->key.p, c->key.len)) {
      tl_result_unjudged(c->res, p->off, p->len, TL_UNJUDGED_NAME);
      continue;
    }
    if (is_english(c) || is_prefixed(c)) {
      tl_result_unjudged(c->res, p->off, p->len,
                         is_english(c) ? TL_UNJUDGED_ENGLISH
                                       : TL_UNJUDGED_COMPOUND);
      continue;
    }
    for (size_t k = 0; k < p->len; k++)
      cps += ((unsigned char)c->doc[p->off + k] & 0xC0) != 0x80;
    /* a typo of a known word, or a name nothing confirms */
    if (cps >= 5 && tl_spell_near_word(c->spell, c->key.p, c->key.len))
      report_unknown(c, p->off, p->len, NULL);
    else
      report_name(c, p->off, p->len);
  }
  c->npending = 0;
}
