"""The search page: a box on every page, results across every site from the main portal and only
the site's own on a component site, Vietnamese matching end to end (diacritics, NFD, tone
placement, đ), highlighted snippets, filters, pagination, suggestions, the index in step with
publishing and withdrawal, and bad queries answered with a normal page."""
import re
import urllib.parse
import uuid

from conglib import CongTest, module_fixture, squash, text_of

setUpModule, tearDownModule = module_fixture()


def q(s, **extra):
    return "/tim-kiem?" + urllib.parse.urlencode(dict(q=s, **extra))


class Search(CongTest):
    @classmethod
    def setUpClass(cls):
        fx = cls.fx
        if hasattr(type(fx), "_search"):
            return
        snv, lh = fx.admin("admin", "snv"), fx.admin("admin", "longho")
        cat = fx.category(snv, "Tin tìm kiếm")[0]
        cat_lh = fx.category(lh, "Tin huyện tìm kiếm")[0]
        tag = uuid.uuid4().hex[:5]
        cls.tag = tag
        arts = {
            "thuy": (snv, cat, "Nạo vét kênh thủy lợi nội đồng %s" % tag, "Công trình thủy lợi phục vụ vụ lúa Đông Xuân."),
            "hoa": (snv, cat, "Hòa giải ở cơ sở %s" % tag, "Tổ hòa giải xã Hoà Bình được khen thưởng."),
            "ban": (snv, cat, "Bán đấu giá tài sản công %s" % tag, "Phiên bán đấu giá công khai theo Quyết định số 12/2024/QĐ-UBND."),
            "ban2": (snv, cat, "Bàn giao mặt bằng dự án %s" % tag, "Bàn giao trước ngày 30, không bán lại."),
            "dn": (lh, cat_lh, "Đường giao thông nông thôn Long Hồ %s" % tag, "Đầu tư đường liên ấp, đê bao chống lũ."),
        }
        cls.ids = {}
        for key, (c, cid, title, body) in arts.items():
            cls.ids[key] = fx.article(c, title, body=body, category_id=cid, publish=True)
        for i in range(13):  # enough for two pages of one word
            fx.article(snv, "Tin phân trang %s số %d" % (tag, i), body="Nội dung phân trang.", category_id=cat, publish=True)
        type(fx)._search = (cls.tag, cls.ids)

    def setUp(self):
        self.tag, self.ids = type(self.fx)._search

    def found(self, slug, query, **extra):
        r = self.page(self.fx.client(slug), q(query, **extra))
        ids = [int(m) for m in re.findall(r'<h2><a href="[^"]*-(\d+)">', r.text)]
        return r, ids

    def test_box_on_every_page(self):
        for slug in (None, "snv", "longho"):
            r = self.page(self.fx.client(slug), "/")
            forms = [f for f in r.tree().iter("form") if f.get("action") == "/tim-kiem" and f.get("role") == "search"]
            self.assertTrue(forms, "no search box on %s" % (slug or "the main portal"))

    def test_vietnamese_matching(self):
        t = self.tag
        cases = [
            ("thuy loi " + t, "thuy"), ("thủy lợi " + t, "thuy"), ("thuỷ lợi " + t, "thuy"), ("THỦY LỢI " + t, "thuy"),
            ("thu\u0309y lơ\u0323i " + t, "thuy"),  # NFD
            ("hoà giải " + t, "hoa"), ("hòa giải " + t, "hoa"), ("hoa giai " + t, "hoa"),
            ("duong giao thong " + t, "dn"), ("đường " + t, "dn"), ("Đường " + t, "dn"),
        ]
        for query, key in cases:
            with self.subTest(query=query):
                r, ids = self.found(None, query)  # the main portal searches every site
                self.assertIn(self.ids[key], ids, "%r did not find %s" % (query, key))

    def test_exact_diacritics_rank_first(self):
        r, ids = self.found("snv", "bán " + self.tag)
        self.assertIn(self.ids["ban"], ids)
        self.assertIn(self.ids["ban2"], ids, "a folded match is missing")
        self.assertLess(ids.index(self.ids["ban"]), ids.index(self.ids["ban2"]), "'bán' does not rank first")
        r, ids = self.found("snv", "bàn " + self.tag)
        self.assertEqual(ids[0], self.ids["ban2"], "'bàn' does not rank first")

    def test_document_number_forms(self):
        for query in ("12/2024/QĐ-UBND", "12/2024/qd-ubnd", "QĐ 12/2024", "qd-ubnd 12/2024"):
            with self.subTest(query=query):
                r, ids = self.found("snv", query)
                self.assertIn(self.ids["ban"], ids, "%r did not find the decision" % query)
        r, ids = self.found("snv", "13/2024/QĐ-UBND")
        self.assertNotIn(self.ids["ban"], ids, "another number found the decision")

    def test_phrase_and_exclusion(self):
        r, ids = self.found("snv", '"bán đấu giá" ' + self.tag)
        self.assertEqual(ids, [self.ids["ban"]])
        r, ids = self.found("snv", "bàn giao -bán " + self.tag)
        self.assertNotIn(self.ids["ban2"], ids, "-bán did not exclude")

    def test_sites_and_snippets(self):
        # the component site finds only its own; the main portal every site, linking to the site
        r, ids = self.found("snv", "đường " + self.tag)
        self.assertNotIn(self.ids["dn"], ids, "a component site's search returns another site's item")
        r, ids = self.found(None, "đường " + self.tag)
        self.assertIn(self.ids["dn"], ids)
        self.assertIn("http://longho.", r.text, "the result does not link to its own site")
        r, ids = self.found("snv", "thuy loi " + self.tag)
        self.assertIn_("<mark>thủy</mark>", r, "no highlighted word in the snippet")
        self.assertRegex(r.text, r"Tìm thấy <strong>1</strong> kết quả")
        # the main portal filters by site
        lh = re.search(r'<option value="(\d+)">Huyện Long Hồ', r.text) or \
            re.search(r'<option value="(\d+)">Huyện Long Hồ', self.page(self.fx.client(), "/tim-kiem").text)
        r, ids = self.found(None, "đường " + self.tag, **{"trang-web": lh.group(1)})
        self.assertEqual(ids, [self.ids["dn"]])

    def test_pagination_and_suggestion(self):
        r, ids = self.found("snv", "phân trang " + self.tag)
        self.assertEqual(len(ids), 10)
        self.assertRegex(r.text, r"Tìm thấy <strong>13</strong>")
        r2, ids2 = self.found("snv", "phân trang " + self.tag, trang="2")
        self.assertEqual(len(ids2), 3)
        self.assertFalse(set(ids) & set(ids2), "page 2 repeats page 1")
        r, ids = self.found("snv", "thuy loiii")
        self.assertEqual(ids, [])
        self.assertIn_("Có phải bạn muốn tìm", r, "no suggestion for a typo")

    def test_index_in_step(self):
        fx = self.fx
        snv = fx.admin("admin", "snv")
        aid = self.ids["hoa"]
        fx.act(snv, aid, "withdraw", comment="Thử gỡ")
        r, ids = self.found("snv", "hòa giải " + self.tag)
        self.assertNotIn(aid, ids, "a withdrawn item is still found")
        fx.act(snv, aid, "publish")
        r, ids = self.found("snv", "hòa giải " + self.tag)
        self.assertIn(aid, ids, "a republished item is not found")

    def test_bad_queries(self):
        for query in ("", " ", "a" * 2000, '"unbalanced', "!!! ??? ...", '" OR 1=1 --', "title_x:abc",
                      "NEAR(a b)", "*", "^x", "{title_f}:x", "AND OR NOT", "'; DROP TABLE items; --",
                      "\u0301\u0301", "-", "--x", '""'):
            with self.subTest(query=query[:30]):
                r = self.page(self.fx.client("snv"), q(query))
                self.assertEqual(r.status, 200)
        r = self.page(self.fx.client("snv"), q("x", tu="31/02/2024"))
        self.assertIsNotNone(r.by_id("tu-error"), "no message next to a bad date")

