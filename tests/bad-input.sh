#!/usr/bin/env bash
# Bad and pathological inputs, generated at run time: each must give its
# clear message and exit status within a time limit, never a crash.
# Prints "bad-input: N passed, N failed".
. "$(dirname "$0")/lib.sh" bad-input C "$1"

# expect NAME STATUS PATTERN -- ARGS...: run with a time limit ($LIMIT s,
# default 30, scaled by the machine's load: lib.sh's limit); the exit
# status must be STATUS and stdout+stderr must match the grep -E PATTERN.
expect() {
  local name=$1 status=$2 pattern=$3; shift 4
  local out rc secs
  secs=$(limit "${LIMIT:-30}")
  out=$(cd "$tmp" && timeout "$secs" ${VALGRIND:-} "$bin" "$@" 2>&1); rc=$?
  if [ "$rc" = "$status" ] && printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "bad-input: FAIL $name (exit $rc, expected $status; pattern '$pattern'; limit $secs s)"
    printf '%s\n' "$out" | head -c 600; echo
  fi
}

python3 - "$tmp" <<'PY'
import sys, os
d = sys.argv[1]
words = "o modelo de linguagem aprendeu com dados sintéticos e depois".split()
line = []
n = 0
i = 0
while n < 5 * 1024 * 1024:            # a 5 MB single line, one typo in 50 words
    w = words[i % len(words)] if i % 50 else "treinamneto"
    line.append(w); n += len(w) + 1; i += 1
open(os.path.join(d, "linha-5mb.md"), "w", encoding="utf-8").write(" ".join(line) + "\n")
# its typos: a block of prose this long is checked in pieces cut at spaces
# (no sentence end here), and no piece may lose or repeat one
open(os.path.join(d, "linha-5mb.typos"), "w").write(str(sum(1 for w in line if w == "treinamneto")))
open(os.path.join(d, "ruim.md"), "wb").write(b"ok\n\xff\xfe texto\n")
open(os.path.join(d, "nul.md"), "wb").write(b"texto\x00binario\n")
open(os.path.join(d, "vazio.md"), "wb").write(b"")
open(os.path.join(d, "so-bom.md"), "wb").write(b"\xef\xbb\xbf")
open(os.path.join(d, "truncado.md"), "wb").write(b"fim a\xc3")
os.makedirs(os.path.join(d, "sem-artigos"))
open(os.path.join(d, "sem-artigos", "x.html"), "w").write("<p>x</p>")
if os.environ.get("TL_PATHOLOGICAL", "1") == "1":
    # a 20 MB single line
    with open(os.path.join(d, "linha-20mb.md"), "w", encoding="utf-8") as f:
        chunk = " ".join(line[:2000]) + " "
        n = 0
        while n < 20 * 1024 * 1024:
            f.write(chunk); n += len(chunk.encode())
        f.write("\n")
    # 200,000 glossary hits
    open(os.path.join(d, "hits.md"), "w").write("O GPT-4.0 e o GPT-4o. " * 100000 + "\n")
    # 10,000 nested block quotes, and 10,000 nested list items
    open(os.path.join(d, "quotes.md"), "w").write("> " * 10000 + "citação funda\n")
    open(os.path.join(d, "lists.md"), "w").write("".join("  " * i + "- item\n" for i in range(10000)))
    # only combining marks
    open(os.path.join(d, "marcas.md"), "w", encoding="utf-8").write("\u0301" * 100000 + "\n")
    # invalid UTF-8 every 3 bytes
    open(os.path.join(d, "invalido.md"), "wb").write(b"ab\xff" * 100000)
    # a glossary of 100,000 rows
    with open(os.path.join(d, "glossario-100k.tsv"), "w", encoding="utf-8") as f:
        f.write("id\tpreferred\tforbidden\n")
        for i in range(100000):
            f.write("t%d\ttermo%dx palavra%dy\tforma%derrada\n" % (i, i, i, i))
    # a path with spaces and non-ASCII letters
    os.makedirs(os.path.join(d, "pasta com espaço", "ação é"))
    open(os.path.join(d, "pasta com espaço", "ação é", "notícia sobre IA.md"), "w", encoding="utf-8").write("O treinamneto do modelo.\n")
PY

LIMIT=${PATHOLOGICAL_LIMIT:-60} expect "5 MB single line, every typo once" 1 "\"errors\": $(cat "$tmp/linha-5mb.typos")," -- \
  check --no-suggestions --format json linha-5mb.md
expect "invalid UTF-8" 2 "ruim.md:2:1: UTF-8 inválido \(byte 0xFF\)" -- check ruim.md
expect "NUL byte" 2 "nul.md: arquivo binário" -- check nul.md
expect "empty file" 0 "1 arquivo, 0 palavras" -- check vazio.md
expect "BOM only" 0 "1 arquivo, 0 palavras" -- check so-bom.md
expect "truncated UTF-8 at the end" 2 "truncado.md:1:6: UTF-8 inválido" -- check truncado.md
expect "missing file" 2 "nao-existe.md: arquivo ou pasta não encontrado" -- check nao-existe.md
expect "folder without articles" 2 "sem-artigos: nenhum artigo" -- check sem-artigos
expect "bad file does not stop the others" 2 "vazio.md|1 arquivo" -- check ruim.md vazio.md
expect "missing dictionary" 2 "dicionário pt_BR não encontrado" -- \
  check --hunspell-dir "$tmp/nada" vazio.md
expect "missing word list folder" 2 "pasta de listas de palavras não encontrada" -- \
  check --words-dir "$tmp/nada" vazio.md

# pathological inputs: each with its outcome, in linear time
if [ "${TL_PATHOLOGICAL:-1}" = 1 ]; then
  LIMIT=${PATHOLOGICAL_LIMIT:-60} expect "20 MB single line" 1 "1 arquivo, [0-9]+ palavras" -- \
    check --no-db --no-suggestions linha-20mb.md
  LIMIT=${PATHOLOGICAL_LIMIT:-60} expect "200,000 glossary hits" 1 '"errors": 100000,' -- \
    check --no-db --no-suggestions --format json hits.md
  LIMIT=${PATHOLOGICAL_LIMIT:-60} expect "10,000 nested block quotes" 0 "1 arquivo, 2 palavras" -- check --no-db quotes.md
  LIMIT=${PATHOLOGICAL_LIMIT:-60} expect "10,000 nested list items" 0 "1 arquivo, 10000 palavras" -- check --no-db lists.md
  expect "only combining marks" 0 "1 arquivo, 0 palavras" -- check --no-db marcas.md
  expect "invalid UTF-8 every 3 bytes" 2 "invalido.md:1:3: UTF-8 inválido" -- check --no-db invalido.md
  LIMIT=${PATHOLOGICAL_LIMIT:-60} expect "glossary of 100,000 rows" 0 "100000 conceitos" -- \
    glossary check glossario-100k.tsv
  expect "path with spaces and accents" 1 "notícia sobre IA.md:1:3: erro: palavra desconhecida 'treinamneto'" -- \
    check --no-db --no-suggestions "pasta com espaço"
fi

finish
