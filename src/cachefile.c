#define _GNU_SOURCE /* dl_iterate_phdr: the build ID of the code */
#include "cachefile.h"
#include "msg.h"

#include <elf.h>
#include <errno.h>
#include <link.h>
#include <pthread.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef MAP_POPULATE /* Linux's: elsewhere, the pages fault in as read */
#define MAP_POPULATE 0
#endif

/* @path opened for reading when it is a regular file of at most 2 GiB
 * (its status in @st), else -1 with errno set and @missing (may be NULL)
 * telling a file that is not there. The open is non-blocking: a FIFO or a
 * device put where a file was expected ("glossary/b.tsv") must fail the
 * S_ISREG test at once, not wait for a writer; reads of a regular file are
 * the same either way. */
static int open_regular(const char *path, struct stat *st, bool *missing)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

  if (missing != NULL)
    *missing = false;
  if (fd < 0) {
    if (missing != NULL)
      *missing = errno == ENOENT || errno == ENOTDIR;
    return -1;
  }
  if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode) || st->st_size < 0 ||
      (uint64_t)st->st_size > (uint64_t)1 << 31) {
    int e = S_ISREG(st->st_mode) ? EFBIG : EINVAL;
    close(fd);
    errno = e;
    return -1;
  }
  return fd;
}

bool tl_cachefile_read(const char *path, unsigned char **out, size_t *len,
                       bool *missing)
{
  struct stat st;
  int fd = open_regular(path, &st, missing);
  unsigned char *d;
  size_t got = 0;

  if (fd < 0)
    return false;
  d = tl_xmalloc((size_t)st.st_size + 1);
  while (got < (size_t)st.st_size) {
    ssize_t r = read(fd, d + got, (size_t)st.st_size - got);
    if (r <= 0) {
      if (r < 0 && errno == EINTR)
        continue;
      break;
    }
    got += (size_t)r;
  }
  close(fd);
  *out = d;
  *len = got;
  return true;
}

tl_cache_image *tl_cache_image_open(const char *path, bool *missing)
{
  struct stat st;
  int fd = open_regular(path, &st, missing);
  tl_cache_image *im;
  void *m;

  if (fd < 0)
    return NULL;
  im = tl_xcalloc(1, sizeof *im);
  if (st.st_size == 0) { /* nothing to map: an empty image */
    close(fd);
    im->p = (const unsigned char *)"";
    return im;
  }
  /* every page is read (the checksum): mapped at once, not a fault each */
  m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE,
           fd, 0);
  if (m != MAP_FAILED) {
    close(fd);
    im->map = m;
    im->p = m;
    im->len = (size_t)st.st_size;
    return im;
  }
  close(fd); /* a file system that cannot map: read it */
  {
    unsigned char *d;
    size_t len;
    if (!tl_cachefile_read(path, &d, &len, missing)) {
      free(im);
      return NULL;
    }
    im->heap = d;
    im->p = d;
    im->len = len;
  }
  return im;
}

void tl_cache_image_free(tl_cache_image *im)
{
  if (im == NULL)
    return;
  if (im->map != NULL)
    munmap(im->map, im->len);
  free(im->heap);
  free(im);
}

void *tl_cache_calloc(size_t n, size_t size)
{
  unsigned char *p = tl_xcalloc(n, size);
#ifdef MADV_POPULATE_WRITE
  long pg = sysconf(_SC_PAGESIZE);
  if (pg > 0 && n * size >= 4 * (size_t)pg) { /* a few pages and more */
    uintptr_t a = ((uintptr_t)p + (uintptr_t)pg - 1) & ~((uintptr_t)pg - 1);
    uintptr_t e = ((uintptr_t)p + n * size) & ~((uintptr_t)pg - 1);
    if (e > a) /* the pages wholly inside the block: an older kernel says
                  EINVAL, and they fault in as they are written */
      (void)madvise((void *)a, e - a, MADV_POPULATE_WRITE);
  }
#endif
  return p;
}

bool tl_cachefile_mkdir(const char *dir)
{
  char *p = tl_xstrdup(dir);
  bool ok = true;

  for (char *q = p + 1; ok && *q != '\0'; q++)
    if (*q == '/') {
      *q = '\0';
      ok = mkdir(p, 0700) == 0 || errno == EEXIST;
      *q = '/';
    }
  ok = ok && (mkdir(p, 0700) == 0 || errno == EEXIST);
  free(p);
  return ok;
}

tl_status tl_cachefile_write(const char *dir, const char *path,
                             const char *prefix, const void *data, size_t len,
                             tl_error *err)
{
  tl_buf tmp;
  int fd;
  size_t done = 0;
  tl_status st = TL_OK;

  tl_buf_init(&tmp);
  tl_buf_printf(&tmp, "%s/%sXXXXXX", dir, prefix);
  fd = mkstemp(tmp.p);
  if (fd < 0) {
    st = tl_error_set(err, TL_EIO, "%s: %s", dir, tl_strerror(errno));
    tl_buf_fini(&tmp);
    return st;
  }
  while (done < len) {
    ssize_t w = write(fd, (const char *)data + done, len - done);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      break;
    done += (size_t)w;
  }
  if (done < len || close(fd) != 0 || rename(tmp.p, path) != 0) {
    st = tl_error_set(err, TL_EIO, "%s: %s", path,
                      tl_strerror(errno ? errno : EIO));
    if (done < len)
      close(fd);
    unlink(tmp.p);
  }
  tl_buf_fini(&tmp);
  return st;
}

/* ---- keyed files -------------------------------------------------------- */

#define ENDIAN 0x01020304u
#define HEADER 48u
#define MAX_IDENTITY (1u << 20)

typedef struct header {
  char magic[8];
  uint32_t endian, version;
  uint64_t checksum; /* checksum() of everything after it */
  uint64_t idlen, paylen;
  uint8_t zero[8];
} header;
_Static_assert(sizeof(header) == HEADER, "the header's layout");

/* The file's checksum: CRC-32C (Castagnoli) on four interleaved lanes of 8
 * bytes (lane k takes the words k, k + 4, k + 8...; four chains the
 * processor runs side by side), folded together with the tail and the
 * length. A CRC catches every flipped bit and every burst of up to 32 in
 * its lane. With SSE 4.2 (almost every x86-64 since 2008) a word is one
 * crc32 instruction; elsewhere the same CRC by table (slicing by 8), so a
 * file written by one reads on the other. A warm run checks 1.9 MB: 2.0 M
 * instructions with the multiplications this replaced, 0.35 M here. */
#define CRC32C_POLY 0x82F63B78u /* reflected */

static uint32_t crc_table[8][256];
static pthread_once_t crc_table_once = PTHREAD_ONCE_INIT;

static void crc_table_init(void)
{
  for (uint32_t n = 0; n < 256; n++) {
    uint32_t c = n;
    for (int k = 0; k < 8; k++)
      c = (c & 1) ? (c >> 1) ^ CRC32C_POLY : c >> 1;
    crc_table[0][n] = c;
  }
  for (uint32_t n = 0; n < 256; n++)
    for (int t = 1; t < 8; t++)
      crc_table[t][n] = (crc_table[t - 1][n] >> 8) ^
                        crc_table[0][crc_table[t - 1][n] & 0xFF];
}

/* The crc32 instruction's step: CRC-32C of the 8 bytes of @v (little-endian
 * order) after @c, no inversion. */
static uint32_t crc_word(uint32_t c, uint64_t v)
{
  uint32_t lo = (uint32_t)v ^ c, hi = (uint32_t)(v >> 32);

  return crc_table[7][lo & 0xFF] ^ crc_table[6][(lo >> 8) & 0xFF] ^
         crc_table[5][(lo >> 16) & 0xFF] ^ crc_table[4][lo >> 24] ^
         crc_table[3][hi & 0xFF] ^ crc_table[2][(hi >> 8) & 0xFF] ^
         crc_table[1][(hi >> 16) & 0xFF] ^ crc_table[0][hi >> 24];
}

/* The four lanes over the @blocks blocks of 32 bytes at @p, by table. */
static void crc_lanes_table(const unsigned char *p, size_t blocks,
                            uint32_t c[4])
{
  pthread_once(&crc_table_once, crc_table_init);
  for (size_t b = 0; b < blocks; b++, p += 32)
    for (int k = 0; k < 4; k++) {
      uint64_t v;
      memcpy(&v, p + 8 * k, 8); /* little-endian: the format's order */
      c[k] = crc_word(c[k], v);
    }
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CRC_INSN 1
/* The same lanes with the crc32 instruction (SSE 4.2): called only where
 * the processor has it (crc_lanes). */
__attribute__((target("sse4.2"))) static void
crc_lanes_sse42(const unsigned char *p, size_t blocks, uint32_t c[4])
{
  unsigned long long a = c[0], b = c[1], d = c[2], e = c[3];

  for (size_t i = 0; i < blocks; i++, p += 32) {
    uint64_t v0, v1, v2, v3;
    memcpy(&v0, p, 8);
    memcpy(&v1, p + 8, 8);
    memcpy(&v2, p + 16, 8);
    memcpy(&v3, p + 24, 8);
    a = __builtin_ia32_crc32di(a, v0);
    b = __builtin_ia32_crc32di(b, v1);
    d = __builtin_ia32_crc32di(d, v2);
    e = __builtin_ia32_crc32di(e, v3);
  }
  c[0] = (uint32_t)a;
  c[1] = (uint32_t)b;
  c[2] = (uint32_t)d;
  c[3] = (uint32_t)e;
}
#else
#define CRC_INSN 0
#endif

#define CRC_SEEDS {0x243F6A88u, 0x85A308D3u, 0x13198A2Eu, 0x03707344u}

/* The lanes over @blocks blocks of 32 bytes at @p. */
static void crc_lanes(const unsigned char *p, size_t blocks, uint32_t c[4],
                      bool portable)
{
#if CRC_INSN
  if (!portable && __builtin_cpu_supports("sse4.2")) {
    crc_lanes_sse42(p, blocks, c);
    return;
  }
#endif
  (void)portable;
  crc_lanes_table(p, blocks, c);
}

/* The checksum of @n bytes whose lanes are @c and whose last n % 32 bytes
 * are @tail. */
static uint64_t crc_fold(const uint32_t c[4], const unsigned char *tail,
                         size_t n)
{
  uint64_t r = tl_map_hash(tail, n % 32) ^ ((uint64_t)n * 0x9E3779B97F4A7C15ULL);

  for (int k = 0; k < 4; k++) {
    r = (r ^ c[k]) * 0xC4CEB9FE1A85EC53ULL;
    r ^= r >> 33;
  }
  return r;
}

uint64_t tl_cachefile_checksum(const void *data, size_t n, bool portable)
{
  const unsigned char *p = data;
  uint32_t c[4] = CRC_SEEDS;

  crc_lanes(p, n / 32, c, portable);
  return crc_fold(c, p + n / 32 * 32, n);
}

static uint64_t checksum(const unsigned char *p, size_t n)
{
  return tl_cachefile_checksum(p, n, false);
}

static size_t pad8(size_t n)
{
  return (n + 7) & ~(size_t)7;
}

typedef struct build_id {
  uintptr_t addr; /* an address in this library's code or data */
  unsigned char id[64];
  size_t n;
} build_id;

static const char anchor = 0;

/* dl_iterate_phdr callback: the GNU build ID note of the object holding
 * b->addr. */
static int find_build_id(struct dl_phdr_info *info, size_t size, void *ud)
{
  build_id *b = ud;
  bool ours = false;

  (void)size;
  for (size_t i = 0; i < info->dlpi_phnum && !ours; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
    ours = ph->p_type == PT_LOAD && b->addr >= lo && b->addr - lo < ph->p_memsz;
  }
  if (!ours)
    return 0;
  for (size_t i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    const unsigned char *q, *e;
    if (ph->p_type != PT_NOTE)
      continue;
    q = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
    e = q + ph->p_memsz;
    while ((size_t)(e - q) >= sizeof(ElfW(Nhdr))) {
      ElfW(Nhdr) nh;
      size_t name, desc;
      memcpy(&nh, q, sizeof nh);
      name = ((size_t)nh.n_namesz + 3) & ~(size_t)3;
      desc = ((size_t)nh.n_descsz + 3) & ~(size_t)3;
      if (name + desc > (size_t)(e - q) - sizeof nh)
        break;
      if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 &&
          memcmp(q + sizeof nh, "GNU", 4) == 0 && nh.n_descsz > 0 &&
          nh.n_descsz <= sizeof b->id) {
        memcpy(b->id, q + sizeof nh + name, nh.n_descsz);
        b->n = nh.n_descsz;
        return 1;
      }
      q += sizeof nh + name + desc;
    }
  }
  return 1; /* ours, without a build ID */
}

bool tl_cachefile_build_id(tl_buf *id)
{
  build_id b;

  memset(&b, 0, sizeof b);
  b.addr = (uintptr_t)&anchor;
  dl_iterate_phdr(find_build_id, &b);
  if (b.n == 0)
    return false;
  tl_buf_printf(id, "build ");
  for (size_t i = 0; i < b.n; i++)
    tl_buf_printf(id, "%02x", b.id[i]);
  tl_buf_printf(id, " layout %zu.%zu.%zu\n", sizeof(void *), sizeof(size_t),
                sizeof(tl_map_slot));
  return true;
}

/* tl_cachefile_checksum of the @size bytes of @fd, read in pieces through
 * a small buffer (the same pages for every file, where reading a file
 * whole took fresh ones); false when it does not hold exactly @size
 * bytes. */
static bool hash_fd(int fd, size_t size, uint64_t *out)
{
  enum { PIECE = 1 << 15 }; /* a multiple of the checksum's 32-byte blocks */
  unsigned char *b = tl_xmalloc(PIECE + 32);
  uint32_t c[4] = CRC_SEEDS;
  size_t have = 0, total = 0; /* have: bytes in @b, fewer than 32 kept over */
  bool ok = true;

  for (;;) {
    ssize_t r = read(fd, b + have, PIECE);
    size_t whole;
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0) {
      ok = false;
      break;
    }
    if (r == 0)
      break;
    have += (size_t)r;
    total += (size_t)r;
    if (total > size)
      break;
    whole = have / 32 * 32;
    crc_lanes(b, whole / 32, c, false);
    memmove(b, b + whole, have - whole);
    have -= whole;
  }
  *out = crc_fold(c, b, total);
  free(b);
  return ok && total == size;
}

bool tl_cachefile_file_identity(const char *path, tl_buf *id,
                                unsigned char **keep, size_t *keep_len)
{
  unsigned char *data;
  size_t len;
  bool missing;
  struct stat sb;
  uint64_t h;

  if (keep != NULL)
    *keep = NULL;
  if (keep == NULL) { /* only its hash: read in pieces */
    int fd = open_regular(path, &sb, NULL);
    bool ok;
    if (fd < 0)
      return false;
    ok = hash_fd(fd, (size_t)sb.st_size, &h);
    close(fd);
    if (!ok)
      return false;
    tl_buf_printf(id, "file\t%s\t%zu\t%lld.%09ld\t%016llx\n", path,
                  (size_t)sb.st_size, (long long)sb.st_mtim.tv_sec,
                  (long)sb.st_mtim.tv_nsec, (unsigned long long)h);
    return true;
  }
  if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
      !tl_cachefile_read(path, &data, &len, &missing))
    return false;
  tl_buf_printf(id, "file\t%s\t%zu\t%lld.%09ld\t%016llx\n", path, len,
                (long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec,
                (unsigned long long)tl_cachefile_checksum(data, len, false));
  if ((off_t)len != sb.st_size) {
    free(data);
    return false;
  }
  *keep = data;
  *keep_len = len;
  return true;
}

void tl_cachefile_begin(tl_buf *out, const char *magic, uint32_t version,
                        const tl_buf *id)
{
  header h;

  memset(&h, 0, sizeof h);
  memcpy(h.magic, magic, 8);
  h.endian = ENDIAN;
  h.version = version;
  h.idlen = id->len;
  tl_buf_add(out, &h, sizeof h);
  tl_buf_add(out, id->p, id->len);
  tl_buf_add(out, "\0\0\0\0\0\0\0", pad8(id->len) - id->len);
}

tl_status tl_cachefile_save(const char *dir, const char *path,
                            const char *prefix, tl_buf *out, tl_error *err)
{
  header h;

  if (!tl_cachefile_mkdir(dir))
    return tl_error_set(err, TL_EIO, "%s: %s", dir, tl_strerror(errno));
  memcpy(&h, out->p, sizeof h);
  h.paylen = out->len - HEADER - pad8((size_t)h.idlen);
  memcpy(out->p + offsetof(header, paylen), &h.paylen, 8);
  h.checksum = checksum((const unsigned char *)out->p + 24, out->len - 24);
  memcpy(out->p + offsetof(header, checksum), &h.checksum, 8);
  return tl_cachefile_write(dir, path, prefix, out->p, out->len, err);
}

bool tl_cachefile_key(const char *dir, const char *kind, const char *what,
                      uint32_t version, tl_buf *names, bool relative,
                      tl_buf *id, tl_buf *file)
{
  if (relative) { /* the same names from another folder are other files */
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd) == NULL)
      return false;
    tl_buf_printf(names, "cwd\t%s\n", cwd);
  }
  tl_buf_printf(file, "%s/%s-%016llx.bin", dir, kind,
                (unsigned long long)tl_map_hash(names->p, names->len));
  tl_buf_printf(id, "tradlint %s %s cache %u ", TL_VERSION, what, version);
  if (!tl_cachefile_build_id(id))
    return false;
  tl_buf_add(id, names->p, names->len);
  return true;
}

bool tl_cachefile_payload(const unsigned char *data, size_t len,
                          const char *magic, uint32_t version,
                          const tl_buf *id, size_t *at, size_t *n,
                          const char **why)
{
  header h;

  if (len < HEADER) {
    *why = "truncated";
    return false;
  }
  memcpy(&h, data, sizeof h);
  if (memcmp(h.magic, magic, 8) != 0 || h.endian != ENDIAN) {
    *why = "foreign";
    return false;
  }
  if (h.version != version) {
    *why = "other format";
    return false;
  }
  if (h.idlen > MAX_IDENTITY || h.paylen > len ||
      len != HEADER + pad8((size_t)h.idlen) + h.paylen) {
    *why = "truncated or damaged";
    return false;
  }
  if (checksum(data + 24, len - 24) != h.checksum) {
    *why = "checksum";
    return false;
  }
  if (h.idlen != id->len || memcmp(data + HEADER, id->p, id->len) != 0) {
    *why = "stale";
    return false;
  }
  *at = HEADER + pad8((size_t)h.idlen);
  *n = (size_t)h.paylen;
  return true;
}

/* ---- payload fields ----------------------------------------------------- */

void tl_cache_put32(tl_buf *b, uint32_t v)
{
  tl_buf_add(b, &v, 4);
}

void tl_cache_put64(tl_buf *b, uint64_t v)
{
  tl_buf_add(b, &v, 8);
}

void tl_cache_put_map(tl_buf *b, const tl_map *m)
{
  tl_buf keys;

  tl_buf_init(&keys);
  tl_cache_put64(b, m->cap);
  tl_cache_put64(b, m->count);
  for (size_t i = 0; i < m->cap; i++)
    if (m->slots[i].key != NULL) {
      tl_buf_add(&keys, m->slots[i].key, m->slots[i].len);
      tl_buf_addc(&keys, '\0');
    }
  tl_cache_put64(b, keys.len);
  tl_buf_add(b, keys.p, keys.len);
  for (size_t i = 0, off = 0; i < m->cap; i++) {
    const tl_map_slot *s = &m->slots[i];
    if (s->key == NULL)
      continue;
    tl_cache_put32(b, (uint32_t)i);
    tl_cache_put32(b, s->len);
    tl_cache_put32(b, s->value);
    tl_cache_put32(b, (uint32_t)off);
    tl_cache_put64(b, s->hash);
    off += s->len + 1;
  }
  tl_buf_fini(&keys);
}

void tl_cache_get_map(tl_cache_reader *r, tl_map *m)
{
  size_t cap = (size_t)tl_cache_get64(r), count, nkeys;
  const char *keys = NULL;
  const unsigned char *kp, *rec;

  count = tl_cache_get_count(r, 24);
  nkeys = tl_cache_get_count(r, 1);
  /* a map is at most half full, and at least a quarter past 64 slots
   * (tl_map_put doubles it, tl_map_reserve sizes it for its keys): a cap the
   * entries do not justify is refused before it is allocated */
  if (r->bad || (cap & (cap - 1)) != 0 || count * 2 > cap ||
      (cap == 0 && nkeys != 0) || (cap > 64 && cap > 4 * count)) {
    r->bad = true;
    return;
  }
  kp = tl_cache_take(r, nkeys);
  if (r->bad || (nkeys > 0 && kp[nkeys - 1] != '\0')) {
    r->bad = true;
    return;
  }
  if (cap == 0)
    return;
  m->slots = tl_cache_calloc(cap, sizeof *m->slots);
  m->cap = cap;
  if (m->filtered) /* filled below, as the records are read */
    tl_map_filter_alloc(m);
  if (nkeys > 0 && r->borrow) {
    keys = (const char *)kp;
  } else if (nkeys > 0) {
    char *k = tl_arena_alloc(&m->keys, nkeys);
    memcpy(k, kp, nkeys);
    keys = k;
  }
  rec = tl_cache_take(r, count * 24); /* count: bounded by the payload */
  for (size_t i = 0; i < count && !r->bad; i++, rec += 24) {
    uint32_t f[4];
    uint64_t hash;
    tl_map_slot *s;
    memcpy(f, rec, 16); /* index, length, value, key offset */
    memcpy(&hash, rec + 16, 8);
    if (f[0] >= cap || m->slots[f[0]].key != NULL || f[3] >= nkeys ||
        f[1] >= nkeys - f[3] || keys[f[3] + f[1]] != '\0') {
      r->bad = true;
      break;
    }
    s = &m->slots[f[0]];
    s->key = keys + f[3];
    s->len = f[1];
    s->value = f[2];
    s->hash = hash;
    m->count++;
    if (m->filter != NULL)
      tl_map_filter_add(m, hash);
  }
}

/* ---- tables read where they lie ---------------------------------------- */

#define TSLOT 16u

static bool slot_used(const unsigned char *slots, size_t i)
{
  uint32_t k;

  memcpy(&k, slots + TSLOT * i, 4);
  return k != 0;
}

void tl_cache_put_table(tl_buf *b, const tl_map *m)
{
  size_t cap = 0, nkeys = 0;
  unsigned char *slots;

  if (m->count > 0) { /* at most half full, as the map */
    cap = 16;
    while (cap < 2 * m->count)
      cap *= 2;
  }
  slots = tl_xcalloc(cap > 0 ? cap : 1, TSLOT);
  tl_cache_put64(b, cap);
  tl_cache_put64(b, m->count);
  for (size_t i = 0; i < m->cap; i++)
    if (m->slots[i].key != NULL)
      nkeys += m->slots[i].len + 1;
  tl_cache_put64(b, nkeys);
  nkeys = 0;
  for (size_t i = 0; i < m->cap; i++) {
    const tl_map_slot *s = &m->slots[i];
    uint64_t h;
    uint32_t f[4];
    size_t j;
    if (s->key == NULL)
      continue;
    h = tl_map_hash(s->key, s->len);
    for (j = (size_t)h & (cap - 1); slot_used(slots, j); j = (j + 1) & (cap - 1))
      ;
    f[0] = (uint32_t)nkeys + 1;
    f[1] = s->len;
    f[2] = s->value;
    f[3] = (uint32_t)(h >> 32);
    memcpy(slots + TSLOT * j, f, TSLOT);
    tl_buf_add(b, s->key, s->len);
    tl_buf_addc(b, '\0');
    nkeys += s->len + 1;
  }
  tl_buf_add(b, slots, cap * TSLOT);
  free(slots);
}

void tl_cache_get_table(tl_cache_reader *r, tl_cache_table *t)
{
  static const unsigned char zero[TSLOT];
  size_t cap = (size_t)tl_cache_get64(r), count = (size_t)tl_cache_get64(r);
  size_t nkeys = tl_cache_get_count(r, 1), used = 0;

  memset(t, 0, sizeof *t);
  t->keys = (const char *)tl_cache_take(r, nkeys);
  if (r->bad || (cap & (cap - 1)) != 0 || count >= cap + (cap == 0) ||
      cap > (r->n - r->at) / TSLOT || (nkeys > 0 && t->keys[nkeys - 1] != '\0')) {
    r->bad = true;
    return;
  }
  t->slots = tl_cache_take(r, cap * TSLOT);
  for (size_t i = 0; i < cap && !r->bad; i++) {
    uint32_t f[4];
    memcpy(f, t->slots + TSLOT * i, TSLOT);
    if (f[0] == 0) {
      r->bad = memcmp(f, zero, TSLOT) != 0;
      continue;
    }
    r->bad = f[0] - 1 >= nkeys || f[1] >= nkeys - (f[0] - 1) ||
             t->keys[f[0] - 1 + f[1]] != '\0';
    used++;
  }
  if (r->bad || used != count) {
    r->bad = true;
    memset(t, 0, sizeof *t);
    return;
  }
  t->cap = cap;
  t->count = count;
  t->nkeys = nkeys;
}

bool tl_cache_table_find(const tl_cache_table *t, const char *key, size_t len,
                         uint32_t *value)
{
  uint64_t h;
  size_t mask;

  if (t->count == 0)
    return false;
  h = tl_map_hash(key, len);
  mask = t->cap - 1;
  /* a slot is always empty (count < cap): the probe ends */
  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    uint32_t f[4];
    memcpy(f, t->slots + TSLOT * i, TSLOT);
    if (f[0] == 0)
      return false;
    if (f[3] == (uint32_t)(h >> 32) && f[1] == len &&
        memcmp(t->keys + f[0] - 1, key, len) == 0) {
      *value = f[2];
      return true;
    }
  }
}
