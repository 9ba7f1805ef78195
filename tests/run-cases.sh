#!/usr/bin/env bash
# Golden CLI tests. Each tests/cases/<name>/ holds `args` (the command line
# after `tradlint`, run from inside the case folder), input files,
# `expected.out` (standard output then standard error) and `expected.status`.
# UPDATE=1 rewrites the expected files (then review `git diff`).
# Prints "golden: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
unset LANGUAGE LC_MESSAGES # Portuguese messages, whatever the machine says
export LC_ALL=C NO_COLOR=1 TRADLINT_DATA_DIR="$root"
passed=0 failed=0
for dir in "$root"/tests/cases/*/; do
  name=$(basename "$dir")
  [ -f "$dir/args" ] || continue
  tmp=$(mktemp -d)
  in=/dev/null
  [ -f "$dir/stdin" ] && in="$dir/stdin"
  # Each case gets a fresh corpus database. An `args` of several lines runs
  # them in order against it, each output headed by "$ tradlint ARGS" and
  # followed by "[exit N]"; the last status is the case's.
  export TRADLINT_DB="$tmp/corpus.db" XDG_CACHE_HOME="$tmp/xdg-cache"
  nlines=$(grep -c . "$dir/args")
  : >"$tmp/actual"
  while IFS= read -r line || [ -n "$line" ]; do
    [ -n "$line" ] || continue
    # the limit catches hangs; it grows with the machine's load per core
    secs=$(awk -v n="$(nproc 2>/dev/null || echo 1)" -v s="${CASE_LIMIT:-60}" \
             '{f = $1 / n; if (f < 1) f = 1; printf "%d", s * f + 0.5}' /proc/loadavg 2>/dev/null)
    (cd "$dir" && eval "timeout ${secs:-${CASE_LIMIT:-60}} ${VALGRIND:-} \"\$bin\" $line" \
       >"$tmp/out" 2>"$tmp/err" <"$in")
    status=$?
    if [ "$nlines" -gt 1 ]; then
      { echo "\$ tradlint $line"; cat "$tmp/out" "$tmp/err"; echo "[exit $status]"; } >>"$tmp/actual"
    else
      cat "$tmp/out" "$tmp/err" >>"$tmp/actual"
    fi
  done <"$dir/args"
  if [ "${UPDATE:-0}" = 1 ]; then
    cp "$tmp/actual" "$dir/expected.out"
    echo "$status" >"$dir/expected.status"
  fi
  if diff -u "$dir/expected.out" "$tmp/actual" >"$tmp/diff" &&
     [ "$status" = "$(cat "$dir/expected.status")" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "golden: FAIL $name (exit $status, expected $(cat "$dir/expected.status" 2>/dev/null))"
    head -40 "$tmp/diff"
  fi
  rm -rf "$tmp"
done
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
