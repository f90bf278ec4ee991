/* shares.c — the main portal's board decides on the news component sites propose to it.
 * WEBPAGE: GET  /quan-tri/de-xuat        proposals (loc = cho, da-nhan, tu-choi)
 * WEBPAGE: POST /quan-tri/de-xuat/<id>   decide: quyet-dinh = nhan | tu-choi, reason */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"

#include <string.h>

#include "base/banned.h"

static const struct {
	const char *slug, *state, *label;
} views[] = {
	{ "cho", "proposed", "adm_sh_proposed" },
	{ "da-nhan", "accepted", "adm_sh_accepted" },
	{ "tu-choi", "declined", "adm_sh_declined" },
};

static void shares_render(struct req *r, int status, const struct errs *e, int64_t failed_id)
{
	size_t v = 0, i;
	const char *loc = req_arg(r, "loc");
	for (i = 0; loc && i < ARRAY_SIZE(views); i++)
		if (strcmp(loc, views[i].slug) == 0)
			v = i;
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_shares"));
	json_t *tabs = json_array();
	for (i = 0; i < ARRAY_SIZE(views); i++) {
		struct sb u = SB_INIT;
		sb_addf(&u, "/quan-tri/de-xuat?loc=%s", views[i].slug);
		json_array_append_new(tabs, json_pack("{sssssb}", "label", rtr(r, views[i].label), "url", u.buf, "current", i == v));
		sb_release(&u);
	}
	json_object_set_new(ctx, "tabs", tabs);
	json_t *rows = share_list(r->db, &r->actor, json_integer_value(json_object_get(r->site, "id")), views[v].state);
	json_t *row;
	char buf[40];
	json_array_foreach(rows, i, row) {
		json_t *site = json_pack("{sOsO}", "slug", json_object_get(row, "site_slug"), "kind", json_object_get(row, "site_kind"));
		char *su = web_site_url(r, site);
		json_t *idrow = json_pack("{sOsO}", "id", json_object_get(row, "article_id"), "slug", json_object_get(row, "slug"));
		char *path = web_article_path(idrow);
		struct sb u = SB_INIT;
		sb_add(&u, su, strlen(su) - 1);
		sb_adds(&u, path);
		json_object_set_new(row, "url", json_string(u.buf));
		time_format_vn(json_integer_value(json_object_get(row, "proposed_at")), buf, sizeof(buf));
		json_object_set_new(row, "proposed", json_string(buf));
		json_object_set_new(row, "pending", json_boolean(strcmp(views[v].state, "proposed") == 0));
		json_object_set_new(row, "still_published", json_boolean(strcmp(json_string_value(json_object_get(row, "article_state")), "published") == 0));
		if (json_integer_value(json_object_get(row, "id")) == failed_id && e)
			admin_errors(r, row, e);
		sb_release(&u);
		free(path);
		free(su);
		json_decref(idrow);
		json_decref(site);
	}
	json_object_set_new(ctx, "has_rows", json_boolean(json_array_size(rows) > 0));
	json_object_set_new(ctx, "rows", rows);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	resp_render(r, status, "admin/shares", ctx);
}

static int main_site_board(struct req *r)
{
	if (strcmp(json_string_value(json_object_get(r->site, "kind")), "main") != 0) {
		resp_error(r, 404, "shares_main_only");
		return -1;
	}
	return 0;
}

void admin_shares(struct req *r)
{
	if (main_site_board(r))
		return;
	shares_render(r, 200, NULL, 0);
}

void admin_share_decide(struct req *r)
{
	struct errs e = { 0 };
	int64_t id;
	if (main_site_board(r))
		return;
	const char *d = req_form(r, "quyet-dinh");
	if (!r->captures[0] || parse_i64(r->captures[0], 1, INT64_MAX, &id) || !d ||
	    (strcmp(d, "nhan") != 0 && strcmp(d, "tu-choi") != 0)) {
		resp_error(r, 400, "bad_request");
		return;
	}
	int rc = share_decide(r->db, &r->actor, json_integer_value(json_object_get(r->site, "id")), id,
			      strcmp(d, "nhan") == 0, req_form(r, "reason"), &e);
	if (rc == M_OK)
		resp_redirect(r, 303, "/quan-tri/de-xuat?da-luu=1");
	else if (rc == M_INVALID)
		shares_render(r, 422, &e, id);
	else if (rc == M_DENIED)
		resp_error(r, 403, "forbidden");
	else if (rc == M_NOTFOUND)
		resp_error(r, 404, "not_found");
	else
		resp_error(r, 500, "server_error");
}
