"""Investment projects, bidding packages and science tasks (kinds project, bidding, science:
docs/projects.md) through the admin form and the public pages: a list for each project status
(tabs) holding only its projects; the main portal's list of every site's projects; amounts typed
as people write them, shown "1.250.000.000 đồng" and exported as numbers; the bidding rules with
their messages next to each field; the relation between a package and its project on both
pages, in either order of arrival; a science task's reports required once accepted; the CSV
import of projects (command line)."""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.parse

from conglib import (BASE, CONG, MAIN_NAME, ROOT, CongTest, cong, cong_env, data_sql, drop_db, module_fixture,
                     new_db_args, squash, text_of)

setUpModule, tearDownModule = module_fixture()

DATA = os.path.join(ROOT, "tests", "data", "import")
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")
TAG = "pj%d" % (int(time.time()) % 100000)

MSG = {
    "required": "Vui lòng nhập thông tin này.",
    "money_invalid": "Số tiền không hợp lệ",
    "close_before_issue": "Ngày đóng thầu không được trước ngày đăng tải.",
    "open_before_close": "Ngày mở thầu không được trước ngày đóng thầu.",
    "time_invalid": "Giờ đóng thầu ghi theo dạng hh:mm, ví dụ 09:00.",
    "result_required": "Gói thầu đã có kết quả cần có thông tin này.",
    "price_over": "Giá trúng thầu không được vượt giá gói thầu.",
    "cancel_reason": "Vui lòng nêu lý do hủy thầu.",
    "accepted_needs": "Nhiệm vụ đã nghiệm thu cần có thông tin này.",
}


def project_fields(code, status, title_word, **over):
    f = {"ma_du_an": code, "trang_thai": status, "linh_vuc": "Giao thông", "loai": "dau-tu-cong", "nhom": "nhom-c",
         "muc_tieu": "Mục tiêu %s" % title_word, "dia_diem": "Huyện Long Hồ", "chu_dau_tu": "UBND huyện Long Hồ",
         "ngay_phe_duyet": "20/05/2026", "thoi_gian_bat_dau": "01/06/2026", "thoi_gian_ket_thuc": "31/12/2027",
         "tong_muc_dau_tu": "14.750.000.000", "nguon_von": "ngan-sach-dia-phuong"}
    f.update(over)
    return f


def bidding_fields(project, **over):
    f = {"so_tbmt": "", "trang_thai": "moi-thau", "du_an": project, "ben_moi_thau": "Sở Y tế",
         "linh_vuc": "hang-hoa", "hinh_thuc": "dau-thau-rong-rai", "gia_goi_thau": "27.900.000.000 đồng",
         "nguon_von": "ngan-sach-dia-phuong", "ngay_dang": "30/11/2026", "ngay_dong_thau": "22/12/2026",
         "gio_dong_thau": "10:00", "ngay_mo_thau": "22/12/2026"}
    f.update(over)
    return f


class Projects(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.snv = cls.fx.admin("duyet", "snv")

    def post_item(self, client, segment, title, fields, files=(), iid=None):
        form = [("title", title), ("summary", "Tóm tắt %s" % TAG), ("body", "")]
        form += [(k, v) for k, v in fields.items()]
        target = "/quan-tri/%s/%s" % (segment, iid if iid else "moi")
        return client.post(target, form, files=files, multipart_form=True)

    def create(self, client, segment, title, fields, files=(), publish=True):
        r = self.post_item(client, segment, title, fields, files)
        self.expect(r, 303, "creating %s %r: %s" % (segment, title, squash(r.text)[-500:]))
        iid = int(re.match(r"/quan-tri/%s/(\d+)" % segment, r.location_path).group(1))
        if publish:
            self.publish(client, segment, iid)
        return iid

    def publish(self, client, segment, iid):
        for action in ("submit", "edited", "publish"):
            r = client.post("/quan-tri/%s/%d/chuyen" % (segment, iid), [("action", action)])
            self.expect(r, 303, "%s of %s %d: %s" % (action, segment, iid, squash(r.text)[-300:]))

    def path_of(self, slug, iid):
        r = self.fx.client(slug).get("/tin/x-%d" % iid)
        self.expect(r, 301, "item %d" % iid)
        return r.location_path

    @staticmethod
    def linked(r):
        """The ids of the items R's page links to (their addresses end in -ID)."""
        return {int(m.group(1)) for m in re.finditer(r'href="[^"]*/(?:du-an|dau-thau|khoa-hoc)/[^"]*-(\d+)"', r.text)}

    def error_of(self, r, key):
        el = r.by_id(key + "-error")
        return squash(text_of(el)) if el is not None else None

    # ---- project status lists ----

    def test_each_status_has_its_own_list(self):
        c = self.snv
        ids = {}
        for status, word in (("chuan-bi", "chuanbi"), ("dang-thuc-hien", "dangthuchien"), ("hoan-thanh", "hoanthanh")):
            ids[status] = self.create(c, "du-an", "Dự án %s %s" % (word, TAG),
                                      project_fields("SNV-%s-%s" % (word, TAG), status, word))
        pub = self.fx.client("snv")
        all_ = self.page(pub, "/du-an")
        for status, iid in ids.items():
            self.assertIn(iid, self.linked(all_))
        tabs = all_.tree().find(".//nav[@class='item-tabs']")
        self.assertIsNotNone(tabs, "the list offers its statuses as tabs")
        labels = [squash(text_of(a)) for a in tabs.iter("a")]
        self.assertEqual([re.sub(r" \(\d+\)$", "", x) for x in labels],
                         ["Tất cả", "Chuẩn bị đầu tư", "Đang thực hiện", "Hoàn thành"])
        for status, iid in ids.items():
            r = self.page(pub, "/du-an?trang_thai=%s" % status)
            for other, oid in ids.items():
                if other == status:
                    self.assertIn(oid, self.linked(r), "the %s list shows its project" % status)
                else:
                    self.assertNotIn(oid, self.linked(r), "the %s list shows a %s project" % (status, other))
            current = [a for a in r.tree().find(".//nav[@class='item-tabs']").iter("a") if a.get("aria-current") == "page"]
            self.assertEqual(len(current), 1)
            self.assertEqual(current[0].get("href"), "/du-an?trang_thai=%s" % status)
            h1 = squash(text_of(r.tree().find(".//h1")))
            self.assertTrue(h1.startswith("Dự án đầu tư: "), h1)
            # every row of the list is of that status
            # the status read in Python: json_extract is SQLite's
            n = sum(1 for (f,) in self.fx.sql("SELECT i.fields FROM items i JOIN sites s ON s.id = i.site_id WHERE"
                                              " s.slug = 'snv' AND i.kind = 'project' AND i.state = 'published'")
                    if json.loads(f).get("trang_thai") == status)
            self.assertIn("<strong>%d</strong> dự án" % n, r.text)
            self.assertEqual(len(r.tree().findall(".//tbody/tr")), n)
        # the open data of a status's list holds only it
        j = pub.get("/du-an.json?trang_thai=hoan-thanh")
        self.expect(j, 200)
        items = json.loads(j.text)["items"]
        self.assertTrue(items)
        self.assertEqual({x["trang_thai"] for x in items}, {"hoan-thanh"})
        self.expect(pub.get("/du-an?trang_thai=khong-co"), 200)

    def test_the_main_portal_lists_every_site_s_projects(self):
        lh = self.fx.admin("admin", "longho")
        main = self.fx.client(None)
        before = self.page(main, "/du-an?trang_thai=chuan-bi")  # kept in the page cache
        a = self.create(self.snv, "du-an", "Dự án của sở %s" % TAG, project_fields("AGG-SNV-%s" % TAG, "dang-thuc-hien", "a"))
        b = self.create(lh, "du-an", "Dự án của huyện %s" % TAG, project_fields("AGG-LH-%s" % TAG, "chuan-bi", "b"))
        r = self.page(main, "/du-an?trang_thai=chuan-bi")
        self.assertNotIn(b, self.linked(before))
        # the district's publication renewed the main portal's cached list
        links = [a_.get("href") for a_ in r.tree().iter("a")]
        self.assertTrue(any(h and h.endswith("-%d" % b) and "longho." in h for h in links),
                        "the district's project, linked on its own site")
        self.assertFalse(any(h and h.endswith("-%d" % a) for h in links), "a project of another status")
        heads = [squash(text_of(th)) for th in r.tree().findall(".//thead//th")]
        self.assertEqual(heads[-1], "Cơ quan, đơn vị", "the province's list says whose each project is")
        row = next(tr for tr in r.tree().findall(".//tbody/tr")
                   if any((x.get("href") or "").endswith("-%d" % b) for x in tr.iter("a")))
        self.assertEqual(squash(text_of(row.findall("td")[-1])), "Huyện Long Hồ")
        self.assertNotIn("Cơ quan, đơn vị", self.page(self.fx.client("snv"), "/du-an").text)
        r = self.page(main, "/du-an")
        self.assertIn(a, self.linked(r))
        self.assertIn(b, self.linked(r))
        # the year on the province's list: both sites' projects of that year, none of another
        r = self.page(main, "/du-an?nam=2026")
        self.assertTrue({a, b} <= self.linked(r))
        r = self.page(main, "/du-an?nam=2025&trang_thai=chuan-bi")
        self.assertFalse({a, b} & self.linked(r))
        r = self.page(main, "/du-an?nam=2026&trang_thai=chuan-bi")
        self.assertIn(b, self.linked(r))
        self.assertNotIn(a, self.linked(r))
        # a component's own list keeps to its own projects
        self.assertNotIn(b, self.linked(self.page(self.fx.client("snv"), "/du-an")))
        exp = json.loads(main.get("/du-an.json").text)
        urls = [x["url"] for x in exp["items"]]
        self.assertTrue(any(u.endswith("-%d" % b) for u in urls), "the export holds every site's projects")
        ub = next(u for u in urls if u.endswith("-%d" % b))
        self.assertIn("//longho.", ub, "the district's project at its own address")
        self.expect(self.fx.client("longho").get(urllib.parse.urlsplit(ub).path), 200, ub)
        ua = next(u for u in urls if u.endswith("-%d" % a))
        self.assertIn("//snv.", ua)
        # the legal documents stay each site's own: aggregation is the kind's choice
        self.expect(main.get("/van-ban"), 200)

    # ---- update deadlines ----

    def test_each_kind_follows_its_deadline_rule(self):
        """Projects and packages: 10 working days (VL Đ9.4); science tasks: 20 (VL Đ9.6)."""
        c = self.snv
        intake = {"intake_unit": "Sở Tài chính", "intake_received_at": "2026-11-02T08:00"}
        sci = {"ma_so": "HAN.%s/KHCN" % TAG, "cap_quan_ly": "tinh", "linh_vuc": "Khoa học nông nghiệp",
               "to_chuc_chu_tri": "Trường Đại học Cửu Long", "chu_nhiem": "TS. A", "trang_thai": "dang-thuc-hien",
               "ngay_bat_dau": "01/03/2025"}
        for seg, fields, days in (("du-an", project_fields("HAN-%s" % TAG, "chuan-bi", "han"), 10),
                                  ("dau-thau", bidding_fields(""), 10), ("khoa-hoc", sci, 20)):
            with self.subTest(seg=seg):
                iid = self.create(c, seg, "Hạn cập nhật %s %s" % (seg, TAG), dict(fields, **intake), publish=False)
                line = squash(text_of(self.page(c, "/quan-tri/%s/%d" % (seg, iid), chrome=False).by_id("han-cap-nhat")))
                self.assertIn("%d ngày làm việc" % days, line)

    # ---- money ----

    def test_money_typed_as_people_write_it(self):
        c = self.snv
        iid = self.create(c, "du-an", "Dự án tiền %s" % TAG,
                          project_fields("TIEN-%s" % TAG, "dang-thuc-hien", "tien", tong_muc_dau_tu="125,5 tỷ đồng"))
        stored = json.loads(self.fx.sql("SELECT fields FROM items WHERE id = ?", (iid,))[0][0])
        self.assertEqual(stored["tong_muc_dau_tu"], 125500000000)
        path = self.path_of("snv", iid)
        page = self.page(self.fx.client("snv"), path)
        self.assertIn("125.500.000.000 đồng", page.text)
        lst = self.page(self.fx.client("snv"), "/du-an")
        self.assertIn("125.500.000.000 đồng", lst.text)
        rows = list(csv.DictReader(io.StringIO(self.fx.client("snv").get("/du-an.csv").text.lstrip("\ufeff"))))
        row = next(x for x in rows if x["id"] == str(iid))
        self.assertEqual(row["tong_muc_dau_tu"], "125500000000", "open data: the number")
        # the edit form shows it as people read it, and saving it again keeps it
        edit = c.get("/quan-tri/du-an/%d" % iid)
        self.assertEqual(edit.by_id("tong_muc_dau_tu").get("value"), "125.500.000.000 đồng")
        # refused with its message, the input kept
        for bad in ("12,5", "1.25.000", "năm tỷ", "-3 đồng"):
            r = self.post_item(c, "du-an", "Dự án sai %s" % TAG,
                               project_fields("SAI-%s" % TAG, "chuan-bi", "sai", tong_muc_dau_tu=bad))
            self.expect(r, 422, bad)
            self.assertIn(MSG["money_invalid"], self.error_of(r, "tong_muc_dau_tu") or "", bad)
            self.assertEqual(r.by_id("tong_muc_dau_tu").get("value"), bad)
            self.check_html(r, chrome=False)

    def test_a_completed_project_has_its_end(self):
        r = self.post_item(self.snv, "du-an", "Dự án xong %s" % TAG,
                           project_fields("XONG-%s" % TAG, "hoan-thanh", "xong", thoi_gian_ket_thuc=""))
        self.expect(r, 422)
        self.assertEqual(self.error_of(r, "thoi_gian_ket_thuc"), "Dự án đã hoàn thành cần có thời gian kết thúc.")
        r = self.post_item(self.snv, "du-an", "Dự án ngược %s" % TAG,
                           project_fields("NGUOC-%s" % TAG, "chuan-bi", "nguoc", thoi_gian_ket_thuc="01/01/2026"))
        self.expect(r, 422)
        self.assertEqual(self.error_of(r, "thoi_gian_ket_thuc"), "Thời gian kết thúc không được trước thời gian bắt đầu.")

    # ---- bidding ----

    def test_bidding_rules(self):
        c = self.snv
        cases = [
            ({"ngay_dong_thau": "29/11/2026", "ngay_mo_thau": "29/11/2026"}, "ngay_dong_thau", MSG["close_before_issue"]),
            ({"ngay_mo_thau": "21/12/2026"}, "ngay_mo_thau", MSG["open_before_close"]),
            ({"gio_dong_thau": "9h"}, "gio_dong_thau", MSG["time_invalid"]),
            ({"gio_dong_thau": "24:00"}, "gio_dong_thau", MSG["time_invalid"]),
            ({"ngay_dong_thau": "", "gio_dong_thau": "", "ngay_mo_thau": ""}, "ngay_dong_thau",
             "Vui lòng nhập ngày đóng thầu."),
            ({"trang_thai": "co-ket-qua"}, "nha_trung_thau", MSG["result_required"]),
            ({"trang_thai": "co-ket-qua"}, "gia_trung_thau", MSG["result_required"]),
            ({"trang_thai": "co-ket-qua"}, "ngay_ket_qua", MSG["result_required"]),
            ({"trang_thai": "co-ket-qua", "nha_trung_thau": "Công ty A", "gia_trung_thau": "28 tỷ",
              "ngay_ket_qua": "15/01/2027"}, "gia_trung_thau", MSG["price_over"]),
            ({"trang_thai": "huy"}, "ly_do_huy", MSG["cancel_reason"]),
            ({"gia_goi_thau": ""}, "gia_goi_thau", MSG["required"]),
            ({"hinh_thuc": "dau-gia"}, "hinh_thuc", None),
        ]
        for over, key, msg in cases:
            with self.subTest(over=over, key=key):
                r = self.post_item(c, "dau-thau", "Gói thầu sai %s" % TAG, bidding_fields("", **over))
                self.expect(r, 422, "%r" % over)
                got = self.error_of(r, key)
                self.assertIsNotNone(got, "a message next to %s" % key)
                if msg:
                    self.assertEqual(got, msg)
                self.check_html(r, chrome=False)
        # a result within the package price, a cancellation with its reason, a direct appointment
        # without a closing day: accepted
        ok = [
            {"trang_thai": "co-ket-qua", "nha_trung_thau": "Công ty TNHH Thiết bị Y tế Cửu Long",
             "gia_trung_thau": "27.500.000.000", "ngay_ket_qua": "15/01/2027"},
            {"trang_thai": "huy", "ly_do_huy": "Không có nhà thầu tham dự."},
            {"hinh_thuc": "chi-dinh-thau", "ngay_dong_thau": "", "gio_dong_thau": "", "ngay_mo_thau": ""},
        ]
        for over in ok:
            self.create(c, "dau-thau", "Gói thầu hợp lệ %s %s" % (over["trang_thai"] if "trang_thai" in over else "cdt", TAG),
                        bidding_fields("", **over), publish=False)

    def test_bidding_filters(self):
        c = self.snv
        a = self.create(c, "dau-thau", "Gói thầu chỉ định lọc %s" % TAG,
                        bidding_fields("", hinh_thuc="chi-dinh-thau", ngay_dang="05/02/2025", ngay_dong_thau="",
                                       gio_dong_thau="", ngay_mo_thau=""))
        b = self.create(c, "dau-thau", "Gói thầu rộng rãi lọc %s" % TAG, bidding_fields(""))
        pub = self.fx.client("snv")
        r = self.page(pub, "/dau-thau?hinh_thuc=chi-dinh-thau")
        self.assertIn(a, self.linked(r))
        self.assertNotIn(b, self.linked(r))
        r = self.page(pub, "/dau-thau?nam=2025")
        self.assertIn(a, self.linked(r))
        self.assertNotIn(b, self.linked(r))
        r = self.page(pub, "/dau-thau?trang_thai=moi-thau")
        self.assertIn(b, self.linked(r))
        for sel in ("loc-trang_thai", "loc-hinh_thuc", "loc-linh_vuc", "loc-nam"):
            self.assertIsNotNone(r.by_id(sel), sel)

    def test_package_and_project_on_both_pages(self):
        c = self.snv
        code = "QH-%s" % TAG
        # the package first: its project is not there yet, kept by its code
        pk = self.create(c, "dau-thau", "Gói thầu số 01: Thi công %s" % TAG, bidding_fields(code, so_tbmt="IB26%s" % TAG[2:]))
        ppath = self.path_of("snv", pk)
        page = self.page(self.fx.client("snv"), ppath)
        rel = page.tree().find(".//section[@class='item-relations']")
        self.assertIsNotNone(rel)
        self.assertIn(code, squash(text_of(rel)))
        self.assertFalse([a for a in rel.iter("a")], "no link while the project is not published")
        # the project arrives: both pages link to each other
        pj = self.create(c, "du-an", "Dự án có gói thầu %s" % TAG, project_fields(code.lower(), "dang-thuc-hien", "goi"))
        jpath = self.path_of("snv", pj)
        page = self.page(self.fx.client("snv"), ppath)
        rel = page.tree().find(".//section[@class='item-relations']")
        self.assertIn(jpath, [a.get("href") for a in rel.iter("a")], "the package links to its project")
        self.assertIn("Dự án", squash(text_of(rel)))
        proj = self.page(self.fx.client("snv"), jpath)
        rel = proj.tree().find(".//section[@class='item-relations']")
        self.assertIsNotNone(rel, "the project's page lists its packages")
        self.assertEqual(squash(text_of(rel.find(".//h2"))), "Thông tin liên quan")
        self.assertIn("Gói thầu của dự án", squash(text_of(rel)))
        self.assertIn(ppath, [a.get("href") for a in rel.iter("a")], "the project links to its package")
        # a second package, published later, shows on the project's page at once
        pk2 = self.create(c, "dau-thau", "Gói thầu số 02: Giám sát %s" % TAG,
                          bidding_fields(code, hinh_thuc="chi-dinh-thau", linh_vuc="tu-van", ngay_dong_thau="",
                                         gio_dong_thau="", ngay_mo_thau=""))
        proj = self.page(self.fx.client("snv"), jpath)
        self.assertIn(self.path_of("snv", pk2), proj.text)
        # the list of packages shows the project's code
        self.assertIn(code, self.page(self.fx.client("snv"), "/dau-thau").text)

    # ---- science ----

    def test_science_reports_required_once_accepted(self):
        c = self.snv
        f = {"ma_so": "ĐT.%s/KHCN" % TAG, "loai": "de-tai", "cap_quan_ly": "tinh", "linh_vuc": "Khoa học nông nghiệp",
             "to_chuc_chu_tri": "Trường Đại học Cửu Long", "chu_nhiem": "TS. Trần Thị Ngọc Hân",
             "trang_thai": "dang-thuc-hien", "ngay_bat_dau": "01/03/2025", "ngay_ket_thuc": "28/02/2027",
             "kinh_phi": "1.480.000.000", "muc_tieu": "", "ngay_nghiem_thu": "", "ket_qua": "",
             "bao_cao_tong_hop": "", "bao_cao_ung_dung": ""}
        iid = self.create(c, "khoa-hoc", "Đề tài nghiệm thu %s" % TAG, f)
        # accepted without its reports: refused, a message next to each
        f2 = dict(f, trang_thai="da-nghiem-thu", ngay_nghiem_thu="18/06/2027")
        r = self.post_item(c, "khoa-hoc", "Đề tài nghiệm thu %s" % TAG, f2, iid=iid)
        self.expect(r, 422)
        for key in ("bao_cao_tong_hop", "bao_cao_ung_dung"):
            self.assertEqual(self.error_of(r, key), MSG["accepted_needs"], key)
        self.check_html(r, chrome=False)
        # with both reports uploaded with the form: saved, published, on the page as files
        files = [("bao_cao_tong_hop__tep", "bao-cao-tong-hop.pdf", "application/pdf", PDF),
                 ("bao_cao_ung_dung__tep", "bao-cao-ung-dung.pdf", "application/pdf", PDF + b"%2\n")]
        r = self.post_item(c, "khoa-hoc", "Đề tài nghiệm thu %s" % TAG, f2, files=files, iid=iid)
        self.expect(r, 303, squash(r.text)[-400:])
        self.publish(c, "khoa-hoc", iid)
        page = self.page(self.fx.client("snv"), self.path_of("snv", iid))
        fields = page.tree().find(".//section[@class='item-fields']")
        hrefs = [a.get("href") for a in fields.iter("a")]
        self.assertEqual(len([h for h in hrefs if h and h.startswith("/tep/") and h.endswith(".pdf")]), 2, hrefs)
        for h in hrefs:
            self.expect(self.fx.client("snv").get(h), 200, h)
        txt = squash(text_of(fields))
        self.assertIn("Báo cáo tổng hợp kết quả", txt)
        self.assertIn("1.480.000.000 đồng", txt)
        r = self.page(self.fx.client("snv"), "/khoa-hoc?trang_thai=da-nghiem-thu")
        self.assertIn(iid, self.linked(r))
        for sel in ("loc-cap_quan_ly", "loc-linh_vuc", "loc-trang_thai", "loc-nam"):
            self.assertIsNotNone(r.by_id(sel), sel)
        # a file in use stays in the library
        used = self.fx.sql("SELECT count(*) FROM item_files WHERE item_id = ?", (iid,))[0][0]
        self.assertEqual(used, 2)


class ProjectImport(CongTest):
    """`cong import du-an` on a fresh data folder: the example file, amounts in every form, the
    relation to packages imported after; a bad file imports nothing, each problem on its line."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="cong-import-du-an-")
        self.data = os.path.join(self.tmp, "data")
        cong("init", "--data", self.data, "--domain", BASE, "--name", MAIN_NAME, *new_db_args())

    def tearDown(self):
        drop_db(self.data)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_import(self, seg, path, *args):
        p = subprocess.run([CONG, "import", seg, "--data", self.data, "--site", "main"] + list(args) + [path],
                           capture_output=True, env=cong_env(), timeout=60)
        return p.returncode, p.stdout.decode(), p.stderr.decode()

    def query(self, q, *a):
        return data_sql(self.data, q, a)

    def test_import_projects_then_again(self):
        rc, out, err = self.run_import("du-an", os.path.join(DATA, "du-an.csv"))
        self.assertEqual(rc, 0, err)
        self.assertIn("3 mới, 0 thay đổi, 0 không đổi — đã nhập", out)
        rows = {ref: (state, json.loads(f)) for ref, state, f in
                self.query("SELECT ref, state, fields FROM items WHERE kind = 'project'")}
        self.assertEqual(sorted(rows), ["VL-DA-2024-015", "VL-DA-2025-022", "VL-DA-2026-003"])
        self.assertEqual({s for s, _ in rows.values()}, {"published"})
        self.assertEqual(rows["VL-DA-2024-015"][1]["tong_muc_dau_tu"], 485600000000)
        self.assertEqual(rows["VL-DA-2026-003"][1]["tong_muc_dau_tu"], 2150000000000, "\"2.150 tỷ\"")
        self.assertEqual(rows["VL-DA-2025-022"][1]["tong_muc_dau_tu"], 236400000000, "\"236 400 000 000 đồng\"")
        self.assertEqual(rows["VL-DA-2025-022"][1]["nguon_von"], "vay-uu-dai", "a choice by its label")
        self.assertEqual(rows["VL-DA-2026-003"][1]["trang_thai"], "chuan-bi")
        terms = self.query("SELECT i.ref, t.value FROM item_terms t JOIN items i ON i.id = t.item_id"
                           " WHERE i.kind = 'project' AND t.key = 'trang_thai'")
        self.assertEqual(dict(terms)["VL-DA-2024-015"], "dang-thuc-hien")
        revs = self.query("SELECT count(*) FROM revisions")[0][0]
        rc, out, err = self.run_import("du-an", os.path.join(DATA, "du-an.csv"))
        self.assertEqual(rc, 0, err)
        self.assertIn("0 mới, 0 thay đổi, 3 không đổi", out)
        self.assertEqual(self.query("SELECT count(*) FROM revisions")[0][0], revs)

    def test_bad_file_imports_nothing(self):
        rc, out, err = self.run_import("du-an", os.path.join(DATA, "du-an-loi.csv"))
        self.assertEqual(rc, 1, out)
        for line, text in ((2, "Số tiền không hợp lệ"), (3, "Thời gian kết thúc không được trước thời gian bắt đầu."),
                           (4, "Dự án đã hoàn thành cần có thời gian kết thúc."), (5, "Vui lòng nhập thông tin này.")):
            self.assertRegex(err, r"du-an-loi\.csv: dòng %d, [^\n]*%s" % (line, re.escape(text)))
        self.assertEqual(self.query("SELECT count(*) FROM items WHERE kind = 'project'")[0][0], 0)
