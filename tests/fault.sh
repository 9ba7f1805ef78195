#!/usr/bin/env bash
# Fault injection: failing write/fsync/rename during --fix and report
# writing leave the originals byte-identical, no temporary file behind, and
# exit 2; kill -9 during --fix over 100 files leaves every file either
# untouched or fully fixed. Prints "fault: N passed, N failed".
. "$(dirname "$0")/lib.sh" fault C.UTF-8 "$1"
shim=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
cd "$tmp"
src="$root/tests/cases/fix-dry-run/corrigir.md"

for what in write fsync rename; do
  cp "$src" a.md; sum=$(md5sum <a.md)
  out=$(TL_FAIL=$what LD_PRELOAD="$shim" "$bin" check --no-db --fix a.md 2>&1); s=$?
  if [ $s = 2 ] && [ "$(md5sum <a.md)" = "$sum" ] && [[ "$out" == *"o original não foi alterado"* ]] &&
     ! ls | grep -q tradlint-; then ok
  else bad "--fix with failing $what: exit $s, $(ls): $out"; fi
done
# report writing
for what in write rename; do
  out=$(TL_FAIL=$what LD_PRELOAD="$shim" "$bin" check --no-db --report-dir rep "$src" 2>&1); s=$?
  if [ $s = 2 ] && [[ "$out" == *"rep/"* ]] && ! find rep -name '*tradlint-*' | grep -q .; then ok
  else bad "--report-dir with failing $what: exit $s: $out"; fi
done

# kill -9 during --fix over 100 files: each file untouched or fully fixed.
# The shim slows each write of the temporary files (64 bytes, then a pause)
# and the kill is sent when a chosen file's temporary copy exists: a write
# is in progress, whatever the machine's speed (no timing guess). The test
# counts the runs that a kill interrupted in mid-write (a temporary copy
# left behind) and in mid-run (some files fixed, some not), and fails when
# it interrupted none: a kill test that never kills a write proves nothing.
mkdir orig ref work
for i in $(seq 1 100); do
  { cat "$src"; printf 'Arquivo %d com GPT-4.0 e 1,000 GPUs.\n' "$i"; } >"orig/f$i.md"
done
cp orig/* ref/ && "$bin" check --no-db --fix --fail-on never ref >/dev/null 2>&1
midway=0 broken=0 interrupted=0
for k in 2 9 23 37 48 61 77 95; do
  rm -f work/*; cp orig/* work/
  TL_SLOW_US=5000 LD_PRELOAD="$shim" "$bin" check --no-db --fix --fail-on never work >/dev/null 2>&1 & pid=$!
  # until f$k.md's temporary copy appears (or the run is over)
  while kill -0 $pid 2>/dev/null && ! compgen -G "work/f$k.md.tradlint-*" >/dev/null; do
    sleep 0.002
  done
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  fixed=0
  for i in $(seq 1 100); do
    if cmp -s "work/f$i.md" "ref/f$i.md"; then fixed=$((fixed + 1))
    elif ! cmp -s "work/f$i.md" "orig/f$i.md"; then broken=$((broken + 1)); fi
  done
  compgen -G "work/*.tradlint-*" >/dev/null && interrupted=$((interrupted + 1))
  [ -n "${FAULT_DEBUG:-}" ] && echo "kill at f$k.md: $fixed fixed"
  [ $fixed -gt 0 ] && [ $fixed -lt 100 ] && midway=$((midway + 1))
  [ $broken = 0 ] || { bad "kill -9 at f$k.md: $broken files half-written"; break; }
  rm -f work/*.tradlint-* # the temporary copy a kill leaves
done
[ $broken = 0 ] && ok
# the kills must have landed: in mid-write and in mid-run
if [ $interrupted -gt 0 ] && [ $midway -gt 0 ]; then ok
else bad "kill -9 interrupted no write ($interrupted of 8 runs in mid-write, $midway in mid-run)"; fi
echo "fault: kill -9 during --fix: 8 runs, $interrupted killed in mid-write, $midway in mid-run, no file half-written"

finish
