/* banners.c — banners on the public pages and the redirect that counts their clicks
 * (model/banner.h, docs/media.md).
 * WEBPAGE: GET /quang-cao/<id>/mo  a click on banner ID: counted for the day, then 303 to the
 *                                  banner's own target (nothing else: no open redirect) */
#include "web/web.h"
#include "model/banner.h"
#include "base/sb.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

/* The banners of one placement as a view (media looked up), for the partial. */
static json_t *placement_view(struct req *r, int64_t site_id, json_t *list, const char *where, const char *label)
{
	size_t i;
	json_t *b;
	json_array_foreach(list, i, b) {
		struct sb u = SB_INIT;
		sb_addf(&u, "/quang-cao/%lld/mo", (long long)json_integer_value(json_object_get(b, "id")));
		json_object_set_new(b, "click_url", json_string(u.buf));
		sb_release(&u);
		int64_t mid = json_integer_value(json_object_get(b, "media_id"));
		json_t *m = mid ? media_get(r->db, mid) : NULL;
		if (m && json_integer_value(json_object_get(m, "site_id")) == site_id &&
		    strcmp(json_string_value(json_object_get(m, "kind")), "image") == 0) {
			const char *alt = json_string_value(json_object_get(m, "alt"));
			json_object_set_new(b, "image",
					    json_pack("{sOsOsOss}", "url", json_object_get(m, "url"), "width",
						      json_object_get(m, "width"), "height", json_object_get(m, "height"),
						      "alt", alt && *alt ? alt : json_string_value(json_object_get(b, "title"))));
		}
		json_decref(m);
	}
	return json_pack("{sOssss}", "items", list, "label", label, "where", where);
}

json_t *web_banners(struct req *r)
{
	int64_t site_id = json_integer_value(json_object_get(r->site, "id")), now = time_now();
	/* the placements' HTML, kept with the connection until the database changes or a banner
	 * of the site starts or ends (its epoch is in the key) */
	int64_t epoch = banner_epoch(r->db, site_id, now, NULL);
	static const char *const labels[][2] = {
		{ "header", "banners_header" }, { "sidebar", "banners_sidebar" }, { "footer", "banners_footer" }, /* keys of texts */
	};
	json_t *out = json_object(), *cur = NULL;
	int fetched = 0;
	for (size_t p = 0; p < ARRAY_SIZE(labels); p++) {
		struct sb key = SB_INIT, html = SB_INIT;
		web_fragment_prefix(r, &key, 'B');
		sb_addf(&key, "%lld|%lld|%s", (long long)site_id, (long long)epoch, labels[p][0]);
		size_t len;
		const char *kept = epoch >= 0 ? web_fragment_get(r, key.buf, &len) : NULL;
		if (kept) {
			sb_add(&html, kept, len);
		} else {
			if (!fetched) {
				cur = banner_current(r->db, site_id, now);
				fetched = 1;
			}
			json_t *list = json_object_get(cur, labels[p][0]);
			if (list) {
				json_t *v = placement_view(r, site_id, list, labels[p][0], rtr(r, labels[p][1]));
				web_render_part(r, "partials/banners", v, &html);
				json_decref(v);
			}
			if (epoch >= 0)
				web_fragment_put(r, key.buf, html.buf ? html.buf : "", html.len);
		}
		if (html.len) { /* rendered from checked text: valid UTF-8 */
			char name[32];
			snprintf(name, sizeof(name), "%s_html", labels[p][0]);
			json_object_set_new(out, name, json_stringn_nocheck(html.buf, html.len));
		}
		sb_release(&key);
		sb_release(&html);
	}
	json_decref(cur);
	if (!json_object_size(out)) {
		json_decref(out);
		return NULL;
	}
	return out;
}

void page_banner_click(struct req *r)
{
	const char *s = r->captures[0];
	int64_t id = 0;
	if (!s || !*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 15 || (id = strtoll(s, NULL, 10)) <= 0) {
		resp_error(r, 404, "not_found");
		return;
	}
	char *target = banner_click(r->db, json_integer_value(json_object_get(r->site, "id")), id, time_now());
	if (!target) { /* not a banner of this site showing now */
		resp_error(r, 404, "not_found");
		return;
	}
	resp_header(r, "Cache-Control", "no-store");
	resp_redirect(r, 303, target);
	free(target);
}
