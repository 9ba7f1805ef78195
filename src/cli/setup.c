/* What check and the corpus commands share: their options (configuration,
 * database, glossary, word lists, dictionaries, rule levels, suggestions),
 * the configuration file merged under the command line, the linter and the
 * corpus memory. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
  OPT_MAX_SUGGESTIONS = CLI_SETUP_KEYS,
  OPT_NO_SUGGESTIONS,
  OPT_SLOW_SUGGESTIONS,
  OPT_HUNSPELL_DIR,
  OPT_WORDS_DIR,
  OPT_WORDS,
  OPT_GLOSSARY,
  OPT_NO_GLOSSARY,
  OPT_DB,
  OPT_ARCHIVE,
  OPT_NO_DB,
  OPT_NO_CACHE,
  OPT_REBUILD_DB,
  OPT_CONFIG,
  OPT_NO_CONFIG,
  OPT_RULE,
  OPT_DISABLE,
  OPT_MAX_SIZE
};

const cli_option cli_setup_options[] = {
    {"max-suggestions", OPT_MAX_SUGGESTIONS, "N",
     N_("calcula sugestões para no máximo N palavras por\n"
     "execução (padrão 200; -1 sem limite)")},
    {"no-suggestions", OPT_NO_SUGGESTIONS, NULL,
     N_("não calcula sugestões (mais rápido)")},
    {"slow-suggestions", OPT_SLOW_SUGGESTIONS, NULL,
     N_("também pede ao Hunspell sugestões para palavras\n"
     "a mais de uma letra de distância (0,1 s cada,\n"
     "até 5 por arquivo; variam com a carga da máquina)")},
    {"hunspell-dir", OPT_HUNSPELL_DIR, N_("PASTA"),
     N_("pasta de pt_BR.aff/pt_BR.dic\n"
     "(padrão: $TRADLINT_HUNSPELL_DIR ou /usr/share/hunspell)")},
    {"words-dir", OPT_WORDS_DIR, N_("PASTA"),
     N_("listas de palavras do projeto (padrão: dictionaries/)")},
    {"words", OPT_WORDS, N_("ARQUIVO"), N_("lista de palavras extra (pode repetir)")},
    {"glossary", OPT_GLOSSARY, N_("CAMINHO"),
     N_("glossário: arquivo .tsv ou pasta de .tsv (pode\n"
     "repetir; padrão: glossary/ do projeto)")},
    {"no-glossary", OPT_NO_GLOSSARY, NULL, N_("sem glossário (só ortografia)")},
    {"db", OPT_DB, N_("ARQUIVO|URI"),
     N_("banco da memória do acervo (padrão: $TRADLINT_DB,\n"
     "ou .tradlint.db na raiz do acervo: a pasta do\n"
     ".tradlint.toml mais próximo, a raiz do git, ou a\n"
     "pasta atual); postgresql://USUÁRIO@SERVIDOR/BANCO\n"
     "para a memória compartilhada de uma redação")},
    {"archive", OPT_ARCHIVE, N_("NOME"),
     N_("o acervo no banco PostgreSQL compartilhado\n"
     "(padrão: $TRADLINT_ARCHIVE, o archive do\n"
     ".tradlint.toml, o nome do repositório no remote\n"
     "origin do git, ou o nome da pasta raiz do acervo)")},
    {"rebuild-db", OPT_REBUILD_DB, NULL,
     N_("guarda um banco corrompido como ARQUIVO.bak e\n"
     "cria outro")},
    {"config", OPT_CONFIG, "ARQUIVO",
     N_("configuração (padrão: o .tradlint.toml mais\n"
     "próximo, subindo a partir do primeiro CAMINHO)")},
    {"no-config", OPT_NO_CONFIG, NULL, N_("ignora os arquivos .tradlint.toml")},
    {"rule", OPT_RULE, N_("REGRA=NÍVEL"),
     N_("muda o nível de uma regra ou categoria (off,\n"
     "error, warning, info); pode repetir")},
    {"disable", OPT_DISABLE, "REGRA", N_("o mesmo que --rule REGRA=off")},
    {"max-size", OPT_MAX_SIZE, "TAMANHO",
     N_("recusa documentos (e a entrada padrão) maiores\n"
     "que TAMANHO (padrão 128M; sufixos K, M, G)")},
    {NULL, 0, NULL, NULL},
};

/* "64M", "128MiB", "1G", "500000": a size in bytes (K, M, G are powers of
 * 1024), at least 1 byte. */
static bool parse_size(const char *s, size_t *out)
{
  char *end;
  unsigned long long v, mul = 1;

  if (s[0] < '0' || s[0] > '9')
    return false;
  errno = 0;
  v = strtoull(s, &end, 10);
  if (errno != 0 || end == s || v == 0)
    return false;
  switch (*end) {
  case 'k': case 'K': mul = 1ULL << 10; end++; break;
  case 'm': case 'M': mul = 1ULL << 20; end++; break;
  case 'g': case 'G': mul = 1ULL << 30; end++; break;
  default: break;
  }
  if (mul > 1 && (strcmp(end, "iB") == 0 || strcmp(end, "B") == 0))
    end += strlen(end);
  if (*end != '\0' || v > SIZE_MAX / mul)
    return false;
  *out = (size_t)(v * mul);
  return true;
}

const cli_option cli_setup_no_db[] = {
    {"no-db", OPT_NO_DB, NULL,
     N_("não usa a memória do acervo (os veredictos da\n"
     "ortografia ficam então num cache, em\n"
     "$XDG_CACHE_HOME/tradlint ou ~/.cache/tradlint)")},
    {"no-cache", OPT_NO_CACHE, NULL, N_("nem esse cache")},
    {NULL, 0, NULL, NULL},
};

const cli_option cli_setup_no_db_hidden[] = {
    {"no-db", OPT_NO_DB, NULL, NULL},
    {"no-cache", OPT_NO_CACHE, NULL, NULL},
    {NULL, 0, NULL, NULL},
};

void cli_setup_init(cli_setup *s)
{
  memset(s, 0, sizeof *s);
  tl_options_init(&s->opt);
  s->fail_on = TL_ERROR;
  s->cfg.max_suggestions = LONG_MIN;
}

void cli_setup_fini(cli_setup *s)
{
  /* the process is about to exit: the dictionaries are the system's to free
   * (tens of milliseconds saved) */
  tl_linter_abandon(s->linter);
  free(s->cache_dir);
  tl_corpus_close(s->corpus);
  tl_config_fini(&s->cfg);
  free(s->config_path);
  free(s->root);
  free(s->db_path);
  free(s->archive);
  free(s->words_dir);
  tl_strv_fini(&s->words);
  tl_strv_fini(&s->glossaries);
  tl_strv_fini(&s->levels);
  memset(s, 0, sizeof *s);
}

int cli_setup_option(cli_setup *s, const cli_parser *p, int key)
{
  const char *val = p->val;

  switch (key) {
  case OPT_MAX_SUGGESTIONS:
    s->max_sugg_set = true;
    if (!cli_parse_long(val, -1, LONG_MAX, &s->opt.max_suggestions)) {
      cli_usage_error(p->cx, _("--max-suggestions '%s' inválido (um número, "
                      "ou -1)"), val);
      return -1;
    }
    break;
  case OPT_MAX_SIZE:
    if (!parse_size(val, &s->opt.max_size)) {
      cli_usage_error(p->cx, _("--max-size '%s' inválido (um tamanho em bytes, "
                      "com sufixo K, M ou G: 64M, 1G)"), val);
      return -1;
    }
    break;
  case OPT_NO_SUGGESTIONS:
    s->opt.max_suggestions = 0;
    s->max_sugg_set = true;
    break;
  case OPT_SLOW_SUGGESTIONS:
    s->opt.slow_suggestions = true;
    break;
  case OPT_HUNSPELL_DIR:
    s->opt.hunspell_dir = val;
    break;
  case OPT_WORDS_DIR:
    free(s->words_dir);
    s->words_dir = strdup(val);
    if (s->words_dir == NULL)
      cli_oom();
    break;
  case OPT_WORDS:
    tl_strv_push(&s->words, val);
    break;
  case OPT_GLOSSARY:
    tl_strv_push(&s->glossaries, val);
    break;
  case OPT_NO_GLOSSARY:
    s->no_glossary = true;
    break;
  case OPT_DB:
    s->db_opt = val;
    break;
  case OPT_ARCHIVE:
    if (val[0] == '\0') {
      cli_usage_error(p->cx, _("--archive: nome vazio"));
      return -1;
    }
    s->archive_opt = val;
    break;
  case OPT_NO_DB:
    s->no_db = true;
    break;
  case OPT_NO_CACHE:
    s->no_cache = true;
    break;
  case OPT_REBUILD_DB:
    s->rebuild_db = true;
    break;
  case OPT_CONFIG:
    s->config_opt = val;
    break;
  case OPT_NO_CONFIG:
    s->no_config = true;
    break;
  case OPT_RULE:
    tl_strv_push(&s->levels, val);
    break;
  case OPT_DISABLE: {
    char *off = malloc(strlen(val) + 5);
    if (off == NULL)
      cli_oom();
    sprintf(off, "%s=off", val);
    tl_strv_push_take(&s->levels, off);
    break;
  }
  default:
    return 0;
  }
  return 1;
}

/* Merge what the configuration file says under what the command line
 * said: the command line wins. */
static void merge_config(cli_setup *s)
{
  const tl_config *cfg = &s->cfg;
  const char *env_db = getenv("TRADLINT_DB");
  const char *env_archive = getenv("TRADLINT_ARCHIVE");

  if (s->words_dir == NULL && cfg->words_dir != NULL) {
    s->words_dir = strdup(cfg->words_dir);
    if (s->words_dir == NULL)
      cli_oom();
  }
  if (s->words.n == 0)
    for (size_t k = 0; k < cfg->words.n; k++)
      tl_strv_push(&s->words, cfg->words.v[k]);
  if (s->glossaries.n == 0 && !s->no_glossary)
    for (size_t k = 0; k < cfg->glossary.n; k++)
      tl_strv_push(&s->glossaries, cfg->glossary.v[k]);
  if (s->opt.hunspell_dir == NULL)
    s->opt.hunspell_dir = cfg->hunspell_dir;
  if (s->db_opt == NULL && (env_db == NULL || env_db[0] == '\0'))
    s->db_opt = cfg->db;
  if (s->archive_opt == NULL && (env_archive == NULL || env_archive[0] == '\0'))
    s->archive_opt = cfg->archive;
  if (!s->fail_on_set && cfg->fail_on != NULL)
    tl_severity_parse(cfg->fail_on, &s->fail_on);
  if (!s->max_sugg_set && cfg->max_suggestions != LONG_MIN)
    s->opt.max_suggestions = cfg->max_suggestions;
  if (cfg->source_pairs >= 0) /* [source] */
    s->opt.source_pairs = cfg->source_pairs == 1;
  if (cfg->accept_names >= 0) /* [corpus] */
    s->opt.accept_names = (unsigned)cfg->accept_names;
  if (cfg->accept_words >= 0)
    s->opt.accept_words = (unsigned)cfg->accept_words;
  if (cfg->source_lang != NULL)
    s->opt.source_lang = cfg->source_lang;
  if (cfg->target_lang != NULL)
    s->opt.target_lang = cfg->target_lang;
  if (cfg->rules.n > 0) { /* the file's rules first: the command line wins */
    tl_strv all = {0};
    for (size_t k = 0; k < cfg->rules.n; k++)
      tl_strv_push(&all, cfg->rules.v[k]);
    for (size_t k = 0; k < s->levels.n; k++)
      tl_strv_push(&all, s->levels.v[k]);
    tl_strv_fini(&s->levels);
    s->levels = all;
  }
  if (s->root == NULL) { /* the archive root: the configuration's folder */
    s->root = strdup(cfg->dir);
    if (s->root == NULL)
      cli_oom();
  }
}

int cli_setup_config(cli_setup *s, const cli_ctx *cx, const char *first_path)
{
  tl_error err;

  if (s->no_db && s->corpus_command) {
    cli_usage_error(cx, _("--no-db não serve para 'tradlint corpus': o acervo "
                        "é o banco"));
    return CLI_EXIT_TROUBLE;
  }
  if (!s->no_config) {
    if (s->config_opt != NULL) {
      s->config_path = strdup(s->config_opt);
      if (s->config_path == NULL)
        cli_oom();
    } else {
      s->config_path = tl_config_find(first_path);
    }
  }
  if (s->config_path != NULL) {
    if (tl_config_load(&s->cfg, s->config_path, &err) != TL_OK) {
      cli_error("%s", err.msg);
      free(s->config_path);
      s->config_path = NULL;
      return CLI_EXIT_TROUBLE;
    }
    merge_config(s);
  }
  if (s->words_dir == NULL)
    s->words_dir = cli_data_dir("dictionaries");
  s->opt.words_dir = s->words_dir;
  if (s->glossaries.n == 0 && !s->no_glossary) {
    char *def = cli_data_dir("glossary");
    if (!cli_is_dir(def)) { /* never a silent skip */
      cli_error(_("%s: glossário da casa não encontrado; instale os dados "
                "(make install), aponte TRADLINT_DATA_DIR para eles, use "
                "--glossary CAMINHO ou, sem glossário, --no-glossary"),
                def);
      free(def);
      return CLI_EXIT_TROUBLE;
    }
    tl_strv_push_take(&s->glossaries, def);
  }
  return 0;
}

char *cli_setup_archive(const cli_setup *s)
{
  const char *env = getenv("TRADLINT_ARCHIVE");
  char *name;

  if (s->archive_opt != NULL)
    name = strdup(s->archive_opt);
  else if (env != NULL && env[0] != '\0')
    name = strdup(env);
  else
    return cli_archive_name(s->root != NULL ? s->root : ".");
  if (name == NULL)
    cli_oom();
  return name;
}

int cli_setup_open(cli_setup *s)
{
  tl_error err;
  tl_status st;
  char *gdir;
  const char *env = getenv("TRADLINT_DB");

  /* the lists are final now: hand them to the linter */
  s->opt.extra_words = (const char *const *)s->words.v;
  s->opt.glossary =
      s->no_glossary ? NULL : (const char *const *)s->glossaries.v;
  s->opt.rule_levels = (const char *const *)s->levels.v;
  /* the compiled glossary is kept in the cache folder too, unless
   * --no-cache */
  gdir = s->no_cache ? NULL : tl_cache_dir();
  st = tl_linter_new_cached(&s->linter, &s->opt, gdir, &err);
  free(gdir);
  if (st != TL_OK) {
    cli_error("%s", err.msg);
    return CLI_EXIT_TROUBLE;
  }
  /* no command reports the words left unjudged: not listed (an entry a
   * word on a long document) */
  tl_linter_keep_unjudged(s->linter, false);
  if (s->no_db) { /* the verdicts then live in the cache, unless --no-cache */
    if (!s->no_cache && (s->cache_dir = tl_cache_dir()) != NULL) {
      char *warning = tl_linter_set_cache(s->linter, s->cache_dir);
      if (warning != NULL)
        fprintf(stderr, _("tradlint: aviso: %s\n"), warning);
      free(warning);
    }
    return 0;
  }
  if (s->root == NULL)
    s->root = cli_archive_root();
  if (s->db_opt != NULL) {
    s->db_path = strdup(s->db_opt);
  } else if (env != NULL && env[0] != '\0') {
    s->db_path = strdup(env);
  } else {
    s->db_path = malloc(strlen(s->root) + 16);
    if (s->db_path != NULL)
      sprintf(s->db_path, "%s/.tradlint.db", s->root);
  }
  if (s->db_path == NULL)
    cli_oom();
  if ((s->db_flags & TL_CORPUS_READONLY) && !tl_corpus_is_server(s->db_path) &&
      access(s->db_path, F_OK) != 0)
    return 0; /* read-only and no memory yet: nothing to compare with */
  if (tl_corpus_is_server(s->db_path) && s->archive == NULL)
    s->archive = cli_setup_archive(s);
  if (tl_corpus_open_archive(&s->corpus, s->db_path, s->archive,
                             (s->rebuild_db ? TL_CORPUS_REBUILD : 0) |
                                 s->db_flags,
                             &err) != TL_OK) {
    cli_error("%s", err.msg);
    return CLI_EXIT_TROUBLE;
  }
  tl_linter_set_corpus(s->linter, s->corpus, s->root);
  return 0;
}

/* A folder the walk could not read: said now, the walk goes on. */
static void walk_error(void *ud, const tl_error *err)
{
  (void)ud;
  cli_error("%s", err->msg);
}

bool cli_setup_collect(cli_setup *s, const tl_strv *paths, tl_strv *files)
{
  tl_pair_rules rules = {s->opt.source_lang, s->opt.target_lang};
  bool ok = true;

  for (size_t k = 0; k < paths->n; k++) {
    size_t before = files->n;
    /* a folder that cannot be read is said; the rest of the tree is kept */
    bool walked = tl_paths_walk(paths->v[k], files, walk_error, NULL) == TL_OK;
    if (!walked)
      ok = false;
    if (s->opt.source_pairs && cli_is_dir(paths->v[k])) {
      /* a folder: the English sources of its translations are not
       * articles to check as Portuguese */
      size_t kept = before;
      for (size_t i = before; i < files->n; i++) {
        if (tl_pair_is_source(files->v[i], &rules))
          free(files->v[i]);
        else
          files->v[kept++] = files->v[i];
      }
      files->n = kept;
    }
    if (walked && files->n == before) {
      cli_error(_("%s: nenhum artigo (*.md, *.markdown, *.txt) nesta pasta"),
                paths->v[k]);
      ok = false;
    }
  }
  return ok;
}

void cli_setup_ignore(cli_setup *s, tl_strv *files, tl_strv *parallel)
{
  size_t kept = 0;

  if (s->config_path == NULL || s->cfg.ignore.n == 0)
    return;
  for (size_t k = 0; k < files->n; k++) {
    if (tl_config_ignores(&s->cfg, files->v[k])) {
      free(files->v[k]);
      if (parallel != NULL)
        free(parallel->v[k]);
      continue;
    }
    files->v[kept] = files->v[k];
    if (parallel != NULL)
      parallel->v[kept] = parallel->v[k];
    kept++;
  }
  files->n = kept;
  if (files->v != NULL)
    files->v[kept] = NULL;
  if (parallel != NULL) {
    parallel->n = kept;
    if (parallel->v != NULL)
      parallel->v[kept] = NULL;
  }
}
