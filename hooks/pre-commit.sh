#!/bin/sh
# The pre-commit framework's entry for tradlint (.pre-commit-hooks.yaml):
# checks the files pre-commit passes with the tradlint on PATH; without
# one, says how to install it and fails, instead of pre-commit's bare
# "Executable not found". TRADLINT may name the binary to use.
bin=${TRADLINT:-tradlint}
if ! command -v "$bin" >/dev/null 2>&1; then
  cat >&2 <<'MSG'
tradlint: o tradlint não está instalado nesta máquina (nenhum 'tradlint' no PATH).
Instale-o uma vez, a partir do repositório do tradlint:
  make deb && sudo dpkg -i build/deb/tradlint_*.deb build/deb/libtradlint1_*.deb
ou
  sudo make install            (PREFIX=/usr/local por padrão)
e rode o commit de novo. Sem instalar: export TRADLINT=/caminho/para/build/tradlint
MSG
  exit 1
fi
exec "$bin" check "$@"
