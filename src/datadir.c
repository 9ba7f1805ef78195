/* Where tradlint's data (glossary/, dictionaries/) lives. The installed
 * tree is relocatable: a binary at PREFIX/bin finds PREFIX/share/tradlint,
 * so a copy staged with DESTDIR, or moved to another prefix, works as it
 * is. See tl_data_path in tradlint.h for the order of the look-up. */
#include "buf.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_dir(const char *p)
{
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *join(const char *a, const char *b, const char *c)
{
  char *s = tl_xmalloc(strlen(a) + strlen(b) + strlen(c) + 1);
  sprintf(s, "%s%s%s", a, b, c);
  return s;
}

char *tl_data_path(const char *name)
{
  const char *env = getenv("TRADLINT_DATA_DIR");
  char exe[PATH_MAX];
  ssize_t n;

  if (env != NULL && env[0] != '\0')
    return join(env, "/", name);
  n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    char *slash, *cand;
    exe[n] = '\0';
    slash = strrchr(exe, '/');
    if (slash != NULL) {
      *slash = '\0'; /* exe is now the binary's folder */
      slash = strrchr(exe, '/');
      if (slash != NULL && strcmp(slash, "/bin") == 0) {
        /* PREFIX/bin/tradlint: PREFIX/share/tradlint/NAME */
        *slash = '\0';
        cand = join(exe, "/share/tradlint/", name);
        if (is_dir(cand))
          return cand;
        free(cand);
      } else {
        /* the source tree: build/tradlint or build/asan/tradlint */
        cand = join(exe, "/../", name);
        if (is_dir(cand))
          return cand;
        free(cand);
        cand = join(exe, "/../../", name);
        if (is_dir(cand))
          return cand;
        free(cand);
      }
    }
  }
  return join(TL_DATADIR, "/", name);
}
