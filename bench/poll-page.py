#!/usr/bin/env python3
"""What a poll's page costs (docs/ratings-polls.md, "The page cache"): the median and p90 wall time
of N sequential GETs (one connection each) of an open poll's page, which is never cached, against
a closed poll's and another item's, which are. Run against `cong serve` on a `cong demo` folder:

    cong demo --data /tmp/demo && cong serve --data /tmp/demo --listen 127.0.0.1:18934 --quiet &
    python3 bench/poll-page.py --port 18934 --n 300 \\
        localhost /tham-do/<open poll>-<id>  snv.localhost /tham-do/<closed poll>-<id>  localhost /van-ban/<doc>-<id>

Arguments after the options are HOST PATH pairs. Prints one line per page: status, X-Cache,
median, p90, size."""
import argparse
import http.client
import time


def run(port, host, path, n, ua):
    ts, st, xc, size = [], 0, None, 0
    for _ in range(n):
        c = http.client.HTTPConnection("127.0.0.1", port)
        t = time.perf_counter()
        c.request("GET", path, headers={"Host": host, "User-Agent": ua})
        r = c.getresponse()
        body = r.read()
        ts.append(time.perf_counter() - t)
        st, xc, size = r.status, r.getheader("X-Cache"), len(body)
        c.close()
    ts.sort()
    print("%-70s %d X-Cache=%-4s median %4.0f µs  p90 %5.0f µs  %d bytes"
          % (host + path[:50], st, xc, ts[n // 2] * 1e6, ts[n * 9 // 10] * 1e6, size))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--ua", default="bench")
    ap.add_argument("pages", nargs="+")
    a = ap.parse_args()
    for i in range(0, len(a.pages) - 1, 2):
        run(a.port, a.pages[i], a.pages[i + 1], a.n, a.ua)


if __name__ == "__main__":
    main()
