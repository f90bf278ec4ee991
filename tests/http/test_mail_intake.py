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
import base64
import os
import pwd
import quopri
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

from conglib import CongTest, ROOT, free_port, module_fixture, png, squash, text_of

setUpModule, tearDownModule = module_fixture(extra_serve=("--scheduler-interval", "1"))

SITE = "longho"
LIST = "/quan-tri/thu-den"
SETTINGS = LIST + "/cai-dat"
USER, PASS = "banbientap", "Mat-khau-hop-thu-2026"
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 3 3]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(s):
    """S as windows-1258 writes Vietnamese: the letters precomposed, the tone marks combining."""
    import unicodedata
    out = ""
    for ch in unicodedata.normalize("NFC", s):
        d = unicodedata.normalize("NFD", ch)
        out += unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES)) + "".join(c for c in d if c in TONES)
    return out.encode("cp1258")


def b_word(s):
    return "=?UTF-8?B?%s?=" % base64.b64encode(s.encode()).decode()


def q_word(s):
    return "=?utf-8?Q?%s?=" % quopri.encodestring(s.encode(), header=True).decode()


def b64_lines(b):
    e = base64.b64encode(b).decode()
    return "\r\n".join(e[i:i + 76] for i in range(0, len(e), 76))


def crlf(s):
    return s.replace("\r\n", "\n").replace("\n", "\r\n").encode()


def outlook():
    return crlf(
        "From: %s <anh.nt@soyte.example.vn>\n"
        "To: \"Ban bien tap\" <banbientap@longho.example.vn>\n"
        "Subject: %s\n"
        "Date: Mon, 7 Dec 2026 08:15:00 +0700\n"
        "Message-ID: <DM6PR01MB1234@outlook.example>\n"
        "Thread-Topic: %s\nThread-Index: AdnPq2v7Zk1X\nX-MS-Has-Attach:\nX-MS-TNEF-Correlator:\n"
        "X-Mailer: Microsoft Outlook 16.0\nContent-Language: vi-VN\nMIME-Version: 1.0\n"
        "Content-Type: multipart/alternative; boundary=\"_000_DM6PR_\"\n\n"
        "--_000_DM6PR_\nContent-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
        "%s\n--_000_DM6PR_\nContent-Type: text/html; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n\n%s\n"
        "--_000_DM6PR_--\n" % (
            b_word("Nguyễn Thị Ánh"), q_word("Báo cáo tháng 11 về tiêm chủng"), q_word("Báo cáo"),
            quopri.encodestring("Công văn số 12/UBND về việc triển khai tiêm chủng mở rộng.\n".encode()).decode(),
            b64_lines("<p class=MsoNormal>Kính gửi Ban biên tập: <b>báo cáo tháng 11</b> về tiêm chủng."
                      "<img src=\"https://theo-doi.example/px.gif\"></p><script>alert(1)</script>".encode())))


def gmail(msgid="CAF=abc123@mail.gmail.example"):
    return crlf(
        "MIME-Version: 1.0\nDate: Sun, 6 Dec 2026 22:01:02 +0700\nMessage-ID: <%s>\n"
        "Subject: %s\nFrom: %s <binh.lv@gmail.example>\nReply-To: vanphong@xa-an-binh.example.vn\n"
        "To: banbientap@longho.example.vn\nContent-Type: multipart/mixed; boundary=\"000001\"\n\n"
        "--000001\nContent-Type: multipart/alternative; boundary=\"000002\"\n\n"
        "--000002\nContent-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: 8bit\n\n"
        "Lịch tiếp công dân tháng 12 của UBND xã An Bình, kèm tệp.\n\n"
        "--000002\nContent-Type: text/html; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n%s\n"
        "--000002--\n"
        "--000001\nContent-Type: application/pdf; name*=UTF-8''L%%E1%%BB%%8Bch%%20ti%%E1%%BA%%BFp%%20d%%C3%%A2n.pdf\n"
        "Content-Disposition: attachment; filename*=UTF-8''L%%E1%%BB%%8Bch%%20ti%%E1%%BA%%BFp%%20d%%C3%%A2n.pdf\n"
        "Content-Transfer-Encoding: base64\n\n%s\n"
        "--000001\nContent-Type: image/png; name=\"%s\"\nContent-Disposition: inline; filename=\"%s\"\n"
        "Content-ID: <ii_abc>\nContent-Transfer-Encoding: base64\n\n%s\n"
        "--000001\nContent-Type: application/x-msdownload; name=\"setup.exe\"\nContent-Disposition: attachment\n"
        "Content-Transfer-Encoding: base64\n\n%s\n"
        "--000001--\n" % (
            msgid, b_word("Thông báo lịch tiếp công dân"), q_word("Lê Văn Bình"),
            quopri.encodestring("<div dir=\"ltr\">Lịch tiếp công dân <i>tháng 12</i> của UBND xã An Bình.</div>".encode()).decode(),
            b64_lines(PDF), b_word("ảnh hội nghị.png"), b_word("ảnh hội nghị.png"), b64_lines(png(40, 30)),
            b64_lines(b"MZ\x90\x00" + b"\x00" * 60)))


def legacy():
    head = ("From: Van thu <vanthu@ubnd-longho.example.vn>\r\nSubject: =?windows-1258?Q?Ho=F2p_ba=ECo?=\r\n"
            "Date: Fri, 4 Dec 2026 09:00:00 +0700\r\nMessage-ID: <oe-1@ubnd-longho.example.vn>\r\n"
            "X-Mailer: Microsoft Outlook Express 6.00.2900.5512\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=\"windows-1258\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").encode()
    return head + cp1258("Kính gửi Ban biên tập: đề nghị đăng tin họp báo quý IV.") + b"\r\n"


def huge():
    """A message of 30 MB: a scanned file far over the default limit of 25 MB."""
    blob = os.urandom(23 * 1024 * 1024)
    return crlf("From: scan@example.vn\nSubject: %s\nMessage-ID: <huge-1@example.vn>\nMIME-Version: 1.0\n"
                "Content-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: text/plain\n\nHo so quet\n"
                "--zz\nContent-Type: application/pdf; name=scan.pdf\nContent-Transfer-Encoding: base64\n\n"
                % b_word("Hồ sơ quét 30 MB")) + b64_lines(b"%PDF-1.4\n" + blob).encode() + b"\r\n--zz--\r\n"


MALFORMED = [
    crlf("From: a@example.vn\nSubject: Thieu boundary\nMessage-ID: <m1@example.vn>\nContent-Type: multipart/mixed\n\n"
         "--abc\nContent-Type: text/plain\n\nnoi dung khong co ranh gioi\n--abc--\n"),
    crlf("From: b@example.vn\nSubject: Base64 hong\nMessage-ID: <m2@example.vn>\n"
         "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain; charset=utf-8\n"
         "Content-Transfer-Encoding: base64\n\n@@@!!!***====YWJj====\n--b\nContent-Type: image/png; name=a.png\n"
         "Content-Transfer-Encoding: base64\n\niVBORw0KGgo%%%%\n--b"),
]


class Dovecot:
    """A dovecot IMAP server of its own: temporary folder, loopback, a free port, one user."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="cong-imap-")
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        try:
            pw = pwd.getpwnam("dovecot")
            self.uid, self.gid = pw.pw_uid, pw.pw_gid
        except KeyError:
            self.uid, self.gid = os.getuid(), os.getgid()
        d = self.dir
        with open(os.path.join(d, "passwd"), "w") as f:
            f.write("%s:{PLAIN}%s:::::\n" % (USER, PASS))
        self.maildir = os.path.join(d, "mail", USER)
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(self.maildir, sub))
        # the mail processes run as the dovecot user: the Maildir is theirs
        for path in (os.path.join(d, "mail"), self.maildir) + tuple(os.path.join(self.maildir, s) for s in ("cur", "new", "tmp")):
            os.chown(path, self.uid, self.gid)
        self.conf = os.path.join(d, "dovecot.conf")
        with open(self.conf, "w") as f:
            f.write("""base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
# plaintext sign-in on loopback only: the server listens nowhere else
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = {uid}
last_valid_uid = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={d}/home/%u
}}
mail_location = maildir:{d}/mail/%u
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
""".format(d=d, uid=self.uid, gid=self.gid, port=self.port))
        self.n = 0
        self.proc = subprocess.Popen(["/usr/sbin/dovecot", "-F", "-c", self.conf], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.time() + 15
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 1).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("dovecot did not start: %s" % self.log())

    def deliver(self, data, received=None):
        """A message into the Maildir's new/, its file time the server's arrival time."""
        self.n += 1
        name = "%d.M%dP%d.cong,S=%d" % (int(time.time()), self.n, os.getpid(), len(data))
        tmp = os.path.join(self.maildir, "tmp", name)
        with open(tmp, "wb") as f:
            f.write(data)
        if received:
            os.utime(tmp, (received, received))
        os.chown(tmp, self.uid, self.gid)
        os.rename(tmp, os.path.join(self.maildir, "new", name))

    def files(self):
        """(folder, name) of every message on the server."""
        return [(sub, n) for sub in ("new", "cur") for n in sorted(os.listdir(os.path.join(self.maildir, sub)))]

    def log(self):
        try:
            with open(os.path.join(self.dir, "dovecot.log")) as f:
                return f.read()[-2000:]
        except OSError:
            return ""

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


RECEIVED = 1796606100  # 07/12/2026 08:15 Vietnam time, the Outlook message's arrival


class MailIntake(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.imap = Dovecot()
        im = cls.imap
        im.deliver(outlook(), RECEIVED)
        im.deliver(gmail(), RECEIVED + 60)
        im.deliver(gmail(), RECEIVED + 120)  # the same message again (a second copy): taken once
        im.deliver(legacy(), RECEIVED + 180)
        im.deliver(huge(), RECEIVED + 240)
        for i, m in enumerate(MALFORMED):
            im.deliver(m, RECEIVED + 300 + i)
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
        self.expect(self.fx.admin("phongvienlh", SITE).get(LIST), 403)
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
        self.expect(self.configure(c), 303)
