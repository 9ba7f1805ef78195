#include "proper.h"

#include "map.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tl_proper {
  pthread_mutex_t lock;
  char *path;
  bool loaded;
  tl_map names;
};

tl_proper *tl_proper_new(const char *dir, const char *lang)
{
  tl_proper *p = tl_xcalloc(1, sizeof *p);
  tl_buf b;

  pthread_mutex_init(&p->lock, NULL);
  tl_buf_init(&b);
  tl_buf_printf(&b, "%s/%s.dic", dir, lang);
  p->path = tl_xstrdup(tl_buf_cstr(&b));
  tl_buf_fini(&b);
  tl_map_init(&p->names);
  return p;
}

void tl_proper_free(tl_proper *p)
{
  if (p == NULL)
    return;
  pthread_mutex_destroy(&p->lock);
  tl_map_fini(&p->names);
  free(p->path);
  free(p);
}

/* An entry "Grant/M": an upper-case ASCII letter then a lower-case one. */
static void load(tl_proper *p)
{
  FILE *fp = fopen(p->path, "rb");
  char line[256];

  if (fp == NULL)
    return;
  while (fgets(line, sizeof line, fp) != NULL) {
    size_t n = strcspn(line, "/\t\r\n");
    if (n >= 2 && line[0] >= 'A' && line[0] <= 'Z' && line[1] >= 'a' &&
        line[1] <= 'z')
      tl_map_put(&p->names, line, n, 1, NULL);
  }
  fclose(fp);
}

bool tl_proper_has(tl_proper *p, const char *w, size_t n)
{
  bool has;

  if (p == NULL || n < 2)
    return false;
  pthread_mutex_lock(&p->lock);
  if (!p->loaded) {
    load(p);
    p->loaded = true;
  }
  has = tl_map_find(&p->names, w, n) != NULL;
  pthread_mutex_unlock(&p->lock);
  return has;
}
