/* test_projects.c — the rules of investment projects, bidding packages and science tasks
 * (model/project.c) through kind_fields_clean, as the form and the CSV import reach them: each
 * message on its field. */
#include "t.h"
#include "model/kind.h"
#include "model/model.h"

#include <jansson.h>
#include <string.h>

static int has_err(const struct errs *e, const char *field, const char *key)
{
	for (int i = 0; i < e->n; i++)
		if (strcmp(e->e[i].field, field) == 0 && (!key || strcmp(e->e[i].key, key) == 0))
			return 1;
	return 0;
}

/* Cleans RAW (taken) as kind NAME's fields into E; returns the clean fields. */
static json_t *clean(const char *name, json_t *raw, struct errs *e)
{
	json_t *out = NULL;
	e->n = 0;
	kind_fields_clean(kind_find(name), raw, &out, e);
	json_decref(raw);
	return out;
}

/* A valid package: open bidding, inviting bids. */
static json_t *package(void)
{
	return json_pack("{ss ss ss ss ss ss ss ss ss ss}", "trang_thai", "moi-thau", "ben_moi_thau", "Sở Y tế",
			 "linh_vuc", "Hàng hóa", "hinh_thuc", "dau-thau-rong-rai", "gia_goi_thau", "27.900.000.000 đồng",
			 "ngay_dang", "30/11/2026", "ngay_dong_thau", "22/12/2026", "gio_dong_thau", "10:00",
			 "ngay_mo_thau", "22/12/2026", "du_an", "VL-DA-2024-008");
}

TEST(bidding_a_valid_notice)
{
	struct errs e;
	json_t *f = clean("bidding", package(), &e);
	CHECK(e.n == 0);
	CHECK(json_integer_value(json_object_get(f, "gia_goi_thau")) == 27900000000LL);
	CHECK_STR(json_string_value(json_object_get(f, "linh_vuc")), "hang-hoa"); /* the label typed, the key kept */
	CHECK_STR(json_string_value(json_array_get(json_object_get(f, "du_an"), 0)), "VL-DA-2024-008");
	json_decref(f);
}

TEST(bidding_dates_in_order_and_the_closing_time)
{
	struct errs e;
	json_t *raw = package();
	json_object_set_new(raw, "ngay_dong_thau", json_string("29/11/2026"));
	json_object_set_new(raw, "ngay_mo_thau", json_string("28/11/2026"));
	json_object_set_new(raw, "gio_dong_thau", json_string("24:00"));
	json_decref(clean("bidding", raw, &e));
	CHECK(has_err(&e, "ngay_dong_thau", "bidding_close_before_issue"));
	CHECK(has_err(&e, "ngay_mo_thau", "bidding_open_before_close"));
	CHECK(has_err(&e, "gio_dong_thau", "bidding_time_invalid"));

	/* the same day is fine; a time without its day is not */
	raw = package();
	json_object_set_new(raw, "ngay_dong_thau", json_string("30/11/2026"));
	json_object_set_new(raw, "ngay_mo_thau", json_string(""));
	json_decref(clean("bidding", raw, &e));
	CHECK(e.n == 0);
	raw = package();
	json_object_set_new(raw, "ngay_dong_thau", json_string(""));
	json_object_set_new(raw, "hinh_thuc", json_string("chi-dinh-thau"));
	json_decref(clean("bidding", raw, &e));
	CHECK(has_err(&e, "ngay_dong_thau", "bidding_close_required"));
	/* open bidding: the closing day is required while inviting; direct appointment: not */
	raw = package();
	json_object_set_new(raw, "ngay_dong_thau", json_string(""));
	json_object_set_new(raw, "gio_dong_thau", json_string(""));
	json_decref(clean("bidding", raw, &e));
	CHECK(has_err(&e, "ngay_dong_thau", "bidding_close_required"));
	raw = package();
	json_object_set_new(raw, "ngay_dong_thau", json_string(""));
	json_object_set_new(raw, "gio_dong_thau", json_string(""));
	json_object_set_new(raw, "ngay_mo_thau", json_string(""));
	json_object_set_new(raw, "hinh_thuc", json_string("chi-dinh-thau"));
	json_decref(clean("bidding", raw, &e));
	CHECK(e.n == 0);
}

TEST(bidding_result_required_once_there_is_one)
{
	struct errs e;
	json_t *raw = package();
	json_object_set_new(raw, "trang_thai", json_string("co-ket-qua"));
	json_decref(clean("bidding", raw, &e));
	CHECK(has_err(&e, "nha_trung_thau", "bidding_result_required"));
	CHECK(has_err(&e, "gia_trung_thau", "bidding_result_required"));
	CHECK(has_err(&e, "ngay_ket_qua", "bidding_result_required"));

	raw = package();
	json_object_set_new(raw, "trang_thai", json_string("Đã có kết quả"));
	json_object_set_new(raw, "nha_trung_thau", json_string("Công ty TNHH Thiết bị Y tế Cửu Long"));
	json_object_set_new(raw, "gia_trung_thau", json_string("28 tỷ"));
	json_object_set_new(raw, "ngay_ket_qua", json_string("01/11/2026"));
	json_decref(clean("bidding", raw, &e));
	CHECK(has_err(&e, "gia_trung_thau", "bidding_price_over"));
	CHECK(has_err(&e, "ngay_ket_qua", "bidding_result_before_issue"));
	CHECK(!has_err(&e, "nha_trung_thau", NULL));

	raw = package();
	json_object_set_new(raw, "trang_thai", json_string("co-ket-qua"));
	json_object_set_new(raw, "nha_trung_thau", json_string("Công ty TNHH Thiết bị Y tế Cửu Long"));
	json_object_set_new(raw, "gia_trung_thau", json_string("27.500.000.000"));
	json_object_set_new(raw, "ngay_ket_qua", json_string("2027-01-15"));
	json_decref(clean("bidding", raw, &e));
	CHECK(e.n == 0);

	raw = package();
	json_object_set_new(raw, "trang_thai", json_string("huy"));
	json_decref(clean("bidding", raw, &e));
	CHECK(has_err(&e, "ly_do_huy", "bidding_cancel_reason_required"));
}

TEST(project_dates_and_completion)
{
	struct errs e;
	json_t *raw = json_pack("{ss ss ss ss ss ss ss ss ss}", "trang_thai", "hoan-thanh", "linh_vuc", "Giao thông",
				"muc_tieu", "Nâng cấp đường", "chu_dau_tu", "UBND huyện Long Hồ", "ngay_phe_duyet", "20/05/2026",
				"thoi_gian_bat_dau", "01/02/2027", "thoi_gian_ket_thuc", "", "tong_muc_dau_tu", "14,75 tỷ",
				"nguon_von", "Ngân sách địa phương");
	json_t *f = clean("project", raw, &e);
	CHECK(has_err(&e, "thoi_gian_ket_thuc", "project_end_required"));
	CHECK(json_integer_value(json_object_get(f, "tong_muc_dau_tu")) == 14750000000LL);
	CHECK_STR(json_string_value(json_object_get(f, "nguon_von")), "ngan-sach-dia-phuong");
	json_decref(f);
	raw = json_pack("{ss ss ss ss ss ss ss ss}", "trang_thai", "chuan-bi", "linh_vuc", "Giao thông", "muc_tieu", "x",
			"chu_dau_tu", "y", "ngay_phe_duyet", "20/05/2026", "thoi_gian_bat_dau", "01/02/2027",
			"thoi_gian_ket_thuc", "31/12/2026", "tong_muc_dau_tu", "14,7 đồng");
	json_decref(clean("project", raw, &e));
	CHECK(has_err(&e, "thoi_gian_ket_thuc", "project_end_before_start"));
	CHECK(has_err(&e, "tong_muc_dau_tu", "money_invalid"));
	CHECK(!has_err(&e, "thoi_gian_ket_thuc", "project_end_required"));
}

TEST(science_acceptance)
{
	struct errs e;
	json_t *raw = json_pack("{ss ss ss ss ss ss ss ss ss}", "ma_so", "ĐT.03-2025/KHCN", "cap_quan_ly", "Cấp tỉnh",
				"linh_vuc", "Khoa học nông nghiệp", "to_chuc_chu_tri", "Trường Đại học Cửu Long", "chu_nhiem",
				"TS. Trần Thị Ngọc Hân", "trang_thai", "da-nghiem-thu", "ngay_bat_dau", "01/03/2025",
				"ngay_ket_thuc", "28/02/2027", "kinh_phi", "1.480.000.000");
	json_decref(clean("science", raw, &e));
	CHECK(has_err(&e, "ngay_nghiem_thu", "science_acceptance_required"));
	CHECK(has_err(&e, "bao_cao_tong_hop", "science_acceptance_required"));
	CHECK(has_err(&e, "bao_cao_ung_dung", "science_acceptance_required"));
	raw = json_pack("{ss ss ss ss ss ss ss ss}", "ma_so", "ĐT.03-2025/KHCN", "cap_quan_ly", "tinh", "linh_vuc",
			"Khoa học nông nghiệp", "to_chuc_chu_tri", "x", "chu_nhiem", "y", "trang_thai", "dang-thuc-hien",
			"ngay_bat_dau", "01/03/2025", "ngay_nghiem_thu", "01/01/2025");
	json_decref(clean("science", raw, &e));
	CHECK(has_err(&e, "ngay_nghiem_thu", "science_accepted_before_start"));
	CHECK(!has_err(&e, "ngay_nghiem_thu", "science_acceptance_required"));
}

TEST(tabs_must_be_a_filtered_closed_choice)
{
	static const struct kind_choice st[] = { { "a", "A" }, { "b", "B" }, { NULL, NULL } };
	static const struct kind_field notfilter[] = { { .key = "tt", .label = "TT", .type = F_ENUM, .choices = st } };
	static const struct kind_field open[] = { { .key = "tt", .label = "TT", .type = F_ENUM, .choices = st,
						    .flags = FF_FILTER | FF_OPEN } };
	static const struct kind_field good[] = { { .key = "tt", .label = "TT", .type = F_ENUM, .choices = st,
						    .flags = FF_FILTER } };
	const struct kind cases[] = {
		{ .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = notfilter, .nfields = 1, .tabs = "tt" },
		{ .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = open, .nfields = 1, .tabs = "tt" },
		{ .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = good, .nfields = 1, .tabs = "khac" },
	};
	char err[256];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		err[0] = 0;
		CHECK(kind_check(&cases[i], err, sizeof(err)) == -1 && strstr(err, "tabs") != NULL);
	}
	const struct kind ok = { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = good, .nfields = 1,
				 .tabs = "tt" };
	CHECK(kind_check(&ok, err, sizeof(err)) == 0);
}
