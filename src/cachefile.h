/* Files of the persistent cache ($XDG_CACHE_HOME/tradlint): read whole,
 * written atomically (a private temporary file renamed over the old one,
 * so that a run reading at the same time sees the old file or the new
 * one, never half of one), in a folder only the user may enter. */
#ifndef TL_CACHEFILE_H
#define TL_CACHEFILE_H

#include "buf.h"
#include "map.h"

#include <stdint.h>
#include <string.h>

/* Read the regular file @path whole into a new buffer (*out, one byte
 * more than *len, which the caller frees). False with errno set when it
 * cannot be read; *missing then tells whether it is simply absent. */
bool tl_cachefile_read(const char *path, unsigned char **out, size_t *len,
                       bool *missing);

/* A cache file's bytes as one run reads them: mapped read-only where the
 * system allows it (the page cache's own pages: nothing read into fresh
 * memory, nothing copied; what lies in it is used where it lies), else read
 * whole into memory. Cache files are only ever replaced by a rename
 * (tl_cachefile_write), never rewritten in place, so a mapping keeps the
 * file it was made of whatever the other runs write meanwhile; the readers
 * check its size and checksum before they use it (tl_cachefile_payload). */
typedef struct tl_cache_image {
  const unsigned char *p; /* the file's bytes */
  size_t len;
  void *map;           /* the mapping, or NULL */
  unsigned char *heap; /* the bytes read, where the file is not mapped */
} tl_cache_image;

/* The image of regular file @path (tl_cache_image_free), or NULL with errno
 * set when it cannot be opened or read; *missing then tells whether it is
 * simply absent. */
tl_cache_image *tl_cache_image_open(const char *path, bool *missing);
/* Unmap or free @im; NULL is allowed. */
void tl_cache_image_free(tl_cache_image *im);

/* Create folder @dir and its parents, private (mode 0700): the cache
 * holds the words of unpublished texts. */
bool tl_cachefile_mkdir(const char *dir);

/* Replace @path (in folder @dir, which must exist) by data[0..len): written
 * to a temporary file of @dir whose name starts with @prefix, then renamed.
 * TL_EIO with a message naming the file when it cannot be. */
tl_status tl_cachefile_write(const char *dir, const char *path,
                             const char *prefix, const void *data, size_t len,
                             tl_error *err);

/* ---- keyed files ---------------------------------------------------------
 * A compiled cache file (the glossary's, the pt-PT list's): a header (magic,
 * byte order, format version, a checksum of everything after it, the
 * lengths), an identity text (what the file was compiled from: a file of
 * another identity is stale), padded to 8 bytes, then the payload. Native
 * byte order and layout: a file of another machine reads as foreign. */

/* Append to @id the GNU build ID of the code (hex) and the layout of its
 * types; false (nothing appended) when the code has no build ID: then no
 * cache, since a rebuilt program could not tell its files from another's. */
bool tl_cachefile_build_id(tl_buf *id);

/* Append to @id a line naming regular file @path: its path, size,
 * modification time in nanoseconds and a hash of its content; false when
 * it cannot be read whole. With @data, the content hashed is kept there
 * (*len bytes and one more, which the caller frees; NULL on failure). */
bool tl_cachefile_file_identity(const char *path, tl_buf *id,
                                unsigned char **data, size_t *len);

/* The cache file in @dir of sources named by @names (lines, of which the
 * working folder becomes one more when @relative) into @file
 * ("DIR/KIND-HASH.bin"), and the start of its identity into @id: the
 * version, "@what cache @version", the build (tl_cachefile_build_id) and
 * the names. False when it cannot be (no build ID, no working folder). */
bool tl_cachefile_key(const char *dir, const char *kind, const char *what,
                      uint32_t version, tl_buf *names, bool relative,
                      tl_buf *id, tl_buf *file);

/* Start file @out (empty): the header of @magic (8 bytes) and @version,
 * and @id. Append the payload, then call tl_cachefile_save. */
void tl_cachefile_begin(tl_buf *out, const char *magic, uint32_t version,
                        const tl_buf *id);
/* Fill in the payload's length and the checksum of file @out begun above
 * and write it to @path in @dir (created when missing) as
 * tl_cachefile_write does. */
tl_status tl_cachefile_save(const char *dir, const char *path,
                            const char *prefix, tl_buf *out, tl_error *err);

/* The payload of file data[0..len) when it is a whole, undamaged file of
 * @magic, @version and identity @id: true with its offset and length; else
 * false with the reason in *why ("truncated", "foreign", "other format",
 * "checksum", "stale"). */
bool tl_cachefile_payload(const unsigned char *data, size_t len,
                          const char *magic, uint32_t version,
                          const tl_buf *id, size_t *at, size_t *n,
                          const char **why);

/* The checksum of a keyed file's bytes p[0..n) (CRC-32C on four lanes,
 * folded): with @portable by table whatever the processor, else with the
 * processor's crc32 instruction where it has one. Both give the same value
 * (a file written on one machine reads on another). */
uint64_t tl_cachefile_checksum(const void *p, size_t n, bool portable);

/* tl_xcalloc(n, size) for memory about to be written whole (a table read
 * from a cache file): its pages made present in one call (Linux's
 * MADV_POPULATE_WRITE) rather than by a fault each as they are first
 * written, which costs several microseconds a page on a virtual machine. */
void *tl_cache_calloc(size_t n, size_t size);

/* ---- payload fields: native u32 and u64, maps as their occupied slots */

void tl_cache_put32(tl_buf *b, uint32_t v);
void tl_cache_put64(tl_buf *b, uint64_t v);
/* Map @m as its occupied slots with their indexes, so that the map read
 * back is the very map written (same slots, same iteration order). */
void tl_cache_put_map(tl_buf *b, const tl_map *m);

/* Reading a payload: every read is bounded; one out of bounds, or a value
 * out of place, sets bad (and every later read gives 0). */
typedef struct tl_cache_reader {
  const unsigned char *p;
  size_t at, n;
  bool bad;
  const char *strs; /* a string section of the caller's, or NULL */
  size_t nstrs;
  bool borrow; /* the maps' keys used where they lie in @p (which must
                  outlive them), not copied */
} tl_cache_reader;

/* The next @k bytes, or NULL (bad). Inline: a payload is read a field at
 * a time. */
static inline const unsigned char *tl_cache_take(tl_cache_reader *r, size_t k)
{
  const unsigned char *q;

  if (r->bad || k > r->n - r->at) {
    r->bad = true;
    return NULL;
  }
  q = r->p + r->at;
  r->at += k;
  return q;
}

static inline uint32_t tl_cache_get32(tl_cache_reader *r)
{
  const unsigned char *q = tl_cache_take(r, 4);
  uint32_t v = 0;

  if (q != NULL)
    memcpy(&v, q, 4);
  return v;
}

static inline uint64_t tl_cache_get64(tl_cache_reader *r)
{
  const unsigned char *q = tl_cache_take(r, 8);
  uint64_t v = 0;

  if (q != NULL)
    memcpy(&v, q, 8);
  return v;
}

/* A count of items of at least @size bytes each that the rest of the
 * payload can hold (else bad, 0). */
static inline size_t tl_cache_get_count(tl_cache_reader *r, size_t size)
{
  uint64_t v = tl_cache_get64(r);

  if (r->bad || v > (r->n - r->at) / size) {
    r->bad = true;
    return 0;
  }
  return (size_t)v;
}
/* A map as tl_cache_put_map wrote it into @m (initialised, empty); its keys
 * go to its own arena, or stay where they lie when r->borrow. A table size the entries do not justify, a slot out
 * of range or twice, a key out of the key section: bad. */
void tl_cache_get_map(tl_cache_reader *r, tl_map *m);

/* ---- tables read where they lie ------------------------------------------
 * A map written as a hash table of its own (tl_cache_put_table): the keys,
 * NUL-terminated, then a power of two of 16-byte slots (key offset + 1, 0
 * for an empty slot; key length; value; the high half of the key's
 * tl_map_hash), placed by linear probing from the hash's low bits. Read back
 * (tl_cache_get_table), nothing is rebuilt or copied: lookups probe the
 * slots where they lie (a mapped cache file's pages). */
typedef struct tl_cache_table {
  const unsigned char *slots; /* cap slots */
  size_t cap, count;
  const char *keys;
  size_t nkeys;
} tl_cache_table;

/* Append the table of @m's keys and values. */
void tl_cache_put_table(tl_buf *b, const tl_map *m);
/* A table as tl_cache_put_table wrote it, every slot checked (a key out of
 * its section or not NUL-terminated, an empty slot not all zeros, a count
 * other than the slots': bad). @t borrows r->p. */
void tl_cache_get_table(tl_cache_reader *r, tl_cache_table *t);
/* Whether @key[0..len) is in @t: true with its value in *value. */
bool tl_cache_table_find(const tl_cache_table *t, const char *key, size_t len,
                         uint32_t *value);

#endif
