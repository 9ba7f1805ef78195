/* `tradlint align`: the aligned pairs of a source and its translation, as
 * text for reading or JSON for tools and tests. */
#include "align.h"
#include "msg.h"

#include "input.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *kind_name(const tl_ablock *b)
{
  if (b->alt)
    return "alt";
  switch (b->kind) {
  case TL_BLK_HEADING:
    return "heading";
  case TL_BLK_LIST_ITEM:
    return "list_item";
  case TL_BLK_TABLE_CELL:
    return "table_cell";
  case TL_BLK_QUOTE_PARA:
    return "quote";
  default:
    return "paragraph";
  }
}

/* doc[off..end) on one line: runs of white space become one space. */
static void collapse(const char *doc, size_t off, size_t end, tl_buf *out)
{
  bool space = false;

  while (off < end && (doc[off] == ' ' || doc[off] == '\n' ||
                       doc[off] == '\r' || doc[off] == '\t'))
    off++;
  for (size_t i = off; i < end; i++) {
    char c = doc[i];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space)
      tl_buf_addc(out, ' ');
    space = false;
    tl_buf_addc(out, c);
  }
}

static size_t bom_of(const tl_aside *s)
{
  return s->len >= 3 && memcmp(s->doc, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

typedef struct side_view {
  const tl_aside *s;
  tl_lines li;
} side_view;

static json_t *item_json(side_view *v, size_t off, size_t end,
                         const char *kind)
{
  tl_buf b;
  unsigned line, col, eline, ecol;
  json_t *o;

  tl_buf_init(&b);
  collapse(v->s->doc, off, end, &b);
  tl_lines_locate(&v->li, off, &line, &col);
  tl_lines_locate(&v->li, end, &eline, &ecol);
  o = json_object();
  json_object_set_new(o, "line", json_integer(line));
  json_object_set_new(o, "end_line", json_integer(eline));
  if (kind != NULL)
    json_object_set_new(o, "kind", json_string(kind));
  json_object_set_new(o, "text", json_stringn(b.p ? b.p : "", b.len));
  tl_buf_fini(&b);
  return o;
}

static json_t *blocks_json(side_view *v, uint32_t b0, uint32_t n)
{
  json_t *a = json_array();

  for (uint32_t i = 0; i < n; i++) {
    const tl_ablock *b = &v->s->b[b0 + i];
    json_array_append_new(a, item_json(v, b->off, b->end, kind_name(b)));
  }
  return a;
}

static json_t *sents_json(side_view *v, uint32_t s0, uint32_t n)
{
  json_t *a = json_array();

  for (uint32_t i = 0; i < n; i++) {
    const tl_asent *s = &v->s->s[s0 + i];
    json_array_append_new(a, item_json(v, s->off, s->end, NULL));
  }
  return a;
}

static void write_json(const tl_alignment *al, side_view *sv,
                       side_view *tv, FILE *out)
{
  size_t omitted = 0, added = 0;

  fputs("{\"source\": ", out);
  {
    json_t *j = json_string(al->src_path ? al->src_path : "");
    json_dumpf(j, out, JSON_ENCODE_ANY);
    json_decref(j);
  }
  fputs(", \"target\": ", out);
  {
    json_t *j = json_string(al->tgt_path ? al->tgt_path : "");
    json_dumpf(j, out, JSON_ENCODE_ANY);
    json_decref(j);
  }
  fputs(",\n \"pairs\": [", out);
  for (size_t k = 0; k < al->nblocks; k++) {
    const tl_apair *p = &al->blocks[k];
    json_t *o = json_object(), *sents = json_array();
    omitted += p->nt == 0 ? p->ns : 0;
    added += p->ns == 0 ? p->nt : 0;
    json_object_set_new(o, "source", blocks_json(sv, p->s0, p->ns));
    json_object_set_new(o, "target", blocks_json(tv, p->t0, p->nt));
    json_object_set_new(o, "cost", json_real((double)(long)(p->cost * 100) /
                                             100.0));
    for (uint32_t i = 0; i < p->count; i++) {
      const tl_apair *q = &al->sents[p->first + i];
      json_t *so = json_object();
      json_object_set_new(so, "source", sents_json(sv, q->s0, q->ns));
      json_object_set_new(so, "target", sents_json(tv, q->t0, q->nt));
      json_array_append_new(sents, so);
    }
    json_object_set_new(o, "sentences", sents);
    fputs(k ? ",\n  " : "\n  ", out);
    json_dumpf(o, out, JSON_PRESERVE_ORDER | JSON_COMPACT);
    json_decref(o);
  }
  fprintf(out,
          "],\n \"summary\": {\"source_blocks\": %zu, \"target_blocks\": %zu, "
          "\"pairs\": %zu, \"omitted\": %zu, \"added\": %zu}}\n",
          al->src.nb, al->tgt.nb, al->nblocks, omitted, added);
}

static void put_lines(side_view *v, char mark, size_t off, size_t end,
                      const char *indent, FILE *out)
{
  tl_buf b;
  unsigned line, col;

  tl_buf_init(&b);
  collapse(v->s->doc, off, end, &b);
  tl_lines_locate(&v->li, off, &line, &col);
  fprintf(out, "%s%c %4u | %.*s\n", indent, mark, line, (int)b.len,
          b.p ? b.p : "");
  tl_buf_fini(&b);
}

static void write_text(const tl_alignment *al, side_view *sv,
                       side_view *tv, FILE *out)
{
  for (size_t k = 0; k < al->nblocks; k++) {
    const tl_apair *p = &al->blocks[k];
    if (k)
      fputc('\n', out);
    if (p->nt == 0)
      fputs(_("omitido na tradução:\n"), out);
    else if (p->ns == 0)
      fputs(_("acrescentado na tradução:\n"), out);
    if (p->count > 1) {
      for (uint32_t i = 0; i < p->count; i++) {
        const tl_apair *q = &al->sents[p->first + i];
        if (i)
          fputs("  ·\n", out);
        for (uint32_t s = 0; s < q->ns; s++)
          put_lines(sv, '<', sv->s->s[q->s0 + s].off,
                    sv->s->s[q->s0 + s].end, "", out);
        for (uint32_t t = 0; t < q->nt; t++)
          put_lines(tv, '>', tv->s->s[q->t0 + t].off,
                    tv->s->s[q->t0 + t].end, "", out);
      }
      continue;
    }
    for (uint32_t s = 0; s < p->ns; s++)
      put_lines(sv, '<', sv->s->b[p->s0 + s].off, sv->s->b[p->s0 + s].end,
                "", out);
    for (uint32_t t = 0; t < p->nt; t++)
      put_lines(tv, '>', tv->s->b[p->t0 + t].off, tv->s->b[p->t0 + t].end,
                "", out);
  }
}

tl_status tl_alignment_write(const tl_alignment *al, tl_format format,
                             FILE *out, tl_error *err)
{
  side_view sv = {&al->src, {0}}, tv = {&al->tgt, {0}};

  if (format != TL_FORMAT_TEXT && format != TL_FORMAT_JSON)
    return tl_error_set(err, TL_EUSAGE,
                        _("formato inválido para align: use text ou json"));
  tl_lines_init(&sv.li, al->src.doc, al->src.len, bom_of(&al->src));
  tl_lines_init(&tv.li, al->tgt.doc, al->tgt.len, bom_of(&al->tgt));
  if (format == TL_FORMAT_JSON)
    write_json(al, &sv, &tv, out);
  else
    write_text(al, &sv, &tv, out);
  tl_lines_fini(&sv.li);
  tl_lines_fini(&tv.li);
  return TL_OK;
}
