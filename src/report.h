/* Report writers: one module per format, one signature (cmark's
 * renderers): tl_report_FORMAT_add writes one document's findings,
 * tl_report_FORMAT_finish closes the output. report.c picks the writer,
 * drops findings below the minimum level or in the baseline, and counts. */
#ifndef TL_REPORT_H
#define TL_REPORT_H

#include "diag.h"

struct tl_report {
  tl_format format;
  FILE *out;
  unsigned flags;
  tl_severity min_level;       /* findings below it are not reported */
  const tl_baseline *baseline; /* findings in it are not reported */
  size_t baselined;            /* findings left out for the baseline */
  size_t counts[3];            /* reported findings, by tl_severity */
  size_t hidden[3];            /* findings below the minimum level */
  size_t files, words;
  bool started;
  size_t items; /* results written (SARIF, rdjson) */
  char *root;   /* paths are made relative to it */
  tl_buf body;  /* what a format keeps until the end (JUnit) */
};

void tl_report_text_add(tl_report *rep, const tl_result *r);
void tl_report_text_finish(tl_report *rep);
void tl_report_json_add(tl_report *rep, const tl_result *r);
void tl_report_json_finish(tl_report *rep);
void tl_report_sarif_add(tl_report *rep, const tl_result *r);
void tl_report_sarif_finish(tl_report *rep);
void tl_report_github_add(tl_report *rep, const tl_result *r);
void tl_report_github_finish(tl_report *rep);
void tl_report_rdjson_add(tl_report *rep, const tl_result *r);
void tl_report_rdjson_finish(tl_report *rep);
void tl_report_checkstyle_add(tl_report *rep, const tl_result *r);
void tl_report_checkstyle_finish(tl_report *rep);
void tl_report_junit_add(tl_report *rep, const tl_result *r);
void tl_report_junit_finish(tl_report *rep);

/* The path of @r as reports show it: relative to the report's root when
 * under it, else absolute ("-" as given), made safe for the report's
 * format (name.h: terminal-safe for text and github, valid UTF-8 for the
 * rest). Owned by the caller. */
char *tl_report_path(const tl_report *rep, const tl_result *r);

/* The artifact URI of a raw @path (tl_path_relative's): percent-encoded
 * (name.h), "file://" before an absolute one. Owned by the caller. */
char *tl_report_uri_encoded(const char *path);

/* The key that fingerprints are computed from for a raw @path
 * (tl_path_relative's): the path itself, or a file: URI for an absolute
 * one; kept unencoded so that fingerprints do not change. Owned by the
 * caller. */
char *tl_report_uri(const char *path);

/* Fingerprints of every finding of @r (@uri as tl_report_uri gives it):
 * a hash of rule, file and the finding's text with its occurrence index
 * among findings of the same rule and text, so that it survives lines
 * added or removed elsewhere. @out has room for r->n values. */
void tl_report_fingerprints(const tl_result *r, const char *uri,
                            uint64_t *out);

/* Append s[0..n) escaped for XML text and attributes: & < > " ' as
 * tl_buf_add_html escapes them, tab and line ends as character references,
 * characters XML 1.0 does not allow as U+FFFD. */
void tl_report_add_xml(tl_buf *b, const char *s, size_t n);

/* 1-based byte column (UTF-8 bytes from the line's start, BOM left out)
 * of offset @off, for formats that count bytes (rdjson). */
unsigned tl_report_byte_column(const tl_result *r, size_t off);

/* Append @s as a relative link target: bytes that would break an
 * attribute or change the link's meaning (space, " % # ? < > & ', non-ASCII)
 * percent-encoded. */
void tl_report_add_href(tl_buf *b, const char *s);

/* Repeats: findings of @r with the same rule, text and message form a
 * group. leader[i] gets the index of the first finding of i's group and,
 * for a leader, count[i] the size of its group. Returns the number of
 * groups. The text and HTML reports list a group once. */
size_t tl_report_group(const tl_result *r, size_t *leader, size_t *count);

#endif
