/* tradlint command line. Uses only the public header. */
#include "tradlint.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define EXIT_FINDINGS 1
#define EXIT_TROUBLE 2

static const char USAGE[] =
    "uso: tradlint [check] [opções] CAMINHO...\n"
    "     tradlint check --staged                 o que está no índice do git\n"
    "     tradlint install-hook [--force]         gancho pre-commit do git\n"
    "     tradlint glossary check [CAMINHO...]\n"
    "     tradlint corpus index CAMINHO...        registra sem relatar\n"
    "     tradlint corpus report [--format text|json|html]\n"
    "     tradlint corpus variants [--format text|tsv]\n"
    "     tradlint corpus prune | stats\n"
    "\n"
    "Verifica traduções em português do Brasil de textos sobre IA: ortografia\n"
    "(Hunspell pt_BR + listas do projeto) e terminologia (glossário de termos\n"
    "de IA: formas proibidas, variantes, consistência, concordância de gênero).\n"
    "CAMINHO é um arquivo, uma pasta\n"
    "(procura *.md, *.markdown e *.txt, em ordem, sem pastas ocultas) ou '-'\n"
    "para a entrada padrão.\n"
    "\n"
    "Opções:\n"
    "  -f, --format FORMATO     text (padrão), json ou sarif\n"
    "      --sort ORDEM         position (padrão) ou severity: os piores\n"
    "                           primeiro dentro de cada arquivo\n"
    "      --fail-on NÍVEL      error (padrão), warning, info ou never: sai com 1\n"
    "                           quando há achados desse nível ou acima\n"
    "      --color QUANDO       auto (padrão: só em terminal; respeita NO_COLOR),\n"
    "                           always ou never\n"
    "      --max-suggestions N  calcula sugestões para no máximo N palavras por\n"
    "                           execução (padrão 200; -1 sem limite)\n"
    "      --no-suggestions     não calcula sugestões (mais rápido)\n"
    "      --slow-suggestions   também pede ao Hunspell sugestões para palavras\n"
    "                           a mais de uma letra de distância (0,1 s cada,\n"
    "                           até 5 por arquivo; variam com a carga da máquina)\n"
    "      --markdown, --plain  lê tudo como Markdown ou como texto simples\n"
    "                           (padrão: .txt é texto simples, o resto Markdown)\n"
    "      --hunspell-dir PASTA pasta de pt_BR.aff/pt_BR.dic\n"
    "                           (padrão: $TRADLINT_HUNSPELL_DIR ou /usr/share/hunspell)\n"
    "      --words-dir PASTA    listas de palavras do projeto (padrão: dictionaries/)\n"
    "      --words ARQUIVO      lista de palavras extra (pode repetir)\n"
    "      --glossary CAMINHO   glossário: arquivo .tsv ou pasta de .tsv (pode\n"
    "                           repetir; padrão: glossary/ do projeto)\n"
    "      --no-glossary        sem glossário (só ortografia)\n"
    "      --db ARQUIVO         banco da memória do acervo (padrão: $TRADLINT_DB,\n"
    "                           ou .tradlint.db na raiz do acervo: a pasta do\n"
    "                           .tradlint.toml mais próximo, a raiz do git, ou a\n"
    "                           pasta atual)\n"
    "      --config ARQUIVO     configuração (padrão: o .tradlint.toml mais\n"
    "                           próximo, subindo a partir do primeiro CAMINHO)\n"
    "      --no-config          ignora os arquivos .tradlint.toml\n"
    "      --no-db              não usa a memória do acervo\n"
    "      --report-dir PASTA   grava PASTA/<arquivo>.html e .json por arquivo e\n"
    "                           PASTA/index.html\n"
    "      --fix                aplica as correções seguras no próprio arquivo\n"
    "      --fix --dry-run      mostra as correções como diff, sem gravar\n"
    "      --rule REGRA=NÍVEL   muda o nível de uma regra ou categoria (off,\n"
    "                           error, warning, info); pode repetir\n"
    "      --disable REGRA      o mesmo que --rule REGRA=off\n"
    "      --report-unused-disables  relata supressões que não suprimem nada\n"
    "      --rebuild-db         guarda um banco corrompido como ARQUIVO.bak e\n"
    "                           cria outro\n"
    "  -j, --jobs N             verifica N arquivos ao mesmo tempo (padrão: um\n"
    "                           por núcleo); a saída é a mesma de -j 1\n"
    "  -h, --help               mostra esta ajuda\n"
    "  -V, --version            mostra a versão\n"
    "\n"
    "Saída: 0 sem achados no nível de --fail-on ou acima; 1 com achados;\n"
    "2 erro de uso, arquivo ilegível ou inválido, dicionário ausente,\n"
    "glossário inválido.\n"
    "\n"
    "'tradlint glossary check' valida o glossário (padrão: glossary/) e conta\n"
    "conceitos e formas; sai com 2 e aponta arquivo:linha:coluna se houver erro.\n";

static void usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
static void usage_error(const char *fmt, ...)
{
  va_list ap;

  fprintf(stderr, "tradlint: ");
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nuse 'tradlint --help' para ver as opções\n");
}

static bool is_dir(const char *p)
{
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A data folder (dictionaries, glossary): see tl_data_path. */
static char *data_dir(const char *name)
{
  return tl_data_path(name);
}

static int finish_stdout(int status)
{
  if (ferror(stdout) || fclose(stdout) != 0) {
    fprintf(stderr, "tradlint: erro ao escrever a saída: %s\n",
            strerror(errno));
    return EXIT_TROUBLE;
  }
  return status;
}

/* tradlint glossary check [PATH...] */
static int glossary_command(int argc, char **argv)
{
  const char **paths = calloc((size_t)argc + 1, sizeof *paths);
  char *def = NULL;
  size_t n = 0;
  tl_glossary_stats gs;
  tl_error err;
  int status = 0;

  if (paths == NULL)
    return EXIT_TROUBLE;
  if (argc < 3 || strcmp(argv[2], "check") != 0) {
    usage_error("uso: tradlint glossary check [CAMINHO...]");
    free(paths);
    return EXIT_TROUBLE;
  }
  for (int i = 3; i < argc; i++)
    paths[n++] = argv[i];
  if (n == 0)
    paths[n++] = def = data_dir("glossary");
  if (tl_glossary_check(paths, &gs, &err) != TL_OK) {
    fprintf(stderr, "tradlint: erro: %s\n", err.msg);
    status = EXIT_TROUBLE;
  } else {
    printf("glossário: %zu conceitos em %zu %s; formas: %zu preferidas, %zu "
           "siglas, %zu admitidas, %zu proibidas; OK\n",
           gs.concepts, gs.files, gs.files == 1 ? "arquivo" : "arquivos",
           gs.preferred, gs.abbrev, gs.admitted, gs.forbidden);
  }
  free(def);
  free(paths);
  return finish_stdout(status);
}

/* Run git with @args (no shell) and collect its standard output. Returns
 * git's exit status, or -1 when it could not run. */
static int run_git(char *const args[], char **out, size_t *len)
{
  int pipefd[2], status = -1;
  pid_t pid;
  posix_spawn_file_actions_t fa;
  char chunk[65536];
  size_t cap = 0;
  ssize_t n;

  *out = NULL;
  *len = 0;
  if (pipe(pipefd) != 0)
    return -1;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, pipefd[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&fa, pipefd[0]);
  if (posix_spawnp(&pid, "git", &fa, NULL, args, environ) != 0) {
    posix_spawn_file_actions_destroy(&fa);
    close(pipefd[0]);
    close(pipefd[1]);
    return -1;
  }
  posix_spawn_file_actions_destroy(&fa);
  close(pipefd[1]);
  while ((n = read(pipefd[0], chunk, sizeof chunk)) != 0) {
    if (n < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    if (*len + (size_t)n + 1 > cap) {
      cap = (*len + (size_t)n + 1) * 2;
      *out = realloc(*out, cap);
      if (*out == NULL)
        abort();
    }
    memcpy(*out + *len, chunk, (size_t)n);
    *len += (size_t)n;
  }
  close(pipefd[0]);
  if (*out == NULL)
    *out = calloc(1, 1);
  else
    (*out)[*len] = '\0';
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static bool is_article(const char *p)
{
  size_t n = strlen(p);
  return (n > 3 && strcmp(p + n - 3, ".md") == 0) ||
         (n > 9 && strcmp(p + n - 9, ".markdown") == 0) ||
         (n > 4 && strcmp(p + n - 4, ".txt") == 0);
}

#define HOOK_MARK "# written by tradlint install-hook"

/* tradlint install-hook [--force] */
static int install_hook(int argc, char **argv)
{
  bool force = argc > 2 && strcmp(argv[2], "--force") == 0;
  char *const args[] = {"git", "rev-parse", "--git-path", "hooks", NULL};
  char *dir = NULL, path[PATH_MAX + 32], exe[PATH_MAX];
  size_t len;
  FILE *fp;
  ssize_t n;

  if (argc > 3 || (argc == 3 && !force)) {
    usage_error("uso: tradlint install-hook [--force]");
    return EXIT_TROUBLE;
  }
  if (run_git(args, &dir, &len) != 0 || len == 0) {
    fprintf(stderr, "tradlint: erro: não é um repositório git (git "
                    "rev-parse falhou)\n");
    free(dir);
    return EXIT_TROUBLE;
  }
  while (len > 0 && (dir[len - 1] == '\n' || dir[len - 1] == '\r'))
    dir[--len] = '\0';
  mkdir(dir, 0755);
  snprintf(path, sizeof path, "%s/pre-commit", dir);
  free(dir);
  fp = fopen(path, "r");
  if (fp != NULL) {
    char line[256];
    bool ours = false;
    while (fgets(line, sizeof line, fp) != NULL)
      ours |= strncmp(line, HOOK_MARK, strlen(HOOK_MARK)) == 0;
    fclose(fp);
    if (!ours && !force) {
      fprintf(stderr,
              "tradlint: erro: %s já existe e não foi escrito pelo tradlint; "
              "use 'tradlint install-hook --force' para substituí-lo\n",
              path);
      return EXIT_TROUBLE;
    }
  }
  n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = '\0';
  fp = fopen(path, "w");
  if (fp == NULL) {
    fprintf(stderr, "tradlint: erro: %s: %s\n", path, strerror(errno));
    return EXIT_TROUBLE;
  }
  fprintf(fp,
          "#!/bin/sh\n" HOOK_MARK "\n"
          "# Checks the staged Markdown and text files; blocks the commit on "
          "errors.\n"
          "if command -v tradlint >/dev/null 2>&1; then exec tradlint check "
          "--staged; fi\n"
          "exec '%s' check --staged\n",
          n > 0 ? exe : "tradlint");
  if (fclose(fp) != 0 || chmod(path, 0755) != 0) {
    fprintf(stderr, "tradlint: erro: %s: %s\n", path, strerror(errno));
    return EXIT_TROUBLE;
  }
  printf("tradlint: gancho instalado em %s\n", path);
  return finish_stdout(0);
}

/* Checking files in several threads: each worker has a linter of its own
 * and checks the next file; the main thread takes the results in file
 * order and completes them (corpus stage, report), so that the output is
 * the same as with one thread. Workers run at most WINDOW files ahead. */
typedef struct pool {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  char **files;
  size_t nfiles, next, consumed, window;
  tl_markup markup;
  tl_linter **linters;
  tl_result **res;
  tl_status *st;
  tl_error *errs;
  bool *done;
  bool stop;
} pool;

typedef struct worker_arg {
  pool *p;
  size_t id;
} worker_arg;

static void *worker(void *ud)
{
  worker_arg *wa = ud;
  pool *p = wa->p;

  for (;;) {
    size_t k;
    tl_result *r = NULL;
    tl_status st;
    pthread_mutex_lock(&p->mu);
    while (!p->stop && p->next < p->nfiles &&
           p->next >= p->consumed + p->window)
      pthread_cond_wait(&p->cv, &p->mu);
    if (p->stop || p->next >= p->nfiles) {
      pthread_mutex_unlock(&p->mu);
      return NULL;
    }
    k = p->next++;
    pthread_mutex_unlock(&p->mu);
    st = tl_lint_file(p->linters[wa->id], p->files[k], p->markup, &r,
                      &p->errs[k]);
    pthread_mutex_lock(&p->mu);
    p->res[k] = r;
    p->st[k] = st;
    p->done[k] = true;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
  }
}

/* The archive root: the nearest folder (from the current one up) with a
 * .tradlint.toml, else the git work tree's root, else the current folder.
 * Owned by the caller. */
static char *archive_root(void)
{
  char dir[PATH_MAX], probe[PATH_MAX + 32], *git = NULL;

  if (getcwd(dir, sizeof dir) == NULL)
    return strdup(".");
  for (;;) {
    struct stat st;
    char *slash;
    snprintf(probe, sizeof probe, "%s/.tradlint.toml", dir);
    if (stat(probe, &st) == 0) {
      free(git);
      return strdup(dir);
    }
    snprintf(probe, sizeof probe, "%s/.git", dir);
    if (git == NULL && stat(probe, &st) == 0)
      git = strdup(dir);
    slash = strrchr(dir, '/');
    if (slash == NULL || slash == dir)
      break;
    *slash = '\0';
  }
  if (git != NULL)
    return git;
  return getcwd(dir, sizeof dir) != NULL ? strdup(dir) : strdup(".");
}

enum mode { MODE_CHECK, MODE_INDEX, MODE_REPORT, MODE_PRUNE, MODE_STATS,
            MODE_VARIANTS };

int main(int argc, char **argv)
{
  tl_options opt;
  tl_format format = TL_FORMAT_TEXT;
  tl_severity fail_on = TL_ERROR;
  tl_markup markup = TL_MARKUP_AUTO;
  int color = -1; /* auto */
  const char **paths = NULL, **words = NULL, **glossaries = NULL;
  const char **levels = NULL;
  char **owned = NULL;
  size_t npaths = 0, nwords = 0, nglossaries = 0, nlevels = 0, nowned = 0;
  bool no_glossary = false;
  char *default_glossary = NULL;
  char *words_dir = NULL;
  char **files = NULL;
  size_t nfiles = 0;
  tl_linter *l = NULL;
  tl_corpus *corpus = NULL;
  tl_report *rep;
  tl_error err;
  bool trouble = false, opts_done = false, no_db = false, rebuild_db = false;
  bool sort_severity = false, fix = false, dry_run = false;
  bool fail_on_set = false, max_sugg_set = false, no_config = false;
  bool staged = false;
  char *staged_list = NULL;
  long jobs = 0; /* 0: the number of cores */
  pool pl;
  pthread_t *threads = NULL;
  worker_arg *wargs = NULL;
  size_t nthreads = 0;
  const char *config_opt = NULL;
  char *config_path = NULL;
  tl_config cfg;
  const char *report_dir = NULL;
  tl_report_dir *rdir = NULL;
  size_t fixed_total = 0;
  const char *db_opt = NULL;
  char *root = NULL, *db_path = NULL;
  enum mode mode = MODE_CHECK;
  int i = 1, status;

  tl_options_init(&opt);
  memset(&cfg, 0, sizeof cfg);
  if (argc > 1 && strcmp(argv[1], "glossary") == 0)
    return glossary_command(argc, argv);
  if (argc > 1 && strcmp(argv[1], "install-hook") == 0)
    return install_hook(argc, argv);
  if (argc > 1 && strcmp(argv[1], "check") == 0)
    i = 2;
  if (argc > 1 && strcmp(argv[1], "corpus") == 0) {
    static const struct {
      const char *name;
      enum mode mode;
    } subs[] = {{"index", MODE_INDEX},   {"report", MODE_REPORT},
                {"prune", MODE_PRUNE},   {"stats", MODE_STATS},
                {"variants", MODE_VARIANTS}};
    bool found = false;
    for (size_t k = 0; argc > 2 && k < sizeof subs / sizeof subs[0]; k++)
      if (strcmp(argv[2], subs[k].name) == 0) {
        mode = subs[k].mode;
        found = true;
      }
    if (!found) {
      usage_error("uso: tradlint corpus index|report|prune|stats|variants "
                  "[opções]");
      return EXIT_TROUBLE;
    }
    i = 3;
  }
  paths = calloc((size_t)argc + 1, sizeof *paths);
  words = calloc((size_t)argc + 1, sizeof *words);
  glossaries = calloc((size_t)argc + 2, sizeof *glossaries);
  levels = calloc((size_t)argc + 1, sizeof *levels);
  owned = calloc((size_t)argc + 1, sizeof *owned);
  if (paths == NULL || words == NULL || glossaries == NULL ||
      levels == NULL || owned == NULL)
    goto usage;
  for (; i < argc; i++) {
    const char *a = argv[i];
    const char *val = NULL;
    bool needs = false;
#define OPT_VALUE(name)                                                       \
  (strcmp(a, name) == 0 ? (needs = true, i + 1 < argc ? (val = argv[++i]) : NULL) \
   : (strncmp(a, name "=", sizeof name) == 0 ? (needs = true, val = a + sizeof name) : NULL))
    if (opts_done || a[0] != '-' || strcmp(a, "-") == 0) {
      paths[npaths++] = a;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      opts_done = true;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(USAGE, stdout);
      status = 0;
      goto out;
    } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
      printf("tradlint %s\n", TL_VERSION);
      status = 0;
      goto out;
    } else if (OPT_VALUE("--format") || (strcmp(a, "-f") == 0 && (needs = true) &&
                                         i + 1 < argc && (val = argv[++i]))) {
      if (strcmp(val, "text") == 0)
        format = TL_FORMAT_TEXT;
      else if (strcmp(val, "json") == 0 && mode != MODE_VARIANTS)
        format = TL_FORMAT_JSON;
      else if (strcmp(val, "sarif") == 0 && mode == MODE_CHECK)
        format = TL_FORMAT_SARIF;
      else if (strcmp(val, "html") == 0 && mode == MODE_REPORT)
        format = TL_FORMAT_HTML;
      else if (strcmp(val, "tsv") == 0 && mode == MODE_VARIANTS)
        format = TL_FORMAT_TSV;
      else {
        usage_error("formato desconhecido '%s' (use %s)", val,
                    mode == MODE_REPORT     ? "text, json ou html"
                    : mode == MODE_VARIANTS ? "text ou tsv"
                                            : "text, json ou sarif");
        goto usage;
      }
    } else if (OPT_VALUE("--fail-on")) {
      fail_on_set = true;
      if (!tl_severity_parse(val, &fail_on)) {
        usage_error("--fail-on '%s' inválido (use error, warning, info ou "
                    "never)",
                    val);
        goto usage;
      }
    } else if (OPT_VALUE("--color")) {
      if (strcmp(val, "auto") == 0)
        color = -1;
      else if (strcmp(val, "always") == 0)
        color = 1;
      else if (strcmp(val, "never") == 0)
        color = 0;
      else {
        usage_error("--color '%s' inválido (use auto, always ou never)", val);
        goto usage;
      }
    } else if (OPT_VALUE("--max-suggestions")) {
      char *end;
      max_sugg_set = true;
      errno = 0;
      opt.max_suggestions = strtol(val, &end, 10);
      if (errno != 0 || *end != '\0' || end == val ||
          opt.max_suggestions < -1) {
        usage_error("--max-suggestions '%s' inválido (um número, ou -1)", val);
        goto usage;
      }
    } else if (strcmp(a, "--slow-suggestions") == 0) {
      opt.slow_suggestions = true;
    } else if (strcmp(a, "--no-suggestions") == 0) {
      opt.max_suggestions = 0;
      max_sugg_set = true;
    } else if (OPT_VALUE("--config")) {
      config_opt = val;
    } else if (strcmp(a, "--no-config") == 0) {
      no_config = true;
    } else if (strcmp(a, "--markdown") == 0) {
      markup = TL_MARKUP_MARKDOWN;
    } else if (strcmp(a, "--plain") == 0) {
      markup = TL_MARKUP_PLAIN;
    } else if (OPT_VALUE("--hunspell-dir")) {
      opt.hunspell_dir = val;
    } else if (OPT_VALUE("--words-dir")) {
      free(words_dir);
      words_dir = strdup(val);
    } else if (OPT_VALUE("--words")) {
      words[nwords++] = val;
    } else if (OPT_VALUE("--glossary")) {
      glossaries[nglossaries++] = val;
    } else if (strcmp(a, "--no-glossary") == 0) {
      no_glossary = true;
    } else if (OPT_VALUE("--sort")) {
      if (strcmp(val, "severity") == 0)
        sort_severity = true;
      else if (strcmp(val, "position") == 0)
        sort_severity = false;
      else {
        usage_error("--sort '%s' inválido (use position ou severity)", val);
        goto usage;
      }
    } else if (OPT_VALUE("--report-dir")) {
      report_dir = val;
    } else if (OPT_VALUE("--jobs") ||
               (strncmp(a, "-j", 2) == 0 && a[2] != '\0' && (val = a + 2)) ||
               (strcmp(a, "-j") == 0 && (needs = true) && i + 1 < argc &&
                (val = argv[++i]))) {
      char *end;
      errno = 0;
      jobs = strtol(val, &end, 10);
      if (errno != 0 || *end != '\0' || end == val || jobs < 1 || jobs > 256) {
        usage_error("-j '%s' inválido (um número de 1 a 256)", val);
        goto usage;
      }
    } else if (strcmp(a, "--staged") == 0) {
      staged = true;
    } else if (strcmp(a, "--fix") == 0) {
      fix = true;
    } else if (strcmp(a, "--dry-run") == 0) {
      dry_run = true;
    } else if (strcmp(a, "--report-unused-disables") == 0) {
      opt.report_unused_disables = true;
    } else if (OPT_VALUE("--rule")) {
      levels[nlevels++] = val;
    } else if (OPT_VALUE("--disable")) {
      char *s = malloc(strlen(val) + 8);
      if (s == NULL)
        goto usage;
      sprintf(s, "%s=off", val);
      owned[nowned++] = s;
      levels[nlevels++] = s;
    } else if (strcmp(a, "--no-db") == 0) {
      no_db = true;
    } else if (OPT_VALUE("--db")) {
      db_opt = val;
    } else if (strcmp(a, "--rebuild-db") == 0) {
      rebuild_db = true;
    } else if (needs) {
      usage_error("a opção '%s' precisa de um valor", a);
      goto usage;
    } else {
      usage_error("opção desconhecida '%s'", a);
      goto usage;
    }
#undef OPT_VALUE
    if (needs && val == NULL) {
      usage_error("a opção '%s' precisa de um valor", a);
      goto usage;
    }
  }
  if (staged) {
    /* exactly what is staged: names from the index, content from it too */
    char *const args[] = {"git", "diff", "--cached", "--name-only",
                          "--diff-filter=ACMR", "-z", NULL};
    size_t len;
    if (npaths > 0 || fix || mode != MODE_CHECK) {
      usage_error("--staged não aceita caminhos, --fix nem 'corpus'");
      goto usage;
    }
    if (run_git(args, &staged_list, &len) != 0) {
      fprintf(stderr, "tradlint: erro: git diff --cached falhou (é um "
                      "repositório git?)\n");
      free(staged_list);
      staged_list = NULL;
      goto usage;
    }
    for (size_t k = 0; k < len; k += strlen(staged_list + k) + 1)
      if (is_article(staged_list + k))
        paths[npaths++] = staged_list + k;
    if (npaths == 0) {
      printf("tradlint: nenhum artigo no que está preparado para o commit\n");
      status = 0;
      goto out;
    }
  }
  if (npaths == 0 && (mode == MODE_CHECK || mode == MODE_INDEX)) {
    usage_error("nenhum arquivo ou pasta para verificar");
    goto usage;
  }
  if (npaths > 0 && mode != MODE_CHECK && mode != MODE_INDEX) {
    usage_error("argumento inesperado '%s'", paths[0]);
    goto usage;
  }
  if (no_db && mode != MODE_CHECK) {
    usage_error("--no-db não serve para 'tradlint corpus': o acervo é o "
                "banco");
    goto usage;
  }
  /* the configuration file: --config, else the nearest .tradlint.toml from
   * the first path (or the current folder) up; the command line wins */
  if (!no_config) {
    if (config_opt != NULL)
      config_path = strdup(config_opt);
    else
      config_path = tl_config_find(npaths > 0 && strcmp(paths[0], "-") != 0
                                       ? paths[0]
                                       : ".");
  }
  if (config_path != NULL) {
    if (tl_config_load(&cfg, config_path, &err) != TL_OK) {
      fprintf(stderr, "tradlint: erro: %s\n", err.msg);
      free(config_path);
      config_path = NULL;
      status = EXIT_TROUBLE;
      goto out;
    }
    if (words_dir == NULL && cfg.words_dir != NULL)
      words_dir = strdup(cfg.words_dir);
    if (nwords == 0)
      for (size_t k = 0; k < cfg.nwords; k++)
        words[nwords++] = cfg.words[k];
    if (nglossaries == 0 && !no_glossary)
      for (size_t k = 0; k < cfg.nglossary; k++)
        glossaries[nglossaries++] = cfg.glossary[k];
    if (opt.hunspell_dir == NULL)
      opt.hunspell_dir = cfg.hunspell_dir;
    if (db_opt == NULL && (getenv("TRADLINT_DB") == NULL ||
                           getenv("TRADLINT_DB")[0] == '\0'))
      db_opt = cfg.db;
    if (!fail_on_set && cfg.fail_on != NULL)
      tl_severity_parse(cfg.fail_on, &fail_on);
    if (!max_sugg_set && cfg.max_suggestions != LONG_MIN)
      opt.max_suggestions = cfg.max_suggestions;
    if (cfg.nrules > 0) { /* the file's rules first: the command line wins */
      const char **all = calloc(cfg.nrules + nlevels + 1, sizeof *all);
      if (all == NULL)
        goto usage;
      for (size_t k = 0; k < cfg.nrules; k++)
        all[k] = cfg.rules[k];
      for (size_t k = 0; k < nlevels; k++)
        all[cfg.nrules + k] = levels[k];
      free(levels);
      levels = all;
      nlevels += cfg.nrules;
    }
  }
  if (words_dir == NULL)
    words_dir = data_dir("dictionaries");
  opt.words_dir = words_dir;
  opt.extra_words = words;
  if (nglossaries == 0 && !no_glossary) {
    default_glossary = data_dir("glossary");
    if (!is_dir(default_glossary)) { /* never a silent skip */
      fprintf(stderr,
              "tradlint: erro: %s: glossário da casa não encontrado; "
              "instale os dados (make install), aponte TRADLINT_DATA_DIR "
              "para eles, use --glossary CAMINHO ou, sem glossário, "
              "--no-glossary\n",
              default_glossary);
      status = EXIT_TROUBLE;
      goto out;
    }
    glossaries[nglossaries++] = default_glossary;
  }
  if (!no_glossary)
    opt.glossary = glossaries;
  opt.rule_levels = levels;
  if (config_path != NULL && root == NULL)
    root = strdup(cfg.dir); /* the archive root: the configuration's folder */
  if (dry_run && !fix) {
    usage_error("--dry-run só vale com --fix");
    goto usage;
  }
  if (tl_linter_new(&l, &opt, &err) != TL_OK) {
    fprintf(stderr, "tradlint: erro: %s\n", err.msg);
    status = EXIT_TROUBLE;
    goto out;
  }
  if (!no_db) {
    const char *env = getenv("TRADLINT_DB");
    if (root == NULL)
      root = archive_root();
    if (db_opt != NULL)
      db_path = strdup(db_opt);
    else if (env != NULL && env[0] != '\0')
      db_path = strdup(env);
    else {
      db_path = malloc(strlen(root) + 16);
      if (db_path != NULL)
        sprintf(db_path, "%s/.tradlint.db", root);
    }
    if (db_path == NULL ||
        tl_corpus_open(&corpus, db_path, rebuild_db ? TL_CORPUS_REBUILD : 0,
                       &err) != TL_OK) {
      fprintf(stderr, "tradlint: erro: %s\n", db_path ? err.msg : "memória");
      status = EXIT_TROUBLE;
      goto out;
    }
    tl_linter_set_corpus(l, corpus, root);
  }
  if (mode != MODE_CHECK && mode != MODE_INDEX) {
    tl_status st = TL_OK;
    if (mode == MODE_REPORT)
      st = tl_corpus_report(corpus, l, format, stdout, &err);
    else if (mode == MODE_VARIANTS)
      st = tl_corpus_variants(corpus, format, stdout, &err);
    else if (mode == MODE_PRUNE)
      st = tl_corpus_prune(corpus, root, stdout, &err);
    else
      st = tl_corpus_stats(corpus, stdout, &err);
    if (st != TL_OK)
      fprintf(stderr, "tradlint: erro: %s\n", err.msg);
    status = st == TL_OK ? 0 : EXIT_TROUBLE;
    goto out;
  }
  for (size_t k = 0; k < npaths && staged; k++) {
    files = realloc(files, (nfiles + 1) * sizeof *files);
    if (files == NULL || (files[nfiles] = strdup(paths[k])) == NULL)
      abort();
    nfiles++;
  }
  for (size_t k = 0; k < npaths && !staged; k++) {
    size_t before = nfiles;
    if (tl_paths_collect(paths[k], &files, &nfiles, &err) != TL_OK) {
      fprintf(stderr, "tradlint: erro: %s\n", err.msg);
      trouble = true;
    } else if (nfiles == before) {
      fprintf(stderr,
              "tradlint: erro: %s: nenhum artigo (*.md, *.markdown, *.txt) "
              "nesta pasta\n",
              paths[k]);
      trouble = true;
    }
  }
  if (config_path != NULL && cfg.nignore > 0) { /* ignore patterns */
    size_t kept = 0;
    for (size_t k = 0; k < nfiles; k++) {
      if (tl_config_ignores(&cfg, files[k]))
        free(files[k]);
      else
        files[kept++] = files[k];
    }
    nfiles = kept;
  }
  if (color < 0)
    color = isatty(STDOUT_FILENO) &&
            (getenv("NO_COLOR") == NULL || getenv("NO_COLOR")[0] == '\0');
  rep = tl_report_new(format, stdout, (color ? TL_REPORT_COLOR : 0) |
                                         (sort_severity ? TL_REPORT_SORT_SEVERITY : 0));
  if (root == NULL)
    root = archive_root();
  tl_report_set_root(rep, root);
  if (report_dir != NULL &&
      tl_report_dir_new(&rdir, report_dir, root, &err) != TL_OK) {
    fprintf(stderr, "tradlint: erro: %s\n", err.msg);
    tl_report_free(rep);
    status = EXIT_TROUBLE;
    goto out;
  }
  if (rdir != NULL && corpus != NULL)
    tl_report_dir_set_corpus(rdir, corpus, l);
  /* threads: -j N, by default one a core, never more than files */
  memset(&pl, 0, sizeof pl);
  if (jobs == 0) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    jobs = cores > 0 ? cores : 1;
  }
  if (!staged && jobs > 1 && nfiles > 1) {
    nthreads = (size_t)jobs < nfiles ? (size_t)jobs : nfiles;
    pthread_mutex_init(&pl.mu, NULL);
    pthread_cond_init(&pl.cv, NULL);
    pl.files = files;
    pl.nfiles = nfiles;
    pl.window = nthreads * 4;
    pl.markup = markup;
    pl.linters = calloc(nthreads, sizeof *pl.linters);
    pl.res = calloc(nfiles, sizeof *pl.res);
    pl.st = calloc(nfiles, sizeof *pl.st);
    pl.errs = calloc(nfiles, sizeof *pl.errs);
    pl.done = calloc(nfiles, sizeof *pl.done);
    threads = calloc(nthreads, sizeof *threads);
    wargs = calloc(nthreads, sizeof *wargs);
    if (!pl.linters || !pl.res || !pl.st || !pl.errs || !pl.done || !threads ||
        !wargs)
      abort();
    tl_linter_defer_corpus(l, true);
    pl.linters[0] = l;
    for (size_t t = 1; t < nthreads; t++)
      if (tl_linter_new_sibling(&pl.linters[t], l, &err) != TL_OK)
        abort();
    for (size_t t = 0; t < nthreads; t++) {
      wargs[t].p = &pl;
      wargs[t].id = t;
      if (pthread_create(&threads[t], NULL, worker, &wargs[t]) != 0)
        abort();
    }
  }
  for (size_t k = 0; k < nfiles; k++) {
    tl_result *r = NULL;
    tl_status st;
    if (nthreads > 0) { /* the next result, in order */
      pthread_mutex_lock(&pl.mu);
      while (!pl.done[k])
        pthread_cond_wait(&pl.cv, &pl.mu);
      r = pl.res[k];
      st = pl.st[k];
      err = pl.errs[k];
      pl.consumed = k + 1;
      pthread_cond_broadcast(&pl.cv);
      pthread_mutex_unlock(&pl.mu);
      if (st == TL_OK)
        st = tl_linter_complete(l, r, &err);
      if (st != TL_OK) {
        tl_result_free(r);
        r = NULL;
      }
    } else if (staged) {
      char spec[PATH_MAX + 8], *data = NULL;
      char *args[] = {"git", "show", spec, NULL};
      size_t len;
      snprintf(spec, sizeof spec, ":%s", files[k]);
      if (run_git(args, &data, &len) != 0) {
        fprintf(stderr, "tradlint: erro: %s: não foi possível ler do "
                        "índice do git\n", files[k]);
        free(data);
        trouble = true;
        continue;
      }
      st = tl_lint_buffer(l, files[k], data, len, markup, &r, &err);
      free(data);
    } else {
      st = tl_lint_file(l, files[k], markup, &r, &err);
    }
    if (st != TL_OK) {
      fflush(stdout);
      fprintf(stderr, "tradlint: erro: %s\n", err.msg);
      trouble = true;
      if (st == TL_EDICT || st == TL_EDB) /* no point in going on */
        break;
      continue;
    }
    if (fix) {
      char *text;
      size_t len, applied, skipped;
      tl_result_fix(r, &text, &len, &applied, &skipped);
      if (applied > 0 && dry_run) {
        tl_result_diff(r, stdout, files[k]);
      } else if (applied > 0 && strcmp(files[k], "-") == 0) {
        fprintf(stderr, "tradlint: erro: a entrada padrão não pode ser "
                        "corrigida no lugar; use --fix --dry-run\n");
        trouble = true;
      } else if (applied > 0) {
        if (tl_write_file_atomic(files[k], text, len, &err) != TL_OK) {
          fprintf(stderr, "tradlint: erro: %s\n", err.msg);
          trouble = true;
        } else {
          fixed_total += applied;
          fprintf(stderr, "%s: %zu %s\n", files[k], applied,
                  applied == 1 ? "correção aplicada" : "correções aplicadas");
        }
      }
      if (skipped > 0)
        fprintf(stderr,
                "%s: %zu %s a outra e não %s; rode --fix de novo\n",
                files[k], skipped,
                skipped == 1 ? "correção se sobrepõe" : "correções se sobrepõem",
                skipped == 1 ? "foi aplicada" : "foram aplicadas");
      free(text);
    }
    if (mode == MODE_CHECK && !(fix && dry_run))
      tl_report_add(rep, r);
    if (rdir != NULL && tl_report_dir_add(rdir, r, &err) != TL_OK) {
      fprintf(stderr, "tradlint: erro: %s\n", err.msg);
      trouble = true;
    }
    tl_result_free(r);
  }
  if (nthreads > 0) { /* stop the workers, free what they still hold */
    pthread_mutex_lock(&pl.mu);
    pl.stop = true;
    pthread_cond_broadcast(&pl.cv);
    pthread_mutex_unlock(&pl.mu);
    for (size_t t = 0; t < nthreads; t++)
      pthread_join(threads[t], NULL);
    for (size_t k = 0; k < nfiles; k++)
      if (pl.done[k] && k >= pl.consumed)
        tl_result_free(pl.res[k]);
    for (size_t t = 1; t < nthreads; t++) {
      tl_linter_flush(pl.linters[t], NULL);
      tl_linter_free(pl.linters[t]);
    }
    pthread_mutex_destroy(&pl.mu);
    pthread_cond_destroy(&pl.cv);
    free(pl.linters);
    free(pl.res);
    free(pl.st);
    free(pl.errs);
    free(pl.done);
    free(threads);
    free(wargs);
  }
  if (rdir != NULL && tl_report_dir_finish(rdir, &err) != TL_OK) {
    fprintf(stderr, "tradlint: erro: %s\n", err.msg);
    trouble = true;
  }
  tl_report_dir_free(rdir);
  rdir = NULL;
  if (corpus != NULL && tl_linter_flush(l, &err) != TL_OK) {
    fprintf(stderr, "tradlint: erro: %s\n", err.msg);
    trouble = true;
  }
  if (fix && dry_run) {
    ; /* the diff is the output */
  } else if (mode == MODE_INDEX) {
    printf("tradlint: %zu %s registrados no acervo\n", nfiles,
           nfiles == 1 ? "documento" : "documentos");
  } else if (format == TL_FORMAT_JSON || tl_report_files(rep) > 0 ||
             !trouble) {
    tl_report_finish(rep);
  }
  if (corpus != NULL && tl_corpus_readonly(corpus))
    fprintf(stderr, "tradlint: aviso: %s é somente leitura: a memória do "
                    "acervo não foi atualizada\n", db_path);
  if (trouble)
    status = EXIT_TROUBLE;
  else if (fail_on != TL_NEVER &&
           ((fail_on <= TL_ERROR && tl_report_count(rep, TL_ERROR) > 0) ||
            (fail_on <= TL_WARNING && tl_report_count(rep, TL_WARNING) > 0) ||
            (fail_on <= TL_INFO && tl_report_count(rep, TL_INFO) > 0)))
    status = EXIT_FINDINGS;
  else
    status = 0;
  tl_report_free(rep);
out:
  for (size_t k = 0; k < nfiles; k++)
    free(files[k]);
  free(files);
  tl_linter_free(l);
  tl_corpus_close(corpus);
  free(root);
  free(db_path);
  tl_config_fini(&cfg);
  free(config_path);
  free(staged_list);
  free(words_dir);
  free(default_glossary);
  free(paths);
  free(words);
  free(glossaries);
  free(levels);
  for (size_t k = 0; k < nowned; k++)
    free(owned[k]);
  free(owned);
  return finish_stdout(status);
usage:
  status = EXIT_TROUBLE;
  goto out;
}
