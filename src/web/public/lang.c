/* lang.c — the public pages' languages (docs/languages.md): the language switch in the header,
 * the hreflang alternates of a page that has translations, the redirect of an item asked for in
 * another language than its own, and the pages of a language other than Vietnamese (its home,
 * its lists), which list the site's published items of that language (model/translation.h). */
#include "web/web.h"
#include "model/translation.h"
#include "model/kind.h"
#include "search/search.h"
#include "base/locale.h"
#include "base/sb.h"
#include "base/util.h"
#include <string.h>
#include "base/banned.h"

/* The page's language: r->lang, Vietnamese when none. */
static const char *page_lang(struct req *r)
{
	return r->lang[0] ? r->lang : LOCALE_DEFAULT;
}

/* PATH in language LANG: "/en" + PATH, PATH itself in Vietnamese. Malloc'd. */
static char *lang_path(const char *lang, const char *path)
{
	struct sb b = SB_INIT;
	if (strcmp(lang, LOCALE_DEFAULT) != 0)
		sb_addf(&b, "/%s", lang);
	sb_adds(&b, path);
	return sb_detach(&b, NULL);
}

void web_lang_switch(struct req *r, json_t *ctx)
{
	const char *s = json_string_value(json_object_get(r->site, "languages"));
	if (!s || !*s)
		return; /* Vietnamese alone: no switch */
	json_t *locales = __atomic_load_n(&r->app->locale, __ATOMIC_ACQUIRE), *list = json_array();
	const char *cur = page_lang(r);
	/* Vietnamese first, then the site's languages as it lists them; each lands on its home
	 * until a page with translations says where (web_lang_alternates) */
	struct sb codes = SB_INIT;
	sb_addf(&codes, "%s %s", LOCALE_DEFAULT, s);
	const char *p = codes.buf;
	while (*p) {
		size_t n = strcspn(p, " ");
		char code[8] = "";
		if (n && n < sizeof(code))
			snprintf(code, sizeof(code), "%.*s", (int)n, p);
		if (*code && locale_dict(locales, code)) {
			char *home = lang_path(code, "/");
			/* the language's own name, its code until its locale names it (no Vietnamese
			 * fallback: "Tiếng Việt" twice would mislead) */
			const char *name = json_string_value(json_object_get(locale_dict(locales, code), "language_name"));
			json_array_append_new(list, json_pack("{sssssssb}", "code", code, "name", name ? name : code, "url", home,
							      "current", strcmp(code, cur) == 0));
			free(home);
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	sb_release(&codes);
	json_object_set_new(ctx, "has_lang_switch", json_boolean(json_array_size(list) > 1));
	json_object_set_new(ctx, "lang_switch", list);
}

void web_lang_alternates(struct req *r, json_t *ctx, int64_t id)
{
	json_t *alt = translation_alternates(r->db, id), *a;
	if (!json_array_size(alt)) {
		json_decref(alt);
		return;
	}
	char *base = web_site_url(r, r->site);
	size_t blen = strlen(base), i;
	json_t *links = json_array(), *sw = json_object_get(ctx, "lang_switch");
	json_array_foreach(alt, i, a) {
		const char *lang = json_string_value(json_object_get(a, "lang"));
		/* a document another site lists (item_listings) is shown here, its translations are not */
		if (!site_has_language(r->site, lang) ||
		    json_integer_value(json_object_get(a, "site_id")) != json_integer_value(json_object_get(r->site, "id")))
			continue;
		char *path = web_item_path(json_string_value(json_object_get(a, "kind")),
					   json_string_value(json_object_get(a, "slug")),
					   json_integer_value(json_object_get(a, "id")));
		char *lp = lang_path(lang, path);
		struct sb href = SB_INIT;
		sb_add(&href, base, blen - 1); /* the site's URL ends with "/" */
		sb_adds(&href, lp);
		json_array_append_new(links, json_pack("{ssss}", "hreflang", lang, "href", href.buf));
		/* the Vietnamese original is the version for any other language */
		if (strcmp(lang, LOCALE_DEFAULT) == 0)
			json_array_append_new(links, json_pack("{ssss}", "hreflang", "x-default", "href", href.buf));
		size_t j;
		json_t *s;
		json_array_foreach(sw, j, s)
			if (strcmp(json_string_value(json_object_get(s, "code")), lang) == 0)
				json_object_set_new(s, "url", json_string(lp));
		sb_release(&href);
		free(lp);
		free(path);
	}
	/* alternates name two languages at least (and x-default): else none */
	if (json_array_size(links) >= 3)
		json_object_set_new(ctx, "alternates", links);
	else
		json_decref(links);
	free(base);
	json_decref(alt);
}

int web_lang_redirect(struct req *r, const char *item_lang, const char *path)
{
	const char *lang = item_lang && *item_lang ? item_lang : LOCALE_DEFAULT;
	if (strcmp(lang, page_lang(r)) == 0)
		return 0;
	char *to = lang_path(lang, path);
	resp_redirect(r, 301, to);
	free(to);
	return 1;
}

int web_lang_page(struct req *r)
{
	return strcmp(page_lang(r), LOCALE_DEFAULT) != 0;
}

#define LANG_PER_PAGE 20

/* The rows of a language's list as the template shows them: {title, url, summary, date,
 * kind_label}. */
static void rows_view(struct req *r, json_t *rows)
{
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		const struct kind *k = kind_find(json_string_value(json_object_get(row, "kind")));
		char *path = web_item_path(json_string_value(json_object_get(row, "kind")),
					   json_string_value(json_object_get(row, "slug")),
					   json_integer_value(json_object_get(row, "id")));
		char *lp = lang_path(page_lang(r), path);
		char date[40], iso[40];
		time_format_vn_date(json_integer_value(json_object_get(row, "published_at")), date, sizeof(date));
		time_format_iso(json_integer_value(json_object_get(row, "published_at")), iso, sizeof(iso));
		json_object_set_new(row, "url", json_string(lp));
		json_object_set_new(row, "date", json_string(date));
		json_object_set_new(row, "date_iso", json_string(iso));
		json_object_set_new(row, "kind_label", json_string(k ? kind_tr(req_texts(r), k, NULL) : ""));
		free(lp);
		free(path);
	}
}

void web_lang_list(struct req *r, const struct kind *k, int64_t category_id, const char *title, const char *canon)
{
	int64_t site_id = json_integer_value(json_object_get(r->site, "id")), total = 0;
	int64_t page = req_arg_int(r, "trang", 1, 1, 100000);
	/* the search of a language's pages ("/en/tim-kiem?q=…") is this list with its words */
	int is_search = strcmp(r->path, "/tim-kiem") == 0;
	const char *q = is_search ? req_arg(r, "q") : NULL;
	/* the search ranks the language's own index (search/search_lang.c); no words, no results */
	json_t *rows = !is_search ? translation_list_public(r->db, site_id, page_lang(r), k ? k->name : NULL, category_id,
							  NULL, LANG_PER_PAGE, (page - 1) * LANG_PER_PAGE, &total)
		       : q && *q ? search_lang_run(r->db, site_id, page_lang(r), q, LANG_PER_PAGE, (page - 1) * LANG_PER_PAGE,
						  &total)
				 : json_array();
	int64_t pages = total ? (total + LANG_PER_PAGE - 1) / LANG_PER_PAGE : 1;
	if (page > pages) {
		json_decref(rows);
		resp_error(r, 404, "page_not_found");
		return;
	}
	rows_view(r, rows);
	json_t *ctx = web_public_ctx(r, title, canon);
	if (title)
		web_crumb(ctx, title, NULL);
	json_object_set_new(ctx, "heading", json_string(title ? title : rtr(r, "lang_home_latest")));
	json_object_set_new(ctx, "rows", rows);
	json_object_set_new(ctx, "has_rows", json_boolean(json_array_size(rows) > 0));
	json_object_set_new(ctx, "is_home", json_boolean(k == NULL && !category_id && !is_search));
	if (q) {
		json_object_set_new(ctx, "search_q", json_string(q));
		json_object_set_new(ctx, "total", json_integer(total));
	}
	for (int d = -1; d <= 1; d += 2) { /* the previous and next pages, the words kept */
		if ((d < 0 && page <= 1) || (d > 0 && page >= pages))
			continue;
		struct sb u = SB_INIT;
		sb_addf(&u, "?trang=%lld", (long long)(page + d));
		if (q) {
			sb_adds(&u, "&q=");
			sb_add_urlenc(&u, q, strlen(q));
		}
		json_object_set_new(ctx, d < 0 ? "prev_url" : "next_url", json_string(u.buf));
		sb_release(&u);
	}
	resp_render(r, 200, "public/lang_list", ctx);
}
