#!/usr/bin/env python3
"""Editorial audit of the glossary (glossary/*.tsv), beyond the format rules that
`tradlint glossary check` and glossary/check.py enforce: the risks of false alarms that a new
row brings, and the row counts of glossary/README.md.

usage: tools/glossary_audit.py [--dir glossary] [--update-readme] [--strict]

Reports (file:line: message), one per risk:
  case-variant   an acronym whose capitalised form is a Portuguese word ("EM" -> "Em"): the
                 matcher may report that word at a sentence start as a wrong casing of the acronym;
  steals-ia      an accepted rendering that ends in "IA": "adoção de IA generativa" would be read
                 as that concept plus "generativa", hiding "IA generativa";
  no-source      a row without provenance in a file that has the source column filled elsewhere;
  english-word   an accepted name with an English function word ("The Verge", "Papers with
                 Code"): every word of a rendering becomes a known word for spelling, and "the" or
                 "with" known as Portuguese hides English passages from the untranslated check;
  forbidden-word a forbidden single word that pt_BR knows (single ordinary words are never
                 forbidden: README, house decisions).
With --strict the exit status is 1 when anything is reported. --update-readme rewrites the
per-file row counts between the `<!-- counts -->` markers of glossary/README.md.
Needs hunspell with pt_BR (make deps).
"""
import argparse
import os
import re
import subprocess
import sys


def rows(path):
    header = None
    for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        yield lineno, dict(zip(header, cells))


def known_words(words):
    """The words pt_BR accepts."""
    words = sorted(set(w for w in words if w))
    if not words:
        return set()
    p = subprocess.run(["hunspell", "-d", "pt_BR", "-G"], input="\n".join(words) + "\n",
                       capture_output=True, text=True, check=True,
                       env=dict(os.environ, LC_ALL="C.UTF-8"))
    return set(p.stdout.split("\n")) - {""}


ENGLISH_FUNCTION = {"the", "of", "for", "on", "with", "and", "in", "to", "is", "at", "by", "from",
                    "all", "you", "your", "my", "as", "it", "this", "that", "are", "be", "or"}


def split(cell):
    return [x for x in cell.split("|") if x] if cell else []


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--dir", default=os.path.join(here, "..", "glossary"))
    ap.add_argument("--update-readme", action="store_true")
    ap.add_argument("--strict", action="store_true")
    a = ap.parse_args()
    files = sorted(f for f in os.listdir(a.dir) if f.endswith(".tsv"))
    table = {f: list(rows(os.path.join(a.dir, f))) for f in files}

    probe = set()
    for f in files:
        for _, r in table[f]:
            exact = [r["preferred"]] + split(r.get("admitted", "")) if r.get("case") == "exact" else []
            for form in exact + split(r.get("abbrev", "")):
                if " " not in form:
                    probe.add(form.lower())
            for form in split(r.get("forbidden", "")):
                if " " not in form and "-" not in form and r.get("case") != "exact":
                    probe.add(form.lower())
    known = known_words(probe)

    problems = []
    for f in files:
        path = os.path.relpath(os.path.join(a.dir, f))
        sourced = any(r.get("source") for _, r in table[f])
        for lineno, r in table[f]:
            accepted = [r["preferred"]] + split(r.get("abbrev", "")) + split(r.get("admitted", ""))
            for form in accepted if r.get("case") == "exact" else []:
                bad = [w for w in re.split(r"[\s-]+", form) if w.lower() in ENGLISH_FUNCTION]
                if bad:
                    problems.append(f"{path}:{lineno}: english-word: '{form}' makes "
                                    f"'{bad[0]}' a known word")
            abbrevs = split(r.get("abbrev", ""))
            if r.get("case") == "exact" or abbrevs:
                for form in (accepted if r.get("case") == "exact" else abbrevs):
                    low = form.lower()
                    if " " in form or not (len(form) > 1 and form == form.upper()) or \
                            low == form or low not in known:
                        continue
                    problems.append(f"{path}:{lineno}: case-variant: '{form}' — '{low.capitalize()}' "
                                    f"is a Portuguese word at a sentence start")
            for form in accepted if r.get("case") != "exact" else []:
                if re.search(r"\sIA$", form) and r["id"] != "ai-agent":
                    problems.append(f"{path}:{lineno}: steals-ia: '{form}' ends in IA "
                                    f"(hides 'IA generativa' after it)")
            if sourced and not r.get("source"):
                problems.append(f"{path}:{lineno}: no-source: '{r['id']}' has no source")
            for form in split(r.get("forbidden", "")):
                if r.get("case") != "exact" and form.lower() in known:
                    problems.append(f"{path}:{lineno}: forbidden-word: '{form}' is an ordinary "
                                    f"Portuguese word")
    for p in problems:
        print(p)
    total = sum(len(v) for v in table.values())
    print(f"glossary_audit: {total} concepts in {len(files)} files, {len(problems)} risks",
          file=sys.stderr)

    if a.update_readme:
        readme = os.path.join(a.dir, "README.md")
        text = open(readme, encoding="utf-8").read()
        m = re.search(r"(<!-- counts -->\n)(.*?)(<!-- /counts -->)", text, re.S)
        if not m:
            sys.exit(f"{readme}: no <!-- counts --> ... <!-- /counts --> block")
        lines = m.group(2).split("\n")
        out = []
        for line in lines:
            cm = re.match(r"\| `([^`]+)` \|(.*)\| *\d+ \|$", line)
            if cm and cm.group(1) in table:
                line = f"| `{cm.group(1)}` |{cm.group(2)}| {len(table[cm.group(1)])} |"
            if line.startswith("| **total**"):
                line = f"| **total** | | {total} |"
            out.append(line)
        text = text[:m.start(2)] + "\n".join(out) + text[m.end(2):]
        open(readme, "w", encoding="utf-8").write(text)
    return 1 if (a.strict and problems) else 0


if __name__ == "__main__":
    sys.exit(main())
