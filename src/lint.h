/* The pipeline: input -> markup -> tokens -> checks -> findings. */
#ifndef TL_LINT_H
#define TL_LINT_H

#include "check.h"

/* Hunspell suggestion calls a run (about 0.1 s each with pt_BR); words one
 * edit from a known word get suggestions without one. */
#define SLOW_SUGGESTIONS 5

struct tl_linter {
  tl_options opt;
  char *hunspell_dir;
  char *words_dir;
  tl_spell *spell;
  tl_spell *spell_en;
  tl_gloss *gloss; /* NULL: no glossary */
  struct tl_proper *proper;           /* en_US proper nouns */
  struct tl_renderings *renderings;   /* dictionaries/renderings.tsv */
  struct tl_ptpt *ptpt; /* dictionaries/pt-PT.tsv; NULL when absent */
  struct tl_calques *calques; /* literal translations of names; NULL: none */
  struct tl_calque_filter *calque_filter; /* this linter's own */
  tl_spell_words gloss_words; /* the glossary's words, which the spellers
                                 borrow (tl_spell_accept) */
  struct tl_corpus *corpus; /* borrowed; NULL: no memory */
  struct tl_house *house;   /* the archive's house usage (the parent's);
                               NULL: no memory */
  tl_status house_st;       /* its loading failed: every document fails */
  tl_error house_err;
  char *root, *dict_pt, *dict_en;
  uint64_t words_hash; /* of the word lists and glossary words */
  bool defer;
  const tl_source *source; /* source mode: the English source of the next
                              document (set by tl_lint_pair), or NULL */
  bool sibling;         /* spell, spell_en, gloss are another linter's */
  bool drop_unjudged;   /* results list no unjudged words (nobody reads them) */
  tl_wordtab wordclass; /* spelling -> what the checks asked of it (prose.c) */
  tl_map verdicts;      /* key -> 1 known, 2 unknown: spares the shared lock */
  struct tl_vcache *cache_pt, *cache_en; /* persistent verdicts, or NULL */
  bool preloading;      /* Hunspell loads in the background (tl_linter_preload) */
  bool own_spellers;    /* a sibling with spellers of its own */
  bool stored;          /* a sibling whose parent may have every verdict */
  tl_matches matches;   /* glossary matching scratch and key cache */
  struct tl_wordtr *wordtr; /* the glossary's word translations, made on
                               first use (tl_ctx_wordtr), or NULL */           /* leave the corpus stage to tl_linter_complete */
  char **levels;        /* rule_levels, copied */
  size_t nlevels;
  long sugg_budget;
  long slow_budget;
};

/* Check @data (owned, taken even on failure), as tl_lint_buffer does. */
tl_status tl_lint_take(tl_linter *l, const char *path, char *data,
                       size_t len, tl_markup markup, tl_result **out,
                       tl_error *err);

#endif
