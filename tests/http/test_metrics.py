"""Running 24/7 (issue #12): /metrics for Prometheus (who may read it, what it counts) and the
health check that queries the database (503 when it fails)."""
import re
import time

from conglib import BASE, Client, CongTest, host_of, module_fixture

setUpModule, tearDownModule = module_fixture()


def metric(text, name, labels=None):
    """The value of NAME{LABELS} in a Prometheus text answer, or None."""
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        m = re.match(r"^([a-z_]+)(\{[^}]*\})? (\S+)$", line)
        if not m or m.group(1) != name:
            continue
        got = dict(re.findall(r'(\w+)="([^"]*)"', m.group(2) or ""))
        if labels is None or all(got.get(k) == v for k, v in labels.items()):
            return float(m.group(3))
    return None


class Metrics(CongTest):
    def scrape(self, headers=None):
        return Client(self.fx.server, host_of(None)).get("/metrics", headers=headers)

    def test_counts_requests_cache_and_connections(self):
        before = self.scrape()
        self.expect(before, 200, "/metrics from the loopback")
        self.assertTrue(before.ctype.startswith("text/plain; version=0.0.4"), before.ctype)
        n0 = metric(before.text, "cong_http_requests_total", {"class": "public", "status": "200"}) or 0
        h0 = metric(before.text, "cong_cache_hits_total") or 0
        c = self.fx.client("snv")
        for _ in range(3):
            self.expect(c.get("/"), 200)
        self.expect(c.get("/khong-co-trang-nay"), 404)
        after = self.scrape().text
        self.assertEqual(metric(after, "cong_http_requests_total", {"class": "public", "status": "200"}), n0 + 3)
        self.assertGreaterEqual(metric(after, "cong_http_requests_total", {"class": "public", "status": "404"}), 1)
        self.assertGreaterEqual(metric(after, "cong_cache_hits_total"), h0 + 2, "two of three home pages from the cache")
        for name in ("cong_cache_misses_total", "cong_db_seconds_total", "cong_db_statements_total",
                     "cong_connections_open", "cong_scheduler_items_waiting", "cong_start_time_seconds"):
            self.assertIsNotNone(metric(after, name), "no %s" % name)
        self.assertGreaterEqual(metric(after, "cong_connections_open"), 1, "the scrape's own connection")
        self.assertGreater(metric(after, "cong_db_statements_total"), 0)
        count = metric(after, "cong_http_request_duration_seconds_count", {"class": "public"})
        inf = metric(after, "cong_http_request_duration_seconds_bucket", {"class": "public", "le": "+Inf"})
        self.assertEqual(count, inf, "the histogram's +Inf bucket is its count")
        self.assertIsNotNone(metric(after, "cong_connections_refused_total", {"reason": "address"}))

    def test_not_public(self):
        r = self.scrape({"X-Forwarded-For": "203.0.113.7"})
        self.expect(r, 404, "/metrics through a proxy (X-Forwarded-For) without a token")
        self.assertNotIn("cong_http_requests_total", r.text)
        self.fx.set_setting("metrics_token", "mot-ma-bi-mat-du-dai-0123456789")
        try:
            r = self.scrape({"X-Forwarded-For": "203.0.113.7", "Authorization": "Bearer mot-ma-bi-mat-du-dai-0123456789"})
            self.expect(r, 200, "with the token of the setting metrics_token")
            self.assertIn("cong_http_requests_total", r.text)
            r = self.scrape({"X-Forwarded-For": "203.0.113.7", "Authorization": "Bearer mot-ma-bi-mat-du-dai-012345678X"})
            self.expect(r, 404, "a wrong token")
        finally:
            self.fx.set_setting("metrics_token", "")

    def test_backup_age(self):
        self.assertEqual(metric(self.scrape().text, "cong_backup_age_seconds"), -1, "no backup yet: -1")
        now = int(time.time())
        self.fx.sql("INSERT INTO backups (name, trigger, started_at, finished_at, ok) VALUES "
                    "('a', 'cli', ?, ?, 1), ('b', 'cli', ?, NULL, 0)", (now - 4000, now - 3600, now - 10))
        age = metric(self.scrape().text, "cong_backup_age_seconds")
        # counted from the newest good backup's start: its snapshot is the data as of then
        self.assertTrue(3990 <= age <= 4100, "the newest good backup started 4,000 s ago: %s" % age)


class Health(CongTest):
    def test_health_queries_the_database(self):
        c = Client(self.fx.server, host_of(None))
        r = self.expect(c.get("/healthz"), 200)
        self.assertIn('"ok"', r.text)
        self.fx.sql("ALTER TABLE schema_migrations RENAME TO schema_migrations_hidden")
        try:
            r = c.get("/healthz")
            self.assertEqual(r.status, 503, "the health check answered %d with its table gone" % r.status)
        finally:
            self.fx.sql("ALTER TABLE schema_migrations_hidden RENAME TO schema_migrations")
        self.expect(c.get("/healthz"), 200, "back when the database is")
