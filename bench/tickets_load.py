#!/usr/bin/env python3
"""tickets_load.py — the citizens' forms under load (issue #14 "Speed and abuse"). Bounded: it
stops after its phases, whatever happens.

    python3 bench/tickets_load.py [--cong ./build/cong] [--submissions 1000] [--lookups 10000]
        [--seconds 60] [--bits 12] [--json]

Starts `cong serve` on a fresh data folder (cong init, one component site) with its REAL rate
limits, then:
  1. submissions: SUBMISSIONS questions spread evenly over SECONDS, each from its own loopback
     address (127.1.x.y: every 127/8 address is the loopback on Linux), each as a browser sends
     it: the form fetched, its proof of work solved (beforehand, in a pool of processes, so that
     the client's hashing does not slow the pace), then posted; 303 expected;
  2. look-ups: LOOKUPS tracking pages (/theo-doi?ma=) spread over SECONDS from 200 addresses, of
     the codes just made; 200 expected;
  3. abuse: one address posts 40 solved forms as fast as it can, another 40 look-ups a second for
     5 s: what the rate limits let through (the form's limit is 5 a minute, bursts of 5).
Prints, per phase, the pace reached (req/s), p50, p99, the answers by status (JSON with --json).
BITS is the proof of work's difficulty for this run (the setting challenge_bits; 16 by default in
production): the server checks any difficulty with one hash, so it changes only the client's
preparation time. Exit status 0 whatever the figures: the caller judges them."""
import argparse
import hashlib
import http.client
import json
import multiprocessing
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HOST = "snv.localhost"
WORDS = {"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def addr_of(i):
    return "127.1.%d.%d" % ((i // 250) % 250, 1 + i % 250)


def request(port, method, path, src, body=None, cookie=None):
    t0 = time.monotonic()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(src, 0))
    h = {"Host": "%s:%d" % (HOST, port), "Connection": "close"}
    if cookie:
        h["Cookie"] = cookie
    if body is not None:
        h["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        return r.status, data, r.getheader("Location"), r.getheader("Set-Cookie"), time.monotonic() - t0
    except OSError as e:
        return 0, str(e).encode(), None, None, time.monotonic() - t0
    finally:
        c.close()


def solve(args):
    token, bits = args
    n = 0
    while int.from_bytes(hashlib.sha256(("%s:%d" % (token, n)).encode()).digest()[:4], "big") >> (32 - bits):
        n += 1
    return str(n)


def fetch_form(port, src):
    st, body, _, ck, _ = request(port, "GET", "/gui/cau-hoi", src)
    text = body.decode("utf-8", "replace")
    tok = re.search(r'name="challenge" value="([^"]+)"', text).group(1)
    csrf = re.search(r'name="csrf" value="([^"]+)"', text).group(1)
    return tok, csrf


def form_body(i, tok, csrf, nonce):
    return urllib.parse.urlencode([
        ("ho_ten", "Người thử %d" % i), ("email", "nguoi.thu.%d@example.vn" % i), ("linh_vuc", "Y tế"),
        ("ten_cau_hoi", "Câu hỏi thử tải số %d" % i), ("cau_hoi", "Nội dung câu hỏi thử tải số %d." % i),
        ("nhan_thu", "1"), ("challenge", tok), ("pow", nonce), ("challenge_answer", ""), ("website", ""),
        ("csrf", csrf)]).encode()


def paced(n, seconds, threads, job):
    """Runs job(i) for i in 0..n-1, job i started at i * seconds / n; returns [(status, latency)]."""
    results = [None] * n
    start = time.monotonic() + 0.2
    nxt = [0]
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                i = nxt[0]
                nxt[0] += 1
            if i >= n:
                return
            wait = start + i * seconds / n - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            results[i] = job(i)

    ts = [threading.Thread(target=worker) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return results, time.monotonic() - start


def summary(name, results, elapsed):
    lat = sorted(r[1] for r in results)
    by = {}
    for st, _ in results:
        by[str(st)] = by.get(str(st), 0) + 1
    pct = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else 0
    return {"phase": name, "requests": len(results), "seconds": round(elapsed, 1),
            "req_per_s": round(len(results) / elapsed, 1), "p50_ms": round(pct(0.50), 1),
            "p99_ms": round(pct(0.99), 1), "status": by}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cong", default="./build/cong")
    ap.add_argument("--submissions", type=int, default=1000)
    ap.add_argument("--lookups", type=int, default=10000)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--bits", type=int, default=12)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    cong = os.path.abspath(a.cong)
    tmp = tempfile.mkdtemp(prefix="cong-tickets-load-")
    data = os.path.join(tmp, "data")
    srv = None
    try:
        subprocess.run([cong, "init", "--data", data, "--domain", "localhost"], check=True, capture_output=True)
        subprocess.run([cong, "site", "add", "--data", data, "--name", "Sở Nội vụ"], check=True, capture_output=True)
        db = sqlite3.connect(os.path.join(data, "cong.db"))
        db.execute("INSERT INTO settings (key, value) VALUES ('challenge_bits', ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(a.bits),))
        db.commit()
        db.close()
        port = free_port()
        log = open(os.path.join(tmp, "serve.log"), "wb")
        srv = subprocess.Popen([cong, "serve", "--data", data, "--listen", "127.0.0.1:%d" % port, "--quiet"],
                               stdout=log, stderr=log)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        out = []
        # 1. the forms fetched and solved beforehand, each by its own address
        t0 = time.monotonic()
        forms = [fetch_form(port, addr_of(i)) for i in range(a.submissions)]
        with multiprocessing.Pool() as pool:
            nonces = pool.map(solve, [(tok, a.bits) for tok, _ in forms], chunksize=16)
        prep = time.monotonic() - t0
        codes = [None] * a.submissions

        def submit(i):
            tok, csrf = forms[i]
            st, _, loc, _, dt = request(port, "POST", "/gui/cau-hoi", addr_of(i), form_body(i, tok, csrf, nonces[i]),
                                        cookie="cong_csrf=" + csrf)
            m = re.search(r"ma=([A-Z0-9-]+)", loc or "")
            codes[i] = m.group(1) if m else None
            return st, dt

        res, el = paced(a.submissions, a.seconds, 16, submit)
        s = summary("submissions", res, el)
        s["preparation_s"] = round(prep, 1)
        out.append(s)
        made = [c for c in codes if c]

        # 2. look-ups of those codes from 200 addresses
        def lookup(i):
            st, _, _, _, dt = request(port, "GET", "/theo-doi?ma=%s" % made[i % len(made)], addr_of(5000 + i % 200))
            return st, dt

        res, el = paced(a.lookups, a.seconds, 24, lookup)
        out.append(summary("look-ups", res, el))

        # 3. abuse from one address each
        bad = addr_of(9000)
        forms = [fetch_form(port, bad) for _ in range(40)]
        with multiprocessing.Pool() as pool:
            nonces = pool.map(solve, [(tok, a.bits) for tok, _ in forms])
        t0 = time.monotonic()
        res = [request(port, "POST", "/gui/cau-hoi", bad, form_body(100000 + i, tok, csrf, nonces[i]),
                       cookie="cong_csrf=" + csrf)[::4] for i, (tok, csrf) in enumerate(forms)]
        out.append(summary("one address, 40 forms at once", res, time.monotonic() - t0))
        flood = addr_of(9001)
        t0 = time.monotonic()
        res = []
        while time.monotonic() - t0 < 5:
            s0 = time.monotonic()
            st, _, _, _, dt = request(port, "GET", "/theo-doi?ma=%s" % made[0], flood)
            res.append((st, dt))
            time.sleep(max(0, 1 / 40 - (time.monotonic() - s0)))
        out.append(summary("one address, 40 look-ups a second for 5 s", res, time.monotonic() - t0))
        db = sqlite3.connect(os.path.join(data, "cong.db"))
        n = db.execute("SELECT count(*) FROM tickets").fetchone()[0]
        db.close()
        if a.json:
            print(json.dumps({"tickets_stored": n, "phases": out}, ensure_ascii=False, indent=1))
        else:
            print("tickets stored: %d (bits %d)" % (n, a.bits))
            for s in out:
                print("%-44s %6d req in %5.1f s = %7.1f req/s  p50 %6.1f ms  p99 %6.1f ms  %s%s" % (
                    s["phase"], s["requests"], s["seconds"], s["req_per_s"], s["p50_ms"], s["p99_ms"],
                    " ".join("%sx%s" % (v, k) for k, v in sorted(s["status"].items())),
                    ("  (forms prepared in %.1f s)" % s["preparation_s"]) if "preparation_s" in s else ""))
    finally:
        if srv:
            srv.terminate()
            srv.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
