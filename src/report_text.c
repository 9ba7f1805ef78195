/* Compiler-style text report:
 *   a.md:12:8: erro: palavra desconhecida 'treinamneto' [ortografia]
 *      12 | Após o treinamneto, o modelo ...
 *         |        ^~~~~~~~~~
 *         = sugestão: treinamento
 * The repeats of a finding in a file (same rule, text and message) are
 * shown once, with the lines of the others:
 *         = 'gráfico computacional' — 10 ocorrências: linhas 32, 105, ...
 * Info findings are left out unless --min-level info (report.c). */
#include "report.h"
#include "msg.h"

#include "name.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#define WINDOW_BEFORE 60  /* code points shown before a finding */
#define WINDOW_AFTER 100  /* and from its start on */

static const char *sev_color(tl_severity s)
{
  switch (s) {
  case TL_ERROR:
    return "\033[1;31m";
  case TL_WARNING:
    return "\033[1;33m";
  default:
    return "\033[1;36m";
  }
}

static bool is_eol(char c)
{
  return c == '\n' || c == '\r';
}

/* Append the code points of data[from..to) for display: tabs and control
 * characters become spaces. Returns the display width. */
static size_t show(tl_buf *b, const char *data, size_t from, size_t to)
{
  size_t w = 0;

  for (size_t i = from; i < to;) {
    size_t adv, run = i;
    int32_t cp;
    while (run < to && (unsigned char)data[run] >= 0x20 &&
           (unsigned char)data[run] < 0x7F)
      run++;
    if (run > i) { /* printable ASCII: one column a byte */
      tl_buf_add(b, data + i, run - i);
      w += run - i;
      i = run;
      continue;
    }
    cp = tl_utf8_decode(data + i, to - i, &adv);
    if (cp < 0x20 || cp == 0x7F) {
      tl_buf_addc(b, ' ');
      w++;
    } else {
      int cw = tl_cp_width(cp);
      if (cw <= 0 && !tl_cp_is_mark(cp)) { /* invisible: show nothing */
        i += adv;
        continue;
      }
      tl_buf_add(b, data + i, adv);
      w += (size_t)(cw > 0 ? cw : 0);
    }
    i += adv;
  }
  return w;
}

/* Move back from @off over at most @n code points, stopping at a line end. */
static size_t back(const char *data, size_t off, size_t n, bool *cut)
{
  size_t i = off;

  *cut = false;
  while (i > 0 && !is_eol(data[i - 1])) {
    if (n == 0) {
      *cut = true;
      break;
    }
    i--;
    while (i > 0 && ((unsigned char)data[i] & 0xC0) == 0x80)
      i--;
    n--;
  }
  return i;
}

static size_t fwd(const char *data, size_t len, size_t off, size_t n,
                  bool *cut)
{
  size_t i = off;

  *cut = false;
  while (i < len && !is_eol(data[i])) {
    size_t adv;
    if (n == 0) {
      *cut = true;
      break;
    }
    tl_utf8_decode(data + i, len - i, &adv);
    i += adv;
    n--;
  }
  return i;
}

static void add_spaces(tl_buf *b, size_t n);
static void add_u(tl_buf *b, unsigned v);

/* The lines of a group's findings: "'texto' — 3 ocorrências: linhas 3, 5,
 * 9" (each line once, at most MAX_LINES, then "…"). */
#define MAX_LINES 12
static void add_repeats(tl_buf *b, const tl_result *r, const size_t *next,
                        size_t first, size_t count, int nw)
{
  unsigned lines[MAX_LINES + 1];
  size_t nlines = 0;
  const char *p = r->data + r->f[first].offset;
  bool space = false;

  /* the group's findings through @next (in position order): a walk of the
   * whole document from each group's first was quadratic in findings */
  for (size_t k = first; k < r->n && nlines <= MAX_LINES; k = next[k])
    if (nlines == 0 || r->f[k].line != lines[nlines - 1])
      lines[nlines++] = r->f[k].line;
  tl_buf_addc(b, ' ');
  add_spaces(b, (size_t)nw + 2);
  tl_buf_adds(b, " = '");
  for (size_t i = 0; i < r->f[first].length; i++) { /* on one line */
    if (is_eol(p[i]) || p[i] == ' ' || p[i] == '\t') {
      space = true;
      continue;
    }
    if (space)
      tl_buf_addc(b, ' ');
    space = false;
    tl_buf_addc(b, p[i]);
  }
  tl_buf_adds(b, "' — ");
  tl_buf_printf(b, P_("%zu ocorrência", "%zu ocorrências", count), count);
  tl_buf_adds(b, ": ");
  tl_buf_printf(b, P_("linha %u", "linhas %u", nlines), lines[0]);
  for (size_t k = 1; k < nlines && k < MAX_LINES; k++) {
    tl_buf_adds(b, ", ");
    add_u(b, lines[k]);
  }
  tl_buf_adds(b, nlines > MAX_LINES ? " …\n" : "\n");
}

/* Pieces of a finding's lines appended as they are, not through a format:
 * a text report of 4,000 findings spent 20 M instructions in vsnprintf. */
static void add_s(tl_buf *b, const char *s)
{
  tl_buf_adds(b, s != NULL ? s : "(null)"); /* what printf's %s writes */
}

/* @v in decimal into @out (room for 11 bytes); its length. */
static int utoa10(char *out, unsigned v)
{
  char t[16];
  int n = 0, k = 0;

  do {
    t[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n > 0)
    out[k++] = t[--n];
  out[k] = '\0';
  return k;
}

static void add_u(tl_buf *b, unsigned v)
{
  char t[16];
  int n = utoa10(t, v);

  tl_buf_add(b, t, (size_t)n);
}

static void add_spaces(tl_buf *b, size_t n)
{
  static const char sp[] = "                                ";

  for (; n >= sizeof sp - 1; n -= sizeof sp - 1)
    tl_buf_add(b, sp, sizeof sp - 1);
  tl_buf_add(b, sp, n);
}

static void add_tildes(tl_buf *b, size_t n)
{
  static const char t[] = "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~";

  for (; n >= sizeof t - 1; n -= sizeof t - 1)
    tl_buf_add(b, t, sizeof t - 1);
  tl_buf_add(b, t, n);
}

static void print_finding(tl_report *rep, const tl_result *r,
                          const char *path, const tl_finding *f, tl_buf *b,
                          const size_t *next, size_t count)
{
  bool color = rep->flags & TL_REPORT_COLOR;
  const char *bold = color ? "\033[1m" : "", *reset = color ? "\033[0m" : "";
  const char *sc = color ? sev_color(f->severity) : "";
  char num[32];
  size_t from, to, ind, wid, fend;
  bool cut_l, cut_r;
  int nw;

  tl_buf_clear(b);
  /* "%s%s:%u:%u:%s %s%s:%s %s [%s]\n" */
  add_s(b, bold);
  add_s(b, path);
  tl_buf_addc(b, ':');
  add_u(b, f->line);
  tl_buf_addc(b, ':');
  add_u(b, f->column);
  tl_buf_addc(b, ':');
  add_s(b, reset);
  tl_buf_addc(b, ' ');
  add_s(b, sc);
  add_s(b, tl_severity_label(f->severity));
  tl_buf_addc(b, ':');
  add_s(b, reset);
  tl_buf_addc(b, ' ');
  add_s(b, f->message);
  tl_buf_adds(b, " [");
  add_s(b, tl_category_label(f->category));
  tl_buf_adds(b, "]\n");
  /* The source line, cut to a window around the finding. */
  nw = utoa10(num, f->line);
  from = back(r->data, f->offset, WINDOW_BEFORE, &cut_l);
  if (f->line == 1 && from < r->bom)
    from = r->bom;
  to = fwd(r->data, r->len, f->offset, WINDOW_AFTER, &cut_r);
  /* " %*s | %s": the line number right-aligned in nw + 2 */
  tl_buf_addc(b, ' ');
  add_spaces(b, 2);
  tl_buf_adds(b, num);
  tl_buf_adds(b, cut_l ? " | ..." : " | ");
  ind = cut_l ? 3 : 0;
  ind += show(b, r->data, from, f->offset);
  fend = f->offset + f->length;
  if (fend > to)
    fend = to;
  wid = show(b, r->data, f->offset, fend); /* no buffer of its own */
  show(b, r->data, fend, to);
  tl_buf_adds(b, cut_r ? "...\n" : "\n");
  /* " %*s | %*s%s^" */
  add_spaces(b, 1 + (size_t)nw + 2);
  tl_buf_adds(b, " | ");
  add_spaces(b, ind);
  add_s(b, sc);
  tl_buf_addc(b, '^');
  add_tildes(b, wid > 1 ? wid - 1 : 0);
  add_s(b, reset);
  tl_buf_addc(b, '\n');
  if (f->nsuggestions > 0) {
    tl_buf_printf(b, " %*s = %s", nw + 2, "",
                  P_("sugestão: ", "sugestões: ", f->nsuggestions));
    for (size_t i = 0; i < f->nsuggestions; i++)
      tl_buf_printf(b, "%s%s", i ? ", " : "", f->suggestions[i]);
    tl_buf_addc(b, '\n');
  }
  if (f->source_path != NULL)
    tl_buf_printf(b, " %*s = %s%s:%u:%u: %s\n", nw + 2, "", _("original: "),
                  f->source_path, f->source_line, f->source_column,
                  f->source_text != NULL ? f->source_text : "");
  if (count > 1)
    add_repeats(b, r, next, (size_t)(f - r->f), count, nw);
  fwrite(b->p, 1, b->len, rep->out);
}

static int by_severity(const void *a, const void *b)
{
  const tl_finding *const *x = a, *const *y = b;
  if ((*x)->severity != (*y)->severity)
    return (*x)->severity > (*y)->severity ? -1 : 1;
  return *x < *y ? -1 : (*x > *y); /* then by position: stable */
}

void tl_report_text_add(tl_report *rep, const tl_result *r)
{
  tl_buf b, path;
  const tl_finding **order = tl_xcalloc(r->n + 1, sizeof *order);
  size_t *leader = tl_xcalloc(r->n + 1, sizeof *leader);
  size_t *count = tl_xcalloc(r->n + 1, sizeof *count);

  size_t *next = tl_xcalloc(r->n + 1, sizeof *next);

  tl_report_group(r, leader, count);
  /* next[k]: the next finding of k's group (r->n: none), for add_repeats */
  for (size_t i = 0; i < r->n; i++)
    next[i] = r->n;
  for (size_t i = r->n; i-- > 0;) /* a leader comes before its group */
    if (leader[i] != i) {
      next[i] = next[leader[i]];
      next[leader[i]] = i;
    }
  for (size_t i = 0; i < r->n; i++)
    order[i] = &r->f[i];
  if ((rep->flags & TL_REPORT_SORT_SEVERITY) && r->n > 1)
    qsort(order, r->n, sizeof *order, by_severity);
  /* the path as given, but never an escape sequence for the terminal */
  tl_buf_init(&path);
  tl_name_add_text(&path, r->path, strlen(r->path));
  tl_buf_cstr(&path);
  tl_buf_init(&b);
  for (size_t i = 0; i < r->n; i++) {
    size_t k = (size_t)(order[i] - r->f);
    if (leader[k] == k) /* a repeat is listed with its first */
      print_finding(rep, r, path.p, order[i], &b, next, count[k]);
  }
  tl_buf_fini(&b);
  tl_buf_fini(&path);
  free(order);
  free(leader);
  free(count);
  free(next);
}

void tl_report_text_finish(tl_report *rep)
{
  size_t e = rep->counts[TL_ERROR], w = rep->counts[TL_WARNING],
         i = rep->counts[TL_INFO];
  size_t hw = rep->hidden[TL_WARNING], hi = rep->hidden[TL_INFO];
  FILE *o = rep->out;

  fprintf(o, P_("tradlint: %zu arquivo", "tradlint: %zu arquivos",
                rep->files),
          rep->files);
  fputs(", ", o);
  fprintf(o, P_("%zu palavra", "%zu palavras", rep->words), rep->words);
  fputs(": ", o);
  fprintf(o, P_("%zu erro", "%zu erros", e), e);
  fputs(", ", o);
  fprintf(o, P_("%zu aviso", "%zu avisos", w), w);
  fputs(", ", o);
  fprintf(o, P_("%zu informação", "%zu informações", i), i);
  /* what the minimum level left out, and how to see it */
  if (hw > 0 && hi > 0) {
    char nw[64], ni[64];
    snprintf(nw, sizeof nw, P_("%zu aviso", "%zu avisos", hw), hw);
    snprintf(ni, sizeof ni, P_("%zu informação", "%zu informações", hi),
             hi);
    fprintf(o, _(" (e %s e %s não mostrados: --min-level info)"), nw, ni);
  } else if (hw > 0) {
    fprintf(o, P_(" (e %zu aviso não mostrado: --min-level warning)",
                  " (e %zu avisos não mostrados: --min-level warning)", hw),
            hw);
  } else if (hi > 0) {
    fprintf(o, P_(" (e %zu informação não mostrada: --min-level info)",
                  " (e %zu informações não mostradas: --min-level info)",
                  hi),
            hi);
  }
  fputc('\n', o);
}
