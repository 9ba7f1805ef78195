/* Safe fixes: applying them, showing them as a unified diff, and writing a
 * file so that a failure never leaves it half-written. */
#include "diag.h"
#include "msg.h"

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

/* Lines of a text, each with its line end. */
typedef struct lines {
  const char *p;
  size_t *start; /* n + 1 entries: start[n] is the text's length */
  size_t n;
} lines;

static void lines_of(lines *L, const char *p, size_t len)
{
  size_t cap = 0;

  L->p = p;
  L->start = NULL;
  L->n = 0;
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(p + i, '\n', len - i);
    TL_GROW(L->start, cap, L->n + 2);
    L->start[L->n++] = i;
    i = nl ? (size_t)(nl - p) + 1 : len;
  }
  TL_GROW(L->start, cap, L->n + 1);
  L->start[L->n] = len;
}

static bool same_line(const lines *a, size_t i, const lines *b, size_t j)
{
  size_t la = a->start[i + 1] - a->start[i], lb = b->start[j + 1] - b->start[j];
  return la == lb && memcmp(a->p + a->start[i], b->p + b->start[j], la) == 0;
}

/* Print lines [from, to) of @L with @mark before each. */
static void put_lines(FILE *out, char mark, const lines *L, size_t from,
                      size_t to)
{
  for (size_t k = from; k < to; k++) {
    size_t s = L->start[k], e = L->start[k + 1];
    fputc(mark, out);
    fwrite(L->p + s, 1, e - s, out);
    if (e == s || L->p[e - 1] != '\n')
      fputs("\n\\ No newline at end of file\n", out);
  }
}

/* One change: lines [a0, a1) of the old text became [b0, b1) of the new. */
typedef struct change {
  size_t a0, a1, b0, b1;
} change;

/* Changes are found by walking both texts and, where they part, looking
 * for the nearest pair of equal lines (at most RESYNC lines on): fixes
 * change a few lines at a time, so this finds the same changes as a full
 * diff, and always gives a patch that applies. */
#define RESYNC 400
#define CONTEXT 3

static change *find_changes(const lines *a, const lines *b, size_t *nc)
{
  change *v = NULL;
  size_t cap = 0, i = 0, j = 0;

  *nc = 0;
  while (i < a->n || j < b->n) {
    size_t x = a->n - i, y = b->n - j;
    bool found = false;
    if (i < a->n && j < b->n && same_line(a, i, b, j)) {
      i++;
      j++;
      continue;
    }
    for (size_t d = 1; d <= RESYNC && !found; d++)
      for (size_t dx = 0; dx <= d && !found; dx++) {
        size_t dy = d - dx;
        if (i + dx < a->n && j + dy < b->n && same_line(a, i + dx, b, j + dy)) {
          x = dx;
          y = dy;
          found = true;
        }
      }
    TL_GROW(v, cap, *nc + 1);
    v[(*nc)++] = (change){i, i + x, j, j + y};
    i += x;
    j += y;
  }
  return v;
}

void tl_text_diff(const char *old, size_t oldlen, const char *new_text,
                  size_t newlen, FILE *out, const char *label)
{
  lines a, b;
  size_t nc, k = 0;
  change *c;

  lines_of(&a, old, oldlen);
  lines_of(&b, new_text, newlen);
  c = find_changes(&a, &b, &nc);
  if (nc > 0)
    fprintf(out, "--- %s\n+++ %s\n", label, label);
  while (k < nc) {
    /* a hunk: changes less than 2 * CONTEXT unchanged lines apart */
    size_t first = k, last = k, from_a, to_a, from_b, to_b;
    while (last + 1 < nc && c[last + 1].a0 - c[last].a1 < 2 * CONTEXT)
      last++;
    from_a = c[first].a0 >= CONTEXT ? c[first].a0 - CONTEXT : 0;
    from_b = c[first].b0 - (c[first].a0 - from_a);
    to_a = c[last].a1 + CONTEXT < a.n ? c[last].a1 + CONTEXT : a.n;
    to_b = c[last].b1 + (to_a - c[last].a1);
    fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n",
            to_a > from_a ? from_a + 1 : from_a, to_a - from_a,
            to_b > from_b ? from_b + 1 : from_b, to_b - from_b);
    put_lines(out, ' ', &a, from_a, c[first].a0);
    for (size_t m = first; m <= last; m++) {
      put_lines(out, '-', &a, c[m].a0, c[m].a1);
      put_lines(out, '+', &b, c[m].b0, c[m].b1);
      put_lines(out, ' ', &a, c[m].a1, m < last ? c[m + 1].a0 : to_a);
    }
    k = last + 1;
  }
  free(c);
  free(a.start);
  free(b.start);
}

void tl_result_diff(const tl_result *r, FILE *out, const char *label)
{
  char *text;
  size_t len, applied, skipped;

  tl_result_fix(r, &text, &len, &applied, &skipped);
  tl_text_diff(r->data, r->len, text, len, out, label);
  free(text);
}

/* Flush the folder holding @path to disk, so that a rename in it survives
 * a crash. File systems that cannot (EINVAL) are not an error. */
static int sync_dir_of(const char *path)
{
  const char *slash = strrchr(path, '/');
  char *dir = slash == NULL ? tl_xstrdup(".")
              : slash == path ? tl_xstrdup("/")
                              : tl_xstrndup(path, (size_t)(slash - path));
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), e = 0;

  free(dir);
  if (fd < 0)
    return errno;
  if (fsync(fd) != 0 && errno != EINVAL)
    e = errno;
  close(fd);
  return e;
}

/* Write all of @data to @fd. Returns 0 or an errno. */
static int write_all(int fd, const char *data, size_t len)
{
  size_t off = 0;

  while (off < len) {
    ssize_t w = write(fd, data + off, len - off);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      return errno;
    }
    off += (size_t)w;
  }
  return 0;
}

/* A temporary file beside @path holding @data, with @st's permissions
 * and, when @st is not NULL and differs from ours, its owner and group;
 * flushed to disk. Returns the open descriptor (closed on error, *@what
 * and *@e say why) and its name in *@tmp. */
static int write_temp(const char *path, const char *data, size_t len,
                      const struct stat *st, char **tmp, const char **what,
                      int *e)
{
  struct stat mine;
  int fd;

  *tmp = tl_xmalloc(strlen(path) + sizeof ".tradlint-XXXXXX");
  sprintf(*tmp, "%s.tradlint-XXXXXX", path);
  fd = mkstemp(*tmp);
  if (fd < 0) {
    *e = errno;
    *what = _("criar o arquivo temporário");
    free(*tmp);
    *tmp = NULL;
    return -1;
  }
  *what = NULL;
  if ((*e = write_all(fd, data, len)) != 0)
    *what = "escrever";
  /* the owner first: chown clears the set-id bits that chmod then sets */
  if (*what == NULL && st != NULL && fstat(fd, &mine) == 0 &&
      (mine.st_uid != st->st_uid || mine.st_gid != st->st_gid) &&
      fchown(fd, st->st_uid, st->st_gid) != 0) {
    *e = errno;
    *what = _("manter o dono e o grupo do original");
  }
  if (*what == NULL && fchmod(fd, st != NULL ? st->st_mode & 07777 : 0644) != 0) {
    *e = errno;
    *what = _("copiar as permissões");
  }
  if (*what == NULL && fsync(fd) != 0) {
    *e = errno;
    *what = _("gravar no disco (fsync)");
  }
  if (*what != NULL) {
    close(fd);
    unlink(*tmp);
    free(*tmp);
    *tmp = NULL;
    return -1;
  }
  return fd;
}

tl_status tl_write_file_atomic(const char *path, const char *data,
                               size_t len, tl_error *err)
{
  struct stat st;
  char *tmp;
  int fd, e = 0;
  const char *what = NULL;
  bool exists = stat(path, &st) == 0;

  if (!exists && errno != ENOENT)
    return tl_error_set(err, TL_EIO, _("%s: %s; nada foi alterado"), path,
                        tl_strerror(errno));
  fd = write_temp(path, data, len, exists ? &st : NULL, &tmp, &what, &e);
  if (fd >= 0 && close(fd) != 0) {
    e = errno;
    what = "fechar";
  }
  if (fd >= 0 && what == NULL && rename(tmp, path) != 0) {
    e = errno;
    what = _("substituir o original");
  }
  if (what != NULL) {
    if (tmp != NULL)
      unlink(tmp);
    free(tmp);
    return tl_error_set(err, TL_EIO,
                        _("%s: erro ao %s (%s); o original não foi alterado"),
                        path, what, tl_strerror(e));
  }
  free(tmp);
  if ((e = sync_dir_of(path)) != 0)
    return tl_error_set(err, TL_EIO,
                        _("%s: gravado, mas a pasta não pôde ser gravada no "
                        "disco (fsync: %s)"),
                        path, tl_strerror(e));
  return TL_OK;
}

static tl_status changed(const char *path, tl_error *err)
{
  return tl_error_set(err, TL_EIO,
                      _("%s: o arquivo mudou depois de lido (outro programa o "
                      "editou?); as correções não foram aplicadas e o "
                      "arquivo não foi alterado: rode --fix de novo"),
                      path);
}

/* A file with other hard links is rewritten in place, so that every name
 * sees the fix; the fixed text is first kept complete in a temporary file
 * beside it, which is removed once the original is written. */
static tl_status write_in_place(const char *path, const char *target,
                                const char *data, size_t len,
                                const tl_file_id *id, const struct stat *st,
                                tl_error *err)
{
  char *tmp;
  const char *what;
  int e, fd = write_temp(target, data, len, st, &tmp, &what, &e), out;

  if (fd < 0)
    return tl_error_set(err, TL_EIO,
                        _("%s: erro ao %s (%s); o original não foi alterado"),
                        path, what, tl_strerror(e));
  close(fd);
  if (!tl_input_unchanged(target, id)) {
    unlink(tmp);
    free(tmp);
    return changed(path, err);
  }
  out = open(target, O_WRONLY | O_CLOEXEC);
  if (out < 0) {
    e = errno;
    unlink(tmp);
    free(tmp);
    return tl_error_set(err, TL_EIO,
                        _("%s: erro ao abrir para escrita (%s); o original não "
                        "foi alterado"),
                        path, tl_strerror(e));
  }
  if ((e = write_all(out, data, len)) == 0 && ftruncate(out, (off_t)len) != 0)
    e = errno;
  if (e == 0 && fsync(out) != 0)
    e = errno;
  if (close(out) != 0 && e == 0)
    e = errno;
  if (e != 0) {
    tl_status st2 = tl_error_set(err, TL_EIO,
                                 _("%s: erro ao escrever no lugar (%s); o texto "
                                 "corrigido inteiro está em %s"),
                                 path, tl_strerror(e), tmp);
    free(tmp);
    return st2;
  }
  unlink(tmp);
  free(tmp);
  sync_dir_of(target);
  return TL_OK;
}

tl_status tl_fix_write(const tl_result *r, const char *data, size_t len,
                       tl_error *err)
{
  char *target, *tmp;
  struct stat st;
  const char *what;
  int fd, e = 0;
  tl_status rc;

  if (!r->id.valid)
    return tl_error_set(err, TL_EUSAGE,
                        _("%s: só um arquivo lido do disco pode ser corrigido "
                        "no lugar; use --fix --dry-run"),
                        r->path);
  /* through a symbolic link: the target is fixed, the link stays */
  target = realpath(r->path, NULL);
  if (target == NULL || lstat(target, &st) != 0 || !S_ISREG(st.st_mode)) {
    e = errno;
    free(target);
    return tl_error_set(err, TL_EIO, _("%s: %s; o original não foi alterado"),
                        r->path, e ? tl_strerror(e) : _("não é um arquivo comum"));
  }
  if (!tl_input_unchanged(target, &r->id)) {
    free(target);
    return changed(r->path, err);
  }
  if (st.st_nlink > 1) {
    rc = write_in_place(r->path, target, data, len, &r->id, &st, err);
    free(target);
    return rc;
  }
  fd = write_temp(target, data, len, &st, &tmp, &what, &e);
  if (fd >= 0 && close(fd) != 0) {
    e = errno;
    what = "fechar";
  }
  /* the last look before the rename: an edit made while the fixes were
   * computed and written must not be lost */
  if (fd >= 0 && what == NULL && !tl_input_unchanged(target, &r->id)) {
    unlink(tmp);
    free(tmp);
    free(target);
    return changed(r->path, err);
  }
  if (fd >= 0 && what == NULL && rename(tmp, target) != 0) {
    e = errno;
    what = _("substituir o original");
  }
  if (what != NULL) {
    if (tmp != NULL)
      unlink(tmp);
    free(tmp);
    free(target);
    return tl_error_set(err, TL_EIO,
                        _("%s: erro ao %s (%s); o original não foi alterado"),
                        r->path, what, tl_strerror(e));
  }
  free(tmp);
  e = sync_dir_of(target);
  free(target);
  if (e != 0)
    return tl_error_set(err, TL_EIO,
                        _("%s: corrigido, mas a pasta não pôde ser gravada no "
                        "disco (fsync: %s)"),
                        r->path, tl_strerror(e));
  return TL_OK;
}
