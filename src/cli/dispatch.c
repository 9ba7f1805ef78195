/* The table of commands and the dispatcher: which command argv names. */
#include "cli.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const cli_command commands[] = {
#define CLI_COMMAND(name, fn, synopsis, summary) {name, fn, synopsis, summary},
#include "commands.def"
#undef CLI_COMMAND
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* The length of @name's first word. */
static size_t head_len(const char *name)
{
  return strcspn(name, " ");
}

/* Whether @name's first word is @word. */
static bool head_is(const char *name, const char *word)
{
  size_t n = head_len(name);
  return strncmp(name, word, n) == 0 && word[n] == '\0';
}

static bool is_help(const char *a)
{
  return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0;
}

/* "tradlint --help": the commands, then check's options. */
static void help_all(void)
{
  const cli_command *check = &commands[0];

  printf(_("uso: tradlint [check] [opções] CAMINHO...\n"));
  for (size_t i = 0; i < NCOMMANDS; i++) {
    const char *s = _(commands[i].synopsis);
    printf("     tradlint %s ", commands[i].name);
    for (; *s != '\0'; s++) {
      putchar(*s);
      if (*s == '\n')
        printf("     tradlint %s ", commands[i].name);
    }
    putchar('\n');
  }
  printf(_("\nComandos (tradlint COMANDO --help mostra as opções de cada um):\n"));
  for (size_t i = 0; i < NCOMMANDS; i++)
    printf("  %-17s %s\n", commands[i].name, _(commands[i].summary));
  printf("\n");
  check->fn(&(cli_ctx){check, false}, 2, (char *[]){"check", "--help", NULL});
}

/* The subcommands of group @group, as "a|b|c". */
static void list_group(FILE *out, const char *group)
{
  bool first = true;

  for (size_t i = 0; i < NCOMMANDS; i++)
    if (head_is(commands[i].name, group)) {
      fprintf(out, "%s%s", first ? "" : "|",
              commands[i].name + head_len(commands[i].name) + 1);
      first = false;
    }
}

/* argv[1] is @group (corpus, glossary): run its subcommand argv[2]. */
static int dispatch_group(const char *group, int argc, char **argv,
                          bool validate_only)
{
  const char *names[64];
  size_t n = 0;
  const char *sub = argc > 2 ? argv[2] : NULL, *guess;

  for (size_t i = 0; i < NCOMMANDS; i++) {
    const char *name = commands[i].name;
    if (!head_is(name, group))
      continue;
    if (sub != NULL && strcmp(name + head_len(name) + 1, sub) == 0)
      return commands[i].fn(&(cli_ctx){&commands[i], validate_only},
                            argc - 2, argv + 2);
    if (n < sizeof names / sizeof names[0])
      names[n++] = name + head_len(name) + 1;
  }
  if (sub != NULL && is_help(sub)) {
    printf(_("uso: tradlint %s "), group);
    list_group(stdout, group);
    printf(_(" [opções]\n\n"));
    for (size_t i = 0; i < NCOMMANDS; i++)
      if (head_is(commands[i].name, group))
        printf("  %-17s %s\n", commands[i].name, _(commands[i].summary));
    printf(_("\n'tradlint %s SUBCOMANDO --help' mostra as opções de cada um.\n"),
           group);
    return 0;
  }
  fprintf(stderr, "tradlint: ");
  if (sub != NULL) {
    fprintf(stderr, _("'%s' não é um subcomando de '%s'"), sub, group);
    if ((guess = cli_closest(sub, names, n)) != NULL)
      fprintf(stderr, _("; você quis dizer '%s %s'?"), group, guess);
    fprintf(stderr, "\n");
  }
  fprintf(stderr, _("uso: tradlint %s "), group);
  list_group(stderr, group);
  fprintf(stderr, _(" [opções]\nuse 'tradlint %s --help' para ver os "
                  "subcomandos\n"), group);
  return CLI_EXIT_TROUBLE;
}

/* The value of a --lang at argv[i] ("--lang en" or "--lang=en"), or NULL;
 * *used is how many arguments it takes. */
static const char *lang_arg(int argc, char **argv, int i, int *used)
{
  if (strncmp(argv[i], "--lang=", 7) == 0) {
    *used = 1;
    return argv[i] + 7;
  }
  if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
    *used = 2;
    return argv[i + 1];
  }
  return NULL;
}

/* The language of the messages, before anything is printed (--help):
 * the environment, then a --lang before the command (taken off argv), then
 * one among the command's arguments -- except for glossary import, whose
 * --lang is the language of the terms. Returns false after a message. */
static bool choose_lang(int *argc, char ***argv)
{
  const char *v;
  int used;

  tl_lang_set(tl_lang_from_env());
  while (*argc > 1 && (v = lang_arg(*argc, *argv, 1, &used)) != NULL) {
    if (!cli_set_lang(NULL, v))
      return false;
    (*argv)[used] = (*argv)[0];
    *argv += used;
    *argc -= used;
  }
  if (*argc > 2 && strcmp((*argv)[1], "glossary") == 0 &&
      strcmp((*argv)[2], "import") == 0)
    return true;
  for (int i = 1; i < *argc && strcmp((*argv)[i], "--") != 0; i++)
    if ((v = lang_arg(*argc, *argv, i, &used)) != NULL) {
      tl_lang lang;
      if (tl_lang_parse(v, &lang)) /* else the command's parser says so */
        tl_lang_set(lang);
      i += used - 1;
    }
  return true;
}

int cli_dispatch(int argc, char **argv, bool validate_only)
{
  const char *word;
  char heads[NCOMMANDS][32];
  const char *names[NCOMMANDS];
  size_t n = 0;
  struct stat st;
  const char *guess;

  if (!choose_lang(&argc, &argv))
    return CLI_EXIT_TROUBLE;
  word = argc > 1 ? argv[1] : NULL;

  if (word != NULL && is_help(word)) {
    help_all();
    return 0;
  }
  for (size_t i = 0; word != NULL && i < NCOMMANDS; i++) {
    const char *name = commands[i].name;
    if (strcmp(name, word) == 0)
      return commands[i].fn(&(cli_ctx){&commands[i], validate_only},
                            argc - 1, argv + 1);
    if (head_is(name, word))
      return dispatch_group(word, argc, argv, validate_only);
  }
  /* no command: `tradlint [options] PATH...` is check, so is a word that
   * names a file, or looks like one; a bare word that is neither is a
   * mistyped command */
  if (word == NULL || word[0] == '-' || word[0] == '\0' ||
      strpbrk(word, "./") != NULL || stat(word, &st) == 0)
    return commands[0].fn(&(cli_ctx){&commands[0], validate_only}, argc,
                          argv);
  for (size_t i = 0; i < NCOMMANDS; i++) { /* "corpus report": "corpus" */
    bool dup = false;
    snprintf(heads[n], sizeof heads[n], "%.*s",
             (int)head_len(commands[i].name), commands[i].name);
    for (size_t k = 0; k < n; k++)
      dup |= strcmp(names[k], heads[n]) == 0;
    if (!dup) {
      names[n] = heads[n];
      n++;
    }
  }
  fprintf(stderr, _("tradlint: '%s' não é um comando nem um arquivo ou pasta"),
          word);
  if ((guess = cli_closest(word, names, n)) != NULL)
    fprintf(stderr, _("; você quis dizer '%s'?"), guess);
  fprintf(stderr, _("\nuse 'tradlint --help' para ver os comandos\n"));
  return CLI_EXIT_TROUBLE;
}
