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

# ---- the catalogue check ---------------------------------------------------
python3 "$root/tools/messages.py" check "$root/po/en.po" \
  "$root"/src/*.c "$root"/src/cli/*.c "$root"/src/cli/*.def >"$tmp/o" 2>&1
st=$?
if [ $st -eq 0 ]; then ok; else bad "messages.py check on the tree:"; cat "$tmp/o"; fi
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
  MESSAGES_ROOT="$tmp/p" python3 "$root/tools/messages.py" check \
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
finish
