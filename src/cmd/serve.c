/* serve.c — `cong serve`: load templates and messages once, then serve until a signal. */
#include "cmd.h"
#include "base/locale.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"
#include "http/http.h"
#include "http/ratelimit.h"
#include "http/cache.h"
#include "jobs/reindex.h"
#include "jobs/scheduler.h"
#include "render/mustache.h"
#include "web/web.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <gnutls/gnutls.h>
#include <netdb.h>
#include <sodium.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/banned.h"

/* The whole file as a NUL-terminated string (malloc'd), or NULL. */
static char *file_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct sb b = SB_INIT;
	char buf[4096];
	size_t n;
	if (!f)
		return NULL;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_add(&b, buf, n);
	fclose(f);
	return sb_detach(&b, len);
}

/* SIGHUP (http_serve): the templates and messages of app->root again, put in service whole or
 * not at all. Settings need no reload: they are read from the database when used. */
static int serve_reload(struct app *app)
{
	char err[512];
	struct sb p = SB_INIT;
	struct mus_set *tpl = mus_set_new();
	sb_addf(&p, "%s/templates", app->root);
	if (mus_set_load_dir(tpl, p.buf, err, sizeof(err))) {
		log_error("reload: templates: %s", err);
		mus_set_free(tpl);
		sb_release(&p);
		return -1;
	}
	json_t *locale = locale_load(app->root, err, sizeof(err));
	if (!locale) {
		log_error("reload: %s", err);
		mus_set_free(tpl);
		sb_release(&p);
		return -1;
	}
	sb_release(&p);
	http_swap(app, tpl, locale);
	return 0;
}

/* What the options parsed so far allocated (a refused option returns before the end). */
static void args_free(struct app *app)
{
	free(app->data_dir);
	for (size_t i = 0; i < app->ntrusted_proxies; i++)
		free(app->trusted_proxies[i]);
	free(app->trusted_proxies);
}

/* ---- argument checks: each refusal is one sentence naming the option and what it wants ---- */

int serve_listen_check(const char *listen, char *why, size_t n)
{
	char host[256];
	const char *port;
	if (listen[0] == '[') {
		const char *end = strchr(listen, ']');
		if (!end || end[1] != ':' || (size_t)(end - listen - 1) >= sizeof(host)) {
			snprintf(why, n, "an IPv6 address is written [ADDR]:PORT, e.g. [::1]:8080");
			return -1;
		}
		memcpy(host, listen + 1, (size_t)(end - listen - 1));
		host[end - listen - 1] = '\0';
		port = end + 2;
	} else {
		const char *colon = strrchr(listen, ':');
		if (!colon || (size_t)(colon - listen) >= sizeof(host)) {
			snprintf(why, n, "thiếu cổng (port): use ADDR:PORT, e.g. 127.0.0.1:8080");
			return -1;
		}
		memcpy(host, listen, (size_t)(colon - listen));
		host[colon - listen] = '\0';
		port = colon + 1;
	}
	if (!*host) {
		snprintf(why, n, "thiếu địa chỉ (host): use ADDR:PORT, e.g. 127.0.0.1:8080, or 0.0.0.0:PORT / [::]:PORT for every address");
		return -1;
	}
	int64_t p;
	if (parse_i64(port, 1, 65535, &p)) {
		snprintf(why, n, "cổng (port) '%s' không hợp lệ: a number from 1 to 65535", port);
		return -1;
	}
	struct addrinfo hints = { 0 }, *res = NULL;
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	int rc = getaddrinfo(host, port, &hints, &res);
	if (rc || !res) {
		snprintf(why, n, "địa chỉ '%s' không dùng được: %s", host, gai_strerror(rc));
		return -1;
	}
	freeaddrinfo(res);
	return 0;
}

char *serve_proxy_address(const char *s)
{
	unsigned char bin[sizeof(struct in6_addr)];
	char out[INET6_ADDRSTRLEN];
	int af = strchr(s, ':') ? AF_INET6 : AF_INET;
	if (inet_pton(af, s, bin) != 1 || !inet_ntop(af, bin, out, sizeof(out)))
		return NULL;
	return xstrdup(out);
}

/* The certificate chain and the key: readable, PEM, and the key is the certificate's
 * (GnuTLS, which libmicrohttpd serves HTTPS with, says which). 0 or a message in WHY. */
static int tls_check(const char *cert_path, const char *cert, const char *key_path, const char *key, char *why,
		     size_t n)
{
	gnutls_certificate_credentials_t cred;
	if (gnutls_certificate_allocate_credentials(&cred) != GNUTLS_E_SUCCESS) {
		snprintf(why, n, "GnuTLS cannot start");
		return -1;
	}
	gnutls_datum_t c = { (unsigned char *)(uintptr_t)cert, (unsigned)strlen(cert) };
	gnutls_datum_t k = { (unsigned char *)(uintptr_t)key, (unsigned)strlen(key) };
	int rc = gnutls_certificate_set_x509_key_mem(cred, &c, &k, GNUTLS_X509_FMT_PEM);
	gnutls_certificate_free_credentials(cred);
	if (rc < 0) {
		snprintf(why, n, "%s / %s: chứng thư hoặc khoá TLS không hợp lệ (%s): PEM files, the key matching the certificate",
			 cert_path, key_path, gnutls_strerror(rc));
		return -1;
	}
	return 0;
}

static const char serve_usage[] =
	"usage: cong serve --data DIR [--listen ADDR:PORT] [--domain BASE] [--threads N]\n"
	"                  [--max-body BYTES] [--quiet] [--scheduler-interval SECONDS]\n"
	"                  [--tls-cert FILE --tls-key FILE] [--trust-proxy ADDR]... [--rate-limit-scale N]\n"
	"\n"
	"Serves the main portal and every component site of DIR. The site is chosen by the Host\n"
	"header: BASE and www.BASE for the main portal, <slug>.BASE for a component site, or an extra\n"
	"domain a site lists. Stops cleanly on SIGINT or SIGTERM; SIGHUP loads the templates and\n"
	"messages again without closing a connection.\n"
	"\n"
	"  --listen ADDR:PORT  address to listen on (default 127.0.0.1:8080; IPv6: [::]:8080)\n"
	"  --domain BASE       base domain (default: the one stored by init)\n"
	"  --threads N         worker threads, each with its own database connection (default: cores)\n"
	"  --max-body BYTES    largest request body accepted, else 413 (default 24 MiB: attachments up to 20 MB)\n"
	"  --quiet             no access log\n"
	"  --tls-cert FILE --tls-key FILE\n"
	"                      serve HTTPS directly (PEM files); cookies become Secure, HSTS is sent\n"
	"  --trust-proxy ADDR  believe X-Forwarded-For/-Proto from this proxy address (repeatable)\n"
	"  --rate-limit-scale N  multiply the per-address rate limits by N (tests, load benchmarks)\n"
	"  --cache-mb N        memory for the page cache of public pages (default 64; 0: off)\n"
	"  --slow-sql MS       log every database statement slower than MS milliseconds, with its SQL\n"
	"                      (never the values; default 200; 0: off)\n"
	"  --timeout SECONDS   a connection idle this long is closed: slow clients cannot hold workers\n"
	"                      (default 30)\n"
	"  --scheduler-interval SECONDS\n"
	"                      how often scheduled items are published when due (default 5)\n"
	"  --max-connections N connections open at once (default 16384, bounded by the open-files limit:\n"
	"                      LimitNOFILE in systemd); more are answered 503 at once\n"
	"  --per-address N     connections open at once from one address (default 128); more: 429\n"
	"  --header-timeout SECONDS\n"
	"                      total time for a request's headers, and for an idle keep-alive connection\n"
	"                      (default 20; 2 while more than 3/4 of the connections are in use)\n"
	"  --min-body-rate BYTES\n"
	"                      bytes a second a request body must keep up after 5 s (default 1024)\n"
	"  --log-format text|json\n"
	"                      the log on stderr: text lines (default) or one JSON object a line\n";

int cmd_serve(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' },     { "listen", required_argument, NULL, 'l' },
		{ "domain", required_argument, NULL, 'D' },   { "threads", required_argument, NULL, 't' },
		{ "max-body", required_argument, NULL, 'm' }, { "quiet", no_argument, NULL, 'q' },
		{ "scheduler-interval", required_argument, NULL, 's' },
		{ "tls-cert", required_argument, NULL, 'C' }, { "tls-key", required_argument, NULL, 'K' },
		{ "trust-proxy", required_argument, NULL, 'P' },
		{ "rate-limit-scale", required_argument, NULL, 'R' },
		{ "cache-mb", required_argument, NULL, 'M' },
		{ "timeout", required_argument, NULL, 'T' },
		{ "slow-sql", required_argument, NULL, 'S' },
		{ "max-connections", required_argument, NULL, 1001 },
		{ "per-address", required_argument, NULL, 1002 },
		{ "header-timeout", required_argument, NULL, 1003 },
		{ "min-body-rate", required_argument, NULL, 1004 },
		{ "log-format", required_argument, NULL, 1005 },
		{ "help", no_argument, NULL, 'h' },           { 0 }
	};
	struct app app = { 0 };
	const char *listen = "127.0.0.1:8080", *domain = NULL;
	int64_t threads = sysconf(_SC_NPROCESSORS_ONLN), max_body = 24 << 20, sched_interval = 5;
	char err[512];
	const char *tls_cert = NULL, *tls_key = NULL;
	int64_t rl_scale = 1, cache_mb = 64, timeout = 30, slow_ms = 200;
	int c, rc = 1;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': app.data_dir = xstrdup(optarg); break;
		case 'l': listen = optarg; break;
		case 'D': domain = optarg; break;
		case 't':
			if (parse_i64(optarg, 1, 256, &threads)) {
				fprintf(stderr, "cong serve: --threads must be 1..256\n");
				return 2;
			}
			break;
		case 'm':
			if (parse_i64(optarg, 1024, (int64_t)1 << 32, &max_body)) {
				fprintf(stderr, "cong serve: --max-body must be 1024..4294967296\n");
				return 2;
			}
			break;
		case 'q': app.quiet = 1; break;
		case 'C': tls_cert = optarg; break;
		case 'K': tls_key = optarg; break;
		case 'P': {
			char *addr = serve_proxy_address(optarg);
			if (!addr) {
				fprintf(stderr, "cong serve: --trust-proxy %s: địa chỉ proxy không hợp lệ; give the proxy's IP"
						" address, e.g. 127.0.0.1 or ::1 (one a flag, no names, no networks)\n", optarg);
				rc = 2;
				goto out;
			}
			app.trusted_proxies = xrealloc(app.trusted_proxies, st_mult(app.ntrusted_proxies + 1, sizeof(char *)));
			app.trusted_proxies[app.ntrusted_proxies++] = addr;
			break;
		}
		case 'T':
			if (parse_i64(optarg, 1, 3600, &timeout)) {
				fprintf(stderr, "cong serve: --timeout must be 1..3600 seconds\n");
				return 2;
			}
			break;
		case 'M':
			if (parse_i64(optarg, 0, 65536, &cache_mb)) {
				fprintf(stderr, "cong serve: --cache-mb must be 0..65536 (0: no page cache)\n");
				return 2;
			}
			break;
		case 'S':
			if (parse_i64(optarg, 0, 3600000, &slow_ms)) {
				fprintf(stderr, "cong serve: --slow-sql must be 0..3600000 milliseconds\n");
				return 2;
			}
			break;
		case 'R':
			if (parse_i64(optarg, 1, 1000, &rl_scale)) {
				fprintf(stderr, "cong serve: --rate-limit-scale must be 1..1000\n");
				return 2;
			}
			break;
		case 's':
			if (parse_i64(optarg, 1, 3600, &sched_interval)) {
				fprintf(stderr, "cong serve: --scheduler-interval must be 1..3600 seconds\n");
				return 2;
			}
			break;
		case 1001:
		case 1002:
		case 1003:
		case 1004: {
			/* overload limits (http/guard.h) */
			static const struct {
				const char *name;
				int64_t min, max;
			} lim[] = { { "--max-connections", 16, 1 << 20 }, { "--per-address", 1, 1 << 20 },
				    { "--header-timeout", 1, 3600 }, { "--min-body-rate", 1, 1 << 30 } };
			int64_t v;
			if (parse_i64(optarg, lim[c - 1001].min, lim[c - 1001].max, &v)) {
				fprintf(stderr, "cong serve: %s must be %lld..%lld\n", lim[c - 1001].name,
					(long long)lim[c - 1001].min, (long long)lim[c - 1001].max);
				args_free(&app);
				return 2;
			}
			unsigned *dst[] = { &app.max_conns, &app.per_address, &app.header_secs, &app.min_body_rate };
			*dst[c - 1001] = (unsigned)v;
			break;
		}
		case 1005:
			if (strcmp(optarg, "json") != 0 && strcmp(optarg, "text") != 0) {
				fprintf(stderr, "cong serve: --log-format must be text or json\n");
				args_free(&app);
				return 2;
			}
			log_set_json(strcmp(optarg, "json") == 0);
			break;
		case 'h': fputs(serve_usage, stdout); return 0;
		default: fputs(serve_usage, stderr); return 2;
		}
	}
	if (!app.data_dir) {
		fputs(serve_usage, stderr);
		rc = 2;
		goto out;
	}
	if (serve_listen_check(listen, err, sizeof(err))) {
		fprintf(stderr, "cong serve: --listen %s: %s\n", listen, err);
		rc = 2;
		goto out;
	}
	if (threads < 2)
		threads = 2;
	ratelimit_scale((unsigned)rl_scale);
	cache_init((size_t)cache_mb << 20);
	db_slow_log(slow_ms);
	app.timeout = (unsigned)timeout;
	if (!!tls_cert != !!tls_key) {
		fprintf(stderr, "cong serve: --tls-cert and --tls-key go together\n");
		rc = 2;
		goto out;
	}
	if (tls_cert) {
		size_t n;
		const char *bad = NULL;
		if (!(app.tls_cert = file_read(tls_cert, &n)))
			bad = tls_cert;
		else if (!(app.tls_key = file_read(tls_key, &n)))
			bad = tls_key;
		if (bad) {
			fprintf(stderr, "cong serve: không đọc được tệp TLS %s: %s\n", bad, strerror(errno));
			rc = 2;
			goto out;
		}
		if (tls_check(tls_cert, app.tls_cert, tls_key, app.tls_key, err, sizeof(err))) {
			fprintf(stderr, "cong serve: %s\n", err);
			rc = 2;
			goto out;
		}
		app.tls = 1;
	}
	app.max_body = (size_t)max_body;

	/* the schema is brought up to date before any worker opens a connection */
	struct db *db = data_open(app.data_dir);
	if (!db)
		goto out;
	char *stored = db_setting_get(db, "base_domain");
	app.base_domain = xstrdup(domain ? domain : stored ? stored : "localhost");
	free(stored);
	int has_main = site_main_exists(db);
	db_close(db);
	if (!has_main) {
		fprintf(stderr, "cong serve: %s has no main site; run: cong init --data %s\n", app.data_dir, app.data_dir);
		goto out;
	}
	app.root = app_root_find();
	if (!app.root) {
		fprintf(stderr, "cong serve: templates not found; set CONG_ROOT to the folder holding templates/\n");
		goto out;
	}
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/templates", app.root);
	app.tpl = mus_set_new();
	if (mus_set_load_dir(app.tpl, p.buf, err, sizeof(err))) {
		fprintf(stderr, "cong serve: templates: %s\n", err);
		sb_release(&p);
		goto out;
	}
	app.locale = locale_load(app.root, err, sizeof(err));
	if (!app.locale) {
		fprintf(stderr, "cong serve: %s\n", err);
		sb_release(&p);
		goto out;
	}
	sb_release(&p);
	web_error_page = web_error;
	web_route_gate = admin_gate;
	char *dbpath = data_db_path(app.data_dir);
	db_thread_init(dbpath);
	totp_set_key_dir(app.data_dir); /* DATA/secret.key seals the two-factor secrets */
	/* block SIGINT/SIGTERM before any thread starts, so that only http_serve's sigwait sees them */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	app.reload = serve_reload;
	struct scheduler *sched = scheduler_start(dbpath, app.data_dir, (unsigned)sched_interval);
	if (!sched)
		log_warn("serve: the scheduler could not start; scheduled items wait for the next start");
	scheduler_set_texts(sched, (struct json_t *const *)&app.locale); /* the subscriptions' mail */
	struct reindexer *reindex = reindex_start_if_needed(dbpath);
	/* PostgreSQL: other nodes' changes heard at once, so cached pages need not ask (db.h) */
	if (cache_mb > 0 && db_watch_start(dbpath))
		log_warn("serve: cannot start listening for change notices; every cached page asks the database");
	rc = http_serve(&app, listen, (unsigned)threads) ? 1 : 0;
	db_watch_stop();
	reindex_stop(reindex);
	scheduler_stop(sched);
	free(dbpath);
out:
	if (app.tpl)
		mus_set_free(app.tpl);
	json_decref(app.locale);
	free(app.root);
	free(app.base_domain);
	free(app.data_dir);
	if (app.tls_key)
		sodium_memzero(app.tls_key, strlen(app.tls_key));
	free(app.tls_key);
	free(app.tls_cert);
	for (size_t i = 0; i < app.ntrusted_proxies; i++)
		free(app.trusted_proxies[i]);
	free(app.trusted_proxies);
	return rc;
}
