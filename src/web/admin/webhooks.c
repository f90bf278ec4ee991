/* webhooks.c — a site's webhooks in the admin (model/webhook.h, docs/webhooks.md): the list with
 * the newest deliveries, a hook's form with its secret, test and deletion, a delivery's attempts.
 * Site administrators only (the routes say so, and model/webhook.c checks again).
 * WEBPAGE: GET  /quan-tri/webhook                          hooks, the form to add one, the newest deliveries
 * WEBPAGE: POST /quan-tri/webhook                          adds one: url, ev_published, ev_updated,
 *                                                          ev_withdrawn, enabled ("1" when ticked)
 * WEBPAGE: GET  /quan-tri/webhook/<id>                     a hook's form and its deliveries
 * WEBPAGE: POST /quan-tri/webhook/<id>                     saves it (the same fields)
 * WEBPAGE: POST /quan-tri/webhook/<id>/khoa                the page with the secret shown (audited)
 * WEBPAGE: POST /quan-tri/webhook/<id>/doi-khoa            a new secret, shown (audited)
 * WEBPAGE: POST /quan-tri/webhook/<id>/thu                 queues a test delivery ("ping")
 * WEBPAGE: POST /quan-tri/webhook/<id>/xoa                 deletes the hook and its log
 * WEBPAGE: GET  /quan-tri/webhook/lan-gui/<id>             one delivery: its body and every attempt
 * WEBPAGE: POST /quan-tri/webhook/lan-gui/<id>/gui-lai     sends it again ("gửi lại") */
#include "web/web.h"
#include "base/util.h"
#include "base/utf8.h"
#include "base/arena.h"
#include "model/webhook.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define LOG_ROWS 50

static int64_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

/* The refusal of a hook or delivery not found: 404 for the site's administrators, 403 for others. */
static void missing(struct req *r)
{
	json_t *hooks = webhook_list(r->db, &r->actor, site_of(r));
	admin_model_error(r, hooks ? M_NOTFOUND : M_DENIED);
	json_decref(hooks);
}

static void set_time(json_t *o, const char *key, json_t *t)
{
	char buf[40] = "";
	if (json_is_integer(t) && json_integer_value(t) > 0)
		time_format_vn(json_integer_value(t), buf, sizeof(buf));
	json_object_set_new(o, key, json_string(buf));
}

/* An event's name as the board reads it. */
static const char *event_label(struct req *r, const char *ev)
{
	char key[48];
	snprintf(key, sizeof(key), "webhook_event_%s", ev ? ev : "");
	return rtr(r, key);
}

/* The deliveries' rows as the tables show them. */
static void deliveries_view(struct req *r, json_t *rows)
{
	size_t i;
	json_t *d;
	json_array_foreach(rows, i, d) {
		const char *state = json_string_value(json_object_get(d, "state"));
		char key[48], u[80];
		snprintf(key, sizeof(key), "webhook_state_%s", state ? state : "");
		json_object_set_new(d, "state_label", json_string(rtr(r, key)));
		json_object_set_new(d, "event_label", json_string(event_label(r, json_string_value(json_object_get(d, "event")))));
		set_time(d, "created", json_object_get(d, "created_at"));
		set_time(d, "last", json_object_get(d, "last_at"));
		int pending = state && strcmp(state, "pending") == 0;
		if (pending)
			set_time(d, "next", json_object_get(d, "next_at"));
		json_object_set_new(d, "is_pending", json_boolean(pending));
		json_object_set_new(d, "can_redeliver", json_true()); /* a waiting one too: "send now" */
		json_object_set_new(d, "has_status", json_boolean(json_integer_value(json_object_get(d, "last_status")) > 0));
		snprintf(u, sizeof(u), "/quan-tri/webhook/lan-gui/%lld", (long long)json_integer_value(json_object_get(d, "id")));
		json_object_set_new(d, "detail_url", json_string(u));
	}
}

/* A hook's view: its events ticked and named. */
static void hook_view(struct req *r, json_t *h)
{
	const char *events = json_string_value(json_object_get(h, "events"));
	struct sb names = SB_INIT;
	for (size_t i = 0; i < 3; i++) {
		char key[24];
		int on = events && strstr(events, webhook_events[i]) != NULL;
		snprintf(key, sizeof(key), "ev_%s", webhook_events[i]);
		json_object_set_new(h, key, json_boolean(on));
		if (on) {
			if (names.len)
				sb_adds(&names, ", ");
			sb_adds(&names, event_label(r, webhook_events[i]));
		}
	}
	json_object_set_new(h, "events_label", json_string(names.buf));
	sb_release(&names);
	json_object_set_new(h, "is_enabled", json_boolean(json_integer_value(json_object_get(h, "enabled")) != 0));
	char u[64];
	snprintf(u, sizeof(u), "/quan-tri/webhook/%lld", (long long)json_integer_value(json_object_get(h, "id")));
	json_object_set_new(h, "edit_url", json_string(u));
}

/* The form as sent, for the model and for showing it again with its errors. */
static json_t *form_read(struct req *r, struct webhook_input *in, char *base_url)
{
	json_t *typed = json_object();
	const char *url = req_form(r, "url");
	in->url = url ? url : "";
	json_object_set_new(typed, "url", json_string(utf8_valid(in->url, strlen(in->url)) ? in->url : ""));
	for (size_t i = 0; i < 3; i++) {
		char key[24];
		snprintf(key, sizeof(key), "ev_%s", webhook_events[i]);
		const char *v = req_form(r, key);
		in->events[i] = v && *v;
		json_object_set_new(typed, key, json_boolean(in->events[i]));
	}
	const char *en = req_form(r, "enabled");
	in->enabled = en && *en;
	json_object_set_new(typed, "is_enabled", json_boolean(in->enabled));
	in->base_url = base_url;
	return typed;
}

static void errors_ctx(struct req *r, json_t *ctx, const struct errs *e)
{
	json_t *o = json_object();
	for (int i = 0; i < e->n; i++)
		if (!json_object_get(o, e->e[i].field))
			json_object_set_new(o, e->e[i].field, json_string(e->text[i] ? e->text[i] : rtr(r, e->e[i].key)));
	json_object_set_new(ctx, "errors", o);
	json_object_set_new(ctx, "has_errors", json_boolean(e->n > 0));
}

static void list_render(struct req *r, int status, json_t *form, const struct errs *e)
{
	json_t *hooks = webhook_list(r->db, &r->actor, site_of(r));
	json_t *log = hooks ? webhook_deliveries(r->db, &r->actor, site_of(r), 0, LOG_ROWS) : NULL;
	if (!hooks || !log) {
		json_decref(hooks);
		admin_model_error(r, M_DENIED);
		return;
	}
	size_t i;
	json_t *h;
	json_array_foreach(hooks, i, h)
		hook_view(r, h);
	deliveries_view(r, log);
	json_t *ctx = admin_ctx(r, rtr(r, "webhook_title"));
	json_object_set_new(ctx, "hooks", hooks);
	json_object_set_new(ctx, "has_hooks", json_boolean(json_array_size(hooks) > 0));
	json_object_set_new(ctx, "deliveries", log);
	json_object_set_new(ctx, "has_deliveries", json_boolean(json_array_size(log) > 0));
	json_object_set_new(ctx, "form", json_incref(form));
	if (e)
		errors_ctx(r, ctx, e);
	if (req_arg(r, "da-xoa"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "webhook_deleted")));
	resp_render(r, status, "admin/webhooks", ctx);
}

void admin_webhooks(struct req *r)
{
	json_t *form = json_pack("{sbsbsbsb}", "ev_published", 1, "ev_updated", 1, "ev_withdrawn", 1, "is_enabled", 1);
	list_render(r, 200, form, NULL);
	json_decref(form);
}

void admin_webhook_add(struct req *r)
{
	struct webhook_input in = { 0 };
	struct errs e = { 0 };
	char *base = web_site_url(r, r->site);
	json_t *typed = form_read(r, &in, base);
	int64_t id = 0;
	int rc = webhook_add(r->db, &r->actor, site_of(r), &in, &e, &id);
	if (rc == M_OK) {
		char u[80];
		snprintf(u, sizeof(u), "/quan-tri/webhook/%lld?moi=1", (long long)id);
		resp_redirect(r, 303, u);
	} else if (rc == M_INVALID) {
		list_render(r, 422, typed, &e);
	} else {
		admin_model_error(r, rc);
	}
	json_decref(typed);
	free(base);
}

/* Hook ID's page: FORM (what was typed; NULL the stored values), SECRET when it is to be shown. */
static void hook_render(struct req *r, int64_t id, int status, json_t *form, const struct errs *e, const char *secret)
{
	json_t *h = webhook_get(r->db, &r->actor, site_of(r), id);
	if (!h) {
		missing(r);
		return;
	}
	hook_view(r, h);
	json_t *log = webhook_deliveries(r->db, &r->actor, site_of(r), id, LOG_ROWS);
	deliveries_view(r, log);
	json_t *ctx = admin_ctx(r, rtr(r, "webhook_edit_title"));
	if (form) {
		json_object_update(h, form); /* the typed values over the stored ones */
	}
	set_time(h, "created", json_object_get(h, "created_at"));
	json_object_set_new(ctx, "hook", h);
	json_object_set_new(ctx, "deliveries", log ? log : json_array());
	json_object_set_new(ctx, "has_deliveries", json_boolean(json_array_size(log) > 0));
	if (e)
		errors_ctx(r, ctx, e);
	if (secret)
		json_object_set_new(ctx, "secret", json_string(secret));
	const char *notice = req_arg(r, "moi")        ? "webhook_added"
			     : req_arg(r, "da-luu")    ? "saved"
			     : req_arg(r, "da-gui-thu") ? "webhook_test_queued"
							: NULL;
	if (notice)
		json_object_set_new(ctx, "notice", json_string(rtr(r, notice)));
	resp_render(r, status, "admin/webhook", ctx);
}

void admin_webhook_edit(struct req *r)
{
	int64_t id = admin_capture_id(r);
	if (id <= 0) {
		resp_error(r, 404, "not_found");
		return;
	}
	hook_render(r, id, 200, NULL, NULL, NULL);
}

void admin_webhook_save(struct req *r)
{
	int64_t id = admin_capture_id(r);
	if (id <= 0) {
		resp_error(r, 404, "not_found");
		return;
	}
	struct webhook_input in = { 0 };
	struct errs e = { 0 };
	char *base = web_site_url(r, r->site);
	json_t *typed = form_read(r, &in, base);
	int rc = webhook_update(r->db, &r->actor, site_of(r), id, &in, &e);
	if (rc == M_OK) {
		char u[80];
		snprintf(u, sizeof(u), "/quan-tri/webhook/%lld?da-luu=1", (long long)id);
		resp_redirect(r, 303, u);
	} else if (rc == M_INVALID) {
		hook_render(r, id, 422, typed, &e, NULL);
	} else {
		admin_model_error(r, rc);
	}
	json_decref(typed);
	free(base);
}

static void secret_show(struct req *r, int rotate)
{
	int64_t id = admin_capture_id(r);
	char *secret = NULL;
	int rc = id > 0 ? webhook_secret(r->db, &r->actor, site_of(r), id, rotate, &secret) : M_NOTFOUND;
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	/* an answer to a POST, never cached by the browser: the secret is not in any address */
	resp_header(r, "Cache-Control", "no-store");
	hook_render(r, id, 200, NULL, NULL, secret);
	sodium_memzero(secret, strlen(secret));
	free(secret);
}

void admin_webhook_secret(struct req *r)
{
	secret_show(r, 0);
}

void admin_webhook_rotate(struct req *r)
{
	secret_show(r, 1);
}

void admin_webhook_test(struct req *r)
{
	int64_t id = admin_capture_id(r);
	int rc = id > 0 ? webhook_test(r->db, &r->actor, site_of(r), id) : M_NOTFOUND;
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	char u[80];
	snprintf(u, sizeof(u), "/quan-tri/webhook/%lld?da-gui-thu=1", (long long)id);
	resp_redirect(r, 303, u);
}

void admin_webhook_delete(struct req *r)
{
	int64_t id = admin_capture_id(r);
	int rc = id > 0 ? webhook_delete(r->db, &r->actor, site_of(r), id) : M_NOTFOUND;
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	resp_redirect(r, 303, "/quan-tri/webhook?da-xoa=1");
}

void admin_webhook_delivery(struct req *r)
{
	int64_t id = admin_capture_id(r);
	json_t *d = id > 0 ? webhook_delivery_get(r->db, &r->actor, site_of(r), id) : NULL;
	if (!d) {
		missing(r);
		return;
	}
	json_t *one = json_array();
	json_array_append(one, d);
	deliveries_view(r, one);
	json_decref(one);
	set_time(d, "delivered", json_object_get(d, "delivered_at"));
	size_t i;
	json_t *t;
	json_array_foreach(json_object_get(d, "attempt_log"), i, t) {
		set_time(t, "when", json_object_get(t, "at"));
		json_object_set_new(t, "n", json_integer((json_int_t)i + 1));
		json_object_set_new(t, "ok", json_boolean(json_integer_value(json_object_get(t, "status")) >= 200 &&
							  json_integer_value(json_object_get(t, "status")) < 300 &&
							  !*json_string_value(json_object_get(t, "error"))));
		json_object_set_new(t, "has_status", json_boolean(json_integer_value(json_object_get(t, "status")) > 0));
	}
	/* the body as it was sent, indented for reading */
	json_t *body = json_loads(json_string_value(json_object_get(d, "payload")), 0, NULL);
	char *pretty = body ? json_dumps(body, JSON_INDENT(2)) : NULL;
	json_object_set_new(d, "payload_pretty", json_string(pretty ? pretty : json_string_value(json_object_get(d, "payload"))));
	json_free_str(pretty);
	json_decref(body);
	char u[64];
	snprintf(u, sizeof(u), "/quan-tri/webhook/%lld", (long long)json_integer_value(json_object_get(d, "hook_id")));
	json_object_set_new(d, "hook_url", json_string(u));
	json_t *ctx = admin_ctx(r, rtr(r, "webhook_delivery_title"));
	json_object_set_new(ctx, "d", d);
	if (req_arg(r, "da-gui-lai"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "webhook_redeliver_queued")));
	resp_render(r, 200, "admin/webhook_delivery", ctx);
}

void admin_webhook_redeliver(struct req *r)
{
	int64_t id = admin_capture_id(r);
	int rc = id > 0 ? webhook_redeliver(r->db, &r->actor, site_of(r), id) : M_NOTFOUND;
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	char u[80];
	snprintf(u, sizeof(u), "/quan-tri/webhook/lan-gui/%lld?da-gui-lai=1", (long long)id);
	resp_redirect(r, 303, u);
}
