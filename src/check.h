/* The context every check sees, and the checks' entry points. A check reads
 * the tokens of one block at a time and appends findings; at the end of the
 * document it may append findings that needed the whole document. Checks do
 * not call each other. */
#ifndef TL_CHECK_H
#define TL_CHECK_H

#include "diag.h"
#include "gloss.h"
#include "map.h"
#include "spell.h"
#include "token.h"

typedef struct tl_pending {
  size_t off;
  uint32_t len;
} tl_pending;

typedef struct tl_usage {
  size_t off, len;
  uint32_t concept, form;
  uint8_t title; /* a common term written in title case inside a sentence */
} tl_usage;

typedef struct tl_ctx {
  const char *doc;
  size_t len;
  tl_result *res;
  tl_spell *spell;
  tl_spell *spell_en; /* en_US, to tell English terms; may be NULL */
  long *sugg_budget;
  long *slow_budget;
  int sugg_per_word;
  tl_buf key;
  tl_status st; /* first failure (a dictionary that will not load) */
  tl_error *err;
  /* spelling: capitalised unknown words seen outside sentence starts, and
   * sentence-initial ones to judge at the end of the document */
  tl_map names;
  tl_map sugg_seen; /* words given (or denied) suggestions in this file */
  tl_map *wordclass; /* the linter's cache of word languages, or NULL */
  tl_map *verdicts;  /* the linter's own cache of pt_BR verdicts (no lock) */
  tl_pending *pending;
  size_t npending, cappending;
  /* glossary (may be NULL) and the renderings this document used */
  const tl_gloss *gloss;
  tl_usage *usage;
  size_t nusage, capusage;
  /* source mode: the term pairs learned from the document (owned) */
  struct tl_termpairs *learned;
} tl_ctx;

void tl_ctx_init(tl_ctx *c, tl_result *res, tl_spell *spell);
void tl_ctx_fini(tl_ctx *c);

/* spelling.unknown (error), spelling.name (info) */
void tl_check_spelling(tl_ctx *c, const tl_unit *u, const tl_tokens *t);
void tl_check_spelling_end(tl_ctx *c);

/* terminology.forbidden (error, fix), terminology.variant (warning, fix) */
void tl_check_terminology(tl_ctx *c, const tl_tokens *t, const tl_matches *m);
/* agreement.gender (warning, fix): article or contraction before a name */
void tl_check_agreement(tl_ctx *c, const tl_tokens *t, const tl_matches *m);
/* consistency.document (warning): one concept rendered two ways */
void tl_check_consistency(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                          const tl_matches *m);
void tl_check_consistency_end(tl_ctx *c);

/* untranslated.passage (error; info for quoted titles), untranslated.word
 * (warning): English left in the text. @m may be NULL. */
void tl_check_untranslated(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                           const tl_matches *m);
/* repetition.word (warning, fix), repetition.coordination (warning) */
void tl_check_repetition(tl_ctx *c, const tl_tokens *t);
/* number.decimal, number.thousands (warning, fix) */
void tl_check_number(tl_ctx *c, const tl_tokens *t);

/* The English source of a translation (source mode). */
typedef struct tl_source {
  const char *path; /* as given: the related location of findings */
  const char *data; /* the document, borrowed */
  size_t len, start; /* start: after a BOM */
  bool markdown;
  bool parallel; /* blocks pair one to one when both sides have as many
                    (XLIFF units) */
} tl_source;

/* source.* (category source): the target (the context's document, prose
 * from @tgt_start) aligned with @src; numbers, names, code, URLs, glossary
 * terms, untranslated segments, omissions and additions. Passages the
 * plain checks found untranslated whose source has the same words become
 * source.untranslated. @m: glossary matching scratch. */
void tl_check_source(tl_ctx *c, const tl_source *src, size_t tgt_start,
                     bool markdown, tl_matches *m);

/* source.consistency against the archive: the document's learned term
 * pairs (c->learned) compared with the renderings other documents gave the
 * same source terms, then recorded for document @relpath. */
tl_status tl_check_source_corpus(tl_ctx *c, struct tl_corpus *corpus,
                                 const char *relpath, tl_error *err);

/* Free what tl_ctx.learned holds; NULL is allowed. */
void tl_learned_free(struct tl_termpairs *tp);

/* spelling.hyphen (error, fix), spelling.case (warning, fix): 2009
 * orthography that Hunspell reads part by part */
void tl_check_orthography(tl_ctx *c, const tl_unit *u, const tl_tokens *t);

#endif
