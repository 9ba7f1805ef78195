#!/usr/bin/env python3
"""Validate the tradlint glossary (glossary/*.tsv) against the rules of README.md.

usage: python3 glossary/check.py [DIR]     (DIR defaults to the folder of this script)

Prints 'glossary: N concepts in M files, OK' and exits 0, or prints every problem as
'file:line: message' and exits 1. Standard library only. The real loader is in C; this is a
safety net for editors and must stay at least as strict as the loader.
"""
import os
import re
import sys
import unicodedata

COLUMNS = ["id", "en", "preferred", "abbrev", "admitted", "forbidden", "gender", "case", "note",
           "source"]
LIST_COLUMNS = ("en", "abbrev", "admitted", "forbidden")
RENDERING_COLUMNS = ("preferred", "abbrev", "admitted", "forbidden")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SPACING_RE = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014]+")


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def fold_spacing(s):
    """Hyphen, space and joined spellings are the same term (matched as variants)."""
    return SPACING_RE.sub("", unicodedata.normalize("NFC", s))


def fold_full(s):
    """Key used to decide whether two renderings collide: case, accents, hyphens/spaces."""
    return fold_spacing(strip_accents(s)).casefold()


def split_list(cell):
    return [] if cell == "" else cell.split("|")


class Checker:
    def __init__(self):
        self.problems = []
        self.ids = {}        # id -> (file, line)
        self.claims = {}     # folded rendering -> (id, file, line, form)
        self.concepts = 0
        self.files = 0

    def err(self, path, line, msg):
        self.problems.append(f"{path}:{line}: {msg}")

    def check_file(self, path, shown):
        self.files += 1
        try:
            raw = open(path, "rb").read()
        except OSError as e:
            self.err(shown, 0, f"cannot read: {e.strerror}")
            return
        if raw.startswith(b"\xef\xbb\xbf"):
            self.err(shown, 1, "byte-order mark: save as UTF-8 without BOM")
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            line = raw[: e.start].count(b"\n") + 1
            self.err(shown, line, "invalid UTF-8")
            return
        if text and not text.endswith("\n"):
            self.err(shown, text.count("\n") + 1, "missing newline at end of file")
        header = None
        for lineno, line in enumerate(text.split("\n"), 1):
            if line == "" and lineno == text.count("\n") + 1:
                break  # after the final newline
            if "\r" in line:
                self.err(shown, lineno, "carriage return (CRLF line end): use LF")
                line = line.replace("\r", "")
            if line.startswith("#"):
                continue
            if line.strip() == "":
                self.err(shown, lineno, "empty line (use a # comment line to separate blocks)")
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if cells != COLUMNS:
                    unknown = [c for c in cells if c not in COLUMNS]
                    missing = [c for c in COLUMNS if c not in cells]
                    msg = "header must be: " + " ".join(COLUMNS)
                    if unknown:
                        msg += "; unknown column(s): " + ", ".join(unknown)
                    if missing:
                        msg += "; missing column(s): " + ", ".join(missing)
                    self.err(shown, lineno, msg)
                    return
                continue
            self.check_row(shown, lineno, cells)
        if header is None:
            self.err(shown, 1, "no header row")

    def check_row(self, path, lineno, cells):
        if len(cells) != len(COLUMNS):
            self.err(path, lineno, f"{len(cells)} columns, expected {len(COLUMNS)} (tabs inside a cell?)")
            return
        row = dict(zip(COLUMNS, cells))
        self.concepts += 1
        for col, val in row.items():
            if val != val.strip():
                self.err(path, lineno, f"column {col}: leading or trailing spaces")
            if "  " in val:
                self.err(path, lineno, f"column {col}: double space")
            if any(unicodedata.category(c) in ("Cc", "Cf") for c in val):
                self.err(path, lineno, f"column {col}: control or invisible character")
            if unicodedata.normalize("NFC", val) != val:
                self.err(path, lineno, f"column {col}: not in Unicode NFC")
        cid = row["id"]
        if not ID_RE.match(cid):
            self.err(path, lineno, f"column id: '{cid}' is not a lower-case ASCII slug [a-z0-9-]")
        if cid in self.ids:
            f, l = self.ids[cid]
            self.err(path, lineno, f"column id: duplicate id '{cid}' (first at {f}:{l})")
        else:
            self.ids[cid] = (path, lineno)
        if row["en"].strip() == "":
            self.err(path, lineno, "column en: empty")
        if row["preferred"].strip() == "":
            self.err(path, lineno, "column preferred: empty")
        if "|" in row["preferred"]:
            self.err(path, lineno, "column preferred: one form only (no |)")
        if row["gender"] not in ("m", "f", ""):
            self.err(path, lineno, f"column gender: '{row['gender']}' (use m, f or leave empty)")
        if row["case"] not in ("exact", "any", ""):
            self.err(path, lineno, f"column case: '{row['case']}' (use exact, any or leave empty)")
        if (row["admitted"] or row["forbidden"]) and not row["note"]:
            self.err(path, lineno, "column note: required when admitted or forbidden forms are listed")
        for col in LIST_COLUMNS:
            for form in split_list(row[col]):
                if form.strip() == "":
                    self.err(path, lineno, f"column {col}: empty item in | list")
                elif form != form.strip():
                    self.err(path, lineno, f"column {col}: item '{form}' has leading or trailing spaces")
        exact = row["case"] == "exact"

        # Forms of this concept, in column order.
        forms = [("preferred", row["preferred"])] if row["preferred"] else []
        for col in ("abbrev", "admitted", "forbidden"):
            forms += [(col, f) for f in split_list(row[col]) if f.strip()]

        # A form listed twice in one concept.
        seen = {}
        for col, form in forms:
            if form in seen:
                self.err(path, lineno, f"column {col}: '{form}' already listed in column {seen[form]}")
            seen.setdefault(form, col)

        # Forbidden form equal to an accepted form of the same concept. Spacing variants are
        # always the same rendering; case and accents count only for exact entries.
        key = fold_spacing if exact else fold_full
        accepted = {key(f): (col, f) for col, f in forms if col != "forbidden"}
        for col, form in forms:
            if col == "forbidden" and key(form) in accepted:
                acol, aform = accepted[key(form)]
                if aform != form:
                    self.err(path, lineno,
                             f"column forbidden: '{form}' is the same rendering as accepted '{aform}' "
                             f"(column {acol}){'' if exact else ' once case, accents and hyphens/spaces are ignored'}")
                # identical strings were reported above

        # A rendering claimed by two concepts (case, accents, hyphens/spaces folded for all).
        mine = set()
        for col, form in forms:
            k = fold_full(form)
            if k in mine:
                continue
            mine.add(k)
            if k in self.claims:
                oid, of, ol, oform = self.claims[k]
                self.err(path, lineno,
                         f"column {col}: '{form}' is also a rendering of concept '{oid}' "
                         f"('{oform}', {of}:{ol})")
            else:
                self.claims[k] = (cid, path, lineno, form)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    names = sorted(n for n in os.listdir(folder) if n.endswith(".tsv"))
    ck = Checker()
    if not names:
        print(f"{folder}: no .tsv files", file=sys.stderr)
        return 1
    for name in names:
        path = os.path.join(folder, name)
        shown = os.path.relpath(path)
        ck.check_file(path, shown)
    if ck.problems:
        for p in ck.problems:
            print(p)
        print(f"glossary: {len(ck.problems)} problem(s) in {ck.concepts} concepts, {ck.files} files",
              file=sys.stderr)
        return 1
    print(f"glossary: {ck.concepts} concepts in {ck.files} files, OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
