/* The message catalogue at run time: the language, lookups, plurals, system
 * errors, severity and category labels. */
#include "msg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Set once, before any checking (see tl_lang_set). */
static tl_lang lang = TL_LANG_PT;

void tl_lang_set(tl_lang l)
{
  lang = l == TL_LANG_EN ? TL_LANG_EN : TL_LANG_PT;
}

tl_lang tl_lang_get(void)
{
  return lang;
}

bool tl_lang_parse(const char *s, tl_lang *out)
{
  if (s == NULL)
    return false;
  if (strncmp(s, "pt", 2) == 0 && strchr("-_.@", s[2]) != NULL) {
    *out = TL_LANG_PT; /* strchr finds the terminating NUL too: "pt" */
    return true;
  }
  if (strncmp(s, "en", 2) == 0 && strchr("-_.@", s[2]) != NULL) {
    *out = TL_LANG_EN;
    return true;
  }
  return false;
}

tl_lang tl_lang_from_env(void)
{
  const char *language = getenv("LANGUAGE");
  const char *messages = getenv("LC_MESSAGES");

  if (language != NULL && language[0] != '\0' && language[0] != ':')
    return strncmp(language, "en", 2) == 0 ? TL_LANG_EN : TL_LANG_PT;
  if (messages != NULL && strncmp(messages, "en", 2) == 0)
    return TL_LANG_EN;
  return TL_LANG_PT;
}

static int row_cmp(const void *key, const void *row)
{
  return strcmp((const char *)key, ((const tl_msg_row *)row)->pt);
}

static const tl_msg_row *find(const char *pt)
{
  return bsearch(pt, tl_msg_table, tl_msg_table_len, sizeof tl_msg_table[0],
                 row_cmp);
}

const char *tl_msg(const char *pt)
{
  const tl_msg_row *r;

  if (lang == TL_LANG_PT || (r = find(pt)) == NULL)
    return pt;
  return r->en;
}

const char *tl_msg_n(const char *pt, const char *pt_plural, unsigned long n)
{
  const tl_msg_row *r;

  /* Integers only: 1 is singular, 0 and 2+ plural ("0 erros", "1 erro")
   * in both languages. */
  if (lang == TL_LANG_PT || (r = find(pt)) == NULL || r->en_plural == NULL)
    return n == 1 ? pt : pt_plural;
  return n == 1 ? r->en : r->en_plural;
}

const char *tl_strerror(int e)
{
  static _Thread_local char other[96];

  switch (e) {
  case ENOENT:
    return _("arquivo ou pasta não encontrado");
  case EACCES:
    return _("permissão negada");
  case EPERM:
    return _("operação não permitida");
  case EISDIR:
    return _("é uma pasta");
  case ENOTDIR:
    return _("não é uma pasta");
  case EEXIST:
    return _("já existe");
  case ENOTEMPTY:
    return _("a pasta não está vazia");
  case ENOSPC:
    return _("não há espaço no disco");
  case EDQUOT:
    return _("cota de disco excedida");
  case EROFS:
    return _("sistema de arquivos somente para leitura");
  case ENAMETOOLONG:
    return _("nome de arquivo longo demais");
  case ELOOP:
    return _("links simbólicos demais (um ciclo?)");
  case EMFILE:
  case ENFILE:
    return _("arquivos abertos demais");
  case EFBIG:
    return _("arquivo grande demais");
  case ENOMEM:
    return _("memória esgotada");
  case EINVAL:
    return _("argumento inválido");
  case EIO:
    return _("erro de entrada e saída");
  case EPIPE:
    return _("a saída foi fechada (pipe)");
  case EBUSY:
    return _("recurso ocupado");
  case EAGAIN:
    return _("recurso temporariamente indisponível");
  case EINTR:
    return _("chamada interrompida");
  case EBADF:
    return _("descritor de arquivo inválido");
  case EXDEV:
    return _("não dá para mover entre sistemas de arquivos");
  case ETXTBSY:
    return _("arquivo em uso");
  case ENXIO:
  case ENODEV:
    return _("dispositivo inexistente");
  case EADDRINUSE:
    return _("endereço já em uso");
  case EADDRNOTAVAIL:
    return _("endereço indisponível nesta máquina");
  case ECONNREFUSED:
    return _("conexão recusada");
  case ECONNRESET:
    return _("conexão encerrada pelo outro lado");
  case ETIMEDOUT:
    return _("tempo esgotado");
  case EHOSTUNREACH:
  case ENETUNREACH:
    return _("rede ou máquina inalcançável");
  default:
    if (lang == TL_LANG_EN)
      snprintf(other, sizeof other, "%s", strerror(e));
    else
      snprintf(other, sizeof other, _("erro do sistema %d"), e);
    return other;
  }
}

const char *tl_severity_label(tl_severity s)
{
  switch (s) {
  case TL_ERROR:
    return _("erro");
  case TL_WARNING:
    return _("aviso");
  case TL_INFO:
    return _("informação");
  default:
    return _("nunca");
  }
}

const char *tl_category_label(const char *category)
{
  static const struct {
    const char *id, *label;
  } labels[] = {
      {"spelling", N_("ortografia")},
      {"terminology", N_("terminologia")},
      {"consistency", N_("consistência")},
      {"untranslated", N_("não traduzido")},
      {"agreement", N_("concordância")},
      {"number", N_("números")},
      {"repetition", N_("repetição")},
      {"source", N_("original")},
      {"suppression", N_("supressão")},
  };

  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
    if (strcmp(category, labels[i].id) == 0)
      return _(labels[i].label);
  return category;
}
