/* tradlint glossary check [PATH...]: validate the glossary and count what
 * it holds. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

int cli_glossary_check(const cli_ctx *cx, int argc, char **argv)
{
  static const cli_option *const groups[] = {NULL};
  tl_strv paths = {0};
  tl_glossary_stats gs;
  tl_error err;
  cli_parser p;
  int k, status = 0;

  cli_parser_init(&p, cx, argc, argv, groups);
  while ((k = cli_next(&p)) != CLI_END && k != CLI_FAIL && k != CLI_HELP)
    if (k == CLI_OPERAND)
      tl_strv_push(&paths, p.val);
  cli_parser_fini(&p);
  if (k == CLI_FAIL || k == CLI_HELP || cx->validate_only)
    goto out;
  if (paths.n == 0)
    tl_strv_push_take(&paths, cli_data_dir("glossary"));
  if (tl_glossary_check((const char *const *)paths.v, &gs, &err) != TL_OK) {
    cli_error("%s", err.msg);
    status = CLI_EXIT_TROUBLE;
  } else {
    printf("glossário: %zu conceitos em %zu %s; formas: %zu preferidas, %zu "
           "siglas, %zu admitidas, %zu proibidas; OK\n",
           gs.concepts, gs.files, gs.files == 1 ? "arquivo" : "arquivos",
           gs.preferred, gs.abbrev, gs.admitted, gs.forbidden);
  }
out:
  tl_strv_fini(&paths);
  return k == CLI_FAIL ? CLI_EXIT_TROUBLE : status;
}
