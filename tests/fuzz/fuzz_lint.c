/* libFuzzer target: the whole document pipeline (input, markup, tokens,
 * every check, the reports) on arbitrary bytes. The first byte selects the
 * options; it is copied out, the rest is the document. */
#include "tradlint.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static tl_linter *linter;

static void setup(void)
{
  static const char *const glossary[] = {"glossary", NULL};
  tl_options opt;
  tl_error err;

  tl_options_init(&opt);
  opt.words_dir = "dictionaries";
  opt.glossary = glossary;
  opt.max_suggestions = 20;
  opt.report_unused_disables = true;
  if (tl_linter_new(&linter, &opt, &err) != TL_OK) {
    fprintf(stderr, "fuzz_lint: %s (run from the repository root)\n",
            err.msg);
    abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  uint8_t flags = 0;
  tl_result *r = NULL;
  tl_error err;
  tl_markup markup;

  if (linter == NULL)
    setup();
  if (size > 0) {
    memcpy(&flags, data, 1);
    data++;
    size--;
  }
  markup = (flags & 1) ? TL_MARKUP_PLAIN : TL_MARKUP_MARKDOWN;
  if (tl_lint_buffer(linter, "fuzz.md", (const char *)data, size, markup, &r,
                     &err) == TL_OK) {
    FILE *devnull = fopen("/dev/null", "w");
    tl_format fmt = (flags & 6) == 2   ? TL_FORMAT_JSON
                    : (flags & 6) == 4 ? TL_FORMAT_SARIF
                                       : TL_FORMAT_TEXT;
    tl_report *rep = tl_report_new(fmt, devnull, (flags & 8) ? TL_REPORT_COLOR : 0);
    char *fixed;
    size_t len, applied, skipped;
    tl_report_add(rep, r);
    tl_report_finish(rep);
    tl_report_free(rep);
    tl_result_fix(r, &fixed, &len, &applied, &skipped);
    tl_result_diff(r, devnull, "fuzz.md");
    free(fixed);
    fclose(devnull);
    tl_result_free(r);
  }
  return 0;
}
