/* extnews.c — the news of the member sites hosted elsewhere, pulled by their feeds (VL Đ33;
 * model/extfeeds.h, docs/external-feeds.md): on the main portal only, each item with its source
 * named and linked, its title linking out to the original (rel="noopener external").
 * WEBPAGE: GET /tin-trang-thanh-vien?trang=N   every item, newest first, 20 a page */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/extfeeds.h"

#include <string.h>

#include "base/banned.h"

#define PER_PAGE 20
#define PATH "/tin-trang-thanh-vien"

static int is_main(struct req *r)
{
	return strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0;
}

/* ROWS (extfeed_items_public's) as the view: date, date_iso, external; taken. */
static json_t *items_view(json_t *rows)
{
	size_t i;
	json_t *row;
	char buf[40];
	json_array_foreach(rows, i, row) {
		int64_t t = json_integer_value(json_object_get(row, "published_at"));
		time_format_vn(t, buf, sizeof(buf));
		json_object_set_new(row, "date", json_string(buf));
		time_format_iso(t, buf, sizeof(buf));
		json_object_set_new(row, "date_iso", json_string(buf));
		json_object_set_new(row, "external", json_true());
		/* names no page's context has, so that an empty one finds no outer value */
		const char *au = json_string_value(json_object_get(row, "author"));
		if (au && *au)
			json_object_set(row, "ext_author", json_object_get(row, "author"));
		json_object_del(row, "author");
		/* the feed's image is kept but not shown: the pages load images from their own host
		 * only (Content-Security-Policy), and readers' browsers ask no other host */
		json_object_del(row, "image");
	}
	return rows;
}

json_t *web_ext_news(struct req *r, int64_t limit)
{
	if (!is_main(r))
		return json_array();
	json_t *rows = extfeed_items_public(r->db, limit, 0, NULL);
	return rows ? items_view(rows) : json_array();
}

void page_ext_news(struct req *r)
{
	if (!is_main(r)) { /* the member sites' news are the main portal's */
		resp_error(r, 404, "not_found");
		return;
	}
	int64_t page = req_arg_int(r, "trang", 1, 1, 100000), total = 0;
	json_t *rows = extfeed_items_public(r->db, PER_PAGE, (page - 1) * PER_PAGE, &total);
	if (!rows) {
		resp_error(r, 500, "error_500");
		return;
	}
	int64_t pages = total ? (total + PER_PAGE - 1) / PER_PAGE : 1;
	if (page > pages) {
		json_decref(rows);
		resp_error(r, 404, "page_not_found");
		return;
	}
	struct sb canon = SB_INIT, title = SB_INIT;
	sb_adds(&canon, PATH);
	if (page > 1)
		sb_addf(&canon, "?trang=%lld", (long long)page);
	const char *heading = rtr(r, "extfeeds_page_title");
	if (page > 1)
		sb_addf(&title, "%s - %s %lld", heading, rtr(r, "extfeeds_page"), (long long)page);
	else
		sb_adds(&title, heading);
	json_t *ctx = web_public_ctx(r, title.buf, canon.buf);
	web_crumb(ctx, heading, NULL);
	json_object_set_new(ctx, "ext_news", items_view(rows));
	json_object_set_new(ctx, "has_ext_news", json_boolean(total > 0));
	if (pages > 1) {
		struct sb u = SB_INIT;
		json_t *pager = json_pack("{sIsI}", "page", (json_int_t)page, "pages", (json_int_t)pages);
		if (page > 1) {
			sb_addf(&u, "%s%s?trang=%lld", req_lang_prefix(r), PATH, (long long)page - 1);
			json_object_set_new(pager, "prev_url", json_string(u.buf));
			sb_reset(&u);
		}
		if (page < pages) {
			sb_addf(&u, "%s%s?trang=%lld", req_lang_prefix(r), PATH, (long long)page + 1);
			json_object_set_new(pager, "next_url", json_string(u.buf));
		}
		sb_release(&u);
		json_object_set_new(ctx, "pager", pager);
	}
	sb_release(&canon);
	sb_release(&title);
	resp_render(r, 200, "public/ext_news", ctx);
}
