/* subscriptions.c — the site administrators' view of the e-mail subscriptions
 * (model/subscription.h; docs/subscriptions.md).
 * WEBPAGE: GET  /quan-tri/nhan-tin            the counts per target and state, the latest subscriptions
 *                                      (addresses masked), the mail log; ?da-go=1 after a removal
 * WEBPAGE: POST /quan-tri/nhan-tin/<id>/xoa   csrf: removes the subscription and its address (audited);
 *                                      303 back
 * WEBPAGE: POST /quan-tri/nhan-tin            csrf, hour ("0".."23", "" for the installation's): the
 *                                      hour the site's digests go (audited); 303 back, or 422 */
#include "web/web.h"
#include "base/util.h"
#include "model/subscription.h"
#include "db/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define LIST_MAX 200

static int64_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

/* "dd/mm/yyyy HH:MM" of the value of KEY in O, put as KEY_text ("" when null). */
static void time_text(struct req *r, json_t *o, const char *key)
{
	char buf[32] = "", name[48];
	json_t *v = json_object_get(o, key);
	if (json_is_integer(v))
		time_format_vn(json_integer_value(v), buf, sizeof(buf));
	snprintf(name, sizeof(name), "%s_text", key);
	json_object_set_new(o, name, json_string(buf));
	(void)r;
}

/* The page; HOUR_TYPED and E: a refused hour, shown again with its message. */
static void render(struct req *r, int status, const char *hour_typed, const struct errs *e)
{
	json_t *v = subscription_admin_view(r->db, &r->actor, site_of(r), LIST_MAX), *x;
	if (!v) {
		resp_error(r, 403, "forbidden");
		return;
	}
	size_t i;
	json_array_foreach(json_object_get(v, "subscriptions"), i, x) {
		char key[40];
		time_text(r, x, "created_at");
		snprintf(key, sizeof(key), "sub_state_%s", json_string_value(json_object_get(x, "state")));
		json_object_set_new(x, "state_label", json_string(rtr(r, key)));
		snprintf(key, sizeof(key), "sub_freq_%s", json_string_value(json_object_get(x, "frequency")));
		json_object_set_new(x, "frequency_label", json_string(rtr(r, key)));
	}
	json_array_foreach(json_object_get(v, "mail"), i, x) {
		time_text(r, x, "created_at");
		time_text(r, x, "sent_at");
	}
	/* the site's digest hour: its own in the field, the installation's named in the hint */
	int own = 0, hour = subscription_hour_get(r->db, site_of(r), &own);
	char *global = db_setting_get(r->db, "subscription_hour");
	int64_t dflt = SUB_DIGEST_HOUR;
	if (global && parse_i64(global, 0, 23, &dflt))
		dflt = SUB_DIGEST_HOUR;
	free(global);
	char h[8] = "";
	if (own)
		snprintf(h, sizeof(h), "%d", hour);
	json_object_set_new(v, "hour_form", json_string(hour_typed ? hour_typed : h));
	json_object_set_new(v, "hour_default", json_integer(dflt));
	if (e && e->n)
		json_object_set_new(v, "hour_error", json_string(rtr(r, e->e[0].key)));
	json_t *ctx = admin_ctx(r, rtr(r, "sub_admin_title"));
	if (req_arg(r, "da-go"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "sub_admin_removed")));
	else if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "sub_hour_saved")));
	json_object_set_new(ctx, "subs", v);
	resp_header(r, "Cache-Control", "no-store");
	resp_render(r, status, "admin/subscriptions", ctx);
}

void admin_subscriptions(struct req *r)
{
	render(r, 200, NULL, NULL);
}

void admin_subscription_hour(struct req *r)
{
	struct errs e = { 0 };
	const char *hour = req_form(r, "hour");
	int rc = subscription_hour_set(r->db, &r->actor, site_of(r), hour ? hour : "", &e);
	if (rc == M_OK)
		resp_redirect(r, 303, "/quan-tri/nhan-tin?da-luu=1");
	else if (rc == M_INVALID)
		render(r, 422, hour, &e);
	else if (rc == M_DENIED)
		resp_error(r, 403, "forbidden");
	else
		resp_error(r, 500, "server_error");
}

void admin_subscription_remove(struct req *r)
{
	int64_t id = web_slug_id(r->captures[0], NULL);
	int rc = id > 0 ? subscription_remove(r->db, &r->actor, site_of(r), id) : M_NOTFOUND;
	if (rc == M_OK)
		resp_redirect(r, 303, "/quan-tri/nhan-tin?da-go=1");
	else if (rc == M_DENIED)
		resp_error(r, 403, "forbidden");
	else if (rc == M_NOTFOUND)
		resp_error(r, 404, "not_found");
	else
		resp_error(r, 500, "server_error");
}
