#!/usr/bin/env python3
"""The office's other writers while an import runs: border checks, crossings batches, logins and
new API tokens, each from its own threads, in a loop until the file STOP exists. Every request is
written to OUT as `kind start_s millis status`. Only the standard library.

usage: load.py PORT BORDER_TOKEN ANALYST_TOKEN LOGIN_USER LOGIN_PASSWORD OUT STOP
"""
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse

port, border, analyst, user, password, out_path, stop = sys.argv[1:8]
port = int(port)
lock = threading.Lock()
out = open(out_path, "w")


def call(method, path, body, headers):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        r.read()
        return r.status
    except Exception:
        return 0
    finally:
        conn.close()


def letters(text):
    """A name part from an id: digits as letters (each event's holder is a person of their own)."""
    return "".join(chr(65 + int(c)) if c.isdigit() else "X" for c in text)


def crossing_batch(tag):
    items = []
    for i in range(50):
        items.append({
            "event_id": f"{tag}-{i}", "kind": "entry", "at": "2026-11-20T08:15:00+05:00", "checkpoint": "ALA",
            "document": {
                "document_type": "P", "issuing_state": "UZB", "document_number": f"{tag.replace('-', 'X')}N{i}",
                "nationality": "UZB", "surname": "BENCH", "given_names": letters(f"{tag}{i}"), "birth_date": "1990-01-01",
                "sex": "M", "expiry_date": "2031-01-01",
            },
        })
    return json.dumps({"crossings": items})


def requests(kind, worker):
    n = 0
    while True:
        n += 1
        if kind == "crossings batch":
            yield ("POST", "/api/v1/crossings", crossing_batch(f"W{worker}-{n}"),
                   {"Authorization": f"Bearer {border}", "Content-Type": "application/json"})
        elif kind == "border check":
            body = json.dumps({"issuing_state": "UZB", "document_number": f"W0X{n % 50}N1"})
            yield ("POST", "/api/v1/register/check", body,
                   {"Authorization": f"Bearer {border}", "Content-Type": "application/json"})
        elif kind == "login":
            csrf = "bench-csrf-token-0123456789abcdef"
            body = urllib.parse.urlencode({"csrf": csrf, "username": user, "password": password, "next": "/"})
            yield ("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded",
                                            "Cookie": f"ashyq_csrf={csrf}",
                                            "X-Forwarded-For": f"10.99.{worker}.{n % 250 + 1}"})
        elif kind == "token":
            yield ("POST", "/api/v1/me/tokens", json.dumps({"name": f"bench-{worker}-{n}"}),
                   {"Authorization": f"Bearer {analyst}", "Content-Type": "application/json"})


def worker(kind, w):
    for method, path, body, headers in requests(kind, w):
        if os.path.exists(stop):
            return
        t = time.time()
        status = call(method, path, body, headers)
        ms = (time.time() - t) * 1000
        with lock:
            out.write(f"{kind.replace(' ', '_')} {t:.3f} {ms:.1f} {status}\n")
        time.sleep(0.05)


threads = []
for kind, count in [("border check", 2), ("crossings batch", 2), ("login", 1), ("token", 1)]:
    for w in range(count):
        th = threading.Thread(target=worker, args=(kind, w + (10 if kind == "login" else 0)))
        th.start()
        threads.append(th)
for th in threads:
    th.join()
out.close()
