/* Structural renderings for the corpus memory: the headings and link texts
 * an archive repeats from document to document.
 *
 * A heading whose whole text is one concept's rendering (a glossary form,
 * the concept's English term, or a phrase with a derived word of a
 * discovered concept) is recorded as a rendering of that concept *as a
 * heading of its level*: concept "## summary-heading", renderings
 * "## Resumo", "## Summary". So `corpus report` shows that the same section
 * is titled two ways across the archive; a heading titled one way
 * everywhere is one rendering, and no report entry.
 *
 * A link text is recorded as a rendering of the link's destination: the
 * address without scheme, query, fragment and trailing numeric ids
 * ("https://discuss.d2l.ai/t/96" -> "discuss.d2l.ai/t"), so the
 * "[Discussions]" of one chapter and the "[Discussão]" of another, both
 * pointing at the book's forum, are one concept. A document that gives
 * one destination two texts links different things there: it records
 * none of them. Relative addresses (documents of the archive, which move
 * with the document) and texts that spell the address are left out. */
#include "check.h"

#include "store.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#define MAX_LINK_WORDS 8
#define MAX_HEADING_WORDS 3 /* a derived phrase: tl_check_derived's limit */

static void add_row(tl_ctx *c, const char *concept, const char *rendering,
                    const char *surface, int kind, size_t off)
{
  TL_GROW(c->xusage, c->capxusage, c->nxusage + 1);
  c->xusage[c->nxusage++] =
      (tl_xusage){concept, rendering, surface, (uint8_t)kind, off};
}

/* "## " for a heading of @level, into @out. */
static void heading_mark(tl_buf *out, unsigned level)
{
  for (unsigned i = 0; i < level && i < 6; i++)
    tl_buf_addc(out, '#');
  tl_buf_addc(out, ' ');
}

void tl_phrase_text(const char *doc, size_t off, size_t len, bool lower,
                    tl_buf *out)
{
  tl_buf t, nfc;
  bool space = false;

  tl_buf_init(&t);
  tl_buf_init(&nfc);
  for (size_t k = off; k < off + len; k++) {
    char ch = doc[k];
    if (ch == '*' || ch == '_' || ch == '`')
      continue;
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
      space = true;
      continue;
    }
    if (space && t.len > 0)
      tl_buf_addc(&t, ' ');
    space = false;
    tl_buf_addc(&t, ch);
  }
  tl_utf8_nfc(t.p, t.len, &nfc);
  if (lower)
    tl_utf8_lower(nfc.p, nfc.len, out);
  else
    tl_buf_add(out, nfc.p, nfc.len);
  tl_buf_fini(&t);
  tl_buf_fini(&nfc);
}

static const char *arena_buf(tl_ctx *c, const tl_buf *b)
{
  return tl_arena_strndup(&c->res->arena, b->p, b->len);
}

/* A heading block: its whole text one glossary form or one concept's
 * English term, recorded now; else kept for the derived phrases
 * (tl_structure_end). */
static void heading(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                    const tl_matches *m)
{
  const tl_token *first = &t->v[0], *last = &t->v[t->n - 1];
  size_t off = first->off, end = last->off + last->len;
  const tl_match *x =
      m != NULL ? tl_matches_overlap(m, off, off + 1) : NULL;
  tl_buf id, r;
  long ci;

  tl_buf_init(&id);
  tl_buf_init(&r);
  heading_mark(&id, u->level);
  heading_mark(&r, u->level);
  if (x != NULL && x->off == off && x->off + x->len == end) {
    const tl_form *f = &c->gloss->f[x->form];
    tl_buf_adds(&id, c->gloss->c[x->concept].id);
    tl_buf_adds(&r, f->text);
    add_row(c, arena_buf(c, &id), arena_buf(c, &r),
            tl_result_surface(c->res, off, end - off), f->kind, off);
  } else if ((ci = c->gloss != NULL ? tl_gloss_find_en(c->gloss, c->doc + off,
                                                        end - off)
                                      : -1) >= 0 &&
             !c->gloss->c[ci].exact) {
    tl_buf_adds(&id, c->gloss->c[ci].id);
    tl_phrase_text(c->doc, off, end - off, true, &r);
    add_row(c, arena_buf(c, &id), arena_buf(c, &r),
            tl_result_surface(c->res, off, end - off),
            TL_RENDERING_ENGLISH, off);
  } else if (t->n >= 2 && t->n <= MAX_HEADING_WORDS) {
    TL_GROW(c->heads, c->capheads, c->nheads + 1);
    c->heads[c->nheads++] = (tl_heading_span){off, end - off, u->level};
  }
  tl_buf_fini(&id);
  tl_buf_fini(&r);
}

static bool is_digits(const char *p, size_t n)
{
  if (n == 0)
    return false;
  for (size_t i = 0; i < n; i++)
    if (p[i] < '0' || p[i] > '9')
      return false;
  return true;
}

/* The destination key of the inline link whose text ends at doc[end]
 * ("](https://host/path/123?q#f)"): host and path, trailing numeric
 * segments and a final '/' out, lower-case host; false when there is none
 * (a reference link, a relative address). */
static bool link_key(const tl_ctx *c, size_t end, tl_buf *out)
{
  size_t i = end, s, e, host_end;

  while (i < c->len && (c->doc[i] == '*' || c->doc[i] == '_' ||
                        c->doc[i] == '`'))
    i++;
  if (i + 1 >= c->len || c->doc[i] != ']' || c->doc[i + 1] != '(')
    return false;
  i += 2;
  while (i < c->len && c->doc[i] == ' ')
    i++;
  if (i < c->len && c->doc[i] == '<')
    i++;
  if (c->len - i > 8 && memcmp(c->doc + i, "https://", 8) == 0)
    i += 8;
  else if (c->len - i > 7 && memcmp(c->doc + i, "http://", 7) == 0)
    i += 7;
  else
    return false;
  s = i;
  while (i < c->len && !strchr(" \t\r\n)>?#\"", c->doc[i]))
    i++;
  e = i;
  for (host_end = s; host_end < e && c->doc[host_end] != '/'; host_end++)
    ;
  if (host_end == s)
    return false;
  /* trailing numeric ids and slashes: one page of many of the same kind */
  for (;;) {
    size_t k = e;
    while (k > host_end && c->doc[k - 1] == '/')
      k--;
    e = k;
    while (k > host_end && c->doc[k - 1] != '/')
      k--;
    if (k > host_end && is_digits(c->doc + k, e - k))
      e = k;
    else
      break;
  }
  for (size_t k = s; k < host_end; k++) {
    char ch = c->doc[k];
    tl_buf_addc(out, ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch);
  }
  tl_buf_add(out, c->doc + host_end, e - host_end);
  return true;
}

/* Whether the link text @text spells an address or is too long to be a
 * label. */
static bool not_a_label(const char *text, size_t n)
{
  size_t words = 1;

  if (n == 0)
    return true;
  for (size_t i = 0; i < n; i++) {
    if (text[i] == ' ')
      words++;
    if (text[i] == '/' || (text[i] == '.' && i + 1 < n && text[i + 1] != ' '))
      return true; /* an address, a file name, a domain */
  }
  return words > MAX_LINK_WORDS;
}

/* The link texts of a block: each run of link segments with the address
 * right after it. */
static void links(tl_ctx *c, const tl_unit *u)
{
  tl_buf key, id, r;

  tl_buf_init(&key);
  tl_buf_init(&id);
  tl_buf_init(&r);
  for (size_t i = 0; i < u->n; i++) {
    size_t j = i, off, end;
    if (!(u->segs[i].flags & TL_SEG_LINK) || (u->segs[i].flags & TL_SEG_ALT))
      continue;
    /* the segments of one link text: nothing but emphasis between */
    while (j + 1 < u->n && (u->segs[j + 1].flags & TL_SEG_LINK) &&
           memchr(c->doc + u->segs[j].off + u->segs[j].len, ']',
                  u->segs[j + 1].off -
                      (u->segs[j].off + u->segs[j].len)) == NULL)
      j++;
    off = u->segs[i].off;
    end = u->segs[j].off + u->segs[j].len;
    i = j;
    tl_buf_clear(&key);
    if (!link_key(c, end, &key))
      continue;
    tl_buf_clear(&r);
    tl_phrase_text(c->doc, off, end - off, false, &r);
    if (not_a_label(r.p, r.len))
      continue;
    tl_buf_clear(&id);
    tl_buf_adds(&id, "[\xe2\x80\xa6] "); /* "[…] " */
    tl_buf_add(&id, key.p, key.len);
    {
      tl_buf shown;
      tl_buf_init(&shown);
      tl_buf_addc(&shown, '[');
      tl_buf_add(&shown, r.p, r.len);
      tl_buf_addc(&shown, ']');
      add_row(c, arena_buf(c, &id), arena_buf(c, &shown),
              tl_result_surface(c->res, off, end - off),
              TL_RENDERING_DISCOVERED, off);
      tl_buf_fini(&shown);
    }
  }
  tl_buf_fini(&key);
  tl_buf_fini(&id);
  tl_buf_fini(&r);
}

void tl_structure_block(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                        const tl_matches *m)
{
  if (t->n == 0 || t->n > TL_PHRASE_MAX_TOKENS)
    return;
  if (u->kind == TL_BLK_HEADING && u->level > 0)
    heading(c, u, t, m);
  links(c, u);
}

/* Drop the link rows of destinations the document gives two texts. */
static void drop_ambiguous_links(tl_ctx *c)
{
  size_t k = 0;

  for (size_t i = 0; i < c->nxusage; i++) {
    const tl_xusage *x = &c->xusage[i];
    bool two = false;
    if (x->concept[0] == '[')
      for (size_t j = 0; j < c->nxusage && !two; j++)
        two = strcmp(c->xusage[j].concept, x->concept) == 0 &&
              strcmp(c->xusage[j].rendering, x->rendering) != 0;
    if (!two)
      c->xusage[k++] = *x;
  }
  c->nxusage = k;
}

void tl_structure_end(tl_ctx *c)
{
  tl_buf id, r, name;

  drop_ambiguous_links(c);
  if (c->nheads == 0 || c->ndhits == 0)
    return;
  tl_buf_init(&id);
  tl_buf_init(&r);
  tl_buf_init(&name);
  for (size_t i = 0; i < c->nheads; i++) {
    const tl_heading_span *h = &c->heads[i];
    const char *group;
    for (size_t k = 0; k < c->ndhits; k++) {
      const tl_derived_hit *d = &c->dhits[k];
      if (d->off != h->off || d->len != h->len)
        continue;
      group = tl_derived_group(c, d->group);
      if (group == NULL)
        break;
      tl_buf_clear(&id);
      tl_buf_clear(&r);
      heading_mark(&id, h->level);
      tl_derived_name(group, &name);
      tl_buf_add(&id, name.p, name.len);
      heading_mark(&r, h->level);
      tl_phrase_text(c->doc, h->off, h->len, true, &r);
      add_row(c, arena_buf(c, &id), arena_buf(c, &r),
              tl_result_surface(c->res, h->off, h->len),
              TL_RENDERING_DISCOVERED, h->off);
      break;
    }
  }
  tl_buf_fini(&id);
  tl_buf_fini(&r);
  tl_buf_fini(&name);
}
