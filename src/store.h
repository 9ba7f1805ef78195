/* The corpus memory behind one interface with two backends: an SQLite file
 * per archive (store_sqlite.c, the only includer of sqlite3.h) and a
 * PostgreSQL database that several archives and machines share
 * (store_pg.c, the only includer of libpq-fe.h). store.c picks the backend
 * and locks; store_backend.h says how to add a function. Both keep a
 * schema version and migrate forward, write one transaction per document
 * (or per batch of documents: tl_store_set_batch), and never let the
 * callers see SQL. */
#ifndef TL_STORE_H
#define TL_STORE_H

#include "buf.h"

#include <stdint.h>

#define TL_STORE_VERSION 8

typedef struct tl_store tl_store;

enum {
  TL_STORE_REBUILD = 1u << 0, /* move a corrupt or foreign file aside */
  TL_STORE_READONLY = 1u << 1 /* open without writing */
};

/* Open the memory at @target: a PostgreSQL connection URI
 * (tl_store_is_server), else an SQLite file. @archive: the archive's name
 * in a shared database (NULL: "default"); a file holds one archive. */
tl_status tl_store_open(tl_store **out, const char *target,
                        const char *archive, unsigned flags, tl_error *err);
void tl_store_close(tl_store *s);
/* Whether @target names a database server (postgresql:// or postgres://). */
bool tl_store_is_server(const char *target);
bool tl_store_is_readonly(const tl_store *s);
/* What messages show: the file, or the server's URI without password. */
const char *tl_store_path(const tl_store *s);
/* The archive's name in a shared database; NULL for a file. */
const char *tl_store_archive(const tl_store *s);
/* "sqlite" or "postgresql". */
const char *tl_store_backend(const tl_store *s);

/* Verdict and suggestion cache (see tl_spell_backing). */
int tl_store_verdict(tl_store *s, const char *dict, const char *w, size_t n);
void tl_store_put_verdict(tl_store *s, const char *dict, const char *w,
                          size_t n, int known);
int tl_store_suggestions(tl_store *s, const char *dict, const char *w,
                         size_t n, char **block);
void tl_store_put_suggestions(tl_store *s, const char *dict, const char *w,
                              size_t n, const char *const *v, size_t nv);

/* The kinds of a recorded rendering: a glossary form's kind
 * (tl_form_kind: preferred, abbrev, admitted, forbidden), or one of
 * these. */
enum {
  TL_RENDERING_VARIANT = 4,   /* a form spelled otherwise ("sigmóide") */
  TL_RENDERING_ENGLISH = 5,   /* the concept's English term */
  TL_RENDERING_DISCOVERED = 6 /* a phrase of a discovered concept */
};

/* One rendering of a concept in a document. */
typedef struct tl_store_usage {
  const char *concept, *rendering, *surface;
  int kind; /* tl_form_kind or TL_RENDERING_* */
  unsigned count, first_line;
  size_t first_offset;
} tl_store_usage;

/* A surface spelling for variant discovery: key = folded, joined. */
typedef struct tl_store_surface {
  const char *key, *surface;
  unsigned count;
} tl_store_surface;

/* A word no dictionary knows as a document writes it (house usage,
 * house.c): key = folded (tl_utf8_fold), surface = NFC; @name when the
 * document taught it as a name. */
typedef struct tl_store_word {
  const char *key, *surface;
  unsigned count;
  bool name;
} tl_store_word;

/* The hash of a document at @path, or false when it is not recorded. */
bool tl_store_doc_hash(tl_store *s, const char *path, char *hash, size_t n);

/* Replace what is recorded for document @path (one transaction), and
 * write the pending verdicts. @w: its words for house usage. */
tl_status tl_store_record(tl_store *s, const char *path, const char *hash,
                          size_t words, const tl_store_usage *u, size_t nu,
                          const tl_store_surface *sf, size_t nsf,
                          const tl_store_word *w, size_t nw, tl_error *err);
/* Documents this connection recorded (tl_store_record succeeded) or
 * found recorded and unchanged (tl_store_count_unchanged). */
size_t tl_store_recorded(tl_store *s);
void tl_store_count_unchanged(tl_store *s);

/* Write the pending verdicts and suggestions, and the documents of an
 * open batch (tl_store_set_batch). */
tl_status tl_store_flush(tl_store *s, tl_error *err);

/* Batches (`corpus index`): from now on tl_store_record keeps up to
 * @docs documents in memory and writes them in one transaction when
 * there are @docs of them or the first was recorded @ms milliseconds
 * ago, or at the next tl_store_flush or other operation that reads or
 * writes documents (lookups of verdicts, suggestions and renderings do
 * not see the open batch). A crash loses at most the open batch, whole
 * documents only. @docs <= 1: one transaction a document (the default);
 * a backend without batches (PostgreSQL) ignores it. */
void tl_store_set_batch(tl_store *s, unsigned docs, unsigned ms);
/* Write the open batch if it is due (its size or age), else nothing;
 * without a batch, tl_store_flush. */
tl_status tl_store_tick(tl_store *s, tl_error *err);

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

/* A document with everything recorded for it: what tl_store_record
 * writes, tl_store_each_document reads and tl_store_copy carries. */
typedef struct tl_store_doc {
  const char *path, *hash;
  size_t words;
  long long checked_at; /* seconds since the epoch; 0: now */
  const tl_store_usage *usages;
  size_t nusages;
  const tl_store_surface *surfaces;
  size_t nsurfaces;
  const tl_store_pair *pairs; /* source mode's term pairs */
  size_t npairs;
  const tl_store_word *hwords; /* words for house usage */
  size_t nhwords;
} tl_store_doc;

typedef tl_status (*tl_store_doc_fn)(void *ud, const tl_store_doc *d,
                                     tl_error *err);
/* Every document in path order (bytes), its usages by concept and
 * rendering, its surfaces by key and surface, its pairs by term and
 * rendering, its words by key and surface. Stops at the first callback
 * that fails and returns its status. The store is locked meanwhile: the
 * callback must not use it. */
tl_status tl_store_each_document(tl_store *s, tl_store_doc_fn fn, void *ud,
                                 tl_error *err);
/* Write @d as it is (its checked_at kept), replacing what the store holds
 * for d->path: the other side of tl_store_each_document. */
tl_status tl_store_import_document(tl_store *s, const tl_store_doc *d,
                                   tl_error *err);

/* A stored verdict (@list NULL: @known) or suggestion list (@list,
 * '\n'-separated; empty: none). */
typedef tl_status (*tl_store_verdict_fn)(void *ud, const char *dict,
                                         const char *word, int known,
                                         const char *list, tl_error *err);
tl_status tl_store_each_verdict(tl_store *s, tl_store_verdict_fn fn,
                                void *ud, tl_error *err);

/* Readers of several queries see one snapshot between these two. */
tl_status tl_store_read_begin(tl_store *s, tl_error *err);
void tl_store_read_end(tl_store *s);

/* Copy everything @from holds into @to (documents replaced by path,
 * rejections, verdicts and suggestions added); counts what was copied. */
typedef struct tl_store_copied {
  size_t documents, usages, surfaces, pairs, words, rejections, verdicts,
      suggestions;
} tl_store_copied;
tl_status tl_store_copy(tl_store *from, tl_store *to, tl_store_copied *n,
                        tl_error *err);

/* Variant candidates: keys with two or more distinct spellings, ranked by
 * documents touched. Callback per (key, surface). */
typedef void (*tl_store_variant_fn)(void *ud, const char *key,
                                     const char *surface, unsigned docs,
                                     unsigned uses, const char *example_path);
tl_status tl_store_variants(tl_store *s, tl_store_variant_fn fn, void *ud,
                            tl_error *err);

/* House usage (house.c): the words that @min_docs documents or more
 * write, always the same way (one surface), that no editor rejected; in
 * key order. @name: some document taught it as a name; @example: the
 * first of its documents by path. */
typedef void (*tl_store_word_fn)(void *ud, const char *key,
                                 const char *surface, unsigned docs,
                                 unsigned uses, bool name,
                                 const char *example);
tl_status tl_store_house_words(tl_store *s, unsigned min_docs,
                               tl_store_word_fn fn, void *ud, tl_error *err);
/* An editor's rejection of the word whose key is @key (@word: as the
 * editor wrote it): never house usage again. Recorded once. */
tl_status tl_store_reject(tl_store *s, const char *key, const char *word,
                          tl_error *err);
/* Every rejection (key order): callback per word as the editor wrote it. */
typedef tl_status (*tl_store_rejection_fn)(void *ud, const char *key,
                                           const char *word, tl_error *err);
tl_status tl_store_each_rejection(tl_store *s, tl_store_rejection_fn fn,
                                  void *ud, tl_error *err);

#endif
