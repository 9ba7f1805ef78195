/* tradlint corpus index|report|variants|prune|stats|export: the archive
 * memory. */
#include "cli.h"

#include <stdio.h>

/* --format of report and variants: the values differ, the help too. */
static const cli_option report_options[] = {
    {"format", 'f', N_("FORMATO"), N_("text (padrão), json ou html")},
    {NULL, 0, NULL, NULL},
};
static const cli_option export_options[] = {
    {"format", 'f', "FORMATO",
     N_("jsonl (padrão): um objeto JSON por linha, cada\n"
     "forma registrada de cada documento")},
    {NULL, 0, NULL, NULL},
};
static const cli_option accepted_options[] = {
    {"format", 'f', N_("FORMATO"), N_("text (padrão) ou json")},
    {NULL, 0, NULL, NULL},
};
static const cli_option variants_options[] = {
    {"format", 'f', N_("FORMATO"),
     N_("text (padrão) ou tsv (linhas prontas para o\n"
     "glossário)")},
    {NULL, 0, NULL, NULL},
};

/* What a corpus command does once the memory is open. */
typedef enum query {
  Q_REPORT,
  Q_VARIANTS,
  Q_PRUNE,
  Q_STATS,
  Q_EXPORT,
  Q_ACCEPTED,
  Q_REJECT
} query;

/* Parse the options of a corpus command (@formats: the values of its
 * --format, or NULL when it has none) into @s, @format and @paths.
 * Returns -1 to go on, else the exit status. */
static int corpus_parse(const cli_ctx *cx, int argc, char **argv,
                        const cli_option *const *groups, const char *formats,
                        cli_setup *s, cli_run *r, tl_strv *paths)
{
  cli_parser p;
  int k, status = -1;

  s->corpus_command = true;
  cli_parser_init(&p, cx, argc, argv, groups);
  while (status < 0 && (k = cli_next(&p)) != CLI_END) {
    int handled = 0;
    if (k == CLI_HELP) {
      status = 0;
    } else if (k == CLI_FAIL) {
      status = CLI_EXIT_TROUBLE;
    } else if (k == CLI_OPERAND) {
      tl_strv_push(paths, p.val);
    } else if (k == 'f' && formats != NULL) {
      handled = cli_parse_format(cx, p.val, formats, &r->format) ? 1 : -1;
    } else {
      handled = cli_setup_option(s, &p, k);
      if (handled == 0)
        handled = cli_run_option(r, &p, k);
    }
    if (handled < 0)
      status = CLI_EXIT_TROUBLE;
  }
  cli_parser_fini(&p);
  return status;
}

/* report, variants, prune, stats: options, the memory, the query. */
static int corpus_query(const cli_ctx *cx, int argc, char **argv,
                        const cli_option *own, const char *formats, query q)
{
  const cli_option *const with_format[] = {own, cli_setup_options,
                                           cli_setup_no_db_hidden, NULL};
  const cli_option *const without[] = {cli_setup_options,
                                       cli_setup_no_db_hidden, NULL};
  const cli_option *const *groups = own != NULL ? with_format : without;
  cli_setup s;
  cli_run r;
  tl_strv paths = {0};
  tl_error err;
  tl_status st = TL_OK;
  int status;

  cli_setup_init(&s);
  cli_run_init(&r);
  if (q == Q_EXPORT)
    r.format = TL_FORMAT_JSONL;
  status = corpus_parse(cx, argc, argv, groups, formats, &s, &r, &paths);
  if (status >= 0)
    goto out;
  if (paths.n > 0 && q != Q_REJECT) {
    cli_usage_error(cx, _("argumento inesperado '%s'"), paths.v[0]);
    status = CLI_EXIT_TROUBLE;
    goto out;
  }
  if (paths.n == 0 && q == Q_REJECT) {
    cli_usage_error(cx, _("corpus reject: diga que palavra recusar"));
    status = CLI_EXIT_TROUBLE;
    goto out;
  }
  status = cli_setup_config(&s, cx, ".");
  if (status != 0 || cx->validate_only)
    goto out;
  status = cli_setup_open(&s);
  if (status != 0)
    goto out;
  if (q == Q_REPORT)
    st = tl_corpus_report(s.corpus, s.linter, r.format, stdout, &err);
  else if (q == Q_VARIANTS)
    st = tl_corpus_variants(s.corpus, r.format, stdout, &err);
  else if (q == Q_PRUNE)
    st = tl_corpus_prune(s.corpus, s.root, stdout, &err);
  else if (q == Q_EXPORT)
    st = tl_corpus_export(s.corpus, r.format, stdout, &err);
  else if (q == Q_ACCEPTED)
    st = tl_corpus_accepted(s.corpus, s.linter, r.format, stdout, &err);
  else if (q == Q_REJECT)
    for (size_t i = 0; i < paths.n && st == TL_OK; i++)
      st = tl_corpus_reject(s.corpus, paths.v[i], stdout, &err);
  else
    st = tl_corpus_stats(s.corpus, stdout, &err);
  if (st != TL_OK)
    cli_error("%s", err.msg);
  status = st == TL_OK ? 0 : CLI_EXIT_TROUBLE;
out:
  cli_setup_fini(&s);
  tl_strv_fini(&paths);
  return status;
}

int cli_corpus_index(const cli_ctx *cx, int argc, char **argv)
{
  static const cli_option *const groups[] = {
      cli_run_options, cli_setup_options, cli_setup_no_db_hidden, NULL};
  cli_setup s;
  cli_run r;
  tl_strv paths = {0}, files = {0};
  bool trouble;
  int status;

  cli_setup_init(&s);
  cli_run_init(&r);
  r.index_only = true;
  status = corpus_parse(cx, argc, argv, groups, NULL, &s, &r, &paths);
  if (status >= 0)
    goto out;
  if (paths.n == 0) {
    cli_usage_error(cx, _("nenhum arquivo ou pasta para verificar"));
    status = CLI_EXIT_TROUBLE;
    goto out;
  }
  status = cli_setup_config(&s, cx,
                            paths.v[0][0] == '-' && paths.v[0][1] == '\0'
                                ? "."
                                : paths.v[0]);
  if (status != 0 || cx->validate_only)
    goto out;
  status = cli_setup_open(&s);
  if (status != 0)
    goto out;
  trouble = !cli_setup_collect(&s, &paths, &files);
  cli_setup_ignore(&s, &files, NULL);
  status = cli_run_files(&s, &r, &files, trouble);
out:
  cli_setup_fini(&s);
  tl_strv_fini(&paths);
  tl_strv_fini(&files);
  return status;
}

int cli_corpus_report(const cli_ctx *cx, int argc, char **argv)
{
  return corpus_query(cx, argc, argv, report_options, "text json html",
                      Q_REPORT);
}

int cli_corpus_variants(const cli_ctx *cx, int argc, char **argv)
{
  return corpus_query(cx, argc, argv, variants_options, "text tsv",
                      Q_VARIANTS);
}

int cli_corpus_prune(const cli_ctx *cx, int argc, char **argv)
{
  return corpus_query(cx, argc, argv, NULL, NULL, Q_PRUNE);
}

int cli_corpus_stats(const cli_ctx *cx, int argc, char **argv)
{
  return corpus_query(cx, argc, argv, NULL, NULL, Q_STATS);
}

int cli_corpus_export(const cli_ctx *cx, int argc, char **argv)
{
  return corpus_query(cx, argc, argv, export_options, "jsonl", Q_EXPORT);
}

int cli_corpus_accepted(const cli_ctx *cx, int argc, char **argv)
{
  return corpus_query(cx, argc, argv, accepted_options, "text json",
                      Q_ACCEPTED);
}

int cli_corpus_reject(const cli_ctx *cx, int argc, char **argv)
{
  return corpus_query(cx, argc, argv, NULL, NULL, Q_REJECT);
}
