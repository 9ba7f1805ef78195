/* spelling.case (check_sentence_start, check_line_capital below): a
 * sentence that begins in lower case after a period; a capital opening a
 * line that goes on a sentence after a comma.
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
        !tl_ctx_known_as_written(c, t, i - 1) ||
        !tl_ctx_known_as_written(c, t, i))
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

/* Whether only a comma, then a line break (white space around it, and
 * emphasis marks before the word) lie between tokens @a and @b. */
static bool comma_line_break(const char *doc, const tl_token *a,
                             const tl_token *b)
{
  size_t p = a->off + a->len;
  bool newline = false;

  if (p >= b->off || doc[p] != ',')
    return false;
  for (p++; p < b->off; p++) {
    if (doc[p] == '\n')
      newline = true;
    else if (doc[p] == '*' || doc[p] == '_')
      continue;
    else if (doc[p] != ' ' && doc[p] != '\t' && doc[p] != '\r')
      return false;
  }
  return newline;
}

/* Words that go on a sentence and are no name: articles, pronouns,
 * prepositions, conjunctions (pt_BR knows "lula", "rosa" and "paulo" in
 * lower case, so the dictionary cannot tell a name from a word). */
static const char *const CONTINUING[] = {
    "o",     "a",     "os",     "as",     "um",    "uma",    "uns",
    "umas",  "ele",   "ela",    "eles",   "elas",  "nós",    "isso",
    "isto",  "este",  "esta",   "esse",   "essa",  "estes",  "estas",
    "esses", "essas", "em",     "no",     "na",    "nos",    "nas",
    "do",    "dos",   "das",    "para",   "com",   "por",    "pelo",
    "pela",  "pelos", "pelas",  "que",    "se",    "e",      "mas",
    "ou",    "como",  "quando", "onde",   "porque", "pois",  "então",
    "também", "ainda", "já",    "não",    "há",    "é",      "são",
    "foi",   "seu",   "sua",    "seus",   "suas",  "cada",   "todos",
    "todas", "ao",    "aos",    "à",      "às",    "entre",  "sobre",
    "sem",   "até",   "depois", "antes",  "assim", "embora", "enquanto",
    NULL};

/* Whether the lower-case word w[0..n) is a verb with a clitic pronoun
 * after its hyphen that pt_BR knows: "diz-se", "usá-lo". */
static bool clitic_form(tl_ctx *c, const char *w, size_t n)
{
  static const char *const CLITICS[] = {"se",  "lo",  "la",  "los", "las",
                                        "me",  "te",  "nos", "lhe", "lhes",
                                        NULL};
  const char *h = NULL;

  for (size_t i = 0; i < n; i++)
    if (w[i] == '-')
      h = w + i;
  return h != NULL && h > w &&
         tl_in_list(CLITICS, h + 1, (size_t)(w + n - h - 1)) &&
         tl_spell_check(c->spell, w, n, NULL) == 1;
}

/* spelling.case: a capital at the start of a line that goes on a sentence
 * after a comma, where a text wrapped line by line (d2l-pt's sources) had
 * each line translated as a sentence: "Na prática,\nO *pooling* de
 * atenção", "Se $f'(a)$ existe,\nDiz-se que". Only in a paragraph or a
 * quote; only a word that goes on a sentence and is never a name
 * (CONTINUING) or a verb with its clitic; not a name the text uses (the
 * prose pass's roles) nor a name's first word ("Da Silva"). */
static void check_line_capital(tl_ctx *c, const tl_unit *u,
                               const tl_tokens *t)
{
  tl_buf low;
  bool init = false;

  if (u->kind != TL_BLK_PARA && u->kind != TL_BLK_QUOTE_PARA)
    return;
  for (size_t i = 1; i < t->n; i++) {
    const tl_token *a = &t->v[i - 1], *b = &t->v[i];
    const char *sv;
    tl_finding *f;

    if (!(b->flags & TL_TF_CAP) ||
        (b->flags & (TL_TF_ALLCAPS | TL_TF_INNERCAP | TL_TF_SENT_START)) ||
        b->kind != TL_TOK_WORD || a->sent != b->sent ||
        !comma_line_break(c->doc, a, b) ||
        (c->role[i] & (TL_ROLE_EXEMPT | TL_ROLE_FOREIGN | TL_ROLE_QUOTED)))
      continue;
    if (i + 1 < t->n && (t->v[i + 1].flags & TL_TF_CAP) &&
        t->v[i + 1].sent == b->sent)
      continue; /* a name of two words */
    if (!init) {
      tl_buf_init(&low);
      init = true;
    }
    tl_buf_clear(&low);
    tl_utf8_lower(c->doc + b->off, b->len, &low);
    if (!(tl_in_list(CONTINUING, low.p, low.len) ||
          clitic_form(c, low.p, low.len)))
      continue;
    sv = tl_buf_cstr(&low);
    f = tl_result_add(c->res, b->off, b->len, "spelling.case", "spelling",
                      TL_WARNING,
                      _("'%.*s' continua a frase depois da vírgula e da "
                        "quebra de linha; escreva '%s'"),
                      (int)b->len, c->doc + b->off, sv);
    tl_result_set_suggestions(c->res, f, &sv, 1);
    f->fix = true;
  }
  if (init)
    tl_buf_fini(&low);
}

void tl_check_punctuation(tl_ctx *c, const tl_unit *u, const tl_tokens *t)
{
  for (size_t k = 0; k < u->n; k++)
    check_segment(c, &u->segs[k]);
  check_sentence_start(c, t);
  check_line_capital(c, u, t);
}
