/* --report-dir: per file an HTML report (the article with every finding
 * highlighted in place, a side list, filters, a summary) and the JSON of
 * DESIGN.md; an index of every file, worst first. One self-contained file
 * each: inline CSS and script, no fonts, no network. Every byte of the
 * article and of the messages is HTML-escaped. */
#include "report.h"
#include "msg.h"

#include "corpus.h"
#include "map.h"
#include "name.h"
#include "render.h"
#include "rules.h"
#include "walk.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const CATEGORIES[] = {"spelling",  "terminology",
                                         "consistency", "untranslated",
                                         "agreement", "number",
                                         "repetition", "source",
                                         "suppression", NULL};

typedef struct file_entry {
  char *rel, *html;
  size_t sev[3];
  size_t cat[9];
  size_t words;
} file_entry;

struct tl_report_dir {
  char *dir, *root;
  tl_corpus *corpus; /* set: DIR/acervo.html, concepts linked to it */
  const tl_linter *linter;
  file_entry *files;
  size_t n, cap;
  tl_map names; /* report names taken, lower-cased */
};

static int cat_index(const char *c)
{
  for (int i = 0; CATEGORIES[i] != NULL; i++)
    if (strcmp(CATEGORIES[i], c) == 0)
      return i;
  return 8;
}

/* HTML-escaped, and valid UTF-8 whatever the bytes of a file name. */
static void escs(tl_buf *b, const char *s)
{
  size_t n = strlen(s);
  tl_buf clean;

  if (tl_name_is_safe(s, n, false)) {
    tl_buf_add_html(b, s, n);
    return;
  }
  tl_buf_init(&clean);
  tl_name_add_utf8(&clean, s, n);
  tl_buf_add_html(b, clean.p, clean.len);
  tl_buf_fini(&clean);
}

/* Make @rel (owned) a report name no other file of this folder has and
 * that is not the index's or the archive page's: "index" -> "index~2".
 * Compared lower-cased, for file systems that ignore case. */
static char *unique_name(tl_report_dir *d, char *rel)
{
  tl_buf key, name;

  tl_buf_init(&key);
  tl_buf_init(&name);
  tl_buf_adds(&name, rel);
  for (unsigned k = 2;; k++) {
    tl_buf_clear(&key);
    for (size_t i = 0; i < name.len; i++) {
      char c = name.p[i];
      tl_buf_addc(&key, c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
    }
    tl_buf_cstr(&key);
    if (strcmp(key.p, "index") != 0 && strcmp(key.p, "acervo") != 0 &&
        tl_map_find(&d->names, key.p, key.len) == NULL)
      break;
    tl_buf_clear(&name);
    tl_buf_printf(&name, "%s~%u", rel, k);
  }
  tl_map_put(&d->names, key.p, key.len, 0, NULL);
  tl_buf_fini(&key);
  free(rel);
  tl_buf_cstr(&name);
  return name.p;
}

/* "a/b.md" -> "a/b.md"; absolute or outside: made safe under DIR. */
static char *safe_rel(const char *root, const char *path)
{
  char *rel = tl_path_relative(root, path);
  tl_buf b;
  const char *p = rel;

  tl_buf_init(&b);
  if (strcmp(rel, "-") == 0)
    p = "stdin";
  while (*p == '/')
    p++;
  while (*p) {
    if (p[0] == '.' && p[1] == '.' && (p[2] == '/' || p[2] == '\0')) {
      tl_buf_adds(&b, "__");
      p += 2;
      continue;
    }
    tl_buf_addc(&b, *p++);
  }
  free(rel);
  tl_buf_cstr(&b);
  return b.p; /* the buffer itself: the caller frees it */
}

static tl_status mkdirs(const char *path, tl_error *err)
{
  char *p = tl_xstrdup(path);
  tl_status st = TL_OK;

  for (char *q = p + 1; *q && st == TL_OK; q++)
    if (*q == '/') {
      *q = '\0';
      if (mkdir(p, 0755) != 0 && errno != EEXIST)
        st = tl_error_set(err, TL_EIO,
                          _("%s: não foi possível criar a pasta: %s"), p,
                          tl_strerror(errno));
      *q = '/';
    }
  if (st == TL_OK && mkdir(p, 0755) != 0 && errno != EEXIST)
    st = tl_error_set(err, TL_EIO,
                      _("%s: não foi possível criar a pasta: %s"), p,
                      tl_strerror(errno));
  free(p);
  return st;
}

tl_status tl_report_dir_new(tl_report_dir **out, const char *dir,
                            const char *root, tl_error *err)
{
  tl_status st = mkdirs(dir, err);

  *out = NULL;
  if (st != TL_OK)
    return st;
  *out = tl_xcalloc(1, sizeof **out);
  (*out)->dir = tl_xstrdup(dir);
  (*out)->root = tl_xstrdup(root != NULL ? root : ".");
  tl_map_init(&(*out)->names);
  return TL_OK;
}

void tl_report_dir_free(tl_report_dir *d)
{
  if (d == NULL)
    return;
  for (size_t i = 0; i < d->n; i++) {
    free(d->files[i].rel);
    free(d->files[i].html);
  }
  free(d->files);
  tl_map_fini(&d->names);
  free(d->dir);
  free(d->root);
  free(d);
}

static const char STYLE[] =
    "body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#fff}"
    "header{padding:1em 1.5em;border-bottom:1px solid #ddd;background:#fafafa}"
    "h1{font-size:1.3em;margin:.2em 0}"
    ".sum span{display:inline-block;margin-right:1em}"
    ".filters label{margin-right:.8em;white-space:nowrap}"
    "main{display:flex;gap:1.5em;padding:1em 1.5em}"
    "article.doc{flex:3;min-width:0;max-width:46em;font-family:Georgia,"
    "'DejaVu Serif',serif;font-size:1.05em;line-height:1.6;overflow-wrap:"
    "break-word}"
    "article.doc pre{white-space:pre-wrap;background:#f6f6f6;padding:.6em;"
    "font-size:.85em}article.doc code{background:#f3f3f3;padding:0 .2em}"
    "article.doc pre.plain{background:none;padding:0;font-family:inherit;"
    "font-size:inherit}article.doc table{border-collapse:collapse}"
    "article.doc td,article.doc th{text-align:left}"
    "a.link{color:#1a4f9c;text-decoration:underline dotted}"
    ".img{color:#666;font-style:italic}"
    "pre.front-matter{color:#777;font-size:.8em}"
    "aside .n{color:#555;font-size:.85em}aside .more a{margin-right:.3em}"
    "aside{flex:2;max-width:40em}"
    "table.pair{flex:4;border-collapse:collapse;font-size:.92em;"
    "align-self:flex-start}"
    "table.pair td,table.pair th{border:1px solid #ddd;padding:.4em .6em;"
    "vertical-align:top;white-space:pre-wrap;width:50%;text-align:left}"
    "aside ol{padding-left:1.2em}aside li{margin-bottom:.6em}"
    "mark{background:none;border-bottom:2px solid;cursor:help;position:"
    "relative}"
    "mark:hover::after{content:attr(data-msg);position:absolute;left:0;"
    "top:1.6em;z-index:2;background:#333;color:#fff;padding:.3em .5em;"
    "border-radius:3px;font:12px/1.4 system-ui,sans-serif;width:24em;"
    "white-space:normal}"
    ".c-spelling{border-color:#d32f2f;background:#fdecea}"
    ".c-terminology{border-color:#6a1b9a;background:#f3e5f5}"
    ".c-consistency{border-color:#ef6c00;background:#fff3e0}"
    ".c-untranslated{border-color:#1565c0;background:#e3f2fd}"
    ".c-agreement{border-color:#2e7d32;background:#e8f5e9}"
    ".c-number{border-color:#00838f;background:#e0f7fa}"
    ".c-repetition{border-color:#795548;background:#efebe9}"
    ".c-source{border-color:#ad1457;background:#fce4ec}"
    ".c-suppression{border-color:#757575;background:#f5f5f5}"
    ".s-error{font-weight:bold}.sev{font-size:.8em;text-transform:uppercase;"
    "padding:0 .3em;border-radius:2px;color:#fff}"
    ".sev.error{background:#c62828}.sev.warning{background:#ef6c00}"
    ".sev.info{background:#1565c0}"
    ".hidden{display:none}mark.off{border-color:transparent;background:none}"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em "
    ".6em;text-align:right}td:first-child,th:first-child{text-align:left}"
    "@media print{.filters{display:none}main{display:block}aside{max-width:"
    "none}mark:hover::after{display:none}}";

static const char SCRIPT[] =
    "(function(){var boxes=document.querySelectorAll('.filters input');"
    "function apply(){var on={};boxes.forEach(function(b){on[b.value]="
    "b.checked;});document.querySelectorAll('[data-cat]').forEach(function(e)"
    "{var show=on['c-'+e.dataset.cat]!==false&&on['s-'+e.dataset.sev]!=="
    "false;if(e.tagName==='MARK'){e.classList.toggle('off',!show);}else{"
    "e.classList.toggle('hidden',!show);}});}"
    "boxes.forEach(function(b){b.addEventListener('change',apply);});})();";

static void page_head(tl_buf *b, const char *title)
{
  tl_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta "
                   "charset=\"utf-8\"><meta name=\"viewport\" "
                   "content=\"width=device-width\"><title>",
                tl_lang_get() == TL_LANG_EN ? "en" : "pt-BR");
  escs(b, title);
  tl_buf_adds(b, "</title><style>");
  tl_buf_adds(b, STYLE);
  tl_buf_adds(b, "</style></head><body>\n");
}

/* The counts of a summary: errors, warnings and infos of @sev, each a
 * <span>. */
static void counts_html(tl_buf *b, const size_t sev[3])
{
  tl_buf_adds(b, "<span>");
  tl_buf_printf(b, P_("%zu erro", "%zu erros", sev[TL_ERROR]), sev[TL_ERROR]);
  tl_buf_adds(b, "</span><span>");
  tl_buf_printf(b, P_("%zu aviso", "%zu avisos", sev[TL_WARNING]),
                sev[TL_WARNING]);
  tl_buf_adds(b, "</span><span>");
  tl_buf_printf(b, P_("%zu informação", "%zu informações", sev[TL_INFO]),
                sev[TL_INFO]);
  tl_buf_adds(b, "</span>");
}

/* What hovering a highlighted finding shows: message and suggestions. */
static void hover(tl_buf *b, const tl_finding *f)
{
  escs(b, f->message);
  for (size_t k = 0; k < f->nsuggestions; k++) {
    escs(b, k ? ", "
              : P_(" — sugestão: ", " — sugestões: ", f->nsuggestions));
    escs(b, f->suggestions[k]);
  }
}

typedef struct page_ctx {
  const tl_result *r;
  const tl_report_dir *d;
} page_ctx;

static void open_mark(void *ud, size_t i, tl_buf *b)
{
  const page_ctx *pc = ud;
  const tl_finding *f = &pc->r->f[i];

  /* info is behind the filters' switch, off at first */
  tl_buf_printf(b, "<mark id=\"f%zu\" class=\"c-%s s-%s%s\" data-cat=\"%s\" "
                   "data-sev=\"%s\" data-msg=\"",
                i + 1, f->category, tl_severity_name(f->severity),
                f->severity == TL_INFO ? " off" : "", f->category,
                tl_severity_name(f->severity));
  hover(b, f);
  tl_buf_adds(b, "\" title=\"");
  hover(b, f);
  tl_buf_adds(b, "\">");
}

void tl_report_add_href(tl_buf *b, const char *s)
{
  tl_name_add_uri(b, s, strlen(s)); /* a backslash stays part of the name */
}

/* How deep @rel is below DIR: "../" that many times leads back. */
static void add_up(tl_buf *b, const char *rel)
{
  for (const char *p = rel; *p; p++)
    if (*p == '/')
      tl_buf_adds(b, "../");
}

/* The target's bytes [from, to) with its findings highlighted in place
 * (overlapping ones only in the list), from @pos on; returns where the
 * text written stops. */
static size_t put_marks(tl_buf *b, page_ctx *pc, size_t from,
                        size_t to, size_t pos)
{
  const tl_result *r = pc->r;

  if (pos < from)
    pos = from;
  for (size_t i = 0; i < r->n; i++) {
    const tl_finding *f = &r->f[i];
    if (f->offset < pos || f->length == 0 || f->offset + f->length > to)
      continue;
    tl_buf_add_html(b, r->data + pos, f->offset - pos);
    open_mark(pc, i, b);
    tl_buf_add_html(b, r->data + f->offset, f->length);
    tl_buf_adds(b, "</mark>");
    pos = f->offset + f->length;
  }
  return pos;
}

/* Source mode: the source beside the target, one row a pair of blocks;
 * a finding is highlighted in the target and at its related location in
 * the source. */
static void render_pair(page_ctx *pc, tl_buf *b)
{
  const tl_result *r = pc->r;
  const tl_pair_view *v = r->pair;

  tl_buf_printf(b, "<table class=\"pair\"><tr><th>%s", _("original: "));
  escs(b, v->src_path);
  tl_buf_printf(b, "</th><th>%s</th></tr>\n", _("tradução"));
  for (size_t k = 0; k < v->nrows; k++) {
    const tl_pair_row *row = &v->rows[k];
    size_t pos = row->s_off;
    tl_buf_adds(b, "<tr><td>");
    if (row->s_end == row->s_off)
      tl_buf_printf(b, "<em>%s</em>", _("(sem original)"));
    for (size_t i = 0; i < r->n && row->s_end > row->s_off; i++) {
      const tl_finding *f = &r->f[i];
      if (f->source_path == NULL || f->source_offset < pos ||
          f->source_length == 0 ||
          f->source_offset + f->source_length > row->s_end)
        continue;
      tl_buf_add_html(b, v->src + pos, f->source_offset - pos);
      tl_buf_printf(b, "<mark class=\"c-%s s-%s\" data-cat=\"%s\" "
                       "data-sev=\"%s\" title=\"",
                    f->category, tl_severity_name(f->severity), f->category,
                    tl_severity_name(f->severity));
      hover(b, f);
      tl_buf_printf(b, "\"><a href=\"#f%zu\">", i + 1);
      tl_buf_add_html(b, v->src + f->source_offset, f->source_length);
      tl_buf_adds(b, "</a></mark>");
      pos = f->source_offset + f->source_length;
    }
    if (row->s_end > pos)
      tl_buf_add_html(b, v->src + pos, row->s_end - pos);
    tl_buf_adds(b, "</td><td>");
    if (row->t_end == row->t_off) {
      tl_buf_printf(b, "<em>%s</em>", _("(omitido na tradução)"));
    } else {
      pos = put_marks(b, pc, row->t_off, row->t_end, row->t_off);
      tl_buf_add_html(b, r->data + pos, row->t_end - pos);
    }
    tl_buf_adds(b, "</td></tr>\n");
  }
  tl_buf_adds(b, "</table>");
}

static void render_file(const tl_result *r, const char *rel, tl_buf *b,
                        const file_entry *e, const tl_report_dir *d)
{
  char title[600];
  page_ctx pc = {r, d};
  size_t *leader = tl_xcalloc(r->n + 1, sizeof *leader);
  size_t *count = tl_xcalloc(r->n + 1, sizeof *count);
  size_t groups = tl_report_group(r, leader, count);

  snprintf(title, sizeof title, "tradlint: %s", rel);
  page_head(b, title);
  tl_buf_adds(b, "<header><h1>");
  escs(b, rel);
  tl_buf_adds(b, "</h1><div class=\"sum\">");
  tl_buf_adds(b, "<span>");
  tl_buf_printf(b, P_("%zu palavra", "%zu palavras", e->words), e->words);
  tl_buf_adds(b, "</span>");
  counts_html(b, e->sev);
  for (int c = 0; CATEGORIES[c] != NULL; c++)
    if (e->cat[c] > 0)
      tl_buf_printf(b, "<span class=\"c-%s\">%s: %zu</span>", CATEGORIES[c],
                    tl_category_label(CATEGORIES[c]), e->cat[c]);
  tl_buf_adds(b, "<span><a href=\"");
  add_up(b, rel);
  tl_buf_printf(b, "index.html\">%s</a></span>", _("índice"));
  if (d->corpus != NULL) {
    tl_buf_adds(b, "<span><a href=\"");
    add_up(b, rel);
    tl_buf_printf(b, "acervo.html\">%s</a></span>", _("acervo"));
  }
  tl_buf_printf(b, "</div><div class=\"filters\">%s", _("Mostrar: "));
  for (int c = 0; CATEGORIES[c] != NULL; c++)
    if (e->cat[c] > 0)
      tl_buf_printf(b, "<label><input type=\"checkbox\" value=\"c-%s\" "
                       "checked> %s</label>",
                    CATEGORIES[c], tl_category_label(CATEGORIES[c]));
  for (int s = TL_ERROR; s >= TL_INFO; s--) /* info unchecked at first */
    tl_buf_printf(b, "<label><input type=\"checkbox\" value=\"s-%s\"%s> "
                     "%s</label>",
                  tl_severity_name((tl_severity)s),
                  s == TL_INFO ? "" : " checked",
                  tl_severity_label((tl_severity)s));
  tl_buf_adds(b, "</div></header>\n<main>");
  if (r->pair != NULL) {
    render_pair(&pc, b); /* source mode: the source beside the target */
  } else {
    /* the article as prose, findings highlighted in place */
    tl_buf_adds(b, "<article class=\"doc\">");
    tl_render_document(r, open_mark, &pc, b);
    tl_buf_adds(b, "</article>");
  }
  tl_buf_printf(b, "\n<aside><h2>%s</h2><p class=\"n\">", _("Achados"));
  tl_buf_printf(b, P_("%zu achado", "%zu achados", r->n), r->n);
  tl_buf_printf(b, P_(", %zu grupo", ", %zu grupos", groups), groups);
  tl_buf_adds(b, "</p><ol>\n");
  /* the list: a finding repeated (same rule, text, message) once */
  for (size_t i = 0; i < r->n; i++) {
    const tl_finding *f = &r->f[i];
    if (leader[i] != i)
      continue;
    tl_buf_printf(b, "<li data-cat=\"%s\" data-sev=\"%s\"%s><a "
                     "href=\"#f%zu\">%u:%u</a> <span class=\"sev %s\">%s"
                     "</span> <code class=\"c-%s\">",
                  f->category, tl_severity_name(f->severity),
                  f->severity == TL_INFO ? " class=\"hidden\"" : "", i + 1,
                  f->line, f->column, tl_severity_name(f->severity),
                  tl_severity_label(f->severity), f->category);
    escs(b, f->rule);
    tl_buf_adds(b, "</code>");
    if (count[i] > 1)
      tl_buf_printf(b, " <strong>×%zu</strong>", count[i]);
    tl_buf_adds(b, "<br>");
    escs(b, f->message);
    if (f->concept != NULL && d->corpus != NULL) {
      tl_buf_adds(b, " <a class=\"concept\" href=\"");
      add_up(b, rel);
      tl_buf_adds(b, "acervo.html#c-");
      tl_report_add_href(b, f->concept);
      tl_buf_printf(b, "\">%s", _("conceito "));
      escs(b, f->concept);
      tl_buf_adds(b, "</a>");
    }
    if (f->nsuggestions > 0) {
      tl_buf_printf(b, "<br><small>%s",
                    P_("sugestão: ", "sugestões: ", f->nsuggestions));
      for (size_t k = 0; k < f->nsuggestions; k++) {
        if (k)
          tl_buf_adds(b, ", ");
        escs(b, f->suggestions[k]);
      }
      tl_buf_adds(b, "</small>");
    }
    if (count[i] > 1) {
      tl_buf_printf(b, "<br><small class=\"more\">%s", _("também em: "));
      for (size_t k = i + 1; k < r->n; k++)
        if (leader[k] == i)
          tl_buf_printf(b, "<a href=\"#f%zu\">%u:%u</a>", k + 1,
                        r->f[k].line, r->f[k].column);
      tl_buf_adds(b, "</small>");
    }
    tl_buf_adds(b, "</li>\n");
  }
  if (r->n == 0)
    tl_buf_printf(b, "<li>%s</li>\n", _("Nenhum achado."));
  tl_buf_adds(b, "</ol></aside></main>\n<script>");
  tl_buf_adds(b, SCRIPT);
  tl_buf_adds(b, "</script></body></html>\n");
  free(leader);
  free(count);
}

tl_status tl_report_dir_add(tl_report_dir *d, const tl_result *r,
                            tl_error *err)
{
  file_entry *e;
  tl_buf b, path;
  tl_status st;
  char *json = NULL;
  size_t jlen = 0;
  FILE *mem;

  TL_GROW(d->files, d->cap, d->n + 1);
  e = &d->files[d->n++];
  memset(e, 0, sizeof *e);
  e->rel = unique_name(d, safe_rel(d->root, r->path));
  e->words = r->words;
  for (size_t i = 0; i < r->n; i++) {
    e->sev[r->f[i].severity]++;
    e->cat[cat_index(r->f[i].category)]++;
  }
  tl_buf_init(&path);
  tl_buf_printf(&path, "%s/%s", d->dir, e->rel);
  {
    char *slash = strrchr(path.p, '/');
    if (slash != NULL && slash > path.p + strlen(d->dir)) {
      *slash = '\0';
      st = mkdirs(path.p, err);
      *slash = '/';
      if (st != TL_OK) {
        tl_buf_fini(&path);
        return st;
      }
    }
  }
  tl_buf_adds(&path, ".html");
  e->html = tl_xstrdup(e->rel);
  tl_buf_init(&b);
  render_file(r, e->rel, &b, e, d);
  st = tl_write_file_atomic(path.p, b.p, b.len, err);
  tl_buf_fini(&b);
  if (st == TL_OK) { /* the JSON of --format json, for this file */
    tl_report *rep;
    mem = open_memstream(&json, &jlen);
    if (mem == NULL) {
      tl_buf_fini(&path);
      return tl_error_set(err, TL_EIO, "%s", _("memória esgotada"));
    }
    rep = tl_report_new(TL_FORMAT_JSON, mem, 0);
    tl_report_add(rep, r);
    tl_report_finish(rep);
    tl_report_free(rep);
    fclose(mem);
    path.len -= 5;
    tl_buf_adds(&path, ".json");
    st = tl_write_file_atomic(path.p, json, jlen, err);
    free(json);
  }
  tl_buf_fini(&path);
  return st;
}

static int worst_first(const void *a, const void *b)
{
  const file_entry *x = a, *y = b;
  for (int s = TL_ERROR; s >= TL_INFO; s--)
    if (x->sev[s] != y->sev[s])
      return x->sev[s] > y->sev[s] ? -1 : 1;
  return strcmp(x->rel, y->rel);
}

tl_status tl_report_dir_finish(tl_report_dir *d, tl_error *err)
{
  tl_buf b, path;
  size_t tot[3] = {0, 0, 0};
  tl_status st;

  if (d->n > 1)
    qsort(d->files, d->n, sizeof *d->files, worst_first);
  tl_buf_init(&b);
  page_head(&b, _("tradlint: relatório"));
  for (size_t i = 0; i < d->n; i++)
    for (int s = 0; s < 3; s++)
      tot[s] += d->files[i].sev[s];
  tl_buf_printf(&b, "<header><h1>%s</h1><div class=\"sum\">",
                _("Relatório do tradlint"));
  tl_buf_adds(&b, "<span>");
  tl_buf_printf(&b, P_("%zu arquivo", "%zu arquivos", d->n), d->n);
  tl_buf_adds(&b, "</span>");
  counts_html(&b, tot);
  if (d->corpus != NULL)
    tl_buf_printf(&b, "<span><a href=\"acervo.html\">%s</a></span>",
                  _("conceitos do acervo"));
  tl_buf_printf(&b, "</div></header>\n<main><table><tr><th>%s</th><th>%s</th>"
                    "<th>%s</th><th>%s</th>",
                _("arquivo"), _("erros"), _("avisos"), _("informações"));
  for (int c = 0; CATEGORIES[c] != NULL; c++)
    tl_buf_printf(&b, "<th class=\"c-%s\">%s</th>", CATEGORIES[c],
                  tl_category_label(CATEGORIES[c]));
  tl_buf_adds(&b, "</tr>\n");
  for (size_t i = 0; i < d->n; i++) {
    file_entry *e = &d->files[i];
    tl_buf_adds(&b, "<tr><td><a href=\"");
    tl_report_add_href(&b, e->html);
    tl_buf_adds(&b, ".html\">");
    escs(&b, e->rel);
    tl_buf_printf(&b, "</a></td><td>%zu</td><td>%zu</td><td>%zu</td>",
                  e->sev[TL_ERROR], e->sev[TL_WARNING], e->sev[TL_INFO]);
    for (int c = 0; CATEGORIES[c] != NULL; c++)
      tl_buf_printf(&b, "<td>%zu</td>", e->cat[c]);
    tl_buf_adds(&b, "</tr>\n");
  }
  tl_buf_adds(&b, "</table></main></body></html>\n");
  tl_buf_init(&path);
  tl_buf_printf(&path, "%s/index.html", d->dir);
  st = tl_write_file_atomic(path.p, b.p, b.len, err);
  tl_buf_fini(&b);
  if (st == TL_OK && d->corpus != NULL) { /* the archive's concepts */
    char *html = NULL;
    size_t hlen = 0;
    FILE *mem = open_memstream(&html, &hlen);
    if (mem == NULL) {
      tl_buf_fini(&path);
      return tl_error_set(err, TL_EIO, "%s", _("memória esgotada"));
    }
    st = tl_corpus_report_pages(d->corpus, d->linter, mem, err);
    fclose(mem);
    path.len = 0;
    tl_buf_printf(&path, "%s/acervo.html", d->dir);
    if (st == TL_OK)
      st = tl_write_file_atomic(path.p, html, hlen, err);
    free(html);
  }
  tl_buf_fini(&path);
  return st;
}

void tl_report_dir_set_corpus(tl_report_dir *d, tl_corpus *c,
                              const tl_linter *l)
{
  d->corpus = c;
  d->linter = l;
}
