#include "diag.h"

#include "sort.h"

#include <stdlib.h>
#include <string.h>

const char *tl_severity_name(tl_severity s)
{
  switch (s) {
  case TL_ERROR:
    return "error";
  case TL_WARNING:
    return "warning";
  case TL_INFO:
    return "info";
  default:
    return "never";
  }
}

bool tl_severity_parse(const char *s, tl_severity *out)
{
  static const tl_severity all[] = {TL_INFO, TL_WARNING, TL_ERROR, TL_NEVER};

  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
    if (strcmp(s, tl_severity_name(all[i])) == 0) {
      *out = all[i];
      return true;
    }
  return false;
}

tl_result *tl_result_new_take(const char *path, char *data, size_t len)
{
  tl_result *r = tl_xcalloc(1, sizeof *r);

  r->path = tl_xstrdup(path);
  r->data = data;
  r->len = len;
  tl_arena_init(&r->arena);
  tl_map_init(&r->strings);
  tl_map_init(&r->lists);
  return r;
}

void tl_result_free(tl_result *r)
{
  if (r == NULL)
    return;
  free(r->path);
  free(r->data);
  free(r->f);
  free(r->glosses);
  free(r->names);
  free(r->unjudged);
  tl_arena_fini(&r->arena);
  tl_map_fini(&r->strings);
  tl_map_fini(&r->lists);
  free(r->list_v);
  tl_deferred_free(r->deferred);
  if (r->pair != NULL) {
    free(r->pair->src_path);
    free(r->pair->src);
    free(r->pair->rows);
    free(r->pair);
  }
  free(r);
}

/* One copy of each string a result holds: a long document repeats the
 * same message, surface and suggestion thousands of times. */
static const char *intern(tl_result *r, const char *s, size_t n)
{
  return tl_map_put(&r->strings, s, n, 0, NULL)->key;
}

/* Append @s (@n bytes) at out[*at], keeping room for a NUL; false when
 * it does not fit. */
static bool put(char *out, size_t cap, size_t *at, const char *s, size_t n)
{
  if (n >= cap - *at)
    return false;
  memcpy(out + *at, s, n);
  *at += n;
  return true;
}

static bool put_u(char *out, size_t cap, size_t *at, uintmax_t v, bool neg)
{
  char t[24];
  size_t k = sizeof t;

  do {
    t[--k] = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  if (neg)
    t[--k] = '-';
  return put(out, cap, at, t + k, sizeof t - k);
}

/* The messages' formats use %s, %.*s, %u, %d, %zu and %% (most of them
 * only %s and %.*s): those are written here as vsnprintf writes them, a
 * message in a few hundred instructions instead of about 800 in vsnprintf.
 * Anything else (flags, widths, other conversions, a NULL string, a
 * negative precision, a message longer than @cap) returns -1 and the
 * caller asks vsnprintf with its own untouched va_list. */
static int format_simple(char *out, size_t cap, const char *fmt, va_list ap)
{
  size_t at = 0;

  for (const char *p = fmt; *p != '\0';) {
    const char *pct = strchr(p, '%');
    size_t lit = pct != NULL ? (size_t)(pct - p) : strlen(p);
    bool ok = true;
    if (!put(out, cap, &at, p, lit))
      return -1;
    if (pct == NULL)
      break;
    p = pct + 1;
    if (*p == '%') {
      ok = put(out, cap, &at, "%", 1);
      p++;
    } else if (*p == 's') {
      const char *s = va_arg(ap, const char *);
      ok = s != NULL && put(out, cap, &at, s, strlen(s));
      p++;
    } else if (p[0] == '.' && p[1] == '*' && p[2] == 's') {
      int prec = va_arg(ap, int);
      const char *s = va_arg(ap, const char *);
      ok = s != NULL && prec >= 0 &&
           put(out, cap, &at, s, strnlen(s, (size_t)prec));
      p += 3;
    } else if (*p == 'u') {
      ok = put_u(out, cap, &at, va_arg(ap, unsigned), false);
      p++;
    } else if (*p == 'd') {
      int v = va_arg(ap, int);
      ok = put_u(out, cap, &at, v < 0 ? -(uintmax_t)v : (uintmax_t)v, v < 0);
      p++;
    } else if (p[0] == 'z' && p[1] == 'u') {
      ok = put_u(out, cap, &at, va_arg(ap, size_t), false);
      p += 2;
    } else {
      return -1;
    }
    if (!ok)
      return -1;
  }
  out[at] = '\0';
  return (int)at;
}

tl_finding *tl_result_add(tl_result *r, size_t off, size_t len,
                          const char *rule, const char *category,
                          tl_severity sev, const char *fmt, ...)
{
  tl_finding *f;
  va_list ap;
  char tmp[512];
  int n;

  if (r->n >= TL_MAX_FINDINGS) { /* kept nowhere: memory stays bounded */
    r->dropped++;
    memset(&r->spare, 0, sizeof r->spare);
    return &r->spare;
  }
  TL_GROW(r->f, r->cap, r->n + 1);
  f = &r->f[r->n++];
  memset(f, 0, sizeof *f);
  f->offset = off;
  f->length = len;
  f->rule = rule;
  f->category = category;
  f->severity = sev;
  va_start(ap, fmt);
  n = format_simple(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n >= 0) {
    f->message = intern(r, tmp, (size_t)n);
    return f;
  }
  va_start(ap, fmt);
  n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0)
    n = 0, tmp[0] = '\0';
  if ((size_t)n < sizeof tmp) { /* the common case: one pass */
    f->message = intern(r, tmp, (size_t)n);
    return f;
  }
  {
    char *m = tl_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(m, (size_t)n + 1, fmt, ap);
    va_end(ap);
    f->message = intern(r, m, (size_t)n);
    free(m);
  }
  return f;
}

const char *tl_result_surface(tl_result *r, size_t off, size_t len)
{
  char small[256] = "", *d = len < sizeof small ? small : tl_xmalloc(len + 1);
  const char *out;
  size_t n = 0;
  bool space = false;

  for (size_t i = off; i < off + len && i < r->len; i++) {
    char ch = r->data[i];
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      space = true;
      continue;
    }
    if (space && n > 0)
      d[n++] = ' ';
    space = false;
    d[n++] = ch;
  }
  out = intern(r, d, n);
  if (d != small)
    free(d);
  return out;
}

void tl_result_set_suggestions(tl_result *r, tl_finding *f,
                               const char *const *v, size_t n)
{
  const char **dst;
  tl_buf key;
  tl_map_slot *slot;
  bool created;

  if (n == 0 || f == &r->spare)
    return;
  /* the same list for the same word: one copy of the array too */
  tl_buf_init(&key);
  for (size_t i = 0; i < n; i++) {
    tl_buf_adds(&key, v[i]);
    tl_buf_addc(&key, '\x1f');
  }
  slot = tl_map_put(&r->lists, key.p, key.len, 0, &created);
  tl_buf_fini(&key);
  if (created) {
    dst = tl_arena_alloc(&r->arena, n * sizeof *dst);
    for (size_t i = 0; i < n; i++)
      dst[i] = intern(r, v[i], strlen(v[i]));
    TL_GROW(r->list_v, r->list_cap, r->nlists + 1);
    slot->value = (uint32_t)r->nlists;
    r->list_v[r->nlists++] = dst;
  }
  f->suggestions = r->list_v[slot->value];
  f->nsuggestions = n;
}

static int cmp_finding(const void *a, const void *b)
{
  const tl_finding *x = a, *y = b;
  int c;

  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  c = strcmp(x->rule, y->rule);
  if (c != 0)
    return c;
  if (x->length != y->length)
    return x->length < y->length ? -1 : 1;
  return 0;
}

/* Findings sorted by cmp_finding, keeping the order of equal ones (as
 * glibc's merge sort did): a sorted array is left as it is (the second
 * pass of tl_linter_complete), else small keys are sorted, not the
 * findings themselves. */
typedef struct sort_key {
  size_t off;
  const char *rule;
  size_t len, idx;
} sort_key;

static int cmp_key(const void *a, const void *b)
{
  const sort_key *x = a, *y = b;
  int c;

  if (x->off != y->off)
    return x->off < y->off ? -1 : 1;
  c = strcmp(x->rule, y->rule);
  if (c != 0)
    return c;
  if (x->len != y->len)
    return x->len < y->len ? -1 : 1;
  return x->idx < y->idx ? -1 : (x->idx > y->idx);
}

static void sort_findings(tl_result *r)
{
  sort_key *k;
  tl_finding f;
  bool sorted = true;

  for (size_t i = 1; i < r->n && sorted; i++)
    sorted = cmp_finding(&r->f[i - 1], &r->f[i]) <= 0;
  if (sorted)
    return;
  k = tl_xmalloc(r->n * sizeof *k);
  for (size_t i = 0; i < r->n; i++)
    k[i] = (sort_key){r->f[i].offset, r->f[i].rule, r->f[i].length, i};
  qsort(k, r->n, sizeof *k, cmp_key);
  /* finding i takes the one at k[i].idx: moved in place, a cycle of the
   * permutation at a time (a second array of findings would double the
   * peak of a long document's end) */
  for (size_t i = 0; i < r->n; i++) {
    size_t j = i;
    if (k[i].idx == i)
      continue;
    f = r->f[i];
    for (;;) {
      size_t from = k[j].idx;
      k[j].idx = j; /* placed */
      if (from == i) {
        r->f[j] = f;
        break;
      }
      r->f[j] = r->f[from];
      j = from;
    }
  }
  free(k);
}

static unsigned count_cps(const char *p, size_t from, size_t to)
{
  return to > from ? (unsigned)tl_count_cps(p + from, to - from) : 0;
}

/* Two findings of one category on the same span say the same thing twice
 * (ad-hoc: unknown word and hyphen rule): keep the one with a safe fix, else
 * the more severe, else the first. */
static void dedupe(tl_result *r)
{
  size_t out = 0;

  for (size_t i = 0; i < r->n; i++) {
    tl_finding *f = &r->f[i];
    size_t j;
    bool dup = false;
    for (j = out; j > 0; j--) {
      tl_finding *g = &r->f[j - 1];
      if (g->offset != f->offset)
        break;
      if (g->length == f->length && strcmp(g->category, f->category) == 0) {
        if ((f->fix && !g->fix) || (f->fix == g->fix && f->severity > g->severity))
          *g = *f;
        dup = true;
        break;
      }
    }
    if (!dup)
      r->f[out++] = *f;
  }
  r->n = out;
}

/* A finding that covers words makes the word-level findings inside it
 * redundant: "Clarifyai" is a wrong name, not also an unknown word; an
 * English sentence is one finding, not one a word; "[Discussions]" is a
 * forbidden heading, not also an English passage. Terminology covers
 * spelling and untranslated findings; an English passage covers spelling
 * and English words. */
static bool is_term(const tl_finding *f)
{
  return strcmp(f->category, "terminology") == 0;
}

static bool is_passage(const tl_finding *f)
{
  return strcmp(f->rule, "untranslated.passage") == 0 ||
         strcmp(f->rule, "source.untranslated") == 0;
}

static void drop_covered(tl_result *r)
{
  size_t out = 0, term_end = 0, passage_end = 0;
  bool any = false;

  for (size_t i = 0; i < r->n && !any; i++)
    any = is_term(&r->f[i]) || is_passage(&r->f[i]);
  if (!any)
    return;
  for (size_t i = 0; i < r->n; i++) {
    tl_finding *f = &r->f[i];
    bool spelling = strcmp(f->category, "spelling") == 0;
    bool word = strcmp(f->rule, "untranslated.word") == 0;
    /* coverers at the same offset may sort after: look ahead */
    for (size_t j = i; j < r->n && r->f[j].offset == f->offset; j++) {
      size_t end = r->f[j].offset + r->f[j].length;
      if (is_term(&r->f[j]) && end > term_end)
        term_end = end;
      if (is_passage(&r->f[j]) && end > passage_end)
        passage_end = end;
    }
    if (f->offset < term_end &&
        (spelling || word || (is_passage(f) &&
                              f->offset + f->length <= term_end)))
      continue;
    if (f->offset < passage_end && (spelling || word))
      continue;
    r->f[out++] = *f;
  }
  r->n = out;
}

static uint64_t unjudged_offset(const void *a)
{
  return ((const tl_unjudged *)a)->offset;
}

void tl_result_finish(tl_result *r)
{
  tl_lines li;
  size_t prev_off = 0;
  unsigned prev_line = 0, prev_col = 0;

  if (r->nunjudged > 1)
    tl_sort_stable(r->unjudged, r->nunjudged, sizeof *r->unjudged,
                   unjudged_offset);
  if (r->n == 0)
    return;
  sort_findings(r);
  dedupe(r);
  drop_covered(r);
  tl_lines_init(&li, r->data, r->len, r->bom);
  /* Findings are sorted: columns are counted on from the previous finding
   * of the same line, so that many findings on one long line stay linear. */
  for (size_t i = 0; i < r->n; i++) {
    tl_finding *f = &r->f[i];
    size_t end = f->offset + f->length;
    unsigned line = tl_lines_line(&li, f->offset);
    if (line == prev_line && f->offset >= prev_off)
      f->column = prev_col + count_cps(r->data, prev_off, f->offset);
    else
      tl_lines_locate(&li, f->offset, &line, &f->column);
    f->line = line;
    prev_line = line;
    prev_off = f->offset;
    prev_col = f->column;
    if (memchr(r->data + f->offset, '\n', f->length) == NULL &&
        memchr(r->data + f->offset, '\r', f->length) == NULL) {
      f->end_line = line;
      f->end_column = f->column + count_cps(r->data, f->offset, end);
    } else {
      tl_lines_locate(&li, end, &f->end_line, &f->end_column);
    }
  }
  tl_lines_fini(&li);
}

const char *tl_result_path(const tl_result *r)
{
  return r->path;
}

size_t tl_result_words(const tl_result *r)
{
  return r->words;
}

size_t tl_result_count(const tl_result *r)
{
  return r->n;
}

const tl_finding *tl_result_get(const tl_result *r, size_t i)
{
  return i < r->n ? &r->f[i] : NULL;
}

size_t tl_result_dropped(const tl_result *r)
{
  return r->dropped;
}

const char *tl_result_text(const tl_result *r, size_t *len)
{
  if (len != NULL)
    *len = r->len;
  return r->data;
}

size_t tl_result_gloss_count(const tl_result *r)
{
  return r->nglosses;
}

const tl_gloss_pair *tl_result_gloss_get(const tl_result *r, size_t i)
{
  return i < r->nglosses ? &r->glosses[i] : NULL;
}

size_t tl_result_name_count(const tl_result *r)
{
  return r->nnames;
}

const tl_name *tl_result_name_get(const tl_result *r, size_t i)
{
  return i < r->nnames ? &r->names[i] : NULL;
}

size_t tl_result_unjudged_count(const tl_result *r)
{
  return r->nunjudged;
}

const tl_unjudged *tl_result_unjudged_get(const tl_result *r, size_t i)
{
  return i < r->nunjudged ? &r->unjudged[i] : NULL;
}

void tl_result_unjudged(tl_result *r, size_t off, size_t len,
                        tl_unjudged_reason why)
{
  if (r->drop_unjudged) /* nobody reads them: no entry a word */
    return;
  TL_GROW(r->unjudged, r->capunjudged, r->nunjudged + 1);
  r->unjudged[r->nunjudged++] = (tl_unjudged){off, len, why};
}
