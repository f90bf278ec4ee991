"""Statistics (docs/statistics.md) and the access-to-information section: a table uploaded as CSV or
XLSX with the statistics form — every kind of bad table refused with its Vietnamese sentence
naming the row and the column, the form keeping what was typed; a good CSV and a good XLSX (made
here with openpyxl, Debian's python3-openpyxl) shown as an accessible table and an SVG chart, and
downloaded again as CSV and XLSX with the same values; the list's filters. Then each site's
/tiep-can-thong-tin: its contact point (saved by the site's administrator), its published items
of the kinds the law names and the board's own entries — not drafts, not another site's."""
import csv
import io
import re

import openpyxl

from conglib import CongTest, module_fixture, squash

setUpModule, tearDownModule = module_fixture()

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GOOD_CSV = ("\ufeffHuyện;Dân số (người);Diện tích (km²)\r\n"
            "Long Hồ;160.537;193,2\r\n"
            "Mang Thít;103.573;163,6\r\n"
            "Vũng Liêm;\"1.234,5\";294,5\r\n").encode("utf-8")


def xlsx(rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def rows_csv(header, rows):
    return ("\n".join([",".join(header)] + [",".join(r) for r in rows]) + "\n").encode("utf-8")


class Statistics(CongTest):
    def fields(self, title, **over):
        f = {"title": title, "summary": "Số liệu thử nghiệm", "body": "Dân số tăng đều ở các huyện.",
             "linh_vuc": "dan-so-lao-dong", "ky": "nam", "ngay_ky": "31/12/2024",
             "nguon": "Cục Thống kê tỉnh Thử Nghiệm", "phuong_phap": "Tổng hợp từ điều tra biến động dân số.",
             "thoi_gian_thuc_hien": "tháng 1/2025", "don_vi_tinh": "người"}
        f.update(over)
        return list(f.items())

    def save(self, client, title, file, iid=None, **over):
        return client.post("/quan-tri/thong-ke/%s" % (iid or "moi"), self.fields(title, **over),
                           files=[("bang__tep",) + file], multipart_form=True)

    def create(self, client, title, file, **over):
        r = self.save(client, title, file, **over)
        self.expect(r, 303, "saving %s: %s" % (title, squash(r.text)[-400:]))
        iid = int(re.match(r"/quan-tri/thong-ke/(\d+)", r.location_path).group(1))
        for action in ("submit", "edited", "publish"):
            r = client.post("/quan-tri/thong-ke/%d/chuyen" % iid, [("action", action)])
            self.expect(r, 303, action)
        return iid

    def item_path(self, slug, iid):
        r = self.fx.client(slug).get("/tin/x-%d" % iid)
        while r.status == 301:
            path = r.location_path
            r = self.fx.client(slug).get(path)
        self.expect(r, 200)
        return path

    def test_bad_tables_are_refused_with_their_row_and_column(self):
        duyet = self.fx.admin("duyet", "snv")
        many_rows = "Số,Giá trị\n" + "".join("%d,%d\n" % (i, i) for i in range(20001))
        huge = "Huyện,Dân số\n" + "Long Hồ,160537\n" * 300000
        cases = [
            ("a number in the header (no header row)", ("bang.csv", "text/csv",
             "Long Hồ,160.537\nMang Thít,103.573\n".encode()), "Dòng tiêu đề, cột 2: '160.537' là số"),
            ("a column without a name", ("bang.csv", "text/csv", "Huyện,,Dân số\nLong Hồ,1,2\n".encode()),
             "cột 2 không có tên"),
            ("a ragged row", ("bang.csv", "text/csv", "Huyện,Dân số\nLong Hồ,1\nMang Thít,2,3\n".encode()),
             "Dòng 3: có 3 ô nhưng dòng tiêu đề có 2 cột."),
            ("a bad number", ("bang.csv", "text/csv",
             "Huyện;Dân số\nLong Hồ;160.537\nMang Thít;12a\nTrà Ôn;5\n".encode()),
             "Dòng 3, cột 'Dân số': '12a' không phải là số"),
            ("too many rows", ("bang.csv", "text/csv", many_rows.encode()), "quá 20.000 dòng"),
            ("too many columns", ("bang.csv", "text/csv", rows_csv(["c%d" % i for i in range(201)], [[str(i) for i in range(201)]])),
             "201 cột, nhiều nhất là 200"),
            ("a huge file", ("bang.csv", "text/csv", huge.encode()), "Tệp lớn quá 4 MiB"),
            ("not UTF-8", ("bang.csv", "text/csv", b"Huyen,Dan so\nLong H\xf4,1\n"),
             "không phải UTF-8"),
            ("one column only", ("bang.csv", "text/csv", '"Tên, đơn vị"\n"Long Hồ, Vĩnh Long"\n'.encode()),
             "ít nhất hai cột"),
            ("a header only", ("bang.csv", "text/csv", "Huyện,Dân số\n,\n".encode()), "không có dòng số liệu"),
            ("an XLSX with a bad number", ("bang.xlsx", XLSX_TYPE,
             xlsx([["Huyện", "Dân số"], ["Long Hồ", 160537], ["Mang Thít", "nhiều"], ["Trà Ôn", 5]])),
             "Dòng 3, cột 'Dân số': 'nhiều' không phải là số"),
            ("not a table at all: an image", ("bang.png", "image/png", __import__("conglib").png()),
             "Loại tệp này không dùng được ở đây."),
            ("not a table at all: prose", ("bang.csv", "text/csv", "Một đoạn văn không phải bảng.\n".encode()),
             "Chỉ nhận ảnh JPEG"),
        ]
        for what, file, message in cases:
            with self.subTest(what):
                title = "Dân số %s" % what
                r = self.save(duyet, title, file)
                self.expect(r, 422, what)
                err = r.by_id("bang-error")
                self.assertTrue(err is not None, "a message next to the table field")
                self.assertIn(message, squash("".join(err.itertext())))
                # nothing typed is lost
                self.assertIn_(title, r)
                self.assertIn_("Cục Thống kê tỉnh Thử Nghiệm", r)
                self.assertIn_("Tổng hợp từ điều tra biến động dân số.", r)
        # none was saved
        self.assertNotIn_("Dân số a bad number", duyet.get("/quan-tri/thong-ke"))

    def check_page(self, path, title, cells, download_values):
        c = self.fx.client("snv")
        page = self.page(c, path)
        tables = [t for t in page.find_all("table") if "stat" in (t.get("class") or "")]
        self.assertEqual(len(tables), 1, "one data table")
        t = tables[0]
        self.assertIn(title, squash("".join(t.find("caption").itertext())))
        heads = [(th.get("scope"), squash("".join(th.itertext()))) for th in t.find("thead").iter("th")]
        self.assertTrue(all(s == "col" for s, _ in heads), heads)
        body = [[squash("".join(x.itertext())) for x in tr if x.tag in ("th", "td")] for tr in t.find("tbody").iter("tr")]
        row_heads = [th.get("scope") for tr in t.find("tbody").iter("tr") for th in tr.findall("th")]
        self.assertTrue(row_heads and all(s == "row" for s in row_heads))
        for cell in cells:
            self.assertTrue(any(cell == v for row in body for v in row), "%s in %s" % (cell, body))
        # the chart: an SVG with role img, a title and a description pointing at the table
        svg = re.search(r'<svg[^>]*role="img"[^>]*aria-labelledby="bieu-do-title bieu-do-desc"[^>]*>(.*?)</svg>',
                        page.text, re.S)
        self.assertTrue(svg, "the chart is on the page")
        self.assertIn('<title id="bieu-do-title">%s</title>' % title, svg.group(0))
        self.assertIn("bảng số liệu", svg.group(0))
        # the downloads have the same values
        r = c.get(path + "/bang.csv")
        self.expect(r, 200)
        self.assertTrue(r.ctype.startswith("text/csv"), r.ctype)
        self.assertIn("attachment", r.header("Content-Disposition"))
        got = list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))
        for v in download_values:
            self.assertTrue(any(v in row for row in got), "%s in the CSV %s" % (v, got))
        r = c.get(path + "/bang.xlsx")
        self.expect(r, 200)
        self.assertEqual(r.ctype, XLSX_TYPE)
        ws = openpyxl.load_workbook(io.BytesIO(r.body)).active
        values = [str(x) for row in ws.iter_rows(values_only=True) for x in row if x is not None]
        for v in download_values:
            self.assertTrue(any(v == x or v == x.rstrip("0").rstrip(".") for x in values), "%s in the XLSX %s" % (v, values))
        return page

    def test_good_csv_and_xlsx_are_a_table_a_chart_and_downloads(self):
        duyet = self.fx.admin("duyet", "snv")
        iid = self.create(duyet, "Dân số các huyện năm 2024", ("dan-so.csv", "text/csv", GOOD_CSV))
        path = self.item_path("snv", iid)
        self.assertTrue(path.startswith("/thong-ke/"), path)
        page = self.check_page(path, "Dân số các huyện năm 2024", ["Long Hồ", "160.537", "193,2", "1.234,5"],
                               ["Long Hồ", "160537", "193.2", "1234.5"])
        self.assertIn_("Năm 2024", page, "the period")
        self.assertIn_("<rect", page, "a bar chart for districts")
        self.assertIn_("Phân tích số liệu", page)
        printed = self.page(self.fx.client("snv"), path + "/ban-in", chrome=False)
        self.assertIn_('<th scope="row">Mang Thít</th><td>103.573</td>', printed, "the table in the print view")

        rows = [["Năm", "GRDP (tỷ đồng)", "Tăng trưởng (%)"], [2021, 65000.5, 2.1], [2022, 70120, 7.9], [2023, 74300, 6]]
        iid2 = self.create(duyet, "Tổng sản phẩm trên địa bàn", ("grdp.xlsx", XLSX_TYPE, xlsx(rows)),
                           linh_vuc="tai-khoan-ngan-sach", ky="quy", ngay_ky="31/03/2025")
        path2 = self.item_path("snv", iid2)
        page2 = self.check_page(path2, "Tổng sản phẩm trên địa bàn", ["2021", "65.000,5", "7,9"],
                                ["2021", "65000.5", "7.9"])
        self.assertIn_("<path", page2, "years make a line chart")
        self.assertIn_("Quý I/2025", page2)

        # the list filters on the field, the period and the year
        c = self.fx.client("snv")
        self.assertIn_(path, c.get("/thong-ke?linh_vuc=dan-so-lao-dong"))
        self.assertNotIn_(path2, c.get("/thong-ke?linh_vuc=dan-so-lao-dong"))
        self.assertIn_(path2, c.get("/thong-ke?ky=quy"))
        self.assertNotIn_(path, c.get("/thong-ke?ky=quy"))
        self.assertIn_(path2, c.get("/thong-ke?nam=2025"))
        # another site has no such item, nor its table
        self.expect(self.fx.client("longho").get(path + "/bang.csv"), 404)
        self.expect(c.get("/thong-ke/x-999999/bang.csv"), 404)


class AccessToInformation(CongTest):
    def test_the_page_lists_what_each_site_published(self):
        fx = self.fx
        duyet = fx.admin("duyet", "snv")
        admin = fx.admin("admin", "snv")
        # the contact point: a bad e-mail is refused with the input kept, then saved
        f = [("unit", "Văn phòng Sở Nội vụ"), ("person", "Trần Thị Thu"), ("address", "12 Trưng Nữ Vương"),
             ("phone", "0270 3822 111"), ("email", "khong-hop-le"), ("hours", "Giờ hành chính các ngày làm việc"),
             ("request_url", ""), ("guide", "Gửi phiếu yêu cầu tới đầu mối.\nNhận kết quả trong 15 ngày.")]
        r = admin.post("/quan-tri/tiep-can-thong-tin", f)
        self.expect(r, 422)
        self.assertTrue(r.by_id("email-error") is not None)
        self.assertIn_("Văn phòng Sở Nội vụ", r)
        f[4] = ("email", "vanphong.snv@example.gov.vn")
        self.expect(admin.post("/quan-tri/tiep-can-thong-tin", f), 303)
        # an editor of another site may not
        self.expect(fx.admin("bientap", "longho").post("/quan-tri/tiep-can-thong-tin", f), 403)
        # a form of ND 13/2018 is a file the administrator put in the library and picks here
        pdf = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
               b"trailer<</Root 1 0 R>>\n%%EOF\n")
        self.expect(admin.post("/quan-tri/thu-vien", [("alt", ""), ("title", "Phiếu yêu cầu cung cấp thông tin")],
                               files=[("file", "mau-01a.pdf", "application/pdf", pdf)]), 303)
        form = admin.get("/quan-tri/tiep-can-thong-tin")
        m = re.search(r'<option value="(\d+)">Phiếu yêu cầu cung cấp thông tin</option>', form.text)
        self.assertTrue(m, "the library's file is offered for each form")
        mid = int(m.group(1))
        self.expect(admin.post("/quan-tri/tiep-can-thong-tin", f + [("form_01a", str(mid))]), 303)
        self.expect(admin.post("/quan-tri/thu-vien/%d/xoa" % mid), 409, "a form in use is not deleted")
        r = admin.post("/quan-tri/tiep-can-thong-tin", f + [("form_01a", str(mid)), ("form_02", "999999")])
        self.expect(r, 422, "a file of no library")
        self.assertIn_("Tệp không thuộc thư viện của trang này.", r)
        self.assertIn('selected>Phiếu yêu cầu cung cấp thông tin</option>', r.text, "the choice is kept")

        # a published entry and a draft on snv, an entry on longho
        def entry(client, title, publish=True):
            r = client.post("/quan-tri/cong-khai-thong-tin/moi", [
                ("title", title), ("so_ky_hieu", "15/KH-SNV"), ("linh_vuc", "quy-hoach"), ("ngay_tao", "02/01/2026"),
                ("hinh_thuc", "dien-tu"), ("thoi_diem", "05/01/2026"), ("thoi_han", "Thường xuyên"),
                ("lien_ket", "https://snv.example.gov.vn/ke-hoach-15")], multipart_form=True)
            self.expect(r, 303, squash(r.text)[-300:])
            iid = int(re.match(r"/quan-tri/cong-khai-thong-tin/(\d+)", r.location_path).group(1))
            for action in ("submit", "edited", "publish") if publish else ():
                self.expect(client.post("/quan-tri/cong-khai-thong-tin/%d/chuyen" % iid, [("action", action)]), 303)
            return iid

        entry(duyet, "Kế hoạch cải cách hành chính năm 2026")
        entry(duyet, "Bản nháp chưa công khai", publish=False)
        bientap = fx.admin("bientap", "longho")
        r = bientap.post("/quan-tri/cong-khai-thong-tin/moi", [
            ("title", "Thông tin riêng của huyện Long Hồ"), ("linh_vuc", "ngan-sach"), ("ngay_tao", "02/01/2026"),
            ("hinh_thuc", "van-ban"), ("thoi_diem", "05/01/2026"), ("thoi_han", "30 ngày")], multipart_form=True)
        self.expect(r, 303)
        lid = int(re.match(r"/quan-tri/cong-khai-thong-tin/(\d+)", r.location_path).group(1))
        fx.admin("admin", "longho")
        for action in ("submit", "edited", "publish"):
            who = bientap if action != "publish" else fx.admin("admin", "longho")
            self.expect(who.post("/quan-tri/cong-khai-thong-tin/%d/chuyen" % lid, [("action", action)]), 303, action)
        # an electronic entry needs a link or a file; publication before creation is refused
        r = duyet.post("/quan-tri/cong-khai-thong-tin/moi", [
            ("title", "Thiếu đường dẫn"), ("linh_vuc", "khac"), ("ngay_tao", "10/01/2026"), ("hinh_thuc", "dien-tu"),
            ("thoi_diem", "05/01/2026"), ("thoi_han", "Thường xuyên")], multipart_form=True)
        self.expect(r, 422)
        self.assertTrue(r.by_id("lien_ket-error") is not None and r.by_id("thoi_diem-error") is not None)

        # a published statistics item of snv is in the list of what the law asks for
        st = Statistics("test_good_csv_and_xlsx_are_a_table_a_chart_and_downloads")
        st.fx = fx
        st.create(duyet, "Lao động có việc làm năm 2024", ("lao-dong.csv", "text/csv", GOOD_CSV))

        page = self.page(fx.client("snv"), "/tiep-can-thong-tin")
        self.assertTrue(re.search(r'Mẫu số 01a: <a href="/tep/[0-9a-f]{64}\.pdf" download>Phiếu yêu cầu cung cấp thông tin</a>',
                                  page.text), "the form to download")
        for s in ("Văn phòng Sở Nội vụ", "vanphong.snv@example.gov.vn", "Trần Thị Thu",
                  "Kế hoạch cải cách hành chính năm 2026", "15/KH-SNV", "Lao động có việc làm năm 2024",
                  "Thông tin thống kê", "Nhận kết quả trong 15 ngày."):
            self.assertIn_(s, page)
        for s in ("Bản nháp chưa công khai", "Thông tin riêng của huyện Long Hồ"):
            self.assertNotIn_(s, page)
        for th in page.find_all("th"):
            self.assertIn(th.get("scope"), ("col", "row"))
        other = self.page(fx.client("longho"), "/tiep-can-thong-tin")
        self.assertIn_("Thông tin riêng của huyện Long Hồ", other)
        for s in ("Kế hoạch cải cách hành chính năm 2026", "Văn phòng Sở Nội vụ", "Lao động có việc làm năm 2024"):
            self.assertNotIn_(s, other)
        self.assertIn_("chưa công bố đầu mối", other)
        # the entries' list filters on the group and the year
        c = fx.client("snv")
        self.assertIn_("Kế hoạch cải cách hành chính năm 2026", c.get("/cong-khai-thong-tin?linh_vuc=quy-hoach"))
        self.assertNotIn_("Kế hoạch cải cách hành chính năm 2026", c.get("/cong-khai-thong-tin?linh_vuc=ngan-sach"))
        self.assertIn_("Kế hoạch cải cách hành chính năm 2026", c.get("/cong-khai-thong-tin?nam=2026"))
