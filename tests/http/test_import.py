"""Importing items from a CSV file: the admin page (/quan-tri/nhap/<kind>: the columns, the
template file, the preview of every row with its errors, the confirmation re-posting the text,
the import in one step or not at all, known documents left alone the second time, the problems
of a file that cannot be read, CSRF, the approver rule) and the command line (`cong import`: the
files beside the CSV stored and attached, errors with their lines, --check)."""
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile

from conglib import (BASE, CONG, MAIN_NAME, ROOT, CongTest, cong, cong_env, module_fixture, squash, text_of)

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
FILES_ONLY_CLI = "Tệp đính kèm chỉ nhập được bằng lệnh cong import"


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

    def db(self):
        return sqlite3.connect(os.path.join(self.fx.data, "cong.db"), timeout=10)

    def site_id(self, slug="snv"):
        with self.db() as db:
            return db.execute("SELECT id FROM sites WHERE slug = ?", (slug,)).fetchone()[0]

    def legal(self, refs):
        """{ref: (id, state)} of the legal documents of snv with these numbers."""
        with self.db() as db:
            rows = db.execute("SELECT ref, id, state FROM items WHERE kind = 'legal' AND site_id = ?",
                              (self.site_id(),)).fetchall()
        return {ref: (i, st) for ref, i, st in rows if ref in refs}

    def counts(self):
        """Items, revisions and item links of the whole store: what an import may change."""
        with self.db() as db:
            return tuple(db.execute(q).fetchone()[0] for q in (
                "SELECT count(*) FROM items", "SELECT count(*) FROM revisions", "SELECT count(*) FROM item_links",
                "SELECT count(*) FROM media"))

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
        self.assertIn("cong import", rows["tep"][2], "the files column says uploads come without files")
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
        self.assertEqual(t.body[3:].decode(), "so,ngay,van_ban,tieu_de,tom_tat,noi_dung,tep\r\n")
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
        self.assertIn(FILES_ONLY_CLI, rows[1][4][0])
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
        with self.db() as db:
            links = set(db.execute("SELECT f.ref, l.relation, l.to_ref, t.ref FROM item_links l JOIN items f ON f.id = l.from_id"
                                   " LEFT JOIN items t ON t.id = l.to_id WHERE f.site_id = ?", (self.site_id(),)).fetchall())
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
        with self.db() as db:
            row = db.execute("SELECT state, pending_rev_id, json_extract(fields, '$.nguoi_ky') FROM items WHERE id = ?",
                             (self.legal(REFS)[REFS[0]][0],)).fetchone()
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


class CommandLine(CongTest):
    """`cong import` on a fresh data folder."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="cong-import-")
        self.data = os.path.join(self.tmp, "data")
        cong("init", "--data", self.data, "--domain", BASE, "--name", MAIN_NAME)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_import(self, *args):
        p = subprocess.run([CONG, "import", "van-ban", "--data", self.data, "--site", "main"] + list(args),
                           capture_output=True, env=cong_env(), timeout=60)
        return p.returncode, p.stdout.decode(), p.stderr.decode()

    def query(self, q, *a):
        with sqlite3.connect(os.path.join(self.data, "cong.db"), timeout=10) as db:
            return db.execute(q, a).fetchall()

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
