#include "input.h"
#include "msg.h"

#include "utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void tl_input_size_name(size_t n, char *out, size_t outlen)
{
  if (n >= ((size_t)1 << 20) && n % ((size_t)1 << 20) == 0)
    snprintf(out, outlen, "%zu MiB", n >> 20);
  else if (n >= 1024 && n % 1024 == 0)
    snprintf(out, outlen, "%zu KiB", n >> 10);
  else
    snprintf(out, outlen, "%zu %s", n, n == 1 ? "byte" : "bytes");
}

static tl_status too_big(const char *path, size_t max, tl_status st,
                         tl_error *err)
{
  char lim[64];

  tl_input_size_name(max, lim, sizeof lim);
  return tl_error_set(err, st,
                      _("%s: maior que o limite de %s; aumente-o com "
                      "--max-size se o arquivo for mesmo um texto"),
                      path, lim);
}

static const char *kind_of(mode_t m)
{
  if (S_ISDIR(m))
    return _("é uma pasta, não um arquivo");
  if (S_ISFIFO(m))
    return _("é um FIFO (pipe nomeado), não um arquivo comum");
  if (S_ISCHR(m) || S_ISBLK(m))
    return _("é um dispositivo, não um arquivo comum");
  if (S_ISSOCK(m))
    return _("é um socket, não um arquivo comum");
  return _("não é um arquivo comum");
}

tl_status tl_input_open(const char *path, size_t max, const char *what,
                        tl_status st, FILE **fp, struct stat *sb,
                        tl_error *err)
{
  /* O_NONBLOCK: opening a FIFO that has no writer must not wait for one */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  struct stat sbuf;

  *fp = NULL;
  if (sb == NULL)
    sb = &sbuf;
  if (max == 0)
    max = TL_MAX_SIZE_DEFAULT;
  if (fd < 0)
    return tl_error_set(err, st, _("%s: não foi possível abrir %s: %s"), path,
                        what, tl_strerror(errno));
  if (fstat(fd, sb) != 0) {
    int e = errno;
    close(fd);
    return tl_error_set(err, st, "%s: %s", path, tl_strerror(e));
  }
  if (!S_ISREG(sb->st_mode)) {
    close(fd);
    return tl_error_set(err, st, "%s: %s", path, kind_of(sb->st_mode));
  }
  if (sb->st_size < 0 || (unsigned long long)sb->st_size > max) {
    close(fd);
    return too_big(path, max, st, err);
  }
  if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0 ||
      (*fp = fdopen(fd, "rb")) == NULL) {
    int e = errno;
    close(fd);
    return tl_error_set(err, st, "%s: %s", path, tl_strerror(e));
  }
  return TL_OK;
}

tl_status tl_input_read(const char *path, size_t max, char **data,
                        size_t *len, tl_file_id *id, tl_error *err)
{
  bool is_stdin = strcmp(path, "-") == 0;
  FILE *fp = stdin;
  tl_buf b;
  struct stat st;
  char chunk[65536];
  size_t n;
  tl_status rc;

  *data = NULL;
  *len = 0;
  if (id != NULL)
    memset(id, 0, sizeof *id);
  if (max == 0)
    max = TL_MAX_SIZE_DEFAULT;
  if (is_stdin) {
    if (fstat(STDIN_FILENO, &st) == 0 && S_ISDIR(st.st_mode))
      return tl_error_set(err, TL_EIO, _("%s: é uma pasta, não um arquivo"),
                          path);
  } else if ((rc = tl_input_open(path, max, _("o arquivo"), TL_EIO, &fp, &st,
                                 err)) != TL_OK) {
    return rc;
  }
  tl_buf_init(&b);
  if (!is_stdin && st.st_size > 0)
    TL_GROW(b.p, b.cap, (size_t)st.st_size + 1);
  /* never more than max + 1 bytes: /dev/zero on standard input, or a file
   * that grows while it is read, stops at the cap. Read straight into the
   * buffer while it has room (a file of known size: all of it), else
   * through the chunk */
  while (b.len <= max) {
    size_t want = b.len + sizeof chunk <= max + 1 ? sizeof chunk
                                                  : max + 1 - b.len;
    if (b.cap - b.len > 1) {
      if (want > b.cap - b.len - 1)
        want = b.cap - b.len - 1;
      if ((n = fread(b.p + b.len, 1, want, fp)) == 0)
        break;
      b.len += n;
    } else {
      if ((n = fread(chunk, 1, want, fp)) == 0)
        break;
      tl_buf_add(&b, chunk, n);
    }
  }
  if (ferror(fp) || b.len > max) {
    int e = errno;
    bool big = b.len > max;
    if (!is_stdin)
      fclose(fp);
    tl_buf_fini(&b);
    if (big)
      return too_big(is_stdin ? _("entrada padrão") : path, max, TL_EIO, err);
    return tl_error_set(err, TL_EIO, _("%s: erro de leitura: %s"), path,
                        tl_strerror(e));
  }
  if (!is_stdin)
    fclose(fp);
  tl_buf_cstr(&b);
  if (id != NULL && !is_stdin) {
    id->valid = true;
    id->dev = (unsigned long long)st.st_dev;
    id->ino = (unsigned long long)st.st_ino;
    id->size = (unsigned long long)b.len;
    id->mtime_sec = (long long)st.st_mtim.tv_sec;
    id->mtime_nsec = (long long)st.st_mtim.tv_nsec;
    id->hash = tl_hash(b.p ? b.p : "", b.len);
  }
  *data = b.p;
  *len = b.len;
  return TL_OK;
}

bool tl_input_unchanged(const char *path, const tl_file_id *id)
{
  struct stat st;
  FILE *fp;
  char chunk[65536];
  size_t n, total = 0;
  uint64_t h = tl_hash("", 0);
  bool same;

  if (id == NULL || !id->valid || stat(path, &st) != 0 ||
      (unsigned long long)st.st_dev != id->dev ||
      (unsigned long long)st.st_ino != id->ino ||
      (unsigned long long)st.st_size != id->size ||
      (long long)st.st_mtim.tv_sec != id->mtime_sec ||
      (long long)st.st_mtim.tv_nsec != id->mtime_nsec)
    return false;
  /* the same size and time can hide an edit within the clock's grain */
  if (tl_input_open(path, (size_t)id->size + 1, "", TL_EIO, &fp, NULL,
                    NULL) != TL_OK)
    return false;
  while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
    h = tl_hash_more(h, chunk, n);
    total += n;
  }
  same = !ferror(fp) && total == id->size && h == id->hash;
  fclose(fp);
  return same;
}

tl_status tl_input_check(const char *path, const char *data, size_t len,
                         size_t *start, tl_error *err)
{
  const char *nul = memchr(data, '\0', len);
  size_t bad;

  *start = 0;
  if (nul != NULL)
    return tl_error_set(err, TL_EBINARY,
                        _("%s: arquivo binário (byte NUL na posição %zu); o "
                        "tradlint verifica apenas texto UTF-8"),
                        path, (size_t)(nul - data));
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
    *start = 3;
  bad = tl_utf8_validate(data, len);
  if (bad < len) {
    tl_lines li;
    unsigned line, col;
    tl_lines_init(&li, data, bad, *start);
    tl_lines_locate(&li, bad, &line, &col);
    tl_lines_fini(&li);
    return tl_error_set(err, TL_EUTF8,
                        _("%s:%u:%u: UTF-8 inválido (byte 0x%02X); salve o "
                        "arquivo como UTF-8"),
                        path, line, col, (unsigned)(unsigned char)data[bad]);
  }
  return TL_OK;
}

void tl_lines_init(tl_lines *li, const char *data, size_t len, size_t bom)
{
  size_t cap = 0;

  li->data = data;
  li->len = len;
  li->bom = bom;
  li->starts = NULL;
  li->n = 0;
  TL_GROW(li->starts, cap, 1);
  li->starts[li->n++] = 0;
  if (memchr(data, '\r', len) == NULL) { /* the common case: memchr runs */
    const char *p = data, *end = data + len, *nl;
    while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
      TL_GROW(li->starts, cap, li->n + 1);
      li->starts[li->n++] = (size_t)(nl - data) + 1;
      p = nl + 1;
    }
    return;
  }
  for (size_t i = 0; i < len; i++) {
    char c = data[i];
    if (c != '\n' && c != '\r')
      continue;
    if (c == '\r' && i + 1 < len && data[i + 1] == '\n')
      i++;
    TL_GROW(li->starts, cap, li->n + 1);
    li->starts[li->n++] = i + 1;
  }
}

void tl_lines_fini(tl_lines *li)
{
  free(li->starts);
  li->starts = NULL;
  li->n = 0;
}

unsigned tl_lines_line(const tl_lines *li, size_t off)
{
  size_t lo = 0, hi = li->n;

  while (hi - lo > 1) { /* the last line start <= off */
    size_t mid = lo + (hi - lo) / 2;
    if (li->starts[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  return (unsigned)(lo + 1);
}

void tl_lines_locate(const tl_lines *li, size_t off, unsigned *line,
                     unsigned *col)
{
  unsigned l;
  size_t s, c = 1;

  if (off > li->len)
    off = li->len;
  l = tl_lines_line(li, off);
  s = li->starts[l - 1];
  if (l == 1 && s < li->bom)
    s = li->bom < off ? li->bom : off;
  if (off > s)
    c += tl_count_cps(li->data + s, off - s);
  *line = l;
  *col = (unsigned)c;
}

size_t tl_count_cps(const char *p, size_t n)
{
  const uint64_t hi = 0x8080808080808080ULL;
  size_t cont = 0, i = 0;

  for (; i + 8 <= n; i += 8) {
    uint64_t v, m;
    memcpy(&v, p + i, 8);
    m = v & ~(v << 1) & hi; /* bit 7 set, bit 6 clear: 10xxxxxx */
    cont += (size_t)(((m >> 7) * 0x0101010101010101ULL) >> 56);
  }
  for (; i < n; i++)
    cont += ((unsigned char)p[i] & 0xC0) == 0x80;
  return n - cont;
}

tl_span tl_lines_get(const tl_lines *li, unsigned line)
{
  tl_span sp = {li->data, 0};
  size_t s, e;

  if (line == 0 || line > li->n)
    return sp;
  s = li->starts[line - 1];
  if (line == 1 && li->bom <= li->len)
    s = li->bom;
  e = line < li->n ? li->starts[line] : li->len;
  while (e > s && (li->data[e - 1] == '\n' || li->data[e - 1] == '\r'))
    e--;
  sp.p = li->data + s;
  sp.len = e - s;
  return sp;
}
