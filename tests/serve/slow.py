#!/usr/bin/env python3
"""Slow senders against a tradlint server on loopback started with
--timeout 4: usage slow.py BASE N.

Opens N connections that dribble a request one byte every 0.3 s for 8 s:
half of them the headers of a GET, half a 25-byte POST body (7.5 s, longer
than the timeout). Meanwhile normal requests must be answered quickly. The
bodies are answered 408; after 8 s the header dribblers fall silent and
the server must drop them at its inactivity timeout. Bounded: about 20 s."""
import json
import socket
import sys
import threading
import time
import urllib.parse
import urllib.request

base, n = sys.argv[1], int(sys.argv[2])
u = urllib.parse.urlparse(base)
t0 = time.time()
results = {}


def slow(i):
    s = socket.create_connection((u.hostname, u.port), timeout=5)
    if i % 2:
        payload = b"POST /v2/check HTTP/1.1\r\nHost: x\r\nContent-Length: 25\r\n" \
                  b"Content-Type: application/x-www-form-urlencoded\r\n\r\ntext=" + b"a" * 20
        head = payload.index(b"\r\n\r\n") + 4
        s.sendall(payload[:head])
        rest = payload[head:]
    else:
        rest = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 500 + b"\r\n\r\n"
    answer = b""
    s.settimeout(0.3)
    closed = False
    for b in rest:  # dribble for 8 s
        if time.time() - t0 > 8:
            break
        try:
            s.sendall(bytes([b]))
            chunk = s.recv(4096)
            if not chunk:
                closed = True
                break
            answer += chunk
        except socket.timeout:
            pass
        except OSError:
            closed = True
            break
    s.settimeout(1)
    while not closed and time.time() - t0 < 20:  # then silence
        try:
            chunk = s.recv(4096)
            if not chunk:
                closed = True
            answer += chunk
        except socket.timeout:
            pass
        except OSError:
            closed = True
    s.close()
    results[i] = (closed, answer[:30])


threads = [threading.Thread(target=slow, args=(i,)) for i in range(n)]
for t in threads:
    t.start()
time.sleep(1.0)
body = urllib.parse.urlencode({"text": "O treinamneto.", "language": "pt-BR"}).encode()
for _ in range(5):  # normal clients are served while the slow ones hang on
    t1 = time.time()
    r = json.load(urllib.request.urlopen(base + "v2/check", body, timeout=5))
    assert r["matches"][0]["offset"] == 2, r
    assert time.time() - t1 < 2.0, "a normal request waited %.1f s" % (time.time() - t1)
    time.sleep(0.3)
for t in threads:
    t.join(25)
for i, (closed, answer) in sorted(results.items()):
    assert closed, "slow connection %d still open after 20 s" % i
    if i % 2:
        assert answer.startswith(b"HTTP/1.1 408"), (i, answer)
print("slow: %d slow connections answered 408 or dropped; normal requests served" % n)
