/* Pairs by naming convention: the English source of a translation beside
 * it (artigo.en.md beside artigo.md or artigo.pt-BR.md) or in a parallel
 * tree (en/ beside pt-BR/, same relative path); and the other way round,
 * whether a file is such a source, so that a folder walk does not check it
 * as Portuguese. */
#include "buf.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const char *src_lang(const tl_pair_rules *r)
{
  return r != NULL && r->source_lang != NULL && r->source_lang[0] != '\0'
             ? r->source_lang
             : "en";
}

static const char *tgt_lang(const tl_pair_rules *r)
{
  return r != NULL && r->target_lang != NULL && r->target_lang[0] != '\0'
             ? r->target_lang
             : "pt-BR";
}

static bool is_file(const char *path)
{
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The extension of @path's base name (".md"), or its end. */
static const char *extension(const char *path)
{
  const char *base = strrchr(path, '/'), *dot;

  base = base ? base + 1 : path;
  dot = strrchr(base, '.');
  return dot && dot > base ? dot : path + strlen(path);
}

/* @path with its base name's ".LANG" before the extension removed, when it
 * has it: "a.pt-BR.md" gives "a.md"; NULL otherwise. */
static char *strip_lang(const char *path, const char *lang)
{
  const char *ext = extension(path);
  size_t n = strlen(lang);
  tl_buf b;
  char *r;

  if ((size_t)(ext - path) <= n + 1 || ext[-(long)n - 1] != '.' ||
      strncasecmp(ext - n, lang, n) != 0)
    return NULL;
  tl_buf_init(&b);
  tl_buf_add(&b, path, (size_t)(ext - path) - n - 1);
  tl_buf_adds(&b, ext);
  r = tl_xstrndup(b.p, b.len);
  tl_buf_fini(&b);
  return r;
}

/* @path with ".LANG" put before the extension. */
static char *add_lang(const char *path, const char *lang)
{
  const char *ext = extension(path);
  tl_buf b;
  char *r;

  tl_buf_init(&b);
  tl_buf_add(&b, path, (size_t)(ext - path));
  tl_buf_printf(&b, ".%s%s", lang, ext);
  r = tl_xstrndup(b.p, b.len);
  tl_buf_fini(&b);
  return r;
}

/* @path with its last folder named @from (any case) replaced by @to, or
 * NULL when it has none. */
static char *swap_tree(const char *path, const char *from, const char *to)
{
  size_t n = strlen(from);
  const char *hit = NULL;
  tl_buf b;
  char *r;

  for (const char *p = path; *p; p++) {
    bool start = p == path || p[-1] == '/';
    if (start && strncasecmp(p, from, n) == 0 && p[n] == '/')
      hit = p;
  }
  if (hit == NULL)
    return NULL;
  tl_buf_init(&b);
  tl_buf_add(&b, path, (size_t)(hit - path));
  tl_buf_adds(&b, to);
  tl_buf_adds(&b, hit + n);
  r = tl_xstrndup(b.p, b.len);
  tl_buf_fini(&b);
  return r;
}

char *tl_pair_find_source(const char *target, const tl_pair_rules *rules)
{
  const char *sl = src_lang(rules), *tl = tgt_lang(rules);
  char *bare, *cand;

  /* artigo.pt-BR.md or artigo.md: artigo.en.md beside it */
  bare = strip_lang(target, tl);
  cand = add_lang(bare ? bare : target, sl);
  free(bare);
  if (is_file(cand) && strcmp(cand, target) != 0)
    return cand;
  free(cand);
  /* pt-BR/x/artigo.md: en/x/artigo.md */
  cand = swap_tree(target, tl, sl);
  if (cand != NULL && is_file(cand))
    return cand;
  free(cand);
  return NULL;
}

bool tl_pair_is_source(const char *path, const tl_pair_rules *rules)
{
  const char *sl = src_lang(rules), *tl = tgt_lang(rules);
  char *bare = strip_lang(path, sl), *cand;
  bool found = false;

  if (bare != NULL) { /* artigo.en.md beside artigo.md or artigo.pt-BR.md */
    char *with = add_lang(bare, tl);
    found = is_file(bare) || is_file(with);
    free(with);
    free(bare);
    if (found)
      return true;
  }
  cand = swap_tree(path, sl, tl); /* en/x/a.md beside pt-BR/x/a.md */
  found = cand != NULL && is_file(cand);
  free(cand);
  return found;
}
