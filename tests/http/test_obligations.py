"""Information obligations and requests, editorial boards and focal points (issue #17; VP Đ5, ĐT
Đ13.4, Đ24.5, VL Đ29.3, BT Đ22.10; docs/obligations.md, docs/boards.md): the obligations' table
per site, a period recorded by the providing unit's board, the report per unit and the due list;
a request's whole life (sent, seen, answered, closed) with a mail through the SMTP sink at every
step, another unit's board seeing none of it, the overdue mail under a fixed clock (libfaketime);
a board's members, decision with its file, focal point (sealed at rest) and history; the
provincial office's list with its flags and its XLSX read back with openpyxl; the refusals with
their Vietnamese messages next to the fields and the input kept — SQLite and --pg."""
import datetime
import email
import email.policy
import glob
import io
import json
import os
import re
import subprocess
import sys
import time

import openpyxl

from conglib import (CongTest, Client, NEW_PASSWORD, PASSWORD, ROOT, fake_server, host_of, locale_texts,
                     module_fixture, squash, text_of)

setUpModule, tearDownModule = module_fixture(extra_serve=("--scheduler-interval", "1"))

VI = locale_texts("vi")
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")
MAIN_MAIL = "bbt.tinh@example.gov.vn"
UNIT_MAIL = "bbt.longho@example.gov.vn"
VN = datetime.timezone(datetime.timedelta(hours=7))


def today_vn():
    return datetime.datetime.now(VN).date()


class Base(CongTest):
    users_added = False

    def setUp(self):
        fx = self.fx
        if not Base.users_added:
            fx.add_user("btv_tinh", "editor", self.main_slug())
            fx.add_user("qt_snv", "siteadmin", "snv")
            Base.users_added = True

    def main_slug(self):
        return self.fx.sql("SELECT slug FROM sites WHERE kind = 'main'")[0][0]

    def site_id(self, slug):
        return int(self.fx.sql("SELECT id FROM sites WHERE slug = ?", (slug,))[0][0])

    def main_board(self):
        return self.fx.admin("btv_tinh", None)

    def unit_board(self):
        return self.fx.admin("bientap", "longho")

    def start_sink(self):
        box = os.path.join(self.fx.tmp, "mail-%d" % int(time.time() * 1000))
        os.makedirs(box)
        sink = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests", "http", "smtpsink.py"), box],
                                stdout=subprocess.PIPE, text=True)
        port = int(sink.stdout.readline())
        self.fx.set_setting("smtp_url", "smtp://127.0.0.1:%d" % port)
        self.fx.set_setting("smtp_from", "khong-tra-loi@example.gov.vn")
        self.fx.set_setting("smtp_tls", "none")
        self.fx.sql("UPDATE sites SET email = ? WHERE kind = 'main'", (MAIN_MAIL,))
        self.fx.sql("UPDATE sites SET email = ? WHERE slug = 'longho'", (UNIT_MAIL,))
        self.addCleanup(lambda: (sink.terminate(), sink.wait(), self.fx.set_setting("smtp_url", "")))
        return box

    def mails(self, box, to, subject, n=1, timeout=20):
        """The messages to TO whose subject starts with SUBJECT once there are N (or after TIMEOUT)."""
        end = time.time() + timeout
        while True:
            out = []
            for j in sorted(glob.glob(os.path.join(box, "*.json"))):
                with open(j) as f:
                    env = json.load(f)
                if env["rcpt_to"] != [to]:
                    continue
                with open(j[:-5] + ".eml", "rb") as f:
                    msg = email.message_from_bytes(f.read(), policy=email.policy.default)
                if str(msg["Subject"]).startswith(subject):
                    out.append(msg)
            if len(out) >= n or time.time() >= end:
                return out
            time.sleep(0.3)

    def error_of(self, r, ident):
        el = r.by_id(ident)
        self.assertIsNotNone(el, "%r: no #%s" % (r, ident))
        return squash(text_of(el))


class TestObligations(Base):
    def test_table_provision_by_the_unit_report_and_due_list(self):
        fx = self.fx
        admin = fx.admin("admin", "snv")
        longho = self.site_id("longho")
        r = self.expect(admin.get("/quan-tri/nghia-vu"), 200)
        self.check_html(r)
        # refused: the message next to each field, the input kept
        r = self.expect(admin.post("/quan-tri/nghia-vu", [
            ("provider", "site:%d" % longho), ("kind", "statistics"), ("what", ""), ("basis", "VP Đ5.1.c"),
            ("period", "quarter"), ("workdays", "mười"), ("starts", "")]), 422)
        self.check_html(r)
        self.assertEqual(self.error_of(r, "what-error"), VI["required"])
        self.assertEqual(self.error_of(r, "workdays-error"), VI["obl_workdays_invalid"])
        self.assertEqual(r.by_id("workdays").get("value"), "mười")
        self.assertEqual(r.by_id("basis").get("value"), "VP Đ5.1.c")
        chosen = [o.get("value") for o in r.by_id("provider").iter("option") if o.get("selected") is not None]
        self.assertEqual(chosen, ["site:%d" % longho])
        # a year of quarters: the periods that have ended are to be provided
        t = today_vn()
        starts = datetime.date(t.year - 1, 1, 1)
        what = "Báo cáo tình hình kinh tế - xã hội của huyện"
        self.expect(admin.post("/quan-tri/nghia-vu", [
            ("provider", "site:%d" % longho), ("kind", "statistics"), ("what", what), ("basis", "VP Đ5.1.c"),
            ("period", "quarter"), ("workdays", "5"), ("starts", starts.isoformat())]), 303)
        oid = int(fx.sql("SELECT id FROM obligations WHERE what = ?", (what,))[0][0])
        self.assertIn_(what, admin.get("/quan-tri/nghia-vu"))
        # an approver is not an administrator: the route refuses
        self.expect(fx.admin("duyet", "snv").post("/quan-tri/nghia-vu", [("what", "x")]), 403)
        # the providing unit's board sees what it owes and records the oldest quarter
        unit = self.unit_board()
        r = self.expect(unit.get("/quan-tri/nghia-vu"), 200)
        self.assertIn_(what, r, "the unit's list of what it owes")
        r = self.expect(unit.get("/quan-tri/nghia-vu/%d" % oid), 200)
        self.check_html(r)
        options = [o.get("value") for o in r.by_id("period-p").iter("option")]
        self.assertGreaterEqual(len(options), 4, "four quarters or more have ended")
        oldest = options[-1]
        r = self.expect(unit.post("/quan-tri/nghia-vu/%d/cung-cap" % oid, [("period", oldest), ("item", ""), ("note", "")]), 422)
        self.assertEqual(self.error_of(r, "item-error"), VI["obl_item_or_note"])
        chosen = [o.get("value") for o in r.by_id("period-p").iter("option") if o.get("selected") is not None]
        self.assertEqual(chosen, [oldest], "the period chosen is kept")
        self.assertIsNone(r.by_id("what-error"), "the edit form is not marked")
        self.expect(unit.post("/quan-tri/nghia-vu/%d/cung-cap" % oid,
                              [("period", oldest), ("item", ""), ("note", "Báo cáo số 15/BC-UBND gửi qua thư")]), 303)
        r = self.expect(unit.get("/quan-tri/nghia-vu/%d" % oid), 200)
        self.assertIn_(VI["obl_state_late"], r, "a year-old quarter recorded today is late")
        self.assertEqual(int(fx.sql("SELECT count(*) FROM audit WHERE action = 'obligation.provide'")[0][0]), 1)
        # the receiving site's board sees it; an account without a role on a site reaches nothing there
        self.expect(fx.admin("duyet", "snv").get("/quan-tri/nghia-vu/%d" % oid), 200)
        self.expect(fx.admin("qt_snv", "snv").clone(host_of("stc")).get("/quan-tri/nghia-vu/%d" % oid), 403)
        # its administrators edit it: the period kept, switched off and on again
        r = self.expect(admin.get("/quan-tri/nghia-vu/%d" % oid), 200)
        self.check_html(r)
        chosen = [o.get("value") for o in r.by_id("period").iter("option") if o.get("selected") is not None]
        self.assertEqual(chosen, ["quarter"])
        form = [("provider", "site:%d" % longho), ("kind", "statistics"), ("what", what), ("basis", "VP Đ5.1.c"),
                ("period", "quarter"), ("workdays", "5"), ("starts", starts.isoformat())]
        self.expect(admin.post("/quan-tri/nghia-vu/%d" % oid, form), 303)
        self.assertEqual(int(fx.sql("SELECT active FROM obligations WHERE id = ?", (oid,))[0][0]), 0)
        self.expect(admin.post("/quan-tri/nghia-vu/%d" % oid, form + [("active", "1")]), 303)
        self.assertEqual(int(fx.sql("SELECT active FROM obligations WHERE id = ?", (oid,))[0][0]), 1)
        self.expect(unit.post("/quan-tri/nghia-vu/%d" % oid, form + [("active", "1")]), 403)
        # the report per unit: the counts are those of the periods' table
        r = self.expect(admin.get("/quan-tri/nghia-vu/bao-cao?tu=%s&den=%s" % (starts.isoformat(), t.isoformat())), 200)
        self.check_html(r)
        rows = [[squash(text_of(c)) for c in tr] for tr in r.tree().iter("tr")]
        row = [x for x in rows if x and x[0] == "Huyện Long Hồ"]
        self.assertEqual(len(row), 1, rows)
        expected, on_time, late, missing, pending = [int(v) for v in row[0][2:7]]
        self.assertEqual((on_time, late), (0, 1))
        self.assertGreaterEqual(expected, 4)
        self.assertEqual(missing + pending, expected - 1)
        # the province's report on the main portal names the receiving site
        main = fx.admin("btv_tinh", None)
        r = self.expect(main.get("/quan-tri/nghia-vu/bao-cao?pham-vi=tinh&tu=%s&den=%s" % (starts.isoformat(), t.isoformat())), 200)
        self.check_html(r)
        rows = [[squash(text_of(c)) for c in tr] for tr in r.tree().iter("tr")]
        self.assertEqual([x[1] for x in rows if x and x[0] == "Huyện Long Hồ"], ["Sở Nội vụ"])
        r = self.expect(main.get("/quan-tri/nghia-vu/bao-cao?tu=%s&den=%s" % (starts.isoformat(), t.isoformat())), 200)
        self.assertFalse([x for x in [[squash(text_of(c)) for c in tr] for tr in r.tree().iter("tr")] if x and x[0] == "Huyện Long Hồ"],
                         "the main portal's own report has none of Sở Nội vụ's obligations")
        r = self.expect(admin.get("/quan-tri/nghia-vu/bao-cao?tu=2026-13-01"), 422)
        self.assertEqual(self.error_of(r, "tu-error"), VI["obl_day_invalid"])
        # the quarters not provided are on the receiving site's due list, overdue
        r = self.expect(admin.get("/quan-tri/han-cap-nhat"), 200)
        section = r.by_id("ds-qua-han")
        self.assertIn(what, squash(text_of(section)))


class TestRequests(Base):
    def test_life_cycle_with_mail_at_each_step_and_other_units_see_nothing(self):
        fx = self.fx
        box = self.start_sink()
        board = self.main_board()
        longho = self.site_id("longho")
        r = self.expect(board.get("/quan-tri/yeu-cau"), 200)
        self.check_html(r)
        what = "Danh sách dự án kêu gọi đầu tư năm 2027 của huyện"
        why = "Đăng lên chuyên mục Đầu tư của Cổng tỉnh (VP Đ5.2.c)"
        yesterday = (today_vn() - datetime.timedelta(days=1)).isoformat()
        r = self.expect(board.post("/quan-tri/yeu-cau", [("to_site", str(longho)), ("what", what), ("why", why),
                                                          ("due", yesterday)]), 422)
        self.check_html(r)
        self.assertEqual(self.error_of(r, "due-error"), VI["req_due_past"])
        self.assertEqual(squash(text_of(r.by_id("what"))), what, "the input kept")
        due = (today_vn() + datetime.timedelta(days=10)).isoformat()
        self.expect(board.post("/quan-tri/yeu-cau", [("to_site", str(longho)), ("what", what), ("why", why), ("due", due)]), 303)
        rid = int(fx.sql("SELECT id FROM board_requests WHERE what = ?", (what,))[0][0])
        got = self.mails(box, UNIT_MAIL, VI["req_mail_sent_subject"])
        self.assertEqual(len(got), 1, "the unit's board is told")
        body = got[0].get_body(("plain",)).get_content()
        self.assertIn(what, body)
        self.assertIn(why, body)
        self.assertIn("http://longho.example.gov.vn:%d/quan-tri/yeu-cau/%d" % (fx.port, rid), body, "a link to the unit's admin")
        # beside the text, its HTML alternative (multipart/alternative, as the subscriptions' mail)
        self.assertEqual(got[0].get_content_type(), "multipart/alternative")
        html = got[0].get_body(("html",)).get_content()
        self.assertIn('<html lang="vi">', html)
        self.assertIn('<a href="http://longho.example.gov.vn:%d/quan-tri/yeu-cau/%d">%s</a>'
                      % (fx.port, rid, VI["req_mail_open"]), html)
        self.assertIn("<td style=\"white-space:pre-line;padding:4px 0\">%s</td>" % what, html)
        self.assertIn(VI["req_mail_why"], html)
        # a unit's board cannot send; another unit's board sees nothing
        self.expect(self.unit_board().post("/quan-tri/yeu-cau", [("to_site", str(longho)), ("what", "x"), ("why", "y"),
                                                                  ("due", due)]), 403)
        other = fx.admin("duyet", "snv")
        self.assertNotIn_(what, self.expect(other.get("/quan-tri/yeu-cau"), 200))
        self.expect(other.get("/quan-tri/yeu-cau/%d" % rid), 404)
        # the unit's board sees it: seen, the sender told
        unit = self.unit_board()
        self.assertIn_(what, self.expect(unit.get("/quan-tri/yeu-cau"), 200))
        r = self.expect(unit.get("/quan-tri/yeu-cau/%d" % rid), 200)
        self.check_html(r)
        self.assertEqual(squash(text_of(r.by_id("trang-thai"))), VI["req_state_seen"])
        self.assertIn_('href="/quan-tri/bai-viet/moi"', r, "a new item may be written for the answer")
        self.assertEqual(len(self.mails(box, MAIN_MAIL, VI["req_mail_seen_subject"])), 1)
        # answered with an item of the unit's site and a reply
        cid = fx.category(unit, "Kêu gọi đầu tư")[0]
        aid = fx.article(unit, "Danh mục dự án kêu gọi đầu tư 2027", category_id=cid)
        r = self.expect(unit.post("/quan-tri/yeu-cau/%d/tra-loi" % rid, [("reply", "")]), 422)
        self.assertEqual(self.error_of(r, "reply-error"), VI["req_reply_required"])
        self.expect(unit.post("/quan-tri/yeu-cau/%d/tra-loi" % rid, [("items", str(aid)),
                                                                    ("reply", "Gửi kèm danh mục <đợt 1> & phụ lục.")]), 303)
        got = self.mails(box, MAIN_MAIL, VI["req_mail_answered_subject"])
        self.assertEqual(len(got), 1)
        self.assertIn("Gửi kèm danh mục <đợt 1> & phụ lục.", got[0].get_body(("plain",)).get_content())
        html = got[0].get_body(("html",)).get_content()
        self.assertIn("Gửi kèm danh mục &lt;đợt 1&gt; &amp; phụ lục.", html, "the reply escaped in the HTML")
        self.assertNotIn("<đợt 1>", html)
        self.assertRegex(html, r'<a href="http://[^"/]+/quan-tri/yeu-cau/%d">' % rid, "a link to the main board's admin")
        self.assertNotIn("longho.example.gov.vn", html, "not to the unit's")
        r = self.expect(board.get("/quan-tri/yeu-cau/%d" % rid), 200)
        self.assertEqual(squash(text_of(r.by_id("trang-thai"))), VI["req_state_answered"])
        self.assertIn_("Danh mục dự án kêu gọi đầu tư 2027", r, "the linked item")
        # the unit cannot close it; the main board does, and the unit is told
        self.expect(unit.post("/quan-tri/yeu-cau/%d/dong" % rid), 403)
        self.expect(board.post("/quan-tri/yeu-cau/%d/dong" % rid), 303)
        self.assertEqual(len(self.mails(box, UNIT_MAIL, VI["req_mail_closed_subject"])), 1)
        actions = [a for (a,) in fx.sql("SELECT action FROM audit WHERE object = ? ORDER BY id", ("request:%d" % rid,))]
        self.assertEqual(actions, ["request.send", "request.seen", "request.answer", "request.close"])

    def test_overdue_on_the_lists_and_mailed_once_with_a_fixed_clock(self):
        fx = self.fx
        box = self.start_sink()
        board = self.main_board()
        what = "Số liệu tiếp nhận hồ sơ một cửa tháng này"
        self.expect(board.post("/quan-tri/yeu-cau", [("to_site", str(self.site_id("longho"))), ("what", what),
                                                      ("why", "Báo cáo UBND tỉnh"), ("due", today_vn().isoformat())]), 303)
        # three days later the scheduler tells both boards, once
        at = int(time.time()) + 3 * 86400
        node = fake_server(fx, at, extra=["--scheduler-interval", "1"], schedule=True)
        self.addCleanup(node.stop)
        self.assertEqual(len(self.mails(box, UNIT_MAIL, VI["req_mail_overdue_subject"])), 1)
        self.assertEqual(len(self.mails(box, MAIN_MAIL, VI["req_mail_overdue_subject"])), 1)
        # on the faked day the request is on the main board's overdue list
        c = Client(node, host_of(None))
        r = c.signin("btv_tinh", NEW_PASSWORD)
        if r.status != 303:
            r = c.signin("btv_tinh", PASSWORD)
        self.assertEqual(r.status, 303)
        r = self.expect(c.get("/quan-tri/han-cap-nhat"), 200)
        self.assertIn(what, squash(text_of(r.by_id("ds-qua-han"))))
        r = self.expect(c.get("/quan-tri/yeu-cau"), 200)
        self.assertIn_(VI["req_state_overdue"], r)
        time.sleep(3)
        self.assertEqual(len(self.mails(box, UNIT_MAIL, VI["req_mail_overdue_subject"], n=2, timeout=1)), 1, "once")


class TestBoards(Base):
    def test_board_decision_focal_point_history_and_permissions(self):
        fx = self.fx
        admin = fx.admin("admin", "snv")
        r = self.expect(admin.get("/quan-tri/ban-bien-tap"), 200)
        self.check_html(r)
        r = self.expect(admin.post("/quan-tri/ban-bien-tap/dau-moi", [
            ("name", "Lê Văn Cường"), ("unit", "Trung tâm CNTT"), ("phone", "12ab"), ("email", "khong-phai-thu")]), 422)
        self.check_html(r)
        self.assertEqual(self.error_of(r, "f-phone-error"), VI["board_phone_invalid"])
        self.assertEqual(self.error_of(r, "f-email-error"), VI["board_email_invalid"])
        self.assertEqual(r.by_id("f-name").get("value"), "Lê Văn Cường")
        self.assertEqual(r.by_id("f-phone").get("value"), "12ab")
        self.expect(admin.post("/quan-tri/ban-bien-tap/quyet-dinh", [
            ("number", "125/QĐ-SNV"), ("signed_day", "2026-05-20"), ("signer", "Nguyễn Văn Bảy")],
            files=[("file", "quyet-dinh-125.pdf", "application/pdf", PDF)]), 303)
        did = int(fx.sql("SELECT id FROM board_decisions WHERE number = '125/QĐ-SNV'")[0][0])
        self.assertIsNotNone(fx.sql("SELECT media_id FROM board_decisions WHERE id = ?", (did,))[0][0])
        r = self.expect(admin.post("/quan-tri/ban-bien-tap/quyet-dinh", [
            ("number", "1/QĐ"), ("signed_day", "2099-01-01"), ("signer", "X")]), 422)
        self.assertEqual(self.error_of(r, "d-signed-error"), VI["board_day_future"])
        self.expect(admin.post("/quan-tri/ban-bien-tap/thanh-vien", [
            ("name", "Trần Thị Bích"), ("position", "Phó Giám đốc Sở"), ("role", "truong-ban"), ("decision", str(did))]), 303)
        self.expect(admin.post("/quan-tri/ban-bien-tap/dau-moi", [
            ("name", "Lê Văn Cường"), ("unit", "Trung tâm CNTT"), ("phone", "0270 3822 999"),
            ("email", "le.van.cuong@example.gov.vn")]), 303)
        r = self.expect(admin.get("/quan-tri/ban-bien-tap"), 200)
        self.check_html(r)
        self.assertIn_("Trần Thị Bích", r)
        self.assertIn_(VI["board_role_truong-ban"], r)
        self.assertRegex(r.text, r'<a href="/tep/[0-9a-f]{64}\.pdf">')
        self.assertIn_("le.van.cuong@example.gov.vn", r)
        self.assertIn_(VI["board_hist_focal_add"], r)
        self.assertIn_(VI["board_hist_member_add"], r)
        self.assertIn_(VI["board_hist_decision_add"], r)
        # at rest the focal point is sealed, in its record and its history
        snv = self.site_id("snv")
        self.assertNotIn("le.van.cuong", fx.sql("SELECT sealed FROM focal_points WHERE site_id = ?", (snv,))[0][0])
        for (snap,) in fx.sql("SELECT snapshot FROM board_history WHERE site_id = ? AND what = 'focal'", (snv,)):
            self.assertNotIn("0270", snap)
        # another site's editor sees its own board without the forms, and may not change it
        unit = self.unit_board()
        r = self.expect(unit.get("/quan-tri/ban-bien-tap"), 200)
        self.assertNotIn_('action="/quan-tri/ban-bien-tap/dau-moi"', r)
        self.expect(unit.post("/quan-tri/ban-bien-tap/dau-moi", [("name", "x")]), 403)

    def test_province_list_flags_and_xlsx(self):
        fx = self.fx
        admin = fx.admin("admin", "stc")
        self.expect(admin.post("/quan-tri/ban-bien-tap/dau-moi", [
            ("name", "Phạm Thị Dung"), ("unit", "Văn phòng Sở"), ("phone", "0270 3 811 222"),
            ("email", "pham.dung@example.gov.vn")]), 303)
        # a component site's administrator does not see the province's list
        self.expect(fx.admin("qt_snv", "snv").get("/quan-tri/ban-bien-tap/toan-tinh"), 403)
        main = fx.admin("admin", None)
        r = self.expect(main.get("/quan-tri/ban-bien-tap/toan-tinh"), 200)
        self.check_html(r)
        rows = {squash(text_of(tr.find("th"))): [squash(text_of(td)) for td in tr.findall("td")]
                for tr in r.tree().iter("tr") if tr.find("th") is not None and tr.findall("td")}
        self.assertIn("Sở Tài chính", rows)
        self.assertIn("pham.dung@example.gov.vn", rows["Sở Tài chính"])
        self.assertEqual(rows["Sở Tài chính"][-1], "", "recorded today: not flagged")
        self.assertEqual(rows["Xã Châu Thành"][-1], VI["board_flag_empty"])
        # the spreadsheet, read back
        x = self.expect(main.get("/quan-tri/ban-bien-tap/toan-tinh.xlsx"), 200)
        wb = openpyxl.load_workbook(io.BytesIO(x.body))
        ws = wb.active
        data = [[c if c is not None else "" for c in row] for row in ws.iter_rows(values_only=True)]
        self.assertEqual(data[0][0], VI["board_col_site"])
        self.assertEqual(data[0][9], VI["board_col_email"])
        stc = [d for d in data if d[0] == "Sở Tài chính"][0]
        self.assertEqual((stc[6], stc[8], stc[9], stc[11]), ("Phạm Thị Dung", "0270 3 811 222", "pham.dung@example.gov.vn", ""))
        self.assertEqual([d for d in data if d[0] == "Xã Châu Thành"][0][11], VI["board_flag_empty"])
        self.assertEqual(len(data) - 1, int(fx.sql("SELECT count(*) FROM sites")[0][0]))
        self.assertEqual(int(fx.sql("SELECT count(*) FROM audit WHERE action = 'board.export'")[0][0]), 1, "the export audited")
        # older than the setting: flagged; a longer setting lifts it
        stc_id = self.site_id("stc")
        fx.sql("UPDATE board_history SET at = at - 400 * 86400 WHERE site_id = ?", (stc_id,))
        r = self.expect(main.get("/quan-tri/ban-bien-tap/toan-tinh"), 200)
        self.assertIn_(VI["board_flag_stale"], r)
        r = self.expect(main.post("/quan-tri/ban-bien-tap/toan-tinh", [("days", "mười")]), 422)
        self.assertEqual(self.error_of(r, "days-error"), VI["board_days_invalid"])
        self.assertEqual(r.by_id("days").get("value"), "mười")
        self.expect(fx.admin("qt_snv", "snv").clone(host_of(None)).post("/quan-tri/ban-bien-tap/toan-tinh", [("days", "500")]), 403)
        self.expect(main.post("/quan-tri/ban-bien-tap/toan-tinh", [("days", "500")]), 303)
        x = self.expect(main.get("/quan-tri/ban-bien-tap/toan-tinh.xlsx"), 200)
        ws = openpyxl.load_workbook(io.BytesIO(x.body)).active
        stc = [row for row in ws.iter_rows(values_only=True) if row[0] == "Sở Tài chính"][0]
        self.assertIn(stc[11], ("", None))
