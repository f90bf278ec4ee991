/* calendar.c — the official per-year tables of days off and swapped working days (calendar_days)
 * and the working-day calendar built from them and the rules (vn/calendar.c). */
#include "calendar.h"
#include "deadline.h"
#include "internal.h"
#include "base/log.h"
#include "base/utf8.h"
#include "base/util.h"
#include "db/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define NAME_MAX_CHARS 120

static enum vn_day_kind kind_of(const char *s)
{
	if (s && strcmp(s, "off") == 0)
		return VN_DAY_OFF;
	if (s && strcmp(s, "work") == 0)
		return VN_DAY_WORK;
	return 0;
}

/* Steps ST, whose rows are (day, kind, name), putting each row into C. */
static int load_rows(struct db *db, struct db_stmt *st, struct vn_calendar *c)
{
	if (!st)
		return -1;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		vn_date d;
		const char *day = db_col_text(st, 0);
		enum vn_day_kind k = kind_of(db_col_text(st, 1));
		if (vn_date_parse(day, &d) || !k ||
		    vn_calendar_set(c, vn_date_to_days(d), k, db_col_text(st, 2)))
			log_warn("calendar: row %s ignored (bad day or kind)", day ? day : "(null)");
	}
	db_reset(st);
	if (rc != DB_DONE) {
		log_error("calendar: %s", db_errmsg(db));
		return -1;
	}
	return 0;
}

struct vn_calendar *calendar_load(struct db *db)
{
	struct vn_calendar *c = vn_calendar_new();
	if (load_rows(db, db_stmt(db, "SELECT day, kind, name FROM calendar_days ORDER BY day"), c)) {
		vn_calendar_free(c);
		return NULL;
	}
	return c;
}

int calendar_may_edit(const struct actor *a)
{
	return a && a->sysadmin;
}

static void year_bounds(int year, char from[11], char to[11])
{
	vn_date_format((vn_date){ year, 1, 1 }, from);
	vn_date_format((vn_date){ year, 12, 31 }, to);
}

/* "30/12", "1/4 nhuận": the lunar date of DAY. */
static void lunar_label(int32_t day, char *buf, size_t n)
{
	vn_lunar l;
	if (vn_solar_to_lunar(vn_days_to_date(day), &l))
		snprintf(buf, n, "%s", "");
	else
		snprintf(buf, n, "%d/%d%s", l.d, l.m, l.leap ? " nhuận" : "");
}

static json_t *day_json(const struct vn_calendar_day *cd)
{
	char iso[11], vn[16], lunar[24];
	vn_date d = vn_days_to_date(cd->day);
	vn_date_format(d, iso);
	snprintf(vn, sizeof(vn), "%02d/%02d/%04d", d.d % 100, d.m % 100, d.y % 10000);
	lunar_label(cd->day, lunar, sizeof(lunar));
	int off = cd->kind == VN_DAY_OFF;
	const char *name = cd->name && *cd->name ? cd->name : off ? "Ngày nghỉ" : "Ngày làm việc bù";
	/* the kind's and the source's names are the page's, in its language (web/admin/calendar.c,
	 * which names the weekday from its number too) */
	return json_pack("{ss ss ss si ss ss ss sb ss}", "day", iso, "date", vn, "weekday", vn_weekday_name(vn_weekday(cd->day)),
			 "weekday_number", vn_weekday(cd->day), "lunar", lunar, "name", name, "kind", off ? "off" : "work",
			 "substitute", cd->substitute, "source", cd->from_table ? "table" : "rules");
}

/* The table rows of YEAR with who last changed them, into C and as {day: username}. */
static json_t *year_table(struct db *db, int year, struct vn_calendar *c)
{
	char from[11], to[11];
	year_bounds(year, from, to);
	struct db_stmt *st = db_stmt(db, "SELECT day, kind, name FROM calendar_days WHERE day BETWEEN ?1 AND ?2"
				       " ORDER BY day");
	if (!st)
		return NULL;
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, to);
	if (load_rows(db, st, c))
		return NULL;
	st = db_stmt(db, "SELECT d.day, u.username FROM calendar_days d LEFT JOIN users u ON u.id = d.updated_by"
			 " WHERE d.day BETWEEN ?1 AND ?2");
	if (!st)
		return NULL;
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, to);
	json_t *who = json_object();
	while (db_step(st) == DB_ROW) {
		const char *u = db_col_text(st, 1);
		json_object_set_new(who, db_col_text(st, 0), u ? json_string(u) : json_null());
	}
	db_reset(st);
	return who;
}

static json_t *days_json(const struct vn_calendar *c, int year, json_t *who)
{
	struct vn_calendar_day buf[64], *days = buf;
	int n = vn_calendar_days(c, year, buf, ARRAY_SIZE(buf));
	if (n > (int)ARRAY_SIZE(buf)) { /* a table may list every day of its year */
		days = xcalloc((size_t)n, sizeof(*days));
		vn_calendar_days(c, year, days, (size_t)n);
	}
	json_t *a = json_array();
	for (int i = 0; i < n; i++) {
		json_t *o = day_json(&days[i]);
		if (who && days[i].from_table)
			json_object_set(o, "updated_by", json_object_get(who, json_string_value(json_object_get(o, "day"))));
		json_array_append_new(a, o);
	}
	if (days != buf)
		free(days);
	return a;
}

json_t *calendar_year(struct db *db, int year)
{
	if (year < VN_YEAR_MIN || year > VN_YEAR_MAX)
		return NULL;
	struct vn_calendar *c = vn_calendar_new();
	json_t *who = year_table(db, year, c);
	if (!who) {
		vn_calendar_free(c);
		return NULL;
	}
	int has_table = vn_calendar_has_table(c, year);
	json_t *days = days_json(c, year, who);
	size_t count = has_table ? json_array_size(days) : 0;
	json_t *out = json_pack("{si sb si so so si}", "year", year, "has_table", has_table, "working_days",
				vn_calendar_working_days(c, year), "days", days, "rules", days_json(NULL, year, NULL),
				"table_count", (int)count);
	json_decref(who);
	vn_calendar_free(c);
	return out;
}

/* DAY as a valid date of the range, or a field error on "day". */
static int day_check(const char *day, vn_date *d, struct errs *e)
{
	if (!day || !*day) {
		errs_add(e, "day", "required");
		return -1;
	}
	if (vn_date_parse(day, d)) {
		errs_add(e, "day", "calendar_day_invalid");
		return -1;
	}
	if (d->y < VN_YEAR_MIN || d->y > VN_YEAR_MAX) {
		errs_add(e, "day", "calendar_day_range");
		return -1;
	}
	return 0;
}

/* Writes one row (inside the caller's transaction). */
static int row_put(struct db *db, const struct actor *a, const char *day, const char *kind, const char *name)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO calendar_days (day, kind, name, updated_by, updated_at)"
				       " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (day) DO UPDATE SET kind = excluded.kind,"
				       " name = excluded.name, updated_by = excluded.updated_by,"
				       " updated_at = excluded.updated_at");
	if (!st)
		return -1;
	db_bind_text(st, 1, day);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, name);
	if (a && a->id)
		db_bind_int(st, 4, a->id);
	db_bind_int(st, 5, time_now());
	int rc = db_step(st) == DB_DONE ? 0 : -1;
	db_reset(st);
	return rc;
}

int calendar_set(struct db *db, const struct actor *a, const char *day, const char *kind, const char *name,
		 struct errs *e)
{
	vn_date d;
	char iso[11], detail[512];
	if (!calendar_may_edit(a))
		return M_DENIED;
	char *clean = text_clean(name, 0);
	if (!clean)
		errs_add(e, "name", "invalid_utf8");
	else if (utf8_length(clean) > NAME_MAX_CHARS)
		errs_add(e, "name", "too_long");
	enum vn_day_kind k = kind_of(kind);
	if (!k)
		errs_add(e, "kind", "calendar_kind_invalid");
	if (day_check(day, &d, e) == 0 && k == VN_DAY_WORK) {
		int wd = vn_weekday(vn_date_to_days(d));
		if (wd != 0 && wd != 6)
			errs_add(e, "kind", "calendar_work_weekday");
	}
	if (e->n) {
		free(clean);
		return M_INVALID;
	}
	vn_date_format(d, iso);
	snprintf(detail, sizeof(detail), "%s %s", kind, clean);
	int rc = M_ERROR;
	if (db_begin(db) == 0) {
		/* the due times move with the calendar, in the same transaction (deadline.h) */
		if (row_put(db, a, iso, kind, clean) == 0 && deadline_recompute(db, 0) >= 0 &&
		    audit_write(db, a, 0, "calendar.set", iso, detail) == 0) {
			rc = db_commit(db) ? M_ERROR : M_OK;
		} else {
			db_rollback(db);
		}
	}
	free(clean);
	return rc;
}

int calendar_unset(struct db *db, const struct actor *a, const char *day, struct errs *e)
{
	vn_date d;
	char iso[11];
	if (!calendar_may_edit(a))
		return M_DENIED;
	if (day_check(day, &d, e))
		return M_INVALID;
	vn_date_format(d, iso);
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "DELETE FROM calendar_days WHERE day = ?");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_text(st, 1, iso);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok || db_changes(db) != 1) {
		db_rollback(db);
		return ok ? M_NOTFOUND : M_ERROR;
	}
	if (deadline_recompute(db, 0) < 0 || audit_write(db, a, 0, "calendar.unset", iso, "")) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

int calendar_seed(struct db *db, const struct actor *a, int year, struct errs *e)
{
	struct vn_holiday h[VN_HOLIDAYS_MAX];
	char from[11], to[11], obj[16], detail[64];
	if (!calendar_may_edit(a))
		return M_DENIED;
	int n = vn_holidays(year, h);
	if (n < 0) {
		errs_add(e, "year", "calendar_year_invalid");
		return M_INVALID;
	}
	year_bounds(year, from, to);
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM calendar_days WHERE day BETWEEN ?1 AND ?2 LIMIT 1");
	if (!st)
		goto fail;
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, to);
	int has = db_step(st) == DB_ROW;
	db_reset(st);
	if (has) {
		db_rollback(db);
		errs_add(e, "year", "calendar_has_table");
		return M_INVALID;
	}
	for (int i = 0; i < n; i++) {
		char iso[11];
		vn_date_format(vn_days_to_date(h[i].day), iso);
		if (row_put(db, a, iso, "off", h[i].name))
			goto fail;
	}
	if (deadline_recompute(db, 0) < 0)
		goto fail;
	snprintf(obj, sizeof(obj), "%d", year);
	snprintf(detail, sizeof(detail), "%d days off from the rules", n);
	if (audit_write(db, a, 0, "calendar.seed", obj, detail))
		goto fail;
	return db_commit(db) ? M_ERROR : M_OK;
fail:
	db_rollback(db);
	return M_ERROR;
}
