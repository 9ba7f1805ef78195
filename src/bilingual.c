/* Lookup in the English -> Portuguese table generated from FreeDict: binary
 * search over headwords sorted by bytes, then English inflection undone by
 * rule for words the list has only in their base form. */
#include "bilingual.h"

#include <stdbool.h>
#include <string.h>

/* Compare the NUL-terminated headword @key with @w[0..n) lower-cased
 * (ASCII only: headwords are lower case; non-ASCII bytes compare as is). */
static int cmp_key(const char *key, const char *w, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    unsigned char a = (unsigned char)key[i], b = (unsigned char)w[i];
    if (b >= 'A' && b <= 'Z')
      b = (unsigned char)(b - 'A' + 'a');
    if (a == '\0')
      return -1;
    if (a != b)
      return a < b ? -1 : 1;
  }
  return key[n] == '\0' ? 0 : 1;
}

const tl_bilingual *tl_bilingual_lookup(const char *word, size_t len)
{
  size_t lo = 0, hi = tl_bilingual_table_len;

  if (word == NULL || len == 0)
    return NULL;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = cmp_key(tl_bilingual_en(&tl_bilingual_table[mid]), word, len);
    if (c == 0)
      return &tl_bilingual_table[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

const char *tl_bilingual_translation(const tl_bilingual *e, size_t i)
{
  if (e == NULL || i >= e->ntr)
    return NULL;
  return tl_bilingual_strs + tl_bilingual_tr[e->first + i];
}

static bool ends_with(const char *w, size_t n, const char *suf)
{
  size_t k = strlen(suf);
  return n > k + 1 && memcmp(w + n - k, suf, k) == 0;
}

static bool is_vowel(char c)
{
  return strchr("aeiouAEIOU", c) != NULL;
}

/* Try @stem[0..n) + @add as a headword. */
static const tl_bilingual *try_base(const char *w, size_t n, const char *add,
                                    char *buf, size_t bufcap)
{
  size_t k = strlen(add);
  if (n + k + 1 > bufcap)
    return NULL;
  memcpy(buf, w, n);
  memcpy(buf + n, add, k + 1);
  return tl_bilingual_lookup(buf, n + k);
}

/* The verb whose -ing/-ed form has stem @w[0..s): the stem, the stem + e,
 * or the stem with its doubled final consonant undone. */
static const tl_bilingual *verb_base(const char *w, size_t s, char *buf,
                                     size_t bufcap)
{
  const tl_bilingual *e = try_base(w, s, "", buf, bufcap);
  if (e == NULL)
    e = try_base(w, s, "e", buf, bufcap);
  if (e == NULL && s > 2 && w[s - 1] == w[s - 2] && !is_vowel(w[s - 1]))
    e = try_base(w, s - 1, "", buf, bufcap);
  return e;
}

const tl_bilingual *tl_bilingual_lookup_inflected(const char *word, size_t len,
                                                  char *lemma, size_t cap)
{
  char buf[128];
  const tl_bilingual *e = tl_bilingual_lookup(word, len);

  if (e == NULL && len < sizeof buf - 4) {
    const char *w = word;
    size_t n = len;
    if (ends_with(w, n, "ies"))      /* stories -> story */
      e = try_base(w, n - 3, "y", buf, sizeof buf);
    if (e == NULL && ends_with(w, n, "es")) /* boxes -> box */
      e = try_base(w, n - 2, "", buf, sizeof buf);
    if (e == NULL && ends_with(w, n, "s") && !ends_with(w, n, "ss"))
      e = try_base(w, n - 1, "", buf, sizeof buf);
    if (e == NULL && ends_with(w, n, "ing"))
      e = verb_base(w, n - 3, buf, sizeof buf); /* searching, making, hugging */
    if (e == NULL && ends_with(w, n, "ied"))    /* copied -> copy */
      e = try_base(w, n - 3, "y", buf, sizeof buf);
    if (e == NULL && ends_with(w, n, "ed"))
      e = verb_base(w, n - 2, buf, sizeof buf); /* searched, stabled, hugged */
  }
  if (lemma != NULL && cap > 0) {
    size_t k = e ? strlen(tl_bilingual_en(e)) : 0;
    if (k >= cap)
      k = cap - 1;
    if (e)
      memcpy(lemma, tl_bilingual_en(e), k);
    lemma[k] = '\0';
  }
  return e;
}
