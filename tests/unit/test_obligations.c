/* test_obligations.c — information obligations, requests, editorial boards (model/obligation.h,
 * model/editorial.h) on a fixed clock: the periods' due times on the working-day calendar, on
 * time / late / missing in the report and on the due lists, the requests' states with a mail
 * queued at each step and the overdue pass once, who may see what, the focal point sealed at
 * rest and the board's history. The admin pages: tests/http/test_obligations.py. */
#include "t.h"
#include "tdb.h"
#include "model/model.h"
#include "model/obligation.h"
#include "model/editorial.h"
#include "model/deadline.h"
#include "base/util.h"
#include "db/db.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ofx {
	struct db *db;
	int64_t main, unit, other;
	char unit_slug[64], other_slug[64], main_slug[64];
	struct actor main_editor, unit_editor, other_editor, nobody;
};

static int64_t user(struct db *db, const char *name, const char *role, const char *site)
{
	struct errs e = { 0 };
	int64_t id = 0;
	return user_add(db, name, name, role, site, "Mot-Mat-Khau-Rat-Dai-2026", &e, &id) ? 0 : id;
}

static int64_t count(struct db *db, const char *sql)
{
	struct db_stmt *st = db_stmt(db, sql);
	int64_t n = -1;
	if (st && db_one_int(st, &n) < 0)
		n = -1;
	return n;
}

static int ofx_init(struct ofx *f)
{
	memset(f, 0, sizeof(*f));
	f->db = t_fresh_db();
	if (!f->db)
		return -1;
	f->main = t_add_site(f->db, "Cổng thông tin tỉnh", "main", f->main_slug);
	f->unit = t_add_site(f->db, "Sở Kế hoạch và Đầu tư", "department", f->unit_slug);
	f->other = t_add_site(f->db, "Sở Tư pháp", "department", f->other_slug);
	f->main_editor = (struct actor){ user(f->db, "btv.tinh", "editor", f->main_slug), 0, "t" };
	f->unit_editor = (struct actor){ user(f->db, "btv.skhdt", "editor", f->unit_slug), 0, "t" };
	f->other_editor = (struct actor){ user(f->db, "btv.stp", "editor", f->other_slug), 0, "t" };
	f->nobody = (struct actor){ user(f->db, "ai.do", "reporter", f->other_slug), 0, "t" };
	db_exec(f->db, "UPDATE sites SET email = 'bbt.tinh@example.gov.vn' WHERE kind = 'main'");
	db_exec(f->db, "UPDATE sites SET email = 'bbt.skhdt@example.gov.vn' WHERE slug <> '' AND kind <> 'main'");
	return f->main && f->unit && f->other && f->main_editor.id && f->unit_editor.id ? 0 : -1;
}

/* A string member, never NULL: a failed check is reported, not a crash. */
static const char *js(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "(null)";
}

static int32_t day_of(const char *iso)
{
	int32_t d = 0;
	obligation_day_parse(iso, &d);
	return d;
}

static json_t *period_at(json_t *o, const char *num)
{
	json_t *p;
	size_t i;
	json_array_foreach(json_object_get(o, "periods"), i, p)
		if (strcmp(js(p, "num"), num) == 0)
			return p;
	return NULL;
}

static const char *state_of(json_t *o, const char *num)
{
	json_t *p = period_at(o, num);
	return p ? js(p, "state") : "";
}

TEST(obligations_periods_report_and_due_lists_on_a_fixed_clock)
{
	struct ofx f;
	if (!CHECK(ofx_init(&f) == 0))
		return;
	char prov[32], buf[24];
	snprintf(prov, sizeof(prov), "site:%lld", (long long)f.unit);
	struct obligation_input in = { prov, "statistics", "Báo cáo tình hình kinh tế - xã hội", "VP Đ5.1.c", "month", "5",
				       "15/10/2025", 1 };
	struct errs e = { 0 };
	int64_t id = 0;
	time_fix(t_vn_at("2025-10-20", 9, 0));
	/* its administrators only; an editor of the site is refused */
	CHECK(obligation_save(f.db, &f.main_editor, f.main, 0, &in, &e, &id) == M_DENIED);
	CHECK(obligation_save(f.db, &actor_cli, f.main, 0, &in, &e, &id) == M_OK && id > 0);

	/* refusals name the field */
	struct obligation_input bad = in;
	bad.workdays = "0";
	snprintf(buf, sizeof(buf), "site:%lld", (long long)f.main);
	bad.provider = buf; /* the site itself */
	bad.period = "week";
	struct errs be = { 0 };
	int64_t bid = 0;
	CHECK(obligation_save(f.db, &actor_cli, f.main, 0, &bad, &be, &bid) == M_INVALID && bid == 0);
	CHECK(be.n == 3 && strcmp(be.e[0].field, "provider") == 0 && strcmp(be.e[0].key, "obl_provider_invalid") == 0);
	CHECK(strcmp(be.e[1].key, "obl_period_invalid") == 0 && strcmp(be.e[2].key, "obl_workdays_invalid") == 0);

	/* October's due time: 5 working days after Friday 31/10/2025 is Friday 07/11, to its end */
	time_fix(t_vn_at("2025-11-06", 10, 0));
	json_t *o = obligation_get(f.db, &f.main_editor, f.main, id, time_now());
	if (!CHECK(o != NULL))
		return;
	json_t *oct = period_at(o, "10/2025");
	CHECK(oct && json_integer_value(json_object_get(oct, "due_at")) == t_vn_at("2025-11-08", 0, 0) - 1);
	CHECK_STR(state_of(o, "10/2025"), "open");
	CHECK_STR(state_of(o, "11/2025"), "running");
	json_decref(o);
	/* provided on 06/11: on time */
	snprintf(buf, sizeof(buf), "%d", day_of("2025-10-01"));
	struct errs pe = { 0 };
	CHECK(obligation_provide(f.db, &f.unit_editor, f.unit, id, buf, "", "Báo cáo số 12/BC-SKHĐT", time_now(), &pe) == M_OK);
	/* November's report came on 10/12, after its due time (5 working days after 30/11: 05/12) */
	time_fix(t_vn_at("2025-12-10", 8, 0));
	snprintf(buf, sizeof(buf), "%d", day_of("2025-11-01"));
	CHECK(obligation_provide(f.db, &f.main_editor, f.main, id, buf, "", "Nhận qua thư điện tử", time_now(), &pe) == M_OK);
	/* a running period cannot be recorded; another site's board cannot record at all */
	snprintf(buf, sizeof(buf), "%d", day_of("2025-12-01"));
	struct errs re = { 0 };
	CHECK(obligation_provide(f.db, &f.main_editor, f.main, id, buf, "", "x", time_now(), &re) == M_INVALID &&
	      strcmp(re.e[0].key, "obl_period_choose") == 0);
	CHECK(obligation_provide(f.db, &f.other_editor, f.other, id, buf, "", "x", time_now(), &re) == M_NOTFOUND);

	/* 20/01/2026: December not provided and past its due time */
	time_fix(t_vn_at("2026-01-20", 9, 0));
	o = obligation_get(f.db, &f.unit_editor, f.unit, id, time_now()); /* the provider sees it too */
	if (CHECK(o != NULL)) {
		CHECK_STR(state_of(o, "10/2025"), "on_time");
		CHECK_STR(state_of(o, "11/2025"), "late");
		CHECK_STR(state_of(o, "12/2025"), "missing");
		CHECK(json_is_false(json_object_get(o, "may_edit")));
	}
	json_decref(o);
	CHECK(obligation_get(f.db, &f.other_editor, f.other, id, time_now()) == NULL);

	json_t *rep = obligation_report(f.db, &f.main_editor, f.main, day_of("2025-11-01"), day_of("2026-01-31"));
	if (CHECK(rep != NULL)) {
		json_t *row = json_array_get(json_object_get(rep, "rows"), 0), *t = json_object_get(rep, "totals");
		CHECK(json_array_size(json_object_get(rep, "rows")) == 1);
		CHECK_STR(js(row, "unit"), "Sở Kế hoạch và Đầu tư");
		CHECK_STR(js(row, "kind"), "statistics");
		CHECK(json_integer_value(json_object_get(row, "expected")) == 3);
		CHECK(json_integer_value(json_object_get(row, "on_time")) == 1);
		CHECK(json_integer_value(json_object_get(row, "late")) == 1);
		CHECK(json_integer_value(json_object_get(row, "missing")) == 1);
		CHECK(json_integer_value(json_object_get(t, "expected")) == 3);
	}
	json_decref(rep);
	/* a narrower period: only November's due day (05/12) falls in December */
	rep = obligation_report(f.db, &f.main_editor, f.main, day_of("2025-12-01"), day_of("2025-12-31"));
	CHECK(rep && json_integer_value(json_object_get(json_object_get(rep, "totals"), "late")) == 1 &&
	      json_integer_value(json_object_get(json_object_get(rep, "totals"), "expected")) == 1);
	json_decref(rep);
	/* the province's report: the main portal's board; another site's board may not */
	rep = obligation_report(f.db, &f.main_editor, 0, day_of("2025-11-01"), day_of("2026-01-31"));
	CHECK(rep != NULL);
	json_decref(rep);
	CHECK(obligation_report(f.db, &f.other_editor, 0, day_of("2025-11-01"), day_of("2026-01-31")) == NULL);
	CHECK(obligation_report(f.db, &f.other_editor, f.main, day_of("2025-11-01"), day_of("2026-01-31")) == NULL);

	/* the due lists of both sides hold December, overdue; a third site's do not */
	json_t *lists = deadline_open(f.db, &f.unit_editor, f.unit, time_now());
	if (CHECK(lists != NULL)) {
		json_t *over = json_object_get(lists, "overdue");
		CHECK(json_array_size(over) == 1);
		const char *title = js(json_array_get(over, 0), "title");
		CHECK(title && strstr(title, "(12/2025)") != NULL);
		CHECK_STR(js(json_array_get(over, 0), "state_key"), "obl_due_state");
		/* the provider's list opens it in the provider's own admin */
		CHECK(json_integer_value(json_object_get(json_array_get(over, 0), "site_id")) == f.unit);
		char path[48];
		snprintf(path, sizeof(path), "/quan-tri/nghia-vu/%lld", (long long)id);
		CHECK_STR(js(json_array_get(over, 0), "path"), path);
	}
	json_decref(lists);
	lists = deadline_open(f.db, &f.other_editor, f.other, time_now());
	CHECK(lists && json_array_size(json_object_get(lists, "overdue")) == 0);
	json_decref(lists);
	CHECK(count(f.db, "SELECT count(*) FROM audit WHERE action = 'obligation.provide'") == 2);
	time_fix(0);
	db_close(f.db);
}

static json_t *mail_texts(void)
{
	return json_pack("{ssssssssss}", "req_mail_sent_subject", "Yêu cầu cung cấp thông tin", "req_mail_seen_subject",
			 "Đơn vị đã xem yêu cầu", "req_mail_answered_subject", "Đơn vị đã trả lời yêu cầu",
			 "req_mail_closed_subject", "Yêu cầu đã đóng", "req_mail_overdue_subject", "Yêu cầu quá hạn chưa trả lời");
}

static int64_t outbox(struct db *db, const char *subject)
{
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM mail_outbox WHERE subject LIKE ?1");
	int64_t n = -1;
	char like[200];
	snprintf(like, sizeof(like), "%s:%%", subject);
	if (st) {
		db_bind_text(st, 1, like);
		if (db_one_int(st, &n) < 0)
			n = -1;
	}
	return n;
}

TEST(obligations_requests_life_cycle_with_mail_at_each_step)
{
	struct ofx f;
	if (!CHECK(ofx_init(&f) == 0))
		return;
	json_t *texts = mail_texts();
	char to[24], sql_link[200];
	snprintf(to, sizeof(to), "%lld", (long long)f.unit);
	time_fix(t_vn_at("2026-03-02", 9, 0));
	struct request_input in = { to, "Danh sách dự án kêu gọi đầu tư năm 2026", "Đăng lên chuyên mục Đầu tư (VP Đ5.2.c)",
				    "06/03/2026", "https://tinh.example.gov.vn/", "https://skhdt.example.gov.vn/" };
	struct errs e = { 0 };
	int64_t id = 0;
	/* only the main portal's board sends */
	CHECK(request_send(f.db, &f.unit_editor, f.unit, &in, texts, time_now(), &e, &id) == M_DENIED);
	struct request_input past = in;
	past.due = "2026-03-01";
	CHECK(request_send(f.db, &f.main_editor, f.main, &past, texts, time_now(), &e, &id) == M_INVALID &&
	      strcmp(e.e[0].field, "due") == 0 && strcmp(e.e[0].key, "req_due_past") == 0);
	memset(&e, 0, sizeof(e));
	CHECK(request_send(f.db, &f.main_editor, f.main, &in, texts, time_now(), &e, &id) == M_OK && id > 0);
	CHECK(outbox(f.db, "Yêu cầu cung cấp thông tin") == 1);
	/* the link opens it in the recipient's own admin */
	snprintf(sql_link, sizeof(sql_link), "SELECT count(*) FROM mail_outbox WHERE body LIKE '%%https://skhdt.example.gov.vn/quan-tri/yeu-cau/%lld%%'",
		 (long long)id);
	CHECK(count(f.db, sql_link) == 1);
	/* and its HTML alternative, with the same link as a link */
	snprintf(sql_link, sizeof(sql_link), "SELECT count(*) FROM mail_outbox WHERE html LIKE"
		 " '%%<a href=\"https://skhdt.example.gov.vn/quan-tri/yeu-cau/%lld\">%%' AND html LIKE '%%<!DOCTYPE html>%%'",
		 (long long)id);
	CHECK(count(f.db, sql_link) == 1);
	CHECK(count(f.db, "SELECT count(*) FROM mail_outbox WHERE html LIKE '%>Danh sách dự án kêu gọi đầu tư năm 2026</td>%'") == 1);

	/* another unit's board sees nothing of it */
	CHECK(request_get(f.db, &f.other_editor, f.other, id, texts, time_now()) == NULL);
	json_t *l = request_list(f.db, &f.other_editor, f.other, time_now());
	CHECK(l && json_array_size(json_object_get(l, "received")) == 0 && json_array_size(json_object_get(l, "sent")) == 0);
	json_decref(l);
	CHECK(request_get(f.db, &f.other_editor, f.unit, id, texts, time_now()) == NULL); /* no role on the unit */

	/* the sender's look does not make it seen; the unit's board's does, once */
	json_t *q = request_get(f.db, &f.main_editor, f.main, id, texts, time_now());
	CHECK(q && strcmp(js(q, "state"), "sent") == 0);
	json_decref(q);
	time_fix(t_vn_at("2026-03-03", 8, 30));
	q = request_get(f.db, &f.unit_editor, f.unit, id, texts, time_now());
	CHECK(q && strcmp(js(q, "state"), "seen") == 0 &&
	      json_is_true(json_object_get(q, "may_answer")) && json_is_false(json_object_get(q, "may_close")));
	json_decref(q);
	q = request_get(f.db, &f.unit_editor, f.unit, id, texts, time_now());
	json_decref(q);
	CHECK(outbox(f.db, "Đơn vị đã xem yêu cầu") == 1);
	snprintf(sql_link, sizeof(sql_link), "SELECT count(*) FROM mail_outbox WHERE body LIKE '%%https://tinh.example.gov.vn/quan-tri/yeu-cau/%lld%%'",
		 (long long)id);
	CHECK(count(f.db, sql_link) == 1);

	/* answered with an item of the unit's site; an item of another site is refused */
	int64_t other_item = 0, item = 0;
	db_exec(f.db, "INSERT INTO categories (site_id, name, slug, position) SELECT id, 'Tin', 'tin', 1 FROM sites");
	char sql[400];
	snprintf(sql, sizeof(sql), "INSERT INTO items (site_id, category_id, kind, title, slug, body, state, created_at,"
		 " updated_at) SELECT %lld, (SELECT id FROM categories WHERE site_id = %lld), 'project', 'Dự án A', 'du-an-a',"
		 " '', 'draft', 1, 1", (long long)f.unit, (long long)f.unit);
	CHECK(db_exec(f.db, sql) == 0);
	item = count(f.db, "SELECT max(id) FROM items");
	snprintf(sql, sizeof(sql), "INSERT INTO items (site_id, category_id, kind, title, slug, body, state, created_at,"
		 " updated_at) SELECT %lld, (SELECT id FROM categories WHERE site_id = %lld), 'article', 'Tin B', 'tin-b',"
		 " '', 'draft', 1, 1", (long long)f.other, (long long)f.other);
	CHECK(db_exec(f.db, sql) == 0);
	other_item = count(f.db, "SELECT max(id) FROM items");
	memset(&e, 0, sizeof(e));
	CHECK(request_answer(f.db, &f.unit_editor, f.unit, id, "", &other_item, 1, texts, time_now(), &e) == M_INVALID &&
	      strcmp(e.e[0].key, "obl_item_invalid") == 0);
	memset(&e, 0, sizeof(e));
	CHECK(request_answer(f.db, &f.unit_editor, f.unit, id, "", NULL, 0, texts, time_now(), &e) == M_INVALID &&
	      strcmp(e.e[0].key, "req_reply_required") == 0);
	memset(&e, 0, sizeof(e));
	CHECK(request_answer(f.db, &f.main_editor, f.main, id, "x", NULL, 0, texts, time_now(), &e) == M_DENIED); /* the sender */
	CHECK(request_answer(f.db, &f.unit_editor, f.unit, id, "Gửi kèm danh mục dự án <đợt 1> & phụ lục.", &item, 1, texts,
			     time_now(), &e) == M_OK);
	CHECK(outbox(f.db, "Đơn vị đã trả lời yêu cầu") == 1);
	/* the reply as it was in the text, escaped in the HTML */
	CHECK(count(f.db, "SELECT count(*) FROM mail_outbox WHERE body LIKE '%<đợt 1> & phụ lục.%'"
			  " AND html LIKE '%&lt;đợt 1&gt; &amp; phụ lục.%' AND html NOT LIKE '%<đợt 1>%'") == 1);
	q = request_get(f.db, &f.main_editor, f.main, id, texts, time_now());
	CHECK(q && strcmp(js(q, "state"), "answered") == 0 &&
	      json_array_size(json_object_get(q, "items")) == 1 && json_is_true(json_object_get(q, "may_close")));
	json_decref(q);
	/* answered in time: never overdue, no overdue mail */
	time_fix(t_vn_at("2026-03-20", 8, 0));
	CHECK(request_overdue_run(f.db, texts, time_now()) == 0);
	CHECK(request_close(f.db, &f.unit_editor, f.unit, id, texts, time_now()) == M_DENIED);
	CHECK(request_close(f.db, &f.main_editor, f.main, id, texts, time_now()) == M_OK);
	CHECK(outbox(f.db, "Yêu cầu đã đóng") == 1);
	CHECK(count(f.db, "SELECT count(*) FROM audit WHERE action IN ('request.send', 'request.seen', 'request.answer',"
			  " 'request.close')") == 4);
	/* the addresses are sealed in the outbox */
	CHECK(count(f.db, "SELECT count(*) FROM mail_outbox WHERE rcpt LIKE '%example.gov.vn%'") == 0);
	json_decref(texts);
	time_fix(0);
	db_close(f.db);
}

TEST(obligations_request_overdue_on_the_lists_and_mailed_once)
{
	struct ofx f;
	if (!CHECK(ofx_init(&f) == 0))
		return;
	json_t *texts = mail_texts();
	char to[24];
	snprintf(to, sizeof(to), "%lld", (long long)f.unit);
	time_fix(t_vn_at("2026-03-02", 9, 0));
	struct request_input in = { to, "Số liệu tiếp nhận hồ sơ quý I", "Báo cáo UBND tỉnh", "2026-03-04", "https://tinh.example.gov.vn/",
				    "https://skhdt.example.gov.vn/" };
	struct errs e = { 0 };
	int64_t id = 0;
	CHECK(request_send(f.db, &f.main_editor, f.main, &in, texts, time_now(), &e, &id) == M_OK);
	/* due 04/03 24:00: "soon" on 02/03, overdue on 05/03 on both sides' lists */
	json_t *lists = deadline_open(f.db, &f.main_editor, f.main, time_now());
	CHECK(lists && json_array_size(json_object_get(lists, "soon")) == 1 && json_array_size(json_object_get(lists, "overdue")) == 0);
	json_decref(lists);
	CHECK(request_overdue_run(f.db, texts, time_now()) == 0);
	time_fix(t_vn_at("2026-03-05", 7, 0));
	lists = deadline_open(f.db, &f.unit_editor, f.unit, time_now());
	json_t *row = lists ? json_array_get(json_object_get(lists, "overdue"), 0) : NULL;
	CHECK(row && strcmp(js(row, "state_key"), "req_state_sent") == 0);
	CHECK(row && json_integer_value(json_object_get(row, "site_id")) == f.unit);
	json_decref(lists);
	json_t *l = request_list(f.db, &f.main_editor, f.main, time_now());
	CHECK(l && strcmp(js(json_array_get(json_object_get(l, "sent"), 0), "state_key"),
			  "req_state_overdue") == 0);
	json_decref(l);
	CHECK(request_overdue_run(f.db, texts, time_now()) == 1);
	CHECK(outbox(f.db, "Yêu cầu quá hạn chưa trả lời") == 2); /* both boards */
	CHECK(request_overdue_run(f.db, texts, time_now()) == 0); /* once */
	CHECK(outbox(f.db, "Yêu cầu quá hạn chưa trả lời") == 2);
	json_decref(texts);
	time_fix(0);
	db_close(f.db);
}

TEST(obligations_boards_focal_point_sealed_history_and_province_list)
{
	struct ofx f;
	if (!CHECK(ofx_init(&f) == 0))
		return;
	time_fix(t_vn_at("2025-06-02", 9, 0));
	struct decision_input d = { "125/QĐ-SKHĐT", "2025-05-20", "Nguyễn Văn A", 0 };
	struct errs e = { 0 };
	int64_t did = 0, mid = 0;
	CHECK(editorial_decision_add(f.db, &f.unit_editor, f.unit, &d, &e, &did) == M_DENIED); /* an editor */
	CHECK(editorial_decision_add(f.db, &actor_cli, f.unit, &d, &e, &did) == M_OK && did > 0);
	struct decision_input future = { "1/QĐ", "2025-07-01", "B", 0 };
	int64_t none = -1;
	CHECK(editorial_decision_add(f.db, &actor_cli, f.unit, &future, &e, &none) == M_INVALID && none == 0 &&
	      strcmp(e.e[0].key, "board_day_future") == 0);
	char ds[24];
	snprintf(ds, sizeof(ds), "%lld", (long long)did);
	struct member_input m = { "Trần Thị B", "Phó Giám đốc Sở", "truong-ban", ds };
	memset(&e, 0, sizeof(e));
	CHECK(editorial_member_save(f.db, &actor_cli, f.unit, 0, &m, &e, &mid) == M_OK);
	m.position = "Giám đốc Sở";
	CHECK(editorial_member_save(f.db, &actor_cli, f.unit, mid, &m, &e, NULL) == M_OK);
	struct member_input badm = { "", "x", "chu-tich", "" };
	memset(&e, 0, sizeof(e));
	CHECK(editorial_member_save(f.db, &actor_cli, f.unit, 0, &badm, &e, NULL) == M_INVALID && e.n == 2);
	struct focal_input fp = { "Lê Văn C", "Trung tâm Công nghệ thông tin", "0270 3 822 999", "le.van.c@example.gov.vn" };
	struct focal_input badf = { "Lê Văn C", "TT", "12ab", "khong-phai-thu" };
	memset(&e, 0, sizeof(e));
	CHECK(editorial_focal_save(f.db, &actor_cli, f.unit, &badf, &e) == M_INVALID && e.n == 2 &&
	      strcmp(e.e[0].key, "board_phone_invalid") == 0 && strcmp(e.e[1].key, "board_email_invalid") == 0);
	memset(&e, 0, sizeof(e));
	CHECK(editorial_focal_save(f.db, &actor_cli, f.unit, &fp, &e) == M_OK);
	/* personal data at rest: neither the record nor its history holds it in clear */
	CHECK(count(f.db, "SELECT count(*) FROM focal_points WHERE sealed LIKE '%le.van.c%' OR sealed LIKE '%822%'") == 0);
	CHECK(count(f.db, "SELECT count(*) FROM board_history WHERE snapshot LIKE '%le.van.c%'") == 0);
	CHECK(count(f.db, "SELECT count(*) FROM audit WHERE detail LIKE '%le.van.c%'") == 0);

	json_t *b = editorial_get(f.db, &f.unit_editor, f.unit);
	if (CHECK(b != NULL)) {
		CHECK(json_array_size(json_object_get(b, "members")) == 1);
		CHECK_STR(js(json_array_get(json_object_get(b, "members"), 0), "position"), "Giám đốc Sở");
		CHECK_STR(js(json_object_get(b, "focal"), "email"), "le.van.c@example.gov.vn");
		json_t *h = json_object_get(b, "history");
		CHECK(json_array_size(h) == 4); /* decision, member added, member changed, focal point */
		CHECK_STR(js(json_array_get(h, 0), "what"), "focal");
		CHECK_STR(js(json_object_get(json_array_get(h, 0), "record"), "phone"), "0270 3 822 999");
	}
	json_decref(b);
	CHECK(editorial_get(f.db, &f.other_editor, f.unit) == NULL);
	CHECK(editorial_member_remove(f.db, &actor_cli, f.unit, mid) == M_OK);
	CHECK(count(f.db, "SELECT count(*) FROM board_history WHERE action = 'remove'") == 1);

	/* a year and a day later the unit's records are stale; the sites with none always are */
	CHECK(editorial_province(f.db, &f.main_editor, time_now(), NULL) == NULL); /* an editor of the main portal */
	time_fix(t_vn_at("2026-06-04", 9, 0));
	int64_t days = 0;
	json_t *rows = editorial_province(f.db, &actor_cli, time_now(), &days), *r;
	size_t i;
	int seen = 0;
	CHECK(days == 365);
	json_array_foreach(rows, i, r) {
		if (json_integer_value(json_object_get(r, "site_id")) == f.unit) {
			seen = 1;
			CHECK(json_is_true(json_object_get(r, "stale")) && json_is_false(json_object_get(r, "empty")));
			CHECK_STR(js(r, "focal_phone"), "0270 3 822 999");
			CHECK_STR(js(r, "decision_number"), "125/QĐ-SKHĐT");
		} else {
			CHECK(json_is_true(json_object_get(r, "empty")) && json_is_true(json_object_get(r, "stale")));
		}
	}
	CHECK(seen);
	json_decref(rows);
	/* the setting: 500 days, and the unit is no longer flagged */
	CHECK(editorial_stale_days_set(f.db, &f.main_editor, "500", &e) == M_DENIED);
	memset(&e, 0, sizeof(e));
	CHECK(editorial_stale_days_set(f.db, &actor_cli, "5", &e) == M_INVALID && strcmp(e.e[0].key, "board_days_invalid") == 0);
	CHECK(editorial_stale_days_set(f.db, &actor_cli, "500", &e) == M_OK);
	rows = editorial_province(f.db, &actor_cli, time_now(), &days);
	CHECK(days == 500);
	json_array_foreach(rows, i, r)
		if (json_integer_value(json_object_get(r, "site_id")) == f.unit)
			CHECK(json_is_false(json_object_get(r, "stale")));
	json_decref(rows);
	time_fix(0);
	db_close(f.db);
}

TEST(obligations_directory_unit_as_provider)
{
	struct ofx f;
	if (!CHECK(ofx_init(&f) == 0))
		return;
	char sql[512], prov[32];
	/* a published unit of the main portal's directory, and one of another site */
	db_exec(f.db, "INSERT INTO categories (site_id, name, slug, position) SELECT id, 'Cơ cấu', 'co-cau', 1 FROM sites");
	static const char *const ins = "INSERT INTO items (site_id, category_id, kind, title, slug, body, state, created_at, updated_at)"
				       " SELECT %lld, (SELECT id FROM categories WHERE site_id = %lld), 'unit', '%s', 'u', '', 'published', 1, 1";
	snprintf(sql, sizeof(sql), ins, (long long)f.main, (long long)f.main, "Văn phòng UBND tỉnh");
	CHECK(db_exec(f.db, sql) == 0);
	int64_t unit_item = count(f.db, "SELECT max(id) FROM items");
	snprintf(sql, sizeof(sql), ins, (long long)f.other, (long long)f.other, "Phòng Tư pháp");
	CHECK(db_exec(f.db, sql) == 0);
	int64_t foreign = count(f.db, "SELECT max(id) FROM items");

	json_t *ps = obligation_providers(f.db, f.main), *p;
	size_t i;
	int has_unit = 0, has_self = 0, has_foreign = 0;
	snprintf(prov, sizeof(prov), "unit:%lld", (long long)unit_item);
	json_array_foreach(ps, i, p) {
		has_unit |= strcmp(js(p, "value"), prov) == 0;
		has_foreign |= strcmp(js(p, "value"), "Phòng Tư pháp") == 0 || strcmp(js(p, "name"), "Phòng Tư pháp") == 0;
		char self[32];
		snprintf(self, sizeof(self), "site:%lld", (long long)f.main);
		has_self |= strcmp(js(p, "value"), self) == 0;
	}
	json_decref(ps);
	CHECK(has_unit && !has_self && !has_foreign);

	time_fix(t_vn_at("2026-08-03", 9, 0));
	struct obligation_input in = { prov, "article", "Kế hoạch, chương trình thực hiện chính sách", "VP Đ5.1.b", "half", "10",
				       "2026-01-01", 1 };
	struct errs e = { 0 };
	int64_t id = 0;
	CHECK(obligation_save(f.db, &actor_cli, f.main, 0, &in, &e, &id) == M_OK);
	char bad[32];
	snprintf(bad, sizeof(bad), "unit:%lld", (long long)foreign);
	in.provider = bad;
	memset(&e, 0, sizeof(e));
	CHECK(obligation_save(f.db, &actor_cli, f.main, 0, &in, &e, NULL) == M_INVALID && strcmp(e.e[0].key, "obl_provider_invalid") == 0);
	/* the first half-year ended 30/06: due 10 working days later, in July, and missed */
	json_t *o = obligation_get(f.db, &f.main_editor, f.main, id, time_now());
	CHECK_STR(state_of(o, "I/2026"), "missing");
	CHECK_STR(js(o, "provider_name"), "Văn phòng UBND tỉnh");
	CHECK_STR(js(o, "provider_kind"), "unit");
	json_decref(o);
	json_t *rep = obligation_report(f.db, &f.main_editor, f.main, day_of("2026-07-01"), day_of("2026-07-31"));
	json_t *row = rep ? json_array_get(json_object_get(rep, "rows"), 0) : NULL;
	CHECK_STR(js(row, "unit"), "Văn phòng UBND tỉnh");
	CHECK(json_integer_value(json_object_get(row, "missing")) == 1 && json_integer_value(json_object_get(row, "expected")) == 1);
	json_decref(rep);
	time_fix(0);
	db_close(f.db);
}
