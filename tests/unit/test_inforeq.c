/* test_inforeq.c — requests for information (model/inforeq.c) at the model: the ID number's check,
 * the register's numbers per site and year, the deadlines of each step across the Tết week of
 * 2026 with a fixed "now", the one extension, and the register's initials. */
#include "t.h"
#include "tdb.h"
#include "base/util.h"
#include "db/db.h"
#include "model/inforeq.h"
#include "model/model.h"
#include "model/ticket.h"
#include "vn/calendar.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t vn_at(const char *date, int h)
{
	vn_date d = { 0, 0, 0 };
	if (vn_date_parse(date, &d))
		return 0;
	return vn_time_of_days(vn_date_to_days(d)) + h * 3600;
}

static void due_day(struct db *db, int64_t id, char out[11])
{
	struct db_stmt *st = db_stmt(db, "SELECT due_at FROM tickets WHERE id = ?1");
	out[0] = '\0';
	db_bind_int(st, 1, id);
	if (db_step(st) == DB_ROW)
		vn_date_format(vn_days_to_date(vn_days_of_time(db_col_int(st, 0))), out);
	db_reset(st);
}

static int64_t submit(struct db *db, int64_t site, int64_t now, const char *id_number, int64_t *number, int64_t *year)
{
	const struct ticket_kind *tk = ticket_kind_find("info_request");
	json_t *raw = json_pack("{ssssssssssssss}", "ho_ten", "Nguyễn Văn An", "dia_chi", "Phường 1, TP Vĩnh Long", "giay_to", id_number,
				"email", "an@example.vn", "thong_tin", "Quyết định số 12/QĐ-UBND", "muc_dich", "Học tập", "hinh_thuc",
				"thu-dien-tu");
	struct ticket_input in = { .raw = raw, .base_url = "" };
	struct errs e = { 0 };
	char code[24];
	int64_t id = 0;
	int rc = tk ? ticket_submit(db, tk, site, &in, now, &e, code, &id) : M_ERROR;
	json_decref(raw);
	if (rc != M_OK)
		return 0;
	struct db_stmt *st = db_stmt(db, "SELECT number, number_year FROM tickets WHERE id = ?1");
	db_bind_int(st, 1, id);
	if (db_step(st) == DB_ROW) {
		*number = db_col_int(st, 0);
		*year = db_col_int(st, 1);
	}
	db_reset(st);
	return id;
}

static int act(struct db *db, int64_t site, int64_t id, const char *action, int64_t now, struct errs *e, ...)
{
	json_t *in = json_object();
	va_list ap;
	va_start(ap, e);
	for (const char *k; (k = va_arg(ap, const char *));)
		json_object_set_new(in, k, json_string(va_arg(ap, const char *)));
	va_end(ap);
	int rc = ticket_act(db, &actor_cli, site, id, action, in, now, e);
	json_decref(in);
	return rc;
}

TEST(inforeq_id_numbers)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "079123456789", "079123456789" }, { "079 123 456 789", "079123456789" }, { "123456789", "123456789" },
		{ "c1234567", "C1234567" }, { "B 12345678", "B12345678" }, { "AB123456", "AB123456" },
		{ "12345", NULL }, { "1234567890", NULL }, { "12A345678", NULL }, { "ABC123456", NULL }, { "C12", NULL },
		{ "079-123-456.789", "079123456789" }, { "０７９", NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		json_t *f = json_pack("{ssss}", "giay_to", cases[i].in, "hinh_thuc", "thu-dien-tu");
		struct errs e = { 0 };
		inforeq_check(NULL, NULL, 0, 0, f, &e);
		if (cases[i].out) {
			CHECK(e.n == 0);
			CHECK_STR(json_string_value(json_object_get(f, "giay_to")), cases[i].out);
		} else {
			CHECK(e.n == 1 && strcmp(e.e[0].field, "giay_to") == 0);
		}
		json_decref(f);
	}
	json_t *f = json_pack("{ssss}", "giay_to", "123456789", "hinh_thuc", "fax");
	struct errs e = { 0 };
	inforeq_check(NULL, NULL, 0, 0, f, &e);
	CHECK(e.n == 1 && strcmp(e.e[0].field, "so_fax") == 0);
	json_decref(f);
}

TEST(inforeq_register_numbers_and_deadlines_across_tet)
{
	struct db *db = t_fresh_db();
	struct site_input si = { 0 };
	struct errs e = { 0 };
	int64_t main_id = 0, snv = 0;
	si.name = "Cổng chính";
	si.kind = "main";
	if (!CHECK(db && site_add(db, &si, &e, &main_id, NULL) == 0))
		return;
	si.name = "Sở Nội vụ";
	si.kind = NULL;
	if (!CHECK(site_add(db, &si, &e, &snv, NULL) == 0))
		return;
	int64_t n1 = 0, y1 = 0, n2 = 0, y2 = 0, n3 = 0, y3 = 0, n4 = 0, y4 = 0;
	int64_t friday = vn_at("2026-02-13", 9); /* the last working day before the Tết week */
	int64_t a = submit(db, snv, friday, "079123456789", &n1, &y1);
	int64_t b = submit(db, snv, friday + 60, "C1234567", &n2, &y2);
	int64_t c = submit(db, main_id, friday + 120, "123456789", &n3, &y3);
	int64_t d = submit(db, snv, vn_at("2027-01-04", 8), "079123456789", &n4, &y4);
	CHECK(a && b && c && d);
	CHECK(n1 == 1 && y1 == 2026 && n2 == 2 && y2 == 2026);
	CHECK(n3 == 1 && y3 == 2026); /* per site */
	CHECK(n4 == 1 && y4 == 2027); /* per year */
	char day[11];
	due_day(db, a, day);
	CHECK_STR(day, "2026-02-25"); /* 3 working days after 13/02, over 16–20/02 */
	/* simple: provided; nothing more but a correction */
	memset(&e, 0, sizeof(e));
	CHECK(act(db, snv, a, "accept", friday + 3600, &e, "result", "simple", NULL) == M_OK);
	CHECK(act(db, snv, a, "extend", friday + 3600, &e, "reason_text", "x", NULL) == M_INVALID);
	memset(&e, 0, sizeof(e));
	CHECK(act(db, snv, a, "provide", friday + 7200, &e, "result", "full", "body", "Gửi Ông văn bản.", NULL) == M_OK);
	memset(&e, 0, sizeof(e));
	CHECK(act(db, snv, a, "refuse", friday + 7200, &e, "reason", "da-cong-khai", "body", "x", NULL) == M_INVALID);
	memset(&e, 0, sizeof(e));
	int64_t march2 = vn_at("2026-03-02", 10);
	CHECK(act(db, snv, a, "correct", march2, &e, "reason_text", "Sai bản vẽ", NULL) == M_OK);
	due_day(db, a, day);
	CHECK_STR(day, "2026-03-09"); /* 5 working days after Monday 02/03 */
	/* complex: the notice required; 15 working days after receipt; extended once by 15 */
	memset(&e, 0, sizeof(e));
	CHECK(act(db, snv, b, "accept", friday + 3600, &e, "result", "complex", "body", "", NULL) == M_INVALID);
	CHECK(e.n == 1 && strcmp(e.e[0].field, "body") == 0);
	memset(&e, 0, sizeof(e));
	CHECK(act(db, snv, b, "accept", friday + 3600, &e, "result", "complex", "body", "Trong 15 ngày làm việc.", NULL) == M_OK);
	due_day(db, b, day);
	CHECK_STR(day, "2026-03-13");
	memset(&e, 0, sizeof(e));
	CHECK(act(db, snv, b, "extend", march2, &e, "reason_text", "", NULL) == M_INVALID);
	memset(&e, 0, sizeof(e));
	CHECK(act(db, snv, b, "extend", march2, &e, "reason_text", "Cần sao lục hồ sơ lưu trữ.", NULL) == M_OK);
	due_day(db, b, day);
	CHECK_STR(day, "2026-04-03");
	memset(&e, 0, sizeof(e));
	CHECK(act(db, snv, b, "extend", march2, &e, "reason_text", "Lần nữa", NULL) == M_INVALID);
	CHECK(e.n == 1 && strcmp(e.e[0].key, "inforeq_extend_once") == 0);
	/* the register: initials unless asked, in number order */
	json_t *reg = inforeq_register(db, &actor_cli, snv, vn_days_of_time(vn_at("2026-01-01", 0)),
				       vn_days_of_time(vn_at("2026-12-31", 0)), 0, march2);
	CHECK(json_array_size(reg) == 2);
	CHECK_STR(json_string_value(json_object_get(json_array_get(reg, 0), "requester")), "N.V.A.");
	CHECK_STR(json_string_value(json_object_get(json_array_get(reg, 1), "state")), "ir_extended");
	json_decref(reg);
	db_close(db);
}
