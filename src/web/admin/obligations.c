/* obligations.c — information obligations and the main board's requests in the admin
 * (model/obligation.h, docs/obligations.md).
 * WEBPAGE: GET  /quan-tri/nghia-vu                 the site's obligations, those toward it, the form
 * WEBPAGE: POST /quan-tri/nghia-vu                 adds one: provider, kind, what, basis, period,
 *                                                  workdays, starts
 * WEBPAGE: GET  /quan-tri/nghia-vu/bao-cao         per unit: on time, late, missing (tu, den = yyyy-mm-dd;
 *                                                  pham-vi=tinh: every site's, on the main portal)
 * WEBPAGE: GET  /quan-tri/nghia-vu/<id>            one obligation: its periods, the forms
 * WEBPAGE: POST /quan-tri/nghia-vu/<id>            saves it (the same fields, active)
 * WEBPAGE: POST /quan-tri/nghia-vu/<id>/cung-cap   records a period provided: period, item, note
 * WEBPAGE: GET  /quan-tri/yeu-cau                  requests sent (main portal) and received, the form
 * WEBPAGE: POST /quan-tri/yeu-cau                  sends one: to_site, what, why, due
 * WEBPAGE: GET  /quan-tri/yeu-cau/<id>             one request (the receiving board's first look: seen)
 * WEBPAGE: POST /quan-tri/yeu-cau/<id>/tra-loi     answers: reply, items (ids, several)
 * WEBPAGE: POST /quan-tri/yeu-cau/<id>/dong        the sender closes it */
#include "web/web.h"
#include "model/obligation.h"
#include "model/deadline.h"
#include "model/kind.h"
#include "base/locale.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/utf8.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static const char *const periods[] = { "month", "quarter", "half", "year" };

/* A typed value shown again: "" when it is not UTF-8 (json_string would refuse it). */
static const char *kept(const char *s)
{
	return s && utf8_valid(s, strlen(s)) ? s : "";
}

static int64_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

/* The mails are written in Vietnamese whatever the admin's language: boards write to boards. */
static json_t *mail_texts(struct req *r)
{
	return locale_dict(__atomic_load_n(&r->app->locale, __ATOMIC_ACQUIRE), "vi");
}

static const char *keyed(struct req *r, const char *prefix, const char *v)
{
	char key[64];
	snprintf(key, sizeof(key), "%s%s", prefix, v ? v : "");
	return rtr(r, key);
}

/* A period's view: its name ("Quý IV/2026") and its state's label and class. */
static void period_view(struct req *r, json_t *p)
{
	if (!json_is_object(p))
		return;
	struct sb b = SB_INIT;
	sb_addf(&b, "%s %s", keyed(r, "obl_period_one_", json_string_value(json_object_get(p, "kind"))),
		json_string_value(json_object_get(p, "num")));
	json_object_set_new(p, "label", json_string(b.buf));
	sb_release(&b);
	const char *state = json_string_value(json_object_get(p, "state"));
	json_object_set_new(p, "state_label", json_string(keyed(r, "obl_state_", state)));
	json_object_set_new(p, "is_missing", json_boolean(state && strcmp(state, "missing") == 0));
	json_object_set_new(p, "is_done", json_boolean(state && (strcmp(state, "on_time") == 0 || strcmp(state, "late") == 0)));
	json_object_set_new(p, "may_record", json_boolean(state && strcmp(state, "running") != 0));
}

static void obligation_view(struct req *r, json_t *o)
{
	char u[64];
	snprintf(u, sizeof(u), "/quan-tri/nghia-vu/%lld", (long long)json_integer_value(json_object_get(o, "id")));
	json_object_set_new(o, "url", json_string(u));
	json_object_set_new(o, "period_label", json_string(keyed(r, "obl_period_", json_string_value(json_object_get(o, "period")))));
	json_object_set_new(o, "is_active", json_boolean(json_integer_value(json_object_get(o, "active")) != 0));
	period_view(r, json_object_get(o, "last"));
}

/* The form's choices: providers (SELECTED marked), kinds, periods. */
static void choices(struct req *r, json_t *ctx, json_t *form)
{
	const char *prov = json_string_value(json_object_get(form, "provider"));
	const char *kind = json_string_value(json_object_get(form, "kind"));
	const char *period = json_string_value(json_object_get(form, "period"));
	json_t *ps = obligation_providers(r->db, site_of(r)), *p;
	json_t *units = json_array(), *sites = json_array();
	size_t i, n;
	json_array_foreach(ps, i, p) {
		json_object_set_new(p, "selected", json_boolean(prov && strcmp(prov, json_string_value(json_object_get(p, "value"))) == 0));
		json_array_append(strcmp(json_string_value(json_object_get(p, "grp")), "unit") == 0 ? units : sites, p);
	}
	json_decref(ps);
	json_object_set_new(ctx, "provider_units", units);
	json_object_set_new(ctx, "has_provider_units", json_boolean(json_array_size(units) > 0));
	json_object_set_new(ctx, "provider_sites", sites);
	json_t *kinds = json_array();
	const struct kind *const *all = kind_all(&n);
	for (i = 0; i < n; i++)
		json_array_append_new(kinds, json_pack("{sssssb}", "name", all[i]->name, "label", kind_tr(req_texts(r), all[i], NULL), "selected",
						       kind && strcmp(kind, all[i]->name) == 0));
	json_object_set_new(ctx, "kinds", kinds);
	json_t *per = json_array();
	for (i = 0; i < ARRAY_SIZE(periods); i++)
		json_array_append_new(per, json_pack("{sssssb}", "value", periods[i], "label", keyed(r, "obl_period_", periods[i]),
						     "selected", period ? strcmp(period, periods[i]) == 0 : i == 1));
	json_object_set_new(ctx, "period_choices", per);
}

static json_t *form_read(struct req *r, struct obligation_input *in)
{
	static const char *const keys[] = { "provider", "kind", "what", "basis", "period", "workdays", "starts" };
	const char **v[] = { &in->provider, &in->kind, &in->what, &in->basis, &in->period, &in->workdays, &in->starts };
	json_t *form = json_object();
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		const char *s = req_form(r, keys[i]);
		*v[i] = s ? s : "";
		json_object_set_new(form, keys[i], json_string(kept(*v[i])));
	}
	const char *act = req_form(r, "active");
	in->active = act && *act;
	json_object_set_new(form, "is_active", json_boolean(in->active));
	return form;
}

/* The kind named in the reader's language (the model names it in Vietnamese): ROW's "kind_name"
 * from its "kind". */
static void kind_name_tr(struct req *r, json_t *row)
{
	const struct kind *k = kind_find(json_string_value(json_object_get(row, "kind")));
	if (k)
		json_object_set_new(row, "kind_name", json_string(kind_tr(req_texts(r), k, NULL)));
}

static void kind_names_tr(struct req *r, json_t *rows)
{
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row)
		kind_name_tr(r, row);
}

static void list_render(struct req *r, int status, json_t *form, const struct errs *e)
{
	json_t *toward = NULL;
	json_t *rows = obligation_list(r->db, &r->actor, site_of(r), time_now(), &toward), *o;
	if (!rows) {
		json_decref(toward);
		admin_model_error(r, M_DENIED);
		return;
	}
	kind_names_tr(r, rows);
	kind_names_tr(r, toward);
	size_t i;
	json_array_foreach(rows, i, o)
		obligation_view(r, o);
	json_array_foreach(toward, i, o)
		obligation_view(r, o);
	json_t *ctx = admin_ctx(r, rtr(r, "obl_title"));
	json_object_set_new(ctx, "obligations", rows);
	json_object_set_new(ctx, "has_obligations", json_boolean(json_array_size(rows) > 0));
	json_object_set_new(ctx, "toward", toward ? toward : json_array());
	json_object_set_new(ctx, "has_toward", json_boolean(json_array_size(toward) > 0));
	json_object_set_new(ctx, "may_edit", json_boolean(obligation_may_edit(r->db, &r->actor, site_of(r))));
	choices(r, ctx, form);
	json_object_set_new(ctx, "form", json_incref(form));
	if (e)
		admin_errors(r, ctx, e);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "obl_saved")));
	resp_render(r, status, "admin/obligations", ctx);
}

void admin_obligations(struct req *r)
{
	json_t *form = json_pack("{sssssbssssssssss}", "period", "quarter", "workdays", "5", "is_active", 1, "provider", "",
				 "kind", "", "what", "", "basis", "", "starts", "");
	list_render(r, 200, form, NULL);
	json_decref(form);
}

void admin_obligation_add(struct req *r)
{
	struct obligation_input in = { 0 };
	struct errs e = { 0 };
	json_t *form = form_read(r, &in);
	int64_t id = 0;
	int rc = obligation_save(r->db, &r->actor, site_of(r), 0, &in, &e, &id);
	if (rc == M_OK)
		resp_redirect(r, 303, "/quan-tri/nghia-vu?da-luu=1");
	else if (rc == M_INVALID)
		list_render(r, 422, form, &e);
	else
		admin_model_error(r, rc);
	json_decref(form);
}

/* Obligation ID's page: FORM what was typed into the edit form (NULL: the stored values), PROV
 * what was typed into the provision form. */
static void one_render(struct req *r, int64_t id, int status, json_t *form, json_t *prov, const struct errs *e)
{
	json_t *o = obligation_get(r->db, &r->actor, site_of(r), id, time_now());
	if (!o) {
		admin_model_error(r, obligation_may_view(r->db, &r->actor, site_of(r)) ? M_NOTFOUND : M_DENIED);
		return;
	}
	kind_name_tr(r, o);
	obligation_view(r, o);
	json_t *ps = json_object_get(o, "periods"), *p;
	size_t i;
	const char *chosen = prov ? json_string_value(json_object_get(prov, "period")) : NULL;
	json_array_foreach(ps, i, p) {
		char start[24];
		period_view(r, p);
		snprintf(start, sizeof(start), "%lld", (long long)json_integer_value(json_object_get(p, "start")));
		json_object_set_new(p, "chosen", json_boolean(chosen && strcmp(chosen, start) == 0));
	}
	json_t *ctx = admin_ctx(r, json_string_value(json_object_get(o, "what")));
	if (!form) {
		char buf[16];
		vn_date_format(vn_days_to_date((int32_t)json_integer_value(json_object_get(o, "starts_day"))), buf);
		char provider[40], wd[16];
		snprintf(provider, sizeof(provider), "%s:%lld", json_string_value(json_object_get(o, "provider_kind")),
			 (long long)json_integer_value(json_object_get(o, json_is_integer(json_object_get(o, "provider_site"))
											  ? "provider_site" : "provider_unit")));
		snprintf(wd, sizeof(wd), "%lld", (long long)json_integer_value(json_object_get(o, "workdays")));
		form = json_pack("{sssOsOsOsOsssssb}", "provider", provider, "kind", json_object_get(o, "kind"), "what",
				 json_object_get(o, "what"), "basis", json_object_get(o, "basis"), "period",
				 json_object_get(o, "period"), "workdays", wd, "starts", buf, "is_active",
				 json_integer_value(json_object_get(o, "active")) != 0);
	} else {
		json_incref(form);
	}
	/* the site's own items for the provision's link, newest first */
	json_t *items = request_item_choices(r->db, site_of(r));
	choices(r, ctx, form);
	json_object_set_new(ctx, "form", form);
	json_object_set_new(ctx, "prov", prov ? json_incref(prov) : json_object());
	json_object_set_new(ctx, "items", items);
	json_object_set_new(ctx, "o", o);
	if (e && prov) {
		/* the provision form's errors, apart from the edit form's (both have a "period") */
		json_t *sub = json_object();
		admin_errors(r, sub, e);
		json_object_set(ctx, "perrors", json_object_get(sub, "errors"));
		json_decref(sub);
	} else if (e) {
		admin_errors(r, ctx, e);
	}
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "obl_saved")));
	resp_render(r, status, "admin/obligation", ctx);
}

void admin_obligation(struct req *r)
{
	int64_t id = admin_capture_id(r);
	if (id <= 0) {
		admin_model_error(r, M_NOTFOUND);
		return;
	}
	one_render(r, id, 200, NULL, NULL, NULL);
}

void admin_obligation_save(struct req *r)
{
	int64_t id = admin_capture_id(r);
	struct obligation_input in = { 0 };
	struct errs e = { 0 };
	if (id <= 0) {
		admin_model_error(r, M_NOTFOUND);
		return;
	}
	json_t *form = form_read(r, &in);
	int rc = obligation_save(r->db, &r->actor, site_of(r), id, &in, &e, NULL);
	if (rc == M_OK) {
		char u[80];
		snprintf(u, sizeof(u), "/quan-tri/nghia-vu/%lld?da-luu=1", (long long)id);
		resp_redirect(r, 303, u);
	} else if (rc == M_INVALID) {
		one_render(r, id, 422, form, NULL, &e);
	} else {
		admin_model_error(r, rc);
	}
	json_decref(form);
}

void admin_obligation_provide(struct req *r)
{
	int64_t id = admin_capture_id(r);
	struct errs e = { 0 };
	if (id <= 0) {
		admin_model_error(r, M_NOTFOUND);
		return;
	}
	const char *period = req_form(r, "period"), *item = req_form(r, "item"), *note = req_form(r, "note");
	int rc = obligation_provide(r->db, &r->actor, site_of(r), id, period, item, note, time_now(), &e);
	if (rc == M_OK) {
		char u[80];
		snprintf(u, sizeof(u), "/quan-tri/nghia-vu/%lld?da-luu=1", (long long)id);
		resp_redirect(r, 303, u);
	} else if (rc == M_INVALID) {
		json_t *prov = json_pack("{ssssss}", "period", kept(period), "item", kept(item), "note",
					 kept(note));
		one_render(r, id, 422, NULL, prov, &e);
		json_decref(prov);
	} else {
		admin_model_error(r, rc);
	}
}

/* ---- the report ---- */

void admin_obligation_report(struct req *r)
{
	int32_t today = vn_days_of_time(time_now()), from, to = today;
	vn_date d = vn_days_to_date(today), start = { d.y, 1, 1 };
	const char *tu = req_arg(r, "tu"), *den = req_arg(r, "den");
	struct errs e = { 0 };
	from = vn_date_to_days(start);
	if (tu && *tu && obligation_day_parse(tu, &from))
		errs_add(&e, "tu", "obl_day_invalid");
	if (den && *den && obligation_day_parse(den, &to))
		errs_add(&e, "den", "obl_day_invalid");
	if (!e.n && to < from)
		errs_add(&e, "den", "obl_range_invalid");
	/* "pham-vi=tinh" on the main portal: every site's obligations */
	const char *scope = req_arg(r, "pham-vi");
	int province = scope && strcmp(scope, "tinh") == 0 &&
		       strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0;
	json_t *rep = obligation_report(r->db, &r->actor, province ? 0 : site_of(r), from, e.n ? from : to);
	if (!rep) {
		admin_model_error(r, M_DENIED);
		return;
	}
	kind_names_tr(r, json_object_get(rep, "rows"));
	json_t *ctx = admin_ctx(r, rtr(r, "obl_report_title"));
	json_object_set_new(ctx, "province", json_boolean(province));
	json_object_set_new(ctx, "can_province", json_boolean(strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0 &&
							     deadline_may_view(r->db, &r->actor, 0)));
	char a[11], b[11];
	vn_date_format(vn_days_to_date(from), a);
	vn_date_format(vn_days_to_date(to), b);
	json_object_set_new(ctx, "tu", json_string(e.n && tu ? kept(tu) : a));
	json_object_set_new(ctx, "den", json_string(e.n && den ? kept(den) : b));
	if (e.n) {
		admin_errors(r, ctx, &e);
		json_decref(rep);
		resp_render(r, 422, "admin/obligation-report", ctx);
		return;
	}
	json_object_update(ctx, rep);
	json_object_set_new(ctx, "has_rows", json_boolean(json_array_size(json_object_get(rep, "rows")) > 0));
	json_decref(rep);
	resp_render(r, 200, "admin/obligation-report", ctx);
}

/* ---- requests ---- */

static void request_view(struct req *r, json_t *q)
{
	char u[64];
	snprintf(u, sizeof(u), "/quan-tri/yeu-cau/%lld", (long long)json_integer_value(json_object_get(q, "id")));
	json_object_set_new(q, "url", json_string(u));
	json_object_set_new(q, "state_label", json_string(rtr(r, json_string_value(json_object_get(q, "state_key")))));
}

static void requests_render(struct req *r, int status, json_t *form, const struct errs *e)
{
	json_t *l = request_list(r->db, &r->actor, site_of(r), time_now()), *q;
	if (!l) {
		admin_model_error(r, M_DENIED);
		return;
	}
	size_t i;
	json_array_foreach(json_object_get(l, "sent"), i, q)
		request_view(r, q);
	json_array_foreach(json_object_get(l, "received"), i, q)
		request_view(r, q);
	json_t *ctx = admin_ctx(r, rtr(r, "req_title"));
	int may_send = request_may_send(r->db, &r->actor, site_of(r));
	json_object_set_new(ctx, "may_send", json_boolean(may_send));
	json_object_set_new(ctx, "has_sent", json_boolean(json_array_size(json_object_get(l, "sent")) > 0));
	json_object_set_new(ctx, "has_received", json_boolean(json_array_size(json_object_get(l, "received")) > 0));
	json_object_update(ctx, l);
	json_decref(l);
	if (may_send) {
		json_t *sites = site_list(r->db), *s, *opts = json_array();
		const char *sel = json_string_value(json_object_get(form, "to_site"));
		json_array_foreach(sites, i, s) {
			char id[24];
			snprintf(id, sizeof(id), "%lld", (long long)json_integer_value(json_object_get(s, "id")));
			if (json_integer_value(json_object_get(s, "id")) != site_of(r))
				json_array_append_new(opts, json_pack("{sssOsb}", "value", id, "name", json_object_get(s, "name"),
								      "selected", sel && strcmp(sel, id) == 0));
		}
		json_decref(sites);
		json_object_set_new(ctx, "sites", opts);
	}
	json_object_set_new(ctx, "form", json_incref(form));
	if (e)
		admin_errors(r, ctx, e);
	if (req_arg(r, "da-gui"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "req_sent_notice")));
	resp_render(r, status, "admin/requests", ctx);
}

void admin_requests(struct req *r)
{
	json_t *form = json_pack("{ssssssss}", "to_site", "", "what", "", "why", "", "due", "");
	requests_render(r, 200, form, NULL);
	json_decref(form);
}

void admin_request_send(struct req *r)
{
	struct request_input in = { req_form(r, "to_site"), req_form(r, "what"), req_form(r, "why"), req_form(r, "due"), NULL, NULL };
	struct errs e = { 0 };
	int64_t id = 0, to = 0;
	/* both sides' addresses as this request sees them, for the links of the mails */
	json_t *target = in.to_site && parse_i64(in.to_site, 1, INT64_MAX, &to) == 0 ? site_get(r->db, to) : NULL;
	char *from_url = web_site_url(r, r->site), *to_url = target ? web_site_url(r, target) : NULL;
	in.from_url = from_url;
	in.to_url = to_url;
	int rc = request_send(r->db, &r->actor, site_of(r), &in, mail_texts(r), time_now(), &e, &id);
	free(from_url);
	free(to_url);
	json_decref(target);
	if (rc == M_OK) {
		resp_redirect(r, 303, "/quan-tri/yeu-cau?da-gui=1");
	} else if (rc == M_INVALID) {
		json_t *form = json_pack("{ssssssss}", "to_site", kept(in.to_site), "what", kept(in.what),
					 "why", kept(in.why), "due", kept(in.due));
		requests_render(r, 422, form, &e);
		json_decref(form);
	} else {
		admin_model_error(r, rc);
	}
}

static void request_render(struct req *r, int64_t id, int status, const char *reply, const struct errs *e)
{
	json_t *q = request_get(r->db, &r->actor, site_of(r), id, mail_texts(r), time_now());
	if (!q) {
		admin_model_error(r, M_NOTFOUND);
		return;
	}
	request_view(r, q);
	json_object_set_new(q, "has_linked", json_boolean(json_array_size(json_object_get(q, "items")) > 0));
	json_t *ctx = admin_ctx(r, rtr(r, "req_one_title"));
	if (json_is_true(json_object_get(q, "may_answer"))) {
		json_t *items = request_item_choices(r->db, site_of(r)), *it, *linked = json_object_get(q, "items"), *l;
		size_t i, k;
		json_array_foreach(items, i, it) {
			const struct kind *kd = kind_find(json_string_value(json_object_get(it, "kind")));
			json_object_set_new(it, "kind_label", json_string(kd ? kind_tr(req_texts(r), kd, NULL) : ""));
			int on = 0;
			json_array_foreach(linked, k, l)
				on |= json_integer_value(json_object_get(l, "id")) == json_integer_value(json_object_get(it, "id"));
			json_object_set_new(it, "checked", json_boolean(on));
		}
		json_object_set_new(ctx, "choices", items);
		json_object_set_new(ctx, "has_items", json_boolean(json_array_size(items) > 0));
	}
	json_object_set_new(ctx, "reply_form", json_string(reply ? reply : json_string_value(json_object_get(q, "reply"))));
	json_object_set_new(ctx, "q", q);
	if (e)
		admin_errors(r, ctx, e);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "obl_saved")));
	resp_render(r, status, "admin/request", ctx);
}

void admin_request(struct req *r)
{
	int64_t id = admin_capture_id(r);
	if (id <= 0) {
		admin_model_error(r, M_NOTFOUND);
		return;
	}
	request_render(r, id, 200, NULL, NULL);
}

void admin_request_answer(struct req *r)
{
	int64_t id = admin_capture_id(r), items[REQ_ITEMS_MAX + 1];
	const char *raw[REQ_ITEMS_MAX + 1];
	struct errs e = { 0 };
	if (id <= 0) {
		admin_model_error(r, M_NOTFOUND);
		return;
	}
	size_t n = req_form_all(r, "items", raw, REQ_ITEMS_MAX + 1), k = 0;
	for (size_t i = 0; i < n; i++)
		if (parse_i64(raw[i], 1, INT64_MAX, &items[k]) == 0)
			k++;
		else
			items[k++] = 0; /* refused by the model as an item not of the site */
	const char *reply = req_form(r, "reply");
	int rc = request_answer(r->db, &r->actor, site_of(r), id, reply, items, k, mail_texts(r), time_now(), &e);
	if (rc == M_OK) {
		char u[80];
		snprintf(u, sizeof(u), "/quan-tri/yeu-cau/%lld?da-luu=1", (long long)id);
		resp_redirect(r, 303, u);
	} else if (rc == M_INVALID) {
		request_render(r, id, 422, kept(reply), &e);
	} else {
		admin_model_error(r, rc);
	}
}

void admin_request_close(struct req *r)
{
	int64_t id = admin_capture_id(r);
	int rc = id > 0 ? request_close(r->db, &r->actor, site_of(r), id, mail_texts(r), time_now()) : M_NOTFOUND;
	if (rc == M_OK) {
		char u[80];
		snprintf(u, sizeof(u), "/quan-tri/yeu-cau/%lld?da-luu=1", (long long)id);
		resp_redirect(r, 303, u);
	} else {
		admin_model_error(r, rc);
	}
}
