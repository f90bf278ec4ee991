"""Webhooks (docs/webhooks.md): a loopback receiver started here (Python's http.server on a free
port) records what `cong serve`'s scheduler POSTs to it and checks each delivery's HMAC-SHA256
signature with the secret the admin page shows. Publishing, updating and withdrawing items (news
and another kind) send their events, signed and with the item's API address; a receiver answering
500 gets the delivery again later, and the admin page logs both attempts; a test delivery and
"gửi lại"; another site's hook never hears this site's events; the form's refusals; only site
administrators reach the page."""
import hashlib
import hmac
import http.server
import json
import re
import threading
import time

from conglib import CongTest, module_fixture, squash, text_of

setUpModule, tearDownModule = module_fixture(extra_serve=("--scheduler-interval", "1"))


class Receiver:
    """A loopback web server recording every POST (path, headers, body); a path listed in FAIL
    answers 500 that many times before it answers 204; /chuyen-huong answers a redirect."""

    def __init__(self):
        self.got = []
        self.fail = {}
        self.lock = threading.Lock()
        rcv = self

        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_POST(self):
                n = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(n)
                if self.path == "/chuyen-huong":  # a redirect to a path that would accept it
                    with rcv.lock:
                        rcv.got.append((self.path, {}, body, 307))
                    self.send_response(307)
                    self.send_header("Location", "/snv")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                with rcv.lock:
                    left = rcv.fail.get(self.path, 0)
                    if left:
                        rcv.fail[self.path] = left - 1
                    rcv.got.append((self.path, {k.lower(): v for k, v in self.headers.items()}, body,
                                    500 if left else 204))
                self.send_response(500 if left else 204)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def on(self, path):
        with self.lock:
            return [g for g in self.got if g[0] == path]

    def wait(self, path, n, timeout=20):
        """The deliveries to PATH once there are at least N of them (fails after TIMEOUT s)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            got = self.on(path)
            if len(got) >= n:
                return got
            time.sleep(0.2)
        raise AssertionError("%d deliveries to %s expected, got %d" % (n, path, len(self.on(path))))

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def verify(test, delivery, secret):
    """Checks a delivery's signature as a receiver would (docs/webhooks.md); returns its JSON."""
    _, headers, body, _ = delivery
    ts = headers.get("x-cong-timestamp", "")
    test.assertRegex(ts, r"^\d+$", "a timestamp header")
    test.assertLess(abs(time.time() - int(ts)), 300, "the timestamp is now")
    want = "sha256=" + hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    test.assertTrue(hmac.compare_digest(headers.get("x-cong-signature", ""), want),
                    "the signature checks out: %r" % headers.get("x-cong-signature"))
    test.assertTrue(headers.get("content-type", "").startswith("application/json"))
    # a signature under another secret, or over another timestamp, does not
    wrong = "sha256=" + hmac.new(b"x" + secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    test.assertNotEqual(headers.get("x-cong-signature"), wrong)
    data = json.loads(body)
    test.assertEqual(headers.get("x-cong-event"), data["event"])
    test.assertRegex(headers.get("x-cong-delivery", ""), r"^\d+$")
    return data


def add_hook(test, client, url, events=("published", "updated", "withdrawn")):
    f = [("url", url), ("enabled", "1")] + [("ev_" + e, "1") for e in events]
    r = test.expect(client.post("/quan-tri/webhook", f), 303, "adding a hook")
    m = re.match(r"/quan-tri/webhook/(\d+)\?moi=1$", r.location_path)
    test.assertIsNotNone(m, r.location)
    return int(m.group(1))


def secret_of(test, client, hook):
    r = test.expect(client.post("/quan-tri/webhook/%d/khoa" % hook), 200, "the secret")
    test.check_html(r, chrome=False)
    code = r.by_id("webhook-secret")
    test.assertIsNotNone(code, "the secret is shown")
    s = text_of(code).strip()
    test.assertRegex(s, r"^[0-9a-f]{64}$")
    test.assertEqual(r.header("Cache-Control"), "no-store")
    return s


def log_rows(page, table_id):
    """The rows of the table TABLE_ID: lists of their cells' texts."""
    for t in page.tree().iter("table"):
        if t.get("id") == table_id:
            return [[squash(text_of(c)) for c in tr if c.tag in ("th", "td")] for tr in t.find("tbody")]
    return []


class Webhooks(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.rcv = Receiver()
        cls.news = cls.fx.category(cls.fx.admin("admin", "snv"), "Tin hoạt động")[0]
        # the receiver is on loopback, a private address the sender refuses unless allowed
        cls.fx.set_setting("webhooks_allow_private", "1")

    @classmethod
    def tearDownClass(cls):
        cls.rcv.stop()

    def test_1_the_form_refuses_bad_addresses_and_no_event(self):
        admin = self.fx.admin("admin", "snv")
        page = self.page(admin, "/quan-tri/webhook", chrome=False)
        self.assertIn_("Webhook", page)
        for bad, msg in (("ftp://example.gov.vn/hook", "http:// hoặc https://"),
                         ("file:///etc/passwd", "http:// hoặc https://"),
                         ("https://nguoi:matkhau@example.gov.vn/hook", "tên đăng nhập hoặc mật khẩu"),
                         ("", "Vui lòng nhập")):
            r = admin.post("/quan-tri/webhook", [("url", bad), ("ev_published", "1"), ("enabled", "1")])
            self.expect(r, 422, bad)
            self.check_html(r, chrome=False)
            self.assertIsNotNone(r.by_id("url-error"), "the message is next to the address")
            self.assertIn_(msg, r)
            if bad:
                self.assertEqual(r.by_id("url").get("value"), bad, "what was typed is kept")
        r = admin.post("/quan-tri/webhook", [("url", "https://nhan.example.gov.vn/hook"), ("enabled", "1")])
        self.expect(r, 422, "no event")
        self.assertIsNotNone(r.by_id("events-error"))
        self.assertIn_("Chọn ít nhất một sự kiện", r)
        self.assertEqual(self.fx.sql("SELECT count(*) FROM webhooks")[0][0], 0, "nothing was saved")

    def test_2_only_site_administrators(self):
        approver = self.fx.admin("duyet", "snv")
        self.expect(approver.get("/quan-tri/webhook"), 403, "an approver")
        self.expect(approver.post("/quan-tri/webhook", [("url", "https://x.example.gov.vn/"), ("ev_published", "1")]),
                    403, "an approver adding")
        # no CSRF token: refused
        admin = self.fx.admin("admin", "snv")
        self.expect(admin.post("/quan-tri/webhook", [("url", "https://x.example.gov.vn/"), ("ev_published", "1")],
                               csrf=False), 403, "without CSRF")

    def test_3_events_delivered_signed_and_other_sites_hear_nothing(self):
        fx, rcv = self.fx, self.rcv
        admin = fx.admin("admin", "snv")
        hook = add_hook(self, admin, rcv.url("/snv"))
        secret = secret_of(self, admin, hook)
        other_admin = fx.admin("admin", "stc")
        other = add_hook(self, other_admin, rcv.url("/stc"))
        self.assertNotEqual(secret, secret_of(self, other_admin, other), "each hook its own secret")
        # the secret is stored sealed, not in clear
        stored = fx.sql("SELECT secret FROM webhooks WHERE id = ?", (hook,))[0][0]
        self.assertNotIn(secret, stored)

        # a news article published
        aid = fx.article(admin, "Thông báo tuyển dụng viên chức năm 2026", category_id=self.news, publish=True)
        d = verify(self, rcv.wait("/snv", 1)[0], secret)
        self.assertEqual(d["event"], "published")
        self.assertEqual((d["site"], d["kind"], d["id"]), ("snv", "article", aid))
        self.assertEqual(d["title"], "Thông báo tuyển dụng viên chức năm 2026")
        self.assertRegex(d["time"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")
        self.assertTrue(d["url"].startswith("http://snv.example.gov.vn:"), d["url"])
        self.assertTrue(d["url"].endswith("/api/v1/article/%d" % aid), d["url"])
        # the address answers with the item (the API of the same site)
        api = fx.client("snv").get(re.sub(r"^https?://[^/]+", "", d["url"]))
        self.expect(api, 200, "the payload's url")
        self.assertEqual(json.loads(api.text)["id"], aid)

        # its change approved: updated, with the new title
        r = admin.post("/quan-tri/bai-viet/%d" % aid, [("title", "Thông báo tuyển dụng viên chức năm 2026 (bổ sung)"),
                                                       ("body", "Nội dung đã bổ sung."),
                                                       ("category_id", str(self.news))],
                       multipart_form=True)
        self.expect(r, 303, "editing the published article")
        fx.publish(admin, aid)
        d = verify(self, rcv.wait("/snv", 2)[1], secret)
        self.assertEqual((d["event"], d["id"]), ("updated", aid))
        self.assertEqual(d["title"], "Thông báo tuyển dụng viên chức năm 2026 (bổ sung)")

        # withdrawn
        fx.act(admin, aid, "withdraw", comment="Đăng nhầm đơn vị")
        d = verify(self, rcv.wait("/snv", 3)[2], secret)
        self.assertEqual((d["event"], d["id"]), ("withdrawn", aid))

        # another kind than news: a link
        r = admin.post("/quan-tri/lien-ket/moi", [("title", "Cổng Dịch vụ công quốc gia"), ("summary", ""), ("body", ""),
                                                   ("dia_chi", "https://dichvucong.gov.vn"), ("nhom", "khac"),
                                                   ("thu_tu", "")], multipart_form=True)
        self.expect(r, 303, "a link")
        lid = int(re.match(r"/quan-tri/lien-ket/(\d+)", r.location_path).group(1))
        for action in ("submit", "edited", "publish"):
            self.expect(admin.post("/quan-tri/lien-ket/%d/chuyen" % lid, [("action", action)]), 303, action)
        d = verify(self, rcv.wait("/snv", 4)[3], secret)
        self.assertEqual((d["event"], d["kind"], d["id"]), ("published", "link", lid))
        self.assertTrue(d["url"].endswith("/api/v1/link/%d" % lid), d["url"])

        # the other site's hook heard none of it, and its log is empty
        time.sleep(2)
        self.assertEqual(rcv.on("/stc"), [], "another site's hook never gets this site's events")
        self.assertEqual(log_rows(other_admin.get("/quan-tri/webhook"), "webhook-log"), [])
        # this site's log lists the four, delivered at the first attempt
        page = self.page(admin, "/quan-tri/webhook/%d" % hook, chrome=False)
        rows = log_rows(page, "webhook-log")
        self.assertEqual(len(rows), 4, rows)
        for row in rows:
            self.assertEqual(row[3], "Đã gửi thành công", row)
            self.assertEqual(row[4], "1", row)
            self.assertIn("HTTP 204", row[5])
        # the audit log names the hook's addition and the secret's viewing
        acts = [a for (a,) in fx.sql("SELECT action FROM audit WHERE action LIKE 'webhook.%'")]
        self.assertIn("webhook.add", acts)
        self.assertIn("webhook.secret_view", acts)

    def test_4_a_failed_delivery_is_retried_and_both_attempts_logged(self):
        fx, rcv = self.fx, self.rcv
        admin = fx.admin("admin", "snv")
        hook = add_hook(self, admin, rcv.url("/lan-dau-loi"), events=("published",))
        secret = secret_of(self, admin, hook)
        rcv.fail["/lan-dau-loi"] = 1
        aid = fx.article(admin, "Kế hoạch cải cách hành chính năm 2027", category_id=self.news, publish=True)
        first = rcv.wait("/lan-dau-loi", 1)[0]
        self.assertEqual(first[3], 500)
        # waiting for its retry, a minute later (the back-off's first step)
        deadline = time.time() + 10
        while time.time() < deadline:
            row = fx.sql("SELECT id, state, tries, next_at, last_status FROM webhook_deliveries WHERE hook_id = ?", (hook,))
            if row and row[0][2] == 1:
                break
            time.sleep(0.2)
        did, state, tries, next_at, status = row[0]
        self.assertEqual((state, tries, status), ("pending", 1, 500))
        self.assertGreaterEqual(next_at - time.time(), 40, "the retry waits about a minute")
        page = self.page(admin, "/quan-tri/webhook/lan-gui/%d" % did, chrome=False)
        self.assertEqual(text_of(page.by_id("delivery-state")).strip(), "Đang chờ gửi")
        self.assertEqual(len(log_rows(page, "webhook-attempts")), 1)
        time.sleep(2)
        self.assertEqual(len(rcv.on("/lan-dau-loi")), 1, "not sent again before its time")
        # the minute passes (the delivery's time moved back, as the clock would)
        fx.sql("UPDATE webhook_deliveries SET next_at = next_at - 120 WHERE id = ?", (did,))
        second = rcv.wait("/lan-dau-loi", 2)[1]
        self.assertEqual(second[3], 204)
        d1, d2 = verify(self, first, secret), verify(self, second, secret)
        self.assertEqual(d1, d2, "the same body")
        self.assertEqual(d2["id"], aid)
        self.assertEqual(first[1]["x-cong-delivery"], second[1]["x-cong-delivery"], "the same delivery number")
        # the log shows both attempts, the first with its error, and the delivery done
        deadline = time.time() + 10
        while time.time() < deadline:
            page = self.page(admin, "/quan-tri/webhook/lan-gui/%d" % did, chrome=False)
            if text_of(page.by_id("delivery-state")).strip() == "Đã gửi thành công":
                break
            time.sleep(0.3)
        self.assertEqual(text_of(page.by_id("delivery-state")).strip(), "Đã gửi thành công")
        attempts = log_rows(page, "webhook-attempts")
        self.assertEqual([a[2] for a in attempts], ["500", "204"], attempts)
        self.assertIn("HTTP 500", attempts[0][4])
        self.assertIn_("Kế hoạch cải cách hành chính năm 2027", page, "the body sent is shown")
        listed = [r for r in log_rows(self.page(admin, "/quan-tri/webhook", chrome=False), "webhook-log")
                  if "/lan-dau-loi" in r[2]]
        self.assertEqual(len(listed), 1)
        self.assertEqual(listed[0][4], "2", "two attempts on the site's list")

    def test_5_test_delivery_and_send_again(self):
        fx, rcv = self.fx, self.rcv
        admin = fx.admin("admin", "snv")
        hook = add_hook(self, admin, rcv.url("/thu"), events=("withdrawn",))
        secret = secret_of(self, admin, hook)
        rcv.fail["/thu"] = 1
        r = self.expect(admin.post("/quan-tri/webhook/%d/thu" % hook), 303, "a test")
        d = verify(self, rcv.wait("/thu", 1)[0], secret)
        self.assertEqual((d["event"], d["site"]), ("ping", "snv"))
        deadline = time.time() + 10
        while time.time() < deadline:
            row = fx.sql("SELECT id, tries FROM webhook_deliveries WHERE hook_id = ?", (hook,))
            if row and row[0][1] == 1:
                break
            time.sleep(0.2)
        did = row[0][0]
        # "gửi lại": sent at once, not a minute later
        r = self.expect(admin.post("/quan-tri/webhook/lan-gui/%d/gui-lai" % did), 303, "send again")
        verify(self, rcv.wait("/thu", 2)[1], secret)
        # a new secret: the next delivery is signed with it, not with the old one
        r = self.expect(admin.post("/quan-tri/webhook/%d/doi-khoa" % hook), 200, "a new secret")
        fresh = text_of(r.by_id("webhook-secret")).strip()
        self.assertNotEqual(fresh, secret)
        self.expect(admin.post("/quan-tri/webhook/%d/thu" % hook), 303)
        verify(self, rcv.wait("/thu", 3)[2], fresh)
        # another site's board cannot send it again, nor see the hook
        self.expect(fx.admin("admin", "stc").post("/quan-tri/webhook/lan-gui/%d/gui-lai" % did), 404)
        self.expect(fx.admin("admin", "stc").get("/quan-tri/webhook/%d" % hook), 404)

    def test_6_paused_and_deleted_hooks_hear_nothing(self):
        fx, rcv = self.fx, self.rcv
        admin = fx.admin("admin", "snv")
        hook = add_hook(self, admin, rcv.url("/tam-dung"))
        r = admin.post("/quan-tri/webhook/%d" % hook, [("url", rcv.url("/tam-dung")), ("ev_published", "1")])
        self.expect(r, 303, "paused")
        fx.article(admin, "Lịch tiếp công dân tháng 12", category_id=self.news, publish=True)
        time.sleep(3)
        self.assertEqual(rcv.on("/tam-dung"), [], "a paused hook is not told")
        self.expect(admin.post("/quan-tri/webhook/%d/xoa" % hook), 303, "deleted")
        self.expect(admin.get("/quan-tri/webhook/%d" % hook), 404)
        self.assertEqual(fx.sql("SELECT count(*) FROM webhook_deliveries WHERE hook_id = ?", (hook,))[0][0], 0)
        acts = [a for (a,) in fx.sql("SELECT action FROM audit WHERE action IN ('webhook.disable', 'webhook.delete')")]
        self.assertEqual(sorted(acts), ["webhook.delete", "webhook.disable"])

    def test_7_private_addresses_and_redirects_are_not_followed(self):
        fx, rcv = self.fx, self.rcv
        admin = fx.admin("admin", "snv")
        # without the setting, loopback is a private address: nothing reaches the receiver
        fx.set_setting("webhooks_allow_private", "0")
        try:
            hook = add_hook(self, admin, rcv.url("/noi-bo"))
            self.expect(admin.post("/quan-tri/webhook/%d/thu" % hook), 303)
            deadline = time.time() + 10
            row = []
            while time.time() < deadline:
                row = fx.sql("SELECT id, tries, last_error FROM webhook_deliveries WHERE hook_id = ?", (hook,))
                if row and row[0][1] == 1:
                    break
                time.sleep(0.2)
            self.assertEqual(row[0][1], 1, "one attempt made")
            self.assertIn("private network", row[0][2])
            self.assertEqual(rcv.on("/noi-bo"), [], "the private address was not reached")
            page = self.page(admin, "/quan-tri/webhook/lan-gui/%d" % row[0][0], chrome=False)
            self.assertIn("private network", log_rows(page, "webhook-attempts")[0][4])
        finally:
            fx.set_setting("webhooks_allow_private", "1")
        # a redirect is an answer, not a delivery: the target is not asked
        n = len(rcv.on("/snv"))
        hook = add_hook(self, admin, rcv.url("/chuyen-huong"))
        self.expect(admin.post("/quan-tri/webhook/%d/thu" % hook), 303)
        rcv.wait("/chuyen-huong", 1)
        deadline = time.time() + 10
        while time.time() < deadline:
            row = fx.sql("SELECT tries, last_status, state FROM webhook_deliveries WHERE hook_id = ?", (hook,))
            if row and row[0][0] == 1:
                break
            time.sleep(0.2)
        self.assertEqual(row[0], (1, 307, "pending"), "to be tried again later")
        self.assertEqual(len(rcv.on("/snv")), n, "the redirect was not followed")
