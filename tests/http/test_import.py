"""Importing items from a CSV file: the admin page (/quan-tri/nhap/<kind>: the columns, the
template file, the preview of every row with its errors, the confirmation re-posting the text,
the import in one step or not at all, known documents left alone the second time, the problems
of a file that cannot be read, CSRF, the approver rule) and the command line (`cong import`: the
files beside the CSV stored and attached, errors with their lines, --check)."""
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

from conglib import (BASE, CONG, MAIN_NAME, NEW_PASSWORD, ROOT, CongTest, cong, cong_env, data_sql, drop_db,
                     module_fixture, new_db_args, png, squash, text_of)

setUpModule, tearDownModule = module_fixture()

DATA = os.path.join(ROOT, "tests", "data", "import")
GOOD = os.path.join(DATA, "van-ban.csv")
BAD = os.path.join(DATA, "van-ban-loi.csv")
REFS = ["15/2019/QĐ-UBND", "22/2025/QĐ-UBND", "108/KH-UBND"]
BAD_REFS = ["30/2025/QĐ-UBND", "31/2025/QĐ-UBND", "32/2025/QĐ-UBND", "33/2025/QĐ-UBND", "34/2025/QĐ-UBND"]
PAGE = "/quan-tri/nhap/van-ban"
COLUMNS = ["so_ky_hieu", "loai", "co_quan_ban_hanh", "nguoi_ky", "chuc_vu_nguoi_ky", "ngay_ban_hanh",
           "ngay_hieu_luc", "ngay_het_hieu_luc", "linh_vuc", "pham_vi", "can_cu", "huong_dan", "sua_doi",
           "thay_the", "bai_bo", "dinh_chinh", "trich_yeu", "tom_tat", "noi_dung", "tep"]
FILES_NEED_ZIP = "Tệp CSV này nêu tệp đính kèm: hãy tải lên một tệp ZIP chứa tệp CSV cùng các tệp đó."


def read(path):
    with open(path, "rb") as f:
        return f.read()


def without_files(csv):
    """The good file as an upload can take it: its `tep` cell emptied (the files stay behind)."""
    return csv.replace(b",quyet-dinh-22.pdf", b",")


class Base(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.snv = cls.fx.admin("duyet", "snv")

    def site_id(self, slug="snv"):
        return self.fx.sql("SELECT id FROM sites WHERE slug = ?", (slug,))[0][0]

    def legal(self, refs):
        """{ref: (id, state)} of the legal documents of snv with these numbers."""
        rows = self.fx.sql("SELECT ref, id, state FROM items WHERE kind = 'legal' AND site_id = ?", (self.site_id(),))
        return {ref: (i, st) for ref, i, st in rows if ref in refs}

    def counts(self):
        """Items, revisions and item links of the whole store: what an import may change."""
        return self.fx.sql("SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM revisions),"
                           " (SELECT count(*) FROM item_links), (SELECT count(*) FROM media)")[0]

    def upload(self, data, name="van-ban.csv", status=200, client=None, what="the check", page=PAGE):
        r = (client or self.snv).post(page, files=[("file", name, "text/csv", data)])
        self.expect(r, status, what)
        if r.is_html:
            self.check_html(r)
        return r

    def rows(self, r):
        """The preview's rows: [(line, ref, title, action, [error texts])]."""
        table = r.find_all("table", class_="import-rows")
        self.assertEqual(len(table), 1, "%r: no table of rows" % r)
        out = []
        for tr in table[0].find("tbody").findall("tr"):
            tds = tr.findall("td")
            errors = [squash(text_of(li)) for li in tds[4].iter("li")]
            out.append((int(text_of(tds[0])), squash(text_of(tds[1])), squash(text_of(tds[2])),
                        squash(text_of(tds[3])), errors))
        return out

    def confirm_form(self, r):
        forms = [f for f in r.tree().iter("form") if f.get("class", "").find("import-confirm") >= 0]
        return forms[0] if forms else None


class Page(Base):
    def test_page_describes_the_columns(self):
        r = self.expect(self.snv.get(PAGE), 200, "the import page")
        self.check_html(r)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertEqual(squash(text_of(r.tree().find(".//h1"))), "Nhập văn bản từ tệp CSV")
        table = r.find_all("table", class_="import-columns-table")[0]
        rows = {}
        for tr in table.find("tbody").findall("tr"):
            tds = tr.findall("td")
            rows[text_of(tds[0].find("code"))] = [squash(text_of(td)) for td in tds[1:]]
        self.assertEqual(list(rows), COLUMNS, "the columns, in the template's order")
        self.assertEqual(rows["so_ky_hieu"][:2], ["Số ký hiệu", "Có"])
        self.assertEqual(rows["nguoi_ky"][:2], ["Người ký", "Không"])
        self.assertIn("dd/mm/yyyy", rows["ngay_ban_hanh"][2])
        self.assertIn("dấu chấm phẩy (;)", rows["linh_vuc"][2])
        self.assertIn("dấu chấm phẩy (;)", rows["can_cu"][2])
        self.assertIn("Trung ương, Tỉnh, Đơn vị", rows["pham_vi"][2], "the choices of an enum")
        self.assertIn("Quyết định", rows["loai"][2])
        self.assertIn("hoặc một giá trị khác", rows["loai"][2], "an open choice says so")
        self.assertEqual(rows["trich_yeu"][:2], ["Trích yếu", "Có"])
        self.assertIn("tệp ZIP", rows["tep"][2], "the files column says files come in a ZIP archive")
        # the upload form: a labelled file input, CSRF, multipart
        form = [f for f in r.tree().iter("form") if f.get("action") == PAGE][0]
        self.assertEqual(form.get("enctype"), "multipart/form-data")
        self.assertTrue([i for i in form.iter("input") if i.get("name") == "csrf" and i.get("value")])
        inp = r.by_id("file")
        self.assertEqual((inp.get("type"), inp.get("name")), ("file", "file"))
        self.assertTrue([lab for lab in r.tree().iter("label") if lab.get("for") == "file"], "the file input has no label")
        self.assertIn(PAGE + "/mau.csv", r.links())

    def test_template_csv(self):
        r = self.expect(self.snv.get(PAGE + "/mau.csv"), 200, "the template")
        self.assertEqual(r.ctype, "text/csv; charset=utf-8")
        self.assertIn("attachment", r.header("Content-Disposition") or "")
        self.assertTrue(r.body.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM")
        self.assertEqual(r.body[3:].decode("utf-8"), ",".join(COLUMNS) + "\r\n", "the header row and nothing else")
        # the template, filled in, is read as it is: the header is right
        self.assertEqual(r.body.count(b"\n"), 1)

    def test_dashboard_links_to_the_page(self):
        r = self.expect(self.snv.get("/quan-tri/?loai=van-ban"), 200)
        self.check_html(r)
        links = [a for a in r.tree().iter("a") if a.get("href") == PAGE]
        self.assertTrue(links, "no link to the import page on the documents' list")
        self.assertEqual(squash(text_of(links[0])), "Nhập từ tệp CSV")
        r = self.expect(self.snv.get("/quan-tri/"), 200)
        self.assertNotIn(PAGE, r.links(), "the news dashboard offers a CSV import")
        r = self.expect(self.snv.get("/quan-tri/?loai=cong-bao"), 200)
        self.assertIn("/quan-tri/nhap/cong-bao", r.links(), "the gazette is a kind with fields")

    def test_unknown_kind_and_news(self):
        self.expect(self.snv.get("/quan-tri/nhap/khong-co"), 404, "a kind that does not exist")
        self.expect(self.snv.get("/quan-tri/nhap/tin"), 404, "news has no fields to import")
        self.expect(self.snv.get("/quan-tri/nhap/khong-co/mau.csv"), 404)

    def test_gazette_page(self):
        r = self.expect(self.snv.get("/quan-tri/nhap/cong-bao"), 200)
        self.check_html(r)
        self.assertIn_("Nhập số công báo từ tệp CSV", r)
        t = self.expect(self.snv.get("/quan-tri/nhap/cong-bao/mau.csv"), 200)
        self.assertEqual(t.body[3:].decode(), "so,ngay,van_ban,ban_dien_tu,tieu_de,tom_tat,noi_dung,tep\r\n")
        # an error names the title column the file has
        r = self.upload(b"so,ngay,tieu_de\n15+16,01/02/2025,\n", status=422, page="/quan-tri/nhap/cong-bao")
        self.assertEqual(self.rows(r), [(2, "15+16", "", "Có lỗi, không nhập", ["Tiêu đề tieu_de: Vui lòng nhập thông tin này."])])

    def test_signed_out(self):
        c = self.fx.client("snv")
        r = c.get(PAGE)
        self.assertEqual(r.status, 303)
        self.assertTrue(r.location_path.startswith("/quan-tri/dang-nhap"))


class Permissions(Base):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fx.add_user("phongvien_nhap", "reporter", "snv")
        cls.fx.add_user("bientap_nhap", "editor", "snv")

    def test_reporter_and_editor_get_403(self):
        before = self.counts()
        for who in ("phongvien_nhap", "bientap_nhap"):
            with self.subTest(who=who):
                c = self.fx.admin(who, "snv")
                r = self.expect(c.get(PAGE), 403, "%s opens the page" % who)
                self.check_html(r)
                self.assertIn_("Chỉ quản trị trang và Trưởng/Phó Ban Biên tập được nhập văn bản", r)
                self.assertFalse(r.find_all("input", type="file"), "the refusal offers an upload form")
                r = self.upload(without_files(read(GOOD)), status=403, client=c, what="%s uploads" % who)
                self.assertIn_("Chỉ quản trị trang và Trưởng/Phó Ban Biên tập", r)
                r = c.post(PAGE, [("xac-nhan", "1"), ("csv", without_files(read(GOOD)).decode())], multipart_form=True)
                self.expect(r, 403, "%s confirms" % who)
                d = self.expect(c.get("/quan-tri/?loai=van-ban"), 200)
                self.assertNotIn(PAGE, d.links(), "the list offers %s the import" % who)
        self.assertEqual(self.counts(), before, "something was imported")

    def test_no_role_on_the_site(self):
        c = self.fx.admin("bientap", "longho").clone("snv." + BASE)
        self.expect(c.get(PAGE), 403, "an editor of another site")

    def test_csrf_refused(self):
        before = self.counts()
        r = self.snv.post(PAGE, files=[("file", "a.csv", "text/csv", without_files(read(GOOD)))], csrf=False)
        self.expect(r, 403, "an upload without token")
        r = self.snv.post(PAGE, [("csrf", "x" * 43), ("xac-nhan", "1"), ("csv", without_files(read(GOOD)).decode())],
                          multipart_form=True)
        self.expect(r, 403, "a confirmation with a wrong token")
        self.assertEqual(self.counts(), before)


class FileProblems(Base):
    def assert_problem(self, data, want, what):
        before = self.counts()
        r = self.upload(data, status=422, what=what)
        alerts = [squash(text_of(p)) for p in r.find_all("p", class_="error-summary")]
        self.assertTrue(any(want in a for a in alerts), "%s: %r not among %r" % (what, want, alerts))
        self.assertIsNone(self.confirm_form(r), "%s: a confirmation is offered" % what)
        self.assertFalse(r.find_all("table", class_="import-rows"))
        self.assertEqual(self.counts(), before, "%s: something was saved" % what)
        return r

    def test_not_utf8(self):
        text = without_files(read(GOOD)).decode("utf-8")
        self.assert_problem(text.encode("utf-16"), "Tệp không phải UTF-8", "a UTF-16 file")
        self.assert_problem(read(GOOD).replace("Nguyễn".encode(), b"Nguy\xe9n"), "Tệp không phải UTF-8 (dòng 2)",
                            "a Windows-1252 byte on line 2")

    def test_missing_column(self):
        lines = without_files(read(GOOD)).decode().split("\n")
        cols = lines[0].split(",")
        i = cols.index("pham_vi")
        cut = "\n".join(",".join(c for j, c in enumerate(ln.split(",")) if j != i) if n == 0 else ln
                        for n, ln in enumerate(lines))
        self.assert_problem(cut.encode(), "Tệp thiếu cột: pham_vi.", "no pham_vi column")
        self.assert_problem(b"so_ky_hieu,loai,xyz\n1/QD,Lenh,a\n", "Cột không dùng được: xyz.", "an unknown column")

    def test_empty(self):
        self.assert_problem(b"", "Tệp trống", "an empty file")
        self.assert_problem(b"\xef\xbb\xbf\r\n\r\n", "Tệp trống", "a BOM and blank lines")

    def test_no_file_chosen(self):
        r = self.snv.post(PAGE, files=[("file", "", "application/octet-stream", b"")])
        self.expect(r, 422, "no file chosen")
        self.check_html(r)
        self.assertEqual(squash(text_of(r.by_id("file-error"))), "Vui lòng chọn tệp CSV cần nhập.")
        self.assertEqual(r.by_id("file").get("aria-invalid"), "true")

    def test_bad_rows_import_nothing(self):
        before = self.counts()
        r = self.upload(read(BAD), status=422, what="the bad file")
        self.assertIn_("Tệp có 6 dòng lỗi nên chưa nhập dòng nào", r)
        self.assertIsNone(self.confirm_form(r), "a bad file offers the import")
        rows = self.rows(r)
        self.assertEqual([x[0] for x in rows], [2, 3, 4, 5, 6, 7, 8], "the lines of the rows")
        errs = {line: e for line, _, _, _, e in rows}
        want = {
            2: ["Ngày ban hành ngay_ban_hanh: Ngày không hợp lệ"],
            3: ["Số ký hiệu so_ky_hieu: Vui lòng nhập thông tin này."],
            4: ["Cơ quan ban hành co_quan_ban_hanh: Vui lòng nhập thông tin này.",
                "Phạm vi pham_vi: Vui lòng chọn một giá trị trong danh sách.",
                "Trích yếu trich_yeu: Vui lòng nhập thông tin này."],
            5: ["Thay thế văn bản thay_the: Mỗi văn bản liên quan phải ghi đúng số ký hiệu",
                "Ngày có hiệu lực ngay_hieu_luc: Ngày có hiệu lực không được trước ngày ban hành."],
            6: ["Dòng 6: có 8 ô nhưng dòng tiêu đề có 16 cột.", "Phạm vi pham_vi: Vui lòng nhập thông tin này."],
            7: ["Số ký hiệu so_ky_hieu: Trùng số ký hiệu với dòng 2."],
            8: [],
        }
        for line, msgs in want.items():
            self.assertEqual(len(errs[line]), len(msgs), "line %d: %r" % (line, errs[line]))
            for got, w in zip(sorted(errs[line]), sorted(msgs)):
                self.assertTrue(got.startswith(w), "line %d: %r does not start with %r" % (line, got, w))
        self.assertEqual([x[3] for x in rows], ["Có lỗi, không nhập"] * 6 + ["Thêm mới"])
        self.assertEqual(rows[6][1:3], ("34/2025/QĐ-UBND", "Dòng đúng"))
        summary = squash(text_of(r.find_all("section", class_="import-report")[0].find("p")))
        self.assertEqual(summary, "Tệp có 7 dòng dữ liệu: 1 mới, 0 thay đổi, 0 không đổi, 6 có lỗi.")
        # a forged confirmation of the bad file: checked again, nothing saved, even row 8
        r = self.snv.post(PAGE, [("xac-nhan", "1"), ("csv", read(BAD).decode())], multipart_form=True)
        self.expect(r, 422, "confirming the bad file")
        self.check_html(r)
        self.assertEqual(self.legal(BAD_REFS), {}, "rows of the bad file were imported")
        self.assertEqual(self.counts(), before)

    def test_files_need_the_command_line(self):
        before = self.counts()
        r = self.upload(read(GOOD), status=422, what="the good file with its tep cell")
        rows = self.rows(r)
        self.assertEqual([(x[0], len(x[4])) for x in rows], [(2, 0), (3, 1), (4, 0)])
        self.assertIn(FILES_NEED_ZIP, rows[1][4][0])
        self.assertEqual(self.counts(), before)


class Import(Base):
    """In order: check, confirm, import again."""

    def test_1_preview_then_import_then_again(self):
        csv = without_files(read(GOOD))
        before = self.counts()
        r = self.upload(csv, what="the good file")
        rows = self.rows(r)
        self.assertEqual([(x[0], x[1], x[3], x[4]) for x in rows],
                         [(2, REFS[0], "Thêm mới", []), (3, REFS[1], "Thêm mới", []), (4, REFS[2], "Thêm mới", [])])
        self.assertEqual(rows[2][2], 'Triển khai chuyển đổi số năm 2025, "Cổng dịch vụ công"')
        self.assertEqual(self.counts(), before, "the check saved something")
        form = self.confirm_form(r)
        self.assertIsNotNone(form, "no confirmation for a clean file")
        self.assertEqual(squash(text_of(form.find(".//button"))), "Nhập 3 văn bản")
        fields = {i.get("name"): i.get("value") for i in form.iter("input")}
        self.assertEqual(fields["xac-nhan"], "1")
        self.assertEqual(fields["csv"].encode(), csv, "the hidden field does not hold the file's text as it was")
        self.assertTrue(fields["csrf"])

        # confirm: what the browser sends back
        r = self.snv.post(form.get("action"), [(k, v) for k, v in fields.items()], multipart_form=True)
        self.expect(r, 303, "the confirmation")
        self.assertEqual(r.location_path, "/quan-tri/?loai=van-ban&da-nhap=1&moi=3&thay-doi=0&khong-doi=0")
        d = self.expect(self.snv.get(r.location_path), 200)
        self.check_html(d)
        self.assertEqual(squash(text_of(d.find_all("p", class_="notice")[0])),
                         "Đã nhập từ tệp CSV: 3 văn bản mới, 0 thay đổi, 0 không đổi.")
        for title in ("Ban hành Quy chế quản lý, vận hành Cổng thông tin điện tử tỉnh Vĩnh Long",
                      "Triển khai chuyển đổi số năm 2025"):
            self.assertIn_(title, d, "the documents' list")
        got = self.legal(REFS)
        self.assertEqual(sorted(got), sorted(REFS))
        self.assertEqual({st for _, st in got.values()}, {"published"})
        links = set(self.fx.sql("SELECT f.ref, l.relation, l.to_ref, t.ref FROM item_links l JOIN items f ON f.id = l.from_id"
                                " LEFT JOIN items t ON t.id = l.to_id WHERE f.site_id = ?", (self.site_id(),)))
        self.assertIn((REFS[1], "thay_the", REFS[0], REFS[0]), links)
        self.assertIn((REFS[2], "huong_dan", REFS[1], REFS[1]), links)
        self.assertIn((REFS[1], "can_cu", "42/2022/NĐ-CP", None), links, "a reference to a document not here")

        # the same file again: nothing changes
        before = self.counts()
        r = self.upload(csv, what="the same file again")
        self.assertEqual([x[3] for x in self.rows(r)], ["Không đổi"] * 3)
        self.assertIsNone(self.confirm_form(r), "nothing to import, yet a confirmation")
        self.assertIn_("không có gì mới", r)
        r = self.snv.post(PAGE, [("xac-nhan", "1"), ("csv", csv.decode())], multipart_form=True)
        self.expect(r, 303, "confirming the same file")
        self.assertEqual(r.location_path, "/quan-tri/?loai=van-ban&da-nhap=1&moi=0&thay-doi=0&khong-doi=3")
        self.assertEqual(self.counts(), before, "importing the same file changed the store")

    def test_2_a_changed_row_is_a_new_revision(self):
        csv = without_files(read(GOOD)).replace(b",Nguy\xe1\xbb\x85n V\xc4\x83n A,", b",Nguy\xe1\xbb\x85n V\xc4\x83n B,")
        self.assertNotEqual(csv, without_files(read(GOOD)))
        items, revs, links, media = self.counts()
        r = self.upload(csv, what="a changed signer")
        self.assertEqual([x[3] for x in self.rows(r)], ["Cập nhật (thêm phiên bản mới)", "Không đổi", "Không đổi"])
        self.assertEqual(squash(text_of(self.confirm_form(r).find(".//button"))), "Nhập 1 văn bản")
        r = self.snv.post(PAGE, [("xac-nhan", "1"), ("csv", csv.decode())], multipart_form=True)
        self.expect(r, 303)
        self.assertIn("thay-doi=1", r.location_path)
        after = self.counts()
        self.assertEqual(after[0], items, "a changed row made a new item")
        self.assertGreater(after[1], revs, "a changed row made no revision")
        # the signer read in Python: json_extract is SQLite's
        state, pending, fields = self.fx.sql("SELECT state, pending_rev_id, fields FROM items WHERE id = ?",
                                             (self.legal(REFS)[REFS[0]][0],))[0]
        row = (state, pending, json.loads(fields).get("nguoi_ky"))
        self.assertEqual(row, ("published", None, "Nguyễn Văn B"), "the change is not the public version")

    def test_3_large_upload(self):
        """A file of a few MB goes through the default body limit; a larger body gets 413."""
        head = read(GOOD).split(b"\n")[0] + b"\n"
        row = ("{n}/2024/QĐ-UBND,Quyết định,UBND tỉnh Vĩnh Long,,05/06/2024,,,Văn bản thử số {n} "
               + "x" * 250 + ",,Tỉnh,,,,,,\n")
        body = head + b"".join(row.format(n=n).encode() for n in range(1, 12001))
        self.assertGreater(len(body), 3 << 20)
        r = self.snv.post(PAGE, files=[("file", "lon.csv", "text/csv", body)])
        self.expect(r, 200, "a %d-byte file" % len(body))
        summary = squash(text_of(r.find_all("section", class_="import-report")[0].find("p")))
        self.assertEqual(summary, "Tệp có 12000 dòng dữ liệu: 12000 mới, 0 thay đổi, 0 không đổi, 0 có lỗi.")
        self.assertEqual(squash(text_of(self.confirm_form(r).find(".//button"))), "Nhập 12000 văn bản")
        fields = {i.get("name"): i.get("value") for i in self.confirm_form(r).iter("input")}
        self.assertEqual(fields["csv"].encode(), body, "the 3 MB text in the confirmation")
        # the same text as a form field (what the confirmation sends), checked without xac-nhan
        r = self.snv.post(PAGE, [("csv", body.decode())], multipart_form=True)
        self.expect(r, 200, "the 3 MB text as a field")
        self.assertIn("12000 mới", squash(text_of(r.find_all("section", class_="import-report")[0].find("p"))))
        big = b"a" * ((24 << 20) + 1)
        r = self.snv.post(PAGE, files=[("file", "qua-lon.csv", "text/csv", big)])
        self.expect(r, 413, "a body over the limit")
        self.assertIn_("Dữ liệu gửi lên vượt quá dung lượng cho phép", r)


ZHEAD = "so_ky_hieu,loai,co_quan_ban_hanh,nguoi_ky,ngay_ban_hanh,ngay_hieu_luc,ngay_het_hieu_luc,trich_yeu,pham_vi,tep\n"


def zrow(ref, title, tep):
    return "%s,Quyết định,UBND tỉnh Vĩnh Long,Trần Thị B,10/03/2025,20/03/2025,,%s,Tỉnh,%s\n" % (ref, title, tep)


def zipped(entries, symlinks=()):
    """A ZIP archive (Deflate) of ENTRIES [(name, bytes or str)], plus Unix symbolic links [(name, target)]."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, (2025, 3, 10, 8, 0, 0)), data)
        for name, target in symlinks:
            zi = zipfile.ZipInfo(name, (2025, 3, 10, 8, 0, 0))
            zi.create_system = 3
            zi.external_attr = 0o120777 << 16
            z.writestr(zi, target)
    return buf.getvalue()


PDF1 = read(os.path.join(DATA, "quyet-dinh-22.pdf"))
PDF2 = PDF1 + b"\n% ban thu hai\n"  # another content: another file of the library


class ZipArchive(Base):
    """A ZIP archive holding the CSV and the signed files its tep column names."""

    def confirm_fields(self, r):
        form = self.confirm_form(r)
        self.assertIsNotNone(form, "no confirmation for a clean archive")
        return form.get("action"), {i.get("name"): i.get("value") for i in form.iter("input")}

    def kept(self):
        d = os.path.join(self.fx.data, "tmp", "import")
        return sorted(os.listdir(d)) if os.path.isdir(d) else []

    def problem(self, data, want, what, name="van-ban.zip"):
        before = self.counts()
        r = self.upload(data, name=name, status=422, what=what)
        alerts = [squash(text_of(p)) for p in r.find_all("p", class_="error-summary")]
        self.assertTrue(any(want in a for a in alerts), "%s: %r not among %r" % (what, want, alerts))
        self.assertIsNone(self.confirm_form(r), "%s: a confirmation is offered" % what)
        self.assertEqual(self.counts(), before, "%s: something was saved" % what)
        return r

    def test_1_two_pdfs_preview_import_public_page_again(self):
        refs = ["51/2025/QĐ-UBND", "52/2025/QĐ-UBND"]
        csv = ZHEAD + zrow(refs[0], "Quy định thứ nhất có bản ký số", "tep/51.pdf") + \
            zrow(refs[1], "Quy định thứ hai có bản ký số", "tep/52-ban-ky.pdf;tep/51.pdf")
        # made on macOS: the CSV in a folder, AppleDouble copies beside it that are not CSV files
        archive = zipped([("xuat/van-ban.csv", csv.encode()), ("xuat/tep/51.pdf", PDF1),
                          ("xuat/tep/52-ban-ky.pdf", PDF2), ("__MACOSX/xuat/._van-ban.csv", b"\0\5\26\7")])
        before = self.counts()
        r = self.upload(archive, name="van-ban.zip", what="the archive")
        self.assertEqual([(x[0], x[1], x[2], x[3], x[4]) for x in self.rows(r)],
                         [(2, refs[0], "Quy định thứ nhất có bản ký sốTệp đính kèm: tep/51.pdf", "Thêm mới", []),
                          (3, refs[1], "Quy định thứ hai có bản ký sốTệp đính kèm: tep/52-ban-ky.pdf;tep/51.pdf",
                           "Thêm mới", [])])
        self.assertIn_("Tệp ZIP chứa tệp CSV <code>xuat/van-ban.csv</code>", r)
        self.assertEqual([squash(text_of(x)) for x in r.find_all("small", class_="import-files")],
                         ["Tệp đính kèm: tep/51.pdf", "Tệp đính kèm: tep/52-ban-ky.pdf;tep/51.pdf"])
        self.assertEqual(self.counts(), before, "the check saved something (a file of the library?)")
        action, fields = self.confirm_fields(r)
        self.assertNotIn("csv", fields, "the archive's CSV goes back through the page")
        self.assertRegex(fields["tep-zip"], r"^[0-9a-f]{32}$")
        self.assertEqual(len(self.kept()), 1, "the archive is not kept for the confirmation")
        self.assertNotIn(fields["tep-zip"], self.kept()[0], "the kept file is named by the token the browser has")
        self.assertEqual(os.stat(os.path.join(self.fx.data, "tmp", "import", self.kept()[0])).st_mode & 0o777, 0o600)

        r = self.snv.post(action, list(fields.items()), multipart_form=True)
        self.expect(r, 303, "the confirmation")
        self.assertEqual(r.location_path, "/quan-tri/?loai=van-ban&da-nhap=1&moi=2&thay-doi=0&khong-doi=0")
        self.assertEqual(self.kept(), [], "the kept archive stays after the import")
        got = self.legal(refs)
        self.assertEqual(sorted(got), sorted(refs))
        att = self.fx.sql("SELECT i.ref, m.orig_name, m.sha256 FROM article_attachments a JOIN items i ON i.id = a.article_id"
                          " JOIN media m ON m.id = a.media_id WHERE i.ref IN (?, ?) ORDER BY i.ref, a.position", refs)
        sha1, sha2 = hashlib.sha256(PDF1).hexdigest(), hashlib.sha256(PDF2).hexdigest()
        self.assertEqual(att, [(refs[0], "51.pdf", sha1), (refs[1], "52-ban-ky.pdf", sha2), (refs[1], "51.pdf", sha1)])
        # the public pages show the files, and the files download as they were in the archive
        pub = self.fx.client("snv")
        for ref, shas in ((refs[0], [sha1]), (refs[1], [sha2, sha1])):
            p = pub.get("/van-ban/x-%d" % got[ref][0])
            self.expect(p, 301, "the document's short address")
            p = self.expect(pub.get(p.location_path), 200, "the document's page")
            for sha in shas:
                self.assertIn("/tep/%s.pdf" % sha, p.links(), "%s: its file is not on its page" % ref)
        d = self.expect(pub.get("/tep/%s.pdf" % sha2), 200, "the file")
        self.assertEqual(d.body, PDF2)

        # the same archive again: nothing changes, nothing to confirm, nothing kept
        before = self.counts()
        r = self.upload(archive, name="van-ban.zip", what="the same archive again")
        self.assertEqual([x[3] for x in self.rows(r)], ["Không đổi"] * 2)
        self.assertIsNone(self.confirm_form(r))
        self.assertEqual(self.kept(), [])
        # and its confirmation sent again: the archive is gone, nothing imported twice
        r = self.snv.post(action, list(fields.items()), multipart_form=True)
        self.expect(r, 422, "the confirmation replayed")
        self.check_html(r)
        self.assertIn("không còn trên máy chủ", squash(text_of(r.by_id("file-error"))))
        # straight import of the same archive (xac-nhan with the upload): all unchanged
        r = self.snv.post(PAGE, [("xac-nhan", "1")], files=[("file", "van-ban.zip", "application/zip", archive)])
        self.expect(r, 303)
        self.assertEqual(r.location_path, "/quan-tri/?loai=van-ban&da-nhap=1&moi=0&thay-doi=0&khong-doi=2")
        self.assertEqual(self.counts(), before, "importing the same archive changed the store")

    def test_2_kept_archive_is_this_session_s(self):
        archive = zipped([("van-ban.csv", (ZHEAD + zrow("53/2025/QĐ-UBND", "Một quy định", "53.pdf")).encode()),
                          ("53.pdf", PDF1)])
        r = self.upload(archive, name="van-ban.zip", what="the archive")
        action, fields = self.confirm_fields(r)
        other = self.fx.client("snv")  # the same account, another browser
        s = other.signin("duyet", NEW_PASSWORD)
        self.assertEqual(s.status, 303, "sign-in")
        before = self.counts()
        r = other.post(action, [(k, v) for k, v in fields.items() if k != "csrf"], multipart_form=True)
        self.expect(r, 422, "another session's token")
        self.assertIn("không còn trên máy chủ", squash(text_of(r.by_id("file-error"))))
        for bad in ("../../cong.db", "0" * 32, fields["tep-zip"].upper()):
            r = self.snv.post(action, [("csrf", fields["csrf"]), ("xac-nhan", "1"), ("tep-zip", bad)], multipart_form=True)
            self.expect(r, 422, "token %r" % bad)
        self.assertEqual(self.counts(), before)
        self.assertEqual(self.legal(["53/2025/QĐ-UBND"]), {})
        r = self.snv.post(action, list(fields.items()), multipart_form=True)  # its own session still can
        self.expect(r, 303)
        self.assertEqual(len(self.legal(["53/2025/QĐ-UBND"])), 1)

    def test_unsafe_paths_refused(self):
        csv = (ZHEAD + zrow("54/2025/QĐ-UBND", "Văn bản", "a.pdf")).encode()
        for entries, links, what in (
                ([("van-ban.csv", csv), ("a.pdf", PDF1), ("../evil.pdf", PDF1)], (), "a ../ entry"),
                ([("van-ban.csv", csv), ("a.pdf", PDF1), ("tep/../../evil.pdf", PDF1)], (), "a ../ inside"),
                ([("van-ban.csv", csv), ("a.pdf", PDF1), ("/etc/evil.pdf", PDF1)], (), "an absolute path"),
                ([("van-ban.csv", csv), ("a.pdf", PDF1), ("tep\\..\\evil.pdf", PDF1)], (), "a backslash"),
                ([("van-ban.csv", csv)], [("a.pdf", "/etc/passwd")], "a symbolic link")):
            with self.subTest(what=what):
                want = "không phải tệp thường" if links else "đường dẫn không an toàn"
                self.problem(zipped(entries, links), want, what)
        self.assertFalse(os.path.exists(os.path.join(self.fx.data, "..", "evil.pdf")))
        # a tep cell that leaves the CSV's folder: an error of its row
        r = self.upload(zipped([("van-ban.csv", (ZHEAD + zrow("54/2025/QĐ-UBND", "Văn bản", "../a.pdf")).encode()),
                                ("a.pdf", PDF1)]), name="van-ban.zip", status=422)
        self.assertEqual(self.rows(r)[0][4], ["Tệp tep: Đường dẫn tệp phải nằm trong thư mục của tệp CSV."])

    def test_missing_file_named_by_its_line(self):
        csv = ZHEAD + zrow("55/2025/QĐ-UBND", "Có tệp", "55.pdf") + zrow("56/2025/QĐ-UBND", "Thiếu tệp", "tep/56.pdf")
        before = self.counts()
        r = self.upload(zipped([("van-ban.csv", csv.encode()), ("55.pdf", PDF1)]), name="van-ban.zip", status=422)
        self.assertIn_("Tệp có 1 dòng lỗi nên chưa nhập dòng nào", r)
        self.assertEqual([(x[0], x[4]) for x in self.rows(r)],
                         [(2, []), (3, ["Tệp tep: Không có tệp tep/56.pdf trong tệp ZIP (đường dẫn tính từ thư mục của tệp CSV)."])])
        self.assertIsNone(self.confirm_form(r))
        self.assertEqual(self.kept(), [])
        self.assertEqual(self.counts(), before)

    def test_file_type_the_library_refuses(self):
        exe = b"\x7fELF\x02\x01\x01" + b"\0" * 200
        csv = ZHEAD + zrow("57/2025/QĐ-UBND", "Tệp lạ", "57.pdf")
        r = self.upload(zipped([("van-ban.csv", csv.encode()), ("57.pdf", exe)]), name="van-ban.zip", status=422)
        errs = self.rows(r)[0][4]
        self.assertEqual(len(errs), 1, errs)
        self.assertTrue(errs[0].startswith("Tệp tep: Chỉ nhận ảnh JPEG, PNG, WebP, GIF hoặc tệp PDF"), errs)
        self.assertTrue(errs[0].endswith("57.pdf"), errs)

    def test_not_a_zip_nor_a_csv(self):
        self.problem(b"PK\x03\x04" + os.urandom(300), "không phải tệp ZIP đọc được", "a damaged archive")
        archive = zipped([("van-ban.csv", ZHEAD.encode())])
        self.problem(archive[:len(archive) // 2], "không phải tệp ZIP đọc được", "a cut archive")
        for data, name, what in ((PDF1, "van-ban.zip", "a PDF named .zip"), (PDF1 + b"stream\n\x78\x9c\x03\x00\x00\x00\x00\x01", "van-ban.csv", "a PDF named .csv"),
                                 (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "anh.csv", "a PNG")):
            with self.subTest(what=what):
                r = self.upload(data, name=name, status=422, what=what)
                self.assertEqual(squash(text_of(r.by_id("file-error"))),
                                 "Tệp phải là tệp CSV (UTF-8) hoặc tệp ZIP chứa một tệp CSV cùng các tệp đính kèm.")
                self.assertEqual(r.by_id("file").get("aria-invalid"), "true")

    def test_one_csv_inside(self):
        self.problem(zipped([("a.pdf", PDF1)]), "Tệp ZIP không có tệp CSV nào", "no CSV")
        self.problem(zipped([("a.csv", ZHEAD.encode()), ("b/B.CSV", ZHEAD.encode())]),
                     "Tệp ZIP có 2 tệp CSV (a.csv, b/B.CSV): mỗi lần chỉ nhập một tệp CSV.", "two CSV files")

    def test_zip_bomb(self):
        """An entry that inflates past four times the upload limit is refused from its declared size."""
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            z.writestr("van-ban.csv", ZHEAD)
            with z.open("bom.pdf", "w", force_zip64=True) as f:
                chunk = b"\0" * (1 << 20)
                for _ in range(100):
                    f.write(chunk)
        self.assertLess(len(buf.getvalue()), 1 << 20)
        self.problem(buf.getvalue(), "Các tệp trong tệp ZIP khi giải nén vượt quá 96 MB", "a zip bomb")
        # many entries
        self.problem(zipped([("van-ban.csv", ZHEAD.encode())] + [("t/%d.txt" % i, b"") for i in range(2001)]),
                     "Tệp ZIP có quá nhiều mục (tối đa 2000)", "2002 entries")


class FileFields(Base):
    """A kind's file field (the gazette's PDF) from a CSV cell: a path in the archive, stored in the
    library and named by the item; a file of the wrong type or missing refused under its column."""

    GHEAD = "so,ngay,van_ban,ban_dien_tu,tieu_de\n"

    def test_a_file_field_from_the_archive(self):
        page = "/quan-tri/nhap/cong-bao"
        csv = self.GHEAD + "41+42,10/03/2025,,so-41.pdf,Công báo số 41+42\n"
        archive = zipped([("cong-bao.csv", csv.encode()), ("so-41.pdf", PDF2 + b"% 41\n")])
        before = self.counts()
        r = self.upload(archive, name="cong-bao.zip", what="the check", page=page)
        self.assertEqual([x[4] for x in self.rows(r)], [[]])
        self.assertEqual(self.counts(), before, "the check stored the file")
        form = self.confirm_form(r)
        self.assertIsNotNone(form, "no confirmation")
        r = self.snv.post(form.get("action"), [(i.get("name"), i.get("value")) for i in form.iter("input")],
                          multipart_form=True)
        self.expect(r, 303, "the import")
        iid, sha = self.fx.sql("SELECT i.id, m.sha256 FROM items i JOIN item_files f ON f.item_id = i.id"
                               " JOIN media m ON m.id = f.media_id WHERE i.kind = 'gazette' AND i.ref = '41+42'"
                               " AND i.site_id = ?", (self.site_id(),))[0]
        self.assertEqual(sha, hashlib.sha256(PDF2 + b"% 41\n").hexdigest())
        pub = self.fx.client("snv")
        p = pub.get("/cong-bao/x-%d" % iid)
        p = self.expect(pub.get(p.location_path), 200, "the issue's page")
        self.assertIn("/tep/%s.pdf" % sha, p.links(), "its PDF is on its page")

        # an image where a PDF is wanted, a file not in the archive: each under its column
        csv = self.GHEAD + "43,11/03/2025,,anh.png,Số 43\n44,12/03/2025,,khong-co.pdf,Số 44\n"
        before = self.counts()
        r = self.upload(zipped([("cong-bao.csv", csv.encode()), ("anh.png", png())]), name="cong-bao.zip",
                        status=422, what="bad files", page=page)
        errs = [x[4] for x in self.rows(r)]
        self.assertTrue(any("Tệp công báo (PDF)" in e and "Loại tệp này không dùng được ở đây" in e for e in errs[0]),
                        errs)
        self.assertTrue(any("Tệp công báo (PDF)" in e and "Không có tệp khong-co.pdf" in e for e in errs[1]), errs)
        self.assertEqual(self.counts(), before)


class CommandLine(CongTest):
    """`cong import` on a fresh data folder."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="cong-import-")
        self.data = os.path.join(self.tmp, "data")
        cong("init", "--data", self.data, "--domain", BASE, "--name", MAIN_NAME, *new_db_args())

    def tearDown(self):
        drop_db(self.data)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_import(self, *args):
        p = subprocess.run([CONG, "import", "van-ban", "--data", self.data, "--site", "main"] + list(args),
                           capture_output=True, env=cong_env(), timeout=60)
        return p.returncode, p.stdout.decode(), p.stderr.decode()

    def query(self, q, *a):
        return data_sql(self.data, q, a)

    def test_import_attach_and_again(self):
        rc, out, err = self.run_import(GOOD)
        self.assertEqual(rc, 0, err)
        self.assertIn("3 mới, 0 thay đổi, 0 không đổi — đã nhập", out)
        rows = dict(self.query("SELECT ref, state FROM items WHERE kind = 'legal'"))
        self.assertEqual(rows, {ref: "published" for ref in REFS})
        att = self.query("SELECT i.ref, m.orig_name, m.size, m.sha256 FROM article_attachments a JOIN items i"
                         " ON i.id = a.article_id JOIN media m ON m.id = a.media_id")
        pdf = read(os.path.join(DATA, "quyet-dinh-22.pdf"))
        self.assertEqual([(a[0], a[1], a[2]) for a in att], [(REFS[1], "quyet-dinh-22.pdf", len(pdf))])
        import hashlib
        self.assertEqual(att[0][3], hashlib.sha256(pdf).hexdigest())
        revs = self.query("SELECT count(*) FROM revisions")[0][0]
        rc, out, err = self.run_import(GOOD)
        self.assertEqual(rc, 0, err)
        self.assertIn("0 mới, 0 thay đổi, 3 không đổi", out)
        self.assertEqual(self.query("SELECT count(*) FROM revisions")[0][0], revs, "a second import made revisions")

    def test_bad_file(self):
        rc, out, err = self.run_import(BAD)
        self.assertEqual(rc, 1)
        for line in (2, 3, 4, 5, 7):
            self.assertRegex(err, r"van-ban-loi\.csv: dòng %d, " % line)
        self.assertIn("Dòng 6: có 8 ô nhưng dòng tiêu đề có 16 cột.", err)
        self.assertNotIn("dòng 8", err)
        self.assertIn("6 dòng có lỗi: không nhập dòng nào", err)
        self.assertEqual(self.query("SELECT count(*) FROM items WHERE kind = 'legal'")[0][0], 0)

    def test_check_imports_nothing(self):
        rc, out, err = self.run_import("--check", GOOD)
        self.assertEqual(rc, 0, err)
        self.assertIn("3 mới, 0 thay đổi, 0 không đổi (kiểm tra, chưa nhập)", out)
        self.assertEqual(self.query("SELECT count(*) FROM items WHERE kind = 'legal'")[0][0], 0)
        self.assertEqual(self.query("SELECT count(*) FROM media")[0][0], 0, "--check stored the file")

    def test_import_from_an_archive(self):
        """The command line takes the archive the admin takes; an unsafe one is refused with a sentence."""
        csv = (ZHEAD + zrow("58/2025/QĐ-UBND", "Từ tệp ZIP", "tep/58.pdf")).encode()
        path = os.path.join(self.tmp, "van-ban.zip")
        with open(path, "wb") as f:
            f.write(zipped([("van-ban.csv", csv), ("tep/58.pdf", PDF1)]))
        rc, out, err = self.run_import(path)
        self.assertEqual(rc, 0, err)
        self.assertIn("1 mới, 0 thay đổi, 0 không đổi — đã nhập", out)
        att = self.query("SELECT i.ref, m.orig_name FROM article_attachments a JOIN items i ON i.id = a.article_id"
                         " JOIN media m ON m.id = a.media_id")
        self.assertEqual(att, [("58/2025/QĐ-UBND", "58.pdf")])
        rc, out, err = self.run_import(path)
        self.assertEqual(rc, 0, err)
        self.assertIn("0 mới, 0 thay đổi, 1 không đổi", out)
        with open(path, "wb") as f:
            f.write(zipped([("van-ban.csv", csv), ("../../58.pdf", PDF1)]))
        rc, out, err = self.run_import(path)
        self.assertEqual(rc, 1)
        self.assertIn("van-ban.zip: Tệp ZIP có đường dẫn không an toàn: \"../../58.pdf\"", err)
