/* The pt-PT -> pt-BR word list: read whole, split, checked and compiled
 * (the entries' strings and records and a hash table of the forms, the
 * cache file's payload), looked up per word in lower case in the compiled
 * form; or that payload read where it lies in the cache folder's file,
 * mapped (nothing decoded, copied or indexed again). */
#include "ptpt.h"
#include "msg.h"

#include "buf.h"
#include "cachefile.h"
#include "utf8.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAGIC "TLPTPTC1"
#define VERSION 2u /* bump when the payload's layout changes */

/* A list is its compiled form (the cache file's payload, tl_ptpt_encode):
 * the entries' strings, a record of 16 bytes an entry (the offsets of its
 * three strings, its "when") and the index (tl_cache_put_table: European
 * form -> entry), read where they lie: in a mapped cache file, or in a
 * payload compiled from the list's text. An entry a lookup finds is made
 * into a tl_ptpt_entry the first time (a few in a text: the array's pages
 * stay untouched). */
struct tl_ptpt {
  tl_cache_image *image; /* the cache file the payload lies in, or NULL */
  unsigned char *own;    /* else the payload compiled here */
  const unsigned char *pay;
  size_t npay;
  size_t n;             /* entries */
  const char *strs;     /* the strings, the last one NUL-terminated */
  size_t nstrs;
  const unsigned char *recs;
  tl_cache_table index;
  tl_ptpt_entry *v;     /* made on first lookup (ready[i] set) */
  atomic_uchar *ready;
  pthread_mutex_t *lock;
};

#define REC 16u

void tl_ptpt_free(tl_ptpt *p)
{
  if (p == NULL)
    return;
  if (p->lock != NULL) {
    pthread_mutex_destroy(p->lock);
    free(p->lock);
  }
  free(p->v);
  free(p->ready);
  free(p->own);
  tl_cache_image_free(p->image);
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

/* A list being parsed: its entries point into the text, split in place. */
typedef struct builder {
  tl_ptpt_entry *v;
  size_t n, cap;
  tl_map index; /* European form, lower case -> entry index */
} builder;

/* @low: a buffer for the lower-cased form, reused from line to line. */
static tl_status add_line(builder *p, char *line, const char *path,
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

/* The payload of the entries and index of @b (tl_ptpt_encode's). */
static void compile(const builder *b, tl_buf *out)
{
  tl_buf strs, recs;

  tl_buf_init(&strs);
  tl_buf_init(&recs);
  for (size_t i = 0; i < b->n; i++) {
    const tl_ptpt_entry *e = &b->v[i];
    const char *f[3] = {e->ptpt, e->ptbr, e->rule};
    for (size_t k = 0; k < 3; k++) {
      tl_cache_put32(&recs, (uint32_t)strs.len);
      tl_buf_add(&strs, f[k], strlen(f[k]) + 1);
    }
    tl_cache_put32(&recs, (uint32_t)e->when);
  }
  tl_cache_put64(out, b->n);
  tl_cache_put64(out, strs.len);
  tl_buf_add(out, strs.p, strs.len);
  tl_buf_add(out, recs.p, recs.len);
  tl_cache_put_table(out, &b->index);
  tl_buf_fini(&strs);
  tl_buf_fini(&recs);
}

/* The list of payload q[0..n) (borrowed), every offset, length and index
 * checked; NULL when anything is out of place. */
static tl_ptpt *from_payload(const unsigned char *q, size_t n)
{
  tl_cache_reader r = {q, 0, n, false, NULL, 0, false};
  tl_ptpt *p = tl_xcalloc(1, sizeof *p);

  p->pay = q;
  p->npay = n;
  p->n = tl_cache_get_count(&r, REC);
  p->nstrs = tl_cache_get_count(&r, 1);
  p->strs = (const char *)tl_cache_take(&r, p->nstrs);
  p->recs = tl_cache_take(&r, p->n * REC); /* n: bounded by the payload */
  r.bad |= p->nstrs > UINT32_MAX || (p->nstrs > 0 && p->strs[p->nstrs - 1] != '\0');
  for (size_t i = 0; i < p->n && !r.bad; i++) {
    uint32_t f[4];
    memcpy(f, p->recs + REC * i, REC); /* ptpt, ptbr, rule, when */
    r.bad = f[0] >= p->nstrs || f[1] >= p->nstrs || f[2] >= p->nstrs ||
            f[3] > TL_PTPT_NOUN;
  }
  tl_cache_get_table(&r, &p->index);
  for (size_t i = 0; i < p->index.cap && !r.bad; i++) {
    uint32_t f[4];
    memcpy(f, p->index.slots + 16 * i, 16);
    r.bad = f[0] != 0 && f[2] >= p->n;
  }
  if (r.bad || r.at != r.n) {
    free(p);
    return NULL;
  }
  p->v = tl_xcalloc(p->n + 1, sizeof *p->v);
  p->ready = tl_xcalloc(p->n + 1, sizeof *p->ready);
  p->lock = tl_xmalloc(sizeof *p->lock);
  pthread_mutex_init(p->lock, NULL);
  return p;
}

/* Split, check and index @text (@len bytes and a NUL, split in place) of
 * file @path, into a list that owns its compiled payload. */
static tl_status parse(tl_ptpt **out, char *text, size_t len,
                       const char *path, tl_error *err)
{
  builder b;
  unsigned lineno = 0;
  tl_status st = TL_OK;
  tl_buf low, pay;

  *out = NULL;
  memset(&b, 0, sizeof b);
  tl_map_init(&b.index);
  { /* one allocation for the entries and the index: a line an entry */
    size_t lines = 1;
    for (const char *q = text; (q = memchr(q, '\n', len - (size_t)(q - text))) != NULL; q++)
      lines++;
    TL_GROW(b.v, b.cap, lines);
    tl_map_reserve(&b.index, lines);
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
      st = add_line(&b, line, path, lineno, &low, err);
  }
  tl_buf_fini(&low);
  if (st == TL_OK) {
    tl_buf_init(&pay);
    compile(&b, &pay);
    *out = from_payload((const unsigned char *)pay.p, pay.len);
    if (*out == NULL) /* cannot be: compiled right here */
      tl_oom(pay.len);
    (*out)->own = (unsigned char *)pay.p;
  }
  free(b.v);
  tl_map_fini(&b.index);
  free(text);
  return st;
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
  tl_buf_add(out, p->pay, p->npay);
}

tl_ptpt *tl_ptpt_decode(const unsigned char *q, size_t n)
{
  return from_payload(q, n);
}

static void debug(const char *what, const char *path, const char *why)
{
  if (getenv("TRADLINT_DEBUG_LOAD") != NULL)
    fprintf(stderr, "tradlint: debug: pt-PT cache %s %s%s%s%s\n", what, path,
            why ? " (" : "", why ? why : "", why ? ")" : "");
}

/* The identity of list @path and the name of its cache file in @dir; with
 * @text, the text hashed is kept there (*len bytes and a NUL: the list is
 * parsed from the very text its identity names). False when it cannot be
 * had (then no cache). */
static bool identity(const char *dir, const char *path, tl_buf *id,
                     tl_buf *file, unsigned char **text, size_t *len)
{
  tl_buf name;
  bool ok;

  if (text != NULL)
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
  tl_buf id, file, again, name;
  unsigned char *text = NULL;
  tl_cache_image *im;
  size_t len = 0, at, n;
  bool missing;
  const char *why = "missing";
  tl_status st;

  *out = NULL;
  if (dir == NULL)
    return tl_ptpt_open(out, path, err);
  tl_buf_init(&id);
  tl_buf_init(&file);
  if (!identity(dir, path, &id, &file, NULL, NULL)) {
    tl_buf_fini(&id);
    tl_buf_fini(&file);
    return tl_ptpt_open(out, path, err); /* its error, if any */
  }
  im = tl_cache_image_open(file.p, &missing);
  if (im != NULL &&
      tl_cachefile_payload(im->p, im->len, MAGIC, VERSION, &id, &at, &n, &why)) {
    *out = tl_ptpt_decode(im->p + at, n);
    why = "bad payload";
  }
  if (*out != NULL) {
    (*out)->image = im; /* the list lies in it */
    debug("read", file.p, NULL);
    tl_buf_fini(&id);
    tl_buf_fini(&file);
    return TL_OK;
  }
  tl_cache_image_free(im);
  debug("rebuilt", file.p, why);
  /* parsed from the text whose identity is checked again: a list edited
   * since the first look is parsed as it is now but not written under the
   * identity it had */
  tl_buf_init(&again);
  tl_buf_init(&name);
  if (!identity(dir, path, &again, &name, &text, &len)) {
    free(text);
    st = tl_ptpt_open(out, path, err);
  } else {
    text[len] = '\0';
    st = parse(out, (char *)text, len, path, err);
    if (st == TL_OK && again.len == id.len && memcmp(again.p, id.p, id.len) == 0)
      write_cache(dir, file.p, &id, *out);
  }
  tl_buf_fini(&again);
  tl_buf_fini(&name);
  tl_buf_fini(&id);
  tl_buf_fini(&file);
  return st;
}

/* Entry @i, made on first use. */
static const tl_ptpt_entry *entry(const tl_ptpt *p, uint32_t i)
{
  if (!atomic_load_explicit(&p->ready[i], memory_order_acquire)) {
    pthread_mutex_lock(p->lock);
    if (!atomic_load_explicit(&p->ready[i], memory_order_relaxed)) {
      uint32_t f[4];
      memcpy(f, p->recs + REC * i, REC); /* checked by from_payload */
      p->v[i] = (tl_ptpt_entry){p->strs + f[0], p->strs + f[1], p->strs + f[2],
                                (tl_ptpt_when)f[3]};
      atomic_store_explicit(&p->ready[i], 1, memory_order_release);
    }
    pthread_mutex_unlock(p->lock);
  }
  return &p->v[i];
}

const tl_ptpt_entry *tl_ptpt_lookup(const tl_ptpt *p, const char *w, size_t n)
{
  tl_buf low;
  const tl_ptpt_entry *e;

  if (p == NULL || w == NULL || n == 0)
    return NULL;
  tl_buf_init(&low);
  tl_utf8_lower(w, n, &low);
  e = tl_ptpt_lookup_lower(p, low.p, low.len);
  tl_buf_fini(&low);
  return e;
}

const tl_ptpt_entry *tl_ptpt_lookup_lower(const tl_ptpt *p, const char *low,
                                         size_t n)
{
  uint32_t i;

  if (p == NULL || low == NULL || n == 0 ||
      !tl_cache_table_find(&p->index, low, n, &i))
    return NULL;
  return entry(p, i); /* i < p->n: checked by from_payload */
}
