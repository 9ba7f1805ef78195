/* Sorting arrays by an integer key in linear time. */
#ifndef TL_SORT_H
#define TL_SORT_H

#include <stddef.h>
#include <stdint.h>

/* Sort the @n elements of @size bytes at @base by the key @key gives each,
 * keeping the order of elements with equal keys (stable, as glibc's merge
 * sort behind qsort is): a radix sort of the keys, 8 bits a pass, skipping
 * the passes where every key has the same byte, then one move of the
 * elements. Sorting by a second key, then by a first, sorts by both. */
void tl_sort_stable(void *base, size_t n, size_t size,
                    uint64_t (*key)(const void *));

#endif
