/* webhook.c — a site's webhooks, their outbox and its log (webhook.h, docs/webhooks.md). */
#include "internal.h"
#include "webhook.h"
#include "pdata.h"
#include "outbox.h"
#include "db/db.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/arena.h"

#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/banned.h"

const char *const webhook_events[3] = { "published", "updated", "withdrawn" };

/* 1..12 hours: a receiver down for a night gets its deliveries in the morning; after the sixth
 * failure the delivery waits for the board ("gửi lại"). */
static const int64_t backoff[WEBHOOK_TRIES - 1] = { 60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600 };

int64_t webhook_backoff(int failed)
{
	if (failed < 1)
		failed = 1;
	if (failed >= WEBHOOK_TRIES)
		return -1;
	return backoff[failed - 1];
}

void webhook_sign(const char *secret, int64_t ts, const char *body, size_t n, char out[WEBHOOK_SIG_LEN + 1])
{
	crypto_auth_hmacsha256_state st;
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	char head[24];
	int hn = snprintf(head, sizeof(head), "%lld.", (long long)ts);
	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret, strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)head, (unsigned long long)hn);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, n);
	crypto_auth_hmacsha256_final(&st, mac);
	memcpy(out, "sha256=", 7);
	sodium_bin2hex(out + 7, WEBHOOK_SIG_LEN + 1 - 7, mac, sizeof(mac));
	sodium_memzero(&st, sizeof(st));
}

/* Whether the space-separated list LIST has WORD. */
static int has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list ? list : ""; (p = strstr(p, word)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

/* ---- the form ---- */

void webhook_url_check(const char *u, struct errs *e)
{
	if (!u || !*u) {
		errs_add(e, "url", "required");
		return;
	}
	if (strlen(u) > WEBHOOK_URL_MAX) {
		errs_add(e, "url", "too_long");
		return;
	}
	CURLU *h = curl_url();
	char *scheme = NULL, *host = NULL, *user = NULL, *pw = NULL;
	if (!h) {
		errs_add(e, "url", "webhook_url_invalid");
		return;
	}
	if ((strncasecmp(u, "http://", 7) != 0 && strncasecmp(u, "https://", 8) != 0) ||
	    curl_url_set(h, CURLUPART_URL, u, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
	    curl_url_get(h, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0) ||
	    curl_url_get(h, CURLUPART_HOST, &host, 0) != CURLUE_OK || !*host || strpbrk(u, " \t\r\n"))
		errs_add(e, "url", "webhook_url_invalid");
	else if (curl_url_get(h, CURLUPART_USER, &user, 0) == CURLUE_OK ||
		 curl_url_get(h, CURLUPART_PASSWORD, &pw, 0) == CURLUE_OK)
		errs_add(e, "url", "webhook_url_credentials"); /* they would be sent, and shown in lists */
	curl_free(scheme);
	curl_free(host);
	curl_free(user);
	curl_free(pw);
	curl_url_cleanup(h);
}

/* The host of U for the audit log: the address's path and query may carry a receiver's token. */
static void url_host(const char *u, char *out, size_t n)
{
	CURLU *h = curl_url();
	char *host = NULL;
	snprintf(out, n, "%s", "");
	if (h && curl_url_set(h, CURLUPART_URL, u, 0) == CURLUE_OK && curl_url_get(h, CURLUPART_HOST, &host, 0) == CURLUE_OK)
		snprintf(out, n, "%s", host);
	curl_free(host);
	curl_url_cleanup(h);
}

/* The input checked into a clean URL (malloc'd, NULL on errors in E) and the events' list. */
static char *input_check(const struct webhook_input *in, struct sb *events, struct errs *e)
{
	char *url = text_clean(in->url, 0);
	if (!url) {
		errs_add(e, "url", "invalid_utf8");
		return NULL;
	}
	webhook_url_check(url, e);
	for (size_t i = 0; i < ARRAY_SIZE(webhook_events); i++)
		if (in->events[i]) {
			if (events->len)
				sb_addc(events, ' ');
			sb_adds(events, webhook_events[i]);
		}
	if (!events->len)
		errs_add(e, "events", "webhook_events_required");
	if (e->n) {
		free(url);
		return NULL;
	}
	return url;
}

/* A new secret sealed for the table (malloc'd) and in clear in PLAIN (65 bytes); NULL when the
 * data folder's key is unusable. */
static char *secret_new(char plain[65])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(plain, 65, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
	return pdata_seal(plain);
}

static int audit_hook(struct db *db, const struct actor *a, int64_t site_id, const char *action, int64_t id,
		      const char *url)
{
	char obj[32], host[256] = "";
	snprintf(obj, sizeof(obj), "webhook:%lld", (long long)id);
	if (url)
		url_host(url, host, sizeof(host));
	return audit_write(db, a, site_id, action, obj, host);
}

int webhook_add(struct db *db, const struct actor *a, int64_t site_id, const struct webhook_input *in,
		struct errs *e, int64_t *id)
{
	*id = 0;
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	struct sb events = SB_INIT;
	char *url = input_check(in, &events, e);
	if (!url) {
		sb_release(&events);
		return M_INVALID;
	}
	int rc = M_ERROR;
	char plain[65];
	char *sealed = secret_new(plain);
	sodium_memzero(plain, sizeof(plain)); /* shown on demand (webhook_secret) */
	int64_t n = 0, now = time_now();
	struct db_stmt *st;
	if (!sealed || db_begin(db))
		goto out;
	st = db_stmt(db, "SELECT count(*) FROM webhooks WHERE site_id = ?");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, site_id);
	if (db_one_int(st, &n) < 0)
		goto rollback;
	if (n >= WEBHOOK_MAX) {
		errs_add(e, "url", "webhook_too_many");
		rc = M_INVALID;
		goto rollback;
	}
	st = db_stmt(db, "INSERT INTO webhooks (site_id, url, secret, events, enabled, base_url, created_at, updated_at)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, url);
	db_bind_text(st, 3, sealed);
	db_bind_text(st, 4, events.buf);
	db_bind_int(st, 5, in->enabled ? 1 : 0);
	db_bind_text(st, 6, in->base_url ? in->base_url : "");
	db_bind_int(st, 7, now);
	if (db_step_done(st))
		goto rollback;
	*id = db_last_id(db);
	if (audit_hook(db, a, site_id, "webhook.add", *id, url) || db_commit(db))
		goto rollback;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
	if (rc != M_INVALID)
		*id = 0;
out:
	free(sealed);
	free(url);
	sb_release(&events);
	return rc;
}

int webhook_update(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const struct webhook_input *in,
		   struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	struct sb events = SB_INIT;
	char *url = input_check(in, &events, e);
	if (!url) {
		sb_release(&events);
		return M_INVALID;
	}
	int rc = M_ERROR;
	if (db_begin(db))
		goto out;
	/* the base address follows the board's latest save: a site moved to another domain is
	 * followed by saving its hooks again */
	struct db_stmt *st = db_stmt(db, "UPDATE webhooks SET url = ?3, events = ?4, enabled = ?5,"
				       " base_url = CASE WHEN ?6 = '' THEN base_url ELSE ?6 END, updated_at = ?7"
				       " WHERE id = ?1 AND site_id = ?2");
	if (!st) {
		db_rollback(db);
		goto out;
	}
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	db_bind_text(st, 3, url);
	db_bind_text(st, 4, events.buf);
	db_bind_int(st, 5, in->enabled ? 1 : 0);
	db_bind_text(st, 6, in->base_url ? in->base_url : "");
	db_bind_int(st, 7, time_now());
	if (db_step_done(st)) {
		db_rollback(db);
		goto out;
	}
	if (db_changes(db) != 1) {
		db_rollback(db);
		rc = M_NOTFOUND;
		goto out;
	}
	if (audit_hook(db, a, site_id, in->enabled ? "webhook.update" : "webhook.disable", id, url) || db_commit(db)) {
		db_rollback(db);
		goto out;
	}
	rc = M_OK;
out:
	free(url);
	sb_release(&events);
	return rc;
}

/* Hook ID's url when it is SITE_ID's (malloc'd), else NULL. */
static char *hook_url(struct db *db, int64_t site_id, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT url FROM webhooks WHERE id = ? AND site_id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	char *url = db_step(st) == DB_ROW ? xstrdup(db_col_text(st, 0)) : NULL;
	db_reset(st);
	return url;
}

/* What acting on hook ID of SITE_ID begins with: a site administrator, a transaction, the hook's
 * address (for the audit record; malloc'd in *URL). M_OK with the transaction open, else the
 * refusal with none. */
static int hook_open(struct db *db, const struct actor *a, int64_t site_id, int64_t id, char **url)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	if (db_begin(db))
		return M_ERROR;
	*url = hook_url(db, site_id, id);
	if (!*url) {
		db_rollback(db);
		return M_NOTFOUND;
	}
	return M_OK;
}

int webhook_delete(struct db *db, const struct actor *a, int64_t site_id, int64_t id)
{
	char *url;
	int opened = hook_open(db, a, site_id, id, &url);
	if (opened != M_OK)
		return opened;
	/* the attempts and deliveries go with it (ON DELETE CASCADE), said here for the reader and
	 * for an engine whose foreign keys were off */
	struct db_stmt *st = db_stmt(db, "DELETE FROM webhook_attempts WHERE delivery_id IN"
				       " (SELECT id FROM webhook_deliveries WHERE hook_id = ?)");
	int rc = M_ERROR;
	if (!st)
		goto fail;
	db_bind_int(st, 1, id);
	if (db_step_done(st))
		goto fail;
	st = db_stmt(db, "DELETE FROM webhook_deliveries WHERE hook_id = ?");
	if (!st)
		goto fail;
	db_bind_int(st, 1, id);
	if (db_step_done(st))
		goto fail;
	st = db_stmt(db, "DELETE FROM webhooks WHERE id = ? AND site_id = ?");
	if (!st)
		goto fail;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	if (db_step_done(st) || audit_hook(db, a, site_id, "webhook.delete", id, url) || db_commit(db))
		goto fail;
	free(url);
	return M_OK;
fail:
	db_rollback(db);
	free(url);
	return rc;
}

int webhook_secret(struct db *db, const struct actor *a, int64_t site_id, int64_t id, int rotate, char **secret)
{
	*secret = NULL;
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "SELECT secret, url FROM webhooks WHERE id = ? AND site_id = ?");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	char *sealed = NULL, *url = NULL;
	if (db_step(st) == DB_ROW) {
		sealed = xstrdup(db_col_text(st, 0));
		url = xstrdup(db_col_text(st, 1));
	}
	db_reset(st);
	if (!sealed) {
		db_rollback(db);
		return M_NOTFOUND;
	}
	int rc = M_ERROR;
	if (rotate) {
		char plain[65];
		char *fresh = secret_new(plain);
		st = fresh ? db_stmt(db, "UPDATE webhooks SET secret = ?, updated_at = ? WHERE id = ?") : NULL;
		if (st) {
			db_bind_text(st, 1, fresh);
			db_bind_int(st, 2, time_now());
			db_bind_int(st, 3, id);
		}
		if (st && db_step_done(st) == 0)
			*secret = xstrdup(plain);
		sodium_memzero(plain, sizeof(plain));
		free(fresh);
	} else {
		*secret = pdata_open(sealed);
	}
	if (!*secret || audit_hook(db, a, site_id, rotate ? "webhook.secret_new" : "webhook.secret_view", id, url) ||
	    db_commit(db)) {
		db_rollback(db);
		if (*secret) {
			sodium_memzero(*secret, strlen(*secret));
			free(*secret);
			*secret = NULL;
		}
	} else {
		rc = M_OK;
	}
	free(sealed);
	free(url);
	return rc;
}

/* Inserts a delivery of EVENT to HOOK_ID (inside the caller's transaction). */
static int delivery_add(struct db *db, int64_t hook_id, int64_t site_id, const char *event, int64_t item_id,
			json_t *payload, int64_t now)
{
	char *body = json_dumps(payload, JSON_COMPACT);
	struct db_stmt *st = body ? db_stmt(db, "INSERT INTO webhook_deliveries (hook_id, site_id, event, item_id, payload,"
						" created_at, next_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)") : NULL;
	int rc = -1;
	if (st) {
		db_bind_int(st, 1, hook_id);
		db_bind_int(st, 2, site_id);
		db_bind_text(st, 3, event);
		if (item_id)
			db_bind_int(st, 4, item_id);
		db_bind_text(st, 5, body);
		db_bind_int(st, 6, now);
		rc = db_step_done(st);
	}
	json_free_str(body); /* jansson's: the request's arena may have made it */
	return rc;
}

int webhook_queue(struct db *db, int64_t item_id, const char *event, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "SELECT h.id, h.events, h.base_url, i.site_id, i.kind, i.title, s.slug,"
				       " i.lang, i.translation_of"
				       " FROM items i JOIN webhooks h ON h.site_id = i.site_id AND h.enabled = 1"
				       " JOIN sites s ON s.id = i.site_id WHERE i.id = ? ORDER BY h.id");
	if (!st)
		return -1;
	db_bind_int(st, 1, item_id);
	json_t *hooks = db_rows_json(st), *h;
	size_t i;
	int rc = 0;
	char when[40];
	time_format_iso(now, when, sizeof(when));
	json_array_foreach(hooks, i, h) {
		if (!has_word(json_string_value(json_object_get(h, "events")), event))
			continue;
		const char *kind = json_string_value(json_object_get(h, "kind"));
		struct sb url = SB_INIT;
		/* the item as the JSON API gives it (docs/api.md): its public page is in that answer */
		sb_addf(&url, "%sapi/v1/%s/%lld", json_string_value(json_object_get(h, "base_url")), kind ? kind : "article",
			(long long)item_id);
		json_t *p = json_pack("{sssOsssIsOssss}", "event", event, "site", json_object_get(h, "slug"), "kind",
				      kind ? kind : "article", "id", (json_int_t)item_id, "title", json_object_get(h, "title"),
				      "url", url.buf, "time", when);
		sb_release(&url);
		/* the item's language, and the item it translates when it is a translation (#16), so a
		 * receiver can file the versions of one item together */
		const char *lang = json_string_value(json_object_get(h, "lang"));
		if (p)
			json_object_set_new(p, "lang", json_string(lang && *lang ? lang : "vi"));
		json_t *of = json_object_get(h, "translation_of");
		if (p && json_is_integer(of))
			json_object_set(p, "translation_of", of);
		if (!p || delivery_add(db, json_integer_value(json_object_get(h, "id")),
				       json_integer_value(json_object_get(h, "site_id")), event, item_id, p, now))
			rc = -1;
		json_decref(p);
		if (rc)
			break;
	}
	json_decref(hooks);
	return rc;
}

int webhook_test(struct db *db, const struct actor *a, int64_t site_id, int64_t id)
{
	char *url;
	int opened = hook_open(db, a, site_id, id, &url);
	if (opened != M_OK)
		return opened;
	json_t *site = site_get(db, site_id);
	char when[40];
	int64_t now = time_now();
	time_format_iso(now, when, sizeof(when));
	json_t *p = json_pack("{sssOss}", "event", "ping", "site", json_object_get(site, "slug"), "time", when);
	int rc = M_ERROR;
	if (p && delivery_add(db, id, site_id, "ping", 0, p, now) == 0 &&
	    audit_hook(db, a, site_id, "webhook.test", id, url) == 0 && db_commit(db) == 0)
		rc = M_OK;
	else
		db_rollback(db);
	json_decref(p);
	json_decref(site);
	free(url);
	return rc;
}

int webhook_redeliver(struct db *db, const struct actor *a, int64_t site_id, int64_t id)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "UPDATE webhook_deliveries SET state = 'pending', tries = 0, next_at = ?3"
				       " WHERE id = ?1 AND site_id = ?2");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	db_bind_int(st, 3, time_now());
	if (db_step_done(st)) {
		db_rollback(db);
		return M_ERROR;
	}
	if (db_changes(db) != 1) {
		db_rollback(db);
		return M_NOTFOUND;
	}
	char obj[40];
	snprintf(obj, sizeof(obj), "webhook_delivery:%lld", (long long)id);
	if (audit_write(db, a, site_id, "webhook.redeliver", obj, "") || db_commit(db)) {
		db_rollback(db);
		return M_ERROR;
	}
	return M_OK;
}

/* ---- reading ---- */

json_t *webhook_list(struct db *db, const struct actor *a, int64_t site_id)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT h.id, h.url, h.events, h.enabled, h.created_at,"
				       " (SELECT count(*) FROM webhook_deliveries d WHERE d.hook_id = h.id AND d.state = 'pending') AS pending,"
				       " (SELECT count(*) FROM webhook_deliveries d WHERE d.hook_id = h.id AND d.state = 'failed') AS failed"
				       " FROM webhooks h WHERE h.site_id = ? ORDER BY h.id");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	return db_rows_json(st);
}

json_t *webhook_get(struct db *db, const struct actor *a, int64_t site_id, int64_t id)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT id, url, events, enabled, base_url, created_at, updated_at FROM webhooks"
				       " WHERE id = ? AND site_id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	return db_one_json(st);
}

json_t *webhook_deliveries(struct db *db, const struct actor *a, int64_t site_id, int64_t hook_id, int64_t limit)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT d.id, d.hook_id, h.url, d.event, d.item_id, coalesce(i.title, '') AS title,"
				       " d.state, d.tries, d.next_at, d.last_at, d.last_status, d.last_error, d.created_at,"
				       " (SELECT count(*) FROM webhook_attempts t WHERE t.delivery_id = d.id) AS attempts"
				       " FROM webhook_deliveries d JOIN webhooks h ON h.id = d.hook_id"
				       " LEFT JOIN items i ON i.id = d.item_id"
				       " WHERE d.site_id = ?1 AND (?2 = 0 OR d.hook_id = ?2) ORDER BY d.id DESC LIMIT ?3");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, hook_id);
	db_bind_int(st, 3, limit);
	return db_rows_json(st);
}

json_t *webhook_delivery_get(struct db *db, const struct actor *a, int64_t site_id, int64_t id)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT d.id, d.hook_id, h.url, d.event, d.item_id, d.payload, d.state, d.tries,"
				       " d.next_at, d.last_at, d.last_status, d.last_error, d.created_at, d.delivered_at"
				       " FROM webhook_deliveries d JOIN webhooks h ON h.id = d.hook_id"
				       " WHERE d.id = ? AND d.site_id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	json_t *d = db_one_json(st);
	if (!d)
		return NULL;
	st = db_stmt(db, "SELECT at, status, duration_ms, error FROM webhook_attempts WHERE delivery_id = ? ORDER BY id");
	if (st) {
		db_bind_int(st, 1, id);
		json_object_set_new(d, "attempt_log", db_rows_json(st));
	}
	return d;
}

/* ---- the sender's side ---- */

json_t *webhook_due(struct db *db, int64_t now, int limit)
{
	struct db_stmt *st = db_stmt(db, "SELECT d.id, d.hook_id, d.event, d.payload, d.tries, h.url, h.secret"
				       " FROM webhook_deliveries d JOIN webhooks h ON h.id = d.hook_id"
				       " WHERE d.state = 'pending' AND d.next_at <= ?1 AND h.enabled = 1"
				       " ORDER BY d.next_at, d.id LIMIT ?2");
	if (!st)
		return json_array();
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, limit);
	json_t *rows = db_rows_json(st);
	if (!rows)
		return json_array();
	pdata_open_rows(rows, "secret");
	return rows;
}

int webhook_attempt_done(struct db *db, int64_t id, long status, int64_t ms, const char *err, int64_t now)
{
	if (db_begin(db))
		return -1;
	struct db_stmt *st = db_stmt(db, "INSERT INTO webhook_attempts (delivery_id, at, status, duration_ms, error)"
				       " VALUES (?, ?, ?, ?, ?)");
	if (!st)
		goto fail;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, status);
	db_bind_int(st, 4, ms);
	db_bind_text(st, 5, err ? err : "");
	if (db_step_done(st))
		goto fail;
	int64_t tries = 0;
	st = db_stmt(db, "SELECT tries FROM webhook_deliveries WHERE id = ?");
	if (!st)
		goto fail;
	db_bind_int(st, 1, id);
	if (db_one_int(st, &tries) < 0)
		goto fail;
	tries++;
	if (!err) {
		st = db_stmt(db, "UPDATE webhook_deliveries SET state = 'delivered', tries = ?2, last_at = ?3,"
				 " last_status = ?4, last_error = '', delivered_at = ?3 WHERE id = ?1");
	} else {
		int64_t wait = webhook_backoff((int)tries);
		st = db_stmt(db, "UPDATE webhook_deliveries SET state = ?5, tries = ?2, last_at = ?3, last_status = ?4,"
				 " last_error = ?6, next_at = ?7 WHERE id = ?1");
		if (st) {
			db_bind_text(st, 5, wait < 0 ? "failed" : "pending");
			db_bind_text(st, 6, err);
			db_bind_int(st, 7, wait < 0 ? now : now + wait);
		}
	}
	if (!st)
		goto fail;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, tries);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, status);
	if (db_step_done(st) || db_commit(db))
		goto fail;
	return 0;
fail:
	db_rollback(db);
	return -1;
}

int webhook_purge(struct db *db, int64_t now, int days)
{
	int64_t before = now - (int64_t)days * 86400, any = 0;
	/* asked first: most passes have nothing to forget, and then write nothing */
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM webhook_deliveries WHERE state <> 'pending' AND created_at < ? LIMIT 1");
	if (!st)
		return -1;
	db_bind_int(st, 1, before);
	int found = db_one_int(st, &any);
	if (found <= 0)
		return found;
	if (db_begin(db))
		return -1;
	st = db_stmt(db, "DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries"
				       " WHERE state <> 'pending' AND created_at < ?)");
	if (!st)
		goto fail;
	db_bind_int(st, 1, before);
	if (db_step_done(st))
		goto fail;
	st = db_stmt(db, "DELETE FROM webhook_deliveries WHERE state <> 'pending' AND created_at < ?");
	if (!st)
		goto fail;
	db_bind_int(st, 1, before);
	if (db_step_done(st))
		goto fail;
	int n = db_changes(db);
	if (db_commit(db))
		goto fail;
	return n;
fail:
	db_rollback(db);
	return -1;
}
