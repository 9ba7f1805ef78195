/* tradlint glossary check [PATH...]: validate the glossary and count what
 * it holds; glossary import FILE: TBX or CSV to glossary rows; glossary
 * export: the glossary as TSV, CSV or TBX. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The arguments of glossary check and export: PATH... (default: the data
 * folder's glossary) and, when @format is not NULL, --format tsv|csv|tbx.
 * Returns -1 to go on, else the exit status (0 after --help). */
static int glossary_args(const cli_ctx *cx, int argc, char **argv,
                         const cli_option *const *groups, tl_format *format,
                         tl_strv *paths)
{
  cli_parser p;
  int k;

  cli_parser_init(&p, cx, argc, argv, groups);
  while ((k = cli_next(&p)) != CLI_END && k != CLI_FAIL && k != CLI_HELP) {
    if (k == 'f' && format != NULL &&
        !cli_parse_format(cx, p.val, "tsv csv tbx", format)) {
      k = CLI_FAIL;
      break;
    }
    if (k == CLI_OPERAND)
      tl_strv_push(paths, p.val);
  }
  cli_parser_fini(&p);
  if (k == CLI_FAIL)
    return CLI_EXIT_TROUBLE;
  if (k == CLI_HELP || cx->validate_only)
    return 0;
  if (paths->n == 0)
    tl_strv_push_take(paths, cli_data_dir("glossary"));
  return -1;
}

int cli_glossary_check(const cli_ctx *cx, int argc, char **argv)
{
  static const cli_option *const groups[] = {NULL};
  tl_strv paths = {0};
  tl_glossary_stats gs;
  tl_error err;
  int status = glossary_args(cx, argc, argv, groups, NULL, &paths);

  if (status >= 0)
    goto out;
  status = 0;
  if (tl_glossary_check((const char *const *)paths.v, &gs, &err) != TL_OK) {
    cli_error("%s", err.msg);
    status = CLI_EXIT_TROUBLE;
  } else {
    printf(P_("glossário: %zu conceito", "glossário: %zu conceitos",
              gs.concepts), gs.concepts);
    printf(P_(" em %zu arquivo", " em %zu arquivos", gs.files), gs.files);
    printf(P_("; formas: %zu preferida", "; formas: %zu preferidas",
              gs.preferred), gs.preferred);
    printf(P_(", %zu sigla", ", %zu siglas", gs.abbrev), gs.abbrev);
    printf(P_(", %zu admitida", ", %zu admitidas", gs.admitted), gs.admitted);
    printf(P_(", %zu proibida", ", %zu proibidas", gs.forbidden),
           gs.forbidden);
    printf("; OK\n");
  }
out:
  tl_strv_fini(&paths);
  return status;
}

enum { OPT_LANG = CLI_COMMAND_KEYS };

static const cli_option import_options[] = {
    {"lang", OPT_LANG, N_("IDIOMA"),
     N_("o idioma dos termos a importar (padrão: pt-BR,\n"
     "que também aceita pt); os termos em inglês vão\n"
     "para a coluna en")},
    {NULL, 0, NULL, NULL},
};

int cli_glossary_import(const cli_ctx *cx, int argc, char **argv)
{
  static const cli_option *const groups[] = {import_options, NULL};
  const char *file = NULL, *lang = NULL;
  tl_glossary_table *t = NULL;
  tl_error err;
  cli_parser p;
  int k, status = 0;

  cli_parser_init(&p, cx, argc, argv, groups);
  while ((k = cli_next(&p)) != CLI_END && k != CLI_FAIL && k != CLI_HELP) {
    if (k == OPT_LANG) {
      lang = p.val;
    } else if (k == CLI_OPERAND && file == NULL) {
      file = p.val;
    } else if (k == CLI_OPERAND) {
      cli_usage_error(cx, _("importe um arquivo de cada vez"));
      k = CLI_FAIL;
      break;
    }
  }
  cli_parser_fini(&p);
  if (k == CLI_HELP)
    return 0;
  if (k != CLI_FAIL && file == NULL) {
    cli_usage_error(cx, _("falta o arquivo: tradlint glossary import "
                    "ARQUIVO.tbx|ARQUIVO.csv"));
    k = CLI_FAIL;
  }
  if (k == CLI_FAIL)
    return CLI_EXIT_TROUBLE;
  if (cx->validate_only)
    return 0;
  if (tl_glossary_table_import(&t, file, lang, &err) != TL_OK ||
      tl_glossary_table_write(t, TL_FORMAT_TSV, stdout, &err) != TL_OK) {
    cli_error("%s", err.msg);
    status = CLI_EXIT_TROUBLE;
  } else {
    size_t n = tl_glossary_table_count(t);
    for (size_t i = 0; i < tl_glossary_table_nwarnings(t); i++)
      fprintf(stderr, _("tradlint: aviso: %s\n"), tl_glossary_table_warning(t, i));
    fprintf(stderr, P_("tradlint: %zu conceito importado de %s\n",
                       "tradlint: %zu conceitos importados de %s\n", n),
            n, file);
  }
  tl_glossary_table_free(t);
  return status;
}

static const cli_option export_options[] = {
    {"format", 'f', N_("FORMATO"),
     N_("tsv (padrão: o formato do glossário), csv (RFC\n"
     "4180) ou tbx (TBX-Basic)")},
    {NULL, 0, NULL, NULL},
};

int cli_glossary_export(const cli_ctx *cx, int argc, char **argv)
{
  static const cli_option *const groups[] = {export_options, NULL};
  tl_format format = TL_FORMAT_TSV;
  tl_strv paths = {0};
  tl_glossary_table *t = NULL;
  tl_error err;
  int status = glossary_args(cx, argc, argv, groups, &format, &paths);

  if (status >= 0)
    goto out;
  status = 0;
  if (tl_glossary_table_read(&t, (const char *const *)paths.v, &err) != TL_OK ||
      tl_glossary_table_write(t, format, stdout, &err) != TL_OK) {
    cli_error("%s", err.msg);
    status = CLI_EXIT_TROUBLE;
  }
  tl_glossary_table_free(t);
out:
  tl_strv_fini(&paths);
  return status;
}
