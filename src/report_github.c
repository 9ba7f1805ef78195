/* GitHub Actions workflow commands: one annotation per finding,
 *   ::error file=a.md,line=3,col=8,endLine=3,endColumn=15,title=...::message
 * Levels error, warning, notice. Data is escaped as the runner expects
 * (% CR LF as %25 %0D %0A), property values also : and , (%3A %2C). */
#include "report.h"

#include <stdlib.h>
#include <string.h>

static void escape(tl_buf *b, const char *s, size_t n, bool property)
{
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '%')
      tl_buf_adds(b, "%25");
    else if (c == '\r')
      tl_buf_adds(b, "%0D");
    else if (c == '\n')
      tl_buf_adds(b, "%0A");
    else if (property && c == ':')
      tl_buf_adds(b, "%3A");
    else if (property && c == ',')
      tl_buf_adds(b, "%2C");
    else if ((unsigned char)c < 0x20 || c == 0x7F) /* ESC: no log colours */
      tl_buf_printf(b, "\\x%02X", (unsigned)(unsigned char)c);
    else
      tl_buf_addc(b, c);
  }
}

static void escapes(tl_buf *b, const char *s, bool property)
{
  escape(b, s, strlen(s), property);
}

void tl_report_github_add(tl_report *rep, const tl_result *r)
{
  char *path = tl_report_path(rep, r);
  tl_buf b;

  tl_buf_init(&b);
  for (size_t i = 0; i < r->n; i++) {
    const tl_finding *f = &r->f[i];
    tl_buf_clear(&b);
    tl_buf_printf(&b, "::%s file=",
                  f->severity == TL_ERROR     ? "error"
                  : f->severity == TL_WARNING ? "warning"
                                              : "notice");
    escapes(&b, path, true);
    tl_buf_printf(&b, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=",
                  f->line, f->column, f->end_line, f->end_column);
    tl_buf_adds(&b, "tradlint ");
    escapes(&b, f->rule, true);
    tl_buf_adds(&b, "::");
    escapes(&b, f->message, false);
    for (size_t k = 0; k < f->nsuggestions; k++) {
      tl_buf_adds(&b, k ? ", " : " → ");
      escapes(&b, f->suggestions[k], false);
    }
    tl_buf_addc(&b, '\n');
    fwrite(b.p, 1, b.len, rep->out);
  }
  tl_buf_fini(&b);
  free(path);
}

void tl_report_github_finish(tl_report *rep)
{
  (void)rep; /* annotations only: the exit status tells the rest */
}
