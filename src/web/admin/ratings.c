/* ratings.c — the satisfaction ratings' results for the board (model/rating.h;
 * docs/ratings-polls.md).
 * WEBPAGE: GET /quan-tri/danh-gia        ?ky=YYYY-MM | YYYY-Qn | YYYY (default: this month): the site's
 *                                      count and averages per criterion, the counts of each score,
 *                                      the months, the comments (reading them is audited); on the
 *                                      main portal also every site's row
 * WEBPAGE: GET /quan-tri/danh-gia.xlsx   the same period as a spreadsheet for the periodic reports:
 *                                      one row per site (the main portal: every site) */
#include "web/web.h"
#include "base/locale.h"
#include "base/util.h"
#include "model/rating.h"
#include "report/table.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static int64_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

static int is_main(struct req *r)
{
	const char *k = json_string_value(json_object_get(r->site, "kind"));
	return k && strcmp(k, "main") == 0;
}

/* The period asked for (?ky), or this month: 0, or -1 when it is not one (400 answered). */
static int period_of(struct req *r, char *ky, size_t kn, char from[8], char to[8], char *label, size_t n)
{
	const char *p = req_arg(r, "ky");
	if (!p || !*p) {
		vn_date d = vn_days_to_date(vn_days_of_time(time_now()));
		char b[32];
		snprintf(b, sizeof(b), "%04d-%02d", d.y, d.m);
		snprintf(ky, kn, "%.7s", b);
	} else {
		snprintf(ky, kn, "%s", p);
	}
	if (rating_period(ky, from, to, label, n)) {
		resp_error(r, 400, "bad_request");
		return -1;
	}
	/* the period's name in the account's language: "Tháng 12/2026", "Quý IV/2026", "Năm 2026" */
	static const char *const roman[] = { "I", "II", "III", "IV" };
	int y = atoi(ky);
	if (strlen(ky) == 4)
		locale_format(label, n, rtr(r, "adm_rtc_year_fmt"), y);
	else if (ky[5] == 'Q')
		locale_format(label, n, rtr(r, "adm_rtc_quarter_fmt"), roman[ky[6] - '1'], y);
	else
		locale_format(label, n, rtr(r, "adm_rtc_month_fmt"), atoi(ky + 5), y);
	return 0;
}

/* The criteria's names in the account's language (locale "rating_crit_<key>", as the public form
 * names them). */
static void criteria_text(struct req *r, json_t *rep)
{
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(rep, "criteria"), i, c) {
		char key[48];
		snprintf(key, sizeof(key), "rating_crit_%s", json_string_value(json_object_get(c, "key")));
		json_object_set_new(c, "label", json_string(rtr(r, key)));
	}
}

void admin_ratings(struct req *r)
{
	char ky[16], from[8], to[8], label[48];
	if (period_of(r, ky, sizeof(ky), from, to, label, sizeof(label)))
		return;
	json_t *rep = rating_report(r->db, &r->actor, site_of(r), from, to, 1, is_main(r));
	if (!rep) {
		resp_error(r, 403, "forbidden");
		return;
	}
	criteria_text(r, rep);
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_ratings"));
	json_object_set_new(rep, "period_label", json_string(label));
	json_object_set_new(rep, "ky", json_string(ky));
	json_object_set_new(rep, "has_sites", json_boolean(json_object_get(rep, "sites") != NULL));
	json_object_set_new(rep, "has_comments", json_boolean(json_array_size(json_object_get(rep, "comments")) > 0));
	json_object_set_new(ctx, "ratings", rep);
	resp_render(r, 200, "admin/ratings", ctx);
}

void admin_ratings_export(struct req *r)
{
	char ky[16], from[8], to[8], label[48];
	if (period_of(r, ky, sizeof(ky), from, to, label, sizeof(label)))
		return;
	/* no comments in a file that leaves the portal: they may name someone */
	json_t *rep = rating_report(r->db, &r->actor, site_of(r), from, to, 0, 1);
	if (!rep) {
		resp_error(r, 403, "forbidden");
		return;
	}
	struct table t;
	char title[64];
	/* the workbook's title and columns in the requesting account's language */
	locale_format(title, sizeof(title), rtr(r, "adm_rtc_title_fmt"), label);
	table_init(&t, title);
	table_add_column(&t, rtr(r, "adm_cmp_site"), TABLE_TEXT);
	table_add_column(&t, rtr(r, "adm_rtc_period"), TABLE_TEXT);
	table_add_column(&t, rtr(r, "adm_rtc_count"), TABLE_INTEGER);
	for (int i = 0; i < RATING_NCRIT; i++) {
		char key[48];
		snprintf(key, sizeof(key), "rating_crit_%s", rating_keys[i]);
		table_add_column(&t, rtr(r, key), TABLE_NUMBER);
	}
	json_t *s;
	size_t i;
	int64_t me = site_of(r);
	json_array_foreach(json_object_get(rep, "sites"), i, s) {
		if (!is_main(r) && json_integer_value(json_object_get(s, "site_id")) != me)
			continue;
		char n[24], avg[RATING_NCRIT][24];
		const char *cells[3 + RATING_NCRIT];
		int64_t count = json_integer_value(json_object_get(s, "count"));
		snprintf(n, sizeof(n), "%lld", (long long)count);
		cells[0] = json_string_value(json_object_get(s, "name"));
		cells[1] = label;
		cells[2] = n;
		for (int c = 0; c < RATING_NCRIT; c++) {
			double a = json_real_value(json_object_get(json_array_get(json_object_get(s, "averages"), (size_t)c), "average"));
			snprintf(avg[c], sizeof(avg[c]), "%.2f", a);
			cells[3 + c] = count ? avg[c] : NULL;
		}
		table_add_row(&t, cells);
	}
	char fname[48];
	snprintf(fname, sizeof(fname), "danh-gia-%s", ky);
	web_send_table(r, &t, "xlsx", fname);
	table_release(&t);
	json_decref(rep);
}
