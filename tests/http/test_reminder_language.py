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
