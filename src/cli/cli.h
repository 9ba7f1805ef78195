/* The command layer: the table of commands, their option parser, and what
 * check and the corpus commands share. Uses only the public header.
 *
 * Adding a command: one row in src/cli/commands.def and one source file
 * src/cli/NAME.c defining its function (int FN(const cli_ctx *, int, char
 * **)). Adding an option: one row in the command's option group (a
 * cli_option array) and one case where the command handles it; options
 * that check and the corpus commands share live in cli_setup_options
 * (src/cli/setup.c) and are handled by cli_setup_option. */
#ifndef TL_CLI_H
#define TL_CLI_H

#include "tradlint.h"
#include "msg.h"

#include <stdbool.h>
#include <stdio.h>

#define CLI_EXIT_FINDINGS 1
#define CLI_EXIT_TROUBLE 2

typedef struct cli_command cli_command;

/* What a command is run with. */
typedef struct cli_ctx {
  const cli_command *cmd;
  /* Stop once the arguments (and the configuration) are parsed and
   * validated, before any file is checked, written or git is run: what the
   * argv fuzzer drives. */
  bool validate_only;
} cli_ctx;

typedef int cli_fn(const cli_ctx *cx, int argc, char **argv);

/* One row of the table (commands.def): CLI_COMMAND(NAME, FN, SYNOPSIS,
 * SUMMARY). NAME is one or two words ("check", "corpus report"); FN gets
 * argv[0] = NAME and the arguments after it. SYNOPSIS is what follows the
 * name in the usage line (several lines separated by '\n'), SUMMARY a
 * line for the list of commands. */
struct cli_command {
  const char *name;
  cli_fn *fn;
  const char *synopsis;
  const char *summary;
};

#define CLI_COMMAND(name, fn, synopsis, summary) cli_fn fn;
#include "commands.def"
#undef CLI_COMMAND

/* Run the command named by argv (argv[1], or argv[1] and argv[2]); no
 * command or a path is `check`. Unknown commands get "você quis dizer".
 * Returns the exit status; stdout is left open (see cli_finish_stdout). */
int cli_dispatch(int argc, char **argv, bool validate_only);
/* Flush and close stdout: @status, or 2 when writing failed. */
int cli_finish_stdout(int status);

/* ---- options ---------------------------------------------------------- */

/* One option. @key is the short letter ('f' for -f) or an id >= 256 for a
 * long-only option; the value a command's parser loop sees. @arg names the
 * value in the help (NULL: no value). @help may hold '\n' for more lines;
 * NULL hides the option from the help.
 * A group is an array of options ended by a row with name NULL. */
typedef struct cli_option {
  const char *name;
  int key;
  const char *arg;
  const char *help;
} cli_option;

/* Keys of long-only options: the shared ones (setup.c) from
 * CLI_SETUP_KEYS, those of check and corpus index (run.c) from
 * CLI_RUN_KEYS, each command's own from CLI_COMMAND_KEYS. */
enum { CLI_SETUP_KEYS = 256, CLI_RUN_KEYS = 384, CLI_COMMAND_KEYS = 512 };
/* The built-in --lang (every command but those with their own --lang). */
enum { CLI_LANG_KEY = 1023 };

enum {
  CLI_OPERAND = -2, /* a non-option argument: in p->val */
  CLI_END = -1,     /* all arguments read */
  CLI_FAIL = -3,    /* a bad option: the message is printed */
  CLI_HELP = -4     /* --help or --version was printed: exit 0 */
};

typedef struct cli_parser {
  const cli_ctx *cx;
  const cli_option *const *groups; /* NULL-terminated */
  int argc;
  char **argv;
  const char *val; /* the value of the option just read, or the operand */
  void *longs;     /* struct option[] for getopt_long */
  char shorts[96];
  bool operands_only; /* after "--" */
} cli_parser;

/* Start parsing argv[1..] with the options of @groups (NULL-terminated;
 * -h/--help and -V/--version are added). */
void cli_parser_init(cli_parser *p, const cli_ctx *cx, int argc, char **argv,
                     const cli_option *const *groups);
/* The next option's key (value in p->val), CLI_OPERAND, CLI_END, CLI_FAIL
 * or CLI_HELP. Operands and options come in the order given. */
int cli_next(cli_parser *p);
void cli_parser_fini(cli_parser *p);

/* ---- messages --------------------------------------------------------- */

/* "tradlint: MESSAGE" and a hint at the command's --help, on stderr. */
void cli_usage_error(const cli_ctx *cx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Set the language of the messages from --lang @val ("pt", "en", ...).
 * False after a usage message when @val is neither. */
bool cli_set_lang(const cli_ctx *cx, const char *val);
/* "tradlint: erro: MESSAGE" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Out of memory (or threads): one message, exit status 2. */
void cli_oom(void) __attribute__((noreturn));
/* The closest of @names (n of them) to @word, or NULL when none is close
 * enough to be a likely typo. */
const char *cli_closest(const char *word, const char *const *names, size_t n);
/* Parse format @val for @cx's command: one of @allowed (space-separated
 * names that tl_format_parse knows). False after a message. */
bool cli_parse_format(const cli_ctx *cx, const char *val, const char *allowed,
                      tl_format *out);
/* The help of @cmd with its option groups, to @out. */
void cli_help(FILE *out, const cli_command *cmd,
              const cli_option *const *groups);

/* ---- shared helpers --------------------------------------------------- */

/* A data folder (dictionaries, glossary): tl_data_path. Owned. */
char *cli_data_dir(const char *name);
bool cli_is_dir(const char *path);
/* The archive root: the nearest folder (from the current one up) with a
 * .tradlint.toml, else the git work tree's root, else the current folder.
 * Owned. */
char *cli_archive_root(void);
/* The archive's name in a shared database when no --archive, archive key
 * or $TRADLINT_ARCHIVE names it: the repository's name in the URL of the
 * git remote "origin" of @root (git@host:redacao/artigos.git: "artigos"),
 * else @root's folder name. Owned. */
char *cli_archive_name(const char *root);
/* Parse a whole number in [min, max]; false when @s is not one. */
bool cli_parse_long(const char *s, long min, long max, long *out);

/* ---- git (src/cli/git.c) ------------------------------------------------ */

/* Run git with @args (NULL-terminated, no shell) and collect its standard
 * output (NUL-terminated, *len bytes; free it). Returns git's exit status,
 * or -1 when it could not run. */
int cli_git(char *const args[], char **out, size_t *len);
/* The staged articles (*.md, *.markdown, *.txt; regular files, not
 * symlinks or submodules): their paths and blob ids, in the same order.
 * Returns 0, or 2 with the message printed. */
int cli_git_staged(tl_strv *paths, tl_strv *blobs);
/* The content of blob @id (free it). Returns 0, or 2 with the message
 * printed (naming @path). */
int cli_git_blob(const char *id, const char *path, char **data, size_t *len);

/* ---- what check and the corpus commands share (src/cli/setup.c) -------- */

/* The shared options: configuration, database, glossary, word lists,
 * dictionaries, rule levels, suggestions. --no-db is a group of its own:
 * check shows it, the corpus commands take it hidden, to refuse it with
 * a message that says why. */
extern const cli_option cli_setup_options[];
extern const cli_option cli_setup_no_db[];
extern const cli_option cli_setup_no_db_hidden[];

typedef struct cli_setup {
  tl_options opt;
  tl_strv words, glossaries, levels;
  char *words_dir;
  const char *config_opt, *db_opt, *archive_opt;
  bool no_config, no_glossary, no_db, no_cache, rebuild_db;
  char *cache_dir; /* the verdict cache of --no-db runs, or NULL */
  bool corpus_command; /* --no-db is refused */
  unsigned db_flags;   /* more tl_corpus_open flags (TL_CORPUS_READONLY) */
  bool fail_on_set, max_sugg_set;
  tl_severity fail_on;
  char *config_path; /* NULL: no configuration file */
  tl_config cfg;
  char *root, *db_path, *archive;
  tl_linter *linter;
  tl_corpus *corpus;
} cli_setup;

void cli_setup_init(cli_setup *s);
void cli_setup_fini(cli_setup *s);
/* Handle shared option @key (value p->val): 1 when handled, 0 when the
 * key is not a shared option, -1 on a bad value (message printed). */
int cli_setup_option(cli_setup *s, const cli_parser *p, int key);
/* Read the configuration (--config, else the nearest .tradlint.toml from
 * @first_path up) and merge it under the command line; the defaults.
 * Returns 0 or an exit status with the message printed. */
int cli_setup_config(cli_setup *s, const cli_ctx *cx, const char *first_path);
/* The archive's name in a shared database: --archive, the configuration's
 * archive, $TRADLINT_ARCHIVE, else cli_archive_name of the root. Owned. */
char *cli_setup_archive(const cli_setup *s);
/* Create the linter and, unless --no-db, open the corpus memory; with
 * --no-db, the verdict cache unless --no-cache. */
int cli_setup_open(cli_setup *s);
/* The files under @paths (folders walked), appended to @files. Returns
 * whether every path gave at least one article (false: messages
 * printed). */
bool cli_setup_collect(cli_setup *s, const tl_strv *paths, tl_strv *files);
/* Drop the files the configuration's ignore patterns match from @files,
 * and the same entries from @parallel (NULL, or as long as @files). */
void cli_setup_ignore(cli_setup *s, tl_strv *files, tl_strv *parallel);

/* ---- checking files (src/cli/run.c) ------------------------------------ */

/* The options of check and corpus index: --markdown, --plain, -j. */
extern const cli_option cli_run_options[];

typedef struct cli_run {
  tl_markup markup;
  long jobs;            /* 0: one thread a core */
  bool index_only;      /* corpus index: record, do not report */
  const tl_strv *blobs; /* when set, each file's content is this git blob */
  bool fix, dry_run;
  tl_format format;
  int color; /* -1 auto */
  bool sort_severity;
  const char *report_dir;
  bool min_level_set;
  tl_severity min_level;        /* --min-level */
  const char *baseline;         /* --baseline FILE */
  const char *write_baseline;   /* --write-baseline FILE */
} cli_run;

void cli_run_init(cli_run *r);
/* Handle option @key of cli_run_options: as cli_setup_option. */
int cli_run_option(cli_run *r, const cli_parser *p, int key);
/* Check @files with the linter of @s and report them; the exit status
 * (2 when @trouble: a path could not be collected). */
int cli_run_files(cli_setup *s, const cli_run *r, const tl_strv *files,
                  bool trouble);

#endif
