/* visits.c — the visit statistics for the board (model/visits.h, http/visits.h; docs/visits.md).
 * WEBPAGE: GET  /quan-tri/thong-ke-truy-cap          ?tu=YYYY-MM-DD&den=YYYY-MM-DD (default: the
 *                                                   last 30 days): views in the range, online now,
 *                                                   a chart per day, the top items and referrers;
 *                                                   on the main portal also every site's views;
 *                                                   the site's settings (its administrators)
 * WEBPAGE: POST /quan-tri/thong-ke-truy-cap/cap-nhat  the counts waiting in memory stored now
 * WEBPAGE: POST /quan-tri/thong-ke-truy-cap/cai-dat   public_counter, emc_site_id, emc_origin */
#include "web/web.h"
#include "base/util.h"
#include "http/visits.h"
#include "jobs/visits_job.h"
#include "model/visits.h"
#include "report/chart.h"
#include "report/chart_xy.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define DEFAULT_DAYS 30
#define TOP 20

static int64_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

static int is_main(struct req *r)
{
	const char *k = json_string_value(json_object_get(r->site, "kind"));
	return k && strcmp(k, "main") == 0;
}

/* The day of argument NAME ("YYYY-MM-DD"), or DEF when absent; -1 when it is not a date. */
static int day_arg(struct req *r, const char *name, int32_t def, int32_t *out)
{
	const char *s = req_arg(r, name);
	vn_date d;
	if (!s || !*s) {
		*out = def;
		return 0;
	}
	if (vn_date_parse(s, &d))
		return -1;
	*out = vn_date_to_days(d);
	return 0;
}

/* The views per day as a line (or bars for a short range): every day of the range. */
static char *day_chart(struct req *r, json_t *by_day)
{
	size_t n = json_array_size(by_day);
	if (!n || n > CHART_XY_MAX_CATEGORIES)
		return NULL;
	const char **cats = xcalloc(n, sizeof(*cats));
	char (*labels)[11] = xcalloc(n, sizeof(*labels));
	double *vals = xcalloc(n, sizeof(*vals));
	json_t *d;
	size_t i;
	json_array_foreach(by_day, i, d) {
		vn_day_dmy((int32_t)json_integer_value(json_object_get(d, "day")), labels[i]);
		cats[i] = labels[i];
		vals[i] = (double)json_integer_value(json_object_get(d, "total"));
	}
	const char *series[] = { rtr(r, "visits_views") };
	struct chart_xy c = { "luot-xem", rtr(r, "visits_chart_days"), rtr(r, "visits_chart_days_desc"), n > 14, series,
			      1, cats, n, vals };
	struct sb out = SB_INIT;
	char *svg = chart_xy_svg(&c, &out) == 0 ? sb_detach(&out, NULL) : NULL;
	sb_release(&out);
	free(cats);
	free(labels);
	free(vals);
	return svg;
}

/* Every site's views side by side (the main portal). */
static char *site_chart(struct req *r, json_t *by_site)
{
	size_t n = json_array_size(by_site);
	const char **cats = xcalloc(n ? n : 1, sizeof(*cats));
	int64_t *vals = xcalloc(n ? n : 1, sizeof(*vals));
	json_t *s;
	size_t i;
	json_array_foreach(by_site, i, s) {
		cats[i] = json_string_value(json_object_get(s, "site_name"));
		vals[i] = json_integer_value(json_object_get(s, "total"));
	}
	const char *series[] = { rtr(r, "visits_views") };
	struct chart_hbar c = { .id = "don-vi", .title = rtr(r, "visits_chart_sites"), .desc = rtr(r, "visits_chart_sites_desc"),
				.no_data = rtr(r, "visits_none"), .aSeries = series, .nSeries = 1, .aCategory = cats,
				.nCategory = n, .aValue = vals };
	struct sb out = SB_INIT;
	char *svg = chart_hbar_svg(&c, &out) == 0 ? sb_detach(&out, NULL) : NULL;
	sb_release(&out);
	free(cats);
	free(vals);
	return svg;
}

static void set_svg(json_t *o, const char *key, char *svg)
{
	/* made by report/chart*.c from escaped text: printed raw */
	if (svg)
		json_object_set_new(o, key, json_stringn_nocheck(svg, strlen(svg)));
	free(svg);
}

/* The page, with the settings form's values and errors when it was sent and refused. */
static void visits_page(struct req *r, json_t *form, const struct errs *e)
{
	int32_t today = vn_days_of_time(time_now()), from, to;
	if (day_arg(r, "tu", today - DEFAULT_DAYS + 1, &from) || day_arg(r, "den", today, &to) || from > to ||
	    to - from >= 3700) {
		resp_error(r, 400, "visits_err_range");
		return;
	}
	int64_t site_id = site_of(r);
	json_t *rep = visits_report(r->db, &r->actor, site_id, from, to);
	json_t *items = visits_top_items(r->db, &r->actor, site_id, from, to, TOP);
	json_t *refs = visits_top_referrers(r->db, &r->actor, site_id, from, to, TOP);
	if (!rep || !items || !refs) {
		json_decref(rep);
		json_decref(items);
		json_decref(refs);
		resp_error(r, 403, "forbidden");
		return;
	}
	json_t *ctx = admin_ctx(r, rtr(r, "visits_title"));
	json_t *v = json_object();
	char d[11];
	vn_date_format(vn_days_to_date(from), d);
	json_object_set_new(v, "from", json_string(d));
	vn_date_format(vn_days_to_date(to), d);
	json_object_set_new(v, "to", json_string(d));
	json_object_set(v, "total", json_object_get(rep, "total"));
	json_object_set_new(v, "online", json_integer(visits_online(site_id, time_now())));
	json_object_set_new(v, "pending", json_integer(visits_pending(site_id)));
	set_svg(v, "day_chart", day_chart(r, json_object_get(rep, "by_day")));
	json_t *it;
	size_t i;
	json_array_foreach(items, i, it) {
		char *u = web_item_path(json_string_value(json_object_get(it, "kind")),
					json_string_value(json_object_get(it, "slug")), json_integer_value(json_object_get(it, "item_id")));
		json_object_set_new(it, "url", json_string(u));
		free(u);
	}
	json_object_set_new(v, "items", items);
	json_object_set_new(v, "referrers", refs);
	if (is_main(r)) {
		json_t *prov = visits_report(r->db, &r->actor, 0, from, to);
		if (prov) {
			json_object_set(v, "site_rows", json_object_get(prov, "by_site"));
			json_object_set_new(v, "has_site_rows", json_true());
			json_object_set(v, "province_total", json_object_get(prov, "total"));
			set_svg(v, "site_chart", site_chart(r, json_object_get(prov, "by_site")));
		}
		json_decref(prov);
	}
	/* the settings: as stored, or as sent when they were refused */
	struct visit_settings s;
	if (visit_settings_get(r->db, site_id, &s) == 0 && !form) {
		char id[24] = "";
		if (s.emc_site_id)
			snprintf(id, sizeof(id), "%lld", (long long)s.emc_site_id);
		form = json_pack("{sbssss}", "public_counter", s.public_counter, "emc_site_id", id, "emc_origin", s.emc_origin);
	} else {
		json_incref(form);
	}
	json_object_set_new(v, "settings", form ? form : json_object());
	json_object_set_new(ctx, "visits", v);
	if (e)
		admin_errors(r, ctx, e);
	if (req_arg(r, "da-cap-nhat"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "visits_flushed")));
	else if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "visits_saved")));
	json_decref(rep);
	resp_render(r, e && e->n ? 422 : 200, "admin/visits", ctx);
}

void admin_visits(struct req *r)
{
	visits_page(r, NULL, NULL);
}

void admin_visits_flush(struct req *r)
{
	/* every site's counts go with the batch: they are one process's memory */
	if (visits_job_flush(r->db, time_now()) < 0) {
		resp_error(r, 500, "visits_err_flush");
		return;
	}
	if (audit_write(r->db, &r->actor, site_of(r), "visits.flush", "", "")) {
		resp_error(r, 500, "visits_err_flush");
		return;
	}
	resp_redirect(r, 303, "/quan-tri/thong-ke-truy-cap?da-cap-nhat=1");
}

void admin_visits_settings(struct req *r)
{
	struct errs e = { 0 };
	const char *counter = req_form(r, "public_counter");
	const char *emc = req_form(r, "emc_site_id"), *origin = req_form(r, "emc_origin");
	int rc = visit_settings_update(r->db, &r->actor, site_of(r), counter && *counter, emc, origin, &e);
	if (rc == M_INVALID) {
		json_t *form = json_pack("{sbssss}", "public_counter", counter && *counter, "emc_site_id", emc ? emc : "",
					 "emc_origin", origin ? origin : "");
		visits_page(r, form, &e);
		json_decref(form);
		return;
	}
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	resp_redirect(r, 303, "/quan-tri/thong-ke-truy-cap?da-luu=1");
}
