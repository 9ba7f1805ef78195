#!/usr/bin/env python3
"""The message catalogue: po/en.po (msgid = the Portuguese text as written in
the code, msgstr = its English text).

  messages.py table PO OUT.c     the compiled-in table (src/msg.c looks it up)
  messages.py check PO SRC...    every wrapped message has both texts, its
                                 conversions match, plurals are plurals; every
                                 user-facing literal outside a pending module
                                 is wrapped; lists what is left (exit 1 on a
                                 failure)
  messages.py pending SRC...     the user-facing literals not yet wrapped, by
                                 module
  messages.py extract SRC...     the wrapped messages (a .pot for review)

In the code: _("texto") for a message, N_("texto") to mark one in a static
table (translated where it is used, with _()), P_("%zu documento",
"%zu documentos", n) for a count. The Portuguese text is the key: it is what
the editor reads, and it stays readable (and reviewable) in the code.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The project (MESSAGES_ROOT: another tree, for the tests of this tool).
ROOT = os.environ.get("MESSAGES_ROOT") or os.path.dirname(HERE)
# Modules whose user-facing literals are not wrapped yet: listed by
# `pending`, not a failure. A module leaves this list once converted; from
# then on a new unwrapped message in it fails the check.
PENDING_FILE = os.path.join(ROOT, "po", "pending.txt")
# Literals that look Portuguese but are data (word lists, patterns), by
# module: "FILE" alone for a whole data module, else "FILE<TAB>TEXT" (TEXT
# with C escapes: \n).
DATA_FILE = os.path.join(ROOT, "po", "data.txt")

ESC = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f",
       "v": "\v", "\\": "\\", '"': '"', "'": "'", "?": "?", "e": "\033"}


def unescape(s):
    """The bytes of a C (or PO) string body, as a str (UTF-8 decoded)."""
    out = bytearray()
    i = 0
    raw = s.encode("utf-8")
    while i < len(raw):
        c = raw[i]
        if c != 0x5C:
            out.append(c)
            i += 1
            continue
        n = chr(raw[i + 1])
        if n in ESC:
            out += ESC[n].encode()
            i += 2
        elif n == "x":
            m = re.match(rb"[0-9a-fA-F]+", raw[i + 2:])
            out.append(int(m.group(0), 16) & 0xFF)
            i += 2 + len(m.group(0))
        elif n in "01234567":
            m = re.match(rb"[0-7]{1,3}", raw[i + 1:])
            out.append(int(m.group(0), 8))
            i += 1 + len(m.group(0))
        else:
            raise ValueError("unknown escape \\" + n)
    return out.decode("utf-8", "replace")


def c_quote(s):
    """A C string literal for @s (UTF-8 kept as is)."""
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\033":
            out.append("\\033")
        elif ord(ch) < 0x20:
            out.append("\\%03o" % ord(ch))
        elif ch == "?":
            out.append("\\?")  # no trigraphs
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


# ---- the C lexer ----------------------------------------------------------

TOKEN = re.compile(r'''
    (?P<ws>\s+)
  | (?P<lcomment>//[^\n]*)
  | (?P<bcomment>/\*.*?\*/)
  | (?P<pp>\#[ \t]*(?:include|error|warning|pragma)[^\n]*)
  | (?P<str>(?:u8|[LuU])?"(?:[^"\\\n]|\\.)*")
  | (?P<chr>'(?:[^'\\\n]|\\.)*')
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<num>\.?[0-9](?:[eEpP][+-]|[0-9A-Za-z_.])*)
  | (?P<punct>.)
''', re.S | re.X)


def tokens(text):
    """(kind, value, line) with adjacent string literals joined."""
    out = []
    line = 1
    pos = 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        kind = m.lastgroup
        val = m.group(0)
        if kind == "str":
            body = unescape(val[val.index('"') + 1:-1])
            if out and out[-1][0] == "str":
                out[-1] = ("str", out[-1][1] + body, out[-1][2])
            else:
                out.append(("str", body, line))
        elif kind not in ("ws", "lcomment", "bcomment", "pp"):
            out.append((kind, val, line))
        line += val.count("\n")
        pos = m.end()
    return out


class Msg:
    def __init__(self, pt, plural, where):
        self.pt = pt
        self.plural = plural  # the Portuguese plural, or None
        self.where = [where]


def scan(paths):
    """Wrapped messages (dict pt -> Msg) and unwrapped user-facing literals
    [(path, line, text)]."""
    msgs = {}
    loose = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            toks = tokens(f.read())
        rel = os.path.relpath(path, ROOT)
        wrapped = set()
        for i, (kind, val, line) in enumerate(toks):
            if kind != "ident" or val not in ("_", "N_", "P_"):
                continue
            if i + 2 >= len(toks) or toks[i + 1][1] != "(" or \
                    toks[i + 2][0] != "str":
                continue
            pt = toks[i + 2][1]
            plural = None
            wrapped.add(i + 2)
            if val == "P_":
                if i + 4 < len(toks) and toks[i + 3][1] == "," and \
                        toks[i + 4][0] == "str":
                    plural = toks[i + 4][1]
                    wrapped.add(i + 4)
                else:
                    plural = ""  # reported: a P_ without its plural
            where = "%s:%d" % (rel, line)
            if pt in msgs:
                msgs[pt].where.append(where)
                if msgs[pt].plural != plural:
                    msgs[pt].plural = msgs[pt].plural or plural
            else:
                msgs[pt] = Msg(pt, plural, where)
        for i, (kind, val, line) in enumerate(toks):
            if kind == "str" and i not in wrapped and looks_like_prose(val):
                loose.append((rel, line, val))
    return msgs, loose


PT_WORDS = set("""
a ao aos as até com como da das de do dos e é em entre essa esse esta este
foi há já mais mas na nas não nem no nos o os ou para pela pelo por que se
sem são seu sua um uma use usa arquivo arquivos pasta erro aviso falta
linha coluna valor opção opções documento documentos conceito conceitos
banco acervo esquema vazio ler gravar abrir criar contar consultar migrar
apagar configurar removido mantidos texto palavra palavras termo termos forma
formas traduza trecho desconhecida repetida original tradução
""".split())
NON_ASCII = re.compile(r"[À-ÿ]")


def looks_like_prose(s):
    """Whether a literal is text a user reads (in Portuguese), not a key,
    a format of numbers, markup or code."""
    if re.match(r"\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|WITH|PRAGMA|"
                r"DROP|ALTER|BEGIN|COMMIT)\b", s):
        return False  # SQL
    s = re.sub(r"<[^<>]*>", " ", s)  # markup
    s = re.sub(r"\{[^{}]*\}", " ", s)  # style rules, JSON formats
    words = re.findall(r"[A-Za-zÀ-ÿ]+", s)
    if not words:
        return False
    if NON_ASCII.search(s):
        return True
    if not re.search(r"\s", s):  # a key, an option name: "no-db"
        return False
    return len(words) >= 2 and any(w.lower() in PT_WORDS for w in words
                                   if len(w) >= 2)


def read_list(path):
    out = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line and not line.startswith("#"):
                    out.append(line)
    return out


# ---- the catalogue --------------------------------------------------------

class Entry:
    def __init__(self):
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = {}
        self.line = 0
        self.fuzzy = False


def read_po(path):
    entries = []
    cur = Entry()
    field = None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if line.startswith("#,") and "fuzzy" in line:
            cur.fuzzy = True
            continue
        if not line or line.startswith("#"):
            if cur.msgid is not None and field is not None and not line:
                entries.append(cur)
                cur = Entry()
                field = None
            continue
        m = re.match(r'(msgid|msgid_plural|msgstr(?:\[(\d)\])?)\s+"(.*)"$',
                     line)
        if m:
            if m.group(1) == "msgid" and cur.msgid is not None:
                entries.append(cur)
                cur = Entry()
            field = m.group(1)
            val = unescape(m.group(3))
            if field == "msgid":
                cur.msgid = val
                cur.line = n
            elif field == "msgid_plural":
                cur.msgid_plural = val
            else:
                idx = int(m.group(2)) if m.group(2) else 0
                cur.msgstr[idx] = val
                field = ("msgstr", idx)
            continue
        m = re.match(r'"(.*)"$', line)
        if m and field is not None:
            val = unescape(m.group(1))
            if field == "msgid":
                cur.msgid += val
            elif field == "msgid_plural":
                cur.msgid_plural += val
            else:
                cur.msgstr[field[1]] += val
            continue
        raise SystemExit("%s:%d: cannot read this line" % (path, n))
    if cur.msgid is not None:
        entries.append(cur)
    return [e for e in entries if e.msgid != ""]  # the header


CONV = re.compile(r"%(?:%|[-+ #0']*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?"
                  r"(?:hh|h|ll|l|j|z|t|L)?[diouxXeEfFgGaAcspn])")


# A count conversion before a word in the plural ("%zu documentos"): wrong
# for 1, a case for P_().
COUNTED = re.compile(r"%(?:l|ll|z|j)?[ud] (?:[a-zà-ÿ]+ )?[a-zà-ÿ]*(?:s|ões)\b")


def conversions(s):
    return [c for c in CONV.findall(s) if c != "%%"]


def problems(entries):
    out = []
    seen = set()
    for e in entries:
        where = "po/en.po:%d" % e.line
        if e.msgid in seen:
            out.append("%s: '%s' appears twice" % (where, e.msgid))
        seen.add(e.msgid)
        texts = [e.msgstr.get(0, "")]
        if e.msgid_plural is not None:
            texts.append(e.msgstr.get(1, ""))
        if e.fuzzy or any(t.strip() == "" for t in texts):
            out.append("%s: '%s' has no English text" % (where, e.msgid))
            continue
        ref = conversions(e.msgid)
        if e.msgid_plural is not None and \
                conversions(e.msgid_plural) != ref:
            out.append("%s: the plural of '%s' has other conversions" %
                       (where, e.msgid))
        for t in texts:
            if conversions(t) != ref:
                out.append("%s: the English of '%s' has conversions %s, "
                           "the Portuguese %s" % (where, e.msgid,
                                                   conversions(t), ref))
    return out


def cmd_table(po, out):
    entries = sorted(read_po(po), key=lambda e: e.msgid.encode("utf-8"))
    bad = problems(entries)
    if bad:
        sys.stderr.write("\n".join(bad) + "\n")
        return 1
    rows = []
    for e in entries:
        plural = e.msgid_plural is not None
        rows.append("  {%s,\n   %s,\n   %s,\n   %s},\n" % (
            c_quote(e.msgid), c_quote(e.msgid_plural) if plural else "NULL",
            c_quote(e.msgstr[0]), c_quote(e.msgstr[1]) if plural else "NULL"))
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        f.write("/* generated by tools/messages.py from po/en.po; "
                "do not edit */\n#include \"msg.h\"\n\n"
                "const tl_msg_row tl_msg_table[] = {\n%s};\n"
                "const size_t tl_msg_table_len = %d;\n" %
                ("".join(rows), len(rows)))
    os.replace(out + ".tmp", out)
    return 0


def module_of(rel):
    return rel


def cmd_check(po, paths):
    entries = read_po(po)
    by_id = {e.msgid: e for e in entries}
    msgs, loose = scan(paths)
    fail = problems(entries)
    for pt, m in sorted(msgs.items()):
        e = by_id.get(pt)
        if pt.strip() == "":
            fail.append("%s: an empty message" % m.where[0])
        elif e is None:
            fail.append("%s: '%s' is not in po/en.po (no English text)" %
                        (m.where[0], pt))
        elif m.plural is not None and e.msgid_plural is None:
            fail.append("%s: '%s' is a plural (P_) but po/en.po has no "
                        "msgid_plural" % (m.where[0], pt))
        elif m.plural is not None and m.plural != e.msgid_plural:
            fail.append("%s: the plural of '%s' is '%s' in the code, '%s' in "
                        "po/en.po" % (m.where[0], pt, m.plural,
                                      e.msgid_plural))
        elif m.plural is None and e.msgid_plural is not None:
            fail.append("%s: '%s' has a plural in po/en.po: use P_()" %
                        (m.where[0], pt))

        if m.plural is None and COUNTED.search(pt):
            fail.append("%s: '%s' puts a count before a plural: use P_() "
                        "(\"1 documentos\")" % (m.where[0], pt))
        if m.plural == "":
            fail.append("%s: P_('%s') without its plural" % (m.where[0], pt))
        elif m.plural is not None and m.plural == pt and \
                re.search(r"[A-Za-zÀ-ÿ]", pt):
            fail.append("%s: P_('%s') has the same singular and plural" %
                        (m.where[0], pt))
    # Strict (MESSAGES_STRICT=1): a stale entry, an unwrapped literal in a
    # converted module and a converted module still listed fail; otherwise
    # they are listed, so that a change elsewhere (a new check module, a
    # message edited in a module converted meanwhile) never breaks the build.
    strict = os.environ.get("MESSAGES_STRICT", "") not in ("", "0")
    notes = []
    for e in entries:
        if e.msgid not in msgs:
            (fail if strict else notes).append(
                "po/en.po:%d: '%s' is used nowhere in the code (stale)" %
                (e.line, e.msgid))
    pending = set(read_list(PENDING_FILE))
    data = read_list(DATA_FILE)
    data_files = {d for d in data if "\t" not in d}
    data_texts = {(d.split("\t", 1)[0], unescape(d.split("\t", 1)[1]))
                  for d in data if "\t" in d}
    left = {}
    for rel, line, text in loose:
        if rel in data_files or (rel, text) in data_texts:
            continue
        if rel in pending:
            left.setdefault(rel, []).append((line, text))
        else:
            (fail if strict else notes).append(
                "%s:%d: message not in the catalogue: wrap it in _(): \"%s\""
                % (rel, line, text.replace("\n", "\\n")))
    for rel in sorted(pending):
        if rel not in left:
            (fail if strict else notes).append(
                "po/pending.txt: %s has no unwrapped message left: take it "
                "off the list" % rel)
    n_plural = sum(1 for m in msgs.values() if m.plural is not None)
    print("messages: %d in the catalogue (%d with plurals), %d module(s) "
          "pending with %d unwrapped literal(s)" %
          (len(msgs), n_plural, len(left),
           sum(len(v) for v in left.values())))
    for rel in sorted(left):
        print("  pending %s: %d" % (rel, len(left[rel])))
    for n in notes:
        print("  to do: " + n)
    if fail:
        sys.stderr.write("messages: FAIL\n  " + "\n  ".join(fail) + "\n")
        return 1
    return 0


def cmd_pending(paths):
    _, loose = scan(paths)
    data = read_list(DATA_FILE)
    data_files = {d for d in data if "\t" not in d}
    data_texts = {(d.split("\t", 1)[0], unescape(d.split("\t", 1)[1]))
                  for d in data if "\t" in d}
    for rel, line, text in loose:
        if rel not in data_files and (rel, text) not in data_texts:
            print("%s:%d: %s" % (rel, line, text.replace("\n", "\\n")))
    return 0


def po_quote(s):
    return c_quote(s).replace("\\?", "?")


def cmd_extract(paths):
    msgs, _ = scan(paths)
    for pt, m in sorted(msgs.items()):
        print("#: " + " ".join(m.where))
        print("msgid " + po_quote(pt))
        if m.plural is not None:
            print("msgid_plural " + po_quote(m.plural))
            print('msgstr[0] ""\nmsgstr[1] ""\n')
        else:
            print('msgstr ""\n')
    return 0


def main(argv):
    if len(argv) >= 4 and argv[1] == "table":
        return cmd_table(argv[2], argv[3])
    if len(argv) >= 3 and argv[1] == "check":
        return cmd_check(argv[2], argv[3:])
    if len(argv) >= 2 and argv[1] == "pending":
        return cmd_pending(argv[2:])
    if len(argv) >= 2 and argv[1] == "extract":
        return cmd_extract(argv[2:])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
