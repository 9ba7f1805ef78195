/* tradlint lsp: the Language Server Protocol over two streams. Documents
 * (Markdown and plain text) are checked on open, change and save and their
 * findings published as diagnostics; code actions apply a suggestion or
 * add a word to the project dictionary; hover shows the finding and the
 * glossary note. Positions are in UTF-16 code units (LSP's default).
 * Linters come from the caller (one per .tradlint.toml), so the
 * configuration is the command line's. */
#include "lint.h"
#include "msg.h"
#include "utf16.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_MESSAGE (64u << 20) /* bytes: a larger message is refused */

enum {
  RPC_PARSE_ERROR = -32700,
  RPC_INVALID_REQUEST = -32600,
  RPC_METHOD_NOT_FOUND = -32601,
  RPC_INVALID_PARAMS = -32602,
  RPC_NOT_INITIALIZED = -32002
};

typedef struct lsp_linter {
  char *config; /* "" when no .tradlint.toml governs */
  tl_linter *l;
} lsp_linter;

typedef struct lsp_doc {
  char *uri, *path, *dir; /* path: NULL for a non-file URI */
  char *text;
  size_t len;
  tl_markup markup;
  char *config; /* key of its linter */
  tl_result *r;
} lsp_doc;

typedef struct lsp {
  FILE *in, *out;
  const tl_lsp_options *o;
  lsp_linter *lin;
  size_t nlin, caplin;
  lsp_doc *docs;
  size_t ndocs, capdocs;
  char *root; /* the workspace folder, when the client gave one */
  bool initialized, shutdown;
} lsp;

static void logf_(lsp *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void logf_(lsp *s, const char *fmt, ...)
{
  va_list ap;

  if (s->o->log == NULL)
    return;
  fputs("tradlint lsp: ", s->o->log);
  va_start(ap, fmt);
  vfprintf(s->o->log, fmt, ap);
  va_end(ap);
  fputc('\n', s->o->log);
  fflush(s->o->log);
}

/* ---- framing ---------------------------------------------------------- */

static void send_msg(lsp *s, json_t *msg)
{
  char *body;

  json_object_set_new(msg, "jsonrpc", json_string("2.0"));
  body = json_dumps(msg, JSON_COMPACT);
  if (body == NULL)
    tl_oom(0);
  fprintf(s->out, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
  fflush(s->out);
  free(body);
  json_decref(msg);
}

static void reply(lsp *s, json_t *id, json_t *result)
{
  send_msg(s, json_pack("{s:O,s:o}", "id", id, "result",
                        result != NULL ? result : json_null()));
}

static void reply_error(lsp *s, json_t *id, int code, const char *msg)
{
  send_msg(s, json_pack("{s:O,s:{s:i,s:s}}", "id",
                        id != NULL ? id : json_null(), "error", "code", code,
                        "message", msg));
}

static void notify(lsp *s, const char *method, json_t *params)
{
  send_msg(s, json_pack("{s:s,s:o}", "method", method, "params", params));
}

static void show_message(lsp *s, int type, const char *msg)
{
  notify(s, "window/showMessage",
         json_pack("{s:i,s:s}", "type", type, "message", msg));
}

/* Read one message body: 1 read, 0 end of input, -1 bad framing (the
 * message is skipped). */
static int read_msg(lsp *s, char **body, size_t *len)
{
  char line[1024];
  long long clen = -1;
  bool any = false;

  *body = NULL;
  for (;;) {
    size_t n;
    if (fgets(line, sizeof line, s->in) == NULL)
      return any ? -1 : 0;
    any = true;
    n = strlen(line);
    if (n == sizeof line - 1 && line[n - 1] != '\n')
      return -1; /* a header line that long is not LSP */
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      line[--n] = '\0';
    if (n == 0)
      break;
    if (strncasecmp(line, "Content-Length:", 15) == 0) {
      char *end;
      clen = strtoll(line + 15, &end, 10);
      if (end == line + 15 || clen < 0)
        clen = -2;
    }
  }
  if (clen < 0)
    return -1;
  if ((unsigned long long)clen > MAX_MESSAGE) {
    for (long long k = 0; k < clen && fgetc(s->in) != EOF; k++)
      ;
    return -1;
  }
  *body = tl_xmalloc((size_t)clen + 1);
  *len = fread(*body, 1, (size_t)clen, s->in);
  (*body)[*len] = '\0';
  if (*len != (size_t)clen) {
    free(*body);
    *body = NULL;
    return 0;
  }
  return 1;
}

/* ---- positions ---------------------------------------------------------- */

/* Line starts of a text (LSP lines end at \n, \r\n or \r). */
typedef struct lines {
  size_t *start;
  size_t n;
} lines;

static void lines_init(lines *li, const char *p, size_t len)
{
  size_t cap = 0;

  li->start = NULL;
  li->n = 0;
  TL_GROW(li->start, cap, 1);
  li->start[li->n++] = 0;
  for (size_t i = 0; i < len; i++) {
    if (p[i] == '\r' && i + 1 < len && p[i + 1] == '\n')
      i++;
    if (p[i] == '\n' || p[i] == '\r') {
      TL_GROW(li->start, cap, li->n + 1);
      li->start[li->n++] = i + 1;
    }
  }
}

static void lines_fini(lines *li)
{
  free(li->start);
}

static json_t *position_of(const lines *li, const char *p, size_t off)
{
  size_t lo = 0, hi = li->n;

  while (hi - lo > 1) { /* the last line starting at or before off */
    size_t mid = lo + (hi - lo) / 2;
    if (li->start[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  return json_pack("{s:I,s:I}", "line", (json_int_t)lo, "character",
                   (json_int_t)tl_utf16_units(p + li->start[lo],
                                              off - li->start[lo]));
}

/* Byte offset of an LSP position (clamped to the text). */
static size_t offset_of(const char *p, size_t len, json_t *pos)
{
  json_int_t line = json_integer_value(json_object_get(pos, "line"));
  json_int_t ch = json_integer_value(json_object_get(pos, "character"));
  size_t i = 0, end;

  for (json_int_t l = 0; l < line && i < len; l++) {
    while (i < len && p[i] != '\n' && p[i] != '\r')
      i++;
    if (i < len && p[i] == '\r' && i + 1 < len && p[i + 1] == '\n')
      i++;
    if (i < len)
      i++;
  }
  end = i;
  while (end < len && p[end] != '\n' && p[end] != '\r')
    end++;
  return i + tl_utf16_to_byte(p + i, end - i, ch < 0 ? 0 : (size_t)ch);
}

static json_t *range_of(const lines *li, const char *p, size_t a, size_t b)
{
  return json_pack("{s:o,s:o}", "start", position_of(li, p, a), "end",
                   position_of(li, p, b));
}

/* ---- documents and linters --------------------------------------------- */

static char *uri_to_path(const char *uri)
{
  tl_buf b;

  if (strncmp(uri, "file://", 7) != 0)
    return NULL;
  uri += 7;
  tl_buf_init(&b);
  for (const char *q = uri; *q; q++) {
    int hi, lo;
    if (*q == '%' && q[1] && q[2] &&
        (hi = (q[1] >= 'a' ? q[1] - 'a' + 10
               : q[1] >= 'A' ? q[1] - 'A' + 10
                             : q[1] - '0')) >= 0 &&
        hi < 16 &&
        (lo = (q[2] >= 'a' ? q[2] - 'a' + 10
               : q[2] >= 'A' ? q[2] - 'A' + 10
                             : q[2] - '0')) >= 0 &&
        lo < 16) {
      tl_buf_addc(&b, (char)(hi * 16 + lo));
      q += 2;
    } else {
      tl_buf_addc(&b, *q);
    }
  }
  tl_buf_cstr(&b);
  return b.p;
}

static char *dir_of(const char *path)
{
  const char *slash = path != NULL ? strrchr(path, '/') : NULL;

  if (slash == NULL)
    return tl_xstrdup(".");
  if (slash == path)
    return tl_xstrdup("/");
  return tl_xstrndup(path, (size_t)(slash - path));
}

static bool ends_with(const char *s, const char *suffix)
{
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

static lsp_doc *find_doc(lsp *s, const char *uri)
{
  for (size_t i = 0; uri != NULL && i < s->ndocs; i++)
    if (strcmp(s->docs[i].uri, uri) == 0)
      return &s->docs[i];
  return NULL;
}

static void free_linters(lsp *s)
{
  for (size_t i = 0; i < s->nlin; i++) {
    if (s->o->free_linter != NULL)
      s->o->free_linter(s->o->ud, s->lin[i].l);
    else
      tl_linter_free(s->lin[i].l);
    free(s->lin[i].config);
  }
  s->nlin = 0;
}

/* The linter for @d (made on first need); NULL with a message shown. */
static tl_linter *linter_for(lsp *s, lsp_doc *d)
{
  tl_linter *l = NULL;
  char *config = NULL;
  tl_error err;

  for (size_t i = 0; d->config != NULL && i < s->nlin; i++)
    if (strcmp(s->lin[i].config, d->config) == 0)
      return s->lin[i].l;
  if (s->o->make_linter(s->o->ud, d->dir, &l, &config, &err) != TL_OK) {
    char msg[1200];
    snprintf(msg, sizeof msg, "tradlint: %s", err.msg);
    show_message(s, 1, msg);
    logf_(s, "%s", err.msg);
    free(config);
    return NULL;
  }
  free(d->config);
  d->config = config != NULL ? config : tl_xstrdup("");
  for (size_t i = 0; i < s->nlin; i++)
    if (strcmp(s->lin[i].config, d->config) == 0) { /* same configuration */
      if (s->o->free_linter != NULL)
        s->o->free_linter(s->o->ud, l);
      else
        tl_linter_free(l);
      return s->lin[i].l;
    }
  TL_GROW(s->lin, s->caplin, s->nlin + 1);
  s->lin[s->nlin].config = tl_xstrdup(d->config);
  s->lin[s->nlin++].l = l;
  return l;
}

static const char *severity_word(tl_severity sev)
{
  return tl_severity_label(sev);
}

/* Check @d again and publish its diagnostics. */
static void publish(lsp *s, lsp_doc *d)
{
  tl_linter *l = linter_for(s, d);
  json_t *diags = json_array();
  tl_error err;
  lines li;

  tl_result_free(d->r);
  d->r = NULL;
  if (l != NULL &&
      tl_lint_buffer(l, d->path != NULL ? d->path : "texto.md", d->text,
                     d->len, d->markup, &d->r, &err) != TL_OK) {
    char msg[1200];
    snprintf(msg, sizeof msg, "tradlint: %s", err.msg);
    show_message(s, 1, msg);
    d->r = NULL;
  }
  lines_init(&li, d->text, d->len);
  for (size_t i = 0; d->r != NULL && i < tl_result_count(d->r); i++) {
    const tl_finding *f = tl_result_get(d->r, i);
    json_t *sugg = json_array();
    for (size_t k = 0; k < f->nsuggestions; k++)
      json_array_append_new(sugg, json_string(f->suggestions[k]));
    json_array_append_new(
        diags,
        json_pack("{s:o,s:i,s:s,s:s,s:s,s:{s:o,s:b,s:s?,s:s}}", "range",
                  range_of(&li, d->text, f->offset, f->offset + f->length),
                  "severity",
                  f->severity == TL_ERROR     ? 1
                  : f->severity == TL_WARNING ? 2
                                              : 3,
                  "code", f->rule, "source", "tradlint", "message",
                  f->message, "data", "suggestions", sugg, "fix", f->fix,
                  "concept", f->concept, "category", f->category));
  }
  lines_fini(&li);
  notify(s, "textDocument/publishDiagnostics",
         json_pack("{s:s,s:o}", "uri", d->uri, "diagnostics", diags));
}

static bool is_checked(const char *uri, const char *lang)
{
  if (lang != NULL && (strcmp(lang, "markdown") == 0 ||
                       strcmp(lang, "plaintext") == 0 ||
                       strcmp(lang, "text") == 0))
    return true;
  return ends_with(uri, ".md") || ends_with(uri, ".markdown") ||
         ends_with(uri, ".txt");
}

static void did_open(lsp *s, json_t *params)
{
  json_t *td = json_object_get(params, "textDocument");
  const char *uri = json_string_value(json_object_get(td, "uri"));
  const char *lang = json_string_value(json_object_get(td, "languageId"));
  json_t *text = json_object_get(td, "text");
  lsp_doc *d;

  if (uri == NULL || !json_is_string(text)) {
    logf_(s, "%s", _("didOpen sem uri ou texto: ignorado"));
    return;
  }
  if (!is_checked(uri, lang))
    return;
  if ((d = find_doc(s, uri)) == NULL) {
    TL_GROW(s->docs, s->capdocs, s->ndocs + 1);
    d = &s->docs[s->ndocs++];
    memset(d, 0, sizeof *d);
    d->uri = tl_xstrdup(uri);
    d->path = uri_to_path(uri);
    d->dir = d->path != NULL ? dir_of(d->path)
                             : tl_xstrdup(s->root != NULL ? s->root : ".");
  }
  free(d->text);
  d->len = json_string_length(text);
  d->text = tl_xstrndup(json_string_value(text), d->len);
  d->markup = lang != NULL && strcmp(lang, "markdown") == 0
                  ? TL_MARKUP_MARKDOWN
              : lang != NULL && (strcmp(lang, "plaintext") == 0 ||
                                 strcmp(lang, "text") == 0)
                  ? TL_MARKUP_PLAIN
                  : TL_MARKUP_AUTO;
  publish(s, d);
}

/* Apply one change: the whole text, or a range of it. */
static void apply_change(lsp_doc *d, json_t *ch)
{
  json_t *text = json_object_get(ch, "text");
  json_t *range = json_object_get(ch, "range");
  size_t n = json_string_length(text);
  const char *t = json_string_value(text);

  if (t == NULL)
    return;
  if (!json_is_object(range)) {
    free(d->text);
    d->text = tl_xstrndup(t, n);
    d->len = n;
  } else {
    size_t a = offset_of(d->text, d->len, json_object_get(range, "start"));
    size_t b = offset_of(d->text, d->len, json_object_get(range, "end"));
    char *nt;
    if (b < a)
      b = a;
    nt = tl_xmalloc(d->len - (b - a) + n + 1);
    memcpy(nt, d->text, a);
    memcpy(nt + a, t, n);
    memcpy(nt + a + n, d->text + b, d->len - b);
    d->len = d->len - (b - a) + n;
    nt[d->len] = '\0';
    free(d->text);
    d->text = nt;
  }
}

static void did_change(lsp *s, json_t *params)
{
  lsp_doc *d = find_doc(s, json_string_value(json_object_get(
                               json_object_get(params, "textDocument"),
                               "uri")));
  json_t *changes = json_object_get(params, "contentChanges");
  size_t i;
  json_t *ch;

  if (d == NULL || !json_is_array(changes))
    return;
  json_array_foreach(changes, i, ch) apply_change(d, ch);
  publish(s, d);
}

static void did_save(lsp *s, json_t *params)
{
  const char *uri = json_string_value(
      json_object_get(json_object_get(params, "textDocument"), "uri"));
  json_t *text = json_object_get(params, "text");
  lsp_doc *d;

  if (uri != NULL && ends_with(uri, ".tradlint.toml")) {
    free_linters(s); /* the configuration changed: check everything again */
    for (size_t i = 0; i < s->ndocs; i++)
      publish(s, &s->docs[i]);
    return;
  }
  if ((d = find_doc(s, uri)) == NULL)
    return;
  if (json_is_string(text)) {
    free(d->text);
    d->len = json_string_length(text);
    d->text = tl_xstrndup(json_string_value(text), d->len);
  }
  publish(s, d);
}

static void doc_free(lsp_doc *d)
{
  free(d->uri);
  free(d->path);
  free(d->dir);
  free(d->text);
  free(d->config);
  tl_result_free(d->r);
}

static void did_close(lsp *s, json_t *params)
{
  const char *uri = json_string_value(
      json_object_get(json_object_get(params, "textDocument"), "uri"));
  lsp_doc *d = find_doc(s, uri);

  if (d == NULL)
    return;
  notify(s, "textDocument/publishDiagnostics",
         json_pack("{s:s,s:[]}", "uri", d->uri, "diagnostics"));
  doc_free(d);
  *d = s->docs[--s->ndocs];
}

/* ---- code actions, commands, hover -------------------------------------- */

static bool unknown_word(const tl_finding *f)
{
  return strcmp(f->rule, "spelling.unknown") == 0 ||
         strcmp(f->rule, "spelling.name") == 0;
}

static json_t *edit_json(const char *uri, json_t *range, const char *text)
{
  return json_pack("{s:{s:[{s:o,s:s}]}}", "changes", uri, "range", range,
                   "newText", text);
}

static void code_action(lsp *s, json_t *id, json_t *params)
{
  lsp_doc *d = find_doc(s, json_string_value(json_object_get(
                               json_object_get(params, "textDocument"),
                               "uri")));
  json_t *range = json_object_get(params, "range");
  json_t *actions = json_array();
  size_t a, b;
  lines li;

  if (d == NULL || d->r == NULL || !json_is_object(range)) {
    reply(s, id, actions);
    return;
  }
  a = offset_of(d->text, d->len, json_object_get(range, "start"));
  b = offset_of(d->text, d->len, json_object_get(range, "end"));
  lines_init(&li, d->text, d->len);
  for (size_t i = 0; i < tl_result_count(d->r); i++) {
    const tl_finding *f = tl_result_get(d->r, i);
    const char *surface = d->text + f->offset;
    if (f->offset > b || f->offset + f->length < a)
      continue;
    for (size_t k = 0; k < f->nsuggestions; k++) {
      char title[600];
      snprintf(title, sizeof title, _("Trocar '%.*s' por '%s'"),
               (int)(f->length < 200 ? f->length : 200), surface,
               f->suggestions[k]);
      json_array_append_new(
          actions,
          json_pack("{s:s,s:s,s:b,s:o}", "title", title, "kind", "quickfix",
                    "isPreferred", f->fix && k == 0, "edit",
                    edit_json(d->uri,
                              range_of(&li, d->text, f->offset,
                                       f->offset + f->length),
                              f->suggestions[k])));
    }
    if (unknown_word(f) && f->length < 100 &&
        memchr(surface, '\n', f->length) == NULL) {
      char title[300];
      json_t *word = json_stringn(surface, f->length);
      snprintf(title, sizeof title,
               _("Adicionar '%.*s' ao dicionário do projeto"), (int)f->length,
               surface);
      json_array_append_new(
          actions,
          json_pack("{s:s,s:s,s:{s:s,s:s,s:[o,s]}}", "title", title, "kind",
                    "quickfix", "command", "title", title, "command",
                    "tradlint.addWord", "arguments", word, d->uri));
    }
  }
  { /* every safe fix of the document at once */
    json_t *edits = json_array();
    size_t last_end = 0;
    for (size_t i = 0; i < tl_result_count(d->r); i++) {
      const tl_finding *f = tl_result_get(d->r, i);
      if (!f->fix || f->nsuggestions == 0 || f->offset < last_end)
        continue;
      json_array_append_new(
          edits, json_pack("{s:o,s:s}", "range",
                           range_of(&li, d->text, f->offset,
                                    f->offset + f->length),
                           "newText", f->suggestions[0]));
      last_end = f->offset + f->length;
    }
    if (json_array_size(edits) > 0)
      json_array_append_new(
          actions,
          json_pack("{s:s,s:s,s:{s:{s:o}}}", "title",
                    _("Aplicar todas as correções seguras do tradlint"), "kind",
                    "source.fixAll.tradlint", "edit", "changes", d->uri,
                    edits));
    else
      json_decref(edits);
  }
  lines_fini(&li);
  reply(s, id, actions);
}

/* Append @word to @path (a word list), creating it with a header. */
static tl_status append_word(const char *path, const char *word,
                             tl_error *err)
{
  struct stat st;
  bool fresh = stat(path, &st) != 0;
  FILE *fp = fopen(path, "a");

  if (fp == NULL)
    return tl_error_set(err, TL_EIO, "%s: %s", path, tl_strerror(errno));
  if (fresh)
    fputs(_("# Palavras do projeto, uma por linha (tradlint).\n"), fp);
  fprintf(fp, "%s\n", word);
  if (fclose(fp) != 0)
    return tl_error_set(err, TL_EIO, "%s: %s", path, tl_strerror(errno));
  return TL_OK;
}

/* Prepend `words = ["palavras.txt"]` to configuration @path (created when
 * missing): the project dictionary beside it. */
static tl_status add_words_key(const char *path, tl_error *err)
{
  FILE *fp = fopen(path, "rb");
  tl_buf old;
  char chunk[4096];
  size_t n;
  tl_status st;

  tl_buf_init(&old);
  if (fp != NULL) {
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
      tl_buf_add(&old, chunk, n);
    fclose(fp);
  }
  {
    tl_buf all;
    tl_buf_init(&all);
    tl_buf_adds(&all, _("words = [\"palavras.txt\"]  # dicionário do projeto\n"));
    if (old.len > 0)
      tl_buf_add(&all, old.p, old.len);
    st = tl_write_file_atomic(path, all.p, all.len, err);
    tl_buf_fini(&all);
  }
  tl_buf_fini(&old);
  return st;
}

/* tradlint.addWord [word, uri]: the word goes to the first `words` list of
 * the document's .tradlint.toml (palavras.txt beside it, declared in it,
 * when it has none; a new .tradlint.toml at the workspace root when there
 * is no configuration). */
static void add_word(lsp *s, json_t *id, json_t *args)
{
  const char *word = json_string_value(json_array_get(args, 0));
  lsp_doc *d = find_doc(s, json_string_value(json_array_get(args, 1)));
  char *target = NULL, *config = NULL, msg[1200];
  tl_config cfg;
  tl_error err;
  tl_status st = TL_OK;

  if (word == NULL || d == NULL || word[0] == '\0' || strlen(word) > 100 ||
      strpbrk(word, " \t\r\n#") != NULL) {
    reply_error(s, id, RPC_INVALID_PARAMS,
                _("tradlint.addWord espera [palavra, uri de um documento "
                "aberto]"));
    return;
  }
  memset(&cfg, 0, sizeof cfg);
  if (d->config != NULL && d->config[0] != '\0') {
    config = tl_xstrdup(d->config);
  } else {
    const char *base = s->root != NULL ? s->root : d->dir;
    config = tl_xmalloc(strlen(base) + 32);
    sprintf(config, "%s/.tradlint.toml", base);
  }
  if (access(config, F_OK) == 0 &&
      (st = tl_config_load(&cfg, config, &err)) != TL_OK) {
    ;
  } else if (cfg.words.n > 0) {
    target = tl_xstrdup(cfg.words.v[0]);
  } else {
    char *dir = dir_of(config);
    target = tl_xmalloc(strlen(dir) + 16);
    sprintf(target, "%s/palavras.txt", dir);
    free(dir);
    st = add_words_key(config, &err);
  }
  if (st == TL_OK)
    st = append_word(target, word, &err);
  tl_config_fini(&cfg);
  if (st != TL_OK) {
    snprintf(msg, sizeof msg, _("tradlint: não foi possível adicionar '%s': %s"),
             word, err.msg);
    show_message(s, 1, msg);
    reply_error(s, id, RPC_INVALID_PARAMS, msg);
  } else {
    snprintf(msg, sizeof msg, _("tradlint: '%s' adicionada a %s"), word,
             target);
    show_message(s, 3, msg);
    reply(s, id, NULL);
    free_linters(s); /* the word lists changed */
    for (size_t i = 0; i < s->ndocs; i++) {
      free(s->docs[i].config);
      s->docs[i].config = NULL;
      publish(s, &s->docs[i]);
    }
  }
  free(target);
  free(config);
}

static const char *concept_note(lsp *s, lsp_doc *d, const char *concept)
{
  tl_linter *l = NULL;
  tl_map_slot *slot;

  for (size_t i = 0; d->config != NULL && i < s->nlin; i++)
    if (strcmp(s->lin[i].config, d->config) == 0)
      l = s->lin[i].l;
  if (l == NULL || l->gloss == NULL || concept == NULL)
    return NULL;
  slot = tl_map_find(&l->gloss->ids, concept, strlen(concept));
  if (slot == NULL || slot->value >= l->gloss->nc)
    return NULL;
  return l->gloss->c[slot->value].note;
}

static void hover(lsp *s, json_t *id, json_t *params)
{
  lsp_doc *d = find_doc(s, json_string_value(json_object_get(
                               json_object_get(params, "textDocument"),
                               "uri")));
  tl_buf md;
  size_t at, first = 0, last = 0;
  bool any = false;
  lines li;

  if (d == NULL || d->r == NULL) {
    reply(s, id, NULL);
    return;
  }
  at = offset_of(d->text, d->len, json_object_get(params, "position"));
  tl_buf_init(&md);
  for (size_t i = 0; i < tl_result_count(d->r); i++) {
    const tl_finding *f = tl_result_get(d->r, i);
    const char *note;
    if (at < f->offset || at > f->offset + f->length)
      continue;
    if (!any)
      first = f->offset;
    if (f->offset + f->length > last)
      last = f->offset + f->length;
    tl_buf_printf(&md, "%s**%s** (%s, `%s`)\n", any ? "\n---\n\n" : "",
                  f->message, severity_word(f->severity), f->rule);
    for (size_t k = 0; k < f->nsuggestions; k++)
      tl_buf_printf(&md, "%s`%s`", k ? ", " : _("\nSugestões: "),
                    f->suggestions[k]);
    if (f->nsuggestions > 0)
      tl_buf_adds(&md, "\n");
    note = concept_note(s, d, f->concept);
    if (note != NULL && note[0] != '\0')
      tl_buf_printf(&md, _("\nGlossário (`%s`): %s\n"), f->concept, note);
    any = true;
  }
  if (!any) {
    tl_buf_fini(&md);
    reply(s, id, NULL);
    return;
  }
  lines_init(&li, d->text, d->len);
  reply(s, id,
        json_pack("{s:{s:s,s:s},s:o}", "contents", "kind", "markdown",
                  "value", tl_buf_cstr(&md), "range",
                  range_of(&li, d->text, first, last)));
  lines_fini(&li);
  tl_buf_fini(&md);
}

/* ---- the session -------------------------------------------------------- */

static json_t *capabilities(void)
{
  return json_pack(
      "{s:{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s,s]},s:b,s:{s:[s]}},"
      "s:{s:s,s:s}}",
      "capabilities", "positionEncoding", "utf-16", "textDocumentSync",
      "openClose", 1, "change", 1, "save", "includeText", 1,
      "codeActionProvider", "codeActionKinds", "quickfix",
      "source.fixAll.tradlint", "hoverProvider", 1, "executeCommandProvider",
      "commands", "tradlint.addWord", "serverInfo", "name", "tradlint",
      "version", TL_VERSION);
}

static void initialize(lsp *s, json_t *id, json_t *params)
{
  const char *root = json_string_value(json_object_get(params, "rootUri"));
  json_t *folders = json_object_get(params, "workspaceFolders");

  if (json_is_array(folders) && json_array_size(folders) > 0)
    root = json_string_value(
        json_object_get(json_array_get(folders, 0), "uri"));
  free(s->root);
  s->root = root != NULL ? uri_to_path(root) : NULL;
  if (s->root == NULL) {
    const char *rp = json_string_value(json_object_get(params, "rootPath"));
    s->root = rp != NULL ? tl_xstrdup(rp) : NULL;
  }
  s->initialized = true;
  reply(s, id, capabilities());
}

/* One message; false when the session ends. */
static bool handle(lsp *s, json_t *msg, int *exit_status)
{
  json_t *id = json_object_get(msg, "id");
  const char *method = json_string_value(json_object_get(msg, "method"));
  json_t *params = json_object_get(msg, "params");
  bool request = id != NULL;

  if (!json_is_object(msg) || (method == NULL && !request)) {
    reply_error(s, NULL, RPC_INVALID_REQUEST, _("mensagem JSON-RPC inválida"));
    return true;
  }
  if (method == NULL)
    return true; /* a response to us: we send no requests */
  if (request && !json_is_integer(id) && !json_is_string(id)) {
    reply_error(s, NULL, RPC_INVALID_REQUEST, _("id inválido"));
    return true;
  }
  if (strcmp(method, "exit") == 0) {
    *exit_status = s->shutdown ? 0 : 1;
    return false;
  }
  if (strcmp(method, "initialize") == 0) {
    if (request)
      initialize(s, id, params);
    return true;
  }
  if (!s->initialized) {
    if (request)
      reply_error(s, id, RPC_NOT_INITIALIZED, _("servidor não inicializado"));
    return true;
  }
  if (s->shutdown) {
    if (request)
      reply_error(s, id, RPC_INVALID_REQUEST, _("o servidor foi encerrado"));
    return true;
  }
  if (strcmp(method, "shutdown") == 0) {
    s->shutdown = true;
    if (request)
      reply(s, id, NULL);
  } else if (strcmp(method, "textDocument/didOpen") == 0) {
    did_open(s, params);
  } else if (strcmp(method, "textDocument/didChange") == 0) {
    did_change(s, params);
  } else if (strcmp(method, "textDocument/didSave") == 0) {
    did_save(s, params);
  } else if (strcmp(method, "textDocument/didClose") == 0) {
    did_close(s, params);
  } else if (strcmp(method, "textDocument/codeAction") == 0 && request) {
    code_action(s, id, params);
  } else if (strcmp(method, "textDocument/hover") == 0 && request) {
    hover(s, id, params);
  } else if (strcmp(method, "workspace/executeCommand") == 0 && request) {
    const char *cmd = json_string_value(json_object_get(params, "command"));
    if (cmd != NULL && strcmp(cmd, "tradlint.addWord") == 0)
      add_word(s, id, json_object_get(params, "arguments"));
    else
      reply_error(s, id, RPC_INVALID_PARAMS, _("comando desconhecido"));
  } else if (request) {
    char m[300];
    snprintf(m, sizeof m, _("método desconhecido: %.200s"), method);
    reply_error(s, id, RPC_METHOD_NOT_FOUND, m);
  }
  return true;
}

tl_status tl_lsp_run(FILE *in, FILE *out, const tl_lsp_options *o,
                     tl_error *err)
{
  lsp s;
  int exit_status = 1;
  bool go_on = true;

  memset(&s, 0, sizeof s);
  s.in = in;
  s.out = out;
  s.o = o;
  while (go_on) {
    char *body;
    size_t len;
    json_error_t jerr;
    json_t *msg;
    int r = read_msg(&s, &body, &len);
    if (r == 0)
      break;
    if (r < 0) {
      logf_(&s, "%s",
            _("mensagem sem um Content-Length válido: ignorada"));
      reply_error(&s, NULL, RPC_PARSE_ERROR,
                  _("cabeçalho Content-Length ausente ou inválido"));
      continue;
    }
    msg = json_loadb(body, len, JSON_ALLOW_NUL, &jerr);
    free(body);
    if (msg == NULL) {
      char m[300];
      snprintf(m, sizeof m, _("JSON inválido (coluna %d: %s)"), jerr.column,
               jerr.text);
      logf_(&s, "%s", m);
      reply_error(&s, NULL, RPC_PARSE_ERROR, m);
      continue;
    }
    go_on = handle(&s, msg, &exit_status);
    json_decref(msg);
  }
  for (size_t i = 0; i < s.ndocs; i++)
    doc_free(&s.docs[i]);
  free(s.docs);
  free_linters(&s);
  free(s.lin);
  free(s.root);
  if (exit_status != 0)
    return tl_error_set(err, TL_EIO,
                        go_on ? _("a entrada do cliente LSP terminou sem "
                                "'shutdown' e 'exit'")
                              : _("'exit' sem 'shutdown' antes"));
  return TL_OK;
}
