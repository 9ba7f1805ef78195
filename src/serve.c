/* tradlint serve: an HTTP server (libmicrohttpd, a pool of threads) that
 * checks texts with one loaded linter: LanguageTool's API for the editors
 * that speak it, the JSON report for CMS integrations, /health, and the
 * editor page. Each worker thread checks with a sibling linter of its own
 * (tl_linter_new_sibling), as -j does. The only includer of microhttpd.h. */
#include "serve.h"
#include "msg.h"

#include "lint.h"
#include "ltapi.h"
#include "report.h"

#include <arpa/inet.h>
#include <errno.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct tl_server {
  struct MHD_Daemon *d;
  tl_linter *base;
  tl_server_options opt;
  char *token;
  unsigned port;
  pthread_mutex_t mu;
  pthread_key_t key;
  tl_linter **sibs;
  size_t nsibs, capsibs;
  size_t inflight;
  unsigned long requests, failures;
};

/* One request: its body as it arrives, and when it began. */
typedef struct request {
  tl_buf body;
  char what[160]; /* "METHOD /path" for the log */
  struct timespec start;
  bool too_big, late;
  bool counted;
} request;

enum route { R_NONE, R_PAGE, R_HEALTH, R_LANGUAGES, R_V2CHECK, R_APICHECK };

void tl_server_options_init(tl_server_options *o)
{
  memset(o, 0, sizeof *o);
  o->port = 8081;
  o->max_body = 1u << 20;
  o->timeout = 30;
  o->max_connections = 64;
}

static double elapsed_ms(const struct timespec *t0)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)(t.tv_sec - t0->tv_sec) * 1e3 +
         (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/* ---- responses --------------------------------------------------------- */

static void add_common_headers(struct MHD_Response *resp)
{
  /* browser-based clients (the LanguageTool extension, CMS pages) call the
   * API from other origins; no cookies are used, so any origin may */
  MHD_add_response_header(resp, "Access-Control-Allow-Origin", "*");
  MHD_add_response_header(resp, "Cache-Control", "no-store");
  MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
}

static enum MHD_Result send_buf(struct MHD_Connection *c, unsigned status,
                                const char *type, const char *body,
                                size_t len, bool copy)
{
  struct MHD_Response *resp = MHD_create_response_from_buffer(
      len, (void *)(uintptr_t)body,
      copy ? MHD_RESPMEM_MUST_COPY : MHD_RESPMEM_PERSISTENT);
  enum MHD_Result r;

  if (resp == NULL)
    return MHD_NO;
  MHD_add_response_header(resp, "Content-Type", type);
  add_common_headers(resp);
  if (status == MHD_HTTP_UNAUTHORIZED)
    MHD_add_response_header(resp, "WWW-Authenticate",
                            "Bearer realm=\"tradlint\"");
  r = MHD_queue_response(c, status, resp);
  MHD_destroy_response(resp);
  return r;
}

static enum MHD_Result send_json(struct MHD_Connection *c, unsigned status,
                                 const char *json)
{
  return send_buf(c, status, "application/json; charset=utf-8", json,
                  strlen(json), true);
}

/* A JSON error: {"status": N, "error": "message"}. */
static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status,
                                  const char *msg)
{
  json_t *j = json_pack("{s:i,s:s}", "status", (int)status, "error", msg);
  char *s = json_dumps(j, JSON_COMPACT);
  enum MHD_Result r = send_json(c, status, s);

  free(s);
  json_decref(j);
  return r;
}

static enum MHD_Result send_preflight(struct MHD_Connection *c)
{
  struct MHD_Response *resp =
      MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
  const char *hdrs = MHD_lookup_connection_value(
      c, MHD_HEADER_KIND, "Access-Control-Request-Headers");
  const char *pna = MHD_lookup_connection_value(
      c, MHD_HEADER_KIND, "Access-Control-Request-Private-Network");
  enum MHD_Result r;

  if (resp == NULL)
    return MHD_NO;
  add_common_headers(resp);
  MHD_add_response_header(resp, "Access-Control-Allow-Methods",
                          "GET, POST, OPTIONS");
  MHD_add_response_header(resp, "Access-Control-Allow-Headers",
                          hdrs != NULL && strlen(hdrs) < 512
                              ? hdrs
                              : "Content-Type, Authorization");
  MHD_add_response_header(resp, "Access-Control-Max-Age", "86400");
  if (pna != NULL && strcasecmp(pna, "true") == 0)
    MHD_add_response_header(resp, "Access-Control-Allow-Private-Network",
                            "true");
  r = MHD_queue_response(c, MHD_HTTP_NO_CONTENT, resp);
  MHD_destroy_response(resp);
  return r;
}

/* ---- per-thread linters -------------------------------------------------- */

static tl_linter *thread_linter(tl_server *s, tl_error *err)
{
  tl_linter *l = pthread_getspecific(s->key);

  if (l != NULL)
    return l;
  pthread_mutex_lock(&s->mu);
  if (tl_linter_new_sibling(&l, s->base, err) == TL_OK) {
    TL_GROW(s->sibs, s->capsibs, s->nsibs + 1);
    s->sibs[s->nsibs++] = l;
  } else {
    l = NULL;
  }
  pthread_mutex_unlock(&s->mu);
  if (l != NULL)
    pthread_setspecific(s->key, l);
  return l;
}

/* ---- the API ----------------------------------------------------------- */

static bool token_equal(const char *a, const char *b, size_t nb)
{
  size_t na = strlen(a);
  unsigned char diff = na != nb;

  for (size_t i = 0; i < nb; i++)
    diff |= (unsigned char)(a[i % (na ? na : 1)] ^ b[i]);
  return diff == 0;
}

/* Whether the request carries the token: "Authorization: Bearer T", or
 * the form field apiKey (what LanguageTool clients can send). */
static bool authorized(const tl_server *s, struct MHD_Connection *c,
                       const tl_fields *form)
{
  const char *h, *key;
  size_t n;

  if (s->token == NULL)
    return true;
  h = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                  MHD_HTTP_HEADER_AUTHORIZATION);
  if (h != NULL && strncasecmp(h, "Bearer ", 7) == 0 &&
      token_equal(s->token, h + 7, strlen(h + 7)))
    return true;
  key = form != NULL ? tl_fields_get(form, "apiKey", &n) : NULL;
  return key != NULL && token_equal(s->token, key, n);
}

static enum MHD_Result on_arg(void *cls, enum MHD_ValueKind kind,
                              const char *key, size_t key_size,
                              const char *value, size_t value_size)
{
  (void)kind;
  (void)key_size;
  if (key != NULL)
    tl_fields_add(cls, key, value != NULL ? value : "",
                value != NULL ? value_size : 0);
  return MHD_YES;
}

static unsigned status_of(tl_status st)
{
  return st == TL_EUTF8 || st == TL_EBINARY || st == TL_EUSAGE
             ? MHD_HTTP_BAD_REQUEST
             : MHD_HTTP_INTERNAL_SERVER_ERROR;
}

/* POST /v2/check (or GET with the query): LanguageTool's check. */
static enum MHD_Result v2_check(tl_server *s, struct MHD_Connection *c,
                                request *rq)
{
  tl_fields form;
  tl_annotated ann;
  tl_lt_filter flt;
  tl_error err;
  tl_result *r = NULL;
  tl_linter *l;
  const char *text, *data, *lang, *markup, *only;
  size_t tlen = 0, dlen = 0;
  tl_status st;
  enum MHD_Result ret;
  char *json;
  const char *ctype = MHD_lookup_connection_value(
      c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);

  tl_fields_init(&form);
  tl_annotated_init(&ann);
  MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, on_arg, &form);
  if (ctype != NULL && strncasecmp(ctype, "multipart/", 10) == 0) {
    ret = send_error(c, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE,
                     _("envie o formulário como "
                     "application/x-www-form-urlencoded"));
    goto out;
  }
  /* the body is form data whatever the declared type (LTeX declares
   * application/json for it) */
  if (tl_fields_parse(&form, rq->body.p != NULL ? rq->body.p : "",
                    rq->body.len, &err) != TL_OK) {
    ret = send_error(c, MHD_HTTP_BAD_REQUEST, err.msg);
    goto out;
  }
  if (!authorized(s, c, &form)) {
    ret = send_error(c, MHD_HTTP_UNAUTHORIZED,
                     _("token ausente ou errado: envie 'Authorization: "
                     "Bearer TOKEN' ou o campo apiKey"));
    goto out;
  }
  text = tl_fields_get(&form, "text", &tlen);
  data = tl_fields_get(&form, "data", &dlen);
  lang = tl_fields_get(&form, "language", NULL);
  markup = tl_fields_get(&form, "markup", NULL);
  only = tl_fields_get(&form, "enabledOnly", NULL);
  if (text == NULL && data == NULL) {
    ret = send_error(c, MHD_HTTP_BAD_REQUEST,
                     _("falta o texto: envie o campo 'text' ou 'data'"));
    goto out;
  }
  if (lang == NULL) {
    ret = send_error(c, MHD_HTTP_BAD_REQUEST,
                     _("falta o campo 'language' (pt-BR, pt ou auto)"));
    goto out;
  }
  if (!tl_lt_language_ok(lang)) {
    char msg[256];
    snprintf(msg, sizeof msg,
             _("idioma não suportado '%.64s': o tradlint verifica português "
             "do Brasil (language=pt-BR, pt ou auto)"),
             lang);
    ret = send_error(c, MHD_HTTP_BAD_REQUEST, msg);
    goto out;
  }
  memset(&flt, 0, sizeof flt);
  flt.enabled_rules = tl_fields_get(&form, "enabledRules", NULL);
  flt.disabled_rules = tl_fields_get(&form, "disabledRules", NULL);
  flt.enabled_categories = tl_fields_get(&form, "enabledCategories", NULL);
  flt.disabled_categories = tl_fields_get(&form, "disabledCategories", NULL);
  flt.enabled_only = only != NULL && strcasecmp(only, "true") == 0;
  if (flt.enabled_only && flt.enabled_rules == NULL &&
      flt.enabled_categories == NULL) {
    ret = send_error(c, MHD_HTTP_BAD_REQUEST,
                     _("enabledOnly=true pede enabledRules ou "
                     "enabledCategories"));
    goto out;
  }
  if (data != NULL && text == NULL &&
      tl_annotated_parse(&ann, data, dlen, &err) != TL_OK) {
    ret = send_error(c, MHD_HTTP_BAD_REQUEST, err.msg);
    goto out;
  }
  if ((l = thread_linter(s, &err)) == NULL) {
    ret = send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, err.msg);
    goto out;
  }
  if (text != NULL)
    st = tl_lint_buffer(l, "texto", text, tlen,
                        markup != NULL && strcmp(markup, "markdown") == 0
                            ? TL_MARKUP_MARKDOWN
                            : TL_MARKUP_PLAIN,
                        &r, &err);
  else
    st = tl_lint_buffer(l, "texto", ann.plain.p != NULL ? ann.plain.p : "",
                        ann.plain.len, TL_MARKUP_PLAIN, &r, &err);
  if (st != TL_OK) {
    ret = send_error(c, status_of(st), err.msg);
    goto out;
  }
  json = tl_lt_response(r, text != NULL ? NULL : &ann, &flt);
  ret = send_buf(c, MHD_HTTP_OK, "application/json; charset=utf-8", json,
                 strlen(json), true);
  free(json);
out:
  tl_result_free(r);
  tl_annotated_fini(&ann);
  tl_fields_fini(&form);
  return ret;
}

static tl_markup markup_named(const char *m)
{
  if (m == NULL)
    return TL_MARKUP_AUTO;
  if (strcmp(m, "markdown") == 0)
    return TL_MARKUP_MARKDOWN;
  if (strcmp(m, "plain") == 0)
    return TL_MARKUP_PLAIN;
  return (tl_markup)-1;
}

/* POST /api/check: the JSON report of DESIGN.md for one text, sent as
 * JSON {"text", "path", "markup"}, as a form with those fields, or as the
 * body itself (text/plain, text/markdown). */
static enum MHD_Result api_check(tl_server *s, struct MHD_Connection *c,
                                 request *rq)
{
  const char *ctype = MHD_lookup_connection_value(
      c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
  const char *body = rq->body.p != NULL ? rq->body.p : "";
  const char *text = NULL, *path = NULL, *mk = NULL;
  size_t tlen = 0;
  tl_fields form;
  json_t *j = NULL;
  tl_error err;
  tl_result *r = NULL;
  tl_linter *l;
  tl_markup markup;
  enum MHD_Result ret;
  tl_status st;

  tl_fields_init(&form);
  if (!authorized(s, c, NULL)) {
    ret = send_error(c, MHD_HTTP_UNAUTHORIZED,
                     _("token ausente ou errado: envie 'Authorization: "
                     "Bearer TOKEN'"));
    goto out;
  }
  if (ctype != NULL && strncasecmp(ctype, "application/json", 16) == 0) {
    json_error_t jerr;
    json_t *t, *p, *m;
    j = json_loadb(body, rq->body.len, JSON_ALLOW_NUL, &jerr);
    if (j == NULL || !json_is_object(j)) {
      char msg[300];
      snprintf(msg, sizeof msg,
               _("JSON inválido (linha %d, coluna %d: %s); envie "
               "{\"text\": \"...\", \"path\": \"...\"}"),
               jerr.line, jerr.column, j == NULL ? jerr.text : _("não é objeto"));
      ret = send_error(c, MHD_HTTP_BAD_REQUEST, msg);
      goto out;
    }
    t = json_object_get(j, "text");
    p = json_object_get(j, "path");
    m = json_object_get(j, "markup");
    if (!json_is_string(t) || (p != NULL && !json_is_string(p)) ||
        (m != NULL && !json_is_string(m))) {
      ret = send_error(c, MHD_HTTP_BAD_REQUEST,
                       _("o JSON precisa do campo \"text\" (string); \"path\" "
                       "e \"markup\" são strings opcionais"));
      goto out;
    }
    text = json_string_value(t);
    tlen = json_string_length(t);
    path = p != NULL ? json_string_value(p) : NULL;
    mk = m != NULL ? json_string_value(m) : NULL;
  } else if (ctype != NULL &&
             (strncasecmp(ctype, "text/plain", 10) == 0 ||
              strncasecmp(ctype, "text/markdown", 13) == 0)) {
    text = body;
    tlen = rq->body.len;
    mk = strncasecmp(ctype, "text/plain", 10) == 0 ? "plain" : "markdown";
  } else {
    if (ctype != NULL && strncasecmp(ctype, "multipart/", 10) == 0) {
      ret = send_error(c, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE,
                       _("envie JSON, texto ou um formulário "
                       "application/x-www-form-urlencoded"));
      goto out;
    }
    if (tl_fields_parse(&form, body, rq->body.len, &err) != TL_OK) {
      ret = send_error(c, MHD_HTTP_BAD_REQUEST, err.msg);
      goto out;
    }
    text = tl_fields_get(&form, "text", &tlen);
    path = tl_fields_get(&form, "path", NULL);
    mk = tl_fields_get(&form, "markup", NULL);
    if (text == NULL) {
      ret = send_error(c, MHD_HTTP_BAD_REQUEST, _("falta o campo 'text'"));
      goto out;
    }
  }
  markup = markup_named(mk);
  if ((int)markup < 0) {
    ret = send_error(c, MHD_HTTP_BAD_REQUEST,
                     _("'markup' deve ser markdown ou plain"));
    goto out;
  }
  if (path == NULL || path[0] == '\0')
    path = "texto.md";
  if ((l = thread_linter(s, &err)) == NULL) {
    ret = send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, err.msg);
    goto out;
  }
  st = tl_lint_buffer(l, path, text, tlen, markup, &r, &err);
  if (st != TL_OK) {
    ret = send_error(c, status_of(st), err.msg);
  } else {
    char *out = NULL;
    size_t olen = 0;
    FILE *fp = open_memstream(&out, &olen);
    tl_report *rep;
    if (fp == NULL)
      abort();
    rep = tl_report_new(TL_FORMAT_JSON, fp, 0);
    tl_report_add(rep, r);
    tl_report_finish(rep);
    tl_report_free(rep);
    fclose(fp);
    ret = send_buf(c, MHD_HTTP_OK, "application/json; charset=utf-8", out,
                   olen, true);
    free(out);
  }
out:
  tl_result_free(r);
  json_decref(j);
  tl_fields_fini(&form);
  return ret;
}

static enum MHD_Result health(tl_server *s, struct MHD_Connection *c)
{
  char buf[256];
  unsigned long n, bad;

  pthread_mutex_lock(&s->mu);
  n = s->requests;
  bad = s->failures;
  pthread_mutex_unlock(&s->mu);
  snprintf(buf, sizeof buf,
           "{\"status\":\"ok\",\"name\":\"tradlint\",\"version\":\"%s\","
           "\"requests\":%lu,\"errors\":%lu}",
           TL_VERSION, n, bad);
  return send_json(c, MHD_HTTP_OK, buf);
}

static enum route route_of(const char *url)
{
  if (strcmp(url, "/") == 0 && tl_serve_page_len > 0)
    return R_PAGE;
  if (strcmp(url, "/health") == 0)
    return R_HEALTH;
  if (strcmp(url, "/v2/languages") == 0)
    return R_LANGUAGES;
  if (strcmp(url, "/v2/check") == 0)
    return R_V2CHECK;
  if (strcmp(url, "/api/check") == 0)
    return R_APICHECK;
  return R_NONE;
}

static enum MHD_Result dispatch(tl_server *s, struct MHD_Connection *c,
                                enum route rt, const char *method,
                                request *rq)
{
  bool get = strcmp(method, "GET") == 0, post = strcmp(method, "POST") == 0;

  switch (rt) {
  case R_PAGE:
    if (!get)
      break;
    return send_buf(c, MHD_HTTP_OK, "text/html; charset=utf-8",
                    (const char *)tl_serve_page, tl_serve_page_len, false);
  case R_HEALTH:
    if (!get)
      break;
    return health(s, c);
  case R_LANGUAGES:
    if (!get)
      break;
    if (!authorized(s, c, NULL))
      return send_error(c, MHD_HTTP_UNAUTHORIZED,
                        _("token ausente ou errado"));
    return send_json(c, MHD_HTTP_OK, tl_lt_languages());
  case R_V2CHECK:
    if (!get && !post)
      break;
    return v2_check(s, c, rq);
  case R_APICHECK:
    if (!post)
      break;
    return api_check(s, c, rq);
  case R_NONE:
    return send_error(c, MHD_HTTP_NOT_FOUND,
                      _("caminho desconhecido: use /v2/check, /v2/languages, "
                      "/api/check, /health ou /"));
  }
  return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, _("método não permitido"));
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version,
                                  const char *upload_data,
                                  size_t *upload_size, void **con_cls)
{
  tl_server *s = cls;
  request *rq = *con_cls;
  enum route rt = route_of(url);

  (void)version;
  if (rq == NULL) { /* headers are in: check what can be checked now */
    const char *cl = MHD_lookup_connection_value(
        c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    rq = tl_xcalloc(1, sizeof *rq);
    tl_buf_init(&rq->body);
    clock_gettime(CLOCK_MONOTONIC, &rq->start);
    *con_cls = rq;
    snprintf(rq->what, sizeof rq->what, "%.10s %.140s", method, url);
    pthread_mutex_lock(&s->mu);
    s->inflight++;
    s->requests++;
    rq->counted = true;
    pthread_mutex_unlock(&s->mu);
    if (strcmp(method, "OPTIONS") == 0)
      return send_preflight(c);
    if (cl != NULL && strtoull(cl, NULL, 10) > s->opt.max_body) {
      char msg[160];
      snprintf(msg, sizeof msg,
               _("corpo grande demais: %s bytes; o limite é %zu"), cl,
               s->opt.max_body);
      return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE, msg);
    }
    return MHD_YES;
  }
  if (*upload_size > 0) { /* more of the body */
    double ms = elapsed_ms(&rq->start);
    if (rq->body.len + *upload_size > s->opt.max_body)
      rq->too_big = true;
    else if (!rq->late)
      tl_buf_add(&rq->body, upload_data, *upload_size);
    *upload_size = 0;
    /* a body still arriving after the timeout is answered 408 when it
     * ends (libmicrohttpd answers only then); one that drags on three
     * times as long is cut */
    if (ms > s->opt.timeout * 1e3)
      rq->late = true;
    return ms > 3 * s->opt.timeout * 1e3 ? MHD_NO : MHD_YES;
  }
  if (rq->late)
    return send_error(c, MHD_HTTP_REQUEST_TIMEOUT,
                      _("o pedido demorou demais para chegar"));
  if (rq->too_big) {
    char msg[120];
    snprintf(msg, sizeof msg,
             P_("corpo grande demais: o limite é %zu byte",
                "corpo grande demais: o limite é %zu bytes", s->opt.max_body),
             s->opt.max_body);
    return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE, msg);
  }
  tl_buf_cstr(&rq->body);
  return dispatch(s, c, rt, method, rq);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
  tl_server *s = cls;
  request *rq = *con_cls;
  const union MHD_ConnectionInfo *ci;

  (void)toe;
  if (rq == NULL)
    return;
  ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_HTTP_STATUS);
  if (s->opt.log != NULL) {
    fprintf(s->opt.log, "%s %u %.1f ms %zu bytes\n", rq->what,
            ci != NULL ? ci->http_status : 0, elapsed_ms(&rq->start),
            rq->body.len);
    fflush(s->opt.log);
  }
  pthread_mutex_lock(&s->mu);
  if (rq->counted)
    s->inflight--;
  if (ci == NULL || ci->http_status >= 400)
    s->failures++;
  pthread_mutex_unlock(&s->mu);
  tl_buf_fini(&rq->body);
  free(rq);
  *con_cls = NULL;
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
  tl_server *s = cls;

  if (s->opt.log != NULL) {
    vfprintf(s->opt.log, fmt, ap);
    fflush(s->opt.log);
  }
}

/* ---- start and stop ------------------------------------------------------ */

static bool is_loopback(const struct sockaddr_storage *sa)
{
  if (sa->ss_family == AF_INET) {
    const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
    return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
  }
  if (sa->ss_family == AF_INET6) {
    const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
    return IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
  }
  return false;
}

static bool parse_bind(const char *bind, unsigned port,
                       struct sockaddr_storage *sa)
{
  struct sockaddr_in *in = (struct sockaddr_in *)sa;
  struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)sa;

  memset(sa, 0, sizeof *sa);
  if (bind == NULL || strcmp(bind, "localhost") == 0)
    bind = "127.0.0.1";
  if (inet_pton(AF_INET, bind, &in->sin_addr) == 1) {
    in->sin_family = AF_INET;
    in->sin_port = htons((uint16_t)port);
    return true;
  }
  memset(sa, 0, sizeof *sa);
  if (inet_pton(AF_INET6, bind, &in6->sin6_addr) == 1) {
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons((uint16_t)port);
    return true;
  }
  return false;
}

tl_status tl_server_start(tl_server **out, tl_linter *l,
                          const tl_server_options *o, tl_error *err)
{
  tl_server *s;
  struct sockaddr_storage sa;
  unsigned threads;
  const union MHD_DaemonInfo *di;
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO |
                   MHD_USE_ITC;

  *out = NULL;
  if (o->port > 65535 || !parse_bind(o->bind, o->port, &sa))
    return tl_error_set(err, TL_EUSAGE,
                        _("endereço inválido '%s' (use um IP numérico, v4 ou "
                        "v6, ou localhost) ou porta %u fora de 0-65535"),
                        o->bind != NULL ? o->bind : "", o->port);
  if (!is_loopback(&sa) && (o->token == NULL || o->token[0] == '\0'))
    return tl_error_set(err, TL_EUSAGE,
                        _("'%s' não é um endereço de loopback: quem alcança "
                        "esta máquina poderia usar o servidor; exija um "
                        "token com --token-file"),
                        o->bind);
  if (sa.ss_family == AF_INET6)
    flags |= MHD_USE_IPv6;
  s = tl_xcalloc(1, sizeof *s);
  s->base = l;
  s->opt = *o;
  if (s->opt.max_body == 0)
    s->opt.max_body = 1u << 20;
  if (s->opt.timeout == 0)
    s->opt.timeout = 30;
  if (s->opt.max_connections == 0)
    s->opt.max_connections = 64;
  s->token = o->token != NULL && o->token[0] != '\0' ? tl_xstrdup(o->token)
                                                      : NULL;
  s->opt.token = NULL;
  pthread_mutex_init(&s->mu, NULL);
  pthread_key_create(&s->key, NULL);
  threads = o->threads;
  if (threads == 0) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    threads = cores > 0 ? (unsigned)cores : 1;
  }
  /* Hunspell and the caches now, not on the first request */
  {
    tl_result *r = NULL;
    static const char warm[] = "Verificação de aquecimento do servidor.";
    if (tl_lint_buffer(l, "aquecimento", warm, sizeof warm - 1,
                       TL_MARKUP_PLAIN, &r, err) != TL_OK) {
      tl_server_stop(s);
      return err != NULL ? err->status : TL_EDICT;
    }
    tl_result_free(r);
    if (!tl_linter_has_hunspell(l) &&
        tl_spell_check(l->spell, "aquecimentoq", 12, err) < 0) {
      tl_server_stop(s);
      return err != NULL ? err->status : TL_EDICT;
    }
  }
  s->d = MHD_start_daemon(
      flags, 0, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, &sa,
      MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT,
      s->opt.max_connections, MHD_OPTION_CONNECTION_TIMEOUT, s->opt.timeout,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
      MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
      MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, s, MHD_OPTION_END);
  if (s->d == NULL) {
    int e = errno;
    tl_server_stop(s);
    return tl_error_set(err, TL_EUSAGE,
                        _("não foi possível escutar em %s:%u (%s): a porta "
                        "está em uso?"),
                        o->bind != NULL ? o->bind : "127.0.0.1", o->port,
                        tl_strerror(e));
  }
  di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
  s->port = di != NULL ? di->port : o->port;
  *out = s;
  return TL_OK;
}

unsigned tl_server_port(const tl_server *s)
{
  return s->port;
}

void tl_server_stop(tl_server *s)
{
  if (s == NULL)
    return;
  if (s->d != NULL) {
    MHD_socket fd = MHD_quiesce_daemon(s->d);
    struct timespec t0;
    if (fd != MHD_INVALID_SOCKET)
      close(fd);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) { /* requests in flight finish */
      size_t n;
      pthread_mutex_lock(&s->mu);
      n = s->inflight;
      pthread_mutex_unlock(&s->mu);
      if (n == 0 || elapsed_ms(&t0) > (s->opt.timeout + 5) * 1e3)
        break;
      nanosleep(&(struct timespec){0, 5000000}, NULL);
    }
    MHD_stop_daemon(s->d);
  }
  for (size_t i = 0; i < s->nsibs; i++) {
    tl_linter_flush(s->sibs[i], NULL);
    tl_linter_free(s->sibs[i]);
  }
  free(s->sibs);
  pthread_key_delete(s->key);
  pthread_mutex_destroy(&s->mu);
  free(s->token);
  free(s);
}
