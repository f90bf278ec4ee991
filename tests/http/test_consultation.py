"""Public consultation on drafts (docs/consultation.md): the consultation's page with its days left
and form, a comment on an open draft through the challenged form (moderated, then public under its
article), a comment on a closed draft refused with the close time, an article the draft does not
have, a comment on something that is not a consultation, pre-moderation turned off by the site's
administrator, personal data never in the page, the log or the database in clear, the staff's
export grouped by article (CSV and XLSX, permissions), the list's tabs by the derived term."""
import datetime
import io
import re
import zipfile

from forms_helper import answer_of, challenge_of, solve_pow as solve
from conglib import CongTest, db_files, module_fixture, squash
from items_helper import create, publish, public_path

setUpModule, tearDownModule = module_fixture()

VN = datetime.timezone(datetime.timedelta(hours=7))
TODAY = datetime.datetime.now(VN).date()

BODY = ("<p><strong>Điều 1. Phạm vi điều chỉnh</strong></p><p>Quy định này quy định về hỗ trợ học phí.</p>"
        "<p>Điều 2. Đối tượng áp dụng</p><p>Học sinh theo quy định tại Điều 1. của Quy định này.</p>"
        "<p>Điều 3. Mức hỗ trợ</p><p>Mức hỗ trợ 50% học phí.</p>")


def vn(d):
    return d.strftime("%d/%m/%Y")


def consultation(test, client, title, start, end, time="", body=BODY):
    iid = create(test, client, "du-thao", title, [
        ("co_quan_soan_thao", "Sở Giáo dục và Đào tạo"), ("linh_vuc", "Giáo dục, đào tạo"),
        ("ngay_bat_dau", vn(start)), ("ngay_ket_thuc", vn(end)), ("gio_ket_thuc", time),
        ("don_vi_tiep_nhan", "Phòng Pháp chế, Sở Giáo dục và Đào tạo"),
        ("dia_chi_tiep_nhan", "Số 1 đường Lê Lợi, phường 1, thành phố Vĩnh Long"),
        ("email_tiep_nhan", "phapche.sgddt@vinhlong.gov.vn"), ("tong_hop", ""), ("tong_hop_tep", "")], body=body)
    publish(test, client, "du-thao", iid)
    return iid


def answer(r):
    """The answer to the form's question for readers without JavaScript."""
    return str(answer_of(challenge_of(r.text)[1]))


def form_tokens(r):
    token = re.search(r'name="challenge" value="([^"]+)"', r.text).group(1)
    bits = int(re.search(r'data-challenge-bits="(\d+)"', r.text).group(1))
    return token, bits


class ConsultationTest(CongTest):
    @classmethod
    def setUpClass(cls):
        fx = cls.fx
        fx.set_setting("challenge_bits", "8")
        t = cls("test_open_page")  # setUpClass has no instance: the helpers' assertions go through this one
        cls.staff = fx.admin("duyet", "snv")
        cls.open_id = consultation(t, cls.staff, "Dự thảo Nghị quyết hỗ trợ học phí năm học 2026-2027",
                                   TODAY - datetime.timedelta(days=5), TODAY + datetime.timedelta(days=10))
        cls.closed_id = consultation(t, cls.staff, "Dự thảo Quyết định quy định giá dịch vụ xe ra, vào bến",
                                     TODAY - datetime.timedelta(days=40), TODAY - datetime.timedelta(days=2), "17:00")
        cls.open_path = public_path(t, fx, "snv", cls.open_id)
        cls.closed_path = public_path(t, fx, "snv", cls.closed_id)

    def comment(self, client, item_id, text, article="", name="Nguyễn Văn An", email="an@example.vn",
                display="Cử tri phường 1", page=None, nojs=False):
        """Sends a comment from the consultation's page (its embedded form) or the form /gui/gop-y,
        with the proof of work a script computes, or NOJS: the question answered."""
        r = client.get(page or "/gui/gop-y?muc=%d" % item_id)
        self.expect(r, 200)
        token, bits = form_tokens(r)
        return client.post("/gui/gop-y", [("muc", str(item_id)), ("ten_hien_thi", display), ("dieu", article),
                                          ("noi_dung", text), ("ho_ten", name), ("email", email), ("nhan_thu", "1"),
                                          ("website", ""), ("challenge", token), ("pow", "" if nojs else solve(token, bits)),
                                          ("challenge_answer", answer(r) if nojs else "")])

    def ticket_id(self, code):
        r = self.staff.get("/quan-tri/tiep-nhan?hop=new&loai=comment")
        self.expect(r, 200)
        m = re.search(r'href="/quan-tri/tiep-nhan/(\d+)">%s<' % re.escape(code), r.text)
        self.assertTrue(m, "ticket %s not in the inbox" % code)
        return int(m.group(1))

    def test_open_page(self):
        c = self.fx.client("snv")
        r = self.page(c, self.open_path)
        self.assertIn_("Đang lấy ý kiến", r)
        self.assertIn_("Còn <strong>10 ngày</strong>", r, "calendar days left")
        self.assertIn_("hết ngày %s" % vn(TODAY + datetime.timedelta(days=10)), r)
        self.assertIn_('action="/gui/gop-y"', r)
        self.assertIn_('name="muc" value="%d"' % self.open_id, r)
        self.assertIn_('<option value="2">Điều 2. Đối tượng áp dụng</option>', r, "the articles as a choice")
        self.assertNotIn_("<option value=\"1.\"", r)
        self.assertIn_("challenge_answer", r, "the question without JavaScript")
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertNotIn_("}}", r, "a template tag left in the page")
        r = self.page(c, self.open_path + "/ban-in", chrome=False)
        self.assertNotIn_('action="/gui/gop-y"', r, "no form in the print view")

    def test_closed_page_and_refusal(self):
        c = self.fx.client("snv")
        r = self.page(c, self.closed_path)
        self.assertIn_("Đã hết hạn lấy ý kiến", r)
        self.assertNotIn_('action="/gui/gop-y"', r, "no form once closed")
        self.assertIn_("Tổng hợp, tiếp thu, giải trình ý kiến", r)
        r = self.comment(c, self.closed_id, "Đề nghị giảm giá vé.")
        self.expect(r, 422)
        close = "17:00 ngày %s" % vn(TODAY - datetime.timedelta(days=2))
        self.assertIn_("hết thời gian lấy ý kiến (kết thúc lúc %s)" % close, r, "the close time in the message")
        self.assertIn_("Đề nghị giảm giá vé.", r, "the input kept")

    def test_article_that_does_not_exist(self):
        c = self.fx.client("snv")
        r = self.comment(c, self.open_id, "Nội dung góp ý điều không có.", article="57")
        self.expect(r, 422)
        self.assertIn_("Dự thảo không có Điều 57; dự thảo có 3 điều, từ Điều 1.", r)
        self.assertIn_("Nội dung góp ý điều không có.", r, "the input kept")
        tree = r.tree()
        err = [p for p in tree.iter("p") if p.get("id") == "dieu-error"]
        self.assertTrue(err, "the message next to the field")

    def test_not_a_consultation(self):
        c = self.fx.client("snv")
        cid, _ = self.fx.category(self.staff, "Tin thử góp ý")
        art = self.fx.article(self.staff, "Tin không phải dự thảo", category_id=cid, publish=True)
        draft = create(self, self.staff, "du-thao", "Dự thảo chưa đăng", [
            ("co_quan_soan_thao", "Sở Tư pháp"), ("ngay_bat_dau", vn(TODAY)),
            ("ngay_ket_thuc", vn(TODAY + datetime.timedelta(days=3))), ("don_vi_tiep_nhan", "Sở Tư pháp")])
        for iid in (art, draft):
            r = self.comment(c, iid, "Góp ý vào tin.")
            self.expect(r, 422)
            self.assertIn_("Không tìm thấy dự thảo đang lấy ý kiến", r)
        # a consultation of another site is not this site's to receive
        r = self.comment(self.fx.client("longho"), self.open_id, "Góp ý nhầm trang.")
        self.expect(r, 422)
        self.assertIn_("Không tìm thấy dự thảo đang lấy ý kiến", r)

    def test_comment_moderated_then_public(self):
        c = self.fx.client("snv")
        text = "Đề nghị bổ sung học sinh khuyết tật vào đối tượng áp dụng."
        r = self.comment(c, self.open_id, text, article="2", display="Hội Cha mẹ học sinh", page=self.open_path)
        self.expect(r, 303)
        code = re.search(r"ma=(GY-[A-Z0-9-]+)", r.location).group(1)
        st = c.get(r.location_path + "?" + r.location.split("?", 1)[1])
        self.expect(st, 200)
        self.assertIn_(code, st)
        self.assertNotIn_(text, c.get(self.open_path), "not shown before it is accepted")
        tid = self.ticket_id(code)
        r = self.staff.get("/quan-tri/tiep-nhan/%d" % tid)
        self.expect(r, 200, "the comment in the inbox")
        self.assertIn_(text, r)
        r = self.staff.post("/quan-tri/tiep-nhan/%d" % tid, [("action", "accept")])
        self.expect(r, 303, "accept")
        page = self.page(c, self.open_path)
        self.assertIn_(text, page)
        i = page.text.index(text)
        self.assertIn("Điều 2. Đối tượng áp dụng", page.text[max(0, i - 600):i], "grouped under its article")
        self.assertIn_("Hội Cha mẹ học sinh", page)

    def test_comment_without_javascript(self):
        c = self.fx.client("snv")
        r = self.comment(c, self.open_id, "Góp ý gửi không dùng JavaScript.", article="1", page=self.open_path, nojs=True)
        self.expect(r, 303)
        self.assertIn("ma=GY-", r.location)
        # a wrong answer keeps what was typed, with the message next to the question
        r = c.get(self.open_path)
        token, _ = form_tokens(r)
        wrong = str((int(answer(r)) + 1))
        r = c.post("/gui/gop-y", [("muc", str(self.open_id)), ("ten_hien_thi", "Người thử"), ("noi_dung", "Giữ lại nội dung này."),
                                  ("ho_ten", "A"), ("email", "a@example.vn"), ("challenge", token), ("pow", ""),
                                  ("challenge_answer", wrong)])
        self.expect(r, 422)
        self.assertIn_("Giữ lại nội dung này.", r)
        self.assertIn_('id="challenge-error"', r)

    def test_personal_data_never_in_clear(self):
        c = self.fx.client("snv")
        name, email = "Trịnh Thị Bảo Ngọc Riêng", "baongoc.rieng.1987@example.vn"
        r = self.comment(c, self.open_id, "Đề nghị nêu rõ thời hạn chi trả hỗ trợ.", name=name, email=email,
                         display="Phụ huynh Long Hồ")
        self.expect(r, 303)
        code = re.search(r"ma=(GY-[A-Z0-9-]+)", r.location).group(1)
        tid = self.ticket_id(code)
        self.expect(self.staff.post("/quan-tri/tiep-nhan/%d" % tid, [("action", "accept")]), 303)
        for target in (self.open_path, "/du-thao", "/du-thao.csv", "/du-thao.json", "/theo-doi?ma=" + code,
                       "/tim-kiem?q=Ng%E1%BB%8Dc"):
            resp = c.get(target)
            self.assertNotIn(name, resp.text, target)
            self.assertNotIn(email, resp.text, target)
        for path in ("/quan-tri/du-thao/%d/gop-y.csv" % self.open_id,):
            resp = self.staff.get(path)
            self.expect(resp, 200)
            self.assertNotIn(name, resp.text, "the export")
            self.assertNotIn(email, resp.text, "the export")
        with open(self.fx.server.log_path, "rb") as f:
            log = f.read()
        self.assertNotIn(name.encode(), log, "the server's log")
        self.assertNotIn(email.encode(), log, "the server's log")
        for p in db_files(self.fx.data):
            with open(p, "rb") as f:
                blob = f.read()
            self.assertNotIn(name.encode(), blob, p)
            self.assertNotIn(email.encode(), blob, p)

    def test_export_grouped_by_article(self):
        c = self.fx.client("snv")
        for article, text in (("3", "Góp ý Điều 3: mức hỗ trợ nên là 70%."), ("", "Góp ý chung: dự thảo cần rõ ràng hơn."),
                              ("1", "Góp ý Điều 1: phạm vi quá hẹp.")):
            self.expect(self.comment(c, self.open_id, text, article=article), 303)
        r = self.staff.get("/quan-tri/du-thao/%d/gop-y.csv" % self.open_id)
        self.expect(r, 200)
        self.assertIn("attachment", r.header("Content-Disposition"))
        text = r.body.decode("utf-8-sig")
        rows = [ln for ln in text.splitlines() if ln]
        self.assertTrue(rows[0].startswith("Điều,Tên điều,Mã góp ý"), rows[0])
        pos = [text.index(t) for t in ("Góp ý chung: dự thảo", "Góp ý Điều 1: phạm vi", "Góp ý Điều 3: mức")]
        self.assertEqual(pos, sorted(pos), "the whole draft first, then by article")
        self.assertIn("Phạm vi điều chỉnh", text)
        self.assertIn("Chờ duyệt", text, "not yet moderated ones too, with their state")
        x = self.staff.get("/quan-tri/du-thao/%d/gop-y.xlsx" % self.open_id)
        self.expect(x, 200)
        z = zipfile.ZipFile(io.BytesIO(x.body))
        shared = z.read("xl/sharedStrings.xml").decode("utf-8")
        self.assertIn("Góp ý Điều 3: mức hỗ trợ nên là 70%.", shared)
        # the public cannot, nor staff of another site
        anon = self.fx.client("snv").get("/quan-tri/du-thao/%d/gop-y.csv" % self.open_id)
        self.assertIn(anon.status, (302, 303))
        other = self.fx.admin("bientap", "snv").get("/quan-tri/du-thao/%d/gop-y.csv" % self.open_id)
        self.assertIn(other.status, (302, 303, 403))
        self.expect(self.fx.admin("bientap", "longho").get("/quan-tri/du-thao/%d/gop-y.csv" % self.open_id), 404)

    def test_post_moderation_setting(self):
        admin = self.fx.admin("admin", "snv")
        r = admin.get("/quan-tri/tiep-nhan/kiem-duyet")
        self.expect(r, 200)
        self.assertIn_("Kiểm duyệt trước khi đăng", r)
        self.assertIn_('href="/quan-tri/du-thao/%d/gop-y.xlsx"' % self.open_id, r, "the export offered")
        # an approver is not the site's administrator
        self.expect(self.staff.post("/quan-tri/tiep-nhan/kiem-duyet", [("kind", "comment")]), 403)
        self.expect(admin.post("/quan-tri/tiep-nhan/kiem-duyet", [("kind", "comment")]), 303)
        try:
            c = self.fx.client("snv")
            text = "Góp ý hiện ngay khi không kiểm duyệt trước."
            self.expect(self.comment(c, self.open_id, text), 303)
            self.assertIn_(text, c.get(self.open_path), "shown at once")
        finally:
            self.expect(admin.post("/quan-tri/tiep-nhan/kiem-duyet", [("kind", "comment"), ("premoderate", "1")]), 303)
        text = "Góp ý phải chờ duyệt trở lại."
        self.expect(self.comment(self.fx.client("snv"), self.open_id, text), 303)
        self.assertNotIn_(text, self.fx.client("snv").get(self.open_path), "pre-moderation again")

    def test_list_tabs(self):
        c = self.fx.client("snv")
        r = self.page(c, "/du-thao")
        self.assertIn_("Đang lấy ý kiến", r)
        self.assertIn_("badge-het-han", r)
        r = self.page(c, "/du-thao?lay_y_kien=het-han")
        self.assertIn_("xe ra, vào bến", r)
        self.assertNotIn_("hỗ trợ học phí năm học", r)
        r = self.page(c, "/du-thao?lay_y_kien=dang-lay-y-kien")
        self.assertIn_("hỗ trợ học phí năm học", r)
        self.assertNotIn_("xe ra, vào bến", r)

    def test_not_yet_open(self):
        iid = consultation(self, self.staff, "Dự thảo Kế hoạch chuyển đổi số năm 2027",
                           TODAY + datetime.timedelta(days=3), TODAY + datetime.timedelta(days=33))
        path = public_path(self, self.fx, "snv", iid)
        c = self.fx.client("snv")
        r = self.page(c, path)
        self.assertIn_("Sắp lấy ý kiến", r)
        self.assertIn_("Bắt đầu nhận góp ý từ ngày %s" % vn(TODAY + datetime.timedelta(days=3)), r)
        self.assertNotIn_('action="/gui/gop-y"', r, "no form before it opens")
        r = self.comment(c, iid, "Góp ý quá sớm.")
        self.expect(r, 422)
        self.assertIn_("chưa đến thời gian lấy ý kiến (bắt đầu từ ngày %s)" % vn(TODAY + datetime.timedelta(days=3)), r)
        self.assertIn_("Dự thảo Kế hoạch chuyển đổi số năm 2027", self.page(c, "/du-thao?lay_y_kien=sap-lay-y-kien"))

    def test_listed_by_another_site(self):
        board = self.fx.admin("admin", None)
        iid = consultation(self, board, "Dự thảo Nghị quyết về chính sách thu hút nhân lực chất lượng cao",
                           TODAY - datetime.timedelta(days=1), TODAY + datetime.timedelta(days=20))
        self.expect(self.staff.post("/quan-tri/liet-ke/du-thao", [("item", str(iid)), ("on", "1")]), 303, "listing")
        c = self.fx.client("snv")
        self.assertIn_("chính sách thu hút nhân lực", c.get("/du-thao"), "the listed consultation in the site's list")
        path = public_path(self, self.fx, None, iid)
        r = self.page(c, path)  # the main portal's consultation, shown on the Sở's site
        self.assertNotIn_('action="/gui/gop-y"', r, "no form that would be refused on a site that only lists it")
        self.assertIn_("gửi góp ý tại trang của", r)

    def test_close_before_open_refused(self):
        r = create(self, self.staff, "du-thao", "Dự thảo sai ngày", [
            ("co_quan_soan_thao", "Sở Tư pháp"), ("ngay_bat_dau", vn(TODAY)),
            ("ngay_ket_thuc", vn(TODAY - datetime.timedelta(days=1))), ("don_vi_tiep_nhan", "Sở Tư pháp")], expect=422)
        self.assertIn_("Ngày kết thúc lấy ý kiến không được trước ngày bắt đầu", r)
