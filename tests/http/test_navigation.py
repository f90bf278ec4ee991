"""A site's sections (docs/links.md): its administrators choose which kinds of information the
main menu and the home page show and in what order; the menu and the home follow, a kind not
chosen leaves the menu but keeps its pages. Also the fixed pages at their own addresses, the site
map page (a generated tree), sitemap.xml and the administrative boundary map."""
import json
import re
import xml.etree.ElementTree as ET

from conglib import CongTest, cong, module_fixture, squash

setUpModule, tearDownModule = module_fixture()

KINDS = json.loads(cong("kinds", "--json"))


def create(test, client, segment, title, fields, body="Nội dung của trang.\n\nĐoạn thứ hai."):
    f = [("title", title), ("summary", ""), ("body", body)] + list(fields)
    r = client.post("/quan-tri/%s/moi" % segment, f, multipart_form=True)
    test.expect(r, 303, "%s: %s" % (title, squash(r.text)[-400:]))
    iid = int(re.match(r"/quan-tri/%s/(\d+)" % segment, r.location_path).group(1))
    for action in ("submit", "edited", "publish"):
        test.expect(client.post("/quan-tri/%s/%d/chuyen" % (segment, iid), [("action", action)]), 303, action)
    return iid


def menu(page):
    """The main menu's top entries: [(text, href)]."""
    nav = [n for n in page.tree().iter("nav") if n.get("aria-label") == "Danh mục chính"][0]
    ul = nav.find("ul")
    out = []
    for li in ul.findall("li"):
        a = li.find("a")
        out.append((squash("".join(a.itertext())), a.get("href")))
    return out


def home_blocks(page):
    """The ids of the home page's blocks of kinds, in order."""
    return [s.get("aria-labelledby") for s in page.tree().iter("section")
            if (s.get("aria-labelledby") or "").startswith("muc-")]


class Sections(CongTest):
    @classmethod
    def setUpClass(cls):
        fx = cls.fx
        cls.board = fx.admin("admin", "snv")
        t = cls()
        cls.intro = create(t, cls.board, "trang", "Giới thiệu Sở Nội vụ", [("loai", "gioi-thieu"), ("thu_tu", "1")])
        cls.tasks = create(t, cls.board, "trang", "Chức năng, nhiệm vụ của Sở Nội vụ",
                           [("loai", "chuc-nang-nhiem-vu"), ("thu_tu", "2")])
        cls.link = create(t, cls.board, "lien-ket", "Cổng Thông tin điện tử Chính phủ",
                          [("dia_chi", "https://chinhphu.vn"), ("nhom", "chinh-phu"), ("thu_tu", "1")])
        fx.category(cls.board, "Tin hoạt động", slug="tin-hoat-dong")

    def choose(self, orders, expect=303):
        """ORDERS: {kind: order} of the chosen kinds; the others unchecked."""
        f = []
        for k in KINDS:
            if k["name"] in orders:
                f += [("chon_%s" % k["name"], "1"), ("thu_tu_%s" % k["name"], str(orders[k["name"]]))]
            else:
                f += [("thu_tu_%s" % k["name"], "50")]
        r = self.board.post("/quan-tri/cai-dat/muc", f)
        self.expect(r, expect, squash(r.text)[-300:])
        return r

    def test_1_by_default_every_declared_kind_is_a_section(self):
        page = self.page(self.fx.client("snv"), "/")
        hrefs = [h for _, h in menu(page)]
        for k in KINDS:
            if k["name"] != "article":
                self.assertIn("/" + k["segment"], hrefs, "the menu has %s" % k["name"])
        self.assertIn("/chuyen-muc/tin-hoat-dong-", " ".join(hrefs), "news: its categories")
        form = self.page(self.board, "/quan-tri/cai-dat/muc", chrome=False)
        for k in KINDS:
            self.assertTrue(form.by_id("thu_tu_%s" % k["name"]) is not None, "the form offers %s" % k["name"])

    def test_2_choose_and_reorder_the_menu_and_home_follow(self):
        c = self.fx.client("snv")
        before = c.get("/")  # cached now: the change must show at once
        self.choose({"page": 1, "link": 2, "article": 3})
        page = self.page(c, "/")
        m = menu(page)
        self.assertEqual(m[0][0], "Trang chủ")
        hrefs = [h for _, h in m[1:]]
        self.assertEqual(hrefs[:2], ["/trang", "/lien-ket"], m)
        self.assertTrue(hrefs[2].startswith("/chuyen-muc/tin-hoat-dong-"), m)
        self.assertNotIn("/van-ban", hrefs, "a kind not chosen is not in the menu")
        self.assertNotIn("/cong-bao", hrefs)
        self.assertEqual(home_blocks(page), ["muc-trang", "muc-lien-ket"])
        self.assertIn_("Giới thiệu Sở Nội vụ", page)
        self.assertNotEqual(before.text, page.text)
        # its pages still answer
        self.page(c, "/van-ban")
        self.page(c, "/cong-bao")

        self.choose({"link": 1, "page": 2})
        page = self.page(c, "/")
        hrefs = [h for _, h in menu(page)[1:]]
        self.assertEqual(hrefs, ["/lien-ket", "/trang"], "news not chosen: no category in the menu")
        self.assertEqual(home_blocks(page), ["muc-lien-ket", "muc-trang"])
        self.assertTrue(page.by_id("tin-moi") is None, "news not chosen: no latest news block")
        # the site map follows the sections too
        sm = self.page(c, "/so-do-trang")
        self.assertNotIn('href="/van-ban"', sm.text)
        self.assertIn_('href="/trang"', sm)

        # a bad order is refused next to its field, the choices kept
        r = self.choose({"link": "abc", "page": 2}, expect=422)
        self.check_html(r, chrome=False)
        self.assertTrue(r.by_id("thu_tu_link-error") is not None)
        self.assertIn_('value="abc"', r)
        # only the site's administrators choose
        other = self.fx.admin("duyet", "snv")
        self.expect(other.post("/quan-tri/cai-dat/muc", [("chon_page", "1")]), 403)
        self.choose({k["name"]: i + 1 for i, k in enumerate(KINDS)})

    def test_3_fixed_pages_at_their_own_addresses(self):
        c = self.fx.client("snv")
        r = c.get("/gioi-thieu")
        self.expect(r, 302)
        self.assertRegex(r.location_path, r"^/trang/.*-%d$" % self.intro)
        self.assertIn_("Giới thiệu Sở Nội vụ", self.page(c, r.location_path))
        self.assertRegex(c.get("/chuc-nang-nhiem-vu").location_path, r"-%d$" % self.tasks)
        self.expect(c.get("/lich-su"), 404, "no history page yet")
        self.expect(self.fx.client(None).get("/gioi-thieu"), 404, "another site's page is not this one's")

    def test_4_the_site_map_is_a_generated_tree(self):
        c = self.fx.client("snv")
        page = self.page(c, "/so-do-trang")
        tree = [n for n in page.tree().iter("nav") if n.get("aria-label") == "Sơ đồ cổng"][0]
        links = {squash("".join(a.itertext())): a.get("href") for a in tree.iter("a")}
        self.assertEqual(links["Trang chủ"], "/")
        self.assertTrue(links["Tin hoạt động"].startswith("/chuyen-muc/tin-hoat-dong-"))
        self.assertEqual(links["Văn bản"], "/van-ban")
        self.assertEqual(links["Giới thiệu Sở Nội vụ"], "/trang/gioi-thieu-so-noi-vu-%d" % self.intro)
        self.assertEqual(links["Bản đồ hành chính"], "/ban-do-hanh-chinh")
        # the fixed page is under its section (nested lists)
        for li in tree.iter("li"):
            a = li.find("a")
            if a is not None and a.get("href") == "/trang":
                inner = [x.get("href") for x in li.iter("a")]
                self.assertIn("/trang/gioi-thieu-so-noi-vu-%d" % self.intro, inner)
        self.assertIn('href="/so-do-trang"', self.page(c, "/").text, "the footer links the site map")

        x = c.get("/sitemap.xml")
        self.expect(x, 200)
        self.assertTrue(x.header("Content-Type").startswith("application/xml"))
        root = ET.fromstring(x.body)
        ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
        locs = [e.text for e in root.iter(ns + "loc")]
        base = "http://snv.example.gov.vn:%d" % self.fx.server.port
        self.assertIn(base + "/", locs)
        self.assertIn(base + "/van-ban", locs)
        self.assertIn(base + "/trang/gioi-thieu-so-noi-vu-%d" % self.intro, locs)
        self.assertIn(base + "/lien-ket/cong-thong-tin-dien-tu-chinh-phu-%d" % self.link, locs)
        self.assertIn("Sitemap: %s/sitemap.xml" % base, c.get("/robots.txt").text, "robots.txt names it")

    def test_5_the_administrative_boundary_map(self):
        page = self.page(self.fx.client(None), "/ban-do-hanh-chinh")
        units = page.by_id("danh-sach-don-vi")
        self.assertTrue(units is not None)
        h3 = [squash("".join(h.itertext())) for h in page.tree().iter("h3")]
        self.assertEqual(len(h3), 8, h3)
        # each unit with its GSO code (src/vn/units_vl.c, checked against the GSO list by the unit tests)
        self.assertIn("Huyện Long Hồ (mã 857; 14 đơn vị cấp xã)", h3)
        self.assertIn("Thành phố Vĩnh Long (mã 855; 10 đơn vị cấp xã)", h3)
        lis = [squash("".join(li.itertext())) for li in page.tree().iter("li")]
        for commune in ("Xã Tân Hạnh (mã 29593)", "Phường Cái Vồn (mã 29770)", "Xã Trung Thành Tây (mã 29680)",
                        "Thị trấn Trà Ôn (mã 29821)"):
            self.assertIn(commune, lis)
        self.assertIn_("8 đơn vị hành chính cấp huyện và 102 đơn vị hành chính cấp xã", page)
        src = squash("".join(page.by_id("nguon-danh-muc").itertext()))
        self.assertIn("Tổng cục Thống kê", src)
        self.assertIn("01/03/2025", src)
        self.assertIn("mã số của Tỉnh Vĩnh Long là 86", src)
        # a unit with a component site links to it
        a = [a for a in page.tree().iter("a") if squash("".join(a.itertext())) == "Huyện Long Hồ"]
        self.assertTrue(a and a[0].get("href").startswith("http://longho.example.gov.vn:"), a)
        # the schematic: labelled as such, no external map tiles
        self.assertIn_("<svg", page)
        self.assertIn_("Sơ đồ minh họa", page)
        self.assertNotRegex(page.text, r'<(img|script|iframe)[^>]+src="https?://')
        # a district's site shows its own communes
        d = self.page(self.fx.client("longho"), "/ban-do-hanh-chinh")
        h3 = [squash("".join(h.itertext())) for h in d.tree().iter("h3")]
        self.assertEqual(h3, ["Huyện Long Hồ (mã 857; 14 đơn vị cấp xã)"])
        # the official map the board publishes as a fixed page shows above the list
        board = self.fx.admin("admin")
        create(self, board, "trang", "Bản đồ hành chính tỉnh (bản chính thức)", [("loai", "ban-do-hanh-chinh")],
               body="Bản đồ do Sở Tài nguyên và Môi trường cung cấp.")
        page = self.page(self.fx.client(None), "/ban-do-hanh-chinh")
        self.assertIn_("Bản đồ do Sở Tài nguyên và Môi trường cung cấp.", page)
