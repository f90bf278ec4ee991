"""Routing by the Host header: main portal, component sites, nested communes, extra domains,
unknown hosts (a 404 that shows no site's content)."""
import re
import socket
import threading
import urllib.parse

from conglib import (BASE, MAIN_NAME, MSG, SITE_NAMES, Client, CongTest, module_fixture, squash, text_of)

setUpModule, tearDownModule = module_fixture()


def brand(r):
    """The site name in the page header."""
    for el in r.tree().iter("span"):
        if el.get("class") == "brand-name":
            return squash(text_of(el))
    return None


class HostRouting(CongTest):
    def home(self, host, port=True):
        c = Client(self.fx.server, host, port_in_host=port)
        return c.get("/")

    def assert_site(self, host, name, port=True):
        r = self.expect(self.home(host, port), 200, "Host %s" % host)
        self.check_html(r)
        self.assertEqual(brand(r), name, "Host %s: the header names %r, expected %r" % (host, brand(r), name))
        h1 = r.find_all("h1")
        self.assertTrue(h1 and squash(text_of(h1[0])) == name, "Host %s: <h1> is not %r" % (host, name))
        return r

    def assert_unknown(self, host):
        r = self.expect(self.home(host), 404, "Host %s" % host)
        self.check_html(r, chrome=False)
        for name in SITE_NAMES:
            self.assertNotIn_(name, r, "the 404 of an unknown host shows a site's name")
        self.assertNotIn_("site-header", r, "the 404 of an unknown host has a site's header")
        self.assertIn_(MSG["unknown_host"], r, "the unknown-host message")
        return r

    def test_main_portal(self):
        r = self.assert_site(BASE, MAIN_NAME)
        # the main portal lists its component sites, with their own host names
        for slug in ("snv", "longho", "chauthanh", "stc"):
            self.assertIn("http://%s.%s:%d/" % (slug, BASE, self.fx.port), r.links(),
                          "the main portal does not link component site %s" % slug)

    def test_www_is_main_portal(self):
        self.assert_site("www." + BASE, MAIN_NAME)

    def test_component_site(self):
        r = self.assert_site("snv." + BASE, "Sở Nội vụ")
        self.assertNotIn_(">Huyện Long Hồ<", r, "a department's home lists another site")

    def test_district_lists_its_communes(self):
        r = self.assert_site("longho." + BASE, "Huyện Long Hồ")
        self.assertIn("http://chauthanh.%s:%d/" % (BASE, self.fx.port), r.links(),
                      "the district's home does not link its commune")

    def test_commune_nested_host(self):
        self.assert_site("chauthanh.longho." + BASE, "Xã Châu Thành")

    def test_commune_short_host(self):
        self.assert_site("chauthanh." + BASE, "Xã Châu Thành")

    def test_extra_domain(self):
        self.assert_site("extra.example.org", "Sở Tài chính")
        self.assert_site("stc." + BASE, "Sở Tài chính")

    def test_port_ignored(self):
        self.assert_site("snv.%s:1234" % BASE, "Sở Nội vụ", port=False)
        self.assert_site("snv." + BASE, "Sở Nội vụ", port=False)
        self.assert_site("extra.example.org:80", "Sở Tài chính", port=False)

    def test_host_case_insensitive(self):
        self.assert_site("SNV.Example.GOV.VN", "Sở Nội vụ")

    def test_links_carry_request_port(self):
        r = self.expect(self.home("snv." + BASE), 200)
        canon = [l.get("href") for l in r.find_all("link", rel="canonical")]
        self.assertEqual(canon, ["http://snv.%s:%d/" % (BASE, self.fx.port)], "canonical URL of snv's home")

    def test_unknown_hosts(self):
        for host in ("wrong.longho." + BASE, "main." + BASE, "nope." + BASE, "evil.com",
                     "chauthanh.snv." + BASE, "longho.chauthanh." + BASE, "snv.snv." + BASE,
                     BASE + ".evil.com", "evil" + BASE, "www.snv." + BASE):
            with self.subTest(host=host):
                self.assert_unknown(host)

    def test_main_slug_is_not_a_parent_label(self):
        # main.BASE is refused; so must be hosts that go through the main portal's slug
        for host in ("longho.main." + BASE, "snv.main." + BASE, "chauthanh.longho.main." + BASE):
            with self.subTest(host=host):
                self.assert_unknown(host)

    def test_host_port_not_copied_into_links(self):
        # "a port in the Host header is ignored": what follows the colon must not turn the
        # page's absolute links (canonical, main portal, component sites) into links elsewhere
        for host in ("snv.%s:8080" % BASE, "snv.%s:@evil.com" % BASE, "snv.%s:80/evil.com/" % BASE, "%s:1@evil.com" % BASE,
                     'snv.%s:1"onmouseover="x' % BASE):
            with self.subTest(host=host):
                r = Client(self.fx.server, host, port_in_host=False).get("/")
                if r.status in (400, 404):
                    continue  # refusing such a Host is fine
                self.expect(r, 200)
                # (the Dublin Core schema's link names a namespace, not a page)
                heads = [l.get("href") for l in r.find_all("link") if l.get("rel") != "schema.DC"]
                urls = [u for u in r.links() + heads if u and u.startswith("http")]
                bad = [u for u in urls if not re.fullmatch(r"([a-z0-9-]+\.)*%s(:\d+)?" % re.escape(BASE),
                                                            urllib.parse.urlsplit(u).netloc) or "evil" in u]
                self.assertFalse(bad, "Host %r: the page links %s" % (host, bad[:3]))
                self.assertNotIn_("onmouseover", r, "Host %r copied into the page" % host)

    def test_invalid_host_bytes(self):
        for host in (b"ev\xffil.com", b"snv." + BASE.encode() + b"\xc3", b"<b>x</b>.com"):
            with self.subTest(host=host):
                st, reason, headers, body = self.fx.server.raw(
                    b"GET / HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n")
                self.assertIn(st, (400, 404), "Host %r: status %d" % (host, st))
                body.decode("utf-8")  # raises on invalid UTF-8 copied into the page
                self.assertNotIn(b"<b>x</b>", body, "the Host is copied into the page unescaped")

    def test_keep_alive_routes_each_request(self):
        # one connection, several requests: each is routed by its own Host
        hosts = [("snv." + BASE, "Sở Nội vụ"), ("longho." + BASE, "Huyện Long Hồ"), (BASE, MAIN_NAME),
                 ("evil.com", None), ("chauthanh." + BASE, "Xã Châu Thành")]
        s = socket.create_connection(("127.0.0.1", self.fx.port), timeout=10)
        f = s.makefile("rb")
        try:
            for host, name in hosts:
                s.sendall(("GET / HTTP/1.1\r\nHost: %s\r\n\r\n" % host).encode())
                status = int(f.readline().split()[1])
                length = None
                while True:
                    line = f.readline().strip()
                    if not line:
                        break
                    k, _, v = line.decode("latin-1").partition(":")
                    if k.lower() == "content-length":
                        length = int(v)
                self.assertIsNotNone(length, "no Content-Length on a keep-alive answer")
                body = f.read(length).decode("utf-8")
                if name is None:
                    self.assertEqual(status, 404, "Host %s on a kept-alive connection" % host)
                    for n in SITE_NAMES:
                        self.assertNotIn(n, body, "Host %s on a kept-alive connection shows %s" % (host, n))
                else:
                    self.assertEqual(status, 200, "Host %s on a kept-alive connection" % host)
                    self.assertIn('brand-name">%s<' % name, body, "Host %s on a kept-alive connection" % host)
        finally:
            f.close()
            s.close()

    def test_concurrent_requests_keep_their_site(self):
        hosts = [("snv." + BASE, "Sở Nội vụ"), ("longho." + BASE, "Huyện Long Hồ"), (BASE, MAIN_NAME),
                 ("chauthanh.longho." + BASE, "Xã Châu Thành"), ("extra.example.org", "Sở Tài chính")]
        errors = []

        def worker(i):
            host, name = hosts[i % len(hosts)]
            try:
                r = Client(self.fx.server, host).get("/")
                if r.status != 200 or brand(r) != name:
                    errors.append("%s: %d %r" % (host, r.status, brand(r)))
            except Exception as e:  # noqa: BLE001 — reported below
                errors.append("%s: %s" % (host, e))
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(60)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        self.assertFalse(errors, "concurrent requests got another site or failed: %s" % errors[:3])

    def test_unknown_host_every_path(self):
        c = Client(self.fx.server, "evil.com")
        for path in ("/chuyen-muc/x-1", "/tin/x-1", "/quan-tri/", "/quan-tri/dang-nhap", "/khong-co"):
            with self.subTest(path=path):
                r = self.expect(c.get(path), 404)
                for name in SITE_NAMES:
                    self.assertNotIn_(name, r, "unknown host page")

    def test_any_host_files(self):
        # static files, robots.txt and the health check answer on every host
        c = Client(self.fx.server, "evil.com")
        r = self.expect(c.get("/static/css/site.css"), 200)
        self.assertTrue(r.ctype.startswith("text/css"), "site.css Content-Type %r" % r.ctype)
        self.assertEqual(r.header("X-Content-Type-Options"), "nosniff")
        self.assertGreater(len(r.body), 100, "site.css is (nearly) empty")
        r = self.expect(c.get("/robots.txt"), 200)
        self.assertIn("Disallow: /quan-tri/", r.text)
        r = self.expect(c.get("/healthz"), 200)
        self.assertIn('"ok"', r.text)

    def test_site_404(self):
        c = self.fx.client("snv")
        r = self.page(c, "/khong-co-trang-nay", 404)
        self.assertEqual(brand(r), "Sở Nội vụ", "a site's 404 page shows the site's header")
        r = self.page(c, "/tin/khong-co-99999", 404)
        r = self.page(c, "/chuyen-muc/khong-co-99999", 404)
        self.expect(c.get("/static/../../etc/passwd"), 404)
        self.expect(c.get("/static/css/khong-co.css"), 404)
        self.expect(c.get("/media/" + "0" * 64 + ".png"), 404)
        self.expect(c.get("/media/..%2F..%2Fcong.db"), 404)

    def test_method_not_allowed(self):
        c = self.fx.client("snv")
        r = self.expect(c.request("DELETE", "/"), 405)
        r = self.expect(c.post("/", [("a", "b")], csrf=False), 405)
        self.check_html(r)
