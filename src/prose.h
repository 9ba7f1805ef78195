/* What the words of a block are, beyond their spelling, computed once per
 * block before the checks read it:
 *   - each word's language (Portuguese, English, neutral), cached per
 *     spelling for the linter's lifetime;
 *   - its role: a name (learned in the document: capitalised inside a
 *     sentence, in a run of capitalised words, a speaker label "Nome
 *     Sobrenome:", after a title such as CEO or pesquisadora, link text that
 *     spells its site), a title run ("The Guardian", "AI Action Summit"),
 *     language mentioned rather than used (a quoted example, a term
 *     introduced by "chamado de", a quotation in another language), a
 *     parenthetical gloss and the term it explains, a code identifier;
 *   - the document's names and its (term, gloss) pairs, kept in the result.
 * Checks read roles; they do not call each other. */
#ifndef TL_PROSE_H
#define TL_PROSE_H

#include "check.h"

enum tl_role {
  TL_ROLE_NAME = 1u << 0,    /* a name here (see tl_prose_is_name) */
  TL_ROLE_TITLE = 1u << 1,   /* in a run of capitalised words in prose */
  TL_ROLE_LABEL = 1u << 2,   /* a speaker label: "Sam Altman:" */
  TL_ROLE_MENTION = 1u << 3, /* language mentioned, not used */
  TL_ROLE_GLOSS = 1u << 4,   /* inside a parenthetical gloss */
  TL_ROLE_GLOSSED = 1u << 5, /* the term a gloss right after it explains */
  TL_ROLE_CODE = 1u << 6,    /* an identifier or directive name */
  TL_ROLE_FOREIGN = 1u << 7, /* in a quotation in another language */
  TL_ROLE_QUOTED = 1u << 8,  /* inside quotation marks */
  TL_ROLE_CODENAME = 1u << 9, /* a lower-case name after "biblioteca" ... */
  TL_ROLE_EXPLAINED = 1u << 10, /* an English term a Portuguese gloss right
                                   after it explains: not a rendering */
  TL_ROLE_LINKNAME = 1u << 11   /* link text that spells its address: the
                                   name of the site or page */
};

/* Roles that make a word no candidate for spelling or untranslated
 * findings. */
#define TL_ROLE_EXEMPT                                                      \
  (TL_ROLE_NAME | TL_ROLE_TITLE | TL_ROLE_LABEL | TL_ROLE_MENTION |        \
   TL_ROLE_GLOSS | TL_ROLE_CODE | TL_ROLE_CODENAME)

/* Annotate block @u (tokens @t; glossary matches @m, may be NULL): fill
 * c->lang and c->role for every token, learn names, record glosses. */
void tl_prose_block(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                    const tl_matches *m);

/* Whether the word with key @key (NFC) is a name the document has taught
 * so far (or the archive has). */
bool tl_prose_is_name(tl_ctx *c, const char *key, size_t n);

/* Copy the document's learned names into the result (at its end). */
void tl_prose_finish(tl_ctx *c);

/* Give each token of block @t its entry in c->wordclass (one lookup a
 * token; a new spelling is classified): c->wi, read with tl_ctx_word. Done
 * once a block (tl_prose_block calls it if the caller has not). */
void tl_prose_entries(tl_ctx *c, const tl_tokens *t);

/* A word's language (cached per spelling in c->wordclass). */
void tl_word_lang(tl_ctx *c, const tl_token *tok, tl_wordlang *w);
/* Ask en_US whether a Portuguese word is English too ("data", "real"):
 * then it is neutral. */
void tl_word_lang_resolve(tl_ctx *c, const tl_token *tok, tl_wordlang *w);

/* Whether pt_BR (with the project's lists and the glossary) knows the word
 * whose key is in c->key; negative on a dictionary failure (c->st set). */
int tl_prose_known_pt(tl_ctx *c);

/* Whether the lower-cased @s is an English function word. */
bool tl_is_en_function(const char *s, size_t n);

#endif
