/* The JSON report of DESIGN.md: stable key order, no timestamps. Strings
 * are escaped by jansson. */
#include "report.h"

#include "name.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Every string is valid UTF-8 in the output: names that are not keep
 * their bytes as "\\xNN" (name.h). */
static void put_str(FILE *out, const char *s, size_t n)
{
  tl_buf b;
  json_t *j;

  tl_buf_init(&b);
  tl_name_add_utf8(&b, s, n);
  j = json_stringn_nocheck(b.p ? b.p : "", b.len);
  json_dumpf(j, out, JSON_ENCODE_ANY);
  json_decref(j);
  tl_buf_fini(&b);
}

static void put_cstr(FILE *out, const char *s)
{
  put_str(out, s, strlen(s));
}

static void put_finding(FILE *out, const tl_result *r, const tl_finding *f)
{
  fputs("{\"rule\": ", out);
  put_cstr(out, f->rule);
  fputs(", \"category\": ", out);
  put_cstr(out, f->category);
  fprintf(out,
          ", \"severity\": \"%s\", \"line\": %u, \"column\": %u, "
          "\"end_line\": %u, \"end_column\": %u, \"offset\": %zu, "
          "\"length\": %zu, \"text\": ",
          tl_severity_name(f->severity), f->line, f->column, f->end_line,
          f->end_column, f->offset, f->length);
  put_str(out, r->data + f->offset, f->length);
  fputs(", \"message\": ", out);
  put_cstr(out, f->message);
  fputs(", \"suggestions\": [", out);
  for (size_t i = 0; i < f->nsuggestions; i++) {
    if (i)
      fputs(", ", out);
    put_cstr(out, f->suggestions[i]);
  }
  fputs("], \"concept\": ", out);
  if (f->concept != NULL)
    put_cstr(out, f->concept);
  else
    fputs("null", out);
  fprintf(out, ", \"fix\": %s", f->fix ? "true" : "false");
  if (f->source_path != NULL) {
    fputs(", \"source\": {\"path\": ", out);
    put_cstr(out, f->source_path);
    fprintf(out, ", \"line\": %u, \"column\": %u, \"text\": ",
            f->source_line, f->source_column);
    put_cstr(out, f->source_text != NULL ? f->source_text : "");
    fputc('}', out);
  }
  fputc('}', out);
}

static void header(tl_report *rep)
{
  fprintf(rep->out, "{\"tool\": {\"name\": \"tradlint\", \"version\": "
                    "\"%s\"},\n \"files\": [",
          TL_VERSION);
}

void tl_report_json_add(tl_report *rep, const tl_result *r)
{
  FILE *out = rep->out;

  if (!rep->started)
    header(rep);
  fputs(rep->started ? ",\n  {\"path\": " : "\n  {\"path\": ", out);
  put_cstr(out, r->path);
  fprintf(out, ", \"words\": %zu,\n   \"findings\": [", r->words);
  for (size_t i = 0; i < r->n; i++) {
    fputs(i ? ",\n    " : "\n    ", out);
    put_finding(out, r, &r->f[i]);
  }
  fputs("]}", out);
}

void tl_report_json_finish(tl_report *rep)
{
  if (!rep->started)
    header(rep);
  fprintf(rep->out,
          "],\n \"summary\": {\"files\": %zu, \"words\": %zu, \"errors\": %zu, "
          "\"warnings\": %zu, \"info\": %zu}}\n",
          rep->files, rep->words, rep->counts[TL_ERROR],
          rep->counts[TL_WARNING], rep->counts[TL_INFO]);
}
