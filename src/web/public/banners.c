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

json_t *web_banners(struct req *r)
{
	int64_t site_id = json_integer_value(json_object_get(r->site, "id"));
	json_t *cur = banner_current(r->db, site_id, time_now());
	if (!cur)
		return NULL;
	static const char *const labels[][2] = {
		{ "header", "Quảng cáo đầu trang" }, { "sidebar", "Quảng cáo cột bên" }, { "footer", "Quảng cáo chân trang" },
	};
	json_t *out = json_object();
	for (size_t p = 0; p < ARRAY_SIZE(labels); p++) {
		json_t *list = json_object_get(cur, labels[p][0]);
		size_t i;
		json_t *b;
		if (!list)
			continue;
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
		json_object_set_new(out, labels[p][0], json_pack("{sOssss}", "items", list, "label", labels[p][1], "where", labels[p][0]));
	}
	json_decref(cur);
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
