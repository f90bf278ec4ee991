/* metrics.c — Prometheus counters (metrics.h). Counters are atomics indexed by route class and
 * status, written by the workers as they answer; /metrics reads them without a lock. */
#include "metrics.h"
#include "http.h"
#include "http/cache.h"
#include "http/guard.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"
#include "model/backups.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <sodium.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "base/banned.h"

enum { CL_PAGE, CL_ADMIN, CL_STATIC, CL_SYSTEM, NCLASS };
static const char *class_names[NCLASS] = { "public", "admin", "static", "system" };
/* seconds */
static const double bounds[] = { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5 };
#define NB (sizeof(bounds) / sizeof(bounds[0]))

static atomic_ullong by_status[NCLASS][600];
static atomic_ullong hist[NCLASS][NB + 1];
static atomic_ullong sum_ns[NCLASS];
static int64_t started_at = 0;

void metrics_start(void)
{
	started_at = time_now();
}

int64_t metrics_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int class_of(const char *path)
{
	if (!path)
		return CL_SYSTEM;
	if (strncmp(path, "/quan-tri/", 10) == 0 || strcmp(path, "/quan-tri") == 0)
		return CL_ADMIN;
	if (strncmp(path, "/static/", 8) == 0 || strncmp(path, "/media/", 7) == 0 || strncmp(path, "/tep/", 5) == 0 ||
	    strcmp(path, "/favicon.ico") == 0)
		return CL_STATIC;
	if (strcmp(path, "/healthz") == 0 || strcmp(path, "/metrics") == 0 || strcmp(path, "/robots.txt") == 0)
		return CL_SYSTEM;
	return CL_PAGE;
}

void metrics_request(const char *path, int status, int64_t ns)
{
	int c = class_of(path);
	if (status < 100 || status > 599)
		status = 599;
	atomic_fetch_add_explicit(&by_status[c][status], 1, memory_order_relaxed);
	size_t b = 0;
	while (b < NB && (double)ns / 1e9 > bounds[b])
		b++;
	atomic_fetch_add_explicit(&hist[c][b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&sum_ns[c], (unsigned long long)(ns > 0 ? ns : 0), memory_order_relaxed);
}

static int loopback(const char *a)
{
	unsigned char bin[16];
	if (inet_pton(AF_INET, a, bin) == 1)
		return bin[0] == 127;
	if (inet_pton(AF_INET6, a, bin) == 1) {
		static const unsigned char one[16] = { [15] = 1 };
		static const unsigned char v4mapped[12] = { [10] = 0xff, [11] = 0xff };
		return memcmp(bin, one, 16) == 0 || (memcmp(bin, v4mapped, 12) == 0 && bin[12] == 127);
	}
	return 0;
}

static int allowed(struct req *r)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char peer[INET6_ADDRSTRLEN] = "";
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, peer, sizeof(peer));
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, peer, sizeof(peer));
	}
	int forwarded = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "X-Forwarded-For") ||
			MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Forwarded");
	if (loopback(peer) && !forwarded)
		return 1;
	const char *auth = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	if (!auth || strncmp(auth, "Bearer ", 7) != 0)
		return 0;
	char *token = db_setting_get(r->db, "metrics_token");
	const char *given = auth + 7;
	/* a token of at least 16 characters, compared in constant time */
	int ok = token && strlen(token) >= 16 && strlen(given) == strlen(token) &&
		 sodium_memcmp(token, given, strlen(token)) == 0;
	free(token);
	return ok;
}

static void counter(struct sb *b, const char *name, const char *help, const char *type, double v)
{
	sb_addf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
	if (v == (double)(int64_t)v)
		sb_addf(b, "%s %lld\n", name, (long long)v);
	else
		sb_addf(b, "%s %.9g\n", name, v);
}

/* The newest good backup (model/backups.h): seconds since it started, or -1 when there is none. */
static double backup_age(struct db *db)
{
	int64_t at = backup_last_ok(db);
	return at > 0 ? (double)(time_now() - at) : -1;
}

void page_metrics(struct req *r)
{
	struct sb b = SB_INIT;
	if (!allowed(r)) {
		resp_error(r, 404, "not_found");
		return;
	}
	sb_adds(&b, "# HELP cong_http_requests_total Requests answered, by route class and status.\n"
		    "# TYPE cong_http_requests_total counter\n");
	for (int c = 0; c < NCLASS; c++)
		for (int s = 100; s < 600; s++) {
			unsigned long long n = atomic_load_explicit(&by_status[c][s], memory_order_relaxed);
			if (n)
				sb_addf(&b, "cong_http_requests_total{class=\"%s\",status=\"%d\"} %llu\n", class_names[c], s, n);
		}
	sb_adds(&b, "# HELP cong_http_request_duration_seconds Time from the request's headers to its answer queued.\n"
		    "# TYPE cong_http_request_duration_seconds histogram\n");
	for (int c = 0; c < NCLASS; c++) {
		unsigned long long cum = 0;
		for (size_t i = 0; i <= NB; i++) {
			cum += atomic_load_explicit(&hist[c][i], memory_order_relaxed);
			if (i < NB)
				sb_addf(&b, "cong_http_request_duration_seconds_bucket{class=\"%s\",le=\"%g\"} %llu\n",
					class_names[c], bounds[i], cum);
			else
				sb_addf(&b, "cong_http_request_duration_seconds_bucket{class=\"%s\",le=\"+Inf\"} %llu\n",
					class_names[c], cum);
		}
		sb_addf(&b, "cong_http_request_duration_seconds_sum{class=\"%s\"} %.9f\n", class_names[c],
			(double)atomic_load(&sum_ns[c]) / 1e9);
		sb_addf(&b, "cong_http_request_duration_seconds_count{class=\"%s\"} %llu\n", class_names[c], cum);
	}
	uint64_t hits, known, misses;
	size_t bytes, entries;
	cache_stats(&hits, &known, &misses, &bytes, &entries);
	counter(&b, "cong_cache_hits_total", "Public pages served from the page cache.", "counter", (double)hits);
	counter(&b, "cong_cache_known_hits_total",
		"Of those, pages known current from the change notices without asking the database (PostgreSQL).",
		"counter", (double)known);
	counter(&b, "cong_cache_misses_total", "Cacheable pages rendered because the cache had none.", "counter",
		(double)misses);
	counter(&b, "cong_cache_bytes", "Bytes held by the page cache.", "gauge", (double)bytes);
	counter(&b, "cong_cache_entries", "Pages held by the page cache.", "gauge", (double)entries);
	uint64_t db_ns, db_n;
	db_time_total(&db_ns, &db_n);
	counter(&b, "cong_db_seconds_total", "Time spent running database statements (every connection).", "counter",
		(double)db_ns / 1e9);
	counter(&b, "cong_db_statements_total", "Database statements run.", "counter", (double)db_n);
	struct guard_stats gs;
	guard_get_stats(&gs);
	counter(&b, "cong_connections_open", "Client connections open now.", "gauge", (double)gs.open);
	counter(&b, "cong_connections_peak", "Most client connections open at once since start.", "gauge", (double)gs.peak);
	sb_addf(&b, "# HELP cong_connections_refused_total Connections answered 503 (server full) or 429 (address "
		    "at its limit) and closed.\n# TYPE cong_connections_refused_total counter\n"
		    "cong_connections_refused_total{reason=\"full\"} %llu\ncong_connections_refused_total{reason=\"address\"} "
		    "%llu\n",
		(unsigned long long)gs.refused_full, (unsigned long long)gs.refused_address);
	sb_addf(&b, "# HELP cong_connections_cut_total Slow connections closed: headers not complete in time, body "
		    "under the minimum rate.\n# TYPE cong_connections_cut_total counter\n"
		    "cong_connections_cut_total{reason=\"headers\"} %llu\ncong_connections_cut_total{reason=\"body\"} %llu\n",
		(unsigned long long)gs.cut_headers, (unsigned long long)gs.cut_body);
	counter(&b, "cong_backup_age_seconds", "Seconds since the newest good backup finished; -1: no backup yet.", "gauge",
		backup_age(r->db));
	int64_t n_waiting, oldest;
	double waiting = 0, overdue = 0;
	if (article_scheduled_waiting(r->db, &n_waiting, &oldest) == 0) {
		waiting = (double)n_waiting;
		if (oldest && oldest < time_now())
			overdue = (double)(time_now() - oldest);
	}
	counter(&b, "cong_scheduler_items_waiting", "Items scheduled for publication, not yet published.", "gauge", waiting);
	counter(&b, "cong_scheduler_overdue_seconds",
		"How late the oldest scheduled item is (0: none due; more than a few seconds: the scheduler is stuck).",
		"gauge", overdue);
	counter(&b, "cong_start_time_seconds", "When this server started (Unix time).", "gauge",
		(double)started_at);
	resp_header(r, "Cache-Control", "no-store");
	resp_bytes(r, 200, "text/plain; version=0.0.4; charset=utf-8", b.buf, b.len);
	sb_release(&b);
}
