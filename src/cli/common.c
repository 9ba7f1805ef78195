/* Helpers every command uses: messages, "você quis dizer", data folders,
 * the archive root, numbers, closing stdout. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void cli_usage_error(const cli_ctx *cx, const char *fmt, ...)
{
  va_list ap;

  fprintf(stderr, "tradlint: ");
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  if (cx != NULL && cx->cmd != NULL)
    fprintf(stderr, _("\nuse 'tradlint %s --help' para ver as opções\n"),
            cx->cmd->name);
  else
    fprintf(stderr, _("\nuse 'tradlint --help' para ver os comandos\n"));
}

bool cli_set_lang(const cli_ctx *cx, const char *val)
{
  tl_lang lang;

  if (!tl_lang_parse(val, &lang)) {
    cli_usage_error(cx, _("idioma desconhecido '%s' (use pt ou en)"), val);
    return false;
  }
  tl_lang_set(lang);
  return true;
}

void cli_error(const char *fmt, ...)
{
  va_list ap;

  fflush(stdout); /* what was reported so far comes first */
  fprintf(stderr, _("tradlint: erro: "));
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

/* Edit distance between @a and @b (bytes): insertions, deletions,
 * substitutions and swaps of two neighbours each count one; capped at 99. */
static size_t distance(const char *a, const char *b)
{
  size_t la = strlen(a), lb = strlen(b);
  unsigned char d[40][40];

  if (la >= 40 || lb >= 40)
    return 99;
  for (size_t i = 0; i <= la; i++)
    d[i][0] = (unsigned char)i;
  for (size_t j = 0; j <= lb; j++)
    d[0][j] = (unsigned char)j;
  for (size_t i = 1; i <= la; i++)
    for (size_t j = 1; j <= lb; j++) {
      unsigned best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
      if (d[i - 1][j] + 1u < best)
        best = d[i - 1][j] + 1u;
      if (d[i][j - 1] + 1u < best)
        best = d[i][j - 1] + 1u;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          d[i - 2][j - 2] + 1u < best)
        best = d[i - 2][j - 2] + 1u;
      d[i][j] = (unsigned char)best;
    }
  return d[la][lb];
}

const char *cli_closest(const char *word, const char *const *names, size_t n)
{
  size_t best = 99, len = strlen(word);
  const char *found = NULL;
  /* a typo: at most one edit in a short word, two in a longer one */
  size_t limit = len <= 4 ? 1 : 2;

  for (size_t i = 0; i < n; i++) {
    size_t d = distance(word, names[i]);
    if (d < best) {
      best = d;
      found = names[i];
    }
  }
  return best <= limit ? found : NULL;
}

bool cli_is_dir(const char *p)
{
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

void cli_oom(void)
{
  const char *msg = _("tradlint: memória esgotada (ou recursos do "
                      "sistema, como threads)\n");
  if (write(STDERR_FILENO, msg, strlen(msg)) < 0)
    _exit(2);
  _exit(2);
}

char *cli_data_dir(const char *name)
{
  char *p = tl_data_path(name);

  if (p == NULL)
    cli_oom();
  return p;
}

static char *xstrdup(const char *s)
{
  char *d = strdup(s);
  if (d == NULL)
    cli_oom();
  return d;
}

char *cli_archive_root(void)
{
  char dir[PATH_MAX], probe[PATH_MAX + 32], *git = NULL;

  if (getcwd(dir, sizeof dir) == NULL)
    return xstrdup(".");
  for (;;) {
    struct stat st;
    char *slash;
    snprintf(probe, sizeof probe, "%s/.tradlint.toml", dir);
    if (stat(probe, &st) == 0) {
      free(git);
      return xstrdup(dir);
    }
    snprintf(probe, sizeof probe, "%s/.git", dir);
    if (git == NULL && stat(probe, &st) == 0)
      git = xstrdup(dir);
    slash = strrchr(dir, '/');
    if (slash == NULL || slash == dir)
      break;
    *slash = '\0';
  }
  if (git != NULL)
    return git;
  return getcwd(dir, sizeof dir) != NULL ? xstrdup(dir) : xstrdup(".");
}

char *cli_archive_name(const char *root)
{
  char *args[] = {"git", "-C", (char *)(uintptr_t)root, "config", "--get",
                  "remote.origin.url", NULL};
  char *url = NULL, dir[PATH_MAX];
  size_t len = 0;
  const char *base;

  /* the repository's name in its origin's URL: the same on every clone,
   * whatever folder it was cloned into */
  if (cli_git(args, &url, &len) == 0 && url != NULL) {
    while (len > 0 && strchr("\n\r/ ", url[len - 1]) != NULL)
      url[--len] = '\0';
    if (len > 4 && strcmp(url + len - 4, ".git") == 0)
      url[len -= 4] = '\0';
    base = url + len;
    while (base > url && base[-1] != '/' && base[-1] != ':')
      base--;
    if (*base != '\0') {
      char *name = xstrdup(base);
      free(url);
      return name;
    }
  }
  free(url);
  /* else the archive root's folder name */
  if (realpath(root, dir) == NULL)
    snprintf(dir, sizeof dir, "%s", root);
  base = strrchr(dir, '/');
  base = base != NULL ? base + 1 : dir;
  return xstrdup(*base != '\0' ? base : "default");
}

bool cli_parse_long(const char *s, long min, long max, long *out)
{
  char *end;
  long v;

  errno = 0;
  v = strtol(s, &end, 10);
  if (errno != 0 || *end != '\0' || end == s || v < min || v > max)
    return false;
  *out = v;
  return true;
}

int cli_finish_stdout(int status)
{
  if (ferror(stdout) || fclose(stdout) != 0) {
    fprintf(stderr, _("tradlint: erro ao escrever a saída: %s\n"),
            tl_strerror(errno));
    return CLI_EXIT_TROUBLE;
  }
  return status;
}

bool cli_parse_format(const cli_ctx *cx, const char *val, const char *allowed,
                      tl_format *out)
{
  char list[256] = "";
  const char *a = allowed;
  size_t len = strlen(val);
  tl_format f;

  while (*a != '\0') { /* each allowed name, and the list for the message */
    size_t n = strcspn(a, " ");
    size_t used = strlen(list);
    if (n == len && strncmp(a, val, n) == 0 && tl_format_parse(val, &f)) {
      *out = f;
      return true;
    }
    snprintf(list + used, sizeof list - used, "%s%.*s",
             used == 0 ? "" : a[n] == '\0' ? _(" ou ") : ", ", (int)n, a);
    a += n + (a[n] == ' ');
  }
  cli_usage_error(cx, _("formato desconhecido '%s' (use %s)"), val, list);
  return false;
}
