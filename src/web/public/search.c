/* search.c — the search page of every site; on the main portal it searches every site.
 * WEBPAGE: GET /tim-kiem  q (the query), trang (page), trang-web (site id, main portal only),
 *                          chuyen-muc (category id), tu / den (dd/mm/yyyy, published between) */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "search/search.h"
#include "model/item.h"
#include "model/kind.h"

#include <string.h>

#include "base/banned.h"

#define PER_PAGE 10

/* The page's own URL with its filters and page N (0: without the page). */
static char *search_link(struct req *r, const char *q, int64_t page)
{
	static const char *const keep[] = { "trang-web", "chuyen-muc", "tu", "den" };
	struct sb u = SB_INIT;
	sb_adds(&u, "/tim-kiem?q=");
	sb_add_urlenc(&u, q, strlen(q));
	for (size_t i = 0; i < ARRAY_SIZE(keep); i++) {
		const char *v = req_arg(r, keep[i]);
		if (v && *v) {
			sb_addf(&u, "&%s=", keep[i]);
			sb_add_urlenc(&u, v, strlen(v));
		}
	}
	if (page > 1)
		sb_addf(&u, "&trang=%lld", (long long)page);
	return sb_detach(&u, NULL);
}

/* When Q names an identifier (a document's number in any form people type it), the items of
 * each kind with such identifiers that it names, on SITE_ID (0: every site), as
 * [{label, id, items: [{ref, title, url, site_name, other_site}]}]; empty otherwise. */
static json_t *number_groups(struct req *r, const char *q, int64_t site_id)
{
	json_t *groups = json_array();
	size_t nk;
	const struct kind *const *kinds = kind_all(&nk);
	json_int_t own = json_integer_value(json_object_get(r->site, "id"));
	for (size_t j = 0; *q && j < nk; j++) {
		if (!kinds[j]->ident_key)
			continue;
		json_t *ids = item_find_by_ref(r->db, site_id, kinds[j]->name, q, 20);
		json_t *rows = item_rows_by_ids(r->db, ids, kinds[j]->name, 0), *items = json_array();
		json_decref(ids);
		size_t i;
		json_t *x;
		json_array_foreach(rows, i, x) {
			json_int_t sid = json_integer_value(json_object_get(x, "site_id"));
			json_t *site = sid == own ? json_incref(r->site) : site_get_kept(r->db, sid);
			if (!site)
				continue;
			char *su = web_site_url(r, site);
			char *path = web_item_path(kinds[j]->name, json_string_value(json_object_get(x, "slug")),
						   json_integer_value(json_object_get(x, "id")));
			struct sb u = SB_INIT;
			sb_add(&u, su, strlen(su) - 1);
			sb_adds(&u, path);
			json_array_append_new(items, json_pack("{sOsOsssOsb}", "ref", json_object_get(x, "ref"), "title",
							       json_object_get(x, "title"), "url", u.buf, "site_name",
							       json_object_get(site, "name"), "other_site", sid != own));
			sb_release(&u);
			free(path);
			free(su);
			json_decref(site);
		}
		json_decref(rows);
		if (json_array_size(items)) {
			char id[48];
			snprintf(id, sizeof(id), "so-ky-hieu-%s", kinds[j]->name);
			json_array_append_new(groups, json_pack("{sssssO}", "label", kind_tr(req_texts(r), kinds[j], NULL), "id", id, "items", items));
		}
		json_decref(items);
	}
	return groups;
}

void page_search(struct req *r)
{
	struct search_params p = { 0 };
	json_int_t site_id = json_integer_value(json_object_get(r->site, "id"));
	int is_main = strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0;
	const char *q = req_arg(r, "q");
	int64_t page = req_arg_int(r, "trang", 1, 1, 1000);
	char buf[40];
	q = q ? q : "";
	if (web_lang_page(r)) { /* "/en/tim-kiem": the site's items in English (public/lang.c) */
		web_lang_list(r, NULL, 0, rtr(r, "search_title"), "/tim-kiem");
		return;
	}

	json_t *ctx = web_public_ctx(r, rtr(r, "search_title"), "/tim-kiem");
	web_crumb(ctx, rtr(r, "search_title"), NULL);
	json_object_set_new(ctx, "search_q", json_string(q));
	json_object_set_new(ctx, "is_main", json_boolean(is_main));

	/* filters: a component site searches itself; the main portal every site, or one */
	p.q = q;
	p.site_id = is_main ? req_arg_int(r, "trang-web", 0, 0, INT64_MAX) : site_id;
	p.category_id = req_arg_int(r, "chuyen-muc", 0, 0, INT64_MAX);
	if (p.category_id && !is_main) {
		json_t *c = category_get(r->db, site_id, p.category_id);
		if (!c)
			p.category_id = 0; /* not this site's: ignored, never another site's */
		json_decref(c);
	}
	const char *from = req_arg(r, "tu"), *to = req_arg(r, "den");
	json_t *errors = json_object();
	if (from && *from && time_parse_vn(from, &p.from))
		json_object_set_new(errors, "tu", json_string(rtr(r, "date_invalid")));
	if (to && *to) {
		if (time_parse_vn(to, &p.to))
			json_object_set_new(errors, "den", json_string(rtr(r, "date_invalid")));
		else
			p.to += 86400; /* the whole day */
	}
	json_object_set_new(ctx, "errors", errors);
	json_object_set_new(ctx, "tu", json_string(from ? from : ""));
	json_object_set_new(ctx, "den", json_string(to ? to : ""));
	p.limit = PER_PAGE;
	p.offset = (page - 1) * PER_PAGE;

	/* the filter lists */
	json_t *cats = category_list(r->db, site_id), *copts = json_array();
	size_t i;
	json_t *x;
	json_array_foreach(cats, i, x)
		json_array_append_new(copts, json_pack("{sOsOsb}", "id", json_object_get(x, "id"), "name", json_object_get(x, "name"),
						       "selected", json_integer_value(json_object_get(x, "id")) == p.category_id));
	json_decref(cats);
	json_object_set_new(ctx, "categories", copts);
	if (is_main) {
		json_t *sites = site_list(r->db), *sopts = json_array();
		json_array_foreach(sites, i, x)
			json_array_append_new(sopts, json_pack("{sOsOsb}", "id", json_object_get(x, "id"), "name", json_object_get(x, "name"),
							       "selected", json_integer_value(json_object_get(x, "id")) == p.site_id));
		json_decref(sites);
		json_object_set_new(ctx, "sites_filter", sopts);
	}

	json_t *res = json_object_size(errors) ? json_pack("{sbsIs[]}", "searched", 0, "total", (json_int_t)0, "results")
					       : search_run(r->db, &p);
	int64_t total = json_integer_value(json_object_get(res, "total"));
	json_t *rows = json_object_get(res, "results");
	json_array_foreach(rows, i, x) {
		/* each result links to its own site, as component news do */
		json_t *site = json_pack("{sOsO}", "slug", json_object_get(x, "site_slug"), "kind", json_object_get(x, "site_kind"));
		char *su = web_site_url(r, site);
		char *path = web_item_path(json_string_value(json_object_get(x, "kind")), json_string_value(json_object_get(x, "slug")),
					   json_integer_value(json_object_get(x, "id")));
		struct sb u = SB_INIT;
		sb_add(&u, su, strlen(su) - 1);
		sb_adds(&u, path);
		json_object_set_new(x, "url", json_string(u.buf));
		json_object_set_new(x, "site_url", json_string(su));
		time_format_vn(json_integer_value(json_object_get(x, "published_at")), buf, sizeof(buf));
		json_object_set_new(x, "date", json_string(buf));
		time_format_iso(json_integer_value(json_object_get(x, "published_at")), buf, sizeof(buf));
		json_object_set_new(x, "date_iso", json_string(buf));
		json_object_set_new(x, "other_site", json_boolean(json_integer_value(json_object_get(x, "site_id")) != site_id));
		sb_release(&u);
		free(path);
		free(su);
		json_decref(site);
	}
	json_object_set_new(ctx, "number_groups", number_groups(r, q, p.site_id));
	json_object_set(ctx, "results", rows);
	json_object_set_new(ctx, "has_results", json_boolean(json_array_size(rows) > 0));
	json_object_set(ctx, "searched", json_object_get(res, "searched"));
	json_object_set_new(ctx, "total", json_integer(total));
	json_object_set(ctx, "more", json_object_get(res, "more")); /* over the counting cap */
	json_t *sugg = json_object_get(res, "suggestions"), *slist = json_array();
	json_array_foreach(sugg, i, x) {
		char *u = search_link(r, json_string_value(x), 0);
		json_array_append_new(slist, json_pack("{sOss}", "q", x, "url", u));
		free(u);
	}
	json_object_set_new(ctx, "has_suggestions", json_boolean(json_array_size(slist) > 0));
	json_object_set_new(ctx, "suggestions", slist);
	int64_t pages = (total + PER_PAGE - 1) / PER_PAGE;
	if (pages > 1) {
		json_t *pg = json_object();
		json_object_set_new(pg, "page", json_integer(page));
		json_object_set_new(pg, "pages", json_integer(pages));
		json_object_set_new(pg, "has_prev", json_boolean(page > 1));
		json_object_set_new(pg, "has_next", json_boolean(page < pages));
		if (page > 1) {
			char *u = search_link(r, q, page - 1);
			json_object_set_new(pg, "prev_url", json_string(u));
			free(u);
		}
		if (page < pages) {
			char *u = search_link(r, q, page + 1);
			json_object_set_new(pg, "next_url", json_string(u));
			free(u);
		}
		json_t *items = json_array();
		for (int64_t n = 1; n <= pages; n++) {
			if (n != 1 && n != pages && (n < page - 2 || n > page + 2))
				continue;
			char *u = search_link(r, q, n);
			json_array_append_new(items, json_pack("{sIsssb}", "n", (json_int_t)n, "url", u, "current", n == page));
			free(u);
		}
		json_object_set_new(pg, "items", items);
		json_object_set_new(ctx, "pager", pg);
	}
	json_decref(res);
	resp_header(r, "X-Robots-Tag", "noindex");
	resp_render(r, 200, "public/search", ctx);
}
