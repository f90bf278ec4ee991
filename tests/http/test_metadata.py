"""Metadata of the public pages (docs/metadata.md; TT 24/2011, VP Đ4.16): Dublin Core with its six
mandatory elements never empty on the home page, the introduction, a news article, a legal
document, a gazette issue, a procedure, a week's schedule, a reception, an English page and every
published item of the site; schema.org JSON-LD of the kind's type with its fields (Legislation,
NewsArticle, GovernmentService, Event, GovernmentOrganization…) that no text can break out of;
Open Graph (article times, the cover as an absolute image); canonical addresses absolute with
the request's host and port; the site's export as CSV (python csv) and XML (xml.etree), one
record per published item, a withdrawn item absent.

The items are written through the admin forms and published by the snv approver."""
import csv
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET

from conglib import BASE, CongTest, module_fixture, png, squash
from items_helper import create, publish

setUpModule, tearDownModule = module_fixture()

MANDATORY = ("DC.title", "DC.creator", "DC.date", "DC.description", "DC.publisher", "DC.identifier")
DC_NAMES = ["DC.title", "DC.creator", "DC.subject", "DC.description", "DC.publisher", "DC.contributor", "DC.date",
            "DC.type", "DC.format", "DC.identifier", "DC.source", "DC.language", "DC.relation", "DC.coverage",
            "DC.rights"]
DC_NS = "http://purl.org/dc/elements/1.1/"
ISSUER = "Ủy ban nhân dân tỉnh Thử Nghiệm"
AGENCY = "Sở Nội vụ tỉnh Thử Nghiệm"
AUTHOR = "Trần Văn Phóng"
# a title that would end the JSON-LD block, open a comment and a script if it were written as it is
BREAKOUT = 'Tin có </script><!-- <script>alert(1)</script> & "ngoặc", dấu phẩy'
ISO_TIME = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$"


def nfc(s):
    return unicodedata.normalize("NFC", s)


def dc_of(r):
    """The page's Dublin Core tags: {name: [content, …]}."""
    out = {}
    for m in r.tree().iter("meta"):
        if (m.get("name") or "").startswith("DC."):
            out.setdefault(m.get("name"), []).append(m.get("content"))
    return out


def og_of(r):
    out = {}
    for m in r.tree().iter("meta"):
        if m.get("property"):
            out.setdefault(m.get("property"), []).append(m.get("content"))
    return out


def ld_blocks(r):
    """The raw text of each JSON-LD block, as a browser's tokenizer ends it (at the first
    "</script")."""
    return re.findall(r'<script type="application/ld\+json">(.*?)</script', r.text, re.S)


class Metadata(CongTest):
    @classmethod
    def setUpClass(cls):
        class T(CongTest):
            def runTest(self):
                pass
        t = T()
        fx = cls.fx
        c = fx.admin("duyet", "snv")
        cls.c = c
        cls.cat, _ = fx.category(c, "Tin hoạt động", description="Tin hoạt động của Sở.")
        cls.news = fx.article(c, "Hội nghị tổng kết công tác cải cách hành chính", category_id=cls.cat,
                              summary="Sở tổng kết công tác cải cách hành chính năm 2026.", author=AUTHOR,
                              cover_alt="Quang cảnh hội nghị", files=[("cover", "hoi-nghi.png", "image/png", png(64, 40))],
                              publish=True)
        cls.breakout = fx.article(c, BREAKOUT, category_id=cls.cat, publish=True)
        cls.english = fx.article(c, "Provincial Department of Home Affairs", category_id=cls.cat,
                                 summary="About the department.", publish=True)
        cls.legal = create(t, c, "van-ban", "Quy định mức thu học phí năm học 2024-2025", [
            ("so_ky_hieu", "12/2024/QĐ-UBND"), ("loai", "Quyết định"), ("co_quan_ban_hanh", ISSUER),
            ("nguoi_ky", "Nguyễn Văn A"), ("chuc_vu_nguoi_ky", "Chủ tịch"), ("ngay_ban_hanh", "15/03/2024"),
            ("ngay_hieu_luc", "25/03/2024"), ("linh_vuc", "Giáo dục; Tài chính"), ("pham_vi", "tinh"),
            ("can_cu", "01/2020/QĐ-UBND")], summary="Quy định mức thu học phí đối với cơ sở giáo dục công lập.")
        publish(t, c, "van-ban", cls.legal)
        cls.withdrawn = create(t, c, "van-ban", "Văn bản ban hành nhầm", [
            ("so_ky_hieu", "13/2024/QĐ-UBND"), ("loai", "Quyết định"), ("co_quan_ban_hanh", ISSUER),
            ("ngay_ban_hanh", "16/03/2024"), ("pham_vi", "tinh")])
        publish(t, c, "van-ban", cls.withdrawn)
        t.expect(c.post("/quan-tri/van-ban/%d/chuyen" % cls.withdrawn, [("action", "withdraw"),
                                                                          ("comment", "Ban hành nhầm")]), 303)
        cls.gazette = create(t, c, "cong-bao", "Công báo tỉnh số 15+16 năm 2024", [
            ("so", "15+16"), ("ngay", "20/03/2024"), ("van_ban", "12/2024/QĐ-UBND")])
        publish(t, c, "cong-bao", cls.gazette)
        cls.procedure = create(t, c, "thu-tuc", "Đăng ký khai sinh", [
            ("ma_thu_tuc", "1.001193"), ("linh_vuc", "Hộ tịch"), ("cap_thuc_hien", "xa"),
            ("co_quan_thuc_hien", "Ủy ban nhân dân cấp xã"), ("muc_do_dvc", "toan-trinh"),
            ("doi_tuong", "Công dân Việt Nam"), ("trinh_tu", "Nộp hồ sơ.\nNhận kết quả."),
            ("cach_thuc", "Trực tiếp hoặc trực tuyến."), ("thoi_han", "3"), ("phi_le_phi", "Miễn lệ phí."),
            ("ket_qua", "Giấy khai sinh."), ("can_cu", "60/2014/QH13"), ("ngay_hieu_luc", "16/03/2026")])
        publish(t, c, "thu-tuc", cls.procedure)
        entries = [("tuan", "30/12/2026"), ("ghi_chu", "")]
        rows = [{"ngay": "28/12/2026", "gio_bat_dau": "08:00", "gio_ket_thuc": "10:30",
                 "noi_dung": "Họp UBND tỉnh thường kỳ tháng 12", "chu_tri": "Ông Nguyễn Văn Thắng",
                 "dia_diem": "Phòng họp số 1"},
                {"ngay": "29/12/2026", "gio_bat_dau": "14:00", "noi_dung": "Làm việc với Sở Tài chính",
                 "chu_tri": "Bà Trần Thị Mai"}]
        for i, row in enumerate(rows):
            for k in ("ngay", "gio_bat_dau", "gio_ket_thuc", "noi_dung", "chu_tri", "dia_diem", "chuan_bi",
                      "thanh_phan"):
                entries.append(("lich.%d.%s" % (i, k), row.get(k, "")))
        cls.schedule = create(t, c, "lich-cong-tac", "Lịch công tác tuần 53 năm 2026", entries)
        publish(t, c, "lich-cong-tac", cls.schedule)
        cls.reception = create(t, c, "lich-tiep-cong-dan", "Lịch tiếp công dân tháng 12 năm 2026", [
            ("ngay", "15/12/2026"), ("gio", "07:30"), ("lanh_dao", "Ông Nguyễn Văn Thắng, Chủ tịch UBND tỉnh"),
            ("dia_diem", "Trụ sở Ban Tiếp công dân tỉnh"), ("ket_qua", "")])
        publish(t, c, "lich-tiep-cong-dan", cls.reception)
        cls.intro = create(t, c, "trang", "Giới thiệu chung về Sở Nội vụ", [("loai", "gioi-thieu"), ("thu_tu", "")],
                           summary="Sở Nội vụ là cơ quan chuyên môn của UBND tỉnh.")
        publish(t, c, "trang", cls.intro)
        cls.site_id = fx.sql("SELECT id FROM sites WHERE slug = 'snv'")[0][0]
        # the English page: an item in English (the translations of issue #16 write the same column),
        # served at its /en/ address on a site that publishes in English (docs/languages.md)
        fx.sql("UPDATE items SET lang = 'en' WHERE id = ?", (cls.english,))
        fx.sql("UPDATE sites SET languages = 'en' WHERE slug = 'snv'")
        fx.bump_cache()

    # -- helpers

    def origin(self, slug="snv"):
        host = BASE if slug is None else "%s.%s" % (slug, BASE)
        return "http://%s:%d" % (host, self.fx.port)

    def path_of(self, iid):
        """The public address of item IID on snv (/tin/x-ID redirects to it)."""
        c = self.fx.client("snv")
        r = c.get("/tin/x-%d" % iid)
        while r.status in (301, 302):
            path = r.location_path
            r = c.get(path)
        self.expect(r, 200, "item %d" % iid)
        return path

    def get(self, path, slug="snv"):
        return self.page(self.fx.client(slug), path)

    def check_dc(self, r):
        """The mandatory elements once each and never empty, the schema link, DC.identifier the
        canonical address (absolute, with the request's host and port)."""
        self.assertEqual(len(r.find_all("link", rel="schema.DC")), 1, "%r: the DC schema link" % r)
        metas = dc_of(r)
        for name in MANDATORY:
            self.assertEqual(len(metas.get(name, [])), 1, "%r: %s: %s" % (r, name, metas.get(name)))
            self.assertTrue(metas[name][0].strip(), "%r: %s is empty" % (r, name))
        for name, values in metas.items():
            self.assertIn(name, DC_NAMES, "%r: an element TT 24/2011 does not list" % r)
            self.assertTrue(all(v.strip() for v in values), "%r: %s empty" % (r, name))
        canon = [link.get("href") for link in r.find_all("link", rel="canonical")]
        self.assertEqual(len(canon), 1)
        self.assertTrue(canon[0].startswith(self.origin() + "/") or canon[0].startswith(self.origin(None) + "/"),
                        "%r: canonical %s is not absolute with the request's host and port" % (r, canon[0]))
        self.assertEqual(metas["DC.identifier"], canon, "%r: DC.identifier is the canonical address" % r)
        self.assertEqual(og_of(r).get("og:url"), canon, "%r: og:url" % r)
        return metas

    def ld(self, r):
        """The page's one JSON-LD block, parsed."""
        blocks = ld_blocks(r)
        self.assertEqual(len(blocks), 1, "%r: JSON-LD blocks" % r)
        self.assertNotIn("<", blocks[0], "%r: a '<' in the JSON-LD block" % r)
        data = json.loads(blocks[0])
        self.assertEqual(data.get("@context"), "https://schema.org")
        return data

    # -- the pages

    def test_home_page(self):
        r = self.get("/")
        metas = self.check_dc(r)
        self.assertEqual(metas["DC.identifier"], [self.origin() + "/"])
        self.assertEqual(metas["DC.publisher"], ["Sở Nội vụ"], "a site without an owner: its name")
        self.assertRegex(metas["DC.date"][0], ISO_TIME)
        self.assertEqual(og_of(r).get("og:type"), ["website"])
        self.assertEqual(og_of(r).get("og:locale"), ["vi_VN"])
        ld = self.ld(r)
        self.assertEqual(ld["@type"], "GovernmentOrganization")
        self.assertEqual(ld["name"], "Sở Nội vụ")
        self.assertEqual(ld["url"], self.origin() + "/")
        self.assertEqual(ld["parentOrganization"]["url"], self.origin(None) + "/", "the main portal is the parent")
        # the main portal's home: no parent
        main = self.ld(self.get("/", slug=None))
        self.assertEqual(main["@type"], "GovernmentOrganization")
        self.assertNotIn("parentOrganization", main)

    def test_introduction(self):
        r = self.fx.client("snv").get("/gioi-thieu")
        self.expect(r, 302)
        r = self.get(r.location_path)
        metas = self.check_dc(r)
        self.assertEqual(metas["DC.description"], ["Sở Nội vụ là cơ quan chuyên môn của UBND tỉnh."])
        ld = self.ld(r)
        self.assertEqual(ld["@type"], "GovernmentOrganization")
        self.assertEqual(ld["name"], "Sở Nội vụ")
        self.assertEqual(ld["mainEntityOfPage"]["url"], metas["DC.identifier"][0])
        self.assertEqual(ld["mainEntityOfPage"]["name"], "Giới thiệu chung về Sở Nội vụ")

    def test_news_article(self):
        path = self.path_of(self.news)
        r = self.get(path)
        metas = self.check_dc(r)
        self.assertEqual(metas["DC.identifier"], [self.origin() + path])
        self.assertEqual(metas["DC.creator"], [AUTHOR], "the author writes the article")
        self.assertEqual(metas["DC.subject"], ["Tin hoạt động"], "the category")
        self.assertEqual(metas["DC.type"], ["Tin bài"])
        self.assertRegex(metas["DC.date"][0], ISO_TIME)
        og = og_of(r)
        self.assertEqual(og.get("og:type"), ["article"])
        self.assertRegex(og["article:published_time"][0], ISO_TIME)
        self.assertEqual(og["article:published_time"], metas["DC.date"])
        self.assertEqual(og.get("article:section"), ["Tin hoạt động"])
        image = og.get("og:image", [""])[0]
        self.assertRegex(image, r"^%s/media/[0-9a-f]{64}\.png$" % re.escape(self.origin()), "the cover, absolute")
        self.assertEqual(og.get("og:image:alt"), ["Quang cảnh hội nghị"])
        img = self.fx.client("snv").get(image[len(self.origin()):])
        self.expect(img, 200)
        ld = self.ld(r)
        self.assertEqual(ld["@type"], "NewsArticle")
        self.assertEqual(ld["headline"], "Hội nghị tổng kết công tác cải cách hành chính")
        self.assertEqual(ld["author"], {"@type": "Person", "name": AUTHOR})
        self.assertEqual(ld["datePublished"], metas["DC.date"][0])
        self.assertEqual(ld["image"], image)
        self.assertEqual(ld["publisher"]["name"], "Sở Nội vụ")
        self.assertEqual(ld["url"], self.origin() + path)

    def test_article_modified_time(self):
        """An item changed after its publication says when (Open Graph, JSON-LD)."""
        path = self.path_of(self.news)
        pub = self.fx.sql("SELECT published_at, updated_at FROM items WHERE id = ?", (self.news,))[0]
        try:
            self.fx.sql("UPDATE items SET updated_at = ? WHERE id = ?", (pub[0] + 7200, self.news))
            self.fx.bump_cache()
            r = self.get(path)
            og = og_of(r)
            self.assertEqual(len(og.get("article:modified_time", [])), 1)
            self.assertRegex(og["article:modified_time"][0], ISO_TIME)
            self.assertNotEqual(og["article:modified_time"], og["article:published_time"])
            self.assertEqual(self.ld(r)["dateModified"], og["article:modified_time"][0])
        finally:
            self.fx.sql("UPDATE items SET updated_at = ? WHERE id = ?", (pub[1], self.news))
            self.fx.bump_cache()

    def test_no_text_breaks_out_of_the_json_ld(self):
        path = self.path_of(self.breakout)
        r = self.get(path)  # valid HTML5 (html5lib, strict): the block did not swallow the page
        blocks = ld_blocks(r)
        self.assertEqual(len(blocks), 1)
        self.assertNotIn("<!--", blocks[0])
        self.assertNotIn("</", blocks[0])
        ld = json.loads(blocks[0])
        self.assertEqual(ld["headline"], nfc(BREAKOUT), "the title comes back whole from the JSON")
        scripts = [s for s in r.tree().iter("script")]
        self.assertEqual([s.get("type") for s in scripts], ["application/ld+json"], "no other script on the page")
        metas = self.check_dc(r)
        self.assertEqual(metas["DC.title"], [nfc(BREAKOUT)])
        # a data block: the page's policy forbids scripts, and a data block is none
        self.assertIn("script-src 'none'", r.header("Content-Security-Policy") or "")

    def test_english_page(self):
        path = self.path_of(self.english)
        self.assertTrue(path.startswith("/en/"), path)
        r = self.expect(self.fx.client("snv").get(path), 200)
        self.assertRegex(r.text[:300], r'<html lang="en"')
        metas = self.check_dc(r)
        self.assertEqual(metas["DC.language"], ["en"])
        self.assertEqual(og_of(r).get("og:locale"), ["en_US"])
        self.assertEqual(self.ld(r)["inLanguage"], "en")

    def test_legal_document(self):
        path = self.path_of(self.legal)
        r = self.get(path)
        metas = self.check_dc(r)
        self.assertEqual(metas["DC.creator"], [ISSUER], "the issuing body")
        self.assertEqual(metas["DC.contributor"], ["Nguyễn Văn A"], "the signer")
        self.assertEqual(metas["DC.date"], ["2024-03-15"], "the issue date")
        self.assertEqual(metas["DC.subject"], ["Giáo dục; Tài chính"], "several values joined by ';'")
        self.assertEqual(metas["DC.relation"], ["01/2020/QĐ-UBND"], "the documents it names")
        self.assertEqual(metas["DC.coverage"], ["Tỉnh"])
        self.assertEqual(metas["DC.type"], ["Văn bản"])
        self.assertEqual(metas["DC.format"], ["text/html"])
        self.assertEqual(metas["DC.language"], ["vi"])
        ld = self.ld(r)
        self.assertEqual(ld["@type"], "Legislation")
        self.assertEqual(ld["legislationIdentifier"], "12/2024/QĐ-UBND")
        self.assertEqual(ld["legislationDate"], "2024-03-15")
        self.assertEqual(ld["legislationType"], "Quyết định")
        self.assertEqual(ld["legislationPassedBy"], {"@type": "GovernmentOrganization", "name": ISSUER})
        self.assertEqual(ld["legislationResponsible"], {"@type": "Person", "name": "Nguyễn Văn A"})
        self.assertEqual(ld["keywords"], ["Giáo dục", "Tài chính"])
        self.assertEqual(ld["name"], "Quy định mức thu học phí năm học 2024-2025")
        self.assertEqual(ld["description"], "Quy định mức thu học phí đối với cơ sở giáo dục công lập.")
        self.assertEqual(ld["url"], self.origin() + path)
        self.assertEqual(og_of(r).get("og:type"), ["article"])
        # the print view carries none of it (noindex; its canonical is the page's)
        pr = self.fx.client("snv").get(path + "/ban-in")
        self.expect(pr, 200)
        self.assertFalse(ld_blocks(pr))

    def test_gazette_issue(self):
        r = self.get(self.path_of(self.gazette))
        metas = self.check_dc(r)
        self.assertEqual(metas["DC.creator"], ["Sở Nội vụ"], "no creator field: the site's owner (its name)")
        self.assertEqual(metas["DC.date"], ["2024-03-20"])
        self.assertEqual(metas["DC.relation"], ["12/2024/QĐ-UBND"], "the documents of the issue")
        ld = self.ld(r)
        self.assertEqual(ld["@type"], "PublicationIssue")
        self.assertEqual(ld["issueNumber"], "15+16")

    def test_procedure(self):
        r = self.get(self.path_of(self.procedure))
        metas = self.check_dc(r)
        self.assertEqual(metas["DC.creator"], ["Ủy ban nhân dân cấp xã"])
        self.assertEqual(metas["DC.subject"], ["Hộ tịch"])
        self.assertEqual(metas["DC.relation"], ["60/2014/QH13"], "its legal basis")
        ld = self.ld(r)
        self.assertEqual(ld["@type"], "GovernmentService")
        self.assertEqual(ld["identifier"], "1.001193")
        self.assertEqual(ld["serviceType"], "Hộ tịch")
        self.assertEqual(ld["provider"], {"@type": "GovernmentOrganization", "name": "Ủy ban nhân dân cấp xã"})
        self.assertEqual(ld["audience"], {"@type": "Audience", "audienceType": "Công dân Việt Nam"})
        self.assertNotIn("datePublished", ld, "a service is not a creative work")

    def test_schedule(self):
        r = self.get(self.path_of(self.schedule))
        metas = self.check_dc(r)
        self.assertEqual(metas["DC.date"], ["2026-12-28"], "the week, by its Monday")
        ld = self.ld(r)
        self.assertEqual(ld["@type"], "ItemList")
        self.assertEqual(ld["numberOfItems"], 2)
        first, second = ld["itemListElement"]
        self.assertEqual(first["@type"], "Event")
        self.assertEqual(first["name"], "Họp UBND tỉnh thường kỳ tháng 12")
        self.assertEqual(first["startDate"], "2026-12-28T08:00:00+07:00")
        self.assertEqual(first["endDate"], "2026-12-28T10:30:00+07:00")
        self.assertEqual(first["location"], {"@type": "Place", "name": "Phòng họp số 1"})
        self.assertEqual(first["organizer"], {"@type": "Person", "name": "Ông Nguyễn Văn Thắng"})
        self.assertEqual(second["startDate"], "2026-12-29T14:00:00+07:00")
        self.assertNotIn("endDate", second, "no end time: no end")
        self.assertNotIn("location", second)

    def test_reception(self):
        r = self.get(self.path_of(self.reception))
        metas = self.check_dc(r)
        self.assertEqual(metas["DC.date"], ["2026-12-15"])
        self.assertEqual(metas["DC.coverage"], ["Trụ sở Ban Tiếp công dân tỉnh"])
        ld = self.ld(r)
        self.assertEqual(ld["@type"], "Event")
        self.assertEqual(ld["startDate"], "2026-12-15T07:30:00+07:00")
        self.assertEqual(ld["location"]["name"], "Trụ sở Ban Tiếp công dân tỉnh")
        self.assertEqual(ld["organizer"]["name"], "Ông Nguyễn Văn Thắng, Chủ tịch UBND tỉnh")

    def test_other_pages_have_the_sites_metadata(self):
        for path in ("/van-ban", "/tim-kiem?q=h%E1%BB%8Dc+ph%C3%AD", "/so-do-trang"):
            r = self.get(path)
            metas = self.check_dc(r)
            self.assertEqual(metas["DC.creator"], ["Sở Nội vụ"])
            ld = self.ld(r)
            self.assertEqual(ld["@type"], "WebPage")
            self.assertEqual(ld["publisher"]["name"], "Sở Nội vụ")

    # -- the export

    def published(self):
        return self.fx.sql("SELECT count(*) FROM items WHERE site_id = ? AND state = 'published'", (self.site_id,))[0][0]

    def test_export_csv(self):
        r = self.fx.client("snv").get("/sieu-du-lieu.csv")
        self.expect(r, 200)
        self.assertTrue(r.ctype.startswith("text/csv"), r.ctype)
        text = r.body.decode("utf-8")
        self.assertTrue(text.startswith("\ufeff"), "a byte-order mark for spreadsheets")
        rows = list(csv.reader(io.StringIO(text[1:], newline="")))
        self.assertEqual(rows[0], DC_NAMES)
        records = [dict(zip(rows[0], row)) for row in rows[1:]]
        self.assertEqual(len(records), self.published(), "one row per published item")
        ids = [rec["DC.identifier"] for rec in records]
        self.assertEqual(len(set(ids)), len(ids))
        self.assertFalse([i for i in ids if i.endswith("-%d" % self.withdrawn)], "the withdrawn document")
        for rec in records:
            for name in MANDATORY:
                self.assertTrue(rec[name].strip(), "%s empty in %s" % (name, rec["DC.identifier"]))
            self.assertTrue(rec["DC.identifier"].startswith(self.origin() + "/"), rec["DC.identifier"])
        legal = [rec for rec in records if rec["DC.identifier"] == self.origin() + self.path_of(self.legal)]
        self.assertEqual(len(legal), 1)
        self.assertEqual(legal[0]["DC.creator"], ISSUER)
        self.assertEqual(legal[0]["DC.date"], "2024-03-15")
        self.assertEqual(legal[0]["DC.subject"], "Giáo dục; Tài chính")
        titles = [rec["DC.title"] for rec in records]
        self.assertIn(nfc(BREAKOUT), titles, "quotes and commas quoted, the title whole")

    def test_export_xml(self):
        r = self.fx.client("snv").get("/sieu-du-lieu.xml")
        self.expect(r, 200)
        self.assertTrue(r.ctype.startswith("application/xml"), r.ctype)
        root = ET.fromstring(r.body)
        self.assertEqual(root.tag, "metadata")
        n = self.published()
        self.assertEqual(root.get("total"), str(n))
        self.assertEqual((root.get("page"), root.get("pages")), ("1", "1"))
        self.assertEqual(root.get("url"), self.origin() + "/")
        records = root.findall("record")
        self.assertEqual(len(records), n, "one record per published item")
        by_id = {int(rec.get("id")): rec for rec in records}
        self.assertNotIn(self.withdrawn, by_id, "the withdrawn document")
        for rec in records:
            for name in MANDATORY:
                el = rec.findall("{%s}%s" % (DC_NS, name[3:]))
                self.assertEqual(len(el), 1, "%s of record %s" % (name, rec.get("id")))
                self.assertTrue((el[0].text or "").strip())
        legal = by_id[self.legal]
        self.assertEqual(legal.get("kind"), "legal")
        self.assertEqual([e.text for e in legal.findall("{%s}subject" % DC_NS)], ["Giáo dục", "Tài chính"],
                         "one element per value")
        self.assertEqual(legal.find("{%s}creator" % DC_NS).text, ISSUER)
        self.assertEqual(by_id[self.breakout].find("{%s}title" % DC_NS).text, nfc(BREAKOUT))
        self.assertEqual(by_id[self.procedure].get("kind"), "procedure")

    def test_export_pages(self):
        c = self.fx.client("snv")
        self.expect(c.get("/sieu-du-lieu.xml?trang=1"), 200)
        for bad in ("2", "0", "x"):
            self.expect(c.get("/sieu-du-lieu.csv?trang=%s" % bad), 404)
        # another site's export holds its own items only
        other = ET.fromstring(self.expect(self.fx.client("longho").get("/sieu-du-lieu.xml"), 200).body)
        self.assertEqual(other.findall("record"), [])
        self.assertEqual(other.get("total"), "0")

    def test_every_published_item_has_its_metadata(self):
        """Every kind the site publishes, whatever its descriptor: the mandatory elements and a
        JSON-LD of a type."""
        root = ET.fromstring(self.expect(self.fx.client("snv").get("/sieu-du-lieu.xml"), 200).body)
        kinds = set()
        for rec in root.findall("record"):
            url = rec.find("{%s}identifier" % DC_NS).text
            self.assertTrue(url.startswith(self.origin() + "/"), url)
            path = url[len(self.origin()):]
            # an English page is checked as HTML without check_html's <html lang="vi">
            r = self.get(path) if not path.startswith("/en/") else self.expect(self.fx.client("snv").get(path), 200)
            metas = self.check_dc(r)
            self.assertEqual(metas["DC.title"][0], rec.find("{%s}title" % DC_NS).text)
            self.assertTrue(self.ld(r).get("@type"))
            kinds.add(rec.get("kind"))
        self.assertGreaterEqual(kinds, {"article", "legal", "gazette", "procedure", "schedule", "reception", "page"},
                                squash(str(kinds)))
