#!/usr/bin/env bash
# The compiled pt-PT list ($XDG_CACHE_HOME/tradlint/ptpt-*.bin, src/ptpt.c):
# written by the first run, read by the next ones with the same findings,
# rebuilt when a row of the list is edited (even keeping the file's size and
# time), and when the cache is damaged, truncated, foreign or of another
# format, never trusted; --no-cache neither reads nor writes it; runs at
# once leave a whole file. Prints "ptpt-cache: N passed, N failed".
. "$(dirname "$0")/lib.sh" ptpt-cache C.UTF-8 "$1"
unset TRADLINT_DB
export XDG_CACHE_HOME="$tmp/xdg"
dir="$XDG_CACHE_HOME/tradlint"
what="pt-PT cache" glob='ptpt-*.bin' prefix='.ptpt-'
. "$(dirname "$0")/cache-lib.sh"
cp -r "$root/dictionaries" "$tmp/d"
list="$tmp/d/pt-PT.tsv"
doc="$tmp/a.md"
cat >"$doc" <<'EOF'
# Telemóveis

O utilizador abriu o ecrã do telemóvel e viu o registo da equipa.
EOF
check() { TRADLINT_DEBUG_LOAD=1 "$bin" check -j 1 --no-db --format json --fail-on never --words-dir "$tmp/d" "$@"; }
ref() { "$bin" check -j 1 --no-db --no-cache --format json --fail-on never --words-dir "$tmp/d" "$doc"; }

ref >"$tmp/ref.json" 2>&1
[ "$(files)" = 0 ] && [ "$(grep -c '"rule": *"spelling.european"' "$tmp/ref.json")" -ge 3 ] && ok ||
  bad "--no-cache wrote a pt-PT cache, or the reference lacks pt-PT findings: $(cat "$tmp/ref.json")"

# cold: built from the list and written; warm: read, the same findings
check "$doc" >"$tmp/cold.json" 2>"$tmp/cold.err"
[ "$(said written "$tmp/cold.err")" = 1 ] && [ "$(files)" = 1 ] && cmp -s "$tmp/ref.json" "$tmp/cold.json" &&
  ok || bad "cold run: $(cat "$tmp/cold.err"), $(files) files, output differs?"
f=$(find "$dir" -name 'ptpt-*.bin')
check "$doc" >"$tmp/warm.json" 2>"$tmp/warm.err"
[ "$(said read "$tmp/warm.err")" = 1 ] && [ "$(said written "$tmp/warm.err")" = 0 ] &&
  cmp -s "$tmp/ref.json" "$tmp/warm.json" && ok || bad "warm run: $(cat "$tmp/warm.err"), output differs?"
# --no-cache: neither read nor written
before=$(md5sum <"$f")
TRADLINT_DEBUG_LOAD=1 "$bin" check -j 1 --no-db --no-cache --format json --fail-on never --words-dir "$tmp/d" \
  "$doc" >"$tmp/nc.json" 2>"$tmp/nc.err"
! grep -q "pt-PT cache" "$tmp/nc.err" && [ "$before" = "$(md5sum <"$f")" ] &&
  cmp -s "$tmp/ref.json" "$tmp/nc.json" && ok || bad "--no-cache used the pt-PT cache: $(cat "$tmp/nc.err")"

# an edited row, same size and modification time: the content tells
cp -p "$list" "$tmp/list.orig"
python3 - "$list" <<'EOF'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
# "ecrã" stops being a pt-PT form: the same number of bytes
assert "\necrã\ttela\t" in s
s = s.replace("\necrã\ttela\t", "\necrâ\ttela\t", 1)
open(p, "w", encoding="utf-8").write(s)
EOF
touch -r "$tmp/list.orig" "$list"
[ "$(stat -c %s.%Y "$list")" = "$(stat -c %s.%Y "$tmp/list.orig")" ] || bad "the edit changed the size or time"
ref >"$tmp/ref2.json" 2>&1
check "$doc" >"$tmp/edit.json" 2>"$tmp/edit.err"
! cmp -s "$tmp/ref.json" "$tmp/ref2.json" && cmp -s "$tmp/ref2.json" "$tmp/edit.json" &&
  grep -q "pt-PT cache rebuilt .* (stale)" "$tmp/edit.err" && [ "$(files)" = 1 ] && ok ||
  bad "edited row: $(cat "$tmp/edit.err"), $(files) files, findings of the old list?"
check "$doc" >"$tmp/edit2.json" 2>"$tmp/edit2.err"
[ "$(said read "$tmp/edit2.err")" = 1 ] && cmp -s "$tmp/ref2.json" "$tmp/edit2.json" && ok ||
  bad "after the edit, not read again: $(cat "$tmp/edit2.err")"
# an invalid list: the same error as without the cache, nothing written
printf 'só\tuma coluna\n' >>"$list"
ref >"$tmp/bad.ref" 2>&1; s0=$?
check "$doc" >"$tmp/bad.out" 2>"$tmp/bad.err"; s=$?
[ $s = 2 ] && [ $s0 = 2 ] && grep -Fq "$(tail -1 "$tmp/bad.ref")" "$tmp/bad.err" &&
  ! grep -q "pt-PT cache written" "$tmp/bad.err" && ok || bad "invalid list: exit $s, $(cat "$tmp/bad.err")"
cp -p "$tmp/list.orig" "$list"
check "$doc" >/dev/null 2>&1 # rebuilt for the list as it is again

damage_file "$f"
# a glossary cache file in its place (another magic): foreign
damage glossary foreign cp "$(find "$dir" -name 'glossary-*.bin' | head -1)" "$f"
replaced_while_mapped "touch -d '2001-02-03' '$list'" "touch '$list'"
runs_at_once
finish
