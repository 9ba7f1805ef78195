#include "utf16.h"

/* Bytes of the UTF-8 sequence that lead byte @b starts; 1 for a stray
 * continuation byte, so that a walk always advances. */
static size_t seq_len(unsigned char b)
{
  if (b < 0xC0)
    return 1;
  if (b < 0xE0)
    return 2;
  if (b < 0xF0)
    return 3;
  return 4;
}

static size_t units_of(size_t seq)
{
  return seq == 4 ? 2 : 1;
}

size_t tl_utf16_units(const char *p, size_t n)
{
  size_t u = 0;

  for (size_t i = 0; i < n;) {
    size_t k = seq_len((unsigned char)p[i]);
    u += units_of(k);
    i += k;
  }
  return u;
}

size_t tl_utf16_to_byte(const char *p, size_t n, size_t units)
{
  size_t i = 0, u = 0;

  while (i < n) {
    size_t k = seq_len((unsigned char)p[i]);
    if (u + units_of(k) > units)
      break;
    u += units_of(k);
    i += k;
  }
  return i < n ? i : n;
}

void tl_utf16_cursor_init(tl_utf16_cursor *c, const char *p, size_t len)
{
  c->p = p;
  c->len = len;
  c->byte = 0;
  c->unit = 0;
}

size_t tl_utf16_cursor_at(tl_utf16_cursor *c, size_t byte)
{
  if (byte > c->len)
    byte = c->len;
  if (byte < c->byte) {
    c->byte = 0;
    c->unit = 0;
  }
  while (c->byte < byte) {
    size_t k = seq_len((unsigned char)c->p[c->byte]);
    c->unit += units_of(k);
    c->byte += k;
  }
  return c->unit;
}
