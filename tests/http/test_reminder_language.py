"""Deadline reminders in their reader's language (issue #16, docs/deadlines.md): the reminders go
to mailboxes (the board's published one and the addresses its administrators list), not to
accounts; a mailbox named as an account's (`cong user mailbox`) gets the reminder in that account's
language, every other the site's default, Vietnamese — one mail per language, through a local SMTP
sink, sent by `cong remind`. SQLite and --pg."""
import datetime
import email
import email.policy
import glob
import json
import os
import subprocess
import sys

from conglib import CongTest, ROOT, SNV_INFO, cong, module_fixture

setUpModule, tearDownModule = module_fixture()

VN = datetime.timezone(datetime.timedelta(hours=7))


class ReminderLanguage(CongTest):
    def refused(self, args, words):
        try:
            cong(*args)
        except Exception as e:  # ServerError: the exit code and the sentence
            self.assertIn(words, str(e))
        else:
            self.fail("cong %s succeeded" % " ".join(args))

    def test_one_mail_per_language_each_in_its_readers(self):
        fx = self.fx
        approver = fx.admin("duyet", "snv")
        cat = fx.category(approver, "Văn bản nhắc hạn")[0]
        received = (datetime.datetime.now(VN).date() - datetime.timedelta(days=10)).isoformat() + "T09:00"
        fx.article(approver, "Quyết định chưa đăng quá hạn", intake_unit="UBND tỉnh", intake_received_at=received,
                   deadline_kind="van-ban-tinh", category_id=cat)
        # the approver reads the admin in English, and names the mailbox it reads
        fx.sql("UPDATE users SET language = 'en' WHERE username = 'duyet'")
        out = cong("user", "mailbox", "--data", fx.data, "--username", "duyet", "--email", "Truong.Ban@example.gov.vn")
        self.assertIn("account duyet reads", out)
        tag = fx.sql("SELECT mailbox_tag FROM users WHERE username = 'duyet'")[0][0]
        self.assertRegex(tag, r"^[0-9a-f]{32}$", "a keyed tag, never the address")
        self.assertTrue(fx.sql("SELECT id FROM audit WHERE action = 'user.mailbox'"))
        self.refused(["user", "mailbox", "--data", fx.data, "--username", "duyet", "--email", "khong hop le"], "email")
        self.refused(["user", "mailbox", "--data", fx.data, "--username", "khong-co-ai", "--email", "a@example.vn"],
                     "user mailbox")
        fx.set_setting("reminder_to_snv", "truong.ban@example.gov.vn, pho.chanh@example.gov.vn")
        box = os.path.join(fx.tmp, "mail-reminders")
        os.makedirs(box)
        sink = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests", "http", "smtpsink.py"), box],
                                stdout=subprocess.PIPE, text=True)
        port = int(sink.stdout.readline())
        self.addCleanup(lambda: (sink.terminate(), sink.wait(5)))
        fx.set_setting("smtp_url", "smtp://127.0.0.1:%d" % port)
        fx.set_setting("smtp_from", "khong-tra-loi@example.gov.vn")
        fx.set_setting("smtp_tls", "none")
        self.addCleanup(lambda: fx.set_setting("smtp_url", ""))
        out = cong("remind", "--data", fx.data)
        mails = {}
        for j in glob.glob(os.path.join(box, "*.json")):
            with open(j) as f:
                rcpt = tuple(sorted(json.load(f)["rcpt_to"]))
            with open(j[:-5] + ".eml", "rb") as f:
                mails[rcpt] = email.message_from_bytes(f.read(), policy=email.policy.default)
        vi = mails.get(tuple(sorted([SNV_INFO["email"], "pho.chanh@example.gov.vn"])))
        en = mails.get(("truong.ban@example.gov.vn",))
        self.assertIsNotNone(vi, "one Vietnamese mail to the board and the other address: %r (%s)" % (list(mails), out))
        self.assertIsNotNone(en, "one English mail to the approver's mailbox: %r" % list(mails))
        vtext, etext = vi.get_body(("plain",)).get_content(), en.get_body(("plain",)).get_content()
        self.assertIn("Quyết định chưa đăng quá hạn", vtext)
        self.assertIn("ĐÃ QUÁ HẠN", vtext)
        self.assertIn("Quyết định chưa đăng quá hạn", etext)
        self.assertIn("OVERDUE", etext)
        self.assertNotIn("ĐÃ QUÁ HẠN", etext)
        self.assertIn("Information update deadlines", en["Subject"])
        # marked sent once for the day, both mails
        self.assertIn("0 reminder(s) sent", cong("remind", "--data", fx.data))
        # the mailbox no longer the account's: Vietnamese for everyone, tomorrow
        cong("user", "mailbox", "--data", fx.data, "--username", "duyet")
        self.assertEqual(fx.sql("SELECT mailbox_tag FROM users WHERE username = 'duyet'"), [(None,)])

    def test_an_account_names_its_mailbox_on_its_own_page(self):
        """The account page's form does what `cong user mailbox` does, for the signed-in account
        only: a refused address is said next to the field and kept; a good one stored as its
        keyed tag (the same tag as the command's), audited; empty forgets it; CSRF and a session
        needed."""
        fx = self.fx
        fx.add_user("hopthu.btv", "editor", "snv")
        ed = fx.admin("hopthu.btv", "snv")
        r = ed.post("/quan-tri/hop-thu", [("email", "khong hop le")])
        self.assertEqual(r.status, 422)
        self.assertIn('id="mailbox-error"', r.text)
        self.assertIn("Địa chỉ thư điện tử không hợp lệ.", r.text)
        self.assertIn('value="khong hop le"', r.text, "the input kept")
        self.assertEqual(fx.sql("SELECT mailbox_tag FROM users WHERE username = 'hopthu.btv'"), [(None,)])
        r = ed.post("/quan-tri/hop-thu", [("email", "Hop.Thu@example.gov.vn")])
        self.assertEqual(r.status, 303)
        tag = fx.sql("SELECT mailbox_tag FROM users WHERE username = 'hopthu.btv'")[0][0]
        self.assertRegex(tag, r"^[0-9a-f]{32}$")
        page = ed.get("/quan-tri/doi-mat-khau?hop-thu=1").text
        self.assertIn("Đã lưu hộp thư nhận nhắc hạn.", page)
        self.assertIn("Tài khoản đã có hộp thư nhận nhắc hạn.", page)
        self.assertNotIn("Hop.Thu@example.gov.vn", page, "the address is not kept")
        # the command names the same mailbox with the same tag (case of the address aside)
        cong("user", "mailbox", "--data", fx.data, "--username", "hopthu.btv", "--email", "hop.thu@example.gov.vn")
        self.assertEqual(fx.sql("SELECT mailbox_tag FROM users WHERE username = 'hopthu.btv'")[0][0], tag)
        self.assertTrue(fx.sql("SELECT a.id FROM audit a JOIN users u ON u.id = a.user_id"
                               " WHERE a.action = 'user.mailbox' AND u.username = 'hopthu.btv'"))
        r = ed.post("/quan-tri/hop-thu", [("email", "")])
        self.assertEqual(r.status, 303)
        self.assertEqual(fx.sql("SELECT mailbox_tag FROM users WHERE username = 'hopthu.btv'"), [(None,)])
        self.assertEqual(ed.post("/quan-tri/hop-thu", [("email", "a@example.vn")], csrf=False).status, 403)
        anon = fx.client("snv")
        self.assertIn(anon.post("/quan-tri/hop-thu", [("email", "a@example.vn")]).status, (303, 403))
        self.assertEqual(fx.sql("SELECT mailbox_tag FROM users WHERE username = 'hopthu.btv'"), [(None,)])
