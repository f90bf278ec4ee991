"""Bad input: invalid UTF-8 (400), form errors (422) shown next to their fields with what was
typed kept, uploads that are not images, NFD text stored NFC, markup escaped (no XSS)."""
import re
import unicodedata
import urllib.parse
import uuid

from conglib import (MSG, CongTest, module_fixture, png, squash, text_of)

setUpModule, tearDownModule = module_fixture()


def uniq(prefix):
    return "%s %s" % (prefix, uuid.uuid4().hex[:6].upper())


class Base(CongTest):
    def setUp(self):
        self.snv = self.fx.admin("duyet", "snv")
        if not hasattr(type(self.fx), "_in_cat"):
            type(self.fx)._in_cat = self.fx.category(self.snv, "Thông báo")
        self.cat_id, self.cat_path = type(self.fx)._in_cat

    def total(self):
        """The dashboard's article count."""
        r = self.expect(self.snv.get("/quan-tri/"), 200, "dashboard")
        m = re.search(r"Tổng số: (\d+) bài", r.text)
        self.assertIsNotNone(m, "no article count on the dashboard")
        return int(m.group(1))


class InvalidUtf8(Base):
    def assert_400(self, r, what):
        self.expect(r, 400, what)
        self.assertIn_(MSG["invalid_utf8_request"], r, what + ": the Vietnamese message")
        self.check_html(r)

    def test_query_string(self):
        c = self.fx.client("snv")
        self.assert_400(c.get("/?q=%FF%FE"), "query value")
        self.assert_400(c.get("/?%C3%28=1"), "query name")
        self.assert_400(c.get(self.cat_path + "?trang=%C0%AF"), "overlong encoding in a query")
        self.assert_400(c.get("/?q=%ED%A0%80"), "UTF-16 surrogate in a query")

    def test_path(self):
        c = self.fx.client("snv")
        self.assert_400(c.get("/tin/%FF-1"), "path")
        self.assert_400(c.get("/chuyen-muc/%E1%BB-1"), "truncated sequence in the path")

    def test_form_field_urlencoded(self):
        n = self.total()
        r = self.snv.post("/quan-tri/bai-viet/moi", [("title", b"Ti\xeau \xff\xfe"), ("body", "Nội dung."),
                                                      ("category_id", str(self.cat_id))])
        self.assert_400(r, "urlencoded title")
        self.assertEqual(self.total(), n, "an article was saved from invalid UTF-8")

    def test_form_field_multipart(self):
        n = self.total()
        r = self.snv.post("/quan-tri/bai-viet/moi", [("title", "Tiêu đề"), ("body", b"N\xc3i dung \x80"),
                                                      ("category_id", str(self.cat_id))], multipart_form=True)
        self.assert_400(r, "multipart body")
        self.assertEqual(self.total(), n, "an article was saved from invalid UTF-8")

    def test_signin_form(self):
        c = self.fx.client("snv")
        r = c.post("/quan-tri/dang-nhap", [("username", b"\xc3\x28admin"), ("password", "x")])
        self.assert_400(r, "sign-in username")

    def test_valid_utf8_query_is_fine(self):
        c = self.fx.client("snv")
        self.page(c, "/?q=" + urllib.parse.quote("Tiếng Việt"))
        self.page(c, self.cat_path + "?trang=1&q=" + urllib.parse.quote("Hà Nội"))


class FormErrors(Base):
    def errors_of(self, r):
        """{field: message} from the form's error paragraphs (id="FIELD-error")."""
        out = {}
        for el in r.tree().iter("p"):
            i = el.get("id") or ""
            if i.endswith("-error"):
                out[i[:-6]] = squash(text_of(el))
        return out

    def test_missing_title_body_and_cover_alt(self):
        n = self.total()
        r = self.fx.article(self.snv, "", body="", category_id=self.cat_id, summary="Tóm tắt đã gõ",
                            author="Phòng Tổ chức", files=[("cover", "anh.png", "image/png", png())], expect=422)
        self.expect(r, 422, "missing title, body and alt")
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.check_admin_form(r)
        errs = self.errors_of(r)
        self.assertEqual(errs.get("title"), MSG["required"], "title-error: %r" % errs)
        self.assertEqual(errs.get("body"), MSG["required"], "body-error: %r" % errs)
        self.assertEqual(errs.get("cover_alt"), MSG["cover_alt_required"], "cover_alt-error: %r" % errs)
        for f in ("title", "body", "cover_alt"):
            field = r.by_id(f)
            self.assertEqual(field.get("aria-invalid"), "true", "%s is not aria-invalid" % f)
            self.assertIn(f + "-error", (field.get("aria-describedby") or "").split(),
                          "%s is not described by its error" % f)
        self.assertEqual(text_of(r.by_id("summary")), "Tóm tắt đã gõ", "the typed summary was lost")
        self.assertEqual(r.by_id("author").get("value"), "Phòng Tổ chức", "the typed author was lost")
        sel = [o.get("value") for o in r.by_id("category_id").iter("option") if o.get("selected") is not None]
        self.assertEqual(sel, [str(self.cat_id)], "the chosen category was lost")
        self.assertEqual(self.total(), n, "an invalid article was saved")

    def test_typed_title_kept(self):
        n = self.total()
        title = 'Tiêu đề đã gõ & "giữ lại" <b>'
        r = self.fx.article(self.snv, title, body="", category_id=self.cat_id, expect=422)
        self.expect(r, 422, "missing body")
        errs = self.errors_of(r)
        self.assertEqual(errs.get("body"), MSG["required"], "body-error: %r" % errs)
        self.assertNotIn("title", errs, "a title error though the title was given")
        self.assertEqual(r.by_id("title").get("value"), title, "the typed title was not kept")
        self.assertIn_('value="Tiêu đề đã gõ &amp; &quot;giữ lại&quot; &lt;b&gt;"', r, "the title, escaped")
        self.assertEqual(self.total(), n, "an invalid article was saved")

    def test_typed_body_kept(self):
        n = self.total()
        body = "Dòng một của nội dung.\n\nDòng hai </textarea><b>đậm</b>"
        r = self.fx.article(self.snv, "", body=body, category_id=self.cat_id, expect=422)
        self.expect(r, 422, "missing title")
        errs = self.errors_of(r)
        self.assertEqual(errs.get("title"), MSG["required"], "title-error: %r" % errs)
        self.assertNotIn("body", errs)
        self.assertEqual(text_of(r.by_id("body")).lstrip("\n"), body, "the typed body was not kept")
        self.assertEqual(self.total(), n, "an invalid article was saved")

    def test_missing_category(self):
        n = self.total()
        r = self.fx.article(self.snv, "Có tiêu đề", body="Có nội dung", category_id=None, expect=422)
        self.expect(r, 422, "missing category")
        self.assertIn("category_id", self.errors_of(r))
        self.assertEqual(self.total(), n)

    def test_other_sites_category(self):
        longho = self.fx.admin("admin", "longho")
        other, _ = self.fx.category(longho, "Chuyên mục của huyện")
        n = self.total()
        r = self.fx.article(self.snv, "Có tiêu đề", body="Có nội dung", category_id=other, expect=422)
        self.expect(r, 422, "a category of another site")
        self.assertIn("category_id", self.errors_of(r))
        self.assertEqual(self.total(), n)

    def test_not_an_image(self):
        n = self.total()
        title = uniq("Tin kèm tệp lạ")
        r = self.fx.article(self.snv, title, body="Nội dung.", category_id=self.cat_id, cover_alt="Ảnh",
                            files=[("cover", "x.png", "image/png", b"day khong phai la anh\n" * 10)], expect=422)
        self.expect(r, 422, "a text file named x.png")
        errs = self.errors_of(r)
        self.assertEqual(errs.get("cover"), MSG["media_type"], "cover-error: %r" % errs)
        self.assertEqual(r.by_id("title").get("value"), title, "the typed title was lost")
        self.assertEqual(self.total(), n, "saved with a bad cover")

    def test_html_disguised_as_image(self):
        r = self.fx.article(self.snv, uniq("Tin kèm HTML"), body="Nội dung.", category_id=self.cat_id,
                            cover_alt="Ảnh", files=[("cover", "x.png", "image/png",
                                                     b"<!DOCTYPE html><script>alert(1)</script>")], expect=422)
        self.expect(r, 422, "an HTML file named x.png")
        self.assertEqual(self.errors_of(r).get("cover"), MSG["media_type"])

    def test_cover_of_another_site(self):
        # cover_id names a media row: one of another site's library must be refused
        fx = self.fx
        longho = fx.admin("admin", "longho")
        lcat, _ = fx.category(longho, "Tin huyện")
        lid = fx.article(longho, uniq("Tin huyện có ảnh"), category_id=lcat, cover_alt="Ảnh huyện",
                         files=[("cover", "h.png", "image/png", png(20, 20, (10, 120, 40)))])
        r = self.expect(longho.get("/quan-tri/bai-viet/%d" % lid), 200)
        hidden = [i.get("value") for i in r.tree().iter("input") if i.get("name") == "cover_id"]
        self.assertEqual(len(hidden), 1, "the edit form does not carry the stored cover's id")
        n = self.total()
        r = self.fx.article(self.snv, uniq("Tin mượn ảnh"), body="Nội dung.", category_id=self.cat_id,
                            cover_alt="Ảnh", cover_id=hidden[0], expect=422)
        self.expect(r, 422, "cover_id of another site's image")
        self.assertEqual(self.errors_of(r).get("cover"), "Ảnh không thuộc thư viện của trang này.")
        self.assertEqual(self.total(), n)

    def check_admin_form(self, r):
        """The article form is valid HTML too."""
        self.check_html(r)

    def test_title_too_long(self):
        r = self.fx.article(self.snv, "Á" * 301, body="Nội dung.", category_id=self.cat_id, expect=422)
        self.expect(r, 422, "a 301-character title")
        self.assertIn("title", self.errors_of(r))
        r = self.fx.article(self.snv, "Á" * 300, body="Nội dung.", category_id=self.cat_id, expect=0)
        self.expect(r, 303, "a 300-character title (300 characters, 600 bytes) is allowed")


class Normalisation(Base):
    def test_nfd_stored_nfc(self):
        fx = self.fx
        nfc_title = "Hội nghị Tổng kết Quốc phòng " + uuid.uuid4().hex[:6].upper()
        nfc_body = "Những điều cần biết về thủ tục hành chính."
        nfd_title, nfd_body = unicodedata.normalize("NFD", nfc_title), unicodedata.normalize("NFD", nfc_body)
        self.assertNotEqual(nfd_title.encode(), nfc_title.encode())
        aid = fx.article(self.snv, nfd_title, body=nfd_body, category_id=self.cat_id, publish=True)
        path = fx.public_path("snv", aid)
        self.assertRegex(path, r"^/tin/hoi-nghi-tong-ket-quoc-phong-[a-z0-9-]*-%d$" % aid, "slug from NFD input")
        r = self.page(fx.client("snv"), path)
        for nfc, nfd, what in ((nfc_title, nfd_title, "title"), (nfc_body, nfd_body, "body")):
            self.assertIn(nfc.encode(), r.body, "the %s is not stored NFC" % what)
            self.assertNotIn(nfd.encode(), r.body, "the %s is stored NFD" % what)
        r = self.expect(self.snv.get("/quan-tri/bai-viet/%d" % aid), 200)
        self.assertEqual(r.by_id("title").get("value").encode(), nfc_title.encode(), "admin form title not NFC")

    def test_nfd_category_name(self):
        name = unicodedata.normalize("NFD", "Cải cách hành chính")
        r = self.snv.post("/quan-tri/chuyen-muc", [("name", name), ("position", "")])
        self.expect(r, 303)
        cid, path = self.fx.find_category(self.snv, "Cải cách hành chính")
        self.assertEqual(path, "/chuyen-muc/cai-cach-hanh-chinh-%d" % cid)
        r = self.page(self.fx.client("snv"), path)
        self.assertIn("Cải cách hành chính".encode(), r.body)
        self.assertNotIn(name.encode(), r.body)


class Escaping(Base):
    def test_script_in_title_and_body(self):
        fx = self.fx
        tag = uuid.uuid4().hex[:6]
        title = '<script>alert("t%s")</script> & <img src=x onerror=alert(1)>' % tag
        body = '<script>alert("b%s")</script>\n\n<a href="javascript:alert(2)">bấm</a>' % tag
        aid = fx.article(self.snv, title, body=body, summary="<b>tóm</b> <script>alert(3)</script>",
                         category_id=self.cat_id, publish=True)
        path = fx.public_path("snv", aid)
        pages = [self.page(fx.client("snv"), path), self.page(fx.client("snv"), path + "/ban-in", chrome=False),
                 self.page(fx.client("snv"), "/"), self.page(fx.client("snv"), self.cat_path),
                 self.page(fx.client(), "/"), self.expect(self.snv.get("/quan-tri/bai-viet/%d" % aid), 200),
                 self.expect(self.snv.get("/quan-tri/"), 200)]
        for r in pages:
            self.assertNotIn_('<script>alert("t%s")' % tag, r, "raw <script> from the title")
            self.assertNotIn_('<script>alert("b%s")' % tag, r, "raw <script> from the body")
            self.assertNotIn_("<img src=x", r, "raw <img> from the title")
            self.assertNotIn_('href="javascript:', r, "a javascript: link from the body")
            # only the editor's own files, never an inline script (JSON-LD is data, never run:
            # test_metadata.py checks no title breaks out of it)
            scripts = [s.get("src") for s in r.tree().iter("script") if s.get("type") != "application/ld+json"
                       and (s.get("src") not in ("/static/vendor/tinymce/tinymce.min.js", "/static/js/editor.js")
                            or (s.text or "").strip())]
            self.assertFalse(scripts, "%r: the page has a <script> element: %s" % (r, scripts))
            self.assertFalse([e for e in r.tree().iter() if isinstance(e.tag, str) and e.get("onerror")],
                             "%r: an element with onerror" % r)
        art = pages[0]
        self.assertIn_("&lt;script&gt;alert(&quot;t%s&quot;)&lt;/script&gt; &amp; &lt;img" % tag, art,
                       "the title, escaped")
        h1 = [squash(text_of(h)) for h in art.find_all("h1")]
        self.assertIn(title, h1, "the title reads as typed")

    def test_script_in_category(self):
        cid, path = self.fx.category(self.snv, "<script>alert(9)</script>Mục", description="<i>mô tả</i>")
        r = self.page(self.fx.client("snv"), path)
        self.assertNotIn_("<script>alert(9)", r, "raw <script> from a category name")
        self.assertIn_("&lt;script&gt;alert(9)&lt;/script&gt;Mục", r, "the category name, escaped")
        self.assertIn_("&lt;i&gt;mô tả&lt;/i&gt;", r, "the description, escaped")
