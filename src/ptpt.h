/* European Portuguese word forms with the Brazilian form a pt-BR text uses
 * instead (dictionaries/pt-PT.tsv, built by tools/ptpt_list.py from
 * Debian's hunspell-pt-pt and hunspell-pt-br): utilizador -> usuário,
 * ecrã -> tela, económico -> econômico, receção -> recepção. */
#ifndef TL_PTPT_H
#define TL_PTPT_H

#include "map.h"
#include "tradlint.h"

/* When a checker may report a form (the file's "when" column). */
typedef enum tl_ptpt_when {
  TL_PTPT_ALWAYS = 0, /* never Brazilian usage */
  TL_PTPT_NOUN        /* only as a noun, after an article or determiner: the
                         same letters are a Brazilian verb form ("ele equipa",
                         "eu controlo") or a Latin phrase ("de facto") */
} tl_ptpt_when;

typedef struct tl_ptpt_entry {
  const char *ptpt;  /* the European form, NFC, lower case */
  const char *ptbr;  /* the Brazilian form to suggest */
  const char *rule;  /* how it was derived: accent-o, add-p, lexical ... */
  tl_ptpt_when when;
} tl_ptpt_entry;

typedef struct tl_ptpt tl_ptpt;

/* Load a pt-PT list (format: dictionaries/README.md). A bad line is an
 * error naming file:line (TL_EIO / TL_EDATA), never a silent skip. The
 * caller frees the list with tl_ptpt_free. */
tl_status tl_ptpt_open(tl_ptpt **out, const char *path, tl_error *err);
void tl_ptpt_free(tl_ptpt *p);
/* The same, kept compiled in the cache folder @dir (created when missing;
 * NULL: no cache) as the glossary is (gloss_cache.h): the next run maps
 * the file and looks words up where they lie instead of splitting,
 * validating and indexing the list again. The file is keyed by the list's path, size,
 * modification time and content hash and by the program's build; a stale,
 * truncated, damaged or foreign one is passed by silently and rewritten.
 * TRADLINT_DEBUG_LOAD says what happened on standard error. */
tl_status tl_ptpt_open_cached(tl_ptpt **out, const char *path,
                              const char *dir, tl_error *err);

/* The compiled form of @p (the cache file's payload) appended to @out. */
void tl_ptpt_encode(const tl_ptpt *p, tl_buf *out);
/* The list of payload q[0..n) as tl_ptpt_encode wrote it, used where it
 * lies (@q must outlive the list); every offset, length and index is
 * checked: NULL when anything is out of place. */
tl_ptpt *tl_ptpt_decode(const unsigned char *q, size_t n);

/* The entry of the word @w[0..n) (NFC; matched in lower case: "Utilizador"
 * finds "utilizador"), or NULL. Borrowed until tl_ptpt_free. */
const tl_ptpt_entry *tl_ptpt_lookup(const tl_ptpt *p, const char *w, size_t n);
/* The same for a word already lower-cased by tl_utf8_lower (@low: its
 * lower-case text): no copy. */
const tl_ptpt_entry *tl_ptpt_lookup_lower(const tl_ptpt *p, const char *low,
                                         size_t n);

/* Number of entries. */
size_t tl_ptpt_size(const tl_ptpt *p);

#endif
