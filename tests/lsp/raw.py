#!/usr/bin/env python3
"""Malformed JSON-RPC to `tradlint lsp`: raw.py TRADLINT.

Sends, byte by byte as written: invalid JSON, a message without
Content-Length, a request before initialize, an array, an object without
method, a bad id, an unknown method, a notification with wrong params, a
Content-Length too large, then a normal initialize/shutdown/exit. Every
request gets its JSON-RPC error, the server keeps going and exits 0.
Also: input that ends without shutdown exits non-zero, without a crash.
Prints "lsp-raw: N passed, N failed"."""
import json
import subprocess
import sys

bin_ = sys.argv[1]
passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("lsp-raw: FAIL " + what)


def frame(body):
    if isinstance(body, (dict, list)):
        body = json.dumps(body)
    b = body.encode() if isinstance(body, str) else body
    return b"Content-Length: %d\r\n\r\n" % len(b) + b


def responses(out):
    msgs = []
    while out:
        head, _, rest = out.partition(b"\r\n\r\n")
        n = int(head.split(b":")[1])
        msgs.append(json.loads(rest[:n]))
        out = rest[n:]
    return msgs


stream = b"".join([
    frame('{"jsonrpc": "2.0", "id": 1, "method": '),                          # invalid JSON
    b"X-Header: 1\r\n\r\n",                                                 # no Content-Length
    frame({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {}}),  # before initialize
    frame([1, 2, 3]),                                                       # not an object
    frame({"jsonrpc": "2.0", "id": 3, "method": "initialize", "params": {"capabilities": {}}}),
    frame({"jsonrpc": "2.0", "id": 4}),                                      # no method
    frame({"jsonrpc": "2.0", "id": [5], "method": "shutdown"}),              # bad id
    frame({"jsonrpc": "2.0", "id": 6, "method": "nothing/here"}),            # unknown method
    frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": 7}}),
    frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file:///tmp/nul.md", "languageId": "markdown", "version": 1, "text": "a\u0000b"}}}),
    frame({"jsonrpc": "2.0", "id": 8, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": 1}}}),
    frame({"jsonrpc": "2.0", "id": 9, "method": "shutdown"}),
    frame({"jsonrpc": "2.0", "id": 10, "method": "textDocument/hover", "params": {}}),  # after shutdown
    frame({"jsonrpc": "2.0", "method": "exit"}),
])
p = subprocess.run([bin_, "lsp"], input=stream, capture_output=True, timeout=60)
msgs = responses(p.stdout)
by_id = {m.get("id"): m for m in msgs if "id" in m and m.get("id") is not None}
nulls = [m for m in msgs if "id" in m and m["id"] is None]
check(p.returncode == 0, "exit status %d after shutdown/exit: %s" % (p.returncode, p.stderr[-300:]))
check(any(m["error"]["code"] == -32700 for m in nulls), "invalid JSON: ParseError")
check(sum(1 for m in nulls if m["error"]["code"] == -32700) >= 2, "no Content-Length: ParseError")
check(by_id.get(2, {}).get("error", {}).get("code") == -32002, "before initialize: ServerNotInitialized")
check(any(m["error"]["code"] == -32600 for m in nulls), "array or bad id: InvalidRequest")
check("capabilities" in by_id.get(3, {}).get("result", {}), "initialize answered")
check(by_id.get(6, {}).get("error", {}).get("code") == -32601, "unknown method: MethodNotFound")
check(by_id.get(8, {}).get("result") == [], "codeAction on an unknown document: empty")
check(any(m.get("method") == "window/showMessage" and "NUL" in m["params"]["message"] or
          m.get("method") == "window/showMessage" and "binário" in m["params"]["message"] for m in msgs),
      "a NUL byte in a document is reported to the client")
check("result" in by_id.get(9, {}) and by_id[9]["result"] is None, "shutdown answered null")
check(by_id.get(10, {}).get("error", {}).get("code") == -32600, "after shutdown: InvalidRequest")

# input that ends without shutdown: non-zero, no crash
p = subprocess.run([bin_, "lsp"], input=frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                               "params": {"capabilities": {}}}), capture_output=True, timeout=60)
check(p.returncode == 1 and p.returncode >= 0, "end of input without shutdown: exit %d" % p.returncode)
# a Content-Length beyond the limit is skipped, the next message served
big = b"Content-Length: 99999999999\r\n\r\n"
p = subprocess.run([bin_, "lsp"], input=big, capture_output=True, timeout=60)
check(p.returncode in (0, 1) and b"-32700" in p.stdout, "huge Content-Length: ParseError, clean end")
print("lsp-raw: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
