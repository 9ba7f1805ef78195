/* Baselines (tl_baseline in tradlint.h): the fingerprints of findings
 * known before, so that reports leave them out. */
#ifndef TL_BASELINE_H
#define TL_BASELINE_H

#include "buf.h"

#include <stdint.h>

/* Whether @b holds the finding fingerprint @fp. */
bool tl_baseline_has(const tl_baseline *b, uint64_t fp);

#endif
