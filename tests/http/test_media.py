"""The media library (/quan-tri/thu-vien): images and attachments uploaded through the page and
recognised by content, their resized copies, the downloads of attachments (/tep/, with their
uploaded name), the editor's JSON upload endpoint, CSRF on every POST, errors next to their
fields with the input kept, and sites kept apart (another site's editor sees and deletes
nothing)."""
import io
import json
import re
import struct
import urllib.parse
import uuid
import zipfile

from conglib import (CongTest, module_fixture, png, sha256, squash, text_of)

# attachments go up to 20 MB: the server must take bodies a little larger
setUpModule, tearDownModule = module_fixture(extra_serve=("--max-body", str(24 << 20)))

MSG_MEDIA = {
    "media_type": "Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF (kiểm tra theo nội dung tệp).",
    "media_type_any": "Chỉ nhận ảnh JPEG, PNG, WebP, GIF hoặc tệp PDF, DOC, DOCX, XLS, XLSX, ODT, CSV",
    "media_zip": "Tệp nén ZIP này không phải văn bản Word (DOCX), Excel (XLSX) hay OpenDocument (ODT)",
    "media_file_too_big": "Tệp đính kèm vượt quá 20 MB.",
    "media_alt_required": "Ảnh cần có mô tả (phục vụ người khiếm thị).",
    "csrf_invalid": "Phiên làm việc của biểu mẫu đã hết hạn hoặc không hợp lệ",
}

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")


def uniq(prefix):
    return "%s %s" % (prefix, uuid.uuid4().hex[:6].upper())


def pdf(text=""):
    """A distinct small PDF (the library stores each content once)."""
    return PDF + ("%% %s\n" % (text or uuid.uuid4().hex)).encode("utf-8")


def cfb(stream, salt=""):
    """A minimal compound file (CFB v3) with one stream: WordDocument makes libmagic say
    application/msword, Workbook application/vnd.ms-excel."""
    free, end, fatsect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    data = (salt or uuid.uuid4().hex).encode().ljust(4096, b"x")
    fat = [fatsect, end] + list(range(3, 10)) + [end]
    fat += [free] * (128 - len(fat))

    def entry(name, typ, start, size, child=free):
        n = (name + "\0").encode("utf-16-le")
        return (n.ljust(64, b"\0") + struct.pack("<HBB", len(n), typ, 1) + struct.pack("<III", free, free, child) +
                b"\0" * 36 + struct.pack("<IQ", start, size))
    empty = b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", free, free, free) + b"\0" * 52
    dirs = entry("Root Entry", 5, end, 0, child=1) + entry(stream, 2, 2, len(data)) + empty * 2
    hdr = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6 +
           struct.pack("<IIII", 0, 1, 1, 0) + struct.pack("<IIIII", 4096, end, 0, end, 0) +
           struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    return hdr + b"".join(struct.pack("<I", x) for x in fat) + dirs + data


CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/%s" ContentType="%s"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="%s"/></Relationships>')


def zipped(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "mimetype":
                z.writestr(zipfile.ZipInfo("mimetype"), data, compress_type=zipfile.ZIP_STORED)
            else:
                z.writestr(name, data)
    return buf.getvalue()


def docx(text=None):
    doc = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>'
           % (text or uuid.uuid4().hex))
    # the order LibreOffice writes: libmagic 5.44 calls this application/zip
    return zipped([("_rels/.rels", RELS % "word/document.xml"), ("word/document.xml", doc),
                   ("[Content_Types].xml", CT % ("word/document.xml", "application/vnd.openxmlformats-officedocument."
                                                 "wordprocessingml.document.main+xml"))])


def xlsx(text=None):
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
          '2006/main"><sheets><sheet name="%s" sheetId="1"/></sheets></workbook>' % (text or uuid.uuid4().hex[:20]))
    # Excel's order: libmagic names it
    return zipped([("[Content_Types].xml", CT % ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument."
                                                 "spreadsheetml.sheet.main+xml")),
                   ("_rels/.rels", RELS % "xl/workbook.xml"), ("xl/workbook.xml", wb)])


def odt(text=None):
    return zipped([("mimetype", "application/vnd.oasis.opendocument.text"),
                   ("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest/>'),
                   ("content.xml", '<?xml version="1.0"?><office:document-content>%s</office:document-content>'
                    % (text or uuid.uuid4().hex))])


ATTACHMENTS = [
    # (file name, maker, extension, Content-Type served)
    ("Quyết định số 12-QĐ.pdf", pdf, "pdf", "application/pdf"),
    ("Công văn hỏa tốc.doc", lambda: cfb("WordDocument"), "doc", "application/msword"),
    ("Kế hoạch năm 2026.docx", docx, "docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("Bảng tổng hợp.xls", lambda: cfb("Workbook"), "xls", "application/vnd.ms-excel"),
    ("Dự toán ngân sách.xlsx", xlsx, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("Báo cáo sơ kết.odt", odt, "odt", "application/vnd.oasis.opendocument.text"),
]


class Base(CongTest):
    def setUp(self):
        self.snv = self.fx.admin("duyet", "snv")

    def upload(self, client, name, data, ctype="application/octet-stream", alt="", title="", expect=303):
        r = client.post("/quan-tri/thu-vien", [("alt", alt), ("title", title)], files=[("file", name, ctype, data)])
        self.expect(r, expect, "upload of %s" % name)
        return r

    def library(self, client, query=""):
        r = self.expect(client.get("/quan-tri/thu-vien" + query), 200, "the library page")
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.check_html(r)
        return r

    def item_id(self, r, url):
        """The id of the library item whose link or thumbnail is URL."""
        for el in r.tree().iter():
            if re.match(r"^m\d+$", el.get("id") or "") and any(d.get("href") == url or d.get("src") == url
                                                               for d in el.iter()):
                return int(el.get("id")[1:])
        self.fail("%r: no library item with %s" % (r, url))


class Upload(Base):
    def test_image_uploaded_resized_and_listed(self):
        img = png(1200, 600, (10, 120, 60))
        sha = sha256(img)
        r = self.upload(self.snv, "anh hoi nghi.png", img, "image/png", alt="Quang cảnh hội nghị", title="Hội nghị")
        self.assertRegex(r.location_path, r"^/quan-tri/thu-vien\?loai=anh&da-tai=\d+$")
        page = self.library(self.snv, "?loai=anh&da-tai=1")
        self.assertIn_("Đã tải lên thư viện.", page, "the notice")
        thumbs = [i for i in page.tree().iter("img") if i.get("src") == "/media/%s-480.jpg" % sha]
        self.assertTrue(thumbs, "the 480-pixel copy is not the thumbnail")
        self.assertEqual(thumbs[0].get("alt"), "Quang cảnh hội nghị")
        # the copies and the original are served, with a long cache
        c = self.fx.client("longho")  # any host
        for path, ctype, size in (("/media/%s-480.jpg" % sha, "image/jpeg", None),
                                  ("/media/%s-960.jpg" % sha, "image/jpeg", None),
                                  ("/media/%s.png" % sha, "image/png", len(img))):
            m = self.expect(c.get(path), 200, path)
            self.assertEqual(m.ctype, ctype, path)
            self.assertIn("max-age=31536000", m.header("Cache-Control") or "", path)
            if size:
                self.assertEqual(len(m.body), size)
            else:
                self.assertEqual(m.body[:3], b"\xff\xd8\xff", "%s is not a JPEG" % path)
        # a narrow image gets no copy
        small = png(200, 100, (1, 2, 3))
        self.upload(self.snv, "nho.png", small, "image/png", alt="Ảnh nhỏ")
        self.expect(c.get("/media/%s-480.jpg" % sha256(small)), 404, "a copy wider than the image")
        page = self.library(self.snv, "?loai=anh")
        self.assertIn("/media/%s.png" % sha256(small), [i.get("src") for i in page.tree().iter("img")])

    def test_each_attachment_type_listed_and_downloaded(self):
        for name, make, ext, ctype in ATTACHMENTS:
            with self.subTest(ext=ext):
                data = make()
                sha = sha256(data)
                r = self.upload(self.snv, name, data)
                self.assertRegex(r.location_path, r"^/quan-tri/thu-vien\?loai=tep&da-tai=\d+$")
                page = self.library(self.snv, "?loai=tep")
                url = "/tep/%s.%s" % (sha, ext)
                links = [a for a in page.tree().iter("a") if a.get("href") == url]
                self.assertTrue(links, "%s is not listed with a link to %s" % (name, url))
                # the title defaults to the name without its extension
                self.assertEqual(squash(text_of(links[0])), name.rsplit(".", 1)[0])
                row = [tr for tr in page.tree().iter("tr") if tr.get("id", "").startswith("m") and links[0] in tr.iter()]
                cells = [squash(text_of(td)) for td in row[0].findall("td")]
                self.assertEqual(cells[1], ext.upper(), "type column")
                self.assertRegex(cells[2], r"^\d+(,\d)? (B|KB|MB)$", "size column")
                # the download, from any host, under its uploaded name
                for c in (self.fx.client("snv"), self.fx.client(None), self.fx.client("stc")):
                    d = self.expect(c.get(url), 200, "download of %s" % name)
                    self.assertEqual(d.ctype, ctype)
                    self.assertEqual(d.body, data, "the downloaded bytes")
                    self.assertEqual(d.header("Content-Disposition"),
                                     "attachment; filename*=UTF-8''" + urllib.parse.quote(name, safe=""))
                    self.assertEqual(d.header("X-Content-Type-Options"), "nosniff")
                # never as an image, nor under another extension
                c = self.fx.client("snv")
                self.expect(c.get("/media/%s.%s" % (sha, ext)), 404, "an attachment under /media/")
                other = "pdf" if ext != "pdf" else "doc"
                self.expect(c.get("/tep/%s.%s" % (sha, other)), 404, "an attachment under another extension")

    def test_filter_and_title(self):
        data = pdf()
        self.upload(self.snv, "tai-lieu.pdf", data, title="Tài liệu hội nghị")
        img = png(32, 32, (99, 1, 1))
        self.upload(self.snv, "a.png", img, "image/png", alt="Biểu tượng")
        files = self.library(self.snv, "?loai=tep")
        self.assertIn("/tep/%s.pdf" % sha256(data), files.links())
        self.assertNotIn("/media/%s.png" % sha256(img), [i.get("src") for i in files.tree().iter("img")])
        self.assertIn_("Tài liệu hội nghị", files, "the title given")
        images = self.library(self.snv, "?loai=anh")
        self.assertNotIn("/tep/%s.pdf" % sha256(data), images.links())
        self.assertIn("/media/%s.png" % sha256(img), [i.get("src") for i in images.tree().iter("img")])
        both = self.library(self.snv)
        self.assertIn("/tep/%s.pdf" % sha256(data), both.links())
        self.assertIn("/media/%s.png" % sha256(img), [i.get("src") for i in both.tree().iter("img")])
        cur = [a for a in both.tree().iter("a") if a.get("aria-current") == "page"]
        self.assertEqual([squash(text_of(a)) for a in cur], ["Tất cả"])

    def test_pages(self):
        sysadmin = self.fx.admin("admin", "chauthanh")
        for i in range(26):
            self.upload(sysadmin, "t%d.pdf" % i, pdf("trang %d" % i))
        r = self.library(sysadmin)
        self.assertIn_("Tổng số: 26", r, "the count")
        self.assertEqual(len([tr for tr in r.tree().iter("tr") if tr.get("id", "").startswith("m")]), 24)
        self.assertIn("/quan-tri/thu-vien?trang=2", r.links(), "no link to the second page")
        r2 = self.library(sysadmin, "?trang=2")
        names = [squash(text_of(tr.find("td"))) for tr in r2.tree().iter("tr") if tr.get("id", "").startswith("m")]
        self.assertEqual(len(names), 2)
        self.assertTrue(names[0].startswith("t1 ") or names[0].startswith("t1"), "oldest last: %r" % names)
        self.assertIn("/quan-tri/thu-vien", r2.links(), "no link back to the first page")


class Refusals(Base):
    def refused(self, name, data, message, field="file", alt="Mô tả giữ lại", title="Tiêu đề giữ lại"):
        r = self.upload(self.snv, name, data, alt=alt, title=title, expect=422)
        self.check_html(r)
        err = r.by_id("%s-error" % field)
        self.assertIsNotNone(err, "%r: no error next to the %s field" % (r, field))
        self.assertIn(message, squash(text_of(err)))
        self.assertEqual(r.by_id(field).get("aria-invalid"), "true")
        # what was typed is kept
        self.assertEqual(r.by_id("alt").get("value"), alt)
        self.assertEqual(r.by_id("title").get("value"), title)
        return r

    def test_not_by_name(self):
        self.refused("bao-cao.pdf", "Đây không phải PDF.".encode("utf-8"), MSG_MEDIA["media_type_any"])
        self.refused("anh.png", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
                     MSG_MEDIA["media_type_any"])
        self.refused("van-ban.docx", zipped([("readme.txt", "xin chào")]), MSG_MEDIA["media_zip"])
        self.refused("chi-tai-lieu.docx", zipped([("word/document.xml", "<w:document/>")]), MSG_MEDIA["media_zip"])
        self.refused("chuong-trinh.exe", b"MZ\x90\x00" + b"\x00" * 200, MSG_MEDIA["media_type_any"])

    def test_image_needs_alt(self):
        self.refused("anh.png", png(40, 40, (5, 5, 5)), MSG_MEDIA["media_alt_required"], field="alt", alt="")

    def test_size_limit(self):
        big = PDF + b"0" * (20 * 1024 * 1024 + 1 - len(PDF))
        self.refused("lon.pdf", big, MSG_MEDIA["media_file_too_big"])

    def test_empty_upload(self):
        r = self.snv.post("/quan-tri/thu-vien", [("alt", ""), ("title", "")], files=[("file", "", "application/octet-stream", b"")])
        self.expect(r, 422, "no file")
        self.assertIsNotNone(r.by_id("file-error"))


class EditorEndpoint(Base):
    def post_image(self, client, data, name="anh.png", csrf=True):
        return client.post("/quan-tri/thu-vien/tai-anh", files=[("file", name, "image/png", data)], csrf=csrf)

    def test_json_success(self):
        img = png(700, 350, (200, 200, 10))
        r = self.expect(self.post_image(self.snv, img), 200, "editor upload")
        self.assertEqual(r.ctype, "application/json")
        self.assertEqual(r.header("Cache-Control"), "no-store")
        j = json.loads(r.text)
        self.assertEqual(j["location"], "/media/%s.png" % sha256(img))
        self.assertIsInstance(j["id"], int)
        m = self.expect(self.fx.client("snv").get(j["location"]), 200, "the uploaded image")
        self.assertEqual(m.body, img)
        # the same image again: the same item
        j2 = json.loads(self.expect(self.post_image(self.snv, img), 200).text)
        self.assertEqual(j2["id"], j["id"])
        # it is in the library (without a description yet)
        page = self.library(self.snv, "?loai=anh")
        self.assertIn("/media/%s-480.jpg" % sha256(img), [i.get("src") for i in page.tree().iter("img")])

    def test_json_errors(self):
        r = self.post_image(self.snv, pdf(), name="anh.png")
        self.assertTrue(400 <= r.status < 500, "a PDF to the image endpoint: %d" % r.status)
        self.assertEqual(r.ctype, "application/json")
        self.assertEqual(json.loads(r.text), {"error": MSG_MEDIA["media_type"]})
        # CSRF is checked like on every POST
        r = self.expect(self.post_image(self.snv, png(20, 20, (1, 1, 1)), csrf=False), 403, "no csrf")
        self.assertEqual(r.ctype, "application/json")
        self.assertIn(MSG_MEDIA["csrf_invalid"], json.loads(r.text)["error"])
        r = self.expect(self.snv.post("/quan-tri/thu-vien/tai-anh", [("csrf", "x" * 43)],
                                      files=[("file", "a.png", "image/png", png(21, 21, (1, 1, 1)))], csrf=False),
                        403, "a wrong csrf")
        self.assertIn("error", json.loads(r.text))
        # signed out: 401 in JSON, not a redirect
        c = self.fx.client("snv")
        r = self.expect(self.post_image(c, png(22, 22, (1, 1, 1))), 401, "signed out")
        self.assertEqual(r.ctype, "application/json")
        self.assertIsNone(r.header("Location"))
        self.assertIn("error", json.loads(r.text))


class Csrf(Base):
    def test_every_post_needs_the_token(self):
        data = pdf()
        r = self.snv.post("/quan-tri/thu-vien", [("alt", ""), ("title", "")],
                          files=[("file", "x.pdf", "application/pdf", data)], csrf=False)
        self.expect(r, 403, "upload without csrf")
        self.assertNotIn("/tep/%s.pdf" % sha256(data), self.library(self.snv, "?loai=tep").links())
        self.upload(self.snv, "x.pdf", data, title="Giữ nguyên")
        page = self.library(self.snv, "?loai=tep")
        mid = self.item_id(page, "/tep/%s.pdf" % sha256(data))
        self.expect(self.snv.post("/quan-tri/thu-vien/%d" % mid, [("alt", ""), ("title", "Đổi")], csrf=False), 403,
                    "edit without csrf")
        self.expect(self.snv.post("/quan-tri/thu-vien/%d/xoa" % mid, [], csrf=False), 403, "delete without csrf")
        page = self.library(self.snv, "?loai=tep")
        self.assertIn_("Giữ nguyên", page, "the title after refused POSTs")
        self.assertIn("/tep/%s.pdf" % sha256(data), page.links())


class EditDelete(Base):
    def test_edit_alt_and_title(self):
        img = png(64, 48, (3, 4, 5))
        self.upload(self.snv, "sua.png", img, "image/png", alt="Mô tả cũ")
        page = self.library(self.snv, "?loai=anh")
        mid = self.item_id(page, "/media/%s.png" % sha256(img))
        form = self.library(self.snv, "?sua=%d" % mid)
        self.assertEqual(form.by_id("edit-alt").get("value"), "Mô tả cũ")
        # an image keeps a description
        r = self.expect(self.snv.post("/quan-tri/thu-vien/%d" % mid, [("alt", " "), ("title", "Tiêu đề mới")]), 422)
        self.check_html(r)
        self.assertIn(MSG_MEDIA["media_alt_required"], squash(text_of(r.by_id("edit-alt-error"))))
        self.assertEqual(r.by_id("edit-title").get("value"), "Tiêu đề mới", "the typed title is kept")
        self.assertIsNone(r.by_id("alt-error"), "the error also shown on the upload form")
        r = self.expect(self.snv.post("/quan-tri/thu-vien/%d" % mid, [("alt", "Mô tả mới"), ("title", "Tiêu đề mới")]), 303)
        page = self.library(self.snv, "?loai=anh")
        alts = [i.get("alt") for i in page.tree().iter("img") if i.get("src") == "/media/%s.png" % sha256(img)]
        self.assertEqual(alts, ["Mô tả mới"])

    def test_delete(self):
        data = docx("xoá")
        self.upload(self.snv, "Sẽ xoá.docx", data)
        url = "/tep/%s.docx" % sha256(data)
        page = self.library(self.snv, "?loai=tep")
        mid = self.item_id(page, url)
        self.expect(self.fx.client("snv").get(url), 200, "download before deletion")
        r = self.expect(self.snv.post("/quan-tri/thu-vien/%d/xoa" % mid), 303, "delete")
        page = self.library(self.snv, r.location_path.replace("/quan-tri/thu-vien", ""))
        self.assertIn_("Đã xoá khỏi thư viện.", page, "the notice")
        self.assertNotIn(url, page.links())
        self.expect(self.fx.client("snv").get(url), 404, "download after deletion")
        self.expect(self.snv.post("/quan-tri/thu-vien/%d/xoa" % mid), 404, "deleted twice")


class Sites(Base):
    def test_other_sites_editor_sees_and_deletes_nothing(self):
        data = pdf("của snv")
        self.upload(self.snv, "Chỉ của Sở Nội vụ.pdf", data)
        url = "/tep/%s.pdf" % sha256(data)
        mid = self.item_id(self.library(self.snv, "?loai=tep"), url)
        lh = self.fx.admin("bientap", "longho")
        # on snv's host: no role there
        other = lh.clone(self.snv.host)
        self.expect(other.get("/quan-tri/thu-vien"), 403, "another site's library")
        self.expect(other.post("/quan-tri/thu-vien/%d/xoa" % mid), 403, "delete on another site's host")
        self.expect(other.post("/quan-tri/thu-vien/%d" % mid, [("alt", ""), ("title", "x")]), 403, "edit there")
        r = other.post("/quan-tri/thu-vien/tai-anh", files=[("file", "a.png", "image/png", png(23, 23, (9, 9, 9)))])
        self.expect(r, 403, "editor upload on another site")
        self.assertEqual(r.ctype, "application/json")
        # on its own host: snv's items are not there, and its ids name nothing
        own = lh
        page = self.library(own)
        self.assertNotIn(url, page.links())
        self.assertNotIn_("Chỉ của Sở Nội vụ", page, "snv's file in longho's library")
        self.expect(own.get("/quan-tri/thu-vien?sua=%d" % mid), 200)
        self.assertIsNone(self.library(own, "?sua=%d" % mid).by_id("sua"), "snv's item opened on longho")
        self.expect(own.post("/quan-tri/thu-vien/%d/xoa" % mid), 404, "delete of snv's item from longho")
        self.expect(own.post("/quan-tri/thu-vien/%d" % mid, [("alt", ""), ("title", "x")]), 404, "edit from longho")
        self.assertIn(url, self.library(self.snv, "?loai=tep").links(), "snv's file is gone")


class Serving(Base):
    def test_only_library_paths(self):
        c = self.fx.client("snv")
        h = "a" * 64
        for path in ("/media/../cong.db", "/media/%s" % h, "/media/%s.PNG" % h, "/media/%s.svg" % h,
                     "/media/%s-.jpg" % h, "/media/%s-123456.jpg" % h, "/media/%s-48x.jpg" % h,
                     "/media/%s.pdf" % h, "/media/%s.png" % h.upper(), "/media/%s.png" % h[:63],
                     "/tep/%s.exe" % h, "/tep/%s.png" % h, "/tep/%s-480.pdf" % h, "/tep/%s.pdf" % h,
                     "/tep/..%%2F..%%2Fcong.db", "/tep/%s.pdf/x" % h):
            with self.subTest(path=path):
                r = c.get(path)
                self.assertEqual(r.status, 404, "%s: %d" % (path, r.status))


class Attachments(Base):
    def test_attached_files_listed_under_the_article(self):
        fx = self.fx
        data = pdf("Quyết định phê duyệt kế hoạch")
        self.upload(self.snv, "ke-hoach-2026.pdf", data, title="Kế hoạch năm 2026")
        if not hasattr(type(fx), "_att_cat"):
            type(fx)._att_cat = fx.category(self.snv, "Văn bản đính kèm")
        cat = type(fx)._att_cat[0]
        # the form lists the site's files; a bad id is refused, the choice kept
        r = self.expect(self.snv.get("/quan-tri/bai-viet/moi"), 200)
        boxes = {b.get("value"): b for b in r.find_all("input", name="attachments")}
        self.assertTrue(boxes, "no attachment choices on the article form")
        fid = [v for v, b in boxes.items()][0]
        title = uniq("Thông báo kèm kế hoạch")
        aid = fx.article(self.snv, title, category_id=cat, attachments_shown="1", attachments=fid)
        r = self.expect(self.snv.get("/quan-tri/bai-viet/%d" % aid), 200)
        checked = [b.get("value") for b in r.find_all("input", name="attachments") if b.get("checked") is not None]
        self.assertEqual(checked, [fid], "the attachment is not checked on the form")
        fx.publish(self.snv, aid)
        page = self.page(fx.client("snv"), fx.public_path("snv", aid))
        self.assertIsNotNone(page.by_id("tep-dinh-kem"), "no attachments block on the public article")
        url = "/tep/%s.pdf" % sha256(data)
        self.assertIn(url, page.links(), "the public article does not link the file")
        self.assertIn_("Kế hoạch năm 2026", page)
        got = fx.client("snv").get(url)
        self.assertEqual(got.status, 200)
        self.assertEqual(got.body, data, "the downloaded file differs")
        # another site's file id is refused
        bad_title = uniq("Bài đính kèm sai")
        r = fx.article(self.snv, bad_title, category_id=cat, attachments_shown="1", attachments="999999", expect=422)
        self.expect(r, 422, "an unknown attachment")
        self.assertIsNotNone(r.by_id("attachments-error"), "no message next to the attachments")
        self.assertEqual(r.by_id("title").get("value"), bad_title, "the typed title is lost")
        r = self.expect(self.snv.get("/quan-tri/?loc=tat-ca"), 200)
        self.assertNotIn_(bad_title, r, "the article was saved although its attachment was refused")
