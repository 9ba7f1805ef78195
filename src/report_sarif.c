/* SARIF 2.1.0 for GitHub code scanning: one run, every rule in
 * tool.driver, results with physical locations (columns in Unicode code
 * points, as run.columnKind says), safe fixes and partial fingerprints
 * that survive moved lines. Streamed: results are written file by file. */
#include "report.h"
#include "msg.h"

#include "rules.h"
#include "walk.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *level(tl_severity s)
{
  return s == TL_ERROR ? "error" : s == TL_WARNING ? "warning" : "note";
}

static void header(tl_report *rep)
{
  json_t *driver = json_object(), *rules = json_array();

  json_object_set_new(driver, "name", json_string("tradlint"));
  json_object_set_new(driver, "version", json_string(TL_VERSION));
  json_object_set_new(driver, "semanticVersion", json_string(TL_VERSION));
  for (size_t i = 0; i < tl_nrules; i++) {
    const tl_rule *r = &tl_rules[i];
    json_t *o = json_object(), *cfg = json_object(), *props = json_object();
    json_object_set_new(o, "id", json_string(r->id));
    json_object_set_new(o, "name", json_string(r->id));
    json_object_set_new(o, "shortDescription",
                        json_pack("{s:s}", "text", _(r->summary)));
    json_object_set_new(o, "fullDescription",
                        json_pack("{s:s}", "text", _(r->help)));
    {
      char *uri = tl_rule_help_uri(r);
      tl_buf md;
      tl_buf_init(&md);
      tl_buf_printf(&md, "**%s** (`%s`, %s)\n\n%s\n\n[%s](%s)",
                    _(r->summary), r->id, tl_severity_name(r->severity),
                    _(r->help), r->id, uri);
      json_object_set_new(o, "helpUri", json_string(uri));
      json_object_set_new(o, "help",
                          json_pack("{s:s,s:s}", "text", _(r->help),
                                    "markdown", md.p));
      tl_buf_fini(&md);
      free(uri);
    }
    json_object_set_new(cfg, "level", json_string(level(r->severity)));
    json_object_set_new(o, "defaultConfiguration", cfg);
    json_object_set_new(props, "category", json_string(r->category));
    json_object_set_new(props, "tags", json_pack("[s]", r->category));
    json_object_set_new(o, "properties", props);
    json_array_append_new(rules, o);
  }
  json_object_set_new(driver, "rules", rules);
  fputs("{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", "
        "\"version\": \"2.1.0\",\n \"runs\": [{\"tool\": {\"driver\": ",
        rep->out);
  json_dumpf(driver, rep->out, JSON_PRESERVE_ORDER | JSON_COMPACT);
  fputs("},\n  \"columnKind\": \"unicodeCodePoints\",\n  \"results\": [",
        rep->out);
  json_decref(driver);
}

static json_t *region(const tl_finding *f)
{
  return json_pack("{s:i,s:i,s:i,s:i}", "startLine", (json_int_t)f->line,
                   "startColumn", (json_int_t)f->column, "endLine",
                   (json_int_t)f->end_line, "endColumn",
                   (json_int_t)f->end_column);
}

void tl_report_sarif_add(tl_report *rep, const tl_result *r)
{
  char *path = tl_path_relative(rep->root, r->path);
  char *key = tl_report_uri(path), *uri = tl_report_uri_encoded(path);
  uint64_t *fps = tl_xcalloc(r->n + 1, sizeof *fps);

  /* relative to the repository root, a file outside it gets a file: URI;
   * percent-encoded, so that any file name is a valid URI */
  free(path);
  if (!rep->started)
    header(rep);
  tl_report_fingerprints(r, key, fps);
  free(key);
  for (size_t i = 0; i < r->n; i++) {
    const tl_finding *f = &r->f[i];
    json_t *res = json_object(), *loc, *fp;
    char hex[32];
    int idx = tl_rule_index(f->rule);

    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)fps[i]);
    json_object_set_new(res, "ruleId", json_string(f->rule));
    if (idx >= 0)
      json_object_set_new(res, "ruleIndex", json_integer(idx));
    json_object_set_new(res, "level", json_string(level(f->severity)));
    json_object_set_new(res, "message", json_pack("{s:s}", "text", f->message));
    loc = json_pack("{s:{s:{s:s},s:o}}", "physicalLocation",
                    "artifactLocation", "uri", uri, "region", region(f));
    json_object_set_new(
        json_object_get(json_object_get(loc, "physicalLocation"), "region"),
        "snippet",
        json_pack("{s:s%}", "text", r->data + f->offset, f->length));
    json_object_set_new(res, "locations", json_pack("[o]", loc));
    fp = json_pack("{s:s}", "tradlint/v1", hex);
    json_object_set_new(res, "partialFingerprints", fp);
    if (f->fix && f->nsuggestions > 0) {
      json_t *fix = json_pack(
          "{s:{s:s},s:[{s:{s:s},s:[{s:o,s:{s:s}}]}]}", "description", "text",
          _("Substituir pela sugestão"), "artifactChanges", "artifactLocation",
          "uri", uri, "replacements", "deletedRegion", region(f),
          "insertedContent", "text", f->suggestions[0]);
      json_object_set_new(res, "fixes", json_pack("[o]", fix));
    }
    if (f->source_path != NULL) { /* source mode: the original */
      char *srel = tl_path_relative(rep->root, f->source_path);
      char *suri = tl_report_uri(srel);
      free(srel);
      json_object_set_new(
          res, "relatedLocations",
          json_pack("[{s:i,s:{s:{s:s},s:{s:i,s:i,s:{s:s}}},s:{s:s}}]", "id",
                    (json_int_t)0, "physicalLocation", "artifactLocation",
                    "uri", suri, "region", "startLine",
                    (json_int_t)f->source_line, "startColumn",
                    (json_int_t)f->source_column, "snippet", "text",
                    f->source_text != NULL ? f->source_text : "", "message",
                    "text", "original"));
      free(suri);
    }
    if (f->concept != NULL)
      json_object_set_new(res, "properties",
                          json_pack("{s:s}", "concept", f->concept));
    fputs(rep->items > 0 ? ",\n   " : "\n   ", rep->out);
    json_dumpf(res, rep->out, JSON_PRESERVE_ORDER | JSON_COMPACT);
    json_decref(res);
    rep->items++;
  }
  free(fps);
  free(uri);
}

void tl_report_sarif_finish(tl_report *rep)
{
  if (!rep->started)
    header(rep);
  fputs("]}]}\n", rep->out);
}
