/* Running out of memory: one message and exit status 2, wherever the
 * allocation failed (tradlint, jansson, or Hunspell's C++ operator new). */
#include "buf.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Hunspell is C++: its allocations fail by throwing std::bad_alloc, which
 * no C caller can catch, so the process would abort (134). A new-handler
 * is called by operator new before it throws: ours reports and exits, so
 * no exception ever crosses our C frames. It is set through the C++ ABI's
 * name for std::set_new_handler (Itanium mangling, what GCC and Clang use
 * on every platform tradlint builds on), which spares the project a C++
 * translation unit for one call. A pre-check cannot do this job: how much
 * Hunspell allocates (the dictionary, suggestion searches) is not known
 * in advance. */
typedef void (*new_handler_fn)(void);
new_handler_fn tl_cxx_set_new_handler(new_handler_fn handler)
    __asm__("_ZSt15set_new_handlerPFvvE");

static void on_new_failure(void)
{
  tl_oom(0);
}

static void *json_alloc(size_t n)
{
  return tl_xmalloc(n);
}

void tl_exit_on_oom(void)
{
  tl_oom_set_exit(true);
  json_set_alloc_funcs(json_alloc, free);
  tl_cxx_set_new_handler(on_new_failure);
}
