#include "vcache.h"
#include "msg.h"

#include "cachefile.h"
#include "map.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* File layout (native byte order, told by ENDIAN; a file of the other
 * order reads as foreign):
 *   header (HEADER bytes): magic, ENDIAN, VERSION, checksum of the rest,
 *     identity length, slot count (a power of two), record count, record
 *     bytes;
 *   the identity, padded to 8 bytes;
 *   slots: u32 each, 0 free, else a record's offset + 1;
 *   records, each 4-byte aligned: u8 type, u8 0, u16 key length, u32 value
 *     length, key, value.
 * A record's slot is found by tl_map_hash of type + key, probing linearly.
 * Types: 'V' a verdict (value: one byte, 1 known, 0 not), 'L' a list
 * (value: strings, each NUL-terminated). */
#define MAGIC "TLVCACH1"
#define ENDIAN 0x01020304u
#define VERSION 1u /* bump when the layout or tl_map_hash changes */
#define HEADER 64u
#define MAX_IDENTITY 4096u
#define MAX_RECORDS (1u << 21) /* beyond: start again from this run's */
#define MAX_KEY 0xFFFFu

typedef struct header {
  char magic[8];
  uint32_t endian, version;
  uint64_t checksum;
  uint32_t idlen, nslots, nrecords, reclen;
  uint8_t zero[24];
} header;

struct tl_vcache {
  pthread_mutex_t lock; /* spellers in several threads share a cache */
  char *path, *dir, *identity; /* path, dir: NULL in memory only */
  /* the file as read (NULL: none) */
  unsigned char *file;
  const uint32_t *slots;
  const unsigned char *recs;
  uint32_t nslots, nrecords, reclen;
  /* what this run added: type + key -> offset into @vals of
   * [u32 length][bytes] */
  tl_map added;
  tl_buf vals;
  tl_buf key; /* scratch: type + key */
};

static size_t pad8(size_t n)
{
  return (n + 7) & ~(size_t)7;
}

/* dir + name, or a message: a malloc'd string. */
static char *cat3(const char *a, const char *b, const char *c)
{
  size_t na = strlen(a), nb = strlen(b), nc = strlen(c);
  char *s = tl_xmalloc(na + nb + nc + 1);

  memcpy(s, a, na);
  memcpy(s + na, b, nb);
  memcpy(s + na + nb, c, nc + 1);
  return s;
}

/* Check @data (the whole file) and point @c at its table; NULL or a
 * reason (static) why it is not a good cache of @c's identity. */
static const char *adopt(tl_vcache *c, unsigned char *data, size_t len)
{
  header h;
  size_t idlen, at;

  if (len < HEADER)
    return _("arquivo truncado");
  memcpy(&h, data, sizeof h);
  if (memcmp(h.magic, MAGIC, 8) != 0 || h.endian != ENDIAN)
    return _("não é um cache do tradlint");
  if (h.version != VERSION)
    return _("versão de formato diferente");
  idlen = h.idlen;
  if (idlen > MAX_IDENTITY || h.nslots < 2 || (h.nslots & (h.nslots - 1)) ||
      h.nrecords >= h.nslots || h.nslots > 2 * MAX_RECORDS + 2 ||
      len != HEADER + pad8(idlen) + (size_t)h.nslots * 4 + h.reclen)
    return _("arquivo truncado ou danificado");
  if (tl_map_hash(data + 16 + 8, len - 24) != h.checksum)
    return _("soma de verificação errada");
  if (idlen != strlen(c->identity) ||
      memcmp(data + HEADER, c->identity, idlen) != 0)
    return _("cache de outros dicionários");
  at = HEADER + pad8(idlen);
  c->file = data;
  c->slots = (const uint32_t *)(const void *)(data + at);
  c->recs = data + at + (size_t)h.nslots * 4;
  c->nslots = h.nslots;
  c->nrecords = h.nrecords;
  c->reclen = h.reclen;
  return NULL;
}

tl_vcache *tl_vcache_open(const char *dir, const char *identity,
                          char **warning)
{
  tl_vcache *c = tl_xcalloc(1, sizeof *c);
  char name[64];
  unsigned char *data = NULL;
  size_t len = 0;
  bool missing;

  *warning = NULL;
  pthread_mutex_init(&c->lock, NULL);
  c->identity = tl_xstrdup(identity);
  tl_map_init(&c->added);
  tl_buf_init(&c->vals);
  tl_buf_init(&c->key);
  if (dir == NULL)
    return c;
  c->dir = tl_xstrdup(dir);
  snprintf(name, sizeof name, "/verdicts-%016llx.bin",
           (unsigned long long)tl_hash(identity, strlen(identity)));
  c->path = cat3(dir, name, "");
  if (tl_cachefile_read(c->path, &data, &len, &missing)) {
    const char *why = adopt(c, data, len);
    if (why != NULL) {
      free(data);
      tl_buf b;
      tl_buf_init(&b);
      tl_buf_printf(&b,
                    _("cache de verificação %s ignorado (%s): será refeito"),
                    c->path, why);
      *warning = tl_xstrdup(tl_buf_cstr(&b));
      tl_buf_fini(&b);
    }
  } else if (!missing) {
    tl_buf b;
    tl_buf_init(&b);
    tl_buf_printf(&b, _("cache de verificação %s ilegível (%s): ignorado"),
                  c->path, tl_strerror(errno));
    *warning = tl_xstrdup(tl_buf_cstr(&b));
    tl_buf_fini(&b);
  }
  return c;
}

void tl_vcache_free(tl_vcache *c)
{
  if (c == NULL)
    return;
  free(c->path);
  free(c->dir);
  free(c->identity);
  free(c->file);
  tl_map_fini(&c->added);
  tl_buf_fini(&c->vals);
  tl_buf_fini(&c->key);
  pthread_mutex_destroy(&c->lock);
  free(c);
}

const char *tl_vcache_path(const tl_vcache *c)
{
  return c->path;
}

size_t tl_vcache_count(tl_vcache *c)
{
  size_t n;

  pthread_mutex_lock(&c->lock);
  n = c->nrecords + c->added.count;
  pthread_mutex_unlock(&c->lock);
  return n;
}

/* The record of type + key in the file, as (value, length); false when
 * absent. Offsets are checked: a bad one reads as absent. */
static bool file_find(const tl_vcache *c, const char *tk, size_t n,
                      const unsigned char **val, uint32_t *vlen)
{
  size_t mask, i;

  if (c->file == NULL)
    return false;
  mask = c->nslots - 1;
  for (i = (size_t)tl_map_hash(tk, n) & mask; c->slots[i] != 0;
       i = (i + 1) & mask) {
    size_t off = c->slots[i] - 1;
    uint16_t kl;
    uint32_t vl;
    const unsigned char *r = c->recs + off;
    if (off + 8 > c->reclen)
      return false;
    memcpy(&kl, r + 2, 2);
    memcpy(&vl, r + 4, 4);
    if (off + 8 + (size_t)kl + vl > c->reclen)
      return false;
    if (r[0] == (unsigned char)tk[0] && (size_t)kl + 1 == n &&
        memcmp(r + 8, tk + 1, kl) == 0) {
      *val = r + 8 + kl;
      *vlen = vl;
      return true;
    }
  }
  return false;
}

static const char *typed_key(tl_vcache *c, char type, const char *w,
                             size_t n)
{
  tl_buf_clear(&c->key);
  tl_buf_addc(&c->key, type);
  tl_buf_add(&c->key, w, n);
  return c->key.p;
}

/* The value of type + w: from this run's additions, else the file. */
static bool find(tl_vcache *c, char type, const char *w, size_t n,
                 const unsigned char **val, uint32_t *vlen)
{
  const char *tk = typed_key(c, type, w, n);
  tl_map_slot *s = tl_map_find(&c->added, tk, n + 1);

  if (s != NULL) {
    memcpy(vlen, c->vals.p + s->value, 4);
    *val = (const unsigned char *)c->vals.p + s->value + 4;
    return true;
  }
  return file_find(c, tk, n + 1, val, vlen);
}

static void add(tl_vcache *c, char type, const char *w, size_t n,
                const void *val, uint32_t vlen)
{
  const char *tk;

  if (n >= MAX_KEY)
    return;
  tk = typed_key(c, type, w, n);
  tl_map_put(&c->added, tk, n + 1, 0, NULL)->value = (uint32_t)c->vals.len;
  tl_buf_add(&c->vals, &vlen, 4);
  tl_buf_add(&c->vals, val, vlen);
}

static int b_lookup(void *ud, const char *dict, const char *w, size_t n)
{
  tl_vcache *c = ud;
  const unsigned char *v;
  uint32_t vl;
  int r = -1;

  (void)dict;
  pthread_mutex_lock(&c->lock);
  if (find(c, 'V', w, n, &v, &vl) && vl == 1)
    r = v[0] != 0;
  pthread_mutex_unlock(&c->lock);
  return r;
}

static void b_save(void *ud, const char *dict, const char *w, size_t n,
                   int known)
{
  tl_vcache *c = ud;
  unsigned char v = known != 0;

  (void)dict;
  pthread_mutex_lock(&c->lock);
  add(c, 'V', w, n, &v, 1);
  pthread_mutex_unlock(&c->lock);
}

static int b_get_sugg(void *ud, const char *dict, const char *w, size_t n,
                      char **block)
{
  tl_vcache *c = ud;
  const unsigned char *v;
  uint32_t vl;
  int count = 0;

  (void)dict;
  pthread_mutex_lock(&c->lock);
  if (!find(c, 'L', w, n, &v, &vl) || (vl > 0 && v[vl - 1] != '\0')) {
    pthread_mutex_unlock(&c->lock);
    return -1;
  }
  for (uint32_t i = 0; i < vl; i++)
    count += v[i] == '\0';
  *block = tl_xmalloc(vl + 1);
  memcpy(*block, v, vl);
  (*block)[vl] = '\0';
  pthread_mutex_unlock(&c->lock);
  return count;
}

static void b_save_sugg(void *ud, const char *dict, const char *w, size_t n,
                        const char *const *v, size_t nv)
{
  tl_buf b;

  (void)dict;
  tl_buf_init(&b);
  for (size_t i = 0; i < nv; i++)
    tl_buf_add(&b, v[i], strlen(v[i]) + 1);
  pthread_mutex_lock(&((tl_vcache *)ud)->lock);
  add(ud, 'L', w, n, b.p, (uint32_t)b.len);
  pthread_mutex_unlock(&((tl_vcache *)ud)->lock);
  tl_buf_fini(&b);
}

void tl_vcache_backing(tl_vcache *c, tl_spell_backing *b)
{
  b->ud = c;
  b->dict = c->identity;
  b->lookup = b_lookup;
  b->save = b_save;
  b->get_sugg = b_get_sugg;
  b->save_sugg = b_save_sugg;
}

/* ---- saving ------------------------------------------------------------- */

typedef struct rec {
  char type;
  const void *key; /* without the type */
  uint16_t klen;
  const void *val;
  uint32_t vlen;
} rec;

static void put_rec(tl_buf *recs, uint32_t *slots, uint32_t mask,
                    const rec *r, tl_buf *scratch)
{
  unsigned char zero[4] = {0, 0, 0, 0};
  size_t i;

  tl_buf_clear(scratch);
  tl_buf_addc(scratch, r->type);
  tl_buf_add(scratch, r->key, r->klen);
  for (i = (size_t)tl_map_hash(scratch->p, scratch->len) & mask;
       slots[i] != 0; i = (i + 1) & mask)
    ;
  slots[i] = (uint32_t)recs->len + 1;
  tl_buf_addc(recs, r->type);
  tl_buf_addc(recs, '\0');
  tl_buf_add(recs, &r->klen, 2);
  tl_buf_add(recs, &r->vlen, 4);
  tl_buf_add(recs, r->key, r->klen);
  tl_buf_add(recs, r->val, r->vlen);
  tl_buf_add(recs, zero, (4 - recs->len % 4) % 4);
}

static tl_status save_locked(tl_vcache *c, tl_error *err)
{
  rec *all;
  size_t n = 0, total, nslots = 16;
  uint32_t *slots;
  tl_buf recs, body;
  header h;
  tl_status st;
  bool keep_file;

  if (c->added.count == 0 || c->path == NULL)
    return TL_OK;
  if (!tl_cachefile_mkdir(c->dir))
    return tl_error_set(err, TL_EIO, "%s: %s", c->dir, tl_strerror(errno));
  /* the file's entries and this run's; past MAX_RECORDS, this run's only */
  keep_file = c->file != NULL && c->nrecords + c->added.count <= MAX_RECORDS;
  total = c->added.count + (keep_file ? c->nrecords : 0);
  all = tl_xcalloc(total + 1, sizeof *all);
  for (size_t i = 0; i < c->added.cap; i++) {
    const tl_map_slot *s = &c->added.slots[i];
    if (s->key == NULL)
      continue;
    all[n].type = s->key[0];
    all[n].key = s->key + 1;
    all[n].klen = (uint16_t)(s->len - 1);
    memcpy(&all[n].vlen, c->vals.p + s->value, 4);
    all[n].val = c->vals.p + s->value + 4;
    n++;
  }
  for (uint32_t i = 0; keep_file && i < c->nslots && n < total; i++) {
    size_t off;
    const unsigned char *r;
    uint16_t kl;
    uint32_t vl;
    if (c->slots[i] == 0 || (off = c->slots[i] - 1) + 8 > c->reclen)
      continue;
    r = c->recs + off;
    memcpy(&kl, r + 2, 2);
    memcpy(&vl, r + 4, 4);
    if (off + 8 + (size_t)kl + vl > c->reclen)
      continue;
    typed_key(c, (char)r[0], (const char *)r + 8, kl);
    if (tl_map_find(&c->added, c->key.p, c->key.len) != NULL)
      continue; /* this run's value wins */
    all[n++] = (rec){(char)r[0], r + 8, kl, r + 8 + kl, vl};
  }
  while (nslots < 2 * n + 2)
    nslots *= 2;
  slots = tl_xcalloc(nslots, sizeof *slots);
  tl_buf_init(&recs);
  for (size_t i = 0; i < n; i++)
    put_rec(&recs, slots, (uint32_t)(nslots - 1), &all[i], &c->key);
  memset(&h, 0, sizeof h);
  memcpy(h.magic, MAGIC, 8);
  h.endian = ENDIAN;
  h.version = VERSION;
  h.idlen = (uint32_t)strlen(c->identity);
  h.nslots = (uint32_t)nslots;
  h.nrecords = (uint32_t)n;
  h.reclen = (uint32_t)recs.len;
  tl_buf_init(&body);
  tl_buf_add(&body, &h, sizeof h);
  tl_buf_add(&body, c->identity, h.idlen);
  tl_buf_add(&body, "\0\0\0\0\0\0\0", pad8(h.idlen) - h.idlen);
  tl_buf_add(&body, slots, nslots * 4);
  tl_buf_add(&body, recs.p, recs.len);
  h.checksum = tl_map_hash(body.p + 24, body.len - 24);
  memcpy(body.p + 16, &h.checksum, 8);
  st = tl_cachefile_write(c->dir, c->path, ".verdicts-", body.p, body.len,
                          err);
  tl_buf_fini(&body);
  tl_buf_fini(&recs);
  free(slots);
  free(all);
  return st;
}

tl_status tl_vcache_save(tl_vcache *c, tl_error *err)
{
  tl_status st;

  pthread_mutex_lock(&c->lock);
  st = save_locked(c, err);
  pthread_mutex_unlock(&c->lock);
  return st;
}
