"""Intake by e-mail (#17, VL Đ8.1; docs/email-intake.md) against a real IMAP server: Debian's
dovecot started here on loopback (a temporary config in a temporary folder, a free port,
plaintext sign-in allowed on loopback only) with a Maildir filled with messages in the shapes
mail programs send — Outlook's multipart/alternative with its headers, Gmail's mixed with a PDF
and an image, Vietnamese names in RFC 2047 B and Q words, a windows-1258 letter, an executable,
a 30 MB message, malformed MIME (no boundary, bad base64), the same message twice. The scheduler
of `cong serve` reads the mailbox; the board sees the entries, makes a draft (its fields, its
attachments, its deadline counted from the received time) and refuses one, the sender told by
mail (the SMTP sink of tests/http/smtpsink.py); a second pull takes nothing new; the messages
on the server are marked seen, none deleted."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from conglib import CongTest, ROOT, module_fixture, text_of
from imapfixture import PASS, USER, Dovecot, b_word, gmail, samples

setUpModule, tearDownModule = module_fixture(extra_serve=("--scheduler-interval", "1"))

SITE = "longho"
LIST = "/quan-tri/thu-den"
SETTINGS = LIST + "/cai-dat"
RECEIVED = 1796606100  # 07/12/2026 08:15 Vietnam time, the Outlook message's arrival


class MailIntake(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.imap = Dovecot()
        samples(cls.imap, RECEIVED)
        cls.fx.add_user("phongvienlh", "reporter", SITE)

    @classmethod
    def tearDownClass(cls):
        cls.imap.stop()

    def siteadmin(self):
        return self.fx.admin("admin", SITE)

    def editor(self):
        return self.fx.admin("bientap", SITE)

    def entries(self):
        return self.fx.sql("SELECT id, subject, problem, state, size, received_at FROM mail_intake ORDER BY id")

    def wait(self, cond, what, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            v = cond()
            if v:
                return v
            time.sleep(0.5)
        self.fail("%s; entries %r; dovecot: %s; cong: %s" % (what, [r[:3] for r in self.entries()], self.imap.log()[-600:],
                                                       self.fx.server.log_tail(8)))

    def configure(self, client, **over):
        f = dict(url="imap://127.0.0.1:%d" % self.imap.port, tls="none", username=USER, password=PASS,
                 folder="INBOX", max_mb="25", interval="60", enabled="1", notify="1")
        f.update(over)
        return client.post(SETTINGS, [(k, v) for k, v in f.items() if v is not None])

    def test_1_settings_refuse_bad_input_and_seal_the_password(self):
        c = self.siteadmin()
        r = self.expect(self.configure(c, url="http://nguoi:mk@mail.example.vn/x", folder='IN"BOX', max_mb="500",
                                       interval="0"), 422)
        for field, msg in (("url", "imap://"), ("folder", "ngoặc kép"), ("max_mb", "1 đến 100"), ("interval", "1440")):
            el = r.by_id(field + "-error")
            self.assertIsNotNone(el, "the message is next to %s" % field)
            self.assertIn(msg, text_of(el))
        self.assertIn_("http://nguoi:mk@mail.example.vn/x", r, "what was typed is kept")
        self.check_html(r, chrome=False)
        # editors and reporters do not reach the settings
        self.expect(self.editor().get(SETTINGS), 403)
        reporter = self.fx.admin("phongvienlh", SITE)
        self.expect(reporter.get(LIST), 403)
        self.expect(reporter.get(LIST + "/1"), 403)
        self.expect(reporter.post(LIST + "/1/tu-choi", [("reason", "x")]), 403)
        self.expect(self.editor().post(LIST + "/1/tu-choi", [("reason", "x")], csrf=False), 403)
        self.expect(self.fx.client(SITE).get(LIST), 303)
        self.expect(self.configure(c), 303)
        row = self.fx.sql("SELECT password, url FROM mail_boxes")[0]
        self.assertNotIn(PASS, row[0], "the password is sealed at rest")
        self.assertTrue(row[0].startswith("p1:"))
        page = self.expect(c.get(SETTINGS), 200)
        self.assertNotIn_(PASS, page, "the password is never shown")
        self.assertIn_("Đã có mật khẩu", page)
        self.check_html(page, chrome=False)

    def test_2_the_pull_takes_every_shape_once_and_marks_them_seen(self):
        rows = self.wait(lambda: len(self.entries()) >= 6 and self.entries(), "six messages taken")
        time.sleep(2)
        rows = self.entries()
        self.assertEqual(len(rows), 6, "the second copy of a message is not taken: %r" % [r[1] for r in rows])
        subjects = [r[1] for r in rows]
        for s in ("Báo cáo tháng 11 về tiêm chủng", "Thông báo lịch tiếp công dân", "Họp báo",
                  "Hồ sơ quét 30 MB", "Thieu boundary", "Base64 hong"):
            self.assertIn(s, subjects)
        by = {r[1]: r for r in rows}
        self.assertEqual(by["Báo cáo tháng 11 về tiêm chủng"][5], RECEIVED, "the server's arrival time is kept")
        self.assertEqual(by["Hồ sơ quét 30 MB"][2], "intake_too_large")
        # the deadline clock runs from the arrival (the rule for other information)
        self.assertEqual(self.fx.sql("SELECT COUNT(*) FROM mail_intake WHERE due_at IS NULL OR due_at <= received_at")[0][0], 0)
        self.assertGreater(by["Hồ sơ quét 30 MB"][4], 30 * 1024 * 1024)
        # every message seen on the server, none deleted
        files = self.wait(lambda: (lambda f: len(f) == 7 and all(s == "cur" and n.endswith("S") for s, n in f) and f)(
            self.imap.files()), "all seven messages (the copy too) marked seen")
        self.assertEqual(len(files), 7)
        # the list as the board sees it
        page = self.expect(self.editor().get(LIST), 200)
        self.check_html(page, chrome=False)
        for s in ("Nguyễn Thị Ánh", "Lê Văn Bình", "anh.nt@soyte.example.vn", "vượt dung lượng tối đa"):
            self.assertIn_(s, page)
        # the legacy letter was windows-1258: read as UTF-8 NFC
        body = self.fx.sql("SELECT body FROM mail_intake WHERE subject = ?", ("Họp báo",))[0][0]
        self.assertIn("Kính gửi Ban biên tập: đề nghị đăng tin họp báo quý IV.", body)
        # the Outlook body: sanitized, no script, no remote image
        body = self.fx.sql("SELECT body FROM mail_intake WHERE subject = ?", ("Báo cáo tháng 11 về tiêm chủng",))[0][0]
        self.assertIn("<strong>báo cáo tháng 11</strong>", body)
        self.assertNotIn("script", body)
        self.assertNotIn("px.gif", body)
        # the sender sealed at rest
        self.assertEqual(self.fx.sql("SELECT COUNT(*) FROM mail_intake WHERE sender LIKE '%soyte%'")[0][0], 0)
        st = self.fx.sql("SELECT last_error, taken FROM mail_boxes")[0]
        self.assertEqual(st[0], "")
        self.assertEqual(st[1], 6)

    def entry_id(self, subject):
        return self.fx.sql("SELECT id FROM mail_intake WHERE subject = ?", (subject,))[0][0]

    def test_3_a_draft_from_the_gmail_message(self):
        c = self.editor()
        eid = self.entry_id("Thông báo lịch tiếp công dân")
        page = self.expect(c.get(LIST + "/%d" % eid), 200)
        self.check_html(page, chrome=False)
        for s in ("Lịch tiếp dân.pdf", "ảnh hội nghị.png", "setup.exe", "Không nhận", "binh.lv@gmail.example"):
            self.assertIn_(s, page)
        # the kind's form: a legal document's required fields are asked, what was typed kept
        page = self.expect(c.get(LIST + "/%d?loai=legal" % eid), 200)
        self.check_html(page, chrome=False)
        r = self.expect(c.post(LIST + "/%d/tao-ban-nhap" % eid, [("kind", "legal"), ("title", "Lịch tiếp dân")],
                               multipart_form=True), 422)
        self.assertIn_("Lịch tiếp dân", r)
        self.assertTrue(re.search(r'class="field-error" id="[a-z_]+-error"', r.text), "a message next to a field")
        # news: its category, then the draft opens in the editor
        cat, _ = self.fx.category(self.fx.admin("admin", SITE), "Tin từ thư")
        r = self.expect(c.post(LIST + "/%d/tao-ban-nhap" % eid, [("kind", "article"), ("title", ""),
                                                                 ("category_id", str(cat))], multipart_form=True), 303)
        m = re.match(r"/quan-tri/bai-viet/(\d+)$", r.location_path)
        self.assertIsNotNone(m, r.location)
        item = int(m.group(1))
        row = self.fx.sql("SELECT title, intake_received_at, intake_email, intake_name, state, due_at, body FROM items"
                          " WHERE id = ?", (item,))[0]
        self.assertEqual(row[0], "Thông báo lịch tiếp công dân")
        self.assertEqual(row[1], RECEIVED + 60, "the deadline counts from the received time")
        self.assertEqual(row[2], "binh.lv@gmail.example")
        self.assertEqual(row[3], "Lê Văn Bình")
        self.assertEqual(row[4], "draft")
        self.assertIsNotNone(row[5], "the deadline module computed a due time")
        self.assertIn("Lịch tiếp công dân", row[6])
        att = self.fx.sql("SELECT m.orig_name FROM article_attachments a JOIN media m ON m.id = a.media_id"
                          " WHERE a.article_id = ?", (item,))
        self.assertEqual([a[0] for a in att], ["Lịch tiếp dân.pdf"])
        self.assertEqual(self.fx.sql("SELECT COUNT(*) FROM media WHERE orig_name = ?", ("ảnh hội nghị.png",))[0][0], 1,
                         "the image went to the library")
        self.assertEqual(self.fx.sql("SELECT state, item_id FROM mail_intake WHERE id = ?", (eid,))[0], ("drafted", item))
        self.assertEqual(self.fx.sql("SELECT COUNT(*) FROM mail_intake_files WHERE intake_id = ? AND data IS NOT NULL",
                                     (eid,))[0][0], 0, "the bytes are not kept once decided")
        editor_page = self.expect(c.get("/quan-tri/bai-viet/%d" % item), 200)
        self.assertIn_("Thông báo lịch tiếp công dân", editor_page)
        # decided once
        r = self.expect(c.post(LIST + "/%d/tu-choi" % eid, [("reason", "trùng")]), 422)
        self.assertIn_("đã được xử lý", r)
        self.assertEqual(self.fx.sql("SELECT COUNT(*) FROM audit WHERE action = 'intake.draft'")[0][0], 1)

    def start_sink(self):
        box = tempfile.mkdtemp(prefix="cong-sink-")
        sink = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests", "http", "smtpsink.py"), box],
                                stdout=subprocess.PIPE, text=True)
        port = int(sink.stdout.readline())
        self.fx.set_setting("smtp_url", "smtp://127.0.0.1:%d" % port)
        self.fx.set_setting("smtp_from", "khong-tra-loi@example.gov.vn")
        self.fx.set_setting("smtp_tls", "none")
        self.addCleanup(lambda: (sink.terminate(), sink.wait(), self.fx.set_setting("smtp_url", ""),
                                 shutil.rmtree(box, ignore_errors=True)))
        return box

    def test_4_a_refusal_is_mailed_to_the_sender(self):
        box = self.start_sink()
        c = self.editor()
        eid = self.entry_id("Báo cáo tháng 11 về tiêm chủng")
        r = self.expect(c.post(LIST + "/%d/tu-choi" % eid, [("reason", "   ")]), 422)
        el = r.by_id("reason-error")
        self.assertIsNotNone(el)
        self.check_html(r, chrome=False)
        reason = "Nội dung thuộc thẩm quyền của Sở Y tế, đề nghị gửi về cổng của Sở."
        self.expect(c.post(LIST + "/%d/tu-choi" % eid, [("reason", reason)]), 303)
        js = self.wait(lambda: [n for n in os.listdir(box) if n.endswith(".json")], "the refusal mailed", 40)
        with open(os.path.join(box, js[0].replace(".json", ".eml")), "rb") as f:
            import email
            import email.policy
            msg = email.message_from_bytes(f.read(), policy=email.policy.default)
        self.assertEqual(msg["To"].addresses[0].addr_spec, "anh.nt@soyte.example.vn")
        self.assertIn("Báo cáo tháng 11", str(msg["Subject"]))
        text = msg.get_body(("plain",)).get_content()
        self.assertIn(reason, text)
        self.assertIn("Huyện Long Hồ", text)
        self.assertEqual(self.fx.sql("SELECT state, mailed, reason FROM mail_intake WHERE id = ?", (eid,))[0],
                         ("refused", 1, reason))
        page = self.expect(c.get(LIST + "?trang-thai=tu-choi"), 200)
        self.assertIn_("Báo cáo tháng 11 về tiêm chủng", page)
        # the setting off: refused without mail
        self.expect(self.configure(self.siteadmin(), notify=None, password=""), 303)
        eid2 = self.entry_id("Base64 hong")
        self.expect(c.post(LIST + "/%d/tu-choi" % eid2, [("reason", "Không đọc được")]), 303)
        self.assertEqual(self.fx.sql("SELECT mailed FROM mail_intake WHERE id = ?", (eid2,))[0][0], 0)

    def test_5_pulling_again_takes_nothing_new_then_a_new_message(self):
        c = self.siteadmin()
        before = len(self.entries())
        t0 = self.fx.sql("SELECT last_pull_at FROM mail_boxes")[0][0]
        self.expect(c.post(LIST + "/doc-ngay"), 303)
        self.wait(lambda: self.fx.sql("SELECT last_pull_at, pull_asked FROM mail_boxes")[0] != (t0, 1) and
                  self.fx.sql("SELECT pull_asked FROM mail_boxes")[0][0] == 0, "the asked pull ran")
        self.assertEqual(len(self.entries()), before, "nothing new")
        # a person marks nothing; a new message arrives: taken at the next pull, alone
        self.imap.deliver(gmail("CAF=new-2@mail.gmail.example").replace(
            b"Subject: " + b_word("Thông báo lịch tiếp công dân").encode(), b"Subject: Tin moi"), RECEIVED + 900)
        self.expect(c.post(LIST + "/doc-ngay"), 303)
        self.wait(lambda: len(self.entries()) == before + 1, "the new message taken")
        self.assertEqual(self.entries()[-1][1], "Tin moi")
        self.wait(lambda: len(self.imap.files()) == 8 and all(n.endswith("S") for _, n in self.imap.files()),
                  "the new message marked seen, none deleted")
        page = self.expect(c.get(SETTINGS), 200)
        self.assertIn_("Số thư đã nhận", page)

    def test_6_a_server_that_refuses_the_password_is_reported(self):
        c = self.siteadmin()
        self.expect(self.configure(c, password="sai-mat-khau"), 303)
        self.wait(lambda: self.fx.sql("SELECT last_error FROM mail_boxes")[0][0] == "intake_err_connect",
                  "the failed sign-in recorded")
        page = self.expect(c.get(SETTINGS), 200)
        self.assertIn_("Không kết nối hoặc đăng nhập được", page)
        self.assertNotIn_("sai-mat-khau", page)
        self.assertNotIn("sai-mat-khau", self.fx.server.log_tail(200), "the password is never logged")
        # STARTTLS required of a server that offers none: refused before signing in (libcurl)
        self.fx.sql("UPDATE mail_boxes SET last_error = '', last_detail = ''")
        self.expect(self.configure(c, tls="require"), 303)
        row = self.wait(lambda: (lambda r: r[0] and r)(self.fx.sql("SELECT last_error, last_detail FROM mail_boxes")[0]),
                        "the missing STARTTLS recorded")
        self.assertEqual(row[0], "intake_err_connect")
        self.assertIn("SSL", row[1])
        self.expect(self.configure(c), 303)
