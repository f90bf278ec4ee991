/* test_royalty.c — royalties (model/royalty.h): amounts on a table of cases (genres, modifiers,
 * rounding), splits that add up to the đồng, coefficients typed, the caps, and on a store an
 * item's life: its entry in the period of its publication, shares that must add up to 100 %, a
 * paid period locked and the change made an adjustment of the next period, the report and the
 * deadline lists' row. The pages: tests/http/test_royalties.py. */
#include "t.h"
#include "tdb.h"
#include "model/model.h"
#include "model/royalty.h"
#include "base/util.h"
#include "db/db.h"

#include <stdlib.h>
#include <string.h>

enum { DICH, PHU_DE, THIEU_NHI, NGOAI_NGU, KHO_KHAN };

static const struct {
	const char *what;
	int64_t coef, unit;
	struct royalty_mod m[3];
	size_t n;
	int64_t want;
} amounts[] = {
	{ "a news item, coefficient 1", 10, 234000, { { 0, 0 } }, 0, 234000 },
	{ "a news item at its maximum 10", 100, 234000, { { 0, 0 } }, 0, 2340000 },
	{ "a photo 2,5", 25, 234000, { { 0, 0 } }, 0, 585000 },
	{ "a commentary 30", 300, 234000, { { 0, 0 } }, 0, 7020000 },
	{ "a video 50", 500, 234000, { { 0, 0 } }, 0, 11700000 },
	{ "a translation at 40 %", 100, 234000, { { DICH, 40 } }, 1, 936000 },
	{ "a translation at 65 %", 100, 234000, { { DICH, 65 } }, 1, 1521000 },
	{ "subtitles at 20 %", 15, 234000, { { PHU_DE, 20 } }, 1, 70200 },
	{ "for children +10 %", 10, 234000, { { THIEU_NHI, 10 } }, 1, 257400 },
	{ "minority language +50 % and hard conditions +100 %", 10, 234000, { { NGOAI_NGU, 50 }, { KHO_KHAN, 100 } }, 2, 585000 },
	{ "a translation 50 % for children +20 %", 30, 234000, { { DICH, 50 }, { THIEU_NHI, 20 } }, 2, 421200 },
	/* rounding: 0,1 × 1,005 = 100,5 → 101 (half up, once) */
	{ "rounded half up", 1, 1005, { { 0, 0 } }, 0, 101 },
	{ "rounded down below the half", 1, 1004, { { 0, 0 } }, 0, 100 },
	{ "rounded once, not per step: 0,1 × 1,001 × 65 % × 115 %", 1, 1001, { { DICH, 65 }, { THIEU_NHI, 15 } }, 2, 75 },
};

TEST(royalty_amounts_table)
{
	for (size_t i = 0; i < sizeof(amounts) / sizeof(amounts[0]); i++) {
		int64_t got = royalty_amount(amounts[i].coef, amounts[i].unit, amounts[i].m, amounts[i].n);
		if (!CHECK(got == amounts[i].want))
			t_case(amounts[i].what, 0, "amount");
	}
}

TEST(royalty_splits_add_up)
{
	static const struct {
		int64_t amount;
		int64_t shares[4];
		size_t n;
		int64_t want[4];
	} cases[] = {
		{ 585000, { 1000 }, 1, { 585000 } },
		{ 585000, { 500, 500 }, 2, { 292500, 292500 } },
		{ 100, { 333, 333, 334 }, 3, { 33, 33, 34 } },
		{ 1000001, { 333, 333, 334 }, 3, { 333000, 333000, 334001 } },
		{ 10, { 333, 333, 334 }, 3, { 3, 3, 4 } },
		{ 2, { 333, 333, 334 }, 3, { 1, 0, 1 } },  /* 0,666 0,666 0,668: the largest remainder first */
		{ 101, { 500, 500 }, 2, { 51, 50 } },      /* a tie: the first listed */
		{ -101, { 500, 500 }, 2, { -51, -50 } },   /* an adjustment */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int64_t out[4] = { 0 }, sum = 0;
		royalty_split(cases[i].amount, cases[i].shares, cases[i].n, out);
		for (size_t k = 0; k < cases[i].n; k++) {
			sum += out[k];
			if (!CHECK(out[k] == cases[i].want[k]))
				t_case("split", 0, "part");
		}
		CHECK(sum == cases[i].amount);
	}
}

TEST(royalty_coefficients_typed)
{
	int64_t v = 0;
	CHECK(royalty_parse_coef("2,5", 100, &v) == 0 && v == 25);
	CHECK(royalty_parse_coef("2.5", 100, &v) == 0 && v == 25);
	CHECK(royalty_parse_coef(" 10 ", 100, &v) == 0 && v == 100);
	CHECK(royalty_parse_coef("10,1", 100, &v) == -1); /* above the maximum */
	CHECK(royalty_parse_coef("2,55", 100, &v) == -1); /* hundredths refused, never rounded */
	CHECK(royalty_parse_coef("0", 100, &v) == -1);
	CHECK(royalty_parse_coef("-1", 100, &v) == -1);
	CHECK(royalty_parse_coef("", 100, &v) == -1);
	CHECK(royalty_parse_coef("hai", 100, &v) == -1);
	char b[24];
	CHECK_STR(royalty_coef_text(25, b, sizeof(b)), "2,5");
	CHECK_STR(royalty_coef_text(100, b, sizeof(b)), "10");
}

TEST(royalty_caps)
{
	struct errs e = { 0 };
	CHECK(royalty_caps_check(1000000, 500000, 300000, &e) == 0 && e.n == 0); /* exactly at the caps */
	CHECK(royalty_caps_check(1000000, 500001, 300000, &e) == -1 && e.n == 1 && strcmp(e.e[0].field, "fee_total") == 0 &&
	      strcmp(e.e[0].key, "roy_fee_cap") == 0);
	struct errs e2 = { 0 };
	CHECK(royalty_caps_check(1000000, 0, 300001, &e2) == -1 && e2.n == 1 && strcmp(e2.e[0].field, "bonus_fund") == 0);
	struct errs e3 = { 0 };
	CHECK(royalty_caps_check(0, 1, 1, &e3) == -1 && e3.n == 2);
}

static int64_t published(struct db *db, int64_t site, const char *title)
{
	struct article_input in = { 0 };
	struct errs e = { 0 };
	struct act_input none = { 0 };
	int64_t id = 0;
	in.title = title;
	in.body = "Nội dung.";
	in.category_id = category_for_kind(db, site, "article");
	if (article_save(db, &actor_cli, site, 0, &in, &e, &id) != M_OK)
		return 0;
	static const char *const steps[] = { "submit", "edited", "publish" };
	for (size_t i = 0; i < 3; i++)
		if (article_act(db, &actor_cli, site, id, steps[i], &none, &e) != M_OK)
			return 0;
	return id;
}

static int64_t count(struct db *db, const char *sql, int64_t arg)
{
	struct db_stmt *st = db_prepare(db, sql);
	int64_t n = -1;
	db_bind_int(st, 1, arg);
	db_one_int(st, &n);
	db_finalize(st);
	return n;
}

TEST(royalty_item_life_locked_period_and_adjustment)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db && t_add_site(db, "Cổng chính", "main", NULL)))
		return;
	int64_t snv = t_add_site(db, "Sở Nội vụ", NULL, NULL), stc = t_add_site(db, "Sở Tài chính", NULL, NULL);
	time_fix(t_vn_at("2026-11-10", 9, 0));
	int64_t a = published(db, snv, "Hội nghị tổng kết công tác nội vụ"), b = published(db, snv, "Ảnh: lễ khai mạc");
	int64_t other = published(db, stc, "Tin của Sở Tài chính");
	int64_t late = published(db, snv, "Tin chấm nhuận bút muộn");
	CHECK(a && b && other);

	/* two people, one with no account; their names sealed */
	struct royalty_person_input p1 = { .name = "Nguyễn Thị Hoa", .unit = "Văn phòng Sở", .tax_code = "8012345678" };
	struct royalty_person_input p2 = { .name = "Trần Văn Nam", .unit = "Báo Vĩnh Long" };
	int64_t hoa = 0, nam = 0;
	struct errs e = { 0 };
	CHECK(royalty_person_add(db, &actor_cli, snv, &p1, &e, &hoa) == M_OK);
	CHECK(royalty_person_add(db, &actor_cli, snv, &p2, &e, &nam) == M_OK);
	CHECK(count(db, "SELECT count(*) FROM royalty_people WHERE pdata LIKE '%Hoa%' OR pdata LIKE '%8012345678%' OR ? = 0", 1) == 0);
	struct royalty_person_input nobody = { .name = "  " };
	int64_t x = 0;
	struct errs en = { 0 };
	CHECK(royalty_person_add(db, &actor_cli, snv, &nobody, &en, &x) == M_INVALID && en.n == 1 && strcmp(en.e[0].field, "name") == 0);

	/* a genre's maximum holds; shares must add up to 100 % */
	struct royalty_item_input in = { .genre = 1, .coef = "10,5" };
	struct errs e1 = { 0 };
	CHECK(royalty_item_set(db, &actor_cli, snv, a, &in, &e1) == M_INVALID && strcmp(e1.e[0].key, "roy_coef_above_max") == 0);
	in.coef = "2,5";
	in.mod_pct[DICH] = "70"; /* a translation is 40–65 % */
	struct errs e2 = { 0 };
	CHECK(royalty_item_set(db, &actor_cli, snv, a, &in, &e2) == M_INVALID && strcmp(e2.e[0].field, "mod_dich") == 0);
	in.mod_pct[DICH] = NULL;
	in.shares_given = 1;
	in.nshares = 2;
	in.shares[0] = (struct royalty_share_input){ hoa, "author", "60" };
	in.shares[1] = (struct royalty_share_input){ nam, "photographer", "30" };
	struct errs e3 = { 0 };
	CHECK(royalty_item_set(db, &actor_cli, snv, a, &in, &e3) == M_INVALID && strcmp(e3.e[0].key, "roy_shares_sum") == 0);
	in.shares[1].share = "40";
	struct errs e4 = { 0 };
	CHECK(royalty_item_set(db, &actor_cli, snv, a, &in, &e4) == M_OK);
	/* another site's item is not this site's */
	struct errs e5 = { 0 };
	CHECK(royalty_item_set(db, &actor_cli, snv, other, &in, &e5) == M_NOTFOUND);
	struct royalty_item_input photo = { .genre = 3, .coef = "3" };
	struct errs e6 = { 0 };
	CHECK(royalty_item_set(db, &actor_cli, snv, b, &photo, &e6) == M_OK);

	/* the period of November, at 234,000 đ: 585,000 + 702,000 */
	json_t *periods = royalty_periods(db, &actor_cli, snv, time_now());
	CHECK(json_array_size(periods) == 1);
	json_t *p = json_array_get(periods, 0);
	int64_t nov = json_integer_value(json_object_get(p, "id"));
	CHECK_STR(json_string_value(json_object_get(p, "label")), "Tháng 11/2026");
	CHECK(json_integer_value(json_object_get(p, "total")) == 1287000);
	CHECK_STR(json_string_value(json_object_get(p, "due")), "09/01/2027"); /* 60 days after 10/11/2026 */
	json_decref(periods);
	json_t *s = royalty_statement(db, &actor_cli, snv, nov, 0);
	CHECK(json_integer_value(json_object_get(s, "total")) == 1287000);
	CHECK(json_integer_value(json_object_get(s, "unassigned")) == 702000); /* the photo has no shares yet */
	CHECK_STR(json_string_value(json_object_get(s, "total_words")), "Một triệu hai trăm tám mươi bảy nghìn đồng");
	json_t *people = json_object_get(s, "people");
	CHECK(json_array_size(people) == 2);
	CHECK(json_integer_value(json_object_get(json_array_get(people, 0), "total")) +
		      json_integer_value(json_object_get(json_array_get(people, 1), "total")) == 585000);
	/* per the payees' own work unit, by its name: Nam's newspaper, then Hoa's office */
	json_t *units = json_object_get(s, "units");
	CHECK(json_array_size(units) == 2);
	CHECK_STR(json_string_value(json_object_get(json_array_get(units, 0), "unit")), "Báo Vĩnh Long");
	CHECK(json_integer_value(json_object_get(json_array_get(units, 0), "total")) == 234000);
	CHECK_STR(json_string_value(json_object_get(json_array_get(units, 1), "unit")), "Văn phòng Sở");
	CHECK(json_integer_value(json_object_get(json_array_get(units, 1), "total")) == 351000);
	CHECK_STR(json_string_value(json_object_get(json_array_get(units, 1), "total_words")),
		  "Ba trăm năm mươi mốt nghìn đồng");
	json_decref(s);
	/* ordered as Vietnamese is looked up: "Đài" with the d's, before "Văn" */
	struct royalty_person_input p2d = { .name = "Trần Văn Nam", .unit = "Đài Phát thanh - Truyền hình" };
	CHECK(royalty_person_update(db, &actor_cli, snv, nam, &p2d, &e) == M_OK);
	s = royalty_statement(db, &actor_cli, snv, nov, 0);
	units = json_object_get(s, "units");
	CHECK(json_array_size(units) == 2);
	CHECK_STR(json_string_value(json_object_get(json_array_get(units, 0), "unit")), "Đài Phát thanh - Truyền hình");
	CHECK(json_object_get(json_array_get(units, 0), "key") == NULL);
	json_decref(s);
	/* two payees of one unit are one row with both; a payee without a unit comes last */
	struct royalty_person_input p2b = { .name = "Trần Văn Nam", .unit = "Văn phòng Sở" };
	CHECK(royalty_person_update(db, &actor_cli, snv, nam, &p2b, &e) == M_OK);
	s = royalty_statement(db, &actor_cli, snv, nov, 0);
	units = json_object_get(s, "units");
	CHECK(json_array_size(units) == 1 && json_integer_value(json_object_get(json_array_get(units, 0), "count")) == 2);
	CHECK(json_integer_value(json_object_get(json_array_get(units, 0), "total")) == 585000);
	json_decref(s);
	p2b.unit = "";
	CHECK(royalty_person_update(db, &actor_cli, snv, nam, &p2b, &e) == M_OK);
	s = royalty_statement(db, &actor_cli, snv, nov, 0);
	units = json_object_get(s, "units");
	CHECK(json_array_size(units) == 2);
	CHECK_STR(json_string_value(json_object_get(json_array_get(units, 1), "unit")), "");
	CHECK(json_integer_value(json_object_get(json_array_get(units, 1), "total")) == 234000);
	json_decref(s);
	CHECK(royalty_person_update(db, &actor_cli, snv, nam, &p2, &e) == M_OK);
	s = royalty_statement(db, &actor_cli, snv, nov, hoa);
	CHECK(json_object_get(s, "units") == NULL); /* one person's statement has none */
	json_decref(s);
	s = royalty_statement(db, &actor_cli, snv, nov, hoa);
	CHECK(json_integer_value(json_object_get(s, "total")) == 351000); /* 60 % of 585,000 */
	CHECK_STR(json_string_value(json_object_get(json_object_get(s, "person"), "name")), "Nguyễn Thị Hoa");
	json_decref(s);

	/* the deadline lists carry the period, due 60 days after publication */
	json_t *rows = royalty_with_due(db, snv, json_array());
	CHECK(json_array_size(rows) == 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(rows, 0), "title")), "Nhuận bút Tháng 11/2026");
	json_decref(rows);

	/* the caps: fees 50 %, bonus fund 30 % */
	struct errs e7 = { 0 };
	CHECK(royalty_period_set(db, &actor_cli, snv, nov, NULL, "643.501", "0", &e7) == M_INVALID &&
	      strcmp(e7.e[0].key, "roy_fee_cap") == 0);
	struct errs e8 = { 0 };
	CHECK(royalty_period_set(db, &actor_cli, snv, nov, NULL, "643.500", "386.100", &e8) == M_OK);
	/* lowering an entry now would break them */
	struct royalty_item_input less = { .genre = 3, .coef = "1" };
	struct errs e9 = { 0 };
	CHECK(royalty_item_set(db, &actor_cli, snv, b, &less, &e9) == M_INVALID && strcmp(e9.e[0].key, "roy_cap_entry") == 0);

	/* paid: locked */
	struct errs e10 = { 0 };
	CHECK(royalty_period_pay(db, &actor_cli, snv, nov, &e10) == M_OK);
	struct royalty_item_input more = { .genre = 3, .coef = "4" };
	struct errs e11 = { 0 };
	CHECK(royalty_item_set(db, &actor_cli, snv, b, &more, &e11) == M_INVALID && strcmp(e11.e[0].key, "roy_locked") == 0);
	struct errs e12 = { 0 };
	CHECK(royalty_period_set(db, &actor_cli, snv, nov, "250000", NULL, NULL, &e12) == M_INVALID);
	struct errs e13 = { 0 };
	CHECK(royalty_period_pay(db, &actor_cli, snv, nov, &e13) == M_INVALID);
	/* an item first given its royalty after its period was paid: paid in the next period */
	struct royalty_item_input first = { .genre = 1, .coef = "1" };
	struct errs e13b = { 0 };
	CHECK(royalty_item_set(db, &actor_cli, snv, late, &first, &e13b) == M_OK);
	struct db_stmt *q = db_prepare(db, "SELECT period_id FROM royalty_entries WHERE item_id = ? AND ref_id IS NULL");
	db_bind_int(q, 1, late);
	int64_t late_period = 0;
	db_one_int(q, &late_period);
	db_finalize(q);
	CHECK(late_period > 0 && late_period != nov);
	/* the change as an adjustment: +234,000 in December, naming the entry */
	more.adjust = 1;
	struct errs e14 = { 0 };
	CHECK(royalty_item_set(db, &actor_cli, snv, b, &more, &e14) == M_OK);
	CHECK(count(db, "SELECT amount FROM royalty_entries WHERE ref_id IS NOT NULL AND item_id = ?", b) == 234000);
	CHECK(count(db, "SELECT count(*) FROM royalty_entries e JOIN royalty_periods p ON p.id = e.period_id"
			" WHERE e.item_id = ? AND e.ref_id IS NOT NULL AND p.start_day > 20400", b) == 1);
	CHECK(count(db, "SELECT amount FROM royalty_entries WHERE ref_id IS NULL AND item_id = ?", b) == 702000); /* unchanged */
	json_t *item = royalty_item_get(db, &actor_cli, snv, b);
	CHECK_STR(json_string_value(json_object_get(json_object_get(item, "entry"), "coef_label")), "4");
	CHECK(json_array_size(json_object_get(item, "adjustments")) == 1);
	json_decref(item);
	/* the same again changes nothing more */
	struct errs e15 = { 0 };
	CHECK(royalty_item_set(db, &actor_cli, snv, b, &more, &e15) == M_OK);
	CHECK(count(db, "SELECT coalesce(sum(amount), 0) FROM royalty_entries WHERE ref_id IS NOT NULL AND item_id = ?", b) == 234000);

	/* the report: November's items, paid; the province sees both sites */
	int32_t from = (int32_t)(t_vn_at("2026-11-01", 0, 0) / 86400), to = from + 29;
	json_t *r = royalty_report(db, &actor_cli, snv, from, to);
	CHECK(json_integer_value(json_object_get(r, "total")) == 1287000 + 234000 + 234000); /* the adjustment, the late item */
	CHECK(json_integer_value(json_object_get(r, "paid")) == 1287000);
	CHECK(json_integer_value(json_object_get(r, "items")) == 3);
	json_decref(r);
	struct royalty_item_input one = { .genre = 1, .coef = "1" };
	struct errs e16 = { 0 };
	CHECK(royalty_item_set(db, &actor_cli, stc, other, &one, &e16) == M_OK);
	r = royalty_report(db, &actor_cli, 0, from, to);
	CHECK(json_array_size(json_object_get(r, "by_site")) == 2);
	CHECK(json_integer_value(json_object_get(r, "total")) == 1287000 + 234000 + 234000 + 234000);
	json_decref(r);
	/* every change audited */
	CHECK(count(db, "SELECT count(*) FROM audit WHERE action LIKE 'royalty.%' AND ? = 0", 0) >= 8);
	time_fix(0);
	db_close(db);
}

TEST(royalty_genres_per_site_and_permissions)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db && t_add_site(db, "Cổng chính", "main", NULL)))
		return;
	int64_t snv = t_add_site(db, "Sở Nội vụ", NULL, NULL);
	json_t *g = royalty_genres(db, &actor_cli, snv);
	CHECK(json_array_size(g) == 8);
	CHECK(json_integer_value(json_object_get(json_array_get(g, 7), "max_coef")) == 500);
	json_decref(g);
	struct errs e = { 0 };
	CHECK(royalty_genre_set(db, &actor_cli, snv, 1, "Tin", "12", &e) == M_OK);
	g = royalty_genres(db, &actor_cli, snv);
	CHECK(json_integer_value(json_object_get(json_array_get(g, 0), "max_coef")) == 120);
	CHECK(!json_is_true(json_object_get(json_array_get(g, 0), "is_default")));
	json_decref(g);
	struct errs e2 = { 0 };
	CHECK(royalty_genre_set(db, &actor_cli, snv, 1, "", "0", &e2) == M_INVALID && e2.n == 2);
	struct errs e3 = { 0 };
	CHECK(royalty_settings_set(db, &actor_cli, snv, "250.000 đ", "quarter", &e3) == M_OK);
	json_t *st = royalty_settings(db, snv);
	CHECK(json_integer_value(json_object_get(st, "unit_value")) == 250000);
	json_decref(st);
	/* an account with no role sees nothing and changes nothing */
	struct actor nobody = { 12345, 0, "test" };
	CHECK(royalty_genres(db, &nobody, snv) == NULL);
	CHECK(royalty_people(db, &nobody, snv) == NULL);
	CHECK(royalty_report(db, &nobody, 0, 0, 100000) == NULL);
	struct errs e4 = { 0 };
	CHECK(royalty_genre_set(db, &nobody, snv, 1, "Tin", "10", &e4) == M_DENIED);
	db_close(db);
}

TEST(royalty_publish_is_one_transaction)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db && t_add_site(db, "Cổng chính", "main", NULL)))
		return;
	int64_t snv = t_add_site(db, "Sở Nội vụ", NULL, NULL);
	struct article_input in = { 0 };
	struct errs e = { 0 };
	struct act_input none = { 0 };
	int64_t id = 0;
	in.title = "Lễ khai giảng lớp bồi dưỡng";
	in.body = "Nội dung.";
	in.category_id = category_for_kind(db, snv, "article");
	CHECK(article_save(db, &actor_cli, snv, 0, &in, &e, &id) == M_OK);
	CHECK(article_act(db, &actor_cli, snv, id, "submit", &none, &e) == M_OK);
	CHECK(article_act(db, &actor_cli, snv, id, "edited", &none, &e) == M_OK);
	/* a coefficient above the maximum: neither the publication nor the royalty */
	struct royalty_item_input bad = { .genre = 3, .coef = "11" };
	struct errs e1 = { 0 };
	CHECK(royalty_publish(db, &actor_cli, snv, id, &none, &bad, &e1) == M_INVALID && strcmp(e1.e[0].field, "coef") == 0);
	CHECK(count(db, "SELECT count(*) FROM items WHERE id = ? AND published_at IS NULL", id) == 1);
	CHECK(count(db, "SELECT count(*) FROM royalty_entries WHERE item_id = ?", id) == 0);
	struct royalty_item_input good = { .genre = 3, .coef = "1,5" };
	struct errs e2 = { 0 };
	CHECK(royalty_publish(db, &actor_cli, snv, id, &none, &good, &e2) == M_OK);
	CHECK(count(db, "SELECT count(*) FROM items WHERE id = ? AND state = 'published'", id) == 1);
	CHECK(count(db, "SELECT amount FROM royalty_entries WHERE item_id = ?", id) == 351000);
	db_close(db);
}
