/* libFuzzer target: source mode on arbitrary bytes. The first byte selects
 * the mode: odd, the rest is an XLIFF document (libxml2, the element
 * scanner, unit pairing, remapping, fixes); even, the rest is a source and
 * a translation separated by a NUL byte (alignment, anchors, sentence
 * splitting, the source checks, term pairs, the reports of a pair). */
#include "lint.h"

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
  opt.max_suggestions = 5;
  if (tl_linter_new(&linter, &opt, &err) != TL_OK) {
    fprintf(stderr, "fuzz_source: %s (run from the repository root)\n",
            err.msg);
    abort();
  }
}

static void report(tl_result *r, uint8_t flags)
{
  FILE *devnull = fopen("/dev/null", "w");
  tl_format fmt = (flags & 6) == 2   ? TL_FORMAT_JSON
                  : (flags & 6) == 4 ? TL_FORMAT_SARIF
                                     : TL_FORMAT_TEXT;
  tl_report *rep = tl_report_new(fmt, devnull, 0);
  char *fixed;
  size_t len, applied, skipped;

  tl_report_add(rep, r);
  tl_report_finish(rep);
  tl_report_free(rep);
  tl_result_fix(r, &fixed, &len, &applied, &skipped);
  free(fixed);
  fclose(devnull);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  uint8_t flags = 0;
  tl_result *r = NULL;
  tl_error err;

  if (linter == NULL)
    setup();
  if (size > 0) {
    memcpy(&flags, data, 1);
    data++;
    size--;
  }
  if (flags & 1) {
    if (tl_lint_buffer(linter, "fuzz.xlf", (const char *)data, size,
                       TL_MARKUP_AUTO, &r, &err) == TL_OK)
      report(r, flags);
  } else {
    const uint8_t *nul = memchr(data, 0, size);
    size_t slen = nul ? (size_t)(nul - data) : size / 2;
    const char *tgt = (const char *)data + slen + (nul ? 1 : 0);
    size_t tlen = size - slen - (nul ? 1 : 0), start;
    char *src = malloc(slen + 1);
    tl_source s;
    memcpy(src, data, slen);
    src[slen] = '\0';
    if (tl_input_check("fuzz.en.md", src, slen, &start, &err) == TL_OK) {
      s.path = "fuzz.en.md";
      s.data = src;
      s.len = slen;
      s.start = start;
      s.markdown = (flags & 8) == 0;
      s.parallel = (flags & 16) != 0;
      linter->source = &s;
      if (tl_lint_buffer(linter, "fuzz.md", tgt, tlen,
                         s.markdown ? TL_MARKUP_MARKDOWN : TL_MARKUP_PLAIN,
                         &r, &err) == TL_OK)
        report(r, flags);
      linter->source = NULL;
    }
    free(src);
  }
  tl_result_free(r);
  return 0;
}
