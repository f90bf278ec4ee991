#!/usr/bin/env python3
"""publish_latency.py — publish-to-visible time of a running `cong serve`, over HTTP as an editor
would: an approver signs in, writes an article through the admin form ("save and send"), publishes
it with the workflow's action, and an anonymous reader polls the public category page (kept in the
page cache before the publication) until the title is there. Prints one line per run, then
"publish-to-visible median M ms (runs: …)".

usage: bench/publish_latency.py --data DIR --port PORT --site SLUG [--runs 5] [--cong PATH]
                                [--address 127.0.0.1] [--timeout 10] [--read-port PORT]

--read-port: the reader asks another node (a second `cong serve` on the same PostgreSQL
database): publish-to-visible across nodes. DIR's database is DIR/cong.db, or the PostgreSQL
database DIR/database.url names (read and written through psql: tests/http/pglib.py).

Changes to DIR (documented in docs/benchmarks.md): an approver account `bench.duyet` on SLUG
(made with `cong user add` the first time), RUNS published articles on SLUG per run. For the run
only, the second factor is not required (setting mfa_required_roles) and SLUG publishes in one
step by an approver who may be the author (sites.approval_steps, approver_may_be_author); the
previous values are written back at the end. Python standard library only."""
import argparse
import http.client
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid

USER = "bench.duyet"
FIRST_PASSWORD = "Bench@2026-mot"   # the one-time password given by `cong user add`
PASSWORD = "Bench@2026-hai"         # what the first sign-in changes it to


class Fail(Exception):
    pass


class Browser:
    """One host, one keep-alive connection, a cookie jar, the CSRF field added to every POST."""

    def __init__(self, address, port, host, timeout):
        self.address, self.port, self.host, self.timeout = address, port, host, timeout
        self.cookies = {}
        self.conn = None

    def request(self, method, path, body=None, ctype=None, cookies=True):
        hdrs = {"Host": self.host, "User-Agent": "cong-bench"}
        if cookies and self.cookies:
            hdrs["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if ctype:
            hdrs["Content-Type"] = ctype
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.address, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=hdrs)
                r = self.conn.getresponse()
                data = r.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        if r.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        if cookies:
            for v in r.msg.get_all("Set-Cookie") or []:
                name, _, value = v.split(";", 1)[0].partition("=")
                if not value or "max-age=0" in v.lower():
                    self.cookies.pop(name.strip(), None)
                else:
                    self.cookies[name.strip()] = value.strip()
        return r.status, r, data

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, fields, multipart=False):
        if "cong_csrf" not in self.cookies:
            self.get("/quan-tri/dang-nhap")
        fields = list(fields) + [("csrf", self.cookies.get("cong_csrf", ""))]
        if multipart:
            b = "----cong-bench-" + uuid.uuid4().hex
            parts = [f"--{b}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n" for k, v in fields]
            body = ("".join(parts) + f"--{b}--\r\n").encode("utf-8")
            return self.request("POST", path, body, "multipart/form-data; boundary=" + b)
        body = urllib.parse.urlencode(fields).encode("ascii")
        return self.request("POST", path, body, "application/x-www-form-urlencoded")


def location_path(r):
    return urllib.parse.urlsplit(r.getheader("Location") or "").path


class Store:
    """DIR's database, SQLite or PostgreSQL, with the few calls this script makes (execute →
    fetchone, `with` for a transaction on SQLite; psql commits each statement on PostgreSQL)."""

    def __init__(self, data):
        self.url = None
        try:
            with open(os.path.join(data, "database.url"), encoding="utf-8") as f:
                self.url = f.read().strip() or None
        except FileNotFoundError:
            pass
        if self.url:
            sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "http"))
            import pglib
            self.pglib = pglib
        else:
            self.db = sqlite3.connect(os.path.join(data, "cong.db"), timeout=30)

    def execute(self, q, params=()):
        if not self.url:
            return self.db.execute(q, params)
        rows = self.pglib.run_sql(self.url, q, params)

        class Rows:
            def fetchone(self):
                return rows[0] if rows else None
        return Rows()

    def __enter__(self):
        return self.db.__enter__() if not self.url else self

    def __exit__(self, *exc):
        return self.db.__exit__(*exc) if not self.url else False

    def close(self):
        if not self.url:
            self.db.close()


def prepare(data, cong, slug):
    """Creates the account when missing; returns (site id, settings to restore, the password to
    sign in with, whether it must be changed)."""
    db = Store(data)
    try:
        row = db.execute("SELECT id FROM sites WHERE slug = ?", (slug,)).fetchone()
        if not row:
            raise Fail(f"no site {slug!r} in {data}")
        site_id = row[0]
        if not db.execute("SELECT 1 FROM users WHERE username = ?", (USER,)).fetchone():
            p = subprocess.run([cong, "user", "add", "--data", data, "--username", USER, "--role", "approver",
                                "--site", slug, "--name", "Tài khoản đo hiệu năng", "--password-stdin"],
                               input=(FIRST_PASSWORD + "\n").encode(), capture_output=True)
            if p.returncode:
                raise Fail("cong user add: " + (p.stderr or p.stdout).decode("utf-8", "replace").strip())
        uid, must_change, disabled = db.execute("SELECT id, must_change, disabled FROM users WHERE username = ?",
                                                (USER,)).fetchone()
        if disabled:
            raise Fail(f"the account {USER} is disabled")
        with db:
            db.execute("INSERT INTO roles (user_id, site_id, role) VALUES (?, ?, 'approver') ON CONFLICT DO NOTHING",
                       (uid, site_id))
            mfa = db.execute("SELECT value FROM settings WHERE key = 'mfa_required_roles'").fetchone()
            steps, may_self = db.execute("SELECT approval_steps, approver_may_be_author FROM sites WHERE id = ?",
                                         (site_id,)).fetchone()
            db.execute("INSERT INTO settings (key, value) VALUES ('mfa_required_roles', '') "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            db.execute("UPDATE sites SET approval_steps = 1, approver_may_be_author = 1 WHERE id = ?", (site_id,))
        restore = (mfa[0] if mfa else None, steps, may_self)
        return site_id, restore, FIRST_PASSWORD if must_change else PASSWORD, bool(must_change)
    finally:
        db.close()


def restore_settings(data, site_id, restore):
    mfa, steps, may_self = restore
    db = Store(data)
    try:
        with db:
            if mfa is None:
                db.execute("DELETE FROM settings WHERE key = 'mfa_required_roles'")
            else:
                db.execute("UPDATE settings SET value = ? WHERE key = 'mfa_required_roles'", (mfa,))
            db.execute("UPDATE sites SET approval_steps = ?, approver_may_be_author = ? WHERE id = ?",
                       (steps, may_self, site_id))
    finally:
        db.close()


def pick_category(data, site_id):
    """The site's category with the most published articles (a busy list page) and a cover of
    the site's library, if it has one."""
    db = Store(data)
    try:
        cat = db.execute("SELECT c.id, c.slug FROM categories c WHERE c.site_id = ? ORDER BY"
                         " (SELECT count(*) FROM items a WHERE a.category_id = c.id AND a.state = 'published')"
                         " DESC, c.id LIMIT 1", (site_id,)).fetchone()
        if not cat:
            raise Fail(f"site {site_id} has no category")
        cover = db.execute("SELECT id, alt FROM media WHERE site_id = ? AND kind = 'image' ORDER BY id LIMIT 1",
                           (site_id,)).fetchone()
        return cat, cover
    finally:
        db.close()


def sign_in(b, password, must_change):
    b.get("/quan-tri/dang-nhap")
    st, r, body = b.post("/quan-tri/dang-nhap", [("username", USER), ("password", password)])
    if st != 303:
        raise Fail(f"sign-in of {USER}: {st} (locked out, or a second factor is still asked?)")
    if location_path(r).startswith("/quan-tri/dang-nhap/ma-xac-thuc") or location_path(r) == "/quan-tri/xac-thuc-hai-lop":
        raise Fail(f"sign-in of {USER} asks for a second factor: mfa_required_roles was not honoured")
    if location_path(r) == "/quan-tri/doi-mat-khau":
        if not must_change:
            raise Fail(f"{USER} must change its password again (expired?)")
        st, r, body = b.post("/quan-tri/doi-mat-khau", [("old_password", password), ("new_password", PASSWORD),
                                                       ("confirm", PASSWORD)])
        if st != 303:
            raise Fail(f"password change of {USER}: {st}")
    if "cong_sid" not in b.cookies:
        raise Fail(f"sign-in of {USER}: no session cookie")


def one_run(admin, reader, cat, cover, n, timeout):
    cat_id, cat_slug = cat
    page = f"/chuyen-muc/{cat_slug}-{cat_id}"
    # the page as the public has it, in the page cache before the publication
    for _ in range(2):
        st, r, _ = reader.get(page, cookies=False)
        if st != 200:
            raise Fail(f"GET {page}: {st}")
    cached = r.getheader("X-Cache")
    tag = uuid.uuid4().hex[:8]
    title = f"Bài đo thời gian xuất bản số {n} mã {tag}"
    fields = [("title", title), ("summary", "Bài viết do công cụ đo hiệu năng tạo ra."),
              ("body", f"<p>Nội dung bài đo {tag}.</p>"), ("author", "Công cụ đo"),
              ("category_id", str(cat_id)), ("submit", "1")]
    if cover:
        fields += [("cover_id", str(cover[0])), ("cover_alt", cover[1] or "Ảnh minh hoạ")]
    st, r, body = admin.post("/quan-tri/bai-viet/moi", fields, multipart=True)
    m = re.match(r"/quan-tri/bai-viet/(\d+)", location_path(r))
    if st != 303 or not m:
        raise Fail(f"new article: {st} {body[-300:].decode('utf-8', 'replace')}")
    aid = int(m.group(1))
    needle = title.encode("utf-8")
    st, _, body = reader.get(page, cookies=False)
    if needle in body:
        raise Fail("the title is public before the publication")
    t0 = time.perf_counter()
    st, r, body = admin.post(f"/quan-tri/bai-viet/{aid}/chuyen", [("action", "publish")])
    t_answer = time.perf_counter()
    if st != 303:
        raise Fail(f"publish of {aid}: {st} {body[-300:].decode('utf-8', 'replace')}")
    polls = 0
    while True:
        st, _, body = reader.get(page, cookies=False)
        polls += 1
        if st == 200 and needle in body:
            t1 = time.perf_counter()
            break
        if time.perf_counter() - t0 > timeout:
            raise Fail(f"article {aid} not on {page} {timeout} s after its publication")
    return (t1 - t0) * 1000, (t_answer - t0) * 1000, polls, aid, page, cached


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--site", required=True, help="slug of the site to publish on")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--address", default="127.0.0.1")
    ap.add_argument("--cong", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cong"))
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds a publication may take to show")
    ap.add_argument("--read-port", type=int, help="the reader's node (default: --port)")
    a = ap.parse_args()
    site_id, restore, password, must_change = prepare(a.data, a.cong, a.site)
    try:
        db = Store(a.data)
        base = db.execute("SELECT value FROM settings WHERE key = 'base_domain'").fetchone()
        db.close()
        host = f"{a.site}.{base[0] if base else 'localhost'}"
        cat, cover = pick_category(a.data, site_id)
        admin = Browser(a.address, a.port, host, 30)
        reader = Browser(a.address, a.read_port or a.port, host, 30)
        sign_in(admin, password, must_change)
        times = []
        for n in range(1, a.runs + 1):
            ms, answer_ms, polls, aid, page, cached = one_run(admin, reader, cat, cover, n, a.timeout)
            times.append(ms)
            print(f"run {n}: article {aid} on http://{host}{page} (X-Cache before: {cached or '-'}):"
                  f" publish answered in {answer_ms:.1f} ms, visible after {ms:.1f} ms ({polls} polls)",
                  flush=True)
        print(f"publish-to-visible median {statistics.median(times):.1f} ms (runs: "
              + ", ".join(f"{t:.1f}" for t in times) + ")")
    finally:
        restore_settings(a.data, site_id, restore)


if __name__ == "__main__":
    try:
        main()
    except Fail as e:
        sys.exit(f"publish_latency: {e}")
