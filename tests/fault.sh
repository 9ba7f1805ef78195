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

# kill -9 during --fix over 100 files: each file untouched or fully fixed
mkdir orig ref work
for i in $(seq 1 100); do
  { cat "$src"; printf 'Arquivo %d com GPT-4.0 e 1,000 GPUs.\n' "$i"; } >"orig/f$i.md"
done
cp orig/* ref/ && "$bin" check --no-db --fix --fail-on never ref >/dev/null 2>&1
# how long a whole run takes: the kills are spread over it
cp orig/* work/
t0=$EPOCHREALTIME; "$bin" check --no-db --fix --fail-on never work >/dev/null 2>&1; t1=$EPOCHREALTIME
total_ms=$(python3 -c "print(max(int(($t1 - $t0) * 1000), 50))")
midway=0 broken=0
for attempt in 1 2 3 4 5 6 7 8; do
  rm -f work/*; cp orig/* work/
  "$bin" check --no-db --fix --fail-on never work >/dev/null 2>&1 & pid=$!
  sleep "$(python3 -c "print($total_ms * (0.45 + $attempt * 0.065) / 1000)")"
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  fixed=0
  for i in $(seq 1 100); do
    if cmp -s "work/f$i.md" "ref/f$i.md"; then fixed=$((fixed + 1))
    elif ! cmp -s "work/f$i.md" "orig/f$i.md"; then broken=$((broken + 1)); fi
  done
  [ -n "${FAULT_DEBUG:-}" ] && echo "attempt $attempt: $fixed fixed (total ${total_ms} ms)"
  [ $fixed -gt 0 ] && [ $fixed -lt 100 ] && midway=$((midway + 1))
  [ $broken = 0 ] || { bad "kill -9 attempt $attempt: $broken files half-written"; break; }
  ls work | grep -q tradlint- && rm -f work/*tradlint-* # a temp file may stay
done
[ $broken = 0 ] && ok
echo "fault: kill -9 during --fix: 8 runs, $midway killed midway, no file half-written"

finish
