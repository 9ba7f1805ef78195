/* Paths: walking folders for articles, relative paths. */
#ifndef TL_WALK_H
#define TL_WALK_H

#include "buf.h"

/* @path relative to @root when it lies under it, else absolute; a path that
 * cannot be resolved ("-") is returned as given. Owned by the caller. */
char *tl_path_relative(const char *root, const char *path);

/* The files of folder @dir whose names end with @ext (".tsv"), hidden ones
 * left out, as "dir/name" in name order (free each and the array). NULL,
 * with errno set, when the folder cannot be read. */
char **tl_dir_files(const char *dir, const char *ext, size_t *n);

#endif
