/* Finding the articles under the paths given on the command line. */
#include "walk.h"

#include <dirent.h>
#include <limits.h>
#include <errno.h>
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

static tl_status walk_dir(const char *dir, unsigned depth, tl_strv *list,
                          tl_error *err)
{
  DIR *d;
  struct dirent *e;
  char **names = NULL;
  size_t nn = 0, cap = 0;
  tl_status st = TL_OK;

  if (depth > 64)
    return tl_error_set(err, TL_EIO, "%s: pastas aninhadas demais", dir);
  d = opendir(dir);
  if (d == NULL)
    return tl_error_set(err, TL_EIO, "%s: não foi possível abrir a pasta: %s",
                        dir, strerror(errno));
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') /* hidden entries, "." and ".." */
      continue;
    TL_GROW(names, cap, nn + 1);
    names[nn++] = tl_xstrdup(e->d_name);
  }
  closedir(d);
  qsort(names, nn, sizeof *names, cmp_str);
  for (size_t i = 0; i < nn; i++) {
    tl_buf p;
    struct stat lst, st2;
    tl_buf_init(&p);
    tl_buf_printf(&p, "%s%s%s", dir,
                  dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
    if (st == TL_OK && lstat(p.p, &lst) == 0) {
      if (S_ISDIR(lst.st_mode)) {
        st = walk_dir(p.p, depth + 1, list, err);
      } else if (is_article_name(names[i]) &&
                 (S_ISREG(lst.st_mode) ||
                  (S_ISLNK(lst.st_mode) && stat(p.p, &st2) == 0 &&
                   S_ISREG(st2.st_mode)))) {
        tl_strv_push_take(list, p.p);
        p.p = NULL;
      }
    }
    tl_buf_fini(&p);
    free(names[i]);
  }
  free(names);
  return st;
}

tl_status tl_paths_collect(const char *path, tl_strv *list, tl_error *err)
{
  struct stat st;

  if (strcmp(path, "-") == 0) {
    tl_strv_push(list, path);
    return TL_OK;
  }
  if (stat(path, &st) != 0)
    return tl_error_set(err, TL_EIO, "%s: %s", path,
                        errno == ENOENT ? "arquivo ou pasta não encontrado"
                                        : strerror(errno));
  if (S_ISDIR(st.st_mode))
    return walk_dir(path, 0, list, err);
  tl_strv_push(list, path);
  return TL_OK;
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
