#include "gloss.h"
#include "msg.h"
#include "cachefile.h"

#include "input.h"

#include "utf8.h"
#include "walk.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { PATH_CANON = 0, PATH_JOINED = 1, PATH_CAMEL = 2, PATH_SPLIT = 3 };

/* Prefixes after which a one-word term may be found split by a hyphen or a
 * space ("auto-atenção", "pós treinamento" for "autoatenção",
 * "pós-treinamento" is multi-word already). */
static const char *const SPLIT_PREFIXES[] = {
    "auto", "pre", "pré", "pos", "pós", "multi", "anti", "semi", "micro",
    "macro", "super", "inter", "hiper", "sub", "co", "re", "neo", "pseudo",
    "meta", "ultra", "infra", "intra", "extra", "contra", "mini", NULL};

/* DESIGN.md's glossary table; "source" (provenance of the pair) is kept
 * but never shown in findings. */
static const char *const COLUMNS[] = {"id",        "en",     "preferred",
                                      "abbrev",    "admitted", "forbidden",
                                      "gender",    "case",   "note",
                                      "source",    NULL};
enum { COL_ID, COL_EN, COL_PREF, COL_ABBREV, COL_ADMIT, COL_FORBID,
       COL_GENDER, COL_CASE, COL_NOTE, COL_SOURCE, NCOLS };

/* Indexes of a loaded glossary built on first use (they cost nothing to a
 * run that never asks), shared by the threads of one linter. */
struct tl_gloss_lazy {
  pthread_mutex_t lock;
  atomic_bool pred_ready; /* the five fields below are filled */
  tl_map pred;            /* adjective word key -> first index + 1 in pv */
  tl_pred_form *pv;       /* grouped by adjective, in form order */
  uint32_t *pn;           /* pn[i]: forms of the group that starts at i */
  size_t npv;
  tl_arena keys;
  atomic_bool names_ready; /* the two fields below are filled */
  uint32_t *names;         /* tl_gloss_name_typo's candidate forms, grouped
                              by first letter, in form order */
  uint32_t name_at[257];   /* letter b's: names[name_at[b] .. name_at[b+1]) */
  atomic_bool root_ready;  /* the two fields below are filled */
  uint64_t *root_bits;     /* a bit per hash of the root's keys (ROOT_BIT) */
  size_t root_mask;        /* bits - 1 */
  atomic_bool cforms_ready; /* the two fields below are filled */
  uint32_t *cforms;         /* every form, grouped by concept, in form order */
  uint32_t *cform_at;       /* concept ci's: cforms[cform_at[ci] ..
                               cform_at[ci + 1]) */
  uint64_t serial;          /* this glossary among those of the process
                               (tl_matches.root_of), from 1 */
};

typedef void lazy_builder(const tl_gloss *g, struct tl_gloss_lazy *z);

/* The glossary's lazy indexes, built by @build the first time a thread
 * asks, under z->lock; *@ready says they are filled (read without the
 * lock once set). */
static struct tl_gloss_lazy *lazy_built(const tl_gloss *g, atomic_bool *ready,
                                        lazy_builder *build)
{
  struct tl_gloss_lazy *z = g->lazy;

  if (!atomic_load_explicit(ready, memory_order_acquire)) {
    pthread_mutex_lock(&z->lock);
    if (!atomic_load_explicit(ready, memory_order_relaxed)) {
      build(g, z);
      atomic_store_explicit(ready, true, memory_order_release);
    }
    pthread_mutex_unlock(&z->lock);
  }
  return z;
}

tl_gloss *tl_gloss_new(void)
{
  tl_gloss *g = tl_xcalloc(1, sizeof *g);

  static atomic_uint_fast64_t serials;

  g->lazy = tl_xcalloc(1, sizeof *g->lazy);
  g->lazy->serial = atomic_fetch_add(&serials, 1) + 1;
  pthread_mutex_init(&g->lazy->lock, NULL);
  tl_map_init(&g->lazy->pred);
  tl_arena_init(&g->lazy->keys);

  tl_map_init(&g->ids);
  tl_map_init(&g->claims);
  tl_map_init_filtered(&g->en); /* mostly misses: terminology.english */
  tl_arena_init(&g->strs);
  TL_GROW(g->first, g->capnodes, 1);
  g->first[0] = 0;
  g->nnodes = 1; /* the root */
  return g;
}

void tl_gloss_free(tl_gloss *g)
{
  if (g == NULL)
    return;
  free(g->c);
  free(g->f);
  free(g->first);
  free(g->ent);
  free(g->edges);
  tl_map_fini(&g->ids);
  tl_map_fini(&g->claims);
  tl_map_fini(&g->en);
  tl_arena_fini(&g->strs);
  if (g->lazy != NULL) {
    pthread_mutex_destroy(&g->lazy->lock);
    tl_map_fini(&g->lazy->pred);
    free(g->lazy->pv);
    free(g->lazy->pn);
    free(g->lazy->names);
    free(g->lazy->root_bits);
    free(g->lazy->cforms);
    free(g->lazy->cform_at);
    tl_arena_fini(&g->lazy->keys);
    free(g->lazy);
  }
  tl_cache_image_free(g->image);
  free(g);
}

/* ---- keys ------------------------------------------------------------ */

static bool has_digit(const char *p, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (p[i] >= '0' && p[i] <= '9')
      return true;
  return false;
}

static bool ends(const char *p, size_t n, const char *suf)
{
  size_t k = strlen(suf);
  return n >= k && memcmp(p + n - k, suf, k) == 0;
}

/* Fold the plural and gender endings of a folded word in b[start..): the
 * same key for "modelo", "modelos", "modela"; "ação", "ações";
 * "neural", "neurais"; "papel", "papéis"; "vetor", "vetores"; "token",
 * "tokens"; "homem", "homens". Applied alike to glossary and text. */
static void inflect(tl_buf *b, size_t start)
{
  char *p = b->p + start;
  size_t n = b->len - start;

  if (n < 4 || has_digit(p, n))
    return;
  if (ends(p, n, "oes") || ends(p, n, "aes") || ends(p, n, "aos")) {
    p[n - 3] = 'a';
    p[n - 2] = 'o';
    n--;
  } else if (n >= 5 && ends(p, n, "ais")) {
    p[n - 2] = 'l';
    n--;
  } else if (n >= 6 && (ends(p, n, "eis") || ends(p, n, "ois") ||
                        ends(p, n, "uis"))) {
    p[n - 2] = 'l';
    n--;
  } else if (ends(p, n, "res") || ends(p, n, "zes") || ends(p, n, "ses")) {
    n -= 2;
  } else if (p[n - 1] == 's') {
    n--;
  }
  if (n > 0 && p[n - 1] == 'm')
    p[n - 1] = 'n';
  /* "difícil"/"difíceis", "útil"/"úteis": -il and its plural -eis (folded
   * to -el above) share the key */
  if (n > 4 && p[n - 2] == 'i' && p[n - 1] == 'l')
    p[n - 2] = 'e';
  if (n > 3 && p[n - 1] == 'e' &&
      (p[n - 2] == 'r' || p[n - 2] == 's' || p[n - 2] == 'z'))
    n--;
  if (n > 3 && (p[n - 1] == 'a' || p[n - 1] == 'o'))
    n--;
  b->len = start + n;
  b->p[b->len] = '\0';
}

/* Append the key of a word to @b: a type byte ('E' exact-case forms, 'A'
 * any-case forms), then the folded word (inflection-folded for 'A'). */
static void word_key(tl_buf *b, const char *w, size_t n, bool exact)
{
  size_t start;

  tl_buf_addc(b, exact ? 'E' : 'A');
  start = b->len;
  tl_utf8_fold(w, n, b);
  if (!exact)
    inflect(b, start);
}

void tl_gloss_word_key(const char *w, size_t n, tl_buf *out)
{
  size_t start = out->len;

  tl_utf8_fold(w, n, out);
  inflect(out, start);
}

void tl_gloss_token_keys(const char *doc, const tl_tokens *t, tl_buf *keys,
                         size_t *offs)
{
  tl_buf_clear(keys);
  offs[0] = 0;
  for (size_t i = 0; i < t->n; i++) {
    tl_gloss_word_key(doc + t->v[i].off, t->v[i].len, keys);
    offs[i + 1] = keys->len;
  }
}

static bool is_hyphen_at(const char *p, size_t n, size_t i, size_t *adv)
{
  if (p[i] == '-') {
    *adv = 1;
    return true;
  }
  if (i + 2 < n && (unsigned char)p[i] == 0xE2 &&
      (unsigned char)p[i + 1] == 0x80 &&
      ((unsigned char)p[i + 2] == 0x90 || (unsigned char)p[i + 2] == 0x91)) {
    *adv = 3;
    return true;
  }
  return false;
}

/* ---- the trie ---------------------------------------------------------- */

/* The bit of key hash @kh in the root's bit set (other bits of the hash
 * than edge_slot's). */
#define ROOT_BIT(kh, mask) ((size_t)((kh) >> 29) & (mask))

static size_t edge_slot(uint32_t parent, uint64_t kh, size_t mask)
{
  return (size_t)((kh ^ ((uint64_t)parent * 0x9E3779B97F4A7C15ULL)) *
                  0xFF51AFD7ED558CCDULL >> 17) & mask;
}

/* The child of @node by @key (whose hash is @kh), or 0. */
static uint32_t child(const tl_gloss *g, uint32_t node, const char *key,
                      size_t klen, uint64_t kh)
{
  size_t mask, i;

  if (g->capedges == 0)
    return 0;
  mask = g->capedges - 1;
  for (i = edge_slot(node, kh, mask); g->edges[i].key != NULL;
       i = (i + 1) & mask) {
    const struct tl_edge *e = &g->edges[i];
    if (e->kh == kh && e->parent == node && e->klen == klen &&
        memcmp(e->key, key, klen) == 0)
      return e->child;
  }
  return 0;
}

static void edges_grow(tl_gloss *g)
{
  size_t cap = g->capedges ? g->capedges * 2 : 1024;
  struct tl_edge *v = tl_xcalloc(cap, sizeof *v);

  for (size_t i = 0; i < g->capedges; i++) {
    struct tl_edge *e = &g->edges[i];
    size_t j;
    if (e->key == NULL)
      continue;
    for (j = edge_slot(e->parent, e->kh, cap - 1); v[j].key != NULL;
         j = (j + 1) & (cap - 1))
      ;
    v[j] = *e;
  }
  free(g->edges);
  g->edges = v;
  g->capedges = cap;
}

static uint32_t add_child(tl_gloss *g, uint32_t node, const char *key,
                          size_t klen, tl_buf *tmp)
{
  uint64_t kh = tl_hash(key, klen);
  uint32_t c = child(g, node, key, klen, kh);
  size_t j;

  (void)tmp;
  if (c != 0)
    return c;
  if ((g->nedges + 1) * 4 >= g->capedges * 3)
    edges_grow(g);
  for (j = edge_slot(node, kh, g->capedges - 1); g->edges[j].key != NULL;
       j = (j + 1) & (g->capedges - 1))
    ;
  TL_GROW(g->first, g->capnodes, g->nnodes + 1);
  g->first[g->nnodes] = 0;
  g->edges[j] = (struct tl_edge){kh, tl_arena_strndup(&g->strs, key, klen),
                                 (uint32_t)klen, node, (uint32_t)g->nnodes};
  g->nedges++;
  return (uint32_t)g->nnodes++;
}

/* Register the path of keys (NUL-separated in @keys) for form @fi. */
static void add_path(tl_gloss *g, const tl_buf *keys, size_t nkeys,
                     uint32_t fi, uint8_t path, tl_buf *tmp)
{
  uint32_t node = 0;
  const char *k = keys->p;

  for (size_t i = 0; i < nkeys; i++) {
    size_t len = strlen(k);
    node = add_child(g, node, k, len, tmp);
    k += len + 1;
  }
  for (uint32_t e = g->first[node]; e != 0; e = g->ent[e - 1].next)
    if (g->ent[e - 1].form == fi)
      return;
  TL_GROW(g->ent, g->capent, g->nent + 1);
  g->ent[g->nent] = (tl_gloss_entry){fi, g->first[node], path};
  g->nent++;
  g->first[node] = (uint32_t)g->nent;
}

/* Split @text into words at spaces and hyphens; keys NUL-separated into
 * @keys, separators into @shape, folded letters into @letters. */
static size_t split_form(const char *text, bool exact, tl_buf *keys,
                         tl_buf *shape, tl_buf *letters)
{
  size_t n = strlen(text), i = 0, nw = 0;

  while (i < n) {
    size_t s = i, adv = 0;
    while (i < n && text[i] != ' ' && !is_hyphen_at(text, n, i, &adv))
      i++;
    if (i > s) {
      word_key(keys, text + s, i - s, exact);
      tl_buf_addc(keys, '\0');
      tl_utf8_fold(text + s, i - s, letters);
      nw++;
    }
    if (i < n) {
      if (text[i] == ' ') {
        tl_buf_addc(shape, ' ');
        i++;
      } else {
        tl_buf_addc(shape, '-');
        i += adv;
      }
      while (i < n && text[i] == ' ')
        i++;
    }
  }
  tl_buf_cstr(shape);
  tl_buf_cstr(letters);
  return nw;
}

/* ---- loading ----------------------------------------------------------- */

typedef struct loader {
  tl_gloss *g;
  const char *path;
  unsigned lineno;
  const char *line; /* the raw line, for columns */
  tl_error *err;
  tl_buf a, b, c, d;
} loader;

/* 1-based column (code points) of @p in the current line. */
static unsigned col_of(const loader *L, const char *p)
{
  unsigned c = 1;
  for (const char *q = L->line; q < p; q++)
    c += ((unsigned char)*q & 0xC0) != 0x80;
  return c;
}

static tl_status bad(loader *L, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static tl_status bad(loader *L, const char *at, const char *fmt, ...)
{
  va_list ap;
  tl_status st;

  va_start(ap, fmt);
  st = tl_error_setv_at(L->err, TL_EGLOSS, L->path, L->lineno,
                        at ? col_of(L, at) : 1u, fmt, ap);
  va_end(ap);
  return st;
}

static const char *dup_str(tl_gloss *g, const char *s, size_t n)
{
  return tl_arena_strndup(&g->strs, s, n);
}

static bool valid_id(const char *s, size_t n)
{
  if (n == 0)
    return false;
  for (size_t i = 0; i < n; i++)
    if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
          s[i] == '-' || s[i] == '.' || s[i] == '_'))
      return false;
  return true;
}

typedef struct field {
  const char *p;
  size_t n;
} field;

static field trim(const char *p, size_t n)
{
  while (n > 0 && (*p == ' ')) {
    p++;
    n--;
  }
  while (n > 0 && p[n - 1] == ' ')
    n--;
  return (field){p, n};
}

/* The key under which a rendering is claimed: folded letters, no
 * separators. */
static void claim_key(const char *s, size_t n, tl_buf *out)
{
  tl_buf f;
  tl_buf_init(&f);
  tl_utf8_fold(s, n, &f);
  for (size_t i = 0; i < f.len; i++)
    if (f.p[i] != ' ' && f.p[i] != '-')
      tl_buf_addc(out, f.p[i]);
  tl_buf_cstr(out);
  tl_buf_fini(&f);
}

/* Whether concept @ci already has a form written @text (NFC). */
static bool has_form_text(const tl_gloss *g, uint32_t ci, const char *text)
{
  for (size_t i = g->nf; i-- > 0;)
    if (g->f[i].concept == ci && strcmp(g->f[i].text, text) == 0)
      return true;
  return false;
}

static tl_status add_form(loader *L, uint32_t ci, tl_form_kind kind,
                          const char *text, size_t n, const char *at)
{
  tl_gloss *g = L->g;
  tl_concept *c = &g->c[ci];
  bool exact = c->exact || kind == TL_FORM_ABBREV;
  tl_map_slot *s;
  bool created;
  uint32_t fi;
  size_t nw;

  tl_buf_clear(&L->a);
  tl_utf8_nfc(text, n, &L->a);
  /* The key a rendering is claimed under: for names (exact case), the
   * text without spaces and hyphens; for common terms, also folded (case
   * and accents). */
  tl_buf_clear(&L->b);
  if (exact) {
    tl_buf_addc(&L->b, 'E');
    for (size_t i = 0; i < L->a.len; i++)
      if (L->a.p[i] != ' ' && L->a.p[i] != '-')
        tl_buf_addc(&L->b, L->a.p[i]);
  } else {
    tl_buf_addc(&L->b, 'A');
    claim_key(L->a.p, L->a.len, &L->b);
  }
  if (L->b.len <= 1)
    return bad(L, at, "%s", _("forma vazia"));
  s = tl_map_put(&g->claims, L->b.p, L->b.len, ci + 1, &created);
  if (!created) {
    uint32_t other = (s->value - 1) >> 2, okind = (s->value - 1) & 3;
    if (other != ci)
      return bad(L, at,
                 _("'%s' já pertence ao conceito '%s' (%s:%u): uma forma só "
                 "pode ter um conceito"),
                 L->a.p, g->c[other].id, g->c[other].file, g->c[other].line);
    if ((kind == TL_FORM_FORBIDDEN) != (okind == TL_FORM_FORBIDDEN))
      return bad(L, at,
                 _("'%s' é ao mesmo tempo proibida e aceita no conceito '%s'"),
                 L->a.p, g->c[ci].id);
    if (has_form_text(g, ci, L->a.p))
      return TL_OK; /* the same form twice in one concept: harmless */
    /* another spelling of a form of the concept ("plugin" admitted beside
     * "plug-in" preferred): a form of its own, so that a text written
     * with it reads as what the row says, not as a variant of the other */
  } else {
    s->value = ((ci << 2) | (uint32_t)kind) + 1;
  }
  TL_GROW(g->f, g->capf, g->nf + 1);
  fi = (uint32_t)g->nf++;
  g->counts[kind]++;
  tl_buf_clear(&L->b);
  tl_buf_clear(&L->c);
  tl_buf_clear(&L->d);
  nw = split_form(L->a.p, exact, &L->b, &L->c, &L->d);
  g->f[fi] = (tl_form){ci, (uint8_t)kind, exact, dup_str(g, L->a.p, L->a.len),
                       dup_str(g, L->c.p, L->c.len),
                       dup_str(g, L->d.p, L->d.len)};
  add_path(g, &L->b, nw, fi, PATH_CANON, &L->c);
  if (kind == TL_FORM_FORBIDDEN && exact)
    return TL_OK; /* no derived variants of a wrong name */
  if (nw > 1) { /* "pretreinamento", "HuggingFace" */
    tl_buf_clear(&L->b);
    word_key(&L->b, L->d.p, L->d.len, exact);
    tl_buf_addc(&L->b, '\0');
    add_path(g, &L->b, 1, fi, PATH_JOINED, &L->c);
  } else if (!exact) { /* "auto-atenção" for "autoatenção" */
    const char *t = g->f[fi].text;
    size_t tn = strlen(t);
    for (size_t i = 0; SPLIT_PREFIXES[i] != NULL; i++) {
      size_t pl = strlen(SPLIT_PREFIXES[i]);
      if (tn > pl + 2 && strncmp(t, SPLIT_PREFIXES[i], pl) == 0) {
        tl_buf_clear(&L->b);
        word_key(&L->b, t, pl, false);
        tl_buf_addc(&L->b, '\0');
        word_key(&L->b, t + pl, tn - pl, false);
        tl_buf_addc(&L->b, '\0');
        add_path(g, &L->b, 2, fi, PATH_SPLIT, &L->c);
        break;
      }
    }
  } else if (exact) { /* "Open AI", "Chat GPT": CamelCase split */
    const char *t = g->f[fi].text;
    size_t tn = strlen(t), s0 = 0, parts = 0;
    tl_buf_clear(&L->b);
    for (size_t i = 1; i <= tn; i++) {
      bool cut = i == tn || ((t[i] >= 'A' && t[i] <= 'Z') &&
                             ((t[i - 1] >= 'a' && t[i - 1] <= 'z')));
      if (cut) {
        word_key(&L->b, t + s0, i - s0, true);
        tl_buf_addc(&L->b, '\0');
        parts++;
        s0 = i;
      }
    }
    if (parts > 1)
      add_path(g, &L->b, parts, fi, PATH_CAMEL, &L->c);
  }
  return TL_OK;
}

static tl_status add_list(loader *L, uint32_t ci, tl_form_kind kind, field f)
{
  size_t i = 0;

  if (f.p == NULL || f.n == 0) /* a column the header does not have */
    return TL_OK;
  while (i <= f.n) {
    const char *bar = memchr(f.p + i, '|', f.n - i);
    size_t e = bar ? (size_t)(bar - f.p) : f.n;
    field item = trim(f.p + i, e - i);
    if (item.n > 0) {
      tl_status st = add_form(L, ci, kind, item.p, item.n, item.p);
      if (st != TL_OK)
        return st;
    }
    i = e + 1;
  }
  return TL_OK;
}

void tl_gloss_en_key(const char *p, size_t n, bool exact, tl_buf *out)
{
  size_t base, w;
  bool space = false;

  tl_buf_adds(out, exact ? "x:" : "a:");
  base = w = out->len;
  if (exact)
    tl_buf_add(out, p, n);
  else
    tl_utf8_fold(p, n, out);
  /* in place: spaces, tabs and hyphens between words become one space,
   * none at either end (the write index never passes the read one) */
  for (size_t i = base; i < out->len; i++) {
    char c = out->p[i];
    if (c == ' ' || c == '-' || c == '\t') {
      space = true;
      continue;
    }
    if (space && w > 2)
      out->p[w++] = ' ';
    space = false;
    out->p[w++] = c;
  }
  out->len = w;
  out->p[w] = '\0';
}

void tl_gloss_en_key_cuts(const char *p, size_t n, bool exact,
                          const size_t *cut, size_t ncut, tl_buf *out,
                          size_t *at)
{
  size_t base, w, k = 0;
  bool space = false;

  tl_buf_adds(out, exact ? "x:" : "a:");
  base = w = out->len;
  tl_buf_add(out, p, n);
  while (k < ncut && cut[k] == 0)
    at[k++] = base;
  /* tl_gloss_en_key's loop in place (on ASCII, folding is lower-casing),
   * noting the key's length at each cut */
  for (size_t i = 0; i < n; i++) {
    char c = out->p[base + i];
    if (c == ' ' || c == '-' || c == '\t') {
      space = true;
    } else {
      if (space && w > base)
        out->p[w++] = ' ';
      space = false;
      out->p[w++] = !exact && c >= 'A' && c <= 'Z' ? (char)(c + 'a' - 'A')
                                                  : c;
    }
    while (k < ncut && cut[k] == i + 1)
      at[k++] = w;
  }
  out->len = w;
  out->p[w] = '\0';
}

long tl_gloss_find_en_key(const tl_gloss *g, const char *key, size_t n)
{
  const tl_map_slot *s = tl_map_find_filtered(&g->en, key, n);

  return s == NULL ? -1 : (long)s->value - 1;
}

long tl_gloss_find_en(const tl_gloss *g, const char *p, size_t n)
{
  tl_buf k;
  tl_map_slot *s;

  tl_buf_init(&k);
  tl_gloss_en_key(p, n, true, &k);
  s = tl_map_find_filtered(&g->en, k.p, k.len);
  if (s == NULL) {
    tl_buf_clear(&k);
    tl_gloss_en_key(p, n, false, &k);
    s = tl_map_find_filtered(&g->en, k.p, k.len);
  }
  tl_buf_fini(&k);
  return s == NULL ? -1 : (long)s->value - 1;
}

/* Index the English terms of concept @ci ("a|b", notes in parentheses
 * left out). The first concept to claim a term keeps it. */
static void add_english(tl_gloss *g, uint32_t ci, const char *p, size_t n,
                        bool exact)
{
  const char *e = p + n;

  while (p < e) {
    const char *bar = memchr(p, '|', (size_t)(e - p)), *q;
    const char *end = bar ? bar : e;
    size_t len;
    unsigned words = 1;
    tl_buf k;
    q = memchr(p, '(', (size_t)(end - p));
    len = (size_t)((q ? q : end) - p);
    while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
      len--;
    while (len > 0 && (*p == ' ' || *p == '\t'))
      p++, len--;
    if (len > 0) {
      tl_buf_init(&k);
      tl_gloss_en_key(p, len, exact, &k);
      tl_map_put(&g->en, k.p, k.len, ci + 1, NULL);
      for (size_t i = 2; i < k.len; i++)
        words += k.p[i] == ' ';
      if (words > g->en_words)
        g->en_words = words;
      tl_buf_fini(&k);
    }
    p = bar ? bar + 1 : e;
  }
}

static tl_status add_row(loader *L, const int *map, size_t ncols,
                         field *fields)
{
  tl_gloss *g = L->g;
  field v[NCOLS];
  tl_concept *c;
  uint32_t ci;
  bool created;
  tl_status st;

  memset(v, 0, sizeof v);
  for (size_t i = 0; i < ncols; i++)
    v[map[i]] = trim(fields[i].p, fields[i].n);
  if (!valid_id(v[COL_ID].p, v[COL_ID].n))
    return bad(L, v[COL_ID].p,
               _("id '%s' inválido: use letras minúsculas ASCII, dígitos e '-'"),
               tl_arena_strndup(&g->strs, v[COL_ID].p, v[COL_ID].n));
  if (v[COL_PREF].n == 0)
    return bad(L, v[COL_PREF].p ? v[COL_PREF].p : NULL,
               _("a coluna 'preferred' está vazia no conceito '%s'"),
               tl_arena_strndup(&g->strs, v[COL_ID].p, v[COL_ID].n));
  if (!(v[COL_GENDER].n == 0 ||
        (v[COL_GENDER].n == 1 &&
         (v[COL_GENDER].p[0] == 'm' || v[COL_GENDER].p[0] == 'f'))))
    return bad(L, v[COL_GENDER].p, _("gênero '%s' inválido: use m, f ou vazio"),
               tl_arena_strndup(&g->strs, v[COL_GENDER].p, v[COL_GENDER].n));
  if (!(v[COL_CASE].n == 0 ||
        (v[COL_CASE].n == 5 && memcmp(v[COL_CASE].p, "exact", 5) == 0) ||
        (v[COL_CASE].n == 3 && memcmp(v[COL_CASE].p, "any", 3) == 0)))
    return bad(L, v[COL_CASE].p, _("case '%s' inválido: use exact, any ou vazio"),
               tl_arena_strndup(&g->strs, v[COL_CASE].p, v[COL_CASE].n));
  tl_map_put(&g->ids, v[COL_ID].p, v[COL_ID].n, (uint32_t)g->nc, &created);
  if (!created) {
    tl_map_slot *s = tl_map_find(&g->ids, v[COL_ID].p, v[COL_ID].n);
    return bad(L, v[COL_ID].p, _("id '%.*s' repetido (já definido em %s:%u)"),
               (int)v[COL_ID].n, v[COL_ID].p, g->c[s->value].file,
               g->c[s->value].line);
  }
  TL_GROW(g->c, g->capc, g->nc + 1);
  ci = (uint32_t)g->nc++;
  c = &g->c[ci];
  memset(c, 0, sizeof *c); /* a row without an en column has no en */
  c->id = dup_str(g, v[COL_ID].p, v[COL_ID].n);
  tl_buf_clear(&L->a);
  tl_utf8_nfc(v[COL_PREF].p, v[COL_PREF].n, &L->a);
  c->preferred = dup_str(g, L->a.p, L->a.len);
  c->note = v[COL_NOTE].n ? dup_str(g, v[COL_NOTE].p, v[COL_NOTE].n) : NULL;
  c->source =
      v[COL_SOURCE].n ? dup_str(g, v[COL_SOURCE].p, v[COL_SOURCE].n) : NULL;
  c->file = dup_str(g, L->path, strlen(L->path));
  c->line = L->lineno;
  c->gender = v[COL_GENDER].n ? v[COL_GENDER].p[0] : 0;
  c->exact = v[COL_CASE].n == 5;
  if (v[COL_EN].n > 0) {
    c->en = dup_str(g, v[COL_EN].p, v[COL_EN].n);
    add_english(g, ci, v[COL_EN].p, v[COL_EN].n, c->exact);
  }
  /* accepted forms first, so that a forbidden form equal to one of them is
   * reported as such */
  st = add_form(L, ci, TL_FORM_PREFERRED, v[COL_PREF].p, v[COL_PREF].n,
                v[COL_PREF].p);
  if (st == TL_OK)
    st = add_list(L, ci, TL_FORM_ABBREV, v[COL_ABBREV]);
  if (st == TL_OK)
    st = add_list(L, ci, TL_FORM_ADMITTED, v[COL_ADMIT]);
  if (st == TL_OK)
    st = add_list(L, ci, TL_FORM_FORBIDDEN, v[COL_FORBID]);
  return st;
}

/* Whether a[0..na) and b[0..nb) differ by exactly one edit: a letter
 * inserted, deleted or substituted, or two neighbours swapped. */
static bool one_edit_apart(const char *a, size_t na, const char *b,
                           size_t nb)
{
  size_t i = 0;

  if (na > nb) {
    const char *t = a;
    size_t tn = na;
    a = b;
    na = nb;
    b = t;
    nb = tn;
  }
  if (nb - na > 1)
    return false;
  while (i < na && a[i] == b[i])
    i++;
  if (i == na)
    return nb == na + 1; /* one letter added at the end */
  if (na == nb)
    return memcmp(a + i + 1, b + i + 1, na - i - 1) == 0 || /* changed */
           (i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] &&
            memcmp(a + i + 2, b + i + 2, na - i - 2) == 0); /* swapped */
  return memcmp(a + i, b + i + 1, na - i) == 0; /* one letter added */
}

static bool ascii_word(const char *p, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z')))
      return false;
  return true;
}

/* The names a misspelling may be of: exact-case forms, not forbidden, of 6
 * ASCII letters or more, grouped by first letter (a counting sort keeps
 * the form order within a letter). */
static void build_names(const tl_gloss *g, struct tl_gloss_lazy *z)
{
  uint32_t count[256] = {0}, at[256];
  size_t total = 0;

  for (int pass = 0; pass < 2; pass++) {
    for (size_t fi = 0; fi < g->nf; fi++) {
      const tl_form *f = &g->f[fi];
      unsigned char b = (unsigned char)f->text[0];
      if (!f->exact || f->kind == TL_FORM_FORBIDDEN ||
          strlen(f->text) < 6 || !ascii_word(f->text, strlen(f->text)))
        continue;
      if (pass == 0)
        count[b]++;
      else
        z->names[at[b]++] = (uint32_t)fi;
    }
    if (pass == 0) {
      for (size_t b = 0; b < 256; b++) {
        z->name_at[b] = (uint32_t)total;
        at[b] = (uint32_t)total;
        total += count[b];
      }
      z->name_at[256] = (uint32_t)total;
      z->names = tl_xmalloc((total + 1) * sizeof *z->names);
    }
  }
}

/* Every form grouped by its concept (a counting sort: form order within a
 * concept). */
static void build_cforms(const tl_gloss *g, struct tl_gloss_lazy *z)
{
  uint32_t *at = tl_xcalloc(g->nc + 1, sizeof *at);

  z->cform_at = tl_xcalloc(g->nc + 1, sizeof *z->cform_at);
  z->cforms = tl_xmalloc((g->nf + 1) * sizeof *z->cforms);
  for (size_t fi = 0; fi < g->nf; fi++)
    z->cform_at[g->f[fi].concept + 1]++;
  for (size_t ci = 0; ci < g->nc; ci++)
    z->cform_at[ci + 1] += z->cform_at[ci];
  memcpy(at, z->cform_at, g->nc * sizeof *at);
  for (size_t fi = 0; fi < g->nf; fi++)
    z->cforms[at[g->f[fi].concept]++] = (uint32_t)fi;
  free(at);
}

const uint32_t *tl_gloss_concept_forms(const tl_gloss *g, uint32_t ci,
                                       size_t *count)
{
  struct tl_gloss_lazy *z;

  *count = 0;
  if (g == NULL || ci >= g->nc)
    return NULL;
  z = lazy_built(g, &g->lazy->cforms_ready, build_cforms);
  *count = z->cform_at[ci + 1] - z->cform_at[ci];
  return z->cforms + z->cform_at[ci];
}

const char *tl_gloss_name_typo(const tl_gloss *g, const char *p, size_t n)
{
  struct tl_gloss_lazy *z;
  unsigned char b;

  if (g == NULL || n < 6 || n > 40 || !ascii_word(p, n))
    return NULL;
  z = lazy_built(g, &g->lazy->names_ready, build_names);
  b = (unsigned char)p[0];
  for (uint32_t i = z->name_at[b]; i < z->name_at[b + 1]; i++) {
    const char *text = g->f[z->names[i]].text;
    size_t fn = strlen(text);
    if (fn + 1 < n || fn > n + 1)
      continue;
    if (n == fn + 1 && p[fn] == 's' && memcmp(p, text, fn) == 0)
      continue; /* a plural: "Oxfords" */
    if (one_edit_apart(p, n, text, fn))
      return text;
  }
  return NULL;
}

char tl_gloss_head_gender(const char *name)
{
  static const struct {
    const char *word;
    char gender;
  } EN_LAST[] = {
      {"Institute", 'm'},  {"Laboratory", 'm'},   {"Center", 'm'},
      {"Centre", 'm'},
      {"Group", 'm'},      {"Council", 'm'},      {"Fund", 'm'},
      {"Project", 'm'},    {"Forum", 'm'},        {"Office", 'm'},
      {"Department", 'm'}, {"Museum", 'm'},       {"Program", 'm'},
      {"Committee", 'm'},  {"Board", 'm'},        {"Consortium", 'm'},
      {"Foundation", 'f'}, {"University", 'f'},   {"Association", 'f'},
      {"Alliance", 'f'},   {"Academy", 'f'},      {"School", 'f'},
      {"Society", 'f'},    {"Commission", 'f'},   {"Agency", 'f'},
      {"Initiative", 'f'}, {"Organization", 'f'}, {"Federation", 'f'},
      {"Conference", 'f'}, {"Corporation", 'f'},  {NULL, 0}},
    PT_FIRST[] = {
      {"Instituto", 'm'},   {"Laboratório", 'm'}, {"Centro", 'm'},
      {"Grupo", 'm'},       {"Conselho", 'm'},    {"Fundo", 'm'},
      {"Projeto", 'm'},     {"Fórum", 'm'},       {"Departamento", 'm'},
      {"Museu", 'm'},       {"Programa", 'm'},    {"Comitê", 'm'},
      {"Consórcio", 'm'},   {"Ministério", 'm'},  {"Fundação", 'f'},
      {"Universidade", 'f'}, {"Associação", 'f'}, {"Aliança", 'f'},
      {"Academia", 'f'},    {"Escola", 'f'},      {"Sociedade", 'f'},
      {"Comissão", 'f'},    {"Agência", 'f'},     {"Iniciativa", 'f'},
      {"Organização", 'f'}, {"Federação", 'f'},   {"Conferência", 'f'},
      {NULL, 0}};
  const char *last = strrchr(name, ' ');
  size_t first = strcspn(name, " ");

  if (last == NULL)
    return 0; /* one word: a name, not an institution's */
  for (size_t i = 0; PT_FIRST[i].word != NULL; i++)
    if (strlen(PT_FIRST[i].word) == first &&
        memcmp(name, PT_FIRST[i].word, first) == 0)
      return PT_FIRST[i].gender;
  for (size_t i = 0; EN_LAST[i].word != NULL; i++)
    if (strcmp(last + 1, EN_LAST[i].word) == 0)
      return EN_LAST[i].gender;
  return 0;
}

const char *tl_gloss_rendering(const tl_gloss *g, const char *p, size_t n)
{
  long ci = g != NULL ? tl_gloss_find_en(g, p, n) : -1;
  const char *pref;
  tl_buf a, b;
  bool accepted;
  tl_map_slot *s;

  if (ci < 0)
    return NULL;
  pref = g->c[ci].preferred;
  tl_buf_init(&a);
  tl_buf_init(&b);
  tl_utf8_fold(p, n, &a);
  tl_utf8_fold(pref, strlen(pref), &b);
  /* the preferred form but for case ("NVIDIA"), or an accepted rendering
   * of the concept itself ("dataset") */
  accepted = a.len == b.len && memcmp(a.p, b.p, a.len) == 0;
  tl_buf_clear(&b);
  tl_buf_addc(&b, 'A');
  claim_key(p, n, &b);
  s = tl_map_find(&g->claims, b.p, b.len);
  accepted |= s != NULL && (long)((s->value - 1) >> 2) == ci &&
              ((s->value - 1) & 3) != TL_FORM_FORBIDDEN;
  tl_buf_fini(&a);
  tl_buf_fini(&b);
  return accepted ? NULL : pref;
}

static size_t split_tabs(char *line, size_t n, field *out, size_t max)
{
  size_t k = 0, s = 0;

  for (size_t i = 0; i <= n; i++)
    if (i == n || line[i] == '\t') {
      if (k < max)
        out[k] = (field){line + s, i - s};
      k++;
      s = i + 1;
    }
  return k;
}

static tl_status load_stream(tl_gloss *g, const char *path, FILE *fp,
                             tl_error *err);

static tl_status load_file(tl_gloss *g, const char *path, tl_error *err)
{
  FILE *fp;
  tl_status st = tl_input_open(path, 0, _("o glossário"), TL_EGLOSS, &fp, NULL,
                               err);

  if (st != TL_OK)
    return st;
  st = load_stream(g, path, fp, err);
  fclose(fp);
  return st;
}

tl_status tl_gloss_load_buffer(tl_gloss *g, const char *name,
                               const char *data, size_t len, tl_error *err)
{
  FILE *fp;
  tl_status st;

  if (len == 0)
    return tl_error_set(err, TL_EGLOSS, _("%s: glossário vazio"), name);
  fp = fmemopen((void *)(uintptr_t)data, len, "rb");
  if (fp == NULL)
    return tl_error_set(err, TL_EGLOSS, "%s: %s", name, tl_strerror(errno));
  st = load_stream(g, name, fp, err);
  fclose(fp);
  return st;
}

static tl_status load_stream(tl_gloss *g, const char *path, FILE *fp,
                             tl_error *err)
{
  loader L;
  char *line = NULL;
  size_t cap = 0, ncols = 0;
  ssize_t got;
  int map[NCOLS + 1];
  field fields[NCOLS + 1];
  tl_status st = TL_OK;
  bool header = false;

  memset(&L, 0, sizeof L);
  L.g = g;
  L.path = path;
  L.err = err;
  tl_buf_init(&L.a);
  tl_buf_init(&L.b);
  tl_buf_init(&L.c);
  tl_buf_init(&L.d);
  while (st == TL_OK && (got = getline(&line, &cap, fp)) >= 0) {
    size_t n = (size_t)got, bad_at, k;
    L.lineno++;
    L.line = line;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      n--;
    line[n] = '\0';
    if (L.lineno == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
      memmove(line, line + 3, n - 2);
      n -= 3;
    }
    if (memchr(line, '\0', n) != NULL) {
      st = bad(&L, NULL, "%s", _("byte NUL: o glossário deve ser texto UTF-8"));
      break;
    }
    bad_at = tl_utf8_validate(line, n);
    if (bad_at < n) {
      st = bad(&L, line + bad_at, "%s",
               _("UTF-8 inválido: salve o glossário como UTF-8"));
      break;
    }
    if (n == 0 || line[0] == '#')
      continue;
    k = split_tabs(line, n, fields, NCOLS + 1);
    if (!header) {
      bool seen[NCOLS] = {false};
      bool ok = true;
      if (k > NCOLS) {
        st = bad(&L, fields[NCOLS].p, "%s", _("colunas demais no cabeçalho"));
        break;
      }
      for (size_t i = 0; i < k && ok; i++) {
        field f = trim(fields[i].p, fields[i].n);
        int col = -1;
        for (int j = 0; COLUMNS[j] != NULL; j++)
          if (strlen(COLUMNS[j]) == f.n && memcmp(COLUMNS[j], f.p, f.n) == 0)
            col = j;
        if (col < 0) {
          st = bad(&L, f.p,
                   _("coluna desconhecida '%s' (colunas: id, en, preferred, "
                   "abbrev, admitted, forbidden, gender, case, note, "
                   "source)"),
                   tl_arena_strndup(&g->strs, f.p, f.n));
          ok = false;
        } else if (seen[col]) {
          st = bad(&L, f.p, _("coluna '%s' repetida"), COLUMNS[col]);
          ok = false;
        } else {
          seen[col] = true;
          map[i] = col;
        }
      }
      if (!ok)
        break;
      if (!seen[COL_ID] || !seen[COL_PREF]) {
        st = bad(&L, NULL, _("falta a coluna '%s' no cabeçalho"),
                 !seen[COL_ID] ? "id" : "preferred");
        break;
      }
      ncols = k;
      header = true;
      continue;
    }
    if (k != ncols) {
      st = bad(&L, k > ncols ? fields[ncols].p : NULL,
               _("o número de colunas da linha (%zu) não é o do cabeçalho "
                 "(%zu): separe as colunas com um TAB"),
               k, ncols);
      break;
    }
    st = add_row(&L, map, ncols, fields);
  }
  if (st == TL_OK && !header)
    st = tl_error_set(err, TL_EGLOSS,
                      _("%s: glossário sem cabeçalho (a primeira linha que não "
                      "é comentário nomeia as colunas)"),
                      path);
  if (st == TL_OK && ferror(fp))
    st = tl_error_set(err, TL_EGLOSS, _("%s: erro de leitura"), path);
  free(line);
  tl_buf_fini(&L.a);
  tl_buf_fini(&L.b);
  tl_buf_fini(&L.c);
  tl_buf_fini(&L.d);
  if (st == TL_OK)
    g->nfiles++;
  return st;
}

tl_status tl_gloss_load(tl_gloss *g, const char *path, tl_error *err)
{
  struct stat st;
  char **names;
  size_t n = 0;
  tl_status rc = TL_OK;

  if (stat(path, &st) != 0)
    return tl_error_set(err, TL_EGLOSS, _("%s: glossário não encontrado: %s"),
                        path, tl_strerror(errno));
  if (!S_ISDIR(st.st_mode))
    return load_file(g, path, err);
  names = tl_dir_files(path, ".tsv", &n);
  if (names == NULL)
    return tl_error_set(err, TL_EGLOSS, "%s: %s", path, tl_strerror(errno));
  for (size_t i = 0; i < n; i++) {
    if (rc == TL_OK)
      rc = load_file(g, names[i], err);
    free(names[i]);
  }
  free(names);
  if (rc == TL_OK && n == 0)
    rc = tl_error_set(err, TL_EGLOSS, _("%s: nenhum glossário (*.tsv) na pasta"),
                      path);
  return rc;
}

void tl_gloss_words(const tl_gloss *g, void (*fn)(void *, const char *, size_t),
                    void *ud)
{
  for (size_t i = 0; i < g->nf; i++) {
    const tl_form *f = &g->f[i];
    const char *t = f->text;
    size_t n = strlen(t), s = 0;
    if (f->kind == TL_FORM_FORBIDDEN)
      continue;
    for (size_t k = 0; k <= n; k++)
      if (k == n || t[k] == ' ') {
        if (k > s && !has_digit(t + s, k - s))
          fn(ud, t + s, k - s);
        s = k + 1;
      }
  }
}

/* ---- predicative forms ------------------------------------------------- */

typedef struct pred_entry {
  const char *adj;
  size_t alen;
  tl_pred_form f;
} pred_entry;

static int by_adjective(const void *a, const void *b)
{
  const pred_entry *x = a, *y = b;
  size_t n = x->alen < y->alen ? x->alen : y->alen;
  int d = memcmp(x->adj, y->adj, n);

  if (d != 0)
    return d;
  if (x->alen != y->alen)
    return x->alen < y->alen ? -1 : 1;
  return x->f.form < y->f.form ? -1 : x->f.form > y->f.form;
}

static void build_preds(const tl_gloss *g, struct tl_gloss_lazy *z)
{
  pred_entry *v = NULL;
  size_t n = 0, cap = 0;
  tl_buf k;

  tl_buf_init(&k);
  for (size_t fi = 0; fi < g->nf; fi++) {
    const tl_form *f = &g->f[fi];
    const tl_concept *c = &g->c[f->concept];
    const char *sp = strchr(f->text, ' ');
    size_t nl;
    if (f->kind != TL_FORM_FORBIDDEN || f->exact || sp == NULL ||
        strchr(sp + 1, ' ') != NULL || strchr(f->text, '-') != NULL)
      continue;
    nl = (size_t)(sp - f->text);
    /* the concept's own form has the same noun */
    if (strchr(c->preferred, ' ') == NULL ||
        strncmp(c->preferred, f->text, nl + 1) != 0)
      continue;
    TL_GROW(v, cap, n + 1);
    tl_buf_clear(&k);
    tl_gloss_word_key(sp + 1, strlen(sp + 1), &k);
    v[n].alen = k.len;
    v[n].adj = tl_arena_strndup(&z->keys, k.p, k.len);
    tl_buf_clear(&k);
    tl_gloss_word_key(f->text, nl, &k);
    v[n].f = (tl_pred_form){(uint32_t)fi,
                            tl_arena_strndup(&z->keys, k.p, k.len), k.len};
    n++;
  }
  tl_buf_fini(&k);
  if (n > 0)
    qsort(v, n, sizeof *v, by_adjective);
  z->pv = tl_xmalloc((n + 1) * sizeof *z->pv);
  z->pn = tl_xcalloc(n + 1, sizeof *z->pn);
  for (size_t i = 0; i < n; i++) {
    bool created;
    tl_map_slot *s = tl_map_put(&z->pred, v[i].adj, v[i].alen,
                                (uint32_t)i + 1, &created);
    z->pv[i] = v[i].f;
    z->pn[s->value - 1]++;
  }
  z->npv = n;
  free(v);
}

static const struct tl_gloss_lazy *preds(const tl_gloss *g)
{
  return lazy_built(g, &g->lazy->pred_ready, build_preds);
}

bool tl_gloss_has_pred_forms(const tl_gloss *g)
{
  return preds(g)->npv > 0;
}

const tl_pred_form *tl_gloss_pred_forms(const tl_gloss *g, const char *key,
                                        size_t n, size_t *count)
{
  const struct tl_gloss_lazy *z = preds(g);
  const tl_map_slot *s = z->npv > 0 ? tl_map_find(&z->pred, key, n) : NULL;

  *count = s != NULL ? z->pn[s->value - 1] : 0;
  return s != NULL ? &z->pv[s->value - 1] : NULL;
}

/* ---- matching ----------------------------------------------------------- */

struct tl_piece {
  size_t off;
  uint32_t len, tok;
  bool first, last; /* first/last piece of its token */
  size_t ekey, akey; /* offsets of the NUL-terminated keys in m->keys */
  uint32_t elen, alen;
  uint64_t eh, ah;   /* their hashes */
  uint32_t root[2];  /* the root's child by each key (0: none; UINT32_MAX:
                        not known), for the glossary m->root_of */
};

void tl_gloss_token_keys_matched(const tl_matches *m, const char *doc,
                                 const tl_tokens *t, tl_buf *keys,
                                 size_t *offs)
{
  size_t j = 0;

  tl_buf_clear(keys);
  offs[0] = 0;
  for (size_t i = 0; i < t->n; i++) {
    const tl_token *tok = &t->v[i];
    const tl_piece *p;
    while (j < m->npieces && m->pieces[j].tok < i)
      j++;
    p = j < m->npieces ? &m->pieces[j] : NULL;
    /* a piece's any-case key is 'A' then the word's key (word_key) */
    if (p != NULL && p->tok == i && p->first && p->last &&
        p->off == tok->off && p->len == tok->len && p->alen >= 1)
      tl_buf_add(keys, m->keys.p + p->akey + 1, p->alen - 1);
    else
      tl_gloss_word_key(doc + tok->off, tok->len, keys);
    offs[i + 1] = keys->len;
  }
}

const tl_match *tl_matches_overlap(const tl_matches *m, size_t off,
                                   size_t end)
{
  size_t lo = 0, hi;

  if (m == NULL)
    return NULL;
  hi = m->n;
  while (lo < hi) { /* the first match ending after @off */
    size_t mid = lo + (hi - lo) / 2;
    if (m->v[mid].off + m->v[mid].len <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < m->n && m->v[lo].off < end ? &m->v[lo] : NULL;
}

const tl_match *tl_matches_at_token(const tl_matches *m, size_t k)
{
  size_t lo = 0, hi;

  if (m == NULL)
    return NULL;
  hi = m->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m->v[mid].tok_last < k)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < m->n && m->v[lo].tok_first <= k ? &m->v[lo] : NULL;
}

void tl_matches_init(tl_matches *m)
{
  memset(m, 0, sizeof *m);
  tl_buf_init(&m->keys);
  tl_buf_init(&m->tmp);
  tl_map_init(&m->keycache);
}

void tl_matches_fini(tl_matches *m)
{
  free(m->v);
  free(m->pieces);
  tl_buf_fini(&m->keys);
  tl_buf_fini(&m->tmp);
  tl_map_fini(&m->keycache);
  memset(m, 0, sizeof *m);
}

static uint32_t child(const tl_gloss *g, uint32_t node, const char *key,
                      size_t klen, uint64_t kh);
static const struct tl_gloss_lazy *root_filter(const tl_gloss *g);

/* The root's child by key[0..n) (hash @kh), or 0: the bit set first. */
static uint32_t root_child(const tl_gloss *g, const struct tl_gloss_lazy *z,
                           const char *key, size_t n, uint64_t kh)
{
  size_t bit = ROOT_BIT(kh, z->root_mask);

  if (!(z->root_bits[bit / 64] >> (bit % 64) & 1))
    return 0; /* no form opens with this word */
  return child(g, 0, key, n, kh);
}

/* @roots: the kept roots are @g's (else they are kept as unknown). */
static void add_piece(const tl_gloss *g, const struct tl_gloss_lazy *z,
                      bool roots, tl_matches *m, const char *doc, size_t off,
                      size_t len, uint32_t tok, bool first, uint32_t *keyat)
{
  tl_piece *p;

  TL_GROW(m->pieces, m->cappieces, m->npieces + 1);
  p = &m->pieces[m->npieces++];
  p->off = off;
  p->len = (uint32_t)len;
  p->tok = tok;
  p->first = first;
  p->last = false;
  /* both keys of a word, their hashes and the trie root's children by
   * them (for m->root_of) are computed once and kept:
   * [eh][ah][elen][alen][eroot][aroot] ekey\0 akey\0 */
  {
    bool created = false;
    tl_map_slot one = {NULL, 0, 0, 0}, *s = &one;
    const char *base;
    /* a whole token whose keys the caller knows (@keyat): no lookup */
    if (keyat != NULL && *keyat != UINT32_MAX)
      one.value = *keyat;
    else
      s = tl_map_put(&m->keycache, doc + off, len, 0, &created);
    if (created) {
      size_t at = m->keys.len, e0, a0;
      uint64_t hh[2] = {0, 0};
      uint32_t ll[2] = {0, 0}, rr[2];
      s->value = (uint32_t)at;
      tl_buf_add(&m->keys, hh, sizeof hh);
      tl_buf_add(&m->keys, ll, sizeof ll);
      tl_buf_add(&m->keys, ll, sizeof ll); /* the roots, below */
      e0 = m->keys.len;
      word_key(&m->keys, doc + off, len, true);
      ll[0] = (uint32_t)(m->keys.len - e0);
      tl_buf_addc(&m->keys, '\0');
      a0 = m->keys.len;
      word_key(&m->keys, doc + off, len, false);
      ll[1] = (uint32_t)(m->keys.len - a0);
      tl_buf_addc(&m->keys, '\0');
      hh[0] = tl_hash(m->keys.p + e0, ll[0]);
      hh[1] = tl_hash(m->keys.p + a0, ll[1]);
      rr[0] = roots ? root_child(g, z, m->keys.p + e0, ll[0], hh[0])
                    : UINT32_MAX;
      rr[1] = roots ? root_child(g, z, m->keys.p + a0, ll[1], hh[1])
                    : UINT32_MAX;
      memcpy(m->keys.p + at, hh, sizeof hh);
      memcpy(m->keys.p + at + sizeof hh, ll, sizeof ll);
      memcpy(m->keys.p + at + sizeof hh + sizeof ll, rr, sizeof rr);
    }
    if (keyat != NULL)
      *keyat = s->value;
    base = m->keys.p + s->value;
    memcpy(&p->eh, base, 8);
    memcpy(&p->ah, base + 8, 8);
    memcpy(&p->elen, base + 16, 4);
    memcpy(&p->alen, base + 20, 4);
    memcpy(p->root, base + 24, 8);
    p->ekey = s->value + 32;
    p->akey = p->ekey + p->elen + 1;
  }
}

/* Tokens k and k+1 stand together: only spaces or emphasis between. */
static bool adjacent(const char *doc, const tl_token *a, const tl_token *b)
{
  size_t i = a->off + a->len;

  if (b->off <= i)
    return false;
  for (; i < b->off; i++)
    if (!strchr(" \t\r\n*_", doc[i]))
      return false;
  return true;
}

/* How closely the folded letters @s spell the form's letters @f: the
 * letters they share from the start, less the form's letters left over.
 * Tells "incubadora(s)" (the house form) from "incubador(es)" (a
 * forbidden gender variant of it) when both fold to one key. */
static long closeness(const char *s, const char *f)
{
  size_t k = 0, fn = strlen(f);

  while (s[k] != '\0' && s[k] == f[k])
    k++;
  return (long)k - (long)(fn - k);
}

static size_t cps(const char *p, size_t n)
{
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    c += ((unsigned char)p[i] & 0xC0) != 0x80;
  return c;
}

/* Verdict of entry @e for the surface pieces[i..j]: -1 none, else how. */
static int judge(const tl_gloss *g, tl_spell *spell, const char *doc,
                 tl_matches *m, size_t i, size_t j, const tl_gloss_entry *e,
                 bool sentence_start, bool *same_letters)
{
  const tl_form *f = &g->f[e->form];
  const tl_piece *a = &m->pieces[i], *b = &m->pieces[j];
  const char *s = doc + a->off;
  size_t n = b->off + b->len - a->off;
  bool shape_ok = e->path == PATH_CANON;

  /* separators of the surface against the form's */
  for (size_t k = i; k < j && shape_ok; k++) {
    char sep = m->pieces[k + 1].first ? ' ' : '-';
    shape_ok = f->shape[k - i] == sep;
  }
  tl_buf_clear(&m->tmp);
  claim_key(s, n, &m->tmp);
  *same_letters = strcmp(m->tmp.p, f->letters) == 0;
  if (f->exact) {
    tl_buf_clear(&m->tmp);
    if (memchr(s, '\n', n) || memchr(s, '\t', n) || memchr(s, '\r', n)) {
      /* a name broken across source lines ("Llama\n3.2") is written as
       * the name: its separators are white space, one space each */
      tl_buf ws;
      tl_buf_init(&ws);
      for (size_t k = 0; k < n; k++) {
        bool white = s[k] == ' ' || s[k] == '\n' || s[k] == '\t' || s[k] == '\r';
        if (!white)
          tl_buf_addc(&ws, s[k]);
        else if (ws.len > 0 && ws.p[ws.len - 1] != ' ')
          tl_buf_addc(&ws, ' ');
      }
      tl_utf8_nfc(ws.p, ws.len, &m->tmp);
      tl_buf_fini(&ws);
    } else {
      tl_utf8_nfc(s, n, &m->tmp);
    }
    if (shape_ok && strcmp(m->tmp.p, f->text) == 0)
      return TL_MATCH_EXACT;
    if (f->kind == TL_FORM_FORBIDDEN)
      return -1; /* a wrong name is wrong as written, not in its variants */
    if (cps(f->text, strlen(f->text)) <= 3 && shape_ok &&
        has_digit(f->text, strlen(f->text)))
      return -1; /* o1, o3, R1: exact case only (O3 is ozone) */
    if (!memchr(s, ' ', n) && (!tl_utf8_has_upper(s, n) || sentence_start)) {
      /* "meta", "ia", and "Ia" starting a sentence: ordinary words */
      tl_buf_clear(&m->tmp);
      tl_utf8_lower(s, n, &m->tmp);
      if (spell != NULL &&
          tl_spell_check(spell, m->tmp.p, m->tmp.len, NULL) == 1)
        return -1;
    }
    return TL_MATCH_VARIANT;
  }
  if (shape_ok || f->kind == TL_FORM_FORBIDDEN)
    return TL_MATCH_EXACT;
  return TL_MATCH_VARIANT;
}


/* The root's keys as a bit set of 32 bits a key or more: most words open
 * no form, and the bit set, unlike the edge table of a large glossary,
 * stays in the cache. */
static void build_root(const tl_gloss *g, struct tl_gloss_lazy *z)
{
  size_t nroot = 0, bits = 4096;

  for (size_t i = 0; i < g->capedges; i++)
    nroot += g->edges[i].key != NULL && g->edges[i].parent == 0;
  while (bits < nroot * 32)
    bits *= 2;
  z->root_bits = tl_xcalloc(bits / 64, sizeof *z->root_bits);
  z->root_mask = bits - 1;
  for (size_t i = 0; i < g->capedges; i++)
    if (g->edges[i].key != NULL && g->edges[i].parent == 0) {
      size_t b = ROOT_BIT(g->edges[i].kh, z->root_mask);
      z->root_bits[b / 64] |= (uint64_t)1 << (b % 64);
    }
}

static const struct tl_gloss_lazy *root_filter(const tl_gloss *g)
{
  return lazy_built(g, &g->lazy->root_ready, build_root);
}

void tl_gloss_root_begin(tl_gloss *g, size_t nedges)
{
  struct tl_gloss_lazy *z = g->lazy;
  size_t bits = 4096;

  while (bits < nedges * 32)
    bits *= 2;
  free(z->root_bits);
  z->root_bits = tl_xcalloc(bits / 64, sizeof *z->root_bits);
  z->root_mask = bits - 1;
}

void tl_gloss_root_add(tl_gloss *g, uint64_t kh)
{
  struct tl_gloss_lazy *z = g->lazy;
  size_t b = ROOT_BIT(kh, z->root_mask);

  z->root_bits[b / 64] |= (uint64_t)1 << (b % 64);
}

void tl_gloss_root_end(tl_gloss *g)
{
  atomic_store_explicit(&g->lazy->root_ready, true, memory_order_release);
}

void tl_gloss_match(const tl_gloss *g, tl_spell *spell, const char *doc,
                    const tl_tokens *t, tl_matches *m)
{
  tl_gloss_match_keyed(g, spell, doc, t, m, NULL);
}

void tl_gloss_match_keyed(const tl_gloss *g, tl_spell *spell, const char *doc,
                          const tl_tokens *t, tl_matches *m, uint32_t *keyat)
{
  const struct tl_gloss_lazy *z;
  bool roots;

  m->n = 0;
  m->npieces = 0;
  if (g == NULL || g->nf == 0)
    return;
  z = root_filter(g);
  if (m->root_of == 0 && m->keys.len == 0)
    m->root_of = z->serial; /* the kept roots are this glossary's */
  roots = m->root_of == z->serial;
  /* Words split at hyphens: "pré-treinamento" is "pré" + "treinamento". */
  for (size_t k = 0; k < t->n; k++) {
    const tl_token *tok = &t->v[k];
    const char *p = doc + tok->off;
    size_t n = tok->len, s = 0, i = 0, adv;
    bool first = true;
    while (i <= n) {
      if (i == n || is_hyphen_at(p, n, i, &adv)) {
        if (i > s) {
          add_piece(g, z, roots, m, doc, tok->off + s, i - s, (uint32_t)k,
                    first,
                    keyat != NULL && s == 0 && i == n ? &keyat[k] : NULL);
          first = false;
        }
        if (i == n)
          break;
        i += adv;
        s = i;
      } else {
        i++;
      }
    }
    if (!first)
      m->pieces[m->npieces - 1].last = true;
  }
  for (size_t i = 0; i < m->npieces;) {
    size_t best_j = 0, cand_j[32], ncand = 0;
    uint32_t cand_node[32];
    size_t advance = 1;

    if (!m->pieces[i].first) {
      i++;
      continue;
    }
    for (int type = 0; type < 2; type++) { /* exact-case and any-case keys */
      uint32_t node = 0;
      for (size_t j = i; j < m->npieces; j++) {
        const tl_piece *pc = &m->pieces[j];
        const char *key = m->keys.p + (type == 0 ? pc->ekey : pc->akey);
        if (j > i && pc->first &&
            !adjacent(doc, &t->v[m->pieces[j - 1].tok], &t->v[pc->tok]))
          break;
        uint64_t kh = type == 0 ? pc->eh : pc->ah;
        size_t klen = type == 0 ? pc->elen : pc->alen;
        if (node == 0)
          node = roots && pc->root[type] != UINT32_MAX
                     ? pc->root[type]
                     : root_child(g, z, key, klen, kh);
        else
          node = child(g, node, key, klen, kh);
        if (node == 0)
          break;
        if (g->first[node] != 0 && pc->last && ncand < 32) {
          cand_j[ncand] = j;
          cand_node[ncand++] = node;
        }
      }
    }
    /* longest first; among equals, the first found */
    while (ncand > 0) {
      size_t bi = 0;
      const tl_gloss_entry *best = NULL;
      int best_how = -1;
      bool best_same = false;
      for (size_t c = 1; c < ncand; c++)
        if (cand_j[c] > cand_j[bi])
          bi = c;
      for (uint32_t e = g->first[cand_node[bi]]; e != 0;
           e = g->ent[e - 1].next) {
        bool same;
        int how = judge(g, spell, doc, m, i, cand_j[bi], &g->ent[e - 1],
                        (t->v[m->pieces[i].tok].flags & TL_TF_SENT_START) != 0,
                        &same);
        bool closer = false;
        if (how >= 0 && how == best_how &&
            g->f[g->ent[e - 1].form].concept == g->f[best->form].concept &&
            (g->f[g->ent[e - 1].form].kind == TL_FORM_FORBIDDEN) !=
                (g->f[best->form].kind == TL_FORM_FORBIDDEN)) {
          /* two forms of one concept, one of them forbidden, fold to
           * one key: the one the surface spells more closely wins */
          const tl_piece *a = &m->pieces[i], *b = &m->pieces[cand_j[bi]];
          tl_buf_clear(&m->tmp);
          claim_key(doc + a->off, b->off + b->len - a->off, &m->tmp);
          closer = closeness(m->tmp.p, g->f[g->ent[e - 1].form].letters) >
                   closeness(m->tmp.p, g->f[best->form].letters);
        }
        if (how >= 0 && (best_how < 0 || how < best_how || closer)) {
          best = &g->ent[e - 1];
          best_how = how;
          best_same = same;
        }
      }
      if (best != NULL) {
        const tl_piece *a = &m->pieces[i], *b = &m->pieces[cand_j[bi]];
        TL_GROW(m->v, m->cap, m->n + 1);
        m->v[m->n++] = (tl_match){a->off, b->off + b->len - a->off,
                                  best->form, g->f[best->form].concept,
                                  a->tok, b->tok, (uint8_t)best_how,
                                  best_same};
        best_j = cand_j[bi];
        advance = best_j - i + 1;
        break;
      }
      cand_j[bi] = cand_j[--ncand];
      cand_node[bi] = cand_node[ncand];
    }
    i += advance;
  }
}
