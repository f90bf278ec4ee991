/* home.c — a site's home page: featured, latest, a section per top-level category; on the
 * main portal also the latest news of the component sites and the list of those sites.
 * WEBPAGE: GET /  */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"

#include <string.h>

#include "base/banned.h"

/* The directory's label of each kind of site (sites.kind). */
static const char *const kind_labels[][2] = {
	{ "department", "Sở, ban, ngành" },
	{ "district", "Huyện, thị xã, thành phố" },
	{ "commune", "Xã, phường, thị trấn" },
	{ "main", "Cổng chính" },
};

static size_t kind_index(const char *kind)
{
	for (size_t i = 0; i + 1 < ARRAY_SIZE(kind_labels); i++)
		if (kind && strcmp(kind, kind_labels[i][0]) == 0)
			return i;
	return ARRAY_SIZE(kind_labels) - 1;
}

void page_home(struct req *r)
{
	json_int_t site_id = json_integer_value(json_object_get(r->site, "id"));
	int is_main = strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0;
	json_t *ctx = web_public_ctx(r, NULL, "/");
	json_t *sections = json_array();
	json_t *cats = web_categories(r);
	struct web_cards wc;
	size_t i, k = 0;
	json_t *c;

	web_cards_init(&wc, r);
	article_featured(r->db, site_id, 5, web_cards_add, &wc);
	json_object_set_new(ctx, "featured", web_cards_list(&wc, 0));
	web_cards_release(&wc);
	/* the latest list (list 0), then a section per top-level category (list K + 1) when it
	 * has articles */
	web_cards_init(&wc, r);
	article_home(r->db, site_id, cats, 8, 4, web_cards_add, &wc);
	json_object_set_new(ctx, "latest", web_cards_list(&wc, 0));
	json_array_foreach(cats, i, c) {
		if (json_integer_value(json_object_get(c, "depth")) != 0)
			continue;
		json_t *cards = web_cards_list(&wc, ++k);
		if (!json_array_size(cards)) {
			json_decref(cards);
			continue;
		}
		json_t *s = json_object();
		char *path = web_category_path(json_integer_value(json_object_get(c, "id")),
					       json_string_value(json_object_get(c, "slug")));
		json_object_set(s, "name", json_object_get(c, "name"));
		json_object_set_new(s, "url", json_string(path));
		json_object_set_new(s, "articles", cards);
		json_array_append_new(sections, s);
		free(path);
	}
	web_cards_release(&wc);
	json_decref(cats);
	json_object_set_new(ctx, "sections", sections);

	/* component news: each card links to its own site */
	if (is_main) {
		web_cards_init(&wc, r);
		article_from_components(r->db, site_id, 12, web_cards_add, &wc);
		json_t *cards = web_cards_list(&wc, 0);
		web_cards_release(&wc);
		json_object_set_new(ctx, "has_component_news", json_boolean(json_array_size(cards) > 0));
		json_object_set_new(ctx, "component_news", cards);
	}
	/* the main portal lists all 150-odd sites: each item shares the kept site's name and one
	 * label per kind, and its address is written into one buffer */
	json_t *sites = site_directory(r->db, is_main ? 0 : site_id);
	json_t *list = json_array(), *labels[ARRAY_SIZE(kind_labels)];
	struct sb url = SB_INIT;
	for (i = 0; i < ARRAY_SIZE(kind_labels); i++)
		labels[i] = json_string(kind_labels[i][1]);
	json_array_foreach(sites, i, c) {
		if (json_integer_value(json_object_get(c, "id")) == site_id)
			continue;
		json_t *s = json_object();
		sb_reset(&url);
		web_add_site_url(&url, r, c);
		json_object_set_nocheck(s, "name", json_object_get(c, "name"));
		json_object_set_new_nocheck(s, "url", json_stringn(url.buf, url.len));
		json_object_set_nocheck(s, "kind_label", labels[kind_index(json_string_value(json_object_get(c, "kind")))]);
		json_array_append_new(list, s);
	}
	for (i = 0; i < ARRAY_SIZE(kind_labels); i++)
		json_decref(labels[i]);
	sb_release(&url);
	json_decref(sites);
	json_object_set_new(ctx, "sites", list);
	resp_render(r, 200, "public/home", ctx);
}
