/* Print the prose words tradlint spell-checks in each file, one per line:
 * "offset<TAB>length<TAB>word". Used by tests/oracle.sh to compare with
 * `hunspell -l` on exactly the text tradlint reads. */
#include "input.h"
#include "markup.h"
#include "token.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct dump {
  const char *doc;
  size_t len;
  tl_tokens toks;
} dump;

static void on_unit(void *ud, const tl_unit *u)
{
  dump *d = ud;

  tl_tokenize_unit(&d->toks, d->doc, d->len, u);
  for (size_t i = 0; i < d->toks.n; i++) {
    const tl_token *t = &d->toks.v[i];
    if (t->kind == TL_TOK_WORD)
      printf("%zu\t%u\t%.*s\n", t->off, t->len, (int)t->len, d->doc + t->off);
  }
}

int main(int argc, char **argv)
{
  int rc = 0;

  for (int i = 1; i < argc; i++) {
    char *data;
    size_t len, start;
    size_t n = strlen(argv[i]);
    tl_error err;
    dump d;

    if (tl_input_read(argv[i], 0, &data, &len, NULL, &err) != TL_OK ||
        tl_input_check(argv[i], data, len, &start, &err) != TL_OK) {
      fprintf(stderr, "%s\n", err.msg);
      rc = 2;
      continue;
    }
    printf("# %s\n", argv[i]);
    d.doc = data;
    d.len = len;
    tl_tokens_init(&d.toks);
    tl_markup_parse(data, len, start, !(n > 4 && !strcmp(argv[i] + n - 4, ".txt")),
                    on_unit, &d, NULL);
    tl_tokens_fini(&d.toks);
    free(data);
  }
  return rc;
}
