#!/usr/bin/env bash
# Corpus memory, the same assertions on both store backends:
#   tests/corpus.sh BIN sqlite       an SQLite file per memory
#   tests/corpus.sh BIN postgresql   a throwaway PostgreSQL cluster (pg.sh),
#                                    a database per memory, stopped on exit
# Both: concurrent runs, no writes for an unchanged file, a changed file's
# rows replaced, Hunspell not loaded when every verdict is stored, prune,
# the HTML report's escaping, a schema of a newer version refused, a
# read-only memory, a memory locked beyond the timeout, export, and migrate
# there and back, house usage (accepted words, rejections). Then what
# only one backend has: corrupt, foreign and old
# files (SQLite); connection errors, passwords, timeouts, TLS, roles and
# archives sharing a database (PostgreSQL).
# Prints "corpus-BACKEND: N passed, N failed".
backend=${2:-sqlite}
. "$(dirname "$0")/lib.sh" "corpus-$backend" C "$1"
unset TRADLINT_DB TRADLINT_ARCHIVE PGPASSWORD PGCONNECT_TIMEOUT

case $backend in
sqlite) ;;
postgresql)
  . "$root/tests/pg.sh"
  trap 'pg_stop; rm -rf "$tmp"' EXIT
  pg_start || { echo "$suite: FAIL: no PostgreSQL server"; exit 1; }
  ;;
*) echo "usage: $0 BIN sqlite|postgresql" >&2; exit 2 ;;
esac

# mkdb NAME: the --db of a new, empty memory
mkdb() {
  if [ $backend = sqlite ]; then
    echo "$tmp/$1.db"
  else
    "$PG_BIN/createdb" -h "$PG_SOCK" -p "$PG_PORT" -U tradlint "$1" >&2 || return 1
    echo "postgresql://tradlint@/$1?host=$PG_SOCK&port=$PG_PORT"
  fi
}
# q DB SQL: the rows SQL gives (columns joined by |); the same SQL on both
q() {
  if [[ "$1" != postgres* ]]; then
    python3 -c 'import sqlite3, sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in r))' "$1" "$2"
  else
    PGOPTIONS="-c search_path=tradlint" "$PG_BIN/psql" -X -q -t -A \
      -v ON_ERROR_STOP=1 -d "$1" -c "$2"
  fi
}
# mark DB: changes whenever a run wrote anything (a file's bytes; the
# server's next transaction id: a read-only transaction takes none)
mark() {
  if [[ "$1" != postgres* ]]; then
    cat "$1" "$1-wal" 2>/dev/null | md5sum
  else
    q "$1" "select pg_snapshot_xmax(pg_current_snapshot())"
  fi
}

cd "$tmp"
mkdir a b
for i in $(seq 1 40); do
  printf 'Texto %d sobre o ajuste fino do modelo e o aprendizado por reforço.\n' "$i" >"a/doc$i.md"
  printf 'Texto %d sobre o fine-tuning e a aprendizagem por reforço.\n' "$i" >"b/doc$i.md"
done

# Two runs at once on one memory: both succeed, nothing lost.
c=$(mkdb c)
"$bin" corpus index --db "$c" a >out1 2>&1 & p1=$!
"$bin" corpus index --db "$c" b >out2 2>&1 & p2=$!
wait $p1; s1=$?; wait $p2; s2=$?
docs=$(q "$c" 'select count(*) from documents')
uses=$(q "$c" 'select count(*) from usages')
if [ $s1 = 0 ] && [ $s2 = 0 ] && [ "$docs" = 80 ] && [ "$uses" = 160 ]; then ok
else bad "concurrent index: exits $s1 $s2, documents $docs (80), usages $uses (160)"; cat out1 out2; fi

# An unchanged file costs no writes.
before=$(mark "$c")
"$bin" corpus index --db "$c" a/doc1.md >/dev/null 2>&1
after=$(mark "$c")
[ -n "$before" ] && [ "$before" = "$after" ] && ok || bad "unchanged file wrote to the memory ($before, $after)"

# A changed file replaces its rows.
printf 'Agora com fine-tuning.\n' >a/doc1.md
"$bin" corpus index --db "$c" a/doc1.md >/dev/null 2>&1
n=$(q "$c" "select u.rendering from usages u join documents d on d.id = u.doc where d.path = 'a/doc1.md' order by 1")
[ "$n" = "fine-tuning" ] && ok || bad "changed file: renderings '$n'"

# Batches (corpus index, SQLite): the rows are those of one transaction a
# document; a kill -9 loses the open batch only, whole documents; a batch
# is written once it has its documents or its time (ms 0: at once).
if [ $backend = sqlite ]; then
  mkdir kb
  for i in $(seq -w 1 12); do
    printf '# Artigo %s\n\nO ajuste fino do modelo %s usa aprendizado por reforço; fine-tuning %s.\n' "$i" "$i" "$i" >"kb/doc$i.md"
  done
  b1=$(mkdb b1); b64=$(mkdb b64)
  TRADLINT_INDEX_BATCH=1 "$bin" corpus index -j 1 --db "$b1" kb >/dev/null 2>&1
  "$bin" corpus index --db "$b64" kb >kb.out 2>&1; s=$?
  e1=$("$bin" corpus export --db "$b1" 2>&1 | sed 's/"checked_at":[0-9]*,//')
  e64=$("$bin" corpus export --db "$b64" 2>&1 | sed 's/"checked_at":[0-9]*,//')
  if [ $s = 0 ] && [ "$(wc -l <<<"$e1")" = 36 ] && [ "$e1" = "$e64" ] &&
      grep -q "12 documentos registrados" kb.out; then ok
  else bad "batched index: exit $s, $(cat kb.out); rows differ from one transaction a document"; fi
  # blocked on its standard input after the 12 files: DOCS:MS 5:600000
  # leaves 10 written, the last 2 open; 1000:0 writes each at once
  for spec in 5:600000 1000:0; do
    kdb=$(mkdb "k${spec%%:*}"); mkfifo kb.fifo
    TRADLINT_INDEX_BATCH=$spec "$bin" corpus index -j 1 --db "$kdb" kb - <kb.fifo >/dev/null 2>&1 & kp=$!
    exec 5>kb.fifo
    want=10; [ $spec = 1000:0 ] && want=12
    for _ in $(seq 1 100); do
      [ "$(q "$kdb" 'select count(*) from documents' 2>/dev/null)" = $want ] && break
      sleep 0.1
    done
    sleep 0.3
    kill -9 $kp 2>/dev/null; { wait $kp; } 2>/dev/null
    exec 5>&-; rm -f kb.fifo
    n=$(q "$kdb" 'select count(*) from documents')
    sound=$(q "$kdb" 'pragma integrity_check')
    rows=$(q "$kdb" "select d.path, u.concept, u.rendering, u.count from documents d join usages u on u.doc = d.id order by 1, 2, 3")
    ref=$(q "$b1" "select d.path, u.concept, u.rendering, u.count from documents d join usages u on u.doc = d.id where d.path <= 'kb/doc$want.md' order by 1, 2, 3")
    if [ "$n" = $want ] && [ "$sound" = ok ] && [ "$rows" = "$ref" ]; then ok
    else bad "batch $spec killed: $n documents ($want), integrity $sound, rows equal: $([ "$rows" = "$ref" ] && echo yes || echo no)"; fi
  done
fi

# Warm runs never load Hunspell (every verdict stored).
"$bin" check --db "$c" --fail-on never a/doc2.md >/dev/null 2>&1
out=$(TRADLINT_DEBUG_LOAD=1 "$bin" check --db "$c" --fail-on never a/doc2.md 2>&1)
case "$out" in *"debug: loading"*) bad "warm run loaded Hunspell: $out";; *) ok;; esac

# The archive's renderings as the report sees them.
out=$("$bin" corpus report --db "$c" --format json 2>&1); s=$?
if [ $s = 0 ] && python3 -c '
import json, sys
r = {c["concept"]: {x["rendering"]: (x["documents"], x["examples"]) for x in c["renderings"]} for c in json.loads(sys.argv[1])["concepts"]}
ft = r["fine-tuning"]
assert ft["ajuste fino"] == (39, ["a/doc10.md", "a/doc11.md", "a/doc12.md"]), ft
assert ft["fine-tuning"] == (41, ["a/doc1.md", "b/doc1.md", "b/doc10.md"]), ft
' "$out"; then ok
else bad "corpus report: exit $s: $out"; fi

# Every rendering a document uses is recorded with its kind: a forbidden
# form and an acronym (not judged as renderings inside the document) and a
# spelling that differs from the form only in accents. The report lists
# them; none is ever the archive's house form for consistency.corpus.
mkdir k
printf 'A geração aumentada por recuperação (RAG) combina busca e geração. O RAG reduz erros.\nA função sigmoide comprime os valores entre zero e um.\n' >k/k1.md
printf 'A recuperação aumentada por geração melhora as respostas do assistente.\n' >k/k2.md
printf 'Com a recuperação aumentada por geração, a função sigmóide decide.\n' >k/k3.md
kd=$(mkdb kinds)
"$bin" corpus index --db "$kd" k >/dev/null 2>&1
out=$("$bin" corpus report --db "$kd" --format json 2>&1); s=$?
o1=$("$bin" check --db "$kd" --fail-on never k/k1.md 2>&1)
o3=$("$bin" check --db "$kd" --fail-on never k/k3.md 2>&1)
if [ $s = 0 ] && python3 -c '
import json, sys
r = {c["concept"]: {x["rendering"]: (x["kind"], x["documents"]) for x in c["renderings"]} for c in json.loads(sys.argv[1])["concepts"]}
assert r["rag"] == {"recuperação aumentada por geração": ("forbidden", 2), "geração aumentada por recuperação": ("preferred", 1), "RAG": ("abbrev", 1)}, r["rag"]
assert r["sigmoid"] == {"sigmoide": ("preferred", 1), "sigmóide": ("variant", 1)}, r["sigmoid"]
' "$out" && [[ "$o1" != *"o acervo usa"* ]] && [[ "$o3" != *"o acervo usa"* ]] &&
    [[ "$o3" == *"recuperação aumentada por geração"* ]]; then ok
else bad "renderings of every kind: exit $s: $out / $o1 / $o3"; fi

# Discovered concepts: one phrase written with three derivations of one
# word across documents ("rotulagem/rotulação/rotulamento das imagens",
# no glossary entry) is listed with origin discovered; two words that only
# share a suffix family ("comunicado"/"comunicação": -ado pairs with -agem
# only; "tratamento"/"treinamento": other stems) are not grouped; an
# editor's rejection (any of its renderings) is recorded and the report
# stops listing it.
mkdir dv
printf 'A rotulagem das imagens levou três semanas e custou mais do que o servidor.\n' >dv/d1.md
printf 'A equipe terceirizou a rotulação das imagens para uma empresa do Quênia.\n' >dv/d2.md
printf 'O rotulamento das imagens médicas exige especialistas em radiologia.\n' >dv/d3.md
printf 'O comunicado oficial da empresa saiu ontem. O plano de tratamento mudou.\n' >dv/d4.md
printf 'A comunicação oficial da empresa mudou. O plano de treinamento também.\n' >dv/d5.md
dd=$(mkdb discovered)
"$bin" corpus index --db "$dd" dv >/dev/null 2>&1
out=$("$bin" corpus report --db "$dd" --format json 2>&1); s=$?
txt=$("$bin" corpus report --db "$dd" 2>&1)
var=$("$bin" corpus variants --db "$dd" 2>&1)
if [ $s = 0 ] && python3 -c '
import json, sys
cs = json.loads(sys.argv[1])["concepts"]
d = [c for c in cs if c["origin"] == "discovered"]
assert len(d) == 1, d
r = {x["rendering"]: (x["kind"], x["documents"], x["examples"]) for x in d[0]["renderings"]}
assert r == {"rotulagem das imagens": ("discovered", 1, ["dv/d1.md"]), "rotulação das imagens": ("discovered", 1, ["dv/d2.md"]), "rotulamento das imagens": ("discovered", 1, ["dv/d3.md"])}, r
assert d[0]["concept"] == "rotul* das imagen" and d[0]["preferred"] is None, d[0]
' "$out" && [[ "$txt" == *"rotul* das imagen (descoberto"*"rotulação das imagens"*descoberta* ]] && [[ "$var" != *rotula* ]]; then ok
else bad "discovered concept: exit $s: $out / $txt / $var"; fi
out=$("$bin" corpus reject --db "$dd" "Rotulação das imagens" 2>&1); s=$?
rep=$("$bin" corpus report --db "$dd" --format json 2>&1)
acc=$("$bin" corpus accepted --db "$dd" --format json 2>&1)
n=$(q "$dd" "select count(*) from rejections where key like '~%'")
if [ $s = 0 ] && [[ "$out" == *"recusado"* ]] && [[ "$rep" != *discovered* ]] && [ "$n" = 1 ] &&
    python3 -c 'import json, sys; assert json.loads(sys.argv[1])["rejected"] == []' "$acc"; then ok
else bad "reject a discovered concept: exit $s: $out / $rep / $acc / $n"; fi

# Learned pairs: a gloss that gives a glossary concept's English term
# another rendering joins that concept in the report (kind variant); a
# name's gloss does not. An editor's rejection of a pair (TERM=RENDERING)
# takes it out of the report and out of consistency.learned's archive.
mkdir lp
printf 'A retropropagação calcula o gradiente camada por camada.\n' >lp/l1.md
printf 'A função *backpropagation* (propagação reversa) calcula o gradiente de cada peso.\n' >lp/l2.md
printf 'O Copiloto (Copilot) escreve código. A suavização de rótulos (label smoothing) reduz a confiança do modelo.\n' >lp/l3.md
printf 'O alisamento de rótulos (label smoothing) ajuda na calibração.\n' >lp/l4.md
printf 'O alisamento de rótulos (label smoothing) entra em todos os testes.\n' >lp/l5.md
ld=$(mkdb learned)
"$bin" corpus index --db "$ld" lp >/dev/null 2>&1
out=$("$bin" corpus report --db "$ld" --format json 2>&1); s=$?
o3=$("$bin" check --db "$ld" --fail-on never lp/l3.md 2>&1)
if [ $s = 0 ] && python3 -c '
import json, sys
r = {c["concept"]: (c["origin"], {x["rendering"]: x["kind"] for x in c["renderings"]}) for c in json.loads(sys.argv[1])["concepts"]}
assert r["backpropagation"] == ("glossary", {"retropropagação": "preferred", "propagação reversa": "variant"}), r
assert r["label smoothing"] == ("learned", {"alisamento de rótulos": "variant", "suavização de rótulos": "variant"}), r
assert not any("copiloto" in x.lower() for _, rs in r.values() for x in rs), r
' "$out" && [[ "$o3" == *"o acervo o traduz como 'alisamento de rótulos'"* ]]; then ok
else bad "learned pairs: exit $s: $out / $o3"; fi
o1=$("$bin" corpus reject --db "$ld" "backpropagation=propagação reversa" "label smoothing=Alisamento de rótulos" 2>&1); s=$?
out=$("$bin" corpus report --db "$ld" --format json 2>&1)
o3=$("$bin" check --db "$ld" --fail-on never lp/l3.md 2>&1)
o2=$("$bin" corpus reject --db "$ld" "=nada" 2>&1); s2=$?
if [ $s = 0 ] && [[ "$o1" == *"não tomará mais 'propagação reversa' como tradução de 'backpropagation'"* ]] &&
    [ "$out" = '{
 "concepts": []
}' ] && [[ "$o3" != *"o acervo o traduz"* ]] && [ $s2 = 2 ] && [[ "$o2" == *"não é um par"* ]]; then ok
else bad "reject a learned pair: exit $s: $o1 / $out / $o3 / $s2 $o2"; fi

# Structural renderings: a heading whose whole text is one concept's
# rendering (a glossary form, a derived phrase) is a rendering of that
# concept as a heading of its level; a link text is a rendering of its
# destination (numeric ids out). Near misses stay out: a heading titled
# one way everywhere, another level, phrases that differ only in
# inflection, a destination a document gives two texts, relative links,
# links to different pages.
mkdir st
printf '# Regressão\n\n## Objetivos de Aprendizagem\n\nO modelo aprende.\n\n## Métodos de Rotulagem\n\nTexto.\n\n## Exercícios\n\nFaça.\n\n## Resumo\n\nFim. [Fonte](https://example.com/a) e [Guia](https://docs.example.org/guia) e [Parte 2](../l2.md).\n\n[Discussions](https://discuss.example.org/t/12)\n' >st/s1.md
printf '# Classificação\n\n## Objetivos de Aprendizagem\n\nO modelo aprende.\n\n## Método de Rotulagem\n\nTexto.\n\n## Exercícios\n\nFaça.\n\n## Resumo\n\nFim. [Origem](https://example.com/b) e [Seção 2](../l2.md).\n\n[Discussions](https://discuss.example.org/t/13)\n' >st/s2.md
printf '# Redes\n\n## Objetivos de Aprendizado\n\nO modelo aprende.\n\n## Exercícios\n\nFaça.\n\n## Sumário\n\nFim.\n\n[Discussão](https://discuss.example.org/t/14/)\n' >st/s3.md
printf '# Notas\n\n### Exercícios\n\nTexto. [Veja](https://docs.example.org/guia) ou [o guia](https://docs.example.org/guia).\n' >st/s4.md
sd=$(mkdb structure)
"$bin" corpus index --db "$sd" st >/dev/null 2>&1
out=$("$bin" corpus report --db "$sd" --format json 2>&1); s=$?
txt=$("$bin" corpus report --db "$sd" 2>&1)
if [ $s = 0 ] && python3 -c '
import json, sys
cs = json.loads(sys.argv[1])["concepts"]
r = {c["concept"]: (c["origin"], {x["rendering"]: (x["kind"], x["documents"]) for x in c["renderings"]}) for c in cs}
assert r["## summary-heading"] == ("heading", {"## Resumo": ("preferred", 2), "## Sumário": ("forbidden", 1)}), r
assert r["[…] discuss.example.org/t"] == ("link", {"[Discussions]": ("discovered", 2), "[Discussão]": ("discovered", 1)}), r
assert r["## objetiv de aprendiz*"] == ("heading", {"## objetivos de aprendizagem": ("discovered", 2), "## objetivos de aprendizado": ("discovered", 1)}), r
structural = sorted(k for k, v in r.items() if v[0] in ("heading", "link"))
assert structural == ["## objetiv de aprendiz*", "## summary-heading", "[…] discuss.example.org/t"], structural
# told by its headings: neither the glossary concept nor the discovered one again
assert "summary-heading" not in r and "objetiv de aprendiz*" not in r, r
' "$out" && [[ "$txt" == *"## summary-heading (preferida: Resumo)"*"## Sumário"* ]]; then ok
else bad "structural renderings: exit $s: $out / $txt"; fi

# Renderings the glossary's forms do not list: a concept's English term
# used as the text's own word (in italics or not; not glossed, linked,
# in code or in an English sentence), the component a compound form
# renders ("termo de polarização" beside the glossary's "termo de bias":
# bias as "polarização"; not "polarização" alone), and a term a document
# introduces as its own ("usamos o termo *fabricação* ... chamado de
# *alucinações*") and writes again (not one it only mentions).
mkdir xe
printf 'A alucinação do modelo preocupa.\n' >xe/e1.md
printf 'Cada *hallucination* do modelo preocupa os usuários.\n' >xe/e2.md
printf 'A alucinação (*hallucination*) do modelo. Veja [hallucination](https://x.org/h) e `hallucination`.\n\nThe hallucination of the model is a problem for everyone.\n' >xe/e3.md
printf 'O termo de polarização soma ao produto.\n' >xe/c1.md
printf 'O viés do neurônio muda.\n' >xe/c2.md
printf 'A polarização política cresce.\n' >xe/c3.md
printf 'Neste curso usamos o termo *fabricação* para o fenômeno. Você pode ter ouvido isso ser chamado de *alucinações* em artigos.\n\nAs fabricações do modelo são comuns.\n' >xe/t1.md
printf 'Usamos o termo *invenção* para o fenômeno, também chamado de *alucinação*.\n\nNada mais.\n' >xe/t2.md
xd=$(mkdb english)
"$bin" corpus index --db "$xd" xe >/dev/null 2>&1
out=$("$bin" corpus report --db "$xd" --format json 2>&1); s=$?
if [ $s = 0 ] && python3 -c '
import json, sys
r = {c["concept"]: {x["rendering"]: (x["kind"], x["examples"]) for x in c["renderings"]} for c in json.loads(sys.argv[1])["concepts"]}
assert r["hallucination"] == {"alucinação": ("preferred", ["xe/e1.md", "xe/e3.md"]), "hallucination": ("english", ["xe/e2.md"]), "fabricação": ("variant", ["xe/t1.md"])}, r
assert r["bias"] == {"viés": ("preferred", ["xe/c2.md"]), "polarização": ("forbidden", ["xe/c1.md"])}, r
assert sorted(r) == ["bias", "hallucination"], r
' "$out"; then ok
else bad "English terms, compound components, introduced terms: exit $s: $out"; fi

# One row per (concept, rendering) in a document: an English term in
# italics that is also one of the concept's glossary forms ("bias", and
# "*biass*" read as its plural) is counted with the form, not recorded a
# second time: that broke the usages table's key and stopped the whole
# `corpus index` (a 10 MB corpus split in 2,000 files failed on one).
mkdir dup
printf 'Ainda precisamos do *biass* no modelo, e do bias também.\n' >dup/d1.md
printf 'O *bias* do modelo muda.\n' >dup/d2.md
dd=$(mkdb dup)
out=$("$bin" corpus index --db "$dd" dup 2>&1); s=$?
rows=$(q "$dd" "select d.path, u.rendering, u.count from usages u join documents d on d.id = u.doc where u.concept = 'bias' order by d.path")
if [ $s = 0 ] && [ "$rows" = $'dup/d1.md|bias|1\ndup/d2.md|bias|1' ]; then ok
else bad "an English term that is also a glossary form, recorded once: exit $s: $out / $rows"; fi

# A literal translation in a shared frame: "frameworks de deep learning"
# and "estrutura de deep learning" in one document (FreeDict: framework ->
# estrutura) make "estrutura" a rendering of framework; "estrutura de
# dados" and "biblioteca de deep learning" do not. An acronym beside one
# form (NLP, processamento de linguagem natural) is no entry.
mkdir fr
printf 'Os *frameworks* de *deep learning* ajudam. Uma estrutura de *deep learning* toma precauções.\n' >fr/f1.md
printf 'A estrutura de dados é simples. O framework é bom.\n' >fr/f2.md
printf 'Os frameworks de deep learning e a biblioteca de deep learning.\n' >fr/f3.md
printf 'O processamento de linguagem natural avança.\n' >fr/a1.md
printf 'O NLP avança.\n' >fr/a2.md
fd=$(mkdb frame)
"$bin" corpus index --db "$fd" fr >/dev/null 2>&1
out=$("$bin" corpus report --db "$fd" --format json 2>&1); s=$?
if [ $s = 0 ] && python3 -c '
import json, sys
r = {c["concept"]: {x["rendering"]: (x["kind"], x["examples"]) for x in c["renderings"]} for c in json.loads(sys.argv[1])["concepts"]}
assert r == {"framework": {"framework": ("preferred", ["fr/f1.md", "fr/f2.md", "fr/f3.md"]), "estrutura": ("variant", ["fr/f1.md"])}}, r
' "$out"; then ok
else bad "literal translation in a shared frame, acronym beside one form: exit $s: $out"; fi

# Prune drops rows of files that no longer exist.
rm b/doc40.md
out=$("$bin" corpus prune --db "$c" 2>&1)
n=$(q "$c" "select count(*) from documents where path = 'b/doc40.md'")
case "$out" in *"removido: b/doc40.md"*"1 documento removido do acervo"*) [ "$n" = 0 ] && ok || bad "prune kept the rows";; *) bad "prune: $out";; esac

# The HTML report escapes paths: a file named with markup stays text.
mkdir h && printf 'O ajuste fino do modelo.\n' >'h/<b>x&y.md'
printf 'O fine-tuning do modelo.\n' >h/outro.md
hd=$(mkdb h)
"$bin" corpus index --db "$hd" h >/dev/null 2>&1
"$bin" corpus report --db "$hd" --format html >h.html 2>&1; s=$?
if [ $s = 0 ] && grep -q 'h/&lt;b&gt;x&amp;y.md' h.html && ! grep -q '<b>x' h.html; then ok
else bad "corpus HTML report: exit $s, path not escaped"; fi

# A memory written by a newer tradlint (schema 99) is refused, untouched.
nv=$(mkdb nv)
"$bin" corpus index --db "$nv" a/doc3.md >/dev/null 2>&1
if [ $backend = sqlite ]; then
  python3 -c "import sqlite3; c=sqlite3.connect('$nv'); c.execute('pragma user_version=99'); c.commit()"
else
  q "$nv" "update meta set value = '99' where key = 'schema_version'"
fi
before=$(mark "$nv")
out=$("$bin" check --db "$nv" a/doc2.md 2>&1); s=$?
if [ $s = 2 ] && [[ "$out" == *"versão mais nova do tradlint"* ]] && [ "$(mark "$nv")" = "$before" ]; then ok
else bad "newer schema: exit $s: $out"; fi

# Export: every usage as one JSON line, documents in path order.
"$bin" corpus export --db "$c" >c.jsonl 2>err; s=$?
n=$(q "$c" 'select count(*) from usages')
if [ $s = 0 ] && [ "$(wc -l <c.jsonl)" = "$n" ] && python3 -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
keys = {"path", "hash", "words", "checked_at", "concept", "rendering", "kind", "count", "first_line", "first_offset", "surface"}
assert all(keys <= set(r) for r in rows), rows[0]
paths = [r["path"] for r in rows]
assert paths == sorted(paths, key=lambda p: p.encode()), "not in path order"
assert {"rendering": "fine-tuning", "kind": "admitted", "count": 1, "first_line": 1} .items() <= [r for r in rows if r["path"] == "a/doc1.md"][0].items()
' c.jsonl; then ok
else bad "export: exit $s, $(wc -l <c.jsonl) lines for $n usages: $(cat err)"; fi
out=$("$bin" corpus export --db "$c" --format json 2>&1); s=$?
[ $s = 2 ] && [[ "$out" == *"jsonl"* ]] && ok || bad "export --format json: exit $s: $out"

# Migrate there and back: an SQLite file into this backend and out into a
# new file; the memory is the same (export, report, stats) at every step.
"$bin" corpus index --db src.db a b >/dev/null 2>&1
mid=$(mkdb mid)
out1=$("$bin" corpus migrate --from src.db --to "$mid" 2>&1); s1=$?
out2=$("$bin" corpus migrate --from "$mid" --to back.db 2>&1); s2=$?
strip() { python3 -c 'import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l); r.pop("archive", None); print(json.dumps(r, sort_keys=True))' "$1"; }
"$bin" corpus export --db src.db >m0.jsonl; "$bin" corpus export --db "$mid" >m1.jsonl
"$bin" corpus export --db back.db >m2.jsonl
for f in m0 m1 m2; do strip $f.jsonl >$f.n; done
"$bin" corpus report --db src.db --format json >r0.json; "$bin" corpus report --db back.db --format json >r2.json
v0=$(q src.db 'select count(*) from verdicts'); v2=$(q back.db 'select count(*) from verdicts')
if [ $s1 = 0 ] && [ $s2 = 0 ] && [ -s m0.n ] && cmp -s m0.n m1.n && cmp -s m0.n m2.n &&
    cmp -s r0.json r2.json && [ "$v0" = "$v2" ] && [ "$v0" -gt 0 ] &&
    [[ "$out1" == *"$(q src.db 'select count(*) from documents') documentos ($(q src.db 'select count(*) from usages') formas"* ]]; then ok
else bad "migrate round trip: exits $s1 $s2 ($out1 / $out2), verdicts $v0 $v2"; diff m0.n m2.n | head -5; fi
out=$("$bin" corpus migrate --from src.db 2>&1); s=$?
[ $s = 2 ] && [[ "$out" == *"--to"* ]] && ok || bad "migrate without --to: exit $s: $out"
out=$("$bin" corpus migrate --from nada.db --to x.db 2>&1); s=$?
[ $s = 2 ] && [[ "$out" == *"nada.db"* ]] && [ ! -e x.db ] && ok || bad "migrate from a missing file: exit $s: $out"

# Source mode's term pairs: learned per document, compared, reported, and
# carried by migrate.
mkx() {
  cat >"$1.xlf" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="en" target-language="pt-BR" datatype="plaintext" original="$1.md"><body>
<trans-unit id="1"><source>A reward model scores each answer of the chatbot.</source><target>Um $2 pontua cada resposta do chatbot.</target></trans-unit>
<trans-unit id="2"><source>The reward model learns from human preferences.</source><target>O $2 aprende com preferências humanas.</target></trans-unit>
</body></file></xliff>
EOF
}
sp=$(mkdb sp)
mkdir x && (
  cd x
  mkx a "modelo de recompensa"; mkx b "modelo de recompensa"; mkx c "modelo de recompensas"
  "$bin" check --db "$sp" --fail-on never a.xlf b.xlf >/dev/null 2>&1
  "$bin" check --db "$sp" --format json --fail-on never c.xlf >c.json 2>&1
  "$bin" corpus report --db "$sp" --format json >r.json 2>&1
  "$bin" corpus migrate --from "$sp" --to ../sp-copy.db >/dev/null 2>&1
  "$bin" corpus report --db ../sp-copy.db --format json >r2.json 2>&1
)
if python3 - <<'PY'
import json
c = json.load(open("x/c.json"))["files"][0]["findings"]
f = [x for x in c if x["rule"] == "source.consistency"]
assert len(f) == 2 and "em 2 documentos (a.xlf, b.xlf)" in f[0]["message"], c
r = json.load(open("x/r.json"))["concepts"]
t = [x for x in r if x["origin"] == "learned" and x["concept"] == "reward model"][0]
assert [(x["rendering"], x["documents"]) for x in t["renderings"]] == \
    [("modelo de recompensa", 2), ("modelo de recompensas", 1)], t
assert json.load(open("x/r2.json")) == json.load(open("x/r.json")), "migrate lost pairs"
PY
then ok; else bad "source mode's term pairs"; fi

# House usage: what the archive teaches (house.c). A name two documents
# teach is a name at a sentence start in the next; an English word three
# documents keep is at most info; a typo repeated in one document is still
# an error; the glossary's forbidden form still fires; corpus accepted
# lists both with their reason; corpus reject and [corpus] accept-words
# take a word back (novo.md, checked with the memory on, is its fourth
# document); migrate carries words and rejections.
hu=$(mkdb house)
mkdir casa && (
  cd casa
  mkdir acervo
  cat >acervo/a.md <<'EOF'
O programador John Carmack recusou a proposta da empresa. A startup anunciou a troca em um release enviado à imprensa na terça-feira.
EOF
  cat >acervo/b.md <<'EOF'
Segundo o release da empresa, o lendário programador John Carmack não aceitou o convite para o jantar.
EOF
  cat >acervo/c.md <<'EOF'
A startup divulgou um release com os números do trimestre. O texto não cita a tecnolgia usada, e a tecnolgia do concorrente também não aparece.
EOF
  cat >novo.md <<'EOF'
Carmack recusou a oferta. O release da empresa não diz quando o modelo chega ao Brasil, nem que tecnolgia ele usa.
EOF
  printf 'id\ten\tpreferred\tforbidden\nrelease-imprensa\tpress release\tcomunicado\trelease\n' >g.tsv
  "$bin" check --no-db --format json --fail-on never novo.md >before.json 2>&1
  "$bin" corpus index --db "$hu" acervo >/dev/null 2>&1
  "$bin" corpus accepted --db "$hu" >acc.txt 2>&1
  "$bin" corpus accepted --db "$hu" --format json >acc.json 2>&1
  "$bin" corpus accepted --db "$hu" --glossary g.tsv --format json >accg.json 2>&1
  "$bin" check --db "$hu" --format json --fail-on never novo.md >after.json 2>&1
  "$bin" check --db "$hu" --glossary g.tsv --format json --fail-on never novo.md >gloss.json 2>&1
  printf '[corpus]\naccept-words = 5\n' >strict.toml
  "$bin" check --db "$hu" --config strict.toml --format json --fail-on never novo.md >strict.json 2>&1
  "$bin" corpus reject --db "$hu" Release >rej.txt 2>&1
  "$bin" corpus accepted --db "$hu" >acc2.txt 2>&1
  "$bin" check --db "$hu" --format json --fail-on never novo.md >rejected.json 2>&1
  "$bin" corpus migrate --from "$hu" --to ../house-copy.db >/dev/null 2>&1
  "$bin" corpus accepted --db ../house-copy.db --format json >acc3.json 2>&1
)
if (cd casa && python3 - <<'PY'
import json
def found(name):
    fs = json.load(open(name))["files"][0]["findings"]
    return {(f["text"], f["rule"]): (f["severity"], f["message"]) for f in fs}
b = found("before.json")
assert b[("Carmack", "spelling.name")][0] == "info", b
assert b[("release", "untranslated.word")][0] == "warning", b
a = found("after.json")
assert not [k for k in a if k[0] == "Carmack"], a
assert a[("release", "untranslated.word")][0] == "info", a
assert "uso da casa" in a[("release", "untranslated.word")][1], a
assert a[("tecnolgia", "spelling.unknown")][0] == "error", a
g = found("gloss.json")
assert g[("release", "terminology.forbidden")][0] == "error", g
s = found("strict.json")
assert s[("release", "untranslated.word")][0] == "warning", s
r = found("rejected.json")
assert r[("release", "untranslated.word")][0] == "warning", r
assert not [k for k in r if k[0] == "Carmack"], r
acc = json.load(open("acc.json"))
assert acc["thresholds"] == {"names": 2, "words": 3}, acc
assert [(w["word"], w["kind"], w["documents"]) for w in acc["accepted"]] == \
    [("Carmack", "name", 2), ("release", "word", 3)], acc
assert "tecnolgia" not in json.dumps(acc)
assert [w["word"] for w in json.load(open("accg.json"))["accepted"]] == ["Carmack"]
acc3 = json.load(open("acc3.json"))
assert [w["word"] for w in acc3["accepted"]] == ["Carmack"] and acc3["rejected"] == ["Release"], acc3
PY
) && grep -q "Carmack — nome que os textos ensinam: 2 documentos, 2 ocorrências" casa/acc.txt &&
   grep -q "release — palavra da casa: 3 documentos" casa/acc.txt &&
   grep -q "'Release' recusada" casa/rej.txt && ! grep -q "release —" casa/acc2.txt &&
   grep -q "Recusadas pelos editores: Release" casa/acc2.txt; then ok
else bad "house usage"; head -20 casa/*.txt; fi
out=$("$bin" corpus reject --db "$hu" 2>&1); s=$?
[ $s = 2 ] && [[ "$out" == *"que palavra recusar"* ]] && ok || bad "reject without a word: exit $s: $out"
out=$("$bin" corpus reject --db "$hu" "duas palavras" 2>&1); s=$?
[ $s = 2 ] && [[ "$out" == *"não forma um conceito descoberto"* ]] && ok || bad "reject two words: exit $s: $out"
out=$("$bin" corpus reject --db "$hu" " espaço" 2>&1); s=$?
[ $s = 2 ] && [[ "$out" == *"não é uma palavra nem uma forma"* ]] && ok || bad "reject a leading space: exit $s: $out"

# A read-only memory: the check runs and says the memory was not updated.
ro=$(mkdb ro)
"$bin" corpus index --db "$ro" a/doc5.md >/dev/null 2>&1
if [ $backend = sqlite ]; then
  python3 -c "import sqlite3; sqlite3.connect('$ro').execute('pragma journal_mode=delete')"; chmod 444 "$ro"
  if [ "$(id -u)" = 0 ]; then
    chmod 755 "$tmp"; chmod -R a+rX "$tmp"
    out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups "$bin" check --db "$ro" --fail-on never a/doc3.md 2>&1); s=$?
  else
    out=$("$bin" check --db "$ro" --fail-on never a/doc3.md 2>&1); s=$?
  fi
  rouri=$ro
else
  # a role that may read and not write
  q "$ro" "create role leitor login; grant usage on schema tradlint to leitor; grant select on all tables in schema tradlint to leitor" >/dev/null
  rouri="postgresql://leitor@/ro?host=$PG_SOCK&port=$PG_PORT"
  out=$("$bin" check --db "$rouri" --fail-on never a/doc3.md 2>&1); s=$?
fi
n=$(q "$ro" 'select count(*) from documents')
if [ $s = 0 ] && [[ "$out" == *"somente leitura"* ]] && [ "$n" = 1 ]; then ok
else bad "read-only memory: exit $s, $n documents: $out"; fi

# A memory locked by another process beyond the timeout: exit 2, says so.
if [ $backend = sqlite ]; then
  python3 -c "
import os, sqlite3, time
c = sqlite3.connect('$c', isolation_level=None)
c.execute('begin exclusive')
open('locked', 'w').close()
for _ in range(600):
    if os.path.exists('done'):
        break
    time.sleep(0.1)
c.execute('rollback')
" & locker=$!
  lockdb=$c
else
  printf 'SET application_name = locker;\nBEGIN;\nLOCK TABLE tradlint.documents IN ACCESS EXCLUSIVE MODE;\n\\! touch locked\nSELECT pg_sleep(60);\nROLLBACK;\n' |
    "$PG_BIN/psql" -X -q -d "$c" >/dev/null 2>&1 & locker=$!
  lockdb="$c&options=-c%20lock_timeout%3D2s"
fi
for _ in $(seq 1 300); do [ -f locked ] && break; sleep 0.1; done
printf 'Mais um texto novo.\n' >a/novo.md
out=$(timeout 60 "$bin" check --db "$lockdb" a/novo.md 2>&1); s=$?
touch done
# (a backend in pg_sleep does not notice its client leave: end it)
[ $backend = postgresql ] && q "$c" "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'locker'" >/dev/null
wait $locker 2>/dev/null
if [ $s = 2 ] && [[ "$out" == *"ocupado por outro processo"* ]]; then ok
else bad "locked memory: exit $s: $out"; fi

if [ $backend = sqlite ]; then
  # Garbage: clear error naming the file and --rebuild-db, exit 2, file kept.
  head -c 4096 /dev/urandom >g.db; sum=$(md5sum <g.db)
  out=$("$bin" check --db g.db a/doc2.md 2>&1); s=$?
  if [ $s = 2 ] && [[ "$out" == *"g.db"*"--rebuild-db"* ]] && [ "$(md5sum <g.db)" = "$sum" ]; then ok
  else bad "garbage db: exit $s: $out"; fi
  # --rebuild-db keeps it as .bak and starts a new one.
  out=$("$bin" check --db g.db --rebuild-db --fail-on never a/doc2.md 2>&1); s=$?
  if [ $s = 0 ] && [ "$(md5sum <g.db.bak)" = "$sum" ] && [[ "$out" == *"g.db.bak"* ]]; then ok
  else bad "rebuild: exit $s: $out"; fi

  # Truncated database: clear error, exit 2.
  cp "$c" t.db; python3 -c "import sqlite3; sqlite3.connect('t.db').execute('pragma wal_checkpoint(truncate)')"
  size=$(stat -c %s t.db); truncate -s $((size / 3)) t.db
  out=$("$bin" corpus report --db t.db 2>&1); s=$?
  if [ $s = 2 ] && [[ "$out" == *"t.db"*"--rebuild-db"* ]]; then ok
  else bad "truncated db: exit $s: $out"; fi

  # A write the database refuses (here a trigger) names the reason, also
  # after the statements are reset on the way out ("not an error" before).
  cp "$dd" trig.db
  python3 -c "import sqlite3; c=sqlite3.connect('trig.db'); c.execute(\"create trigger boom before insert on usages begin select raise(abort, 'gatilho de teste'); end\"); c.commit()"
  out=$("$bin" corpus index --db trig.db b/doc1.md 2>&1); s=$?
  if [ $s = 2 ] && [[ "$out" == *"trig.db: erro no banco do acervo ao gravar o documento: gatilho de teste"* ]]; then ok
  else bad "refused write: exit $s: $out"; fi

  # A foreign SQLite database is not overwritten.
  python3 -c "import sqlite3; c=sqlite3.connect('f.db'); c.execute('create table x(y)'); c.commit()"
  sum=$(md5sum <f.db)
  out=$("$bin" check --db f.db a/doc2.md 2>&1); s=$?
  if [ $s = 2 ] && [[ "$out" == *"não é um banco do tradlint"* ]] && [ "$(md5sum <f.db)" = "$sum" ]; then ok
  else bad "foreign db: exit $s: $out"; fi

  # Migration from schema 1: data kept, the current schema (8) after;
  # the indexes that 7 -> 8 drops gone, the lookups usages_by_concept
  # served on usages_examples.
  python3 - <<'PY'
import sqlite3
c = sqlite3.connect("v1.db")
c.executescript("""
CREATE TABLE documents(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, words INTEGER NOT NULL, checked_at INTEGER NOT NULL);
CREATE TABLE usages(doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, concept TEXT NOT NULL, rendering TEXT NOT NULL, kind INTEGER NOT NULL, count INTEGER NOT NULL, first_offset INTEGER NOT NULL, first_line INTEGER NOT NULL, surface TEXT NOT NULL, PRIMARY KEY(doc, concept, rendering));
CREATE INDEX usages_by_concept ON usages(concept, rendering);
CREATE TABLE verdicts(dict TEXT NOT NULL, word TEXT NOT NULL, known INTEGER NOT NULL, PRIMARY KEY(dict, word)) WITHOUT ROWID;
INSERT INTO documents VALUES(1, 'velho.md', 'x', 10, 0);
INSERT INTO usages VALUES(1, 'fine-tuning', 'ajuste fino', 0, 2, 0, 1, 'ajuste fino');
PRAGMA application_id=1414286932;
PRAGMA user_version=1;
""")
c.commit()
PY
  out=$("$bin" check --db v1.db --fail-on never b/doc1.md 2>&1); s=$?
  v=$(python3 -c "import sqlite3; c=sqlite3.connect('v1.db'); print(c.execute('pragma user_version').fetchone()[0], c.execute('select count(*) from suggestions').fetchone()[0] + c.execute('select count(*) from learned').fetchone()[0] + c.execute('select count(*) from rendering_totals').fetchone()[0] >= 0, c.execute(\"select count(*) from sqlite_master where name in ('usages_by_concept', 'surfaces_by_key', 'words_by_key')\").fetchone()[0], c.execute(\"explain query plan select path from usages where concept = 'a' and rendering = 'b' order by path limit 3\").fetchall()[-1][-1])")
  if [ $s = 0 ] && [ "$v" = "8 True 0 SEARCH usages USING COVERING INDEX usages_examples (concept=? AND rendering=?)" ] && [[ "$out" == *"o acervo usa 'ajuste fino' em 1 documento (velho.md)"* ]]; then ok
  else bad "migration: exit $s, version '$v': $out"; fi
fi

if [ $backend = postgresql ]; then
  # Nobody listening: exit 2 at once, naming the server and what to check.
  out=$(timeout 30 "$bin" check --db "postgresql://tradlint@127.0.0.1:1/x" a/doc2.md 2>&1); s=$?
  if [ $s = 2 ] && [[ "$out" == *"postgresql://tradlint@127.0.0.1:1/x"*"127.0.0.1"*"confira servidor e porta"* ]]; then ok
  else bad "no server: exit $s: $out"; fi
  # No such database; no password given where one is needed: each says
  # what to do.
  out=$("$bin" check --db "postgresql://tradlint@/nenhum?host=$PG_SOCK&port=$PG_PORT" a/doc2.md 2>&1); s=$?
  if [ $s = 2 ] && [[ "$out" == *"nenhum"*"crie o banco"* ]]; then ok
  else bad "missing database: exit $s: $out"; fi
  out=$(PGPASSFILE=$tmp/sem-pgpass timeout 30 "$bin" check --db "postgresql://tradlint@127.0.0.1:$PG_PORT/c" a/doc2.md 2>&1); s=$?
  if [ $s = 2 ] && [[ "$out" == *"127.0.0.1:$PG_PORT"*"pede senha"*"PGPASSWORD"* ]]; then ok
  else bad "no password: exit $s: $out"; fi

  # A wrong password: exit 2 naming the host, the password never printed,
  # not in the URI and not in a malformed one either.
  out=$(timeout 30 "$bin" check --db "postgresql://tradlint:Senha-Errada-9z@127.0.0.1:$PG_PORT/c" a/doc2.md 2>&1); s=$?
  if [ $s = 2 ] && [[ "$out" == *"127.0.0.1:$PG_PORT"*"password authentication failed"*"confira o usuário e a senha"* ]] && [[ "$out" != *"Senha-Errada-9z"* ]]; then ok
  else bad "wrong password: exit $s: $out"; fi
  out=$("$bin" check --db "postgresql://tradlint:Senha%zz9z@127.0.0.1:$PG_PORT/c" a/doc2.md 2>&1); s=$?
  if [ $s = 2 ] && [[ "$out" != *"Senha"* ]] && [[ "$out" == *"inválido"* ]]; then ok
  else bad "malformed URI: exit $s: $out"; fi
  out=$(timeout 30 "$bin" check --db "postgresql://tradlint@127.0.0.1:$PG_PORT/c?password=Outra-Senha-7&sslmode=disable" a/doc2.md 2>&1); s=$?
  if [ $s = 2 ] && [[ "$out" != *"Outra-Senha-7"* ]]; then ok
  else bad "password parameter: exit $s: $out"; fi

  # The right password (from the environment, as .pgpass would) over TLS.
  if [ "$PG_SSL" = 1 ]; then
    out=$(PGPASSWORD=$PG_PASSWORD "$bin" check --db "postgresql://tradlint@127.0.0.1:$PG_PORT/c?sslmode=verify-ca&sslrootcert=$PG_DIR/server.crt" --fail-on never b/doc1.md 2>&1); s=$?
    if [ $s = 0 ] && [[ "$out" == *"o acervo usa 'ajuste fino'"* ]]; then ok
    else bad "TLS (verify-ca): exit $s: $out"; fi
    out=$(PGPASSWORD=$PG_PASSWORD timeout 30 "$bin" check --db "postgresql://tradlint@127.0.0.1:$PG_PORT/c?sslmode=verify-full&sslrootcert=$tmp/nenhum.crt" a/doc2.md 2>&1); s=$?
    if [ $s = 2 ] && [[ "$out" == *"127.0.0.1"*"nenhum.crt"*"sslrootcert"* ]]; then ok
    else bad "TLS without the root certificate: exit $s: $out"; fi
  fi

  # A server that accepts and never answers: an error within the connect
  # timeout, never a hang.
  python3 -c '
import socket, time, sys
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(5)
print(s.getsockname()[1], flush=True)
time.sleep(60)' >mute.port & mute=$!
for _ in $(seq 1 100); do [ -s mute.port ] && break; sleep 0.1; done
start=$(date +%s)
out=$(timeout 50 "$bin" check --db "postgresql://tradlint@127.0.0.1:$(cat mute.port)/c?connect_timeout=2" a/doc2.md 2>&1); s=$?
took=$(( $(date +%s) - start ))
kill $mute 2>/dev/null; wait $mute 2>/dev/null
if [ $s = 2 ] && [ $took -lt 30 ] && [[ "$out" == *"127.0.0.1"*"não respondeu a tempo"* ]]; then ok
else bad "silent server: exit $s after $took s: $out"; fi

  # A schema "tradlint" of another program is not touched.
  fo=$(mkdb fo)
  q "$fo" "create schema tradlint; create table tradlint.x(y int)" >/dev/null
  out=$("$bin" check --db "$fo" a/doc2.md 2>&1); s=$?
  n=$(q "$fo" "select count(*) from pg_tables where schemaname = 'tradlint'")
  if [ $s = 2 ] && [[ "$out" == *"não é do tradlint"* ]] && [ "$n" = 1 ]; then ok
  else bad "foreign schema: exit $s, $n tables: $out"; fi

  # The README's roles: an owner creates the schema, a writer records, a
  # reader checks without recording.
  sock="host=$PG_SOCK&port=$PG_PORT"
  q "$PG_URI" "create role tradlint_owner login; create role tradlint_writer login; create role tradlint_reader login" >/dev/null
  q "$PG_URI" "create database redacao owner tradlint_owner" >/dev/null
  q "postgresql://tradlint@/redacao?$sock" "set role tradlint_owner; create schema tradlint; grant usage on schema tradlint to tradlint_writer, tradlint_reader; alter default privileges in schema tradlint grant select, insert, update, delete on tables to tradlint_writer; alter default privileges in schema tradlint grant usage on sequences to tradlint_writer; alter default privileges in schema tradlint grant select on tables to tradlint_reader" >/dev/null
  out=$("$bin" check --db "postgresql://tradlint_writer@/redacao?$sock" a/doc2.md 2>&1); s=$?
  if [ $s = 2 ] && [[ "$out" == *"tradlint_writer"*"dono"* ]]; then ok
  else bad "writer before the owner made the tables: exit $s: $out"; fi
  out=$("$bin" corpus stats --db "postgresql://tradlint_owner@/redacao?$sock" 2>&1); s=$?
  [ $s = 0 ] && ok || bad "owner creates the tables: exit $s: $out"
  out=$("$bin" corpus index --db "postgresql://tradlint_writer@/redacao?$sock" a 2>&1); s=$?
  n=$(q "postgresql://tradlint@/redacao?$sock" 'select count(*) from documents')
  if [ $s = 0 ] && [ "$n" = 41 ] && [[ "$out" != *"somente leitura"* ]]; then ok
  else bad "writer role: exit $s, $n documents: $out"; fi
  before=$(mark "postgresql://tradlint@/redacao?$sock")
  out=$("$bin" check --db "postgresql://tradlint_reader@/redacao?$sock" --fail-on never b/doc1.md 2>&1); s=$?
  if [ $s = 0 ] && [[ "$out" == *"o acervo usa 'ajuste fino'"* ]] && [[ "$out" == *"somente leitura"* ]] &&
      [ "$(mark "postgresql://tradlint@/redacao?$sock")" = "$before" ]; then ok
  else bad "reader role: exit $s: $out"; fi

  # Archives share a database and never see each other.
  ar=$(mkdb ar)
  "$bin" corpus index --db "$ar" --archive casa a >/dev/null 2>&1
  "$bin" corpus index --db "$ar" --archive outra b >/dev/null 2>&1
  n1=$(q "$ar" "select count(*) from documents d join archives a on a.id = d.archive where a.name = 'casa'")
  o1=$("$bin" check --db "$ar" --archive outra --fail-on never b/doc3.md 2>&1)
  o2=$(TRADLINT_ARCHIVE=casa "$bin" check --db "$ar" --fail-on never b/doc3.md 2>&1)
  if [[ "$o1" != *"o acervo usa"* ]] && [[ "$o2" == *"o acervo usa 'ajuste fino' em 39 documentos"* ]] && [ "$n1" = 41 ]; then ok
  else bad "archives: casa has $n1 documents; outra: $o1; casa: $o2"; fi
  # The default name: the repository's in origin's URL, else the folder's.
  mkdir -p repo/artigos && cp a/doc2.md repo/artigos/
  (cd repo && git init -q && git remote add origin git@example.org:redacao/acervo-ia.git)
  out=$(cd repo && "$bin" corpus index --db "$ar" artigos >/dev/null 2>&1 && "$bin" corpus stats --db "$ar" 2>&1)
  mkdir -p semgit/artigos && cp a/doc2.md semgit/artigos/
  out2=$(cd semgit && "$bin" corpus stats --db "$ar" 2>&1)
  if [[ "$out" == *"acervo: acervo-ia"*"documentos: 1"* ]] && [[ "$out2" == *"acervo: semgit"*"documentos: 0"* ]]; then ok
  else bad "default archive name: $out / $out2"; fi
  # ... and the configuration's archive key.
  printf 'db = "%s"\narchive = "casa"\n' "$ar" >repo/.tradlint.toml
  out=$(cd repo && "$bin" corpus stats 2>&1)
  [[ "$out" == *"acervo: casa"*"documentos: 42"* ]] && ok || bad "archive key: $out"
fi

finish
