#include "spell.h"
#include "msg.h"

#include "input.h"

#include "map.h"
#include "utf8.h"

#include <errno.h>
#include <hunspell.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum {
  V_KNOWN = 1,  /* verdict: known word */
  V_UNKNOWN = 2 /* verdict: unknown word */
};

/* Hunspell keeps a process-wide case table (initialize_utf_tbl) that it
 * builds and frees, reference-counted but unguarded, in Hunspell_create and
 * Hunspell_destroy: two creates at once may both build it, or one read it
 * half built. Built once before any create, with its count raised far above
 * what lost increments of racing creates could take away (pin_utf_table),
 * creates may run at the same time; where the library does not export the
 * function (another Hunspell version), they take turns. */
static pthread_mutex_t hunspell_lifetime = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t pin_once = PTHREAD_ONCE_INIT;
static bool utf_table_pinned;

static void pin_utf_table(void)
{
  void *f = tl_hunspell_symbol("_Z18initialize_utf_tblv"); /* C++ */
  void (*init)(void);

  if (f != NULL) {
    memcpy(&init, &f, sizeof init);
    pthread_mutex_lock(&hunspell_lifetime);
    for (int i = 0; i < 1000; i++)
      init();
    pthread_mutex_unlock(&hunspell_lifetime);
    utf_table_pinned = true;
  }
}

static Hunhandle *create(const char *aff, const char *dic, bool background)
{
  Hunhandle *h;

  pthread_once(&pin_once, pin_utf_table);
  if (getenv("TRADLINT_DEBUG_LOAD") != NULL)
    fprintf(stderr, "tradlint: debug: loading %s%s\n", dic,
            background ? " in the background" : "");
  if (utf_table_pinned)
    return Hunspell_create(aff, dic);
  pthread_mutex_lock(&hunspell_lifetime);
  h = Hunspell_create(aff, dic);
  pthread_mutex_unlock(&hunspell_lifetime);
  return h;
}

typedef struct sugg {
  const char **v;
  size_t n;
} sugg;

struct tl_spell {
  pthread_mutex_t lock; /* recursive: linters in several threads share it */
  char *aff, *dic;
  Hunhandle *h;
  tl_map words;    /* project words: key -> 1 */
  const tl_spell_words *accepted; /* borrowed words (tl_spell_accept), or NULL */
  tl_map verdicts; /* word -> V_* */
  tl_map probes;   /* typo-search candidates Hunspell was asked about */
  tl_map suggidx;  /* word -> index into suggs */
  sugg *suggs;
  size_t nsuggs, capsuggs;
  tl_arena strs;
  tl_buf tmp;
  tl_spell_backing backing;
  bool has_backing;
  /* loading in the background (tl_spell_load_async): the thread, its
   * result, and whether it is there (read without the lock) */
  pthread_t loader;
  bool loading;
  Hunhandle *loaded;
  atomic_bool ready;
  /* asked from more than one thread (see front_of): set once, under the
   * lock, when a thread other than @user asks */
  uint64_t id; /* never reused: tells a thread's front verdicts apart */
  pthread_t user;
  bool has_user;
  atomic_bool shared;
};

/* The verdicts a thread has had from a speller that
 * other threads use too (-j N with one Hunspell): asked again, a word
 * takes no lock. A thread keeps them for the last few spellers it asked
 * (pt_BR and en_US of a linter), told apart by the speller's id; they are
 * freed when the thread ends. The answers are the speller's own, which
 * never change once given, so that they are the same from any thread. */
enum { NFRONTS = 4 };

typedef struct front {
  uint64_t id;     /* 0: unused */
  tl_map verdicts; /* word -> V_* */
} front;

typedef struct fronts {
  front f[NFRONTS];
  unsigned next;
} fronts;

static _Thread_local fronts *thread_fronts;
static pthread_key_t fronts_key; /* its destructor frees them */
static pthread_once_t fronts_once = PTHREAD_ONCE_INIT;
static atomic_uint_fast64_t last_spell_id;

static void fronts_free(void *ud)
{
  fronts *fs = ud;

  for (unsigned i = 0; i < NFRONTS; i++)
    tl_map_fini(&fs->f[i].verdicts);
  free(fs);
}

static void fronts_key_init(void)
{
  if (pthread_key_create(&fronts_key, fronts_free) != 0)
    abort();
}

/* This thread's front of @s, created empty when it has none. */
static front *front_of(const tl_spell *s)
{
  fronts *fs = thread_fronts;
  front *f;

  if (fs == NULL) {
    pthread_once(&fronts_once, fronts_key_init);
    fs = tl_xcalloc(1, sizeof *fs);
    for (unsigned i = 0; i < NFRONTS; i++)
      tl_map_init(&fs->f[i].verdicts);
    pthread_setspecific(fronts_key, fs);
    thread_fronts = fs;
  }
  for (unsigned i = 0; i < NFRONTS; i++)
    if (fs->f[i].id == s->id)
      return &fs->f[i];
  f = &fs->f[fs->next++ % NFRONTS]; /* the oldest gives way */
  tl_map_fini(&f->verdicts);
  tl_map_init(&f->verdicts);
  f->id = s->id;
  return f;
}

/* Under @s's lock: note the asking thread; a second one makes @s shared. */
static void note_user(tl_spell *s)
{
  pthread_t self = pthread_self();

  if (!s->has_user) {
    s->user = self;
    s->has_user = true;
  } else if (!pthread_equal(s->user, self) &&
             !atomic_load_explicit(&s->shared, memory_order_relaxed)) {
    atomic_store(&s->shared, true);
  }
}

static bool file_exists(const char *p)
{
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static tl_spell *alloc(const char *aff, const char *dic)
{
  tl_spell *s = tl_xcalloc(1, sizeof *s);
  pthread_mutexattr_t attr;

  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&s->lock, &attr);
  pthread_mutexattr_destroy(&attr);
  s->aff = tl_xstrdup(aff);
  s->dic = tl_xstrdup(dic);
  tl_map_init(&s->words);
  tl_map_init(&s->verdicts);
  tl_map_init(&s->probes);
  tl_map_init(&s->suggidx);
  tl_arena_init(&s->strs);
  tl_buf_init(&s->tmp);
  atomic_init(&s->ready, false);
  atomic_init(&s->shared, false);
  s->id = atomic_fetch_add(&last_spell_id, 1) + 1;
  return s;
}

tl_status tl_spell_new(tl_spell **out, const char *dir, const char *lang,
                       tl_error *err)
{
  tl_spell *s;
  tl_buf a, d;

  tl_buf_init(&a);
  tl_buf_init(&d);
  tl_buf_printf(&a, "%s/%s.aff", dir, lang);
  tl_buf_printf(&d, "%s/%s.dic", dir, lang);
  s = alloc(tl_buf_cstr(&a), tl_buf_cstr(&d));
  tl_buf_fini(&a);
  tl_buf_fini(&d);
  if (!file_exists(s->aff) || !file_exists(s->dic)) {
    tl_status st = tl_error_set(
        err, TL_EDICT,
        _("dicionário %s não encontrado em %s (faltam %s.aff/%s.dic); "
        "instale o pacote hunspell-pt-br (make deps) ou indique a pasta com "
        "--hunspell-dir"),
        lang, dir, lang, lang);
    tl_spell_free(s);
    *out = NULL;
    return st;
  }
  *out = s;
  return TL_OK;
}

tl_spell *tl_spell_new_like(tl_spell *s)
{
  tl_spell *c = alloc(s->aff, s->dic);

  pthread_mutex_lock(&s->lock);
  for (size_t i = 0; i < s->words.cap; i++)
    if (s->words.slots[i].key != NULL)
      tl_map_put(&c->words, s->words.slots[i].key, s->words.slots[i].len, 1,
                 NULL);
  c->accepted = s->accepted;
  c->backing = s->backing;
  c->has_backing = s->has_backing;
  pthread_mutex_unlock(&s->lock);
  return c;
}

bool tl_spell_has_backing(const tl_spell *s)
{
  return s->has_backing;
}

void tl_spell_free(tl_spell *s)
{
  if (s == NULL)
    return;
  if (s->loading) {
    pthread_join(s->loader, NULL);
    s->h = s->loaded;
  }
  if (s->h != NULL) {
    pthread_mutex_lock(&hunspell_lifetime);
    Hunspell_destroy(s->h);
    pthread_mutex_unlock(&hunspell_lifetime);
  }
  free(s->aff);
  free(s->dic);
  tl_map_fini(&s->words);
  tl_map_fini(&s->verdicts);
  tl_map_fini(&s->probes);
  tl_map_fini(&s->suggidx);
  for (size_t i = 0; i < s->nsuggs; i++)
    free(s->suggs[i].v);
  free(s->suggs);
  tl_arena_fini(&s->strs);
  tl_buf_fini(&s->tmp);
  pthread_mutex_destroy(&s->lock);
  free(s);
}

bool tl_spell_loaded(const tl_spell *s)
{
  return s->h != NULL || s->loading;
}

/* A word's term in tl_spell_words_hash. Stored (corpus identities, the
 * verdict cache's name): FNV-1a, never to change. */
static uint64_t word_term(const char *w, size_t n)
{
  return tl_hash(w, n) * 0x9E3779B97F4A7C15ULL;
}

/* The XOR of the terms of the words of both @s->words and the accepted
 * set (*both: how many), which the union counts once. */
static uint64_t common_terms(const tl_spell *s, size_t *both)
{
  uint64_t h = 0;

  *both = 0;
  if (s->accepted == NULL)
    return 0;
  for (size_t i = 0; i < s->words.cap; i++) {
    const tl_map_slot *k = &s->words.slots[i];
    if (k->key != NULL && tl_map_find(&s->accepted->forms, k->key, k->len) != NULL) {
      h ^= word_term(k->key, k->len);
      (*both)++;
    }
  }
  return h;
}

uint64_t tl_spell_words_hash(const tl_spell *s)
{
  uint64_t h = 0;
  size_t both, count = s->words.count;

  for (size_t i = 0; i < s->words.cap; i++)
    if (s->words.slots[i].key != NULL)
      h ^= word_term(s->words.slots[i].key, s->words.slots[i].len);
  if (s->accepted != NULL) { /* the union's: a common word once */
    h ^= s->accepted->hash ^ common_terms(s, &both);
    count += s->accepted->forms.count - both;
  }
  return h ^ count;
}

size_t tl_spell_word_count(const tl_spell *s)
{
  size_t both;

  (void)common_terms(s, &both);
  return s->words.count +
         (s->accepted != NULL ? s->accepted->forms.count - both : 0);
}

void tl_spell_words_init(tl_spell_words *w)
{
  tl_map_init(&w->forms);
  w->hash = 0;
}

void tl_spell_words_fini(tl_spell_words *w)
{
  tl_map_fini(&w->forms);
}

uint64_t tl_spell_words_hash_of(const tl_spell_words *w)
{
  uint64_t h = 0;

  for (size_t i = 0; i < w->forms.cap; i++)
    if (w->forms.slots[i].key != NULL)
      h ^= word_term(w->forms.slots[i].key, w->forms.slots[i].len);
  return h;
}

static void upper_into(const char *w, size_t n, tl_buf *out)
{
  for (size_t i = 0; i < n;) {
    size_t adv;
    tl_utf8_encode(tl_cp_upper(tl_utf8_decode(w + i, n - i, &adv)), out);
    i += adv;
  }
}

static tl_status load(tl_spell *s, tl_error *err);

/* Put word @w and its forms into @m, with @tmp for the all-caps form; with
 * @terms, the XOR of the terms of the forms new to @m (else 0). */
static uint64_t put_forms(tl_map *m, const char *w, size_t n, tl_buf *tmp,
                          bool terms)
{
  uint64_t h = 0;
  bool created;

  tl_map_put(m, w, n, 1, &created);
  if (created && terms)
    h ^= word_term(w, n);
  if (tl_utf8_has_upper(w, n)) { /* names also accepted in capitals: OPENAI */
    tl_buf_clear(tmp);
    upper_into(w, n, tmp);
    tl_map_put(m, tmp->p, tmp->len, 1, &created);
    if (created && terms)
      h ^= word_term(tmp->p, tmp->len);
  }
  return h;
}

void tl_spell_words_add(tl_spell_words *w, const char *p, size_t n)
{
  tl_buf tmp;

  tl_buf_init(&tmp);
  w->hash ^= put_forms(&w->forms, p, n, &tmp, true);
  tl_buf_fini(&tmp);
}

static void tl_spell_add_word_unlocked(tl_spell *s, const char *w, size_t n)
{
  if (s->loading) /* the loader reads the words: let it finish first */
    load(s, NULL);
  (void)put_forms(&s->words, w, n, &s->tmp, false);
  if (s->h != NULL)
    Hunspell_add(s->h, tl_arena_strndup(&s->strs, w, n));
}

/* Give Hunspell @s's accepted words that are not already among its own. */
static void add_accepted(tl_spell *s, Hunhandle *h)
{
  const tl_map *m = &s->accepted->forms;

  for (size_t i = 0; i < m->cap; i++)
    if (m->slots[i].key != NULL &&
        tl_map_find(&s->words, m->slots[i].key, m->slots[i].len) == NULL)
      Hunspell_add(h, m->slots[i].key);
}

void tl_spell_accept(tl_spell *s, const tl_spell_words *w)
{
  pthread_mutex_lock(&s->lock);
  if (s->loading) /* the loader reads the words: let it finish first */
    load(s, NULL);
  s->accepted = w;
  if (s->h != NULL && w != NULL)
    add_accepted(s, s->h);
  pthread_mutex_unlock(&s->lock);
}

tl_status tl_spell_load_wordlist(tl_spell *s, const char *path,
                                 tl_error *err)
{
  FILE *fp;
  char *line = NULL;
  size_t cap = 0;
  ssize_t got;
  unsigned lineno = 0;
  tl_status st = tl_input_open(path, 0, _("a lista de palavras"), TL_EDICT, &fp,
                               NULL, err);
  tl_buf nfc;

  if (st != TL_OK)
    return st;
  tl_buf_init(&nfc);
  while ((got = getline(&line, &cap, fp)) >= 0) {
    size_t n = (size_t)got;
    lineno++;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      n--;
    if (lineno == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
      memmove(line, line + 3, n - 3);
      n -= 3;
    }
    if (n == 0 || line[0] == '#')
      continue;
    if (tl_utf8_validate(line, n) != n) {
      st = tl_error_set(err, TL_EDICT, _("%s:%u: UTF-8 inválido"), path, lineno);
      break;
    }
    for (size_t i = 0; i < n; i++)
      if (line[i] == ' ' || line[i] == '\t' || line[i] == '\0') {
        st = tl_error_set(err, TL_EDICT,
                          _("%s:%u:%zu: espaço dentro da palavra; escreva uma "
                          "palavra por linha"),
                          path, lineno, i + 1);
        goto out;
      }
    tl_buf_clear(&nfc);
    tl_utf8_nfc(line, n, &nfc);
    tl_spell_add_word_unlocked(s, nfc.p, nfc.len);
  }
  if (st == TL_OK && ferror(fp))
    st = tl_error_set(err, TL_EDICT, _("%s: erro de leitura"), path);
out:
  free(line);
  tl_buf_fini(&nfc);
  fclose(fp);
  return st;
}

/* The dictionary with the project's words added. */
static Hunhandle *create_with_words(tl_spell *s, bool background)
{
  Hunhandle *h = create(s->aff, s->dic, background);

  for (size_t i = 0; h != NULL && i < s->words.cap; i++)
    if (s->words.slots[i].key != NULL)
      Hunspell_add(h, s->words.slots[i].key);
  if (h != NULL && s->accepted != NULL)
    add_accepted(s, h);
  return h;
}

static void *loader_main(void *ud)
{
  tl_spell *s = ud;

  s->loaded = create_with_words(s, true);
  atomic_store(&s->ready, true);
  return NULL;
}

/* Hunspell, loaded now or taken from the background loader. */
static tl_status load(tl_spell *s, tl_error *err)
{
  if (s->h != NULL)
    return TL_OK;
  if (s->loading) {
    pthread_join(s->loader, NULL);
    s->loading = false;
    s->h = s->loaded;
  } else {
    s->h = create_with_words(s, false);
  }
  if (s->h == NULL)
    return tl_error_set(err, TL_EDICT, _("%s: o Hunspell não carregou o "
                        "dicionário"), s->dic);
  atomic_store(&s->ready, true);
  return TL_OK;
}

void tl_spell_load_async(tl_spell *s)
{
  pthread_mutex_lock(&s->lock);
  if (s->h == NULL && !s->loading &&
      pthread_create(&s->loader, NULL, loader_main, s) == 0)
    s->loading = true; /* else it loads when first needed */
  pthread_mutex_unlock(&s->lock);
}

bool tl_spell_ready(const tl_spell *s)
{
  return atomic_load(&s->ready);
}

/* Case variants a lower-case project word also covers. */
/* Whether form @w is among the speller's words or the accepted ones. */
static bool has_form(const tl_spell *s, const char *w, size_t n)
{
  return tl_map_find(&s->words, w, n) != NULL ||
         (s->accepted != NULL &&
          tl_map_find(&s->accepted->forms, w, n) != NULL);
}

static bool word_listed(tl_spell *s, const char *w, size_t n)
{
  if (has_form(s, w, n))
    return true;
  if (!tl_utf8_has_upper(w, n))
    return false;
  tl_buf_clear(&s->tmp);
  tl_utf8_lower(w, n, &s->tmp);
  /* Capitalised or all-caps forms of a lower-case entry. */
  return has_form(s, s->tmp.p, s->tmp.len) &&
         !tl_utf8_has_upper(s->tmp.p, s->tmp.len);
}

static int hun_spell(tl_spell *s, const char *w, size_t n)
{
  char stackbuf[256];
  char *z = n < sizeof stackbuf ? stackbuf : tl_xmalloc(n + 1);
  int ok;

  memcpy(z, w, n);
  z[n] = '\0';
  ok = Hunspell_spell(s->h, z) != 0;
  if (z != stackbuf)
    free(z);
  return ok;
}

void tl_spell_set_backing(tl_spell *s, const tl_spell_backing *b)
{
  s->has_backing = b != NULL;
  if (b != NULL)
    s->backing = *b;
}

static void hash_file(const char *path, tl_buf *out)
{
  FILE *fp = fopen(path, "rb");
  struct stat st;
  uint64_t h = 1469598103934665603ULL;
  unsigned char chunk[65536];
  size_t got;

  if (fp == NULL || fstat(fileno(fp), &st) != 0) {
    if (fp != NULL)
      fclose(fp);
    tl_buf_printf(out, "%s:missing;", path);
    return;
  }
  while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
    for (size_t i = 0; i < got; i++) {
      h ^= chunk[i];
      h *= 1099511628211ULL;
    }
  fclose(fp);
  tl_buf_printf(out, "%lld:%lld:%016llx;", (long long)st.st_size,
                (long long)st.st_mtime, (unsigned long long)h);
}

void tl_spell_identity(const tl_spell *s, tl_buf *out)
{
  hash_file(s->aff, out);
  hash_file(s->dic, out);
}

static void stat_file(const char *path, tl_buf *out)
{
  struct stat st;

  if (stat(path, &st) != 0) {
    tl_buf_printf(out, "%s:missing;", path);
    return;
  }
  tl_buf_printf(out, "%s:%lld:%lld.%09ld:%llu:%llu;", path,
                (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                (long)st.st_mtim.tv_nsec, (unsigned long long)st.st_dev,
                (unsigned long long)st.st_ino);
}

void tl_spell_stat_identity(const tl_spell *s, tl_buf *out)
{
  stat_file(s->aff, out);
  stat_file(s->dic, out);
}

static int tl_spell_check_unlocked(tl_spell *s, const char *w, size_t n, tl_error *err)
{
  tl_map_slot *slot = tl_map_find(&s->verdicts, w, n);
  int known;

  if (slot != NULL)
    return slot->value == V_KNOWN;
  if (word_listed(s, w, n)) {
    known = 1;
  } else if (s->has_backing &&
             (known = s->backing.lookup(s->backing.ud, s->backing.dict, w,
                                        n)) >= 0) {
    ; /* the corpus database knew: Hunspell stays unloaded */
  } else {
    tl_status st = load(s, err);
    if (st != TL_OK)
      return st;
    known = hun_spell(s, w, n);
    if (!known && memchr(w, '-', n) != NULL) {
      /* A hyphenated compound whose every part is a word is accepted, as
       * `hunspell -l` does (it reads the parts as words of their own). */
      size_t i = 0;
      known = 1;
      while (i <= n && known) {
        const char *e = memchr(w + i, '-', n - i);
        size_t j = e ? (size_t)(e - w) : n;
        if (j > i) {
          int r = tl_spell_check_unlocked(s, w + i, j - i, err);
          if (r < 0)
            return r;
          known = r;
        }
        i = j + 1;
      }
    }
    if (s->has_backing)
      s->backing.save(s->backing.ud, s->backing.dict, w, n, known);
  }
  tl_map_put(&s->verdicts, w, n, known ? V_KNOWN : V_UNKNOWN, NULL);
  return known;
}

/* ---- suggestions --------------------------------------------------- */

static const char *const ALPHABET[] = {
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n",
    "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "á", "à",
    "â", "ã", "é", "ê", "í", "ó", "ô", "õ", "ú", "ü", "ç", NULL};

typedef struct cands {
  char **v;
  size_t n, cap;
  int max;
} cands;

static bool cands_has(const cands *c, const char *w)
{
  for (size_t i = 0; i < c->n; i++)
    if (strcmp(c->v[i], w) == 0)
      return true;
  return false;
}

static void try_cand(tl_spell *s, cands *c, const char *orig, tl_buf *b)
{
  const char *w = tl_buf_cstr(b);

  if ((int)c->n >= c->max || strcmp(w, orig) == 0 || cands_has(c, w))
    return;
  if (word_listed(s, w, b->len) || Hunspell_spell(s->h, w)) {
    TL_GROW(c->v, c->cap, c->n + 1);
    c->v[c->n++] = tl_xstrdup(w);
  }
}

/* Split @w into code points (byte offsets), at most 64. */
static size_t cps(const char *w, size_t n, size_t *at)
{
  size_t k = 0;
  for (size_t i = 0; i < n && k < 64;) {
    size_t adv;
    tl_utf8_decode(w + i, n - i, &adv);
    at[k++] = i;
    i += adv;
  }
  at[k] = n;
  return k;
}

/* Edit-distance-1 candidates: accent changes, a doubled letter dropped,
 * swapped letters, replaced letters, dropped letters, inserted letters. */
static const char *const VOWELS[] = {"a", "e", "i", "o", "u", "á", "é",
                                      "í", "ó", "ú", "â", "ê", "ô", "ã",
                                      "õ", NULL};

/* Call @fn with every candidate of stage @stage (0 accents, 1 a doubled
 * letter dropped, 2 swapped letters, 3 replaced letters, 4 dropped
 * letters, 5 inserted letters: vowels only when @cheap) of w, whose code
 * points start at at[0..k]. */
static void stage_candidates(int stage, const char *w, size_t n,
                             const size_t *at, size_t k, bool cheap,
                             void (*fn)(void *, tl_buf *), void *ud)
{
  tl_buf b;

  tl_buf_init(&b);
  if (stage == 1) { /* a doubled letter dropped */
    for (size_t i = 0; i + 1 < k; i++) {
      if (at[i + 1] - at[i] != at[i + 2] - at[i + 1] ||
          memcmp(w + at[i], w + at[i + 1], at[i + 1] - at[i]) != 0)
        continue;
      tl_buf_clear(&b);
      tl_buf_add(&b, w, at[i]);
      tl_buf_add(&b, w + at[i + 1], n - at[i + 1]);
      fn(ud, &b);
    }
  } else if (stage == 0 || stage == 3) { /* replace: accents, the rest */
    for (size_t i = 0; i < k; i++) {
      size_t adv;
      int32_t orig = tl_utf8_decode(w + at[i], at[i + 1] - at[i], &adv);
      for (size_t a = 0; ALPHABET[a] != NULL; a++) {
        size_t adv2;
        int32_t cp = tl_utf8_decode(ALPHABET[a], strlen(ALPHABET[a]), &adv2);
        if (cp == orig || tl_cp_same_base(orig, cp) != (stage == 0))
          continue;
        tl_buf_clear(&b);
        tl_buf_add(&b, w, at[i]);
        tl_buf_adds(&b, ALPHABET[a]);
        tl_buf_add(&b, w + at[i + 1], n - at[i + 1]);
        fn(ud, &b);
      }
    }
  } else if (stage == 2) { /* swap */
    for (size_t i = 0; i + 1 < k; i++) {
      tl_buf_clear(&b);
      tl_buf_add(&b, w, at[i]);
      tl_buf_add(&b, w + at[i + 1], at[i + 2] - at[i + 1]);
      tl_buf_add(&b, w + at[i], at[i + 1] - at[i]);
      tl_buf_add(&b, w + at[i + 2], n - at[i + 2]);
      fn(ud, &b);
    }
  } else if (stage == 4) { /* delete */
    for (size_t i = 0; i < k; i++) {
      tl_buf_clear(&b);
      tl_buf_add(&b, w, at[i]);
      tl_buf_add(&b, w + at[i + 1], n - at[i + 1]);
      fn(ud, &b);
    }
  } else { /* insert (a typo check: vowels only) */
    const char *const *alpha = cheap ? VOWELS : ALPHABET;
    for (size_t i = 0; i <= k; i++)
      for (size_t a = 0; alpha[a] != NULL; a++) {
        tl_buf_clear(&b);
        tl_buf_add(&b, w, at[i]);
        tl_buf_adds(&b, alpha[a]);
        tl_buf_add(&b, w + at[i], n - at[i]);
        fn(ud, &b);
      }
  }
  tl_buf_fini(&b);
}

typedef struct try_ctx {
  tl_spell *s;
  cands *c;
  const char *orig;
} try_ctx;

static void try_one(void *ud, tl_buf *b)
{
  try_ctx *t = ud;
  try_cand(t->s, t->c, t->orig, b);
}

static void fast_suggest(tl_spell *s, const char *w, size_t n, cands *c)
{
  size_t at[65];
  size_t k = cps(w, n, at);
  try_ctx t = {s, c, w};

  /* Stages, most likely first; the first stage that finds a word ends the
   * search, so that "erroo" gives "erro" and not every word one edit
   * away. */
  for (int stage = 0; stage < 6 && c->n == 0; stage++)
    stage_candidates(stage, w, n, at, k, false, try_one, &t);
}

/* The candidates of the cheap search, each once: NUL-terminated strings
 * one after the other in @all. */
typedef struct cand_set {
  tl_buf all;
  tl_map seen;
  const char *orig;
  size_t count;
} cand_set;

static void collect_one(void *ud, tl_buf *b)
{
  cand_set *cs = ud;
  bool created;

  if (strcmp(tl_buf_cstr(b), cs->orig) == 0)
    return;
  tl_map_put(&cs->seen, b->p, b->len, 0, &created);
  if (created) {
    tl_buf_add(&cs->all, b->p, b->len + 1);
    cs->count++;
  }
}

/* Whether a word one cheap edit from @w (accents, a doubled letter, swapped
 * or dropped letters, a missing vowel; lower-case) is known, and which
 * (NUL-terminated in @found). The answer of the staged search, found
 * sooner: every candidate is asked first of what is known without Hunspell
 * (word lists, verdicts of words seen, candidates asked before), then of
 * Hunspell. (A verdict of a word with a hyphen may come from its parts, so
 * those are not taken from the verdicts.) */
static tl_status near_search(tl_spell *s, const char *w, size_t n,
                             tl_buf *found)
{
  size_t at[65];
  size_t k = cps(w, n, at);
  cand_set cs;
  tl_status st = TL_OK;
  bool hit = false;
  char *todo;

  tl_buf_init(&cs.all);
  tl_map_init(&cs.seen);
  cs.orig = w;
  cs.count = 0;
  for (int stage = 0; stage < 6; stage++)
    if (stage != 3)
      stage_candidates(stage, w, n, at, k, true, collect_one, &cs);
  todo = tl_xcalloc(cs.count + 1, 1);
  for (size_t i = 0, off = 0; i < cs.count && !hit; i++) {
    const char *cand = cs.all.p + off;
    size_t len = strlen(cand);
    tl_map_slot *v;
    off += len + 1;
    if (word_listed(s, cand, len))
      hit = true;
    else if ((v = tl_map_find(&s->probes, cand, len)) != NULL ||
             (memchr(cand, '-', len) == NULL &&
              (v = tl_map_find(&s->verdicts, cand, len)) != NULL))
      hit = v->value == V_KNOWN; /* known either way: no Hunspell */
    else
      todo[i] = 1;
    if (hit)
      tl_buf_add(found, cand, len + 1);
  }
  for (size_t i = 0, off = 0; i < cs.count && !hit; i++) {
    const char *cand = cs.all.p + off;
    size_t len = strlen(cand);
    off += len + 1;
    if (!todo[i])
      continue;
    if ((st = load(s, NULL)) != TL_OK)
      break;
    hit = Hunspell_spell(s->h, cand) != 0;
    tl_map_put(&s->probes, cand, len, hit ? V_KNOWN : V_UNKNOWN, NULL);
    if (hit)
      tl_buf_add(found, cand, len + 1);
  }
  free(todo);
  tl_buf_fini(&cs.all);
  tl_map_fini(&cs.seen);
  return st;
}

/* The stored list for @key (w, or w + "\1" for the fast search), or -1. */
static int backed_list_as(tl_spell *s, const char *w, size_t n, char suffix,
                          cands *c)
{
  char *block = NULL;
  int got;

  if (!s->has_backing || s->backing.get_sugg == NULL)
    return -1;
  tl_buf_clear(&s->tmp);
  tl_buf_add(&s->tmp, w, n);
  if (suffix)
    tl_buf_addc(&s->tmp, suffix);
  got = s->backing.get_sugg(s->backing.ud, s->backing.dict, s->tmp.p,
                            s->tmp.len, &block);
  if (got >= 0) {
    const char *p = block;
    for (int i = 0; i < got && (int)c->n < c->max; i++) {
      TL_GROW(c->v, c->cap, c->n + 1);
      c->v[c->n++] = tl_xstrdup(p);
      p += strlen(p) + 1;
    }
  }
  free(block);
  return got;
}

static int backed_list(tl_spell *s, const char *w, size_t n, bool fast,
                       cands *c)
{
  return backed_list_as(s, w, n, fast ? '\1' : '\0', c);
}

static void back_list_as(tl_spell *s, const char *w, size_t n, char suffix,
                         const cands *c)
{
  if (!s->has_backing || s->backing.save_sugg == NULL)
    return;
  tl_buf_clear(&s->tmp);
  tl_buf_add(&s->tmp, w, n);
  if (suffix)
    tl_buf_addc(&s->tmp, suffix);
  s->backing.save_sugg(s->backing.ud, s->backing.dict, s->tmp.p, s->tmp.len,
                       (const char *const *)c->v, c->n);
}

static void back_list(tl_spell *s, const char *w, size_t n, bool fast,
                      const cands *c)
{
  back_list_as(s, w, n, fast ? '\1' : '\0', c);
}

/* Keep @c as the cached list @idx of word w (fast or slow search). */
static const char *const *keep(tl_spell *s, const char *w, size_t n,
                               bool fast, cands *c, size_t *count)
{
  sugg *sg;
  bool created;
  tl_buf key;
  tl_map_slot *slot;

  tl_buf_init(&key);
  tl_buf_add(&key, w, n);
  if (fast)
    tl_buf_addc(&key, '\1');
  TL_GROW(s->suggs, s->capsuggs, s->nsuggs + 1);
  sg = &s->suggs[s->nsuggs];
  sg->v = tl_xcalloc(c->n + 1, sizeof *sg->v);
  sg->n = c->n;
  for (size_t i = 0; i < c->n; i++) {
    sg->v[i] = tl_arena_strndup(&s->strs, c->v[i], strlen(c->v[i]));
    free(c->v[i]);
  }
  free(c->v);
  c->v = NULL;
  c->n = c->cap = 0;
  slot = tl_map_put(&s->suggidx, key.p, key.len, (uint32_t)s->nsuggs,
                    &created);
  tl_buf_fini(&key);
  s->nsuggs++;
  *count = sg->n;
  (void)slot;
  return sg->v;
}

/* The cached list for w (fast or slow), or NULL. */
static const sugg *cached(tl_spell *s, const char *w, size_t n, bool fast)
{
  tl_map_slot *slot;
  tl_buf key;

  tl_buf_init(&key);
  tl_buf_add(&key, w, n);
  if (fast)
    tl_buf_addc(&key, '\1');
  slot = tl_map_find(&s->suggidx, key.p, key.len);
  tl_buf_fini(&key);
  return slot != NULL ? &s->suggs[slot->value] : NULL;
}

/* Re-case lower-case candidates for a capitalised word: first letter up. */
static void recase(cands *c)
{
  tl_buf low;

  tl_buf_init(&low);
  for (size_t i = 0; i < c->n; i++) {
    size_t adv, len = strlen(c->v[i]);
    int32_t cp = tl_utf8_decode(c->v[i], len, &adv);
    tl_buf_clear(&low);
    tl_utf8_encode(tl_cp_upper(cp), &low);
    tl_buf_add(&low, c->v[i] + adv, len - adv);
    free(c->v[i]);
    c->v[i] = tl_xstrdup(tl_buf_cstr(&low));
  }
  tl_buf_fini(&low);
}

/* The one-edit search, re-cased for capitalised words. */
static void fast_search(tl_spell *s, const char *w, size_t n, cands *c)
{
  tl_buf low;

  if (n >= 64)
    return;
  if (!tl_utf8_has_upper(w, n)) {
    fast_suggest(s, w, n, c);
    return;
  }
  tl_buf_init(&low);
  tl_utf8_lower(w, n, &low);
  fast_suggest(s, low.p, low.len, c);
  tl_buf_fini(&low);
  recase(c);
}

static bool tl_spell_near_word_unlocked(tl_spell *s, const char *w, size_t n)
{
  const sugg *sg = cached(s, w, n, true);
  cands c = {NULL, 0, 0, 1};
  bool near;
  tl_buf key;
  tl_map_slot *slot;

  if (sg != NULL) /* a full list is known already */
    return sg->n > 0;
  tl_buf_init(&key);
  tl_buf_add(&key, w, n);
  tl_buf_addc(&key, '\2');
  slot = tl_map_find(&s->suggidx, key.p, key.len);
  if (slot != NULL) {
    tl_buf_fini(&key);
    return slot->value != 0;
  }
  if (backed_list_as(s, w, n, '\2', &c) < 0) {
    /* not stored: a cheap one-edit search (one match is enough); words of
     * 64 bytes or more are not searched */
    tl_buf low, found;
    tl_status st = TL_OK;
    tl_buf_init(&low);
    tl_buf_init(&found);
    if (n < 64) {
      tl_utf8_lower(w, n, &low);
      st = near_search(s, low.p, low.len, &found);
    }
    if (found.len > 0) {
      TL_GROW(c.v, c.cap, 1);
      c.v[c.n++] = tl_xstrdup(found.p);
      if (tl_utf8_has_upper(w, n))
        recase(&c);
    }
    tl_buf_fini(&low);
    tl_buf_fini(&found);
    if (st != TL_OK) {
      tl_buf_fini(&key);
      for (size_t i = 0; i < c.n; i++)
        free(c.v[i]);
      free(c.v);
      return false;
    }
    back_list_as(s, w, n, '\2', &c);
  }
  near = c.n > 0;
  for (size_t i = 0; i < c.n; i++)
    free(c.v[i]);
  free(c.v);
  tl_map_put(&s->suggidx, key.p, key.len, near ? 1 : 0, NULL);
  tl_buf_fini(&key);
  return near;
}

static size_t tl_spell_suggest_unlocked(tl_spell *s, const char *w, size_t n, int max,
                        bool allow_slow, bool *used_slow,
                        const char *const **out)
{
  const sugg *sg;
  cands c = {NULL, 0, 0, max};
  size_t count;

  *out = NULL;
  if (used_slow != NULL)
    *used_slow = false;
  if (max <= 0)
    return 0;
  /* the fast search: words one edit away (a few ms, deterministic) */
  sg = cached(s, w, n, true);
  if (sg == NULL) {
    if (backed_list(s, w, n, true, &c) < 0) {
      if (load(s, NULL) != TL_OK)
        return 0;
      fast_search(s, w, n, &c);
      back_list(s, w, n, true, &c);
    }
    *out = keep(s, w, n, true, &c, &count);
    sg = cached(s, w, n, true);
  }
  if (sg->n > 0 || !allow_slow) {
    *out = sg->v;
    return sg->n;
  }
  /* nothing one edit away: Hunspell's own search (about 0.1 s a word) */
  if (used_slow != NULL)
    *used_slow = true;
  sg = cached(s, w, n, false);
  if (sg != NULL) {
    *out = sg->v;
    return sg->n;
  }
  if (backed_list(s, w, n, false, &c) < 0) {
    char **list = NULL;
    char *z;
    int got;
    if (load(s, NULL) != TL_OK)
      return 0;
    z = tl_xstrndup(w, n);
    got = Hunspell_suggest(s->h, &list, z);
    for (int i = 0; i < got && (int)c.n < max; i++) {
      if (strchr(list[i], ' ') != NULL) /* "fundi ng": never useful */
        continue;
      TL_GROW(c.v, c.cap, c.n + 1);
      c.v[c.n++] = tl_xstrdup(list[i]);
    }
    if (list != NULL)
      Hunspell_free_list(s->h, &list, got);
    free(z);
    back_list(s, w, n, false, &c);
  }
  *out = keep(s, w, n, false, &c, &count);
  return count;
}

int tl_spell_check(tl_spell *s, const char *w, size_t n, tl_error *err)
{
  front *f = NULL;
  int r;

  if (atomic_load_explicit(&s->shared, memory_order_relaxed)) {
    tl_map_slot *slot;
    f = front_of(s);
    if ((slot = tl_map_find(&f->verdicts, w, n)) != NULL)
      return slot->value == V_KNOWN;
  }
  pthread_mutex_lock(&s->lock);
  note_user(s);
  r = tl_spell_check_unlocked(s, w, n, err);
  pthread_mutex_unlock(&s->lock);
  if (f != NULL && r >= 0)
    tl_map_put(&f->verdicts, w, n, r ? V_KNOWN : V_UNKNOWN, NULL);
  return r;
}

bool tl_spell_near_word(tl_spell *s, const char *w, size_t n)
{
  bool r;

  /* not kept in a thread's front: the answer comes from the suggestion
   * list once one is made (tl_spell_suggest), so it may change */
  pthread_mutex_lock(&s->lock);
  r = tl_spell_near_word_unlocked(s, w, n);
  pthread_mutex_unlock(&s->lock);
  return r;
}

size_t tl_spell_suggest(tl_spell *s, const char *w, size_t n, int max,
                        bool allow_slow, bool *used_slow,
                        const char *const **out)
{
  size_t r;

  pthread_mutex_lock(&s->lock);
  r = tl_spell_suggest_unlocked(s, w, n, max, allow_slow, used_slow, out);
  pthread_mutex_unlock(&s->lock);
  return r;
}

void tl_spell_add_word(tl_spell *s, const char *w, size_t n)
{
  pthread_mutex_lock(&s->lock);
  tl_spell_add_word_unlocked(s, w, n);
  pthread_mutex_unlock(&s->lock);
}
