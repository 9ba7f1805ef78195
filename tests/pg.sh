# A throwaway PostgreSQL cluster for the test suites. Source it, then:
#   pg_start            initdb in a new temporary folder and start the server
#   ...                 use $PG_URI (and the others below)
#   pg_stop             stop it and remove the folder (also done on exit)
# The server runs as an unprivileged user: the caller when it is not root,
# else `nobody` (initdb refuses root). It listens on a Unix socket in its
# folder and on a free loopback port, with TLS (a self-signed certificate)
# when openssl is there. Nothing outside the folder is touched.
#
# Set after pg_start:
#   PG_URI      postgresql://tradlint@/tradlint?host=SOCKETDIR&port=PORT
#               (Unix socket, trust: no password)
#   PG_TCP_URI  postgresql://tradlint@127.0.0.1:PORT/tradlint (password
#               $PG_PASSWORD, scram-sha-256, sslmode prefer)
#   PG_PASSWORD the password of the role tradlint over TCP
#   PG_DIR PG_SOCK PG_PORT PG_BIN PG_SSL (1 when TLS is on)
#   pg_sql SQL...       run SQL through psql on the socket (database tradlint)
# PG_FSYNC=off (the default for tests) skips fsync; the benchmark sets on.
# PG_AUTOVACUUM=off (the default) keeps transaction ids still between two
# runs, so that a test can tell a run wrote nothing.

pg_find_bin() {
  local d
  local cands=""
  # Debian keeps the server's programs out of PATH; a PATH entry may be a
  # symlink into that folder
  command -v pg_ctl >/dev/null 2>&1 && cands=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
  for d in $cands $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/createdb" ] && [ -x "$d/psql" ] &&
      { echo "$d"; return 0; }
  done
  return 1
}

# Run a command as the server's user.
pg_as() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
  else
    "$@"
  fi
}

pg_start() {
  PG_BIN=$(pg_find_bin) || {
    echo "pg: initdb/pg_ctl not found: make deps installs postgresql" >&2
    return 1
  }
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/tradlint-pg.XXXXXX")
  PG_SOCK=$PG_DIR/sock
  PG_PASSWORD=pw-$RANDOM$RANDOM
  mkdir -p "$PG_SOCK"
  printf '%s\n' "$PG_PASSWORD" >"$PG_DIR/pwfile"
  if [ "$(id -u)" = 0 ]; then
    chown -R nobody:nogroup "$PG_DIR"
    chmod 755 "$PG_DIR"
  fi
  # a free loopback port (the kernel's choice, then released)
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # (--no-sync: a throwaway cluster needs no fsync of its files)
  if ! pg_as "$PG_BIN/initdb" --no-sync -D "$PG_DIR/data" -U tradlint -E UTF8 \
      --locale=C --auth-local=trust --auth-host=scram-sha-256 \
      --pwfile="$PG_DIR/pwfile" >"$PG_DIR/initdb.log" 2>&1; then
    echo "pg: initdb failed:" >&2; cat "$PG_DIR/initdb.log" >&2
    return 1
  fi
  PG_SSL=0
  local ssl_opts=""
  if command -v openssl >/dev/null 2>&1 &&
      openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
        -nodes -days 2 -subj /CN=127.0.0.1 \
        -keyout "$PG_DIR/server.key" -out "$PG_DIR/server.crt" >/dev/null 2>&1; then
    chmod 600 "$PG_DIR/server.key"
    [ "$(id -u)" = 0 ] && chown nobody:nogroup "$PG_DIR/server.key" "$PG_DIR/server.crt"
    ssl_opts="-c ssl=on -c ssl_cert_file=$PG_DIR/server.crt -c ssl_key_file=$PG_DIR/server.key"
    PG_SSL=1
  fi
  if ! pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_SOCK -c fsync=${PG_FSYNC:-off} -c autovacuum=${PG_AUTOVACUUM:-off} -c max_connections=100 $ssl_opts" \
      start >"$PG_DIR/pg_ctl.log" 2>&1; then
    echo "pg: the server did not start:" >&2
    cat "$PG_DIR/pg_ctl.log" "$PG_DIR/server.log" >&2 2>/dev/null
    return 1
  fi
  PG_URI="postgresql://tradlint@/tradlint?host=$PG_SOCK&port=$PG_PORT"
  PG_TCP_URI="postgresql://tradlint@127.0.0.1:$PG_PORT/tradlint"
  if ! "$PG_BIN/createdb" -h "$PG_SOCK" -p "$PG_PORT" -U tradlint tradlint \
      >"$PG_DIR/createdb.log" 2>&1; then
    echo "pg: createdb failed:" >&2; cat "$PG_DIR/createdb.log" >&2
    pg_stop
    return 1
  fi
  export PG_URI PG_TCP_URI PG_PASSWORD PG_DIR PG_SOCK PG_PORT PG_BIN PG_SSL
}

pg_sql() {
  "$PG_BIN/psql" -X -q -t -A -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" \
    -U tradlint -d tradlint -c "$*"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ] || return 0
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1
  rm -rf "$PG_DIR"
  PG_DIR=
}
