/* Paths: walking folders for articles, relative paths. */
#ifndef TL_WALK_H
#define TL_WALK_H

#include "buf.h"

/* @path relative to @root when it lies under it, else absolute; a path that
 * cannot be resolved ("-") is returned as given. Owned by the caller. */
char *tl_path_relative(const char *root, const char *path);

#endif
