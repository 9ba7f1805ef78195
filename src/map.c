#include "map.h"

#include <stdlib.h>
#include <string.h>

void tl_map_init(tl_map *m)
{
  m->slots = NULL;
  m->cap = m->count = 0;
  tl_arena_init(&m->keys);
  m->filter = NULL;
  m->fmask = 0;
  m->filtered = false;
}

void tl_map_init_filtered(tl_map *m)
{
  tl_map_init(m);
  m->filtered = true;
}

void tl_map_fini(tl_map *m)
{
  free(m->slots);
  free(m->filter);
  tl_arena_fini(&m->keys);
  m->slots = NULL;
  m->filter = NULL;
  m->cap = m->count = m->fmask = 0;
}

/* ---- the filter (its bits: map.h) ------------------------------------- */

void tl_map_filter_alloc(tl_map *m)
{
  size_t words = m->cap / TL_MAP_FILTER_SLOTS;

  if (words == 0)
    words = 1;
  free(m->filter);
  m->filter = tl_xcalloc(words, sizeof *m->filter);
  m->fmask = words - 1; /* cap is a power of two */
}

bool tl_map_may_have(const tl_map *m, const char *key, size_t len)
{
  return m->filter == NULL || tl_map_filter_has(m, tl_map_hash(key, len));
}

static tl_map_slot *probe(tl_map_slot *slots, size_t cap, const char *key,
                          size_t len, uint64_t h)
{
  size_t mask = cap - 1;
  size_t i = (size_t)h & mask;

  for (;;) {
    tl_map_slot *s = &slots[i];
    if (s->key == NULL)
      return s;
    if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)
      return s;
    i = (i + 1) & mask;
  }
}

/* tl_map_hash's body, inlined into tl_map_find */
static inline uint64_t hash_bytes(const void *key, size_t len)
{
  const unsigned char *p = key;
  uint64_t h = 0x243F6A8885A308D3ULL ^ ((uint64_t)len * 0x9E3779B97F4A7C15ULL);
  uint64_t v;

  for (; len >= 8; p += 8, len -= 8) {
    memcpy(&v, p, 8);
    h = (h ^ v) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 29;
  }
  if (len >= 4) { /* 4 to 7 bytes: two 4-byte reads that may overlap */
    uint32_t a, b;
    memcpy(&a, p, 4);
    memcpy(&b, p + len - 4, 4);
    v = (uint64_t)a << 32 | b;
  } else if (len > 0) { /* 1 to 3 bytes: first, middle, last */
    v = (uint64_t)p[0] << 16 | (uint64_t)p[len / 2] << 8 | p[len - 1];
  } else {
    v = 0;
  }
  h = (h ^ v) * 0xFF51AFD7ED558CCDULL;
  h ^= h >> 29;
  h ^= h >> 33; /* the finaliser of MurmurHash3: every bit moves the low ones */
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

uint64_t tl_map_hash(const void *key, size_t len)
{
  return hash_bytes(key, len);
}

/* The slot of @key (hash @h) in @m, or NULL: the probe loop of both
 * lookups, inline (the lookup of every token). */
static inline tl_map_slot *find_hashed(const tl_map *m, const char *key,
                                       size_t len, uint64_t h)
{
  size_t mask = m->cap - 1;

  for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
    tl_map_slot *s = &m->slots[i];
    if (s->key == NULL)
      return NULL;
    if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)
      return s;
  }
}

tl_map_slot *tl_map_find(const tl_map *m, const char *key, size_t len)
{
  if (m->cap == 0)
    return NULL;
  return find_hashed(m, key, len, hash_bytes(key, len));
}

tl_map_slot *tl_map_find_filtered(const tl_map *m, const char *key,
                                  size_t len)
{
  uint64_t h;

  if (m->cap == 0)
    return NULL;
  h = hash_bytes(key, len);
  if (m->filter != NULL && !tl_map_filter_has(m, h))
    return NULL; /* a word of the filter read, not a slot of the table */
  return find_hashed(m, key, len, h);
}

static void rehash(tl_map *m, size_t cap)
{
  tl_map_slot *slots = tl_xcalloc(cap, sizeof *slots);

  for (size_t i = 0; i < m->cap; i++) {
    tl_map_slot *s = &m->slots[i];
    if (s->key != NULL)
      *probe(slots, cap, s->key, s->len, s->hash) = *s;
  }
  free(m->slots);
  m->slots = slots;
  m->cap = cap;
  if (m->filtered) {
    tl_map_filter_alloc(m);
    for (size_t i = 0; i < cap; i++)
      if (slots[i].key != NULL)
        tl_map_filter_add(m, slots[i].hash);
  }
}

void tl_map_reserve(tl_map *m, size_t n)
{
  size_t cap = m->cap ? m->cap : 64;

  while (n * 2 > cap) /* tl_map_put's bound: at most half full */
    cap *= 2;
  if (cap > m->cap)
    rehash(m, cap);
}

tl_map_slot *tl_map_put(tl_map *m, const char *key, size_t len,
                        uint32_t value, bool *created)
{
  uint64_t h = tl_map_hash(key, len);
  tl_map_slot *s;

  if ((m->count + 1) * 2 > m->cap) /* at most half full: short probes */
    rehash(m, m->cap ? m->cap * 2 : 64);
  s = probe(m->slots, m->cap, key, len, h);
  if (created != NULL)
    *created = s->key == NULL;
  if (s->key == NULL) {
    s->key = tl_arena_strndup(&m->keys, key, len);
    s->len = (uint32_t)len;
    s->hash = h;
    s->value = value;
    m->count++;
    if (m->filter != NULL)
      tl_map_filter_add(m, h);
  }
  return s;
}
