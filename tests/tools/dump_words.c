/* Print the prose words tradlint spell-checks in each file, one per line:
 * "offset<TAB>length<TAB>word". Used by tests/oracle.sh to compare with
 * `hunspell -l` on exactly the text tradlint reads.
 *
 * With --unjudged first, check each file instead (project word lists, no
 * glossary, $TRADLINT_HUNSPELL_DIR) and print the words no dictionary knows
 * that the spelling check left alone, and why:
 * "offset<TAB>length<TAB>reason" (tl_unjudged_reason). */
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

static int unjudged(int argc, char **argv)
{
  tl_options opt;
  tl_linter *l;
  tl_error err;
  char words[4096];
  const char *data = getenv("TRADLINT_DATA_DIR");
  int rc = 0;

  tl_options_init(&opt);
  opt.hunspell_dir = getenv("TRADLINT_HUNSPELL_DIR");
  snprintf(words, sizeof words, "%s/dictionaries", data ? data : ".");
  opt.words_dir = words;
  if (tl_linter_new(&l, &opt, &err) != TL_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 2;
  }
  for (int i = 0; i < argc; i++) {
    tl_result *r;
    if (tl_lint_file(l, argv[i], TL_MARKUP_AUTO, &r, &err) != TL_OK) {
      fprintf(stderr, "%s\n", err.msg);
      rc = 2;
      continue;
    }
    printf("# %s\n", argv[i]);
    for (size_t k = 0; k < tl_result_unjudged_count(r); k++) {
      const tl_unjudged *u = tl_result_unjudged_get(r, k);
      printf("%zu\t%zu\t%d\n", u->offset, u->length, (int)u->reason);
    }
    tl_result_free(r);
  }
  tl_linter_free(l);
  return rc;
}

int main(int argc, char **argv)
{
  int rc = 0;

  if (argc > 1 && strcmp(argv[1], "--unjudged") == 0)
    return unjudged(argc - 2, argv + 2);
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
