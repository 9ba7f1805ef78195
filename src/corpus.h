/* The corpus stage of the pipeline: compare a document's renderings with
 * the archive (consistency.corpus), record them, collect variant
 * candidates. */
#ifndef TL_CORPUS_H
#define TL_CORPUS_H

#include "check.h"
#include "store.h"

struct tl_corpus {
  tl_store *store;
};

/* Spellings worth remembering for variant discovery, per document:
 * "key\x1fsurface" -> count. */
void tl_corpus_collect(tl_ctx *c, const tl_tokens *t, const tl_matches *m,
                       tl_map *surfaces);

/* Words no dictionary knows that the block writes in running text, as
 * written (lower-case, not code, quoted, mentioned or a gloss; not a typo
 * of a Portuguese word): "surface" -> count, for house usage (house.h). */
void tl_corpus_collect_words(tl_ctx *c, const tl_tokens *t, tl_map *words);

/* Compare the document with the archive, then record it (unless its
 * content is unchanged) with its words (@words, and the names of the
 * result). @relpath: the path relative to the archive root. */
tl_status tl_corpus_document(tl_ctx *c, tl_corpus *corpus,
                             const char *relpath, const tl_map *surfaces,
                             const tl_map *words, tl_error *err);

/* tl_corpus_report as HTML for a --report-dir folder: each concept
 * anchored as #c-ID, each example document linked to its page
 * (PATH.html). */
tl_status tl_corpus_report_pages(tl_corpus *c, const tl_linter *l,
                                 FILE *out, tl_error *err);

#endif
