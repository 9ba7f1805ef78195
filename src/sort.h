/* Sorting arrays by an integer key in linear time. */
#ifndef TL_SORT_H
#define TL_SORT_H

#include <stddef.h>
#include <stdint.h>

/* Sort the @n elements of @size bytes at @base by the key @key gives each,
 * keeping the order of elements with equal keys (stable, as glibc's merge
 * sort behind qsort is): a radix sort of the keys, 8 bits a pass, skipping
 * the passes where every key has the same byte, then one move of the
 * elements, in place (a cycle of the permutation at a time: no copy of
 * the array). Sorting by a second key, then by a first, sorts by both. */
void tl_sort_stable(void *base, size_t n, size_t size,
                    uint64_t (*key)(const void *));

/* The same order as tl_sort_stable when every key is below @nkeys (ids
 * given in order of first use, such as a map's values): a counting sort,
 * one pass of the keys and 8 bytes an element beside the array, moved in
 * place. A key at or above @nkeys falls back to tl_sort_stable. */
void tl_sort_stable_dense(void *base, size_t n, size_t size,
                          uint64_t (*key)(const void *), size_t nkeys);

#endif
