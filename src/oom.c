/* Running out of memory: one message and exit status 2, wherever the
 * allocation failed (tradlint, jansson, or Hunspell's C++ operator new). */
#include "buf.h"

#include <dlfcn.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Hunspell is C++: its allocations fail by throwing std::bad_alloc, which
 * no C caller can catch, so the process would abort (134). A new-handler
 * is called by operator new before it throws: ours reports and exits, so
 * no exception ever crosses our C frames. Hunspell and the C++ runtime
 * are opened on first use (lazylib.c), which then calls
 * tl_oom_cxx_loaded: std::set_new_handler is found there by its C++ ABI
 * name (Itanium mangling, what GCC and Clang use on every platform
 * tradlint builds on). A pre-check cannot do this job: how much Hunspell
 * allocates (the dictionary, suggestion searches) is not known in
 * advance. */
typedef void (*new_handler_fn)(void);
typedef new_handler_fn (*set_new_handler_fn)(new_handler_fn);
static bool want_new_handler; /* tl_exit_on_oom was called */

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
  want_new_handler = true;
}

void tl_oom_cxx_loaded(void *handle)
{
  void *sym;
  set_new_handler_fn set;

  if (!want_new_handler ||
      (sym = dlsym(handle, "_ZSt15set_new_handlerPFvvE")) == NULL)
    return;
  memcpy(&set, &sym, sizeof set); /* ISO C: no cast to a function pointer */
  set(on_new_failure);
}
