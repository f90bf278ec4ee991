/* calendar.c — the province's working-day calendar for the system administrator: a year's days
 * off (the rules of Bộ luật Lao động 2019, or the year's official table), its number of working
 * days, and editing the table. The rules and the permission live in model/calendar.c.
 * WEBPAGE: GET  /quan-tri/lich-lam-viec           a year: nam (1900–2100, default this year)
 * WEBPAGE: POST /quan-tri/lich-lam-viec           put a day into its year's table: day (YYYY-MM-DD), kind (off|work), name
 * WEBPAGE: POST /quan-tri/lich-lam-viec/xoa       remove a day from the table: day
 * WEBPAGE: POST /quan-tri/lich-lam-viec/tao-bang  start a year's table from the rules: nam */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/calendar.h"

#include <string.h>

#include "base/banned.h"

#define CAL_PATH "/quan-tri/lich-lam-viec"

static int this_year(void)
{
	return vn_days_to_date(vn_days_of_time(time_now())).y;
}

/* The year a form's day belongs to, else the form's "nam", else this year. */
static int year_of_form(struct req *r)
{
	vn_date d;
	int64_t y;
	const char *day = req_form(r, "day"), *nam = req_form(r, "nam");
	if (day && vn_date_parse(day, &d) == 0 && d.y >= VN_YEAR_MIN && d.y <= VN_YEAR_MAX)
		return d.y;
	if (nam && parse_i64(nam, VN_YEAR_MIN, VN_YEAR_MAX, &y) == 0)
		return (int)y;
	return this_year();
}

/* The days' weekday, kind and source in the account's language. */
static void days_text(struct req *r, json_t *days)
{
	size_t i;
	json_t *d;
	json_array_foreach(days, i, d) {
		char key[32];
		snprintf(key, sizeof(key), "weekday_%lld", (long long)json_integer_value(json_object_get(d, "weekday_number")));
		json_object_set_new(d, "weekday", json_string(rtr(r, key)));
		snprintf(key, sizeof(key), "adm_calc_kind_%s", json_string_value(json_object_get(d, "kind")));
		json_object_set_new(d, "kind_label", json_string(rtr(r, key)));
		snprintf(key, sizeof(key), "adm_calc_source_%s", json_string_value(json_object_get(d, "source")));
		json_object_set_new(d, "source_label", json_string(rtr(r, key)));
	}
}

/* Renders YEAR with FORM (the add form's values, taken) and errors E (may be NULL). */
static void calendar_render(struct req *r, int status, int year, json_t *form, const struct errs *e)
{
	json_t *cal = calendar_year(r->db, year);
	if (!cal) {
		json_decref(form);
		resp_error(r, 500, "server_error");
		return;
	}
	days_text(r, json_object_get(cal, "days"));
	days_text(r, json_object_get(cal, "rules"));
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_calendar"));
	json_object_set_new(ctx, "year", json_integer(year));
	if (year > VN_YEAR_MIN)
		json_object_set_new(ctx, "prev_year", json_integer(year - 1));
	if (year < VN_YEAR_MAX)
		json_object_set_new(ctx, "next_year", json_integer(year + 1));
	json_object_set_new(ctx, "cal", cal);
	const char *kind = json_string_value(json_object_get(form, "kind"));
	json_object_set_new(form, "kind_work", json_boolean(kind && strcmp(kind, "work") == 0));
	json_object_set_new(ctx, "form", form);
	if (e)
		admin_errors(r, ctx, e);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	resp_render(r, status, "admin/calendar", ctx);
}

void admin_calendar(struct req *r)
{
	int year = (int)req_arg_int(r, "nam", this_year(), VN_YEAR_MIN, VN_YEAR_MAX);
	calendar_render(r, 200, year, json_object(), NULL);
}

static void saved(struct req *r, int year)
{
	struct sb loc = SB_INIT;
	sb_addf(&loc, CAL_PATH "?nam=%d&da-luu=1", year);
	resp_redirect(r, 303, loc.buf);
	sb_release(&loc);
}

/* Answers a model call's result: back to the year, the form again with its errors, or an error. */
static void calendar_result(struct req *r, int rc, const struct errs *e)
{
	int year = year_of_form(r);
	if (rc == M_OK) {
		saved(r, year);
	} else if (rc == M_INVALID) {
		json_t *form = json_object();
		static const char *const keep[] = { "day", "kind", "name" };
		for (size_t i = 0; i < ARRAY_SIZE(keep); i++)
			json_object_set_new(form, keep[i], json_string(req_form(r, keep[i]) ? req_form(r, keep[i]) : ""));
		calendar_render(r, 422, year, form, e);
	} else if (rc == M_DENIED) {
		resp_error(r, 403, "sysadmin_only");
	} else if (rc == M_NOTFOUND) {
		resp_error(r, 404, "calendar_not_found");
	} else {
		resp_error(r, 500, "server_error");
	}
}

void admin_calendar_set(struct req *r)
{
	struct errs e = { 0 };
	int rc = calendar_set(r->db, &r->actor, req_form(r, "day"), req_form(r, "kind"), req_form(r, "name"), &e);
	calendar_result(r, rc, &e);
}

void admin_calendar_unset(struct req *r)
{
	struct errs e = { 0 };
	calendar_result(r, calendar_unset(r->db, &r->actor, req_form(r, "day"), &e), &e);
}

void admin_calendar_seed(struct req *r)
{
	struct errs e = { 0 };
	int64_t year = 0;
	const char *s = req_form(r, "nam");
	if (!s || parse_i64(s, VN_YEAR_MIN, VN_YEAR_MAX, &year)) {
		errs_add(&e, "year", "calendar_year_invalid");
		calendar_result(r, M_INVALID, &e);
		return;
	}
	calendar_result(r, calendar_seed(r->db, &r->actor, (int)year, &e), &e);
}
