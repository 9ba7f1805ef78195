#!/usr/bin/env bash
# Oracle test: on the real articles in tests/data/corpus, compare tradlint's
# spelling findings with `hunspell -l -d pt_BR` on exactly the words tradlint
# reads (tests/tools/dump_words: prose only, as markup leaves it).
#   - every word hunspell flags is reported by tradlint (any finding that
#     covers it: a spelling finding, an English word or passage), or is
#     covered by the project word lists (dictionaries/), or is a word the
#     spelling check says it left alone on purpose (a name the document
#     teaches, a title, mentioned language, code, a compound, English:
#     tl_result_unjudged, printed by dump_words --unjudged);
#   - tradlint's dictionary rules (spelling.unknown, .name, .foreign) report
#     no word that hunspell accepts.
# The glossary is left out (--no-glossary): its renderings are accepted
# words by design, and this test is about Hunspell and dictionaries/.
# Prints "oracle: N passed, N failed" (one check per file).
set -u
bin=$1 dump=$2
root=$(cd "$(dirname "$0")/.." && pwd)
export LC_ALL=C.UTF-8 TRADLINT_DATA_DIR="$root"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
files=$(find "$root/tests/data/corpus" -type f \( -name '*.md' -o -name '*.txt' \) \
        ! -name README.md ! -name ATTRIBUTION.md | sort)
# shellcheck disable=SC2086
"$dump" $files >"$tmp/words" || exit 1
# shellcheck disable=SC2086
"$dump" --unjudged $files >"$tmp/unjudged" || exit 1
cut -f3 "$tmp/words" | grep -v '^# ' | sort -u >"$tmp/distinct"
hunspell -l -d pt_BR <"$tmp/distinct" | sort -u >"$tmp/flagged"
# shellcheck disable=SC2086
"$bin" check --no-glossary --no-suggestions --fail-on never --format json $files >"$tmp/report.json" || exit 1
python3 - "$tmp" "$root/dictionaries" <<'PY'
import json, os, re, sys, glob
tmp, dicdir = sys.argv[1], sys.argv[2]
flagged = set(open(os.path.join(tmp, "flagged"), encoding="utf-8").read().split("\n")) - {""}
listed = set()
for p in glob.glob(os.path.join(dicdir, "*.txt")):
    for line in open(p, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)
def covered(w):  # dictionaries/ semantics: exact, or a lower-case entry
    return (w in listed or w.lower() in listed and w.lower() in listed
            or w.upper() == w and any(x.upper() == w for x in listed))
import ctypes, ctypes.util
_lib = ctypes.CDLL(ctypes.util.find_library("hunspell-1.7") or "libhunspell-1.7.so.0")
_lib.Hunspell_create.restype = ctypes.c_void_p
_lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
_lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
_hd = os.environ.get("TRADLINT_HUNSPELL_DIR") or "/usr/share/hunspell"
_h = _lib.Hunspell_create((_hd + "/pt_BR.aff").encode(), (_hd + "/pt_BR.dic").encode())
def whole_word_known(w):
    # hunspell -l splits "e-mail" and "Referimo-nos" at the hyphen; the
    # library (which tradlint uses) knows these compounds as whole words.
    return "-" in w and _lib.Hunspell_spell(_h, w.encode()) != 0
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}
def parts(w):  # hunspell -l reads hyphenated words part by part
    return [p for p in re.split(r"[-\u2010\u2011]", w.replace("\u200b", "")) if p]
words = {}
cur = None
for line in open(os.path.join(tmp, "words"), encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("# "):
        cur = line[2:]; words[cur] = []; continue
    off, ln, w = line.split("\t")
    words[cur].append((int(off), int(ln), w))
# the rules that judge words by the dictionaries (spelling.hyphen and
# spelling.case judge words Hunspell accepts, by the 2009 agreement)
DICT_RULES = {"spelling.unknown", "spelling.name", "spelling.foreign"}
rep = json.load(open(os.path.join(tmp, "report.json"), encoding="utf-8"))
reported = {f["path"]: {(x["offset"], x["length"]) for x in f["findings"]
                        if x["rule"] in DICT_RULES} for f in rep["files"]}
# any finding that covers the word counts as reporting it (an English word
# is reported by the untranslated check, a typo inside an English passage
# by the passage)
reported_any = {f["path"]: [(x["offset"], x["offset"] + x["length"]) for x in f["findings"]]
                for f in rep["files"]}
unjudged, cur = {}, None
for line in open(os.path.join(tmp, "unjudged"), encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("# "):
        cur = line[2:]; unjudged[cur] = set(); continue
    off, ln, _ = line.split("\t")
    unjudged[cur].add((int(off), int(ln)))
passed = failed = 0
for path, toks in words.items():
    got = reported.get(path, set())
    got_any = reported_any.get(path, set())
    problems = []
    for off, ln, w in toks:
        hun = w in flagged or any(p in flagged for p in parts(w))
        ours = (off, ln) in got
        covered_any = (any(a <= off and off + ln <= b for a, b in got_any)
                       or (off, ln) in unjudged.get(path, set()))
        if hun and not covered_any and not covered(w) and not all(covered(p) or p not in flagged for p in parts(w)) and w.lower() not in ROMAN and not whole_word_known(w):
            problems.append("hunspell flags '%s' (byte %d), tradlint does not" % (w, off))
        if ours and not hun:
            problems.append("tradlint reports '%s' (byte %d), hunspell accepts it" % (w, off))
    if problems:
        failed += 1
        print("oracle: FAIL %s" % os.path.relpath(path))
        for p in problems[:10]:
            print("   ", p)
    else:
        passed += 1
nflag = sum(1 for toks in words.values() for _, _, w in toks if w in flagged)
nwords = sum(len(t) for t in words.values())
print("oracle: %d words, hunspell flags %d (%.1f per 1,000)" % (nwords, nflag, 1000.0 * nflag / max(nwords, 1)))
print("oracle: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
