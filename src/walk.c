/* Finding the articles under the paths given on the command line. */
#include "walk.h"
#include "msg.h"

#include <dirent.h>
#include <limits.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool is_article_name(const char *name)
{
  static const char *const exts[] = {".md", ".markdown", ".txt", NULL};
  size_t n = strlen(name);

  for (size_t i = 0; exts[i] != NULL; i++) {
    size_t e = strlen(exts[i]);
    if (n > e && strcmp(name + n - e, exts[i]) == 0)
      return true;
  }
  return false;
}

static int cmp_str(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A walk of the folders under one path: files collected in order, and
 * every folder or entry that cannot be read reported to on_error without
 * stopping the walk of the rest of the tree. */
typedef struct walker {
  tl_strv *list;
  tl_walk_error_fn on_error;
  void *ud;
  tl_status first; /* the status of the first error, or TL_OK */
} walker;

static void walk_error(walker *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void walk_error(walker *w, const char *fmt, ...)
{
  tl_error err;
  va_list ap;
  char msg[sizeof err.msg];

  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  tl_error_set(&err, TL_EIO, "%s", msg);
  if (w->first == TL_OK)
    w->first = TL_EIO;
  if (w->on_error != NULL)
    w->on_error(w->ud, &err);
}

/* @path for a one-line message: a path of thousands of bytes (longer than
 * PATH_MAX) keeps its start and its end, so that the reason still fits. */
static const char *brief(const char *path, char *out, size_t n)
{
  size_t len = strlen(path);

  if (len < 240)
    return path;
  snprintf(out, n, "%.80s[... %zu bytes ...]%s", path, len - 200,
           path + len - 120);
  return out;
}

/* strerror, but in Portuguese for what a walk meets most. */
static const char *why(int e)
{
  switch (e) {
  case EACCES:
    return _("permissão negada");
  case ENAMETOOLONG:
    return _("caminho longo demais para o sistema (PATH_MAX)");
  case ELOOP:
    return _("ligações simbólicas em laço");
  default:
    return tl_strerror(e);
  }
}

static void walk_dir(walker *w, const char *dir, unsigned depth)
{
  DIR *d;
  struct dirent *e;
  char **names = NULL, b[320];
  size_t nn = 0, cap = 0;

  if (depth > TL_WALK_MAX_DEPTH) {
    walk_error(w,
               P_("%s: pastas aninhadas demais (mais de %d nível); esta "
                  "pasta não foi verificada",
                  "%s: pastas aninhadas demais (mais de %d níveis); esta "
                  "pasta não foi verificada",
                  TL_WALK_MAX_DEPTH),
               brief(dir, b, sizeof b), TL_WALK_MAX_DEPTH);
    return;
  }
  d = opendir(dir);
  if (d == NULL) {
    walk_error(w, _("%s: não foi possível abrir a pasta: %s"),
               brief(dir, b, sizeof b), why(errno));
    return;
  }
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') /* hidden entries, "." and ".." */
      continue;
    TL_GROW(names, cap, nn + 1);
    names[nn++] = tl_xstrdup(e->d_name);
  }
  closedir(d);
  if (nn > 1)
    qsort(names, nn, sizeof *names, cmp_str);
  for (size_t i = 0; i < nn; i++) {
    tl_buf p;
    struct stat lst, st2;
    tl_buf_init(&p);
    tl_buf_printf(&p, "%s%s%s", dir,
                  dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
    if (lstat(p.p, &lst) != 0) {
      if (errno != ENOENT) /* gone meanwhile: nothing to check */
        walk_error(w, "%s: %s", brief(p.p, b, sizeof b), why(errno));
    } else if (S_ISDIR(lst.st_mode)) {
      walk_dir(w, p.p, depth + 1);
    } else if (is_article_name(names[i]) &&
               (S_ISREG(lst.st_mode) ||
                (S_ISLNK(lst.st_mode) && stat(p.p, &st2) == 0 &&
                 S_ISREG(st2.st_mode)))) {
      tl_strv_push_take(w->list, p.p);
      p.p = NULL;
    }
    tl_buf_fini(&p);
    free(names[i]);
  }
  free(names);
}

tl_status tl_paths_walk(const char *path, tl_strv *list,
                        tl_walk_error_fn on_error, void *ud)
{
  walker w = {list, on_error, ud, TL_OK};
  struct stat st;

  if (strcmp(path, "-") == 0) {
    tl_strv_push(list, path);
    return TL_OK;
  }
  if (stat(path, &st) != 0) {
    walk_error(&w, "%s: %s", path,
               errno == ENOENT ? _("arquivo ou pasta não encontrado")
                               : why(errno));
    return w.first;
  }
  if (S_ISDIR(st.st_mode))
    walk_dir(&w, path, 0);
  else
    tl_strv_push(list, path);
  return w.first;
}

static void keep_first(void *ud, const tl_error *e)
{
  tl_error *err = ud;
  if (err != NULL && err->status == TL_OK)
    *err = *e;
}

tl_status tl_paths_collect(const char *path, tl_strv *list, tl_error *err)
{
  if (err != NULL)
    err->status = TL_OK;
  return tl_paths_walk(path, list, keep_first, err);
}

char *tl_path_relative(const char *root, const char *path)
{
  char rp[PATH_MAX], fp[PATH_MAX];
  size_t n;

  if (root == NULL || realpath(root, rp) == NULL ||
      realpath(path, fp) == NULL)
    return tl_xstrdup(path);
  n = strlen(rp);
  if (strncmp(fp, rp, n) == 0 && fp[n] == '/')
    return tl_xstrdup(fp + n + 1);
  if (strcmp(rp, "/") == 0)
    return tl_xstrdup(fp + 1);
  return tl_xstrdup(fp);
}

char **tl_dir_files(const char *dir, const char *ext, size_t *n)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  char **names = NULL;
  size_t cap = 0, el = strlen(ext);

  *n = 0;
  if (d == NULL)
    return NULL;
  while ((e = readdir(d)) != NULL) {
    size_t len = strlen(e->d_name);
    tl_buf p;
    if (e->d_name[0] == '.' || len <= el ||
        strcmp(e->d_name + len - el, ext) != 0)
      continue;
    tl_buf_init(&p);
    tl_buf_printf(&p, "%s/%s", dir, e->d_name);
    TL_GROW(names, cap, *n + 1);
    names[(*n)++] = p.p;
  }
  closedir(d);
  if (*n > 1)
    qsort(names, *n, sizeof *names, cmp_str);
  if (names == NULL)
    names = tl_xcalloc(1, sizeof *names); /* empty, but readable */
  return names;
}
