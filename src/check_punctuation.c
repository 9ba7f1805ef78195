/* spelling.space: a space before a punctuation mark, which machine
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

void tl_check_punctuation(tl_ctx *c, const tl_unit *u)
{
  for (size_t k = 0; k < u->n; k++)
    check_segment(c, &u->segs[k]);
}
