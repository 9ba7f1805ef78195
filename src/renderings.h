/* English words and their Portuguese renderings (dictionaries/
 * renderings.tsv): what to write instead of an English word that machine
 * translation left behind ("nodes" -> nós). Tab-separated, one pair a
 * line, '#' comments. */
#ifndef TL_RENDERINGS_H
#define TL_RENDERINGS_H

#include "map.h"

typedef struct tl_renderings {
  tl_map map; /* folded English -> index + 1 into v */
  const char **v;
  size_t n, cap;
  tl_arena strs;
} tl_renderings;

void tl_renderings_init(tl_renderings *r);
void tl_renderings_fini(tl_renderings *r);

/* Add the pairs of file @path; a bad line is an error naming path:line. */
tl_status tl_renderings_load(tl_renderings *r, const char *path,
                             tl_error *err);

/* The rendering of the English text @folded (tl_utf8_fold, one space
 * between words), or NULL. */
const char *tl_renderings_find(const tl_renderings *r, const char *folded,
                               size_t n);

#endif
