/* report.c — the periodic reports (report.h): periods, the table of sections and their fill
 * functions, freezing and comparison. Every number is a count made here from the tables (or by
 * the module that owns the rule: deadline_compliance), so that a report says what the data says. */
#include "report.h"
#include "consultation.h"
#include "deadline.h"
#include "internal.h"
#include "obligation.h"
#include "ops.h"
#include "royalty.h"
#include "ticket.h"
#include "kind.h"
#include "visits.h"
#include "db/db.h"
#include "base/arena.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define NOTE_MAX 500

/* ---- periods ---- */

int report_period_make(enum report_span span, int year, int part, struct report_period *p)
{
	int parts = span == REPORT_QUARTER ? 4 : span == REPORT_HALF ? 2 : 1;
	if (year < 2000 || year > 2100 || part < 1 || part > parts)
		return -1;
	int months = 12 / parts, m0 = (part - 1) * months + 1;
	vn_date from = { year, m0, 1 };
	vn_date next = m0 + months > 12 ? (vn_date){ year + 1, 1, 1 } : (vn_date){ year, m0 + months, 1 };
	memset(p, 0, sizeof(*p));
	p->span = span;
	p->year = year;
	p->part = part;
	p->from_day = vn_date_to_days(from);
	p->to_day = vn_date_to_days(next) - 1;
	if (span == REPORT_QUARTER)
		snprintf(p->code, sizeof(p->code), "%d-q%d", year, part);
	else if (span == REPORT_HALF)
		snprintf(p->code, sizeof(p->code), "%d-h%d", year, part);
	else
		snprintf(p->code, sizeof(p->code), "%d", year);
	return 0;
}

int report_period_parse(const char *code, struct report_period *p)
{
	if (!code || strlen(code) < 4)
		return -1;
	for (int i = 0; i < 4; i++)
		if (code[i] < '0' || code[i] > '9')
			return -1;
	int year = (code[0] - '0') * 1000 + (code[1] - '0') * 100 + (code[2] - '0') * 10 + (code[3] - '0');
	const char *rest = code + 4;
	if (!*rest)
		return report_period_make(REPORT_YEAR, year, 1, p);
	if (rest[0] != '-' || !rest[1] || !rest[2] || rest[3] || rest[2] < '1' || rest[2] > '9')
		return -1;
	if (rest[1] == 'q' || rest[1] == 'Q')
		return report_period_make(REPORT_QUARTER, year, rest[2] - '0', p);
	if (rest[1] == 'h' || rest[1] == 'H')
		return report_period_make(REPORT_HALF, year, rest[2] - '0', p);
	return -1;
}

void report_period_previous(const struct report_period *p, struct report_period *prev)
{
	if (p->part > 1)
		report_period_make(p->span, p->year, p->part - 1, prev);
	else
		report_period_make(p->span, p->year - 1, p->span == REPORT_QUARTER ? 4 : p->span == REPORT_HALF ? 2 : 1,
				   prev);
}

void report_period_last_closed(enum report_span span, int32_t today, struct report_period *p)
{
	vn_date d = vn_days_to_date(today);
	int parts = span == REPORT_QUARTER ? 4 : span == REPORT_HALF ? 2 : 1;
	int part = (d.m - 1) / (12 / parts) + 1; /* the period of today, not over yet */
	struct report_period cur;
	if (report_period_make(span, d.y, part, &cur))
		report_period_make(span, 2000, 1, &cur);
	report_period_previous(&cur, p);
}

/* ---- building sections ---- */

static json_t *section_new(void)
{
	return json_pack("{s[]s[]}", "columns", "rows");
}

static void column_add(json_t *sec, const char *key, const char *title_key, const char *kind)
{
	json_array_append_new(json_object_get(sec, "columns"),
			      json_pack("{ssssss}", "key", key, "title_key", title_key, "kind", kind));
}

/* A row with its values object, appended; the values are the caller's to set. Its name is
 * LABEL_KEY's text in the reader's language, LABEL when that language has none (both may be
 * given), or LABEL alone ("" when neither is). */
static json_t *row_add(json_t *sec, const char *key, const char *label, const char *label_key)
{
	json_t *row = json_pack("{sss{}}", "key", key, "values");
	if (label_key)
		json_object_set_new(row, "label_key", json_string(label_key));
	if (label || !label_key)
		json_object_set_new(row, "label", json_string(label ? label : ""));
	json_array_append_new(json_object_get(sec, "rows"), row);
	return json_object_get(row, "values");
}

static void val_set(json_t *values, const char *col, int64_t n)
{
	json_object_set_new(values, col, json_integer(n));
}

/* The total of every "int" column over the rows. */
static void total_sum(json_t *sec)
{
	json_t *total = json_object(), *col, *row;
	size_t i, j;
	json_array_foreach(json_object_get(sec, "columns"), i, col) {
		if (strcmp(json_string_value(json_object_get(col, "kind")), "int") != 0)
			continue;
		const char *k = json_string_value(json_object_get(col, "key"));
		int64_t sum = 0;
		json_array_foreach(json_object_get(sec, "rows"), j, row)
			sum += json_integer_value(json_object_get(json_object_get(row, "values"), k));
		json_object_set_new(total, k, json_integer(sum));
	}
	json_object_set_new(sec, "total", total);
}

/* The bounds of the period as Unix times: [from, to). */
static int64_t t_from(const struct report_ctx *c)
{
	return vn_time_of_days(c->from_day);
}

static int64_t t_to(const struct report_ctx *c)
{
	return vn_time_of_days(c->to_day + 1);
}

/* Items count as published in the period when their first publication falls in it, whatever
 * happened to them since (a withdrawn item was still published then). */
#define PUBLISHED_IN " a.published_at >= ?2 AND a.published_at < ?3 AND a.state IN ('published', 'withdrawn')" \
		     " AND (?1 = 0 OR a.site_id = ?1)"

static json_t *fill_items_by_kind(const struct report_ctx *c)
{
	struct db_stmt *st = db_stmt(c->db, "SELECT a.kind, count(*) FROM items a WHERE" PUBLISHED_IN
					    " GROUP BY a.kind");
	if (!st)
		return NULL;
	db_bind_int(st, 1, c->site_id);
	db_bind_int(st, 2, t_from(c));
	db_bind_int(st, 3, t_to(c));
	json_t *counts = json_object();
	while (db_step(st) == DB_ROW)
		json_object_set_new(counts, db_col_text(st, 0), json_integer(db_col_int(st, 1)));
	db_reset(st);
	json_t *sec = section_new();
	column_add(sec, "published", "rep_col_published", "int");
	/* every kind, in menu order, so that two periods show the same rows */
	size_t nk;
	const struct kind *const *ks = kind_all(&nk);
	for (size_t i = 0; i < nk; i++) {
		char key[96];
		snprintf(key, sizeof(key), "kind.%s", ks[i]->name); /* its name in another language */
		json_t *v = row_add(sec, ks[i]->name, ks[i]->label, key);
		val_set(v, "published", json_integer_value(json_object_get(counts, ks[i]->name)));
		json_object_del(counts, ks[i]->name);
	}
	const char *k;
	json_t *n;
	json_object_foreach(counts, k, n) /* a kind no longer declared */
		val_set(row_add(sec, k, k, NULL), "published", json_integer_value(n));
	json_decref(counts);
	total_sum(sec);
	return sec;
}

/* Rows by their first value, largest first, then by label. */
static int by_count_desc(const void *x, const void *y)
{
	json_t *a = *(json_t *const *)x, *b = *(json_t *const *)y;
	int64_t na = json_integer_value(json_object_get(json_object_get(a, "values"), "published"));
	int64_t nb = json_integer_value(json_object_get(json_object_get(b, "values"), "published"));
	if (na != nb)
		return na > nb ? -1 : 1;
	return strcmp(json_string_value(json_object_get(a, "label")), json_string_value(json_object_get(b, "label")));
}

static void rows_sort(json_t *sec)
{
	json_t *rows = json_object_get(sec, "rows");
	size_t n = json_array_size(rows);
	json_t **v = xcalloc(n ? n : 1, sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(rows, i));
	qsort(v, n, sizeof(*v), by_count_desc);
	json_array_clear(rows);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(rows, v[i]);
	free(v);
}

static json_t *fill_items_by_category(const struct report_ctx *c)
{
	struct db_stmt *st = db_stmt(c->db, "SELECT c.id, c.name, s.name, count(*) FROM items a"
					    " JOIN categories c ON c.id = a.category_id JOIN sites s ON s.id = a.site_id"
					    " WHERE" PUBLISHED_IN " GROUP BY c.id, c.name, s.name");
	if (!st)
		return NULL;
	db_bind_int(st, 1, c->site_id);
	db_bind_int(st, 2, t_from(c));
	db_bind_int(st, 3, t_to(c));
	json_t *sec = section_new();
	column_add(sec, "published", "rep_col_published", "int");
	while (db_step(st) == DB_ROW) {
		char key[32];
		struct sb label = SB_INIT;
		snprintf(key, sizeof(key), "c%lld", (long long)db_col_int(st, 0));
		if (c->site_id == 0) /* the province's: which site's category */
			sb_addf(&label, "%s — ", db_col_text(st, 2));
		sb_adds(&label, db_col_text(st, 1));
		val_set(row_add(sec, key, label.buf, NULL), "published", db_col_int(st, 3));
		sb_release(&label);
	}
	db_reset(st);
	rows_sort(sec);
	total_sum(sec);
	return sec;
}

/* The author is the item's byline, else the account that wrote it; items with neither are
 * counted under one row. */
static json_t *fill_items_by_author(const struct report_ctx *c)
{
	struct db_stmt *st = db_stmt(c->db, "SELECT a.author, coalesce(u.display_name, ''), count(*) FROM items a"
					    " LEFT JOIN users u ON u.id = a.created_by WHERE" PUBLISHED_IN
					    " GROUP BY a.author, u.display_name");
	if (!st)
		return NULL;
	db_bind_int(st, 1, c->site_id);
	db_bind_int(st, 2, t_from(c));
	db_bind_int(st, 3, t_to(c));
	json_t *by = json_object(), *unknown = NULL;
	int64_t nunknown = 0;
	while (db_step(st) == DB_ROW) {
		char *byline = text_clean(db_col_text(st, 0), 0);
		const char *name = byline && *byline ? byline : db_col_text(st, 1);
		if (!*name) {
			nunknown += db_col_int(st, 2);
		} else {
			json_t *n = json_object_get(by, name);
			json_object_set_new(by, name, json_integer(json_integer_value(n) + db_col_int(st, 2)));
		}
		free(byline);
	}
	db_reset(st);
	json_t *sec = section_new();
	column_add(sec, "published", "rep_col_published", "int");
	const char *name;
	json_t *n;
	json_object_foreach(by, name, n)
		val_set(row_add(sec, name, name, NULL), "published", json_integer_value(n));
	json_decref(by);
	rows_sort(sec);
	if (nunknown) {
		unknown = row_add(sec, "-", NULL, "rep_row_no_author");
		val_set(unknown, "published", nunknown);
	}
	total_sum(sec);
	return sec;
}

static void compliance_values(json_t *v, json_t *from)
{
	static const char *const keys[] = { "total", "on_time", "late", "open", "open_overdue" };
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		val_set(v, keys[i], json_integer_value(json_object_get(from, keys[i])));
	json_object_set_new(v, "on_time_pct", json_real(json_number_value(json_object_get(from, "on_time_pct"))));
}

/* deadline_compliance's numbers: per kind on a site's report, per site on the province's. */
static json_t *fill_deadlines(const struct report_ctx *c)
{
	json_t *cmp = deadline_compliance(c->db, c->a, c->site_id, c->from_day, c->to_day, c->now), *row;
	if (!cmp)
		return NULL;
	json_t *sec = section_new();
	column_add(sec, "total", "rep_col_dl_total", "int");
	column_add(sec, "on_time", "rep_col_dl_on_time", "int");
	column_add(sec, "late", "rep_col_dl_late", "int");
	column_add(sec, "open", "rep_col_dl_open", "int");
	column_add(sec, "open_overdue", "rep_col_dl_open_overdue", "int");
	column_add(sec, "on_time_pct", "rep_col_dl_pct", "pct");
	size_t i;
	json_array_foreach(json_object_get(cmp, c->site_id ? "rows" : "by_site"), i, row) {
		char key[32];
		const char *label;
		if (c->site_id) {
			label = json_string_value(json_object_get(row, "kind_name"));
			compliance_values(row_add(sec, json_string_value(json_object_get(row, "kind")), label, NULL), row);
		} else {
			snprintf(key, sizeof(key), "s%lld", (long long)json_integer_value(json_object_get(row, "site_id")));
			label = json_string_value(json_object_get(row, "site_name"));
			compliance_values(row_add(sec, key, label, NULL), row);
		}
	}
	json_t *total = json_object();
	compliance_values(total, json_object_get(cmp, "totals"));
	json_object_set_new(sec, "total", total);
	json_decref(cmp);
	return sec;
}

/* What citizens sent, by kind (comments on drafts are the consultations' section). A ticket is
 * counted in the period it was received in; answered when closed other than by a refusal (or its
 * answer written, waiting for publication); late when closed after its due time, or not closed
 * and past it at the time of the report. */
static json_t *fill_tickets(const struct report_ctx *c)
{
	struct db_stmt *st = db_stmt(c->db,
		"SELECT kind, count(*),"
		" sum(CASE WHEN state = 'answered' OR (closed_at IS NOT NULL AND state NOT IN ('refused', 'ir_refused'))"
		" THEN 1 ELSE 0 END),"
		" sum(CASE WHEN state IN ('refused', 'ir_refused') THEN 1 ELSE 0 END),"
		" sum(CASE WHEN closed_at IS NULL AND state <> 'answered' THEN 1 ELSE 0 END),"
		" sum(CASE WHEN due_at IS NOT NULL AND ((closed_at IS NOT NULL AND closed_at > due_at)"
		" OR (closed_at IS NULL AND due_at < ?4)) THEN 1 ELSE 0 END)"
		" FROM tickets WHERE kind <> 'comment' AND received_at >= ?2 AND received_at < ?3"
		" AND (?1 = 0 OR site_id = ?1) GROUP BY kind");
	if (!st)
		return NULL;
	db_bind_int(st, 1, c->site_id);
	db_bind_int(st, 2, t_from(c));
	db_bind_int(st, 3, t_to(c));
	db_bind_int(st, 4, c->now);
	json_t *got = json_object();
	while (db_step(st) == DB_ROW)
		json_object_set_new(got, db_col_text(st, 0),
				    json_pack("{sIsIsIsIsI}", "received", (json_int_t)db_col_int(st, 1), "answered",
					      (json_int_t)db_col_int(st, 2), "refused", (json_int_t)db_col_int(st, 3),
					      "open", (json_int_t)db_col_int(st, 4), "late", (json_int_t)db_col_int(st, 5)));
	db_reset(st);
	json_t *sec = section_new();
	static const char *const cols[][2] = { { "received", "rep_col_received" }, { "answered", "rep_col_answered" },
					       { "refused", "rep_col_refused" }, { "open", "rep_col_open" },
					       { "late", "rep_col_late" } };
	for (size_t i = 0; i < ARRAY_SIZE(cols); i++)
		column_add(sec, cols[i][0], cols[i][1], "int");
	size_t n;
	const struct ticket_kind *const *tks = ticket_kinds(&n);
	for (size_t i = 0; i < n; i++) {
		if (tks[i]->moderated)
			continue;
		char key[96];
		snprintf(key, sizeof(key), "tk.kind.%s", tks[i]->name); /* its name in another language (model/ticket.c) */
		json_t *v = row_add(sec, tks[i]->name, tks[i]->label, key), *g = json_object_get(got, tks[i]->name);
		for (size_t k = 0; k < ARRAY_SIZE(cols); k++)
			val_set(v, cols[k][0], json_integer_value(json_object_get(g, cols[k][0])));
	}
	json_decref(got);
	total_sum(sec);
	return sec;
}

/* The consultations open at some time in the period (their open and close days), each with the
 * comments received in the period: how many, published, not published, waiting. */
static json_t *fill_consultations(const struct report_ctx *c)
{
	struct db_stmt *st = db_stmt(c->db, "SELECT a.id, a.title, a.fields, s.name FROM items a JOIN sites s ON s.id = a.site_id"
					    " WHERE a.kind = 'consultation' AND a.state IN ('published', 'withdrawn')"
					    " AND (?1 = 0 OR a.site_id = ?1) ORDER BY a.id");
	if (!st)
		return NULL;
	db_bind_int(st, 1, c->site_id);
	json_t *list = json_array();
	while (db_step(st) == DB_ROW) {
		json_t *fields = json_loads(db_col_text(st, 2), 0, NULL);
		struct consultation_time t;
		if (fields && consultation_time_of(fields, c->now, &t) == 0 && t.open_day <= c->to_day &&
		    t.close_day >= c->from_day) {
			struct sb label = SB_INIT;
			if (c->site_id == 0)
				sb_addf(&label, "%s — ", db_col_text(st, 3));
			sb_adds(&label, db_col_text(st, 1));
			json_array_append_new(list, json_pack("{sIss}", "id", (json_int_t)db_col_int(st, 0), "label", label.buf));
			sb_release(&label);
		}
		json_decref(fields);
	}
	db_reset(st);
	json_t *sec = section_new();
	column_add(sec, "comments", "rep_col_comments", "int");
	column_add(sec, "published", "rep_col_comments_published", "int");
	column_add(sec, "refused", "rep_col_comments_refused", "int");
	column_add(sec, "waiting", "rep_col_comments_waiting", "int");
	st = db_stmt(c->db, "SELECT count(*), sum(CASE WHEN state = 'published' THEN 1 ELSE 0 END),"
			    " sum(CASE WHEN state = 'refused' THEN 1 ELSE 0 END), sum(CASE WHEN state = 'received' THEN 1 ELSE 0 END)"
			    " FROM tickets WHERE kind = 'comment' AND item_id = ? AND received_at >= ? AND received_at < ?");
	size_t i;
	json_t *it;
	json_array_foreach(list, i, it) {
		char key[32];
		snprintf(key, sizeof(key), "i%lld", (long long)json_integer_value(json_object_get(it, "id")));
		json_t *v = row_add(sec, key, json_string_value(json_object_get(it, "label")), NULL);
		int64_t n[4] = { 0 };
		if (st) {
			db_bind_int(st, 1, json_integer_value(json_object_get(it, "id")));
			db_bind_int(st, 2, t_from(c));
			db_bind_int(st, 3, t_to(c));
			if (db_step(st) == DB_ROW)
				for (int k = 0; k < 4; k++)
					n[k] = db_col_int(st, k); /* NULL sums read as 0 */
			db_reset(st);
		}
		val_set(v, "comments", n[0]);
		val_set(v, "published", n[1]);
		val_set(v, "refused", n[2]);
		val_set(v, "waiting", n[3]);
	}
	json_decref(list);
	if (!st) {
		json_decref(sec);
		return NULL;
	}
	total_sum(sec);
	return sec;
}

/* Incidents of the whole system (the sites share it) by kind. */
static json_t *fill_incidents(const struct report_ctx *c)
{
	struct db_stmt *st = db_stmt(c->db, "SELECT kind, count(*) FROM incidents WHERE occurred_at >= ? AND occurred_at < ?"
					    " GROUP BY kind");
	if (!st)
		return NULL;
	db_bind_int(st, 1, t_from(c));
	db_bind_int(st, 2, t_to(c));
	json_t *got = json_object();
	while (db_step(st) == DB_ROW)
		json_object_set_new(got, db_col_text(st, 0), json_integer(db_col_int(st, 1)));
	db_reset(st);
	json_t *sec = section_new(), *kinds = incident_kinds(), *k;
	column_add(sec, "count", "rep_col_incidents", "int");
	size_t i;
	json_array_foreach(kinds, i, k) {
		const char *key = json_string_value(json_object_get(k, "key"));
		char label_key[96]; /* the kind's name, in the reader's language (locale "incident_kind_<key>") */
		snprintf(label_key, sizeof(label_key), "incident_kind_%s", key);
		val_set(row_add(sec, key, NULL, label_key), "count", json_integer_value(json_object_get(got, key)));
	}
	json_decref(kinds);
	json_decref(got);
	total_sum(sec);
	return sec;
}

/* Backups of the whole system and the restore drills that followed them. A run still going or
 * cut short counts as not successful. */
static json_t *fill_backups(const struct report_ctx *c)
{
	struct db_stmt *st = db_stmt(c->db, "SELECT count(*), coalesce(sum(CASE WHEN ok = 1 AND finished_at IS NOT NULL THEN 1 ELSE 0 END), 0),"
					    " count(drill_ok), coalesce(sum(CASE WHEN drill_ok = 1 THEN 1 ELSE 0 END), 0)"
					    " FROM backups WHERE started_at >= ? AND started_at < ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, t_from(c));
	db_bind_int(st, 2, t_to(c));
	int64_t n[4] = { 0 };
	if (db_step(st) == DB_ROW)
		for (int k = 0; k < 4; k++)
			n[k] = db_col_int(st, k);
	db_reset(st);
	json_t *sec = section_new();
	column_add(sec, "runs", "rep_col_runs", "int");
	column_add(sec, "ok", "rep_col_ok", "int");
	column_add(sec, "failed", "rep_col_failed", "int");
	json_t *v = row_add(sec, "backups", NULL, "rep_row_backups");
	val_set(v, "runs", n[0]);
	val_set(v, "ok", n[1]);
	val_set(v, "failed", n[0] - n[1]);
	v = row_add(sec, "drills", NULL, "rep_row_drills");
	val_set(v, "runs", n[2]);
	val_set(v, "ok", n[3]);
	val_set(v, "failed", n[2] - n[3]);
	return sec;
}

/* Counts per site of one query (site_id, count; its parameters the site ?1, here 0 for every
 * site, and the period's bounds ?2, ?3) into OUT[site key][COL]. */
static int per_site(const struct report_ctx *c, const char *sql, json_t *out, const char *col)
{
	struct db_stmt *st = db_stmt(c->db, sql);
	if (!st)
		return -1;
	db_bind_int(st, 1, 0);
	db_bind_int(st, 2, t_from(c));
	db_bind_int(st, 3, t_to(c));
	while (db_step(st) == DB_ROW) {
		char key[32];
		snprintf(key, sizeof(key), "s%lld", (long long)db_col_int(st, 0));
		json_t *v = json_object_get(out, key);
		if (v)
			val_set(v, col, db_col_int(st, 1));
	}
	db_reset(st);
	return 0;
}

/* The province's report sets the sites side by side: one row per site with its main numbers. */
static json_t *fill_sites(const struct report_ctx *c)
{
	static const char *const cols[][2] = { { "published", "rep_col_published" }, { "dl_on_time", "rep_col_dl_on_time" },
					       { "dl_late", "rep_col_dl_late" }, { "received", "rep_col_received" },
					       { "answered", "rep_col_answered" }, { "late", "rep_col_late" },
					       { "comments", "rep_col_comments" } };
	json_t *sec = section_new(), *sites = site_list(c->db), *s, *byk = json_object();
	for (size_t i = 0; i < ARRAY_SIZE(cols); i++)
		column_add(sec, cols[i][0], cols[i][1], "int");
	size_t i;
	json_array_foreach(sites, i, s) {
		char key[32];
		snprintf(key, sizeof(key), "s%lld", (long long)json_integer_value(json_object_get(s, "id")));
		json_t *v = row_add(sec, key, json_string_value(json_object_get(s, "name")), NULL);
		for (size_t k = 0; k < ARRAY_SIZE(cols); k++)
			val_set(v, cols[k][0], 0);
		json_object_set(byk, key, v);
	}
	json_decref(sites);
	int bad = per_site(c, "SELECT a.site_id, count(*) FROM items a WHERE" PUBLISHED_IN " GROUP BY a.site_id", byk,
			   "published") ||
		  per_site(c, "SELECT site_id, count(*) FROM tickets WHERE kind <> 'comment' AND received_at >= ?2"
			      " AND received_at < ?3 AND (?1 = 0 OR site_id = ?1) GROUP BY site_id", byk, "received") ||
		  per_site(c, "SELECT site_id, count(*) FROM tickets WHERE kind <> 'comment' AND received_at >= ?2"
			      " AND received_at < ?3 AND (?1 = 0 OR site_id = ?1) AND (state = 'answered' OR (closed_at IS NOT NULL"
			      " AND state NOT IN ('refused', 'ir_refused'))) GROUP BY site_id", byk, "answered") ||
		  per_site(c, "SELECT site_id, count(*) FROM tickets WHERE kind = 'comment' AND received_at >= ?2"
			      " AND received_at < ?3 AND (?1 = 0 OR site_id = ?1) GROUP BY site_id", byk, "comments");
	/* late as fill_tickets counts it, at the report's time */
	struct db_stmt *st = bad ? NULL : db_stmt(c->db, "SELECT site_id, count(*) FROM tickets WHERE kind <> 'comment'"
			" AND received_at >= ? AND received_at < ? AND due_at IS NOT NULL AND ((closed_at IS NOT NULL"
			" AND closed_at > due_at) OR (closed_at IS NULL AND due_at < ?)) GROUP BY site_id");
	if (st) {
		db_bind_int(st, 1, t_from(c));
		db_bind_int(st, 2, t_to(c));
		db_bind_int(st, 3, c->now);
		while (db_step(st) == DB_ROW) {
			char key[32];
			snprintf(key, sizeof(key), "s%lld", (long long)db_col_int(st, 0));
			json_t *v = json_object_get(byk, key);
			if (v)
				val_set(v, "late", db_col_int(st, 1));
		}
		db_reset(st);
	}
	json_t *cmp = st ? deadline_compliance(c->db, c->a, 0, c->from_day, c->to_day, c->now) : NULL, *row;
	json_array_foreach(json_object_get(cmp, "by_site"), i, row) {
		char key[32];
		snprintf(key, sizeof(key), "s%lld", (long long)json_integer_value(json_object_get(row, "site_id")));
		json_t *v = json_object_get(byk, key);
		if (v) {
			val_set(v, "dl_on_time", json_integer_value(json_object_get(row, "on_time")));
			val_set(v, "dl_late", json_integer_value(json_object_get(row, "late")));
		}
	}
	json_decref(byk);
	if (!cmp) {
		json_decref(sec);
		return NULL;
	}
	json_decref(cmp);
	total_sum(sec);
	return sec;
}

/* visits_report(db, a, site_id, from_day, to_day) → {total, by_site: [{site_id, site_name, total}],
 * by_day: [{day, total}]}: the total on a site's report, one row per site on the province's. */
static json_t *fill_visits(const struct report_ctx *c)
{
	json_t *v = visits_report(c->db, c->a, c->site_id, c->from_day, c->to_day), *s;
	if (!v)
		return NULL;
	json_t *sec = section_new();
	column_add(sec, "visits", "rep_col_visits", "int");
	if (c->site_id) {
		val_set(row_add(sec, "visits", NULL, "rep_row_visits"), "visits", json_integer_value(json_object_get(v, "total")));
	} else {
		size_t i;
		json_array_foreach(json_object_get(v, "by_site"), i, s) {
			char key[32];
			snprintf(key, sizeof(key), "s%lld", (long long)json_integer_value(json_object_get(s, "site_id")));
			val_set(row_add(sec, key, json_string_value(json_object_get(s, "site_name")), NULL), "visits",
				json_integer_value(json_object_get(s, "total")));
		}
	}
	json_decref(v);
	total_sum(sec);
	return sec;
}

/* royalty_report(db, a, site_id, from_day, to_day) → {total, paid, items, by_site: [{site_id,
 * site_name, total, paid}]} (amounts in đồng). */
static json_t *fill_royalties(const struct report_ctx *c)
{
	json_t *v = royalty_report(c->db, c->a, c->site_id, c->from_day, c->to_day), *s;
	if (!v)
		return NULL;
	json_t *sec = section_new();
	column_add(sec, "total", "rep_col_royalty_total", "int");
	column_add(sec, "paid", "rep_col_royalty_paid", "int");
	if (c->site_id) {
		json_t *r = row_add(sec, "royalties", NULL, "rep_row_royalties");
		val_set(r, "total", json_integer_value(json_object_get(v, "total")));
		val_set(r, "paid", json_integer_value(json_object_get(v, "paid")));
	} else {
		size_t i;
		json_array_foreach(json_object_get(v, "by_site"), i, s) {
			char key[32];
			snprintf(key, sizeof(key), "s%lld", (long long)json_integer_value(json_object_get(s, "site_id")));
			json_t *r = row_add(sec, key, json_string_value(json_object_get(s, "site_name")), NULL);
			val_set(r, "total", json_integer_value(json_object_get(s, "total")));
			val_set(r, "paid", json_integer_value(json_object_get(s, "paid")));
		}
	}
	json_decref(v);
	total_sum(sec);
	return sec;
}

/* obligation_report(db, a, site_id, from_day, to_day) → {rows: [{unit, site_name, kind,
 * expected, on_time, late, missing, pending}]}: one row per providing unit and kind of
 * information, the periods due in the report's period (VP Đ5; ĐT Đ13.4). */
static json_t *fill_obligations(const struct report_ctx *c)
{
	json_t *v = obligation_report(c->db, c->a, c->site_id, c->from_day, c->to_day), *o;
	if (!v)
		return NULL;
	json_t *sec = section_new();
	static const char *const cols[][2] = { { "expected", "rep_col_obl_expected" }, { "on_time", "rep_col_obl_on_time" },
					       { "late", "rep_col_obl_late" }, { "missing", "rep_col_obl_missing" },
					       { "pending", "rep_col_obl_pending" } };
	for (size_t k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
		column_add(sec, cols[k][0], cols[k][1], "int");
	size_t i;
	json_array_foreach(json_object_get(v, "rows"), i, o) {
		/* the key names the unit, so that the comparison with the previous period pairs rows;
		 * the label is the unit as recorded, and the row's "kind" is named in the reader's
		 * language where the report is shown (web/admin/reports.c) */
		const char *unit = json_string_value(json_object_get(o, "unit")), *kind = json_string_value(json_object_get(o, "kind"));
		const char *site = json_string_value(json_object_get(o, "site_name"));
		char key[600], label[512];
		snprintf(key, sizeof(key), "o%lld:%s:%s", (long long)json_integer_value(json_object_get(o, "site_id")),
			 kind ? kind : "", unit ? unit : "");
		if (!c->site_id && site)
			snprintf(label, sizeof(label), "%s (%s)", unit ? unit : "", site);
		else
			snprintf(label, sizeof(label), "%s", unit ? unit : "");
		json_t *r = row_add(sec, key, label, NULL);
		json_t *rows = json_object_get(sec, "rows");
		json_object_set_new(json_array_get(rows, json_array_size(rows) - 1), "kind", json_string(kind ? kind : ""));
		for (size_t k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
			val_set(r, cols[k][0], json_integer_value(json_object_get(o, cols[k][0])));
	}
	json_decref(v);
	total_sum(sec);
	return sec;
}

static const char *const chart_published[] = { "published", NULL };
static const char *const chart_deadlines[] = { "on_time", "late", "open", NULL };
static const char *const chart_tickets[] = { "answered", "refused", "open", NULL };
static const char *const chart_comments[] = { "published", "refused", "waiting", NULL };
static const char *const chart_count[] = { "count", NULL };
static const char *const chart_obligations[] = { "on_time", "late", "missing", NULL };

/* The sections, in the order a report shows them. */
static const struct report_section sections[] = {
	{ "sites", "rep_sec_sites", REPORT_PROVINCE, fill_sites, chart_published },
	{ "items_by_kind", "rep_sec_items_by_kind", REPORT_BOTH, fill_items_by_kind, chart_published },
	{ "items_by_category", "rep_sec_items_by_category", REPORT_BOTH, fill_items_by_category, NULL },
	{ "items_by_author", "rep_sec_items_by_author", REPORT_BOTH, fill_items_by_author, NULL },
	{ "deadlines", "rep_sec_deadlines", REPORT_BOTH, fill_deadlines, chart_deadlines },
	{ "tickets", "rep_sec_tickets", REPORT_BOTH, fill_tickets, chart_tickets },
	{ "consultations", "rep_sec_consultations", REPORT_BOTH, fill_consultations, chart_comments },
	{ "obligations", "rep_sec_obligations", REPORT_BOTH, fill_obligations, chart_obligations },
	{ "visits", "rep_sec_visits", REPORT_BOTH, fill_visits, NULL },
	{ "royalties", "rep_sec_royalties", REPORT_BOTH, fill_royalties, NULL },
	{ "incidents", "rep_sec_incidents", REPORT_BOTH, fill_incidents, chart_count },
	{ "backups", "rep_sec_backups", REPORT_BOTH, fill_backups, NULL },
};

const struct report_section *report_sections(size_t *n)
{
	*n = ARRAY_SIZE(sections);
	return sections;
}

/* ---- who ---- */

int report_may_view(struct db *db, const struct actor *a, int64_t site_id)
{
	if (!a)
		return 0;
	if (a->sysadmin)
		return 1;
	if (site_id)
		return actor_level(db, a, site_id) >= LVL_APPROVER;
	json_t *m = site_main(db);
	int64_t main_id = m ? json_integer_value(json_object_get(m, "id")) : 0;
	json_decref(m);
	return main_id && actor_level(db, a, main_id) >= LVL_SITEADMIN;
}

/* ---- computing, storing ---- */

static json_t *compute(struct db *db, const struct actor *a, int64_t site_id, const struct report_period *p, int64_t now)
{
	char from[11], to[11];
	struct report_ctx c = { db, a, site_id, p->from_day, p->to_day, now };
	json_t *site = site_id ? site_get(db, site_id) : NULL;
	if (site_id && !site)
		return NULL;
	vn_date_format(vn_days_to_date(p->from_day), from);
	vn_date_format(vn_days_to_date(p->to_day), to);
	json_t *rep = json_pack("{sisIsssssssIs[]}", "format", REPORT_FORMAT, "site_id", (json_int_t)site_id, "period",
				p->code, "from", from, "to", to, "computed_at", (json_int_t)now, "sections");
	json_object_set_new(rep, "site_name", json_string(site ? json_string_value(json_object_get(site, "name")) : ""));
	json_decref(site);
	unsigned scope = site_id ? REPORT_SITE : REPORT_PROVINCE;
	for (size_t i = 0; i < ARRAY_SIZE(sections); i++) {
		if (!(sections[i].scope & scope))
			continue;
		json_t *sec = sections[i].fill(&c);
		if (!sec) {
			log_error("report %s of site %lld: section %s failed", p->code, (long long)site_id, sections[i].key);
			json_decref(rep);
			return NULL;
		}
		json_object_set_new(sec, "key", json_string(sections[i].key));
		json_object_set_new(sec, "title_key", json_string(sections[i].title_key));
		if (sections[i].chart) {
			json_t *ch = json_array();
			for (const char *const *k = sections[i].chart; *k; k++)
				json_array_append_new(ch, json_string(*k));
			json_object_set_new(sec, "chart", ch);
		}
		json_array_append_new(json_object_get(rep, "sections"), sec);
	}
	return rep;
}

json_t *report_compute(struct db *db, const struct actor *a, int64_t site_id, const struct report_period *p,
		       int64_t now, int *rc)
{
	int dummy;
	if (!rc)
		rc = &dummy;
	if (!report_may_view(db, a, site_id)) {
		*rc = M_DENIED;
		return NULL;
	}
	/* one snapshot: the sections' numbers are of the same moment */
	int reading = !db_in_transaction(db) && db_read_begin(db) == 0;
	json_t *rep = compute(db, a, site_id, p, now);
	if (reading)
		db_read_end(db);
	*rc = rep ? M_OK : M_ERROR;
	return rep;
}

static json_t *stored(struct db *db, int64_t site_id, const char *period, int version)
{
	struct db_stmt *st = db_stmt(db, "SELECT r.version, r.data, r.note, r.frozen_at, coalesce(u.display_name, u.username, '')"
					 " FROM reports r LEFT JOIN users u ON u.id = r.frozen_by"
					 " WHERE r.site_id = ?1 AND r.period = ?2 AND (?3 = 0 OR r.version = ?3)"
					 " ORDER BY r.version DESC");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, period);
	db_bind_int(st, 3, version);
	json_t *rep = NULL;
	if (db_step(st) == DB_ROW) {
		rep = json_loads(db_col_text(st, 1), 0, NULL);
		if (rep) {
			char at[32];
			time_format_vn(db_col_int(st, 3), at, sizeof(at));
			json_object_set_new(rep, "frozen", json_true());
			json_object_set_new(rep, "version", json_integer(db_col_int(st, 0)));
			json_object_set_new(rep, "note", json_string(db_col_text(st, 2)));
			json_object_set_new(rep, "frozen_at", json_string(at));
			json_object_set_new(rep, "frozen_by", json_string(db_col_text(st, 4)));
		}
	}
	db_reset(st);
	return rep;
}

int report_get(struct db *db, const struct actor *a, int64_t site_id, const struct report_period *p, int version,
	       int64_t now, json_t **out)
{
	*out = NULL;
	if (!report_may_view(db, a, site_id))
		return M_DENIED;
	json_t *rep = stored(db, site_id, p->code, version);
	if (!rep && version > 0)
		return M_NOTFOUND;
	if (!rep) {
		int rc;
		rep = report_compute(db, a, site_id, p, now, &rc);
		if (!rep)
			return rc;
		json_object_set_new(rep, "frozen", json_false());
	}
	*out = rep;
	return M_OK;
}

json_t *report_versions(struct db *db, const struct actor *a, int64_t site_id, const struct report_period *p)
{
	if (!report_may_view(db, a, site_id))
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT r.version, r.note, r.frozen_at, coalesce(u.display_name, u.username, '')"
					 " FROM reports r LEFT JOIN users u ON u.id = r.frozen_by"
					 " WHERE r.site_id = ? AND r.period = ? ORDER BY r.version DESC");
	json_t *list = json_array();
	if (!st)
		return list;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, p->code);
	while (db_step(st) == DB_ROW) {
		char at[32];
		time_format_vn(db_col_int(st, 2), at, sizeof(at));
		json_array_append_new(list, json_pack("{sIssssss}", "version", (json_int_t)db_col_int(st, 0), "note",
						      db_col_text(st, 1), "frozen_at", at, "frozen_by", db_col_text(st, 3)));
	}
	db_reset(st);
	return list;
}

int report_freeze(struct db *db, const struct actor *a, int64_t site_id, const struct report_period *p,
		  const char *note, int64_t now, struct errs *e, int *version)
{
	if (!report_may_view(db, a, site_id))
		return M_DENIED;
	char *clean = text_clean(note, 1);
	if (!clean) {
		errs_add(e, "note", "invalid_utf8");
		return M_INVALID;
	}
	if (p->to_day >= vn_days_of_time(now))
		errs_add(e, "period", "rep_err_period_open");
	if (utf8_length(clean) > NOTE_MAX)
		errs_add(e, "note", "rep_err_note_long");
	if (db_begin(db)) {
		free(clean);
		return M_ERROR;
	}
	int64_t last = 0;
	struct db_stmt *st = db_stmt(db, "SELECT coalesce(max(version), 0) FROM reports WHERE site_id = ? AND period = ?");
	if (st) {
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, p->code);
		db_one_int(st, &last);
	}
	if (last > 0 && !*clean)
		errs_add(e, "note", "rep_err_note_required");
	if (e->n) {
		db_rollback(db);
		free(clean);
		return M_INVALID;
	}
	json_t *rep = compute(db, a, site_id, p, now);
	char *data = rep ? json_dumps(rep, JSON_COMPACT) : NULL;
	json_decref(rep);
	int rc = M_ERROR;
	char detail[160];
	snprintf(detail, sizeof(detail), "%s v%lld", p->code, (long long)(last + 1));
	st = data ? db_stmt(db, "INSERT INTO reports (site_id, period, version, data, note, frozen_by, frozen_at)"
				" VALUES (?, ?, ?, ?, ?, ?, ?)")
		  : NULL;
	if (st) {
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, p->code);
		db_bind_int(st, 3, last + 1);
		db_bind_text(st, 4, data);
		db_bind_text(st, 5, clean);
		if (a->id)
			db_bind_int(st, 6, a->id);
		else
			db_bind_null(st, 6);
		db_bind_int(st, 7, now);
		if (db_step_done(st) == 0 && audit_write(db, a, site_id, "report.freeze", detail, clean) == 0 &&
		    db_commit(db) == 0)
			rc = M_OK;
	}
	if (rc != M_OK)
		db_rollback(db);
	else if (version)
		*version = (int)(last + 1);
	json_free_str(data); /* jansson's allocator: the request's arena (base/arena.h) */
	free(clean);
	return rc;
}

/* ---- comparison ---- */

static json_t *find_by_key(const json_t *arr, const char *key)
{
	size_t i;
	json_t *x;
	json_array_foreach(arr, i, x)
		if (strcmp(json_string_value(json_object_get(x, "key")), key) == 0)
			return x;
	return NULL;
}

/* VALUES gains prev and delta objects against PREV (NULL: all zeros), column by column. */
static void compare_values(json_t *holder, const json_t *values, const json_t *prev, const json_t *columns)
{
	json_t *p = json_object(), *d = json_object(), *col;
	size_t i;
	json_array_foreach(columns, i, col) {
		const char *k = json_string_value(json_object_get(col, "key"));
		json_t *cur = json_object_get(values, k), *old = prev ? json_object_get(prev, k) : NULL;
		if (json_is_real(cur) || json_is_real(old)) {
			json_object_set_new(p, k, json_real(json_number_value(old)));
			json_object_set_new(d, k, json_real(json_number_value(cur) - json_number_value(old)));
		} else {
			json_object_set_new(p, k, json_integer(json_integer_value(old)));
			json_object_set_new(d, k, json_integer(json_integer_value(cur) - json_integer_value(old)));
		}
	}
	json_object_set_new(holder, "prev", p);
	json_object_set_new(holder, "delta", d);
}

void report_compare(json_t *cur, const json_t *prev)
{
	size_t i, j;
	json_t *sec, *row;
	json_object_set(cur, "compared_with", json_object_get(prev, "period"));
	json_array_foreach(json_object_get(cur, "sections"), i, sec) {
		const json_t *psec = find_by_key(json_object_get(prev, "sections"), json_string_value(json_object_get(sec, "key")));
		json_t *cols = json_object_get(sec, "columns"), *rows = json_object_get(sec, "rows");
		json_array_foreach(rows, j, row) {
			const json_t *prow = psec ? find_by_key(json_object_get(psec, "rows"), json_string_value(json_object_get(row, "key"))) : NULL;
			compare_values(row, json_object_get(row, "values"), prow ? json_object_get(prow, "values") : NULL, cols);
		}
		/* rows of the previous period that this one lacks (a category no longer used) */
		json_array_foreach(psec ? json_object_get(psec, "rows") : NULL, j, row) {
			if (find_by_key(rows, json_string_value(json_object_get(row, "key"))))
				continue;
			json_t *copy = json_deep_copy(row), *zero = json_object(), *col;
			size_t k;
			json_array_foreach(cols, k, col) {
				const char *ck = json_string_value(json_object_get(col, "key"));
				json_object_set_new(zero, ck, json_is_real(json_object_get(json_object_get(row, "values"), ck))
								      ? json_real(0) : json_integer(0));
			}
			json_object_set_new(copy, "values", zero);
			compare_values(copy, zero, json_object_get(row, "values"), cols);
			json_array_append_new(rows, copy);
		}
		json_t *total = json_object_get(sec, "total");
		if (json_is_object(total)) {
			json_t *ptotal = psec ? json_object_get(psec, "total") : NULL;
			json_t *holder = json_object();
			compare_values(holder, total, ptotal, cols);
			json_object_set(sec, "total_prev", json_object_get(holder, "prev"));
			json_object_set(sec, "total_delta", json_object_get(holder, "delta"));
			json_decref(holder);
		}
	}
}
