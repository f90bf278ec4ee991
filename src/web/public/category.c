/* category.c — a category's listing with pagination; items of its subcategories included.
 * WEBPAGE: GET /chuyen-muc/<slug>-<id>?trang=N
 * A category of another kind than news answers 301 to /<segment>?chuyen-muc=<id>.  */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/kind.h"

#include <string.h>

#include "base/banned.h"

#define PER_PAGE 12

void page_category(struct req *r)
{
	int64_t id = web_slug_id(r->captures[0], NULL);
	/* the site's categories, read once for the menu, answer every question about this one */
	json_t *all = web_categories(r);
	json_t *cat = id > 0 ? category_in(all, id) : NULL;
	if (!cat) {
		json_decref(all);
		resp_error(r, 404, "category_not_found");
		return;
	}
	/* a category of another kind (legal documents) is a filter of that kind's list */
	const char *ckind = json_string_value(json_object_get(cat, "kind"));
	const struct kind *k = ckind && strcmp(ckind, "article") != 0 ? kind_find(ckind) : NULL;
	if (k) {
		struct sb loc = SB_INIT;
		sb_addf(&loc, "/%s?chuyen-muc=%lld", k->segment, (long long)id);
		resp_redirect(r, 301, loc.buf);
		sb_release(&loc);
		json_decref(all);
		return;
	}
	char *path = web_category_path(id, json_string_value(json_object_get(cat, "slug")));
	if (strcmp(path, r->path) != 0) { /* renamed: the old address moves for good */
		struct sb loc = SB_INIT;
		sb_adds(&loc, path);
		const char *page = req_arg(r, "trang");
		if (page) {
			sb_adds(&loc, "?trang=");
			sb_add_urlenc(&loc, page, strlen(page));
		}
		resp_redirect(r, 301, loc.buf);
		sb_release(&loc);
		goto out;
	}
	if (web_lang_page(r)) { /* "/en/chuyen-muc/…": its news in English (public/lang.c) */
		web_lang_list(r, kind_find("article"), id, json_string_value(json_object_get(cat, "name")), path);
		goto out;
	}
	int64_t page = req_arg_int(r, "trang", 1, 1, 100000), total;
	struct web_cards wc;
	web_cards_init(&wc, r);
	article_in_category(r->db, all, id, PER_PAGE, (page - 1) * PER_PAGE, &total, web_cards_add, &wc);
	json_t *cards = web_cards_list(&wc, 0);
	web_cards_release(&wc);
	int64_t pages = total ? (total + PER_PAGE - 1) / PER_PAGE : 1;
	if (page > pages) {
		json_decref(cards);
		resp_error(r, 404, "page_not_found");
		goto out;
	}
	struct sb canon = SB_INIT;
	sb_adds(&canon, path);
	if (page > 1)
		sb_addf(&canon, "?trang=%lld", (long long)page);
	const char *name = json_string_value(json_object_get(cat, "name"));
	struct sb title = SB_INIT;
	if (page > 1)
		sb_addf(&title, "%s - Trang %lld", name, (long long)page);
	else
		sb_adds(&title, name);
	json_t *ctx = web_public_ctx(r, title.buf, canon.buf);
	sb_release(&title);
	sb_release(&canon);
	web_feed_links(ctx, path, name);
	web_subscribe_link(r, ctx, id, NULL); /* "Nhận tin qua thư": the subscription form, pre-filled */

	/* breadcrumbs: the category's ancestors, then itself */
	json_t *chain = json_array();
	json_t *cur = cat;
	for (int depth = 0; cur && depth < 16; depth++) {
		json_array_insert(chain, 0, cur);
		json_t *p = json_object_get(cur, "parent_id");
		cur = json_is_integer(p) ? category_in(all, json_integer_value(p)) : NULL;
	}
	size_t i;
	json_t *c;
	json_array_foreach(chain, i, c) {
		char *cp = web_category_path(json_integer_value(json_object_get(c, "id")),
					     json_string_value(json_object_get(c, "slug")));
		web_crumb(ctx, json_string_value(json_object_get(c, "name")),
			  i + 1 < json_array_size(chain) ? cp : NULL);
		free(cp);
	}
	/* the menu marks the top-level ancestor active */
	json_int_t top_id = json_integer_value(json_object_get(json_array_get(chain, 0), "id"));
	json_array_foreach(web_menu_own(ctx), i, c)
		if (json_integer_value(json_object_get(c, "id")) == top_id)
			json_object_set_new(c, "active", json_true());
	json_decref(chain);

	json_t *vc = json_object();
	json_object_set(vc, "name", json_object_get(cat, "name"));
	json_object_set_new(vc, "url", json_string(path));
	json_object_set(vc, "description", json_object_get(cat, "description"));
	json_object_set_new(ctx, "category", vc);

	json_t *subs = json_array();
	json_array_foreach(all, i, c) {
		if (json_integer_value(json_object_get(c, "parent_id")) != id)
			continue;
		json_t *s = json_object();
		char *sp = web_category_path(json_integer_value(json_object_get(c, "id")),
					     json_string_value(json_object_get(c, "slug")));
		json_object_set(s, "name", json_object_get(c, "name"));
		json_object_set_new(s, "url", json_string(sp));
		json_array_append_new(subs, s);
		free(sp);
	}
	json_object_set_new(ctx, "subcategories", subs);
	json_object_set_new(ctx, "has_articles", json_boolean(json_array_size(cards) > 0));
	json_object_set_new(ctx, "articles", cards);

	if (pages > 1) {
		json_t *pg = json_object(), *items = json_array();
		struct sb u = SB_INIT;
		json_object_set_new(pg, "page", json_integer(page));
		json_object_set_new(pg, "pages", json_integer(pages));
		json_object_set_new(pg, "has_prev", json_boolean(page > 1));
		json_object_set_new(pg, "has_next", json_boolean(page < pages));
		if (page > 1) {
			sb_adds(&u, path);
			if (page > 2)
				sb_addf(&u, "?trang=%lld", (long long)(page - 1));
			json_object_set_new(pg, "prev_url", json_string(u.buf));
		}
		if (page < pages) {
			sb_reset(&u);
			sb_addf(&u, "%s?trang=%lld", path, (long long)(page + 1));
			json_object_set_new(pg, "next_url", json_string(u.buf));
		}
		for (int64_t n = 1; n <= pages; n++) {
			/* first, last and a window around the current page */
			if (n != 1 && n != pages && (n < page - 2 || n > page + 2))
				continue;
			json_t *it = json_object();
			sb_reset(&u);
			sb_adds(&u, path);
			if (n > 1)
				sb_addf(&u, "?trang=%lld", (long long)n);
			json_object_set_new(it, "n", json_integer(n));
			json_object_set_new(it, "url", json_string(u.buf));
			json_object_set_new(it, "current", json_boolean(n == page));
			json_array_append_new(items, it);
		}
		json_object_set_new(pg, "items", items);
		json_object_set_new(ctx, "pager", pg);
		sb_release(&u);
	}
	resp_render(r, 200, "public/category", ctx);
out:
	free(path);
	json_decref(all);
}
