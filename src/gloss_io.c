/* Glossary exchange: the glossary as a table of columns (tl_glossary_table)
 * read from the house TSV files, imported from TBX-Basic (libxml2) or CSV
 * (RFC 4180), written as TSV, CSV or TBX-Basic. The glossary loader
 * (gloss.c) stays the one validator: what is imported is checked by
 * loading it. The only includer of libxml2. */
#include "buf.h"
#include "msg.h"
#include "gloss.h"
#include "input.h"
#include "utf8.h"
#include "walk.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define XC(s) ((const xmlChar *)(s))

static const char *const COLS[] = {"id",     "en",       "preferred",
                                   "abbrev", "admitted", "forbidden",
                                   "gender", "case",     "note",
                                   "source", NULL};
enum { C_ID, C_EN, C_PREF, C_ABBREV, C_ADMIT, C_FORBID, C_GENDER, C_CASE,
       C_NOTE, C_SOURCE, NC };

typedef struct row {
  char *v[NC];   /* owned; "" when empty */
  unsigned line; /* where it came from (import: the imported file's line) */
} row;

struct tl_glossary_table {
  row *rows;
  size_t n, cap;
  char **warn;
  size_t nwarn, capwarn;
};

size_t tl_glossary_table_count(const tl_glossary_table *t)
{
  return t->n;
}

size_t tl_glossary_table_nwarnings(const tl_glossary_table *t)
{
  return t->nwarn;
}

const char *tl_glossary_table_warning(const tl_glossary_table *t, size_t i)
{
  return i < t->nwarn ? t->warn[i] : NULL;
}

void tl_glossary_table_free(tl_glossary_table *t)
{
  if (t == NULL)
    return;
  for (size_t i = 0; i < t->n; i++)
    for (int c = 0; c < NC; c++)
      free(t->rows[i].v[c]);
  for (size_t i = 0; i < t->nwarn; i++)
    free(t->warn[i]);
  free(t->rows);
  free(t->warn);
  free(t);
}

static row *add_row(tl_glossary_table *t, unsigned line)
{
  row *r;

  TL_GROW(t->rows, t->cap, t->n + 1);
  r = &t->rows[t->n++];
  for (int c = 0; c < NC; c++)
    r->v[c] = tl_xstrdup("");
  r->line = line;
  return r;
}

static void set(row *r, int c, const char *s, size_t n)
{
  free(r->v[c]);
  r->v[c] = tl_xstrndup(s, n);
}

/* Append @s to list column @c ('|'-separated), unless it is there. */
static void add_item(row *r, int c, const char *s)
{
  size_t n = strlen(s), have = strlen(r->v[c]);
  tl_buf b;

  for (const char *p = r->v[c]; *p;) {
    const char *bar = strchr(p, '|');
    size_t k = bar ? (size_t)(bar - p) : strlen(p);
    if (k == n && memcmp(p, s, n) == 0)
      return;
    p += k + (bar != NULL);
  }
  tl_buf_init(&b);
  tl_buf_add(&b, r->v[c], have);
  if (have > 0)
    tl_buf_addc(&b, '|');
  tl_buf_add(&b, s, n);
  tl_buf_cstr(&b);
  free(r->v[c]);
  r->v[c] = b.p;
}

static void warn(tl_glossary_table *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void warn(tl_glossary_table *t, const char *fmt, ...)
{
  char msg[700];
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  TL_GROW(t->warn, t->capwarn, t->nwarn + 1);
  t->warn[t->nwarn++] = tl_xstrdup(msg);
}

static int col_index(const char *s, size_t n)
{
  for (int c = 0; COLS[c] != NULL; c++)
    if (strlen(COLS[c]) == n && memcmp(COLS[c], s, n) == 0)
      return c;
  return -1;
}

/* ---- TSV ------------------------------------------------------------- */

/* The rows of one TSV file (already validated by the loader). */
static tl_status read_tsv(tl_glossary_table *t, const char *path,
                          tl_error *err)
{
  char *data;
  size_t len, pos = 0;
  unsigned lineno = 0;
  int map[NC + 1];
  size_t ncols = 0;
  bool header = false;
  tl_status st = tl_input_read(path, 0, &data, &len, NULL, err);

  if (st != TL_OK)
    return st;
  while (pos < len) {
    size_t end = pos, n;
    const char *line = data + pos;
    while (end < len && data[end] != '\n')
      end++;
    n = end - pos;
    pos = end + 1;
    lineno++;
    if (n > 0 && line[n - 1] == '\r')
      n--;
    if (n == 0 || line[0] == '#')
      continue;
    if (!header) { /* the column names */
      for (size_t i = 0, f = 0; i <= n; i++)
        if (i == n || line[i] == '\t') {
          if (ncols < NC)
            map[ncols++] = col_index(line + f, i - f);
          f = i + 1;
        }
      header = true;
      continue;
    }
    {
      row *r = add_row(t, lineno);
      size_t k = 0;
      for (size_t i = 0, f = 0; i <= n; i++)
        if (i == n || line[i] == '\t') {
          if (k < ncols && map[k] >= 0)
            set(r, map[k], line + f, i - f);
          k++;
          f = i + 1;
        }
    }
  }
  free(data);
  return TL_OK;
}

tl_status tl_glossary_table_read(tl_glossary_table **out,
                                 const char *const *paths, tl_error *err)
{
  tl_glossary_table *t = tl_xcalloc(1, sizeof *t);
  tl_status st = tl_glossary_check(paths, NULL, err);

  *out = NULL;
  for (size_t i = 0; st == TL_OK && paths[i] != NULL; i++) {
    struct stat sb;
    if (stat(paths[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
      size_t n = 0;
      char **names = tl_dir_files(paths[i], ".tsv", &n);
      for (size_t k = 0; k < n; k++) {
        if (st == TL_OK)
          st = read_tsv(t, names[k], err);
        free(names[k]);
      }
      free(names);
    } else {
      st = read_tsv(t, paths[i], err);
    }
  }
  if (st != TL_OK) {
    tl_glossary_table_free(t);
    return st;
  }
  *out = t;
  return TL_OK;
}

/* The columns written: all but "source", which only when a row has one
 * (a glossary without provenance keeps the nine columns it had). */
static int ncols(const tl_glossary_table *t)
{
  for (size_t i = 0; i < t->n; i++)
    if (t->rows[i].v[C_SOURCE][0] != '\0')
      return NC;
  return C_SOURCE;
}

static void tsv(const tl_glossary_table *t, tl_buf *b)
{
  int nc = ncols(t);

  for (int c = 0; c < nc; c++)
    tl_buf_printf(b, "%s%s", c ? "\t" : "", COLS[c]);
  tl_buf_addc(b, '\n');
  for (size_t i = 0; i < t->n; i++) {
    for (int c = 0; c < nc; c++)
      tl_buf_printf(b, "%s%s", c ? "\t" : "", t->rows[i].v[c]);
    tl_buf_addc(b, '\n');
  }
}

/* ---- CSV (RFC 4180) ---------------------------------------------------- */

static void csv_field(tl_buf *b, const char *s)
{
  if (strpbrk(s, ",\"\r\n") == NULL) {
    tl_buf_adds(b, s);
    return;
  }
  tl_buf_addc(b, '"');
  for (; *s; s++) {
    if (*s == '"')
      tl_buf_addc(b, '"');
    tl_buf_addc(b, *s);
  }
  tl_buf_addc(b, '"');
}

static void csv(const tl_glossary_table *t, tl_buf *b)
{
  int nc = ncols(t);

  for (int c = 0; c < nc; c++) {
    if (c)
      tl_buf_addc(b, ',');
    csv_field(b, COLS[c]);
  }
  tl_buf_adds(b, "\r\n");
  for (size_t i = 0; i < t->n; i++) {
    for (int c = 0; c < nc; c++) {
      if (c)
        tl_buf_addc(b, ',');
      csv_field(b, t->rows[i].v[c]);
    }
    tl_buf_adds(b, "\r\n");
  }
}

/* One record of @data from *pos: fields appended to @fields (owned
 * strings), *line advanced over its line ends. False at the end. */
static void free_fields(char **v, size_t n);

/* Free what a failed record collected. */
static void drop(char ***fields, size_t *nf)
{
  free_fields(*fields, *nf);
  *fields = NULL;
  *nf = 0;
}

static tl_status csv_record(const char *path, const char *data, size_t len,
                            size_t *pos, unsigned *line, char ***fields,
                            size_t *nf, tl_error *err)
{
  size_t i = *pos, cap = 0;
  tl_buf f;

  *fields = NULL;
  *nf = 0;
  tl_buf_init(&f);
  for (;;) {
    bool quoted = i < len && data[i] == '"';
    unsigned start_line = *line;
    tl_buf_clear(&f);
    if (quoted) {
      i++;
      for (;;) {
        if (i >= len) {
          tl_buf_fini(&f);
          drop(fields, nf);
          return tl_error_set(err, TL_EGLOSS,
                              _("%s:%u: aspas abertas sem fechar (RFC 4180: "
                              "um campo entre aspas termina com \")"),
                              path, start_line);
        }
        if (data[i] == '"' && i + 1 < len && data[i + 1] == '"') {
          tl_buf_addc(&f, '"');
          i += 2;
        } else if (data[i] == '"') {
          i++;
          break;
        } else {
          if (data[i] == '\n')
            (*line)++;
          tl_buf_addc(&f, data[i++]);
        }
      }
      if (i < len && data[i] != ',' && data[i] != '\r' && data[i] != '\n') {
        tl_buf_fini(&f);
        drop(fields, nf);
        return tl_error_set(err, TL_EGLOSS,
                            _("%s:%u: texto depois das aspas de fechamento "
                            "(RFC 4180: aspas dentro de um campo se "
                            "escrevem \"\")"),
                            path, *line);
      }
    } else {
      while (i < len && data[i] != ',' && data[i] != '\r' && data[i] != '\n') {
        if (data[i] == '"') {
          tl_buf_fini(&f);
          drop(fields, nf);
          return tl_error_set(err, TL_EGLOSS,
                              _("%s:%u: aspas no meio de um campo sem aspas "
                              "(RFC 4180: ponha o campo entre aspas e "
                              "escreva \"\")"),
                              path, *line);
        }
        tl_buf_addc(&f, data[i++]);
      }
    }
    TL_GROW(*fields, cap, *nf + 1);
    tl_buf_cstr(&f);
    (*fields)[(*nf)++] = tl_xstrdup(f.p);
    if (i < len && data[i] == ',') {
      i++;
      continue;
    }
    if (i < len && data[i] == '\r')
      i++;
    if (i < len && data[i] == '\n')
      i++;
    (*line)++;
    break;
  }
  tl_buf_fini(&f);
  *pos = i;
  return TL_OK;
}

static void free_fields(char **v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    free(v[i]);
  free(v);
}

static tl_status import_csv(tl_glossary_table *t, const char *path,
                            const char *data, size_t len, tl_error *err)
{
  size_t pos = 0, nf;
  unsigned line = 1;
  int map[64];
  size_t ncols = 0;
  char **f;
  tl_status st;

  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
    pos = 3; /* spreadsheets write a BOM */
  if (pos >= len)
    return tl_error_set(err, TL_EGLOSS, _("%s: arquivo vazio"), path);
  st = csv_record(path, data, len, &pos, &line, &f, &nf, err);
  if (st != TL_OK)
    return st;
  for (size_t k = 0; k < nf; k++) {
    int c = col_index(f[k], strlen(f[k]));
    if (c < 0 || k >= 64) {
      st = tl_error_set(err, TL_EGLOSS,
                        _("%s:1:%zu: coluna desconhecida '%s' (colunas: id, "
                        "en, preferred, abbrev, admitted, forbidden, gender, "
                        "case, note, source)"),
                        path, k + 1, f[k]);
      free_fields(f, nf);
      return st;
    }
    map[ncols++] = c;
  }
  free_fields(f, nf);
  while (pos < len) {
    unsigned at = line;
    row *r;
    st = csv_record(path, data, len, &pos, &line, &f, &nf, err);
    if (st != TL_OK)
      return st;
    if (nf == 1 && f[0][0] == '\0') { /* a blank line */
      free_fields(f, nf);
      continue;
    }
    if (nf != ncols) {
      st = tl_error_set(err, TL_EGLOSS,
                        _("%s:%u: o número de campos desta linha (%zu) não é o de "
                          "colunas do cabeçalho (%zu)"),
                        path, at, nf, ncols);
      free_fields(f, nf);
      return st;
    }
    r = add_row(t, at);
    for (size_t k = 0; k < nf; k++) {
      if (strpbrk(f[k], "\t\r\n") != NULL) {
        st = tl_error_set(err, TL_EGLOSS,
                          _("%s:%u: a coluna '%s' tem tabulação ou quebra de "
                          "linha, que o glossário (TSV) não aceita"),
                          path, at, COLS[map[k]]);
        free_fields(f, nf);
        return st;
      }
      set(r, map[k], f[k], strlen(f[k]));
    }
    free_fields(f, nf);
  }
  return TL_OK;
}

/* ---- TBX ------------------------------------------------------------- */

static bool is_elem(const xmlNode *n, const char *name)
{
  return n->type == XML_ELEMENT_NODE &&
         xmlStrcmp(n->name, XC(name)) == 0;
}

/* The trimmed text of @n (owned). */
static char *text_of(const xmlNode *n)
{
  xmlChar *c = xmlNodeGetContent(n);
  const char *s = c ? (const char *)c : "", *e;
  char *out;

  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
    s++;
  e = s + strlen(s);
  while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
                   e[-1] == '\r'))
    e--;
  out = tl_xstrndup(s, (size_t)(e - s));
  xmlFree(c);
  /* runs of white space (line ends inside an element) become one space */
  for (char *p = out, *q = out;; p++) {
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
    if (*p == ' ' && q > out && q[-1] == ' ')
      continue;
    *q++ = *p;
    if (*p == '\0')
      break;
  }
  return out;
}

static char *attr(const xmlNode *n, const char *name)
{
  xmlChar *v = xmlGetProp(n, XC(name));
  char *s = tl_xstrdup(v ? (const char *)v : "");
  xmlFree(v);
  return s;
}

typedef enum { LANG_OTHER, LANG_EN, LANG_TARGET } lang_kind;

static bool lang_eq(const char *a, const char *b)
{
  for (; *a && *b; a++, b++) {
    char x = *a == '_' ? '-' : *a, y = *b == '_' ? '-' : *b;
    if (x >= 'A' && x <= 'Z')
      x = (char)(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z')
      y = (char)(y - 'A' + 'a');
    if (x != y)
      return false;
  }
  return *a == *b;
}

static lang_kind classify_lang(const char *lang, const char *target)
{
  if (lang_eq(lang, target))
    return LANG_TARGET;
  /* "pt-BR" also takes plain "pt" */
  if (strchr(target, '-') != NULL || strchr(target, '_') != NULL) {
    size_t k = strcspn(target, "-_");
    char primary[16];
    if (k < sizeof primary) {
      memcpy(primary, target, k);
      primary[k] = '\0';
      if (lang_eq(lang, primary))
        return LANG_TARGET;
    }
  }
  if (lang_eq(lang, "en") || ((lang[0] == 'e' || lang[0] == 'E') &&
                              (lang[1] == 'n' || lang[1] == 'N') &&
                              (lang[2] == '-' || lang[2] == '_')))
    return LANG_EN;
  return LANG_OTHER;
}

typedef enum { ST_NONE, ST_PREFERRED, ST_ADMITTED, ST_FORBIDDEN } term_status;

typedef struct term {
  char *text;
  term_status status;
  bool abbrev, proper;
  char gender; /* 'm', 'f' or 0 */
} term;

typedef struct entry_ctx {
  tl_glossary_table *t;
  const char *path;
  tl_error *err;
  term *terms; /* of the target language */
  size_t nterms, capterms;
  row *r;
  size_t dropped_langs;
} entry_ctx;

static tl_status tbx_bad(entry_ctx *e, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static tl_status tbx_bad(entry_ctx *e, const xmlNode *n, const char *fmt, ...)
{
  va_list ap;
  tl_status st;
  long line = xmlGetLineNo(n);

  va_start(ap, fmt);
  st = tl_error_setv_at(e->err, TL_EGLOSS, e->path,
                        line > 0 ? (unsigned long)line : 0, 0, fmt, ap);
  va_end(ap);
  return st;
}

static void add_note(row *r, const char *s)
{
  tl_buf b;

  if (s[0] == '\0')
    return;
  if (r->v[C_NOTE][0] == '\0') {
    set(r, C_NOTE, s, strlen(s));
    return;
  }
  tl_buf_init(&b);
  tl_buf_printf(&b, "%s %s", r->v[C_NOTE], s);
  set(r, C_NOTE, b.p, b.len);
  tl_buf_fini(&b);
}

/* note, admin/descrip "source" and what is left out, at any level. */
static tl_status aux(entry_ctx *e, const xmlNode *n, bool target_or_entry,
                     bool *handled)
{
  char *type;

  *handled = true;
  if (is_elem(n, "note")) {
    if (target_or_entry) {
      char *s = text_of(n);
      add_note(e->r, s);
      free(s);
    }
    return TL_OK;
  }
  if (!is_elem(n, "admin") && !is_elem(n, "descrip") &&
      !is_elem(n, "transacGrp") && !is_elem(n, "descripGrp") &&
      !is_elem(n, "adminGrp") && !is_elem(n, "xref") && !is_elem(n, "ref")) {
    *handled = false;
    return TL_OK;
  }
  type = attr(n, "type");
  if (strcmp(type, "source") == 0 && !is_elem(n, "transacGrp")) {
    char *s = text_of(n);
    if (e->r->v[C_SOURCE][0] == '\0')
      set(e->r, C_SOURCE, s, strlen(s));
    else if (strcmp(e->r->v[C_SOURCE], s) != 0)
      add_note(e->r, s); /* a second source: kept in the note */
    free(s);
  } else {
    warn(e->t, _("%s:%ld: <%s%s%s%s> deixado de fora (o glossário não tem "
               "coluna para ele)"),
         e->path, xmlGetLineNo(n), (const char *)n->name,
         type[0] ? " type=\"" : "", type, type[0] ? "\"" : "");
  }
  free(type);
  return TL_OK;
}

/* One term: tig, ntig (termGrp inside) or termSec. */
static tl_status read_term(entry_ctx *e, const xmlNode *tig, lang_kind lk)
{
  term tm = {NULL, ST_NONE, false, false, 0};
  tl_status st = TL_OK;

  for (const xmlNode *n = tig->children; n != NULL && st == TL_OK;
       n = n->next) {
    const xmlNode *k = n;
    bool handled;
    if (n->type != XML_ELEMENT_NODE)
      continue;
    if (is_elem(n, "termGrp")) { /* ntig: the term and its notes */
      st = read_term(e, n, lk);
      continue;
    }
    if (is_elem(n, "term")) {
      free(tm.text);
      tm.text = text_of(n);
      continue;
    }
    if (is_elem(n, "termNote") || is_elem(n, "termNoteGrp")) {
      char *type, *v;
      if (is_elem(n, "termNoteGrp")) {
        for (k = n->children; k != NULL && !is_elem(k, "termNote"); k = k->next)
          ;
        if (k == NULL)
          continue;
      }
      type = attr(k, "type");
      v = text_of(k);
      if (strcmp(type, "administrativeStatus") == 0) {
        if (strncmp(v, "preferred", 9) == 0)
          tm.status = ST_PREFERRED;
        else if (strncmp(v, "admitted", 8) == 0)
          tm.status = ST_ADMITTED;
        else if (strncmp(v, "deprecated", 10) == 0 ||
                 strncmp(v, "superseded", 10) == 0)
          tm.status = ST_FORBIDDEN;
        else
          st = tbx_bad(e, k,
                       _("administrativeStatus '%s' não suportado (use "
                       "preferredTerm-admn-sts, admittedTerm-admn-sts, "
                       "deprecatedTerm-admn-sts ou supersededTerm-admn-sts)"),
                       v);
      } else if (strcmp(type, "termType") == 0) {
        tm.abbrev = strcmp(v, "acronym") == 0 ||
                    strcmp(v, "abbreviation") == 0 ||
                    strcmp(v, "shortForm") == 0 ||
                    strcmp(v, "initialism") == 0;
        if (!tm.abbrev && lk == LANG_TARGET)
          warn(e->t, _("%s:%ld: termType '%s' deixado de fora"), e->path,
               xmlGetLineNo(k), v);
      } else if (strcmp(type, "partOfSpeech") == 0) {
        tm.proper = strcmp(v, "properNoun") == 0;
        if (!tm.proper && lk == LANG_TARGET && strcmp(v, "noun") != 0)
          warn(e->t, _("%s:%ld: partOfSpeech '%s' deixado de fora (o glossário "
                     "só distingue nomes próprios: case exact)"),
               e->path, xmlGetLineNo(k), v);
      } else if (strcmp(type, "grammaticalGender") == 0) {
        if (strcmp(v, "masculine") == 0)
          tm.gender = 'm';
        else if (strcmp(v, "feminine") == 0)
          tm.gender = 'f';
        else if (lk == LANG_TARGET)
          st = tbx_bad(e, k,
                       _("grammaticalGender '%s' não suportado (o glossário "
                       "tem masculine e feminine)"),
                       v);
      } else if (lk == LANG_TARGET) {
        warn(e->t, _("%s:%ld: termNote type=\"%s\" deixado de fora"), e->path,
             xmlGetLineNo(k), type);
      }
      free(type);
      free(v);
      continue;
    }
    st = aux(e, n, lk == LANG_TARGET, &handled);
    if (st == TL_OK && !handled)
      warn(e->t, _("%s:%ld: <%s> deixado de fora"), e->path, xmlGetLineNo(n),
           (const char *)n->name);
  }
  if (st == TL_OK && tm.text != NULL && tm.text[0] != '\0') {
    if (strchr(tm.text, '|') != NULL)
      st = tbx_bad(e, tig, _("o termo '%s' tem '|', que o glossário usa para "
                           "separar formas"),
                   tm.text);
    else if (lk == LANG_EN)
      add_item(e->r, C_EN, tm.text);
    else {
      TL_GROW(e->terms, e->capterms, e->nterms + 1);
      e->terms[e->nterms++] = tm;
      tm.text = NULL;
    }
  }
  free(tm.text);
  return st;
}

static tl_status read_lang(entry_ctx *e, const xmlNode *ls, const char *target)
{
  xmlChar *l = xmlNodeGetLang(ls);
  lang_kind lk = classify_lang(l ? (const char *)l : "", target);
  tl_status st = TL_OK;

  if (lk == LANG_OTHER) {
    warn(e->t, _("%s:%ld: seção de idioma '%s' deixada de fora (o glossário "
               "tem inglês e %s)"),
         e->path, xmlGetLineNo(ls), l ? (const char *)l : "?", target);
    xmlFree(l);
    return TL_OK;
  }
  xmlFree(l);
  for (const xmlNode *n = ls->children; n != NULL && st == TL_OK; n = n->next) {
    bool handled;
    if (n->type != XML_ELEMENT_NODE)
      continue;
    if (is_elem(n, "tig") || is_elem(n, "ntig") || is_elem(n, "termSec")) {
      st = read_term(e, n, lk);
      continue;
    }
    st = aux(e, n, lk == LANG_TARGET, &handled);
    if (st == TL_OK && !handled)
      warn(e->t, _("%s:%ld: <%s> deixado de fora"), e->path, xmlGetLineNo(n),
           (const char *)n->name);
  }
  return st;
}

/* An ASCII slug from @s ("Aprendizado por reforço" -> "aprendizado-por-
 * reforco"), numbered (-2, -3 ...) when one of the first @nrows rows has
 * it. Owned. */
static char *make_id(const tl_glossary_table *t, size_t nrows, const char *s)
{
  tl_buf plain, id;
  size_t base;

  tl_buf_init(&plain);
  tl_buf_init(&id);
  tl_utf8_strip_accents(s, strlen(s), &plain);
  tl_buf_cstr(&plain);
  for (const char *p = plain.p; *p; p++) {
    char c = *p;
    if (c >= 'A' && c <= 'Z')
      c = (char)(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '_')
      tl_buf_addc(&id, c);
    else if (id.len > 0 && id.p[id.len - 1] != '-')
      tl_buf_addc(&id, '-');
  }
  while (id.len > 0 && id.p[id.len - 1] == '-')
    id.len--;
  if (id.len == 0)
    tl_buf_adds(&id, "conceito");
  tl_buf_cstr(&id);
  base = id.len;
  for (unsigned k = 2;; k++) {
    bool taken = false;
    for (size_t i = 0; i < nrows && !taken; i++)
      taken = strcmp(t->rows[i].v[C_ID], id.p) == 0;
    if (!taken)
      break;
    id.len = base;
    tl_buf_printf(&id, "-%u", k);
  }
  tl_buf_fini(&plain);
  return id.p; /* the buffer itself: the caller frees it */
}

static bool valid_id(const char *s)
{
  if (s[0] == '\0')
    return false;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' ||
          *s == '.' || *s == '_'))
      return false;
  return true;
}

static tl_status read_entry(tl_glossary_table *t, const char *path,
                            const xmlNode *te, const char *target,
                            tl_error *err)
{
  entry_ctx e;
  tl_status st = TL_OK;
  char *id = attr(te, "id");
  term *pref = NULL;

  memset(&e, 0, sizeof e);
  e.t = t;
  e.path = path;
  e.err = err;
  e.r = add_row(t, (unsigned)xmlGetLineNo(te));
  for (const xmlNode *n = te->children; n != NULL && st == TL_OK;
       n = n->next) {
    bool handled;
    if (n->type != XML_ELEMENT_NODE)
      continue;
    if (is_elem(n, "langSet") || is_elem(n, "langSec")) {
      st = read_lang(&e, n, target);
      continue;
    }
    st = aux(&e, n, true, &handled);
    if (st == TL_OK && !handled)
      warn(t, _("%s:%ld: <%s> deixado de fora"), path, xmlGetLineNo(n),
           (const char *)n->name);
  }
  /* the target terms into columns: the first preferred (else the first
   * without a status) is the preferred form */
  for (size_t i = 0; st == TL_OK && i < e.nterms && pref == NULL; i++)
    if (e.terms[i].status == ST_PREFERRED)
      pref = &e.terms[i];
  for (size_t i = 0; st == TL_OK && i < e.nterms && pref == NULL; i++)
    if (e.terms[i].status == ST_NONE && !e.terms[i].abbrev)
      pref = &e.terms[i];
  if (st == TL_OK && pref == NULL) {
    warn(t, _("%s:%ld: conceito '%s' sem termo preferido ou aceito em %s: "
            "deixado de fora"),
         path, xmlGetLineNo(te), id[0] ? id : e.r->v[C_EN], target);
    for (int c = 0; c < NC; c++)
      free(e.r->v[c]);
    t->n--;
  } else if (st == TL_OK) {
    set(e.r, C_PREF, pref->text, strlen(pref->text));
    if (pref->gender)
      set(e.r, C_GENDER, &pref->gender, 1);
    set(e.r, C_CASE, pref->proper ? "exact" : "any", pref->proper ? 5 : 3);
    for (size_t i = 0; i < e.nterms; i++) {
      term *tm = &e.terms[i];
      if (tm == pref)
        continue;
      if (tm->gender && e.r->v[C_GENDER][0] == '\0')
        set(e.r, C_GENDER, &tm->gender, 1);
      if (tm->status == ST_FORBIDDEN)
        add_item(e.r, C_FORBID, tm->text);
      else if (tm->abbrev)
        add_item(e.r, C_ABBREV, tm->text);
      else
        add_item(e.r, C_ADMIT, tm->text);
    }
    if (valid_id(id)) {
      set(e.r, C_ID, id, strlen(id));
    } else {
      const char *base = e.r->v[C_EN][0] ? e.r->v[C_EN] : e.r->v[C_PREF];
      char *b = tl_xstrndup(base, strcspn(base, "|"));
      char *slug = make_id(t, t->n - 1, b);
      if (id[0] != '\0')
        warn(t, _("%s:%ld: id '%s' não é um identificador do glossário "
                "(letras minúsculas sem acento, algarismos, - . _): usado "
                "'%s'"),
             path, xmlGetLineNo(te), id, slug);
      set(e.r, C_ID, slug, strlen(slug));
      free(slug);
      free(b);
    }
  }
  if (st != TL_OK) {
    for (int c = 0; c < NC; c++)
      free(e.r->v[c]);
    t->n--;
  }
  for (size_t i = 0; i < e.nterms; i++)
    free(e.terms[i].text);
  free(e.terms);
  free(id);
  return st;
}

static tl_status walk_entries(tl_glossary_table *t, const char *path,
                              const xmlNode *n, const char *target,
                              size_t *count, tl_error *err)
{
  tl_status st = TL_OK;

  for (; n != NULL && st == TL_OK; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    if (is_elem(n, "termEntry") || is_elem(n, "conceptEntry")) {
      (*count)++;
      st = read_entry(t, path, n, target, err);
    } else if (is_elem(n, "martifHeader") || is_elem(n, "tbxHeader")) {
      continue;
    } else {
      st = walk_entries(t, path, n->children, target, count, err);
    }
  }
  return st;
}

static tl_status import_tbx(tl_glossary_table *t, const char *path,
                            const char *data, size_t len, const char *target,
                            tl_error *err)
{
  xmlDoc *doc;
  const xmlNode *root;
  size_t count = 0;
  tl_status st;

  if (len > (size_t)0x7FFFFFFF)
    return tl_error_set(err, TL_EGLOSS, _("%s: arquivo grande demais"), path);
  /* no network, no entity expansion, no DTD loading */
  doc = xmlReadMemory(data, (int)len, path, NULL,
                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL) {
    const xmlError *xe = xmlGetLastError();
    return tl_error_set(err, TL_EGLOSS, _("%s:%d: XML inválido: %s"), path,
                        xe ? xe->line : 0,
                        xe && xe->message ? xe->message : "?");
  }
  root = xmlDocGetRootElement(doc);
  if (root == NULL || (!is_elem(root, "martif") && !is_elem(root, "tbx"))) {
    st = tl_error_set(err, TL_EGLOSS,
                      _("%s: não é um arquivo TBX (o elemento raiz é <%s>, "
                      "esperado <martif> ou <tbx>)"),
                      path, root ? (const char *)root->name : "");
    xmlFreeDoc(doc);
    return st;
  }
  st = walk_entries(t, path, root->children, target, &count, err);
  if (st == TL_OK && count == 0)
    st = tl_error_set(err, TL_EGLOSS,
                      _("%s: nenhum <termEntry> nem <conceptEntry>"), path);
  else if (st == TL_OK && t->n == 0)
    st = tl_error_set(err, TL_EGLOSS,
                      _("%s: nenhum conceito com termo em %s (use --lang "
                      "para outro idioma)"),
                      path, target);
  xmlFreeDoc(doc);
  return st;
}

static void tbx(const tl_glossary_table *t, tl_buf *out)
{
  xmlBuffer *xb = xmlBufferCreate();
  xmlTextWriter *w = xmlNewTextWriterMemory(xb, 0);
  static const char *const STATUS[] = {
      "preferredTerm-admn-sts", "admittedTerm-admn-sts",
      "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"};
  static const int KCOL[] = {C_PREF, C_ABBREV, C_ADMIT, C_FORBID};

  xmlTextWriterSetIndent(w, 1);
  xmlTextWriterSetIndentString(w, XC(" "));
  xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement(w, XC("martif"));
  xmlTextWriterWriteAttribute(w, XC("type"), XC("TBX-Basic"));
  xmlTextWriterWriteAttribute(w, XC("xml:lang"), XC("en"));
  xmlTextWriterStartElement(w, XC("martifHeader"));
  xmlTextWriterStartElement(w, XC("fileDesc"));
  xmlTextWriterStartElement(w, XC("sourceDesc"));
  xmlTextWriterWriteElement(w, XC("p"),
                            XC("tradlint glossary export"));
  xmlTextWriterEndElement(w);
  xmlTextWriterEndElement(w);
  xmlTextWriterStartElement(w, XC("encodingDesc"));
  xmlTextWriterStartElement(w, XC("p"));
  xmlTextWriterWriteAttribute(w, XC("type"), XC("XCSURI"));
  xmlTextWriterWriteString(w, XC("TBXBasicXCSV02.xcs"));
  xmlTextWriterEndElement(w);
  xmlTextWriterEndElement(w);
  xmlTextWriterEndElement(w); /* martifHeader */
  xmlTextWriterStartElement(w, XC("text"));
  xmlTextWriterStartElement(w, XC("body"));
  for (size_t i = 0; i < t->n; i++) {
    const row *r = &t->rows[i];
    bool exact = strcmp(r->v[C_CASE], "exact") == 0;
    xmlTextWriterStartElement(w, XC("termEntry"));
    xmlTextWriterWriteAttribute(w, XC("id"), XC(r->v[C_ID]));
    if (r->v[C_NOTE][0])
      xmlTextWriterWriteElement(w, XC("note"), XC(r->v[C_NOTE]));
    if (r->v[C_SOURCE][0]) {
      xmlTextWriterStartElement(w, XC("admin"));
      xmlTextWriterWriteAttribute(w, XC("type"), XC("source"));
      xmlTextWriterWriteString(w, XC(r->v[C_SOURCE]));
      xmlTextWriterEndElement(w);
    }
    for (int lang = 0; lang < 2; lang++) {
      bool any = false;
      for (int k = 0; k < 4; k++) {
        int c = lang == 0 ? C_EN : KCOL[k];
        const char *p = r->v[c];
        if (lang == 0 && k > 0)
          break;
        while (*p) {
          size_t n = strcspn(p, "|");
          char *tx = tl_xstrndup(p, n);
          if (!any) {
            xmlTextWriterStartElement(w, XC("langSet"));
            xmlTextWriterWriteAttribute(w, XC("xml:lang"),
                                        XC(lang == 0 ? "en" : "pt-BR"));
            any = true;
          }
          xmlTextWriterStartElement(w, XC("tig"));
          xmlTextWriterWriteElement(w, XC("term"), XC(tx));
          if (lang == 1) {
            if (c == C_ABBREV) {
              xmlTextWriterStartElement(w, XC("termNote"));
              xmlTextWriterWriteAttribute(w, XC("type"),
                                          XC("termType"));
              xmlTextWriterWriteString(w, XC("abbreviation"));
              xmlTextWriterEndElement(w);
            }
            xmlTextWriterStartElement(w, XC("termNote"));
            xmlTextWriterWriteAttribute(w, XC("type"),
                                        XC("administrativeStatus"));
            xmlTextWriterWriteString(w, XC(STATUS[k]));
            xmlTextWriterEndElement(w);
            if (c == C_PREF && exact) {
              xmlTextWriterStartElement(w, XC("termNote"));
              xmlTextWriterWriteAttribute(w, XC("type"),
                                          XC("partOfSpeech"));
              xmlTextWriterWriteString(w, XC("properNoun"));
              xmlTextWriterEndElement(w);
            }
            if (c == C_PREF && r->v[C_GENDER][0]) {
              xmlTextWriterStartElement(w, XC("termNote"));
              xmlTextWriterWriteAttribute(w, XC("type"),
                                          XC("grammaticalGender"));
              xmlTextWriterWriteString(
                  w, XC(r->v[C_GENDER][0] == 'f' ? "feminine"
                                                      : "masculine"));
              xmlTextWriterEndElement(w);
            }
          }
          xmlTextWriterEndElement(w); /* tig */
          free(tx);
          p += n + (p[n] == '|');
        }
      }
      if (any)
        xmlTextWriterEndElement(w); /* langSet */
    }
    xmlTextWriterEndElement(w); /* termEntry */
  }
  xmlTextWriterEndDocument(w);
  xmlFreeTextWriter(w);
  tl_buf_add(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
  xmlBufferFree(xb);
}

/* ---- import, write ------------------------------------------------------ */

static bool ends_with(const char *s, const char *suf)
{
  size_t n = strlen(s), k = strlen(suf);
  if (n < k)
    return false;
  for (size_t i = 0; i < k; i++) {
    char c = s[n - k + i];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c - 'A' + 'a');
    if (c != suf[i])
      return false;
  }
  return true;
}

/* The name the validated table is loaded under, replaced in its errors by
 * the imported file's name and line. */
#define IMPORT_NAME "tradlint-import"

/* Validate @t as a glossary by loading it; a problem names the imported
 * file's line of the row. */
static tl_status validate(const tl_glossary_table *t, const char *path,
                          tl_error *err)
{
  tl_buf b;
  tl_gloss *g = tl_gloss_new();
  tl_error e2;
  tl_status st;

  tl_buf_init(&b);
  tsv(t, &b);
  /* a printable stand-in for the name: error messages are sanitized */
  st = tl_gloss_load_buffer(g, IMPORT_NAME, b.p, b.len, &e2);
  tl_gloss_free(g);
  tl_buf_fini(&b);
  if (st != TL_OK) {
    /* "IMPORT_NAME:LINE:COL: msg": LINE 1 is the header, row k is line
     * k + 1 */
    unsigned line = 0, col = 0;
    const char *msg = e2.msg;
    if (sscanf(e2.msg, IMPORT_NAME ":%u:%u: ", &line, &col) == 2) {
      msg = strstr(e2.msg + strlen(IMPORT_NAME), ": ");
      msg = msg ? msg + 2 : e2.msg;
    }
    if (line >= 2 && line - 2 < t->n)
      return tl_error_set(err, TL_EGLOSS, _("%s:%u: conceito '%s': %s"), path,
                          t->rows[line - 2].line, t->rows[line - 2].v[C_ID],
                          msg);
    return tl_error_set(err, TL_EGLOSS, "%s: %s", path, msg);
  }
  return TL_OK;
}

tl_status tl_glossary_table_import(tl_glossary_table **out, const char *path,
                                   const char *lang, tl_error *err)
{
  tl_glossary_table *t = tl_xcalloc(1, sizeof *t);
  char *data;
  size_t len;
  tl_status st;

  *out = NULL;
  if (lang == NULL)
    lang = "pt-BR";
  if (!ends_with(path, ".tbx") && !ends_with(path, ".csv")) {
    free(t);
    return tl_error_set(err, TL_EUSAGE,
                        _("%s: formato não reconhecido (use um arquivo .tbx "
                        "ou .csv)"),
                        path);
  }
  st = tl_input_read(path, 0, &data, &len, NULL, err);
  if (st == TL_OK) {
    if (ends_with(path, ".tbx"))
      st = import_tbx(t, path, data, len, lang, err);
    else
      st = import_csv(t, path, data, len, err);
    free(data);
  }
  if (st == TL_OK && t->n == 0)
    st = tl_error_set(err, TL_EGLOSS, _("%s: nenhum conceito"), path);
  if (st == TL_OK)
    st = validate(t, path, err);
  if (st != TL_OK) {
    tl_glossary_table_free(t);
    return st;
  }
  *out = t;
  return TL_OK;
}

tl_status tl_glossary_table_write(const tl_glossary_table *t,
                                  tl_format format, FILE *out, tl_error *err)
{
  tl_buf b;

  tl_buf_init(&b);
  if (format == TL_FORMAT_TSV)
    tsv(t, &b);
  else if (format == TL_FORMAT_CSV)
    csv(t, &b);
  else if (format == TL_FORMAT_TBX)
    tbx(t, &b);
  else {
    tl_buf_fini(&b);
    return tl_error_set(err, TL_EUSAGE,
                        _("formato de glossário '%s' desconhecido (use tsv, "
                        "csv ou tbx)"),
                        tl_format_name(format));
  }
  if (b.len > 0 && fwrite(b.p, 1, b.len, out) != b.len) {
    tl_buf_fini(&b);
    return tl_error_set(err, TL_EIO, _("erro ao escrever: %s"), tl_strerror(errno));
  }
  tl_buf_fini(&b);
  return TL_OK;
}
