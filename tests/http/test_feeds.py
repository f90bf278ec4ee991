"""Feeds, sitemaps and robots.txt (docs/feeds.md): the RSS 2.0 and Atom feeds of a site, a category
and a kind, parsed by a real feed parser (Debian's python3-feedparser) that must report no error;
their entries are the published items newest first with their titles, links, dates, authors and
cover enclosures, a withdrawn item leaves at the next request, a title with markup characters and a
control character stays valid; they are cached like pages and a publish shows at once. The pages'
heads name their feeds. sitemap.xml lists every published item with its last change, becomes an
index of /sitemap-<n>.xml past 50,000 addresses (50,010 items written by INSERT … SELECT), and
robots.txt names it by its absolute address."""
import calendar
import html
import re
import time
import xml.etree.ElementTree as ET

from conglib import BASE, Client, CongTest, module_fixture, png
import items_helper

try:
    import feedparser
except ImportError:  # reported by setUpModule: the layer fails, it is not skipped
    feedparser = None

_setup, tearDownModule = module_fixture()


def setUpModule():
    if feedparser is None:
        raise RuntimeError("the Python module feedparser is missing (Debian: python3-feedparser; "
                           "`make test-deps` installs it)")
    _setup()


SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
SITEMAP_URLS = 50000  # web/public/nav.c


def ts(struct):
    """A feedparser time (UTC struct_time) as Unix seconds."""
    return calendar.timegm(struct)


class Feeds(CongTest):
    @classmethod
    def setUpClass(cls):
        fx = cls.fx
        if hasattr(type(fx), "_feeds"):
            cls.d = type(fx)._feeds
            return
        c = fx.admin("admin", "snv")
        d = {}
        d["cat_a"], d["cat_a_path"] = fx.category(c, "Tin nguồn cấp A", slug="tin-nguon-cap-a")
        d["cat_sub"], _ = fx.category(c, "Tin nguồn cấp A con", slug="tin-nguon-cap-a-con", parent_id=d["cat_a"])
        d["cat_b"], d["cat_b_path"] = fx.category(c, "Tin nguồn cấp B", slug="tin-nguon-cap-b")
        # published in this order: the newest first in every feed is the reverse
        d["news"] = []
        d["cover"] = fx.article(c, "Bài có ảnh đại diện", category_id=d["cat_a"], summary="Tóm tắt bài có ảnh.",
                                author="Phòng Tổ chức", cover_alt="Ảnh minh họa",
                                files=[("cover", "anh.png", "image/png", png(40, 30))], publish=True)
        d["news"].append(d["cover"])
        d["sub"] = fx.article(c, "Bài trong chuyên mục con", category_id=d["cat_sub"], publish=True)
        d["news"].append(d["sub"])
        d["b1"] = fx.article(c, "Bài chuyên mục B", category_id=d["cat_b"], summary="Tóm tắt <b>đậm</b> & hết.",
                             publish=True)
        d["news"].append(d["b1"])
        d["odd_title"] = 'Giá < 5 & "mới" \'nhất\' kết thúc'
        d["odd"] = fx.article(c, d["odd_title"], category_id=d["cat_a"], summary="Tóm tắt có < và & và \"ngoặc\".",
                              publish=True)
        d["news"].append(d["odd"])
        d["draft"] = fx.article(c, "Bài nháp chưa xuất bản", category_id=d["cat_a"])
        # a legal document (in the site's feed) and a link (its own feed only)
        d["legal"] = items_helper.create(cls_test(), c, "van-ban", "Quy định về nguồn cấp tin", [
            ("so_ky_hieu", "77/2026/QĐ-UBND"), ("loai", "Quyết định"), ("co_quan_ban_hanh", "UBND tỉnh Thử Nghiệm"),
            ("ngay_ban_hanh", "15/01/2026"), ("pham_vi", "tinh")])
        items_helper.publish(cls_test(), c, "van-ban", d["legal"])
        d["link"] = items_helper.create(cls_test(), c, "lien-ket", "Cổng Dịch vụ công quốc gia (nguồn cấp)", [
            ("dia_chi", "https://dichvucong.gov.vn"), ("nhom", "dich-vu")])
        items_helper.publish(cls_test(), c, "lien-ket", d["link"])
        fx.bump_cache()
        d["base"] = "http://snv.%s:%d" % (BASE, fx.server.port)
        type(fx)._feeds = d
        cls.d = d

    # -- helpers

    def feed(self, path, slug="snv", atom=None):
        """GETs the feed at PATH, checks its type and that feedparser reads it without error."""
        r = self.expect(self.fx.client(slug).get(path), 200, path)
        atom = path.endswith("/atom.xml") if atom is None else atom
        self.assertEqual(r.header("Content-Type"), ATOM_TYPE if atom else RSS_TYPE, path)
        f = feedparser.parse(r.body)
        self.assertFalse(f.bozo, "%s: feedparser: %s" % (path, f.get("bozo_exception")))
        self.assertEqual(f.version, "atom10" if atom else "rss20", path)
        return r, f

    def item_ids(self, f):
        out = []
        for e in f.entries:
            m = re.fullmatch(r"tag:%s,\d{4}-\d{2}-\d{2}:item-(\d+)" % re.escape(BASE), e.id)
            self.assertTrue(m, "entry id %r is no stable tag URI" % e.id)
            out.append(int(m.group(1)))
        return out

    def row(self, iid):
        return self.fx.sql("SELECT published_at, updated_at, slug, kind FROM items WHERE id = ?", (iid,))[0]

    def path(self, iid):
        _, _, slug, kind = self.row(iid)
        seg = {"article": "tin", "legal": "van-ban", "link": "lien-ket"}[kind]
        return "/%s/%s-%d" % (seg, slug, iid)

    # -- tests

    def test_site_feed_rss_and_atom(self):
        d = self.d
        for path in ("/rss.xml", "/atom.xml"):
            r, f = self.feed(path)
            ids = self.item_ids(f)
            # newest publication first: the legal document, then the news in reverse
            self.assertEqual(ids[:5], [d["legal"]] + d["news"][::-1], path)
            self.assertNotIn(d["draft"], ids, "%s: a draft is in the feed" % path)
            self.assertNotIn(d["link"], ids, "%s: a link is not news of the site (kind.site_feed)" % path)
            pubs = [ts(e.published_parsed) for e in f.entries]
            self.assertEqual(pubs, sorted(pubs, reverse=True), path)
            for e, iid in zip(f.entries, ids):
                pub, upd, _, _ = self.row(iid)
                self.assertEqual(ts(e.published_parsed), pub, "%s: date of %d" % (path, iid))
                self.assertEqual(e.link, d["base"] + self.path(iid), path)
            self.assertEqual(f.feed.title, "Sở Nội vụ")
            self.assertEqual(f.feed.link, d["base"] + "/")
            self.assertEqual(f.feed.get("language") or f.feed.get("lang") or "", "vi")
            newest = max(max(self.row(i)[0], self.row(i)[1]) for i in ids)
            self.assertEqual(ts(f.feed.updated_parsed), newest, "%s: the feed's date is the newest item's" % path)
            # the self link
            selfs = [x.href for x in f.feed.links if x.rel == "self"]
            self.assertEqual(selfs, [d["base"] + path])
            self.assertIn("+07:00" if path == "/atom.xml" else "+0700", r.text, "Vietnam time")
            # the main portal's feed is its own
            _, mf = self.feed(path, slug=None)
            self.assertFalse(set(self.item_ids(mf)) & set(ids), "another site's items in the main portal's feed")

    def test_entry_fields_author_summary_enclosure(self):
        d = self.d
        cover = self.fx.sql("SELECT m.sha256, m.ext, m.size, m.mime FROM items a JOIN media m ON m.id = a.cover_id"
                            " WHERE a.id = ?", (d["cover"],))[0]
        url = "%s/media/%s.%s" % (d["base"], cover[0], cover[1])
        _, rss = self.feed("/rss.xml")
        _, atom = self.feed("/atom.xml")
        for f, what in ((rss, "rss"), (atom, "atom")):
            e = [x for x in f.entries if x.id.endswith("-%d" % d["cover"])][0]
            self.assertEqual(e.title, "Bài có ảnh đại diện", what)
            self.assertEqual(e.author, "Phòng Tổ chức", what)
            self.assertEqual(html.unescape(e.summary), "Tóm tắt bài có ảnh.", what)
            self.assertEqual(e.tags[0].term, "Tin nguồn cấp A", what)
            self.assertEqual(len(e.enclosures), 1, what)
            enc = e.enclosures[0]
            self.assertEqual(enc.href, url, what)
            self.assertEqual(int(enc.length), cover[2], what)
            self.assertEqual(enc.type, cover[3], what)
            # the file is there
            self.assertEqual(self.fx.client("snv").get(url[len(d["base"]):]).status, 200)
            # an item without a cover has no enclosure, without an author none
            e = [x for x in f.entries if x.id.endswith("-%d" % d["sub"])][0]
            self.assertFalse(e.get("enclosures"), what)
            self.assertFalse(e.get("author"), what)

    def test_markup_and_control_characters_stay_valid(self):
        fx, d = self.fx, self.d
        # control characters no form lets through (the input drops them), written as a script
        # would; put back afterwards, as the HTML pages would not be valid with them
        odd_title = d["odd_title"].replace("< 5", "<\x01 5\x1f")
        fx.sql("UPDATE items SET title = ?, summary = ? WHERE id = ?",
               (odd_title, "Tóm tắt \x03có < và & và \"ngoặc\".", d["odd"]))
        fx.bump_cache()
        try:
            for path in ("/rss.xml", "/atom.xml", d["cat_a_path"] + "/rss.xml", d["cat_b_path"] + "/atom.xml"):
                r, f = self.feed(path)
                for ctl in (b"\x01", b"\x1f", b"\x03"):
                    self.assertNotIn(ctl, r.body, path)
                ET.fromstring(r.body)  # well-formed XML 1.0 for a strict parser too
                ids = self.item_ids(f)
                self.assertTrue(d["odd"] in ids or d["b1"] in ids, path)
                for e in f.entries:
                    if e.id.endswith("-%d" % d["odd"]):
                        self.assertEqual(e.title, d["odd_title"], path)
                        self.assertEqual(html.unescape(e.summary), 'Tóm tắt có < và & và "ngoặc".', path)
                    if e.id.endswith("-%d" % d["b1"]):
                        # no markup injected: the summary's tags are text, in either format
                        if path.endswith("atom.xml"):
                            self.assertEqual(e.summary_detail.type, "text/plain", path)
                            self.assertEqual(e.summary, "Tóm tắt <b>đậm</b> & hết.", path)
                        else:
                            self.assertNotIn("<b>", e.summary, path)
                            self.assertEqual(html.unescape(e.summary), "Tóm tắt <b>đậm</b> & hết.", path)
        finally:
            fx.sql("UPDATE items SET title = ?, summary = ? WHERE id = ?",
                   (d["odd_title"], "Tóm tắt có < và & và \"ngoặc\".", d["odd"]))
            fx.bump_cache()

    def test_category_feed_holds_its_own_and_subcategories(self):
        d = self.d
        for fmt in ("rss.xml", "atom.xml"):
            _, f = self.feed("%s/%s" % (d["cat_a_path"], fmt))
            self.assertEqual(self.item_ids(f), [d["odd"], d["sub"], d["cover"]], fmt)
            self.assertEqual(f.feed.title, "Tin nguồn cấp A - Sở Nội vụ")
            self.assertEqual(f.feed.link, d["base"] + d["cat_a_path"])
            _, f = self.feed("%s/%s" % (d["cat_b_path"], fmt))
            self.assertEqual(self.item_ids(f), [d["b1"]], fmt)
        # a renamed category's old address moves; an unknown one is not found
        r = self.fx.client("snv").get("/chuyen-muc/ten-cu-%d/rss.xml" % d["cat_a"])
        self.expect(r, 301)
        self.assertEqual(r.location_path, d["cat_a_path"] + "/rss.xml")
        self.expect(self.fx.client("snv").get("/chuyen-muc/khong-co-999999/atom.xml"), 404)
        self.expect(self.fx.client(None).get(d["cat_a_path"] + "/rss.xml"), 404, "another site's category")

    def test_kind_feeds_hold_only_their_kind(self):
        d = self.d
        _, f = self.feed("/tin/rss.xml")
        ids = self.item_ids(f)
        self.assertEqual(ids[:4], d["news"][::-1])
        self.assertTrue(all("/tin/" in e.link for e in f.entries))
        self.assertNotIn(d["legal"], ids)
        _, f = self.feed("/van-ban/atom.xml")
        self.assertEqual(self.item_ids(f), [d["legal"]])
        self.assertEqual(f.feed.title, "Văn bản - Sở Nội vụ")
        self.assertEqual(f.entries[0].link, d["base"] + self.path(d["legal"]))
        _, f = self.feed("/lien-ket/rss.xml")
        self.assertEqual(self.item_ids(f), [d["link"]], "a kind outside the site's feed has its own")
        # a kind without items: a valid, empty feed; a segment no kind has: 404
        _, f = self.feed("/du-thao/rss.xml")
        self.assertEqual(f.entries, [])
        _, f = self.feed("/du-thao/atom.xml")
        self.assertEqual(f.entries, [])
        self.expect(self.fx.client("snv").get("/khong-co-loai-nay/rss.xml"), 404)

    def test_withdrawn_leaves_and_publish_shows_through_the_cache(self):
        fx, d = self.fx, self.d
        c = fx.admin("admin", "snv")
        for path in ("/rss.xml", "/atom.xml", "/tin/rss.xml", d["cat_b_path"] + "/rss.xml"):
            fx.client("snv").get(path)
            r = fx.client("snv").get(path)
            self.assertEqual(r.header("X-Cache"), "HIT", "%s is not served from the cache" % path)
        title = "Tin mới trong nguồn cấp %d" % int(time.time() * 1000)
        aid = fx.article(c, title, category_id=d["cat_b"], publish=True)
        for path in ("/rss.xml", "/atom.xml", "/tin/rss.xml", d["cat_b_path"] + "/rss.xml"):
            r, f = self.feed(path)
            self.assertEqual(r.header("X-Cache"), "MISS", path)
            self.assertEqual(f.entries[0].title, title, "%s: a publish is not at the top at the next request" % path)
        fx.act(c, aid, "withdraw", comment="Gỡ để kiểm tra nguồn cấp tin")
        for path in ("/rss.xml", "/atom.xml", "/tin/rss.xml", d["cat_b_path"] + "/rss.xml"):
            _, f = self.feed(path)
            self.assertNotIn(aid, self.item_ids(f), "%s: a withdrawn item is still in the feed" % path)
        self.assertNotIn(title, fx.client("snv").get("/sitemap.xml").text, "a withdrawn item in sitemap.xml")

    def test_pages_name_their_feeds(self):
        d = self.d
        c = self.fx.client("snv")

        def alternates(path):
            r = self.page(c, path)
            return [(x.get("type"), x.get("href")) for x in r.tree().iter("link") if x.get("rel") == "alternate"]

        self.assertEqual(alternates("/"), [("application/rss+xml", "/rss.xml"), ("application/atom+xml", "/atom.xml")])
        self.assertEqual(alternates(d["cat_a_path"]), [("application/rss+xml", d["cat_a_path"] + "/rss.xml"),
                                                      ("application/atom+xml", d["cat_a_path"] + "/atom.xml")])
        self.assertEqual(alternates("/van-ban"), [("application/rss+xml", "/van-ban/rss.xml"),
                                                  ("application/atom+xml", "/van-ban/atom.xml")])
        # every page's footer links the site's feed, and each named feed answers
        self.assertIn('href="/rss.xml"', c.get("/van-ban").text)
        for _, href in alternates("/") + alternates(d["cat_a_path"]) + alternates("/van-ban"):
            self.feed(href)

    def test_sitemap_lists_items_with_their_last_change(self):
        d = self.d
        r = self.expect(self.fx.client("snv").get("/sitemap.xml"), 200)
        self.assertTrue(r.ctype.startswith("application/xml"))
        root = ET.fromstring(r.body)
        self.assertEqual(root.tag, SM + "urlset")
        urls = {u.find(SM + "loc").text: (u.find(SM + "lastmod").text if u.find(SM + "lastmod") is not None else None)
                for u in root.iter(SM + "url")}
        self.assertIn(d["base"] + "/", urls)
        for iid in d["news"] + [d["legal"], d["link"]]:
            pub, upd, _, _ = self.row(iid)
            want = time.strftime("%Y-%m-%dT%H:%M:%S+07:00", time.gmtime(max(pub, upd) + 7 * 3600))
            self.assertEqual(urls.get(d["base"] + self.path(iid)), want, "sitemap entry of %d" % iid)
        self.assertFalse([u for u in urls if u.endswith("-%d" % d["draft"])], "a draft in sitemap.xml")
        # the tree's addresses answer 200: a category of another kind than news is named where its
        # page is (/van-ban?chuyen-muc=N), never by an address that redirects
        for u, lastmod in urls.items():
            if lastmod is None:
                self.assertEqual(self.fx.client("snv").get(u[len(d["base"]):]).status, 200, u)
        self.assertTrue([u for u in urls if "/van-ban?chuyen-muc=" in u], "the documents' category")
        self.expect(self.fx.client("snv").get("/sitemap-1.xml"), 404, "one sitemap: no pages")

    def test_robots_names_the_sitemap(self):
        base = self.d["base"]
        r = self.expect(self.fx.client("snv").get("/robots.txt"), 200)
        self.assertIn("Sitemap: %s/sitemap.xml\n" % base, r.text)
        r = self.expect(self.fx.client(None).get("/robots.txt"), 200)
        self.assertIn("Sitemap: http://%s:%d/sitemap.xml\n" % (BASE, self.fx.server.port), r.text)
        r = self.expect(Client(self.fx.server, "evil.com").get("/robots.txt"), 200)
        self.assertNotIn("Sitemap:", r.text, "an unknown host names no sitemap")


class SitemapIndex(CongTest):
    """Past 50,000 addresses: a site with 50,010 published items (INSERT … SELECT over a recursive
    CTE, as SQLite and PostgreSQL both take it)."""
    N = 50010

    def test_sitemap_index_of_pages_of_at_most_50000(self):
        fx = self.fx
        site = fx.sql("SELECT id FROM sites WHERE slug = 'stc'")[0][0]
        cat = fx.sql("INSERT INTO categories (site_id, name, slug, kind, position) VALUES (?, ?, ?, 'article', 90)"
                     " RETURNING id", (site, "Tin hàng loạt", "tin-hang-loat"))[0][0]
        t0 = 1767200400  # 2026-01-01 00:00 in Hà Nội
        # in statements of 2,000 rows: every published row adds one to its category's count (a
        # trigger), and PostgreSQL finds a row updated N times in one transaction at the end of
        # a chain of N versions, which made one statement of 50,010 take a minute
        step = 2000
        for lo in range(1, self.N + 1, step):
            fx.sql("INSERT INTO items (site_id, category_id, state, title, slug, summary, body, published_at,"
                   " created_at, updated_at, kind, fields)"
                   " WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
                   " SELECT ?, ?, 'published', 'Tin số ' || i, 'tin-so-' || i, '', '', ? + i, ?, ? + i, 'article', '{}'"
                   " FROM n", (lo, min(lo + step - 1, self.N), site, cat, t0, t0, t0))
        fx.bump_cache()
        c = fx.client("stc")
        base = "http://stc.%s:%d" % (BASE, fx.server.port)
        r = self.expect(c.get("/sitemap.xml"), 200)
        root = ET.fromstring(r.body)
        self.assertEqual(root.tag, SM + "sitemapindex")
        locs = [x.text for x in root.iter(SM + "loc")]
        self.assertEqual(locs, [base + "/sitemap-1.xml", base + "/sitemap-2.xml"])
        self.assertEqual(c.get("/sitemap.xml").header("X-Cache"), "HIT", "the index is cached")
        seen = []
        for i, loc in enumerate(locs):
            r = self.expect(c.get(loc[len(base):]), 200, loc)
            self.assertTrue(r.ctype.startswith("application/xml"))
            page = ET.fromstring(r.body)
            self.assertEqual(page.tag, SM + "urlset")
            urls = [u.find(SM + "loc").text for u in page.iter(SM + "url")]
            self.assertLessEqual(len(urls), SITEMAP_URLS, loc)
            if i == 0:
                self.assertEqual(len(urls), SITEMAP_URLS, "the first page is full")
                self.assertEqual(urls[0], base + "/")
            seen += urls
        items = [u for u in seen if re.search(r"/tin/tin-so-\d+-\d+$", u)]
        self.assertEqual(len(items), self.N, "every item once")
        self.assertEqual(len(set(seen)), len(seen), "an address twice")
        # in order of publication: the first item is "Tin số 1", the last "Tin số 50010"
        self.assertRegex(items[0], r"/tin/tin-so-1-\d+$")
        self.assertRegex(items[-1], r"/tin/tin-so-%d-\d+$" % self.N)
        self.assertIn("<lastmod>2026-01-01T", r.text)
        for bad in ("/sitemap-3.xml", "/sitemap-0.xml", "/sitemap-01.xml", "/sitemap-x.xml"):
            self.expect(c.get(bad), 404, bad)
        # robots.txt names the index
        self.assertIn("Sitemap: %s/sitemap.xml" % base, c.get("/robots.txt").text)


def cls_test():
    """A TestCase for items_helper's assertions during setUpClass."""
    return Feeds("test_site_feed_rss_and_atom")
