/* common.c — view data shared by every public page (docs/templates.md), URLs and cards. */
#include "web.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/utf8.h"
#include "base/arena.h"
#include "db/db.h"
#include "render/mustache.h"
#include "model/kind.h"
#include "model/ops.h"
#include "model/site_texts.h" /* #16: the site's texts per language */
#include "report/table.h"

#include <curl/curl.h>
#include "base/log.h"

#include <stdio.h>
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

/* Appends V in decimal. */
static void add_int(struct sb *b, int64_t v)
{
	char buf[24], *p = buf + sizeof(buf);
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	sb_add(b, p, (size_t)(buf + sizeof(buf) - p));
}

void web_add_host_tail(struct sb *b, struct req *r)
{
	char port[8];
	host_port(r, port);
	sb_adds(b, r->app->base_domain);
	sb_adds(b, port);
}

/* "http(s)://<host><:port>/" of the site with SLUG and KIND (site_host's rule): the scheme the
 * browser used (HTTPS directly or through a trusted proxy), the port of its Host. */
static void add_site_url(struct sb *b, struct req *r, const char *slug, const char *kind)
{
	sb_adds(b, r->secure ? "https://" : "http://");
	if (!kind || strcmp(kind, "main") != 0) {
		sb_adds(b, slug ? slug : "");
		sb_addc(b, '.');
	}
	web_add_host_tail(b, r);
	sb_addc(b, '/');
}

void web_add_site_url(struct sb *b, struct req *r, json_t *site)
{
	add_site_url(b, r, json_string_value(json_object_get(site, "slug")), json_string_value(json_object_get(site, "kind")));
}

char *web_site_url(struct req *r, json_t *site)
{
	struct sb b = SB_INIT;
	web_add_site_url(&b, r, site);
	return sb_detach(&b, NULL);
}

static void add_article_path(struct sb *b, const char *slug, int64_t id)
{
	sb_add(b, "/tin/", 5);
	sb_adds(b, slug ? slug : "");
	sb_addc(b, '-');
	add_int(b, id);
}

static void add_category_path(struct sb *b, const char *slug, int64_t id)
{
	sb_add(b, "/chuyen-muc/", 12);
	sb_adds(b, slug ? slug : "");
	sb_addc(b, '-');
	add_int(b, id);
}

char *web_article_path(json_t *row)
{
	struct sb b = SB_INIT;
	add_article_path(&b, json_string_value(json_object_get(row, "slug")), json_integer_value(json_object_get(row, "id")));
	return sb_detach(&b, NULL);
}

char *web_item_path(const char *kind, const char *slug, int64_t id)
{
	const struct kind *k = kind_find(kind);
	struct sb b = SB_INIT;
	if (!k || strcmp(k->name, "article") == 0) {
		add_article_path(&b, slug, id);
		return sb_detach(&b, NULL);
	}
	sb_addc(&b, '/');
	sb_adds(&b, k->segment);
	sb_addc(&b, '/');
	sb_adds(&b, slug ? slug : "");
	sb_addc(&b, '-');
	add_int(&b, id);
	return sb_detach(&b, NULL);
}

char *web_category_path(json_int_t id, const char *slug)
{
	struct sb b = SB_INIT;
	add_category_path(&b, slug, id);
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

/* Keys are literals here: no need for jansson to check them; values are checked by
 * utf8_valid, much faster than jansson's check (text that is not UTF-8 shows as ""). */
static void set_strn(json_t *o, const char *k, const char *v, size_t n)
{
	json_object_set_new_nocheck(o, k, utf8_valid(v, n) ? json_stringn_nocheck(v, n) : json_string(""));
}

static void set_str(json_t *o, const char *k, const char *v)
{
	set_strn(o, k, v ? v : "", v ? strlen(v) : 0);
}

static void set_time(json_t *o, const char *k, const char *kiso, int64_t t)
{
	char buf[40];
	time_format_vn(t, buf, sizeof(buf));
	json_object_set_new_nocheck(o, k, json_string_nocheck(buf));
	time_format_iso(t, buf, sizeof(buf));
	json_object_set_new_nocheck(o, kiso, json_string_nocheck(buf));
}

/* A card's view data; U is scratch space for its addresses (reset here, kept by the caller). */
static json_t *card_build(struct req *r, const struct article_card *c, struct sb *u)
{
	json_t *o = json_object();
	size_t base_len = 0;
	sb_reset(u);
	/* a card of another site (component news) links to that site's own host */
	if (c->site_slug) {
		add_site_url(u, r, c->site_slug, c->site_kind);
		sb_truncate(u, u->len - 1); /* paths begin with the '/' */
		base_len = u->len;
	}
	json_object_set_new_nocheck(o, "id", json_integer(c->id));
	set_str(o, "title", c->title);
	set_str(o, "summary", c->summary);
	add_article_path(u, c->slug, c->id);
	set_strn(o, "url", u->buf, u->len);
	if (c->published_at)
		set_time(o, "date", "date_iso", c->published_at);
	if (c->cover_sha) {
		sb_truncate(u, base_len);
		sb_add(u, "/media/", 7);
		sb_adds(u, c->cover_sha);
		sb_addc(u, '.');
		sb_adds(u, c->cover_ext ? c->cover_ext : "");
		set_strn(o, "cover_url", u->buf + base_len, u->len - base_len);
		set_str(o, "cover_alt", c->cover_alt);
		/* the image's own size, so the page does not jump while it loads */
		if (c->cover_w > 0) {
			json_object_set_new_nocheck(o, "cover_width", json_integer(c->cover_w));
			json_object_set_new_nocheck(o, "cover_height", json_integer(c->cover_h));
		}
	}
	set_str(o, "category_name", c->category_name);
	sb_truncate(u, base_len);
	add_category_path(u, c->category_slug, c->category_id);
	set_strn(o, "category_url", u->buf, u->len);
	if (c->site_name) {
		set_str(o, "site_name", c->site_name);
		sb_truncate(u, base_len);
		sb_addc(u, '/');
		set_strn(o, "site_url", u->buf, u->len);
	}
	return o;
}

/* A card of a list that shows only titles (the home's latest list). */
static json_t *card_brief(struct req *r, const struct article_card *c, struct sb *u)
{
	json_t *o = json_object();
	(void)r;
	sb_reset(u);
	set_str(o, "title", c->title);
	add_article_path(u, c->slug, c->id);
	set_strn(o, "url", u->buf, u->len);
	if (c->published_at)
		set_time(o, "date", "date_iso", c->published_at);
	return o;
}

json_t *web_card(struct req *r, const struct article_card *c)
{
	struct sb u = SB_INIT;
	json_t *o = card_build(r, c, &u);
	sb_release(&u);
	return o;
}

void web_cards_init(struct web_cards *wc, struct req *r)
{
	wc->r = r;
	wc->lists = json_array();
	sb_init(&wc->scratch);
	wc->brief_list = SIZE_MAX;
}

void web_cards_add(const struct article_card *c, void *arg)
{
	struct web_cards *wc = arg;
	while (json_array_size(wc->lists) <= c->list)
		json_array_append_new(wc->lists, json_array());
	json_t *a = json_array_get(wc->lists, c->list);
	/* at its place: cards come in order, but a list read in pieces need not */
	while (json_array_size(a) < c->pos)
		json_array_append_new(a, json_null());
	json_t *card = c->list == wc->brief_list ? card_brief(wc->r, c, &wc->scratch) : card_build(wc->r, c, &wc->scratch);
	if (json_array_size(a) == c->pos)
		json_array_append_new(a, card);
	else
		json_array_set_new(a, c->pos, card);
}

json_t *web_cards_list(struct web_cards *wc, size_t list)
{
	json_t *a = json_array_get(wc->lists, list), *out;
	size_t i;
	json_t *v;
	if (!a)
		return json_array();
	json_array_foreach(a, i, v)
		if (json_is_null(v))
			break;
	if (i == json_array_size(a))
		return json_incref(a);
	out = json_array(); /* a place no card came for */
	json_array_foreach(a, i, v)
		if (!json_is_null(v))
			json_array_append(out, v);
	return out;
}

void web_cards_release(struct web_cards *wc)
{
	json_decref(wc->lists);
	wc->lists = NULL;
	sb_release(&wc->scratch);
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
	json_t *s = json_copy(site); /* shallow: the kept site's values, shared (site.c) */
	char *url = web_site_url(r, site);
	set_str(s, "url", url);
	json_object_set_new(s, "is_main", json_boolean(strcmp(json_string_value(json_object_get(site, "kind")), "main") == 0));
	free(url);
	return s;
}

json_t *web_categories(struct req *r)
{
	if (!r->categories)
		r->categories = category_tree(r->db, json_integer_value(json_object_get(r->site, "id")));
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

/* The page's own copy of the menu in CTX (shared with the connection's other pages until then),
 * for a page that marks its entry active. */
json_t *web_menu_own(json_t *ctx)
{
	json_t *menu = json_deep_copy(json_object_get(ctx, "menu"));
	json_object_set_new(ctx, "menu", menu ? menu : json_array());
	return json_object_get(ctx, "menu");
}

/* The planned outage to announce now, or NULL: which one is kept with the connection until the
 * database changes or a window's edge passes (maint_epoch); whether it has started, asked each
 * time (its start is no edge of the epoch). */
static json_t *web_maintenance(struct req *r)
{
	int64_t now = time_now(), epoch = maint_epoch(r->db, now, NULL);
	if (epoch < 0)
		return maint_current(r->db, now);
	char key[48];
	snprintf(key, sizeof(key), "N|%lld", (long long)epoch);
	json_t *kept = web_kept_json(r, key);
	if (!kept) {
		json_t *m = maint_current(r->db, now);
		web_keep_json(r, key, m ? m : json_null());
		json_decref(m);
		kept = web_kept_json(r, key);
	}
	if (!json_is_object(kept))
		return NULL;
	json_t *m = json_copy(kept);
	json_object_set_new(m, "started", json_boolean(now >= json_integer_value(json_object_get(kept, "starts_at"))));
	return m;
}

void web_lang_ctx(struct req *r, json_t *ctx)
{
	set_str(ctx, "lang", r->lang[0] ? r->lang : "vi");
	set_str(ctx, "lang_prefix", req_lang_prefix(r));
	json_object_set(ctx, "t", req_texts(r));
}

json_t *web_public_ctx(struct req *r, const char *page_title, const char *canonical_path)
{
	json_t *ctx = json_object();
	json_t *site = r->site;
	json_t *main_site = site_main(r->db);
	if (main_site && r->lang[0]) { /* #16: the main portal's name in the page's language */
		json_t *own = site_in_lang(r->db, main_site, r->lang);
		json_decref(main_site);
		main_site = own;
	}
	struct sb t = SB_INIT;
	char *url = web_site_url(r, site);

	web_lang_ctx(r, ctx);
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
	sb_adds(&t, req_lang_prefix(r)); /* an English page's address is its own: "/en/…" */
	sb_adds(&t, canonical_path ? canonical_path : "/");
	set_str(ctx, "canonical_url", t.buf);
	/* the home page in the page's language, for the header's brand and the error page */
	sb_reset(&t);
	sb_add(&t, url, strlen(url) - 1);
	sb_adds(&t, req_lang_prefix(r));
	sb_addc(&t, '/');
	set_str(ctx, "home_url", t.buf);
	/* "Báo lỗi" on every page (VL Đ18.2): the report's form names the page */
	char *esc = curl_easy_escape(NULL, canonical_path ? canonical_path : "/", 0);
	sb_reset(&t);
	sb_addf(&t, "/gui/bao-loi?trang=%s", esc ? esc : "");
	curl_free(esc);
	set_str(ctx, "report_url", t.buf);
	set_str(ctx, "static", "/static");
	char today[16];
	time_format_vn_date(time_now(), today, sizeof(today));
	set_str(ctx, "year", today + 6); /* dd/mm/yyyy */
	json_object_set_new(ctx, "site", site_view(r, site));
	if (main_site) {
		json_t *m = json_object();
		char *murl = web_site_url(r, main_site);
		json_object_set(m, "name", json_object_get(main_site, "name"));
		json_object_set(m, "owner", json_object_get(main_site, "owner"));
		if (json_object_get(main_site, "vi"))
			json_object_set(m, "vi", json_object_get(main_site, "vi"));
		set_str(m, "url", murl);
		free(murl);
		json_object_set_new(ctx, "main", m);
	}
	/* the menu: the categories and the site's sections (public/nav.c), kept with the connection
	 * until the database changes; shared, never changed: a page that marks its entry active
	 * makes its own copy first (web_menu_own) */
	struct sb mkey = SB_INIT;
	web_fragment_prefix(r, &mkey, 'M');
	json_t *kept_menu = web_kept_json(r, mkey.buf);
	if (kept_menu) {
		json_object_set(ctx, "menu", kept_menu);
	} else {
		json_object_set_new(ctx, "menu", menu_build(r));
		nav_menu_ctx(r, ctx);
		web_keep_json(r, mkey.buf, json_object_get(ctx, "menu"));
	}
	sb_release(&mkey);
	nav_footer_ctx(r, ctx); /* the footer's links (public/nav.c) */
	json_object_set_new(ctx, "breadcrumbs", json_array());
	web_crumb(ctx, rtr(r, "nav_home"), page_title ? "/" : NULL); /* the template adds lang_prefix */
	web_lang_switch(r, ctx); /* the header's language switch (public/lang.c) */
	set_str(ctx, "admin_url", "/quan-tri/");
	set_str(ctx, "search_url", "/tim-kiem");
	/* a planned outage, on every public page in its window (the page cache's generation
	 * changes when the window opens or closes: model/ops.h) */
	json_t *maint = web_maintenance(r);
	if (maint)
		json_object_set_new(ctx, "maintenance", maint);
	/* the site's banners in their placements, between their start and end (the page cache's
	 * generation changes at each: model/banner.h) */
	json_t *banners = web_banners(r);
	if (banners)
		json_object_set_new(ctx, "banners", banners);
	/* Dublin Core, Open Graph and JSON-LD from the site (an item's page puts its own): the home
	 * page is the one without a title of its own at "/" */
	web_meta_page(r, ctx, !page_title && canonical_path && strcmp(canonical_path, "/") == 0);
	/* the display preferences, the keyboard shortcuts and the share links (public/a11y.c) */
	web_a11y_ctx(r, ctx);
	web_visits_ctx(r, ctx); /* #17: the footer's counter and the EMC tracker (public/visits.c) */
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
		web_lang_ctx(r, ctx);
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

void web_gone(struct req *r, const char *what, json_t *gone)
{
	char buf[40];
	struct sb msg = SB_INIT;
	time_format_vn(json_integer_value(json_object_get(gone, "withdrawn_at")), buf, sizeof(buf));
	/* the sentence in pieces of the page's language (a format string is never read from a file) */
	sb_addf(&msg, "%s “%s” ", what, json_string_value(json_object_get(gone, "title")));
	sb_adds(&msg, rtr(r, "gone_removed_at"));
	sb_addf(&msg, " %s. ", buf);
	sb_adds(&msg, rtr(r, "gone_reason"));
	sb_addf(&msg, " %s", json_string_value(json_object_get(gone, "withdrawn_reason")));
	web_error(r, 410, rtr(r, "error_410"), msg.buf);
	sb_release(&msg);
}

void web_item_notes(struct req *r, json_t *o, int64_t id)
{
	char buf[40];
	json_t *corr = article_corrections(r->db, id);
	size_t i;
	json_t *c;
	json_array_foreach(corr, i, c) {
		time_format_vn(json_integer_value(json_object_get(c, "at")), buf, sizeof(buf));
		json_object_set_new(c, "date", json_string(buf));
		time_format_iso(json_integer_value(json_object_get(c, "at")), buf, sizeof(buf));
		json_object_set_new(c, "date_iso", json_string(buf));
	}
	json_object_set_new(o, "has_corrections", json_boolean(json_array_size(corr) > 0));
	json_object_set_new(o, "corrections", corr);
	json_t *att = article_attachments(r->db, id);
	json_object_set_new(o, "has_attachments", json_boolean(json_array_size(att) > 0));
	json_object_set_new(o, "attachments", att);
}

/* ---- rendered fragments kept with the connection (web.h) ----
 * A list row's HTML depends on nothing but the item's row, the request's site, host and scheme
 * (its link) and the templates; the filter form on the site's filter values and the query. Both
 * are kept in the connection's memo (DB_MEMO_FRAGMENTS), which is dropped as soon as the database
 * changes (db_memo_get), so a fragment is never older than the data it shows: a list page then
 * renders only the rows it has not shown since the last change. */
#define FRAGMENTS_MAX 4096

static void fragments_free(void *p)
{
	json_decref(p);
}

/* The fragment of KEY (its length in *LEN), or NULL. */
const char *web_fragment_get(struct req *r, const char *key, size_t *len)
{
	json_t *memo = db_memo_get(r->db, DB_MEMO_FRAGMENTS);
	json_t *v = memo ? json_object_get(memo, key) : NULL;
	*len = json_string_length(v);
	return json_string_value(v);
}

/* Keeps TEXT as the fragment of KEY: outside the request's arena, the memo started again when full. */
void web_fragment_put(struct req *r, const char *key, const char *text, size_t len)
{
	struct arena *prev = arena_enter(NULL);
	json_t *memo = db_memo_get(r->db, DB_MEMO_FRAGMENTS);
	if (!memo || json_object_size(memo) >= FRAGMENTS_MAX) {
		memo = json_object();
		db_memo_set(r->db, DB_MEMO_FRAGMENTS, memo, fragments_free);
	}
	json_object_set_new(memo, key, json_stringn_nocheck(text, len));
	arena_leave(prev);
}

json_t *web_kept_json(struct req *r, const char *key)
{
	json_t *memo = db_memo_get(r->db, DB_MEMO_FRAGMENTS);
	return memo ? json_object_get(memo, key) : NULL;
}

void web_keep_json(struct req *r, const char *key, json_t *v)
{
	struct arena *prev = arena_enter(NULL);
	json_t *memo = db_memo_get(r->db, DB_MEMO_FRAGMENTS);
	if (!memo || json_object_size(memo) >= FRAGMENTS_MAX) {
		memo = json_object();
		db_memo_set(r->db, DB_MEMO_FRAGMENTS, memo, fragments_free);
	}
	json_object_set_new(memo, key, json_deep_copy(v));
	arena_leave(prev);
}

/* What every fragment key of this request starts with: the templates (reloaded: new ones), the
 * site, the host and scheme its links may carry, and the language its texts are in. */
void web_fragment_prefix(struct req *r, struct sb *key, char what)
{
	sb_addf(key, "%c|%p|%lld|%d|%s|%s|", what, (void *)r->app->tpl,
		(long long)json_integer_value(json_object_get(r->site, "id")), r->secure, r->host ? r->host : "", r->lang);
}

int web_render_part(struct req *r, const char *tpl, json_t *view, struct sb *out)
{
	/* a part rendered alone reads its texts ({{t.key}}) and links ({{lang_prefix}}) in the
	 * request's language like the page does: a shallow copy, as the view may be shared */
	if (!json_object_get(view, "t")) {
		json_t *v = json_copy(view);
		json_object_set(v, "t", req_texts(r));
		json_object_set_new(v, "lang_prefix", json_string(req_lang_prefix(r)));
		int rc = mus_render(r->app->tpl, tpl, v, out);
		json_decref(v);
		return rc;
	}
	return mus_render(r->app->tpl, tpl, view, out);
}

int web_send_table(struct req *r, struct table *t, const char *how, const char *filename)
{
	struct sb out = SB_INIT, disp = SB_INIT;
	char err[256];
	int csv = strcmp(how, "csv") == 0, rc = 0;
	sb_addf(&disp, "attachment; filename=\"%s.%s\"", filename, csv ? "csv" : "xlsx");
	if (csv) {
		table_write_csv(t, &out);
		resp_header(r, "Content-Disposition", disp.buf);
		resp_bytes(r, 200, "text/csv; charset=utf-8", out.buf, out.len);
	} else if (table_write_xlsx(t, &out, err, sizeof(err)) == 0) {
		resp_header(r, "Content-Disposition", disp.buf);
		resp_bytes(r, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.buf, out.len);
	} else {
		log_error("%s.xlsx: %s", filename, err);
		resp_error(r, 500, "server_error");
		rc = -1;
	}
	sb_release(&out);
	sb_release(&disp);
	return rc;
}
