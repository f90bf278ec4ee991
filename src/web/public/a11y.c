/* a11y.c — the accessibility chrome of TT 26/2020 (docs/accessibility.md): the display
 * preferences (text size, high contrast) set by plain links without any script, the keyboard
 * shortcuts, the accessibility statement, and the share links of item pages.
 * WEBPAGE: GET /tuy-chon   co-chu (thuong | lon | rat-lon), tuong-phan (thuong | cao),
 *                          quay-lai (the page to go back to: a path of this site)
 * WEBPAGE: GET /tro-nang-tiep-can   the site's accessibility statement */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "http/prefs.h"

#include <string.h>

#include "base/banned.h"

#define BACK_MAX 2000 /* characters of a return path: longer is no page of ours */

/* The keyboard shortcuts (accesskey), numbered as the UK government's accesskeys standard does,
 * which Vietnamese portals follow where they have any: announced on the statement page. */
static const struct {
	const char *key, *path, *label;
} shortcuts[] = {
	{ "1", "/", "a11y_key_home" },
	{ "3", "/so-do-trang", "a11y_key_sitemap" },
	{ "4", "/tim-kiem", "a11y_key_search" },
	{ "0", "/tro-nang-tiep-can", "a11y_key_statement" },
};

/* 1 when BACK is a path of this site to send the reader back to: it starts with one "/" (not
 * "//host" nor "/\host", which browsers take for another host), has no backslash and no control
 * character. Anything else would make /tuy-chon an open redirect. */
static int back_path_ok(const char *back)
{
	if (!back || back[0] != '/' || back[1] == '/' || back[1] == '\\' || strlen(back) > BACK_MAX)
		return 0;
	for (const unsigned char *p = (const unsigned char *)back; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '\\')
			return 0;
	return 1;
}

void page_prefs(struct req *r)
{
	struct prefs p;
	char value[32];
	prefs_parse(req_cookie(r, PREFS_COOKIE), &p);
	int size = prefs_size_from_word(req_arg(r, "co-chu"));
	const char *contrast = req_arg(r, "tuong-phan");
	if (size >= 0)
		p.size = (enum prefs_size)size;
	if (contrast && strcmp(contrast, "cao") == 0)
		p.contrast = 1;
	else if (contrast && strcmp(contrast, "thuong") == 0)
		p.contrast = 0;
	/* the defaults need no cookie: the reader is back among those who share every page */
	if (prefs_set(&p))
		resp_cookie(r, PREFS_COOKIE, prefs_format(&p, value, sizeof(value)), PREFS_MAX_AGE, 1);
	else
		resp_cookie(r, PREFS_COOKIE, "", 0, 1);
	const char *back = req_arg(r, "quay-lai");
	struct sb to = SB_INIT;
	if (back_path_ok(back))
		sb_adds(&to, back);
	else
		sb_addf(&to, "%s/", req_lang_prefix(r));
	resp_header(r, "Cache-Control", "no-store");
	resp_redirect(r, 303, to.buf);
	sb_release(&to);
}

/* "/tuy-chon?<name>=<word>&quay-lai=<self>" */
static char *pref_link(struct req *r, const char *name, const char *word, const char *self)
{
	struct sb u = SB_INIT;
	sb_addf(&u, "%s/tuy-chon?%s=%s&quay-lai=", req_lang_prefix(r), name, word);
	sb_add_urlenc(&u, self, strlen(self));
	return sb_detach(&u, NULL);
}

static void set_str(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, json_string(v ? v : ""));
}

static void set_own(json_t *o, const char *k, char *v)
{
	set_str(o, k, v);
	free(v);
}

/* BASE followed by TEXT, URL-encoded, then each further (name, text) pair the same way. */
static char *share_link(const char *base, const char *text, const char *name2, const char *text2)
{
	struct sb u = SB_INIT;
	sb_adds(&u, base);
	sb_add_urlenc(&u, text, strlen(text));
	if (name2) {
		sb_adds(&u, name2);
		sb_add_urlenc(&u, text2, strlen(text2));
	}
	return sb_detach(&u, NULL);
}

void web_a11y_ctx(struct req *r, json_t *ctx)
{
	struct prefs p;
	prefs_parse(req_cookie(r, PREFS_COOKIE), &p);
	const char *lp = req_lang_prefix(r);
	/* the class on <html> (layout.mustache): the cache keeps this variant apart (server.c) */
	const char *cls = prefs_html_class(&p);
	if (*cls)
		set_str(ctx, "html_class", cls);

	json_t *a = json_object();
	char *self = req_self_path(r);
	json_t *sizes = json_array();
	static const char *const size_labels[PREFS_NSIZES] = { "a11y_size_normal", "a11y_size_large", "a11y_size_larger" };
	for (int i = 0; i < PREFS_NSIZES; i++) {
		json_t *s = json_object();
		set_str(s, "label", rtr(r, size_labels[i]));
		set_str(s, "word", prefs_size_word((enum prefs_size)i));
		set_own(s, "url", pref_link(r, "co-chu", prefs_size_word((enum prefs_size)i), self));
		json_object_set_new(s, "current", json_boolean((int)p.size == i));
		json_array_append_new(sizes, s);
	}
	json_object_set_new(a, "sizes", sizes);
	json_object_set_new(a, "contrast_high", json_boolean(p.contrast));
	set_own(a, "contrast_url", pref_link(r, "tuong-phan", p.contrast ? "thuong" : "cao", self));
	json_t *keys = json_array();
	for (size_t i = 0; i < ARRAY_SIZE(shortcuts); i++) {
		struct sb u = SB_INIT;
		sb_addf(&u, "%s%s", lp, shortcuts[i].path);
		json_array_append_new(keys, json_pack("{ssssss}", "key", shortcuts[i].key, "url", u.buf, "label",
						      rtr(r, shortcuts[i].label)));
		sb_release(&u);
	}
	json_object_set_new(a, "keys", keys);
	free(self);
	json_object_set_new(ctx, "a11y", a);

	/* the share links: plain links to each service with the page's address, so that nothing
	 * of theirs loads until the reader follows one (no script, no image, no frame) */
	const char *url = json_string_value(json_object_get(ctx, "canonical_url"));
	const char *title = json_string_value(json_object_get(ctx, "page_title"));
	if (url) {
		json_t *sh = json_object();
		set_str(sh, "url", url);
		set_own(sh, "facebook", share_link("https://www.facebook.com/sharer/sharer.php?u=", url, NULL, NULL));
		set_own(sh, "zalo", share_link("https://zalo.me/share?url=", url, NULL, NULL));
		set_own(sh, "x", share_link("https://x.com/intent/post?url=", url, "&text=", title ? title : ""));
		set_own(sh, "email", share_link("mailto:?subject=", title ? title : "", "&body=", url));
		json_object_set_new(ctx, "share", sh);
	}
}

void page_a11y(struct req *r)
{
	const char *title = rtr(r, "a11y_statement_title");
	json_t *ctx = web_public_ctx(r, title, "/tro-nang-tiep-can");
	web_crumb(ctx, title, NULL);
	resp_render(r, 200, "public/a11y", ctx);
}
