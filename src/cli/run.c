/* Checking the files of check and corpus index: several threads, --fix,
 * the report and the report folder, the exit status. */
#include "cli.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { OPT_MARKDOWN = CLI_RUN_KEYS, OPT_PLAIN };

const cli_option cli_run_options[] = {
    {"markdown", OPT_MARKDOWN, NULL,
     N_("lê tudo como Markdown (padrão: .txt é texto\n"
     "simples, o resto Markdown)")},
    {"plain", OPT_PLAIN, NULL, N_("lê tudo como texto simples")},
    {"jobs", 'j', "N",
     N_("verifica N arquivos ao mesmo tempo (padrão: um\n"
     "por núcleo); a saída é a mesma de -j 1")},
    {NULL, 0, NULL, NULL},
};

void cli_run_init(cli_run *r)
{
  memset(r, 0, sizeof *r);
  r->markup = TL_MARKUP_AUTO;
  r->format = TL_FORMAT_TEXT;
  r->color = -1;
}

int cli_run_option(cli_run *r, const cli_parser *p, int key)
{
  switch (key) {
  case OPT_MARKDOWN:
    r->markup = TL_MARKUP_MARKDOWN;
    break;
  case OPT_PLAIN:
    r->markup = TL_MARKUP_PLAIN;
    break;
  case 'j':
    if (!cli_parse_long(p->val, 1, 256, &r->jobs)) {
      cli_usage_error(p->cx, _("-j '%s' inválido (um número de 1 a 256)"),
                      p->val);
      return -1;
    }
    break;
  default:
    return 0;
  }
  return 1;
}

/* Checking files in several threads: each worker has a linter of its own
 * and checks the next file; the main thread takes the results in file
 * order and completes them (corpus stage, report), so that the output is
 * the same as with one thread. Workers run at most WINDOW files ahead. */
typedef struct pool {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  char *const *files;
  size_t nfiles, next, consumed, window;
  tl_markup markup;
  tl_linter **linters;
  tl_result **res;
  tl_status *st;
  tl_error *errs;
  bool *done;
  bool stop;
  pthread_t *threads;
  struct worker_arg *wargs;
  size_t nthreads;
} pool;

typedef struct worker_arg {
  pool *p;
  size_t id;
} worker_arg;

static void *worker(void *ud)
{
  worker_arg *wa = ud;
  pool *p = wa->p;

  for (;;) {
    size_t k;
    tl_result *r = NULL;
    tl_status st;
    pthread_mutex_lock(&p->mu);
    while (!p->stop && p->next < p->nfiles &&
           p->next >= p->consumed + p->window)
      pthread_cond_wait(&p->cv, &p->mu);
    if (p->stop || p->next >= p->nfiles) {
      pthread_mutex_unlock(&p->mu);
      return NULL;
    }
    k = p->next++;
    pthread_mutex_unlock(&p->mu);
    st = tl_lint_file(p->linters[wa->id], p->files[k], p->markup, &r,
                      &p->errs[k]);
    pthread_mutex_lock(&p->mu);
    p->res[k] = r;
    p->st[k] = st;
    p->done[k] = true;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
  }
}

static void *xcalloc(size_t n, size_t size)
{
  void *p = calloc(n, size);
  if (p == NULL)
    cli_oom();
  return p;
}

/* `corpus index`'s batches: TL_INDEX_BATCH_DOCS documents or
 * TL_INDEX_BATCH_MS milliseconds a transaction; TRADLINT_INDEX_BATCH=DOCS
 * or DOCS:MS says otherwise (1: a transaction a document), for tests and
 * measurements. */
#define TL_INDEX_BATCH_DOCS 64
#define TL_INDEX_BATCH_MS 2000

static void index_batch(unsigned *docs, unsigned *ms)
{
  const char *env = getenv("TRADLINT_INDEX_BATCH");
  unsigned long d, m;
  char *end;

  *docs = TL_INDEX_BATCH_DOCS;
  *ms = TL_INDEX_BATCH_MS;
  if (env == NULL || *env == '\0')
    return;
  d = strtoul(env, &end, 10);
  if (end == env || d > 100000)
    return;
  *docs = (unsigned)d;
  if (*end == ':') {
    const char *p = end + 1;
    m = strtoul(p, &end, 10);
    if (end != p && *end == '\0' && m <= 3600000)
      *ms = (unsigned)m;
  }
}

/* Whether the workers get a Hunspell of their own, loaded in parallel,
 * instead of sharing the first one. Asking Hunspell (a word's verdict, the
 * typo-or-name search) is about half the work of a cold run, and one shared
 * Hunspell answers one thread at a time: on 200 files of 50 KB with -j 2
 * the two workers held its lock half of the time and slept on it 0.8 s
 * each (docs/PERFORMANCE.md, seventh pass). Their own instances answer in
 * parallel; the verdicts stay shared through the parent's store, so a word
 * is asked once. The second load costs about 0.35 s of CPU, mostly on the
 * core that would wait for the first one; below TL_OWN_SPELLERS_BYTES of
 * files there is too little to ask to pay for it, and the workers share
 * one (each thread keeps the verdicts it was given in front of the lock).
 * An instance is about 45 MiB: at most TL_MAX_SPELLERS are loaded, and
 * the workers beyond take turns on them (worker t on instance t mod that).
 * TRADLINT_DEBUG_OWN_SPELLERS=1 or 0 forces either, for the tests and for
 * measuring both designs. */
#define TL_OWN_SPELLERS_BYTES ((off_t)1 << 20)
#define TL_MAX_SPELLERS 4

static bool own_spellers(const tl_strv *files)
{
  const char *debug = getenv("TRADLINT_DEBUG_OWN_SPELLERS");
  off_t total = 0;
  struct stat st;

  if (debug != NULL && (strcmp(debug, "1") == 0 || strcmp(debug, "0") == 0))
    return debug[0] == '1';
  for (size_t k = 0; k < files->n && total < TL_OWN_SPELLERS_BYTES; k++)
    if (stat(files->v[k], &st) == 0 && S_ISREG(st.st_mode))
      total += st.st_size;
  return total >= TL_OWN_SPELLERS_BYTES;
}

/* Whether the dictionaries load in the background: with a second core, or
 * -j above 1. TRADLINT_DEBUG_PRELOAD=1 or 0 forces either, for the tests. */
static bool preload(long jobs, long cores)
{
  const char *debug = getenv("TRADLINT_DEBUG_PRELOAD");

  if (debug != NULL && (strcmp(debug, "0") == 0 || strcmp(debug, "1") == 0))
    return debug[0] == '1';
  return jobs > 1 || cores > 1;
}

/* Start @nthreads workers over @files, the first with linter @l; the others
 * with spellers of their own when @own (up to TL_MAX_SPELLERS in all). */
static void pool_start(pool *pl, tl_linter *l, const tl_strv *files,
                       tl_markup markup, size_t nthreads, bool own)
{
  tl_error err;

  memset(pl, 0, sizeof *pl);
  pthread_mutex_init(&pl->mu, NULL);
  pthread_cond_init(&pl->cv, NULL);
  pl->files = files->v;
  pl->nfiles = files->n;
  pl->window = nthreads * 4;
  pl->markup = markup;
  pl->nthreads = nthreads;
  pl->linters = xcalloc(nthreads, sizeof *pl->linters);
  pl->res = xcalloc(files->n, sizeof *pl->res);
  pl->st = xcalloc(files->n, sizeof *pl->st);
  pl->errs = xcalloc(files->n, sizeof *pl->errs);
  pl->done = xcalloc(files->n, sizeof *pl->done);
  pl->threads = xcalloc(nthreads, sizeof *pl->threads);
  pl->wargs = xcalloc(nthreads, sizeof *pl->wargs);
  tl_linter_defer_corpus(l, true);
  pl->linters[0] = l;
  for (size_t t = 1; t < nthreads; t++) {
    if (own && t < TL_MAX_SPELLERS) {
      if (tl_linter_new_worker(&pl->linters[t], l, &err) != TL_OK)
        cli_oom();
      tl_linter_preload(pl->linters[t]); /* its own Hunspell, in parallel */
    } else if (tl_linter_new_sibling(&pl->linters[t],
                                     pl->linters[own ? t % TL_MAX_SPELLERS
                                                     : 0],
                                     &err) != TL_OK) {
      cli_oom();
    }
  }
  for (size_t t = 0; t < nthreads; t++) {
    pl->wargs[t].p = pl;
    pl->wargs[t].id = t;
    if (pthread_create(&pl->threads[t], NULL, worker, &pl->wargs[t]) != 0)
      cli_oom();
  }
}

/* The result of file @k, in order, completed by @l. */
static tl_status pool_take(pool *pl, tl_linter *l, size_t k, tl_result **out,
                           tl_error *err)
{
  tl_result *r;
  tl_status st;

  pthread_mutex_lock(&pl->mu);
  while (!pl->done[k])
    pthread_cond_wait(&pl->cv, &pl->mu);
  r = pl->res[k];
  st = pl->st[k];
  *err = pl->errs[k];
  pl->consumed = k + 1;
  pthread_cond_broadcast(&pl->cv);
  pthread_mutex_unlock(&pl->mu);
  if (st == TL_OK)
    st = tl_linter_complete(l, r, err);
  if (st != TL_OK) {
    tl_result_free(r);
    r = NULL;
  }
  *out = r;
  return st;
}

/* Stop the workers, free what they still hold. */
static void pool_stop(pool *pl)
{
  pthread_mutex_lock(&pl->mu);
  pl->stop = true;
  pthread_cond_broadcast(&pl->cv);
  pthread_mutex_unlock(&pl->mu);
  for (size_t t = 0; t < pl->nthreads; t++)
    pthread_join(pl->threads[t], NULL);
  for (size_t k = 0; k < pl->nfiles; k++)
    if (pl->done[k] && k >= pl->consumed)
      tl_result_free(pl->res[k]);
  for (size_t t = 1; t < pl->nthreads; t++) {
    tl_linter_flush(pl->linters[t], NULL);
    tl_linter_abandon(pl->linters[t]); /* exiting: as cli_setup_fini */
  }
  pthread_mutex_destroy(&pl->mu);
  pthread_cond_destroy(&pl->cv);
  free(pl->linters);
  free(pl->res);
  free(pl->st);
  free(pl->errs);
  free(pl->done);
  free(pl->threads);
  free(pl->wargs);
}

/* --fix: apply the safe fixes of @r to @path (until none is left, see
 * tl_linter_fix), or print them as a diff. Returns false after an error
 * message. */
static bool fix_file(tl_linter *l, const tl_result *r, const char *path,
                     bool dry_run)
{
  char *text = NULL;
  size_t len = 0, applied = 0, skipped = 0;
  bool ok = true;
  tl_error err;

  if (tl_linter_fix(l, r, &text, &len, &applied, &skipped, &err) != TL_OK) {
    cli_error("%s", err.msg);
    return false;
  }
  if (applied > 0 && dry_run) {
    size_t olen;
    const char *old = tl_result_text(r, &olen);
    tl_text_diff(old, olen, text, len, stdout, path);
  } else if (applied > 0 && strcmp(path, "-") == 0) {
    cli_error(_("a entrada padrão não pode ser corrigida no lugar; use --fix "
              "--dry-run"));
    ok = false;
  } else if (applied > 0) {
    if (tl_fix_write(r, text, len, &err) != TL_OK) {
      cli_error("%s", err.msg);
      ok = false;
    } else {
      fprintf(stderr,
              P_("%s: %zu correção aplicada\n", "%s: %zu correções aplicadas\n",
                 applied),
              path, applied);
    }
  }
  if (skipped > 0)
    fprintf(stderr,
            P_("%s: %zu correção se sobrepõe a outra e não foi aplicada; rode "
               "--fix de novo\n",
               "%s: %zu correções se sobrepõem a outras e não foram aplicadas; "
               "rode --fix de novo\n",
               skipped),
            path, skipped);
  free(text);
  return ok;
}

/* The exit status for what @rep counted. */
static int findings_status(const tl_report *rep, tl_severity fail_on)
{
  if (fail_on == TL_NEVER)
    return 0;
  for (int s = TL_ERROR; s >= (int)fail_on; s--)
    if (tl_report_count(rep, (tl_severity)s) > 0)
      return CLI_EXIT_FINDINGS;
  return 0;
}

int cli_run_files(cli_setup *s, const cli_run *r, const tl_strv *files,
                  bool trouble)
{
  tl_linter *l = s->linter;
  tl_report *rep;
  tl_report_dir *rdir = NULL;
  tl_baseline *baseline = NULL, *new_baseline = NULL;
  tl_error err;
  pool pl;
  size_t nthreads = 0;
  long jobs = r->jobs, cores;
  int color = r->color, status;

  if (color < 0)
    color = isatty(STDOUT_FILENO) &&
            (getenv("NO_COLOR") == NULL || getenv("NO_COLOR")[0] == '\0');
  rep = tl_report_new(r->format,
                      stdout, (color ? TL_REPORT_COLOR : 0) |
                                  (r->sort_severity ? TL_REPORT_SORT_SEVERITY
                                                    : 0));
  if (s->root == NULL)
    s->root = cli_archive_root();
  tl_report_set_root(rep, s->root);
  if (r->min_level_set)
    tl_report_set_min_level(rep, r->min_level);
  else if (r->format == TL_FORMAT_TEXT && s->fail_on < TL_WARNING)
    tl_report_set_min_level(rep, s->fail_on); /* what fails is shown */
  if (r->baseline != NULL) {
    if (tl_baseline_load(&baseline, r->baseline, &err) != TL_OK) {
      cli_error("%s", err.msg);
      tl_report_free(rep);
      return CLI_EXIT_TROUBLE;
    }
    tl_report_set_baseline(rep, baseline);
  }
  if (r->write_baseline != NULL)
    new_baseline = tl_baseline_new();
  if (r->report_dir != NULL &&
      tl_report_dir_new(&rdir, r->report_dir, s->root, &err) != TL_OK) {
    cli_error("%s", err.msg);
    tl_report_free(rep);
    tl_baseline_free(baseline);
    tl_baseline_free(new_baseline);
    return CLI_EXIT_TROUBLE;
  }
  if (rdir != NULL && s->corpus != NULL)
    tl_report_dir_set_corpus(rdir, s->corpus, l);
  /* threads: -j N, by default one a core, never more than files */
  cores = sysconf(_SC_NPROCESSORS_ONLN);
  if (jobs == 0)
    jobs = cores > 0 ? cores : 1;
  if (r->index_only && s->corpus != NULL) {
    unsigned docs, ms;
    index_batch(&docs, &ms);
    tl_corpus_set_batch(s->corpus, docs, ms);
  }
  /* a second core, even with -j 1: the dictionaries load in a thread of
   * their own while the text is read, parsed and tokenised (a wait on
   * the disk and the allocator, not a checker's work) */
  if (preload(jobs, cores) && files->n > 0)
    tl_linter_preload(l);
  if (r->blobs == NULL && jobs > 1 && files->n > 1) {
    nthreads = (size_t)jobs < files->n ? (size_t)jobs : files->n;
    pool_start(&pl, l, files, r->markup, nthreads, own_spellers(files));
  }
  for (size_t k = 0; k < files->n; k++) {
    const char *path = files->v[k];
    tl_result *res = NULL;
    tl_status st;
    if (nthreads > 0) {
      st = pool_take(&pl, l, k, &res, &err);
    } else if (r->blobs != NULL) { /* --staged: the content from the index */
      char *data;
      size_t len;
      if (cli_git_blob(r->blobs->v[k], path, &data, &len) != 0) {
        trouble = true;
        continue;
      }
      st = tl_lint_buffer(l, path, data, len, r->markup, &res, &err);
      free(data);
    } else {
      st = tl_lint_file(l, path, r->markup, &res, &err);
    }
    if (st != TL_OK) {
      cli_error("%s", err.msg);
      trouble = true;
      if (st == TL_EDICT || st == TL_EDB) /* no point in going on */
        break;
      continue;
    }
    if (tl_result_dropped(res) > 0)
      fprintf(stderr,
              P_("tradlint: aviso: %s: mais de %zu achados; %zu não foi "
                 "guardado nem relatado\n",
                 "tradlint: aviso: %s: mais de %zu achados; %zu não foram "
                 "guardados nem relatados\n",
                 tl_result_dropped(res)),
              path, (size_t)TL_MAX_FINDINGS, tl_result_dropped(res));
    if (r->fix && !fix_file(l, res, path, r->dry_run))
      trouble = true;
    if (!r->index_only && !(r->fix && r->dry_run))
      tl_report_add(rep, res);
    if (new_baseline != NULL)
      tl_baseline_add(new_baseline, res, s->root);
    if (rdir != NULL && tl_report_dir_add(rdir, res, &err) != TL_OK) {
      cli_error("%s", err.msg);
      trouble = true;
    }
    tl_result_free(res);
  }
  if (nthreads > 0)
    pool_stop(&pl);
  if (rdir != NULL && tl_report_dir_finish(rdir, &err) != TL_OK) {
    cli_error("%s", err.msg);
    trouble = true;
  }
  tl_report_dir_free(rdir);
  if (s->corpus != NULL && tl_linter_flush(l, &err) != TL_OK) {
    cli_error("%s", err.msg);
    trouble = true;
  }
  if (s->cache_dir != NULL && tl_linter_save_cache(l, &err) != TL_OK)
    fprintf(stderr, _("tradlint: aviso: cache de verificação não gravado: %s "
                    "(use --no-cache)\n"), err.msg);
  if (r->fix && r->dry_run) {
    ; /* the diff is the output */
  } else if (r->index_only) {
    size_t stored = s->corpus != NULL ? tl_corpus_recorded(s->corpus) : 0;
    printf(P_("tradlint: %zu documento registrado no acervo\n",
              "tradlint: %zu documentos registrados no acervo\n", stored),
           stored);
  } else if (r->format == TL_FORMAT_JSON || tl_report_files(rep) > 0 ||
             !trouble) {
    tl_report_finish(rep);
  }
  if (new_baseline != NULL) {
    if (tl_baseline_write(new_baseline, r->write_baseline, &err) != TL_OK) {
      cli_error("%s", err.msg);
      trouble = true;
    } else {
      size_t n = tl_baseline_count(new_baseline);
      fprintf(stderr,
              P_("tradlint: linha de base com %zu achado gravada em %s\n",
                 "tradlint: linha de base com %zu achados gravada em %s\n", n),
              n, r->write_baseline);
    }
  }
  if (baseline != NULL && tl_report_baselined(rep) > 0) {
    size_t n = tl_report_baselined(rep);
    fprintf(stderr,
            P_("tradlint: %zu achado da linha de base omitido\n",
               "tradlint: %zu achados da linha de base omitidos\n", n),
            n);
  }
  tl_baseline_free(baseline);
  tl_baseline_free(new_baseline);
  if (s->corpus != NULL && tl_corpus_readonly(s->corpus))
    fprintf(stderr, _("tradlint: aviso: %s é somente leitura: a memória do "
                    "acervo não foi atualizada\n"), 
            tl_corpus_name(s->corpus));
  status = trouble ? CLI_EXIT_TROUBLE : findings_status(rep, s->fail_on);
  tl_report_free(rep);
  return status;
}
