/* Fault injection for tests/fault.sh, loaded with LD_PRELOAD: makes
 * write(), fsync() or rename() fail (TL_FAIL=write|fsync|rename, errno
 * EIO, or ENOSPC for write) on files whose path contains $TL_FAIL_MATCH
 * (default ".tradlint-", the temporary files of tl_write_file_atomic). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static const char *match(void)
{
  const char *m = getenv("TL_FAIL_MATCH");
  return m != NULL && m[0] != '\0' ? m : ".tradlint-";
}

static int failing(const char *what)
{
  const char *f = getenv("TL_FAIL");
  return f != NULL && strcmp(f, what) == 0;
}

static int fd_matches(int fd)
{
  char link[64], path[PATH_MAX];
  ssize_t n;

  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  n = readlink(link, path, sizeof path - 1);
  if (n <= 0)
    return 0;
  path[n] = '\0';
  return strstr(path, match()) != NULL;
}

ssize_t write(int fd, const void *buf, size_t count)
{
  static ssize_t (*real)(int, const void *, size_t);
  if (real == NULL)
    real = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
  if (failing("write") && fd > 2 && fd_matches(fd)) {
    errno = ENOSPC;
    return -1;
  }
  return real(fd, buf, count);
}

int fsync(int fd)
{
  static int (*real)(int);
  if (real == NULL)
    real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  if (failing("fsync") && fd_matches(fd)) {
    errno = EIO;
    return -1;
  }
  return real(fd);
}

int rename(const char *from, const char *to)
{
  static int (*real)(const char *, const char *);
  if (real == NULL)
    real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
  if (failing("rename") && strstr(from, match()) != NULL) {
    errno = EIO;
    return -1;
  }
  return real(from, to);
}
