/* Lint a text with the project's real dictionaries and glossary and list
 * the findings of some rules as "text>suggestion" strings, for the tests
 * of the checks (real sentences, and near misses that must stay silent). */
#ifndef TL_UNIT_FINDINGS_H
#define TL_UNIT_FINDINGS_H

#include "unit.h"

static tl_linter *findings_linter;

/* Group setup: one linter for the whole file (loading is the slow part). */
static inline int findings_setup(void **state)
{
  static const char *const glossary[] = {"glossary", NULL};
  tl_options opt;
  tl_error err;

  (void)state;
  tl_options_init(&opt);
  opt.hunspell_dir = unit_hunspell_dir();
  opt.words_dir = UNIT_WORDS_DIR;
  opt.glossary = glossary;
  opt.max_suggestions = 0;
  if (tl_linter_new(&findings_linter, &opt, &err) != TL_OK) {
    fprintf(stderr, "linter: %s\n", err.msg);
    return -1;
  }
  return 0;
}

static inline int findings_teardown(void **state)
{
  (void)state;
  tl_linter_free(findings_linter);
  return 0;
}

/* The findings of @text whose rule starts with @rule, as
 * "text>first suggestion" (or "text" without one) joined by " | ", in
 * document order; "" when there are none. Static storage. */
static inline const char *findings(const char *rule, const char *text)
{
  static char out[4096];
  tl_result *r = NULL;
  tl_error err;
  size_t n = 0, k = strlen(rule);

  out[0] = '\0';
  if (tl_lint_buffer(findings_linter, "t.md", text, strlen(text),
                     TL_MARKUP_MARKDOWN, &r, &err) != TL_OK) {
    snprintf(out, sizeof out, "error: %s", err.msg);
    return out;
  }
  for (size_t i = 0; i < tl_result_count(r); i++) {
    const tl_finding *f = tl_result_get(r, i);
    if (strncmp(f->rule, rule, k) != 0)
      continue;
    n += (size_t)snprintf(out + n, sizeof out - n, "%s%.*s%s%s",
                          n ? " | " : "", (int)f->length,
                          tl_result_text(r, NULL) + f->offset,
                          f->nsuggestions ? ">" : "",
                          f->nsuggestions ? f->suggestions[0] : "");
    if (n >= sizeof out)
      break;
  }
  tl_result_free(r);
  return out;
}

#endif
