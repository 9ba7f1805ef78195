/* XLIFF 1.2 and 2.0 files: checked in source mode, unit by unit, with
 * findings located in the file itself. */
#ifndef TL_XLIFF_H
#define TL_XLIFF_H

#include "buf.h"

/* Whether the document at @path is XLIFF: its extension (.xlf, .xliff) or
 * an XML declaration followed by an <xliff> element. */
bool tl_xliff_is(const char *path, const char *data, size_t len);

/* Check the targets of the XLIFF document @raw against its sources: the
 * plain checks on the targets' text and the source checks unit by unit.
 * Offsets of findings (and of their related locations) are bytes of @raw;
 * the result's text is @raw, so that fixes write into the target elements
 * only. A malformed file or another version than 1.2 and 2.x is an error
 * naming file:line. */
tl_status tl_xliff_lint(tl_linter *l, const char *path, const char *raw,
                        size_t len, tl_result **out, tl_error *err);

#endif
