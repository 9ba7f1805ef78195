#include "report.h"

#include <stdlib.h>

tl_report *tl_report_new(tl_format format, FILE *out, unsigned flags)
{
  tl_report *rep = tl_xcalloc(1, sizeof *rep);

  rep->format = format;
  rep->out = out;
  rep->flags = flags;
  return rep;
}

void tl_report_add(tl_report *rep, const tl_result *r)
{
  rep->files++;
  rep->words += r->words;
  for (size_t i = 0; i < r->n; i++)
    rep->counts[r->f[i].severity]++;
  if (rep->format == TL_FORMAT_JSON)
    tl_report_json_add(rep, r);
  else if (rep->format == TL_FORMAT_SARIF)
    tl_report_sarif_add(rep, r);
  else
    tl_report_text_add(rep, r);
  rep->started = true;
}

void tl_report_finish(tl_report *rep)
{
  if (rep->format == TL_FORMAT_JSON)
    tl_report_json_finish(rep);
  else if (rep->format == TL_FORMAT_SARIF)
    tl_report_sarif_finish(rep);
  else
    tl_report_text_finish(rep);
  fflush(rep->out);
}

size_t tl_report_count(const tl_report *rep, tl_severity s)
{
  return s <= TL_ERROR ? rep->counts[s] : 0;
}

size_t tl_report_files(const tl_report *rep)
{
  return rep->files;
}

void tl_report_set_root(tl_report *rep, const char *root)
{
  free(rep->root);
  rep->root = root != NULL ? tl_xstrdup(root) : NULL;
}

void tl_report_free(tl_report *rep)
{
  if (rep == NULL)
    return;
  free(rep->root);
  free(rep);
}
