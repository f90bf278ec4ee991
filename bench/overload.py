#!/usr/bin/env python3
"""overload.py — slow and idle connections against a running `cong serve`, while other clients
measure what they get. Bounded: it stops after its phases, whatever happens.

    python3 bench/overload.py --port PORT [--host example.gov.vn] [--path /]
        [--connections 10000] [--addresses 100] [--before 5] [--during 30] [--clients 4] [--json]

Attackers: CONNECTIONS sockets from ADDRESSES loopback addresses (127.0.1.1, 127.0.1.2, …;
every 127/8 address is the loopback on Linux), each socket bound to its address, in three kinds
taken in turn: silent (connects, sends nothing), header drip (a request's headers one byte every
second, never ending them), body drip (complete headers of a POST of 1 MB, then one byte a
second). A connection the server closes is opened again after 0.2 s, as an attacker would.
They run in a child process, so that the measuring clients do not share its interpreter.

Measuring clients: CLIENTS threads on 127.0.0.1, each asking PATH again and again on a new
connection (Connection: close), for BEFORE seconds without attackers, then DURING seconds with
them (after they have opened their connections). Prints req/s, p50, p99 and failures of both
phases (JSON with --json). Exit status 0 whatever the figures: the caller judges them."""
import argparse
import json
import multiprocessing
import os
import resource
import selectors
import socket
import sys
import threading
import time


def raise_nofile(n):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, max(soft, n))
    resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    return want


def attackers(port, host, n, naddr, duration, ready, stats_q):
    raise_nofile(n + 256)
    sel = selectors.DefaultSelector()
    conns = {}  # socket -> [kind, next send time, bytes sent, address]
    opened = cut = errors = 0
    head = ("GET / HTTP/1.1\r\nHost: %s\r\nUser-Agent: slow\r\nX-Drip: " % host).encode()
    post = ("POST /quan-tri/dang-nhap HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Content-Length: 1000000\r\n\r\n" % host).encode()
    pending = []  # (time, index) to (re)open

    def open_one(i):
        nonlocal opened, errors
        addr = "127.0.1.%d" % (1 + i % naddr) if naddr <= 254 else "127.1.%d.%d" % (i % naddr // 254, 1 + i % naddr % 254)
        s = socket.socket()
        s.setblocking(False)
        try:
            s.bind((addr, 0))
            s.connect_ex(("127.0.0.1", port))
        except OSError:
            errors += 1
            s.close()
            pending.append((time.time() + 0.5, i))
            return
        kind = i % 3
        conns[s] = [kind, time.time() + 0.05, 0, i]
        sel.register(s, selectors.EVENT_READ)
        opened += 1

    for i in range(n):
        open_one(i)
    ready.set()
    end = time.time() + duration
    last_stat = 0
    while time.time() < end:
        now = time.time()
        for key, _ in sel.select(timeout=0.05):
            s = key.fileobj
            try:
                data = s.recv(65536)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                data = b""
            if not data:  # closed by the server (or answered 429/503 and closed)
                kind, _, _, i = conns.pop(s)
                sel.unregister(s)
                s.close()
                cut += 1
                pending.append((now + 0.2, i))
        for s, st in list(conns.items()):
            kind, due, sent, i = st
            if kind == 0 or now < due:
                continue
            if kind == 1:
                chunk = head[sent:sent + 1] if sent < len(head) else b"a"
            else:
                chunk = post[sent:] if sent < len(post) else b"x"
            try:
                w = s.send(chunk)
                st[2] += w
            except (BlockingIOError, InterruptedError):
                pass
            except OSError:
                pass
            st[1] = now + 1.0
        again = [p for p in pending if p[0] <= now]
        pending[:] = [p for p in pending if p[0] > now]
        for _, i in again:
            open_one(i)
        if now - last_stat >= 1:
            last_stat = now
            stats_q.put({"open": len(conns), "opened": opened, "closed_by_server": cut, "errors": errors})
    for s in list(conns):
        s.close()


def measure(port, host, path, seconds, clients):
    lat, fails = [], []
    lock = threading.Lock()
    end = time.time() + seconds
    req = ("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\nUser-Agent: measure\r\n\r\n" % (path, host)).encode()

    def worker():
        while time.time() < end:
            t = time.time()
            status = 0
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=5)
                s.sendall(req)
                buf = b""
                while True:
                    c = s.recv(65536)
                    if not c:
                        break
                    buf += c
                s.close()
                status = int(buf[9:12]) if buf.startswith(b"HTTP/1.") else 0
            except OSError as e:
                status = str(e)
            dt = time.time() - t
            with lock:
                if status == 200:
                    lat.append(dt)
                else:
                    fails.append(status)
    ts = [threading.Thread(target=worker) for _ in range(clients)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    lat.sort()

    def pct(p):
        return round(lat[min(len(lat) - 1, int(len(lat) * p))] * 1000, 2) if lat else None
    return {"requests": len(lat), "req_s": round(len(lat) / seconds, 1), "p50_ms": pct(0.50), "p99_ms": pct(0.99),
            "max_ms": round(lat[-1] * 1000, 2) if lat else None, "failures": len(fails),
            "failure_kinds": sorted(set(map(str, fails)))[:5]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--host", default="example.gov.vn")
    ap.add_argument("--path", default="/")
    ap.add_argument("--connections", type=int, default=10000)
    ap.add_argument("--addresses", type=int, default=100)
    ap.add_argument("--before", type=float, default=5)
    ap.add_argument("--during", type=float, default=30)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    before = measure(a.port, a.host, a.path, a.before, a.clients)
    ready = multiprocessing.Event()
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=attackers, args=(a.port, a.host, a.connections, a.addresses,
                                                        a.during + 30, ready, q), daemon=True)
    p.start()
    ready.wait(60)
    time.sleep(1)  # the connections reach the server
    during = measure(a.port, a.host, a.path, a.during, a.clients)
    last = {}
    while not q.empty():
        last = q.get()
    p.terminate()
    p.join(5)
    out = {"before": before, "during": during, "attackers": last,
           "connections": a.connections, "addresses": a.addresses}
    if a.json:
        print(json.dumps(out))
    else:
        for k in ("before", "during"):
            r = out[k]
            print("%-6s %7.1f req/s  p50 %s ms  p99 %s ms  max %s ms  failures %d %s" %
                  (k, r["req_s"], r["p50_ms"], r["p99_ms"], r["max_ms"], r["failures"], r["failure_kinds"]))
        print("attackers:", last)


if __name__ == "__main__":
    main()
