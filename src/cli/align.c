/* tradlint align SOURCE TRANSLATION [--format text|json]: the pairs of
 * blocks and sentences that source mode compares. */
#include "cli.h"

#include <stdio.h>

static const cli_option align_options[] = {
    {"format", 'f', N_("FORMATO"), N_("text (padrão) ou json")},
    {NULL, 0, NULL, NULL},
};

int cli_align(const cli_ctx *cx, int argc, char **argv)
{
  static const cli_option *const groups[] = {align_options, NULL};
  tl_strv paths = {0};
  tl_format format = TL_FORMAT_TEXT;
  tl_alignment *al = NULL;
  tl_error err;
  cli_parser p;
  int k, status = 0;

  cli_parser_init(&p, cx, argc, argv, groups);
  while ((k = cli_next(&p)) != CLI_END) {
    if (k == CLI_HELP)
      goto out;
    if (k == CLI_FAIL)
      goto usage;
    if (k == CLI_OPERAND)
      tl_strv_push(&paths, p.val);
    else if (k == 'f' && !cli_parse_format(cx, p.val, "text json", &format))
      goto usage;
  }
  if (paths.n != 2) {
    cli_usage_error(cx, _("align pede dois arquivos: o original e a tradução"));
    goto usage;
  }
  if (cx->validate_only)
    goto out;
  if (tl_align_files(paths.v[0], paths.v[1], TL_MARKUP_AUTO, &al, &err) !=
          TL_OK ||
      tl_alignment_write(al, format, stdout, &err) != TL_OK) {
    cli_error("%s", err.msg);
    status = CLI_EXIT_TROUBLE;
  }
  goto out;
usage:
  status = CLI_EXIT_TROUBLE;
out:
  tl_alignment_free(al);
  cli_parser_fini(&p);
  tl_strv_fini(&paths);
  return status;
}
