#!/usr/bin/env bash
# The command layer and the configuration: long lists from argv and from
# .tradlint.toml (words, glossary, rules) that once overflowed arrays sized
# from argc, a strict configuration parser (duplicate keys and tables,
# empty paths), --config on a folder, a FIFO or a device, and option
# spellings. Prints "cli: N passed, N failed".
. "$(dirname "$0")/lib.sh" cli C.UTF-8 "$1"
unset TRADLINT_DB
cd "$tmp" || exit 2

# expect NAME STATUS PATTERN -- ARGS...: exit status STATUS within 20 s and
# stdout+stderr matching grep -E PATTERN.
expect() {
  local name=$1 status=$2 pattern=$3; shift 4
  local out rc
  out=$(timeout 20 "$bin" "$@" 2>&1); rc=$?
  if [ "$rc" = "$status" ] && printf '%s\n' "$out" | grep -Eq -- "$pattern"; then ok
  else bad "$name (exit $rc, expected $status; pattern '$pattern'): ${out:0:400}"; fi
}
# list KEY PREFIX SUFFIX N: a TOML list of N items "PREFIX<i>SUFFIX"
list() {
  local items=() i
  for i in $(seq 1 "$4"); do items+=("\"$2$i$3\""); done
  local IFS=,; echo "$1 = [${items[*]}]"
}

printf 'O modelo Zhipu1 e o Zhipu12 usam ajuste fino.\n' >a.md
letters=(x a b c d e f g h i j k l)
for i in $(seq 1 12); do
  printf 'Zhipu%d\n' "$i" >"w$i.txt"
  printf 'id\tpreferred\tforbidden\nc%d\tcerto%s\terrado%s\n' "$i" "${letters[$i]}" "${letters[$i]}" >"g$i.tsv"
done

# 12 word lists and 12 glossaries from the configuration (aborted, then a
# double free, when merged into arrays sized from argc)
mkdir -p words12 glossary12 empty301
list words w .txt 12 >words12/.tradlint.toml
sed -i 's/"w/"..\/w/g' words12/.tradlint.toml
expect "words = [12 files]" 0 "1 arquivo, 9 palavras: 0 erros" -- \
  check --no-db --no-glossary --config words12/.tradlint.toml a.md
list glossary g .tsv 12 >glossary12/.tradlint.toml
sed -i 's/"g/"..\/g/g' glossary12/.tradlint.toml
printf 'Houve erradol no modelo.\n' >b.md
expect "glossary = [12 files]" 1 "erradol.*terminologia" -- \
  check --no-db --config glossary12/.tradlint.toml b.md
list glossary "" "" 301 | sed 's/"[0-9]*"/""/g' >empty301/.tradlint.toml
expect "glossary = [301 empty strings]" 2 \
  "empty301/.tradlint.toml:1:13: 'glossary': texto vazio na lista" -- \
  check --no-db --config empty301/.tradlint.toml a.md
# many on the command line, with the configuration's lists and rules
args=()
for i in $(seq 1 12); do args+=(--words "w$i.txt" --glossary "g$i.tsv" --rule "number=off"); done
printf '[rules]\nrepetition = "error"\n' >rules.toml
expect "40 options and a configuration" 1 "erradol" -- \
  check --no-db --config rules.toml "${args[@]}" a.md b.md
files=()
for i in $(seq 1 60); do cp a.md "f$i.md"; files+=("f$i.md"); done
expect "60 paths" 0 "60 arquivos" -- check --no-db --no-glossary --words-dir "$tmp" \
  --words w1.txt --words w12.txt "${files[@]}"

# strict configuration: duplicate keys and tables, named by file:line:column
printf 'fail-on = "warning"\n# comentário\nfail-on = "error"\n' >dup.toml
expect "duplicate key" 2 "dup.toml:3:1: chave 'fail-on' repetida \(já definida na linha 1\)" -- \
  check --no-db --config dup.toml a.md
printf '[rules]\nspelling = "warning"\n\n[rules]\nnumber = "off"\n' >duptable.toml
expect "duplicate table" 2 "duptable.toml:4:1: tabela \[rules\] repetida \(já aberta na linha 1\)" -- \
  check --no-db --config duptable.toml a.md
printf '[rules]\n"number" = "off"\nnumber = "warning"\n' >duprule.toml
expect "duplicate rule" 2 "duprule.toml:3:1: chave 'rules.number' repetida" -- \
  check --no-db --config duprule.toml a.md
printf 'glossary = [\n  "g1.tsv",\n  "g2.tsv"\n]\nwords = ["w1.txt"]\nglossary = ["g3.tsv"]\n' >dupmulti.toml
expect "duplicate key after a list over lines" 2 "dupmulti.toml:6:1: chave 'glossary' repetida \(já definida na linha 1\)" -- \
  check --no-db --config dupmulti.toml a.md
printf 'words = [\n  "w1.txt",\n  ""\n]\n' >emptyline.toml
expect "empty path, on its line" 2 "emptyline.toml:3:3: 'words': texto vazio" -- \
  check --no-db --config emptyline.toml a.md
printf 'db = ""\n' >emptydb.toml
expect "empty db path" 2 "emptydb.toml:1:6: 'db': texto vazio" -- \
  check --config emptydb.toml a.md

# --config: regular files only, of a bounded size, never waited on
mkdir -p pasta
expect "--config on a folder" 2 "pasta: é uma pasta" -- check --no-db --config pasta a.md
mkfifo fifo.toml
expect "--config on a FIFO without a writer" 2 "fifo.toml: não é um arquivo comum" -- \
  check --no-db --config fifo.toml a.md
expect "--config /dev/zero" 2 "/dev/zero: não é um arquivo comum" -- \
  check --no-db --config /dev/zero a.md
head -c 2000000 /dev/zero | tr '\0' '#' >big.toml
expect "--config larger than 1 MB" 2 "big.toml: configuração grande demais" -- \
  check --no-db --config big.toml a.md
expect "--config missing" 2 "nada.toml: não foi possível abrir" -- \
  check --no-db --config nada.toml a.md

# options as users write them
expect "-j2 glued" 0 "1 arquivo" -- check -j2 --no-db --no-glossary --words w1.txt --words w12.txt a.md
expect "--jobs=2" 0 "1 arquivo" -- check --jobs=2 --no-db --no-glossary --words w1.txt --words w12.txt a.md
expect "options after paths" 1 '"errors": 1' -- check b.md --no-db -f json --glossary g12.tsv
expect "-- ends options" 2 "\-\-no-db: arquivo ou pasta não encontrado" -- check --no-glossary -- --no-db
expect "a value for a flag" 2 "a opção '--no-db' não aceita valor" -- check --no-db=sim a.md
expect "missing value" 2 "a opção '--glossary' precisa de um valor" -- check a.md --glossary
expect "unknown short option" 2 "opção desconhecida '-x'" -- check -x a.md
expect "option of another command" 2 "opção desconhecida '--fix'" -- corpus report --fix
expect "corpus --no-db" 2 "não serve para 'tradlint corpus'" -- corpus stats --no-db
expect "corpus without subcommand" 2 "uso: tradlint corpus index\|report" -- corpus
expect "corpus --help" 0 "corpus variants" -- corpus --help
expect "glossary misspelt" 2 "'chek' não é um subcomando de 'glossary'; você quis dizer 'glossary check'" -- glossary chek
expect "an unknown word" 2 "'xyzzy' não é um comando nem um arquivo ou pasta" -- xyzzy
expect "a file named like a command word" 0 "1 arquivo" -- \
  $(cp a.md chek && echo chek) --no-db --no-glossary --words w1.txt --words w12.txt
expect "--help lists the commands" 0 "corpus report.*conceitos" -- --help
expect "install-hook operand" 2 "argumento inesperado 'x'" -- install-hook x
expect "--staged with a path" 2 "--staged não aceita caminhos" -- check --staged a.md

# Hunspell, libpq, libxml2, libmicrohttpd and SQLite are opened on first use
# (src/lazylib.c): a check loads Hunspell (and with it the C++ runtime) only when
# a verdict is not in the cache, and none of the others (SQLite only for its
# corpus memory, which --no-db leaves closed); a library that
# cannot be opened is named, with exit status 2, when a command needs it
libs=$(XDG_CACHE_HOME=$tmp/lazy LD_DEBUG=files timeout 20 "$bin" check --no-db --no-glossary a.md 2>&1 >/dev/null |
  grep -oE 'file=lib(pq|xml2|microhttpd|hunspell|sqlite3)[^ ]*' | sort -u)
[ "$libs" = file=libhunspell-1.7.so.0 ] && ok || bad "a cold check loaded $libs"
libs=$(XDG_CACHE_HOME=$tmp/lazy LD_DEBUG=files timeout 20 "$bin" check --no-db --no-glossary a.md 2>&1 >/dev/null |
  grep -oE 'file=lib(pq|xml2|microhttpd|hunspell|sqlite3)[^ ]*' | sort -u)
[ -z "$libs" ] && ok || bad "a warm check loaded $libs"
libs=$(XDG_CACHE_HOME=$tmp/lazy TRADLINT_DB=$tmp/lazy.db LD_DEBUG=files timeout 20 "$bin" check --no-glossary a.md 2>&1 >/dev/null |
  grep -oE 'file=lib(pq|xml2|microhttpd|hunspell|sqlite3)[^ ]*' | sort -u)
case "$libs" in *file=libsqlite3.so.0*) ok ;; *) bad "a check with its memory did not load SQLite: $libs" ;; esac
[ -s lazy.db ] && ok || bad "a check with its memory wrote no $tmp/lazy.db"
libs=$(LD_DEBUG=files timeout 20 "$bin" glossary export --format tbx 2>&1 >/dev/null |
  grep -oE 'file=libxml2[^ ]*' | sort -u)
[ -n "$libs" ] && ok || bad "glossary export --format tbx did not load libxml2"
# Static tables hold offsets, not pointers (tools/freedict_table.py): every
# pointer of a position-independent program is a relocation written at each
# start (53,000 of them, 490 KB of pages, before the FreeDict table's)
rel=$(LD_DEBUG=statistics timeout 20 "$bin" --version 2>&1 >/dev/null |
  sed -n 's/.*number of relative relocations: *\([0-9]*\).*/\1/p' | head -n 1)
[ -z "$rel" ] || [ "$rel" -lt 20000 ] && ok || bad "start-up makes $rel relative relocations"
mkdir -p nolib && : >nolib/libxml2.so.2 && : >nolib/libxml2.so
LD_LIBRARY_PATH=$tmp/nolib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} expect "libxml2 unloadable" 2 \
  "não foi possível carregar a biblioteca libxml2.so.2 \(.*\): instale-a" -- glossary export --format tbx

: >nolib/libsqlite3.so.0 && : >nolib/libsqlite3.so
LD_LIBRARY_PATH=$tmp/nolib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} TRADLINT_DB=$tmp/nolib.db expect "SQLite unloadable" 2 \
  "não foi possível carregar a biblioteca libsqlite3.so.0 \(.*\): instale-a" -- check --no-glossary a.md

finish
