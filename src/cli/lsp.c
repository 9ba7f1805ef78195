/* tradlint lsp: the language server (tl_lsp_run) on standard input and
 * output. Each document is checked with the linter of the .tradlint.toml
 * that governs its folder, made as check makes it (with this command's
 * options), and its archive memory read, never written. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct lsp_state {
  const cli_ctx *cx;
  int argc;
  char **argv;
  /* the archive memory of each linter made, to close with it */
  tl_linter **linters;
  tl_corpus **corpora;
  size_t n;
} lsp_state;

/* Parse the command's options into @s; -1 to go on, else the exit status. */
static int parse(const cli_ctx *cx, int argc, char **argv, cli_setup *s)
{
  static const cli_option *const groups[] = {cli_setup_options,
                                             cli_setup_no_db, NULL};
  cli_parser p;
  int k, status = -1;

  cli_parser_init(&p, cx, argc, argv, groups);
  while (status < 0 && (k = cli_next(&p)) != CLI_END) {
    int handled;
    if (k == CLI_HELP) {
      status = 0;
    } else if (k == CLI_FAIL) {
      status = CLI_EXIT_TROUBLE;
    } else if (k == CLI_OPERAND) {
      cli_usage_error(cx, _("argumento inesperado '%s'"), p.val);
      status = CLI_EXIT_TROUBLE;
    } else if ((handled = cli_setup_option(s, &p, k)) <= 0) {
      if (handled == 0)
        cli_usage_error(cx, _("opção inesperada"));
      status = CLI_EXIT_TROUBLE;
    }
  }
  cli_parser_fini(&p);
  return status;
}

static tl_status make_linter(void *ud, const char *dir, tl_linter **out,
                             char **config, tl_error *err)
{
  lsp_state *st = ud;
  cli_setup s;
  char *found = tl_config_find(dir);

  *out = NULL;
  *config = NULL;
  if (found != NULL) { /* its problems go to the editor, file:line:column */
    tl_config cfg;
    tl_status rc = tl_config_load(&cfg, found, err);
    if (rc != TL_OK) {
      free(found);
      return rc;
    }
    tl_config_fini(&cfg);
  }
  free(found);
  cli_setup_init(&s);
  s.db_flags = TL_CORPUS_READONLY;
  if (parse(st->cx, st->argc, st->argv, &s) >= 0 ||
      cli_setup_config(&s, st->cx, dir) != 0 || cli_setup_open(&s) != 0) {
    cli_setup_fini(&s);
    err->status = TL_EUSAGE;
    snprintf(err->msg, sizeof err->msg,
             _("não foi possível preparar o verificador para %s (veja a saída "
             "de erro do tradlint lsp)"),
             dir);
    return TL_EUSAGE;
  }
  *out = s.linter;
  *config = s.config_path;
  st->linters = realloc(st->linters, (st->n + 1) * sizeof *st->linters);
  st->corpora = realloc(st->corpora, (st->n + 1) * sizeof *st->corpora);
  if (st->linters == NULL || st->corpora == NULL)
    cli_oom();
  st->linters[st->n] = s.linter;
  st->corpora[st->n++] = s.corpus;
  s.linter = NULL;
  s.corpus = NULL;
  s.config_path = NULL;
  cli_setup_fini(&s);
  return TL_OK;
}

static void free_linter(void *ud, tl_linter *l)
{
  lsp_state *st = ud;

  for (size_t i = 0; i < st->n; i++)
    if (st->linters[i] == l) {
      tl_linter_free(l);
      tl_corpus_close(st->corpora[i]);
      st->linters[i] = st->linters[--st->n];
      st->corpora[i] = st->corpora[st->n];
      return;
    }
  tl_linter_free(l);
}

int cli_lsp(const cli_ctx *cx, int argc, char **argv)
{
  lsp_state st = {cx, argc, argv, NULL, NULL, 0};
  tl_lsp_options o = {make_linter, free_linter, &st, stderr};
  cli_setup s;
  tl_error err;
  int status;

  cli_setup_init(&s);
  status = parse(cx, argc, argv, &s);
  cli_setup_fini(&s);
  if (status >= 0)
    return status;
  if (cx->validate_only)
    return 0;
  status = tl_lsp_run(stdin, stdout, &o, &err) == TL_OK ? 0 : 1;
  if (status != 0)
    fprintf(stderr, "tradlint lsp: %s\n", err.msg);
  while (st.n > 0)
    free_linter(&st, st.linters[0]);
  free(st.linters);
  free(st.corpora);
  return status;
}
