/* Term pairs learned from an aligned translation: which target rendering
 * each recurring source term received, even for terms no glossary holds.
 * A source term (one to three content words) recurring in two or more
 * aligned sentences is paired with the target word sequences that occur
 * (almost) only where it does; renderings of one family (the same words up
 * to their endings, hyphens and case: "engenharia de prompt" and
 * "engenharia de prompts", "completação" and "compleção") are the ways the
 * document rendered that term. */
#ifndef TL_TERMPAIR_H
#define TL_TERMPAIR_H

#include "align.h"

/* One occurrence of a rendering in the target. */
typedef struct tl_tp_occ {
  size_t off, len;
  size_t src_off, src_len; /* the source term in that sentence pair */
  unsigned src_line, src_col; /* filled by the caller, for reports */
} tl_tp_occ;

/* One way a source term was rendered, with its occurrences. */
typedef struct tl_tp_rendering {
  char *surface; /* lower case, one space between words */
  tl_tp_occ *occ;
  size_t nocc, capocc;
} tl_tp_rendering;

/* A source term and the renderings of its family (two or more when the
 * document is inconsistent; one when it is consistent). */
typedef struct tl_tp_term {
  char *term; /* lower case source words */
  tl_tp_rendering *r;
  size_t nr, capr;
} tl_tp_term;

typedef struct tl_termpairs {
  tl_tp_term *v;
  size_t n, cap;
  char *src_path; /* the source, for related locations (owned) */
} tl_termpairs;

void tl_termpairs_init(tl_termpairs *tp);
void tl_termpairs_fini(tl_termpairs *tp);

/* Learn the term pairs of an alignment. */
void tl_termpairs_learn(tl_termpairs *tp, const tl_alignment *al);

#endif
