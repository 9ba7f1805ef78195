#include "gloss_cache.h"

#include "cachefile.h"
#include "map.h"
#include "walk.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* File layout: a keyed cache file (cachefile.h: header, identity), whose
 * payload (tl_gloss_cache_encode) is u64 and u32 fields, strings by offset
 * + 1 (0: NULL) into a string section that comes first, and maps as
 * tl_cache_put_map writes them; last, the glossary's words as the speller
 * takes them (tl_spell_words). */
#define MAGIC "TLGLOSC1"
#define VERSION 4u /* bump when the layout or a hash of the maps changes */

/* Every field of these structs is written and read below: one added there
 * must be added here too (then update the sizes, which guard against
 * forgetting it on the machines CI runs on). */
#if defined(__x86_64__) || defined(__aarch64__)
/* (tl_map's filter fields are built, not written: map.h) */
_Static_assert(sizeof(tl_gloss) == 360 && sizeof(tl_concept) == 56 &&
                   sizeof(tl_form) == 32 && sizeof(tl_edge) == 32 &&
                   sizeof(tl_calques) == 296 && sizeof(tl_nearmiss) == 176,
               "a glossary struct changed: write and read its new field in "
               "gloss_cache.c (and bump VERSION)");
#endif

/* ---- writing ------------------------------------------------------------ */

typedef struct writer {
  tl_buf strs; /* the string section */
  tl_buf body;
} writer;

#define put32 tl_cache_put32
#define put64 tl_cache_put64

/* A string of the string section: its offset + 1, or 0 for NULL. */
static void put_str(writer *w, const char *s)
{
  if (s == NULL) {
    put32(&w->body, 0);
    return;
  }
  put32(&w->body, (uint32_t)w->strs.len + 1);
  tl_buf_add(&w->strs, s, strlen(s) + 1);
}

void tl_gloss_cache_encode(const tl_gloss *g, const tl_calques *c,
                           const tl_spell_words *words, tl_buf *out)
{
  writer w;

  tl_buf_init(&w.strs);
  tl_buf_init(&w.body);
  tl_buf_addc(&w.strs, '\0'); /* never empty: its last byte is a NUL */
  put64(&w.body, g->nc);
  for (size_t i = 0; i < g->nc; i++) {
    const tl_concept *k = &g->c[i];
    put_str(&w, k->id);
    put_str(&w, k->preferred);
    put_str(&w, k->note);
    put_str(&w, k->file);
    put_str(&w, k->source);
    put_str(&w, k->en);
    put32(&w.body, k->line);
    put32(&w.body, (uint32_t)(unsigned char)k->gender);
    put32(&w.body, k->exact);
  }
  put64(&w.body, g->nf);
  for (size_t i = 0; i < g->nf; i++) {
    const tl_form *f = &g->f[i];
    put32(&w.body, f->concept);
    put32(&w.body, f->kind);
    put32(&w.body, f->exact);
    put_str(&w, f->text);
    put_str(&w, f->shape);
    put_str(&w, f->letters);
  }
  put64(&w.body, g->capedges);
  put64(&w.body, g->nedges);
  for (size_t i = 0; i < g->capedges; i++) {
    const tl_edge *e = &g->edges[i];
    if (e->key == NULL)
      continue;
    put32(&w.body, (uint32_t)i);
    put_str(&w, e->key);
    put32(&w.body, e->klen);
    put32(&w.body, e->parent);
    put32(&w.body, e->child);
    put64(&w.body, e->kh);
  }
  put64(&w.body, g->nnodes);
  tl_buf_add(&w.body, g->first, g->nnodes * sizeof *g->first);
  put64(&w.body, g->nent);
  for (size_t i = 0; i < g->nent; i++) {
    put32(&w.body, g->ent[i].form);
    put32(&w.body, g->ent[i].next);
    put32(&w.body, g->ent[i].path);
  }
  tl_cache_put_map(&w.body, &g->ids);
  tl_cache_put_map(&w.body, &g->claims);
  tl_cache_put_map(&w.body, &g->en);
  put32(&w.body, g->en_words);
  put64(&w.body, g->nfiles);
  for (size_t i = 0; i < 4; i++)
    put64(&w.body, g->counts[i]);
  tl_cache_put_map(&w.body, &c->forms);
  tl_cache_put_map(&w.body, &c->family);
  put64(&w.body, c->nforms);
  tl_cache_put_map(&w.body, &c->near.forms);
  put64(&w.body, c->near.nforms);
  tl_cache_put_map(&w.body, &c->near.en_first);
  tl_cache_put_map(&w.body, &c->near.first);
  tl_cache_put_map(&w.body, &words->forms);
  put64(&w.body, words->hash);
  put64(out, w.strs.len);
  tl_buf_add(out, w.strs.p, w.strs.len);
  tl_buf_add(out, w.body.p, w.body.len);
  tl_buf_fini(&w.strs);
  tl_buf_fini(&w.body);
}

/* ---- reading ------------------------------------------------------------ */

typedef tl_cache_reader reader;

#define take tl_cache_take
#define get32 tl_cache_get32
#define get64 tl_cache_get64
#define get_count tl_cache_get_count
#define get_map tl_cache_get_map

/* A string of the string section (NULL for 0; bad when out of it, or NULL
 * where @required). */
static const char *get_str(reader *r, bool required)
{
  uint32_t v = get32(r);

  if (v == 0) {
    r->bad |= required;
    return NULL;
  }
  if (v - 1 >= r->nstrs) { /* the section ends with a NUL */
    r->bad = true;
    return NULL;
  }
  return r->strs + v - 1;
}

/* Every value of @m is a concept index + @plus below @nc + @plus (or
 * @other). */
static bool values_below(const tl_map *m, uint32_t plus, size_t nc,
                         uint32_t shift, uint32_t other)
{
  for (size_t i = 0; i < m->cap; i++) {
    const tl_map_slot *s = &m->slots[i];
    if (s->key == NULL || (other != 0 && s->value == other))
      continue;
    if (s->value < plus || ((s->value - plus) >> shift) >= nc)
      return false;
  }
  return true;
}

static void decode_gloss(reader *r, tl_gloss *g)
{
  size_t n;

  n = get_count(r, 36);
  if (!r->bad) {
    g->c = tl_cache_calloc(n + 1, sizeof *g->c);
    g->capc = n + 1;
  }
  for (size_t i = 0; i < n && !r->bad; i++) {
    tl_concept *k = &g->c[i];
    uint32_t gender;
    k->id = get_str(r, true);
    k->preferred = get_str(r, true);
    k->note = get_str(r, false);
    k->file = get_str(r, true);
    k->source = get_str(r, false);
    k->en = get_str(r, false);
    k->line = get32(r);
    gender = get32(r);
    k->exact = get32(r) != 0;
    r->bad |= gender != 0 && gender != 'm' && gender != 'f';
    k->gender = (char)gender;
    g->nc++;
  }
  n = get_count(r, 24);
  if (!r->bad) {
    g->f = tl_cache_calloc(n + 1, sizeof *g->f);
    g->capf = n + 1;
  }
  for (size_t i = 0; i < n && !r->bad; i++) {
    tl_form *f = &g->f[i];
    uint32_t kind;
    f->concept = get32(r);
    kind = get32(r);
    f->exact = get32(r) != 0;
    f->text = get_str(r, true);
    f->shape = get_str(r, true);
    f->letters = get_str(r, true);
    r->bad |= f->concept >= g->nc || kind > TL_FORM_FORBIDDEN;
    f->kind = (uint8_t)kind;
    g->nf++;
  }
  {
    size_t cap = (size_t)get64(r), ne = get_count(r, 28);
    /* as for the maps: at most 3/4 full, at least 1/4 past 1024 slots */
    if (r->bad || (cap & (cap - 1)) != 0 || ne >= cap + (cap == 0) ||
        (cap > 1024 && cap > 4 * ne)) {
      r->bad = true;
      return;
    }
    if (cap > 0) {
      g->edges = tl_cache_calloc(cap, sizeof *g->edges);
      g->capedges = cap;
    }
    /* the root's bit set from the edges as they are read: no second
     * pass over the edge table (4 MB for 20,000 concepts) at each run */
    tl_gloss_root_begin(g, ne);
    for (size_t i = 0; i < ne && !r->bad; i++) {
      uint32_t idx = get32(r);
      const char *key = get_str(r, true);
      uint32_t klen = get32(r), parent = get32(r), child = get32(r);
      uint64_t kh = get64(r);
      if (r->bad || idx >= cap || g->edges[idx].key != NULL ||
          klen > r->nstrs - (size_t)(key - r->strs) - 1 ||
          key[klen] != '\0') {
        r->bad = true;
        break;
      }
      g->edges[idx] = (tl_edge){kh, key, klen, parent, child};
      g->nedges++;
      if (parent == 0)
        tl_gloss_root_add(g, kh);
    }
    if (!r->bad)
      tl_gloss_root_end(g);
  }
  n = get_count(r, 4);
  if (r->bad || n == 0) {
    r->bad = true;
    return;
  }
  free(g->first);
  g->first = tl_cache_calloc(n, sizeof *g->first);
  g->capnodes = n;
  memcpy(g->first, take(r, n * 4), n * 4);
  g->nnodes = n;
  for (size_t i = 0; i < g->capedges; i++) {
    const tl_edge *e = &g->edges[i];
    if (e->key != NULL && (e->parent >= n || e->child >= n || e->child == 0))
      r->bad = true;
  }
  n = get_count(r, 12);
  if (!r->bad) {
    g->ent = tl_cache_calloc(n + 1, sizeof *g->ent);
    g->capent = n + 1;
  }
  for (size_t i = 0; i < n && !r->bad; i++) {
    tl_gloss_entry *e = &g->ent[i];
    uint32_t path;
    e->form = get32(r);
    e->next = get32(r);
    path = get32(r);
    /* an entry's next is an earlier entry: no cycle */
    r->bad |= e->form >= g->nf || e->next > i || path > 3;
    e->path = (uint8_t)path;
    g->nent++;
  }
  for (size_t i = 0; i < g->nnodes && !r->bad; i++)
    r->bad |= g->first[i] > g->nent;
  get_map(r, &g->ids);
  get_map(r, &g->claims);
  get_map(r, &g->en);
  g->en_words = get32(r);
  g->nfiles = (size_t)get64(r);
  for (size_t i = 0; i < 4; i++)
    g->counts[i] = (size_t)get64(r);
  if (!r->bad)
    r->bad = !values_below(&g->ids, 0, g->nc, 0, 0) ||
             !values_below(&g->claims, 1, g->nc, 2, 0) ||
             !values_below(&g->en, 1, g->nc, 0, 0);
}

static void decode_calques(reader *r, tl_calques *c, size_t nc)
{
  get_map(r, &c->forms);
  get_map(r, &c->family);
  c->nforms = (size_t)get64(r);
  get_map(r, &c->near.forms);
  c->near.nforms = (size_t)get64(r);
  get_map(r, &c->near.en_first);
  get_map(r, &c->near.first);
  if (!r->bad)
    r->bad = !values_below(&c->forms, 1, nc, 0, 0) ||
             !values_below(&c->near.forms, 1, nc, 0, TL_NEARMISS_AMBIGUOUS);
}

static void calques_free(tl_calques *c)
{
  if (c == NULL)
    return;
  tl_calques_fini(c);
  free(c);
}

/* Every value of @m is 1 (a set). */
static bool all_ones(const tl_map *m)
{
  for (size_t i = 0; i < m->cap; i++)
    if (m->slots[i].key != NULL && m->slots[i].value != 1)
      return false;
  return true;
}

bool tl_gloss_cache_decode(const unsigned char *p, size_t n, tl_gloss **gp,
                           tl_calques **cp, tl_spell_words *words)
{
  reader r = {p, 0, n, false, NULL, 0, true};
  tl_gloss *g;
  tl_calques *c;
  size_t ns = get_count(&r, 1);
  const unsigned char *sp = take(&r, ns);

  *gp = NULL;
  *cp = NULL;
  if (r.bad || ns == 0 || sp[ns - 1] != '\0')
    return false;
  g = tl_gloss_new();
  c = tl_xcalloc(1, sizeof *c);
  tl_map_init_filtered(&c->forms); /* as tl_calques_init */
  tl_map_init(&c->family);
  tl_map_init_filtered(&c->near.forms); /* as tl_nearmiss_init */
  tl_map_init(&c->near.en_first);
  tl_map_init(&c->near.first);
  r.strs = (const char *)sp; /* the strings and keys used where they lie */
  r.nstrs = ns;
  decode_gloss(&r, g);
  decode_calques(&r, c, g->nc);
  get_map(&r, &words->forms);
  words->hash = get64(&r);
  if (r.bad || r.at != r.n || g->nc == 0 || !all_ones(&words->forms)) {
    tl_gloss_free(g);
    calques_free(c);
    tl_spell_words_fini(words);
    tl_spell_words_init(words);
    return false;
  }
  *gp = g;
  *cp = c;
  return true;
}

/* ---- identity ----------------------------------------------------------- */

/* The identity of the glossaries @paths as tl_gloss_load reads them, and
 * the name of their cache file in @dir; false when there is no build ID or
 * a file cannot be read (then no cache: the load reports the error). */
static bool identity(const char *dir, const char *const *paths, tl_buf *id,
                     tl_buf *file)
{
  bool relative = false, ok = true;
  tl_buf names;

  /* the file's name: the glossaries named (a rebuild of the program or an
   * edited glossary replaces the file, never adds one) */
  tl_buf_init(&names);
  for (size_t i = 0; paths[i] != NULL; i++) {
    tl_buf_printf(&names, "arg\t%s\n", paths[i]);
    relative |= paths[i][0] != '/';
  }
  ok = tl_cachefile_key(dir, "glossary", "glossary", VERSION, &names, relative,
                        id, file);
  tl_buf_fini(&names);
  for (size_t i = 0; ok && paths[i] != NULL; i++) {
    struct stat sb;
    if (stat(paths[i], &sb) != 0)
      return false;
    if (S_ISDIR(sb.st_mode)) {
      size_t n = 0;
      char **files = tl_dir_files(paths[i], ".tsv", &n);
      if (files == NULL)
        return false;
      for (size_t k = 0; k < n; k++) {
        ok = ok && tl_cachefile_file_identity(files[k], id, NULL, NULL);
        free(files[k]);
      }
      free(files);
      ok = ok && n > 0;
    } else {
      ok = tl_cachefile_file_identity(paths[i], id, NULL, NULL);
    }
  }
  return ok;
}

/* ---- the file ----------------------------------------------------------- */

static void debug(const char *what, const char *path, const char *why)
{
  if (getenv("TRADLINT_DEBUG_LOAD") != NULL)
    fprintf(stderr, "tradlint: debug: glossary cache %s %s%s%s%s\n", what,
            path, why ? " (" : "", why ? why : "", why ? ")" : "");
}

/* The glossary of file image @im if it is a good cache of @id (the
 * glossary then holds the image, in which its strings and keys lie); false
 * with a reason in *why. */
static bool read_cache(tl_cache_image *im, const tl_buf *id, tl_gloss **g,
                       tl_calques **c, tl_spell_words *words, const char **why)
{
  size_t at, n;

  if (!tl_cachefile_payload(im->p, im->len, MAGIC, VERSION, id, &at, &n, why))
    return false;
  if (!tl_gloss_cache_decode(im->p + at, n, g, c, words)) {
    *why = "bad payload";
    return false;
  }
  (*g)->image = im;
  return true;
}

static void write_cache(const char *dir, const char *path, const tl_buf *id,
                        const tl_gloss *g, const tl_calques *c,
                        const tl_spell_words *words)
{
  tl_buf body;
  tl_error err;

  tl_buf_init(&body);
  tl_cachefile_begin(&body, MAGIC, VERSION, id);
  tl_gloss_cache_encode(g, c, words, &body);
  if (tl_cachefile_save(dir, path, ".glossary-", &body, &err) == TL_OK)
    debug("written", path, NULL);
  else
    debug("not written", path, err.msg);
  tl_buf_fini(&body);
}

static void add_word(void *ud, const char *w, size_t n)
{
  tl_spell_words_add(ud, w, n);
}

tl_status tl_gloss_cache_load(const char *dir, const char *const *paths,
                              tl_gloss **gp, tl_calques **cp,
                              tl_spell_words *words, tl_error *err)
{
  tl_buf id, file;
  bool cached = false;
  tl_status st = TL_OK;

  *gp = NULL;
  *cp = NULL;
  tl_buf_init(&id);
  tl_buf_init(&file);
  if (dir != NULL && identity(dir, paths, &id, &file)) {
    bool missing;
    const char *why = "missing";
    tl_cache_image *im = tl_cache_image_open(file.p, &missing);
    cached = true;
    if (im != NULL && read_cache(im, &id, gp, cp, words, &why)) {
      debug("read", file.p, NULL);
      tl_buf_fini(&id);
      tl_buf_fini(&file);
      return TL_OK;
    }
    tl_cache_image_free(im);
    debug("rebuilt", file.p, why);
  }
  *gp = tl_gloss_new();
  for (size_t i = 0; st == TL_OK && paths[i] != NULL; i++)
    st = tl_gloss_load(*gp, paths[i], err);
  if (st == TL_OK && (*gp)->nc > 0) {
    *cp = tl_xcalloc(1, sizeof **cp);
    tl_calques_init(*cp, *gp);
    tl_gloss_words(*gp, add_word, words);
    if (cached) { /* the files may have changed while they were read */
      tl_buf again, name;
      tl_buf_init(&again);
      tl_buf_init(&name);
      if (identity(dir, paths, &again, &name) && again.len == id.len &&
          memcmp(again.p, id.p, id.len) == 0)
        write_cache(dir, file.p, &id, *gp, *cp, words);
      tl_buf_fini(&again);
      tl_buf_fini(&name);
    }
  }
  tl_buf_fini(&id);
  tl_buf_fini(&file);
  return st;
}
