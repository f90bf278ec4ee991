/* subscriptions.c — the citizens' e-mail subscriptions (model/subscription.h; docs/subscriptions.md).
 * WEBPAGE: GET  /dang-ky-nhan-tin           the form: e-mail, what to follow (the whole site, a
 *                                      category, a kind), how often (immediate, daily, weekly), the
 *                                      challenge; ?chuyen-muc=<id> or ?loai=<segment> pre-fill what to
 *                                      follow (the "Nhận tin qua thư" link of list pages); ?da-gui=1
 *                                      says the confirmation mail is on its way
 * WEBPAGE: POST /dang-ky-nhan-tin           csrf, email, target ("site", "c:<id>", "k:<kind>"),
 *                                      frequency, challenge, pow, challenge_answer, website (honeypot);
 *                                      303 to ?da-gui=1, or the form again (422) with the messages next
 *                                      to the fields and what was typed
 * WEBPAGE: GET  /dang-ky-nhan-tin/xac-nhan  ?token=: the confirmation mail's link, a button to confirm
 *                                      (a GET changes nothing: link checkers of mail servers follow it)
 * WEBPAGE: POST /dang-ky-nhan-tin/xac-nhan  csrf, token: the subscription becomes active
 * WEBPAGE: GET  /huy-nhan-tin               ?token=: every mail's unsubscribe link, a button to confirm
 * WEBPAGE: POST /huy-nhan-tin               ?token= (or the form's token): unsubscribes. RFC 8058's
 *                                      one-click POST (body "List-Unsubscribe=One-Click") comes from
 *                                      the reader's mail program without cookies: the route takes no
 *                                      CSRF token; the token, a keyed tag of the subscription, is the
 *                                      authority, and it can do nothing but this
 * Pages under "/en/…" or "/km/…" speak that language, and the mail of a subscription made there
 * too. No page here is kept in the page cache. */
#include "web/web.h"
#include "base/util.h"
#include "base/sb.h"
#include "model/subscription.h"
#include "model/kind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define FORM "nhan-tin" /* the challenge's form name */

static int64_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

void web_subscribe_link(struct req *r, json_t *ctx, int64_t category_id, const struct kind *k)
{
	if (k && !subscription_kind_offered(k))
		return; /* reference data: nothing to follow */
	struct sb u = SB_INIT;
	sb_addf(&u, "%s/dang-ky-nhan-tin", req_lang_prefix(r));
	if (category_id > 0)
		sb_addf(&u, "?chuyen-muc=%lld", (long long)category_id);
	else if (k)
		sb_addf(&u, "?loai=%s", k->segment);
	json_object_set_new(ctx, "subscribe_url", json_string(u.buf));
	sb_release(&u);
}

/* The choices of what to follow, TARGET selected: the whole site, its news categories, every
 * kind. */
static json_t *target_options(struct req *r, const char *target)
{
	json_t *opts = json_array(), *c;
	json_array_append_new(opts, json_pack("{sssssb}", "value", "site", "label", rtr(r, "sub_target_site"), "group", "",
					      "selected", !target || !*target || !strcmp(target, "site")));
	json_t *cats = web_categories(r);
	json_t *group = json_array();
	size_t i;
	json_array_foreach(cats, i, c) {
		const char *kind = json_string_value(json_object_get(c, "kind"));
		if (kind && strcmp(kind, "article") != 0)
			continue; /* another kind's category is followed as that kind */
		char v[32];
		snprintf(v, sizeof(v), "c:%lld", (long long)json_integer_value(json_object_get(c, "id")));
		struct sb label = SB_INIT;
		for (json_int_t d = json_integer_value(json_object_get(c, "depth")); d > 0; d--)
			sb_adds(&label, "— ");
		sb_adds(&label, json_string_value(json_object_get(c, "name")));
		json_array_append_new(group, json_pack("{sssssb}", "value", v, "label", label.buf, "selected",
						       target && !strcmp(target, v)));
		sb_release(&label);
	}
	json_decref(cats);
	size_t nk;
	const struct kind *const *ks = kind_all(&nk);
	json_t *kinds = json_array();
	for (size_t j = 0; j < nk; j++) {
		if (!subscription_kind_offered(ks[j]))
			continue;
		char v[64];
		snprintf(v, sizeof(v), "k:%s", ks[j]->name);
		json_array_append_new(kinds, json_pack("{sssssb}", "value", v, "label", ks[j]->label, "selected",
						       target && !strcmp(target, v)));
	}
	json_t *out = json_pack("{sOsoso}", "site", json_array_get(opts, 0), "categories", group, "kinds", kinds);
	json_decref(opts);
	return out;
}

static json_t *frequency_options(struct req *r, const char *freq)
{
	json_t *out = json_array();
	for (int i = 0; i < SUB_NFREQ; i++) {
		char key[32], hint[40];
		snprintf(key, sizeof(key), "sub_freq_%s", sub_frequency_names[i]);
		snprintf(hint, sizeof(hint), "sub_freq_%s_hint", sub_frequency_names[i]);
		json_array_append_new(out, json_pack("{sssssssb}", "value", sub_frequency_names[i], "label", rtr(r, key), "hint",
						     rtr(r, hint), "checked",
						     freq ? !strcmp(freq, sub_frequency_names[i]) : i == SUB_DAILY));
	}
	return out;
}

/* E's messages by field, the first of each, in the page's language ({} when E is NULL). */
static json_t *errors_view(struct req *r, const struct errs *e)
{
	json_t *errors = json_object();
	for (int i = 0; e && i < e->n; i++)
		if (!json_object_get(errors, e->e[i].field))
			json_object_set_new(errors, e->e[i].field, json_string(rtr(r, e->e[i].key)));
	return errors;
}

static void render_form(struct req *r, int status, const char *email, const char *target, const char *freq,
			const struct errs *e)
{
	const char *title = rtr(r, "sub_title");
	json_t *ctx = web_public_ctx(r, title, "/dang-ky-nhan-tin");
	web_crumb(ctx, title, NULL);
	json_t *errors = errors_view(r, e);
	json_t *chal = web_challenge_view(r, ctx, FORM, json_string_value(json_object_get(errors, "challenge")));
	if (!chal) {
		json_decref(errors);
		json_decref(ctx);
		resp_error(r, 500, "server_error");
		return;
	}
	struct sb action = SB_INIT;
	sb_addf(&action, "%s/dang-ky-nhan-tin", req_lang_prefix(r));
	json_t *view = json_pack("{sssssosososbsb}", "action", action.buf, "email", email ? email : "", "targets",
				 target_options(r, target), "frequencies", frequency_options(r, freq), "errors", errors,
				 "sent", req_arg(r, "da-gui") != NULL && status == 200, "has_errors", e && e->n > 0);
	sb_release(&action);
	json_object_set_new(ctx, "challenge", chal);
	json_object_set_new(ctx, "sub", view);
	resp_header(r, "Cache-Control", "no-store");
	resp_render(r, status, "public/subscribe", ctx);
}

void page_subscribe_form(struct req *r)
{
	char target[80] = "";
	int64_t cat = req_arg_int(r, "chuyen-muc", 0, 1, INT64_MAX);
	const char *seg = req_arg(r, "loai");
	const struct kind *k = seg ? kind_by_segment(seg) : NULL;
	if (k && !subscription_kind_offered(k))
		k = NULL;
	if (cat > 0)
		snprintf(target, sizeof(target), "c:%lld", (long long)cat);
	else if (k)
		snprintf(target, sizeof(target), "k:%s", k->name);
	render_form(r, 200, "", target, NULL, NULL);
}

void page_subscribe(struct req *r)
{
	struct errs e = { 0 };
	const char *email = req_form(r, "email"), *target = req_form(r, "target"), *freq = req_form(r, "frequency");
	web_challenge_check(r, FORM, &e);
	int rc = M_INVALID;
	if (!e.n) {
		char *base = web_site_url(r, r->site);
		struct sub_input in = { .email = email, .target = target, .frequency = freq, .lang = r->lang,
					.base_url = base, .challenge = req_form(r, "challenge") };
		rc = subscription_request(r->db, site_of(r), &in, req_texts(r), time_now(), &e);
		free(base);
	}
	if (rc == M_OK) {
		struct sb loc = SB_INIT;
		sb_addf(&loc, "%s/dang-ky-nhan-tin?da-gui=1", req_lang_prefix(r));
		resp_redirect(r, 303, loc.buf);
		sb_release(&loc);
		return;
	}
	if (rc == M_ERROR) {
		resp_error(r, 500, "server_error");
		return;
	}
	render_form(r, 422, email, target, freq, &e);
}

/* The small pages of the confirmation and the unsubscribe: MODE names what they show. */
static void render_status(struct req *r, int status, const char *mode, json_t *view)
{
	const char *title = rtr(r, !strncmp(mode, "unsub", 5)	 ? "sub_unsub_title"
				   : !strncmp(mode, "manage", 6) ? "sub_manage_title"
								 : "sub_confirm_title");
	json_t *ctx = web_public_ctx(r, title, NULL);
	web_crumb(ctx, title, NULL);
	if (!view)
		view = json_object();
	json_object_set_new(view, mode, json_true());
	json_object_set_new(view, "title", json_string(title));
	json_object_set_new(view, "home", json_string(*req_lang_prefix(r) ? req_lang_prefix(r) : "/"));
	json_object_set_new(ctx, "csrf", json_string(web_csrf_token(r)));
	json_object_set_new(ctx, "sub", view);
	resp_header(r, "Cache-Control", "no-store");
	resp_header(r, "X-Robots-Tag", "noindex");
	resp_render(r, status, "public/subscription", ctx);
}

static const char *token_of(struct req *r)
{
	const char *t = req_arg(r, "token");
	if (!t || !*t)
		t = req_form(r, "token");
	return t ? t : "";
}

void page_subscribe_confirm_form(struct req *r)
{
	struct sb action = SB_INIT;
	sb_addf(&action, "%s/dang-ky-nhan-tin/xac-nhan", req_lang_prefix(r));
	render_status(r, 200, "confirm_ask", json_pack("{ssss}", "token", token_of(r), "action", action.buf));
	sb_release(&action);
}

void page_subscribe_confirm(struct req *r)
{
	json_t *out = NULL;
	int rc = subscription_confirm(r->db, token_of(r), time_now(), &out);
	if (rc == M_OK && json_integer_value(json_object_get(out, "site_id")) != site_of(r))
		rc = M_NOTFOUND; /* another site's link: it says nothing here */
	if (rc == M_ERROR) {
		json_decref(out);
		resp_error(r, 500, "server_error");
		return;
	}
	if (rc != M_OK) {
		json_decref(out);
		render_status(r, 404, "confirm_bad", NULL);
		return;
	}
	char key[32];
	snprintf(key, sizeof(key), "sub_freq_%s", json_string_value(json_object_get(out, "frequency")));
	json_object_set_new(out, "frequency_label", json_string(rtr(r, key)));
	render_status(r, 200, "confirm_done", out);
}

void page_unsubscribe_form(struct req *r)
{
	json_t *s = subscription_by_unsub_token(r->db, token_of(r));
	if (!s || json_integer_value(json_object_get(s, "site_id")) != site_of(r)) {
		json_decref(s);
		render_status(r, 404, "unsub_bad", NULL);
		return;
	}
	if (!strcmp(json_string_value(json_object_get(s, "state")), "unsubscribed")) {
		render_status(r, 200, "unsub_done", s);
		return;
	}
	struct sb action = SB_INIT;
	sb_addf(&action, "%s/huy-nhan-tin", req_lang_prefix(r));
	json_object_set_new(s, "token", json_string(token_of(r)));
	json_object_set_new(s, "action", json_string(action.buf));
	sb_release(&action);
	render_status(r, 200, "unsub_ask", s);
}

void page_unsubscribe(struct req *r)
{
	const char *token = token_of(r);
	json_t *s = subscription_by_unsub_token(r->db, token);
	int rc = s && json_integer_value(json_object_get(s, "site_id")) == site_of(r)
			 ? subscription_unsubscribe(r->db, token, time_now())
			 : M_NOTFOUND;
	if (rc == M_ERROR) {
		json_decref(s);
		resp_error(r, 500, "server_error");
		return;
	}
	if (rc != M_OK) {
		json_decref(s);
		render_status(r, 404, "unsub_bad", NULL);
		return;
	}
	render_status(r, 200, "unsub_done", s);
}

/* ---- the page of all of an address's subscriptions (#16) ----
 * WEBPAGE: GET  /quan-ly-nhan-tin   ?token=: the signed link of every notice and digest: what the
 *                                   address follows on this site (checkboxes of the same choices as
 *                                   the form) and how often, and "stop all"
 * WEBPAGE: POST /quan-ly-nhan-tin   csrf, token, target (repeated), frequency; or stop=1: none.
 *                                   The token, a keyed tag of one of the address's subscriptions,
 *                                   is the authority: it came in a mail to that address. */

#define MANAGE_TARGETS_MAX 200

/* The choices of target_options, each checked when ACTIVE (an array of target keys) holds it. */
static json_t *manage_targets(struct req *r, const json_t *active)
{
	json_t *t = target_options(r, NULL), *o;
	const char *const groups[] = { "categories", "kinds" };
	json_t *site = json_object_get(t, "site");
	json_t *all = json_array();
	json_array_append(all, site);
	for (size_t g = 0; g < 2; g++) {
		size_t i;
		json_array_foreach(json_object_get(t, groups[g]), i, o)
			json_array_append(all, o);
	}
	size_t i, j;
	json_array_foreach(all, i, o) {
		int on = 0;
		json_t *k;
		json_array_foreach(active, j, k)
			on |= !strcmp(json_string_value(k), json_string_value(json_object_get(o, "value")));
		json_object_set_new(o, "selected", json_boolean(on));
		json_object_set_new(o, "id", json_sprintf("target-%zu", i));
	}
	json_decref(all);
	return t;
}

static void render_manage(struct req *r, int status, json_t *view, const json_t *active, const char *freq,
			  const struct errs *e, int saved)
{
	const char *title = rtr(r, "sub_manage_title");
	json_t *ctx = web_public_ctx(r, title, NULL);
	web_crumb(ctx, title, NULL);
	json_t *errors = errors_view(r, e);
	struct sb action = SB_INIT;
	sb_addf(&action, "%s/quan-ly-nhan-tin", req_lang_prefix(r));
	json_object_set_new(view, "action", json_string(action.buf));
	sb_release(&action);
	json_object_set_new(view, "token", json_string(token_of(r)));
	json_object_set_new(view, "targets", manage_targets(r, active));
	json_object_set_new(view, "frequencies", frequency_options(r, freq));
	json_object_set_new(view, "errors", errors);
	json_object_set_new(view, "has_errors", json_boolean(e && e->n > 0));
	json_object_set_new(view, "saved", json_boolean(saved));
	json_object_set_new(view, "none", json_boolean(json_array_size(active) == 0));
	json_object_set_new(view, "home", json_string(*req_lang_prefix(r) ? req_lang_prefix(r) : "/"));
	json_object_set_new(ctx, "csrf", json_string(web_csrf_token(r)));
	json_object_set_new(ctx, "sub", view);
	resp_header(r, "Cache-Control", "no-store");
	resp_header(r, "X-Robots-Tag", "noindex");
	resp_render(r, status, "public/subscription_manage", ctx);
}

/* The view of the token, when it is one of this site's; else the "bad link" page is sent. */
static json_t *manage_view_here(struct req *r)
{
	json_t *v = subscription_manage_view(r->db, token_of(r));
	if (v && json_integer_value(json_object_get(v, "site_id")) == site_of(r))
		return v;
	json_decref(v);
	render_status(r, 404, "manage_bad", NULL);
	return NULL;
}

void page_subscription_manage_form(struct req *r)
{
	json_t *v = manage_view_here(r);
	if (!v)
		return;
	json_t *active = json_incref(json_object_get(v, "active"));
	char freq[16];
	snprintf(freq, sizeof(freq), "%s", json_string_value(json_object_get(v, "frequency")));
	render_manage(r, 200, v, active, freq, NULL, req_arg(r, "da-luu") != NULL);
	json_decref(active);
}

void page_subscription_manage(struct req *r)
{
	json_t *v = manage_view_here(r);
	if (!v)
		return;
	const char *targets[MANAGE_TARGETS_MAX];
	size_t n = req_form(r, "stop") ? 0 : req_form_all(r, "target", targets, MANAGE_TARGETS_MAX);
	const char *freq = req_form(r, "frequency");
	struct errs e = { 0 };
	int rc = subscription_manage_save(r->db, token_of(r), targets, n, freq, time_now(), &e);
	if (rc == M_OK) {
		json_decref(v);
		struct sb loc = SB_INIT;
		sb_addf(&loc, "%s/quan-ly-nhan-tin?token=", req_lang_prefix(r));
		sb_add_urlenc(&loc, token_of(r), strlen(token_of(r)));
		sb_adds(&loc, "&da-luu=1");
		resp_redirect(r, 303, loc.buf);
		sb_release(&loc);
		return;
	}
	if (rc != M_INVALID) {
		json_decref(v);
		resp_error(r, rc == M_NOTFOUND ? 404 : 500, rc == M_NOTFOUND ? "not_found" : "server_error");
		return;
	}
	/* refused: what was ticked, kept */
	json_t *asked = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(asked, json_string(targets[i]));
	render_manage(r, 422, v, asked, freq, &e, 0);
	json_decref(asked);
}
