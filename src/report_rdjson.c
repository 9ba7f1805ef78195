/* Reviewdog Diagnostic Format, rdjson: one DiagnosticResult whose
 * diagnostics carry the message, the location (columns in UTF-8 bytes,
 * end exclusive, as the format says), the severity, the rule as code with
 * its documentation URL, and the suggestions as replacements of the range
 * (reviewdog turns them into suggested changes). Streamed. */
#include "report.h"

#include "rules.h"

#include <jansson.h>
#include <stdlib.h>

static const char *severity(tl_severity s)
{
  return s == TL_ERROR ? "ERROR" : s == TL_WARNING ? "WARNING" : "INFO";
}

static json_t *range(const tl_result *r, const tl_finding *f)
{
  return json_pack("{s:{s:i,s:i},s:{s:i,s:i}}", "start", "line",
                   (json_int_t)f->line, "column",
                   (json_int_t)tl_report_byte_column(r, f->offset), "end",
                   "line", (json_int_t)f->end_line, "column",
                   (json_int_t)tl_report_byte_column(r, f->offset + f->length));
}

static void header(tl_report *rep)
{
  fputs("{\"source\": {\"name\": \"tradlint\"},\n \"diagnostics\": [", rep->out);
}

void tl_report_rdjson_add(tl_report *rep, const tl_result *r)
{
  char *path = tl_report_path(rep, r);

  if (!rep->started)
    header(rep);
  for (size_t i = 0; i < r->n; i++) {
    const tl_finding *f = &r->f[i];
    const tl_rule *rule = tl_rule_find(f->rule);
    json_t *d = json_object(), *code, *sugg;

    json_object_set_new(d, "message", json_string(f->message));
    json_object_set_new(d, "location", json_pack("{s:s,s:o}", "path", path,
                                                 "range", range(r, f)));
    json_object_set_new(d, "severity", json_string(severity(f->severity)));
    json_object_set_new(d, "source", json_pack("{s:s}", "name", "tradlint"));
    code = json_pack("{s:s}", "value", f->rule);
    if (rule != NULL) {
      char *uri = tl_rule_help_uri(rule);
      json_object_set_new(code, "url", json_string(uri));
      free(uri);
    }
    json_object_set_new(d, "code", code);
    if (f->nsuggestions > 0) {
      sugg = json_array();
      for (size_t k = 0; k < f->nsuggestions; k++)
        json_array_append_new(sugg, json_pack("{s:o,s:s}", "range", range(r, f),
                                              "text", f->suggestions[k]));
      json_object_set_new(d, "suggestions", sugg);
    }
    fputs(rep->items > 0 ? ",\n  " : "\n  ", rep->out);
    json_dumpf(d, rep->out, JSON_PRESERVE_ORDER | JSON_COMPACT);
    json_decref(d);
    rep->items++;
  }
  free(path);
}

void tl_report_rdjson_finish(tl_report *rep)
{
  if (!rep->started)
    header(rep);
  fputs("]}\n", rep->out);
}
