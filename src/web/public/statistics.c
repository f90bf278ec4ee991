/* statistics.c — the statistics kind's page additions (its table as an accessible HTML table, a
 * server-rendered SVG chart, the table's downloads) and each site's access-to-information page.
 * docs/statistics.md.
 * WEBPAGE: GET /thong-ke/<slug>-<id>               (items.c) + the table, chart and downloads
 * WEBPAGE: GET /thong-ke/<slug>-<id>/bang.csv      the table as CSV (UTF-8 with BOM)
 * WEBPAGE: GET /thong-ke/<slug>-<id>/bang.xlsx     the table as XLSX
 * WEBPAGE: GET /tiep-can-thong-tin                 the site's access-to-information section */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/item.h"
#include "model/kind.h"
#include "model/statistics.h"
#include "import/stattable.h"
#include "report/chart_xy.h"
#include "report/table.h"
#include "vn/calendar.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define PAGE_ROWS 1000     /* rows the page shows; the downloads have them all */
#define ACCESS_ROWS 20     /* items per group on the access-to-information page */

/* The kept table of a statistics item's fields (its "bang" file of SITE_ID), or NULL. */
static json_t *table_of(struct req *r, int64_t site_id, json_t *fields)
{
	json_t *v = json_object_get(fields, "bang");
	if (!json_is_integer(v))
		return NULL;
	json_t *m = media_get(r->db, json_integer_value(v));
	json_t *t = m && json_integer_value(json_object_get(m, "site_id")) == site_id
		? stat_table_get(r->db, json_string_value(json_object_get(m, "sha256"))) : NULL;
	json_decref(m);
	return t;
}

static int col_numeric(json_t *cols, size_t c)
{
	return json_is_true(json_object_get(json_array_get(cols, c), "numeric"));
}

/* How column C's numbers are written: 1 the Vietnamese way ("1.234,5"); 2 without grouping
 * ("2024", "12,5"): the first column (categories: years, codes) and columns of years ("Năm…"). */
static int col_style(json_t *cols, size_t c)
{
	if (!col_numeric(cols, c))
		return 0;
	const char *name = json_string_value(json_object_get(json_array_get(cols, c), "name"));
	return c == 0 || (name && (!strncmp(name, "Năm", 4) || !strncmp(name, "năm", 4) || !strncmp(name, "Year", 4))) ? 2 : 1;
}

/* A cell as people read it: numbers the Vietnamese way (STYLE, col_style), "" for an empty cell. */
static void cell_text(json_t *v, int style, char out[64], const char **text)
{
	*text = json_string_value(v);
	if (*text && style == 1) {
		stat_number_vi(*text, out);
		*text = out;
	} else if (*text && style == 2) {
		snprintf(out, 64, "%s", *text);
		char *dot = strchr(out, '.');
		if (dot)
			*dot = ',';
		*text = out;
	}
	if (!*text)
		*text = "";
}

/* The chart of T: the first column's values as categories, each numeric column after it a
 * series (the first CHART_XY_MAX_SERIES); NULL when there is nothing to draw. */
static char *chart_svg(struct req *r, json_t *t, const char *title, const char *unit)
{
	json_t *cols = json_object_get(t, "columns"), *rows = json_object_get(t, "rows");
	size_t nc = json_array_size(cols), nr = json_array_size(rows);
	size_t ser[CHART_XY_MAX_SERIES], ns = 0;
	for (size_t c = 1; c < nc && ns < CHART_XY_MAX_SERIES; c++)
		if (col_numeric(cols, c))
			ser[ns++] = c;
	if (!ns || !nr || nr > CHART_XY_MAX_CATEGORIES)
		return NULL;
	const char **series = xcalloc(ns, sizeof(char *));
	const char **cats = xcalloc(nr, sizeof(char *));
	char (*catbuf)[64] = xcalloc(nr, 64);
	double *vals = xcalloc(nr * ns, sizeof(double));
	for (size_t s = 0; s < ns; s++)
		series[s] = json_string_value(json_object_get(json_array_get(cols, ser[s]), "name"));
	for (size_t i = 0; i < nr; i++) {
		json_t *row = json_array_get(rows, i);
		cell_text(json_array_get(row, 0), col_style(cols, 0), catbuf[i], &cats[i]);
		for (size_t s = 0; s < ns; s++) {
			const char *v = json_string_value(json_array_get(row, ser[s]));
			vals[i * ns + s] = v ? strtod(v, NULL) : NAN;
		}
	}
	int line = nr > 24 || chart_xy_is_time(cats, nr);
	struct sb desc = SB_INIT, out = SB_INIT;
	sb_addf(&desc, "%s: %s", rtr(r, line ? "stat_line_chart" : "stat_bar_chart"), ns > 1 ? rtr(r, "stat_all_columns") : series[0]);
	sb_addf(&desc, " %s %s", rtr(r, "list_by"), json_string_value(json_object_get(json_array_get(cols, 0), "name")));
	if (unit && *unit)
		sb_addf(&desc, " (%s %s)", rtr(r, "stat_unit"), unit);
	sb_addf(&desc, ". %s", rtr(r, "stat_desc_after"));
	struct chart_xy c = { "bieu-do", title, desc.buf, line, series, ns, cats, nr, vals };
	char *svg = chart_xy_svg(&c, &out) == 0 ? sb_detach(&out, NULL) : NULL;
	sb_release(&out);
	sb_release(&desc);
	free(series);
	free(cats);
	free(catbuf);
	free(vals);
	return svg;
}

void statistics_item_view(struct req *r, const struct kind *k, json_t *row, json_t *item, json_t *ctx)
{
	(void)k;
	(void)ctx;
	int64_t site_id = json_integer_value(json_object_get(r->site, "id"));
	json_t *f = item_row_fields(row);
	char period[64];
	statistics_period_text(json_string_value(json_object_get(f, "ky")), json_string_value(json_object_get(f, "ngay_ky")),
			       period);
	if (*period)
		json_object_set_new(item, "period", json_string(period));
	/* the table's view with its chart, kept with the connection until the database changes (all
	 * from the item and its stored table), shared by the page, which only reads it */
	struct sb vkey = SB_INIT;
	web_fragment_prefix(r, &vkey, 'S');
	sb_addf(&vkey, "view|%lld", (long long)json_integer_value(json_object_get(row, "id")));
	json_t *kept_view = web_kept_json(r, vkey.buf);
	if (kept_view) {
		if (json_is_object(kept_view))
			json_object_set(item, "stat", kept_view);
		sb_release(&vkey);
		return;
	}
	const char *unit = json_string_value(json_object_get(f, "don_vi_tinh"));
	json_t *t = table_of(r, site_id, f);
	if (!t) {
		web_keep_json(r, vkey.buf, json_null());
		sb_release(&vkey);
		return;
	}
	json_t *cols = json_object_get(t, "columns"), *rows = json_object_get(t, "rows");
	size_t nc = json_array_size(cols), nr = json_array_size(rows);
	json_t *head = json_array(), *body = json_array();
	for (size_t c = 0; c < nc; c++)
		json_array_append_new(head, json_pack("{sOsb}", "name", json_object_get(json_array_get(cols, c), "name"),
						      "numeric", col_numeric(cols, c)));
	for (size_t i = 0; i < nr && i < PAGE_ROWS; i++) {
		json_t *src = json_array_get(rows, i), *cells = json_array();
		for (size_t c = 0; c < nc; c++) {
			char buf[64];
			const char *text;
			cell_text(json_array_get(src, c), col_style(cols, c), buf, &text);
			json_array_append_new(cells, json_pack("{sssbsb}", "text", text, "numeric", col_numeric(cols, c),
							       "first", c == 0));
		}
		json_array_append_new(body, json_pack("{so}", "cells", cells));
	}
	const char *title = json_string_value(json_object_get(row, "title"));
	struct sb caption = SB_INIT;
	sb_adds(&caption, title);
	if (*period)
		sb_addf(&caption, " — %s", period);
	if (unit && *unit)
		sb_addf(&caption, " (%s %s)", rtr(r, "stat_unit"), unit);
	json_t *tv = json_pack("{sssososOsIsI}", "caption", caption.buf, "columns", head, "rows", body,
			       "format", json_object_get(t, "format"), "nrows", (json_int_t)nr, "ncols", (json_int_t)nc);
	sb_release(&caption);
	if (nr > PAGE_ROWS)
		json_object_set_new(tv, "cut", json_integer(PAGE_ROWS));
	const char *url = json_string_value(json_object_get(item, "url"));
	struct sb u = SB_INIT;
	sb_addf(&u, "%s/bang.csv", url);
	json_object_set_new(tv, "csv_url", json_string(u.buf));
	sb_reset(&u);
	sb_addf(&u, "%s/bang.xlsx", url);
	json_object_set_new(tv, "xlsx_url", json_string(u.buf));
	sb_release(&u);
	/* the chart, kept with the connection until the database changes (drawn from the stored
	 * table, the title and the unit: all the item's, all changed only by a write) */
	struct sb ckey = SB_INIT;
	web_fragment_prefix(r, &ckey, 'S');
	sb_addf(&ckey, "%lld", (long long)json_integer_value(json_object_get(row, "id")));
	size_t clen;
	const char *kept = web_fragment_get(r, ckey.buf, &clen);
	if (kept) { /* checked when it was drawn */
		if (clen)
			json_object_set_new(tv, "chart_svg", json_stringn_nocheck(kept, clen));
	} else {
		char *svg = chart_svg(r, t, title, unit);
		json_t *sv = svg ? json_string(svg) : NULL; /* escaped by chart_xy_svg: the one value printed raw */
		web_fragment_put(r, ckey.buf, sv ? json_string_value(sv) : "", sv ? json_string_length(sv) : 0);
		if (sv)
			json_object_set_new(tv, "chart_svg", sv);
		free(svg);
	}
	sb_release(&ckey);
	web_keep_json(r, vkey.buf, tv);
	sb_release(&vkey);
	json_object_set_new(item, "stat", tv);
	json_decref(t);
}

void page_stat_table(struct req *r)
{
	const struct kind *k = kind_find("statistics");
	int64_t site_id = json_integer_value(json_object_get(r->site, "id"));
	int64_t id = web_slug_id(r->captures[0], NULL);
	size_t plen = strlen(r->path);
	int csv = plen > 9 && strcmp(r->path + plen - 9, "/bang.csv") == 0;
	json_t *row = k && id > 0 ? item_get_public(r->db, site_id, k->name, id) : NULL;
	json_t *t = row ? table_of(r, site_id, item_row_fields(row)) : NULL;
	if (!t) {
		json_decref(row);
		resp_error(r, 404, "item_not_found");
		return;
	}
	json_t *cols = json_object_get(t, "columns"), *rows = json_object_get(t, "rows");
	size_t nc = json_array_size(cols);
	struct table tb;
	table_init(&tb, json_string_value(json_object_get(row, "title")));
	for (size_t c = 0; c < nc; c++)
		table_add_column(&tb, json_string_value(json_object_get(json_array_get(cols, c), "name")),
				 col_numeric(cols, c) ? TABLE_NUMBER : TABLE_TEXT);
	const char **cells = xcalloc(nc, sizeof(char *));
	size_t i;
	json_t *src;
	json_array_foreach(rows, i, src) {
		for (size_t c = 0; c < nc; c++)
			cells[c] = json_string_value(json_array_get(src, c));
		table_add_row(&tb, cells);
	}
	free(cells);
	char name[120];
	snprintf(name, sizeof(name), "%.100s", json_string_value(json_object_get(row, "slug")));
	web_send_table(r, &tb, csv ? "csv" : "xlsx", *name ? name : "bang-so-lieu");
	table_release(&tb);
	json_decref(t);
	json_decref(row);
}

/* ---- the access-to-information page ---- */

/* A library file of SITE_ID as {url, title, ext, size_label}, or NULL. */
static json_t *library_file(struct req *r, int64_t site_id, int64_t id)
{
	json_t *m = id > 0 ? media_get(r->db, id) : NULL;
	if (!m || json_integer_value(json_object_get(m, "site_id")) != site_id) {
		json_decref(m);
		return NULL;
	}
	const char *title = json_string_value(json_object_get(m, "title"));
	json_t *o = json_pack("{sOsOsO}", "url", json_object_get(m, "url"), "ext", json_object_get(m, "ext"), "size_label",
			      json_object_get(m, "size_label"));
	json_object_set_new(o, "title", json_string(title && *title ? title : json_string_value(json_object_get(m, "orig_name"))));
	json_decref(m);
	return o;
}

void page_access_info(struct req *r)
{
	int64_t site_id = json_integer_value(json_object_get(r->site, "id"));
	json_t *ctx = web_public_ctx(r, rtr(r, "access_title"), "/tiep-can-thong-tin");
	web_crumb(ctx, rtr(r, "access_title"), NULL);
	json_t *info = access_info_get(r->db, site_id);

	/* the forms chosen from the library */
	json_t *forms = json_array(), *fm;
	size_t i;
	json_array_foreach(json_object_get(info, "forms"), i, fm) {
		json_t *file = library_file(r, site_id, json_integer_value(json_object_get(fm, "media_id")));
		if (file) {
			json_object_set(file, "code", json_object_get(fm, "code"));
			json_array_append_new(forms, file);
		}
	}
	json_object_del(info, "forms");
	json_object_set_new(info, "has_forms", json_boolean(json_array_size(forms) > 0));
	json_object_set_new(info, "forms", forms);
	/* the guide's paragraphs */
	json_t *paras = json_array();
	const char *g = json_string_value(json_object_get(info, "guide"));
	while (g && *g) {
		size_t n = strcspn(g, "\n");
		if (n)
			json_array_append_new(paras, json_stringn(g, n));
		g += n + (g[n] == '\n');
	}
	json_object_set_new(info, "guide_paras", paras);

	/* what the site has published that the law asks for, kind by kind, with the form, time and
	 * period of publication the portal itself gives them */
	json_t *groups = access_info_published(r->db, site_id, ACCESS_ROWS), *grp, *out = json_array();
	json_array_foreach(groups, i, grp) {
		json_t *rows = json_array(), *it;
		size_t j;
		const struct kind *k = kind_find(json_string_value(json_object_get(grp, "kind")));
		const struct kind_field *sortf = k ? kind_sort_field(k) : NULL;
		json_array_foreach(json_object_get(grp, "rows"), j, it) {
			char created[16] = "", published[40];
			json_t *f = item_row_fields(it);
			const char *day = sortf ? json_string_value(json_object_get(f, sortf->key)) : NULL;
			if (day && kind_day(day))
				vn_day_dmy(kind_day(day), created);
			time_format_vn_date(json_integer_value(json_object_get(it, "published_at")), published, sizeof(published));
			char *path = web_item_path(k->name, json_string_value(json_object_get(it, "slug")),
						   json_integer_value(json_object_get(it, "id")));
			json_array_append_new(rows, json_pack("{sOssssssssssss}", "title", json_object_get(it, "title"), "ref",
							      json_string_value(json_object_get(it, "ref")) ? json_string_value(json_object_get(it, "ref")) : "",
							      "created", created, "form", rtr(r, "access_form_online"), "published",
							      published, "period", rtr(r, "access_period_ongoing"), "url", path));
			free(path);
		}
		char list[80];
		snprintf(list, sizeof(list), "/%s", json_string_value(json_object_get(grp, "segment")));
		/* the group and the kind in the page's language (#16) */
		json_array_append_new(out, json_pack("{sssssIsssbsbso}", "group", kind_tr(req_texts(r), k, "access_group"),
						     "label", kind_tr(req_texts(r), k, NULL), "total", json_integer_value(json_object_get(grp, "total")),
						     "list_url", list, "more", json_integer_value(json_object_get(grp, "total")) > ACCESS_ROWS,
						     "has_rows", json_array_size(rows) > 0, "rows", rows));
	}
	json_decref(groups);

	/* the board's own entries */
	json_t *entries = json_array();
	int64_t ntotal = 0;
	const struct kind *dk = kind_find("disclosure");
	json_t *drows = dk ? item_list_public(r->db, site_id, dk->name, 0, NULL, 0, 50, 0, &ntotal, ITEM_ROWS_FULL) : NULL;
	json_t *it;
	json_array_foreach(drows, i, it) {
		json_t *f = item_row_fields(it);
		json_t *e = json_pack("{sOss}", "title", json_object_get(it, "title"), "ref",
				      json_string_value(json_object_get(it, "ref")) ? json_string_value(json_object_get(it, "ref")) : "");
		static const char *const keys[] = { "ngay_tao", "hinh_thuc", "thoi_diem", "thoi_han", "linh_vuc" };
		static const char *const names[] = { "created", "form", "published", "period", "group" };
		for (size_t j = 0; j < ARRAY_SIZE(keys); j++) {
			char *t = kind_value_text_tr(req_texts(r), dk, kind_field(dk, keys[j]), json_object_get(f, keys[j]));
			json_object_set_new(e, names[j], json_string(t));
			free(t);
		}
		char *path = web_item_path(dk->name, json_string_value(json_object_get(it, "slug")),
					   json_integer_value(json_object_get(it, "id")));
		json_object_set_new(e, "url", json_string(path));
		free(path);
		const char *link = json_string_value(json_object_get(f, "lien_ket"));
		if (link && *link)
			json_object_set_new(e, "link", json_string(link));
		json_t *file = library_file(r, site_id, json_integer_value(json_object_get(f, "tep_thong_tin")));
		if (file)
			json_object_set_new(e, "file", file);
		json_array_append_new(entries, e);
	}
	json_decref(drows);
	json_t *view = json_pack("{sosososbsIsb}", "info", info, "groups", out, "entries", entries, "has_entries",
				 json_array_size(entries) > 0, "entries_total", (json_int_t)ntotal, "entries_more", ntotal > 50);
	char eu[80];
	snprintf(eu, sizeof(eu), "/%s", dk ? dk->segment : "");
	json_object_set_new(view, "entries_url", json_string(eu));
	json_object_set_new(ctx, "access", view);
	resp_render(r, 200, "public/access_info", ctx);
}
