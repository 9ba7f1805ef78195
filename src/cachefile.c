#define _GNU_SOURCE /* dl_iterate_phdr: the build ID of the code */
#include "cachefile.h"
#include "msg.h"

#include <elf.h>
#include <errno.h>
#include <link.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool tl_cachefile_read(const char *path, unsigned char **out, size_t *len,
                       bool *missing)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  unsigned char *d;
  size_t got = 0;

  *missing = false;
  if (fd < 0) {
    *missing = errno == ENOENT || errno == ENOTDIR;
    return false;
  }
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0 ||
      (uint64_t)st.st_size > (uint64_t)1 << 31) {
    int e = S_ISREG(st.st_mode) ? EFBIG : EINVAL;
    close(fd);
    errno = e;
    return false;
  }
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
  uint64_t checksum; /* tl_map_hash of everything after it */
  uint64_t idlen, paylen;
  uint8_t zero[8];
} header;
_Static_assert(sizeof(header) == HEADER, "the header's layout");

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

bool tl_cachefile_file_identity(const char *path, tl_buf *id,
                                unsigned char **keep, size_t *keep_len)
{
  unsigned char *data;
  size_t len;
  bool missing;
  struct stat sb;

  if (keep != NULL)
    *keep = NULL;
  if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
      !tl_cachefile_read(path, &data, &len, &missing))
    return false;
  tl_buf_printf(id, "file\t%s\t%zu\t%lld.%09ld\t%016llx\n", path, len,
                (long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec,
                (unsigned long long)tl_map_hash(data, len));
  if ((off_t)len != sb.st_size) {
    free(data);
    return false;
  }
  if (keep != NULL) {
    *keep = data;
    *keep_len = len;
  } else {
    free(data);
  }
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
  h.checksum = tl_map_hash(out->p + 24, out->len - 24);
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
  if (tl_map_hash(data + 24, len - 24) != h.checksum) {
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
  char *keys = NULL;
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
  m->slots = tl_xcalloc(cap, sizeof *m->slots);
  m->cap = cap;
  if (nkeys > 0) {
    keys = tl_arena_alloc(&m->keys, nkeys);
    memcpy(keys, kp, nkeys);
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
  }
}
