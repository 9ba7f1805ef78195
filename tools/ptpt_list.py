#!/usr/bin/env python3
"""Build dictionaries/pt-PT.tsv: European Portuguese word forms with the Brazilian form a pt-BR
text uses instead, from Debian's Hunspell dictionaries (hunspell-pt-pt, hunspell-pt-br).

usage: tools/ptpt_list.py [--lexical tools/ptpt-lexical.tsv] [--prereform tools/ptpt-prereform.tsv]
                          [--hunspell-dir DIR] OUT
       tools/ptpt_list.py --candidates [--hunspell-dir DIR] OUT   (the prereform review's input)

How a pair is found (every step is a test against the two dictionaries, nothing is typed by hand
but the reviewed lexical table):
 1. every word form of pt_PT (unmunch of pt_PT.dic/.aff, lower-case, letters and hyphens only);
 2. spelling rules turn a European form into a Brazilian candidate, one change at a time:
      accent-o  ó -> ô before m/n          (económico -> econômico, fenómeno -> fenômeno)
      accent-e  é -> ê before m/n, or final (género -> gênero, académico -> acadêmico, bebé -> bebê)
      accent-a  -ámos -> -amos             (falámos -> falamos: the Brazilian past tense)
      drop-c    c before t/ç dropped       (colecção -> coleção, contracto -> contrato)
      add-c     c put back before t        (aspeto -> aspecto, carateres -> caracteres)
      add-p     p put back before ç/t      (receção -> recepção, perceção -> percepção)
      mn, bd, bt, h   amnistia -> anistia, súbdito -> súdito, subtil -> sutil, húmido -> úmido
    and the lexical table (tools/ptpt-lexical.tsv: utilizador -> usuário, ecrã -> tela ...)
    is expanded into inflected forms (plural, -dor feminine, or a stem pair for verb families);
 3. a rule pair is kept when pt_BR knows the Brazilian form and does not know the European one
    (when = always: económico, receção, falámos). "Knows" is asked twice: of pt_BR's unmunched
    forms, then of hunspell itself for a word without a hyphen (the unmunch here leaves prefixes
    out, so "abato", "retrato", "refletido" would look unknown: tradlint never reports them, and
    they are not written). A European form that pt_BR also accepts (contacto, aspeto, perspetiva:
    spellings the 1990 agreement lets Brazil use too) is valid in both variants and is left out;
    only the reviewed tables may list such a word, the lexical one with when = noun when the same
    letters are a Brazilian verb form ("equipa", "controlo");
 4. the reviewed pre-1990 table (tools/ptpt-prereform.tsv, rule "prereform") adds the pre-1990
    spellings pt_BR still accepts (objectivo, optimização, excepção, eléctrico): its stems select
    pairs among the candidates (every pt_BR form with c before t/ç/c, p before t/ç, b before d/t
    or m before n whose form without that consonant pt_BR also accepts; --candidates writes them
    for a review; a form en_US knows is left out: "vector", "objective" in an English name or
    quote), and its "not" rows drop a spelling-rule pair that joins two different words
    (baterismo -> bacterismo).
 Words valid in both variants (fato, contato, equipe, contacto) never become keys.

Output: a header comment, then one line per European form, sorted by bytes:
    pt-PT form <TAB> pt-BR form <TAB> rule <TAB> when
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

RULES = ("accent-o", "accent-e", "accent-a", "drop-c", "add-c", "add-p", "mn", "bd", "bt", "h")
VOWELS = set("aeiouáéíóúâêôãõà")


def nfc(s):
    return unicodedata.normalize("NFC", s)


def candidates(w):
    """(rule, Brazilian candidate) for one change of European form w."""
    out = []
    n = len(w)
    for i, ch in enumerate(w):
        nxt = w[i + 1] if i + 1 < n else ""
        if ch == "ó" and nxt in ("m", "n"):
            out.append(("accent-o", w[:i] + "ô" + w[i + 1:]))
        if ch == "é" and (nxt in ("m", "n") or i == n - 1):
            out.append(("accent-e", w[:i] + "ê" + w[i + 1:]))
        if ch == "c" and nxt in ("t", "ç") and i > 0:
            out.append(("drop-c", w[:i] + w[i + 1:]))
        if ch in ("t",) and i > 0 and w[i - 1] in VOWELS:
            out.append(("add-c", w[:i] + "c" + w[i:]))
        if ch in ("ç", "t") and i > 0 and w[i - 1] in VOWELS:
            out.append(("add-p", w[:i] + "p" + w[i:]))
        if ch == "m" and nxt == "n":
            out.append(("mn", w[:i] + w[i + 1:]))
        if ch == "b" and nxt in ("d", "t"):
            out.append(("b" + nxt, w[:i] + w[i + 1:]))
    if w.endswith("ámos"):
        out.append(("accent-a", w[:-4] + "amos"))
    if w.startswith(("hum", "húm")):  # húmido, humidade, humedecer
        out.append(("h", w[1:]))
    return out


def plural(w):
    """Portuguese plural of a noun (enough for the lexical table)."""
    if " " in w:
        head, rest = w.split(" ", 1)
        return plural(head) + " " + rest
    if "-" in w:  # palavra-passe -> palavras-passe, guarda-redes stays
        a, b = w.split("-", 1)
        return w if b.endswith("s") else plural(a) + "-" + b
    if w.endswith("ão"):
        return w[:-2] + "ões"
    if w.endswith("el"):
        return w[:-2] + "éis" if not w.endswith("vel") else w[:-2] + "eis"
    if w.endswith(("al", "ol", "ul")):
        return w[:-1] + "is"
    if w.endswith(("r", "z")):
        return w + "es"
    if w.endswith("s"):
        return w
    if w.endswith("m"):
        return w[:-1] + "ns"
    return w + "s"


def feminine(w):
    if w.endswith("or"):
        return w + "a"
    if w.endswith("o"):
        return w[:-1] + "a"
    if w.endswith("ário"):
        return w[:-1] + "a"
    return None


def word_forms(hdir, lang):
    """Every word form of a Hunspell dictionary (unmunch, suffixes only: a prefixed
    derivative such as "desutilizador" adds nothing a spelling rule needs), NFC."""
    aff = os.path.join(hdir, lang + ".aff")
    with tempfile.NamedTemporaryFile("w", suffix=".aff", delete=False, encoding="utf-8") as t:
        for line in open(aff, encoding="utf-8", errors="replace"):
            if not line.startswith("PFX"):
                t.write(line)
    try:
        p = subprocess.run(["unmunch", os.path.join(hdir, lang + ".dic"), t.name],
                           capture_output=True, check=True)
    finally:
        os.unlink(t.name)
    forms = set()
    for raw in p.stdout.split(b"\n"):
        w = raw.decode("utf-8", "replace").strip()
        if w:
            forms.add(nfc(w))
    return forms


def european_forms(pt):
    return {w for w in pt
            if len(w) >= 3 and w == w.lower() and all(c.isalpha() or c == "-" for c in w)}


SILENT = {"c": "tçc", "p": "tç", "b": "dt", "m": "n"}
# diminutives, augmentatives and superlatives unmunch makes of every noun and participle
RARE_FORM = re.compile(r"zinh|zit|zão|zões|zon[ae]|íssim|inh[oa]s?$|(?<=[çdr])on[ae]s?$|(?<=d)ão$|(?<=d)ões$")


def prereform_candidates(br):
    """(long, short) for every pt_BR form with a consonant that pre-1990 spelling wrote and
    Brazil does not (c before t/ç/c, p before t/ç, b before d/t, m before n) whose form
    without it pt_BR also knows: objectivo/objetivo, but also apto/ato and pacto/pato, which is
    why only the reviewed table's stems select among them."""
    out = set()
    for w in european_forms(br):
        for i in range(1, len(w) - 1):
            if w[i] in SILENT and w[i + 1] in SILENT[w[i]]:
                short = w[:i] + w[i + 1:]
                if short in br:
                    out.add((w, short))
    return out


def read_prereform(path):
    rows = []
    for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        ok = len(cells) == 5 and cells[0] and (
            (cells[2] in ("stem", "word") and cells[1] and cells[3] in ("always", "noun")) or
            (cells[2] in ("not", "except") and cells[1] == "-" and cells[3] == "-"))
        if not ok:
            sys.exit(f"{path}:{lineno}: expected pt-PT, pt-BR, scope stem|word|not|except, "
                     "when always|noun (- for not/except), why")
        rows.append((nfc(cells[0]), nfc(cells[1]), cells[2], cells[3], lineno))
    return rows


def hunspell_unknown(hdir, lang, words):
    """The words of @words hunspell -l itself rejects (one word a line, no hyphen)."""
    text = "".join(w + "\n" for w in words)
    p = subprocess.run(["hunspell", "-d", os.path.join(hdir, lang), "-i", "utf-8", "-l"],
                       input=text.encode("utf-8"), capture_output=True, check=True)
    return {nfc(x) for x in p.stdout.decode("utf-8", "replace").split("\n") if x}


def read_lexical(path):
    rows = []
    for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 5 or cells[2] not in ("n", "s") or cells[3] not in ("always", "noun"):
            sys.exit(f"{path}:{lineno}: expected pt-PT, pt-BR, kind n|s, when always|noun, why")
        rows.append((nfc(cells[0]), nfc(cells[1]), cells[2], cells[3]))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--lexical", default=os.path.join(os.path.dirname(__file__), "ptpt-lexical.tsv"))
    ap.add_argument("--prereform",
                    default=os.path.join(os.path.dirname(__file__), "ptpt-prereform.tsv"))
    ap.add_argument("--candidates", action="store_true",
                    help="write the prereform candidate pairs (long TAB short) to OUT and stop")
    ap.add_argument("--hunspell-dir", default="/usr/share/hunspell")
    a = ap.parse_args()
    hdir = a.hunspell_dir
    if shutil.which("unmunch") is None:
        sys.exit("ptpt_list: unmunch not found (make deps-data installs hunspell-tools)")
    if shutil.which("hunspell") is None:
        sys.exit("ptpt_list: hunspell not found (make deps installs it)")
    for f in ("pt_PT.dic", "pt_PT.aff", "pt_BR.dic", "pt_BR.aff", "en_US.dic", "en_US.aff"):
        if not os.path.exists(os.path.join(hdir, f)):
            sys.exit(f"ptpt_list: {hdir}/{f} missing (make deps-data installs hunspell-pt-pt)")
    br = word_forms(hdir, "pt_BR")
    cands = prereform_candidates(br)
    if a.candidates:
        with open(a.out, "w", encoding="utf-8", newline="\n") as f:
            for w, short in sorted(cands, key=lambda x: x[0].encode("utf-8")):
                f.write(f"{w}\t{short}\n")
        print(f"ptpt_list: {len(cands)} prereform candidates", file=sys.stderr)
        return
    pt = word_forms(hdir, "pt_PT")
    forms = european_forms(pt)

    def br_knows(w):
        return all(x in br or x.lower() in br for x in w.split())

    # lexical pairs first: they win over a spelling rule for the same form
    lexical = {}
    for ptw, brw, kind, when in read_lexical(a.lexical):
        if kind == "n":
            pairs = [(ptw, brw), (plural(ptw), plural(brw))]
            fpt, fbr = feminine(ptw), feminine(brw)
            if ptw.endswith("dor") and fpt and fbr:
                pairs += [(fpt, fbr), (plural(fpt), plural(fbr))]
        else:
            pairs = [(w, brw + w[len(ptw):]) for w in forms if w.startswith(ptw)]
        for p_, b_ in pairs:
            if p_ in forms and br_knows(b_):
                lexical[p_] = (b_, "lexical", when)

    rows = {}
    for w in forms:
        if w in lexical:
            continue
        w_br = w in br
        for rule, c in candidates(w):
            if c == w or c not in br:
                continue  # not Brazilian either
            if not w_br:
                rows[w] = (c, rule, "always")
                break
    # pt_BR's hunspell knows more than the suffix-only unmunch (prefixed forms: abato, retrato)
    known = set(w for w in rows if "-" not in w) - hunspell_unknown(
        hdir, "pt_BR", sorted(w for w in rows if "-" not in w))
    for w in known:
        del rows[w]

    pre = read_prereform(a.prereform)
    for stem, _, scope, _, lineno in pre:
        if scope == "not":
            wrong = [w for w in rows if w.startswith(stem)]
            if not wrong:
                sys.exit(f"{a.prereform}:{lineno}: '{stem}' drops no spelling-rule pair")
            for w in wrong:
                del rows[w]
    excepts = [stem for stem, _, scope, _, _ in pre if scope == "except"]
    prereform = {}
    for stem, brstem, scope, when, lineno in pre:
        if scope not in ("stem", "word"):
            continue
        hits = [(w, s_) for w, s_ in cands
                if (w == stem if scope == "word" else w.startswith(stem))
                and s_ == brstem + w[len(stem):]
                and not any(w.startswith(x) for x in excepts)]
        if not hits:
            sys.exit(f"{a.prereform}:{lineno}: '{stem}' -> '{brstem}' matches no candidate pair")
        for w, s_ in hits:
            prereform[w] = (s_, "prereform", when)
    # forms a text writes: no clitic ("optimizá-lo-ia") and no diminutive, augmentative or
    # superlative of the word list's generator ("optimizadorzinho", "accionadíssimo"): every
    # row makes the compiled list every run reads longer (spell90: 13,889 forms -> 2,838)
    for w in [w for w in prereform if "-" in w or RARE_FORM.search(w)]:
        del prereform[w]
    # an English word as well (vector, objective, detective, optimize): English names and quotes
    # in a Brazilian text ("Azure Vector Search", "bias vector") are not European Portuguese
    plain = sorted(w for w in prereform if "-" not in w)
    for w in set(plain) - hunspell_unknown(hdir, "en_US", plain):
        del prereform[w]
    rows.update(prereform)
    rows.update(lexical)

    tmp = a.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("# generated by tools/ptpt_list.py; do not edit\n"
                "# European Portuguese forms and the Brazilian form a pt-BR text uses (see README.md)\n"
                "# pt-PT\tpt-BR\trule\twhen\n")
        for w in sorted(rows, key=lambda s: s.encode("utf-8")):
            b, rule, when = rows[w]
            f.write(f"{w}\t{b}\t{rule}\t{when}\n")
    os.replace(tmp, a.out)
    counts = {}
    for b, rule, when in rows.values():
        counts[when] = counts.get(when, 0) + 1
    print(f"ptpt_list: {len(rows)} forms ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})",
          file=sys.stderr)


if __name__ == "__main__":
    main()
