/* English -> Portuguese word translations (Debian's FreeDict eng-por, turned
 * into a sorted table at build time by tools/freedict_table.py): the data
 * for deriving literal translations of names ("Hugging Face" -> "Rosto
 * Abraçado", "Copilot" -> "Copiloto"). */
#ifndef TL_BILINGUAL_H
#define TL_BILINGUAL_H

#include <stddef.h>
#include <stdint.h>

/* Part-of-speech bits of an entry (FreeDict's tags; 0: untagged). */
enum {
  TL_BILINGUAL_NOUN = 1,
  TL_BILINGUAL_ADJ = 2,
  TL_BILINGUAL_VERB = 4,
  TL_BILINGUAL_ADV = 8
};

/* Strings are offsets into tl_bilingual_strs, not pointers: the tables
 * then need no relocation when the program is loaded (as pointers, 45,000
 * relocations and 490 KB of pages written by every run, even --version). */
typedef struct tl_bilingual {
  uint32_t en;     /* lower-case headword, NFC ("face", "a few"): its
                      offset in tl_bilingual_strs (tl_bilingual_en) */
  uint32_t first;  /* index of its first translation in tl_bilingual_tr */
  uint8_t ntr;     /* translations, first sense first (1 to 8) */
  uint8_t pos;     /* TL_BILINGUAL_* bits */
} tl_bilingual;

/* The generated table (build/gen/bilingual_table.c), sorted by bytes. */
extern const tl_bilingual tl_bilingual_table[];
extern const size_t tl_bilingual_table_len;
extern const uint32_t tl_bilingual_tr[]; /* offsets in tl_bilingual_strs */
extern const char tl_bilingual_strs[];    /* NUL-terminated strings */

/* The headword of entry @e ("face"): static storage, NFC. */
static inline const char *tl_bilingual_en(const tl_bilingual *e)
{
  return tl_bilingual_strs + e->en;
}

/* The entry of the English word or phrase @word (@len bytes, any ASCII
 * case: "Face", "FACE"), or NULL. Static storage: never freed. */
const tl_bilingual *tl_bilingual_lookup(const char *word, size_t len);

/* As tl_bilingual_lookup, else the entry of an English base form of an
 * inflected word: plural ("faces", "boxes", "stories"), -ing ("hugging",
 * "making") or -ed ("stabled", "copied"). @lemma (if not NULL, @cap bytes)
 * receives the headword found, NUL-terminated. NULL when none is known. */
const tl_bilingual *tl_bilingual_lookup_inflected(const char *word, size_t len,
                                                  char *lemma, size_t cap);

/* Translation @i (0 <= i < e->ntr) of entry @e: static storage, NFC. */
const char *tl_bilingual_translation(const tl_bilingual *e, size_t i);

#endif
