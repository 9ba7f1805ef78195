/* Spelling: Hunspell (loaded lazily), the project word lists, a verdict
 * cache per distinct word, and suggestions. The only includer of
 * hunspell.h. */
#ifndef TL_SPELL_H
#define TL_SPELL_H

#include "buf.h"
#include "map.h"

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
/* The address of @name in the Hunspell library, opened now if it is not
 * yet (lazylib.c: dlopen'ed with RTLD_LOCAL, so that dlopen(NULL) does not
 * see it), or NULL where it has no such symbol: for its C++ functions
 * outside the C API. */
void *tl_hunspell_symbol(const char *name);

/* Load a word list: one word per line, '#' comments (dictionaries/). */
tl_status tl_spell_load_wordlist(tl_spell *s, const char *path,
                                 tl_error *err);
/* Accept one word (NFC, exact case unless all lower-case). */
void tl_spell_add_word(tl_spell *s, const char *w, size_t n);
/* Number of words added from word lists, by tl_spell_add_word and by
 * tl_spell_accept. */
size_t tl_spell_word_count(const tl_spell *s);

/* A set of words built ahead of the speller (the glossary's, kept in the
 * glossary cache): the forms tl_spell_add_word would add (the word, and for
 * a word with capitals its all-caps form too) and the set's hash as
 * tl_spell_words_hash counts it. */
typedef struct tl_spell_words {
  tl_map forms; /* form -> 1 */
  uint64_t hash; /* XOR of each form's term in tl_spell_words_hash */
} tl_spell_words;

void tl_spell_words_init(tl_spell_words *w);
void tl_spell_words_fini(tl_spell_words *w);
/* Add word @p[0..n) (NFC) and its forms. */
void tl_spell_words_add(tl_spell_words *w, const char *p, size_t n);
/* The hash of @w's forms, as tl_spell_words_add computes it (to check a set
 * read back). */
uint64_t tl_spell_words_hash_of(const tl_spell_words *w);
/* Accept every word of @w as tl_spell_add_word would, without copying it:
 * @w is borrowed, must not change and must outlive @s and the spellers made
 * from it by tl_spell_new_like. One set a speller; NULL takes it away. The
 * verdicts, the word count and tl_spell_words_hash are those of adding the
 * words one by one. */
void tl_spell_accept(tl_spell *s, const tl_spell_words *w);

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
