/* The persistent verdict cache: one speller's verdicts and suggestion
 * lists kept between runs in one file, for runs without the corpus memory.
 * The file is read whole and checked (magic, identity, checksum) when
 * opened, answered from memory, and rewritten atomically (a temporary file
 * renamed over it) when the run learnt something. */
#ifndef TL_VCACHE_H
#define TL_VCACHE_H

#include "spell.h"

typedef struct tl_vcache tl_vcache;

/* The cache of speller identity @identity in folder @dir (created when
 * missing; NULL: in memory only, shared by the spellers of several
 * threads, never saved). A missing file is an empty cache. A file that is not a cache
 * of this identity, or is damaged, is ignored (and replaced on saving):
 * *warning then gets a message (malloc'd; the caller frees it), else NULL. */
tl_vcache *tl_vcache_open(const char *dir, const char *identity,
                          char **warning);
void tl_vcache_free(tl_vcache *c);

/* Write the file when the run added entries. TL_EIO with a message when it
 * cannot be written. */
tl_status tl_vcache_save(tl_vcache *c, tl_error *err);

/* The speller backing that reads and fills @c (thread-safe). */
void tl_vcache_backing(tl_vcache *c, tl_spell_backing *b);

/* Entries held (read and added), for tests and statistics. */
size_t tl_vcache_count(tl_vcache *c);

/* The file's path (borrowed; NULL in memory only). */
const char *tl_vcache_path(const tl_vcache *c);

#endif
