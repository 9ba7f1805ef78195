#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t tl_utf8_validate(const char *p, size_t len)
{
  const unsigned char *s = (const unsigned char *)p;
  size_t i = 0;

  while (i < len) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n;
    uint64_t v;

    if (i + 8 <= len) { /* ASCII 8 bytes at a time */
      memcpy(&v, s + i, 8);
      if ((v & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (s[i] < 0x80) {
      i++;
      continue;
    }
    if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
      i += 2; /* U+0080 to U+07FF: always valid */
      continue;
    }
    n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n < 0 || cp < 0)
      return i;
    i += (size_t)n;
  }
  return len;
}

int32_t tl_utf8_decode_multi(const char *p, size_t len, size_t *adv)
{
  const unsigned char *s = (const unsigned char *)p;
  utf8proc_int32_t cp;
  utf8proc_ssize_t n;

  if (s[0] < 0x80) {
    *adv = 1;
    return s[0];
  }
  if (s[0] >= 0xC2 && s[0] < 0xE0 && len >= 2 && (s[1] & 0xC0) == 0x80) {
    *adv = 2; /* two bytes (accented Latin letters): valid by construction */
    return ((int32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
  }
  n = utf8proc_iterate(s, (utf8proc_ssize_t)len, &cp);
  if (n < 0 || cp < 0) {
    *adv = 1;
    return 0xFFFD;
  }
  *adv = (size_t)n;
  return cp;
}

int32_t tl_utf8_decode_prev(const char *p, size_t i, size_t *start)
{
  size_t j = i - 1;
  size_t adv;

  while (j > 0 && i - j < 4 && ((unsigned char)p[j] & 0xC0) == 0x80)
    j--;
  *start = j;
  return tl_utf8_decode(p + j, i - j, &adv);
}

void tl_utf8_encode(int32_t cp, tl_buf *out)
{
  utf8proc_uint8_t tmp[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, tmp);
  tl_buf_add(out, tmp, (size_t)n);
}

static utf8proc_category_t cat(int32_t cp)
{
  return utf8proc_category(cp);
}

bool tl_cp_is_letter_u(int32_t cp)
{
  utf8proc_category_t c = cat(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool tl_cp_is_mark_u(int32_t cp)
{
  utf8proc_category_t c = cat(cp);
  return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

bool tl_cp_is_digit_u(int32_t cp)
{
  return cat(cp) == UTF8PROC_CATEGORY_ND;
}

bool tl_cp_is_upper_u(int32_t cp)
{
  utf8proc_category_t c = cat(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool tl_cp_is_lower_u(int32_t cp)
{
  return cat(cp) == UTF8PROC_CATEGORY_LL;
}

bool tl_cp_is_format_u(int32_t cp)
{
  return cat(cp) == UTF8PROC_CATEGORY_CF;
}

bool tl_cp_is_space_u(int32_t cp)
{
  utf8proc_category_t c = cat(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
         c == UTF8PROC_CATEGORY_ZP;
}

int32_t tl_cp_lower(int32_t cp)
{
  if (cp < 0x80)
    return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  return utf8proc_tolower(cp);
}

int32_t tl_cp_upper(int32_t cp)
{
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
  return utf8proc_toupper(cp);
}

static int32_t base_of(int32_t cp)
{
  utf8proc_int32_t buf[4];
  int boundclass = UTF8PROC_BOUNDCLASS_START;
  utf8proc_ssize_t n;

  if (cp < 0xC0)
    return cp;
  n = utf8proc_decompose_char(cp, buf, 4, UTF8PROC_DECOMPOSE, &boundclass);
  return n > 0 ? buf[0] : cp;
}

bool tl_cp_same_base(int32_t a, int32_t b)
{
  return a == b || base_of(a) == base_of(b);
}

int tl_cp_width(int32_t cp)
{
  if (cp < 0x80)
    return cp >= 0x20 && cp != 0x7F ? 1 : 0;
  return utf8proc_charwidth(cp);
}

bool tl_utf8_is_nfc_quick(const char *p, size_t len)
{
  const unsigned char *s = (const unsigned char *)p;
  size_t i = 0;

  /* Below U+0300 nothing composes or decomposes under NFC. */
  while (i < len) {
    size_t adv;
    int32_t cp;
    if (s[i] < 0xCC) { /* lead bytes < 0xCC encode code points < U+0300 */
      i++;
      continue;
    }
    cp = tl_utf8_decode(p + i, len - i, &adv);
    if (cp >= 0x300)
      return false;
    i += adv;
  }
  return true;
}

static void map_into(const char *p, size_t len, int flags, tl_buf *out);

void tl_utf8_nfc(const char *p, size_t len, tl_buf *out)
{
  if (tl_utf8_is_nfc_quick(p, len))
    tl_buf_add(out, p, len);
  else
    map_into(p, len, 0, out);
}

bool tl_utf8_has_upper(const char *p, size_t n)
{
  for (size_t i = 0; i < n;) {
    size_t adv;
    if (tl_cp_is_upper(tl_utf8_decode(p + i, n - i, &adv)))
      return true;
    i += adv;
  }
  return false;
}

bool tl_utf8_has_lower(const char *p, size_t n)
{
  for (size_t i = 0; i < n;) {
    size_t adv;
    if (tl_cp_is_lower(tl_utf8_decode(p + i, n - i, &adv)))
      return true;
    i += adv;
  }
  return false;
}

/* Append to @out the run of ASCII bytes of p[0..len) from @i, lowered;
 * the offset after it. The rest of the text is copied in one go to make
 * room, lowered in place up to its first non-ASCII byte, and cut there. */
static size_t ascii_lower_run(const char *p, size_t i, size_t len, tl_buf *out)
{
  size_t start = out->len, k;
  unsigned char *d;

  tl_buf_add(out, p + i, len - i);
  d = (unsigned char *)out->p + start;
  /* 8 bytes a step while they are all ASCII: a byte gets 0x20 added when
   * it lies in 'A'..'Z' (the adds carry into no other byte, as each byte
   * is below 0x80) */
  for (k = 0; k + 8 <= len - i; k += 8) {
    uint64_t v, up;
    memcpy(&v, d + k, 8);
    if (v & 0x8080808080808080ULL)
      break;
    up = (v + 0x3F3F3F3F3F3F3F3FULL) & ~(v + 0x2525252525252525ULL) &
         0x8080808080808080ULL; /* >= 'A' and not > 'Z' */
    v |= up >> 2;
    memcpy(d + k, &v, 8);
  }
  for (; k < len - i && d[k] < 0x80; k++)
    d[k] = (unsigned char)(d[k] + ((unsigned)(d[k] - 'A') < 26u ? 32 : 0));
  out->len = start + k;
  out->p[out->len] = '\0';
  return i + k;
}

void tl_utf8_lower(const char *p, size_t len, tl_buf *out)
{
  size_t i = 0;

  while (i < len) {
    size_t adv;
    if ((unsigned char)p[i] < 0x80) {
      i = ascii_lower_run(p, i, len, out);
      continue;
    }
    if ((unsigned char)p[i] == 0xC3 && i + 1 < len &&
        ((unsigned char)p[i + 1] & 0xC0) == 0x80) {
      /* U+00C0..U+00FF, Portuguese's accented letters: the capitals
       * U+00C0..U+00DE but U+00D7 lower-case to the code point 0x20 up,
       * the rest stay */
      unsigned char b = (unsigned char)p[i + 1];
      char two[2] = {p[i], (char)(b + (b <= 0x9E && b != 0x97 ? 0x20 : 0))};
      tl_buf_add(out, two, 2);
      i += 2;
      continue;
    }
    int32_t cp = tl_utf8_decode(p + i, len - i, &adv);
    tl_utf8_encode(tl_cp_lower(cp), out);
    i += adv;
  }
}

/* utf8proc_map with @flags into @out; on failure the text as it is. */
static void map_into(const char *p, size_t len, int flags, tl_buf *out)
{
  utf8proc_uint8_t *dst = NULL;
  utf8proc_ssize_t n;

  n = utf8proc_map((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)len, &dst,
                   (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                       flags));
  if (n < 0) {
    tl_buf_add(out, p, len);
    return;
  }
  tl_buf_add(out, dst, (size_t)n);
  free(dst);
}

/* The folded form (case folded, marks stripped) of each code point from
 * U+0080 to U+024F (Latin-1 and Latin Extended-A/B), UTF-8, as utf8proc
 * gives it; "\xFF" where it does not fit. A string of such code points
 * folds one code point at a time exactly as it folds whole: none of them
 * composes with its neighbour once marks are gone. A constant table
 * (tools/fold_table.py; test_utf8 checks it against utf8proc): built at
 * start-up it took 0.62 M instructions, a fortieth of a warm article. */
#include "fold_table.h"

void tl_utf8_fold(const char *p, size_t len, tl_buf *out)
{
  size_t start = out->len;

  for (size_t i = 0; i < len;) {
    unsigned char c = (unsigned char)p[i];
    size_t adv;
    int32_t cp;
    const char *e;
    if (c < 0x80) {
      i = ascii_lower_run(p, i, len, out);
      continue;
    }
    cp = tl_utf8_decode(p + i, len - i, &adv);
    if (cp < FOLD_LO || cp >= FOLD_HI ||
        (e = fold_tab[cp - FOLD_LO])[0] == '\xFF') {
      out->len = start; /* anything else: utf8proc on the whole string */
      map_into(p, len, UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, out);
      return;
    }
    tl_buf_adds(out, e);
    i += adv;
  }
}

void tl_utf8_strip_accents(const char *p, size_t len, tl_buf *out)
{
  map_into(p, len, UTF8PROC_STRIPMARK, out);
}
