"""Upgrades that change the search index's shape (migration 0012 added the site token) empty it
and ask for a rebuild (setting search_reindex_needed): the next `cong serve` rebuilds it in the
background while it serves, then clears the setting; `cong reindex` does it at once."""
import re
import time
import urllib.parse

from conglib import PG, CongTest, Server, cong, module_fixture

setUpModule, tearDownModule = module_fixture()


class Rebuild(CongTest):
    def setting(self):
        rows = self.fx.sql("SELECT value FROM settings WHERE key = 'search_reindex_needed'")
        return rows[0][0] if rows else None

    def empty_index_as_an_upgrade_does(self):
        if PG:  # a table of its own on PostgreSQL
            self.fx.sql("DELETE FROM search_fts")
        else:  # contentless FTS5 (migration 0053): emptied by its own command, with its companions
            self.fx.sql("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
            self.fx.sql("DELETE FROM search_doc")
            self.fx.sql("DELETE FROM search_vocab")
        self.fx.set_setting("search_reindex_needed", "1")

    def test_the_server_then_the_command_rebuild_the_index(self):
        fx = self.fx
        c = fx.admin("admin", "snv")
        cat = fx.category(c, "Tin nâng cấp")[0]
        aid = fx.article(c, "Hội nghị nâng cấp hệ thống chữ ký số", category_id=cat, publish=True)
        tries = iter(range(1, 1000000))
        # a new query string each time: the page cache keeps search pages until the site changes
        found = lambda: aid in [int(m) for m in re.findall(r'<h2><a href="[^"]*-(\d+)">', fx.client("snv").get(
            "/tim-kiem?" + urllib.parse.urlencode({"q": "chữ ký số nâng cấp", "lan": next(tries)})).text)]
        self.assertTrue(found(), "not found before the upgrade")

        fx.server.stop()
        self.empty_index_as_an_upgrade_does()
        fx.server = Server(fx.data, workdir=fx.tmp).start()
        fx._admins = {}  # their clients knew the old server
        deadline = time.time() + 20
        while time.time() < deadline and not (found() and self.setting() == "0"):
            time.sleep(0.2)
        self.assertTrue(found(), "the index was not rebuilt within 20 s: %s" % fx.server.log_tail())
        self.assertEqual(self.setting(), "0")
        self.assertIn("the index is rebuilt", open(fx.server.log_path, encoding="utf-8").read())

        # the command line, at once
        self.empty_index_as_an_upgrade_does()
        self.assertFalse(found())
        cong("reindex", "--data", fx.data)
        self.assertTrue(found())
        self.assertEqual(self.setting(), "0")
