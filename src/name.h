/* One sanitizer for names (file paths, and messages that quote them) in
 * every output: a file name is bytes, not necessarily UTF-8, and may hold
 * control characters. Each function appends n bytes of @s to @b made safe
 * for one kind of output. */
#ifndef TL_NAME_H
#define TL_NAME_H

#include "buf.h"

/* For a terminal (text report, messages on standard error): valid UTF-8
 * kept; an invalid byte, a C0/C1 control or DEL becomes "\xNN", a bidi
 * override or isolate (U+202A-U+202E, U+2066-U+2069) "\u{NNNN}": nothing
 * that moves the cursor, changes colours or reorders the line. */
void tl_name_add_text(tl_buf *b, const char *s, size_t n);

/* Valid UTF-8 for JSON and HTML strings: an invalid byte becomes the four
 * characters "\xNN"; the rest is kept (JSON and HTML escape controls). */
void tl_name_add_utf8(tl_buf *b, const char *s, size_t n);

/* A relative URI reference (SARIF artifact URIs, HTML links): every byte
 * but the unreserved ones (A-Z a-z 0-9 - . _ ~) and '/' percent-encoded,
 * so that it is ASCII, lossless, and a backslash or a colon stays part of
 * the name. */
void tl_name_add_uri(tl_buf *b, const char *s, size_t n);

/* Whether s[0..n) is printable ASCII: every sanitizer keeps it as it is
 * (but tl_name_add_uri). */
bool tl_name_is_plain(const char *s, size_t n);
/* Whether s[0..n) comes out of tl_name_add_text (@terminal) or
 * tl_name_add_utf8 unchanged. */
bool tl_name_is_safe(const char *s, size_t n, bool terminal);

#endif
