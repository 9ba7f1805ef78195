/* Replays a corpus through a libFuzzer target without libFuzzer, so that
 * `make check` runs the targets with any compiler: each argument is a file
 * or a folder of files. Prints "fuzz-NAME: N passed, 0 failed". */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t runs;

static void run_file(const char *path)
{
  FILE *fp = fopen(path, "rb");
  uint8_t *buf = NULL;
  size_t len = 0, cap = 0, n;
  uint8_t chunk[65536];

  if (fp == NULL) {
    perror(path);
    exit(2);
  }
  while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
    if (len + n > cap) {
      cap = (len + n) * 2;
      buf = realloc(buf, cap);
      if (buf == NULL)
        abort();
    }
    memcpy(buf + len, chunk, n);
    len += n;
  }
  fclose(fp);
  LLVMFuzzerTestOneInput(buf != NULL ? buf : (const uint8_t *)"", len);
  free(buf);
  runs++;
}

static void run_path(const char *path)
{
  struct stat st;
  DIR *d;
  struct dirent *e;

  if (stat(path, &st) != 0) {
    perror(path);
    exit(2);
  }
  if (!S_ISDIR(st.st_mode)) {
    run_file(path);
    return;
  }
  d = opendir(path);
  while (d != NULL && (e = readdir(d)) != NULL) {
    char p[4096];
    if (e->d_name[0] == '.')
      continue;
    snprintf(p, sizeof p, "%s/%s", path, e->d_name);
    run_path(p);
  }
  if (d != NULL)
    closedir(d);
}

int main(int argc, char **argv)
{
  const char *name = getenv("FUZZ_NAME");

  for (int i = 1; i < argc; i++)
    run_path(argv[i]);
  printf("fuzz-%s: %zu passed, 0 failed\n", name ? name : "replay", runs);
  return 0;
}
