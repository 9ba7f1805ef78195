#!/usr/bin/env bash
# CI formats, each checked by its validator or a real consumer: rdjson
# against reviewdog's JSON Schema (with byte columns that point at the
# finding's bytes), JUnit against the Jenkins xUnit XSD (xmllint) and read
# by junitparser, Checkstyle read by reviewdog's own parser (go-checkstyle),
# GitHub workflow commands parsed back with the runner's escaping; every
# format agrees with --format json on what was found. --min-level in every
# format (SARIF and github default to warning), --baseline and
# --write-baseline (only new findings fail; lines may move), SARIF helpUri
# and help.markdown pointing at a section of docs/rules.md.
# Prints "ci-formats: N passed, N failed".
. "$(dirname "$0")/lib.sh" ci-formats C.UTF-8 "$1"
cd "$tmp"
data=$root/tests/data
mkdir art
# accents before the findings: byte columns differ from code-point columns
cat >art/ação.md <<'EOT'
# Análise de modelos

Ação após ação, o GPT-4.0 e o treinamneto chegaram: 86.4% de de acerto.

O Zhipulândia publicou, e a ChatGPT respondeu "a b" & <c>.

O modelo tem um jeito wobbly de responder.
EOT
printf 'Nada a relatar aqui.\n' >art/limpo.md
run() { "$bin" check --no-db --fail-on never "$@" art; }
run --format json --min-level info >all.json || bad "json exited $?"
for f in github rdjson checkstyle junit sarif; do
  run --format "$f" --min-level info >"all.$f" 2>"$f.err" || bad "--format $f exited $?: $(cat "$f.err")"
done

# ---- rdjson: reviewdog's schema, byte columns ---------------------------------
if python3 - "$data/rdjson/DiagnosticResult.json" all.rdjson all.json <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2])); ref = json.load(open(sys.argv[3]))
jsonschema.validate(doc, schema)
want = [(fl["path"], f["rule"], f["text"]) for fl in ref["files"] for f in fl["findings"]]
got = []
for d in doc["diagnostics"]:
    loc = d["location"]; s, e = loc["range"]["start"], loc["range"]["end"]
    lines = open(loc["path"], "rb").read().split(b"\n")
    assert s["line"] == e["line"], d
    text = lines[s["line"] - 1][s["column"] - 1:e["column"] - 1].decode()
    got.append((loc["path"], d["code"]["value"], text))
    assert d["severity"] in ("ERROR", "WARNING", "INFO")
    assert d["code"]["url"].endswith("#" + d["code"]["value"].replace(".", "")), d["code"]
    for sg in d.get("suggestions", []):
        assert sg["range"] == loc["range"]
assert got == want, (got, want)
assert any(p == "art/ação.md" and t == "GPT-4.0" for p, _, t in got)
PY
then ok; else bad "rdjson"; fi

# ---- JUnit: the xUnit XSD, junitparser ---------------------------------------
xmllint --noout --schema "$data/junit/junit-10.xsd" all.junit 2>junit.err && ok || bad "JUnit XSD: $(head -5 junit.err)"
if /usr/bin/python3 - all.junit all.json <<'PY'
import json, sys
from junitparser import JUnitXml, Failure
xml = JUnitXml.fromfile(sys.argv[1]); ref = json.load(open(sys.argv[2]))
suites = {s.name: s for s in xml}
for fl in ref["files"]:
    s = suites[fl["path"]]
    cases = list(s)
    fails = [c for c in cases if c.result and isinstance(c.result[0], Failure)]
    assert len(fails) == len(fl["findings"]), (fl["path"], len(fails))
    assert s.failures == len(fl["findings"])
    for c, f in zip(fails, fl["findings"]):
        assert c.name == "%d:%d %s" % (f["line"], f["column"], f["rule"]), c.name
        assert c.result[0].type == f["severity"] and c.result[0].message == f["message"]
    if not fl["findings"]:
        assert len(cases) == 1 and not cases[0].result
assert xml.failures == sum(len(f["findings"]) for f in ref["files"])
PY
then ok; else bad "junitparser"; fi

# ---- Checkstyle: reviewdog's parser (go-checkstyle) --------------------------
export GOPATH=/usr/share/gocode GO111MODULE=off GOCACHE=$tmp/gocache GOFLAGS=
if go build -o csread "$root/tests/tools/checkstyle-read.go" 2>go.err; then
  ./csread <all.checkstyle >cs.json 2>cs.err
  if python3 - cs.json all.json <<'PY'
import json, sys
cs = json.load(open(sys.argv[1])); ref = json.load(open(sys.argv[2]))
files = {f["Name"]: f["Errors"] or [] for f in cs["Files"]}
assert cs["Version"] == "4.3"
for fl in ref["files"]:
    errs = files[fl["path"]]
    assert len(errs) == len(fl["findings"])
    for e, f in zip(errs, fl["findings"]):
        assert (e["Line"], e["Column"], e["Severity"], e["Source"]) == (f["line"], f["column"], f["severity"], "tradlint." + f["rule"]), e
        assert e["Message"].startswith(f["message"]), e
PY
  then ok; else bad "checkstyle as go-checkstyle reads it: $(cat cs.err)"; fi
else bad "go build: $(head -5 go.err)"; fi
xmllint --noout all.checkstyle && ok || bad "checkstyle not well-formed"

# ---- GitHub workflow commands --------------------------------------------------
if python3 - all.github all.json <<'PY'
import json, re, sys
ref = json.load(open(sys.argv[2]))
unesc = lambda s: s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
got = []
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    m = re.fullmatch(r"::(error|warning|notice) ([^:]*)::(.*)", line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    got.append((unesc(props["file"]), int(props["line"]), int(props["col"]), m.group(1), unesc(props["title"]), unesc(m.group(3))))
want = [(fl["path"], f["line"], f["column"], {"info": "notice"}.get(f["severity"], f["severity"]), "tradlint " + f["rule"], f["message"]) for fl in ref["files"] for f in fl["findings"]]
assert [g[:5] for g in got] == [w[:5] for w in want], (got, want)
assert all(g[5].startswith(w[5]) for g, w in zip(got, want))
PY
then ok; else bad "github annotations"; fi
# escaping: % CR LF in data, also : and , in properties (file name)
mkdir esc && printf 'O GPT-4.0 aqui.\n' >'esc/a%b:c,d.md'
printf 'id\tpreferred\tforbidden\tcase\tnote\ngpt-4o\tGPT-4o\tGPT-4.0\texact\t100%% certo: sim, não\n' >esc.tsv
"$bin" check --no-db --glossary esc.tsv --format github --fail-on never esc >esc.out
grep -qF '::error file=esc/a%25b%3Ac%2Cd.md,line=1,col=3,' esc.out && grep -qF '100%25 certo: sim, não' esc.out &&
  [ "$(wc -l <esc.out)" = 1 ] && ok || bad "github escaping: $(cat esc.out)"

# ---- --min-level: every format; SARIF and github default to warning --------------
run --format json >d.json; run --format sarif >d.sarif; run --format github >d.github
python3 - all.json d.json d.sarif all.sarif <<'PY' && ok || bad "--min-level defaults"
import json, sys
allj, dj = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert allj == dj, "json must keep everything by default"
info = sum(f["severity"] == "info" for fl in allj["files"] for f in fl["findings"])
assert info > 0, "the sample has no info finding"
ds, als = json.load(open(sys.argv[3])), json.load(open(sys.argv[4]))
assert all(r["level"] != "note" for r in ds["runs"][0]["results"])
assert len(als["runs"][0]["results"]) == len(ds["runs"][0]["results"]) + info
PY
! grep -q '^::notice' d.github && grep -q '^::notice' all.github && ok || bad "github default min-level"
for f in json rdjson checkstyle junit github text; do
  run --format "$f" --min-level error >"e.$f"
done
python3 - e.json e.rdjson <<'PY' && ok || bad "--min-level error"
import json, sys
j = json.load(open(sys.argv[1])); r = json.load(open(sys.argv[2]))
assert {f["severity"] for fl in j["files"] for f in fl["findings"]} == {"error"}
assert {d["severity"] for d in r["diagnostics"]} == {"ERROR"}
assert j["summary"]["warnings"] == 0 and j["summary"]["errors"] > 0
PY
! grep -q 'severity="warning"' e.checkstyle && ! grep -q 'type="warning"' e.junit && ! grep -q '^::warning' e.github &&
  ! grep -q ': aviso:' e.text && grep -q ': erro:' e.text && ok || bad "--min-level error in xml/github/text"
# the exit status follows what is reported
"$bin" check --no-db --min-level error --fail-on warning art/limpo.md >/dev/null 2>&1 && ok || bad "clean file fails"
printf 'O modelo acertou 86.4%% das questões.\n' >w.md
"$bin" check --no-db --fail-on warning w.md >/dev/null 2>&1; s1=$?
"$bin" check --no-db --fail-on warning --min-level error w.md >/dev/null 2>&1; s2=$?
[ $s1 = 1 ] && [ $s2 = 0 ] && ok || bad "exit with --min-level: $s1 $s2"
"$bin" check --no-db --min-level never w.md >/dev/null 2>&1; [ $? = 2 ] && ok || bad "--min-level never accepted"

# ---- --baseline / --write-baseline -------------------------------------------
mkdir bl && printf 'Primeira linha.\n\nO GPT-4.0 e o treinamneto.\n' >bl/a.md
"$bin" check --no-db --write-baseline base.json bl >/dev/null 2>wb.err; s=$?
[ $s = 1 ] && grep -q 'linha de base com 2 achados' wb.err && ok || bad "--write-baseline: exit $s $(cat wb.err)"
python3 -c "
import json; b = json.load(open('base.json'))
assert b['tool'] == 'tradlint' and len(b['findings']) == 2
assert {f['text'] for f in b['findings']} == {'GPT-4.0', 'treinamneto'}" && ok || bad "baseline content"
out=$("$bin" check --no-db --baseline base.json bl 2>&1); s=$?
[ $s = 0 ] && [[ "$out" == *"2 achados da linha de base omitidos"* ]] && ok || bad "baseline run: exit $s: $out"
# lines move, one more GPT-4.0: only that one is new
printf 'Uma linha nova.\n\nOutra.\n\nPrimeira linha.\n\nO GPT-4.0 e o treinamneto.\n\nDe novo o GPT-4.0.\n' >bl/a.md
"$bin" check --no-db --baseline base.json --format json bl >new.json 2>/dev/null; s=$?
python3 -c "
import json; j = json.load(open('new.json'))
f = [x for fl in j['files'] for x in fl['findings']]
assert [(x['line'], x['text']) for x in f] == [(9, 'GPT-4.0')], f" && [ $s = 1 ] && ok || bad "baseline after lines moved: exit $s"
# the SARIF fingerprints are the baseline's
"$bin" check --no-db --format sarif --min-level info --fail-on never bl >bl.sarif
python3 -c "
import json
fp = {r['partialFingerprints']['tradlint/v1'] for r in json.load(open('bl.sarif'))['runs'][0]['results']}
base = {f['fingerprint'] for f in json.load(open('base.json'))['findings']}
assert base <= fp and len(fp) == 3, (base, fp)" && ok || bad "baseline and SARIF fingerprints differ"
printf '{"tool": "outro"}' >bad.json
out=$("$bin" check --no-db --baseline bad.json bl 2>&1); s=$?
[ $s = 2 ] && [[ "$out" == *bad.json* ]] && ok || bad "foreign baseline: exit $s: $out"
printf '{"tool": "tradlint", "findings": [' >broken.json
out=$("$bin" check --no-db --baseline broken.json bl 2>&1); s=$?
[ $s = 2 ] && [[ "$out" == *"broken.json:1:"* ]] && ok || bad "broken baseline: exit $s: $out"
out=$("$bin" check --no-db --baseline nao-existe.json bl 2>&1); s=$?
[ $s = 2 ] && [[ "$out" == *nao-existe.json* ]] && ok || bad "missing baseline: exit $s: $out"

# ---- SARIF rules: helpUri and help.markdown at a section of docs/rules.md ------
if python3 - all.sarif "$root/docs/rules.md" <<'PY'
import json, re, sys
rules = json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]["rules"]
heads = re.findall(r"^## (\S+)$", open(sys.argv[2], encoding="utf-8").read(), re.M)
anchors = {h.replace(".", ""): h for h in heads}
ids = [r["id"] for r in rules]
assert sorted(ids) == sorted(heads), (set(ids) ^ set(heads))
for r in rules:
    uri = r["helpUri"]
    assert "://" in uri and uri.split("#")[0].endswith("rules.md"), uri
    assert anchors[uri.split("#")[1]] == r["id"], uri
    assert r["help"]["markdown"].count(r["id"]) >= 2 and uri in r["help"]["markdown"]
PY
then ok; else bad "SARIF helpUri/help.markdown or docs/rules.md sections"; fi
python3 -c "
import json, jsonschema
jsonschema.validate(json.load(open('all.sarif')), json.load(open('$data/sarif/sarif-schema-2.1.0.json')))" && ok || bad "SARIF schema"

# what each consumer read, kept for people to look at
mkdir -p "$root/build/ci-formats" && cp all.* cs.json "$root/build/ci-formats/" 2>/dev/null
finish
