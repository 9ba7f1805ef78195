#include "ltapi.h"
#include "msg.h"

#include "rules.h"
#include "utf16.h"
#include "utf8.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- form data ---------------------------------------------------------- */

void tl_fields_init(tl_fields *form)
{
  memset(form, 0, sizeof *form);
}

void tl_fields_fini(tl_fields *form)
{
  for (size_t i = 0; i < form->n; i++) {
    free(form->f[i].name);
    free(form->f[i].value);
  }
  free(form->f);
  memset(form, 0, sizeof *form);
}

void tl_fields_add(tl_fields *form, const char *name, const char *value,
                 size_t len)
{
  tl_field *x;

  TL_GROW(form->f, form->cap, form->n + 1);
  x = &form->f[form->n++];
  x->name = tl_xstrdup(name);
  x->value = tl_xstrndup(value, len);
  x->len = len;
}

static int hex_digit(char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Percent-decode p[0..n) into @out; false on a bad escape. */
static bool url_decode(const char *p, size_t n, tl_buf *out)
{
  tl_buf_clear(out);
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '+') {
      tl_buf_addc(out, ' ');
    } else if (p[i] == '%') {
      int hi, lo;
      if (i + 2 >= n)
        return false;
      hi = hex_digit(p[i + 1]);
      lo = hex_digit(p[i + 2]);
      if (hi < 0 || lo < 0)
        return false;
      tl_buf_addc(out, (char)(hi * 16 + lo));
      i += 2;
    } else {
      tl_buf_addc(out, p[i]);
    }
  }
  tl_buf_cstr(out);
  return true;
}

tl_status tl_fields_parse(tl_fields *form, const char *body, size_t len,
                        tl_error *err)
{
  tl_buf name, value;
  tl_status st = TL_OK;

  tl_buf_init(&name);
  tl_buf_init(&value);
  for (size_t i = 0; i < len && st == TL_OK;) {
    size_t end = i, eq;
    while (end < len && body[end] != '&')
      end++;
    eq = i;
    while (eq < end && body[eq] != '=')
      eq++;
    if (end > i) {
      if (!url_decode(body + i, eq - i, &name) ||
          !url_decode(body + eq + (eq < end), end - eq - (eq < end),
                      &value)) {
        st = tl_error_set(err, TL_EUSAGE,
                          _("formulário malformado: escape '%%' inválido "
                          "perto do byte %zu"),
                          i);
      } else if (tl_utf8_validate(name.p, name.len) != name.len ||
                 memchr(name.p, '\0', name.len) != NULL) {
        st = tl_error_set(err, TL_EUSAGE,
                          _("formulário malformado: nome de campo que não é "
                          "UTF-8 válido perto do byte %zu"),
                          i);
      } else if (tl_utf8_validate(value.p, value.len) != value.len) {
        st = tl_error_set(err, TL_EUTF8,
                          _("o campo '%s' não é UTF-8 válido (byte %zu do "
                          "valor decodificado)"),
                          name.p, tl_utf8_validate(value.p, value.len));
      } else {
        tl_fields_add(form, name.p, value.p != NULL ? value.p : "", value.len);
      }
    }
    i = end + 1;
  }
  tl_buf_fini(&name);
  tl_buf_fini(&value);
  return st;
}

const char *tl_fields_get(const tl_fields *form, const char *name, size_t *len)
{
  for (size_t i = 0; i < form->n; i++)
    if (strcmp(form->f[i].name, name) == 0) {
      if (len != NULL)
        *len = form->f[i].len;
      return form->f[i].value;
    }
  return NULL;
}

/* ---- annotated text ----------------------------------------------------- */

void tl_annotated_init(tl_annotated *a)
{
  memset(a, 0, sizeof *a);
  tl_buf_init(&a->plain);
  tl_buf_init(&a->orig);
}

void tl_annotated_fini(tl_annotated *a)
{
  tl_buf_fini(&a->plain);
  tl_buf_fini(&a->orig);
  free(a->seg);
  memset(a, 0, sizeof *a);
}

static void add_seg(tl_annotated *a, const char *orig, size_t olen,
                    const char *plain, size_t plen, bool text)
{
  tl_annot_seg *s;

  TL_GROW(a->seg, a->cap, a->n + 1);
  s = &a->seg[a->n++];
  s->plain = a->plain.len;
  s->plain_len = plen;
  s->orig = a->orig.len;
  s->orig_len = olen;
  s->text = text;
  tl_buf_add(&a->orig, orig, olen);
  tl_buf_add(&a->plain, plain, plen);
}

tl_status tl_annotated_parse(tl_annotated *a, const char *json, size_t len,
                             tl_error *err)
{
  json_error_t jerr;
  json_t *root = json_loadb(json, len, JSON_ALLOW_NUL, &jerr), *ann;
  tl_status st = TL_OK;
  size_t i;
  json_t *part;

  if (root == NULL)
    return tl_error_set(err, TL_EUSAGE,
                        _("o campo 'data' não é JSON válido (linha %d, coluna "
                        "%d: %s)"),
                        jerr.line, jerr.column, jerr.text);
  ann = json_is_object(root) ? json_object_get(root, "annotation") : NULL;
  if (!json_is_array(ann)) {
    json_decref(root);
    return tl_error_set(err, TL_EUSAGE,
                        _("o campo 'data' precisa ser {\"annotation\": "
                          "[...]}"));
  }
  json_array_foreach(ann, i, part)
  {
    json_t *t = json_object_get(part, "text");
    json_t *m = json_object_get(part, "markup");
    json_t *as = json_object_get(part, "interpretAs");
    if (json_is_string(t) && m == NULL) {
      add_seg(a, json_string_value(t), json_string_length(t),
              json_string_value(t), json_string_length(t), true);
    } else if (json_is_string(m) && t == NULL &&
               (as == NULL || json_is_string(as))) {
      add_seg(a, json_string_value(m), json_string_length(m),
              as != NULL ? json_string_value(as) : "",
              as != NULL ? json_string_length(as) : 0, false);
    } else {
      st = tl_error_set(err, TL_EUSAGE,
                        _("'data': o item %zu da anotação precisa ter "
                        "\"text\" ou \"markup\" (com \"interpretAs\" "
                        "opcional), strings"),
                        i);
      break;
    }
  }
  json_decref(root);
  tl_buf_cstr(&a->plain);
  tl_buf_cstr(&a->orig);
  return st;
}

size_t tl_annotated_orig(const tl_annotated *a, size_t off, bool end)
{
  size_t lo = 0, hi = a->n;

  /* the first segment that ends after @off (start) or at/after it (end) */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const tl_annot_seg *s = &a->seg[mid];
    size_t stop = s->plain + s->plain_len;
    if (end ? stop < off : stop <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  while (lo < a->n && a->seg[lo].plain_len == 0)
    lo++; /* markup that stands for nothing holds no checked text */
  if (lo >= a->n)
    return a->orig.len;
  if (a->seg[lo].text)
    return a->seg[lo].orig + (off - a->seg[lo].plain);
  return a->seg[lo].orig + (end ? a->seg[lo].orig_len : 0);
}

/* ---- rules, categories, filters ------------------------------------------ */

typedef struct lt_category {
  const char *name, *lt_id, *lt_name, *issue;
} lt_category;

/* tradlint's categories in LanguageTool's terms: category ids clients know
 * (LibreOffice underlines TYPOS in red, STYLE in blue) and ITS 2.0 issue
 * types (the browser extension shows locale-violation as a suggestion). */
static const lt_category CATEGORIES[] = {
    {"spelling", "TYPOS", N_("Ortografia"), "misspelling"},
    {"terminology", "TERMINOLOGY", N_("Terminologia"), "terminology"},
    {"consistency", "STYLE", N_("Consistência"), "inconsistency"},
    {"untranslated", "UNTRANSLATED", N_("Trecho não traduzido"), "untranslated"},
    {"agreement", "GRAMMAR", N_("Concordância"), "grammar"},
    {"number", "TYPOGRAPHY", N_("Números"), "locale-violation"},
    {"repetition", "REDUNDANCY", N_("Repetição"), "duplication"},
    {"source", "SOURCE", N_("Fonte"), "mistranslation"},
    {"suppression", "MISC", N_("Supressões"), "other"},
};

static const lt_category *category_of(const char *name)
{
  for (size_t i = 0; i < sizeof CATEGORIES / sizeof CATEGORIES[0]; i++)
    if (strcmp(CATEGORIES[i].name, name) == 0)
      return &CATEGORIES[i];
  return NULL;
}

static bool is_unknown_word_rule(const char *rule)
{
  return strcmp(rule, "spelling.unknown") == 0 ||
         strcmp(rule, "spelling.name") == 0;
}

void tl_lt_rule_id(const char *rule, char *out, size_t n)
{
  size_t k = 0;
  const char *prefix = is_unknown_word_rule(rule) ? "HUNSPELL_" : "";

  if (n == 0)
    return;
  for (const char *p = prefix; *p && k + 1 < n; p++)
    out[k++] = *p;
  for (const char *p = rule; *p && k + 1 < n; p++) {
    char c = *p;
    if (c == '.' || c == '-')
      c = '_';
    else if (c >= 'a' && c <= 'z')
      c = (char)(c - 'a' + 'A');
    out[k++] = c;
  }
  out[k] = '\0';
}

/* Whether the comma-separated @list names @a or @b (case-insensitive for
 * LanguageTool's upper-case forms). */
static bool list_has(const char *list, const char *a, const char *b)
{
  size_t na = strlen(a), nb = b != NULL ? strlen(b) : 0;

  if (list == NULL)
    return false;
  for (const char *p = list; *p;) {
    const char *e = p;
    size_t n;
    while (*e && *e != ',')
      e++;
    while (p < e && (*p == ' ' || *p == '\t'))
      p++;
    n = (size_t)(e - p);
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
      n--;
    if ((n == na && strncasecmp(p, a, n) == 0) ||
        (b != NULL && n == nb && strncasecmp(p, b, n) == 0))
      return true;
    p = *e ? e + 1 : e;
  }
  return false;
}

bool tl_lt_filter_keeps(const tl_lt_filter *f, const tl_finding *x)
{
  char id[128];
  const lt_category *c = category_of(x->category);
  const char *cat_lt = c != NULL ? c->lt_id : NULL;
  bool rule_named, cat_named;

  if (f == NULL)
    return true;
  tl_lt_rule_id(x->rule, id, sizeof id);
  if (f->enabled_only) {
    rule_named = list_has(f->enabled_rules, id, x->rule) ||
                 list_has(f->enabled_rules, x->category, NULL);
    cat_named = list_has(f->enabled_categories, x->category, cat_lt);
    return rule_named || cat_named;
  }
  rule_named = list_has(f->disabled_rules, id, x->rule) ||
               list_has(f->disabled_rules, x->category, NULL);
  cat_named = list_has(f->disabled_categories, x->category, cat_lt);
  return !rule_named && !cat_named;
}

bool tl_lt_language_ok(const char *lang)
{
  return lang != NULL &&
         (strcasecmp(lang, "pt-BR") == 0 || strcasecmp(lang, "pt_BR") == 0 ||
          strcasecmp(lang, "pt") == 0 || strcasecmp(lang, "auto") == 0);
}

/* ---- response --------------------------------------------------------- */

#define CONTEXT_CHARS 40 /* code points each side, as LanguageTool's server */
#define SENTENCE_MAX 600 /* bytes each side at most: long lines stay cheap */

static size_t back_chars(const char *p, size_t off, size_t chars)
{
  while (off > 0 && chars > 0) {
    off--;
    while (off > 0 && ((unsigned char)p[off] & 0xC0) == 0x80)
      off--;
    chars--;
  }
  return off;
}

static size_t fwd_chars(const char *p, size_t len, size_t off, size_t chars)
{
  while (off < len && chars > 0) {
    off++;
    while (off < len && ((unsigned char)p[off] & 0xC0) == 0x80)
      off++;
    chars--;
  }
  return off;
}

static void add_flat(tl_buf *b, const char *p, size_t n)
{
  for (size_t i = 0; i < n; i++)
    tl_buf_addc(b, p[i] == '\n' || p[i] == '\r' || p[i] == '\t' ? ' ' : p[i]);
}

/* LanguageTool's context: up to CONTEXT_CHARS code points each side, line
 * ends as spaces, "..." where cut. */
static json_t *context_json(const char *text, size_t len, size_t o0,
                            size_t o1)
{
  size_t a = back_chars(text, o0, CONTEXT_CHARS);
  size_t b = fwd_chars(text, len, o1, CONTEXT_CHARS);
  tl_buf ctx;
  size_t coff;
  json_t *j;

  tl_buf_init(&ctx);
  if (a > 0)
    tl_buf_adds(&ctx, "...");
  add_flat(&ctx, text + a, o0 - a);
  coff = tl_utf16_units(ctx.p != NULL ? ctx.p : "", ctx.len);
  add_flat(&ctx, text + o0, b - o0);
  if (b < len)
    tl_buf_adds(&ctx, "...");
  j = json_pack("{s:s%,s:I,s:I}", "text", ctx.p != NULL ? ctx.p : "",
                ctx.len, "offset", (json_int_t)coff, "length",
                (json_int_t)tl_utf16_units(text + o0, o1 - o0));
  tl_buf_fini(&ctx);
  return j;
}

static bool ends_sentence(const char *p, size_t len, size_t i)
{
  return (p[i] == '.' || p[i] == '!' || p[i] == '?') &&
         (i + 1 >= len || p[i + 1] == ' ' || p[i + 1] == '\n' ||
          p[i + 1] == '\r' || p[i + 1] == '\t');
}

/* The sentence around checked-text bytes [o0, o1), trimmed. */
static json_t *sentence_json(const char *p, size_t len, size_t o0, size_t o1)
{
  size_t a = o0, b = o1, floor = o0 > SENTENCE_MAX ? o0 - SENTENCE_MAX : 0;
  size_t ceil = len - o1 > SENTENCE_MAX ? o1 + SENTENCE_MAX : len;

  while (a > floor && p[a - 1] != '\n' && !ends_sentence(p, len, a - 1))
    a--;
  while (b < ceil && p[b] != '\n' && p[b] != '\r') {
    if (ends_sentence(p, len, b)) {
      b++;
      break;
    }
    b++;
  }
  while (a > 0 && ((unsigned char)p[a] & 0xC0) == 0x80)
    a--;
  while (b < len && ((unsigned char)p[b] & 0xC0) == 0x80)
    b++;
  while (a < b && (p[a] == ' ' || p[a] == '\t' || p[a] == '\r'))
    a++;
  while (b > a && (p[b - 1] == ' ' || p[b - 1] == '\t' || p[b - 1] == '\r'))
    b--;
  return json_stringn(p + a, b - a);
}

static json_t *language_json(void)
{
  return json_pack("{s:s,s:s,s:{s:s,s:s,s:f,s:s}}", "name",
                   "Portuguese (Brazil)", "code", "pt-BR", "detectedLanguage",
                   "name", "Portuguese (Brazil)", "code", "pt-BR",
                   "confidence", 1.0, "source", "tradlint");
}

static json_t *match_json(const tl_result *r, const tl_finding *x,
                          const char *orig, size_t olen,
                          const tl_annotated *a, tl_utf16_cursor *cur)
{
  const tl_rule *rule = tl_rule_find(x->rule);
  const lt_category *c = category_of(x->category);
  size_t o0 = x->offset, o1 = x->offset + x->length;
  size_t u0, u1;
  char id[128];
  json_t *m, *repl = json_array();

  if (a != NULL) {
    o0 = tl_annotated_orig(a, x->offset, false);
    o1 = tl_annotated_orig(a, x->offset + x->length, true);
    if (o1 < o0)
      o1 = o0;
  }
  u0 = tl_utf16_cursor_at(cur, o0);
  u1 = tl_utf16_cursor_at(cur, o1);
  for (size_t i = 0; i < x->nsuggestions; i++)
    json_array_append_new(repl, json_pack("{s:s}", "value", x->suggestions[i]));
  tl_lt_rule_id(x->rule, id, sizeof id);
  m = json_pack(
      "{s:s,s:s,s:o,s:I,s:I,s:o,s:o,s:{s:s},s:{s:s,s:s,s:s,s:{s:s,s:s}},"
      "s:b,s:i,s:{s:s,s:s,s:s?,s:b}}",
      "message", x->message, "shortMessage",
      rule != NULL ? _(rule->summary) : x->rule, "replacements", repl, "offset",
      (json_int_t)u0, "length", (json_int_t)(u1 - u0), "context",
      context_json(orig, olen, o0, o1), "sentence",
      sentence_json(r->data, r->len, x->offset, x->offset + x->length),
      "type", "typeName",
      is_unknown_word_rule(x->rule) ? "UnknownWord"
      : x->severity == TL_INFO      ? "Hint"
                                    : "Other",
      "rule", "id", id, "description", rule != NULL ? _(rule->summary) : x->rule,
      "issueType", c != NULL ? c->issue : "other", "category", "id",
      c != NULL ? c->lt_id : "MISC", "name",
      c != NULL ? _(c->lt_name) : x->category, "ignoreForIncompleteSentence",
      0, "contextForSureMatch", 0, "tradlint", "rule", x->rule, "severity",
      tl_severity_name(x->severity), "concept", x->concept, "fix", x->fix);
  return m;
}

char *tl_lt_response(const tl_result *r, const tl_annotated *a,
                     const tl_lt_filter *f)
{
  const char *orig = a != NULL ? (a->orig.p != NULL ? a->orig.p : "")
                               : r->data;
  size_t olen = a != NULL ? a->orig.len : r->len;
  tl_utf16_cursor cur;
  json_t *root, *matches = json_array();
  char *out;

  tl_utf16_cursor_init(&cur, orig, olen);
  for (size_t i = 0; i < r->n; i++)
    if (tl_lt_filter_keeps(f, &r->f[i]))
      json_array_append_new(matches,
                            match_json(r, &r->f[i], orig, olen, a, &cur));
  root = json_pack("{s:{s:s,s:s,s:s,s:i,s:b,s:s},s:{s:b},s:o,s:o}",
                   "software", "name", "tradlint", "version", TL_VERSION,
                   "buildDate", "", "apiVersion", 1, "premium", 0, "status",
                   "", "warnings", "incompleteResults", 0, "language",
                   language_json(), "matches", matches);
  out = json_dumps(root, JSON_COMPACT);
  json_decref(root);
  if (out == NULL)
    abort();
  return out;
}

const char *tl_lt_languages(void)
{
  return "[{\"name\":\"Portuguese (Brazil)\",\"code\":\"pt\","
         "\"longCode\":\"pt-BR\"}]";
}
