"""Scale-out on PostgreSQL (issue #15): two `cong serve` nodes on one database, a real nginx in
front on loopback with both as its upstream. A publication through node 1 is on node 2 and
through nginx at the next request; one node runs the schedule (an advisory lock), and when it is
killed with SIGKILL the other takes the lock and publishes a scheduled item on time.

PostgreSQL only (run.py --pg): SQLite is one file for one server."""
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest

from conglib import PG, Client, CongTest, Fixture, Server, free_port, host_of
from test_metrics import metric

def local_time(t):
    """A datetime-local value for Unix time T, in Vietnam time."""
    return time.strftime("%Y-%m-%dT%H:%M", time.gmtime(t + 7 * 3600))

INTERVAL = 1  # --scheduler-interval: the scheduler's pass, in seconds


class Front(Server):
    """nginx as seen by the tests' clients: requests go to its port."""

    def __init__(self, proc, port, tmp):
        super().__init__(data=tmp)
        self.proc = proc
        self.port = port
        self.addr = "127.0.0.1"

    def log_tail(self, n=5):
        return "(nginx)"


def start_nginx(tmp, ports):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        raise AssertionError("nginx is missing (Debian package nginx: sudo sh scripts/deps.sh test)")
    port = free_port()
    for d in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        os.mkdir(os.path.join(tmp, d))
    conf = os.path.join(tmp, "nginx.conf")
    upstream = "".join("    server 127.0.0.1:%d max_fails=1 fail_timeout=5s;\n" % p for p in ports)
    with open(conf, "w") as f:
        f.write("daemon off;\nworker_processes 1;\npid %(t)s/nginx.pid;\nerror_log %(t)s/error.log warn;\n"
                "events { worker_connections 128; }\nhttp {\n  access_log off;\n"
                "  client_body_temp_path %(t)s/body;\n  proxy_temp_path %(t)s/proxy;\n"
                "  fastcgi_temp_path %(t)s/fastcgi;\n  uwsgi_temp_path %(t)s/uwsgi;\n  scgi_temp_path %(t)s/scgi;\n"
                "  upstream cong {\n%(up)s  }\n"
                "  server {\n    listen 127.0.0.1:%(port)d;\n"
                "    location / {\n      proxy_pass http://cong;\n      proxy_set_header Host $http_host;\n"
                "      proxy_next_upstream error timeout;\n      proxy_connect_timeout 2s;\n    }\n  }\n}\n"
                % {"t": tmp, "up": upstream, "port": port})
    proc = subprocess.Popen([nginx, "-p", tmp, "-e", os.path.join(tmp, "error.log"), "-c", conf],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 10
    while time.time() < deadline:
        if proc.poll() is not None:
            break
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return Front(proc, port, tmp)
        except OSError:
            time.sleep(0.05)
    raise AssertionError("nginx did not start: " + open(os.path.join(tmp, "error.log")).read()[-500:])


@unittest.skipIf(not PG, "several nodes share one database only on PostgreSQL (run.py --pg)")
class TwoNodes(CongTest):
    @classmethod
    def setUpClass(cls):
        cls.fx = Fixture(extra_serve=("--scheduler-interval", str(INTERVAL)))
        cls.tmp = tempfile.mkdtemp(prefix="cong-nodes-")
        cls.node2 = Server(cls.fx.data, extra=("--scheduler-interval", str(INTERVAL)), workdir=cls.tmp).start()
        cls.front = start_nginx(cls.tmp, [cls.fx.server.port, cls.node2.port])
        cls.cat = cls.fx.category(cls.fx.admin("duyet", "snv"), "Tin hai máy chủ")[0]

    @classmethod
    def tearDownClass(cls):
        cls.front.proc.send_signal(signal.SIGQUIT)
        try:
            cls.front.proc.wait(10)
        except subprocess.TimeoutExpired:
            cls.front.proc.kill()
        cls.node2.stop()
        cls.fx.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def on(self, server, slug="snv"):
        return Client(server, "%s.example.gov.vn" % slug)

    def draft_ready(self, title):
        fx = self.fx
        ap = fx.admin("duyet", "snv")
        aid = fx.article(ap, title, category_id=self.cat)
        fx.act(ap, aid, "submit")
        fx.act(ap, aid, "edited")
        return ap, aid

    def test_publish_on_one_node_is_on_the_other_at_once(self):
        fx = self.fx
        title = "Thông báo hai máy chủ %d" % time.time_ns()
        # node 2 and nginx have rendered (and cached) the site's home page before
        for server in (self.node2, self.front):
            self.assertNotIn(title, self.on(server).get("/").text)
        ap, aid = self.draft_ready(title)
        fx.act(ap, aid, "publish")  # through node 1 (the fixture's server)
        self.assertIn(title, self.on(self.node2).get("/").text, "node 2's next home page")
        self.assertEqual(self.on(self.node2).get("/tin/x-%d" % aid).status in (200, 301), True)
        for _ in range(4):  # nginx alternates between the nodes: every answer has it
            self.assertIn(title, self.on(self.front).get("/").text, "through nginx")

    def known_hits(self, server):
        """Node SERVER's cached pages served without asking the database (its /metrics)."""
        r = Client(server, host_of(None)).get("/metrics")
        self.expect(r, 200, "/metrics from the loopback")
        return metric(r.text, "cong_cache_known_hits_total")

    def warm(self, server, path="/"):
        """Renders PATH on SERVER and checks it once more: the next requests know it current."""
        for _ in range(2):
            self.expect(self.on(server).get(path), 200, path)

    def test_cached_pages_are_served_without_the_database(self):
        self.warm(self.node2)
        before = self.known_hits(self.node2)
        for _ in range(20):
            self.expect(self.on(self.node2).get("/"), 200, "the cached home page")
        after = self.known_hits(self.node2)
        # the schedule's passes write now and then (a second apart): nearly all, not all
        self.assertGreaterEqual(after - before, 15, "cached pages known current from the change notices")

    def test_every_change_is_on_the_other_node_at_the_next_request(self):
        # the race the notices must win: a page known current on node 2, a change committed by
        # node 1, node 2 asked at once; ten times over
        fx = self.fx
        for i in range(int(os.environ.get("CONG_RACE_ROUNDS", "10"))):
            title = "Tin liên tiếp %d-%d" % (i, time.time_ns())
            ap, aid = self.draft_ready(title)
            self.warm(self.node2)
            self.assertNotIn(title, self.on(self.node2).get("/").text)
            fx.act(ap, aid, "publish")
            self.assertIn(title, self.on(self.node2).get("/").text, "node 2's next home page, round %d" % i)

    def test_a_lost_listener_serves_nothing_old(self):
        fx = self.fx
        title = "Tin khi mất kết nối %d" % time.time_ns()
        ap, aid = self.draft_ready(title)
        self.warm(self.node2)
        # every node's listening connection ends (a PostgreSQL restart, a network cut)
        ended = fx.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                       " WHERE application_name = 'cong-watch'")
        self.assertGreaterEqual(ended[0][0], 2, "both nodes listen, each on its own named connection")
        fx.act(ap, aid, "publish")
        self.assertIn(title, self.on(self.node2).get("/").text, "checked against the database meanwhile")
        # listening again within seconds: cached pages are known current once more
        deadline = time.time() + 10
        while True:
            self.warm(self.node2)
            before = self.known_hits(self.node2)
            self.on(self.node2).get("/")
            if self.known_hits(self.node2) > before:
                break
            self.assertLess(time.time(), deadline, "node 2 listens again")
            time.sleep(0.2)
        self.assertIn(title, self.on(self.node2).get("/").text)

    def test_a_session_works_on_both_nodes(self):
        c1 = self.fx.admin("duyet", "snv")
        c2 = Client(self.node2, c1.host, c1.port_in_host)
        c2.cookies = dict(c1.cookies)
        r = c2.get("/quan-tri/")
        self.assertEqual(r.status, 200, "signed in on node 1, recognised on node 2")

    def test_scheduler_moves_when_its_node_is_killed(self):
        fx = self.fx
        logs = {}
        for name, server in (("node1", fx.server), ("node2", self.node2)):
            with open(server.log_path, "rb") as f:
                logs[name] = f.read().decode("utf-8", "replace")
        runs = [n for n, text in logs.items() if "this node runs the schedule" in text]
        self.assertEqual(len(runs), 1, "exactly one node runs the schedule: %r" % runs)
        holder, other = (fx.server, self.node2) if runs == ["node1"] else (self.node2, fx.server)
        title = "Hẹn giờ khi một máy chủ dừng %d" % time.time_ns()
        ap, aid = self.draft_ready(title)
        if holder is fx.server:  # act through the node that stays
            ap = Client(other, ap.host, ap.port_in_host)
            ap.cookies = dict(fx.admin("duyet", "snv").cookies)
        fx.act(ap, aid, "schedule", when=local_time(time.time() + 120))
        holder.proc.send_signal(signal.SIGKILL)
        holder.proc.wait(5)
        killed = time.time()
        due = int(killed) + 2
        fx.sql("UPDATE items SET scheduled_at = ? WHERE id = ?", (due, aid))
        # on time: the lock is free the moment the killed node's connection closes, and the
        # other node's next pass (INTERVAL s) takes it
        deadline = due + INTERVAL + 3
        published = None
        while time.time() < deadline:
            rows = fx.sql("SELECT published_at FROM items WHERE id = ? AND state = 'published'", (aid,))
            if rows:
                published = rows[0][0]
                break
            time.sleep(0.2)
        took = time.time() - killed
        self.assertIsNotNone(published, "not published within %.1f s of its time" % (deadline - due))
        self.assertEqual(int(published), due, "published at its promised time")
        self.assertIn(title, self.on(other).get("/").text)
        with open(other.log_path, "rb") as f:
            self.assertIn("this node runs the schedule", f.read().decode("utf-8", "replace"))
        print("\n  scheduler take-over: published %.1f s after the kill (due %.1f s after)" % (took, due - killed))
        if holder is fx.server:  # the fixture's clients follow a server that runs
            holder.start()
            fx.port = holder.port


if __name__ == "__main__":
    unittest.main()
