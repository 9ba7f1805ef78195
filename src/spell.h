/* Spelling: Hunspell (loaded lazily), the project word lists, a verdict
 * cache per distinct word, and suggestions. The only includer of
 * hunspell.h. */
#ifndef TL_SPELL_H
#define TL_SPELL_H

#include "buf.h"

#include <stdint.h>

typedef struct tl_spell tl_spell;

/* A speller for dictionary @lang ("pt_BR") in folder @dir. The dictionary
 * files must exist (checked now); they are loaded on first need. */
tl_status tl_spell_new(tl_spell **out, const char *dir, const char *lang,
                       tl_error *err);
void tl_spell_free(tl_spell *s);
/* A speller of the same dictionary, words and backing, with a Hunspell
 * instance and caches of its own (for another thread: no shared lock). */
tl_spell *tl_spell_new_like(tl_spell *s);

/* Load a word list: one word per line, '#' comments (dictionaries/). */
tl_status tl_spell_load_wordlist(tl_spell *s, const char *path,
                                 tl_error *err);
/* Accept one word (NFC, exact case unless all lower-case). */
void tl_spell_add_word(tl_spell *s, const char *w, size_t n);
/* Number of words added from word lists and by tl_spell_add_word. */
size_t tl_spell_word_count(const tl_spell *s);

/* 1 when @w (NFC key) is known, 0 when not, negative (a tl_status) when the
 * dictionary cannot be loaded. Cached per distinct word. */
int tl_spell_check(tl_spell *s, const char *w, size_t n, tl_error *err);

/* Up to @max suggestions for an unknown word (cached; borrowed strings),
 * the same whatever was asked before: words one edit from a known word
 * (found in a few ms); when there are none and @allow_slow, Hunspell's own
 * search (about 0.1 s a word), and *used_slow says so. */
size_t tl_spell_suggest(tl_spell *s, const char *w, size_t n, int max,
                        bool allow_slow, bool *used_slow,
                        const char *const **out);

/* A second-level store of verdicts and suggestions (the corpus database),
 * asked on a cache miss before Hunspell is loaded, and told every verdict
 * and suggestion list Hunspell computed. lookup returns 1 known, 0
 * unknown, -1 not stored; get_sugg fills up to @max strings (NUL-separated
 * in one malloc'd block) and returns the count, or -1 when not stored. */
typedef struct tl_spell_backing {
  void *ud;
  const char *dict; /* identity of the dictionary and word lists */
  int (*lookup)(void *ud, const char *dict, const char *w, size_t n);
  void (*save)(void *ud, const char *dict, const char *w, size_t n,
               int known);
  int (*get_sugg)(void *ud, const char *dict, const char *w, size_t n,
                  char **block);
  void (*save_sugg)(void *ud, const char *dict, const char *w, size_t n,
                    const char *const *v, size_t nv);
} tl_spell_backing;

void tl_spell_set_backing(tl_spell *s, const tl_spell_backing *b);
bool tl_spell_has_backing(const tl_spell *s);

/* An identity for the dictionary files (size, mtime, content hash). */
void tl_spell_identity(const tl_spell *s, tl_buf *out);
/* A cheaper one, without reading them: path, size, mtime in nanoseconds,
 * device and inode (what a package upgrade or an edit changes). */
void tl_spell_stat_identity(const tl_spell *s, tl_buf *out);

/* A hash of the words added with tl_spell_add_word (order-independent). */
uint64_t tl_spell_words_hash(const tl_spell *s);

/* Whether @w is one edit from a known word, by a cheap search (accents,
 * doubled, swapped or dropped letters, missing vowels); cached. For telling
 * typos from names, not for suggestions. */
bool tl_spell_near_word(tl_spell *s, const char *w, size_t n);

/* Whether Hunspell has been loaded (or is loading in the background). */
bool tl_spell_loaded(const tl_spell *s);

/* Start loading Hunspell in a thread of its own, so that the loading
 * overlaps other work; the first word that needs it waits for it. */
void tl_spell_load_async(tl_spell *s);
/* Whether Hunspell is loaded: a word would not wait. Lock-free. */
bool tl_spell_ready(const tl_spell *s);

#endif
