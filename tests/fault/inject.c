/* Fault injection for tests/fault.sh, loaded with LD_PRELOAD: makes
 * write(), fsync() or rename() fail (TL_FAIL=write|fsync|rename, errno
 * EIO, or ENOSPC for write) on files whose path contains $TL_FAIL_MATCH
 * (default ".tradlint-", the temporary files of tl_write_file_atomic).
 * Two more behaviours on those files' writes:
 *   TL_SLOW_US=N   each write() writes at most 64 bytes and then sleeps
 *                  N microseconds, so that a kill lands in mid-write;
 *   TL_APPEND=TEXT before the first write, TEXT is appended to the
 *                  original (the temporary file's name without its
 *                  ".tradlint-XXXXXX"), as an editor saving meanwhile.
 * TL_FAIL_AFTER=N spares the first N failures (a disk that fills up).
 * And TL_FSYNC_LOG=FILE appends "dir PATH" to FILE for every fsync() of a
 * folder (whatever its name). */
#include <fcntl.h>
#include <sys/stat.h>
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

/* TL_FAIL_AFTER=N: the first N calls that would fail succeed (a disk
 * that fills up in mid-run). */
static int failing(const char *what)
{
  static long spared;
  const char *f = getenv("TL_FAIL"), *after = getenv("TL_FAIL_AFTER");
  if (f == NULL || strcmp(f, what) != 0)
    return 0;
  if (after != NULL && spared < atol(after)) {
    spared++;
    return 0;
  }
  return 1;
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

/* The original of temporary file open on @fd: its path without the
 * ".tradlint-XXXXXX" suffix. */
static int original_of(int fd, char *out, size_t n)
{
  char link[64];
  ssize_t got;
  char *dot;

  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  got = readlink(link, out, n - 1);
  if (got <= 0)
    return 0;
  out[got] = '\0';
  dot = strstr(out, ".tradlint-");
  if (dot == NULL)
    return 0;
  *dot = '\0';
  return 1;
}

ssize_t write(int fd, const void *buf, size_t count)
{
  static ssize_t (*real)(int, const void *, size_t);
  static int appended;
  const char *slow = getenv("TL_SLOW_US"), *append = getenv("TL_APPEND");
  if (real == NULL)
    real = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
  if (fd <= 2 || !fd_matches(fd))
    return real(fd, buf, count);
  if (failing("write")) {
    errno = ENOSPC;
    return -1;
  }
  if (append != NULL && !appended) {
    char orig[PATH_MAX];
    FILE *fp;
    appended = 1;
    if (original_of(fd, orig, sizeof orig) && (fp = fopen(orig, "a")) != NULL) {
      fputs(append, fp);
      fclose(fp);
    }
  }
  if (slow != NULL && slow[0] != '\0') {
    ssize_t w = real(fd, buf, count < 64 ? count : 64);
    usleep((useconds_t)atol(slow));
    return w;
  }
  return real(fd, buf, count);
}

/* SQLite writes with pwrite: a full disk there too (TL_FAIL=write). */
ssize_t pwrite(int fd, const void *buf, size_t count, off_t off)
{
  static ssize_t (*real)(int, const void *, size_t, off_t);
  if (real == NULL)
    real = (ssize_t(*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT,
                                                               "pwrite");
  if (failing("write") && fd > 2 && fd_matches(fd)) {
    errno = ENOSPC;
    return -1;
  }
  return real(fd, buf, count, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t count, __off64_t off)
{
  static ssize_t (*real)(int, const void *, size_t, __off64_t);
  if (real == NULL)
    real = (ssize_t(*)(int, const void *, size_t, __off64_t))dlsym(RTLD_NEXT,
                                                                 "pwrite64");
  if (failing("write") && fd > 2 && fd_matches(fd)) {
    errno = ENOSPC;
    return -1;
  }
  return real(fd, buf, count, off);
}

int fsync(int fd)
{
  static int (*real)(int);
  const char *log = getenv("TL_FSYNC_LOG");
  struct stat st;
  if (real == NULL)
    real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  if (log != NULL && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    char link[64], path[PATH_MAX];
    ssize_t n;
    FILE *fp;
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    n = readlink(link, path, sizeof path - 1);
    path[n > 0 ? n : 0] = '\0';
    if ((fp = fopen(log, "a")) != NULL) {
      fprintf(fp, "dir %s\n", path);
      fclose(fp);
    }
  }
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
