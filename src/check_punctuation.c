/* spelling.case (check_sentence_start below): a sentence that begins in
 * lower case after a period.
 *
 * spelling.space: a space before a punctuation mark, which machine
 * translation leaves behind when it moves a word ("sem a necessidade de
 * ajustes .", "do nada ,assim como"). In Portuguese the comma, the period,
 * the colon, the semicolon and the question and exclamation marks lean on
 * the word before them.
 *
 * Only inside one segment of prose (code, math, links and emphasis
 * markers are other segments or none), after a letter or a digit, and
 * only where the mark cannot begin something else: a period, a colon, a
 * semicolon, a question or an exclamation mark must end the sentence or
 * the clause (a space or the end of the segment after it: ".NET", ".5",
 * "...", ":)" are left alone); a comma anywhere (" ,assim"). */
#include "check.h"
#include "msg.h"
#include "prose.h"

#include "utf8.h"

#include <string.h>

/* Whether the byte after the mark lets it be punctuation only. */
static bool ends_here(const char *doc, size_t i, size_t end)
{
  return i >= end || doc[i] == ' ' || doc[i] == '\n' || doc[i] == '\r' ||
         doc[i] == '\t';
}

static void report(tl_ctx *c, size_t space, size_t mark, size_t end)
{
  const char *doc = c->doc;
  char sugg[3] = {doc[mark], '\0', '\0'};
  const char *sv = sugg;
  tl_finding *f;

  /* " ,assim" -> ", assim": the space goes after the comma */
  if (mark + 1 < end && doc[mark] == ',' && doc[mark + 1] != ' ' &&
      doc[mark + 1] != '\n')
    sugg[1] = ' ';
  f = tl_result_add(c->res, space, mark + 1 - space, "spelling.space",
                    "spelling", TL_WARNING,
                    _("espaço antes de '%c': a pontuação se junta à palavra "
                      "anterior"),
                    doc[mark]);
  tl_result_set_suggestions(c->res, f, &sv, 1);
  f->fix = true;
}

static void check_segment(tl_ctx *c, const tl_seg *s)
{
  const char *doc = c->doc;
  size_t end = s->off + s->len;

  for (size_t i = s->off + 1; i < end; i++) {
    size_t space = i, st;
    int32_t before;
    char m;

    if (doc[i] != ' ' || doc[i - 1] == ' ')
      continue;
    while (i < end && doc[i] == ' ')
      i++;
    if (i >= end)
      break;
    m = doc[i];
    if (m != ',' && m != '.' && m != ':' && m != ';' && m != '?' && m != '!')
      continue;
    if (m != ',' && !ends_here(doc, i + 1, end))
      continue;
    if (m == ',' && i + 1 < end && doc[i + 1] == ',')
      continue;
    before = tl_utf8_decode_prev(doc, space, &st);
    if (st < s->off || !(tl_cp_is_letter(before) || tl_cp_is_digit(before)))
      continue;
    report(c, space, i, end);
  }
}

/* Whether token @b opens a sentence right after a period that ends word
 * @a: ". " or ".\n" between them, nothing else. */
static bool after_period(const char *doc, const tl_token *a,
                         const tl_token *b)
{
  size_t p = a->off + a->len;

  if (b->off != p + 2 || doc[p] != '.')
    return false;
  return doc[p + 1] == ' ' || doc[p + 1] == '\n';
}

/* Whether word token @k is known to pt_BR as written, the answer kept in
 * its entry. */
static bool known_word(tl_ctx *c, const tl_tokens *t, size_t k)
{
  const tl_token *tok = &t->v[k];
  tl_wordinfo *wi = tl_ctx_word(c, t, k);

  if (wi == NULL)
    return tl_spell_check(c->spell, c->doc + tok->off, tok->len, NULL) == 1;
  if (!(wi->flags & TL_WI_KN_ASKED))
    wi->flags |=
        TL_WI_KN_ASKED |
        (tl_spell_check(c->spell, c->doc + tok->off, tok->len, NULL) == 1
             ? TL_WI_KN_YES
             : 0);
  return (wi->flags & TL_WI_KN_YES) != 0;
}

/* spelling.case: a sentence that begins in lower case after a period
 * ("inicializamos o modelo. usamos um MLP"): machine translation joins two
 * sentences, or an edit cut one. Both words known to pt_BR as written (an
 * abbreviation the tokenizer does not know, "pág.", "obs.", is no word),
 * not a name the text introduced as software's that the dictionary does
 * not know ("a biblioteca openai ... openai é"),
 * not after a number ("1. abra o arquivo") nor an ellipsis. */
static void check_sentence_start(tl_ctx *c, const tl_tokens *t)
{
  for (size_t i = 1; i < t->n; i++) {
    const tl_token *a = &t->v[i - 1], *b = &t->v[i];
    tl_buf up;
    const char *sv;
    tl_finding *f;

    if (!(b->flags & TL_TF_SENT_START) || b->kind != TL_TOK_WORD ||
        (b->flags & (TL_TF_CAP | TL_TF_ALLCAPS | TL_TF_INNERCAP)) ||
        b->len < 2 || a->kind != TL_TOK_WORD || a->len < 3 ||
        !after_period(c->doc, a, b) ||
        (c->role[i] & (TL_ROLE_CODE | TL_ROLE_CODENAME | TL_ROLE_MENTION |
                       TL_ROLE_FOREIGN)) ||
        !known_word(c, t, i - 1) ||
        !known_word(c, t, i))
      continue;
    tl_buf_init(&up);
    {
      size_t adv;
      int32_t first = tl_utf8_decode(c->doc + b->off, b->len, &adv);
      tl_utf8_encode(tl_cp_upper(first), &up);
      tl_buf_add(&up, c->doc + b->off + adv, b->len - adv);
    }
    sv = tl_buf_cstr(&up);
    f = tl_result_add(c->res, b->off, b->len, "spelling.case", "spelling",
                      TL_WARNING,
                      _("'%.*s' começa uma frase depois do ponto final; "
                        "escreva '%s'"),
                      (int)b->len, c->doc + b->off, sv);
    tl_result_set_suggestions(c->res, f, &sv, 1);
    f->fix = true;
    tl_buf_fini(&up);
  }
}

void tl_check_punctuation(tl_ctx *c, const tl_unit *u, const tl_tokens *t)
{
  for (size_t k = 0; k < u->n; k++)
    check_segment(c, &u->segs[k]);
  check_sentence_start(c, t);
}
