/* tradlint corpus migrate --from DB --to DB: copy an archive memory from
 * one database to another (an SQLite file into a PostgreSQL server and
 * back, or file to file). */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum {
  OPT_FROM = CLI_COMMAND_KEYS,
  OPT_TO,
  OPT_ARCHIVE,
  OPT_CONFIG,
  OPT_NO_CONFIG
};

static const cli_option migrate_options[] = {
    {"from", OPT_FROM, "ARQUIVO|URI", N_("o banco de origem (arquivo .tradlint.db\n"
                                      "ou postgresql://...)")},
    {"to", OPT_TO, "ARQUIVO|URI",
     N_("o banco de destino (criado se não existir; os\n"
     "documentos de mesmo caminho são substituídos)")},
    {"archive", OPT_ARCHIVE, "NOME",
     N_("o acervo no banco PostgreSQL (de origem ou de\n"
     "destino; padrão: $TRADLINT_ARCHIVE, o archive do\n"
     ".tradlint.toml, o nome do repositório no remote\n"
     "origin do git, ou o nome da pasta raiz)")},
    {"config", OPT_CONFIG, "ARQUIVO",
     N_("configuração (padrão: o .tradlint.toml mais\n"
     "próximo da pasta atual)")},
    {"no-config", OPT_NO_CONFIG, NULL, N_("ignora os arquivos .tradlint.toml")},
    {NULL, 0, NULL, NULL},
};

static bool is_file(const char *path)
{
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The archive's name when either side is a server. Owned. */
static char *archive_name(const char *opt, const char *config_opt,
                          bool no_config, int *status)
{
  const char *env = getenv("TRADLINT_ARCHIVE");
  char *path = NULL, *name = NULL, *root;
  tl_config cfg;
  tl_error err;

  if (opt != NULL)
    return strdup(opt);
  if (env != NULL && env[0] != '\0')
    return strdup(env);
  memset(&cfg, 0, sizeof cfg);
  if (!no_config)
    path = config_opt != NULL ? strdup(config_opt) : tl_config_find(".");
  if (path != NULL) {
    if (tl_config_load(&cfg, path, &err) != TL_OK) {
      cli_error("%s", err.msg);
      *status = CLI_EXIT_TROUBLE;
      free(path);
      return NULL;
    }
    if (cfg.archive != NULL)
      name = strdup(cfg.archive);
    else
      name = cli_archive_name(cfg.dir);
    tl_config_fini(&cfg);
    free(path);
    return name;
  }
  root = cli_archive_root();
  name = cli_archive_name(root);
  free(root);
  return name;
}

int cli_corpus_migrate(const cli_ctx *cx, int argc, char **argv)
{
  static const cli_option *const groups[] = {migrate_options, NULL};
  const char *from = NULL, *to = NULL, *archive_opt = NULL,
             *config_opt = NULL;
  bool no_config = false;
  char *archive = NULL;
  tl_corpus *src = NULL, *dst = NULL;
  tl_error err;
  cli_parser p;
  int k, status = -1;

  cli_parser_init(&p, cx, argc, argv, groups);
  while (status < 0 && (k = cli_next(&p)) != CLI_END) {
    if (k == CLI_HELP)
      status = 0;
    else if (k == CLI_FAIL)
      status = CLI_EXIT_TROUBLE;
    else if (k == CLI_OPERAND) {
      cli_usage_error(cx, _("argumento inesperado '%s'"), p.val);
      status = CLI_EXIT_TROUBLE;
    } else if (k == OPT_FROM || k == OPT_TO || k == OPT_ARCHIVE) {
      if (p.val[0] == '\0') {
        cli_usage_error(cx, _("--%s: valor vazio"),
                        k == OPT_FROM ? "from" : k == OPT_TO ? "to" : "archive");
        status = CLI_EXIT_TROUBLE;
      }
      *(k == OPT_FROM ? &from : k == OPT_TO ? &to : &archive_opt) = p.val;
    } else if (k == OPT_CONFIG) {
      config_opt = p.val;
    } else if (k == OPT_NO_CONFIG) {
      no_config = true;
    }
  }
  cli_parser_fini(&p);
  if (status >= 0)
    return status;
  status = 0;
  if (from == NULL || to == NULL) {
    cli_usage_error(cx, _("diga de onde e para onde: --from BANCO --to BANCO"));
    return CLI_EXIT_TROUBLE;
  }
  if (strcmp(from, to) == 0) {
    cli_usage_error(cx, _("--from e --to são o mesmo banco"));
    return CLI_EXIT_TROUBLE;
  }
  if (cx->validate_only)
    return 0;
  if (tl_corpus_is_server(from) || tl_corpus_is_server(to)) {
    archive = archive_name(archive_opt, config_opt, no_config, &status);
    if (archive == NULL)
      return status ? status : CLI_EXIT_TROUBLE;
  }
  /* a missing source file is an error, not a new memory; a server's
   * archive is only read (an SQLite file may have its schema migrated
   * forward first, as any run would) */
  if (!tl_corpus_is_server(from) && !is_file(from)) {
    cli_error(_("%s: banco de origem não encontrado"), from);
    status = CLI_EXIT_TROUBLE;
  } else if (tl_corpus_open_archive(&src, from, archive,
                                    tl_corpus_is_server(from)
                                        ? TL_CORPUS_READONLY
                                        : 0,
                                    &err) != TL_OK ||
             tl_corpus_open_archive(&dst, to, archive, 0, &err) != TL_OK) {
    cli_error("%s", err.msg);
    status = CLI_EXIT_TROUBLE;
  } else if (tl_corpus_readonly(dst)) {
    cli_error(_("%s: banco de destino somente leitura"), tl_corpus_name(dst));
    status = CLI_EXIT_TROUBLE;
  } else if (tl_corpus_copy(src, dst, stdout, &err) != TL_OK) {
    cli_error("%s", err.msg);
    status = CLI_EXIT_TROUBLE;
  }
  tl_corpus_close(src);
  tl_corpus_close(dst);
  free(archive);
  return status;
}
