#include "proper.h"

#include "input.h"
#include "map.h"

#include <pthread.h>
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

/* An entry "Grant/M": an upper-case ASCII letter then a lower-case one.
 * The file is read whole and scanned in place: most of its lines (79,000
 * in en_US) are skipped after a look at their first two bytes. */
static void load(tl_proper *p)
{
  char *data;
  size_t len;

  if (tl_input_read(p->path, 0, &data, &len, NULL, NULL) != TL_OK)
    return;
  for (const char *s = data, *e = data + len; s < e;) {
    const char *nl = memchr(s, '\n', (size_t)(e - s));
    const char *end = nl != NULL ? nl : e;
    if (end - s >= 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' &&
        s[1] <= 'z') {
      const char *w = s + 2;
      while (w < end && *w != '/' && *w != '\t' && *w != '\r')
        w++;
      tl_map_put(&p->names, s, (size_t)(w - s), 1, NULL);
    }
    s = end + 1;
  }
  free(data);
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
