#!/usr/bin/env bash
# The editor page of tradlint serve in headless Chromium (Debian's
# chromium, driven by playwright-core from tests/node): paste, highlights,
# a suggestion applied from the keyboard, every safe fix, the download.
# Screenshots: build/serve-page.png and build/serve-page-fixed.png.
# Prints "browser: N passed, N failed".
. "$(dirname "$0")/lib.sh" browser C.UTF-8 "$1"
cd "$tmp"
trap '[ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
if [ ! -d "$root/tests/node/node_modules/playwright-core" ] || ! command -v chromium >/dev/null; then
  bad "playwright-core or chromium missing (make deps-test)"
  finish; exit 1
fi
"$bin" serve --port 0 --no-db 2>srv.log &
pid=$!
url=""
for _ in $(seq 300); do
  url=$(sed -n 's|.*escutando em \(http://[^ ]*/\).*|\1|p' srv.log | head -1)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then bad "server did not start: $(cat srv.log)"; finish; exit 1; fi
mkdir -p "$root/build"
NODE_PATH="$root/tests/node/node_modules" timeout 180 node "$root/tests/serve/browser.js" "$url" \
  "$root/tests/data/serve/artigo.md" "$root/build" | tee out.txt | grep -v ' passed, '
n_ok=$(sed -n 's/^browser: \([0-9]*\) passed.*/\1/p' out.txt)
n_bad=$(sed -n 's/^browser: [0-9]* passed, \([0-9]*\) failed/\1/p' out.txt)
passed=$((passed + ${n_ok:-0}))
failed=$((failed + ${n_bad:-1}))
kill -TERM "$pid"; wait "$pid"; s=$?
[ "$s" = 0 ] && ok || bad "server exit status $s after SIGTERM"
pid=""
finish
