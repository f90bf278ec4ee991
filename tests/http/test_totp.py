"""Two-factor sign-in (TOTP, RFC 6238): enrolment by QR code with a code computed here from the
secret the page shows, the code step after the password, a pending session that reaches nothing
else, a replayed code refused, recovery codes good once, wrong codes ending the pending session,
turning it off, the system administrator's reset, and the roles that must enrol."""
import base64
import hashlib
import hmac
import re
import os
import struct
import time
import uuid

from conglib import (NEW_PASSWORD, PASSWORD, CongTest, module_fixture, squash, text_of)

setUpModule, tearDownModule = module_fixture()

CODE_PATH = "/quan-tri/dang-nhap/ma-xac-thuc"
TOTP_PATH = "/quan-tri/xac-thuc-hai-lop"
MSG = {
    "totp_invalid": "Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.",
    "totp_too_many": "Nhập sai mã xác thực quá nhiều lần; vui lòng đăng nhập lại từ đầu.",
    "password_wrong": "Mật khẩu hiện tại không đúng.",
}
STEP = 30


def totp(secret, step=None, digits=6):
    """RFC 6238 with HMAC-SHA1, as an authenticator app computes it from the base32 secret."""
    s = re.sub(r"\s+", "", secret).upper()
    key = base64.b32decode(s + "=" * (-len(s) % 8))
    counter = int(time.time()) // STEP if step is None else step
    h = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    o = h[-1] & 15
    n = (struct.unpack(">I", h[o:o + 4])[0] & 0x7FFFFFFF) % 10 ** digits
    return "%0*d" % (digits, n)


def now_step():
    return int(time.time()) // STEP


def wrong_code(secret):
    """A code that no step near now has."""
    near = {totp(secret, now_step() + d) for d in range(-2, 4)}
    for i in range(1000):
        c = "%06d" % ((int(totp(secret)) + 1 + i * 7919) % 10 ** 6)
        if c not in near:
            return c
    raise AssertionError("no wrong code")


def svg_of(r):
    """The page's inline SVG element (html5lib puts it in the SVG namespace)."""
    return next((e for e in r.tree().iter() if str(e.tag).endswith("}svg") or e.tag == "svg"), None)


def uniq(prefix):
    return "%s%s" % (prefix, uuid.uuid4().hex[:6])


class Base(CongTest):
    def tearDown(self):
        self.fx.set_setting("mfa_required_roles", "")

    def check_admin(self, r):
        self.assertEqual(r.header("Cache-Control"), "no-store", "%r: admin page without Cache-Control: no-store" % r)
        self.check_html(r)

    def new_account(self, role, site="snv"):
        """A new account signed in (its one-time password changed); returns (username, client)."""
        name = uniq(role[:4])
        self.fx.add_user(name, role, None if role == "sysadmin" else site)
        c = self.fx.client(site)
        r = self.expect(c.signin(name, PASSWORD), 303, "first sign-in")
        self.assertEqual(r.location_path, "/quan-tri/doi-mat-khau")
        r = self.expect(c.post("/quan-tri/doi-mat-khau", [("old_password", PASSWORD), ("new_password", NEW_PASSWORD),
                                                          ("confirm", NEW_PASSWORD)]), 303, "password change")
        return name, c

    def secret_of(self, r):
        el = r.by_id("totp-secret")
        self.assertIsNotNone(el, "%r: no #totp-secret on the enrolment page" % r)
        s = re.sub(r"\s+", "", text_of(el))
        self.assertRegex(s, r"^[A-Z2-7]{32}$", "the secret is not 20 bytes of base32")
        return s

    def enrol(self, c):
        """Turns 2FA on for C's account; returns (secret, recovery codes, step used)."""
        r = self.expect(c.get(TOTP_PATH), 200, "the enrolment page")
        secret = self.secret_of(r)
        step = now_step()
        r = self.expect(c.post(TOTP_PATH, [("code", totp(secret, step))]), 200, "enrolment with a right code")
        codes = [text_of(li).strip() for li in r.by_id("recovery-codes").iter("li")]
        self.assertEqual(len(codes), 10, "not 10 recovery codes: %r" % codes)
        return secret, codes, step

    def signin_pending(self, name, site="snv", tiep=None):
        c = self.fx.client(site)
        r = self.expect(c.signin(name, NEW_PASSWORD, tiep=tiep), 303, "password of %s" % name)
        self.assertTrue(r.location_path.startswith(CODE_PATH), "after the password: %r" % r.location)
        self.assertIn("cong_sid", c.cookies)
        return c, r


class Enrolment(Base):
    def test_enrol_sign_in_replay_recovery(self):
        fx = self.fx
        name, c = self.new_account("reporter")
        # optional for a reporter: the admin works without it, and its header links to it
        r = self.expect(c.get("/quan-tri/"), 200, "a reporter without 2FA")
        self.assertIn(TOTP_PATH, r.links(), "no link to the 2FA page in the admin header")

        r = self.expect(c.get(TOTP_PATH), 200)
        self.check_admin(r)
        secret = self.secret_of(r)
        svg = svg_of(r)
        self.assertIsNotNone(svg, "no inline SVG QR code")
        self.assertTrue(svg.get("viewBox"), "the QR code has no viewBox")
        self.assertEqual(svg.get("shape-rendering"), "crispEdges")
        self.assertTrue(len([e for e in svg.iter() if str(e.tag).endswith("rect")]) > 20, "too few modules")
        self.assertNotIn("style", r.text[r.text.index("<svg"):r.text.index("</svg>")], "inline style in the QR code")
        self.assertEqual(self.secret_of(self.expect(c.get(TOTP_PATH), 200)), secret, "a reload changed the secret")

        # a wrong code: 422, the error next to the field, the code not sent back
        r = self.expect(c.post(TOTP_PATH, [("code", wrong_code(secret))]), 422, "a wrong enrolment code")
        self.check_admin(r)
        self.assertIsNotNone(r.by_id("code-error"), "no error next to the code field")
        self.assertIn("code-error", r.by_id("code").get("aria-describedby") or "")
        self.assertFalse(r.by_id("code").get("value"), "the code was sent back")
        self.assertEqual(self.secret_of(r), secret, "the secret changed after a wrong code")
        r = self.expect(c.post(TOTP_PATH, [("code", "12ab")]), 422, "not six digits")

        # the right code: recovery codes, once, and a new session token
        sid = c.cookies["cong_sid"]
        step = now_step()
        r = self.expect(c.post(TOTP_PATH, [("code", totp(secret, step))]), 200, "enrolment")
        self.check_admin(r)
        codes = [text_of(li).strip() for li in r.by_id("recovery-codes").iter("li")]
        self.assertEqual(len(codes), 10)
        for code in codes:
            self.assertRegex(code, r"^[a-z2-9]{5}-[a-z2-9]{5}$")
        self.assertNotEqual(c.cookies.get("cong_sid"), sid, "the session token was not rotated on enrolment")
        r = self.expect(c.get(TOTP_PATH), 200, "the 2FA page once on")
        self.assertIsNone(r.by_id("totp-secret"), "the secret is shown again once enabled")
        self.assertIsNone(svg_of(r), "the QR code is shown again once enabled")
        for code in codes:
            self.assertNotIn_(code, r, "recovery codes are shown again")
        self.assertIn("Còn 10 mã dự phòng", squash(text_of(r.by_id("totp-state"))), "recovery codes left")
        # the secret is not in the database as base32, nor as its bytes
        rows = fx.sql("SELECT t.secret_enc FROM totp t JOIN users u ON u.id = t.user_id WHERE u.username = ?", (name,))
        hashes = [h for (h,) in fx.sql("SELECT code_hash FROM totp_recovery r JOIN users u ON u.id = r.user_id"
                                       " WHERE u.username = ?", (name,))]
        self.assertEqual(len(rows), 1)
        raw = base64.b32decode(secret)
        self.assertNotIn(secret, rows[0][0])
        self.assertNotIn(raw.hex(), rows[0][0].lower())
        self.assertEqual(len(hashes), 10)
        for code in codes:
            self.assertNotIn(code, hashes)
            self.assertNotIn(code.replace("-", ""), hashes)
        self.assertTrue(os.path.exists(os.path.join(fx.data, "secret.key")))
        self.assertEqual(os.stat(os.path.join(fx.data, "secret.key")).st_mode & 0o777, 0o600)

        # sign-in now asks for the code; the pending session reaches nothing else
        p, r = self.signin_pending(name, tiep="/quan-tri/thu-vien")
        pending_sid = p.cookies["cong_sid"]
        for path in ("/quan-tri/", "/quan-tri/bai-viet/moi", "/quan-tri/thu-vien", TOTP_PATH, "/quan-tri/doi-mat-khau"):
            with self.subTest(path=path):
                r = self.expect(p.get(path), 303, "pending session GET %s" % path)
                self.assertTrue(r.location_path.startswith(CODE_PATH), "%s sends to %r" % (path, r.location))
        r = self.expect(p.post("/quan-tri/bai-viet/moi", [("title", "Bài lén"), ("body", "x")]), 303)
        self.assertTrue(r.location_path.startswith(CODE_PATH))
        r = self.expect(p.get(CODE_PATH + "?tiep=%2Fquan-tri%2Fthu-vien"), 200, "the code page")
        self.check_admin(r)
        self.assertIsNone(r.tree().find(".//nav"), "the admin menu is shown to a pending session")
        self.assertEqual([i.get("value") for i in r.tree().iter("input") if i.get("name") == "tiep"],
                         ["/quan-tri/thu-vien"])
        # a wrong code: 401, in Vietnamese, not kept
        r = self.expect(p.post(CODE_PATH, [("code", wrong_code(secret)), ("tiep", "/quan-tri/thu-vien")]), 401,
                        "a wrong code")
        self.check_admin(r)
        self.assertIn_(MSG["totp_invalid"], r, "the wrong-code message")
        self.assertFalse(r.by_id("code").get("value"), "the code was sent back")
        # the code of the next step: a full session under a new token
        code = totp(secret, step + 1)
        r = self.expect(p.post(CODE_PATH, [("code", code), ("tiep", "/quan-tri/thu-vien")]), 303, "the right code")
        self.assertEqual(r.location_path, "/quan-tri/thu-vien")
        self.assertNotEqual(p.cookies.get("cong_sid"), pending_sid, "the session id was not rotated")
        self.expect(p.get("/quan-tri/"), 200, "signed in after the code")
        old = fx.client("snv")
        old.cookies = {"cong_sid": pending_sid}
        r = self.expect(old.get("/quan-tri/"), 303, "the pending token after the code")
        self.assertTrue(r.location_path.startswith("/quan-tri/dang-nhap?"), "the old token still works: %r" % r.location)

        # the same code again: refused
        q, _ = self.signin_pending(name)
        r = self.expect(q.post(CODE_PATH, [("code", code)]), 401, "a replayed code")
        self.assertIn_(MSG["totp_invalid"], r, "the replay message")
        self.expect(q.get("/quan-tri/"), 303, "still pending after a replay")

        # a recovery code works once
        r = self.expect(q.post(CODE_PATH, [("code", codes[0].upper())]), 303, "a recovery code")
        self.expect(q.get("/quan-tri/"), 200, "signed in with a recovery code")
        self.assertEqual(r.location_path, TOTP_PATH + "?ma-du-phong=1")
        r = self.expect(q.get(r.location_path), 200)
        self.assertIn("Còn 9 mã dự phòng", squash(text_of(r.by_id("totp-state"))), "recovery codes left")
        x, _ = self.signin_pending(name)
        self.expect(x.post(CODE_PATH, [("code", codes[0])]), 401, "a recovery code used twice")
        self.expect(x.post(CODE_PATH, [("code", codes[1])]), 303, "another recovery code")

    def test_code_page_needs_csrf_and_a_pending_session(self):
        name, c = self.new_account("editor", "longho")
        secret, codes, step = self.enrol(c)
        p, _ = self.signin_pending(name, "longho")
        self.expect(p.post(CODE_PATH, [("code", totp(secret, step + 1))], csrf=False), 403, "no CSRF token")
        self.expect(p.get("/quan-tri/"), 303, "still pending")
        # without a session: to the sign-in form; with a full one: onwards
        n = self.fx.client("longho")
        r = self.expect(n.get(CODE_PATH), 303)
        self.assertTrue(r.location_path.startswith("/quan-tri/dang-nhap"))
        r = self.expect(n.post(CODE_PATH, [("code", "123456")]), 303)
        self.assertTrue(r.location_path.startswith("/quan-tri/dang-nhap"))
        r = self.expect(c.get(CODE_PATH), 303, "the code page with a full session")
        self.assertEqual(r.location_path, "/quan-tri/")

    def test_wrong_codes_end_the_pending_session(self):
        name, c = self.new_account("reporter", "chauthanh")
        secret, codes, step = self.enrol(c)
        p, _ = self.signin_pending(name, "chauthanh")
        sid = p.cookies["cong_sid"]
        for i in range(4):
            r = self.expect(p.post(CODE_PATH, [("code", wrong_code(secret))]), 401, "wrong code %d" % (i + 1))
            self.assertIn_(MSG["totp_invalid"], r)
        r = self.expect(p.post(CODE_PATH, [("code", wrong_code(secret))]), 401, "the fifth wrong code")
        self.check_admin(r)
        self.assertIn_(MSG["totp_too_many"], r, "the start-again message")
        self.assertIsNotNone(r.by_id("password"), "the sign-in form is not shown after too many codes")
        self.assertNotIn("cong_sid", p.cookies, "the cookie was not cleared")
        # the session is gone: even the right code does nothing with it
        old = self.fx.client("chauthanh")
        old.cookies = {"cong_sid": sid, "cong_csrf": p.cookies["cong_csrf"]}
        r = self.expect(old.post(CODE_PATH, [("code", totp(secret, step + 1))]), 303)
        self.assertTrue(r.location_path.startswith("/quan-tri/dang-nhap"))
        self.expect(old.get("/quan-tri/"), 303)
        # starting again works
        q, _ = self.signin_pending(name, "chauthanh")
        self.expect(q.post(CODE_PATH, [("code", totp(secret, step + 1))]), 303)
        self.expect(q.get("/quan-tri/"), 200)

    def test_disable_needs_password_and_code(self):
        name, c = self.new_account("editor")
        secret, codes, step = self.enrol(c)
        code = totp(secret, step + 1)
        r = self.expect(c.post(TOTP_PATH + "/tat", [("password", "Sai@mat-khau9"), ("code", code)]), 422,
                        "a wrong password")
        self.check_admin(r)
        self.assertIn_(MSG["password_wrong"], r)
        self.assertIsNotNone(r.by_id("password-error"), "no error next to the password")
        self.assertFalse(r.by_id("password").get("value"), "the password was sent back")
        r = self.expect(c.post(TOTP_PATH + "/tat", [("password", NEW_PASSWORD), ("code", wrong_code(secret))]), 422,
                        "a wrong code")
        self.assertIsNotNone(r.by_id("code-error"), "no error next to the code")
        self.expect(c.post(TOTP_PATH + "/tat", [("password", NEW_PASSWORD), ("code", code)], csrf=False), 403)
        r = self.expect(c.post(TOTP_PATH + "/tat", [("password", NEW_PASSWORD), ("code", code)]), 303, "turning it off")
        self.assertEqual(r.location_path, TOTP_PATH + "?da-tat=1")
        r = self.expect(c.get(r.location_path), 200)
        self.assertIn_("Đã tắt xác thực hai lớp.", r)
        self.assertIsNotNone(r.by_id("totp-secret"), "enrolment is offered again")
        n = self.fx.client("snv")
        r = self.expect(n.signin(name, NEW_PASSWORD), 303)
        self.assertEqual(r.location_path, "/quan-tri/", "a code is still asked after turning it off")

    def test_sysadmin_resets_another(self):
        name, c = self.new_account("reporter")
        secret, codes, step = self.enrol(c)
        other, o = self.new_account("editor")
        r = self.expect(o.post(TOTP_PATH + "/dat-lai", [("username", name)]), 403, "an editor resets")
        admin = self.fx.admin("admin", "snv")
        r = self.expect(admin.get(TOTP_PATH), 200)
        self.assertIsNotNone(r.by_id("reset-username"), "no reset form for the system administrator")
        r = self.expect(admin.post(TOTP_PATH + "/dat-lai", [("username", "khongco")]), 422, "an unknown name")
        self.assertIsNotNone(r.by_id("reset-username-error"))
        self.assertEqual(r.by_id("reset-username").get("value"), "khongco", "the name was not kept")
        self.expect(admin.post(TOTP_PATH + "/dat-lai", [("username", name)]), 303, "the reset")
        n = self.fx.client("snv")
        r = self.expect(n.signin(name, NEW_PASSWORD), 303)
        self.assertEqual(r.location_path, "/quan-tri/", "a code is still asked after the reset")
        r = self.expect(admin.get("/quan-tri/nhat-ky?hanh-dong=mfa.reset"), 200)
        cells = [squash(text_of(td)) for td in r.tree().iter("td")]
        self.assertIn("user:%s" % name, cells, "the reset is not in the audit log")


class Policy(Base):
    def test_required_roles_must_enrol(self):
        fx = self.fx
        fx.set_setting("mfa_required_roles", "sysadmin,siteadmin,approver")
        name, c = self.new_account("approver")
        for path in ("/quan-tri/", "/quan-tri/bai-viet/moi", "/quan-tri/chuyen-muc", "/quan-tri/doi-mat-khau"):
            with self.subTest(path=path):
                r = self.expect(c.get(path), 303, "an approver without 2FA: %s" % path)
                self.assertEqual(r.location_path, TOTP_PATH)
        r = self.expect(c.post("/quan-tri/bai-viet/moi", [("title", "x"), ("body", "y")]), 303)
        self.assertEqual(r.location_path, TOTP_PATH)
        r = self.expect(c.get(TOTP_PATH), 200, "the enrolment page")
        self.check_admin(r)
        self.assertIn_("bắt buộc", r, "the page does not say it is required")
        self.assertIsNone(r.by_id("reset-username"))
        secret = self.secret_of(r)
        self.expect(c.post(TOTP_PATH, [("code", totp(secret))]), 200, "enrolment")
        self.expect(c.get("/quan-tri/"), 200, "after enrolment")
        # the system administrator too, already signed in
        admin = fx.admin("admin", "snv")
        r = self.expect(admin.get("/quan-tri/"), 303, "sysadmin without 2FA")
        self.assertEqual(r.location_path, TOTP_PATH)
        # optional for a reporter
        rname, rc = self.new_account("reporter")
        self.expect(rc.get("/quan-tri/"), 200, "a reporter is not forced")
        # a forced password change comes first
        fname = uniq("appr")
        fx.add_user(fname, "approver", "snv")
        f = fx.client("snv")
        r = self.expect(f.signin(fname, PASSWORD), 303)
        self.assertEqual(r.location_path, "/quan-tri/doi-mat-khau")
        self.expect(f.get("/quan-tri/doi-mat-khau"), 200, "the password change before enrolment")
        # back to nobody required: the approver without 2FA works again
        fx.set_setting("mfa_required_roles", "")
        self.expect(admin.get("/quan-tri/"), 200, "with the rule off")

    def test_only_listed_roles(self):
        fx = self.fx
        fx.set_setting("mfa_required_roles", "reporter")
        name, c = self.new_account("reporter", "longho")
        r = self.expect(c.get("/quan-tri/"), 303)
        self.assertEqual(r.location_path, TOTP_PATH)
        ename, e = self.new_account("editor", "longho")
        self.expect(e.get("/quan-tri/"), 200, "an editor when only reporters must")
