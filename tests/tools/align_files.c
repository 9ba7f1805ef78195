/* Print the alignment of a source and its translation (text or JSON):
 * the library's tl_align_files and tl_alignment_write, for the tests. */
#include "tradlint.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
  tl_alignment *al;
  tl_error err;
  tl_format fmt = TL_FORMAT_TEXT;

  if (argc < 3) {
    fprintf(stderr, "usage: align_files SRC TGT [json]\n");
    return 2;
  }
  if (argc > 3 && strcmp(argv[3], "json") == 0)
    fmt = TL_FORMAT_JSON;
  if (tl_align_files(argv[1], argv[2], TL_MARKUP_AUTO, &al, &err) != TL_OK) {
    fprintf(stderr, "align_files: %s\n", err.msg);
    return 2;
  }
  tl_alignment_write(al, fmt, stdout, &err);
  tl_alignment_free(al);
  return 0;
}
