/* The SQLite backend of the store: one file per archive. The only
 * includer of sqlite3.h. Schema versioned with PRAGMA user_version and
 * migrated forward; WAL mode, a busy timeout, one transaction per
 * document or per batch of them (record_many). */
#include "store_backend.h"
#include "msg.h"

#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define APP_ID 0x544C4E54 /* "TLNT" */

static const char *const SCHEMA_V1 =
    "CREATE TABLE documents(id INTEGER PRIMARY KEY, path TEXT NOT NULL "
    "UNIQUE, hash TEXT NOT NULL, words INTEGER NOT NULL, checked_at INTEGER "
    "NOT NULL);"
    "CREATE TABLE usages(doc INTEGER NOT NULL REFERENCES documents(id) ON "
    "DELETE CASCADE, concept TEXT NOT NULL, rendering TEXT NOT NULL, kind "
    "INTEGER NOT NULL, count INTEGER NOT NULL, first_offset INTEGER NOT NULL, "
    "first_line INTEGER NOT NULL, surface TEXT NOT NULL, PRIMARY KEY(doc, "
    "concept, rendering));"
    "CREATE INDEX usages_by_concept ON usages(concept, rendering);"
    "CREATE TABLE verdicts(dict TEXT NOT NULL, word TEXT NOT NULL, known "
    "INTEGER NOT NULL, PRIMARY KEY(dict, word)) WITHOUT ROWID;";

/* Forward migrations: MIGRATIONS[v] takes a database from version v+1 to
 * v+2 (index 0: from 1 to 2). */
static const char *const MIGRATIONS[] = {
    "CREATE TABLE suggestions(dict TEXT NOT NULL, word TEXT NOT NULL, list "
    "TEXT NOT NULL, PRIMARY KEY(dict, word)) WITHOUT ROWID;"
    "CREATE TABLE surfaces(doc INTEGER NOT NULL REFERENCES documents(id) ON "
    "DELETE CASCADE, key TEXT NOT NULL, surface TEXT NOT NULL, count INTEGER "
    "NOT NULL, PRIMARY KEY(doc, key, surface));"
    "CREATE INDEX surfaces_by_key ON surfaces(key);",
    /* 2 -> 3: term pairs learned in source mode */
    "CREATE TABLE learned(doc INTEGER NOT NULL REFERENCES documents(id) ON "
    "DELETE CASCADE, term TEXT NOT NULL, rendering TEXT NOT NULL, count "
    "INTEGER NOT NULL, PRIMARY KEY(doc, term, rendering));"
    "CREATE INDEX learned_by_term ON learned(term, rendering);",
    /* 3 -> 4: how the archive renders a concept without reading every
     * usage of it (linear `corpus index`): running totals per rendering,
     * kept by triggers, and the path beside each usage so that example
     * documents come from an index in path order */
    "ALTER TABLE usages ADD COLUMN path TEXT NOT NULL DEFAULT '';"
    "UPDATE usages SET path = (SELECT path FROM documents WHERE id = "
    "usages.doc);"
    "CREATE INDEX usages_examples ON usages(concept, rendering, path);"
    "CREATE TABLE rendering_totals(concept TEXT NOT NULL, rendering TEXT NOT "
    "NULL, kind INTEGER NOT NULL, docs INTEGER NOT NULL, uses INTEGER NOT "
    "NULL, PRIMARY KEY(concept, rendering, kind)) WITHOUT ROWID;"
    "INSERT INTO rendering_totals SELECT concept, rendering, kind, count(*), "
    "sum(count) FROM usages GROUP BY concept, rendering, kind;"
    "CREATE TRIGGER usages_added AFTER INSERT ON usages BEGIN "
    "INSERT INTO rendering_totals VALUES(new.concept, new.rendering, "
    "new.kind, 1, new.count) ON CONFLICT DO UPDATE SET docs = docs + 1, "
    "uses = uses + excluded.uses; END;"
    "CREATE TRIGGER usages_removed AFTER DELETE ON usages BEGIN "
    "UPDATE rendering_totals SET docs = docs - 1, uses = uses - old.count "
    "WHERE concept = old.concept AND rendering = old.rendering AND kind = "
    "old.kind; DELETE FROM rendering_totals WHERE concept = old.concept AND "
    "rendering = old.rendering AND kind = old.kind AND docs <= 0; END;",
    /* 4 -> 5: house usage (house.c): the words no dictionary knows of
     * each document, and the editors' rejections; every document's hash
     * forgotten, so that the next index records its words */
    "CREATE TABLE words(doc INTEGER NOT NULL REFERENCES documents(id) ON "
    "DELETE CASCADE, key TEXT NOT NULL, surface TEXT NOT NULL, name INTEGER "
    "NOT NULL, count INTEGER NOT NULL, PRIMARY KEY(doc, key, surface)) "
    "WITHOUT ROWID;"
    "CREATE INDEX words_by_key ON words(key);"
    "CREATE TABLE rejections(key TEXT NOT NULL PRIMARY KEY, word TEXT NOT "
    "NULL, rejected_at INTEGER NOT NULL) WITHOUT ROWID;"
    "UPDATE documents SET hash = '';",
    /* 5 -> 6: every rendering recorded with its kind (forbidden forms,
     * acronyms, accent variants, glossed renderings) and the derived
     * phrases of discovered concepts: every document's hash forgotten, so
     * that the next index records them */
    "UPDATE documents SET hash = '';",
    /* 6 -> 7: headings, link texts and English terms recorded as
     * renderings (structural concepts "## ID", "[…] host/path"): every
     * document's hash forgotten, so that the next index records them */
    "UPDATE documents SET hash = '';",
    /* 7 -> 8: three indexes that every row written paid for in pages
     * (`corpus index`: each document's rows land on random pages of each)
     * dropped: usages_by_concept(concept, rendering), every lookup of
     * which is a prefix of usages_examples(concept, rendering, path); and
     * surfaces_by_key and words_by_key, read only by `corpus variants` and
     * house usage, which group whole tables (as fast with a sort) */
    "DROP INDEX IF EXISTS usages_by_concept;"
    "DROP INDEX IF EXISTS surfaces_by_key;"
    "DROP INDEX IF EXISTS words_by_key;",
    NULL};

/* More than the call sites that use the cache (a full cache prepares anew
 * and hands the statement to the same call site's finalize path). */
#define SQ_CACHE 32

typedef struct sq_store {
  tl_store base;
  sqlite3 *db;
  char *path; /* the file */
  sqlite3_stmt *q_verdict, *q_sugg;
  /* prepared statements kept for the connection's life, keyed by the
   * address of their SQL literal: preparing costs more than running one */
  struct {
    const char *sql;
    sqlite3_stmt *st;
  } cache[SQ_CACHE];
  size_t ncache;
  /* the last failed step's code and message: resetting and releasing
   * statements on the way out clears the connection's own */
  int failed_rc;
  char failed_msg[256];
} sq_store;

static const tl_store_ops SQ_OPS;
static void sq_close(tl_store *base);

static tl_status db_error(sq_store *s, tl_error *err, const char *what)
{
  int code = s->db ? sqlite3_errcode(s->db) : SQLITE_ERROR;
  const char *msg = s->db ? sqlite3_errmsg(s->db) : "?";

  if (code == SQLITE_OK && s->failed_rc != SQLITE_OK) {
    code = s->failed_rc;
    msg = s->failed_msg;
  }
  s->failed_rc = SQLITE_OK;

  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    return tl_error_set(err, TL_EDB,
                        _("%s: banco do acervo corrompido (%s); rode de novo "
                        "com --rebuild-db para recriá-lo (o arquivo atual é "
                        "guardado como %s.bak)"),
                        s->path, msg, s->path);
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    return tl_error_set(err, TL_EDB,
                        _("%s: banco do acervo ocupado por outro processo por "
                        "mais de 5 s (%s); tente de novo ou use --no-db"),
                        s->path, what);
  return tl_error_set(err, TL_EDB, _("%s: erro no banco do acervo ao %s: %s"),
                      s->path, what, msg);
}

static int exec(sq_store *s, const char *sql)
{
  return sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

/* Step a statement that returns no rows: SQLITE_OK, or the error. */
static int step_done(sq_store *s, sqlite3_stmt *st)
{
  int rc = sqlite3_step(st);
  if (rc == SQLITE_DONE)
    return SQLITE_OK;
  rc = rc == SQLITE_ROW ? SQLITE_MISUSE : sqlite3_errcode(s->db);
  s->failed_rc = rc;
  snprintf(s->failed_msg, sizeof s->failed_msg, "%s",
           rc == SQLITE_MISUSE ? sqlite3_errstr(rc) : sqlite3_errmsg(s->db));
  return rc;
}

/* The statement for @sql (a string literal: its address is the key),
 * prepared once per connection, handed out reset and without bindings;
 * give it back with release(). */
static sqlite3_stmt *cached(sq_store *s, const char *sql, int *rc)
{
  sqlite3_stmt *st = NULL;

  for (size_t i = 0; i < s->ncache; i++)
    if (s->cache[i].sql == sql) {
      *rc = SQLITE_OK;
      return s->cache[i].st;
    }
  *rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
                           NULL);
  if (*rc != SQLITE_OK) {
    sqlite3_finalize(st);
    return NULL;
  }
  if (s->ncache < SQ_CACHE) {
    s->cache[s->ncache].sql = sql;
    s->cache[s->ncache++].st = st;
  }
  return st;
}

/* Reset a statement from cached(): its read lock ends here. One that did
 * not fit the cache is finalized. */
static void release(sq_store *s, sqlite3_stmt *st)
{
  if (st == NULL)
    return;
  for (size_t i = 0; i < s->ncache; i++)
    if (s->cache[i].st == st) {
      sqlite3_reset(st);
      sqlite3_clear_bindings(st);
      return;
    }
  sqlite3_finalize(st);
}

static void drop_cache(sq_store *s)
{
  for (size_t i = 0; i < s->ncache; i++)
    sqlite3_finalize(s->cache[i].st);
  s->ncache = 0;
}

static long long scalar(sq_store *s, const char *sql, int *rc)
{
  sqlite3_stmt *st = NULL;
  long long v = 0;

  *rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
  if (*rc == SQLITE_OK) {
    *rc = sqlite3_step(st);
    if (*rc == SQLITE_ROW) {
      v = sqlite3_column_int64(st, 0);
      *rc = SQLITE_OK;
    } else if (*rc == SQLITE_DONE) {
      *rc = SQLITE_OK;
    }
  }
  sqlite3_finalize(st);
  return v;
}

static bool is_wal(sq_store *s)
{
  sqlite3_stmt *st = NULL;
  bool wal = false;

  if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode", -1, &st, NULL) ==
          SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    const char *m = (const char *)sqlite3_column_text(st, 0);
    wal = m != NULL && strcmp(m, "wal") == 0;
  }
  sqlite3_finalize(st);
  return wal;
}

/* Whether the file at @path is empty or starts like an SQLite database. */
static bool looks_like_sqlite(const char *path, bool *exists)
{
  FILE *fp = fopen(path, "rb");
  char head[16];
  size_t got;

  *exists = fp != NULL;
  if (fp == NULL)
    return true;
  got = fread(head, 1, sizeof head, fp);
  fclose(fp);
  return got == 0 || (got == 16 && memcmp(head, "SQLite format 3", 16) == 0);
}

/* Move a damaged or foreign database aside as PATH.bak (PATH.bak.1, ...
 * when that exists), its write-ahead log with it. */
static tl_status set_aside(const char *path, tl_error *err)
{
  tl_buf bak, side, to;
  struct stat st;
  tl_status rc = TL_OK;

  tl_buf_init(&bak);
  tl_buf_init(&side);
  tl_buf_init(&to);
  tl_buf_printf(&bak, "%s.bak", path);
  for (unsigned k = 1; lstat(bak.p, &st) == 0 && k < 1000; k++) {
    tl_buf_clear(&bak);
    tl_buf_printf(&bak, "%s.bak.%u", path, k);
  }
  if (rename(path, bak.p) != 0) {
    rc = tl_error_set(err, TL_EDB, _("%s: não foi possível mover para %s: %s"),
                      path, bak.p, tl_strerror(errno));
    goto out;
  }
  fprintf(stderr, _("tradlint: aviso: %s guardado como %s; banco do acervo "
                  "recriado\n"), path, bak.p);
  tl_buf_printf(&side, "%s-wal", path);
  tl_buf_printf(&to, "%s-wal", bak.p);
  if (rename(side.p, to.p) != 0)
    remove(side.p);
  tl_buf_clear(&side);
  tl_buf_printf(&side, "%s-shm", path);
  remove(side.p);
out:
  tl_buf_fini(&bak);
  tl_buf_fini(&side);
  tl_buf_fini(&to);
  return rc;
}

/* Whether SQLite finds the whole file sound (every page, every index). */
static bool is_sound(sq_store *s)
{
  sqlite3_stmt *st = NULL;
  bool ok = false;

  if (sqlite3_prepare_v2(s->db, "PRAGMA integrity_check(1)", -1, &st,
                         NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    const char *m = (const char *)sqlite3_column_text(st, 0);
    ok = m != NULL && strcmp(m, "ok") == 0;
  }
  sqlite3_finalize(st);
  return ok;
}

static bool is_damage(int code)
{
  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

/* Read the schema, create or migrate it. *@damaged is set when the file
 * is corrupt, foreign or of an impossible schema: --rebuild-db cases. */
static tl_status setup(sq_store *s, bool *damaged, tl_error *err)
{
  int rc, rc2 = SQLITE_OK, rc3 = SQLITE_OK;
  long long tables, version = 0, app = 0;

  *damaged = false;
  if (sqlite3_busy_timeout(s->db, 5000) != SQLITE_OK)
    return db_error(s, err, _("configurar o banco"));
  tables = scalar(s, "SELECT count(*) FROM sqlite_master", &rc);
  if (rc == SQLITE_OK)
    version = scalar(s, "PRAGMA user_version", &rc2);
  if (rc == SQLITE_OK && rc2 == SQLITE_OK)
    app = scalar(s, "PRAGMA application_id", &rc3);
  if (rc != SQLITE_OK || rc2 != SQLITE_OK || rc3 != SQLITE_OK) {
    *damaged = is_damage(sqlite3_errcode(s->db));
    return db_error(s, err, _("ler o esquema"));
  }
  if (tables > 0 && app != APP_ID) {
    *damaged = true;
    return tl_error_set(err, TL_EDB,
                        _("%s: não é um banco do tradlint (é de outro "
                        "programa); indique outro arquivo com --db, ou use "
                        "--rebuild-db para guardá-lo como %s.bak e criar um "
                        "novo"),
                        s->path, s->path);
  }
  if (tables > 0 && (version <= 0 || version > 1000)) {
    *damaged = true;
    return tl_error_set(err, TL_EDB,
                        _("%s: banco do acervo com versão de esquema "
                        "impossível (%lld): arquivo corrompido; rode de novo "
                        "com --rebuild-db para recriá-lo (o arquivo atual é "
                        "guardado como %s.bak)"),
                        s->path, version, s->path);
  }
  if (version > TL_STORE_VERSION)
    return tl_error_set(err, TL_EDB,
                        _("%s: criado por uma versão mais nova do tradlint "
                        "(esquema %lld; esta versão lê até %d)"),
                        s->path, version, TL_STORE_VERSION);
  if (s->base.ro) {
    if (tables == 0 || version < TL_STORE_VERSION)
      return tl_error_set(err, TL_EDB,
                          _("%s: banco do acervo somente leitura e %s"), s->path,
                          tables == 0 ? _("vazio") : _("de esquema antigo"));
    return TL_OK;
  }
  if (!is_wal(s)) {
    /* switching to WAL needs the database to itself, and SQLite does not
     * wait for that: retry for as long as the busy timeout */
    int tries = 0;
    while (exec(s, "PRAGMA journal_mode=WAL") != SQLITE_OK && !is_wal(s)) {
      struct timespec ts = {0, 100 * 1000 * 1000};
      if (is_damage(sqlite3_errcode(s->db))) {
        *damaged = true;
        return db_error(s, err, _("configurar o banco"));
      }
      if (++tries >= 50)
        return db_error(s, err, _("configurar o banco"));
      nanosleep(&ts, NULL);
    }
  }
  /* a batch of documents (tl_store_set_batch) dirties more pages than
   * the default 2 MB cache holds, which then spills them into the log in
   * mid-transaction */
  if (exec(s, "PRAGMA synchronous=NORMAL") != SQLITE_OK ||
      exec(s, "PRAGMA cache_size=-16384") != SQLITE_OK)
    return db_error(s, err, _("configurar o banco"));
  if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
    return db_error(s, err, _("abrir uma transação"));
  /* read again inside the transaction: another run may have created it */
  tables = scalar(s, "SELECT count(*) FROM sqlite_master", &rc);
  if (rc == SQLITE_OK)
    version = scalar(s, "PRAGMA user_version", &rc);
  if (rc == SQLITE_OK && tables == 0) {
    char sql[64];
    rc = exec(s, SCHEMA_V1);
    snprintf(sql, sizeof sql, "PRAGMA application_id=%d", APP_ID);
    if (rc == SQLITE_OK)
      rc = exec(s, sql);
    if (rc == SQLITE_OK)
      rc = exec(s, "PRAGMA user_version=1");
    version = 1;
  }
  while (rc == SQLITE_OK && version >= 1 && version < TL_STORE_VERSION) {
    char sql[64];
    rc = exec(s, MIGRATIONS[version - 1]);
    snprintf(sql, sizeof sql, "PRAGMA user_version=%lld", version + 1);
    if (rc == SQLITE_OK)
      rc = exec(s, sql);
    version++;
  }
  if (rc == SQLITE_OK && version != TL_STORE_VERSION) { /* changed meanwhile */
    *damaged = true;
    exec(s, "ROLLBACK");
    return tl_error_set(err, TL_EDB,
                        _("%s: banco do acervo com versão de esquema "
                        "impossível (%lld): arquivo corrompido; rode de novo "
                        "com --rebuild-db"),
                        s->path, version);
  }
  if (rc != SQLITE_OK) {
    tl_status e;
    *damaged = is_damage(sqlite3_errcode(s->db));
    e = db_error(s, err, _("criar ou migrar o esquema"));
    exec(s, "ROLLBACK");
    return e;
  }
  if (exec(s, "COMMIT") != SQLITE_OK) {
    tl_status e = db_error(s, err, _("gravar o esquema"));
    exec(s, "ROLLBACK");
    return e;
  }
  return TL_OK;
}

/* A read-only database in WAL mode, in a folder where SQLite cannot make
 * its shared-memory file: opened as immutable (no locks, the log not
 * read), so that a check still runs against what it holds. */
static int open_immutable(sq_store *s)
{
  tl_buf uri;
  int rc;

  tl_buf_init(&uri);
  tl_buf_adds(&uri, "file:");
  for (const char *p = s->path; *p; p++) {
    unsigned char ch = (unsigned char)*p;
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
        (ch >= '0' && ch <= '9') || strchr("/-._~", ch) != NULL)
      tl_buf_addc(&uri, (char)ch);
    else
      tl_buf_printf(&uri, "%%%02X", ch);
  }
  tl_buf_adds(&uri, "?immutable=1");
  drop_cache(s);
  if (s->db != NULL)
    sqlite3_close(s->db);
  s->db = NULL;
  rc = sqlite3_open_v2(uri.p, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                       NULL);
  tl_buf_fini(&uri);
  return rc;
}

tl_status tl_store_sqlite_open(tl_store **out, const char *path,
                               unsigned flags, tl_error *err)
{
  sq_store *s;
  bool exists, damaged = false;
  struct stat sb;
  tl_status st;
  int rc;

  *out = NULL;
  if (path[0] == '\0')
    return tl_error_set(err, TL_EUSAGE,
                        _("--db: caminho vazio; indique o arquivo da memória "
                        "do acervo, ou use --no-db"));
  if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
    return tl_error_set(err, TL_EDB,
                        _("%s: não é um arquivo comum (%s); indique com --db "
                        "um arquivo para a memória do acervo, ou use --no-db"),
                        path,
                        S_ISDIR(sb.st_mode) ? _("é uma pasta") : _("é um dispositivo, FIFO ou socket"));
  s = tl_xcalloc(1, sizeof *s);
  tl_store_base_init(&s->base, &SQ_OPS, path, NULL);
  s->path = tl_xstrdup(path);
  if (!looks_like_sqlite(path, &exists)) {
    if (!(flags & TL_STORE_REBUILD)) {
      st = tl_error_set(err, TL_EDB,
                        _("%s: não é um banco do tradlint (arquivo corrompido "
                        "ou de outro programa); use --rebuild-db para "
                        "guardá-lo como %s.bak e criar um novo, ou --db "
                        "para indicar outro arquivo"),
                        path, path);
      sq_close(&s->base);
      return st;
    }
    if ((st = set_aside(path, err)) != TL_OK) {
      sq_close(&s->base);
      return st;
    }
    exists = false;
  }
  s->base.ro = (flags & TL_STORE_READONLY) != 0 ||
          (exists && access(path, W_OK) != 0);
  if (!s->base.ro && !exists) { /* the folder must be writable to create it */
    char dir[4096];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1,
             slash ? path : ".");
    if (access(dir, W_OK) != 0) {
      st = tl_error_set(err, TL_EDB,
                        _("%s: não é possível criar o banco do acervo (%s); "
                        "use --db para outro lugar ou --no-db"),
                        path, tl_strerror(errno));
      sq_close(&s->base);
      return st;
    }
  }
  rc = sqlite3_open_v2(path, &s->db,
                       s->base.ro ? SQLITE_OPEN_READONLY
                             : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                       NULL);
  if (rc != SQLITE_OK) {
    st = db_error(s, err, _("abrir"));
    sq_close(&s->base);
    return st;
  }
  /* --rebuild-db: damage anywhere in the file, not only where this run
   * would read, is found now */
  if (exists && !s->base.ro && (flags & TL_STORE_REBUILD) && !is_sound(s)) {
    damaged = true;
    st = tl_error_set(err, TL_EDB, _("%s: banco do acervo corrompido"), path);
  } else {
    st = setup(s, &damaged, err);
  }
  if (st != TL_OK && s->base.ro && !damaged && open_immutable(s) == SQLITE_OK)
    st = setup(s, &damaged, err);
  if (st != TL_OK && damaged && (flags & TL_STORE_REBUILD) && exists &&
      !s->base.ro) {
    drop_cache(s);
    sqlite3_close(s->db);
    s->db = NULL;
    if ((st = set_aside(path, err)) == TL_OK) {
      rc = sqlite3_open_v2(path, &s->db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
      st = rc == SQLITE_OK ? setup(s, &damaged, err) : db_error(s, err, _("abrir"));
    }
  }
  if (st == TL_OK && exec(s, "PRAGMA foreign_keys=ON") != SQLITE_OK)
    st = db_error(s, err, _("configurar o banco"));
  if (st != TL_OK) {
    sq_close(&s->base);
    return st;
  }
  *out = &s->base;
  return TL_OK;
}

static void sq_close(tl_store *base)
{
  sq_store *s = (sq_store *)base;

  sqlite3_finalize(s->q_verdict);
  sqlite3_finalize(s->q_sugg);
  drop_cache(s);
  if (s->db != NULL)
    sqlite3_close(s->db);
  free(s->path);
  tl_store_base_fini(base);
  free(s);
}

/* ---- verdicts and suggestions ------------------------------------------ */

static int sq_verdict(tl_store *base, const char *dict, const char *w,
                      size_t n)
{
  sq_store *s = (sq_store *)base;
  int r = -1;

  if (s->q_verdict == NULL &&
      sqlite3_prepare_v2(s->db,
                         "SELECT known FROM verdicts WHERE dict=? AND word=?",
                         -1, &s->q_verdict, NULL) != SQLITE_OK)
    return -1;
  /* a failure is a miss: the verdict is computed again */
  if (sqlite3_bind_text(s->q_verdict, 1, dict, -1, SQLITE_STATIC) ==
          SQLITE_OK &&
      sqlite3_bind_text(s->q_verdict, 2, w, (int)n, SQLITE_STATIC) ==
          SQLITE_OK &&
      sqlite3_step(s->q_verdict) == SQLITE_ROW)
    r = sqlite3_column_int(s->q_verdict, 0) != 0;
  sqlite3_reset(s->q_verdict);
  return r;
}

static int sq_suggestions(tl_store *base, const char *dict, const char *w,
                          size_t n, char **block)
{
  sq_store *s = (sq_store *)base;
  int r = -1;

  *block = NULL;
  if (s->q_sugg == NULL &&
      sqlite3_prepare_v2(s->db,
                         "SELECT list FROM suggestions WHERE dict=? AND "
                         "word=?",
                         -1, &s->q_sugg, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_bind_text(s->q_sugg, 1, dict, -1, SQLITE_STATIC) == SQLITE_OK &&
      sqlite3_bind_text(s->q_sugg, 2, w, (int)n, SQLITE_STATIC) == SQLITE_OK &&
      sqlite3_step(s->q_sugg) == SQLITE_ROW) {
    const char *list = (const char *)sqlite3_column_text(s->q_sugg, 0);
    size_t len = list ? strlen(list) : 0;
    /* stored '\n'-separated; returned NUL-separated */
    *block = tl_xstrndup(list ? list : "", len);
    r = 0;
    if (len > 0) {
      r = 1;
      for (size_t i = 0; i < len; i++)
        if ((*block)[i] == '\n') {
          (*block)[i] = '\0';
          r++;
        }
    }
  }
  sqlite3_reset(s->q_sugg);
  return r;
}

static int write_pending(sq_store *s)
{
  sqlite3_stmt *iv = NULL, *is = NULL;
  int rc = SQLITE_OK;

  if (s->base.npend == 0)
    return SQLITE_OK;
  iv = cached(s, "INSERT OR REPLACE INTO verdicts(dict, word, known) "
                          "VALUES(?, ?, ?)", &rc);
  if (rc == SQLITE_OK)
    is = cached(s, "INSERT OR REPLACE INTO suggestions(dict, word, "
                            "list) VALUES(?, ?, ?)", &rc);
  for (size_t i = 0; i < s->base.npend && rc == SQLITE_OK; i++) {
    tl_store_pending *p = &s->base.pend[i];
    sqlite3_stmt *st = p->list ? is : iv;
    rc = sqlite3_bind_text(st, 1, p->dict, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(st, 2, p->word, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = p->list ? sqlite3_bind_text(st, 3, p->list, -1, SQLITE_STATIC)
                   : sqlite3_bind_int(st, 3, p->known);
    if (rc == SQLITE_OK)
      rc = step_done(s, st);
    sqlite3_reset(st);
  }
  release(s, iv);
  release(s, is);
  return rc;
}

static tl_status sq_flush(tl_store *base, tl_error *err)
{
  sq_store *s = (sq_store *)base;

  if (s->base.ro || s->base.npend == 0)
    return TL_OK;
  if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
    return db_error(s, err, _("gravar os veredictos"));
  if (write_pending(s) != SQLITE_OK) {
    tl_status st = db_error(s, err, _("gravar os veredictos"));
    exec(s, "ROLLBACK");
    return st;
  }
  if (exec(s, "COMMIT") != SQLITE_OK) {
    tl_status st = db_error(s, err, _("gravar os veredictos"));
    exec(s, "ROLLBACK");
    return st;
  }
  return TL_OK;
}

/* ---- documents ---------------------------------------------------------- */

static bool sq_doc_hash(tl_store *base, const char *path, char *hash,
                        size_t n)
{
  sq_store *s = (sq_store *)base;
  sqlite3_stmt *st = NULL;
  bool found = false;

  int rc;

  st = cached(s, "SELECT hash FROM documents WHERE path=?", &rc);
  if (st == NULL)
    return false;
  if (sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    snprintf(hash, n, "%s", (const char *)sqlite3_column_text(st, 0));
    found = true;
  }
  release(s, st);
  return found;
}

/* Run @sql, whose one parameter is @text, to the end. */
static int exec_text(sq_store *s, const char *sql, const char *text)
{
  int rc;
  sqlite3_stmt *st = cached(s, sql, &rc);

  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = step_done(s, st);
  release(s, st);
  return rc;
}

/* The words of document @doc (house usage); a word given twice once. */
static int insert_words(sq_store *s, sqlite3_int64 doc,
                        const tl_store_word *w, size_t n)
{
  sqlite3_stmt *ins = NULL;
  int rc;

  if (n == 0)
    return SQLITE_OK;
  ins = cached(s,
               "INSERT OR IGNORE INTO words(doc, key, surface, name, count) "
               "VALUES(?, ?, ?, ?, ?)",
               &rc);
  for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
    rc = sqlite3_bind_int64(ins, 1, doc);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(ins, 2, w[i].key, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(ins, 3, w[i].surface, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int(ins, 4, w[i].name ? 1 : 0);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int64(ins, 5, (sqlite3_int64)w[i].count);
    if (rc == SQLITE_OK)
      rc = step_done(s, ins);
    sqlite3_reset(ins);
  }
  release(s, ins);
  return rc;
}

/* Replace document d->path with @d, inside the caller's transaction. */
static int write_doc(sq_store *s, const tl_store_doc *d)
{
  const char *path = d->path, *hash = d->hash;
  size_t words = d->words, nu = d->nusages, nsf = d->nsurfaces;
  const tl_store_usage *u = d->usages;
  const tl_store_surface *sf = d->surfaces;
  sqlite3_stmt *del = NULL, *doc_ins = NULL, *use_ins = NULL, *sf_ins = NULL;
  sqlite3_stmt *pair_ins = NULL;
  sqlite3_int64 doc = 0;
  int rc;

  del = cached(s, "DELETE FROM documents WHERE path=?", &rc);
  if (rc == SQLITE_OK)
    doc_ins = cached(s, "INSERT INTO documents(path, hash, words, "
                            "checked_at) VALUES(?, ?, ?, ?)", &rc);
  if (rc == SQLITE_OK)
    use_ins = cached(s, "INSERT INTO usages(doc, concept, rendering, kind, "
                            "count, first_offset, first_line, surface, path) "
                            "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)", &rc);
  if (rc == SQLITE_OK)
    sf_ins = cached(s, "INSERT INTO surfaces(doc, key, surface, count) "
                            "VALUES(?, ?, ?, ?)", &rc);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(del, 1, path, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = step_done(s, del);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(doc_ins, 1, path, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(doc_ins, 2, hash, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64(doc_ins, 3, (sqlite3_int64)words);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64(doc_ins, 4,
                            d->checked_at ? (sqlite3_int64)d->checked_at
                                          : (sqlite3_int64)time(NULL));
  if (rc == SQLITE_OK)
    rc = step_done(s, doc_ins);
  if (rc == SQLITE_OK)
    doc = sqlite3_last_insert_rowid(s->db);
  for (size_t i = 0; i < nu && rc == SQLITE_OK; i++) {
    rc = sqlite3_bind_int64(use_ins, 1, doc);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(use_ins, 2, u[i].concept, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(use_ins, 3, u[i].rendering, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int(use_ins, 4, u[i].kind);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int64(use_ins, 5, (sqlite3_int64)u[i].count);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int64(use_ins, 6, (sqlite3_int64)u[i].first_offset);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int64(use_ins, 7, (sqlite3_int64)u[i].first_line);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(use_ins, 8, u[i].surface, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(use_ins, 9, path, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = step_done(s, use_ins);
    sqlite3_reset(use_ins);
  }
  for (size_t i = 0; i < nsf && rc == SQLITE_OK; i++) {
    rc = sqlite3_bind_int64(sf_ins, 1, doc);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(sf_ins, 2, sf[i].key, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(sf_ins, 3, sf[i].surface, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int64(sf_ins, 4, (sqlite3_int64)sf[i].count);
    if (rc == SQLITE_OK)
      rc = step_done(s, sf_ins);
    sqlite3_reset(sf_ins);
  }
  if (rc == SQLITE_OK)
    rc = insert_words(s, doc, d->hwords, d->nhwords);
  if (rc == SQLITE_OK && d->npairs > 0)
    pair_ins = cached(s, "INSERT INTO learned(doc, term, rendering, count) "
                            "VALUES(?, ?, ?, ?)", &rc);
  for (size_t i = 0; i < d->npairs && rc == SQLITE_OK; i++) {
    rc = sqlite3_bind_int64(pair_ins, 1, doc);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(pair_ins, 2, d->pairs[i].term, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(pair_ins, 3, d->pairs[i].rendering, -1,
                             SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int64(pair_ins, 4, (sqlite3_int64)d->pairs[i].count);
    if (rc == SQLITE_OK)
      rc = step_done(s, pair_ins);
    sqlite3_reset(pair_ins);
  }
  release(s, del);
  release(s, doc_ins);
  release(s, use_ins);
  release(s, sf_ins);
  release(s, pair_ins);
  return rc;
}

/* Documents d[0..n) and the pending verdicts in one transaction. */
static tl_status sq_record_many(tl_store *base, const tl_store_doc *d,
                                size_t n, tl_error *err)
{
  sq_store *s = (sq_store *)base;
  int rc;

  if (s->base.ro)
    return TL_OK;
  s->failed_rc = SQLITE_OK;
  if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
    return db_error(s, err, _("gravar o documento"));
  rc = SQLITE_OK;
  for (size_t i = 0; i < n && rc == SQLITE_OK; i++)
    rc = write_doc(s, &d[i]);
  if (rc == SQLITE_OK)
    rc = write_pending(s);
  if (rc == SQLITE_OK)
    rc = exec(s, "COMMIT");
  if (rc != SQLITE_OK) {
    tl_status e = db_error(s, err, _("gravar o documento"));
    exec(s, "ROLLBACK");
    return e;
  }
  return TL_OK;
}

static tl_status sq_record(tl_store *base, const tl_store_doc *d,
                           tl_error *err)
{
  return sq_record_many(base, d, 1, err);
}

static tl_status strings(sq_store *s, const char *sql, char ***out,
                         size_t *n, tl_error *err);

/* Renderings of @key by the documents other than @except_path (learned
 * pairs; concepts use the running totals below): @sql
 * groups them (rendering, kind, documents, uses), @sql_docs lists up to
 * three documents of one rendering. */
static tl_status renderings_query(sq_store *s, const char *sql,
                                  const char *sql_docs, const char *key,
                                  const char *except_path,
                                  tl_store_rendering_fn fn, void *ud,
                                  tl_error *err)
{
  sqlite3_stmt *st = NULL, *docs = NULL;
  const char *except = except_path ? except_path : "";
  int rc;

  st = cached(s, sql, &rc);
  if (rc == SQLITE_OK)
    docs = cached(s, sql_docs, &rc);
  if (rc != SQLITE_OK) {
    release(s, st);
    return db_error(s, err, _("consultar o acervo"));
  }
  rc = sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(st, 2, except, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *r = (const char *)sqlite3_column_text(st, 0);
    char *paths[3];
    size_t np = 0;
    rc = sqlite3_reset(docs);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(docs, 1, key, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(docs, 2, r, -1, SQLITE_TRANSIENT);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(docs, 3, except, -1, SQLITE_STATIC);
    while (rc == SQLITE_OK && np < 3 &&
           (rc = sqlite3_step(docs)) == SQLITE_ROW) {
      paths[np++] = tl_xstrdup((const char *)sqlite3_column_text(docs, 0));
      rc = SQLITE_OK;
    }
    if (rc == SQLITE_DONE)
      rc = SQLITE_OK;
    if (rc == SQLITE_OK)
      fn(ud, r, sqlite3_column_int(st, 1),
         (unsigned)sqlite3_column_int(st, 2),
         (unsigned)sqlite3_column_int(st, 3), (const char *const *)paths, np);
    for (size_t i = 0; i < np; i++)
      free(paths[i]);
  }
  release(s, docs);
  release(s, st);
  return rc == SQLITE_DONE ? TL_OK : db_error(s, err, _("consultar o acervo"));
}

/* One rendering of a concept in the archive. */
typedef struct rendering_row {
  char *text;
  int kind;
  long long docs, uses;
} rendering_row;

static int by_docs(const void *x, const void *y)
{
  const rendering_row *a = x, *b = y;
  if (a->docs != b->docs)
    return a->docs > b->docs ? -1 : 1;
  return strcmp(a->text, b->text);
}

/* The archive's renderings of @concept from the running totals (not from
 * every usage: the cost does not grow with the archive), less what
 * document @except_path itself contributes, most documents first. */
static tl_status sq_renderings(tl_store *base, const char *concept,
                               const char *except_path,
                               tl_store_rendering_fn fn, void *ud,
                               tl_error *err)
{
  sq_store *s = (sq_store *)base;
  sqlite3_stmt *tot = NULL, *own = NULL, *docs = NULL;
  rendering_row *v = NULL;
  size_t n = 0, cap = 0, kept = 0;
  const char *except = except_path ? except_path : "";
  int rc;

  tot = cached(s, "SELECT rendering, min(kind), sum(docs), sum(uses) "
                          "FROM rendering_totals WHERE concept = ?1 GROUP BY "
                          "rendering", &rc);
  if (rc == SQLITE_OK)
    own = cached(s, "SELECT u.rendering, u.count FROM documents d JOIN "
                            "usages u ON u.doc = d.id WHERE d.path = ?2 AND "
                            "u.concept = ?1", &rc);
  if (rc == SQLITE_OK)
    docs = cached(s, "SELECT path FROM usages WHERE concept = ?1 AND "
                            "rendering = ?2 AND path <> ?3 ORDER BY path "
                            "LIMIT 3", &rc);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(tot, 1, concept, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step(tot)) == SQLITE_ROW) {
    TL_GROW(v, cap, n + 1);
    v[n].text = tl_xstrdup((const char *)sqlite3_column_text(tot, 0));
    v[n].kind = sqlite3_column_int(tot, 1);
    v[n].docs = sqlite3_column_int64(tot, 2);
    v[n].uses = sqlite3_column_int64(tot, 3);
    n++;
    rc = SQLITE_OK;
  }
  if (rc == SQLITE_DONE)
    rc = sqlite3_bind_text(own, 1, concept, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(own, 2, except, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step(own)) == SQLITE_ROW) {
    const char *r = (const char *)sqlite3_column_text(own, 0);
    for (size_t i = 0; i < n; i++)
      if (strcmp(v[i].text, r) == 0) {
        v[i].docs--;
        v[i].uses -= sqlite3_column_int64(own, 1);
      }
    rc = SQLITE_OK;
  }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  for (size_t i = 0; i < n; i++) { /* renderings only this document used */
    if (v[i].docs > 0)
      v[kept++] = v[i];
    else
      free(v[i].text);
  }
  n = kept;
  if (n > 1)
    qsort(v, n, sizeof *v, by_docs);
  for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
    char *paths[3];
    size_t np = 0;
    sqlite3_reset(docs);
    rc = sqlite3_bind_text(docs, 1, concept, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(docs, 2, v[i].text, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(docs, 3, except, -1, SQLITE_STATIC);
    while (rc == SQLITE_OK && np < 3 && (rc = sqlite3_step(docs)) == SQLITE_ROW) {
      paths[np++] = tl_xstrdup((const char *)sqlite3_column_text(docs, 0));
      rc = SQLITE_OK;
    }
    if (rc == SQLITE_DONE)
      rc = SQLITE_OK;
    if (rc == SQLITE_OK)
      fn(ud, v[i].text, v[i].kind, (unsigned)v[i].docs, (unsigned)v[i].uses,
         (const char *const *)paths, np);
    for (size_t k = 0; k < np; k++)
      free(paths[k]);
  }
  for (size_t i = 0; i < n; i++)
    free(v[i].text);
  free(v);
  release(s, tot);
  release(s, own);
  release(s, docs);
  return rc == SQLITE_OK ? TL_OK : db_error(s, err, _("consultar o acervo"));
}

static tl_status sq_pairs(tl_store *base, const char *term,
                          const char *except_path, tl_store_rendering_fn fn,
                          void *ud, tl_error *err)
{
  sq_store *s = (sq_store *)base;
  tl_status r;

  r = renderings_query(
      s,
      "SELECT l.rendering, 0, count(DISTINCT l.doc), sum(l.count) FROM "
      "learned l JOIN documents d ON d.id = l.doc WHERE l.term = ?1 AND "
      "d.path <> ?2 GROUP BY l.rendering ORDER BY 3 DESC, 4 DESC, 1",
      "SELECT d.path FROM learned l JOIN documents d ON d.id = l.doc WHERE "
      "l.term = ?1 AND l.rendering = ?2 AND d.path <> ?3 ORDER BY d.path "
      "LIMIT 3",
      term, except_path, fn, ud, err);
  return r;
}

static tl_status sq_record_pairs(tl_store *base, const char *path,
                                 const tl_store_pair *p, size_t n,
                                 tl_error *err)
{
  sq_store *s = (sq_store *)base;
  sqlite3_stmt *st = NULL;
  int rc;

  if (s->base.ro)
    return TL_OK;
  rc = exec(s, "BEGIN IMMEDIATE");
  if (rc == SQLITE_OK)
    rc = exec_text(s,
                   "DELETE FROM learned WHERE doc = (SELECT id FROM "
                   "documents WHERE path = ?)",
                   path);
  if (rc == SQLITE_OK)
    st = cached(s, "INSERT OR REPLACE INTO learned(doc, term, "
                            "rendering, count) SELECT id, ?, ?, ? FROM "
                            "documents WHERE path = ?", &rc);
  for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
    rc = sqlite3_bind_text(st, 1, p[i].term, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(st, 2, p[i].rendering, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int64(st, 3, (sqlite3_int64)p[i].count);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(st, 4, path, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = step_done(s, st);
    sqlite3_reset(st);
  }
  release(s, st);
  if (rc == SQLITE_OK)
    rc = exec(s, "COMMIT");
  if (rc != SQLITE_OK) {
    tl_status e = db_error(s, err, _("gravar os pares de termos"));
    exec(s, "ROLLBACK");
    return e;
  }
  return TL_OK;
}

static tl_status sq_mixed_terms(tl_store *base, char ***terms, size_t *n,
                                tl_error *err)
{
  return strings((sq_store *)base,
                 "SELECT term FROM learned GROUP BY term HAVING "
                 "count(DISTINCT rendering) > 1 ORDER BY term",
                 terms, n, err);
}

static tl_status sq_learned_terms(tl_store *base, unsigned min_docs,
                                  char ***terms, size_t *n, tl_error *err)
{
  sq_store *s = (sq_store *)base;
  char sql[256];

  snprintf(sql, sizeof sql,
           "SELECT term FROM learned GROUP BY term HAVING count(DISTINCT "
           "doc) >= %u ORDER BY term",
           min_docs);
  return strings(s, sql, terms, n, err);
}

static tl_status strings(sq_store *s, const char *sql, char ***out,
                         size_t *n, tl_error *err)
{
  sqlite3_stmt *st = NULL;
  size_t cap = 0;
  int rc;

  *out = NULL;
  *n = 0;
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
    return db_error(s, err, _("consultar o acervo"));
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    TL_GROW(*out, cap, *n + 1);
    (*out)[(*n)++] = tl_xstrdup((const char *)sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? TL_OK : db_error(s, err, _("consultar o acervo"));
}

static tl_status sq_mixed_concepts(tl_store *base, char ***ids, size_t *n,
                                   tl_error *err)
{
  return strings((sq_store *)base,
                 "SELECT concept FROM usages GROUP BY concept HAVING "
                 "count(DISTINCT rendering) > 1 ORDER BY concept",
                 ids, n, err);
}

static tl_status sq_paths(tl_store *base, char ***paths, size_t *n,
                          tl_error *err)
{
  return strings((sq_store *)base, "SELECT path FROM documents ORDER BY path", paths, n,
                 err);
}

static tl_status sq_forget(tl_store *base, const char *path, tl_error *err)
{
  sq_store *s = (sq_store *)base;
  int rc;

  if (s->base.ro)
    return tl_error_set(err, TL_EDB, _("%s: banco somente leitura"), s->path);
  rc = exec_text(s, "DELETE FROM documents WHERE path=?", path);
  return rc == SQLITE_OK ? TL_OK : db_error(s, err, _("apagar o documento"));
}

static tl_status sq_stats(tl_store *base, tl_store_stats *out,
                          tl_error *err)
{
  sq_store *s = (sq_store *)base;
  int rc = SQLITE_OK;

  out->documents = scalar(s, "SELECT count(*) FROM documents", &rc);
  if (rc == SQLITE_OK)
    out->words = scalar(s, "SELECT coalesce(sum(words), 0) FROM documents",
                        &rc);
  if (rc == SQLITE_OK)
    out->usages = scalar(s, "SELECT count(*) FROM usages", &rc);
  if (rc == SQLITE_OK)
    out->concepts = scalar(s, "SELECT count(DISTINCT concept) FROM usages",
                           &rc);
  if (rc == SQLITE_OK)
    out->verdicts = scalar(s, "SELECT count(*) FROM verdicts", &rc);
  if (rc == SQLITE_OK)
    out->suggestions = scalar(s, "SELECT count(*) FROM suggestions", &rc);
  if (rc == SQLITE_OK)
    out->surfaces = scalar(s, "SELECT count(*) FROM surfaces", &rc);
  return rc == SQLITE_OK ? TL_OK : db_error(s, err, _("contar o acervo"));
}

static tl_status sq_variants(tl_store *base, tl_store_variant_fn fn,
                             void *ud, tl_error *err)
{
  sq_store *s = (sq_store *)base;
  sqlite3_stmt *st = NULL;
  int rc;

  /* keys spelled two or more ways (ignoring only the case of the first
   * letter, which sentence starts change), most documents first */
  rc = sqlite3_prepare_v2(
      s->db,
      "WITH shapes AS (SELECT key, surface, lower(substr(surface, 1, 1)) || "
      "substr(surface, 2) AS shape, doc, count FROM surfaces), "
      "multi AS (SELECT key FROM shapes GROUP BY key HAVING count(DISTINCT "
      "shape) > 1), "
      "ranked AS (SELECT key, count(DISTINCT doc) AS kd FROM shapes WHERE key "
      "IN (SELECT key FROM multi) GROUP BY key), "
      "rows AS (SELECT sh.key AS key, sh.surface AS surface, count(DISTINCT "
      "sh.doc) AS nd, sum(sh.count) AS uses, min(sh.doc) AS first, r.kd AS kd "
      "FROM shapes sh JOIN ranked r ON r.key = sh.key GROUP BY sh.key, "
      "sh.surface) "
      "SELECT rows.key, rows.surface, rows.nd, rows.uses, d.path FROM rows "
      "JOIN documents d ON d.id = rows.first "
      "ORDER BY rows.kd DESC, rows.key, rows.nd DESC, rows.surface",
      -1, &st, NULL);
  if (rc != SQLITE_OK)
    return db_error(s, err, _("consultar as variantes"));
  while ((rc = sqlite3_step(st)) == SQLITE_ROW)
    fn(ud, (const char *)sqlite3_column_text(st, 0),
       (const char *)sqlite3_column_text(st, 1),
       (unsigned)sqlite3_column_int(st, 2), (unsigned)sqlite3_column_int(st, 3),
       (const char *)sqlite3_column_text(st, 4));
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? TL_OK : db_error(s, err, _("consultar as variantes"));
}

/* ---- snapshots, export, copy -------------------------------------------- */

static tl_status sq_read_begin(tl_store *base, tl_error *err)
{
  sq_store *s = (sq_store *)base;

  /* a deferred transaction: in WAL mode, one snapshot until the end */
  if (sqlite3_get_autocommit(s->db) && exec(s, "BEGIN") != SQLITE_OK)
    return db_error(s, err, _("abrir uma transação de leitura"));
  return TL_OK;
}

static void sq_read_end(tl_store *base)
{
  sq_store *s = (sq_store *)base;

  if (!sqlite3_get_autocommit(s->db))
    exec(s, "COMMIT");
}

static tl_status sq_each_document(tl_store *base, tl_store_doc_fn fn,
                                  void *ud, tl_error *err)
{
  sq_store *s = (sq_store *)base;
  sqlite3_stmt *docs = NULL, *us = NULL, *sfs = NULL, *prs = NULL;
  sqlite3_stmt *wds = NULL;
  tl_store_usage *uv = NULL;
  tl_store_surface *sv = NULL;
  tl_store_pair *pv = NULL;
  tl_store_word *wv = NULL;
  size_t capu = 0, caps = 0, capp = 0, capw = 0;
  tl_status st = TL_OK;
  int rc;

  rc = sqlite3_prepare_v2(s->db,
                          "SELECT id, path, hash, words, checked_at FROM "
                          "documents ORDER BY path",
                          -1, &docs, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(s->db,
                            "SELECT concept, rendering, surface, kind, count, "
                            "first_line, first_offset FROM usages WHERE doc "
                            "= ? ORDER BY concept, rendering",
                            -1, &us, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(s->db,
                            "SELECT key, surface, count FROM surfaces WHERE "
                            "doc = ? ORDER BY key, surface",
                            -1, &sfs, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(s->db,
                            "SELECT term, rendering, count FROM learned WHERE "
                            "doc = ? ORDER BY term, rendering",
                            -1, &prs, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(s->db,
                            "SELECT key, surface, count, name FROM words "
                            "WHERE doc = ? ORDER BY key, surface",
                            -1, &wds, NULL);
  while (rc == SQLITE_OK && st == TL_OK &&
         (rc = sqlite3_step(docs)) == SQLITE_ROW) {
    sqlite3_int64 id = sqlite3_column_int64(docs, 0);
    tl_store_doc d = {(const char *)sqlite3_column_text(docs, 1),
                      (const char *)sqlite3_column_text(docs, 2),
                      (size_t)sqlite3_column_int64(docs, 3),
                      sqlite3_column_int64(docs, 4),
                      NULL,
                      0,
                      NULL,
                      0,
                      NULL,
                      0,
                      NULL,
                      0};
    tl_arena strs;
    rc = SQLITE_OK;
    tl_arena_init(&strs);
    sqlite3_reset(us);
    sqlite3_reset(sfs);
    sqlite3_reset(prs);
    sqlite3_reset(wds);
    if (sqlite3_bind_int64(us, 1, id) != SQLITE_OK ||
        sqlite3_bind_int64(sfs, 1, id) != SQLITE_OK ||
        sqlite3_bind_int64(prs, 1, id) != SQLITE_OK ||
        sqlite3_bind_int64(wds, 1, id) != SQLITE_OK)
      rc = SQLITE_ERROR;
    while (rc == SQLITE_OK && (rc = sqlite3_step(us)) == SQLITE_ROW) {
      TL_GROW(uv, capu, d.nusages + 1);
      uv[d.nusages++] = (tl_store_usage){
          tl_arena_strndup(&strs, (const char *)sqlite3_column_text(us, 0),
                           (size_t)sqlite3_column_bytes(us, 0)),
          tl_arena_strndup(&strs, (const char *)sqlite3_column_text(us, 1),
                           (size_t)sqlite3_column_bytes(us, 1)),
          tl_arena_strndup(&strs, (const char *)sqlite3_column_text(us, 2),
                           (size_t)sqlite3_column_bytes(us, 2)),
          sqlite3_column_int(us, 3),
          (unsigned)sqlite3_column_int64(us, 4),
          (unsigned)sqlite3_column_int64(us, 5),
          (size_t)sqlite3_column_int64(us, 6)};
      rc = SQLITE_OK;
    }
    if (rc == SQLITE_DONE)
      rc = SQLITE_OK;
    while (rc == SQLITE_OK && (rc = sqlite3_step(sfs)) == SQLITE_ROW) {
      TL_GROW(sv, caps, d.nsurfaces + 1);
      sv[d.nsurfaces++] = (tl_store_surface){
          tl_arena_strndup(&strs, (const char *)sqlite3_column_text(sfs, 0),
                           (size_t)sqlite3_column_bytes(sfs, 0)),
          tl_arena_strndup(&strs, (const char *)sqlite3_column_text(sfs, 1),
                           (size_t)sqlite3_column_bytes(sfs, 1)),
          (unsigned)sqlite3_column_int64(sfs, 2)};
      rc = SQLITE_OK;
    }
    if (rc == SQLITE_DONE)
      rc = SQLITE_OK;
    while (rc == SQLITE_OK && (rc = sqlite3_step(prs)) == SQLITE_ROW) {
      TL_GROW(pv, capp, d.npairs + 1);
      pv[d.npairs++] = (tl_store_pair){
          tl_arena_strndup(&strs, (const char *)sqlite3_column_text(prs, 0),
                           (size_t)sqlite3_column_bytes(prs, 0)),
          tl_arena_strndup(&strs, (const char *)sqlite3_column_text(prs, 1),
                           (size_t)sqlite3_column_bytes(prs, 1)),
          (unsigned)sqlite3_column_int64(prs, 2)};
      rc = SQLITE_OK;
    }
    if (rc == SQLITE_DONE)
      rc = SQLITE_OK;
    while (rc == SQLITE_OK && (rc = sqlite3_step(wds)) == SQLITE_ROW) {
      TL_GROW(wv, capw, d.nhwords + 1);
      wv[d.nhwords++] = (tl_store_word){
          tl_arena_strndup(&strs, (const char *)sqlite3_column_text(wds, 0),
                           (size_t)sqlite3_column_bytes(wds, 0)),
          tl_arena_strndup(&strs, (const char *)sqlite3_column_text(wds, 1),
                           (size_t)sqlite3_column_bytes(wds, 1)),
          (unsigned)sqlite3_column_int64(wds, 2),
          sqlite3_column_int(wds, 3) != 0};
      rc = SQLITE_OK;
    }
    if (rc == SQLITE_DONE)
      rc = SQLITE_OK;
    d.usages = uv;
    d.surfaces = sv;
    d.pairs = pv;
    d.hwords = wv;
    if (rc == SQLITE_OK)
      st = fn(ud, &d, err);
    tl_arena_fini(&strs);
  }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  if (st == TL_OK && rc != SQLITE_OK)
    st = db_error(s, err, _("ler os documentos"));
  free(uv);
  free(sv);
  free(pv);
  free(wv);
  sqlite3_finalize(docs);
  sqlite3_finalize(us);
  sqlite3_finalize(sfs);
  sqlite3_finalize(prs);
  sqlite3_finalize(wds);
  return st;
}

/* ---- house usage -------------------------------------------------------- */

static tl_status sq_house_words(tl_store *base, unsigned min_docs,
                                tl_store_word_fn fn, void *ud, tl_error *err)
{
  sq_store *s = (sq_store *)base;
  sqlite3_stmt *st = NULL;
  int rc;

  /* one surface: (doc, key, surface) is the key, so count(*) counts the
   * documents */
  rc = sqlite3_prepare_v2(
      s->db,
      "SELECT w.key, min(w.surface), count(*), sum(w.count), max(w.name), "
      "min(d.path) FROM words w JOIN documents d ON d.id = w.doc WHERE NOT "
      "EXISTS (SELECT 1 FROM rejections r WHERE r.key = w.key) GROUP BY "
      "w.key HAVING count(DISTINCT w.surface) = 1 AND count(*) >= ? ORDER BY "
      "w.key",
      -1, &st, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64(st, 1, (sqlite3_int64)min_docs);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(st);
    return db_error(s, err, _("consultar o acervo"));
  }
  while ((rc = sqlite3_step(st)) == SQLITE_ROW)
    fn(ud, (const char *)sqlite3_column_text(st, 0),
       (const char *)sqlite3_column_text(st, 1),
       (unsigned)sqlite3_column_int64(st, 2),
       (unsigned)sqlite3_column_int64(st, 3), sqlite3_column_int(st, 4) != 0,
       (const char *)sqlite3_column_text(st, 5));
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? TL_OK : db_error(s, err, _("consultar o acervo"));
}

static tl_status sq_reject(tl_store *base, const char *key, const char *word,
                           tl_error *err)
{
  sq_store *s = (sq_store *)base;
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(s->db,
                              "INSERT OR IGNORE INTO rejections(key, word, "
                              "rejected_at) VALUES(?, ?, ?)",
                              -1, &st, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(st, 2, word, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64(st, 3, (sqlite3_int64)time(NULL));
  if (rc == SQLITE_OK)
    rc = step_done(s, st);
  sqlite3_finalize(st);
  return rc == SQLITE_OK ? TL_OK : db_error(s, err, _("gravar a recusa"));
}

static tl_status sq_each_rejection(tl_store *base, tl_store_rejection_fn fn,
                                   void *ud, tl_error *err)
{
  sq_store *s = (sq_store *)base;
  sqlite3_stmt *st = NULL;
  tl_status r = TL_OK;
  int rc = sqlite3_prepare_v2(s->db,
                              "SELECT key, word FROM rejections ORDER BY key",
                              -1, &st, NULL);

  while (rc == SQLITE_OK && r == TL_OK &&
         (rc = sqlite3_step(st)) == SQLITE_ROW) {
    r = fn(ud, (const char *)sqlite3_column_text(st, 0),
           (const char *)sqlite3_column_text(st, 1), err);
    rc = SQLITE_OK;
  }
  sqlite3_finalize(st);
  if (r == TL_OK && rc != SQLITE_OK && rc != SQLITE_DONE)
    r = db_error(s, err, _("consultar o acervo"));
  return r;
}

static tl_status sq_each_verdict(tl_store *base, tl_store_verdict_fn fn,
                                 void *ud, tl_error *err)
{
  sq_store *s = (sq_store *)base;
  sqlite3_stmt *st = NULL;
  tl_status r = TL_OK;
  int rc;

  rc = sqlite3_prepare_v2(s->db,
                          "SELECT dict, word, known, NULL FROM verdicts UNION "
                          "ALL SELECT dict, word, 0, list FROM suggestions "
                          "ORDER BY 1, 2, 4",
                          -1, &st, NULL);
  while (rc == SQLITE_OK && r == TL_OK &&
         (rc = sqlite3_step(st)) == SQLITE_ROW) {
    r = fn(ud, (const char *)sqlite3_column_text(st, 0),
           (const char *)sqlite3_column_text(st, 1),
           sqlite3_column_int(st, 2),
           sqlite3_column_type(st, 3) == SQLITE_NULL
               ? NULL
               : (const char *)sqlite3_column_text(st, 3),
           err);
    rc = SQLITE_OK;
  }
  sqlite3_finalize(st);
  if (r == TL_OK && rc != SQLITE_OK && rc != SQLITE_DONE)
    r = db_error(s, err, _("ler os veredictos"));
  return r;
}

static const tl_store_ops SQ_OPS = {
    .name = "sqlite",
    .close = sq_close,
    .verdict = sq_verdict,
    .suggestions = sq_suggestions,
    .flush = sq_flush,
    .doc_hash = sq_doc_hash,
    .record = sq_record,
    .record_many = sq_record_many,
    .renderings = sq_renderings,
    .mixed_concepts = sq_mixed_concepts,
    .paths = sq_paths,
    .forget = sq_forget,
    .stats = sq_stats,
    .variants = sq_variants,
    .record_pairs = sq_record_pairs,
    .pairs = sq_pairs,
    .mixed_terms = sq_mixed_terms,
    .learned_terms = sq_learned_terms,
    .read_begin = sq_read_begin,
    .read_end = sq_read_end,
    .each_document = sq_each_document,
    .each_verdict = sq_each_verdict,
    .house_words = sq_house_words,
    .reject = sq_reject,
    .each_rejection = sq_each_rejection,
};
