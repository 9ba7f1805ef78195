/* Findings of one document (tl_result): adding, sorting, locating. */
#ifndef TL_DIAG_H
#define TL_DIAG_H

#include "buf.h"
#include "input.h"
#include "map.h"

/* What the corpus stage needs, kept when it is deferred (threads). */
typedef struct tl_deferred tl_deferred;

/* Source mode: the source beside the target, block by block, for the
 * HTML report. */
typedef struct tl_pair_row {
  size_t s_off, s_end, t_off, t_end; /* s_off == s_end: no source block */
} tl_pair_row;

typedef struct tl_pair_view {
  char *src_path, *src; /* owned */
  size_t src_len;
  tl_pair_row *rows;
  size_t nrows;
} tl_pair_view;

struct tl_result {
  char *path;
  char *data; /* the document, owned, NUL-terminated */
  size_t len;
  size_t bom; /* 3 when the document starts with a UTF-8 BOM */
  size_t words;
  bool markdown; /* read as Markdown (else plain text) */
  tl_finding *f;
  size_t n, cap;
  tl_arena arena; /* suggestion lists, names, glosses */
  tl_map strings;  /* messages, surfaces, suggestions: one copy of each */
  tl_map lists;    /* suggestion list -> its index in list_v */
  const char ***list_v;
  size_t nlists, list_cap;
  tl_gloss_pair *glosses;
  size_t nglosses, capglosses;
  tl_name *names;
  size_t nnames, capnames;
  tl_unjudged *unjudged;
  size_t nunjudged, capunjudged;
  bool drop_unjudged;    /* list none (tl_linter_keep_unjudged) */
  bool english; /* the document is English, not a translation */
  tl_deferred *deferred; /* NULL once complete */
  tl_pair_view *pair;    /* source mode with Markdown sides, else NULL */
  tl_file_id id;         /* the file as read (for --fix) */
  size_t dropped;        /* findings past TL_MAX_FINDINGS, not kept */
  tl_finding spare;      /* what tl_result_add returns for those */
  tl_markup markup;      /* as it was asked to be parsed */
};

/* Free what tl_deferred holds (defined in lint.c). */
void tl_deferred_free(tl_deferred *d);

/* A new result that takes ownership of @data (malloc'd, NUL-terminated). */
tl_result *tl_result_new_take(const char *path, char *data, size_t len);

/* Append a finding; @rule and @category must be static strings. The message
 * is formatted into the result's arena. */
tl_finding *tl_result_add(tl_result *r, size_t off, size_t len,
                          const char *rule, const char *category,
                          tl_severity sev, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* The text of doc[off..off+len) for a one-line message: runs of white
 * space become one space. Borrowed from the result's arena. */
const char *tl_result_surface(tl_result *r, size_t off, size_t len);

/* Copy @n suggestions into the finding. */
void tl_result_set_suggestions(tl_result *r, tl_finding *f,
                               const char *const *v, size_t n);

/* Record a word the spelling check left alone (kept in the order added;
 * tl_result_finish sorts them by position). */
void tl_result_unjudged(tl_result *r, size_t off, size_t len,
                        tl_unjudged_reason why);

/* Sort findings by position then rule, and fill in lines and columns. */
void tl_result_finish(tl_result *r);

#endif
