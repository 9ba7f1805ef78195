#include "token.h"

#include "utf8.h"

#include "map.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void tl_tokens_init(tl_tokens *t)
{
  t->v = NULL;
  t->n = t->cap = 0;
  t->next_sent = 0;
}

void tl_tokens_fini(tl_tokens *t)
{
  free(t->v);
  tl_tokens_init(t);
}

static bool is_hyphen(int32_t cp)
{
  return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static bool is_apostrophe(int32_t cp)
{
  return cp == '\'' || cp == 0x2019;
}

static bool is_alnum(int32_t cp)
{
  return tl_cp_is_letter(cp) || tl_cp_is_digit(cp) || tl_cp_is_mark(cp);
}

/* Abbreviations after which a period does not end a sentence. */
static bool is_abbrev(const char *p, size_t n)
{
  static const char *const list[] = {
      "Dr", "Dra", "Sr", "Sra", "Srta", "Prof", "Profa", "etc", "ex", "p",
      "pp", "vs", "Inc", "Ltd", "Jr", "St", "Co", "Corp", "fig", "Fig",
      "eq", "Eq", "cap", "vol", "n", "nº", "art", "cf", "approx", "aprox",
      "min", "máx", "mín", "seg", "op", "cit", "al", "e.g", "i.e", NULL};

  if (n == 1 || (n == 2 && ((unsigned char)p[0] & 0xC0) == 0xC0))
    return true; /* a single letter: an initial (J. Smith) */
  for (size_t i = 0; list[i] != NULL; i++)
    if (list[i][0] == p[0] && strlen(list[i]) == n &&
        memcmp(list[i], p, n) == 0)
      return true;
  return false;
}

static bool ascii_alnum(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

/* Length of a URL, e-mail address, domain or file name (arquivo.txt,
 * d2l.ai, .yaml) starting at p[0..n), else 0. The run ends at white space
 * or at closing punctuation. */
static bool ends_url(char c)
{
  switch (c) {
  case ' ': case '\t': case '\n': case '\r': case '<': case '>': case '"':
  case '`': case '(': case ')': case '[': case ']': case '*':
    return true;
  default:
    return false;
  }
}

/* Byte classes for the tokenizer's inner loops, one table lookup a byte:
 * ASCII letters and digits (scan_token's run), and what ends a URL's run
 * or may make one (scan_run: a run's first scan). Built from ascii_alnum and
 * ends_url above, so the two cannot disagree. */
enum {
  BC_LOWER = 1, /* a-z */
  BC_UPPER = 2, /* A-Z */
  BC_DIGIT = 4, /* 0-9 */
  BC_URL_END = 8, /* ends_url */
  BC_URL_DOT = 16, /* '.' or ':' */
  BC_OTHER = 32 /* any other byte (UTF-8's included) */
};

static unsigned char byte_class[256];
static pthread_once_t byte_class_once = PTHREAD_ONCE_INIT;

static void byte_class_init(void)
{
  for (unsigned b = 0; b < 256; b++) {
    unsigned k = 0;
    if (b >= 'a' && b <= 'z')
      k |= BC_LOWER;
    else if (b >= 'A' && b <= 'Z')
      k |= BC_UPPER;
    else if (b >= '0' && b <= '9')
      k |= BC_DIGIT;
    if (ends_url((char)b))
      k |= BC_URL_END;
    if (b == '.' || b == ':')
      k |= BC_URL_DOT;
    if (k == 0)
      k = BC_OTHER;
    byte_class[b] = (unsigned char)k;
  }
}

/* A run of non-space characters (up to white space, closing punctuation
 * or @n) starting at p[0]: its length into *run, the byte classes of its
 * bytes after the first ORed into *rest. */
static void scan_run(const char *p, size_t n, size_t *run, unsigned *rest)
{
  size_t e = 1;
  unsigned k, seen = 0;

  if (n == 0 || (byte_class[(unsigned char)p[0]] & BC_URL_END)) {
    *run = 0;
    *rest = 0;
    return;
  }
  while (e < n && !((k = byte_class[(unsigned char)p[e]]) & BC_URL_END)) {
    seen |= k;
    e++;
  }
  *run = e;
  *rest = seen;
}

/* url_len for the run p[0..e) scan_run found, @seen the classes of all its
 * bytes. */
static size_t url_len_run(const char *p, size_t e, unsigned seen)
{
  bool found = false, at = false, dot = false;

  dot = (seen & BC_URL_DOT) != 0;
  if (!dot) /* every form below needs a '.' or a ':' */
    return 0;
  while (e > 0 && strchr(".,;:!?}'", p[e - 1]) != NULL) /* trailing */
    e--;
  if (e < 3)
    return 0;
  if (e > 4 && memcmp(p, "www.", 4) == 0)
    return e;
  if (p[0] == '.' && p[1] >= 'a' && p[1] <= 'z') /* .txt, .yaml */
    found = true;
  for (size_t i = 1; i < e && !found; i++) {
    if (p[i] == ':' && i + 2 < e && p[i + 1] == '/' && p[i + 2] == '/')
      found = true; /* scheme:// */
    else if (p[i] == '@')
      at = true;
    else if (p[i] == '.' && i + 1 < e && ascii_alnum(p[i - 1]) &&
             p[i + 1] >= 'a' && p[i + 1] <= 'z')
      found = true; /* name.ext, domain.tld, user@host.tld */
  }
  (void)at;
  return found ? e : 0;
}

/* Length of a social-media handle or a hashtag starting at p[0..n)
 * ("@sama", "#IAgenerativa", "#Hashtag"): '@' and a letter or digit, or
 * '#' and a letter, up to white space or punctuation other than '_' and '.' inside.
 * Not words: never spell-checked nor judged English. */
static size_t handle_len(const char *p, size_t n)
{
  size_t e = 1;

  if (n < 2 || (p[0] != '@' && p[0] != '#'))
    return 0;
  if (p[0] == '#' && p[1] >= '0' && p[1] <= '9')
    return 0; /* "#3": a number */
  if (!ascii_alnum(p[1]) && ((unsigned char)p[1] < 0xC0))
    return 0;
  while (e < n && (ascii_alnum(p[e]) || p[e] == '_' ||
                   (unsigned char)p[e] >= 0x80 ||
                   (p[e] == '.' && e + 1 < n && ascii_alnum(p[e + 1]))))
    e++;
  return e;
}

/* Length of a Sphinx/d2l role or directive such as ":numref:" (before a
 * backtick) or ":end_tab:" (alone), else 0. */
static size_t role_len(const char *doc, size_t doclen, size_t i)
{
  size_t j = i + 1;

  if (i > 0 && ((doc[i - 1] >= 'a' && doc[i - 1] <= 'z') ||
                (doc[i - 1] >= 'A' && doc[i - 1] <= 'Z') ||
                (doc[i - 1] >= '0' && doc[i - 1] <= '9')))
    return 0;
  while (j < doclen && ((doc[j] >= 'a' && doc[j] <= 'z') || doc[j] == '_' ||
                        (doc[j] >= 'A' && doc[j] <= 'Z') ||
                        (doc[j] >= '0' && doc[j] <= '9')))
    j++;
  if (j == i + 1 || j >= doclen || doc[j] != ':')
    return 0;
  j++;
  if (j >= doclen || doc[j] == '`' || doc[j] == ' ' || doc[j] == '\n' ||
      doc[j] == '\r' || doc[j] == '\t')
    return j - i;
  return 0;
}

typedef struct scan {
  const char *doc;
  size_t doclen;
  tl_tokens *t;
  bool sent_pending; /* next token starts a sentence */
  bool end_seen;     /* sentence-ending punctuation seen, awaiting space */
  size_t last_tok;   /* index of the previous token + 1, or 0 */
} scan;

static void push(scan *sc, size_t off, size_t len, unsigned kind,
                 unsigned flags)
{
  tl_tokens *t = sc->t;

  if (sc->sent_pending) {
    flags |= TL_TF_SENT_START;
    t->next_sent++;
    sc->sent_pending = false;
  }
  if (t->n == t->cap)
    TL_GROW(t->v, t->cap, t->n + 1);
  t->v[t->n] = (tl_token){off, (uint32_t)len, (uint16_t)kind,
                          (uint16_t)flags, t->next_sent - 1};
  t->n++;
  sc->last_tok = t->n;
}

/* A token's flags from the markup of its segment (link text, alt text,
 * emphasis). */
static inline unsigned markup_flags(unsigned segflags)
{
  unsigned flags = 0;

  if (segflags & TL_SEG_LINK)
    flags |= TL_TF_LINK;
  if (segflags & TL_SEG_ALT)
    flags |= TL_TF_ALT;
  if (segflags & TL_SEG_EMPH)
    flags |= TL_TF_EMPH;
  return flags;
}

/* Scan one token starting at doc[i] (a letter, mark or digit). */
static size_t scan_token(scan *sc, size_t i, size_t end, unsigned segflags)
{
  const char *doc = sc->doc;
  size_t j = i, adv;
  bool letter = false, digit = false, first_letter = true;
  bool upper_all = true, lower_any = false, upper_later = false;
  bool upper_any = false;
  unsigned flags = TL_TF_ASCII, nletters = 0;
  int32_t prev = 0;

  while (j < end) {
    unsigned char b = (unsigned char)doc[j];
    unsigned k = byte_class[b] & (BC_LOWER | BC_UPPER | BC_DIGIT);
    int32_t cp;
    if (k != 0 && !first_letter) {
      /* The common case: a run of ASCII letters and digits after the
       * token's first letter, one table lookup a byte. Every letter here
       * is a later one: an upper case one is upper_later, a lower case
       * one clears upper_all, and the token has two letters or more. */
      unsigned acc = 0;
      do {
        acc |= k;
        j++;
      } while (j < end &&
               (k = byte_class[(unsigned char)doc[j]] &
                    (BC_LOWER | BC_UPPER | BC_DIGIT)) != 0);
      if (acc & BC_DIGIT)
        digit = true;
      if (acc & BC_UPPER)
        upper_any = upper_later = true;
      if (acc & BC_LOWER) {
        upper_all = false;
        lower_any = true;
      }
      if (acc & (BC_LOWER | BC_UPPER)) {
        if (nletters < 2)
          nletters = 2; /* only nletters >= 2 is asked below */
        letter = true;
      }
      prev = (unsigned char)doc[j - 1];
      continue;
    }
    if (k == 0 && b < 0x80 && b != '-' && b != '\'' && b != '.' &&
        b != ',')
      break; /* ASCII that cannot join a token: the common end */
    if (k != 0) { /* a digit, or the first letter, inline */
      if (b <= '9') {
        digit = true;
      } else {
        bool up = b <= 'Z';
        upper_any |= up;
        if (first_letter && up)
          flags |= TL_TF_CAP;
        if (!first_letter && up)
          upper_later = true;
        if (!up) {
          upper_all = false;
          lower_any = true;
        }
        first_letter = false;
        nletters++;
        letter = true;
      }
      prev = b;
      j++;
      continue;
    }
    cp = tl_utf8_decode(doc + j, end - j, &adv);
    if (tl_cp_is_letter(cp) || tl_cp_is_mark(cp)) {
      if (tl_cp_is_letter(cp)) {
        bool up = tl_cp_is_upper(cp);
        if (first_letter && up)
          flags |= TL_TF_CAP;
        if (!first_letter && up)
          upper_later = true;
        if (!up)
          upper_all = false;
        if (tl_cp_is_lower(cp))
          lower_any = true;
        first_letter = false;
        nletters++;
      }
      letter = true;
    } else if (tl_cp_is_digit(cp)) {
      digit = true;
    } else {
      size_t adv2 = 0;
      int32_t next = j + adv < end ? tl_utf8_decode(doc + j + adv,
                                                    end - j - adv, &adv2)
                                   : 0;
      bool prev_al = is_alnum(prev);
      if (is_hyphen(cp) && prev_al && is_alnum(next)) {
        flags |= TL_TF_HYPHEN;
      } else if (is_apostrophe(cp) && tl_cp_is_letter(prev) &&
                 tl_cp_is_letter(next)) {
        flags |= TL_TF_APOS;
      } else if ((cp == '.' || cp == ',') && tl_cp_is_digit(prev) &&
                 tl_cp_is_digit(next)) {
        ;
      } else if (tl_cp_is_format(cp) && prev_al && is_alnum(next)) {
        flags |= TL_TF_FORMAT;
      } else {
        break;
      }
    }
    if (cp >= 0x80)
      flags &= ~(unsigned)TL_TF_ASCII;
    prev = cp;
    j += adv;
  }
  if (upper_all && nletters >= 2)
    flags |= TL_TF_ALLCAPS;
  if (upper_later && lower_any)
    flags |= TL_TF_INNERCAP;
  if ((flags & TL_TF_ASCII) && !upper_any)
    flags |= TL_TF_LOWER;
  flags |= markup_flags(segflags);
  push(sc, i, j - i,
       letter && digit ? TL_TOK_MIXED : (letter ? TL_TOK_WORD : TL_TOK_NUMBER),
       flags);
  return j;
}

/* Push the token doc[i..i+len): an ASCII letter of class @first, then
 * ASCII letters and digits of the classes @rest. The flags are scan_token's
 * for the same token (test_case_flags_every_shape compares the two). */
static void push_ascii_word(scan *sc, size_t i, size_t len, unsigned first,
                            unsigned rest, unsigned segflags)
{
  unsigned flags = TL_TF_ASCII;
  bool upper_any = (first | rest) & BC_UPPER;
  bool lower_any = (first | rest) & BC_LOWER;

  if (first & BC_UPPER)
    flags |= TL_TF_CAP;
  if (!lower_any && (rest & (BC_LOWER | BC_UPPER)))
    flags |= TL_TF_ALLCAPS; /* upper case only, two letters or more */
  if ((rest & BC_UPPER) && lower_any)
    flags |= TL_TF_INNERCAP;
  if (!upper_any)
    flags |= TL_TF_LOWER;
  flags |= markup_flags(segflags);
  push(sc, i, len, (rest & BC_DIGIT) ? TL_TOK_MIXED : TL_TOK_WORD, flags);
}

static void scan_segment(scan *sc, const tl_seg *seg)
{
  const char *doc = sc->doc;
  size_t i = seg->off, end = seg->off + seg->len;
  bool run_start = true; /* at the start of a run of non-space characters */

  while (i < end) {
    size_t adv, n;
    int32_t cp = tl_utf8_decode(doc + i, end - i, &adv);

    if (cp == ' ' || tl_cp_is_space(cp) || tl_cp_is_format(cp)) {
      if (sc->end_seen)
        sc->sent_pending = true;
      sc->end_seen = false;
      run_start = true;
      i += adv;
      continue;
    }
    if (run_start) {
      size_t run;
      unsigned rest, first = byte_class[(unsigned char)doc[i]];
      scan_run(doc + i, end - i, &run, &rest);
      if ((first & (BC_LOWER | BC_UPPER)) &&
          !(rest & (BC_URL_DOT | BC_OTHER))) {
        /* The common case: the run is one ASCII word, a letter and then
         * letters and digits up to white space or closing punctuation; no
         * URL nor handle, and scan_token would end it at the run's end:
         * its flags from the classes, without a second scan. */
        if (sc->end_seen)
          sc->sent_pending = true;
        sc->end_seen = false;
        push_ascii_word(sc, i, run, first, rest, seg->flags);
        i += run;
        run_start = false;
        continue;
      }
      if ((n = url_len_run(doc + i, run, first | rest)) > 0 ||
          (n = handle_len(doc + i, end - i)) > 0) {
        i += n;
        run_start = false;
        continue;
      }
    }
    run_start = false;
    if (cp == ':' && (n = role_len(doc, sc->doclen, i)) > 0) {
      i += n;
      continue;
    }
    if (tl_cp_is_letter(cp) || tl_cp_is_digit(cp)) { /* not a lone mark */
      if (sc->end_seen) /* "fim.Começo": no space, still a boundary */
        sc->sent_pending = true;
      sc->end_seen = false;
      i = scan_token(sc, i, end, seg->flags);
      continue;
    }
    if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ';') {
      bool ends = cp != ';';
      if (cp == '.' && sc->last_tok > 0 &&
          sc->t->v[sc->last_tok - 1].off + sc->t->v[sc->last_tok - 1].len ==
              i) {
        const tl_token *pt = &sc->t->v[sc->last_tok - 1];
        if (pt->kind == TL_TOK_WORD && is_abbrev(doc + pt->off, pt->len))
          ends = false;
      }
      if (ends)
        sc->end_seen = true;
    }
    i += adv;
  }
  /* The end of a segment followed by skipped material is not a space. */
}

void tl_tokenize_unit(tl_tokens *t, const char *doc, size_t doclen,
                      const tl_unit *u)
{
  scan sc;

  pthread_once(&byte_class_once, byte_class_init);
  t->n = 0;
  memset(&sc, 0, sizeof sc);
  sc.doc = doc;
  sc.doclen = doclen;
  sc.t = t;
  sc.sent_pending = true; /* a block starts a sentence */
  for (size_t k = 0; k < u->n; k++) {
    if (sc.end_seen) /* segment boundary counts as a space */
      sc.sent_pending = true;
    sc.end_seen = false;
    scan_segment(&sc, &u->segs[k]);
  }
}

void tl_token_key(const char *doc, const tl_token *tok, tl_buf *out)
{
  const char *p = doc + tok->off;
  size_t n = tok->len;

  if (tok->flags & TL_TF_ASCII) {
    tl_buf_add(out, p, n);
    return;
  }
  if ((tok->flags & (TL_TF_FORMAT | TL_TF_APOS | TL_TF_HYPHEN)) == 0) {
    tl_utf8_nfc(p, n, out);
    return;
  }
  tl_buf tmp;
  tl_buf_init(&tmp);
  for (size_t i = 0; i < n;) {
    size_t adv;
    int32_t cp = tl_utf8_decode(p + i, n - i, &adv);
    if (tl_cp_is_format(cp))
      ;
    else if (cp == 0x2019)
      tl_buf_addc(&tmp, '\'');
    else if (cp == 0x2010 || cp == 0x2011)
      tl_buf_addc(&tmp, '-');
    else
      tl_buf_add(&tmp, p + i, adv);
    i += adv;
  }
  tl_utf8_nfc(tmp.p, tmp.len, out);
  tl_buf_fini(&tmp);
}

bool tl_tokens_adjacent_scan(const char *doc, const tl_token *a,
                             const tl_token *b, const char *gap)
{
  if (a->sent != b->sent || b->off <= a->off + a->len)
    return false;
  for (size_t i = a->off + a->len; i < b->off; i++) {
    const char *g = gap;
    while (*g != '\0' && *g != doc[i]) /* strchr, without the call */
      g++;
    if (*g == '\0')
      return false;
  }
  return true;
}

/* tl_in_list's index. The lists are static arrays that live as long as
 * the program and are asked on every token, so each list longer than
 * LIST_SCAN_MAX gets a hash set of its words the first time it is asked,
 * found again by the list's address: a lookup instead of a scan (shorter
 * lists, such as a compound literal of a few words, are scanned and never
 * indexed). A slot is published (its list pointer stored) only once its
 * set is complete; it is never changed or freed after. */
#define LIST_SLOTS 256
#define LIST_SCAN_MAX 8

typedef struct list_slot {
  _Atomic(const char *const *) list;
  tl_map set;
  uint64_t lens;     /* bit min(length, 63) of every listed word */
  uint64_t first[4]; /* bit b: a listed word begins with byte b */
} list_slot;

/* Whether a word of @n bytes beginning with @b may be in @sl's list: two
 * bit tests that spare most words the hash and the probe. */
static bool list_may_have(const list_slot *sl, unsigned char b, size_t n)
{
  return (sl->lens >> (n < 63 ? n : 63) & 1) &&
         (sl->first[b >> 6] >> (b & 63) & 1);
}

static list_slot list_slots[LIST_SLOTS];
static pthread_mutex_t list_lock = PTHREAD_MUTEX_INITIALIZER;

static bool scan_list(const char *const *list, const char *s, size_t n)
{
  for (size_t i = 0; list[i] != NULL; i++) /* the first letter sifts */
    if (list[i][0] == s[0] && strlen(list[i]) == n &&
        memcmp(list[i], s, n) == 0)
      return true;
  return false;
}

/* The published slot of @list when it is indexed already (no lock). */
static const list_slot *list_published(const char *const *list)
{
  size_t h = (size_t)(((uintptr_t)list >> 3) * 0x9E3779B97F4A7C15ULL) %
             LIST_SLOTS;

  for (size_t k = 0; k < LIST_SLOTS; k++) {
    const list_slot *sl = &list_slots[(h + k) % LIST_SLOTS];
    const char *const *l = atomic_load_explicit(&sl->list,
                                                memory_order_acquire);
    if (l == list)
      return sl;
    if (l == NULL)
      break;
  }
  return NULL;
}

/* The published slot of @list, or NULL when the table is full. */
static const list_slot *list_index(const char *const *list)
{
  size_t h = (size_t)(((uintptr_t)list >> 3) * 0x9E3779B97F4A7C15ULL) %
             LIST_SLOTS;
  const list_slot *found = list_published(list);

  if (found != NULL)
    return found;
  pthread_mutex_lock(&list_lock);
  for (size_t k = 0; k < LIST_SLOTS && found == NULL; k++) {
    list_slot *sl = &list_slots[(h + k) % LIST_SLOTS];
    const char *const *l = atomic_load_explicit(&sl->list,
                                                memory_order_relaxed);
    if (l == list) {
      found = sl;
    } else if (l == NULL) { /* index it here */
      tl_map_init(&sl->set);
      sl->lens = 0;
      memset(sl->first, 0, sizeof sl->first);
      for (size_t i = 0; list[i] != NULL; i++) {
        size_t n = strlen(list[i]);
        unsigned char b = (unsigned char)list[i][0];
        tl_map_put(&sl->set, list[i], n, 1, NULL);
        sl->lens |= (uint64_t)1 << (n < 63 ? n : 63);
        sl->first[b >> 6] |= (uint64_t)1 << (b & 63);
      }
      atomic_store_explicit(&sl->list, list, memory_order_release);
      found = sl;
    }
  }
  pthread_mutex_unlock(&list_lock);
  return found;
}

bool tl_in_list(const char *const *list, const char *s, size_t n)
{
  const list_slot *sl;
  size_t len = 0;

  if (n == 0)
    return false;
  /* an indexed list first: most asks, and no need to count its words */
  if ((sl = list_published(list)) != NULL)
    return list_may_have(sl, (unsigned char)s[0], n) &&
           tl_map_find(&sl->set, s, n) != NULL;
  while (len <= LIST_SCAN_MAX && list[len] != NULL)
    len++;
  if (len <= LIST_SCAN_MAX || (sl = list_index(list)) == NULL)
    return scan_list(list, s, n);
  return list_may_have(sl, (unsigned char)s[0], n) &&
         tl_map_find(&sl->set, s, n) != NULL;
}

const char *tl_token_lower(const char *doc, const tl_token *tok, tl_buf *buf,
                           size_t *n)
{
  if (tok->flags & TL_TF_LOWER) {
    *n = tok->len;
    return doc + tok->off;
  }
  tl_buf_clear(buf);
  tl_utf8_lower(doc + tok->off, tok->len, buf);
  *n = buf->len;
  return buf->p;
}

/* Longest token lowered on the stack by tl_token_in_list; longer ones go
 * through a heap buffer (no listed word is that long). */
#define LOWER_STACK 48

bool tl_token_in_list(const char *doc, const tl_token *tok,
                      const char *const *list)
{
  const char *p = doc + tok->off;
  char small[LOWER_STACK];
  tl_buf low;
  bool in;

  if (tok->kind != TL_TOK_WORD)
    return false;
  if (tok->flags & TL_TF_LOWER)
    return tl_in_list(list, p, tok->len);
  if ((tok->flags & TL_TF_ASCII) && tok->len <= LOWER_STACK) {
    for (size_t i = 0; i < tok->len; i++)
      small[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
    return tl_in_list(list, small, tok->len);
  }
  tl_buf_init(&low);
  tl_utf8_lower(p, tok->len, &low);
  in = tl_in_list(list, low.p, low.len);
  tl_buf_fini(&low);
  return in;
}
