/* The corpus memory: one SQLite database per archive. The only includer of
 * sqlite3.h. Schema versioned with PRAGMA user_version and migrated
 * forward; WAL mode, a busy timeout, one transaction per document. */
#ifndef TL_STORE_H
#define TL_STORE_H

#include "buf.h"

#include <stdint.h>

#define TL_STORE_VERSION 4

typedef struct tl_store tl_store;

enum {
  TL_STORE_REBUILD = 1u << 0, /* move a corrupt or foreign file aside */
  TL_STORE_READONLY = 1u << 1 /* open without writing */
};

tl_status tl_store_open(tl_store **out, const char *path, unsigned flags,
                        tl_error *err);
void tl_store_close(tl_store *s);
bool tl_store_is_readonly(const tl_store *s);
const char *tl_store_path(const tl_store *s);

/* Verdict and suggestion cache (see tl_spell_backing). */
int tl_store_verdict(tl_store *s, const char *dict, const char *w, size_t n);
void tl_store_put_verdict(tl_store *s, const char *dict, const char *w,
                          size_t n, int known);
int tl_store_suggestions(tl_store *s, const char *dict, const char *w,
                         size_t n, char **block);
void tl_store_put_suggestions(tl_store *s, const char *dict, const char *w,
                              size_t n, const char *const *v, size_t nv);

/* One rendering of a concept in a document. */
typedef struct tl_store_usage {
  const char *concept, *rendering, *surface;
  int kind; /* tl_form_kind */
  unsigned count, first_line;
  size_t first_offset;
} tl_store_usage;

/* A surface spelling for variant discovery: key = folded, joined. */
typedef struct tl_store_surface {
  const char *key, *surface;
  unsigned count;
} tl_store_surface;

/* The hash of a document at @path, or false when it is not recorded. */
bool tl_store_doc_hash(tl_store *s, const char *path, char *hash, size_t n);

/* Replace what is recorded for document @path (one transaction), and
 * write the pending verdicts. */
tl_status tl_store_record(tl_store *s, const char *path, const char *hash,
                          size_t words, const tl_store_usage *u, size_t nu,
                          const tl_store_surface *sf, size_t nsf,
                          tl_error *err);
/* Documents this connection recorded (tl_store_record succeeded) or
 * found recorded and unchanged (tl_store_count_unchanged). */
size_t tl_store_recorded(tl_store *s);
void tl_store_count_unchanged(tl_store *s);

/* Write only the pending verdicts and suggestions. */
tl_status tl_store_flush(tl_store *s, tl_error *err);

/* How the archive (all documents but @path) renders @concept: callback per
 * rendering, most documents first, with up to three document paths. */
typedef void (*tl_store_rendering_fn)(void *ud, const char *rendering,
                                      int kind, unsigned docs,
                                      unsigned uses, const char *const *paths,
                                      size_t npaths);
tl_status tl_store_renderings(tl_store *s, const char *concept,
                              const char *except_path,
                              tl_store_rendering_fn fn, void *ud,
                              tl_error *err);

/* Concepts rendered more than one way across the archive, in id order. */
tl_status tl_store_mixed_concepts(tl_store *s, char ***ids, size_t *n,
                                  tl_error *err);

/* Every recorded document path (owned copies). */
tl_status tl_store_paths(tl_store *s, char ***paths, size_t *n,
                         tl_error *err);
tl_status tl_store_forget(tl_store *s, const char *path, tl_error *err);

typedef struct tl_store_stats {
  long long documents, words, usages, concepts, verdicts, suggestions,
      surfaces;
} tl_store_stats;
tl_status tl_store_stats_get(tl_store *s, tl_store_stats *st, tl_error *err);

/* Source mode: which rendering a source term received in a document, how
 * often. */
typedef struct tl_store_pair {
  const char *term, *rendering;
  unsigned count;
} tl_store_pair;

/* Replace the term pairs recorded for document @path (recorded already
 * with tl_store_record). */
tl_status tl_store_record_pairs(tl_store *s, const char *path,
                                const tl_store_pair *p, size_t n,
                                tl_error *err);
/* How the archive (all documents but @except_path) renders source term
 * @term: callback per rendering (kind 0), most documents first. */
tl_status tl_store_pairs(tl_store *s, const char *term,
                         const char *except_path, tl_store_rendering_fn fn,
                         void *ud, tl_error *err);
/* Source terms rendered more than one way across the archive. */
tl_status tl_store_mixed_terms(tl_store *s, char ***terms, size_t *n,
                               tl_error *err);
/* Source terms learned in @min_docs documents or more. */
tl_status tl_store_learned_terms(tl_store *s, unsigned min_docs,
                                 char ***terms, size_t *n, tl_error *err);

/* Variant candidates: keys with two or more distinct spellings, ranked by
 * documents touched. Callback per (key, surface). */
typedef void (*tl_store_variant_fn)(void *ud, const char *key,
                                     const char *surface, unsigned docs,
                                     unsigned uses, const char *example_path);
tl_status tl_store_variants(tl_store *s, tl_store_variant_fn fn, void *ud,
                            tl_error *err);

#endif
