"""Overload and slow clients (issue #12): slow and idle connections from many addresses do not stop
service (a bounded, short run of bench/overload.py; the 10,000-connection run is in
docs/benchmarks.md), slow drips are cut by a total time for headers and a minimum rate for
bodies, refusals are logged once a second with counts, bodies over the limit are refused from
their Content-Length before they are read (2^64-1 included) and chunked ones as they pass it,
HTTP/1.1 without Host is 400, and no socket stays in CLOSE-WAIT after a client half-closes."""
import json
import os
import socket
import subprocess
import sys
import time

from conglib import BASE, ROOT, CongTest, Server, module_fixture

setUpModule, tearDownModule = module_fixture()

SEC = ("X-Content-Type-Options", "Referrer-Policy", "Content-Security-Policy", "X-Frame-Options")


def read_answer(s, timeout=5):
    """Everything S receives until the server closes (or TIMEOUT); b"" when reset first."""
    s.settimeout(timeout)
    buf = b""
    try:
        while True:
            c = s.recv(65536)
            if not c:
                break
            buf += c
    except (socket.timeout, ConnectionResetError):
        pass
    return buf


def head_of(buf):
    head = buf.partition(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    status = int(head[0][9:12]) if head and head[0].startswith("HTTP/1.") else 0
    headers = {}
    for ln in head[1:]:
        k, _, v = ln.partition(":")
        headers[k.strip().lower()] = v.strip()
    return status, headers


def close_wait(port):
    """Sockets of the server's PORT in CLOSE-WAIT (state 08 of /proc/net/tcp)."""
    n = 0
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            parts = line.split()
            if int(parts[1].split(":")[1], 16) == port and parts[3] == "08":
                n += 1
    return n


class Overload(CongTest):
    """1,500 slow connections from 15 addresses against a server limited to 1,000 connections and
    60 per address (the same proportions as 10,000 from 100 against the defaults)."""

    def test_slow_connections_do_not_stop_service(self):
        srv = Server(self.fx.data, workdir=self.fx.tmp,
                     extra=["--max-connections", "1000", "--per-address", "60", "--header-timeout", "3"]).start()
        self.addCleanup(srv.stop)
        p = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "overload.py"), "--port", str(srv.port),
                            "--host", "snv." + BASE, "--connections", "1500", "--addresses", "15",
                            "--before", "2", "--during", "6", "--clients", "2", "--json"],
                           capture_output=True, timeout=120)
        self.assertEqual(p.returncode, 0, "bench/overload.py failed: %s" % p.stderr.decode()[-500:])
        out = json.loads(p.stdout.decode().strip().splitlines()[-1])
        before, during = out["before"], out["during"]
        self.assertTrue(srv.alive(), "the server died under slow connections: " + srv.log_tail())
        self.assertGreater(during["requests"], 50, "other clients were hardly served during the attack: %s" % during)
        self.assertEqual(during["failures"], 0, "other clients were refused or failed: %s" % during)
        # the real figure (p99 < 50 ms with 10,000 connections) is measured by the benchmark; here,
        # on a shared test machine, only that nobody waits for the slow ones
        self.assertLess(during["p99_ms"], 1000, "other clients waited: %s (before: %s)" % (during, before))
        self.assertGreater(out["attackers"].get("closed_by_server", 0), 100,
                           "the slow connections were neither refused nor cut: %s" % out["attackers"])
        with open(srv.log_path, "rb") as f:
            log = f.read().decode("utf-8", "replace").splitlines()
        over = [l for l in log if " overload: " in l]
        self.assertTrue(over, "no overload line in the log")
        self.assertTrue(any("refused (address at its limit" in l and not " 0 refused (address" in l for l in over),
                        "no refusal per address counted: %s" % over[:3])
        # once a second with counts, not one line per refused connection (before: 31,000 a second)
        self.assertLess(len(log), 200, "%d log lines for an 8 s attack" % len(log))

    def test_refusals_are_answered_with_headers(self):
        srv = Server(self.fx.data, workdir=self.fx.tmp, extra=["--per-address", "3"]).start()
        self.addCleanup(srv.stop)
        time.sleep(0.3)  # the start-up probe's connection closed and forgotten
        held = []
        for _ in range(3):
            s = socket.create_connection(("127.0.0.1", srv.port))
            held.append(s)
        time.sleep(0.2)
        s = socket.create_connection(("127.0.0.1", srv.port))
        buf = read_answer(s)
        s.close()
        status, h = head_of(buf)
        self.assertEqual(status, 429, "the 4th connection of an address over --per-address 3: %r %s" % (buf[:200], srv.log_tail(3)))
        for name in SEC:
            self.assertIn(name.lower(), h, "the 429 has no %s" % name)
        self.assertIn("Vui lòng thử lại", buf.decode("utf-8", "replace"))
        # another address is served
        s = socket.socket()
        s.bind(("127.0.2.9", 0))
        s.connect(("127.0.0.1", srv.port))
        s.sendall(("GET / HTTP/1.1\r\nHost: snv.%s\r\nConnection: close\r\n\r\n" % BASE).encode())
        self.assertEqual(head_of(read_answer(s))[0], 200, "another address was refused too")
        s.close()
        for s in held:
            s.close()

    def test_trusted_proxy_has_no_per_address_limit(self):
        srv = Server(self.fx.data, workdir=self.fx.tmp, extra=["--per-address", "3", "--trust-proxy", "127.0.0.1"]).start()
        self.addCleanup(srv.stop)
        time.sleep(0.3)  # the start-up probe's connection closed and forgotten
        held = [socket.create_connection(("127.0.0.1", srv.port)) for _ in range(6)]
        time.sleep(0.2)
        s = held[-1]
        s.sendall(("GET / HTTP/1.1\r\nHost: snv.%s\r\nConnection: close\r\nX-Forwarded-For: 198.51.100.4\r\n\r\n"
                   % BASE).encode())
        self.assertEqual(head_of(read_answer(s))[0], 200, "the 6th connection of the trusted proxy (--per-address 3)")
        for s in held:
            s.close()

    def test_server_full_is_503_with_headers(self):
        srv = Server(self.fx.data, workdir=self.fx.tmp, extra=["--max-connections", "16", "--per-address", "100"]).start()
        self.addCleanup(srv.stop)
        time.sleep(0.3)  # the start-up probe's connection closed and forgotten
        held = []
        for i in range(16):
            s = socket.socket()
            s.bind(("127.0.4.%d" % (i + 1), 0))
            s.connect(("127.0.0.1", srv.port))
            held.append(s)
        time.sleep(0.3)
        s = socket.create_connection(("127.0.0.1", srv.port))
        buf = read_answer(s)
        s.close()
        status, h = head_of(buf)
        self.assertEqual(status, 503, "the 17th connection with --max-connections 16: %r" % buf[:100])
        self.assertEqual(h.get("retry-after"), "10")
        for name in SEC:
            self.assertIn(name.lower(), h, "the 503 has no %s" % name)
        self.assertIn("quá tải", buf.decode("utf-8", "replace"))
        for s in held:
            s.close()
        deadline = time.time() + 3
        ok = False
        while time.time() < deadline and not ok:  # the slots come back as they close
            s = socket.create_connection(("127.0.0.1", srv.port))
            s.sendall(("GET / HTTP/1.1\r\nHost: snv.%s\r\nConnection: close\r\n\r\n" % BASE).encode())
            ok = head_of(read_answer(s))[0] == 200
            s.close()
            time.sleep(0.1)
        self.assertTrue(ok, "no slot came back after the connections closed")


class SlowDrip(CongTest):
    def test_headers_dripping_are_cut_by_total_time(self):
        srv = Server(self.fx.data, workdir=self.fx.tmp, extra=["--header-timeout", "2", "--timeout", "30"]).start()
        self.addCleanup(srv.stop)
        s = socket.create_connection(("127.0.0.1", srv.port))
        req = ("GET / HTTP/1.1\r\nHost: snv.%s\r\nX-Slow: " % BASE).encode() + b"a" * 100
        t0 = time.time()
        closed_at = None
        for i in range(len(req)):  # a byte every 0.3 s: never idle, never done
            try:
                s.sendall(req[i:i + 1])
                s.settimeout(0.3)
                if s.recv(100) == b"":
                    closed_at = time.time() - t0
                    break
            except socket.timeout:
                continue
            except OSError:
                closed_at = time.time() - t0
                break
            if time.time() - t0 > 10:
                break
        s.close()
        self.assertIsNotNone(closed_at, "a client dripping its headers a byte every 0.3 s kept its connection 10 s "
                                        "(--header-timeout 2)")
        self.assertLess(closed_at, 4.5, "cut only after %.1f s (--header-timeout 2)" % closed_at)
        self.assertGreater(closed_at, 1.5, "cut too early: %.1f s" % closed_at)

    def test_body_dripping_is_cut_by_rate(self):
        srv = Server(self.fx.data, workdir=self.fx.tmp, extra=["--min-body-rate", "1000", "--timeout", "30"]).start()
        self.addCleanup(srv.stop)
        s = socket.create_connection(("127.0.0.1", srv.port))
        s.sendall(("POST /quan-tri/dang-nhap HTTP/1.1\r\nHost: snv.%s\r\nContent-Type: application/x-www-form-urlencoded"
                   "\r\nContent-Length: 100000\r\n\r\n" % BASE).encode())
        t0 = time.time()
        closed_at = None
        while time.time() - t0 < 15:  # 50 bytes a second, never idle
            try:
                s.sendall(b"x" * 10)
                s.settimeout(0.2)
                if s.recv(100) == b"":
                    closed_at = time.time() - t0
                    break
            except socket.timeout:
                continue
            except OSError:
                closed_at = time.time() - t0
                break
        s.close()
        self.assertIsNotNone(closed_at, "a body at 50 bytes/s kept its connection 15 s (--min-body-rate 1000)")
        self.assertLess(closed_at, 8, "cut only after %.1f s (5 s of grace)" % closed_at)


class Bodies(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server(cls.fx.data, workdir=cls.fx.tmp, extra=["--max-body", "4096"]).start()

    @classmethod
    def tearDownClass(cls):
        cls.srv.stop()

    def send_headers(self, cl, extra=""):
        s = socket.create_connection(("127.0.0.1", self.srv.port))
        s.sendall(("POST /quan-tri/dang-nhap HTTP/1.1\r\nHost: snv.%s\r\nContent-Type: application/x-www-form-urlencoded"
                   "\r\nContent-Length: %s\r\n%s\r\n" % (BASE, cl, extra)).encode())
        return s

    def test_content_length_over_limit_refused_before_the_body(self):
        for cl in ("5000", "18446744073709551615", "18446744073709551614", "99999999999999999999"):
            with self.subTest(cl=cl):
                s = self.send_headers(cl)
                t = time.time()
                buf = read_answer(s, timeout=5)  # no byte of the body is sent
                s.close()
                status, h = head_of(buf)
                self.assertEqual(status, 413, "Content-Length %s, no body sent: %r" % (cl, buf[:100]))
                self.assertLess(time.time() - t, 3, "the 413 waited for a body")
                if cl != "99999999999999999999":  # past 2^64: libmicrohttpd answers itself (docs/security.md)
                    for name in SEC:
                        self.assertIn(name.lower(), h, "the 413 for %s has no %s" % (cl, name))
                    self.assertIn("Dữ liệu gửi lên vượt quá dung lượng cho phép", buf.decode("utf-8", "replace"))

    def test_expect_continue_over_limit_gets_no_continue(self):
        s = self.send_headers("1000000", "Expect: 100-continue\r\n")
        buf = read_answer(s)
        s.close()
        self.assertTrue(buf.startswith(b"HTTP/1.1 413"), "Expect: 100-continue over the limit: %r" % buf[:60])

    def test_chunked_refused_as_it_passes_the_limit(self):
        s = socket.create_connection(("127.0.0.1", self.srv.port))
        s.sendall(("POST /quan-tri/dang-nhap HTTP/1.1\r\nHost: snv.%s\r\nTransfer-Encoding: chunked\r\n"
                   "Content-Type: application/x-www-form-urlencoded\r\n\r\n" % BASE).encode())
        got = b""
        sent = 0
        for _ in range(200):  # up to 200 kB, a kB at a time; the limit is 4 kB
            try:
                s.sendall(b"3e8\r\n" + b"x" * 1000 + b"\r\n")
                sent += 1000
            except OSError:
                break
            s.settimeout(0.05)
            try:
                c = s.recv(65536)
                got += c
                if got.count(b"\r\n\r\n") and not c:
                    break
                if b"</html>" in got:
                    break
            except socket.timeout:
                pass
            except ConnectionResetError:
                break
        s.close()
        status, h = head_of(got)
        self.assertEqual(status, 413, "a chunked body passing 4 kB: %r" % got[:100])
        self.assertLess(sent, 100000, "the server read %d bytes before refusing" % sent)
        for name in SEC:
            self.assertIn(name.lower(), h, "the chunked 413 has no %s" % name)

    def test_http11_without_host_is_400(self):
        s = socket.create_connection(("127.0.0.1", self.srv.port))
        s.sendall(b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
        buf = read_answer(s)
        s.close()
        status, h = head_of(buf)
        self.assertEqual(status, 400, "HTTP/1.1 without Host: %r" % buf[:80])
        for name in SEC:
            self.assertIn(name.lower(), h, "the 400 has no %s" % name)
        self.assertIn("Host", buf.decode("utf-8", "replace").partition("\r\n\r\n")[2])
        s = socket.create_connection(("127.0.0.1", self.srv.port))
        s.sendall(b"GET / HTTP/1.0\r\n\r\n")
        status, _ = head_of(read_answer(s))
        s.close()
        self.assertEqual(status, 404, "HTTP/1.0 may omit Host (unknown site: 404)")


class HalfClose(CongTest):
    def test_no_close_wait_after_client_half_close(self):
        srv = Server(self.fx.data, workdir=self.fx.tmp, extra=["--timeout", "60"]).start()
        self.addCleanup(srv.stop)
        host = ("snv." + BASE).encode()
        kinds = {
            "GET then FIN": b"GET / HTTP/1.1\r\nHost: " + host + b"\r\n\r\n",
            "POST with its body then FIN": b"POST /quan-tri/dang-nhap HTTP/1.1\r\nHost: " + host +
            b"\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n\r\na=b&c",
            "half a request then FIN": b"GET / HTTP/1.1\r\nHost: sn",
            "nothing then FIN": b"",
        }
        for what, data in kinds.items():
            with self.subTest(what=what):
                held = []
                for _ in range(20):
                    s = socket.create_connection(("127.0.0.1", srv.port))
                    if data:
                        s.sendall(data)
                    s.shutdown(socket.SHUT_WR)  # the client keeps its socket open: only the server can close
                    held.append(s)
                deadline = time.time() + 3
                while time.time() < deadline and close_wait(srv.port):
                    time.sleep(0.1)
                n = close_wait(srv.port)
                for s in held:
                    s.close()
                self.assertEqual(n, 0, "%s: %d of 20 server sockets still in CLOSE-WAIT after 3 s" % (what, n))
