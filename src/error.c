/* Errors: the one place messages for users are formatted. */
#include "buf.h"

#include "name.h"

#include <stdio.h>
#include <string.h>

tl_status tl_error_set(tl_error *err, tl_status st, const char *fmt, ...)
{
  va_list ap;
  size_t n;

  if (err == NULL)
    return st;
  err->status = st;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  n = strlen(err->msg);
  if (!tl_name_is_safe(err->msg, n, true)) {
    tl_buf b;
    tl_buf_init(&b);
    tl_name_add_text(&b, err->msg, n);
    snprintf(err->msg, sizeof err->msg, "%.*s", (int)b.len, b.p);
    tl_buf_fini(&b);
  }
  return st;
}
