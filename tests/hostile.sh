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

finish
