/* deadline.c — due times on the working-day calendar, the lists of what is due, compliance,
 * the periodic review of fixed pages and the text of the daily reminder. See deadline.h. */
#include "deadline.h"
#include "royalty.h" /* royalties (#17): periods due for payment */
#include "ticket.h"
#include "translation.h"
#include "obligation.h" /* issue #17: obligations on the due lists */
#include "mailintake.h" /* b-polish: waiting mail entries follow the rule "khac" */
#include "calendar.h"
#include "internal.h"
#include "db/db.h"
#include "base/locale.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/utf8.h"
#include "mail/mail.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define DEFAULT_KIND "khac"
#define SOON_DAYS 2

/* ---- rules ---- */

/* How a rule counts (deadline_rules.unit): working days after the received day, hours of the
 * clock after the received time, or working days before the anchor day the item's kind derives
 * (its term "han_moc": a procedure's regulating document's effective day, VP Đ7.5). */
enum unit { U_WORKDAYS, U_HOURS, U_BEFORE };

struct rule {
	int64_t amount;
	enum unit unit;
};

static enum unit unit_of(const char *s)
{
	return !s ? U_WORKDAYS : strcmp(s, "hours") == 0 ? U_HOURS : strcmp(s, "workdays_before") == 0 ? U_BEFORE : U_WORKDAYS;
}

static const char *unit_key(enum unit u)
{
	return u == U_HOURS ? "hours" : u == U_BEFORE ? "workdays_before" : "workdays";
}

/* SITE_ID's rule for KIND, else the province's, else the province's "khac", else 5 days. */
static struct rule rule_for(struct db *db, int64_t site_id, const char *kind)
{
	struct rule r = { 5, U_WORKDAYS };
	struct db_stmt *st = db_stmt(db, "SELECT amount, unit FROM deadline_rules WHERE kind IN (?2, '" DEFAULT_KIND "')"
				       " AND (site_id = ?1 OR site_id IS NULL)"
				       " ORDER BY kind = ?2 DESC, site_id IS NULL LIMIT 1");
	if (!st)
		return r;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, kind ? kind : DEFAULT_KIND);
	if (db_step(st) == DB_ROW) {
		r.amount = db_col_int(st, 0);
		r.unit = unit_of(db_col_text(st, 1));
	}
	db_reset(st);
	return r;
}

/* The sentences of rules and due states (#16). Vietnamese has one source, this table;
 * deadline_locale_add gives its keys to the loaded "vi" texts, and locale/<lang>/admin2.json
 * translates them. A key ending in "_fmt" is a format (base/locale.h: locale_format). */
static const char *const dl_texts[][2] = {
	{ "dl.rule.workdays_fmt", "%lld ngày làm việc" },
	{ "dl.rule.hours_fmt", "%lld giờ" },
	{ "dl.rule.before_fmt", "%lld ngày làm việc trước ngày có hiệu lực" },
	{ "dl.state.on_time", "đã đăng đúng hạn" },
	{ "dl.state.late_days_fmt", "đã đăng trễ %d ngày làm việc" },
	{ "dl.state.late", "đã đăng trễ hạn" },
	{ "dl.state.overdue_days_fmt", "quá hạn %d ngày làm việc" },
	{ "dl.state.overdue", "đã quá hạn" },
	{ "dl.state.today", "hết hạn trong hôm nay" },
	{ "dl.state.left_days_fmt", "còn %d ngày làm việc" },
};

/* KEY's text in TEXTS (a language's texts; NULL: Vietnamese), else the table's Vietnamese. */
static const char *dl_text(json_t *texts, const char *key)
{
	const char *s = json_string_value(json_object_get(texts, key));
	if (s && *s)
		return s;
	for (size_t i = 0; i < ARRAY_SIZE(dl_texts); i++)
		if (strcmp(dl_texts[i][0], key) == 0)
			return dl_texts[i][1];
	return key;
}

int deadline_locale_add(json_t *vi, char *err, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(dl_texts); i++)
		if (json_object_get(vi, dl_texts[i][0])) {
			snprintf(err, n, "locale/vi: \"%s\" is the deadlines' text (model/deadline.c), not a locale file's",
				 dl_texts[i][0]);
			return -1;
		}
	for (size_t i = 0; i < ARRAY_SIZE(dl_texts); i++)
		json_object_set_new(vi, dl_texts[i][0], json_string(dl_texts[i][1]));
	return 0;
}

/* "2 ngày làm việc" in TEXTS' language. */
static void rule_label(char *buf, size_t n, int64_t amount, const char *unit, json_t *texts)
{
	enum unit u = unit_of(unit);
	locale_format(buf, n, dl_text(texts, u == U_HOURS ? "dl.rule.hours_fmt" : u == U_BEFORE ? "dl.rule.before_fmt"
												 : "dl.rule.workdays_fmt"),
		      (long long)amount);
}

json_t *deadline_rules(struct db *db, int64_t site_id, json_t *texts)
{
	struct db_stmt *st = db_stmt(db, "SELECT d.kind, d.name, d.source, d.amount AS default_amount,"
				       " d.unit AS default_unit, s.amount AS site_amount, s.unit AS site_unit"
				       " FROM deadline_rules d LEFT JOIN deadline_rules s ON s.kind = d.kind AND s.site_id = ?"
				       " WHERE d.site_id IS NULL ORDER BY d.position, d.kind");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	json_t *rows = db_rows_json(st), *row;
	size_t i;
	char buf[64];
	json_array_foreach(rows, i, row) {
		int own = json_is_integer(json_object_get(row, "site_amount"));
		json_t *amount = json_object_get(row, own ? "site_amount" : "default_amount");
		json_t *unit = json_object_get(row, own ? "site_unit" : "default_unit");
		json_object_set(row, "amount", amount);
		json_object_set(row, "unit", unit);
		json_object_set_new(row, "overridden", json_boolean(own));
		json_object_set_new(row, "is_hours", json_boolean(unit_of(json_string_value(unit)) == U_HOURS));
		json_object_set_new(row, "is_before", json_boolean(unit_of(json_string_value(unit)) == U_BEFORE));
		rule_label(buf, sizeof(buf), json_integer_value(amount), json_string_value(unit), texts);
		json_object_set_new(row, "rule_label", json_string(buf));
		rule_label(buf, sizeof(buf), json_integer_value(json_object_get(row, "default_amount")),
			   json_string_value(json_object_get(row, "default_unit")), texts);
		json_object_set_new(row, "default_label", json_string(buf));
	}
	return rows;
}

int deadline_kind_valid(struct db *db, const char *kind)
{
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM deadline_rules WHERE site_id IS NULL AND kind = ?");
	int ok;
	if (!st || !kind)
		return 0;
	db_bind_text(st, 1, kind);
	ok = db_step(st) == DB_ROW;
	db_reset(st);
	return ok;
}

static const char *kind_name(struct db *db, const char *kind, char *buf, size_t n)
{
	struct db_stmt *st = db_stmt(db, "SELECT name FROM deadline_rules WHERE site_id IS NULL AND kind = ?");
	snprintf(buf, n, "%s", kind ? kind : DEFAULT_KIND);
	if (!st)
		return buf;
	db_bind_text(st, 1, kind ? kind : DEFAULT_KIND);
	if (db_step(st) == DB_ROW)
		snprintf(buf, n, "%s", db_col_text(st, 0));
	db_reset(st);
	return buf;
}

json_t *deadline_categories(struct db *db, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, parent_id, name, slug, deadline_kind, review_days FROM categories"
				       " WHERE site_id = ? ORDER BY position, id");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	return tree_order(db_rows_json(st));
}

/* ---- due times ---- */

int deadline_due(struct db *db, const struct vn_calendar *cal, int64_t site_id, const char *kind,
		 int has_received, int64_t received_at, int32_t anchor, int64_t *due_at, const char **applied)
{
	struct rule r = rule_for(db, site_id, kind);
	int32_t day;
	if (applied)
		*applied = kind;
	if (r.unit == U_BEFORE && !anchor) {
		/* counted back from a day the item does not have (yet): the rule of anything else,
		 * counted forward from the received time */
		r = rule_for(db, site_id, DEFAULT_KIND);
		if (applied)
			*applied = DEFAULT_KIND;
		if (r.unit == U_BEFORE)
			return 1;
	}
	if (r.unit == U_BEFORE) {
		/* the Nth working day before the anchor day, to the end of that day */
		if (vn_calendar_add(cal, anchor, -(int)r.amount, &day))
			return -1;
		*due_at = vn_time_of_days(day + 1) - 1;
		return 0;
	}
	if (!has_received)
		return 1;
	if (r.unit == U_HOURS) {
		*due_at = received_at + r.amount * 3600;
		return 0;
	}
	/* N working days after the received day, to the end of that day */
	if (vn_calendar_add(cal, vn_days_of_time(received_at), (int)r.amount, &day))
		return -1;
	*due_at = vn_time_of_days(day + 1) - 1;
	return 0;
}

int deadline_refresh(struct db *db, const struct vn_calendar *cal, int64_t article_id)
{
	struct vn_calendar *own = NULL;
	struct db_stmt *st = db_stmt(db, "SELECT a.site_id, a.intake_received_at,"
				       " coalesce(a.deadline_kind, (SELECT t.value FROM item_terms t WHERE t.item_id = a.id"
				       " AND t.key = 'han'), c.deadline_kind, '" DEFAULT_KIND "'),"
				       " (SELECT m.value FROM item_terms m WHERE m.item_id = a.id AND m.key = 'han_moc')"
				       " FROM items a JOIN categories c ON c.id = a.category_id WHERE a.id = ?");
	int64_t site_id, received, due = 0;
	char kind[64];
	const char *applied = NULL;
	int has_received, has_due = 0, rc = 0;
	int32_t anchor = 0;
	if (!st)
		return -1;
	db_bind_int(st, 1, article_id);
	if (db_step(st) != DB_ROW) {
		db_reset(st);
		return -1;
	}
	site_id = db_col_int(st, 0);
	has_received = !db_col_null(st, 1);
	received = db_col_int(st, 1);
	snprintf(kind, sizeof(kind), "%s", db_col_text(st, 2));
	if (!db_col_null(st, 3)) {
		vn_date d;
		if (vn_date_parse(db_col_text(st, 3), &d) == 0)
			anchor = vn_date_to_days(d);
	}
	db_reset(st);
	if (has_received || anchor) {
		if (!cal)
			cal = own = calendar_load(db);
		/* outside the calendar's years, or nothing to count from: no due time rather than a
		 * wrong one */
		has_due = deadline_due(db, cal, site_id, kind, has_received, received, anchor, &due, &applied) == 0;
	}
	st = db_stmt(db, "UPDATE items SET due_at = ?, due_kind = ? WHERE id = ?");
	if (!st) {
		rc = -1;
	} else {
		if (has_due)
			db_bind_int(st, 1, due);
		else
			db_bind_null(st, 1);
		db_bind_text(st, 2, has_due ? applied : NULL);
		db_bind_int(st, 3, article_id);
		rc = db_step(st) == DB_DONE ? 0 : -1;
		db_reset(st);
	}
	vn_calendar_free(own);
	return rc;
}

int deadline_recompute(struct db *db, int64_t site_id)
{
	/* those with a received time, and those with an anchor day (item_terms_value: a range) */
	struct db_stmt *st = db_stmt(db, "SELECT id FROM items WHERE intake_received_at IS NOT NULL AND (?1 = 0 OR site_id = ?1)"
				       " UNION SELECT m.item_id FROM item_terms m JOIN items i ON i.id = m.item_id"
				       " WHERE m.key = 'han_moc' AND (?1 = 0 OR i.site_id = ?1)");
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int changed = 0;
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	while (db_step(st) == DB_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			ids = xrealloc(ids, st_mult(cap, sizeof(*ids)));
		}
		ids[n++] = db_col_int(st, 0);
	}
	db_reset(st);
	struct vn_calendar *cal = n ? calendar_load(db) : NULL;
	for (size_t i = 0; i < n && changed >= 0; i++)
		changed = deadline_refresh(db, cal, ids[i]) ? -1 : changed + 1;
	/* b-polish: the mail intake's waiting entries are due by the rule "khac" as well */
	if (changed >= 0) {
		int m = mail_intake_due_recompute(db, cal, site_id);
		changed = m < 0 ? -1 : changed + m;
	}
	vn_calendar_free(cal);
	free(ids);
	return changed;
}

/* ---- who sees and edits what ---- */

static int64_t main_site_id(struct db *db)
{
	json_t *m = site_main(db);
	int64_t id = m ? json_integer_value(json_object_get(m, "id")) : 0;
	json_decref(m);
	return id;
}

int deadline_may_view(struct db *db, const struct actor *a, int64_t site_id)
{
	if (a->sysadmin)
		return 1;
	if (site_id)
		return actor_level(db, a, site_id) >= LVL_REPORTER;
	/* the province's lists: the main portal's board (VL Đ13: it oversees the component sites) */
	int64_t main_id = main_site_id(db);
	return main_id && actor_level(db, a, main_id) >= LVL_EDITOR;
}

int deadline_rule_save(struct db *db, const struct actor *a, int64_t site_id, const char *kind,
		       const char *amount, const char *unit, struct errs *e)
{
	int64_t n = 0;
	char label[64];
	if (site_id ? actor_level(db, a, site_id) < LVL_SITEADMIN : !a->sysadmin)
		return M_DENIED;
	if (!deadline_kind_valid(db, kind))
		errs_add(e, "kind", "deadline_kind_invalid");
	if (!amount || parse_i64(amount, 1, 1000, &n))
		errs_add(e, "amount", "deadline_amount_invalid");
	if (!unit || (strcmp(unit, "workdays") != 0 && strcmp(unit, "hours") != 0 && strcmp(unit, "workdays_before") != 0))
		errs_add(e, "unit", "deadline_unit_invalid");
	if (e->n)
		return M_INVALID;
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st;
	if (site_id) {
		st = db_stmt(db, "DELETE FROM deadline_rules WHERE site_id = ? AND kind = ?");
		if (!st)
			goto fail;
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, kind);
		if (db_step(st) != DB_DONE)
			goto fail_reset;
		db_reset(st);
		st = db_stmt(db, "INSERT INTO deadline_rules (site_id, kind, name, amount, unit, source, position,"
				 " updated_by, updated_at) SELECT ?1, kind, name, ?3, ?4, source, position, ?5, ?6"
				 " FROM deadline_rules WHERE site_id IS NULL AND kind = ?2");
	} else {
		st = db_stmt(db, "UPDATE deadline_rules SET amount = ?3, unit = ?4, updated_by = ?5, updated_at = ?6"
				 " WHERE site_id IS NULL AND kind = ?2 AND ?1 = 0");
	}
	if (!st)
		goto fail;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, kind);
	db_bind_int(st, 3, n);
	db_bind_text(st, 4, unit);
	if (a->id)
		db_bind_int(st, 5, a->id);
	db_bind_int(st, 6, time_now());
	if (db_step(st) != DB_DONE)
		goto fail_reset;
	db_reset(st);
	if (deadline_recompute(db, site_id) < 0)
		goto fail;
	rule_label(label, sizeof(label), n, unit, NULL); /* the audit's detail: Vietnamese */
	if (audit_write(db, a, site_id ? site_id : main_site_id(db), site_id ? "deadline.rule" : "deadline.default", kind,
			label))
		goto fail;
	return db_commit(db) ? M_ERROR : M_OK;
fail_reset:
	db_reset(st);
fail:
	db_rollback(db);
	return M_ERROR;
}

int deadline_rule_reset(struct db *db, const struct actor *a, int64_t site_id, const char *kind, struct errs *e)
{
	if (!site_id || actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	if (!deadline_kind_valid(db, kind)) {
		errs_add(e, "kind", "deadline_kind_invalid");
		return M_INVALID;
	}
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "DELETE FROM deadline_rules WHERE site_id = ? AND kind = ?");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, kind);
	int ok = db_step(st) == DB_DONE;
	int changed = db_changes(db);
	db_reset(st);
	if (!ok || deadline_recompute(db, site_id) < 0) {
		db_rollback(db);
		return M_ERROR;
	}
	if (!changed) {
		db_rollback(db);
		return M_NOTFOUND;
	}
	if (audit_write(db, a, site_id, "deadline.rule.reset", kind, "")) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

int deadline_category_set(struct db *db, const struct actor *a, int64_t site_id, int64_t category_id,
			  const char *kind, const char *review_days, struct errs *e)
{
	int64_t days = 0;
	if (actor_level(db, a, site_id) < LVL_EDITOR)
		return M_DENIED;
	json_t *cat = category_get(db, site_id, category_id);
	if (!cat)
		return M_NOTFOUND;
	if (kind && *kind && !deadline_kind_valid(db, kind))
		errs_add(e, "kind", "deadline_kind_invalid");
	if (review_days && *review_days && parse_i64(review_days, 1, 3660, &days))
		errs_add(e, "review_days", "review_days_invalid");
	if (e->n) {
		json_decref(cat);
		return M_INVALID;
	}
	if (db_begin(db)) {
		json_decref(cat);
		return M_ERROR;
	}
	struct db_stmt *st = db_stmt(db, "UPDATE categories SET deadline_kind = ?, review_days = ? WHERE id = ? AND site_id = ?");
	int ok = st != NULL;
	if (ok) {
		db_bind_text(st, 1, kind && *kind ? kind : NULL);
		if (days)
			db_bind_int(st, 2, days);
		else
			db_bind_null(st, 2);
		db_bind_int(st, 3, category_id);
		db_bind_int(st, 4, site_id);
		ok = db_step(st) == DB_DONE;
		db_reset(st);
	}
	if (!ok || deadline_recompute(db, site_id) < 0) {
		db_rollback(db);
		json_decref(cat);
		return M_ERROR;
	}
	char detail[96];
	snprintf(detail, sizeof(detail), "%s; rà soát %s ngày", kind && *kind ? kind : DEFAULT_KIND,
		 days ? review_days : "—");
	ok = audit_write(db, a, site_id, "category.deadline", json_string_value(json_object_get(cat, "slug")), detail) == 0;
	json_decref(cat);
	if (!ok) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

/* ---- what is due ---- */

/* Working days from NOW's day to DUE's (negative: overdue by), on CAL. */
static int days_left(const struct vn_calendar *cal, int64_t now, int64_t due)
{
	int n = 0;
	vn_calendar_count(cal, vn_days_of_time(now), vn_days_of_time(due), &n);
	return n;
}

static void set_time(json_t *o, const char *k, int64_t t)
{
	char buf[40];
	time_format_vn(t, buf, sizeof(buf));
	json_object_set_new(o, k, json_string(buf));
}

/* Rows by due time, then id (the translations' rows merged into the items' and tickets'). */
static int by_due(const void *x, const void *y)
{
	json_t *a = *(json_t *const *)x, *b = *(json_t *const *)y;
	int64_t da = json_integer_value(json_object_get(a, "due_at")), db_ = json_integer_value(json_object_get(b, "due_at"));
	int64_t ia = json_integer_value(json_object_get(a, "id")), ib = json_integer_value(json_object_get(b, "id"));
	return da != db_ ? (da < db_ ? -1 : 1) : (ia > ib) - (ia < ib);
}

/* ROWS with the translations still to make (translation.h) merged in by due time. */
static json_t *with_translations(struct db *db, int64_t site_id, json_t *rows)
{
	json_t *tr = translation_due_rows(db, site_id), *row;
	if (!json_array_size(tr)) {
		json_decref(tr);
		return rows;
	}
	char name[256];
	kind_name(db, TRANSLATION_DEADLINE_KIND, name, sizeof(name));
	size_t i, n = json_array_size(rows) + json_array_size(tr), k = 0;
	json_t **v = xcalloc(n, sizeof(*v));
	json_array_foreach(rows, i, row)
		v[k++] = row;
	json_array_foreach(tr, i, row) {
		json_object_set_new(row, "kind_name", json_string(name));
		v[k++] = row;
	}
	qsort(v, n, sizeof(*v), by_due);
	json_t *out = json_array();
	for (i = 0; i < n; i++)
		json_array_append(out, v[i]);
	free(v);
	json_decref(rows);
	json_decref(tr);
	return out;
}

/* Open items with a due time of SITE_ID (0: all), split at NOW. No permission check. The open
 * tickets of every kind with a due time (model/ticket.h: questions, requests for information…)
 * are in the same lists, each with its "path" (its page in the inbox) and "state_label"; so are
 * the translations the regulations require and nobody has begun (translation_due_rows), with
 * their source's "path" and a "state_key" (a message key). */
static json_t *open_items(struct db *db, int64_t site_id, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "SELECT a.id AS id, a.site_id, s.name AS site_name, s.slug AS site_slug, s.kind AS site_kind,"
				       " a.title, a.state, a.due_kind AS kind, coalesce(r.name, a.due_kind) AS kind_name,"
				       " a.intake_received_at, a.due_at AS due_at, 'item' AS src FROM items a JOIN sites s ON s.id = a.site_id"
				       " LEFT JOIN deadline_rules r ON r.kind = a.due_kind AND r.site_id IS NULL"
				       " WHERE a.due_at IS NOT NULL AND a.published_at IS NULL"
				       " AND a.state NOT IN ('refused', 'withdrawn') AND (?1 = 0 OR a.site_id = ?1)"
				       " UNION ALL"
				       " SELECT t.id, t.site_id, s.name, s.slug, s.kind, t.title, t.state, t.deadline_kind,"
				       " coalesce(r.name, t.deadline_kind), t.received_at, t.due_at, 'ticket' FROM tickets t"
				       " JOIN sites s ON s.id = t.site_id"
				       " LEFT JOIN deadline_rules r ON r.kind = t.deadline_kind AND r.site_id IS NULL"
				       " WHERE t.due_at IS NOT NULL AND t.closed_at IS NULL AND (?1 = 0 OR t.site_id = ?1)"
				       /* #17: the mail waiting in the board's intake (model/mailintake.h) */
				       " UNION ALL"
				       " SELECT m.id, m.site_id, s.name, s.slug, s.kind, m.subject, m.state, 'khac', coalesce(r.name, 'khac'),"
				       " m.received_at, m.due_at, 'mail' FROM mail_intake m JOIN sites s ON s.id = m.site_id"
				       " LEFT JOIN deadline_rules r ON r.kind = 'khac' AND r.site_id IS NULL"
				       " WHERE m.due_at IS NOT NULL AND m.state = 'new' AND (?1 = 0 OR m.site_id = ?1)"
				       " ORDER BY due_at, id");
	json_t *out = json_pack("{s[]s[]s[]si}", "overdue", "today", "soon", "later_count", 0);
	if (!st)
		return out;
	db_bind_int(st, 1, site_id);
	json_t *rows = with_translations(db, site_id, db_rows_json(st)), *row;
	/* royalties (#17, model/royalty.h): periods not yet paid, due 60 days after publication */
	rows = royalty_with_due(db, site_id, rows);
	struct vn_calendar *cal = calendar_load(db);
	int32_t today = vn_days_of_time(now), soon_end = today;
	size_t i;
	int later = 0;
	vn_calendar_add(cal, today, SOON_DAYS, &soon_end);
	json_array_foreach(rows, i, row) {
		int64_t due = json_integer_value(json_object_get(row, "due_at"));
		int32_t due_day = vn_days_of_time(due);
		int left = days_left(cal, now, due);
		char iso[40];
		if (json_is_integer(json_object_get(row, "intake_received_at")))
			set_time(row, "received", json_integer_value(json_object_get(row, "intake_received_at")));
		else /* counted back from its anchor day: nothing received */
			json_object_set_new(row, "received", json_string("—"));
		set_time(row, "due", due);
		time_format_iso(due, iso, sizeof(iso));
		json_object_set_new(row, "due_iso", json_string(iso));
		json_object_set_new(row, "working_days_left", json_integer(left));
		json_object_set_new(row, "overdue_days", json_integer(left < 0 ? -left : 0));
		if (strcmp(json_string_value(json_object_get(row, "src")), "ticket") == 0) {
			char path[64];
			snprintf(path, sizeof(path), "/quan-tri/tiep-nhan/%lld", (long long)json_integer_value(json_object_get(row, "id")));
			json_object_set_new(row, "path", json_string(path));
			json_object_set_new(row, "state_label", json_string(ticket_state_label(json_string_value(json_object_get(row, "state")))));
		}
		if (strcmp(json_string_value(json_object_get(row, "src")), "mail") == 0) { /* #17 */
			char path[64];
			snprintf(path, sizeof(path), "/quan-tri/thu-den/%lld", (long long)json_integer_value(json_object_get(row, "id")));
			json_object_set_new(row, "path", json_string(path));
			json_object_set_new(row, "state_key", json_string("intake_deadline_state"));
		}
		const char *list = due < now ? "overdue" : due_day == today ? "today" : due_day <= soon_end ? "soon" : NULL;
		if (list)
			json_array_append(json_object_get(out, list), row);
		else
			later++;
	}
	json_object_set_new(out, "later_count", json_integer(later));
	vn_calendar_free(cal);
	json_decref(rows);
	return out;
}

json_t *deadline_open(struct db *db, const struct actor *a, int64_t site_id, int64_t now)
{
	if (!deadline_may_view(db, a, site_id))
		return NULL;
	json_t *lists = open_items(db, site_id, now);
	/* issue #17: the information obligations' periods not provided and the requests not
	 * answered (model/obligation.h) */
	obligation_due_append(db, site_id, now, lists);
	return lists;
}

json_t *deadline_of_article(struct db *db, int64_t article_id, int64_t now, json_t *texts)
{
	struct db_stmt *st = db_stmt(db, "SELECT site_id, due_at, due_kind, published_at FROM items"
				       " WHERE id = ? AND due_at IS NOT NULL");
	if (!st)
		return NULL;
	db_bind_int(st, 1, article_id);
	if (db_step(st) != DB_ROW) {
		db_reset(st);
		return NULL;
	}
	int64_t site_id = db_col_int(st, 0), due = db_col_int(st, 1);
	int published = !db_col_null(st, 3);
	int64_t pub = db_col_int(st, 3);
	char kind[64], name[256], label[64], state[96], iso[40];
	snprintf(kind, sizeof(kind), "%s", db_col_text(st, 2));
	db_reset(st);

	struct vn_calendar *cal = calendar_load(db);
	struct rule r = rule_for(db, site_id, kind);
	int overdue = 0;
	rule_label(label, sizeof(label), r.amount, unit_key(r.unit), texts);
	if (published) {
		int late = days_left(cal, due, pub);
		if (pub <= due)
			snprintf(state, sizeof(state), "%s", dl_text(texts, "dl.state.on_time"));
		else if (late > 0)
			locale_format(state, sizeof(state), dl_text(texts, "dl.state.late_days_fmt"), late);
		else
			snprintf(state, sizeof(state), "%s", dl_text(texts, "dl.state.late"));
	} else {
		int left = days_left(cal, now, due);
		overdue = due < now;
		if (overdue && left < 0)
			locale_format(state, sizeof(state), dl_text(texts, "dl.state.overdue_days_fmt"), -left);
		else if (overdue)
			snprintf(state, sizeof(state), "%s", dl_text(texts, "dl.state.overdue"));
		else if (left == 0)
			snprintf(state, sizeof(state), "%s", dl_text(texts, "dl.state.today"));
		else
			locale_format(state, sizeof(state), dl_text(texts, "dl.state.left_days_fmt"), left);
	}
	vn_calendar_free(cal);
	json_t *o = json_object();
	set_time(o, "due", due);
	time_format_iso(due, iso, sizeof(iso));
	json_object_set_new(o, "due_iso", json_string(iso));
	json_object_set_new(o, "kind", json_string(kind));
	json_object_set_new(o, "kind_name", json_string(kind_name(db, kind, name, sizeof(name))));
	json_object_set_new(o, "rule_label", json_string(label));
	json_object_set_new(o, "state_label", json_string(state));
	json_object_set_new(o, "overdue", json_boolean(overdue));
	json_object_set_new(o, "done", json_boolean(published));
	return o;
}

/* ---- compliance ---- */

struct agg {
	int64_t site_id;
	char site_name[256], kind[64], kind_name[256];
	int64_t total, on_time, late, open, open_overdue;
	int *late_days;
	size_t nlate, caplate;
};

struct aggs {
	struct agg *v;
	size_t n, cap;
};

static struct agg *agg_find(struct aggs *g, int64_t site_id, const char *site_name, const char *kind, const char *kname)
{
	for (size_t i = 0; i < g->n; i++)
		if (g->v[i].site_id == site_id && strcmp(g->v[i].kind, kind) == 0)
			return &g->v[i];
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 16;
		g->v = xrealloc(g->v, st_mult(g->cap, sizeof(*g->v)));
	}
	struct agg *a = &g->v[g->n++];
	memset(a, 0, sizeof(*a));
	a->site_id = site_id;
	snprintf(a->site_name, sizeof(a->site_name), "%s", site_name);
	snprintf(a->kind, sizeof(a->kind), "%s", kind);
	snprintf(a->kind_name, sizeof(a->kind_name), "%s", kname);
	return a;
}

static void agg_late(struct agg *a, int days)
{
	if (a->nlate == a->caplate) {
		a->caplate = a->caplate ? a->caplate * 2 : 8;
		a->late_days = xrealloc(a->late_days, st_mult(a->caplate, sizeof(int)));
	}
	a->late_days[a->nlate++] = days;
}

static int int_cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

static json_t *agg_json(struct agg *a)
{
	double median = 0;
	if (a->nlate) {
		qsort(a->late_days, a->nlate, sizeof(int), int_cmp);
		median = a->nlate % 2 ? a->late_days[a->nlate / 2]
				      : (a->late_days[a->nlate / 2 - 1] + a->late_days[a->nlate / 2]) / 2.0;
	}
	int64_t closed = a->on_time + a->late;
	return json_pack("{sIsssssssIsIsIsIsIsfsf}", "site_id", (json_int_t)a->site_id, "site_name", a->site_name,
			 "kind", a->kind, "kind_name", a->kind_name, "total", (json_int_t)a->total,
			 "on_time", (json_int_t)a->on_time, "late", (json_int_t)a->late, "open", (json_int_t)a->open,
			 "open_overdue", (json_int_t)a->open_overdue,
			 "on_time_pct", closed ? 100.0 * (double)a->on_time / (double)closed : 0.0,
			 "median_late_days", median);
}

static void agg_add(struct agg *dst, const struct agg *src)
{
	dst->total += src->total;
	dst->on_time += src->on_time;
	dst->late += src->late;
	dst->open += src->open;
	dst->open_overdue += src->open_overdue;
	for (size_t i = 0; i < src->nlate; i++)
		agg_late(dst, src->late_days[i]);
}

static void aggs_release(struct aggs *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->v[i].late_days);
	free(g->v);
}

json_t *deadline_compliance(struct db *db, const struct actor *a, int64_t site_id, int32_t from_day,
			    int32_t to_day, int64_t now)
{
	if (!deadline_may_view(db, a, site_id))
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT a.site_id, s.name, a.due_kind, coalesce(r.name, a.due_kind),"
				       " a.due_at, a.published_at FROM items a JOIN sites s ON s.id = a.site_id"
				       " LEFT JOIN deadline_rules r ON r.kind = a.due_kind AND r.site_id IS NULL"
				       " WHERE a.due_at IS NOT NULL AND a.intake_received_at >= ?2 AND a.intake_received_at < ?3"
				       " AND a.state <> 'refused' AND (?1 = 0 OR a.site_id = ?1)"
				       " ORDER BY s.kind, s.name, r.position NULLS FIRST");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, vn_time_of_days(from_day));
	db_bind_int(st, 3, vn_time_of_days(to_day + 1));
	struct vn_calendar *cal = calendar_load(db);
	struct aggs g = { 0 }, bysite = { 0 };
	struct agg total = { 0 };
	while (db_step(st) == DB_ROW) {
		struct agg *x = agg_find(&g, db_col_int(st, 0), db_col_text(st, 1),
					 db_col_text(st, 2), db_col_text(st, 3));
		int64_t due = db_col_int(st, 4);
		x->total++;
		if (db_col_null(st, 5)) {
			x->open++;
			x->open_overdue += due < now;
		} else if (db_col_int(st, 5) <= due) {
			x->on_time++;
		} else {
			x->late++;
			agg_late(x, days_left(cal, due, db_col_int(st, 5)));
		}
	}
	db_reset(st);
	vn_calendar_free(cal);

	json_t *rows = json_array(), *sites = json_array();
	for (size_t i = 0; i < g.n; i++) {
		agg_add(agg_find(&bysite, g.v[i].site_id, g.v[i].site_name, "", ""), &g.v[i]);
		agg_add(&total, &g.v[i]);
		json_array_append_new(rows, agg_json(&g.v[i]));
	}
	for (size_t i = 0; i < bysite.n; i++)
		json_array_append_new(sites, agg_json(&bysite.v[i]));
	json_t *out = json_pack("{sososo}", "rows", rows, "by_site", sites, "totals", agg_json(&total));
	free(total.late_days);
	aggs_release(&g);
	aggs_release(&bysite);
	return out;
}

/* ---- periodic review ---- */

json_t *review_list(struct db *db, const struct actor *a, int64_t site_id, int64_t now, int fresh)
{
	if (actor_level(db, a, site_id) < LVL_REPORTER)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT a.id, a.title, c.name AS category_name,"
				       " coalesce(a.review_days, c.review_days) AS interval_days,"
				       " coalesce(a.reviewed_at, a.published_at) AS last_at, a.reviewed_at IS NULL AS never,"
				       " coalesce(u.display_name, u.username, '') AS last_by"
				       " FROM items a JOIN categories c ON c.id = a.category_id"
				       " LEFT JOIN users u ON u.id = a.reviewed_by"
				       " WHERE a.site_id = ? AND a.state = 'published'"
				       " AND coalesce(a.review_days, c.review_days) IS NOT NULL"
				       " ORDER BY coalesce(a.reviewed_at, a.published_at) + 86400 * coalesce(a.review_days, c.review_days), a.id");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	json_t *rows = db_rows_json(st), *out = json_array(), *row;
	size_t i;
	char buf[40];
	json_array_foreach(rows, i, row) {
		int64_t last = json_integer_value(json_object_get(row, "last_at"));
		int64_t due = last + 86400 * json_integer_value(json_object_get(row, "interval_days"));
		int64_t over = now >= due ? (now - due) / 86400 + 1 : -((due - now) / 86400);
		if (over <= 0 && !fresh)
			continue;
		time_format_vn_date(last, buf, sizeof(buf));
		json_object_set_new(row, "last", json_string(buf));
		time_format_vn_date(due, buf, sizeof(buf));
		json_object_set_new(row, "due", json_string(buf));
		json_object_set_new(row, "days_over", json_integer(over));
		json_object_set_new(row, "stale", json_boolean(over > 0));
		json_object_set_new(row, "never_reviewed", json_boolean(json_integer_value(json_object_get(row, "never"))));
		json_array_append(out, row);
	}
	json_decref(rows);
	return out;
}

int review_mark(struct db *db, const struct actor *a, int64_t site_id, int64_t article_id, struct errs *e)
{
	(void)e;
	if (actor_level(db, a, site_id) < LVL_EDITOR)
		return M_DENIED;
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "UPDATE items SET reviewed_at = ?1, reviewed_by = ?2 WHERE id = ?3"
				       " AND site_id = ?4 AND state = 'published' AND EXISTS (SELECT 1 FROM categories c"
				       " WHERE c.id = items.category_id AND coalesce(items.review_days, c.review_days) IS NOT NULL)"
				       " RETURNING title");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_int(st, 1, time_now());
	if (a->id)
		db_bind_int(st, 2, a->id);
	db_bind_int(st, 3, article_id);
	db_bind_int(st, 4, site_id);
	char *title = db_step(st) == DB_ROW ? xstrdup(db_col_text(st, 0)) : NULL;
	db_reset(st);
	if (!title) {
		db_rollback(db);
		return M_NOTFOUND;
	}
	char obj[32];
	snprintf(obj, sizeof(obj), "%lld", (long long)article_id);
	int ok = audit_write(db, a, site_id, "article.review", obj, title) == 0;
	free(title);
	if (!ok) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

/* ---- the daily reminder ---- */

/* A text of the reminder in TEXTS' language (locale/<lang>/admin.json: "rem_*"); the key when
 * missing, which the locale test does not let happen. */
static const char *rem_text(json_t *texts, const char *key)
{
	const char *s = json_string_value(json_object_get(texts, key));
	return s ? s : key;
}

static void reminder_section(struct sb *b, json_t *texts, json_t *items, const char *heading)
{
	size_t i;
	json_t *it;
	if (!json_array_size(items))
		return;
	sb_addf(b, "%s (%zu):\n", rem_text(texts, heading), json_array_size(items));
	json_array_foreach(items, i, it)
		sb_addf(b, "- %s\n  %s; %s %s; %s %s\n", json_string_value(json_object_get(it, "title")),
			json_string_value(json_object_get(it, "kind_name")), rem_text(texts, "rem_received"),
			json_string_value(json_object_get(it, "received")), rem_text(texts, "rem_due"),
			json_string_value(json_object_get(it, "due")));
	sb_addc(b, '\n');
}

int reminder_compose(struct db *db, int64_t site_id, int64_t now, json_t *texts, char **subject, char **text, int *items)
{
	json_t *o = open_items(db, site_id, now);
	json_t *site = site_get(db, site_id);
	size_t n = json_array_size(json_object_get(o, "overdue")) + json_array_size(json_object_get(o, "today")) +
		   json_array_size(json_object_get(o, "soon"));
	char day[16];
	*subject = *text = NULL;
	*items = (int)n;
	if (!n || !site) {
		json_decref(o);
		json_decref(site);
		return 0;
	}
	struct sb s = SB_INIT, b = SB_INIT;
	const char *name = json_string_value(json_object_get(site, "name"));
	time_format_vn_date(now, day, sizeof(day));
	sb_addf(&s, "[%s] %s %s: %zu %s", name, rem_text(texts, "rem_subject"), day, n, rem_text(texts, "rem_subject_items"));
	sb_addf(&b, "%s %s,\n\n%s (%s %s):\n\n", rem_text(texts, "rem_dear"), name, rem_text(texts, "rem_intro"),
		rem_text(texts, "rem_day"), day);
	reminder_section(&b, texts, json_object_get(o, "overdue"), "rem_overdue");
	reminder_section(&b, texts, json_object_get(o, "today"), "rem_today");
	reminder_section(&b, texts, json_object_get(o, "soon"), "rem_soon");
	sb_addf(&b, "%s\n\n-- \n%s\n", rem_text(texts, "rem_where"), rem_text(texts, "rem_auto"));
	*subject = sb_detach(&s, NULL);
	*text = sb_detach(&b, NULL);
	json_decref(o);
	json_decref(site);
	return 0;
}

/* ---- the reminders' mail settings ---- */

int reminder_settings_may_edit(const struct actor *a)
{
	return a->sysadmin;
}

static void setting_into(struct db *db, json_t *o, const char *key, const char *def)
{
	char *v = db_setting_get(db, key);
	json_object_set_new(o, key, json_string(v ? v : def));
	free(v);
}

json_t *reminder_settings(struct db *db, int64_t site_id)
{
	json_t *o = json_object();
	setting_into(db, o, "smtp_url", "");
	setting_into(db, o, "smtp_from", "");
	setting_into(db, o, "smtp_from_name", "");
	setting_into(db, o, "smtp_user", "");
	setting_into(db, o, "smtp_tls", "try");
	setting_into(db, o, "reminder_hour", "7");
	char *pw = db_setting_get(db, "smtp_password");
	json_object_set_new(o, "has_password", json_boolean(pw && *pw));
	free(pw);
	json_t *site = site_get(db, site_id);
	if (site) {
		char key[96];
		snprintf(key, sizeof(key), "reminder_to_%s", json_string_value(json_object_get(site, "slug")));
		char *to = db_setting_get(db, key);
		json_object_set_new(o, "reminder_to", json_string(to ? to : ""));
		free(to);
		json_object_set(o, "board_email", json_object_get(site, "email"));
		json_decref(site);
	}
	return o;
}

static int one_line(const char *s)
{
	return !s || (!strchr(s, '\r') && !strchr(s, '\n') && utf8_valid(s, strlen(s)));
}

int reminder_settings_save(struct db *db, const struct actor *a, const struct reminder_input *in, struct errs *e)
{
	int64_t hour;
	if (!reminder_settings_may_edit(a))
		return M_DENIED;
	if (in->url && *in->url &&
	    ((strncmp(in->url, "smtp://", 7) != 0 && strncmp(in->url, "smtps://", 8) != 0) || strchr(in->url, '@') ||
	     !one_line(in->url) || strchr(in->url, ' ')))
		errs_add(e, "smtp_url", "smtp_url_invalid");
	if (in->from && *in->from && !mail_address_valid(in->from))
		errs_add(e, "smtp_from", "email_invalid");
	if (in->url && *in->url && in->from && !*in->from)
		errs_add(e, "smtp_from", "required");
	if (!one_line(in->from_name) || (in->from_name && utf8_length(in->from_name) > 120))
		errs_add(e, "smtp_from_name", "invalid_utf8");
	if (!one_line(in->user) || !one_line(in->password))
		errs_add(e, "smtp_user", "invalid_utf8");
	if (in->tls && strcmp(in->tls, "none") != 0 && strcmp(in->tls, "try") != 0 && strcmp(in->tls, "require") != 0)
		errs_add(e, "smtp_tls", "smtp_tls_invalid");
	if (in->hour && parse_i64(in->hour, 0, 23, &hour))
		errs_add(e, "reminder_hour", "reminder_hour_invalid");
	if (e->n)
		return M_INVALID;
	if (db_begin(db))
		return M_ERROR;
	const struct {
		const char *key, *value;
	} kv[] = { { "smtp_url", in->url }, { "smtp_from", in->from }, { "smtp_from_name", in->from_name },
		   { "smtp_user", in->user }, { "smtp_tls", in->tls }, { "reminder_hour", in->hour },
		   { "smtp_password", in->clear_password ? "" : in->password && *in->password ? in->password : NULL } };
	for (size_t i = 0; i < sizeof(kv) / sizeof(kv[0]); i++) {
		if (!kv[i].value)
			continue;
		char *v = utf8_nfc(kv[i].value, strlen(kv[i].value));
		int rc = v ? db_setting_set(db, kv[i].key, v) : -1;
		free(v);
		if (rc) {
			db_rollback(db);
			return M_ERROR;
		}
	}
	/* the record names what changed, never the password */
	char detail[600];
	snprintf(detail, sizeof(detail), "%s; from %s; tls %s; %s giờ%s", in->url ? in->url : "", in->from ? in->from : "",
		 in->tls ? in->tls : "", in->hour ? in->hour : "", in->clear_password ? "; mật khẩu đã xóa"
		 : in->password && *in->password ? "; mật khẩu đã đổi" : "");
	if (audit_write(db, a, main_site_id(db), "settings.mail", "smtp", detail)) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

int reminder_recipients_save(struct db *db, const struct actor *a, int64_t site_id, const char *list, struct errs *e)
{
	if (!a->sysadmin && actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	json_t *site = site_get(db, site_id);
	if (!site)
		return M_NOTFOUND;
	if (!list || !one_line(list) || !mail_address_list_valid(list) || strlen(list) > 2000)
		errs_add(e, "reminder_to", "email_list_invalid");
	if (e->n) {
		json_decref(site);
		return M_INVALID;
	}
	char key[96];
	snprintf(key, sizeof(key), "reminder_to_%s", json_string_value(json_object_get(site, "slug")));
	json_decref(site);
	if (db_begin(db))
		return M_ERROR;
	if (db_setting_set(db, key, list) || audit_write(db, a, site_id, "settings.reminder_to", key, list)) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

/* ---- the reminders' log ---- */

int reminder_sent(struct db *db, int64_t site_id, const char *day)
{
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM reminders_sent WHERE site_id = ? AND day = ?");
	int yes;
	if (!st)
		return 1;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, day);
	yes = db_step(st) == DB_ROW;
	db_reset(st);
	return yes;
}

void reminder_mark_sent(struct db *db, int64_t site_id, const char *day, int64_t now, const char *to, int items)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO reminders_sent (site_id, day, sent_at, recipients, items)"
				       " VALUES (?, ?, ?, ?, ?) ON CONFLICT (site_id, day) DO UPDATE SET"
				       " sent_at = excluded.sent_at, recipients = excluded.recipients, items = excluded.items");
	if (!st)
		return;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, day);
	db_bind_int(st, 3, now);
	db_bind_text(st, 4, to);
	db_bind_int(st, 5, items);
	if (db_step(st) != DB_DONE)
		log_error("reminders: cannot record the reminder of site %lld: %s", (long long)site_id, db_errmsg(db));
	db_reset(st);
}

json_t *reminder_sites(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT DISTINCT s.id, s.slug, s.email FROM sites s JOIN items a ON a.site_id = s.id"
				       " WHERE a.due_at IS NOT NULL AND a.published_at IS NULL"
				       " AND a.state NOT IN ('refused', 'withdrawn') ORDER BY s.id");
	return st ? db_rows_json(st) : json_array();
}
