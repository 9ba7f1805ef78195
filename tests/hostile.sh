#!/usr/bin/env bash
# Hostile input and races (issue 11), the small and fast cases: --fix
# integrity (an edit made meanwhile, symbolic and hard links, owner,
# folder fsync, a fixed point), input that never ends (FIFO, devices, size
# cap), names that would break an output format, the corpus database's bad
# states, and walking on past an unreadable folder.
# usage: tests/hostile.sh BIN SHIM. Prints "hostile: N passed, N failed".
. "$(dirname "$0")/lib.sh" hostile C.UTF-8 "$1"
shim=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
unset TRADLINT_DB
cd "$tmp"

# check NAME CONDITION...: ok when the condition (a command) succeeds.
check() {
  local name=$1; shift
  if "$@"; then ok; else bad "$name"; fi
}
run() { out=$(timeout "${LIMIT:-20}" "$bin" "$@" 2>&1); rc=$?; }

# ---- --fix ------------------------------------------------------------------
fixme='O GPT-4.0 foi usado pela Open AI.\n'
fixed='O GPT-4o foi usado pela OpenAI.\n'

# An editor appends a line while --fix runs: the fix is refused, the line kept.
printf "$fixme" >edit.md
out=$(TL_APPEND='Linha nova do editor.
' LD_PRELOAD="$shim" timeout 20 "$bin" check --no-db --fix edit.md 2>&1); rc=$?
if [ $rc = 2 ] && [[ "$out" == *"edit.md: o arquivo mudou depois de lido"* ]] &&
   grep -q 'Linha nova do editor' edit.md && grep -q 'GPT-4.0' edit.md &&
   ! ls | grep -q tradlint-; then ok
else bad "--fix during an edit: exit $rc: $out; file: $(cat edit.md)"; fi

# Through a symbolic link: the target is fixed, the link stays a link.
mkdir real && printf "$fixme" >real/alvo.md && ln -s real/alvo.md link.md
run check --no-db --fix --fail-on never link.md
if [ $rc = 0 ] && [ -L link.md ] && [ "$(readlink link.md)" = real/alvo.md ] &&
   [ "$(cat real/alvo.md)" = "$(printf "$fixed")" ]; then ok
else bad "--fix on a symlink: exit $rc, $(ls -l link.md): $out"; fi

# Hard links: every name sees the fix, the inode is the same.
printf "$fixme" >h1.md && ln h1.md h2.md
ino=$(stat -c %i h1.md)
run check --no-db --fix --fail-on never h1.md
if [ $rc = 0 ] && [ "$(stat -c %i h1.md)" = "$ino" ] && [ "$(stat -c %h h1.md)" = 2 ] &&
   [ "$(cat h2.md)" = "$(printf "$fixed")" ] && ! ls | grep -q tradlint-; then ok
else bad "--fix on a hard link: exit $rc, inode $(stat -c %i h1.md) was $ino, h2: $(cat h2.md): $out"; fi

# Owner, group and permissions stay (root fixing another user's file).
printf "$fixme" >own.md && chmod 640 own.md
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
  chown nobody:nogroup own.md 2>/dev/null || chown nobody own.md
  before=$(stat -c '%U:%G %a' own.md)
  run check --no-db --fix --fail-on never own.md
  if [ $rc = 0 ] && [ "$(stat -c '%U:%G %a' own.md)" = "$before" ] &&
     grep -q OpenAI own.md; then ok
  else bad "--fix as root: owner $(stat -c '%U:%G %a' own.md), was $before: $out"; fi
else
  run check --no-db --fix --fail-on never own.md
  [ "$(stat -c %a own.md)" = 640 ] && ok || bad "--fix: mode $(stat -c %a own.md)"
fi

# The folder is flushed to disk after the rename.
mkdir sync && printf "$fixme" >sync/a.md
out=$(TL_FSYNC_LOG="$tmp/fsync.log" LD_PRELOAD="$shim" timeout 20 "$bin" check --no-db --fix --fail-on never sync/a.md 2>&1); rc=$?
if [ $rc = 0 ] && grep -qx "dir $tmp/sync" fsync.log 2>/dev/null; then ok
else bad "--fix: no fsync of the folder (exit $rc): $(cat fsync.log 2>/dev/null)"; fi

# A fixed point: what a fix uncovers is fixed in the same run, and a second
# --fix changes nothing.
printf 'A Open AI OpenAI lançou o modelo.\n' >idem.md
run check --no-db --fix --fail-on never idem.md
first=$(cat idem.md)
run check --no-db --fix --fail-on never idem.md
if [ "$first" = 'A OpenAI lançou o modelo.' ] && [ "$(cat idem.md)" = "$first" ] &&
   [[ "$out" != *"correç"* ]]; then ok
else bad "--fix not idempotent: after one run '$first', after two '$(cat idem.md)': $out"; fi

# ---- input that never ends ---------------------------------------------------
# Devices and a FIFO without a writer: refused at once, by name (exit 2).
mkfifo fifo.md
for f in /dev/zero /dev/urandom fifo.md; do
  run check --no-db "$f"
  if [ $rc = 2 ] && [[ "$out" == *"$f: "*"não é um arquivo comum"* || "$out" == *"$f: é um"* ]]; then ok
  else bad "$f as a path: exit $rc: ${out:0:300}"; fi
done
# Standard input is capped like a file: /dev/zero stops at the cap.
out=$(timeout 20 "$bin" check --no-db - </dev/zero 2>&1); rc=$?
if [ $rc = 2 ] && [[ "$out" == *"entrada padrão: maior que o limite de 128 MiB"*"--max-size"* ]]; then ok
else bad "/dev/zero on stdin: exit $rc: ${out:0:300}"; fi
# A file over the cap: refused before it is read (sparse: costs no disk).
truncate -s 129M grande.md
run check --no-db grande.md
if [ $rc = 2 ] && [[ "$out" == *"grande.md: maior que o limite de 128 MiB"* ]]; then ok
else bad "file over the cap: exit $rc: ${out:0:300}"; fi
# --max-size: the cap named in the message, and a larger one lets it in.
head -c 3000 /dev/zero | tr '\0' 'a' >tres-k.md
run check --no-db --max-size 2K tres-k.md
if [ $rc = 2 ] && [[ "$out" == *"tres-k.md: maior que o limite de 2 KiB"*"--max-size"* ]]; then ok
else bad "--max-size 2K: exit $rc: ${out:0:300}"; fi
run check --no-db --fail-on never --max-size 4K tres-k.md
[ $rc = 0 ] && ok || bad "--max-size 4K: exit $rc: ${out:0:300}"
run check --no-db --max-size 2X tres-k.md
if [ $rc = 2 ] && [[ "$out" == *"--max-size '2X' inválido"* ]]; then ok
else bad "--max-size 2X: exit $rc: ${out:0:300}"; fi
# Word lists and glossaries: a FIFO in the glossary folder, devices as files.
mkdir gl && printf 'id\tpreferred\nx\tajuste fino\n' >gl/a.tsv && mkfifo gl/b.tsv
printf 'Um texto.\n' >t.md
run check --no-db --glossary gl t.md
if [ $rc = 2 ] && [[ "$out" == *"gl/b.tsv: é um FIFO"* ]]; then ok
else bad "FIFO in the glossary folder: exit $rc: ${out:0:300}"; fi
for opt in --words --glossary; do
  run check --no-db $opt /dev/zero t.md
  if [ $rc = 2 ] && [[ "$out" == *"/dev/zero: é um dispositivo"* ]]; then ok
  else bad "$opt /dev/zero: exit $rc: ${out:0:300}"; fi
done

# ---- names in the output ---------------------------------------------------------
mkdir nomes
printf 'O GPT-4.0 chegou.\n' >"nomes/$(printf 'caf\xe9.md')"          # not UTF-8
printf 'O GPT-4.0 chegou.\n' >"nomes/$(printf 'x\033]0;pwned\007\033[2J.md')"  # escapes
printf 'O GPT-4.0 chegou.\n' >'nomes/a\b #1.md'                          # backslash
# JSON stays valid, every file in it.
"$bin" check --no-db --format json --fail-on never nomes >out.json 2>err.txt
if python3 -c "
import json, sys
d = json.load(open('out.json', encoding='utf-8'))
paths = [f['path'] for f in d['files']]
sys.exit(0 if len(paths) == 3 and any('\\\\xE9' in p for p in paths) else 1)"; then ok
else bad "JSON with a non-UTF-8 file name: $(head -c 300 out.json)"; fi
# SARIF: valid, a location for every result, URIs percent-encoded.
"$bin" check --no-db --format sarif --fail-on never nomes >out.sarif 2>err.txt
if python3 -c "
import json, sys, urllib.parse
d = json.load(open('out.sarif', encoding='utf-8'))
rs = d['runs'][0]['results']
uris = [r['locations'][0]['physicalLocation']['artifactLocation']['uri'] for r in rs]
ok = len(rs) == 3 and all(u.isascii() and ' ' not in u and '\\\\' not in u for u in uris)
ok = ok and any(urllib.parse.unquote_to_bytes(u).endswith(b'caf\xe9.md') for u in uris)
ok = ok and any(urllib.parse.unquote_to_bytes(u).endswith(b'a\\\\b #1.md') for u in uris)
sys.exit(0 if ok else 1)"; then ok
else bad "SARIF with odd file names: $(head -c 600 out.sarif)"; fi
# Text: no escape sequence from a file name reaches the terminal.
"$bin" check --no-db --fail-on never nomes >out.txt 2>&1
if ! grep -q "$(printf '\033')" out.txt && grep -q 'x\\x1B\]0;pwned\\x07\\x1B\[2J.md:1:3' out.txt &&
   grep -q 'caf\\xE9.md:1:3' out.txt; then ok
else bad "text output with escapes in a file name: $(cat -v out.txt | head -5)"; fi
# Errors on standard error too.
"$bin" check --no-db "$(printf 'nao\033[31mexiste.md')" >out.txt 2>&1
if ! grep -q "$(printf '\033')" out.txt && grep -q 'nao\\x1B\[31mexiste.md' out.txt; then ok
else bad "error message with escapes in a file name: $(cat -v out.txt)"; fi
# --report-dir: a file named index does not replace the index; a backslash
# in a name stays in its link.
mkdir rel && printf 'O GPT-4.0 chegou.\n' >rel/index && printf 'Outro texto.\n' >'rel/a\b.md'
(cd rel && "$bin" check --no-db --plain --fail-on never --report-dir ../rep index 'a\b.md' >/dev/null 2>&1)
if grep -q 'Relatório do tradlint' rep/index.html && [ -f rep/index~2.html ] &&
   grep -q 'href="index~2.html"' rep/index.html && grep -q 'href="a%5Cb.md.html"' rep/index.html &&
   [ -f 'rep/a\b.md.html' ]; then ok
else bad "--report-dir with index and a backslash: $(ls rep): $(grep -o 'href="[^"]*"' rep/index.html | tr '\n' ' ')"; fi

# The CI formats: rdjson valid JSON with every file, checkstyle and JUnit
# well-formed XML (no control character from a name), github workflow
# commands with no raw escape and one line per finding.
"$bin" check --no-db --format rdjson --fail-on never nomes >out.rdjson 2>/dev/null
python3 -c "
import json; d = json.load(open('out.rdjson', encoding='utf-8'))
assert len({x['location']['path'] for x in d['diagnostics']}) == 3" && ok || bad "rdjson with odd file names: $(head -c 300 out.rdjson)"
for f in checkstyle junit; do
  "$bin" check --no-db --format $f --fail-on never nomes >out.$f.xml 2>/dev/null
  python3 -c "import xml.dom.minidom, sys; xml.dom.minidom.parse(sys.argv[1])" out.$f.xml && ok ||
    bad "$f with odd file names: not well-formed: $(head -c 300 out.$f.xml | cat -v)"
done
"$bin" check --no-db --format github --fail-on never nomes >out.gh 2>/dev/null
if ! grep -q $'\033' out.gh && [ "$(grep -c '^::error file=' out.gh)" = 3 ]; then ok
else bad "github format with odd file names: $(cat -v out.gh | head -c 300)"; fi

# ---- the walk goes on ----------------------------------------------------------------
# A folder deeper than the limit, and one whose path is longer than
# PATH_MAX: an error naming each, and the sibling folders still checked.
mkdir -p walk/irmao && printf 'O GPT-4.0 chegou.\n' >walk/irmao/z.md
(cd walk && p=.; for i in $(seq 1 70); do p=$p/d; done; mkdir -p $p && printf 'O GPT-4.0.\n' >$p/fundo.md)
(cd walk && n=$(printf 'n%.0s' $(seq 1 200)) && mkdir longo && cd longo &&
 for i in $(seq 1 22); do mkdir $n && cd $n; done && printf 'O GPT-4.0.\n' >a.md)
printf 'O GPT-4.0 chegou.\n' >walk/zz.md
run check --no-db --fail-on never walk
if [ $rc = 2 ] && [[ "$out" == *"pastas aninhadas demais"* ]] &&
   [[ "$out" == *"caminho longo demais"* ]] && [[ "$out" == *"walk/irmao/z.md:1:3"* ]] &&
   [[ "$out" == *"walk/zz.md:1:3"* ]] && [[ "$out" != *"nenhum artigo"* ]]; then ok
else bad "walk past deep and long folders: exit $rc: $(printf '%s' "$out" | grep -v '^ ' | cut -c1-160)"; fi
# An unreadable folder (as another user when root): the rest is checked.
mkdir -p fechado/a fechado/b fechado/c
for d in a b c; do printf 'O GPT-4.0 chegou.\n' >fechado/$d/x.md; done
chmod 000 fechado/b
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1 && command -v setpriv >/dev/null; then
  chmod 755 "$tmp"
  out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups "$bin" check --no-db --fail-on never fechado 2>&1); rc=$?
else
  run check --no-db --fail-on never fechado
fi
if [ $rc = 2 ] && [[ "$out" == *"fechado/b: não foi possível abrir a pasta: permissão negada"* ]] &&
   [[ "$out" == *"fechado/a/x.md:1:3"* ]] && [[ "$out" == *"fechado/c/x.md:1:3"* ]]; then ok
else bad "unreadable folder: exit $rc: $(printf '%s' "$out" | grep -v '^ ' | cut -c1-160)"; fi
chmod 755 fechado/b

# ---- out of memory: exit 2 with a message, never abort -------------------------------
# Address-space limits from the least the program starts under (below it
# the dynamic loader fails, exit 127, before tradlint runs) upwards, until
# the run has enough: each run ends with findings (1) or with exit 2 and a
# message, never an abort (134), a crash or a C++ exception. Not under
# ASan, whose shadow memory ulimit -v forbids.
if (ulimit -v 1000000; "$bin" --version) >/dev/null 2>&1; then
  printf 'O modelo de linguagem aprendeu com dados sintéticos e o treinamneto.\n' >oom.md
  seen="" kb=16000
  while [ $kb -lt 1000000 ] && ! (ulimit -v $kb; "$bin" --version) >/dev/null 2>&1; do
    kb=$((kb + 4000))
  done
  for step in $(seq 1 60); do
    out=$( (ulimit -v $kb; "$bin" check --db oom.db --format json oom.md) 2>&1 >/dev/null); rc=$?
    seen="$seen $rc"
    if [ $rc -gt 2 ] || [ $rc = 0 ] || { [ $rc = 2 ] && [[ "$out" != *"tradlint: "* ]]; }; then
      bad "ulimit -v $kb: exit $rc: ${out:0:200}"; break
    fi
    [ $rc = 1 ] && break
    kb=$((kb + 4000))
  done
  # the sweep must have reached both ends: out of memory, and enough
  if [[ "$seen" == *" 2"* ]] && [[ "$seen" == *" 1"* ]]; then ok
  else bad "ulimit -v sweep from $kb KB: exits$seen"; fi
fi

# ---- the corpus database -------------------------------------------------------
mkdir arq
for i in $(seq 1 300); do
  printf 'Texto %d com fine-tuning e aprendizado por reforço na OpenAI.\n' "$i" >"arq/d$i.md"
done
printf 'Outro texto com ajuste fino.\n' >novo.md
"$bin" corpus index --db base.db arq >/dev/null 2>&1
python3 -c "import sqlite3; sqlite3.connect('base.db').execute('pragma wal_checkpoint(truncate)')"
# Damage in the middle or at the end of the file: --rebuild-db recovers,
# keeping the damaged file as .bak.
for where in mid end; do
  cp base.db $where.db
  python3 - "$where" <<'PY'
import os, random, sys
w = sys.argv[1]; p = w + ".db"; n = os.path.getsize(p)
random.seed(7)
start = (n // 2) // 4096 * 4096 if w == "mid" else n - 8 * 4096
with open(p, "r+b") as f:
    f.seek(start); f.write(bytes(random.randrange(256) for _ in range(8 * 4096)))
PY
  sum=$(md5sum <$where.db)
  run corpus report --db $where.db; r1=$rc
  run check --db $where.db --rebuild-db --fail-on never novo.md; r2=$rc; o2=$out
  run corpus report --db $where.db; r3=$rc
  if [ $r1 = 2 ] && [ $r2 = 0 ] && [ $r3 = 0 ] && [[ "$o2" == *"$where.db guardado como $where.db.bak"* ]] &&
     [ "$(md5sum <$where.db.bak)" = "$sum" ]; then ok
  else bad "damage at the $where: report $r1, rebuild $r2 ($o2), after $r3"; fi
done
# An impossible schema version: a clear error, and --rebuild-db recovers.
for v in 0 -1000000 99999; do
  cp base.db v.db; rm -f v.db.bak*
  python3 -c "import sqlite3; c=sqlite3.connect('v.db'); c.execute('pragma user_version=$v'); c.commit()"
  run check --db v.db novo.md; r1=$rc; o1=$out
  run check --db v.db --rebuild-db --fail-on never novo.md; r2=$rc
  if [ $r1 = 2 ] && [[ "$o1" == *"v.db: banco do acervo com versão de esquema impossível ($v)"* ]] &&
     [ $r2 = 0 ] && [ -f v.db.bak ]; then ok
  else bad "user_version $v: exit $r1 ($o1), rebuild $r2"; fi
done
# --db '' and --db /dev/null: clear errors.
run check --db '' novo.md
if [ $rc = 2 ] && [[ "$out" == *"--db: caminho vazio"* ]]; then ok; else bad "--db '': exit $rc: $out"; fi
run check --db /dev/null novo.md
if [ $rc = 2 ] && [[ "$out" == *"/dev/null: não é um arquivo comum"* ]]; then ok; else bad "--db /dev/null: exit $rc: $out"; fi
# A disk that fills up in mid-index: the count printed is what was stored.
rm -f cheio.db*; "$bin" corpus index --db cheio.db arq/d1.md >/dev/null 2>&1
out=$(TL_FAIL=write TL_FAIL_AFTER=40 TL_FAIL_MATCH=cheio.db LD_PRELOAD="$shim" timeout 60 "$bin" corpus index -j 1 --db cheio.db arq 2>&1); rc=$?
stored=$(python3 -c "import sqlite3; print(sqlite3.connect('cheio.db').execute('select count(*) from documents').fetchone()[0])")
said=$(printf '%s\n' "$out" | sed -n 's/^tradlint: \([0-9]*\) documentos\{0,1\} registrados\{0,1\} no acervo$/\1/p')
if [ $rc = 2 ] && [[ "$out" == *"cheio.db"*"disk is full"* ]] && [ -n "$said" ] && [ "$said" -lt 300 ] &&
   [ "$said" -le "$stored" ]; then ok
else bad "disk full during index: exit $rc, said '$said', stored $stored: $out"; fi
# A WAL database in a read-only place: the check runs, says it did not record.
mkdir ro && cp arq/d1.md arq/d2.md ro/ && "$bin" corpus index --db ro/w.db ro >/dev/null 2>&1
chmod 555 ro; chmod 444 ro/w.db
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1 && command -v setpriv >/dev/null; then
  chmod 755 "$tmp"
  out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups "$bin" check --db ro/w.db --fail-on never ro/d1.md 2>&1); rc=$?
  if [ $rc = 0 ] && [[ "$out" == *"ro/w.db é somente leitura"* ]]; then ok
  else bad "read-only WAL database: exit $rc: $out"; fi
elif [ "$(id -u)" != 0 ]; then
  run check --db ro/w.db --fail-on never ro/d1.md
  if [ $rc = 0 ] && [[ "$out" == *"somente leitura"* ]]; then ok
  else bad "read-only WAL database: exit $rc: $out"; fi
fi
chmod 755 ro

finish
