/* Input: whole-file reading, UTF-8 validation, binary refusal, BOM, and
 * line/column of byte offsets (CR, LF and CRLF line ends). */
#ifndef TL_INPUT_H
#define TL_INPUT_H

#include "buf.h"

/* Read all of @path ("-": standard input) into a new NUL-terminated buffer. */
tl_status tl_input_read(const char *path, char **data, size_t *len,
                        tl_error *err);

/* Validate @data as a text document: no NUL byte, valid UTF-8. *start gets
 * the offset of the text after a UTF-8 BOM (0 or 3). Errors name
 * path:line:column of the first bad byte. */
tl_status tl_input_check(const char *path, const char *data, size_t len,
                         size_t *start, tl_error *err);

/* Line starts of a document, for turning offsets into line and column. */
typedef struct tl_lines {
  const char *data;
  size_t len, bom;
  size_t *starts;
  size_t n;
} tl_lines;

void tl_lines_init(tl_lines *li, const char *data, size_t len, size_t bom);
void tl_lines_fini(tl_lines *li);
/* 1-based line of offset @off. */
unsigned tl_lines_line(const tl_lines *li, size_t off);
/* 1-based line and column (code points, BOM not counted) of offset @off. */
void tl_lines_locate(const tl_lines *li, size_t off, unsigned *line,
                     unsigned *col);
/* The bytes of line @line (1-based), without its line end. */
tl_span tl_lines_get(const tl_lines *li, unsigned line);

#endif
