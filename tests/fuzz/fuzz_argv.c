/* libFuzzer target: the command layer. The input's NUL-separated pieces
 * are an argument vector (after "tradlint"), given to cli_dispatch with
 * validate_only: commands, options (getopt_long, abbreviations, values),
 * operands and the configuration files the arguments name are parsed and
 * validated; nothing is checked or written and git is not run. It runs in
 * a temporary folder of small files the arguments may name: articles, a
 * glossary, word lists, configurations with long lists, duplicate keys or
 * empty paths, a folder and a FIFO. */
#include "tradlint.h"
#include "cli/cli.h"

#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_ARGS = 128 };

static void put(const char *path, const char *text)
{
  FILE *fp = fopen(path, "w");

  if (fp == NULL || fputs(text, fp) < 0 || fclose(fp) != 0) {
    perror(path);
    abort();
  }
}

/* "KEY = ["PREFIX1SUFFIX", ...]" with @n items ("" when no PREFIX). */
static void put_list(const char *path, const char *key, const char *prefix,
                     const char *suffix, int n)
{
  FILE *fp = fopen(path, "w");

  if (fp == NULL)
    abort();
  fprintf(fp, "%s = [", key);
  for (int i = 1; i <= n; i++) {
    if (prefix[0] != '\0')
      fprintf(fp, "%s\"%s%d%s\"", i > 1 ? ", " : "", prefix, i, suffix);
    else
      fprintf(fp, "%s\"\"", i > 1 ? ", " : "");
  }
  fprintf(fp, "]\n");
  fclose(fp);
}

static char dir[] = "/tmp/tradlint-fuzz-argv-XXXXXX";
static int home = -1;      /* the folder the fuzzer runs in */
static FILE *devnull;

static int remove_one(const char *path, const struct stat *sb, int flag,
                      struct FTW *ftw)
{
  (void)sb;
  (void)flag;
  (void)ftw;
  remove(path); /* best effort: a leftover is harmless */
  return 0;
}

/* Remove the temporary folder at exit. */
static void cleanup(void)
{
  nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void setup(void)
{
  char name[64];

  home = open(".", O_RDONLY | O_DIRECTORY);
  devnull = fopen("/dev/null", "w");
  if (home < 0 || devnull == NULL || mkdtemp(dir) == NULL || chdir(dir) != 0) {
    perror("fuzz_argv: temporary folder");
    abort();
  }
  atexit(cleanup);
  put("a.md", "O modelo foi treinado.\n");
  put("b.txt", "texto simples\n");
  put("g.tsv", "id\tpreferred\tforbidden\nx\tajuste fino\tafinação\n");
  put("w.txt", "Zhipu\n");
  for (int i = 1; i <= 12; i++) {
    snprintf(name, sizeof name, "w%d.txt", i);
    put(name, "Tsinghua\n");
    snprintf(name, sizeof name, "g%d.tsv", i);
    put(name, "id\tpreferred\n");
  }
  put_list("words12.toml", "words", "w", ".txt", 12);
  put_list("glossary12.toml", "glossary", "g", ".tsv", 12);
  put_list("empty301.toml", "glossary", "", "", 301);
  put("dup.toml", "fail-on = \"warning\"\nfail-on = \"error\"\n");
  put("rules.toml", "[rules]\nspelling = \"warning\"\n[rules]\n");
  put(".tradlint.toml", "glossary = [\"g.tsv\"]\nwords = [\"w.txt\"]\n"
                        "ignore = [\"b.txt\"]\n[rules]\nnumber = \"off\"\n");
  mkdir("pasta", 0755);
  put("pasta/c.md", "Outro texto.\n");
  mkfifo("fifo.toml", 0644);
  unsetenv("TRADLINT_DB");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static bool ready;
  char *copy, *argv[MAX_ARGS + 2];
  int argc = 0;
  FILE *out, *err;

  if (!ready) {
    setup();
    ready = true;
    if (fchdir(home) != 0)
      abort();
  }
  copy = malloc(size + 1);
  if (copy == NULL)
    abort();
  memcpy(copy, data, size);
  copy[size] = '\0';
  argv[argc++] = "tradlint";
  for (size_t k = 0; k <= size && argc < MAX_ARGS + 1;) {
    argv[argc++] = copy + k;
    k += strlen(copy + k) + 1;
  }
  argv[argc] = NULL;
  /* in the temporary folder, help and messages going nowhere (glibc:
   * stdout and stderr are variables; the sanitizers still report on file
   * descriptor 2); then back, for the fuzzer's own files and output */
  if (chdir(dir) != 0)
    abort();
  out = stdout;
  err = stderr;
  stdout = stderr = devnull;
  cli_dispatch(argc, argv, true);
  stdout = out;
  stderr = err;
  if (fchdir(home) != 0)
    abort();
  free(copy);
  return 0;
}
