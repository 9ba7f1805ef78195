#include "renderings.h"

#include "msg.h"
#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tl_renderings_init(tl_renderings *r)
{
  memset(r, 0, sizeof *r);
  tl_map_init(&r->map);
  tl_arena_init(&r->strs);
}

void tl_renderings_fini(tl_renderings *r)
{
  tl_map_fini(&r->map);
  tl_arena_fini(&r->strs);
  free(r->v);
  memset(r, 0, sizeof *r);
}

static size_t trim_end(const char *p, size_t n)
{
  while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == '\r' || p[n - 1] == ' '))
    n--;
  return n;
}

tl_status tl_renderings_load(tl_renderings *r, const char *path,
                             tl_error *err)
{
  FILE *fp = fopen(path, "rb");
  char line[1024];
  unsigned lineno = 0;
  tl_status st = TL_OK;
  tl_buf key;

  if (fp == NULL)
    return tl_error_set(err, TL_EDICT, "%s: %s", path, strerror(errno));
  tl_buf_init(&key);
  while (st == TL_OK && fgets(line, sizeof line, fp) != NULL) {
    size_t n = trim_end(line, strlen(line));
    const char *tab = memchr(line, '\t', n);
    lineno++;
    if (n == 0 || line[0] == '#')
      continue;
    if (tab == NULL || tab == line || (size_t)(tab - line) + 1 >= n ||
        memchr(tab + 1, '\t', n - (size_t)(tab - line) - 1) != NULL ||
        tl_utf8_validate(line, n) != n) {
      st = tl_error_set(err, TL_EDICT,
                        _("%s:%u: linha inválida: escreva a palavra inglesa, "
                        "uma tabulação e a forma portuguesa"),
                        path, lineno);
      break;
    }
    tl_buf_clear(&key);
    tl_utf8_fold(line, (size_t)(tab - line), &key);
    TL_GROW(r->v, r->cap, r->n + 1);
    {
      tl_buf pt;
      tl_buf_init(&pt);
      tl_utf8_nfc(tab + 1, n - (size_t)(tab - line) - 1, &pt);
      r->v[r->n] = tl_arena_strndup(&r->strs, pt.p, pt.len);
      tl_buf_fini(&pt);
    }
    tl_map_put(&r->map, key.p, key.len, (uint32_t)r->n + 1, NULL)->value =
        (uint32_t)r->n + 1;
    r->n++;
  }
  if (st == TL_OK && ferror(fp))
    st = tl_error_set(err, TL_EIO, _("%s: erro de leitura"), path);
  tl_buf_fini(&key);
  fclose(fp);
  return st;
}

const char *tl_renderings_find(const tl_renderings *r, const char *folded,
                               size_t n)
{
  tl_map_slot *s = r != NULL ? tl_map_find(&r->map, folded, n) : NULL;
  return s != NULL ? r->v[s->value - 1] : NULL;
}
