"""What citizens send (issue #14; src/model/ticket.h): questions, feedback and error reports —
the public forms with their challenge and honeypot, the tracking page, the staff's inbox,
forwarding between sites with permissions, the public answer through the workflow, the mail,
personal data sealed and never public, the retention purge, deadlines across Tết."""
import email
import email.policy
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time

from conglib import Client, CongTest, ROOT, Server, cong, db_files, fake_server, host_of, module_fixture, png
from forms_helper import challenge_fields

setUpModule, tearDownModule = module_fixture(extra_serve=("--scheduler-interval", "1"))

NAME = "Trần Thị Bích Ngọc"
EMAIL = "bichngoc.tran77@example.vn"
PHONE = "0919876543"
ADDRESS = "Số 45 đường Phạm Thái Bường, Phường 4"


def question(title="Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu", email_addr=EMAIL, name=NAME):
    return [("ho_ten", name), ("email", email_addr), ("dien_thoai", PHONE), ("dia_chi", ADDRESS),
            ("linh_vuc", "Đất đai"), ("ten_cau_hoi", title),
            ("cau_hoi", "Gia đình tôi sử dụng đất ổn định từ năm 1995, không có giấy tờ. Xin hỏi hồ sơ gồm những gì?"),
            ("nhan_thu", "1")]


def vn_midnight_utc(day):
    return time.mktime(time.strptime(day, "%Y-%m-%d")) - time.timezone - 7 * 3600


class Base(CongTest):
    def ask(self, client, fields, js=False, answer=None, expect=303, kind="cau-hoi", files=()):
        form = self.expect(client.get("/gui/%s" % kind), 200)
        r = client.post("/gui/%s" % kind, fields + challenge_fields(form.text, js=js, answer=answer), files=list(files),
                        multipart_form=bool(files))
        self.expect(r, expect)
        if expect != 303:
            return r
        m = re.match(r"/theo-doi\?ma=([A-Z]{2}-[A-Z0-9]{4}-[A-Z0-9]{4})&moi=1$", r.location)
        self.assertTrue(m, "the redirect to the tracking page: %r" % r.location)
        return m.group(1)

    def ticket_id(self, admin, code, box="open"):
        for b in (box, "new", "open", "done"):
            r = self.expect(admin.get("/quan-tri/tiep-nhan?hop=%s" % b), 200)
            m = re.search(r'<a href="/quan-tri/tiep-nhan/(\d+)">%s</a>' % code, r.text)
            if m:
                return int(m.group(1))
        self.fail("ticket %s not in the inbox" % code)

    def act(self, admin, tid, action, expect=303, **fields):
        r = admin.post("/quan-tri/tiep-nhan/%d" % tid, [("action", action)] + list(fields.items()))
        self.expect(r, expect, "%s on ticket %d" % (action, tid))
        return r

    def site_id(self, slug):
        return self.fx.sql("SELECT id FROM sites WHERE slug = ?", (slug,))[0][0]

    def fake_server(self, at):
        return fake_server(self.fx, at, extra=["--scheduler-interval", "1"], schedule=True)

    def wait_state(self, client, code, label, timeout=15):
        end = time.time() + timeout
        while time.time() < end:
            r = client.get("/theo-doi?ma=%s" % code)
            if label in r.text:
                return r
            time.sleep(0.3)
        self.fail("ticket %s never showed %r" % (code, label))


class Forms(Base):
    def test_the_form_without_javascript_and_with_it(self):
        c = self.fx.client(None)
        r = self.page(c, "/gui/cau-hoi")
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertIn("script-src 'self'", r.header("Content-Security-Policy"), "the page may run challenge.js")
        self.assertIn_('autocomplete="email"', r, "WCAG 1.3.5: the inputs say their purpose")
        self.assertIn_("mã hóa", r, "the form says why and how the personal data is kept")
        self.assertNotIn_("}}", r, "a template's comment leaking into the page")
        # without JavaScript: the sum in words
        code = self.ask(c, question())
        r = self.page(c, "/theo-doi?ma=%s&moi=1" % code)
        self.assertIn_(code, r)
        self.assertIn_("Đã tiếp nhận", r)
        # with it: the proof of work alone
        code2 = self.ask(self.fx.client(None), question(title="Hỏi về chuyển mục đích sử dụng đất"), js=True)
        self.assertNotEqual(code, code2)

    def test_a_wrong_answer_keeps_the_input_and_says_why(self):
        c = self.fx.client(None)
        r = self.ask(c, question(), answer=99, expect=422)
        self.check_html(r)
        self.assertIn_("Câu trả lời kiểm tra chưa đúng", r)
        self.assertIn_("Gia đình tôi sử dụng đất ổn định", r, "the question typed is kept")
        self.assertIn_('value="%s"' % EMAIL, r, "the e-mail typed is kept")
        # a missing field: its message next to it, the rest kept
        f = [kv for kv in question() if kv[0] != "ten_cau_hoi"]
        r = self.ask(c, f, expect=422)
        self.assertIn_('id="ten_cau_hoi-error"', r, "the message next to the title")
        # an attachment that is not a document or an image: refused next to its input
        r = self.ask(c, question(), files=[("tep", "chay.exe", "application/octet-stream", b"MZ\x90\x00" + b"\x00" * 200)],
                     expect=422)
        self.assertIn_('id="tep-error"', r, "the attachment's message")
        self.assertIn_("xin chọn lại tệp", r)
        # a bad e-mail address
        r = self.ask(c, question(email_addr="khong-phai-thu"), expect=422)
        self.assertIn_("Địa chỉ thư điện tử không hợp lệ", r)

    def test_robots_are_refused(self):
        c = self.fx.client(None)
        form = c.get("/gui/cau-hoi")
        f = challenge_fields(form.text)
        # the honeypot filled
        hp = [(k, "http://spam.example" if k == "website" else v) for k, v in f]
        self.expect(c.post("/gui/cau-hoi", question() + hp), 422)
        # no challenge at all
        self.expect(c.post("/gui/cau-hoi", question()), 422)
        # a forged token
        bad = [(k, v[:-4] + "AAAA" if k == "challenge" else v) for k, v in f]
        r = self.expect(c.post("/gui/cau-hoi", question() + bad), 422)
        self.assertIn_("hết hạn", r)
        # the same solved form twice: once
        self.expect(c.post("/gui/cau-hoi", question(title="Câu hỏi một lần") + f), 303)
        r = self.expect(c.post("/gui/cau-hoi", question(title="Câu hỏi một lần") + f), 422)
        self.assertIn_("đã được gửi", r)
        # without the CSRF token
        self.expect(c.post("/gui/cau-hoi", question() + challenge_fields(c.get("/gui/cau-hoi").text), csrf=False), 403)
        # an unknown form
        self.expect(c.get("/gui/khong-co"), 404)

    def test_the_forms_rate_limit_at_its_real_value(self):
        """5 submissions a minute per address, bursts of 5 (the fixture's server scales limits up):
        the sixth solved form is answered 429 with Retry-After, and nothing of it is stored."""
        srv = Server(self.fx.data, extra=["--rate-limit-scale", "1"], workdir=self.fx.tmp).start()
        self.addCleanup(srv.stop)
        c = Client(srv, host_of("chauthanh"))
        statuses = []
        for i in range(6):
            form = c.get("/gui/bao-loi?trang=%2F")
            r = c.post("/gui/bao-loi", [("trang", "/"), ("mo_ta", "Lỗi thử %d" % i), ("ho_ten", ""), ("email", "")]
                       + challenge_fields(form.text))
            statuses.append(r.status)
        self.assertEqual(statuses[:5], [303] * 5)
        self.assertEqual(statuses[5], 429)
        self.assertTrue(r.header("Retry-After"))
        self.assertEqual(c.get("/theo-doi?ma=BL-AAAA-AAAA").status, 404, "the tracking page still answers")

    def test_the_limit_per_e_mail_address(self):
        c = self.fx.client("stc")
        addr = "nhieu.lan@example.vn"
        for i in range(5):
            self.ask(c, question(title="Câu hỏi thứ %d" % (i + 1), email_addr=addr))
        r = self.ask(c, question(title="Câu hỏi thứ 6", email_addr=addr.upper()), expect=422)
        self.assertIn_("đã gửi nhiều lần trong ngày", r, "the same address in capitals counts")
        self.assertIn_("Câu hỏi thứ 6", r, "the input kept")


class LifeCycle(Base):
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

    def mails(self, box, n, timeout=20):
        end = time.time() + timeout
        while time.time() < end:
            got = sorted(glob.glob(os.path.join(box, "*.json")))
            if len(got) >= n:
                break
            time.sleep(0.3)
        out = []
        for j in sorted(glob.glob(os.path.join(box, "*.json"))):
            with open(j[:-5] + ".eml", "rb") as f:
                out.append((json.load(open(j)), email.message_from_bytes(f.read(), policy=email.policy.default)))
        return out

    def test_asked_on_the_main_portal_forwarded_answered_and_published(self):
        fx = self.fx
        box = self.start_sink()
        citizen = fx.client(None)
        code = self.ask(citizen, question())
        main = fx.admin("admin", None)
        tid = self.ticket_id(main, code, "new")
        r = self.page(main, "/quan-tri/tiep-nhan/%d" % tid, chrome=False)
        self.assertNotIn_(NAME, r, "personal data is not shown until asked for")
        self.assertNotIn_(EMAIL, r)
        r = self.page(main, "/quan-tri/tiep-nhan/%d?ca-nhan=1" % tid, chrome=False)
        self.assertIn_(NAME, r, "the staff open it")
        self.assertIn_(PHONE, r)
        r = self.expect(main.get("/quan-tri/nhat-ky"), 200)
        self.assertIn_("ticket.personal_view", r, "every view of personal data is audited")
        # classified as needing several agencies: 10 working days
        self.act(main, tid, "classify", deadline_kind="hoi-dap-lien-nganh", linh_vuc="Đất đai")
        # forwarded to the Sở Nội vụ's board, with a reason
        r = self.act(main, tid, "forward", expect=422, site_id=str(self.site_id("snv")))
        self.assertIn_("Vui lòng nhập", r, "the reason is required")
        self.act(main, tid, "forward", site_id=str(self.site_id("snv")), note="Thuộc thẩm quyền Sở Nội vụ")
        # the main portal still reads it, and may no longer act on it
        r = self.page(main, "/quan-tri/tiep-nhan/%d" % tid, chrome=False)
        self.assertIn_("chỉ xem được", r)
        r = self.page(main, "/quan-tri/tiep-nhan/%d?ca-nhan=1" % tid, chrome=False)
        self.assertNotIn_(NAME, r, "the personal data is the handling site's staff's only")
        self.act(main, tid, "note", expect=403, note="thử")
        # an agency sees what was forwarded to it, and no other site does
        snv = fx.admin("duyet", "snv")
        self.assertEqual(self.ticket_id(snv, code, "new"), tid)
        lh = fx.admin("bientap", "longho")
        self.expect(lh.get("/quan-tri/tiep-nhan/%d" % tid), 404)
        self.expect(lh.post("/quan-tri/tiep-nhan/%d" % tid, [("action", "note"), ("note", "x")]), 404)
        r = self.expect(lh.get("/quan-tri/tiep-nhan?hop=open"), 200)
        self.assertNotIn_(code, r)
        # the citizen sees the forwarding on the tracking page
        r = self.page(citizen, "/theo-doi?ma=%s" % code)
        self.assertIn_("Sở Nội vụ", r)
        # answered: a Q&A item goes through the workflow
        r = self.act(snv, tid, "answer", expect=422, body="", agency="Sở Nội vụ")
        self.act(snv, tid, "answer", body="<p>Hồ sơ gồm đơn đề nghị và giấy tờ về nguồn gốc đất.</p>",
                 agency="Sở Nội vụ", answerer="Phòng Tổ chức")
        r = self.page(snv, "/quan-tri/tiep-nhan/%d" % tid, chrome=False)
        m = re.search(r'href="/quan-tri/bai-viet/(\d+)"', r.text)
        self.assertTrue(m, "the answer's item")
        item = int(m.group(1))
        for action in ("edited", "publish"):
            fx.act(snv, item, action)
        # the scheduler sees the publication: the ticket is published
        r = self.wait_state(citizen, code, "Đã trả lời công khai")
        self.assertIn_("Xem câu trả lời", r)
        # the public Q&A: the name as initials, no contact
        snvc = fx.client("snv")
        r = self.page(snvc, "/hoi-dap")
        self.assertIn_("Hỏi về thủ tục cấp giấy chứng nhận", r)
        path = re.search(r'href="(/hoi-dap/[^"]+-%d)"' % item, r.text).group(1)
        r = self.page(snvc, path)
        self.assertIn_("T.T.B.N.", r, "the asker's initials")
        self.assertIn_("Hồ sơ gồm đơn đề nghị", r)
        for secret in (NAME, EMAIL, PHONE, ADDRESS):
            self.assertNotIn_(secret, r)
        # the main portal lists the province's Q&A
        r = self.page(citizen, "/hoi-dap")
        self.assertIn_("Hỏi về thủ tục cấp giấy chứng nhận", r)
        # the mail: received, forwarded, published — to the citizen, with the opt-out link
        # (mail queued by earlier tests while no server was set goes out too: this ticket's only)
        end = time.time() + 20
        while True:
            mails = [(env, m) for env, m in self.mails(box, 3, timeout=1) if code in m["subject"]]
            if len(mails) >= 3 or time.time() > end:
                break
        self.assertGreaterEqual(len(mails), 3, [m.get("subject") for _, m in mails])
        subjects = [m["subject"] for _, m in mails]
        self.assertTrue(any("Đã tiếp nhận" in s for s in subjects), subjects)
        self.assertTrue(any("chuyển" in s for s in subjects), subjects)
        self.assertTrue(any("công khai" in s for s in subjects), subjects)
        for env, m in mails:
            self.assertEqual(env["rcpt_to"], [EMAIL])
            self.assertIn(code, m["subject"])
        body = mails[0][1].get_body(("plain",)).get_content()
        optout = re.search(r"(/theo-doi/ngung-nhan-thu\?ma=[^\s]+)", body).group(1)
        r = self.expect(citizen.get(optout), 200)
        self.assertIn_("Đã ngừng gửi thư", r)
        self.expect(citizen.get(optout[:-3] + "000"), 404)
        # the owner sees what they sent with their e-mail, nobody else
        r = self.expect(citizen.post("/theo-doi", [("ma", code), ("email", EMAIL.upper())]), 200)
        self.assertIn_(PHONE, r)
        r = self.expect(citizen.post("/theo-doi", [("ma", code), ("email", "khac@example.vn")]), 404)
        self.assertNotIn_(PHONE, r)
        # the log never holds the personal data
        with open(fx.server.log_path, encoding="utf-8", errors="replace") as f:
            log = f.read()
        for secret in (NAME, EMAIL, PHONE, ADDRESS):
            self.assertNotIn(secret, log)

    def test_feedback_on_a_regulation_handled_and_published_with_its_document(self):
        fx = self.fx
        board = fx.admin("duyet", "snv")
        # the regulation concerned, published on the site
        r = board.post("/quan-tri/van-ban/moi", [("title", "Quy định thủ tục đăng ký hộ kinh doanh"),
                                                 ("so_ky_hieu", "15/2026/QĐ-UBND"), ("body", ""),
                                                 ("loai", "Quyết định"), ("co_quan_ban_hanh", "UBND tỉnh"),
                                                 ("ngay_ban_hanh", "02/03/2026"), ("ngay_hieu_luc", "15/03/2026"),
                                                 ("pham_vi", "tinh"), ("linh_vuc", "Đầu tư")], multipart_form=True)
        self.expect(r, 303, "the document")
        did = int(re.match(r"/quan-tri/van-ban/(\d+)", r.location_path).group(1))
        for action in ("submit", "edited", "publish"):
            self.expect(board.post("/quan-tri/van-ban/%d/chuyen" % did, [("action", action)]), 303, action)
        citizen = fx.client("snv")
        f = [("ho_ten", "Hồ Văn Phát"), ("email", "phat.ho@example.vn"), ("linh_vuc", "Đầu tư, doanh nghiệp"),
             ("van_ban", "15/2026/QĐ-UBND"), ("thu_tuc", ""), ("ten_phan_anh", "Đề nghị giảm thành phần hồ sơ hộ kinh doanh"),
             ("noi_dung_phan_anh", "Quy định yêu cầu nộp bản sao hợp đồng thuê nhà có chứng thực, gây tốn kém.")]
        code = self.ask(citizen, f, kind="phan-anh")
        self.assertTrue(code.startswith("PA-"))
        tid = self.ticket_id(board, code, "new")
        r = self.page(board, "/quan-tri/tiep-nhan/%d" % tid, chrome=False)
        self.assertIn_("15/2026/QĐ-UBND", r, "the regulation concerned, as cleaned")
        self.assertIn_("15 ngày làm việc", r, "feedback follows its own rule (VL Đ9.7)")
        self.act(board, tid, "answer", body="<p>Sở tiếp thu; đã đề nghị bỏ yêu cầu chứng thực hợp đồng thuê nhà.</p>",
                 agency="Sở Nội vụ")
        r = self.page(board, "/quan-tri/tiep-nhan/%d" % tid, chrome=False)
        item = int(re.search(r'href="/quan-tri/bai-viet/(\d+)"', r.text).group(1))
        for action in ("edited", "publish"):
            fx.act(board, item, action)
        self.wait_state(citizen, code, "Đã trả lời công khai")
        r = self.page(citizen, "/phan-anh-kien-nghi")
        self.assertIn_("Đề nghị giảm thành phần hồ sơ hộ kinh doanh", r)
        self.assertIn_("Gửi phản ánh, kiến nghị", r, "the list leads to the form")
        path = re.search(r'href="(/phan-anh-kien-nghi/[^"]+-%d)"' % item, r.text).group(1)
        r = self.page(citizen, path)
        self.assertIn_("H.V.P.", r)
        self.assertIn_("bỏ yêu cầu chứng thực", r, "the handling result")
        self.assertNotIn_("phat.ho@example.vn", r)
        # the document's page names the feedback about it
        first = citizen.get("/van-ban/x-%d" % did)
        r = self.page(citizen, first.location_path if first.status in (301, 302) else "/van-ban/x-%d" % did)
        self.assertIn_("Đề nghị giảm thành phần hồ sơ hộ kinh doanh", r, "the relation on the document's page")

    def test_refused_with_a_reason_and_a_private_reply(self):
        fx = self.fx
        citizen = fx.client("longho")
        code = self.ask(citizen, question(title="Câu hỏi ngoài thẩm quyền", email_addr="tu.choi@example.vn"))
        ed = fx.admin("bientap", "longho")
        tid = self.ticket_id(ed, code, "new")
        r = self.act(ed, tid, "refuse", expect=422, reason="")
        self.assertIn_("Vui lòng nhập", r)
        self.act(ed, tid, "refuse", reason="ngoai-tham-quyen", note="Xin gửi Tòa án nhân dân huyện.")
        r = self.page(citizen, "/theo-doi?ma=%s" % code)
        self.assertIn_("Từ chối", r)
        self.assertIn_("Không thuộc thẩm quyền", r)
        self.act(ed, tid, "note", note="Đã gọi điện cho người hỏi")
        r = self.page(citizen, "/theo-doi?ma=%s" % code)
        self.assertNotIn_("Đã gọi điện", r, "internal notes are internal")
        # a private reply: closed; its text for the owner only
        code2 = self.ask(citizen, question(title="Câu hỏi trả lời riêng", email_addr="rieng@example.vn"))
        tid2 = self.ticket_id(ed, code2, "new")
        self.act(ed, tid2, "reply", body="Ông/Bà vui lòng liên hệ Bộ phận một cửa vào giờ hành chính.")
        r = self.page(citizen, "/theo-doi?ma=%s" % code2)
        self.assertIn_("Đã trả lời", r)
        self.assertNotIn_("Bộ phận một cửa", r)
        r = self.expect(citizen.post("/theo-doi", [("ma", code2), ("email", "rieng@example.vn")]), 200)
        self.assertIn_("Bộ phận một cửa", r)
        # closed: no more actions
        r = self.act(ed, tid2, "reply", expect=422, body="lần hai")
        self.assertIn_("tình trạng khác", r)

    def test_an_error_reported_on_a_page_reaches_its_board(self):
        fx = self.fx
        ed = fx.admin("bientap", "longho")
        cat = fx.category(ed, "Thông báo tiếp dân")[0]
        aid = fx.article(ed, "Lịch tiếp dân tháng Mười hai", category_id=cat)
        fx.act(ed, aid, "submit")
        fx.act(ed, aid, "edited")
        fx.act(fx.admin("admin", "longho"), aid, "publish")
        path = fx.public_path("longho", aid)
        reader = fx.client("longho")
        r = self.page(reader, path)
        link = [a.get("href") for a in r.find_all("a") if "/gui/bao-loi?trang=" in (a.get("href") or "")]
        self.assertTrue(link, "the page has its 'Báo lỗi' link")
        form = self.page(reader, link[0])
        self.assertIn_('value="%s"' % path, form, "the form names the page")
        f = [("trang", path), ("mo_ta", "Ngày tiếp dân ghi 31/11 là ngày không có."), ("ho_ten", ""), ("email", "")]
        code = self.ask(reader, f, kind="bao-loi")
        tid = self.ticket_id(ed, code, "new")
        r = self.page(ed, "/quan-tri/tiep-nhan/%d" % tid, chrome=False)
        self.assertIn_('href="/quan-tri/bai-viet/%d"' % aid, r, "the item to correct")
        self.assertIn_("31/11", r)


class Privacy(Base):
    def test_personal_data_is_sealed_at_rest_and_never_public(self):
        fx = self.fx
        name, mail, phone = "Lâm Quốc Thịnh Vượng", "quocthinh.lam@example.vn", "0987001122"
        c = fx.client(None)
        code = self.ask(c, [("ho_ten", name), ("email", mail), ("dien_thoai", phone), ("dia_chi", "Ấp Phú Hòa"),
                            ("linh_vuc", "Y tế"), ("ten_cau_hoi", "Hỏi về bảo hiểm y tế hộ gia đình"),
                            ("cau_hoi", "Mức đóng bảo hiểm y tế hộ gia đình năm nay là bao nhiêu?")])
        # public pages, the tracking page, the search, the list's exports
        for p in ("/theo-doi?ma=%s" % code, "/hoi-dap", "/hoi-dap.csv", "/hoi-dap.json",
                  "/tim-kiem?q=b%E1%BA%A3o+hi%E1%BB%83m+y+t%E1%BA%BF"):
            r = c.get(p)
            for secret in (name, mail, phone):
                self.assertNotIn(secret, r.text, "%s in %s" % (secret, p))
        # the database file: sealed, not in clear (nor its WAL)
        time.sleep(0.5)
        for fn in db_files(fx.data):
            with open(fn, "rb") as f:
                raw = f.read()
            for secret in (name, mail, phone):
                self.assertNotIn(secret.encode("utf-8"), raw, "%s in clear in %s" % (secret, fn))

    def test_the_retention_purge_deletes_personal_data_and_keeps_the_rest(self):
        fx = self.fx
        c = fx.client("stc")
        photo = png(40, 30, (10, 120, 200))
        code = self.ask(c, question(title="Câu hỏi để xóa dữ liệu", email_addr="xoa.sau@example.vn"),
                        files=[("tep", "giay-to.png", "image/png", photo)])
        a = fx.admin("admin", "stc")
        tid = self.ticket_id(a, code, "new")
        # the attachment: the staff see and fetch it; it is stored outside the media folder
        r = self.page(a, "/quan-tri/tiep-nhan/%d" % tid, chrome=False)
        link = re.search(r'href="(/quan-tri/tiep-nhan-tep/\d+)">giay-to.png<', r.text)
        self.assertTrue(link, "the attachment on the ticket's page")
        self.assertEqual(self.expect(a.get(link.group(1)), 200).body, photo)
        stored = glob.glob(os.path.join(fx.data, "private", "tickets", "*", hashlib.sha256(photo).hexdigest()))
        self.assertEqual(len(stored), 1, "the attachment's bytes, privately")
        self.assertNotIn_("giay-to.png", c.get("/theo-doi?ma=%s" % code), "the tracking page without the e-mail")
        self.act(a, tid, "reply", body="Đã trả lời qua thư.")
        if not shutil.which("faketime"):
            self.skipTest("faketime is not installed")
        # a server whose clock is past the retention (365 days by default), scheduler every second;
        # its accounts not disabled for the year unused (the dormant sweep runs there too)
        fx.set_setting("account_dormant_days", "3650")
        self.addCleanup(fx.set_setting, "account_dormant_days", "45")
        srv = self.fake_server(time.time() + 366 * 86400)
        try:
            end = time.time() + 20
            while time.time() < end:
                row = fx.sql("SELECT personal, email_tag FROM tickets WHERE code = ?", (code,))[0]
                if row == (None, None):
                    break
                time.sleep(0.5)
            self.assertEqual(row, (None, None), "the personal data deleted")
            self.assertFalse(os.path.exists(stored[0]), "the attachment deleted with it")
        finally:
            srv.stop()
        fx._admins.pop("admin", None)  # the later clock ended the sessions: sign in again
        r = self.page(fx.admin("admin", "stc"), "/quan-tri/tiep-nhan/%d" % tid, chrome=False)
        self.assertIn_("không còn", r, "the page says the personal data is gone")
        self.assertIn_("Câu hỏi để xóa dữ liệu", r, "the rest stays")
        r = self.expect(c.get("/theo-doi?ma=%s" % code), 200)
        self.assertIn_("Đã trả lời", r, "the tracking page still answers")

class TetDeadline(Base):
    def test_the_answer_deadline_counts_working_days_across_tet(self):
        """Asked on Wednesday 3 February 2027, three days before Tết Đinh Mùi: 5 working days
        end after the Tết holidays, on the day the calendar engine says."""
        fx = self.fx
        asked = "2027-02-03"
        due = cong("calendar", "--data", fx.data, "--add", asked, "5").strip()
        self.assertGreater(due, "2027-02-12", "the five working days span the Tết holidays")
        srv = self.fake_server(vn_midnight_utc(asked) + 9 * 3600)
        try:
            c = fx.client("snv")
            c.server = srv
            code = self.ask(c, question(title="Câu hỏi trước Tết", email_addr="truoc.tet@example.vn"))
            r = self.expect(c.get("/theo-doi?ma=%s" % code), 200)
            y, m, d = due.split("-")
            self.assertIn_("%s/%s/%s 23:59" % (d, m, y), r, "the due time is the end of the 5th working day")
            # feedback the same day: 15 working days (VL Đ9.7)
            due15 = cong("calendar", "--data", fx.data, "--add", asked, "15").strip()
            f = [("ho_ten", "Người trước Tết"), ("email", "phan.anh.tet@example.vn"), ("linh_vuc", "Khác"),
                 ("van_ban", ""), ("thu_tuc", ""), ("ten_phan_anh", "Phản ánh trước Tết"),
                 ("noi_dung_phan_anh", "Nội dung phản ánh trước kỳ nghỉ Tết.")]
            code = self.ask(c, f, kind="phan-anh")
            y, m, d = due15.split("-")
            self.assertIn_("%s/%s/%s 23:59" % (d, m, y), self.expect(c.get("/theo-doi?ma=%s" % code), 200),
                           "feedback's 15 working days across Tết")
        finally:
            srv.stop()


class RetentionSettings(Base):
    def test_the_system_administrator_sets_each_kinds_retention(self):
        fx = self.fx
        admin = fx.admin("admin", None)
        self.expect(fx.admin("duyet", "snv").get("/quan-tri/cai-dat/tiep-nhan"), 403)
        r = self.page(admin, "/quan-tri/cai-dat/tiep-nhan", chrome=False)
        self.assertEqual(r.by_id("days.question").get("value"), "365")
        self.assertEqual(r.by_id("days.error").get("value"), "90")
        # out of range: the message next to it, every value as typed, nothing saved
        r = self.expect(admin.post("/quan-tri/cai-dat/tiep-nhan", [("days.question", "10"), ("days.error", "120")]), 422)
        self.assertIn_("từ 30 đến 3650", r)
        self.assertEqual(r.by_id("days.question").get("value"), "10")
        self.assertEqual(r.by_id("days.error").get("value"), "120")
        self.assertEqual(self.page(admin, "/quan-tri/cai-dat/tiep-nhan", chrome=False).by_id("days.error").get("value"), "90")
        self.addCleanup(admin.post, "/quan-tri/cai-dat/tiep-nhan", [("days.question", ""), ("days.error", "")])
        self.expect(admin.post("/quan-tri/cai-dat/tiep-nhan", [("days.question", "730"), ("days.error", "")]), 303)
        r = self.page(admin, "/quan-tri/cai-dat/tiep-nhan", chrome=False)
        self.assertEqual(r.by_id("days.question").get("value"), "730")
        self.assertEqual(r.by_id("days.error").get("value"), "90", "empty: the kind's default")
        self.assertIn_("ticket.retention", self.expect(admin.get("/quan-tri/nhat-ky"), 200), "audited")
        # a question closed now keeps its data 730 days
        c = fx.client(None)
        code = self.ask(c, question(title="Câu hỏi lưu hai năm", email_addr="hai.nam@example.vn"))
        tid = self.ticket_id(admin, code, "new")
        self.act(admin, tid, "reply", body="Đã trả lời.")
        closed, purge = fx.sql("SELECT closed_at, purge_after FROM tickets WHERE code = ?", (code,))[0]
        self.assertEqual(purge - closed, 730 * 86400)
