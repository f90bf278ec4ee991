/* inbox.c — the staff's inbox of what citizens send (model/ticket.h).
 * WEBPAGE: GET  /quan-tri/tiep-nhan        the site's tickets by box (hop = new | mine | open | due |
 *                                          overdue | done | forwarded), kind (loai = a ticket kind's
 *                                          name), page (trang)
 * WEBPAGE: GET  /quan-tri/tiep-nhan/<id>   one ticket: what was sent, its history, the forms of the
 *                                          actions; ca-nhan=1 opens the personal data (audited)
 * WEBPAGE: POST /quan-tri/tiep-nhan/<id>   an action: action (classify, assign, note, forward,
 *                                          refuse, answer, reply, accept, reject, or the kind's own)
 *                                          and its inputs (ticket_act), files (file, several: kept
 *                                          privately, ticket_file_put); 303 back, or the page again
 *                                          with the messages next to the inputs
 * WEBPAGE: GET  /quan-tri/tiep-nhan-tep/<id>  a file sent with a ticket's step, for the staff of
 *                                          the ticket's site (or the site it came from) */
#include "web/web.h"
#include "base/util.h"
#include "model/ticket.h"
#include "model/deadline.h"
#include "render/sanitize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define PER_PAGE 50

static int64_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

static const struct { const char *box, *label; } boxes[] = {
	{ "new", "adm_box_new" },	 { "mine", "adm_box_mine" }, { "open", "adm_box_open" }, { "due", "adm_box_due" },
	{ "overdue", "adm_box_overdue" }, { "done", "adm_box_done" },	   { "forwarded", "adm_box_forwarded" },
};

void admin_inbox(struct req *r)
{
	const char *box = req_arg(r, "hop"), *kind = req_arg(r, "loai");
	if (!box || !*box)
		box = "open";
	if (kind && !ticket_kind_find(kind))
		kind = NULL;
	int64_t page = req_arg_int(r, "trang", 1, 1, 100000), total = 0, now = time_now();
	json_t *rows = ticket_inbox(r->db, &r->actor, site_of(r), box, kind, now, PER_PAGE, (int)((page - 1) * PER_PAGE), &total);
	if (!rows) {
		resp_error(r, 403, "forbidden");
		return;
	}
	ticket_texts_apply(req_texts(r), rows);
	json_t *counts = ticket_inbox_counts(r->db, &r->actor, site_of(r), now);
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_inbox"));
	json_t *tabs = json_array();
	for (size_t i = 0; i < ARRAY_SIZE(boxes); i++) {
		char url[128];
		snprintf(url, sizeof(url), "/quan-tri/tiep-nhan?hop=%s%s%s", boxes[i].box, kind ? "&loai=" : "", kind ? kind : "");
		json_array_append_new(tabs, json_pack("{sssssOsb}", "label", rtr(r, boxes[i].label), "url", url, "n",
						      json_object_get(counts, boxes[i].box), "current", strcmp(box, boxes[i].box) == 0));
	}
	json_decref(counts);
	size_t nk;
	const struct ticket_kind *const *tks = ticket_kinds(&nk);
	json_t *kinds = json_array();
	for (size_t i = 0; i < nk; i++)
		json_array_append_new(kinds, json_pack("{sssssb}", "name", tks[i]->name, "label", ticket_kind_text(req_texts(r), tks[i]), "selected",
						       kind && strcmp(kind, tks[i]->name) == 0));
	json_object_set_new(ctx, "tabs", tabs);
	json_object_set_new(ctx, "kinds", kinds);
	json_object_set_new(ctx, "box", json_string(box));
	json_object_set_new(ctx, "has_rows", json_boolean(json_array_size(rows) > 0));
	json_object_set_new(ctx, "rows", rows);
	json_object_set_new(ctx, "total", json_integer(total));
	if (page * PER_PAGE < total) {
		char url[160];
		snprintf(url, sizeof(url), "/quan-tri/tiep-nhan?hop=%s%s%s&trang=%lld", box, kind ? "&loai=" : "", kind ? kind : "",
			 (long long)page + 1);
		json_object_set_new(ctx, "next_url", json_string(url));
	}
	resp_render(r, 200, "admin/inbox", ctx);
}

/* The forms of a kind's own actions that describe their inputs (ticket_kind.own_flow), for the
 * template: each input's type as a flag, an id unique in the page, what was typed and its
 * message when FORM is the action that was refused. */
static json_t *kind_forms(json_t *ctx, json_t *actions, json_t *form)
{
	json_t *out = json_array(), *a;
	size_t i;
	const char *sent = json_string_value(json_object_get(form, "action"));
	json_t *errors = json_object_get(ctx, "errors");
	json_array_foreach(actions, i, a) {
		json_t *inputs = json_object_get(a, "inputs"), *in;
		if (!json_is_array(inputs))
			continue;
		const char *action = json_string_value(json_object_get(a, "action"));
		int mine = sent && action && strcmp(sent, action) == 0, multipart = 0;
		json_t *f = json_deep_copy(a);
		size_t j;
		json_array_foreach(json_object_get(f, "inputs"), j, in) {
			const char *name = json_string_value(json_object_get(in, "name"));
			const char *type = json_string_value(json_object_get(in, "type"));
			char id[96], flag[32];
			snprintf(id, sizeof(id), "%s-%s", action, name);
			json_object_set_new(in, "id", json_string(id));
			snprintf(flag, sizeof(flag), "is_%s", type ? type : "text");
			json_object_set_new(in, flag, json_true());
			if (type && strcmp(type, "file") == 0)
				multipart = 1;
			const char *typed = mine ? json_string_value(json_object_get(form, name)) : NULL;
			if (typed)
				json_object_set_new(in, "value", json_string(typed));
			json_t *opt;
			size_t k;
			json_array_foreach(json_object_get(in, "options"), k, opt)
				json_object_set_new(opt, "selected", json_boolean(typed && strcmp(typed, json_string_value(json_object_get(opt, "key"))) == 0));
			json_t *err = mine ? json_object_get(errors, name) : NULL;
			if (err)
				json_object_set(in, "error", err);
		}
		json_object_set_new(f, "multipart", json_boolean(multipart));
		json_array_append_new(out, f);
	}
	return out;
}

/* The page of ticket ID; E and FORM (what was typed) when an action was refused. */
static void render_ticket(struct req *r, int status, int64_t id, const struct errs *e, json_t *form)
{
	int personal = req_arg(r, "ca-nhan") != NULL;
	json_t *t = ticket_get(r->db, &r->actor, site_of(r), id, personal);
	if (!t) {
		resp_error(r, 404, "not_found");
		return;
	}
	const struct ticket_kind *tk = ticket_kind_find(json_string_value(json_object_get(t, "kind")));
	ticket_texts_apply(req_texts(r), t);
	json_t *ctx = admin_ctx(r, json_string_value(json_object_get(t, "code")));
	/* what was sent, labelled by the kind's descriptor: public fields, and personal ones when opened */
	json_t *sent = json_array();
	for (size_t i = 0; tk && i < tk->form->nfields; i++) {
		const struct kind_field *f = &tk->form->fields[i];
		json_t *v = (f->flags & FF_PERSONAL) ? json_object_get(json_object_get(t, "personal"), f->key)
						     : json_object_get(json_object_get(t, "fields"), f->key);
		if ((f->flags & FF_PERSONAL) && !personal)
			continue;
		char *txt = kind_value_text(f, v);
		json_array_append_new(sent, json_pack("{sssssb}", "label", kind_tr_field(req_texts(r), tk->form, f, NULL), "value", txt, "personal",
						      (f->flags & FF_PERSONAL) != 0));
		free(txt);
	}
	json_object_set_new(t, "sent", sent);
	/* an error reported on a page: the page, and the item to correct (VL Đ18.2) */
	const char *page = kind_text(json_object_get(t, "fields"), "trang");
	/* a path of this site only: not "//host", nor one with a backslash, which browsers read as "//" */
	if (page[0] == '/' && page[1] != '/' && page[1] != '\\' && !strchr(page, '\\')) {
		json_object_set_new(t, "page_url", json_string(page));
		const char *last = strrchr(page, '/') + 1;
		int64_t item = web_slug_id(last, NULL);
		if (item > 0) {
			char url[64];
			snprintf(url, sizeof(url), "/quan-tri/bai-viet/%lld", (long long)item);
			json_object_set_new(t, "page_admin_url", json_string(url));
		}
	}
	json_object_set_new(t, "personal_shown", json_boolean(personal));
	/* the actions' forms */
	json_t *acts = json_object(), *a;
	size_t i;
	json_array_foreach(json_object_get(t, "actions"), i, a)
		if (!json_object_get(a, "inputs")) /* a kind's own form (kind_forms) is not the common one */
			json_object_set_new(acts, json_string_value(json_object_get(a, "action")), json_true());
	json_object_set_new(t, "can", acts);
	if (json_object_get(acts, "classify")) {
		json_t *choices = json_array();
		json_t *rules = deadline_rules(r->db, site_of(r), req_texts(r)), *rule;
		const char *cur = json_string_value(json_object_get(t, "deadline_kind"));
		size_t j;
		json_array_foreach(rules, j, rule) {
			const char *k = json_string_value(json_object_get(rule, "kind"));
			int ok = tk && strcmp(k, tk->deadline_kind) == 0;
			for (const char *const *c = tk ? tk->deadline_choices : NULL; !ok && c && *c; c++)
				ok = strcmp(*c, k) == 0;
			if (ok)
				json_array_append_new(choices, json_pack("{sssssssb}", "key", k, "label",
									 json_string_value(json_object_get(rule, "name")), "rule",
									 json_string_value(json_object_get(rule, "rule_label")), "selected",
									 cur && strcmp(cur, k) == 0));
		}
		json_decref(rules);
		json_object_set_new(ctx, "deadline_choices", choices);
		json_t *fields = json_array();
		const char *lv = json_string_value(json_object_get(json_object_get(t, "fields"), "linh_vuc"));
		for (const struct kind_choice *c = ticket_fields_of_life; c->key; c++)
			json_array_append_new(fields, json_pack("{sssb}", "key", c->key, "selected", lv && strcmp(lv, c->key) == 0));
		json_object_set_new(ctx, "life_fields", fields);
	}
	if (json_object_get(acts, "assign")) {
		json_t *users = user_list_site(r->db, &r->actor, site_of(r)), *u;
		json_t *opts = json_array();
		int64_t cur = json_integer_value(json_object_get(t, "assignee_id"));
		json_array_foreach(users, i, u)
			json_array_append_new(opts, json_pack("{sOsOsb}", "id", json_object_get(u, "id"), "name",
							      json_object_get(u, "display_name"), "selected",
							      json_integer_value(json_object_get(u, "id")) == cur));
		json_decref(users);
		json_object_set_new(ctx, "users", opts);
	}
	if (json_object_get(acts, "forward")) {
		json_t *sites = site_list(r->db), *s, *opts = json_array();
		json_array_foreach(sites, i, s)
			if (json_integer_value(json_object_get(s, "id")) != site_of(r))
				json_array_append_new(opts, json_pack("{sOsO}", "id", json_object_get(s, "id"), "name",
								      json_object_get(s, "name")));
		json_decref(sites);
		json_object_set_new(ctx, "sites", opts);
	}
	json_object_set_new(ctx, "reasons", ticket_refusal_reasons_in(req_texts(r)));
	json_object_set_new(ctx, "site_name", json_incref(json_object_get(r->site, "name")));
	json_object_set_new(ctx, "form", form ? json_incref(form) : json_object());
	if (e)
		admin_errors(r, ctx, e);
	json_object_set_new(t, "kind_forms", kind_forms(ctx, json_object_get(t, "actions"), form));
	json_object_set_new(ctx, "ticket", t);
	resp_header(r, "Cache-Control", "no-store");
	resp_render(r, status, "admin/ticket", ctx);
}

void admin_ticket(struct req *r)
{
	int64_t id = admin_capture_id(r);
	if (id < 0) {
		resp_error(r, 404, "not_found");
		return;
	}
	render_ticket(r, 200, id, NULL, NULL);
}

void admin_ticket_act(struct req *r)
{
	int64_t id = admin_capture_id(r);
	const char *action = req_form(r, "action");
	if (id < 0 || !action) {
		resp_error(r, 404, "not_found");
		return;
	}
	static const char *const inputs[] = { "deadline_kind", "linh_vuc", "user_id", "note", "site_id", "reason",
					      "answerer", "agency", "reason_text", "extend_days", "result" };
	json_t *in = json_object();
	for (size_t i = 0; i < ARRAY_SIZE(inputs); i++) {
		const char *v = req_form(r, inputs[i]);
		if (v)
			json_object_set_new(in, inputs[i], json_string(v));
	}
	const char *body = req_form(r, "body");
	if (body) {
		/* an answer to be published is rich text: only what the sanitiser keeps; a reply by mail is plain */
		char *clean = strcmp(action, "answer") == 0 ? html_sanitize(body, strlen(body), NULL) : xstrdup(body);
		json_object_set_new(in, "body", json_string(clean ? clean : ""));
		free(clean);
	}
	struct errs e = { 0 };
	/* the files sent with the step, written privately before its transaction */
	json_t *files = json_array();
	if (web_ticket_files(r, "file", 0, &e, files) == M_ERROR) {
		json_decref(files);
		json_decref(in);
		resp_error(r, 500, "server_error");
		return;
	}
	json_object_set_new(in, "files", files);
	int rc = e.n ? M_INVALID : ticket_act(r->db, &r->actor, site_of(r), id, action, in, time_now(), &e);
	if (rc == M_OK) {
		json_decref(in);
		char loc[64];
		/* a ticket forwarded away is no longer this site's: back to the inbox */
		if (strcmp(action, "forward") == 0)
			snprintf(loc, sizeof(loc), "/quan-tri/tiep-nhan?hop=forwarded");
		else
			snprintf(loc, sizeof(loc), "/quan-tri/tiep-nhan/%lld", (long long)id);
		resp_redirect(r, 303, loc);
		return;
	}
	if (rc == M_INVALID) {
		json_object_set_new(in, "action", json_string(action));
		render_ticket(r, 422, id, &e, in);
	} else {
		admin_model_error(r, rc);
	}
	json_decref(in);
}

void admin_ticket_file(struct req *r)
{
	int64_t fid = admin_capture_id(r), tid = 0;
	char *name = NULL, *mime = NULL, code[24];
	char *path = fid > 0 ? ticket_file_path(r->db, r->app->data_dir, fid, &tid, code, &name, &mime) : NULL;
	/* the ticket's page answers for the staff of its site (and of the site it came from) only */
	json_t *t = path ? ticket_get(r->db, &r->actor, site_of(r), tid, 0) : NULL;
	if (!t)
		resp_error(r, 404, "not_found");
	else
		web_send_private_file(r, path, name, mime);
	json_decref(t);
	free(path);
	free(name);
	free(mime);
}

/* ---- the personal data's retention per kind (the system administrator) ----
 * WEBPAGE: GET  /quan-tri/cai-dat/tiep-nhan    each kind of ticket's retention in days
 * WEBPAGE: POST /quan-tri/cai-dat/tiep-nhan    days.<kind> for each (30..3650; empty: the default) */
static void retention_render(struct req *r, int status, json_t *typed, const struct errs *e, int saved)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_ticket_settings"));
	json_t *rows = ticket_retention_list(r->db), *row;
	size_t i;
	json_array_foreach(rows, i, row) /* the kinds' names in the account's language */
		json_object_set_new(row, "label", json_string(ticket_kind_text(req_texts(r), ticket_kind_find(json_string_value(json_object_get(row, "kind"))))));
	json_t *errors = json_object();
	if (e) {
		admin_errors(r, ctx, e);
		json_object_update(errors, json_object_get(ctx, "errors"));
	}
	json_array_foreach(rows, i, row) {
		char name[64];
		snprintf(name, sizeof(name), "days.%s", json_string_value(json_object_get(row, "kind")));
		json_object_set_new(row, "name", json_string(name));
		const char *v = json_string_value(json_object_get(typed, name));
		if (v)
			json_object_set_new(row, "value", json_string(v));
		else
			json_object_set_new(row, "value", json_sprintf("%lld", (long long)json_integer_value(json_object_get(row, "days"))));
		json_object_set(row, "error", json_object_get(errors, name) ? json_object_get(errors, name) : json_null());
	}
	json_decref(errors);
	json_object_set_new(ctx, "kinds", rows);
	json_object_set_new(ctx, "saved", json_boolean(saved));
	json_object_set_new(ctx, "min", json_integer(TICKET_RETENTION_MIN));
	json_object_set_new(ctx, "max", json_integer(TICKET_RETENTION_MAX));
	resp_render(r, status, "admin/ticket-settings", ctx);
}

void admin_ticket_settings(struct req *r)
{
	retention_render(r, 200, NULL, NULL, req_arg(r, "da-luu") != NULL);
}

void admin_ticket_settings_save(struct req *r)
{
	size_t n;
	const struct ticket_kind *const *tks = ticket_kinds(&n);
	struct errs e = { 0 };
	json_t *typed = json_object();
	int rc = M_OK;
	/* every value checked first, then saved: one refused leaves all as they were */
	for (size_t i = 0; i < n; i++) {
		char name[64];
		snprintf(name, sizeof(name), "days.%s", tks[i]->name);
		const char *v = req_form(r, name);
		json_object_set_new(typed, name, json_string(v ? v : ""));
		int64_t d;
		if (v && *v && parse_i64(v, TICKET_RETENTION_MIN, TICKET_RETENTION_MAX, &d))
			errs_add_copy(&e, name, "ticket_retention_range");
	}
	for (size_t i = 0; !e.n && rc == M_OK && i < n; i++) {
		char name[64];
		snprintf(name, sizeof(name), "days.%s", tks[i]->name);
		rc = ticket_retention_set(r->db, &r->actor, tks[i]->name, json_string_value(json_object_get(typed, name)), &e);
	}
	if (e.n) {
		retention_render(r, 422, typed, &e, 0);
	} else if (rc != M_OK) {
		admin_model_error(r, rc);
	} else {
		resp_redirect(r, 303, "/quan-tri/cai-dat/tiep-nhan?da-luu=1");
	}
	json_decref(typed);
}
