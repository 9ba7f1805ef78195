/* Anchors: what a translation must carry over from its source unchanged or
 * converted, found in a block's raw bytes: numbers (with their values),
 * URLs, e-mail addresses, code spans and names (GPT-4o, LangChain, RAG).
 * Alignment uses them to pair blocks and sentences; the source checks
 * compare them. */
#ifndef TL_ANCHOR_H
#define TL_ANCHOR_H

#include "buf.h"

#include <stdbool.h>
#include <stdint.h>

enum tl_anchor_kind {
  TL_ANC_NUMBER = 0,
  TL_ANC_URL,
  TL_ANC_EMAIL,
  TL_ANC_CODE, /* the contents of a code span */
  TL_ANC_NAME  /* a token with digits, inner capitals or all capitals */
};

enum tl_anchor_flags {
  TL_AF_PERCENT = 1u << 0,  /* followed by % (or "por cento") */
  TL_AF_CURRENCY = 1u << 1, /* $, US$, R$, €, £ before it */
  TL_AF_WORD = 1u << 2,     /* a number written as a word (mil, dois) */
  TL_AF_ORDINAL = 1u << 3,  /* 1st, 2º */
  TL_AF_YEAR = 1u << 4,     /* four digits from 1900 to 2099 */
  TL_AF_LIST = 1u << 5,     /* the number of an ordered list item */
  TL_AF_ALLCAPS = 1u << 6,  /* name: all capitals (RAG, LLM) */
  TL_AF_MIXED = 1u << 7,    /* name: letters and digits (GPT-4o, o3) */
  TL_AF_INNERCAP = 1u << 8, /* name: a capital after the first letter */
  TL_AF_LINK = 1u << 9,     /* URL: a link's destination */
  TL_AF_CAP = 1u << 10      /* name: only its first letter is a capital
                               (Microsoft, Python; also "The") */
};

typedef struct tl_anchor {
  size_t off, len; /* the surface in the document */
  uint16_t kind;   /* enum tl_anchor_kind */
  uint16_t flags;  /* enum tl_anchor_flags */
  uint8_t nvals;   /* numbers: how many readings */
  double vals[4];  /* numbers: the value in the side's own convention
                      first, then the other convention's reading of
                      ambiguous separators (1.000), then both times a
                      multiplier word or suffix (1,5 milhão, 5K) */
  uint64_t key;    /* hash of the normalised text (URL, code, name) */
} tl_anchor;

typedef struct tl_anchors {
  tl_anchor *v;
  size_t n, cap;
} tl_anchors;

void tl_anchors_init(tl_anchors *a);
void tl_anchors_fini(tl_anchors *a);

/* Append the anchors of doc[off..end) to @a. @english: the side's number
 * convention (1,000.5) and number words; else Brazilian (1.000,5). */
void tl_anchors_scan(tl_anchors *a, const char *doc, size_t off, size_t end,
                     bool english);

/* Whether two numbers have the same value under any of their readings. */
bool tl_anchor_same_number(const tl_anchor *src, const tl_anchor *tgt);

/* Append the normalised form of an anchor (its key's text) to @out: URLs
 * without scheme, locale segment (/en-us/) and trailing slash; names and
 * code as written. */
void tl_anchor_norm(const char *doc, const tl_anchor *a, tl_buf *out);

#endif
