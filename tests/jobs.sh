#!/usr/bin/env bash
# -j: the output of several threads is byte-identical to one thread's, in
# every format, with and without the corpus memory. (Speed is measured by
# make bench, not here.) Prints "jobs: N passed, N failed".
. "$(dirname "$0")/lib.sh" jobs C.UTF-8 "$1"
unset TRADLINT_DB
corpus="$root/tests/data/corpus"
for fmt in text json sarif; do
  "$bin" check -j 1 --no-db --format $fmt --fail-on never "$corpus" >"$tmp/1.$fmt" 2>&1
  "$bin" check -j 2 --no-db --format $fmt --fail-on never "$corpus" >"$tmp/2.$fmt" 2>&1
  "$bin" check -j 4 --no-db --format $fmt --fail-on never "$corpus" >"$tmp/4.$fmt" 2>&1
  grep -Eq "untranslated|não traduzido" "$tmp/1.$fmt" && cmp -s "$tmp/1.$fmt" "$tmp/2.$fmt" &&
    cmp -s "$tmp/1.$fmt" "$tmp/4.$fmt" && ok || bad "-j output differs or has no finding ($fmt)"
done
# with the corpus memory: the same findings (consistency.corpus included)
# and the same database content
"$bin" check -j 1 --db "$tmp/a.db" --fail-on never "$corpus" >"$tmp/a.txt" 2>&1
"$bin" check -j 2 --db "$tmp/b.db" --fail-on never "$corpus" >"$tmp/b.txt" 2>&1
grep -q "\[consistência\]" "$tmp/a.txt" && cmp -s "$tmp/a.txt" "$tmp/b.txt" && ok ||
  bad "-j output differs with the corpus memory, or has no consistency finding"
"$bin" check -j 2 --db "$tmp/b.db" --fail-on never "$corpus" >"$tmp/b2.txt" 2>&1
"$bin" check -j 1 --db "$tmp/a.db" --fail-on never "$corpus" >"$tmp/a2.txt" 2>&1
"$bin" check -j 2 --db "$tmp/b.db" --format json --fail-on never "$corpus" >"$tmp/b3.json" 2>&1
grep -q '"consistency.corpus"' "$tmp/b3.json" && cmp -s "$tmp/a2.txt" "$tmp/b2.txt" && ok ||
  bad "-j output differs on a warm database, or no consistency.corpus finding"
"$bin" corpus report --db "$tmp/a.db" >"$tmp/ra" && "$bin" corpus report --db "$tmp/b.db" >"$tmp/rb" &&
  grep -q "retropropagação" "$tmp/ra" && cmp -s "$tmp/ra" "$tmp/rb" && ok ||
  bad "corpus report differs after -j, or misses retropropagação"
# workers with a Hunspell of their own (TRADLINT_DEBUG_OWN_SPELLERS=1, the
# design measured against the default): the same output. By default the
# workers share one: each dictionary loads once.
for fmt in text json; do
  TRADLINT_DEBUG_OWN_SPELLERS=1 "$bin" check -j 2 --no-db --no-cache --format $fmt --fail-on never \
    "$corpus" >"$tmp/own.$fmt" 2>&1
  cmp -s "$tmp/1.$fmt" "$tmp/own.$fmt" && ok || bad "-j 2 with spellers of their own: output differs ($fmt)"
done
loads() { grep -c 'debug: loading .*pt_BR' "$1"; }
TRADLINT_DEBUG_LOAD=1 TRADLINT_DEBUG_OWN_SPELLERS=1 "$bin" check -j 2 --no-db --no-cache --fail-on never \
  "$corpus" >/dev/null 2>"$tmp/own.err"
TRADLINT_DEBUG_LOAD=1 "$bin" check -j 2 --no-db --no-cache --fail-on never "$corpus" >/dev/null 2>"$tmp/shared.err"
[ "$(loads "$tmp/own.err")" = 2 ] && [ "$(loads "$tmp/shared.err")" = 1 ] && ok ||
  bad "pt_BR loads with -j 2: $(loads "$tmp/own.err") with own spellers (want 2), $(loads "$tmp/shared.err") shared (want 1)"
out=$("$bin" check -j 0 x.md 2>&1); [ $? = 2 ] && [[ "$out" == *"-j"* ]] && ok || bad "-j 0 accepted"
finish
