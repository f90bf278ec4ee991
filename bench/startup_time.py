#!/usr/bin/env python3
"""startup_time.py — how long `cong serve` takes from exec to its first 200 answer to a page: starts
it RUNS times on a free loopback port, asks for PATH on HOST every millisecond until a 200 comes,
stops it (SIGTERM) and prints one line per start, then "start-up median M ms (runs: …)".

usage: bench/startup_time.py --cong PATH --data DIR --host HOST [--path /] [--runs 5]
                             [--timeout 60] [-- EXTRA SERVE OPTIONS]

Python standard library only."""
import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def status_of(port, host, path):
    """The status code of GET PATH, or None when nothing answers yet."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
            head = b""
            while b"\r\n" not in head:
                chunk = s.recv(4096)
                if not chunk:
                    return None
                head += chunk
            return int(head.split(b" ", 2)[1])
    except (OSError, ValueError, IndexError):
        return None


def one_start(a, log):
    for _ in range(5):  # another program may take the port between free_port() and bind()
        port = free_port()
        t0 = time.perf_counter()
        p = subprocess.Popen([a.cong, "serve", "--data", a.data, "--listen", f"127.0.0.1:{port}", "--quiet"] + a.extra,
                             stdout=log, stderr=log)
        try:
            while time.perf_counter() - t0 < a.timeout:
                st = status_of(port, a.host, a.path)
                if st == 200:
                    return (time.perf_counter() - t0) * 1000
                if st is not None and st != 200:
                    raise SystemExit(f"startup_time: GET {a.path} (Host {a.host}) answered {st}")
                if p.poll() is not None:
                    break
                time.sleep(0.001)
            else:
                raise SystemExit(f"startup_time: no 200 within {a.timeout} s")
        finally:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(30)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
    raise SystemExit("startup_time: cong serve exited at once five times (see its log above)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cong", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--host", required=True)
    ap.add_argument("--path", default="/")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("extra", nargs="*", help="more options of cong serve (after --)")
    a = ap.parse_args()
    times = []
    with tempfile.TemporaryFile() as log:
        try:
            for i in range(a.runs):
                ms = one_start(a, log)
                times.append(ms)
                print(f"start {i + 1}: first 200 of {a.path} (Host {a.host}) after {ms:.0f} ms", flush=True)
        except SystemExit:
            log.seek(0)
            sys.stderr.write(log.read().decode("utf-8", "replace")[-2000:])
            raise
    print(f"start-up median {statistics.median(times):.0f} ms (runs: " + ", ".join(f"{t:.0f}" for t in times) + ")")


if __name__ == "__main__":
    main()
