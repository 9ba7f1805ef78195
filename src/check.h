/* The context every check sees, and the checks' entry points. A check reads
 * the tokens of one block at a time and appends findings; at the end of the
 * document it may append findings that needed the whole document. Checks do
 * not call each other. */
#ifndef TL_CHECK_H
#define TL_CHECK_H

#include "diag.h"
#include "gloss.h"
#include "map.h"
#include "spell.h"
#include "token.h"

/* Blocks of more tokens than this are no prose anybody edits (a 5 MB line):
 * the phrase checks (derived, English, near misses) leave them alone. */
#define TL_PHRASE_MAX_TOKENS 20000

typedef struct tl_pending {
  size_t off;
  uint32_t len;
} tl_pending;

typedef struct tl_usage {
  size_t off, len;
  uint32_t concept, form;
  uint8_t title; /* a common term written in title case inside a sentence */
  uint8_t prose; /* in running prose, where title case is not the norm */
  uint8_t marked; /* an English term set in italics: marked as foreign */
  uint8_t number; /* its complement after a preposition in the other number
                     than the form's ("engenharia de prompts") */
  uint8_t other_sense; /* a one-word synonym in another of its senses
                          ("aquela aula" beside "nesta lição"): set and
                          read by consistency.document only */
} tl_usage;

enum tl_word_lang { TL_WORD_NEUTRAL = 0, TL_WORD_PT, TL_WORD_EN };

/* A word's language (prose.c). */
typedef struct tl_wordlang {
  uint8_t lang;    /* enum tl_word_lang */
  bool function;   /* an English function word */
  bool en_known;   /* en_US knows it (even if pt_BR or the glossary does) */
  bool en_pending; /* Portuguese, en_US not asked yet */
  bool pt_known;   /* pt_BR knows its key (tl_token_key): spelling.unknown
                      need not ask again; false when not asked */
  uint8_t en_first; /* in ASCII, and a glossary term's English may begin
                       with it (tl_nearmiss_en_first): terminology.english
                       looks for a term there, of at most this many words
                       (255: any number); 0 none */
  bool european;   /* tl_european_word of it lowered (tl_token_lower) */
} tl_wordlang;

/* What the checks ask of one spelling of a word, asked once for the
 * linter's lifetime (tl_wordtab): the word-class bits of prose.c and the
 * answers other checks fill in on first need (TL_WI_*). */
typedef struct tl_wordinfo {
  uint32_t cls;    /* prose.c's word-class bits (classify_bits) */
  uint16_t flags;  /* TL_WI_*: which answers are in, and what they are */
  int8_t dsuffix;  /* consistency.derived: its key's suffix, -1 none */
  uint32_t dstem;  /* consistency.derived: the stem's length in its key */
  uint32_t gkey;   /* where its glossary keys lie in the linter's match key
                      cache (tl_gloss_match_keyed), UINT32_MAX not yet */
  uint16_t lasked, lin; /* word lists (enum tl_wlist): asked; in it */
  uint32_t low, nlow; /* its lower case in the table's lows (a word not
                         in lower case already; else 0, 0) */
  uint32_t codedoc; /* the document (tl_ctx.wdoc) that introduced it as
                       the name of software (prose.c's codenames) */
} tl_wordinfo;

/* The word lists whose membership a word's entry keeps (tl_ctx_in_list):
 * each id stands for one list of one check, always asked the same way. */
enum tl_wlist {
  TL_WL_BOUND_PREFIX = 0, /* orthography: "auto", "multi" (as written) */
  TL_WL_COPULA,           /* agreement: "é", "são" (lower-cased) */
  TL_WL_DEGREE,           /* agreement: "muito", "bem" (lower-cased) */
  TL_WL_EVALUATIVE,       /* agreement: "ótimo" (lower-cased) */
  TL_WL_OF,               /* agreement: "de", "do" (lower-cased) */
  TL_WL_CODE_CUE,         /* prose.c: "biblioteca", "pacote" (lower-cased) */
  TL_WL_CONNECTOR,        /* prose.c: title runs' "de", "of" (lower-cased) */
  TL_WL_TITLE_CUE,        /* prose.c: "CEO", "pesquisadora" (lower-cased) */
  TL_WL_NOUN_BEFORE,      /* orthography: "na", "uma" (lower-cased) */
  TL_WL_PLURAL_BEFORE,    /* orthography: "os", "as" (lower-cased) */
  TL_WL_EN_FUNCTION,      /* terminology.english: "the", "of" (lower-cased) */
  TL_WL_GENDER_DET,       /* agreement of nouns: "uma", "do" (lower-cased) */
  TL_WL_COUNT
};

enum {
  TL_WI_NM_ASKED = 1u << 0,  /* TL_WI_NM_FIRST is in */
  TL_WI_NM_FIRST = 1u << 1,  /* a near miss may open with its glossary key */
  TL_WI_CQ_ASKED = 1u << 2,  /* TL_WI_CQ_OPENS is in (the built filter) */
  TL_WI_CQ_OPENS = 1u << 3,  /* a calque may open with its glossary key */
  TL_WI_DV_ASKED = 1u << 4,  /* dsuffix, dstem, TL_WI_DV_FUNCTION are in */
  TL_WI_DV_FUNCTION = 1u << 5, /* consistency.derived's function word */
  TL_WI_RD_ASKED = 1u << 6,    /* TL_WI_RD_LISTED is in */
  TL_WI_RD_LISTED = 1u << 7,   /* untranslated: an English word of
                                  dictionaries/renderings.tsv */
  TL_WI_SP_ASKED = 1u << 8,    /* TL_WI_SP_SKIP is in */
  TL_WI_SP_SKIP = 1u << 9,     /* spelling: pt_BR knows its key, or it is a
                                  Roman numeral */
  TL_WI_CP_ASKED = 1u << 10,   /* TL_WI_CP_YES is in */
  TL_WI_CP_YES = 1u << 11,     /* spelling: a prefixed word or a regular
                                  form of a known one (a compound) */
  TL_WI_KN_ASKED = 1u << 12,   /* TL_WI_KN_YES is in */
  TL_WI_KN_YES = 1u << 13,     /* orthography: pt_BR knows it as written */
  TL_WI_EN_ASKED = 1u << 14,   /* TL_WI_EN_YES is in */
  TL_WI_EN_YES = 1u << 15      /* spelling: en_US knows its key */
};

/* The linter's words: spelling (the token's bytes) -> index into v. */
typedef struct tl_wordtab {
  tl_map map;
  tl_wordinfo *v;
  size_t n, cap;
  tl_buf lows; /* the entries' lower cases (tl_wordinfo.low) */
  uint32_t docs; /* documents begun with the table (tl_ctx.wdoc) */
} tl_wordtab;

void tl_wordtab_init(tl_wordtab *w);
void tl_wordtab_fini(tl_wordtab *w);

/* A name the document taught (prose.c): first occurrence, evidence. */
typedef struct tl_docname {
  size_t off;
  uint32_t len;
  uint32_t count;  /* occurrences seen */
  size_t last;     /* offset of the last one counted */
  uint16_t midcap; /* capitalised inside a sentence, in running prose */
  uint8_t evidence; /* TL_NAME_* */
  uint8_t en;       /* 0 not asked, 1 not English, 2 English name, 3 an
                       English common word */
} tl_docname;

/* An English word left in a Portuguese sentence whose finding waits for
 * the end of the document (it may turn out to be a name). */
typedef struct tl_pending_en {
  size_t off;
  uint32_t len;
  uint8_t sev;
  const char *sugg; /* static, glossary-owned or list-owned; may be NULL */
} tl_pending_en;

typedef struct tl_proper tl_proper;

/* A literal translation of a name, waiting for the end of the document. */
typedef struct tl_calque_hit {
  size_t off, len;
  uint32_t concept;
  unsigned flags;
} tl_calque_hit;

/* A phrase with a derived word, waiting for the end of the document. */
typedef struct tl_derived_hit {
  size_t off;      /* the phrase */
  uint32_t len;
  uint32_t word;   /* its derived word, at off + word */
  uint32_t group;  /* the phrase with that word cut to its stem */
  uint8_t suffix;
} tl_derived_hit; /* 24 bytes: a long document holds millions */

/* An English glossary term, or an acronym, waiting for the end of the
 * document (consistency.english, consistency.acronym). */
typedef struct tl_english_hit {
  size_t off, len;
  uint32_t concept;
  uint8_t gloss; /* beside its translation in parentheses, or a mention */
} tl_english_hit;

/* A rendering recorded for the archive beside the glossary usages: an
 * English term used as a common noun (check_english.c), a heading or a
 * link text (structure.c). Strings live in the result's arena. */
typedef struct tl_xusage {
  const char *concept, *rendering, *surface;
  uint8_t kind; /* tl_form_kind or TL_RENDERING_* (store.h) */
  size_t off;
} tl_xusage;

/* A heading that may be a derived phrase, judged at the end (structure.c). */
typedef struct tl_heading_span {
  size_t off, len;
  unsigned level;
} tl_heading_span;

/* A term the document introduces as its own for a glossary concept
 * (termintro.c), waiting for its later uses. */
typedef struct tl_intro {
  uint32_t concept;
  const char *key, *text; /* word key; as written, lower case (arena) */
  size_t off, len, block_end;
  unsigned uses; /* in later blocks */
} tl_intro;

/* A phrase "W de X" with X a glossary concept (frame.c): W the concept k
 * (a glossary match), or a word no form covers (k UINT32_MAX). */
typedef struct tl_frame {
  uint32_t x, k;
  size_t off, len; /* W */
} tl_frame;

/* Code of the document (markup.h's tl_code_fn), for terminology.identifier. */
typedef struct tl_code_seg {
  size_t off, len;
  bool inline_span;
} tl_code_seg;

/* A name (an acronym, a camel-case or version-bearing name) after a
 * singular article of a gender, waiting for the end of the document
 * (check_article.c): "o ResNet", "a ResNet". */
typedef struct tl_named {
  size_t art, off;        /* the article; the name */
  uint32_t artlen, len;
  uint8_t gender;         /* 'm' or 'f' */
  uint8_t cap;            /* the article is capitalised */
  const char *other;      /* the article of the other gender (static) */
} tl_named;

typedef struct tl_ctx {
  const char *doc;
  size_t len;
  tl_result *res;
  tl_spell *spell;
  tl_spell *spell_en; /* en_US, to tell English terms; may be NULL */
  long *sugg_budget;
  long *slow_budget;
  int sugg_per_word;
  tl_buf key;
  /* the current block's glossary word keys (tl_gloss_token_keys), worked
   * out once for all the checks that read them (tl_ctx_token_keys) */
  bool tkeys_ok;
  const tl_matches *tkeys_from; /* the block's glossary match, whose keys
                                   serve, or NULL */
  tl_buf tkeys;
  size_t *tkoffs;
  size_t captkoffs;
  tl_status st; /* first failure (a dictionary that will not load) */
  tl_error *err;
  /* prose.c: the current block's word languages and roles, and the names
   * the document has taught */
  tl_wordlang *lang;
  uint16_t *role;
  size_t caprole;
  tl_map docnames; /* key -> index + 1 into names */
  tl_map codenames; /* lower-case software names the document introduced
                       ("a biblioteca openai"), as written */
  tl_docname *names;
  size_t nnames, capnames;
  tl_proper *proper;        /* en_US proper nouns; may be NULL */
  const struct tl_renderings *renderings; /* dictionaries/renderings.tsv */
  /* untranslated: sentence-initial English words judged at the end, and
   * the share of English sentences (an English document) */
  tl_pending_en *upending;
  size_t nupending, capupending;
  size_t sentences, en_sentences;
  /* spelling: sentence-initial unknown words to judge at the end */
  tl_map sugg_seen; /* words given (or denied) suggestions in this file */
  tl_wordtab *wordclass; /* the linter's words (one entry a spelling), or
                            NULL */
  /* the current block's tokens' entries in *wordclass (tl_prose_block):
   * wi[k] for token k of wi_toks, UINT32_MAX for no entry */
  uint32_t *wi;
  size_t capwi, nwi;
  uint32_t *wkey; /* scratch: the block's tokens' gkey (lint.c) */
  size_t capwkey;
  const tl_token *wi_toks;
  uint32_t wdoc; /* this document's number in *wordclass (from 1), or 0 */
  tl_map *verdicts;  /* the linter's own cache of pt_BR verdicts (no lock) */
  tl_pending *pending;
  size_t npending, cappending;
  const struct tl_ptpt *ptpt; /* the pt-PT list, or NULL */
  const struct tl_calques *calques; /* derived name calques, or NULL */
  struct tl_calque_filter *calque_filter; /* the linter's, or NULL */
  tl_calque_hit *chits;
  size_t nchits, capchits;
  tl_map derived; /* phrase groups of consistency.derived */
  tl_derived_hit *dhits;
  size_t ndhits, capdhits;
  tl_english_hit *ehits, *ahits; /* English terms; acronyms */
  size_t nehits, capehits, nahits, capahits;
  tl_xusage *xusage; /* renderings for the archive only (tl_xusage) */
  size_t nxusage, capxusage;
  tl_heading_span *heads; /* headings waiting for the derived phrases */
  size_t nheads, capheads;
  tl_intro *intro; /* terms the document introduced (termintro.c) */
  size_t nintro, capintro;
  tl_frame *frames; /* "W de X" phrases (frame.c) */
  size_t nframes, capframes;
  tl_code_seg *code; /* inline code spans and code block lines */
  size_t ncode, capcode;
  /* glossary (may be NULL) and the renderings this document used */
  const tl_gloss *gloss;
  /* its word translations (wordtr.h), built on first use by
   * tl_ctx_wordtr: in *wordtr_slot (the linter's, kept for its life) or,
   * when NULL, in own_wordtr (this context's) */
  struct tl_wordtr **wordtr_slot;
  struct tl_wordtr *own_wordtr;
  tl_usage *usage;
  size_t nusage, capusage;
  /* forbidden forms and abbreviations the document uses: not judged as
   * renderings inside it, but recorded in the archive with their kind
   * (tl_check_consistency_end appends them to @usage) */
  tl_usage *aside;
  size_t naside, capaside;
  /* source mode: the term pairs learned from the document (owned) */
  struct tl_termpairs *learned;
  /* the archive's house usage (house.h), or NULL; whether the document is
   * counted in it already (recorded before) */
  const struct tl_house *house;
  bool house_self;
  /* number: the decimals the document writes inside names (GPT-4.1,
   * Llama-3.1), so that "a versão 4.1 mini" elsewhere is a version too;
   * collected on first need */
  tl_map name_numbers;
  bool name_numbers_done;
  /* agreement: names asked whether the document calls them a model, with
   * the answer (1 no, 2 yes), so that the document is read once per name */
  tl_map model_names;
  /* agreement.article: feminine names asked whether the document writes
   * them with an article somewhere (1 no, 2 yes) */
  tl_map article_names;
  /* terminology.variant: words asked whether the document writes them
   * (1 no, 2 yes): "o3" beside "O3" */
  tl_map doc_words;
  /* names after an article, for one gender per name (tl_check_article_end) */
  tl_named *named;
  size_t nnamed, capnamed;
} tl_ctx;

void tl_ctx_init(tl_ctx *c, tl_result *res, tl_spell *spell);
void tl_ctx_fini(tl_ctx *c);

/* The word translations of c->gloss (tl_wordtr_init), made the first time
 * and kept where c->wordtr_slot says: a per-document check asks for them
 * instead of indexing the whole glossary again. */
const struct tl_wordtr *tl_ctx_wordtr(tl_ctx *c);
/* Start a new block: its token keys are not worked out yet. */
void tl_ctx_new_block(tl_ctx *c);
/* The glossary word keys of the block's tokens @t, worked out on the first
 * call of the block: token i's key is (*keys)[offs[i] .. offs[i + 1]).
 * Borrowed until the next block. */
const size_t *tl_ctx_token_keys(tl_ctx *c, const tl_tokens *t,
                                const char **keys);

/* Token @k's entry in the linter's words (tl_wordinfo), or NULL when it has
 * none (no word, no table, or @t is not the block tl_prose_block saw).
 * Borrowed until the next block. */
static inline tl_wordinfo *tl_ctx_word(const tl_ctx *c, const tl_tokens *t,
                                       size_t k)
{
  if (t->v != c->wi_toks || k >= c->nwi || c->wi[k] == UINT32_MAX)
    return NULL;
  return &c->wordclass->v[c->wi[k]];
}

/* Whether token @k of block @t is in @list: tl_in_list of its bytes as
 * written (@lower false) or tl_token_in_list (@lower true). The answer is
 * kept in the word's entry under @id (enum tl_wlist), which must always
 * name the same list asked the same way. */
bool tl_ctx_in_list_ask(const tl_ctx *c, const tl_tokens *t, size_t k,
                        unsigned id, const char *const *list, bool lower);
static inline bool tl_ctx_in_list(const tl_ctx *c, const tl_tokens *t,
                                  size_t k, unsigned id,
                                  const char *const *list, bool lower)
{
  const tl_wordinfo *w = tl_ctx_word(c, t, k);

  if (w != NULL && (w->lasked & (1u << id)))
    return (w->lin & (1u << id)) != 0;
  return tl_ctx_in_list_ask(c, t, k, id, list, lower);
}

/* Whether pt_BR knows word token @k of block @t as written; the answer is
 * kept in the word's entry (TL_WI_KN_*). */
bool tl_ctx_known_as_written(tl_ctx *c, const tl_tokens *t, size_t k);

/* spelling.unknown (error), spelling.name (info) */
void tl_check_spelling(tl_ctx *c, const tl_unit *u, const tl_tokens *t);
void tl_check_spelling_end(tl_ctx *c);

/* terminology.identifier (warning): record a piece of the document's code;
 * at the end, flag inline code that translates an identifier of the code
 * (check_identifier.c). */
void tl_check_identifier_code(tl_ctx *c, size_t off, size_t len,
                              bool inline_span);
void tl_check_identifier_end(tl_ctx *c);

/* terminology.forbidden (error, fix), terminology.variant (warning, fix) */
void tl_check_terminology(tl_ctx *c, const tl_tokens *t, const tl_matches *m);
/* agreement.gender (warning, fix): article or contraction before a name */
void tl_check_agreement(tl_ctx *c, const tl_tokens *t, const tl_matches *m);
/* agreement.article (warning, fix): a feminine company name without its
 * article at the start of a sentence of prose, where the document writes
 * it with one elsewhere (check_article.c); and the names after an article
 * that tl_check_article_end judges. @m may be NULL (no glossary). */
void tl_check_article(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                      const tl_matches *m);
/* agreement.gender (warning, fix) for a common noun whose ending tells
 * its gender, after a determiner of the other ("uma salto", "um tradução";
 * check_noungender.c): token @k of @t and the word before it. Called from
 * tl_check_orthography's walk over word pairs. */
void tl_check_noun_gender(tl_ctx *c, const tl_tokens *t, size_t k);
/* tl_check_noun_gender's cheapest tests, inline at the pair loop (about
 * 136,000 pairs on 1 MB, most fail here): a lower-case word of a judged
 * ending (-o, -e, -a, with an s for a plural) right after a short word, one
 * space before it, in the same sentence. */
static inline bool tl_noun_gender_may(const char *doc, const tl_tokens *t,
                                      size_t k)
{
  const tl_token *prev = &t->v[k - 1], *tok = &t->v[k];
  const char *w = doc + tok->off;
  char last;

  if (tok->len < 4 || tok->len > 48 ||
      (tok->flags & (TL_TF_CAP | TL_TF_HYPHEN | TL_TF_APOS)) || prev->len > 8 ||
      prev->kind != TL_TOK_WORD ||
      (prev->flags & (TL_TF_ALLCAPS | TL_TF_INNERCAP)))
    return false;
  last = w[tok->len - 1] == 's' ? w[tok->len - 2] : w[tok->len - 1];
  if (last != 'o' && last != 'e' && last != 'a')
    return false; /* -o(s); -ção, -ões, -são; -dade(s), -tude(s); -ência(s) */
  return prev->sent == tok->sent && tok->off == prev->off + prev->len + 1 &&
         doc[prev->off + prev->len] == ' ';
}
/* agreement.gender (warning, fix) at the end of the document: a name the
 * glossary gives no gender, written after articles of both genders ("o
 * ResNet" four times, "a ResNet" once): the fewer are reported. @m of the
 * blocks may be NULL (no glossary). */
void tl_check_article_end(tl_ctx *c);
/* consistency.document (warning): one concept rendered two ways */
void tl_check_consistency(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                          const tl_matches *m);
void tl_check_consistency_end(tl_ctx *c);

/* untranslated.passage (error; info for quoted titles), untranslated.word
 * (warning when tradlint knows what to write instead, else info):
 * English left in the text. @m may be NULL. */
void tl_check_untranslated(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                           const tl_matches *m);
/* The English words that waited for the document's names; whether the
 * whole document is English (untranslated.document). */
void tl_check_untranslated_end(tl_ctx *c);
/* Whether the document is English prose rather than a translation. */
bool tl_check_untranslated_is_english(const tl_ctx *c);
/* repetition.word (warning, fix), repetition.coordination (warning) */
void tl_check_repetition(tl_ctx *c, const tl_tokens *t);
/* number.decimal, number.thousands, number.currency (warning, fix) */
void tl_check_number(tl_ctx *c, const tl_tokens *t);
/* terminology.calque (error): a literal translation of a glossary name */
void tl_check_calque(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                     const tl_matches *m);
void tl_check_calque_end(tl_ctx *c);
/* consistency.derived (warning): one phrase with two derivations of a
 * word ("aprendizado"/"aprendizagem"); @m (glossary matches, may be NULL)
 * covers phrases left to consistency.document. */
void tl_check_derived(tl_ctx *c, const tl_tokens *t, const tl_matches *m);
void tl_check_derived_end(tl_ctx *c);

/* Glosses that pair a glossary concept's English term with a Portuguese
 * rendering none of its forms is ("polarização (*bias*)", "função de
 * ativação retificada (*ReLU*)" for a common term): the archive records
 * each as a rendering of the concept (kind variant), for corpus report
 * only; no check judges it. Names (case exact) are left out. @fn: the
 * concept, the Portuguese side in lower case, its offset. */
typedef void (*tl_learned_fn)(void *ud, uint32_t concept, const char *pt,
                              size_t off);
void tl_learned_glossary(tl_ctx *c, tl_learned_fn fn, void *ud);

/* Discovered concepts: the archive remembers the document's derived
 * phrases (tl_derived_record: into the corpus surfaces, key TL_DERIVED_MARK
 * + group, surface the phrase in lower case), and `corpus report` lists a
 * group written with two compatible suffixes (tl_derived_compatible) as a
 * discovered concept. tl_derived_groups: the groups of a phrase as written
 * (2 or 3 words: a rendering of the report, an editor's rejection), each
 * NUL-terminated in @groups, their suffixes in @suffixes; how many. */
#define TL_DERIVED_MARK '~'
/* The mark of a learned pair's rejection key (corpus reject TERM=RENDERING). */
#define TL_PAIR_MARK '='
void tl_derived_record(const tl_ctx *c, tl_map *surfaces);
bool tl_derived_compatible(int a, int b);
size_t tl_derived_groups(const char *p, size_t len, tl_buf *groups,
                         int *suffixes, size_t max);
/* doc[off..off+len) as a phrase: emphasis and code marks out, one space
 * between words, NFC; appended to @out, in lower case when @lower. */
void tl_phrase_text(const char *doc, size_t off, size_t len, bool lower,
                    tl_buf *out);
/* The group of derived phrase group index @idx (c->derived), or NULL. */
const char *tl_derived_group(const tl_ctx *c, uint32_t idx);
/* A discovered concept's name: @group with the derived word's family mark
 * out and a '*' after its stem ("objetiv de aprendiz*"), into @out
 * (cleared first; NUL-terminated). */
void tl_derived_name(const char *group, tl_buf *out);

/* Structural renderings for the corpus memory (structure.c): a heading
 * whose whole text is one concept's rendering, recorded as concept
 * "## ID" with rendering "## Text"; a link text, recorded as a rendering
 * of its destination (concept "[…] host/path", rendering "[text]"). Into
 * c->xusage; the end adds the headings that are derived phrases and drops
 * destinations the document gives two texts. */
void tl_structure_block(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                        const tl_matches *m);
void tl_structure_end(tl_ctx *c);

/* Terms a document introduces as its own for a glossary concept ("usamos
 * o termo *fabricação* ... chamado de *alucinações*"): recorded as
 * renderings of the concept (kind variant, into c->xusage) when a later
 * paragraph writes the term again (termintro.c). */
void tl_termintro_block(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                        const tl_matches *m);
void tl_termintro_end(tl_ctx *c);

/* Literal translations in a shared frame (frame.c): a document that
 * writes "K de X" (K, X glossary concepts: "frameworks de deep learning")
 * and "W de X" where W is a dictionary translation of K's English term
 * ("estrutura de deep learning") renders K as W: recorded as a rendering
 * of K (kind variant, into c->xusage). */
void tl_frame_block(tl_ctx *c, const tl_tokens *t, const tl_matches *m);
void tl_frame_end(tl_ctx *c);

/* consistency.english (warning): a concept's English term beside its
 * Portuguese rendering; consistency.acronym (warning): its English and
 * Portuguese acronyms in one document. The end runs after
 * tl_check_consistency_end (it reads the usages sorted by concept). */
void tl_check_english(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                      const tl_matches *m);
void tl_check_english_end(tl_ctx *c);
/* terminology.nearmiss (warning): a glossary term with one word swapped
 * for another translation of the same English word */
void tl_check_nearmiss(tl_ctx *c, const tl_tokens *t, const tl_matches *m);
/* terminology.reordered (error; warning when only connectors differ): the
 * words of a glossary term in another order or joined by other
 * prepositions, right before the concept's acronym ("Recuperação de Geração
 * Aumentada (RAG)"). */
void tl_check_reordered(tl_ctx *c, const tl_tokens *t, const tl_matches *m);
/* spelling.european (warning, fix): European Portuguese in a pt-BR text */
void tl_check_european(tl_ctx *c, const tl_tokens *t);
/* Whether pt_PT.european may have something to say at a word lowered to
 * @low[0..n) ("mil", a form of "estar", a word of the pt-PT list): kept
 * in the word's class (tl_wordlang.european) so that the check passes the
 * others by without lowering them and asking its lists again. */
bool tl_european_word(const tl_ctx *c, const char *low, size_t n);

/* The English source of a translation (source mode). */
typedef struct tl_source {
  const char *path; /* as given: the related location of findings */
  const char *data; /* the document, borrowed */
  size_t len, start; /* start: after a BOM */
  bool markdown;
  bool parallel; /* blocks pair one to one when both sides have as many
                    (XLIFF units) */
} tl_source;

/* source.* (category source): the target (the context's document, prose
 * from @tgt_start) aligned with @src; numbers, names, code, URLs, glossary
 * terms, untranslated segments, omissions and additions. Passages the
 * plain checks found untranslated whose source has the same words become
 * source.untranslated. @m: glossary matching scratch. */
void tl_check_source(tl_ctx *c, const tl_source *src, size_t tgt_start,
                     bool markdown, tl_matches *m);

/* Term pairs a document taught (source mode's alignment, its glosses),
 * recorded for it once the corpus checks have read the archive. */
typedef struct tl_pair_rows {
  struct tl_store_pair *v; /* strings borrowed from the context */
  size_t n, cap;
} tl_pair_rows;

/* source.consistency against the archive: the document's learned term
 * pairs (c->learned) compared with the renderings other documents gave the
 * same source terms; its multi-word terms' pairs are added to @rows. */
tl_status tl_check_source_corpus(tl_ctx *c, struct tl_corpus *corpus,
                                 const char *relpath, tl_pair_rows *rows,
                                 tl_error *err);

/* The rendering most documents of the archive give a term: the first row
 * tl_store_pairs reports (a tl_store_rendering_fn; @ud: a tl_archive_top
 * zeroed first), with its documents' paths joined ("a.md, b.md, ...").
 * The caller frees rendering and paths. */
typedef struct tl_archive_top {
  char *rendering, *paths;
  unsigned docs;
  /* learned pairs: rows an editor rejected (tl_pair_rejected) skipped */
  const tl_map *rejected;
  const char *term;
} tl_archive_top;
/* Whether an editor rejected the pair (@term, @rendering): @rejected holds
 * the memory's rejection keys (TL_PAIR_MARK + term + 0x1f + rendering,
 * both in lower case). */
bool tl_pair_rejected(const tl_map *rejected, const char *term,
                      const char *rendering);
/* The rejection key of a pair into @key. */
void tl_pair_key(const char *term, const char *rendering, tl_buf *key);
void tl_archive_top_row(void *ud, const char *r, int kind, unsigned docs,
                        unsigned uses, const char *const *paths, size_t np);

/* consistency.learned (warning): one English term glossed two ways in the
 * document ("rótulo (label)", later "etiqueta (label)"), for terms no
 * glossary concept holds. After the document's blocks. */
void tl_check_learned_end(tl_ctx *c);
/* consistency.learned against the archive: a term the document glosses
 * that two or more other documents gloss another way; the document's
 * gloss pairs are added to @rows. */
tl_status tl_check_learned_corpus(tl_ctx *c, struct tl_corpus *corpus,
                                  const char *relpath, tl_pair_rows *rows,
                                  tl_error *err);

/* Free what tl_ctx.learned holds; NULL is allowed. */
void tl_learned_free(struct tl_termpairs *tp);

/* spelling.hyphen (error, fix), spelling.case (warning, fix): 1990
 * orthography that Hunspell reads part by part */
void tl_check_orthography(tl_ctx *c, const tl_unit *u, const tl_tokens *t);

/* spelling.space (warning, fix): a space before a punctuation mark
 * ("ajustes .", "nada ,assim"), segment by segment of block @u; spelling.case
 * (warning, fix): a sentence that begins in lower case after a period
 * ("o modelo. usamos") */
void tl_check_punctuation(tl_ctx *c, const tl_unit *u, const tl_tokens *t);

#endif
