/* links.c — links to other portals: the kind's check, the dead-link check with libcurl and its
 * results (links.h, docs/links.md). */
#include "internal.h"
#include "links.h"
#include "kind.h"
#include "db/db.h"
#include "base/util.h"
#include "base/log.h"

#include <curl/curl.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "base/banned.h"

#define RECHECK_AFTER (20 * 3600) /* a daily check: a link checked 20 hours ago is due again */
#define GET_MAX (64 * 1024)       /* bytes of a GET's body read before it is cut off */

/* ---- the kind's check ---- */

void link_fields_check(const struct kind *k, json_t *fields, struct errs *e)
{
	(void)k;
	const char *u = json_string_value(json_object_get(fields, "dia_chi"));
	if (!u || !*u)
		return; /* "required" said it */
	CURLU *h = curl_url();
	char *scheme = NULL, *host = NULL, *user = NULL, *pw = NULL;
	if (!h)
		return;
	if ((strncasecmp(u, "http://", 7) != 0 && strncasecmp(u, "https://", 8) != 0) ||
	    curl_url_set(h, CURLUPART_URL, u, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
	    curl_url_get(h, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0) ||
	    curl_url_get(h, CURLUPART_HOST, &host, 0) != CURLUE_OK || !*host || strchr(u, ' ')) {
		errs_add(e, "dia_chi", "link_url_invalid");
	} else if (curl_url_get(h, CURLUPART_USER, &user, 0) == CURLUE_OK ||
		   curl_url_get(h, CURLUPART_PASSWORD, &pw, 0) == CURLUE_OK) {
		errs_add(e, "dia_chi", "link_url_credentials");
	}
	curl_free(scheme);
	curl_free(host);
	curl_free(user);
	curl_free(pw);
	curl_url_cleanup(h);
}

/* ---- which addresses may be reached ---- */

static int v4_blocked(uint32_t a) /* host order */
{
	static const struct {
		uint32_t net;
		int bits;
	} nets[] = {
		{ 0x00000000, 8 },  /* "this" network */
		{ 0x0a000000, 8 },  /* private */
		{ 0x64400000, 10 }, /* carrier-grade NAT */
		{ 0x7f000000, 8 },  /* loopback */
		{ 0xa9fe0000, 16 }, /* link-local (cloud metadata) */
		{ 0xac100000, 12 }, /* private */
		{ 0xc0000000, 24 }, /* IETF protocol assignments */
		{ 0xc0000200, 24 }, /* documentation */
		{ 0xc0a80000, 16 }, /* private */
		{ 0xc6120000, 15 }, /* benchmarking */
		{ 0xc6336400, 24 }, /* documentation */
		{ 0xcb007100, 24 }, /* documentation */
		{ 0xe0000000, 4 },  /* multicast */
		{ 0xf0000000, 4 },  /* reserved, broadcast */
	};
	for (size_t i = 0; i < sizeof(nets) / sizeof(nets[0]); i++)
		if ((a & (0xffffffffu << (32 - nets[i].bits))) == nets[i].net)
			return 1;
	return 0;
}

int link_addr_blocked(const struct sockaddr *sa)
{
	if (!sa)
		return 1;
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *s4 = (const struct sockaddr_in *)(const void *)sa;
		return v4_blocked(ntohl(s4->sin_addr.s_addr));
	}
	if (sa->sa_family != AF_INET6)
		return 1; /* nothing but IP */
	const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)(const void *)sa;
	const unsigned char *b = s6->sin6_addr.s6_addr;
	static const unsigned char zero[16];
	if (memcmp(b, zero, 15) == 0 && (b[15] == 0 || b[15] == 1))
		return 1; /* :: and ::1 */
	if ((b[0] & 0xfe) == 0xfc || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) || b[0] == 0xff)
		return 1; /* unique local, link-local, multicast */
	if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)
		return 1; /* site-local (deprecated) */
	if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
		return 1; /* documentation */
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	static const unsigned char nat64[12] = { 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };
	if (memcmp(b, mapped, 12) == 0 || memcmp(b, nat64, 12) == 0 || memcmp(b, zero, 12) == 0) {
		uint32_t a = (uint32_t)b[12] << 24 | (uint32_t)b[13] << 16 | (uint32_t)b[14] << 8 | b[15];
		return v4_blocked(a);
	}
	return 0;
}

/* ---- one check ---- */

void link_check_opts_read(struct db *db, struct link_check_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->timeout = 15;
	o->max_redirects = 5;
	char *v = db_setting_get(db, "links_allow_private");
	o->allow_private = v && strcmp(v, "1") == 0;
	free(v);
	int64_t n;
	v = db_setting_get(db, "links_timeout");
	if (v && !parse_i64(v, 1, 120, &n))
		o->timeout = (long)n;
	free(v);
	v = db_setting_get(db, "links_max_redirects");
	if (v && !parse_i64(v, 0, 20, &n))
		o->max_redirects = (long)n;
	free(v);
}

struct probe {
	const struct link_check_opts *o;
	int allow_private;
	int blocked; /* a connection was refused because of its address */
	size_t got;
};

static curl_socket_t probe_open(void *arg, curlsocktype purpose, struct curl_sockaddr *addr)
{
	struct probe *p = arg;
	(void)purpose;
	if (!p->allow_private && link_addr_blocked(&addr->addr)) {
		p->blocked = 1;
		return CURL_SOCKET_BAD;
	}
	return socket(addr->family, addr->socktype | SOCK_CLOEXEC, addr->protocol);
}

static size_t probe_write(char *data, size_t size, size_t n, void *arg)
{
	struct probe *p = arg;
	(void)data;
	p->got += size * n;
	return p->got > GET_MAX ? 0 : size * n; /* enough: the status is known */
}

/* libcurl's progress callback: a stop asked (the server shutting down) ends the transfer now. */
static int probe_progress(void *arg, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	struct probe *p = arg;
	(void)dt, (void)dn, (void)ut, (void)un;
	return p->o->stop && p->o->stop(p->o->arg);
}

/* One request; the curl code, the final status in *STATUS. */
static CURLcode probe_once(CURL *c, struct probe *p, int head, long *status)
{
	p->got = 0;
	curl_easy_setopt(c, CURLOPT_NOBODY, head ? 1L : 0L);
	if (!head)
		curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	CURLcode rc = curl_easy_perform(c);
	*status = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
	if (rc == CURLE_WRITE_ERROR && *status > 0)
		rc = CURLE_OK; /* we cut the body off ourselves */
	return rc;
}

void link_probe(const char *url, const struct link_check_opts *o, struct link_result *out)
{
	memset(out, 0, sizeof(*out));
	out->error = "link_err_other";
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(out->detail, sizeof(out->detail), "libcurl could not start");
		return;
	}
	struct probe p = { .o = o, .allow_private = o->allow_private };
	char errbuf[CURL_ERROR_SIZE] = "";
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, o->max_redirects);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, o->timeout > 0 ? o->timeout : 15L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, o->timeout > 0 && o->timeout < 10 ? o->timeout : 10L);
	curl_easy_setopt(c, CURLOPT_PROXY, ""); /* never through a proxy of the environment */
	curl_easy_setopt(c, CURLOPT_USERAGENT, "Cong-LinkCheck/1.0 (kiem tra lien ket cong thong tin)");
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, probe_open);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &p);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, probe_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &p);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, probe_progress);
	curl_easy_setopt(c, CURLOPT_XFERINFODATA, &p);
	long status = 0;
	CURLcode rc = probe_once(c, &p, 1, &status);
	/* HEAD refused (405, 501) — or answered wrongly by servers that only know GET: ask again */
	if (rc == CURLE_OK && status >= 400) {
		errbuf[0] = 0;
		rc = probe_once(c, &p, 0, &status);
	}
	out->status = status;
	if (rc == CURLE_OK && status >= 200 && status < 400) {
		out->ok = 1;
		out->error = "";
	} else if (rc == CURLE_OK) {
		out->error = "link_err_status";
		snprintf(out->detail, sizeof(out->detail), "HTTP %ld", status);
	} else {
		switch (rc) {
		case CURLE_OPERATION_TIMEDOUT: out->error = "link_err_timeout"; break;
		case CURLE_COULDNT_RESOLVE_HOST: out->error = "link_err_dns"; break;
		case CURLE_COULDNT_CONNECT: out->error = p.blocked ? "link_err_private" : "link_err_connect"; break;
		case CURLE_TOO_MANY_REDIRECTS: out->error = "link_err_redirects"; break;
		case CURLE_UNSUPPORTED_PROTOCOL: out->error = "link_err_scheme"; break;
		case CURLE_URL_MALFORMAT: out->error = "link_err_url"; break;
		case CURLE_PEER_FAILED_VERIFICATION:
		case CURLE_SSL_CONNECT_ERROR:
		case CURLE_SSL_CERTPROBLEM:
		case CURLE_SSL_CIPHER:
		case CURLE_SSL_CACERT_BADFILE: out->error = "link_err_tls"; break;
		default: out->error = p.blocked ? "link_err_private" : "link_err_other"; break;
		}
		snprintf(out->detail, sizeof(out->detail), "%s", errbuf[0] ? errbuf : curl_easy_strerror(rc));
	}
	curl_easy_cleanup(c);
}

/* ---- runs ---- */

/* The published links (of SITE_ID, 0 all) with their newest check's address and time. */
static json_t *links_with_checks(struct db *db, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT a.id, a.site_id, a.fields, c.url AS checked_url, c.checked_at"
				       " FROM items a LEFT JOIN link_checks c ON c.item_id = a.id"
				       " WHERE a.kind = 'link' AND a.state = 'published' AND (?1 = 0 OR a.site_id = ?1)"
				       " ORDER BY a.id");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	return db_rows_json(st);
}

/* The address of a link row (its fields' text), or NULL. Returns a new string. */
static char *row_url(json_t *row)
{
	const char *ft = json_string_value(json_object_get(row, "fields"));
	json_t *f = ft ? json_loads(ft, 0, NULL) : NULL;
	const char *u = json_string_value(json_object_get(f, "dia_chi"));
	char *out = u && *u ? xstrdup(u) : NULL;
	json_decref(f);
	return out;
}

static int row_due(json_t *row, const char *url, int64_t now)
{
	json_t *at = json_object_get(row, "checked_at");
	const char *was = json_string_value(json_object_get(row, "checked_url"));
	return !json_is_integer(at) || json_integer_value(at) < now - RECHECK_AFTER || !was || strcmp(was, url) != 0;
}

int links_check_due(struct db *db, int64_t now)
{
	json_t *rows = links_with_checks(db, 0);
	if (!rows)
		return -1;
	int due = 0;
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		char *u = row_url(row);
		due = u && row_due(row, u, now);
		free(u);
		if (due)
			break;
	}
	json_decref(rows);
	return due;
}

static int result_write(struct db *db, int64_t item_id, int64_t site_id, const char *url, const struct link_result *res,
			int64_t now)
{
	if (db_begin(db))
		return -1;
	struct db_stmt *st = db_stmt(db,
		"INSERT INTO link_checks (item_id, site_id, url, ok, status, error, detail, fails, checked_at, last_ok_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1 - ?4, ?8, CASE WHEN ?4 = 1 THEN ?8 END)"
		" ON CONFLICT (item_id) DO UPDATE SET site_id = excluded.site_id, url = excluded.url, ok = excluded.ok,"
		" status = excluded.status, error = excluded.error, detail = excluded.detail,"
		" fails = CASE WHEN excluded.ok = 1 THEN 0 WHEN link_checks.url <> excluded.url THEN 1"
		" ELSE link_checks.fails + 1 END,"
		" checked_at = excluded.checked_at,"
		" last_ok_at = CASE WHEN excluded.ok = 1 THEN excluded.checked_at WHEN link_checks.url <> excluded.url"
		" THEN NULL ELSE link_checks.last_ok_at END");
	if (!st) {
		db_rollback(db);
		return -1;
	}
	db_bind_int(st, 1, item_id);
	db_bind_int(st, 2, site_id);
	db_bind_text(st, 3, url);
	db_bind_int(st, 4, res->ok ? 1 : 0);
	db_bind_int(st, 5, res->status);
	db_bind_text(st, 6, res->error);
	db_bind_text(st, 7, res->detail);
	db_bind_int(st, 8, now);
	if (db_step_done(st)) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

int links_check_run(struct db *db, const struct actor *a, int64_t site_id, int due_only, const struct link_check_opts *o,
		    int64_t now, int *checked, int *broken)
{
	int nc = 0, nb = 0, rc = M_OK;
	if (a && (!site_id || actor_level(db, a, site_id) < LVL_EDITOR))
		return M_DENIED;
	json_t *rows = links_with_checks(db, site_id);
	if (!rows)
		return M_ERROR;
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		if (o->stop && o->stop(o->arg))
			break;
		char *u = row_url(row);
		if (!u || (due_only && !row_due(row, u, now))) {
			free(u);
			continue;
		}
		struct link_result res;
		link_probe(u, o, &res);
		if (o->stop && o->stop(o->arg)) { /* cut short: not a result */
			free(u);
			break;
		}
		/* the time of the answer: a slow link's check is not older than it took */
		if (result_write(db, json_integer_value(json_object_get(row, "id")),
				 json_integer_value(json_object_get(row, "site_id")), u, &res, now > time_now() ? now : time_now())) {
			free(u);
			rc = M_ERROR;
			break;
		}
		nc++;
		nb += !res.ok;
		free(u);
	}
	json_decref(rows);
	if (nc) { /* one record of the run, on the main portal */
		char detail[80];
		snprintf(detail, sizeof(detail), "checked=%d broken=%d", nc, nb);
		int64_t main_id = 0;
		db_one_int(db_stmt(db, "SELECT id FROM sites WHERE kind = 'main'"), &main_id);
		if (!db_begin(db)) {
			if (audit_write(db, a ? a : &actor_cli, site_id ? site_id : main_id, "links.check", "", detail))
				db_rollback(db);
			else
				db_commit(db);
		}
	}
	if (checked)
		*checked = nc;
	if (broken)
		*broken = nb;
	return rc;
}

int links_check_request(struct db *db, const struct actor *a, int64_t site_id)
{
	if (actor_level(db, a, site_id) < LVL_EDITOR)
		return M_DENIED;
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "UPDATE link_checks SET checked_at = 0 WHERE site_id = ?");
	if (st)
		db_bind_int(st, 1, site_id);
	if (!st || db_step_done(st) || db_setting_set(db, "links_check_now", "1") ||
	    audit_write(db, a, site_id, "links.check_request", "", "")) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

/* ---- reads ---- */

json_t *links_broken(struct db *db, const struct actor *a, int64_t site_id, int64_t *nok, int64_t *nunchecked)
{
	if (actor_level(db, a, site_id) < LVL_REPORTER)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT a.id, a.title, a.fields, c.url, c.status, c.error, c.detail, c.fails,"
				       " c.checked_at, c.last_ok_at FROM link_checks c JOIN items a ON a.id = c.item_id"
				       " WHERE c.site_id = ?1 AND c.ok = 0 AND a.state = 'published' AND a.kind = 'link'"
				       " ORDER BY c.fails DESC, a.title, a.id");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	json_t *rows = db_rows_json(st);
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		const char *ft = json_string_value(json_object_get(row, "fields"));
		json_t *f = ft ? json_loads(ft, 0, NULL) : NULL;
		json_t *g = json_object_get(f, "nhom");
		json_object_set_new(row, "nhom", json_string(json_is_string(g) ? json_string_value(g) : ""));
		json_decref(f);
		json_object_del(row, "fields");
	}
	st = db_stmt(db, "SELECT count(*), sum(CASE WHEN c.ok = 1 THEN 1 ELSE 0 END),"
			 " sum(CASE WHEN c.item_id IS NULL THEN 1 ELSE 0 END)"
			 " FROM items a LEFT JOIN link_checks c ON c.item_id = a.id"
			 " WHERE a.site_id = ?1 AND a.kind = 'link' AND a.state = 'published'");
	if (st) {
		db_bind_int(st, 1, site_id);
		if (db_step(st) == DB_ROW) {
			if (nok)
				*nok = db_col_int(st, 1);
			if (nunchecked)
				*nunchecked = db_col_int(st, 2);
		}
		db_reset(st);
	}
	return rows;
}

static int group_rank(const struct kind_field *f, const char *g)
{
	for (int i = 0; f && f->choices && f->choices[i].key; i++)
		if (g && strcmp(f->choices[i].key, g) == 0)
			return i;
	return 1000;
}

static int link_cmp(const void *pa, const void *pb)
{
	json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;
	int d = (int)(json_integer_value(json_object_get(a, "rank")) - json_integer_value(json_object_get(b, "rank")));
	if (d)
		return d;
	if (json_integer_value(json_object_get(a, "rank")) == 1000) { /* open groups by name */
		d = strcmp(json_string_value(json_object_get(a, "nhom")), json_string_value(json_object_get(b, "nhom")));
		if (d)
			return d;
	}
	json_int_t oa = json_integer_value(json_object_get(a, "order")), ob = json_integer_value(json_object_get(b, "order"));
	if (oa != ob)
		return oa < ob ? -1 : 1;
	d = strcmp(json_string_value(json_object_get(a, "title")), json_string_value(json_object_get(b, "title")));
	if (d)
		return d;
	return json_integer_value(json_object_get(a, "id")) < json_integer_value(json_object_get(b, "id")) ? -1 : 1;
}

json_t *links_public(struct db *db, int64_t site_id, int64_t limit)
{
	const struct kind *k = kind_find("link");
	const struct kind_field *gf = k ? kind_field(k, "nhom") : NULL;
	/* the Vietnamese pages' links (a translation is listed on its language's pages) */
	struct db_stmt *st = db_stmt(db, "SELECT a.id, a.title, a.slug, a.fields FROM items a"
				       " WHERE a.site_id = ?1 AND a.kind = 'link' AND a.state = 'published' AND a.lang = 'vi'"
				       " ORDER BY a.id LIMIT 2000");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	json_t *rows = db_rows_json(st);
	size_t n = json_array_size(rows), i;
	json_t **v = xcalloc(n ? n : 1, sizeof(*v));
	for (i = 0; i < n; i++) {
		json_t *row = json_array_get(rows, i);
		const char *ft = json_string_value(json_object_get(row, "fields"));
		json_t *f = ft ? json_loads(ft, 0, NULL) : NULL;
		const char *g = json_string_value(json_object_get(f, "nhom"));
		json_t *o = json_object_get(f, "thu_tu");
		json_t *x = json_pack("{sOsOsOsssssIsI}", "id", json_object_get(row, "id"), "title", json_object_get(row, "title"),
				      "slug", json_object_get(row, "slug"), "url",
				      json_string_value(json_object_get(f, "dia_chi")) ? json_string_value(json_object_get(f, "dia_chi")) : "",
				      "nhom", g ? g : "", "rank", (json_int_t)group_rank(gf, g), "order",
				      json_is_integer(o) ? json_integer_value(o) : (json_int_t)INT32_MAX);
		v[i] = x;
		json_decref(f);
	}
	qsort(v, n, sizeof(*v), link_cmp);
	json_t *out = json_array();
	for (i = 0; i < n; i++) {
		if ((int64_t)i < limit)
			json_array_append(out, v[i]);
		json_decref(v[i]);
	}
	free(v);
	json_decref(rows);
	return out;
}
