#!/usr/bin/env bash
# Reports and --fix: SARIF against the official schema and stable
# fingerprints; the HTML report escaped, self-contained, rendered in
# headless Chromium without console errors (screenshots kept in
# build/report-*.png); the article rendered as prose (md4c-html) with every
# finding highlighted in place, repeats grouped, the corpus page linked; --fix idempotent, keeping permissions, and
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
# info is behind the severity switch, off at first: its marks unlit, its
# list rows hidden, its box unchecked; warnings and errors lit
printf 'O sistema usa um dispatcher rápido, e o GPT-4.0 errou.\n' >art/info.md
"$bin" check --no-db --report-dir outi --fail-on never art/info.md >/dev/null 2>&1
h=outi/art/info.md.html
if grep -q '<mark [^>]*class="c-[a-z]* s-info off"' "$h" &&
   grep -q '<mark [^>]*class="c-[a-z]* s-error"' "$h" &&
   ! grep -q 's-error off' "$h" &&
   grep -q '<li data-cat="[a-z]*" data-sev="info" class="hidden">' "$h" &&
   grep -q '<input type="checkbox" value="s-info">' "$h" &&
   grep -q '<input type="checkbox" value="s-warning" checked>' "$h"; then ok
else bad "info not off at first in the HTML report: $(grep -o '<mark [^>]*class="[^"]*"' "$h")"; fi

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

# ---- the article as prose: highlights in place, repeats grouped, the corpus --
mkdir -p prosa/sub
cat >prosa/sub/acentos.md <<'EOT'
---
titulo: Teste
---
# Ação e reação do GPT-4.0

Após o `código`, o treinamneto foi *rápido* e o GPT-4.0 também. O GPT-4.0 de
novo, e o GPT-4.0 na **negrito** frase.

![figura do treinamneto](http://exemplo.invalid/y.png) e [um link](javascript:alert(1)) <i>cru</i>

| coluna | GPT-4.0 |
|---|---|
| ação | treinamneto |
EOT
printf 'O ChatGPT usa aprendizado por reforço.\n' >prosa/b.md
printf 'A ChatGPT usa aprendizagem por reforço, e o treinamneto.\n' >prosa/c.txt
TRADLINT_DB="$tmp/prosa.db" "$bin" check --report-dir rp --fail-on never prosa >/dev/null 2>rp.err || bad "report-dir with corpus: $(cat rp.err)"
if python3 - rp prosa <<'PY'
import json, re, sys, html.parser, os
out, src = sys.argv[1], sys.argv[2]
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.marks = {}; s.stack = []; s.tags = []; s.attrs = []; s.li = 0
    def handle_starttag(s, t, a):
        a = dict(a); s.tags.append(t); s.attrs.append((t, a))
        if t == "mark": s.stack.append(a["id"]); s.marks[a["id"]] = ""
        if t == "li": s.li += 1
    def handle_endtag(s, t):
        if t == "mark": s.stack.pop()
    def handle_data(s, d):
        for m in s.stack: s.marks[m] += d
for page, fmt in (("prosa/sub/acentos.md", "md"), ("prosa/c.txt", "txt")):
    p = P(); p.feed(open(f"{out}/{page}.html", encoding="utf-8").read())
    j = json.load(open(f"{out}/{page}.json"))
    f = j["files"][0]["findings"]
    assert f, page
    # every highlighted finding shows exactly its text, at its id
    for mid, text in p.marks.items():
        k = int(mid[1:]) - 1
        assert text == f[k]["text"], (page, mid, text, f[k]["text"])
    if fmt == "md":
        # prose, not raw Markdown: headings, code, emphasis, table rendered
        for t in ("h1", "code", "em", "strong", "table", "td"):
            assert t in p.tags, t
        assert "article" in p.tags and not any(t == "pre" and a.get("class") != "front-matter" for t, a in p.attrs)
        assert len(p.marks) >= 6, p.marks
        # accents before a mark: the mark is still on the word
        assert any(v == "treinamneto" for v in p.marks.values())
        # repeats grouped: one list item per (rule, text, message)
        groups = {(x["rule"], x["text"], x["message"]) for x in f}
        assert p.li == len(groups) < len(f), (p.li, len(groups), len(f))
        body = open(f"{out}/{page}.html", encoding="utf-8").read()
        assert "×5" in body and "×3" in body and "também em:" in body
        assert "javascript:" not in re.sub(r'data-href="[^"]*"', "", body)
        assert not re.search(r'\s(href|src)="(https?:|javascript:|//)', body)
        assert "&lt;i&gt;cru&lt;/i&gt;" in body and "[imagem: figura do " in body
        assert 'href="../../acervo.html#c-gpt-4o"' in body and 'href="../../index.html"' in body
    else:
        assert 'class="plain"' in open(f"{out}/{page}.html", encoding="utf-8").read()
# the corpus page: anchors for concepts, documents linked to their pages
acervo = open(f"{out}/acervo.html", encoding="utf-8").read()
links = re.findall(r'<a href="([^"]+)\.html">', acervo)
assert links and all(os.path.exists(f"{out}/{l}.html") for l in links), links
assert 'id="c-aprendizado-por-reforco"' in acervo or 'id="c-' in acervo
idx = open(f"{out}/index.html", encoding="utf-8").read()
assert 'href="acervo.html"' in idx
PY
then ok; else bad "article pages, repeats or corpus page"; fi
if [ -n "$chrome" ]; then
  for pg in prosa/sub/acentos.md.html index.html acervo.html; do
    name=$(basename "$pg" .html | tr . -)
    log=$(shoot "$tmp/rp/$pg" "$tmp/shot-$name.png")
    if [ -s "shot-$name.png" ] && [ -z "$log" ]; then ok; cp "shot-$name.png" "$root/build/report-$name.png" 2>/dev/null || true
    else bad "chromium $pg: $log"; fi
  done
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
