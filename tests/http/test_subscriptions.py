"""E-mail subscriptions (issue #16, BT Đ3.1; src/model/subscription.h, docs/subscriptions.md):
the public form with its challenge, the "Nhận tin qua thư" links of list pages, double opt-in
through the SMTP sink, the immediate notice with List-Unsubscribe and the RFC 8058 one-click
POST, no more mail after it, the daily digest under a fixed clock, the address never in clear in
the database, the administrators' masked list and audited removal — SQLite and --pg."""
import email
import email.policy
import glob
import html
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse

from conglib import CongTest, ROOT, db_files, fake_server, locale_texts, module_fixture, squash
from forms_helper import challenge_fields

setUpModule, tearDownModule = module_fixture(extra_serve=("--scheduler-interval", "1"))

VI = locale_texts("vi")
EN = locale_texts("en")
SITE = "snv"


class Base(CongTest):
    def start_sink(self):
        box = os.path.join(self.fx.tmp, "mail-%d" % int(time.time() * 1000))
        os.makedirs(box)
        sink = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests", "http", "smtpsink.py"), box],
                                stdout=subprocess.PIPE, text=True)
        port = int(sink.stdout.readline())
        self.fx.set_setting("smtp_url", "smtp://127.0.0.1:%d" % port)
        self.fx.set_setting("smtp_from", "khong-tra-loi@example.gov.vn")
        self.fx.set_setting("smtp_tls", "none")
        self.addCleanup(lambda: (sink.terminate(), sink.wait(), self.fx.set_setting("smtp_url", "")))
        return box

    def mails(self, box, n, to, timeout=20):
        """The messages to TO in BOX once there are N (or after TIMEOUT): [(envelope, message)].
        Mail another test left in the outbox may arrive in BOX too: it is not counted."""
        end = time.time() + timeout
        while True:
            out = []
            for j in sorted(glob.glob(os.path.join(box, "*.json"))):
                with open(j) as f:
                    env = json.load(f)
                if env["rcpt_to"] != [to]:
                    continue
                with open(j[:-5] + ".eml", "rb") as f:
                    out.append((env, email.message_from_bytes(f.read(), policy=email.policy.default)))
            if len(out) >= n or time.time() >= end:
                return out
            time.sleep(0.3)

    def subscribe(self, client, addr, target, frequency, expect=303, answer=None, prefix=""):
        form = self.expect(client.get(prefix + "/dang-ky-nhan-tin"), 200)
        r = client.post(prefix + "/dang-ky-nhan-tin", [("email", addr), ("target", target), ("frequency", frequency)]
                        + challenge_fields(form.text, answer=answer))
        self.expect(r, expect, squash(r.text)[-300:])
        return r

    def link_in(self, msg, path):
        """The URL of the site's PATH in MSG's text."""
        m = re.search(r"(https?://\S+%s\?token=[A-Za-z0-9_.\-]+)" % re.escape(path), msg.get_body(("plain",)).get_content())
        self.assertTrue(m, "no %s link in the mail" % path)
        return m.group(1)

    def category(self, name):
        admin = self.fx.admin("admin", SITE)
        try:
            return self.fx.find_category(admin, name)[0]
        except Exception:
            return self.fx.category(admin, name)[0]

    def sub_row(self, target_key):
        rows = self.fx.sql("SELECT id, state, email, frequency FROM subscriptions WHERE target_key = ?", (target_key,))
        return rows[-1] if rows else None


class Form(Base):
    def test_the_form_and_its_links_from_list_pages(self):
        c = self.fx.client(SITE)
        r = self.page(c, "/dang-ky-nhan-tin")
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertIn_(VI["sub_title"], r)
        self.assertIn_('autocomplete="email"', r, "WCAG 1.3.5: the input says its purpose")
        self.assertIn_('name="challenge"', r, "the anti-abuse challenge")
        # a category's page links to the form pre-filled with it
        cid = self.category("Tin nhận qua thư")
        r = c.get("/chuyen-muc/x-%d" % cid)
        while r.status == 301:
            r = c.get(r.location_path)
        self.expect(r, 200)
        link = r.tree().find(".//p[@class='subscribe-link']/a")
        self.assertIsNotNone(link, "no subscribe link on the category page")
        self.assertEqual(link.text, VI["sub_link"])
        self.assertEqual(link.get("href"), "/dang-ky-nhan-tin?chuyen-muc=%d" % cid)
        r = self.page(c, link.get("href"))
        self.assertRegex(r.text, r'<option value="c:%d" selected>' % cid)
        # a kind's list too
        r = self.expect(c.get("/van-ban"), 200)
        link = r.tree().find(".//p[@class='subscribe-link']/a")
        self.assertEqual(link.get("href"), "/dang-ky-nhan-tin?loai=van-ban")
        r = self.page(c, link.get("href"))
        self.assertIn_('<option value="k:legal" selected>', r)
        # reference data is not followed: no link on the officials' list, no choice in the form
        r = self.expect(c.get("/can-bo"), 200)
        self.assertIsNone(r.tree().find(".//p[@class='subscribe-link']"), "a subscribe link on reference data")
        self.assertNotIn_('value="k:banner"', self.page(c, "/dang-ky-nhan-tin?loai=quang-cao"))

    def test_a_bad_address_is_refused_next_to_its_field_with_the_input_kept(self):
        c = self.fx.client(SITE)
        r = self.subscribe(c, "khong-phai-dia-chi-thu", "site", "weekly", expect=422)
        self.check_html(r)
        err = r.by_id("email-error")
        self.assertIsNotNone(err, "the message next to the field")
        self.assertEqual(err.text, VI["sub_email_invalid"])
        self.assertEqual(r.by_id("email").get("value"), "khong-phai-dia-chi-thu", "the input kept")
        self.assertEqual(r.by_id("email").get("aria-invalid"), "true")
        self.assertIn_('id="frequency-weekly" name="frequency" value="weekly" checked', r, "the choice kept")
        # an empty one, a target that is no one's, a wrong answer to the challenge
        r = self.subscribe(c, "", "site", "daily", expect=422)
        self.assertEqual(r.by_id("email-error").text, VI["sub_email_required"])
        r = self.subscribe(c, "ai.do@example.vn", "c:999999", "daily", expect=422)
        self.assertEqual(r.by_id("target-error").text, VI["sub_target_invalid"])
        r = self.subscribe(c, "ai.do@example.vn", "site", "daily", expect=422, answer=99)
        self.assertIn_(VI["challenge_wrong"], r)
        self.assertEqual(r.by_id("email").get("value"), "ai.do@example.vn")
        self.assertFalse(self.fx.sql("SELECT id FROM subscriptions WHERE target_key = 'c:999999'"))
        # without the CSRF token
        form = c.get("/dang-ky-nhan-tin")
        self.expect(c.post("/dang-ky-nhan-tin", [("email", "x@example.vn"), ("target", "site"), ("frequency", "daily")]
                           + challenge_fields(form.text), csrf=False), 403)

    def test_english_page_and_messages(self):
        self.fx.sql("UPDATE sites SET languages = 'en' WHERE slug = ?", (SITE,))
        self.fx.bump_cache()
        self.addCleanup(lambda: (self.fx.sql("UPDATE sites SET languages = '' WHERE slug = ?", (SITE,)),
                                 self.fx.bump_cache()))
        c = self.fx.client(SITE)
        r = self.expect(c.get("/en/dang-ky-nhan-tin"), 200)
        self.assertIn_('<html lang="en"', r)
        self.assertIn_(EN["sub_title"], r)
        self.assertIn_('action="/en/dang-ky-nhan-tin"', r)
        r = self.subscribe(c, "not-an-address", "site", "daily", expect=422, prefix="/en")
        self.assertEqual(r.by_id("email-error").text, EN["sub_email_invalid"])
        # the mail speaks the page's language, its link leads to the English page
        box = self.start_sink()
        addr = "reader.en@example.com"
        r = self.subscribe(c, addr, "site", "weekly", prefix="/en")
        self.assertEqual(r.location, "/en/dang-ky-nhan-tin?da-gui=1")
        msg = self.mails(box, 1, addr)[0][1]
        self.assertIn("Confirm your subscription to Sở Nội vụ", msg["Subject"])
        link = urllib.parse.urlsplit(self.link_in(msg, "/en/dang-ky-nhan-tin/xac-nhan"))
        r = self.expect(c.get(link.path + "?" + link.query), 200)
        self.assertIn_(EN["sub_confirm_button"], r)
        self.assertEqual(self.fx.sql("SELECT asked_lang FROM subscriptions WHERE target_key = 'site' AND asked_lang = 'en'"),
                         [("en",)])


class EndToEnd(Base):
    def test_opt_in_notice_one_click_unsubscribe_and_no_more_mail(self):
        fx = self.fx
        box = self.start_sink()
        addr = "thutin.nguyen88@example.vn"
        cid = self.category("Thông cáo báo chí")
        citizen = fx.client(SITE)
        r = self.subscribe(citizen, addr, "c:%d" % cid, "immediate")
        self.assertEqual(r.location, "/dang-ky-nhan-tin?da-gui=1")
        r = self.page(citizen, r.location)
        self.assertIn_(VI["sub_sent"], r)
        sub = self.sub_row("c:%d" % cid)
        self.assertEqual(sub[1], "pending")
        # the confirmation mail
        got = self.mails(box, 1, addr)
        self.assertEqual(len(got), 1)
        env, msg = got[0]
        self.assertEqual(env["rcpt_to"], [addr])
        self.assertIn("Xác nhận đăng ký nhận tin", msg["Subject"])
        self.assertIsNone(msg["List-Unsubscribe"], "not subscribed yet: nothing to unsubscribe from")
        confirm = self.link_in(msg, "/dang-ky-nhan-tin/xac-nhan")
        # following it shows a button (a GET changes nothing); pressing it confirms, twice is harmless
        u = urllib.parse.urlsplit(confirm)
        r = self.page(citizen, u.path + "?" + u.query)
        self.assertEqual(self.sub_row("c:%d" % cid)[1], "pending")
        token = urllib.parse.parse_qs(u.query)["token"][0]
        for _ in range(2):
            r = self.expect(citizen.post(u.path, [("token", token)]), 200)
            self.assertIn_(VI["sub_confirm_done"], r)
        self.assertEqual(self.sub_row("c:%d" % cid)[1], "active")
        r = self.expect(citizen.post(u.path, [("token", "A" * 43)]), 404)
        self.assertIn_(VI["sub_confirm_bad"], r)
        # an item published in the category: the notice comes, with the one-click headers
        editor = fx.admin("admin", SITE)
        title = "Thông cáo về kỳ thi tuyển công chức năm 2027"
        fx.article(editor, title, category_id=cid, publish=True)
        got = self.mails(box, 2, addr)
        self.assertEqual(len(got), 2, "the immediate notice")
        env, msg = got[1]
        self.assertEqual(env["rcpt_to"], [addr])
        self.assertIn(title, msg["Subject"])
        text = msg.get_body(("plain",)).get_content()
        self.assertIn(title, text)
        lu = msg["List-Unsubscribe"]
        m = re.fullmatch(r"<(https?://[^>]+/huy-nhan-tin\?token=[0-9]+\.[0-9a-f]{32})>", lu.strip())
        self.assertTrue(m, lu)
        self.assertEqual(msg["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        self.assertIn(m.group(1), text, "the link in the text too")
        # the GET shows what it would end, the address masked
        un = urllib.parse.urlsplit(m.group(1))
        r = self.page(citizen, un.path + "?" + un.query)
        self.assertIn_("t***@e***.vn", r)
        self.assertNotIn_(addr, r)
        # RFC 8058: the mail program POSTs without any cookie or CSRF token
        robot = fx.client(SITE)
        r = robot.post(un.path + "?" + un.query, [("List-Unsubscribe", "One-Click")], csrf=False)
        self.expect(r, 200, squash(r.text)[-200:])
        self.assertIn_(VI["sub_unsub_done"], r)
        self.assertEqual(self.sub_row("c:%d" % cid)[1], "unsubscribed")
        # a forged token does nothing
        bad = un.query[:-1] + ("0" if un.query[-1] != "0" else "1")
        self.expect(robot.post(un.path + "?" + bad, [("List-Unsubscribe", "One-Click")], csrf=False), 404)
        # no more mail
        fx.article(editor, "Thông cáo thứ hai sau khi ngừng nhận tin", category_id=cid, publish=True)
        time.sleep(4)
        self.assertEqual(len(self.mails(box, 3, addr, timeout=1)), 2, "mail after unsubscribing")
        # the address is nowhere in clear in the database
        time.sleep(0.5)
        for fn in db_files(fx.data):
            with open(fn, "rb") as f:
                self.assertNotIn(addr.encode(), f.read(), "the address in clear in %s" % fn)
        # the administrators: counts, masked addresses, the mail log, the removal audited
        admin = fx.admin("admin", SITE)
        r = self.page(admin, "/quan-tri/nhan-tin", chrome=False)
        self.assertIn_("t***@e***.vn", r)
        self.assertNotIn_(addr, r)
        self.assertIn_(title, r, "the mail log")
        # an approver is no site administrator; another site's administrator reaches none of it
        approver = fx.admin("duyet", SITE)
        self.expect(approver.get("/quan-tri/nhan-tin"), 403)
        self.expect(approver.post("/quan-tri/nhan-tin/%d/xoa" % sub[0]), 403)
        self.expect(fx.admin("admin", "longho").post("/quan-tri/nhan-tin/%d/xoa" % sub[0]), 404)
        self.assertTrue(fx.sql("SELECT id FROM subscriptions WHERE id = ?", (sub[0],)))
        r = self.expect(admin.post("/quan-tri/nhan-tin/%d/xoa" % sub[0]), 303)
        self.assertFalse(fx.sql("SELECT id FROM subscriptions WHERE id = ?", (sub[0],)))
        self.assertTrue(fx.sql("SELECT id FROM audit WHERE action = 'subscription.remove' AND object = ?",
                               ("subscription:%d" % sub[0],)))
        self.assertFalse(fx.sql("SELECT id FROM mail_outbox WHERE subscription_id = ?", (sub[0],)))
        # not for an editor of another site, nor without a session
        self.expect(fx.client(SITE).get("/quan-tri/nhan-tin"), 303)

    def test_resubscribing_updates_rather_than_duplicates(self):
        box = self.start_sink()
        c = self.fx.client(SITE)
        self.subscribe(c, "lap.lai@example.vn", "k:legal", "daily")
        self.subscribe(self.fx.client(SITE), "LAP.LAI@example.vn", "k:legal", "weekly")
        rows = self.fx.sql("SELECT id, asked_frequency FROM subscriptions WHERE target_key = 'k:legal'")
        self.assertEqual(len(rows), 1, rows)
        self.mails(box, 1, "lap.lai@example.vn")
        time.sleep(3)  # the outbox has had its passes
        got = self.mails(box, 2, "lap.lai@example.vn", timeout=0)
        self.assertEqual(len(got), 1, "one confirmation mail for a request repeated at once: %r"
                         % [(e["rcpt_to"], m["Subject"]) for e, m in got])


class Digest(Base):
    def test_the_daily_digest_at_its_hour_with_a_fixed_clock(self):
        fx = self.fx
        box = self.start_sink()
        addr = "bantin.hangngay@example.vn"
        cid = self.category("Tin hằng ngày")
        citizen = fx.client(SITE)
        self.subscribe(citizen, addr, "c:%d" % cid, "daily")
        msg = self.mails(box, 1, addr)[0][1]
        u = urllib.parse.urlsplit(self.link_in(msg, "/dang-ky-nhan-tin/xac-nhan"))
        self.expect(citizen.post(u.path, [("token", urllib.parse.parse_qs(u.query)["token"][0])]), 200)
        editor = fx.admin("admin", SITE)
        title = "Lịch tiếp công dân tháng 01/2027"
        fx.article(editor, title, category_id=cid, publish=True)
        time.sleep(3)
        self.assertEqual(len(self.mails(box, 2, addr, timeout=1)), 1, "a daily subscription gets no notice at once")
        # tomorrow, 07:00:05 in Vietnam: the digest, once
        vn_today = time.gmtime(time.time() + 7 * 3600)
        midnight_vn = time.mktime(time.strptime(time.strftime("%Y-%m-%d", vn_today), "%Y-%m-%d")) - time.timezone - 7 * 3600
        at = int(midnight_vn + 86400 + 7 * 3600 + 5)
        node = fake_server(fx, at, extra=["--scheduler-interval", "1"], schedule=True)
        self.addCleanup(node.stop)
        got = self.mails(box, 2, addr)
        self.assertEqual(len(got), 2, "the digest")
        env, msg = got[1]
        self.assertEqual(env["rcpt_to"], [addr])
        day = time.strftime("%d/%m/%Y", time.gmtime(at + 7 * 3600))
        self.assertIn("Bản tin ngày %s: Tin hằng ngày" % day, msg["Subject"])
        self.assertIn(title, msg.get_body(("plain",)).get_content())
        self.assertEqual(msg["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        # text and HTML (#16): one multipart/alternative message, the same items in both
        self.assertEqual(msg.get_content_type(), "multipart/alternative")
        page = msg.get_body(("html",)).get_content()
        self.assertIn(html.escape(title, quote=False), page)
        self.assertIn("/quan-ly-nhan-tin?token=", page)
        time.sleep(4)
        self.assertEqual(len(self.mails(box, 3, addr, timeout=1)), 2, "the digest went twice")


class Manage(Base):
    def test_every_mail_links_to_all_of_the_addresss_subscriptions(self):
        fx = self.fx
        box = self.start_sink()
        addr = "quan.ly@example.vn"
        citizen = fx.client(SITE)
        self.subscribe(citizen, addr, "k:legal", "immediate")
        msg = self.mails(box, 1, addr)[0][1]
        u = urllib.parse.urlsplit(self.link_in(msg, "/dang-ky-nhan-tin/xac-nhan"))
        self.expect(citizen.post(u.path, [("token", urllib.parse.parse_qs(u.query)["token"][0])]), 200)
        editor = fx.admin("admin", SITE)
        title = "Quyết định về <giá> đất & nhà năm 2027"
        fx.article(editor, title, category_id=self.category("Tin quản lý nhận tin"), publish=True)
        # an article is no legal document: nothing comes; the notice comes for a legal document
        cid = self.category("Chuyên mục theo dõi mới")
        r = self.subscribe(citizen, addr, "c:%d" % cid, "immediate")
        msg = self.mails(box, 2, addr)[1][1]
        u = urllib.parse.urlsplit(self.link_in(msg, "/dang-ky-nhan-tin/xac-nhan"))
        self.expect(citizen.post(u.path, [("token", urllib.parse.parse_qs(u.query)["token"][0])]), 200)
        fx.article(editor, title, category_id=cid, publish=True)
        got = self.mails(box, 3, addr)
        self.assertEqual(len(got), 3, "the notice")
        msg = got[2][1]
        self.assertEqual(msg.get_content_type(), "multipart/alternative")
        page = msg.get_body(("html",)).get_content()
        self.assertIn(html.escape(title, quote=True), page, "the title escaped in the HTML part")
        self.assertNotIn("<giá>", page)
        manage = self.link_in(msg, "/quan-ly-nhan-tin")
        self.assertIn(html.escape(manage), page, "the link in both parts")
        m = urllib.parse.urlsplit(manage)
        path = m.path + "?" + m.query
        token = urllib.parse.parse_qs(m.query)["token"][0]
        # the page: both subscriptions of the address, ticked, the address masked
        r = self.page(citizen, path)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertIn_("q***@e***.vn", r)
        self.assertNotIn_(addr, r)
        self.assertRegex(r.text, r'name="target" value="k:legal" checked')
        self.assertRegex(r.text, r'name="target" value="c:%d" checked' % cid)
        self.assertRegex(r.text, r'name="target" value="site">')
        # a refusal keeps what was ticked; without the CSRF token nothing happens
        r = citizen.post("/quan-ly-nhan-tin", [("token", token), ("target", "site"), ("target", "c:999999"),
                                               ("frequency", "weekly")])
        self.expect(r, 422)
        self.assertEqual(r.by_id("target-error").text, VI["sub_target_invalid"])
        self.assertRegex(r.text, r'name="target" value="site" checked')
        self.expect(fx.client(SITE).post("/quan-ly-nhan-tin", [("token", token), ("target", "site"),
                                                               ("frequency", "weekly")], csrf=False), 403)
        # the whole site, weekly, instead of the two
        r = citizen.post("/quan-ly-nhan-tin", [("token", token), ("target", "site"), ("frequency", "weekly")])
        self.expect(r, 303)
        r = self.page(citizen, r.location_path)
        self.assertIn_(VI["sub_manage_saved"], r)
        rows = dict((k, (st, f)) for k, st, f in fx.sql(
            "SELECT target_key, state, frequency FROM subscriptions WHERE target_key IN ('site', 'k:legal', ?)"
            " AND email_tag = (SELECT email_tag FROM subscriptions WHERE id = ?)", ("c:%d" % cid, int(token.split(".")[0]))))
        self.assertEqual(rows["site"], ("active", "weekly"))
        self.assertEqual(rows["k:legal"][0], "unsubscribed")
        self.assertEqual(rows["c:%d" % cid][0], "unsubscribed")
        # stop all
        r = citizen.post("/quan-ly-nhan-tin", [("token", token), ("frequency", "weekly"), ("stop", "1")])
        self.expect(r, 303)
        self.assertIn_(VI["sub_manage_stopped"], self.page(citizen, r.location_path))
        self.assertFalse(fx.sql("SELECT id FROM subscriptions WHERE state = 'active' AND email_tag ="
                                " (SELECT email_tag FROM subscriptions WHERE id = ?)", (int(token.split(".")[0]),)))
        # a touched token, another site's host: the "bad link" page
        bad = token[:-1] + ("0" if token[-1] != "0" else "1")
        r = self.expect(citizen.get("/quan-ly-nhan-tin?token=" + bad), 404)
        self.assertIn_(VI["sub_manage_bad"], r)
        self.expect(fx.client("longho").get(path), 404)

    def test_a_sites_digest_hour(self):
        fx = self.fx
        admin = fx.admin("admin", SITE)
        r = admin.post("/quan-tri/nhan-tin", [("hour", "25")])
        self.expect(r, 422)
        self.assertEqual(r.by_id("hour-error").text, VI["sub_hour_invalid"])
        self.assertEqual(r.by_id("hour").get("value"), "25", "the input kept")
        self.check_html(r, chrome=False)
        self.expect(admin.post("/quan-tri/nhan-tin", [("hour", "9")]), 303)
        self.assertEqual(fx.sql("SELECT subscription_hour FROM sites WHERE slug = ?", (SITE,)), [(9,)])
        r = self.page(admin, "/quan-tri/nhan-tin?da-luu=1", chrome=False)
        self.assertEqual(r.by_id("hour").get("value"), "9")
        self.assertTrue(fx.sql("SELECT id FROM audit WHERE action = 'subscription.hour'"))
        self.expect(fx.admin("duyet", SITE).post("/quan-tri/nhan-tin", [("hour", "6")]), 403)
        self.expect(admin.post("/quan-tri/nhan-tin", [("hour", "")]), 303)
        self.assertEqual(fx.sql("SELECT subscription_hour FROM sites WHERE slug = ?", (SITE,)), [(None,)])
