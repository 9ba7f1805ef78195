/* Articles, contractions and demonstratives that stand before a noun, each
 * with its counterpart of the other gender, for the agreement checks
 * (check_terms.c, check_article.c). */
#ifndef TL_ARTICLE_H
#define TL_ARTICLE_H

#include <stddef.h>

enum tl_article_set {
  /* articles and their contractions, singular and plural: o, os, um, do,
   * dos, ao, pelo, num ... */
  TL_ARTICLES = 1u << 0,
  /* singular articles, contractions and demonstratives: o, um, do, ao,
   * este, desse, neste ... */
  TL_SINGULAR_DETERMINERS = 1u << 1
};

/* The gender ('m' or 'f') of the lower-case word w[0..n) when it is one of
 * @set (an enum tl_article_set), with its counterpart of the other gender
 * in *other; 0 when it is none. */
char tl_article_gender(const char *w, size_t n, unsigned set,
                       const char **other);

#endif
