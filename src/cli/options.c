/* Option parsing for every command: getopt_long over the command's option
 * groups (so -fjson, --form json and --format=json all work), with
 * messages in Portuguese and "você quis dizer" for unknown options. */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* Every command has these (--lang: unless the command has its own). */
static const cli_option builtin_options[] = {
    {"help", 'h', NULL, N_("mostra esta ajuda")},
    {"version", 'V', NULL, N_("mostra a versão")},
    {"lang", CLI_LANG_KEY, N_("IDIOMA"),
     N_("o idioma das mensagens: pt (padrão) ou en")},
    {NULL, 0, NULL, NULL},
};

/* Whether one of @groups has an option named @name. */
static bool groups_have(const cli_option *const *groups, const char *name)
{
  for (size_t g = 0; groups != NULL && groups[g] != NULL; g++)
    for (const cli_option *o = groups[g]; o->name != NULL; o++)
      if (strcmp(o->name, name) == 0)
        return true;
  return false;
}

/* Calls @fn on every option of @p's groups and the built-in ones, until it
 * returns non-NULL; returns that. */
static const cli_option *each_option(const cli_option *const *groups,
                                     bool (*fn)(const cli_option *, void *),
                                     void *ud)
{
  for (size_t g = 0; groups != NULL && groups[g] != NULL; g++)
    for (const cli_option *o = groups[g]; o->name != NULL; o++)
      if (fn(o, ud))
        return o;
  for (const cli_option *o = builtin_options; o->name != NULL; o++)
    if (!groups_have(groups, o->name) && fn(o, ud))
      return o;
  return NULL;
}

static bool count_one(const cli_option *o, void *ud)
{
  (void)o;
  ++*(size_t *)ud;
  return false;
}

typedef struct fill_state {
  struct option *longs;
  size_t n;
  cli_parser *p;
} fill_state;

static bool fill_one(const cli_option *o, void *ud)
{
  fill_state *fs = ud;
  struct option *lo = &fs->longs[fs->n++];
  size_t len = strlen(fs->p->shorts);

  lo->name = o->name;
  lo->has_arg = o->arg != NULL ? required_argument : no_argument;
  lo->flag = NULL;
  lo->val = o->key;
  if (o->key < 256 && len + 3 < sizeof fs->p->shorts) {
    fs->p->shorts[len++] = (char)o->key;
    if (o->arg != NULL)
      fs->p->shorts[len++] = ':';
    fs->p->shorts[len] = '\0';
  }
  return false;
}

void cli_parser_init(cli_parser *p, const cli_ctx *cx, int argc, char **argv,
                     const cli_option *const *groups)
{
  size_t n = 0;
  fill_state fs;

  memset(p, 0, sizeof *p);
  p->cx = cx;
  p->groups = groups;
  p->argc = argc;
  p->argv = argv;
  each_option(groups, count_one, &n);
  fs.longs = calloc(n + 1, sizeof *fs.longs);
  if (fs.longs == NULL)
    cli_oom();
  fs.n = 0;
  fs.p = p;
  /* '-': operands come back in order (as key 1), whatever POSIXLY_CORRECT
   * says; ':': a missing value is told apart from an unknown option */
  strcpy(p->shorts, "-:");
  each_option(groups, fill_one, &fs);
  p->longs = fs.longs;
  optind = 0; /* glibc: start afresh (another command may have parsed) */
  opterr = 0;
}

void cli_parser_fini(cli_parser *p)
{
  free(p->longs);
  p->longs = NULL;
}

static bool has_key(const cli_option *o, void *ud)
{
  return o->key == *(const int *)ud;
}

typedef struct match_state {
  const char *name;
  size_t len;
  size_t count;
  const char *matches[32];
  const char *names[128];
  size_t nnames;
} match_state;

/* Counts the options that @ms->name abbreviates, and lists every name. */
static bool match_one(const cli_option *o, void *ud)
{
  match_state *ms = ud;
  if (ms->nnames < sizeof ms->names / sizeof ms->names[0])
    ms->names[ms->nnames++] = o->name;
  if (strncmp(o->name, ms->name, ms->len) == 0 &&
      ms->count < sizeof ms->matches / sizeof ms->matches[0])
    ms->matches[ms->count++] = o->name;
  return false;
}

/* The message for an option getopt_long refused. */
static void bad_option(cli_parser *p, int c)
{
  const char *typed = optind > 0 && optind <= p->argc ? p->argv[optind - 1]
                                                      : "?";
  bool is_long = strncmp(typed, "--", 2) == 0;
  int key = optopt;
  const cli_option *known = key != 0 ? each_option(p->groups, has_key, &key)
                                     : NULL;

  if (c == ':') { /* a value is missing */
    if (known != NULL && (is_long || key >= 256))
      cli_usage_error(p->cx, _("a opção '--%s' precisa de um valor"),
                      known->name);
    else
      cli_usage_error(p->cx, _("a opção '-%c' precisa de um valor"), key);
  } else if (known != NULL && is_long) { /* --no-db=x */
    cli_usage_error(p->cx, _("a opção '--%s' não aceita valor"), known->name);
  } else if (key != 0) {
    cli_usage_error(p->cx, _("opção desconhecida '-%c'"), key);
  } else {
    match_state ms;
    const char *guess;
    char name[128];
    size_t len = strcspn(typed + 2, "=");

    if (len >= sizeof name)
      len = sizeof name - 1;
    memcpy(name, typed + 2, len);
    name[len] = '\0';
    memset(&ms, 0, sizeof ms);
    ms.name = name;
    ms.len = len;
    each_option(p->groups, match_one, &ms);
    if (ms.count > 1 && len > 0) {
      char list[512] = "";
      for (size_t i = 0; i < ms.count; i++) {
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s--%s",
                 i == 0 ? "" : i + 1 == ms.count ? _(" ou ") : ", ",
                 ms.matches[i]);
      }
      cli_usage_error(p->cx, _("opção ambígua '--%s' (pode ser %s)"), name,
                      list);
    } else if ((guess = cli_closest(name, ms.names, ms.nnames)) != NULL) {
      cli_usage_error(p->cx, _("opção desconhecida '--%s'; você quis dizer "
                      "'--%s'?"), name, guess);
    } else {
      cli_usage_error(p->cx, _("opção desconhecida '--%s'"), name);
    }
  }
}

int cli_next(cli_parser *p)
{
  int c;

  p->val = NULL;
  if (p->operands_only) {
    if (optind < p->argc) {
      p->val = p->argv[optind++];
      return CLI_OPERAND;
    }
    return CLI_END;
  }
  c = getopt_long(p->argc, p->argv, p->shorts, p->longs, NULL);
  if (c == -1) { /* the end, or "--": the rest are operands */
    p->operands_only = true;
    return cli_next(p);
  }
  if (c == 1) {
    p->val = optarg;
    return CLI_OPERAND;
  }
  if (c == '?' || c == ':') {
    bad_option(p, c);
    return CLI_FAIL;
  }
  if (c == 'h') {
    cli_help(stdout, p->cx->cmd, p->groups);
    return CLI_HELP;
  }
  if (c == 'V') {
    printf("tradlint %s\n", TL_VERSION);
    return CLI_HELP;
  }
  if (c == CLI_LANG_KEY) { /* cli_dispatch set it already; an abbreviation */
    if (!cli_set_lang(p->cx, optarg))
      return CLI_FAIL;
    return cli_next(p);
  }
  p->val = optarg;
  return c;
}

/* ---- help --------------------------------------------------------------- */

/* One option's lines of the help (none when it is hidden). */
static void help_group_one(FILE *out, const cli_option *o)
{
  char label[96];
  const char *h = o->help;
  const char *arg = o->arg != NULL ? _(o->arg) : NULL;
  int n;

  if (o->key < 256)
    n = snprintf(label, sizeof label, "  -%c, --%s%s%s", o->key, o->name,
                 arg ? " " : "", arg ? arg : "");
  else
    n = snprintf(label, sizeof label, "      --%s%s%s", o->name,
                 arg ? " " : "", arg ? arg : "");
  if (h == NULL) /* hidden: accepted, not shown */
    return;
  h = _(h);
  fputs(label, out);
  for (const char *c = label; *c != '\0'; c++) /* width in code points */
    n -= ((unsigned char)*c & 0xC0) == 0x80;
  if (n >= 25)
    fputs("  ", out);
  else
    fprintf(out, "%*s", 27 - n, "");
  for (; *h != '\0'; h++) { /* continuation lines under the first */
    fputc(*h, out);
    if (*h == '\n')
      fprintf(out, "%27s", "");
  }
  fputc('\n', out);
}

static void help_group(FILE *out, const cli_option *g)
{
  for (const cli_option *o = g; o->name != NULL; o++)
    help_group_one(out, o);
}

void cli_help(FILE *out, const cli_command *cmd,
              const cli_option *const *groups)
{
  const char *s = cmd->synopsis;

  const char *summary = _(cmd->summary);

  s = _(s);
  fprintf(out, _("uso: tradlint %s "), cmd->name);
  for (; *s != '\0'; s++) {
    fputc(*s, out);
    if (*s == '\n')
      fprintf(out, "     tradlint %s ", cmd->name);
  }
  fprintf(out, "\n\n%c%s.\n", /* the summary as a sentence */
          summary[0] >= 'a' && summary[0] <= 'z' ? summary[0] - 'a' + 'A'
                                                 : summary[0],
          summary + 1);
  if (strcmp(cmd->name, "check") == 0)
    fputs(_("\n"
          "Em traduções para o português do Brasil de textos sobre IA:\n"
          "ortografia (Hunspell pt_BR + listas do projeto), terminologia\n"
          "(glossário de termos de IA: formas proibidas, variantes,\n"
          "consistência, concordância de gênero), trechos não traduzidos,\n"
          "repetições e números à inglesa. CAMINHO é um arquivo, uma pasta\n"
          "(procura *.md, *.markdown e *.txt, em ordem, sem pastas ocultas)\n"
          "ou '-' para a entrada padrão. --staged verifica o que está no\n"
          "índice do git (para o gancho pre-commit).\n"),
          out);
  fputs(_("\nOpções:\n"), out);
  for (size_t g = 0; groups != NULL && groups[g] != NULL; g++)
    help_group(out, groups[g]);
  for (const cli_option *o = builtin_options; o->name != NULL; o++)
    if (!groups_have(groups, o->name))
      help_group_one(out, o);
  if (strcmp(cmd->name, "check") == 0)
    fputs(_("\n"
          "Saída: 0 sem achados no nível de --fail-on ou acima; 1 com achados;\n"
          "2 erro de uso, arquivo ilegível ou inválido, dicionário ausente,\n"
          "glossário inválido.\n"),
          out);
}
