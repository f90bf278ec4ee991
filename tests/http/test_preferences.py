"""Display preferences, the accessibility chrome of TT 26/2020, share links and open data
(docs/accessibility.md, docs/open-data.md): the preferences' route sets its cookie and sends the
reader back to a path of the site only (no open redirect); the class on <html> follows the cookie
and each combination is a cached variant of its own, the readers without the cookie still served
the shared page from the cache; every page has the accesskeys, announced on the statement page
with the site's contact; item pages carry share links with their address encoded and nothing of a
third party; the "Dữ liệu mở" page lists the open-data kinds with the number of records of their
CSV, the date of their latest change and the licence, and its DCAT catalogue says the same."""
import csv
import io
import json
import re
import urllib.parse
from datetime import datetime, timedelta, timezone

from conglib import BASE, SNV_INFO, CongTest, locale_texts, module_fixture
from items_helper import create, publish

setUpModule, tearDownModule = module_fixture()

VI = locale_texts("vi")
ISSUER = "Ủy ban nhân dân tỉnh Thử Nghiệm"
VN = timezone(timedelta(hours=7))


def legal_fields(number, day="15/03/2024"):
    return [("so_ky_hieu", number), ("loai", "Quyết định"), ("co_quan_ban_hanh", ISSUER), ("ngay_ban_hanh", day),
            ("ngay_hieu_luc", day), ("linh_vuc", "Giáo dục"), ("pham_vi", "tinh")]


class Preferences(CongTest):
    @classmethod
    def setUpClass(cls):
        class T(CongTest):
            def runTest(self):
                pass
        cls.t = T()
        cls.c = cls.fx.admin("duyet", "snv")
        cls.cat, _ = cls.fx.category(cls.c, "Tin trợ năng")
        cls.news = cls.fx.article(cls.c, "Tin có dấu & ký tự đặc biệt?", category_id=cls.cat, publish=True)

    def origin(self, slug="snv"):
        return "http://%s.%s:%d" % (slug, BASE, self.fx.port)

    def html_class(self, r):
        m = re.search(r"<html([^>]*)>", r.text)
        cls = re.search(r'class="([^"]*)"', m.group(1)) if m else None
        return cls.group(1).split() if cls else []

    # -- the preferences

    def test_cookie_set_and_applied(self):
        c = self.fx.client("snv")
        r = self.expect(c.get("/tuy-chon?co-chu=lon&tuong-phan=cao&quay-lai=%2Fvan-ban%3Fnam%3D2024"), 303)
        self.assertEqual(r.location_path, "/van-ban?nam=2024", "back to the page with its query")
        cookie = [h for h in c.set_cookie_headers if h.startswith("tuy-chon=")][-1]
        self.assertTrue(cookie.startswith("tuy-chon=lon.cao;"), cookie)
        for attr in ("Path=/", "SameSite=Lax", "HttpOnly", "Max-Age=31536000"):
            self.assertIn(attr, cookie)
        r = self.page(c, "/")
        self.assertEqual(sorted(self.html_class(r)), ["chu-lon", "tuong-phan-cao"])
        sizes = {a.text: a.get("aria-current") for a in r.tree().iter("a") if "co-chu=" in (a.get("href") or "")}
        self.assertEqual(sizes[VI["a11y_size_large"]], "true", "the current size is marked")
        self.assertIsNone(sizes[VI["a11y_size_normal"]])
        self.assertIn_(VI["a11y_contrast_off"], r, "the contrast link turns it off now")
        self.assertIn('href="/static/css/a11y.css"', r.text)
        # one part changed keeps the other
        self.expect(c.get("/tuy-chon?co-chu=rat-lon&quay-lai=%2F"), 303)
        self.assertEqual(c.cookies.get("tuy-chon"), "rat-lon.cao")
        self.assertEqual(sorted(self.html_class(self.page(c, "/"))), ["chu-rat-lon", "tuong-phan-cao"])
        # back to the defaults: the cookie goes and the page is everyone's again
        self.expect(c.get("/tuy-chon?co-chu=thuong&tuong-phan=thuong&quay-lai=%2F"), 303)
        self.assertNotIn("tuy-chon", c.cookies)
        self.assertEqual(self.html_class(self.page(c, "/")), [])

    def test_bad_cookie_and_values_read_as_defaults(self):
        c = self.fx.client("snv")
        c.cookies["tuy-chon"] = "khong-hop-le"
        self.assertEqual(self.html_class(self.page(c, "/")), [])
        c.cookies["tuy-chon"] = "lon.cao.them"
        self.assertEqual(self.html_class(self.page(c, "/")), [])
        del c.cookies["tuy-chon"]
        r = self.expect(c.get("/tuy-chon?co-chu=khong-lo&tuong-phan=xanh"), 303)
        self.assertEqual(r.location_path, "/")
        self.assertNotIn("tuy-chon", c.cookies, "unknown values set nothing")

    def test_return_path_is_never_another_site(self):
        c = self.fx.client("snv")
        for back in ("//evil.example/x", "https://evil.example/", "/\\evil.example", "\\\\evil.example",
                     "evil.example", "/a\r\nSet-Cookie: x=1", "javascript:alert(1)", "/" + "a" * 3000):
            r = self.expect(c.get("/tuy-chon?co-chu=lon&quay-lai=" + urllib.parse.quote(back, safe="")), 303, back)
            self.assertEqual(r.location_path, "/", "%r must send back home" % back)
            self.assertNotIn("evil", r.header("Location"))
            self.assertNotIn("x=1", " ".join(c.set_cookie_headers))
        # a page of the site in English goes back under its prefix
        r = self.expect(c.get("/tuy-chon?tuong-phan=cao&quay-lai=%2Fso-do-trang"), 303)
        self.assertEqual(r.location_path, "/so-do-trang")

    def test_cached_pages_stay_shared(self):
        plain, pref = self.fx.client("snv"), self.fx.client("snv")
        self.expect(pref.get("/tuy-chon?tuong-phan=cao&quay-lai=%2F"), 303)
        path = "/so-do-trang"
        plain.get(path)
        r1 = plain.get(path)
        self.assertEqual(r1.header("X-Cache"), "HIT", "the shared page from the cache")
        self.assertIn("Cookie", r1.header("Vary"))
        self.assertEqual(self.html_class(r1), [])
        pref.get(path)
        r2 = pref.get(path)
        self.assertEqual(r2.header("X-Cache"), "HIT", "the high-contrast variant is cached too")
        self.assertEqual(self.html_class(r2), ["tuong-phan-cao"])
        self.assertNotEqual(r1.header("ETag"), r2.header("ETag"), "a variant has its own validator")
        r3 = plain.get(path)
        self.assertEqual(r3.header("X-Cache"), "HIT")
        self.assertEqual(self.html_class(r3), [], "the variant never reaches a reader without the cookie")
        self.assertEqual(r3.body, r1.body, "the shared page's bytes are unchanged")

    # -- the shortcuts and the statement

    def test_accesskeys_on_every_page(self):
        c = self.fx.client("snv")
        for path in ("/", "/so-do-trang", self.fx.public_path("snv", self.news), "/du-lieu-mo", "/tro-nang-tiep-can"):
            r = self.page(c, path)
            keys = {a.get("accesskey"): a.get("href") for a in r.tree().iter("a") if a.get("accesskey")}
            self.assertEqual(keys, {"1": "/", "3": "/so-do-trang", "4": "/tim-kiem", "0": "/tro-nang-tiep-can"}, path)

    def test_statement_announces_the_shortcuts_and_the_contact(self):
        r = self.page(self.fx.client("snv"), "/tro-nang-tiep-can")
        self.assertIn_("26/2020/TT-BTTTT", r, "the standard")
        self.assertIn_("WCAG", r)
        rows = [[re.sub(r"\s+", " ", "".join(td.itertext())).strip() for td in tr.iter("td")]
                for tr in r.tree().iter("tr")]
        rows = [row for row in rows if row]
        self.assertEqual(rows, [["1", VI["a11y_key_home"]], ["3", VI["a11y_key_sitemap"]],
                                ["4", VI["a11y_key_search"]], ["0", VI["a11y_key_statement"]]])
        for v in (SNV_INFO["email"], SNV_INFO["phone"], SNV_INFO["address"]):
            self.assertIn_(v, r, "the site's contact")
        self.assertIn_(VI["a11y_prefs_heading"], r)

    # -- share links

    def test_share_links(self):
        c = self.fx.client("snv")
        legal = create(self, self.c, "van-ban", "Quyết định về chia sẻ & trợ năng", legal_fields("88/2024/QĐ-UBND"))
        publish(self, self.c, "van-ban", legal)
        for iid in (self.news, legal):
            path = self.fx.public_path("snv", iid)
            r = self.page(c, path)
            canonical = self.origin() + path
            enc = urllib.parse.quote(canonical, safe="")
            hrefs = {a.get("class"): a for a in r.tree().iter("a") if (a.get("class") or "").startswith("share-")}
            self.assertEqual(hrefs["share-facebook"].get("href"), "https://www.facebook.com/sharer/sharer.php?u=" + enc)
            self.assertEqual(hrefs["share-zalo"].get("href"), "https://zalo.me/share?url=" + enc)
            self.assertTrue(hrefs["share-x"].get("href").startswith("https://x.com/intent/post?url=" + enc + "&text="))
            mail = urllib.parse.urlsplit(hrefs["share-email"].get("href"))
            self.assertEqual(mail.scheme, "mailto")
            self.assertEqual(urllib.parse.parse_qs(mail.query)["body"], [canonical])
            for name in ("share-facebook", "share-zalo", "share-x"):
                self.assertEqual(set(hrefs[name].get("rel").split()), {"noopener", "noreferrer"})
            box = [i for i in r.tree().iter("input") if i.get("id") == "lien-ket-trang"]
            self.assertEqual(len(box), 1)
            self.assertEqual(box[0].get("value"), canonical)
            self.assertIsNotNone(box[0].get("readonly"))
            # nothing of a third party loads with the page
            for el in r.tree().iter():
                if not isinstance(el.tag, str):
                    continue
                self.assertNotEqual(el.tag, "iframe")
                if el.tag == "script":
                    self.assertEqual(el.get("type"), "application/ld+json", "only data, never a script")
                for attr in ("src", "srcset"):
                    v = el.get(attr)
                    if v:
                        self.assertFalse(re.match(r"(https?:)?//", v) and not v.startswith(self.origin()),
                                         "%s %s=%r loads from another host" % (el.tag, attr, v))
                if el.tag == "link" and el.get("rel") in ("stylesheet", "preload", "prefetch", "preconnect"):
                    self.assertTrue(el.get("href").startswith("/"), el.get("href"))
        # the home page is no item: no share box
        self.assertNotIn("lien-ket-trang", self.page(c, "/").text)

    def test_site_map_names_both_pages(self):
        c = self.fx.client("snv")
        hrefs = [a.get("href") for a in self.page(c, "/so-do-trang").tree().iter("a")]
        self.assertIn("/du-lieu-mo", hrefs)
        self.assertIn("/tro-nang-tiep-can", hrefs)
        self.assertIn_("<loc>%s/du-lieu-mo</loc>" % self.origin(), self.expect(c.get("/sitemap.xml"), 200))

    # -- open data

    def newest_day(self, kind):
        row = self.fx.sql("SELECT max(a.published_at), max(a.updated_at) FROM items a JOIN sites s ON s.id = a.site_id"
                          " WHERE s.slug = 'snv' AND a.kind = ? AND a.state = 'published'", (kind,))[0]
        t = max(int(v) for v in row if v not in (None, ""))
        return datetime.fromtimestamp(t, VN).strftime("%d/%m/%Y")

    def datasets(self, r):
        out = {}
        for tr in r.tree().iter("tr"):
            if tr.get("class") != "open-dataset":
                continue
            cells = list(tr.iter("td"))
            links = {"".join(a.itertext()).split(" ")[0].split("\u00a0")[0].strip("– "): a.get("href")
                     for a in cells[0].iter("a")}
            out[tr.get("id")[len("bo-du-lieu-"):]] = {
                "records": int("".join(cells[1].itertext()).strip()),
                "updated": "".join(cells[2].itertext()).strip(),
                "links": links,
            }
        return out

    def csv_rows(self, c, url):
        path = urllib.parse.urlsplit(url).path
        r = self.expect(c.get(path), 200)
        return list(csv.DictReader(io.StringIO(r.body.decode("utf-8-sig"))))

    def test_open_data_page(self):
        c = self.fx.client("snv")
        for i in range(2):
            iid = create(self, self.c, "van-ban", "Văn bản dữ liệu mở %d" % i, legal_fields("%d/2025/QĐ-UBND" % (70 + i)))
            publish(self, self.c, "van-ban", iid)
        create(self, self.c, "van-ban", "Bản nháp không công bố", legal_fields("79/2025/QĐ-UBND"))
        r = self.page(c, "/du-lieu-mo")
        sets = self.datasets(r)
        self.assertEqual(sorted(sets), ["legal", "procedure", "project", "statistics"], "the kinds marked open data")
        for name, d in sets.items():
            self.assertEqual(set(d["links"]), {"CSV", "JSON", "API"}, name)
            rows = self.csv_rows(c, d["links"]["CSV"])
            self.assertEqual(d["records"], len(rows), "%s: the number of records is its CSV's" % name)
            js = self.expect(c.get(urllib.parse.urlsplit(d["links"]["JSON"]).path), 200)
            self.assertIn("json", js.ctype)
            self.expect(c.get(urllib.parse.urlsplit(d["links"]["API"]).path), 200)
        self.assertGreaterEqual(sets["legal"]["records"], 2)
        self.assertEqual(sets["legal"]["updated"], self.newest_day("legal"))
        for name, d in sets.items():
            if d["records"] == 0:
                self.assertEqual(d["updated"], VI["a11y_open_never"], name)
        self.assertIn_(VI["a11y_open_licence_default"], r, "the default licence")
        self.assertIn_('href="https://creativecommons.org/licenses/by/4.0/deed.vi" rel="license"', r)
        for kind in ("legal", "procedure", "project", "statistics"):
            self.assertIn_(VI["a11y_open_desc_%s" % kind], r)

    def test_open_data_cached_and_invalidated(self):
        c = self.fx.client("snv")
        c.get("/du-lieu-mo")
        r = c.get("/du-lieu-mo")
        self.assertEqual(r.header("X-Cache"), "HIT")
        before = self.datasets(r)["legal"]["records"]
        iid = create(self, self.c, "van-ban", "Văn bản mới làm mới trang", legal_fields("91/2025/QĐ-UBND"))
        publish(self, self.c, "van-ban", iid)
        after = self.datasets(self.page(c, "/du-lieu-mo"))["legal"]
        self.assertEqual(after["records"], before + 1, "a new document is counted at once")
        self.assertEqual(after["updated"], self.newest_day("legal"))
        # the licence is the installation's, set by the system administrator: every site's page
        # shows it at once (the pages' cache made old)
        sys = self.fx.admin("admin")
        r = self.expect(sys.post("/quan-tri/cai-dat/du-lieu-mo", [("licence_name", "Giấy phép dữ liệu mở tỉnh Thử Nghiệm"),
                                                                ("licence_url", "https://example.gov.vn/giay-phep")]), 303)
        try:
            r = self.page(c, "/du-lieu-mo")
            self.assertIn_('href="https://example.gov.vn/giay-phep" rel="license">Giấy phép dữ liệu mở tỉnh Thử Nghiệm', r)
            cat = json.loads(self.expect(c.get("/du-lieu-mo.json"), 200).body)
            self.assertEqual(cat["dct:license"], "https://example.gov.vn/giay-phep")
            rows = self.fx.sql("SELECT object, detail FROM audit WHERE action = 'settings.open_data_licence'")
            self.assertEqual([tuple(x) for x in rows][-1], ("Giấy phép dữ liệu mở tỉnh Thử Nghiệm", "https://example.gov.vn/giay-phep"))
        finally:
            self.expect(sys.post("/quan-tri/cai-dat/du-lieu-mo", [("licence_name", ""), ("licence_url", "")]), 303)
        self.assertIn_(VI["a11y_open_licence_default"], self.page(c, "/du-lieu-mo"), "both empty: the default again")

    def test_licence_form_refuses_bad_input_and_other_roles(self):
        sys = self.fx.admin("admin")
        r = self.expect(sys.post("/quan-tri/cai-dat/du-lieu-mo", [("licence_name", "Giấy phép X"),
                                                                ("licence_url", "javascript:alert(1)")]), 422)
        err = r.by_id("licence_url-error")
        self.assertIsNotNone(err, "the message next to the field")
        self.assertIn("http://", "".join(err.itertext()))
        self.assertIn('value="Giấy phép X"', r.text, "the input kept")
        r = self.expect(sys.post("/quan-tri/cai-dat/du-lieu-mo", [("licence_name", ""),
                                                                ("licence_url", "https://example.gov.vn/gp")]), 422)
        self.assertIsNotNone(r.by_id("licence_name-error"), "an address needs its name")
        rows = self.fx.sql("SELECT value FROM settings WHERE key = 'open_data_licence_url'")
        self.assertNotIn("https://example.gov.vn/gp", [x[0] for x in rows], "nothing saved")
        self.expect(self.fx.admin("duyet", "snv").get("/quan-tri/cai-dat/du-lieu-mo"), 403, "an approver")
        self.expect(self.fx.admin("duyet", "snv").post("/quan-tri/cai-dat/du-lieu-mo", [("licence_name", "Y")]), 403)
        self.expect(self.fx.client("snv").post("/quan-tri/cai-dat/du-lieu-mo", [("licence_name", "Y")]), 303,
                    "a stranger is sent to sign in")
        r = self.expect(sys.get("/quan-tri/cai-dat/du-lieu-mo"), 200)
        self.check_html(r, chrome=False)

    def test_catalogue_json(self):
        c = self.fx.client("snv")
        page = self.datasets(self.page(c, "/du-lieu-mo"))
        r = self.expect(c.get("/du-lieu-mo.json"), 200)
        self.assertIn("application/ld+json", r.ctype)
        cat = json.loads(r.body)
        self.assertEqual(cat["@type"], "dcat:Catalog")
        self.assertEqual(cat["dct:publisher"]["name"], self.fx.sql("SELECT owner FROM sites WHERE slug = 'snv'")[0][0])
        sets = {d["dct:identifier"]: d for d in cat["dcat:dataset"]}
        self.assertEqual(sorted(sets), sorted(page))
        for name, d in sets.items():
            self.assertEqual(d["numberOfRecords"], page[name]["records"])
            formats = {x["dct:format"]: x for x in d["dcat:distribution"]}
            self.assertEqual(sorted(formats), ["API", "CSV", "JSON"])
            self.assertEqual(urllib.parse.urlsplit(formats["CSV"]["dcat:downloadURL"]).path,
                             urllib.parse.urlsplit(page[name]["links"]["CSV"]).path)
            if page[name]["updated"] != VI["a11y_open_never"]:
                day = datetime.fromisoformat(d["dct:modified"]).strftime("%d/%m/%Y")
                self.assertEqual(day, page[name]["updated"])
