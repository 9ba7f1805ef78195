/* Input: whole-file reading, UTF-8 validation, binary refusal, BOM, and
 * line/column of byte offsets (CR, LF and CRLF line ends). */
#ifndef TL_INPUT_H
#define TL_INPUT_H

#include "buf.h"

#include <sys/stat.h>

#include <stdio.h>

/* The identity of a file as it was read, to tell later whether it changed
 * (tl_fix_write refuses to replace a file edited meanwhile). */
typedef struct tl_file_id {
  bool valid; /* false: standard input, or a buffer */
  unsigned long long dev, ino, size;
  long long mtime_sec, mtime_nsec;
  uint64_t hash; /* tl_hash of the content */
} tl_file_id;

/* Open @path for reading if it is a regular file of at most @max bytes
 * (0: TL_INPUT_MAX_DEFAULT). A FIFO, a device, a socket or a folder is
 * refused without blocking, as is a larger file (the message names the
 * file and --max-size). @what names the file's role in messages ("o
 * glossário"); @st gets the error status. *@fp is NULL on error. */
tl_status tl_input_open(const char *path, size_t max, const char *what,
                        tl_status st, FILE **fp, struct stat *sb,
                        tl_error *err);

/* Read all of @path ("-": standard input) into a new NUL-terminated buffer,
 * refusing more than @max bytes (0: TL_INPUT_MAX_DEFAULT) and anything but
 * a regular file or standard input. @id (may be NULL) gets the file's
 * identity. */
tl_status tl_input_read(const char *path, size_t max, char **data,
                        size_t *len, tl_file_id *id, tl_error *err);

/* Whether the file at @path still has identity @id: same device, inode,
 * size, modification time and content. */
bool tl_input_unchanged(const char *path, const tl_file_id *id);

/* "64 MiB", "1500 bytes": a size for messages. */
void tl_input_size_name(size_t n, char *out, size_t outlen);

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
/* Code points in p[0..n): the bytes that are not UTF-8 continuation bytes
 * (10xxxxxx), counted eight at a time. */
size_t tl_count_cps(const char *p, size_t n);

#endif
