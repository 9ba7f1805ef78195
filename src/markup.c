#include "markup.h"
#include "msg.h"

#include <md4c.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64 /* deeper nesting shares the innermost kind */

typedef struct parser {
  const char *doc;
  size_t len;
  tl_unit_fn fn;
  tl_code_fn code_fn; /* may be NULL */
  void *ctx;
  tl_seg *segs;
  size_t nsegs, cap;
  unsigned depth;
  MD_BLOCKTYPE stack[MAX_DEPTH];
  unsigned heading_level;
  unsigned link, alt, emph; /* span nesting counters */
  bool gap;                 /* skipped material since the last segment */
  bool math;                /* inside an inline $...$ span */
  tl_seg *mseg;             /* its text, held until its end */
  size_t nmseg, capmseg;
  bool code;                /* inside an inline code span */
  size_t code_off, code_end; /* its text so far (code_end 0: none) */
} parser;

static enum tl_block_kind unit_kind(const parser *ps)
{
  unsigned top = ps->depth < MAX_DEPTH ? ps->depth : MAX_DEPTH;
  bool quote = false, li = false;

  for (unsigned i = 0; i < top; i++) {
    if (ps->stack[i] == MD_BLOCK_QUOTE)
      quote = true;
    if (ps->stack[i] == MD_BLOCK_LI)
      li = true;
  }
  if (top > 0) {
    MD_BLOCKTYPE t = ps->stack[top - 1];
    if (t == MD_BLOCK_H)
      return TL_BLK_HEADING;
    if (t == MD_BLOCK_TH || t == MD_BLOCK_TD)
      return TL_BLK_TABLE_CELL;
    if (t == MD_BLOCK_LI || li)
      return TL_BLK_LIST_ITEM;
  }
  return quote ? TL_BLK_QUOTE_PARA : TL_BLK_PARA;
}

static void flush(parser *ps)
{
  tl_unit u;

  if (ps->nsegs == 0)
    return;
  u.kind = unit_kind(ps);
  u.level = u.kind == TL_BLK_HEADING ? ps->heading_level : 0;
  u.segs = ps->segs;
  u.n = ps->nsegs;
  ps->fn(ps->ctx, &u);
  ps->nsegs = 0;
  ps->gap = false;
}

static void add_seg(parser *ps, size_t off, size_t len)
{
  unsigned flags = 0;

  if (ps->link)
    flags |= TL_SEG_LINK;
  if (ps->alt)
    flags |= TL_SEG_ALT;
  if (ps->emph)
    flags |= TL_SEG_EMPH;
  if (ps->gap)
    flags |= TL_SEG_AFTER_GAP;
  ps->gap = false;
  TL_GROW(ps->segs, ps->cap, ps->nsegs + 1);
  ps->segs[ps->nsegs++] = (tl_seg){off, len, flags};
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
  parser *ps = ud;

  flush(ps);
  if (ps->depth < MAX_DEPTH)
    ps->stack[ps->depth] = type;
  ps->depth++;
  if (type == MD_BLOCK_H)
    ps->heading_level = ((MD_BLOCK_H_DETAIL *)detail)->level;
  return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
  parser *ps = ud;

  (void)type;
  (void)detail;
  flush(ps);
  if (ps->depth > 0)
    ps->depth--;
  return 0;
}

/* Whether the inline math span whose text is doc[s..e) (between its two
 * dollar signs) is really prose with prices: "$2.50 por milhão de tokens,
 * contra $10", "US$ 1.5 bilhão e US$ 2 bilhões". Pandoc's rule (no space
 * inside either dollar, no digit after the closing one) plus the shape of
 * money: the text starts with a number, holds no TeX and reads as words.
 * "$0.5$", "$2x + 1 = 3$", "$(0.1, 0.2)$" and "$10 \times 10$" stay math. */
static bool is_money(const char *doc, size_t len, size_t s, size_t e)
{
  size_t i = s;
  bool words = false;

  if (s == 0 || s >= e || e >= len || doc[s - 1] != '$' || doc[e] != '$' ||
      (s >= 2 && doc[s - 2] == '$'))
    return false;
  while (i < e && doc[i] == ' ')
    i++;
  if (i == e || doc[i] < '0' || doc[i] > '9')
    return false;
  for (size_t k = s; k < e; k++) {
    if (strchr("\\^_{}=<>|", doc[k]) != NULL)
      return false;
    /* a run of two letters after a space: a word, not a variable */
    if (k > s && doc[k - 1] == ' ' && k + 1 < e &&
        ((unsigned char)doc[k] >= 0x80 ||
         ((doc[k] | 0x20) >= 'a' && (doc[k] | 0x20) <= 'z')) &&
        ((unsigned char)doc[k + 1] >= 0x80 ||
         ((doc[k + 1] | 0x20) >= 'a' && (doc[k + 1] | 0x20) <= 'z')))
      words = true;
  }
  return words || doc[s] == ' ' || doc[e - 1] == ' ' ||
         (e + 1 < len && doc[e + 1] >= '0' && doc[e + 1] <= '9');
}

static int enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
  parser *ps = ud;

  (void)detail;
  switch (type) {
  case MD_SPAN_LATEXMATH:
    ps->math = true;
    ps->nmseg = 0;
    break;
  case MD_SPAN_A:
    ps->link++;
    break;
  case MD_SPAN_CODE:
    ps->code = true;
    ps->code_end = 0;
    break;
  case MD_SPAN_IMG:
    ps->alt++;
    break;
  case MD_SPAN_EM:
  case MD_SPAN_STRONG:
    ps->emph++;
    break;
  default:
    break;
  }
  return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
  parser *ps = ud;

  (void)detail;
  switch (type) {
  case MD_SPAN_LATEXMATH:
    ps->math = false;
    if (ps->nmseg > 0 &&
        is_money(ps->doc, ps->len, ps->mseg[0].off,
                 ps->mseg[ps->nmseg - 1].off + ps->mseg[ps->nmseg - 1].len)) {
      for (size_t i = 0; i < ps->nmseg; i++)
        add_seg(ps, ps->mseg[i].off, ps->mseg[i].len);
    } else {
      ps->gap = true;
    }
    ps->nmseg = 0;
    break;
  case MD_SPAN_A:
    if (ps->link)
      ps->link--;
    break;
  case MD_SPAN_CODE:
    ps->code = false;
    if (ps->code_fn != NULL && ps->code_end > ps->code_off)
      ps->code_fn(ps->ctx, ps->code_off, ps->code_end - ps->code_off, true);
    break;
  case MD_SPAN_IMG:
    if (ps->alt)
      ps->alt--;
    break;
  case MD_SPAN_EM:
  case MD_SPAN_STRONG:
    if (ps->emph)
      ps->emph--;
    break;
  default:
    break;
  }
  return 0;
}

static int text(MD_TEXTTYPE type, const MD_CHAR *t, MD_SIZE size, void *ud)
{
  parser *ps = ud;

  switch (type) {
  case MD_TEXT_NORMAL:
    /* Normal text points into the document; anything else (replacement
     * characters, static strings) is not prose of the file. */
    if (t >= ps->doc && t + size <= ps->doc + ps->len && size > 0)
      add_seg(ps, (size_t)(t - ps->doc), size);
    break;
  case MD_TEXT_SOFTBR:
    break;
  case MD_TEXT_LATEXMATH: /* held until the span ends: math or money? */
    if (ps->math && t >= ps->doc && t + size <= ps->doc + ps->len &&
        size > 0) {
      TL_GROW(ps->mseg, ps->capmseg, ps->nmseg + 1);
      ps->mseg[ps->nmseg++] = (tl_seg){(size_t)(t - ps->doc), size, 0};
    } else {
      ps->gap = true;
    }
    break;
  case MD_TEXT_CODE: /* an inline span's pieces, or a code block's lines */
    ps->gap = true;
    if (ps->code_fn == NULL || t < ps->doc || t + size > ps->doc + ps->len ||
        size == 0)
      break;
    if (!ps->code) {
      ps->code_fn(ps->ctx, (size_t)(t - ps->doc), size, false);
    } else {
      if (ps->code_end == 0)
        ps->code_off = (size_t)(t - ps->doc);
      ps->code_end = (size_t)(t - ps->doc) + size;
    }
    break;
  default: /* HTML, math, entities, hard breaks, NUL */
    ps->gap = true;
    break;
  }
  return 0;
}

size_t tl_markup_front_matter(const char *doc, size_t len, size_t start)
{
  const char *p = doc + start, *end = doc + len;
  const char *nl;

  if (len - start < 4 || memcmp(p, "---", 3) != 0)
    return 0;
  nl = memchr(p, '\n', (size_t)(end - p));
  if (nl == NULL)
    return 0;
  for (const char *q = p + 3; q < nl; q++) /* "---" then only spaces */
    if (*q != ' ' && *q != '\t' && *q != '\r')
      return 0;
  p = nl + 1;
  while (p < end) {
    const char *e = memchr(p, '\n', (size_t)(end - p));
    const char *le = e ? e : end;
    size_t n = (size_t)(le - p);
    if (n > 0 && p[n - 1] == '\r')
      n--;
    if ((n == 3 && (memcmp(p, "---", 3) == 0 || memcmp(p, "...", 3) == 0)))
      return (size_t)((e ? e + 1 : end) - (doc + start));
    if (e == NULL)
      break;
    p = e + 1;
  }
  return 0;
}

/* Whether doc[s..e) (a line of plain text) reads as a title: it ends in a
 * letter or a digit, with no punctuation, and the next line (from @next)
 * begins with a capital. A plain-text article without blank lines writes
 * one paragraph a line, its title and subtitle included; the line after a title begins a new
 * sentence, which the title's missing full stop would hide ("Os Documentos
 * Secretos da Meta" / "Meta, gigante da tecnologia, ..."). */
static bool title_line(const char *doc, size_t len, size_t s, size_t e,
                       size_t next)
{
  unsigned char last, first;

  while (e > s && (doc[e - 1] == ' ' || doc[e - 1] == '\t' ||
                   doc[e - 1] == '\r'))
    e--;
  while (next < len && (doc[next] == ' ' || doc[next] == '\t'))
    next++;
  if (e == s || next >= len)
    return false;
  last = (unsigned char)doc[e - 1];
  first = (unsigned char)doc[next];
  if (!((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') ||
        (last >= '0' && last <= '9') || last >= 0x80))
    return false;
  if (first >= 'A' && first <= 'Z')
    return true;
  /* an accented capital of Latin-1 (U+00C0..U+00DE: Á, É, Ó, Ú, Â, Ê, Ô, Ç) */
  return first == 0xC3 && next + 1 < len &&
         (unsigned char)doc[next + 1] >= 0x80 &&
         (unsigned char)doc[next + 1] <= 0x9E &&
         (unsigned char)doc[next + 1] != 0x97;
}

/* Whether doc[start..len) has a blank line (only spaces, tabs or CR)
 * between two lines of text: then its paragraphs are separated by blank
 * lines, and a line break inside one is a wrapped line. */
static bool has_blank_line(const char *doc, size_t len, size_t start)
{
  bool text_seen = false;

  for (size_t i = start; i < len;) {
    const char *nl = memchr(doc + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - doc) : len;
    bool blank = true;

    for (size_t k = i; k < e && blank; k++)
      blank = doc[k] == ' ' || doc[k] == '\t' || doc[k] == '\r';
    if (blank && text_seen && nl != NULL && e + 1 < len)
      return true;
    text_seen |= !blank;
    i = e + 1;
  }
  return false;
}

static void parse_plain(parser *ps, size_t start)
{
  size_t i = start, para = start;
  bool blank_prev = false;
  /* without blank lines, the text writes a paragraph a line, and a title
   * line ends its paragraph (title_line) */
  bool titles = !has_blank_line(ps->doc, ps->len, start);

  /* Paragraphs are separated by blank lines; each line is a segment. */
  while (i < ps->len) {
    const char *nl = memchr(ps->doc + i, '\n', ps->len - i);
    size_t e = nl ? (size_t)(nl - ps->doc) : ps->len;
    size_t s = i;
    bool blank = true;

    for (size_t k = s; k < e; k++)
      if (ps->doc[k] != ' ' && ps->doc[k] != '\t' && ps->doc[k] != '\r') {
        blank = false;
        break;
      }
    if (blank) {
      flush(ps);
      blank_prev = true;
    } else {
      if (blank_prev)
        para = s;
      add_seg(ps, s, e - s);
      blank_prev = false;
      if (titles && nl != NULL && title_line(ps->doc, ps->len, s, e, e + 1))
        flush(ps);
    }
    i = e + 1;
  }
  (void)para;
  flush(ps);
}

tl_status tl_markup_parse(const char *doc, size_t len, size_t start,
                          bool markdown, tl_unit_fn fn, void *ctx,
                          tl_error *err)
{
  return tl_markup_parse_code(doc, len, start, markdown, fn, NULL, ctx, err);
}

tl_status tl_markup_parse_code(const char *doc, size_t len, size_t start,
                               bool markdown, tl_unit_fn fn, tl_code_fn code,
                               void *ctx, tl_error *err)
{
  parser ps;
  MD_PARSER md;
  int rc = 0;

  memset(&ps, 0, sizeof ps);
  ps.doc = doc;
  ps.len = len;
  ps.fn = fn;
  ps.code_fn = code;
  ps.ctx = ctx;
  start += tl_markup_front_matter(doc, len, start);
  if (!markdown) {
    parse_plain(&ps, start);
    free(ps.segs);
    return TL_OK;
  }
  memset(&md, 0, sizeof md);
  md.flags = TL_MARKDOWN_FLAGS;
  md.enter_block = enter_block;
  md.leave_block = leave_block;
  md.enter_span = enter_span;
  md.leave_span = leave_span;
  md.text = text;
  if (len > start)
    rc = md_parse(doc + start, (MD_SIZE)(len - start), &md, &ps);
  flush(&ps);
  free(ps.segs);
  free(ps.mseg);
  if (rc != 0)
    return tl_error_set(err, TL_EIO, _("md4c falhou ao ler o Markdown (%d)"),
                        rc);
  return TL_OK;
}
