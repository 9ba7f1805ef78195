/* The document of a result as HTML (Markdown rendered by md4c-html, plain
 * text as preformatted text), its findings highlighted in place. */
#ifndef TL_RENDER_H
#define TL_RENDER_H

#include "diag.h"

/* Append the opening <mark ...> of finding @i to @out. */
typedef void (*tl_render_open_fn)(void *ud, size_t i, tl_buf *out);

/* Append the document of @r as HTML to @out; each finding that
 * tl_render_in_place accepts is wrapped in open(ud, i) ... </mark>. */
void tl_render_document(const tl_result *r, tl_render_open_fn open, void *ud,
                        tl_buf *out);

/* Whether finding @i of @r is highlighted in place (else only listed). */
bool tl_render_in_place(const tl_result *r, size_t i);

#endif
