/* Inline suppressions (<!-- tradlint-disable ... -->). */
#ifndef TL_SUPPRESS_H
#define TL_SUPPRESS_H

#include "diag.h"

/* Remove the findings the document's directives suppress; with
 * @report_unused, add a suppression.unused finding for each directive that
 * suppressed nothing. Call after tl_result_finish; call it again after when
 * it returns true (findings were added). Removing findings leaves a
 * finished result finished: sorted, without duplicates, located. */
bool tl_suppress_apply(tl_result *r, bool report_unused);

#endif
