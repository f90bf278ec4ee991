"""Intake by e-mail over TLS to a self-hosted server with a private CA (#17; docs/email-intake.md
"A private CA"): Debian's dovecot on loopback with a certificate for 127.0.0.1 signed by a CA
that openssl makes in the test's temporary folder (tests/http/imapfixture.py, Dovecot(tls=True)).
The mailbox's settings take the CA's certificate pasted as PEM (refusing what is not one, the
input kept); without it, or with another CA, the read is refused and reported as a certificate
problem; with it, IMAPS (TLS from the first byte) and STARTTLS on imap:// both read the mail."""
import time

from conglib import CongTest, module_fixture, text_of
from imapfixture import PASS, USER, Dovecot, b_word, crlf, gmail

setUpModule, tearDownModule = module_fixture(extra_serve=("--scheduler-interval", "1"))

SITE = "longho"
SETTINGS = "/quan-tri/thu-den/cai-dat"


def message(n):
    return crlf("From: %s <vanthu@so-noi-vu.example.vn>\nSubject: %s\nMessage-ID: <tls-%d@so-noi-vu.example.vn>\n"
                "Date: Mon, 7 Dec 2026 09:00:00 +0700\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
                "Kính gửi Ban biên tập: thư số %d qua kết nối mã hóa.\n"
                % (b_word("Văn thư Sở Nội vụ"), b_word("Thư mã hóa số %d" % n), n, n))


class MailIntakeTLS(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.imap = Dovecot(tls=True)
        cls.imap.deliver(gmail())

    @classmethod
    def tearDownClass(cls):
        cls.imap.stop()

    def admin(self):
        return self.fx.admin("admin", SITE)

    def configure(self, client, **over):
        f = dict(url="imaps://127.0.0.1:%d" % self.imap.imaps_port, tls="require", username=USER, password=PASS,
                 folder="INBOX", max_mb="25", interval="60", enabled="1", notify="1", ca_pem="")
        f.update(over)
        return client.post(SETTINGS, [(k, v) for k, v in f.items() if v is not None])

    def outcome(self, what, timeout=60):
        """Waits for the read asked by the last save: (last_error, last_detail) once it is done."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            row = self.fx.sql("SELECT pull_asked, last_error, last_detail FROM mail_boxes")[0]
            if not row[0]:
                return row[1], row[2]
            time.sleep(0.5)
        self.fail("%s: no read; dovecot: %s; cong: %s" % (what, self.imap.log()[-600:], self.fx.server.log_tail(8)))

    def taken(self):
        return [r[0] for r in self.fx.sql("SELECT subject FROM mail_intake ORDER BY id")]

    def test_1_the_ca_field_refuses_what_is_not_a_certificate(self):
        c = self.admin()
        for bad in ("không phải chứng chỉ", "-----BEGIN CERTIFICATE-----\nTUlJQgo=\n-----END CERTIFICATE-----\n",
                    self.imap.ca_pem.replace("CERTIFICATE", "PRIVATE KEY")):
            r = self.expect(self.configure(c, ca_pem=bad), 422, bad[:30])
            el = r.by_id("ca_pem-error")
            self.assertIsNotNone(el, "the message next to the field")
            self.assertIn("PEM", text_of(el))
            self.assertEqual(text_of(r.by_id("ca_pem")), bad, "the input kept")
            self.assertEqual(r.by_id("ca_pem").get("aria-invalid"), "true")
            self.check_html(r, chrome=False)
        self.assertEqual(self.fx.sql("SELECT COUNT(*) FROM mail_boxes")[0][0], 0, "nothing saved")

    def test_2_imaps_without_the_ca_or_with_another_is_refused_and_reported(self):
        c = self.admin()
        self.expect(self.configure(c), 303)
        err, detail = self.outcome("no CA")
        self.assertEqual(err, "intake_err_tls", detail)
        self.expect(self.configure(c, ca_pem=self.imap.other_ca_pem), 303)
        err, detail = self.outcome("another CA")
        self.assertEqual(err, "intake_err_tls", detail)
        self.assertIn("SSL", detail)
        self.assertEqual(self.taken(), [], "nothing read from a server not trusted")
        page = self.expect(c.get(SETTINGS), 200)
        self.assertIn_("Không xác minh được chứng chỉ của máy chủ thư", page)
        self.assertIn_("Cong Other CA", page, "the certificate trusted is named")
        self.assertNotIn_(PASS, page)
        self.check_html(page, chrome=False)

    def test_3_imaps_with_the_private_ca_reads_the_mail(self):
        c = self.admin()
        # pasted with text around it, as copied from a mail: only the certificate is kept
        pasted = "Chứng chỉ CA của Sở:\n" + self.imap.ca_pem + "\n(hết)\n"
        self.expect(self.configure(c, ca_pem=pasted), 303)
        err, detail = self.outcome("the right CA")
        self.assertEqual(err, "", detail)
        self.assertEqual(self.taken(), ["Thông báo lịch tiếp công dân"])
        stored = self.fx.sql("SELECT ca_pem FROM mail_boxes")[0][0]
        self.assertTrue(stored.startswith("-----BEGIN CERTIFICATE-----") and stored.rstrip().endswith("-----END CERTIFICATE-----"))
        self.assertNotIn("Chứng chỉ CA của Sở", stored)
        page = self.expect(c.get(SETTINGS), 200)
        self.assertIn_("Cong Test Mail CA", page)
        self.assertIn_("-----BEGIN CERTIFICATE-----", page, "the stored certificate in the field")
        audit = self.fx.sql("SELECT detail FROM audit WHERE action = 'intake.mailbox' ORDER BY id DESC LIMIT 1")[0][0]
        self.assertIn("chứng chỉ CA riêng", audit)

    def test_4_starttls_with_the_private_ca_and_refused_with_another(self):
        c = self.admin()
        starttls = "imap://127.0.0.1:%d" % self.imap.port
        self.imap.deliver(message(1))
        self.expect(self.configure(c, url=starttls, ca_pem=self.imap.other_ca_pem), 303)
        err, detail = self.outcome("STARTTLS, another CA")
        self.assertEqual(err, "intake_err_tls", detail)
        self.assertEqual(len(self.taken()), 1)
        self.expect(self.configure(c, url=starttls, ca_pem=self.imap.ca_pem), 303)
        err, detail = self.outcome("STARTTLS, the right CA")
        self.assertEqual(err, "", detail)
        self.assertEqual(self.taken()[-1], "Thư mã hóa số 1")
        # a form without the field (an older page) keeps the certificate; an empty field removes it
        self.imap.deliver(message(2))
        self.expect(self.configure(c, url=starttls, ca_pem=None, password=""), 303)
        err, detail = self.outcome("kept")
        self.assertEqual(err, "", detail)
        self.assertEqual(self.taken()[-1], "Thư mã hóa số 2")
        self.expect(self.configure(c, url=starttls, password=""), 303)
        self.assertEqual(self.fx.sql("SELECT ca_pem FROM mail_boxes")[0][0], "")
        err, detail = self.outcome("removed")
        self.assertEqual(err, "intake_err_tls", detail)
