"""Administrative procedures (kind "procedure", docs/procedures.md): one code per site (a second
procedure with the same code refused with its message next to the code, the input kept; another
site may have it), a code that is no code refused, the national public-service portal's link on
the page built from the code, the filters (field, level, agency, online service level), the main
portal's list of every site's procedures with its filter by site, the open-data exports, and the
CSV import (a good file imported and published, the same file again changing nothing, a bad file
with every row's problem and nothing imported)."""
import csv
import io
import json
import os
import re
import urllib.parse

from conglib import ROOT, CongTest, module_fixture, png, squash, text_of

setUpModule, tearDownModule = module_fixture()

ADMIN = "/quan-tri/thu-tuc"
PORTAL = "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc="
DATA = os.path.join(ROOT, "tests", "data", "import")


def read(name):
    with open(os.path.join(DATA, name), "rb") as f:
        return f.read()


def form(code, title, level="xa", agency="Ủy ban nhân dân xã Châu Thành", field="Hộ tịch", service="toan-trinh",
         days="3", effective="16/03/2026", bases="60/2014/QH13"):
    return [("title", title), ("summary", ""), ("body", ""), ("ma_thu_tuc", code), ("linh_vuc", field),
            ("cap_thuc_hien", level), ("co_quan_thuc_hien", agency), ("muc_do_dvc", service),
            ("trinh_tu", "Nộp hồ sơ.\nNhận kết quả."), ("cach_thuc", "Trực tiếp hoặc trực tuyến."),
            ("thoi_han", days), ("phi_le_phi", "Miễn lệ phí."), ("ket_qua", "Giấy khai sinh."),
            ("can_cu", bases), ("ngay_hieu_luc", effective)]


class Procedures(CongTest):
    @classmethod
    def setUpClass(cls):
        fx = cls.fx
        # the approvers of two sites publish what they write (fixture settings)
        fx.add_user("duyet.xa", "approver", "chauthanh")
        fx.add_user("duyet.huyen", "approver", "longho")
        cls.xa = fx.admin("duyet.xa", "chauthanh")
        cls.huyen = fx.admin("duyet.huyen", "longho")
        cls.main = fx.admin("admin", None)

    def create(self, client, fields, expect=303):
        r = client.post(ADMIN + "/moi", fields, multipart_form=True)
        self.expect(r, expect, "a procedure: %s" % squash(r.text)[-300:])
        if expect != 303:
            return r
        m = re.match(re.escape(ADMIN) + r"/(\d+)", r.location_path)
        self.assertTrue(m, r.location)
        return int(m.group(1))

    def publish(self, client, iid):
        for action in ("submit", "edited", "publish"):
            r = client.post("%s/%d/chuyen" % (ADMIN, iid), [("action", action)])
            self.expect(r, 303, "%s of procedure %d" % (action, iid))

    def public(self, slug, iid):
        r = self.fx.client(slug).get("/tin/x-%d" % iid)
        while r.status == 301:
            path = r.location_path
            r = self.fx.client(slug).get(path)
        self.expect(r, 200, "procedure %d on %s" % (iid, slug))
        return r

    def codes_of(self, r):
        """The codes in a list page's table, in order."""
        out = []
        for tr in r.tree().iter("tr"):
            tds = tr.findall("td")
            if tds:
                out.append(squash(text_of(tds[0])))
        return out

    def test_codes_are_unique_per_site(self):
        a = self.create(self.xa, form("1.001193", "Đăng ký khai sinh"))
        # the same code on the same site, as typed with spaces: refused next to the code, input kept
        r = self.create(self.xa, form(" 1.001193 ", "Đăng ký khai sinh (lần hai)"), expect=422)
        self.check_html(r, chrome=False)
        err = r.by_id("ma_thu_tuc-error")
        self.assertIsNotNone(err, "a message next to the code")
        self.assertIn("Mã thủ tục này đã có trên cổng", squash(text_of(err)))
        self.assertIn_("Đăng ký khai sinh (lần hai)", r, "the title typed is kept")
        # the same procedure edited keeps its code
        r = self.xa.post("%s/%d" % (ADMIN, a), form("1.001193", "Đăng ký khai sinh", days="0"), multipart_form=True)
        self.expect(r, 303, "editing a procedure with its own code")
        # another site may have the code (each commune publishes its own)
        self.create(self.main, form("1.001193", "Đăng ký khai sinh", level="xa"))
        # a code that is no code
        r = self.create(self.xa, form("12/2024/QĐ-UBND", "Không phải mã"), expect=422)
        self.assertIn("Mã thủ tục chỉ gồm", squash(text_of(r.by_id("ma_thu_tuc-error"))))

    def test_page_links_to_the_national_portal_by_code(self):
        code = "2.000123.000.00.00.H62"
        iid = self.create(self.xa, form(code, "Thủ tục có mã đầy đủ", service="mot-phan", days="5"))
        self.publish(self.xa, iid)
        r = self.public("chauthanh", iid)
        self.check_html(r)
        links = [a for a in r.tree().iter("a") if (a.get("href") or "").startswith(PORTAL)]
        self.assertEqual(len(links), 1, "one link to the national portal")
        self.assertEqual(links[0].get("href"), PORTAL + urllib.parse.quote(code, safe=""))
        self.assertIn("Cổng Dịch vụ công quốc gia", squash(text_of(links[0])))
        self.assertIn("Mức độ dịch vụ công trực tuyến", squash(r.text))
        self.assertIn("Một phần", squash(r.text))
        # the legal basis is a relation: a number not in the database is shown as text
        self.assertIn("60/2014/QH13", squash(r.text))

    def test_filters_and_the_provinces_list(self):
        made = {}
        for client, slug, code, level, agency, service, field in (
                (self.xa, "chauthanh", "1.000894", "xa", "Ủy ban nhân dân xã Châu Thành", "mot-phan", "Hộ tịch"),
                (self.xa, "chauthanh", "2.000884", "xa", "Ủy ban nhân dân xã Châu Thành", "khong", "Chứng thực"),
                (self.huyen, "longho", "1.001612", "huyen", "Ủy ban nhân dân huyện Long Hồ", "toan-trinh",
                 "Thành lập và hoạt động của hộ kinh doanh"),
                (self.main, None, "2.001610", "tinh", "Sở Tài chính", "toan-trinh",
                 "Thành lập và hoạt động doanh nghiệp")):
            iid = self.create(client, form(code, "Thủ tục %s" % code, level=level, agency=agency, service=service,
                                           field=field))
            self.publish(client, iid)
            made[code] = (slug, iid)
        c = self.fx.client("chauthanh")
        r = self.expect(c.get("/thu-tuc"), 200)
        self.check_html(r)
        codes = self.codes_of(r)
        self.assertIn("1.000894", codes)
        self.assertNotIn("1.001612", codes, "a commune lists its own procedures")
        r = c.get("/thu-tuc?muc_do_dvc=khong")
        self.assertEqual(self.codes_of(r), ["2.000884"])
        r = c.get("/thu-tuc?linh_vuc=" + urllib.parse.quote("Chứng thực"))
        self.assertEqual(self.codes_of(r), ["2.000884"])
        # the main portal: every site's, filtered by level, agency, service level and site
        m = self.fx.client(None)
        r = self.expect(m.get("/thu-tuc"), 200)
        self.check_html(r)
        codes = self.codes_of(r)
        for code in made:
            self.assertIn(code, codes, "the province's list holds %s" % code)
        sel = r.by_id("loc-don-vi")
        self.assertIsNotNone(sel, "a filter by site")
        self.assertIn("chauthanh", [o.get("value") for o in sel.iter("option")])
        self.assertEqual(self.codes_of(m.get("/thu-tuc?cap_thuc_hien=huyen")), ["1.001612"])
        self.assertEqual(self.codes_of(m.get("/thu-tuc?cap_thuc_hien=tinh&muc_do_dvc=toan-trinh")), ["2.001610"])
        r = m.get("/thu-tuc?co_quan_thuc_hien=" + urllib.parse.quote("Ủy ban nhân dân huyện Long Hồ"))
        self.assertEqual(self.codes_of(r), ["1.001612"])
        r = m.get("/thu-tuc?don-vi=longho&cap_thuc_hien=huyen")
        self.assertEqual(self.codes_of(r), ["1.001612"])
        self.assertNotIn("1.000894", self.codes_of(m.get("/thu-tuc?don-vi=longho")), "the site filter")
        self.assertEqual(self.codes_of(m.get("/thu-tuc?don-vi=khong-co")), [], "a site that is none lists nothing")
        # a code, or its beginning, in the search box (#13: the procedures' list had none)
        r = self.expect(m.get("/thu-tuc"), 200)
        self.assertIsNotNone(r.by_id("loc-q"), "the code's search box")
        self.assertEqual(self.codes_of(m.get("/thu-tuc?q=1.001612")), ["1.001612"])
        found = self.codes_of(m.get("/thu-tuc?q=1.00"))
        self.assertTrue(all(c.startswith("1.00") for c in found), found)
        self.assertTrue({c for c in made if c.startswith("1.00")} <= set(found), found)
        self.assertNotIn("2.001610", found)
        self.assertEqual(self.codes_of(m.get("/thu-tuc?q=9.99")), [], "no such code")
        self.assertEqual(self.codes_of(self.fx.client("longho").get("/thu-tuc?q=1.000894")), [],
                         "a site's search holds its own procedures")
        # a row of another site links to the procedure on its own site
        r = m.get("/thu-tuc?don-vi=longho")
        hrefs = [a.get("href") for a in r.tree().iter("a") if "/thu-tuc/" in (a.get("href") or "")]
        self.assertTrue(any(h.startswith("http://longho.") and h.endswith("-%d" % made["1.001612"][1]) for h in hrefs),
                        hrefs)
        # open data: the same filtered list, each row with its site and its own address
        t = self.expect(m.get("/thu-tuc.csv?cap_thuc_hien=huyen"), 200)
        rows = list(csv.DictReader(io.StringIO(t.body.decode("utf-8-sig"))))
        self.assertEqual([x["ma_thu_tuc"] for x in rows], ["1.001612"])
        self.assertEqual(rows[0]["don-vi"], "longho")
        self.assertEqual(rows[0]["cap_thuc_hien"], "huyen")
        self.assertTrue(rows[0]["url"].startswith("http://longho."), rows[0]["url"])
        j = json.loads(self.expect(m.get("/thu-tuc.json?don-vi=chauthanh&muc_do_dvc=khong"), 200).body)
        self.assertEqual([x["ma_thu_tuc"] for x in j["items"]], ["2.000884"])
        self.assertEqual(j["total"], 1)

    def test_csv_import(self):
        page = "/quan-tri/nhap/thu-tuc"
        client = self.fx.admin("admin", "longho")
        site = self.fx.sql("SELECT id FROM sites WHERE slug = 'longho'")[0][0]

        def count():
            return self.fx.sql("SELECT count(*) FROM items WHERE kind = 'procedure' AND site_id = ?", (site,))[0][0]

        before = count()
        # a bad file: each row's problem, nothing imported
        r = client.post(page, files=[("file", "thu-tuc-loi.csv", "text/csv", read("thu-tuc-loi.csv"))])
        self.expect(r, 422, "the check of a bad file")
        text = squash(r.text)
        self.assertIn("Mã thủ tục chỉ gồm", text)
        self.assertIn("Trùng mã thủ tục với dòng 2.", text)
        self.assertIn("Cấp thực hiện", text)
        forms = [f for f in r.tree().iter("form") if "import-confirm" in (f.get("class") or "")]
        self.assertFalse(forms, "a bad file offers the import")
        self.assertEqual(count(), before)
        # a good one: checked, confirmed, published
        good = read("thu-tuc.csv")
        r = client.post(page, files=[("file", "thu-tuc.csv", "text/csv", good)])
        self.expect(r, 200, "the check of a good file")
        forms = [f for f in r.tree().iter("form") if "import-confirm" in (f.get("class") or "")]
        self.assertTrue(forms, "no confirmation for a clean file: %s" % squash(r.text)[-500:])
        fields = {i.get("name"): i.get("value") for i in forms[0].iter("input")}
        r = client.post(forms[0].get("action"), list(fields.items()), multipart_form=True)
        self.expect(r, 303, "the confirmation")
        self.assertEqual(count(), before + 3)
        pub = self.fx.client("longho").get("/thu-tuc?muc_do_dvc=khong")
        self.assertIn("2.000815", self.codes_of(pub))
        # the dossier column, rows on lines and cells " | " apart, is the page's table
        link = [a.get("href") for a in pub.tree().iter("a") if "/thu-tuc/chung-thuc-ban-sao" in (a.get("href") or "")]
        page = self.expect(self.fx.client("longho").get(link[0]), 200)
        table = page.find_all("table")
        cells = [[squash(text_of(td)) for td in tr.findall("td")] for t in table for tr in t.iter("tr")]
        self.assertIn(["Bản sao cần chứng thực", "Bản sao", "1", ""], cells)
        # the same file again: known by their codes, nothing changes
        r = client.post(page, files=[("file", "thu-tuc.csv", "text/csv", good)])
        forms = [f for f in r.tree().iter("form") if "import-confirm" in (f.get("class") or "")]
        if forms:
            fields = {i.get("name"): i.get("value") for i in forms[0].iter("input")}
            self.expect(client.post(forms[0].get("action"), list(fields.items()), multipart_form=True), 303)
        self.assertEqual(count(), before + 3, "importing the same file twice made new procedures")

    def test_update_deadline_counts_back_from_the_effective_day(self):
        """VP Đ7.5: published at least 10 working days before the regulating document takes
        effect; a site's administrator changes the count in the rule editor."""
        iid = self.create(self.xa, form("1.004837", "Đăng ký giám hộ", effective="27/02/2026"))
        line = lambda: squash(text_of(self.xa.get("%s/%d" % (ADMIN, iid)).by_id("han-cap-nhat")))
        # 10 working days back from Friday 27/2/2026 skip two weekends and Tết (16–20/2)
        self.assertIn("Hạn cập nhật: 06/02/2026 23:59", line())
        self.assertIn("10 ngày làm việc trước ngày có hiệu lực", line())
        boss = self.fx.admin("admin", "chauthanh")
        r = self.expect(boss.get("/quan-tri/han-cap-nhat/quy-tac"), 200)
        self.check_html(r)
        sel = r.by_id("unit-thu-tuc-hanh-chinh")
        self.assertIsNotNone(sel, "the rule editor has the procedures' rule")
        chosen = [o.get("value") for o in sel.iter("option") if o.get("selected") is not None]
        self.assertEqual(chosen, ["workdays_before"])
        r = boss.post("/quan-tri/han-cap-nhat/quy-tac", [("kind", "thu-tuc-hanh-chinh"), ("amount", "5"),
                                                          ("unit", "workdays_before")])
        self.expect(r, 303, "a site's own count back")
        self.assertIn("Hạn cập nhật: 13/02/2026 23:59", line())
        r = boss.post("/quan-tri/han-cap-nhat/quy-tac", [("kind", "thu-tuc-hanh-chinh"), ("amount", "5"),
                                                          ("unit", "weeks_before")])
        self.expect(r, 422, "an unknown unit")
        self.assertIn("Đơn vị phải là ngày làm việc, giờ hoặc ngày làm việc trước ngày có hiệu lực.", squash(r.text))
        r = boss.post("/quan-tri/han-cap-nhat/quy-tac", [("kind", "thu-tuc-hanh-chinh"), ("mac-dinh", "1")])
        self.expect(r, 303, "back to the province's rule")
        self.assertIn("Hạn cập nhật: 06/02/2026 23:59", line())

    def test_dossier_with_its_form_to_download(self):
        pdf = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
               b"trailer<</Root 1 0 R>>\n%%EOF\n")
        fields = form("1.001022", "Đăng ký nhận cha, mẹ, con", days="3") + [
            ("thanh_phan_ho_so.0.ten_giay_to", "Tờ khai đăng ký nhận cha, mẹ, con (theo mẫu)"),
            ("thanh_phan_ho_so.0.loai_ban", "ban-chinh"), ("thanh_phan_ho_so.0.so_luong", "1"),
            ("thanh_phan_ho_so.1.ten_giay_to", "Chứng cứ chứng minh quan hệ cha, mẹ, con"),
            ("thanh_phan_ho_so.1.loai_ban", "ban-sao"), ("thanh_phan_ho_so.1.so_luong", "1")]
        # an image is not a form: refused in its cell, the rows kept
        r = self.xa.post(ADMIN + "/moi", fields, files=[("thanh_phan_ho_so.0.mau_don__tep", "anh.png", "image/png",
                                                        png())], multipart_form=True)
        self.expect(r, 422, "an image as the form")
        self.check_html(r, chrome=False)
        self.assertIsNotNone(r.by_id("thanh_phan_ho_so.0.mau_don-error"), "the message in its cell")
        self.assertIn_("Chứng cứ chứng minh quan hệ cha, mẹ, con", r, "the rows typed are kept")
        # a PDF is: the page's table links to it
        r = self.xa.post(ADMIN + "/moi", fields, files=[("thanh_phan_ho_so.0.mau_don__tep", "to-khai.pdf",
                                                        "application/pdf", pdf)], multipart_form=True)
        self.expect(r, 303, "a PDF form: %s" % squash(r.text)[-300:])
        iid = int(re.match(re.escape(ADMIN) + r"/(\d+)", r.location_path).group(1))
        self.publish(self.xa, iid)
        page = self.public("chauthanh", iid)
        self.check_html(page)
        table = [t for t in page.find_all("table") if "Tên giấy tờ" in squash(text_of(t))]
        self.assertEqual(len(table), 1, "the dossier's table")
        rows = [tr for tr in table[0].iter("tr") if tr.findall("td")]
        self.assertEqual(len(rows), 2)
        links = [a.get("href") for a in rows[0].iter("a")]
        self.assertTrue(links and links[0].startswith("/tep/") and links[0].endswith(".pdf"), links)
        self.expect(self.fx.client("chauthanh").get(links[0]), 200, "the form downloads")
        self.assertEqual([squash(text_of(td)) for td in rows[1].findall("td")],
                         ["Chứng cứ chứng minh quan hệ cha, mẹ, con", "Bản sao", "1", ""])
