/* XLIFF 1.2 and 2.0: the exchange format of CAT tools. libxml2 parses and
 * validates the file (no network, no external entities); the prose of
 * every <source> and <target> is then read from the bytes themselves, so
 * that each character of the texts checked maps back to its byte in the
 * file: findings are located in the XLIFF file, and --fix writes into the
 * target elements and leaves every other byte as it was. The units pair
 * the source and target blocks already; sentences are aligned inside. */
#include "xliff.h"
#include "msg.h"

#include "input.h"
#include "lint.h"
#include "utf8.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* A run of checked text and the bytes of the file it came from. A run
 * that is exact maps byte for byte; an entity maps one decoded character
 * to its whole reference. */
typedef struct piece {
  size_t voff, vlen; /* in the virtual document */
  size_t roff, rlen; /* in the file */
} piece;

typedef struct vdoc {
  tl_buf text;
  piece *p;
  size_t np, capp;
} vdoc;

static void vdoc_init(vdoc *v)
{
  memset(v, 0, sizeof *v);
  tl_buf_init(&v->text);
}

static void vdoc_fini(vdoc *v)
{
  tl_buf_fini(&v->text);
  free(v->p);
}

static void vdoc_add(vdoc *v, const char *s, size_t n, size_t roff,
                     size_t rlen)
{
  if (n == 0)
    return;
  if (v->np > 0 && n == rlen) { /* extend an exact run */
    piece *last = &v->p[v->np - 1];
    if (last->vlen == last->rlen && last->voff + last->vlen == v->text.len &&
        last->roff + last->rlen == roff) {
      last->vlen += n;
      last->rlen += n;
      tl_buf_add(&v->text, s, n);
      return;
    }
  }
  TL_GROW(v->p, v->capp, v->np + 1);
  v->p[v->np++] = (piece){v->text.len, n, roff, rlen};
  tl_buf_add(&v->text, s, n);
}

/* The file offset of virtual offset @off (an end offset when @end). */
static size_t vdoc_map(const vdoc *v, size_t off, bool end, bool *exact)
{
  size_t lo = 0, hi = v->np;

  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (v->p[mid].voff + v->p[mid].vlen < off + (end ? 0 : 1))
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo >= v->np)
    return v->np ? v->p[v->np - 1].roff + v->p[v->np - 1].rlen : 0;
  {
    const piece *p = &v->p[lo];
    size_t d = off > p->voff ? off - p->voff : 0;
    if (p->vlen != p->rlen) {
      *exact = false;
      return end && d > 0 ? p->roff + p->rlen : p->roff;
    }
    return p->roff + d;
  }
}

/* ---- reading the elements from the bytes ------------------------------- */

static bool starts(const char *p, const char *e, const char *s)
{
  size_t n = strlen(s);
  return (size_t)(e - p) >= n && memcmp(p, s, n) == 0;
}

/* The local name of the tag at p ("<x:target ..." gives "target"). */
static size_t tag_name(const char *p, const char *e, const char **name)
{
  const char *q = p, *colon = NULL;

  while (q < e && *q != ' ' && *q != '>' && *q != '/' && *q != '\t' &&
         *q != '\n' && *q != '\r') {
    if (*q == ':')
      colon = q;
    q++;
  }
  *name = colon ? colon + 1 : p;
  return (size_t)(q - *name);
}

static bool name_is(const char *n, size_t len, const char *s)
{
  return strlen(s) == len && memcmp(n, s, len) == 0;
}

/* Inline elements whose content is code, not text (XLIFF 1.2). */
static bool code_element(const char *n, size_t len)
{
  return name_is(n, len, "ph") || name_is(n, len, "bpt") ||
         name_is(n, len, "ept") || name_is(n, len, "it") ||
         name_is(n, len, "sub");
}

static size_t decode_entity(const char *p, const char *e, char *out)
{
  static const struct {
    const char *name, *ch;
  } named[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
               {"&quot;", "\""}, {"&apos;", "'"}};
  const char *semi = memchr(p, ';', (size_t)(e - p) < 12 ? (size_t)(e - p)
                                                           : 12);
  tl_buf b;
  size_t n;

  out[0] = '\0';
  if (semi == NULL)
    return 0;
  for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
    if (starts(p, e, named[i].name)) {
      strcpy(out, named[i].ch);
      return strlen(named[i].name);
    }
  if (p[1] == '#') {
    long cp = p[2] == 'x' ? strtol(p + 3, NULL, 16) : strtol(p + 2, NULL, 10);
    if (cp <= 0 || cp > 0x10FFFF)
      return 0;
    tl_buf_init(&b);
    tl_utf8_encode((int32_t)cp, &b);
    n = b.len;
    memcpy(out, b.p, n);
    out[n] = '\0';
    tl_buf_fini(&b);
    return (size_t)(semi + 1 - p);
  }
  return 0;
}

/* Append the text of the element whose content is raw[from..to) to @v:
 * entities decoded, inline tags dropped (the content of code elements
 * too), CDATA as it is. */
static void element_text(const char *raw, size_t from, size_t to, vdoc *v)
{
  const char *p = raw + from, *e = raw + to;
  int code = 0;

  while (p < e) {
    if (*p == '<') {
      const char *name;
      size_t n;
      if (starts(p, e, "<![CDATA[")) {
        const char *q = p + 9;
        while (q + 3 <= e && memcmp(q, "]]>", 3) != 0)
          q++;
        if (!code)
          vdoc_add(v, p + 9, (size_t)(q - p - 9), (size_t)(p + 9 - raw),
                   (size_t)(q - p - 9));
        p = q + 3 <= e ? q + 3 : e;
        continue;
      }
      if (starts(p, e, "<!--")) {
        p = tl_mem_after(p + 4, e, "-->");
        continue;
      }
      n = tag_name(p[1] == '/' ? p + 2 : p + 1, e, &name);
      {
        const char *gt = memchr(p, '>', (size_t)(e - p));
        bool selfclose = gt != NULL && gt > p && gt[-1] == '/';
        if (code_element(name, n) && !selfclose)
          code += p[1] == '/' ? -1 : 1;
        p = gt ? gt + 1 : e;
      }
      continue;
    }
    if (*p == '&') {
      char ch[8];
      size_t n = decode_entity(p, e, ch);
      if (n > 0) {
        if (!code)
          vdoc_add(v, ch, strlen(ch), (size_t)(p - raw), n);
        p += n;
        continue;
      }
    }
    {
      const char *q = p;
      while (q < e && *q != '<' && *q != '&')
        q++;
      if (q == p)
        q++;
      if (!code)
        vdoc_add(v, p, (size_t)(q - p), (size_t)(p - raw), (size_t)(q - p));
      p = q;
    }
  }
}

typedef struct unit {
  size_t src_from, src_to; /* content of <source> */
  size_t tgt_from, tgt_to; /* content of <target>; tgt_from 0: none */
  size_t src_tag;          /* the <source> start tag */
  bool has_target;
} unit;

/* Find the <source> and <target> elements in document order (outside
 * comments, CDATA and processing instructions). */
static size_t scan_units(const char *raw, size_t len, unit **out)
{
  const char *p = raw, *e = raw + len;
  unit *u = NULL;
  size_t n = 0, cap = 0;
  int depth_src = 0, depth_tgt = 0;
  size_t open_at = 0;

  while (p < e) {
    const char *name, *gt;
    size_t nl;
    bool closing, selfclose;
    if (*p != '<') {
      p++;
      continue;
    }
    if (starts(p, e, "<!--") || starts(p, e, "<![CDATA[") ||
        starts(p, e, "<?") || starts(p, e, "<!")) {
      const char *end = starts(p, e, "<!--")        ? "-->"
                        : starts(p, e, "<![CDATA[") ? "]]>"
                        : starts(p, e, "<?")        ? "?>"
                                                    : ">";
      p = tl_mem_after(p + 2, e, end);
      continue;
    }
    closing = p[1] == '/';
    nl = tag_name(closing ? p + 2 : p + 1, e, &name);
    gt = p;
    { /* the end of the tag, quotes respected */
      char quote = 0;
      for (gt = p + 1; gt < e; gt++) {
        if (quote) {
          if (*gt == quote)
            quote = 0;
        } else if (*gt == '"' || *gt == '\'') {
          quote = *gt;
        } else if (*gt == '>') {
          break;
        }
      }
    }
    if (gt >= e)
      break;
    selfclose = gt[-1] == '/';
    if (name_is(name, nl, "source") && depth_tgt == 0) {
      if (!closing && !selfclose && depth_src++ == 0) {
        TL_GROW(u, cap, n + 1);
        memset(&u[n], 0, sizeof u[n]);
        u[n].src_tag = (size_t)(p - raw);
        u[n].src_from = (size_t)(gt + 1 - raw);
        n++;
      } else if (!closing && selfclose) {
        TL_GROW(u, cap, n + 1);
        memset(&u[n], 0, sizeof u[n]);
        u[n].src_tag = (size_t)(p - raw);
        u[n].src_from = u[n].src_to = (size_t)(gt + 1 - raw);
        n++;
      } else if (closing && --depth_src == 0 && n > 0) {
        u[n - 1].src_to = (size_t)(p - raw);
      }
    } else if (name_is(name, nl, "target") && depth_src == 0 && n > 0) {
      if (!closing && !selfclose && depth_tgt++ == 0) {
        open_at = (size_t)(gt + 1 - raw);
      } else if (!closing && selfclose) {
        u[n - 1].has_target = true;
        u[n - 1].tgt_from = u[n - 1].tgt_to = (size_t)(gt + 1 - raw);
      } else if (closing && --depth_tgt == 0) {
        u[n - 1].has_target = true;
        u[n - 1].tgt_from = open_at;
        u[n - 1].tgt_to = (size_t)(p - raw);
      }
    }
    p = gt + 1;
  }
  *out = u;
  return n;
}

bool tl_xliff_is(const char *path, const char *data, size_t len)
{
  size_t n = strlen(path);
  const char *p;

  if ((n >= 4 && strcmp(path + n - 4, ".xlf") == 0) ||
      (n >= 6 && strcmp(path + n - 6, ".xliff") == 0))
    return true;
  if (len < 6 || memcmp(data, "<?xml", 5) != 0)
    return false;
  p = memchr(data, '>', len < 512 ? len : 512);
  return p != NULL && len - (size_t)(p - data) > 6 &&
         strstr(p, "<xliff") != NULL && strstr(p, "<xliff") < data + 1024;
}

/* libxml2's verdict on the file, and the version of XLIFF it holds. */
static tl_status validate(const char *path, const char *raw, size_t len,
                          char *version, size_t vsize, tl_error *err)
{
  xmlDocPtr doc;
  xmlNodePtr root;
  xmlChar *v;
  const xmlError *xe;

  if (len > (size_t)INT_MAX)
    return tl_error_set(err, TL_EIO, _("%s: arquivo XLIFF grande demais"),
                        path);
  doc = xmlReadMemory(raw, (int)len, path, NULL,
                      XML_PARSE_NONET | XML_PARSE_NOERROR |
                          XML_PARSE_NOWARNING);
  if (doc == NULL) {
    xe = xmlGetLastError();
    return tl_error_set(err, TL_EIO, _("%s:%d: XLIFF malformado: %s"), path,
                        xe ? xe->line : 0,
                        xe && xe->message ? xe->message : _("erro de XML\n"));
  }
  root = xmlDocGetRootElement(doc);
  if (root == NULL || xmlStrcmp(root->name, BAD_CAST "xliff") != 0) {
    xmlFreeDoc(doc);
    return tl_error_set(err, TL_EIO, _("%s:1: não é um arquivo XLIFF (o "
                        "elemento raiz não é <xliff>)"), path);
  }
  v = xmlGetProp(root, BAD_CAST "version");
  if (v == NULL || (xmlStrcmp(v, BAD_CAST "1.2") != 0 &&
                    xmlStrncmp(v, BAD_CAST "2.", 2) != 0)) {
    tl_status st = tl_error_set(err, TL_EIO, _("%s:%ld: versão de XLIFF "
                                "'%s' não suportada: use 1.2 ou 2.x"), path,
                                xmlGetLineNo(root),
                                v ? (const char *)v : _("(nenhuma)"));
    xmlFree(v);
    xmlFreeDoc(doc);
    return st;
  }
  snprintf(version, vsize, "%s", (const char *)v);
  xmlFree(v);
  xmlFreeDoc(doc);
  return TL_OK;
}

/* Map the findings of @r (offsets in @tv, related offsets in @sv) to the
 * bytes of the file, and make the file the result's text. */
static void remap(tl_result *r, const vdoc *tv, const vdoc *sv,
                  const char *path, const char *raw, size_t len)
{
  tl_lines li;

  tl_lines_init(&li, raw, len, 0);
  for (size_t i = 0; i < r->n; i++) {
    tl_finding *f = &r->f[i];
    bool exact = true;
    size_t a = vdoc_map(tv, f->offset, false, &exact);
    size_t b = vdoc_map(tv, f->offset + f->length, true, &exact);
    if (b < a)
      b = a;
    if (!exact || b - a != f->length)
      f->fix = false; /* an entity or a tag inside: not a safe edit */
    for (size_t k = 0; k < f->nsuggestions && f->fix; k++)
      if (strpbrk(f->suggestions[k], "<>&") != NULL)
        f->fix = false;
    f->offset = a;
    f->length = b - a;
    if (f->source_path != NULL) {
      bool se = true;
      size_t sa = vdoc_map(sv, f->source_offset, false, &se);
      size_t sb = vdoc_map(sv, f->source_offset + f->source_length, true,
                           &se);
      f->source_path = tl_arena_strndup(&r->arena, path, strlen(path));
      f->source_offset = sa;
      f->source_length = sb > sa ? sb - sa : 0;
      tl_lines_locate(&li, sa, &f->source_line, &f->source_column);
    }
  }
  tl_lines_fini(&li);
  free(r->data);
  r->data = tl_xstrndup(raw, len);
  r->len = len;
  r->bom = len >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  tl_result_finish(r);
}

tl_status tl_xliff_lint(tl_linter *l, const char *path, const char *raw,
                        size_t len, tl_result **out, tl_error *err)
{
  char version[16];
  unit *u = NULL;
  size_t nu, start;
  vdoc sv, tv;
  tl_source src;
  tl_status st;
  tl_result *r = NULL;

  *out = NULL;
  st = tl_input_check(path, raw, len, &start, err);
  if (st != TL_OK)
    return st;
  st = validate(path, raw, len, version, sizeof version, err);
  if (st != TL_OK)
    return st;
  nu = scan_units(raw, len, &u);
  vdoc_init(&sv);
  vdoc_init(&tv);
  /* one paragraph a unit on both sides, so that the blocks pair up;
   * units not translated yet are reported apart */
  for (size_t i = 0; i < nu; i++) {
    size_t s0, t0;
    vdoc probe;
    vdoc_init(&probe);
    if (u[i].has_target)
      element_text(raw, u[i].tgt_from, u[i].tgt_to, &probe);
    u[i].has_target = false;
    for (size_t k = 0; k < probe.text.len && !u[i].has_target; k++)
      u[i].has_target = probe.text.p[k] != ' ' && probe.text.p[k] != '\n' &&
                        probe.text.p[k] != '\t' && probe.text.p[k] != '\r';
    vdoc_fini(&probe);
    if (!u[i].has_target)
      continue;
    if (tv.text.len > 0) {
      tl_buf_adds(&sv.text, "\n\n");
      tl_buf_adds(&tv.text, "\n\n");
    }
    s0 = sv.text.len;
    t0 = tv.text.len;
    element_text(raw, u[i].src_from, u[i].src_to, &sv);
    element_text(raw, u[i].tgt_from, u[i].tgt_to, &tv);
    /* a unit's text stays one paragraph */
    for (size_t k = s0; k < sv.text.len; k++)
      if (sv.text.p[k] == '\n' || sv.text.p[k] == '\r')
        sv.text.p[k] = ' ';
    for (size_t k = t0; k < tv.text.len; k++)
      if (tv.text.p[k] == '\n' || tv.text.p[k] == '\r')
        tv.text.p[k] = ' ';
  }
  tl_buf_addc(&sv.text, '\n');
  tl_buf_addc(&tv.text, '\n');
  memset(&src, 0, sizeof src);
  src.path = path;
  src.data = sv.text.p;
  src.len = sv.text.len;
  src.start = 0;
  src.markdown = false;
  src.parallel = true;
  l->source = &src;
  st = tl_lint_take(l, path, tl_xstrndup(tv.text.p, tv.text.len),
                    tv.text.len, TL_MARKUP_PLAIN, &r, err);
  l->source = NULL;
  if (st == TL_OK) {
    remap(r, &tv, &sv, path, raw, len);
    r->markup = TL_MARKUP_AUTO; /* checked again (fix rounds) as XLIFF */
    /* a unit without a target: not translated yet */
    for (size_t i = 0; i < nu; i++) {
      const char *p = raw + u[i].src_from;
      size_t n = u[i].src_to - u[i].src_from;
      bool text = false;
      for (size_t k = 0; k < n && !text; k++)
        text = p[k] != ' ' && p[k] != '\n' && p[k] != '\r' && p[k] != '\t';
      if (!u[i].has_target && text)
        tl_result_add(r, u[i].src_tag, 7, "source.omission", "source",
                      TL_WARNING, _("segmento sem tradução (<target> ausente "
                      "ou vazio)"));
    }
    tl_result_finish(r);
    *out = r;
  }
  (void)version;
  free(u);
  vdoc_fini(&sv);
  vdoc_fini(&tv);
  return st;
}
