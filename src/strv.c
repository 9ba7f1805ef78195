/* tl_strv: a growable list of owned strings, with checked growth. */
#include "buf.h"

#include <stdlib.h>

void tl_strv_push_take(tl_strv *sv, char *s)
{
  TL_GROW(sv->v, sv->cap, sv->n + 2); /* room for s and the NULL after it */
  sv->v[sv->n++] = s;
  sv->v[sv->n] = NULL;
}

void tl_strv_push(tl_strv *sv, const char *s)
{
  tl_strv_push_take(sv, tl_xstrdup(s));
}

void tl_strv_fini(tl_strv *sv)
{
  for (size_t i = 0; i < sv->n; i++)
    free(sv->v[i]);
  free(sv->v);
  sv->v = NULL;
  sv->n = sv->cap = 0;
}
