/* test_reports.c — the periodic reports (model/report.h) against data made here with a fixed
 * clock: every number of every section equals a count made from the test's own tables; who may
 * see them; a frozen report stays as it was when the data changes, a correction is a new version;
 * the comparison's deltas; the periods. The sections that read other modules (visits, royalties,
 * obligations) against rows made here through those modules' own tables and functions. */
#include "t.h"
#include "tdb.h"
#include "base/util.h"
#include "db/db.h"
#include "model/deadline.h"
#include "model/model.h"
#include "model/obligation.h"
#include "model/visits.h"
#include "model/report.h"
#include "report/table.h"
#include "base/sb.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PW "Mat-khau-2026!"

TEST(report_periods_parse_and_step_back)
{
	struct report_period p, q;
	CHECK(report_period_parse("2026-q1", &p) == 0);
	CHECK(p.span == REPORT_QUARTER && p.year == 2026 && p.part == 1);
	CHECK(p.from_day == vn_date_to_days((vn_date){ 2026, 1, 1 }));
	CHECK(p.to_day == vn_date_to_days((vn_date){ 2026, 3, 31 }));
	report_period_previous(&p, &q);
	CHECK_STR(q.code, "2025-q4");
	CHECK(q.to_day == vn_date_to_days((vn_date){ 2025, 12, 31 }));
	CHECK(report_period_parse("2026-h2", &p) == 0 && p.from_day == vn_date_to_days((vn_date){ 2026, 7, 1 }) &&
	      p.to_day == vn_date_to_days((vn_date){ 2026, 12, 31 }));
	report_period_previous(&p, &q);
	CHECK_STR(q.code, "2026-h1");
	CHECK(report_period_parse("2024", &p) == 0 && p.span == REPORT_YEAR &&
	      p.to_day - p.from_day == 365); /* a leap year */
	CHECK(report_period_parse("2026-q5", &p) == -1);
	CHECK(report_period_parse("2026-h0", &p) == -1);
	CHECK(report_period_parse("1999", &p) == -1);
	CHECK(report_period_parse("2026-", &p) == -1);
	CHECK(report_period_parse("2026-q12", &p) == -1);
	CHECK(report_period_parse("abcd", &p) == -1);
	CHECK(report_period_parse(NULL, &p) == -1);
	report_period_last_closed(REPORT_QUARTER, vn_date_to_days((vn_date){ 2026, 4, 5 }), &p);
	CHECK_STR(p.code, "2026-q1");
	report_period_last_closed(REPORT_YEAR, vn_date_to_days((vn_date){ 2026, 4, 5 }), &p);
	CHECK_STR(p.code, "2025");
}

/* ---- the data ---- */

struct fx {
	struct db *db;
	int64_t main_id, snv, stc, news, laws, stc_news, consult_cat, consult_id;
	int64_t approver, editor, main_admin;
};

/* Items: site (0 snv, 1 stc), category (0 news, 1 laws), author, published (Vietnam time, "" never),
 * withdrawn afterwards. */
static const struct {
	int site, cat;
	const char *author, *published;
	int hour, withdrawn;
} items[] = {
	{ 0, 0, "Nguyễn Văn An", "2026-01-10", 9, 0 },
	{ 0, 0, "Nguyễn Văn An", "2026-02-15", 9, 0 },
	{ 0, 0, "", "2026-03-31", 23, 0 },        /* the period's last hour */
	{ 0, 1, "Trần Thị Bình", "2026-03-01", 10, 1 }, /* withdrawn since: still published then */
	{ 0, 0, "Trần Thị Bình", "2026-04-01", 0, 0 },  /* the next quarter */
	{ 0, 0, "Lê Văn Cường", "", 0, 0 },            /* a draft */
	{ 1, 0, "Phạm Thị Dung", "2026-02-01", 8, 0 },  /* another site */
};

/* Tickets: site, kind, state, received, due (or ""), closed (or ""). */
static const struct {
	int site;
	const char *kind, *state, *received, *due, *closed;
} tickets[] = {
	{ 0, "question", "closed", "2026-01-05", "2026-01-20", "2026-01-10" },
	{ 0, "question", "processing", "2026-02-01", "2026-02-20", "" },   /* open, overdue: late */
	{ 0, "question", "processing", "2026-03-20", "2026-04-10", "" },   /* open, not yet due */
	{ 0, "question", "answered", "2026-03-25", "2026-04-15", "" },     /* answered, waiting for publication */
	{ 0, "feedback", "refused", "2026-02-10", "2026-03-01", "2026-02-11" },
	{ 0, "feedback", "published", "2026-02-10", "2026-03-01", "2026-03-30" }, /* answered late */
	{ 0, "info_request", "ir_provided", "2026-03-01", "2026-03-04", "2026-03-05" },
	{ 0, "info_request", "ir_refused", "2026-03-02", "2026-03-05", "2026-03-03" },
	{ 0, "question", "received", "2026-04-02", "2026-04-20", "" },      /* next quarter */
	{ 1, "question", "closed", "2026-01-15", "2026-01-30", "2026-01-16" },
	{ 0, "comment", "published", "2026-02-05", "", "2026-02-06" },
	{ 0, "comment", "refused", "2026-02-06", "", "2026-02-07" },
	{ 0, "comment", "received", "2026-02-07", "", "" },
	{ 0, "comment", "published", "2026-04-02", "", "2026-04-03" },      /* next quarter */
};

static const struct {
	const char *kind, *at;
} incidents[] = { { "attack", "2026-01-20" }, { "outage", "2026-03-02" }, { "outage", "2026-03-09" }, { "other", "2026-05-01" } };

static const struct {
	const char *at;
	int ok, drill; /* drill: -1 none, 0 failed, 1 ok */
} backups[] = { { "2026-01-01", 1, 1 }, { "2026-02-01", 1, 0 }, { "2026-03-01", 0, -1 }, { "2026-04-01", 1, 1 } };

static int64_t at_day(const char *day, int h)
{
	return t_vn_at(day, h, 0);
}

static int64_t insert_item(struct db *db, int64_t site, int64_t cat, const char *kind, const char *title, const char *author,
			   const char *fields, int64_t published, const char *state)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO items (site_id, category_id, state, title, slug, author, kind, fields,"
					 " published_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
	int64_t id = 0;
	char slug[64];
	static int n;
	snprintf(slug, sizeof(slug), "bai-%d", ++n);
	db_bind_int(st, 1, site);
	db_bind_int(st, 2, cat);
	db_bind_text(st, 3, state);
	db_bind_text(st, 4, title);
	db_bind_text(st, 5, slug);
	db_bind_text(st, 6, author);
	db_bind_text(st, 7, kind);
	db_bind_text(st, 8, fields);
	if (published)
		db_bind_int(st, 9, published);
	else
		db_bind_null(st, 9);
	db_bind_int(st, 10, at_day("2025-12-01", 8));
	db_bind_int(st, 11, at_day("2025-12-01", 8));
	return db_one_int(st, &id) == 1 ? id : 0;
}

static int insert_ticket(struct db *db, int64_t site, const char *kind, const char *state, int64_t item, int64_t received,
			 int64_t due, int64_t closed)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO tickets (kind, code, site_id, origin_site_id, state, item_id, received_at,"
					 " due_at, closed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	static int n;
	char code[32];
	snprintf(code, sizeof(code), "TT-%04d", ++n);
	db_bind_text(st, 1, kind);
	db_bind_text(st, 2, code);
	db_bind_int(st, 3, site);
	db_bind_int(st, 4, site);
	db_bind_text(st, 5, state);
	if (item)
		db_bind_int(st, 6, item);
	else
		db_bind_null(st, 6);
	db_bind_int(st, 7, received);
	if (due)
		db_bind_int(st, 8, due);
	else
		db_bind_null(st, 8);
	if (closed)
		db_bind_int(st, 9, closed);
	else
		db_bind_null(st, 9);
	db_bind_int(st, 10, received);
	return db_step_done(st);
}

static int64_t maybe_day(const char *day)
{
	return *day ? at_day(day, 9) : 0;
}

static int fx_make(struct fx *f)
{
	struct errs e = { 0 };
	struct site_input si = { 0 };
	memset(f, 0, sizeof(*f));
	if (!(f->db = t_fresh_db()))
		return -1;
	si.name = "Cổng chính";
	si.kind = "main";
	if (site_add(f->db, &si, &e, &f->main_id, NULL))
		return -1;
	si.kind = NULL;
	si.name = "Sở Nội vụ";
	if (site_add(f->db, &si, &e, &f->snv, NULL))
		return -1;
	si.name = "Sở Tài chính";
	if (site_add(f->db, &si, &e, &f->stc, NULL))
		return -1;
	struct category_input c1 = { "Tin tức", NULL, "", 0, 1, NULL }, c2 = { "Văn bản", NULL, "", 0, 2, NULL },
			      c3 = { "Dự thảo", NULL, "", 0, 3, NULL };
	if (category_save(f->db, &actor_cli, f->snv, 0, &c1, &e, &f->news) ||
	    category_save(f->db, &actor_cli, f->snv, 0, &c2, &e, &f->laws) ||
	    category_save(f->db, &actor_cli, f->snv, 0, &c3, &e, &f->consult_cat) ||
	    category_save(f->db, &actor_cli, f->stc, 0, &c1, &e, &f->stc_news))
		return -1;
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		int64_t site = items[i].site ? f->stc : f->snv;
		int64_t cat = items[i].site ? f->stc_news : items[i].cat ? f->laws : f->news;
		int64_t pub = *items[i].published ? at_day(items[i].published, items[i].hour) : 0;
		const char *state = !pub ? "draft" : items[i].withdrawn ? "withdrawn" : "published";
		if (!insert_item(f->db, site, cat, "article", "Tin", items[i].author, "{}", pub, state))
			return -1;
	}
	/* a consultation open in February, published on its first day */
	f->consult_id = insert_item(f->db, f->snv, f->consult_cat, "consultation", "Dự thảo quy chế", "",
				    "{\"ngay_bat_dau\": \"2026-02-01\", \"ngay_ket_thuc\": \"2026-02-28\"}",
				    at_day("2026-02-01", 8), "published");
	if (!f->consult_id)
		return -1;
	for (size_t i = 0; i < sizeof(tickets) / sizeof(tickets[0]); i++)
		if (insert_ticket(f->db, tickets[i].site ? f->stc : f->snv, tickets[i].kind, tickets[i].state,
				  strcmp(tickets[i].kind, "comment") == 0 ? f->consult_id : 0, maybe_day(tickets[i].received),
				  maybe_day(tickets[i].due), maybe_day(tickets[i].closed)))
			return -1;
	for (size_t i = 0; i < sizeof(incidents) / sizeof(incidents[0]); i++) {
		struct db_stmt *st = db_stmt(f->db, "INSERT INTO incidents (occurred_at, kind, effect, actions, handler, recorded_at)"
						    " VALUES (?, ?, 'x', 'y', 'z', ?)");
		db_bind_int(st, 1, at_day(incidents[i].at, 10));
		db_bind_text(st, 2, incidents[i].kind);
		db_bind_int(st, 3, at_day(incidents[i].at, 11));
		if (db_step_done(st))
			return -1;
	}
	for (size_t i = 0; i < sizeof(backups) / sizeof(backups[0]); i++) {
		struct db_stmt *st = db_stmt(f->db, "INSERT INTO backups (name, trigger, started_at, finished_at, ok, drill_ok)"
						    " VALUES (?, 'schedule', ?, ?, ?, ?)");
		db_bind_text(st, 1, backups[i].at);
		db_bind_int(st, 2, at_day(backups[i].at, 2));
		db_bind_int(st, 3, at_day(backups[i].at, 3));
		db_bind_int(st, 4, backups[i].ok);
		if (backups[i].drill < 0)
			db_bind_null(st, 5);
		else
			db_bind_int(st, 5, backups[i].drill);
		if (db_step_done(st))
			return -1;
	}
	char snv_slug[64], main_slug[64];
	json_t *s = site_get(f->db, f->snv), *m = site_get(f->db, f->main_id);
	snprintf(snv_slug, sizeof(snv_slug), "%s", json_string_value(json_object_get(s, "slug")));
	snprintf(main_slug, sizeof(main_slug), "%s", json_string_value(json_object_get(m, "slug")));
	json_decref(s);
	json_decref(m);
	if (user_add(f->db, "truongban", "Trưởng ban", "approver", snv_slug, PW, &e, &f->approver) ||
	    user_add(f->db, "bientap", "Biên tập", "editor", snv_slug, PW, &e, &f->editor) ||
	    user_add(f->db, "quantri", "Quản trị cổng chính", "siteadmin", main_slug, PW, &e, &f->main_admin))
		return -1;
	return 0;
}

/* ---- reading a report ---- */

static json_t *section(json_t *rep, const char *key)
{
	size_t i;
	json_t *s;
	json_array_foreach(json_object_get(rep, "sections"), i, s)
		if (strcmp(json_string_value(json_object_get(s, "key")), key) == 0)
			return s;
	return NULL;
}

/* The number in column COL of row ROW of section SEC (ROW NULL: the total); -1 when absent. */
static int64_t num(json_t *rep, const char *sec, const char *row, const char *col)
{
	json_t *s = section(rep, sec), *r, *values = NULL;
	size_t i;
	if (!row) {
		values = json_object_get(s, "total");
	} else {
		json_array_foreach(json_object_get(s, "rows"), i, r)
			if (strcmp(json_string_value(json_object_get(r, "key")), row) == 0)
				values = json_object_get(r, "values");
	}
	json_t *v = json_object_get(values, col);
	return json_is_integer(v) ? json_integer_value(v) : -1;
}

static int in_period(int64_t t, const struct report_period *p)
{
	return t && t >= vn_time_of_days(p->from_day) && t < vn_time_of_days(p->to_day + 1);
}

TEST(report_numbers_equal_counts_made_from_the_data)
{
	struct fx f;
	if (!CHECK(fx_make(&f) == 0))
		return;
	int64_t now = at_day("2026-04-05", 9);
	struct report_period q1;
	report_period_parse("2026-q1", &q1);
	int rc = 0;
	json_t *rep = report_compute(f.db, &actor_cli, f.snv, &q1, now, &rc);
	if (!CHECK(rep && rc == M_OK))
		return;
	CHECK_STR(json_string_value(json_object_get(rep, "site_name")), "Sở Nội vụ");
	CHECK_STR(json_string_value(json_object_get(rep, "from")), "2026-01-01");
	CHECK(section(rep, "sites") == NULL); /* the province's only */
	/* every row is named: by a locale key (shown in the reader's language) or by its data */
	size_t si, ri;
	json_t *sec, *row;
	json_array_foreach(json_object_get(rep, "sections"), si, sec)
		json_array_foreach(json_object_get(sec, "rows"), ri, row) {
			const char *lk = json_string_value(json_object_get(row, "label_key"));
			const char *l = json_string_value(json_object_get(row, "label"));
			if (!CHECK((lk && *lk) || (l && *l)))
				fprintf(stderr, "    a row of section %s has no name\n", json_string_value(json_object_get(sec, "key")));
		}

	/* items: counted from the table above */
	int64_t news = 0, laws = 0, an = 0, binh = 0, none = 0;
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		if (items[i].site || !*items[i].published || !in_period(at_day(items[i].published, items[i].hour), &q1))
			continue;
		news += items[i].cat == 0;
		laws += items[i].cat == 1;
		an += strcmp(items[i].author, "Nguyễn Văn An") == 0;
		binh += strcmp(items[i].author, "Trần Thị Bình") == 0;
		none += !*items[i].author;
	}
	CHECK(news == 3 && laws == 1); /* the table is what this test thinks it is */
	CHECK(num(rep, "items_by_kind", "article", "published") == news + laws);
	CHECK(num(rep, "items_by_kind", "consultation", "published") == 1);
	CHECK(num(rep, "items_by_kind", NULL, "published") == news + laws + 1);
	char key[32];
	snprintf(key, sizeof(key), "c%lld", (long long)f.news);
	CHECK(num(rep, "items_by_category", key, "published") == news);
	snprintf(key, sizeof(key), "c%lld", (long long)f.laws);
	CHECK(num(rep, "items_by_category", key, "published") == laws);
	CHECK(num(rep, "items_by_author", "Nguyễn Văn An", "published") == an);
	CHECK(num(rep, "items_by_author", "Trần Thị Bình", "published") == binh);
	CHECK(num(rep, "items_by_author", "-", "published") == none + 1); /* and the consultation's */
	CHECK(num(rep, "items_by_author", "Lê Văn Cường", "published") == -1);
	/* the largest first */
	CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(section(rep, "items_by_author"), "rows"), 0),
						    "key")), "Nguyễn Văn An");

	/* tickets, by the rules of fill_tickets, counted from the table */
	static const char *const kinds[] = { "question", "feedback", "info_request" };
	for (size_t k = 0; k < 3; k++) {
		int64_t received = 0, answered = 0, refused = 0, open = 0, late = 0;
		for (size_t i = 0; i < sizeof(tickets) / sizeof(tickets[0]); i++) {
			if (tickets[i].site || strcmp(tickets[i].kind, kinds[k]) != 0 ||
			    !in_period(maybe_day(tickets[i].received), &q1))
				continue;
			int64_t due = maybe_day(tickets[i].due), closed = maybe_day(tickets[i].closed);
			int is_refused = strstr(tickets[i].state, "refused") != NULL;
			received++;
			refused += is_refused;
			answered += !is_refused && (closed || strcmp(tickets[i].state, "answered") == 0);
			open += !closed && strcmp(tickets[i].state, "answered") != 0;
			late += due && ((closed && closed > due) || (!closed && due < now));
		}
		CHECK(num(rep, "tickets", kinds[k], "received") == received);
		CHECK(num(rep, "tickets", kinds[k], "answered") == answered);
		CHECK(num(rep, "tickets", kinds[k], "refused") == refused);
		CHECK(num(rep, "tickets", kinds[k], "open") == open);
		CHECK(num(rep, "tickets", kinds[k], "late") == late);
	}
	CHECK(num(rep, "tickets", "question", "received") == 4);
	CHECK(num(rep, "tickets", "question", "late") == 1);
	CHECK(num(rep, "tickets", "feedback", "late") == 1);
	CHECK(num(rep, "tickets", "info_request", "late") == 1);
	CHECK(num(rep, "tickets", NULL, "received") == 8);
	CHECK(num(rep, "tickets", "comment", "received") == -1); /* the consultations' */

	/* the consultation and its comments of the quarter */
	snprintf(key, sizeof(key), "i%lld", (long long)f.consult_id);
	CHECK(num(rep, "consultations", key, "comments") == 3);
	CHECK(num(rep, "consultations", key, "published") == 1);
	CHECK(num(rep, "consultations", key, "refused") == 1);
	CHECK(num(rep, "consultations", key, "waiting") == 1);

	/* incidents and backups of the system */
	int64_t outage = 0, attack = 0, runs = 0, ok = 0, drills = 0, drills_ok = 0;
	for (size_t i = 0; i < sizeof(incidents) / sizeof(incidents[0]); i++)
		if (in_period(at_day(incidents[i].at, 10), &q1)) {
			outage += strcmp(incidents[i].kind, "outage") == 0;
			attack += strcmp(incidents[i].kind, "attack") == 0;
		}
	for (size_t i = 0; i < sizeof(backups) / sizeof(backups[0]); i++)
		if (in_period(at_day(backups[i].at, 2), &q1)) {
			runs++;
			ok += backups[i].ok;
			drills += backups[i].drill >= 0;
			drills_ok += backups[i].drill == 1;
		}
	CHECK(num(rep, "incidents", "outage", "count") == outage);
	CHECK(num(rep, "incidents", "attack", "count") == attack);
	CHECK(num(rep, "incidents", "malware", "count") == 0);
	CHECK(num(rep, "incidents", NULL, "count") == outage + attack);
	CHECK(num(rep, "backups", "backups", "runs") == runs);
	CHECK(num(rep, "backups", "backups", "ok") == ok);
	CHECK(num(rep, "backups", "backups", "failed") == runs - ok);
	CHECK(num(rep, "backups", "drills", "runs") == drills);
	CHECK(num(rep, "backups", "drills", "ok") == drills_ok);
	CHECK(runs == 3 && drills == 2);

	/* deadlines: the deadline module's own numbers */
	json_t *cmp = deadline_compliance(f.db, &actor_cli, f.snv, q1.from_day, q1.to_day, now);
	CHECK(num(rep, "deadlines", NULL, "total") == json_integer_value(json_object_get(json_object_get(cmp, "totals"), "total")));
	json_decref(cmp);
	json_decref(rep);

	/* the province's: every site, and the sites side by side */
	rep = report_compute(f.db, &actor_cli, 0, &q1, now, &rc);
	if (!CHECK(rep != NULL))
		return;
	CHECK(num(rep, "items_by_kind", "article", "published") == news + laws + 1);
	snprintf(key, sizeof(key), "s%lld", (long long)f.snv);
	CHECK(num(rep, "sites", key, "published") == news + laws + 1);
	CHECK(num(rep, "sites", key, "received") == 8);
	CHECK(num(rep, "sites", key, "answered") == 4);
	CHECK(num(rep, "sites", key, "comments") == 3);
	snprintf(key, sizeof(key), "s%lld", (long long)f.stc);
	CHECK(num(rep, "sites", key, "published") == 1);
	CHECK(num(rep, "sites", key, "received") == 1);
	CHECK(num(rep, "sites", key, "answered") == 1);
	snprintf(key, sizeof(key), "s%lld", (long long)f.main_id);
	CHECK(num(rep, "sites", key, "published") == 0);
	CHECK(num(rep, "sites", NULL, "published") == news + laws + 2);
	json_decref(rep);
	db_close(f.db);
}

/* The visits, royalties and obligations sections: rows stored here through those modules, some
 * inside the quarter and some outside, and the report's numbers equal the ones inside. */
static int64_t insert_royalty(struct db *db, int64_t site, int64_t item, int64_t period, int64_t amount, int64_t published)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO royalty_entries (site_id, item_id, period_id, genre_code, coef, amount,"
					 " published_at, set_at) VALUES (?, ?, ?, 1, 10, ?, ?, ?)");
	db_bind_int(st, 1, site);
	db_bind_int(st, 2, item);
	db_bind_int(st, 3, period);
	db_bind_int(st, 4, amount);
	db_bind_int(st, 5, published);
	db_bind_int(st, 6, published);
	return db_step_done(st) ? -1 : db_last_id(db);
}

static int64_t insert_royalty_period(struct db *db, int64_t site, const char *from, const char *to, const char *state)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO royalty_periods (site_id, kind, start_day, end_day, unit_value, state,"
					 " created_at) VALUES (?, 'month', ?, ?, 234000, ?, ?)");
	db_bind_int(st, 1, site);
	db_bind_int(st, 2, vn_days_of_time(at_day(from, 12)));
	db_bind_int(st, 3, vn_days_of_time(at_day(to, 12)));
	db_bind_text(st, 4, state);
	db_bind_int(st, 5, at_day(from, 8));
	return db_step_done(st) ? -1 : db_last_id(db);
}

TEST(report_visits_royalties_and_obligations_from_their_modules)
{
	struct fx f;
	if (!CHECK(fx_make(&f) == 0))
		return;
	/* visits: 12 + 3 in the first quarter, 100 on 1 April (the next quarter), 7 on another site */
	struct visit_count v[] = {
		{ .site_id = f.snv, .day = vn_days_of_time(at_day("2026-01-10", 12)), .n = 12 },
		{ .site_id = f.snv, .day = vn_days_of_time(at_day("2026-03-31", 12)), .n = 3 },
		{ .site_id = f.snv, .day = vn_days_of_time(at_day("2026-04-01", 12)), .n = 100 },
		{ .site_id = f.stc, .day = vn_days_of_time(at_day("2026-02-02", 12)), .n = 7 },
	};
	CHECK(visits_store(f.db, v, 4) == 0);

	/* royalties: January paid (500,000 + 250,000 đ), February open (300,000 đ), April's outside */
	int64_t item[4] = { 0 }; /* one royalty per item: four of the site's items */
	struct db_stmt *st = db_stmt(f.db, "SELECT id FROM items WHERE site_id = ? ORDER BY id");
	db_bind_int(st, 1, f.snv);
	for (int i = 0; i < 4 && db_step(st) == DB_ROW; i++)
		item[i] = db_col_int(st, 0);
	db_reset(st);
	int64_t jan = insert_royalty_period(f.db, f.snv, "2026-01-01", "2026-01-31", "paid");
	int64_t feb = insert_royalty_period(f.db, f.snv, "2026-02-01", "2026-02-28", "open");
	int64_t apr = insert_royalty_period(f.db, f.snv, "2026-04-01", "2026-04-30", "open");
	CHECK(item[3] > 0 && jan > 0 && feb > 0 && apr > 0);
	CHECK(insert_royalty(f.db, f.snv, item[0], jan, 500000, at_day("2026-01-15", 10)) > 0);
	CHECK(insert_royalty(f.db, f.snv, item[1], jan, 250000, at_day("2026-01-20", 10)) > 0);
	CHECK(insert_royalty(f.db, f.snv, item[2], feb, 300000, at_day("2026-02-10", 10)) > 0);
	CHECK(insert_royalty(f.db, f.snv, item[3], apr, 999000, at_day("2026-04-02", 10)) > 0);

	/* an obligation of the Sở Tài chính toward the Sở Nội vụ, monthly from January, 5 working
	 * days after each month: January's provided in time, February's never */
	char prov[32], start[24];
	snprintf(prov, sizeof(prov), "site:%lld", (long long)f.stc);
	struct obligation_input in = { prov, "statistics", "Báo cáo thu chi ngân sách", "VP Đ5", "month", "5", "01/01/2026", 1 };
	struct errs e = { 0 };
	int64_t oid = 0;
	CHECK(obligation_save(f.db, &actor_cli, f.snv, 0, &in, &e, &oid) == M_OK && oid > 0);
	snprintf(start, sizeof(start), "%d", vn_days_of_time(at_day("2026-01-01", 12)));
	CHECK(obligation_provide(f.db, &actor_cli, f.stc, oid, start, "", "Báo cáo số 3/BC-STC", at_day("2026-02-03", 9), &e) == M_OK);

	int64_t now = at_day("2026-04-05", 9);
	struct report_period q1;
	report_period_parse("2026-q1", &q1);
	int rc = 0;
	json_t *rep = report_compute(f.db, &actor_cli, f.snv, &q1, now, &rc);
	if (!CHECK(rep && rc == M_OK))
		return;
	CHECK(num(rep, "visits", "visits", "visits") == 15);
	CHECK(num(rep, "royalties", "royalties", "total") == 1050000);
	CHECK(num(rep, "royalties", "royalties", "paid") == 750000);
	CHECK(num(rep, "obligations", NULL, "expected") == 2);
	CHECK(num(rep, "obligations", NULL, "on_time") == 1);
	CHECK(num(rep, "obligations", NULL, "late") == 0);
	CHECK(num(rep, "obligations", NULL, "missing") == 1);
	json_decref(rep);

	/* the province: one row per site */
	rep = report_compute(f.db, &actor_cli, 0, &q1, now, &rc);
	if (!CHECK(rep && rc == M_OK))
		return;
	char key[32];
	snprintf(key, sizeof(key), "s%lld", (long long)f.snv);
	CHECK(num(rep, "visits", key, "visits") == 15);
	CHECK(num(rep, "royalties", key, "total") == 1050000);
	snprintf(key, sizeof(key), "s%lld", (long long)f.stc);
	CHECK(num(rep, "visits", key, "visits") == 7);
	CHECK(num(rep, "visits", NULL, "visits") == 22);
	CHECK(num(rep, "obligations", NULL, "expected") == 2);
	json_decref(rep);
	db_close(f.db);
}

TEST(report_permissions_follow_the_board)
{
	struct fx f;
	if (!CHECK(fx_make(&f) == 0))
		return;
	struct actor approver = { f.approver, 0, NULL }, editor = { f.editor, 0, NULL }, main_admin = { f.main_admin, 0, NULL };
	struct actor nobody = { 4242, 0, NULL };
	struct report_period q1;
	report_period_parse("2026-q1", &q1);
	CHECK(report_may_view(f.db, &approver, f.snv));
	CHECK(!report_may_view(f.db, &approver, f.stc));
	CHECK(!report_may_view(f.db, &approver, 0));
	CHECK(!report_may_view(f.db, &editor, f.snv));
	CHECK(!report_may_view(f.db, &nobody, f.snv));
	CHECK(report_may_view(f.db, &main_admin, 0));
	CHECK(report_may_view(f.db, &main_admin, f.main_id));
	CHECK(!report_may_view(f.db, &main_admin, f.snv));
	int rc = 0;
	CHECK(report_compute(f.db, &editor, f.snv, &q1, at_day("2026-04-05", 9), &rc) == NULL && rc == M_DENIED);
	struct errs e = { 0 };
	CHECK(report_freeze(f.db, &editor, f.snv, &q1, "", at_day("2026-04-05", 9), &e, NULL) == M_DENIED);
	json_t *out = NULL;
	CHECK(report_get(f.db, &nobody, 0, &q1, 0, at_day("2026-04-05", 9), &out) == M_DENIED && !out);
	CHECK(report_versions(f.db, &editor, f.snv, &q1) == NULL);
	db_close(f.db);
}

static int64_t audit_count(struct db *db, const char *action)
{
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM audit WHERE action = ?");
	int64_t n = -1;
	db_bind_text(st, 1, action);
	db_one_int(st, &n);
	return n;
}

TEST(report_frozen_stays_as_signed_off_and_compares)
{
	struct fx f;
	if (!CHECK(fx_make(&f) == 0))
		return;
	struct actor approver = { f.approver, 0, NULL };
	int64_t now = at_day("2026-04-05", 9);
	struct report_period q1, q2;
	report_period_parse("2026-q1", &q1);
	report_period_parse("2026-q2", &q2);
	struct errs e = { 0 };
	int version = 0;
	/* a period not over is refused, with the reason on "period" */
	CHECK(report_freeze(f.db, &approver, f.snv, &q2, "", now, &e, &version) == M_INVALID);
	CHECK(e.n == 1 && strcmp(e.e[0].field, "period") == 0 && strcmp(e.e[0].key, "rep_err_period_open") == 0);
	memset(&e, 0, sizeof(e));
	CHECK(report_freeze(f.db, &approver, f.snv, &q1, "Báo cáo quý I", now, &e, &version) == M_OK && version == 1);
	CHECK(audit_count(f.db, "report.freeze") == 1);
	json_t *v1 = NULL;
	CHECK(report_get(f.db, &approver, f.snv, &q1, 0, now, &v1) == M_OK);
	CHECK(json_is_true(json_object_get(v1, "frozen")));
	CHECK(json_integer_value(json_object_get(v1, "version")) == 1);
	CHECK_STR(json_string_value(json_object_get(v1, "frozen_by")), "Trưởng ban");
	CHECK_STR(json_string_value(json_object_get(v1, "note")), "Báo cáo quý I");
	int64_t before = num(v1, "items_by_kind", "article", "published");
	CHECK(before == 4);

	/* the data changes: an item published in the quarter, a late ticket, an incident */
	CHECK(insert_item(f.db, f.snv, f.news, "article", "Tin bổ sung", "Nguyễn Văn An", "{}", at_day("2026-03-15", 9),
			  "published") > 0);
	CHECK(insert_ticket(f.db, f.snv, "question", "processing", 0, at_day("2026-03-16", 9), at_day("2026-03-30", 9), 0) == 0);
	json_t *again = NULL;
	CHECK(report_get(f.db, &approver, f.snv, &q1, 0, at_day("2026-06-01", 9), &again) == M_OK);
	CHECK(json_equal(again, v1)); /* shown from storage: nothing recomputed, not even "late" */
	json_decref(again);
	json_t *live = report_compute(f.db, &approver, f.snv, &q1, now, NULL);
	CHECK(num(live, "items_by_kind", "article", "published") == before + 1);
	CHECK(num(live, "tickets", "question", "received") == num(v1, "tickets", "question", "received") + 1);
	json_decref(live);

	/* a correction is a new version and says why; the first stays */
	memset(&e, 0, sizeof(e));
	CHECK(report_freeze(f.db, &approver, f.snv, &q1, "  ", now, &e, &version) == M_INVALID);
	CHECK(e.n == 1 && strcmp(e.e[0].field, "note") == 0 && strcmp(e.e[0].key, "rep_err_note_required") == 0);
	memset(&e, 0, sizeof(e));
	CHECK(report_freeze(f.db, &approver, f.snv, &q1, "Bổ sung tin đăng ngày 15/3", now, &e, &version) == M_OK &&
	      version == 2);
	json_t *v2 = NULL, *old = NULL;
	CHECK(report_get(f.db, &approver, f.snv, &q1, 0, now, &v2) == M_OK);
	CHECK(json_integer_value(json_object_get(v2, "version")) == 2);
	CHECK(num(v2, "items_by_kind", "article", "published") == before + 1);
	CHECK(report_get(f.db, &approver, f.snv, &q1, 1, now, &old) == M_OK);
	CHECK(json_equal(old, v1));
	json_decref(old);
	CHECK(report_get(f.db, &approver, f.snv, &q1, 7, now, &old) == M_NOTFOUND);
	json_t *versions = report_versions(f.db, &approver, f.snv, &q1);
	CHECK(json_array_size(versions) == 2);
	CHECK(json_integer_value(json_object_get(json_array_get(versions, 0), "version")) == 2);
	json_decref(versions);
	CHECK(audit_count(f.db, "report.freeze") == 2);
	/* the store refuses a second row of the same version, whatever the model does */
	struct db_stmt *st = db_stmt(f.db, "INSERT INTO reports (site_id, period, version, data, frozen_at) VALUES (?, '2026-q1', 2, '{}', 0)");
	db_bind_int(st, 1, f.snv);
	CHECK(db_step_done(st) != 0);

	/* Q2 (computed) against Q1 (frozen version 2): a delta per number */
	json_t *cur = report_compute(f.db, &approver, f.snv, &q2, at_day("2026-07-02", 9), NULL);
	report_compare(cur, v2);
	CHECK_STR(json_string_value(json_object_get(cur, "compared_with")), "2026-q1");
	json_t *rows = json_object_get(section(cur, "items_by_kind"), "rows"), *row = NULL, *r;
	size_t i;
	json_array_foreach(rows, i, r)
		if (strcmp(json_string_value(json_object_get(r, "key")), "article") == 0)
			row = r;
	CHECK(json_integer_value(json_object_get(json_object_get(row, "values"), "published")) == 1);
	CHECK(json_integer_value(json_object_get(json_object_get(row, "prev"), "published")) == before + 1);
	CHECK(json_integer_value(json_object_get(json_object_get(row, "delta"), "published")) == 1 - (before + 1));
	json_t *sec = section(cur, "items_by_kind");
	CHECK(json_integer_value(json_object_get(json_object_get(sec, "total_delta"), "published")) ==
	      num(cur, "items_by_kind", NULL, "published") - num(v2, "items_by_kind", NULL, "published"));
	/* a category used in Q1 only is still shown in Q2, with zero and its delta */
	char key[32];
	snprintf(key, sizeof(key), "c%lld", (long long)f.laws);
	CHECK(num(cur, "items_by_category", key, "published") == 0);
	json_array_foreach(json_object_get(section(cur, "items_by_category"), "rows"), i, r)
		if (strcmp(json_string_value(json_object_get(r, "key")), key) == 0)
			CHECK(json_integer_value(json_object_get(json_object_get(r, "delta"), "published")) == -1);
	/* incidents: two outages in Q1, none in Q2 */
	json_array_foreach(json_object_get(section(cur, "incidents"), "rows"), i, r)
		if (strcmp(json_string_value(json_object_get(r, "key")), "outage") == 0)
			CHECK(json_integer_value(json_object_get(json_object_get(r, "delta"), "count")) == -2);
	json_decref(cur);
	json_decref(v1);
	json_decref(v2);
	db_close(f.db);
}

TEST(report_workbook_holds_a_sheet_per_table_even_with_the_same_title)
{
	struct table a, b;
	table_init(&a, "Câu hỏi, phản ánh, yêu cầu cung cấp thông tin");
	table_init(&b, "Câu hỏi, phản ánh, yêu cầu cung cấp thông tin của tỉnh"); /* the same 31 characters */
	table_add_column(&a, "Nội dung", TABLE_TEXT);
	table_add_column(&b, "Số", TABLE_INTEGER);
	const char *ra[] = { "Câu hỏi" }, *rb[] = { "12" };
	table_add_row(&a, ra);
	table_add_row(&b, rb);
	const struct table *book[] = { &a, &b };
	struct sb out = SB_INIT;
	char err[256] = "";
	CHECK(table_write_xlsx_book(book, 2, "Báo cáo định kỳ", &out, err, sizeof(err)) == 0);
	CHECK(out.len > 4 && memcmp(out.buf, "PK", 2) == 0);
	char *n = table_sheet_name(a.title);
	CHECK(strlen(n) > 0 && strcmp(n, "Báo cáo") != 0);
	free(n);
	sb_release(&out);
	/* a title that is not UTF-8 is refused, nothing written */
	CHECK(table_write_xlsx_book(book, 2, "Báo \xff", &out, err, sizeof(err)) == -1 && out.len == 0);
	table_release(&a);
	table_release(&b);
}
