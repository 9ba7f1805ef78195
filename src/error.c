/* Errors: the one place messages for users are formatted. */
#include "buf.h"

#include "name.h"

#include <stdio.h>
#include <string.h>

/* Make @err's message safe for a terminal and return @st. */
static tl_status finish(tl_error *err, tl_status st)
{
  size_t n = strlen(err->msg);

  if (!tl_name_is_safe(err->msg, n, true)) {
    tl_buf b;
    tl_buf_init(&b);
    tl_name_add_text(&b, err->msg, n);
    snprintf(err->msg, sizeof err->msg, "%.*s", (int)b.len, b.p);
    tl_buf_fini(&b);
  }
  err->status = st;
  return st;
}

tl_status tl_error_set(tl_error *err, tl_status st, const char *fmt, ...)
{
  va_list ap;

  if (err == NULL)
    return st;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  return finish(err, st);
}

tl_status tl_error_setv_at(tl_error *err, tl_status st, const char *path,
                           unsigned long line, unsigned col, const char *fmt,
                           va_list ap)
{
  int n;

  if (err == NULL)
    return st;
  n = col > 0 ? snprintf(err->msg, sizeof err->msg, "%s:%lu:%u: ", path,
                         line, col)
              : snprintf(err->msg, sizeof err->msg, "%s:%lu: ", path, line);
  if (n >= 0 && (size_t)n < sizeof err->msg)
    vsnprintf(err->msg + n, sizeof err->msg - (size_t)n, fmt, ap);
  return finish(err, st);
}
