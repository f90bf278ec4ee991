/* nav.c — what a site shows around its kinds of information (docs/links.md): the main menu's
 * sections (the kinds the site chose: model/sections.h) and the footer's links, the home page's
 * block per kind, the site map page and sitemap.xml, the administrative boundary map, the fixed
 * pages at their own addresses, and the grouped list of links.
 * WEBPAGE: GET /so-do-trang           the site map: a text tree of every public section
 * WEBPAGE: GET /sitemap.xml           the same addresses and every published item of the site
 *                                     with its last change, for crawlers; a sitemap index of
 *                                     /sitemap-<n>.xml when they are more than SITEMAP_URLS
 * WEBPAGE: GET /sitemap-<n>.xml       page N (from 1) of those addresses, SITEMAP_URLS at most
 * WEBPAGE: GET /ban-do-hanh-chinh     the administrative units down to communes: a schematic SVG
 *                                     (or the official map the site published) and their list
 * WEBPAGE: GET /gioi-thieu, /chuc-nang-nhiem-vu, /lich-su   302 to the site's fixed page of that
 *                                     type (model/kinds.c "page"), 404 when it has none */
#include "web/web.h"
#include "model/translation.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/arena.h"
#include "model/item.h"
#include "model/kind.h"
#include "model/links.h"
#include "model/sections.h"
#include "vn/units.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define SECTIONS_MAX 64
#define FOOTER_LINKS 12
#define LINKS_PER_GROUP 20 /* on /lien-ket; the rest on the group's own list */
#define HOME_ITEMS 5
/* Addresses one sitemap file may hold (sitemaps.org): past it /sitemap.xml is an index of
 * pages of that many. A compile-time constant, tested with as many items. */
#define SITEMAP_URLS 50000

static json_int_t site_id_of_req(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

/* The kind of category C ("article" when it names none). */
static const char *cat_kind(json_t *c)
{
	const char *k = json_string_value(json_object_get(c, "kind"));
	return k && *k ? k : "article";
}

static json_t *cat_by_id(json_t *cats, json_int_t id)
{
	size_t i;
	json_t *c;
	json_array_foreach(cats, i, c)
		if (json_integer_value(json_object_get(c, "id")) == id)
			return c;
	return NULL;
}

void nav_menu_ctx(struct req *r, json_t *ctx)
{
	const struct kind *ks[SECTIONS_MAX];
	size_t n = site_sections(r->db, site_id_of_req(r), ks, SECTIONS_MAX, NULL);
	json_t *old = json_object_get(ctx, "menu"), *cats = web_categories(r), *menu = json_array();
	size_t i, j;
	json_t *m;
	/* each entry's kind, found once (NULL: not a category of the site) */
	size_t nold = json_array_size(old);
	const char **mk = xcalloc(nold ? nold : 1, sizeof(*mk));
	json_array_foreach(old, j, m) {
		json_t *c = cat_by_id(cats, json_integer_value(json_object_get(m, "id")));
		mk[j] = c ? cat_kind(c) : NULL;
	}
	for (i = 0; i < n; i++) {
		const struct kind *k = ks[i];
		if (strcmp(k->name, "article") == 0) { /* news: its categories, as before */
			json_array_foreach(old, j, m)
				if (!mk[j] || strcmp(mk[j], "article") == 0)
					json_array_append(menu, m);
			continue;
		}
		/* another kind: its list, and its own categories under it */
		struct sb url = SB_INIT;
		sb_addf(&url, "/%s", k->segment);
		json_t *children = json_array();
		json_array_foreach(old, j, m) {
			/* its category named as the kind itself ("Văn bản" under "Văn bản") is the list */
			if (mk[j] && strcmp(mk[j], k->name) == 0 &&
			    strcmp(json_string_value(json_object_get(m, "name")), k->label) != 0)
				json_array_append_new(children, json_pack("{sOsO}", "name", json_object_get(m, "name"), "url",
									  json_object_get(m, "url")));
		}
		json_array_append_new(menu, json_pack("{sssssosbss}", "name", kind_tr(req_texts(r), k, NULL), "url", url.buf, "children", children,
						      "active", 0, "kind", k->name));
		sb_release(&url);
	}
	free(mk);
	json_decref(cats);
	json_object_set_new(ctx, "menu", menu);
}

void nav_footer_ctx(struct req *r, json_t *ctx)
{
	/* the footer's links, rendered alone and kept with the connection until the database
	 * changes (every page shows them; reading them sorts every link of the site) */
	struct sb lkey = SB_INIT, lhtml = SB_INIT;
	web_fragment_prefix(r, &lkey, 'W');
	sb_addf(&lkey, "%lld", (long long)site_id_of_req(r));
	size_t llen;
	const char *lkept = web_fragment_get(r, lkey.buf, &llen);
	if (lkept) {
		sb_add(&lhtml, lkept, llen);
	} else {
		json_t *links = links_public(r->db, site_id_of_req(r), FOOTER_LINKS);
		json_t *lv = json_pack("{sbso}", "has_footer_links", json_array_size(links) > 0, "footer_links", links);
		web_render_part(r, "public/footer_links", lv, &lhtml);
		web_fragment_put(r, lkey.buf, lhtml.buf ? lhtml.buf : "", lhtml.len);
		json_decref(lv);
	}
	/* rendered from checked text: valid UTF-8 */
	json_object_set_new(ctx, "footer_links_html", json_stringn_nocheck(lhtml.buf ? lhtml.buf : "", lhtml.len));
	sb_release(&lkey);
	sb_release(&lhtml);
	json_object_set_new(ctx, "links_url", json_string("/lien-ket"));
	json_object_set_new(ctx, "sitemap_url", json_string("/so-do-trang"));
	json_object_set_new(ctx, "rss_url", json_string("/rss.xml")); /* the site's feed (web/public/feeds.c) */
	json_object_set_new(ctx, "boundary_map_url", json_string("/ban-do-hanh-chinh"));
}

/* The newest published items of K on the request's site: [{title, url, date, date_iso}]. */
static json_t *newest(struct req *r, const struct kind *k, int64_t limit)
{
	json_t *ids = item_list_ids(r->db, site_id_of_req(r), k->name, 0, NULL, 0, limit, 0, NULL);
	json_t *rows = ids && json_array_size(ids) ? item_rows_by_ids(r->db, ids, k->name, 0) : json_array();
	json_t *out = json_array();
	const struct kind_field *sf = kind_sort_field(k);
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		char *path = web_item_path(k->name, json_string_value(json_object_get(row, "slug")),
					   json_integer_value(json_object_get(row, "id")));
		json_t *it = json_pack("{sOsssnsn}", "title", json_object_get(row, "title"), "url", path, "date", "date_iso");
		json_t *d = sf ? json_object_get(item_row_fields(row), sf->key) : NULL;
		if (json_is_string(d) && json_string_length(d)) {
			char *t = kind_value_text(sf, d);
			json_object_set_new(it, "date", json_string(t));
			json_object_set(it, "date_iso", d);
			free(t);
		}
		json_array_append_new(out, it);
		free(path);
	}
	json_decref(rows);
	json_decref(ids);
	return out;
}

json_t *nav_home_blocks(struct req *r, json_t *news_sections, int *news_on)
{
	const struct kind *ks[SECTIONS_MAX];
	size_t n = site_sections(r->db, site_id_of_req(r), ks, SECTIONS_MAX, NULL);
	json_t *blocks = json_array();
	*news_on = 0;
	for (size_t i = 0; i < n; i++) {
		const struct kind *k = ks[i];
		if (strcmp(k->name, "article") == 0) {
			*news_on = 1;
			json_array_append_new(blocks, json_pack("{sbsOsn}", "is_news", 1, "sections", news_sections, "kind"));
			continue;
		}
		json_t *items = newest(r, k, HOME_ITEMS);
		if (!json_array_size(items)) {
			json_decref(items);
			continue;
		}
		char url[80], id[80];
		snprintf(url, sizeof(url), "/%s", k->segment);
		snprintf(id, sizeof(id), "muc-%s", k->segment);
		json_array_append_new(blocks, json_pack("{sbsns{sssssssssssoss}}", "is_news", 0, "sections", "kind", "label",
							kind_tr(req_texts(r), k, NULL), "label_one", kind_tr(req_texts(r), k, "one"), "url", url, "id", id, "name",
							k->name, "items", items, "more", rtr(r, "home_view_all")));
	}
	return blocks;
}

/* ---- the grouped list of links (/lien-ket) ---- */

/* The groups' HTML (public/link_groups): each group's first LINKS_PER_GROUP links in their order
 * and, when it has more, a link to the group's whole list (the generic table, paged); "" when the
 * site has no links. */
static void link_groups_html(struct req *r, const struct kind *k, struct sb *out)
{
	const struct kind_field *gf = kind_field(k, "nhom");
	json_t *links = links_public(r->db, site_id_of_req(r), 2000), *groups = json_array(), *cur = NULL;
	const char *cur_key = NULL;
	json_int_t n = 0;
	size_t i;
	json_t *l;
	json_array_foreach(links, i, l) {
		const char *g = json_string_value(json_object_get(l, "nhom"));
		if (!cur || strcmp(cur_key, g) != 0) {
			char id[96];
			snprintf(id, sizeof(id), "nhom-%zu", json_array_size(groups) + 1);
			struct sb more = SB_INIT;
			sb_addf(&more, "/%s?nhom=", k->segment);
			sb_add_urlenc(&more, g, strlen(g));
			cur = json_pack("{sssssss[]}", "label", gf ? kind_tr_choice(req_texts(r), k, gf, g) : g, "id", id, "more_url", more.buf, "links");
			sb_release(&more);
			json_array_append_new(groups, cur);
			cur_key = g;
			n = 0;
		}
		json_object_set_new(cur, "total", json_integer(++n));
		if (n > LINKS_PER_GROUP) {
			json_object_set_new(cur, "has_more", json_true());
			continue;
		}
		char *page = web_item_path("link", json_string_value(json_object_get(l, "slug")),
					   json_integer_value(json_object_get(l, "id")));
		json_array_append_new(json_object_get(cur, "links"),
				      json_pack("{sOsOss}", "title", json_object_get(l, "title"), "url", json_object_get(l, "url"),
						"page_url", page));
		free(page);
	}
	if (json_array_size(groups)) {
		json_t *view = json_pack("{so}", "link_groups", groups);
		web_render_part(r, "public/link_groups", view, out);
		json_decref(view);
	} else {
		json_decref(groups);
	}
	json_decref(links);
}

int links_list_page(struct req *r, const struct kind *k)
{
	/* a filtered list, a page of it or a number search: the generic table */
	static const char *const args[] = { "nhom", "nam", "trang", "q", "chuyen-muc" };
	for (size_t a = 0; a < sizeof(args) / sizeof(args[0]); a++)
		if (req_arg(r, args[a]))
			return 0;
	/* kept with the connection until the database changes; a new reference, as a fragment put
	 * later in the request may start the memo again */
	struct sb key = SB_INIT;
	web_fragment_prefix(r, &key, 'L');
	json_t *kept = web_kept_json(r, key.buf);
	if (kept) {
		json_incref(kept);
	} else {
		struct sb html = SB_INIT;
		link_groups_html(r, k, &html);
		/* rendered from checked text: valid UTF-8, not checked again */
		kept = json_stringn_nocheck(html.buf ? html.buf : "", html.len);
		web_keep_json(r, key.buf, kept);
		sb_release(&html);
	}
	sb_release(&key);
	if (!json_string_length(kept)) { /* no links: the generic list says so */
		json_decref(kept);
		return 0;
	}
	char base[80], url[96];
	snprintf(base, sizeof(base), "/%s", k->segment);
	json_t *ctx = web_public_ctx(r, kind_tr(req_texts(r), k, NULL), base);
	web_crumb(ctx, kind_tr(req_texts(r), k, NULL), NULL);
	web_feed_links(ctx, base, kind_tr(req_texts(r), k, NULL));
	json_object_set_new(ctx, "has_link_groups", json_true());
	json_object_set_new(ctx, "link_groups_html", kept);
	json_t *list = json_object();
	snprintf(url, sizeof(url), "%s.csv", base);
	json_object_set_new(list, "csv_url", json_string(url));
	snprintf(url, sizeof(url), "%s.json", base);
	json_object_set_new(list, "json_url", json_string(url));
	json_object_set_new(ctx, "list", list);
	resp_render(r, 200, k->tpl_list, ctx);
	return 1;
}

/* ---- fixed pages at their own addresses ---- */

/* The newest published fixed page of type TYPE on the request's site: its row, or NULL. */
static json_t *fixed_page(struct req *r, const char *type)
{
	struct item_filter f = { "loai", type };
	json_t *ids = item_list_ids(r->db, site_id_of_req(r), "page", 0, &f, 1, 1, 0, NULL);
	json_t *row = json_array_size(ids)
			      ? item_get_public(r->db, site_id_of_req(r), "page", json_integer_value(json_array_get(ids, 0)))
			      : NULL;
	json_decref(ids);
	return row;
}

static const struct {
	const char *path, *type, *name;
} fixed_paths[] = {
	{ "/gioi-thieu", "gioi-thieu", "fixed_about" }, /* keys of texts */
	{ "/chuc-nang-nhiem-vu", "chuc-nang-nhiem-vu", "fixed_functions" },
	{ "/lich-su", "lich-su", "fixed_history" },
};

void page_fixed(struct req *r)
{
	for (size_t i = 0; i < sizeof(fixed_paths) / sizeof(fixed_paths[0]); i++) {
		if (strcmp(r->path, fixed_paths[i].path) != 0)
			continue;
		json_t *row = fixed_page(r, fixed_paths[i].type);
		if (!row) {
			web_error(r, 404, rtr(r, fixed_paths[i].name), rtr(r, "fixed_empty"));
			return;
		}
		char *path = web_item_path("page", json_string_value(json_object_get(row, "slug")),
					   json_integer_value(json_object_get(row, "id")));
		/* "/en/gioi-thieu": the page's published translation when it has one, else the
		 * Vietnamese page (model/translation.h) */
		if (web_lang_page(r)) {
			json_t *alt = translation_alternates(r->db, json_integer_value(json_object_get(row, "id"))), *a;
			size_t k;
			json_array_foreach(alt, k, a)
				if (strcmp(json_string_value(json_object_get(a, "lang")), r->lang) == 0) {
					free(path);
					struct sb b = SB_INIT;
					char *own = web_item_path("page", json_string_value(json_object_get(a, "slug")),
								  json_integer_value(json_object_get(a, "id")));
					sb_addf(&b, "%s%s", req_lang_prefix(r), own);
					free(own);
					path = sb_detach(&b, NULL);
					break;
				}
			json_decref(alt);
		}
		resp_redirect(r, 302, path);
		free(path);
		json_decref(row);
		return;
	}
	resp_error(r, 404, "not_found");
}

/* ---- the site map ---- */

static json_t *node(const char *name, const char *url)
{
	return json_pack("{sssos[]sb}", "name", name, "url", url ? json_string(url) : json_null(), "children",
			 "has_children", 0);
}

static json_t *node_add(json_t *parent, json_t *child)
{
	json_array_append_new(json_object_get(parent, "children"), child);
	json_object_set_new(parent, "has_children", json_true());
	return child;
}

/* The categories of kind KIND under PARENT, as their tree (depth 0 to 2). */
static void cats_under(json_t *parent, json_t *cats, const char *kind)
{
	const struct kind *k = strcmp(kind, "article") != 0 ? kind_find(kind) : NULL;
	json_t *lvl[3] = { parent, NULL, NULL };
	size_t i;
	json_t *c;
	json_array_foreach(cats, i, c) {
		json_int_t depth = json_integer_value(json_object_get(c, "depth"));
		if (depth > 2)
			continue;
		if (depth == 0 && strcmp(cat_kind(c), kind) != 0) {
			lvl[1] = lvl[2] = NULL;
			continue;
		}
		if (depth > 0 && !lvl[depth])
			continue;
		char *path = web_category_path(json_integer_value(json_object_get(c, "id")),
					       json_string_value(json_object_get(c, "slug")));
		json_t *nd = node_add(depth == 0 ? parent : lvl[depth], node(json_string_value(json_object_get(c, "name")), path));
		free(path);
		if (k) { /* sitemap.xml names the address the category's page moves to (category.c) */
			struct sb loc = SB_INIT;
			sb_addf(&loc, "/%s?chuyen-muc=%lld", k->segment, (long long)json_integer_value(json_object_get(c, "id")));
			json_object_set_new(nd, "loc", json_string(loc.buf));
			sb_release(&loc);
		}
		if (depth < 2)
			lvl[depth + 1] = nd;
		if (depth == 0)
			lvl[2] = NULL;
	}
}

/* The site map's tree: the home, each section (news with its categories; another kind's list
 * with its categories, the fixed pages with each page), then the pages every site has. */
static json_t *sitemap_tree(struct req *r)
{
	const struct kind *ks[SECTIONS_MAX];
	size_t n = site_sections(r->db, site_id_of_req(r), ks, SECTIONS_MAX, NULL);
	json_t *cats = web_categories(r), *root = node(rtr(r, "nav_home"), "/");
	int has_links = 0, has_pages = 0;
	for (size_t i = 0; i < n; i++) {
		const struct kind *k = ks[i];
		if (strcmp(k->name, "article") == 0) {
			json_t *nd = node_add(root, node(rtr(r, "sitemap_news"), NULL));
			cats_under(nd, cats, "article");
			continue;
		}
		char url[80];
		snprintf(url, sizeof(url), "/%s", k->segment);
		json_t *nd = node_add(root, node(kind_tr(req_texts(r), k, NULL), url));
		cats_under(nd, cats, k->name);
		has_links |= strcmp(k->name, "link") == 0;
		if (strcmp(k->name, "page") == 0) { /* each fixed page */
			has_pages = 1;
			json_t *ids = item_list_ids(r->db, site_id_of_req(r), "page", 0, NULL, 0, 200, 0, NULL);
			json_t *rows = json_array_size(ids) ? item_rows_by_ids(r->db, ids, "page", 0) : json_array();
			size_t j;
			json_t *row;
			json_array_foreach(rows, j, row) {
				char *p = web_item_path("page", json_string_value(json_object_get(row, "slug")),
							json_integer_value(json_object_get(row, "id")));
				json_t *pn = node_add(nd, node(json_string_value(json_object_get(row, "title")), p));
				/* sitemap.xml lists it among the items, with its last change */
				json_object_set_new(pn, "item", json_true());
				free(p);
			}
			json_decref(rows);
			json_decref(ids);
		}
	}
	json_decref(cats);
	json_t *more = node_add(root, node(rtr(r, "sitemap_tools"), NULL));
	if (!has_pages)
		for (size_t i = 0; i < sizeof(fixed_paths) / sizeof(fixed_paths[0]); i++) {
			json_t *row = fixed_page(r, fixed_paths[i].type);
			if (row)
				node_add(more, node(fixed_paths[i].name, fixed_paths[i].path));
			json_decref(row);
		}
	node_add(more, node(rtr(r, "footer_boundary_map"), "/ban-do-hanh-chinh"));
	if (!has_links)
		node_add(more, node(rtr(r, "links_title"), "/lien-ket"));
	node_add(more, node(rtr(r, "search_title"), "/tim-kiem"));
	node_add(more, node(rtr(r, "sitemap_title"), "/so-do-trang"));
	/* the open data and the accessibility statement (web/public/opendata.c, a11y.c) */
	node_add(more, node(rtr(r, "a11y_open_title"), "/du-lieu-mo"));
	node_add(more, node(rtr(r, "a11y_statement_title"), "/tro-nang-tiep-can"));
	return root;
}

void page_sitemap(struct req *r)
{
	json_t *ctx = web_public_ctx(r, rtr(r, "sitemap_title"), "/so-do-trang");
	web_crumb(ctx, rtr(r, "sitemap_title"), NULL);
	json_t *root = sitemap_tree(r);
	json_object_set_new(ctx, "tree", json_pack("[o]", root));
	resp_render(r, 200, "public/sitemap", ctx);
}

/* <url> of PATH on the site at SITE_URL ("http://host:port/"), with its last change when LASTMOD
 * and, when ALTS (NULL: none) names versions in other languages, every version as an
 * <xhtml:link rel="alternate" hreflang="…"> (#16; Google's sitemap form of hreflang): ALTS is
 * [{hreflang, path}], the page itself and x-default included. */
static void xml_url(struct sb *b, const char *site_url, const char *path, int64_t lastmod, json_t *alts)
{
	sb_adds(b, "<url><loc>");
	sb_add_xml(b, site_url, strlen(site_url) - 1); /* without its "/" */
	sb_add_xml(b, path, strlen(path));
	sb_adds(b, "</loc>");
	if (lastmod) {
		char d[40];
		time_format_iso(lastmod, d, sizeof(d));
		sb_addf(b, "<lastmod>%s</lastmod>", d);
	}
	size_t i;
	json_t *a;
	json_array_foreach(alts, i, a) {
		const char *lang = json_string_value(json_object_get(a, "hreflang"));
		const char *p = json_string_value(json_object_get(a, "path"));
		sb_adds(b, "<xhtml:link rel=\"alternate\" hreflang=\"");
		sb_add_xml(b, lang, strlen(lang));
		sb_adds(b, "\" href=\"");
		sb_add_xml(b, site_url, strlen(site_url) - 1);
		sb_add_xml(b, p, strlen(p));
		sb_adds(b, "\"/>");
	}
	sb_adds(b, "</url>\n");
}

/* The site's languages other than Vietnamese, as sites.languages lists them: ["en", "km"]. */
static json_t *site_other_languages(json_t *site)
{
	json_t *out = json_array();
	const char *p = json_string_value(json_object_get(site, "languages"));
	while (p && *p) {
		size_t n = strcspn(p, " ");
		if (n && n < 8) {
			char code[8];
			snprintf(code, sizeof(code), "%.*s", (int)n, p);
			if (strcmp(code, "vi") != 0)
				json_array_append_new(out, json_string(code));
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	return out;
}

/* The alternates of the language homes: "/" (Vietnamese, also x-default), "/en/"… */
static json_t *home_alternates(json_t *langs)
{
	json_t *alts = json_pack("[{ssss}]", "hreflang", "vi", "path", "/");
	size_t i;
	json_t *l;
	json_array_foreach(langs, i, l) {
		char p[16];
		snprintf(p, sizeof(p), "/%s/", json_string_value(l));
		json_array_append_new(alts, json_pack("{ssss}", "hreflang", json_string_value(l), "path", p));
	}
	json_array_append_new(alts, json_pack("{ssss}", "hreflang", "x-default", "path", "/"));
	return alts;
}

/* The site map tree's own addresses (not its items': those come with their last change) in
 * order, appended to PATHS: a node's "loc" when it has one (where its "url" redirects). */
static void tree_paths(json_t *nd, json_t *paths)
{
	const char *u = json_string_value(json_object_get(nd, json_object_get(nd, "loc") ? "loc" : "url"));
	if (u && *u == '/' && !json_is_true(json_object_get(nd, "item")))
		json_array_append_new(paths, json_string(u));
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(nd, "children"), i, c)
		tree_paths(c, paths);
}

struct sitemap_out {
	struct sb *b;
	const char *site_url;
	json_t *site;         /* its languages: only their translations are alternates */
	json_t *translations; /* translation_sitemap_map's */
};

static void sitemap_item(const struct item_url *u, void *arg)
{
	struct sitemap_out *o = arg;
	char *p = web_item_path(u->kind, u->slug, u->id), key[24];
	snprintf(key, sizeof(key), "%lld", (long long)u->id);
	json_t *tr = json_object_get(o->translations, key), *alts = NULL, *t;
	size_t i;
	json_array_foreach(tr, i, t) {
		const char *lang = json_string_value(json_object_get(t, "lang"));
		if (!site_has_language(o->site, lang))
			continue;
		if (!alts)
			alts = json_pack("[{ssss}]", "hreflang", "vi", "path", p);
		char *tp = web_item_path(json_string_value(json_object_get(t, "kind")), json_string_value(json_object_get(t, "slug")),
					 json_integer_value(json_object_get(t, "id")));
		struct sb lp = SB_INIT;
		sb_addf(&lp, "/%s%s", lang, tp);
		json_array_append_new(alts, json_pack("{ssss}", "hreflang", lang, "path", lp.buf));
		sb_release(&lp);
		free(tp);
	}
	if (alts) /* the Vietnamese original is the version for any other language */
		json_array_append_new(alts, json_pack("{ssss}", "hreflang", "x-default", "path", p));
	xml_url(o->b, o->site_url, p, u->lastmod, alts);
	json_decref(alts);
	free(p);
}

/* The site's addresses are one sequence — the site map tree's, then every published item of the
 * site in order of publication (model/item.h item_each_public) — cut into pages of SITEMAP_URLS:
 * /sitemap.xml holds them all when they fit, else it is the index of /sitemap-1.xml… Page 0 is
 * /sitemap.xml. */
void page_sitemap_xml(struct req *r)
{
	int64_t page = 0;
	if (r->captures[0]) { /* "sitemap-<n>.xml", handed on by page_item_list */
		const char *c = r->captures[0];
		size_t n = strlen(c);
		char num[24];
		if (n <= 12 || n - 12 >= sizeof(num) || strncmp(c, "sitemap-", 8) != 0 || strcmp(c + n - 4, ".xml") != 0) {
			resp_error(r, 404, "not_found");
			return;
		}
		snprintf(num, sizeof(num), "%.*s", (int)(n - 12), c + 8);
		if (num[0] == '0' || parse_i64(num, 1, INT64_MAX / SITEMAP_URLS, &page)) {
			resp_error(r, 404, "not_found");
			return;
		}
	}
	json_t *root = sitemap_tree(r), *paths = json_array();
	tree_paths(root, paths);
	json_decref(root);
	/* the homes of the site's other languages follow its own (#16) */
	json_t *langs = site_other_languages(r->site), *l;
	json_t *home_alts = json_array_size(langs) ? home_alternates(langs) : NULL;
	size_t li;
	json_array_foreach(langs, li, l) {
		char p[16];
		snprintf(p, sizeof(p), "/%s/", json_string_value(l));
		json_array_insert_new(paths, li + 1, json_string(p));
	}
	int64_t ntree = (int64_t)json_array_size(paths);
	int64_t total = ntree + item_count_public(r->db, site_id_of_req(r));
	int64_t pages = (total + SITEMAP_URLS - 1) / SITEMAP_URLS;
	if (page && (pages <= 1 || page > pages)) { /* no such page: all fit in /sitemap.xml */
		json_decref(paths);
		json_decref(langs);
		json_decref(home_alts);
		resp_error(r, 404, "not_found");
		return;
	}
	struct sb b = SB_INIT;
	char *site_url = web_site_url(r, r->site);
	sb_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	if (!page && pages > 1) {
		sb_adds(&b, "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		for (int64_t p = 1; p <= pages; p++) {
			sb_adds(&b, "<sitemap><loc>");
			sb_add_xml(&b, site_url, strlen(site_url));
			sb_addf(&b, "sitemap-%lld.xml</loc></sitemap>\n", (long long)p);
		}
		sb_adds(&b, "</sitemapindex>\n");
	} else {
		/* the addresses [LO, HI) of the sequence */
		int64_t lo = page ? (page - 1) * SITEMAP_URLS : 0, hi = lo + SITEMAP_URLS;
		sb_adds(&b, "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"");
		if (home_alts)
			sb_adds(&b, " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
		sb_adds(&b, ">\n");
		for (int64_t i = lo; i < ntree && i < hi; i++) {
			/* the homes ("/", "/en/"…) are the first addresses: each names the others */
			const char *p = json_string_value(json_array_get(paths, (size_t)i));
			xml_url(&b, site_url, p, 0, i <= (int64_t)json_array_size(langs) ? home_alts : NULL);
		}
		int64_t from = lo > ntree ? lo : ntree;
		struct sitemap_out o = { &b, site_url, r->site,
					 home_alts ? translation_sitemap_map(r->db, site_id_of_req(r)) : NULL };
		int failed = hi > from && item_each_public(r->db, site_id_of_req(r), from - ntree, hi - from, sitemap_item, &o) < 0;
		json_decref(o.translations);
		if (failed) {
			json_decref(langs);
			json_decref(home_alts);
			sb_release(&b);
			free(site_url);
			json_decref(paths);
			resp_error(r, 500, "server_error");
			return;
		}
		sb_adds(&b, "</urlset>\n");
	}
	resp_bytes(r, 200, "application/xml; charset=utf-8", b.buf, b.len);
	sb_release(&b);
	free(site_url);
	json_decref(paths);
	json_decref(langs);
	json_decref(home_alts);
}

/* ---- the administrative boundary map ---- */

void page_boundary_map(struct req *r)
{
	json_t *ctx = web_public_ctx(r, rtr(r, "footer_boundary_map"), "/ban-do-hanh-chinh");
	web_crumb(ctx, rtr(r, "footer_boundary_map"), NULL);
	/* the component sites by name: a unit with a site links to it */
	json_t *sites = site_directory(r->db, 0);
	const char *here = json_string_value(json_object_get(r->site, "name"));
	/* a district's site shows its own district; the others the whole province */
	int only = -1;
	for (size_t i = 0; i < admin_ndistricts; i++)
		if (here && strcmp(here, admin_districts[i].name) == 0)
			only = (int)i;
	json_t *districts = json_array();
	size_t ncommunes = 0;
	for (size_t i = 0; i < admin_ndistricts; i++) {
		const struct admin_district *d = &admin_districts[i];
		if (only >= 0 && (size_t)only != i)
			continue;
		char id[32];
		snprintf(id, sizeof(id), "dv-%zu", i + 1);
		json_t *dv = json_pack("{sssssssnsisisisisisisi}", "name", d->name, "code", d->code, "id", id, "site_url", "x",
				       d->x, "y", d->y, "w", d->w, "h", d->h, "cx", d->x + d->w / 2, "cy", d->y + d->h / 2, "cy2",
				       d->y + d->h / 2 + 18);
		json_t *communes = json_array();
		size_t k;
		json_t *s;
		json_array_foreach(sites, k, s) {
			if (strcmp(json_string_value(json_object_get(s, "name")), d->name) == 0 &&
			    strcmp(json_string_value(json_object_get(s, "kind")), "commune") != 0) {
				char *u = web_site_url(r, s);
				json_object_set_new(dv, "site_url", json_string(u));
				free(u);
			}
		}
		size_t nc = 0;
		for (const struct admin_unit *c = d->communes; c->name; c++, nc++) {
			json_t *cu = json_pack("{sssssn}", "name", c->name, "code", c->code, "site_url");
			json_array_foreach(sites, k, s) {
				if (strcmp(json_string_value(json_object_get(s, "name")), c->name) == 0 &&
				    strcmp(json_string_value(json_object_get(s, "kind")), "commune") == 0) {
					char *u = web_site_url(r, s);
					json_object_set_new(cu, "site_url", json_string(u));
					free(u);
				}
			}
			json_array_append_new(communes, cu);
		}
		ncommunes += nc;
		json_object_set_new(dv, "communes", communes);
		json_object_set_new(dv, "n", json_integer((json_int_t)nc));
		json_array_append_new(districts, dv);
	}
	json_decref(sites);
	json_object_set_new(ctx, "province", json_string(admin_province_name));
	json_object_set_new(ctx, "province_code", json_string(admin_province_code));
	json_object_set_new(ctx, "units_source", json_string(admin_units_source));
	json_object_set_new(ctx, "districts", districts);
	json_object_set_new(ctx, "ndistricts", json_integer((json_int_t)json_array_size(districts)));
	json_object_set_new(ctx, "ncommunes", json_integer((json_int_t)ncommunes));
	json_object_set_new(ctx, "one_district", json_boolean(only >= 0));
	/* the official map the site published (a fixed page of type ban-do-hanh-chinh), if any */
	json_t *row = fixed_page(r, "ban-do-hanh-chinh");
	if (row) {
		char *p = web_item_path("page", json_string_value(json_object_get(row, "slug")),
					json_integer_value(json_object_get(row, "id")));
		json_t *off = json_pack("{sOssso}", "title", json_object_get(row, "title"), "url", p, "body_html",
					json_object_get(row, "body") ? json_incref(json_object_get(row, "body")) : json_string(""));
		/* its image field: the official map (a file of the site's library, with its alt text) */
		const struct kind *pk = kind_find("page");
		const struct kind_field *mf = pk ? kind_field(pk, "ban_do") : NULL;
		json_t *fv = json_object_get(row, "f"); /* item_get_public's fields */
		json_t *img = mf ? kind_value_view(r, site_id_of_req(r), mf, json_object_get(fv, "ban_do"), NULL) : NULL;
		if (img && json_is_true(json_object_get(img, "is_image")))
			json_object_set_new(off, "image", img);
		else
			json_decref(img);
		json_object_set_new(ctx, "official", off);
		free(p);
		json_decref(row);
	}
	resp_render(r, 200, "public/boundary_map", ctx);
}
