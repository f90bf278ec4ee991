"""Public pages with the page cache off (`--cache-mb 0`), as the uncached benchmark serves them.

Each worker keeps the sites table with its database connection between requests (Host lookup,
the main portal, the lists of sites): a site added by `cong site add` in another process, a
rename committed by another connection and a change made through the server itself each show
on the very next request, whichever worker thread answers it."""

import json

from conglib import BASE, MAIN_NAME, Client, CongTest, cong, module_fixture, png
from items_helper import create, public_path, publish

setUpModule, tearDownModule = module_fixture(extra_serve=("--cache-mb", "0"))

# Every request opens its own connection: a few in a row reach both worker threads.
ROUNDS = 6


class SitesKeptPerConnection(CongTest):
    def get_all(self, host, path="/"):
        return [Client(self.fx.server, host).get(path) for _ in range(ROUNDS)]

    def write_db(self, sql, args=()):
        """A commit by another connection (another process), as an operator's script would."""
        self.fx.sql(sql, args)

    def test_not_cached(self):
        r = self.fx.client("snv").get("/")
        self.expect(r, 200)
        self.assertIsNone(r.header("X-Cache"), "--cache-mb 0 still went through the page cache")

    def test_site_added_by_another_process_shows_at_once(self):
        host = "somoi." + BASE
        for r in self.get_all(host) + self.get_all("moi.example.org"):
            self.expect(r, 404, "before the site exists")
        for r in self.get_all(BASE):  # every thread has read the sites table now
            self.assertNotIn_("Sở Mới Thêm", r)
        cong("site", "add", "--data", self.fx.data, "--name", "Sở Mới Thêm", "--slug", "somoi",
             "--domain", "moi.example.org")
        for r in self.get_all(host) + self.get_all("moi.example.org"):
            self.expect(r, 200, "a site added by `cong site add`")
            self.assertIn_("Sở Mới Thêm", r, "the new site's home")
            self.check_html(r)
        for r in self.get_all(BASE):
            self.assertIn_("http://somoi.%s:%d/" % (BASE, self.fx.port), r, "the main portal's list of sites")

    def test_rename_by_another_connection_shows_at_once(self):
        for r in self.get_all("longho." + BASE) + self.get_all(BASE):
            self.assertIn_("Huyện Long Hồ", r)
        self.write_db("UPDATE sites SET name = ? WHERE slug = 'longho'", ("Huyện Long Hồ Đổi Tên",))
        try:
            for r in self.get_all("longho." + BASE):
                self.assertIn_("Huyện Long Hồ Đổi Tên", r, "the district's own home")
            for r in self.get_all(BASE):
                self.assertIn_("Huyện Long Hồ Đổi Tên", r, "the main portal's list of sites")
            self.write_db("UPDATE sites SET name = ? WHERE kind = 'main'", ("Cổng Đổi Tên",))
            for r in self.get_all("snv." + BASE):
                self.assertIn_("Cổng Đổi Tên", r, "the main portal's name on a component site")
        finally:
            self.write_db("UPDATE sites SET name = ? WHERE slug = 'longho'", ("Huyện Long Hồ",))
            self.write_db("UPDATE sites SET name = ? WHERE kind = 'main'", (MAIN_NAME,))

    def test_category_changes_show_at_once(self):
        # the categories (menu, sections, category pages) are kept per connection as the
        # sites are: a new one made through the server, a rename by another connection
        for r in self.get_all("snv." + BASE):
            self.assertNotIn_("Mục Giữ Theo Kết Nối", r)
        cat, path = self.fx.category(self.fx.admin("admin", "snv"), "Mục Giữ Theo Kết Nối")
        for r in self.get_all("snv." + BASE):
            self.assertIn_(path, r, "a new category is not in the menu on the next request")
        for r in self.get_all("snv." + BASE, path):
            self.expect(r, 200, "the new category's page")
        self.write_db("UPDATE categories SET name = ? WHERE id = ?", ("Mục Đã Đổi Tên", cat))
        for r in self.get_all("snv." + BASE) + self.get_all("snv." + BASE, path):
            self.assertIn_("Mục Đã Đổi Tên", r, "a renamed category keeps its old name")

    def test_change_through_the_server_shows_at_once(self):
        # the workflow settings live in the sites table and the admin reads them from the
        # request's site: the worker that wrote them and the other one both see the change
        self.fx.settings("snv", steps=1, may_self=True)
        try:
            c = self.fx.admin("admin", "snv")
            for _ in range(ROUNDS):
                r = self.expect(c.get("/quan-tri/cai-dat"), 200)
                self.assertIn_('value="1" checked', r, "one-step approval after saving it")
        finally:
            self.fx.settings("snv", steps=2, may_self=True)
        for _ in range(ROUNDS):
            r = self.expect(c.get("/quan-tri/cai-dat"), 200)
            self.assertIn_('value="2" checked', r, "two-step approval after saving it back")


class Cards(CongTest):
    """The home page's sections and the cards of every list, built straight from the database
    rows (no cache in front): order, links, cover sizes, and the component news' own hosts."""

    def cards(self, container):
        """[(title, href, category href, img)] of the cards inside CONTAINER."""
        out = []
        for art in container.iter("article"):
            if art.get("class") != "card":
                continue
            title = art.find(".//h3/a")
            cat = [a for a in art.iter("a") if a.get("class") == "card-cat"]
            img = art.find(".//img")
            out.append((title.text, title.get("href"), cat[0].get("href") if cat else None, img))
        return out

    def section(self, page, path):
        for sec in page.tree().iter("section"):
            if sec.get("class") == "block section" and any(a.get("href") == path for a in sec.iter("a")):
                return sec
        return None

    def test_sections_merge_subcategories_newest_first(self):
        fx = self.fx
        snv = fx.admin("admin", "snv")
        top, top_path = fx.category(snv, "Mục cha thẻ")
        sub, sub_path = fx.category(snv, "Mục con thẻ", parent_id=top)
        empty, empty_path = fx.category(snv, "Mục trống thẻ")
        img = png(w=40, h=30)
        ids = []
        for i in range(6):
            extra = {}
            files = ()
            if i == 4:  # a cover on one of the newest, in the subcategory
                extra = {"cover_alt": "Ảnh bìa thẻ %d" % i}
                files = [("cover", "bia.png", "image/png", img)]
            ids.append(fx.article(snv, "Bài thẻ số %d" % i, category_id=sub if i % 2 else top, publish=True,
                                  files=files, **extra))
        page = self.page(fx.client("snv"), "/")
        sec = self.section(page, top_path)
        self.assertIsNotNone(sec, "no section for the top-level category")
        self.assertIsNone(self.section(page, empty_path), "a section for a category without articles")
        cards = self.cards(sec)
        self.assertEqual([c[0] for c in cards], ["Bài thẻ số %d" % i for i in (5, 4, 3, 2)],
                         "the section is not its subtree's 4 newest, newest first")
        for (title, href, cat_href, img_el), i in zip(cards, (5, 4, 3, 2)):
            self.assertEqual(href, fx.public_path("snv", ids[i]), "the card's link")
            self.assertEqual(cat_href, sub_path if i % 2 else top_path, "the card's category link")
            if i == 4:
                self.assertIsNotNone(img_el, "the cover on the card")
                self.assertEqual((img_el.get("alt"), img_el.get("width"), img_el.get("height")),
                                 ("Ảnh bìa thẻ 4", "40", "30"), "the cover's alt text and size")
                self.assertTrue(img_el.get("src").startswith("/media/"), "the cover's address")
            else:
                self.assertIsNone(img_el, "a card without a cover shows an image")
        # the category page lists the same subtree, all six
        cat_page = self.page(fx.client("snv"), top_path)
        self.assertEqual([c[0] for c in self.cards(cat_page.tree())], ["Bài thẻ số %d" % i for i in range(5, -1, -1)])
        # the latest list starts with the newest
        latest = [el for el in page.tree().iter("ol") if el.get("class") == "latest-list"]
        self.assertTrue(latest and latest[0].find(".//a").text == "Bài thẻ số 5", "the latest list")

    def test_component_news_link_to_their_site(self):
        fx = self.fx
        snv = fx.admin("admin", "snv")
        cat, cat_path = fx.category(snv, "Mục chia sẻ thẻ")
        aid = fx.article(snv, "Bài chia sẻ lên cổng chính", category_id=cat, publish=True)
        fx.share(snv, aid)
        page = self.page(fx.client(), "/")
        block = [s for s in page.tree().iter("section") if s.get("class") == "block component-news"]
        self.assertTrue(block, "no component news on the main portal")
        origin = "http://snv.%s:%d" % (BASE, fx.port)
        cards = self.cards(block[0])
        self.assertIn(("Bài chia sẻ lên cổng chính", origin + fx.public_path("snv", aid), origin + cat_path, None),
                      cards, "the shared card does not link to the component site's host")
        site_links = [a.get("href") for a in block[0].iter("a") if a.text == "Sở Nội vụ"]
        self.assertIn(origin + "/", site_links, "the card does not name its site with a link")


class ItemFieldsKept(CongTest):
    """An item page's fields block and tables are kept with the connection (web/public/items.c):
    a change committed by another connection shows on the next request, on whichever worker."""

    def write_db(self, sql, args=()):
        self.fx.sql(sql, args)

    def test_fields_and_tables_change_at_once(self):
        fx = self.fx
        c = fx.admin("duyet", "snv")
        rows = [("lich.0.ngay", "03/03/2025"), ("lich.0.gio_bat_dau", "08:00"), ("lich.0.noi_dung", "Họp giao ban đầu tuần"),
                ("lich.0.chu_tri", "Giám đốc Sở"), ("lich.0.dia_diem", "Phòng họp số 1")]
        iid = create(self, c, "lich-cong-tac", "Lịch giữ theo kết nối", [("tuan", "03/03/2025"), ("ghi_chu", "Ghi chú cũ")] + rows)
        publish(self, c, "lich-cong-tac", iid)
        path = public_path(self, fx, "snv", iid)
        for _ in range(ROUNDS):
            r = self.page(fx.client("snv"), path)
            self.assertIn_("Ghi chú cũ", r, "the fields block")
            self.assertIn_("Họp giao ban đầu tuần", r, "the table")
        # the JSON edited here, not by the engine's JSON functions (SQLite's and PostgreSQL's differ)
        fields = json.loads(fx.sql("SELECT fields FROM items WHERE id = ?", (iid,))[0][0])
        fields["ghi_chu"] = "Ghi chú mới"
        fields["lich"][0]["noi_dung"] = "Họp đã đổi"
        self.write_db("UPDATE items SET fields = ? WHERE id = ?", (json.dumps(fields, ensure_ascii=False), iid))
        for _ in range(ROUNDS):
            r = self.page(fx.client("snv"), path)
            self.assertIn_("Ghi chú mới", r, "a field changed by another connection")
            self.assertNotIn_("Ghi chú cũ", r)
            self.assertIn_("Họp đã đổi", r, "a table's cell changed by another connection")
        # the print view renders its own, from the same fields
        r = self.page(fx.client("snv"), path + "/ban-in", chrome=False)
        self.assertIn_("Ghi chú mới", r, "the print view")
