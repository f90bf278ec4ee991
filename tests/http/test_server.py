"""The server process: clean shutdown on SIGTERM/SIGINT (even with an idle connection open),
IPv6 listening, the body-size limit (413), bad --listen values."""
import signal
import socket
import subprocess
import time

from conglib import (BASE, CONG, MAIN_NAME, MSG, Client, CongTest, Fixture, Server, cong_env, raw_request)


class Lifecycle(CongTest):
    def run_and_stop(self, sig):
        fx = Fixture()
        try:
            c = fx.client()
            self.expect(c.get("/"), 200)
            # an idle keep-alive connection must not hold the shutdown
            idle = socket.create_connection(("127.0.0.1", fx.port))
            idle.sendall(("GET /healthz HTTP/1.1\r\nHost: %s\r\n\r\n" % BASE).encode())
            idle.settimeout(5)
            self.assertIn(b" 200 ", idle.recv(4096), "keep-alive request")
            t0 = time.time()
            rc = fx.server.stop(sig, timeout=5)
            took = time.time() - t0
            idle.close()
            self.assertIsNotNone(rc, "the server did not exit within 5 s of %s" % sig.name)
            self.assertEqual(rc, 0, "exit code %s after %s: %s" % (rc, sig.name, fx.server.log_tail()))
            self.assertLess(took, 5)
            self.assertIsNone(fx.server.sanitizer_report(), "sanitizer report in the server's log")
            with self.assertRaises(OSError, msg="still listening after exit"):
                socket.create_connection(("127.0.0.1", fx.port), timeout=1).close()
        finally:
            fx.close()

    def test_sigterm(self):
        self.run_and_stop(signal.SIGTERM)

    def test_sigint(self):
        self.run_and_stop(signal.SIGINT)

    def test_bad_listen(self):
        for listen in ("nonsense", "127.0.0.1:notaport", "[::1:80"):
            with self.subTest(listen=listen):
                p = subprocess.run([CONG, "serve", "--data", "/nonexistent-cong-data", "--listen", listen, "--quiet"],
                                   capture_output=True, env=cong_env(), timeout=10)
                self.assertNotEqual(p.returncode, 0, "--listen %s accepted" % listen)

    def test_port_in_use(self):
        # a second server on a port already served must fail, not share it: with both
        # listening the kernel would deal connections to either (another --data even)
        fx = Fixture()
        p = subprocess.Popen([CONG, "serve", "--data", fx.data, "--listen", "127.0.0.1:%d" % fx.port, "--quiet"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=cong_env())
        try:
            try:
                rc = p.wait(3)
            except subprocess.TimeoutExpired:
                rc = None
            self.assertIsNotNone(rc, "a second `cong serve` on 127.0.0.1:%d (in use) is still running after 3 s: "
                                     "it shares the port (SO_REUSEPORT?)" % fx.port)
            self.assertNotEqual(rc, 0, "a second server on a port in use exited 0")
            self.assertTrue(fx.server.alive(), "the first server died")
        finally:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
            self.assertEqual(fx.close(), 0)


def have_ipv6_loopback():
    if not socket.has_ipv6:
        return False
    try:
        s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        s.bind(("::1", 0))
        s.close()
        return True
    except OSError:
        return False


class IPv6(CongTest):
    def test_listen_ipv6(self):
        if not have_ipv6_loopback():
            self.skipTest("no IPv6 loopback on this machine")
        fx = Fixture()
        srv = Server(fx.data, listen_addr="::1", family=socket.AF_INET6, workdir=fx.tmp)
        try:
            srv.start()
            c = Client(srv, BASE)
            r = self.expect(c.get("/"), 200, "main portal over IPv6")
            self.assertIn_(MAIN_NAME, r, "the main portal over IPv6")
            self.check_html(r)
            r = self.expect(Client(srv, "snv." + BASE).get("/"), 200, "snv over IPv6")
            self.assertIn_("Sở Nội vụ", r, "snv over IPv6")
            r = self.expect(c.get("/", host="[::1]:%d" % srv.port), 404, "Host [::1]")
            self.assertNotIn_(MAIN_NAME, r, "an IP literal host")
            # it listens on ::1 only, not on IPv4
            with self.assertRaises(OSError, msg="the IPv6 server answers on 127.0.0.1"):
                raw_request("127.0.0.1", srv.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", timeout=1)
        finally:
            rc = srv.stop()
            san = srv.sanitizer_report()
            fx.close()
        self.assertIsNone(san, "sanitizer report in the IPv6 server's log")
        self.assertEqual(rc, 0, "the IPv6 server's exit code after SIGTERM")


class BodyLimit(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.small = Fixture(extra_serve=("--max-body", "2048"))

    @classmethod
    def tearDownClass(cls):
        rc = cls.small.server.stop()
        san = cls.small.server.sanitizer_report()
        cls.small.close()
        if san:
            raise AssertionError("sanitizer report in the --max-body server's log: " + san)
        if rc != 0:
            raise AssertionError("the --max-body server's exit code after SIGTERM: %s" % rc)

    def assert_413(self, r, what):
        self.expect(r, 413, what)
        self.assertIn_(MSG["body_too_large"], r, what + ": the Vietnamese message")
        self.check_html(r)

    def test_form_over_limit(self):
        c = self.small.client("snv")
        self.assert_413(c.post("/quan-tri/dang-nhap", [("username", "admin"), ("password", "x" * 4000)]),
                        "a 4 kB form with --max-body 2048")

    def test_under_limit_still_works(self):
        c = self.small.client("snv")
        self.expect(c.post("/quan-tri/dang-nhap", [("username", "admin"), ("password", "Sai@123456")]), 401,
                    "a small form with --max-body 2048")

    def test_upload_over_limit(self):
        c = self.small.admin("admin", "snv")
        r = c.post("/quan-tri/bai-viet/moi", [("title", "Ảnh lớn"), ("body", "x"), ("cover_alt", "ảnh")],
                   files=[("cover", "lon.png", "image/png", b"\x89PNG" + b"\0" * 8000)])
        self.assert_413(r, "an 8 kB upload with --max-body 2048")
        r = self.expect(c.get("/quan-tri/"), 200)
        self.assertNotIn_("Ảnh lớn", r, "the article of a refused request was saved")

    def test_chunked_over_limit(self):
        c = self.small.client("snv")
        c.csrf()
        body = b"username=admin&password=" + b"x" * 5000
        chunks = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 1000]), body[i:i + 1000]) for i in range(0, len(body), 1000))
        data = ("POST /quan-tri/dang-nhap HTTP/1.1\r\nHost: snv.%s\r\nConnection: close\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"
                "Cookie: cong_csrf=%s\r\n\r\n" % (BASE, c.cookies["cong_csrf"])).encode() + chunks + b"0\r\n\r\n"
        status, headers, rbody = raw_request("127.0.0.1", self.small.port, data)
        self.assertEqual(status, 413, "a chunked 5 kB body with --max-body 2048: got %d" % status)
        self.assertIn(MSG["body_too_large"], rbody.decode("utf-8", "replace"))

    def test_default_limit_24mib(self):
        srv = Server(self.small.data, workdir=self.small.tmp).start()  # the default --max-body
        try:
            c = Client(srv, "snv." + BASE)
            big = b"x" * (24 * 1024 * 1024 + 1)
            r = c.post("/quan-tri/dang-nhap", raw_body=b"username=a&password=" + big, csrf=False,
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
            self.assert_413(r, "a 24 MiB + 21 byte body with the default limit")
            r = c.post("/quan-tri/dang-nhap", [("username", "admin"), ("password", "y" * 100000)])
            self.expect(r, 401, "a 100 kB form is under the default limit")
        finally:
            self.assertEqual(srv.stop(), 0, "exit code after SIGTERM")
            self.assertIsNone(srv.sanitizer_report(), "sanitizer report in the server's log")
