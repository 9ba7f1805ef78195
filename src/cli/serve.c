/* tradlint serve: the HTTP server (tl_server) with the linter check uses,
 * until SIGTERM or SIGINT; requests in flight finish first. */
#include "cli.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
  OPT_BIND = CLI_COMMAND_KEYS,
  OPT_PORT,
  OPT_TOKEN_FILE,
  OPT_MAX_BODY,
  OPT_TIMEOUT,
  OPT_MAX_CONNECTIONS,
  OPT_THREADS,
  OPT_QUIET
};

static const cli_option serve_options[] = {
    {"bind", OPT_BIND, N_("ENDEREÇO"),
     N_("endereço IP a escutar (padrão 127.0.0.1; fora do\n"
     "loopback exige --token-file)")},
    {"port", OPT_PORT, N_("PORTA"), N_("porta TCP (padrão 8081; 0: uma porta livre)")},
    {"token-file", OPT_TOKEN_FILE, N_("ARQUIVO"),
     N_("exige o token da primeira linha do ARQUIVO\n"
     "(Authorization: Bearer TOKEN, ou o campo apiKey)")},
    {"max-body", OPT_MAX_BODY, "BYTES",
     N_("tamanho máximo de um pedido (padrão 1048576)")},
    {"timeout", OPT_TIMEOUT, N_("SEGUNDOS"),
     N_("tempo máximo para um pedido chegar e de conexão\n"
     "ociosa (padrão 30)")},
    {"max-connections", OPT_MAX_CONNECTIONS, "N",
     N_("conexões abertas ao mesmo tempo (padrão 64)")},
    {"threads", OPT_THREADS, "N",
     N_("linhas de execução (padrão: uma por núcleo)")},
    {"quiet", OPT_QUIET, NULL, N_("não registra os pedidos na saída de erro")},
    {NULL, 0, NULL, NULL},
};

static const char *option_name(int key)
{
  for (const cli_option *o = serve_options; o->name != NULL; o++)
    if (o->key == key)
      return o->name;
  return "?";
}

/* The token: the first line of @path, trimmed; NULL after a message. */
static char *read_token(const char *path)
{
  FILE *fp = fopen(path, "r");
  char line[512];
  size_t n;

  if (fp == NULL) {
    cli_error(_("%s: não foi possível ler o token"), path);
    return NULL;
  }
  if (fgets(line, sizeof line, fp) == NULL)
    line[0] = '\0';
  fclose(fp);
  n = strlen(line);
  while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' ||
                   line[n - 1] == ' ' || line[n - 1] == '\t'))
    line[--n] = '\0';
  if (n < 8) {
    cli_error(_("%s: o token precisa de pelo menos 8 caracteres na primeira "
              "linha"),
              path);
    return NULL;
  }
  return strdup(line);
}

int cli_serve(const cli_ctx *cx, int argc, char **argv)
{
  static const cli_option *const groups[] = {
      serve_options, cli_setup_options, cli_setup_no_db, NULL};
  cli_setup s;
  cli_parser p;
  tl_server_options so;
  tl_server *srv = NULL;
  tl_error err;
  const char *token_file = NULL;
  char *token = NULL;
  bool quiet = false;
  int k, status = -1, sig;
  long v;
  sigset_t set;

  cli_setup_init(&s);
  tl_server_options_init(&so);
  cli_parser_init(&p, cx, argc, argv, groups);
  while (status < 0 && (k = cli_next(&p)) != CLI_END) {
    int handled = 1;
    switch (k) {
    case CLI_HELP:
      status = 0;
      break;
    case CLI_FAIL:
      status = CLI_EXIT_TROUBLE;
      break;
    case CLI_OPERAND:
      cli_usage_error(cx, _("argumento inesperado '%s'"), p.val);
      status = CLI_EXIT_TROUBLE;
      break;
    case OPT_BIND:
      so.bind = p.val;
      break;
    case OPT_TOKEN_FILE:
      token_file = p.val;
      break;
    case OPT_QUIET:
      quiet = true;
      break;
    case OPT_PORT:
    case OPT_MAX_BODY:
    case OPT_TIMEOUT:
    case OPT_MAX_CONNECTIONS:
    case OPT_THREADS: {
      long lo = k == OPT_PORT ? 0 : 1;
      long hi = k == OPT_PORT            ? 65535
                : k == OPT_MAX_BODY      ? 1L << 30
                : k == OPT_TIMEOUT       ? 3600
                : k == OPT_MAX_CONNECTIONS ? 10000
                                         : 256;
      if (!cli_parse_long(p.val, lo, hi, &v)) {
        cli_usage_error(cx, _("--%s '%s' inválido (um número de %ld a %ld)"),
                        option_name(k), p.val, lo, hi);
        status = CLI_EXIT_TROUBLE;
        break;
      }
      if (k == OPT_PORT)
        so.port = (unsigned)v;
      else if (k == OPT_MAX_BODY)
        so.max_body = (size_t)v;
      else if (k == OPT_TIMEOUT)
        so.timeout = (unsigned)v;
      else if (k == OPT_MAX_CONNECTIONS)
        so.max_connections = (unsigned)v;
      else
        so.threads = (unsigned)v;
      break;
    }
    default:
      handled = cli_setup_option(&s, &p, k);
      if (handled < 0)
        status = CLI_EXIT_TROUBLE;
      else if (handled == 0) {
        cli_usage_error(cx, _("opção inesperada"));
        status = CLI_EXIT_TROUBLE;
      }
    }
  }
  cli_parser_fini(&p);
  if (status >= 0)
    goto out;
  if (token_file != NULL && (token = read_token(token_file)) == NULL) {
    status = CLI_EXIT_TROUBLE;
    goto out;
  }
  so.token = token;
  so.log = quiet ? NULL : stderr;
  /* the archive memory is read, never written: pasted texts are not
   * archive documents */
  s.db_flags = TL_CORPUS_READONLY;
  if ((status = cli_setup_config(&s, cx, ".")) != 0 ||
      (status = cli_setup_open(&s)) != 0)
    goto out;
  if (cx->validate_only) {
    status = 0;
    goto out;
  }
  /* SIGTERM and SIGINT are waited for here, in no server thread */
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  signal(SIGPIPE, SIG_IGN);
  if (tl_server_start(&srv, s.linter, &so, &err) != TL_OK) {
    cli_error("%s", err.msg);
    status = CLI_EXIT_TROUBLE;
    goto out;
  }
  {
    const char *host = so.bind != NULL ? so.bind : "127.0.0.1";
    bool v6 = strchr(host, ':') != NULL;
    fprintf(stderr,
            _("tradlint serve: escutando em http://%s%s%s:%u/ (Ctrl+C para "
            "parar)\n"),
            v6 ? "[" : "", host, v6 ? "]" : "", tl_server_port(srv));
    fflush(stderr);
  }
  sigwait(&set, &sig);
  fprintf(stderr, _("tradlint serve: %s recebido; terminando os pedidos em "
                  "curso\n"),
          sig == SIGTERM ? "SIGTERM" : "SIGINT");
  tl_server_stop(srv);
  status = 0;
out:
  free(token);
  cli_setup_fini(&s);
  return status;
}
