/* common.c — view data shared by every public page (docs/templates.md), URLs and cards. */
#include "web.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/utf8.h"

#include <string.h>

#include "base/banned.h"

/* The ":port" part of the request's Host when it is one (a colon and 1–5 digits), else "".
 * Anything else after the colon ("@evil.com") must never reach a link. */
static void host_port(struct req *r, char out[8])
{
	const char *h = r->host ? r->host : "";
	const char *end = h[0] == '[' ? strchr(h, ']') : h;
	const char *colon = end ? strchr(end, ':') : NULL;
	size_t n = colon ? strlen(colon + 1) : 0;
	out[0] = '\0';
	if (colon && n >= 1 && n <= 5 && strspn(colon + 1, "0123456789") == n)
		memcpy(out, colon, n + 2);
}

char *web_site_url(struct req *r, json_t *site)
{
	struct sb b = SB_INIT;
	char *host = site_host(site, r->app->base_domain);
	char port[8];
	host_port(r, port);
	sb_addf(&b, "http://%s%s/", host, port);
	free(host);
	return sb_detach(&b, NULL);
}

char *web_article_path(json_t *row)
{
	struct sb b = SB_INIT;
	sb_addf(&b, "/tin/%s-%lld", json_string_value(json_object_get(row, "slug")),
		(long long)json_integer_value(json_object_get(row, "id")));
	return sb_detach(&b, NULL);
}

char *web_category_path(json_int_t id, const char *slug)
{
	struct sb b = SB_INIT;
	sb_addf(&b, "/chuyen-muc/%s-%lld", slug, (long long)id);
	return sb_detach(&b, NULL);
}

int64_t web_slug_id(const char *s, const char **slug_end)
{
	const char *dash = strrchr(s, '-');
	const char *num = dash ? dash + 1 : s;
	int64_t id;
	if (parse_i64(num, 1, INT64_MAX, &id))
		return -1;
	if (slug_end)
		*slug_end = dash ? dash : s;
	return id;
}

static void set_str(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, json_string(v ? v : ""));
}

static void set_time(json_t *o, const char *k, const char *kiso, json_t *t)
{
	char buf[40];
	if (!json_is_integer(t))
		return;
	time_format_vn(json_integer_value(t), buf, sizeof(buf));
	set_str(o, k, buf);
	time_format_iso(json_integer_value(t), buf, sizeof(buf));
	set_str(o, kiso, buf);
}

json_t *web_card(json_t *row, const char *site_url)
{
	json_t *c = json_object();
	struct sb u = SB_INIT;
	char *path = web_article_path(row);
	const char *base = site_url ? site_url : "";
	size_t bl = strlen(base);
	/* site_url ends in '/', paths begin with one */
	sb_add(&u, base, bl && base[bl - 1] == '/' ? bl - 1 : bl);
	sb_adds(&u, path);
	json_object_set(c, "id", json_object_get(row, "id"));
	json_object_set(c, "title", json_object_get(row, "title"));
	json_object_set(c, "summary", json_object_get(row, "summary"));
	set_str(c, "url", u.buf);
	set_time(c, "date", "date_iso", json_object_get(row, "published_at"));
	if (json_is_string(json_object_get(row, "cover_sha"))) {
		struct sb cu = SB_INIT;
		sb_addf(&cu, "/media/%s.%s", json_string_value(json_object_get(row, "cover_sha")),
			json_string_value(json_object_get(row, "cover_ext")));
		set_str(c, "cover_url", cu.buf);
		sb_release(&cu);
		json_object_set(c, "cover_alt", json_object_get(row, "cover_alt"));
		/* the image's own size, so the page does not jump while it loads */
		if (json_integer_value(json_object_get(row, "cover_w")) > 0) {
			json_object_set(c, "cover_width", json_object_get(row, "cover_w"));
			json_object_set(c, "cover_height", json_object_get(row, "cover_h"));
		}
	}
	json_object_set(c, "category_name", json_object_get(row, "category_name"));
	char *cpath = web_category_path(json_integer_value(json_object_get(row, "category_id")),
				       json_string_value(json_object_get(row, "category_slug")));
	sb_reset(&u);
	sb_add(&u, base, bl && base[bl - 1] == '/' ? bl - 1 : bl);
	sb_adds(&u, cpath);
	set_str(c, "category_url", u.buf);
	if (json_is_string(json_object_get(row, "site_name"))) {
		json_object_set(c, "site_name", json_object_get(row, "site_name"));
		set_str(c, "site_url", base);
	}
	free(cpath);
	free(path);
	sb_release(&u);
	return c;
}

json_t *web_cards(json_t *rows, const char *site_url)
{
	json_t *a = json_array();
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row)
		json_array_append_new(a, web_card(row, site_url));
	json_decref(rows);
	return a;
}

void web_crumb(json_t *ctx, const char *name, const char *url)
{
	json_t *b = json_object_get(ctx, "breadcrumbs");
	json_t *c = json_object();
	set_str(c, "name", name);
	if (url)
		set_str(c, "url", url);
	json_array_append_new(b, c);
}

static json_t *site_view(struct req *r, json_t *site)
{
	json_t *s = json_deep_copy(site);
	char *url = web_site_url(r, site);
	set_str(s, "url", url);
	json_object_set_new(s, "is_main", json_boolean(strcmp(json_string_value(json_object_get(site, "kind")), "main") == 0));
	free(url);
	return s;
}

json_t *web_categories(struct req *r)
{
	if (!r->categories)
		r->categories = category_list(r->db, json_integer_value(json_object_get(r->site, "id")));
	return json_incref(r->categories);
}

static json_t *menu_build(struct req *r)
{
	json_t *cats = web_categories(r);
	json_t *menu = json_array(), *top = NULL;
	size_t i;
	json_t *c;
	json_array_foreach(cats, i, c) {
		json_int_t depth = json_integer_value(json_object_get(c, "depth"));
		char *path = web_category_path(json_integer_value(json_object_get(c, "id")),
					       json_string_value(json_object_get(c, "slug")));
		json_t *item = json_object();
		json_object_set(item, "name", json_object_get(c, "name"));
		set_str(item, "url", path);
		json_object_set_new(item, "id", json_integer(json_integer_value(json_object_get(c, "id"))));
		if (depth == 0) {
			json_object_set_new(item, "children", json_array());
			json_object_set_new(item, "active", json_false());
			json_array_append_new(menu, item);
			top = item;
		} else if (depth == 1 && top) {
			json_array_append_new(json_object_get(top, "children"), item);
		} else {
			json_decref(item);
		}
		free(path);
	}
	json_decref(cats);
	return menu;
}

json_t *web_public_ctx(struct req *r, const char *page_title, const char *canonical_path)
{
	json_t *ctx = json_object();
	json_t *site = r->site;
	json_t *main_site = site_main(r->db);
	struct sb t = SB_INIT;
	char *url = web_site_url(r, site);

	set_str(ctx, "lang", "vi");
	if (page_title)
		sb_addf(&t, "%s - %s", page_title, json_string_value(json_object_get(site, "name")));
	else
		sb_adds(&t, json_string_value(json_object_get(site, "name")));
	set_str(ctx, "page_title", t.buf);
	sb_reset(&t);
	sb_addf(&t, "%s", json_string_value(json_object_get(site, "name")));
	if (*json_string_value(json_object_get(site, "owner")))
		sb_addf(&t, " - %s", json_string_value(json_object_get(site, "owner")));
	set_str(ctx, "meta_description", t.buf);
	sb_reset(&t);
	sb_add(&t, url, strlen(url) - 1);
	sb_adds(&t, canonical_path ? canonical_path : "/");
	set_str(ctx, "canonical_url", t.buf);
	set_str(ctx, "static", "/static");
	char today[16];
	time_format_vn_date(time_now(), today, sizeof(today));
	set_str(ctx, "year", today + 6); /* dd/mm/yyyy */
	json_object_set_new(ctx, "site", site_view(r, site));
	if (main_site) {
		json_t *m = json_object();
		char *murl = web_site_url(r, main_site);
		json_object_set(m, "name", json_object_get(main_site, "name"));
		set_str(m, "url", murl);
		free(murl);
		json_object_set_new(ctx, "main", m);
	}
	json_object_set_new(ctx, "menu", menu_build(r));
	json_object_set_new(ctx, "breadcrumbs", json_array());
	web_crumb(ctx, "Trang chủ", page_title ? "/" : NULL);
	set_str(ctx, "admin_url", "/quan-tri/");
	set_str(ctx, "search_url", "/tim-kiem");
	json_decref(main_site);
	free(url);
	sb_release(&t);
	return ctx;
}

void web_error(struct req *r, int status, const char *title, const char *message)
{
	json_t *ctx;
	if (r->site && r->db) {
		ctx = web_public_ctx(r, title, NULL);
		web_crumb(ctx, title, NULL);
	} else {
		ctx = json_object();
		set_str(ctx, "lang", "vi");
		set_str(ctx, "page_title", title);
		set_str(ctx, "static", "/static");
		set_str(ctx, "host", r->host ? r->host : "");
	}
	json_object_set_new(ctx, "status", json_integer(status));
	set_str(ctx, "title", title);
	set_str(ctx, "message", message);
	resp_header(r, "Cache-Control", "no-store");
	resp_render(r, status, "public/error", ctx);
}
