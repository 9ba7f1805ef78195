/* Alignment of a translation with its source: blocks of prose first, by the
 * Markdown structure of both sides (kind, heading level), length and shared
 * anchors (numbers, names, URLs, code); then the sentences inside each pair
 * of blocks, length-based in the manner of Gale and Church (1993), with the
 * same anchors. Both are dynamic programmes that allow 1-1, 1-0, 0-1, 2-1
 * and 1-2 pairs, so that merged or split sentences, added notes and dropped
 * paragraphs are survived. */
#ifndef TL_ALIGN_H
#define TL_ALIGN_H

#include "anchor.h"
#include "markup.h"

/* What alignment weighs of a block or sentence. */
typedef struct tl_ameasure {
  uint32_t chars;      /* prose code points */
  uint32_t anc0, nanc; /* its anchors */
  uint32_t key0, nkey; /* its cognate keys (sorted, unique) */
} tl_ameasure;

/* A block of prose of one side. */
typedef struct tl_ablock {
  size_t off, end;           /* raw bytes: its lines (or its table cell) */
  size_t text_off, text_end; /* first and past-last prose byte */
  uint32_t sent0, nsent;     /* its sentences */
  uint32_t seg0, nseg;       /* its prose segments */
  tl_ameasure m;
  uint8_t kind;              /* enum tl_block_kind */
  uint8_t level;             /* heading level */
  bool alt;                  /* only image alt text */
} tl_ablock;

/* A sentence of a block: raw bytes and its measure. */
typedef struct tl_asent {
  size_t off, end;
  tl_ameasure m;
} tl_asent;

/* One side of a pair: the document and what alignment needs of it. */
typedef struct tl_aside {
  const char *doc;
  size_t len;
  bool english;
  tl_ablock *b;
  size_t nb, capb;
  tl_asent *s;
  size_t ns, caps;
  tl_seg *segs;   /* every block's prose segments, in block order */
  size_t nsegs, capsegs;
  tl_anchors anc; /* every block's anchors, in block order */
  /* cognate keys: the first four letters of the longer words, folded and
   * without accents (model/modelo, data/dados); Simard et al. (1992) */
  uint32_t *keys;
  size_t nkeys, capkeys;
} tl_aside;

/* A pair: source items s0 .. s0+ns-1 with target items t0 .. t0+nt-1 (ns
 * or nt may be 0: an omission or an addition). For block pairs, first and
 * count index their sentence pairs. */
typedef struct tl_apair {
  uint32_t s0, ns, t0, nt;
  uint32_t first, count;
  float cost;
} tl_apair;

struct tl_alignment {
  tl_aside src, tgt;
  tl_apair *blocks;
  size_t nblocks, capblocks;
  tl_apair *sents;
  size_t nsents, capsents;
  bool parallel; /* set before tl_align_run: blocks i and i pair when the
                    sides have as many (XLIFF units) */
  /* when made by tl_align_files: the paths and documents, owned */
  char *src_path, *tgt_path, *src_data, *tgt_data;
};

void tl_aside_init(tl_aside *s);
void tl_aside_fini(tl_aside *s);
/* Find the blocks, sentences and anchors of doc[start..len) (borrowed:
 * it must outlive @s). */
tl_status tl_aside_build(tl_aside *s, const char *doc, size_t len,
                         size_t start, bool markdown, bool english,
                         tl_error *err);

/* The part [*a, *b) of segment @g inside [from, to); false when none. */
bool tl_seg_clip(const tl_seg *g, size_t from, size_t to, size_t *a,
                 size_t *b);

/* Block @b of @s as a unit of prose (for the tokenizer). */
tl_unit tl_aside_unit(const tl_aside *s, size_t b);

/* Align two built sides (copied by value into @al, which takes them
 * over: free only @al). */
void tl_align_run(tl_alignment *al, tl_aside *src, tl_aside *tgt);
void tl_align_fini(tl_alignment *al);

/* The matched anchors of two ranges of anchors: @used_src / @used_tgt
 * (arrays of @ns / @nt flags, may be NULL) get which were paired; the
 * count is returned. Numbers by value, the rest by normalised text. */
size_t tl_anchors_pair(const tl_aside *src, uint32_t s0, uint32_t ns,
                       const tl_aside *tgt, uint32_t t0, uint32_t nt,
                       bool *used_src, bool *used_tgt);

#endif
