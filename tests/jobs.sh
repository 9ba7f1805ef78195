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
# default from 1 MiB of files on): the same output. Below, by default, the
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
# 1 MiB of files or more: each worker loads its own Hunspell by default
# (TRADLINT_DEBUG_OWN_SPELLERS=0 makes them share one), the output is -j 1's
for c in a b c; do mkdir -p "$tmp/big/$c" && cp -R "$corpus"/. "$tmp/big/$c"; done
"$bin" check -j 1 --no-db --no-cache --format json --fail-on never "$tmp/big" >"$tmp/big1.json" 2>&1
TRADLINT_DEBUG_LOAD=1 "$bin" check -j 2 --no-db --no-cache --format json --fail-on never "$tmp/big" \
  >"$tmp/big2.json" 2>"$tmp/big2.err"
TRADLINT_DEBUG_LOAD=1 TRADLINT_DEBUG_OWN_SPELLERS=0 "$bin" check -j 2 --no-db --no-cache --format json \
  --fail-on never "$tmp/big" >"$tmp/big3.json" 2>"$tmp/big3.err"
grep -q '"untranslated' "$tmp/big1.json" && cmp -s "$tmp/big1.json" "$tmp/big2.json" &&
  cmp -s "$tmp/big1.json" "$tmp/big3.json" && ok || bad "-j 2 on 1 MiB of files: output differs from -j 1"
[ "$(loads "$tmp/big2.err")" = 2 ] && [ "$(loads "$tmp/big3.err")" = 1 ] && ok ||
  bad "pt_BR loads with -j 2 on 1 MiB of files: $(loads "$tmp/big2.err") by default (want 2), $(loads "$tmp/big3.err") shared (want 1)"
# at most 4 instances (about 45 MiB each): -j 6 loads 4, workers 5 and 6 share
TRADLINT_DEBUG_LOAD=1 "$bin" check -j 6 --no-db --no-cache --format json --fail-on never "$tmp/big" \
  >"$tmp/big6.json" 2>"$tmp/big6.err"
cmp -s "$tmp/big1.json" "$tmp/big6.json" && [ "$(loads "$tmp/big6.err")" = 4 ] && ok ||
  bad "-j 6 on 1 MiB of files: $(loads "$tmp/big6.err") pt_BR loads (want 4), or output differs from -j 1"
# with the corpus memory: a file refused (binary) is reported in its place,
# the others are checked and recorded, exit 2, and -j 2 says what -j 1 does
mkdir -p "$tmp/bad"; cp -R "$tmp/big/a" "$tmp/big/b" "$tmp/big/c" "$tmp/bad/"
printf 'a\000b\n' >"$tmp/bad/b/zz-binary.md"
"$bin" check -j 1 --db "$tmp/bad1.db" --fail-on never "$tmp/bad" >"$tmp/bad1.out" 2>"$tmp/bad1.err"; s1=$?
"$bin" check -j 2 --db "$tmp/bad2.db" --fail-on never "$tmp/bad" >"$tmp/bad2.out" 2>"$tmp/bad2.err"; s2=$?
[ $s1 = 2 ] && [ $s2 = 2 ] && grep -q 'zz-binary.md: arquivo binário' "$tmp/bad2.err" &&
  cmp -s "$tmp/bad1.out" "$tmp/bad2.out" && cmp -s "$tmp/bad1.err" "$tmp/bad2.err" && ok ||
  bad "-j 2 with a refused file among 1 MiB: status $s1/$s2 (want 2), or output differs from -j 1"
# one file with -j 1: on a machine of two cores or more the dictionaries
# load in a thread of their own while the text is parsed (its blocks wait
# for them), forced on and off with TRADLINT_DEBUG_PRELOAD; the same output
one="$corpus/msft-br/04-prompt-engineering-fundamentals.md"
for p in 0 1 d; do
  if [ $p = d ]; then unset TRADLINT_DEBUG_PRELOAD; else export TRADLINT_DEBUG_PRELOAD=$p; fi
  TRADLINT_DEBUG_LOAD=1 "$bin" check -j 1 --no-db --no-cache --format json --fail-on never "$one" \
    >"$tmp/pre$p.json" 2>"$tmp/pre$p.err"
done
unset TRADLINT_DEBUG_PRELOAD
bg() { grep -c 'debug: loading .*pt_BR.* in the background' "$1"; }
want=1; [ "$(getconf _NPROCESSORS_ONLN)" -gt 1 ] || want=0
grep -q '"spelling' "$tmp/pre0.json" && cmp -s "$tmp/pre0.json" "$tmp/pre1.json" &&
  cmp -s "$tmp/pre0.json" "$tmp/pred.json" && [ "$(bg "$tmp/pre0.err")" = 0 ] &&
  [ "$(bg "$tmp/pre1.err")" = 1 ] && [ "$(bg "$tmp/pred.err")" = $want ] && ok ||
  bad "-j 1 on one file: background loads $(bg "$tmp/pre0.err")/$(bg "$tmp/pre1.err")/$(bg "$tmp/pred.err") (want 0/1/$want), or the output differs"
out=$("$bin" check -j 0 x.md 2>&1); [ $? = 2 ] && [[ "$out" == *"-j"* ]] && ok || bad "-j 0 accepted"
finish
