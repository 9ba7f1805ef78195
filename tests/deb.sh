#!/usr/bin/env bash
# The Debian packages: `make deb` builds them with dpkg-buildpackage -us -uc
# and lintian reports no error; dpkg -i installs them on this machine;
# /usr/bin/tradlint, run from an empty folder without TRADLINT_DATA_DIR,
# checks an article with the packaged glossary and man finds both manual
# pages; a program builds against libtradlint-dev (pkg-config) and runs on
# libtradlint1; dpkg --purge removes every file. Refuses to run when a
# tradlint package is installed already (it would be replaced).
# Prints "deb: N passed, N failed".
. "$(dirname "$0")/lib.sh" deb C.UTF-8 "$1"
unset TRADLINT_DATA_DIR TRADLINT_DB
build=${BUILD:-build}
if dpkg -s tradlint >/dev/null 2>&1 || dpkg -s libtradlint1 >/dev/null 2>&1; then
  bad "a tradlint package is installed already: remove it first"; finish; exit 1
fi
if [ "$(id -u)" != 0 ]; then bad "dpkg -i needs root"; finish; exit 1; fi
start=$(date +%s)
make -s -C "$root" BUILD="$build" deb >"$tmp/deb.log" 2>&1 && ok ||
  { bad "make deb failed: $(tail -20 "$tmp/deb.log")"; finish; exit 1; }
echo "deb: make deb (dpkg-buildpackage + lintian) took $(( $(date +%s) - start )) s"
debs=$root/$build/deb
grep -q '^E: ' "$debs/lintian.log" && bad "lintian errors: $(grep '^E: ' "$debs/lintian.log")" || ok
lines=$(grep -c '^[EW]: ' "$debs/lintian.log")
echo "deb: lintian: $lines errors and warnings, $(grep -c '^I: ' "$debs/lintian.log") info tags (build/deb/lintian.log)"
# what each package holds
dpkg-deb -c "$debs"/tradlint_*_amd64.deb 2>/dev/null | grep -q '\./usr/share/tradlint/glossary/.*\.tsv$' && ok || bad "no glossary in tradlint.deb"
dpkg-deb -c "$debs"/libtradlint1_*_amd64.deb 2>/dev/null | grep -q 'libtradlint.so.1 -> ' && ok || bad "libtradlint1 without its soname link"
dpkg-deb -c "$debs"/libtradlint-dev_*_amd64.deb 2>/dev/null | grep -q 'pkgconfig/tradlint.pc$' && ok || bad "libtradlint-dev without tradlint.pc"

# ---- installed with dpkg, used, removed ---------------------------------------
trap 'dpkg --purge tradlint libtradlint-dev libtradlint1 >/dev/null 2>&1; rm -rf "$tmp"' EXIT
if dpkg -i "$debs"/tradlint_*_amd64.deb "$debs"/libtradlint1_*_amd64.deb "$debs"/libtradlint-dev_*_amd64.deb >"$tmp/dpkg.log" 2>&1; then ok
else bad "dpkg -i: $(tail -10 "$tmp/dpkg.log")"; fi
mkdir "$tmp/empty" && cd "$tmp/empty"
printf 'O GPT-4.0 foi lançado pela OpenAI, e a ChatGPT respondeu.\n' >"$tmp/artigo.md"
out=$(/usr/bin/tradlint check --no-db "$tmp/artigo.md" 2>&1); s=$?
[ $s = 1 ] && [[ "$out" == *GPT-4o* ]] && [[ "$out" == *"o ChatGPT"* ]] && ok || bad "installed tradlint: exit $s: $out"
echo "$out" | head -3 | sed 's/^/deb: | /'
out=$(/usr/bin/tradlint glossary check 2>&1) && [[ "$out" == *conceitos* ]] && ok || bad "glossary check: $out"
[ -z "$(ls -A)" ] && ok || bad "wrote into the current folder"
MANPAGER=cat man -P cat tradlint 2>/dev/null | grep -q 'TRADLINT_DATA_DIR' && ok || bad "man tradlint"
LANGUAGE= LC_ALL=C.UTF-8 man -L pt_BR -P cat tradlint 2>/dev/null | grep -q 'DESCRIÇÃO' && ok || bad "man -L pt_BR tradlint"
[ -f /usr/share/doc/tradlint/rules.md ] && [ -f /usr/share/doc/tradlint/changelog.gz ] && ok || bad "docs: $(ls /usr/share/doc/tradlint)"
cat >"$tmp/prog.c" <<'EOC'
#include <tradlint.h>
#include <stdio.h>
int main(void)
{
  tl_format f;
  char *g = tl_data_path("glossary");
  tl_glossary_stats st;
  const char *paths[] = {g, NULL};
  tl_error err;
  if (!tl_format_parse("junit", &f) || tl_glossary_check(paths, &st, &err) != TL_OK)
    return 1;
  printf("%s %zu\n", tl_format_name(f), st.concepts);
  return 0;
}
EOC
if cc -o "$tmp/prog" "$tmp/prog.c" $(pkg-config --cflags --libs tradlint) 2>"$tmp/cc.log"; then
  out=$(TRADLINT_DATA_DIR=/usr/share/tradlint "$tmp/prog" 2>&1)
  [[ "$out" == "junit "[0-9]* ]] && ldd "$tmp/prog" | grep -Eq 'libtradlint.so.1 => (/usr)?/lib/' && ok ||
    bad "program on libtradlint1: $out"
else bad "build against libtradlint-dev: $(head -5 "$tmp/cc.log")"; fi
cd "$tmp"
dpkg --purge tradlint libtradlint-dev libtradlint1 >/dev/null 2>&1 && ok || bad "dpkg --purge"
[ ! -e /usr/bin/tradlint ] && [ ! -e /usr/share/tradlint ] && [ ! -e /usr/include/tradlint.h ] && ok ||
  bad "files left after purge"
finish
