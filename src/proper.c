#include "proper.h"

#include "cachefile.h"
#include "map.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* The first lookups search the file's text (a warm check asks about one
 * or two names); from the SCANS+1-th on, the names are indexed. The text
 * is mapped, not read into fresh memory (860 KB, 210 pages a warm check
 * no longer faults in one by one): Debian replaces a dictionary by a
 * rename, never rewrites it in place. */
#define SCANS 4

struct tl_proper {
  pthread_mutex_t lock;
  char *path;
  bool loaded;  /* @data read (or found unreadable) */
  bool indexed; /* @names built, @text freed */
  unsigned scans;
  tl_cache_image *text;
  const char *data;
  size_t len;
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
  tl_cache_image_free(p->text);
  free(p->path);
  free(p);
}

static bool capitalised(const char *s, size_t n)
{
  return n >= 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z';
}

static bool word_end(const char *s, const char *e)
{
  return s == e || *s == '/' || *s == '\t' || *s == '\r' || *s == '\n';
}

/* An entry "Grant/M": an upper-case ASCII letter then a lower-case one.
 * Most of the file's lines (79,000 in en_US) are skipped after a look at
 * their first two bytes. */
static void index_names(tl_proper *p)
{
  for (const char *s = p->data, *e = p->data + p->len; s < e;) {
    const char *nl = memchr(s, '\n', (size_t)(e - s));
    const char *end = nl != NULL ? nl : e;
    if (capitalised(s, (size_t)(end - s))) {
      const char *w = s + 2;
      while (!word_end(w, end))
        w++;
      tl_map_put(&p->names, s, (size_t)(w - s), 1, NULL);
    }
    s = end + 1;
  }
  tl_cache_image_free(p->text);
  p->text = NULL;
  p->data = NULL;
  p->indexed = true;
}

/* Whether w[0..n) begins a line of the file and ends where the entry's
 * word does: a search of the text, no index. */
static bool scan(const tl_proper *p, const char *w, size_t n)
{
  const char *s = p->data, *e = p->data + p->len, *hit;

  while (s < e && (hit = memchr(s, w[0], (size_t)(e - s))) != NULL) {
    if ((hit == p->data || hit[-1] == '\n') && (size_t)(e - hit) >= n &&
        memcmp(hit, w, n) == 0 && word_end(hit + n, e))
      return true;
    s = hit + 1;
  }
  return false;
}

bool tl_proper_has(tl_proper *p, const char *w, size_t n)
{
  bool has;

  if (p == NULL || !capitalised(w, n))
    return false;
  pthread_mutex_lock(&p->lock);
  if (!p->loaded) {
    bool missing;
    p->text = tl_cache_image_open(p->path, &missing);
    if (p->text == NULL) {
      p->indexed = true; /* an unreadable dictionary knows no names */
    } else {
      p->data = (const char *)p->text->p;
      p->len = p->text->len;
    }
    p->loaded = true;
  }
  if (!p->indexed && p->scans < SCANS) {
    p->scans++;
    has = scan(p, w, n);
  } else {
    if (!p->indexed)
      index_names(p);
    has = tl_map_find(&p->names, w, n) != NULL;
  }
  pthread_mutex_unlock(&p->lock);
  return has;
}
