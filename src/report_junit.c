/* JUnit XML, for CI systems that show test results (GitLab, Jenkins,
 * Azure): a <testsuite> per checked file; each finding is a failing
 * <testcase> named "LINE:COLUMN RULE", its <failure> carrying the severity
 * as type, the message and the compiler-style line; a file without
 * findings is one passing <testcase>. No timestamps, no durations. The
 * totals head the document, so the suites are kept until the end. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

static void xml(tl_buf *b, const char *s)
{
  tl_report_add_xml(b, s, strlen(s));
}

void tl_report_junit_add(tl_report *rep, const tl_result *r)
{
  char *path = tl_report_path(rep, r);
  tl_buf *b = &rep->body;

  tl_buf_adds(b, " <testsuite name=\"");
  xml(b, path);
  tl_buf_printf(b, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
                   "skipped=\"0\">\n",
                r->n > 0 ? r->n : 1, r->n);
  if (r->n == 0) {
    rep->items++; /* files without findings: one passing test each */
    tl_buf_adds(b, "  <testcase name=\"tradlint\" classname=\"");
    xml(b, path);
    tl_buf_adds(b, "\"/>\n");
  }
  for (size_t i = 0; i < r->n; i++) {
    const tl_finding *f = &r->f[i];
    tl_buf_printf(b, "  <testcase name=\"%u:%u ", f->line, f->column);
    xml(b, f->rule);
    tl_buf_adds(b, "\" classname=\"");
    xml(b, path);
    tl_buf_printf(b, "\">\n   <failure type=\"%s\" message=\"",
                  tl_severity_name(f->severity));
    xml(b, f->message);
    tl_buf_adds(b, "\">");
    xml(b, path);
    tl_buf_printf(b, ":%u:%u: %s: ", f->line, f->column,
                  tl_severity_name(f->severity));
    xml(b, f->message);
    tl_buf_adds(b, " [");
    xml(b, f->rule);
    tl_buf_adds(b, "]");
    for (size_t k = 0; k < f->nsuggestions; k++) {
      xml(b, k ? ", " : " → ");
      xml(b, f->suggestions[k]);
    }
    tl_buf_adds(b, "</failure>\n  </testcase>\n");
  }
  tl_buf_adds(b, " </testsuite>\n");
  free(path);
}

void tl_report_junit_finish(tl_report *rep)
{
  size_t failures = rep->counts[0] + rep->counts[1] + rep->counts[2];
  size_t tests = failures + rep->items;

  fprintf(rep->out,
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<testsuites name=\"tradlint\" tests=\"%zu\" failures=\"%zu\" "
          "errors=\"0\">\n",
          tests, failures);
  if (rep->body.len > 0)
    fwrite(rep->body.p, 1, rep->body.len, rep->out);
  fputs("</testsuites>\n", rep->out);
}
