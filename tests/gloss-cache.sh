#!/usr/bin/env bash
# The compiled glossary cache ($XDG_CACHE_HOME/tradlint/glossary-*.bin,
# src/gloss_cache.c): written by the first run, read by the next ones with
# the same findings, rebuilt when a glossary row is edited (even keeping the
# file's size and time), when a file joins the glossary folder, and when the
# cache is damaged, truncated, foreign or of another format, never trusted;
# --no-cache neither reads nor writes it; runs at once leave a whole file.
# Prints "gloss-cache: N passed, N failed".
. "$(dirname "$0")/lib.sh" gloss-cache C.UTF-8 "$1"
unset TRADLINT_DB
export XDG_CACHE_HOME="$tmp/xdg"
dir="$XDG_CACHE_HOME/tradlint"
cp -r "$root/glossary" "$tmp/g"
rm -f "$tmp/g/README.md"
doc="$tmp/a.md"
cat >"$doc" <<'EOF'
# Modelos

O modelo de linguagem grande usa aprendizado por reforço com feedback humano.
A OpenAI treinou o modelo com aprendizado de reforço e um grande conjunto de dados.
EOF
check() { TRADLINT_DEBUG_LOAD=1 "$bin" check -j 1 --no-db --format json --fail-on never --glossary "$tmp/g" "$@"; }
said() { grep -c "debug: glossary cache $1" "$2" || true; }
files() { find "$dir" -name 'glossary-*.bin' 2>/dev/null | wc -l; }

"$bin" check --no-db --no-cache --format json --fail-on never --glossary "$tmp/g" "$doc" >"$tmp/ref.json" 2>&1
[ "$(files)" = 0 ] && grep -q '"rule": *"terminology.forbidden"' "$tmp/ref.json" && ok ||
  bad "--no-cache wrote a glossary cache, or the reference has no glossary finding"

# cold: built from the files and written; warm: read, the same findings
check "$doc" >"$tmp/cold.json" 2>"$tmp/cold.err"
[ "$(said written "$tmp/cold.err")" = 1 ] && [ "$(files)" = 1 ] && cmp -s "$tmp/ref.json" "$tmp/cold.json" &&
  ok || bad "cold run: $(cat "$tmp/cold.err"), $(files) files, output differs?"
f=$(find "$dir" -name 'glossary-*.bin')
check "$doc" >"$tmp/warm.json" 2>"$tmp/warm.err"
[ "$(said read "$tmp/warm.err")" = 1 ] && [ "$(said written "$tmp/warm.err")" = 0 ] &&
  cmp -s "$tmp/ref.json" "$tmp/warm.json" && ok || bad "warm run: $(cat "$tmp/warm.err"), output differs?"
# --no-cache: neither read nor written
before=$(md5sum <"$f")
TRADLINT_DEBUG_LOAD=1 "$bin" check -j 1 --no-db --no-cache --format json --fail-on never --glossary "$tmp/g" \
  "$doc" >"$tmp/nc.json" 2>"$tmp/nc.err"
! grep -q "glossary cache" "$tmp/nc.err" && [ "$before" = "$(md5sum <"$f")" ] &&
  cmp -s "$tmp/ref.json" "$tmp/nc.json" && ok || bad "--no-cache used the glossary cache: $(cat "$tmp/nc.err")"

# an edited row, same size and modification time: the content tells
g=$tmp/g/general.tsv
cp -p "$tmp/g/techniques.tsv" "$tmp/techniques.orig"
python3 - "$tmp/g/techniques.tsv" <<'EOF'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
# "aprendizado de reforço" stops being forbidden: the same number of bytes
assert "aprendizado de reforço" in s
s = s.replace("aprendizado de reforço", "aprendizado dx reforço", 1)
open(p, "w", encoding="utf-8").write(s)
EOF
touch -r "$tmp/techniques.orig" "$tmp/g/techniques.tsv"
[ "$(stat -c %s.%Y "$tmp/g/techniques.tsv")" = "$(stat -c %s.%Y "$tmp/techniques.orig")" ] || bad "the edit changed the size or time"
"$bin" check --no-db --no-cache --format json --fail-on never --glossary "$tmp/g" "$doc" >"$tmp/ref2.json" 2>&1
check "$doc" >"$tmp/edit.json" 2>"$tmp/edit.err"
! cmp -s "$tmp/ref.json" "$tmp/ref2.json" && cmp -s "$tmp/ref2.json" "$tmp/edit.json" &&
  grep -q "glossary cache rebuilt .* (stale)" "$tmp/edit.err" && [ "$(files)" = 1 ] && ok ||
  bad "edited row: $(cat "$tmp/edit.err"), $(files) files, findings of the old glossary?"
check "$doc" >"$tmp/edit2.json" 2>"$tmp/edit2.err"
[ "$(said read "$tmp/edit2.err")" = 1 ] && cmp -s "$tmp/ref2.json" "$tmp/edit2.json" && ok ||
  bad "after the edit, not read again: $(cat "$tmp/edit2.err")"
# a file joins the folder
printf 'id\tpreferred\tforbidden\nxyz-teste\tconjuntão\tgrande conjunto\n' >"$tmp/g/zz.tsv"
"$bin" check --no-db --no-cache --format json --fail-on never --glossary "$tmp/g" "$doc" >"$tmp/ref3.json" 2>&1
check "$doc" >"$tmp/new.json" 2>"$tmp/new.err"
grep -q "glossary cache rebuilt .* (stale)" "$tmp/new.err" && cmp -s "$tmp/ref3.json" "$tmp/new.json" && ok ||
  bad "a new glossary file: $(cat "$tmp/new.err")"
rm "$tmp/g/zz.tsv"
# an invalid glossary: the same error as without the cache, nothing written
cp "$g" "$tmp/good.tsv"
printf 'x\tbad id\n' >>"$g"
"$bin" check --no-db --no-cache --glossary "$tmp/g" "$doc" >"$tmp/bad.ref" 2>&1; s0=$?
check "$doc" >"$tmp/bad.out" 2>"$tmp/bad.err"; s=$?
[ $s = 2 ] && [ $s0 = 2 ] && grep -Fq "$(tail -1 "$tmp/bad.ref")" "$tmp/bad.err" &&
  ! grep -q "glossary cache written" "$tmp/bad.err" && ok || bad "invalid glossary: exit $s, $(cat "$tmp/bad.err")"
cp "$tmp/good.tsv" "$g"
check "$doc" >/dev/null 2>&1 # rebuilt for the glossary as it is again
"$bin" check --no-db --no-cache --format json --fail-on never --glossary "$tmp/g" "$doc" >"$tmp/ref.json" 2>&1

# damaged in the middle, truncated, foreign, another format: rebuilt, then read
damage() { # NAME REASON CMD...: damage the file with CMD, expect REASON
  local name=$1 why=$2
  shift 2
  "$@"
  check "$doc" >"$tmp/$name.json" 2>"$tmp/$name.err"
  grep -q "glossary cache rebuilt .* ($why)" "$tmp/$name.err" && cmp -s "$tmp/ref.json" "$tmp/$name.json" &&
    ok || bad "$name cache: $(cat "$tmp/$name.err")"
  check "$doc" >"$tmp/$name.2.json" 2>"$tmp/$name.2.err"
  [ "$(said read "$tmp/$name.2.err")" = 1 ] && cmp -s "$tmp/ref.json" "$tmp/$name.2.json" && ok ||
    bad "$name cache not rebuilt: $(cat "$tmp/$name.2.err")"
}
mid=$(($(stat -c %s "$f") / 2))
damage damaged checksum sh -c "printf 'ZZZZ' | dd of='$f' bs=1 seek=$mid conv=notrunc 2>/dev/null"
damage truncated 'truncated or damaged' sh -c "head -c $mid '$f' >'$tmp/cut' && cp '$tmp/cut' '$f'"
damage short truncated sh -c "head -c 20 '$f' >'$tmp/cut' && cp '$tmp/cut' '$f'"
damage foreign foreign sh -c "head -c 5000 /dev/urandom >'$f'"
damage version 'other format' sh -c "printf '\\x63' | dd of='$f' bs=1 seek=12 conv=notrunc 2>/dev/null"
# a folder where the file should be: built from the files, no crash, no message
rm -f "$f" && mkdir "$f"
check "$doc" >"$tmp/dir.json" 2>"$tmp/dir.err"; s=$?
[ $s = 0 ] && cmp -s "$tmp/ref.json" "$tmp/dir.json" && ! grep -q "aviso\|erro" "$tmp/dir.err" && ok ||
  bad "a folder for the cache file: exit $s, $(cat "$tmp/dir.err")"
rmdir "$f"

# runs at once on an empty cache: every one right, the file whole after
rm -rf "$dir"
pids=()
for i in 1 2 3 4; do
  check "$doc" >"$tmp/par$i.json" 2>/dev/null & pids+=($!)
done
st=0
for p in "${pids[@]}"; do wait "$p" || st=1; done
check "$doc" >"$tmp/par.json" 2>"$tmp/par.err"
same=1
for i in 1 2 3 4; do cmp -s "$tmp/ref.json" "$tmp/par$i.json" || same=0; done
[ $st = 0 ] && [ $same = 1 ] && [ "$(said read "$tmp/par.err")" = 1 ] && [ "$(files)" = 1 ] &&
  [ -z "$(find "$dir" -name '.glossary-*')" ] && ok ||
  bad "runs at once: status $st, same $same, $(cat "$tmp/par.err"), $(ls -a "$dir")"
finish
