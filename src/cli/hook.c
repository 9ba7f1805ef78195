/* tradlint install-hook [--force]: a git pre-commit hook that runs
 * `tradlint check --staged`. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HOOK_MARK "# written by tradlint install-hook"

enum { OPT_FORCE = CLI_COMMAND_KEYS };

static const cli_option hook_options[] = {
    {"force", OPT_FORCE, NULL,
     N_("substitui um gancho pre-commit que não foi escrito\n"
     "pelo tradlint")},
    {NULL, 0, NULL, NULL},
};

/* Write @s for sh inside single quotes: ' becomes '\''. */
static void put_sh_quoted(FILE *fp, const char *s)
{
  fputc('\'', fp);
  for (; *s != '\0'; s++) {
    if (*s == '\'')
      fputs("'\\''", fp);
    else
      fputc(*s, fp);
  }
  fputc('\'', fp);
}

/* Whether the hook at @path is missing or was written by us. */
static bool hook_is_ours(const char *path)
{
  FILE *fp = fopen(path, "r");
  char line[256];
  bool ours = false;

  if (fp == NULL)
    return true;
  while (fgets(line, sizeof line, fp) != NULL)
    ours |= strncmp(line, HOOK_MARK, strlen(HOOK_MARK)) == 0;
  fclose(fp);
  return ours;
}

int cli_install_hook(const cli_ctx *cx, int argc, char **argv)
{
  static const cli_option *const groups[] = {hook_options, NULL};
  char *const args[] = {"git", "rev-parse", "--git-path", "hooks", NULL};
  char *dir = NULL, path[PATH_MAX + 32], exe[PATH_MAX];
  bool force = false;
  size_t len;
  FILE *fp;
  ssize_t n;
  cli_parser p;
  int k;

  cli_parser_init(&p, cx, argc, argv, groups);
  while ((k = cli_next(&p)) != CLI_END) {
    if (k == CLI_OPERAND) {
      cli_usage_error(cx, _("argumento inesperado '%s'"), p.val);
      k = CLI_FAIL;
    }
    if (k == CLI_FAIL || k == CLI_HELP) {
      cli_parser_fini(&p);
      return k == CLI_HELP ? 0 : CLI_EXIT_TROUBLE;
    }
    if (k == OPT_FORCE)
      force = true;
  }
  cli_parser_fini(&p);
  if (cx->validate_only)
    return 0;
  if (cli_git(args, &dir, &len) != 0 || len == 0) {
    cli_error(_("não é um repositório git (git rev-parse falhou)"));
    free(dir);
    return CLI_EXIT_TROUBLE;
  }
  while (len > 0 && (dir[len - 1] == '\n' || dir[len - 1] == '\r'))
    dir[--len] = '\0';
  mkdir(dir, 0755);
  snprintf(path, sizeof path, "%s/pre-commit", dir);
  free(dir);
  if (!hook_is_ours(path) && !force) {
    cli_error(_("%s já existe e não foi escrito pelo tradlint; use 'tradlint "
              "install-hook --force' para substituí-lo"),
              path);
    return CLI_EXIT_TROUBLE;
  }
  n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = '\0';
  fp = fopen(path, "w");
  if (fp == NULL) {
    cli_error("%s: %s", path, tl_strerror(errno));
    return CLI_EXIT_TROUBLE;
  }
  fputs("#!/bin/sh\n" HOOK_MARK "\n"
        "# Checks the staged Markdown and text files; blocks the commit on "
        "errors.\n"
        "if command -v tradlint >/dev/null 2>&1; then exec tradlint check "
        "--staged; fi\n"
        "exec ",
        fp);
  put_sh_quoted(fp, n > 0 ? exe : "tradlint");
  fputs(" check --staged\n", fp);
  if (fclose(fp) != 0 || chmod(path, 0755) != 0) {
    cli_error("%s: %s", path, tl_strerror(errno));
    return CLI_EXIT_TROUBLE;
  }
  printf(_("tradlint: gancho instalado em %s\n"), path);
  return 0;
}
