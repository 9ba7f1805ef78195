#include "cachefile.h"
#include "msg.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool tl_cachefile_read(const char *path, unsigned char **out, size_t *len,
                       bool *missing)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  unsigned char *d;
  size_t got = 0;

  *missing = false;
  if (fd < 0) {
    *missing = errno == ENOENT || errno == ENOTDIR;
    return false;
  }
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0 ||
      (uint64_t)st.st_size > (uint64_t)1 << 31) {
    int e = S_ISREG(st.st_mode) ? EFBIG : EINVAL;
    close(fd);
    errno = e;
    return false;
  }
  d = tl_xmalloc((size_t)st.st_size + 1);
  while (got < (size_t)st.st_size) {
    ssize_t r = read(fd, d + got, (size_t)st.st_size - got);
    if (r <= 0) {
      if (r < 0 && errno == EINTR)
        continue;
      break;
    }
    got += (size_t)r;
  }
  close(fd);
  *out = d;
  *len = got;
  return true;
}

bool tl_cachefile_mkdir(const char *dir)
{
  char *p = tl_xstrdup(dir);
  bool ok = true;

  for (char *q = p + 1; ok && *q != '\0'; q++)
    if (*q == '/') {
      *q = '\0';
      ok = mkdir(p, 0700) == 0 || errno == EEXIST;
      *q = '/';
    }
  ok = ok && (mkdir(p, 0700) == 0 || errno == EEXIST);
  free(p);
  return ok;
}

tl_status tl_cachefile_write(const char *dir, const char *path,
                             const char *prefix, const void *data, size_t len,
                             tl_error *err)
{
  tl_buf tmp;
  int fd;
  size_t done = 0;
  tl_status st = TL_OK;

  tl_buf_init(&tmp);
  tl_buf_printf(&tmp, "%s/%sXXXXXX", dir, prefix);
  fd = mkstemp(tmp.p);
  if (fd < 0) {
    st = tl_error_set(err, TL_EIO, "%s: %s", dir, tl_strerror(errno));
    tl_buf_fini(&tmp);
    return st;
  }
  while (done < len) {
    ssize_t w = write(fd, (const char *)data + done, len - done);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      break;
    done += (size_t)w;
  }
  if (done < len || close(fd) != 0 || rename(tmp.p, path) != 0) {
    st = tl_error_set(err, TL_EIO, "%s: %s", path,
                      tl_strerror(errno ? errno : EIO));
    if (done < len)
      close(fd);
    unlink(tmp.p);
  }
  tl_buf_fini(&tmp);
  return st;
}
