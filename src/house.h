/* Accepted house usage: what the archive teaches. A word no dictionary
 * knows that the archive's documents use in enough of them and always
 * spell the same way is the house's usage: a name some document taught
 * (prose.c) is a name in every document, and a word (an anglicism the
 * house keeps, a term of its own) is at most info for the spelling and
 * untranslated checks. Read from the corpus memory once per run, so that
 * findings do not depend on the order files are checked in.
 *
 * Kept out: a word an editor rejected (tl_store_reject), a forbidden form
 * of the glossary and an English word the glossary renders otherwise
 * (glossary decisions win). A word no English dictionary knows that is one
 * edit from a Portuguese word is a typo repeated, not a usage: the corpus
 * stage does not record it (corpus.c). */
#ifndef TL_HOUSE_H
#define TL_HOUSE_H

#include "gloss.h"
#include "map.h"
#include "store.h"

/* Documents that make a word house usage, the one checked included. */
#define TL_HOUSE_NAMES_DEFAULT 2
#define TL_HOUSE_WORDS_DEFAULT 3

enum tl_house_kind {
  TL_HOUSE_NAME = 1, /* a name a document taught */
  TL_HOUSE_WORD = 2  /* a word the house keeps */
};

typedef struct tl_house_word {
  const char *key;     /* folded (tl_utf8_fold) */
  const char *surface; /* NFC, as every document writes it */
  const char *example; /* the first document that uses it, by path */
  unsigned docs, uses; /* documents of the archive, occurrences */
  uint8_t kind;        /* enum tl_house_kind */
} tl_house_word;

typedef struct tl_house {
  unsigned min_names, min_words; /* 0: that kind is never accepted */
  tl_house_word *v;              /* in key order */
  size_t n, cap;
  tl_map keys; /* key -> index + 1 */
  tl_arena strs;
} tl_house;

void tl_house_init(tl_house *h, unsigned min_names, unsigned min_words);
void tl_house_fini(tl_house *h);

/* Read the words of @s that meet the thresholds (less one, for the
 * document a check adds) and keep the ones no glossary decision (@g, may
 * be NULL) rules out. */
tl_status tl_house_load(tl_house *h, tl_store *s, const tl_gloss *g,
                        tl_error *err);

/* Whether @w is accepted in the archive as it stands (the listing). */
bool tl_house_is_accepted(const tl_house *h, const tl_house_word *w);

/* The accepted word w[0..n) (NFC) of a document, or NULL: the surface the
 * archive writes (or, @initial, the same with its first letter capitalised
 * by a sentence start). @self: the document is counted in the archive
 * already (recorded before); otherwise it adds one document. */
const tl_house_word *tl_house_find(const tl_house *h, const char *w,
                                   size_t n, bool initial, bool self);

#endif
