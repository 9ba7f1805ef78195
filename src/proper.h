/* Proper nouns of a Hunspell dictionary: the entries of LANG.dic written
 * with a capital (Bush, Grant, Rose, Young in en_US), which tell a name
 * that is also an English word from a word English knows only in lower
 * case (Discussions, Overview). Read on first use, shared by threads. */
#ifndef TL_PROPER_H
#define TL_PROPER_H

#include "buf.h"

typedef struct tl_proper tl_proper;

/* A lazy reader of @dir/@lang.dic (nothing is read yet). */
tl_proper *tl_proper_new(const char *dir, const char *lang);
void tl_proper_free(tl_proper *p);

/* Whether w[0..n) is a capitalised entry of the dictionary. A dictionary
 * that cannot be read knows no names. Thread-safe. */
bool tl_proper_has(tl_proper *p, const char *w, size_t n);

#endif
