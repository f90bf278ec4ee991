/* subscriptions.c — the site administrators' view of the e-mail subscriptions
 * (model/subscription.h; docs/subscriptions.md).
 * WEBPAGE: GET  /quan-tri/nhan-tin            the counts per target and state, the latest subscriptions
 *                                      (addresses masked), the mail log; ?da-go=1 after a removal
 * WEBPAGE: POST /quan-tri/nhan-tin/<id>/xoa   csrf: removes the subscription and its address (audited);
 *                                      303 back */
#include "web/web.h"
#include "base/util.h"
#include "model/subscription.h"

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

void admin_subscriptions(struct req *r)
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
	json_t *ctx = admin_ctx(r, rtr(r, "sub_admin_title"));
	if (req_arg(r, "da-go"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "sub_admin_removed")));
	json_object_set_new(ctx, "subs", v);
	resp_header(r, "Cache-Control", "no-store");
	resp_render(r, 200, "admin/subscriptions", ctx);
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
