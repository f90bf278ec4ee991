"""The satisfaction rating of the portal and simple polls (issue #14; docs/ratings-polls.md).

A rating (four criteria 1..5, an optional comment) counts once per browser per site per month
without a cookie: a keyed hash of the address, the User-Agent and the month; a second one in the
month replaces the first. A poll takes one vote per browser, refuses votes once closed (its close
time in the message), shows its results after the vote or only after closing as the board chose,
and its open page is never served from the page cache (results never stale). Nothing that
identifies the reader is stored: the address, the User-Agent and the comment are not in the
database file in clear, nor the comment in the log; the board reads the results (and the
comments, audited) and exports them as XLSX."""
import datetime
import re
import time
import uuid

from forms_helper import challenge_of, solve_pow
from conglib import CongTest, data_columns, db_files, module_fixture, squash

# the tests' browsers come through a proxy the server trusts, so that each can have an address
# of its own (and one the database can be searched for)
setUpModule, tearDownModule = module_fixture(extra_serve=("--trust-proxy", "127.0.0.1"))

VN = datetime.timezone(datetime.timedelta(hours=7))


def vn_day(offset=0):
    return (datetime.datetime.now(VN) + datetime.timedelta(days=offset)).strftime("%d/%m/%Y")


def solve(page_text):
    """The form's challenge solved as the browser's script does: (token, nonce)."""
    token, _, bits = challenge_of(page_text)
    return token, solve_pow(token, bits)


class Browser:
    """A public client with its own address (X-Forwarded-For) and User-Agent."""

    def __init__(self, client, addr, ua):
        self.c, self.h = client, {"X-Forwarded-For": addr, "User-Agent": ua}

    def get(self, path):
        return self.c.get(path, headers=self.h)

    def post(self, path, fields):
        return self.c.post(path, fields, headers=self.h)

    def send(self, path, fields, solve_it=True):
        """GETs the form at PATH, then POSTs FIELDS with its challenge solved."""
        page = self.get(path)
        f = list(fields)
        if solve_it:
            token, nonce = solve(page.text)
            f += [("challenge", token), ("pow", nonce)]
        return self.post(path, f)


SCORES = ("giao_dien", "noi_dung", "chat_luong", "ho_tro")


class Ratings(CongTest):
    def browser(self, slug="snv", ua=None, addr=None):
        return Browser(self.fx.client(slug), addr or "198.51.100.%d" % (hash(uuid.uuid4()) % 200 + 10),
                       ua or "Mozilla/5.0 Test-%s" % uuid.uuid4().hex[:8])

    def test_the_footer_links_the_rating_form_an_accessible_form(self):
        home = self.page(self.fx.client("snv"), "/")
        self.assertIn_('href="/danh-gia"', home, "the footer's link to the rating")
        r = self.page(self.fx.client("snv"), "/danh-gia")
        self.assertEqual(r.header("Cache-Control"), "no-store")
        for k in SCORES:
            self.assertEqual(len(re.findall(r'<input type="radio" id="%s-\d" name="%s"' % (k, k), r.text)), 5, k)
        self.assertEqual(r.text.count("<fieldset"), 4, "one fieldset per criterion")
        self.assertIn_("<legend>Giao diện</legend>", r)
        self.assertIn_('name="challenge"', r)

    def test_a_rating_counts_once_per_browser_per_month_the_second_replaces_the_first(self):
        a = self.browser("longho", ua="Mozilla/5.0 Once-A")
        r = a.send("/danh-gia", [(k, "2") for k in SCORES])
        self.expect(r, 303, squash(r.text)[-300:])
        self.assertEqual(r.location_path, "/danh-gia?da-gui=1")
        r = self.page(a.c, r.location_path)
        self.assertIn_("Cảm ơn", r)
        r = a.send("/danh-gia", [(k, "4") for k in SCORES])
        self.expect(r, 303)
        self.assertEqual(r.location_path, "/danh-gia?da-gui=2", "the second rating of the month replaced the first")
        b = self.browser("longho", ua="Mozilla/5.0 Once-B")
        self.expect(b.send("/danh-gia", [("giao_dien", "5"), ("noi_dung", "5"), ("chat_luong", "3"), ("ho_tro", "5")]), 303)
        board = self.fx.admin("admin", "longho")
        r = self.page(board, "/quan-tri/danh-gia", chrome=False)
        self.assertIn_("2 lượt đánh giá", r, "two browsers, three ratings: two counted")
        self.assertIn_('<th scope="col">5 điểm</th>', r, "the counts of each score have their headers")
        row = re.search(r'<tr data-key="giao_dien">(.*?)</tr>', r.text, re.S).group(1)
        self.assertIn("4,50", row, "interface: (4 + 5) / 2, the first rating replaced")
        row = re.search(r'<tr data-key="chat_luong">(.*?)</tr>', r.text, re.S).group(1)
        self.assertIn("3,50", row)

    def test_bad_input_gets_its_message_next_to_the_field_and_the_choices_are_kept(self):
        a = self.browser()
        r = a.send("/danh-gia", [("giao_dien", "5"), ("noi_dung", "4"), ("chat_luong", "9"), ("y_kien", "Trang rất dễ dùng.")])
        self.expect(r, 422)
        self.assertIn_('id="ho_tro-error"', r)
        self.assertIn_("Vui lòng chọn một mức từ 1 đến 5.", r)
        self.assertIn_("Mức đánh giá phải từ 1 đến 5.", r)
        self.assertIn_('id="giao_dien-5" name="giao_dien" value="5" checked', r)
        self.assertIn_('id="noi_dung-4" name="noi_dung" value="4" checked', r)
        self.assertIn_("Trang rất dễ dùng.</textarea>", r)
        r = a.send("/danh-gia", [(k, "3") for k in SCORES] + [("y_kien", "x" * 2001)])
        self.expect(r, 422)
        self.assertIn_("Ý kiến dài quá 2.000 ký tự.", r)

    def test_the_challenge_stops_bulk_ratings(self):
        a = self.browser()
        r = a.send("/danh-gia", [(k, "1") for k in SCORES], solve_it=False)
        self.expect(r, 422, "no challenge")
        self.assertIn_('id="challenge-error"', r)
        page = a.get("/danh-gia")
        token = re.search(r'name="challenge" value="([^"]+)"', page.text).group(1)
        r = a.post("/danh-gia", [(k, "1") for k in SCORES] + [("challenge", token), ("challenge_answer", "999")])
        self.expect(r, 422, "a wrong answer")
        # the question in words answered (no JavaScript)
        q = re.search(r'<label for="challenge_answer">([^<]+)</label>', page.text).group(1)
        self.assertIn("bằng bao nhiêu", q)
        # one solved challenge sends one form
        token, nonce = solve(page.text)
        self.expect(a.post("/danh-gia", [(k, "1") for k in SCORES] + [("challenge", token), ("pow", nonce)]), 303)
        r = a.post("/danh-gia", [(k, "1") for k in SCORES] + [("challenge", token), ("pow", nonce)])
        self.expect(r, 422, "the same challenge again")
        # the honeypot
        token, nonce = solve(a.get("/danh-gia").text)
        r = a.post("/danh-gia", [(k, "1") for k in SCORES] + [("challenge", token), ("pow", nonce), ("website", "x")])
        self.expect(r, 422, "the honeypot filled")

    def test_nothing_identifying_is_stored_and_the_comment_is_sealed(self):
        addr, ua = "203.0.113.77", "Mozilla/5.0 (X11; Linux) Identifying-UA-5KQ"
        comment = "Tôi là Trần Thị Mỹ Hạnh, số điện thoại 0912345678, hanh.tran@example.vn"
        a = self.browser("snv", ua=ua, addr=addr)
        self.expect(a.send("/danh-gia", [(k, "4") for k in SCORES] + [("y_kien", comment)]), 303)
        # the public pages never show the comment
        self.assertNotIn_("0912345678", self.fx.client("snv").get("/danh-gia"))
        # the board reads it, and the reading is in the audit log
        board = self.fx.admin("duyet", "snv")
        r = self.page(board, "/quan-tri/danh-gia", chrome=False)
        self.assertIn_("hanh.tran@example.vn", r)
        audit = self.page(self.fx.admin("admin", "snv"), "/quan-tri/nhat-ky", chrome=False)
        self.assertIn_("rating.comments_view", audit)
        # the database (and its write-ahead log) holds none of it in clear
        for p in db_files(self.fx.data):
            raw = open(p, "rb").read()
            for secret in (addr, ua, "0912345678", "hanh.tran@example.vn", "Mỹ Hạnh"):
                self.assertNotIn(secret.encode(), raw, "%s in %s" % (secret, p))
        log = open(self.fx.server.log_path, "rb").read()
        for secret in ("0912345678", "hanh.tran@example.vn", ua):
            self.assertNotIn(secret.encode(), log, "%s in the server log" % secret)
        self.assertNotIn("address", data_columns(self.fx.data, "ratings"))
        self.assertTrue(all(v.startswith("p1:") for (v,) in self.fx.sql(
            "SELECT comment FROM ratings WHERE comment IS NOT NULL")), "comments sealed")

    def test_the_board_exports_the_period_and_the_main_portal_sees_every_site(self):
        a = self.browser("snv")
        self.expect(a.send("/danh-gia", [(k, "5") for k in SCORES]), 303)
        month = datetime.datetime.now(VN).strftime("%Y-%m")
        year = month[:4]
        board = self.fx.admin("duyet", "snv")
        r = board.get("/quan-tri/danh-gia.xlsx?ky=" + month)
        self.expect(r, 200)
        self.assertTrue(r.body.startswith(b"PK"), "an XLSX file")
        self.assertIn("danh-gia-%s.xlsx" % month, r.header("Content-Disposition"))
        r = self.page(board, "/quan-tri/danh-gia?ky=%s-Q%d" % (year, (int(month[5:]) - 1) // 3 + 1), chrome=False)
        self.assertIn_("Quý", r)
        self.expect(board.get("/quan-tri/danh-gia?ky=2026-13"), 400)
        main = self.page(self.fx.admin("admin"), "/quan-tri/danh-gia?ky=" + year, chrome=False)
        self.assertIn_("Các đơn vị trên cổng", main)
        self.assertIn_("Sở Nội vụ", main)
        # the site's own page has no other site's row
        self.assertNotIn_("Các đơn vị trên cổng", self.page(board, "/quan-tri/danh-gia", chrome=False))
        # the public cannot read the results
        r = self.fx.client("snv").get("/quan-tri/danh-gia")
        self.assertIn(r.status, (303, 403))


class Polls(CongTest):
    def setUp(self):
        self.board = self.fx.admin("duyet", "snv")

    def poll(self, question, start, end, mode="sau-khi-binh-chon", choices=("Rất cần thiết", "Cần thiết", "Không cần thiết"),
             expect=303):
        f = [("title", question), ("summary", ""), ("body", ""), ("mo_tu", start), ("dong_vao", end),
             ("hien_ket_qua", mode)]
        f += [("lua_chon.%d.nhan" % i, c) for i, c in enumerate(choices)]
        r = self.board.post("/quan-tri/tham-do/moi", f, multipart_form=True)
        if expect != 303:
            self.expect(r, expect)
            return r
        self.expect(r, 303, squash(r.text)[-400:])
        iid = int(re.match(r"/quan-tri/tham-do/(\d+)", r.location_path).group(1))
        for a in ("submit", "edited", "publish"):
            self.expect(self.board.post("/quan-tri/tham-do/%d/chuyen" % iid, [("action", a)]), 303, a)
        r = self.fx.client("snv").get("/tin/x-%d" % iid)
        while r.status == 301:
            path = r.location_path
            r = self.fx.client("snv").get(path)
        return iid, path

    def browser(self, ua):
        return Browser(self.fx.client("snv"), "192.0.2.%d" % (hash(ua) % 200 + 10), ua)

    def test_one_vote_per_browser_and_results_after_voting(self):
        iid, path = self.poll("Ông/Bà có cần dịch vụ nhắc lịch hẹn qua tin nhắn không? %s" % uuid.uuid4().hex[:6],
                              vn_day(-1), vn_day(5))
        a = self.browser("Mozilla/5.0 Poll-A")
        r = self.page(a.c, path) if False else a.get(path)
        self.expect(r, 200)
        self.assertEqual(r.header("Cache-Control"), "no-store", "an open poll's page is the browser's own")
        self.assertIn_('name="lua_chon"', r)
        self.assertNotIn_("Kết quả đến lúc này", r, "no results before voting")
        r = a.send(path, [("lua_chon", "1")])
        self.expect(r, 303, squash(r.text)[-300:])
        r = a.get(path)
        self.assertIn_("Lựa chọn của Ông/Bà: <strong>Cần thiết</strong>", r)
        self.assertIn_("Kết quả đến lúc này: 1 phiếu", r)
        self.assertIn_("<svg", r)
        self.assertNotIn_('name="lua_chon"', r, "no form after voting")
        # the same browser again: refused
        token, nonce = solve(self.fx.client("snv").get(path, headers={"User-Agent": "other"}).text)
        r = a.post(path, [("lua_chon", "0"), ("challenge", token), ("pow", nonce)])
        self.expect(r, 422)
        self.assertIn_("đã bình chọn", r)
        # another browser: its own vote; the first one sees it at once (no stale page)
        b = self.browser("Mozilla/5.0 Poll-B")
        self.assertIn_('name="lua_chon"', b.get(path))
        self.expect(b.send(path, [("lua_chon", "0")]), 303)
        r = a.get(path)
        self.assertIn_("Kết quả đến lúc này: 2 phiếu", r)
        self.assertNotEqual(r.header("X-Cache"), "HIT")
        self.assertIn_("50,0 %", r)
        # a choice that is not the poll's
        c = self.browser("Mozilla/5.0 Poll-C")
        r = c.send(path, [("lua_chon", "7")])
        self.expect(r, 422)
        self.assertIn_("Phương án đã chọn không có trong cuộc thăm dò.", r)
        r = c.send(path, [])
        self.expect(r, 422)
        self.assertIn_("Vui lòng chọn một phương án.", r)
        # nothing identifying in the votes
        rows = self.fx.sql("SELECT voter, choice FROM poll_votes WHERE item_id = ?", (iid,))
        self.assertEqual(sorted(c for _, c in rows), [0, 1])
        self.assertTrue(all(re.fullmatch(r"[0-9a-f]{32}", v) for v, _ in rows))
        raw = b"".join(open(p, "rb").read() for p in db_files(self.fx.data))
        for secret in (b"Poll-A", b"Poll-B", b"192.0.2."):
            self.assertNotIn(secret, raw)

    def test_results_only_after_closing_when_the_board_says_so(self):
        iid, path = self.poll("Giờ làm việc thứ Bảy của bộ phận một cửa nên là? %s" % uuid.uuid4().hex[:6],
                              vn_day(0), vn_day(3), mode="sau-khi-dong", choices=("Buổi sáng", "Cả ngày"))
        a = self.browser("Mozilla/5.0 Poll-Later")
        self.expect(a.send(path, [("lua_chon", "0")]), 303)
        r = a.get(path)
        self.assertIn_("Lựa chọn của Ông/Bà: <strong>Buổi sáng</strong>", r)
        self.assertIn_("Kết quả được công bố sau khi cuộc thăm dò kết thúc.", r)
        self.assertNotIn_("phiếu</h3>", r)
        self.assertNotIn_("poll-results", r)

    def test_a_closed_poll_refuses_votes_with_its_close_time_and_its_page_is_cached(self):
        iid, path = self.poll("Ông/Bà đánh giá thế nào về lễ hội năm nay? %s" % uuid.uuid4().hex[:6],
                              vn_day(-10), vn_day(-2), mode="sau-khi-dong", choices=("Tốt", "Chưa tốt"))
        a = self.browser("Mozilla/5.0 Poll-Closed")
        r = a.get(path)
        self.expect(r, 200)
        self.assertNotIn_('name="lua_chon"', r)
        self.assertIn_("Cuộc thăm dò đã kết thúc ngày", r)
        self.assertIn_("Kết quả: 0 phiếu", r, "closed: the results show, whatever the rule")
        self.assertEqual(a.get(path).header("X-Cache"), "HIT", "a closed poll's page is the same for everyone")
        token, nonce = solve(self.fx.client("snv").get("/danh-gia").text)
        r = a.post(path, [("lua_chon", "0"), ("challenge", token), ("pow", nonce)])
        self.expect(r, 422)
        self.assertIn_("đã kết thúc lúc 24:00 ngày %s" % vn_day(-2), r)

    def test_a_poll_not_yet_open_and_the_dates_in_order(self):
        iid, path = self.poll("Câu hỏi chưa mở %s" % uuid.uuid4().hex[:6], vn_day(2), vn_day(9))
        a = self.browser("Mozilla/5.0 Poll-Early")
        r = a.get(path)
        self.assertIn_("Bắt đầu nhận ý kiến từ ngày", r)
        self.assertNotIn_('name="lua_chon"', r)
        r = self.poll("Ngày sai thứ tự", vn_day(5), vn_day(1), expect=422)
        self.assertIn_("Ngày kết thúc không được trước ngày bắt đầu.", r)
        r = self.poll("Một lựa chọn", vn_day(0), vn_day(1), choices=("Chỉ một",), expect=422)
        self.assertIn_("Cần ít nhất 2 dòng.", r)

    def test_the_choices_of_a_poll_with_votes_cannot_be_removed(self):
        iid, path = self.poll("Khóa lựa chọn %s" % uuid.uuid4().hex[:6], vn_day(-1), vn_day(2))
        self.expect(self.browser("Mozilla/5.0 Poll-Lock").send(path, [("lua_chon", "2")]), 303)
        f = [("title", "Khóa lựa chọn"), ("summary", ""), ("body", ""), ("mo_tu", vn_day(-1)), ("dong_vao", vn_day(2)),
             ("hien_ket_qua", "sau-khi-binh-chon"), ("lua_chon.0.nhan", "Rất cần thiết"), ("lua_chon.1.nhan", "Cần thiết")]
        r = self.board.post("/quan-tri/tham-do/%d" % iid, f, multipart_form=True)
        self.expect(r, 422)
        self.assertIn_("chỉ sửa được câu chữ", r)

    def test_a_poll_closed_after_votes_shows_the_same_page_to_everyone(self):
        q = "Đóng sau khi có phiếu %s" % uuid.uuid4().hex[:6]
        iid, path = self.poll(q, vn_day(-3), vn_day(3), choices=("Có", "Không"))
        a = self.browser("Mozilla/5.0 Poll-Voter")
        self.expect(a.send(path, [("lua_chon", "1")]), 303)
        self.assertIn_("Lựa chọn của Ông/Bà: <strong>Không</strong>", a.get(path))
        # the board closes it yesterday (the choices unchanged: allowed with votes)
        f = [("title", q), ("summary", ""), ("body", ""), ("mo_tu", vn_day(-3)), ("dong_vao", vn_day(-1)),
             ("hien_ket_qua", "sau-khi-binh-chon"), ("lua_chon.0.nhan", "Có"), ("lua_chon.1.nhan", "Không")]
        r = self.board.post("/quan-tri/tham-do/%d" % iid, f, multipart_form=True)
        self.expect(r, 303, squash(r.text)[-300:])
        for act in ("submit", "edited", "publish"):
            self.board.post("/quan-tri/tham-do/%d/chuyen" % iid, [("action", act)])
        r = a.get(path)
        self.assertIn_("Cuộc thăm dò đã kết thúc ngày", r)
        self.assertIn_("Kết quả: 1 phiếu", r)
        self.assertNotIn_("Lựa chọn của Ông/Bà", r, "the voter's choice on a page the cache keeps for everyone")
        other = self.browser("Mozilla/5.0 Poll-Other").get(path)
        self.assertEqual(other.header("X-Cache"), "HIT")
        self.assertNotIn_("Lựa chọn của Ông/Bà", other)
