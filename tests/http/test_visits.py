"""Visit statistics (issue #17, product.md §5; src/http/visits.h, docs/visits.md): page views
counted server-side from the page cache and without it, exact under concurrent load once the
counters are stored (the admin's "store now", which the scheduler does each minute); crawlers,
HEAD and non-pages not counted, 304 counted; no cookie ever; external referrers' hosts only;
online now by distinct visitors; the admin page; the footer's counter, which keeps the cached
pages shared; the EMC tracker with exactly its origin in the CSP — SQLite and --pg."""
import re
import threading
import time
import uuid

from conglib import CongTest, Client, Server, data_columns, host_of, locale_texts, module_fixture, squash

setUpModule, tearDownModule = module_fixture()

VI = locale_texts("vi")
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"
SITE = "snv"


def today():
    """The server's day: days since 1970-01-01 in Vietnam (UTC+7), vn_days_of_time."""
    return (int(time.time()) + 7 * 3600) // 86400


class Base(CongTest):
    _article = {}

    def site_id(self, slug):
        return self.fx.sql("SELECT id FROM sites WHERE slug = ?", (slug,))[0][0]

    def article(self, slug=SITE):
        """A published article of SLUG: (id, public path)."""
        if slug not in self._article:
            if slug == SITE:
                client = self.fx.admin("duyet", SITE)
            else:
                client = self.fx.admin("admin", slug)
            cid = self.fx.category(client, "Thống kê %s" % uuid.uuid4().hex[:6])[0]
            aid = self.fx.article(client, "Bài đếm lượt xem %s" % uuid.uuid4().hex[:6], category_id=cid, publish=True)
            self._article[slug] = (aid, self.fx.public_path(slug, aid))
        return self._article[slug]

    def flush(self, server=None, slug=SITE):
        """The counters of SERVER's memory stored now (the admin's button)."""
        admin = self.fx.admin("admin", slug)
        if server is not None:
            c = Client(server, host_of(slug))
            c.cookies = dict(admin.cookies)
            admin = c
        self.expect(admin.post("/quan-tri/thong-ke-truy-cap/cap-nhat"), 303, "store the counts")

    def counts(self, slug=SITE, item=None, host=None):
        """(site views today, ITEM's views today, HOST's referrals today) as stored."""
        sid, d = self.site_id(slug), today()
        total = self.fx.sql("SELECT coalesce(sum(views), 0) FROM visit_days WHERE site_id = ? AND day = ?", (sid, d))[0][0]
        it = self.fx.sql("SELECT coalesce(sum(views), 0) FROM visit_items WHERE item_id = ? AND day = ?",
                         (item or 0, d))[0][0]
        ref = self.fx.sql("SELECT coalesce(sum(views), 0) FROM visit_referrers WHERE site_id = ? AND day = ? AND host = ?",
                          (sid, d, host or ""))[0][0]
        return int(total), int(it), int(ref)

    def get(self, client, target, ua=BROWSER, **headers):
        h = {"User-Agent": ua}
        h.update(headers)
        return client.request("GET", target, headers=h)


class Counting(Base):
    def load(self, server, path, cached):
        """8 threads × 25 GETs of the article and 8 × 5 of the home page on SERVER (every fourth
        article view from Google), with crawlers, HEADs and a 304 in between; checks the stored
        counts move by exactly what was counted."""
        aid, _ = self.article()
        # both servers' memory stored first: the module's server, whose scheduler may store at
        # any time, holds nothing more while this one is loaded
        self.flush()
        self.flush(server)
        before = self.counts(item=aid, host="www.google.com")
        cookies, caches, errors = [], [], []
        threads, each = 8, 25

        def fire(n):
            c = Client(server, host_of(SITE))
            ua = "%s visitor-%d" % (BROWSER, n)
            try:
                for i in range(each):
                    extra = {"Referer": "https://www.google.com/search?q=so-noi-vu"} if i % 4 == 0 else {}
                    r = self.get(c, path, ua=ua, **extra)
                    if r.status != 200:
                        errors.append(r.status)
                    cookies.extend(r.header_all("Set-Cookie"))
                    caches.append(r.header("X-Cache"))
                    # not counted: crawlers, libraries, a HEAD
                    self.get(c, path, ua="Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
                    self.get(c, path, ua="curl/8.5.0")
                    c.request("HEAD", path, headers={"User-Agent": ua})
                for i in range(5):
                    r = self.get(c, "/", ua=ua)
                    if r.status != 200:
                        errors.append(r.status)
                    cookies.extend(r.header_all("Set-Cookie"))
            except Exception as e:  # reported below: a thread's failure must fail the test
                errors.append(repr(e))

        ts = [threading.Thread(target=fire, args=(n,)) for n in range(threads)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        self.assertEqual(errors, [], "every request answered 200")
        self.assertEqual(cookies, [], "no Set-Cookie on public pages")
        if cached:
            self.assertGreater(caches.count("HIT"), threads * each // 2, "most views came from the page cache")
        else:
            self.assertNotIn("HIT", caches, "the cache is off on this server")
        self.flush(server)
        after = self.counts(item=aid, host="www.google.com")
        views = threads * each
        self.assertEqual(after[0] - before[0], views + threads * 5, "the site's views: no lost or double count")
        self.assertEqual(after[1] - before[1], views, "the article's views")
        self.assertEqual(after[2] - before[2], threads * ((each + 3) // 4), "Google's referrals")
        # stored once: another store adds nothing
        self.flush(server)
        self.assertEqual(self.counts(item=aid, host="www.google.com"), after)

    def test_exact_counts_from_the_page_cache_under_load(self):
        _, path = self.article()
        self.load(self.fx.server, path, cached=True)

    def test_exact_counts_without_the_cache_under_load(self):
        _, path = self.article()
        other = Server(self.fx.data, extra=["--cache-mb", "0"], workdir=self.fx.tmp).start()
        try:
            self.load(other, path, cached=False)
        finally:
            self.assertEqual(other.stop(), 0, "the second server stops cleanly")

    def test_a_stopping_server_stores_what_it_counted(self):
        aid, path = self.article()
        other = Server(self.fx.data, workdir=self.fx.tmp).start()
        try:
            self.flush()  # the module's server holds nothing the window could take
            before = self.counts(item=aid)
            c = Client(other, host_of(SITE))
            for _ in range(5):
                self.expect(self.get(c, path), 200)
        finally:
            self.assertEqual(other.stop(), 0, "the second server stops cleanly")
        after = self.counts(item=aid)
        self.assertEqual((after[0] - before[0], after[1] - before[1]), (5, 5), "the scheduler's last batch")

    def test_crawlers_head_errors_and_non_pages_are_not_counted_a_304_is(self):
        aid, path = self.article()
        c = self.fx.client(SITE)
        self.flush()
        before = self.counts(item=aid)
        for ua in ("Googlebot/2.1", "Mozilla/5.0 (compatible; bingbot/2.0)", "python-requests/2.31", "", "Wget/1.21"):
            self.expect(self.get(c, path, ua=ua), 200)
        self.expect(c.request("HEAD", path, headers={"User-Agent": BROWSER}), 200)
        self.expect(self.get(c, "/khong-co-trang-nay"), 404)
        self.expect(self.get(c, "/rss.xml"), 200)
        self.expect(self.get(c, "/api/v1"), 200)
        self.expect(self.get(c, "/static/css/site.css"), 200)
        self.flush()
        self.assertEqual(self.counts(item=aid), before, "nothing counted")
        # a reader's browser showing its copy again (304) is a view
        r = self.expect(self.get(c, path), 200)
        etag = r.header("ETag")
        self.expect(self.get(c, path, **{"If-None-Match": etag}), 304)
        self.flush()
        after = self.counts(item=aid)
        self.assertEqual((after[0] - before[0], after[1] - before[1]), (2, 2))

    def test_referrers_by_external_host_only(self):
        _, path = self.article()
        c = self.fx.client(SITE)
        self.flush()
        before = self.counts(host="zalo.me")
        self.get(c, path, Referer="https://zalo.me/g/abc?x=1")
        self.get(c, path, Referer="https://ZALO.me/other")
        # the site's own pages, with or without the port: internal
        self.get(c, path, Referer="http://%s/" % c.host_header)
        self.get(c, path, Referer="http://%s/tin/x" % host_of(SITE))
        self.get(c, path, Referer="android-app://com.zing.zalo/")
        self.flush()
        self.assertEqual(self.counts(host="zalo.me")[2] - before[2], 2)
        hosts = [r[0] for r in self.fx.sql("SELECT DISTINCT host FROM visit_referrers WHERE site_id = ?",
                                            (self.site_id(SITE),))]
        self.assertNotIn(host_of(SITE), hosts, "the site's own host is never a referrer")
        self.assertFalse([h for h in hosts if "/" in h or "?" in h or ":" in h], "hosts only: %r" % hosts)
        page = self.expect(self.fx.admin("admin", SITE).get("/quan-tri/thong-ke-truy-cap"), 200)
        self.assertIn_("<th scope=\"row\">zalo.me</th>", page)

    def test_online_now_counts_distinct_visitors_without_a_cookie(self):
        slug = "longho"
        c = self.fx.client(slug)
        admin = self.fx.admin("admin", slug)

        def online():
            p = self.expect(admin.get("/quan-tri/thong-ke-truy-cap"), 200)
            return int(p.by_id("visits-online").text)

        before = online()
        uas = ["%s reader-%s" % (BROWSER, uuid.uuid4().hex) for _ in range(4)]
        for ua in uas + uas:  # each twice: still one visitor
            r = self.expect(self.get(c, "/", ua=ua), 200)
            self.assertIsNone(r.header("Set-Cookie"))
        self.get(c, "/", ua="Googlebot/2.1")
        self.assertEqual(online(), before + 4)
        # nothing of a visitor is stored: only counts, by site, item, host and day
        self.assertEqual(sorted(data_columns(self.fx.data, "visit_days")), ["day", "site_id", "views"])
        self.assertEqual(sorted(data_columns(self.fx.data, "visit_items")), ["day", "item_id", "site_id", "views"])
        self.assertEqual(sorted(data_columns(self.fx.data, "visit_referrers")), ["day", "host", "site_id", "views"])
        rows = self.fx.sql("SELECT host FROM visit_referrers")
        self.assertFalse([h for (h,) in rows if h.startswith("127.")], "no address stored")


class Admin(Base):
    def test_the_page_its_figures_and_charts(self):
        aid, path = self.article()
        c = self.fx.client(SITE)
        for _ in range(3):
            self.get(c, path)
        self.flush()
        admin = self.fx.admin("admin", SITE)
        r = self.expect(admin.get("/quan-tri/thong-ke-truy-cap"), 200)
        self.check_html(r, chrome=False)
        total = self.counts()[0]
        self.assertEqual(int(r.by_id("visits-total").text), total, "the range's views are the stored ones")
        self.assertIn_("<svg", r, "the chart per day")
        self.assertIn_('data-id="%d"' % aid, r, "the article among the top items")
        self.assertIn_(VI["visits_chart_days"], r)
        # the main portal compares every site
        r = self.expect(self.fx.admin("admin", None).get("/quan-tri/thong-ke-truy-cap"), 200)
        self.assertIsNotNone(r.by_id("visits-province"))
        self.assertIn_('data-site="%d"' % self.site_id(SITE), r)
        # a range
        r = self.expect(admin.get("/quan-tri/thong-ke-truy-cap?tu=2026-01-01&den=2026-01-31"), 200)
        self.assertEqual(r.by_id("visits-total").text, "0")
        self.expect(admin.get("/quan-tri/thong-ke-truy-cap?tu=2026-02-30"), 400)
        self.expect(admin.get("/quan-tri/thong-ke-truy-cap?tu=2026-03-01&den=2026-02-01"), 400)

    def test_who_may_see_and_store(self):
        # an editor of another site has no role on this one
        other = self.fx.admin("bientap", "longho").clone(host_of(SITE))
        r = other.get("/quan-tri/thong-ke-truy-cap")
        self.assertIn(r.status, (302, 303, 403))
        self.assertNotIn("visits-total", r.text)
        # an approver may look, but not change the settings
        board = self.fx.admin("duyet", SITE)
        self.expect(board.get("/quan-tri/thong-ke-truy-cap"), 200)
        r = board.post("/quan-tri/thong-ke-truy-cap/cai-dat", [("public_counter", "1")])
        self.assertEqual(r.status, 403)
        # the store needs the CSRF token
        r = self.fx.admin("admin", SITE).post("/quan-tri/thong-ke-truy-cap/cap-nhat", [("csrf", "x")])
        self.assertEqual(r.status, 403)


class Public(Base):
    def settings(self, slug, counter=False, emc="", origin="", expect=303):
        r = self.fx.admin("admin", slug).post("/quan-tri/thong-ke-truy-cap/cai-dat",
                                              ([("public_counter", "1")] if counter else [])
                                              + [("emc_site_id", emc), ("emc_origin", origin)])
        self.expect(r, expect, squash(r.text)[-200:])
        return r

    def test_the_footer_counter_keeps_the_cached_pages_shared(self):
        slug = "stc"
        c = self.fx.client(slug)
        self.assertNotIn_("/luot-truy-cap", self.expect(self.get(c, "/"), 200), "off by default")
        self.expect(self.get(c, "/luot-truy-cap"), 404)
        self.settings(slug, counter=True)
        self.addCleanup(self.settings, slug)
        first = self.page(c, "/")
        frame = [f for f in first.tree().iter("iframe") if "visit-counter" in (f.get("class") or "")]
        self.assertEqual(len(frame), 1, "the footer frames the counter")
        self.assertEqual(frame[0].get("src"), "/luot-truy-cap")
        self.assertEqual(frame[0].get("title"), VI["visits_counter_title"])
        # more views: the page's bytes do not change, it comes from the cache
        for _ in range(3):
            self.get(c, "/")
        again = self.expect(self.get(c, "/"), 200)
        self.assertEqual(again.header("X-Cache"), "HIT")
        self.assertEqual(again.body, first.body, "the cached page is the same for everyone")
        # the counter's page: the stored views plus those waiting, online now; never cached
        self.flush(slug=slug)
        stored = self.counts(slug)[0]
        total = int(self.fx.sql("SELECT coalesce(sum(views), 0) FROM visit_days WHERE site_id = ?",
                                (self.site_id(slug),))[0][0])
        self.assertGreaterEqual(total, stored)
        r = self.page(c, "/luot-truy-cap", chrome=False)
        self.assertIsNone(r.header("X-Cache"), "not in the page cache")
        self.assertEqual(r.header("Cache-Control"), "public, max-age=30")
        self.assertIsNone(r.header("Set-Cookie"))
        shown = re.search(r"%s: <strong>([\d.]+)</strong>" % re.escape(VI["visits_counter_views"]), r.text)
        self.assertTrue(shown, r.text[-400:])
        self.assertEqual(int(shown.group(1).replace(".", "")), total)
        self.assertRegex(r.text, r"%s: <strong>[1-9]" % re.escape(VI["visits_counter_online"]))
        # the counter's own page is no view
        self.get(c, "/luot-truy-cap")
        self.flush(slug=slug)
        self.assertEqual(self.counts(slug)[0], stored)

    def test_emc_tracker_only_when_set_and_allowed_by_the_csp(self):
        slug = "chauthanh"
        c = self.fx.client(slug)
        r = self.expect(self.get(c, "/"), 200)
        self.assertNotIn_("emc.js", r, "off by default")
        default_csp = r.header("Content-Security-Policy")
        self.assertIn("script-src 'none'", default_csp)
        # refused input: the message next to the field, the input kept
        r = self.settings(slug, emc="12a", origin="http://emc.example/x", expect=422)
        self.assertEqual(r.by_id("emc_site_id-error").text, VI["visits_err_emc_site_id"])
        self.assertEqual(r.by_id("emc_origin-error").text, VI["visits_err_emc_origin"])
        self.assertEqual(r.by_id("emc_site_id").get("value"), "12a")
        self.assertEqual(r.by_id("emc_origin").get("value"), "http://emc.example/x")
        self.settings(slug, emc="4321", origin="https://emc.example.vn")
        self.addCleanup(self.settings, slug)
        for attempt in ("MISS", "HIT"):
            r = self.expect(self.get(c, "/"), 200)
            self.assertEqual(r.header("X-Cache"), attempt)
            self.check_html(r)
            tags = [s for s in r.tree().iter("script") if (s.get("src") or "").endswith("/js/emc.js")]
            self.assertEqual(len(tags), 1, "the tracker's script")
            self.assertEqual(tags[0].get("data-site-id"), "4321")
            self.assertEqual(tags[0].get("data-origin"), "https://emc.example.vn")
            csp = r.header("Content-Security-Policy")
            for directive in ("script-src", "connect-src", "img-src"):
                m = re.search(r"%s ([^;]*)" % directive, csp)
                self.assertTrue(m, csp)
                self.assertIn("https://emc.example.vn", m.group(1).split(), "%s allows EMC" % directive)
            others = set(re.findall(r"https?://[^\s;]+", csp))
            self.assertEqual(others, {"https://emc.example.vn"}, "exactly the EMC origin, no other")
        # another site is untouched
        r = self.expect(self.get(self.fx.client(SITE), "/"), 200)
        self.assertNotIn_("emc.js", r)
        self.assertNotIn("emc.example.vn", r.header("Content-Security-Policy"))
        self.expect(self.get(c, "/static/js/emc.js"), 200)
        # turned off: gone from the pages and their CSP
        self.settings(slug)
        r = self.expect(self.get(c, "/"), 200)
        self.assertNotIn_("emc.js", r)
        self.assertEqual(r.header("Content-Security-Policy"), default_csp)
