"""Backups (issue #12): `cong backup` while the server publishes, `cong restore` and `cong backup
verify`; the wrong key refused, a tampered or cut archive detected, the off-site leg to a real
SFTP server (Debian's openssh-server, on loopback, a free port, a temporary folder), incremental
media, kill -9 midway leaving the earlier backups intact, restore refusing a live folder, the
admin page with each run and its drill, the schedule run by `cong serve` and its failure on the
dashboard and by mail.

On PostgreSQL (run.py --pg, issue #15) the same tests run on a folder whose database is
PostgreSQL: the backup holds pg_dump's archive (cong.pgdump), the drill restores it into a
throwaway database, and `cong restore --db URL` restores it into a new, empty one (new_db()).
TestPostgres adds what is PostgreSQL's own: a password in the URL (never on a command line), a
role that may not create a database (the drill says only the archive was checked), a database
that is not empty refused, a SQLite backup refused with --db (cong migrate moves a folder)."""
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from conglib import (CONG, PG, ROOT, CongTest, ServerError, cong, cong_env, data_sql, db_url, free_port, module_fixture,
                     new_db_args, png, squash, text_of)

setUpModule, tearDownModule = module_fixture()

SSHD = "/usr/sbin/sshd"


def run(*args, timeout=120):
    """`cong ARGS`: (exit code, stdout, stderr)."""
    p = subprocess.run([CONG] + list(args), capture_output=True, env=cong_env(), timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def archives(folder):
    return sorted(n for n in os.listdir(folder) if n.endswith(".cbk")) if os.path.isdir(folder) else []


def newest(folder):
    a = archives(folder)
    return os.path.join(folder, a[-1]) if a else None


def db_rows(path, sql, args=()):
    """Rows of the SQLite file PATH (a restored cong.db), read-only."""
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=10)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


def drill_dbs():
    """The drills' databases left on this run's cluster (PostgreSQL)."""
    import pglib
    return pglib.attach(os.environ["CONG_TEST_PG"]).admin_sql(
        "SELECT datname FROM pg_database WHERE datname LIKE 'cong\\_drill\\_%'")


def new_db():
    """What `cong restore` needs besides the folder for a backup of this run's engine: on
    PostgreSQL ["--db", URL of a new, empty database]; on SQLite nothing (NEWDIR/cong.db)."""
    return new_db_args()


def check_restored_db(test, dest, out):
    """The restored folder DEST's database is whole: SQLite's integrity_check, or on PostgreSQL
    the URL recorded in DEST/database.url (0600) and pg_restore's report; the audit chain."""
    if PG:
        test.assertIn("pg_restore of", out)
        test.assertTrue(db_url(dest), "the restored folder names its database")
        test.assertEqual(os.stat(os.path.join(dest, "database.url")).st_mode & 0o777, 0o600)
        test.assertFalse(os.path.exists(os.path.join(dest, "cong.pgdump")), "the dump is in the database, not the folder")
        test.assertFalse(os.path.exists(os.path.join(dest, "cong.db")))
    else:
        test.assertIn("integrity_check ok", out)
        test.assertEqual(db_rows(os.path.join(dest, "cong.db"), "PRAGMA integrity_check"), [("ok",)])
    test.assertIn("audit log intact", cong("audit", "verify", "--data", dest))


class Base(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cong-backup-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def backup(self, *dests, extra=(), expect=0):
        args = ["backup", "--data", self.fx.data]
        for d in dests:
            args += ["--to", d]
        rc, out, err = run(*args, *extra)
        self.assertEqual(rc, expect, "cong backup exit %d: %s %s" % (rc, out, err))
        return out, err

    def key(self):
        return os.path.join(self.fx.data, "backup.key")

    _cat = {}

    def publish(self, client, title):
        """Publishes an article on SNV (in a category made once); its id."""
        if "snv" not in Base._cat:
            Base._cat["snv"] = self.fx.category(self.fx.admin("duyet", "snv"), "Sao lưu")[0]
        return self.fx.article(client, title, category_id=Base._cat["snv"], publish=True)


class TestBackupRestore(Base):
    def test_backup_while_publishing_then_restore(self):
        """A backup taken while a writer publishes is a consistent snapshot: it restores, verifies
        (integrity, audit chain and head, row counts, hashes) and holds a prefix of the writes."""
        c = self.fx.admin("duyet", "snv")
        image = png(24, 24, (10, 120, 200))
        r = c.post("/quan-tri/thu-vien", [("alt", "Ảnh sao lưu"), ("title", "")],
                   files=[("file", "saoluu.png", "image/png", image)])
        self.assertEqual(r.status, 303, "upload")
        before = self.publish(c, "Trước sao lưu")
        stop = threading.Event()
        written, errors = [], []

        def writer():
            w = self.fx.admin("duyet", "snv").clone()
            i = 0
            while not stop.is_set() and i < 60:
                try:
                    written.append(self.publish(w, "Bài viết trong lúc sao lưu %d" % i))
                except Exception as e:  # noqa: BLE001 — reported below
                    errors.append(repr(e))
                    return
                i += 1

        t = threading.Thread(target=writer)
        t.start()
        try:
            time.sleep(0.3)
            d1, d2 = os.path.join(self.tmp, "disk1"), os.path.join(self.tmp, "disk2")
            out, _ = self.backup(d1, d2)
        finally:
            stop.set()
            t.join(60)
        self.assertFalse(errors, "the writer failed during the backup: %s" % errors)
        self.assertTrue(written, "nothing was published during the backup")
        self.assertIn("restore drill: passed", out)
        if PG:  # the dump restored into a throwaway database and checked there, which is gone after
            self.assertIn("into a throwaway database", out)
            self.assertEqual(drill_dbs(), [], "the drill's database is dropped: %s"
                             % [ln for ln in out.splitlines() if ln.startswith("restore drill")])
        self.assertEqual([len(archives(d1)), len(archives(d2))], [1, 1], "one archive in each folder")
        self.assertEqual(os.path.basename(newest(d1)), os.path.basename(newest(d2)))
        # restored into a new folder and checked
        dest = os.path.join(self.tmp, "restored")
        rc, out, err = run("restore", "--from", newest(d1), "--data", dest, "--key", self.key(), *new_db())
        self.assertEqual(rc, 0, "restore: %s %s" % (out, err))
        check_restored_db(self, dest, out)
        ids = [r[0] for r in data_sql(dest, "SELECT id FROM items ORDER BY id")]
        live = [r[0] for r in self.fx.sql("SELECT id FROM items ORDER BY id")]
        self.assertIn(before, ids, "the article published before the backup is in it")
        self.assertEqual(ids, live[:len(ids)], "the snapshot is a prefix of the live writes, none half-made")
        # media: the same bytes
        sha = [r[0] for r in data_sql(dest, "SELECT sha256 FROM media")]
        self.assertTrue(sha, "the uploaded image is in the restored database")
        for s in sha:
            found = [f for f in os.listdir(os.path.join(dest, "media", s[:2])) if f.startswith(s)]
            self.assertTrue(found, "media file %s restored" % s)
            live_f = os.path.join(self.fx.data, "media", s[:2], found[0])
            with open(os.path.join(dest, "media", s[:2], found[0]), "rb") as a, open(live_f, "rb") as b:
                self.assertEqual(a.read(), b.read())
        # the restored folder serves: the article published before the backup is on its page
        from conglib import Server
        srv = Server(dest, workdir=self.tmp).start()
        try:
            st, _, _, body = srv.raw(b"GET /tin/x-%d HTTP/1.1\r\nHost: snv.example.gov.vn\r\nConnection: close\r\n\r\n" % before)
            self.assertIn(st, (200, 301), "the restored portal serves the article")
        finally:
            self.assertEqual(srv.stop(), 0)
        # restore refuses the live folder (and any data folder) without --force
        rc, out, err = run("restore", "--from", newest(d1), "--data", dest, "--key", self.key(), *new_db())
        self.assertEqual(rc, 1)
        self.assertIn("refuses to replace it without --force", err)
        rc, out, err = run("restore", "--from", newest(d1), "--data", self.fx.data, "--key", self.key(), *new_db())
        self.assertEqual(rc, 1, "the live data folder is never replaced without --force")
        self.assertIn("holds a data folder", err)
        with open(os.path.join(dest, "marker"), "w") as f:
            f.write("old")
        rc, out, err = run("restore", "--from", newest(d1), "--data", dest, "--key", self.key(), "--force", *new_db())
        self.assertEqual(rc, 0, err)
        self.assertFalse(os.path.exists(os.path.join(dest, "marker")), "--force put the backup in place")
        aside = [n for n in os.listdir(self.tmp) if n.startswith("restored.before-restore-")]
        self.assertEqual(len(aside), 1, "the folder that was there is kept aside")
        self.assertTrue(os.path.exists(os.path.join(self.tmp, aside[0], "marker")))

    def test_wrong_key_and_tampering(self):
        folder = os.path.join(self.tmp, "tamper")
        self.backup(folder)
        arch = newest(folder)
        rc, out, err = run("backup", "verify", arch, "--key", self.key())
        self.assertEqual(rc, 0, err)
        self.assertIn("sound", out)
        if PG:
            # no server to restore the dump into: said plainly; with the folder's, a full drill
            self.assertIn("only the archive was checked", out)
            self.assertIn("pg_restore --list", out)
            rc, out, err = run("backup", "verify", arch, "--data", self.fx.data)
            self.assertEqual(rc, 0, err)
            self.assertIn("into a throwaway database", out)
            self.assertEqual(drill_dbs(), [])
        # another key: a clear refusal naming the keys, not a crash nor "damaged"
        wrong = os.path.join(self.tmp, "wrong.key")
        with open(wrong, "w") as f:
            f.write(os.urandom(32).hex() + "\n")
        for args in (["backup", "verify", arch, "--key", wrong],
                     ["restore", "--from", arch, "--data", os.path.join(self.tmp, "nokey"), "--key", wrong]):
            rc, out, err = run(*args)
            self.assertEqual(rc, 1, args)
            self.assertIn("encrypted with another key", err)
            self.assertFalse(os.path.exists(os.path.join(self.tmp, "nokey")), "nothing restored with the wrong key")
        with open(wrong, "w") as f:
            f.write("not a key\n")
        rc, out, err = run("backup", "verify", arch, "--key", wrong)
        self.assertEqual(rc, 1)
        self.assertIn("is not a backup key", err)
        # one byte changed anywhere after the header, or the end cut off: detected
        data = open(arch, "rb").read()
        for what, bad in (("a byte flipped", data[:len(data) // 2] + bytes([data[len(data) // 2] ^ 1]) + data[len(data) // 2 + 1:]),
                          ("cut short", data[:-100]),
                          ("bytes appended", data + b"\0"),
                          ("the manifest's end flipped", data[:-5] + bytes([data[-5] ^ 0x80]) + data[-4:])):
            t = os.path.join(self.tmp, "tampered")
            shutil.rmtree(t, ignore_errors=True)
            os.makedirs(t)
            p = os.path.join(t, os.path.basename(arch))
            with open(p, "wb") as f:
                f.write(bad)
            rc, out, err = run("backup", "verify", p, "--key", self.key())
            self.assertEqual(rc, 1, what)
            self.assertIn("NOT sound", err, what)
            self.assertRegex(err, "damaged or altered", what)
        # an archive renamed as another backup is refused
        t = os.path.join(self.tmp, "renamed")
        os.makedirs(t, exist_ok=True)
        shutil.copy(arch, os.path.join(t, "cong-20200101T000000.000Z.cbk"))
        rc, out, err = run("backup", "verify", os.path.join(t, "cong-20200101T000000.000Z.cbk"), "--key", self.key())
        self.assertEqual(rc, 1)
        self.assertIn("holds another backup", err)

    def test_incremental_media(self):
        folder = os.path.join(self.tmp, "incr")
        big = os.urandom(2 << 20)
        c = self.fx.admin("duyet", "snv")
        # a large file in the data folder's media tree (content-addressed names, as uploads are)
        mdir = os.path.join(self.fx.data, "media", "ee")
        os.makedirs(mdir, exist_ok=True)
        with open(os.path.join(mdir, "ee" + "0" * 62 + ".bin"), "wb") as f:
            f.write(big)
        out1, _ = self.backup(folder)
        size1 = os.path.getsize(newest(folder))
        self.assertGreater(size1, 2 << 20, "the first backup holds the big file")
        self.publish(c, "Bài sau lần sao lưu đầu")
        out2, _ = self.backup(folder)
        second = newest(folder)
        size2 = os.path.getsize(second)
        self.assertLess(size2, size1 - (1 << 20), "the second backup does not store the big file again: %d vs %d" % (size2, size1))
        m = re.search(r"\((\d+) of (\d+) files stored", out2)
        self.assertTrue(m and int(m.group(1)) < int(m.group(2)), out2)
        # it restores whole, taking the big file from the first backup beside it
        dest = os.path.join(self.tmp, "incr-restored")
        rc, out, err = run("restore", "--from", second, "--data", dest, "--key", self.key(), *new_db())
        self.assertEqual(rc, 0, err)
        with open(os.path.join(dest, "media", "ee", "ee" + "0" * 62 + ".bin"), "rb") as f:
            self.assertEqual(f.read(), big)
        # without the earlier backup it holds files from, the restore says which one is missing
        lone = os.path.join(self.tmp, "lone")
        os.makedirs(lone, exist_ok=True)
        shutil.copy(second, lone)
        rc, out, err = run("backup", "verify", os.path.join(lone, os.path.basename(second)), "--key", self.key())
        self.assertEqual(rc, 1)
        self.assertIn("is missing", err)
        # --full stores everything again
        out3, _ = self.backup(folder, extra=("--full",))
        self.assertGreater(os.path.getsize(newest(folder)), 2 << 20)

    def test_sqlite_backup_not_restored_into_postgresql(self):
        """A backup of a folder on SQLite restored with --db postgresql://… is refused before any
        database is touched: `cong migrate` moves a folder to PostgreSQL."""
        src = os.path.join(self.tmp, "lite")
        cong("init", "--data", src, "--domain", "lite.example.gov.vn", "--name", "Cổng thử")
        folder = os.path.join(self.tmp, "lite-backups")
        rc, out, err = run("backup", "--data", src, "--to", folder, "--no-drill")
        self.assertEqual(rc, 0, err)
        dest = os.path.join(self.tmp, "lite-restored")
        rc, out, err = run("restore", "--from", newest(folder), "--data", dest, "--key", os.path.join(src, "backup.key"),
                           "--db", "postgresql:///khong_co?host=/nonexistent&port=1")
        self.assertEqual(rc, 1, out)
        self.assertIn("holds a SQLite database", err)
        self.assertIn("cong migrate --from NEWDIR --db URL", err)
        self.assertNotIn("connect", err, "refused before connecting")
        self.assertFalse(os.path.exists(dest))
        rc, out, err = run("restore", "--from", newest(folder), "--data", dest, "--key", os.path.join(src, "backup.key"),
                           "--db", os.path.join(self.tmp, "other.db"))
        self.assertEqual(rc, 2, "--db of restore is a PostgreSQL database")

    def test_kill_during_backup_leaves_earlier_backups(self):
        folder = os.path.join(self.tmp, "killed")
        self.backup(folder)
        first = archives(folder)
        # enough new media that the second run takes a moment
        mdir = os.path.join(self.fx.data, "media", "dd")
        os.makedirs(mdir, exist_ok=True)
        for i in range(6):
            with open(os.path.join(mdir, "dd%062d.bin" % i), "wb") as f:
                f.write(os.urandom(8 << 20))
        p = subprocess.Popen([CONG, "backup", "--data", self.fx.data, "--to", folder, "--quiet"], env=cong_env(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        killed = False
        while time.time() < deadline and p.poll() is None:
            if any(n.endswith(".cbk.part") for n in os.listdir(folder)):
                p.send_signal(signal.SIGKILL)
                killed = True
                break
            time.sleep(0.002)
        p.wait(10)
        try:
            self.assertTrue(killed, "the backup ended before it could be killed")
            self.assertEqual(archives(folder), first, "no archive appears from a killed run")
            rc, out, err = run("backup", "verify", os.path.join(folder, first[0]), "--key", self.key())
            self.assertEqual(rc, 0, "the earlier backup is intact: %s" % err)
            # the next run cleans up and works (the lock died with the process)
            out, _ = self.backup(folder)
            self.assertEqual(len(archives(folder)), 2)
            self.assertFalse([n for n in os.listdir(folder) if n.endswith(".part")], "leftovers removed")
            self.assertFalse(os.path.exists(os.path.join(self.fx.data, ".backup-work")))
            rows = self.fx.sql("SELECT count(*) FROM backups WHERE finished_at IS NULL")
            self.assertGreaterEqual(rows[0][0], 1, "the killed run is recorded as not finished")
        finally:
            shutil.rmtree(mdir, ignore_errors=True)

    def test_progress_bar_only_on_a_terminal(self):
        folder = os.path.join(self.tmp, "tty")
        out, err = self.backup(folder)
        self.assertNotIn("\r", out + err, "no progress bar when not on a terminal")
        # on a terminal (util-linux script(1) gives the command one)
        cmd = "%s backup --data %s --to %s" % (CONG, self.fx.data, folder)
        p = subprocess.run(["script", "-qec", cmd, "/dev/null"], capture_output=True, env=cong_env(), timeout=120)
        tty = p.stdout.decode("utf-8", "replace")
        self.assertEqual(p.returncode, 0, tty[-500:])
        self.assertRegex(tty, r"\rsnapshot +\[[#.]{30}\] +\d+%", "the snapshot's progress bar")
        self.assertRegex(tty, r"\rbackup +\[#{30}\] 100%", "the archive's progress bar, to its end")

    def test_bad_arguments(self):
        rc, out, err = run("backup")
        self.assertEqual(rc, 2)
        missing = os.path.join(self.tmp, "khong-co")
        rc, out, err = run("backup", "--data", missing)
        self.assertEqual(rc, 1)
        self.assertIn("is not a data folder", err)
        self.assertFalse(os.path.exists(missing), "no folder made by a mistyped --data")
        rc, out, err = run("restore", "--from", "x.cbk", "--data", os.path.join(self.tmp, "r"))
        self.assertEqual(rc, 2)
        self.assertIn("--key", err)
        rc, out, err = run("restore", "--from", os.path.join(self.tmp, "none", "cong-x.cbk"), "--data",
                           os.path.join(self.tmp, "r"), "--key", self.key())
        self.assertEqual(rc, 1)
        self.assertIn("is missing", err)
        rc, out, err = run("backup", "--data", self.fx.data, "--keep-daily", "-1")
        self.assertEqual(rc, 2)
        rc, out, err = run("backup", "verify", "--key", self.key())
        self.assertEqual(rc, 2)


class TestOffsite(Base):
    """The off-site leg over SFTP to a real OpenSSH server on loopback."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not os.path.exists(SSHD):
            raise AssertionError("%s is missing: sudo sh scripts/deps.sh test (openssh-server)" % SSHD)
        t = cls.sshdir = os.path.join(cls.tmp, "sshd")
        os.makedirs(os.path.join(t, "store"))
        for k in ("host_key", "client_key", "other_key"):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", os.path.join(t, k)], check=True)
        shutil.copy(os.path.join(t, "client_key.pub"), os.path.join(t, "authorized_keys"))
        os.makedirs("/run/sshd", exist_ok=True) if os.geteuid() == 0 else None
        cls.port = free_port()
        user = subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()
        with open(os.path.join(t, "sshd_config"), "w") as f:
            f.write("Port %d\nListenAddress 127.0.0.1\nHostKey %s/host_key\nPidFile %s/sshd.pid\n"
                    "AuthorizedKeysFile %s/authorized_keys\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                    "UsePAM no\nStrictModes no\nPermitRootLogin prohibit-password\nSubsystem sftp internal-sftp\n"
                    % (cls.port, t, t, t))
        with open(os.path.join(t, "known_hosts"), "w") as f:
            f.write("[127.0.0.1]:%d %s\n" % (cls.port, " ".join(open(os.path.join(t, "host_key.pub")).read().split()[:2])))
        with open(os.path.join(t, "wrong_known_hosts"), "w") as f:
            f.write("[127.0.0.1]:%d %s\n" % (cls.port, " ".join(open(os.path.join(t, "other_key.pub")).read().split()[:2])))
        cls.log = open(os.path.join(t, "sshd.log"), "wb")
        cls.sshd = subprocess.Popen([SSHD, "-D", "-e", "-f", os.path.join(t, "sshd_config")], stdout=cls.log, stderr=cls.log)
        deadline = time.time() + 10
        import socket
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", cls.port), 1).close()
                break
            except OSError:
                if cls.sshd.poll() is not None:
                    break
                time.sleep(0.05)
        cls.url = "sftp://%s@127.0.0.1:%d%s/store/cong" % (user, cls.port, t)

    @classmethod
    def tearDownClass(cls):
        cls.sshd.terminate()
        cls.sshd.wait(10)
        cls.log.close()
        super().tearDownClass()

    def ssh(self, known="known_hosts"):
        return ("--ssh-key", os.path.join(self.sshdir, "client_key"), "--ssh-known-hosts", os.path.join(self.sshdir, known))

    def test_sftp_leg(self):
        local = os.path.join(self.tmp, "local")
        out, _ = self.backup(local, self.url, extra=self.ssh())
        self.assertIn("restore drill: passed", out)
        store = os.path.join(self.sshdir, "store", "cong")
        self.assertEqual(archives(store), archives(local), "the same backup off-site")
        self.assertTrue(os.path.exists(newest(store)[:-4] + ".idx"))
        self.assertFalse([n for n in os.listdir(store) if n.endswith(".part")])
        # restored straight from the SFTP server
        dest = os.path.join(self.tmp, "from-sftp")
        rc, out, err = run("restore", "--from", self.url + "/" + archives(store)[-1], "--data", dest, "--key", self.key(),
                           *self.ssh(), *new_db())
        self.assertEqual(rc, 0, err)
        check_restored_db(self, dest, out)
        # a second backup off-site is incremental and verifies from there
        self.backup(self.url, extra=self.ssh())
        self.assertEqual(len(archives(store)), 2)
        rc, out, err = run("backup", "verify", self.url + "/" + archives(store)[-1], "--key", self.key(), *self.ssh())
        self.assertEqual(rc, 0, err)
        # a server whose key is not the known one is refused, and the run is a failure
        out, err = self.backup(self.url, extra=self.ssh("wrong_known_hosts"), expect=1)
        self.assertIn("remote key was not OK", err)
        self.assertEqual(len(archives(store)), 2)
        # pruning keeps the newest and what it takes files from
        out, _ = self.backup(self.url, extra=self.ssh() + ("--keep-daily", "1"))
        kept = archives(store)
        self.assertIn(archives(local)[0], kept, "the first backup holds files the newest takes: kept")
        self.assertLessEqual(len(kept), 3)


class TestAdminPage(Base):
    def test_runs_and_drills_on_the_page(self):
        folder = os.path.join(self.tmp, "page")
        self.backup(folder)
        name = os.path.basename(newest(folder))
        admin = self.fx.admin("admin")
        r = self.expect(admin.get("/quan-tri/sao-luu"), 200, "the backups page")
        self.check_html(r)
        self.assertIn(name, r.text)
        row = [tr for tr in r.tree().iter("tr") if name in text_of(tr)]
        self.assertTrue(row, "the run's row")
        t = squash(text_of(row[0]))
        self.assertIn("Thành công", t)
        self.assertIn("Đạt", t, "the drill's result")
        self.assertIn(folder, t, "where it went")
        # the page is the system administrator's only
        other = self.fx.admin("duyet", "snv")
        self.assertEqual(other.get("/quan-tri/sao-luu").status, 403)
        self.assertEqual(other.post("/quan-tri/sao-luu", [("schedule", "daily")]).status, 403)

    def test_schedule_form_checks_and_keeps_input(self):
        admin = self.fx.admin("admin")
        r = admin.post("/quan-tri/sao-luu", [("schedule", "daily"), ("hour", "25"), ("weekday", "3"), ("keep_daily", "7"),
                                             ("keep_weekly", "x"), ("keep_monthly", "12"),
                                             ("destinations", "tuong-doi/khong-hop-le"), ("ssh_key", ""),
                                             ("ssh_known_hosts", ""), ("alert_to", "")])
        self.expect(r, 422)
        self.check_html(r)
        self.assertIn("Giờ sao lưu phải từ 0 đến 23.", r.text)
        self.assertIn("Mỗi dòng là một thư mục", r.text)
        self.assertEqual(r.by_id("hour").get("value"), "25", "input kept")
        self.assertIn("tuong-doi/khong-hop-le", text_of(r.by_id("destinations")))
        r = admin.post("/quan-tri/sao-luu", [("schedule", "daily"), ("hour", "2"), ("weekday", "7"), ("keep_daily", "7"),
                                             ("keep_weekly", "4"), ("keep_monthly", "12"),
                                             ("destinations", "sftp://u@kho.example/srv"), ("ssh_key", ""),
                                             ("ssh_known_hosts", ""), ("alert_to", "")])
        self.expect(r, 422)
        self.assertIn("tệp khóa riêng", r.text)
        r = admin.post("/quan-tri/sao-luu", [("schedule", "off"), ("hour", "3"), ("weekday", "7"), ("keep_daily", "7"),
                                             ("keep_weekly", "4"), ("keep_monthly", "12"), ("destinations", ""),
                                             ("ssh_key", ""), ("ssh_known_hosts", ""), ("alert_to", "")])
        self.expect(r, 303)
        audit = self.fx.sql("SELECT count(*) FROM audit WHERE action = 'settings.backup'")
        self.assertGreaterEqual(audit[0][0], 1, "the change is in the audit log")

    def test_scheduled_backup_and_failure_on_dashboard_and_by_mail(self):
        """The schedule runs in `cong serve`; a failing one is mailed to the board and shown on the
        dashboard until a later run succeeds."""
        admin = self.fx.admin("admin")
        box = os.path.join(self.tmp, "mail")
        os.makedirs(box)
        sink = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests", "http", "smtpsink.py"), box],
                                stdout=subprocess.PIPE, text=True)
        port = int(sink.stdout.readline())
        bad = "/proc/cong-khong-ghi-duoc"
        try:
            for k, v in (("smtp_url", "smtp://127.0.0.1:%d" % port), ("smtp_from", "cong@example.gov.vn"),
                         ("smtp_tls", "none"), ("backup_alert_to", "quantri@example.gov.vn")):
                self.fx.set_setting(k, v)
            r = admin.post("/quan-tri/sao-luu", [("schedule", "daily"), ("hour", "0"), ("weekday", "7"),
                                                 ("keep_daily", "7"), ("keep_weekly", "4"), ("keep_monthly", "12"),
                                                 ("destinations", bad), ("ssh_key", ""), ("ssh_known_hosts", ""),
                                                 ("alert_to", "quantri@example.gov.vn")])
            self.expect(r, 303)
            deadline = time.time() + 30
            while time.time() < deadline:
                rows = self.fx.sql("SELECT ok, finished_at FROM backups WHERE trigger = 'schedule' ORDER BY id")
                if rows and rows[-1][1] is not None:
                    break
                time.sleep(0.2)
            self.assertTrue(rows and rows[-1][1] is not None, "the scheduler ran the day's backup")
            self.assertEqual(rows[-1][0], 0, "it failed (destination not writable)")
            d = self.expect(admin.get("/quan-tri/"), 200)
            alert = [p for p in d.find_all("p", class_="error-summary") if "sao lưu" in text_of(p)]
            self.assertTrue(alert, "the dashboard shows the failure")
            self.assertIn(bad, text_of(alert[0]))
            deadline = time.time() + 15
            while time.time() < deadline and not [n for n in os.listdir(box) if n.endswith(".json")]:
                time.sleep(0.1)
            metas = [json.load(open(os.path.join(box, n))) for n in os.listdir(box) if n.endswith(".json")]
            self.assertTrue(metas, "the failure was mailed")
            self.assertIn("quantri@example.gov.vn", metas[0]["rcpt_to"])
            # once a day: no second scheduled run today
            time.sleep(6)
            self.assertEqual(len(self.fx.sql("SELECT 1 FROM backups WHERE trigger = 'schedule'")), 1)
            # solved by a later successful run: the dashboard is clear again
            self.backup(os.path.join(self.tmp, "after"))
            d = self.expect(admin.get("/quan-tri/"), 200)
            self.assertFalse([p for p in d.find_all("p", class_="error-summary") if "sao lưu" in text_of(p)])
        finally:
            self.fx.set_setting("backup_schedule", "off")
            self.fx.set_setting("smtp_url", "")
            sink.terminate()
            sink.wait(5)


class ToolWatch:
    """Every command line of a pg_dump or pg_restore process seen while it runs (what `ps`
    shows to any user of the machine), polled from /proc."""

    def __init__(self):
        self.seen, self._stop = set(), threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            for pid in os.listdir("/proc"):
                if not pid.isdigit():
                    continue
                try:
                    with open("/proc/%s/cmdline" % pid, "rb") as f:
                        argv = f.read().split(b"\0")
                except OSError:
                    continue
                if argv and os.path.basename(argv[0]) in (b"pg_dump", b"pg_restore"):
                    self.seen.add(b" ".join(argv).decode("utf-8", "replace"))

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join(10)


@unittest.skipUnless(PG, "PostgreSQL's own: run.py --pg")
class TestPostgres(Base):
    """What only a folder on PostgreSQL has: a password in its URL, a role that may or may not
    create a database, the database a restore writes into."""

    ROLE = "cong_bk_pw"
    PASSWORD = "m\u1eadt:kh\u1ea9u\\'@/ x"  # ':' '\\' quote '@' '/' space: the passfile's and the URL's escapes

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        import pglib
        import urllib.parse
        cls.cluster = pglib.attach(os.environ["CONG_TEST_PG"])
        cls.hba = os.path.join(cls.cluster.pgdata, "pg_hba.conf")
        # the role signs in with its password (SCRAM), unlike the run's trusted role
        with open(cls.hba) as f:
            cls.hba_was = f.read()
        with open(cls.hba, "w") as f:
            f.write("local all %s scram-sha-256\n" % cls.ROLE + cls.hba_was)
        cls.cluster.admin_sql("SELECT pg_reload_conf()")
        cls.cluster.admin_sql("CREATE ROLE %s LOGIN NOCREATEDB PASSWORD ?" % cls.ROLE, (cls.PASSWORD,))
        cls.dbs = []

        def url(name):
            return "postgresql://%s:%s@/%s?host=%s&port=%d" % (
                cls.ROLE, urllib.parse.quote(cls.PASSWORD, safe=""), name,
                urllib.parse.quote(cls.cluster.sockdir, safe="/"), cls.cluster.port)
        cls.url = staticmethod(url)

    @classmethod
    def tearDownClass(cls):
        with open(cls.hba, "w") as f:
            f.write(cls.hba_was)
        cls.cluster.admin_sql("SELECT pg_reload_conf()")
        try:  # the cluster goes at the end of the run anyway
            for name in cls.dbs:
                cls.cluster.dropdb(name)
            cls.cluster.admin_sql("DROP ROLE IF EXISTS %s" % cls.ROLE)
        except Exception:  # noqa: BLE001
            pass
        super().tearDownClass()

    def createdb(self, name):
        self.cluster.admin_sql('CREATE DATABASE "%s" OWNER %s TEMPLATE template0 ENCODING \'UTF8\' LC_COLLATE \'C\' '
                               "LC_CTYPE 'C'" % (name, self.ROLE))
        self.dbs.append(name)
        return self.url(name)

    def test_password_url_drill_and_restore(self):
        import urllib.parse
        secrets = (self.PASSWORD, urllib.parse.quote(self.PASSWORD, safe=""), "kh\u1ea9u")
        data = os.path.join(self.tmp, "pw-data")
        cong("init", "--data", data, "--domain", "pw.example.gov.vn", "--name", "Cổng thử",
             "--db", self.createdb("cong_bk_pw_live"))
        folder = os.path.join(self.tmp, "pw-backups")
        with ToolWatch() as watch:
            # the role may not create a database: the drill says plainly that only the archive was checked
            rc, out, err = run("backup", "--data", data, "--to", folder)
            self.assertEqual(rc, 0, err)
            self.assertIn("restore drill: passed", out)
            self.assertIn("only the archive was checked", out)
            self.assertIn("may not create a database", out)
            # allowed to: the dump is restored into a throwaway database, checked, dropped
            self.cluster.admin_sql("ALTER ROLE %s CREATEDB" % self.ROLE)
            rc, out2, err2 = run("backup", "--data", data, "--to", folder)
            self.assertEqual(rc, 0, err2)
            self.assertIn("into a throwaway database", out2)
            self.assertEqual(drill_dbs(), [])
            # restored into a new, empty database, reached with the password too
            dest = os.path.join(self.tmp, "pw-restored")
            target = self.createdb("cong_bk_pw_new")
            rc, out3, err3 = run("restore", "--from", newest(folder), "--data", dest, "--key",
                                 os.path.join(data, "backup.key"), "--db", target)
            self.assertEqual(rc, 0, err3)
        self.assertEqual(db_url(dest), target, "the restored folder names its new database")
        self.assertEqual(data_sql(dest, "SELECT id, slug, name FROM sites ORDER BY id"),
                         data_sql(data, "SELECT id, slug, name FROM sites ORDER BY id"))
        self.assertIn("audit log intact", cong("audit", "verify", "--data", dest))
        # the password: never on a command line `ps` shows, never in what cong says, no passfile left
        self.assertTrue(watch.seen, "pg_dump and pg_restore were seen running")
        self.assertTrue(any("pg_dump" in c and "--snapshot=" in c for c in watch.seen), watch.seen)
        for text in list(watch.seen) + [out, err, out2, err2, out3, err3]:
            for sec in secrets:
                self.assertNotIn(sec, text)
        self.assertIn(":***@", out3, "the URL is shown without its password")
        for d in (data, dest):
            self.assertFalse([n for n in os.listdir(d) if n.startswith((".pgpass", ".pgtool", ".backup-work"))])

    def test_restore_refuses_a_database_in_use_and_needs_one(self):
        folder = os.path.join(self.tmp, "refuse")
        self.backup(folder)
        before = self.fx.sql("SELECT count(*) FROM items")
        # into the live database (not empty): refused, nothing written
        dest = os.path.join(self.tmp, "refused")
        rc, out, err = run("restore", "--from", newest(folder), "--data", dest, "--key", self.key(), "--db",
                           db_url(self.fx.data))
        self.assertEqual(rc, 1)
        self.assertIn("is not empty", err)
        self.assertFalse(os.path.exists(dest))
        self.assertEqual(self.fx.sql("SELECT count(*) FROM items"), before)
        # a dump needs a database to go into
        rc, out, err = run("restore", "--from", newest(folder), "--data", dest, "--key", self.key())
        self.assertEqual(rc, 1)
        self.assertIn("give the new, empty database", err)
        self.assertFalse(os.path.exists(dest))
        # a database the restore cannot finish leaves it as it was (one transaction)
        import pglib
        name = "cong_bk_partial_%d" % os.getpid()
        url = self.cluster.createdb(name)
        self.dbs.append(name)
        self.cluster.admin_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC", dbname=name)
        self.cluster.admin_sql("ALTER SCHEMA public OWNER TO postgres", dbname=name)
        rc, out, err = run("restore", "--from", newest(folder), "--data", dest, "--key", self.key(), "--db", url)
        self.assertEqual(rc, 1, out)
        self.assertIn("pg_restore failed", err)
        self.assertEqual(pglib.run_sql(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), [(0,)])
        self.assertFalse(os.path.exists(dest))
