#!/usr/bin/env python3
"""Generated inputs for make stress, from the real texts in tests/data/corpus.

  gen.py article SIZE_MB OUT     one Markdown article of SIZE_MB (10^6 bytes):
                                 the real texts repeated, paragraphs intact
  gen.py line SIZE_MB OUT        one line of SIZE_MB: the prose of the real
                                 texts with every line end made a space
  gen.py articles N DIR          N short articles (a few paragraphs each,
                                 glossary terms rendered several ways)
"""
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "corpus")


def texts():
    out = []
    for dirpath, _, names in sorted(os.walk(ROOT)):
        for n in sorted(names):
            if n.endswith((".md", ".txt")) and n not in ("README.md", "ATTRIBUTION.md"):
                with open(os.path.join(dirpath, n), "rb") as f:
                    out.append(f.read().replace(b"\r\n", b"\n"))
    return out


def fill(out, size, chunks, sep):
    done = 0
    with open(out, "wb") as f:
        while done < size:
            for c in chunks:
                c = c[: size - done]
                f.write(c)
                done += len(c)
                if done >= size:
                    break
                f.write(sep)
                done += len(sep)


def main():
    kind, arg, out = sys.argv[1], sys.argv[2], sys.argv[3]
    if kind == "article":
        fill(out, int(float(arg) * 1e6), texts(), b"\n\n")
    elif kind == "line":
        prose = []
        for t in texts():
            for line in t.split(b"\n"):
                line = line.strip()
                # prose only: no code, no markup that spans lines
                if line and line[:1].isalpha():
                    prose.append(line)
        fill(out, int(float(arg) * 1e6), prose, b" ")
    elif kind == "articles":
        n = int(arg)
        os.makedirs(out, exist_ok=True)
        forms = [("ajuste fino", "fine-tuning"), ("aprendizado por reforço", "aprendizagem por reforço"),
                 ("modelo de linguagem", "modelo de idioma"), ("rede neural", "rede neuronal"),
                 ("aprendizado de máquina", "aprendizagem de máquina")]
        for i in range(n):
            a, b = forms[i % len(forms)]
            c, d = forms[(i // 5) % len(forms)]
            body = ("# Artigo %d\n\nO texto %d trata de %s e de %s no modelo.\n\n"
                    "Outro parágrafo fala de %s, com a OpenAI e o ChatGPT.\n"
                    % (i, i, a if i % 3 else b, c, d if i % 7 else c))
            sub = os.path.join(out, "d%03d" % (i // 1000))
            if i % 1000 == 0:
                os.makedirs(sub, exist_ok=True)
            with open(os.path.join(sub, "a%06d.md" % i), "w") as f:
                f.write(body)
    else:
        sys.exit("gen.py: unknown kind " + kind)


if __name__ == "__main__":
    main()
