"""`cong migrate --from DIR --db URL [--use]`: a SQLite data folder made by `cong demo` moved to a
new PostgreSQL database (a throwaway cluster of its own: pglib.start()). Every table arrives with
the same rows — the copy's own report is checked against hashes computed here on both sides,
the kept counts (categories.published_count, item_term_counts, item_term_days) equal the
source's, a tree whose parent comes after its child is copied, the identities continue past the
copied ids — DIR is left as it was (every file hashed before and after), --use records the URL
(0600) and `cong serve --data DIR` then serves the same public pages from PostgreSQL as the
SQLite folder does. Bad input is refused with a sentence and a non-zero exit.

Skipped in the --pg run: the source is a SQLite folder by nature and the test brings its own
cluster, so the --pg run would repeat it as it is (`cong demo` costs half a minute)."""
import hashlib
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import tempfile
import unittest
import urllib.parse

from conglib import BASE, CONG, PG, Client, CongTest, Server, cong_env, host_of

HASH_LINE = re.compile(r"^(\w+)\s+(\d+)\s+(\d+)\s+(OK|DIFFERENT)\s+([0-9a-f]{64})", re.M)
# what changes from one answer to the next: the form tokens
VOLATILE = re.compile(rb'(name="(?:csrf|challenge)" value=")[^"]*(")')


def run(*args, timeout=600):
    p = subprocess.run([CONG] + list(args), capture_output=True, env=cong_env(), timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def folder_state(d):
    """{relative path: (mode, sha256)} of every file under D."""
    out = {}
    for root, _, files in os.walk(d):
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, d)] = (stat.S_IMODE(os.lstat(p).st_mode), hashlib.sha256(fh.read()).hexdigest())
    return out


def value_bytes(v):
    """A value as `cong migrate` hashes it: integers in decimal, numbers as %.17g, text as is."""
    if isinstance(v, bool):
        v = int(v)
    if isinstance(v, float):
        return ("%.17g" % v).encode()
    return str(v).encode("utf-8")


def rows_hash(rows):
    h = hashlib.sha256()
    for row in rows:
        for v in row:
            if v is None:
                h.update(b"-")
            else:
                b = value_bytes(v)
                h.update(b"%d:" % len(b))
                h.update(b)
    return h.hexdigest()


def q(name):
    return '"%s"' % name.replace('"', '""')


class SqliteSide:
    def __init__(self, path):
        self.db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)

    def tables(self):
        """What is copied: ordinary tables but SQLite's, the search index's (virtual tables and
        search_*) and schema_migrations."""
        virt = [r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                              " AND sql LIKE 'CREATE VIRTUAL TABLE%'")]
        out = []
        for (name,) in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE"
                                       " 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"):
            if name != "schema_migrations" and not name.startswith("search_") and \
                    not any(name.startswith(v + "_") for v in virt):
                out.append(name)
        return out

    def columns(self, table):
        info = self.db.execute("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", (table,)).fetchall()
        return [c for c, _ in info], [c for c, pk in sorted((r for r in info if r[1]), key=lambda r: r[1])]

    def hash(self, table, text_cols):
        cols, pk = self.columns(table)
        order = ", ".join(q(c) + (" COLLATE BINARY" if c in text_cols else "") for c in pk)
        rows = self.db.execute("SELECT %s FROM %s ORDER BY %s" % (", ".join(map(q, cols)), q(table), order)).fetchall()
        return len(rows), rows_hash(rows)

    def one(self, sql, args=()):
        return self.db.execute(sql, args).fetchall()


@unittest.skipIf(PG, "its source is a SQLite folder and it starts a cluster of its own: run in the SQLite run")
class Migrate(CongTest):
    @classmethod
    def setUpClass(cls):
        import pglib
        try:
            cls.cluster = pglib.start()
        except Exception as e:  # noqa: BLE001 — no PostgreSQL server on this machine
            raise unittest.SkipTest("no PostgreSQL cluster: %s" % e)
        cls.servers = []
        cls.tmp = tempfile.mkdtemp(prefix="cong-migrate-")
        try:
            cls._build()
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def _build(cls):
        cls.data = os.path.join(cls.tmp, "data")
        rc, out, err = run("demo", "--data", cls.data, "--domain", BASE)
        if rc:
            raise AssertionError("cong demo: %s" % err)
        path = os.path.join(cls.data, "cong.db")
        db = sqlite3.connect(path)
        # a tree whose parent comes after its child (a category moved under a newer one): the
        # copy cannot go in id order with the reference checked
        site, old = db.execute("SELECT site_id, min(id) FROM categories WHERE parent_id IS NULL"
                               " AND site_id = (SELECT id FROM sites WHERE kind = 'main')").fetchone()
        db.execute("INSERT INTO categories (site_id, name, slug, position) VALUES (?, 'Chuyên mục cha mới',"
                   " 'cha-moi', 99)", (site,))
        cls.new_parent = db.execute("SELECT max(id) FROM categories").fetchone()[0]
        db.execute("UPDATE categories SET parent_id = ? WHERE id = ?", (cls.new_parent, old))
        cls.moved_child = old
        # an item withdrawn: the source's triggers leave its counts lowered (a count of 0 stays)
        cls.withdrawn = db.execute("SELECT id FROM items WHERE state = 'published' AND kind = 'legal'"
                                   " ORDER BY id LIMIT 1").fetchone()[0]
        db.execute("UPDATE items SET state = 'withdrawn' WHERE id = ?", (cls.withdrawn,))
        db.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        for f in ("cong.db-wal", "cong.db-shm"):
            if os.path.exists(os.path.join(cls.data, f)):
                os.unlink(os.path.join(cls.data, f))
        # the same folder kept on SQLite, to serve beside the migrated one; the source as it was
        # (read here for the hashes: the servers write theirs) and two copies to spoil
        cls.sqlite_data = os.path.join(cls.tmp, "sqlite")
        shutil.copytree(cls.data, cls.sqlite_data)
        for name in ("pristine", "old", "bad"):
            os.makedirs(os.path.join(cls.tmp, name))
            shutil.copy(path, os.path.join(cls.tmp, name))
        cls.state0 = folder_state(cls.data)

        cls.url1 = cls.cluster.createdb("mig_first")
        cls.url2 = cls.cluster.createdb("mig_used")
        cls.first = run("migrate", "--from", cls.data, "--db", cls.url1, "--batch", "100")
        cls.state1 = folder_state(cls.data)
        cls.again = run("migrate", "--from", cls.data, "--db", cls.url1)
        cls.used = run("migrate", "--from", cls.data, "--db", cls.url2, "--use")
        cls.state2 = folder_state(cls.data)
        cls.src = SqliteSide(os.path.join(cls.tmp, "pristine", "cong.db"))

    @classmethod
    def tearDownClass(cls):
        for s in getattr(cls, "servers", []):
            s.stop()
        cls.cluster.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def pg(self, url, sql, args=()):
        import pglib
        return pglib.run_sql(url, sql, args)

    def text_columns(self, url, table):
        return {r[0] for r in self.pg(url, "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                                           " current_schema() AND table_name = ? AND data_type = 'text'", (table,))}

    def report(self, out):
        return {m.group(1): (int(m.group(2)), int(m.group(3)), m.group(4), m.group(5)) for m in HASH_LINE.finditer(out)}

    # -- the copy

    def test_report_matches_hashes_made_here(self):
        rc, out, err = self.first
        self.assertEqual(rc, 0, err)
        rep = self.report(out)
        tables = self.src.tables()
        self.assertEqual(sorted(rep), tables, "the report's tables are the source's ordinary tables")
        for t in ("items", "item_term_counts", "item_term_days", "categories", "audit", "sites"):
            self.assertIn(t, rep)
        for t in rep:
            self.assertFalse(t.startswith(("search_", "sqlite_")) or t == "schema_migrations", t)
        for t in tables:
            with self.subTest(table=t):
                text = self.text_columns(self.url1, t)
                n, h = self.src.hash(t, text)
                self.assertEqual(rep[t], (n, n, "OK", h), "%s: the report against SQLite read here" % t)
                # and the target read here, through psql
                cols, pk = self.src.columns(t)
                order = ", ".join(q(c) + (' COLLATE "C"' if c in text else "") for c in pk)
                rows = self.pg(self.url1, "SELECT %s FROM %s ORDER BY %s" % (", ".join(map(q, cols)), q(t), order))
                self.assertEqual((len(rows), rows_hash(rows)), (n, h), "%s: PostgreSQL read here" % t)
        self.assertGreater(rep["items"][0], 300)
        self.assertIn("mọi bảng khớp", out)
        self.assertIn("cong serve --data %s --db" % self.data, out, "the next step without --use")
        # one progress line per table when stderr is not a terminal
        self.assertRegex(err, r"(?m)^items: (\d+)/\1 ")

    def test_kept_counts_and_trees(self):
        url = self.url1
        self.assertEqual(self.pg(url, "SELECT id, published_count FROM categories ORDER BY id"),
                         self.src.one("SELECT id, published_count FROM categories ORDER BY id"))
        # what the triggers keep is what they would make from the rows: the copy is consistent
        # (of Vietnamese items: translations are counted on their own pages, 0036)
        self.assertEqual(self.pg(url, "SELECT count(*) FROM categories c WHERE published_count <> (SELECT count(*)"
                                      " FROM items i WHERE i.category_id = c.id AND i.state = 'published'"
                                      " AND i.lang = 'vi')"), [(0,)])
        self.assertEqual(self.pg(url, "SELECT site_id, kind, key, value, n FROM item_term_counts"
                                      ' ORDER BY site_id, kind, key COLLATE "C", value COLLATE "C"'),
                         self.src.one("SELECT site_id, kind, key, value, n FROM item_term_counts ORDER BY 1, 2, 3, 4"))
        self.assertEqual(self.pg(url, "SELECT count(*) FROM item_term_days WHERE item_id = ?", (self.withdrawn,)), [(0,)])
        self.assertEqual(self.pg(url, "SELECT state FROM items WHERE id = ?", (self.withdrawn,)), [("withdrawn",)])
        self.assertEqual(self.pg(url, "SELECT parent_id FROM categories WHERE id = ?", (self.moved_child,)),
                         [(self.new_parent,)])
        self.assertEqual(self.pg(url, "SELECT id, parent_id FROM sites ORDER BY id"),
                         self.src.one("SELECT id, parent_id FROM sites ORDER BY id"))
        # the triggers are on again
        self.assertEqual(self.pg(url, "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O'"), [(0,)])
        # the search index was made again from the items (the Vietnamese ones: docs/languages.md)
        self.assertEqual(self.pg(url, "SELECT count(*) FROM search_fts"),
                         self.src.one("SELECT count(*) FROM items WHERE state = 'published' AND lang = 'vi'"))

    def test_identities_continue_after_the_copied_ids(self):
        for table in ("items", "sites", "categories", "audit", "users", "media"):
            with self.subTest(table=table):
                top = self.pg(self.url1, "SELECT coalesce(max(id), 0) FROM %s" % table)[0][0]
                nxt = self.pg(self.url1, "SELECT nextval(pg_get_serial_sequence(?, 'id'))", (table,))[0][0]
                self.assertEqual(nxt, top + 1)

    # -- the folder

    def test_folder_left_as_it_was(self):
        self.assertEqual(self.state1, self.state0, "no file of DIR changed, none added (no -wal, no -shm)")
        self.assertNotIn("database.url", self.state1)
        added = {k: v for k, v in self.state2.items() if k not in self.state0}
        self.assertEqual(sorted(added), ["database.url"])
        self.assertEqual({k: v for k, v in self.state2.items() if k != "database.url"}, self.state0)

    def test_use_records_the_url(self):
        rc, out, err = self.used
        self.assertEqual(rc, 0, err)
        p = os.path.join(self.data, "database.url")
        self.assertEqual(stat.S_IMODE(os.stat(p).st_mode), 0o600)
        with open(p) as f:
            self.assertEqual(f.read(), self.url2 + "\n")
        self.assertTrue(all(v[2] == "OK" for v in self.report(out).values()))
        self.assertIn("database.url", out)

    def test_refusals(self):
        rc, out, err = self.again
        self.assertEqual(rc, 1)
        self.assertIn("không trống", err)
        self.assertIn("not empty", err)
        # a folder already on PostgreSQL (database.url): nothing to move
        rc, out, err = run("migrate", "--from", self.data, "--db", self.url1)
        self.assertEqual(rc, 1)
        self.assertIn("database.url", err)
        # no --db, or --db that is not PostgreSQL
        rc, out, err = run("migrate", "--from", self.sqlite_data)
        self.assertEqual(rc, 2)
        self.assertIn("postgresql://", err)
        rc, out, err = run("migrate", "--from", self.sqlite_data, "--db", os.path.join(self.tmp, "x.db"))
        self.assertEqual(rc, 2)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "x.db")))
        rc, out, err = run("migrate", "--db", self.url1)
        self.assertEqual(rc, 2)
        self.assertIn("usage: cong migrate", err)
        rc, out, err = run("migrate", "--from", os.path.join(self.tmp, "nothing"), "--db", self.url1)
        self.assertEqual(rc, 1)
        self.assertIn("cong.db", err)
        rc, out, err = run("migrate", "--from", self.sqlite_data, "--db", self.url1, "--batch", "0")
        self.assertEqual(rc, 2)

    def test_pending_migrations_and_bad_rows(self):
        # a folder an upgrade has not reached yet: `cong init --data DIR` first
        old = os.path.join(self.tmp, "old")
        db = sqlite3.connect(os.path.join(old, "cong.db"))
        db.execute("DELETE FROM schema_migrations WHERE name = (SELECT max(name) FROM schema_migrations)")
        db.commit()
        db.close()
        url = self.cluster.createdb("mig_pending")
        rc, out, err = run("migrate", "--from", old, "--db", url, "--use")
        self.assertEqual(rc, 1)
        self.assertIn("cong init --data %s" % old, err)
        self.assertFalse(os.path.exists(os.path.join(old, "database.url")))
        # a value PostgreSQL refuses (text in an integer column): stopped, named, nothing recorded
        bad = os.path.join(self.tmp, "bad")
        db = sqlite3.connect(os.path.join(bad, "cong.db"))
        db.execute("UPDATE items SET created_at = 'hôm qua' WHERE id = (SELECT max(id) FROM items)")
        db.commit()
        db.close()
        url = self.cluster.createdb("mig_bad")
        rc, out, err = run("migrate", "--from", bad, "--db", url, "--use")
        self.assertEqual(rc, 1)
        self.assertRegex(err, r"items: .*bigint")
        self.assertFalse(os.path.exists(os.path.join(bad, "database.url")))

    # -- the pages

    def test_pages_served_from_postgresql_are_the_same(self):
        self.assertEqual(self.used[0], 0, self.used[2])
        lite = Server(self.sqlite_data, workdir=self.tmp).start()
        self.servers.append(lite)
        pg = Server(self.data, workdir=self.tmp).start()  # DIR/database.url: PostgreSQL
        self.servers.append(pg)
        home = Client(lite, host_of(None)).get("/")
        self.expect(home, 200)
        links = sorted(set(re.findall(r'href="(/[^"#?]+)"', home.text)))
        item = next(p for p in links if p.startswith("/tin/"))
        listing = next(p for p in links if p.startswith("/chuyen-muc/"))
        moved = "/chuyen-muc/cha-moi-%d" % self.new_parent
        pages = [(None, p) for p in ("/", item, listing, moved, "/van-ban", "/du-an", "/lich-cong-tac",
                                     "/so-do-trang")]
        for slug in ("snv", "longho"):
            r = Client(lite, host_of(slug)).get("/")
            self.expect(r, 200, slug)
            sub = sorted(set(re.findall(r'href="(/tin/[^"#?]+)"', r.text)))
            pages += [(slug, "/")] + [(slug, p) for p in sub[:1]]
        for slug, path in pages:
            with self.subTest(host=slug, path=path):
                # the Host without the port: the two servers' addresses would show in the links
                a = Client(lite, host_of(slug), port_in_host=False).get(path)
                b = Client(pg, host_of(slug), port_in_host=False).get(path)
                self.assertEqual(a.status, 200, "%s on SQLite" % path)
                self.assertEqual(b.status, a.status, "%s on PostgreSQL: %s" % (path, pg.log_tail()))
                self.assertEqual(VOLATILE.sub(rb"\1\2", b.body), VOLATILE.sub(rb"\1\2", a.body),
                                 "%s: the page from PostgreSQL differs" % path)
        # search: the same hits (each engine ranks them its own way: the order may differ)
        for query in ("giao dục", "quy hoach", "ubnd"):
            with self.subTest(search=query):
                path = "/tim-kiem?" + urllib.parse.urlencode({"q": query})
                a = Client(lite, host_of(None), port_in_host=False).get(path)
                b = Client(pg, host_of(None), port_in_host=False).get(path)
                count = re.compile(r'class="search-count"[^>]*>(.*?)</p>', re.S)
                self.assertEqual(count.findall(b.text), count.findall(a.text), "%s: the count of hits" % path)
                self.assertTrue(count.findall(a.text), path)
        # the second server is the PostgreSQL database's client
        self.assertGreater(self.pg(self.url2, "SELECT count(*) FROM pg_stat_activity WHERE datname = 'mig_used'"
                                              " AND pid <> pg_backend_pid()")[0][0], 0)

if __name__ == "__main__":
    unittest.main()
