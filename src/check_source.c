/* Checks against the English source (source mode): the target is aligned
 * with its source block by block and sentence by sentence (align.c), then
 * what the source makes decidable is compared: numbers by value, names,
 * code spans, URLs and e-mail addresses by text, glossary terms by
 * concept, untranslated segments, omitted and added blocks and sentences.
 * Every finding is located in the target and carries the source location
 * as its related location. */
#include "check.h"
#include "msg.h"

#include "align.h"
#include "corpus.h"
#include "input.h"
#include "termpair.h"
#include "utf8.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIN_SHORT_SOURCE 120 /* chars of a source block for "too short" */
#define SHORT_RATIO 0.45     /* target chars under this share: too short */
#define RELATED_MAX 200      /* bytes of source text kept in a finding */

typedef struct sctx {
  tl_ctx *c;
  const tl_source *src;
  tl_alignment al;
  tl_lines sli;
  tl_tokens toks;
  tl_matches *m;
} sctx;

/* ---- findings ------------------------------------------------------- */

static void set_related(sctx *x, tl_finding *f, size_t off, size_t end)
{
  tl_result *r = x->c->res;
  tl_buf b;
  bool space = false;
  const char *doc = x->src->data;

  tl_lines_locate(&x->sli, off, &f->source_line, &f->source_column);
  f->source_offset = off;
  f->source_length = end - off;
  f->source_path = tl_arena_strndup(&r->arena, x->src->path,
                                    strlen(x->src->path));
  tl_buf_init(&b);
  while (off < end && (doc[off] == ' ' || doc[off] == '\n' ||
                       doc[off] == '\r' || doc[off] == '\t'))
    off++;
  for (size_t i = off; i < end && b.len < RELATED_MAX; i++) {
    char ch = doc[i];
    if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
      space = true;
      continue;
    }
    if (space)
      tl_buf_addc(&b, ' ');
    space = false;
    tl_buf_addc(&b, ch);
  }
  /* never cut a character in two */
  while (b.len > 0 && b.len >= RELATED_MAX &&
         ((unsigned char)b.p[b.len - 1] & 0xC0) == 0x80)
    b.len--;
  if (b.len > 0 && ((unsigned char)b.p[b.len - 1] & 0xC0) == 0xC0)
    b.len--;
  f->source_text = tl_arena_strndup(&r->arena, b.p ? b.p : "", b.len);
  tl_buf_fini(&b);
}

/* Bytes of the first word at doc[off..end): where a finding about a whole
 * block or sentence is placed. */
static size_t first_word(const char *doc, size_t off, size_t end)
{
  size_t i = off;

  while (i < end && doc[i] != ' ' && doc[i] != '\n' && doc[i] != '\r' &&
         doc[i] != '\t' && i - off < 40)
    i++;
  while (i < end && ((unsigned char)doc[i] & 0xC0) == 0x80)
    i++;
  return i > off ? i - off : (end > off ? 1 : 0);
}

/* The first prose byte of target block @b. */
static size_t block_start(const tl_aside *t, uint32_t b)
{
  return t->b[b].text_off;
}

/* The first prose byte at or after @off in sentence @s of side @t. */
static size_t sent_start(const tl_aside *t, uint32_t s)
{
  const tl_asent *st = &t->s[s];
  for (size_t i = 0; i < t->nsegs; i++) {
    const tl_seg *g = &t->segs[i];
    if (g->off + g->len <= st->off)
      continue;
    if (g->off >= st->end)
      break;
    return g->off > st->off ? g->off : st->off;
  }
  return st->off;
}

static tl_finding *add(sctx *x, size_t off, size_t len, const char *rule,
                       tl_severity sev, const char *msg)
{
  return tl_result_add(x->c->res, off, len, rule, "source", sev, "%s", msg);
}

/* ---- text helpers ----------------------------------------------------- */

static bool same_fold(const char *a, size_t na, const char *b, size_t nb)
{
  tl_buf x, y;
  bool eq;

  tl_buf_init(&x);
  tl_buf_init(&y);
  tl_utf8_lower(a, na, &x);
  tl_utf8_lower(b, nb, &y);
  eq = x.len == y.len && (x.len == 0 || memcmp(x.p, y.p, x.len) == 0);
  tl_buf_fini(&x);
  tl_buf_fini(&y);
  return eq;
}

static bool is_word_byte(const char *doc, size_t i, size_t lo, size_t hi)
{
  size_t adv;
  int32_t cp;

  if (i < lo || i >= hi)
    return false;
  cp = tl_utf8_decode(doc + i, hi - i, &adv);
  return tl_cp_is_letter(cp) || tl_cp_is_digit(cp);
}

/* Whether doc[lo..hi) holds @w (n bytes) as a whole word. */
static bool has_word(const char *doc, size_t lo, size_t hi, const char *w,
                     size_t n)
{
  for (size_t i = lo; i + n <= hi; i++) {
    size_t prev;
    if (memcmp(doc + i, w, n) != 0)
      continue;
    if (i > lo) {
      tl_utf8_decode_prev(doc, i, &prev);
      if (is_word_byte(doc, prev, lo, hi))
        continue;
    }
    if (is_word_byte(doc, i + n, lo, hi))
      continue;
    return true;
  }
  return false;
}

/* Levenshtein distance of two short strings, capped at 9. */
static unsigned edit_distance(const char *a, size_t na, const char *b,
                              size_t nb)
{
  unsigned row[64], prev;

  if (na >= 63 || nb >= 63)
    return 9;
  for (size_t j = 0; j <= nb; j++)
    row[j] = (unsigned)j;
  for (size_t i = 1; i <= na; i++) {
    prev = row[0];
    row[0] = (unsigned)i;
    for (size_t j = 1; j <= nb; j++) {
      unsigned cur = row[j];
      unsigned sub = prev + (a[i - 1] == b[j - 1] ? 0 : 1);
      unsigned del = row[j] + 1, ins = row[j - 1] + 1;
      row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
      prev = cur;
    }
  }
  return row[nb] > 9 ? 9 : row[nb];
}

/* ---- anchors: numbers, names, code, URLs ------------------------------- */

/* The sentence of side @s (inside block range [s0, s0+n)) that holds
 * offset @off. */
static uint32_t sentence_of(const tl_aside *s, uint32_t b0, uint32_t nb,
                            size_t off)
{
  uint32_t first = s->b[b0].sent0;
  uint32_t last = s->b[b0 + nb - 1].sent0 + s->b[b0 + nb - 1].nsent;
  for (uint32_t k = first; k < last; k++)
    if (off < s->s[k].end)
      return k;
  return last - 1;
}

/* The target sentences paired with source sentence @ss in block pair @p:
 * *t0 and *nt (nt 0: none). */
static void target_of(const tl_alignment *al, const tl_apair *p,
                      uint32_t ss, uint32_t *t0, uint32_t *nt)
{
  *t0 = 0;
  *nt = 0;
  for (uint32_t i = 0; i < p->count; i++) {
    const tl_apair *q = &al->sents[p->first + i];
    if (ss >= q->s0 && ss < q->s0 + q->ns) {
      *t0 = q->t0;
      *nt = q->nt;
      return;
    }
  }
}

static void pt_number(const char *p, size_t n, tl_buf *out)
{
  for (size_t i = 0; i < n; i++)
    tl_buf_addc(out, p[i] == '.' ? ',' : p[i] == ',' ? '.' : p[i]);
}

/* The anchors of a block from index I on; a side without any anchor has
 * no array at all, and pointer arithmetic on NULL is undefined. */
static const tl_anchor *anchors_from(const tl_anchors *a, uint32_t i)
{
  return a->v ? a->v + i : NULL;
}

static void check_numbers(sctx *x, const tl_apair *p, const tl_anchor *sa,
                          uint32_t ns, const tl_anchor *ta, uint32_t nt)
{
  const tl_aside *S = &x->al.src, *T = &x->al.tgt;
  bool us[256], ut[256];

  if (ns > 256 || nt > 256)
    return;
  memset(us, 0, sizeof us);
  memset(ut, 0, sizeof ut);
  /* pair every source number with a target number of the same value */
  for (uint32_t i = 0; i < ns; i++) {
    if (sa[i].kind != TL_ANC_NUMBER || (sa[i].flags & TL_AF_WORD)) {
      us[i] = true;
      continue;
    }
    for (uint32_t j = 0; j < nt; j++)
      if (!ut[j] && ta[j].kind == TL_ANC_NUMBER &&
          tl_anchor_same_number(&sa[i], &ta[j])) {
        us[i] = ut[j] = true;
        break;
      }
  }
  for (uint32_t j = 0; j < nt; j++)
    if (ta[j].kind != TL_ANC_NUMBER || (ta[j].flags & TL_AF_WORD))
      ut[j] = true;
  for (uint32_t i = 0; i < ns; i++) {
    uint32_t ss, t0, tn;
    const tl_anchor *cand = NULL;
    tl_buf m, sug;
    tl_finding *f;
    if (us[i])
      continue;
    ss = sentence_of(S, p->s0, p->ns, sa[i].off);
    /* ordinals and decades are words in Portuguese (terceira, anos 60) */
    if (sa[i].flags & TL_AF_ORDINAL)
      continue;
    target_of(&x->al, p, ss, &t0, &tn);
    if (tn == 0)
      continue; /* the sentence is omitted: reported as such */
    for (uint32_t j = 0; j < nt && cand == NULL; j++)
      if (!ut[j] && ta[j].off >= T->s[t0].off &&
          ta[j].off < T->s[t0 + tn - 1].end &&
          (ta[j].flags & TL_AF_PERCENT) == (sa[i].flags & TL_AF_PERCENT) &&
          !(ta[j].flags & TL_AF_YEAR) == !(sa[i].flags & TL_AF_YEAR)) {
        cand = &ta[j];
        ut[j] = true;
      }
    tl_buf_init(&m);
    tl_buf_init(&sug);
    pt_number(x->src->data + sa[i].off, sa[i].len, &sug);
    if (cand != NULL) {
      tl_buf_printf(&m, _("número %.*s difere do original, %.*s"),
                    (int)cand->len, x->c->doc + cand->off, (int)sa[i].len,
                    x->src->data + sa[i].off);
      f = add(x, cand->off, cand->len, "source.number", TL_ERROR,
              tl_buf_cstr(&m));
      tl_buf_addc(&sug, '\0');
      {
        const char *v[1] = {sug.p};
        tl_result_set_suggestions(x->c->res, f, v, 1);
      }
    } else {
      size_t at = sent_start(T, t0);
      tl_buf_printf(&m, _("o número %.*s do original não aparece na tradução"),
                    (int)sa[i].len, x->src->data + sa[i].off);
      f = add(x, at, first_word(x->c->doc, at, T->s[t0].end),
              "source.number", TL_WARNING, tl_buf_cstr(&m));
    }
    set_related(x, f, sa[i].off, sa[i].off + sa[i].len);
    tl_buf_fini(&m);
    tl_buf_fini(&sug);
  }
}

/* Whether a name anchor names something: it starts with a letter (not
 * "60s", "2-step", "3D") and is no English compound ("AI-powered"), and
 * no possessive ("OpenAI's"). */
static bool name_like(const char *w, size_t n)
{
  if (n == 0 || !((w[0] >= 'A' && w[0] <= 'Z') || (w[0] >= 'a' && w[0] <= 'z')))
    return false;
  for (size_t i = 0; i < n; i++)
    if (w[i] >= '0' && w[i] <= '9')
      return true; /* a version: GPT-4o-mini */
  for (size_t i = 0; i + 1 < n; i++)
    if (w[i] == '-' && w[i + 1] >= 'a' && w[i + 1] <= 'z' &&
        (i + 2 >= n || (w[i + 2] >= 'a' && w[i + 2] <= 'z')))
      return false;
  if (n >= 2 && w[n - 1] == 's' && (w[n - 2] == '\'' ))
    return false;
  return true;
}

/* Whether the English dictionary knows @w in lower case. */
static bool english_word(sctx *x, const char *w, size_t n)
{
  tl_buf low;
  bool known;

  if (x->c->spell_en == NULL)
    return false;
  tl_buf_init(&low);
  tl_utf8_lower(w, n, &low);
  known = low.len > 0 &&
          tl_spell_check(x->c->spell_en, low.p, low.len, NULL) == 1;
  tl_buf_fini(&low);
  return known;
}

/* Whether the capitalised source word at @a is a proper name: not at the
 * start of its sentence, and unknown to the English dictionary when
 * written in lower case (Clarifai, Midjourney; not "Learning"). */
static bool proper_name(sctx *x, const tl_anchor *a, uint32_t sent)
{
  const char *doc = x->src->data;
  size_t i = a->off, start = x->al.src.s[sent].off;

  while (i > start && (doc[i - 1] == ' ' || doc[i - 1] == '*' ||
                       doc[i - 1] == '_' || doc[i - 1] == '"' ||
                       doc[i - 1] == '(' || doc[i - 1] == '['))
    i--;
  if (i <= start || doc[i - 1] == '\n' || doc[i - 1] == ':' ||
      doc[i - 1] == '-' || doc[i - 1] == '#' || doc[i - 1] == '|' ||
      doc[i - 1] == '>')
    return false;
  return x->c->spell_en != NULL && !english_word(x, doc + a->off, a->len);
}

/* A target word in [lo, hi) that is a slip of the name @w (same letters
 * in another case, or one or two edits away): its offset, or SIZE_MAX. */
static size_t name_variant(sctx *x, size_t lo, size_t hi, const char *w,
                           size_t n, size_t *vlen)
{
  const char *doc = x->c->doc;

  for (size_t i = lo; i < hi;) {
    size_t j = i, adv;
    int32_t cp = tl_utf8_decode(doc + i, hi - i, &adv);
    if (!(tl_cp_is_letter(cp) || tl_cp_is_digit(cp))) {
      i += adv;
      continue;
    }
    while (j < hi) {
      cp = tl_utf8_decode(doc + j, hi - j, &adv);
      if (!(tl_cp_is_letter(cp) || tl_cp_is_digit(cp) || cp == '-' ||
            cp == '.' || cp == '_'))
        break;
      j += adv;
    }
    while (j > i && (doc[j - 1] == '.' || doc[j - 1] == '-' ||
                     doc[j - 1] == '_'))
      j--;
    {
      size_t len = j - i;
      bool hit = false;
      if (len == n && memcmp(doc + i, w, n) != 0 &&
          same_fold(doc + i, len, w, n))
        hit = true;
      else if (n >= 6 && len >= 5 &&
               (doc[i] | 0x20) == (w[0] | 0x20) &&
               edit_distance(doc + i, len, w, n) <= (n >= 9 ? 2u : 1u) &&
               (tl_utf8_has_upper(doc + i, len) ||
                tl_spell_check(x->c->spell, doc + i, len, NULL) == 0))
        hit = true;
      if (hit) {
        *vlen = len;
        return i;
      }
      i = j > i ? j : i + 1;
    }
  }
  return SIZE_MAX;
}

/* Whether the glossary knows @w as a name (case exact) that the target
 * renders some way inside [lo, hi): then terminology speaks for it. */
static bool glossary_name(sctx *x, const char *w, size_t n)
{
  long ci;

  if (x->c->gloss == NULL)
    return false;
  ci = tl_gloss_find_en(x->c->gloss, w, n);
  return ci >= 0 && x->c->gloss->c[ci].exact;
}

/* A terminology finding of the plain checks at @off, or NULL. */
static tl_finding *terminology_at(sctx *x, size_t off, size_t first)
{
  for (size_t i = 0; i < first && i < x->c->res->n; i++)
    if (x->c->res->f[i].offset == off &&
        strcmp(x->c->res->f[i].category, "terminology") == 0)
      return &x->c->res->f[i];
  return NULL;
}

static void check_names(sctx *x, const tl_apair *p, const tl_anchor *sa,
                        uint32_t ns, size_t lo, size_t hi, size_t first)
{
  const tl_aside *S = &x->al.src, *T = &x->al.tgt;
  const char *sdoc = x->src->data;

  for (uint32_t i = 0; i < ns; i++) {
    const tl_anchor *a = &sa[i];
    const char *w = sdoc + a->off;
    uint32_t ss = sentence_of(S, p->s0, p->ns, a->off), t0, tn;
    size_t at, vlen;
    tl_buf m;
    tl_finding *f, *tf = NULL;
    bool strong;

    if (a->kind != TL_ANC_NAME || !name_like(w, a->len))
      continue;
    strong = (a->flags & (TL_AF_MIXED | TL_AF_INNERCAP)) != 0;
    if (!strong && !(a->flags & TL_AF_CAP))
      continue; /* acronyms are translated (AI: IA) */
    if (!strong && !proper_name(x, a, ss))
      continue;
    if (has_word(x->c->doc, lo, hi, w, a->len))
      continue;
    target_of(&x->al, p, ss, &t0, &tn);
    if (tn == 0)
      continue;
    at = name_variant(x, lo, hi, w, a->len, &vlen);
    if (at != SIZE_MAX && !strong && same_fold(x->c->doc + at, vlen, w, a->len))
      at = SIZE_MAX; /* "tokenizer" for "Tokenizer": a common noun */
    if (at != SIZE_MAX && english_word(x, x->c->doc + at, vlen) &&
        !english_word(x, w, a->len))
      at = SIZE_MAX; /* "Semantic" for the source's slip "Semanti" */
    tl_buf_init(&m);
    if (at != SIZE_MAX && (tf = terminology_at(x, at, first)) != NULL) {
      /* the glossary knows the name: its finding gets the source */
      if (tf->source_path == NULL)
        set_related(x, tf, a->off, a->off + a->len);
    } else if (at != SIZE_MAX) {
      const char *v[1];
      char *sug = tl_xstrndup(w, a->len);
      tl_buf_printf(&m, _("nome '%.*s' difere do original, '%.*s'"),
                    (int)vlen, x->c->doc + at, (int)a->len, w);
      f = add(x, at, vlen, "source.name", TL_ERROR, tl_buf_cstr(&m));
      v[0] = sug;
      tl_result_set_suggestions(x->c->res, f, v, 1);
      f->fix = same_fold(x->c->doc + at, vlen, w, a->len);
      free(sug);
      set_related(x, f, a->off, a->off + a->len);
    } else if (strong && !glossary_name(x, w, a->len)) {
      at = sent_start(T, t0);
      tl_buf_printf(&m, _("o nome '%.*s' do original não aparece na tradução"),
                    (int)a->len, w);
      f = add(x, at, first_word(x->c->doc, at, T->s[t0].end),
              "source.name", TL_WARNING, tl_buf_cstr(&m));
      set_related(x, f, a->off, a->off + a->len);
    }
    tl_buf_fini(&m);
  }
}

/* Whether a code span holds prose (an example prompt: "Who was the sole
 * survivor of Titanic?"), which a translation may translate: three or more
 * words, most of them English words. */
static bool prose_code(sctx *x, const tl_anchor *a)
{
  const char *p = x->src->data + a->off;
  size_t words = 0, eng = 0;

  if (x->c->spell_en == NULL)
    return false;
  for (size_t i = 0; i < a->len;) {
    size_t j = i;
    bool letters = true;
    while (j < a->len && p[j] != ' ')
      j++;
    for (size_t k = i; k < j; k++)
      if (!((p[k] | 0x20) >= 'a' && (p[k] | 0x20) <= 'z') &&
          !(k + 1 == j && (p[k] == '?' || p[k] == '.' || p[k] == ',' ||
                           p[k] == ':' || p[k] == '!' || p[k] == '\'')))
        letters = false;
    if (j > i) {
      words++;
      if (letters) {
        size_t n = j - i;
        while (n > 0 && !((p[i + n - 1] | 0x20) >= 'a' &&
                          (p[i + n - 1] | 0x20) <= 'z'))
          n--;
        if (n > 0 && tl_spell_check(x->c->spell_en, p + i, n, NULL) == 1)
          eng++;
      }
    }
    i = j + 1;
  }
  return words >= 3 && eng * 10 >= words * 6;
}

/* Code spans, URLs and e-mail addresses: carried over as they are. */
static void check_literals(sctx *x, const tl_apair *p, const tl_anchor *sa,
                           uint32_t ns, const tl_anchor *ta, uint32_t nt,
                           size_t lo, size_t hi)
{
  const tl_aside *S = &x->al.src, *T = &x->al.tgt;
  bool ut[256];

  if (nt > 256)
    return;
  memset(ut, 0, sizeof ut);
  for (uint32_t j = 0; j < nt; j++)
    for (uint32_t i = 0; i < ns; i++)
      if (sa[i].kind == ta[j].kind && sa[i].key == ta[j].key &&
          sa[i].kind != TL_ANC_NUMBER) {
        ut[j] = true;
        break;
      }
  for (uint32_t i = 0; i < ns; i++) {
    const tl_anchor *a = &sa[i];
    const tl_anchor *cand = NULL;
    const char *rule, *what;
    uint32_t ss, t0, tn;
    bool found = false;
    tl_buf m;
    tl_finding *f;

    if (a->kind != TL_ANC_CODE && a->kind != TL_ANC_URL &&
        a->kind != TL_ANC_EMAIL)
      continue;
    if (a->kind == TL_ANC_CODE && prose_code(x, a))
      continue;
    for (uint32_t j = 0; j < nt && !found; j++)
      found = ta[j].kind == a->kind && ta[j].key == a->key;
    /* code left as plain text, a URL written out: still there */
    if (found || has_word(x->c->doc, lo, hi, x->src->data + a->off, a->len))
      continue;
    ss = sentence_of(S, p->s0, p->ns, a->off);
    target_of(&x->al, p, ss, &t0, &tn);
    if (tn == 0)
      continue;
    for (uint32_t j = 0; j < nt && cand == NULL; j++)
      if (!ut[j] && ta[j].kind == a->kind &&
          ta[j].off >= T->s[t0].off && ta[j].off < T->s[t0 + tn - 1].end)
        cand = &ta[j];
    rule = a->kind == TL_ANC_CODE ? "source.code" : "source.url";
    what = a->kind == TL_ANC_CODE    ? _("código")
           : a->kind == TL_ANC_EMAIL ? _("endereço de e-mail")
                                     : _("endereço");
    tl_buf_init(&m);
    if (cand != NULL) {
      const char *v[1];
      char *sug = tl_xstrndup(x->src->data + a->off, a->len);
      ut[cand - ta] = true;
      tl_buf_printf(&m, _("%s '%.*s' difere do original, '%.*s'"), what,
                    (int)cand->len, x->c->doc + cand->off, (int)a->len,
                    x->src->data + a->off);
      f = add(x, cand->off, cand->len, rule,
              a->kind == TL_ANC_CODE ? TL_ERROR : TL_WARNING,
              tl_buf_cstr(&m));
      v[0] = sug;
      tl_result_set_suggestions(x->c->res, f, v, 1);
      free(sug);
    } else {
      size_t at = sent_start(T, t0);
      tl_buf_printf(&m, _("%s '%.*s' do original não aparece na tradução"),
                    what, (int)a->len, x->src->data + a->off);
      f = add(x, at, first_word(x->c->doc, at, T->s[t0].end), rule,
              TL_WARNING, tl_buf_cstr(&m));
    }
    set_related(x, f, a->off, a->off + a->len);
    tl_buf_fini(&m);
  }
}

/* ---- omissions, additions, untranslated ------------------------------- */

static void check_omitted_block(sctx *x, size_t k)
{
  const tl_alignment *al = &x->al;
  const tl_apair *p = &al->blocks[k];
  const tl_aside *S = &al->src, *T = &al->tgt;
  size_t at = x->c->len, len = 0;
  tl_buf m;
  tl_finding *f;

  for (uint32_t i = 0; i < p->ns; i++) {
    const tl_ablock *b = &S->b[p->s0 + i];
    if (b->m.chars < 3)
      continue;
    /* the target block after the gap, else the end of the last one */
    for (size_t q = k + 1; q < al->nblocks; q++)
      if (al->blocks[q].nt > 0) {
        at = block_start(T, al->blocks[q].t0);
        len = first_word(x->c->doc, at, T->b[al->blocks[q].t0].end);
        break;
      }
    if (len == 0 && T->nb > 0) {
      at = T->b[T->nb - 1].text_end;
      while (at > T->b[T->nb - 1].text_off &&
             ((unsigned char)x->c->doc[at - 1] & 0xC0) == 0x80)
        at--;
      if (at > T->b[T->nb - 1].text_off)
        at--;
      while (at > 0 && ((unsigned char)x->c->doc[at] & 0xC0) == 0x80)
        at--;
      len = first_word(x->c->doc, at, x->c->len);
    }
    if (len == 0)
      return;
    tl_buf_init(&m);
    tl_buf_adds(&m, b->kind == TL_BLK_HEADING
                        ? _("título do original sem tradução antes deste ponto")
                        : _("bloco do original sem tradução antes deste ponto"));
    f = add(x, at, len, "source.omission", TL_ERROR, tl_buf_cstr(&m));
    set_related(x, f, b->text_off, b->end);
    tl_buf_fini(&m);
  }
}

static void check_added_block(sctx *x, const tl_apair *p)
{
  const tl_aside *T = &x->al.tgt;

  for (uint32_t j = 0; j < p->nt; j++) {
    const tl_ablock *b = &T->b[p->t0 + j];
    size_t at = b->text_off;
    add(x, at, first_word(x->c->doc, at, b->end), "source.addition", TL_INFO,
        _("bloco sem correspondente no original (nota, aviso ou acréscimo)"));
  }
}

static void check_short_block(sctx *x, const tl_apair *p)
{
  const tl_aside *S = &x->al.src, *T = &x->al.tgt;
  double ls = 0, lt = 0;
  tl_finding *f;

  for (uint32_t i = 0; i < p->ns; i++)
    ls += S->b[p->s0 + i].m.chars;
  for (uint32_t j = 0; j < p->nt; j++)
    lt += T->b[p->t0 + j].m.chars;
  if (ls < MIN_SHORT_SOURCE || lt >= SHORT_RATIO * ls)
    return;
  f = add(x, T->b[p->t0].text_off,
          first_word(x->c->doc, T->b[p->t0].text_off, T->b[p->t0].end),
          "source.omission", TL_WARNING,
          _("tradução muito mais curta que o original: parte do texto pode "
          "ter sido omitida"));
  set_related(x, f, S->b[p->s0].text_off, S->b[p->s0 + p->ns - 1].end);
}

/* A source sentence with no target sentence inside a paired block. */
static void check_omitted_sentences(sctx *x, const tl_apair *p)
{
  const tl_alignment *al = &x->al;
  const tl_aside *S = &al->src, *T = &al->tgt;

  for (uint32_t i = 0; i < p->count; i++) {
    const tl_apair *q = &al->sents[p->first + i];
    const tl_asent *s;
    size_t at = SIZE_MAX, end = 0;
    tl_finding *f;
    if (q->nt != 0 || q->ns != 1)
      continue;
    s = &S->s[q->s0];
    /* a split or merge the lengths missed shows as a 1-0 beside a 0-1 */
    if ((i > 0 && al->sents[p->first + i - 1].ns == 0) ||
        (i + 1 < p->count && al->sents[p->first + i + 1].ns == 0))
      continue;
    if (s->m.chars < 40)
      continue;
    for (uint32_t k = i + 1; k < p->count && at == SIZE_MAX; k++)
      if (al->sents[p->first + k].nt > 0) {
        uint32_t t = al->sents[p->first + k].t0;
        at = sent_start(T, t);
        end = T->s[t].end;
      }
    if (at == SIZE_MAX) {
      uint32_t t = T->b[p->t0 + p->nt - 1].sent0 +
                   T->b[p->t0 + p->nt - 1].nsent - 1;
      at = sent_start(T, t);
      end = T->s[t].end;
    }
    f = add(x, at, first_word(x->c->doc, at, end), "source.omission",
            TL_WARNING, _("frase do original sem tradução neste bloco"));
    set_related(x, f, s->off, s->end);
  }
}

/* The prose words of side @s in [off, end) (segments only), lower-cased,
 * one space between: for comparing a target segment with its source. */
static void prose_words(const tl_aside *s, size_t off, size_t end,
                        tl_buf *out)
{
  for (size_t i = 0; i < s->nsegs; i++) {
    size_t a, b;
    if (!tl_seg_clip(&s->segs[i], off, end, &a, &b))
      continue;
    for (size_t k = a; k < b;) {
      size_t adv;
      int32_t cp = tl_utf8_decode(s->doc + k, b - k, &adv);
      if (tl_cp_is_letter(cp) || tl_cp_is_digit(cp)) {
        tl_utf8_encode(tl_cp_lower(cp), out);
      } else if (out->len > 0 && out->p[out->len - 1] != ' ') {
        tl_buf_addc(out, ' ');
      }
      k += adv;
    }
    if (out->len > 0 && out->p[out->len - 1] != ' ')
      tl_buf_addc(out, ' ');
  }
  while (out->len > 0 && out->p[out->len - 1] == ' ')
    out->len--;
}

/* Words of @w (space-separated) English and not Portuguese. */
static size_t english_words(sctx *x, const char *w, size_t n, size_t *all)
{
  size_t eng = 0;

  *all = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && w[j] != ' ')
      j++;
    if (j > i) {
      (*all)++;
      if (x->c->spell_en != NULL &&
          tl_spell_check(x->c->spell, w + i, j - i, NULL) == 0 &&
          tl_spell_check(x->c->spell_en, w + i, j - i, NULL) == 1)
        eng++;
    }
    i = j + 1;
  }
  return eng;
}

/* Drop the untranslated.* findings inside [off, off+len): the source
 * finding speaks for the span. */
static void drop_untranslated(tl_result *r, size_t off, size_t len,
                              size_t *keep_from)
{
  size_t out = 0, dropped = 0;

  for (size_t i = 0; i < r->n; i++) {
    tl_finding *f = &r->f[i];
    if (i < *keep_from && (strcmp(f->category, "untranslated") == 0 ||
                           strcmp(f->category, "spelling") == 0) &&
        f->offset >= off && f->offset + f->length <= off + len) {
      dropped++;
      continue;
    }
    r->f[out++] = *f;
  }
  r->n = out;
  *keep_from -= dropped;
}

static void check_untranslated(sctx *x, const tl_apair *p, size_t *first)
{
  const tl_alignment *al = &x->al;
  const tl_aside *S = &al->src, *T = &al->tgt;
  tl_buf sw, tw;

  tl_buf_init(&sw);
  tl_buf_init(&tw);
  for (uint32_t i = 0; i < p->count; i++) {
    const tl_apair *q = &al->sents[p->first + i];
    size_t words, eng, at, end;
    tl_finding *f;
    if (q->ns == 0 || q->nt == 0)
      continue;
    tl_buf_clear(&sw);
    tl_buf_clear(&tw);
    prose_words(S, S->s[q->s0].off, S->s[q->s0 + q->ns - 1].end, &sw);
    prose_words(T, T->s[q->t0].off, T->s[q->t0 + q->nt - 1].end, &tw);
    if (tw.len == 0 || sw.len != tw.len || memcmp(sw.p, tw.p, sw.len) != 0)
      continue;
    eng = english_words(x, tw.p, tw.len, &words);
    if (words < 2 || eng < 2 || eng * 10 < words * 6)
      continue;
    at = sent_start(T, q->t0);
    end = T->s[q->t0 + q->nt - 1].end;
    while (end > at && (x->c->doc[end - 1] == ' ' ||
                        x->c->doc[end - 1] == '\n' ||
                        x->c->doc[end - 1] == '\r'))
      end--;
    /* the prose part only: up to the last prose byte of the segment */
    for (size_t k = T->nsegs; k > 0; k--) {
      const tl_seg *g = &T->segs[k - 1];
      if (g->off < end && g->off + g->len > at) {
        if (g->off + g->len < end)
          end = g->off + g->len;
        break;
      }
    }
    if (memchr(x->c->doc + at, ' ', end - at) == NULL)
      continue; /* one hyphenated term (One-shot): a loanword */
    {
      bool claimed = false;
      for (size_t k = 0; k < x->c->res->n && !claimed; k++)
        claimed = strcmp(x->c->res->f[k].rule, "source.untranslated") == 0 &&
                  x->c->res->f[k].offset >= at &&
                  x->c->res->f[k].offset < end;
      if (claimed)
        continue;
    }
    drop_untranslated(x->c->res, at, end - at, first);
    f = add(x, at, end - at, "source.untranslated", TL_ERROR,
            _("trecho igual ao original em inglês: não foi traduzido"));
    set_related(x, f, S->s[q->s0].off, S->s[q->s0 + q->ns - 1].end);
  }
  tl_buf_fini(&sw);
  tl_buf_fini(&tw);
}

/* Whether the text of finding @f stands in quotes in the source sentences
 * of @q: a title or a quotation, kept in English on purpose. */
static bool quoted_in_source(sctx *x, const tl_aside *S, const tl_apair *q,
                             const tl_finding *f)
{
  const char *d = S->doc, *t = x->c->doc + f->offset;
  size_t lo = S->s[q->s0].off, hi = S->s[q->s0 + q->ns - 1].end;

  for (size_t i = lo; i + f->length <= hi; i++) {
    if (memcmp(d + i, t, f->length) != 0 || i == lo)
      continue;
    if (d[i - 1] == '"' || d[i - 1] == '\'' ||
        (i >= 3 && memcmp(d + i - 3, "\xE2\x80\x9C", 3) == 0))
      return true;
  }
  return false;
}

/* An untranslated.passage of the plain checks inside an aligned sentence
 * whose source holds the same words becomes source.untranslated, with
 * the source as related location. */
static void claim_passages(sctx *x, size_t first)
{
  const tl_alignment *al = &x->al;
  const tl_aside *S = &al->src, *T = &al->tgt;
  tl_result *r = x->c->res;
  tl_buf sw, tw;

  tl_buf_init(&sw);
  tl_buf_init(&tw);
  for (size_t i = 0; i < first && i < r->n; i++) {
    tl_finding *f = &r->f[i];
    size_t shared = 0, words = 0;
    if (strcmp(f->rule, "untranslated.passage") != 0)
      continue;
    for (size_t k = 0; k < al->nsents; k++) {
      const tl_apair *q = &al->sents[k];
      if (q->nt == 0 || q->ns == 0 || f->offset < T->s[q->t0].off ||
          f->offset >= T->s[q->t0 + q->nt - 1].end)
        continue;
      tl_buf_clear(&sw);
      tl_buf_clear(&tw);
      prose_words(S, S->s[q->s0].off, S->s[q->s0 + q->ns - 1].end, &sw);
      prose_words(T, f->offset, f->offset + f->length, &tw);
      tl_buf_addc(&sw, ' ');
      for (size_t a = 0; a < tw.len;) {
        size_t b = a;
        while (b < tw.len && tw.p[b] != ' ')
          b++;
        if (b > a) {
          words++;
          for (size_t s = 0; s + (b - a) < sw.len; s++)
            if ((s == 0 || sw.p[s - 1] == ' ') &&
                memcmp(sw.p + s, tw.p + a, b - a) == 0 &&
                sw.p[s + (b - a)] == ' ') {
              shared++;
              break;
            }
        }
        a = b + 1;
      }
      if (quoted_in_source(x, S, q, f)) {
        f->severity = TL_INFO; /* a title or quotation the source quotes */
        break;
      }
      if (words > 0 && shared * 10 >= words * 6) {
        f->rule = "source.untranslated";
        f->category = "source";
        set_related(x, f, S->s[q->s0].off, S->s[q->s0 + q->ns - 1].end);
      }
      break;
    }
  }
  tl_buf_fini(&sw);
  tl_buf_fini(&tw);
}

/* ---- glossary terms ----------------------------------------------------- */

static bool only_spaces(const char *p, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (p[i] != ' ' && p[i] != '-')
      return false;
  return true;
}

/* The glossary concepts of the source sentences of block pair @p: for each,
 * whether its target sentences hold an accepted rendering; a forbidden one
 * is terminology's finding, given the source as related location. */
static void check_terms(sctx *x, const tl_apair *p, size_t first)
{
  const tl_gloss *g = x->c->gloss;
  const tl_aside *S = &x->al.src, *T = &x->al.tgt;
  tl_tokens st;

  if (g == NULL || g->en_words == 0)
    return;
  tl_tokens_init(&st);
  for (uint32_t bi = 0; bi < p->ns; bi++) {
    tl_unit u = tl_aside_unit(S, p->s0 + bi);
    tl_tokenize_unit(&st, S->doc, S->len, &u);
    for (size_t i = 0; i < st.n;) {
      size_t best = 0;
      long ci = -1;
      for (size_t n = g->en_words; n >= 1; n--) {
        size_t last = i + n - 1, k;
        long c;
        if (last >= st.n)
          continue;
        for (k = i; k < last; k++)
          if (!only_spaces(S->doc + st.v[k].off + st.v[k].len,
                           st.v[k + 1].off - st.v[k].off - st.v[k].len))
            break;
        if (k < last)
          continue;
        c = tl_gloss_find_en(g, S->doc + st.v[i].off,
                             st.v[last].off + st.v[last].len - st.v[i].off);
        if (c >= 0) {
          best = n;
          ci = c;
          break;
        }
      }
      if (ci < 0) {
        i++;
        continue;
      }
      {
        size_t soff = st.v[i].off;
        size_t send = st.v[i + best - 1].off + st.v[i + best - 1].len;
        uint32_t ss = sentence_of(S, p->s0, p->ns, soff), t0, tn;
        bool accepted = false;
        tl_finding *forb = NULL;
        target_of(&x->al, p, ss, &t0, &tn);
        if (tn > 0) {
          size_t lo = T->s[t0].off, hi = T->s[t0 + tn - 1].end;
          for (uint32_t bj = 0; bj < p->nt; bj++) {
            tl_unit tu = tl_aside_unit(T, p->t0 + bj);
            tl_tokenize_unit(&x->toks, T->doc, T->len, &tu);
            tl_gloss_match(g, x->c->spell, T->doc, &x->toks, x->m);
            for (size_t k = 0; k < x->m->n; k++) {
              const tl_match *mt = &x->m->v[k];
              if (mt->concept != (uint32_t)ci || mt->off < lo ||
                  mt->off >= hi)
                continue;
              if (g->f[mt->form].kind != TL_FORM_FORBIDDEN) {
                accepted = true;
                continue;
              }
              for (size_t fi = 0; fi < first; fi++)
                if (x->c->res->f[fi].offset == mt->off &&
                    strcmp(x->c->res->f[fi].category, "terminology") == 0)
                  forb = &x->c->res->f[fi];
            }
          }
          if (forb != NULL && forb->source_path == NULL)
            set_related(x, forb, soff, send);
          else if (!accepted && forb == NULL && !g->c[ci].exact) {
            size_t at = sent_start(T, t0);
            tl_buf msg;
            tl_finding *f;
            const char *v[1] = {g->c[ci].preferred};
            tl_buf_init(&msg);
            tl_buf_printf(&msg, _("o termo '%.*s' do original não está "
                          "traduzido como o glossário pede ('%s')"),
                          (int)(send - soff), S->doc + soff,
                          g->c[ci].preferred);
            f = add(x, at, first_word(x->c->doc, at, T->s[t0].end),
                    "source.term", TL_INFO, tl_buf_cstr(&msg));
            f->concept = g->c[ci].id;
            tl_result_set_suggestions(x->c->res, f, v, 1);
            set_related(x, f, soff, send);
            tl_buf_fini(&msg);
          }
        }
      }
      i += best;
    }
  }
  tl_tokens_fini(&st);
}

/* ---- one source term, two renderings ----------------------------------- */

static bool finding_at(const tl_result *r, size_t off, size_t len)
{
  for (size_t i = 0; i < r->n; i++)
    if (r->f[i].offset < off + len && off < r->f[i].offset + r->f[i].length)
      return true;
  return false;
}

/* The rendering of @t the document uses most (ties: the first used). */
static const tl_tp_rendering *majority(const tl_tp_term *t)
{
  const tl_tp_rendering *best = NULL;
  size_t best_first = SIZE_MAX;

  for (size_t j = 0; j < t->nr; j++) {
    const tl_tp_rendering *r = &t->r[j];
    size_t first = SIZE_MAX;
    for (size_t o = 0; o < r->nocc; o++)
      if (r->occ[o].off < first)
        first = r->occ[o].off;
    if (best == NULL || r->nocc > best->nocc ||
        (r->nocc == best->nocc && first < best_first)) {
      best = r;
      best_first = first;
    }
  }
  return best;
}

/* The words of a rendering: their starts and lengths (at most 8). */
static size_t split_words(const char *s, size_t *at, size_t *len)
{
  size_t n = 0, i = 0, k = strlen(s);

  while (i < k && n < 8) {
    size_t j = i;
    while (j < k && s[j] != ' ' && s[j] != '-')
      j++;
    if (j > i) {
      at[n] = i;
      len[n++] = j - i;
    }
    i = j + 1;
  }
  return n;
}

/* @w without its plural and gender ending, into @out (modelos: model,
 * específicas: específic, visíveis: visível, ações: ação). */
static void bare(const char *w, size_t n, tl_buf *out)
{
  static const struct {
    const char *plural, *singular;
  } irregular[] = {{"\xC3\xB5" "es", "\xC3\xA3o"}, {"eis", "el"}, {"ais", "al"},
                   {"\xC3\xB3is", "ol"}, {"is", "il"}};

  tl_buf_clear(out);
  for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++) {
    size_t e = strlen(irregular[i].plural);
    if (n > e + 2 && memcmp(w + n - e, irregular[i].plural, e) == 0) {
      tl_buf_add(out, w, n - e);
      tl_buf_adds(out, irregular[i].singular);
      return;
    }
  }
  if (n > 4 && memcmp(w + n - 2, "es", 2) == 0)
    n -= 2;
  else if (n > 3 && w[n - 1] == 's')
    n--;
  if (n > 3 && (w[n - 1] == 'a' || w[n - 1] == 'o'))
    n--;
  tl_buf_add(out, w, n);
}

static bool verb_like(const char *w, size_t n)
{
  static const char *const ends[] = {"ndo", "ar", "er", "ir", "ará", "erá",
                                     "irá", "amos", "emos", "imos", "aram",
                                     "eram", "iram", "ou", NULL};
  for (size_t i = 0; ends[i] != NULL; i++) {
    size_t e = strlen(ends[i]);
    if (n > e + 2 && memcmp(w + n - e, ends[i], e) == 0)
      return true;
  }
  return false;
}

/* Whether rendering @b is a slip against @a rather than grammar: the same
 * words but one (or only hyphens against spaces), and that one another
 * word of the same stem ("aprendizagem"/"aprendizado",
 * "completação"/"compleção"), or a plural after "de" ("engenharia de
 * prompts"), never an agreement ending or a verb form. */
static bool variant_ok(const char *a, const char *b)
{
  size_t aa[8], al[8], ba[8], bl[8], na, nb, diff = 0, k = 0;

  na = split_words(a, aa, al);
  nb = split_words(b, ba, bl);
  if (na != nb || na < 2)
    return false;
  for (size_t i = 0; i < na; i++)
    if (al[i] != bl[i] || memcmp(a + aa[i], b + ba[i], al[i]) != 0) {
      diff++;
      k = i;
    }
  if (diff == 0)
    return true; /* fine-tuning / fine tuning */
  if (diff != 1)
    return false;
  for (size_t i = 0; i < na; i++)
    if (verb_like(a + aa[i], al[i]) || verb_like(b + ba[i], bl[i]))
      return false;
  {
    const char *x = a + aa[k], *y = b + ba[k];
    size_t xn = al[k], yn = bl[k];
    tl_buf bx, by;
    bool same;
    tl_buf_init(&bx);
    tl_buf_init(&by);
    bare(x, xn, &bx);
    bare(y, yn, &by);
    same = bx.len == by.len && memcmp(bx.p, by.p, bx.len) == 0;
    tl_buf_fini(&bx);
    tl_buf_fini(&by);
    if (same) /* an ending only: grammar, but after "de" a choice */
      return k > 0 && al[k - 1] == 2 && memcmp(a + aa[k - 1], "de", 2) == 0;
    return xn >= 5 && yn >= 5 && memcmp(x, y, 4) == 0;
  }
}

/* source.consistency: a source term the document renders two ways (even
 * one no glossary holds); the minority renderings are reported. */
static void check_term_consistency(sctx *x, const tl_termpairs *tp)
{
  for (size_t i = 0; i < tp->n; i++) {
    const tl_tp_term *t = &tp->v[i];
    const tl_tp_rendering *ref;
    if (t->nr < 2)
      continue;
    if (strchr(t->term, ' ') == NULL && strchr(t->term, '-') == NULL)
      continue; /* one word: its renderings vary with the grammar */
    ref = majority(t);
    for (size_t j = 0; j < t->nr; j++) {
      const tl_tp_rendering *r = &t->r[j];
      if (r == ref || !variant_ok(ref->surface, r->surface))
        continue;
      for (size_t o = 0; o < r->nocc; o++) {
        const tl_tp_occ *oc = &r->occ[o];
        tl_buf m;
        tl_finding *f;
        const char *v[1];
        char *sug;
        if (finding_at(x->c->res, oc->off, oc->len))
          continue;
        sug = tl_xstrdup(ref->surface);
        if (tl_utf8_has_upper(x->c->doc + oc->off, 1) && sug[0] >= 'a' &&
            sug[0] <= 'z')
          sug[0] = (char)(sug[0] - 'a' + 'A');
        tl_buf_init(&m);
        tl_buf_printf(&m,
                      P_("'%.*s' traduz '%s' do original, que o texto "
                         "traduz %zu vez como '%s'",
                         "'%.*s' traduz '%s' do original, que o texto "
                         "traduz %zu vezes como '%s'",
                         ref->nocc),
                      (int)oc->len, x->c->doc + oc->off, t->term, ref->nocc,
                      ref->surface);
        f = add(x, oc->off, oc->len, "source.consistency", TL_WARNING,
                tl_buf_cstr(&m));
        v[0] = sug;
        tl_result_set_suggestions(x->c->res, f, v, 1);
        set_related(x, f, oc->src_off, oc->src_off + oc->src_len);
        tl_buf_fini(&m);
        free(sug);
      }
    }
  }
}

/* ---- against the archive ------------------------------------------------ */

void tl_learned_free(struct tl_termpairs *tp)
{
  if (tp == NULL)
    return;
  tl_termpairs_fini(tp);
  free(tp);
}

void tl_archive_top_row(void *ud, const char *r, int kind, unsigned docs,
                        unsigned uses, const char *const *paths, size_t np)
{
  tl_archive_top *top = ud;
  tl_buf b;

  (void)kind;
  (void)uses;
  if (top->rendering != NULL)
    return; /* the first row: most documents */
  if (top->rejected != NULL && tl_pair_rejected(top->rejected, top->term, r))
    return; /* an editor rejected it: the next row */
  tl_buf_init(&b);
  for (size_t i = 0; i < np; i++)
    tl_buf_printf(&b, "%s%s", i ? ", " : "", paths[i]);
  if (docs > np)
    tl_buf_adds(&b, ", ...");
  top->rendering = tl_xstrdup(r);
  top->paths = tl_xstrndup(b.p ? b.p : "", b.len);
  top->docs = docs;
  tl_buf_fini(&b);
}

/* Multi-word terms only: a single word's renderings vary with grammar. */
static bool compound_term(const char *t)
{
  return strchr(t, ' ') != NULL || strchr(t, '-') != NULL;
}

tl_status tl_check_source_corpus(tl_ctx *c, struct tl_corpus *corpus,
                                 const char *relpath, tl_pair_rows *rows,
                                 tl_error *err)
{
  const tl_termpairs *tp = c->learned;
  tl_status st = TL_OK;

  if (tp == NULL || corpus == NULL)
    return TL_OK;
  for (size_t i = 0; i < tp->n && st == TL_OK; i++) {
    const tl_tp_term *t = &tp->v[i];
    tl_archive_top top = {NULL, NULL, 0, NULL, NULL};
    bool uses_top = false;
    if (!compound_term(t->term))
      continue;
    for (size_t j = 0; j < t->nr; j++) {
      TL_GROW(rows->v, rows->cap, rows->n + 1);
      rows->v[rows->n++] = (tl_store_pair){t->term, t->r[j].surface,
                                      (unsigned)t->r[j].nocc};
    }
    st = tl_store_pairs(corpus->store, t->term, relpath, tl_archive_top_row,
                        &top, err);
    for (size_t j = 0; j < t->nr && top.rendering != NULL; j++)
      uses_top = uses_top || strcmp(t->r[j].surface, top.rendering) == 0;
    if (st == TL_OK && top.rendering != NULL && top.docs >= 2 && !uses_top)
      for (size_t j = 0; j < t->nr; j++) {
        const tl_tp_rendering *r = &t->r[j];
        if (!variant_ok(top.rendering, r->surface))
          continue;
        for (size_t o = 0; o < r->nocc; o++) {
          const tl_tp_occ *oc = &r->occ[o];
          tl_finding *f;
          const char *v[1] = {top.rendering};
          if (finding_at(c->res, oc->off, oc->len))
            continue;
          f = tl_result_add(c->res, oc->off, oc->len, "source.consistency",
                            "source", TL_WARNING,
                            P_("'%.*s' traduz '%s' do original; o acervo o "
                               "traduz como '%s' em %u documento (%s)",
                               "'%.*s' traduz '%s' do original; o acervo o "
                               "traduz como '%s' em %u documentos (%s)",
                               top.docs),
                            (int)oc->len, c->doc + oc->off, t->term,
                            top.rendering, top.docs, top.paths);
          tl_result_set_suggestions(c->res, f, v, 1);
          f->source_path = tl_arena_strndup(&c->res->arena, tp->src_path,
                                            strlen(tp->src_path));
          f->source_line = oc->src_line;
          f->source_column = oc->src_col;
          f->source_offset = oc->src_off;
          f->source_length = oc->src_len;
          f->source_text = tl_arena_strndup(&c->res->arena, t->term,
                                            strlen(t->term));
        }
      }
    free(top.rendering);
    free(top.paths);
  }
  return st;
}

/* The source and the block pairs, for the side-by-side HTML report. */
static void keep_pair_view(sctx *x)
{
  const tl_alignment *al = &x->al;
  tl_result *r = x->c->res;
  tl_pair_view *v = tl_xcalloc(1, sizeof *v);

  v->src_path = tl_xstrdup(x->src->path);
  v->src = tl_xstrndup(x->src->data, x->src->len);
  v->src_len = x->src->len;
  v->rows = tl_xcalloc(al->nblocks + 1, sizeof *v->rows);
  for (size_t k = 0; k < al->nblocks; k++) {
    const tl_apair *p = &al->blocks[k];
    tl_pair_row *row = &v->rows[v->nrows++];
    if (p->ns > 0) {
      row->s_off = al->src.b[p->s0].off;
      row->s_end = al->src.b[p->s0 + p->ns - 1].end;
    }
    if (p->nt > 0) {
      row->t_off = al->tgt.b[p->t0].off;
      row->t_end = al->tgt.b[p->t0 + p->nt - 1].end;
    }
  }
  if (r->pair != NULL) {
    free(r->pair->src_path);
    free(r->pair->src);
    free(r->pair->rows);
    free(r->pair);
  }
  r->pair = v;
}

/* ---- the entry point ---------------------------------------------------- */

void tl_check_source(tl_ctx *c, const tl_source *src, size_t tgt_start,
                     bool markdown, tl_matches *m)
{
  sctx x;
  tl_aside s, t;
  size_t first = c->res->n;
  size_t sbom = src->start;

  memset(&x, 0, sizeof x);
  x.c = c;
  x.src = src;
  x.m = m;
  tl_aside_init(&s);
  tl_aside_init(&t);
  if (tl_aside_build(&s, src->data, src->len, src->start, src->markdown,
                     true, c->err) != TL_OK ||
      tl_aside_build(&t, c->doc, c->len, tgt_start, markdown, false,
                     c->err) != TL_OK) {
    c->st = c->err != NULL ? c->err->status : TL_EIO;
    tl_aside_fini(&s);
    tl_aside_fini(&t);
    return;
  }
  x.al.parallel = src->parallel;
  tl_align_run(&x.al, &s, &t);
  if (!src->parallel) /* XLIFF has its own view: the file */
    keep_pair_view(&x);
  tl_lines_init(&x.sli, src->data, src->len, sbom);
  tl_tokens_init(&x.toks);
  claim_passages(&x, first);
  for (size_t k = 0; k < x.al.nblocks; k++) {
    const tl_apair *p = &x.al.blocks[k];
    const tl_aside *S = &x.al.src, *T = &x.al.tgt;
    uint32_t sa0, sna, ta0, tna;
    const tl_anchor *sa, *ta;
    size_t lo, hi;
    if (p->nt == 0) {
      check_omitted_block(&x, k);
      continue;
    }
    if (p->ns == 0) {
      check_added_block(&x, p);
      continue;
    }
    sa0 = S->b[p->s0].m.anc0;
    sna = S->b[p->s0 + p->ns - 1].m.anc0 + S->b[p->s0 + p->ns - 1].m.nanc -
          sa0;
    ta0 = T->b[p->t0].m.anc0;
    tna = T->b[p->t0 + p->nt - 1].m.anc0 + T->b[p->t0 + p->nt - 1].m.nanc -
          ta0;
    lo = T->b[p->t0].off;
    hi = T->b[p->t0 + p->nt - 1].end;
    check_short_block(&x, p);
    check_omitted_sentences(&x, p);
    sa = anchors_from(&S->anc, sa0);
    ta = anchors_from(&T->anc, ta0);
    check_numbers(&x, p, sa, sna, ta, tna);
    check_names(&x, p, sa, sna, lo, hi, first);
    check_literals(&x, p, sa, sna, ta, tna, lo, hi);
    check_untranslated(&x, p, &first);
    check_terms(&x, p, first);
  }
  {
    tl_termpairs *tp = tl_xcalloc(1, sizeof *tp);
    tl_termpairs_init(tp);
    tl_termpairs_learn(tp, &x.al);
    check_term_consistency(&x, tp);
    /* kept for the corpus stage: where each occurrence's source is */
    tp->src_path = tl_xstrdup(src->path);
    for (size_t i = 0; i < tp->n; i++)
      for (size_t j = 0; j < tp->v[i].nr; j++)
        for (size_t o = 0; o < tp->v[i].r[j].nocc; o++) {
          tl_tp_occ *oc = &tp->v[i].r[j].occ[o];
          tl_lines_locate(&x.sli, oc->src_off, &oc->src_line, &oc->src_col);
        }
    tl_learned_free(c->learned);
    c->learned = tp;
  }
  tl_tokens_fini(&x.toks);
  tl_lines_fini(&x.sli);
  tl_align_fini(&x.al);
}
