/* tradlint check [options] PATH... | --staged: check articles and report
 * what an editor must fix. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

enum {
  OPT_SORT = CLI_COMMAND_KEYS,
  OPT_FAIL_ON,
  OPT_COLOR,
  OPT_REPORT_DIR,
  OPT_FIX,
  OPT_DRY_RUN,
  OPT_REPORT_UNUSED,
  OPT_STAGED,
  OPT_MIN_LEVEL,
  OPT_BASELINE,
  OPT_WRITE_BASELINE,
  OPT_SOURCE
};

static const cli_option check_options[] = {
    {"format", 'f', N_("FORMATO"),
     N_("text (padrão), json, sarif, github (anotações do\n"
        "GitHub Actions), rdjson (reviewdog), checkstyle\n"
        "ou junit")},
    {"min-level", OPT_MIN_LEVEL, N_("NÍVEL"),
     N_("relata só achados desse nível ou acima: error,\n"
        "warning ou info (padrão: warning em text, sarif e\n"
        "github, ou o nível de --fail-on se for menor;\n"
        "todos nos outros formatos)")},
    {"baseline", OPT_BASELINE, N_("ARQUIVO"),
     N_("omite os achados registrados na linha de base\n"
        "ARQUIVO: só os novos contam")},
    {"write-baseline", OPT_WRITE_BASELINE, N_("ARQUIVO"),
     N_("grava os achados desta execução como linha de base")},
    {"sort", OPT_SORT, N_("ORDEM"),
     N_("position (padrão) ou severity: os piores\n"
        "primeiro dentro de cada arquivo")},
    {"fail-on", OPT_FAIL_ON, N_("NÍVEL"),
     N_("error (padrão), warning, info ou never: sai com 1\n"
        "quando há achados desse nível ou acima")},
    {"color", OPT_COLOR, N_("QUANDO"),
     N_("auto (padrão: só em terminal; respeita NO_COLOR),\n"
        "always ou never")},
    {"report-dir", OPT_REPORT_DIR, N_("PASTA"),
     N_("grava PASTA/<arquivo>.html e .json por arquivo e\n"
        "PASTA/index.html")},
    {"fix", OPT_FIX, NULL,
     N_("aplica as correções seguras no próprio arquivo")},
    {"dry-run", OPT_DRY_RUN, NULL,
     N_("com --fix: mostra as correções como diff, sem gravar")},
    {"report-unused-disables", OPT_REPORT_UNUSED, NULL,
     N_("relata supressões que não suprimem nada")},
    {"source", OPT_SOURCE, N_("ORIGINAL"),
     N_("o original em inglês do único arquivo verificado\n"
        "(modo bilíngue; sem ela, artigo.en.md ao lado de\n"
        "artigo.md ou en/ ao lado de pt-BR/ é achado sozinho)")},
    {"staged", OPT_STAGED, NULL,
     N_("verifica o que está no índice do git (o gancho\n"
        "pre-commit); não aceita CAMINHO nem --fix")},
    {NULL, 0, NULL, NULL},
};

/* Handle option @key of check_options. */
static int check_option(cli_setup *s, cli_run *r, bool *staged,
                        const cli_parser *p, int key)
{
  const char *val = p->val;

  switch (key) {
  case 'f':
    return cli_parse_format(p->cx, val,
                            "text json sarif github rdjson checkstyle junit",
                            &r->format)
               ? 1
               : -1;
  case OPT_MIN_LEVEL:
    if (tl_severity_parse(val, &r->min_level) && r->min_level != TL_NEVER) {
      r->min_level_set = true;
      return 1;
    }
    cli_usage_error(p->cx,
                    _("--min-level '%s' inválido (use error, warning ou "
                      "info)"),
                    val);
    return -1;
  case OPT_BASELINE:
    r->baseline = val;
    return 1;
  case OPT_WRITE_BASELINE:
    r->write_baseline = val;
    return 1;
  case OPT_SORT:
    if (strcmp(val, "severity") == 0 || strcmp(val, "position") == 0) {
      r->sort_severity = val[0] == 's';
      return 1;
    }
    cli_usage_error(p->cx,
                    _("--sort '%s' inválido (use position ou severity)"), val);
    return -1;
  case OPT_FAIL_ON:
    s->fail_on_set = true;
    if (tl_severity_parse(val, &s->fail_on))
      return 1;
    cli_usage_error(p->cx,
                    _("--fail-on '%s' inválido (use error, warning, info ou "
                      "never)"),
                    val);
    return -1;
  case OPT_COLOR:
    if (strcmp(val, "auto") == 0 || strcmp(val, "always") == 0 ||
        strcmp(val, "never") == 0) {
      r->color = val[0] == 'a' ? (val[1] == 'u' ? -1 : 1) : 0;
      return 1;
    }
    cli_usage_error(p->cx,
                    _("--color '%s' inválido (use auto, always ou never)"),
                    val);
    return -1;
  case OPT_REPORT_DIR:
    r->report_dir = val;
    return 1;
  case OPT_FIX:
    r->fix = true;
    return 1;
  case OPT_DRY_RUN:
    r->dry_run = true;
    return 1;
  case OPT_REPORT_UNUSED:
    s->opt.report_unused_disables = true;
    return 1;
  case OPT_STAGED:
    *staged = true;
    return 1;
  case OPT_SOURCE:
    s->opt.source = val;
    return 1;
  default:
    return 0;
  }
}

int cli_check(const cli_ctx *cx, int argc, char **argv)
{
  static const cli_option *const groups[] = {
      check_options, cli_run_options, cli_setup_options, cli_setup_no_db,
      NULL};
  cli_setup s;
  cli_run r;
  cli_parser p;
  tl_strv paths = {0}, files = {0}, blobs = {0};
  bool staged = false, trouble = false;
  const char *first;
  int k, status = 0;

  cli_setup_init(&s);
  cli_run_init(&r);
  cli_parser_init(&p, cx, argc, argv, groups);
  while ((k = cli_next(&p)) != CLI_END) {
    int handled;
    if (k == CLI_HELP)
      goto out;
    if (k == CLI_FAIL)
      goto usage;
    if (k == CLI_OPERAND) {
      tl_strv_push(&paths, p.val);
      continue;
    }
    handled = cli_setup_option(&s, &p, k);
    if (handled == 0)
      handled = cli_run_option(&r, &p, k);
    if (handled == 0)
      handled = check_option(&s, &r, &staged, &p, k);
    if (handled < 0)
      goto usage;
  }
  if (staged) { /* exactly what is staged: names and content from the index */
    if (paths.n > 0 || r.fix) {
      cli_usage_error(cx, _("--staged não aceita caminhos nem --fix"));
      goto usage;
    }
    if (cx->validate_only)
      goto out;
    if (cli_git_staged(&files, &blobs) != 0)
      goto usage;
    if (files.n == 0) {
      printf(_("tradlint: nenhum artigo no que está preparado para o "
               "commit\n"));
      goto out;
    }
  } else if (paths.n == 0) {
    cli_usage_error(cx, _("nenhum arquivo ou pasta para verificar"));
    goto usage;
  }
  if (s.opt.source != NULL &&
      (staged || paths.n != 1 || cli_is_dir(paths.v[0]))) {
    cli_usage_error(cx, _("--source vale para um único arquivo (a "
                          "tradução); numa pasta, os pares se acham pelo "
                          "nome"));
    goto usage;
  }
  first = staged ? files.v[0] : paths.v[0];
  status = cli_setup_config(&s, cx, strcmp(first, "-") != 0 ? first : ".");
  if (status != 0)
    goto out;
  if (r.dry_run && !r.fix) {
    cli_usage_error(cx, _("--dry-run só vale com --fix"));
    goto usage;
  }
  if (cx->validate_only)
    goto out;
  status = cli_setup_open(&s);
  if (status != 0)
    goto out;
  if (!staged)
    trouble = !cli_setup_collect(&s, &paths, &files);
  cli_setup_ignore(&s, &files, staged ? &blobs : NULL);
  r.blobs = staged ? &blobs : NULL;
  status = cli_run_files(&s, &r, &files, trouble);
  goto out;
usage:
  status = CLI_EXIT_TROUBLE;
out:
  cli_parser_fini(&p);
  cli_setup_fini(&s);
  tl_strv_fini(&paths);
  tl_strv_fini(&files);
  tl_strv_fini(&blobs);
  return status;
}
