"""The level-3 account rules (regulations.md § Security; docs/security.md): the lock after 5
failed sign-ins and the emergency unlock (`cong user unlock` and the account list's button),
passwords of 14 characters without a second factor, 10 passwords and 60 days for
administrators, the idle time per role, dormant accounts disabled (`cong user dormant --now`
with a fixed clock, and the server's scheduler), the account list for the six-monthly review
as a page and an XLSX workbook, and the settings page's validation."""
import io
import re
import subprocess
import time
import zipfile
import xml.etree.ElementTree as ET

from conglib import (CONG, NEW_PASSWORD, PASSWORD, Client, CongTest, Fixture, ScheduleNode, Server, cong, cong_env, host_of,
                     module_fixture, squash, text_of)

setUpModule, tearDownModule = module_fixture()

MSG = {
    "signin_failed": "Tên đăng nhập hoặc mật khẩu không đúng.",
    "signin_wait": "Đăng nhập sai quá nhiều lần",
    "password_short_no_mfa": "Mật khẩu quá ngắn: tài khoản chưa bật xác thực hai lớp",
    "password_reused": "Không dùng lại một trong các mật khẩu gần nhất.",
    "range_lock": "Nhập số lần từ 1 đến 20",
    "range_idle_admin": "Nhập số phút từ 1 đến 1440.",
    "no_mfa_below": "Độ dài tối thiểu khi chưa có xác thực hai lớp không được nhỏ hơn",
}
LIST = "/quan-tri/tai-khoan/danh-sach"
SETTINGS = "/quan-tri/cai-dat/tai-khoan"


def sql(fx, query, args=()):
    return fx.sql(query, args)


def user_id(fx, name):
    return sql(fx, "SELECT id FROM users WHERE username = ?", (name,))[0][0]


def forget_addresses(fx):
    """The tests all come from 127.0.0.1: its failures (10 before delays, 30 before a lock) are
    not what these tests are about."""
    sql(fx, "DELETE FROM signin_failures WHERE key LIKE 'a:%'")


def fail_until_locked(test, c, name, n=5):
    """N wrong passwords for NAME, waiting out the delays that come from the 3rd; returns the
    statuses of the N failures (401 each)."""
    statuses = []
    for i in range(40):
        r = c.signin(name, "Sai-mat-khau@2026-%d" % i)
        if r.status == 429 and len(statuses) < n:  # a delay: wait it out (1 s, 2 s)
            wait = int(r.header("Retry-After") or "1")
            test.assertLessEqual(wait, 4, "a delay before the lock is %d s" % wait)
            time.sleep(wait + 0.2)
            continue
        statuses.append(r.status)
        if len(statuses) == n:
            break
    return statuses


def row_of(page, username):
    for tr in page.tree().iter("tr"):
        tds = tr.findall("td")
        if tds and squash(text_of(tds[0])) == username:
            return tr
    return None


class Lockout(CongTest):
    def test_five_failures_lock_known_and_unknown_names_alike(self):
        fx = self.fx
        forget_addresses(fx)
        fx.add_user("khoa.snv", "reporter", "snv")
        results = {}
        for name in ("khoa.snv", "khong.co.ai"):
            c = fx.client("snv")
            statuses = fail_until_locked(self, c, name)
            self.assertEqual(statuses, [401] * 5, name)
            # the 6th: locked, even with the right password, for 30 minutes
            r = c.signin(name, PASSWORD)
            self.expect(r, 429, "%s not locked after 5 failures" % name)
            self.assertIn_(MSG["signin_wait"], r)
            self.assertNotIn("cong_sid", c.cookies)
            results[name] = (r.status, int(r.header("Retry-After")), squash(text_of(r.tree().find(".//form"))))
            forget_addresses(fx)
        # no oracle: the same answer, the same wait (within a few seconds), the same form
        (s1, w1, f1), (s2, w2, f2) = results["khoa.snv"], results["khong.co.ai"]
        self.assertEqual(s1, s2)
        self.assertLess(abs(w1 - w2), 15, (w1, w2))
        self.assertGreater(w1, 29 * 60 - 30)
        self.assertEqual(f1.replace("khoa.snv", "X"), f2.replace("khong.co.ai", "X"))
        n = sql(fx, "SELECT count(*) FROM audit WHERE object = 'khoa.snv' AND action = 'signin.fail'")[0][0]
        self.assertEqual(n, 5)

    def test_cli_unlock(self):
        fx = self.fx
        forget_addresses(fx)
        fx.add_user("lan.snv", "editor", "snv")
        c = fx.client("snv")
        self.assertEqual(fail_until_locked(self, c, "lan.snv"), [401] * 5)
        self.expect(c.signin("lan.snv", PASSWORD), 429)
        out = cong("user", "unlock", "--data", fx.data, "lan.snv")
        self.assertIn("unlocked", out)
        r = self.expect(c.signin("lan.snv", PASSWORD), 303, "still locked after cong user unlock")
        self.assertEqual(r.location_path, "/quan-tri/doi-mat-khau")
        rows = sql(fx, "SELECT user_id, object, detail, address FROM audit WHERE action = 'user.unlock'")
        self.assertIn((None, "user:lan.snv", "lock cleared", "cli"), rows)
        # an unknown name: a sentence and a non-zero exit
        p = subprocess.run([CONG, "user", "unlock", "--data", fx.data, "khong.co.ai"], capture_output=True,
                           env=cong_env())
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("Không có tài khoản", p.stderr.decode())

    def test_unlock_button_on_the_account_list(self):
        fx = self.fx
        forget_addresses(fx)
        fx.add_user("bao.snv", "siteadmin", "snv")
        fx.add_user("thu.snv", "reporter", "snv")
        fx.add_user("ha.stc", "reporter", "stc")
        c = fx.client("snv")
        self.assertEqual(fail_until_locked(self, c, "thu.snv"), [401] * 5)
        forget_addresses(fx)
        # the site's administrator sees the lock and unlocks
        siteadmin = fx.admin("bao.snv", "snv")
        page = self.page(siteadmin, LIST)
        row = row_of(page, "thu.snv")
        self.assertIsNotNone(row)
        self.assertIn("bị khóa", squash(text_of(row)))
        self.assertIsNone(row_of(page, "ha.stc"), "another site's account on a site administrator's list")
        uid = user_id(fx, "thu.snv")
        # a reporter may not; nor without the CSRF token
        self.expect(fx.admin("duyet", "snv").post("/quan-tri/tai-khoan/%d/mo-khoa" % uid), 403)
        self.expect(siteadmin.post("/quan-tri/tai-khoan/%d/mo-khoa" % uid, csrf=False), 403)
        r = self.expect(siteadmin.post("/quan-tri/tai-khoan/%d/mo-khoa" % uid), 303)
        page = self.page(siteadmin, r.location)
        self.assertIn("Đã mở khóa tài khoản.", squash(page.text))
        self.assertNotIn("bị khóa", squash(text_of(row_of(page, "thu.snv"))))
        self.expect(c.signin("thu.snv", PASSWORD), 303)
        rows = sql(fx, "SELECT u.username FROM audit a JOIN users u ON u.id = a.user_id"
                       " WHERE a.action = 'user.unlock' AND a.object = 'user:thu.snv'")
        self.assertEqual(rows, [("bao.snv",)])
        # another site's account, another administrator: not this site administrator's
        self.expect(siteadmin.post("/quan-tri/tai-khoan/%d/mo-khoa" % user_id(fx, "ha.stc")), 403)
        self.expect(siteadmin.post("/quan-tri/tai-khoan/%d/vo-hieu-hoa" % user_id(fx, "admin")), 403)


class AccountList(CongTest):
    def test_disable_and_enable_from_the_list(self):
        fx = self.fx
        fx.add_user("tam.snv", "reporter", "snv")
        fx.add_user("quan.snv", "siteadmin", "snv")
        user = fx.admin("tam.snv", "snv")
        self.expect(user.get("/quan-tri/"), 200)
        siteadmin = fx.admin("quan.snv", "snv")
        uid = user_id(fx, "tam.snv")
        r = self.expect(siteadmin.post("/quan-tri/tai-khoan/%d/vo-hieu-hoa" % uid), 303)
        self.assertIn("da-vo-hieu-hoa", r.location)
        self.expect(user.get("/quan-tri/"), 303, "a disabled account's session still works")
        page = self.page(siteadmin, LIST)
        self.assertIn("Vô hiệu hóa", squash(text_of(row_of(page, "tam.snv"))))
        self.assertIn("Kích hoạt lại", squash(text_of(row_of(page, "tam.snv"))))
        self.expect(fx.client("snv").signin("tam.snv", NEW_PASSWORD), 401)
        self.expect(siteadmin.post("/quan-tri/tai-khoan/%d/kich-hoat" % uid), 303)
        self.expect(fx.client("snv").signin("tam.snv", NEW_PASSWORD), 303)
        actions = [a for (a,) in sql(fx, "SELECT action FROM audit WHERE object = ? ORDER BY id", ("user:%d" % uid,))]
        self.assertEqual(actions[-2:], ["user.disable", "user.enable"])
        # the list shows last sign-in and 2FA for every account; the system administrator sees all
        page = self.page(fx.admin("admin", None), LIST)
        text = squash(text_of(row_of(page, "bientap")))
        self.assertIn("Biên tập viên (Huyện Long Hồ)", text)
        self.assertIn("Chưa bật", text)
        self.assertRegex(squash(text_of(row_of(page, "admin"))), r"\d\d/\d\d/\d{4} \d\d:\d\d")

    def test_review_workbook(self):
        fx = self.fx
        fx.add_user("xuan.snv", "editor", "snv")
        r = self.expect(fx.admin("admin", None).get(LIST + ".xlsx"), 200)
        self.assertEqual(r.ctype, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        self.assertIn("attachment", r.header("Content-Disposition"))
        rows = xlsx_rows(r.body)
        self.assertEqual(rows[0][:3], ["Tên đăng nhập", "Họ và tên", "Vai trò"])
        by_name = {row[0]: row for row in rows[1:]}
        self.assertIn("xuan.snv", by_name)
        self.assertEqual(by_name["xuan.snv"][2], "Biên tập viên (Sở Nội vụ)")
        self.assertEqual(by_name["xuan.snv"][3], "Đang hoạt động")
        self.assertEqual(by_name["xuan.snv"][5], "Chưa đăng nhập")
        self.assertEqual(by_name["admin"][2], "Quản trị hệ thống")
        self.assertIn("bientap", by_name)
        # a site administrator's workbook: its site's accounts only; a reporter gets none
        fx.add_user("kim.snv", "siteadmin", "snv")
        rows = xlsx_rows(self.expect(fx.admin("kim.snv", "snv").get(LIST + ".xlsx"), 200).body)
        names = {row[0] for row in rows[1:]}
        self.assertIn("xuan.snv", names)
        self.assertNotIn("bientap", names)
        self.expect(fx.admin("duyet", "snv").get(LIST + ".xlsx"), 403)


def xlsx_rows(body):
    """The first sheet's rows as lists of strings (shared strings resolved)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    z = zipfile.ZipFile(io.BytesIO(body))
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
    rows = []
    for row in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter("{%s}row" % ns["m"]):
        cells = []
        for c in row.findall("m:c", ns):
            col = ord(re.match(r"[A-Z]", c.get("r")).group(0)) - ord("A")
            while len(cells) < col:
                cells.append("")
            v = c.find("m:v", ns)
            if c.get("t") == "s":
                cells.append(shared[int(v.text)])
            elif c.get("t") == "inlineStr":
                cells.append("".join(t.text or "" for t in c.iter("{%s}t" % ns["m"])))
            else:
                cells.append(v.text if v is not None else "")
        rows.append(cells)
    return rows


class Passwords(CongTest):
    def test_fourteen_characters_without_a_second_factor(self):
        fx = self.fx
        # a one-time password from the command line: 13 characters refused, 14 taken
        p = subprocess.run([CONG, "user", "add", "--data", fx.data, "--username", "ngan.snv", "--role", "reporter",
                            "--site", "snv", "--password-stdin"], input=b"Abc@12345-Xyz\n", capture_output=True,
                           env=cong_env())
        self.assertNotEqual(p.returncode, 0)
        self.assertIn(MSG["password_short_no_mfa"], p.stderr.decode())
        cong("user", "add", "--data", fx.data, "--username", "ngan.snv", "--role", "reporter", "--site", "snv",
             "--password-stdin", stdin=b"Abc@12345-Xyz1\n")
        # and on the change page: the message next to the field, the hint says 14
        c = fx.client("snv")
        self.expect(c.signin("ngan.snv", "Abc@12345-Xyz1"), 303)
        page = self.page(c, "/quan-tri/doi-mat-khau")
        self.assertIn("Ít nhất 14 ký tự", squash(page.text))
        r = c.post("/quan-tri/doi-mat-khau", [("old_password", "Abc@12345-Xyz1"), ("new_password", "Hoa-Sen@2026"),
                                              ("confirm", "Hoa-Sen@2026")])
        self.expect(r, 422)
        err = r.by_id("new_password-error")
        self.assertIsNotNone(err)
        self.assertIn(MSG["password_short_no_mfa"], squash(text_of(err)))
        # a site administrator's one-time password follows the same rule
        fx.add_user("hoa.snv", "siteadmin", "snv")
        r = fx.admin("hoa.snv", "snv").post("/quan-tri/tai-khoan", [("username", "moi.snv"), ("display_name", "Mới"),
                                                                   ("role", "reporter"), ("password", "Abc@12345")])
        self.expect(r, 422)
        self.assertIn(MSG["password_short_no_mfa"], squash(text_of(r.by_id("password-error"))))

    def test_administrators_keep_ten_passwords(self):
        fx = self.fx
        fx.add_user("vy.snv", "siteadmin", "snv")
        c = fx.admin("vy.snv", "snv")
        cur = NEW_PASSWORD
        pws = ["Vy-Quan-Tri@2026-%02d" % i for i in range(1, 10)]
        for pw in pws:  # with the first change, 10 passwords since the one-time one
            self.expect(c.post("/quan-tri/doi-mat-khau", [("old_password", cur), ("new_password", pw), ("confirm", pw)]),
                        303, pw)
            cur = pw
        # NEW_PASSWORD is the 10th newest: refused for an administrator (a user keeps 5)
        r = c.post("/quan-tri/doi-mat-khau", [("old_password", cur), ("new_password", NEW_PASSWORD),
                                              ("confirm", NEW_PASSWORD)])
        self.expect(r, 422, "an administrator reused a password 10 changes old")
        self.assertIn(MSG["password_reused"], squash(text_of(r.by_id("new_password-error"))))
        self.assertIn("không trùng 10 mật khẩu gần nhất", squash(r.text))

    def test_administrators_change_every_two_months(self):
        fx = self.fx
        fx.add_user("mai.snv", "siteadmin", "snv")
        fx.add_user("dao.snv", "reporter", "snv")
        admin, user = fx.admin("mai.snv", "snv"), fx.admin("dao.snv", "snv")
        sql(fx, "UPDATE users SET password_changed_at = ? WHERE username IN ('mai.snv', 'dao.snv')",
            (int(time.time()) - 61 * 86400,))
        r = self.expect(admin.get("/quan-tri/"), 303, "an administrator's 61-day-old password")
        self.assertEqual(r.location_path, "/quan-tri/doi-mat-khau")
        self.assertIn("60 ngày", squash(self.page(admin, "/quan-tri/doi-mat-khau").text))
        self.expect(user.get("/quan-tri/"), 200, "a user's 61-day-old password must be changed already")
        sql(fx, "UPDATE users SET password_changed_at = ? WHERE username = 'dao.snv'", (int(time.time()) - 91 * 86400,))
        self.expect(user.get("/quan-tri/"), 303)


class IdleTimes(CongTest):
    def test_fifteen_minutes_for_users_five_for_administrators(self):
        fx = self.fx
        # the level-3 defaults (the fixture allows its cached clients an hour)
        sql(fx, "DELETE FROM settings WHERE key IN ('session_idle_minutes', 'session_idle_minutes_admin')")
        self.addCleanup(fx.set_setting, "session_idle_minutes_admin", "60")
        self.addCleanup(fx.set_setting, "session_idle_minutes", "60")
        fx.add_user("an.snv", "siteadmin", "snv")
        fx.add_user("binh.snv", "editor", "snv")
        admin, user = Client(fx.server, host_of("snv")), Client(fx.server, host_of("snv"))
        for c, name in ((admin, "an.snv"), (user, "binh.snv")):
            self.expect(c.signin(name, PASSWORD), 303)
            self.expect(c.post("/quan-tri/doi-mat-khau", [("old_password", PASSWORD), ("new_password", NEW_PASSWORD),
                                                         ("confirm", NEW_PASSWORD)]), 303)
            self.expect(c.get("/quan-tri/"), 200)

        def idle(name, minutes):
            sql(fx, "UPDATE sessions SET seen_at = ? WHERE user_id = ?", (int(time.time()) - minutes * 60, user_id(fx, name)))
        # 4 minutes: both in
        idle("an.snv", 4)
        idle("binh.snv", 4)
        self.expect(admin.get("/quan-tri/"), 200)
        self.expect(user.get("/quan-tri/"), 200)
        # 6 minutes: the administrator is out, the editor is not
        idle("an.snv", 6)
        idle("binh.snv", 6)
        r = self.expect(admin.get("/quan-tri/"), 303, "an administrator idle for 6 minutes")
        self.assertTrue(r.location_path.startswith("/quan-tri/dang-nhap"), r.location)
        self.expect(user.get("/quan-tri/"), 200, "a user idle for 6 minutes was signed out")
        # 14 in, 16 out
        idle("binh.snv", 14)
        self.expect(user.get("/quan-tri/"), 200)
        idle("binh.snv", 16)
        self.expect(user.get("/quan-tri/"), 303, "a user idle for 16 minutes")
        # the settings move them (read on each request)
        fx.set_setting("session_idle_minutes_admin", "10")
        self.expect(admin.signin("an.snv", NEW_PASSWORD), 303)
        idle("an.snv", 9)
        self.expect(admin.get("/quan-tri/"), 200)


class Settings(CongTest):
    def form_of(self, page):
        f = []
        for inp in page.tree().iter("input"):
            if inp.get("name") and inp.get("name") != "csrf":
                f.append((inp.get("name"), inp.get("value") or ""))
        return f

    def test_validated_with_messages_next_to_the_fields(self):
        fx = self.fx
        sysadmin = fx.admin("admin", None)
        page = self.page(sysadmin, SETTINGS)
        form = dict(self.form_of(page))
        self.assertEqual(form["signin_lock_after"], "5")
        self.assertEqual(form["password_min_length_no_mfa"], "14")
        self.assertEqual(form["account_dormant_days"], "45")
        self.assertEqual(form["session_idle_minutes_admin"], "60")  # the fixture's
        bad = dict(form, signin_lock_after="0", session_idle_minutes_admin="năm phút", password_min_length="12",
                   password_min_length_no_mfa="14")
        r = self.expect(sysadmin.post(SETTINGS, list(bad.items())), 422)
        self.assertIn(MSG["range_lock"], squash(text_of(r.by_id("signin_lock_after-error"))))
        self.assertIn(MSG["range_idle_admin"], squash(text_of(r.by_id("session_idle_minutes_admin-error"))))
        self.assertEqual(r.by_id("session_idle_minutes_admin").get("value"), "năm phút")  # kept as typed
        self.assertEqual(r.by_id("signin_lock_after").get("aria-invalid"), "true")
        self.check_html(r)
        r = self.expect(sysadmin.post(SETTINGS, list(dict(form, password_min_length="16").items())), 422)
        self.assertIn(MSG["no_mfa_below"], squash(text_of(r.by_id("password_min_length_no_mfa-error"))))
        # nothing was saved
        self.assertEqual(sql(fx, "SELECT count(*) FROM settings WHERE key = 'signin_lock_after'")[0][0], 0)
        good = dict(form, signin_lock_after="4", account_dormant_days="60")
        r = self.expect(sysadmin.post(SETTINGS, list(good.items())), 303)
        self.assertIn("Đã lưu.", squash(self.page(sysadmin, r.location).text))
        stored = dict(sql(fx, "SELECT key, value FROM settings"))
        self.assertEqual(stored["signin_lock_after"], "4")
        self.assertEqual(stored["account_dormant_days"], "60")
        self.assertEqual(stored["session_idle_minutes_admin"], "60")
        self.assertEqual(sql(fx, "SELECT count(*) FROM audit WHERE action = 'settings.accounts'")[0][0], 1)
        # back to the defaults for the other tests
        self.expect(sysadmin.post(SETTINGS, list(form.items())), 303)
        # the system administrator's alone
        fx.add_user("son.snv", "siteadmin", "snv")
        self.expect(fx.admin("son.snv", "snv").get(SETTINGS), 403)
        self.expect(fx.admin("son.snv", "snv").post(SETTINGS, list(good.items())), 403)


class Dormancy(CongTest):
    """On a fixture of its own: `cong user dormant --now` disables every account of it."""

    @classmethod
    def setUpClass(cls):
        cls.own = Fixture()

    @classmethod
    def tearDownClass(cls):
        cls.own.close()

    def test_fixed_clock_then_enable_again(self):
        fx = self.own
        fx.add_user("cu.snv", "editor", "snv")
        c = fx.client("snv")
        self.expect(c.signin("cu.snv", PASSWORD), 303)  # signed in today
        day = 86400
        now = time.time()

        def at(days):
            return time.strftime("%Y-%m-%d %H:%M", time.gmtime(now + days * day + 7 * 3600))
        out = cong("user", "dormant", "--data", fx.data, "--now", at(44))
        self.assertIn("0 account(s)", out)
        out = cong("user", "dormant", "--data", fx.data, "--now", at(46))
        n = sql(fx, "SELECT count(*) FROM users")[0][0]
        self.assertIn("%d account(s) unused for 45 days disabled" % n, out)
        self.assertEqual(sql(fx, "SELECT count(*) FROM users WHERE disabled = 1 AND disabled_reason = 'dormant'")[0][0], n)
        self.assertEqual(sql(fx, "SELECT count(*) FROM audit WHERE action = 'user.dormant' AND address = 'scheduler'")[0][0], n)
        self.expect(fx.client("snv").signin("cu.snv", PASSWORD), 401)
        # the system administrator is enabled again from the command line, then enables from the list
        cong("user", "enable", "--data", fx.data, "--username", "admin")
        fx._admins.clear()
        admin = fx.admin("admin", None)
        page = self.page(admin, LIST)
        row = row_of(page, "cu.snv")
        self.assertIn("không dùng quá hạn", squash(text_of(row)))
        r = self.expect(admin.post("/quan-tri/tai-khoan/%d/kich-hoat" % user_id(fx, "cu.snv")), 303)
        self.assertIn("Đang hoạt động", squash(text_of(row_of(self.page(admin, r.location), "cu.snv"))))
        self.expect(fx.client("snv").signin("cu.snv", PASSWORD), 303)
        # enabling restarts the 45 days (the fixed-clock case is tests/unit/test_accounts.c's)
        self.assertGreaterEqual(sql(fx, "SELECT enabled_at FROM users WHERE username = 'cu.snv'")[0][0], int(now))
        p = subprocess.run([CONG, "user", "dormant", "--data", fx.data, "--now", "46 ngày nữa"], capture_output=True,
                           env=cong_env())
        self.assertEqual(p.returncode, 2)
        self.assertIn("--now", p.stderr.decode())

    def test_the_scheduler_disables_by_itself(self):
        fx = self.own
        fx.add_user("lau.snv", "reporter", "snv")
        old = int(time.time()) - 50 * 86400
        sql(fx, "UPDATE users SET created_at = ?, last_signin_at = ? WHERE username = 'lau.snv'", (old, old))
        # a server starting sweeps at once (then every ten minutes)
        srv = ScheduleNode(fx).start()
        self.addCleanup(srv.stop)
        for _ in range(100):
            if sql(fx, "SELECT disabled FROM users WHERE username = 'lau.snv'")[0][0]:
                break
            time.sleep(0.1)
        self.assertEqual(sql(fx, "SELECT disabled, disabled_reason FROM users WHERE username = 'lau.snv'")[0], (1, "dormant"))
        self.assertEqual(sql(fx, "SELECT detail FROM audit WHERE action = 'user.dormant' AND object = 'user:lau.snv'"),
                         [("unused for 45 days (last sign-in 50 days ago)",)])


class LastSignIn(CongTest):
    def test_kept_on_the_account(self):
        fx = self.fx
        fx.add_user("ky.snv", "reporter", "snv")
        before = int(time.time())
        self.expect(fx.client("snv").signin("ky.snv", PASSWORD), 303)
        last = sql(fx, "SELECT last_signin_at FROM users WHERE username = 'ky.snv'")[0][0]
        self.assertGreaterEqual(last, before)
        self.assertLessEqual(last, int(time.time()))
