/* UTF-8 decoding, validation, Unicode classes, NFC and case mapping.
 * The only module that includes utf8proc.h. */
#ifndef TL_UTF8_H
#define TL_UTF8_H

#include "buf.h"

#include <stdbool.h>
#include <stdint.h>

/* Offset of the first byte that is not part of valid UTF-8, or @len. */
size_t tl_utf8_validate(const char *p, size_t len);

/* Decode the code point at p[0..len) (len > 0); *adv gets its byte length.
 * Invalid bytes decode as U+FFFD with length 1. ASCII is decoded inline. */
int32_t tl_utf8_decode_multi(const char *p, size_t len, size_t *adv);
static inline int32_t tl_utf8_decode(const char *p, size_t len, size_t *adv)
{
  if ((unsigned char)p[0] < 0x80) {
    *adv = 1;
    return (unsigned char)p[0];
  }
  return tl_utf8_decode_multi(p, len, adv);
}

/* Decode the code point that ends just before p[i] (i > 0). */
int32_t tl_utf8_decode_prev(const char *p, size_t i, size_t *start);

void tl_utf8_encode(int32_t cp, tl_buf *out);

/* Unicode classes; ASCII is answered inline, the rest by utf8proc. */
bool tl_cp_is_letter_u(int32_t cp);
bool tl_cp_is_mark_u(int32_t cp);
bool tl_cp_is_digit_u(int32_t cp);
bool tl_cp_is_upper_u(int32_t cp);
bool tl_cp_is_lower_u(int32_t cp);
bool tl_cp_is_format_u(int32_t cp);
bool tl_cp_is_space_u(int32_t cp);

static inline bool tl_cp_is_letter(int32_t cp) /* L* */
{
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return tl_cp_is_letter_u(cp);
}
static inline bool tl_cp_is_mark(int32_t cp) /* M* (combining marks) */
{
  return cp >= 0x300 && tl_cp_is_mark_u(cp);
}
static inline bool tl_cp_is_digit(int32_t cp) /* Nd */
{
  if (cp < 0x80)
    return cp >= '0' && cp <= '9';
  return tl_cp_is_digit_u(cp);
}
static inline bool tl_cp_is_upper(int32_t cp) /* Lu, Lt */
{
  if (cp < 0x80)
    return cp >= 'A' && cp <= 'Z';
  return tl_cp_is_upper_u(cp);
}
static inline bool tl_cp_is_lower(int32_t cp) /* Ll */
{
  if (cp < 0x80)
    return cp >= 'a' && cp <= 'z';
  return tl_cp_is_lower_u(cp);
}
static inline bool tl_cp_is_format(int32_t cp) /* Cf: zero-width space ... */
{
  return cp >= 0x80 && tl_cp_is_format_u(cp);
}
static inline bool tl_cp_is_space(int32_t cp) /* Zs, Zl, Zp, ASCII space */
{
  if (cp < 0x80)
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
           cp == '\f' || cp == '\v';
  return tl_cp_is_space_u(cp);
}
int32_t tl_cp_lower(int32_t cp);
int32_t tl_cp_upper(int32_t cp);
/* Whether @a and @b are the same letter but for accents (a, á, à, â, ã;
 * c, ç), case kept. */
bool tl_cp_same_base(int32_t a, int32_t b);
/* Display width in a terminal: 0, 1 or 2. */
int tl_cp_width(int32_t cp);

/* Append the NFC form of p[0..len) (valid UTF-8) to @out. */
void tl_utf8_nfc(const char *p, size_t len, tl_buf *out);
/* Whether p[0..n) holds an upper-case or title-case letter. */
bool tl_utf8_has_upper(const char *p, size_t n);
/* Whether p[0..n) holds a lower-case letter. */
bool tl_utf8_has_lower(const char *p, size_t n);

/* Append p[0..len) with every letter lower-cased to @out. */
void tl_utf8_lower(const char *p, size_t len, tl_buf *out);
/* Append the matching key of p[0..len): case-folded, accents removed
 * ("Pré-Treinamento" -> "pre-treinamento"). */
void tl_utf8_fold(const char *p, size_t len, tl_buf *out);
/* Append p[0..len) without its accents, case kept ("Pré" -> "Pre"). */
void tl_utf8_strip_accents(const char *p, size_t len, tl_buf *out);
/* Whether p[0..len) is in NFC already (quick check, may say no falsely). */
bool tl_utf8_is_nfc_quick(const char *p, size_t len);

#endif
