/* Articles, contractions and demonstratives with their counterparts. */
#include "article.h"

#include <stdbool.h>
#include <string.h>

static const struct article {
  const char *m, *f;
  bool plural, demonstrative;
} ARTICLES[] = {
    {"o", "a", false, false},         {"os", "as", true, false},
    {"um", "uma", false, false},      {"uns", "umas", true, false},
    {"do", "da", false, false},       {"dos", "das", true, false},
    {"no", "na", false, false},       {"nos", "nas", true, false},
    {"ao", "à", false, false},        {"aos", "às", true, false},
    {"pelo", "pela", false, false},   {"pelos", "pelas", true, false},
    {"num", "numa", false, false},    {"nuns", "numas", true, false},
    {"dum", "duma", false, false},    {"este", "esta", false, true},
    {"esse", "essa", false, true},    {"deste", "desta", false, true},
    {"desse", "dessa", false, true},  {"neste", "nesta", false, true},
    {"nesse", "nessa", false, true},  {NULL, NULL, false, false}};

static bool in_set(const struct article *a, unsigned set)
{
  return ((set & TL_ARTICLES) && !a->demonstrative) ||
         ((set & TL_SINGULAR_DETERMINERS) && !a->plural);
}

char tl_article_gender(const char *w, size_t n, unsigned set,
                       const char **other)
{
  for (size_t i = 0; ARTICLES[i].m != NULL; i++) {
    if (!in_set(&ARTICLES[i], set))
      continue;
    if (strlen(ARTICLES[i].m) == n && memcmp(ARTICLES[i].m, w, n) == 0) {
      *other = ARTICLES[i].f;
      return 'm';
    }
    if (strlen(ARTICLES[i].f) == n && memcmp(ARTICLES[i].f, w, n) == 0) {
      *other = ARTICLES[i].m;
      return 'f';
    }
  }
  return 0;
}
