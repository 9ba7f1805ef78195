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
} tl_map;

/* The hash of the map's keys: 8 bytes a step (not FNV-1a's one), for
 * lookups on every token. Not stable across machines of other byte order:
 * never stored. */
uint64_t tl_map_hash(const void *key, size_t len);

void tl_map_init(tl_map *m);
void tl_map_fini(tl_map *m);
/* The slot of @key, or NULL when absent. */
tl_map_slot *tl_map_find(const tl_map *m, const char *key, size_t len);
/* Make room for @n keys in all, so that the next puts up to that many do
 * not grow the table (a load of known size: one allocation, no rehash). */
void tl_map_reserve(tl_map *m, size_t n);
/* The slot of @key, created with @value when absent (*created says which). */
tl_map_slot *tl_map_put(tl_map *m, const char *key, size_t len,
                        uint32_t value, bool *created);

#endif
