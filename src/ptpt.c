/* The pt-PT -> pt-BR word list: loaded once into a hash map (form -> entry
 * index), looked up per word in lower case. */
#include "ptpt.h"
#include "msg.h"

#include "buf.h"
#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tl_ptpt {
  tl_ptpt_entry *v;
  size_t n, cap;
  tl_map index; /* European form -> entry index */
  tl_arena strs;
};

void tl_ptpt_free(tl_ptpt *p)
{
  if (p == NULL)
    return;
  tl_map_fini(&p->index);
  tl_arena_fini(&p->strs);
  free(p->v);
  free(p);
}

size_t tl_ptpt_size(const tl_ptpt *p)
{
  return p ? p->n : 0;
}

/* Split @line at tabs into at most 4 fields; the count found. */
static size_t fields(char *line, char **f)
{
  size_t k = 0;
  char *s = line;

  for (;;) {
    char *tab = strchr(s, '\t');
    if (k < 4)
      f[k] = s;
    k++;
    if (tab == NULL)
      break;
    *tab = '\0';
    s = tab + 1;
  }
  return k;
}

static tl_status add_line(tl_ptpt *p, char *line, const char *path,
                          unsigned lineno, tl_error *err)
{
  char *f[4];
  size_t k = fields(line, f);
  tl_ptpt_when when;
  tl_buf low;
  bool created;
  tl_map_slot *s;

  if (k != 4 || f[0][0] == '\0' || f[1][0] == '\0' || f[2][0] == '\0')
    return tl_error_set(err, TL_EDICT,
                        _("%s:%u: esperadas 4 colunas separadas por TAB "
                        "(pt-PT, pt-BR, regra, quando)"),
                        path, lineno);
  if (strcmp(f[3], "always") == 0)
    when = TL_PTPT_ALWAYS;
  else if (strcmp(f[3], "noun") == 0)
    when = TL_PTPT_NOUN;
  else
    return tl_error_set(err, TL_EDICT,
                        _("%s:%u: coluna 'quando' inválida '%s' (use always ou "
                        "noun)"),
                        path, lineno, f[3]);
  tl_buf_init(&low);
  tl_utf8_lower(f[0], strlen(f[0]), &low);
  s = tl_map_put(&p->index, low.p, low.len, (uint32_t)p->n, &created);
  tl_buf_fini(&low);
  if (!created)
    return tl_error_set(err, TL_EDICT, _("%s:%u: forma '%s' repetida"), path,
                        lineno, f[0]);
  (void)s;
  TL_GROW(p->v, p->cap, p->n + 1);
  p->v[p->n++] = (tl_ptpt_entry){
      tl_arena_strndup(&p->strs, f[0], strlen(f[0])),
      tl_arena_strndup(&p->strs, f[1], strlen(f[1])),
      tl_arena_strndup(&p->strs, f[2], strlen(f[2])), when};
  return TL_OK;
}

tl_status tl_ptpt_open(tl_ptpt **out, const char *path, tl_error *err)
{
  tl_ptpt *p;
  FILE *fp;
  char *line = NULL;
  size_t cap = 0;
  ssize_t got;
  unsigned lineno = 0;
  tl_status st = TL_OK;

  *out = NULL;
  fp = fopen(path, "rb");
  if (fp == NULL)
    return tl_error_set(err, TL_EDICT, _("%s: lista pt-PT não encontrada: %s"),
                        path, tl_strerror(errno));
  p = tl_xcalloc(1, sizeof *p);
  tl_map_init(&p->index);
  tl_arena_init(&p->strs);
  while (st == TL_OK && (got = getline(&line, &cap, fp)) >= 0) {
    size_t n = (size_t)got;
    lineno++;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      line[--n] = '\0';
    if (n == 0 || line[0] == '#')
      continue;
    if (memchr(line, '\0', n) != NULL)
      st = tl_error_set(err, TL_EDICT, _("%s:%u: byte NUL"), path, lineno);
    else if (tl_utf8_validate(line, n) < n)
      st = tl_error_set(err, TL_EDICT, _("%s:%u: UTF-8 inválido"), path, lineno);
    else
      st = add_line(p, line, path, lineno, err);
  }
  if (st == TL_OK && ferror(fp))
    st = tl_error_set(err, TL_EIO, _("%s: erro de leitura"), path);
  free(line);
  fclose(fp);
  if (st != TL_OK) {
    tl_ptpt_free(p);
    return st;
  }
  *out = p;
  return TL_OK;
}

const tl_ptpt_entry *tl_ptpt_lookup(const tl_ptpt *p, const char *w, size_t n)
{
  tl_buf low;
  tl_map_slot *s;

  if (p == NULL || w == NULL || n == 0)
    return NULL;
  tl_buf_init(&low);
  tl_utf8_lower(w, n, &low);
  s = tl_map_find(&p->index, low.p, low.len);
  tl_buf_fini(&low);
  return s ? &p->v[s->value] : NULL;
}

const tl_ptpt_entry *tl_ptpt_lookup_lower(const tl_ptpt *p, const char *low,
                                         size_t n)
{
  tl_map_slot *s;

  if (p == NULL || low == NULL || n == 0)
    return NULL;
  s = tl_map_find(&p->index, low, n);
  return s ? &p->v[s->value] : NULL;
}
