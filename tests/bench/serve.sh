#!/usr/bin/env bash
# make bench, server rows: tradlint serve on loopback under load
# (tests/serve/load.js: CLIENTS concurrent keep-alive clients × REQUESTS
# each, real articles from tests/data/corpus sent to /v2/check), and one
# warm article through the API against the CLI on the same article.
# usage: tests/bench/serve.sh BIN   env: SERVE_CLIENTS (8), SERVE_REQUESTS (500)
# Prints a Markdown table on standard output; bounded (load.js stops itself
# after 10 minutes) and only loopback traffic.
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
clients=${SERVE_CLIENTS:-8}
per=${SERVE_REQUESTS:-500}
export LC_ALL=C.UTF-8 NO_COLOR=1 TRADLINT_DATA_DIR="${TRADLINT_DATA_DIR:-$root}"
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
if ! command -v node >/dev/null; then echo "bench: node not found (make deps-test)" >&2; exit 1; fi

"$bin" serve --port 0 --no-db 2>"$tmp/srv.log" &
pid=$!
url=""
for _ in $(seq 300); do
  url=$(sed -n 's|.*escutando em \(http://[^ ]*/\).*|\1|p' "$tmp/srv.log" | head -1)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "bench: server did not start: $(cat "$tmp/srv.log")" >&2; exit 1; }
echo "bench: load on $url: $clients clients × $per requests" >&2
# the warm article: make bench's one article when run.sh built it
art=$root/build/bench/1article.md
[ -f "$art" ] || art=$(find "$root/tests/data/corpus" -name '*.md' ! -name 'ATTRIBUTION*' ! -name 'README*' | sort | head -1)
node "$root/tests/serve/load.js" "$url" "$clients" "$per" "$root/tests/data/corpus" --rss "$pid" --one "$art" >"$tmp/load.json"
kill -TERM "$pid"; wait "$pid" || true; pid=""

# the CLI on the same article: best of 5
best=""
for _ in 1 2 3 4 5; do
  t0=$(date +%s%N)
  "$bin" check --no-db --fail-on never "$art" >/dev/null
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done

python3 - "$tmp/load.json" "$best" "$art" "$clients" "$per" <<'PY'
import json, os, sys
d = json.load(open(sys.argv[1])); cli = float(sys.argv[2]); art = os.path.relpath(sys.argv[3])
print("## tradlint serve (loopback, %s cores)" % os.cpu_count())
print()
print("| case | requests | errors | req/s | p50 ms | p95 ms | p99 ms | RSS before / half-way / after MiB |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
print("| /v2/check, %s clients × %s requests, %d real articles | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f / %.1f / %.1f |" % (
    sys.argv[4], sys.argv[5], d["articles"], d["requests"], d["errors"], d["throughput"], d["p50_ms"], d["p95_ms"], d["p99_ms"],
    d["rss_before_kb"] / 1024, (d["rss_mid_kb"] or 0) / 1024, d["rss_after_kb"] / 1024))
print()
print("| one article warm (%s, %d bytes) | ms |" % (art, d["article_bytes"]))
print("| --- | ---: |")
print("| through the API (/v2/check, p50 of 20) | %.1f |" % d["warm_one_article_ms"])
print("| through the CLI (`tradlint check --no-db`, best of 5, process included) | %.0f |" % cli)
print()
print("| target | measured | goal | |")
print("| --- | --- | --- | --- |")
p50 = d["warm_one_article_ms"]
print("| 6: server: a warm request for one article through the API (/v2/check), p50 of 20 | %.1f ms | ≤ 5 ms p50 | %s |" % (
    p50, "met" if p50 <= 5.0 else "not met"))
PY
