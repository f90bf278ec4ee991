"""Operating the portal (issue #12, durability and integrity): `cong` refuses a data folder
that does not exist and bad arguments with a sentence; reading commands work on a read-only
folder; "save and submit" is one transaction; the audit log's chain is checked through
damaged pages, deleted newest records (the anchors outside the database) and its archive;
planned maintenance notices and incidents."""
import gzip
import sys
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
import unittest

from conglib import (CONG, PASSWORD, PG, CongTest, Server, ServerError, cong, cong_env, data_sql, drop_db, fake_server,
                     free_port, host_of, module_fixture, new_db_args, png, sha256, squash)

setUpModule, tearDownModule = module_fixture()


def run(*args, user=None, stdin=None):
    """`cong ARGS` (as USER when given, through setpriv); returns (exit code, stdout, stderr)."""
    cmd = [CONG] + list(args)
    if user is not None:
        cmd = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups"] + cmd
    p = subprocess.run(cmd, input=stdin, capture_output=True, env=cong_env(), timeout=60)
    err = "\n".join(ln for ln in p.stderr.decode("utf-8", "replace").splitlines()
                    if "common passwords are not refused" not in ln)
    return p.returncode, p.stdout.decode("utf-8", "replace"), err


def new_data(tmp, sites=2):
    d = os.path.join(tmp, "data")
    cong("init", "--data", d, *new_db_args())
    for i in range(sites):
        cong("site", "add", "--data", d, "--name", "Xã Thử %s" % "ABCDEFGH"[i])
    return d


class DataFolder(CongTest):
    """A mistyped --data must not become a new, empty portal that reports success."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="cong-ops-")

    def tearDown(self):
        subprocess.run(["chmod", "-R", "u+w", self.tmp])
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_every_command_refuses_a_folder_that_does_not_exist_and_creates_nothing(self):
        missing = os.path.join(self.tmp, "khong-co")
        for args in (["site", "list"], ["site", "add", "--name", "Xã Mới"], ["audit", "verify"],
                     ["audit", "archive"], ["audit", "anchor"], ["reindex"], ["remind", "--list"],
                     ["calendar", "--year", "2026"], ["calendar", "--unset", "2026-01-01"],
                     ["serve", "--listen", "127.0.0.1:%d" % free_port()],
                     ["import", "legal", "--site", "main", "--check", __file__]):
            sub = 2 if args[0] in ("site", "audit") else 1
            rc, out, err = run(*args[:sub], "--data", missing, *args[sub:])
            self.assertNotEqual(rc, 0, "cong %s on a missing folder succeeded: %s" % (" ".join(args), out))
            self.assertIn("khong-co", err, "cong %s: no sentence naming the folder: %r" % (" ".join(args), err))
            self.assertFalse(os.path.exists(missing), "cong %s created the folder" % " ".join(args))
        # a folder that exists but is not a data folder: nothing created in it either
        empty = os.path.join(self.tmp, "trong")
        os.mkdir(empty)
        rc, out, err = run("site", "list", "--data", empty)
        self.assertNotEqual(rc, 0)
        self.assertIn("cong init", err)
        self.assertEqual(os.listdir(empty), [])
        # init (and demo) make one
        rc, out, err = run("init", "--data", missing, *new_db_args())
        self.assertEqual(rc, 0, err)
        self.assertTrue(os.path.exists(os.path.join(missing, "database.url" if PG else "cong.db")))
        drop_db(missing)

    @unittest.skipIf(PG, "SQLite's file: a read-only folder is a read-only cong.db; a PostgreSQL database is not in"
                         " the folder")
    def test_reading_commands_work_on_a_read_only_folder(self):
        d = new_data(self.tmp)
        cong("audit", "anchor", "--data", d)
        # as root, permissions do not stop writes: the commands then run as nobody, to whom the
        # copy is read-only (setpriv, util-linux)
        user = None
        if os.geteuid() == 0:
            if not shutil.which("setpriv"):
                self.skipTest("running as root without setpriv: a read-only folder cannot be made")
            user = 65534
            os.chmod(self.tmp, 0o755)
            os.chmod(os.path.join(d, "secret.key"), 0o644)  # nobody must read the anchors' key
        subprocess.run(["chmod", "-R", "a+rX,a-w", d], check=True)
        before = sorted(os.listdir(d))  # cong.db, secret.key, backup.key, audit-anchors
        rc, out, err = run("audit", "verify", "--data", d, user=user)
        self.assertEqual(rc, 0, "audit verify on a read-only folder: %s" % err)
        self.assertIn("intact", out)
        self.assertIn("1 anchor(s) match", out)
        rc, out, err = run("site", "list", "--data", d, user=user)
        self.assertEqual(rc, 0, err)
        self.assertIn("Xã Thử A", out)
        rc, out, err = run("calendar", "--data", d, "--year", "2026", user=user)
        self.assertEqual(rc, 0, err)
        rc, out, err = run("remind", "--data", d, "--list", user=user)
        self.assertEqual(rc, 0, err)
        rc, out, err = run("kinds", user=user)
        self.assertEqual(rc, 0, err)
        # a command that writes says why it cannot
        rc, out, err = run("site", "add", "--data", d, "--name", "Xã Mới", user=user)
        self.assertNotEqual(rc, 0)
        self.assertIn("read-only", err)
        self.assertEqual(sorted(os.listdir(d)), before, "files were created")


class Arguments(CongTest):
    """Bad arguments: a sentence naming the option and what it wants, and a non-zero exit."""

    def serve(self, *extra):
        rc, out, err = run("serve", "--data", self.fx.data, *extra)
        self.assertNotEqual(rc, 0, "cong serve %s was accepted: %s" % (" ".join(extra), out))
        self.assertEqual(rc, 2, "cong serve %s: exit %d, expected 2 (usage): %s" % (" ".join(extra), rc, err))
        return err

    def test_listen_refuses_bad_ports_and_a_missing_host(self):
        for listen, words in (("127.0.0.1:0", "1 to 65535"), ("127.0.0.1:70000", "1 to 65535"),
                              ("127.0.0.1:abc", "1 to 65535"), ("127.0.0.1:", "1 to 65535"),
                              (":8080", "thiếu địa chỉ"), ("8080", "thiếu cổng"), ("[::1", "[ADDR]:PORT"),
                              ("khong-co-may.invalid:8080", "không dùng được")):
            err = self.serve("--listen", listen)
            self.assertIn("--listen %s" % listen, err)
            self.assertIn(words, err, "--listen %s: %r" % (listen, err))

    def test_trust_proxy_wants_an_ip_address(self):
        for bad in ("10.0.0.0/8", "proxy.example", "256.1.1.1", "", "127.0.0.1,10.0.0.1"):
            err = self.serve("--trust-proxy", bad)
            self.assertIn("--trust-proxy", err)
            self.assertIn("địa chỉ proxy không hợp lệ", err)

    def test_tls_files_missing_unreadable_or_bad(self):
        tmp = tempfile.mkdtemp(prefix="cong-tls-")
        try:
            crt, key, key2 = (os.path.join(tmp, n) for n in ("c.pem", "k.pem", "k2.pem"))
            err = self.serve("--tls-cert", os.path.join(tmp, "none.pem"), "--tls-key", os.path.join(tmp, "none.key"))
            self.assertIn("không đọc được tệp TLS", err)
            self.assertIn("none.pem", err)
            with open(crt, "w") as f:
                f.write("not a certificate\n")
            with open(key, "w") as f:
                f.write("not a key\n")
            err = self.serve("--tls-cert", crt, "--tls-key", key)
            self.assertIn("chứng thư hoặc khoá TLS không hợp lệ", err)
            err = self.serve("--tls-cert", crt)
            self.assertIn("go together", err)
            # a real certificate with another certificate's key
            mk = lambda c, k: subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", k,
                                              "-out", c, "-days", "2", "-subj", "/CN=localhost"], capture_output=True)
            if mk(crt, key).returncode != 0 or mk(os.path.join(tmp, "c2.pem"), key2).returncode != 0:
                self.skipTest("openssl cannot make a certificate")
            err = self.serve("--tls-cert", crt, "--tls-key", key2)
            self.assertIn("chứng thư hoặc khoá TLS không hợp lệ", err)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_bad_dates_are_refused_by_every_command_that_takes_one(self):
        d = self.fx.data
        for args, words in ((["remind", "--data", d, "--list", "--now", "2026-02-30 08:00"], "ngày giờ không hợp lệ"),
                            (["remind", "--data", d, "--list", "--now", "2026-12-07 25:00"], "ngày giờ không hợp lệ"),
                            (["remind", "--data", d, "--list", "--now", "hôm nay"], "ngày giờ không hợp lệ"),
                            (["audit", "archive", "--data", d, "--now", "2026-13-01 00:00"], "ngày giờ không hợp lệ"),
                            (["calendar", "--add", "2026-02-30", "3"], "Ngày không hợp lệ"),
                            (["calendar", "--data", d, "--set", "31/12/2026", "off", "Nghỉ"], "Ngày không hợp lệ"),
                            (["calendar", "--data", d, "--unset", "2026-04-31"], "Ngày không hợp lệ")):
            rc, out, err = run(*args)
            self.assertNotEqual(rc, 0, "cong %s was accepted: %s" % (" ".join(args), out))
            self.assertIn(words, err, "cong %s: %r" % (" ".join(args), err))


class SaveAndSubmit(CongTest):
    def test_a_refused_submit_leaves_nothing_of_the_save(self):
        fx = self.fx
        c = fx.admin("bientap", "longho")
        cat = fx.category(c, "Tin gửi lại")[0]
        aid = fx.article(c, "Bài gốc trước khi gửi lại", category_id=cat)
        fx.act(c, aid, "submit")
        count = lambda sql, *a: fx.sql(sql, a)[0][0]
        revs, audits = count("SELECT count(*) FROM revisions"), count("SELECT count(*) FROM audit")
        # "save and send" on an item already sent: the save alone would be allowed, the submit is
        # refused; before, the save was kept all the same
        r = c.post("/quan-tri/bai-viet/%d" % aid, [("title", "Tiêu đề sửa lúc gửi lại"), ("body", "Nội dung mới."),
                                                   ("category_id", str(cat)), ("submit", "1")], multipart_form=True)
        self.assertEqual(r.status, 422, squash(r.text)[:300])
        self.assertIn("Tiêu đề sửa lúc gửi lại", r.text, "the input is not kept")
        self.assertIn("không ở trạng thái cho phép", r.text)
        row = fx.sql("SELECT title FROM items WHERE id = ?", (aid,))[0]
        self.assertEqual(row[0], "Bài gốc trước khi gửi lại", "the save was kept although the submit failed")
        self.assertEqual(count("SELECT count(*) FROM revisions"), revs, "a revision was kept")
        self.assertEqual(count("SELECT count(*) FROM audit"), audits, "an audit record was kept")
        # a new item saved and sent: both, at once
        r = c.post("/quan-tri/bai-viet/moi", [("title", "Bài mới gửi ngay"), ("body", "Nội dung."), ("category_id", str(cat)),
                                              ("submit", "1")], multipart_form=True)
        self.assertEqual(r.status, 303, squash(r.text)[:300])
        nid = int(re.search(r"/(\d+)", r.location_path).group(1))
        self.assertEqual(fx.sql("SELECT state FROM items WHERE id = ?", (nid,))[0][0], "submitted")


class Durability(CongTest):
    def trace(self, action):
        """Runs ACTION while strace follows the running server; returns [(event, path, other)]
        in order: ("fsync", path of the descriptor, None), ("rename", new path, old path)."""
        if not shutil.which("strace"):
            self.skipTest("strace is not installed")
        fx = self.fx
        pid = fx.server.proc.pid
        log = os.path.join(fx.tmp, "trace-%d" % time.time_ns())
        tr = subprocess.Popen(["strace", "-f", "-qq", "-e", "trace=openat,fsync,fdatasync,rename", "-o", log,
                               "-p", str(pid)], stderr=subprocess.PIPE)
        try:
            time.sleep(1.0)  # attached
            action()
            time.sleep(0.3)
        finally:
            tr.terminate()
            tr.wait(10)
        # descriptors opened before the trace (the database, its WAL): from /proc
        fds = {}
        for fd in os.listdir("/proc/%d/fd" % pid):
            try:
                fds[fd] = os.readlink("/proc/%d/fd/%s" % (pid, fd))
            except OSError:
                pass
        events = []
        for ln in open(log).read().splitlines():
            m = re.search(r'openat\(AT_FDCWD, "([^"]+)", ([^)]*)\) = (\d+)', ln)
            if m:
                fds[m.group(3)] = m.group(1)
            m = re.search(r'rename\("([^"]+)", "([^"]+)"\) = 0', ln)
            if m:
                events.append(("rename", m.group(2), m.group(1)))
            m = re.search(r"f(?:data)?sync\((\d+)\)", ln)
            if m:
                events.append(("fsync", fds.get(m.group(1), "fd %s" % m.group(1)), None))
        return events

    @unittest.skipIf(PG, "SQLite's file: the fsync of cong.db-wal (PostgreSQL syncs its own WAL, in its server)")
    def test_every_commit_syncs_the_wal(self):
        fx = self.fx
        c = fx.admin("duyet", "snv")
        events = self.trace(lambda: fx.category(c, "Tin đồng bộ đĩa"))
        wal = [e for e in events if e[0] == "fsync" and e[1].endswith("/cong.db-wal")]
        # synchronous=NORMAL syncs the WAL only at checkpoints: a commit alone would show none
        self.assertTrue(wal, "no fsync of cong.db-wal while a category was saved: %s" % events[:10])

    def test_media_files_and_their_folders_are_synced_before_the_row(self):
        fx = self.fx
        c = fx.admin("duyet", "snv")
        data = png(33, 17, (10, 200, 30))

        def upload():
            r = c.post("/quan-tri/thu-vien", [("alt", "Ảnh thử ghi đĩa"), ("title", "")],
                       files=[("file", "a.png", "image/png", data)])
            self.assertEqual(r.status, 303, squash(r.text)[:300])
        # the file's fsync, its rename, then its folder's, then the commit's (the WAL)
        events = self.trace(upload)
        sha = sha256(data)
        final = [i for i, e in enumerate(events) if e[0] == "rename" and e[1].endswith("/%s.png" % sha)]
        self.assertTrue(final, "the upload was not renamed into media/: %s" % events[:20])
        i = final[0]
        tmpname, path = events[i][2], events[i][1]
        self.assertIn(("fsync", tmpname, None), events[:i], "the file was not synced before its rename")
        after = [e[1] for e in events[i + 1:] if e[0] == "fsync"]
        self.assertTrue(after, "nothing synced after the rename")
        self.assertEqual(after[0], os.path.dirname(path), "the folder was not synced first after the rename: %s" % after[:3])
        if not PG:  # SQLite's commit is an fsync of cong.db-wal by the server (PostgreSQL's is in its own server)
            self.assertIn(os.path.join(fx.data, "cong.db-wal"), after[1:], "the commit was not synced after the folder")


class AuditChain(CongTest):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="cong-audit-")
        self.data = new_data(self.tmp, sites=4)

    def tearDown(self):
        drop_db(self.data)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def verify(self, data=None):
        """(exit code, stdout, what it says: the result on stdout, an open failure on stderr)."""
        rc, out, err = run("audit", "verify", "--data", data or self.data)
        return rc, out, out + err

    def test_an_intact_log_verifies_and_the_anchor_is_signed(self):
        rc, out, err = self.verify()
        self.assertEqual(rc, 0, err)
        self.assertIn("5 records", out)
        self.assertIn("no anchor yet", out)
        out = cong("audit", "anchor", "--data", self.data)
        self.assertIn("5 records up to record 5", out)
        lines = open(os.path.join(self.data, "audit-anchors")).read().splitlines()
        self.assertEqual(len(lines), 1)
        f = lines[0].split()
        self.assertEqual(f[1:3], ["5", "5"])
        self.assertRegex(f[3], "^[0-9a-f]{64}$")
        self.assertEqual(f[4], "daily")
        self.assertRegex(f[5], "^[0-9a-f]{64}$")
        rc, out, err = self.verify()
        self.assertEqual(rc, 0, err)
        self.assertIn("1 anchor(s) match", out)
        # an anchor altered by hand (the count lowered to hide deletions) is refused by its MAC
        with open(os.path.join(self.data, "audit-anchors"), "w") as fh:
            fh.write(lines[0].replace(" 5 5 ", " 4 4 ", 1) + "\n")
        rc, out, err = self.verify()
        self.assertEqual(rc, 1)
        self.assertIn("MAC does not match", err)
        # the file zeroed (a crash, or by hand): not taken for an empty one (found by fuzz_audit)
        with open(os.path.join(self.data, "audit-anchors"), "wb") as fh:
            fh.write(b"\0" * (len(lines[0]) + 1))
        rc, out, err = self.verify()
        self.assertEqual(rc, 1, out)
        self.assertIn("not an anchor line", err)

    def test_deleting_the_newest_records_is_detected_by_the_anchor(self):
        cong("audit", "anchor", "--data", self.data)
        cong("site", "add", "--data", self.data, "--name", "Xã Sau Mốc")
        # the newest two: the chain of what is left is whole, only the anchor can tell
        data_sql(self.data, "DELETE FROM audit WHERE id >= 5")
        rc, out, err = self.verify()
        self.assertEqual(rc, 1, out)
        self.assertIn("BROKEN", err)
        self.assertIn("records are missing at the end", err)
        self.assertIn("5 records up to record 5", err)
        # and every record
        data_sql(self.data, "DELETE FROM audit")
        rc, out, err = self.verify()
        self.assertEqual(rc, 1, out)
        self.assertIn("records are missing at the end", err)

    def test_an_altered_record_is_named(self):
        data_sql(self.data, "UPDATE audit SET detail = 'sửa tay' WHERE id = 3")
        rc, out, err = self.verify()
        self.assertEqual(rc, 1)
        self.assertIn("record 3", err)
        self.assertIn("altered", err)
        # a broken log is not archived
        t = time.gmtime(time.time() + 7 * 3600 + 400 * 86400)
        rc, out, err = run("audit", "archive", "--data", self.data, "--now", time.strftime("%Y-%m-%d %H:%M", t))
        self.assertEqual(rc, 1, out)
        self.assertIn("broken at record 3", err)
        self.assertEqual(os.listdir(os.path.join(self.data, "audit-archive")), [])

    def corrupt(self, at_page, pages=1):
        """A copy of the data folder with PAGES pages of garbage from page AT_PAGE (1-based)."""
        copy = os.path.join(self.tmp, "copy-%d" % at_page)
        shutil.copytree(self.data, copy)
        path = os.path.join(copy, "cong.db")
        first = at_page - 1
        with open(path, "r+b") as f:
            f.seek(first * 4096 + 16)
            f.write(os.urandom(4096 * pages - 32))
        return copy

    @unittest.skipIf(PG, "SQLite's file: damages pages of cong.db on disk")
    def test_a_damaged_page_fails_verify_with_the_reason(self):
        db = sqlite3.connect(os.path.join(self.data, "cong.db"))
        page = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'audit'").fetchone()[0]
        other = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'sites'").fetchone()[0]
        db.close()
        # the audit table's own page
        rc, out, err = self.verify(self.corrupt(page))
        self.assertEqual(rc, 1, out)
        self.assertRegex(err, "damaged|malformed|cannot be read", err)
        # a page of another table: the database is damaged, whatever the chain says
        rc, out, err = self.verify(self.corrupt(other))
        self.assertEqual(rc, 1, out)
        self.assertRegex(err, "damaged|malformed|not a database", err)
        # the header: not a database at all
        rc, out, err = self.verify(self.corrupt(1))
        self.assertEqual(rc, 1, out)
        self.assertRegex(err, "not a database|malformed|damaged", err)

    def test_archived_records_still_verify_and_nothing_is_lost(self):
        cong("audit", "anchor", "--data", self.data)
        # the keep setting never goes under 12 months: today's records stay
        out = cong("audit", "archive", "--data", self.data)
        self.assertIn("nothing to archive", out)
        data_sql(self.data, "INSERT INTO settings (key, value) VALUES ('audit_keep_months', '3')")
        self.assertIn("nothing to archive: no record is older than 12 months",
                      cong("audit", "archive", "--data", self.data))
        # counted from 13 months on, every record but the newest is older
        t = time.gmtime(time.time() + 7 * 3600 + 400 * 86400)
        out = cong("audit", "archive", "--data", self.data, "--now", time.strftime("%Y-%m-%d %H:%M", t))
        self.assertIn("4 record(s) older than 12 months archived", out)
        files = os.listdir(os.path.join(self.data, "audit-archive"))
        self.assertEqual(files, ["audit-000000000001-000000000004.jsonl.gz"])
        with gzip.open(os.path.join(self.data, "audit-archive", files[0]), "rt") as f:
            rows = [json.loads(ln) for ln in f]
        self.assertEqual([r["id"] for r in rows], [1, 2, 3, 4])
        self.assertEqual(rows[1]["prev_hash"], rows[0]["hash"])
        self.assertEqual([r[0] for r in data_sql(self.data, "SELECT action FROM audit ORDER BY id")],
                         ["site.add", "audit.archive"])
        cong("site", "add", "--data", self.data, "--name", "Xã Sau Lưu Trữ")
        rc, out, err = self.verify()
        self.assertEqual(rc, 0, err)
        self.assertIn("7 records (4 of them archived)", out)
        self.assertIn("2 anchor(s) match", out)  # the daily one and the cut
        # an archive file gone: the chain starts in the middle
        os.rename(os.path.join(self.data, "audit-archive", files[0]), os.path.join(self.tmp, files[0]))
        rc, out, err = self.verify()
        self.assertEqual(rc, 1)
        self.assertIn("records before it were deleted", err)
        # an archive file altered
        with gzip.open(os.path.join(self.tmp, files[0]), "rt") as f:
            text = f.read()
        with gzip.open(os.path.join(self.data, "audit-archive", files[0]), "wt") as f:
            f.write(text.replace('"object":"thub"', '"object":"thuz"'))
        rc, out, err = self.verify()
        self.assertEqual(rc, 1)
        self.assertIn("record 3", err)

    def test_the_server_writes_the_daily_anchor_into_the_file_and_its_log(self):
        srv = Server(self.data, workdir=self.tmp, extra=["--scheduler-interval", "1"]).start()
        try:
            path = os.path.join(self.data, "audit-anchors")
            deadline = time.time() + 15
            while time.time() < deadline and not os.path.exists(path):
                time.sleep(0.2)
            self.assertTrue(os.path.exists(path), "no anchor within 15 s: %s" % srv.log_tail())
            time.sleep(1.5)  # the next passes write nothing more today
            lines = open(path).read().splitlines()
            self.assertEqual(len(lines), 1, lines)
            self.assertIn(" 5 5 ", lines[0])
            log = open(srv.log_path, encoding="utf-8").read()
            self.assertRegex(log, r"audit: anchor \d{4}-\d\d-\d\d: 5 records up to record 5, hash [0-9a-f]{64}")
        finally:
            self.assertEqual(srv.stop(), 0)
        rc, out, err = self.verify()
        self.assertEqual(rc, 0, err)


def vn_today():
    return time.strftime("%Y-%m-%d", time.gmtime(time.time() + 7 * 3600))


def working_day_add(data, day, n):
    """The calendar engine's answer, from the command line (`cong calendar --add`)."""
    return cong("calendar", "--data", data, "--add", day, str(n)).strip()


def vn_midnight_utc(day):
    """The UTC time (for faketime) of 00:00 Vietnam time on DAY."""
    t = time.mktime(time.strptime(day, "%Y-%m-%d")) - time.timezone - 7 * 3600
    return t


def dmy(day):
    y, m, d = day.split("-")
    return "%s/%s/%s" % (d, m, y)


class Maintenance(CongTest):
    """ND 224 Đ13: the notice at least 7 working days ahead, on every public page from 7
    working days before the start until the restore time; the page cache follows the window."""

    BANNER = "Thông báo tạm ngừng hoạt động để bảo trì"

    def admin(self):
        return self.fx.admin("admin", None)

    def tearDown(self):
        # the notices of one test must not show in the next: every one still open is cancelled
        a = self.admin()
        page = a.get("/quan-tri/bao-tri")
        for f in page.tree().iter("form"):
            if f.get("action") == "/quan-tri/bao-tri/huy":
                nid = [i.get("value") for i in f.iter("input") if i.get("name") == "id"][0]
                self.expect(a.post("/quan-tri/bao-tri/huy", [("id", nid)]), 303)

    def audit_actions(self):
        return [r[0] for r in self.fx.sql("SELECT action FROM audit WHERE action LIKE 'maintenance.%' ORDER BY id")]

    def test_a_notice_too_late_is_refused_with_the_earliest_day(self):
        a = self.admin()
        added = self.audit_actions().count("maintenance.add")
        self.expect(self.fx.admin("duyet", "snv").get("/quan-tri/bao-tri"), 403)
        earliest = working_day_add(self.fx.data, vn_today(), 7)
        r = self.expect(a.get("/quan-tri/bao-tri"), 200)
        self.check_html(r, chrome=False)
        self.assertEqual(r.by_id("ngay-som-nhat").text, dmy(earliest))
        # the working day before the earliest: refused, the earliest named next to the field
        before = working_day_add(self.fx.data, earliest, -1)
        r = a.post("/quan-tri/bao-tri", [("starts", before + "T22:00"), ("ends", earliest + "T02:00"),
                                         ("message", "Nâng cấp máy chủ cơ sở dữ liệu.")])
        self.expect(r, 422)
        self.check_html(r, chrome=False)
        err = r.by_id("starts-error")
        self.assertIsNotNone(err, "no message next to the start")
        self.assertIn("ít nhất 7 ngày làm việc", err.text)
        self.assertIn(dmy(earliest), err.text)
        self.assertEqual(r.by_id("starts").get("value"), before + "T22:00", "the input is not kept")
        self.assertEqual(r.by_id("message").text, "Nâng cấp máy chủ cơ sở dữ liệu.")
        # an end before the start, a missing message, a date that does not exist
        r = self.expect(a.post("/quan-tri/bao-tri", [("starts", earliest + "T08:00"), ("ends", earliest + "T07:00"),
                                                     ("message", "")]), 422)
        self.assertIsNotNone(r.by_id("ends-error"))
        self.assertIsNotNone(r.by_id("message-error"))
        r = self.expect(a.post("/quan-tri/bao-tri", [("starts", "2030-02-30T08:00"), ("ends", "2030-03-01T08:00"),
                                                     ("message", "x")]), 422)
        self.assertIsNotNone(r.by_id("starts-error"))
        self.assertEqual(self.audit_actions().count("maintenance.add"), added, "a refused notice was recorded")

    def test_the_banner_window_and_the_page_cache(self):
        fx, a = self.fx, self.admin()
        earliest = working_day_add(fx.data, vn_today(), 7)
        later = working_day_add(fx.data, earliest, 3)  # not shown yet today, whatever today is
        shows = working_day_add(fx.data, later, -7)
        r = self.expect(a.post("/quan-tri/bao-tri", [("starts", later + "T20:00"), ("ends", later + "T23:30"),
                                                     ("message", "Nâng cấp hệ thống lưu trữ.")]), 303)
        self.assertEqual(self.audit_actions()[-1:], ["maintenance.add"])
        r = self.expect(a.get("/quan-tri/bao-tri"), 200)
        self.assertIn_("Chưa hiển thị", r, "the state of a notice not shown yet")
        self.assertIn_(dmy(shows), r, "the day it shows from")
        home = fx.client(None)
        r = self.page(home, "/")
        self.assertNotIn_(self.BANNER, r, "a notice shown before its window")
        if not shutil.which("faketime"):
            self.skipTest("faketime is not installed: the window's edges cannot be reached")
        # a server whose clock is 2 s before the window opens, then 2 s before it closes: a page
        # cached just before the edge is not served after it
        start_utc = vn_midnight_utc(shows)
        end_utc = vn_midnight_utc(later) + 23.5 * 3600
        lead = 6.0  # seconds before the edge the server's clock starts at: its start and two GETs fit
        for at, before, after in ((start_utc, False, True), (end_utc, True, False)):
            t0 = time.time()
            srv = self.fake_server(at - lead)
            try:
                for slug in (None, "snv"):
                    c = fx.client(slug)
                    c.server = srv
                    r1, r2 = c.get("/"), c.get("/")
                    self.assertEqual(r2.header("X-Cache"), "HIT", "the page is not cached: the test shows nothing")
                    self.assertEqual(self.BANNER in r2.text, before, "before the edge at %s (%s)" % (time.ctime(at), slug))
                if time.time() - t0 > lead - 0.5:
                    self.skipTest("the machine is too slow: the edge passed before the pages were cached")
                time.sleep(max(0.0, t0 + lead + 1.0 - time.time()))
                for slug in (None, "snv"):
                    c = fx.client(slug)
                    c.server = srv
                    r = c.get("/")
                    self.assertEqual(self.BANNER in r.text, after, "after the edge at %s (%s)" % (time.ctime(at), slug))
                    if after:
                        self.check_html(r)
                        self.assertIn("Nâng cấp hệ thống lưu trữ.", r.text)
                        self.assertIn('datetime="%sT20:00:00+07:00"' % later, r.text)
                        self.assertIn('datetime="%sT23:30:00+07:00"' % later, r.text)
            finally:
                srv.stop()

    def fake_server(self, at):
        """`cong serve` on the fixture's folder with its clock at AT (Unix time), running on."""
        return fake_server(self.fx, at)

    def test_a_notice_in_its_window_shows_on_every_public_page_until_cancelled(self):
        fx, a = self.fx, self.admin()
        earliest = working_day_add(fx.data, vn_today(), 7)
        shows = working_day_add(fx.data, earliest, -7)
        if shows > vn_today():
            self.skipTest("today (%s) is not a working day: a notice made today shows from %s" % (vn_today(), shows))
        snv = fx.client("snv")
        before = snv.get("/")
        self.assertEqual(snv.get("/").header("X-Cache"), "HIT")
        self.expect(a.post("/quan-tri/bao-tri", [("starts", earliest + "T08:00"), ("ends", earliest + "T11:00"),
                                                 ("message", "Bảo trì định kỳ đường truyền.")]), 303)
        cat = fx.category(fx.admin("duyet", "snv"), "Tin bảo trì")[1]
        for slug, path in ((None, "/"), ("snv", "/"), ("snv", cat), ("longho", "/tim-kiem?q=b%E1%BA%A3o+tr%C3%AC"),
                           ("snv", "/khong-co-trang-nay")):
            r = fx.client(slug).get(path)
            self.assertIn(r.status, (200, 404))
            self.assertIn_(self.BANNER, r, "%s%s" % (slug, path))
            self.assertIn_("Bảo trì định kỳ đường truyền.", r, "the message")
        r = self.page(snv, "/")
        banner = r.by_id("thong-bao-bao-tri")
        self.assertEqual(banner.get("aria-label"), "Thông báo bảo trì hệ thống")
        # cancelled: gone at once, cached pages included
        page = self.expect(a.get("/quan-tri/bao-tri"), 200)
        nid = [f for f in page.tree().iter("form") if f.get("action") == "/quan-tri/bao-tri/huy"][0]
        nid = [i.get("value") for i in nid.iter("input") if i.get("name") == "id"][0]
        self.expect(a.post("/quan-tri/bao-tri/huy", [("id", nid)]), 303)
        self.assertNotIn_(self.BANNER, fx.client("snv").get("/"), "after the cancellation")
        self.assertEqual(self.audit_actions()[-2:], ["maintenance.add", "maintenance.cancel"])
        self.expect(a.post("/quan-tri/bao-tri/huy", [("id", nid)]), 404)


class Incidents(CongTest):
    def start_sink(self, box):
        os.makedirs(box)
        sink = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(__file__), "smtpsink.py"), box],
                                stdout=subprocess.PIPE, text=True)
        return sink, int(sink.stdout.readline())

    def test_an_incident_is_recorded_mailed_and_listed_by_period(self):
        fx = self.fx
        a = fx.admin("admin", None)
        self.expect(fx.admin("duyet", "snv").get("/quan-tri/su-co"), 403)
        r = self.expect(a.get("/quan-tri/su-co"), 200)
        self.check_html(r, chrome=False)
        # refused next to the fields, input kept
        r = self.expect(a.post("/quan-tri/su-co", [("at", "2030-01-01T08:00"), ("kind", "thu-nghiem"),
                                                   ("effect", "Trang chủ không truy cập được."), ("actions", ""),
                                                   ("handler", "Nguyễn Văn Tám")]), 422)
        for f in ("at", "kind", "actions"):
            self.assertIsNotNone(r.by_id(f + "-error"), "no message next to %s" % f)
        self.assertEqual(r.by_id("effect").text, "Trang chủ không truy cập được.")
        self.assertEqual(r.by_id("handler").get("value"), "Nguyễn Văn Tám")
        # recipients: checked, then saved
        self.expect(a.post("/quan-tri/su-co/nguoi-nhan", [("incident_mail_to", "khong hop le")]), 422)
        self.expect(a.post("/quan-tri/su-co/nguoi-nhan", [("incident_mail_to", "qtht@example.gov.vn, atm@example.gov.vn")]), 303)
        box = os.path.join(fx.tmp, "mailbox-incident")
        sink, port = self.start_sink(box)
        try:
            fx.set_setting("smtp_url", "smtp://127.0.0.1:%d" % port)
            fx.set_setting("smtp_from", "cong@example.gov.vn")
            fx.set_setting("smtp_tls", "none")
            r = a.post("/quan-tri/su-co", [("at", "2026-11-03T21:15"), ("kind", "attack"),
                                           ("effect", "Trang chủ bị thay đổi giao diện trong 20 phút."),
                                           ("actions", "Ngắt kết nối, khôi phục từ bản sao lưu, đổi mật khẩu quản trị."),
                                           ("handler", "Nguyễn Văn Tám")])
            self.expect(r, 303)
            self.assertIn("thu=ok", r.location)
            deadline = time.time() + 10
            while time.time() < deadline and not [f for f in os.listdir(box) if f.endswith(".json")]:
                time.sleep(0.1)
            envs = [f for f in os.listdir(box) if f.endswith(".json")]
            self.assertEqual(len(envs), 1, "one alert expected")
            env = json.load(open(os.path.join(box, envs[0])))
            self.assertEqual(sorted(env["rcpt_to"]), ["atm@example.gov.vn", "qtht@example.gov.vn"])
            import email
            import email.policy
            msg = email.message_from_bytes(open(os.path.join(box, envs[0][:-5] + ".eml"), "rb").read(),
                                           policy=email.policy.default)
            self.assertIn("[Sự cố] Tấn công mạng", msg["Subject"])
            body = msg.get_body(("plain",)).get_content()
            self.assertIn("03/11/2026 21:15", body)
            self.assertIn("khôi phục từ bản sao lưu", body)
            self.assertIn("Nguyễn Văn Tám", body)
        finally:
            fx.set_setting("smtp_url", "")
            sink.terminate()
            sink.wait(5)
        # mail not configured: recorded all the same, the failure said
        r = self.expect(a.post("/quan-tri/su-co", [("at", "2026-10-01T07:00"), ("kind", "outage"),
                                                   ("effect", "Mất điện, cổng ngừng 2 giờ."), ("actions", "Chạy máy phát."),
                                                   ("handler", "Trần Thị Chín")]), 303)
        self.assertIn("thu=loi", r.location)
        r = self.expect(a.get(r.location_path + "?da-luu=1&thu=loi"), 200)
        self.assertIn_("Chưa gửi được thư cảnh báo", r, "the failure")
        # the list, filtered by period
        r = self.expect(a.get("/quan-tri/su-co?tu=2026-11-01&den=2026-11-30"), 200)
        self.check_html(r, chrome=False)
        table = squash(r.by_id("danh-sach-su-co").itertext().__iter__().__next__() if False else
                       " ".join(r.by_id("danh-sach-su-co").itertext()))
        self.assertIn("thay đổi giao diện", table)
        self.assertNotIn("Mất điện", table)
        self.assertIn("1 sự cố", table)
        r = self.expect(a.get("/quan-tri/su-co?tu=2026-10-01&den=2026-10-01"), 200)
        table = " ".join(r.by_id("danh-sach-su-co").itertext())
        self.assertIn("Mất điện", table)
        self.assertNotIn("thay đổi giao diện", table)
        # the same period as files for the periodic report
        r = self.expect(a.get("/quan-tri/su-co?tu=2026-11-01&den=2026-11-30&dang=csv"), 200)
        self.assertTrue(r.ctype.startswith("text/csv"), r.ctype)
        text = r.body.decode("utf-8-sig")
        self.assertIn("Thời điểm xảy ra,Loại sự cố", text)
        self.assertIn("03/11/2026 21:15", text)
        self.assertNotIn("Mất điện", text)
        r = self.expect(a.get("/quan-tri/su-co?dang=xlsx"), 200)
        self.assertEqual(r.body[:2], b"PK")
        self.assertIn("su-co-dau-nay.xlsx", r.header("Content-Disposition"))
        r = self.expect(a.get("/quan-tri/su-co?tu=2026-13-01"), 422)
        self.assertIsNotNone(r.by_id("tu-error"))
        acts = [x[0] for x in fx.sql("SELECT action FROM audit WHERE action LIKE 'incident.%' OR action LIKE"
                                     " 'settings.incident%' ORDER BY id")]
        self.assertEqual(acts, ["settings.incident_mail_to", "incident.add", "incident.add"])
