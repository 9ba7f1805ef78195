#!/usr/bin/env bash
# Glossary exchange: the whole house glossary round-trips TSV -> TBX -> TSV
# and TSV -> CSV -> TSV byte for byte; the TBX is well-formed and the CSV
# reads back with Python's csv module (RFC 4180); TBX-Basic v2 and v3 map
# statuses, abbreviations, gender, proper nouns, notes and source; what
# tradlint has no column for is listed, never dropped silently; bad input
# (unsupported status, broken XML, CSV quoting, conflicts) is exit 2 naming
# file:line; real-world files (tests/data/tbx) import or fail clearly; no
# external entity is read. Prints "glossary-exchange: N passed, N failed".
. "$(dirname "$0")/lib.sh" glossary-exchange C.UTF-8 "$1"
cd "$tmp"
data=$root/tests/data/tbx

# ---- round trips on the house glossary ---------------------------------------
"$bin" glossary export --format tsv >house.tsv && ok || bad "export tsv"
"$bin" glossary export --format tbx >house.tbx && ok || bad "export tbx"
"$bin" glossary export --format csv >house.csv && ok || bad "export csv"
n=$(($(wc -l <house.tsv) - 1))
[ "$n" -ge 400 ] && ok || bad "only $n concepts exported"
"$bin" glossary check house.tsv >/dev/null && ok || bad "exported TSV is not a valid glossary"
xmllint --noout house.tbx && ok || bad "TBX not well-formed"
[ "$(grep -c '<termEntry ' house.tbx)" = "$n" ] && ok || bad "TBX entries != $n"
"$bin" glossary import house.tbx >back-tbx.tsv 2>tbx.err && cmp -s house.tsv back-tbx.tsv && ok ||
  bad "TSV -> TBX -> TSV differs: $(diff house.tsv back-tbx.tsv | head -5) $(cat tbx.err)"
grep -q "$n conceitos importados" tbx.err && ! grep -q aviso tbx.err && ok || bad "tbx import messages: $(head -3 tbx.err)"
"$bin" glossary import house.csv >back-csv.tsv 2>/dev/null && cmp -s house.tsv back-csv.tsv && ok ||
  bad "TSV -> CSV -> TSV differs: $(diff house.tsv back-csv.tsv | head -5)"
python3 - house.csv house.tsv <<'PY' && ok || bad "CSV is not RFC 4180 with the TSV's header and rows"
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.count(b"\r\n") == raw.count(b"\n"), "CRLF line ends"
c = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
t = [l.split("\t") for l in open(sys.argv[2], encoding="utf-8").read().splitlines()]
assert c[0] == t[0] and c[0][:9] == ["id", "en", "preferred", "abbrev", "admitted", "forbidden", "gender", "case", "note"] and c[0][9:] in ([], ["source"]), c[0]
assert c == t
assert any("," in v or '"' in v for r in c for v in r), "no field needed quoting"
PY
# every concept of the house glossary, each form with its status, in the TBX
python3 - house.tbx house.tsv <<'PY' && ok || bad "TBX content differs from the TSV"
import sys, xml.etree.ElementTree as ET
rows = [l.split("\t") for l in open(sys.argv[2], encoding="utf-8").read().splitlines()]
h = rows[0]; rows = [dict(zip(h, r)) for r in rows[1:]]
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "martif" and root.get("type") == "TBX-Basic"
X = "{http://www.w3.org/XML/1998/namespace}lang"
st = {"preferredTerm-admn-sts": "preferred", "admittedTerm-admn-sts": "admitted", "deprecatedTerm-admn-sts": "forbidden"}
for e, r in zip(root.iter("termEntry"), rows):
    assert e.get("id") == r["id"]
    pt = [l for l in e.iter("langSet") if l.get(X) == "pt-BR"][0]
    forms = {}
    for tig in pt.iter("tig"):
        notes = {n.get("type"): n.text for n in tig.iter("termNote")}
        k = st[notes["administrativeStatus"]]
        if notes.get("termType") == "abbreviation": k = "abbrev"
        forms.setdefault(k, []).append(tig.find("term").text)
    for k in ("preferred", "abbrev", "admitted", "forbidden"):
        assert "|".join(forms.get(k, [])) == r[k], (r["id"], k)
    en = [l for l in e.iter("langSet") if l.get(X) == "en"]
    assert "|".join(t.text for t in en[0].iter("term")) if en else "" == r["en"]
    assert (e.findtext("note") or "") == r["note"]
PY

# ---- TBX-Basic v2 and v3, every mapping ---------------------------------------------
cat >v2.tbx <<'EOT'
<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en-US">
<martifHeader><fileDesc><sourceDesc><p>teste</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="C 1">
  <descrip type="subjectField">IA</descrip>
  <note>Nome da técnica.</note>
  <langSet xml:lang="en-US"><tig><term>reinforcement learning</term></tig>
    <tig><term> RL </term><termNote type="termType">acronym</termNote></tig></langSet>
  <langSet xml:lang="de"><tig><term>bestärkendes Lernen</term></tig></langSet>
  <langSet xml:lang="pt-BR">
    <tig><term>aprendizagem por reforço</term>
      <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
    <tig><term>aprendizado por reforço</term>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
      <termNote type="grammaticalGender">masculine</termNote>
      <termNote type="partOfSpeech">noun</termNote></tig>
    <tig><term>AR</term><termNote type="termType">abbreviation</termNote>
      <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
    <tig><term>aprendizado reforçado</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    <transacGrp><transac type="transactionType">modification</transac><date>2020-01-01</date></transacGrp>
  </langSet>
</termEntry>
<termEntry id="openai">
  <langSet xml:lang="en"><tig><term>OpenAI</term></tig></langSet>
  <langSet xml:lang="pt"><tig><term>OpenAI</term>
      <termNote type="partOfSpeech">properNoun</termNote>
      <termNote type="grammaticalGender">feminine</termNote></tig>
    <tig><term>OpenIA</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig></langSet>
</termEntry>
<termEntry id="so-de">
  <langSet xml:lang="en"><tig><term>only English</term></tig></langSet>
</termEntry>
</body></text></martif>
EOT
want='id	en	preferred	abbrev	admitted	forbidden	gender	case	note
reinforcement-learning	reinforcement learning|RL	aprendizado por reforço	AR	aprendizagem por reforço	aprendizado reforçado	m	any	Nome da técnica.
openai	OpenAI	OpenAI			OpenIA	f	exact	'
out=$("$bin" glossary import v2.tbx 2>v2.err); s=$?
[ $s = 0 ] && [ "$out" = "$want" ] && ok || bad "TBX v2 import: exit $s: $out $(cat v2.err)"
for w in "subjectField" "seção de idioma 'de'" "transacGrp" "id 'C 1'" "'so-de' sem termo" "2 conceitos importados"; do
  grep -q "$w" v2.err && ok || bad "not reported: $w ($(cat v2.err))"
done
# the same in TBX v3 (conceptEntry, langSec, termSec)
sed -e 's/<martif type="TBX-Basic"/<tbx type="TBX-Basic" style="dca" xmlns="urn:iso:std:iso:30042:ed-2"/' \
    -e 's#</martif>#</tbx>#; s/martifHeader/tbxHeader/g; s/termEntry/conceptEntry/g; s/langSet/langSec/g; s/<tig>/<termSec>/g; s#</tig>#</termSec>#g' \
    v2.tbx >v3.tbx
out=$("$bin" glossary import v3.tbx 2>/dev/null); s=$?
[ $s = 0 ] && [ "$out" = "$want" ] && ok || bad "TBX v3 import: exit $s: $out"

# source (admin type="source") fills the source column, which the TSV then
# carries; a loader without that column says so, naming it
printf '<martif><text><body><termEntry id="x"><admin type="source">Guia da casa</admin>\n<langSet xml:lang="pt-BR"><tig><term>xis</term></tig></langSet></termEntry></body></text></martif>\n' >src.tbx
out=$("$bin" glossary import src.tbx 2>&1); s=$?
if printf 'id\tpreferred\tsource\nx\txis\tGuia\n' >probe.tsv && "$bin" glossary check probe.tsv >/dev/null 2>&1; then
  [ $s = 0 ] && [[ "$out" == *"source"* ]] && [[ "$out" == *"x	en	xis"* || "$out" == *"Guia da casa"* ]] && ok || bad "source: exit $s: $out"
else
  [ $s = 2 ] && [[ "$out" == *src.tbx* ]] && ok || bad "source without loader support: exit $s: $out"
fi

# ---- errors: file:line, exit 2 ------------------------------------------------------
err() { # err WANT FILE [ARGS] : exit 2 and the message
  local out s; out=$("$bin" glossary import "${@:2}" 2>&1 >/dev/null); s=$?
  [ $s = 2 ] && [[ "$out" == *"$1"* ]] && ok || bad "$2: exit $s: $out (want: $1)"
}
err "fr-extended-metadata.tbx:20: administrativeStatus 'obsolete' não suportado" "$data/fr-extended-metadata.tbx" --lang fr
err "cs.tbx: nenhum conceito com termo em pt-BR" "$data/cs.tbx"
printf '<martif><text><body><termEntry>\n<langSet xml:lang="pt-BR"><tig><term>x</term></tig>\n</body></text></martif>\n' >broken.tbx
err "broken.tbx:4: XML inválido" broken.tbx
printf '<?xml version="1.0"?>\n<html/>\n' >html.tbx
err "não é um arquivo TBX" html.tbx
printf '<martif><text><body><termEntry id="x"><langSet xml:lang="pt-BR">\n<tig><term>bom</term></tig>\n<tig><term>bom</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry></body></text></martif>\n' >conflict.tbx
err "conflict.tbx:1: conceito 'x':" conflict.tbx
printf '<martif><text><body>\n<termEntry id="y"><langSet xml:lang="pt-BR"><tig><term>z</term>\n<termNote type="grammaticalGender">neuter</termNote></tig></langSet></termEntry></body></text></martif>\n' >neuter.tbx
err "neuter.tbx:3: grammaticalGender 'neuter' não suportado" neuter.tbx
printf 'id,preferred,cor\nx,y,z\n' >cols.csv
err "cols.csv:1:3: coluna desconhecida 'cor'" cols.csv
printf 'id,preferred,note\nx,y,"aberta\n' >quote.csv
err "quote.csv:2: aspas abertas sem fechar" quote.csv
printf 'id,preferred,note\r\nx,y,"duas\r\nlinhas"\r\n' >nl.csv
err "nl.csv:2: a coluna 'note' tem tabulação ou quebra de linha" nl.csv
printf 'id,preferred\r\nx,y,z\r\n' >fields.csv
err "fields.csv:2: o número de campos desta linha (3) não é o de colunas do cabeçalho (2)" fields.csv
printf 'id,preferred\n' >empty.csv
err "empty.csv: nenhum conceito" empty.csv
err "formato não reconhecido" house.tsv
# RFC 4180 quoting read back: commas, doubled quotes, BOM, CRLF
printf '\xef\xbb\xbfid,en,preferred,note\r\nllm,"large language model|LLM","grande modelo de linguagem","Diz-se ""LLM"", no plural ""LLMs"", sem apóstrofo."\r\n' >quoted.csv
out=$("$bin" glossary import quoted.csv 2>/dev/null)
[ "$(echo "$out" | sed -n 2p)" = 'llm	large language model|LLM	grande modelo de linguagem						Diz-se "LLM", no plural "LLMs", sem apóstrofo.' ] &&
  ok || bad "quoted CSV: $out"

# ---- real-world files ---------------------------------------------------------------
out=$("$bin" glossary import "$data/cs.tbx" --lang cs 2>cs.err); s=$?
[ $s = 0 ] && [ "$(echo "$out" | wc -l)" = 5 ] && [[ "$out" == *"address-bar	address bar	adresní řádek"* ]] &&
  [[ "$out" == *"always-on-top	always on top	vždy navrchu"* ]] && ok || bad "cs.tbx --lang cs: exit $s: $out $(cat cs.err)"

# ---- no external entity, no network -----------------------------------------------
printf 'segredo-%s\n' "$RANDOM" >secret.txt
cat >xxe.tbx <<EOT
<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY x SYSTEM "file://$tmp/secret.txt">]>
<martif><text><body><termEntry id="a"><langSet xml:lang="pt-BR"><tig><term>termo &x;</term></tig></langSet></termEntry></body></text></martif>
EOT
out=$("$bin" glossary import xxe.tbx 2>&1)
[[ "$out" != *segredo* ]] && ok || bad "external entity expanded: $out"
finish
