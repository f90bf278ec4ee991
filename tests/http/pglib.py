"""pglib.py — a throwaway PostgreSQL cluster for the black-box tests (run.py --pg), and the
`psql` transport the tests use to read and write a PostgreSQL database.

    cluster = pglib.start()            # initdb + postgres on a unix socket in a temp folder
    cluster.createdb("cong_1")
    cluster.url("cong_1")              # postgresql:///cong_1?host=/tmp/cong-pg-…/sock&port=…&user=cong
    cluster.sql("cong_1", "SELECT id FROM users WHERE username = ?", ("admin",))  # [(1,)]
    cluster.stop()                     # also at exit (Ctrl-C too) and on SIGTERM/SIGHUP

The server is Debian's (postgresql-NN: /usr/lib/postgresql/NN/bin, the newest found). It listens
on a unix socket only (listen_addresses = ''), with durability off (fsync, synchronous_commit,
full_page_writes: tests only) and trust authentication on the socket. initdb and postgres refuse
to run as root: as root they run as the `postgres` system user (else `nobody`), through runuser.

The tests connect as the role `cong` (LOGIN CREATEDB, no superuser); every test database is
owned by it. The bootstrap superuser `postgres` makes the role and the databases.

No Python driver: psql is the transport (pyenv's or Debian's python3 alike). Parameters are
never pasted into the SQL: text goes through psql variables (:'p1', quoted by libpq), numbers
are formatted by Python from int/float, None is NULL."""
import atexit
import glob
import json
import math
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROLE = "cong"          # what the tests and `cong` connect as
ADMIN = "postgres"     # the bootstrap superuser (initdb -U)
URL_SCHEMES = ("postgresql://", "postgres://")


class PgError(Exception):
    pass


def bindir():
    """The newest /usr/lib/postgresql/NN/bin holding postgres, initdb, pg_ctl and psql."""
    found = []
    for d in glob.glob("/usr/lib/postgresql/*/bin"):
        v = os.path.basename(os.path.dirname(d))
        if all(os.access(os.path.join(d, b), os.X_OK) for b in ("postgres", "initdb", "pg_ctl", "psql")) \
                and re.fullmatch(r"\d+(\.\d+)?", v):
            found.append((float(v), d))
    if not found:
        raise PgError("no PostgreSQL server in /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql; "
                      "scripts/deps.sh test)")
    return max(found)[1]


def psql_bin():
    """psql: the server's own when there is one, else the one on PATH (client-only machines)."""
    try:
        return os.path.join(bindir(), "psql")
    except PgError:
        p = shutil.which("psql")
        if not p:
            raise
        return p


# ---------------------------------------------------------------- SQL through psql

def _render(query, params):
    """QUERY with its `?` placeholders (outside quotes and comments) replaced: numbers as
    literals, None as NULL, text as the psql variable :'pN'. Returns (sql, {name: text})."""
    params = list(params)
    out, vars_ = [], {}
    i, n, k = 0, len(query), 0
    while i < n:
        c = query[i]
        if c in ("'", '"'):  # a literal or a quoted identifier ('' / "" escape themselves)
            j = i + 1
            while j < n:
                if query[j] == c:
                    if j + 1 < n and query[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            out.append(query[i:j + 1])
            i = j + 1
        elif query.startswith("--", i):
            j = query.find("\n", i)
            j = n if j < 0 else j
            out.append(query[i:j])
            i = j
        elif query.startswith("/*", i):
            j = query.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(query[i:j])
            i = j
        elif c == "?":
            if k >= len(params):
                raise PgError("fewer parameters (%d) than placeholders in %r" % (len(params), query))
            v = params[k]
            k += 1
            if v is None:
                out.append("NULL")
            elif isinstance(v, bool):
                out.append("1" if v else "0")  # SQLite has no booleans: the schema stores 0/1
            elif isinstance(v, int):
                out.append("(%d)" % v if v < 0 else "%d" % v)  # "x - -1" must not become "x --1"
            elif isinstance(v, float):
                out.append("(%r)" % v if math.isfinite(v) else
                           "'%s'::float8" % ("NaN" if v != v else "Infinity" if v > 0 else "-Infinity"))
            elif isinstance(v, (bytes, bytearray, memoryview)):
                out.append("'\\x%s'::bytea" % bytes(v).hex())
            elif isinstance(v, str):
                if "\x00" in v:
                    raise PgError("a text parameter with a NUL character: PostgreSQL text cannot hold it")
                name = "p%d" % k
                vars_[name] = v
                out.append(":'%s'" % name)
            else:
                raise PgError("parameter of type %s not supported: %r" % (type(v).__name__, v))
            i += 1
        else:
            out.append(c)
            i += 1
    if k != len(params):
        raise PgError("%d parameters for %d placeholders in %r" % (len(params), k, query))
    return "".join(out), vars_


_RETURNS_ROWS = re.compile(r"^\s*(SELECT|WITH|VALUES|TABLE)\b|\bRETURNING\b", re.I)


def _strip_literals(q):
    return re.sub(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"", "''", q)


class _Pairs(list):
    """A JSON object as its (key, value) pairs: a row keeps its columns in order, even two of
    the same name."""


def _plain(v):
    if isinstance(v, _Pairs):
        return {k: _plain(x) for k, x in v}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def _value(v):
    """A JSON value of row_to_json as SQLite would give it: JSON columns as their text, truth
    values as 1/0 (numbers, text and NULL as they come)."""
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, list):  # json/jsonb columns (objects are _Pairs, a list too)
        return json.dumps(_plain(v), ensure_ascii=False, separators=(",", ":"))
    return v


def run_sql(conninfo, query, params=(), psql=None, timeout=60):
    """Runs one SQL statement on CONNINFO (a postgresql:// URL, or psql's -d argument) through
    psql; `?` placeholders take PARAMS. Returns the rows as tuples (in column order; [] for a
    statement without rows). Raises PgError with psql's message when the statement fails."""
    sql, vars_ = _render(query.strip().rstrip(";").strip(), params)
    if re.match(r"^\s*PRAGMA\b", sql, re.I):
        raise PgError("PRAGMA is SQLite's: %r" % query)
    rows = bool(_RETURNS_ROWS.search(_strip_literals(sql)))
    if rows:  # one JSON object per row keeps the types (and NULL apart from '')
        sql = "WITH cong_q AS (\n%s\n) SELECT row_to_json(cong_q) FROM cong_q" % sql
    cmd = [psql or psql_bin(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", conninfo]
    for name, v in vars_.items():
        cmd += ["-v", "%s=%s" % (name, v)]
    env = dict(os.environ, PGCLIENTENCODING="UTF8", PGAPPNAME="cong-tests")
    for k in ("PGSERVICE", "PGSERVICEFILE", "PGOPTIONS", "PGDATABASE", "PGHOST", "PGPORT", "PGUSER"):
        env.pop(k, None)
    p = subprocess.run(cmd, input=(sql + ";\n").encode("utf-8"), capture_output=True, env=env, timeout=timeout)
    if p.returncode != 0:
        raise PgError("psql (%d): %s [%s]" % (p.returncode, p.stderr.decode("utf-8", "replace").strip(),
                                              query.strip()[:300]))
    if not rows:
        return []
    out = []
    for line in p.stdout.decode("utf-8").split("\n"):
        if line:
            out.append(tuple(_value(v) for _, v in json.loads(line, object_pairs_hook=_Pairs)))
    return out


# ---------------------------------------------------------------- the cluster

def _pg_user():
    """The unprivileged user to run initdb/postgres as when we are root (None otherwise)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            pass
    raise PgError("running as root and neither the postgres nor the nobody user exists")


def _free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Cluster:
    """A running (or attached-to) cluster: ROOT holds data/ (PGDATA), sock/ (the socket) and
    postgres.log."""

    def __init__(self, root, port, bin_dir=None, owned=False):
        self.root = root
        self.port = int(port)
        self.bin = bin_dir or bindir()
        self.pgdata = os.path.join(root, "data")
        self.sockdir = os.path.join(root, "sock")
        self.log = os.path.join(root, "postgres.log")
        self.owned = owned  # started by this process: stop() stops it and removes ROOT
        self.user = _pg_user() if owned else None
        self.started_at = self.start_seconds = self.stop_seconds = None
        self._stopped = False
        self._watchdog = None

    # -- addresses

    def url(self, dbname, user=ROLE):
        """The libpq URL of database DBNAME on this cluster, as `cong init --db` takes it."""
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", dbname):
            raise PgError("database name %r: letters, digits and _ only" % dbname)
        return "postgresql:///%s?host=%s&port=%d&user=%s" % (
            dbname, urllib.parse.quote(self.sockdir, safe="/"), self.port, urllib.parse.quote(user))

    def base_url(self):
        """The cluster without a database (what run.py puts in CONG_TEST_PG)."""
        return "postgresql:///?host=%s&port=%d&user=%s" % (urllib.parse.quote(self.sockdir, safe="/"), self.port, ROLE)

    # -- SQL

    def sql(self, dbname, query, params=()):
        """Runs QUERY on DBNAME as the role cong; rows as tuples (see run_sql)."""
        return run_sql(self.url(dbname), query, params, os.path.join(self.bin, "psql"))

    def admin_sql(self, query, params=(), dbname="postgres"):
        return run_sql(self.url(dbname, ADMIN), query, params, os.path.join(self.bin, "psql"))

    def createdb(self, name):
        """A new empty database NAME (UTF-8, C collation: SQLite's byte order) owned by cong."""
        self.url(name)  # checks the name: it is an identifier below, not a parameter
        self.admin_sql('CREATE DATABASE "%s" OWNER %s TEMPLATE template0 ENCODING \'UTF8\' '
                       "LC_COLLATE 'C' LC_CTYPE 'C'" % (name, ROLE))
        return self.url(name)

    def dropdb(self, name):
        self.url(name)
        self.admin_sql('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % name)

    # -- life

    def _as_pg(self, cmd):
        if self.user is None:
            return cmd
        if shutil.which("runuser"):
            return ["runuser", "-u", self.user.pw_name, "--"] + cmd
        return ["setpriv", "--reuid=%d" % self.user.pw_uid, "--regid=%d" % self.user.pw_gid, "--clear-groups"] + cmd

    def _run(self, cmd, what, timeout=120):
        env = dict(os.environ, LC_ALL="C", LANG="C")
        env.pop("PGDATA", None)
        p = subprocess.run(self._as_pg(cmd), cwd=self.root, env=env, capture_output=True, timeout=timeout)
        if p.returncode != 0:
            tail = ""
            try:
                with open(self.log, "rb") as f:
                    tail = " | ".join(f.read().decode("utf-8", "replace").strip().splitlines()[-5:])
            except OSError:
                pass
            raise PgError("%s failed (%d): %s %s %s" % (what, p.returncode, p.stdout.decode("utf-8", "replace").strip(),
                                                        p.stderr.decode("utf-8", "replace").strip(), tail))
        return p

    def _start(self):
        t0 = time.time()
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, os.path.join(self.bin, "pg_ctl"), self.pgdata, self.root,
             json.dumps(self._as_pg([]))],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        if self.user is not None:
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
        os.chmod(self.root, 0o755)  # others reach the socket (cong run as another user)
        os.mkdir(self.sockdir, 0o755)
        if self.user is not None:
            os.chown(self.sockdir, self.user.pw_uid, self.user.pw_gid)
        self._run([os.path.join(self.bin, "initdb"), "-D", self.pgdata, "-U", ADMIN, "-A", "trust", "-E", "UTF8",
                   "--no-locale", "--no-sync", "--no-instructions"], "initdb")
        with open(os.path.join(self.pgdata, "postgresql.conf"), "a") as f:
            f.write("\n# cong tests (tests/http/pglib.py): a throwaway cluster, durability off\n"
                    "listen_addresses = ''\n"
                    "unix_socket_directories = '%s'\n"
                    "port = %d\n"
                    "max_connections = 300\n"
                    "fsync = off\n"
                    "synchronous_commit = off\n"
                    "full_page_writes = off\n"
                    "shared_buffers = 64MB\n"
                    "dynamic_shared_memory_type = mmap\n"
                    "log_min_messages = warning\n"
                    "log_line_prefix = '%%m [%%p] %%d '\n"
                    "timezone = 'UTC'\n" % (self.sockdir, self.port))
        with open(os.path.join(self.pgdata, "pg_hba.conf"), "w") as f:
            f.write("# cong tests: the unix socket only, trusted\nlocal all %s trust\nlocal all %s trust\n" % (ADMIN, ROLE))
        self._run([os.path.join(self.bin, "pg_ctl"), "-D", self.pgdata, "-l", self.log, "-w", "-t", "60", "start"],
                  "pg_ctl start")
        self.admin_sql("CREATE ROLE %s LOGIN CREATEDB" % ROLE)
        self.start_seconds = time.time() - t0
        return self

    def stop(self):
        """Stops the cluster (immediate: nothing is kept) and removes its folder. Idempotent."""
        if self._stopped or not self.owned:
            return
        self._stopped = True
        t0 = time.time()
        try:
            if os.path.exists(os.path.join(self.pgdata, "postmaster.pid")):
                self._run([os.path.join(self.bin, "pg_ctl"), "-D", self.pgdata, "-m", "immediate", "-w", "-t", "30",
                           "stop"], "pg_ctl stop", timeout=60)
        except (PgError, subprocess.TimeoutExpired, OSError):
            self._kill()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
            if self._watchdog is not None:  # nothing left for it to do: it ends
                try:
                    self._watchdog.stdin.close()
                    self._watchdog.wait(10)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            self.stop_seconds = time.time() - t0
            _live.discard(self)

    def _kill(self):
        """The last resort: SIGKILL the postmaster named in postmaster.pid (and wait a little)."""
        try:
            with open(os.path.join(self.pgdata, "postmaster.pid")) as f:
                pid = int(f.readline())
            os.kill(pid, signal.SIGKILL)
            for _ in range(100):
                os.kill(pid, 0)
                time.sleep(0.05)
        except (OSError, ValueError):
            pass


# A watchdog outlives a test run killed outright (SIGKILL: no atexit, no handler): in a session of
# its own, it waits for the end of its stdin — the run's end, whatever it was — and then stops the
# cluster and removes its folder if stop() has not.
_WATCHDOG = r"""
import json, os, shutil, subprocess, sys
pg_ctl, pgdata, root, as_pg = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
sys.stdin.buffer.read()
if os.path.exists(os.path.join(pgdata, "postmaster.pid")):
    subprocess.run(as_pg + [pg_ctl, "-D", pgdata, "-m", "immediate", "-w", "-t", "30", "stop"], cwd="/",
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
shutil.rmtree(root, ignore_errors=True)
"""

_live = set()
_handlers_installed = False


def _stop_all():
    for c in list(_live):
        c.stop()


def _on_signal(signum, frame):
    _stop_all()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _install_handlers():
    global _handlers_installed
    if _handlers_installed:
        return
    _handlers_installed = True
    atexit.register(_stop_all)
    # Ctrl-C (SIGINT) is Python's KeyboardInterrupt: the program ends through atexit. SIGTERM and
    # SIGHUP would end it without atexit: they stop the cluster first, then end it as they would.
    for s in (signal.SIGTERM, signal.SIGHUP):
        try:
            if signal.getsignal(s) not in (signal.SIG_DFL, None):
                continue  # someone else's handler
            signal.signal(s, _on_signal)
        except (ValueError, OSError):  # not the main thread
            pass


def start():
    """Starts a new cluster in a fresh temporary folder; it is stopped and removed by stop(), at
    exit (Ctrl-C included), or on SIGTERM/SIGHUP."""
    root = tempfile.mkdtemp(prefix="cong-pg-", dir="/tmp")  # short: a socket path is at most 107 bytes
    c = Cluster(root, _free_port(), owned=True)
    _install_handlers()
    _live.add(c)
    try:
        return c._start()
    except BaseException:
        c.stop()
        raise


def attach(base_url):
    """The cluster run.py started, from its base URL (CONG_TEST_PG): createdb/url/sql, no stop."""
    if not base_url.startswith(URL_SCHEMES):
        raise PgError("not a postgresql:// URL: %r" % base_url)
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(base_url).query)
    host, port = q.get("host", [""])[0], q.get("port", [""])[0]
    if not host.startswith("/") or not port.isdigit():
        raise PgError("the cluster URL names no socket folder and port: %r" % base_url)
    return Cluster(os.path.dirname(host.rstrip("/")), int(port), owned=False)


def main(argv):
    """pglib.py -- COMMAND ARGS…: runs COMMAND with CONG_TEST_PG naming a throwaway cluster's
    maintenance database (tests/unit's t_fresh_db makes a database per test there), then stops
    the cluster; exits with COMMAND's status."""
    if len(argv) < 3 or argv[1] != "--":
        sys.stderr.write("usage: pglib.py -- COMMAND [ARGS…]\n")
        return 2
    c = start()
    try:
        env = dict(os.environ, CONG_TEST_PG=c.url("postgres"))
        return subprocess.run(argv[2:], env=env).returncode
    finally:
        c.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
