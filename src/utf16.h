/* UTF-16 code units: the offsets LanguageTool clients and LSP clients use
 * (JavaScript, Java and LibreOffice strings count them). Byte offsets of
 * valid UTF-8 text are turned into them and back. */
#ifndef TL_UTF16_H
#define TL_UTF16_H

#include <stddef.h>

/* UTF-16 code units of the valid UTF-8 text p[0..n): 2 for a code point
 * above U+FFFF, 1 for any other. */
size_t tl_utf16_units(const char *p, size_t n);

/* Byte offset in p[0..n) of UTF-16 offset @units, clamped to n; an offset
 * inside a surrogate pair gives the start of its code point. */
size_t tl_utf16_to_byte(const char *p, size_t n, size_t units);

/* Many byte offsets of one text turned into UTF-16 offsets, cheaply when
 * they come in increasing order (it restarts from the start otherwise). */
typedef struct tl_utf16_cursor {
  const char *p;
  size_t len, byte, unit;
} tl_utf16_cursor;

void tl_utf16_cursor_init(tl_utf16_cursor *c, const char *p, size_t len);
/* UTF-16 offset of byte offset @byte (clamped to the text's length; an
 * offset inside a code point counts that code point as passed). */
size_t tl_utf16_cursor_at(tl_utf16_cursor *c, size_t byte);

#endif
