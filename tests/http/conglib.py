"""conglib.py — helpers of the black-box HTTP tests: a data folder with sites and accounts, a
running `cong serve`, an HTTP client with a cookie jar and CSRF handling, and the checks every
public HTML page must pass (valid HTML5, lang, viewport, skip link, security headers).

Only the Python standard library and html5lib. The binary comes from run.py (--cong PATH).

Both stores: run.py --pg sets CONG_TEST_PG (a PostgreSQL cluster's URL, pglib.py) and every data
folder the tests make gets a database of its own there (new_db_args() on `cong init`). Tests read
and write a folder's database with data_sql() / Fixture.sql(), whichever engine holds it."""
import glob
import hashlib
import itertools
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import time
import unittest
import urllib.parse
import uuid
import zlib

try:
    import html5lib
except ImportError:  # run.py reports it before any test runs
    html5lib = None

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))  # the repo root: templates/, static/, locale/
CONG = os.environ.get("CONG_BIN", os.path.join(ROOT, "build", "cong"))
BASE = "example.gov.vn"
PASSWORD = "Abc@12345-Mot-Lan"      # one-time password given by `cong user add` (14+: no second factor)
NEW_PASSWORD = "Xyz@67890-Doi-Roi"  # what the tests change it to at the first sign-in
MAIN_NAME = "Cổng TTĐT Tỉnh Thử Nghiệm"

def locale_texts(lang="vi"):
    """LANG's texts as the server loads them: locale/<lang>/*.json merged (base/locale.h)."""
    folder, texts = os.path.join(ROOT, "locale", lang), {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                texts.update(json.load(f))
    return texts


# messages of locale/vi/ the tests look for
MSG = {
    "invalid_utf8_request": "Yêu cầu chứa dữ liệu không phải văn bản UTF-8 hợp lệ",
    "body_too_large": "Dữ liệu gửi lên vượt quá dung lượng cho phép",
    "required": "Vui lòng nhập thông tin này.",
    "cover_alt_required": "Ảnh đại diện cần có mô tả ảnh (phục vụ người khiếm thị).",
    "media_type": "Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF (kiểm tra theo nội dung tệp).",
    "signin_failed": "Tên đăng nhập hoặc mật khẩu không đúng.",
    "publish_denied": "Chỉ Trưởng/Phó Ban Biên tập hoặc quản trị trang được xuất bản bài viết.",
    "wf_role": "Vai trò của bạn trên trang này không được thực hiện bước này.",
    "wf_state": "Bài viết không ở trạng thái cho phép bước này.",
    "wf_needs_editing": "Trang duyệt hai bước: bài cần được biên tập viên biên tập xong trước khi duyệt.",
    "wf_approver_is_author": "Người duyệt không được duyệt bài do chính mình viết",
    "url_invalid": "Đường dẫn phải bắt đầu bằng http:// hoặc https://.",
    "password_mismatch": "Mật khẩu nhập lại không khớp.",
    "unknown_host": "Tên miền này không thuộc hệ thống cổng thông tin điện tử nào",
}

# The fixture's sites: (name, slug, extra `cong site add` options)
SNV_INFO = {
    "address": "Số 12 đường Lê Lợi, Phường 1, TP Thử Nghiệm",
    "phone": "0270 3822 111",
    "email": "snv@example.gov.vn",
    "responsible": "Chịu trách nhiệm chính: Ông Nguyễn Văn Bảy, Giám đốc Sở",
    "licence": "Giấy phép số 12/GP-TTĐT ngày 01/02/2024",
}
SITES = [
    ("Sở Nội vụ", "snv", ["--address", SNV_INFO["address"], "--phone", SNV_INFO["phone"],
                          "--email", SNV_INFO["email"], "--responsible", SNV_INFO["responsible"],
                          "--licence", SNV_INFO["licence"]]),
    ("Huyện Long Hồ", "longho", []),
    ("Xã Châu Thành", "chauthanh", ["--parent", "longho"]),
    ("Sở Tài chính", "stc", ["--domain", "extra.example.org"]),
]
SITE_NAMES = [MAIN_NAME] + [s[0] for s in SITES]
# (username, role, site)
USERS = [
    ("admin", "sysadmin", None),
    ("duyet", "approver", "snv"),
    ("bientap", "editor", "longho"),
]


class ServerError(Exception):
    pass


# ---------------------------------------------------------------- the database of a data folder

PG_ENV = "CONG_TEST_PG"
# Whether this run is on PostgreSQL (run.py --pg): CONG_TEST_PG holds the cluster's URL without a
# database, e.g. postgresql:///?host=/tmp/cong-pg-x/sock&port=5544&user=cong
PG = bool(os.environ.get(PG_ENV))
_db_seq = itertools.count(1)


def new_db_args():
    """The database options of `cong init` for a new data folder: on PostgreSQL a fresh, empty
    database of its own (cong_PID_N) and ["--db", its URL]; on SQLite [] (DATA/cong.db)."""
    if not PG:
        return []
    import pglib
    name = "cong_%d_%d" % (os.getpid(), next(_db_seq))
    return ["--db", pglib.attach(os.environ[PG_ENV]).createdb(name)]


def db_url(data):
    """The PostgreSQL URL `cong init --db` recorded in DATA/database.url, or None (SQLite)."""
    try:
        with open(os.path.join(data, "database.url"), encoding="utf-8") as f:
            lines = [ln.strip() for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    except FileNotFoundError:
        return None
    return lines[0] if lines else None


def data_sql(data, query, params=()):
    """Runs one SQL statement on the database of the data folder DATA — DATA/cong.db, or the
    PostgreSQL database of DATA/database.url (through psql: pglib.run_sql) — and commits it.
    QUERY takes `?` placeholders and must be SQL both engines accept. Returns the rows as tuples
    ([] for a statement without rows; INSERT … RETURNING id for a new row's id)."""
    url = db_url(data)
    if url:
        import pglib
        return pglib.run_sql(url, query, params)
    path = os.path.join(data, "cong.db")
    if PG and not os.path.exists(path):
        raise ServerError("%s has neither database.url nor cong.db (did `cong init --db` record the URL?)" % data)
    import sqlite3
    # mode=rw: a missing file is an error, never a new empty database
    db = sqlite3.connect("file:%s?mode=rw" % urllib.parse.quote(path), uri=True, timeout=10)
    try:
        rows = db.execute(query, tuple(params)).fetchall()
        db.commit()
        return rows
    finally:
        db.close()


def data_bump_cache(data):
    """Every site's cached pages in DATA made old, as a change through Cổng does (cache_bump_all):
    the generations, and on PostgreSQL the change notice the nodes listen for."""
    data_sql(data, "UPDATE cache_gen SET gen = gen + 1")
    if db_url(data):
        data_sql(data, "NOTIFY cong_change, '*'")
        # a notice reaches the nodes' listeners asynchronously; Cổng's own writers wait to hear
        # theirs back (pg_commit), psql cannot: give the listener its moment
        time.sleep(0.3)


def data_columns(data, table):
    """The column names of TABLE in DATA's database, in order."""
    if db_url(data):
        return [r[0] for r in data_sql(data, "SELECT column_name FROM information_schema.columns WHERE table_schema"
                                             " = current_schema() AND table_name = ? ORDER BY ordinal_position", (table,))]
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", table):
        raise ValueError("table name %r" % table)
    return [r[1] for r in data_sql(data, "PRAGMA table_info(%s)" % table)]


def db_files(data):
    """The files on disk that hold DATA's database, for the checks that personal data is never
    stored in clear: cong.db and its -wal/-shm on SQLite; on PostgreSQL the database's own folder
    of the cluster (base/OID, after a CHECKPOINT has written the shared buffers out; the cluster's
    WAL is shared by every test database and left out)."""
    url = db_url(data)
    if not url:
        return sorted(glob.glob(os.path.join(data, "cong.db*")))
    if not PG:
        return []
    import pglib
    cluster = pglib.attach(os.environ[PG_ENV])
    cluster.admin_sql("CHECKPOINT")
    oid = cluster.admin_sql("SELECT oid FROM pg_database WHERE datname = ?",
                            (urllib.parse.urlsplit(url).path.lstrip("/"),))[0][0]
    d = os.path.join(cluster.pgdata, "base", str(oid))
    return sorted(os.path.join(d, f) for f in os.listdir(d) if os.path.isfile(os.path.join(d, f)))


def drop_db(data):
    """Drops DATA's PostgreSQL database, if it has one on this run's cluster (its folder is
    going); nothing on SQLite."""
    url = db_url(data)
    if not (PG and url):
        return
    import pglib
    name = urllib.parse.urlsplit(url).path.lstrip("/")
    try:
        pglib.attach(os.environ[PG_ENV]).dropdb(name)
    except Exception:  # noqa: BLE001 — the cluster goes at the end of the run anyway
        pass


def free_port(family=socket.AF_INET, addr="127.0.0.1"):
    s = socket.socket(family, socket.SOCK_STREAM)
    s.bind((addr, 0))
    port = s.getsockname()[1]
    s.close()
    return port


def host_of(slug):
    """The host name of a site of the fixture (None: the main portal)."""
    return BASE if slug in (None, "main") else "%s.%s" % (slug, BASE)


# ---------------------------------------------------------------- HTTP

class Response:
    def __init__(self, status, reason, headers, body, method, target, host):
        self.status = status
        self.reason = reason
        self.headers = headers  # [(name, value)] as received
        self.body = body
        self.method = method
        self.target = target
        self.host = host
        self._tree = None

    def header(self, name):
        name = name.lower()
        for k, v in self.headers:
            if k.lower() == name:
                return v
        return None

    def header_all(self, name):
        name = name.lower()
        return [v for k, v in self.headers if k.lower() == name]

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    @property
    def location(self):
        return self.header("Location")

    @property
    def location_path(self):
        """The Location's path and query, whether it is absolute or relative."""
        loc = self.location or ""
        u = urllib.parse.urlsplit(loc)
        return u.path + ("?" + u.query if u.query else "")

    @property
    def ctype(self):
        return self.header("Content-Type") or ""

    @property
    def is_html(self):
        return self.ctype.startswith("text/html")

    def tree(self):
        """The page as an ElementTree (non-strict parse; tags without namespace)."""
        if self._tree is None:
            p = html5lib.HTMLParser(namespaceHTMLElements=False)
            self._tree = p.parse(self.body)
        return self._tree

    def by_id(self, ident):
        for el in self.tree().iter():
            if el.get("id") == ident:
                return el
        return None

    def find_all(self, tag, **attrs):
        out = []
        for el in self.tree().iter(tag):
            ok = True
            for k, v in attrs.items():
                k = k.rstrip("_")
                if k == "class":
                    if v not in (el.get("class") or "").split():
                        ok = False
                elif el.get(k) != v:
                    ok = False
            if ok:
                out.append(el)
        return out

    def links(self):
        return [a.get("href") for a in self.tree().iter("a") if a.get("href") is not None]

    def __repr__(self):
        return "%s %s (Host %s) -> %d" % (self.method, self.target, self.host, self.status)


def text_of(el):
    return "".join(el.itertext()) if el is not None else ""


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def raw_request(addr, port, data, family=socket.AF_INET, timeout=10):
    """Sends the bytes DATA as they are and returns (status, headers dict, body bytes)."""
    s = socket.socket(family, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect((addr, port))
    try:
        s.sendall(data)
    except OSError:
        pass
    buf = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
            head, sep, rest = buf.partition(b"\r\n\r\n")
            if sep:
                m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
                if m and len(rest) >= int(m.group(1)):
                    break
    except (socket.timeout, ConnectionResetError):
        pass
    finally:
        s.close()
    head, _, body = buf.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    m = re.match(rb"HTTP/\d\.\d (\d{3})", lines[0] if lines else b"")
    status = int(m.group(1)) if m else 0
    headers = {}
    for ln in lines[1:]:
        k, _, v = ln.partition(b":")
        headers[k.decode("latin-1").strip().lower()] = v.decode("latin-1").strip()
    return status, headers, body


def multipart(fields, files):
    """fields: [(name, str|bytes)], files: [(name, filename, content-type, bytes)]."""
    boundary = "----congtest" + uuid.uuid4().hex
    out = []
    for k, v in fields:
        if isinstance(v, str):
            v = v.encode("utf-8")
        out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" % (boundary, k)).encode())
        out.append(v + b"\r\n")
    for k, fn, ct, data in files:
        out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                    "Content-Type: %s\r\n\r\n" % (boundary, k, fn, ct)).encode("utf-8"))
        out.append(data + b"\r\n")
    out.append(("--%s--\r\n" % boundary).encode())
    return b"".join(out), "multipart/form-data; boundary=" + boundary


def urlencode(fields):
    """Like urllib's, but lets bytes values through as they are (percent-encoded)."""
    parts = []
    for k, v in fields:
        if isinstance(v, str):
            v = v.encode("utf-8")
        parts.append(urllib.parse.quote_plus(k) + "=" + urllib.parse.quote_plus(v))
    return "&".join(parts).encode("ascii")


class Client:
    """A browser of one site host: keeps its cookies, adds the CSRF field to its POSTs."""

    def __init__(self, server, host, port_in_host=True):
        self.server = server
        self.host = host
        self.port_in_host = port_in_host
        self.cookies = {}
        self.set_cookie_headers = []  # every Set-Cookie received, for attribute checks

    @property
    def host_header(self):
        return "%s:%d" % (self.host, self.server.port) if self.port_in_host else self.host

    def clone(self, host=None):
        """The same cookie jar on another host (saves a sign-in; the server keys sessions by
        token, not by host)."""
        c = Client(self.server, host or self.host, self.port_in_host)
        c.cookies = dict(self.cookies)
        return c

    def request(self, method, target, body=None, headers=None, host=None):
        hdrs = {"Host": host or self.host_header, "Connection": "close", "User-Agent": "cong-http-tests"}
        if self.cookies:
            hdrs["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        if body is not None:
            hdrs["Content-Length"] = str(len(body))
        hdrs.update(headers or {})
        lines = ["%s %s HTTP/1.1" % (method, target)] + ["%s: %s" % kv for kv in hdrs.items() if kv[1] is not None]
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + (body or b"")
        resp = self.server.raw(data)
        status, reason, rheaders, rbody = resp
        r = Response(status, reason, rheaders, rbody, method, target, hdrs["Host"])
        for v in r.header_all("Set-Cookie"):
            self.set_cookie_headers.append(v)
            nv = v.split(";", 1)[0]
            name, _, value = nv.partition("=")
            attrs = v.lower()
            if value == "" or "max-age=0" in attrs:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value.strip()
        return r

    def get(self, target, **kw):
        return self.request("GET", target, **kw)

    def csrf(self):
        if "cong_csrf" not in self.cookies:
            self.get("/quan-tri/dang-nhap")
        return self.cookies.get("cong_csrf")

    def post(self, target, fields=(), files=(), multipart_form=False, csrf=True, headers=None, raw_body=None):
        fields = list(fields.items()) if isinstance(fields, dict) else list(fields)
        if csrf and not any(k == "csrf" for k, _ in fields):
            fields.append(("csrf", self.csrf()))
        h = dict(headers or {})
        if raw_body is not None:
            body = raw_body
        elif files or multipart_form:
            body, ct = multipart(fields, list(files))
            h.setdefault("Content-Type", ct)
        else:
            body = urlencode(fields)
            h.setdefault("Content-Type", "application/x-www-form-urlencoded")
        return self.request("POST", target, body=body, headers=h)

    # -- admin helpers

    def signin(self, username, password, tiep=None):
        f = [("username", username), ("password", password)]
        if tiep is not None:
            f.append(("tiep", tiep))
        return self.post("/quan-tri/dang-nhap", f)


class Server:
    """`cong serve` on a data folder; raw() sends one request on a fresh connection."""

    def __init__(self, data, listen_addr="127.0.0.1", family=socket.AF_INET, extra=(), workdir=None):
        self.data = data
        self.addr = listen_addr
        self.family = family
        self.extra = list(extra)
        self.workdir = workdir or data
        self.proc = None
        self.port = None
        self.log_path = os.path.join(self.workdir, "serve-%d.log" % id(self))

    def start(self, tries=3):
        last = ""
        for _ in range(tries):
            self.port = free_port(self.family, self.addr)
            listen = ("[%s]:%d" if self.family == socket.AF_INET6 else "%s:%d") % (self.addr, self.port)
            self.log = open(self.log_path, "ab")
            # the tests come from one address, many times faster than people: the rate limits are
            # scaled up here, and test_security.py checks them at their real value
            self.proc = subprocess.Popen([CONG, "serve", "--data", self.data, "--listen", listen]
                                         + (["--quiet"] if getattr(self, "quiet", True) else [])
                                         + ["--rate-limit-scale", "100"] + self.extra, stdout=self.log, stderr=self.log, env=cong_env())
            deadline = time.time() + 10
            while time.time() < deadline:
                if self.proc.poll() is not None:
                    break
                try:
                    st = raw_request(self.addr, self.port, b"GET /healthz HTTP/1.1\r\nHost: " + BASE.encode() +
                                     b"\r\nConnection: close\r\n\r\n", self.family, timeout=2)[0]
                    if st == 200:
                        return self
                except OSError:
                    pass
                time.sleep(0.05)
            last = self.log_tail()
            self.stop()
        raise ServerError("cong serve did not start: " + last)

    def log_tail(self, n=5):
        try:
            with open(self.log_path, "rb") as f:
                lines = f.read().decode("utf-8", "replace").strip().splitlines()
            return " | ".join(lines[-n:])
        except OSError:
            return ""

    def sanitizer_report(self):
        """The first line of an AddressSanitizer/LeakSanitizer/UBSan report in the log, if any."""
        try:
            with open(self.log_path, "rb") as f:
                for line in f.read().decode("utf-8", "replace").splitlines():
                    if "Sanitizer" in line and "ERROR" in line or "runtime error:" in line:
                        return line.strip()
        except OSError:
            pass
        return None

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def raw(self, data, timeout=20):
        """Sends DATA; returns (status, reason, [(name, value)], body)."""
        if not self.alive():
            raise ServerError("the server is not running (exit code %s): %s" %
                              (self.proc.returncode if self.proc else None, self.log_tail()))
        s = socket.socket(self.family, socket.SOCK_STREAM)
        s.settimeout(timeout)
        try:
            s.connect((self.addr, self.port))
            try:
                s.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server may answer before reading everything (413)
            buf = b""
            while True:
                try:
                    chunk = s.recv(65536)
                except ConnectionResetError:
                    break
                if not chunk:
                    break
                buf += chunk
        except socket.timeout:
            raise ServerError("no answer within %ds to %r" % (timeout, data[:80]))
        finally:
            s.close()
        if not buf:
            raise ServerError("empty answer to %r%s" % (data[:80], "" if self.alive() else
                                                       "; the server died: " + self.log_tail()))
        head, _, body = buf.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        m = re.match(r"HTTP/\d\.\d (\d{3}) ?(.*)", lines[0])
        if not m:
            raise ServerError("bad status line %r" % lines[0])
        headers = []
        for ln in lines[1:]:
            k, _, v = ln.partition(":")
            headers.append((k.strip(), v.strip()))
        hd = {k.lower(): v for k, v in headers}
        if "chunked" in hd.get("transfer-encoding", "").lower():
            body = dechunk(body)
        elif "content-length" in hd:
            body = body[:int(hd["content-length"])]
        # header values are bytes on the wire: re-read them as UTF-8 (Location may carry it)
        headers = [(k, v.encode("latin-1").decode("utf-8", "replace")) for k, v in headers]
        return int(m.group(1)), m.group(2), headers, body

    def stop(self, sig=signal.SIGTERM, timeout=5):
        """Signals the server and waits; returns its exit code (None if it had to be killed)."""
        if self.proc is None:
            return None
        rc = self.proc.poll()
        if rc is None:
            self.proc.send_signal(sig)
            try:
                rc = self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                rc = None
        try:
            self.log.close()
        except Exception:
            pass
        return rc


def dechunk(b):
    out = b""
    while b:
        line, _, b = b.partition(b"\r\n")
        n = int(line.split(b";")[0] or b"0", 16)
        if n == 0:
            break
        out += b[:n]
        b = b[n + 2:]
    return out


def cong_env():
    env = dict(os.environ)
    env["CONG_ROOT"] = ROOT
    return env


def cong(*args, stdin=None, timeout=60):
    p = subprocess.run([CONG] + list(args), input=stdin, capture_output=True, env=cong_env(), timeout=timeout)
    if p.returncode != 0:
        raise ServerError("cong %s failed (%d): %s" % (" ".join(args), p.returncode,
                                                      (p.stderr or p.stdout).decode("utf-8", "replace").strip()))
    return p.stdout.decode("utf-8", "replace")


# ---------------------------------------------------------------- the fixture

class Fixture:
    """A data folder with the main portal, the sites of SITES, the accounts of USERS, and a
    server. Signed-in clients are cached: sign-ins cost an argon2id hash each."""

    def __init__(self, extra_serve=()):
        self.tmp = tempfile.mkdtemp(prefix="cong-http-")
        self.data = os.path.join(self.tmp, "data")
        cong("init", "--data", self.data, "--domain", BASE, "--name", MAIN_NAME, *new_db_args())
        # Two-factor sign-in is required of sysadmin, siteadmin and approver by default: the
        # fixture's accounts sign in with a password only, unless a test turns the rule on
        # (test_totp.py); set before the server starts.
        self.set_setting("mfa_required_roles", "")
        # Idle sessions end after 15 minutes (users) and 5 (administrators) by default: a
        # module's cached signed-in clients may wait longer between two tests, so the fixture
        # allows an hour; test_accounts.py tests the level-3 defaults on a fixture of its own.
        self.set_setting("session_idle_minutes", "60")
        self.set_setting("session_idle_minutes_admin", "60")
        for name, slug, extra in SITES:
            out = cong("site", "add", "--data", self.data, "--name", name, *extra)
            if "slug: %s" % slug not in out:
                raise ServerError("site %s got another slug: %s" % (name, out.strip()))
        for user, role, site in USERS:
            self.add_user(user, role, site)
        self.server = Server(self.data, extra=extra_serve, workdir=self.tmp).start()
        self.port = self.server.port
        self._admins = {}
        self._cats = {}
        # the tests' approvers publish what they write themselves: every site allows it (two steps)
        for slug in [None] + [s[1] for s in SITES]:
            self.settings(slug, steps=2, may_self=True)

    def sql(self, query, params=()):
        """One SQL statement on the fixture's database, whichever engine (data_sql)."""
        return data_sql(self.data, query, params)

    def bump_cache(self):
        """Every site's cached pages made old (data_bump_cache)."""
        data_bump_cache(self.data)

    def set_setting(self, key, value):
        """Writes a row of the settings table straight into the database (read by the server
        on each request that needs it)."""
        self.sql("INSERT INTO settings (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def settings(self, slug, steps=2, may_self=False):
        f = [("approval_steps", str(steps))] + ([("approver_may_be_author", "1")] if may_self else [])
        r = self.admin("admin", slug).post("/quan-tri/cai-dat", f)
        if r.status != 303:
            raise ServerError("settings of %s: %d" % (slug, r.status))

    def act(self, client, article_id, action, expect=303, **fields):
        """A workflow action on an article (submit, edited, return, refuse, publish, schedule,
        unschedule, withdraw, correct); returns the Response."""
        f = [("action", action)] + [(k, v) for k, v in fields.items()]
        r = client.post("/quan-tri/bai-viet/%d/chuyen" % article_id, f)
        if expect is not None and r.status != expect:
            raise ServerError("%s of article %d: %d %s" % (action, article_id, r.status, squash(r.text)[-300:]))
        return r

    def share(self, client, article_id):
        """CLIENT's board proposes a published article to the main portal, whose board accepts it."""
        r = client.post("/quan-tri/bai-viet/%d/de-xuat" % article_id)
        if r.status != 303:
            raise ServerError("proposing %d: %d %s" % (article_id, r.status, squash(r.text)[-300:]))
        board = self.admin("admin", None)
        page = board.get("/quan-tri/de-xuat")
        for m in re.finditer(r'<a href="[^"]*-(\d+)">.*?action="/quan-tri/de-xuat/(\d+)"', page.text, re.S):
            if int(m.group(1)) == article_id:
                r = board.post("/quan-tri/de-xuat/%s" % m.group(2), [("quyet-dinh", "nhan")])
                if r.status != 303:
                    raise ServerError("accepting %d: %d" % (article_id, r.status))
                return
        raise ServerError("proposal of %d not on the main board's list" % article_id)

    def publish(self, client, article_id):
        """Walks a draft through the workflow to publication: submit, edited, publish."""
        for action in ("submit", "edited", "publish"):
            self.act(client, article_id, action)

    def add_user(self, user, role, site=None):
        args = ["user", "add", "--data", self.data, "--username", user, "--role", role, "--password-stdin"]
        if site:
            args += ["--site", site]
        cong(*args, stdin=(PASSWORD + "\n").encode())

    def client(self, slug=None, port_in_host=True):
        return Client(self.server, host_of(slug), port_in_host)

    def admin(self, username, slug=None):
        """A client of SLUG's host signed in as USERNAME (its password changed if needed)."""
        key = username
        if key not in self._admins:
            c = self.client(slug)
            r = c.signin(username, PASSWORD)
            if r.status == 303 and r.location_path == "/quan-tri/doi-mat-khau":
                r2 = c.post("/quan-tri/doi-mat-khau", [("old_password", PASSWORD), ("new_password", NEW_PASSWORD),
                                                       ("confirm", NEW_PASSWORD)])
                if r2.status != 303:
                    raise ServerError("password change of %s: %d" % (username, r2.status))
            elif r.status == 401:
                r = c.signin(username, NEW_PASSWORD)
            if r.status != 303 or "cong_sid" not in c.cookies:
                raise ServerError("sign-in of %s: %d %s" % (username, r.status, r.location))
            self._admins[key] = c
        c = self._admins[key]
        return c.clone(host_of(slug)) if c.host != host_of(slug) else c

    def category(self, client, name, slug=None, parent_id=None, description=""):
        """Creates a category on CLIENT's site; returns (id, public path)."""
        f = [("name", name), ("description", description), ("position", "")]
        if slug:
            f.append(("slug", slug))
        if parent_id:
            f.append(("parent_id", str(parent_id)))
        r = client.post("/quan-tri/chuyen-muc", f)
        if r.status != 303:
            raise ServerError("category %s: %d %s" % (name, r.status, squash(r.text)[:300]))
        return self.find_category(client, name)

    def find_category(self, client, name):
        page = client.get("/quan-tri/chuyen-muc")
        for tr in page.tree().iter("tr"):
            tds = tr.findall("td")
            if tds and squash(text_of(tds[0])).lstrip("— ").strip() == name:
                a = tds[1].find("a")
                path = a.get("href")
                return int(path.rsplit("-", 1)[1]), path
        raise ServerError("category %s not in the admin list" % name)

    def article(self, client, title, body="Nội dung bài viết.\n\nĐoạn thứ hai.", category_id=None,
                publish=False, files=(), expect=303, **extra):
        """Creates an article; returns its id (or the Response when EXPECT is not 303)."""
        f = [("title", title), ("body", body), ("category_id", str(category_id or ""))]
        f += [(k, v) for k, v in extra.items()]
        r = client.post("/quan-tri/bai-viet/moi", f, files=files, multipart_form=True)
        if expect != 303:
            return r
        m = re.match(r"/quan-tri/bai-viet/(\d+)", r.location_path)
        if r.status != 303 or not m:
            raise ServerError("article %r: %d %s" % (title, r.status, squash(r.text)[-300:]))
        aid = int(m.group(1))
        if publish:
            self.publish(client, aid)
        return aid

    def public_path(self, slug, article_id):
        """The public path of a published article: /tin/x-ID redirects to it."""
        r = self.client(slug).get("/tin/x-%d" % article_id)
        if r.status == 301:
            return r.location_path
        if r.status == 200:
            return "/tin/x-%d" % article_id
        raise ServerError("article %d on %s: %d" % (article_id, slug, r.status))

    def close(self):
        """Stops the server; returns its exit code."""
        rc = self.server.stop()
        drop_db(self.data)
        shutil.rmtree(self.tmp, ignore_errors=True)
        return rc


class ScheduleNode(Server):
    """A second `cong serve` on FX's folder that is to run the schedule. On PostgreSQL one node
    of an installation runs it (an advisory lock: docs/scaling.md), so FX's own server stops
    while this one runs and starts again when it stops; on SQLite both run as before."""

    def __init__(self, fx, extra=()):
        super().__init__(fx.data, workdir=fx.tmp, extra=extra)
        self.fx = fx
        self.paused = False

    def start(self, tries=3):
        if PG and not self.paused and self.fx.server.alive():
            self.fx.server.stop()
            self.paused = True
        try:
            return super().start(tries)
        except BaseException:  # did not start (faketime under a sanitizer build): FX's runs again
            self.stop()
            raise

    def stop(self, sig=signal.SIGTERM, timeout=5):
        rc = super().stop(sig, timeout)
        if self.paused:
            self.paused = False
            # FX's server on the real clock, even when this one was started under faketime
            saved = {k: os.environ.pop(k, None) for k in ("LD_PRELOAD", "FAKETIME")}
            try:
                self.fx.server.start()
            finally:
                os.environ.update({k: v for k, v in saved.items() if v is not None})
            self.fx.port = self.fx.server.port
        return rc


def fake_server(fx, at, extra=(), schedule=False):
    """`cong serve` on FX's folder with its clock at AT (Unix time, libfaketime), running on;
    the test is skipped when faketime is missing or the binary does not start under it.
    SCHEDULE: this server is to run the schedule (ScheduleNode)."""
    lib = [p for p in ("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
                       "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1") if os.path.exists(p)]
    if not lib:
        raise unittest.SkipTest("libfaketime not found")
    saved = {k: os.environ.get(k) for k in ("LD_PRELOAD", "FAKETIME", "TZ", "FAKETIME_DONT_FAKE_MONOTONIC")}
    os.environ.update({"LD_PRELOAD": lib[0], "TZ": "UTC", "FAKETIME_DONT_FAKE_MONOTONIC": "1",
                       "FAKETIME": "@" + time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(at))})
    try:
        if schedule:
            return ScheduleNode(fx, extra=list(extra)).start()
        return Server(fx.data, workdir=fx.tmp, extra=list(extra)).start()
    except ServerError as e:
        raise unittest.SkipTest("cong serve does not start under faketime (a sanitizer build?): %s" % e)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


# ---------------------------------------------------------------- test cases

def png(w=16, h=16, rgb=(200, 30, 30)):
    """A valid PNG image."""
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def sha256(b):
    return hashlib.sha256(b).hexdigest()


SECURITY_HEADERS = ("X-Content-Type-Options", "Content-Security-Policy")


class CongTest(unittest.TestCase):
    """Base class: FX is the module's Fixture (set by setUpModule)."""
    fx = None

    def _formatMessage(self, msg, standardMsg):
        """Our message first, then unittest's (shortened: it may hold a whole page)."""
        if msg is None:
            return standardMsg
        std = standardMsg.split("\n")[0]
        if std.endswith((" is not false", " is not true", "unexpectedly None", " is not None")):
            return msg
        return "%s [%s]" % (msg, std if len(std) < 240 else std[:240] + "…")

    # -- assertions on responses

    def expect(self, r, status, what=""):
        if r.status != status:
            body = squash(re.sub(r"(?s)<head>.*?</head>|<[^>]+>", " ", r.text))[:200] if r.is_html else r.text[:200]
            self.fail("%s%r: expected %d, got %d (Location %s) %s" % (what + ": " if what else "", r, status,
                                                                    r.status, r.location, body))
        return r

    def check_html(self, r, chrome=True, lang="vi"):
        """Every public HTML page: valid HTML5 (html5lib strict), <html lang="vi"> (LANG: a page
        under "/en/"…), the viewport meta, security headers; CHROME pages (with the site's
        header) also the skip link."""
        self.assertTrue(r.is_html, "%r: Content-Type %r, expected text/html" % (r, r.ctype))
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        try:
            parser.parse(r.body)
        except Exception as e:  # html5lib.html5parser.ParseError
            pos = parser.errors[0][0] if parser.errors else ("?", "?")
            line = r.body.decode("utf-8", "replace").splitlines()
            ln = pos[0] if isinstance(pos[0], int) else 0
            ctx = line[ln - 1].strip()[:120] if 0 < ln <= len(line) else ""
            self.fail("%r: not valid HTML5 at line %s col %s: %s [%s]" % (r, pos[0], pos[1], e, ctx))
        self.assertRegex(r.text[:300], r'<html lang="%s"' % lang, "%r: no <html lang=\"%s\">" % (r, lang))
        self.assertRegex(r.text, r'<meta name="viewport" content="[^"]*width=device-width',
                         "%r: no viewport meta" % r)
        for h in SECURITY_HEADERS:
            self.assertIsNotNone(r.header(h), "%r: no %s header" % (r, h))
        self.assertEqual(r.header("X-Content-Type-Options"), "nosniff", "%r: X-Content-Type-Options" % r)
        tree = r.tree()
        ids = {}
        for el in tree.iter():
            if isinstance(el.tag, str) and el.get("id") is not None:
                ids[el.get("id")] = ids.get(el.get("id"), 0) + 1
        dup = sorted(k for k, n in ids.items() if n > 1)
        self.assertFalse(dup, "%r: duplicate id attributes %s" % (r, dup))
        for img in tree.iter("img"):
            self.assertIsNotNone(img.get("alt"), "%r: <img src=%r> without alt" % (r, img.get("src")))
        for el in tree.iter():
            for attr in ("aria-describedby", "aria-labelledby"):
                for ref in (el.get(attr) or "").split() if isinstance(el.tag, str) else ():
                    self.assertIn(ref, ids, "%r: %s=%r names no element" % (r, attr, ref))
            if el.tag == "label" and el.get("for"):
                self.assertIn(el.get("for"), ids, "%r: <label for=%r> names no element" % (r, el.get("for")))
        if chrome:
            skip = [a for a in tree.iter("a") if a.get("href") == "#noi-dung"]
            self.assertTrue(skip, "%r: no skip link to #noi-dung" % r)
            body = tree.find("body")
            first_link = next(iter(body.iter("a")), None)
            self.assertIs(first_link, skip[0], "%r: the skip link is not the first link of the page" % r)
            targets = [el for el in tree.iter() if el.get("id") == "noi-dung"]
            self.assertEqual(len(targets), 1, "%r: expected one element with id=noi-dung, found %d" %
                             (r, len(targets)))
        return tree

    def page(self, client, target, status=200, chrome=True):
        """GETs a public page, checks its status and that it passes check_html."""
        r = self.expect(client.get(target), status)
        self.check_html(r, chrome=chrome)
        return r

    def assertNotIn_(self, needle, r, what=""):
        if needle in r.text:
            i = r.text.index(needle)
            self.fail("%r: %s: found %r in …%s…" % (r, what, needle, squash(r.text[max(0, i - 60):i + 60])))

    def assertIn_(self, needle, r, what=""):
        if needle not in r.text:
            self.fail("%r: %s: %r not found" % (r, what, needle))


def module_fixture(extra_serve=()):
    """setUpModule/tearDownModule for a test module sharing one Fixture; the teardown fails
    when the server does not stop cleanly (exit 0 within 5 s of SIGTERM)."""
    state = {}

    def setup():
        state["fx"] = Fixture(extra_serve)
        CongTest.fx = state["fx"]

    def teardown():
        fx = state.pop("fx", None)
        if fx is None:
            return
        alive = fx.server.alive()
        tail = fx.server.log_tail()
        rc = fx.server.stop()
        san = fx.server.sanitizer_report()
        fx.close()
        if san:
            raise AssertionError("sanitizer report in the server's log: " + san)
        if not alive:
            raise AssertionError("the server died during the tests (exit %s): %s" % (fx.server.proc.returncode, tail))
        if rc != 0:
            raise AssertionError("the server did not stop cleanly on SIGTERM (exit %s): %s" % (rc, tail))
    return setup, teardown
