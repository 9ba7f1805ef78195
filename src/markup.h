/* Markup: find the prose of a document. Markdown goes through md4c; code,
 * HTML, math, link destinations and YAML front matter are skipped. Prose is
 * delivered one block at a time (paragraph, heading, list item, table cell)
 * as segments: byte ranges of the original document. */
#ifndef TL_MARKUP_H
#define TL_MARKUP_H

#include "buf.h"

#include <stdbool.h>

enum tl_block_kind {
  TL_BLK_PARA = 0,
  TL_BLK_HEADING,
  TL_BLK_LIST_ITEM,
  TL_BLK_TABLE_CELL,
  TL_BLK_QUOTE_PARA
};

enum tl_seg_flags {
  TL_SEG_LINK = 1u << 0,  /* link text */
  TL_SEG_ALT = 1u << 1,   /* image alt text */
  TL_SEG_EMPH = 1u << 2,  /* *emphasis* or **strong** */
  TL_SEG_AFTER_GAP = 1u << 3 /* skipped material (code, math, a line
                                break) lies between this and the previous
                                segment of the block */
};

typedef struct tl_seg {
  size_t off, len;
  unsigned flags;
} tl_seg;

typedef struct tl_unit {
  enum tl_block_kind kind;
  unsigned level; /* heading level, else 0 */
  const tl_seg *segs;
  size_t n;
} tl_unit;

typedef void (*tl_unit_fn)(void *ctx, const tl_unit *u);

/* Code of the document: an inline code span (its text between the
 * backticks, @inline_span true) or a line of a code block. */
typedef void (*tl_code_fn)(void *ctx, size_t off, size_t len,
                           bool inline_span);

/* The md4c parser flags tradlint reads Markdown with (the HTML report
 * renders with the same, plus MD_FLAG_NOHTML). */
#define TL_MARKDOWN_FLAGS                                                  \
  (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS |            \
   MD_FLAG_LATEXMATHSPANS | MD_FLAG_PERMISSIVEAUTOLINKS)

/* Parse doc[start..len) as Markdown (@markdown true) or plain text, calling
 * @fn for every block of prose, in document order. */
tl_status tl_markup_parse(const char *doc, size_t len, size_t start,
                          bool markdown, tl_unit_fn fn, void *ctx,
                          tl_error *err);

/* As tl_markup_parse, and @code (if not NULL) is called for the code of
 * the document in document order, interleaved with the blocks of prose. */
tl_status tl_markup_parse_code(const char *doc, size_t len, size_t start,
                               bool markdown, tl_unit_fn fn, tl_code_fn code,
                               void *ctx, tl_error *err);

/* Length of a YAML front matter block at doc[start..) ("---" line ... "---"
 * or "..." line), or 0. */
size_t tl_markup_front_matter(const char *doc, size_t len, size_t start);

#endif
