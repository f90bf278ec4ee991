/* extfeeds.c — the register of sites hosted elsewhere, pulling their feeds, their items
 * (extfeeds.h, docs/external-feeds.md). */
#include "internal.h"
#include "extfeeds.h"
#include "links.h"
#include "db/db.h"
#include "render/feedparse.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "base/banned.h"

#define NAME_MAX_CHARS 200

/* ---- the register ---- */

static int64_t main_site_id(struct db *db)
{
	int64_t id = 0;
	db_one_int(db_stmt(db, "SELECT id FROM sites WHERE kind = 'main'"), &id);
	return id;
}

int extsite_may_manage(struct db *db, const struct actor *a)
{
	int64_t main_id = main_site_id(db);
	return main_id > 0 && actor_level(db, a, main_id) >= LVL_SITEADMIN;
}

/* A web address a site here may point to: http or https with a host, no user name or password,
 * no white space (libcurl's URL parser decides). 0, or the error key. */
static const char *url_problem(const char *u)
{
	if ((strncasecmp(u, "http://", 7) != 0 && strncasecmp(u, "https://", 8) != 0) || strpbrk(u, " \t\r\n"))
		return "extfeed_url_invalid";
	if (strlen(u) > 2000)
		return "too_long";
	CURLU *h = curl_url();
	char *host = NULL, *user = NULL, *pw = NULL;
	const char *why = NULL;
	if (!h)
		return "extfeed_url_invalid";
	if (curl_url_set(h, CURLUPART_URL, u, 0) != CURLUE_OK || curl_url_get(h, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    !*host)
		why = "extfeed_url_invalid";
	else if (curl_url_get(h, CURLUPART_USER, &user, 0) == CURLUE_OK ||
		 curl_url_get(h, CURLUPART_PASSWORD, &pw, 0) == CURLUE_OK)
		why = "extfeed_url_credentials";
	curl_free(host);
	curl_free(user);
	curl_free(pw);
	curl_url_cleanup(h);
	return why;
}

struct clean_input {
	char *name, *home_url, *feed_url;
	int64_t unit;
	int64_t interval; /* minutes; 0: the installation's (extfeeds_interval_minutes) */
};

static void clean_release(struct clean_input *c)
{
	free(c->name);
	free(c->home_url);
	free(c->feed_url);
}

/* IN checked into C (errors in E); ID: the site being changed (0: a new one). 0 when valid. */
static int input_check(struct db *db, const struct extsite_input *in, int64_t id, struct clean_input *c, struct errs *e)
{
	memset(c, 0, sizeof(*c));
	c->name = text_clean(in->name, 0);
	c->home_url = text_clean(in->home_url, 0);
	c->feed_url = text_clean(in->feed_url, 0);
	if (!c->name || !*c->name)
		errs_add(e, "name", c->name ? "required" : "invalid_utf8");
	else if (utf8_length(c->name) > NAME_MAX_CHARS)
		errs_add(e, "name", "too_long");
	const char *const urls[] = { c->home_url, c->feed_url };
	const char *const fields[] = { "home_url", "feed_url" };
	for (size_t i = 0; i < 2; i++) {
		const char *why = !urls[i] ? "invalid_utf8" : !*urls[i] ? "required" : url_problem(urls[i]);
		if (why)
			errs_add(e, fields[i], why);
	}
	if (in->unit && *in->unit) {
		int64_t found = 0;
		struct db_stmt *st = db_stmt(db, "SELECT id FROM sites WHERE id = ?");
		if (parse_i64(in->unit, 1, INT64_MAX, &c->unit) == 0 && st) {
			db_bind_int(st, 1, c->unit);
			db_one_int(st, &found);
		}
		if (!found)
			errs_add(e, "unit", "extfeed_unit_invalid");
	}
	if (in->interval && *in->interval &&
	    parse_i64(in->interval, EXTSITE_INTERVAL_MIN, EXTSITE_INTERVAL_MAX, &c->interval))
		errs_add(e, "interval", "extfeed_interval_invalid");
	if (c->feed_url && *c->feed_url && !e->n) {
		int64_t other = 0;
		struct db_stmt *st = db_stmt(db, "SELECT id FROM ext_sites WHERE feed_url = ?1 AND id <> ?2");
		if (st) {
			db_bind_text(st, 1, c->feed_url);
			db_bind_int(st, 2, id);
			db_one_int(st, &other);
		}
		if (other)
			errs_add(e, "feed_url", "extfeed_feed_taken");
	}
	return e->n ? -1 : 0;
}

static void bind_or_null(struct db_stmt *st, int i, int64_t v)
{
	if (v)
		db_bind_int(st, i, v);
	else
		db_bind_null(st, i);
}

/* Adds (*ID 0) or changes site *ID from IN: the register's one writer, for the form and the
 * command line alike. One transaction with its audit record. */
static int site_write(struct db *db, const struct actor *a, int64_t *id, const struct extsite_input *in, int64_t now,
		      struct errs *e)
{
	if (!extsite_may_manage(db, a))
		return M_DENIED;
	if (*id) {
		int64_t found = 0;
		struct db_stmt *st = db_stmt(db, "SELECT id FROM ext_sites WHERE id = ?");
		if (!st)
			return M_ERROR;
		db_bind_int(st, 1, *id);
		if (db_one_int(st, &found) < 0)
			return M_ERROR;
		if (!found)
			return M_NOTFOUND;
	}
	struct clean_input c;
	if (input_check(db, in, *id, &c, e)) {
		clean_release(&c);
		return M_INVALID;
	}
	if (db_begin(db)) {
		clean_release(&c);
		return M_ERROR;
	}
	/* a new site is pulled at the next pass; another feed address forgets the old one's
	 * validators, which mean nothing to it, and is pulled at once */
	struct db_stmt *st = *id ? db_stmt(db, "UPDATE ext_sites SET name = ?2, unit_site_id = ?3, home_url = ?4,"
					       " etag = CASE WHEN feed_url = ?5 THEN etag ELSE '' END,"
					       " last_modified = CASE WHEN feed_url = ?5 THEN last_modified ELSE '' END,"
					       " pull_asked = CASE WHEN feed_url = ?5 THEN pull_asked ELSE 1 END,"
					       " feed_url = ?5, interval_minutes = ?7, updated_at = ?6 WHERE id = ?1")
				 : db_stmt(db, "INSERT INTO ext_sites (name, unit_site_id, home_url, feed_url, interval_minutes,"
					       " pull_asked, created_at, updated_at) VALUES (?2, ?3, ?4, ?5, ?7, 1, ?6, ?6)");
	if (!st)
		goto fail;
	if (*id)
		db_bind_int(st, 1, *id);
	db_bind_text(st, 2, c.name);
	bind_or_null(st, 3, c.unit);
	db_bind_text(st, 4, c.home_url);
	db_bind_text(st, 5, c.feed_url);
	db_bind_int(st, 6, now);
	bind_or_null(st, 7, c.interval);
	if (db_step_done(st))
		goto fail;
	int added = !*id;
	if (added)
		*id = db_last_id(db);
	char obj[40];
	snprintf(obj, sizeof(obj), "ext_site:%lld", (long long)*id);
	/* the source's name and address show beside its items on the main portal */
	if (audit_write(db, a, main_site_id(db), added ? "ext_site.add" : "ext_site.update", obj, c.feed_url) ||
	    (!added && cache_bump(db, main_site_id(db))) || db_commit(db))
		goto fail;
	clean_release(&c);
	return M_OK;
fail:
	db_rollback(db);
	clean_release(&c);
	return M_ERROR;
}

int extsite_add(struct db *db, const struct actor *a, const struct extsite_input *in, int64_t now, struct errs *e,
		int64_t *id)
{
	int64_t made = 0;
	int rc = site_write(db, a, &made, in, now, e);
	if (rc == M_OK)
		*id = made;
	return rc;
}

int extsite_update(struct db *db, const struct actor *a, int64_t id, const struct extsite_input *in, int64_t now,
		   struct errs *e)
{
	return id > 0 ? site_write(db, a, &id, in, now, e) : M_NOTFOUND;
}

int extsite_delete(struct db *db, const struct actor *a, int64_t id)
{
	if (!extsite_may_manage(db, a))
		return M_DENIED;
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "DELETE FROM ext_items WHERE ext_site_id = ?");
	if (!st)
		goto fail;
	db_bind_int(st, 1, id);
	if (db_step_done(st))
		goto fail;
	st = db_stmt(db, "DELETE FROM ext_sites WHERE id = ?");
	if (!st)
		goto fail;
	db_bind_int(st, 1, id);
	if (db_step_done(st))
		goto fail;
	if (!db_changes(db)) {
		db_rollback(db);
		return M_NOTFOUND;
	}
	char obj[40];
	snprintf(obj, sizeof(obj), "ext_site:%lld", (long long)id);
	if (audit_write(db, a, main_site_id(db), "ext_site.delete", obj, "") || cache_bump(db, main_site_id(db)) ||
	    db_commit(db))
		goto fail;
	return M_OK;
fail:
	db_rollback(db);
	return M_ERROR;
}

int extsite_pull_request(struct db *db, const struct actor *a, int64_t id)
{
	if (!extsite_may_manage(db, a))
		return M_DENIED;
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "UPDATE ext_sites SET pull_asked = 1 WHERE id = ?");
	if (!st)
		goto fail;
	db_bind_int(st, 1, id);
	if (db_step_done(st))
		goto fail;
	if (!db_changes(db)) {
		db_rollback(db);
		return M_NOTFOUND;
	}
	char obj[40];
	snprintf(obj, sizeof(obj), "ext_site:%lld", (long long)id);
	if (audit_write(db, a, main_site_id(db), "ext_site.pull_request", obj, "") || db_commit(db))
		goto fail;
	return M_OK;
fail:
	db_rollback(db);
	return M_ERROR;
}

static json_t *sites_rows(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT s.id, s.name, s.unit_site_id, u.name AS unit_name, s.home_url, s.feed_url,"
				       " s.pull_asked, s.last_pull_at, s.last_ok_at, s.last_error, s.last_detail,"
				       " s.last_error_at, s.fails, s.interval_minutes,"
				       " (SELECT COUNT(*) FROM ext_items i WHERE i.ext_site_id = s.id) AS nitems"
				       " FROM ext_sites s LEFT JOIN sites u ON u.id = s.unit_site_id"
				       " WHERE (?1 = 0 OR s.id = ?1) ORDER BY s.name, s.id");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	return db_rows_json(st);
}

json_t *extsites_list(struct db *db, const struct actor *a)
{
	if (!extsite_may_manage(db, a))
		return NULL;
	return sites_rows(db, 0);
}

json_t *extsite_get(struct db *db, const struct actor *a, int64_t id)
{
	if (id <= 0 || !extsite_may_manage(db, a))
		return NULL;
	json_t *rows = sites_rows(db, id);
	json_t *row = json_array_get(rows, 0);
	json_incref(row);
	json_decref(rows);
	return row;
}

/* ---- fetching ---- */

void extfeed_opts_read(struct db *db, struct extfeed_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->timeout = 20;
	o->max_bytes = FEED_MAX_BYTES;
	o->max_redirects = 5;
	o->keep = 30;
	o->interval = 30 * 60;
	char *v = db_setting_get(db, "extfeeds_allow_private");
	o->allow_private = v && strcmp(v, "1") == 0;
	free(v);
	static const struct {
		const char *key;
		int64_t min, max, scale;
	} nums[] = {
		{ "extfeeds_timeout", 1, 120, 1 },
		{ "extfeeds_max_kb", 16, FEED_MAX_BYTES / 1024, 1024 },
		{ "extfeeds_max_redirects", 0, 10, 1 },
		{ "extfeeds_keep", 1, 100, 1 },
		{ "extfeeds_interval_minutes", 1, 1440, 60 },
	};
	/* in the order of NUMS */
	long *slots[] = { &o->timeout, &o->max_bytes, &o->max_redirects, &o->keep, &o->interval };
	for (size_t i = 0; i < ARRAY_SIZE(nums); i++) {
		int64_t n;
		v = db_setting_get(db, nums[i].key);
		if (v && !parse_i64(v, nums[i].min, nums[i].max, &n))
			*slots[i] = (long)(n * nums[i].scale);
		free(v);
	}
	o->low_speed = 256;
	o->low_speed_time = o->timeout < 10 ? o->timeout : 10;
}

struct transfer {
	const struct extfeed_opts *o;
	struct extfeed_fetch *out;
	struct sb body;
	int too_big, blocked;
};

static curl_socket_t fetch_open(void *arg, curlsocktype purpose, struct curl_sockaddr *addr)
{
	struct transfer *t = arg;
	(void)purpose;
	if (!t->o->allow_private && link_addr_blocked(&addr->addr)) {
		t->blocked = 1;
		return CURL_SOCKET_BAD;
	}
	return socket(addr->family, addr->socktype | SOCK_CLOEXEC, addr->protocol);
}

static size_t fetch_write(char *data, size_t size, size_t n, void *arg)
{
	struct transfer *t = arg;
	size_t k = size * n;
	if (t->body.len + k > (size_t)t->o->max_bytes) {
		t->too_big = 1;
		return 0; /* libcurl ends the transfer: CURLE_WRITE_ERROR */
	}
	sb_add(&t->body, data, k);
	return k;
}

/* A header's value into OUT when it is printable ASCII and fits (it goes back in a header). */
static void header_value(const char *v, size_t n, char *out, size_t cap)
{
	while (n && (*v == ' ' || *v == '\t'))
		v++, n--;
	while (n && (v[n - 1] == '\r' || v[n - 1] == '\n' || v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	if (n >= cap)
		return;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20 || (unsigned char)v[i] > 0x7e)
			return;
	memcpy(out, v, n);
	out[n] = 0;
}

static size_t fetch_header(char *data, size_t size, size_t n, void *arg)
{
	struct transfer *t = arg;
	size_t k = size * n;
	if (k >= 5 && memcmp(data, "HTTP/", 5) == 0) { /* a new answer (after a redirect): its own headers */
		t->out->etag[0] = 0;
		t->out->last_modified[0] = 0;
	} else if (k > 5 && strncasecmp(data, "ETag:", 5) == 0) {
		header_value(data + 5, k - 5, t->out->etag, sizeof(t->out->etag));
	} else if (k > 14 && strncasecmp(data, "Last-Modified:", 14) == 0) {
		header_value(data + 14, k - 14, t->out->last_modified, sizeof(t->out->last_modified));
	}
	return k;
}

static int fetch_progress(void *arg, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	struct transfer *t = arg;
	(void)dt, (void)dn, (void)ut, (void)un;
	return t->o->stop && t->o->stop(t->o->arg);
}

void extfeed_fetch(const char *url, const char *etag, const char *last_modified, const struct extfeed_opts *o,
		   struct extfeed_fetch *out)
{
	memset(out, 0, sizeof(*out));
	out->error = "extfeed_err_other";
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(out->detail, sizeof(out->detail), "libcurl could not start");
		return;
	}
	struct transfer t = { .o = o, .out = out, .body = SB_INIT };
	struct curl_slist *hdr = curl_slist_append(NULL, "Accept: application/rss+xml, application/atom+xml, "
						       "application/feed+json, application/xml;q=0.9, text/xml;q=0.9, "
						       "application/json;q=0.8, */*;q=0.1");
	struct sb h = SB_INIT;
	if (etag && *etag) {
		sb_addf(&h, "If-None-Match: %s", etag);
		hdr = curl_slist_append(hdr, h.buf);
		sb_release(&h);
	}
	if (last_modified && *last_modified) {
		sb_addf(&h, "If-Modified-Since: %s", last_modified);
		hdr = curl_slist_append(hdr, h.buf);
		sb_release(&h);
	}
	char errbuf[CURL_ERROR_SIZE] = "";
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, o->max_redirects);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, o->timeout);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, o->timeout < 10 ? o->timeout : 10L);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, o->low_speed);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, o->low_speed_time);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_bytes);
	curl_easy_setopt(c, CURLOPT_PROXY, ""); /* never through a proxy of the environment */
	curl_easy_setopt(c, CURLOPT_USERAGENT, "Cong-FeedPull/1.0 (cong thong tin dien tu)");
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, fetch_open);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &t);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, fetch_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, fetch_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
	/* gzip is decoded before fetch_write counts: the limit holds for what it expands to */
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, fetch_progress);
	curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
	CURLcode rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out->status);
	if (rc == CURLE_OK && out->status == 304) {
		out->ok = out->not_modified = 1;
		out->error = "";
	} else if (rc == CURLE_OK && out->status >= 200 && out->status < 300) {
		out->ok = 1;
		out->error = "";
		out->len = t.body.len;
		out->body = sb_detach(&t.body, NULL);
	} else if (rc == CURLE_OK) {
		out->error = "extfeed_err_status";
		snprintf(out->detail, sizeof(out->detail), "HTTP %ld", out->status);
	} else {
		switch (rc) {
		case CURLE_OPERATION_TIMEDOUT: out->error = "extfeed_err_timeout"; break;
		case CURLE_FILESIZE_EXCEEDED: out->error = "extfeed_err_size"; break;
		case CURLE_WRITE_ERROR: out->error = t.too_big ? "extfeed_err_size" : "extfeed_err_other"; break;
		case CURLE_COULDNT_RESOLVE_HOST: out->error = "extfeed_err_dns"; break;
		case CURLE_COULDNT_CONNECT: out->error = t.blocked ? "extfeed_err_private" : "extfeed_err_connect"; break;
		case CURLE_TOO_MANY_REDIRECTS: out->error = "extfeed_err_redirects"; break;
		case CURLE_UNSUPPORTED_PROTOCOL: out->error = "extfeed_err_scheme"; break;
		case CURLE_PEER_FAILED_VERIFICATION:
		case CURLE_SSL_CONNECT_ERROR:
		case CURLE_SSL_CERTPROBLEM:
		case CURLE_SSL_CIPHER:
		case CURLE_SSL_CACERT_BADFILE: out->error = "extfeed_err_tls"; break;
		default: out->error = t.blocked ? "extfeed_err_private" : "extfeed_err_other"; break;
		}
		if (t.too_big)
			snprintf(out->detail, sizeof(out->detail), "more than %ld bytes", o->max_bytes);
		else
			snprintf(out->detail, sizeof(out->detail), "%s", errbuf[0] ? errbuf : curl_easy_strerror(rc));
	}
	sb_release(&t.body);
	curl_slist_free_all(hdr);
	curl_easy_cleanup(c);
}

void extfeed_fetch_release(struct extfeed_fetch *f)
{
	free(f->body);
	f->body = NULL;
}

/* ---- pulling ---- */

/* A failed pull: recorded on the site, its items untouched. */
static int record_error(struct db *db, int64_t id, const char *key, const char *detail, int64_t now)
{
	if (db_begin(db))
		return -1;
	struct db_stmt *st = db_stmt(db, "UPDATE ext_sites SET pull_asked = 0, last_pull_at = ?2, last_error = ?3,"
				       " last_detail = ?4, last_error_at = ?2, fails = fails + 1 WHERE id = ?1");
	if (!st) {
		db_rollback(db);
		return -1;
	}
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, now);
	db_bind_text(st, 3, key);
	db_bind_text(st, 4, detail);
	if (db_step_done(st)) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

/* A good pull: the items stored, the state recorded (inside the caller's transaction). *CHANGED
 * gets the rows added, changed or dropped. 0 or -1. */
static int store_items(struct db *db, int64_t id, const struct feed *f, const struct extfeed_fetch *x,
		       const struct extfeed_opts *o, int64_t now, int *changed)
{
	*changed = 0;
	for (size_t i = 0; f && i < f->nitems; i++) {
		const struct feed_item *it = &f->items[i];
		/* no date: when first seen, kept; a date to come: now (it would stay on top) */
		int dated = it->published > 0;
		int64_t at = dated && it->published < now ? it->published : now;
		struct db_stmt *st = db_stmt(db,
			"INSERT INTO ext_items (ext_site_id, guid, link, title, summary, author, image, published_at, seen_at,"
			" updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)"
			" ON CONFLICT (ext_site_id, guid) DO UPDATE SET link = excluded.link, title = excluded.title,"
			" summary = excluded.summary, author = excluded.author, image = excluded.image,"
			" published_at = CASE WHEN ?10 = 1 THEN excluded.published_at ELSE ext_items.published_at END,"
			" updated_at = excluded.updated_at"
			" WHERE ext_items.link <> excluded.link OR ext_items.title <> excluded.title"
			" OR ext_items.summary <> excluded.summary OR ext_items.author <> excluded.author"
			" OR ext_items.image <> excluded.image"
			" OR (?10 = 1 AND ext_items.published_at <> excluded.published_at)");
		if (!st)
			return -1;
		db_bind_int(st, 1, id);
		db_bind_text(st, 2, it->guid);
		db_bind_text(st, 3, it->link);
		db_bind_text(st, 4, it->title);
		db_bind_text(st, 5, it->summary);
		db_bind_text(st, 6, it->author);
		db_bind_text(st, 7, it->image);
		db_bind_int(st, 8, at);
		db_bind_int(st, 9, now);
		db_bind_int(st, 10, dated);
		if (db_step_done(st))
			return -1;
		*changed += db_changes(db);
	}
	struct db_stmt *st = db_stmt(db, "DELETE FROM ext_items WHERE ext_site_id = ?1 AND id NOT IN"
				       " (SELECT id FROM ext_items WHERE ext_site_id = ?1"
				       " ORDER BY published_at DESC, id DESC LIMIT ?2)");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, o->keep);
	if (db_step_done(st))
		return -1;
	*changed += db_changes(db);
	/* a 304 keeps the validators it answered to; a body brings its own */
	st = db_stmt(db, "UPDATE ext_sites SET pull_asked = 0, last_pull_at = ?2, last_ok_at = ?2, last_error = '',"
			 " last_detail = '', fails = 0,"
			 " etag = CASE WHEN ?3 = 1 THEN etag ELSE ?4 END,"
			 " last_modified = CASE WHEN ?3 = 1 THEN last_modified ELSE ?5 END WHERE id = ?1");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, x->not_modified);
	db_bind_text(st, 4, x->etag);
	db_bind_text(st, 5, x->last_modified);
	if (db_step_done(st))
		return -1;
	if (*changed && cache_bump(db, main_site_id(db)))
		return -1;
	return 0;
}

int extfeed_store(struct db *db, int64_t id, const struct feed *f, long keep, int64_t now, int *changed)
{
	struct extfeed_fetch x = { .ok = 1 };
	struct extfeed_opts o = { .keep = keep };
	if (db_begin(db) || store_items(db, id, f, &x, &o, now, changed) || db_commit(db)) {
		db_rollback(db);
		return M_ERROR;
	}
	return M_OK;
}

int extfeed_pull(struct db *db, int64_t id, const struct extfeed_opts *o, int64_t now, int *changed)
{
	if (changed)
		*changed = -1;
	struct db_stmt *st = db_stmt(db, "SELECT feed_url, etag, last_modified, name FROM ext_sites WHERE id = ?");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, id);
	json_t *row = db_one_json(st);
	if (!row)
		return M_NOTFOUND;
	const char *url = json_string_value(json_object_get(row, "feed_url"));
	struct extfeed_fetch x;
	/* the transfer happens outside any transaction: a slow feed holds no lock */
	extfeed_fetch(url, json_string_value(json_object_get(row, "etag")),
		      json_string_value(json_object_get(row, "last_modified")), o, &x);
	int64_t done = time_now() > now ? time_now() : now;
	if (o->stop && o->stop(o->arg)) { /* cut short by a shutdown: not a result */
		extfeed_fetch_release(&x);
		json_decref(row);
		return M_OK;
	}
	int rc = M_OK;
	if (!x.ok) {
		log_warn("extfeeds: %s (site %lld): %s (%s)", url, (long long)id, x.error, x.detail);
		if (record_error(db, id, x.error, x.detail, done))
			rc = M_ERROR;
		extfeed_fetch_release(&x);
		json_decref(row);
		return rc;
	}
	struct feed f = { 0 };
	char detail[256] = "";
	enum feed_error fe = x.not_modified ? FEED_OK : feed_parse(x.body, x.len, url, &f, detail, sizeof(detail));
	if (fe != FEED_OK) {
		log_warn("extfeeds: %s (site %lld) refused: %s (%s)", url, (long long)id, feed_error_key(fe), detail);
		if (record_error(db, id, feed_error_key(fe), detail, done))
			rc = M_ERROR;
	} else {
		int n = 0;
		if (db_begin(db) || store_items(db, id, x.not_modified ? NULL : &f, &x, o, done, &n) || db_commit(db)) {
			db_rollback(db);
			log_error("extfeeds: %s (site %lld): the items could not be stored: %s", url, (long long)id,
				  db_errmsg(db));
			rc = M_ERROR;
		} else {
			if (changed)
				*changed = n;
			if (x.not_modified)
				log_info("extfeeds: %s: not modified", url);
			else
				log_info("extfeeds: %s: %zu item(s) read (%s), %d change(s)", url, f.nitems, f.format, n);
		}
	}
	feed_release(&f);
	extfeed_fetch_release(&x);
	json_decref(row);
	return rc;
}

/* A site is due when asked, or when its own interval (minutes, migration 0043), else the
 * installation's (?2, seconds), has passed since its last pull (?1: now). */
#define DUE_WHERE "pull_asked = 1 OR last_pull_at <= ?1 - COALESCE(interval_minutes * 60, ?2)"

int extfeeds_due(struct db *db, const struct extfeed_opts *o, int64_t now)
{
	int64_t n = 0;
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM ext_sites WHERE " DUE_WHERE);
	if (!st)
		return -1;
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, o->interval);
	if (db_one_int(st, &n) < 0)
		return -1;
	return n > 0;
}

int extfeeds_pull_due(struct db *db, const struct extfeed_opts *o, int64_t now, int *pulled, int *failed)
{
	int np = 0, nf = 0, rc = M_OK;
	struct db_stmt *st = db_stmt(db, "SELECT id FROM ext_sites WHERE " DUE_WHERE
				       " ORDER BY pull_asked DESC, last_pull_at, id");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, o->interval);
	json_t *rows = db_rows_json(st);
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		if (o->stop && o->stop(o->arg))
			break;
		int changed;
		rc = extfeed_pull(db, json_integer_value(json_object_get(row, "id")), o, time_now(), &changed);
		if (rc == M_ERROR)
			break;
		rc = M_OK;
		np++;
		nf += changed < 0;
	}
	json_decref(rows);
	if (pulled)
		*pulled = np;
	if (failed)
		*failed = nf;
	return rc;
}

/* ---- public ---- */

json_t *extfeed_items_public(struct db *db, int64_t limit, int64_t offset, int64_t *total)
{
	if (total) {
		*total = 0;
		if (db_one_int(db_stmt(db, "SELECT COUNT(*) FROM ext_items"), total) < 0)
			return NULL;
	}
	struct db_stmt *st = db_stmt(db, "SELECT i.id, i.link, i.title, i.summary, i.author, i.image, i.published_at,"
				       " s.name AS source, s.home_url AS source_url FROM ext_items i"
				       " JOIN ext_sites s ON s.id = i.ext_site_id"
				       " ORDER BY i.published_at DESC, i.id DESC LIMIT ?1 OFFSET ?2");
	if (!st)
		return NULL;
	db_bind_int(st, 1, limit);
	db_bind_int(st, 2, offset);
	return db_rows_json(st);
}
