#include "wordtr.h"

#include "bilingual.h"
#include "utf8.h"

#include <string.h>

void tl_wordtr_init(tl_wordtr *w, const tl_gloss *g)
{
  tl_buf key;

  w->g = g;
  tl_map_init(&w->single);
  tl_buf_init(&key);
  for (size_t i = 0; g != NULL && i < g->nc; i++) {
    const tl_concept *c = &g->c[i];
    const char *p = c->en;
    if (c->exact || p == NULL || strchr(c->preferred, ' ') != NULL)
      continue;
    /* every one-word English term of the row: "variance", "bias" */
    while (*p) {
      const char *e = strchr(p, '|');
      size_t n = e ? (size_t)(e - p) : strlen(p);
      if (n > 0 && memchr(p, ' ', n) == NULL && memchr(p, '-', n) == NULL) {
        bool created;
        tl_buf_clear(&key);
        tl_utf8_fold(p, n, &key);
        tl_map_put(&w->single, key.p, key.len, (uint32_t)i + 1, &created);
      }
      p += n + (e != NULL);
    }
  }
  tl_buf_fini(&key);
}

void tl_wordtr_fini(tl_wordtr *w)
{
  tl_map_fini(&w->single);
}

/* Add @s[0..n) to @out unless there already or out of room. */
static bool add(tl_buf *out, size_t start, size_t *count, size_t max,
                const char *s, size_t n)
{
  tl_buf low;
  size_t i = start;

  if (*count >= max || n == 0 || memchr(s, ' ', n) != NULL)
    return false;
  tl_buf_init(&low);
  tl_utf8_lower(s, n, &low);
  while (i < out->len) {
    size_t k = strlen(out->p + i);
    if (k == low.len && memcmp(out->p + i, low.p, k) == 0) {
      tl_buf_fini(&low);
      return false;
    }
    i += k + 1;
  }
  tl_buf_add(out, low.p, low.len);
  tl_buf_addc(out, '\0');
  (*count)++;
  tl_buf_fini(&low);
  return true;
}

static bool ends(const char *p, size_t n, const char *suf)
{
  size_t k = strlen(suf);
  return n > k && memcmp(p + n - k, suf, k) == 0;
}

/* A Portuguese infinitive (-ar, -er, -ir) of at least four letters. */
static bool infinitive(const char *p, size_t n)
{
  return n >= 4 && p[n - 1] == 'r' &&
         (p[n - 2] == 'a' || p[n - 2] == 'e' || p[n - 2] == 'i');
}

/* English -> Portuguese suffix rules for cognates. */
static const struct rule {
  const char *en, *pt;
} SUFFIXES[] = {{"ity", "idade"}, {"tion", "ção"}, {"sion", "são"},
                {"ical", "ico"},  {"ic", "ico"},    {"ous", "oso"},
                {"ive", "ivo"},   {"ism", "ismo"},  {"ist", "ista"},
                {"ent", "ente"},  {"ant", "ante"},  {"ary", "ário"},
                {"ory", "ório"},  {"ot", "oto"},    {"ge", "go"},
                {NULL, NULL}};

/* Cognates of the lower-case ASCII word @w: suffix rules, "th" -> "t",
 * "ph" -> "f", "y" -> "i", initial "ll" -> "lh". */
static void cognates(const char *w, size_t n, tl_buf *out, size_t start,
                     size_t *count, size_t max)
{
  tl_buf s;

  tl_buf_init(&s);
  for (size_t r = 0; SUFFIXES[r].en != NULL; r++) {
    size_t k = strlen(SUFFIXES[r].en);
    if (!ends(w, n, SUFFIXES[r].en) || n - k < 3)
      continue;
    tl_buf_clear(&s);
    for (size_t i = 0; i < n - k; i++) {
      if (w[i] == 't' && i + 1 < n - k && w[i + 1] == 'h') {
        tl_buf_addc(&s, 't'); /* th -> t */
        i++;
        continue;
      }
      if (w[i] == 'p' && i + 1 < n - k && w[i + 1] == 'h') {
        tl_buf_addc(&s, 'f');
        i++;
        continue;
      }
      tl_buf_addc(&s, w[i] == 'y' ? 'i' : w[i]);
    }
    tl_buf_adds(&s, SUFFIXES[r].pt);
    add(out, start, count, max, s.p, s.len);
    break;
  }
  if (n > 3 && w[0] == 'l' && w[1] == 'l') {
    tl_buf_clear(&s);
    tl_buf_adds(&s, "lh");
    tl_buf_add(&s, w + 2, n - 2);
    add(out, start, count, max, s.p, s.len);
  }
  tl_buf_fini(&s);
}

/* The translations of entry @e into @out; @form: 0 the word itself, 'g' an
 * -ing form (infinitives become gerunds and participles), 'd' an -ed form
 * (participles). */
static void from_table(const tl_bilingual *e, char form, unsigned flags,
                       tl_buf *out, size_t start, size_t *count, size_t max)
{
  tl_buf s;

  if (e == NULL)
    return;
  if ((flags & TL_WORDTR_NOUN_ADJ) && form == 0 &&
      e->pos == TL_BILINGUAL_VERB)
    return;
  tl_buf_init(&s);
  for (size_t i = 0; i < e->ntr; i++) {
    const char *t = tl_bilingual_translation(e, i);
    size_t n = strlen(t);
    if (strchr(t, ' ') != NULL || tl_utf8_has_upper(t, n))
      continue; /* a phrase, or a proper noun ("Amazonas") */
    if (!infinitive(t, n)) {
      if (form == 0)
        add(out, start, count, max, t, n);
      continue;
    }
    if (form == 0 && (flags & TL_WORDTR_NOUN_ADJ))
      continue; /* "face" -> "encarar": a verb sense */
    if (form == 0) {
      add(out, start, count, max, t, n);
      continue;
    }
    if (form == 'g') { /* abraçar -> abraçando */
      tl_buf_clear(&s);
      tl_buf_add(&s, t, n - 2);
      tl_buf_adds(&s, t[n - 2] == 'a' ? "ando"
                                      : (t[n - 2] == 'e' ? "endo" : "indo"));
      add(out, start, count, max, s.p, s.len);
    }
    tl_buf_clear(&s); /* abraçar -> abraçado */
    tl_buf_add(&s, t, n - 2);
    tl_buf_adds(&s, t[n - 2] == 'a' ? "ado" : "ido");
    add(out, start, count, max, s.p, s.len);
  }
  tl_buf_fini(&s);
}

size_t tl_wordtr_get(const tl_wordtr *w, const char *en, size_t n,
                     unsigned flags, tl_buf *out, size_t max)
{
  size_t start = out->len, count = 0;
  char lemma[64], low[64];
  const tl_bilingual *e;
  tl_map_slot *s;
  tl_buf key;

  if (n == 0 || n >= sizeof low)
    return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)en[i];
    if (ch >= 0x80)
      return 0; /* English words are ASCII */
    low[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  }
  low[n] = '\0';
  /* the glossary first: the house's own rendering */
  tl_buf_init(&key);
  tl_utf8_fold(low, n, &key);
  s = tl_map_find(&w->single, key.p, key.len);
  tl_buf_fini(&key);
  if (s != NULL) {
    const char *pref = w->g->c[s->value - 1].preferred;
    add(out, start, &count, max, pref, strlen(pref));
  }
  e = tl_bilingual_lookup(low, n);
  if (e != NULL) {
    from_table(e, 0, flags, out, start, &count, max);
  } else {
    e = tl_bilingual_lookup_inflected(low, n, lemma, sizeof lemma);
    if (e != NULL)
      from_table(e,
                 ends(low, n, "ing") ? 'g' : (ends(low, n, "ed") ? 'd' : 0),
                 flags, out, start, &count, max);
  }
  cognates(low, n, out, start, &count, max);
  /* a prefix: co-pilot -> co + piloto */
  if (n > 5 && low[0] == 'c' && low[1] == 'o') {
    tl_buf sub;
    size_t k;
    const char *p;
    tl_buf_init(&sub);
    k = tl_wordtr_get(w, low + 2, n - 2, flags, &sub, 4);
    p = sub.p;
    for (size_t i = 0; i < k; i++, p += strlen(p) + 1) {
      tl_buf joined;
      tl_buf_init(&joined);
      tl_buf_adds(&joined, "co");
      tl_buf_adds(&joined, p);
      add(out, start, &count, max, joined.p, joined.len);
      tl_buf_fini(&joined);
    }
    tl_buf_fini(&sub);
  }
  return count;
}
