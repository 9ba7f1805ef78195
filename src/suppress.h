/* Inline suppressions (<!-- tradlint-disable ... -->). */
#ifndef TL_SUPPRESS_H
#define TL_SUPPRESS_H

#include "diag.h"

/* Remove the findings the document's directives suppress; with
 * @report_unused, add a suppression.unused finding for each directive that
 * suppressed nothing. Call after tl_result_finish; call it again after. */
void tl_suppress_apply(tl_result *r, bool report_unused);

#endif
