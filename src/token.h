/* Tokens: words, numbers and versions of a block of prose, as spans into
 * the original document (no copies), with sentence numbers. */
#ifndef TL_TOKEN_H
#define TL_TOKEN_H

#include "markup.h"

#include <stdint.h>

enum tl_tok_kind {
  TL_TOK_WORD = 0, /* letters only, with inner hyphens or apostrophes */
  TL_TOK_NUMBER,   /* digits, with inner '.' or ',' (86,4  1.000  3.2) */
  TL_TOK_MIXED     /* letters and digits: GPT-4o, o3, R1, v1.2, 3D */
};

enum tl_tok_flags {
  TL_TF_CAP = 1u << 0,        /* first letter upper-case */
  TL_TF_ALLCAPS = 1u << 1,    /* two or more letters, all upper-case */
  TL_TF_INNERCAP = 1u << 2,   /* an upper-case letter after the first */
  TL_TF_SENT_START = 1u << 3, /* first token of a sentence */
  TL_TF_HYPHEN = 1u << 4,     /* has an inner hyphen */
  TL_TF_APOS = 1u << 5,       /* has an inner apostrophe */
  TL_TF_ASCII = 1u << 6,      /* ASCII only */
  TL_TF_FORMAT = 1u << 7,     /* has an inner format character (U+200B) */
  TL_TF_LINK = 1u << 8,       /* inside link text */
  TL_TF_ALT = 1u << 9,        /* inside image alt text */
  TL_TF_EMPH = 1u << 10,      /* inside emphasis */
  TL_TF_LOWER = 1u << 11      /* ASCII without an upper-case letter: its
                                 bytes are its own lower-case form and key */
};

typedef struct tl_token {
  size_t off;      /* byte offset in the document */
  uint32_t len;    /* byte length */
  uint16_t kind;   /* enum tl_tok_kind */
  uint16_t flags;  /* enum tl_tok_flags */
  uint32_t sent;   /* sentence number in the document, from 0 */
} tl_token;

typedef struct tl_tokens {
  tl_token *v;
  size_t n, cap;
  uint32_t next_sent; /* sentence counter, kept across blocks */
} tl_tokens;

void tl_tokens_init(tl_tokens *t);
void tl_tokens_fini(tl_tokens *t);

/* Replace the contents of @t with the tokens of block @u of @doc. URLs,
 * e-mail addresses and d2l/Sphinx roles (":numref:`x`") are skipped. */
void tl_tokenize_unit(tl_tokens *t, const char *doc, size_t doclen,
                      const tl_unit *u);

/* Append to @out the lookup key of a word token: NFC, format characters
 * removed, typographic apostrophes and hyphens made ASCII. */
void tl_token_key(const char *doc, const tl_token *tok, tl_buf *out);

/* Whether tokens @a and @b (in this order) read as one phrase: the same
 * sentence, and only bytes of @gap between them (" \t\r\n*_-": spaces,
 * emphasis marks, a hyphen). The common case, one space between them when
 * @gap opens with a space, is answered inline (about 190,000 pairs on
 * 1 MB); tl_tokens_adjacent_scan reads the gap byte by byte. */
bool tl_tokens_adjacent_scan(const char *doc, const tl_token *a,
                             const tl_token *b, const char *gap);
static inline bool tl_tokens_adjacent(const char *doc, const tl_token *a,
                                      const tl_token *b, const char *gap)
{
  if (gap[0] == ' ' && a->sent == b->sent &&
      b->off == a->off + a->len + 1 && doc[a->off + a->len] == ' ')
    return true;
  return tl_tokens_adjacent_scan(doc, a, b, gap);
}

/* Whether s[0..n) is one of the NULL-terminated @list (a word list of a
 * check: cues, connectors, scale words). A list of more than 8 words must
 * be a static array that never changes: it is indexed by its address the
 * first time it is asked. */
bool tl_in_list(const char *const *list, const char *s, size_t n);
/* The lower-cased text of token @tok, *n bytes: the document's own bytes
 * when the token is in lower case already (TL_TF_LOWER; not
 * NUL-terminated), else its text lowered into @buf (cleared first).
 * Borrowed until @buf changes. */
const char *tl_token_lower(const char *doc, const tl_token *tok, tl_buf *buf,
                           size_t *n);
/* Whether word token @tok, lower-cased, is one of @list. */
bool tl_token_in_list(const char *doc, const tl_token *tok,
                      const char *const *list);

#endif
