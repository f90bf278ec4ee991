"""Admin: sign-in with CSRF, the forced change of a one-time password, sign-out, roles per site
(an editor cannot publish, nor work on another site), and the admin pages' headers."""
import re
import uuid

from conglib import (MSG, NEW_PASSWORD, PASSWORD, CongTest, module_fixture, squash, text_of)

setUpModule, tearDownModule = module_fixture()


def uniq(prefix):
    return "%s %s" % (prefix, uuid.uuid4().hex[:6].upper())


def cookie_attrs(client, name):
    """The attributes (lower case) of the last Set-Cookie of NAME the client received."""
    for v in reversed(client.set_cookie_headers):
        if v.split("=", 1)[0].strip() == name:
            return [a.strip().lower() for a in v.split(";")[1:]]
    return None


class Base(CongTest):
    def check_admin(self, r):
        self.assertEqual(r.header("Cache-Control"), "no-store", "%r: admin page without Cache-Control: no-store" % r)
        if r.status < 300 or r.status >= 400:
            self.check_html(r)

    def snv_category(self):
        if not hasattr(type(self.fx), "_adm_cat"):
            type(self.fx)._adm_cat = self.fx.category(self.fx.admin("duyet", "snv"), "Tin tức")
        return type(self.fx)._adm_cat[0]

    def longho_category(self):
        if not hasattr(type(self.fx), "_adm_cat_lh"):
            type(self.fx)._adm_cat_lh = self.fx.category(self.fx.admin("admin", "longho"), "Tin địa phương")
        return type(self.fx)._adm_cat_lh[0]


class SignIn(Base):
    def test_form_sets_csrf(self):
        c = self.fx.client("snv")
        r = self.expect(c.get("/quan-tri/dang-nhap"), 200)
        self.check_admin(r)
        tok = c.cookies.get("cong_csrf")
        self.assertTrue(tok and len(tok) >= 32, "no cong_csrf cookie (got %r)" % c.cookies)
        hidden = [i.get("value") for i in r.tree().iter("input") if i.get("name") == "csrf"]
        self.assertEqual(hidden, [tok], "the form's csrf field is not the cookie's token")
        attrs = cookie_attrs(c, "cong_csrf")
        self.assertTrue(any(a.startswith("samesite") for a in attrs), "cong_csrf without SameSite: %r" % attrs)
        # the same browser keeps its token
        r = self.expect(c.get("/quan-tri/dang-nhap"), 200)
        self.assertEqual([i.get("value") for i in r.tree().iter("input") if i.get("name") == "csrf"], [tok])

    def test_post_needs_csrf(self):
        c = self.fx.client("snv")
        c.csrf()
        good = [("username", "admin"), ("password", NEW_PASSWORD)]
        r = self.expect(c.post("/quan-tri/dang-nhap", good, csrf=False), 403, "no csrf field")
        self.assertNotIn("cong_sid", c.cookies)
        r = self.expect(c.post("/quan-tri/dang-nhap", good + [("csrf", "x" * 43)]), 403, "wrong csrf")
        self.assertIn_("Phiên làm việc của biểu mẫu", r, "the CSRF message")
        self.check_html(r)
        other = self.fx.client("snv")  # a field that matches no cookie of this browser
        r = self.expect(other.post("/quan-tri/dang-nhap", good + [("csrf", c.cookies["cong_csrf"])]), 403,
                        "csrf field without the cookie")
        self.assertNotIn("cong_sid", c.cookies)
        self.assertNotIn("cong_sid", other.cookies)

    def test_every_admin_post_needs_csrf(self):
        fx = self.fx
        c = fx.admin("duyet", "snv")
        cat = self.snv_category()
        title = uniq("Bài chờ CSRF")
        aid = fx.article(c, title, category_id=cat)
        tok = c.cookies["cong_csrf"]
        for label, path, fields in (
                ("new article", "/quan-tri/bai-viet/moi", [("title", "Bài giả mạo"), ("body", "x"),
                                                          ("category_id", str(cat))]),
                ("edit", "/quan-tri/bai-viet/%d" % aid, [("title", "Bị sửa giả mạo"), ("body", "x"),
                                                        ("category_id", str(cat))]),
                ("workflow action", "/quan-tri/bai-viet/%d/chuyen" % aid, [("action", "submit")]),
                ("category", "/quan-tri/chuyen-muc", [("name", "Mục giả mạo")]),
                ("password", "/quan-tri/doi-mat-khau", [("old_password", NEW_PASSWORD), ("new_password", "Kh@c12345-Mat-Khau"),
                                                       ("confirm", "Kh@c12345-Mat-Khau")])):
            for how, extra in (("no csrf", []), ("wrong csrf", [("csrf", tok[:-1] + ("A" if tok[-1] != "A" else "B"))])):
                with self.subTest(post=label, csrf=how):
                    r = c.post(path, fields + extra, csrf=False)
                    self.expect(r, 403, "%s with %s" % (label, how))
        # nothing happened
        self.page(fx.client("snv"), "/tin/x-%d" % aid, 404)
        r = self.expect(c.get("/quan-tri/bai-viet/%d" % aid), 200)
        self.assertEqual(r.by_id("title").get("value"), title, "edited without a CSRF token")
        # every form of the admin carries the browser's token
        for path in ("/quan-tri/", "/quan-tri/bai-viet/moi", "/quan-tri/bai-viet/%d" % aid, "/quan-tri/chuyen-muc",
                     "/quan-tri/doi-mat-khau"):
            r = self.expect(c.get(path), 200)
            forms = [f for f in r.tree().iter("form") if (f.get("method") or "").lower() == "post"]
            self.assertTrue(forms, "%s: no POST form" % path)
            for f in forms:
                toks = [i.get("value") for i in f.iter("input") if i.get("name") == "csrf"]
                self.assertEqual(toks, [tok], "%s: a form to %s without the CSRF token" % (path, f.get("action")))
        r = self.expect(c.get("/quan-tri/chuyen-muc"), 200)
        self.assertNotIn_("Mục giả mạo", r, "a category saved without a CSRF token")

    def test_wrong_password(self):
        c = self.fx.client("snv")
        r = self.expect(c.signin("duyet", "Sai@mat-khau1"), 401, "wrong password")
        self.check_admin(r)
        self.assertIn_(MSG["signin_failed"], r, "the wrong-password message")
        self.assertEqual(r.by_id("username").get("value"), "duyet", "the username was not kept")
        self.assertFalse([i for i in r.tree().iter("input") if i.get("name") == "password" and i.get("value")],
                         "the password is sent back")
        self.assertNotIn("cong_sid", c.cookies)
        r = self.expect(c.signin("khongtontai", "Sai@mat-khau1"), 401, "unknown user")
        self.assertIn_(MSG["signin_failed"], r, "an unknown user gets the same message")

    def test_missing_fields(self):
        c = self.fx.client("snv")
        r = self.expect(c.signin("duyet", ""), 422, "empty password")
        self.assertEqual(r.by_id("username").get("value"), "duyet")

    def test_admin_needs_session(self):
        c = self.fx.client("snv")
        for path in ("/quan-tri/", "/quan-tri/bai-viet/moi", "/quan-tri/chuyen-muc", "/quan-tri/doi-mat-khau",
                     "/quan-tri/bai-viet/1"):
            with self.subTest(path=path):
                r = self.expect(c.get(path), 303, "GET %s without a session" % path)
                self.assertTrue(r.location_path.startswith("/quan-tri/dang-nhap"),
                                "%s redirects to %r" % (path, r.location))
                self.assertEqual(r.header("Cache-Control"), "no-store")
        r = c.get("/quan-tri/")
        self.assertEqual(r.location_path, "/quan-tri/dang-nhap?tiep=%2Fquan-tri%2F")
        r = self.expect(c.get(r.location_path), 200)
        self.assertEqual([i.get("value") for i in r.tree().iter("input") if i.get("name") == "tiep"], ["/quan-tri/"])
        # POSTs too, and nothing is created
        r = self.expect(c.post("/quan-tri/bai-viet/moi", [("title", "x"), ("body", "y")]), 303)
        self.assertTrue(r.location_path.startswith("/quan-tri/dang-nhap"))

    def test_next_path(self):
        self.fx.admin("admin")  # password changed
        for tiep, want in (("/quan-tri/chuyen-muc", "/quan-tri/chuyen-muc"), ("//evil.com/quan-tri/", "/quan-tri/"),
                           ("https://evil.com/", "/quan-tri/"), ("/quan-tri//evil.com", "/quan-tri/"),
                           ("/quan-tri/\r\nSet-Cookie: x=y", "/quan-tri/")):
            with self.subTest(tiep=tiep):
                c = self.fx.client("snv")
                r = self.expect(c.signin("admin", NEW_PASSWORD, tiep=tiep), 303)
                self.assertEqual(r.location, want, "tiep=%r" % tiep)


class FirstSignIn(Base):
    def test_one_time_password_flow(self):
        fx = self.fx
        user = "moi" + uuid.uuid4().hex[:6]
        fx.add_user(user, "editor", "snv")
        c = fx.client("snv")
        r = self.expect(c.signin(user, PASSWORD), 303, "first sign-in")
        self.assertEqual(r.location_path, "/quan-tri/doi-mat-khau")
        self.assertIn("cong_sid", c.cookies)
        attrs = cookie_attrs(c, "cong_sid")
        self.assertIn("httponly", attrs, "cong_sid is not HttpOnly: %r" % attrs)
        self.assertTrue(any(a in ("samesite=lax", "samesite=strict") for a in attrs),
                        "cong_sid without SameSite=Lax/Strict: %r" % attrs)
        self.assertIn("path=/", attrs)
        # nothing else until the password is changed
        n_before = None
        for path in ("/quan-tri/", "/quan-tri/bai-viet/moi", "/quan-tri/chuyen-muc"):
            r = self.expect(c.get(path), 303, "GET %s before the password change" % path)
            self.assertEqual(r.location_path, "/quan-tri/doi-mat-khau")
        r = self.expect(c.post("/quan-tri/bai-viet/moi", [("title", "Lén viết"), ("body", "x"),
                                                         ("category_id", str(self.snv_category()))]), 303)
        self.assertEqual(r.location_path, "/quan-tri/doi-mat-khau")
        r = self.expect(c.get("/quan-tri/doi-mat-khau"), 200)
        self.check_admin(r)
        self.assertIn_("mật khẩu dùng một lần", r, "the first sign-in notice")
        # a mismatched confirmation
        r = self.expect(c.post("/quan-tri/doi-mat-khau", [("old_password", PASSWORD), ("new_password", NEW_PASSWORD),
                                                         ("confirm", NEW_PASSWORD + "x")]), 422, "mismatch")
        self.check_admin(r)
        err = r.by_id("confirm-error")
        self.assertIsNotNone(err, "no confirm-error")
        self.assertEqual(squash(text_of(err)), MSG["password_mismatch"])
        r = self.expect(c.post("/quan-tri/doi-mat-khau", [("old_password", PASSWORD), ("new_password", "yeu"),
                                                         ("confirm", "yeu")]), 422, "weak password")
        self.assertIsNotNone(r.by_id("new_password-error"), "no new_password-error")
        r = self.expect(c.post("/quan-tri/doi-mat-khau", [("old_password", PASSWORD), ("new_password", NEW_PASSWORD),
                                                         ("confirm", NEW_PASSWORD)]), 303, "change")
        self.assertEqual(r.location_path, "/quan-tri/?doi-mat-khau=1")
        r = self.expect(c.get(r.location_path), 200)
        self.assertIn_("Đã đổi mật khẩu.", r, "the password-changed notice")
        self.assertNotIn_("Lén viết", r, "an article was saved before the password change")
        self.assertIsNone(n_before)
        # sign out: needs CSRF, then the session is gone on the server too
        sid = c.cookies["cong_sid"]
        self.expect(c.post("/quan-tri/dang-xuat", csrf=False), 403, "sign-out without csrf")
        self.expect(c.get("/quan-tri/"), 200, "still signed in after a refused sign-out")
        r = self.expect(c.post("/quan-tri/dang-xuat"), 303, "sign-out")
        self.assertEqual(r.location_path, "/quan-tri/dang-nhap")
        self.assertNotIn("cong_sid", c.cookies, "the session cookie was not cleared")
        r = self.expect(c.get("/quan-tri/"), 303, "after sign-out")
        self.assertTrue(r.location_path.startswith("/quan-tri/dang-nhap"))
        c.cookies["cong_sid"] = sid  # a copy of the old cookie no longer works
        r = self.expect(c.get("/quan-tri/"), 303, "replayed session cookie")
        self.assertTrue(r.location_path.startswith("/quan-tri/dang-nhap"))
        del c.cookies["cong_sid"]
        # the one-time password is gone, the new one works, no second forced change
        self.expect(c.signin(user, PASSWORD), 401, "the old one-time password")
        r = self.expect(c.signin(user, NEW_PASSWORD), 303, "the new password")
        self.assertEqual(r.location_path, "/quan-tri/")


class Permissions(Base):
    def test_editor_of_other_site_forbidden(self):
        fx = self.fx
        ed = fx.admin("bientap", "snv")  # editor on longho, visiting snv's admin
        approver = fx.admin("duyet", "snv")
        r = self.expect(approver.get("/quan-tri/"), 200)
        n = int(re.search(r"Tổng số: (\d+) bài", r.text).group(1))
        for path in ("/quan-tri/", "/quan-tri/bai-viet/moi", "/quan-tri/chuyen-muc"):
            with self.subTest(path=path):
                r = self.expect(ed.get(path), 403, "editor of longho on snv's %s" % path)
                self.check_admin(r)
                self.assertIn_("bientap", r, "the 403 page names the account")
        r = self.expect(ed.get("/quan-tri/"), 403)
        self.assertIn("http://longho.example.gov.vn:%d/quan-tri/" % fx.port, r.links(),
                      "the 403 page does not offer the editor's own site")
        r = ed.post("/quan-tri/bai-viet/moi", [("title", "Bài lạc trang"), ("body", "x"),
                                               ("category_id", str(self.snv_category()))], multipart_form=True)
        self.expect(r, 403, "editor of longho posting on snv")
        r = ed.post("/quan-tri/chuyen-muc", [("name", "Mục lạc trang")])
        self.expect(r, 403, "editor of longho adding a category on snv")
        r = self.expect(approver.get("/quan-tri/"), 200)
        self.assertEqual(int(re.search(r"Tổng số: (\d+) bài", r.text).group(1)), n, "an article was created")
        self.assertNotIn_("Bài lạc trang", r, "the forbidden article")
        r = self.expect(approver.get("/quan-tri/chuyen-muc"), 200)
        self.assertNotIn_("Mục lạc trang", r, "the forbidden category")
        # and the other way: snv's approver on longho
        self.expect(fx.admin("duyet", "longho").get("/quan-tri/"), 403, "approver of snv on longho")

    def test_editor_cannot_publish(self):
        fx = self.fx
        ed = fx.admin("bientap", "longho")
        cat = self.longho_category()
        r = self.expect(ed.get("/quan-tri/bai-viet/moi"), 200)
        self.check_admin(r)
        self.assertNotIn_('name="publish"', r, "the editor's form offers publishing")
        title = uniq("Bài của biên tập viên")
        aid = fx.article(ed, title, category_id=cat)
        fx.act(ed, aid, "submit")
        fx.act(ed, aid, "edited")
        r = fx.act(ed, aid, "publish", expect=403)
        self.assertIn_(MSG["wf_role"], r, "the refusal message")
        self.page(fx.client("longho"), "/tin/x-%d" % aid, 404)
        r = self.page(fx.client("longho"), "/")
        self.assertNotIn_(title, r, "the editor's article got published")
        # an approver can: the sysadmin publishes it
        fx.act(fx.admin("admin", "longho"), aid, "publish")
        r = self.page(fx.client("longho"), "/")
        self.assertIn_(title, r, "published by the sysadmin")
        # and the editor cannot take it down either
        fx.act(ed, aid, "withdraw", expect=403, comment="Gỡ thử")
        self.page(fx.client("longho"), fx.public_path("longho", aid), 200)

    def test_non_publisher_cannot_change_published_article(self):
        # Only approvers publish; an editor (or a reporter) saving over a published article
        # must not put unapproved text on the public page (refused, or kept for approval).
        fx = self.fx
        sysadmin = fx.admin("admin", "longho")
        cat = self.longho_category()
        for user, role in (("bientap", "editor"), ("phongvien", "reporter")):
            with self.subTest(role=role):
                if role == "reporter" and not hasattr(type(fx), "_reporter"):
                    fx.add_user("phongvien", "reporter", "longho")
                    type(fx)._reporter = True
                c = fx.admin(user, "longho")
                title = uniq("Bài đã được duyệt")
                aid = fx.article(sysadmin, title, body="Nội dung đã duyệt.", category_id=cat, publish=True)
                path = fx.public_path("longho", aid)
                r = c.post("/quan-tri/bai-viet/%d" % aid, [("title", "Sửa chưa duyệt bởi " + role),
                                                         ("body", "Nội dung chưa được duyệt."),
                                                         ("category_id", str(cat))], multipart_form=True)
                self.assertIn(r.status, (303, 403, 422), "%s editing a published article: %d" % (role, r.status))
                pub = fx.client("longho").get(path)
                if pub.status == 301:
                    pub = fx.client("longho").get(pub.location_path)
                self.assertNotIn_("Nội dung chưa được duyệt.", pub,
                                  "an %s's edit of a published article went live without approval" % role)
                self.assertIn_(title, pub, "the approved title is no longer public")

    def test_articles_stay_on_their_site(self):
        fx = self.fx
        approver = fx.admin("duyet", "snv")
        sysadmin = fx.admin("admin", "longho")
        title = uniq("Bài của huyện")
        aid = fx.article(sysadmin, title, category_id=self.longho_category())
        # snv's approver reaches longho's article through snv's admin: not found
        r = approver.get("/quan-tri/bai-viet/%d" % aid)
        self.expect(r, 404, "another site's article in snv's admin")
        self.assertNotIn_(title, r, "another site's article")
        r = approver.post("/quan-tri/bai-viet/%d" % aid, [("title", "Bị sửa"), ("body", "x"),
                                                        ("category_id", str(self.snv_category()))])
        self.assertIn(r.status, (403, 404), "editing another site's article: %d" % r.status)
        r = approver.post("/quan-tri/bai-viet/%d/chuyen" % aid, [("action", "publish")])
        self.assertIn(r.status, (403, 404), "publishing another site's article: %d" % r.status)
        r = self.expect(sysadmin.get("/quan-tri/bai-viet/%d" % aid), 200)
        self.assertEqual(r.by_id("title").get("value"), title, "the article was changed from another site")
        self.assertIn_("Bản nháp", r, "the article was published from another site")

    def test_sysadmin_everywhere(self):
        for slug in (None, "snv", "longho", "chauthanh", "stc"):
            with self.subTest(site=slug):
                r = self.expect(self.fx.admin("admin", slug).get("/quan-tri/"), 200, "sysadmin on %s" % slug)
                self.check_admin(r)

    def test_admin_pages_headers(self):
        c = self.fx.admin("duyet", "snv")
        aid = self.fx.article(c, uniq("Bài kiểm tra tiêu đề"), category_id=self.snv_category())
        for path in ("/quan-tri/", "/quan-tri/bai-viet/moi", "/quan-tri/bai-viet/%d" % aid, "/quan-tri/chuyen-muc",
                     "/quan-tri/doi-mat-khau", "/quan-tri/chuyen-muc?sua=%d" % self.snv_category()):
            with self.subTest(path=path):
                r = self.expect(c.get(path), 200)
                self.check_admin(r)
                self.assertIn("frame-ancestors", r.header("Content-Security-Policy") or "")
        r = self.expect(self.fx.client("snv").get("/quan-tri/dang-nhap"), 200)
        self.check_admin(r)
        r = self.expect(c.get("/quan-tri/bai-viet/999999"), 404)
        self.check_admin(r)
