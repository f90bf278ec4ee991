"""Requests for information (issue #14; Luật Tiếp cận thông tin 2016 Đ23–24, 28–31; ND 13/2018;
docs/information-requests.md): the public form with what the law lists, the register's number per
site and year, the life cycle on the working-day calendar with a server whose clock is fixed
before the Tết week of 2026 (faketime), the extension (once, its reason mailed), refusal with
reasons, correction, the reply letters' files kept privately, the register page and its XLSX
export, the deadline module's lists, and the personal data (the ID number above all) never in
clear in the database file, the server's log or a public page."""
import io
import os
import re
import shutil
import time
import zipfile

from forms_helper import answer_of, solve_pow as solve
from conglib import CongTest, Server, ServerError, cong, db_files, module_fixture, squash, text_of, BASE

setUpModule, tearDownModule = module_fixture()

FORM = "/gui/yeu-cau-thong-tin"
NAME = "Nguyễn Văn Quang Minh"
ID_NUMBER = "086204013579"
EMAIL = "quangminh.tctt@example.vn"
ADDRESS = "Số 12 đường Phạm Thái Bường, Phường 4, TP Vĩnh Long"
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")


def vn_utc(day, hhmm="09:00"):
    """The Unix time of DAY (YYYY-MM-DD) at HH:MM Vietnam time."""
    t = time.strptime(day + " " + hhmm, "%Y-%m-%d %H:%M")
    return time.mktime(t) - time.timezone - 7 * 3600


def dmy(day):
    y, m, d = day.split("-")
    return "%s/%s/%s" % (d, m, y)



def fields(**over):
    f = {"ho_ten": NAME, "dia_chi": ADDRESS, "giay_to": ID_NUMBER, "email": EMAIL, "dien_thoai": "0913 456 789",
         "so_fax": "", "thong_tin": "Quyết định phê duyệt quy hoạch chi tiết khu dân cư Phường 4 năm 2025 và bản vẽ kèm theo",
         "muc_dich": "Tìm hiểu ranh giới quy hoạch trước khi xin phép xây dựng nhà ở", "hinh_thuc": "thu-dien-tu"}
    f.update(over)
    return f


class Base(CongTest):
    SLUG = "snv"

    def submit(self, client, expect=303, nojs=False, **over):
        page = client.get(FORM)
        self.expect(page, 200)
        token = re.search(r'name="challenge" value="([^"]+)"', page.text).group(1)
        bits = int(re.search(r'data-challenge-bits="(\d+)"', page.text).group(1))
        f = list(fields(**over).items()) + [("challenge", token), ("website", ""), ("nhan_thu", "1")]
        if nojs:
            q = page.by_id("challenge_answer")
            label = [l for l in page.tree().iter("label") if l.get("for") == "challenge_answer"][0]
            f += [("pow", ""), ("challenge_answer", self.answer(text_of(label)))]
        else:
            f += [("pow", solve(token, bits)), ("challenge_answer", "")]
        r = client.post(FORM, f)
        self.expect(r, expect, squash(r.text)[-400:] if r.status != expect else "")
        if expect == 303:
            return re.search(r"ma=([A-Z0-9-]+)", r.location).group(1)
        return r

    @staticmethod
    def answer(question):
        return str(answer_of(question))

    def ticket(self, code):
        rows = self.fx.sql("SELECT id, state, number, number_year, due_at, deadline_kind, closed_at FROM tickets"
                           " WHERE code = ?", (code,))
        return rows[0] if rows else None

    def fake_server(self, at):
        """`cong serve` on the fixture's folder with its clock starting at AT (Unix time)."""
        if not shutil.which("faketime"):
            self.skipTest("faketime is not installed")
        lib = [p for p in ("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
                           "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1") if os.path.exists(p)]
        if not lib:
            self.skipTest("libfaketime not found")
        saved = {k: os.environ.get(k) for k in ("LD_PRELOAD", "FAKETIME", "TZ", "FAKETIME_DONT_FAKE_MONOTONIC")}
        os.environ.update({"LD_PRELOAD": lib[0], "TZ": "UTC", "FAKETIME_DONT_FAKE_MONOTONIC": "1",
                           "FAKETIME": "@" + time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(at))})
        try:
            return Server(self.fx.data, workdir=self.fx.tmp).start()
        except ServerError as e:
            self.skipTest("cong serve does not start under faketime (a sanitizer build?): %s" % e)
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v

    def on(self, srv, slug=None):
        c = self.fx.client(slug or self.SLUG)
        c.server = srv
        return c

    def staff_on(self, srv):
        """The approver of snv signed in on SRV (a session made at that server's time)."""
        c = self.on(srv)
        self.fx.admin("duyet", self.SLUG)  # the password changed once, on the fixture's server
        r = c.signin("duyet", "Xyz@67890-Doi-Roi")
        self.assertEqual(r.status, 303, squash(r.text)[-300:])
        return c

    def act(self, staff, tid, action, expect=303, files=(), **f):
        r = staff.post("/quan-tri/tiep-nhan/%d" % tid, [("action", action)] + list(f.items()), files=files,
                       multipart_form=bool(files))
        self.expect(r, expect, squash(r.text)[-500:] if r.status != expect else "")
        return r


class Form(Base):
    def test_the_form_holds_what_the_law_lists_and_says_why(self):
        c = self.fx.client(self.SLUG)
        r = self.page(c, FORM)
        self.check_html(r)
        for key in ("ho_ten", "dia_chi", "giay_to", "email", "dien_thoai", "so_fax", "thong_tin", "muc_dich", "hinh_thuc"):
            self.assertIsNotNone(r.by_id(key), "no field " + key)
        self.assertIn("Điều 24", r.text)
        self.assertIn("mã hóa", r.text)
        opts = [o.get("value") for o in r.by_id("hinh_thuc").iter("option")]
        for v in ("thu-dien-tu", "tai-co-quan", "buu-chinh", "fax"):
            self.assertIn(v, opts)
        # linked from the access-to-information page
        r = self.page(c, "/tiep-can-thong-tin")
        self.assertIn('href="/gui/yeu-cau-thong-tin"', r.text)

    def test_bad_input_is_refused_next_to_the_field_with_the_input_kept(self):
        c = self.fx.client(self.SLUG)
        r = self.submit(c, expect=422, giay_to="12345", hinh_thuc="fax", so_fax="")
        self.check_html(r)
        self.assertIn("9 chữ số", text_of(r.by_id("giay_to-error")))
        self.assertIn("fax", text_of(r.by_id("so_fax-error")))
        self.assertEqual(r.by_id("giay_to").get("value"), "12345", "the input is not kept")
        self.assertIn("khu dân cư Phường 4", text_of(r.by_id("thong_tin")))
        r = self.submit(c, expect=422, ho_ten="", email="khong-phai-thu")
        self.assertIsNotNone(r.by_id("ho_ten-error"))
        # a passport number, spaces dropped, is good; without JavaScript the question answers
        code = self.submit(c, nojs=True, giay_to="c 1234567")
        self.assertEqual(self.ticket(code)[1], "received")


class LifeCycle(Base):
    """A server whose clock starts on Friday 13/02/2026 09:00, the last working day before the
    Tết week (16–20/02/2026): every due date is counted over it."""

    def test_simple_complex_extension_refusal_correction_across_tet(self):
        fx = self.fx
        day = "2026-02-13"
        simple_due = cong("calendar", "--data", fx.data, "--add", day, "3").strip()
        complex_due = cong("calendar", "--data", fx.data, "--add", day, "15").strip()
        extended_due = cong("calendar", "--data", fx.data, "--add", complex_due, "15").strip()
        self.assertEqual(simple_due, "2026-02-25", "the Tết week is not skipped")
        srv = self.fake_server(vn_utc(day))
        try:
            citizen = self.on(srv)
            a = self.submit(citizen)
            b = self.submit(citizen, thong_tin="Báo cáo kết quả thanh tra việc sử dụng đất công năm 2024 của tỉnh",
                            hinh_thuc="buu-chinh")
            c3 = self.submit(citizen, thong_tin="Danh sách hộ nghèo Phường 4 năm 2025")
            ta, tb, tc = self.ticket(a), self.ticket(b), self.ticket(c3)
            # the register's numbers, per site and year, in order
            self.assertEqual((ta[3], tb[3]), (2026, 2026))
            self.assertEqual(tb[2], ta[2] + 1)
            self.assertEqual(tc[2], tb[2] + 1)
            self.assertEqual(ta[5], "tctt-don-gian")
            # the tracking page: received, due in 3 working days after the Tết week
            r = self.page(citizen, "/theo-doi?ma=" + a)
            self.assertIn("Đã tiếp nhận", r.text)
            self.assertIn(dmy(simple_due), r.text)
            staff = self.staff_on(srv)
            page = self.page(staff, "/quan-tri/tiep-nhan/%d" % ta[0], chrome=False)
            self.assertIn("Số sổ theo dõi", page.text)
            self.assertIn("%d/2026" % ta[2], page.text)
            self.assertNotIn(NAME, page.text, "the name shown before it was asked for")
            for act in ("accept", "refuse"):
                self.assertIn('value="%s"' % act, page.text)
            for common in ("classify", "forward", "answer", "reply"):
                self.assertNotIn('name="action" value="%s"' % common, page.text)
            # A: simple, provided with its letter and a file
            self.act(staff, ta[0], "accept", result="simple")
            self.assertEqual(self.ticket(a)[1], "ir_accepted")
            self.act(staff, ta[0], "extend", expect=422, reason_text="Cần thêm thời gian")  # not complex
            letter = "Gửi Ông bản sao Quyết định số 45/QĐ-UBND ngày 10/3/2025 kèm theo thư này."
            self.act(staff, ta[0], "provide", result="full", body=letter,
                     files=[("file", "quyet-dinh-45.pdf", "application/pdf", PDF)])
            self.assertEqual(self.ticket(a)[1], "ir_provided")
            self.assertIsNotNone(self.ticket(a)[6])
            # B: complex — the notice of the timeline is required; due 15 working days after receipt
            r = self.act(staff, tb[0], "accept", expect=422, result="complex", body="")
            self.assertIn("thông báo thời hạn", text_of(r.by_id("accept-body-error")))
            self.assertEqual(r.by_id("accept-result").find(".//option[@selected]").get("value"), "complex")
            self.act(staff, tb[0], "accept", result="complex",
                     body="Thông tin được cung cấp qua bưu chính trong 15 ngày làm việc; không thu phí.")
            r = self.page(staff, "/quan-tri/tiep-nhan/%d" % tb[0], chrome=False)
            self.assertIn(dmy(complex_due), r.text)
            self.act(staff, tb[0], "process")
            # the extension: its reason required, once, 15 working days more, mailed
            r = self.act(staff, tb[0], "extend", expect=422, reason_text="")
            self.assertIsNotNone(r.by_id("extend-reason_text-error"))
            self.act(staff, tb[0], "extend", reason_text="Hồ sơ thanh tra đang lưu trữ tại Thanh tra tỉnh, cần thời gian sao lục.")
            tb2 = self.ticket(b)
            self.assertEqual(tb2[1], "ir_extended")
            self.assertEqual(tb2[5], "tctt-gia-han")
            r = self.page(staff, "/quan-tri/tiep-nhan/%d" % tb[0], chrome=False)
            self.assertIn(dmy(extended_due), r.text)
            self.assertNotIn('value="extend"', r.text, "a second extension offered")
            r = self.act(staff, tb[0], "extend", expect=422, reason_text="Lần nữa")
            self.assertIn("một lần", r.text)
            mails = self.fx.sql("SELECT subject, body, rcpt FROM mail_outbox WHERE ticket_id = ? ORDER BY id", (tb[0],))
            ext = [m for m in mails if "Gia hạn" in m[0]]
            self.assertEqual(len(ext), 1, [m[0] for m in mails])
            self.assertIn("cần thời gian sao lục", ext[0][1])
            self.assertNotIn(EMAIL, ext[0][2], "the address in clear in the outbox")
            # B refused in the end, with reasons
            r = self.act(staff, tb[0], "refuse", expect=422, reason="", body="")
            self.assertIsNotNone(r.by_id("refuse-reason-error"))
            self.act(staff, tb[0], "refuse", reason="khong-duoc-tiep-can",
                     body="Báo cáo có nội dung thuộc bí mật nhà nước nên không thể cung cấp.")
            self.assertEqual(self.ticket(b)[1], "ir_refused")
            # A: the information was wrong — corrected within 5 working days, then provided again
            self.act(staff, ta[0], "correct", reason_text="Bản vẽ gửi kèm là bản cũ; gửi lại bản đã điều chỉnh.")
            t = self.ticket(a)
            self.assertEqual(t[1], "ir_correcting")
            self.assertIsNone(t[6])
            self.act(staff, ta[0], "provide", result="partial", body="Gửi lại bản vẽ đã điều chỉnh; phần bản đồ số chưa thể cung cấp.")
            self.assertEqual(self.ticket(a)[1], "ir_partly")

            # the tracking page with the code only: the steps, not the letters nor the files
            r = self.page(citizen, "/theo-doi?ma=" + a)
            self.assertIn("Đã cung cấp một phần thông tin", r.text)
            self.assertNotIn("Quyết định số 45", r.text)
            self.assertNotIn("/theo-doi/tep", r.text)
            # with the e-mail: the letters and the file, which downloads with its token only
            r = citizen.post("/theo-doi", [("ma", a), ("email", EMAIL)])
            self.expect(r, 200)
            self.check_html(r)
            self.assertIn("Quyết định số 45", r.text)
            link = re.search(r'href="(/theo-doi/tep\?[^"]+)"', r.text).group(1).replace("&amp;", "&")
            got = citizen.get(link)
            self.expect(got, 200)
            self.assertEqual(got.body, PDF)
            self.assertIn("no-store", got.header("Cache-Control"))
            self.expect(citizen.get(re.sub(r"t=[0-9a-f]+", "t=" + "0" * 32, link)), 404)
            self.expect(citizen.get(link.replace("ma=" + a, "ma=" + b)), 404)
            # the file is not in the public media library
            self.assertFalse(any(PDF == open(os.path.join(d, f), "rb").read()
                                 for d, _, fs in os.walk(os.path.join(fx.data, "media")) for f in fs))
            # staff download it from the ticket's page
            r = self.page(staff, "/quan-tri/tiep-nhan/%d" % ta[0], chrome=False)
            flink = re.search(r'href="(/quan-tri/tiep-nhan-tep/\d+)"', r.text).group(1)
            self.assertEqual(staff.get(flink).body, PDF)
            anon = self.on(srv).get(flink)
            self.assertNotEqual(anon.status, 200)
        finally:
            srv.stop()

        # C, left open, is overdue after its 3 working days: in the deadline module's list
        srv = self.fake_server(vn_utc("2026-03-02"))
        try:
            staff = self.staff_on(srv)
            r = self.page(staff, "/quan-tri/han-cap-nhat", chrome=False)
            self.assertIn('href="/quan-tri/tiep-nhan/%d"' % tc[0], r.text)
            overdue = r.text.split("Quá hạn", 1)[-1]
            self.assertIn("Danh sách hộ nghèo", overdue)
            # the register of the year: numbers, initials, states; the names when asked (audited)
            r = self.page(staff, "/quan-tri/so-theo-doi?tu=2026-01-01&den=2026-12-31", chrome=False)
            reg = text_of(r.by_id("so-theo-doi"))
            self.assertIn("N.V.Q.M.", reg)
            self.assertNotIn(NAME, r.text)
            self.assertIn("Từ chối cung cấp thông tin", reg)
            self.assertIn("Đã cung cấp một phần thông tin", reg)
            self.assertIn("quá hạn", reg)
            before = self.fx.sql("SELECT count(*) FROM audit WHERE action = 'inforeq.register_personal_view'")[0][0]
            r = self.page(staff, "/quan-tri/so-theo-doi?tu=2026-01-01&den=2026-12-31&ca-nhan=1", chrome=False)
            self.assertIn(NAME, r.text)
            after = self.fx.sql("SELECT count(*) FROM audit WHERE action = 'inforeq.register_personal_view'")[0][0]
            self.assertEqual(after, before + 1)
            # the export for the periodic report: every request, initials only, no ID number
            x = staff.get("/quan-tri/so-theo-doi?tu=2026-01-01&den=2026-12-31&dang=xlsx")
            self.expect(x, 200)
            z = zipfile.ZipFile(io.BytesIO(x.body))
            xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
            for code in (a, b, c3):
                self.assertIn(code, xml)
            self.assertIn("N.V.Q.M.", xml)
            self.assertNotIn(NAME, xml)
            self.assertNotIn(ID_NUMBER, xml)
            self.assertIn("Sổ theo dõi", xml)
            # a bad period: the message next to the field, the input kept
            r = staff.get("/quan-tri/so-theo-doi?tu=2026-13-01&den=2026-12-31")
            self.expect(r, 422)
            self.assertIsNotNone(r.by_id("tu-error"))
            self.assertEqual(r.by_id("tu").get("value"), "2026-13-01")
        finally:
            srv.stop()

        # a new year starts the numbers again
        srv = self.fake_server(vn_utc("2027-01-05"))
        try:
            d = self.submit(self.on(srv))
            self.assertEqual(self.ticket(d)[2:4], (1, 2027))
        finally:
            srv.stop()

    def test_refused_at_reception_with_reasons(self):
        c = self.fx.client(self.SLUG)
        code = self.submit(c, thong_tin="Hồ sơ nhân sự của cán bộ Sở Nội vụ")
        t = self.ticket(code)
        staff = self.fx.admin("duyet", self.SLUG)
        # assigned: still "received" — the request moves only by its own steps
        uid = self.fx.sql("SELECT id FROM users WHERE username = 'duyet'")[0][0]
        self.act(staff, t[0], "assign", user_id=str(uid))
        self.assertEqual(self.ticket(code)[1], "received")
        # the common actions are not this kind's
        self.act(staff, t[0], "reply", expect=404, body="Trả lời")
        r = self.act(staff, t[0], "refuse", expect=422, reason="khong-co-ly-do", body="x")
        self.assertIsNotNone(r.by_id("refuse-reason-error"))
        self.act(staff, t[0], "refuse", reason="khong-du-dieu-kien",
                 body="Thông tin về cán bộ chỉ được cung cấp khi có sự đồng ý của người đó.")
        self.assertEqual(self.ticket(code)[1], "ir_refused")
        r = self.page(c, "/theo-doi?ma=" + code)
        self.assertIn("Từ chối cung cấp thông tin", r.text)
        # closed: nothing more may be done
        self.act(staff, t[0], "provide", expect=422, result="full", body="Thư")


class PersonalData(Base):
    def test_the_id_number_is_never_in_clear(self):
        fx = self.fx
        c = fx.client(self.SLUG)
        ident, name, mail = "079188024680", "Trần Thị Bích Ngọc", "bichngoc.tt@example.vn"
        code = self.submit(c, ho_ten=name, giay_to=ident, email=mail)
        staff = fx.admin("duyet", self.SLUG)
        tid = self.ticket(code)[0]
        # the staff open it (audited); every public page and the register's first view do not show it
        r = self.page(staff, "/quan-tri/tiep-nhan/%d?ca-nhan=1" % tid, chrome=False)
        self.assertIn(ident, r.text)
        for path in ("/theo-doi?ma=" + code, "/tiep-can-thong-tin", "/", "/tim-kiem?q=Ng%E1%BB%8Dc"):
            p = c.get(path)
            for secret in (ident, name, mail):
                self.assertNotIn(secret, p.text, "%s in %s" % (secret, path))
        r = staff.get("/quan-tri/so-theo-doi")
        self.assertNotIn(ident, r.text)
        self.assertNotIn(name, r.text)
        # the database file (and its WAL) and the server's log
        for fn in db_files(fx.data):
            with open(fn, "rb") as f:
                blob = f.read()
            for secret in (ident, name, mail):
                self.assertNotIn(secret.encode(), blob, "%s in clear in %s" % (secret, fn))
        for fn in os.listdir(fx.tmp):
            if fn.endswith(".log"):
                with open(os.path.join(fx.tmp, fn), "rb") as f:
                    blob = f.read()
                for secret in (ident, name, mail):
                    self.assertNotIn(secret.encode(), blob, "%s in the log %s" % (secret, fn))
