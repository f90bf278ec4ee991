"""Public pages: pagination of a category, every kind of page valid HTML5 with lang, skip link,
viewport and the site's footer lines, and the security headers."""
import re

from conglib import (BASE, MAIN_NAME, SNV_INFO, CongTest, module_fixture, squash, text_of)

setUpModule, tearDownModule = module_fixture()

N_ARTICLES = 14  # 12 per page: two pages


class Base(CongTest):
    @classmethod
    def setUpClass(cls):
        fx = cls.fx
        if hasattr(type(fx), "_pages"):
            return
        snv = fx.admin("duyet", "snv")
        cid, cpath = fx.category(snv, "Tin tức - Sự kiện", description="Tin hoạt động của Sở.")
        sub, spath = fx.category(snv, "Hoạt động đoàn thể", parent_id=cid)
        titles = ["Bài số %02d về cải cách" % i for i in range(1, N_ARTICLES + 1)]
        ids = [fx.article(snv, t, summary="Tóm tắt " + t, category_id=cid, publish=True) for t in titles]
        sub_id = fx.article(snv, "Bài trong chuyên mục con", category_id=sub, publish=True)
        type(fx)._pages = dict(cid=cid, cpath=cpath, sub=sub, spath=spath, titles=titles, ids=ids, sub_id=sub_id,
                               apath=fx.public_path("snv", ids[-1]))

    @property
    def d(self):
        return type(self.fx)._pages


class Pagination(Base):
    def card_titles(self, r):
        return [squash(text_of(h)) for h in r.tree().iter("h3") if "card-title" in (h.get("class") or "")]

    def current(self, r):
        pager = [n for n in r.tree().iter("nav") if "pager" in (n.get("class") or "")]
        self.assertTrue(pager, "%r: no pager" % r)
        cur = [a for a in pager[0].iter("a") if a.get("aria-current") == "page"]
        self.assertEqual(len(cur), 1, "%r: expected one aria-current link in the pager, found %d" % (r, len(cur)))
        return pager[0], squash(text_of(cur[0])), cur[0].get("href")

    def test_two_pages(self):
        c = self.fx.client("snv")
        path = self.d["cpath"]
        p1 = self.page(c, path)
        p2 = self.page(c, path + "?trang=2")
        t1, t2 = self.card_titles(p1), self.card_titles(p2)
        self.assertEqual(len(t1), 12, "page 1 has %d cards, expected 12" % len(t1))
        # the subcategory's article is listed with its parent's: 15 in all
        self.assertEqual(len(t2), N_ARTICLES + 1 - 12, "page 2 has %d cards" % len(t2))
        self.assertFalse(set(t1) & set(t2), "an article is on both pages: %s" % (set(t1) & set(t2)))
        self.assertEqual(set(t1) | set(t2), set(self.d["titles"]) | {"Bài trong chuyên mục con"},
                         "the two pages do not hold every article once")
        self.assertIn("Bài trong chuyên mục con", t1, "the newest article is not on page 1")
        self.assertIn("Bài số 01 về cải cách", t2, "the oldest article is not on page 2")
        pager, n, href = self.current(p1)
        self.assertEqual((n, href), ("Trang 1", path), "page 1's current link")
        self.assertIn(path + "?trang=2", [a.get("href") for a in pager.iter("a")], "page 1 does not link page 2")
        self.assertIn("Trang 1 / 2", squash(text_of(pager)))
        pager, n, href = self.current(p2)
        self.assertEqual((n, href), ("Trang 2", path + "?trang=2"), "page 2's current link")
        prev = [a.get("href") for a in pager.iter("a") if a.get("rel") == "prev"]
        self.assertEqual(prev, [path], "page 2's previous link")
        self.assertFalse([a for a in pager.iter("a") if a.get("rel") == "next"], "page 2 links a next page")
        canon = [l.get("href") for l in p2.find_all("link", rel="canonical")]
        self.assertEqual(canon, ["http://snv.%s:%d%s?trang=2" % (BASE, self.fx.port, path)], "page 2's canonical")
        self.assertRegex(p2.text, r"<title>[^<]*Trang 2", "page 2's title")

    def test_pages_out_of_range(self):
        c = self.fx.client("snv")
        path = self.d["cpath"]
        for q in ("?trang=3", "?trang=99", "?trang=100000"):
            with self.subTest(q=q):
                r = self.page(c, path + q, 404)
                self.assertIn_("Trang danh sách này không tồn tại.", r, "the page-not-found message")
        for q in ("?trang=0", "?trang=abc", "?trang=-1", "?trang=1"):
            with self.subTest(q=q):
                r = self.page(c, path + q)
                self.assertEqual(self.current(r)[1], "Trang 1", "%s is not page 1" % q)

    def test_single_page_has_no_pager(self):
        r = self.page(self.fx.client("snv"), self.d["spath"])
        self.assertFalse([n for n in r.tree().iter("nav") if "pager" in (n.get("class") or "")],
                         "a one-page category shows a pager")
        self.assertIn_("Bài trong chuyên mục con", r, "the subcategory's article")
        # its breadcrumbs lead through the parent
        crumbs = [n for n in r.tree().iter("nav") if "breadcrumbs" in (n.get("class") or "")][0]
        self.assertIn(self.d["cpath"], [a.get("href") for a in crumbs.iter("a")], "breadcrumbs skip the parent")

    def test_empty_category(self):
        cid, path = self.fx.category(self.fx.admin("duyet", "snv"), "Mục trống")
        r = self.page(self.fx.client("snv"), path)
        self.assertIn_("Chưa có bài viết trong chuyên mục này.", r, "the empty-category text")
        self.page(self.fx.client("snv"), path + "?trang=2", 404)


class Html(Base):
    def pages(self):
        fx, d = self.fx, self.d
        snv, main, longho, chau = fx.client("snv"), fx.client(), fx.client("longho"), fx.client("chauthanh")
        return [
            ("main home", main, "/", 200, True), ("snv home", snv, "/", 200, True),
            ("longho home", longho, "/", 200, True), ("chauthanh home", chau, "/", 200, True),
            ("category", snv, d["cpath"], 200, True), ("category page 2", snv, d["cpath"] + "?trang=2", 200, True),
            ("subcategory", snv, d["spath"], 200, True), ("article", snv, d["apath"], 200, True),
            ("print", snv, d["apath"] + "/ban-in", 200, False),
            ("site 404", snv, "/khong-co", 404, True), ("article 404", snv, "/tin/khong-co-999999", 404, True),
            ("category page 404", snv, d["cpath"] + "?trang=9", 404, True),
            ("400", snv, "/?q=%FF", 400, True), ("405", snv, None, 405, True),
            ("unknown host 404", fx.client("nope"), "/", 404, False),
        ]

    def test_valid_html5(self):
        for label, c, path, status, chrome in self.pages():
            with self.subTest(page=label):
                if path is None:
                    r = self.expect(c.post("/", [("x", "y")], csrf=False), status)
                    self.check_html(r, chrome=chrome)
                else:
                    self.page(c, path, status, chrome=chrome)

    def test_footer_lines(self):
        fx, d = self.fx, self.d
        for label, path in (("home", "/"), ("category", d["cpath"]), ("article", d["apath"]), ("404", "/khong-co")):
            with self.subTest(page=label):
                r = fx.client("snv").get(path)
                foot = r.tree().find(".//footer")
                self.assertIsNotNone(foot, "%s: no <footer>" % label)
                t = squash(text_of(foot))
                for key, prefix in (("address", "Địa chỉ: "), ("phone", "Điện thoại: "), ("email", "Email: "),
                                    ("responsible", ""), ("licence", "")):
                    self.assertIn(prefix + SNV_INFO[key], t, "%s: the footer lacks %r: %s" % (label, prefix + SNV_INFO[key], t))
                self.assertIn("mailto:" + SNV_INFO["email"], [a.get("href") for a in foot.iter("a")],
                              "%s: the email is not a mailto link" % label)
                self.assertIn("Ghi rõ nguồn 'Sở Nội vụ'", t, "%s: the citation notice" % label)
                self.assertIn("http://%s:%d/" % (BASE, fx.port), [a.get("href") for a in foot.iter("a")],
                              "%s: the footer does not link the main portal" % label)
        # a site without contact details shows no empty lines
        r = fx.client("longho").get("/")
        t = squash(text_of(r.tree().find(".//footer")))
        for label in ("Địa chỉ:", "Điện thoại:", "Email:", "Fax:"):
            self.assertNotIn(label, t, "longho's footer has an empty %r line" % label)
        # the print view carries the address
        r = fx.client("snv").get(d["apath"] + "/ban-in")
        self.assertIn_(SNV_INFO["address"], r, "the print view's footer address")

    def test_main_portal_identity(self):
        r = self.page(self.fx.client(), "/")
        self.assertRegex(r.text, r"<title>%s</title>" % re.escape(MAIN_NAME))
        self.assertFalse([a for a in r.tree().iter("a") if "topbar-main" in (a.get("class") or "")],
                         "the main portal links 'back to the main portal'")
        r = self.page(self.fx.client("snv"), "/")
        back = [a.get("href") for a in r.tree().iter("a") if "topbar-main" in (a.get("class") or "")]
        self.assertEqual(back, ["http://%s:%d/" % (BASE, self.fx.port)], "a component site's link to the main portal")

    def test_article_page_parts(self):
        d = self.d
        r = self.page(self.fx.client("snv"), d["apath"])
        crumbs = [n for n in r.tree().iter("nav") if "breadcrumbs" in (n.get("class") or "")]
        self.assertTrue(crumbs, "no breadcrumbs")
        self.assertEqual([a.get("href") for a in crumbs[0].iter("a")], ["/", d["cpath"]], "breadcrumb links")
        cur = [s for s in crumbs[0].iter("span") if s.get("aria-current") == "page"]
        self.assertTrue(cur and squash(text_of(cur[0])) == d["titles"][-1], "the last crumb is not the article")
        times = [t.get("datetime") for t in r.tree().iter("time")]
        self.assertTrue(times and re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d", times[0]), "no machine-readable date")
        self.assertRegex(text_of(r.tree().find(".//time")), r"^\d\d/\d\d/\d{4} \d\d:\d\d$", "date dd/mm/yyyy hh:mm")
        self.assertIn_('<meta property="og:type" content="article">', r, "og:type article")
        self.assertIn_("Tóm tắt " + d["titles"][-1], r, "the summary")
        related = r.by_id("tin-lien-quan")
        self.assertIsNotNone(related, "no related news block")


class Headers(Base):
    def test_security_headers_on_html(self):
        fx, d = self.fx, self.d
        for label, c, path in (("main home", fx.client(), "/"), ("snv home", fx.client("snv"), "/"),
                               ("category", fx.client("snv"), d["cpath"]), ("article", fx.client("snv"), d["apath"]),
                               ("print", fx.client("snv"), d["apath"] + "/ban-in"),
                               ("404", fx.client("snv"), "/khong-co"), ("unknown host", fx.client("nope"), "/"),
                               ("400", fx.client("snv"), "/?q=%FF"), ("sign-in", fx.client("snv"), "/quan-tri/dang-nhap")):
            with self.subTest(page=label):
                r = c.get(path)
                self.assertTrue(r.is_html, "%s: not HTML" % label)
                self.assertEqual(r.header("X-Content-Type-Options"), "nosniff", "%s: X-Content-Type-Options" % label)
                csp = r.header("Content-Security-Policy") or ""
                self.assertIn("default-src", csp, "%s: Content-Security-Policy %r" % (label, csp))
                self.assertNotIn("unsafe-inline", csp, "%s: CSP allows inline code" % label)
                self.assertRegex(csp, r"frame-ancestors|X-Frame", "%s: no framing policy" % label)
                self.assertEqual(r.ctype.replace(" ", "").lower(), "text/html;charset=utf-8", "%s: charset" % label)

    def test_public_pages_cacheable_admin_not(self):
        fx = self.fx
        r = fx.client("snv").get("/")
        self.assertNotEqual(r.header("Cache-Control"), "no-store", "the public home page is no-store")
        c = fx.admin("duyet", "snv")
        for path in ("/quan-tri/", "/quan-tri/dang-nhap", "/quan-tri/chuyen-muc", "/quan-tri/bai-viet/moi"):
            with self.subTest(path=path):
                self.assertEqual(c.get(path).header("Cache-Control"), "no-store", path)

    def test_static_and_text(self):
        c = self.fx.client("snv")
        r = self.expect(c.get("/static/css/site.css"), 200)
        self.assertTrue(r.ctype.startswith("text/css"))
        self.assertEqual(r.header("X-Content-Type-Options"), "nosniff")
        self.assertIsNone(r.header("Set-Cookie"), "a static file sets a cookie")
        r = self.expect(c.get("/robots.txt"), 200)
        self.assertTrue(r.ctype.startswith("text/plain"))
        self.assertIn("Disallow: /quan-tri/", r.text)
        r = self.expect(c.get("/healthz"), 200)
        self.assertTrue(r.ctype.startswith("application/json"))
        r = c.request("HEAD", "/")
        self.assertEqual(r.status, 200, "HEAD /")
        self.assertEqual(r.body, b"", "HEAD / has a body")
