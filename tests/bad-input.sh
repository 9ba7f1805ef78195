#!/usr/bin/env bash
# Bad and pathological inputs, generated at run time: each must give its
# clear message and exit status within a time limit, never a crash.
# Prints "bad-input: N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
export LC_ALL=C NO_COLOR=1 TRADLINT_DATA_DIR="$root"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

# expect NAME STATUS PATTERN -- ARGS...: run with a 10 s limit; the exit
# status must be STATUS and stdout+stderr must match the grep -E PATTERN.
expect() {
  local name=$1 status=$2 pattern=$3; shift 4
  local out rc
  out=$(cd "$tmp" && timeout 10 ${VALGRIND:-} "$bin" "$@" 2>&1); rc=$?
  if [ "$rc" = "$status" ] && printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "bad-input: FAIL $name (exit $rc, expected $status; pattern '$pattern')"
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
open(os.path.join(d, "ruim.md"), "wb").write(b"ok\n\xff\xfe texto\n")
open(os.path.join(d, "nul.md"), "wb").write(b"texto\x00binario\n")
open(os.path.join(d, "vazio.md"), "wb").write(b"")
open(os.path.join(d, "so-bom.md"), "wb").write(b"\xef\xbb\xbf")
open(os.path.join(d, "truncado.md"), "wb").write(b"fim a\xc3")
os.makedirs(os.path.join(d, "sem-artigos"))
open(os.path.join(d, "sem-artigos", "x.html"), "w").write("<p>x</p>")
PY

expect "5 MB single line" 1 "5 arquivo|1 arquivo, [0-9]+ palavras: [0-9]+ erros" -- \
  check --no-suggestions linha-5mb.md
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

echo "bad-input: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
