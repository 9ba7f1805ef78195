/* Checkstyle XML, as reviewdog (-f=checkstyle), Jenkins and most CI
 * dashboards read it: a <file> per checked file, an <error> per finding
 * with line, column, severity (error, warning, info), message and the rule
 * as source ("tradlint.spelling.unknown"). Streamed. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

static void header(tl_report *rep)
{
  fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<checkstyle version=\"4.3\">\n",
        rep->out);
}

static void xml(tl_buf *b, const char *s)
{
  tl_report_add_xml(b, s, strlen(s));
}

void tl_report_checkstyle_add(tl_report *rep, const tl_result *r)
{
  char *path = tl_report_path(rep, r);
  tl_buf b;

  if (!rep->started)
    header(rep);
  tl_buf_init(&b);
  tl_buf_adds(&b, "<file name=\"");
  xml(&b, path);
  tl_buf_adds(&b, "\">\n");
  for (size_t i = 0; i < r->n; i++) {
    const tl_finding *f = &r->f[i];
    tl_buf_printf(&b, "<error line=\"%u\" column=\"%u\" severity=\"%s\" "
                      "message=\"",
                  f->line, f->column, tl_severity_name(f->severity));
    xml(&b, f->message);
    for (size_t k = 0; k < f->nsuggestions; k++) {
      xml(&b, k ? ", " : " → ");
      xml(&b, f->suggestions[k]);
    }
    tl_buf_adds(&b, "\" source=\"tradlint.");
    xml(&b, f->rule);
    tl_buf_adds(&b, "\"/>\n");
  }
  tl_buf_adds(&b, "</file>\n");
  fwrite(b.p, 1, b.len, rep->out);
  tl_buf_fini(&b);
  free(path);
}

void tl_report_checkstyle_finish(tl_report *rep)
{
  if (!rep->started)
    header(rep);
  fputs("</checkstyle>\n", rep->out);
}
