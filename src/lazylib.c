/* Libraries loaded on first use: libpq (the shared corpus memory), libxml2
 * (TBX and XLIFF), libmicrohttpd (tradlint serve), Hunspell (with the
 * C++ runtime: a check whose every verdict is cached never needs it) and
 * SQLite (the corpus memory: a check with --no-db never opens it; linked,
 * its 1,600 symbol bindings and 1,350 relocations were a tenth of a warm
 * one-article check's instructions).
 * Linked normally, they and the 28 libraries they pull in (ICU, GnuTLS,
 * OpenSSL, Kerberos, LDAP, ...) were loaded and relocated by every run:
 * 19 M instructions and 13 ms of a 14.5 ms start-up, more than a warm
 * one-article check needs for its work. Here each function the modules call is defined with its
 * header's own prototype (the compiler checks the match) and forwards to
 * the library, opened with dlopen and resolved whole on the first call.
 *
 * A module that calls a function of these libraries not listed here fails
 * to link (undefined reference): add it to the library's list below. A
 * library that cannot be opened is reported (its name and dlerror) and the
 * process exits with status 2, as it would have failed to start before. */
#include "buf.h"
#include "msg.h"
#include "spell.h"

#include <dlfcn.h>
#include <hunspell.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sqlite3.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlstring.h>
#include <libxml/xmlwriter.h>
#include <microhttpd.h>

/* Functions: X(return type, name, (parameters), (arguments)); V(...) for
 * those returning void. */
#define PQ_FUNCS(X, V)                                                         \
  V(PQclear, (PGresult * res), (res))                                          \
  X(PGconn *, PQconnectdbParams,                                               \
    (const char *const *keywords, const char *const *values,                   \
     int expand_dbname),                                                       \
    (keywords, values, expand_dbname))                                         \
  X(int, PQconnectionNeedsPassword, (const PGconn *conn), (conn))              \
  X(int, PQconnectionUsedPassword, (const PGconn *conn), (conn))               \
  V(PQconninfoFree, (PQconninfoOption * connOptions), (connOptions))           \
  X(PQconninfoOption *, PQconninfoParse, (const char *conninfo, char **errmsg), \
    (conninfo, errmsg))                                                        \
  X(int, PQenterPipelineMode, (PGconn * conn), (conn))                         \
  X(char *, PQerrorMessage, (const PGconn *conn), (conn))                      \
  X(PGresult *, PQexec, (PGconn * conn, const char *query), (conn, query))     \
  X(PGresult *, PQexecParams,                                                  \
    (PGconn * conn, const char *command, int nParams, const Oid *paramTypes,   \
     const char *const *paramValues, const int *paramLengths,                  \
     const int *paramFormats, int resultFormat),                               \
    (conn, command, nParams, paramTypes, paramValues, paramLengths,            \
     paramFormats, resultFormat))                                              \
  X(int, PQexitPipelineMode, (PGconn * conn), (conn))                          \
  V(PQfinish, (PGconn * conn), (conn))                                         \
  V(PQfreemem, (void *ptr), (ptr))                                             \
  X(PGresult *, PQgetResult, (PGconn * conn), (conn))                          \
  X(int, PQgetisnull, (const PGresult *res, int tup_num, int field_num),       \
    (res, tup_num, field_num))                                                 \
  X(int, PQgetlength, (const PGresult *res, int tup_num, int field_num),       \
    (res, tup_num, field_num))                                                 \
  X(char *, PQgetvalue, (const PGresult *res, int tup_num, int field_num),     \
    (res, tup_num, field_num))                                                 \
  X(PGresult *, PQmakeEmptyPGresult, (PGconn * conn, ExecStatusType status),   \
    (conn, status))                                                            \
  X(int, PQntuples, (const PGresult *res), (res))                              \
  X(int, PQpipelineSync, (PGconn * conn), (conn))                              \
  X(char *, PQresultErrorField, (const PGresult *res, int fieldcode),          \
    (res, fieldcode))                                                          \
  X(char *, PQresultErrorMessage, (const PGresult *res), (res))                \
  X(ExecStatusType, PQresultStatus, (const PGresult *res), (res))              \
  X(int, PQsendQueryParams,                                                    \
    (PGconn * conn, const char *command, int nParams, const Oid *paramTypes,   \
     const char *const *paramValues, const int *paramLengths,                  \
     const int *paramFormats, int resultFormat),                               \
    (conn, command, nParams, paramTypes, paramValues, paramLengths,            \
     paramFormats, resultFormat))                                              \
  X(ConnStatusType, PQstatus, (const PGconn *conn), (conn))                    \
  X(char *, PQuser, (const PGconn *conn), (conn))

#define XML_FUNCS(X, V)                                                        \
  X(const xmlChar *, xmlBufferContent, (const xmlBuffer *buf), (buf))          \
  X(xmlBufferPtr, xmlBufferCreate, (void), ())                                 \
  V(xmlBufferFree, (xmlBufferPtr buf), (buf))                                  \
  X(int, xmlBufferLength, (const xmlBuffer *buf), (buf))                       \
  X(xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *doc), (doc))              \
  V(xmlFreeDoc, (xmlDocPtr cur), (cur))                                        \
  V(xmlFreeTextWriter, (xmlTextWriterPtr writer), (writer))                    \
  X(xmlErrorPtr, xmlGetLastError, (void), ())                                  \
  X(long, xmlGetLineNo, (const xmlNode *node), (node))                         \
  X(xmlChar *, xmlGetProp, (const xmlNode *node, const xmlChar *name),         \
    (node, name))                                                              \
  X(xmlTextWriterPtr, xmlNewTextWriterMemory,                                  \
    (xmlBufferPtr buf, int compression), (buf, compression))                   \
  X(xmlChar *, xmlNodeGetContent, (const xmlNode *cur), (cur))                 \
  X(xmlChar *, xmlNodeGetLang, (const xmlNode *cur), (cur))                    \
  X(xmlDocPtr, xmlReadMemory,                                                  \
    (const char *buffer, int size, const char *URL, const char *encoding,      \
     int options),                                                             \
    (buffer, size, URL, encoding, options))                                    \
  X(int, xmlStrcmp, (const xmlChar *str1, const xmlChar *str2), (str1, str2))  \
  X(int, xmlStrncmp, (const xmlChar *str1, const xmlChar *str2, int len),      \
    (str1, str2, len))                                                         \
  X(int, xmlTextWriterEndDocument, (xmlTextWriterPtr writer), (writer))        \
  X(int, xmlTextWriterEndElement, (xmlTextWriterPtr writer), (writer))         \
  X(int, xmlTextWriterSetIndent, (xmlTextWriterPtr writer, int indent),        \
    (writer, indent))                                                          \
  X(int, xmlTextWriterSetIndentString,                                         \
    (xmlTextWriterPtr writer, const xmlChar *str), (writer, str))              \
  X(int, xmlTextWriterStartDocument,                                           \
    (xmlTextWriterPtr writer, const char *version, const char *encoding,       \
     const char *standalone),                                                  \
    (writer, version, encoding, standalone))                                   \
  X(int, xmlTextWriterStartElement,                                            \
    (xmlTextWriterPtr writer, const xmlChar *name), (writer, name))            \
  X(int, xmlTextWriterWriteAttribute,                                          \
    (xmlTextWriterPtr writer, const xmlChar *name, const xmlChar *content),    \
    (writer, name, content))                                                   \
  X(int, xmlTextWriterWriteElement,                                            \
    (xmlTextWriterPtr writer, const xmlChar *name, const xmlChar *content),    \
    (writer, name, content))                                                   \
  X(int, xmlTextWriterWriteString,                                             \
    (xmlTextWriterPtr writer, const xmlChar *content), (writer, content))

/* libmicrohttpd: MHD_start_daemon, MHD_get_connection_info and
 * MHD_get_daemon_info are variadic, written out below (the table holds
 * MHD_start_daemon_va and the two queries called without extra argument). */
#define MHD_FORWARDED(X, V)                                                    \
  X(enum MHD_Result, MHD_add_response_header,                                  \
    (struct MHD_Response * response, const char *header,                       \
     const char *content),                                                     \
    (response, header, content))                                               \
  X(struct MHD_Response *, MHD_create_response_from_buffer,                    \
    (size_t size, void *buffer, enum MHD_ResponseMemoryMode mode),             \
    (size, buffer, mode))                                                      \
  V(MHD_destroy_response, (struct MHD_Response * response), (response))        \
  X(int, MHD_get_connection_values_n,                                          \
    (struct MHD_Connection * connection, enum MHD_ValueKind kind,              \
     MHD_KeyValueIteratorN iterator, void *iterator_cls),                      \
    (connection, kind, iterator, iterator_cls))                                \
  X(const char *, MHD_lookup_connection_value,                                 \
    (struct MHD_Connection * connection, enum MHD_ValueKind kind,              \
     const char *key),                                                         \
    (connection, kind, key))                                                   \
  X(enum MHD_Result, MHD_queue_response,                                       \
    (struct MHD_Connection * connection, unsigned int status_code,             \
     struct MHD_Response *response),                                           \
    (connection, status_code, response))                                       \
  X(MHD_socket, MHD_quiesce_daemon, (struct MHD_Daemon * daemon), (daemon))    \
  V(MHD_stop_daemon, (struct MHD_Daemon * daemon), (daemon))
#define MHD_FUNCS(X, V)                                                        \
  MHD_FORWARDED(X, V)                                                          \
  X(struct MHD_Daemon *, MHD_start_daemon_va,                                  \
    (unsigned int flags, uint16_t port, MHD_AcceptPolicyCallback apc,          \
     void *apc_cls, MHD_AccessHandlerCallback dh, void *dh_cls, va_list ap),   \
    (flags, port, apc, apc_cls, dh, dh_cls, ap))                               \
  X(const union MHD_ConnectionInfo *, MHD_get_connection_info,                 \
    (struct MHD_Connection * connection, enum MHD_ConnectionInfoType type),    \
    (connection, type))                                                        \
  X(const union MHD_DaemonInfo *, MHD_get_daemon_info,                         \
    (struct MHD_Daemon * daemon, enum MHD_DaemonInfoType type),                \
    (daemon, type))

#define HUN_FUNCS(X, V)                                                        \
  X(Hunhandle *, Hunspell_create, (const char *affpath, const char *dpath),    \
    (affpath, dpath))                                                          \
  V(Hunspell_destroy, (Hunhandle * pHunspell), (pHunspell))                    \
  X(int, Hunspell_spell, (Hunhandle * pHunspell, const char *word),           \
    (pHunspell, word))                                                         \
  X(int, Hunspell_suggest,                                                     \
    (Hunhandle * pHunspell, char ***slst, const char *word),                   \
    (pHunspell, slst, word))                                                   \
  X(int, Hunspell_add, (Hunhandle * pHunspell, const char *word),             \
    (pHunspell, word))                                                         \
  V(Hunspell_free_list, (Hunhandle * pHunspell, char ***slst, int n),          \
    (pHunspell, slst, n))

#define SQLITE_FUNCS(X, V)                                                     \
  X(int, sqlite3_bind_int, (sqlite3_stmt * st, int i, int v), (st, i, v))      \
  X(int, sqlite3_bind_int64, (sqlite3_stmt * st, int i, sqlite3_int64 v),      \
    (st, i, v))                                                                \
  X(int, sqlite3_bind_text,                                                    \
    (sqlite3_stmt * st, int i, const char *v, int n, void (*d)(void *)),       \
    (st, i, v, n, d))                                                          \
  X(int, sqlite3_busy_timeout, (sqlite3 * db, int ms), (db, ms))               \
  X(int, sqlite3_clear_bindings, (sqlite3_stmt * st), (st))                    \
  X(int, sqlite3_close, (sqlite3 * db), (db))                                  \
  X(int, sqlite3_column_bytes, (sqlite3_stmt * st, int i), (st, i))            \
  X(int, sqlite3_column_int, (sqlite3_stmt * st, int i), (st, i))              \
  X(sqlite3_int64, sqlite3_column_int64, (sqlite3_stmt * st, int i), (st, i))  \
  X(const unsigned char *, sqlite3_column_text, (sqlite3_stmt * st, int i),    \
    (st, i))                                                                   \
  X(int, sqlite3_column_type, (sqlite3_stmt * st, int i), (st, i))             \
  X(int, sqlite3_errcode, (sqlite3 * db), (db))                                \
  X(const char *, sqlite3_errmsg, (sqlite3 * db), (db))                        \
  X(const char *, sqlite3_errstr, (int rc), (rc))                              \
  X(int, sqlite3_exec,                                                         \
    (sqlite3 * db, const char *sql, int (*cb)(void *, int, char **, char **),  \
     void *arg, char **errmsg),                                                \
    (db, sql, cb, arg, errmsg))                                                \
  X(int, sqlite3_finalize, (sqlite3_stmt * st), (st))                          \
  X(int, sqlite3_get_autocommit, (sqlite3 * db), (db))                         \
  X(sqlite3_int64, sqlite3_last_insert_rowid, (sqlite3 * db), (db))            \
  X(int, sqlite3_open_v2,                                                      \
    (const char *filename, sqlite3 **db, int flags, const char *vfs),          \
    (filename, db, flags, vfs))                                                \
  X(int, sqlite3_prepare_v2,                                                   \
    (sqlite3 * db, const char *sql, int n, sqlite3_stmt **st,                  \
     const char **tail),                                                       \
    (db, sql, n, st, tail))                                                    \
  X(int, sqlite3_prepare_v3,                                                   \
    (sqlite3 * db, const char *sql, int n, unsigned int flags,                 \
     sqlite3_stmt **st, const char **tail),                                    \
    (db, sql, n, flags, st, tail))                                             \
  X(int, sqlite3_reset, (sqlite3_stmt * st), (st))                             \
  X(int, sqlite3_step, (sqlite3_stmt * st), (st))

typedef struct lazy_lib {
  const char *const names[3]; /* sonames to try, in order */
  pthread_once_t once;
  void *handle;
} lazy_lib;

/* Open @lib, or report and exit: the caller needs a function of it. */
static void *open_lib(lazy_lib *lib)
{
  char why[512] = "?"; /* the first failure's reason: the next dlopen frees
                          the string dlerror returned */

  for (size_t i = 0; lib->handle == NULL && lib->names[i] != NULL; i++) {
    lib->handle = dlopen(lib->names[i], RTLD_NOW | RTLD_LOCAL);
    if (lib->handle == NULL && i == 0) {
      const char *e = dlerror();
      snprintf(why, sizeof why, "%s", e != NULL ? e : "?");
    }
  }
  if (lib->handle == NULL) {
    fprintf(stderr,
            _("tradlint: não foi possível carregar a biblioteca %s (%s): "
              "instale-a para usar esta função\n"),
            lib->names[0], why);
    exit(2);
  }
  return lib->handle;
}

/* The address of @name in @h (a function or a variable), or report and
 * exit. memcpy into the pointer: ISO C has no cast from void * to a
 * function pointer. */
static void resolve(lazy_lib *lib, const char *name, void *out, size_t size)
{
  void *p = dlsym(lib->handle, name);

  if (p == NULL) {
    fprintf(stderr,
            _("tradlint: a biblioteca %s não tem a função %s: instale uma "
              "versão compatível\n"),
            lib->names[0], name);
    exit(2);
  }
  memcpy(out, &p, size);
}

/* One library: its table of pointers, the loader that fills it (once),
 * and the forwarding definitions. */
#define FIELD(ret, name, params, args) ret(*name) params;
#define FIELD_V(name, params, args) void(*name) params;
#define LOAD(ret, name, params, args)                                         \
  resolve(&LIB, #name, &TABLE.name, sizeof TABLE.name);
#define LOAD_V(name, params, args)                                             \
  resolve(&LIB, #name, &TABLE.name, sizeof TABLE.name);
#define FORWARD(ret, name, params, args)                                      \
  ret name params                                                              \
  {                                                                            \
    pthread_once(&LIB.once, LOADER);                                           \
    return TABLE.name args;                                                    \
  }
#define FORWARD_V(name, params, args)                                         \
  void name params                                                             \
  {                                                                            \
    pthread_once(&LIB.once, LOADER);                                           \
    TABLE.name args;                                                           \
  }

/* ---- libpq ---- */
static lazy_lib pq_lib = {{"libpq.so.5", "libpq.so", NULL},
                          PTHREAD_ONCE_INIT,
                          NULL};
static struct {
  PQ_FUNCS(FIELD, FIELD_V)
} pq;
static void pq_load(void)
{
#define LIB pq_lib
#define TABLE pq
  open_lib(&pq_lib);
  PQ_FUNCS(LOAD, LOAD_V)
}
#define LOADER pq_load
PQ_FUNCS(FORWARD, FORWARD_V)
#undef LOADER
#undef LIB
#undef TABLE

/* ---- Hunspell ---- */
static lazy_lib hun_lib = {{"libhunspell-1.7.so.0", "libhunspell-1.7.so", NULL},
                           PTHREAD_ONCE_INIT,
                           NULL};
static struct {
  HUN_FUNCS(FIELD, FIELD_V)
} hun;
static void hun_load(void)
{
#define LIB hun_lib
#define TABLE hun
  open_lib(&hun_lib);
  HUN_FUNCS(LOAD, LOAD_V)
  tl_oom_cxx_loaded(hun_lib.handle); /* its operator new: our new-handler */
}
#define LOADER hun_load
HUN_FUNCS(FORWARD, FORWARD_V)
#undef LOADER

void *tl_hunspell_symbol(const char *name)
{
  pthread_once(&hun_lib.once, hun_load);
  return dlsym(hun_lib.handle, name);
}
#undef LIB
#undef TABLE

/* ---- SQLite ---- */
static lazy_lib sqlite_lib = {{"libsqlite3.so.0", "libsqlite3.so", NULL},
                              PTHREAD_ONCE_INIT,
                              NULL};
static struct {
  SQLITE_FUNCS(FIELD, FIELD_V)
} sqlite;
static void sqlite_load(void)
{
#define LIB sqlite_lib
#define TABLE sqlite
  open_lib(&sqlite_lib);
  SQLITE_FUNCS(LOAD, LOAD_V)
}
#define LOADER sqlite_load
SQLITE_FUNCS(FORWARD, FORWARD_V)
#undef LOADER
#undef LIB
#undef TABLE

/* ---- libxml2 ---- */
static lazy_lib xml_lib = {{"libxml2.so.2", "libxml2.so", NULL},
                           PTHREAD_ONCE_INIT,
                           NULL};
static struct {
  XML_FUNCS(FIELD, FIELD_V)
  xmlFreeFunc *free_fn; /* the library's variable xmlFree */
} xml;
static void xml_load(void)
{
#define LIB xml_lib
#define TABLE xml
  open_lib(&xml_lib);
  XML_FUNCS(LOAD, LOAD_V)
  resolve(&xml_lib, "xmlFree", &xml.free_fn, sizeof xml.free_fn);
}
#define LOADER xml_load
XML_FUNCS(FORWARD, FORWARD_V)
#undef LOADER
#undef LIB
#undef TABLE

/* xmlFree is a variable holding the library's deallocator (a function of
 * the thread when the library has per-thread allocators). */
#ifdef LIBXML_THREAD_ALLOC_ENABLED
#error "lazylib.c: this libxml2 has per-thread allocators: wrap __xmlFree"
#endif
static void xml_free(void *p)
{
  pthread_once(&xml_lib.once, xml_load);
  (*xml.free_fn)(p);
}
xmlFreeFunc xmlFree = xml_free;

/* ---- libmicrohttpd ---- */
static lazy_lib mhd_lib = {{"libmicrohttpd.so.12", "libmicrohttpd.so", NULL},
                           PTHREAD_ONCE_INIT,
                           NULL};
static struct {
  MHD_FUNCS(FIELD, FIELD_V)
} mhd;
static void mhd_load(void)
{
#define LIB mhd_lib
#define TABLE mhd
  open_lib(&mhd_lib);
  MHD_FUNCS(LOAD, LOAD_V)
}
#define LOADER mhd_load
MHD_FORWARDED(FORWARD, FORWARD_V)
#undef LOADER
#undef LIB
#undef TABLE

/* The variadic ones: MHD_start_daemon through MHD_start_daemon_va; the
 * two info queries with the types tradlint asks (no extra argument). */
struct MHD_Daemon *MHD_start_daemon(unsigned int flags, uint16_t port,
                                    MHD_AcceptPolicyCallback apc,
                                    void *apc_cls,
                                    MHD_AccessHandlerCallback dh,
                                    void *dh_cls, ...)
{
  struct MHD_Daemon *d;
  va_list ap;

  pthread_once(&mhd_lib.once, mhd_load);
  va_start(ap, dh_cls);
  d = mhd.MHD_start_daemon_va(flags, port, apc, apc_cls, dh, dh_cls, ap);
  va_end(ap);
  return d;
}

const union MHD_ConnectionInfo *
MHD_get_connection_info(struct MHD_Connection *connection,
                        enum MHD_ConnectionInfoType type, ...)
{
  pthread_once(&mhd_lib.once, mhd_load);
  return mhd.MHD_get_connection_info(connection, type);
}

const union MHD_DaemonInfo *MHD_get_daemon_info(struct MHD_Daemon *daemon,
                                                enum MHD_DaemonInfoType type,
                                                ...)
{
  pthread_once(&mhd_lib.once, mhd_load);
  return mhd.MHD_get_daemon_info(daemon, type);
}
