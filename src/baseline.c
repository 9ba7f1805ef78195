/* Baselines: a JSON file of fingerprints (tl_report_fingerprints) with
 * the path, rule and text of each finding for the people who review it:
 *   {"tool": "tradlint", "baseline": 1,
 *    "findings": [{"fingerprint": "9f0c...", "path": "a.md",
 *                  "rule": "terminology.forbidden", "text": "GPT-4.0"}]}
 * Entries are sorted (path, rule, text, fingerprint), so that a baseline
 * rewritten after a change shows only that change in a diff. */
#include "baseline.h"
#include "msg.h"

#include "diag.h"
#include "map.h"
#include "report.h"
#include "walk.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
  uint64_t fp;
  char *path, *rule, *text;
} entry;

struct tl_baseline {
  tl_map set; /* 16 hex digits -> 1 */
  entry *v;
  size_t n, cap;
};

tl_baseline *tl_baseline_new(void)
{
  tl_baseline *b = tl_xcalloc(1, sizeof *b);
  tl_map_init(&b->set);
  return b;
}

void tl_baseline_free(tl_baseline *b)
{
  if (b == NULL)
    return;
  for (size_t i = 0; i < b->n; i++) {
    free(b->v[i].path);
    free(b->v[i].rule);
    free(b->v[i].text);
  }
  free(b->v);
  tl_map_fini(&b->set);
  free(b);
}

size_t tl_baseline_count(const tl_baseline *b)
{
  return b->n;
}

static void hex(uint64_t fp, char out[17])
{
  snprintf(out, 17, "%016" PRIx64, fp);
}

bool tl_baseline_has(const tl_baseline *b, uint64_t fp)
{
  char h[17];
  hex(fp, h);
  return tl_map_find(&b->set, h, 16) != NULL;
}

static void put(tl_baseline *b, uint64_t fp, const char *path,
                const char *rule, const char *text, size_t tlen)
{
  char h[17];
  bool created;
  entry *e;

  hex(fp, h);
  tl_map_put(&b->set, h, 16, 1, &created);
  if (!created)
    return;
  TL_GROW(b->v, b->cap, b->n + 1);
  e = &b->v[b->n++];
  e->fp = fp;
  e->path = tl_xstrdup(path);
  e->rule = tl_xstrdup(rule);
  e->text = tl_xstrndup(text, tlen);
}

void tl_baseline_add(tl_baseline *b, const tl_result *r, const char *root)
{
  char *path = tl_path_relative(root, r->path), *uri = tl_report_uri(path);
  uint64_t *fp = tl_xcalloc(r->n + 1, sizeof *fp);

  tl_report_fingerprints(r, uri, fp);
  for (size_t i = 0; i < r->n; i++)
    put(b, fp[i], path, r->f[i].rule, r->data + r->f[i].offset,
        r->f[i].length);
  free(fp);
  free(uri);
  free(path);
}

static int by_entry(const void *x, const void *y)
{
  const entry *a = x, *b = y;
  int c = strcmp(a->path, b->path);
  if (c == 0)
    c = strcmp(a->rule, b->rule);
  if (c == 0)
    c = strcmp(a->text, b->text);
  if (c == 0)
    c = a->fp < b->fp ? -1 : a->fp > b->fp;
  return c;
}

tl_status tl_baseline_write(const tl_baseline *b, const char *path,
                            tl_error *err)
{
  entry *v = tl_xcalloc(b->n + 1, sizeof *v);
  json_t *list = json_array(), *doc;
  char *text;
  tl_status st;

  memcpy(v, b->v, b->n * sizeof *v);
  qsort(v, b->n, sizeof *v, by_entry);
  for (size_t i = 0; i < b->n; i++) {
    char h[17];
    hex(v[i].fp, h);
    json_array_append_new(list, json_pack("{s:s,s:s,s:s,s:s}", "fingerprint",
                                          h, "path", v[i].path, "rule",
                                          v[i].rule, "text", v[i].text));
  }
  free(v);
  doc = json_pack("{s:s,s:i,s:o}", "tool", "tradlint", "baseline", 1,
                  "findings", list);
  text = json_dumps(doc, JSON_PRESERVE_ORDER | JSON_INDENT(1));
  json_decref(doc);
  {
    tl_buf out;
    tl_buf_init(&out);
    tl_buf_adds(&out, text);
    tl_buf_addc(&out, '\n');
    st = tl_write_file_atomic(path, out.p, out.len, err);
    tl_buf_fini(&out);
  }
  free(text);
  return st;
}

tl_status tl_baseline_load(tl_baseline **out, const char *path,
                           tl_error *err)
{
  json_error_t je;
  json_t *doc = json_load_file(path, 0, &je), *list;
  tl_baseline *b;
  size_t i;
  json_t *item;

  *out = NULL;
  if (doc == NULL) {
    if (je.line < 0)
      return tl_error_set(err, TL_EIO,
                          _("%s: não foi possível ler a linha de base: %s"),
                          path, je.text);
    return tl_error_set(err, TL_EUSAGE, _("%s:%d:%d: linha de base inválida: %s"),
                        path, je.line, je.column, je.text);
  }
  list = json_object_get(doc, "findings");
  if (!json_is_array(list) ||
      !json_is_string(json_object_get(doc, "tool")) ||
      strcmp(json_string_value(json_object_get(doc, "tool")), "tradlint") !=
          0) {
    json_decref(doc);
    return tl_error_set(err, TL_EUSAGE,
                        _("%s: não é uma linha de base do tradlint (escreva-a "
                        "com --write-baseline)"),
                        path);
  }
  b = tl_baseline_new();
  json_array_foreach(list, i, item)
  {
    const char *h = json_string_value(json_object_get(item, "fingerprint"));
    const char *p = json_string_value(json_object_get(item, "path"));
    const char *r = json_string_value(json_object_get(item, "rule"));
    const char *t = json_string_value(json_object_get(item, "text"));
    char *end;
    uint64_t fp;
    if (h == NULL || strlen(h) != 16 || p == NULL || r == NULL || t == NULL ||
        (fp = strtoull(h, &end, 16), *end != '\0')) {
      json_decref(doc);
      tl_baseline_free(b);
      return tl_error_set(err, TL_EUSAGE,
                          _("%s: linha de base inválida: o achado %zu precisa "
                          "de fingerprint (16 dígitos hexadecimais), path, "
                          "rule e text"),
                          path, i + 1);
    }
    put(b, fp, p, r, t, strlen(t));
  }
  json_decref(doc);
  *out = b;
  return TL_OK;
}
