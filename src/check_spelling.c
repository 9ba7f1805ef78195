#include "check.h"

#include <stdlib.h>
#include <string.h>


static bool is_english(tl_ctx *c)
{
  return c->spell_en != NULL &&
         tl_spell_check(c->spell_en, c->key.p, c->key.len, NULL) == 1;
}

static void report_unknown(tl_ctx *c, size_t off, size_t len)
{
  const char *const *sv = NULL;
  size_t ns = 0;
  tl_finding *f;

  if (is_english(c))
    return; /* English left in the text: the untranslated check says so */
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
                    TL_ERROR, "palavra desconhecida '%.*s'", (int)len,
                    c->doc + off);
  tl_result_set_suggestions(c->res, f, sv, ns);
}

static void report_name(tl_ctx *c, size_t off, size_t len)
{
  tl_result_add(c->res, off, len, "spelling.name", "spelling", TL_INFO,
                "'%.*s' não está no dicionário: provável nome próprio (se "
                "for, acrescente-o a dictionaries/)",
                (int)len, c->doc + off);
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
  if ((tok->flags & TL_TF_INNERCAP) && cps >= 4) {
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

void tl_check_spelling(tl_ctx *c, const tl_unit *u, const tl_tokens *t)
{
  (void)u;
  for (size_t i = 0; i < t->n && c->st == TL_OK; i++) {
    const tl_token *tok = &t->v[i];
    int known;

    if (tok->kind != TL_TOK_WORD)
      continue;
    tl_buf_clear(&c->key);
    tl_token_key(c->doc, tok, &c->key);
    {
      tl_map_slot *v = c->verdicts != NULL
                           ? tl_map_find(c->verdicts, c->key.p, c->key.len)
                           : NULL;
      if (v != NULL) {
        known = v->value == 1;
      } else {
        known = tl_spell_check(c->spell, c->key.p, c->key.len, c->err);
        if (known < 0) {
          c->st = (tl_status)known;
          return;
        }
        if (c->verdicts != NULL)
          tl_map_put(c->verdicts, c->key.p, c->key.len, known ? 1 : 2, NULL);
      }
    }
    if (known || is_roman(c->key.p, c->key.len))
      continue;
    if (is_marked_foreign(c, tok)) {
      tl_result_add(c->res, tok->off, tok->len, "spelling.foreign",
                    "spelling", TL_INFO,
                    "'%.*s' é um termo em inglês, marcado em itálico como "
                    "estrangeiro",
                    (int)tok->len, c->doc + tok->off);
      continue;
    }
    if (((tok->flags & (TL_TF_ALLCAPS | TL_TF_INNERCAP)) ||
         ((tok->flags & TL_TF_CAP) && !(tok->flags & TL_TF_SENT_START))) &&
        looks_like_typo(c, tok)) {
      report_unknown(c, tok->off, tok->len);
    } else if ((tok->flags & (TL_TF_ALLCAPS | TL_TF_INNERCAP)) ||
               ((tok->flags & TL_TF_CAP) &&
                !(tok->flags & TL_TF_SENT_START))) {
      /* Capitalised inside a sentence, an acronym or a CamelCase word:
       * most often a name (Lambert, Zhipu, Tsinghua). */
      tl_map_put(&c->names, c->key.p, c->key.len, 1, NULL)->value = 1;
      report_name(c, tok->off, tok->len);
    } else if (tok->flags & TL_TF_CAP) {
      /* Sentence-initial: a name if the document also writes it as one. */
      TL_GROW(c->pending, c->cappending, c->npending + 1);
      c->pending[c->npending++] = (tl_pending){tok->off, tok->len};
    } else {
      report_unknown(c, tok->off, tok->len);
    }
  }
}

void tl_check_spelling_end(tl_ctx *c)
{
  for (size_t i = 0; i < c->npending && c->st == TL_OK; i++) {
    tl_pending *p = &c->pending[i];
    tl_token tok = {p->off, p->len, TL_TOK_WORD, 0, 0};
    tl_map_slot *s;

    tl_buf_clear(&c->key);
    tl_token_key(c->doc, &tok, &c->key);
    s = tl_map_find(&c->names, c->key.p, c->key.len);
    if (s != NULL && s->value == 1)
      report_name(c, p->off, p->len);
    else
      report_unknown(c, p->off, p->len);
  }
  c->npending = 0;
}
