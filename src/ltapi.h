/* The LanguageTool HTTP API (/v2/check, /v2/languages) as its clients use
 * it: form-encoded requests, text given as "text" or as "data" (annotated
 * text and markup), rule filters, and the JSON response they parse, with
 * offsets and lengths in UTF-16 code units. Pure functions: the server
 * (serve.c) does the HTTP. */
#ifndef TL_LTAPI_H
#define TL_LTAPI_H

#include "diag.h"

/* Fields of an application/x-www-form-urlencoded body or query. */
typedef struct tl_field {
  char *name, *value; /* NUL-terminated copies; value may hold NUL bytes */
  size_t len;         /* of value */
} tl_field;

typedef struct tl_fields {
  tl_field *f;
  size_t n, cap;
} tl_fields;

void tl_fields_init(tl_fields *form);
void tl_fields_fini(tl_fields *form);
/* Append a field (both copied). */
void tl_fields_add(tl_fields *form, const char *name, const char *value,
                 size_t len);
/* Decode @body ('&'-separated name=value, percent escapes, '+' for space)
 * and append its fields. A bad escape or a name or value that is not valid
 * UTF-8 gives TL_EUSAGE and a message naming the field. */
tl_status tl_fields_parse(tl_fields *form, const char *body, size_t len,
                        tl_error *err);
/* The first value of field @name (borrowed), or NULL. */
const char *tl_fields_get(const tl_fields *form, const char *name, size_t *len);

/* A text given as LanguageTool's "data": {"annotation": [{"text": ..} or
 * {"markup": .., "interpretAs": ..}, ...]}. The checked text is the text
 * parts with each markup replaced by its interpretAs (or by nothing); the
 * original is every part as sent, which response offsets refer to. */
typedef struct tl_annot_seg {
  size_t plain, plain_len, orig, orig_len;
  bool text;
} tl_annot_seg;

typedef struct tl_annotated {
  tl_buf plain, orig;
  tl_annot_seg *seg;
  size_t n, cap;
} tl_annotated;

void tl_annotated_init(tl_annotated *a);
void tl_annotated_fini(tl_annotated *a);
/* Parse @json into @a. Errors (TL_EUSAGE) say what is wrong with it. */
tl_status tl_annotated_parse(tl_annotated *a, const char *json, size_t len,
                             tl_error *err);
/* The original offset of checked-text offset @off: the start of a span
 * (@end false) or its end (@end true); markup counts as one unit. */
size_t tl_annotated_orig(const tl_annotated *a, size_t off, bool end);

/* Rule filters of a request: comma-separated lists (NULL: none) of rule
 * or category identifiers, in LanguageTool form (HUNSPELL_SPELLING_UNKNOWN,
 * TYPOS) or tradlint's (spelling.unknown, spelling). */
typedef struct tl_lt_filter {
  const char *enabled_rules, *disabled_rules;
  const char *enabled_categories, *disabled_categories;
  bool enabled_only;
} tl_lt_filter;

/* Whether a finding passes the filter. */
bool tl_lt_filter_keeps(const tl_lt_filter *f, const tl_finding *x);

/* LanguageTool's rule id for tradlint rule @rule ("spelling.unknown" ->
 * "HUNSPELL_SPELLING_UNKNOWN": the unknown-word rules carry the prefix
 * clients look for to offer "add to dictionary"), written to @out. */
void tl_lt_rule_id(const char *rule, char *out, size_t n);

/* Whether @lang is a language code this server checks (pt-BR, pt, auto). */
bool tl_lt_language_ok(const char *lang);

/* The /v2/check response for @r: @a locates findings in the original
 * (NULL: the checked text is the original). Findings that @f drops are
 * left out. Returns a new NUL-terminated string (free it). */
char *tl_lt_response(const tl_result *r, const tl_annotated *a,
                     const tl_lt_filter *f);

/* The /v2/languages response (static). */
const char *tl_lt_languages(void);

#endif
