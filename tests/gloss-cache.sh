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
what="glossary cache" glob='glossary-*.bin' prefix='.glossary-'
. "$(dirname "$0")/cache-lib.sh"
cp -r "$root/glossary" "$tmp/g"
rm -f "$tmp/g/README.md"
doc="$tmp/a.md"
cat >"$doc" <<'EOF'
# Modelos

O modelo de linguagem grande usa aprendizado por reforço com feedback humano.
A OpenAI treinou o modelo com aprendizado de reforço e um grande conjunto de dados.
EOF
check() { TRADLINT_DEBUG_LOAD=1 "$bin" check -j 1 --no-db --format json --fail-on never --glossary "$tmp/g" "$@"; }

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

damage_file "$f"
replaced_while_mapped "touch -d '2001-02-03' '$g'" "touch '$g'"
runs_at_once
finish
