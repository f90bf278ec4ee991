/* extfeeds.c — the main portal's register of member sites hosted elsewhere, pulled by their
 * feeds (VL Đ33; model/extfeeds.h, docs/external-feeds.md): each site's feed state (last good
 * pull, last error with its time and detail, items kept), add, change, remove, "pull now". The
 * main portal's site administrators only (the route's gate, and model/extfeeds.c).
 * WEBPAGE: GET  /quan-tri/trang-ngoai               the register and the form to add a site
 * WEBPAGE: POST /quan-tri/trang-ngoai               add: name, unit (a site's id or ""), home_url, feed_url,
 *                                                   interval (minutes, "" for the installation's)
 * WEBPAGE: GET  /quan-tri/trang-ngoai/<id>          the form to change one
 * WEBPAGE: POST /quan-tri/trang-ngoai/<id>          change: the same fields
 * WEBPAGE: POST /quan-tri/trang-ngoai/<id>/xoa      remove it and its items
 * WEBPAGE: POST /quan-tri/trang-ngoai/<id>/lay-ngay pull its feed now (the scheduler, in a moment) */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/extfeeds.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define BASE "/quan-tri/trang-ngoai"

/* The register lives on the main portal: elsewhere there is no such page. */
static int main_only(struct req *r)
{
	if (strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0)
		return 0;
	resp_error(r, 404, "not_found");
	return -1;
}

static void time_field(struct req *r, json_t *row, const char *key, const char *out)
{
	json_t *v = json_object_get(row, key);
	char buf[40];
	if (json_is_integer(v) && json_integer_value(v) > 0) {
		time_format_vn(json_integer_value(v), buf, sizeof(buf));
		json_object_set_new(row, out, json_string(buf));
	} else {
		json_object_set_new(row, out, json_string(rtr(r, "extfeeds_never")));
	}
}

/* The units a site may belong to, SELECTED marked. */
static json_t *unit_options(struct req *r, int64_t selected)
{
	json_t *sites = site_list(r->db), *out = json_array();
	size_t i;
	json_t *s;
	json_array_foreach(sites, i, s) {
		int64_t id = json_integer_value(json_object_get(s, "id"));
		json_array_append_new(out, json_pack("{sIsOsb}", "id", (json_int_t)id, "name", json_object_get(s, "name"),
						     "selected", id == selected));
	}
	json_decref(sites);
	return out;
}

/* The form's values again: FORM from the request (a refusal), else ROW (a site being changed). */
static json_t *form_view(struct req *r, json_t *row, int from_request)
{
	static const char *const keys[] = { "name", "unit", "home_url", "feed_url", "interval" };
	/* the row's name of each key, where it differs */
	static const char *const cols[] = { "name", "unit_site_id", "home_url", "feed_url", "interval_minutes" };
	json_t *f = json_object();
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		const char *v = from_request ? req_form(r, keys[i]) : NULL;
		if (!from_request && row) {
			json_t *x = json_object_get(row, cols[i]);
			char n[32];
			if (json_is_integer(x)) {
				snprintf(n, sizeof(n), "%lld", (long long)json_integer_value(x));
				json_object_set_new(f, keys[i], json_string(n));
				continue;
			}
			v = json_string_value(x);
		}
		json_object_set_new(f, keys[i], json_string(v ? v : ""));
	}
	return f;
}

static void render(struct req *r, int status, json_t *editing, json_t *form, const struct errs *e)
{
	json_t *rows = extsites_list(r->db, &r->actor);
	if (!rows) {
		json_decref(form);
		json_decref(editing);
		admin_model_error(r, M_DENIED);
		return;
	}
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		time_field(r, row, "last_ok_at", "last_ok");
		time_field(r, row, "last_pull_at", "last_pull");
		time_field(r, row, "last_error_at", "last_error_time");
		const char *err = json_string_value(json_object_get(row, "last_error"));
		json_object_set_new(row, "failing", json_boolean(err && *err));
		if (err && *err)
			json_object_set_new(row, "error_text", json_string(rtr(r, err)));
		char u[80];
		snprintf(u, sizeof(u), BASE "/%lld", (long long)json_integer_value(json_object_get(row, "id")));
		json_object_set_new(row, "edit_url", json_string(u));
		json_object_set_new(row, "asked", json_boolean(json_integer_value(json_object_get(row, "pull_asked")) == 1));
	}
	json_t *ctx = admin_ctx(r, rtr(r, editing ? "extfeeds_edit_title" : "extfeeds_admin_title"));
	json_object_set_new(ctx, "ext_sites", rows);
	json_object_set_new(ctx, "has_ext_sites", json_boolean(json_array_size(rows) > 0));
	int64_t unit = 0;
	const char *fu = json_string_value(json_object_get(form, "unit"));
	if (fu && *fu)
		parse_i64(fu, 1, INT64_MAX, &unit);
	json_object_set_new(ctx, "units", unit_options(r, unit));
	json_object_set_new(ctx, "form", form);
	struct extfeed_opts o;
	extfeed_opts_read(r->db, &o);
	json_object_set_new(ctx, "default_interval", json_integer(o.interval / 60));
	if (editing) {
		char u[80];
		snprintf(u, sizeof(u), BASE "/%lld", (long long)json_integer_value(json_object_get(editing, "id")));
		json_object_set_new(ctx, "form_action", json_string(u));
		json_object_set_new(ctx, "editing", editing);
	} else {
		json_object_set_new(ctx, "form_action", json_string(BASE));
	}
	if (e)
		admin_errors(r, ctx, e);
	const char *done = req_arg(r, "xong");
	if (done && (strcmp(done, "luu") == 0 || strcmp(done, "xoa") == 0 || strcmp(done, "lay") == 0)) {
		char key[40];
		snprintf(key, sizeof(key), "extfeeds_done_%s", done);
		json_object_set_new(ctx, "notice", json_string(rtr(r, key)));
	}
	resp_render(r, status, "admin/extfeeds", ctx);
}

void admin_extsites(struct req *r)
{
	if (main_only(r))
		return;
	render(r, 200, NULL, form_view(r, NULL, 0), NULL);
}

static void input_of(struct req *r, struct extsite_input *in)
{
	in->name = req_form(r, "name");
	in->unit = req_form(r, "unit");
	in->home_url = req_form(r, "home_url");
	in->feed_url = req_form(r, "feed_url");
	in->interval = req_form(r, "interval");
}

void admin_extsite_add(struct req *r)
{
	if (main_only(r))
		return;
	struct extsite_input in;
	struct errs e = { 0 };
	int64_t id;
	input_of(r, &in);
	int rc = extsite_add(r->db, &r->actor, &in, time_now(), &e, &id);
	if (rc == M_OK)
		resp_redirect(r, 303, BASE "?xong=luu");
	else if (rc == M_INVALID)
		render(r, 422, NULL, form_view(r, NULL, 1), &e);
	else
		admin_model_error(r, rc);
}

void admin_extsite_edit(struct req *r)
{
	if (main_only(r))
		return;
	json_t *row = extsite_get(r->db, &r->actor, admin_capture_id(r));
	if (!row) {
		admin_model_error(r, extsite_may_manage(r->db, &r->actor) ? M_NOTFOUND : M_DENIED);
		return;
	}
	render(r, 200, row, form_view(r, row, 0), NULL);
}

void admin_extsite_save(struct req *r)
{
	if (main_only(r))
		return;
	int64_t id = admin_capture_id(r);
	struct extsite_input in;
	struct errs e = { 0 };
	input_of(r, &in);
	int rc = id > 0 ? extsite_update(r->db, &r->actor, id, &in, time_now(), &e) : M_NOTFOUND;
	if (rc == M_OK) {
		resp_redirect(r, 303, BASE "?xong=luu");
	} else if (rc == M_INVALID) {
		json_t *row = extsite_get(r->db, &r->actor, id);
		render(r, 422, row, form_view(r, NULL, 1), &e);
	} else {
		admin_model_error(r, rc);
	}
}

void admin_extsite_delete(struct req *r)
{
	if (main_only(r))
		return;
	int64_t id = admin_capture_id(r);
	int rc = id > 0 ? extsite_delete(r->db, &r->actor, id) : M_NOTFOUND;
	if (rc == M_OK)
		resp_redirect(r, 303, BASE "?xong=xoa");
	else
		admin_model_error(r, rc);
}

void admin_extsite_pull(struct req *r)
{
	if (main_only(r))
		return;
	int64_t id = admin_capture_id(r);
	int rc = id > 0 ? extsite_pull_request(r->db, &r->actor, id) : M_NOTFOUND;
	if (rc == M_OK)
		resp_redirect(r, 303, BASE "?xong=lay");
	else
		admin_model_error(r, rc);
}
