#!/usr/bin/env bash
# The heavy cases of make stress (issue 11): inputs generated from the real
# texts of tests/data/corpus (tests/stress/gen.py), each run once with its
# peak memory and time printed.
#   - one 200 MB line: checked to the end within 1 GB of RSS (a block of
#     prose that long is checked in pieces of 1 MB cut after a sentence end);
#   - articles of 1, 10 and 50 MB: the 50 MB one within 300 MB of RSS;
#   - corpus index of STRESS_DOCS short articles (default 100000): every one
#     recorded, the time printed (speed itself is make bench's to judge).
# Memory bounds are asserted; times are only printed.
#   tests/stress.sh BIN
. "$(dirname "$0")/lib.sh" stress C.UTF-8 "$1"
docs=${STRESS_DOCS:-100000}
gen="$root/tests/stress/gen.py"

# run NAME MAX_KB CMD...: CMD's exit status 0 or 1 (findings) and peak RSS at
# most MAX_KB (0: no bound); prints time and RSS.
run() {
  local name=$1 max=$2 st rss secs
  shift 2
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err"
  st=$?
  read -r secs rss <"$tmp/time" || { secs=? rss=0; }
  # /usr/bin/time writes "Command exited with non-zero status N" first
  if [ "$(wc -l <"$tmp/time")" -gt 1 ]; then read -r secs rss < <(tail -1 "$tmp/time"); fi
  printf 'stress: %-28s %8s s %8s MB\n' "$name" "$secs" "$((rss / 1024))"
  if [ $st -gt 1 ]; then bad "$name: exit $st"; sed 's/^/  /' "$tmp/err" | head -5; return 1; fi
  if [ "$max" -gt 0 ] && [ "$rss" -gt "$max" ]; then
    bad "$name: peak RSS $((rss / 1024)) MB over $((max / 1024)) MB"; return 1
  fi
  ok
}

check=("$bin" check --no-db --no-cache --format json --fail-on never --max-size 1G)

t0=$SECONDS
python3 "$gen" line 200 "$tmp/line.md"
run "200 MB line" $((1024 * 1024)) "${check[@]}" "$tmp/line.md"
# the report is valid JSON and covers the end of the file
if python3 - "$tmp/out" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["summary"]["files"] == 1, r["summary"]
assert r["summary"]["words"] > 10_000_000, r["summary"]
EOF
then ok; else bad "200 MB line: the JSON report is not whole"; fi
rm -f "$tmp/line.md"

for mb in 1 10 50; do
  python3 "$gen" article $mb "$tmp/a.md"
  max=0; [ $mb = 50 ] && max=$((300 * 1024))
  run "$mb MB article" $max "${check[@]}" "$tmp/a.md"
done
rm -f "$tmp/a.md"

python3 "$gen" articles "$docs" "$tmp/arts" >/dev/null
run "corpus index, $docs articles" 0 "$bin" corpus index --db "$tmp/idx.db" "$tmp/arts"
n=$(python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("select count(*) from documents").fetchone()[0])' "$tmp/idx.db" 2>/dev/null || echo 0)
[ "$n" = "$docs" ] && ok || bad "corpus index: $n documents recorded of $docs"
printf 'stress: %-28s %8s s\n' "all" "$((SECONDS - t0))"
finish
