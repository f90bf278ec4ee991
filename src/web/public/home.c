/* home.c — a site's home page: featured, latest, a section per top-level category; on the
 * main portal also the latest news of the component sites and the list of those sites.
 * WEBPAGE: GET /  */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"

#include <string.h>

#include "base/banned.h"

/* Two lists of cards, each newest first, as one (their ISO dates, all in Vietnam time, compare
 * as text); takes A, borrows B. */
static json_t *news_merge(json_t *a, json_t *b)
{
	json_t *out = json_array();
	size_t i = 0, j = 0, na = json_array_size(a), nb = json_array_size(b);
	while (i < na || j < nb) {
		const char *da = i < na ? json_string_value(json_object_get(json_array_get(a, i), "date_iso")) : NULL;
		const char *db = j < nb ? json_string_value(json_object_get(json_array_get(b, j), "date_iso")) : NULL;
		if (j >= nb || (i < na && strcmp(da ? da : "", db ? db : "") >= 0))
			json_array_append(out, json_array_get(a, i++));
		else
			json_array_append(out, json_array_get(b, j++));
	}
	json_decref(a);
	return out;
}

void page_home(struct req *r)
{
	if (web_lang_page(r)) { /* "/en/": the site's items in English (public/lang.c) */
		web_lang_list(r, NULL, 0, NULL, "/");
		return;
	}
	json_int_t site_id = json_integer_value(json_object_get(r->site, "id"));
	int is_main = strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0;
	json_t *ctx = web_public_ctx(r, NULL, "/");
	web_feed_links(ctx, "", json_string_value(json_object_get(r->site, "name")));
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
	wc.brief_list = 0; /* the latest list shows titles and dates only */
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
	/* the site's sections in its order (public/nav.c): news (the categories' sections) and a
	 * block of each other kind chosen */
	int news_on = 0;
	json_object_set_new(ctx, "blocks", nav_home_blocks(r, sections, &news_on));
	json_object_set_new(ctx, "news_on", json_boolean(news_on));
	json_object_set_new(ctx, "sections", sections);

	/* component news: each card links to its own site */
	if (is_main) {
		web_cards_init(&wc, r);
		article_from_components(r->db, site_id, 12, web_cards_add, &wc);
		json_t *cards = web_cards_list(&wc, 0);
		web_cards_release(&wc);
		/* #16: the news of member sites hosted elsewhere (their feeds, web/public/extnews.c)
		 * among them, newest first, each marked "external" for its own card */
		json_t *ext = web_ext_news(r, 6);
		if (json_array_size(ext))
			cards = news_merge(cards, ext);
		json_object_set_new(ctx, "has_ext_news", json_boolean(json_array_size(ext) > 0));
		json_decref(ext);
		json_object_set_new(ctx, "has_component_news", json_boolean(json_array_size(cards) > 0));
		json_object_set_new(ctx, "component_news", cards);
	}
	/* the main portal lists all 150-odd sites: the kept sites themselves (shared, with their
	 * kind_label); each one's address is written by the template from its slug and
	 * directory_host ("<base domain>:<port>"): no site of the directory is the main portal */
	json_t *sites = site_directory(r->db, is_main ? 0 : site_id);
	json_t *list = json_array();
	json_array_foreach(sites, i, c)
		if (json_integer_value(json_object_get(c, "id")) != site_id &&
		    strcmp(json_string_value(json_object_get(c, "kind")), "main") != 0)
			json_array_append(list, c);
	json_decref(sites);
	json_object_set_new(ctx, "sites", list);
	struct sb tail = SB_INIT;
	web_add_host_tail(&tail, r);
	json_object_set_new(ctx, "directory_host", json_stringn(tail.buf, tail.len));
	json_object_set_new(ctx, "directory_scheme", json_string(r->secure ? "https" : "http"));
	sb_release(&tail);
	resp_render(r, 200, "public/home", ctx);
}
