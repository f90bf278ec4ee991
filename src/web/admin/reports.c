/* reports.c — the periodic reports (model/report.h, docs/reports.md): a site's or the province's
 * report of a quarter, a half-year or a year, its charts, its printable page, its exports and
 * its sign-off (freezing).
 * WEBPAGE: GET  /quan-tri/bao-cao           the report (ky = "2026-q1" | "2026-h1" | "2026";
 *                                           pham-vi=tinh: the province's; phien-ban = a frozen
 *                                           version; so-sanh=1: with the previous period;
 *                                           dang = csv | xlsx for the exports)
 * WEBPAGE: GET  /quan-tri/bao-cao/ban-in    the same as a printable page
 * WEBPAGE: POST /quan-tri/bao-cao/chot      freeze it: ky, pham-vi, ghi-chu (why, for a correction) */
#include "web/web.h"
#include "model/kind.h"
#include "model/report.h"
#include "report/chart.h"
#include "report/table.h"
#include "vn/calendar.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static int is_main(struct req *r)
{
	return strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0;
}

/* "pham-vi=tinh": the province (site 0), from the main portal's admin only. */
static int64_t scope_of(struct req *r)
{
	const char *p = req_form(r, "pham-vi");
	if (!p)
		p = req_arg(r, "pham-vi");
	if (p && strcmp(p, "tinh") == 0 && is_main(r))
		return 0;
	return json_integer_value(json_object_get(r->site, "id"));
}

/* "Quý I/2026", "6 tháng đầu năm 2026", "Năm 2026" in the request's language. */
static void period_label(struct req *r, const struct report_period *p, struct sb *out)
{
	static const char *const roman[] = { "I", "II", "III", "IV" };
	if (p->span == REPORT_QUARTER)
		sb_addf(out, "%s %s/%d", rtr(r, "rep_quarter"), roman[p->part - 1], p->year);
	else if (p->span == REPORT_HALF)
		sb_addf(out, "%s %d", rtr(r, p->part == 1 ? "rep_half1" : "rep_half2"), p->year);
	else
		sb_addf(out, "%s %d", rtr(r, "rep_year"), p->year);
}

/* The periods begun by today, this year's and the two before, newest first, for the select. */
static json_t *period_options(struct req *r, const char *selected)
{
	int32_t today = vn_days_of_time(time_now());
	int year = vn_days_to_date(today).y;
	json_t *list = json_array();
	for (int y = year; y >= year - 2; y--) {
		static const struct {
			enum report_span span;
			int part;
		} order[] = { { REPORT_YEAR, 1 },    { REPORT_HALF, 2 },    { REPORT_HALF, 1 },   { REPORT_QUARTER, 4 },
			      { REPORT_QUARTER, 3 }, { REPORT_QUARTER, 2 }, { REPORT_QUARTER, 1 } };
		for (size_t i = 0; i < ARRAY_SIZE(order); i++) {
			struct report_period p;
			if (report_period_make(order[i].span, y, order[i].part, &p) || p.from_day > today)
				continue;
			struct sb l = SB_INIT;
			period_label(r, &p, &l);
			json_array_append_new(list, json_pack("{sssssb}", "code", p.code, "label", l.buf, "selected",
							      selected && strcmp(selected, p.code) == 0));
			sb_release(&l);
		}
	}
	return list;
}

/* The period asked for ("ky"), by default the last closed quarter; -1 with an error on "ky". */
static int period_of(struct req *r, struct report_period *p, struct errs *e)
{
	const char *ky = req_form(r, "ky");
	if (!ky)
		ky = req_arg(r, "ky");
	if (!ky || !*ky) {
		report_period_last_closed(REPORT_QUARTER, vn_days_of_time(time_now()), p);
		return 0;
	}
	if (report_period_parse(ky, p)) {
		errs_add(e, "ky", "rep_err_period");
		return -1;
	}
	return 0;
}

/* ---- numbers as text ---- */

static void num_text(char *buf, size_t n, json_t *v, int pct, int sign)
{
	if (pct) {
		double x = json_number_value(v);
		snprintf(buf, n, sign && x > 0 ? "+%.1f%%" : "%.1f%%", x);
	} else {
		long long x = (long long)json_integer_value(v);
		snprintf(buf, n, sign && x > 0 ? "+%lld" : "%lld", x);
	}
}

/* The cells of VALUES in the order of COLUMNS, with DELTA's beside each when comparing. */
static json_t *cells_of(json_t *columns, json_t *values, json_t *prev, json_t *delta)
{
	json_t *cells = json_array(), *col;
	size_t i;
	json_array_foreach(columns, i, col) {
		const char *k = json_string_value(json_object_get(col, "key"));
		int pct = strcmp(json_string_value(json_object_get(col, "kind")), "pct") == 0;
		char v[48], pv[48], dv[48];
		json_t *cell = json_object();
		num_text(v, sizeof(v), json_object_get(values, k), pct, 0);
		json_object_set_new(cell, "value", json_string(v));
		if (delta) {
			json_t *d = json_object_get(delta, k);
			num_text(pv, sizeof(pv), json_object_get(prev, k), pct, 0);
			num_text(dv, sizeof(dv), d, pct, 1);
			double x = json_number_value(d);
			json_object_set_new(cell, "prev", json_string(pv));
			json_object_set_new(cell, "delta", json_string(dv));
			json_object_set_new(cell, "delta_class", json_string(x > 0 ? "up" : x < 0 ? "down" : "same"));
		}
		json_array_append_new(cells, cell);
	}
	return cells;
}

/* A row's label: its locale key's text in the request's language, else its own label. */
static const char *row_label(struct req *r, json_t *row)
{
	const char *key = json_string_value(json_object_get(row, "label_key"));
	const char *label = json_string_value(json_object_get(row, "label"));
	const char *t = key ? rtr(r, key) : NULL;
	if (t && (strcmp(t, key) != 0 || !label))
		return t;
	/* a row of one kind of information (the obligations'): "unit — kind", the kind in the
	 * reader's language, kept on the row (its JSON owns the text) */
	const struct kind *k = kind_find(json_string_value(json_object_get(row, "kind")));
	if (k) {
		char both[768];
		snprintf(both, sizeof(both), "%s — %s", label ? label : "", kind_tr(req_texts(r), k, NULL));
		json_object_set_new(row, "label_shown", json_string(both));
		return json_string_value(json_object_get(row, "label_shown"));
	}
	return label ? label : "";
}

/* The section's bar chart (SVG), or NULL when it has none or nothing to draw. */
static char *section_chart(struct req *r, json_t *sec, const char *title)
{
	json_t *keys = json_object_get(sec, "chart"), *rows = json_object_get(sec, "rows"), *row;
	size_t ns = json_array_size(keys), nc = json_array_size(rows), i;
	if (!ns || ns > CHART_MAX_SERIES)
		return NULL;
	const char **series = xcalloc(ns, sizeof(*series));
	const char **cats = xcalloc(nc ? nc : 1, sizeof(*cats));
	int64_t *vals = xcalloc(nc ? nc * ns : 1, sizeof(*vals));
	json_t *col;
	size_t j;
	for (i = 0; i < ns; i++) {
		const char *k = json_string_value(json_array_get(keys, i));
		series[i] = k;
		json_array_foreach(json_object_get(sec, "columns"), j, col)
			if (strcmp(json_string_value(json_object_get(col, "key")), k) == 0)
				series[i] = rtr(r, json_string_value(json_object_get(col, "title_key")));
	}
	/* the rows with something to draw: a long list of zeros says nothing the table does not */
	size_t nshown = 0;
	json_array_foreach(rows, i, row) {
		int64_t sum = 0;
		for (j = 0; j < ns; j++) {
			json_int_t v = json_integer_value(json_object_get(json_object_get(row, "values"),
									   json_string_value(json_array_get(keys, j))));
			vals[nshown * ns + j] = v > 0 ? v : 0;
			sum += v > 0 ? v : 0;
		}
		if (sum)
			cats[nshown++] = row_label(r, row);
	}
	if (!nshown) {
		free(series);
		free(cats);
		free(vals);
		return NULL;
	}
	struct sb id = SB_INIT, svg = SB_INIT;
	sb_addf(&id, "bd-%s", json_string_value(json_object_get(sec, "key")));
	struct chart_hbar c = { .id = id.buf, .title = title, .desc = rtr(r, "rep_chart_desc"),
				.no_data = rtr(r, "rep_chart_no_data"), .aSeries = series, .nSeries = ns,
				.aCategory = cats, .nCategory = nshown, .aValue = vals };
	if (chart_hbar_svg(&c, &svg))
		sb_reset(&svg);
	free(series);
	free(cats);
	free(vals);
	sb_release(&id);
	return sb_detach(&svg, NULL);
}

/* The template's view of the report's sections. */
static json_t *sections_view(struct req *r, json_t *rep, int charts)
{
	json_t *out = json_array(), *sec;
	size_t i;
	int compare = json_object_get(rep, "compared_with") != NULL;
	json_array_foreach(json_object_get(rep, "sections"), i, sec) {
		const char *title = rtr(r, json_string_value(json_object_get(sec, "title_key")));
		json_t *cols = json_object_get(sec, "columns"), *v = json_object(), *hc = json_array(), *col, *row;
		size_t j;
		json_array_foreach(cols, j, col)
			json_array_append_new(hc, json_pack("{ss}", "title", rtr(r, json_string_value(json_object_get(col, "title_key")))));
		json_t *rows = json_array();
		json_array_foreach(json_object_get(sec, "rows"), j, row)
			json_array_append_new(rows, json_pack("{ssso}", "label", row_label(r, row), "cells",
							      cells_of(cols, json_object_get(row, "values"), json_object_get(row, "prev"),
								       compare ? json_object_get(row, "delta") : NULL)));
		json_object_set_new(v, "key", json_string(json_string_value(json_object_get(sec, "key"))));
		json_object_set_new(v, "title", json_string(title));
		json_object_set_new(v, "columns", hc);
		json_object_set_new(v, "has_rows", json_boolean(json_array_size(rows) > 0));
		json_object_set_new(v, "rows", rows);
		if (json_is_object(json_object_get(sec, "total")))
			json_object_set_new(v, "total", json_pack("{so}", "cells",
				cells_of(cols, json_object_get(sec, "total"), json_object_get(sec, "total_prev"),
					 compare ? json_object_get(sec, "total_delta") : NULL)));
		char *svg = charts ? section_chart(r, sec, title) : NULL;
		if (svg && *svg)
			json_object_set_new(v, "chart", json_string(svg));
		free(svg);
		json_array_append_new(out, v);
	}
	return out;
}

/* ---- exports ---- */

static const char *section_title(struct req *r, json_t *sec)
{
	return rtr(r, json_string_value(json_object_get(sec, "title_key")));
}

static void num_cell(char *buf, size_t n, json_t *v, int pct)
{
	if (pct)
		snprintf(buf, n, "%.1f", json_number_value(v));
	else
		snprintf(buf, n, "%lld", (long long)json_integer_value(v));
}

/* One line per number: section, row, column, value (and the previous period's and the
 * difference when comparing), with their stable keys for re-processing. */
static void report_csv_table(struct req *r, json_t *rep, struct table *t, int compare)
{
	static const char *const cols[] = { "rep_csv_section_key", "rep_csv_section", "rep_csv_row_key", "rep_csv_row",
					    "rep_csv_column_key", "rep_csv_column", "rep_csv_value", "rep_csv_prev", "rep_csv_delta" };
	for (size_t i = 0; i < ARRAY_SIZE(cols) - (compare ? 0 : 2); i++)
		table_add_column(t, rtr(r, cols[i]), i < 6 ? TABLE_TEXT : TABLE_NUMBER);
	json_t *sec, *row, *col;
	size_t i, j, k;
	json_array_foreach(json_object_get(rep, "sections"), i, sec) {
		json_t *columns = json_object_get(sec, "columns");
		size_t nrows = json_array_size(json_object_get(sec, "rows"));
		for (j = 0; j <= nrows; j++) {
			json_t *values, *prev, *delta;
			const char *rkey, *rlabel;
			if (j < nrows) {
				row = json_array_get(json_object_get(sec, "rows"), j);
				values = json_object_get(row, "values");
				prev = json_object_get(row, "prev");
				delta = json_object_get(row, "delta");
				rkey = json_string_value(json_object_get(row, "key"));
				rlabel = row_label(r, row);
			} else {
				values = json_object_get(sec, "total");
				if (!json_is_object(values))
					break;
				prev = json_object_get(sec, "total_prev");
				delta = json_object_get(sec, "total_delta");
				rkey = "total";
				rlabel = rtr(r, "rep_total");
			}
			json_array_foreach(columns, k, col) {
				const char *ck = json_string_value(json_object_get(col, "key"));
				int pct = strcmp(json_string_value(json_object_get(col, "kind")), "pct") == 0;
				char v[48], pv[48], dv[48];
				num_cell(v, sizeof(v), json_object_get(values, ck), pct);
				num_cell(pv, sizeof(pv), json_object_get(prev, ck), pct);
				num_cell(dv, sizeof(dv), json_object_get(delta, ck), pct);
				const char *cells[9] = { json_string_value(json_object_get(sec, "key")), section_title(r, sec), rkey,
							 rlabel, ck, rtr(r, json_string_value(json_object_get(col, "title_key"))), v, pv, dv };
				table_add_row(t, cells);
			}
		}
	}
}

/* A sheet per section: its rows, a column per number (and the previous period's and the
 * difference beside it when comparing), its total last. */
static void section_table(struct req *r, json_t *sec, struct table *t, int compare)
{
	json_t *cols = json_object_get(sec, "columns"), *col, *row;
	size_t nc = json_array_size(cols), per = compare ? 3 : 1, i, j;
	table_init(t, section_title(r, sec));
	table_add_column(t, rtr(r, "rep_csv_row"), TABLE_TEXT);
	json_array_foreach(cols, i, col) {
		const char *title = rtr(r, json_string_value(json_object_get(col, "title_key")));
		int pct = strcmp(json_string_value(json_object_get(col, "kind")), "pct") == 0;
		enum table_kind kind = pct ? TABLE_PERCENT : TABLE_INTEGER;
		table_add_column(t, title, kind);
		if (compare) {
			struct sb a = SB_INIT, b = SB_INIT;
			sb_addf(&a, "%s (%s)", title, rtr(r, "rep_csv_prev"));
			sb_addf(&b, "%s (%s)", title, rtr(r, "rep_csv_delta"));
			table_add_column(t, a.buf, kind);
			table_add_column(t, b.buf, pct ? TABLE_NUMBER : TABLE_INTEGER);
			sb_release(&a);
			sb_release(&b);
		}
	}
	size_t nrows = json_array_size(json_object_get(sec, "rows"));
	char(*buf)[48] = xcalloc(nc * per + 1, sizeof(*buf));
	const char **cells = xcalloc(nc * per + 1, sizeof(*cells));
	for (j = 0; j <= nrows; j++) {
		json_t *values, *prev, *delta;
		if (j < nrows) {
			row = json_array_get(json_object_get(sec, "rows"), j);
			values = json_object_get(row, "values");
			prev = json_object_get(row, "prev");
			delta = json_object_get(row, "delta");
			cells[0] = row_label(r, row);
		} else {
			values = json_object_get(sec, "total");
			if (!json_is_object(values))
				break;
			prev = json_object_get(sec, "total_prev");
			delta = json_object_get(sec, "total_delta");
			cells[0] = rtr(r, "rep_total");
		}
		json_array_foreach(cols, i, col) {
			const char *ck = json_string_value(json_object_get(col, "key"));
			int pct = strcmp(json_string_value(json_object_get(col, "kind")), "pct") == 0;
			size_t at = 1 + i * per;
			num_cell(buf[at], sizeof(buf[at]), json_object_get(values, ck), pct);
			cells[at] = buf[at];
			if (compare) {
				num_cell(buf[at + 1], sizeof(buf[at + 1]), json_object_get(prev, ck), pct);
				num_cell(buf[at + 2], sizeof(buf[at + 2]), json_object_get(delta, ck), pct);
				cells[at + 1] = buf[at + 1];
				cells[at + 2] = buf[at + 2];
			}
		}
		table_add_row(t, cells);
	}
	free(buf);
	free(cells);
}

static void report_export(struct req *r, json_t *rep, const char *how, const char *period_text)
{
	int compare = json_object_get(rep, "compared_with") != NULL;
	int64_t site = json_integer_value(json_object_get(rep, "site_id"));
	struct sb name = SB_INIT, title = SB_INIT;
	sb_addf(&name, "bao-cao-%s-%s%s", site ? json_string_value(json_object_get(r->site, "slug")) : "toan-tinh",
		json_string_value(json_object_get(rep, "period")), compare ? "-so-sanh" : "");
	sb_addf(&title, "%s %s", rtr(r, "rep_title"), period_text);
	if (strcmp(how, "csv") == 0) {
		struct table t;
		table_init(&t, title.buf);
		report_csv_table(r, rep, &t, compare);
		web_send_table(r, &t, how, name.buf);
		table_release(&t);
	} else {
		/* the first sheet says what the report is; then a sheet per section */
		size_t n = json_array_size(json_object_get(rep, "sections")), i;
		struct table *ts = xcalloc(n + 1, sizeof(*ts));
		const struct table **at = xcalloc(n + 1, sizeof(*at));
		table_init(&ts[0], rtr(r, "rep_sheet_info"));
		table_add_column(&ts[0], rtr(r, "rep_info_field"), TABLE_TEXT);
		table_add_column(&ts[0], rtr(r, "rep_info_value"), TABLE_TEXT);
		const char *site_name = site ? json_string_value(json_object_get(rep, "site_name")) : rtr(r, "rep_province");
		const char *rows[][2] = { { rtr(r, "rep_info_site"), site_name },
					  { rtr(r, "rep_info_period"), period_text },
					  { rtr(r, "rep_info_from"), json_string_value(json_object_get(rep, "from")) },
					  { rtr(r, "rep_info_to"), json_string_value(json_object_get(rep, "to")) },
					  { rtr(r, "rep_info_state"), json_is_true(json_object_get(rep, "frozen")) ? rtr(r, "rep_state_frozen") : rtr(r, "rep_state_live") },
					  { rtr(r, "rep_info_frozen_at"), json_string_value(json_object_get(rep, "frozen_at")) },
					  { rtr(r, "rep_info_compared"), json_string_value(json_object_get(rep, "compared_with")) } };
		for (i = 0; i < ARRAY_SIZE(rows); i++)
			if (rows[i][1])
				table_add_row(&ts[0], rows[i]);
		at[0] = &ts[0];
		for (i = 0; i < n; i++) {
			section_table(r, json_array_get(json_object_get(rep, "sections"), i), &ts[i + 1], compare);
			at[i + 1] = &ts[i + 1];
		}
		struct sb out = SB_INIT, disp = SB_INIT;
		char err[256];
		if (table_write_xlsx_book(at, n + 1, title.buf, &out, err, sizeof(err)) == 0) {
			sb_addf(&disp, "attachment; filename=\"%s.xlsx\"", name.buf);
			resp_header(r, "Content-Disposition", disp.buf);
			resp_bytes(r, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.buf, out.len);
		} else {
			log_error("%s.xlsx: %s", name.buf, err);
			resp_error(r, 500, "server_error");
		}
		for (i = 0; i <= n; i++)
			table_release(&ts[i]);
		free(ts);
		free(at);
		sb_release(&out);
		sb_release(&disp);
	}
	sb_release(&name);
	sb_release(&title);
}

/* ---- the page ---- */

/* The query naming this report (scope and period), for links and forms. */
static void base_query(struct sb *q, int64_t scope, const struct report_period *p)
{
	sb_addf(q, "pham-vi=%s&ky=%s", scope ? "trang" : "tinh", p->code);
}

/* The report page (or its printable form) of SCOPE and P; with E (a refused freeze) the form's
 * errors and what was typed. */
static void report_render(struct req *r, int64_t scope, const struct report_period *p, int status, const struct errs *e,
			  const char *note, int print)
{
	int version = (int)req_arg_int(r, "phien-ban", 0, 0, 100000);
	int compare = req_arg(r, "so-sanh") != NULL;
	json_t *rep = NULL;
	int rc = report_get(r->db, &r->actor, scope, p, version, time_now(), &rep);
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	struct sb label = SB_INIT, heading = SB_INIT, q = SB_INIT;
	period_label(r, p, &label);
	const char *who = scope ? json_string_value(json_object_get(rep, "site_name")) : rtr(r, "rep_province");
	sb_addf(&heading, "%s %s — %s", rtr(r, "rep_title"), label.buf, who);
	if (compare) {
		struct report_period prev;
		json_t *old = NULL;
		report_period_previous(p, &prev);
		if (report_get(r->db, &r->actor, scope, &prev, 0, time_now(), &old) == M_OK) {
			report_compare(rep, old);
			struct sb pl = SB_INIT;
			period_label(r, &prev, &pl);
			json_object_set_new(rep, "compared_label", json_string(pl.buf));
			sb_release(&pl);
		}
		json_decref(old);
	}
	const char *how = req_arg(r, "dang");
	if (!print && how && (strcmp(how, "csv") == 0 || strcmp(how, "xlsx") == 0)) {
		report_export(r, rep, how, label.buf);
		json_decref(rep);
		sb_release(&label);
		sb_release(&heading);
		sb_release(&q);
		return;
	}
	json_t *ctx = admin_ctx(r, heading.buf);
	base_query(&q, scope, p);
	if (version)
		sb_addf(&q, "&phien-ban=%d", version);
	json_object_set_new(ctx, "query", json_string(q.buf));
	json_object_set_new(ctx, "compare", json_boolean(compare));
	json_object_set_new(ctx, "province", json_boolean(scope == 0));
	json_object_set_new(ctx, "can_province", json_boolean(is_main(r) && report_may_view(r->db, &r->actor, 0)));
	json_object_set_new(ctx, "ky", json_string(p->code));
	json_object_set_new(ctx, "period_label", json_string(label.buf));
	json_object_set_new(ctx, "who", json_string(who));
	json_object_set_new(ctx, "periods", period_options(r, p->code));
	json_object_set_new(ctx, "sections", sections_view(r, rep, 1));
	json_object_set(ctx, "frozen", json_object_get(rep, "frozen"));
	static const char *const keep[] = { "version", "frozen_at", "frozen_by", "note", "compared_label" };
	char day[11];
	vn_day_dmy(p->from_day, day);
	json_object_set_new(ctx, "from", json_string(day));
	vn_day_dmy(p->to_day, day);
	json_object_set_new(ctx, "to", json_string(day));
	for (size_t i = 0; i < ARRAY_SIZE(keep); i++)
		if (json_object_get(rep, keep[i]))
			json_object_set(ctx, keep[i], json_object_get(rep, keep[i]));
	if (!json_is_true(json_object_get(rep, "frozen"))) {
		char at[32];
		time_format_vn(json_integer_value(json_object_get(rep, "computed_at")), at, sizeof(at));
		json_object_set_new(ctx, "computed_at", json_string(at));
	}
	/* the versions signed off, each a link; freezing once the period is over */
	json_t *versions = report_versions(r->db, &r->actor, scope, p), *v;
	size_t i;
	json_array_foreach(versions, i, v) {
		struct sb u = SB_INIT;
		sb_adds(&u, "/quan-tri/bao-cao?");
		base_query(&u, scope, p);
		sb_addf(&u, "&phien-ban=%lld", (long long)json_integer_value(json_object_get(v, "version")));
		json_object_set_new(v, "url", json_string(u.buf));
		json_object_set_new(v, "current", json_boolean(json_integer_value(json_object_get(v, "version")) ==
							      json_integer_value(json_object_get(rep, "version"))));
		sb_release(&u);
	}
	json_object_set_new(ctx, "has_versions", json_boolean(json_array_size(versions) > 0));
	json_object_set_new(ctx, "correction", json_boolean(json_array_size(versions) > 0));
	json_object_set_new(ctx, "versions", versions);
	json_object_set_new(ctx, "can_freeze", json_boolean(p->to_day < vn_days_of_time(time_now())));
	json_object_set_new(ctx, "note_typed", json_string(note ? note : ""));
	if (e)
		admin_errors(r, ctx, e);
	if (req_arg(r, "da-chot"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "rep_frozen_notice")));
	json_decref(rep);
	sb_release(&label);
	sb_release(&heading);
	sb_release(&q);
	resp_render(r, status, print ? "admin/report-print" : "admin/reports", ctx);
}

static void report_page(struct req *r, int print)
{
	struct errs e = { 0 };
	struct report_period p;
	int64_t scope = scope_of(r);
	if (!report_may_view(r->db, &r->actor, scope)) {
		resp_error(r, 403, "forbidden");
		return;
	}
	if (period_of(r, &p, &e)) {
		/* a period that is not one: the form again, with the error beside the field */
		json_t *ctx = admin_ctx(r, rtr(r, "rep_title"));
		const char *ky = req_arg(r, "ky");
		json_object_set_new(ctx, "province", json_boolean(scope == 0));
		json_object_set_new(ctx, "can_province", json_boolean(is_main(r) && report_may_view(r->db, &r->actor, 0)));
		json_object_set_new(ctx, "periods", period_options(r, NULL));
		json_object_set_new(ctx, "ky", json_string(ky ? ky : ""));
		json_object_set_new(ctx, "bad_period", json_true());
		admin_errors(r, ctx, &e);
		resp_render(r, 422, "admin/reports", ctx);
		return;
	}
	report_render(r, scope, &p, 200, NULL, NULL, print);
}

void admin_reports(struct req *r)
{
	report_page(r, 0);
}

void admin_report_print(struct req *r)
{
	report_page(r, 1);
}

void admin_report_freeze(struct req *r)
{
	struct errs e = { 0 };
	struct report_period p;
	int64_t scope = scope_of(r);
	const char *note = req_form(r, "ghi-chu");
	if (period_of(r, &p, &e)) {
		resp_error(r, 400, "bad_request");
		return;
	}
	int version = 0;
	int rc = report_freeze(r->db, &r->actor, scope, &p, note ? note : "", time_now(), &e, &version);
	if (rc == M_INVALID) {
		report_render(r, scope, &p, 422, &e, note, 0);
		return;
	}
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	struct sb u = SB_INIT;
	sb_adds(&u, "/quan-tri/bao-cao?");
	base_query(&u, scope, &p);
	sb_addf(&u, "&phien-ban=%d&da-chot=1", version);
	resp_redirect(r, 303, u.buf);
	sb_release(&u);
}
