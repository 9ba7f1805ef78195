/* The compiled glossary kept between runs: the glossary as loaded
 * (concepts, forms, the matcher's trie, its maps) and the calques and near
 * misses derived from it, written once to a file of the persistent cache
 * and read back whole on the next run instead of parsing, validating and
 * deriving it again (more than half of a warm one-article check).
 *
 * The file is keyed by the identity of every glossary file in use (path,
 * size, modification time, a hash of the content), the program's version
 * and build (the GNU build ID of the code) and the format version. A file
 * of another identity, or truncated, damaged or foreign, is never trusted:
 * it is passed by silently and rewritten (atomically: a temporary file
 * renamed over it). Set TRADLINT_DEBUG_LOAD to see what happened on
 * standard error. */
#ifndef TL_GLOSS_CACHE_H
#define TL_GLOSS_CACHE_H

#include "calque.h"
#include "gloss.h"
#include "spell.h"

/* Load the glossaries @paths (files or folders of *.tsv, NULL-terminated)
 * into *@g (tl_gloss_free) and, when it has concepts, derive its calques
 * into *@c (tl_calques_fini, then free; else NULL) and put its words, as
 * the speller takes them (tl_gloss_words), into @words (initialised by the
 * caller, empty; tl_spell_words_fini): from the cache file in
 * folder @dir (created when missing) when it is of these very files, else
 * by tl_gloss_load and tl_calques_init, and then saved there. @dir NULL:
 * no cache. The errors are tl_gloss_load's; *@g is set even then. A cache
 * that cannot be read or written changes nothing but the time taken. */
tl_status tl_gloss_cache_load(const char *dir, const char *const *paths,
                              tl_gloss **g, tl_calques **c,
                              tl_spell_words *words, tl_error *err);

/* Append to @out the compiled form of @g, @c and @words (the file's
 * payload). */
void tl_gloss_cache_encode(const tl_gloss *g, const tl_calques *c,
                           const tl_spell_words *words, tl_buf *out);

/* Rebuild a glossary, its calques and its words (into @words, initialised
 * and empty) from payload p[0..n) (as tl_gloss_cache_encode wrote it),
 * checking every count, offset and index: false, with nothing allocated
 * (@words left empty), when anything is out of place. Their strings and
 * keys are used where they lie in @p: it must outlive all three. */
bool tl_gloss_cache_decode(const unsigned char *p, size_t n, tl_gloss **g,
                           tl_calques **c, tl_spell_words *words);

#endif
