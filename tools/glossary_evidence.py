#!/usr/bin/env python3
"""Find the evidence behind the glossary's English -> Portuguese pairs and fill the `source`
column from it (glossary/README.md, "Sources").

usage: tools/glossary_evidence.py [--dir glossary] [--corpus ../shared/corpus] [--news DIR]
                                  [--write] [--unverified] FILE.tsv...

For every row of the given files (names of glossary/, e.g. ml.tsv), the evidence is:
  - tools/glossary-seen.tsv: pairs read in published glossaries and translations (en, pt,
    source), credited when the row's `en` and one of its renderings match;
  - d2l-pt: a rendering (its words, plural or not) occurs in CORPUS/d2l-pt;
  - Generative AI for Beginners pt-BR (Microsoft): a rendering occurs in a lesson of
    CORPUS/msft-br and an English term of the row in the same lesson of CORPUS/msft-en;
  - FreeDict eng-por: the preferred rendering is a translation of the one-word English term
    (Debian's dict-freedict-eng-por);
  - imprensa brasileira (names): the name occurs in CORPUS/news or in the --news folder.
Common terms without evidence get "casa: par não verificado numa fonte publicada"; names keep
their first source (the official spelling) and gain the evidence found.
--write rewrites the files' source column; --unverified lists the unverified rows; without
either, prints the count per source.
"""
import argparse
import collections
import glob
import gzip
import os
import re
import sys
import unicodedata

UNVERIFIED = "casa: par não verificado numa fonte publicada"
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def nfc(s):
    return unicodedata.normalize("NFC", s)


def read(paths):
    return " ".join(open(p, encoding="utf-8", errors="replace").read() for p in paths)


def freedict(d="/usr/share/dictd"):
    """English headword -> set of Portuguese translations (lower case)."""
    idx, dz = os.path.join(d, "freedict-eng-por.index"), os.path.join(d, "freedict-eng-por.dict.dz")
    if not os.path.exists(idx):
        return {}
    data = gzip.open(dz).read()
    out = {}
    for line in open(idx, encoding="utf-8"):
        w, o, ln = line.rstrip("\n").split("\t")
        off = sum(B64.index(c) * 64 ** i for i, c in enumerate(reversed(o)))
        n = sum(B64.index(c) * 64 ** i for i, c in enumerate(reversed(ln)))
        body = data[off:off + n].decode("utf-8", "replace").partition("\n")[2]
        trs = set()
        for t in re.split(r"[,\n]", re.sub(r"\([^)]*\)|^\s*\d+\.\s*", "", body, flags=re.M)):
            if t.strip():
                trs.add(nfc(t.strip().lower()))
        out[nfc(w.lower())] = trs
    return out


def term_re(form):
    words = [re.escape(w) + r"(?:s|es)?" for w in re.split(r"[\s-]+", form.lower()) if w]
    return re.compile(r"(?<![\wÀ-ÿ])" + r"[\s-]+".join(words) + r"(?![\wÀ-ÿ])")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--dir", default=os.path.join(here, "..", "glossary"))
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus"))
    ap.add_argument("--news", default=None)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--unverified", action="store_true")
    a = ap.parse_args()

    d2l = read(glob.glob(os.path.join(a.corpus, "d2l-pt", "*.md"))).lower()
    msft = []
    for p in glob.glob(os.path.join(a.corpus, "msft-br", "*.md")):
        en = p.replace("msft-br", "msft-en")
        if os.path.exists(en):
            msft.append((read([p]).lower(), read([en]).lower()))
    news = read(glob.glob(os.path.join(a.corpus, "news", "*")) +
                (glob.glob(os.path.join(a.news, "*")) if a.news else []))
    fd = freedict()
    seen = collections.defaultdict(list)
    for line in open(os.path.join(here, "glossary-seen.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        en, pt, src = line.rstrip("\n").split("\t")
        seen[(en.lower(), nfc(pt.lower()))].append(src)

    stats = collections.Counter()
    for name in a.files:
        path = os.path.join(a.dir, name)
        lines = open(path, encoding="utf-8").read().split("\n")
        header, out = None, []
        for lineno, line in enumerate(lines, 1):
            if not line or line.startswith("#"):
                out.append(line)
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                out.append(line)
                continue
            r = dict(zip(header, cells))
            ens = [e.lower() for e in r["en"].split("|") if e]
            pts = [r["preferred"]] + [x for x in r["admitted"].split("|") if x]
            ev = []
            for pt in pts:
                for en in ens:
                    ev += seen.get((en, nfc(pt.lower())), [])
            if r["case"] != "exact":
                if any(term_re(p).search(d2l) for p in pts):
                    ev.append("d2l-pt")
                if any(any(term_re(p).search(br) for p in pts) and
                       any(re.search(r"(?<!\w)" + re.escape(e), en_) for e in ens)
                       for br, en_ in msft):
                    ev.append("Generative AI for Beginners pt-BR (Microsoft)")
                if any(" " not in e and nfc(r["preferred"].lower()) in fd.get(e, ()) for e in ens):
                    ev.append("FreeDict eng-por")
            else:
                names = pts + [x for x in r["abbrev"].split("|") if x]
                if any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", news) for n in names):
                    ev.append("imprensa brasileira")
            ev = list(dict.fromkeys(ev))
            if r["case"] == "exact":
                first = r["source"].split(";")[0].strip() or "nome oficial"
                src = "; ".join([first] + [e for e in ev if e != first])
            else:
                src = "; ".join(ev) if ev else UNVERIFIED
            if a.unverified and src == UNVERIFIED:
                print(f"{os.path.relpath(path)}:{lineno}: {r['id']}: {r['en']} -> {r['preferred']}")
            for s in src.split("; "):
                stats[s] += 1
            r["source"] = src
            out.append("\t".join(r[c] for c in header))
        if a.write:
            open(path, "w", encoding="utf-8").write("\n".join(out))
    if not a.unverified:
        for k, v in stats.most_common():
            print(f"{v:6d}  {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
