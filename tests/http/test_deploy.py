"""Running 24/7 (issue #12): contrib/ tested where a test can run it — the nginx site (`nginx -t`,
then cong behind a real nginx on loopback with a self-signed certificate: X-Forwarded-Proto and
-For, absolute links in https), the systemd unit (`systemd-analyze verify`), the logrotate
configuration (a real rotation) — and SIGHUP reloading templates without dropping connections,
JSON log lines, absolute links following the request's scheme."""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time

import conglib
from conglib import BASE, CONG, PASSWORD, ROOT, Client, CongTest, Server, free_port, host_of, module_fixture

setUpModule, tearDownModule = module_fixture()

CONTRIB = os.path.join(ROOT, "contrib")


def wait_port(port, proc, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            return False
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def canonical(text):
    m = re.search(r'<link rel="canonical" href="([^"]*)"', text)
    return m.group(1) if m else None


def og_url(text):
    m = re.search(r'<meta property="og:url" content="([^"]*)"', text)
    return m.group(1) if m else None


class Scheme(CongTest):
    def test_links_follow_the_request_scheme(self):
        srv = Server(self.fx.data, workdir=self.fx.tmp, extra=["--trust-proxy", "127.0.0.1"]).start()
        self.addCleanup(srv.stop)
        c = Client(srv, host_of("snv"))
        plain = self.expect(c.get("/"), 200)
        secure = self.expect(c.get("/", headers={"X-Forwarded-Proto": "https"}), 200)
        again = self.expect(c.get("/"), 200)
        want = "snv.%s:%d/" % (BASE, srv.port)
        self.assertEqual(canonical(plain.text), "http://" + want)
        self.assertEqual(canonical(secure.text), "https://" + want, "canonical behind a TLS proxy")
        self.assertEqual(og_url(secure.text), "https://" + want, "og:url behind a TLS proxy")
        self.assertEqual(canonical(again.text), "http://" + want, "the page cache gave the https page to http")
        self.assertNotIn('href="http://', re.sub(r'href="http://(www\.w3|purl\.org/dc/|[^"]*example\.org)', "", secure.text).replace(
            'href="http://' + want, "X"), "an http:// link of ours on the https page")
        main = self.expect(Client(srv, host_of(None)).get("/", headers={"X-Forwarded-Proto": "https"}), 200)
        links = re.findall(r'href="(https?://[^"]*\.%s[^"]*)"' % re.escape(BASE), main.text)
        self.assertTrue(links, "no absolute link to a site on the main portal's home")
        self.assertTrue(all(u.startswith("https://") for u in links), [u for u in links if not u.startswith("https")])
        # an untrusted sender cannot switch the scheme
        r = Client(self.fx.server, host_of("snv")).get("/", headers={"X-Forwarded-Proto": "https"})
        self.assertTrue(canonical(r.text).startswith("http://"), canonical(r.text))


class BehindNginx(CongTest):
    """cong behind the nginx of contrib/nginx/cong.conf, as installed, with only its ports, its
    upstream and its certificate files changed."""

    @classmethod
    def setUpClass(cls):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not os.path.exists(nginx):
            raise AssertionError("nginx is missing (Debian package nginx: sudo sh scripts/deps.sh test)")
        cls.tmp = tempfile.mkdtemp(prefix="cong-nginx-")
        os.chmod(cls.tmp, 0o755)
        t = cls.tmp
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                        "/CN=%s" % BASE, "-addext", "subjectAltName=DNS:%s,DNS:*.%s" % (BASE, BASE),
                        "-keyout", os.path.join(t, "key.pem"), "-out", os.path.join(t, "cert.pem")],
                       check=True, capture_output=True)
        cls.cong = Server(cls.fx.data, workdir=cls.fx.tmp, extra=["--trust-proxy", "127.0.0.1"]).start()
        cls.tls_port, cls.http_port = free_port(), free_port()
        with open(os.path.join(CONTRIB, "nginx", "cong.conf")) as f:
            site = f.read()
        subs = [("127.0.0.1:8080", "127.0.0.1:%d" % cls.cong.port),
                ("/etc/ssl/cong/fullchain.pem", os.path.join(t, "cert.pem")),
                ("/etc/ssl/cong/privkey.pem", os.path.join(t, "key.pem")),
                ("listen 443 ssl", "listen 127.0.0.1:%d ssl" % cls.tls_port),
                ("listen 80;", "listen 127.0.0.1:%d;" % cls.http_port)]
        for a, b in subs:
            if a not in site:
                raise AssertionError("contrib/nginx/cong.conf has no %r any more: update this test" % a)
            site = site.replace(a, b)
        site = "\n".join(l for l in site.splitlines() if "[::]" not in l)  # no IPv6 needed on loopback
        with open(os.path.join(t, "cong.conf"), "w") as f:
            f.write(site)
        for d in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            os.mkdir(os.path.join(t, d))
            os.chmod(os.path.join(t, d), 0o777)
        main = os.path.join(t, "nginx.conf")
        with open(main, "w") as f:
            f.write("daemon off;\nworker_processes 1;\npid %s/nginx.pid;\nerror_log %s/error.log warn;\n"
                    "events { worker_connections 128; }\nhttp {\n  access_log %s/access.log;\n"
                    "  client_body_temp_path %s/body;\n  proxy_temp_path %s/proxy;\n  fastcgi_temp_path %s/fastcgi;\n"
                    "  uwsgi_temp_path %s/uwsgi;\n  scgi_temp_path %s/scgi;\n  include %s/cong.conf;\n}\n"
                    % ((t,) * 9))
        cls.nginx_cmd = [nginx, "-p", t, "-e", os.path.join(t, "error.log"), "-c", main]
        cls.check = subprocess.run(cls.nginx_cmd + ["-t"], capture_output=True, text=True)
        cls.proc = None
        if cls.check.returncode == 0:
            cls.proc = subprocess.Popen(cls.nginx_cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if not wait_port(cls.tls_port, cls.proc):
                raise AssertionError("nginx did not start: " + open(os.path.join(t, "error.log")).read()[-500:])

    @classmethod
    def tearDownClass(cls):
        if cls.proc:
            cls.proc.send_signal(signal.SIGQUIT)
            try:
                cls.proc.wait(10)
            except subprocess.TimeoutExpired:
                cls.proc.kill()
                cls.proc.wait()
        cls.cong.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def https(self, method, path, host="snv", headers=None, body=None, source="127.0.0.1"):
        """One request over TLS to nginx from SOURCE (SNI and the certificate check with the
        site's name); returns (status, [(name, value)], text)."""
        ctx = ssl.create_default_context(cafile=os.path.join(self.tmp, "cert.pem"))
        hostname = host_of(host)
        raw = socket.create_connection(("127.0.0.1", self.tls_port), 10, (source, 0))
        s = ctx.wrap_socket(raw, server_hostname=hostname)
        h = {"Host": "%s:%d" % (hostname, self.tls_port), "Connection": "close"}
        h.update(headers or {})
        data = body.encode() if body else b""
        if body is not None:
            h["Content-Length"] = str(len(data))
        s.sendall(("%s %s HTTP/1.1\r\n" % (method, path) + "".join("%s: %s\r\n" % kv for kv in h.items()) +
                   "\r\n").encode() + data)
        buf = b""
        while True:
            try:
                c = s.recv(65536)
            except (ssl.SSLError, ConnectionResetError):
                break
            if not c:
                break
            buf += c
        s.close()
        head, _, rest = buf.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        hdrs = [tuple(x.strip() for x in l.split(":", 1)) for l in lines[1:] if ":" in l]
        if any(k.lower() == "transfer-encoding" and "chunked" in v for k, v in hdrs):
            rest = conglib.dechunk(rest)
        return int(lines[0][9:12]), hdrs, rest.decode("utf-8", "replace")

    def test_nginx_t_accepts_the_site(self):
        self.assertEqual(self.check.returncode, 0, "nginx -t: %s" % self.check.stderr)
        self.assertIn("test is successful", self.check.stderr)

    def test_https_links_hsts_secure_cookies(self):
        status, headers, text = self.https("GET", "/")
        self.assertEqual(status, 200, text[:200])
        want = "https://snv.%s:%d/" % (BASE, self.tls_port)
        self.assertEqual(canonical(text), want, "canonical through nginx")
        self.assertEqual(og_url(text), want, "og:url through nginx")
        hd = {k.lower(): v for k, v in headers}
        self.assertIn("max-age=", hd.get("strict-transport-security", ""), "no HSTS behind nginx's TLS")
        status, headers, text = self.https("GET", "/quan-tri/dang-nhap")
        cookies = [v for k, v in headers if k.lower() == "set-cookie"]
        self.assertTrue(cookies and all("Secure" in c for c in cookies), cookies)

    def test_client_address_is_the_browsers(self):
        user = "quanginx"
        self.fx.add_user(user, "reporter", "snv")
        status, headers, _ = self.https("GET", "/quan-tri/dang-nhap", source="127.0.3.7")
        jar = "; ".join(v.split(";", 1)[0] for k, v in headers if k.lower() == "set-cookie")
        csrf = re.search(r"cong_csrf=([^;]+)", jar).group(1)
        body = "username=%s&password=Sai%%40mat-khau1&csrf=%s" % (user, csrf)
        # a forged X-Forwarded-For is replaced by nginx with the real address
        status, _, text = self.https("POST", "/quan-tri/dang-nhap", source="127.0.3.7", body=body, headers={
            "Cookie": jar, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "203.0.113.9"})
        self.assertEqual(status, 401, text[:200])
        rows = self.fx.sql("SELECT address FROM audit WHERE object = ? ORDER BY id DESC LIMIT 1", (user,))
        addr = rows[0] if rows else None
        self.assertEqual(addr and addr[0], "127.0.3.7", "the audit log's address behind nginx")

    def test_metrics_not_through_nginx_and_http_redirects(self):
        status, _, _ = self.https("GET", "/metrics")
        self.assertEqual(status, 404, "/metrics answered through nginx")
        r = Client(self.cong, host_of(None)).get("/metrics")
        self.assertEqual(r.status, 200, "/metrics on the loopback, without nginx")
        c = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=10)
        c.request("GET", "/tin/x-1", headers={"Host": host_of("snv")})
        r = c.getresponse()
        self.assertEqual(r.status, 301)
        self.assertEqual(r.getheader("Location"), "https://%s/tin/x-1" % host_of("snv"))
        c.close()


class Systemd(CongTest):
    def test_unit_verifies(self):
        sa = shutil.which("systemd-analyze")
        if not sa:
            self.skipTest("systemd-analyze is not installed")
        tmp = tempfile.mkdtemp(prefix="cong-unit-")
        self.addCleanup(shutil.rmtree, tmp, True)
        with open(os.path.join(CONTRIB, "cong.service")) as f:
            unit = f.read()
        for key in ("ProtectSystem=strict", "ReadWritePaths=/var/lib/cong", "NoNewPrivileges=yes", "PrivateTmp=yes",
                    "LimitNOFILE=", "Restart=on-failure", "ExecReload=/bin/kill -HUP $MAINPID"):
            self.assertIn(key, unit)
        # the binary where this test built it, for the executable check of verify
        unit = unit.replace("/usr/local/bin/cong", os.path.abspath(CONG))
        path = os.path.join(tmp, "cong.service")
        with open(path, "w") as f:
            f.write(unit)
        p = subprocess.run([sa, "verify", path], capture_output=True, text=True, timeout=60)
        ours = [l for l in (p.stdout + p.stderr).splitlines() if "cong.service" in l]
        self.assertEqual(ours, [], "systemd-analyze verify: %s" % ours)


class Logrotate(CongTest):
    def test_rotates_and_keeps_writing(self):
        lr = shutil.which("logrotate") or "/usr/sbin/logrotate"
        if not os.path.exists(lr):
            self.fail("logrotate is missing (Debian package logrotate: sudo sh scripts/deps.sh test)")
        tmp = tempfile.mkdtemp(prefix="cong-logrotate-")
        self.addCleanup(shutil.rmtree, tmp, True)
        with open(os.path.join(CONTRIB, "logrotate.d", "cong")) as f:
            conf = f.read()
        self.assertIn("/var/log/cong/*.log", conf)
        conf = conf.replace("/var/log/cong/", tmp + "/")
        cpath = os.path.join(tmp, "cong.conf")
        with open(cpath, "w") as f:
            f.write(conf)
        os.chmod(cpath, 0o644)
        log = os.path.join(tmp, "cong.log")
        # a writer that keeps its descriptor, as cong's stderr does
        w = open(log, "a")
        w.write("2026-12-07T00:00:00Z info truoc\n")
        w.flush()
        p = subprocess.run([lr, "-f", "-s", os.path.join(tmp, "state"), cpath], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        rotated = [n for n in os.listdir(tmp) if n.startswith("cong.log-")]
        self.assertTrue(rotated, "nothing rotated: %s" % os.listdir(tmp))
        with open(os.path.join(tmp, rotated[0])) as f:
            self.assertIn("truoc", f.read())
        w.write("2026-12-07T00:00:01Z info sau\n")
        w.close()
        with open(log) as f:
            after = f.read()
        self.assertIn("sau", after)
        self.assertNotIn("truoc", after, "copytruncate: the live file starts empty")


class Reload(CongTest):
    def test_sighup_reloads_templates_without_dropping_connections(self):
        root = tempfile.mkdtemp(prefix="cong-root-")
        self.addCleanup(shutil.rmtree, root, True)
        shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(root, "templates"))
        for d in ("static", "locale", "node_modules"):
            if os.path.exists(os.path.join(ROOT, d)):
                os.symlink(os.path.join(ROOT, d), os.path.join(root, d))
        orig = conglib.cong_env

        def env():
            e = orig()
            e["CONG_ROOT"] = root
            return e
        conglib.cong_env = env
        try:
            srv = Server(self.fx.data, workdir=self.fx.tmp).start()
        finally:
            conglib.cong_env = orig
        self.addCleanup(srv.stop)
        host = host_of("snv") + ":%d" % srv.port
        req = ("GET / HTTP/1.1\r\nHost: %s\r\n\r\n" % host).encode()

        def answer(s):
            buf = b""
            while b"\r\n\r\n" not in buf:
                buf += s.recv(65536)
            head, _, body = buf.partition(b"\r\n\r\n")
            n = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))
            while len(body) < n:
                body += s.recv(65536)
            return int(head[9:12]), body.decode("utf-8", "replace")

        marker = "<!-- mau-moi-sau-sighup -->"
        keep = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
        keep.sendall(req)
        st, body = answer(keep)
        self.assertEqual(st, 200)
        self.assertNotIn(marker, body)
        half = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
        half.sendall(req[:20])  # a request on its way during the reload
        path = os.path.join(root, "templates", "layout.mustache")
        with open(path) as f:
            layout = f.read()
        with open(path, "w") as f:
            f.write(layout.replace("</body>", marker + "\n</body>", 1))
        srv.proc.send_signal(signal.SIGHUP)
        deadline = time.time() + 5
        while time.time() < deadline and "reloaded" not in srv.log_tail(20):
            time.sleep(0.05)
        self.assertIn("reloaded", srv.log_tail(20), "no reload in the log after SIGHUP")
        self.assertTrue(srv.alive(), "the server stopped on SIGHUP")
        keep.sendall(req)
        st, body = answer(keep)
        self.assertEqual(st, 200, "the keep-alive connection open during SIGHUP")
        self.assertIn(marker, body, "the changed template is not shown after SIGHUP (or the cache kept the old page)")
        half.sendall(req[20:])
        st, body = answer(half)
        self.assertEqual(st, 200, "the request arriving during SIGHUP")
        keep.close()
        half.close()
        # a broken template: the reload is refused and the pages in service stay
        with open(path, "w") as f:
            f.write(layout.replace("</body>", "{{#khong_dong}}\n</body>", 1))
        srv.proc.send_signal(signal.SIGHUP)
        deadline = time.time() + 5
        while time.time() < deadline and "reload failed" not in srv.log_tail(20):
            time.sleep(0.05)
        self.assertIn("reload failed", srv.log_tail(20))
        r = Client(srv, host_of("snv")).get("/")
        self.assertEqual(r.status, 200)
        self.assertIn(marker, r.text, "the templates in service changed by a failed reload")


class JsonLog(CongTest):
    def test_one_json_object_a_line(self):
        srv = Server(self.fx.data, workdir=self.fx.tmp, extra=["--log-format", "json"])
        srv.quiet = False
        srv.start()
        self.addCleanup(srv.stop)
        Client(srv, host_of("snv")).get('/x%0a%22quote%5C%ff')
        srv.stop()
        with open(srv.log_path, "rb") as f:
            lines = [l for l in f.read().decode("utf-8").splitlines() if l.startswith("{")]
        self.assertTrue(lines, "no JSON line in the log")
        recs = [json.loads(l) for l in lines]
        for rec in recs:
            self.assertEqual(set(rec), {"time", "level", "msg"}, rec)
            self.assertRegex(rec["time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertTrue(any("/x" in r["msg"] and "quote" in r["msg"] for r in recs), "the request's line: %s" % recs[-3:])
        p = subprocess.run([CONG, "serve", "--data", self.fx.data, "--log-format", "xml"], capture_output=True, text=True,
                           env=conglib.cong_env(), timeout=10)
        self.assertEqual(p.returncode, 2)
        self.assertIn("--log-format must be text or json", p.stderr)
