/* obligation.c — information obligations: the table per site, each period's provision, the
 * report per unit and the due lists' rows (obligation.h, docs/obligations.md). The requests are
 * in obligation_request.c. */
#include "obligation.h"
#include "deadline.h"
#include "calendar.h"
#include "kind.h"
#include "internal.h"
#include "db/db.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/utf8.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define PERIODS_SHOWN 12
#define SOON_DAYS 2 /* as the deadline module's lists */

/* ---- periods ---- */

static int period_months(const char *p)
{
	return !p ? 0 : strcmp(p, "month") == 0 ? 1 : strcmp(p, "quarter") == 0 ? 3 : strcmp(p, "half") == 0 ? 6
	       : strcmp(p, "year") == 0 ? 12 : 0;
}

/* The first day of the period of kind P that holds DAY. */
static int32_t period_start_of(const char *p, int32_t day)
{
	int m = period_months(p);
	vn_date d = vn_days_to_date(day);
	vn_date s = { d.y, ((d.m - 1) / m) * m + 1, 1 };
	return vn_date_to_days(s);
}

/* The first day of the period after the one starting on START. */
static int32_t period_next(const char *p, int32_t start)
{
	vn_date d = vn_days_to_date(start);
	d.m += period_months(p);
	if (d.m > 12) {
		d.m -= 12;
		d.y++;
	}
	d.d = 1;
	return vn_date_to_days(d);
}

/* The period's name as the regulations write it: "11/2026", "IV/2026" (quarter), "II/2026"
 * (half-year), "2026". */
static void period_num(const char *p, int32_t start, char *buf, size_t n)
{
	static const char *const roman[] = { "I", "II", "III", "IV" };
	vn_date d = vn_days_to_date(start);
	int m = period_months(p);
	if (m == 1)
		snprintf(buf, n, "%02d/%d", d.m, d.y);
	else if (m == 12)
		snprintf(buf, n, "%d", d.y);
	else
		snprintf(buf, n, "%s/%d", roman[(d.m - 1) / m], d.y);
}

/* The due time of the period starting on START: 24:00 of the WORKDAYS-th working day after its
 * last day. -1 when the day is outside the calendar's years. */
static int64_t period_due(const struct vn_calendar *cal, const char *p, int32_t start, int workdays)
{
	int32_t day;
	if (vn_calendar_add(cal, period_next(p, start) - 1, workdays, &day))
		return -1;
	return vn_time_of_days(day + 1) - 1;
}

/* "yyyy-mm-dd" (the date input) or "dd/mm/yyyy": 0 and the day number, else -1. */
static int day_parse(const char *s, int32_t *out)
{
	vn_date d;
	char tail;
	if (vn_date_parse(s, &d) == 0) {
		*out = vn_date_to_days(d);
		return 0;
	}
	if (sscanf(s, "%2d/%2d/%4d%c", &d.d, &d.m, &d.y, &tail) == 3 && d.y >= VN_YEAR_MIN && d.y <= VN_YEAR_MAX &&
	    vn_date_valid(d)) {
		*out = vn_date_to_days(d);
		return 0;
	}
	return -1;
}

int obligation_day_parse(const char *s, int32_t *out)
{
	return s ? day_parse(s, out) : -1;
}

/* ---- who ---- */

int obligation_may_view(struct db *db, const struct actor *a, int64_t site_id)
{
	return actor_level(db, a, site_id) >= LVL_REPORTER;
}

int obligation_may_edit(struct db *db, const struct actor *a, int64_t site_id)
{
	return actor_level(db, a, site_id) >= LVL_SITEADMIN;
}

/* ---- the table ---- */

json_t *obligation_providers(struct db *db, int64_t site_id)
{
	json_t *out = json_array();
	struct db_stmt *st = db_stmt(db, "SELECT 'site:' || id AS value, name, 'site' AS grp FROM sites WHERE id <> ?1"
				       " ORDER BY kind = 'main' DESC, name");
	if (!st)
		return out;
	db_bind_int(st, 1, site_id);
	json_t *sites = db_rows_json(st);
	st = db_stmt(db, "SELECT 'unit:' || id AS value, title AS name, 'unit' AS grp FROM items"
			 " WHERE site_id = ?1 AND kind = 'unit' AND state = 'published' ORDER BY title");
	json_t *units = st ? (db_bind_int(st, 1, site_id), db_rows_json(st)) : json_array();
	json_array_extend(out, units);
	json_array_extend(out, sites);
	json_decref(units);
	json_decref(sites);
	return out;
}

/* The provider of IN for SITE_ID checked: *PSITE or *PUNIT set. */
static void provider_check(struct db *db, int64_t site_id, const char *s, int64_t *psite, int64_t *punit, struct errs *e)
{
	int64_t id = 0;
	*psite = *punit = 0;
	if (!s || !*s) {
		errs_add(e, "provider", "required");
		return;
	}
	int is_site = strncmp(s, "site:", 5) == 0, is_unit = strncmp(s, "unit:", 5) == 0;
	if ((!is_site && !is_unit) || parse_i64(s + 5, 1, INT64_MAX, &id)) {
		errs_add(e, "provider", "obl_provider_invalid");
		return;
	}
	struct db_stmt *st = is_site ? db_stmt(db, "SELECT 1 FROM sites WHERE id = ?1 AND id <> ?2")
				     : db_stmt(db, "SELECT 1 FROM items WHERE id = ?1 AND site_id = ?2 AND kind = 'unit'"
						   " AND state = 'published'");
	int64_t one = 0;
	if (st) {
		db_bind_int(st, 1, id);
		db_bind_int(st, 2, site_id);
		if (db_one_int(st, &one) < 0)
			one = 0;
	}
	if (one != 1) {
		errs_add(e, "provider", "obl_provider_invalid");
		return;
	}
	*(is_site ? psite : punit) = id;
}

/* A one-line text of at most MAX characters into *OUT (malloc'd); REQUIRED: not empty. */
static void text_field(const char *in, size_t max, int required, int multiline, const char *field, char **out,
		       struct errs *e)
{
	*out = text_clean(in ? in : "", multiline);
	if (!*out)
		errs_add(e, field, "invalid_utf8");
	else if (required && !**out)
		errs_add(e, field, "required");
	else if (utf8_length(*out) > max)
		errs_add(e, field, "too_long");
}

int obligation_save(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
		    const struct obligation_input *in, struct errs *e, int64_t *out_id)
{
	if (out_id)
		*out_id = id;
	if (!obligation_may_edit(db, a, site_id))
		return M_DENIED;
	int64_t psite, punit, workdays = 0;
	int32_t starts = vn_days_of_time(time_now());
	char *what = NULL, *basis = NULL;
	provider_check(db, site_id, in->provider, &psite, &punit, e);
	if (!in->kind || !kind_find(in->kind))
		errs_add(e, "kind", "obl_kind_invalid");
	text_field(in->what, OBL_TEXT_MAX, 1, 0, "what", &what, e);
	text_field(in->basis, 200, 0, 0, "basis", &basis, e);
	if (!period_months(in->period))
		errs_add(e, "period", "obl_period_invalid");
	if (!in->workdays || !*in->workdays)
		errs_add(e, "workdays", "required");
	else if (parse_i64(in->workdays, 1, OBL_WORKDAYS_MAX, &workdays))
		errs_add(e, "workdays", "obl_workdays_invalid");
	if (in->starts && *in->starts && day_parse(in->starts, &starts))
		errs_add(e, "starts", "obl_day_invalid");
	int rc = M_INVALID;
	if (e->n)
		goto out;
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	struct db_stmt *st;
	if (id) {
		st = db_stmt(db, "UPDATE obligations SET provider_site = ?3, provider_unit = ?4, kind = ?5, what = ?6, basis = ?7,"
				 " period = ?8, workdays = ?9, starts_day = ?10, active = ?11, updated_at = ?12"
				 " WHERE id = ?1 AND site_id = ?2");
	} else {
		st = db_stmt(db, "INSERT INTO obligations (site_id, provider_site, provider_unit, kind, what, basis, period,"
				 " workdays, starts_day, active, created_at, updated_at)"
				 " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)");
	}
	if (!st)
		goto rollback;
	if (id)
		db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	if (psite)
		db_bind_int(st, 3, psite);
	else
		db_bind_null(st, 3);
	if (punit)
		db_bind_int(st, 4, punit);
	else
		db_bind_null(st, 4);
	db_bind_text(st, 5, in->kind);
	db_bind_text(st, 6, what);
	db_bind_text(st, 7, basis);
	db_bind_text(st, 8, in->period);
	db_bind_int(st, 9, workdays);
	db_bind_int(st, 10, starts);
	db_bind_int(st, 11, id ? (in->active ? 1 : 0) : 1);
	db_bind_int(st, 12, time_now());
	if (db_step_done(st))
		goto rollback;
	if (id && db_changes(db) != 1) {
		rc = M_NOTFOUND;
		goto rollback;
	}
	if (!id)
		id = db_last_id(db);
	char obj[40];
	snprintf(obj, sizeof(obj), "obligation:%lld", (long long)id);
	if (audit_write(db, a, site_id, out_id && *out_id ? "obligation.edit" : "obligation.add", obj, what) ||
	    db_commit(db))
		goto rollback;
	if (out_id)
		*out_id = id;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	free(what);
	free(basis);
	return rc;
}

/* ---- reads ---- */

#define OBL_SELECT                                                                                          \
	"SELECT o.id, o.site_id, s.name AS site_name, s.slug AS site_slug, s.kind AS site_kind, o.provider_site," \
	" o.provider_unit, coalesce(ps.name, u.title, '') AS provider_name, o.kind, o.what, o.basis, o.period,"   \
	" o.workdays, o.active, o.starts_day, o.created_at, ps.slug AS provider_slug, ps.kind AS provider_site_kind" \
	" FROM obligations o JOIN sites s ON s.id = o.site_id"                                                      \
	" LEFT JOIN sites ps ON ps.id = o.provider_site LEFT JOIN items u ON u.id = o.provider_unit"

/* The provision of period START of obligation ID: its row, or NULL. */
static json_t *provision_of(struct db *db, int64_t id, int32_t start)
{
	struct db_stmt *st = db_stmt(db, "SELECT p.provided_at, p.item_id, coalesce(i.title, '') AS item_title, p.note"
				       " FROM obligation_provisions p LEFT JOIN items i ON i.id = p.item_id"
				       " WHERE p.obligation_id = ?1 AND p.period_start = ?2");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, start);
	return db_one_json(st);
}


/* Period START of obligation ROW at NOW: {start, num, kind, due, due_iso, due_at, state, …}. */
static json_t *period_json(struct db *db, const struct vn_calendar *cal, json_t *row, int32_t start, int64_t now)
{
	const char *p = sval(row, "period");
	char num[24], buf[40];
	int64_t due = period_due(cal, p, start, (int)ival(row, "workdays"));
	json_t *prov = provision_of(db, ival(row, "id"), start);
	period_num(p, start, num, sizeof(num));
	json_t *o = json_pack("{sIsssssI}", "start", (json_int_t)start, "num", num, "kind", p, "due_at", (json_int_t)due);
	time_format_vn(due, buf, sizeof(buf));
	json_object_set_new(o, "due", json_string(buf));
	time_format_iso(due, buf, sizeof(buf));
	json_object_set_new(o, "due_iso", json_string(buf));
	const char *state;
	if (prov) {
		int64_t at = ival(prov, "provided_at");
		state = at <= due ? "on_time" : "late";
		time_format_vn(at, buf, sizeof(buf));
		json_object_set_new(o, "provided", json_string(buf));
		json_object_set(o, "item_id", json_object_get(prov, "item_id"));
		json_object_set(o, "item_title", json_object_get(prov, "item_title"));
		json_object_set(o, "note", json_object_get(prov, "note"));
		json_decref(prov);
	} else {
		int32_t ended = period_next(p, start) - 1;
		state = vn_days_of_time(now) <= ended ? "running" : due < now ? "missing" : "open";
	}
	json_object_set_new(o, "state", json_string(state));
	return o;
}

/* The rows of SQL (OBL_SELECT with its conditions on ?1 = SITE_ID: a string literal, db_stmt
 * caches it by address), each with "kind_name", "provider_kind" and its latest ended period
 * ("last"). */
static json_t *obligation_rows(struct db *db, const char *sql, int64_t site_id, int64_t now)
{
	struct db_stmt *st = db_stmt(db, sql);
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	json_t *rows = db_rows_json(st), *row;
	struct vn_calendar *cal = calendar_load(db);
	int32_t today = vn_days_of_time(now);
	size_t i;
	json_array_foreach(rows, i, row) {
		const struct kind *k = kind_find(sval(row, "kind"));
		json_object_set_new(row, "kind_name", json_string(k ? k->label : sval(row, "kind")));
		json_object_set_new(row, "provider_kind", json_string(json_is_integer(json_object_get(row, "provider_site")) ? "site" : "unit"));
		const char *p = sval(row, "period");
		int32_t cur = period_start_of(p, today), first = period_start_of(p, (int32_t)ival(row, "starts_day"));
		json_t *last = json_null();
		if (cal && first < cur) {
			/* the period before the current one: the latest that has ended */
			int32_t prev = first, s;
			for (s = first; s < cur; s = period_next(p, s))
				prev = s;
			last = period_json(db, cal, row, prev, now);
		}
		json_object_set_new(row, "last", last);
	}
	vn_calendar_free(cal);
	return rows;
}

json_t *obligation_list(struct db *db, const struct actor *a, int64_t site_id, int64_t now, json_t **toward)
{
	if (toward)
		*toward = NULL;
	if (!obligation_may_view(db, a, site_id))
		return NULL;
	json_t *rows = obligation_rows(db, OBL_SELECT " WHERE o.site_id = ?1 ORDER BY o.active DESC, o.id", site_id, now);
	if (toward)
		*toward = obligation_rows(db, OBL_SELECT " WHERE o.provider_site = ?1 AND o.active = 1 ORDER BY o.id", site_id, now);
	return rows;
}

/* Obligation ID's row if SITE_ID receives or provides it, else NULL. */
static json_t *obligation_row(struct db *db, int64_t site_id, int64_t id)
{
	struct db_stmt *st = db_stmt(db, OBL_SELECT " WHERE o.id = ?2 AND (o.site_id = ?1 OR o.provider_site = ?1)");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, id);
	return db_one_json(st);
}

json_t *obligation_get(struct db *db, const struct actor *a, int64_t site_id, int64_t id, int64_t now)
{
	if (!obligation_may_view(db, a, site_id))
		return NULL;
	json_t *row = obligation_row(db, site_id, id);
	if (!row)
		return NULL;
	const struct kind *k = kind_find(sval(row, "kind"));
	json_object_set_new(row, "kind_name", json_string(k ? k->label : sval(row, "kind")));
	json_object_set_new(row, "provider_kind", json_string(json_is_integer(json_object_get(row, "provider_site")) ? "site" : "unit"));
	json_object_set_new(row, "may_edit", json_boolean(ival(row, "site_id") == site_id && obligation_may_edit(db, a, site_id)));
	json_object_set_new(row, "may_record", json_boolean(actor_level(db, a, site_id) >= LVL_EDITOR));
	json_t *periods = json_array();
	struct vn_calendar *cal = calendar_load(db);
	const char *p = sval(row, "period");
	int32_t today = vn_days_of_time(now), first = period_start_of(p, (int32_t)ival(row, "starts_day"));
	int32_t starts[PERIODS_SHOWN];
	size_t n = 0;
	/* the newest PERIODS_SHOWN periods from the first to the current one */
	for (int32_t s = first; cal && s <= today; s = period_next(p, s)) {
		if (n == PERIODS_SHOWN) {
			memmove(starts, starts + 1, sizeof(starts[0]) * (PERIODS_SHOWN - 1));
			n--;
		}
		starts[n++] = s;
	}
	while (n > 0)
		json_array_append_new(periods, period_json(db, cal, row, starts[--n], now));
	vn_calendar_free(cal);
	json_object_set_new(row, "periods", periods);
	return row;
}

int obligation_provide(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const char *period,
		       const char *item, const char *note, int64_t now, struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_EDITOR)
		return M_DENIED;
	json_t *row = obligation_row(db, site_id, id);
	if (!row)
		return M_NOTFOUND;
	int64_t start = 0, item_id = 0;
	char *text = NULL;
	const char *p = sval(row, "period");
	int32_t first = period_start_of(p, (int32_t)ival(row, "starts_day"));
	/* an ended period since the first: a running one has nothing to provide yet */
	if (!period || parse_i64(period, first, vn_days_of_time(now), &start) || period_start_of(p, (int32_t)start) != start ||
	    period_next(p, (int32_t)start) > vn_days_of_time(now))
		errs_add(e, "period", "obl_period_choose");
	if (item && *item) {
		/* an item of either side: the receiving site's (published from what came) or the
		 * provider's own */
		struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM items WHERE id = ?1 AND site_id IN (?2, ?3)");
		int64_t one = 0;
		if (parse_i64(item, 1, INT64_MAX, &item_id) || !st)
			one = 0;
		else {
			db_bind_int(st, 1, item_id);
			db_bind_int(st, 2, ival(row, "site_id"));
			db_bind_int(st, 3, json_is_integer(json_object_get(row, "provider_site")) ? ival(row, "provider_site") : 0);
			if (db_one_int(st, &one) < 0)
				one = 0;
		}
		if (one != 1)
			errs_add(e, "item", "obl_item_invalid");
	}
	text_field(note, OBL_TEXT_MAX, 0, 1, "note", &text, e);
	if (!e->n && !item_id && text && !*text)
		errs_add(e, "item", "obl_item_or_note");
	int rc = M_INVALID;
	if (e->n)
		goto out;
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	/* a period is recorded once: a second record replaces the first (a correction), its time
	 * kept from the first */
	struct db_stmt *st = db_stmt(db, "SELECT provided_at FROM obligation_provisions WHERE obligation_id = ?1 AND period_start = ?2");
	int64_t at = now;
	if (!st)
		goto rollback;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, start);
	if (db_step(st) == DB_ROW)
		at = db_col_int(st, 0);
	db_reset(st);
	st = db_stmt(db, "DELETE FROM obligation_provisions WHERE obligation_id = ?1 AND period_start = ?2");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, start);
	if (db_step_done(st))
		goto rollback;
	st = db_stmt(db, "INSERT INTO obligation_provisions (obligation_id, period_start, item_id, note, provided_at, recorded_by)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, start);
	if (item_id)
		db_bind_int(st, 3, item_id);
	else
		db_bind_null(st, 3);
	db_bind_text(st, 4, text);
	db_bind_int(st, 5, at);
	if (a->id)
		db_bind_int(st, 6, a->id);
	else
		db_bind_null(st, 6);
	if (db_step_done(st))
		goto rollback;
	char obj[40], num[24];
	snprintf(obj, sizeof(obj), "obligation:%lld", (long long)id);
	period_num(p, (int32_t)start, num, sizeof(num));
	if (audit_write(db, a, site_id, "obligation.provide", obj, num) || db_commit(db))
		goto rollback;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	free(text);
	json_decref(row);
	return rc;
}

/* ---- the report ---- */

struct tally {
	int64_t expected, on_time, late, missing, pending;
};

static void tally_json(json_t *o, const struct tally *t)
{
	json_object_set_new(o, "expected", json_integer(t->expected));
	json_object_set_new(o, "on_time", json_integer(t->on_time));
	json_object_set_new(o, "late", json_integer(t->late));
	json_object_set_new(o, "missing", json_integer(t->missing));
	json_object_set_new(o, "pending", json_integer(t->pending));
}

json_t *obligation_report(struct db *db, const struct actor *a, int64_t site_id, int32_t from_day, int32_t to_day)
{
	if (!deadline_may_view(db, a, site_id))
		return NULL;
	int64_t now = time_now();
	json_t *rows = obligation_rows(db, OBL_SELECT " WHERE (?1 = 0 OR o.site_id = ?1) ORDER BY o.id", site_id, now), *row;
	json_t *out_rows = json_array();
	struct tally total = { 0 };
	struct vn_calendar *cal = calendar_load(db);
	size_t i;
	json_array_foreach(rows, i, row) {
		const char *p = sval(row, "period");
		struct tally t = { 0 };
		/* every period from the first whose due day falls in [FROM_DAY, TO_DAY] */
		for (int32_t s = period_start_of(p, (int32_t)ival(row, "starts_day")); cal; s = period_next(p, s)) {
			int64_t due = period_due(cal, p, s, (int)ival(row, "workdays"));
			if (due < 0)
				break;
			int32_t due_day = vn_days_of_time(due);
			if (due_day > to_day)
				break;
			if (due_day < from_day)
				continue;
			json_t *prov = provision_of(db, ival(row, "id"), s);
			t.expected++;
			if (prov && ival(prov, "provided_at") <= due)
				t.on_time++;
			else if (prov)
				t.late++;
			else if (due < now)
				t.missing++;
			else
				t.pending++;
			json_decref(prov);
		}
		/* the same unit and kind of the same site add up into one row */
		json_t *r = NULL, *x;
		size_t k;
		json_array_foreach(out_rows, k, x)
			if (strcmp(sval(x, "unit"), sval(row, "provider_name")) == 0 && strcmp(sval(x, "kind"), sval(row, "kind")) == 0 &&
			    ival(x, "site_id") == ival(row, "site_id"))
				r = x;
		if (!r) {
			r = json_pack("{sOsOsOsOsO}", "unit", json_object_get(row, "provider_name"), "site_id",
				      json_object_get(row, "site_id"), "site_name", json_object_get(row, "site_name"), "kind",
				      json_object_get(row, "kind"), "kind_name", json_object_get(row, "kind_name"));
			tally_json(r, &(struct tally){ 0 });
			json_array_append_new(out_rows, r);
		}
		static const char *const keys[] = { "expected", "on_time", "late", "missing", "pending" };
		const int64_t v[] = { t.expected, t.on_time, t.late, t.missing, t.pending };
		for (k = 0; k < 5; k++)
			json_object_set_new(r, keys[k], json_integer(ival(r, keys[k]) + v[k]));
		total.expected += t.expected;
		total.on_time += t.on_time;
		total.late += t.late;
		total.missing += t.missing;
		total.pending += t.pending;
	}
	vn_calendar_free(cal);
	json_decref(rows);
	json_t *tot = json_object();
	tally_json(tot, &total);
	return json_pack("{soso}", "rows", out_rows, "totals", tot);
}

/* ---- the due lists ---- */

static int by_due(const void *x, const void *y)
{
	json_t *a = *(json_t *const *)x, *b = *(json_t *const *)y;
	int64_t da = ival(a, "due_at"), db_ = ival(b, "due_at"), ia = ival(a, "id"), ib = ival(b, "id");
	return da != db_ ? (da > db_) - (da < db_) : (ia > ib) - (ia < ib);
}

/* Puts ROW into the list of LISTS its due time falls in (or counts it later). */
static void due_place(const struct vn_calendar *cal, json_t *lists, json_t *row, int64_t now)
{
	int64_t due = ival(row, "due_at");
	int32_t today = vn_days_of_time(now), soon_end = today, due_day = vn_days_of_time(due);
	int left = 0;
	char buf[40];
	vn_calendar_add(cal, today, SOON_DAYS, &soon_end);
	vn_calendar_count(cal, today, due_day, &left);
	time_format_vn(due, buf, sizeof(buf));
	json_object_set_new(row, "due", json_string(buf));
	time_format_iso(due, buf, sizeof(buf));
	json_object_set_new(row, "due_iso", json_string(buf));
	json_object_set_new(row, "working_days_left", json_integer(left));
	json_object_set_new(row, "overdue_days", json_integer(left < 0 ? -left : 0));
	const char *list = due < now ? "overdue" : due_day == today ? "today" : due_day <= soon_end ? "soon" : NULL;
	if (list)
		json_array_append(json_object_get(lists, list), row);
	else
		json_object_set_new(lists, "later_count", json_integer(ival(lists, "later_count") + 1));
}

void obligation_due_append(struct db *db, int64_t site_id, int64_t now, json_t *lists)
{
	struct vn_calendar *cal = calendar_load(db);
	if (!cal)
		return;
	json_t *rows = obligation_rows(db, OBL_SELECT " WHERE o.active = 1 AND (?1 = 0 OR o.site_id = ?1 OR o.provider_site = ?1)"
					 " ORDER BY o.id", site_id, now);
	json_t *row;
	size_t i;
	int32_t today = vn_days_of_time(now);
	json_array_foreach(rows, i, row) {
		/* the ended periods not provided, the newest PERIODS_SHOWN */
		const char *p = sval(row, "period");
		int32_t first = period_start_of(p, (int32_t)ival(row, "starts_day")), cur = period_start_of(p, today);
		int32_t s = first, n = 0;
		for (int32_t x = first; x < cur; x = period_next(p, x))
			n++;
		for (; n > PERIODS_SHOWN; n--)
			s = period_next(p, s);
		for (; s < cur; s = period_next(p, s)) {
			json_t *done = provision_of(db, ival(row, "id"), s);
			if (done) {
				json_decref(done);
				continue;
			}
			char num[24], title[700], path[64];
			period_num(p, s, num, sizeof(num));
			snprintf(title, sizeof(title), "%s — %s (%s)", sval(row, "what"), sval(row, "provider_name"), num);
			snprintf(path, sizeof(path), "/quan-tri/nghia-vu/%lld", (long long)ival(row, "id"));
			/* the providing site's own list opens it in its own admin */
			int prov = site_id && ival(row, "provider_site") == site_id;
			json_t *d = json_pack("{sIsIsOsOsOsssssssssIss}", "id", (json_int_t)ival(row, "id"), "site_id",
					      (json_int_t)(prov ? site_id : ival(row, "site_id")), "site_name",
					      json_object_get(row, "site_name"), "site_slug",
					      json_object_get(row, prov ? "provider_slug" : "site_slug"), "site_kind",
					      json_object_get(row, prov ? "provider_site_kind" : "site_kind"), "title", title, "kind", sval(row, "kind"),
					      "kind_name", sval(row, "kind_name"), "path", path, "due_at",
					      (json_int_t)period_due(cal, p, s, (int)ival(row, "workdays")), "received", "—");
			json_object_set_new(d, "state_key", json_string("obl_due_state"));
			json_object_set_new(d, "src", json_string("obligation"));
			due_place(cal, lists, d, now);
			json_decref(d);
		}
	}
	json_decref(rows);
	/* the requests not answered, to or from the site */
	struct db_stmt *st = db_stmt(db, "SELECT r.id, r.from_site, r.to_site, r.what, r.due_at, r.created_at, r.state,"
				       " s.name AS site_name, s.slug AS site_slug, s.kind AS site_kind, f.slug AS from_slug,"
				       " f.kind AS from_kind FROM board_requests r JOIN sites s ON s.id = r.to_site"
				       " JOIN sites f ON f.id = r.from_site WHERE r.state IN ('sent', 'seen')"
				       " AND (?1 = 0 OR r.to_site = ?1 OR r.from_site = ?1)");
	if (st) {
		db_bind_int(st, 1, site_id);
		rows = db_rows_json(st);
		json_array_foreach(rows, i, row) {
			/* the sender's lists (and the province's, on the main portal) open it in the
			 * sender's admin, the receiver's in its own */
			int from = !site_id || ival(row, "from_site") == site_id;
			char path[64], buf[40];
			snprintf(path, sizeof(path), "/quan-tri/yeu-cau/%lld", (long long)ival(row, "id"));
			time_format_vn(ival(row, "created_at"), buf, sizeof(buf));
			json_t *d = json_pack("{sOsIsOsOsOsOsssssssssO}", "id", json_object_get(row, "id"), "site_id",
					      (json_int_t)(from ? ival(row, "from_site") : ival(row, "to_site")), "site_name",
					      json_object_get(row, "site_name"), "site_slug",
					      json_object_get(row, from ? "from_slug" : "site_slug"), "site_kind",
					      json_object_get(row, from ? "from_kind" : "site_kind"), "title",
					      json_object_get(row, "what"), "kind", "yeu-cau", "received", buf, "path", path,
					      "state_key", strcmp(sval(row, "state"), "seen") == 0 ? "req_state_seen" : "req_state_sent",
					      "due_at", json_object_get(row, "due_at"));
			/* named as the deadline rules' kinds are (deadline_rules.name): in the data, in Vietnamese */
			json_object_set_new(d, "kind_name", json_string("Yêu cầu cung cấp thông tin"));
			json_object_set_new(d, "src", json_string("request"));
			due_place(cal, lists, d, now);
			json_decref(d);
		}
		json_decref(rows);
	}
	vn_calendar_free(cal);
	static const char *const names[] = { "overdue", "today", "soon" };
	for (size_t k = 0; k < 3; k++) {
		json_t *list = json_object_get(lists, names[k]);
		size_t n = json_array_size(list);
		json_t **v = xcalloc(n ? n : 1, sizeof(*v));
		for (i = 0; i < n; i++)
			v[i] = json_incref(json_array_get(list, i));
		qsort(v, n, sizeof(*v), by_due);
		json_array_clear(list);
		for (i = 0; i < n; i++)
			json_array_append_new(list, v[i]);
		free(v);
	}
}
