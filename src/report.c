/* The report writer: picks the format's module, leaves out findings below
 * the minimum level or in the baseline, counts what it reports. Helpers
 * the format modules share (paths, fingerprints, XML escaping, byte
 * columns) live here too. */
#include "report.h"

#include "baseline.h"
#include "map.h"
#include "name.h"
#include "utf8.h"
#include "walk.h"

#include <stdlib.h>
#include <string.h>

typedef struct format_def {
  tl_format format;
  const char *name;
  void (*add)(tl_report *, const tl_result *); /* NULL: not a report */
  void (*finish)(tl_report *);
  tl_severity min_level; /* the default */
} format_def;

static const format_def FORMATS[] = {
    {TL_FORMAT_TEXT, "text", tl_report_text_add, tl_report_text_finish,
     TL_WARNING},
    {TL_FORMAT_JSON, "json", tl_report_json_add, tl_report_json_finish,
     TL_INFO},
    {TL_FORMAT_SARIF, "sarif", tl_report_sarif_add, tl_report_sarif_finish,
     TL_WARNING},
    {TL_FORMAT_GITHUB, "github", tl_report_github_add,
     tl_report_github_finish, TL_WARNING},
    {TL_FORMAT_RDJSON, "rdjson", tl_report_rdjson_add,
     tl_report_rdjson_finish, TL_INFO},
    {TL_FORMAT_CHECKSTYLE, "checkstyle", tl_report_checkstyle_add,
     tl_report_checkstyle_finish, TL_INFO},
    {TL_FORMAT_JUNIT, "junit", tl_report_junit_add, tl_report_junit_finish,
     TL_INFO},
    {TL_FORMAT_HTML, "html", NULL, NULL, TL_INFO},
    {TL_FORMAT_TSV, "tsv", NULL, NULL, TL_INFO},
    {TL_FORMAT_CSV, "csv", NULL, NULL, TL_INFO},
    {TL_FORMAT_TBX, "tbx", NULL, NULL, TL_INFO},
    {TL_FORMAT_JSONL, "jsonl", NULL, NULL, TL_INFO},
};
#define NFORMATS (sizeof FORMATS / sizeof FORMATS[0])

static const format_def *find_format(tl_format f)
{
  for (size_t i = 0; i < NFORMATS; i++)
    if (FORMATS[i].format == f)
      return &FORMATS[i];
  return &FORMATS[0];
}

bool tl_format_parse(const char *name, tl_format *out)
{
  for (size_t i = 0; i < NFORMATS; i++)
    if (strcmp(FORMATS[i].name, name) == 0) {
      *out = FORMATS[i].format;
      return true;
    }
  return false;
}

const char *tl_format_name(tl_format f)
{
  return find_format(f)->name;
}

bool tl_format_is_report(tl_format f)
{
  const format_def *d = find_format(f);
  return d->format == f && d->add != NULL;
}

tl_report *tl_report_new(tl_format format, FILE *out, unsigned flags)
{
  tl_report *rep = tl_xcalloc(1, sizeof *rep);

  if (!tl_format_is_report(format))
    format = TL_FORMAT_TEXT;
  rep->format = format;
  rep->out = out;
  rep->flags = flags;
  rep->min_level = find_format(format)->min_level;
  tl_buf_init(&rep->body);
  return rep;
}

void tl_report_set_min_level(tl_report *rep, tl_severity min)
{
  rep->min_level = min;
}

void tl_report_set_baseline(tl_report *rep, const tl_baseline *b)
{
  rep->baseline = b;
}

size_t tl_report_baselined(const tl_report *rep)
{
  return rep->baselined;
}

/* Formats read on a terminal or a CI log: names lose their controls. */
static bool is_terminal(tl_format f)
{
  return f == TL_FORMAT_TEXT || f == TL_FORMAT_GITHUB;
}

/* @s made safe for a terminal or as UTF-8, in @a. */
static const char *safe_name(tl_arena *a, bool terminal, const char *s)
{
  tl_buf b;
  char *out;

  tl_buf_init(&b);
  if (terminal)
    tl_name_add_text(&b, s, strlen(s));
  else
    tl_name_add_utf8(&b, s, strlen(s));
  out = tl_arena_strndup(a, b.p ? b.p : "", b.len);
  tl_buf_fini(&b);
  return out;
}

void tl_report_add(tl_report *rep, const tl_result *r)
{
  const format_def *d = find_format(rep->format);
  tl_result view = *r; /* the findings to report: a filtered view */
  tl_finding *kept = NULL;
  tl_arena clean;
  bool arena_used = false;

  if (rep->min_level > TL_INFO || rep->baseline != NULL) {
    uint64_t *fp = NULL;
    if (rep->baseline != NULL && r->n > 0) {
      char *path = tl_path_relative(rep->root, r->path);
      char *uri = tl_report_uri(path);
      fp = tl_xcalloc(r->n, sizeof *fp);
      tl_report_fingerprints(r, uri, fp);
      free(uri);
      free(path);
    }
    size_t nkept = 0;
    for (size_t i = 0; i < r->n; i++) {
      if (r->f[i].severity < rep->min_level)
        rep->hidden[r->f[i].severity]++;
      else if (fp != NULL && tl_baseline_has(rep->baseline, fp[i]))
        rep->baselined++;
      else
        nkept++;
    }
    /* a copy only when something is left out: a long document's findings
     * are not held twice for nothing */
    if (nkept < r->n) {
      kept = tl_xcalloc(nkept + 1, sizeof *kept);
      view.f = kept;
      view.n = 0;
      for (size_t i = 0; i < r->n; i++)
        if (r->f[i].severity >= rep->min_level &&
            !(fp != NULL && tl_baseline_has(rep->baseline, fp[i])))
          kept[view.n++] = r->f[i];
    }
    free(fp);
  }
  /* messages quote names (the archive's example documents): made safe
   * for the format, as paths are */
  for (size_t i = 0; i < view.n; i++) {
    const char *m = view.f[i].message;
    /* github escapes line ends and controls itself (its own syntax) */
    if (!tl_name_is_safe(m, strlen(m), rep->format == TL_FORMAT_TEXT)) {
      if (kept == NULL) {
        kept = tl_xcalloc(view.n + 1, sizeof *kept);
        memcpy(kept, view.f, view.n * sizeof *kept);
        view.f = kept;
      }
      if (!arena_used)
        tl_arena_init(&clean);
      arena_used = true;
      kept[i].message = safe_name(&clean, rep->format == TL_FORMAT_TEXT, m);
    }
  }
  rep->files++;
  rep->words += r->words;
  for (size_t i = 0; i < view.n; i++)
    rep->counts[view.f[i].severity]++;
  d->add(rep, &view);
  rep->started = true;
  free(kept);
  if (arena_used)
    tl_arena_fini(&clean);
}

void tl_report_finish(tl_report *rep)
{
  find_format(rep->format)->finish(rep);
  fflush(rep->out);
}

size_t tl_report_count(const tl_report *rep, tl_severity s)
{
  return s <= TL_ERROR ? rep->counts[s] : 0;
}

size_t tl_report_hidden(const tl_report *rep, tl_severity s)
{
  return s <= TL_ERROR ? rep->hidden[s] : 0;
}

size_t tl_report_files(const tl_report *rep)
{
  return rep->files;
}

void tl_report_set_root(tl_report *rep, const char *root)
{
  free(rep->root);
  rep->root = root != NULL ? tl_xstrdup(root) : NULL;
}

void tl_report_free(tl_report *rep)
{
  if (rep == NULL)
    return;
  tl_buf_fini(&rep->body);
  free(rep->root);
  free(rep);
}

/* ---- shared by the format modules ------------------------------------- */

char *tl_report_path(const tl_report *rep, const tl_result *r)
{
  char *raw = tl_path_relative(rep->root, r->path);
  tl_buf b;

  tl_buf_init(&b);
  if (is_terminal(rep->format))
    tl_name_add_text(&b, raw, strlen(raw));
  else
    tl_name_add_utf8(&b, raw, strlen(raw));
  free(raw);
  tl_buf_cstr(&b);
  return b.p;
}

char *tl_report_uri_encoded(const char *path)
{
  tl_buf b;

  tl_buf_init(&b);
  if (path[0] == '/')
    tl_buf_adds(&b, "file://");
  tl_name_add_uri(&b, path, strlen(path));
  tl_buf_cstr(&b);
  return b.p;
}

char *tl_report_uri(const char *path)
{
  char *uri;

  if (path[0] != '/')
    return tl_xstrdup(path);
  uri = tl_xmalloc(strlen(path) + 8);
  sprintf(uri, "file://%s", path);
  return uri;
}

void tl_report_fingerprints(const tl_result *r, const char *uri,
                            uint64_t *out)
{
  tl_map seen; /* (rule, text) -> occurrences so far */
  tl_buf key;

  tl_map_init(&seen);
  tl_buf_init(&key);
  for (size_t i = 0; i < r->n; i++) {
    const tl_finding *f = &r->f[i];
    tl_map_slot *slot;
    tl_buf_clear(&key);
    tl_buf_printf(&key, "%s\x1f%s\x1f", f->rule, uri);
    tl_buf_add(&key, r->data + f->offset, f->length);
    slot = tl_map_put(&seen, key.p, key.len, 0, NULL);
    tl_buf_printf(&key, "\x1f%u", slot->value++);
    out[i] = tl_hash(key.p, key.len);
  }
  tl_buf_fini(&key);
  tl_map_fini(&seen);
}

void tl_report_add_xml(tl_buf *b, const char *s, size_t n)
{
  size_t run = 0; /* start of the bytes tl_buf_add_html escapes as they are */

  for (size_t i = 0; i < n;) {
    size_t adv;
    int32_t cp = tl_utf8_decode(s + i, n - i, &adv);
    if (adv == 0)
      adv = 1;
    if (cp == 0xFFFD && adv == 1) { /* not UTF-8: shown as its byte */
      tl_buf_add_html(b, s + run, i - run);
      tl_buf_printf(b, "\\x%02X", (unsigned)(unsigned char)s[i]);
      run = ++i;
      continue;
    }
    if (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF &&
        !(cp >= 0xD800 && cp <= 0xDFFF)) {
      i += adv;
      continue;
    }
    tl_buf_add_html(b, s + run, i - run);
    if (cp == '\n' || cp == '\r' || cp == '\t')
      tl_buf_printf(b, "&#%d;", (int)cp); /* kept through attribute values */
    else
      tl_buf_adds(b, "\xEF\xBF\xBD"); /* not allowed in XML 1.0 */
    i += adv;
    run = i;
  }
  tl_buf_add_html(b, s + run, n - run);
}

unsigned tl_report_byte_column(const tl_result *r, size_t off)
{
  size_t start = off;

  while (start > 0 && r->data[start - 1] != '\n' && r->data[start - 1] != '\r')
    start--;
  if (start < r->bom)
    start = r->bom;
  return (unsigned)(off - start + 1);
}

size_t tl_report_group(const tl_result *r, size_t *leader, size_t *count)
{
  tl_map seen; /* rule, text, message -> index of the first + 1 */
  tl_buf key;
  size_t groups = 0;

  tl_map_init(&seen);
  tl_buf_init(&key);
  for (size_t i = 0; i < r->n; i++) {
    const tl_finding *f = &r->f[i];
    bool created;
    tl_map_slot *slot;
    tl_buf_clear(&key); /* rule \x1f text \x1f message, without printf */
    tl_buf_adds(&key, f->rule != NULL ? f->rule : "(null)");
    tl_buf_addc(&key, '\x1f');
    tl_buf_add(&key, r->data + f->offset, f->length);
    tl_buf_addc(&key, '\x1f');
    tl_buf_adds(&key, f->message != NULL ? f->message : "(null)");
    slot = tl_map_put(&seen, key.p, key.len, (uint32_t)i, &created);
    leader[i] = slot->value;
    count[i] = 0;
    count[leader[i]]++;
    groups += created;
  }
  tl_buf_fini(&key);
  tl_map_fini(&seen);
  return groups;
}
