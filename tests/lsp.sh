#!/usr/bin/env bash
# tradlint lsp with real clients: Neovim's built-in LSP client (headless)
# opens a Markdown file and receives the diagnostics, which must point at
# the bytes tradlint check reports; a scripted session over vscode-jsonrpc
# (tests/lsp/session.js: didOpen, didChange, codeAction, add to the project
# dictionary, hover, shutdown); malformed JSON-RPC (tests/lsp/raw.py); the
# VS Code extension packaged by make vsix.
# Prints "lsp: N passed, N failed".
. "$(dirname "$0")/lib.sh" lsp C.UTF-8 "$1"
cd "$tmp"

# sub RESULT-LINE: add a sub-suite's "NAME: N passed, N failed" to ours
sub() {
  local p f
  p=$(printf '%s\n' "$1" | sed -n 's/^[a-z-]*: \([0-9]*\) passed.*/\1/p' | tail -1)
  f=$(printf '%s\n' "$1" | sed -n 's/^[a-z-]*: [0-9]* passed, \([0-9]*\) failed/\1/p' | tail -1)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-1}))
  printf '%s\n' "$1" | grep 'FAIL' || true
}

# ---- Neovim --------------------------------------------------------------
if command -v nvim >/dev/null; then
  mkdir nv && cp "$root/tests/data/serve/artigo.md" nv/
  (cd nv && TL_BIN="$bin" TL_OUT="$tmp/nvim.out" timeout 90 nvim --headless --clean -n \
    -u "$root/tests/lsp/nvim.lua" artigo.md >/dev/null 2>"$tmp/nvim.err")
  "$bin" check --no-db --format json --fail-on never nv/artigo.md >nv.json
  if python3 - nvim.out nv.json nv/artigo.md <<'PY'
import json, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
assert rows and rows[0][0] != "TIMEOUT", "no diagnostics"
cli = json.load(open(sys.argv[2]))["files"][0]["findings"]
lines = open(sys.argv[3], "rb").read().split(b"\n")
assert len(rows) == len(cli), (len(rows), len(cli))
for r, f in zip(rows, cli):
    l0, c0, l1, c1 = map(int, r[:4])
    got = lines[l0][c0:c1] if l0 == l1 else None
    assert r[5] == f["rule"] and got == f["text"].encode(), (r, f["rule"], got, f["text"])
PY
  then ok; else bad "Neovim diagnostics: $(cat nvim.out nvim.err 2>/dev/null | head -20)"; fi
else
  bad "nvim not installed (make deps-test)"
fi

# ---- a scripted session over vscode-jsonrpc --------------------------------
if [ -d "$root/tests/node/node_modules/vscode-jsonrpc" ]; then
  mkdir proj && cp "$root/tests/data/serve/artigo.md" proj/
  out=$(cd proj && NODE_PATH="$root/tests/node/node_modules" timeout 120 node "$root/tests/lsp/session.js" "$bin" "$tmp/proj" 2>&1)
  sub "$out"
else
  bad "vscode-jsonrpc missing (make deps-test)"
fi

# ---- malformed JSON-RPC ---------------------------------------------------
out=$(timeout 120 python3 "$root/tests/lsp/raw.py" "$bin" 2>&1)
sub "$out"

# ---- the VS Code extension (make vsix) -------------------------------------
vsix="$(dirname "$bin")/tradlint.vsix"
if [ -f "$vsix" ] && python3 - "$vsix" <<'PY'
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1]); names = set(z.namelist())
pkg = json.loads(z.read("extension/package.json"))
main = "extension/" + pkg["main"].lstrip("./")
assert main in names, main
src = z.read(main).decode()
assert "require('vscode-languageclient/node')" in src and "args: ['lsp']" in src
assert "extension/node_modules/vscode-languageclient/node.js" in names
assert "onLanguage:markdown" in pkg["activationEvents"] and pkg["engines"]["vscode"]
assert not any(n.startswith("extension/node_modules/@vscode/vsce") for n in names)
PY
then ok; else bad "build/tradlint.vsix missing or incomplete (make vsix)"; fi

finish
