#!/usr/bin/env bash
# Reports and --fix: SARIF against the official schema and stable
# fingerprints; the HTML report escaped, self-contained, rendered in
# headless Chromium without console errors (screenshot kept in
# build/report-screenshot.png); --fix idempotent, keeping permissions, and
# leaving the original intact when it cannot write.
# Prints "reports: N passed, N failed".
. "$(dirname "$0")/lib.sh" reports C.UTF-8 "$1"
cd "$tmp"

# ---- SARIF -------------------------------------------------------------
cp "$root/tests/cases/terminology/termos.md" a.md
"$bin" check --no-db --format sarif --fail-on never a.md "$root/tests/cases/numbers/numeros.md" >a.sarif ||
  bad "--format sarif exited $?"
if python3 - "$root/tests/data/sarif/sarif-schema-2.1.0.json" a.sarif <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
jsonschema.validate(doc, schema)
run = doc["runs"][0]
assert run["columnKind"] == "unicodeCodePoints"
ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
assert all(r["ruleId"] in ids for r in run["results"]), "unknown ruleId"
assert any("fixes" in r for r in run["results"]), "no fixes"
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
assert "a.md" in uris and all(u == "a.md" or u.startswith("file:///") for u in uris), uris
PY
then ok; else bad "SARIF does not validate"; fi
# an empty run validates too
"$bin" check --no-db --format sarif "$root/tests/cases/empty-file/vazio.md" >e.sarif
python3 -c "
import json, sys, jsonschema
jsonschema.validate(json.load(open('e.sarif')), json.load(open('$root/tests/data/sarif/sarif-schema-2.1.0.json')))" && ok || bad "empty SARIF"
# fingerprints survive lines added above
{ printf 'Linha nova no topo.\n\nOutra linha nova.\n\n'; cat a.md; } >b.md
"$bin" check --no-db --format sarif --fail-on never a.md >fa.sarif
cp b.md a.md
"$bin" check --no-db --format sarif --fail-on never a.md >fb.sarif
if python3 - fa.sarif fb.sarif <<'PY'
import json, sys
fp = lambda p: sorted(r["partialFingerprints"]["tradlint/v1"] for r in json.load(open(p))["runs"][0]["results"])
a, b = fp(sys.argv[1]), fp(sys.argv[2])
lines = lambda p: [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in json.load(open(p))["runs"][0]["results"]]
assert a == b and lines(sys.argv[1]) != lines(sys.argv[2]), (a, b)
PY
then ok; else bad "fingerprints changed when lines moved"; fi

# ---- HTML report ----------------------------------------------------------
mkdir -p art
cat >art/perigoso.md <<'EOT'
# Teste <script>alert("x")</script> & "aspas"

A empresa, o OpenAI, lançou o GPT-4.0 & o "modelo" <b>novo</b>. O treinamneto
<script>alert(1)</script> foi feito; 86.4% de de acerto.

Ele disse "the model is ready for production" e a ChatGPT respondeu.
EOT
printf 'id\tpreferred\tforbidden\tgender\tcase\tnote\nopenai\tOpenAI\tOpenIA\tf\texact\tA <b>empresa</b> & "cia" <script>x()</script>\ngpt-4o\tGPT-4o\tGPT-4.0\tm\texact\tLetra <i>o</i>\nchatgpt\tChatGPT\t\tm\texact\t\n' >g.tsv
"$bin" check --no-db --glossary g.tsv --report-dir out --fail-on never art/perigoso.md "$root/tests/cases/numbers/numeros.md" >/dev/null 2>rd.err
s=$?; [ $s = 0 ] && ok || bad "--report-dir exited $s: $(head -5 rd.err)"
h=out/art/perigoso.md.html
if [ -f "$h" ] && [ -f out/art/perigoso.md.json ] && [ -f out/index.html ]; then ok; else bad "report files missing: $(find out)"; fi
# exactly one <script> element (ours); no tag from the article or note
n=$(grep -o '<script>' "$h" | wc -l)
[ "$n" = 1 ] && ok || bad "HTML has $n <script> tags"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$h" && grep -q 'A &lt;b&gt;empresa&lt;/b&gt; &amp; &quot;cia&quot;' "$h" && ok || bad "article or note not escaped"
grep -q '<b>' "$h" && bad "raw <b> in HTML" || ok
grep -Eq '(src|href)="(https?:)?//' "$h" out/index.html && bad "external reference in HTML" || ok
python3 -m json.tool out/art/perigoso.md.json >/dev/null && ok || bad "per-file JSON invalid"
# the index lists the worst file first
first=$(grep -o 'href="[^"]*"' out/index.html | head -1)
[[ "$first" == *perigoso* ]] && ok || bad "index order: $first"

# rendered the way a user sees it: headless Chromium, screenshot, console
chrome=$(command -v chromium || command -v chromium-browser || true)
shoot() { # shoot FILE PNG -> console log on stdout
  timeout 60 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$tmp/profile-$RANDOM" --enable-logging=stderr --v=0 \
    --window-size=1280,1600 --screenshot="$2" "file://$1" 2>&1 | grep -a 'CONSOLE' || true
}
if [ -n "$chrome" ]; then
  log=$(shoot "$tmp/$h" "$tmp/shot.png")
  if [ -s shot.png ] && [ -z "$log" ]; then ok; cp shot.png "$root/build/report-screenshot.png" 2>/dev/null || true
  else bad "chromium: screenshot $(stat -c %s shot.png 2>/dev/null || echo none) bytes, console: $log"; fi
  log=$(shoot "$tmp/out/index.html" "$tmp/index.png")
  [ -s index.png ] && [ -z "$log" ] && ok || bad "chromium index: $log"
  # the check itself can fail: a page with a script error is caught
  printf '<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>' >broken.html
  log=$(shoot "$tmp/broken.html" "$tmp/broken.png")
  [ -n "$log" ] && ok || bad "console-error detection does not work"
else
  bad "chromium not installed (make deps-test)"
fi

# ---- --fix ------------------------------------------------------------------
mkdir fix && cp "$root/tests/cases/fix-dry-run/corrigir.md" fix/c.md && chmod 640 fix/c.md
"$bin" check --no-db --fix --fail-on never fix/c.md >/dev/null 2>fix.err
sum1=$(md5sum <fix/c.md)
"$bin" check --no-db --fix --fail-on never fix/c.md >/dev/null 2>fix2.err
sum2=$(md5sum <fix/c.md)
if [ "$sum1" = "$sum2" ] && [ ! -s fix2.err ] && grep -q 'GPT-4o foi usado pela OpenAI, e o ChatGPT' fix/c.md; then ok
else bad "--fix not idempotent: $(cat fix.err fix2.err)"; fi
[ "$(stat -c %a fix/c.md)" = 640 ] && ok || bad "--fix changed permissions to $(stat -c %a fix/c.md)"
ls fix | grep -q tradlint- && bad "temporary file left behind" || ok
# the dry-run diff applies with patch and gives what --fix writes
cp "$root/tests/cases/fix-dry-run/corrigir.md" fix/d.md
"$bin" check --no-db --fix --dry-run fix/d.md >d.diff
patch -s -p0 <d.diff && cmp -s fix/d.md fix/c.md && ok || bad "dry-run diff does not match --fix"
# a folder it cannot write: error, exit 2, original intact
mkdir ro && cp "$root/tests/cases/fix-dry-run/corrigir.md" ro/r.md && sum=$(md5sum <ro/r.md)
chmod 555 ro
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1 && command -v setpriv >/dev/null; then
  chmod 755 "$tmp"; chmod 644 ro/r.md
  out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups "$bin" check --no-db --fix ro/r.md 2>&1); s=$?
else
  out=$("$bin" check --no-db --fix ro/r.md 2>&1); s=$?
fi
chmod 755 ro
if [ $s = 2 ] && [[ "$out" == *"o original não foi alterado"* ]] && [ "$(md5sum <ro/r.md)" = "$sum" ]; then ok
else bad "read-only folder: exit $s: $out"; fi

finish
