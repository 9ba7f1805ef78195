/* Near misses of the glossary's multi-word common terms (a rendering with
 * one non-head word swapped for another translation of the same English
 * word: "modelo de linguagem amplo", "aprendizado por fortalecimento"),
 * derived once from the glossary and the bilingual table. */
#ifndef TL_NEARMISS_H
#define TL_NEARMISS_H

#include "gloss.h"

#define TL_NEARMISS_AMBIGUOUS UINT32_MAX

/* Kept between runs by gloss_cache.c: a field added here is added there. */
typedef struct tl_nearmiss {
  tl_map forms; /* word keys joined by ' ' -> concept + 1 (or AMBIGUOUS) */
  size_t nforms;
  tl_map en_first; /* lower-case first words of the common terms' English
                      -> the most words of any term, common or a name,
                      that a run of words opening with it may match
                      (tl_nearmiss_en_first) */
  tl_map first;    /* the first word key of every form: a cheap filter */
} tl_nearmiss;

/* Derive the near misses of @g's terms (@g may be NULL: none). */
void tl_nearmiss_init(tl_nearmiss *nm, const tl_gloss *g);
void tl_nearmiss_fini(tl_nearmiss *nm);

/* Append to @key the keys @word_key makes of the words of s[0..n) (split
 * at spaces and hyphens), joined by one space. */
void tl_phrase_key(const char *s, size_t n, tl_buf *key,
                   void (*word_key)(const char *, size_t, tl_buf *));

/* Append to @key the key of text s[0..n): the glossary word keys of its
 * words (tl_gloss_word_key) joined by one space. */
void tl_nearmiss_key(const char *s, size_t n, tl_buf *key);

/* Separators between the words of a run that may be an English term
 * (check_english.c's joined): the words of a term are counted between
 * them (TL_EN_RUN_SEPS). */
#define TL_EN_RUN_SEPS " \t\r\n*_-"

/* Whether the ASCII word w[0..n) (any case, a plural 's' aside) can open
 * the English term of a common glossary concept: a cheap filter before
 * tl_gloss_find_en. 0 when it cannot; else an upper bound on the words
 * (tokens separated by TL_EN_RUN_SEPS) of a run opening with it whose
 * key is an English term of the glossary, common or a name, singular or
 * with a plural 's' cut from the run: one more word only when that last
 * word is the one-letter 's' itself. */
unsigned tl_nearmiss_en_first(const tl_nearmiss *nm, const char *w, size_t n);

/* Whether some near miss opens with the word key @key[0..n): a filter
 * before building and looking up the phrases that start at a word. */
bool tl_nearmiss_first(const tl_nearmiss *nm, const char *key, size_t n);

/* The concept index + 1 of the near miss with key @key[0..n), or 0. */
uint32_t tl_nearmiss_find(const tl_nearmiss *nm, const char *key, size_t n);

#endif
