/* A hash map from byte strings to 32-bit values; keys are copied. */
#ifndef TL_MAP_H
#define TL_MAP_H

#include "buf.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct tl_map_slot {
  const char *key; /* NUL-terminated copy, owned by the map's arena */
  uint32_t len;
  uint32_t value;
  uint64_t hash;
} tl_map_slot;

typedef struct tl_map {
  tl_map_slot *slots;
  size_t cap, count;
  tl_arena keys;
  /* tl_map_init_filtered's bit set: a bit a key in cap / 16 words (four
   * bits a slot, 8 to 16 a key), or NULL */
  uint64_t *filter;
  size_t fmask; /* its words - 1 */
  bool filtered;
} tl_map;

/* The hash of the map's keys: 8 bytes a step (not FNV-1a's one), for
 * lookups on every token. Not stable across machines of other byte order:
 * never stored. */
uint64_t tl_map_hash(const void *key, size_t len);

void tl_map_init(tl_map *m);
/* As tl_map_init, with a bit-set filter kept by tl_map_put (and rebuilt when
 * the table grows), filled by tl_cache_get_map as it reads the records, and
 * asked by tl_map_find_filtered: for a large map whose lookups mostly miss
 * (a miss then reads a word of the filter, not a slot of the table). The
 * filter may say "maybe" of an absent key, never "no" of a present one. */
void tl_map_init_filtered(tl_map *m);
void tl_map_fini(tl_map *m);
/* The slot of @key, or NULL when absent. */
tl_map_slot *tl_map_find(const tl_map *m, const char *key, size_t len);
/* As tl_map_find, the filter asked first: for the lookups of a filtered
 * map that mostly miss (tl_map_find, every other map's lookup, does not
 * read it; an unfiltered map is probed as by tl_map_find). */
tl_map_slot *tl_map_find_filtered(const tl_map *m, const char *key,
                                  size_t len);
/* False when @m's filter says @key is absent (tl_map_find_filtered then
 * returns NULL); true for every key of @m, and for any key when @m has no
 * filter. For tests. */
bool tl_map_may_have(const tl_map *m, const char *key, size_t len);
/* tl_cache_get_map's fill of a filtered map: the filter allocated (empty)
 * for m->cap slots, then the bits of each key's hash @h set. */
void tl_map_filter_alloc(tl_map *m);

/* The filter: a bit a key, its word and its place in the word chosen by
 * bits of its hash above those that index a table of up to 2^20 slots. A
 * word a TL_MAP_FILTER_SLOTS slots: a map at most half full, and at least a
 * quarter past 64 slots, keeps 8 to 16 bits a key (about 12% to 6% of
 * absent keys pass; two bits a key passed fewer, 5% to 1.5%, but cost
 * twice the instructions for 8% more of the misses saved). Inline: the
 * decode's loop. */
#define TL_MAP_FILTER_SLOTS 16u

static inline void tl_map_filter_add(tl_map *m, uint64_t h)
{
  m->filter[(size_t)(h >> 32) & m->fmask] |= (uint64_t)1 << (h >> 20 & 63);
}

static inline bool tl_map_filter_has(const tl_map *m, uint64_t h)
{
  return m->filter[(size_t)(h >> 32) & m->fmask] >> (h >> 20 & 63) & 1;
}
/* Make room for @n keys in all, so that the next puts up to that many do
 * not grow the table (a load of known size: one allocation, no rehash). */
void tl_map_reserve(tl_map *m, size_t n);
/* The slot of @key, created with @value when absent (*created says which). */
tl_map_slot *tl_map_put(tl_map *m, const char *key, size_t len,
                        uint32_t value, bool *created);

#endif
