/* project.c — the hooks of investment projects, bidding packages and science and technology
 * tasks (project.h): their dates in order and what each status requires. The fields are clean
 * when these run (kind_fields_clean): dates "YYYY-MM-DD", amounts integers, choices by key. */
#include "internal.h"
#include "project.h"
#include "kind.h"

#include <string.h>

#include "base/banned.h"

static int32_t day(json_t *fields, const char *key)
{
	return kind_day(json_string_value(json_object_get(fields, key)));
}

/* 1 when KEY has a value (text, an amount, a file, a list that is not empty). */
static int has(json_t *fields, const char *key)
{
	json_t *v = json_object_get(fields, key);
	if (json_is_string(v))
		return *json_string_value(v) != 0;
	if (json_is_array(v))
		return json_array_size(v) > 0;
	return v && !json_is_null(v);
}

/* Adds KEY's "required" unless it has a value. */
static void need(json_t *fields, struct errs *e, const char *key, const char *msg)
{
	if (!has(fields, key))
		errs_add(e, key, msg);
}

/* The later date LATE before EARLY (both given): MSG on LATE. */
static void order(json_t *fields, struct errs *e, const char *early, const char *late, const char *msg)
{
	int32_t a = day(fields, early), b = day(fields, late);
	if (a && b && b < a)
		errs_add(e, late, msg);
}

void project_check(const struct kind *k, json_t *fields, struct errs *e)
{
	(void)k;
	order(fields, e, "thoi_gian_bat_dau", "thoi_gian_ket_thuc", "project_end_before_start");
	if (strcmp(kind_text(fields, "trang_thai"), "hoan-thanh") == 0)
		need(fields, e, "thoi_gian_ket_thuc", "project_end_required");
}

/* "hh:mm", 00:00 to 23:59. */
static int time_ok(const char *s)
{
	if (strlen(s) != 5 || s[2] != ':')
		return 0;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return 0;
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	return h < 24 && m < 60;
}

void bidding_check(const struct kind *k, json_t *fields, struct errs *e)
{
	(void)k;
	const char *state = kind_text(fields, "trang_thai"), *method = kind_text(fields, "hinh_thuc");
	order(fields, e, "ngay_dang", "ngay_dong_thau", "bidding_close_before_issue");
	order(fields, e, "ngay_dong_thau", "ngay_mo_thau", "bidding_open_before_close");
	order(fields, e, "ngay_dang", "ngay_ket_qua", "bidding_result_before_issue");
	const char *t = kind_text(fields, "gio_dong_thau");
	if (*t && !time_ok(t))
		errs_add(e, "gio_dong_thau", "bidding_time_invalid");
	if (*t && !has(fields, "ngay_dong_thau"))
		errs_add(e, "ngay_dong_thau", "bidding_close_required");
	/* a notice inviting bids says until when (the methods with a closing time) */
	if (strcmp(state, "moi-thau") == 0 &&
	    (strcmp(method, "dau-thau-rong-rai") == 0 || strcmp(method, "dau-thau-han-che") == 0 ||
	     strcmp(method, "chao-hang-canh-tranh") == 0))
		need(fields, e, "ngay_dong_thau", "bidding_close_required");
	if (strcmp(state, "co-ket-qua") == 0) {
		need(fields, e, "nha_trung_thau", "bidding_result_required");
		need(fields, e, "gia_trung_thau", "bidding_result_required");
		need(fields, e, "ngay_ket_qua", "bidding_result_required");
	}
	if (strcmp(state, "huy") == 0)
		need(fields, e, "ly_do_huy", "bidding_cancel_reason_required");
	/* the winning price does not exceed the package's (Luật Đấu thầu 2023) */
	json_t *won = json_object_get(fields, "gia_trung_thau"), *price = json_object_get(fields, "gia_goi_thau");
	if (json_is_integer(won) && json_is_integer(price) && json_integer_value(won) > json_integer_value(price))
		errs_add(e, "gia_trung_thau", "bidding_price_over");
}

void science_check(const struct kind *k, json_t *fields, struct errs *e)
{
	(void)k;
	order(fields, e, "ngay_bat_dau", "ngay_ket_thuc", "project_end_before_start");
	order(fields, e, "ngay_bat_dau", "ngay_nghiem_thu", "science_accepted_before_start");
	if (strcmp(kind_text(fields, "trang_thai"), "da-nghiem-thu") == 0) { /* VP Đ4.11.b: the results published */
		need(fields, e, "ngay_nghiem_thu", "science_acceptance_required");
		need(fields, e, "bao_cao_tong_hop", "science_acceptance_required");
		need(fields, e, "bao_cao_ung_dung", "science_acceptance_required");
	}
}
