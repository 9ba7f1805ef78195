/* Report writers (text, json): one signature, as cmark's renderers. */
#ifndef TL_REPORT_H
#define TL_REPORT_H

#include "diag.h"

struct tl_report {
  tl_format format;
  FILE *out;
  unsigned flags;
  size_t counts[3]; /* by tl_severity */
  size_t files, words;
  bool started;
  size_t items; /* results written (SARIF) */
  char *root; /* for SARIF artifact URIs */
};

void tl_report_text_add(tl_report *rep, const tl_result *r);
void tl_report_text_finish(tl_report *rep);
void tl_report_json_add(tl_report *rep, const tl_result *r);
void tl_report_json_finish(tl_report *rep);
void tl_report_sarif_add(tl_report *rep, const tl_result *r);
void tl_report_sarif_finish(tl_report *rep);

#endif
