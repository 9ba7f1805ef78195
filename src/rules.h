/* Every rule tradlint reports: id, category, default severity, and the
 * texts SARIF, the HTML report and --help-rules show. */
#ifndef TL_RULES_H
#define TL_RULES_H

#include "tradlint.h"

typedef struct tl_rule {
  const char *id, *category;
  tl_severity severity;
  bool fixable;
  const char *summary; /* one line, Portuguese */
  const char *help;    /* what to do, Portuguese */
} tl_rule;

extern const tl_rule tl_rules[];
extern const size_t tl_nrules;

/* The rule with id @id, or NULL. */
const tl_rule *tl_rule_find(const char *id);
/* Index of rule @id in tl_rules, or -1. */
int tl_rule_index(const char *id);
/* The rule's section in docs/rules.md: TL_DOCS_URL (set at build time;
 * the installed file by default) with the anchor GitHub gives the
 * heading ("spelling.unknown" -> "#spellingunknown"). Owned by the
 * caller. */
char *tl_rule_help_uri(const tl_rule *r);
/* Whether @name is a category. */
bool tl_category_is(const char *name);

#endif
