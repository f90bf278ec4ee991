/* article.c — an article, its print view, and the 301 from an old slug to the current one.
 * WEBPAGE: GET /tin/<slug>-<id>          the article
 * WEBPAGE: GET /tin/<slug>-<id>/ban-in   print view
 * An item of another kind answers 301 to its kind's address (/van-ban/<slug>-<id>).  */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/item.h"
#include "model/kind.h"
#include "model/metadata.h"

#include <string.h>

#include "base/banned.h"

static void article_page(struct req *r, int print)
{
	json_int_t site_id = json_integer_value(json_object_get(r->site, "id"));
	int64_t id = web_slug_id(r->captures[0], NULL);
	json_t *row = id > 0 ? article_get_public(r->db, site_id, id) : NULL;
	char buf[40];
	if (!row) {
		json_t *gone = id > 0 ? article_get_withdrawn(r->db, site_id, id) : NULL;
		if (gone) { /* 410, and the reader learns why and when (gỡ bài) */
			web_gone(r, rtr(r, "gone_article"), gone);
			json_decref(gone);
			return;
		}
		resp_error(r, 404, "article_not_found");
		return;
	}
	/* an item of another kind (a legal document) lives at its kind's address */
	char kind[32];
	const char *kd = item_kind_of(r->db, site_id, id, kind, sizeof(kind));
	char *path = kd && strcmp(kd, "article") != 0
		? web_item_path(kd, json_string_value(json_object_get(row, "slug")), id)
		: web_article_path(row);
	struct sb want = SB_INIT;
	sb_adds(&want, path);
	if (print)
		sb_adds(&want, "/ban-in");
	/* an article is at its own language's address ("/en/tin/…" for a translation) */
	if (web_lang_redirect(r, json_string_value(json_object_get(row, "lang")), want.buf))
		goto out;
	if (strcmp(want.buf, r->path) != 0) {
		struct sb to = SB_INIT;
		sb_addf(&to, "%s%s", req_lang_prefix(r), want.buf);
		resp_redirect(r, 301, to.buf);
		sb_release(&to);
		goto out;
	}
	json_t *ctx = web_public_ctx(r, json_string_value(json_object_get(row, "title")), path);
	web_lang_alternates(r, ctx, id); /* hreflang and the switch (public/lang.c) */
	struct article_card card;
	article_card_of(row, &card);
	json_t *a = web_card(r, &card);
	/* stored only after html_sanitize(): the one kind of value printed raw */
	json_object_set(a, "body_html", json_object_get(row, "body"));
	web_item_notes(r, a, id);
	if (*json_string_value(json_object_get(row, "author")))
		json_object_set(a, "author", json_object_get(row, "author"));
	if (json_integer_value(json_object_get(row, "updated_at")) >
	    json_integer_value(json_object_get(row, "published_at")) + 300) {
		time_format_vn(json_integer_value(json_object_get(row, "updated_at")), buf, sizeof(buf));
		json_object_set_new(a, "updated", json_string(buf));
		time_format_iso(json_integer_value(json_object_get(row, "updated_at")), buf, sizeof(buf));
		json_object_set_new(a, "updated_iso", json_string(buf));
	}
	sb_reset(&want);
	sb_addf(&want, "%s/ban-in", path);
	json_object_set_new(a, "print_url", json_string(want.buf));
	/* source attribution (TQ Đ6.1.c, VL Đ6.1.d) */
	static const char *src_keys[][2] = { { "src_author", "author" }, { "src_name", "name" }, { "src_url", "url" } };
	json_t *src = json_object();
	for (size_t i = 0; i < ARRAY_SIZE(src_keys); i++) {
		const char *v = json_string_value(json_object_get(row, src_keys[i][0]));
		if (v && *v)
			json_object_set_new(src, src_keys[i][1], json_string(v));
	}
	if (json_is_integer(json_object_get(row, "src_time"))) {
		time_format_vn(json_integer_value(json_object_get(row, "src_time")), buf, sizeof(buf));
		json_object_set_new(src, "date", json_string(buf));
	}
	if (json_object_size(src))
		json_object_set_new(a, "source", src);
	else
		json_decref(src);
	json_object_set_new(ctx, "article", a);
	/* the description never empty: the title when there is no summary */
	const char *summary = json_string_value(json_object_get(row, "summary"));
	json_object_set_new(ctx, "meta_description", json_string(summary && *summary ? summary : card.title));
	/* Dublin Core, Open Graph, JSON-LD (web/public/metadata.c), the cover absolute: kept with
	 * the connection until the database changes (a fragment's key names the site, scheme and
	 * host), as the other kinds' pages keep theirs, so that an uncached render does not build
	 * them again (docs/benchmarks.md: +70% of an article page's CPU when built each time) */
	struct sb mkey = SB_INIT;
	web_fragment_prefix(r, &mkey, 'M');
	sb_addf(&mkey, "%lld", (long long)id);
	json_t *kept_meta = print ? NULL : web_kept_json(r, mkey.buf);
	if (kept_meta) {
		web_meta_set(ctx, kept_meta);
	} else if (!print) {
		const char *cover = json_string_value(json_object_get(a, "cover_url"));
		char *site_url = web_site_url(r, r->site);
		struct sb img = SB_INIT;
		if (cover && *cover) {
			sb_add(&img, site_url, strlen(site_url) - 1);
			sb_adds(&img, cover);
		}
		struct meta_item m = {
			.k = kind_find("article"), .title = card.title, .summary = card.summary,
			.lang = json_string_value(json_object_get(row, "lang")),
			.author = json_string_value(json_object_get(row, "author")), .category = card.category_name,
			.src_name = json_string_value(json_object_get(row, "src_name")),
			.src_url = json_string_value(json_object_get(row, "src_url")), .published_at = card.published_at,
			.updated_at = json_integer_value(json_object_get(row, "updated_at")),
			.url = json_string_value(json_object_get(ctx, "canonical_url")), .image = img.len ? img.buf : NULL,
		};
		json_t *meta = web_meta_build(r, &m, ctx, card.cover_alt);
		web_meta_set(ctx, meta);
		web_keep_json(r, mkey.buf, meta);
		json_decref(meta);
		sb_release(&img);
		free(site_url);
	}
	sb_release(&mkey);

	/* breadcrumbs: home › category › (this article) */
	json_t *cats = web_categories(r);
	json_t *cat = category_in(cats, card.category_id);
	if (cat) {
		char *cp = web_category_path(json_integer_value(json_object_get(cat, "id")),
					     json_string_value(json_object_get(cat, "slug")));
		web_crumb(ctx, json_string_value(json_object_get(cat, "name")), cp);
		free(cp);
	}
	json_decref(cats);
	web_crumb(ctx, json_string_value(json_object_get(row, "title")), NULL);
	struct web_cards wc;
	web_cards_init(&wc, r);
	article_related(r->db, site_id, card.category_id, id, 4, web_cards_add, &wc);
	json_object_set_new(ctx, "related", web_cards_list(&wc, 0));
	web_cards_release(&wc);
	r->visit_item = id; /* #17: a view of this item (http/visits.h) */
	resp_render(r, 200, print ? "public/print" : "public/article", ctx);
out:
	sb_release(&want);
	free(path);
	json_decref(row);
}

void page_article(struct req *r)
{
	article_page(r, 0);
}

void page_article_print(struct req *r)
{
	article_page(r, 1);
}
