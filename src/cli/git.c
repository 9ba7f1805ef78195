/* Git, spawned without a shell: what is staged, and the content of a blob.
 * Staged files are named by `git diff --cached --raw -z`, which gives each
 * path with its mode and blob id, and read with `git cat-file blob ID`:
 * never by a "rev:path" spec, which git would parse (a file named
 * "0:a.md" is not stage 0 of "a.md"). */
#include "cli.h"

#include <errno.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int cli_git(char *const args[], char **out, size_t *len)
{
  int pipefd[2], status = -1;
  pid_t pid;
  posix_spawn_file_actions_t fa;
  char chunk[65536];
  size_t cap = 0;
  ssize_t n;

  *out = NULL;
  *len = 0;
  if (pipe(pipefd) != 0)
    return -1;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, pipefd[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&fa, pipefd[0]);
  if (posix_spawnp(&pid, "git", &fa, NULL, args, environ) != 0) {
    posix_spawn_file_actions_destroy(&fa);
    close(pipefd[0]);
    close(pipefd[1]);
    return -1;
  }
  posix_spawn_file_actions_destroy(&fa);
  close(pipefd[1]);
  while ((n = read(pipefd[0], chunk, sizeof chunk)) != 0) {
    if (n < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    if (*len + (size_t)n + 1 > cap) {
      if (*len > (SIZE_MAX - 1) / 2 - (size_t)n)
        cli_oom();
      cap = (*len + (size_t)n + 1) * 2;
      *out = realloc(*out, cap);
      if (*out == NULL)
        cli_oom();
    }
    memcpy(*out + *len, chunk, (size_t)n);
    *len += (size_t)n;
  }
  close(pipefd[0]);
  if (*out == NULL) {
    *out = calloc(1, 1);
    if (*out == NULL)
      cli_oom();
  } else {
    (*out)[*len] = '\0';
  }
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static bool is_article(const char *p)
{
  size_t n = strlen(p);
  return (n > 3 && strcmp(p + n - 3, ".md") == 0) ||
         (n > 9 && strcmp(p + n - 9, ".markdown") == 0) ||
         (n > 4 && strcmp(p + n - 4, ".txt") == 0);
}

int cli_git_staged(tl_strv *paths, tl_strv *blobs)
{
  /* ":OLDMODE NEWMODE OLDID NEWID STATUS\0PATH\0" (two paths for a copy
   * or a rename); --no-renames: a renamed file is a new one here */
  char *const args[] = {"git",         "diff",         "--cached",
                        "--raw",       "-z",           "--no-abbrev",
                        "--no-renames", "--diff-filter=ACMR", NULL};
  char *out;
  size_t len, k = 0;

  if (cli_git(args, &out, &len) != 0) {
    cli_error(_("git diff --cached falhou (é um repositório git?)"));
    free(out);
    return CLI_EXIT_TROUBLE;
  }
  while (k < len && out[k] == ':') {
    char *meta = out + k, *path, *fields[5];
    size_t nf = 0, mlen = strlen(meta);
    /* the metadata, then one path (two for C and R) */
    for (char *f = strtok(meta + 1, " "); f != NULL && nf < 5;
         f = strtok(NULL, " "))
      fields[nf++] = f;
    k += mlen + 1;
    if (k >= len || nf < 5)
      break;
    path = out + k;
    k += strlen(path) + 1;
    if ((fields[4][0] == 'C' || fields[4][0] == 'R') && k < len) {
      path = out + k; /* the new name */
      k += strlen(path) + 1;
    }
    /* regular files only: 100644 or 100755; a symlink (120000) holds a
     * path and a submodule (160000) a commit, not an article */
    if (strncmp(fields[1], "100", 3) != 0 || !is_article(path))
      continue;
    tl_strv_push(paths, path);
    tl_strv_push(blobs, fields[3]);
  }
  free(out);
  return 0;
}

int cli_git_blob(const char *id, const char *path, char **data, size_t *len)
{
  char oid[128];
  char *const args[] = {"git", "cat-file", "blob", oid, NULL};

  snprintf(oid, sizeof oid, "%s", id);
  if (cli_git(args, data, len) != 0) {
    cli_error(_("%s: não foi possível ler do índice do git"), path);
    free(*data);
    *data = NULL;
    return CLI_EXIT_TROUBLE;
  }
  return 0;
}
