#!/usr/bin/env bash
# Installation: `make install DESTDIR=... PREFIX=/usr` puts the binary, the
# libraries (shared with its soname, static), header, pkg-config file, man
# pages, changelog and data in place; the installed binary, run from an
# empty folder with TRADLINT_DATA_DIR unset, finds its data under the
# staged prefix; a missing or empty glossary is exit 2 with a clear message;
# a program builds and runs against the installed library through
# pkg-config; `make uninstall` removes every file.
# Prints "install: N passed, N failed".
. "$(dirname "$0")/lib.sh" install C.UTF-8 "$1"
unset TRADLINT_DATA_DIR TRADLINT_DB
build=${BUILD:-build}
stage=$tmp/stage
make -s -C "$root" BUILD="$build" install DESTDIR="$stage" PREFIX=/usr >"$tmp/install.log" 2>&1 ||
  { bad "make install failed: $(tail -5 "$tmp/install.log")"; finish; exit 1; }
for f in usr/bin/tradlint usr/lib/libtradlint.a usr/lib/libtradlint.so.0.1.0 \
         usr/include/tradlint.h usr/lib/pkgconfig/tradlint.pc \
         usr/share/man/man1/tradlint.1 usr/share/man/pt_BR/man1/tradlint.1 \
         usr/share/doc/tradlint/CHANGELOG.md usr/share/doc/tradlint/ABI.md \
         usr/share/tradlint/glossary/README.md usr/share/tradlint/dictionaries/ai-journalism.txt; do
  [ -f "$stage/$f" ] && ok || bad "not installed: $f"
done
[ "$(readlink "$stage/usr/lib/libtradlint.so.1")" = libtradlint.so.0.1.0 ] &&
  [ "$(readlink "$stage/usr/lib/libtradlint.so")" = libtradlint.so.1 ] && ok || bad "library links"
soname=$(objdump -p "$stage/usr/lib/libtradlint.so.0.1.0" | awk '$1 == "SONAME" {print $2}')
[ "$soname" = libtradlint.so.1 ] && ok || bad "soname is '$soname'"
# the shared library exports the tl_ API and nothing else
exported=$(nm -D --defined-only "$stage/usr/lib/libtradlint.so.0.1.0" | awk '$2 ~ /[TDBR]/ {print $3}')
[ -n "$exported" ] && ! grep -qv '^tl_' <<<"$exported" && grep -qx tl_lint_buffer <<<"$exported" &&
  ok || bad "exported: $(grep -v '^tl_' <<<"$exported" | head -5)"
# the man pages render without warnings
for m in man1/tradlint.1 pt_BR/man1/tradlint.1; do
  w=$(LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww -z "$stage/usr/share/man/$m" 2>&1)
  [ -z "$w" ] && ok || bad "$m: $w"
done

# ---- the installed binary, from an empty folder ----------------------------
mkdir "$tmp/empty" && cd "$tmp/empty"
printf 'O GPT-4.0 foi lançado pela OpenAI.\n' >"$tmp/a.md"
out=$("$stage/usr/bin/tradlint" check --no-db "$tmp/a.md" 2>&1); s=$?
[ $s = 1 ] && [[ "$out" == *"terminology.forbidden"* || "$out" == *"GPT-4o"* ]] && ok ||
  bad "installed binary: exit $s: $out"
out=$("$stage/usr/bin/tradlint" glossary check 2>&1); s=$?
[ $s = 0 ] && [[ "$out" == *"conceitos"* ]] && ok || bad "installed glossary check: exit $s: $out"
[ -z "$(ls -A)" ] && ok || bad "the run wrote into the current folder: $(ls -A)"
# TRADLINT_DATA_DIR still overrides
mkdir -p "$tmp/data/glossary" "$tmp/data/dictionaries"
printf 'id\tpreferred\tforbidden\tcase\nx\tFooBar\tFuBar\texact\n' >"$tmp/data/glossary/g.tsv"
printf 'O FuBar e o GPT-4.0.\n' >"$tmp/b.md"
out=$(TRADLINT_DATA_DIR="$tmp/data" "$stage/usr/bin/tradlint" check --no-db "$tmp/b.md" 2>&1); s=$?
[ $s = 1 ] && [[ "$out" == *FooBar* ]] && [[ "$out" != *GPT-4o* ]] && ok || bad "TRADLINT_DATA_DIR: exit $s: $out"

# ---- a missing or empty glossary is an error, never a silent skip ---------
cp -a "$stage" "$tmp/nogl" && rm -rf "$tmp/nogl/usr/share/tradlint/glossary"
out=$("$tmp/nogl/usr/bin/tradlint" check --no-db "$tmp/a.md" 2>&1); s=$?
[ $s = 2 ] && [[ "$out" == *"glossário da casa não encontrado"* ]] && [[ "$out" == *--no-glossary* ]] &&
  ok || bad "missing glossary: exit $s: $out"
out=$("$tmp/nogl/usr/bin/tradlint" check --no-db --no-glossary "$tmp/a.md" 2>&1); s=$?
[ $s = 0 ] && ok || bad "--no-glossary without a glossary: exit $s: $out"
mkdir "$tmp/nogl/usr/share/tradlint/glossary"
out=$("$tmp/nogl/usr/bin/tradlint" check --no-db "$tmp/a.md" 2>&1); s=$?
[ $s = 2 ] && [[ "$out" == *"nenhum glossário"* ]] && ok || bad "empty glossary folder: exit $s: $out"
printf '# nada\nid\tpreferred\n' >"$tmp/nogl/usr/share/tradlint/glossary/vazio.tsv"
out=$("$tmp/nogl/usr/bin/tradlint" check --no-db "$tmp/a.md" 2>&1); s=$?
[ $s = 2 ] && [[ "$out" == *"glossário vazio"* ]] && ok || bad "glossary without concepts: exit $s: $out"
cd "$tmp"

# ---- a program against the installed library, through pkg-config -----------
cat >prog.c <<'EOC'
#include <tradlint.h>
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv)
{
  tl_options opt;
  tl_linter *l;
  tl_result *r;
  tl_error err;
  const char *gl[] = {argv[1], NULL}, *text = "O GPT-4.0 chegou.\n";
  (void)argc;
  tl_options_init(&opt);
  opt.glossary = gl;
  if (tl_linter_new(&l, &opt, &err) != TL_OK) { fprintf(stderr, "%s\n", err.msg); return 2; }
  if (tl_lint_buffer(l, "a.md", text, strlen(text), TL_MARKUP_AUTO, &r, &err) != TL_OK) return 2;
  for (size_t i = 0; i < tl_result_count(r); i++)
    printf("%s\n", tl_result_get(r, i)->rule);
  tl_result_free(r);
  tl_linter_free(l);
  return 0;
}
EOC
export PKG_CONFIG_SYSROOT_DIR="$stage" PKG_CONFIG_LIBDIR="$stage/usr/lib/pkgconfig:$(pkg-config --variable pc_path pkg-config)"
[ "$(pkg-config --modversion tradlint)" = 0.1.0 ] && ok || bad "pkg-config --modversion"
# PROG_LDFLAGS: the flags the library was built with (the sanitizers under
# check-asan), which a program linking it needs as well.
if cc ${PROG_LDFLAGS:-} -o prog-shared prog.c $(pkg-config --cflags --libs tradlint) 2>cc.log; then
  out=$(LD_LIBRARY_PATH="$stage/usr/lib" TRADLINT_DATA_DIR="$stage/usr/share/tradlint" \
        ./prog-shared "$stage/usr/share/tradlint/glossary" 2>&1)
  [[ "$out" == *terminology.forbidden* ]] && ok || bad "shared program: $out"
  objdump -p prog-shared | grep -q 'NEEDED *libtradlint.so.1' && ok || bad "program does not need libtradlint.so.1"
else bad "shared link: $(head -5 cc.log)"; fi
if cc ${PROG_LDFLAGS:-} -o prog-static prog.c -I"$stage/usr/include" "$stage/usr/lib/libtradlint.a" \
     $(pkg-config --static --libs-only-l tradlint | sed 's/-ltradlint//') 2>cc.log; then
  out=$(TRADLINT_DATA_DIR="$stage/usr/share/tradlint" ./prog-static "$stage/usr/share/tradlint/glossary" 2>&1)
  [[ "$out" == *terminology.forbidden* ]] && ! objdump -p prog-static | grep -q libtradlint && ok ||
    bad "static program: $out"
else bad "static link: $(head -5 cc.log)"; fi
unset PKG_CONFIG_SYSROOT_DIR PKG_CONFIG_LIBDIR

# ---- uninstall leaves no file ------------------------------------------------
make -s -C "$root" BUILD="$build" uninstall DESTDIR="$stage" PREFIX=/usr >/dev/null 2>&1
left=$(find "$stage" -type f -o -type l)
[ -z "$left" ] && ok || bad "left after uninstall: $left"
finish
