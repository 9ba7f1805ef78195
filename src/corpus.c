#include "corpus.h"

#include "report.h"

#include "buf.h"

#include "house.h"
#include "lint.h"
#include "name.h"
#include "msg.h"
#include "prose.h"
#include "utf8.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

tl_status tl_corpus_open(tl_corpus **out, const char *path, unsigned flags,
                         tl_error *err)
{
  return tl_corpus_open_archive(out, path, NULL, flags, err);
}

bool tl_corpus_is_server(const char *db)
{
  return tl_store_is_server(db);
}

const char *tl_corpus_name(const tl_corpus *c)
{
  return tl_store_path(c->store);
}

const char *tl_corpus_archive(const tl_corpus *c)
{
  return tl_store_archive(c->store);
}

tl_status tl_corpus_open_archive(tl_corpus **out, const char *path,
                                 const char *archive, unsigned flags,
                                 tl_error *err)
{
  tl_store *st = NULL;
  unsigned f = 0;
  tl_status rc;

  *out = NULL;
  if (flags & TL_CORPUS_REBUILD)
    f |= TL_STORE_REBUILD;
  if (flags & TL_CORPUS_READONLY)
    f |= TL_STORE_READONLY;
  rc = tl_store_open(&st, path, archive, f, err);
  if (rc != TL_OK)
    return rc;
  *out = tl_xcalloc(1, sizeof **out);
  (*out)->store = st;
  return TL_OK;
}

void tl_corpus_close(tl_corpus *c)
{
  if (c == NULL)
    return;
  tl_store_close(c->store);
  free(c);
}

bool tl_corpus_readonly(const tl_corpus *c)
{
  return tl_store_is_readonly(c->store);
}

size_t tl_corpus_recorded(const tl_corpus *c)
{
  return tl_store_recorded(c->store);
}

void tl_corpus_set_batch(tl_corpus *c, unsigned docs, unsigned ms)
{
  tl_store_set_batch(c->store, docs, ms);
}

/* ---- the spelling cache ------------------------------------------------- */

static int b_lookup(void *ud, const char *dict, const char *w, size_t n)
{
  return tl_store_verdict(ud, dict, w, n);
}

static void b_save(void *ud, const char *dict, const char *w, size_t n,
                   int known)
{
  tl_store_put_verdict(ud, dict, w, n, known);
}

static int b_get_sugg(void *ud, const char *dict, const char *w, size_t n,
                      char **block)
{
  return tl_store_suggestions(ud, dict, w, n, block);
}

static void b_save_sugg(void *ud, const char *dict, const char *w, size_t n,
                        const char *const *v, size_t nv)
{
  tl_store_put_suggestions(ud, dict, w, n, v, nv);
}

/* The identity of a speller's verdicts: its dictionary files and the word
 * lists and glossary words added to it. */
static char *dict_id(const tl_spell *sp, const char *lang, uint64_t words)
{
  tl_buf b;
  char out[64];

  tl_buf_init(&b);
  tl_spell_identity(sp, &b);
  snprintf(out, sizeof out, "%s-%016llx-%016llx", lang,
           (unsigned long long)tl_hash(b.p, b.len), (unsigned long long)words);
  tl_buf_fini(&b);
  return tl_xstrdup(out);
}

/* The archive's house usage, read once for the run (see house.h); a
 * failure waits for the first document (tl_lint_take reports it). */
static void load_house(tl_linter *l, tl_corpus *c)
{
  if (l->house != NULL) {
    tl_house_fini(l->house);
    free(l->house);
    l->house = NULL;
  }
  l->house_st = TL_OK;
  if (c == NULL)
    return;
  l->house = tl_xmalloc(sizeof *l->house);
  tl_house_init(l->house, l->opt.accept_names, l->opt.accept_words);
  l->house_st = tl_house_load(l->house, c->store, l->gloss, &l->house_err);
}

void tl_linter_set_corpus(tl_linter *l, tl_corpus *c, const char *root)
{
  tl_spell_backing b;

  if (l->sibling) { /* the spellers are the parent's, already backed */
    free(l->root);
    l->root = tl_xstrdup(root != NULL ? root : ".");
    l->corpus = c;
    return;
  }

  free(l->root);
  free(l->dict_pt);
  free(l->dict_en);
  l->root = NULL;
  l->dict_pt = l->dict_en = NULL;
  l->corpus = c;
  load_house(l, c);
  if (c == NULL) {
    tl_spell_set_backing(l->spell, NULL);
    if (l->spell_en != NULL)
      tl_spell_set_backing(l->spell_en, NULL);
    return;
  }
  l->root = tl_xstrdup(root != NULL ? root : ".");
  l->dict_pt = dict_id(l->spell, "pt_BR", l->words_hash);
  b.ud = c->store;
  b.lookup = b_lookup;
  b.save = b_save;
  b.get_sugg = b_get_sugg;
  b.save_sugg = b_save_sugg;
  b.dict = l->dict_pt;
  tl_spell_set_backing(l->spell, &b);
  if (l->spell_en != NULL) {
    l->dict_en = dict_id(l->spell_en, "en_US", 0);
    b.dict = l->dict_en;
    tl_spell_set_backing(l->spell_en, &b);
  }
}

tl_status tl_linter_flush(tl_linter *l, tl_error *err)
{
  return l->corpus != NULL ? tl_store_flush(l->corpus->store, err) : TL_OK;
}

/* ---- variant candidates ------------------------------------------------- */

static const char *const PREFIXES[] = {"auto", "pré", "pós", "multi",
                                       "anti", "semi", "micro", "super",
                                       "inter", "hiper", NULL};

static void put_surface(tl_ctx *c, tl_map *m, const char *s, size_t n)
{
  tl_buf key;
  size_t klen;

  tl_buf_init(&key);
  tl_utf8_fold(s, n, &key);
  klen = 0;
  for (size_t i = 0; i < key.len; i++) /* letters only: joined */
    if (key.p[i] != '-' && key.p[i] != ' ' && key.p[i] != '\'')
      key.p[klen++] = key.p[i];
  key.len = klen;
  if (klen >= 4) {
    tl_buf_addc(&key, '\x1f');
    tl_utf8_nfc(s, n, &key);
    tl_map_put(m, key.p, key.len, 0, NULL)->value++;
  }
  tl_buf_fini(&key);
  (void)c;
}

void tl_corpus_collect(tl_ctx *c, const tl_tokens *t, const tl_matches *m,
                       tl_map *surfaces)
{
  size_t mi = 0;

  for (size_t k = 0; k < t->n; k++) {
    const tl_token *tok = &t->v[k];
    const char *p = c->doc + tok->off;
    bool candidate = false;

    while (m != NULL && mi < m->n && m->v[mi].tok_last < k)
      mi++;
    if (m != NULL && mi < m->n && m->v[mi].tok_first <= k &&
        k <= m->v[mi].tok_last)
      continue; /* a glossary term: the glossary covers it */
    if (tok->kind != TL_TOK_WORD && tok->kind != TL_TOK_MIXED)
      continue;
    if (tok->flags & (TL_TF_HYPHEN | TL_TF_INNERCAP)) {
      candidate = true; /* auto-atenção, HuggingFace */
    } else {
      for (size_t i = 0; PREFIXES[i] != NULL && !candidate; i++) {
        size_t pl = strlen(PREFIXES[i]);
        candidate = tok->len > pl + 3 && memcmp(p, PREFIXES[i], pl) == 0;
      }
    }
    if (candidate)
      put_surface(c, surfaces, p, tok->len);
    /* names of two capitalised words: "Hugging Face" (and "hugging face"
     * when its words are not Portuguese) */
    if (k + 1 < t->n && t->v[k + 1].sent == tok->sent &&
        tok->kind == TL_TOK_WORD && t->v[k + 1].kind == TL_TOK_WORD &&
        t->v[k + 1].off == tok->off + tok->len + 1 &&
        c->doc[tok->off + tok->len] == ' ') {
      const tl_token *nx = &t->v[k + 1];
      bool caps = (tok->flags & TL_TF_CAP) && (nx->flags & TL_TF_CAP) &&
                  !(tok->flags & TL_TF_SENT_START);
      bool foreign = false;
      if (!caps && !(tok->flags & TL_TF_CAP)) {
        tl_buf_clear(&c->key);
        tl_token_key(c->doc, tok, &c->key);
        foreign = tl_spell_check(c->spell, c->key.p, c->key.len, NULL) == 0;
      }
      if (caps || foreign)
        put_surface(c, surfaces, p, nx->off + nx->len - tok->off);
    }
  }
}

/* ---- house usage: the words a document writes --------------------------- */

/* Roles whose words say nothing of the house's usage: code, mentioned or
 * quoted language, glosses in parentheses, names and titles (names come
 * from the document's names, tl_result names). */
#define NOT_USAGE                                                           \
  (TL_ROLE_CODE | TL_ROLE_CODENAME | TL_ROLE_MENTION | TL_ROLE_FOREIGN |    \
   TL_ROLE_GLOSS | TL_ROLE_QUOTED | TL_ROLE_TITLE | TL_ROLE_NAME |          \
   TL_ROLE_LABEL | TL_ROLE_LINKNAME)

/* Whether the token touches markup or code syntax: a directive
 * (":numref:", "em:numref"), an identifier ("batch_size", "f(x)",
 * "a/b"), a template ("{name}"). */
static bool glued(const tl_ctx *c, const tl_token *tok)
{
  static const char before[] = ":_/\\=<>{}[@#$%^&|~`";
  static const char after[] = ":_(/\\=<>{}[@#$%^&|~`";
  size_t end = tok->off + tok->len;

  return (tok->off > 0 && strchr(before, c->doc[tok->off - 1]) != NULL) ||
         (end < c->len && c->doc[end] != '\0' &&
          strchr(after, c->doc[end]) != NULL);
}

void tl_corpus_collect_words(tl_ctx *c, const tl_tokens *t, tl_map *words)
{
  for (size_t k = 0; k < t->n && c->st == TL_OK; k++) {
    const tl_token *tok = &t->v[k];
    size_t cps = 0;
    /* lower-case words in running text, as the author wrote them: a
     * capital is a name's (below) or a sentence start's */
    if (tok->kind != TL_TOK_WORD ||
        (tok->flags & (TL_TF_CAP | TL_TF_ALLCAPS | TL_TF_INNERCAP |
                       TL_TF_EMPH | TL_TF_LINK | TL_TF_ALT)) ||
        (c->role[k] & NOT_USAGE))
      continue;
    for (size_t i = 0; i < tok->len; i++)
      cps += ((unsigned char)c->doc[tok->off + i] & 0xC0) != 0x80;
    if (cps < 3 || glued(c, tok) || c->lang[k].function)
      continue; /* markup or code syntax; English prose ("the", "with") */
    tl_buf_clear(&c->key);
    tl_token_key(c->doc, tok, &c->key);
    if (tl_prose_known_pt(c) != 0)
      continue;
    /* a word English does not know one edit from a Portuguese word is a
     * typo, however often it is repeated */
    if (c->lang[k].lang != TL_WORD_EN &&
        tl_spell_near_word(c->spell, c->key.p, c->key.len))
      continue;
    tl_map_put(words, c->key.p, c->key.len, 0, NULL)->value++;
  }
}

/* Whether @s (UTF-8) has a lower-case letter: a name written in capitals
 * ("KAREN HAO:") is not how the house spells it. */
static bool has_lower(const char *s)
{
  size_t n = strlen(s), i = 0;

  while (i < n) {
    size_t adv;
    int32_t cp = tl_utf8_decode(s + i, n - i, &adv);
    if (tl_cp_upper(cp) != cp)
      return true;
    i += adv;
  }
  return false;
}

/* The document's words for the store: its names, then the words of
 * @words ("surface" -> count), keys in the arena of @r. */
static tl_store_word *house_rows(tl_result *r, const tl_map *words,
                                 size_t *n)
{
  tl_store_word *w = tl_xcalloc(r->nnames + words->count + 1, sizeof *w);
  tl_buf key;

  *n = 0;
  tl_buf_init(&key);
  if (r->english) /* English prose: not the house's Portuguese */
    goto out;
  for (size_t i = 0; i < r->nnames; i++) {
    const tl_name *nm = &r->names[i];
    if (!has_lower(nm->text))
      continue;
    tl_buf_clear(&key);
    tl_utf8_fold(nm->text, strlen(nm->text), &key);
    w[(*n)++] = (tl_store_word){
        tl_arena_strndup(&r->arena, key.p, key.len), nm->text,
        nm->count > 0 ? nm->count : 1, true};
  }
  for (size_t i = 0; i < words->cap; i++) {
    const tl_map_slot *sl = &words->slots[i];
    if (sl->key == NULL)
      continue;
    tl_buf_clear(&key);
    tl_utf8_fold(sl->key, sl->len, &key);
    w[(*n)++] = (tl_store_word){tl_arena_strndup(&r->arena, key.p, key.len),
                                sl->key, sl->value, false};
  }
out:
  tl_buf_fini(&key);
  return w;
}

/* ---- comparison with the archive ---------------------------------------- */

typedef struct archive {
  char house[512];
  int house_kind;
  unsigned house_docs, house_uses;
  char paths[3][512];
  size_t npaths;
  bool preferred_seen;
  const char *preferred;
  unsigned total_docs;
} archive;

static void on_rendering(void *ud, const char *r, int kind, unsigned docs,
                         unsigned uses, const char *const *paths,
                         size_t npaths)
{
  archive *a = ud;
  bool pref = strcmp(r, a->preferred) == 0;

  a->total_docs += docs;
  /* the house form: the glossary's preferred form when the archive uses
   * it, else the rendering most documents use (rows come most first) */
  /* a forbidden form, an acronym or a misspelling is never the house
   * form: the archive remembers it, it does not teach it */
  if (kind == TL_FORM_FORBIDDEN || kind == TL_FORM_ABBREV ||
      kind == TL_RENDERING_VARIANT)
    return;
  if (a->house[0] == '\0' || (pref && !a->preferred_seen)) {
    snprintf(a->house, sizeof a->house, "%s", r);
    a->house_kind = kind;
    a->house_docs = docs;
    a->house_uses = uses;
    a->npaths = npaths;
    for (size_t i = 0; i < npaths; i++)
      snprintf(a->paths[i], sizeof a->paths[i], "%s", paths[i]);
  }
  if (pref)
    a->preferred_seen = true;
}

typedef struct agg {
  uint32_t concept, form;
  unsigned count;
  size_t first_off, first_len;
  const char *variant; /* the spelling, when it is not the form's */
} agg;

/* A spelling of form @f that differs from it only in accents ("sigmóide"
 * for "sigmoide"): a rendering of its own in the archive (kind
 * TL_RENDERING_VARIANT), as written (lower case unless the form's case is
 * exact); NULL when the surface is the form, inflected or not. */
static const char *accent_variant(tl_ctx *c, const tl_form *f, size_t off,
                                  size_t len)
{
  tl_buf a, b, sa, sb;
  const char *out = NULL;

  tl_buf_init(&a);
  tl_buf_init(&b);
  tl_buf_init(&sa);
  tl_buf_init(&sb);
  if (f->exact)
    tl_utf8_nfc(c->doc + off, len, &a);
  else
    tl_utf8_lower(c->doc + off, len, &a);
  if (f->exact)
    tl_buf_adds(&b, f->text);
  else
    tl_utf8_lower(f->text, strlen(f->text), &b);
  tl_utf8_strip_accents(a.p, a.len, &sa);
  tl_utf8_strip_accents(b.p, b.len, &sb);
  if (sa.len == sb.len && memcmp(sa.p, sb.p, sa.len) == 0 &&
      (a.len != b.len || memcmp(a.p, b.p, a.len) != 0))
    out = tl_arena_strndup(&c->res->arena, a.p, a.len);
  tl_buf_fini(&a);
  tl_buf_fini(&b);
  tl_buf_fini(&sa);
  tl_buf_fini(&sb);
  return out;
}

static bool same_variant(const char *x, const char *y)
{
  return x == y || (x != NULL && y != NULL && strcmp(x, y) == 0);
}

static int cmp_agg(const void *x, const void *y)
{
  const agg *a = x, *b = y;
  if (a->concept != b->concept)
    return a->concept < b->concept ? -1 : 1;
  return a->first_off < b->first_off ? -1 : (a->first_off > b->first_off);
}

/* The document's usages being recorded, and the glosses that add a
 * rendering to a glossary concept (tl_learned_glossary): one row per
 * (concept, rendering), room for one per gloss. */
typedef struct gloss_rows {
  tl_store_usage *u;
  size_t n, judged;
  tl_ctx *c;
} gloss_rows;

static void add_learned_row(void *ud, uint32_t concept, const char *pt,
                            size_t off)
{
  gloss_rows *lr = ud;
  const char *id = lr->c->gloss->c[concept].id;

  for (size_t i = 0; i < lr->n; i++)
    if (strcmp(lr->u[i].concept, id) == 0 &&
        strcmp(lr->u[i].rendering, pt) == 0) {
      if (i >= lr->judged)
        lr->u[i].count++;
      return;
    }
  lr->u[lr->n++] = (tl_store_usage){id, pt, pt, TL_RENDERING_VARIANT, 1, 0,
                                    off};
}

/* Word @i (from 0) of the space-separated @t: [*p, *p + *n). */
static bool nth_word(const char *t, size_t i, const char **p, size_t *n)
{
  for (;;) {
    size_t len = strcspn(t, " ");
    if (i == 0) {
      *p = t;
      *n = len;
      return len > 0;
    }
    if (t[len] == '\0')
      return false;
    t += len + 1;
    i--;
  }
}

static size_t word_count(const char *t)
{
  size_t n = 1;
  for (; *t != '\0'; t++)
    n += *t == ' ';
  return n;
}

/* Whether word w[0..n) is a form of concept @k (its whole text). */
static bool is_form_of(const tl_gloss *g, uint32_t k, const char *w, size_t n)
{
  for (size_t i = 0; i < g->nf; i++)
    if (g->f[i].concept == k && strlen(g->f[i].text) == n &&
        memcmp(g->f[i].text, w, n) == 0)
      return true;
  return false;
}

/* The component a multi-word form renders: form @f differs from another
 * form of its concept in one word only, and there that form has the
 * English term of a common concept K ("termo de polarização" beside
 * "termo de bias": K = bias). The document then renders K with its word
 * ("polarização"): recorded as a rendering of K (kind forbidden when @f
 * is, else variant) unless the word is one of K's forms. At most one row
 * into u[n]; the new count. */
static size_t add_component_row(tl_ctx *c, const tl_form *f, size_t off,
                                tl_store_usage *u, size_t n)
{
  const tl_gloss *g = c->gloss;
  size_t nw = word_count(f->text);

  if (nw < 2 || f->exact)
    return n;
  for (size_t j = 0; j < g->nf; j++) {
    const tl_form *h = &g->f[j];
    size_t diff = 0, at = 0;
    const char *wp = NULL, *hp = NULL;
    size_t wn = 0, hn = 0;
    long k;
    if (h == f || h->concept != f->concept || word_count(h->text) != nw)
      continue;
    for (size_t i = 0; i < nw && diff < 2; i++) {
      if (!nth_word(f->text, i, &wp, &wn) || !nth_word(h->text, i, &hp, &hn))
        break;
      if (wn != hn || memcmp(wp, hp, wn) != 0) {
        diff++;
        at = i;
      }
    }
    if (diff != 1)
      continue;
    if (!nth_word(f->text, at, &wp, &wn) || !nth_word(h->text, at, &hp, &hn))
      continue;
    k = tl_gloss_find_en(g, hp, hn);
    if (k < 0 || g->c[k].exact || (uint32_t)k == f->concept ||
        is_form_of(g, (uint32_t)k, wp, wn))
      continue;
    for (size_t i = 0; i < n; i++)
      if (strcmp(u[i].concept, g->c[k].id) == 0 &&
          strlen(u[i].rendering) == wn &&
          memcmp(u[i].rendering, wp, wn) == 0) {
        u[i].count++;
        return n;
      }
    u[n++] = (tl_store_usage){
        g->c[k].id, tl_arena_strndup(&c->res->arena, wp, wn),
        tl_arena_strndup(&c->res->arena, wp, wn),
        f->kind == TL_FORM_FORBIDDEN ? TL_FORM_FORBIDDEN
                                     : TL_RENDERING_VARIANT,
        1, 0, off};
    return n;
  }
  return n;
}

/* The renderings recorded for the archive only (c->xusage: English
 * terms, headings, link texts) after the @n rows of @u: one row per
 * (concept, rendering), counted, first occurrence kept; the new count.
 * A rendering the first @n rows already hold (the glossary's form "bias"
 * beside the English term "*biass*" read as "bias") is counted there
 * already: the archive keeps one row per (concept, rendering). */
static size_t add_extra_rows(const tl_ctx *c, tl_store_usage *u, size_t n)
{
  size_t from = n;

  for (size_t i = 0; i < c->nxusage; i++) {
    const tl_xusage *x = &c->xusage[i];
    size_t j;
    for (j = 0; j < n; j++)
      if (strcmp(u[j].concept, x->concept) == 0 &&
          strcmp(u[j].rendering, x->rendering) == 0)
        break;
    if (j < from)
      continue;
    if (j < n) {
      u[j].count++;
      if (x->off < u[j].first_offset) {
        u[j].first_offset = x->off;
        u[j].surface = x->surface;
      }
      continue;
    }
    u[n++] = (tl_store_usage){x->concept, x->rendering, x->surface, x->kind,
                              1, 0, x->off};
  }
  return n;
}

static void hex_hash(const char *data, size_t len, char out[17])
{
  snprintf(out, 17, "%016llx", (unsigned long long)tl_hash(data, len));
}

tl_status tl_corpus_document(tl_ctx *c, tl_corpus *corpus,
                             const char *relpath, const tl_map *surfaces,
                             const tl_map *words, tl_error *err)
{
  tl_store *st = corpus->store;
  agg *a = NULL;
  size_t na = 0, cap = 0;
  char hash[17], old[64];
  tl_status rc = TL_OK;
  tl_lines li;

  /* one row per (concept, rendering): count and first occurrence; the
   * usages are sorted by concept, then offset */
  for (size_t i = 0; c->gloss != NULL && i < c->nusage; i++) {
    const tl_usage *u = &c->usage[i];
    const char *v = accent_variant(c, &c->gloss->f[u->form], u->off, u->len);
    size_t j;
    for (j = 0; j < na; j++)
      if (a[j].concept == u->concept && a[j].form == u->form &&
          same_variant(a[j].variant, v))
        break;
    if (j == na) {
      TL_GROW(a, cap, na + 1);
      a[na++] = (agg){u->concept, u->form, 0, u->off, u->len, v};
    } else if (u->off < a[j].first_off) {
      a[j].first_off = u->off;
      a[j].first_len = u->len;
    }
    a[j].count++;
  }
  if (na > 1)
    qsort(a, na, sizeof *a, cmp_agg);
  /* consistency.corpus: renderings the rest of the archive does not use */
  for (size_t s = 0; s < na && rc == TL_OK;) {
    size_t e = s;
    const tl_concept *k = &c->gloss->c[a[s].concept];
    archive ar;
    bool uses_house = false;

    while (e < na && a[e].concept == a[s].concept)
      e++;
    memset(&ar, 0, sizeof ar);
    ar.preferred = k->preferred;
    rc = tl_store_renderings(st, k->id, relpath, on_rendering, &ar, err);
    for (size_t i = s; i < e && ar.house[0] != '\0'; i++)
      uses_house |= strcmp(c->gloss->f[a[i].form].text, ar.house) == 0;
    for (size_t i = s; i < e && rc == TL_OK && ar.house[0] != '\0' &&
                       !uses_house;
         i++) {
      const char *sugg = ar.house;
      tl_finding *f;
      char list[1600] = "";
      int fk = c->gloss->f[a[i].form].kind;
      if (fk == TL_FORM_FORBIDDEN || fk == TL_FORM_ABBREV)
        continue; /* terminology.forbidden's; an acronym goes with any */
      for (size_t p = 0; p < ar.npaths; p++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                 p ? ", " : "", ar.paths[p]);
      f = tl_result_add(
          c->res, a[i].first_off, a[i].first_len, "consistency.corpus",
          "consistency", TL_WARNING,
          P_("'%s' aqui; o acervo usa '%s' em %u documento (%s%s)%s",
             "'%s' aqui; o acervo usa '%s' em %u documentos (%s%s)%s",
             ar.house_docs),
          tl_result_surface(c->res, a[i].first_off, a[i].first_len), ar.house,
          ar.house_docs, list, ar.house_docs > ar.npaths ? ", ..." : "",
          strcmp(ar.house, k->preferred) == 0
              ? _(": é a forma preferida do glossário")
              : "");
      tl_result_set_suggestions(c->res, f, &sugg, 1);
      f->concept = k->id;
    }
    s = e;
  }
  if (rc != TL_OK || tl_store_is_readonly(st)) {
    free(a);
    return rc;
  }
  /* record, unless the document is unchanged */
  hex_hash(c->doc, c->len, hash);
  if (tl_store_doc_hash(st, relpath, old, sizeof old) &&
      strcmp(old, hash) == 0) {
    free(a);
    rc = tl_store_tick(st, err);
    if (rc == TL_OK)
      tl_store_count_unchanged(st);
    return rc;
  }
  {
    tl_store_usage *u =
        tl_xcalloc(2 * na + c->res->nglosses + c->nxusage + 1, sizeof *u);
    tl_store_surface *sf = tl_xcalloc(surfaces->count + 1, sizeof *sf);
    size_t nsf = 0, nw, nu = na;
    tl_store_word *w = house_rows(c->res, words, &nw);
    tl_lines_init(&li, c->doc, c->len, c->res->bom);
    for (size_t i = 0; i < na; i++) {
      u[i].concept = c->gloss->c[a[i].concept].id;
      u[i].rendering =
          a[i].variant ? a[i].variant : c->gloss->f[a[i].form].text;
      u[i].kind = a[i].variant ? TL_RENDERING_VARIANT
                               : c->gloss->f[a[i].form].kind;
      u[i].count = a[i].count;
      u[i].first_offset = a[i].first_off;
      u[i].first_line = tl_lines_line(&li, a[i].first_off);
      u[i].surface = tl_result_surface(c->res, a[i].first_off, a[i].first_len);
    }
    {
      gloss_rows lr = {u, na, na, c};
      tl_learned_glossary(c, add_learned_row, &lr);
      nu = lr.n;
      nu = add_extra_rows(c, u, nu);
      for (size_t i = 0; i < na; i++)
        if (a[i].variant == NULL)
          nu = add_component_row(c, &c->gloss->f[a[i].form], a[i].first_off,
                                  u, nu);
      for (size_t i = na; i < nu; i++)
        u[i].first_line = tl_lines_line(&li, u[i].first_offset);
    }
    tl_lines_fini(&li);
    for (size_t i = 0; i < surfaces->cap; i++) {
      const tl_map_slot *sl = &surfaces->slots[i];
      const char *sep;
      if (sl->key == NULL)
        continue;
      sep = memchr(sl->key, '\x1f', sl->len);
      sf[nsf].key = tl_arena_strndup(&c->res->arena, sl->key,
                                     (size_t)(sep - sl->key));
      sf[nsf].surface = sep + 1;
      sf[nsf].count = sl->value;
      nsf++;
    }
    rc = tl_store_record(st, relpath, hash, c->res->words, u, nu, sf, nsf,
                         w, nw, err);
    free(u);
    free(sf);
    free(w);
  }
  free(a);
  return rc;
}

/* ---- reports ------------------------------------------------------------ */

typedef struct rep_row {
  char *rendering;
  int kind;
  unsigned docs, uses;
  char *paths[3];
  size_t npaths;
} rep_row;

typedef struct rep_rows {
  rep_row *v;
  size_t n, cap;
} rep_rows;

static void collect_row(void *ud, const char *r, int kind, unsigned docs,
                        unsigned uses, const char *const *paths, size_t np)
{
  rep_rows *rows = ud;
  rep_row *x;

  TL_GROW(rows->v, rows->cap, rows->n + 1);
  x = &rows->v[rows->n++];
  memset(x, 0, sizeof *x);
  x->rendering = tl_xstrdup(r);
  x->kind = kind;
  x->docs = docs;
  x->uses = uses;
  for (size_t i = 0; i < np && i < 3; i++)
    x->paths[x->npaths++] = tl_xstrdup(paths[i]);
}

static void free_rows(rep_rows *rows)
{
  for (size_t i = 0; i < rows->n; i++) {
    free(rows->v[i].rendering);
    for (size_t k = 0; k < rows->v[i].npaths; k++)
      free(rows->v[i].paths[k]);
  }
  free(rows->v);
  memset(rows, 0, sizeof *rows);
}

/* A document path (bytes from the file system) for an output: terminal-
 * safe (@terminal) or valid UTF-8. Owned by the caller. */
static char *shown(const char *s, bool terminal)
{
  tl_buf b;

  tl_buf_init(&b);
  if (terminal)
    tl_name_add_text(&b, s, strlen(s));
  else
    tl_name_add_utf8(&b, s, strlen(s));
  tl_buf_cstr(&b);
  return b.p;
}

/* Print a path to a terminal (text formats). */
static void put_path(FILE *out, const char *s)
{
  char *p = shown(s, true);
  fputs(p, out);
  free(p);
}

static void html_escape(FILE *out, const char *s)
{
  tl_buf b;
  char *clean = shown(s, false);

  tl_buf_init(&b);
  tl_buf_add_html(&b, clean, strlen(clean));
  free(clean);
  if (b.len > 0)
    fwrite(b.p, 1, b.len, out);
  tl_buf_fini(&b);
}

/* The stable identifier of a form's kind (JSON, HTML classes). */
static const char *kind_id(int kind)
{
  static const char *const ids[] = {"preferred", "abbrev",  "admitted",
                                    "forbidden", "variant", "english",
                                    "discovered"};
  return kind >= 0 && kind < 7 ? ids[kind] : "?";
}

/* The kind as the text and HTML reports show it. */
static const char *kind_label(int kind)
{
  static const char *const labels[] = {
      N_("preferida"), N_("sigla"),  N_("admitida"),  N_("proibida"),
      N_("variante"),  N_("inglês"), N_("descoberta")};
  return kind >= 0 && kind < 7 ? _(labels[kind]) : "?";
}

static tl_status report(tl_corpus *c, const tl_linter *l, tl_format format,
                        bool pages, FILE *out, tl_error *err);
static void page_link(FILE *out, const char *path);

/* The counts and examples of one rendering, for the HTML report (after
 * its first cells); @pages: documents linked to their pages. */
static void row_counts_html(FILE *out, const rep_row *r, bool pages)
{
  fprintf(out, "<td>%u</td><td>%u</td><td>", r->docs, r->uses);
  for (size_t k = 0; k < r->npaths; k++) {
    if (k)
      fputs(", ", out);
    if (pages)
      page_link(out, r->paths[k]);
    else
      html_escape(out, r->paths[k]);
  }
  fputs("</td></tr>\n", out);
}

/* The counts and examples of one rendering, for the text report. */
static void row_counts_text(FILE *out, const rep_row *r)
{
  fprintf(out, P_(" %4u documento,", " %4u documentos,", r->docs), r->docs);
  fprintf(out, P_(" %4u vez", " %4u vezes", r->uses), r->uses);
  for (size_t k = 0; k < r->npaths; k++) {
    fputs(k ? ", " : "  (", out);
    put_path(out, r->paths[k]);
  }
  fprintf(out, "%s\n",
          r->npaths == 0 ? "" : r->docs > r->npaths ? ", ...)" : ")");
}

/* The renderings of one concept or source term, for the JSON report
 * (@learned: renderings learned in source mode, kind "variant"). */
static json_t *rows_json(const rep_rows *rows, bool learned)
{
  json_t *rs = json_array();

  for (size_t r = 0; r < rows->n; r++) {
    json_t *x = json_object(), *ps = json_array();
    json_object_set_new(x, "rendering", json_string(rows->v[r].rendering));
    json_object_set_new(x, "kind", json_string(learned ? "variant"
                                               : kind_id(rows->v[r].kind)));
    json_object_set_new(x, "documents", json_integer(rows->v[r].docs));
    json_object_set_new(x, "occurrences", json_integer(rows->v[r].uses));
    for (size_t k = 0; k < rows->v[r].npaths; k++) {
      char *p = shown(rows->v[r].paths[k], false);
      json_array_append_new(ps, json_string(p));
      free(p);
    }
    json_object_set_new(x, "examples", ps);
    json_array_append_new(rs, x);
  }
  return rs;
}

/* One concept of the report with its renderings: a JSON object in @arr,
 * an HTML table or text lines. @origin: "glossary" or "discovered";
 * @pref: the glossary's preferred form, or NULL. */
static void put_concept(FILE *out, tl_format format, bool pages, json_t *arr,
                        const char *id, const char *origin, const char *pref,
                        const rep_rows *rows)
{
  bool discovered = strcmp(origin, "discovered") == 0;

  if (format == TL_FORMAT_JSON) {
    json_t *o = json_object();
    json_object_set_new(o, "concept", json_string(id));
    json_object_set_new(o, "origin", json_string(origin));
    json_object_set_new(o, "preferred", pref ? json_string(pref) : json_null());
    json_object_set_new(o, "renderings", rows_json(rows, false));
    json_array_append_new(arr, o);
  } else if (format == TL_FORMAT_HTML) {
    fputs("<h2 id=\"c-", out);
    html_escape(out, id);
    fputs("\">", out);
    html_escape(out, id);
    if (pref) {
      fputs(" — preferida: ", out);
      html_escape(out, pref);
    }
    if (discovered)
      fputs(_(" — descoberto: derivações da mesma palavra"), out);
    fprintf(out,
            "</h2>\n<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
            "<th>%s</th></tr>\n",
            _("forma"), _("tipo"), _("documentos"), _("ocorrências"),
            _("exemplos"));
    for (size_t r = 0; r < rows->n; r++) {
      fprintf(out, "<tr class=\"%s\"><td>", kind_id(rows->v[r].kind));
      html_escape(out, rows->v[r].rendering);
      fprintf(out, "</td><td>%s</td>", kind_label(rows->v[r].kind));
      row_counts_html(out, &rows->v[r], pages);
    }
    fputs("</table>\n", out);
  } else {
    fputs(id, out);
    if (pref)
      fprintf(out, " (preferida: %s)", pref);
    if (discovered)
      fputs(_(" (descoberto: derivações da mesma palavra)"), out);
    fputc('\n', out);
    for (size_t r = 0; r < rows->n; r++) {
      fprintf(out, "  %-32s %-9s", rows->v[r].rendering,
              kind_label(rows->v[r].kind));
      row_counts_text(out, &rows->v[r]);
    }
  }
}

/* ---- discovered concepts ------------------------------------------------ */

/* A phrase the archive writes for a derived group (tl_derived_record). */
typedef struct disc_row {
  char *key, *surface, *example;
  unsigned docs, uses;
  int suffix;
} disc_row;

typedef struct disc_rows {
  disc_row *v;
  size_t n, cap;
} disc_rows;

static void on_discovered(void *ud, const char *key, const char *surface,
                          unsigned docs, unsigned uses, const char *example)
{
  disc_rows *d = ud;
  disc_row *x;

  if (key[0] != TL_DERIVED_MARK)
    return;
  TL_GROW(d->v, d->cap, d->n + 1);
  x = &d->v[d->n++];
  x->key = tl_xstrdup(key);
  x->surface = tl_xstrdup(surface);
  x->example = example != NULL ? tl_xstrdup(example) : NULL;
  x->docs = docs;
  x->uses = uses;
  x->suffix = -1;
}

static int by_key_then_docs(const void *a, const void *b)
{
  const disc_row *x = a, *y = b;
  int k = strcmp(x->key, y->key);
  if (k != 0)
    return k;
  if (x->docs != y->docs)
    return x->docs > y->docs ? -1 : 1;
  return strcmp(x->surface, y->surface);
}

/* The suffix phrase @surface gives the derived word of group @group (the
 * key without its mark), or -1. */
static int suffix_in(const char *group, const char *surface)
{
  tl_buf groups;
  int suf[2 * 3];
  size_t n;
  const char *g;
  int out = -1;

  tl_buf_init(&groups);
  n = tl_derived_groups(surface, strlen(surface), &groups, suf, 6);
  g = groups.p;
  for (size_t i = 0; i < n && out < 0; i++) {
    if (strcmp(g, group) == 0)
      out = suf[i];
    g += strlen(g) + 1;
  }
  tl_buf_fini(&groups);
  return out;
}

static tl_status add_rejected_key(void *ud, const char *key, const char *word,
                                  tl_error *err)
{
  (void)word;
  (void)err;
  tl_map_put(ud, key, strlen(key), 0, NULL);
  return TL_OK;
}

/* Discovered concepts (origin "discovered"): a phrase the archive writes
 * with two derivations of one word of compatible suffixes ("taxa de
 * aprendizado", "taxa de aprendizagem"), each phrase a rendering (kind
 * discovered), unless an editor rejected it (tradlint corpus reject). */
static bool shown_as_headings(tl_corpus *c, const char *id,
                              const rep_rows *rows, char **ids, size_t nids);

static tl_status report_discovered(tl_corpus *c, tl_format format, bool pages,
                                   FILE *out, json_t *arr,
                                   const tl_map *rejected, char **ids,
                                   size_t nids, size_t *count, tl_error *err)
{
  disc_rows d = {NULL, 0, 0};
  tl_buf id;
  tl_status rc;

  *count = 0;
  tl_buf_init(&id);
  rc = tl_store_variants(c->store, on_discovered, &d, err);
  if (rc == TL_OK && d.n > 1)
    qsort(d.v, d.n, sizeof *d.v, by_key_then_docs);
  for (size_t s = 0, e; rc == TL_OK && s < d.n; s = e) {
    bool two = false;
    rep_rows rows = {NULL, 0, 0};
    for (e = s + 1; e < d.n && strcmp(d.v[e].key, d.v[s].key) == 0; e++)
      ;
    if (tl_map_find(rejected, d.v[s].key, strlen(d.v[s].key)) != NULL)
      continue;
    for (size_t i = s; i < e; i++)
      d.v[i].suffix = suffix_in(d.v[i].key + 1, d.v[i].surface);
    for (size_t i = s; i < e && !two; i++)
      for (size_t j = i + 1; j < e && !two; j++)
        two = tl_derived_compatible(d.v[i].suffix, d.v[j].suffix);
    if (!two)
      continue;
    for (size_t i = s; i < e; i++) {
      const char *ex = d.v[i].example;
      if (d.v[i].suffix < 0)
        continue;
      collect_row(&rows, d.v[i].surface, TL_RENDERING_DISCOVERED, d.v[i].docs,
                  d.v[i].uses, ex != NULL ? &ex : NULL, ex != NULL);
    }
    tl_derived_name(d.v[s].key + 1, &id);
    if (shown_as_headings(c, id.p, &rows, ids, nids)) {
      free_rows(&rows);
      continue; /* its heading concept ("## ...") tells it */
    }
    if (*count == 0 && format == TL_FORMAT_TEXT)
      fputs(_("conceitos descobertos (derivações da mesma palavra, fora do "
              "glossário):\n"),
            out);
    put_concept(out, format, pages, arr, id.p, "discovered", NULL, &rows);
    free_rows(&rows);
    (*count)++;
  }
  for (size_t i = 0; i < d.n; i++) {
    free(d.v[i].key);
    free(d.v[i].surface);
    free(d.v[i].example);
  }
  free(d.v);
  tl_buf_fini(&id);
  return rc;
}

/* Drop the rows of @rows an editor rejected as a pair of one of @terms
 * (corpus reject TERM=RENDERING); only rows of kind variant when
 * @variants_only (a glossary concept's own forms are the glossary's). */
static void drop_rejected(rep_rows *rows, const tl_map *rejected,
                          const tl_strv *terms, bool variants_only)
{
  size_t k = 0;

  for (size_t r = 0; r < rows->n; r++) {
    bool drop = false;
    for (size_t t = 0; t < terms->n && !drop; t++)
      drop = (!variants_only || rows->v[r].kind == TL_RENDERING_VARIANT) &&
             tl_pair_rejected(rejected, terms->v[t], rows->v[r].rendering);
    if (drop) {
      free(rows->v[r].rendering);
      for (size_t p = 0; p < rows->v[r].npaths; p++)
        free(rows->v[r].paths[p]);
      continue;
    }
    rows->v[k++] = rows->v[r];
  }
  rows->n = k;
}

/* The terms a pair of glossary concept @k may be rejected under: its id
 * and each English term, a qualifier in parentheses left out. */
static void concept_terms(const tl_concept *k, tl_strv *terms)
{
  const char *en = k->en;

  tl_strv_push(terms, k->id);
  while (en != NULL && *en != '\0') {
    size_t n = strcspn(en, "|");
    const char *paren = memchr(en, '(', n);
    size_t m = paren != NULL ? (size_t)(paren - en) : n;
    while (m > 0 && en[m - 1] == ' ')
      m--;
    tl_strv_push_take(terms, tl_xstrndup(en, m));
    en += n;
    en += *en == '|';
  }
}

/* Source mode: the source terms the archive renders more than one way
 * (origin "learned"), after the glossary's concepts. */
static tl_status report_learned(tl_corpus *c, tl_format format, FILE *out,
                                json_t *arr, const tl_map *rejected,
                                size_t *count, tl_error *err)
{
  char **terms = NULL;
  size_t n = 0;
  tl_status rc = tl_store_mixed_terms(c->store, &terms, &n, err);

  *count = 0;
  if (rc == TL_OK && n > 0 && format == TL_FORMAT_HTML)
    fputs(_("<h1>Termos do original traduzidos de mais de um jeito</h1>\n"),
          out);
  else if (rc == TL_OK && n > 0 && format == TL_FORMAT_TEXT)
    fputs(_("termos do original traduzidos de mais de um jeito:\n"), out);
  for (size_t i = 0; i < n && rc == TL_OK; i++) {
    rep_rows rows = {NULL, 0, 0};
    tl_strv term = {0};
    rc = tl_store_pairs(c->store, terms[i], NULL, collect_row, &rows, err);
    tl_strv_push(&term, terms[i]);
    drop_rejected(&rows, rejected, &term, false);
    tl_strv_fini(&term);
    if (rows.n < 2) {
      free_rows(&rows); /* an editor rejected all but one */
      continue;
    }
    (*count)++;
    if (rc == TL_OK && format == TL_FORMAT_JSON) {
      json_t *o = json_object();
      json_object_set_new(o, "concept", json_string(terms[i]));
      json_object_set_new(o, "origin", json_string("learned"));
      json_object_set_new(o, "preferred", json_null());
      json_object_set_new(o, "renderings", rows_json(&rows, true));
      json_array_append_new(arr, o);
    } else if (rc == TL_OK && format == TL_FORMAT_HTML) {
      fputs("<h2>", out);
      html_escape(out, terms[i]);
      fprintf(out,
              "</h2>\n<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
              "</tr>\n",
              _("tradução"), _("documentos"), _("ocorrências"), _("exemplos"));
      for (size_t r = 0; r < rows.n; r++) {
        fputs("<tr><td>", out);
        html_escape(out, rows.v[r].rendering);
        fputs("</td>", out);
        row_counts_html(out, &rows.v[r], false);
      }
      fputs("</table>\n", out);
    } else if (rc == TL_OK) {
      fprintf(out, _("%s (original)\n"), terms[i]);
      for (size_t r = 0; r < rows.n; r++) {
        fprintf(out, "  %-42s", rows.v[r].rendering);
        row_counts_text(out, &rows.v[r]);
      }
    }
    free_rows(&rows);
  }
  for (size_t i = 0; i < n; i++)
    free(terms[i]);
  free(terms);
  return rc;
}

/* The report reads the concepts rendered more than one way, then each
 * one's renderings: one snapshot for all, so that writers on other
 * machines meanwhile never show a concept with a single rendering or
 * counts of two moments. */
static tl_status report_snapshot(tl_corpus *c, const tl_linter *l,
                                 tl_format format, bool pages, FILE *out,
                                 tl_error *err)
{
  tl_status rc = tl_store_read_begin(c->store, err);

  if (rc != TL_OK)
    return rc;
  rc = report(c, l, format, pages, out, err);
  tl_store_read_end(c->store);
  return rc;
}

tl_status tl_corpus_report(tl_corpus *c, const tl_linter *l,
                           tl_format format, FILE *out, tl_error *err)
{
  return report_snapshot(c, l, format, false, out, err);
}

tl_status tl_corpus_report_pages(tl_corpus *c, const tl_linter *l,
                                 FILE *out, tl_error *err)
{
  return report_snapshot(c, l, TL_FORMAT_HTML, true, out, err);
}

static void page_link(FILE *out, const char *path)
{
  tl_buf b;

  tl_buf_init(&b);
  tl_buf_adds(&b, "<a href=\"");
  tl_report_add_href(&b, path);
  tl_buf_adds(&b, ".html\">");
  {
    char *clean = shown(path, false);
    tl_buf_add_html(&b, clean, strlen(clean));
    free(clean);
  }
  tl_buf_adds(&b, "</a>");
  fwrite(b.p, 1, b.len, out);
  tl_buf_fini(&b);
}

/* ---- structural concepts (structure.c) ----------------------------------- */

/* The origin of a recorded concept id: "heading" ("## ID"), "link"
 * ("[…] host/path") or "glossary". */
static const char *concept_origin(const char *id)
{
  if (id[0] == '#')
    return "heading";
  if (id[0] == '[')
    return "link";
  return "glossary";
}

/* A heading concept's or rendering's text after its "## " mark. */
static const char *after_mark(const char *s)
{
  while (*s == '#')
    s++;
  return *s == ' ' ? s + 1 : s;
}

/* Whether the renderings of a derived phrase heading ("## objetivos de
 * aprendizagem", "## objetivos de aprendizado") differ in the derivation
 * of a word (compatible suffixes of one group), not only in inflection. */
static bool derived_rows_differ(const rep_rows *rows)
{
  tl_buf *groups = tl_xcalloc(rows->n, sizeof *groups);
  int(*suf)[6] = tl_xcalloc(rows->n, sizeof *suf);
  size_t *ng = tl_xcalloc(rows->n, sizeof *ng);
  bool two = false;

  for (size_t r = 0; r < rows->n; r++) {
    const char *t = after_mark(rows->v[r].rendering);
    tl_buf_init(&groups[r]);
    ng[r] = tl_derived_groups(t, strlen(t), &groups[r], suf[r], 6);
  }
  for (size_t a = 0; a < rows->n && !two; a++)
    for (size_t b = a + 1; b < rows->n && !two; b++) {
      const char *ga = groups[a].p;
      for (size_t i = 0; i < ng[a] && !two; i++, ga += strlen(ga) + 1) {
        const char *gb = groups[b].p;
        for (size_t j = 0; j < ng[b] && !two; j++, gb += strlen(gb) + 1)
          two = strcmp(ga, gb) == 0 && tl_derived_compatible(suf[a][i],
                                                              suf[b][j]);
      }
    }
  for (size_t r = 0; r < rows->n; r++)
    tl_buf_fini(&groups[r]);
  free(groups);
  free(suf);
  free(ng);
  return two;
}

/* Whether every use of glossary concept @id's renderings (@rows) is a
 * heading that a heading concept of the report ("## ID", among @ids)
 * shows already: the concept is left out, its headings say it. */
static bool shown_as_headings(tl_corpus *c, const char *id,
                              const rep_rows *rows, char **ids, size_t nids)
{
  unsigned *uses = tl_xcalloc(rows->n + 1, sizeof *uses);
  bool all = true;

  for (size_t i = 0; i < nids; i++) {
    rep_rows h = {NULL, 0, 0};
    if (ids[i][0] != '#' || strcmp(after_mark(ids[i]), id) != 0)
      continue;
    if (tl_store_renderings(c->store, ids[i], NULL, collect_row, &h, NULL) ==
        TL_OK)
      for (size_t r = 0; r < h.n; r++)
        for (size_t k = 0; k < rows->n; k++)
          if (strcmp(after_mark(h.v[r].rendering), rows->v[k].rendering) == 0)
            uses[k] += h.v[r].uses;
    free_rows(&h);
  }
  for (size_t k = 0; k < rows->n && all; k++)
    all = uses[k] == rows->v[k].uses;
  free(uses);
  return all;
}

/* Whether @rows hold two renderings besides acronyms: an acronym beside
 * one form is the glossary's own pair (abbrev: "may appear beside the
 * preferred form freely"), not two renderings. */
static bool two_renderings(const rep_rows *rows)
{
  size_t n = 0;

  for (size_t r = 0; r < rows->n; r++)
    n += rows->v[r].kind != TL_FORM_ABBREV;
  return n > 1;
}

/* Whether concept ids[i], rendered the ways of @rows, belongs in the
 * report: a derived phrase heading whose renderings differ in a
 * derivation, a glossary concept not told entirely by its headings. */
static bool structural_shown(tl_corpus *c, const tl_linter *l, char **ids,
                             size_t nids, size_t i, const rep_rows *rows)
{
  const char *id = ids[i];
  bool glossary_id = false;

  if (id[0] == '[')
    return true;
  if (l != NULL && l->gloss != NULL) {
    const char *g = id[0] == '#' ? after_mark(id) : id;
    glossary_id = tl_map_find(&l->gloss->ids, g, strlen(g)) != NULL;
  }
  if (id[0] == '#')
    return glossary_id || derived_rows_differ(rows);
  return !shown_as_headings(c, id, rows, ids, nids);
}

static tl_status report(tl_corpus *c, const tl_linter *l, tl_format format,
                        bool pages, FILE *out, tl_error *err)
{
  size_t nlearned = 0, ndiscovered = 0, nids = 0;
  tl_map rejected;
  char **ids = NULL;
  size_t n = 0;
  tl_status rc = tl_store_mixed_concepts(c->store, &ids, &n, err);
  json_t *root = NULL, *arr = NULL;

  if (rc != TL_OK)
    return rc;
  nids = n;
  if (format == TL_FORMAT_JSON) {
    root = json_object();
    arr = json_array();
  } else if (format == TL_FORMAT_HTML) {
    fprintf(out,
            "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
            "<title>%s</title>"
            "<style>body{font-family:sans-serif;margin:2em}table{border-"
            "collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;"
            "text-align:left}th{background:#eee}.preferred{font-weight:bold}"
            "</style></head><body>\n<h1>%s</h1>\n",
            tl_lang_get() == TL_LANG_EN ? "en" : "pt-BR",
            _("tradlint: conceitos com mais de uma forma no acervo"),
            _("Conceitos escritos de mais de um jeito no acervo"));
  }
  tl_map_init(&rejected);
  rc = tl_store_each_rejection(c->store, add_rejected_key, &rejected, err);
  n = 0; /* the concepts shown */
  for (size_t i = 0; i < nids && rc == TL_OK; i++) {
    rep_rows rows = {NULL, 0, 0};
    const char *pref = NULL;
    tl_strv terms = {0};
    if (l != NULL && l->gloss != NULL) {
      tl_map_slot *s = tl_map_find(&l->gloss->ids, ids[i], strlen(ids[i]));
      if (s != NULL) {
        pref = l->gloss->c[s->value].preferred;
        concept_terms(&l->gloss->c[s->value], &terms);
      }
    }
    rc = tl_store_renderings(c->store, ids[i], NULL, collect_row, &rows, err);
    drop_rejected(&rows, &rejected, &terms, true);
    if (rc == TL_OK && two_renderings(&rows) &&
        structural_shown(c, l, ids, nids, i, &rows)) {
      const char *origin = concept_origin(ids[i]);
      if (pref == NULL && ids[i][0] == '#' && l != NULL && l->gloss != NULL) {
        const char *g = after_mark(ids[i]);
        tl_map_slot *s = tl_map_find(&l->gloss->ids, g, strlen(g));
        if (s != NULL)
          pref = l->gloss->c[s->value].preferred;
      }
      put_concept(out, format, pages, arr, ids[i], origin, pref, &rows);
      n++;
    }
    free_rows(&rows);
    tl_strv_fini(&terms);
  }
  if (rc == TL_OK)
    rc = report_discovered(c, format, pages, out, arr, &rejected, ids, nids,
                           &ndiscovered, err);
  n += ndiscovered;
  if (rc == TL_OK)
    rc = report_learned(c, format, out, arr, &rejected, &nlearned, err);
  tl_map_fini(&rejected);
  if (rc == TL_OK) {
    if (format == TL_FORMAT_JSON) {
      json_object_set_new(root, "concepts", arr);
      json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
      fputc('\n', out);
    } else if (format == TL_FORMAT_HTML) {
      fprintf(out, "<p>");
      fprintf(out, P_("%zu conceito.", "%zu conceitos.", n), n);
      fprintf(out, "</p>\n</body></html>\n");
    } else {
      fprintf(out,
              P_("tradlint: %zu conceito com mais de uma forma no acervo\n",
                 "tradlint: %zu conceitos com mais de uma forma no acervo\n",
                 n),
              n);
      if (nlearned > 0)
        fprintf(out,
                P_("tradlint: %zu termo do original com mais de uma "
                   "tradução\n",
                   "tradlint: %zu termos do original com mais de uma "
                   "tradução\n",
                   nlearned),
                nlearned);
    }
  } else if (arr != NULL) {
    json_decref(arr);
  }
  if (root != NULL)
    json_decref(root);
  for (size_t i = 0; i < nids; i++)
    free(ids[i]);
  free(ids);
  return rc;
}

typedef struct var_spelling {
  char *surface, *example;
  unsigned docs, uses;
} var_spelling;

typedef struct var_state {
  FILE *out;
  tl_format format;
  char key[512];
  var_spelling s[32]; /* the current key's spellings */
  size_t ns;
  size_t keys;
} var_state;

static void slug(const char *s, char *out, size_t n)
{
  size_t k = 0;
  tl_buf f;

  tl_buf_init(&f);
  tl_utf8_fold(s, strlen(s), &f);
  for (size_t i = 0; i < f.len && k + 1 < n; i++) {
    char ch = f.p[i];
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
      out[k++] = ch;
    else if (k > 0 && out[k - 1] != '-')
      out[k++] = '-';
  }
  while (k > 0 && out[k - 1] == '-')
    k--;
  out[k] = '\0';
  tl_buf_fini(&f);
}

static void flush_key(var_state *v)
{
  unsigned docs = 0;
  bool upper = false;

  if (v->ns < 2) /* one spelling once first-letter case is ignored */
    goto out;
  {
    /* spellings that differ only by accents are different words
     * ("contém" and "contêm", "continua" and "contínua"), not variants */
    bool only_accents = true;
    tl_buf a, b;
    tl_buf_init(&a);
    tl_buf_init(&b);
    tl_utf8_strip_accents(v->s[0].surface, strlen(v->s[0].surface), &a);
    for (size_t i = 1; i < v->ns && only_accents; i++) {
      tl_buf_clear(&b);
      tl_utf8_strip_accents(v->s[i].surface, strlen(v->s[i].surface), &b);
      only_accents = a.len == b.len && a.len > 0 &&
                     memcmp(a.p + 1, b.p + 1, a.len - 1) == 0;
    }
    tl_buf_fini(&a);
    tl_buf_fini(&b);
    if (only_accents)
      goto out;
  }
  /* the spelling most documents use comes first; on a tie, the one with
   * fewer hyphens (the 1990 agreement joins most prefixes) */
  for (size_t i = 1; i < v->ns; i++)
    for (size_t j = i; j > 0; j--) {
      size_t ha = 0, hb = 0;
      for (const char *p = v->s[j - 1].surface; *p; p++)
        ha += *p == '-';
      for (const char *p = v->s[j].surface; *p; p++)
        hb += *p == '-';
      if (v->s[j].docs > v->s[j - 1].docs ||
          (v->s[j].docs == v->s[j - 1].docs && hb < ha)) {
        var_spelling tmp = v->s[j];
        v->s[j] = v->s[j - 1];
        v->s[j - 1] = tmp;
      }
    }
  for (size_t i = 0; i < v->ns; i++) {
    docs += v->s[i].docs;
    for (const char *p = v->s[i].surface; *p; p++)
      upper |= *p >= 'A' && *p <= 'Z';
  }
  v->keys++;
  if (v->format == TL_FORMAT_TSV) {
    char id[128];
    slug(v->s[0].surface, id, sizeof id);
    fprintf(v->out, "%s\t\t%s\t\t\t", id, v->s[0].surface);
    for (size_t i = 1; i < v->ns; i++)
      fprintf(v->out, "%s%s", i > 1 ? "|" : "", v->s[i].surface);
    fprintf(v->out,
            P_("\t\t%s\tvariantes no acervo: %u documento\ttradlint corpus "
               "variants\n",
               "\t\t%s\tvariantes no acervo: %u documentos\ttradlint corpus "
               "variants\n",
               docs),
            upper ? "exact" : "any", docs);
  } else {
    fprintf(v->out, P_("%s: %zu grafia\n", "%s: %zu grafias\n", v->ns), v->key,
            v->ns);
    for (size_t i = 0; i < v->ns; i++) {
      fprintf(v->out, "  %-30s", v->s[i].surface);
      fprintf(v->out, P_(" %3u documento,", " %3u documentos,", v->s[i].docs),
              v->s[i].docs);
      fprintf(v->out, P_(" %3u vez", " %3u vezes", v->s[i].uses),
              v->s[i].uses);
      fprintf(v->out, _(" (ex.: %s)\n"), v->s[i].example);
    }
  }
out:
  for (size_t i = 0; i < v->ns; i++) {
    free(v->s[i].surface);
    free(v->s[i].example);
  }
  v->ns = 0;
}

static void on_variant(void *ud, const char *key, const char *surface,
                       unsigned docs, unsigned uses, const char *example)
{
  var_state *v = ud;

  if (key[0] == TL_DERIVED_MARK)
    return; /* a discovered concept's phrases: corpus report lists them */
  if (strcmp(key, v->key) != 0) {
    flush_key(v);
    snprintf(v->key, sizeof v->key, "%s", key);
  }
  if (v->ns < 32) {
    v->s[v->ns].surface = tl_xstrdup(surface);
    v->s[v->ns].example = shown(example ? example : "", true);
    v->s[v->ns].docs = docs;
    v->s[v->ns].uses = uses;
    v->ns++;
  }
}

/* Source mode: a glossary row for every source term whose renderings were
 * learned in two or more documents: the rendering most documents use as
 * the preferred form, the others as admitted (to review). */
static tl_status learned_rows(tl_corpus *c, tl_format format, FILE *out,
                              size_t *count, tl_error *err)
{
  char **terms = NULL;
  size_t n = 0;
  tl_status rc = tl_store_learned_terms(c->store, 2, &terms, &n, err);

  *count = 0;
  for (size_t i = 0; i < n && rc == TL_OK; i++) {
    rep_rows rows = {NULL, 0, 0};
    char id[128];
    rc = tl_store_pairs(c->store, terms[i], NULL, collect_row, &rows, err);
    if (rc == TL_OK && rows.n > 0 && rows.v[0].docs >= 2 &&
        (strchr(terms[i], ' ') != NULL || strchr(terms[i], '-') != NULL)) {
      (*count)++;
      slug(terms[i], id, sizeof id);
      if (format == TL_FORMAT_TSV) {
        fprintf(out, "%s\t%s\t%s\t\t", id, terms[i], rows.v[0].rendering);
        for (size_t r = 1; r < rows.n; r++)
          fprintf(out, "%s%s", r > 1 ? "|" : "", rows.v[r].rendering);
        fprintf(out,
                P_("\t\t\tany\taprendido no modo bilíngue: %u documento\n",
                   "\t\t\tany\taprendido no modo bilíngue: %u documentos\n",
                   rows.v[0].docs),
                rows.v[0].docs);
      } else {
        fprintf(out, "%s → %s (", terms[i], rows.v[0].rendering);
        fprintf(out, P_("%u documento", "%u documentos", rows.v[0].docs),
                rows.v[0].docs);
        fputc(')', out);
        for (size_t r = 1; r < rows.n; r++)
          fprintf(out, "%s%s (%u)", r == 1 ? _("; também ") : ", ",
                  rows.v[r].rendering, rows.v[r].docs);
        fputc('\n', out);
      }
    }
    free_rows(&rows);
  }
  for (size_t i = 0; i < n; i++)
    free(terms[i]);
  free(terms);
  return rc;
}

tl_status tl_corpus_variants(tl_corpus *c, tl_format format, FILE *out,
                             tl_error *err)
{
  size_t learned = 0;
  var_state v;
  tl_status rc;

  memset(&v, 0, sizeof v);
  v.out = out;
  v.format = format;
  if (format == TL_FORMAT_TSV) {
    fputs(_("# variantes encontradas pelo tradlint: revise antes de copiar "
            "para glossary/*.tsv\n"),
          out);
    fputs("id\ten\tpreferred\tabbrev\tadmitted\tforbidden\tgender\tcase\tnote\t"
          "source\n",
          out);
  }
  rc = tl_store_variants(c->store, on_variant, &v, err);
  flush_key(&v);
  if (rc == TL_OK)
    rc = learned_rows(c, format, out, &learned, err);
  if (rc == TL_OK && format != TL_FORMAT_TSV) {
    fprintf(out,
            P_("tradlint: %zu termo com mais de uma grafia\n",
               "tradlint: %zu termos com mais de uma grafia\n", v.keys),
            v.keys);
    if (learned > 0)
      fprintf(out,
              P_("tradlint: %zu termo do original com tradução aprendida em "
                 "2 ou mais documentos\n",
                 "tradlint: %zu termos do original com tradução aprendida em "
                 "2 ou mais documentos\n",
                 learned),
              learned);
  }
  return rc;
}

tl_status tl_corpus_prune(tl_corpus *c, const char *root, FILE *out,
                          tl_error *err)
{
  char **paths = NULL;
  size_t n = 0, gone = 0;
  tl_status rc = tl_store_paths(c->store, &paths, &n, err);

  for (size_t i = 0; i < n; i++) {
    char full[PATH_MAX * 2];
    struct stat st;
    if (paths[i][0] == '/')
      snprintf(full, sizeof full, "%s", paths[i]);
    else
      snprintf(full, sizeof full, "%s/%s", root, paths[i]);
    if (rc == TL_OK && stat(full, &st) != 0 && errno == ENOENT) {
      rc = tl_store_forget(c->store, paths[i], err);
      if (rc == TL_OK) {
        fputs("removido: ", out);
        put_path(out, paths[i]);
        fputc('\n', out);
        gone++;
      }
    }
    free(paths[i]);
  }
  free(paths);
  if (rc == TL_OK) {
    fprintf(out,
            P_("tradlint: %zu documento removido do acervo",
               "tradlint: %zu documentos removidos do acervo", gone),
            gone);
    fprintf(out, P_(", %zu mantido\n", ", %zu mantidos\n", n - gone),
            n - gone);
  }
  return rc;
}

tl_status tl_corpus_stats(tl_corpus *c, FILE *out, tl_error *err)
{
  tl_store_stats s;
  struct stat st;
  tl_status rc = tl_store_stats_get(c->store, &s, err);

  if (rc != TL_OK)
    return rc;
  fprintf(out, _("banco: %s"), tl_store_path(c->store));
  if (tl_store_archive(c->store) != NULL)
    fprintf(out, _(" (PostgreSQL)\nacervo: %s"), tl_store_archive(c->store));
  else if (stat(tl_store_path(c->store), &st) == 0)
    fprintf(out, " (%.1f MB)", (double)st.st_size / 1e6);
  fprintf(out,
          _("\ndocumentos: %lld\npalavras: %lld\nconceitos usados: %lld\n"
          "formas registradas: %lld\ngrafias para variantes: %lld\n"
          "veredictos de ortografia: %lld\nlistas de sugestões: %lld\n"),
          s.documents, s.words, s.concepts, s.usages, s.surfaces, s.verdicts,
          s.suggestions);
  return TL_OK;
}

/* ---- export and copy ---------------------------------------------------- */

typedef struct export_ctx {
  FILE *out;
  const char *archive;
  size_t lines;
} export_ctx;

static tl_status export_doc(void *ud, const tl_store_doc *d, tl_error *err)
{
  export_ctx *x = ud;

  for (size_t i = 0; i < d->nusages; i++) {
    const tl_store_usage *u = &d->usages[i];
    json_t *o = json_object();
    char *line;
    if (x->archive != NULL)
      json_object_set_new(o, "archive", json_string(x->archive));
    json_object_set_new(o, "path", json_string(d->path));
    json_object_set_new(o, "hash", json_string(d->hash));
    json_object_set_new(o, "words", json_integer((json_int_t)d->words));
    json_object_set_new(o, "checked_at", json_integer(d->checked_at));
    json_object_set_new(o, "concept", json_string(u->concept));
    json_object_set_new(o, "rendering", json_string(u->rendering));
    json_object_set_new(o, "kind", json_string(kind_id(u->kind)));
    json_object_set_new(o, "count", json_integer(u->count));
    json_object_set_new(o, "first_line", json_integer(u->first_line));
    json_object_set_new(o, "first_offset",
                        json_integer((json_int_t)u->first_offset));
    json_object_set_new(o, "surface", json_string(u->surface));
    /* a path that is not UTF-8 makes json_string fail: say which */
    if (json_object_size(o) != (x->archive != NULL ? 12u : 11u)) {
      json_decref(o);
      return tl_error_set(err, TL_EIO,
                          _("%s: caminho ou forma que não é UTF-8 válido; não "
                          "pode ir para o JSON"),
                          d->path);
    }
    line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (line == NULL || fputs(line, x->out) == EOF ||
        fputc('\n', x->out) == EOF) {
      free(line);
      return tl_error_set(err, TL_EIO, _("erro ao escrever a exportação: %s"),
                          strerror(errno));
    }
    free(line);
    x->lines++;
  }
  return TL_OK;
}

tl_status tl_corpus_export(tl_corpus *c, tl_format format, FILE *out,
                           tl_error *err)
{
  export_ctx x = {out, tl_store_archive(c->store), 0};
  tl_status rc;

  if (format != TL_FORMAT_JSONL)
    return tl_error_set(err, TL_EUSAGE,
                        _("corpus export: formato '%s' não suportado (use "
                        "jsonl)"),
                        tl_format_name(format));
  rc = tl_store_read_begin(c->store, err);
  if (rc != TL_OK)
    return rc;
  rc = tl_store_each_document(c->store, export_doc, &x, err);
  tl_store_read_end(c->store);
  if (rc == TL_OK && fflush(out) != 0)
    rc = tl_error_set(err, TL_EIO, _("erro ao escrever a exportação: %s"),
                      strerror(errno));
  return rc;
}

tl_status tl_corpus_copy(tl_corpus *from, tl_corpus *to, FILE *out,
                         tl_error *err)
{
  tl_store_copied n;
  tl_status rc = tl_store_copy(from->store, to->store, &n, err);

  if (rc == TL_OK && out != NULL) {
    char docs[64], uses[64], surfaces[64], pairs[64], verdicts[64], lists[64];
    snprintf(docs, sizeof docs, P_("%zu documento", "%zu documentos",
                                   n.documents), n.documents);
    snprintf(uses, sizeof uses, P_("%zu forma", "%zu formas", n.usages),
             n.usages);
    snprintf(surfaces, sizeof surfaces, P_("%zu grafia", "%zu grafias",
                                           n.surfaces), n.surfaces);
    snprintf(pairs, sizeof pairs, P_("%zu par de termos", "%zu pares de termos",
                                     n.pairs), n.pairs);
    snprintf(verdicts, sizeof verdicts, P_("%zu veredicto", "%zu veredictos",
                                           n.verdicts), n.verdicts);
    snprintf(lists, sizeof lists, P_("%zu lista de sugestões",
                                     "%zu listas de sugestões", n.suggestions),
             n.suggestions);
    fprintf(out, _("tradlint: de %s para %s: %s (%s, %s, %s), %s, %s\n"),
            tl_store_path(from->store), tl_store_path(to->store), docs, uses,
            surfaces, pairs, verdicts, lists);
  }
  return rc;
}

/* ---- house usage: listing and rejection --------------------------------- */

static tl_status add_rejected(void *ud, const char *key, const char *word,
                              tl_error *err)
{
  (void)err;
  if (key[0] != TL_DERIVED_MARK && key[0] != TL_PAIR_MARK)
    tl_strv_push(ud, word); /* a word, not a concept or a pair */
  return TL_OK;
}

/* Why a word is accepted, as the text report says it. */
static const char *house_why(const tl_house_word *w)
{
  return w->kind == TL_HOUSE_NAME ? _("nome que os textos ensinam")
                                  : _("palavra da casa");
}

static tl_status accepted_json(const tl_house *h, const tl_strv *rejected,
                               FILE *out, tl_error *err)
{
  json_t *root = json_object(), *list = json_array(), *rej = json_array();
  json_t *th = json_object();

  json_object_set_new(th, "names", json_integer(h->min_names));
  json_object_set_new(th, "words", json_integer(h->min_words));
  json_object_set_new(root, "thresholds", th);
  for (size_t i = 0; i < h->n; i++) {
    const tl_house_word *w = &h->v[i];
    json_t *o;
    char *ex;
    if (!tl_house_is_accepted(h, w))
      continue;
    o = json_object();
    ex = shown(w->example, false);
    json_object_set_new(o, "word", json_string(w->surface));
    json_object_set_new(o, "kind", json_string(w->kind == TL_HOUSE_NAME
                                                   ? "name"
                                                   : "word"));
    json_object_set_new(o, "documents", json_integer(w->docs));
    json_object_set_new(o, "occurrences", json_integer(w->uses));
    json_object_set_new(o, "example", json_string(ex));
    free(ex);
    json_array_append_new(list, o);
  }
  for (size_t i = 0; i < rejected->n; i++)
    json_array_append_new(rej, json_string(rejected->v[i]));
  json_object_set_new(root, "accepted", list);
  json_object_set_new(root, "rejected", rej);
  if (json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER) != 0 ||
      fputc('\n', out) == EOF) {
    json_decref(root);
    return tl_error_set(err, TL_EIO, _("erro ao escrever: %s"),
                        strerror(errno));
  }
  json_decref(root);
  return TL_OK;
}

static void accepted_text(const tl_house *h, const tl_strv *rejected,
                          FILE *out)
{
  size_t n = 0;

  for (size_t i = 0; i < h->n; i++) {
    const tl_house_word *w = &h->v[i];
    if (!tl_house_is_accepted(h, w))
      continue;
    if (n++ == 0)
      fprintf(out, _("Uso da casa aceito pelo acervo:\n"));
    fprintf(out, "  %s — %s: ", w->surface, house_why(w));
    fprintf(out, P_("%u documento", "%u documentos", w->docs), w->docs);
    fputs(", ", out);
    fprintf(out, P_("%u ocorrência", "%u ocorrências", w->uses), w->uses);
    fputs(" (", out);
    put_path(out, w->example);
    fputs(w->docs > 1 ? ", ...)\n" : ")\n", out);
  }
  if (n == 0)
    fprintf(out, _("Nenhuma palavra aceita como uso da casa.\n"));
  fprintf(out,
          _("Aceita: um nome que os textos ensinam (accept-names = %u) ou "
            "uma palavra fora dos dicionários de português (accept-words = "
            "%u) usados em tantos documentos do acervo ou mais, sempre "
            "escritos do mesmo jeito ([corpus] no .tradlint.toml; 0 "
            "desliga).\n"),
          h->min_names, h->min_words);
  if (n > 0)
    fprintf(out, _("Recuse uma entrada com: tradlint corpus reject "
                   "PALAVRA\n"));
  if (rejected->n > 0) {
    fprintf(out, _("Recusadas pelos editores:"));
    for (size_t i = 0; i < rejected->n; i++)
      fprintf(out, "%s %s", i ? "," : "", rejected->v[i]);
    fputc('\n', out);
  }
}

tl_status tl_corpus_accepted(tl_corpus *c, const tl_linter *l,
                             tl_format format, FILE *out, tl_error *err)
{
  tl_house h;
  tl_strv rejected = {0};
  tl_status rc;

  if (format != TL_FORMAT_TEXT && format != TL_FORMAT_JSON)
    return tl_error_set(err, TL_EUSAGE,
                        _("corpus accepted: formato '%s' não suportado (use "
                          "text ou json)"),
                        tl_format_name(format));
  tl_house_init(&h, l->opt.accept_names, l->opt.accept_words);
  rc = tl_store_read_begin(c->store, err);
  if (rc != TL_OK) {
    tl_house_fini(&h);
    return rc;
  }
  rc = tl_house_load(&h, c->store, l->gloss, err);
  if (rc == TL_OK)
    rc = tl_store_each_rejection(c->store, add_rejected, &rejected, err);
  tl_store_read_end(c->store);
  if (rc == TL_OK && format == TL_FORMAT_JSON)
    rc = accepted_json(&h, &rejected, out, err);
  else if (rc == TL_OK)
    accepted_text(&h, &rejected, out);
  tl_house_fini(&h);
  tl_strv_fini(&rejected);
  return rc;
}

/* An editor's rejection of a discovered concept: each group phrase @nfc
 * forms (tl_derived_groups) is never listed again. */
static tl_status reject_discovered(tl_corpus *c, const char *nfc, FILE *out,
                                   tl_error *err)
{
  tl_buf groups, key;
  int suf[6];
  size_t n;
  const char *g;
  tl_status rc = TL_OK;

  tl_buf_init(&groups);
  tl_buf_init(&key);
  n = tl_derived_groups(nfc, strlen(nfc), &groups, suf, 6);
  if (n == 0)
    rc = tl_error_set(err, TL_EUSAGE,
                      _("corpus reject: '%s' não forma um conceito "
                        "descoberto (dê uma palavra, ou uma forma de duas ou "
                        "três palavras que corpus report lista como "
                        "descoberta)"),
                      nfc);
  g = groups.p;
  for (size_t i = 0; i < n && rc == TL_OK; i++) {
    tl_buf_clear(&key);
    tl_buf_addc(&key, TL_DERIVED_MARK);
    tl_buf_adds(&key, g);
    tl_buf_cstr(&key);
    rc = tl_store_reject(c->store, key.p, nfc, err);
    g += strlen(g) + 1;
  }
  if (rc == TL_OK && out != NULL)
    fprintf(out,
            _("'%s' recusado: o acervo não listará mais suas derivações como "
              "um conceito descoberto\n"),
            nfc);
  tl_buf_fini(&groups);
  tl_buf_fini(&key);
  return rc;
}

/* An editor's rejection of a learned pair "TERM=RENDERING": the report
 * never lists it, consistency.learned never takes it for the archive's
 * rendering. */
static tl_status reject_pair(tl_corpus *c, const char *nfc, FILE *out,
                             tl_error *err)
{
  const char *eq = strchr(nfc, '=');
  char *term = tl_xstrndup(nfc, (size_t)(eq - nfc));
  tl_buf key;
  tl_status rc;

  tl_buf_init(&key);
  if (eq == nfc || eq[1] == '\0' || strchr(eq + 1, '=') != NULL) {
    rc = tl_error_set(err, TL_EUSAGE,
                      _("corpus reject: '%s' não é um par (escreva "
                        "TERMO=TRADUÇÃO, como corpus report o lista)"),
                      nfc);
  } else {
    tl_pair_key(term, eq + 1, &key);
    rc = tl_store_reject(c->store, key.p, nfc, err);
    if (rc == TL_OK && out != NULL)
      fprintf(out,
              _("'%s' recusado: o acervo não tomará mais '%s' como tradução "
                "de '%s'\n"),
              nfc, eq + 1, term);
  }
  free(term);
  tl_buf_fini(&key);
  return rc;
}

tl_status tl_corpus_reject(tl_corpus *c, const char *word, FILE *out,
                           tl_error *err)
{
  tl_buf nfc, key;
  tl_status rc;
  size_t n = strlen(word);

  if (n == 0 || tl_utf8_validate(word, n) != n || strpbrk(word, "\t\r\n") != NULL ||
      word[0] == ' ' || word[n - 1] == ' ')
    return tl_error_set(err, TL_EUSAGE,
                        _("corpus reject: '%s' não é uma palavra nem uma forma "
                          "de conceito descoberto (dê uma palavra, sem "
                          "espaços, ou duas ou três palavras separadas por um "
                          "espaço)"),
                        word);
  tl_buf_init(&nfc);
  tl_buf_init(&key);
  tl_utf8_nfc(word, n, &nfc);
  tl_buf_cstr(&nfc);
  if (strchr(nfc.p, '=') != NULL) {
    rc = reject_pair(c, nfc.p, out, err);
    tl_buf_fini(&nfc);
    tl_buf_fini(&key);
    return rc;
  }
  if (strchr(nfc.p, ' ') != NULL) {
    rc = reject_discovered(c, nfc.p, out, err);
    tl_buf_fini(&nfc);
    tl_buf_fini(&key);
    return rc;
  }
  tl_utf8_fold(nfc.p, nfc.len, &key);
  tl_buf_cstr(&key);
  rc = tl_store_reject(c->store, key.p, nfc.p, err);
  if (rc == TL_OK && out != NULL)
    fprintf(out,
            _("'%s' recusada: o acervo não a aceitará mais como uso da "
              "casa\n"),
            nfc.p);
  tl_buf_fini(&nfc);
  tl_buf_fini(&key);
  return rc;
}
