/* items.c — the public pages of every kind of item but news, built from the kind's descriptor
 * (model/kind.h): its list with the filters and the open-data exports, one item with its fields
 * and relations, and its print view. What is particular to legal documents (their validity, the
 * labels of their relations) is marked "legal:"; the head's metadata is web/public/metadata.c's.
 * WEBPAGE: GET /<segment>   list: one parameter per filterable field (its key), nam (year),
 *                           hieu_luc (legal: validity), q (a number), chuyen-muc (category id),
 *                           don-vi (a site's slug: the main portal's list of a province-wide
 *                           kind, kind.province_list), trang (page, 20 a page)
 * WEBPAGE: GET /<segment>.csv, /<segment>.json   the same filtered list, every row up to 10,000
 * WEBPAGE: GET /<segment>/<slug>-<id>            the item
 * WEBPAGE: GET /<segment>/<slug>-<id>/ban-in     print view  */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/arena.h"
#include "model/item.h"
#include "model/kind.h"
#include "model/legal.h"
#include "report/table.h"
#include "vn/calendar.h"
#include "vn/docnum.h"
#include "vn/legal.h"
#include "web/public/api.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define PER_PAGE 20
#define EXPORT_MAX 10000
#define REF_MAX 100 /* rows a number search shows */

static int is_legal(const struct kind *k)
{
	return strcmp(k->name, "legal") == 0;
}

/* A term the kind's derive hook computes with its values declared (kind.term_choices: a
 * consultation open or closed): filtered on, shown as a badge, exported, maybe its tabs. */
static int has_derived_term(const struct kind *k)
{
	return k->term_choices && k->list_term;
}

/* The label of the derived term's value V (V itself when unknown). */
static const char *derived_term_label(const struct kind *k, const char *v)
{
	for (const struct kind_choice *c = k->term_choices; v && c && c->key; c++)
		if (strcmp(c->key, v) == 0)
			return c->label;
	return v ? v : "";
}

/* The label of the derived term's value C in the page's language (#16). */
static const char *term_text(struct req *r, const struct kind *k, const struct kind_choice *c)
{
	char path[96];
	snprintf(path, sizeof(path), "term=%s", c->key);
	const char *s = kind_tr(req_texts(r), k, path);
	return s ? s : c->label;
}

/* The field the list's tabs are on (kind.tabs): a declared field, or the derived term as a
 * closed choice built in TMP. NULL: no tabs. */
static const struct kind_field *tabs_field(const struct kind *k, struct kind_field *tmp)
{
	if (!k->tabs)
		return NULL;
	if (has_derived_term(k) && strcmp(k->tabs, k->list_term) == 0) {
		*tmp = (struct kind_field){ .key = k->list_term, .label = k->term_label, .type = F_ENUM, .flags = FF_FILTER,
					    .choices = k->term_choices };
		return tmp;
	}
	return kind_field(k, k->tabs);
}

/* The kind whose list SEGMENT names (news has none: its lists are categories). */
static const struct kind *list_kind(const char *segment)
{
	const struct kind *k = kind_by_segment(segment);
	return k && strcmp(k->name, "article") != 0 ? k : NULL;
}

/* The address of an item: its path on this site, else the absolute URL on its own site. */
static char *item_url(struct req *r, int64_t site_id, const char *kind, const char *slug, int64_t id)
{
	char *path = web_item_path(kind, slug, id);
	if (site_id == json_integer_value(json_object_get(r->site, "id")))
		return path;
	json_t *site = site_get_kept(r->db, site_id);
	if (!site)
		return path;
	struct sb u = SB_INIT;
	web_add_site_url(&u, r, site);
	sb_truncate(&u, u.len - 1);
	sb_adds(&u, path);
	json_decref(site);
	free(path);
	return sb_detach(&u, NULL);
}

/* ---- the list ---- */

/* What a list request asks for: the filters read from the query, the number search, the page. */
struct list_query {
	const struct kind *k;
	/* whose items: the site's (and those it lists); 0 every site's, on the main portal's list of
	 * a province-wide kind (kind.province_list), or the one site its filter "don-vi" names */
	int64_t site_id;
	int province;
	const char *don_vi;
	struct item_filter f[ITEM_FILTERS_MAX];
	size_t nf;
	int64_t category_id;
	const char *q;
	int64_t page;
};

/* The filters' parameter names in the order they are read and written back. */
static size_t filter_keys(const struct kind *k, const char *out[ITEM_FILTERS_MAX])
{
	size_t n = 0;
	for (size_t i = 0; i < k->nfields && n < ITEM_FILTERS_MAX; i++)
		if (k->fields[i].flags & FF_FILTER)
			out[n++] = k->fields[i].key;
	if (n < ITEM_FILTERS_MAX)
		out[n++] = "nam";
	if (is_legal(k) && n < ITEM_FILTERS_MAX) /* legal: the computed validity */
		out[n++] = "hieu_luc";
	else if (has_derived_term(k) && n < ITEM_FILTERS_MAX)
		out[n++] = k->list_term;
	return n;
}

static void list_query_read(struct req *r, const struct kind *k, struct list_query *lq)
{
	const char *keys[ITEM_FILTERS_MAX];
	size_t n = filter_keys(k, keys);
	memset(lq, 0, sizeof(*lq));
	lq->k = k;
	for (size_t i = 0; i < n; i++) {
		const char *v = req_arg(r, keys[i]);
		if (v && *v)
			lq->f[lq->nf++] = (struct item_filter){ keys[i], v };
	}
	lq->site_id = json_integer_value(json_object_get(r->site, "id"));
	lq->province = k->province_list && strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0;
	if (lq->province) {
		const char *slug = req_arg(r, "don-vi");
		json_t *site = slug && *slug ? site_get_by_slug(r->db, slug) : NULL;
		/* a site that is not one lists nothing rather than everything */
		lq->site_id = site ? json_integer_value(json_object_get(site, "id")) : slug && *slug ? -1 : 0;
		lq->don_vi = slug && *slug ? slug : NULL;
		json_decref(site);
	}
	lq->category_id = req_arg_int(r, "chuyen-muc", 0, 0, INT64_MAX);
	lq->q = kind_ident_field(k) ? req_arg(r, "q") : NULL; /* the identifier's search */
	if (lq->q && !*lq->q)
		lq->q = NULL;
	lq->page = req_arg_int(r, "trang", 1, 1, 100000);
}

/* BASE followed by the query's parameters (the page when PAGE > 1). */
static char *list_link(const struct list_query *lq, const char *base, int64_t page)
{
	struct sb u = SB_INIT;
	char sep = '?';
	sb_adds(&u, base);
	for (size_t i = 0; i < lq->nf; i++) {
		sb_addf(&u, "%c%s=", sep, lq->f[i].key);
		sb_add_urlenc(&u, lq->f[i].value, strlen(lq->f[i].value));
		sep = '&';
	}
	if (lq->don_vi) {
		sb_addf(&u, "%cdon-vi=", sep);
		sb_add_urlenc(&u, lq->don_vi, strlen(lq->don_vi));
		sep = '&';
	}
	if (lq->category_id) {
		sb_addf(&u, "%cchuyen-muc=%lld", sep, (long long)lq->category_id);
		sep = '&';
	}
	if (lq->q) {
		sb_addf(&u, "%cq=", sep);
		sb_add_urlenc(&u, lq->q, strlen(lq->q));
		sep = '&';
	}
	if (page > 1)
		sb_addf(&u, "%ctrang=%lld", sep, (long long)page);
	return sb_detach(&u, NULL);
}

/* A legal document's validity STATUS (legal_status_key) in the page's language (#16). */
static const char *validity_label(struct req *r, const char *status)
{
	char key[80];
	snprintf(key, sizeof(key), "legal_status_%s", status ? status : "");
	return rtr(r, key);
}

/* V (legal_validity_of's) in the page's language: its label, and the reason that names no
 * other document. A reason naming the document that amended or repealed it stays the model's:
 * a translation has no relations of its own (docs/languages.md), so it never shows one. */
static void validity_tr(struct req *r, json_t *v)
{
	const char *status = json_string_value(json_object_get(v, "status"));
	json_object_set_new(v, "label", json_string(validity_label(r, status)));
	if (json_integer_value(json_object_get(v, "why_id")) || !json_object_get(v, "why"))
		return;
	if (status && strcmp(status, legal_status_key(LEGAL_EXPIRED)) == 0)
		json_object_set_new(v, "why", json_string(rtr(r, "legal_why_expired")));
	else if (status && strcmp(status, legal_status_key(LEGAL_NOT_YET)) == 0)
		json_object_set_new(v, "why", json_string(rtr(r, "legal_why_not_yet")));
}

/* A list row's cells for the table: the identifier, the title (linked), the other listed fields,
 * counted references, and (legal) the validity badge. */
static json_t *row_view(struct req *r, const struct kind *k, json_t *row, int province)
{
	json_t *f = item_row_fields(row), *cells = json_array();
	const struct kind_field *idf = kind_ident_field(k);
	int64_t id = json_integer_value(json_object_get(row, "id"));
	char *url = item_url(r, json_integer_value(json_object_get(row, "site_id")), k->name,
			     json_string_value(json_object_get(row, "slug")), id);
	if (idf && (idf->flags & FF_LIST)) {
		char *t = kind_value_text_tr(req_texts(r), k, idf, json_object_get(f, idf->key));
		json_array_append_new(cells, json_pack("{ss}", "text", t));
		free(t);
	}
	json_array_append_new(cells, json_pack("{sOsssb}", "text", json_object_get(row, "title"), "url", url, "is_title", 1));
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kind_field *fd = &k->fields[i];
		if (fd == idf || (fd->flags & FF_PERSONAL))
			continue;
		if (kind_field_counted(k, fd)) { /* a count (list_fields), or the references */
			json_t *v = json_object_get(f, fd->key);
			json_int_t n = json_is_integer(v) ? json_integer_value(v) : (json_int_t)json_array_size(v);
			json_array_append_new(cells, json_pack("{sI}", "text", n));
			continue;
		}
		if (!(fd->flags & FF_LIST))
			continue;
		json_t *v = json_object_get(f, fd->key);
		char *t = kind_value_text_tr(req_texts(r), k, fd, v);
		json_t *cell = json_pack("{ss}", "text", t);
		if (fd->type == F_DATE && *t)
			json_object_set(cell, "iso", v);
		json_array_append_new(cells, cell);
		free(t);
	}
	if (is_legal(k)) { /* legal: the validity as kept (the filter's own value; renewed on the day) */
		const char *st = json_string_value(json_object_get(row, "badge"));
		if (st)
			json_array_append_new(cells, json_pack("{sssssb}", "text", validity_label(r, st),
							      "status", st, "is_badge", 1));
		else
			json_array_append_new(cells, json_pack("{ss}", "text", ""));
	} else if (has_derived_term(k)) {
		const char *st = json_string_value(json_object_get(row, "badge"));
		json_array_append_new(cells, st ? json_pack("{sssssb}", "text", derived_term_label(k, st), "status", st, "is_badge", 1)
						: json_pack("{ss}", "text", ""));
	}
	if (province) { /* the province's list: whose it is */
		json_t *site = site_get_kept(r->db, json_integer_value(json_object_get(row, "site_id")));
		json_array_append_new(cells, json_pack("{ss}", "text", site ? json_string_value(json_object_get(site, "name")) : ""));
		json_decref(site);
	}
	free(url);
	return json_pack("{so}", "cells", cells);
}

/* The items IDS (in list order) rendered as the list's table rows into OUT: each from the memo,
 * else read (item_rows_by_ids, all the missing ones at once), rendered from its view (row_view)
 * and kept. */
static void rows_html(struct req *r, const struct kind *k, json_t *ids, int province, struct sb *out)
{
	size_t n = json_array_size(ids), i;
	struct sb key = SB_INIT;
	web_fragment_prefix(r, &key, 'r');
	size_t base = key.len;
	json_t *missing = json_array(), *rows = NULL;
	for (i = 0; i < n; i++) {
		size_t len;
		key.len = base;
		sb_addf(&key, "%s|%d|%lld", k->name, province, (long long)json_integer_value(json_array_get(ids, i)));
		if (!web_fragment_get(r, key.buf, &len))
			json_array_append(missing, json_array_get(ids, i));
	}
	if (json_array_size(missing))
		rows = item_rows_by_ids(r->db, missing, k->name, 0);
	/* each kept fragment looked up again, not remembered from the first pass: keeping a new one
	 * may start the memo again (web_fragment_put when full), which frees the old fragments */
	for (i = 0; i < n; i++) {
		json_int_t id = json_integer_value(json_array_get(ids, i));
		size_t len, j;
		key.len = base;
		sb_addf(&key, "%s|%d|%lld", k->name, province, (long long)id);
		const char *kept = web_fragment_get(r, key.buf, &len);
		if (kept) {
			sb_add(out, kept, len);
			continue;
		}
		json_t *row;
		json_array_foreach(rows, j, row) {
			if (json_integer_value(json_object_get(row, "id")) != id)
				continue;
			size_t at = out->len;
			json_t *view = row_view(r, k, row, province);
			web_render_part(r, k->tpl_row ? k->tpl_row : "public/item_row", view, out);
			json_decref(view);
			web_fragment_put(r, key.buf, out->buf + at, out->len - at);
			break;
		}
	}
	json_decref(rows);
	json_decref(missing);
	sb_release(&key);
}

/* The ids of the list's page (every one up to EXPORT_MAX for the exports): the query's number
 * search, else a page of the filtered list. *NOT_NUMBER is set when Q cannot be a number. */
static json_t *list_ids(struct req *r, const struct list_query *lq, int64_t limit, int64_t offset, int64_t *total,
			int *not_number)
{
	json_int_t site_id = lq->site_id;
	*not_number = 0;
	if (site_id < 0) { /* a site filter naming no site */
		*total = 0;
		return json_array();
	}
	if (lq->q && !lq->k->ident_key) { /* a code's beginning (a procedure's "1.0011") */
		json_t *ids = item_find_by_ident(r->db, site_id, lq->k, lq->q, REF_MAX);
		*total = (int64_t)json_array_size(ids);
		return ids;
	}
	if (lq->q) {
		struct docnum_query dq;
		*total = 0;
		if (!docnum_query_parse(lq->q, &dq)) {
			*not_number = 1;
			return json_array();
		}
		json_t *ids = item_find_by_ref(r->db, site_id, lq->k->name, lq->q, REF_MAX);
		*total = (int64_t)json_array_size(ids);
		return ids;
	}
	return item_list_ids(r->db, site_id, lq->k->name, lq->category_id, lq->f, lq->nf, limit, offset, total);
}

static json_t *list_columns(struct req *r, const struct kind *k, int province)
{
	json_t *cols = json_array();
	const struct kind_field *idf = kind_ident_field(k);
	if (idf && (idf->flags & FF_LIST))
		json_array_append_new(cols, json_pack("{ss}", "label", kind_tr_field(req_texts(r), k, idf, NULL)));
	json_array_append_new(cols, json_pack("{ss}", "label", k->title_label ? kind_tr(req_texts(r), k, "title") : rtr(r, "item_title_label")));
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kind_field *fd = &k->fields[i];
		if (fd == idf || (fd->flags & FF_PERSONAL))
			continue;
		if (kind_field_counted(k, fd)) { /* "Số văn bản" */
			struct sb l = SB_INIT;
			sb_addf(&l, "Số %s", kind_find(fd->ref_kind) ? kind_tr(req_texts(r), kind_find(fd->ref_kind), "one")
								 : kind_tr_field(req_texts(r), k, fd, NULL));
			json_array_append_new(cols, json_pack("{ss}", "label", l.buf));
			sb_release(&l);
		} else if (fd->flags & FF_LIST) {
			json_array_append_new(cols, json_pack("{ss}", "label", kind_tr_field(req_texts(r), k, fd, NULL)));
		}
	}
	if (is_legal(k))
		json_array_append_new(cols, json_pack("{ss}", "label", rtr(r, "list_validity")));
	else if (has_derived_term(k))
		json_array_append_new(cols, json_pack("{ss}", "label", kind_tr(req_texts(r), k, "term")));
	if (province)
		json_array_append_new(cols, json_pack("{ss}", "label", rtr(r, "list_agency")));
	return cols;
}

/* The filter form's selects: one per filterable field, the year, (legal) the validity. */
#define FILTER_OPTIONS_MAX 200

static int count_desc(const void *a, const void *b)
{
	json_int_t x = *(const json_int_t *)a, y = *(const json_int_t *)b;
	return x < y ? 1 : x > y ? -1 : 0;
}

static json_t *list_filters(struct req *r, const struct list_query *lq)
{
	json_int_t site_id = lq->province ? 0 : lq->site_id; /* the values of every site's, on the province's list */
	const struct kind *k = lq->k;
	const char *keys[ITEM_FILTERS_MAX];
	size_t n = filter_keys(k, keys);
	json_t *out = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct kind_field *fd = kind_field(k, keys[i]);
		const char *cur = req_arg(r, keys[i]);
		json_t *opts = json_array();
		const char *label;
		if (strcmp(keys[i], "hieu_luc") == 0) { /* legal: every status, in order */
			label = rtr(r, "list_validity");
			for (enum legal_status st = LEGAL_NOT_YET; st <= LEGAL_EXPIRED; st++)
				json_array_append_new(opts, json_pack("{sssssb}", "value", legal_status_key(st), "label",
								      validity_label(r, legal_status_key(st)), "selected",
								      cur && strcmp(cur, legal_status_key(st)) == 0));
		} else if (has_derived_term(k) && strcmp(keys[i], k->list_term) == 0) { /* its values, in order */
			label = kind_tr(req_texts(r), k, "term");
			for (const struct kind_choice *c = k->term_choices; c->key; c++)
				json_array_append_new(opts, json_pack("{sssssb}", "value", c->key, "label", term_text(r, k, c), "selected",
								      cur && strcmp(cur, c->key) == 0));
		} else {
			json_t *vals = item_term_values(r->db, site_id, k->name, keys[i]);
			size_t j, nv = json_array_size(vals);
			label = fd ? kind_tr_field(req_texts(r), k, fd, NULL) : rtr(r, "item_year_label");
			/* a free text with many values (every agency of a province): the select offers the
			 * FILTER_OPTIONS_MAX most used and the one chosen; the others stay reachable by
			 * their link (a row's value, the exports) */
			json_int_t floor = 0;
			if (nv > FILTER_OPTIONS_MAX) {
				json_int_t *ns = xcalloc(nv, sizeof(*ns));
				for (j = 0; j < nv; j++)
					ns[j] = json_integer_value(json_object_get(json_array_get(vals, j), "n"));
				qsort(ns, nv, sizeof(*ns), count_desc);
				floor = ns[FILTER_OPTIONS_MAX - 1];
				free(ns);
			}
			size_t shown = 0;
			for (j = 0; j < nv; j++) {
				/* years newest first; values in their order */
				json_t *x = json_array_get(vals, fd ? j : nv - 1 - j);
				const char *v = json_string_value(json_object_get(x, "value"));
				if (!v)
					continue;
				int chosen = cur && strcmp(cur, v) == 0;
				if (floor && !chosen && (json_integer_value(json_object_get(x, "n")) < floor || shown >= FILTER_OPTIONS_MAX))
					continue;
				shown++;
				json_array_append_new(opts, json_pack("{sssssb}", "value", v, "label",
								      fd && fd->type == F_ENUM ? kind_tr_choice(req_texts(r), k, fd, v) : v,
								      "selected", cur && strcmp(cur, v) == 0));
			}
			json_decref(vals);
		}
		char id[64];
		snprintf(id, sizeof(id), "loc-%s", keys[i]);
		json_array_append_new(out, json_pack("{ssssssssso}", "key", keys[i], "id", id, "label", label,
						     "all", rtr(r, strcmp(keys[i], "nam") == 0 ? "list_all_years" : "list_all"), "options", opts));
	}
	if (lq->province) { /* the province's list: by site */
		json_t *sites = item_kind_sites(r->db, k->name), *opts = json_array(), *x;
		size_t j;
		json_array_foreach(sites, j, x) {
			const char *slug = json_string_value(json_object_get(x, "slug"));
			json_array_append_new(opts, json_pack("{sssOsb}", "value", slug, "label", json_object_get(x, "name"),
							      "selected", lq->don_vi && strcmp(lq->don_vi, slug) == 0));
		}
		json_decref(sites);
		json_array_append_new(out, json_pack("{ssssssssso}", "key", "don-vi", "id", "loc-don-vi", "label", rtr(r, "official_unit"),
						     "all", rtr(r, "list_all_units"), "options", opts));
	}
	return out;
}

/* A column's value in machine form for the exports. malloc'd. */
static char *export_text(json_t *v)
{
	return kind_value_text(NULL, v);
}

/* /<segment>.csv and .json: the rows of the list as open data. Columns: id, title, the exported
 * fields (FF_FEED, never personal ones) by their keys, (legal) hieu_luc, url. */
static void list_export(struct req *r, const struct list_query *lq, int json)
{
	const struct kind *k = lq->k;
	int64_t total;
	int not_number;
	json_t *ids = list_ids(r, lq, EXPORT_MAX, 0, &total, &not_number);
	json_t *rows = item_rows_by_ids(r->db, ids, k->name, ITEM_ROWS_FULL);
	json_decref(ids);
	char *site_url = web_site_url(r, r->site);
	struct table t;
	json_t *items = json_array();
	table_init(&t, kind_tr(req_texts(r), k, NULL));
	table_add_column(&t, "id", TABLE_INTEGER);
	table_add_column(&t, "title", TABLE_TEXT);
	for (size_t i = 0; i < k->nfields; i++)
		if ((k->fields[i].flags & FF_FEED) && !(k->fields[i].flags & FF_PERSONAL))
			table_add_column(&t, k->fields[i].key, k->fields[i].type == F_DATE ? TABLE_DATE : TABLE_TEXT);
	if (is_legal(k))
		table_add_column(&t, "hieu_luc", TABLE_TEXT);
	else if (has_derived_term(k))
		table_add_column(&t, k->list_term, TABLE_TEXT);
	if (lq->province)
		table_add_column(&t, "don-vi", TABLE_TEXT);
	table_add_column(&t, "url", TABLE_TEXT);
	char **cell = xcalloc(t.nCol, sizeof(*cell)); /* one row's, each malloc'd */
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		int64_t id = json_integer_value(json_object_get(row, "id"));
		json_t *f = item_row_fields(row);
		size_t c = 0;
		struct sb u = SB_INIT;
		json_int_t row_site = json_integer_value(json_object_get(row, "site_id"));
		json_t *own = row_site != json_integer_value(json_object_get(r->site, "id")) ? site_get_kept(r->db, row_site) : NULL;
		char *path = web_item_path(k->name, json_string_value(json_object_get(row, "slug")), id);
		if (own) /* an item of another site: its address there */
			web_add_site_url(&u, r, own);
		else
			sb_adds(&u, site_url);
		sb_truncate(&u, u.len - 1);
		sb_adds(&u, path);
		free(path);
		json_t *item = json_pack("{sIsOsO}", "id", (json_int_t)id, "title", json_object_get(row, "title"), "summary",
					 json_object_get(row, "summary"));
		cell[c++] = export_text(json_object_get(row, "id"));
		cell[c++] = export_text(json_object_get(row, "title"));
		for (size_t j = 0; j < k->nfields; j++) {
			const struct kind_field *fd = &k->fields[j];
			if (!(fd->flags & FF_FEED) || (fd->flags & FF_PERSONAL))
				continue;
			/* files by their address (an item of another site: its files there), a table's
			 * rows on lines (model/kind.h) */
			char *own_url = own ? web_site_url(r, own) : NULL;
			json_t *v = kind_value_view(r, row_site, fd, json_object_get(f, fd->key), own_url ? own_url : site_url);
			free(own_url);
			cell[c++] = kind_value_machine(fd, v);
			json_object_set_new(item, fd->key, v);
		}
		if (is_legal(k)) { /* legal: the validity as kept, as the list shows it */
			const char *st = json_string_value(json_object_get(row, "badge"));
			cell[c] = xstrdup(st ? st : "");
			json_object_set_new(item, "hieu_luc", json_string(cell[c++]));
		} else if (has_derived_term(k)) {
			const char *st = json_string_value(json_object_get(row, "badge"));
			cell[c] = xstrdup(st ? st : "");
			json_object_set_new(item, k->list_term, json_string(cell[c++]));
		}
		if (lq->province) {
			json_t *site = own ? json_incref(own) : json_incref(r->site);
			cell[c] = xstrdup(json_string_value(json_object_get(site, "slug")));
			json_object_set_new(item, "don-vi", json_string(cell[c++]));
			json_object_set(item, "don-vi-ten", json_object_get(site, "name"));
			json_decref(site);
		}
		json_decref(own);
		cell[c++] = xstrdup(u.buf);
		json_object_set_new(item, "url", json_string(u.buf));
		if (json)
			json_array_append_new(items, item);
		else {
			table_add_row(&t, (const char *const *)cell);
			json_decref(item);
		}
		for (size_t j = 0; j < c; j++)
			free(cell[j]);
		sb_release(&u);
	}
	if (json) {
		json_t *out = json_pack("{sosI}", "items", items, "total", (json_int_t)total);
		char *text = json_dumps(out, JSON_COMPACT);
		resp_bytes(r, 200, "application/json; charset=utf-8", text, strlen(text));
		json_free_str(text);
		json_decref(out);
	} else {
		struct sb out = SB_INIT;
		table_write_csv(&t, &out);
		resp_bytes(r, 200, "text/csv; charset=utf-8", out.buf, out.len);
		sb_release(&out);
		json_decref(items);
	}
	free(cell);
	table_release(&t);
	free(site_url);
	json_decref(rows);
}

/* The tabs of a kind that has them (kind.tabs): "Tất cả" and one per value of the choice, each
 * the list filtered on it alone (the other filters dropped: a tab is a list of its own), with
 * how many items it holds; the current one marked, its label kept as "tab_label" for the
 * heading. */
static void list_tabs(struct req *r, const struct list_query *lq, const char *base, json_t *view)
{
	const struct kind *k = lq->k;
	struct kind_field tmp;
	const struct kind_field *fd = tabs_field(k, &tmp);
	if (!fd)
		return;
	const char *cur = NULL;
	for (size_t i = 0; i < lq->nf; i++)
		if (strcmp(lq->f[i].key, fd->key) == 0)
			cur = lq->f[i].value;
	/* the counts of the list's own items: every site's, or the one site its filter names */
	json_t *vals = item_term_values(r->db, lq->site_id, k->name, fd->key);
	json_t *tabs = json_array();
	json_int_t all = 0;
	size_t j;
	json_t *x;
	json_array_foreach(vals, j, x)
		all += json_integer_value(json_object_get(x, "n"));
	json_array_append_new(tabs, json_pack("{sssssIsb}", "label", rtr(r, "list_all"), "url", base, "n", all, "current", cur == NULL));
	for (const struct kind_choice *c = fd->choices; c->key; c++) {
		json_int_t n = 0;
		json_array_foreach(vals, j, x)
			if (strcmp(json_string_value(json_object_get(x, "value")), c->key) == 0)
				n = json_integer_value(json_object_get(x, "n"));
		struct sb u = SB_INIT;
		sb_addf(&u, "%s?%s=", base, fd->key);
		sb_add_urlenc(&u, c->key, strlen(c->key));
		int here = cur && strcmp(cur, c->key) == 0;
		const char *cl = fd == &tmp ? term_text(r, k, c) : kind_tr_choice(req_texts(r), k, fd, c->key);
		json_array_append_new(tabs, json_pack("{sssssIsb}", "label", cl, "url", u.buf, "n", n, "current", here));
		if (here)
			json_object_set_new(view, "tab_label", json_string(cl));
		sb_release(&u);
	}
	json_decref(vals);
	json_object_set_new(view, "tabs", tabs);
	json_object_set_new(view, "tabs_label", json_string(fd == &tmp ? kind_tr(req_texts(r), k, "term") : kind_tr_field(req_texts(r), k, fd, NULL)));
}

void page_item_list(struct req *r)
{
	const char *seg = r->captures[0];
	size_t n = strlen(seg);
	/* the pages of a long sitemap (/sitemap-2.xml: web/public/nav.c) are at the root, where the
	 * router's whole-segment patterns cannot tell them from a kind's list */
	if (strncmp(seg, "sitemap-", 8) == 0) {
		page_sitemap_xml(r);
		return;
	}
	int csv = n > 4 && strcmp(seg + n - 4, ".csv") == 0, json = n > 5 && strcmp(seg + n - 5, ".json") == 0;
	size_t len = n - (csv ? 4 : json ? 5 : 0);
	char name[64];
	snprintf(name, sizeof(name), "%.*s", (int)len, seg);
	const struct kind *k = len < sizeof(name) ? list_kind(name) : NULL;
	if (!k) {
		resp_error(r, 404, "not_found");
		return;
	}
	struct list_query lq;
	list_query_read(r, k, &lq);
	json_t *cats = web_categories(r);
	json_t *cat = lq.category_id ? category_in(cats, lq.category_id) : NULL;
	if (lq.category_id && (!cat || strcmp(json_string_value(json_object_get(cat, "kind")) ?
					      json_string_value(json_object_get(cat, "kind")) : "article", k->name) != 0)) {
		json_decref(cats);
		resp_error(r, 404, "category_not_found");
		return;
	}
	if (csv || json) {
		json_decref(cats);
		list_export(r, &lq, json);
		return;
	}
	if (web_lang_page(r)) { /* "/en/van-ban": the kind's items in English (public/lang.c) */
		char base[80];
		snprintf(base, sizeof(base), "/%s", k->segment);
		json_decref(cats);
		web_lang_list(r, k, lq.category_id, kind_tr(req_texts(r), k, NULL), base);
		return;
	}
	const struct kind_view *kv = kind_view_find(k->name);
	if (kv && kv->list_page && kv->list_page(r, k)) {
		json_decref(cats);
		return;
	}

	int64_t total;
	int not_number;
	json_t *rows = list_ids(r, &lq, PER_PAGE, (lq.page - 1) * PER_PAGE, &total, &not_number);
	int64_t pages = lq.q ? 1 : total ? (total + PER_PAGE - 1) / PER_PAGE : 1;
	if (lq.page > pages) {
		json_decref(rows);
		json_decref(cats);
		resp_error(r, 404, "page_not_found");
		return;
	}
	char base[80];
	snprintf(base, sizeof(base), "/%s", k->segment);
	char *canon = list_link(&lq, base, lq.page);
	struct sb title = SB_INIT;
	sb_adds(&title, kind_tr(req_texts(r), k, NULL));
	{ /* a tab's list: "Dự án đầu tư: Chuẩn bị đầu tư" */
		struct kind_field tmp;
		char tterm[96];
		const struct kind_field *tf = tabs_field(k, &tmp);
		const char *tv = tf ? req_arg(r, tf->key) : NULL;
		if (tv && kind_choice_known(tf, tv))
			sb_addf(&title, ": %s", tf == &tmp ? kind_tr(req_texts(r), k, (snprintf(tterm, sizeof(tterm), "term=%s", tv), tterm))
						       : kind_tr_choice(req_texts(r), k, tf, tv));
	}
	if (cat)
		sb_addf(&title, " - %s", json_string_value(json_object_get(cat, "name")));
	if (lq.page > 1)
		sb_addf(&title, " - Trang %lld", (long long)lq.page);
	json_t *ctx = web_public_ctx(r, title.buf, canon);
	sb_release(&title);
	free(canon);
	web_crumb(ctx, kind_tr(req_texts(r), k, NULL), cat ? base : NULL);
	if (cat)
		web_crumb(ctx, json_string_value(json_object_get(cat, "name")), NULL);
	if (cat) { /* the list of a category: the category's feed, else the kind's */
		char *cpath = web_category_path(lq.category_id, json_string_value(json_object_get(cat, "slug")));
		web_feed_links(ctx, cpath, json_string_value(json_object_get(cat, "name")));
		free(cpath);
	} else {
		web_feed_links(ctx, base, kind_tr(req_texts(r), k, NULL));
	}
	/* "Nhận tin qua thư": the subscription form, pre-filled with the category or the kind */
	web_subscribe_link(r, ctx, cat ? lq.category_id : 0, k);

	json_t *view = json_pack("{sssssssI}", "label", kind_tr(req_texts(r), k, NULL), "label_one", kind_tr(req_texts(r), k, "one"), "url", base, "total",
				 (json_int_t)total);
	if (cat)
		json_object_set(view, "category_name", json_object_get(cat, "name"));
	list_tabs(r, &lq, base, view);
	json_object_set_new(view, "has_number_search", json_boolean(kind_ident_field(k) != NULL));
	json_object_set_new(view, "docnum_search", json_boolean(k->ident_key != NULL));
	const struct kind_field *idf = kind_ident_field(k);
	if (idf) {
		json_object_set_new(view, "ident_label", json_string(kind_tr_field(req_texts(r), k, idf, NULL)));
		char low[96];
		snprintf(low, sizeof(low), "%s", kind_tr_field(req_texts(r), k, idf, NULL));
		if (low[0] >= 'A' && low[0] <= 'Z') /* "Mã thủ tục" in a sentence */
			low[0] = (char)(low[0] - 'A' + 'a');
		json_object_set_new(view, "ident_label_lower", json_string(low));
	}
	json_object_set_new(view, "q", json_string(lq.q ? lq.q : ""));
	json_object_set_new(view, "filtered", json_boolean(lq.nf > 0 || lq.q || lq.category_id || lq.don_vi));
	json_object_set_new(view, "province", json_boolean(lq.province));
	if (lq.category_id)
		json_object_set_new(view, "category_id", json_integer(lq.category_id));
	{ /* the filter form: kept per site, kind, category and query (fragment_get) */
		struct sb key = SB_INIT, html = SB_INIT;
		web_fragment_prefix(r, &key, 'f');
		sb_addf(&key, "%s|%lld|%s|%s", k->name, (long long)lq.category_id, lq.q ? lq.q : "", lq.don_vi ? lq.don_vi : "");
		for (size_t i = 0; i < lq.nf; i++)
			sb_addf(&key, "\x1f%s=%s", lq.f[i].key, lq.f[i].value);
		size_t flen;
		const char *kept = web_fragment_get(r, key.buf, &flen);
		if (kept) {
			sb_add(&html, kept, flen);
		} else {
			json_object_set_new(view, "filters", list_filters(r, &lq));
			web_render_part(r, k->tpl_filter ? k->tpl_filter : "public/item_filter", view, &html);
			json_object_del(view, "filters");
			web_fragment_put(r, key.buf, html.buf ? html.buf : "", html.len);
		}
		/* rendered from checked text: valid UTF-8, not checked again */
		json_object_set_new(view, "filter_html", json_stringn_nocheck(html.buf ? html.buf : "", html.len));
		sb_release(&key);
		sb_release(&html);
	}
	if (not_number) {
		struct sb u = SB_INIT;
		sb_adds(&u, "/tim-kiem?q=");
		sb_add_urlenc(&u, lq.q, strlen(lq.q));
		json_object_set_new(view, "not_number", json_pack("{ssss}", "q", lq.q, "search_url", u.buf));
		sb_release(&u);
	} else if (lq.q) {
		json_object_set_new(view, "by_number", json_true());
	}
	/* the year links of a kind without other filters (the gazette: its issues by year) */
	int has_fields = 0;
	for (size_t i = 0; i < k->nfields; i++)
		has_fields |= (k->fields[i].flags & FF_FILTER) != 0;
	if (!has_fields) {
		json_t *years = item_term_values(r->db, lq.province ? 0 : lq.site_id, k->name, "nam");
		json_t *ylinks = json_array();
		const char *cur = req_arg(r, "nam");
		for (size_t i = json_array_size(years); i-- > 0;) {
			json_t *y = json_array_get(years, i);
			char url[120];
			snprintf(url, sizeof(url), "%s?nam=%s", base, json_string_value(json_object_get(y, "value")));
			json_array_append_new(ylinks, json_pack("{sOsOsssb}", "year", json_object_get(y, "value"), "n",
								json_object_get(y, "n"), "url", url, "current",
								cur && strcmp(cur, json_string_value(json_object_get(y, "value"))) == 0));
		}
		json_decref(years);
		json_object_set_new(view, "has_years", json_boolean(json_array_size(ylinks) > 0));
		json_object_set_new(view, "years", ylinks);
	}
	json_object_set_new(view, "columns", list_columns(r, k, lq.province));
	json_object_set_new(view, "all_sites", json_boolean(lq.province));
	struct sb rh = SB_INIT;
	rows_html(r, k, rows, lq.province, &rh);
	json_object_set_new(view, "has_rows", json_boolean(json_array_size(rows) > 0));
	json_object_set_new(view, "rows_html", json_stringn_nocheck(rh.buf ? rh.buf : "", rh.len));
	sb_release(&rh);
	json_decref(rows);
	char ext[96];
	snprintf(ext, sizeof(ext), "%s.csv", base);
	char *u = list_link(&lq, ext, 0);
	json_object_set_new(view, "csv_url", json_string(u));
	free(u);
	snprintf(ext, sizeof(ext), "%s.json", base);
	u = list_link(&lq, ext, 0);
	json_object_set_new(view, "json_url", json_string(u));
	free(u);

	if (pages > 1) {
		json_t *pg = json_object(), *items = json_array();
		json_object_set_new(pg, "page", json_integer(lq.page));
		json_object_set_new(pg, "pages", json_integer(pages));
		json_object_set_new(pg, "has_prev", json_boolean(lq.page > 1));
		json_object_set_new(pg, "has_next", json_boolean(lq.page < pages));
		if (lq.page > 1) {
			u = list_link(&lq, base, lq.page - 1);
			json_object_set_new(pg, "prev_url", json_string(u));
			free(u);
		}
		if (lq.page < pages) {
			u = list_link(&lq, base, lq.page + 1);
			json_object_set_new(pg, "next_url", json_string(u));
			free(u);
		}
		for (int64_t p = 1; p <= pages; p++) {
			if (p != 1 && p != pages && (p < lq.page - 2 || p > lq.page + 2))
				continue;
			u = list_link(&lq, base, p);
			json_array_append_new(items, json_pack("{sIsssb}", "n", (json_int_t)p, "url", u, "current", p == lq.page));
			free(u);
		}
		json_object_set_new(pg, "items", items);
		json_object_set_new(ctx, "pager", pg);
	}
	json_object_set_new(ctx, "list", view);
	json_decref(cats);
	if (kv && kv->list_view)
		kv->list_view(r, k, ctx);
	resp_render(r, 200, k->tpl_list ? k->tpl_list : "public/item_list", ctx);
}

/* ---- one item ---- */

/* A group of relations under one label, found or added to GROUPS. */
static json_t *group_of(json_t *groups, const char *label)
{
	size_t i;
	json_t *g;
	json_array_foreach(groups, i, g)
		if (strcmp(json_string_value(json_object_get(g, "label")), label) == 0)
			return json_object_get(g, "items");
	g = json_pack("{sss[]}", "label", label, "items");
	json_array_append_new(groups, g);
	return json_object_get(g, "items");
}

/* The label of relation REL on its "from" end or, REVERSE, its "to" end: legal documents' and the
 * gazette's from legal_rel_label; NULL for a relation it does not know. */
static const char *rel_label(const char *rel, int reverse)
{
	const char *l = legal_rel_label(rel, reverse);
	return l && strcmp(l, rel) != 0 ? l : NULL;
}

/* The relations the item makes (FROM) and those made to it (TO), grouped by relation with their
 * labels (rel_label, else the field's). */
static json_t *relations(struct req *r, const struct kind *k, json_t *from, json_t *to)
{
	json_t *groups = json_array();
	size_t i;
	json_t *l;
	for (size_t fi = 0; fi < k->nfields; fi++) {
		const struct kind_field *fd = &k->fields[fi];
		if (fd->type != F_REF)
			continue;
		/* "Sửa đổi, bổ sung", "Văn bản đăng trong số"; a relation of a new kind by its field's label */
		const char *label = rel_label(fd->key, 0) ? rel_label(fd->key, 0) : kind_tr_field(req_texts(r), k, fd, NULL);
		json_array_foreach(from, i, l) {
			if (strcmp(json_string_value(json_object_get(l, "relation")), fd->key) != 0)
				continue;
			/* absent values are null: a template lookup must not find the page's own */
			json_t *it = json_pack("{sOsnsnsn}", "ref", json_object_get(l, "to_ref"), "url", "title", "date");
			if (json_is_integer(json_object_get(l, "to_id"))) {
				char *u = item_url(r, json_integer_value(json_object_get(l, "to_site_id")),
						   json_string_value(json_object_get(l, "to_kind")),
						   json_string_value(json_object_get(l, "to_slug")),
						   json_integer_value(json_object_get(l, "to_id")));
				json_object_set_new(it, "url", json_string(u));
				json_object_set(it, "title", json_object_get(l, "to_title"));
				free(u);
			}
			json_array_append_new(group_of(groups, label), it);
		}
	}
	json_array_foreach(to, i, l) {
		const char *rel = json_string_value(json_object_get(l, "relation"));
		const struct kind *fk = kind_find(json_string_value(json_object_get(l, "from_kind")));
		const struct kind_field *fd = fk ? kind_field(fk, rel) : NULL;
		if (!fd)
			continue;
		struct sb label = SB_INIT;
		/* "Được sửa đổi, bổ sung bởi", "Đăng trên Công báo": legal's and the gazette's own
		 * relations; another kind's field of the same key ("can_cu" of a procedure) by its label */
		if (rel_label(rel, 1) && (is_legal(fk) || strcmp(rel, "van_ban") == 0))
			sb_adds(&label, rel_label(rel, 1));
		else if (fd->rev_label) /* "Gói thầu của dự án" */
			sb_adds(&label, kind_tr_field(req_texts(r), fk, fd, ".rev"));
		else
			sb_addf(&label, "%s: %s", kind_tr(req_texts(r), fk, NULL), kind_tr_field(req_texts(r), fk, fd, NULL));
		char *u = item_url(r, json_integer_value(json_object_get(l, "from_site_id")), fk->name,
				   json_string_value(json_object_get(l, "from_slug")),
				   json_integer_value(json_object_get(l, "from_id")));
		json_t *it = json_pack("{sOsOsssn}", "ref", json_object_get(l, "from_ref"), "title",
				       json_object_get(l, "from_title"), "url", u, "date");
		if (json_is_integer(json_object_get(l, "from_day"))) {
			char d[16];
			vn_day_dmy((int32_t)json_integer_value(json_object_get(l, "from_day")), d);
			json_object_set_new(it, "date", json_string(d));
		}
		if (!json_is_string(json_object_get(it, "ref")))
			json_object_set_new(it, "ref", json_string(""));
		json_array_append_new(group_of(groups, label.buf), it);
		free(u);
		sb_release(&label);
	}
	return groups;
}

static void item_page(struct req *r, int print)
{
	const struct kind *k = list_kind(r->captures[0]);
	json_int_t site_id = json_integer_value(json_object_get(r->site, "id"));
	int64_t id = web_slug_id(r->captures[1], NULL);
	json_t *row = k && id > 0 ? item_get_public_unparsed(r->db, site_id, k->name, id) : NULL;
	char buf[40];
	if (!row) {
		char kbuf[32];
		const char *kind = k && id > 0 ? item_kind_of(r->db, site_id, id, kbuf, sizeof(kbuf)) : NULL;
		json_t *gone = kind && strcmp(kind, k->name) == 0 ? article_get_withdrawn(r->db, site_id, id) : NULL;
		if (gone) { /* 410, and the reader learns why and when */
			web_gone(r, kind_tr(req_texts(r), k, NULL), gone);
			json_decref(gone);
			return;
		}
		resp_error(r, 404, k ? "item_not_found" : "not_found");
		return;
	}
	int32_t today = vn_days_of_time(time_now());
	const char *title = json_string_value(json_object_get(row, "title"));
	const char *ref = json_string_value(json_object_get(row, "ref"));
	char *path = web_item_path(k->name, json_string_value(json_object_get(row, "slug")), id);
	struct sb want = SB_INIT;
	sb_adds(&want, path);
	if (print)
		sb_adds(&want, "/ban-in");
	/* an item is at its own language's address ("/en/…" for an English translation) */
	if (web_lang_redirect(r, json_string_value(json_object_get(row, "lang")), want.buf))
		goto out;
	if (strcmp(want.buf, r->path) != 0) {
		struct sb to = SB_INIT;
		sb_addf(&to, "%s%s", req_lang_prefix(r), want.buf);
		resp_redirect(r, 301, to.buf);
		sb_release(&to);
		goto out;
	}
	struct sb ptitle = SB_INIT;
	if (ref && *ref)
		sb_addf(&ptitle, "%s: %s", ref, title);
	else
		sb_adds(&ptitle, title);
	json_t *ctx = web_public_ctx(r, ptitle.buf, path);
	sb_release(&ptitle);
	web_lang_alternates(r, ctx, id); /* hreflang and the switch (public/lang.c) */
	char list_path[80];
	snprintf(list_path, sizeof(list_path), "/%s", k->segment);
	web_crumb(ctx, kind_tr(req_texts(r), k, NULL), list_path);
	web_crumb(ctx, ref && *ref ? ref : title, NULL);

	json_t *it = json_pack("{sIsOsOssssss}", "id", (json_int_t)id, "title", json_object_get(row, "title"), "summary",
			       json_object_get(row, "summary"), "url", path, "kind_label", kind_tr(req_texts(r), k, NULL), "list_url", list_path);
	json_object_set_new(it, "title_label", json_string(k->title_label ? kind_tr(req_texts(r), k, "title") : rtr(r, "item_title_label")));
	json_object_set_new(it, "kind_label_one", json_string(kind_tr(req_texts(r), k, "one")));
	if (ref && *ref)
		json_object_set_new(it, "ref", json_string(ref));
	sb_reset(&want);
	sb_addf(&want, "%s/ban-in", path);
	json_object_set_new(it, "print_url", json_string(want.buf));
	time_format_vn(json_integer_value(json_object_get(row, "published_at")), buf, sizeof(buf));
	json_object_set_new(it, "published", json_string(buf));
	time_format_iso(json_integer_value(json_object_get(row, "published_at")), buf, sizeof(buf));
	json_object_set_new(it, "published_iso", json_string(buf));

	/* every field with a value but the relations (listed below) and personal data; tables
	 * after the list, each a table of its own: both blocks rendered from the item's view alone
	 * (public/item_fields, public/item_tables) and kept with the connection until the database
	 * changes, with what the page's head takes from the fields (fields_kept); the print view
	 * renders its own. A kind with a hook or a template of its own has the whole fields too,
	 * files as views (f), and each field's text (texts: not "t", which names the page's
	 * language texts, {{t.key}}, and would hide them from the item's templates). */
	const struct kind_view *kv = kind_view_find(k->name);
	int own = (kv && kv->item_view) || k->tpl_item;
	struct sb fkey = SB_INIT;
	web_fragment_prefix(r, &fkey, 'F');
	sb_addf(&fkey, "%s|%lld", k->name, (long long)id);
	/* {fields, tables: HTML; meta: the head's metadata}: new references, as a fragment
	 * put later in the request may start the memo again */
	json_t *fkept = print ? NULL : web_kept_json(r, fkey.buf);
	if (fkept)
		fkept = json_incref(fkept);
	int build = !fkept;
	/* a kind with a hook: its fields parsed, their views and texts kept the same way (G), and
	 * shared by the page, which only reads them */
	struct sb gkey = SB_INIT;
	json_t *g = NULL;
	if (own) {
		web_fragment_prefix(r, &gkey, 'G');
		sb_addf(&gkey, "%s|%lld", k->name, (long long)id);
		g = web_kept_json(r, gkey.buf);
		if (g) {
			json_object_set(row, "f", json_object_get(g, "f"));
			json_object_del(row, "fields");
		}
	}
	json_t *f = build || (own && !g) ? item_row_fields(row) : NULL;
	json_t *props = json_array(), *tables = json_array(), *fv = f && own ? json_object() : NULL, *ft = f && own ? json_object() : NULL;
	for (size_t i = 0; f && i < k->nfields; i++) {
		const struct kind_field *fd = &k->fields[i];
		if (fd->flags & FF_PERSONAL)
			continue;
		json_t *v = json_object_get(f, fd->key);
		json_t *view = own || fd->type == F_FILE || fd->type == F_ROWS ? kind_value_view(r, site_id, fd, v, NULL) : NULL;
		if (fv)
			json_object_set(fv, fd->key, view);
		if (fd->type == F_ROWS) { /* from the view: its files looked up once */
			if (build && json_array_size(v))
				json_array_append_new(tables, kind_table_view(r, site_id, k, fd, view));
			json_decref(view);
			continue;
		}
		char *t = kind_value_text_tr(req_texts(r), k, fd, v);
		if (ft)
			json_object_set_new(ft, fd->key, json_string(t));
		if (!build) {
		} else if (fd->type == F_FILE) {
			if (json_is_object(view))
				json_array_append_new(props, json_pack("{sssO}", "label", kind_tr_field(req_texts(r), k, fd, NULL), "file", view));
		} else if (*t && fd->type != F_REF) {
			json_t *p = json_pack("{ssss}", "label", kind_tr_field(req_texts(r), k, fd, NULL), "text", t);
			if (fd->type == F_DATE)
				json_object_set(p, "iso", v);
			if (fd->type == F_URL) /* an address is a link (checked http/https by the model) */
				json_object_set_new(p, "href", json_string(t));
			json_array_append_new(props, p);
		}
		json_decref(view);
		free(t);
	}
	json_object_set_new(it, "fields", props);
	json_object_set_new(it, "tables", tables);
	if (fv && !g) {
		json_t *keep = json_pack("{sOsOsO}", "f", f, "v", fv, "texts", ft);
		web_keep_json(r, gkey.buf, keep);
		json_decref(keep);
	}
	if (g && !fv) {
		json_object_set(it, "f", json_object_get(g, "v"));
		json_object_set(it, "texts", json_object_get(g, "texts"));
	} else if (fv) {
		json_object_set_new(it, "f", fv);
		json_object_set_new(it, "texts", ft);
	}
	sb_release(&gkey);

	/* the relations: the page's block kept with the connection until the database changes (its
	 * links name other items, each with its site's address); the print view renders its own */
	struct sb rkey = SB_INIT, rhtml = SB_INIT;
	web_fragment_prefix(r, &rkey, 'R');
	sb_addf(&rkey, "%s|%lld", k->name, (long long)id);
	size_t rlen;
	const char *rkept = print ? NULL : web_fragment_get(r, rkey.buf, &rlen);
	/* legal: the validity box as of today, kept per item and day (the day in the key: it
	 * changes at midnight by itself, the database need not) */
	struct sb vkey = SB_INIT;
	web_fragment_prefix(r, &vkey, 'V');
	sb_addf(&vkey, "%lld|%ld", (long long)id, (long)today);
	size_t vlen;
	const char *vtext = is_legal(k) ? web_fragment_get(r, vkey.buf, &vlen) : NULL;
	/* read now: the relations' web_fragment_put below may start the memo again */
	json_t *vkept = vtext ? json_loadb(vtext, vlen, 0, NULL) : NULL;
	json_t *from = NULL, *to = rkept && (vkept || !is_legal(k)) ? NULL : item_links_to(r->db, id);
	if (rkept) {
		sb_add(&rhtml, rkept, rlen);
	} else {
		from = item_links_from(r->db, id);
		json_t *groups = relations(r, k, from, to);
		json_t *rv = json_pack("{sbso}", "has_relations", json_array_size(groups) > 0, "relations", groups);
		/* legal: documents relate to documents; other kinds to items of any kind */
		int docs = is_legal(k);
		for (size_t fi = 0; fi < k->nfields; fi++)
			docs |= k->fields[fi].type == F_REF && strcmp(k->fields[fi].ref_kind, "legal") == 0;
		json_object_set_new(rv, "relations_title", json_string(rtr(r, docs ? "item_related_docs" : "item_related")));
		if (print) {
			json_object_update(it, rv);
		} else {
			web_render_part(r, "public/item_relations", rv, &rhtml);
			web_fragment_put(r, rkey.buf, rhtml.buf ? rhtml.buf : "", rhtml.len);
		}
		json_decref(rv);
	}
	/* rendered from checked text: valid UTF-8, not checked again */
	json_object_set_new(it, "relations_html", json_stringn_nocheck(rhtml.buf ? rhtml.buf : "", rhtml.len));
	sb_release(&rkey);
	sb_release(&rhtml);

	if (is_legal(k)) {
		json_t *v = vkept ? vkept : legal_validity_of(item_row_fields(row), to, today);
		if (v && !vkept) {
			validity_tr(r, v);
			int64_t why_id = json_integer_value(json_object_get(v, "why_id"));
			if (why_id) {
				char *u = item_url(r, json_integer_value(json_object_get(v, "why_site_id")),
						   json_string_value(json_object_get(v, "why_kind")),
						   json_string_value(json_object_get(v, "why_slug")), why_id);
				json_object_set_new(v, "why_url", json_string(u));
				free(u);
			}
			char *text = json_dumps(v, JSON_COMPACT);
			if (text)
				web_fragment_put(r, vkey.buf, text, strlen(text));
			json_free_str(text);
		}
		if (v)
			json_object_set_new(it, "validity", v);
	}
	sb_release(&vkey);
	json_decref(from);
	json_decref(to);

	/* stored only after html_sanitize(): the one kind of value printed raw */
	const char *body = json_string_value(json_object_get(row, "body"));
	if (body && *body)
		json_object_set(it, "body_html", json_object_get(row, "body"));
	web_item_notes(r, it, id);

	/* the description never empty; Dublin Core, Open Graph and JSON-LD from the kind's descriptor
	 * (web/public/metadata.c), kept with the fields' blocks: the print view has none */
	const char *summary = json_string_value(json_object_get(row, "summary"));
	json_object_set_new(ctx, "meta_description", json_string(summary && *summary ? summary : title));
	json_t *meta = print ? NULL : build ? web_meta_item(r, k, row, f, ctx) : json_incref(json_object_get(fkept, "meta"));
	if (meta)
		web_meta_set(ctx, meta);

	json_object_set_new(ctx, "item", it);
	if (kv && kv->item_view)
		kv->item_view(r, k, row, it, ctx);
	if (!print) {
		/* after the hook, which may change the fields (a procedure's steps get a block of their own) */
		if (build) {
			struct sb fhtml = SB_INIT, thtml = SB_INIT;
			web_render_part(r, "public/item_fields", it, &fhtml);
			web_render_part(r, "public/item_tables", it, &thtml);
			/* rendered from checked text: valid UTF-8, not checked again */
			fkept = json_pack("{sososO}", "fields", json_stringn_nocheck(fhtml.buf ? fhtml.buf : "", fhtml.len),
					  "tables", json_stringn_nocheck(thtml.buf ? thtml.buf : "", thtml.len), "meta", meta);
			web_keep_json(r, fkey.buf, fkept);
			sb_release(&fhtml);
			sb_release(&thtml);
		}
		json_object_set(it, "fields_html", json_object_get(fkept, "fields"));
		json_object_set(it, "tables_html", json_object_get(fkept, "tables"));
	}
	json_decref(fkept);
	json_decref(meta);
	sb_release(&fkey);
	r->visit_item = id; /* #17: a view of this item (http/visits.h) */
	resp_render(r, 200, print ? "public/item_print" : k->tpl_item ? k->tpl_item : "public/item", ctx);
out:
	sb_release(&want);
	free(path);
	json_decref(row);
}

void page_item(struct req *r)
{
	item_page(r, 0);
}

void page_item_print(struct req *r)
{
	item_page(r, 1);
}

/* ---- the JSON API (api.c): the lists and items of the pages above, as data ---- */

size_t api_filter_keys(const struct kind *k, const char *out[ITEM_FILTERS_MAX])
{
	return filter_keys(k, out);
}

const char *api_term_key(const struct kind *k)
{
	return is_legal(k) ? "hieu_luc" : has_derived_term(k) ? k->list_term : NULL;
}

/* A parameter that must be digits alone ("12"), read into *V: 1; absent: 0; else -1. */
static int api_digits(struct req *r, const char *name, int64_t max, int64_t *v)
{
	const char *s = req_arg(r, name);
	if (!s)
		return 0;
	if (!*s || strlen(s) > 18 || strspn(s, "0123456789") != strlen(s))
		return -1;
	*v = strtoll(s, NULL, 10);
	return *v <= max ? 1 : -1;
}

/* What the list's parameters name that the public page would quietly ignore is refused here,
 * naming the parameter: a year that is no year, a value its closed choice does not have, a
 * category that is not one of this kind's on the site. 0 when the request may go on. */
static int api_check_query(struct req *r, const struct list_query *lq)
{
	const struct kind *k = lq->k;
	for (size_t i = 0; i < lq->nf; i++) {
		const char *key = lq->f[i].key, *v = lq->f[i].value;
		if (strcmp(key, "nam") == 0 && (strlen(v) != 4 || strspn(v, "0123456789") != 4)) {
			api_error(r, 400, "api_bad_filter", key);
			return -1;
		}
		for (size_t j = 0; j < k->nfields; j++) {
			const struct kind_field *f = &k->fields[j];
			if (strcmp(f->key, key) == 0 && f->type == F_ENUM && f->choices && !(f->flags & FF_OPEN) &&
			    !kind_choice_known(f, v)) {
				api_error(r, 400, "api_bad_filter", key);
				return -1;
			}
		}
	}
	int64_t cat;
	int rc = api_digits(r, "chuyen-muc", INT64_MAX / 2, &cat);
	if (rc < 0) {
		api_error(r, 400, "api_bad_category", "chuyen-muc");
		return -1;
	}
	if (rc > 0) {
		json_t *cats = web_categories(r), *c = category_in(cats, cat);
		const char *ck = c ? json_string_value(json_object_get(c, "kind")) : NULL;
		int ok = c && strcmp(ck ? ck : "article", k->name) == 0;
		json_decref(cats);
		if (!ok) {
			api_error(r, 400, "api_bad_category", "chuyen-muc");
			return -1;
		}
	}
	if (lq->site_id < 0) { /* "don-vi" names no site */
		api_error(r, 400, "api_bad_site", "don-vi");
		return -1;
	}
	return 0;
}

/* COUNT ids of the list from position BEGIN; *TOTAL how many there are. A number search answers
 * every match at once (list_ids): its page is cut here. */
static json_t *api_ids(struct req *r, const struct list_query *lq, int64_t begin, int64_t count, int64_t *total)
{
	int not_number;
	if (!lq->q)
		return list_ids(r, lq, count, begin, total, &not_number);
	json_t *all = list_ids(r, lq, 0, 0, total, &not_number), *page = json_array();
	for (int64_t i = begin; i < begin + count && i < (int64_t)json_array_size(all); i++)
		json_array_append(page, json_array_get(all, (size_t)i));
	json_decref(all);
	return page;
}

/* An item of K as the API gives it (api.c's item_schema): ROW a list row or the item's. */
static json_t *api_item_json(struct req *r, const struct kind *k, json_t *row, const char *site_url_own)
{
	char buf[40];
	int64_t id = json_integer_value(json_object_get(row, "id"));
	json_int_t row_site = json_integer_value(json_object_get(row, "site_id"));
	json_t *site = site_get_kept(r->db, row_site);
	char *site_url = site ? web_site_url(r, site) : xstrdup(site_url_own);
	char *path = web_item_path(k->name, json_string_value(json_object_get(row, "slug")), id);
	struct sb u = SB_INIT;
	sb_adds(&u, site_url);
	sb_truncate(&u, u.len - 1);
	sb_adds(&u, path);
	json_t *o = json_pack("{sIsssOsOsOsOss}", "id", (json_int_t)id, "kind", k->name, "site",
			      json_object_get(site ? site : r->site, "slug"), "title", json_object_get(row, "title"), "slug",
			      json_object_get(row, "slug"), "summary", json_object_get(row, "summary"), "url", u.buf);
	static const char *const dates[] = { "published_at", "updated_at" };
	for (size_t i = 0; i < ARRAY_SIZE(dates); i++) {
		json_t *t = json_object_get(row, dates[i]);
		if (json_is_integer(t) && json_integer_value(t) > 0) {
			time_format_iso(json_integer_value(t), buf, sizeof(buf));
			json_object_set_new(o, dates[i], json_string(buf));
		} else {
			json_object_set_new(o, dates[i], json_null());
		}
	}
	json_t *f = item_row_fields(row), *fields = json_object();
	for (size_t j = 0; j < k->nfields; j++) {
		const struct kind_field *fd = &k->fields[j];
		if (fd->flags & FF_PERSONAL)
			continue;
		json_t *v = json_object_get(f, fd->key);
		/* a value not given is null, never "" (a date field's schema says "format": "date") */
		int none = !v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v));
		json_t *out = none ? json_null() : kind_value_view(r, row_site, fd, v, site_url);
		if (fd->type == F_ROWS && json_is_array(out)) { /* the same inside a table's rows */
			size_t ri;
			json_t *rw;
			json_array_foreach(out, ri, rw) {
				const char *ck;
				json_t *cv;
				json_object_foreach(rw, ck, cv)
					if (json_is_string(cv) && !*json_string_value(cv))
						json_object_set_new(rw, ck, json_null());
			}
		}
		json_object_set_new(fields, fd->key, out);
	}
	json_object_set_new(o, "fields", fields);
	const char *term = api_term_key(k);
	if (term) {
		json_t *b = json_object_get(row, "badge");
		if (!b && is_legal(k)) /* an item's row has no badge: the term as kept */
			b = item_term_get(r->db, id, "hieu_luc", buf, sizeof(buf)) ? json_string(buf) : NULL;
		else if (b)
			json_incref(b);
		json_object_set_new(o, term, b ? b : json_null());
	}
	json_decref(site);
	sb_release(&u);
	free(path);
	free(site_url);
	return o;
}

/* The cursor "<position>-<id>": where the last page ended and the id of its last item. */
static int api_cursor(const char *s, int64_t *pos, int64_t *id)
{
	char *end;
	if (!s || !*s || strspn(s, "0123456789-") != strlen(s) || strlen(s) > 40)
		return -1;
	*pos = strtoll(s, &end, 10);
	if (*end != '-' || *pos < 0)
		return -1;
	*id = strtoll(end + 1, &end, 10);
	return *end || *id <= 0 ? -1 : 0;
}

/* How far around its old position the last item of the page before is looked for: items
 * published or withdrawn meanwhile move it, and the next page still starts right after it. */
#define API_CURSOR_WINDOW 100

void api_list(struct req *r, const struct kind *k)
{
	struct list_query lq;
	list_query_read(r, k, &lq);
	int64_t limit = API_LIMIT_DEFAULT, begin = 0, total = 0;
	int rc = api_digits(r, "limit", API_LIMIT_MAX, &limit);
	if (rc < 0 || (rc > 0 && limit < 1)) {
		api_error(r, 400, "api_bad_limit", "limit");
		return;
	}
	if (api_check_query(r, &lq))
		return;
	const char *cursor = req_arg(r, "cursor");
	if (cursor) {
		int64_t pos, last;
		if (api_cursor(cursor, &pos, &last)) {
			api_error(r, 400, "api_bad_cursor", "cursor");
			return;
		}
		int64_t from = pos > API_CURSOR_WINDOW ? pos - API_CURSOR_WINDOW : 0;
		json_t *win = api_ids(r, &lq, from, pos - from + API_CURSOR_WINDOW, &total);
		begin = pos; /* the item is gone: go on from where it was */
		for (size_t i = 0; i < json_array_size(win); i++)
			if (json_integer_value(json_array_get(win, i)) == last)
				begin = from + (int64_t)i + 1;
		json_decref(win);
	}
	json_t *ids = api_ids(r, &lq, begin, limit, &total);
	json_t *rows = item_rows_by_ids(r->db, ids, k->name, ITEM_ROWS_FULL);
	char *site_url = web_site_url(r, r->site);
	json_t *items = json_array(), *row;
	size_t i;
	json_array_foreach(rows, i, row)
		json_array_append_new(items, api_item_json(r, k, row, site_url));
	json_t *next = json_null();
	size_t n = json_array_size(ids);
	if (n && begin + (int64_t)n < total) {
		char c[48];
		snprintf(c, sizeof(c), "%lld-%lld", (long long)(begin + (int64_t)n),
			 (long long)json_integer_value(json_array_get(ids, n - 1)));
		next = json_string(c);
	}
	json_t *out = json_pack("{sososI}", "items", items, "next", next, "total", (json_int_t)total);
	api_send(r, out);
	json_decref(out);
	json_decref(rows);
	json_decref(ids);
	free(site_url);
}

void api_item(struct req *r, const struct kind *k, int64_t id)
{
	json_int_t site_id = json_integer_value(json_object_get(r->site, "id"));
	json_t *row = item_get_public(r->db, site_id, k->name, id);
	/* the main portal's list of a province-wide kind holds every site's: so does its API */
	if (!row && k->province_list && strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0) {
		int64_t own = item_public_site(r->db, k->name, id);
		row = own ? item_get_public(r->db, own, k->name, id) : NULL;
	}
	if (!row) {
		api_error(r, 404, "api_not_found", NULL);
		return;
	}
	char *site_url = web_site_url(r, r->site);
	json_t *o = api_item_json(r, k, row, site_url);
	json_object_set(o, "body", json_object_get(row, "body"));
	json_t *links = item_links_from(r->db, id), *l, *out = json_array();
	size_t i;
	json_array_foreach(links, i, l) {
		json_t *to = json_object_get(l, "to_id");
		json_t *lo = json_pack("{sOsOsO}", "relation", json_object_get(l, "relation"), "ref", json_object_get(l, "to_ref"),
				       "id", to);
		if (json_is_integer(to)) {
			char *u = item_url(r, json_integer_value(json_object_get(l, "to_site_id")),
					   json_string_value(json_object_get(l, "to_kind")),
					   json_string_value(json_object_get(l, "to_slug")), json_integer_value(to));
			struct sb abs = SB_INIT;
			if (u[0] == '/') { /* a path on this site: made absolute */
				sb_adds(&abs, site_url);
				sb_truncate(&abs, abs.len - 1);
			}
			sb_adds(&abs, u);
			json_object_set_new(lo, "url", json_string(abs.buf));
			sb_release(&abs);
			free(u);
		} else {
			json_object_set_new(lo, "url", json_null());
		}
		json_array_append_new(out, lo);
	}
	json_object_set_new(o, "links", out);
	api_send(r, o);
	json_decref(o);
	json_decref(links);
	json_decref(row);
	free(site_url);
}
