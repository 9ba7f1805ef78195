/* Safe fixes: applying them, showing them as a unified diff, and writing a
 * file so that a failure never leaves it half-written. */
#include "diag.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void tl_result_fix(const tl_result *r, char **out, size_t *outlen,
                   size_t *applied, size_t *skipped)
{
  tl_buf b;
  size_t pos = 0;

  *applied = *skipped = 0;
  tl_buf_init(&b);
  /* findings are sorted by offset: a fix that starts before the end of the
   * previous one overlaps it */
  for (size_t i = 0; i < r->n; i++) {
    const tl_finding *f = &r->f[i];
    if (!f->fix || f->nsuggestions == 0)
      continue;
    if (f->offset < pos) {
      (*skipped)++;
      continue;
    }
    tl_buf_add(&b, r->data + pos, f->offset - pos);
    tl_buf_adds(&b, f->suggestions[0]);
    pos = f->offset + f->length;
    (*applied)++;
  }
  tl_buf_add(&b, r->data + pos, r->len - pos);
  tl_buf_cstr(&b);
  *out = b.p;
  *outlen = b.len;
}

/* Print lines [from, to) of the document with @mark before each. */
static void put_lines(FILE *out, char mark, const char *p, size_t len,
                      const size_t *starts, size_t nlines, size_t from,
                      size_t to)
{
  for (size_t k = from; k < to; k++) {
    size_t s = starts[k], e = k + 1 < nlines ? starts[k + 1] : len;
    fputc(mark, out);
    fwrite(p + s, 1, e - s, out);
    if (e == s || p[e - 1] != '\n')
      fputs("\n\\ No newline at end of file\n", out);
  }
}

static size_t *line_starts(const char *p, size_t len, size_t *n)
{
  size_t *v = NULL, cap = 0;

  *n = 0;
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(p + i, '\n', len - i);
    TL_GROW(v, cap, *n + 1);
    v[(*n)++] = i;
    i = nl ? (size_t)(nl - p) + 1 : len;
  }
  return v;
}

/* The line (0-based) holding byte @off. */
static size_t line_of(const size_t *starts, size_t n, size_t off)
{
  size_t lo = 0, hi = n;

  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (starts[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

void tl_result_diff(const tl_result *r, FILE *out, const char *label)
{
  size_t n, pos = 0, k = 0, *starts = line_starts(r->data, r->len, &n);
  long delta = 0; /* lines the earlier hunks added (removed if negative) */
  bool header = false;

  while (k < r->n) {
    size_t a, b, first = k, last, from, to, end_off, nnew;
    tl_buf nb;
    size_t *ns;
    /* the fixes of one hunk: changed lines no more than 6 apart */
    while (k < r->n && (!r->f[k].fix || r->f[k].nsuggestions == 0 ||
                        r->f[k].offset < pos))
      k++;
    if (k >= r->n)
      break;
    first = k;
    a = line_of(starts, n, r->f[k].offset);
    b = line_of(starts, n, r->f[k].offset + (r->f[k].length ? r->f[k].length - 1 : 0));
    pos = r->f[k].offset + r->f[k].length;
    last = k++;
    for (; k < r->n; k++) {
      const tl_finding *f = &r->f[k];
      size_t fa;
      if (!f->fix || f->nsuggestions == 0 || f->offset < pos)
        continue;
      fa = line_of(starts, n, f->offset);
      if (fa > b + 6)
        break;
      b = line_of(starts, n, f->offset + (f->length ? f->length - 1 : 0));
      pos = f->offset + f->length;
      last = k;
    }
    /* the new text of lines a..b */
    tl_buf_init(&nb);
    end_off = b + 1 < n ? starts[b + 1] : r->len;
    {
      size_t p = starts[a], q = 0;
      for (size_t m = first; m <= last; m++) {
        const tl_finding *f = &r->f[m];
        if (!f->fix || f->nsuggestions == 0 || f->offset < p)
          continue;
        tl_buf_add(&nb, r->data + p, f->offset - p);
        tl_buf_adds(&nb, f->suggestions[0]);
        p = f->offset + f->length;
        q++;
      }
      tl_buf_add(&nb, r->data + p, end_off - p);
      (void)q;
    }
    ns = line_starts(nb.p ? nb.p : "", nb.len, &nnew);
    from = a >= 3 ? a - 3 : 0;
    to = b + 4 < n ? b + 4 : n;
    if (!header) {
      fprintf(out, "--- %s\n+++ %s\n", label, label);
      header = true;
    }
    fprintf(out, "@@ -%zu,%zu +%ld,%zu @@\n", from + 1, to - from,
            (long)from + 1 + delta, (to - from) - (b - a + 1) + nnew);
    put_lines(out, ' ', r->data, r->len, starts, n, from, a);
    put_lines(out, '-', r->data, r->len, starts, n, a, b + 1);
    put_lines(out, '+', nb.p ? nb.p : "", nb.len, ns, nnew, 0, nnew);
    put_lines(out, ' ', r->data, r->len, starts, n, b + 1, to);
    delta += (long)nnew - (long)(b - a + 1);
    free(ns);
    tl_buf_fini(&nb);
  }
  free(starts);
}

tl_status tl_write_file_atomic(const char *path, const char *data,
                               size_t len, tl_error *err)
{
  struct stat st;
  char *tmp;
  int fd, e = 0;
  size_t off = 0;
  const char *what = NULL;

  if (stat(path, &st) != 0) {
    if (errno != ENOENT)
      return tl_error_set(err, TL_EIO, "%s: %s; nada foi alterado", path,
                          strerror(errno));
    st.st_mode = 0644; /* a new file */
  }
  tmp = tl_xmalloc(strlen(path) + sizeof ".tradlint-XXXXXX");
  sprintf(tmp, "%s.tradlint-XXXXXX", path);
  fd = mkstemp(tmp);
  if (fd < 0) {
    e = errno;
    free(tmp);
    return tl_error_set(err, TL_EIO,
                        "%s: não foi possível criar o arquivo temporário "
                        "(%s); o original não foi alterado",
                        path, strerror(e));
  }
  while (off < len) {
    ssize_t w = write(fd, data + off, len - off);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      e = errno;
      what = "escrever";
      break;
    }
    off += (size_t)w;
  }
  if (what == NULL && fchmod(fd, st.st_mode & 07777) != 0) {
    e = errno;
    what = "copiar as permissões";
  }
  if (what == NULL && fsync(fd) != 0) {
    e = errno;
    what = "gravar no disco (fsync)";
  }
  if (close(fd) != 0 && what == NULL) {
    e = errno;
    what = "fechar";
  }
  if (what == NULL && rename(tmp, path) != 0) {
    e = errno;
    what = "substituir o original";
  }
  if (what != NULL) {
    unlink(tmp);
    free(tmp);
    return tl_error_set(err, TL_EIO,
                        "%s: erro ao %s (%s); o original não foi alterado",
                        path, what, strerror(e));
  }
  free(tmp);
  return TL_OK;
}
