#include "input.h"

#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

tl_status tl_input_read(const char *path, char **data, size_t *len,
                        tl_error *err)
{
  bool is_stdin = strcmp(path, "-") == 0;
  FILE *fp = is_stdin ? stdin : fopen(path, "rb");
  tl_buf b;
  struct stat st;
  char chunk[65536];
  size_t n;

  *data = NULL;
  *len = 0;
  if (fp == NULL)
    return tl_error_set(err, TL_EIO, "%s: não foi possível abrir: %s", path,
                        strerror(errno));
  if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
    if (!is_stdin)
      fclose(fp);
    return tl_error_set(err, TL_EIO, "%s: é uma pasta, não um arquivo", path);
  }
  tl_buf_init(&b);
  if (!is_stdin && S_ISREG(st.st_mode) && st.st_size > 0)
    TL_GROW(b.p, b.cap, (size_t)st.st_size + 1);
  while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
    tl_buf_add(&b, chunk, n);
  if (ferror(fp)) {
    int e = errno;
    if (!is_stdin)
      fclose(fp);
    tl_buf_fini(&b);
    return tl_error_set(err, TL_EIO, "%s: erro de leitura: %s", path,
                        strerror(e));
  }
  if (!is_stdin)
    fclose(fp);
  tl_buf_cstr(&b);
  *data = b.p;
  *len = b.len;
  return TL_OK;
}

tl_status tl_input_check(const char *path, const char *data, size_t len,
                         size_t *start, tl_error *err)
{
  const char *nul = memchr(data, '\0', len);
  size_t bad;

  *start = 0;
  if (nul != NULL)
    return tl_error_set(err, TL_EBINARY,
                        "%s: arquivo binário (byte NUL na posição %zu); o "
                        "tradlint verifica apenas texto UTF-8",
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
                        "%s:%u:%u: UTF-8 inválido (byte 0x%02X); salve o "
                        "arquivo como UTF-8",
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
  for (size_t i = s; i < off; i++)
    if (((unsigned char)li->data[i] & 0xC0) != 0x80)
      c++;
  *line = l;
  *col = (unsigned)c;
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
