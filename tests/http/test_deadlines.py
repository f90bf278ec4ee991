"""Update deadlines (issue #7): the due time an editor sees while editing, the lists of what is
due and overdue (a site's and the province's), the compliance report with its SVG chart and its
CSV/XLSX exports, the rules per site and per category, the periodic review, and the daily
reminder e-mail through a local SMTP sink (sent by the server's scheduler, then `cong remind`)."""
import datetime
import glob
import json
import os
import subprocess
import sys
import time
import zipfile
import io

from conglib import CongTest, ROOT, SNV_INFO, cong, locale_texts, module_fixture, squash, text_of

setUpModule, tearDownModule = module_fixture()

VI = locale_texts("vi")

CATEGORY = {}
VN = datetime.timezone(datetime.timedelta(hours=7))


def today_vn():
    return datetime.datetime.now(VN).date()


def add_working_days(day, n):
    """`cong calendar --add`: the calendar under test, used for the expected dates."""
    return cong("calendar", "--add", day.isoformat(), str(n)).strip()


def vn_date(iso):
    y, m, d = iso.split("-")
    return "%s/%s/%s" % (d, m, y)


class Base(CongTest):
    def approver(self):
        return self.fx.admin("duyet", "snv")

    def default_category(self):
        if "cat" not in CATEGORY:
            CATEGORY["cat"] = self.fx.category(self.approver(), "Thông báo chung")[0]
        return CATEGORY["cat"]

    def item(self, title, received, kind="", expect=303, category_id=None, **extra):
        """An article of the approver on snv received at RECEIVED (a datetime-local string)."""
        return self.fx.article(self.approver(), title, intake_unit="UBND tỉnh", intake_received_at=received,
                               deadline_kind=kind, expect=expect, category_id=category_id or self.default_category(),
                               **extra)


class Editing(Base):
    def test_the_editor_sees_the_due_time(self):
        received = today_vn() - datetime.timedelta(days=1)
        aid = self.item("Quyết định về cải cách hành chính", received.isoformat() + "T09:00", "van-ban-tinh")
        r = self.expect(self.approver().get("/quan-tri/bai-viet/%d" % aid), 200)
        self.check_html(r, chrome=False)
        line = squash(text_of(r.by_id("han-cap-nhat")))
        want = vn_date(add_working_days(received, 2))
        self.assertIn("Hạn cập nhật: %s 23:59" % want, line)
        self.assertIn("2 ngày làm việc", line)
        sel = r.by_id("deadline_kind")
        chosen = [o.get("value") for o in sel.iter("option") if o.get("selected") is not None]
        self.assertEqual(chosen, ["van-ban-tinh"])
        # back to the category's kind ("khac": 5 working days)
        r = self.approver().post("/quan-tri/bai-viet/%d" % aid, [("title", "Quyết định về cải cách hành chính"),
                                 ("body", "Nội dung."), ("intake_received_at", received.isoformat() + "T09:00"),
                                 ("category_id", str(self.default_category())),
                                 ("deadline_kind", ""), ("save", "1")], multipart_form=True)
        self.expect(r, 303)
        r = self.approver().get("/quan-tri/bai-viet/%d" % aid)
        self.assertIn("Hạn cập nhật: %s" % vn_date(add_working_days(received, 5)), squash(text_of(r.by_id("han-cap-nhat"))))

    def test_an_unknown_kind_is_refused_next_to_the_field_with_the_input_kept(self):
        r = self.item("Bài có loại lạ", "2026-11-02T08:00", "khong-co-loai-nay", expect=422)
        self.expect(r, 422)
        self.assertIn_(VI["deadline_kind_invalid"], r, "the message")
        self.assertEqual(r.by_id("deadline_kind").get("aria-invalid"), "true")
        self.assertEqual(r.by_id("title").get("value"), "Bài có loại lạ")
        self.assertEqual(r.by_id("intake_received_at").get("value"), "2026-11-02T08:00")

    def test_no_received_time_no_due_time(self):
        aid = self.item("Tin không có ngày nhận", "")
        r = self.approver().get("/quan-tri/bai-viet/%d" % aid)
        self.assertIsNone(r.by_id("han-cap-nhat"))


class Lists(Base):
    def test_overdue_items_of_the_site_and_the_province(self):
        old = (today_vn() - datetime.timedelta(days=40)).isoformat() + "T08:00"
        aid = self.item("Báo cáo thống kê quý III quá hạn", old, "thong-ke")
        r = self.expect(self.approver().get("/quan-tri/han-cap-nhat"), 200)
        self.check_html(r, chrome=False)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        overdue = r.by_id("ds-qua-han")
        self.assertIn("Báo cáo thống kê quý III quá hạn", squash(text_of(overdue)))
        self.assertIn("/quan-tri/bai-viet/%d" % aid, [a.get("href") for a in overdue.iter("a")])
        # the province's list, on the main portal, names the site and links to its admin
        r = self.expect(self.fx.admin("admin", None).get("/quan-tri/han-cap-nhat?pham-vi=tinh"), 200)
        self.check_html(r, chrome=False)
        overdue = squash(text_of(r.by_id("ds-qua-han")))
        self.assertIn("Báo cáo thống kê quý III quá hạn", overdue)
        self.assertIn("Sở Nội vụ", overdue)
        # another site's editor sees none of it, nor the province's lists
        other = self.fx.admin("bientap", "longho")
        r = self.expect(other.get("/quan-tri/han-cap-nhat"), 200)
        self.assertNotIn_("Báo cáo thống kê quý III quá hạn", r)
        r = self.expect(other.get("/quan-tri/han-cap-nhat?pham-vi=tinh"), 200)  # longho: its own
        self.assertNotIn_("Báo cáo thống kê quý III quá hạn", r)
        # published: it leaves the list
        self.fx.publish(self.approver(), aid)
        r = self.approver().get("/quan-tri/han-cap-nhat")
        self.assertNotIn_("Báo cáo thống kê quý III quá hạn", r)

    def test_anonymous_is_sent_to_sign_in(self):
        r = self.expect(self.fx.client("snv").get("/quan-tri/han-cap-nhat"), 303)
        self.assertTrue(r.location_path.startswith("/quan-tri/dang-nhap"))


class Report(Base):
    def test_compliance_page_chart_and_exports(self):
        year = today_vn().year
        aid = self.item("Kế hoạch phát triển đăng trễ", "%d-01-05T08:00" % year, "quy-hoach-du-an")
        self.fx.publish(self.approver(), aid)  # published today: late
        self.item("Đề tài khoa học chưa đăng", "%d-01-06T08:00" % year, "khoa-hoc")
        c = self.approver()
        r = self.expect(c.get("/quan-tri/han-cap-nhat/bao-cao?tu=%d-01-01&den=%d-01-31" % (year, year)), 200)
        self.check_html(r, chrome=False)
        svg = next((e for e in r.tree().iter() if isinstance(e.tag, str) and e.tag.endswith("svg")), None)
        self.assertIsNotNone(svg, "no chart")
        self.assertEqual(svg.get("role"), "img")
        page = squash(r.text)
        self.assertIn("Sở Nội vụ", squash(text_of(svg)))
        rows = {squash(text_of(tr.findall("td")[1])): [squash(text_of(td)) for td in tr.findall("td")]
                for tr in r.tree().iter("tr") if len(tr.findall("td")) == 9}
        late = rows["Chiến lược, quy hoạch, kế hoạch; dự án, đầu tư, đấu thầu, mua sắm công"]
        self.assertEqual(late[2:5], ["1", "0", "1"], page)
        self.assertEqual(rows["Chương trình, đề tài khoa học"][5], "1")
        # CSV: a byte-order mark, the header, the rows
        r = self.expect(c.get("/quan-tri/han-cap-nhat/bao-cao?tu=%d-01-01&den=%d-01-31&dang=csv" % (year, year)), 200)
        self.assertTrue(r.header("Content-Type").startswith("text/csv"))
        self.assertIn("attachment", r.header("Content-Disposition"))
        self.assertTrue(r.body.startswith(b"\xef\xbb\xbf"))
        text = r.body.decode("utf-8-sig")
        self.assertTrue(text.startswith("Đơn vị,Loại thông tin,Tổng số,Đúng hạn,Trễ hạn"), text[:200])
        self.assertIn("Sở Nội vụ,Chương trình, đề tài khoa học".replace(", đề", ", đề"), text.replace('"', ""))
        # XLSX: a workbook whose shared strings hold the Vietnamese names
        r = self.expect(c.get("/quan-tri/han-cap-nhat/bao-cao?tu=%d-01-01&den=%d-01-31&dang=xlsx" % (year, year)), 200)
        self.assertEqual(r.header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        z = zipfile.ZipFile(io.BytesIO(r.body))
        strings = z.read("xl/sharedStrings.xml").decode("utf-8")
        self.assertIn("Sở Nội vụ", strings)
        self.assertIn("Chương trình, đề tài khoa học", strings)

    def test_a_bad_period_is_explained_next_to_the_field(self):
        r = self.expect(self.approver().get("/quan-tri/han-cap-nhat/bao-cao?tu=2026-13-40&den=2026-01-01"), 422)
        self.check_html(r, chrome=False)
        self.assertIn_(VI["day_invalid"], r, "the message")
        self.assertEqual(r.by_id("tu").get("value"), "2026-13-40")
        r = self.expect(self.approver().get("/quan-tri/han-cap-nhat/bao-cao?tu=2026-03-01&den=2026-01-01"), 422)
        self.assertIn_(VI["period_reversed"], r, "the message")

    def test_period_presets(self):
        r = self.expect(self.approver().get("/quan-tri/han-cap-nhat/bao-cao"), 200)
        links = {squash(text_of(a)): a.get("href") for a in r.tree().iter("a") if "tu=" in (a.get("href") or "")}
        t = today_vn()
        first = t.replace(day=1)
        prev_last = first - datetime.timedelta(days=1)
        self.assertIn("tu=%s&den=%s" % (first.isoformat(), t.isoformat()), links["Tháng này"])
        self.assertIn("tu=%s&den=%s" % (prev_last.replace(day=1).isoformat(), prev_last.isoformat()), links["Tháng trước"])
        self.assertIn("tu=%d-01-01" % t.year, links["Năm nay"])
        r = self.expect(self.approver().get(links["Tháng trước"]), 200)
        self.assertEqual(r.by_id("tu").get("value"), prev_last.replace(day=1).isoformat())

    def test_the_province_report_is_the_main_boards(self):
        r = self.expect(self.fx.admin("admin", None).get("/quan-tri/han-cap-nhat/bao-cao?pham-vi=tinh"), 200)
        self.check_html(r, chrome=False)
        self.assertIn("toàn tỉnh", squash(text_of(r.tree().find(".//h1"))))


class Rules(Base):
    def test_site_rule_changes_due_times_and_bad_input_is_kept(self):
        admin = self.fx.admin("admin", "snv")
        received = today_vn() - datetime.timedelta(days=1)
        aid = self.item("Thông báo tuyển dụng", received.isoformat() + "T10:00", "")
        r = admin.post("/quan-tri/han-cap-nhat/quy-tac", [("kind", "khac"), ("amount", "abc"), ("unit", "workdays")])
        self.expect(r, 422)
        self.check_html(r, chrome=False)
        self.assertIn_(VI["deadline_amount_invalid"], r, "the message")
        self.assertEqual(r.by_id("amount-khac").get("value"), "abc")
        self.assertEqual(r.by_id("amount-khac").get("aria-invalid"), "true")
        r = admin.post("/quan-tri/han-cap-nhat/quy-tac", [("kind", "khac"), ("amount", "3"), ("unit", "workdays")],
                       csrf=False)
        self.expect(r, 403)
        self.expect(admin.post("/quan-tri/han-cap-nhat/quy-tac", [("kind", "khac"), ("amount", "3"),
                                                                    ("unit", "workdays")]), 303)
        r = self.approver().get("/quan-tri/bai-viet/%d" % aid)
        self.assertIn("Hạn cập nhật: %s" % vn_date(add_working_days(received, 3)), squash(text_of(r.by_id("han-cap-nhat"))))
        # an approver is not the site's administrator
        self.expect(self.approver().post("/quan-tri/han-cap-nhat/quy-tac", [("kind", "khac"), ("amount", "1"),
                                                                              ("unit", "hours")]), 403)
        self.expect(admin.post("/quan-tri/han-cap-nhat/quy-tac", [("kind", "khac"), ("mac-dinh", "1")]), 303)
        r = self.approver().get("/quan-tri/bai-viet/%d" % aid)
        self.assertIn("Hạn cập nhật: %s" % vn_date(add_working_days(received, 5)), squash(text_of(r.by_id("han-cap-nhat"))))

    def test_a_category_kind_and_review_interval(self):
        c = self.approver()
        cat, _ = self.fx.category(c, "Văn bản chỉ đạo")
        r = c.post("/quan-tri/han-cap-nhat/chuyen-muc/%d" % cat, [("kind", "van-ban-tinh"), ("review_days", "-4")])
        self.expect(r, 422)
        self.assertIn_(VI["review_days_invalid"], r, "the message")
        self.assertEqual(r.by_id("review-%d" % cat).get("value"), "-4")
        self.expect(c.post("/quan-tri/han-cap-nhat/chuyen-muc/%d" % cat, [("kind", "van-ban-tinh"), ("review_days", "")]), 303)
        received = today_vn() - datetime.timedelta(days=1)
        aid = self.item("Chỉ thị của UBND tỉnh", received.isoformat() + "T10:00", "", category_id=cat)
        r = c.get("/quan-tri/bai-viet/%d" % aid)
        self.assertIn("Hạn cập nhật: %s" % vn_date(add_working_days(received, 2)), squash(text_of(r.by_id("han-cap-nhat"))))
        r = self.expect(c.get("/quan-tri/han-cap-nhat/quy-tac"), 200)
        self.check_html(r, chrome=False)


class Review(Base):
    def test_stale_fixed_pages_and_the_one_click_review(self):
        c = self.approver()
        cat, _ = self.fx.category(c, "Giới thiệu chung")
        self.expect(c.post("/quan-tri/han-cap-nhat/chuyen-muc/%d" % cat, [("kind", ""), ("review_days", "90")]), 303)
        aid = self.fx.article(c, "Chức năng, nhiệm vụ của Sở", category_id=cat, publish=True)
        r = self.expect(c.get("/quan-tri/ra-soat"), 200)
        self.check_html(r, chrome=False)
        self.assertNotIn_("Chức năng, nhiệm vụ của Sở", r)  # published today: not due yet
        r = self.expect(c.get("/quan-tri/ra-soat?tat-ca=1"), 200)
        self.assertIn_("Chức năng, nhiệm vụ của Sở", r, "the list of all fixed pages")
        self.fx.sql("UPDATE items SET published_at = published_at - 100 * 86400 WHERE id = ?", (aid,))
        r = self.expect(c.get("/quan-tri/ra-soat"), 200)
        self.assertIn_("Chức năng, nhiệm vụ của Sở", r, "the stale list")
        self.assertIn_("chưa rà soát", r, "never reviewed")
        self.expect(c.post("/quan-tri/ra-soat/%d" % aid, csrf=False), 403)
        r = self.expect(c.post("/quan-tri/ra-soat/%d" % aid), 303)
        r = self.expect(c.get(r.location_path + "?" + r.location.split("?", 1)[1] if "?" in r.location else r.location_path), 200)
        self.assertIn_(VI["review_recorded"], r, "the notice")
        self.assertNotIn_("Chức năng, nhiệm vụ của Sở", r)
        r = self.expect(c.get("/quan-tri/ra-soat?tat-ca=1"), 200)
        row = [tr for tr in r.tree().iter("tr") if "Chức năng, nhiệm vụ của Sở" in squash(text_of(tr))][0]
        self.assertIn(today_vn().strftime("%d/%m/%Y"), squash(text_of(row)))
        # the audit log has it
        r = self.expect(self.fx.admin("admin", "snv").get("/quan-tri/nhat-ky"), 200)
        self.assertIn_("article.review", r, "the audit record")
        # another site's editor cannot record it
        self.expect(self.fx.admin("bientap", "longho").post("/quan-tri/ra-soat/%d" % aid), 404)


class Reminders(Base):
    def start_sink(self, box, *extra):
        os.makedirs(box)
        sink = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests", "http", "smtpsink.py"), box, *extra],
                                stdout=subprocess.PIPE, text=True)
        return sink, int(sink.stdout.readline())

    def test_mail_settings_page(self):
        main = self.fx.admin("admin", None)
        self.expect(self.approver().get("/quan-tri/thu-nhac-han"), 403)
        r = self.expect(main.get("/quan-tri/thu-nhac-han"), 200)
        self.check_html(r, chrome=False)
        # credentials in the URL, a bad sender, a bad hour: refused next to the fields, input kept
        r = main.post("/quan-tri/thu-nhac-han", [("smtp_url", "smtp://u:p@mail.example.gov.vn"), ("smtp_from", "khong hop le"),
                                                  ("smtp_from_name", "Cổng"), ("smtp_user", ""), ("smtp_password", ""),
                                                  ("smtp_tls", "try"), ("reminder_hour", "25")])
        self.expect(r, 422)
        self.check_html(r, chrome=False)
        self.assertIn_(VI["smtp_url_invalid"], r, "the URL message")
        self.assertIn_(VI["reminder_hour_invalid"], r, "the hour message")
        self.assertEqual(r.by_id("smtp_from").get("value"), "khong hop le")
        self.assertEqual(r.by_id("reminder_hour").get("value"), "25")
        self.expect(main.post("/quan-tri/thu-nhac-han", [("smtp_url", "smtp://127.0.0.1:1")], csrf=False), 403)
        # saved: the password is never shown back, nor written to the audit log
        r = main.post("/quan-tri/thu-nhac-han", [("smtp_url", "smtp://127.0.0.1:1"), ("smtp_from", "cong@example.gov.vn"),
                                                  ("smtp_from_name", "Cổng"), ("smtp_user", "cong"),
                                                  ("smtp_password", "Bi-mat-SMTP-123"), ("smtp_tls", "none"),
                                                  ("reminder_hour", "23")])
        self.expect(r, 303)
        r = self.expect(main.get("/quan-tri/thu-nhac-han"), 200)
        self.assertNotIn_("Bi-mat-SMTP-123", r)
        self.assertEqual(r.by_id("smtp_password").get("value"), None)
        self.assertIn_("giữ mật khẩu đã lưu", r, "the password-kept hint")
        r = self.expect(main.get("/quan-tri/nhat-ky"), 200)
        self.assertIn_("settings.mail", r, "the audit record")
        self.assertNotIn_("Bi-mat-SMTP-123", r)
        # a test message to a server that is not there: the reason, next to the field
        r = main.post("/quan-tri/thu-nhac-han/gui-thu", [("test_to", "thu@example.gov.vn")])
        self.expect(r, 502)
        self.assertIn_("Không gửi được thư thử", r, "the failure")
        self.assertEqual(r.by_id("test_to").get("value"), "thu@example.gov.vn")
        # and to a sink: sent
        sink, port = self.start_sink(os.path.join(self.fx.tmp, "mailbox-test"))
        try:
            self.expect(main.post("/quan-tri/thu-nhac-han", [("smtp_url", "smtp://127.0.0.1:%d" % port),
                                                              ("smtp_from", "cong@example.gov.vn"), ("smtp_tls", "none"),
                                                              ("reminder_hour", "23")]), 303)
            r = self.expect(main.post("/quan-tri/thu-nhac-han/gui-thu", [("test_to", "thu@example.gov.vn")]), 200)
            self.assertIn_("Đã gửi thư thử đến thu@example.gov.vn.", r, "the notice")
            env = json.load(open(glob.glob(os.path.join(self.fx.tmp, "mailbox-test", "*.json"))[0]))
            self.assertEqual(env["rcpt_to"], ["thu@example.gov.vn"])
            self.assertEqual(env["auth_user"], "cong")  # the stored password was kept and used
        finally:
            self.fx.set_setting("smtp_url", "")
            sink.terminate()
            sink.wait(5)

    def test_the_scheduler_mails_the_board_once_a_day(self):
        old = (today_vn() - datetime.timedelta(days=30)).isoformat() + "T08:00"
        self.item("Văn bản Trung ương chưa đăng", old, "van-ban-trung-uong")
        snv_admin = self.fx.admin("admin", "snv")
        r = snv_admin.post("/quan-tri/thu-nhac-han/nguoi-nhan", [("reminder_to", "truongban@example.gov.vn, sai dia chi")])
        self.expect(r, 422)
        self.assertIn_(VI["email_list_invalid"], r, "the message")
        self.assertEqual(r.by_id("reminder_to").get("value"), "truongban@example.gov.vn, sai dia chi")
        self.expect(snv_admin.post("/quan-tri/thu-nhac-han/nguoi-nhan", [("reminder_to", "truongban@example.gov.vn")]), 303)
        box = os.path.join(self.fx.tmp, "mailbox")
        sink, port = self.start_sink(box)
        try:
            # the system administrator turns mail on; the running server's scheduler does the rest
            r = self.fx.admin("admin", None).post("/quan-tri/thu-nhac-han", [
                ("smtp_url", "smtp://127.0.0.1:%d" % port), ("smtp_from", "khong-tra-loi@example.gov.vn"),
                ("smtp_from_name", "Cổng thông tin điện tử"), ("smtp_user", ""), ("smtp_tls", "none"),
                ("reminder_hour", "0"), ("clear_password", "1")])
            self.expect(r, 303)
            deadline = time.time() + 20
            snv = None
            while time.time() < deadline and snv is None:
                for e in glob.glob(os.path.join(box, "*.json")):
                    if SNV_INFO["email"] in json.load(open(e))["rcpt_to"]:
                        snv = e
                time.sleep(0.2)
            self.assertIsNotNone(snv, "no reminder to the board mailbox of snv within 20 s: %s" % self.fx.server.log_tail())
            self.assertIn("truongban@example.gov.vn", json.load(open(snv))["rcpt_to"])
            import email
            import email.policy
            msg = email.message_from_bytes(open(snv[:-5] + ".eml", "rb").read(), policy=email.policy.default)
            self.assertIn("Sở Nội vụ", msg["Subject"])
            body = msg.get_body(("plain",)).get_content()
            self.assertIn("Văn bản Trung ương chưa đăng", body)
            self.assertIn("ĐÃ QUÁ HẠN", body)
            # once a day: the command line finds nothing left to send today
            out = cong("remind", "--data", self.fx.data)
            self.assertIn("0 reminder(s) sent", out)
            out = cong("remind", "--data", self.fx.data, "--list")
            self.assertIn("Văn bản Trung ương chưa đăng", out)
            self.assertIn("Đã quá hạn", out)
        finally:
            self.fx.set_setting("smtp_url", "")
            sink.terminate()
            sink.wait(5)
