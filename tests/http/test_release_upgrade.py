"""A data folder made by the previous release (milestone 1: `cong demo`, articles in the
articles table; tests/data/release-m1/cong.db.gz, its media files left out) upgraded by this one:
the items migration keeps every row and every reference, and every address answers as before —
each published article, each category page, withdrawn ones with 410, old slugs with a 301 — the
audit chain still verifies, search finds what it found, and the editors' pages list the items."""
import gzip
import os
import shutil
import sqlite3
import tempfile
import unittest
import urllib.parse

from conglib import BASE, PG, Client, CongTest, Server, cong, host_of, squash

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "data", "release-m1", "cong.db.gz")


def old_release_folder():
    tmp = tempfile.mkdtemp(prefix="cong-m1-")
    data = os.path.join(tmp, "data")
    os.makedirs(data)
    with gzip.open(FIXTURE, "rb") as src, open(os.path.join(data, "cong.db"), "wb") as dst:
        shutil.copyfileobj(src, dst)
    db = sqlite3.connect(os.path.join(data, "cong.db"))
    db.execute("UPDATE settings SET value = ? WHERE key = 'base_domain'", (BASE,))
    db.commit()
    db.close()
    return tmp, data


def rows(data, sql, args=()):
    db = sqlite3.connect(os.path.join(data, "cong.db"))
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


@unittest.skipIf(PG, "SQLite's file: upgrades the previous release's cong.db (tests/data/release-m1) in place")
class ReleaseUpgrade(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.tmp, cls.data = old_release_folder()
        d = cls.data
        # what the old release holds, read before the upgrade
        cls.before = {
            "articles": rows(d, "SELECT a.id, a.slug, a.title, a.state, s.slug, s.kind FROM articles a"
                                " JOIN sites s ON s.id = a.site_id ORDER BY a.id"),
            "categories": rows(d, "SELECT c.id, c.slug, s.slug, s.kind FROM categories c JOIN sites s ON s.id = c.site_id"),
            "counts": {t: rows(d, "SELECT count(*) FROM %s" % t)[0][0]
                       for t in ("revisions", "transitions", "corrections", "shares", "article_attachments", "audit")},
            "due": rows(d, "SELECT id, due_at FROM articles WHERE due_at IS NOT NULL ORDER BY id"),
        }
        cls.upgrade_out = cong("init", "--data", d)
        cls.server = Server(d, workdir=cls.tmp).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def client(self, slug, kind):
        return Client(self.server, host_of(None if kind == "main" else slug))

    def test_nothing_is_lost(self):
        d = self.data
        self.assertEqual(len(self.before["articles"]), 254)
        after = rows(d, "SELECT i.id, i.slug, i.title, i.state, s.slug, s.kind FROM items i"
                        " JOIN sites s ON s.id = i.site_id ORDER BY i.id")
        self.assertEqual(after, self.before["articles"])
        self.assertEqual(rows(d, "SELECT DISTINCT kind FROM items"), [("article",)])
        for table, n in self.before["counts"].items():
            got = rows(d, "SELECT count(*) FROM %s" % table)[0][0]
            if table == "audit":
                self.assertGreaterEqual(got, n)
            else:
                self.assertEqual(got, n, table)
        self.assertEqual(rows(d, "SELECT id, due_at FROM items WHERE due_at IS NOT NULL ORDER BY id"), self.before["due"])
        # every reference now points at items, none at a table that is gone
        for (sql,) in rows(d, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"):
            self.assertNotIn('REFERENCES "articles"', sql)
            self.assertNotIn("REFERENCES articles(", sql)
        self.assertEqual(rows(d, "PRAGMA foreign_key_check"), [])
        self.assertIn("audit log intact", cong("audit", "verify", "--data", d))

    def test_every_address_answers_as_before(self):
        published = [a for a in self.before["articles"] if a[3] == "published"]
        self.assertGreater(len(published), 200)
        for aid, slug, title, state, site, kind in published:
            c = self.client(site, kind)
            r = c.get("/tin/%s-%d" % (slug, aid))
            self.expect(r, 200, "article %d on %s" % (aid, site))
            self.assertIn(title.split()[0], r.text)
            # an old or mistyped slug moves for good to the article's address
            r = c.get("/tin/ten-cu-%d" % aid)
            self.expect(r, 301)
            self.assertEqual(r.location_path, "/tin/%s-%d" % (slug, aid))
        for aid, slug, title, state, site, kind in self.before["articles"]:
            if state == "withdrawn":
                self.expect(self.client(site, kind).get("/tin/%s-%d" % (slug, aid)), 410)
        for cid, slug, site, kind in self.before["categories"]:
            r = self.client(site, kind).get("/chuyen-muc/%s-%d" % (slug, cid))
            self.expect(r, 200, "category %s of %s" % (slug, site))
        for site, kind in {(a[4], a[5]) for a in published}:
            self.page(self.client(site, kind), "/")

    def test_search_and_the_editors_pages(self):
        aid, slug, title, state, site, kind = next(a for a in self.before["articles"] if a[3] == "published")
        r = self.client(site, kind).get("/tim-kiem?" + urllib.parse.urlencode({"q": title}))
        self.expect(r, 200)
        self.assertIn("-%d\"" % aid, r.text)
        self.assertIn("database is up to date", self.upgrade_out)
