/* The pt-PT -> pt-BR word list: read whole, split in place (the entries
 * point into the file's text), indexed by a hash map (form -> entry index),
 * looked up per word in lower case; or the entries and the index read
 * from the cache folder, pointing into the file's text as read for its
 * identity. */
#include "ptpt.h"
#include "msg.h"

#include "buf.h"
#include "cachefile.h"
#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAGIC "TLPTPTC1"
#define VERSION 1u /* bump when the payload's layout changes */

struct tl_ptpt {
  tl_ptpt_entry *v;
  size_t n, cap;
  tl_map index; /* European form -> entry index */
  char *text;   /* the file, its fields NUL-terminated in place */
};

void tl_ptpt_free(tl_ptpt *p)
{
  if (p == NULL)
    return;
  tl_map_fini(&p->index);
  free(p->text);
  free(p->v);
  free(p);
}

size_t tl_ptpt_size(const tl_ptpt *p)
{
  return p ? p->n : 0;
}

/* Split @line at tabs into at most 4 fields; the count found. */
static size_t fields(char *line, char **f)
{
  size_t k = 0;
  char *s = line;

  for (;;) {
    char *tab = strchr(s, '\t');
    if (k < 4)
      f[k] = s;
    k++;
    if (tab == NULL)
      break;
    *tab = '\0';
    s = tab + 1;
  }
  return k;
}

/* Whether s[0..n) is lower case as it is, by a quick look: ASCII but A-Z,
 * and Latin-1 letters from U+00DF to U+00FF (C3 9F to C3 BF: à, ç, é, õ).
 * Anything else is lowered to be sure. */
static bool plainly_lower(const char *s, size_t n)
{
  const unsigned char *u = (const unsigned char *)s;

  for (size_t i = 0; i < n; i++) {
    if (u[i] < 0x80) {
      if (u[i] >= 'A' && u[i] <= 'Z')
        return false;
    } else if (u[i] == 0xC3 && i + 1 < n && u[i + 1] >= 0x9F && u[i + 1] <= 0xBF) {
      i++;
    } else {
      return false;
    }
  }
  return true;
}

/* @low: a buffer for the lower-cased form, reused from line to line. */
static tl_status add_line(tl_ptpt *p, char *line, const char *path,
                          unsigned lineno, tl_buf *low, tl_error *err)
{
  char *f[4];
  size_t k = fields(line, f);
  tl_ptpt_when when;
  bool created;
  size_t len;

  if (k != 4 || f[0][0] == '\0' || f[1][0] == '\0' || f[2][0] == '\0')
    return tl_error_set(err, TL_EDICT,
                        _("%s:%u: esperadas 4 colunas separadas por TAB "
                        "(pt-PT, pt-BR, regra, quando)"),
                        path, lineno);
  if (strcmp(f[3], "always") == 0)
    when = TL_PTPT_ALWAYS;
  else if (strcmp(f[3], "noun") == 0)
    when = TL_PTPT_NOUN;
  else
    return tl_error_set(err, TL_EDICT,
                        _("%s:%u: coluna 'quando' inválida '%s' (use always ou "
                        "noun)"),
                        path, lineno, f[3]);
  len = strlen(f[0]);
  if (plainly_lower(f[0], len)) { /* the generated list: lower case already */
    tl_map_put(&p->index, f[0], len, (uint32_t)p->n, &created);
  } else {
    tl_buf_clear(low);
    tl_utf8_lower(f[0], len, low);
    tl_map_put(&p->index, low->p, low->len, (uint32_t)p->n, &created);
  }
  if (!created)
    return tl_error_set(err, TL_EDICT, _("%s:%u: forma '%s' repetida"), path,
                        lineno, f[0]);
  TL_GROW(p->v, p->cap, p->n + 1); /* room made for every line: no-op */
  p->v[p->n++] = (tl_ptpt_entry){f[0], f[1], f[2], when};
  return TL_OK;
}

/* Read all of @fp into a new NUL-terminated buffer; NULL on a read error. */
static char *read_all(FILE *fp, size_t *len)
{
  size_t cap = 1 << 16, n = 0, got;
  char *b = tl_xmalloc(cap);

  while ((got = fread(b + n, 1, cap - n - 1, fp)) > 0) {
    n += got;
    if (cap - n - 1 == 0)
      b = tl_xrealloc(b, cap *= 2);
  }
  if (ferror(fp)) {
    free(b);
    return NULL;
  }
  b[n] = '\0';
  *len = n;
  return b;
}

/* Split and index @text (@len bytes and a NUL; taken) of file @path. */
static tl_status parse(tl_ptpt **out, char *text, size_t len,
                       const char *path, tl_error *err)
{
  tl_ptpt *p;
  unsigned lineno = 0;
  tl_status st = TL_OK;
  tl_buf low;

  *out = NULL;
  p = tl_xcalloc(1, sizeof *p);
  p->text = text;
  tl_map_init(&p->index);
  { /* one allocation for the entries and the index: a line an entry */
    size_t lines = 1;
    for (const char *q = text; (q = memchr(q, '\n', len - (size_t)(q - text))) != NULL; q++)
      lines++;
    TL_GROW(p->v, p->cap, lines);
    tl_map_reserve(&p->index, lines);
  }
  tl_buf_init(&low);
  for (size_t at = 0; st == TL_OK && at < len;) {
    char *line = text + at, *nl = memchr(line, '\n', len - at);
    size_t n = nl ? (size_t)(nl - line) : len - at;
    at += n + (nl != NULL);
    line[n] = '\0'; /* the newline, or the buffer's own NUL */
    lineno++;
    while (n > 0 && line[n - 1] == '\r')
      line[--n] = '\0';
    if (n == 0 || line[0] == '#')
      continue;
    if (memchr(line, '\0', n) != NULL)
      st = tl_error_set(err, TL_EDICT, _("%s:%u: byte NUL"), path, lineno);
    else if (tl_utf8_validate(line, n) < n)
      st = tl_error_set(err, TL_EDICT, _("%s:%u: UTF-8 inválido"), path, lineno);
    else
      st = add_line(p, line, path, lineno, &low, err);
  }
  tl_buf_fini(&low);
  if (st != TL_OK) {
    tl_ptpt_free(p);
    return st;
  }
  *out = p;
  return TL_OK;
}

tl_status tl_ptpt_open(tl_ptpt **out, const char *path, tl_error *err)
{
  FILE *fp;
  char *text;
  size_t len = 0;

  *out = NULL;
  fp = fopen(path, "rb");
  if (fp == NULL)
    return tl_error_set(err, TL_EDICT, _("%s: lista pt-PT não encontrada: %s"),
                        path, tl_strerror(errno));
  text = read_all(fp, &len);
  fclose(fp);
  if (text == NULL)
    return tl_error_set(err, TL_EIO, _("%s: erro de leitura"), path);
  return parse(out, text, len, path, err);
}

/* ---- the compiled list in the cache folder ------------------------------ */

void tl_ptpt_encode(const tl_ptpt *p, tl_buf *out)
{
  tl_cache_put64(out, p->n);
  for (size_t i = 0; i < p->n; i++) {
    const tl_ptpt_entry *e = &p->v[i];
    const char *f[3] = {e->ptpt, e->ptbr, e->rule};
    for (size_t k = 0; k < 3; k++) {
      tl_cache_put32(out, (uint32_t)(f[k] - p->text));
      tl_cache_put32(out, (uint32_t)strlen(f[k]));
    }
    tl_cache_put32(out, (uint32_t)e->when);
  }
  tl_cache_put_map(out, &p->index);
}

/* Field @k of entry record @rec: text[off..off+len) ended by a
 * separator of the line (a tab, a line end, the end), which becomes its
 * NUL when @cut; NULL when out of place. */
static inline const char *get_field(const unsigned char *rec, int k, char *text,
                                    size_t len, bool cut)
{
  uint32_t f[2];
  char *end;

  memcpy(f, rec + 8 * k, 8); /* offset, length */
  if (f[1] == 0 || f[0] >= len || f[1] > len - f[0])
    return NULL;
  end = text + f[0] + f[1];
  if (*end != '\t' && *end != '\n' && *end != '\r' && *end != '\0')
    return NULL;
  if (cut)
    *end = '\0';
  return text + f[0];
}

tl_ptpt *tl_ptpt_decode(char *text, size_t len, const unsigned char *q,
                        size_t n)
{
  tl_cache_reader r = {q, 0, n, false, NULL, 0};
  tl_ptpt *p = tl_xcalloc(1, sizeof *p);
  const unsigned char *recs;
  size_t count;

  text[len] = '\0';
  p->text = text;
  tl_map_init(&p->index);
  count = tl_cache_get_count(&r, 28);
  recs = tl_cache_take(&r, count * 28); /* count: bounded by the payload */
  if (!r.bad) {
    p->v = tl_xcalloc(count + 1, sizeof *p->v);
    p->cap = count + 1;
    p->n = count;
  }
  /* twice over the entries: checked, then (when all is well) the fields
   * cut out of the text, which is left as it was for a failure */
  for (int pass = 0; pass < 2 && !r.bad; pass++) {
    const unsigned char *rec = recs;
    for (size_t i = 0; i < count && !r.bad; i++, rec += 28) {
      tl_ptpt_entry *e = &p->v[i];
      uint32_t when;
      e->ptpt = get_field(rec, 0, text, len, pass == 1);
      e->ptbr = get_field(rec, 1, text, len, pass == 1);
      e->rule = get_field(rec, 2, text, len, pass == 1);
      memcpy(&when, rec + 24, 4);
      r.bad = e->ptpt == NULL || e->ptbr == NULL || e->rule == NULL ||
              when > TL_PTPT_NOUN;
      e->when = (tl_ptpt_when)when;
    }
    if (pass == 0) {
      tl_cache_get_map(&r, &p->index);
      for (size_t i = 0; i < p->index.cap && !r.bad; i++)
        r.bad = p->index.slots[i].key != NULL &&
                p->index.slots[i].value >= p->n;
      r.bad |= r.at != r.n;
    }
  }
  if (r.bad) {
    p->text = NULL; /* the caller's still, on failure */
    tl_ptpt_free(p);
    return NULL;
  }
  return p;
}

static void debug(const char *what, const char *path, const char *why)
{
  if (getenv("TRADLINT_DEBUG_LOAD") != NULL)
    fprintf(stderr, "tradlint: debug: pt-PT cache %s %s%s%s%s\n", what, path,
            why ? " (" : "", why ? why : "", why ? ")" : "");
}

/* The identity of list @path (its text kept in *text) and the name of its
 * cache file in @dir; false when it cannot be had (then no cache). */
static bool identity(const char *dir, const char *path, tl_buf *id,
                     tl_buf *file, unsigned char **text, size_t *len)
{
  tl_buf name;
  bool ok;

  *text = NULL;
  tl_buf_init(&name);
  tl_buf_printf(&name, "path\t%s\n", path);
  ok = tl_cachefile_key(dir, "ptpt", "pt-PT", VERSION, &name, path[0] != '/',
                        id, file);
  tl_buf_fini(&name);
  if (!ok)
    return false;
  return tl_cachefile_file_identity(path, id, text, len);
}

static void write_cache(const char *dir, const char *path, const tl_buf *id,
                        const tl_ptpt *p)
{
  tl_buf body;
  tl_error err;

  tl_buf_init(&body);
  tl_cachefile_begin(&body, MAGIC, VERSION, id);
  tl_ptpt_encode(p, &body);
  if (tl_cachefile_save(dir, path, ".ptpt-", &body, &err) == TL_OK)
    debug("written", path, NULL);
  else
    debug("not written", path, err.msg);
  tl_buf_fini(&body);
}

tl_status tl_ptpt_open_cached(tl_ptpt **out, const char *path,
                              const char *dir, tl_error *err)
{
  tl_buf id, file;
  unsigned char *text = NULL, *data = NULL;
  size_t len = 0, dlen = 0, at, n;
  bool missing;
  const char *why = "missing";
  tl_status st;

  *out = NULL;
  if (dir == NULL)
    return tl_ptpt_open(out, path, err);
  tl_buf_init(&id);
  tl_buf_init(&file);
  if (!identity(dir, path, &id, &file, &text, &len)) {
    free(text);
    tl_buf_fini(&id);
    tl_buf_fini(&file);
    return tl_ptpt_open(out, path, err); /* its error, if any */
  }
  if (tl_cachefile_read(file.p, &data, &dlen, &missing) &&
      tl_cachefile_payload(data, dlen, MAGIC, VERSION, &id, &at, &n, &why)) {
    /* the entries point into the text read for the identity */
    *out = tl_ptpt_decode((char *)text, len, data + at, n);
    why = "bad payload";
  }
  free(data);
  if (*out != NULL) {
    debug("read", file.p, NULL);
    st = TL_OK;
  } else { /* the text hashed is the text parsed: the file names it */
    debug("rebuilt", file.p, why);
    text[len] = '\0';
    st = parse(out, (char *)text, len, path, err);
    if (st == TL_OK)
      write_cache(dir, file.p, &id, *out);
  }
  tl_buf_fini(&id);
  tl_buf_fini(&file);
  return st;
}

const tl_ptpt_entry *tl_ptpt_lookup(const tl_ptpt *p, const char *w, size_t n)
{
  tl_buf low;
  tl_map_slot *s;

  if (p == NULL || w == NULL || n == 0)
    return NULL;
  tl_buf_init(&low);
  tl_utf8_lower(w, n, &low);
  s = tl_map_find(&p->index, low.p, low.len);
  tl_buf_fini(&low);
  return s ? &p->v[s->value] : NULL;
}

const tl_ptpt_entry *tl_ptpt_lookup_lower(const tl_ptpt *p, const char *low,
                                         size_t n)
{
  tl_map_slot *s;

  if (p == NULL || low == NULL || n == 0)
    return NULL;
  s = tl_map_find(&p->index, low, n);
  return s ? &p->v[s->value] : NULL;
}
