/* Messages users read, from one catalogue (po/en.po, compiled in as
 * tl_msg_table by tools/messages.py): the Portuguese text is written in
 * the code and is the key; the English text is looked up.
 *
 *   _("glossário vazio")                    a message
 *   N_("glossário vazio")                   marked in a static table;
 *                                           translated where used, with _()
 *   P_("%zu documento", "%zu documentos", n) a count (plural when n != 1)
 *
 * `make check-messages` fails when a wrapped message lacks its English
 * text (or its conversions differ), and when a module that is not in
 * po/pending.txt has a Portuguese literal outside _(). Only the public
 * header is needed: the command layer includes this file too. */
#ifndef TL_MSG_H
#define TL_MSG_H

#include "tradlint.h"

#define _(pt) tl_msg(pt)
#define N_(pt) (pt)
#define P_(pt, pt_plural, n) tl_msg_n(pt, pt_plural, (unsigned long)(n))

/* One row of the catalogue: sorted by pt (bytes). The plurals are NULL
 * for a message without one. */
typedef struct tl_msg_row {
  const char *pt, *pt_plural, *en, *en_plural;
} tl_msg_row;

extern const tl_msg_row tl_msg_table[];
extern const size_t tl_msg_table_len;

#endif
