#!/usr/bin/env bash
# tradlint serve, driven by real HTTP clients on loopback: the requests that
# LanguageTool clients send (LibreOffice's remote checker, LTeX, the
# LanguageTool browser extension and its CORS preflight), replayed with curl
# as their public source builds them, and the fields they parse checked,
# with offsets in UTF-16 code units over accents and emoji; the JSON report
# of /api/check identical to `tradlint check`; bad requests (bad UTF-8,
# huge bodies, slow senders, malformed forms and JSON) answered with JSON
# errors while the server stays up; the token; a graceful stop on SIGTERM
# with a request in flight; and a small load run (tests/serve/load.js; the
# full one is in make bench). Every server is started and stopped here.
# Prints "serve: N passed, N failed".
. "$(dirname "$0")/lib.sh" serve C.UTF-8 "$1"
cd "$tmp"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT

# start_server LOG [OPTION...]: a server on a free port; sets pid and url.
start_server() {
  local log=$1
  shift
  "$bin" serve --port 0 --no-db "$@" 2>"$log" &
  pid=$!
  pids+=("$pid")
  url=""
  for _ in $(seq 300); do
    url=$(sed -n 's|.*escutando em \(http://[^ ]*/\).*|\1|p' "$log" | head -1)
    [ -n "$url" ] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  bad "server did not start: $(cat "$log")"
  return 1
}

# json FILE PYTHON-EXPRESSION: evaluate with d = the parsed file.
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($2) else 1)" "$1"; }

start_server srv.log --timeout 4 || { finish; exit 1; }
base=${url%/}

# ---- health and languages -------------------------------------------------
curl -s "$base/health" >h.json && json h.json 'd["status"]=="ok" and d["name"]=="tradlint"' && ok || bad "/health: $(cat h.json)"
curl -s "$base/v2/languages" >l.json && json l.json 'any(x["longCode"]=="pt-BR" for x in d)' && ok || bad "/v2/languages: $(cat l.json)"

# The text every client sends: accents and emoji before the problems, so
# that a byte or code-point offset would be wrong.
text='Ação rápida 😀: o treinamneto do GPT-4.0 custou 86.4% a mais. A ChatGPT 🇧🇷 respondeu de de novo.'
printf '%s' "$text" >text.txt

# check_matches RESPONSE: every match's offset/length (UTF-16) selects the
# text the finding names, and the expected rules are there.
check_matches() {
  python3 - "$1" text.txt "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); text = open(sys.argv[2]).read(); want = sys.argv[3].split(",")
u = text.encode("utf-16-le")
seen = {}
for m in d["matches"]:
    s = u[2 * m["offset"]:2 * (m["offset"] + m["length"])].decode("utf-16-le")
    c = m["context"]; cu = c["text"].encode("utf-16-le")
    cs = cu[2 * c["offset"]:2 * (c["offset"] + c["length"])].decode("utf-16-le")
    assert s == cs, (s, cs)
    assert isinstance(m["message"], str) and m["message"] and isinstance(m["shortMessage"], str)
    assert all(isinstance(r["value"], str) for r in m["replacements"])
    assert isinstance(m["sentence"], str) and s in m["sentence"], (s, m["sentence"])
    r = m["rule"]
    assert r["id"] and r["description"] and r["issueType"] and r["category"]["id"] and r["category"]["name"]
    seen[r["id"]] = s
for w in want:
    rid, surface = w.split("=")
    assert seen.get(rid) == surface, (rid, seen.get(rid), seen)
assert d["language"]["code"] == "pt-BR" and d["language"]["name"], d["language"]
assert d["software"]["name"] == "tradlint"
PY
}
expect='HUNSPELL_SPELLING_UNKNOWN=treinamneto,TERMINOLOGY_FORBIDDEN=GPT-4.0,NUMBER_DECIMAL=86.4,AGREEMENT_GENDER=A,REPETITION_WORD=de de'

# ---- LibreOffice (lingucomponent languagetoolimp.cxx): POST BASE/check,
# "text=" + every byte but RFC 3986's unreserved ones %-encoded +
# "&language=" + BCP 47 tag; it reads offset, length, message,
# shortMessage, replacements[].value and rule.category.id.
lo_body="text=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(open("text.txt").read(), safe="-._~"), end="")')&language=pt-BR"
code=$(curl -s -o lo.json -w '%{http_code}' -X POST --data-binary "$lo_body" "$base/v2/check")
[ "$code" = 200 ] && check_matches lo.json "$expect" && ok || bad "LibreOffice request: $code $(head -c 400 lo.json)"
json lo.json 'any(m["rule"]["category"]["id"]=="TYPOS" for m in d["matches"])' && ok || bad "LibreOffice: no TYPOS category for spelling"

# ---- LTeX (LanguageToolHttpInterface.kt): POST v2/check with
# Content-Type application/json but a form body (URLEncoder: '+' for
# space) of language and data = {"annotation": [text, markup with
# interpretAs]}; offsets are in the original text, markup included; it
# reads rule.id, sentence, offset, length, message, replacements[].value.
python3 - >ltex.body <<'PY'
import json, urllib.parse
ann = [{"markup": "# "}, {"text": "Título 😀"}, {"markup": "\n\n", "interpretAs": "\n\n"},
       {"text": "O "}, {"markup": "**"}, {"text": "treinamneto"}, {"markup": "**"},
       {"text": " usou o GPT-4.0 em "}, {"markup": "`code`", "interpretAs": "código"}, {"text": "."}]
orig = "".join(a.get("text", a.get("markup")) for a in ann)
open("ltex.orig", "w").write(orig)
print(urllib.parse.urlencode({"language": "pt-BR", "data": json.dumps({"annotation": ann})}), end="")
PY
code=$(curl -s -o ltex.json -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @ltex.body "$base/v2/check")
if [ "$code" = 200 ] && python3 - ltex.json ltex.orig <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); u = open(sys.argv[2]).read().encode("utf-16-le")
got = {m["rule"]["id"]: u[2*m["offset"]:2*(m["offset"]+m["length"])].decode("utf-16-le") for m in d["matches"]}
assert got.get("HUNSPELL_SPELLING_UNKNOWN") == "treinamneto", got
assert got.get("TERMINOLOGY_FORBIDDEN") == "GPT-4.0", got
assert all(isinstance(m["sentence"], str) for m in d["matches"])
# LTeX offers "add to dictionary" for ids starting HUNSPELL_
assert any(m["rule"]["id"].startswith("HUNSPELL_") for m in d["matches"])
PY
then ok; else bad "LTeX request: $code $(head -c 400 ltex.json)"; fi

# ---- Obsidian's LanguageTool plugin (api.ts): serverUrl + "/v2/check",
# keys and values through encodeURIComponent: data (annotatedtext-remark),
# language=auto, enabledOnly=false, level, enabledCategories; it reads
# offset, length, message, replacements, rule.category.id.
obs_body=$(node -e '
const fs = require("fs"); const data = decodeURIComponent(fs.readFileSync("ltex.body", "utf8").split("data=")[1].replace(/\+/g, " "));
const p = { data, language: "auto", enabledOnly: "false", level: "default", enabledCategories: "TYPOS,STYLE" };
process.stdout.write(Object.keys(p).map((k) => encodeURIComponent(k) + "=" + encodeURIComponent(p[k])).join("&"));')
code=$(curl -s -o obs.json -w '%{http_code}' -H 'Content-Type: application/x-www-form-urlencoded' -H 'Accept: application/json' \
  --data-binary "$obs_body" "$base/v2/check")
[ "$code" = 200 ] && json obs.json 'len(d["matches"])>=2 and any(m["rule"]["id"]=="TERMINOLOGY_FORBIDDEN" for m in d["matches"])' &&
  ok || bad "Obsidian request: $code $(head -c 300 obs.json)"

# ---- the LanguageTool browser extension (popup.js): its CORS preflight,
# then disabledRules=WHITESPACE_RULE&useragent=...&text=encodeURIComponent
# (text)&language=auto&preferredVariants=...; it reads language.name and
# .code, context.text/.offset, length, rule.id, .description, .issueType.
curl -s -D pre.h -o /dev/null -X OPTIONS -H 'Origin: chrome-extension://oldceeleldhonbafppcapldpdifcinji' \
  -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: content-type' \
  -H 'Access-Control-Request-Private-Network: true' "$base/v2/check"
if grep -qi '^HTTP/1.1 204' pre.h && grep -qi '^access-control-allow-origin: \*' pre.h &&
   grep -qi '^access-control-allow-methods:.*POST' pre.h && grep -qi '^access-control-allow-headers:.*content-type' pre.h &&
   grep -qi '^access-control-allow-private-network: true' pre.h; then ok; else bad "CORS preflight: $(cat pre.h)"; fi
ext_body="disabledRules=WHITESPACE_RULE&useragent=webextension-chrome&text=$(node -e 'process.stdout.write(encodeURIComponent(require("fs").readFileSync("text.txt","utf8")))')&language=auto&preferredVariants=pt-BR,en-US"
code=$(curl -s -D ext.h -o ext.json -w '%{http_code}' -H 'Origin: chrome-extension://oldceeleldhonbafppcapldpdifcinji' \
  -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' --data-binary "$ext_body" "$base/v2/check")
[ "$code" = 200 ] && check_matches ext.json "$expect" && grep -qi '^access-control-allow-origin: \*' ext.h && ok ||
  bad "browser extension request: $code $(head -c 400 ext.json)"
json ext.json 'all(m["rule"]["issueType"] in ("misspelling","terminology","locale-violation","grammar","duplication","inconsistency","untranslated") for m in d["matches"])' &&
  ok || bad "issueType values"
cp ext.json "$root/build/serve-languagetool-response.json" 2>/dev/null || true

# rule filters: enabledOnly, disabledRules, categories, tradlint's ids
code=$(curl -s -o only.json -w '%{http_code}' --data-urlencode "text=$text" -d language=pt-BR -d enabledOnly=true -d enabledRules=TERMINOLOGY_FORBIDDEN "$base/v2/check")
[ "$code" = 200 ] && json only.json '[m["rule"]["id"] for m in d["matches"]]==["TERMINOLOGY_FORBIDDEN"]' && ok || bad "enabledOnly: $(head -c 300 only.json)"
curl -s -o dis.json --data-urlencode "text=$text" -d language=pt -d disabledRules=spelling.unknown -d disabledCategories=TYPOGRAPHY "$base/v2/check"
json dis.json 'not any(m["tradlint"]["rule"] in ("spelling.unknown","number.decimal") for m in d["matches"]) and any(m["tradlint"]["rule"]=="terminology.forbidden" for m in d["matches"])' &&
  ok || bad "disabledRules/disabledCategories: $(head -c 300 dis.json)"
code=$(curl -s -o e.json -w '%{http_code}' --data-urlencode "text=$text" -d language=pt-BR -d enabledOnly=true "$base/v2/check")
[ "$code" = 400 ] && json e.json '"enabledRules" in d["error"]' && ok || bad "enabledOnly without rules: $code"
# the old GET form of the API
code=$(curl -s -o get.json -w '%{http_code}' -G --data-urlencode "text=O treinamneto." -d language=pt "$base/v2/check")
[ "$code" = 200 ] && json get.json 'd["matches"][0]["offset"]==2' && ok || bad "GET /v2/check: $code"

# ---- the same findings as tradlint check ---------------------------------
art="$root/tests/data/serve/artigo.md"
"$bin" check --no-db --format json --fail-on never "$art" >cli.json
code=$(curl -s -o api.json -w '%{http_code}' -H 'Content-Type: application/json' \
  --data-binary "$(python3 -c 'import json,sys; print(json.dumps({"text": open(sys.argv[1]).read(), "path": sys.argv[1]}))' "$art")" "$base/api/check")
if [ "$code" = 200 ] && python3 - cli.json api.json <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["files"][0]; b = json.load(open(sys.argv[2]))["files"][0]
assert a["findings"] == b["findings"] and len(a["findings"]) >= 5, (len(a["findings"]), len(b["findings"]))
assert a["words"] == b["words"]
PY
then ok; else bad "/api/check differs from tradlint check: $code"; fi
curl -s -o v2md.json --data-urlencode "text@$art" -d language=pt-BR -d markup=markdown "$base/v2/check"
python3 - cli.json v2md.json "$art" <<'PY' && ok || bad "/v2/check (markup=markdown) differs from tradlint check"
import json, sys
a = json.load(open(sys.argv[1]))["files"][0]["findings"]; b = json.load(open(sys.argv[2]))["matches"]
u = open(sys.argv[3]).read().encode("utf-16-le")
assert [(f["rule"], f["text"]) for f in a] == [(m["tradlint"]["rule"], u[2*m["offset"]:2*(m["offset"]+m["length"])].decode("utf-16-le")) for m in b]
PY
curl -s -o plain.json -H 'Content-Type: text/plain' --data-binary @text.txt "$base/api/check"
json plain.json 'any(f["rule"]=="terminology.forbidden" for f in d["files"][0]["findings"])' && ok || bad "/api/check text/plain"

# ---- bad requests: clean JSON errors ----------------------------------------
# expect STATUS NAME CURL-ARGS...: the status, and a JSON body with "error"
expect_error() {
  local want=$1 name=$2
  shift 2
  code=$(curl -s -o err.json -w '%{http_code}' "$@")
  if [ "$code" = "$want" ] && json err.json 'd["status"]=='"$want"' and len(d["error"])>5'; then ok
  else bad "$name: got $code $(head -c 200 err.json)"; fi
}
expect_error 400 "bad UTF-8" --data-binary 'text=%C3%28&language=pt-BR' "$base/v2/check"
expect_error 400 "bad escape" --data-binary 'text=abc%2&language=pt-BR' "$base/v2/check"
expect_error 400 "NUL byte" --data-binary 'text=a%00b&language=pt-BR' "$base/v2/check"
expect_error 400 "no text" --data-binary 'language=pt-BR' "$base/v2/check"
expect_error 400 "no language" --data-binary 'text=abc' "$base/v2/check"
expect_error 400 "unsupported language" --data-binary 'text=abc&language=en-US' "$base/v2/check"
expect_error 400 "bad data JSON" --data-binary 'data=%7B%22annotation%22%3A%5B1&language=pt-BR' "$base/v2/check"
expect_error 400 "bad JSON" -H 'Content-Type: application/json' --data-binary '{"text": ' "$base/api/check"
expect_error 400 "JSON without text" -H 'Content-Type: application/json' --data-binary '{"texto": "a"}' "$base/api/check"
expect_error 400 "bad UTF-8 in /api/check" -H 'Content-Type: text/plain' --data-binary $'ol\xc3\x28a' "$base/api/check"
expect_error 404 "unknown path" "$base/v3/check"
expect_error 405 "wrong method" -X DELETE "$base/v2/check"
expect_error 415 "multipart" -F text=abc -F language=pt-BR "$base/v2/check"
head -c 1100000 /dev/zero | tr '\0' 'a' >big.txt
expect_error 413 "huge body (Content-Length)" -H 'Content-Type: text/plain' --data-binary @big.txt "$base/api/check"
expect_error 413 "huge body (chunked)" -H 'Transfer-Encoding: chunked' -H 'Content-Type: text/plain' --data-binary @big.txt "$base/api/check"

# slow senders (slowloris): connections that dribble their headers or body
# hold no worker; the server keeps answering, answers a body still
# arriving after --timeout with 408, and drops a silent connection
python3 "$root/tests/serve/slow.py" "$url" 12 >slow.out 2>&1 && ok || bad "slow senders: $(cat slow.out)"
kill -0 "$pid" 2>/dev/null && curl -s -m 5 "$base/health" | grep -q '"ok"' && ok || bad "server down after bad requests: $(tail -5 srv.log)"

# ---- a small load run: concurrent clients, real articles, no error ----
if node "$root/tests/serve/load.js" "$base" 4 25 "$root/tests/data/corpus" >load.json 2>load.err &&
   json load.json 'd["errors"]==0 and d["requests"]==100'; then ok
else bad "load: $(cat load.json load.err | head -5)"; fi

# ---- graceful stop: SIGTERM while a request is in flight ----------------
python3 -c "import sys; sys.stdout.write(open(sys.argv[1]).read() * 40)" "$art" >long.md
# the upload takes about a second: the request is surely in flight
curl -s --limit-rate 40k -o inflight.json -w '%{http_code}' -H 'Content-Type: text/markdown' --data-binary @long.md "$base/api/check" >inflight.code &
cpid=$!
sleep 0.4
kill -TERM "$pid"
wait "$cpid"
wait "$pid"; s=$?
[ "$s" = 0 ] && [ "$(cat inflight.code)" = 200 ] && json inflight.json 'len(d["files"][0]["findings"])>0' && ok ||
  bad "graceful stop: exit $s, in-flight request $(cat inflight.code)"

# ---- the archive memory: read for consistency.corpus, never written ---------
mkdir -p acervo
printf '# Um\n\nO ajuste fino do modelo levou dois dias.\n' >acervo/a.md
printf '# Dois\n\nCom ajuste fino, o modelo melhorou.\n' >acervo/b.md
"$bin" corpus index --db acervo.db acervo >/dev/null 2>&1 || bad "corpus index failed"
sum=$(md5sum <acervo.db)
"$bin" serve --port 0 --db acervo.db --quiet 2>mem.log &
pid=$!; pids+=("$pid")
for _ in $(seq 300); do grep -q 'escutando em' mem.log && break; sleep 0.1; done
murl=$(sed -n 's|.*escutando em \(http://[^ ]*/\).*|\1|p' mem.log | head -1)
curl -s -o mem.json --data-urlencode 'text=O fine-tuning do modelo foi rápido.' -d language=pt-BR "${murl}v2/check"
json mem.json 'any(m["tradlint"]["rule"]=="consistency.corpus" and m["replacements"][0]["value"]=="ajuste fino" for m in d["matches"])' &&
  ok || bad "archive memory not used: $(head -c 300 mem.json) $(cat mem.log)"
kill -TERM "$pid"; wait "$pid"
[ "$(md5sum <acervo.db)" = "$sum" ] && [ ! -s acervo.db-wal ] && ok || bad "the server wrote to the archive memory"

# ---- the token ----------------------------------------------------------------
printf 'segredo-de-teste\n' >token
start_server tok.log --token-file token || { finish; exit 1; }
tbase=${url%/}
expect_error 401 "no token" --data-binary 'text=abc&language=pt-BR' "$tbase/v2/check"
expect_error 401 "wrong token" -H 'Authorization: Bearer errado' --data-binary 'text=abc&language=pt-BR' "$tbase/v2/check"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer segredo-de-teste' --data-binary 'text=abc&language=pt-BR' "$tbase/v2/check")
[ "$code" = 200 ] && ok || bad "bearer token refused: $code"
code=$(curl -s -o /dev/null -w '%{http_code}' --data-binary 'text=abc&language=pt-BR&username=eu&apiKey=segredo-de-teste' "$tbase/v2/check")
[ "$code" = 200 ] && ok || bad "apiKey field refused: $code"
kill -TERM "$pid"; wait "$pid"
# beyond loopback without a token: refused before listening
out=$("$bin" serve --no-db --bind 0.0.0.0 --port 0 2>&1); s=$?
[ "$s" = 2 ] && [[ "$out" == *"loopback"* ]] && ok || bad "non-loopback bind without token: exit $s: $out"
out=$("$bin" serve --no-db --bind 999.1.1.1 2>&1); s=$?
[ "$s" = 2 ] && [[ "$out" == *"endereço inválido"* ]] && ok || bad "bad address: exit $s: $out"

finish
