#include "termpair.h"

#include "map.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#define MAX_SRC_WORDS 3
#define MAX_TGT_WORDS 4
#define MIN_PRECISION 0.8 /* share of a rendering's sentences with the term */
#define MIN_COVERAGE 0.6  /* share of the term's sentences its family covers */

typedef struct word {
  size_t off, len; /* in the document */
  char *low;       /* lower case */
  bool joined;     /* only spaces or a hyphen since the previous word */
  char sep;        /* that separator: ' ' or '-' */
} word;

typedef struct occ {
  uint32_t pair;
  size_t off, len;
} occ;

typedef struct gram {
  char *key;     /* lower-case words with their separators */
  char *family;  /* target: folded word prefixes */
  uint32_t nwords;
  occ *o;        /* occurrences, pair by pair */
  size_t no, capo;
  uint32_t npairs; /* distinct pairs */
} gram;

typedef struct side {
  tl_map index; /* key -> gram */
  gram *g;
  size_t ng, capg;
} side;

static const char *const EN_STOP[] = {
    "the", "and", "for", "with", "that", "this", "from", "are", "was",
    "were", "you", "your", "our", "can", "will", "not", "how", "what",
    "which", "when", "where", "who", "why", "its", "it's", "has", "have",
    "had", "but", "all", "any", "some", "more", "most", "also", "into",
    "than", "then", "them", "they", "their", "there", "these", "those",
    "such", "use", "using", "used", "one", "two", "new", "get", "let",
    "let's", "we'll", "you'll", "about", "each", "other", "only", "like",
    "just", "very", "may", "might", "should", "would", "could", "does",
    "did", "been", "being", "here", "over", "out", "own", NULL};

static const char *const PT_STOP[] = {
    "de", "da", "do", "das", "dos", "o", "a", "os", "as", "um", "uma",
    "uns", "umas", "e", "ou", "em", "no", "na", "nos", "nas", "para",
    "por", "pelo", "pela", "com", "que", "se", "é", "são", "ser", "mais",
    "como", "ao", "à", "aos", "às", "seu", "sua", "seus", "suas", "este",
    "esta", "isso", "isto", "esse", "essa", "num", "numa", "não", "já",
    "também", "mas", "foi", "há", "pode", "podem", "você", "nosso", "nossa",
    "sobre", "entre", "quando", "onde", "qual", "quais", NULL};

static bool in_list(const char *const *list, const char *w)
{
  for (size_t i = 0; list[i] != NULL; i++)
    if (strcmp(list[i], w) == 0)
      return true;
  return false;
}

static void side_init(side *s)
{
  memset(s, 0, sizeof *s);
  tl_map_init(&s->index);
}

static void side_fini(side *s)
{
  for (size_t i = 0; i < s->ng; i++) {
    free(s->g[i].key);
    free(s->g[i].family);
    free(s->g[i].o);
  }
  free(s->g);
  tl_map_fini(&s->index);
}

/* The prose words of side @a in [off, end). */
static size_t words_of(const tl_aside *a, size_t off, size_t end, word **w,
                       size_t *cap)
{
  size_t n = 0;
  tl_buf low;

  tl_buf_init(&low);
  for (size_t i = 0; i < a->nsegs; i++) {
    size_t s, e, k;
    bool joined = false;
    char sep = ' ';
    if (!tl_seg_clip(&a->segs[i], off, end, &s, &e))
      continue;
    for (k = s; k < e;) {
      size_t adv, start = k, letters = 0;
      int32_t cp = tl_utf8_decode(a->doc + k, e - k, &adv);
      if (!tl_cp_is_letter(cp)) {
        if (cp == ' ' || cp == '-') {
          if (cp == '-')
            sep = '-';
        } else {
          joined = false;
        }
        k += adv;
        continue;
      }
      while (k < e) {
        cp = tl_utf8_decode(a->doc + k, e - k, &adv);
        if (!tl_cp_is_letter(cp) && !tl_cp_is_mark(cp) && cp != '\'')
          break;
        letters++;
        k += adv;
      }
      if (k < e && (tl_cp_is_digit(tl_utf8_decode(a->doc + k, e - k, &adv))))
        joined = false; /* part of a version or name: GPT-4 */
      tl_buf_clear(&low);
      tl_utf8_lower(a->doc + start, k - start, &low);
      TL_GROW(*w, *cap, n + 1);
      (*w)[n++] = (word){start, k - start, tl_xstrndup(low.p, low.len),
                         joined && n > 0, sep};
      joined = true;
      sep = ' ';
      (void)letters;
    }
  }
  tl_buf_fini(&low);
  return n;
}

static void free_words(word *w, size_t n)
{
  for (size_t i = 0; i < n; i++)
    free(w[i].low);
}

/* The family key of a target n-gram: each word's first letters, folded
 * (four, or five for a one-word gram), stopwords whole. */
static char *family_key(const word *w, size_t n)
{
  tl_buf k, f;
  char *r;

  tl_buf_init(&k);
  tl_buf_init(&f);
  for (size_t i = 0; i < n; i++) {
    size_t take = n == 1 ? 5 : 4;
    tl_buf_clear(&f);
    tl_utf8_fold(w[i].low, strlen(w[i].low), &f);
    if (i)
      tl_buf_addc(&k, '|');
    tl_buf_add(&k, f.p, f.len < take || in_list(PT_STOP, w[i].low) ? f.len
                                                                    : take);
  }
  r = tl_xstrndup(k.p ? k.p : "", k.len);
  tl_buf_fini(&k);
  tl_buf_fini(&f);
  return r;
}

static bool content(const word *w, bool english)
{
  size_t letters = 0;
  for (const char *p = w->low; *p; p++)
    if (((unsigned char)*p & 0xC0) != 0x80)
      letters++;
  return letters >= 3 && !in_list(english ? EN_STOP : PT_STOP, w->low);
}

/* Add the n-grams of @w (pair @pair) to side @s. */
static void add_grams(side *s, const word *w, size_t n, uint32_t pair,
                      size_t maxn, bool english, uint32_t **list,
                      size_t *nlist, size_t *caplist)
{
  tl_buf key;

  tl_buf_init(&key);
  for (size_t i = 0; i < n; i++) {
    if (!content(&w[i], english))
      continue;
    tl_buf_clear(&key);
    for (size_t len = 1; len <= maxn && i + len <= n; len++) {
      const word *last = &w[i + len - 1];
      tl_map_slot *slot;
      bool created;
      gram *g;
      if (len > 1) {
        if (!last->joined)
          break;
        tl_buf_addc(&key, last->sep);
      }
      tl_buf_adds(&key, last->low);
      if (!content(last, english))
        continue;
      slot = tl_map_put(&s->index, key.p, key.len, (uint32_t)s->ng,
                        &created);
      if (created) {
        TL_GROW(s->g, s->capg, s->ng + 1);
        memset(&s->g[s->ng], 0, sizeof s->g[s->ng]);
        s->g[s->ng].key = tl_xstrndup(key.p, key.len);
        s->g[s->ng].nwords = (uint32_t)len;
        if (!english)
          s->g[s->ng].family = family_key(&w[i], len);
        s->ng++;
      }
      g = &s->g[slot->value];
      if (g->no == 0 || g->o[g->no - 1].pair != pair) {
        g->npairs++;
        if (list != NULL) {
          TL_GROW(*list, *caplist, *nlist + 1);
          (*list)[(*nlist)++] = slot->value;
        }
      }
      TL_GROW(g->o, g->capo, g->no + 1);
      g->o[g->no++] = (occ){pair, w[i].off, last->off + last->len - w[i].off};
    }
  }
  tl_buf_fini(&key);
}

void tl_termpairs_init(tl_termpairs *tp)
{
  memset(tp, 0, sizeof *tp);
}

void tl_termpairs_fini(tl_termpairs *tp)
{
  for (size_t i = 0; i < tp->n; i++) {
    for (size_t j = 0; j < tp->v[i].nr; j++) {
      free(tp->v[i].r[j].surface);
      free(tp->v[i].r[j].occ);
    }
    free(tp->v[i].r);
    free(tp->v[i].term);
  }
  free(tp->v);
  free(tp->src_path);
  tl_termpairs_init(tp);
}

/* The surface of a one-word rendering without a plural ending, for
 * merging "modelo" and "modelos". */
static size_t stem_len(const char *s)
{
  size_t n = strlen(s);
  if (n > 4 && strcmp(s + n - 2, "es") == 0)
    return n - 2;
  if (n > 3 && s[n - 1] == 's')
    return n - 1;
  return n;
}

static tl_tp_rendering *rendering_for(tl_tp_term *t, const gram *g)
{
  for (size_t j = 0; j < t->nr; j++) {
    const char *a = t->r[j].surface;
    if (strcmp(a, g->key) == 0 ||
        (g->nwords == 1 && stem_len(a) == stem_len(g->key) &&
         memcmp(a, g->key, stem_len(a)) == 0))
      return &t->r[j];
  }
  TL_GROW(t->r, t->capr, t->nr + 1);
  memset(&t->r[t->nr], 0, sizeof t->r[t->nr]);
  t->r[t->nr].surface = tl_xstrdup(g->key);
  return &t->r[t->nr++];
}

void tl_termpairs_learn(tl_termpairs *tp, const tl_alignment *al)
{
  side src, tgt;
  word *w = NULL;
  size_t capw = 0, npairs = 0;
  uint32_t **plist = NULL; /* per pair: its target grams */
  size_t *pn = NULL, *pcap = NULL, cappl = 0;
  uint32_t *cnt, *touched = NULL;
  size_t ntouched = 0, captouched = 0;
  bool *mark;

  side_init(&src);
  side_init(&tgt);
  for (size_t k = 0; k < al->nsents; k++) {
    const tl_apair *q = &al->sents[k];
    size_t n;
    if (q->ns == 0 || q->nt == 0)
      continue;
    TL_GROW(plist, cappl, npairs + 1);
    pn = tl_xrealloc(pn, cappl * sizeof *pn);
    pcap = tl_xrealloc(pcap, cappl * sizeof *pcap);
    plist[npairs] = NULL;
    pn[npairs] = pcap[npairs] = 0;
    n = words_of(&al->src, al->src.s[q->s0].off,
                 al->src.s[q->s0 + q->ns - 1].end, &w, &capw);
    add_grams(&src, w, n, (uint32_t)npairs, MAX_SRC_WORDS, true, NULL, NULL,
              NULL);
    free_words(w, n);
    n = words_of(&al->tgt, al->tgt.s[q->t0].off,
                 al->tgt.s[q->t0 + q->nt - 1].end, &w, &capw);
    add_grams(&tgt, w, n, (uint32_t)npairs, MAX_TGT_WORDS, false,
              &plist[npairs], &pn[npairs], &pcap[npairs]);
    free_words(w, n);
    npairs++;
  }
  free(w);
  cnt = tl_xcalloc(tgt.ng + 1, sizeof *cnt);
  mark = tl_xcalloc(npairs + 1, sizeof *mark);
  for (size_t si = 0; si < src.ng; si++) {
    const gram *t = &src.g[si];
    const char *best_family = NULL;
    size_t best_cov = 0, best_words = 0;
    tl_tp_term term;
    if (t->npairs < (t->nwords == 1 ? 3u : 2u))
      continue;
    best_cov = 0;
    /* co-occurrence counts of every target gram with the term */
    ntouched = 0;
    for (size_t o = 0; o < t->no; o++) {
      uint32_t p = t->o[o].pair;
      if (o > 0 && t->o[o - 1].pair == p)
        continue;
      for (size_t j = 0; j < pn[p]; j++) {
        uint32_t gid = plist[p][j];
        if (cnt[gid]++ == 0) {
          TL_GROW(touched, captouched, ntouched + 1);
          touched[ntouched++] = gid;
        }
      }
    }
    /* the family that covers most of the term's sentences */
    for (size_t a = 0; a < ntouched; a++) {
      const gram *g = &tgt.g[touched[a]];
      size_t cov = 0;
      if ((double)cnt[touched[a]] < MIN_PRECISION * g->npairs)
        continue;
      if (best_family != NULL && strcmp(best_family, g->family) == 0)
        continue;
      for (size_t b = 0; b < ntouched; b++) {
        const gram *h = &tgt.g[touched[b]];
        if (strcmp(h->family, g->family) != 0 ||
            (double)cnt[touched[b]] < MIN_PRECISION * h->npairs)
          continue;
        for (size_t o = 0; o < h->no; o++)
          if (!mark[h->o[o].pair]) {
            mark[h->o[o].pair] = true;
            cov++;
          }
      }
      for (size_t b = 0; b < ntouched; b++) {
        const gram *h = &tgt.g[touched[b]];
        for (size_t o = 0; o < h->no; o++)
          mark[h->o[o].pair] = false;
      }
      /* a longer family that covers nearly as much is the term's
       * rendering ("engenharia de prompt", not "engenharia") */
      if ((cov > best_cov && !(g->nwords < best_words &&
                               (double)best_cov >= 0.8 * (double)cov)) ||
          (g->nwords > best_words && (double)cov >= 0.8 * (double)best_cov)) {
        best_cov = cov;
        best_words = g->nwords;
        best_family = g->family;
      }
    }
    if (best_family != NULL && best_cov >= 2 &&
        (double)best_cov >= MIN_COVERAGE * t->npairs) {
      memset(&term, 0, sizeof term);
      term.term = tl_xstrdup(t->key);
      for (size_t a = 0; a < ntouched; a++) {
        const gram *g = &tgt.g[touched[a]];
        tl_tp_rendering *r;
        if (strcmp(g->family, best_family) != 0 ||
            (double)cnt[touched[a]] < MIN_PRECISION * g->npairs)
          continue;
        r = rendering_for(&term, g);
        for (size_t o = 0; o < g->no; o++) {
          /* the term's own occurrence in that pair, for the related
           * location */
          size_t so = 0, sl = 0;
          for (size_t u = 0; u < t->no; u++)
            if (t->o[u].pair == g->o[o].pair) {
              so = t->o[u].off;
              sl = t->o[u].len;
              break;
            }
          if (sl == 0)
            continue;
          TL_GROW(r->occ, r->capocc, r->nocc + 1);
          r->occ[r->nocc++] = (tl_tp_occ){g->o[o].off, g->o[o].len, so, sl, 0, 0};
        }
      }
      TL_GROW(tp->v, tp->cap, tp->n + 1);
      tp->v[tp->n++] = term;
    }
    for (size_t a = 0; a < ntouched; a++)
      cnt[touched[a]] = 0;
  }
  for (size_t p = 0; p < npairs; p++)
    free(plist[p]);
  free(plist);
  free(pn);
  free(pcap);
  free(cnt);
  free(mark);
  free(touched);
  side_fini(&src);
  side_fini(&tgt);
}
