/* The store's one interface: picks the backend, locks, keeps the verdicts
 * waiting to be written, copies one store into another. No SQL here: that
 * is the backends' (store_backend.h). */
#include "store_backend.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool tl_store_is_server(const char *target)
{
  return target != NULL && (strncmp(target, "postgresql://", 13) == 0 ||
                            strncmp(target, "postgres://", 11) == 0);
}

void tl_store_base_init(tl_store *s, const tl_store_ops *ops,
                        const char *name, const char *archive)
{
  s->ops = ops;
  pthread_mutex_init(&s->lock, NULL);
  s->name = tl_xstrdup(name);
  s->archive = archive ? tl_xstrdup(archive) : NULL;
  tl_arena_init(&s->barena);
}

static void clear_pending(tl_store *s)
{
  for (size_t i = 0; i < s->npend; i++) {
    free(s->pend[i].dict);
    free(s->pend[i].word);
    free(s->pend[i].list);
  }
  s->npend = 0;
}

/* ---- batches ----------------------------------------------------------- */

static const char *arena_str(tl_arena *a, const char *s)
{
  return s != NULL ? tl_arena_strndup(a, s, strlen(s)) : NULL;
}

/* A copy of @d in the batch's arena. */
static void batch_add(tl_store *s, const tl_store_doc *d)
{
  tl_arena *a = &s->barena;
  tl_store_doc *c;
  tl_store_usage *u = NULL;
  tl_store_surface *sf = NULL;
  tl_store_pair *p = NULL;
  tl_store_word *w = NULL;

  if (s->nbdoc == 0)
    clock_gettime(CLOCK_MONOTONIC, &s->bstart);
  TL_GROW(s->bdoc, s->capbdoc, s->nbdoc + 1);
  c = &s->bdoc[s->nbdoc++];
  *c = *d;
  c->path = arena_str(a, d->path);
  c->hash = arena_str(a, d->hash);
  if (c->checked_at == 0) /* the time it was checked, not written */
    c->checked_at = (long long)time(NULL);
  if (d->nusages > 0)
    u = tl_arena_alloc(a, d->nusages * sizeof *u);
  for (size_t i = 0; i < d->nusages; i++) {
    u[i] = d->usages[i];
    u[i].concept = arena_str(a, d->usages[i].concept);
    u[i].rendering = arena_str(a, d->usages[i].rendering);
    u[i].surface = arena_str(a, d->usages[i].surface);
  }
  if (d->nsurfaces > 0)
    sf = tl_arena_alloc(a, d->nsurfaces * sizeof *sf);
  for (size_t i = 0; i < d->nsurfaces; i++) {
    sf[i] = d->surfaces[i];
    sf[i].key = arena_str(a, d->surfaces[i].key);
    sf[i].surface = arena_str(a, d->surfaces[i].surface);
  }
  if (d->npairs > 0)
    p = tl_arena_alloc(a, d->npairs * sizeof *p);
  for (size_t i = 0; i < d->npairs; i++) {
    p[i] = d->pairs[i];
    p[i].term = arena_str(a, d->pairs[i].term);
    p[i].rendering = arena_str(a, d->pairs[i].rendering);
  }
  if (d->nhwords > 0)
    w = tl_arena_alloc(a, d->nhwords * sizeof *w);
  for (size_t i = 0; i < d->nhwords; i++) {
    w[i] = d->hwords[i];
    w[i].key = arena_str(a, d->hwords[i].key);
    w[i].surface = arena_str(a, d->hwords[i].surface);
  }
  c->usages = u;
  c->surfaces = sf;
  c->pairs = p;
  c->hwords = w;
}

static void batch_clear(tl_store *s)
{
  s->nbdoc = 0;
  tl_arena_fini(&s->barena);
  tl_arena_init(&s->barena);
}

static bool batch_due(const tl_store *s)
{
  struct timespec now;
  long long ms;

  if (s->nbdoc >= s->batch_docs)
    return true;
  clock_gettime(CLOCK_MONOTONIC, &now);
  ms = (long long)(now.tv_sec - s->bstart.tv_sec) * 1000 +
       (now.tv_nsec - s->bstart.tv_nsec) / 1000000;
  return ms >= (long long)s->batch_ms;
}

/* Write the open batch and the pending verdicts (the lock held). On
 * failure none of its documents is written, and they no longer count as
 * recorded. */
static tl_status settle(tl_store *s, tl_error *err)
{
  tl_status r;

  if (s->nbdoc == 0)
    return TL_OK;
  r = s->ops->record_many(s, s->bdoc, s->nbdoc, err);
  if (r == TL_OK)
    clear_pending(s);
  else
    s->recorded -= s->nbdoc < s->recorded ? s->nbdoc : s->recorded;
  batch_clear(s);
  return r;
}

void tl_store_set_batch(tl_store *s, unsigned docs, unsigned ms)
{
  pthread_mutex_lock(&s->lock);
  if (s->ops->record_many != NULL && !s->ro) {
    settle(s, NULL);
    s->batch_docs = docs > 1 ? docs : 0;
    s->batch_ms = ms;
  }
  pthread_mutex_unlock(&s->lock);
}

tl_status tl_store_tick(tl_store *s, tl_error *err)
{
  tl_status r = TL_OK;

  pthread_mutex_lock(&s->lock);
  if (s->nbdoc == 0 || s->batch_docs == 0) {
    if (!s->ro && s->npend > 0)
      r = s->ops->flush(s, err);
    if (r == TL_OK)
      clear_pending(s);
  } else if (batch_due(s)) {
    r = settle(s, err);
  }
  pthread_mutex_unlock(&s->lock);
  return r;
}

void tl_store_base_fini(tl_store *s)
{
  tl_arena_fini(&s->barena);
  free(s->bdoc);
  clear_pending(s);
  free(s->pend);
  pthread_mutex_destroy(&s->lock);
  free(s->name);
  free(s->archive);
}

tl_status tl_store_open(tl_store **out, const char *target,
                        const char *archive, unsigned flags, tl_error *err)
{
  if (tl_store_is_server(target))
    return tl_store_pg_open(out, target, archive, flags, err);
  return tl_store_sqlite_open(out, target, flags, err);
}

void tl_store_close(tl_store *s)
{
  if (s == NULL)
    return;
  /* a batch left open by a caller that did not flush: written if it can
   * be (its failure was the flush's to report) */
  pthread_mutex_lock(&s->lock);
  settle(s, NULL);
  pthread_mutex_unlock(&s->lock);
  s->ops->close(s);
}

bool tl_store_is_readonly(const tl_store *s)
{
  return s->ro;
}

const char *tl_store_path(const tl_store *s)
{
  return s->name;
}

const char *tl_store_archive(const tl_store *s)
{
  return s->archive;
}

const char *tl_store_backend(const tl_store *s)
{
  return s->ops->name;
}

/* ---- verdicts and suggestions ------------------------------------------- */

static void add_pending(tl_store *s, const char *dict, const char *w,
                        size_t n, int known, char *list)
{
  if (s->ro) {
    free(list);
    return;
  }
  TL_GROW(s->pend, s->cappend, s->npend + 1);
  s->pend[s->npend++] =
      (tl_store_pending){tl_xstrdup(dict), tl_xstrndup(w, n), list, known};
}

int tl_store_verdict(tl_store *s, const char *dict, const char *w, size_t n)
{
  int r;

  pthread_mutex_lock(&s->lock);
  r = s->ops->verdict(s, dict, w, n);
  pthread_mutex_unlock(&s->lock);
  return r;
}

void tl_store_put_verdict(tl_store *s, const char *dict, const char *w,
                          size_t n, int known)
{
  pthread_mutex_lock(&s->lock);
  add_pending(s, dict, w, n, known, NULL);
  pthread_mutex_unlock(&s->lock);
}

int tl_store_suggestions(tl_store *s, const char *dict, const char *w,
                         size_t n, char **block)
{
  int r;

  pthread_mutex_lock(&s->lock);
  r = s->ops->suggestions(s, dict, w, n, block);
  pthread_mutex_unlock(&s->lock);
  return r;
}

void tl_store_put_suggestions(tl_store *s, const char *dict, const char *w,
                              size_t n, const char *const *v, size_t nv)
{
  tl_buf b;

  tl_buf_init(&b);
  for (size_t i = 0; i < nv; i++) {
    if (i)
      tl_buf_addc(&b, '\n');
    tl_buf_adds(&b, v[i]);
  }
  pthread_mutex_lock(&s->lock);
  add_pending(s, dict, w, n, 0, tl_xstrdup(tl_buf_cstr(&b)));
  pthread_mutex_unlock(&s->lock);
  tl_buf_fini(&b);
}

tl_status tl_store_flush(tl_store *s, tl_error *err)
{
  tl_status r = TL_OK;

  pthread_mutex_lock(&s->lock);
  r = settle(s, err);
  if (r == TL_OK && !s->ro && s->npend > 0)
    r = s->ops->flush(s, err);
  if (r == TL_OK)
    clear_pending(s);
  pthread_mutex_unlock(&s->lock);
  return r;
}

/* ---- documents ---------------------------------------------------------- */

bool tl_store_doc_hash(tl_store *s, const char *path, char *hash, size_t n)
{
  bool r;

  pthread_mutex_lock(&s->lock);
  r = false;
  for (size_t i = s->nbdoc; i-- > 0 && !r;) /* the batch: newest first */
    if (strcmp(s->bdoc[i].path, path) == 0) {
      snprintf(hash, n, "%s", s->bdoc[i].hash);
      r = true;
    }
  if (!r)
    r = s->ops->doc_hash(s, path, hash, n);
  pthread_mutex_unlock(&s->lock);
  return r;
}

tl_status tl_store_import_document(tl_store *s, const tl_store_doc *d,
                                   tl_error *err)
{
  tl_status r = TL_OK;

  pthread_mutex_lock(&s->lock);
  if (!s->ro && s->batch_docs > 0) {
    batch_add(s, d); /* the pending verdicts go with the batch */
    s->recorded++;
    if (batch_due(s))
      r = settle(s, err);
  } else if (!s->ro) {
    r = s->ops->record(s, d, err);
    if (r == TL_OK) {
      clear_pending(s);
      s->recorded++;
    }
  }
  pthread_mutex_unlock(&s->lock);
  return r;
}

tl_status tl_store_record(tl_store *s, const char *path, const char *hash,
                          size_t words, const tl_store_usage *u, size_t nu,
                          const tl_store_surface *sf, size_t nsf,
                          const tl_store_word *w, size_t nw, tl_error *err)
{
  tl_store_doc d = {path, hash, words, 0, u, nu, sf, nsf, NULL, 0, w, nw};

  return tl_store_import_document(s, &d, err);
}

tl_status tl_store_renderings(tl_store *s, const char *concept,
                              const char *except_path,
                              tl_store_rendering_fn fn, void *ud,
                              tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = s->ops->renderings(s, concept, except_path, fn, ud, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

void tl_store_count_unchanged(tl_store *s)
{
  pthread_mutex_lock(&s->lock);
  s->recorded++;
  pthread_mutex_unlock(&s->lock);
}

size_t tl_store_recorded(tl_store *s)
{
  size_t n;

  pthread_mutex_lock(&s->lock);
  n = s->recorded;
  pthread_mutex_unlock(&s->lock);
  return n;
}

tl_status tl_store_mixed_concepts(tl_store *s, char ***ids, size_t *n,
                                  tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = settle(s, err);
  if (r == TL_OK)
    r = s->ops->mixed_concepts(s, ids, n, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

tl_status tl_store_paths(tl_store *s, char ***paths, size_t *n,
                         tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = settle(s, err);
  if (r == TL_OK)
    r = s->ops->paths(s, paths, n, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

tl_status tl_store_forget(tl_store *s, const char *path, tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = settle(s, err);
  if (r == TL_OK)
    r = s->ops->forget(s, path, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

tl_status tl_store_stats_get(tl_store *s, tl_store_stats *st, tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = settle(s, err);
  if (r == TL_OK)
    r = s->ops->stats(s, st, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

tl_status tl_store_variants(tl_store *s, tl_store_variant_fn fn, void *ud,
                            tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = settle(s, err);
  if (r == TL_OK)
    r = s->ops->variants(s, fn, ud, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

/* ---- source mode's term pairs ------------------------------------------ */

tl_status tl_store_record_pairs(tl_store *s, const char *path,
                                const tl_store_pair *p, size_t n,
                                tl_error *err)
{
  tl_status r = TL_OK;

  pthread_mutex_lock(&s->lock);
  if (!s->ro && (r = settle(s, err)) == TL_OK)
    r = s->ops->record_pairs(s, path, p, n, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

tl_status tl_store_pairs(tl_store *s, const char *term,
                         const char *except_path, tl_store_rendering_fn fn,
                         void *ud, tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = settle(s, err);
  if (r == TL_OK)
    r = s->ops->pairs(s, term, except_path, fn, ud, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

tl_status tl_store_mixed_terms(tl_store *s, char ***terms, size_t *n,
                               tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = settle(s, err);
  if (r == TL_OK)
    r = s->ops->mixed_terms(s, terms, n, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

tl_status tl_store_learned_terms(tl_store *s, unsigned min_docs,
                                 char ***terms, size_t *n, tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = settle(s, err);
  if (r == TL_OK)
    r = s->ops->learned_terms(s, min_docs, terms, n, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

/* ---- snapshots, export, copy -------------------------------------------- */

tl_status tl_store_read_begin(tl_store *s, tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = settle(s, err);
  if (r == TL_OK)
    r = s->ops->read_begin(s, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

void tl_store_read_end(tl_store *s)
{
  pthread_mutex_lock(&s->lock);
  s->ops->read_end(s);
  pthread_mutex_unlock(&s->lock);
}

tl_status tl_store_each_document(tl_store *s, tl_store_doc_fn fn, void *ud,
                                 tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = settle(s, err);
  if (r == TL_OK)
    r = s->ops->each_document(s, fn, ud, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

tl_status tl_store_each_verdict(tl_store *s, tl_store_verdict_fn fn,
                                void *ud, tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = settle(s, err);
  if (r == TL_OK)
    r = s->ops->each_verdict(s, fn, ud, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

/* ---- house usage -------------------------------------------------------- */

tl_status tl_store_house_words(tl_store *s, unsigned min_docs,
                               tl_store_word_fn fn, void *ud, tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = settle(s, err);
  if (r == TL_OK)
    r = s->ops->house_words(s, min_docs, fn, ud, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

tl_status tl_store_reject(tl_store *s, const char *key, const char *word,
                          tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = s->ro ? tl_error_set(err, TL_EDB, _("%s: banco somente leitura"),
                           s->name)
            : settle(s, err);
  if (r == TL_OK && !s->ro)
    r = s->ops->reject(s, key, word, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

tl_status tl_store_each_rejection(tl_store *s, tl_store_rejection_fn fn,
                                  void *ud, tl_error *err)
{
  tl_status r;

  pthread_mutex_lock(&s->lock);
  r = settle(s, err);
  if (r == TL_OK)
    r = s->ops->each_rejection(s, fn, ud, err);
  pthread_mutex_unlock(&s->lock);
  return r;
}

typedef struct copy_ctx {
  tl_store *to;
  tl_store_copied *n;
} copy_ctx;

static tl_status copy_doc(void *ud, const tl_store_doc *d, tl_error *err)
{
  copy_ctx *c = ud;
  tl_status r = tl_store_import_document(c->to, d, err);

  if (r == TL_OK) {
    c->n->documents++;
    c->n->usages += d->nusages;
    c->n->surfaces += d->nsurfaces;
    c->n->pairs += d->npairs;
    c->n->words += d->nhwords;
  }
  return r;
}

static tl_status copy_rejection(void *ud, const char *key, const char *word,
                                tl_error *err)
{
  copy_ctx *c = ud;
  tl_status r = tl_store_reject(c->to, key, word, err);

  if (r == TL_OK)
    c->n->rejections++;
  return r;
}

/* Verdicts and suggestion lists go through the pending list, written
 * every few thousand. */
static tl_status copy_verdict(void *ud, const char *dict, const char *word,
                              int known, const char *list, tl_error *err)
{
  copy_ctx *c = ud;
  tl_store *to = c->to;
  tl_status r = TL_OK;

  pthread_mutex_lock(&to->lock);
  add_pending(to, dict, word, strlen(word), known,
              list ? tl_xstrdup(list) : NULL);
  if (to->npend >= 4096) {
    r = to->ops->flush(to, err);
    if (r == TL_OK)
      clear_pending(to);
  }
  pthread_mutex_unlock(&to->lock);
  if (list)
    c->n->suggestions++;
  else
    c->n->verdicts++;
  return r;
}

tl_status tl_store_copy(tl_store *from, tl_store *to, tl_store_copied *n,
                        tl_error *err)
{
  copy_ctx c = {to, n};
  tl_status r;
  unsigned docs, ms;

  memset(n, 0, sizeof *n);
  if (to->ro)
    return tl_error_set(err, TL_EDB, _("%s: banco somente leitura"), to->name);
  r = tl_store_read_begin(from, err);
  if (r != TL_OK)
    return r;
  /* the documents in batches, as `corpus index` writes them */
  pthread_mutex_lock(&to->lock);
  docs = to->batch_docs;
  ms = to->batch_ms;
  pthread_mutex_unlock(&to->lock);
  tl_store_set_batch(to, 64, 2000);
  r = tl_store_each_document(from, copy_doc, &c, err);
  if (r == TL_OK)
    r = tl_store_each_rejection(from, copy_rejection, &c, err);
  if (r == TL_OK)
    r = tl_store_each_verdict(from, copy_verdict, &c, err);
  if (r == TL_OK)
    r = tl_store_flush(to, err);
  tl_store_set_batch(to, docs, ms); /* writes what a failure left open */
  tl_store_read_end(from);
  return r;
}
