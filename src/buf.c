#include "buf.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool oom_exit; /* tl_exit_on_oom: exit 2 rather than abort */

void tl_oom_set_exit(bool on)
{
  oom_exit = on;
}

void tl_oom(size_t n)
{
  const char *msg = _("tradlint: memória esgotada; libere memória ou "
                      "verifique arquivos menores\n");
  /* no stdio: it may need the memory that is missing */
  if (n > 0) {
    char num[64];
    int k = snprintf(num, sizeof num,
                     P_("tradlint: memória esgotada ao pedir %zu byte\n",
                        "tradlint: memória esgotada ao pedir %zu bytes\n", n),
                     n);
    if (k > 0 && write(STDERR_FILENO, num, (size_t)k) < 0)
      abort();
  } else if (write(STDERR_FILENO, msg, strlen(msg)) < 0) {
    abort();
  }
  if (oom_exit)
    _exit(2);
  abort();
}

static void oom(size_t n)
{
  tl_oom(n);
}

void *tl_xmalloc(size_t n)
{
  void *p = malloc(n ? n : 1);
  if (p == NULL)
    oom(n);
  return p;
}

void *tl_xcalloc(size_t n, size_t size)
{
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (p == NULL)
    oom(n * size);
  return p;
}

void *tl_xrealloc(void *p, size_t n)
{
  void *q = realloc(p, n ? n : 1);
  if (q == NULL)
    oom(n);
  return q;
}

char *tl_xstrndup(const char *s, size_t n)
{
  char *d = tl_xmalloc(n + 1);
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *tl_xstrdup(const char *s)
{
  return tl_xstrndup(s, strlen(s));
}

void tl_grow(void **p, size_t *cap, size_t need, size_t size)
{
  size_t c = *cap;

  if (need <= c)
    return;
  if (c < 8)
    c = 8;
  while (c < need) {
    if (c > SIZE_MAX / 2 / size)
      oom(SIZE_MAX);
    c *= 2;
  }
  *p = tl_xrealloc(*p, c * size);
  *cap = c;
}

void tl_buf_init(tl_buf *b)
{
  b->p = NULL;
  b->len = b->cap = 0;
}

void tl_buf_fini(tl_buf *b)
{
  free(b->p);
  tl_buf_init(b);
}

void tl_buf_clear(tl_buf *b)
{
  b->len = 0;
  if (b->p != NULL)
    b->p[0] = '\0';
}

void tl_buf_add_grow(tl_buf *b, const void *p, size_t n)
{
  TL_GROW(b->p, b->cap, b->len + n + 1);
  if (n > 0)
    memcpy(b->p + b->len, p, n);
  b->len += n;
  b->p[b->len] = '\0';
}

void tl_buf_adds(tl_buf *b, const char *s)
{
  tl_buf_add(b, s, strlen(s));
}

void tl_buf_add_html(tl_buf *b, const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    switch (s[i]) {
    case '&':
      tl_buf_adds(b, "&amp;");
      break;
    case '<':
      tl_buf_adds(b, "&lt;");
      break;
    case '>':
      tl_buf_adds(b, "&gt;");
      break;
    case '"':
      tl_buf_adds(b, "&quot;");
      break;
    case '\'':
      tl_buf_adds(b, "&#39;");
      break;
    case '\r':
      break; /* CRLF shows as one line end */
    default:
      tl_buf_addc(b, s[i]);
    }
  }
}

void tl_buf_printf(tl_buf *b, const char *fmt, ...)
{
  va_list ap;
  int n;

  /* one pass into the spare room when it is enough, else a second one */
  TL_GROW(b->p, b->cap, b->len + 128);
  va_start(ap, fmt);
  n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
  va_end(ap);
  if (n < 0) {
    b->p[b->len] = '\0';
    return;
  }
  if ((size_t)n >= b->cap - b->len) {
    TL_GROW(b->p, b->cap, b->len + (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  b->len += (size_t)n;
}

const char *tl_buf_cstr(tl_buf *b)
{
  if (b->p == NULL)
    tl_buf_add(b, "", 0);
  return b->p;
}

struct tl_arena_block {
  tl_arena_block *next;
  size_t used, cap;
  _Alignas(16) unsigned char data[];
};

void tl_arena_init(tl_arena *a)
{
  a->head = NULL;
}

void tl_arena_fini(tl_arena *a)
{
  tl_arena_block *b = a->head;

  while (b != NULL) {
    tl_arena_block *next = b->next;
    free(b);
    b = next;
  }
  a->head = NULL;
}

void *tl_arena_alloc(tl_arena *a, size_t n)
{
  tl_arena_block *b = a->head;

  n = (n + 15) & ~(size_t)15;
  if (b == NULL || b->cap - b->used < n) {
    size_t cap = n > 16384 ? n : 16384;
    b = tl_xmalloc(sizeof *b + cap);
    b->used = 0;
    b->cap = cap;
    b->next = a->head;
    a->head = b;
  }
  b->used += n;
  return b->data + b->used - n;
}

char *tl_arena_strndup(tl_arena *a, const char *s, size_t n)
{
  char *d = tl_arena_alloc(a, n + 1);
  if (n > 0)
    memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *tl_arena_printf(tl_arena *a, const char *fmt, ...)
{
  va_list ap;
  int n;
  char *d;

  va_start(ap, fmt);
  n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    n = 0;
  d = tl_arena_alloc(a, (size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(d, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return d;
}

uint64_t tl_hash_more(uint64_t h, const void *p, size_t n)
{
  const unsigned char *s = p;

  for (size_t i = 0; i < n; i++) {
    h ^= s[i];
    h *= 1099511628211ULL;
  }
  return h;
}

const char *tl_mem_after(const char *p, const char *e, const char *needle)
{
  size_t n = strlen(needle);

  for (; p + n <= e; p++)
    if (memcmp(p, needle, n) == 0)
      return p + n;
  return e;
}

uint64_t tl_hash(const void *p, size_t n)
{
  return tl_hash_more(1469598103934665603ULL, p, n);
}
