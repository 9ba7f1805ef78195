/* .tradlint.toml: a small, strict TOML subset (no library in Debian does
 * C TOML). Supported: comments, [rules], key = "string" | 'literal' |
 * integer | true/false | [ "array", "of strings" ] (may span lines).
 * Keys:
 *   glossary = ["glossary", "../shared/glossary.tsv"]
 *   words = ["extra.txt"]          dictionaries = "dictionaries"
 *   hunspell-dir = "/usr/share/hunspell"
 *   db = ".tradlint.db"            fail-on = "warning"
 *   (or db = "postgresql://..."    archive = "redacao")
 *   max-suggestions = 100          ignore = ["rascunhos/", "*.txt"]
 *   [rules]
 *   "number.decimal" = "off"       spelling = "warning"
 *   [corpus]
 *   accept-names = 2               accept-words = 3
 * A key given twice, a table opened twice and an empty path are errors.
 */
#include "buf.h"
#include "msg.h"
#include "rules.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A key (or a table, as "[name]") already set, and where. */
typedef struct seen_key {
  char *name;
  const char *at;
} seen_key;

typedef struct parser {
  const char *path, *data, *p, *end;
  tl_error *err;
  tl_config *cfg;
  seen_key *seen;
  size_t nseen, seen_cap;
} parser;

/* Line and column (1-based, columns in code points) of @at. */
static void position(const parser *ps, const char *at, unsigned *line,
                     unsigned *col)
{
  const char *line_start = ps->data;

  *line = 1;
  for (const char *q = ps->data; q < at && q < ps->end; q++)
    if (*q == '\n') {
      (*line)++;
      line_start = q + 1;
    }
  *col = 1;
  for (const char *q = line_start; q < at && q < ps->end; q++)
    *col += ((unsigned char)*q & 0xC0) != 0x80;
}

static tl_status fail(parser *ps, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static tl_status fail(parser *ps, const char *at, const char *fmt, ...)
{
  va_list ap;
  unsigned line, col;
  tl_status st;

  position(ps, at, &line, &col);
  va_start(ap, fmt);
  st = tl_error_setv_at(ps->err, TL_EUSAGE, ps->path, line, col, fmt, ap);
  va_end(ap);
  return st;
}

/* Remember key @name (in @table) set at @at; an error when it was set
 * before. */
static tl_status once(parser *ps, const char *table, const char *name,
                      const char *at)
{
  char *full = tl_xmalloc(strlen(table) + strlen(name) + 2);
  unsigned line, col;

  sprintf(full, "%s%s%s", table, table[0] != '\0' ? "." : "", name);
  for (size_t i = 0; i < ps->nseen; i++)
    if (strcmp(ps->seen[i].name, full) == 0) {
      tl_status st;
      position(ps, ps->seen[i].at, &line, &col);
      st = name[0] == '['
               ? fail(ps, at, _("tabela %s repetida (já aberta na linha %u)"),
                      name, line)
               : fail(ps, at, _("chave '%s' repetida (já definida na linha %u)"),
                      full, line);
      free(full);
      return st;
    }
  TL_GROW(ps->seen, ps->seen_cap, ps->nseen + 1);
  ps->seen[ps->nseen].name = full;
  ps->seen[ps->nseen++].at = at;
  return TL_OK;
}

static void skip_space(parser *ps)
{
  while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t'))
    ps->p++;
}

/* Skip spaces, comments and line ends (inside arrays). */
static void skip_all(parser *ps)
{
  for (;;) {
    skip_space(ps);
    if (ps->p < ps->end && *ps->p == '#')
      while (ps->p < ps->end && *ps->p != '\n')
        ps->p++;
    if (ps->p < ps->end && (*ps->p == '\n' || *ps->p == '\r')) {
      ps->p++;
      continue;
    }
    break;
  }
}

typedef enum { V_STR, V_INT, V_BOOL, V_ARRAY } vtype;

typedef struct value {
  vtype type;
  char *s;
  long i;
  tl_strv a;           /* an array's strings */
  const char **a_at;   /* where each of them starts */
  size_t a_cap;
  const char *at;
} value;

static void value_fini(value *v)
{
  free(v->s);
  tl_strv_fini(&v->a);
  free(v->a_at);
  memset(v, 0, sizeof *v);
}

static tl_status parse_string(parser *ps, char **out)
{
  char q = *ps->p++;
  tl_buf b;

  tl_buf_init(&b);
  while (ps->p < ps->end && *ps->p != q) {
    char c = *ps->p;
    if (c == '\n' || c == '\r') {
      tl_buf_fini(&b);
      return fail(ps, ps->p, _("texto sem as aspas de fechamento"));
    }
    if (c == '\\' && q == '"') {
      ps->p++;
      if (ps->p >= ps->end)
        break;
      switch (*ps->p) {
      case 'n':
        tl_buf_addc(&b, '\n');
        break;
      case 't':
        tl_buf_addc(&b, '\t');
        break;
      case '\\':
      case '"':
        tl_buf_addc(&b, *ps->p);
        break;
      default:
        tl_buf_fini(&b);
        return fail(ps, ps->p - 1, _("escape '\\%c' não suportado"), *ps->p);
      }
      ps->p++;
      continue;
    }
    tl_buf_addc(&b, c);
    ps->p++;
  }
  if (ps->p >= ps->end) {
    tl_buf_fini(&b);
    return fail(ps, ps->p, _("texto sem as aspas de fechamento"));
  }
  ps->p++;
  *out = tl_xstrdup(tl_buf_cstr(&b));
  tl_buf_fini(&b);
  return TL_OK;
}

static tl_status parse_value(parser *ps, value *v)
{
  memset(v, 0, sizeof *v);
  v->at = ps->p;
  if (ps->p >= ps->end || *ps->p == '\n' || *ps->p == '#')
    return fail(ps, ps->p, _("falta o valor depois de '='"));
  if (*ps->p == '"' || *ps->p == '\'') {
    v->type = V_STR;
    return parse_string(ps, &v->s);
  }
  if (*ps->p == '[') {
    v->type = V_ARRAY;
    ps->p++;
    for (;;) {
      char *s;
      tl_status st;
      skip_all(ps);
      if (ps->p < ps->end && *ps->p == ']') {
        ps->p++;
        return TL_OK;
      }
      if (ps->p >= ps->end || (*ps->p != '"' && *ps->p != '\''))
        return fail(ps, ps->p, _("a lista só aceita textos entre aspas"));
      TL_GROW(v->a_at, v->a_cap, v->a.n + 1);
      v->a_at[v->a.n] = ps->p;
      st = parse_string(ps, &s);
      if (st != TL_OK)
        return st;
      tl_strv_push_take(&v->a, s);
      skip_all(ps);
      if (ps->p < ps->end && *ps->p == ',')
        ps->p++;
      else if (ps->p >= ps->end || *ps->p != ']')
        return fail(ps, ps->p, _("esperava ',' ou ']' na lista"));
    }
  }
  if (ps->end - ps->p >= 4 && memcmp(ps->p, "true", 4) == 0) {
    v->type = V_BOOL;
    v->i = 1;
    ps->p += 4;
    return TL_OK;
  }
  if (ps->end - ps->p >= 5 && memcmp(ps->p, "false", 5) == 0) {
    v->type = V_BOOL;
    ps->p += 5;
    return TL_OK;
  }
  if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9')) {
    char buf[32];
    size_t n = 0;
    char *endp;
    while (ps->p < ps->end && n + 1 < sizeof buf &&
           (*ps->p == '-' || *ps->p == '_' || (*ps->p >= '0' && *ps->p <= '9')))
      if (*ps->p++ != '_')
        buf[n++] = ps->p[-1];
    buf[n] = '\0';
    errno = 0;
    v->type = V_INT;
    v->i = strtol(buf, &endp, 10);
    if (errno != 0 || *endp != '\0' || n == 0)
      return fail(ps, v->at, _("número inválido '%s'"), buf);
    return TL_OK;
  }
  return fail(ps, ps->p,
              _("valor inválido: use \"texto\", um número, true/false ou "
              "[\"lista\"]"));
}

/* A path from the configuration, made relative to its folder. */
static char *resolve(const tl_config *cfg, const char *p)
{
  char *out;

  if (p[0] == '/' || cfg->dir == NULL)
    return tl_xstrdup(p);
  out = tl_xmalloc(strlen(cfg->dir) + strlen(p) + 2);
  sprintf(out, "%s/%s", cfg->dir, p);
  return out;
}

static tl_status set_key(parser *ps, const char *table, const char *key,
                         const char *key_at, value *v)
{
  tl_config *cfg = ps->cfg;

  if (strcmp(table, "rules") == 0) {
    char *s;
    tl_severity sev;
    if (tl_rule_find(key) == NULL && !tl_category_is(key))
      return fail(ps, key_at,
                  _("regra ou categoria desconhecida '%s' em [rules]"), key);
    if (v->type != V_STR ||
        (strcmp(v->s, "off") != 0 &&
         (!tl_severity_parse(v->s, &sev) || sev == TL_NEVER)))
      return fail(ps, v->at, _("nível inválido para '%s': use \"off\", "
                  "\"error\", \"warning\" ou \"info\""), key);
    s = tl_xmalloc(strlen(key) + strlen(v->s) + 2);
    sprintf(s, "%s=%s", key, v->s);
    tl_strv_push_take(&cfg->rules, s);
    return TL_OK;
  }
  if (strcmp(table, "source") == 0) {
    if (strcmp(key, "pairs") == 0) {
      if (v->type != V_BOOL)
        return fail(ps, v->at, _("'pairs' deve ser true ou false"));
      cfg->source_pairs = v->i ? 1 : 0;
      return TL_OK;
    }
    if (strcmp(key, "source-lang") == 0 || strcmp(key, "target-lang") == 0) {
      char **dst = key[0] == 's' ? &cfg->source_lang : &cfg->target_lang;
      if (v->type != V_STR || v->s[0] == '\0' || strchr(v->s, '/') != NULL)
        return fail(ps, v->at, _("'%s' deve ser um código de língua "
                    "(\"en\", \"pt-BR\")"), key);
      free(*dst);
      *dst = tl_xstrdup(v->s);
      return TL_OK;
    }
    return fail(ps, key_at, _("chave desconhecida '%s' em [source] (chaves: "
                "pairs, source-lang, target-lang)"), key);
  }
  if (strcmp(table, "corpus") == 0) {
    long *dst = strcmp(key, "accept-names") == 0   ? &cfg->accept_names
                : strcmp(key, "accept-words") == 0 ? &cfg->accept_words
                                                   : NULL;
    if (dst == NULL)
      return fail(ps, key_at, _("chave desconhecida '%s' em [corpus] "
                  "(chaves: accept-names, accept-words)"), key);
    if (v->type != V_INT || v->i < 0 || v->i > 1000000)
      return fail(ps, v->at, _("'%s' deve ser um número de documentos (0 "
                  "desliga)"), key);
    *dst = v->i;
    return TL_OK;
  }
  if (table[0] != '\0')
    return fail(ps, key_at, _("tabela desconhecida [%s]"), table);
#define WANT(t, what)                                                         \
  if (v->type != (t))                                                         \
    return fail(ps, v->at, _("'%s' deve ser %s"), key, what);
  if (strcmp(key, "glossary") == 0 || strcmp(key, "words") == 0 ||
      strcmp(key, "ignore") == 0) {
    tl_strv *list = key[0] == 'g'   ? &cfg->glossary
                    : key[0] == 'w' ? &cfg->words
                                    : &cfg->ignore;
    WANT(V_ARRAY, _("uma lista de textos"));
    for (size_t k = 0; k < v->a.n; k++) {
      if (v->a.v[k][0] == '\0')
        return fail(ps, v->a_at[k], _("'%s': texto vazio na lista (%s)"), key,
                    key[0] == 'i' ? _("um padrão") : _("um arquivo ou pasta"));
      if (key[0] == 'i')
        tl_strv_push(list, v->a.v[k]);
      else
        tl_strv_push_take(list, resolve(cfg, v->a.v[k]));
    }
  } else if (strcmp(key, "dictionaries") == 0 ||
             strcmp(key, "hunspell-dir") == 0 || strcmp(key, "db") == 0) {
    char **dst = key[0] == 'd' && key[1] == 'i' ? &cfg->words_dir
                 : key[0] == 'h'                 ? &cfg->hunspell_dir
                                                 : &cfg->db;
    WANT(V_STR, _("um texto"));
    if (v->s[0] == '\0')
      return fail(ps, v->at, _("'%s': texto vazio (um caminho)"), key);
    free(*dst);
    /* a server's URI is not a path relative to the file */
    *dst = dst == &cfg->db && tl_corpus_is_server(v->s) ? tl_xstrdup(v->s)
                                                         : resolve(cfg, v->s);
  } else if (strcmp(key, "archive") == 0) {
    WANT(V_STR, _("um texto"));
    if (v->s[0] == '\0')
      return fail(ps, v->at, _("'archive': texto vazio (o nome do acervo no "
                  "banco compartilhado)"));
    free(cfg->archive);
    cfg->archive = tl_xstrdup(v->s);
  } else if (strcmp(key, "fail-on") == 0) {
    tl_severity sev;
    WANT(V_STR, _("um texto"));
    if (!tl_severity_parse(v->s, &sev))
      return fail(ps, v->at, _("fail-on '%s' inválido: use \"error\", "
                  "\"warning\", \"info\" ou \"never\""), v->s);
    free(cfg->fail_on);
    cfg->fail_on = tl_xstrdup(v->s);
  } else if (strcmp(key, "max-suggestions") == 0) {
    WANT(V_INT, _("um número"));
    if (v->i < -1)
      return fail(ps, v->at, _("max-suggestions deve ser -1 ou mais"));
    cfg->max_suggestions = v->i;
  } else {
    return fail(ps, key_at,
                _("chave desconhecida '%s' (chaves: glossary, words, "
                "dictionaries, hunspell-dir, db, archive, fail-on, "
                "max-suggestions, ignore, [rules])"),
                key);
  }
#undef WANT
  return TL_OK;
}

tl_status tl_config_parse(tl_config *cfg, const char *path, const char *data,
                          size_t len, tl_error *err)
{
  parser ps;
  char table[64] = "";
  tl_status st = TL_OK;

  memset(cfg, 0, sizeof *cfg);
  cfg->max_suggestions = LONG_MIN;
  cfg->source_pairs = -1;
  cfg->accept_names = cfg->accept_words = -1;
  cfg->path = tl_xstrdup(path);
  {
    const char *slash = strrchr(path, '/');
    cfg->dir = slash ? tl_xstrndup(path, (size_t)(slash - path))
                     : tl_xstrdup(".");
    if (cfg->dir[0] == '\0') {
      free(cfg->dir);
      cfg->dir = tl_xstrdup("/");
    }
  }
  memset(&ps, 0, sizeof ps);
  ps.path = path;
  ps.data = ps.p = data;
  ps.end = data + len;
  ps.err = err;
  ps.cfg = cfg;
  if (memchr(data, '\0', len) != NULL) {
    tl_config_fini(cfg);
    return tl_error_set(err, TL_EUSAGE, _("%s: byte NUL: a configuração deve "
                        "ser texto"), path);
  }
  while (st == TL_OK) {
    const char *key_at;
    char key[128];
    size_t kn = 0;
    value v;

    skip_all(&ps);
    if (ps.p >= ps.end)
      break;
    if (*ps.p == '[') {
      const char *s = ++ps.p;
      while (ps.p < ps.end && *ps.p != ']' && *ps.p != '\n')
        ps.p++;
      if (ps.p >= ps.end || *ps.p != ']') {
        st = fail(&ps, s - 1, _("tabela sem ']'"));
        break;
      }
      if ((size_t)(ps.p - s) >= sizeof table ||
          !((ps.p - s == 5 && memcmp(s, "rules", 5) == 0) ||
            (ps.p - s == 6 && memcmp(s, "source", 6) == 0) ||
            (ps.p - s == 6 && memcmp(s, "corpus", 6) == 0))) {
        st = fail(&ps, s, _("tabela desconhecida [%.*s] (só [rules], "
                  "[source] e [corpus])"),
                  (int)(ps.p - s), s);
        break;
      }
      memcpy(table, s, (size_t)(ps.p - s));
      table[ps.p - s] = '\0';
      ps.p++;
      {
        char name[sizeof table + 2];
        snprintf(name, sizeof name, "[%s]", table);
        st = once(&ps, "", name, s - 1);
        if (st != TL_OK)
          break;
      }
      skip_space(&ps);
      if (ps.p < ps.end && *ps.p != '\n' && *ps.p != '\r' && *ps.p != '#') {
        st = fail(&ps, ps.p, _("texto depois da tabela"));
        break;
      }
      continue;
    }
    key_at = ps.p;
    if (*ps.p == '"' || *ps.p == '\'') {
      char *s;
      st = parse_string(&ps, &s);
      if (st != TL_OK)
        break;
      snprintf(key, sizeof key, "%s", s);
      free(s);
    } else {
      while (ps.p < ps.end && kn + 1 < sizeof key &&
             ((*ps.p >= 'a' && *ps.p <= 'z') ||
              (*ps.p >= 'A' && *ps.p <= 'Z') ||
              (*ps.p >= '0' && *ps.p <= '9') || *ps.p == '-' ||
              *ps.p == '_' || *ps.p == '.'))
        key[kn++] = *ps.p++;
      key[kn] = '\0';
      if (kn == 0) {
        st = fail(&ps, ps.p, _("esperava uma chave (nome = valor)"));
        break;
      }
    }
    skip_space(&ps);
    if (ps.p >= ps.end || *ps.p != '=') {
      st = fail(&ps, ps.p, _("esperava '=' depois de '%s'"), key);
      break;
    }
    ps.p++;
    skip_space(&ps);
    st = parse_value(&ps, &v);
    if (st == TL_OK) {
      skip_space(&ps);
      if (ps.p < ps.end && *ps.p != '\n' && *ps.p != '\r' && *ps.p != '#')
        st = fail(&ps, ps.p, _("texto depois do valor"));
    }
    if (st == TL_OK)
      st = set_key(&ps, table, key, key_at, &v);
    if (st == TL_OK)
      st = once(&ps, table, key, key_at);
    value_fini(&v);
  }
  for (size_t i = 0; i < ps.nseen; i++)
    free(ps.seen[i].name);
  free(ps.seen);
  if (st != TL_OK)
    tl_config_fini(cfg);
  return st;
}

tl_status tl_config_load(tl_config *cfg, const char *path, tl_error *err)
{
  /* O_NONBLOCK: opening a FIFO must not wait for a writer */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  struct stat sb;
  tl_buf b;
  char chunk[4096];
  ssize_t n;
  tl_status st = TL_OK;

  memset(cfg, 0, sizeof *cfg);
  cfg->max_suggestions = LONG_MIN;
  cfg->source_pairs = -1;
  cfg->accept_names = cfg->accept_words = -1;
  if (fd < 0)
    return tl_error_set(err, TL_EIO, _("%s: não foi possível abrir: %s"), path,
                        tl_strerror(errno));
  if (fstat(fd, &sb) != 0) {
    st = tl_error_set(err, TL_EIO, "%s: %s", path, tl_strerror(errno));
    close(fd);
    return st;
  }
  if (!S_ISREG(sb.st_mode)) {
    bool dir = S_ISDIR(sb.st_mode);
    close(fd);
    return tl_error_set(err, TL_EUSAGE, _("%s: %s: a configuração deve ser "
                        "um arquivo comum (.tradlint.toml)"), path,
                        dir ? _("é uma pasta") : _("não é um arquivo comum"));
  }
  tl_buf_init(&b);
  while (st == TL_OK && (n = read(fd, chunk, sizeof chunk)) != 0) {
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      st = tl_error_set(err, TL_EIO, _("%s: erro de leitura: %s"), path,
                        tl_strerror(errno));
    else if (b.len + (size_t)n > TL_CONFIG_MAX_SIZE)
      st = tl_error_set(err, TL_EUSAGE, _("%s: configuração grande demais "
                        "(o máximo é %d KB)"), path, TL_CONFIG_MAX_SIZE / 1024);
    else
      tl_buf_add(&b, chunk, (size_t)n);
  }
  close(fd);
  if (st == TL_OK)
    st = tl_config_parse(cfg, path, b.p ? b.p : "", b.len, err);
  tl_buf_fini(&b);
  return st;
}

void tl_config_fini(tl_config *cfg)
{
  free(cfg->path);
  free(cfg->dir);
  tl_strv_fini(&cfg->glossary);
  tl_strv_fini(&cfg->words);
  tl_strv_fini(&cfg->rules);
  tl_strv_fini(&cfg->ignore);
  free(cfg->words_dir);
  free(cfg->hunspell_dir);
  free(cfg->db);
  free(cfg->fail_on);
  free(cfg->source_lang);
  free(cfg->target_lang);
  free(cfg->archive);
  memset(cfg, 0, sizeof *cfg);
  cfg->max_suggestions = LONG_MIN;
  cfg->source_pairs = -1;
  cfg->accept_names = cfg->accept_words = -1;
}

char *tl_config_find(const char *start)
{
  char dir[PATH_MAX], probe[PATH_MAX + 32];

  if (realpath(start, dir) == NULL)
    return NULL;
  {
    struct stat st;
    if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
      char *slash = strrchr(dir, '/');
      if (slash != NULL && slash != dir)
        *slash = '\0';
    }
  }
  for (;;) {
    struct stat st;
    char *slash;
    snprintf(probe, sizeof probe, "%s/.tradlint.toml", dir);
    if (stat(probe, &st) == 0 && S_ISREG(st.st_mode)) {
      /* shown in messages: relative to the current folder when under it */
      char cwd[PATH_MAX];
      size_t n;
      if (getcwd(cwd, sizeof cwd) != NULL && (n = strlen(cwd)) > 0 &&
          strncmp(probe, cwd, n) == 0 && probe[n] == '/')
        return tl_xstrdup(probe + n + 1);
      return tl_xstrdup(probe);
    }
    slash = strrchr(dir, '/');
    if (slash == NULL || slash == dir)
      break;
    *slash = '\0';
  }
  return NULL;
}

bool tl_config_ignores(const tl_config *cfg, const char *path)
{
  char full[PATH_MAX], base[PATH_MAX];
  const char *rel = path;

  /* patterns are relative to the configuration's folder */
  if (cfg->dir != NULL && realpath(path, full) != NULL &&
      realpath(cfg->dir, base) != NULL) {
    size_t n = strlen(base);
    if (strncmp(full, base, n) == 0 && full[n] == '/')
      rel = full + n + 1;
  }
  for (size_t i = 0; i < cfg->ignore.n; i++) {
    const char *pat = cfg->ignore.v[i];
    size_t pl = strlen(pat);
    /* "dir/" + "**", or "dir/", ignores everything under dir */
    if (pl >= 3 && strcmp(pat + pl - 3, "/**") == 0 &&
        strncmp(rel, pat, pl - 2) == 0)
      return true;
    if (pl >= 1 && pat[pl - 1] == '/' && strncmp(rel, pat, pl) == 0)
      return true;
    if (fnmatch(pat, rel, FNM_PATHNAME) == 0 ||
        fnmatch(pat, rel, 0) == 0)
      return true;
  }
  return false;
}
