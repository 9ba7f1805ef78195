/* Inline suppressions, in HTML comments (Markdown and plain text alike):
 *   <!-- tradlint-disable -->            everything, until enabled again
 *   <!-- tradlint-disable spelling, terminology.forbidden -->
 *   <!-- tradlint-enable -->             everything again
 *   <!-- tradlint-enable spelling -->
 *   <!-- tradlint-disable-next-line rule -->   the next line only
 * Items are rule ids or categories. A directive that suppresses nothing
 * is reported (suppression.unused, warning) when the caller asks. */
#include "suppress.h"
#include "msg.h"

#include "rules.h"

#include <stdlib.h>
#include <string.h>

typedef struct directive {
  size_t off, len;   /* the comment */
  size_t from, to;   /* the range it disables (bytes) */
  unsigned line;     /* for next-line: the line it covers; else 0 */
  char **items;      /* rules or categories; none: all */
  size_t nitems;
  bool enable;       /* an enable directive (used only to end ranges) */
  bool used;
} directive;

static bool item_matches(const directive *d, const tl_finding *f)
{
  if (d->nitems == 0)
    return true;
  for (size_t i = 0; i < d->nitems; i++)
    if (strcmp(d->items[i], f->rule) == 0 ||
        strcmp(d->items[i], f->category) == 0)
      return true;
  return false;
}

static bool has_item(const directive *d, const char *s)
{
  for (size_t i = 0; i < d->nitems; i++)
    if (strcmp(d->items[i], s) == 0)
      return true;
  return false;
}

static void parse_items(directive *d, const char *p, size_t n)
{
  size_t i = 0, cap = 0;

  while (i < n) {
    size_t s;
    while (i < n && (p[i] == ' ' || p[i] == ',' || p[i] == '\t' ||
                     p[i] == '\n' || p[i] == '\r'))
      i++;
    s = i;
    while (i < n && p[i] != ' ' && p[i] != ',' && p[i] != '\t' &&
           p[i] != '\n' && p[i] != '\r')
      i++;
    if (i > s) {
      TL_GROW(d->items, cap, d->nitems + 1);
      d->items[d->nitems++] = tl_xstrndup(p + s, i - s);
    }
  }
}

bool tl_suppress_apply(tl_result *r, bool report_unused)
{
  bool added = false;
  directive *dv = NULL;
  size_t nd = 0, cap = 0;
  const char *doc = r->data;
  size_t len = r->len, i = 0;
  tl_lines li;
  bool have_lines = false;

  /* find the directives */
  while (i + 4 < len) {
    const char *open = memchr(doc + i, '<', len - i);
    const char *close, *body, *end;
    directive d;
    size_t blen;
    if (open == NULL)
      break;
    i = (size_t)(open - doc) + 1;
    if ((size_t)(doc + len - open) < 8 || memcmp(open, "<!--", 4) != 0)
      continue;
    close = NULL;
    for (const char *q = open + 4; q + 2 < doc + len; q++)
      if (q[0] == '-' && q[1] == '-' && q[2] == '>') {
        close = q;
        break;
      }
    if (close == NULL)
      break;
    body = open + 4;
    while (body < close && (*body == ' ' || *body == '\t'))
      body++;
    blen = (size_t)(close - body);
    memset(&d, 0, sizeof d);
    d.off = (size_t)(open - doc);
    d.len = (size_t)(close + 3 - open);
    end = close + 3;
    if (blen >= 26 && memcmp(body, "tradlint-disable-next-line", 26) == 0) {
      parse_items(&d, body + 26, blen - 26);
      if (!have_lines) {
        tl_lines_init(&li, doc, len, r->bom);
        have_lines = true;
      }
      d.line = tl_lines_line(&li, d.off) + 1;
    } else if (blen >= 16 && memcmp(body, "tradlint-disable", 16) == 0 &&
               (blen == 16 || body[16] == ' ' || body[16] == '\t')) {
      parse_items(&d, body + 16, blen - 16);
      d.from = (size_t)(end - doc);
      d.to = len;
    } else if (blen >= 15 && memcmp(body, "tradlint-enable", 15) == 0 &&
               (blen == 15 || body[15] == ' ' || body[15] == '\t')) {
      parse_items(&d, body + 15, blen - 15);
      d.enable = true;
      /* end the open ranges it names (all, when it names nothing) */
      for (size_t k = 0; k < nd; k++) {
        directive *o = &dv[k];
        if (o->enable || o->line != 0 || o->to != len)
          continue;
        if (d.nitems == 0) {
          o->to = d.off;
        } else {
          bool all = o->nitems > 0;
          for (size_t m = 0; m < o->nitems && all; m++)
            all = has_item(&d, o->items[m]);
          if (all)
            o->to = d.off;
        }
      }
    } else {
      i = (size_t)(end - doc);
      continue;
    }
    TL_GROW(dv, cap, nd + 1);
    dv[nd++] = d;
    i = (size_t)(end - doc);
  }
  if (nd == 0)
    return false;
  /* drop the suppressed findings */
  {
    size_t out = 0;
    for (size_t k = 0; k < r->n; k++) {
      tl_finding *f = &r->f[k];
      bool drop = false;
      for (size_t j = 0; j < nd && !drop; j++) {
        directive *d = &dv[j];
        if (d->enable || !item_matches(d, f))
          continue;
        if (d->line != 0 ? f->line == d->line
                         : f->offset >= d->from && f->offset < d->to) {
          drop = true;
          d->used = true;
        }
      }
      if (!drop)
        r->f[out++] = *f;
    }
    r->n = out;
  }
  if (report_unused)
    for (size_t j = 0; j < nd; j++)
      if (!dv[j].enable && !dv[j].used) {
        tl_finding *f = tl_result_add(
            r, dv[j].off, dv[j].len, "suppression.unused", "suppression",
            TL_WARNING, _("esta supressão não suprime nenhum achado: apague-a"));
        (void)f;
        added = true;
      }
  for (size_t j = 0; j < nd; j++) {
    for (size_t k = 0; k < dv[j].nitems; k++)
      free(dv[j].items[k]);
    free(dv[j].items);
  }
  free(dv);
  if (have_lines)
    tl_lines_fini(&li);
  return added;
}
