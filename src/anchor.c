#include "anchor.h"

#include "utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void tl_anchors_init(tl_anchors *a)
{
  memset(a, 0, sizeof *a);
}

void tl_anchors_fini(tl_anchors *a)
{
  free(a->v);
  tl_anchors_init(a);
}

static tl_anchor *push(tl_anchors *a, size_t off, size_t len,
                       enum tl_anchor_kind kind, unsigned flags)
{
  tl_anchor *x;

  TL_GROW(a->v, a->cap, a->n + 1);
  x = &a->v[a->n++];
  memset(x, 0, sizeof *x);
  x->off = off;
  x->len = len;
  x->kind = (uint16_t)kind;
  x->flags = (uint16_t)flags;
  return x;
}

static bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

static bool is_ascii_upper(char c)
{
  return c >= 'A' && c <= 'Z';
}

static bool starts(const char *p, const char *end, const char *s)
{
  size_t n = strlen(s);
  return (size_t)(end - p) >= n && memcmp(p, s, n) == 0;
}

static bool starts_ci(const char *p, const char *end, const char *s)
{
  size_t n = strlen(s);

  if ((size_t)(end - p) < n)
    return false;
  for (size_t i = 0; i < n; i++) {
    char c = p[i];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c - 'A' + 'a');
    if (c != s[i])
      return false;
  }
  return true;
}

/* Value of digits with separators under one convention (@dec the decimal
 * separator, @grp the group separator); false when the groups are not
 * three digits each or a separator is out of place. */
static bool parse_value(const char *p, size_t n, char dec, char grp,
                        double *out)
{
  double v = 0, scale = 0.1;
  size_t run = 0, i;
  bool grouped = false, frac = false;

  for (i = 0; i < n; i++) {
    char c = p[i];
    if (is_digit(c)) {
      if (frac) {
        v += (c - '0') * scale;
        scale /= 10;
      } else {
        v = v * 10 + (c - '0');
      }
      run++;
    } else if (c == grp && !frac) {
      if ((grouped && run != 3) || (!grouped && (run == 0 || run > 3)))
        return false;
      grouped = true;
      run = 0;
    } else if (c == dec && !frac) {
      if (grouped && run != 3)
        return false;
      frac = true;
      run = 0;
    } else {
      return false;
    }
  }
  if (!frac && grouped && run != 3)
    return false;
  *out = v;
  return true;
}

static void add_value(tl_anchor *x, double v)
{
  for (uint8_t i = 0; i < x->nvals; i++)
    if (x->vals[i] == v)
      return;
  if (x->nvals < 4)
    x->vals[x->nvals++] = v;
}

/* Multiplier words after a number: thousand, milhões ... */
static double multiplier(const char *p, const char *end, size_t *adv)
{
  static const struct {
    const char *w;
    double m;
  } words[] = {{"thousand", 1e3},  {"million", 1e6},  {"billion", 1e9},
               {"trillion", 1e12}, {"mil", 1e3},      {"milhão", 1e6},
               {"milhões", 1e6},   {"bilhão", 1e9},   {"bilhões", 1e9},
               {"trilhão", 1e12},  {"trilhões", 1e12}};
  const char *q = p;

  while (q < end && *q == ' ')
    q++;
  if (q == p)
    return 0;
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
    size_t n = strlen(words[i].w);
    if (starts_ci(q, end, words[i].w) &&
        (q + n == end || !((q[n] >= 'a' && q[n] <= 'z') ||
                           ((unsigned char)q[n] >= 0x80)))) {
      *adv = (size_t)(q + n - p);
      return words[i].m;
    }
  }
  return 0;
}

/* Number words: a target's "mil" or "dois" may stand for a source's
 * digits. Only ever used to satisfy a number, never required. */
static bool number_word(const char *p, size_t n, bool english, double *v)
{
  static const char *const pt[] = {
      "zero", "um",   "uma",   "dois",  "duas",   "três", "quatro",
      "cinco", "seis", "sete",  "oito",  "nove",   "dez",  "onze",
      "doze",  "vinte", "cem",  "cento", "mil",    "metade", NULL};
  static const double ptv[] = {0, 1,  1,   2,   2,   3,    4, 5, 6, 7, 8,
                               9, 10, 11,  12,  20,  100,  100, 1000, 0.5};
  static const char *const en[] = {
      "zero", "one", "two",   "three",  "four",   "five",    "six",
      "seven", "eight", "nine", "ten",  "eleven", "twelve", "twenty",
      "hundred", "thousand", "half", NULL};
  static const double env[] = {0, 1, 2, 3,  4,  5,  6,   7,    8,
                               9, 10, 11, 12, 20, 100, 1000, 0.5};
  const char *const *list = english ? en : pt;
  const double *vals = english ? env : ptv;
  tl_buf b;
  bool found = false;

  tl_buf_init(&b);
  tl_utf8_lower(p, n, &b);
  for (size_t i = 0; list[i] != NULL && b.len > 0; i++)
    if (strlen(list[i]) == b.len && memcmp(list[i], b.p, b.len) == 0) {
      *v = vals[i];
      found = true;
      break;
    }
  tl_buf_fini(&b);
  return found;
}

static bool is_word_cp(int32_t cp)
{
  return tl_cp_is_letter(cp) || tl_cp_is_digit(cp) || tl_cp_is_mark(cp);
}

/* Length of the word at p: letters and digits, with inner hyphens,
 * apostrophes, dots and commas between two word characters ("GPT-4o",
 * "1,000.5", "Node.js"). */
static size_t word_len(const char *p, const char *end)
{
  const char *q = p;

  while (q < end) {
    size_t adv;
    int32_t cp = tl_utf8_decode(q, (size_t)(end - q), &adv);
    if (is_word_cp(cp)) {
      q += adv;
      continue;
    }
    if (cp == '_' && q > p && q + 1 < end &&
        (is_digit(q[1]) || ((q[1] | 0x20) >= 'a' && (q[1] | 0x20) <= 'z'))) {
      q += adv;
      continue;
    }
    if ((cp == '-' || cp == '.' || cp == ',' || cp == '\'' || cp == '/') &&
        q > p && q + 1 < end) {
      size_t adv2;
      int32_t next = tl_utf8_decode(q + 1, (size_t)(end - q - 1), &adv2);
      bool digits = is_digit(q[-1]) && is_digit(q[1]);
      if (cp == ',' && !digits)
        break;
      if (cp == '/' && !digits)
        break;
      if (is_word_cp(next)) {
        q += 1;
        continue;
      }
    }
    break;
  }
  return (size_t)(q - p);
}

static size_t url_len(const char *p, const char *end)
{
  const char *q = p;

  while (q < end && *q != ' ' && *q != '\t' && *q != '\n' && *q != '\r' &&
         *q != '<' && *q != '>' && *q != '"' && *q != ')' && *q != ']' &&
         *q != '`' && *q != '|')
    q++;
  while (q > p && (q[-1] == '.' || q[-1] == ',' || q[-1] == ';' ||
                   q[-1] == ':' || q[-1] == '!' || q[-1] == '?' ||
                   q[-1] == '*' || q[-1] == '_'))
    q--;
  return (size_t)(q - p);
}

static void set_key(tl_anchor *x, const char *doc)
{
  tl_buf b;

  tl_buf_init(&b);
  tl_anchor_norm(doc, x, &b);
  x->key = tl_hash(b.p ? b.p : "", b.len);
  tl_buf_fini(&b);
}

/* Length of the suffix of a number written with letters (5K, 10x, 1st,
 * 2º), or 0 when @p is not such a number. */
static size_t number_suffix(const char *p, size_t n)
{
  static const char *const sfx[] = {"K", "k", "M", "B", "x", "s", "st", "nd",
                                    "rd", "th", "\xC2\xBA", "\xC2\xAA", NULL};
  size_t d = 0;

  while (d < n && (is_digit(p[d]) || p[d] == '.' || p[d] == ','))
    d++;
  if (d == 0 || d == n)
    return 0;
  for (size_t i = 0; sfx[i] != NULL; i++)
    if (strlen(sfx[i]) == n - d && memcmp(sfx[i], p + d, n - d) == 0)
      return n - d;
  return 0;
}

static void number_anchor(tl_anchors *a, const char *doc, const char *p,
                          size_t n, const char *end, bool english,
                          unsigned flags)
{
  double own = 0, other = 0, m;
  bool has_own, has_other;
  size_t adv = 0, digits_end = n;
  tl_anchor *x;

  /* suffixes: 5K, 10x, 1st, 2º */
  while (digits_end > 0 && !is_digit(p[digits_end - 1]))
    digits_end--;
  has_own = parse_value(p, digits_end, english ? '.' : ',',
                        english ? ',' : '.', &own);
  has_other = parse_value(p, digits_end, english ? ',' : '.',
                          english ? '.' : ',', &other);
  if (!has_own && !has_other)
    return;
  x = push(a, (size_t)(p - doc), n, TL_ANC_NUMBER, flags);
  add_value(x, has_own ? own : other);
  if (has_own && has_other)
    add_value(x, other);
  if (digits_end == 4 && n == 4 && own >= 1900 && own <= 2099)
    x->flags |= TL_AF_YEAR;
  m = 0;
  if (digits_end < n) {
    const char *s = p + digits_end;
    size_t sn = n - digits_end;
    if (sn == 1 && (*s == 'K' || *s == 'k'))
      m = 1e3;
    else if (sn == 1 && *s == 'M')
      m = 1e6;
    else if (sn == 1 && *s == 'B')
      m = 1e9;
    else if ((sn == 2 && (memcmp(s, "st", 2) == 0 || memcmp(s, "nd", 2) == 0 ||
                          memcmp(s, "rd", 2) == 0 || memcmp(s, "th", 2) == 0)) ||
             (sn == 2 && ((unsigned char)s[0] == 0xC2 &&
                          ((unsigned char)s[1] == 0xBA ||
                           (unsigned char)s[1] == 0xAA))))
      x->flags |= TL_AF_ORDINAL;
  } else {
    m = multiplier(p + n, end, &adv);
  }
  if (m > 0) {
    uint8_t k = x->nvals;
    for (uint8_t i = 0; i < k; i++)
      add_value(x, x->vals[i] * m);
  }
  {
    const char *q = p + n + adv;
    while (q < end && *q == ' ')
      q++;
    if (q < end && *q == '%')
      x->flags |= TL_AF_PERCENT;
    else if (starts(q, end, "por cento") || starts(q, end, "percent"))
      x->flags |= TL_AF_PERCENT;
  }
}

void tl_anchors_scan(tl_anchors *a, const char *doc, size_t off, size_t end,
                     bool english)
{
  const char *p = doc + off, *e = doc + end;
  unsigned pending = 0; /* flags for the next number: currency */

  while (p < e) {
    char c = *p;
    if (c == '`') {
      size_t k = 0;
      const char *q;
      while (p + k < e && p[k] == '`')
        k++;
      for (q = p + k; q < e; q++) {
        if (*q != '`')
          continue;
        size_t r = 0;
        while (q + r < e && q[r] == '`')
          r++;
        if (r == k)
          break;
        q += r - 1;
      }
      if (q < e) {
        const char *s = p + k, *t = q;
        while (s < t && *s == ' ')
          s++;
        while (t > s && t[-1] == ' ')
          t--;
        if (t > s) {
          tl_anchor *x = push(a, (size_t)(s - doc), (size_t)(t - s),
                              TL_ANC_CODE, 0);
          set_key(x, doc);
        }
        p = q + k;
      } else {
        p += k;
      }
      continue;
    }
    if (c == '<') {
      if (starts(p, e, "<!--")) {
        p = tl_mem_after(p + 4, e, "-->");
        continue;
      }
      if (starts(p, e, "<http")) {
        size_t n = url_len(p + 1, e);
        tl_anchor *x = push(a, (size_t)(p + 1 - doc), n, TL_ANC_URL, 0);
        set_key(x, doc);
        p += 1 + n;
        continue;
      }
      if (p + 1 < e && (p[1] == '/' || (p[1] >= 'a' && p[1] <= 'z') ||
                        (p[1] >= 'A' && p[1] <= 'Z'))) {
        const char *q = memchr(p, '>', (size_t)(e - p));
        if (q != NULL) {
          p = q + 1;
          continue;
        }
      }
      p++;
      continue;
    }
    if (c == ']' && p + 1 < e && p[1] == '(') {
      const char *s = p + 2, *q = s;
      int depth = 0;
      while (q < e && *q != ' ' && *q != '\n' && (*q != ')' || depth > 0)) {
        if (*q == '(')
          depth++;
        else if (*q == ')')
          depth--;
        q++;
      }
      if (starts(s, e, "http://") || starts(s, e, "https://")) {
        tl_anchor *x = push(a, (size_t)(s - doc), (size_t)(q - s),
                            TL_ANC_URL, TL_AF_LINK);
        set_key(x, doc);
      } else if (starts(s, e, "mailto:")) {
        tl_anchor *x = push(a, (size_t)(s + 7 - doc), (size_t)(q - s - 7),
                            TL_ANC_EMAIL, TL_AF_LINK);
        set_key(x, doc);
      }
      while (q < e && *q != ')' && *q != '\n')
        q++; /* a title */
      p = q < e ? q + 1 : e;
      continue;
    }
    if (starts(p, e, "http://") || starts(p, e, "https://") ||
        starts(p, e, "www.")) {
      size_t n = url_len(p, e);
      tl_anchor *x = push(a, (size_t)(p - doc), n, TL_ANC_URL, 0);
      set_key(x, doc);
      p += n > 0 ? n : 1;
      continue;
    }
    if (c == '$') {
      if (p + 1 < e && p[1] == '$') { /* display math */
        p = tl_mem_after(p + 2, e, "$$");
        continue;
      }
      if (p + 1 < e && is_digit(p[1])) {
        pending = TL_AF_CURRENCY;
        p++;
        continue;
      }
      /* inline math: to the closing dollar on the line */
      {
        const char *q = p + 1;
        while (q < e && *q != '$' && *q != '\n')
          q++;
        p = q < e && *q == '$' ? q + 1 : p + 1;
      }
      continue;
    }
    {
      size_t adv;
      int32_t cp = tl_utf8_decode(p, (size_t)(e - p), &adv);
      if (cp == 0x20AC || cp == 0xA3) { /* € £ */
        pending = TL_AF_CURRENCY;
        p += adv;
        continue;
      }
      if (!is_word_cp(cp)) {
        if (cp != ' ')
          pending = 0;
        p += adv;
        continue;
      }
    }
    {
      size_t n = word_len(p, e);
      bool digit = false, letter = false, upper_inner = false;
      size_t letters = 0, uppers = 0;
      const char *q;
      if (n == 0) {
        p++;
        continue;
      }
      if (n > 2 && p[n - 2] == '\'' && p[n - 1] == 's')
        n -= 2; /* OpenAI's */
      /* an e-mail address */
      if (p + n < e && p[n] == '@') {
        size_t m = word_len(p + n + 1, e);
        if (m > 0 && memchr(p + n + 1, '.', m) != NULL) {
          tl_anchor *x = push(a, (size_t)(p - doc), n + 1 + m, TL_ANC_EMAIL,
                              0);
          set_key(x, doc);
          p += n + 1 + m;
          continue;
        }
      }
      for (q = p; q < p + n;) {
        size_t adv;
        int32_t cp = tl_utf8_decode(q, (size_t)(p + n - q), &adv);
        if (tl_cp_is_digit(cp))
          digit = true;
        else if (tl_cp_is_letter(cp)) {
          letter = true;
          letters++;
          if (tl_cp_is_upper(cp)) {
            uppers++;
            if (q > p && q[-1] != '-' && q[-1] != ' ')
              upper_inner = true;
          }
        }
        q += adv;
      }
      if (digit && (!letter || number_suffix(p, n) > 0)) {
        /* 86.4, 1,000, 5K, 10x, 1st */
        size_t nn = n;
        if (letter && p[n - 1] == 'x')
          nn = n - 1;
        number_anchor(a, doc, p, nn, e, english, pending);
      } else if (digit) {
        tl_anchor *x = push(a, (size_t)(p - doc), n, TL_ANC_NAME,
                            TL_AF_MIXED);
        set_key(x, doc);
      } else if (uppers >= 2 && uppers == letters) {
        tl_anchor *x = push(a, (size_t)(p - doc), n, TL_ANC_NAME,
                            TL_AF_ALLCAPS);
        set_key(x, doc);
      } else if (upper_inner) {
        tl_anchor *x = push(a, (size_t)(p - doc), n, TL_ANC_NAME,
                            TL_AF_INNERCAP);
        set_key(x, doc);
      } else if (uppers == 1 && is_ascii_upper(p[0])) {
        tl_anchor *x = push(a, (size_t)(p - doc), n, TL_ANC_NAME, TL_AF_CAP);
        set_key(x, doc);
      } else {
        double v;
        if (number_word(p, n, english, &v)) {
          tl_anchor *x = push(a, (size_t)(p - doc), n, TL_ANC_NUMBER,
                              TL_AF_WORD);
          size_t adv = 0;
          double m = multiplier(p + n, e, &adv);
          add_value(x, v);
          if (m > 0)
            add_value(x, v * m);
        }
      }
      pending = 0;
      p += n;
    }
  }
}

static bool same_value(double a, double b)
{
  return fabs(a - b) <= 1e-9 * (fabs(a) > 1 ? fabs(a) : 1);
}

bool tl_anchor_same_number(const tl_anchor *src, const tl_anchor *tgt)
{
  for (uint8_t i = 0; i < src->nvals; i++)
    for (uint8_t j = 0; j < tgt->nvals; j++)
      if (same_value(src->vals[i], tgt->vals[j]))
        return true;
  return false;
}

void tl_anchor_norm(const char *doc, const tl_anchor *a, tl_buf *out)
{
  const char *p = doc + a->off, *e = p + a->len;

  if (a->kind != TL_ANC_URL) {
    tl_buf_add(out, p, a->len);
    return;
  }
  if (starts(p, e, "https://"))
    p += 8;
  else if (starts(p, e, "http://"))
    p += 7;
  if (starts(p, e, "www."))
    p += 4;
  /* the query and fragment (tracking parameters) and stray brackets are
   * not what makes two addresses the same place */
  {
    const char *q = p;
    while (q < e && *q != '?' && *q != '#')
      q++;
    e = q;
    while (e > p && (e[-1] == ']' || e[-1] == ')' || e[-1] == '>'))
      e--;
  }
  while (p < e) {
    /* a locale segment: /en-us/, /pt-br/, /en/ */
    if (*p == '/' && e - p >= 4 &&
        ((e - p >= 7 && p[6] == '/' && p[3] == '-' && p[1] >= 'a' &&
          p[1] <= 'z' && p[2] >= 'a' && p[2] <= 'z') ||
         (p[3] == '/' && p[1] >= 'a' && p[1] <= 'z' && p[2] >= 'a' &&
          p[2] <= 'z'))) {
      const char *q = p[3] == '/' ? p + 3 : p + 6;
      tl_buf_adds(out, "/xx");
      p = q;
      continue;
    }
    tl_buf_addc(out, *p);
    p++;
  }
  while (out->len > 0 && out->p[out->len - 1] == '/')
    out->len--;
}
