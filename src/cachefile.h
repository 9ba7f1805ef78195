/* Files of the persistent cache ($XDG_CACHE_HOME/tradlint): read whole,
 * written atomically (a private temporary file renamed over the old one,
 * so that a run reading at the same time sees the old file or the new
 * one, never half of one), in a folder only the user may enter. */
#ifndef TL_CACHEFILE_H
#define TL_CACHEFILE_H

#include "buf.h"

/* Read the regular file @path whole into a new buffer (*out, one byte
 * more than *len, which the caller frees). False with errno set when it
 * cannot be read; *missing then tells whether it is simply absent. */
bool tl_cachefile_read(const char *path, unsigned char **out, size_t *len,
                       bool *missing);

/* Create folder @dir and its parents, private (mode 0700): the cache
 * holds the words of unpublished texts. */
bool tl_cachefile_mkdir(const char *dir);

/* Replace @path (in folder @dir, which must exist) by data[0..len): written
 * to a temporary file of @dir whose name starts with @prefix, then renamed.
 * TL_EIO with a message naming the file when it cannot be. */
tl_status tl_cachefile_write(const char *dir, const char *path,
                             const char *prefix, const void *data, size_t len,
                             tl_error *err);

#endif
