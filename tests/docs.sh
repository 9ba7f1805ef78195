#!/usr/bin/env bash
# The docs against the code: the glossary's concept count in README.md (the
# marked number) equals what `tradlint glossary check` counts; every long
# option a command's --help lists is in the man page; every relative link of
# README.md and docs/*.md names a file of the repository; no doc points
# outside the repository (../shared). UPDATE=1 rewrites the README's count.
# Prints "docs: N passed, N failed".
. "$(dirname "$0")/lib.sh" docs C.UTF-8 "$1"
readme=$root/README.md
n=$("$bin" glossary check | sed -n 's/^glossário: \([0-9]*\) conceitos.*/\1/p')
if [ -z "$n" ]; then bad "glossary check printed no count"; finish; exit 1; fi
if [ "${UPDATE:-0}" = 1 ]; then
  sed -i "s|<!-- concepts -->[0-9]*<!-- /concepts -->|<!-- concepts -->$n<!-- /concepts -->|" "$readme"
fi
got=$(grep -o '<!-- concepts -->[0-9]*<!-- /concepts -->' "$readme" | grep -o '[0-9][0-9]*')
[ -n "$got" ] && [ "$got" = "$n" ] && ok || bad "README says ${got:-no} concepts, glossary check counts $n (make docs-update)"
# options: every command's --help against the man page
missing=""
helps=$("$bin" --help; for c in check align "corpus index" "corpus report" "corpus variants" \
        "corpus export" "corpus migrate" "glossary check" "glossary import" "glossary export" install-hook; do "$bin" $c --help; done)
[ -n "$helps" ] && ok || bad "no --help output"
for o in $(printf '%s\n' "$helps" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
  grep -q -- "$(printf '%s' "$o" | sed 's/-/\\\\-/g')" "$root/docs/tradlint.1" || missing="$missing $o"
done
[ -z "$missing" ] && ok || bad "options not in docs/tradlint.1:$missing"
# relative links resolve inside the repository
for f in "$readme" "$root"/docs/*.md; do
  dir=$(dirname "$f")
  for l in $(grep -o '](\([^)#:]*\))' "$f" | sed 's/^](//; s/)$//'); do
    [ -e "$dir/$l" ] && [[ "$(cd "$dir" && realpath -m "$l")" == "$root"* ]] && ok || bad "$(basename "$f"): link to $l"
  done
done
! grep -n '\.\./shared\|/work/' "$readme" "$root"/docs/DESIGN.md "$root"/docs/rules.md "$root"/docs/ABI.md "$root"/docs/*.1 && ok || bad "a doc points outside the repository"
finish
