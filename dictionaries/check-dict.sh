#!/usr/bin/env bash
# check-dict.sh — validate tradlint's project word lists (dictionaries/*.txt).
#
# Usage: dictionaries/check-dict.sh [DIR]    (default: the folder of this script)
#
# Checks every DIR/*.txt: valid UTF-8 (no BOM, LF line ends), no tabs, no
# leading or trailing spaces, entries are single tokens (letters, internal
# hyphens or apostrophes; no spaces, no digits), no entry listed twice across
# all files (nor a capitalised or ALL-CAPS copy of a lower-case entry), and
# every entry is rejected by `hunspell -d pt_BR` (an entry pt_BR accepts is
# redundant). Prints `dict: N entries in M files, OK` and exits 0, or prints
# file:line: problem for each problem and exits 1. Exit 2: usage error or a
# missing tool.
set -euo pipefail

# Hunspell's command line reads its input in the locale's encoding: force UTF-8.
export LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8

usage() { echo "usage: ${0##*/} [DIR]" >&2; exit 2; }
[[ $# -le 1 ]] || usage
case "${1:-}" in -h|--help) echo "usage: ${0##*/} [DIR]"; exit 0 ;; esac

dir=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}
[[ -d $dir ]] || { echo "check-dict: $dir: not a directory" >&2; exit 2; }
for tool in python3 hunspell; do
    command -v "$tool" >/dev/null || { echo "check-dict: $tool not found" >&2; exit 2; }
done

if ! hunspell -D -d pt_BR </dev/null 2>&1 | grep -q 'pt_BR\.aff$'; then
    echo "check-dict: the pt_BR Hunspell dictionary is not installed (hunspell-pt-br)" >&2
    exit 2
fi

shopt -s nullglob
files=("$dir"/*.txt)
shopt -u nullglob
[[ ${#files[@]} -gt 0 ]] || { echo "check-dict: no *.txt file in $dir" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
problems=0

# 1. UTF-8 validity, whole file (iconv names the file; python below names the line).
for f in "${files[@]}"; do
    if ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then
        echo "$f: not valid UTF-8"
        problems=$((problems + 1))
    fi
done

# 2. Line format and duplicates. Writes the entries as "file<TAB>line<TAB>word"
#    to $tmp/entries; prints one "file:line: problem" per problem.
python3 - "$tmp/entries" "${files[@]}" >"$tmp/format" <<'PY'
import re, sys
out_path, files = sys.argv[1], sys.argv[2:]
word = re.compile(r"^[^\W\d_]+(?:['\u2019-][^\W\d_]+)*$")
seen = {}          # entry -> "file:line"
entries = []
problems = []
for f in files:
    with open(f, 'rb') as fh:
        raw_lines = fh.read().split(b'\n')
    if raw_lines and raw_lines[-1] == b'':
        raw_lines.pop()
    for n, raw in enumerate(raw_lines, 1):
        where = f'{f}:{n}'
        try:
            line = raw.decode('utf-8')
        except UnicodeDecodeError as e:
            problems.append(f'{where}: not valid UTF-8 ({e.reason} at byte {e.start})')
            continue
        if n == 1 and line.startswith('\ufeff'):
            problems.append(f'{where}: byte-order mark (save as UTF-8 without BOM)')
            line = line[1:]
        if line.endswith('\r'):
            problems.append(f'{where}: CR line end (use LF)')
            line = line[:-1]
        if '\t' in line:
            problems.append(f'{where}: tab')
        if line != line.rstrip():
            problems.append(f'{where}: trailing space')
        if line.strip() == '' or line.startswith('#'):
            continue
        if line != line.lstrip():
            problems.append(f'{where}: leading whitespace')
        w = line.strip()
        if re.search(r'\s', w):
            problems.append(f'{where}: space inside entry "{w}" (one word per line)')
            continue
        if re.search(r'\d', w):
            problems.append(f'{where}: digit in entry "{w}" (tokens with digits are never spell-checked)')
            continue
        if not word.match(w):
            problems.append(f'{where}: "{w}" is not a word (letters, internal hyphens or apostrophes only)')
            continue
        if w in seen:
            problems.append(f'{where}: duplicate entry "{w}" (first at {seen[w]})')
            continue
        seen[w] = where
        entries.append((f, n, w))
# A capitalised or ALL-CAPS copy of a lower-case entry is already accepted by it.
for f, n, w in entries:
    low = w.lower()
    if w != low and low in seen and w in (low[:1].upper() + low[1:], low.upper()):
        problems.append(f'{f}:{n}: duplicate entry "{w}" (the lower-case entry "{low}" at {seen[low]} already accepts it)')
with open(out_path, 'w', encoding='utf-8') as out:
    for f, n, w in entries:
        out.write(f'{f}\t{n}\t{w}\n')
print('\n'.join(problems), end='\n' if problems else '')
PY
if [[ -s $tmp/format ]]; then
    cat "$tmp/format"
    problems=$((problems + $(wc -l <"$tmp/format")))
fi

# 3. Every entry must be rejected by pt_BR Hunspell.
#    Plain words: `hunspell -l -d pt_BR` must print them back.
#    Words with a hyphen or apostrophe: the hunspell command line splits them,
#    so they are checked whole with libhunspell's Hunspell_spell (what tradlint
#    calls); without the library they are skipped with a warning (checking the
#    parts would call "pré-treinamento" redundant, which Hunspell_spell rejects).
cut -f3 "$tmp/entries" | grep -v "[-'’]" | hunspell -i UTF-8 -l -d pt_BR | sort -u >"$tmp/rejected" || true
python3 - "$tmp/entries" "$tmp/rejected" >"$tmp/redundant" <<'PY'
import ctypes, ctypes.util, os, subprocess, sys
entries = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8')]
rejected = set(open(sys.argv[2], encoding='utf-8').read().split('\n'))

def find_dict():
    r = subprocess.run(['hunspell', '-D', '-d', 'pt_BR'], input='', capture_output=True, text=True)
    paths = [l.strip() for l in (r.stdout + r.stderr).splitlines()]
    aff = next((p for p in paths if p.endswith('pt_BR.aff')), None)
    dic = next((p for p in paths if p.endswith('pt_BR.dic')), None)
    return aff, dic

spell = None
try:
    name = ctypes.util.find_library('hunspell') or ctypes.util.find_library('hunspell-1.7') or 'libhunspell-1.7.so.0'
    lib = ctypes.CDLL(name)
    lib.Hunspell_create.restype = ctypes.c_void_p
    lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    aff, dic = find_dict()
    if aff and dic and os.path.exists(aff) and os.path.exists(dic):
        h = lib.Hunspell_create(aff.encode(), dic.encode())
        if h:
            spell = lambda w: bool(lib.Hunspell_spell(h, w.encode('utf-8')))
except OSError:
    spell = None

compound = [(f, n, w) for f, n, w in entries if any(c in w for c in "-'\u2019")]
if compound and spell is None:
    print(f'check-dict: warning: libhunspell not loadable; {len(compound)} entries with a '
          'hyphen or apostrophe not checked against pt_BR', file=sys.stderr)

for f, n, w in entries:
    if any(c in w for c in "-'\u2019"):
        if spell is None:
            continue
        accepted = spell(w)
    else:
        accepted = w not in rejected
    if accepted:
        print(f'{f}:{n}: redundant entry "{w}": pt_BR Hunspell already accepts it')
PY
if [[ -s $tmp/redundant ]]; then
    cat "$tmp/redundant"
    problems=$((problems + $(wc -l <"$tmp/redundant")))
fi

if [[ $problems -gt 0 ]]; then
    echo "dict: $problems problem(s) in ${#files[@]} file(s), FAILED" >&2
    exit 1
fi
echo "dict: $(wc -l <"$tmp/entries") entries in ${#files[@]} files, OK"
