/* The inside of the store: what a backend implements. Only store.c and the
 * backends (store_sqlite.c, store_pg.c) include this; the rest of the code
 * sees store.h.
 *
 * A backend is a table of operations (tl_store_ops) and a struct that
 * starts with a tl_store. store.c picks the backend from the target
 * (tl_store_is_server), takes the store's lock around every operation and
 * keeps what is the same for every backend: the verdicts and suggestions
 * waiting to be written (tl_store_pending), the count of recorded
 * documents, the read-only flag and the name messages show.
 *
 * Adding a store function: declare it in store.h; add an operation here;
 * write it in store.c as a locked call of s->ops->NAME; implement it in
 * store_sqlite.c and in store_pg.c (each with its schema migration when it
 * needs a table or column: SQLite's MIGRATIONS and PostgreSQL's
 * PG_MIGRATIONS); add its rows to tl_store_doc when they belong to a
 * document (so that tl_store_copy, corpus migrate and export carry them),
 * or an each_... operation copied by tl_store_copy when they belong to
 * the archive; and run tests/corpus.sh, which runs on both backends. */
#ifndef TL_STORE_BACKEND_H
#define TL_STORE_BACKEND_H

#include "store.h"

#include <pthread.h>

/* A verdict (@list NULL) or a suggestion list ('\n'-separated) to write. */
typedef struct tl_store_pending {
  char *dict, *word, *list;
  int known;
} tl_store_pending;

typedef struct tl_store_ops {
  const char *name; /* "sqlite", "postgresql" */
  void (*close)(tl_store *s);

  int (*verdict)(tl_store *s, const char *dict, const char *w, size_t n);
  int (*suggestions)(tl_store *s, const char *dict, const char *w, size_t n,
                     char **block);
  /* Write s->pend (then store.c clears it). */
  tl_status (*flush)(tl_store *s, tl_error *err);

  bool (*doc_hash)(tl_store *s, const char *path, char *hash, size_t n);
  /* Replace document d->path with @d (its usages, surfaces and pairs:
   * none kept from before) and write s->pend, in one transaction.
   * d->checked_at: 0 for now. */
  tl_status (*record)(tl_store *s, const tl_store_doc *d, tl_error *err);
  /* Record d[0..n) as record does, in order, and write s->pend, all in
   * one transaction: none of them written unless all are. NULL when the
   * backend writes one document a transaction (no batches). */
  tl_status (*record_many)(tl_store *s, const tl_store_doc *d, size_t n,
                           tl_error *err);
  tl_status (*renderings)(tl_store *s, const char *concept,
                          const char *except_path, tl_store_rendering_fn fn,
                          void *ud, tl_error *err);
  tl_status (*mixed_concepts)(tl_store *s, char ***ids, size_t *n,
                              tl_error *err);
  tl_status (*paths)(tl_store *s, char ***paths, size_t *n, tl_error *err);
  tl_status (*forget)(tl_store *s, const char *path, tl_error *err);
  tl_status (*stats)(tl_store *s, tl_store_stats *st, tl_error *err);
  tl_status (*variants)(tl_store *s, tl_store_variant_fn fn, void *ud,
                        tl_error *err);

  /* Source mode's term pairs. */
  tl_status (*record_pairs)(tl_store *s, const char *path,
                            const tl_store_pair *p, size_t n, tl_error *err);
  tl_status (*pairs)(tl_store *s, const char *term, const char *except_path,
                     tl_store_rendering_fn fn, void *ud, tl_error *err);
  tl_status (*mixed_terms)(tl_store *s, char ***terms, size_t *n,
                           tl_error *err);
  tl_status (*learned_terms)(tl_store *s, unsigned min_docs, char ***terms,
                             size_t *n, tl_error *err);

  /* Snapshots for readers of several queries (reports, export, copy). */
  tl_status (*read_begin)(tl_store *s, tl_error *err);
  void (*read_end)(tl_store *s);
  /* Every document with all its rows, in path order. */
  tl_status (*each_document)(tl_store *s, tl_store_doc_fn fn, void *ud,
                             tl_error *err);
  /* Every stored verdict and suggestion list. */
  tl_status (*each_verdict)(tl_store *s, tl_store_verdict_fn fn, void *ud,
                            tl_error *err);

  /* House usage: the words of the archive, the editors' rejections. */
  tl_status (*house_words)(tl_store *s, unsigned min_docs,
                           tl_store_word_fn fn, void *ud, tl_error *err);
  tl_status (*reject)(tl_store *s, const char *key, const char *word,
                      tl_error *err);
  tl_status (*each_rejection)(tl_store *s, tl_store_rejection_fn fn,
                              void *ud, tl_error *err);
} tl_store_ops;

/* The part of every backend's store that store.c owns. */
struct tl_store {
  const tl_store_ops *ops;
  pthread_mutex_t lock; /* linters in several threads share one store */
  char *name;           /* the file, or the server without the password */
  char *archive;        /* the archive's name in a shared database */
  bool ro;
  size_t recorded; /* documents written or found unchanged */
  tl_store_pending *pend;
  size_t npend, cappend;
  /* tl_store_set_batch: documents recorded but not yet written (copies
   * in @barena), written together when there are batch_docs of them or
   * the first is batch_ms old, and by every other store operation but
   * the verdict, suggestion and rendering lookups */
  unsigned batch_docs, batch_ms;
  tl_store_doc *bdoc;
  size_t nbdoc, capbdoc;
  tl_arena barena;
  struct timespec bstart;
};

/* Fill the base of a backend's new store. */
void tl_store_base_init(tl_store *s, const tl_store_ops *ops,
                        const char *name, const char *archive);
/* Free what tl_store_base_init and the pending list hold (not @s). */
void tl_store_base_fini(tl_store *s);

tl_status tl_store_sqlite_open(tl_store **out, const char *path,
                               unsigned flags, tl_error *err);
tl_status tl_store_pg_open(tl_store **out, const char *uri,
                           const char *archive, unsigned flags,
                           tl_error *err);

#endif
