#!/usr/bin/env bash
# The verdict cache of --no-db runs ($XDG_CACHE_HOME/tradlint): the same
# output with and without it, Hunspell not loaded on a warm run, damaged
# and foreign files ignored with a message and rebuilt, --no-cache, an
# unwritable folder, runs at once. Prints "cache: N passed, N failed".
. "$(dirname "$0")/lib.sh" cache C.UTF-8 "$1"
unset TRADLINT_DB
corpus="$root/tests/data/corpus"
export XDG_CACHE_HOME="$tmp/xdg"
dir="$XDG_CACHE_HOME/tradlint"
run() { TRADLINT_DEBUG_LOAD=1 "$bin" check -j 1 --no-db --fail-on never "$@"; }
loads() { grep -c 'debug: loading' "$1" || true; }
files() { find "$dir" -name 'verdicts-*.bin' 2>/dev/null | wc -l; }

"$bin" check --no-db --no-cache --fail-on never "$corpus" >"$tmp/ref.txt" 2>&1
[ "$(files)" = 0 ] && grep -q "não traduzido" "$tmp/ref.txt" && ok ||
  bad "--no-cache wrote a cache file, or the reference has no finding"

# cold: Hunspell loaded, a file per dictionary written, the same output
run "$corpus" >"$tmp/cold.txt" 2>"$tmp/cold.err"
[ "$(loads "$tmp/cold.err")" = 2 ] && [ "$(files)" = 2 ] && cmp -s "$tmp/ref.txt" "$tmp/cold.txt" &&
  [ "$(stat -c %a "$dir")" = 700 ] && ok ||
  bad "cold run: $(loads "$tmp/cold.err") loads, $(files) files, mode $(stat -c %a "$dir"), output differs?"
# warm: no Hunspell at all, the same output, suggestions included
run "$corpus" >"$tmp/warm.txt" 2>"$tmp/warm.err"
[ "$(loads "$tmp/warm.err")" = 0 ] && cmp -s "$tmp/ref.txt" "$tmp/warm.txt" && ok ||
  bad "warm run loaded Hunspell $(loads "$tmp/warm.err") times, or its output differs"
grep -q "sugest" "$tmp/warm.txt" && ok || bad "warm run shows no suggestion"
# --no-cache ignores a warm cache: Hunspell loaded again
TRADLINT_DEBUG_LOAD=1 "$bin" check -j 1 --no-db --no-cache --fail-on never "$corpus" >/dev/null 2>"$tmp/nc.err"
[ "$(loads "$tmp/nc.err")" = 2 ] && ok || bad "--no-cache read the cache"
# with the corpus memory the cache is not used
before=$(cat "$dir"/* | md5sum)
"$bin" check --db "$tmp/c.db" --fail-on never "$corpus" >/dev/null 2>&1
[ "$before" = "$(cat "$dir"/* | md5sum)" ] && ok || bad "a --db run wrote to the cache"

# a damaged file: a message, the same output, then rebuilt (next run silent and warm)
f=$(find "$dir" -name 'verdicts-*.bin' | head -1)
printf '\x5a\x5a\x5a\x5a' | dd of="$f" bs=1 seek=200 conv=notrunc 2>/dev/null
run "$corpus" >"$tmp/dmg.txt" 2>"$tmp/dmg.err"
grep -q "aviso: cache de verificação .* ignorado (soma de verificação errada): será refeito" "$tmp/dmg.err" &&
  cmp -s "$tmp/ref.txt" "$tmp/dmg.txt" && ok || bad "damaged cache: $(cat "$tmp/dmg.err")"
run "$corpus" >"$tmp/again.txt" 2>"$tmp/again.err"
[ "$(loads "$tmp/again.err")" = 0 ] && ! grep -q "tradlint: aviso" "$tmp/again.err" && cmp -s "$tmp/ref.txt" "$tmp/again.txt" &&
  ok || bad "damaged cache not rebuilt: $(cat "$tmp/again.err")"
# truncated, and something that is not a cache at all
head -c 100 "$f" >"$tmp/cut" && cp "$tmp/cut" "$f"
run "$corpus" >"$tmp/cut.txt" 2>"$tmp/cut.err"
grep -q "ignorado (arquivo truncado" "$tmp/cut.err" && cmp -s "$tmp/ref.txt" "$tmp/cut.txt" && ok ||
  bad "truncated cache: $(cat "$tmp/cut.err")"
head -c 5000 /dev/urandom >"$f"
run "$corpus" >"$tmp/rnd.txt" 2>"$tmp/rnd.err"
grep -q "ignorado (não é um cache do tradlint)" "$tmp/rnd.err" && cmp -s "$tmp/ref.txt" "$tmp/rnd.txt" && ok ||
  bad "foreign file: $(cat "$tmp/rnd.err")"
# a folder where the file should be: a message, no crash
rm -f "$f" && mkdir "$f"
run "$corpus" >"$tmp/d.txt" 2>"$tmp/d.err"; s=$?
[ $s = 0 ] && grep -q "aviso: cache de verificação" "$tmp/d.err" && cmp -s "$tmp/ref.txt" "$tmp/d.txt" && ok ||
  bad "a folder for a cache file: exit $s, $(cat "$tmp/d.err")"
rmdir "$f"

# a cache folder that cannot be made: a warning, the exit status unchanged
: >"$tmp/plain"
XDG_CACHE_HOME="$tmp/plain/x" "$bin" check --no-db "$corpus" >"$tmp/ro.txt" 2>"$tmp/ro.err"; s=$?
"$bin" check --no-db --no-cache "$corpus" >/dev/null 2>&1; s0=$?
[ $s = $s0 ] && grep -q "aviso: cache de verificação não gravado: .*plain.* (use --no-cache)" "$tmp/ro.err" && ok ||
  bad "unwritable cache folder: exit $s (not $s0), $(cat "$tmp/ro.err")"
# no HOME and no XDG_CACHE_HOME: no cache, no message
env -u HOME -u XDG_CACHE_HOME "$bin" check --no-db --fail-on never "$corpus" >"$tmp/nohome.txt" 2>"$tmp/nohome.err"
cmp -s "$tmp/ref.txt" "$tmp/nohome.txt" && [ ! -s "$tmp/nohome.err" ] && ok ||
  bad "without HOME: $(cat "$tmp/nohome.err")"

# runs at once on one cache: every one succeeds, the file stays whole
rm -rf "$dir"
pids=()
for sub in "$corpus"/*/; do
  "$bin" check --no-db --fail-on never "$sub" >/dev/null 2>"$tmp/perr.$(basename "$sub")" & pids+=($!)
done
st=0
for p in "${pids[@]}"; do wait "$p" || st=1; done
run "$corpus" >"$tmp/par.txt" 2>"$tmp/par.err"
[ $st = 0 ] && ! grep -q "tradlint: aviso" "$tmp"/perr.* "$tmp/par.err" &&
  cmp -s "$tmp/ref.txt" "$tmp/par.txt" && ok || bad "runs at once: $(cat "$tmp"/perr.* | head -3)"
# -j 2 fills and reads the cache the same way
rm -rf "$dir"
"$bin" check -j 2 --no-db --fail-on never "$corpus" >"$tmp/j2.txt" 2>&1
TRADLINT_DEBUG_LOAD=1 "$bin" check -j 2 --no-db --fail-on never "$corpus" >"$tmp/j2w.txt" 2>"$tmp/j2w.err"
cmp -s "$tmp/ref.txt" "$tmp/j2.txt" && cmp -s "$tmp/ref.txt" "$tmp/j2w.txt" &&
  [ "$(loads "$tmp/j2w.err")" = 0 ] && ok || bad "-j 2 with the cache: output differs or Hunspell loaded"
finish
