#include "lint.h"
#include "msg.h"

#include "corpus.h"
#include "house.h"
#include "input.h"
#include "proper.h"
#include "prose.h"
#include "renderings.h"
#include "rules.h"
#include "suppress.h"
#include "vcache.h"
#include "walk.h"
#include "wordtr.h"
#include "markup.h"
#include "ptpt.h"
#include "calque.h"
#include "gloss_cache.h"
#include "xliff.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void tl_options_init(tl_options *opt)
{
  memset(opt, 0, sizeof *opt);
  opt->max_suggestions = 200;
  opt->suggestions_per_word = 3;
  opt->source_pairs = true;
  opt->accept_names = TL_HOUSE_NAMES_DEFAULT;
  opt->accept_words = TL_HOUSE_WORDS_DEFAULT;
}


/* Load every *.txt word list of @dir, in name order. */
static tl_status load_words_dir(tl_spell *s, const char *dir, tl_error *err)
{
  size_t n;
  char **names = tl_dir_files(dir, ".txt", &n);
  tl_status st = TL_OK;

  if (names == NULL)
    return tl_error_set(err, TL_EDICT,
                        _("%s: pasta de listas de palavras não encontrada; "
                        "indique-a com --words-dir"),
                        dir);
  for (size_t i = 0; i < n; i++) {
    if (st == TL_OK)
      st = tl_spell_load_wordlist(s, names[i], err);
    free(names[i]);
  }
  free(names);
  return st;
}

static bool parse_level(const char *s, int *level)
{
  tl_severity sev;

  if (strcmp(s, "off") == 0) {
    *level = -1;
    return true;
  }
  if (!tl_severity_parse(s, &sev) || sev == TL_NEVER)
    return false;
  *level = (int)sev;
  return true;
}

bool tl_rule_level_is_valid(const char *setting)
{
  const char *eq = strchr(setting, '=');
  char name[128];
  int level;

  if (eq == NULL || (size_t)(eq - setting) >= sizeof name)
    return false;
  memcpy(name, setting, (size_t)(eq - setting));
  name[eq - setting] = '\0';
  return (tl_rule_find(name) != NULL || tl_category_is(name)) &&
         parse_level(eq + 1, &level);
}

/* The level the settings give finding @f: -1 off, else a severity. The
 * last setting that names its rule or its category wins (the command line
 * comes after the configuration file). */
static int level_of(const tl_linter *l, const tl_finding *f)
{
  int level = (int)f->severity;

  for (size_t i = 0; i < l->nlevels; i++) {
    const char *s = l->levels[i], *eq = strchr(s, '=');
    size_t n = (size_t)(eq - s);
    int lv;
    if (!parse_level(eq + 1, &lv))
      continue;
    if ((strlen(f->rule) == n && memcmp(f->rule, s, n) == 0) ||
        (strlen(f->category) == n && memcmp(f->category, s, n) == 0))
      level = lv;
  }
  return level;
}

static void apply_levels(const tl_linter *l, tl_result *r)
{
  size_t out = 0;

  if (l->nlevels == 0)
    return;
  for (size_t i = 0; i < r->n; i++) {
    int level = level_of(l, &r->f[i]);
    if (level < 0)
      continue;
    r->f[i].severity = (tl_severity)level;
    r->f[out++] = r->f[i];
  }
  r->n = out;
}

/* Rules in order of precedence when two findings cover the same text: the
 * more specific and actionable wins ("one problem, one finding"); a term
 * the source shows rendered two ways (with the source term as related
 * location) before the same mix seen in the translation alone. */
static const char *const PRECEDENCE[] = {
    "untranslated.document", "untranslated.passage", "terminology.forbidden",
    "terminology.calque",    "terminology.variant",  "terminology.nearmiss",
    "terminology.identifier",
    "spelling.hyphen",       "spelling.accent",      "spelling.case",        "spelling.european",
    "spelling.space",
    "agreement.gender",      "agreement.article",    "source.consistency",   "consistency.document",
    "consistency.english",   "consistency.acronym",  "consistency.derived",
    "consistency.learned",   "consistency.corpus",
    "repetition.word",       "repetition.coordination", "spelling.unknown",
    "number.currency",       "number.decimal",       "number.thousands",
    "untranslated.word",     "spelling.foreign",     "spelling.name",
    NULL};

static int precedence(const char *rule)
{
  int i = 0;

  for (; PRECEDENCE[i] != NULL; i++)
    if (strcmp(PRECEDENCE[i], rule) == 0)
      return i;
  return i;
}

/* No text gets two findings from two rules: where spans overlap, the
 * finding of the rule that comes first in PRECEDENCE stays (on a tie, the
 * first). Findings are sorted by position. */
static void one_finding_per_span(tl_result *r)
{
  size_t out = 0;
  bool *drop;

  if (r->n < 2)
    return;
  drop = tl_xcalloc(r->n, sizeof *drop);
  for (size_t i = 0; i < r->n; i++) {
    size_t end = r->f[i].offset + r->f[i].length;
    if (drop[i])
      continue;
    for (size_t j = i + 1; j < r->n && r->f[j].offset < end; j++) {
      const tl_finding *a = &r->f[i], *b = &r->f[j];
      if (drop[j] || strcmp(a->rule, b->rule) == 0 ||
          strcmp(a->category, "suppression") == 0 ||
          strcmp(b->category, "suppression") == 0)
        continue;
      if (precedence(b->rule) < precedence(a->rule)) {
        drop[i] = true;
        break;
      }
      drop[j] = true;
    }
  }
  for (size_t i = 0; i < r->n; i++)
    if (!drop[i])
      r->f[out++] = r->f[i];
  r->n = out;
  free(drop);
}

tl_status tl_glossary_check(const char *const *paths,
                            tl_glossary_stats *stats, tl_error *err)
{
  tl_gloss *g = tl_gloss_new();
  tl_status st = TL_OK;

  for (size_t i = 0; st == TL_OK && paths[i] != NULL; i++)
    st = tl_gloss_load(g, paths[i], err);
  if (st == TL_OK && stats != NULL) {
    stats->files = g->nfiles;
    stats->concepts = g->nc;
    stats->preferred = g->counts[TL_FORM_PREFERRED];
    stats->abbrev = g->counts[TL_FORM_ABBREV];
    stats->admitted = g->counts[TL_FORM_ADMITTED];
    stats->forbidden = g->counts[TL_FORM_FORBIDDEN];
  }
  tl_gloss_free(g);
  return st;
}

tl_status tl_linter_new(tl_linter **out, const tl_options *opt,
                        tl_error *err)
{
  return tl_linter_new_cached(out, opt, NULL, err);
}

tl_status tl_linter_new_cached(tl_linter **out, const tl_options *opt,
                               const char *cache_dir, tl_error *err)
{
  tl_linter *l = tl_xcalloc(1, sizeof *l);
  const char *hd;
  tl_status st;

  *out = NULL;
  if (opt != NULL)
    l->opt = *opt;
  else
    tl_options_init(&l->opt);
  hd = l->opt.hunspell_dir;
  if (hd == NULL)
    hd = getenv("TRADLINT_HUNSPELL_DIR");
  if (hd == NULL || hd[0] == '\0')
    hd = "/usr/share/hunspell";
  l->hunspell_dir = tl_xstrdup(hd);
  tl_wordtab_init(&l->wordclass);
  tl_map_init(&l->verdicts);
  tl_matches_init(&l->matches);
  l->calque_filter = tl_xmalloc(sizeof *l->calque_filter);
  tl_calque_filter_init(l->calque_filter);
  tl_spell_words_init(&l->gloss_words);
  l->words_dir = l->opt.words_dir ? tl_xstrdup(l->opt.words_dir)
                                 : tl_data_path("dictionaries");
  l->opt.hunspell_dir = l->hunspell_dir;
  l->opt.words_dir = l->words_dir;
  l->opt.extra_words = NULL; /* not kept: read now */
  l->opt.glossary = NULL;
  l->opt.rule_levels = NULL;
  for (size_t i = 0; opt != NULL && opt->rule_levels != NULL &&
                     opt->rule_levels[i] != NULL;
       i++) {
    if (!tl_rule_level_is_valid(opt->rule_levels[i])) {
      tl_status bad = tl_error_set(err, TL_EUSAGE,
                                   _("regra inválida '%s': use REGRA=NÍVEL, "
                                     "com uma regra ou categoria conhecida "
                                     "e off, error, warning ou info"),
                                   opt->rule_levels[i]);
      tl_linter_free(l);
      return bad;
    }
    l->levels = tl_xrealloc(l->levels, (l->nlevels + 1) * sizeof *l->levels);
    l->levels[l->nlevels++] = tl_xstrdup(opt->rule_levels[i]);
  }
  l->sugg_budget = l->opt.max_suggestions;
  l->slow_budget = 0;
  st = tl_spell_new(&l->spell, l->hunspell_dir, "pt_BR", err);
  if (st == TL_OK && tl_spell_new(&l->spell_en, l->hunspell_dir, "en_US",
                                  NULL) != TL_OK)
    l->spell_en = NULL; /* optional: English terms are then unknown words */
  if (st == TL_OK && l->words_dir[0] != '\0')
    st = load_words_dir(l->spell, l->words_dir, err);
  l->proper = tl_proper_new(l->hunspell_dir, "en_US");
  l->renderings = tl_xcalloc(1, sizeof *l->renderings);
  tl_renderings_init(l->renderings);
  if (st == TL_OK && l->words_dir[0] != '\0') {
    tl_buf p;
    struct stat sb;
    tl_buf_init(&p);
    tl_buf_printf(&p, "%s/renderings.tsv", l->words_dir);
    if (stat(tl_buf_cstr(&p), &sb) == 0)
      st = tl_renderings_load(l->renderings, p.p, err);
    tl_buf_fini(&p);
  }
  if (st == TL_OK && l->words_dir[0] != '\0') {
    /* the pt-PT list lives with the word lists; a folder without it (a
     * project's own word lists) checks without it */
    tl_buf p;
    struct stat sb;
    tl_buf_init(&p);
    tl_buf_printf(&p, "%s/pt-PT.tsv", l->words_dir);
    if (stat(tl_buf_cstr(&p), &sb) == 0)
      st = tl_ptpt_open_cached(&l->ptpt, tl_buf_cstr(&p), cache_dir, err);
    tl_buf_fini(&p);
  }
  for (size_t i = 0; st == TL_OK && opt != NULL && opt->extra_words != NULL &&
                     opt->extra_words[i] != NULL;
       i++)
    st = tl_spell_load_wordlist(l->spell, opt->extra_words[i], err);
  if (st == TL_OK && opt != NULL && opt->glossary != NULL &&
      opt->glossary[0] != NULL) {
    /* parsed and derived, or read whole from the cache (gloss_cache.h) */
    st = tl_gloss_cache_load(cache_dir, opt->glossary, &l->gloss,
                             &l->calques, &l->gloss_words, err);
    if (st == TL_OK && l->gloss->nc == 0) /* never a silent skip */
      st = tl_error_set(err, TL_EGLOSS,
                        _("%s: glossário vazio (nenhum conceito); sem "
                        "glossário, use --no-glossary"),
                        opt->glossary[0]);
    if (st == TL_OK) /* glossary renderings are words, not misspellings */
      tl_spell_accept(l->spell, &l->gloss_words);
  }
  if (st == TL_OK)
    l->words_hash = tl_spell_words_hash(l->spell);
  if (st != TL_OK) {
    tl_linter_free(l);
    return st;
  }
  *out = l;
  return TL_OK;
}

/* Whether every verdict a run needs may be stored already (a corpus
 * memory, a verdict cache with entries): then Hunspell may never load. */
static bool verdicts_may_be_stored(tl_linter *l)
{
  return l->corpus != NULL ||
         (l->cache_pt != NULL && tl_vcache_path(l->cache_pt) != NULL &&
          tl_vcache_count(l->cache_pt) > 0);
}

/* The identity of a speller's cached verdicts: the version (verdicts may
 * be computed otherwise by another), the dictionary files, the words added. */
static char *cache_identity(const tl_spell *sp, const char *lang,
                            uint64_t words)
{
  tl_buf b;
  char *id;

  tl_buf_init(&b);
  tl_buf_printf(&b, "tradlint %s;%s;words %016llx;", TL_VERSION, lang,
                (unsigned long long)words);
  tl_spell_stat_identity(sp, &b);
  id = tl_xstrdup(tl_buf_cstr(&b));
  tl_buf_fini(&b);
  return id;
}

static void join_warning(char **all, char *w)
{
  if (w == NULL)
    return;
  if (*all == NULL) {
    *all = w;
    return;
  }
  {
    size_t a = strlen(*all), n = strlen(w);
    *all = tl_xrealloc(*all, a + n + 3);
    memcpy(*all + a, "; ", 2);
    memcpy(*all + a + 2, w, n + 1);
    free(w);
  }
}

void tl_linter_preload(tl_linter *l)
{
  if (l->sibling && !l->own_spellers)
    return; /* the parent's spellers: its business */
  if (l->stored || verdicts_may_be_stored(l))
    return; /* Hunspell may never be needed */
  tl_spell_load_async(l->spell);
  if (l->spell_en != NULL)
    tl_spell_load_async(l->spell_en);
  l->preloading = true;
}

/* Back speller @sp with the cache of its identity in @dir (or in memory
 * when @dir is NULL), replacing *@c; a message joins *@warning. */
static void back_with_cache(tl_spell *sp, const char *lang, uint64_t words,
                            const char *dir, struct tl_vcache **c,
                            char **warning)
{
  char *id = dir != NULL ? cache_identity(sp, lang, words) : tl_xstrdup(lang);
  char *w;
  tl_spell_backing b;

  tl_vcache_free(*c);
  *c = tl_vcache_open(dir, id, &w);
  free(id);
  join_warning(warning, w);
  tl_vcache_backing(*c, &b);
  tl_spell_set_backing(sp, &b);
}

/* A store in memory for the verdicts of @l's spellers and its siblings'. */
static void share_in_memory(tl_linter *l)
{
  char *warning = NULL;

  back_with_cache(l->spell, "pt_BR", 0, NULL, &l->cache_pt, &warning);
  if (l->spell_en != NULL)
    back_with_cache(l->spell_en, "en_US", 0, NULL, &l->cache_en, &warning);
  free(warning);
}

/* A linter for another thread: @own, with spellers of its own. */
static tl_linter *sibling(tl_linter *l, bool own)
{
  tl_linter *s = tl_xcalloc(1, sizeof *s);

  s->opt = l->opt;
  s->sibling = true;
  s->hunspell_dir = tl_xstrdup(l->hunspell_dir);
  s->words_dir = tl_xstrdup(l->words_dir);
  s->opt.hunspell_dir = s->hunspell_dir;
  s->opt.words_dir = s->words_dir;
  if (own) {
    /* spellers of its own (no lock shared with the other threads, Hunspell
     * loaded in parallel), backed by the parent's store, so that a word's
     * verdict is computed once for all of them: the corpus memory, the
     * verdict cache, else a store in memory set up now */
    if (!tl_spell_has_backing(l->spell))
      share_in_memory(l);
    s->stored = verdicts_may_be_stored(l);
    s->spell = tl_spell_new_like(l->spell);
    s->spell_en =
        l->spell_en != NULL ? tl_spell_new_like(l->spell_en) : NULL;
    s->own_spellers = true;
  } else {
    s->spell = l->spell;
    s->spell_en = l->spell_en;
  }
  s->gloss = l->gloss;
  s->proper = l->proper;
  s->renderings = l->renderings;
  s->ptpt = l->ptpt;
  s->calques = l->calques;
  s->words_hash = l->words_hash;
  s->defer = l->defer;
  s->drop_unjudged = l->drop_unjudged;
  tl_wordtab_init(&s->wordclass);
  tl_map_init(&s->verdicts);
  s->calque_filter = tl_xmalloc(sizeof *s->calque_filter);
  tl_calque_filter_init(s->calque_filter);
  tl_matches_init(&s->matches);
  for (size_t i = 0; i < l->nlevels; i++) {
    s->levels = tl_xrealloc(s->levels, (s->nlevels + 1) * sizeof *s->levels);
    s->levels[s->nlevels++] = tl_xstrdup(l->levels[i]);
  }
  /* the corpus: the same database, the same root, the same identities,
   * the same house usage */
  s->corpus = l->corpus;
  s->house = l->house;
  s->house_st = l->house_st;
  s->house_err = l->house_err;
  if (l->root != NULL)
    s->root = tl_xstrdup(l->root);
  if (l->dict_pt != NULL)
    s->dict_pt = tl_xstrdup(l->dict_pt);
  if (l->dict_en != NULL)
    s->dict_en = tl_xstrdup(l->dict_en);
  return s;
}

tl_status tl_linter_new_sibling(tl_linter **out, tl_linter *l,
                                tl_error *err)
{
  (void)err;
  *out = sibling(l, false);
  return TL_OK;
}

tl_status tl_linter_new_worker(tl_linter **out, tl_linter *l, tl_error *err)
{
  (void)err;
  *out = sibling(l, true);
  return TL_OK;
}

void tl_linter_free(tl_linter *l)
{
  if (l == NULL)
    return;
  if (!l->sibling || l->own_spellers) {
    tl_spell_free(l->spell);
    tl_spell_free(l->spell_en);
  }
  if (!l->sibling) {
    tl_house_fini(l->house);
    free(l->house);
    tl_gloss_free(l->gloss);
    tl_vcache_free(l->cache_pt);
    tl_vcache_free(l->cache_en);
    tl_proper_free(l->proper);
    if (l->renderings != NULL)
      tl_renderings_fini(l->renderings);
    free(l->renderings);
    tl_ptpt_free(l->ptpt);
    if (l->calques != NULL)
      tl_calques_fini(l->calques);
    free(l->calques);
    tl_spell_words_fini(&l->gloss_words); /* after the spellers that borrow it */
  }
  tl_wordtab_fini(&l->wordclass);
  tl_map_fini(&l->verdicts);
  tl_matches_fini(&l->matches);
  if (l->wordtr != NULL)
    tl_wordtr_fini(l->wordtr);
  free(l->wordtr);
  if (l->calque_filter != NULL)
    tl_calque_filter_fini(l->calque_filter);
  free(l->calque_filter);
  for (size_t i = 0; i < l->nlevels; i++)
    free(l->levels[i]);
  free(l->levels);
  free(l->root);
  free(l->dict_pt);
  free(l->dict_en);
  free(l->hunspell_dir);
  free(l->words_dir);
  free(l);
}

char *tl_linter_set_cache(tl_linter *l, const char *dir)
{
  char *warning = NULL;

  if (l->sibling)
    return NULL; /* the spellers are the parent's */
  back_with_cache(l->spell, "pt_BR", l->words_hash, dir, &l->cache_pt,
                  &warning);
  if (l->spell_en != NULL)
    back_with_cache(l->spell_en, "en_US", 0, dir, &l->cache_en, &warning);
  return warning;
}

tl_status tl_linter_save_cache(tl_linter *l, tl_error *err)
{
  tl_status st = TL_OK;

  if (l->cache_pt != NULL)
    st = tl_vcache_save(l->cache_pt, err);
  if (st == TL_OK && l->cache_en != NULL)
    st = tl_vcache_save(l->cache_en, err);
  return st;
}

char *tl_cache_dir(void)
{
  const char *x = getenv("XDG_CACHE_HOME"), *h = getenv("HOME");
  tl_buf b;
  char *dir;

  tl_buf_init(&b);
  if (x != NULL && x[0] == '/')
    tl_buf_printf(&b, "%s/tradlint", x);
  else if (h != NULL && h[0] == '/')
    tl_buf_printf(&b, "%s/.cache/tradlint", h);
  else
    return NULL;
  dir = tl_xstrdup(tl_buf_cstr(&b));
  tl_buf_fini(&b);
  return dir;
}

/* Linters given up at exit: reachable, so that no leak is reported. */
static tl_linter *abandoned[260]; /* a linter a thread (-j 256) and more */
static pthread_mutex_t abandoned_lock = PTHREAD_MUTEX_INITIALIZER;

void tl_linter_abandon(tl_linter *l)
{
  bool kept = false;

  if (l == NULL)
    return;
  pthread_mutex_lock(&abandoned_lock);
  for (size_t i = 0; i < sizeof abandoned / sizeof abandoned[0] && !kept; i++)
    if (abandoned[i] == NULL) {
      abandoned[i] = l;
      kept = true;
    }
  pthread_mutex_unlock(&abandoned_lock);
  if (!kept) /* called more often than meant: free it after all */
    tl_linter_free(l);
}

bool tl_linter_has_hunspell(const tl_linter *l)
{
  return tl_spell_loaded(l->spell);
}

void tl_ctx_init(tl_ctx *c, tl_result *res, tl_spell *spell)
{
  memset(c, 0, sizeof *c);
  c->doc = res->data;
  c->len = res->len;
  c->res = res;
  c->spell = spell;
  tl_buf_init(&c->key);
  tl_buf_init(&c->tkeys);
  tl_map_init(&c->docnames);
  tl_map_init(&c->codenames);
  tl_map_init(&c->sugg_seen);
  tl_map_init(&c->derived);
  tl_map_init(&c->name_numbers);
  tl_map_init(&c->model_names);
  tl_map_init(&c->article_names);
  tl_map_init(&c->doc_words);
}

void tl_ctx_new_block(tl_ctx *c)
{
  c->nwi = 0; /* tl_prose_block gives the block's tokens their entries */
  c->wi_toks = NULL;
  c->tkeys_ok = false;
  c->tkeys_from = NULL;
}

const size_t *tl_ctx_token_keys(tl_ctx *c, const tl_tokens *t,
                                const char **keys)
{
  if (!c->tkeys_ok) {
    TL_GROW(c->tkoffs, c->captkoffs, t->n + 1);
    if (c->tkeys_from != NULL)
      tl_gloss_token_keys_matched(c->tkeys_from, c->doc, t, &c->tkeys,
                                  c->tkoffs);
    else
      tl_gloss_token_keys(c->doc, t, &c->tkeys, c->tkoffs);
    tl_buf_cstr(&c->tkeys);
    c->tkeys_ok = true;
  }
  *keys = c->tkeys.p;
  return c->tkoffs;
}

_Static_assert(TL_WL_COUNT <= 16, "tl_wordinfo.lasked has 16 bits");

bool tl_ctx_in_list_ask(const tl_ctx *c, const tl_tokens *t, size_t k,
                        unsigned id, const char *const *list, bool lower)
{
  tl_wordinfo *w = tl_ctx_word(c, t, k);
  const tl_token *tok = &t->v[k];
  uint16_t bit = (uint16_t)(1u << id);
  bool in;

  if (w != NULL && (w->lasked & bit))
    return (w->lin & bit) != 0;
  in = lower ? tl_token_in_list(c->doc, tok, list)
             : tl_in_list(list, c->doc + tok->off, tok->len);
  if (w != NULL) {
    w->lasked |= bit;
    if (in)
      w->lin |= bit;
  }
  return in;
}

bool tl_ctx_known_as_written(tl_ctx *c, const tl_tokens *t, size_t k)
{
  const tl_token *tok = &t->v[k];
  tl_wordinfo *w = tl_ctx_word(c, t, k);

  if (w == NULL)
    return tl_spell_check(c->spell, c->doc + tok->off, tok->len, NULL) == 1;
  if (!(w->flags & TL_WI_KN_ASKED))
    w->flags |=
        TL_WI_KN_ASKED |
        (tl_spell_check(c->spell, c->doc + tok->off, tok->len, NULL) == 1
             ? TL_WI_KN_YES
             : 0);
  return (w->flags & TL_WI_KN_YES) != 0;
}

const struct tl_wordtr *tl_ctx_wordtr(tl_ctx *c)
{
  tl_wordtr **slot = c->wordtr_slot != NULL ? c->wordtr_slot : &c->own_wordtr;

  if (*slot != NULL && (*slot)->g != c->gloss) { /* another glossary's */
    tl_wordtr_fini(*slot);
    free(*slot);
    *slot = NULL;
  }
  if (*slot == NULL) {
    *slot = tl_xmalloc(sizeof **slot);
    tl_wordtr_init(*slot, c->gloss);
  }
  return *slot;
}

void tl_ctx_fini(tl_ctx *c)
{
  tl_learned_free(c->learned);
  if (c->own_wordtr != NULL)
    tl_wordtr_fini(c->own_wordtr);
  free(c->own_wordtr);
  tl_buf_fini(&c->key);
  tl_buf_fini(&c->tkeys);
  free(c->tkoffs);
  tl_map_fini(&c->docnames);
  tl_map_fini(&c->codenames);
  tl_map_fini(&c->sugg_seen);
  free(c->names);
  free(c->role);
  free(c->lang);
  free(c->wi);
  free(c->wkey);
  free(c->upending);
  free(c->pending);
  free(c->usage);
  free(c->aside);
  free(c->chits);
  tl_map_fini(&c->derived);
  tl_map_fini(&c->name_numbers);
  tl_map_fini(&c->model_names);
  tl_map_fini(&c->article_names);
  tl_map_fini(&c->doc_words);
  free(c->named);
  free(c->dhits);
  free(c->ehits);
  free(c->ahits);
  free(c->xusage);
  free(c->heads);
  free(c->intro);
  free(c->frames);
  free(c->code);
}

/* Blocks tokenized while Hunspell loads in the background, checked once it
 * is there (in document order, so the output is the same). */
typedef struct stashed {
  tl_unit u;
  size_t seg0, tok0, ntok; /* into the stash's arrays */
} stashed;

typedef struct stash {
  stashed *v;
  size_t n, cap;
  tl_seg *segs;
  size_t nsegs, capsegs;
  tl_token *toks;
  size_t ntoks, captoks;
} stash;

/* At most this many tokens wait (24 bytes each): beyond, blocks are checked
 * as they come, waiting for Hunspell if need be. */
#define STASH_MAX_TOKENS ((size_t)4 << 20)

typedef struct run {
  tl_ctx ctx;
  tl_tokens toks;
  tl_matches *matches; /* the linter's: its key cache lives on */
  bool collect;     /* variant candidates for the corpus memory */
  tl_map surfaces;
  tl_map words;     /* words for house usage: surface -> count */
  bool defer;       /* Hunspell is loading in the background: stash */
  stash st;
} run;

/* The block's glossary matches, each word's keys taken from its entry
 * (tl_wordinfo.gkey: the key cache is the linter's, as the entries are)
 * instead of looked up again. */
static void match_block(run *rn, const tl_tokens *t)
{
  tl_ctx *c = &rn->ctx;
  tl_wordinfo *w;

  if (c->wordclass == NULL || t->n == 0) {
    tl_gloss_match(c->gloss, c->spell, c->doc, t, rn->matches);
    return;
  }
  tl_prose_entries(c, t);
  TL_GROW(c->wkey, c->capwkey, t->n);
  for (size_t k = 0; k < t->n; k++)
    c->wkey[k] = (w = tl_ctx_word(c, t, k)) != NULL ? w->gkey : UINT32_MAX;
  tl_gloss_match_keyed(c->gloss, c->spell, c->doc, t, rn->matches, c->wkey);
  for (size_t k = 0; k < t->n; k++)
    if ((w = tl_ctx_word(c, t, k)) != NULL)
      w->gkey = c->wkey[k];
}

static void check_unit(run *rn, const tl_unit *u, const tl_tokens *t)
{
  tl_ctx_new_block(&rn->ctx);
  if (rn->ctx.gloss != NULL) {
    match_block(rn, t);
    rn->ctx.tkeys_from = rn->matches; /* its word keys serve the block's */
  }
  /* names, titles, mentions and glosses first: the checks read them */
  tl_prose_block(&rn->ctx, u, t, rn->ctx.gloss != NULL ? rn->matches : NULL);
  tl_check_spelling(&rn->ctx, u, t);
  tl_check_orthography(&rn->ctx, u, t);
  tl_check_punctuation(&rn->ctx, u, t);
  if (rn->ctx.gloss != NULL) {
    tl_check_terminology(&rn->ctx, t, rn->matches);
    tl_check_agreement(&rn->ctx, t, rn->matches);
    tl_check_consistency(&rn->ctx, u, t, rn->matches);
    tl_check_calque(&rn->ctx, u, t, rn->matches);
    tl_check_english(&rn->ctx, u, t, rn->matches);
    tl_check_nearmiss(&rn->ctx, t, rn->matches);
    tl_check_reordered(&rn->ctx, t, rn->matches);
  }
  tl_check_untranslated(&rn->ctx, u, t,
                        rn->ctx.gloss != NULL ? rn->matches : NULL);
  if (rn->collect) {
    tl_corpus_collect(&rn->ctx, t,
                      rn->ctx.gloss != NULL ? rn->matches : NULL,
                      &rn->surfaces);
    tl_corpus_collect_words(&rn->ctx, t, &rn->words);
    tl_structure_block(&rn->ctx, u, t,
                       rn->ctx.gloss != NULL ? rn->matches : NULL);
    tl_termintro_block(&rn->ctx, u, t,
                       rn->ctx.gloss != NULL ? rn->matches : NULL);
    tl_frame_block(&rn->ctx, t, rn->ctx.gloss != NULL ? rn->matches : NULL);
  }
  tl_check_article(&rn->ctx, u, t,
                   rn->ctx.gloss != NULL ? rn->matches : NULL);
  tl_check_repetition(&rn->ctx, t);
  tl_check_number(&rn->ctx, t);
  tl_check_european(&rn->ctx, t);
  tl_check_derived(&rn->ctx, t, rn->ctx.gloss != NULL ? rn->matches : NULL);
}

static void stash_unit(stash *st, const tl_unit *u, const tl_tokens *t)
{
  stashed *x;

  TL_GROW(st->v, st->cap, st->n + 1);
  TL_GROW(st->segs, st->capsegs, st->nsegs + u->n);
  TL_GROW(st->toks, st->captoks, st->ntoks + t->n);
  x = &st->v[st->n++];
  x->u = *u;
  x->seg0 = st->nsegs;
  x->tok0 = st->ntoks;
  x->ntok = t->n;
  if (u->n > 0)
    memcpy(st->segs + st->nsegs, u->segs, u->n * sizeof *u->segs);
  if (t->n > 0)
    memcpy(st->toks + st->ntoks, t->v, t->n * sizeof *t->v);
  st->nsegs += u->n;
  st->ntoks += t->n;
}

/* Check the stashed blocks, in order, and empty the stash. */
static void drain(run *rn)
{
  stash *st = &rn->st;

  for (size_t i = 0; i < st->n && rn->ctx.st == TL_OK; i++) {
    stashed *x = &st->v[i];
    tl_tokens view = {st->toks + x->tok0, x->ntok, x->ntok, 0};
    x->u.segs = st->segs + x->seg0;
    check_unit(rn, &x->u, &view);
  }
  st->n = st->nsegs = st->ntoks = 0;
}

static void stash_fini(stash *st)
{
  free(st->v);
  free(st->segs);
  free(st->toks);
}

static void on_piece(run *rn, const tl_unit *u)
{
  if (rn->ctx.st != TL_OK)
    return;
  tl_tokenize_unit(&rn->toks, rn->ctx.doc, rn->ctx.len, u);
  rn->ctx.res->words += rn->toks.n;
  if (rn->defer) {
    if (!tl_spell_ready(rn->ctx.spell) &&
        rn->st.ntoks + rn->toks.n <= STASH_MAX_TOKENS) {
      stash_unit(&rn->st, u, &rn->toks);
      return;
    }
    drain(rn);
    rn->defer = false;
  }
  check_unit(rn, u, &rn->toks);
}

/* A block of prose longer than this is checked in pieces cut after a
 * sentence end (else at a space), so that the tokens and matches of one
 * block never all live at once: a 200 MB single-line file stays within a
 * bounded memory. No real paragraph comes near it. */
#define UNIT_PIECE_BYTES ((size_t)1 << 20)

static bool is_space_byte(char c)
{
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* How much of doc[off..off+room) to take so that the cut falls after a
 * sentence end in its second half, else after a space there, else on a
 * character boundary; 0 when only a cut in the first half would do (the
 * piece so far is flushed first). */
static size_t cut_length(const char *doc, size_t off, size_t room,
                         bool piece_empty)
{
  size_t half = room / 2;

  for (size_t i = room; i >= 2 && i > half; i--) {
    char c = doc[off + i - 1], p = doc[off + i - 2];
    if (is_space_byte(c) && (p == '.' || p == '!' || p == '?'))
      return i;
  }
  for (size_t i = room; i > half; i--)
    if (is_space_byte(doc[off + i - 1]))
      return i;
  if (!piece_empty)
    return 0;
  for (size_t i = room; i > 0; i--)
    if (((unsigned char)doc[off + i] & 0xC0) != 0x80)
      return i;
  return room;
}

static void check_in_pieces(run *rn, const tl_unit *u)
{
  tl_seg *v = NULL;
  size_t n = 0, cap = 0, bytes = 0;
  tl_unit piece = *u;

  for (size_t i = 0; i < u->n && rn->ctx.st == TL_OK; i++) {
    tl_seg s = u->segs[i];
    while (s.len > 0 && rn->ctx.st == TL_OK) {
      size_t room = UNIT_PIECE_BYTES - bytes;
      size_t take = s.len <= room ? s.len
                                  : cut_length(rn->ctx.doc, s.off, room, n == 0);
      if (take > 0) {
        TL_GROW(v, cap, n + 1);
        v[n++] = (tl_seg){s.off, take, s.flags};
        bytes += take;
        s.off += take;
        s.len -= take;
      }
      if (take == 0 || s.len > 0 || bytes >= UNIT_PIECE_BYTES) {
        piece.segs = v;
        piece.n = n;
        on_piece(rn, &piece);
        n = bytes = 0;
      }
    }
  }
  if (n > 0) {
    piece.segs = v;
    piece.n = n;
    on_piece(rn, &piece);
  }
  free(v);
}

static void on_code(void *ud, size_t off, size_t len, bool inline_span)
{
  run *rn = ud;

  tl_check_identifier_code(&rn->ctx, off, len, inline_span);
}

static void on_unit(void *ud, const tl_unit *u)
{
  run *rn = ud;
  size_t bytes = 0;

  for (size_t i = 0; i < u->n; i++)
    bytes += u->segs[i].len;
  if (bytes > UNIT_PIECE_BYTES)
    check_in_pieces(rn, u);
  else
    on_piece(rn, u);
}

static bool is_plain_path(const char *path)
{
  size_t n = strlen(path);
  return n >= 4 && strcmp(path + n - 4, ".txt") == 0;
}

/* Whether @path names a repository's notice file by the common convention
 * (LICENSE, COPYING, NOTICE, ATTRIBUTION, AUTHORS, CONTRIBUTORS, in any
 * case, with or without an extension): a legal or credits notice that the
 * folder of translations carries, not an article left untranslated. */
static bool is_notice_path(const char *path)
{
  static const char *const NOTICES[] = {"license", "licence", "copying",
                                        "notice",  "attribution", "authors",
                                        "contributors", NULL};
  const char *base = strrchr(path, '/');
  size_t n;

  base = base != NULL ? base + 1 : path;
  n = strcspn(base, ".");
  for (size_t i = 0; NOTICES[i] != NULL; i++) {
    size_t k = strlen(NOTICES[i]);
    bool same = n >= k;
    for (size_t j = 0; j < k && same; j++)
      same = (base[j] | 0x20) == NOTICES[i][j];
    /* "LICENSE", "LICENSE-SUMMARY", "license_code" */
    if (same && (n == k || base[k] == '-' || base[k] == '_'))
      return true;
  }
  return false;
}

/* The document is English prose, not a translation: one finding says so
 * and the Portuguese checks' findings are dropped (an English text is full
 * of "errors" of Portuguese); its renderings are not recorded. A notice
 * file (is_notice_path) gets the same finding as info: it is English by
 * design. */
static void english_document(tl_ctx *c)
{
  tl_result *r = c->res;
  size_t off = r->bom, end;

  while (off < r->len && (r->data[off] == '#' || r->data[off] == ' ' ||
                          r->data[off] == '\n' || r->data[off] == '\r'))
    off++;
  for (end = off; end < r->len && r->data[end] != '\n' &&
                  r->data[end] != '\r';
       end++)
    ;
  r->n = 0;
  r->english = true;
  c->nusage = 0;
  c->naside = 0;
  c->nxusage = 0;
  tl_result_add(r, off, end - off, "untranslated.document", "untranslated",
                is_notice_path(r->path) ? TL_INFO : TL_WARNING,
                P_("o texto está em inglês (%zu de %zu frase): não é uma "
                   "tradução, e as verificações de português não se "
                   "aplicam",
                   "o texto está em inglês (%zu de %zu frases): não é uma "
                   "tradução, e as verificações de português não se "
                   "aplicam",
                   c->sentences),
                c->en_sentences, c->sentences);
}

/* Check @data (owned, NUL-terminated); on success *out owns it. */
struct tl_deferred {
  tl_usage *usage;
  size_t nusage;
  tl_xusage *xusage; /* strings in the result's arena */
  size_t nxusage;
  tl_map surfaces;
  tl_map words;
  bool collect;
  struct tl_termpairs *learned; /* source mode */
};

void tl_deferred_free(tl_deferred *d)
{
  if (d == NULL)
    return;
  free(d->usage);
  free(d->xusage);
  tl_learned_free(d->learned);
  tl_map_fini(&d->surfaces);
  tl_map_fini(&d->words);
  free(d);
}

void tl_linter_keep_unjudged(tl_linter *l, bool keep)
{
  l->drop_unjudged = !keep;
}

void tl_linter_defer_corpus(tl_linter *l, bool defer)
{
  l->defer = defer;
}

/* The corpus stage (comparison with the archive, then recording), then
 * the last touches: sort, suppressions, rule levels. */
tl_status tl_linter_complete(tl_linter *l, tl_result *r, tl_error *err)
{
  tl_deferred *d = r->deferred;
  tl_status st = TL_OK;

  if (d == NULL)
    return TL_OK; /* complete already */
  if (d->collect && l->corpus != NULL) {
    tl_pair_rows rows = {NULL, 0, 0};
    tl_ctx ctx;
    char *rel = tl_path_relative(l->root, r->path);
    tl_ctx_init(&ctx, r, l->spell);
    ctx.gloss = l->gloss;
    ctx.usage = d->usage;
    ctx.nusage = d->nusage;
    ctx.xusage = d->xusage;
    ctx.nxusage = d->nxusage;
    st = tl_corpus_document(&ctx, l->corpus, rel, &d->surfaces, &d->words,
                            err);
    ctx.learned = d->learned;
    if (st == TL_OK)
      st = tl_check_source_corpus(&ctx, l->corpus, rel, &rows, err);
    if (st == TL_OK)
      st = tl_check_learned_corpus(&ctx, l->corpus, rel, &rows, err);
    /* what the document taught, for the next ones (a changed document's
     * old pairs went with its row; an unchanged one writes nothing) */
    if (st == TL_OK && (rows.n > 0 || d->learned != NULL))
      st = tl_store_record_pairs(l->corpus->store, rel, rows.v, rows.n, err);
    free(rows.v);
    ctx.learned = NULL; /* still d's */
    ctx.usage = NULL; /* still d's */
    ctx.xusage = NULL;
    tl_ctx_fini(&ctx);
    free(rel);
  }
  tl_deferred_free(d);
  r->deferred = NULL;
  if (st != TL_OK)
    return st;
  tl_result_finish(r);
  /* unused suppressions, if any, take their place; a result that only lost
   * findings is still finished (the second pass cost as much as the first) */
  if (tl_suppress_apply(r, l->opt.report_unused_disables))
    tl_result_finish(r);
  apply_levels(l, r);
  one_finding_per_span(r);
  return TL_OK;
}

tl_status tl_lint_take(tl_linter *l, const char *path, char *data,
                       size_t len, tl_markup markup, tl_result **out,
                       tl_error *err)
{
  tl_result *r;
  size_t start;
  tl_status st;
  run rn;
  bool markdown;

  *out = NULL;
  if (l->house_st != TL_OK) { /* the archive's house usage did not load */
    free(data);
    if (err != NULL)
      *err = l->house_err;
    return l->house_st;
  }
  st = tl_input_check(path, data, len, &start, err);
  if (st != TL_OK) {
    free(data);
    return st;
  }
  r = tl_result_new_take(path, data, len);
  r->drop_unjudged = l->drop_unjudged;
  r->bom = start;
  r->markup = markup;
  markdown = markup == TL_MARKUP_MARKDOWN ||
             (markup == TL_MARKUP_AUTO && !is_plain_path(path));
  r->markdown = markdown;
  /* suggestion budgets are per file, so that results do not depend on the
   * order files are checked in (threads) */
  l->sugg_budget = l->opt.max_suggestions;
  l->slow_budget = l->opt.slow_suggestions ? SLOW_SUGGESTIONS : 0;
  tl_ctx_init(&rn.ctx, r, l->spell);
  rn.ctx.sugg_budget = &l->sugg_budget;
  rn.ctx.slow_budget = &l->slow_budget;
  rn.ctx.spell_en = l->spell_en;
  rn.ctx.gloss = l->gloss;
  rn.ctx.wordtr_slot = &l->wordtr;
  rn.ctx.ptpt = l->ptpt;
  rn.ctx.calques = l->calques;
  rn.ctx.calque_filter = l->calque_filter;
  rn.ctx.wordclass = &l->wordclass;
  if (++l->wordclass.docs == 0) { /* wrapped: no stamp may match again */
    for (size_t i = 0; i < l->wordclass.n; i++)
      l->wordclass.v[i].codedoc = 0;
    l->wordclass.docs = 1;
  }
  rn.ctx.wdoc = l->wordclass.docs;
  rn.ctx.verdicts = &l->verdicts;
  rn.matches = &l->matches;
  tl_map_init(&rn.surfaces);
  tl_map_init(&rn.words);
  rn.collect = l->corpus != NULL && strcmp(path, "-") != 0;
  rn.ctx.house = l->house;
  if (rn.collect && l->house != NULL && l->house->n > 0) {
    /* a document recorded before counts in the archive's figures already */
    char *rel = tl_path_relative(l->root, path), old[64];
    rn.ctx.house_self =
        tl_store_doc_hash(l->corpus->store, rel, old, sizeof old);
    free(rel);
  }
  rn.ctx.sugg_per_word = l->opt.suggestions_per_word;
  rn.ctx.proper = l->proper;
  rn.ctx.renderings = l->renderings;
  rn.ctx.err = err;
  tl_tokens_init(&rn.toks);
  memset(&rn.st, 0, sizeof rn.st);
  rn.defer = l->preloading && !tl_spell_ready(l->spell);
  st = tl_markup_parse_code(data, len, start, markdown, on_unit, on_code,
                            &rn, err);
  if (st == TL_OK && rn.ctx.st == TL_OK)
    drain(&rn);
  stash_fini(&rn.st);
  if (st == TL_OK && rn.ctx.st == TL_OK) {
    tl_check_spelling_end(&rn.ctx);
    tl_check_untranslated_end(&rn.ctx);
    tl_check_learned_end(&rn.ctx);
    tl_check_derived_end(&rn.ctx);
    tl_check_article_end(&rn.ctx);
    if (rn.ctx.gloss != NULL) {
      tl_check_consistency_end(&rn.ctx);
      tl_check_english_end(&rn.ctx);
      tl_check_calque_end(&rn.ctx);
    }
    tl_check_identifier_end(&rn.ctx);
    if (l->source != NULL)
      tl_check_source(&rn.ctx, l->source, start, markdown, rn.matches);
    tl_prose_finish(&rn.ctx);
    /* a notice file needs no three sentences to be English by design */
    if (tl_check_untranslated_is_english(&rn.ctx) ||
        (is_notice_path(path) && rn.ctx.en_sentences > 0 &&
         rn.ctx.en_sentences * 10 >= rn.ctx.sentences * 6))
      english_document(&rn.ctx);
  }
  if (st == TL_OK)
    st = rn.ctx.st;
  if (st == TL_OK) { /* hand the corpus stage what it needs */
    tl_deferred *d = tl_xcalloc(1, sizeof *d);
    /* the derived phrases, for the archive's discovered concepts */
    if (rn.collect && !r->english) {
      tl_derived_record(&rn.ctx, &rn.surfaces);
      tl_structure_end(&rn.ctx);
      tl_termintro_end(&rn.ctx);
      tl_frame_end(&rn.ctx);
    }
    /* the forbidden forms and abbreviations join the judged renderings
     * for the record (the corpus stage groups them itself) */
    if (rn.ctx.naside > 0) {
      TL_GROW(rn.ctx.usage, rn.ctx.capusage,
              rn.ctx.nusage + rn.ctx.naside);
      memcpy(rn.ctx.usage + rn.ctx.nusage, rn.ctx.aside,
             rn.ctx.naside * sizeof *rn.ctx.aside);
      rn.ctx.nusage += rn.ctx.naside;
    }
    d->collect = rn.collect;
    d->usage = rn.ctx.usage;
    d->nusage = rn.ctx.nusage;
    rn.ctx.usage = NULL;
    d->xusage = rn.ctx.xusage;
    d->nxusage = rn.ctx.nxusage;
    rn.ctx.xusage = NULL;
    d->surfaces = rn.surfaces;
    tl_map_init(&rn.surfaces);
    d->words = rn.words;
    tl_map_init(&rn.words);
    d->learned = rn.ctx.learned;
    rn.ctx.learned = NULL;
    r->deferred = d;
  }
  tl_tokens_fini(&rn.toks);
  tl_map_fini(&rn.surfaces);
  tl_map_fini(&rn.words);
  tl_ctx_fini(&rn.ctx);
  if (st == TL_OK && !l->defer)
    st = tl_linter_complete(l, r, err);
  if (st != TL_OK) {
    tl_result_free(r);
    return st;
  }
  *out = r;
  return TL_OK;
}

tl_status tl_lint_buffer(tl_linter *l, const char *path, const char *data,
                         size_t len, tl_markup markup, tl_result **out,
                         tl_error *err)
{
  if (markup == TL_MARKUP_AUTO && tl_xliff_is(path, data, len))
    return tl_xliff_lint(l, path, data, len, out, err);
  return tl_lint_take(l, path, tl_xstrndup(data, len), len, markup, out,
                      err);
}

tl_status tl_lint_file(tl_linter *l, const char *path, tl_markup markup,
                       tl_result **out, tl_error *err)
{
  char *data;
  size_t len;
  tl_file_id id;
  tl_status st = tl_input_read(path, l->opt.max_size, &data, &len, &id, err);

  *out = NULL;
  if (st != TL_OK)
    return st;
  if (l->source == NULL && strcmp(path, "-") != 0 &&
      !tl_xliff_is(path, data, len)) { /* source mode: --source, a pair */
    tl_pair_rules rules = {l->opt.source_lang, l->opt.target_lang};
    char *found = l->opt.source == NULL && l->opt.source_pairs
                      ? tl_pair_find_source(path, &rules)
                      : NULL;
    const char *src = l->opt.source != NULL ? l->opt.source : found;
    if (src != NULL) {
      free(data);
      st = tl_lint_pair(l, src, path, markup, out, err);
      free(found);
      return st;
    }
  }
  if (markup == TL_MARKUP_AUTO && tl_xliff_is(path, data, len)) {
    st = tl_xliff_lint(l, path, data, len, out, err);
    free(data);
  } else {
    st = tl_lint_take(l, path, data, len, markup, out, err);
  }
  if (st == TL_OK)
    (*out)->id = id;
  return st;
}

tl_status tl_lint_pair(tl_linter *l, const char *src_path,
                       const char *tgt_path, tl_markup markup,
                       tl_result **out, tl_error *err)
{
  tl_source src;
  char *data;
  size_t len, start;
  tl_status st;

  *out = NULL;
  memset(&src, 0, sizeof src);
  st = tl_input_read(src_path, l->opt.max_size, &data, &len, NULL, err);
  if (st != TL_OK)
    return st;
  st = tl_input_check(src_path, data, len, &start, err);
  if (st == TL_OK) {
    src.path = src_path;
    src.data = data;
    src.len = len;
    src.start = start;
    src.markdown = markup == TL_MARKUP_MARKDOWN ||
                   (markup == TL_MARKUP_AUTO && !is_plain_path(src_path));
    l->source = &src;
    st = tl_lint_file(l, tgt_path, markup, out, err);
    l->source = NULL;
  }
  free(data);
  return st;
}

/* Fix rounds: the fixes of one round can uncover others ("Open AI OpenAI"
 * becomes "OpenAI OpenAI", a doubled word), so the fixed text is checked
 * again, by a sibling linter that records nothing, until no fix is left. */
#define FIX_ROUNDS 10

tl_status tl_linter_fix(tl_linter *l, const tl_result *r, char **out,
                        size_t *outlen, size_t *applied, size_t *skipped,
                        tl_error *err)
{
  tl_linter *s = NULL;
  tl_status st;
  size_t a = 0;

  tl_result_fix(r, out, outlen, applied, skipped);
  if (*applied == 0)
    return TL_OK;
  st = tl_linter_new_sibling(&s, l, err);
  if (st != TL_OK)
    return st;
  s->corpus = NULL; /* nothing recorded, nothing compared */
  s->defer = false;
  for (int round = 1; round < FIX_ROUNDS && st == TL_OK; round++) {
    tl_result *again = NULL;
    char *text;
    size_t len, sk;
    /* an XLIFF file is found again by its name and content */
    st = tl_lint_buffer(s, r->path, *out, *outlen, r->markup, &again, err);
    if (st != TL_OK)
      break;
    tl_result_fix(again, &text, &len, &a, &sk);
    tl_result_free(again);
    if (a == 0) {
      free(text);
      break;
    }
    free(*out);
    *out = text;
    *outlen = len;
    *applied += a;
    *skipped = sk;
  }
  tl_linter_free(s);
  if (st != TL_OK) {
    free(*out);
    *out = NULL;
    *outlen = 0;
  }
  return st;
}
