/* The PostgreSQL backend of the store: one database that several archives
 * and machines share, through libpq. The only includer of libpq-fe.h.
 *
 * Everything lives in the schema "tradlint"; every archive's rows carry
 * its id (table archives), so that archives never see each other's
 * documents; spelling verdicts and suggestions are keyed by the
 * dictionaries' identity and shared by all archives. The schema's version
 * is in tradlint.meta; PG_MIGRATIONS take it forward under an advisory
 * lock, so that two first runs at once create it once.
 *
 * Concurrency: one transaction per document at READ COMMITTED. The
 * document's row (unique by archive and path) is upserted first: that row
 * lock serialises two runners recording the same document, and the second
 * one, seeing the first one's rows once it commits, replaces them, so a
 * document ends with one set of rows. The archive's running totals per
 * rendering (what consistency.corpus reads, so that its cost does not grow
 * with the archive) are updated by one statement per document with its
 * rows in byte order, and the verdicts likewise: every transaction takes
 * its row locks in the same order. A serialisation failure or a deadlock
 * found by the server is retried; a lock held by someone else for longer
 * than lock_timeout (20 s unless the server or the role sets one) is an
 * error, never a hang; so is a server that does not answer within
 * connect_timeout (10 s unless the URI or PGCONNECT_TIMEOUT says). */
#include "store_backend.h"

#include "map.h"
#include "msg.h"

#include <errno.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define PG_SCHEMA_VERSION 4
#define PG_LOCK_KEY "5523384914" /* advisory lock for schema changes */
#define PG_RETRIES 30

static const char *const PG_SCHEMA_V1 =
    "CREATE SCHEMA IF NOT EXISTS tradlint;"
    "CREATE TABLE tradlint.meta(key text PRIMARY KEY, value text NOT NULL);"
    "CREATE TABLE tradlint.archives(id serial PRIMARY KEY, name text COLLATE "
    "\"C\" NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now());"
    "CREATE SEQUENCE tradlint.documents_seq;"
    "CREATE TABLE tradlint.documents(id bigserial PRIMARY KEY, archive "
    "integer NOT NULL REFERENCES tradlint.archives(id) ON DELETE CASCADE, "
    "path text COLLATE \"C\" NOT NULL, hash text NOT NULL, words bigint NOT "
    "NULL, checked_at bigint NOT NULL, seq bigint NOT NULL, UNIQUE(archive, "
    "path));"
    "CREATE TABLE tradlint.usages(doc bigint NOT NULL REFERENCES "
    "tradlint.documents(id) ON DELETE CASCADE, archive integer NOT NULL, "
    "path text COLLATE \"C\" NOT NULL, concept text COLLATE \"C\" NOT NULL, "
    "rendering text COLLATE \"C\" NOT NULL, kind integer NOT NULL, count "
    "bigint NOT NULL, first_offset bigint NOT NULL, first_line bigint NOT "
    "NULL, surface text COLLATE \"C\" NOT NULL, PRIMARY KEY(doc, concept, "
    "rendering));"
    "CREATE INDEX usages_examples ON tradlint.usages(archive, concept, "
    "rendering, path);"
    "CREATE TABLE tradlint.rendering_totals(archive integer NOT NULL "
    "REFERENCES tradlint.archives(id) ON DELETE CASCADE, concept text "
    "COLLATE \"C\" NOT NULL, rendering text COLLATE \"C\" NOT NULL, kind "
    "integer NOT NULL, docs bigint NOT NULL, uses bigint NOT NULL, PRIMARY "
    "KEY(archive, concept, rendering, kind));"
    "CREATE TABLE tradlint.surfaces(doc bigint NOT NULL REFERENCES "
    "tradlint.documents(id) ON DELETE CASCADE, archive integer NOT NULL, "
    "key text COLLATE \"C\" NOT NULL, surface text COLLATE \"C\" NOT NULL, "
    "count bigint NOT NULL, PRIMARY KEY(doc, key, surface));"
    "CREATE INDEX surfaces_by_key ON tradlint.surfaces(archive, key);"
    "CREATE TABLE tradlint.learned(doc bigint NOT NULL REFERENCES "
    "tradlint.documents(id) ON DELETE CASCADE, archive integer NOT NULL, "
    "path text COLLATE \"C\" NOT NULL, term text COLLATE \"C\" NOT NULL, "
    "rendering text COLLATE \"C\" NOT NULL, count bigint NOT NULL, PRIMARY "
    "KEY(doc, term, rendering));"
    "CREATE INDEX learned_by_term ON tradlint.learned(archive, term, "
    "rendering, path);"
    "CREATE TABLE tradlint.verdicts(dict text COLLATE \"C\" NOT NULL, word "
    "text COLLATE \"C\" NOT NULL, known smallint NOT NULL, PRIMARY KEY(dict, "
    "word));"
    "CREATE TABLE tradlint.suggestions(dict text COLLATE \"C\" NOT NULL, "
    "word text COLLATE \"C\" NOT NULL, list text NOT NULL, PRIMARY KEY(dict, "
    "word));"
    "INSERT INTO tradlint.meta VALUES('schema_version', '1');";

/* Forward migrations: PG_MIGRATIONS[v - 1] takes the schema from version v
 * to v + 1 (and sets tradlint.meta's schema_version itself). */
static const char *const PG_MIGRATIONS[] = {
    /* 1 -> 2: house usage (house.c): the words no dictionary knows of each
     * document, and the editors' rejections per archive; every document's
     * hash forgotten, so that the next index records its words */
    "CREATE TABLE tradlint.words(doc bigint NOT NULL REFERENCES "
    "tradlint.documents(id) ON DELETE CASCADE, archive integer NOT NULL, "
    "key text COLLATE \"C\" NOT NULL, surface text COLLATE \"C\" NOT NULL, "
    "name smallint NOT NULL, count bigint NOT NULL, PRIMARY KEY(doc, key, "
    "surface));"
    "CREATE INDEX words_by_key ON tradlint.words(archive, key);"
    "CREATE TABLE tradlint.rejections(archive integer NOT NULL REFERENCES "
    "tradlint.archives(id) ON DELETE CASCADE, key text COLLATE \"C\" NOT "
    "NULL, word text NOT NULL, rejected_at bigint NOT NULL, PRIMARY "
    "KEY(archive, key));"
    "UPDATE tradlint.documents SET hash = '';"
    "UPDATE tradlint.meta SET value = '2' WHERE key = 'schema_version';",
    /* 2 -> 3: every rendering recorded with its kind (forbidden forms,
     * acronyms, accent variants, glossed renderings) and the derived
     * phrases of discovered concepts: every document's hash forgotten, so
     * that the next index records them */
    "UPDATE tradlint.documents SET hash = '';"
    "UPDATE tradlint.meta SET value = '3' WHERE key = 'schema_version';",
    /* 3 -> 4: headings, link texts and English terms recorded as
     * renderings (structural concepts "## ID", "[…] host/path"): every
     * document's hash forgotten, so that the next index records them */
    "UPDATE tradlint.documents SET hash = '';"
    "UPDATE tradlint.meta SET value = '4' WHERE key = 'schema_version';",
    NULL};

/* The verdicts of one dictionary identity, loaded at its first lookup. */
typedef struct dict_cache {
  char *dict;
  tl_map words; /* word -> known + 1 */
} dict_cache;

typedef struct pg_store {
  tl_store base;
  PGconn *conn;
  char archive_id[16]; /* tradlint.archives.id as text; "0": none yet */
  bool absent;         /* read-only and no schema yet: an empty memory */
  bool in_read;        /* a read snapshot is open */
  unsigned seed;       /* for the pauses between retries */
  dict_cache *dicts;
  size_t ndicts, capdicts;
} pg_store;

/* ---- errors ------------------------------------------------------------- */

/* @msg on one line: newlines and tabs become spaces, the end trimmed. */
static void one_line(char *dst, size_t n, const char *msg)
{
  size_t k = 0;
  bool space = false;

  for (const char *p = msg ? msg : ""; *p && k + 1 < n; p++) {
    if (*p == '\n' || *p == '\t' || *p == '\r' || *p == ' ') {
      space = k > 0;
      continue;
    }
    if (space && k + 2 < n)
      dst[k++] = ' ';
    space = false;
    dst[k++] = *p;
  }
  dst[k] = '\0';
}

/* libpq's message after a failed connection, one attempt a line (with
 * sslmode=prefer the same failure comes twice: once said). */
static void conn_message(char *dst, size_t n, const char *msg)
{
  tl_buf b, line;
  const char *p = msg ? msg : "";

  tl_buf_init(&b);
  tl_buf_init(&line);
  while (*p) {
    size_t len = strcspn(p, "\n");
    bool cont = p[0] == '\t' || p[0] == ' ';
    if (!cont && line.len > 0) {
      tl_buf_cstr(&line);
      if (b.len == 0 || strstr(tl_buf_cstr(&b), line.p) == NULL) {
        if (b.len > 0)
          tl_buf_adds(&b, "; ");
        tl_buf_adds(&b, line.p);
      }
      tl_buf_clear(&line);
    }
    if (line.len > 0)
      tl_buf_addc(&line, ' ');
    tl_buf_add(&line, p, len);
    p += len;
    if (*p == '\n')
      p++;
  }
  if (line.len > 0 &&
      (b.len == 0 || strstr(tl_buf_cstr(&b), tl_buf_cstr(&line)) == NULL)) {
    if (b.len > 0)
      tl_buf_adds(&b, "; ");
    tl_buf_add(&b, line.p, line.len);
  }
  one_line(dst, n, b.len > 0 ? tl_buf_cstr(&b) : "");
  tl_buf_fini(&b);
  tl_buf_fini(&line);
}

static const char *sqlstate(const PGresult *r)
{
  const char *s = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
  return s ? s : "";
}

/* The error of @r (or of the connection) as TL_EDB, saying what was being
 * done. */
static tl_status pg_error(pg_store *p, const PGresult *r, tl_error *err,
                          const char *what)
{
  char msg[600];
  const char *state = sqlstate(r);

  one_line(msg, sizeof msg,
           r && PQresultErrorMessage(r)[0] ? PQresultErrorMessage(r)
                                           : PQerrorMessage(p->conn));
  if (PQstatus(p->conn) != CONNECTION_OK)
    return tl_error_set(err, TL_EDB,
                        _("%s: conexão com o servidor do acervo perdida ao %s: "
                        "%s"),
                        p->base.name, what, msg);
  if (strcmp(state, "55P03") == 0 || strcmp(state, "57014") == 0)
    return tl_error_set(err, TL_EDB,
                        _("%s: banco do acervo ocupado por outro processo por "
                        "tempo demais (%s); tente de novo ou use --no-db: %s"),
                        p->base.name, what, msg);
  if (strcmp(state, "42501") == 0)
    return tl_error_set(err, TL_EDB,
                        _("%s: o usuário %s não tem permissão para %s no banco "
                        "do acervo (peça ao dono do esquema tradlint um GRANT; "
                        "veja 'newsroom setup' no README): %s"),
                        p->base.name, PQuser(p->conn), what, msg);
  return tl_error_set(err, TL_EDB, _("%s: erro no banco do acervo ao %s: %s"),
                      p->base.name, what, msg);
}

static bool retryable(const PGresult *r)
{
  const char *s = sqlstate(r);
  return strcmp(s, "40001") == 0 || strcmp(s, "40P01") == 0;
}

/* ---- statements --------------------------------------------------------- */

static PGresult *exec_params(pg_store *p, const char *sql, int n,
                             const char *const *v)
{
  return PQexecParams(p->conn, sql, n, NULL, v, NULL, NULL, 0);
}

static bool ok(const PGresult *r)
{
  ExecStatusType t = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  return t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK;
}

/* Run @sql (no parameters, maybe several statements); NULL when it
 * succeeded, else the failed result (the caller clears it). */
static PGresult *run(pg_store *p, const char *sql)
{
  PGresult *r = PQexec(p->conn, sql);
  if (ok(r)) {
    PQclear(r);
    return NULL;
  }
  if (r == NULL)
    r = PQmakeEmptyPGresult(p->conn, PGRES_FATAL_ERROR);
  return r;
}

static void rollback(pg_store *p)
{
  PQclear(PQexec(p->conn, "ROLLBACK"));
}

static long long cell_ll(const PGresult *r, int row, int col)
{
  return PQgetisnull(r, row, col) ? 0
                                  : strtoll(PQgetvalue(r, row, col), NULL, 10);
}

/* A PostgreSQL array literal of texts or numbers, for unnest($n::T[]):
 * one statement writes any number of rows. */
static void arr_open(tl_buf *b)
{
  tl_buf_clear(b);
  tl_buf_addc(b, '{');
}

static void arr_text(tl_buf *b, const char *s)
{
  if (b->len > 1)
    tl_buf_addc(b, ',');
  tl_buf_addc(b, '"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\')
      tl_buf_addc(b, '\\');
    tl_buf_addc(b, *s);
  }
  tl_buf_addc(b, '"');
}

static void arr_num(tl_buf *b, long long v)
{
  if (b->len > 1)
    tl_buf_addc(b, ',');
  tl_buf_printf(b, "%lld", v);
}

static const char *arr_close(tl_buf *b)
{
  tl_buf_addc(b, '}');
  return tl_buf_cstr(b);
}

/* ---- opening ------------------------------------------------------------ */

/* What messages call the server: the URI's user, host, port and database,
 * never its password. */
static char *display_name(const char *uri)
{
  PQconninfoOption *o = PQconninfoParse(uri, NULL);
  const char *user = NULL, *host = NULL, *hostaddr = NULL, *port = NULL,
             *db = NULL;
  tl_buf b;

  if (o == NULL)
    return tl_xstrdup(_("postgresql://(endereço inválido)"));
  for (PQconninfoOption *k = o; k->keyword; k++) {
    const char *v = k->val && k->val[0] ? k->val : NULL;
    if (strcmp(k->keyword, "user") == 0)
      user = v;
    else if (strcmp(k->keyword, "host") == 0)
      host = v;
    else if (strcmp(k->keyword, "hostaddr") == 0)
      hostaddr = v;
    else if (strcmp(k->keyword, "port") == 0)
      port = v;
    else if (strcmp(k->keyword, "dbname") == 0)
      db = v;
  }
  if (host == NULL)
    host = hostaddr;
  tl_buf_init(&b);
  tl_buf_adds(&b, "postgresql://");
  if (user)
    tl_buf_printf(&b, "%s@", user);
  if (host && host[0] != '/')
    tl_buf_adds(&b, host);
  if (port && (host == NULL || host[0] != '/'))
    tl_buf_printf(&b, ":%s", port);
  tl_buf_printf(&b, "/%s", db ? db : "");
  if (host && host[0] == '/') {
    tl_buf_printf(&b, "?host=%s", host);
    if (port)
      tl_buf_printf(&b, "&port=%s", port);
  }
  PQconninfoFree(o);
  tl_buf_cstr(&b);
  return b.p;
}

/* The password in @uri (URI user info or password= parameter), so that an
 * error quoting the URI can be left out; NULL when none. Owned. */
static char *uri_password(const char *uri)
{
  const char *a = strstr(uri, "://"), *end, *colon, *at;
  const char *q = strstr(uri, "password=");

  if (q != NULL) {
    q += 9;
    return tl_xstrndup(q, strcspn(q, "&"));
  }
  if (a == NULL)
    return NULL;
  a += 3;
  end = a + strcspn(a, "/?");
  at = NULL;
  for (const char *c = a; c < end; c++)
    if (*c == '@')
      at = c;
  if (at == NULL)
    return NULL;
  colon = memchr(a, ':', (size_t)(at - a));
  return colon ? tl_xstrndup(colon + 1, (size_t)(at - colon - 1)) : NULL;
}

/* What to do about a failed connection, from libpq's state and message
 * (libpq gives no SQLSTATE for these; its messages are English here, and a
 * message it does not explain gets the general advice). */
static const char *conn_hint(PGconn *c, const char *msg)
{
  if (PQconnectionNeedsPassword(c))
    return _("o servidor pede senha: ponha-a em ~/.pgpass ou em PGPASSWORD "
           "(um segredo do CI), não no URI");
  if (strstr(msg, "authentication failed"))
    return PQconnectionUsedPassword(c)
               ? _("confira o usuário e a senha (~/.pgpass ou PGPASSWORD)")
               : _("confira o usuário no URI e o método de autenticação que o "
                 "pg_hba.conf do servidor exige para ele");
  if (strstr(msg, "pg_hba.conf"))
    return _("o servidor recusa este usuário, banco ou máquina: peça ao "
           "administrador uma linha no pg_hba.conf (ou use sslmode=require "
           "se só há linhas hostssl)");
  if (strstr(msg, "database") && strstr(msg, "does not exist"))
    return _("crie o banco (createdb, ou CREATE DATABASE; veja 'newsroom "
           "setup' no README) ou corrija o nome no URI");
  if (strstr(msg, "role") && strstr(msg, "does not exist"))
    return _("crie o papel (CREATE ROLE ... LOGIN; veja 'newsroom setup' no "
           "README) ou corrija o usuário no URI");
  if (strstr(msg, "translate host name"))
    return _("nome de servidor desconhecido: corrija-o no URI");
  if (strstr(msg, "timeout expired"))
    return _("o servidor não respondeu a tempo (connect_timeout no URI ou "
           "PGCONNECT_TIMEOUT): confira servidor, porta e firewall, ou use "
           "--no-db");
  if (strstr(msg, "SSL") || strstr(msg, "certificate"))
    return _("confira sslmode e sslrootcert no URI (o certificado da "
           "autoridade que assinou o do servidor)");
  if (strstr(msg, "Connection refused") ||
      strstr(msg, "No such file or directory") ||
      strstr(msg, "could not connect"))
    return _("nada escuta nesse endereço: confira servidor e porta no URI e se "
           "o PostgreSQL está no ar e aceita conexões de fora "
           "(listen_addresses), ou use --no-db");
  return _("confira o URI (postgresql://USUÁRIO@SERVIDOR:PORTA/BANCO) e se o "
         "servidor está no ar, ou use --no-db");
}

static bool connect_server(pg_store *p, const char *uri, tl_error *err)
{
  const char *keys[] = {"connect_timeout", "fallback_application_name",
                        "dbname", NULL};
  const char *vals[] = {NULL, "tradlint", uri, NULL};
  char msg[700], *pw;
  const char *t = getenv("PGCONNECT_TIMEOUT");

  /* before dbname: the URI's own connect_timeout wins */
  vals[0] = t && t[0] ? NULL : "10";
  {
    char *perr = NULL;
    PQconninfoOption *o = PQconninfoParse(uri, &perr);
    if (o == NULL) {
      pw = uri_password(uri);
      one_line(msg, sizeof msg, perr ? perr : "");
      /* libpq may quote the bad part, which may be the password */
      if (pw != NULL && pw[0] != '\0' && strstr(msg, pw) != NULL)
        snprintf(msg, sizeof msg, _("sintaxe inválida"));
      free(pw);
      PQfreemem(perr);
      tl_error_set(err, TL_EUSAGE,
                   _("%s: endereço do banco do acervo inválido: %s; use "
                   "postgresql://USUÁRIO@SERVIDOR:PORTA/BANCO"),
                   p->base.name, msg);
      return false;
    }
    PQconninfoFree(o);
  }
  p->conn = PQconnectdbParams(keys, vals, 1);
  if (p->conn == NULL) {
    tl_error_set(err, TL_EDB, _("%s: sem memória para conectar"), p->base.name);
    return false;
  }
  if (PQstatus(p->conn) != CONNECTION_OK) {
    pw = uri_password(uri);
    conn_message(msg, sizeof msg, PQerrorMessage(p->conn));
    if (pw != NULL && pw[0] != '\0' && strstr(msg, pw) != NULL)
      snprintf(msg, sizeof msg, "%s",
               _("(mensagem omitida: citava a senha)"));
    free(pw);
    tl_error_set(err, TL_EDB,
                 _("%s: não foi possível conectar ao servidor do acervo: %s; "
                 "%s"),
                 p->base.name, msg, conn_hint(p->conn, msg));
    return false;
  }
  return true;
}

/* Session settings: our schema, a lock timeout unless one is set, no
 * writes when read-only. */
static bool session(pg_store *p, tl_error *err)
{
  PGresult *r = PQexec(p->conn, "SELECT current_setting('lock_timeout')");
  bool set_timeout;

  if (!ok(r) || PQntuples(r) != 1) {
    pg_error(p, r, err, _("configurar a sessão"));
    PQclear(r);
    return false;
  }
  set_timeout = strcmp(PQgetvalue(r, 0, 0), "0") == 0;
  PQclear(r);
  r = run(p, set_timeout ? "SET search_path = tradlint; SET lock_timeout = "
                           "'20s'; SET client_encoding = 'UTF8'"
                         : "SET search_path = tradlint; SET client_encoding = "
                           "'UTF8'");
  if (r == NULL && p->base.ro)
    r = run(p, "SET default_transaction_read_only = on");
  if (r != NULL) {
    pg_error(p, r, err, _("configurar a sessão"));
    PQclear(r);
    return false;
  }
  return true;
}

/* The schema's version: 0 when there is none, -1 when the schema tradlint
 * exists but is not ours, -2 on error (@err set). */
static long long schema_version(pg_store *p, tl_error *err)
{
  PGresult *r = PQexec(
      p->conn,
      "SELECT to_regclass('tradlint.meta') IS NOT NULL, EXISTS(SELECT 1 FROM "
      "pg_catalog.pg_namespace WHERE nspname = 'tradlint')");
  long long v = 0;

  if (!ok(r) || PQntuples(r) != 1) {
    pg_error(p, r, err, _("ler o esquema"));
    PQclear(r);
    return -2;
  }
  if (PQgetvalue(r, 0, 0)[0] != 't') {
    bool schema = PQgetvalue(r, 0, 1)[0] == 't';
    PQclear(r);
    if (!schema)
      return 0;
    r = PQexec(p->conn, "SELECT count(*) FROM pg_catalog.pg_class c JOIN "
                        "pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = 'tradlint'");
    v = ok(r) && PQntuples(r) == 1 ? cell_ll(r, 0, 0) : 1;
    PQclear(r);
    return v == 0 ? 0 : -1;
  }
  PQclear(r);
  r = PQexec(p->conn, "SELECT value FROM tradlint.meta WHERE key = "
                      "'schema_version'");
  if (!ok(r)) {
    pg_error(p, r, err, _("ler a versão do esquema"));
    PQclear(r);
    return -2;
  }
  v = PQntuples(r) == 1 ? cell_ll(r, 0, 0) : -1;
  PQclear(r);
  return v;
}

static tl_status foreign_schema(pg_store *p, tl_error *err)
{
  return tl_error_set(err, TL_EDB,
                      _("%s: o esquema 'tradlint' deste banco não é do tradlint "
                      "(tabelas de outro programa); use outro banco em --db"),
                      p->base.name);
}

/* Create or migrate the schema, one run at a time (advisory lock). */
static tl_status migrate(pg_store *p, tl_error *err)
{
  PGresult *r = run(p, "BEGIN; SELECT pg_advisory_xact_lock(" PG_LOCK_KEY
                       ")");
  long long v;
  tl_status st = TL_OK;

  if (r != NULL) {
    st = pg_error(p, r, err, _("abrir uma transação"));
    PQclear(r);
    rollback(p);
    return st;
  }
  /* read again under the lock: another run may have done it */
  v = schema_version(p, err);
  if (v == -2) {
    rollback(p);
    return err ? err->status : TL_EDB;
  }
  if (v == -1) {
    rollback(p);
    return foreign_schema(p, err);
  }
  if (v == 0) {
    r = run(p, PG_SCHEMA_V1);
    v = 1;
  }
  while (r == NULL && v < PG_SCHEMA_VERSION) {
    r = run(p, PG_MIGRATIONS[v - 1]);
    v++;
  }
  if (r == NULL)
    r = run(p, "COMMIT");
  if (r != NULL) {
    st = pg_error(p, r, err, _("criar ou migrar o esquema"));
    if (strcmp(sqlstate(r), "42501") == 0)
      st = tl_error_set(err, TL_EDB,
                        _("%s: o esquema tradlint %s e o usuário %s não tem "
                        "permissão para %s (versão %d); rode uma vez "
                        "'tradlint corpus stats --db URI' como o dono do "
                        "banco (veja 'newsroom setup' no README)"),
                        p->base.name,
                        v <= 1 ? _("ainda não existe") : _("é de uma versão antiga"),
                        PQuser(p->conn), v <= 1 ? _("criá-lo") : _("migrá-lo"),
                        PG_SCHEMA_VERSION);
    PQclear(r);
    rollback(p);
  }
  return st;
}

/* The archive's id; created unless read-only. */
static tl_status find_archive(pg_store *p, tl_error *err)
{
  const char *v[1] = {p->base.archive};
  PGresult *r;

  snprintf(p->archive_id, sizeof p->archive_id, "0");
  for (int pass = 0; pass < 2; pass++) {
    r = exec_params(p, "SELECT id FROM archives WHERE name = $1", 1, v);
    if (!ok(r)) {
      tl_status st = pg_error(p, r, err, _("ler o acervo"));
      PQclear(r);
      return st;
    }
    if (PQntuples(r) == 1)
      snprintf(p->archive_id, sizeof p->archive_id, "%s",
               PQgetvalue(r, 0, 0));
    PQclear(r);
    if (strcmp(p->archive_id, "0") != 0 || p->base.ro || pass == 1)
      break;
    /* a new archive (another run may be creating it too) */
    r = exec_params(p,
                    "INSERT INTO archives(name) VALUES($1) ON CONFLICT "
                    "(name) DO NOTHING",
                    1, v);
    if (!ok(r)) {
      tl_status st = pg_error(p, r, err, _("criar o acervo"));
      PQclear(r);
      return st;
    }
    PQclear(r);
  }
  return TL_OK;
}

/* Whether this role may write the memory (a read-only role, a standby). */
static bool can_write(pg_store *p)
{
  PGresult *r = PQexec(
      p->conn,
      "SELECT has_table_privilege('tradlint.documents', 'INSERT, UPDATE, "
      "DELETE') AND has_table_privilege('tradlint.usages', 'INSERT, DELETE') "
      "AND current_setting('transaction_read_only') = 'off'");
  bool w = ok(r) && PQntuples(r) == 1 && PQgetvalue(r, 0, 0)[0] == 't';
  PQclear(r);
  return w;
}

static const tl_store_ops PG_OPS;

tl_status tl_store_pg_open(tl_store **out, const char *uri,
                           const char *archive, unsigned flags,
                           tl_error *err)
{
  pg_store *p = tl_xcalloc(1, sizeof *p);
  char *name = display_name(uri);
  long long v;
  tl_status st = TL_OK;

  *out = NULL;
  tl_store_base_init(&p->base, &PG_OPS, name,
                     archive && archive[0] ? archive : "default");
  free(name);
  p->base.ro = (flags & TL_STORE_READONLY) != 0;
  p->seed = (unsigned)time(NULL) ^ (unsigned)getpid();
  if (!connect_server(p, uri, err) || !session(p, err)) {
    st = err ? err->status : TL_EDB;
    goto fail;
  }
  v = schema_version(p, err);
  if (v == -2) {
    st = err ? err->status : TL_EDB;
    goto fail;
  }
  if (v == -1) {
    st = foreign_schema(p, err);
    goto fail;
  }
  if (v > PG_SCHEMA_VERSION) {
    st = tl_error_set(err, TL_EDB,
                      _("%s: esquema criado por uma versão mais nova do "
                      "tradlint (esquema %lld; esta versão lê até %d)"),
                      p->base.name, v, PG_SCHEMA_VERSION);
    goto fail;
  }
  if (p->base.ro && v == 0) {
    p->absent = true; /* nothing recorded yet: an empty memory */
  } else if (p->base.ro && v < PG_SCHEMA_VERSION) {
    st = tl_error_set(err, TL_EDB,
                      _("%s: banco do acervo somente leitura e de esquema "
                      "antigo (%lld; esta versão usa %d)"),
                      p->base.name, v, PG_SCHEMA_VERSION);
    goto fail;
  } else if (v < PG_SCHEMA_VERSION && (st = migrate(p, err)) != TL_OK) {
    goto fail;
  }
  if (!p->absent && !p->base.ro && !can_write(p)) {
    p->base.ro = true;
    PQclear(PQexec(p->conn, "SET default_transaction_read_only = on"));
  }
  if (!p->absent && (st = find_archive(p, err)) != TL_OK)
    goto fail;
  *out = &p->base;
  return TL_OK;
fail:
  PG_OPS.close(&p->base);
  return st;
}

static void pg_close(tl_store *s)
{
  pg_store *p = (pg_store *)s;

  if (p->conn != NULL)
    PQfinish(p->conn);
  for (size_t i = 0; i < p->ndicts; i++) {
    free(p->dicts[i].dict);
    tl_map_fini(&p->dicts[i].words);
  }
  free(p->dicts);
  tl_store_base_fini(s);
  free(p);
}

/* ---- verdicts and suggestions ------------------------------------------- */

/* The verdicts of @dict, all loaded with one query at its first lookup: a
 * round trip per word would cost more than the check. */
static tl_map *dict_words(pg_store *p, const char *dict)
{
  const char *v[1] = {dict};
  dict_cache *d;
  PGresult *r;

  for (size_t i = 0; i < p->ndicts; i++)
    if (strcmp(p->dicts[i].dict, dict) == 0)
      return &p->dicts[i].words;
  TL_GROW(p->dicts, p->capdicts, p->ndicts + 1);
  d = &p->dicts[p->ndicts++];
  d->dict = tl_xstrdup(dict);
  tl_map_init(&d->words);
  if (p->absent)
    return &d->words;
  r = exec_params(p, "SELECT word, known FROM verdicts WHERE dict = $1", 1,
                  v);
  if (ok(r))
    for (int i = 0, n = PQntuples(r); i < n; i++)
      tl_map_put(&d->words, PQgetvalue(r, i, 0),
                 (size_t)PQgetlength(r, i, 0),
                 PQgetvalue(r, i, 1)[0] == '1' ? 2u : 1u, NULL);
  PQclear(r);
  return &d->words;
}

static int pg_verdict(tl_store *s, const char *dict, const char *w, size_t n)
{
  tl_map_slot *slot = tl_map_find(dict_words((pg_store *)s, dict), w, n);
  return slot ? (int)slot->value - 1 : -1;
}

static int pg_suggestions(tl_store *s, const char *dict, const char *w,
                          size_t n, char **block)
{
  pg_store *p = (pg_store *)s;
  char *word = tl_xstrndup(w, n);
  const char *v[2] = {dict, word};
  PGresult *r;
  int got = -1;

  *block = NULL;
  if (p->absent) {
    free(word);
    return -1;
  }
  r = exec_params(p, "SELECT list FROM suggestions WHERE dict = $1 AND "
                     "word = $2",
                  2, v);
  if (ok(r) && PQntuples(r) == 1) {
    const char *list = PQgetvalue(r, 0, 0);
    size_t len = strlen(list);
    /* stored '\n'-separated; returned NUL-separated */
    *block = tl_xstrndup(list, len);
    got = len > 0;
    for (size_t i = 0; i < len; i++)
      if ((*block)[i] == '\n') {
        (*block)[i] = '\0';
        got++;
      }
  }
  PQclear(r);
  free(word);
  return got;
}

static int by_pending(const void *x, const void *y)
{
  const tl_store_pending *a = x, *b = y;
  int c = strcmp(a->dict, b->dict);
  return c ? c : strcmp(a->word, b->word);
}

/* ---- writes: one pipeline, one round trip ------------------------------- */

/* The statements of one write, sent together (libpq's pipeline mode) and
 * run by the server in one implicit transaction that the final Sync
 * commits: a document costs one round trip, however many statements. No
 * statement depends on another's result on the client: a document's id is
 * found by a subquery on (archive, path). */
#define BATCH_MAX 16
#define BATCH_PARAMS 12

typedef struct batch {
  struct {
    const char *sql;
    int n;
    const char *v[BATCH_PARAMS];
  } st[BATCH_MAX];
  size_t n;
  tl_buf arr[40]; /* array literals and numbers the parameters point at */
  size_t narr;
} batch;

static void batch_init(batch *b)
{
  memset(b, 0, sizeof *b);
}

static void batch_fini(batch *b)
{
  for (size_t i = 0; i < b->narr; i++)
    tl_buf_fini(&b->arr[i]);
}

/* A new statement; its parameters are added with batch_param. */
static void batch_add(batch *b, const char *sql)
{
  if (b->n == BATCH_MAX)
    abort(); /* a programming error: raise BATCH_MAX */
  b->st[b->n].sql = sql;
  b->st[b->n].n = 0;
  b->n++;
}

static void batch_param(batch *b, const char *v)
{
  if (b->st[b->n - 1].n == BATCH_PARAMS)
    abort();
  b->st[b->n - 1].v[b->st[b->n - 1].n++] = v;
}

/* A buffer owned by the batch (an array literal, a number). */
static tl_buf *batch_buf(batch *b)
{
  if (b->narr == sizeof b->arr / sizeof b->arr[0])
    abort();
  tl_buf_init(&b->arr[b->narr]);
  return &b->arr[b->narr++];
}

static void batch_num(batch *b, long long v)
{
  tl_buf *t = batch_buf(b);
  tl_buf_printf(t, "%lld", v);
  batch_param(b, tl_buf_cstr(t));
}

/* Send the batch and read every result: NULL when all succeeded (and the
 * transaction committed), else the first failure (the caller clears it);
 * the server rolled the transaction back. */
static PGresult *batch_run(pg_store *p, const batch *b)
{
  PGresult *fail = NULL, *r;
  size_t sent = 0;

  if (!PQenterPipelineMode(p->conn))
    return PQmakeEmptyPGresult(p->conn, PGRES_FATAL_ERROR);
  for (size_t i = 0; i < b->n; i++) {
    if (!PQsendQueryParams(p->conn, b->st[i].sql, b->st[i].n, NULL,
                           b->st[i].v, NULL, NULL, 0))
      break;
    sent++;
  }
  if (sent < b->n || !PQpipelineSync(p->conn))
    fail = PQmakeEmptyPGresult(p->conn, PGRES_FATAL_ERROR);
  for (size_t i = 0; i < sent; i++) {
    bool got = false;
    while ((r = PQgetResult(p->conn)) != NULL) {
      got = true;
      if (fail == NULL && !ok(r) &&
          PQresultStatus(r) != PGRES_PIPELINE_ABORTED)
        fail = r;
      else
        PQclear(r);
    }
    if (!got) /* the connection is gone */
      break;
  }
  /* the Sync's result, unless the connection broke */
  while ((r = PQgetResult(p->conn)) != NULL) {
    ExecStatusType t = PQresultStatus(r);
    if (fail == NULL && t == PGRES_FATAL_ERROR)
      fail = r;
    else
      PQclear(r);
    if (t == PGRES_PIPELINE_SYNC)
      break;
  }
  if (!PQexitPipelineMode(p->conn) && fail == NULL)
    fail = PQmakeEmptyPGresult(p->conn, PGRES_FATAL_ERROR);
  return fail;
}

/* Run @b; again after a random pause that grows when the server reports a
 * serialisation failure or a deadlock. */
static tl_status batch_commit(pg_store *p, const batch *b, tl_error *err,
                              const char *what)
{
  for (int attempt = 0;; attempt++) {
    PGresult *r = batch_run(p, b);
    long ms;
    if (r == NULL)
      return TL_OK;
    if (!retryable(r) || attempt >= PG_RETRIES ||
        PQstatus(p->conn) != CONNECTION_OK) {
      tl_status st = pg_error(p, r, err, what);
      PQclear(r);
      return st;
    }
    PQclear(r);
    ms = 5 + rand_r(&p->seed) % (10 * (attempt + 1));
    {
      struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
      nanosleep(&ts, NULL);
    }
  }
}

/* The pending verdicts and suggestions, in byte order (see the top of the
 * file). */
static void add_pending(pg_store *p, batch *b)
{
  tl_store *s = &p->base;

  if (s->npend == 0)
    return;
  qsort(s->pend, s->npend, sizeof *s->pend, by_pending);
  for (int pass = 0; pass < 2; pass++) {
    tl_buf *d = batch_buf(b), *w = batch_buf(b), *k = batch_buf(b);
    size_t n = 0;
    arr_open(d);
    arr_open(w);
    arr_open(k);
    for (size_t i = 0; i < s->npend; i++) {
      const tl_store_pending *e = &s->pend[i];
      if ((e->list != NULL) != (pass == 1))
        continue;
      arr_text(d, e->dict);
      arr_text(w, e->word);
      if (pass == 0)
        arr_num(k, e->known);
      else
        arr_text(k, e->list);
      n++;
    }
    if (n == 0)
      continue;
    batch_add(b, pass == 0
                     ? "INSERT INTO verdicts(dict, word, known) SELECT * "
                       "FROM unnest($1::text[], $2::text[], $3::smallint[]) "
                       "ON CONFLICT DO NOTHING"
                     : "INSERT INTO suggestions(dict, word, list) SELECT * "
                       "FROM unnest($1::text[], $2::text[], $3::text[]) ON "
                       "CONFLICT DO NOTHING");
    batch_param(b, arr_close(d));
    batch_param(b, arr_close(w));
    batch_param(b, arr_close(k));
  }
}

static tl_status pg_flush(tl_store *s, tl_error *err)
{
  pg_store *p = (pg_store *)s;
  batch b;
  tl_status st;

  if (s->ro || s->npend == 0 || p->absent)
    return TL_OK;
  batch_init(&b);
  add_pending(p, &b);
  st = batch_commit(p, &b, err, _("gravar os veredictos"));
  batch_fini(&b);
  return st;
}

/* ---- documents ---------------------------------------------------------- */

static bool pg_doc_hash(tl_store *s, const char *path, char *hash, size_t n)
{
  pg_store *p = (pg_store *)s;
  const char *v[2] = {p->archive_id, path};
  PGresult *r;
  bool found = false;

  if (p->absent)
    return false;
  r = exec_params(p, "SELECT hash FROM documents WHERE archive = $1 AND "
                     "path = $2",
                  2, v);
  if (ok(r) && PQntuples(r) == 1) {
    snprintf(hash, n, "%s", PQgetvalue(r, 0, 0));
    found = true;
  }
  PQclear(r);
  return found;
}

/* Statements that replace the usages of document @path ($1 archive, $2
 * path) by @u (n of them), moving the archive's running totals by the
 * difference: the totals' rows in byte order, the same in every writer,
 * so that two writers never wait for each other in a cycle. Totals that
 * reach zero stay, as zero (readers skip them). */
static void add_usages(pg_store *p, batch *b, const char *path,
                       const tl_store_usage *u, size_t n)
{
  tl_buf *a[7];

  for (size_t i = 0; i < 7; i++)
    arr_open(a[i] = batch_buf(b));
  for (size_t i = 0; i < n; i++) {
    arr_text(a[0], u[i].concept);
    arr_text(a[1], u[i].rendering);
    arr_num(a[2], u[i].kind);
    arr_num(a[3], (long long)u[i].count);
    arr_num(a[4], (long long)u[i].first_offset);
    arr_num(a[5], (long long)u[i].first_line);
    arr_text(a[6], u[i].surface ? u[i].surface : "");
  }
  for (size_t i = 0; i < 7; i++)
    arr_close(a[i]);
  batch_add(
      b,
      "WITH old AS (DELETE FROM usages WHERE doc = (SELECT id FROM "
      "documents WHERE archive = $1 AND path = $2) RETURNING concept, "
      "rendering, kind, count), "
      "new AS (SELECT concept COLLATE \"C\" AS concept, rendering COLLATE "
      "\"C\" AS rendering, kind, count FROM unnest($3::text[], $4::text[], "
      "$5::int[], $6::bigint[]) AS n(concept, rendering, kind, count)), "
      "delta AS (SELECT concept, rendering, kind, sum(dd) AS docs, sum(du) "
      "AS uses FROM (SELECT concept, rendering, kind, -1 AS dd, -count AS du "
      "FROM old UNION ALL SELECT concept, rendering, kind, 1, count FROM new) "
      "x GROUP BY concept, rendering, kind HAVING sum(dd) <> 0 OR sum(du) <> "
      "0) "
      "INSERT INTO rendering_totals AS t(archive, concept, rendering, kind, "
      "docs, uses) SELECT $1, concept, rendering, kind, docs, uses FROM delta "
      "ORDER BY concept, rendering, kind ON CONFLICT (archive, concept, "
      "rendering, kind) DO UPDATE SET docs = t.docs + excluded.docs, uses = "
      "t.uses + excluded.uses");
  batch_param(b, p->archive_id);
  batch_param(b, path);
  for (size_t i = 0; i < 4; i++)
    batch_param(b, a[i]->p);
  if (n == 0)
    return;
  batch_add(b, "INSERT INTO usages(doc, archive, path, concept, rendering, "
               "kind, count, first_offset, first_line, surface) SELECT d.id, "
               "d.archive, d.path, u.* FROM documents d, unnest($3::text[], "
               "$4::text[], $5::int[], $6::bigint[], $7::bigint[], "
               "$8::bigint[], $9::text[]) AS u WHERE d.archive = $1 AND "
               "d.path = $2");
  batch_param(b, p->archive_id);
  batch_param(b, path);
  for (size_t i = 0; i < 7; i++)
    batch_param(b, a[i]->p);
}

/* Add @sql, whose parameters are the archive, the document's @path and
 * then the @n arrays (closed here). */
static void batch_doc_stmt(pg_store *p, batch *b, const char *sql,
                           const char *path, tl_buf *const *arrays, size_t n)
{
  batch_add(b, sql);
  batch_param(b, p->archive_id);
  batch_param(b, path);
  for (size_t i = 0; i < n; i++)
    batch_param(b, arr_close(arrays[i]));
}

static void add_surfaces(pg_store *p, batch *b, const tl_store_doc *d)
{
  tl_buf *a[3];

  batch_doc_stmt(p, b,
                 "DELETE FROM surfaces WHERE doc = (SELECT id FROM documents "
                 "WHERE archive = $1 AND path = $2)",
                 d->path, NULL, 0);
  if (d->nsurfaces == 0)
    return;
  for (size_t i = 0; i < 3; i++)
    arr_open(a[i] = batch_buf(b));
  for (size_t i = 0; i < d->nsurfaces; i++) {
    arr_text(a[0], d->surfaces[i].key);
    arr_text(a[1], d->surfaces[i].surface);
    arr_num(a[2], (long long)d->surfaces[i].count);
  }
  batch_doc_stmt(p, b,
                 "INSERT INTO surfaces(doc, archive, key, surface, count) "
                 "SELECT d.id, d.archive, x.* FROM documents d, "
                 "unnest($3::text[], $4::text[], $5::bigint[]) AS x WHERE "
                 "d.archive = $1 AND d.path = $2",
                 d->path, a, 3);
}

/* Replace the term pairs of document @path by @v; of a pair given twice,
 * the last one counts. A document not recorded gets none. */
static void add_pairs(pg_store *p, batch *b, const char *path,
                      const tl_store_pair *v, size_t n)
{
  tl_buf *a[3];

  batch_doc_stmt(p, b,
                 "DELETE FROM learned WHERE doc = (SELECT id FROM documents "
                 "WHERE archive = $1 AND path = $2)",
                 path, NULL, 0);
  if (n == 0)
    return;
  for (size_t i = 0; i < 3; i++)
    arr_open(a[i] = batch_buf(b));
  for (size_t i = 0; i < n; i++) {
    arr_text(a[0], v[i].term);
    arr_text(a[1], v[i].rendering);
    arr_num(a[2], (long long)v[i].count);
  }
  batch_doc_stmt(p, b,
                 "INSERT INTO learned(doc, archive, path, term, rendering, "
                 "count) SELECT DISTINCT ON (x.term, x.rendering) d.id, "
                 "d.archive, d.path, x.term, x.rendering, x.count FROM "
                 "documents d, unnest($3::text[], $4::text[], $5::bigint[]) "
                 "WITH ORDINALITY AS x(term, rendering, count, i) WHERE "
                 "d.archive = $1 AND d.path = $2 ORDER BY x.term, x.rendering, "
                 "x.i DESC",
                 path, a, 3);
}

/* Replace the words of document @d (house usage); a word given twice
 * once. */
static void add_words(pg_store *p, batch *b, const tl_store_doc *d)
{
  tl_buf *a[4];

  batch_doc_stmt(p, b,
                 "DELETE FROM words WHERE doc = (SELECT id FROM documents "
                 "WHERE archive = $1 AND path = $2)",
                 d->path, NULL, 0);
  if (d->nhwords == 0)
    return;
  for (size_t i = 0; i < 4; i++)
    arr_open(a[i] = batch_buf(b));
  for (size_t i = 0; i < d->nhwords; i++) {
    arr_text(a[0], d->hwords[i].key);
    arr_text(a[1], d->hwords[i].surface);
    arr_num(a[2], d->hwords[i].name ? 1 : 0);
    arr_num(a[3], (long long)d->hwords[i].count);
  }
  batch_doc_stmt(p, b,
                 "INSERT INTO words(doc, archive, key, surface, name, count) "
                 "SELECT d.id, d.archive, x.* FROM documents d, "
                 "unnest($3::text[], $4::text[], $5::smallint[], "
                 "$6::bigint[]) AS x WHERE d.archive = $1 AND d.path = $2 ON "
                 "CONFLICT DO NOTHING",
                 d->path, a, 4);
}

static tl_status pg_record(tl_store *s, const tl_store_doc *d, tl_error *err)
{
  pg_store *p = (pg_store *)s;
  batch b;
  tl_status st;

  if (s->ro || p->absent)
    return TL_OK;
  batch_init(&b);
  /* the document's row first: its lock serialises runners on one path */
  batch_add(&b, "INSERT INTO documents(archive, path, hash, words, "
                "checked_at, seq) VALUES($1, $2, $3, $4, $5, "
                "nextval('documents_seq')) ON CONFLICT (archive, path) DO "
                "UPDATE SET hash = excluded.hash, words = excluded.words, "
                "checked_at = excluded.checked_at, seq = excluded.seq");
  batch_param(&b, p->archive_id);
  batch_param(&b, d->path);
  batch_param(&b, d->hash);
  batch_num(&b, (long long)d->words);
  batch_num(&b, d->checked_at ? d->checked_at : (long long)time(NULL));
  add_usages(p, &b, d->path, d->usages, d->nusages);
  add_surfaces(p, &b, d);
  add_pairs(p, &b, d->path, d->pairs, d->npairs);
  add_words(p, &b, d);
  add_pending(p, &b);
  st = batch_commit(p, &b, err, _("gravar o documento"));
  batch_fini(&b);
  return st;
}

static tl_status pg_forget(tl_store *s, const char *path, tl_error *err)
{
  pg_store *p = (pg_store *)s;
  batch b;
  tl_status st;

  if (s->ro)
    return tl_error_set(err, TL_EDB, _("%s: banco somente leitura"), s->name);
  if (p->absent)
    return TL_OK;
  batch_init(&b);
  batch_add(&b, "SELECT id FROM documents WHERE archive = $1 AND path = $2 "
                "FOR UPDATE");
  batch_param(&b, p->archive_id);
  batch_param(&b, path);
  add_usages(p, &b, path, NULL, 0);
  batch_add(&b, "DELETE FROM documents WHERE archive = $1 AND path = $2");
  batch_param(&b, p->archive_id);
  batch_param(&b, path);
  st = batch_commit(p, &b, err, _("apagar o documento"));
  batch_fini(&b);
  return st;
}

static tl_status pg_record_pairs(tl_store *s, const char *path,
                                 const tl_store_pair *v, size_t n,
                                 tl_error *err)
{
  pg_store *p = (pg_store *)s;
  batch b;
  tl_status st;

  if (s->ro || p->absent)
    return TL_OK;
  batch_init(&b);
  batch_add(&b, "SELECT id FROM documents WHERE archive = $1 AND path = $2 "
                "FOR UPDATE");
  batch_param(&b, p->archive_id);
  batch_param(&b, path);
  add_pairs(p, &b, path, v, n);
  st = batch_commit(p, &b, err, _("gravar os pares de termos"));
  batch_fini(&b);
  return st;
}

/* ---- queries ------------------------------------------------------------ */

/* Rows of rendering, kind, documents, uses and up to three example paths:
 * a callback per row. */
static tl_status rendering_rows(pg_store *p, PGresult *r,
                                tl_store_rendering_fn fn, void *ud,
                                tl_error *err)
{
  if (!ok(r)) {
    tl_status st = pg_error(p, r, err, _("consultar o acervo"));
    PQclear(r);
    return st;
  }
  for (int i = 0, n = PQntuples(r); i < n; i++) {
    const char *paths[3];
    size_t np = 0;
    for (int k = 0; k < 3; k++)
      if (!PQgetisnull(r, i, 4 + k))
        paths[np++] = PQgetvalue(r, i, 4 + k);
    fn(ud, PQgetvalue(r, i, 0), (int)cell_ll(r, i, 1),
       (unsigned)cell_ll(r, i, 2), (unsigned)cell_ll(r, i, 3), paths, np);
  }
  PQclear(r);
  return TL_OK;
}

static tl_status pg_renderings(tl_store *s, const char *concept,
                               const char *except_path,
                               tl_store_rendering_fn fn, void *ud,
                               tl_error *err)
{
  pg_store *p = (pg_store *)s;
  const char *v[3] = {p->archive_id, concept, except_path ? except_path : ""};
  PGresult *r;

  if (p->absent)
    return TL_OK;
  /* the running totals less what @except_path itself contributes, and up
   * to three example documents per rendering, in one round trip */
  r = exec_params(
      p,
      "WITH t AS (SELECT rendering, min(kind) AS kind, sum(docs) AS docs, "
      "sum(uses) AS uses FROM rendering_totals WHERE archive = $1 AND "
      "concept = $2 AND docs > 0 GROUP BY rendering), "
      "own AS (SELECT u.rendering, count(*) AS docs, sum(u.count) AS uses "
      "FROM documents d JOIN usages u ON u.doc = d.id WHERE d.archive = $1 "
      "AND d.path = $3 AND u.concept = $2 GROUP BY u.rendering), "
      "r AS (SELECT t.rendering, t.kind, t.docs - coalesce(own.docs, 0) AS "
      "docs, t.uses - coalesce(own.uses, 0) AS uses FROM t LEFT JOIN own ON "
      "own.rendering = t.rendering) "
      "SELECT r.rendering, r.kind, r.docs, r.uses, ex.p[1], ex.p[2], "
      "ex.p[3] FROM r CROSS JOIN LATERAL (SELECT array(SELECT u.path FROM "
      "usages u WHERE u.archive = $1 AND u.concept = $2 AND u.rendering = "
      "r.rendering AND u.path <> $3 ORDER BY u.path LIMIT 3) AS p) ex WHERE "
      "r.docs > 0 ORDER BY r.docs DESC, r.rendering",
      3, v);
  return rendering_rows(p, r, fn, ud, err);
}

/* The first column of every row of @sql ($1: the archive), owned copies. */
static tl_status strings(pg_store *p, const char *sql, char ***out,
                         size_t *n, tl_error *err)
{
  const char *v[1] = {p->archive_id};
  PGresult *r;

  *out = NULL;
  *n = 0;
  if (p->absent)
    return TL_OK;
  r = exec_params(p, sql, 1, v);
  if (!ok(r)) {
    tl_status st = pg_error(p, r, err, _("consultar o acervo"));
    PQclear(r);
    return st;
  }
  *n = (size_t)PQntuples(r);
  *out = tl_xcalloc(*n + 1, sizeof **out);
  for (size_t i = 0; i < *n; i++)
    (*out)[i] = tl_xstrdup(PQgetvalue(r, (int)i, 0));
  PQclear(r);
  return TL_OK;
}

static tl_status pg_pairs(tl_store *s, const char *term,
                          const char *except_path, tl_store_rendering_fn fn,
                          void *ud, tl_error *err)
{
  pg_store *p = (pg_store *)s;
  const char *v[3] = {p->archive_id, term, except_path ? except_path : ""};

  if (p->absent)
    return TL_OK;
  /* as the SQLite backend: most documents, then most uses, first */
  return rendering_rows(
      p,
      exec_params(
          p,
          "WITH r AS (SELECT rendering, count(DISTINCT doc) AS docs, "
          "sum(count) AS uses FROM learned WHERE archive = $1 AND term = $2 "
          "AND path <> $3 GROUP BY rendering) "
          "SELECT r.rendering, 0, r.docs, r.uses, ex.p[1], ex.p[2], ex.p[3] "
          "FROM r CROSS JOIN LATERAL (SELECT array(SELECT l.path FROM learned "
          "l WHERE l.archive = $1 AND l.term = $2 AND l.rendering = "
          "r.rendering AND l.path <> $3 ORDER BY l.path LIMIT 3) AS p) ex "
          "ORDER BY r.docs DESC, r.uses DESC, r.rendering",
          3, v),
      fn, ud, err);
}

static tl_status pg_mixed_terms(tl_store *s, char ***terms, size_t *n,
                                tl_error *err)
{
  return strings((pg_store *)s,
                 "SELECT term FROM learned WHERE archive = $1 GROUP BY term "
                 "HAVING count(DISTINCT rendering) > 1 ORDER BY term",
                 terms, n, err);
}

static tl_status pg_learned_terms(tl_store *s, unsigned min_docs,
                                  char ***terms, size_t *n, tl_error *err)
{
  char sql[200];

  snprintf(sql, sizeof sql,
           "SELECT term FROM learned WHERE archive = $1 GROUP BY term HAVING "
           "count(DISTINCT doc) >= %u ORDER BY term",
           min_docs);
  return strings((pg_store *)s, sql, terms, n, err);
}

static tl_status pg_mixed_concepts(tl_store *s, char ***ids, size_t *n,
                                   tl_error *err)
{
  return strings((pg_store *)s,
                 "SELECT concept FROM rendering_totals WHERE archive = $1 AND "
                 "docs > 0 GROUP BY concept HAVING count(DISTINCT rendering) "
                 "> 1 ORDER BY concept",
                 ids, n, err);
}

static tl_status pg_paths(tl_store *s, char ***paths, size_t *n,
                          tl_error *err)
{
  return strings((pg_store *)s,
                 "SELECT path FROM documents WHERE archive = $1 ORDER BY path",
                 paths, n, err);
}

static tl_status pg_stats(tl_store *s, tl_store_stats *out, tl_error *err)
{
  pg_store *p = (pg_store *)s;
  const char *v[1] = {p->archive_id};
  PGresult *r;

  memset(out, 0, sizeof *out);
  if (p->absent)
    return TL_OK;
  r = exec_params(
      p,
      "SELECT (SELECT count(*) FROM documents WHERE archive = $1), "
      "(SELECT coalesce(sum(words), 0) FROM documents WHERE archive = $1), "
      "(SELECT count(*) FROM usages WHERE archive = $1), "
      "(SELECT count(DISTINCT concept) FROM rendering_totals WHERE archive = "
      "$1 AND docs > 0), "
      "(SELECT count(*) FROM verdicts), (SELECT count(*) FROM suggestions), "
      "(SELECT count(*) FROM surfaces WHERE archive = $1)",
      1, v);
  if (!ok(r) || PQntuples(r) != 1) {
    tl_status st = pg_error(p, r, err, _("contar o acervo"));
    PQclear(r);
    return st;
  }
  out->documents = cell_ll(r, 0, 0);
  out->words = cell_ll(r, 0, 1);
  out->usages = cell_ll(r, 0, 2);
  out->concepts = cell_ll(r, 0, 3);
  out->verdicts = cell_ll(r, 0, 4);
  out->suggestions = cell_ll(r, 0, 5);
  out->surfaces = cell_ll(r, 0, 6);
  PQclear(r);
  return TL_OK;
}

static tl_status pg_variants(tl_store *s, tl_store_variant_fn fn, void *ud,
                             tl_error *err)
{
  pg_store *p = (pg_store *)s;
  const char *v[1] = {p->archive_id};
  PGresult *r;

  if (p->absent)
    return TL_OK;
  /* as the SQLite backend: keys spelled two or more ways (ignoring only
   * the case of the first letter), most documents first; the example is
   * the document recorded longest ago (lowest seq) */
  r = exec_params(
      p,
      "WITH shapes AS (SELECT sf.key, sf.surface, lower(substr(sf.surface, "
      "1, 1)) || substr(sf.surface, 2) AS shape, sf.doc, d.seq, sf.count "
      "FROM surfaces sf JOIN documents d ON d.id = sf.doc WHERE sf.archive = "
      "$1), "
      "multi AS (SELECT key FROM shapes GROUP BY key HAVING count(DISTINCT "
      "shape) > 1), "
      "ranked AS (SELECT key, count(DISTINCT doc) AS kd FROM shapes WHERE key "
      "IN (SELECT key FROM multi) GROUP BY key), "
      "rows AS (SELECT sh.key AS key, sh.surface AS surface, count(DISTINCT "
      "sh.doc) AS nd, sum(sh.count) AS uses, min(sh.seq) AS first, r.kd AS kd "
      "FROM shapes sh JOIN ranked r ON r.key = sh.key GROUP BY sh.key, "
      "sh.surface, r.kd) "
      "SELECT rows.key, rows.surface, rows.nd, rows.uses, d.path FROM rows "
      "JOIN documents d ON d.archive = $1 AND d.seq = rows.first "
      "ORDER BY rows.kd DESC, rows.key, rows.nd DESC, rows.surface",
      1, v);
  if (!ok(r)) {
    tl_status st = pg_error(p, r, err, _("consultar as variantes"));
    PQclear(r);
    return st;
  }
  for (int i = 0, n = PQntuples(r); i < n; i++)
    fn(ud, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
       (unsigned)cell_ll(r, i, 2), (unsigned)cell_ll(r, i, 3),
       PQgetvalue(r, i, 4));
  PQclear(r);
  return TL_OK;
}

/* ---- snapshots, export, copy -------------------------------------------- */

static tl_status pg_read_begin(tl_store *s, tl_error *err)
{
  pg_store *p = (pg_store *)s;
  PGresult *r;

  if (p->in_read)
    return TL_OK;
  r = run(p, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  if (r != NULL) {
    tl_status st = pg_error(p, r, err, _("abrir uma transação de leitura"));
    PQclear(r);
    return st;
  }
  p->in_read = true;
  return TL_OK;
}

static void pg_read_end(tl_store *s)
{
  pg_store *p = (pg_store *)s;

  if (p->in_read)
    PQclear(PQexec(p->conn, "COMMIT"));
  p->in_read = false;
}

/* Documents are read EXPORT_CHUNK at a time (in path order), with the
 * rows of a chunk's documents in three queries: four round trips per
 * chunk rather than three per document, and never the whole archive in
 * memory at once. */
#define EXPORT_CHUNK 500

/* The rows of @r (ordered like the chunk's documents, first column the
 * document's id) that belong to document @id, from *@at on. */
static size_t rows_of(const PGresult *r, int *at, const char *id)
{
  int from = *at, n = PQntuples(r);

  while (*at < n && strcmp(PQgetvalue(r, *at, 0), id) == 0)
    (*at)++;
  return (size_t)(*at - from);
}

static tl_status each_chunk(pg_store *p, const PGresult *docs,
                            tl_store_doc_fn fn, void *ud, tl_error *err)
{
  static const char *const sql[4] = {
      "SELECT u.doc, u.concept, u.rendering, u.surface, u.kind, u.count, "
      "u.first_line, u.first_offset FROM usages u JOIN documents d ON d.id "
      "= u.doc WHERE u.doc = ANY($1::bigint[]) ORDER BY d.path, u.concept, "
      "u.rendering",
      "SELECT sf.doc, sf.key, sf.surface, sf.count FROM surfaces sf JOIN "
      "documents d ON d.id = sf.doc WHERE sf.doc = ANY($1::bigint[]) ORDER "
      "BY d.path, sf.key, sf.surface",
      "SELECT l.doc, l.term, l.rendering, l.count FROM learned l JOIN "
      "documents d ON d.id = l.doc WHERE l.doc = ANY($1::bigint[]) ORDER BY "
      "d.path, l.term, l.rendering",
      "SELECT w.doc, w.key, w.surface, w.count, w.name FROM words w JOIN "
      "documents d ON d.id = w.doc WHERE w.doc = ANY($1::bigint[]) ORDER BY "
      "d.path, w.key, w.surface"};
  PGresult *r[4] = {NULL, NULL, NULL, NULL};
  int at[4] = {0, 0, 0, 0};
  tl_store_usage *uv = NULL;
  tl_store_surface *sv = NULL;
  tl_store_pair *pv = NULL;
  tl_store_word *wv = NULL;
  size_t capu = 0, caps = 0, capp = 0, capw = 0;
  tl_status st = TL_OK;
  tl_buf ids;
  const char *v[1];

  tl_buf_init(&ids);
  arr_open(&ids);
  for (int i = 0, n = PQntuples(docs); i < n; i++)
    arr_num(&ids, cell_ll(docs, i, 0));
  v[0] = arr_close(&ids);
  for (int k = 0; k < 4 && st == TL_OK; k++) {
    r[k] = exec_params(p, sql[k], 1, v);
    if (!ok(r[k]))
      st = pg_error(p, r[k], err, _("ler os documentos"));
  }
  for (int i = 0, n = PQntuples(docs); i < n && st == TL_OK; i++) {
    const char *id = PQgetvalue(docs, i, 0);
    int u0 = at[0], s0 = at[1], p0 = at[2], w0 = at[3];
    tl_store_doc d = {PQgetvalue(docs, i, 1), PQgetvalue(docs, i, 2),
                      (size_t)cell_ll(docs, i, 3), cell_ll(docs, i, 4),
                      NULL, rows_of(r[0], &at[0], id), NULL,
                      rows_of(r[1], &at[1], id), NULL,
                      rows_of(r[2], &at[2], id), NULL,
                      rows_of(r[3], &at[3], id)};
    TL_GROW(uv, capu, d.nusages + 1);
    TL_GROW(sv, caps, d.nsurfaces + 1);
    TL_GROW(pv, capp, d.npairs + 1);
    TL_GROW(wv, capw, d.nhwords + 1);
    for (size_t k = 0; k < d.nusages; k++) {
      int row = u0 + (int)k;
      uv[k] = (tl_store_usage){PQgetvalue(r[0], row, 1),
                               PQgetvalue(r[0], row, 2),
                               PQgetvalue(r[0], row, 3),
                               (int)cell_ll(r[0], row, 4),
                               (unsigned)cell_ll(r[0], row, 5),
                               (unsigned)cell_ll(r[0], row, 6),
                               (size_t)cell_ll(r[0], row, 7)};
    }
    for (size_t k = 0; k < d.nsurfaces; k++) {
      int row = s0 + (int)k;
      sv[k] = (tl_store_surface){PQgetvalue(r[1], row, 1),
                                 PQgetvalue(r[1], row, 2),
                                 (unsigned)cell_ll(r[1], row, 3)};
    }
    for (size_t k = 0; k < d.npairs; k++) {
      int row = p0 + (int)k;
      pv[k] = (tl_store_pair){PQgetvalue(r[2], row, 1),
                              PQgetvalue(r[2], row, 2),
                              (unsigned)cell_ll(r[2], row, 3)};
    }
    for (size_t k = 0; k < d.nhwords; k++) {
      int row = w0 + (int)k;
      wv[k] = (tl_store_word){PQgetvalue(r[3], row, 1),
                              PQgetvalue(r[3], row, 2),
                              (unsigned)cell_ll(r[3], row, 3),
                              cell_ll(r[3], row, 4) != 0};
    }
    d.usages = uv;
    d.surfaces = sv;
    d.pairs = pv;
    d.hwords = wv;
    st = fn(ud, &d, err);
  }
  free(uv);
  free(sv);
  free(pv);
  free(wv);
  for (int k = 0; k < 4; k++)
    PQclear(r[k]);
  tl_buf_fini(&ids);
  return st;
}

static tl_status pg_each_document(tl_store *s, tl_store_doc_fn fn, void *ud,
                                  tl_error *err)
{
  pg_store *p = (pg_store *)s;
  bool own = !p->in_read;
  char *last = tl_xstrdup("");
  tl_status st = TL_OK;

  if (p->absent) {
    free(last);
    return TL_OK;
  }
  /* the chunks of one snapshot, whoever opened it */
  if (own && (st = pg_read_begin(s, err)) != TL_OK) {
    free(last);
    return st;
  }
  while (st == TL_OK) {
    char limit[32];
    const char *v[3] = {p->archive_id, last, limit};
    PGresult *docs;
    int n;

    snprintf(limit, sizeof limit, "%d", EXPORT_CHUNK);
    docs = exec_params(p,
                       "SELECT id, path, hash, words, checked_at FROM "
                       "documents WHERE archive = $1 AND path > $2 ORDER BY "
                       "path LIMIT $3",
                       3, v);
    if (!ok(docs)) {
      st = pg_error(p, docs, err, _("ler os documentos"));
      PQclear(docs);
      break;
    }
    n = PQntuples(docs);
    if (n > 0) {
      st = each_chunk(p, docs, fn, ud, err);
      free(last);
      last = tl_xstrdup(PQgetvalue(docs, n - 1, 1));
    }
    PQclear(docs);
    if (n < EXPORT_CHUNK)
      break;
  }
  if (own)
    pg_read_end(s);
  free(last);
  return st;
}

static tl_status pg_each_verdict(tl_store *s, tl_store_verdict_fn fn,
                                 void *ud, tl_error *err)
{
  pg_store *p = (pg_store *)s;
  PGresult *r;
  tl_status st = TL_OK;

  if (p->absent)
    return TL_OK;
  r = PQexec(p->conn, "SELECT dict, word, known, NULL FROM verdicts UNION "
                      "ALL SELECT dict, word, 0, list FROM suggestions ORDER "
                      "BY 1, 2, 4 NULLS FIRST");
  if (!ok(r)) {
    st = pg_error(p, r, err, _("ler os veredictos"));
    PQclear(r);
    return st;
  }
  for (int i = 0, n = PQntuples(r); i < n && st == TL_OK; i++)
    st = fn(ud, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
            (int)cell_ll(r, i, 2),
            PQgetisnull(r, i, 3) ? NULL : PQgetvalue(r, i, 3), err);
  PQclear(r);
  return st;
}

/* ---- house usage -------------------------------------------------------- */

static tl_status pg_house_words(tl_store *s, unsigned min_docs,
                                tl_store_word_fn fn, void *ud, tl_error *err)
{
  pg_store *p = (pg_store *)s;
  char min[16];
  const char *v[2] = {p->archive_id, min};
  PGresult *r;

  if (p->absent)
    return TL_OK;
  snprintf(min, sizeof min, "%u", min_docs);
  /* as the SQLite backend: one surface, so count(*) counts documents */
  r = exec_params(
      p,
      "SELECT w.key, min(w.surface), count(*), sum(w.count), max(w.name), "
      "min(d.path) FROM words w JOIN documents d ON d.id = w.doc WHERE "
      "w.archive = $1 AND NOT EXISTS (SELECT 1 FROM rejections j WHERE "
      "j.archive = $1 AND j.key = w.key) GROUP BY w.key HAVING "
      "count(DISTINCT w.surface) = 1 AND count(*) >= $2::bigint ORDER BY "
      "w.key",
      2, v);
  if (!ok(r)) {
    tl_status st = pg_error(p, r, err, _("consultar o acervo"));
    PQclear(r);
    return st;
  }
  for (int i = 0, n = PQntuples(r); i < n; i++)
    fn(ud, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
       (unsigned)cell_ll(r, i, 2), (unsigned)cell_ll(r, i, 3),
       cell_ll(r, i, 4) != 0, PQgetvalue(r, i, 5));
  PQclear(r);
  return TL_OK;
}

static tl_status pg_reject(tl_store *s, const char *key, const char *word,
                           tl_error *err)
{
  pg_store *p = (pg_store *)s;
  batch b;
  tl_status st;

  if (p->absent)
    return tl_error_set(err, TL_EDB, _("%s: banco somente leitura"), s->name);
  batch_init(&b);
  batch_add(&b, "INSERT INTO rejections(archive, key, word, rejected_at) "
                "VALUES($1, $2, $3, $4) ON CONFLICT DO NOTHING");
  batch_param(&b, p->archive_id);
  batch_param(&b, key);
  batch_param(&b, word);
  batch_num(&b, (long long)time(NULL));
  st = batch_commit(p, &b, err, _("gravar a recusa"));
  batch_fini(&b);
  return st;
}

static tl_status pg_each_rejection(tl_store *s, tl_store_rejection_fn fn,
                                   void *ud, tl_error *err)
{
  pg_store *p = (pg_store *)s;
  const char *v[1] = {p->archive_id};
  PGresult *r;
  tl_status st = TL_OK;

  if (p->absent)
    return TL_OK;
  r = exec_params(p,
                  "SELECT key, word FROM rejections WHERE archive = $1 "
                  "ORDER BY key",
                  1, v);
  if (!ok(r)) {
    st = pg_error(p, r, err, _("consultar o acervo"));
    PQclear(r);
    return st;
  }
  for (int i = 0, n = PQntuples(r); i < n && st == TL_OK; i++)
    st = fn(ud, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), err);
  PQclear(r);
  return st;
}

static const tl_store_ops PG_OPS = {
    .name = "postgresql",
    .close = pg_close,
    .verdict = pg_verdict,
    .suggestions = pg_suggestions,
    .flush = pg_flush,
    .doc_hash = pg_doc_hash,
    .record = pg_record,
    .renderings = pg_renderings,
    .mixed_concepts = pg_mixed_concepts,
    .paths = pg_paths,
    .forget = pg_forget,
    .stats = pg_stats,
    .variants = pg_variants,
    .record_pairs = pg_record_pairs,
    .pairs = pg_pairs,
    .mixed_terms = pg_mixed_terms,
    .learned_terms = pg_learned_terms,
    .read_begin = pg_read_begin,
    .read_end = pg_read_end,
    .each_document = pg_each_document,
    .each_verdict = pg_each_verdict,
    .house_words = pg_house_words,
    .reject = pg_reject,
    .each_rejection = pg_each_rejection,
};
