#include "align.h"

#include "input.h"
#include "utf8.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Costs, in the units of Gale and Church: minus the log of a probability. */
#define COST_SKIP 5.5      /* a block or sentence without counterpart */
#define COST_MERGE 2.5     /* two sentences with one */
#define COST_MERGE_BLOCK 4.5 /* two blocks with one: tools keep blocks */
#define COST_KIND 10.0     /* a heading with a paragraph, a cell with prose */
#define COST_LIST 3.0      /* a list item with a paragraph */
#define COST_LEVEL 2.0     /* headings of different levels */
#define COST_ALT 4.0       /* alt text with prose */
#define ANCHOR_BONUS 1.5   /* a shared anchor */
#define ANCHOR_BONUS_MAX 9.0
#define ANCHOR_MISS 0.6    /* a strong anchor of one side only */
#define ANCHOR_MISS_MAX 4.0
#define LEN_RATIO 1.1      /* Portuguese prose is about 10% longer */
#define LEN_VAR 6.8        /* variance of the length ratio, per char */
#define BAND 60            /* cells each side of the diagonal */
#define COGNATE_WEIGHT 6.0 /* cost of no shared cognate, against all */
#define COGNATE_MIN 3      /* keys each side before cognates count */

void tl_aside_init(tl_aside *s)
{
  memset(s, 0, sizeof *s);
  tl_anchors_init(&s->anc);
}

void tl_aside_fini(tl_aside *s)
{
  free(s->b);
  free(s->s);
  free(s->segs);
  free(s->keys);
  tl_anchors_fini(&s->anc);
  tl_aside_init(s);
}

static uint32_t count_cps(const char *p, size_t n)
{
  uint32_t c = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)p[i] & 0xC0) != 0x80)
      c++;
  return c;
}

bool tl_seg_clip(const tl_seg *g, size_t from, size_t to, size_t *a,
                 size_t *b)
{
  *a = g->off > from ? g->off : from;
  *b = g->off + g->len < to ? g->off + g->len : to;
  return *a < *b;
}

/* Prose code points of the segments of @u inside [from, to). */
static uint32_t seg_chars(const char *doc, const tl_unit *u, size_t from,
                          size_t to)
{
  uint32_t c = 0;

  for (size_t i = 0; i < u->n; i++) {
    size_t a, b;
    if (tl_seg_clip(&u->segs[i], from, to, &a, &b))
      c += count_cps(doc + a, b - a);
  }
  return c;
}

/* Abbreviations after which a period does not end a sentence. */
static bool is_abbrev(const char *p, size_t n)
{
  static const char *const list[] = {
      "e.g", "i.e", "vs", "Dr", "Mr", "Mrs", "Ms", "Sr", "Sra", "Dra",
      "Prof", "Fig", "fig", "No", "approx", "aprox", "ex", "Inc", "Ltd",
      "Jr", "St", "p", "pp", "cf", "al", "Eq", "eq", NULL};

  if (n == 1)
    return true; /* an initial (J. Smith) */
  for (size_t i = 0; list[i] != NULL; i++)
    if (strlen(list[i]) == n && memcmp(list[i], p, n) == 0)
      return true;
  return false;
}

static bool is_closer(char c)
{
  return c == '"' || c == '\'' || c == ')' || c == '*' || c == '_' ||
         c == ']';
}

static bool is_space(char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* Whether a sentence may start at doc[j]. */
static bool sentence_opener(const char *doc, size_t j, size_t end)
{
  size_t adv;
  int32_t cp;

  if (j >= end)
    return false;
  cp = tl_utf8_decode(doc + j, end - j, &adv);
  return tl_cp_is_upper(cp) || tl_cp_is_digit(cp) || cp == '"' ||
         cp == '(' || cp == '[' || cp == '*' || cp == '_' || cp == '`' ||
         cp == 0x201C || cp == 0xBF || cp == 0xA1 || cp == '\'';
}

static int cmp_u32(const void *a, const void *b)
{
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* Append the cognate keys of the prose of @u inside [from, to) to the
 * side's keys, sorted and unique; *key0 and *nkey get where. */
static void cognate_keys(tl_aside *s, const tl_unit *u, size_t from,
                         size_t to, uint32_t *key0, uint32_t *nkey)
{
  tl_buf w, f;
  size_t first = s->nkeys, out;

  tl_buf_init(&w);
  tl_buf_init(&f);
  for (size_t k = 0; k < u->n; k++) {
    size_t a, e, i;
    if (!tl_seg_clip(&u->segs[k], from, to, &a, &e))
      continue;
    for (i = a; i < e;) {
      size_t adv, start = i, letters = 0;
      int32_t cp = tl_utf8_decode(s->doc + i, e - i, &adv);
      if (!tl_cp_is_letter(cp)) {
        i += adv;
        continue;
      }
      while (i < e) {
        cp = tl_utf8_decode(s->doc + i, e - i, &adv);
        if (!tl_cp_is_letter(cp) && !tl_cp_is_mark(cp))
          break;
        letters++;
        i += adv;
      }
      if (letters < 4)
        continue;
      tl_buf_clear(&f);
      tl_utf8_fold(s->doc + start, i - start, &f);
      if (f.len < 4)
        continue;
      TL_GROW(s->keys, s->capkeys, s->nkeys + 1);
      s->keys[s->nkeys++] = (uint32_t)tl_hash(f.p, 4);
    }
  }
  tl_buf_fini(&w);
  tl_buf_fini(&f);
  if (s->nkeys > first)
    qsort(s->keys + first, s->nkeys - first, sizeof *s->keys, cmp_u32);
  out = first;
  for (size_t i = first; i < s->nkeys; i++)
    if (out == first || s->keys[out - 1] != s->keys[i])
      s->keys[out++] = s->keys[i];
  s->nkeys = out;
  *key0 = (uint32_t)first;
  *nkey = (uint32_t)(out - first);
}

/* Split block @b (of unit @u) into sentences. */
static void split_sentences(tl_aside *s, tl_ablock *b, const tl_unit *u)
{
  size_t start = b->off;

  b->sent0 = (uint32_t)s->ns;
  for (size_t k = 0; k < u->n; k++) {
    const tl_seg *sg = &u->segs[k];
    size_t e = sg->off + sg->len;
    for (size_t i = sg->off; i < e; i++) {
      char c = s->doc[i];
      size_t j, w;
      if (c != '.' && c != '!' && c != '?' &&
          !(c == '\xE2' && i + 2 < e && s->doc[i + 1] == '\x80' &&
            s->doc[i + 2] == '\xA6'))
        continue;
      j = c == '\xE2' ? i + 3 : i + 1;
      while (j < e && (s->doc[j] == '.' || s->doc[j] == '!' ||
                       s->doc[j] == '?'))
        j++;
      while (j < e && is_closer(s->doc[j]))
        j++;
      if (j < e && !is_space(s->doc[j]))
        continue;
      if (c == '.') { /* the word before the period */
        w = i;
        while (w > sg->off && !is_space(s->doc[w - 1]) &&
               s->doc[w - 1] != '(')
          w--;
        if (is_abbrev(s->doc + w, i - w))
          continue;
      }
      while (j < b->end && is_space(s->doc[j]))
        j++;
      if (j >= b->text_end)
        break;
      if (j < e && !sentence_opener(s->doc, j, b->end))
        continue;
      if (j >= e && k + 1 == u->n)
        break;
      TL_GROW(s->s, s->caps, s->ns + 1);
      s->s[s->ns++] = (tl_asent){start, j,
                                 {seg_chars(s->doc, u, start, j), 0, 0, 0,
                                  0}};
      start = j;
      i = j - 1;
    }
  }
  TL_GROW(s->s, s->caps, s->ns + 1);
  s->s[s->ns++] = (tl_asent){start, b->end,
                             {seg_chars(s->doc, u, start, b->end), 0, 0, 0,
                              0}};
  b->nsent = (uint32_t)(s->ns - b->sent0);
}

static void on_unit(void *ud, const tl_unit *u)
{
  tl_aside *s = ud;
  tl_ablock b;
  const char *doc = s->doc;
  size_t lo, hi;
  bool alt = true;

  memset(&b, 0, sizeof b);
  b.kind = (uint8_t)u->kind;
  b.level = (uint8_t)u->level;
  b.text_off = u->segs[0].off;
  b.text_end = u->segs[u->n - 1].off + u->segs[u->n - 1].len;
  for (size_t i = 0; i < u->n; i++)
    if (!(u->segs[i].flags & TL_SEG_ALT))
      alt = false;
  b.alt = alt;
  lo = b.text_off;
  hi = b.text_end;
  if (u->kind == TL_BLK_TABLE_CELL) {
    while (lo > 0 && doc[lo - 1] != '|' && doc[lo - 1] != '\n')
      lo--;
    while (hi < s->len && doc[hi] != '|' && doc[hi] != '\n')
      hi++;
  } else {
    while (lo > 0 && doc[lo - 1] != '\n')
      lo--;
    while (hi < s->len && doc[hi] != '\n')
      hi++;
  }
  if (s->nb > 0 && lo < s->b[s->nb - 1].end)
    lo = s->b[s->nb - 1].end;
  if (lo > b.text_off)
    lo = b.text_off;
  b.off = lo;
  b.end = hi;
  b.m.chars = seg_chars(doc, u, b.text_off, b.text_end);
  b.seg0 = (uint32_t)s->nsegs;
  b.nseg = (uint32_t)u->n;
  TL_GROW(s->segs, s->capsegs, s->nsegs + u->n);
  memcpy(s->segs + s->nsegs, u->segs, u->n * sizeof *u->segs);
  s->nsegs += u->n;
  b.m.anc0 = (uint32_t)s->anc.n;
  tl_anchors_scan(&s->anc, doc, b.off, b.end, s->english);
  b.m.nanc = (uint32_t)(s->anc.n - b.m.anc0);
  cognate_keys(s, u, b.off, b.end, &b.m.key0, &b.m.nkey);
  split_sentences(s, &b, u);
  for (uint32_t k = b.sent0; k < b.sent0 + b.nsent; k++)
    cognate_keys(s, u, s->s[k].off, s->s[k].end, &s->s[k].m.key0,
                 &s->s[k].m.nkey);
  /* each sentence's anchors: the block's that start inside it */
  for (uint32_t k = b.sent0, a = b.m.anc0; k < b.sent0 + b.nsent; k++) {
    tl_asent *st = &s->s[k];
    st->m.anc0 = a;
    while (a < b.m.anc0 + b.m.nanc && s->anc.v[a].off < st->end)
      a++;
    st->m.nanc = a - st->m.anc0;
  }
  TL_GROW(s->b, s->capb, s->nb + 1);
  s->b[s->nb++] = b;
}

tl_status tl_aside_build(tl_aside *s, const char *doc, size_t len,
                         size_t start, bool markdown, bool english,
                         tl_error *err)
{
  s->doc = doc;
  s->len = len;
  s->english = english;
  return tl_markup_parse(doc, len, start, markdown, on_unit, s, err);
}

tl_unit tl_aside_unit(const tl_aside *s, size_t b)
{
  tl_unit u;

  u.kind = (enum tl_block_kind)s->b[b].kind;
  u.level = s->b[b].level;
  u.segs = s->segs + s->b[b].seg0;
  u.n = s->b[b].nseg;
  return u;
}

static bool strong(const tl_anchor *a)
{
  if (a->kind == TL_ANC_NAME)
    return !(a->flags & TL_AF_CAP);
  if (a->kind == TL_ANC_NUMBER)
    return !(a->flags & (TL_AF_WORD | TL_AF_LIST));
  return true;
}

static bool anchors_match(const tl_anchor *x, const tl_anchor *y)
{
  if (x->kind == TL_ANC_NUMBER || y->kind == TL_ANC_NUMBER)
    return x->kind == y->kind && !(x->flags & TL_AF_WORD) &&
           tl_anchor_same_number(x, y);
  return x->kind == y->kind && x->key == y->key;
}

size_t tl_anchors_pair(const tl_aside *src, uint32_t s0, uint32_t ns,
                       const tl_aside *tgt, uint32_t t0, uint32_t nt,
                       bool *used_src, bool *used_tgt)
{
  bool local[64];
  bool *used = used_tgt;
  size_t m = 0;

  if (used == NULL) {
    if (nt > sizeof local / sizeof local[0])
      nt = sizeof local / sizeof local[0];
    used = local;
  }
  memset(used, 0, nt * sizeof *used);
  if (used_src != NULL)
    memset(used_src, 0, ns * sizeof *used_src);
  for (uint32_t i = 0; i < ns; i++) {
    const tl_anchor *x = &src->anc.v[s0 + i];
    for (uint32_t j = 0; j < nt; j++) {
      if (used[j] || !anchors_match(x, &tgt->anc.v[t0 + j]))
        continue;
      used[j] = true;
      if (used_src != NULL)
        used_src[i] = true;
      m++;
      break;
    }
  }
  return m;
}

/* The anchor part of a pair's cost. */
static double anchor_cost(const tl_aside *src, uint32_t s0, uint32_t ns,
                          const tl_aside *tgt, uint32_t t0, uint32_t nt)
{
  bool us[64], ut[64];
  double bonus, miss = 0;
  size_t m;

  if (ns > 64)
    ns = 64;
  if (nt > 64)
    nt = 64;
  if (ns == 0 && nt == 0)
    return 0;
  m = tl_anchors_pair(src, s0, ns, tgt, t0, nt, us, ut);
  for (uint32_t i = 0; i < ns; i++)
    if (!us[i] && strong(&src->anc.v[s0 + i]))
      miss += ANCHOR_MISS;
  for (uint32_t j = 0; j < nt; j++)
    if (!ut[j] && strong(&tgt->anc.v[t0 + j]))
      miss += ANCHOR_MISS;
  bonus = (double)m * ANCHOR_BONUS;
  if (bonus > ANCHOR_BONUS_MAX)
    bonus = ANCHOR_BONUS_MAX;
  if (miss > ANCHOR_MISS_MAX)
    miss = ANCHOR_MISS_MAX;
  return miss - bonus;
}

/* Shared cognate keys of two groups of items (each group's keys are
 * sorted per item; groups of two are merged on the fly). */
static size_t shared_keys(const uint32_t *a, size_t na, const uint32_t *b,
                          size_t nb)
{
  size_t i = 0, j = 0, m = 0;

  while (i < na && j < nb) {
    if (a[i] < b[j])
      i++;
    else if (a[i] > b[j])
      j++;
    else {
      m++;
      i++;
      j++;
    }
  }
  return m;
}

/* The cognate part of a pair's cost: 0 when as many keys are shared as
 * translations share, up to COGNATE_WEIGHT when none are. @k0/@nk and
 * @j0/@nj: each item's key range (one or two items a side). */
static double cognate_cost(const tl_aside *src, const uint32_t *k0,
                           const uint32_t *nk, uint32_t ns,
                           const tl_aside *tgt, const uint32_t *j0,
                           const uint32_t *nj, uint32_t nt)
{
  size_t m = 0, a = 0, b = 0, lo;
  double r;

  for (uint32_t i = 0; i < ns; i++)
    a += nk[i];
  for (uint32_t j = 0; j < nt; j++)
    b += nj[j];
  if (a < COGNATE_MIN || b < COGNATE_MIN)
    return 0;
  for (uint32_t i = 0; i < ns; i++)
    for (uint32_t j = 0; j < nt; j++)
      m += shared_keys(src->keys + k0[i], nk[i], tgt->keys + j0[j], nj[j]);
  lo = a < b ? a : b;
  /* translations share about a third of their long words' prefixes */
  r = (double)m / (double)lo / 0.3;
  if (r > 1)
    r = 1;
  return COGNATE_WEIGHT * (1 - r);
}

/* Gale and Church's length cost: -log P(|delta|), delta the normalised
 * difference of the lengths. */
static double length_cost(double ls, double lt)
{
  double mean, z, p;

  if (ls == 0 && lt == 0)
    return 0;
  mean = (ls + lt / LEN_RATIO) / 2;
  z = (LEN_RATIO * ls - lt) / sqrt(LEN_VAR * (mean + 1));
  p = erfc(fabs(z) / sqrt(2.0));
  if (p < 1e-12)
    p = 1e-12;
  return -log(p);
}

typedef double (*cost_fn)(const tl_alignment *al, uint32_t s0, uint32_t ns,
                          uint32_t t0, uint32_t nt);

/* The cost of pairing the measured items @sm (ns of them) with @tm (nt):
 * lengths, anchors, cognates. Items of a group are contiguous. */
static double content_cost(const tl_alignment *al,
                           const tl_ameasure *const *sm, uint32_t ns,
                           const tl_ameasure *const *tm, uint32_t nt)
{
  double ls = 0, lt = 0, c;
  uint32_t k0[2], nk[2], j0[2], nj[2];

  for (uint32_t i = 0; i < ns; i++) {
    ls += sm[i]->chars;
    k0[i] = sm[i]->key0;
    nk[i] = sm[i]->nkey;
  }
  for (uint32_t j = 0; j < nt; j++) {
    lt += tm[j]->chars;
    j0[j] = tm[j]->key0;
    nj[j] = tm[j]->nkey;
  }
  c = length_cost(ls, lt);
  c += anchor_cost(&al->src, sm[0]->anc0,
                   sm[ns - 1]->anc0 + sm[ns - 1]->nanc - sm[0]->anc0,
                   &al->tgt, tm[0]->anc0,
                   tm[nt - 1]->anc0 + tm[nt - 1]->nanc - tm[0]->anc0);
  c += cognate_cost(&al->src, k0, nk, ns, &al->tgt, j0, nj, nt);
  return c;
}

static double block_cost(const tl_alignment *al, uint32_t s0, uint32_t ns,
                         uint32_t t0, uint32_t nt)
{
  const tl_ablock *sb, *tb;
  const tl_ameasure *sm[2], *tm[2];
  double c = 0;

  if (ns == 0 || nt == 0)
    return COST_SKIP;   /* before indexing: a side may have no blocks */
  sb = &al->src.b[s0];
  tb = &al->tgt.b[t0];
  /* headings never merge; other kinds may (a lazy continuation line
   * pulls a paragraph into the quote before it) */
  for (uint32_t i = 1; i < ns; i++)
    if (sb[i].kind == TL_BLK_HEADING || sb[0].kind == TL_BLK_HEADING)
      return 1e6;
    else if (sb[i].kind != sb[0].kind)
      c += COST_LIST;
  for (uint32_t j = 1; j < nt; j++)
    if (tb[j].kind == TL_BLK_HEADING || tb[0].kind == TL_BLK_HEADING)
      return 1e6;
    else if (tb[j].kind != tb[0].kind)
      c += COST_LIST;
  if (ns + nt > 2)
    c += COST_MERGE_BLOCK;
  if ((sb->kind == TL_BLK_HEADING) != (tb->kind == TL_BLK_HEADING) ||
      (sb->kind == TL_BLK_TABLE_CELL) != (tb->kind == TL_BLK_TABLE_CELL))
    c += COST_KIND;
  else if (sb->kind != tb->kind)
    c += COST_LIST;
  else if (sb->level != tb->level)
    c += COST_LEVEL;
  if (sb->alt != tb->alt)
    c += COST_ALT;
  for (uint32_t i = 0; i < ns; i++)
    sm[i] = &sb[i].m;
  for (uint32_t j = 0; j < nt; j++)
    tm[j] = &tb[j].m;
  return c + content_cost(al, sm, ns, tm, nt);
}

static double sentence_cost(const tl_alignment *al, uint32_t s0,
                            uint32_t ns, uint32_t t0, uint32_t nt)
{
  const tl_ameasure *sm[2], *tm[2];

  if (ns == 0 || nt == 0)
    return COST_SKIP;
  for (uint32_t i = 0; i < ns; i++)
    sm[i] = &al->src.s[s0 + i].m;
  for (uint32_t j = 0; j < nt; j++)
    tm[j] = &al->tgt.s[t0 + j].m;
  return (ns + nt > 2 ? COST_MERGE : 0) + content_cost(al, sm, ns, tm, nt);
}

typedef struct cell {
  double cost;
  uint8_t ds, dt; /* the step that reached it */
} cell;

static const uint8_t steps[][2] = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}};

/* Align items [s0, s0+n) with [t0, t0+m) by dynamic programming inside a
 * band around the diagonal; append the pairs to *out. */
static void dp(const tl_alignment *al, cost_fn fn, uint32_t s0, uint32_t n,
               uint32_t t0, uint32_t m, tl_apair **out, size_t *nout,
               size_t *cap)
{
  size_t w = BAND + (n > m ? n - m : m - n);
  size_t *lo = tl_xmalloc((n + 1) * sizeof *lo);
  size_t *rowat = tl_xmalloc((n + 2) * sizeof *rowat);
  cell *c;
  size_t total = 0, npairs = 0, i, j;
  tl_apair *rev = NULL;
  size_t caprev = 0;

  for (i = 0; i <= n; i++) {
    size_t center = n == 0 ? 0 : (size_t)((double)i * m / n);
    lo[i] = center > w ? center - w : 0;
    rowat[i] = total;
    total += (center + w > m ? m : center + w) - lo[i] + 1;
  }
  rowat[n + 1] = total;
  c = tl_xmalloc(total * sizeof *c);
  for (size_t k = 0; k < total; k++)
    c[k] = (cell){DBL_MAX, 0, 0};
  c[0].cost = 0;
  for (i = 0; i <= n; i++) {
    size_t hi = lo[i] + (rowat[i + 1] - rowat[i]) - 1;
    for (j = lo[i]; j <= hi; j++) {
      cell *here = &c[rowat[i] + j - lo[i]];
      if (i == 0 && j == 0)
        continue;
      for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++) {
        size_t pi = i - steps[k][0], pj = j - steps[k][1];
        size_t phi;
        double v;
        if (steps[k][0] > i || steps[k][1] > j)
          continue;
        phi = lo[pi] + (rowat[pi + 1] - rowat[pi]) - 1;
        if (pj < lo[pi] || pj > phi)
          continue;
        v = c[rowat[pi] + pj - lo[pi]].cost;
        if (v == DBL_MAX)
          continue;
        v += fn(al, s0 + (uint32_t)pi, steps[k][0], t0 + (uint32_t)pj,
                steps[k][1]);
        if (v < here->cost)
          *here = (cell){v, steps[k][0], steps[k][1]};
      }
    }
  }
  /* walk back from the corner (inside the band by construction) */
  i = n;
  j = m;
  while (i > 0 || j > 0) {
    cell *here = &c[rowat[i] + j - lo[i]];
    size_t pi = i - here->ds, pj = j - here->dt;
    double prev = c[rowat[pi] + pj - lo[pi]].cost;
    TL_GROW(rev, caprev, npairs + 1);
    rev[npairs++] = (tl_apair){s0 + (uint32_t)pi, here->ds,
                               t0 + (uint32_t)pj, here->dt,
                               0, 0, (float)(here->cost - prev)};
    i = pi;
    j = pj;
  }
  for (size_t k = npairs; k > 0; k--) {
    TL_GROW(*out, *cap, *nout + 1);
    (*out)[(*nout)++] = rev[k - 1];
  }
  free(rev);
  free(c);
  free(lo);
  free(rowat);
}

void tl_align_run(tl_alignment *al, tl_aside *src, tl_aside *tgt)
{
  al->src = *src;
  al->tgt = *tgt;
  tl_aside_init(src);
  tl_aside_init(tgt);
  if (al->parallel && al->src.nb == al->tgt.nb) {
    for (size_t k = 0; k < al->src.nb; k++) {
      TL_GROW(al->blocks, al->capblocks, al->nblocks + 1);
      al->blocks[al->nblocks++] = (tl_apair){(uint32_t)k, 1, (uint32_t)k, 1,
                                             0, 0, 0};
    }
  } else {
    dp(al, block_cost, 0, (uint32_t)al->src.nb, 0, (uint32_t)al->tgt.nb,
       &al->blocks, &al->nblocks, &al->capblocks);
  }
  for (size_t k = 0; k < al->nblocks; k++) {
    tl_apair *p = &al->blocks[k];
    uint32_t s0, ns = 0, t0, nt = 0;
    p->first = (uint32_t)al->nsents;
    if (p->ns == 0 || p->nt == 0)
      continue;
    s0 = al->src.b[p->s0].sent0;
    t0 = al->tgt.b[p->t0].sent0;
    for (uint32_t i = 0; i < p->ns; i++)
      ns += al->src.b[p->s0 + i].nsent;
    for (uint32_t j = 0; j < p->nt; j++)
      nt += al->tgt.b[p->t0 + j].nsent;
    dp(al, sentence_cost, s0, ns, t0, nt, &al->sents, &al->nsents,
       &al->capsents);
    p->count = (uint32_t)(al->nsents - p->first);
  }
}

void tl_align_fini(tl_alignment *al)
{
  tl_aside_fini(&al->src);
  tl_aside_fini(&al->tgt);
  free(al->blocks);
  free(al->sents);
  free(al->src_path);
  free(al->tgt_path);
  free(al->src_data);
  free(al->tgt_data);
  memset(al, 0, sizeof *al);
}

static bool is_plain(const char *path)
{
  size_t n = strlen(path);
  return n >= 4 && strcmp(path + n - 4, ".txt") == 0;
}

tl_status tl_align_files(const char *src_path, const char *tgt_path,
                         tl_markup markup, tl_alignment **out,
                         tl_error *err)
{
  tl_alignment *al = tl_xcalloc(1, sizeof *al);
  tl_aside src, tgt;
  size_t sstart, tstart, slen, tlen;
  tl_status st;

  *out = NULL;
  tl_aside_init(&src);
  tl_aside_init(&tgt);
  al->src_path = tl_xstrdup(src_path);
  al->tgt_path = tl_xstrdup(tgt_path);
  st = tl_input_read(src_path, 0, &al->src_data, &slen, NULL, err);
  if (st == TL_OK)
    st = tl_input_check(src_path, al->src_data, slen, &sstart, err);
  if (st == TL_OK)
    st = tl_input_read(tgt_path, 0, &al->tgt_data, &tlen, NULL, err);
  if (st == TL_OK)
    st = tl_input_check(tgt_path, al->tgt_data, tlen, &tstart, err);
  if (st == TL_OK)
    st = tl_aside_build(&src, al->src_data, slen, sstart,
                        markup == TL_MARKUP_MARKDOWN ||
                            (markup == TL_MARKUP_AUTO && !is_plain(src_path)),
                        true, err);
  if (st == TL_OK)
    st = tl_aside_build(&tgt, al->tgt_data, tlen, tstart,
                        markup == TL_MARKUP_MARKDOWN ||
                            (markup == TL_MARKUP_AUTO && !is_plain(tgt_path)),
                        false, err);
  if (st != TL_OK) {
    tl_aside_fini(&src);
    tl_aside_fini(&tgt);
    tl_alignment_free(al);
    return st;
  }
  tl_align_run(al, &src, &tgt);
  *out = al;
  return TL_OK;
}

void tl_alignment_free(tl_alignment *a)
{
  if (a == NULL)
    return;
  tl_align_fini(a);
  free(a);
}

size_t tl_alignment_count(const tl_alignment *a)
{
  return a->nblocks;
}
