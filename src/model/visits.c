/* visits.c — visit statistics in the store (model/visits.h): the batches the server's counters
 * add, the reports and the admin page's lists, and each site's settings of the public counter
 * and the EMC tracker. */
#include "model/visits.h"
#include "model/internal.h"
#include "base/util.h"
#include "db/db.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define RANGE_MAX 3700 /* days: ten years, what a report may span */

int visits_store(struct db *db, const struct visit_count *c, size_t n)
{
	if (!n)
		return 0;
	if (db_begin(db))
		return -1;
	/* each counter adds to its row, made when it is the first of its day */
	for (size_t i = 0; i < n; i++) {
		struct db_stmt *st;
		if (c[i].item_id) {
			st = db_stmt(db, "INSERT INTO visit_items (item_id, day, site_id, views) VALUES (?1, ?2, ?3, ?4)"
					 " ON CONFLICT (item_id, day) DO UPDATE SET views = visit_items.views + excluded.views");
			if (st) {
				db_bind_int(st, 1, c[i].item_id);
				db_bind_int(st, 2, c[i].day);
				db_bind_int(st, 3, c[i].site_id);
				db_bind_int(st, 4, c[i].n);
			}
		} else if (c[i].host[0]) {
			st = db_stmt(db, "INSERT INTO visit_referrers (site_id, day, host, views) VALUES (?1, ?2, ?3, ?4)"
					 " ON CONFLICT (site_id, day, host) DO UPDATE SET views = visit_referrers.views + excluded.views");
			if (st) {
				db_bind_int(st, 1, c[i].site_id);
				db_bind_int(st, 2, c[i].day);
				db_bind_text(st, 3, c[i].host);
				db_bind_int(st, 4, c[i].n);
			}
		} else {
			st = db_stmt(db, "INSERT INTO visit_days (site_id, day, views) VALUES (?1, ?2, ?3)"
					 " ON CONFLICT (site_id, day) DO UPDATE SET views = visit_days.views + excluded.views");
			if (st) {
				db_bind_int(st, 1, c[i].site_id);
				db_bind_int(st, 2, c[i].day);
				db_bind_int(st, 3, c[i].n);
			}
		}
		if (db_step_done(st)) {
			db_rollback(db);
			return -1;
		}
	}
	return db_commit(db) ? -1 : 0;
}

/* Whether A may read the statistics of SITE_ID: any role on it; for the province (0), a role on
 * the main portal. The system administrator always. */
static int may_read(struct db *db, const struct actor *a, int64_t site_id)
{
	if (a && a->sysadmin)
		return 1;
	if (!site_id) {
		json_t *m = site_main(db);
		site_id = json_integer_value(json_object_get(m, "id"));
		json_decref(m);
		if (!site_id)
			return 0;
	}
	return user_role_on(db, a, site_id) != NULL;
}

static int range_ok(int32_t from, int32_t to)
{
	return from <= to && (int64_t)to - from < RANGE_MAX;
}

json_t *visits_report(struct db *db, const struct actor *a, int64_t site_id, int32_t from_day, int32_t to_day)
{
	if (!range_ok(from_day, to_day) || !may_read(db, a, site_id))
		return NULL;
	/* every day of the range, so that a chart's axis has no holes */
	size_t ndays = (size_t)(to_day - from_day + 1);
	int64_t *per_day = xcalloc(ndays, sizeof(*per_day)), total = 0;
	struct db_stmt *st = site_id ? db_stmt(db, "SELECT day, views FROM visit_days WHERE site_id = ?1 AND day >= ?2 AND day <= ?3")
				     : db_stmt(db, "SELECT day, sum(views) FROM visit_days WHERE day >= ?2 AND day <= ?3 GROUP BY day");
	if (!st) {
		free(per_day);
		return NULL;
	}
	if (site_id)
		db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, from_day);
	db_bind_int(st, 3, to_day);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		int64_t d = db_col_int(st, 0), v = db_col_int(st, 1);
		if (d >= from_day && d <= to_day)
			per_day[d - from_day] += v;
		total += v;
	}
	db_reset(st);
	if (rc != DB_DONE) {
		free(per_day);
		return NULL;
	}
	json_t *by_day = json_array();
	for (size_t i = 0; i < ndays; i++)
		json_array_append_new(by_day, json_pack("{sIsI}", "day", (json_int_t)(from_day + (int64_t)i), "total",
							(json_int_t)per_day[i]));
	free(per_day);
	st = site_id ? db_stmt(db, "SELECT s.id AS site_id, s.name AS site_name, coalesce(sum(v.views), 0) AS total"
				   " FROM sites s LEFT JOIN visit_days v ON v.site_id = s.id AND v.day >= ?2 AND v.day <= ?3"
				   " WHERE s.id = ?1 GROUP BY s.id, s.name")
		     : db_stmt(db, "SELECT s.id AS site_id, s.name AS site_name, coalesce(sum(v.views), 0) AS total"
				   " FROM sites s LEFT JOIN visit_days v ON v.site_id = s.id AND v.day >= ?2 AND v.day <= ?3"
				   " GROUP BY s.id, s.name ORDER BY 3 DESC, s.name");
	if (!st) {
		json_decref(by_day);
		return NULL;
	}
	if (site_id)
		db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, from_day);
	db_bind_int(st, 3, to_day);
	json_t *by_site = db_rows_json(st);
	return json_pack("{sIsoso}", "total", (json_int_t)total, "by_site", by_site, "by_day", by_day);
}

json_t *visits_top_items(struct db *db, const struct actor *a, int64_t site_id, int32_t from_day, int32_t to_day,
			 int limit)
{
	if (!range_ok(from_day, to_day) || !site_id || !may_read(db, a, site_id))
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT v.item_id, a.title, a.kind, a.slug, sum(v.views) AS views"
					 " FROM visit_items v JOIN items a ON a.id = v.item_id"
					 " WHERE v.site_id = ?1 AND v.day >= ?2 AND v.day <= ?3"
					 " GROUP BY v.item_id, a.title, a.kind, a.slug ORDER BY 5 DESC, v.item_id LIMIT ?4");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, from_day);
	db_bind_int(st, 3, to_day);
	db_bind_int(st, 4, limit);
	return db_rows_json(st);
}

json_t *visits_top_referrers(struct db *db, const struct actor *a, int64_t site_id, int32_t from_day,
			     int32_t to_day, int limit)
{
	if (!range_ok(from_day, to_day) || !site_id || !may_read(db, a, site_id))
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT host, sum(views) AS views FROM visit_referrers"
					 " WHERE site_id = ?1 AND day >= ?2 AND day <= ?3 GROUP BY host ORDER BY 2 DESC, host LIMIT ?4");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, from_day);
	db_bind_int(st, 3, to_day);
	db_bind_int(st, 4, limit);
	return db_rows_json(st);
}

int64_t visits_site_total(struct db *db, int64_t site_id)
{
	int64_t n = 0;
	struct db_stmt *st = db_stmt(db, "SELECT coalesce(sum(views), 0) FROM visit_days WHERE site_id = ?1");
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	return db_one_int(st, &n) < 0 ? -1 : n;
}

int visit_settings_get(struct db *db, int64_t site_id, struct visit_settings *s)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->emc_origin, sizeof(s->emc_origin), "%s", VISITS_EMC_ORIGIN);
	struct db_stmt *st = db_stmt(db, "SELECT public_counter, emc_site_id, emc_origin FROM visit_settings WHERE site_id = ?1");
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		s->public_counter = db_col_int(st, 0) != 0;
		s->emc_site_id = db_col_int(st, 1);
		const char *o = db_col_text(st, 2);
		if (o && *o)
			snprintf(s->emc_origin, sizeof(s->emc_origin), "%s", o);
	}
	db_reset(st);
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}

/* "https://host[:port]" and nothing more (no path, user, query): what a CSP source may name
 * exactly. Parsed with libcurl's URL parser. Writes the normalised origin into OUT; 0 or -1. */
static int origin_parse(const char *s, char *out, size_t n)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *port = NULL, *path = NULL, *user = NULL, *query = NULL, *frag = NULL;
	int rc = -1;
	if (!u || curl_url_set(u, CURLUPART_URL, s, 0) != CURLUE_OK)
		goto out;
	curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
	curl_url_get(u, CURLUPART_HOST, &host, 0);
	curl_url_get(u, CURLUPART_PORT, &port, 0);
	curl_url_get(u, CURLUPART_PATH, &path, 0);
	curl_url_get(u, CURLUPART_USER, &user, 0);
	curl_url_get(u, CURLUPART_QUERY, &query, 0);
	curl_url_get(u, CURLUPART_FRAGMENT, &frag, 0);
	if (!scheme || strcmp(scheme, "https") != 0 || !host || user || query || frag || (path && strcmp(path, "/") != 0))
		goto out;
	for (char *h = host; *h; h++) {
		if (*h >= 'A' && *h <= 'Z')
			*h = (char)(*h + 32); /* host names are case-insensitive: kept lower-case */
		if (!((*h >= 'a' && *h <= 'z') || (*h >= '0' && *h <= '9') || *h == '.' || *h == '-'))
			goto out; /* a plain DNS name: nothing a CSP header could misread */
	}
	if ((size_t)snprintf(out, n, "https://%s%s%s", host, port ? ":" : "", port ? port : "") < n)
		rc = 0;
out:
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_free(path);
	curl_free(user);
	curl_free(query);
	curl_free(frag);
	curl_url_cleanup(u);
	return rc;
}

int visit_settings_update(struct db *db, const struct actor *a, int64_t site_id, int public_counter,
			  const char *emc_site_id, const char *emc_origin, struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	int64_t emc = 0;
	char origin[128];
	if (emc_site_id && *emc_site_id && parse_i64(emc_site_id, 1, 999999999, &emc))
		errs_add(e, "emc_site_id", "visits_err_emc_site_id");
	if (!emc_origin || !*emc_origin)
		snprintf(origin, sizeof(origin), "%s", VISITS_EMC_ORIGIN);
	else if (origin_parse(emc_origin, origin, sizeof(origin)))
		errs_add(e, "emc_origin", "visits_err_emc_origin");
	if (e->n)
		return M_INVALID;
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "INSERT INTO visit_settings (site_id, public_counter, emc_site_id, emc_origin)"
					 " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (site_id) DO UPDATE SET"
					 " public_counter = excluded.public_counter, emc_site_id = excluded.emc_site_id,"
					 " emc_origin = excluded.emc_origin");
	if (st) {
		db_bind_int(st, 1, site_id);
		db_bind_int(st, 2, public_counter ? 1 : 0);
		db_bind_int(st, 3, emc);
		db_bind_text(st, 4, origin);
	}
	char detail[200];
	snprintf(detail, sizeof(detail), "counter=%d emc=%lld %s", public_counter ? 1 : 0, (long long)emc, origin);
	/* the audit record bumps the site's pages: their footer and CSP follow at once */
	if (db_step_done(st) || audit_write(db, a, site_id, "visits.settings", "", detail)) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}
