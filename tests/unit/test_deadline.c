/* test_deadline.c — update deadlines on the working-day calendar, with a fixed "now": rules and
 * their overrides, due times across Tết and a holiday on a Sunday, the official table moving
 * them, the lists, compliance, the periodic review and the reminder's text. */
#include "t.h"
#include "tdb.h"
#include "base/util.h"
#include "db/db.h"
#include "model/calendar.h"
#include "model/deadline.h"
#include "model/kind.h"
#include "base/locale.h"
#include "model/model.h"
#include "vn/calendar.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>



static void day_of(int64_t t, char out[11])
{
	vn_date_format(vn_days_to_date(vn_days_of_time(t)), out);
}

static int64_t due_of(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT due_at FROM items WHERE id = ?");
	int64_t v = -1;
	db_bind_int(st, 1, id);
	if (db_step(st) == DB_ROW)
		v = db_col_null(st, 0) ? 0 : db_col_int(st, 0);
	db_reset(st);
	return v;
}

static int64_t item(struct db *db, int64_t site, int64_t cat, const char *title, int64_t received, const char *kind)
{
	struct article_input in = { 0 };
	struct errs e = { 0 };
	int64_t id = 0;
	in.title = title;
	in.body = "Nội dung.";
	in.category_id = cat;
	in.intake_unit = "Văn phòng UBND tỉnh";
	in.intake_received_at = received;
	in.deadline_kind = kind;
	return article_save(db, &actor_cli, site, 0, &in, &e, &id) == M_OK ? id : 0;
}

static int publish_at(struct db *db, int64_t site, int64_t id, int64_t at)
{
	struct errs e = { 0 };
	char sql[128];
	if (article_act(db, &actor_cli, site, id, "submit", NULL, &e) != M_OK ||
	    article_act(db, &actor_cli, site, id, "edited", NULL, &e) != M_OK ||
	    article_act(db, &actor_cli, site, id, "publish", NULL, &e) != M_OK)
		return -1;
	snprintf(sql, sizeof(sql), "UPDATE items SET published_at = %lld WHERE id = %lld", (long long)at, (long long)id);
	return db_exec(db, sql);
}

struct fixture {
	struct db *db;
	int64_t main_id, snv, laws, news, fixed, other;
};

static int fixture_make(struct fixture *f)
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
	si.name = "Sở Nội vụ";
	si.kind = NULL;
	si.email = "banbientap@snv.vinhlong.gov.vn";
	if (site_add(f->db, &si, &e, &f->snv, NULL))
		return -1;
	struct category_input c1 = { "Văn bản của tỉnh", NULL, "", 0, 1, NULL }, c2 = { "Tin tức", NULL, "", 0, 2, NULL },
			      c3 = { "Giới thiệu", NULL, "", 0, 3, NULL }, c4 = { "Thông báo", NULL, "", 0, 4, NULL };
	if (category_save(f->db, &actor_cli, f->snv, 0, &c1, &e, &f->laws) ||
	    category_save(f->db, &actor_cli, f->snv, 0, &c2, &e, &f->news) ||
	    category_save(f->db, &actor_cli, f->snv, 0, &c3, &e, &f->fixed) ||
	    category_save(f->db, &actor_cli, f->snv, 0, &c4, &e, &f->other))
		return -1;
	if (deadline_category_set(f->db, &actor_cli, f->snv, f->laws, "van-ban-tinh", "", &e) ||
	    deadline_category_set(f->db, &actor_cli, f->snv, f->news, "tin-su-kien", "", &e) ||
	    deadline_category_set(f->db, &actor_cli, f->snv, f->fixed, "", "30", &e))
		return -1;
	return 0;
}

TEST(deadline_rules_have_the_regulations_defaults_and_site_overrides)
{
	struct fixture f;
	struct errs e = { 0 };
	if (!CHECK(fixture_make(&f) == 0))
		return;
	json_t *rules = deadline_rules(f.db, f.snv, NULL);
	/* the nine of migration 0010 first, then those the kinds of later migrations bring */
	CHECK(json_array_size(rules) >= 11);
	int sched = 0, intro = 0;
	size_t ri;
	json_t *rr;
	json_array_foreach(rules, ri, rr) {
		const char *kind = json_string_value(json_object_get(rr, "kind"));
		sched |= kind && strcmp(kind, "lich-lam-viec") == 0 && json_integer_value(json_object_get(rr, "amount")) == 1;
		intro |= kind && strcmp(kind, "gioi-thieu") == 0 && json_integer_value(json_object_get(rr, "amount")) == 5;
	}
	CHECK(sched); /* migration 0026: the leaders' schedules, 1 working day */
	CHECK(intro); /* the directory, 5 working days */
	const char *want[][3] = { { "van-ban-tinh", "2", "workdays" }, { "van-ban-trung-uong", "8", "workdays" },
				  { "pho-bien-phap-luat", "15", "workdays" }, { "quy-hoach-du-an", "10", "workdays" },
				  { "thong-ke", "10", "workdays" }, { "khoa-hoc", "20", "workdays" },
				  { "phan-anh-kien-nghi", "15", "workdays" }, { "tin-su-kien", "24", "hours" },
				  { "khac", "5", "workdays" } };
	for (size_t i = 0; i < 9 && i < json_array_size(rules); i++) {
		json_t *r = json_array_get(rules, i);
		char amount[16];
		snprintf(amount, sizeof(amount), "%lld", (long long)json_integer_value(json_object_get(r, "amount")));
		CHECK_STR(json_string_value(json_object_get(r, "kind")), want[i][0]);
		CHECK_STR(amount, want[i][1]);
		CHECK_STR(json_string_value(json_object_get(r, "unit")), want[i][2]);
	}
	json_decref(rules);

	/* a reporter may not change a rule; bad input is refused field by field */
	struct actor nobody = { 4242, 0, NULL };
	CHECK(deadline_rule_save(f.db, &nobody, f.snv, "khac", "3", "workdays", &e) == M_DENIED);
	CHECK(deadline_rule_save(f.db, &actor_cli, f.snv, "khong-co", "0", "weeks", &e) == M_INVALID);
	CHECK(e.n == 3);
	e.n = 0;
	/* the site's own rule moves the due time of its items at once; the reset brings it back */
	int64_t rec = t_vn_at("2026-03-02", 9, 0); /* a Monday */
	int64_t id = item(f.db, f.snv, f.other, "Thông báo tuyển dụng", rec, NULL);
	char d[11];
	day_of(due_of(f.db, id), d);
	CHECK_STR(d, "2026-03-09"); /* 5 working days */
	CHECK(deadline_rule_save(f.db, &actor_cli, f.snv, "khac", "3", "workdays", &e) == M_OK);
	day_of(due_of(f.db, id), d);
	CHECK_STR(d, "2026-03-05");
	rules = deadline_rules(f.db, f.snv, NULL);
	CHECK(json_is_true(json_object_get(json_array_get(rules, 8), "overridden")));
	json_decref(rules);
	rules = deadline_rules(f.db, f.main_id, NULL); /* other sites keep the province's */
	CHECK(json_integer_value(json_object_get(json_array_get(rules, 8), "amount")) == 5);
	json_decref(rules);
	CHECK(deadline_rule_reset(f.db, &actor_cli, f.snv, "khac", &e) == M_OK);
	day_of(due_of(f.db, id), d);
	CHECK_STR(d, "2026-03-09");
	CHECK(deadline_rule_reset(f.db, &actor_cli, f.snv, "khac", &e) == M_NOTFOUND);
	db_close(f.db);
}

TEST(deadline_due_times_follow_the_working_day_calendar)
{
	struct fixture f;
	struct errs e = { 0 };
	char d[11];
	if (!CHECK(fixture_make(&f) == 0))
		return;
	/* 5 working days from Thursday 12/2/2026 cross Tết (16–20/2): Thursday 26/2, end of day */
	int64_t a = item(f.db, f.snv, f.other, "Kế hoạch trước Tết", t_vn_at("2026-02-12", 10, 0), NULL);
	CHECK(due_of(f.db, a) == t_vn_at("2026-02-27", 0, 0) - 1);
	/* a provincial document: 2 working days; 26/4/2026 (Giỗ Tổ) is a Sunday, made up on Monday
	 * 27/4, and 30/4, 1/5 follow: from Friday 24/4 the two days are 28/4 and 29/4 */
	int64_t b = item(f.db, f.snv, f.laws, "Quyết định của UBND tỉnh", t_vn_at("2026-04-24", 16, 30), NULL);
	day_of(due_of(f.db, b), d);
	CHECK_STR(d, "2026-04-29");
	/* the item's own kind wins over its category's: central documents, 8 working days */
	int64_t c = item(f.db, f.snv, f.laws, "Nghị định của Chính phủ", t_vn_at("2026-04-24", 16, 30), "van-ban-trung-uong");
	day_of(due_of(f.db, c), d);
	CHECK_STR(d, "2026-05-11"); /* 28, 29/4, then 4–8/5 and 11/5 */
	/* event news: 24 hours of the clock */
	int64_t n = item(f.db, f.snv, f.news, "Hội nghị tổng kết", t_vn_at("2026-05-02", 11, 0), NULL);
	CHECK(due_of(f.db, n) == t_vn_at("2026-05-03", 11, 0));
	/* no received time, no due time; an unknown kind is refused */
	int64_t z = item(f.db, f.snv, f.other, "Không có ngày nhận", 0, NULL);
	CHECK(z > 0 && due_of(f.db, z) == 0);
	CHECK(item(f.db, f.snv, f.other, "Loại lạ", t_vn_at("2026-05-04", 8, 0), "khong-co") == 0);

	/* 2026's official table, started from the rules, makes 28/4 a day off too: the provincial
	 * document moves past 30/4 and 1/5 to Monday 4/5; without that day it is back on 29/4 */
	CHECK(calendar_seed(f.db, &actor_cli, 2026, &e) == M_OK);
	CHECK(calendar_set(f.db, &actor_cli, "2026-04-28", "off", "Nghỉ theo thông báo", &e) == M_OK);
	day_of(due_of(f.db, b), d);
	CHECK_STR(d, "2026-05-04");
	CHECK(calendar_unset(f.db, &actor_cli, "2026-04-28", &e) == M_OK);
	day_of(due_of(f.db, b), d);
	CHECK_STR(d, "2026-04-29");
	db_close(f.db);
}

TEST(deadline_lists_compliance_and_reminder_at_a_fixed_now)
{
	struct fixture f;
	if (!CHECK(fixture_make(&f) == 0))
		return;
	int64_t now = t_vn_at("2026-03-11", 9, 0); /* Wednesday */
	/* due Monday 9/3 (overdue), today, Friday 13/3 (2 working days), later */
	int64_t late = item(f.db, f.snv, f.other, "Báo cáo quá hạn", t_vn_at("2026-03-02", 8, 0), NULL);
	int64_t today = item(f.db, f.snv, f.laws, "Quyết định hết hạn hôm nay", t_vn_at("2026-03-09", 14, 0), NULL);
	int64_t soon = item(f.db, f.snv, f.laws, "Quyết định sắp hết hạn", t_vn_at("2026-03-11", 8, 0), NULL);
	int64_t later = item(f.db, f.snv, f.other, "Còn hạn xa", t_vn_at("2026-03-11", 8, 0), NULL);
	CHECK(late && today && soon && later);
	json_t *o = deadline_open(f.db, &actor_cli, f.snv, now);
	CHECK(json_array_size(json_object_get(o, "overdue")) == 1);
	CHECK(json_integer_value(json_object_get(json_array_get(json_object_get(o, "overdue"), 0), "id")) == late);
	CHECK(json_integer_value(json_object_get(json_array_get(json_object_get(o, "overdue"), 0), "overdue_days")) == 2);
	CHECK(json_array_size(json_object_get(o, "today")) == 1);
	CHECK(json_integer_value(json_object_get(json_array_get(json_object_get(o, "today"), 0), "id")) == today);
	CHECK(json_array_size(json_object_get(o, "soon")) == 1);
	CHECK(json_integer_value(json_object_get(json_array_get(json_object_get(o, "soon"), 0), "id")) == soon);
	CHECK(json_integer_value(json_object_get(o, "later_count")) == 1);
	json_decref(o);
	/* the province's lists: the system administrator, not a stranger */
	struct actor nobody = { 4242, 0, NULL };
	CHECK(deadline_open(f.db, &nobody, 0, now) == NULL);
	o = deadline_open(f.db, &actor_cli, 0, now);
	CHECK(json_array_size(json_object_get(o, "overdue")) == 1);
	json_decref(o);

	/* the editor's line */
	json_t *due = deadline_of_article(f.db, late, now, NULL);
	CHECK_STR(json_string_value(json_object_get(due, "state_label")), "quá hạn 2 ngày làm việc");
	json_decref(due);
	due = deadline_of_article(f.db, soon, now, NULL);
	CHECK_STR(json_string_value(json_object_get(due, "state_label")), "còn 2 ngày làm việc");
	json_decref(due);

	/* the reminder lists the three that need the board */
	char *subject = NULL, *text = NULL;
	int items = 0;
	char lerr[256];
	json_t *locales = kind_locale_load(".", lerr, sizeof(lerr));
	CHECK(reminder_compose(f.db, f.snv, now, locale_dict(locales, "vi"), &subject, &text, &items) == 0);
	CHECK(items == 3);
	CHECK(subject && strstr(subject, "Sở Nội vụ") && strstr(subject, "11/03/2026"));
	CHECK(text && strstr(text, "Báo cáo quá hạn") && strstr(text, "Quyết định sắp hết hạn") && !strstr(text, "Còn hạn xa"));
	CHECK(text && strstr(text, "Kính gửi Ban Biên tập Sở Nội vụ,") && strstr(text, "ĐÃ QUÁ HẠN (1):"));
	free(subject);
	free(text);
	/* the same reminder in English, from locale/en/ */
	CHECK(reminder_compose(f.db, f.snv, now, locale_dict(locales, "en"), &subject, &text, &items) == 0);
	CHECK(subject && strstr(subject, "Information update deadlines on 11/03/2026: 3 items to handle"));
	CHECK(text && strstr(text, "OVERDUE (1):") && !strstr(text, "ĐÃ QUÁ HẠN"));
	free(subject);
	free(text);
	json_decref(locales);

	/* compliance: one published on time, one late by 3 working days, two open (one overdue) */
	CHECK(publish_at(f.db, f.snv, today, t_vn_at("2026-03-11", 8, 30)) == 0);
	CHECK(publish_at(f.db, f.snv, late, t_vn_at("2026-03-12", 10, 0)) == 0);
	json_t *rep = deadline_compliance(f.db, &actor_cli, f.snv, vn_days_of_time(t_vn_at("2026-03-01", 0, 0)),
					  vn_days_of_time(t_vn_at("2026-03-31", 0, 0)), now);
	json_t *tot = json_object_get(rep, "totals");
	CHECK(json_integer_value(json_object_get(tot, "total")) == 4);
	CHECK(json_integer_value(json_object_get(tot, "on_time")) == 1);
	CHECK(json_integer_value(json_object_get(tot, "late")) == 1);
	CHECK(json_integer_value(json_object_get(tot, "open")) == 2);
	CHECK(json_integer_value(json_object_get(tot, "open_overdue")) == 0);
	CHECK(json_real_value(json_object_get(tot, "median_late_days")) == 3.0);
	CHECK(json_real_value(json_object_get(tot, "on_time_pct")) == 50.0);
	CHECK(json_array_size(json_object_get(rep, "rows")) == 2); /* two kinds on one site */
	CHECK(json_array_size(json_object_get(rep, "by_site")) == 1);
	json_decref(rep);
	rep = deadline_compliance(f.db, &actor_cli, f.snv, vn_days_of_time(t_vn_at("2026-04-01", 0, 0)),
				  vn_days_of_time(t_vn_at("2026-04-30", 0, 0)), now);
	CHECK(json_integer_value(json_object_get(json_object_get(rep, "totals"), "total")) == 0);
	json_decref(rep);
	CHECK(deadline_compliance(f.db, &nobody, f.snv, 0, 1, now) == NULL);
	db_close(f.db);
}

TEST(review_lists_stale_fixed_pages_and_records_one_click)
{
	struct fixture f;
	struct errs e = { 0 };
	if (!CHECK(fixture_make(&f) == 0))
		return;
	int64_t intro = item(f.db, f.snv, f.fixed, "Giới thiệu Sở Nội vụ", 0, NULL);
	int64_t news = item(f.db, f.snv, f.news, "Tin thường", 0, NULL);
	CHECK(publish_at(f.db, f.snv, intro, t_vn_at("2026-01-05", 9, 0)) == 0);
	CHECK(publish_at(f.db, f.snv, news, t_vn_at("2026-01-05", 9, 0)) == 0);
	int64_t now = t_vn_at("2026-02-10", 9, 0); /* 36 days later: 30-day interval passed */
	json_t *rows = review_list(f.db, &actor_cli, f.snv, now, 0);
	CHECK(json_array_size(rows) == 1);
	CHECK(json_integer_value(json_object_get(json_array_get(rows, 0), "id")) == intro);
	CHECK(json_is_true(json_object_get(json_array_get(rows, 0), "never_reviewed")));
	CHECK(json_integer_value(json_object_get(json_array_get(rows, 0), "days_over")) >= 5);
	json_decref(rows);
	struct actor nobody = { 4242, 0, NULL };
	CHECK(review_mark(f.db, &nobody, f.snv, intro, &e) == M_DENIED);
	CHECK(review_mark(f.db, &actor_cli, f.snv, news, &e) == M_NOTFOUND); /* no review interval */
	CHECK(review_mark(f.db, &actor_cli, f.snv, intro, &e) == M_OK);
	rows = review_list(f.db, &actor_cli, f.snv, time_now(), 0);
	CHECK(json_array_size(rows) == 0);
	json_decref(rows);
	rows = review_list(f.db, &actor_cli, f.snv, time_now(), 1); /* with the fresh ones */
	CHECK(json_array_size(rows) == 1 && !json_is_true(json_object_get(json_array_get(rows, 0), "never_reviewed")));
	json_decref(rows);
	db_close(f.db);
}
