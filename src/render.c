/* The document of a result as HTML, findings highlighted in place.
 *
 * Markdown is rendered by md4c's own HTML renderer (md4c-html) with the
 * parser flags tradlint reads it with, raw HTML shown as text. md4c-html
 * gives no offsets, so the findings travel through it as characters: at
 * each finding's start offset a code point of Unicode's plane-15 private
 * use area (U+F0000 + the finding's index) and at its end U+E000 are
 * inserted into a copy of the document; md4c passes text through, and the
 * markers found in its output become <mark ...> and </mark>. Characters of
 * those ranges already in the document are moved to look-alike private
 * code points of the same length first, so that only our markers remain.
 * A finding is marked in place only when it overlaps no other and its text
 * holds no Markdown syntax (* _ ` [ ] < > | # \ or a blank line), so that
 * a mark never straddles an element; the others are in the list only.
 * Links and images of the article are made inert (no request, no
 * navigation): <a href> becomes <a data-href>, an image its alt text. */
#include "render.h"

#include "markup.h"

#include <md4c-html.h>
#include <md4c.h>
#include <stdlib.h>
#include <string.h>

#define OPEN_BASE 0xF0000 /* U+F0000 + index: a finding starts */
#define CLOSE_CP 0xE000   /* a finding ends */
#define MAX_MARKS 0xFFFD  /* U+F0000 .. U+FFFFD */

static bool safe_text(const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (strchr("*_`[]<>|#\\", c) != NULL && c != '\0')
      return false;
    if (c == '\n' && i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r'))
      return false;
  }
  return true;
}

/* Which findings go in place: non-overlapping, safe text, in order. */
static bool *placeable(const tl_result *r)
{
  bool *ok = tl_xcalloc(r->n + 1, sizeof *ok);
  size_t pos = 0;

  for (size_t i = 0; i < r->n && i < MAX_MARKS; i++) {
    const tl_finding *f = &r->f[i];
    if (f->offset < pos || f->length == 0 || f->offset < r->bom)
      continue;
    if (r->markdown && !safe_text(r->data + f->offset, f->length))
      continue;
    ok[i] = true;
    pos = f->offset + f->length;
  }
  return ok;
}

static void put_cp(tl_buf *b, uint32_t cp)
{
  char u[4];
  if (cp >= 0x10000) {
    u[0] = (char)(0xF0 | (cp >> 18));
    u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (char)(0x80 | (cp & 0x3F));
    tl_buf_add(b, u, 4);
  } else {
    u[0] = (char)(0xE0 | (cp >> 12));
    u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F));
    tl_buf_add(b, u, 3);
  }
}

/* Copy doc[from..to) to @b, moving our marker code points aside: U+E000
 * -> U+E001, plane 15 -> plane 16 (same UTF-8 length). */
static void copy_clean(tl_buf *b, const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xEE && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x80) {
      tl_buf_add(b, "\xEE\x80\x81", 3);
      i += 2;
    } else if (c == 0xF3 && i + 1 < n && (unsigned char)s[i + 1] >= 0xB0) {
      tl_buf_addc(b, (char)0xF4);
      tl_buf_addc(b, (char)((unsigned char)s[i + 1] - 0x30));
      i++;
    } else {
      tl_buf_addc(b, (char)c);
    }
  }
}

static void on_output(const MD_CHAR *text, MD_SIZE size, void *ud)
{
  tl_buf_add(ud, text, size);
}

/* A marker at p (4 bytes F3 Bx or 3 bytes EE 80 80): its kind and index. */
static int marker_at(const char *p, size_t left, size_t *idx, size_t *len)
{
  const unsigned char *u = (const unsigned char *)p;
  if (left >= 3 && u[0] == 0xEE && u[1] == 0x80 && u[2] == 0x80) {
    *len = 3;
    return 2;
  }
  if (left >= 4 && u[0] == 0xF3 && u[1] >= 0xB0) {
    uint32_t cp = ((uint32_t)(u[0] & 0x07) << 18) |
                  ((uint32_t)(u[1] & 0x3F) << 12) |
                  ((uint32_t)(u[2] & 0x3F) << 6) | (uint32_t)(u[3] & 0x3F);
    *idx = cp - OPEN_BASE;
    *len = 4;
    return 1;
  }
  return 0;
}

/* Copy md4c-html's output to @out: markers become marks, links and
 * images inert. */
static void finish(const tl_buf *html, const tl_result *r,
                   tl_render_open_fn open, void *ud, tl_buf *out)
{
  const char *p = html->p, *end = html->p + html->len;
  size_t depth = 0;

  while (p < end) {
    size_t idx = 0, len = 0;
    int m = marker_at(p, (size_t)(end - p), &idx, &len);
    if (m == 1 && idx < r->n) {
      open(ud, idx, out);
      depth++;
      p += len;
    } else if (m == 2) {
      if (depth > 0) {
        tl_buf_adds(out, "</mark>");
        depth--;
      }
      p += len;
    } else if ((size_t)(end - p) > 9 && memcmp(p, "<a href=\"", 9) == 0) {
      tl_buf_adds(out, "<a class=\"link\" data-href=\"");
      p += 9;
    } else if ((size_t)(end - p) > 10 && memcmp(p, "<img src=\"", 10) == 0) {
      /* <img src="URL" alt="ALT"[ title="T"]> -> the alt text */
      const char *q = memchr(p + 10, '"', (size_t)(end - p - 10)), *a, *z;
      if (q == NULL || (size_t)(end - q) < 7 || memcmp(q, "\" alt=\"", 7) != 0) {
        tl_buf_addc(out, *p++);
        continue;
      }
      a = q + 7;
      z = memchr(a, '"', (size_t)(end - a));
      if (z == NULL)
        z = end;
      tl_buf_adds(out, "<span class=\"img\">[imagem: ");
      /* the alt text may hold markers: copy it through the same loop */
      {
        tl_buf alt;
        tl_buf_init(&alt);
        tl_buf_add(&alt, a, (size_t)(z - a));
        finish(&alt, r, open, ud, out);
        tl_buf_fini(&alt);
      }
      tl_buf_adds(out, "]</span>");
      p = z;
      while (p < end && *p != '>')
        p++;
      if (p < end)
        p++;
    } else {
      tl_buf_addc(out, *p++);
    }
  }
  while (depth-- > 0)
    tl_buf_adds(out, "</mark>");
}

void tl_render_document(const tl_result *r, tl_render_open_fn open, void *ud,
                        tl_buf *out)
{
  bool *ok = placeable(r);
  size_t start = r->bom, fm = tl_markup_front_matter(r->data, r->len, start);
  tl_buf src, html;

  tl_buf_init(&src);
  tl_buf_init(&html);
  if (fm > 0) { /* YAML front matter: shown as it is, not rendered */
    tl_buf_adds(out, "<pre class=\"front-matter\">");
    tl_buf_add_html(out, r->data + start, fm);
    tl_buf_adds(out, "</pre>\n");
  }
  /* the text with the markers */
  {
    size_t pos = start + fm;
    for (size_t i = 0; i < r->n; i++) {
      const tl_finding *f = &r->f[i];
      if (!ok[i] || f->offset < pos)
        continue;
      copy_clean(&src, r->data + pos, f->offset - pos);
      put_cp(&src, OPEN_BASE + (uint32_t)i);
      copy_clean(&src, r->data + f->offset, f->length);
      put_cp(&src, CLOSE_CP);
      pos = f->offset + f->length;
    }
    copy_clean(&src, r->data + pos, r->len - pos);
  }
  if (r->markdown) {
    if (md_html(src.p ? src.p : "", (MD_SIZE)src.len, on_output, &html,
                TL_MARKDOWN_FLAGS | MD_FLAG_NOHTML, 0) != 0) {
      tl_buf_clear(&html); /* cannot happen with valid UTF-8: as text */
      tl_buf_adds(&html, "<pre>");
      tl_buf_add_html(&html, src.p ? src.p : "", src.len);
      tl_buf_adds(&html, "</pre>");
    }
  } else {
    tl_buf_adds(&html, "<pre class=\"plain\">");
    tl_buf_add_html(&html, src.p ? src.p : "", src.len);
    tl_buf_adds(&html, "</pre>\n");
  }
  finish(&html, r, open, ud, out);
  tl_buf_fini(&src);
  tl_buf_fini(&html);
  free(ok);
}

bool tl_render_in_place(const tl_result *r, size_t i)
{
  bool *ok = placeable(r), v = i < r->n && ok[i];
  free(ok);
  return v;
}
