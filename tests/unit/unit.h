/* Common includes for the cmocka unit tests. */
#ifndef TL_UNIT_H
#define TL_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tradlint.h"

/* The system dictionaries, or $TRADLINT_HUNSPELL_DIR. */
static inline const char *unit_hunspell_dir(void)
{
  const char *d = getenv("TRADLINT_HUNSPELL_DIR");
  return d != NULL && d[0] != '\0' ? d : "/usr/share/hunspell";
}

/* The project's dictionaries/ folder (tests run from the repository root). */
#define UNIT_WORDS_DIR "dictionaries"

#endif
