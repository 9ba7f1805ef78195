#!/usr/bin/env python3
"""Write a generated glossary of N concepts (default 20,000) to stdout, for
benchmarks: the project's glossary first, then synthetic multi-word terms
built from Portuguese-looking syllables, so that matching cost can be
compared between a small and a huge glossary on the same text.
usage: gen_glossary.py [N] [GLOSSARY_DIR]"""
import glob, os, random, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
src = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "glossary")
rng = random.Random(7)
print("id\ten\tpreferred\tabbrev\tadmitted\tforbidden\tgender\tcase\tnote")
count = 0
for path in sorted(glob.glob(os.path.join(src, "*.tsv"))):
    header = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        print("\t".join(row.get(c, "") for c in
                        ("id", "en", "preferred", "abbrev", "admitted", "forbidden", "gender", "case", "note")))
        count += 1
syl = ["ta", "re", "mo", "li", "ca", "de", "no", "si", "pa", "ve", "ro", "tu", "ga", "le", "mi", "so", "ri", "za"]
seen = set()
while count < n:
    words = ["".join(rng.choice(syl) for _ in range(rng.randint(2, 4)))
             for _ in range(rng.randint(1, 3))]
    term = " ".join(words)
    key = term.replace(" ", "")
    if key in seen:
        continue
    seen.add(key)
    forb = "".join(rng.choice(syl) for _ in range(3)) + " " + words[0] if rng.random() < 0.3 else ""
    if forb.replace(" ", "") in seen:
        forb = ""
    seen.add(forb.replace(" ", ""))
    print("gen-%d\t%s\t%s\t\t\t%s\t\tany\tgerado" % (count, term, term, forb))
    count += 1
