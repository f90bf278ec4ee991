"""Links to other portals and the daily dead-link check (docs/links.md): a loopback HTTP server
started here (Python's http.server on a free port) answers 200, 404, 500, a redirect loop, a
timeout, a HEAD refused with 405; `cong links check` and the scheduler of `cong serve` check the
published links against it; the broken ones are listed for the board, the good ones not; the
results survive a restart; addresses of private networks are refused unless a setting allows
them. Also the links' public list, grouped, and the form's refusals."""
import http.server
import re
import threading
import time

from conglib import CongTest, cong, module_fixture, squash, text_of

setUpModule, tearDownModule = module_fixture(extra_serve=("--scheduler-interval", "1"))


class Upstream:
    """A loopback web server whose paths answer as the test needs; it records the requests."""

    def __init__(self):
        self.seen = []
        self.flip = 200
        up = self

        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def answer(self, head):
                up.seen.append((self.command, self.path))
                p = self.path
                if p == "/cham":
                    time.sleep(4)
                    status = 200
                elif p == "/rat-cham":
                    time.sleep(30)
                    status = 200
                elif p == "/vong":
                    self.send_response(302)
                    self.send_header("Location", "/vong")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                elif p == "/chuyen":
                    self.send_response(301)
                    self.send_header("Location", "/tot")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                elif p == "/chi-get" and head:
                    status = 405
                else:
                    status = {"/tot": 200, "/chi-get": 200, "/khong-co": 404, "/loi": 500, "/doi": up.flip}.get(p, 404)
                body = b"<!doctype html><title>x</title>ok"
                self.send_response(status)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if not head:
                    self.wfile.write(body)

            def do_HEAD(self):
                self.answer(True)

            def do_GET(self):
                self.answer(False)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def create_link(test, client, title, url, group="khac", order="", publish=True):
    r = client.post("/quan-tri/lien-ket/moi", [("title", title), ("summary", ""), ("body", ""), ("dia_chi", url),
                                               ("nhom", group), ("thu_tu", order)], multipart_form=True)
    test.expect(r, 303, "a link: %s" % squash(r.text)[-400:])
    iid = int(re.match(r"/quan-tri/lien-ket/(\d+)", r.location_path).group(1))
    if publish:
        for action in ("submit", "edited", "publish"):
            test.expect(client.post("/quan-tri/lien-ket/%d/chuyen" % iid, [("action", action)]), 303, action)
    return iid


def broken_titles(page):
    """The titles of the broken-links table's rows."""
    table = [t for t in page.tree().iter("table")]
    if not table:
        return []
    return [squash("".join(th.find("a").itertext())) for th in table[0].iter("th") if th.find("a") is not None]


class DeadLinks(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.up = Upstream()

    @classmethod
    def tearDownClass(cls):
        cls.up.stop()

    def test_1_the_form_refuses_what_is_no_web_address(self):
        admin = self.fx.admin("admin")
        for bad, msg in (("ftp://example.gov.vn/x", "http:// hoặc https://"),
                         ("https://nguoi:matkhau@example.gov.vn/", "tên đăng nhập hoặc mật khẩu"),
                         ("https:// example.gov.vn", "http:// hoặc https://")):
            r = admin.post("/quan-tri/lien-ket/moi", [("title", "Liên kết sai"), ("dia_chi", bad), ("nhom", "khac")],
                           multipart_form=True)
            self.expect(r, 422, bad)
            self.assertTrue(r.by_id("dia_chi-error") is not None, "the message is next to the address")
            self.assertIn_(msg, r)
            self.assertIn_("Liên kết sai", r, "what was typed is kept")

    def test_2_cli_check_lists_the_broken_and_not_the_good(self):
        fx, up = self.fx, self.up
        admin = fx.admin("admin")
        links = {"Trang tốt": "/tot", "Trang không còn": "/khong-co", "Trang lỗi máy chủ": "/loi",
                 "Trang chuyển hướng vòng": "/vong", "Trang chậm": "/cham", "Trang chỉ nhận GET": "/chi-get",
                 "Trang đã chuyển": "/chuyen"}
        for i, (title, path) in enumerate(sorted(links.items())):
            create_link(self, admin, title, up.url(path), "so-nganh", str(i + 1))

        # without the setting, loopback is a private address: nothing is asked, all are broken
        n = len(up.seen)
        out = cong("links", "check", "--data", fx.data, "--timeout", "2")
        self.assertIn("đã kiểm tra 7 liên kết, 7 liên kết hỏng", out)
        self.assertEqual(len(up.seen), n, "no request reached the loopback server")
        page = admin.get("/quan-tri/lien-ket-hong")
        self.expect(page, 200)
        self.assertIn_("mạng nội bộ", page)

        # allowed: the good ones pass, the others are broken with their reason
        t0 = time.time()
        out = cong("links", "check", "--data", fx.data, "--timeout", "2", "--allow-private")
        self.assertLess(time.time() - t0, 30, "the timeout is kept")
        self.assertIn("đã kiểm tra 7 liên kết, 4 liên kết hỏng", out)
        self.assertIn(("HEAD", "/chi-get"), up.seen)
        self.assertIn(("GET", "/chi-get"), up.seen, "HEAD refused (405): asked again with GET")
        self.assertGreaterEqual(sum(1 for s in up.seen if s[1] == "/vong"), 3, "the redirects were followed")
        page = self.page(admin, "/quan-tri/lien-ket-hong", chrome=False)
        got = broken_titles(page)
        self.assertEqual(sorted(got), sorted(["Trang không còn", "Trang lỗi máy chủ", "Trang chuyển hướng vòng",
                                              "Trang chậm"]), got)
        for good in ("Trang tốt", "Trang chỉ nhận GET", "Trang đã chuyển"):
            self.assertNotIn(good, got)
        for text in ("Trang trả về mã lỗi HTTP (404)", "(500)", "Chuyển hướng quá nhiều lần",
                     "Quá thời gian chờ"):
            self.assertIn_(text, page)
        self.assertIn_("3 liên kết hoạt động tốt", page)
        # the command line lists them too, and a site without links has none
        out = cong("links", "broken", "--data", fx.data)
        self.assertIn("/khong-co", out)
        self.assertNotIn("/tot ", out)
        other = self.page(fx.admin("duyet", "snv"), "/quan-tri/lien-ket-hong", chrome=False)
        self.assertEqual(broken_titles(other), [], "another site's board sees only its own links")

    def test_3_the_scheduler_checks_daily_and_the_results_survive_a_restart(self):
        fx, up = self.fx, self.up
        admin = fx.admin("admin")
        up.flip = 404
        create_link(self, admin, "Trang đổi trạng thái", up.url("/doi"), "huyen")
        n0 = len(up.seen)
        fx.set_setting("links_allow_private", "1")
        fx.set_setting("links_timeout", "2")
        fx.set_setting("links_check_hour", "0")
        fx.set_setting("links_checked_day", "")  # the day's run is due again
        deadline = time.time() + 40
        while time.time() < deadline:
            if "Trang đổi trạng thái" in broken_titles(admin.get("/quan-tri/lien-ket-hong")):
                break
            time.sleep(0.5)
        self.assertIn("Trang đổi trạng thái", broken_titles(admin.get("/quan-tri/lien-ket-hong")),
                      "the scheduler checked the new link")
        # only the due link was asked: the others were checked by the command line a moment ago
        self.assertEqual({p for _, p in up.seen[n0:]}, {"/doi"})
        # the day is done: another pass asks nothing
        n = len(up.seen)
        time.sleep(3)
        self.assertEqual(len(up.seen), n, "once a day")

        # a restart keeps every result and does not run the day's check again
        fx.server.stop()
        fx.server.start()
        fx._admins.clear()
        admin = fx.admin("admin")
        got = broken_titles(admin.get("/quan-tri/lien-ket-hong"))
        self.assertIn("Trang đổi trạng thái", got)
        self.assertIn("Trang không còn", got)
        self.assertNotIn("Trang tốt", got)
        time.sleep(3)
        self.assertEqual(len(up.seen), n, "a restart on the same day does not check again")

        # the page now answers: the next day's run (its day forgotten here) lists it no more
        up.flip = 200
        fx.set_setting("links_checked_day", "")
        fx.sql("UPDATE link_checks SET checked_at = checked_at - 86400")  # a day later
        deadline = time.time() + 60
        while time.time() < deadline:
            if "Trang đổi trạng thái" not in broken_titles(admin.get("/quan-tri/lien-ket-hong")):
                break
            time.sleep(0.5)
        self.assertNotIn("Trang đổi trạng thái", broken_titles(admin.get("/quan-tri/lien-ket-hong")))

    def test_4_the_public_list_is_grouped_and_the_footer_lists_links(self):
        fx = self.fx
        admin = fx.admin("admin", "stc")
        create_link(self, admin, "Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn", "chinh-phu", "1")
        create_link(self, admin, "Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn", "dich-vu", "1")
        create_link(self, admin, "Sở Nội vụ", "https://snv.example.gov.vn", "so-nganh", "2")
        create_link(self, admin, "Sở Tài chính", "https://stc.example.gov.vn", "so-nganh", "1")
        c = fx.client("stc")
        page = self.page(c, "/lien-ket")
        heads = [squash("".join(h.itertext())) for h in page.tree().iter("h2") if (h.get("id") or "").startswith("nhom-")]
        self.assertEqual(heads, ["Cổng thông tin Chính phủ, Quốc hội", "Các sở, ngành", "Dịch vụ công, tiện ích"])
        text = page.text
        self.assertLess(text.index("Sở Tài chính"), text.index("Sở Nội vụ"), "the order within the group")
        self.assertIn_('href="https://chinhphu.vn"', page)
        # each link's own page ("Thông tin") links its address
        about = [a.get("href") for a in page.tree().iter("a") if a.get("class") == "link-about"]
        self.assertEqual(len(about), 4)
        item = self.page(c, about[0])
        self.assertIn_('<a href="https://chinhphu.vn" rel="noopener">https://chinhphu.vn</a>', item)
        # filtered: the generic table
        f = self.page(c, "/lien-ket?nhom=so-nganh")
        tables = list(f.tree().iter("table"))
        self.assertEqual(len(tables), 1, "the generic table")
        rows = squash("".join(tables[0].itertext()))
        self.assertIn("Sở Tài chính", rows)
        self.assertNotIn("Cổng Dịch vụ công quốc gia", rows)
        # every page's footer: the links
        home = self.page(c, "/")
        nav = home.by_id("lien-ket-website")
        self.assertTrue(nav is not None, "the footer's links")
        self.assertIn_('href="https://dichvucong.gov.vn"', home)
        # open data
        j = c.get("/lien-ket.json")
        self.expect(j, 200)
        self.assertIn("https://chinhphu.vn", j.text)

    def test_4b_a_big_group_shows_its_first_links_and_links_its_whole_list(self):
        fx = self.fx
        admin = fx.admin("admin", "longho")
        for i in range(22):
            create_link(self, admin, "Xã số %02d" % i, "https://xa%02d.example.gov.vn" % i, "xa", str(i))
        create_link(self, admin, "Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn", "chinh-phu", "1")
        c = fx.client("longho")
        page = self.page(c, "/lien-ket")
        for i in range(20):
            self.assertIn_("Xã số %02d" % i, page, "the group's first twenty")
        self.assertNotIn_("Xã số 20", page, "the twenty-first on the grouped page")
        more = [a for a in page.tree().iter("a") if (a.get("href") or "").startswith("/lien-ket?nhom=")]
        self.assertEqual([(a.get("href"), squash(text_of(a))) for a in more],
                         [("/lien-ket?nhom=xa", "Xem tất cả 22 liên kết nhóm “Xã, phường, thị trấn”")])
        whole = [self.page(c, "/lien-ket?nhom=xa").text, self.page(c, "/lien-ket?nhom=xa&trang=2").text]
        for i in range(22):
            self.assertTrue(any("Xã số %02d" % i in w for w in whole), "the group's whole list, paged: Xã số %02d" % i)
        # kept with the connection until the database changes: a new link shows at once
        create_link(self, admin, "Xã mới thêm", "https://xamoi.example.gov.vn", "xa", "0")
        for _ in range(4):
            self.assertIn_("Xã mới thêm", self.page(fx.client("longho"), "/lien-ket"))

    def test_5_the_board_asks_for_a_check_now(self):
        fx, up = self.fx, self.up
        admin = fx.admin("admin")
        up.flip = 500
        n0 = len(up.seen)
        r = admin.post("/quan-tri/lien-ket-hong")
        self.expect(r, 303)
        self.assertIn_("kiểm tra lại", admin.get(r.location_path))
        deadline = time.time() + 60
        while time.time() < deadline:
            if "Trang đổi trạng thái" in broken_titles(admin.get("/quan-tri/lien-ket-hong")):
                break
            time.sleep(0.5)
        self.assertIn("Trang đổi trạng thái", broken_titles(admin.get("/quan-tri/lien-ket-hong")))
        self.assertIn(("HEAD", "/tot"), up.seen[n0:], "every link of the site was checked again")
        # a reporter may not ask; another site's links are not touched
        fx.add_user("phongvien_lk", "reporter", "snv")
        rep = fx.admin("phongvien_lk", "snv")
        self.expect(rep.post("/quan-tri/lien-ket-hong"), 403)

    def test_6_a_stop_does_not_wait_for_a_slow_link(self):
        fx, up = self.fx, self.up
        admin = fx.admin("admin")
        fx.set_setting("links_timeout", "60")
        create_link(self, admin, "Trang rất chậm", up.url("/rat-cham"), "khac")
        self.expect(admin.post("/quan-tri/lien-ket-hong"), 303)
        deadline = time.time() + 60
        while time.time() < deadline and ("HEAD", "/rat-cham") not in up.seen:
            time.sleep(0.2)
        self.assertIn(("HEAD", "/rat-cham"), up.seen, "the check reached the slow page")
        t0 = time.time()
        rc = fx.server.stop()
        self.assertEqual(rc, 0, "the server stops cleanly during a check")
        self.assertLess(time.time() - t0, 5)
        fx.set_setting("links_timeout", "2")
        fx.server.start()
        fx._admins.clear()
        # the cut check is no result: the slow link is still unchecked
        page = fx.admin("admin").get("/quan-tri/lien-ket-hong")
        self.assertNotIn("Trang rất chậm", broken_titles(page))
