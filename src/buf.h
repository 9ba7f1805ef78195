/* Memory helpers, growable byte buffers, a string arena, error filling. */
#ifndef TL_BUF_H
#define TL_BUF_H

#include "tradlint.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Allocation never fails for the caller: on exhaustion the process aborts
 * with a message (as cmark and jq do), or exits with status 2 after
 * tl_exit_on_oom (the command line). */
void tl_oom(size_t n) __attribute__((noreturn));
void tl_oom_set_exit(bool on);
/* A C++ library (Hunspell) was just opened (dlopen handle @handle): give
 * its operator new the new-handler of tl_exit_on_oom, when that was
 * called. */
void tl_oom_cxx_loaded(void *handle);
void *tl_xmalloc(size_t n);
void *tl_xcalloc(size_t n, size_t size);
void *tl_xrealloc(void *p, size_t n);
char *tl_xstrdup(const char *s);
char *tl_xstrndup(const char *s, size_t n);

/* Grow *p (an array of *cap elements of @size bytes) to hold at least @need. */
void tl_grow(void **p, size_t *cap, size_t need, size_t size);
#define TL_GROW(arr, cap, need) \
  tl_grow((void **)&(arr), &(cap), (need), sizeof *(arr))

/* A span: a view into bytes that someone else owns; not NUL-terminated. */
typedef struct tl_span {
  const char *p;
  size_t len;
} tl_span;

/* Growable byte buffer, always NUL-terminated when len > 0 or after _cstr. */
typedef struct tl_buf {
  char *p;
  size_t len, cap;
} tl_buf;

void tl_buf_init(tl_buf *b);
void tl_buf_fini(tl_buf *b);
void tl_buf_clear(tl_buf *b);
/* Appending: inline while the room suffices, else through the growing
 * path (tl_buf_add_grow). */
void tl_buf_add_grow(tl_buf *b, const void *p, size_t n);
static inline void tl_buf_add(tl_buf *b, const void *p, size_t n)
{
  if (b->len + n < b->cap) {
    if (n > 0)
      memcpy(b->p + b->len, p, n);
    b->len += n;
    b->p[b->len] = '\0';
  } else {
    tl_buf_add_grow(b, p, n);
  }
}
static inline void tl_buf_addc(tl_buf *b, char c)
{
  if (b->len + 1 < b->cap) {
    b->p[b->len++] = c;
    b->p[b->len] = '\0';
  } else {
    tl_buf_add_grow(b, &c, 1);
  }
}
void tl_buf_adds(tl_buf *b, const char *s);
/* Appends s[0..n) escaped for HTML text and attributes (& < > " '); drops
   CR, so that CRLF shows as one line end. */
void tl_buf_add_html(tl_buf *b, const char *s, size_t n);
void tl_buf_printf(tl_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
const char *tl_buf_cstr(tl_buf *b);

/* Arena: many small strings freed at once. */
typedef struct tl_arena_block tl_arena_block;
typedef struct tl_arena {
  tl_arena_block *head;
} tl_arena;

void tl_arena_init(tl_arena *a);
void tl_arena_fini(tl_arena *a);
void *tl_arena_alloc(tl_arena *a, size_t n);
char *tl_arena_strndup(tl_arena *a, const char *s, size_t n);
char *tl_arena_printf(tl_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Fill @err (may be NULL) and return @st. The message is made safe for a
 * terminal (name.h): a file name quoted in it cannot send escape
 * sequences or invalid UTF-8 to whoever prints it. (error.c) */
tl_status tl_error_set(tl_error *err, tl_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The same, the message prefixed with "PATH:LINE:COL: " (no column when
 * @col is 0): where in which file the user must look. */
tl_status tl_error_setv_at(tl_error *err, tl_status st, const char *path,
                           unsigned long line, unsigned col, const char *fmt,
                           va_list ap) __attribute__((format(printf, 6, 0)));

/* Just past the first @needle in [p, e), or @e when there is none (the
 * end of a comment, a CDATA section, a math span). */
const char *tl_mem_after(const char *p, const char *e, const char *needle);

/* FNV-1a 64-bit hash. */
uint64_t tl_hash(const void *p, size_t n);
/* The hash of what tl_hash(@h's bytes) covered followed by p[0..n):
 * tl_hash(ab) == tl_hash_more(tl_hash(a), b). */
uint64_t tl_hash_more(uint64_t h, const void *p, size_t n);

#endif
