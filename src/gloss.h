/* The glossary of AI terms: loading with strict validation, and matching
 * of its renderings in a block's tokens (inflection-, case- and
 * spacing-aware, longest match first, cost independent of its size). */
#ifndef TL_GLOSS_H
#define TL_GLOSS_H

#include "map.h"
#include "spell.h"
#include "token.h"

typedef enum tl_form_kind {
  TL_FORM_PREFERRED = 0,
  TL_FORM_ABBREV,
  TL_FORM_ADMITTED,
  TL_FORM_FORBIDDEN
} tl_form_kind;

typedef struct tl_concept {
  const char *id, *preferred, *note, *file;
  const char *source; /* provenance of the pair (column "source"), or NULL */
  const char *en; /* the English source term(s) as written, or NULL */
  unsigned line;
  char gender; /* 'm', 'f' or 0 */
  bool exact;  /* case "exact" */
} tl_concept;

typedef struct tl_form {
  uint32_t concept;
  uint8_t kind;   /* tl_form_kind */
  bool exact;     /* matched with its exact case (names, acronyms) */
  const char *text;   /* NFC */
  const char *shape;  /* separators between its words: ' ' or '-' */
  const char *letters; /* folded, separators removed: "pretreinamento" */
} tl_form;

typedef struct tl_gloss_entry {
  uint32_t form, next; /* next: index + 1 of the next entry of the node */
  uint8_t path;        /* PATH_* in gloss.c */
} tl_gloss_entry;

/* An edge of the glossary's trie of word keys: (parent node, key) -> child,
 * in an open-addressing table (gloss.c). */
typedef struct tl_edge {
  uint64_t kh;       /* hash of the key (tl_hash) */
  const char *key;   /* the key, in g->strs; NULL: free slot */
  uint32_t klen, parent, child;
} tl_edge;

/* Kept between runs by gloss_cache.c: a field added here is added there. */
typedef struct tl_gloss {
  tl_concept *c;
  size_t nc, capc;
  tl_form *f;
  size_t nf, capf;
  struct tl_edge *edges; /* (parent node, key) -> child: open addressing */
  size_t nedges, capedges;
  uint32_t *first;  /* node -> index + 1 of its first entry, 0: none */
  size_t nnodes, capnodes;
  tl_gloss_entry *ent;
  size_t nent, capent;
  tl_map ids;      /* id -> concept */
  tl_map claims;   /* folded rendering -> concept + 1 */
  tl_map en;       /* English term key (tl_gloss_en_key) -> concept + 1 */
  unsigned en_words; /* words of the longest English term */
  size_t nfiles;
  size_t counts[4]; /* forms by kind */
  tl_arena strs;
  /* indexes built on first use from the fields above (never cached) */
  struct tl_gloss_lazy *lazy;
  /* the cache file read (gloss_cache.c) in which the strings and keys of
   * the glossary, its calques and its words lie, or NULL; freed last */
  struct tl_cache_image *image;
} tl_gloss;

/* A forbidden two-word "noun adjective" form whose concept's preferred
 * rendering opens with the same noun ("dados barulhentos" beside "dados
 * ruidosos"): said of its noun by a copula, the adjective is wrong too
 * (terminology.forbidden, check_terms.c). */
typedef struct tl_pred_form {
  uint32_t form;
  const char *noun; /* the noun's word key (tl_gloss_word_key) */
  size_t nlen;
} tl_pred_form;

tl_gloss *tl_gloss_new(void);
void tl_gloss_free(tl_gloss *g);

/* Load a glossary file, or every *.tsv of a folder (in name order). Errors
 * name file:line:column and the fix. */
tl_status tl_gloss_load(tl_gloss *g, const char *path, tl_error *err);

/* Load one glossary file held in memory (@name in messages). */
tl_status tl_gloss_load_buffer(tl_gloss *g, const char *name,
                               const char *data, size_t len, tl_error *err);

/* Append the lookup key of the English term p[0..n): "a:" and the folded
 * words for common terms (@exact false), "x:" and the words as written for
 * names; hyphens and runs of spaces become one space ("fine-tuning" and
 * "Fine tuning" give "a:fine tuning"). */
void tl_gloss_en_key(const char *p, size_t n, bool exact, tl_buf *out);

/* Append to @out the key a common (any-case) glossary word gets: folded,
 * plural and gender endings removed ("modelos", "modela" -> "model"). */
void tl_gloss_word_key(const char *w, size_t n, tl_buf *out);

/* The word keys (tl_gloss_word_key) of every token of @t into @keys:
 * token i's key is keys->p[offs[i] .. offs[i + 1]); @offs holds t->n + 1
 * entries. */
void tl_gloss_token_keys(const char *doc, const tl_tokens *t, tl_buf *keys,
                         size_t *offs);

/* tl_gloss_en_key of the ASCII text p[0..n) appended to @out, and the
 * keys of its prefixes: at[k] is where the key of p[0..cut[k]) ends in
 * @out (@cut ascending, each at most @n): one pass for the keys of every
 * run of words that opens a span. */
void tl_gloss_en_key_cuts(const char *p, size_t n, bool exact,
                          const size_t *cut, size_t ncut, tl_buf *out,
                          size_t *at);

/* The concept whose English term has the key key[0..n) (tl_gloss_en_key),
 * or -1. */
long tl_gloss_find_en_key(const tl_gloss *g, const char *key, size_t n);

/* The concept whose English term is p[0..n) (exact for names, folded for
 * common terms), or -1. */
long tl_gloss_find_en(const tl_gloss *g, const char *p, size_t n);

/* The preferred rendering of an English source term p[0..n) of the
 * glossary, or NULL when the glossary has none or accepts the English term
 * itself ("dataset") or it is the preferred form but for case. */
const char *tl_gloss_rendering(const tl_gloss *g, const char *p, size_t n);

/* The gender ('m', 'f') of the noun at the head of an institution's name:
 * the Portuguese first word ("Instituto Alan Turing": o instituto) or the
 * Portuguese translation of the English last word ("Technology Innovation
 * Institute": o instituto; "Linux Foundation": a fundação); 0 for a name
 * of one word or another head. An article that agrees with it is right. */
char tl_gloss_head_gender(const char *name);

/* The glossary name (an exact-case form of one ASCII word of 6 letters or
 * more, no digits, not a forbidden form) that the capitalised word
 * p[0..n) misspells by one edit after the same first letter: a letter
 * added, dropped, changed, or two letters swapped ("Nividia" for Nvidia,
 * "Anthorpic" for Anthropic); NULL when there is none. The name is
 * borrowed from @g. */
const char *tl_gloss_name_typo(const tl_gloss *g, const char *p, size_t n);

/* The predicative forms (tl_pred_form) whose adjective has the word key
 * key[0..n), in form order; *count of them (0: NULL). Built on the first
 * call, safe from several threads; borrowed from @g. */
const tl_pred_form *tl_gloss_pred_forms(const tl_gloss *g, const char *key,
                                        size_t n, size_t *count);

/* The forms of concept @ci (indexes into g->f, in form order); *count of
 * them (0: NULL). Built on the first call, safe from several threads;
 * borrowed from @g. */
const uint32_t *tl_gloss_concept_forms(const tl_gloss *g, uint32_t ci,
                                       size_t *count);

/* The trie root's bit set (the filter tl_gloss_match asks before the edge
 * table), filled by a reader of the compiled glossary while it decodes the
 * edges instead of built by a scan of the edge table on first use: begin
 * with the number of edges (any, at least the root's), add the hash of
 * every key of the root, end before @g is shared between threads. */
void tl_gloss_root_begin(tl_gloss *g, size_t nedges);
void tl_gloss_root_add(tl_gloss *g, uint64_t kh);
void tl_gloss_root_end(tl_gloss *g);

/* Whether @g has any predicative form: a filter before the copula scan. */
bool tl_gloss_has_pred_forms(const tl_gloss *g);

/* Call @fn for every word of every accepted rendering (for spelling). */
void tl_gloss_words(const tl_gloss *g, void (*fn)(void *, const char *, size_t),
                    void *ud);

enum tl_match_how {
  TL_MATCH_EXACT = 0, /* the rendering as written (inflected for any-case) */
  TL_MATCH_VARIANT    /* a casing or spacing variant of it */
};

typedef struct tl_match {
  size_t off, len;   /* the surface in the document */
  uint32_t form, concept;
  uint32_t tok_first, tok_last; /* token indices in the block */
  uint8_t how;                  /* enum tl_match_how */
  bool same_letters;            /* surface = form but for case/spacing */
} tl_match;

typedef struct tl_piece tl_piece;

typedef struct tl_matches {
  tl_match *v;
  size_t n, cap;
  /* scratch of tl_gloss_match */
  tl_piece *pieces;
  size_t npieces, cappieces;
  tl_buf keys, tmp; /* keys: every distinct word's keys, kept */
  tl_map keycache;  /* word -> offset of its keys in @keys */
  uint64_t root_of; /* the glossary (its serial) whose trie roots the
                       kept keys carry: the first matched; 0: none yet */
} tl_matches;

void tl_matches_init(tl_matches *m);
void tl_matches_fini(tl_matches *m);

/* tl_gloss_token_keys, taking the key of a word that is one piece of
 * tl_gloss_match (no hyphen) from the keys the match made for it (@m: the
 * match of these very tokens) instead of folding the word again. */
void tl_gloss_token_keys_matched(const tl_matches *m, const char *doc,
                                 const tl_tokens *t, tl_buf *keys,
                                 size_t *offs);

/* The first match of @m overlapping bytes [off, end), or NULL: a binary
 * search (matches are in document order and do not overlap). */
const tl_match *tl_matches_overlap(const tl_matches *m, size_t off,
                                   size_t end);

/* The match of @m whose tokens include token @k, or NULL (binary search). */
const tl_match *tl_matches_at_token(const tl_matches *m, size_t k);

/* Replace @out with the glossary matches in the tokens of one block of
 * @doc. @spell tells ordinary Portuguese words from names ("meta"). */
void tl_gloss_match(const tl_gloss *g, tl_spell *spell, const char *doc,
                    const tl_tokens *t, tl_matches *out);
/* tl_gloss_match, with each token's keys known to the caller: @keyat[k]
 * (one per token) is where token k's keys lie in @out's key cache, or
 * UINT32_MAX when not known yet; for a token that is one piece (no hyphen)
 * it is then filled in. The offsets serve only calls with the same @out;
 * @keyat may be NULL. */
void tl_gloss_match_keyed(const tl_gloss *g, tl_spell *spell, const char *doc,
                          const tl_tokens *t, tl_matches *out,
                          uint32_t *keyat);

#endif
