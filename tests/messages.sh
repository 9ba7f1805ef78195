#!/usr/bin/env bash
# Messages: Portuguese by default whatever the locale, English on request
# (--lang en, LANGUAGE or LC_MESSAGES starting with en); the catalogue check
# (tools/messages.py) fails on a message without its English text, on an
# unwrapped Portuguese literal and on "1 documentos".
. "$(dirname "$0")/lib.sh" messages C "$1"

# expect NAME PATTERN FILE: FILE has a line matching PATTERN (grep -E)
expect() {
  if grep -Eq -- "$2" "$3"; then ok; else bad "$1: no '$2' in:"; sed 's/^/  /' "$3"; fi
}
# refuse NAME PATTERN FILE: no line of FILE matches PATTERN
refuse() {
  if grep -Eq -- "$2" "$3"; then bad "$1: '$2' in:"; sed 's/^/  /' "$3"; else ok; fi
}

# ---- choosing the language -------------------------------------------------
"$bin" --lang xx check x.md >"$tmp/o" 2>&1; echo "exit $?" >>"$tmp/o"
expect "default Portuguese" "idioma desconhecido 'xx' \(use pt ou en\)" "$tmp/o"
expect "bad --lang exits 2" "^exit 2$" "$tmp/o"
LC_ALL=en_US.UTF-8 LANG=en_US.UTF-8 "$bin" check --lang=xx x.md >"$tmp/o" 2>&1
expect "an English locale keeps Portuguese" "idioma desconhecido" "$tmp/o"
LANGUAGE=en_US:en "$bin" check --lang=xx x.md >"$tmp/o" 2>&1
expect "LANGUAGE=en" "unknown language 'xx' \(use pt or en\)" "$tmp/o"
LC_MESSAGES=en_GB.UTF-8 "$bin" --lang xx >"$tmp/o" 2>&1
expect "LC_MESSAGES=en" "unknown language 'xx'" "$tmp/o"
LANGUAGE=en "$bin" --lang pt --lang xx >"$tmp/o" 2>&1
expect "--lang pt over LANGUAGE=en" "idioma desconhecido" "$tmp/o"
"$bin" check --lang en --help >"$tmp/o" 2>&1
expect "--lang en before --help" "show this help" "$tmp/o"
expect "--lang in the help" "--lang LANGUAGE +the language of the messages" "$tmp/o"
"$bin" --lang en glossary import --help >"$tmp/o" 2>&1
expect "glossary import keeps its own --lang" "--lang LANGUAGE +o idioma dos termos|--lang [A-Z]+ +the language of the terms" "$tmp/o"
refuse "glossary import: one --lang" "the language of the messages" "$tmp/o"

# ---- the shared archive (PostgreSQL backend) --------------------------------
# nothing listens on port 1: the connection error and its advice, both languages
"$bin" corpus stats --db 'postgresql://nobody@127.0.0.1:1/x' >"$tmp/o" 2>&1
expect "pg: connection refused in Portuguese" "não foi possível conectar ao servidor do acervo: .*nada escuta nesse endereço" "$tmp/o"
"$bin" --lang en corpus stats --db 'postgresql://nobody@127.0.0.1:1/x' >"$tmp/o" 2>&1
expect "pg: connection refused in English" "could not connect to the archive server: .*nothing listens at that address" "$tmp/o"
"$bin" --lang en corpus migrate --help >"$tmp/o" 2>&1
expect "corpus migrate help in English" "--from FILE\|URI +the source database" "$tmp/o"
"$bin" --lang en corpus migrate --from a.db >"$tmp/o" 2>&1
expect "corpus migrate usage error in English" "say from where and to where" "$tmp/o"

# ---- the catalogue check ---------------------------------------------------
MESSAGES_STRICT=1 python3 "$root/tools/messages.py" check "$root/po/en.po" \
  "$root"/src/*.c "$root"/src/cli/*.c "$root"/src/cli/*.def >"$tmp/o" 2>&1
st=$?
if [ $st -eq 0 ]; then ok; else bad "messages.py check on the tree:"; cat "$tmp/o"; fi
expect "no module pending" "0 module\(s\) pending with 0 unwrapped" "$tmp/o"
# make check-messages is strict by default: a new unwrapped message fails it
grep -q '^MESSAGES_STRICT ?= 1$' "$root/Makefile" && ok || bad "make check-messages is not strict"
# a fake project: one converted module, a catalogue
mkdir -p "$tmp/p/po" "$tmp/p/src"
cat >"$tmp/p/po/en.po" <<'PO'
msgid "arquivo não encontrado: %s"
msgstr "file not found: %s"

msgid "%zu documento"
msgid_plural "%zu documentos"
msgstr[0] "%zu document"
msgstr[1] "%zu documents"
PO
: >"$tmp/p/po/pending.txt"; : >"$tmp/p/po/data.txt"
good='puts(_("arquivo não encontrado: %s")); printf(P_("%zu documento", "%zu documentos", n), n);'
check_fake() { # NAME EXPECTED-STATUS PATTERN C-SOURCE
  printf '%s\n' "$4" >"$tmp/p/src/a.c"
  MESSAGES_STRICT=1 MESSAGES_ROOT="$tmp/p" python3 "$root/tools/messages.py" check \
    "$tmp/p/po/en.po" "$tmp/p/src/a.c" >"$tmp/o" 2>&1
  st=$?
  if [ "$st" = "$2" ]; then ok; else bad "$1: status $st, not $2"; cat "$tmp/o"; fi
  expect "$1" "$3" "$tmp/o"
}
check_fake "complete" 0 "2 in the catalogue \(1 with plurals\)" "$good"
check_fake "no English text" 1 "'arquivo inexistente' is not in po/en.po" \
  "$good puts(_(\"arquivo inexistente\"));"
check_fake "unwrapped literal" 1 "src/a.c:1: message not in the catalogue.*não foi possível" \
  "$good puts(\"não foi possível abrir\");"
check_fake "1 documentos" 1 "'%zu conceitos' puts a count before a plural" \
  "$good printf(_(\"%zu conceitos\"), n);"
check_fake "plural without P_" 1 "has a plural in po/en.po: use P_" \
  "puts(_(\"arquivo não encontrado: %s\")); printf(_(\"%zu documento\"), n);"
check_fake "stale" 1 "'%zu documento' is used nowhere" \
  'puts(_("arquivo não encontrado: %s"));'
sed -i 's/msgstr "file not found: %s"/msgstr "file not found"/' "$tmp/p/po/en.po"
check_fake "conversions differ" 1 "the English of 'arquivo não encontrado: %s' has conversions" "$good"
sed -i 's/msgstr "file not found"/msgstr ""/' "$tmp/p/po/en.po"
check_fake "empty English" 1 "has no English text" "$good"
echo "src/a.c" >"$tmp/p/po/pending.txt"
sed -i 's/msgstr ""/msgstr "file not found: %s"/' "$tmp/p/po/en.po"
check_fake "pending module listed" 0 "pending src/a.c: 1" \
  "$good puts(\"não foi possível abrir\");"
# not strict: an unwrapped literal is listed as to do, not a failure
printf '%s\n' "$good puts(\"não foi possível abrir\");" >"$tmp/p/src/a.c"
: >"$tmp/p/po/pending.txt"
MESSAGES_ROOT="$tmp/p" python3 "$root/tools/messages.py" check "$tmp/p/po/en.po" \
  "$tmp/p/src/a.c" >"$tmp/o" 2>&1
st=$?
if [ $st = 0 ]; then ok; else bad "not strict: status $st"; cat "$tmp/o"; fi
expect "not strict: listed" "to do: src/a.c:1: message not in the catalogue" "$tmp/o"

# ---- messages at run time -------------------------------------------------
# Counts agree: 1 takes the singular, 2 the plural (the bug was "1 documento
# registrados"). Every output below, in both languages, is searched for a 1
# before a plural noun.
mkdir -p "$tmp/a"
printf 'O modelo foi treinado com aprendizado por reforço.\n' >"$tmp/a/um.md"
printf 'O ajuste fino melhora o modelo.\n' >"$tmp/a/dois.md"
db="$tmp/plural.db"
run() { # NAME ARGS...: both languages, output in $tmp/NAME.pt and .en
  local name=$1; shift
  "$bin" "$@" >"$tmp/$name.pt" 2>&1
  "$bin" --lang en "$@" >"$tmp/$name.en" 2>&1
}
run index1 corpus index --db "$db" "$tmp/a/um.md"
expect "1 documento registrado" "^tradlint: 1 documento registrado no acervo$" "$tmp/index1.pt"
expect "1 document recorded" "^tradlint: 1 document recorded in the archive$" "$tmp/index1.en"
run index2 corpus index --db "$db" "$tmp/a/um.md" "$tmp/a/dois.md"
expect "2 documentos registrados" "^tradlint: 2 documentos registrados no acervo$" "$tmp/index2.pt"
expect "2 documents recorded" "^tradlint: 2 documents recorded in the archive$" "$tmp/index2.en"
run check1 check --no-db --no-suggestions "$tmp/a/um.md"
run check2 check --no-db --no-suggestions "$tmp/a/um.md" "$tmp/a/dois.md"
expect "summary singular" "^tradlint: 1 arquivo, [0-9]+ palavras: 0 erros, 0 avisos, 0 informações$" "$tmp/check1.pt"
expect "summary plural" "^tradlint: 2 arquivos, " "$tmp/check2.pt"
run gcheck glossary check "$root/tests/data/glossary/test.tsv"
rm "$tmp/a/dois.md"
"$bin" corpus prune --db "$db" >"$tmp/prune.pt" 2>&1
printf 'O ajuste fino melhora o modelo.\n' >"$tmp/a/dois.md"
"$bin" corpus index --db "$db" "$tmp/a/dois.md" >/dev/null 2>&1
rm "$tmp/a/dois.md"
"$bin" --lang en corpus prune --db "$db" >"$tmp/prune.en" 2>&1
expect "1 documento removido" "^tradlint: 1 documento removido do acervo, 1 mantido$" "$tmp/prune.pt"
expect "1 document removed" "^tradlint: 1 document removed from the archive, 1 kept$" "$tmp/prune.en"
for f in "$tmp"/*.pt "$tmp"/*.en; do
  refuse "no '1 <plural>' in $(basename "$f")" \
    "(^|[^0-9.,])1 (documentos|arquivos|conceitos|palavras|erros|avisos|informações|achados|termos|vezes|documents|files|concepts|words|errors|warnings|findings|terms|times)\b" "$f"
done

# Severities and categories: Portuguese in the text report, English
# identifiers in the machine formats whatever the language.
printf 'O treinamneto do modelo.\n' >"$tmp/a/erro.md"
for lang in pt en; do
  "$bin" check --lang $lang --no-db --no-suggestions --format json "$tmp/a/erro.md" >"$tmp/o.json" 2>&1
  expect "json ($lang): severity stays error" '"severity": "error"' "$tmp/o.json"
  expect "json ($lang): category stays spelling" '"category": "spelling"' "$tmp/o.json"
  for fmt in sarif github rdjson checkstyle junit; do
    "$bin" check --lang $lang --no-db --no-suggestions --format $fmt "$tmp/a/erro.md" >"$tmp/o.$fmt" 2>&1
    refuse "$fmt ($lang): no Portuguese severity or category" '"(erro|aviso|informação|ortografia)"|severity="(erro|aviso)"|level=(erro|aviso)|::(erro|aviso) ' "$tmp/o.$fmt"
  done
done
expect "sarif: error level" '"level": ?"error"' "$tmp/o.sarif"

# ---- each converted module, in both languages ---------------------------
# One article with a finding of each check, in the text report: severities
# and categories are Portuguese names there (English identifiers stay in the
# machine formats, above).
cat >"$tmp/a/todos.md" <<'MD'
O treinamneto do GPT-4.0 custou 86.4 milhões.

O modelo usa aprendizado por reforço e o treino de de modelos.

Depois, a aprendizagem por reforço melhorou. O modelo faz o reasoning do texto.

O modelo ficou wobbly depois do treino.
MD
printf 'O modelo ficou wobbly.\n\nO modelo ficou wobbly de novo.\n' >"$tmp/a/rep.md"
run all check --no-db --min-level info "$tmp/a/todos.md"
run rep check --no-db --min-level info "$tmp/a/rep.md"
pt=$tmp/all.pt en=$tmp/all.en
# report_text.c: severity and category names, suggestions, the summary
expect "text: erro [ortografia]" "todos\.md:1:3: erro: .* \[ortografia\]$" "$pt"
expect "text: error [spelling]" "todos\.md:1:3: error: .* \[spelling\]$" "$en"
expect "text: aviso [números]" "todos\.md:1:33: aviso: .* \[números\]$" "$pt"
expect "text: warning [number]" "todos\.md:1:33: warning: .* \[number\]$" "$en"
expect "text: informação [não traduzido]" ": informação: .* \[não traduzido\]$" "$pt"
expect "text: info [untranslated]" ": info: .* \[untranslated\]$" "$en"
refuse "text pt: no English severity" ":[0-9]+:[0-9]+: (error|warning|info): " "$pt"
refuse "text pt: no English category" "\[(spelling|terminology|consistency|untranslated|number|repetition)\]$" "$pt"
expect "text: 1 sugestão" "^ += sugestão: treinamento$" "$pt"
expect "text: 1 suggestion" "^ += suggestion: treinamento$" "$en"
expect "text: repeats" "= 'wobbly' — 2 ocorrências: linhas 1, 3$" "$tmp/rep.pt"
expect "text: repeats (en)" "= 'wobbly' — 2 occurrences: lines 1, 3$" "$tmp/rep.en"
expect "text: summary" "^tradlint: 1 arquivo, [0-9]+ palavras: 2 erros, 4 avisos, 1 informação$" "$pt"
expect "text: summary (en)" "^tradlint: 1 file, [0-9]+ words: 2 errors, 4 warnings, 1 info$" "$en"
run hidden check --no-db --min-level error "$tmp/a/todos.md"
expect "text: hidden" "\(e 4 avisos e 1 informação não mostrados: --min-level info\)$" "$tmp/hidden.pt"
expect "text: hidden (en)" "\(and 4 warnings and 1 info not shown: --min-level info\)$" "$tmp/hidden.en"
run hidden1 check --no-db "$tmp/a/todos.md"
expect "text: 1 informação não mostrada" "\(e 1 informação não mostrada: --min-level info\)$" "$tmp/hidden1.pt"
expect "text: 1 info not shown" "\(and 1 info not shown: --min-level info\)$" "$tmp/hidden1.en"
# the checks' messages
expect "check_spelling" "palavra desconhecida 'treinamneto'" "$pt"
expect "check_spelling (en)" "unknown word 'treinamneto'" "$en"
expect "check_terms" "'GPT-4\.0' é uma forma errada de 'GPT-4o'" "$pt"
expect "check_terms (en)" "'GPT-4\.0' is a wrong form of 'GPT-4o'" "$en"
expect "check_number" "'86\.4': ponto decimal à inglesa; em português, '86,4'" "$pt"
expect "check_number (en)" "'86\.4': English-style decimal point; in Portuguese, '86,4'" "$en"
expect "check_repetition" "palavra repetida: 'de de'" "$pt"
expect "check_repetition (en)" "repeated word: 'de de'" "$en"
expect "check_consistency" "'aprendizagem por reforço' aqui; este texto também escreve 'aprendizado por reforço' \(linha 3" "$pt"
expect "check_consistency (en)" "'aprendizagem por reforço' here; this text also writes 'aprendizado por reforço' \(line 3" "$en"
expect "check_untranslated" "'reasoning' é inglês: escreva 'raciocínio'" "$pt"
expect "check_untranslated (en)" "'reasoning' is English: write 'raciocínio'" "$en"
# lint.c: a whole text in English; a bad --rule
printf 'The model was trained on a large dataset of text.\n\nIt performs well on many benchmarks and tasks.\n\nThe results are shown in the table below.\n' >"$tmp/a/en.md"
run english check --no-db "$tmp/a/en.md"
expect "lint" "aviso: o texto está em inglês \(3 de 3 frases\): não é uma tradução" "$tmp/english.pt"
expect "lint (en)" "warning: the text is in English \(3 of 3 sentences\): it is not a translation" "$tmp/english.en"
run rule check --no-db --rule bogus=error "$tmp/a/um.md"
expect "lint: regra inválida" "regra inválida 'bogus=error': use REGRA=NÍVEL" "$tmp/rule.pt"
expect "lint: invalid rule" "invalid rule 'bogus=error': use RULE=LEVEL" "$tmp/rule.en"
# cli/check.c: a usage error and the help
run sort check --no-db --sort xx "$tmp/a/um.md"
expect "cli/check" "--sort 'xx' inválido \(use position ou severity\)" "$tmp/sort.pt"
expect "cli/check (en)" "invalid --sort 'xx' \(use position or severity\)" "$tmp/sort.en"
run chelp check --help
expect "cli/check help" "--min-level NÍVEL +relata só achados desse nível" "$tmp/chelp.pt"
expect "cli/check help (en)" "--min-level LEVEL +report only findings at this level" "$tmp/chelp.en"
# report_html.c: headings, severity and category names, counts
(cd "$tmp/a" && "$bin" check --no-db --report-dir "$tmp/rpt" todos.md >/dev/null 2>&1)
(cd "$tmp/a" && "$bin" check --lang en --no-db --report-dir "$tmp/rpe" todos.md >/dev/null 2>&1)
expect "html: heading" "<h1>Relatório do tradlint</h1>" "$tmp/rpt/index.html"
expect "html: heading (en)" "<h1>tradlint report</h1>" "$tmp/rpe/index.html"
expect "html: category" '<th class="c-spelling">ortografia</th>' "$tmp/rpt/index.html"
expect "html: category (en)" '<th class="c-spelling">spelling</th>' "$tmp/rpe/index.html"
expect "html: severity" '<span class="sev error">erro</span>' "$tmp/rpt/todos.md.html"
expect "html: severity (en)" '<span class="sev error">error</span>' "$tmp/rpe/todos.md.html"
expect "html: filters" 'value="s-info"> informação</label>' "$tmp/rpt/todos.md.html"
expect "html: counts" "<span>2 erros</span><span>4 avisos</span><span>1 informação</span>" "$tmp/rpt/todos.md.html"
expect "html: counts (en)" "<span>2 errors</span><span>4 warnings</span><span>1 info</span>" "$tmp/rpe/todos.md.html"
refuse "html: no English severity shown" '<span class="sev [a-z]+">(error|warning|info)</span>' "$tmp/rpt/todos.md.html"
# report_sarif.c: the fix's description follows the language; the level not
run sarif check --no-db --format sarif "$tmp/a/todos.md"
expect "sarif: fix" '"description": ?\{"text": ?"Substituir pela sugestão"' "$tmp/sarif.pt"
expect "sarif: fix (en)" '"description": ?\{"text": ?"Replace with the suggestion"' "$tmp/sarif.en"
expect "sarif: level stays English" '"level": ?"error"' "$tmp/sarif.pt"
# vcache.c: a damaged verdict cache is a warning
for f in "$XDG_CACHE_HOME"/tradlint/verdicts-*.bin; do printf 'lixo' >"$f"; done
"$bin" check --no-db "$tmp/a/um.md" >/dev/null 2>"$tmp/vc.pt"
for f in "$XDG_CACHE_HOME"/tradlint/verdicts-*.bin; do printf 'lixo' >"$f"; done
"$bin" check --lang en --no-db "$tmp/a/um.md" >/dev/null 2>"$tmp/vc.en"
expect "vcache" "aviso: cache de verificação .* ignorado \(arquivo truncado\): será refeito" "$tmp/vc.pt"
expect "vcache (en)" "warning: verdict cache .* ignored \(truncated file\): it will be rebuilt" "$tmp/vc.en"
# renderings.c: a bad line of renderings.tsv
mkdir -p "$tmp/wd"; printf 'modelo\n' >"$tmp/wd/x.txt"; printf 'reasoning raciocínio\n' >"$tmp/wd/renderings.tsv"
run rend check --no-db --words-dir "$tmp/wd" "$tmp/a/um.md"
expect "renderings" "renderings\.tsv:1: linha inválida: escreva a palavra inglesa" "$tmp/rend.pt"
expect "renderings (en)" "renderings\.tsv:1: invalid line: write the English word" "$tmp/rend.en"
# a usage error shared by several commands
run operand lsp x
expect "argumento inesperado" "argumento inesperado 'x'" "$tmp/operand.pt"
expect "unexpected argument" "unexpected argument 'x'" "$tmp/operand.en"
# every output of this section: no count of 1 before a plural
for f in "$tmp"/*.pt "$tmp"/*.en "$tmp"/vc.* "$tmp"/rp[te]/*.html; do
  refuse "no '1 <plural>' in $(basename "$f")" \
    "(^|[^0-9.,])1 (documentos|arquivos|palavras|erros|avisos|informações|ocorrências|linhas|frases|vezes|grupos|achados|sugestões|documents|files|words|errors|warnings|infos|occurrences|lines|sentences|times|groups|findings|suggestions)\b" "$f"
done

# System errors in Portuguese (not "No such file or directory").
"$bin" check --no-db "$tmp/nada.md" >"$tmp/o" 2>&1
expect "strerror in Portuguese" "nada\\.md: arquivo ou pasta não encontrado" "$tmp/o"
refuse "no English strerror" "No such file" "$tmp/o"
"$bin" check --lang en --no-db "$tmp/nada.md" >"$tmp/o" 2>&1
expect "strerror in English" "nada\\.md: no such file or directory" "$tmp/o"

finish
