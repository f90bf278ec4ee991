/* test_consultation.c — a consultation's times (open at 00:00 of its start day, closed at its
 * close time, the day's end without one; calendar days left), its check, and its list term
 * renewed by the scheduler's pass of each day (sap-lay-y-kien → dang-lay-y-kien → het-han). */
#include "t.h"
#include "tdb.h"
#include "model/model.h"
#include "model/kind.h"
#include "model/consultation.h"
#include "db/db.h"
#include "vn/calendar.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *day(int32_t d, char out[11])
{
	vn_date_format(vn_days_to_date(d), out);
	return out;
}

static const char *term_of(struct db *db, int64_t id, char *buf, size_t n)
{
	struct db_stmt *st = db_stmt(db, "SELECT value FROM item_terms WHERE item_id = ? AND key = 'lay_y_kien'");
	*buf = 0;
	db_bind_int(st, 1, id);
	if (db_step(st) == DB_ROW)
		snprintf(buf, n, "%s", db_col_text(st, 0));
	db_reset(st);
	return buf;
}

TEST(consultation_times)
{
	vn_date d = { 2026, 12, 20 };
	int32_t close = vn_date_to_days(d);
	json_t *f = json_pack("{ssssss}", "ngay_bat_dau", "2026-12-01", "ngay_ket_thuc", "2026-12-20", "gio_ket_thuc", "17:00");
	struct consultation_time t;
	int64_t five_pm = vn_time_of_days(close) + 17 * 3600;
	CHECK(consultation_time_of(f, five_pm - 1, &t) == 0 && t.phase == CONSULT_OPEN && t.days_left == 0);
	CHECK(consultation_time_of(f, five_pm, &t) == 0 && t.phase == CONSULT_CLOSED);
	CHECK(consultation_time_of(f, vn_time_of_days(close - 3) + 3600, &t) == 0 && t.days_left == 3);
	CHECK(consultation_time_of(f, vn_time_of_days(close - 19) - 1, &t) == 0 && t.phase == CONSULT_NOT_YET);
	char text[48];
	consultation_close_text(&t, text, sizeof(text));
	CHECK_STR(text, "17:00 ngày 20/12/2026");
	json_object_set_new(f, "gio_ket_thuc", json_string(""));
	CHECK(consultation_time_of(f, vn_time_of_days(close + 1) - 1, &t) == 0 && t.phase == CONSULT_OPEN);
	CHECK(consultation_time_of(f, vn_time_of_days(close + 1), &t) == 0 && t.phase == CONSULT_CLOSED);
	consultation_close_text(&t, text, sizeof(text));
	CHECK_STR(text, "hết ngày 20/12/2026");
	json_object_set_new(f, "ngay_ket_thuc", json_string(""));
	CHECK(consultation_time_of(f, five_pm, &t) == -1);
	json_decref(f);

	/* the check: the close not before the open; 00:00 of the open day closes before it opens */
	struct errs e = { 0 };
	f = json_pack("{ssssss}", "ngay_bat_dau", "2026-12-10", "ngay_ket_thuc", "2026-12-09", "email_tiep_nhan", "khong-phai-thu");
	consultation_check(NULL, f, &e);
	CHECK(e.n == 2 && strcmp(e.e[0].key, "consultation_close_before_open") == 0 && strcmp(e.e[1].field, "email_tiep_nhan") == 0);
	json_decref(f);
	e = (struct errs){ 0 };
	f = json_pack("{ssssss}", "ngay_bat_dau", "2026-12-10", "ngay_ket_thuc", "2026-12-10", "gio_ket_thuc", "00:00");
	consultation_check(NULL, f, &e);
	CHECK(e.n == 1 && strcmp(e.e[0].field, "gio_ket_thuc") == 0);
	json_decref(f);
}

TEST(consultation_term_renewed_by_the_day)
{
	struct db *db = t_fresh_db();
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t site, id = 0;
	si.name = "Cổng chính";
	si.kind = "main";
	if (!CHECK(db && site_add(db, &si, &e, &site, NULL) == 0))
		return;
	int32_t today = vn_days_of_time(time(NULL));
	char o[11], c[11], buf[32];
	json_t *f = json_pack("{ssssssss}", "co_quan_soan_thao", "Sở Tư pháp", "ngay_bat_dau", day(today + 2, o), "ngay_ket_thuc",
			      day(today + 5, c), "don_vi_tiep_nhan", "Sở Tư pháp");
	struct article_input in = { 0 };
	in.kind = "consultation";
	in.fields = f;
	in.title = "Dự thảo thử";
	in.body = "<p>Điều 1. Phạm vi</p>";
	CHECK(article_save(db, &actor_cli, site, 0, &in, &e, &id) == 0 && article_publish_cli(db, site, id, 0) == 0);
	json_decref(f);
	CHECK_STR(term_of(db, id, buf, sizeof(buf)), "sap-lay-y-kien");
	CHECK(item_recheck_due(db, today + 1) == 0);
	CHECK(item_recheck_due(db, today + 2) == 1);
	CHECK_STR(term_of(db, id, buf, sizeof(buf)), "dang-lay-y-kien");
	CHECK(item_recheck_due(db, today + 5) == 0); /* the close day is still open in the lists */
	CHECK(item_recheck_due(db, today + 6) == 1);
	CHECK_STR(term_of(db, id, buf, sizeof(buf)), "het-han");
	CHECK(item_recheck_due(db, today + 400) == 0); /* nothing changes after that */
	json_t *arts = consultation_articles("<p>Điều 1. Phạm vi</p><p>Điều 2: Đối tượng</p>");
	CHECK(json_array_size(arts) == 2);
	CHECK_STR(json_string_value(json_object_get(json_array_get(arts, 1), "label")), "Điều 2. Đối tượng");
	json_decref(arts);
	db_close(db);
}
