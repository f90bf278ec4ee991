"""Public pages with the page cache off (`--cache-mb 0`), as the uncached benchmark serves them.

Each worker keeps the sites table with its database connection between requests (Host lookup,
the main portal, the lists of sites): a site added by `cong site add` in another process, a
rename committed by another connection and a change made through the server itself each show
on the very next request, whichever worker thread answers it."""
import os
import sqlite3

from conglib import BASE, MAIN_NAME, Client, CongTest, cong, module_fixture

setUpModule, tearDownModule = module_fixture(extra_serve=("--cache-mb", "0"))

# Every request opens its own connection: a few in a row reach both worker threads.
ROUNDS = 6


class SitesKeptPerConnection(CongTest):
    def get_all(self, host, path="/"):
        return [Client(self.fx.server, host).get(path) for _ in range(ROUNDS)]

    def write_db(self, sql, args=()):
        """A commit by another connection (another process), as an operator's script would."""
        db = sqlite3.connect(os.path.join(self.fx.data, "cong.db"), timeout=10)
        try:
            db.execute(sql, args)
            db.commit()
        finally:
            db.close()

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
