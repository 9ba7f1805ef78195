#include "name.h"

#include "utf8.h"

#include <string.h>

static bool is_bidi_control(int32_t cp)
{
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool tl_name_is_plain(const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch < 0x20 || ch >= 0x7F)
      return false;
  }
  return true;
}

/* Whether the code point needs an escape on a terminal. */
static bool is_unsafe_on_terminal(int32_t cp)
{
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
         is_bidi_control(cp);
}

/* Whether the eight bytes of @v are all printable ASCII (0x20..0x7E). */
static bool printable8(uint64_t v)
{
  const uint64_t ones = 0x0101010101010101ULL, hi = 0x8080808080808080ULL;
  uint64_t del = v ^ (0x7F * ones); /* a zero byte where v has 0x7F */

  return ((v | ((v - 0x20 * ones) & ~v) | ((del - ones) & ~del)) & hi) == 0;
}

bool tl_name_is_safe(const char *s, size_t n, bool terminal)
{
  size_t i = 0;

  /* a report asks this of every message (about 150 bytes, mostly ASCII
   * with some Portuguese letters): printable ASCII is skipped eight bytes
   * at a time, then a byte at a time, and only the rest is decoded */
  while (i < n) {
    size_t adv;
    int32_t cp;
    uint64_t v;
    if (i + 8 <= n && (memcpy(&v, s + i, 8), printable8(v))) {
      i += 8;
      continue;
    }
    if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
      i++;
      continue;
    }
    cp = tl_utf8_decode(s + i, n - i, &adv);
    if ((cp == 0xFFFD && adv == 1) || (terminal && is_unsafe_on_terminal(cp)))
      return false;
    i += adv;
  }
  return true;
}

void tl_name_add_text(tl_buf *b, const char *s, size_t n)
{
  size_t i = 0;

  if (tl_name_is_plain(s, n)) {
    tl_buf_add(b, s, n);
    return;
  }
  while (i < n) {
    size_t adv;
    int32_t cp = tl_utf8_decode(s + i, n - i, &adv);
    if (cp == 0xFFFD && adv == 1) { /* an invalid byte */
      tl_buf_printf(b, "\\x%02X", (unsigned)(unsigned char)s[i]);
      i++;
      continue;
    }
    if (is_unsafe_on_terminal(cp) && !is_bidi_control(cp))
      tl_buf_printf(b, "\\x%02X", (unsigned)cp);
    else if (is_bidi_control(cp))
      tl_buf_printf(b, "\\u{%04X}", (unsigned)cp);
    else
      tl_buf_add(b, s + i, adv);
    i += adv;
  }
}

void tl_name_add_utf8(tl_buf *b, const char *s, size_t n)
{
  size_t i = 0;

  while (i < n) {
    size_t adv;
    int32_t cp = tl_utf8_decode(s + i, n - i, &adv);
    if (cp == 0xFFFD && adv == 1)
      tl_buf_printf(b, "\\x%02X", (unsigned)(unsigned char)s[i]);
    else
      tl_buf_add(b, s + i, adv);
    i += adv;
  }
}

void tl_name_add_uri(tl_buf *b, const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
        (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_' ||
        ch == '~' || ch == '/')
      tl_buf_addc(b, (char)ch);
    else
      tl_buf_printf(b, "%%%02X", ch);
  }
}
