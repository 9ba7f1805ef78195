/* The library's source mode for the tests, until the CLI has it:
 *   align_files SRC TGT [json]      the alignment (tl_align_files)
 *   align_files --check SRC TGT [json|sarif|text|html]   source-mode
 *                                   findings (html: the folder ./report)
 *                                   (tl_lint_pair; word lists and glossary
 *                                   from $TRADLINT_DATA_DIR, else .) */
#include "tradlint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check(const char *src, const char *tgt, tl_format fmt)
{
  const char *data = getenv("TRADLINT_DATA_DIR");
  char words[4096], glossary[4096];
  const char *gloss[] = {glossary, NULL};
  tl_options opt;
  tl_linter *l;
  tl_result *r;
  tl_report *rep;
  tl_error err;

  if (data == NULL || data[0] == '\0')
    data = ".";
  snprintf(words, sizeof words, "%s/dictionaries", data);
  snprintf(glossary, sizeof glossary, "%s/glossary", data);
  tl_options_init(&opt);
  opt.words_dir = words;
  opt.glossary = gloss;
  if (tl_linter_new(&l, &opt, &err) != TL_OK ||
      tl_lint_pair(l, src, tgt, TL_MARKUP_AUTO, &r, &err) != TL_OK) {
    fprintf(stderr, "align_files: %s\n", err.msg);
    return 2;
  }
  if (fmt == TL_FORMAT_HTML) { /* a report folder: ./report */
    tl_report_dir *d;
    if (tl_report_dir_new(&d, "report", ".", &err) != TL_OK ||
        tl_report_dir_add(d, r, &err) != TL_OK ||
        tl_report_dir_finish(d, &err) != TL_OK) {
      fprintf(stderr, "align_files: %s\n", err.msg);
      return 2;
    }
    tl_report_dir_free(d);
  } else {
    rep = tl_report_new(fmt, stdout, 0);
    tl_report_add(rep, r);
    tl_report_finish(rep);
    tl_report_free(rep);
  }
  tl_result_free(r);
  tl_linter_free(l);
  return 0;
}

int main(int argc, char **argv)
{
  tl_alignment *al;
  tl_error err;
  tl_format fmt = TL_FORMAT_TEXT;

  if (argc >= 4 && strcmp(argv[1], "--check") == 0)
    return check(argv[2], argv[3],
                 argc < 5                          ? TL_FORMAT_JSON
                 : strcmp(argv[4], "sarif") == 0 ? TL_FORMAT_SARIF
                 : strcmp(argv[4], "text") == 0  ? TL_FORMAT_TEXT
                 : strcmp(argv[4], "html") == 0  ? TL_FORMAT_HTML
                                                  : TL_FORMAT_JSON);
  if (argc < 3) {
    fprintf(stderr, "usage: align_files SRC TGT [json] | --check SRC TGT\n");
    return 2;
  }
  if (argc > 3 && strcmp(argv[3], "json") == 0)
    fmt = TL_FORMAT_JSON;
  if (tl_align_files(argv[1], argv[2], TL_MARKUP_AUTO, &al, &err) != TL_OK) {
    fprintf(stderr, "align_files: %s\n", err.msg);
    return 2;
  }
  tl_alignment_write(al, fmt, stdout, &err);
  tl_alignment_free(al);
  return 0;
}
