/* mailintake.c — the board's mail intake (model/mailintake.h, docs/email-intake.md): the entries
 * taken from the site's published mailbox, one entry with its body and files, a draft of any
 * kind made from it or its refusal; and the mailbox's settings for the site's administrators.
 * It is a list of its own beside the citizens' tickets (/quan-tri/tiep-nhan): docs/email-intake.md
 * says why.
 * WEBPAGE: GET  /quan-tri/thu-den                  the entries; trang-thai = moi | da-tao | tu-choi | tat-ca
 * WEBPAGE: GET  /quan-tri/thu-den/cai-dat          the mailbox's settings (site administrators)
 * WEBPAGE: POST /quan-tri/thu-den/cai-dat          save: url, username, password, clear_password,
 *                                                  folder, tls, enabled, notify, max_mb, interval,
 *                                                  ca_pem
 * WEBPAGE: POST /quan-tri/thu-den/doc-ngay         read the mailbox now (the scheduler, in a moment)
 * WEBPAGE: GET  /quan-tri/thu-den/<id>             one entry; loai = the kind of the draft form
 * WEBPAGE: POST /quan-tri/thu-den/<id>/tao-ban-nhap a draft: kind, title, category_id, the kind's fields
 * WEBPAGE: POST /quan-tri/thu-den/<id>/tu-choi     refuse: reason */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/kind.h"
#include "model/mailintake.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define BASE "/quan-tri/thu-den"
#define PER_PAGE 50

static int64_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

static void set_time(json_t *row, const char *key, const char *out)
{
	json_t *v = json_object_get(row, key);
	char buf[40];
	if (json_is_integer(v) && json_integer_value(v) > 0) {
		time_format_vn(json_integer_value(v), buf, sizeof(buf));
		json_object_set_new(row, out, json_string(buf));
	}
}

static void set_size(json_t *row)
{
	char buf[32];
	media_size_label(json_integer_value(json_object_get(row, "size")), buf, sizeof(buf));
	json_object_set_new(row, "size_label", json_string(buf));
}

static const char *state_key(const char *state)
{
	return strcmp(state, "drafted") == 0 ? "intake_state_drafted"
	       : strcmp(state, "refused") == 0 ? "intake_state_refused"
					       : "intake_state_new";
}

/* The row's texts for the page: times, size, state, problem. */
static void decorate(struct req *r, json_t *row)
{
	set_time(row, "received_at", "received");
	set_time(row, "decided_at", "decided");
	set_size(row);
	const char *state = json_string_value(json_object_get(row, "state"));
	json_object_set_new(row, "state_label", json_string(rtr(r, state_key(state ? state : "new"))));
	json_object_set_new(row, "is_new", json_boolean(state && strcmp(state, "new") == 0));
	const char *problem = json_string_value(json_object_get(row, "problem"));
	if (problem && *problem)
		json_object_set_new(row, "problem_text", json_string(rtr(r, problem)));
	char u[80];
	snprintf(u, sizeof(u), BASE "/%lld", (long long)json_integer_value(json_object_get(row, "id")));
	json_object_set_new(row, "url", json_string(u));
	const char *subject = json_string_value(json_object_get(row, "subject"));
	if (!subject || !*subject)
		json_object_set_new(row, "subject", json_string(rtr(r, "intake_no_subject")));
}

void admin_mail_intake(struct req *r)
{
	static const struct {
		const char *arg, *state, *label;
	} tabs[] = { { "moi", "new", "intake_tab_new" },
		     { "da-tao", "drafted", "intake_tab_drafted" },
		     { "tu-choi", "refused", "intake_tab_refused" },
		     { "tat-ca", "", "intake_tab_all" } };
	const char *arg = req_arg(r, "trang-thai");
	size_t t = 0;
	for (size_t i = 0; arg && i < ARRAY_SIZE(tabs); i++)
		if (strcmp(arg, tabs[i].arg) == 0)
			t = i;
	int64_t page = 1, total = 0;
	const char *p = req_arg(r, "trang");
	if (p && parse_i64(p, 1, 100000, &page))
		page = 1;
	json_t *rows = mail_intake_list(r->db, &r->actor, site_of(r), tabs[t].state, PER_PAGE, (page - 1) * PER_PAGE, &total);
	if (!rows) {
		admin_model_error(r, M_DENIED);
		return;
	}
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row)
		decorate(r, row);
	json_t *ctx = admin_ctx(r, rtr(r, "intake_title"));
	json_t *tl = json_array();
	for (size_t k = 0; k < ARRAY_SIZE(tabs); k++) {
		char u[80];
		snprintf(u, sizeof(u), BASE "?trang-thai=%s", tabs[k].arg);
		json_array_append_new(tl, json_pack("{sssssb}", "url", u, "label", rtr(r, tabs[k].label), "current", k == t));
	}
	json_object_set_new(ctx, "tabs", tl);
	json_object_set_new(ctx, "entries", rows);
	json_object_set_new(ctx, "has_entries", json_boolean(json_array_size(rows) > 0));
	json_object_set_new(ctx, "total", json_integer(total));
	if (page > 1) {
		char u[80];
		snprintf(u, sizeof(u), BASE "?trang-thai=%s&trang=%lld", tabs[t].arg, (long long)page - 1);
		json_object_set_new(ctx, "prev_url", json_string(u));
	}
	if (page * PER_PAGE < total) {
		char u[80];
		snprintf(u, sizeof(u), BASE "?trang-thai=%s&trang=%lld", tabs[t].arg, (long long)page + 1);
		json_object_set_new(ctx, "next_url", json_string(u));
	}
	json_object_set_new(ctx, "may_manage", json_boolean(mailbox_may_manage(r->db, &r->actor, site_of(r))));
	const char *done = req_arg(r, "xong");
	if (done && (strcmp(done, "tao") == 0 || strcmp(done, "tu-choi") == 0)) {
		json_object_set_new(ctx, "notice",
				    json_string(rtr(r, strcmp(done, "tao") == 0 ? "intake_done_draft" : "intake_done_refused")));
	}
	resp_render(r, 200, "admin/mail_intake", ctx);
}

/* ---- one entry ---- */

static json_t *kind_options(struct req *r, const char *selected)
{
	size_t n;
	const struct kind *const *all = kind_all(&n);
	json_t *out = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(out, json_pack("{sssssb}", "name", all[i]->name, "label", kind_tr(req_texts(r), all[i], NULL),
						     "selected", strcmp(all[i]->name, selected) == 0));
	return out;
}

/* The site's categories that hold items of kind K, SELECTED marked. */
static json_t *category_options(struct req *r, const struct kind *k, int64_t selected)
{
	json_t *cats = admin_category_tree(r, selected), *out = json_array();
	size_t i;
	json_t *c;
	json_array_foreach(cats, i, c) {
		const char *ck = json_string_value(json_object_get(c, "kind"));
		if (strcmp(ck && *ck ? ck : "article", k->name) == 0)
			json_array_append(out, c);
	}
	json_decref(cats);
	return out;
}

static void render_entry(struct req *r, int status, int64_t id, const char *kind_name, json_t *form, const struct errs *e)
{
	json_t *m = mail_intake_get(r->db, &r->actor, site_of(r), id);
	if (!m) {
		json_decref(form);
		admin_model_error(r, mail_intake_may_see(r->db, &r->actor, site_of(r)) ? M_NOTFOUND : M_DENIED);
		return;
	}
	decorate(r, m);
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(m, "files"), i, f) {
		set_size(f);
		const char *refused = json_string_value(json_object_get(f, "refused"));
		if (refused && *refused)
			json_object_set_new(f, "refused_text", json_string(rtr(r, refused)));
		json_t *mid = json_object_get(f, "media_id");
		if (json_is_integer(mid)) {
			char u[80];
			snprintf(u, sizeof(u), "/quan-tri/thu-vien/%lld", (long long)json_integer_value(mid));
			json_object_set_new(f, "library_url", json_string(u));
		}
	}
	json_object_set_new(m, "has_files", json_boolean(json_array_size(json_object_get(m, "files")) > 0));
	json_t *item = json_object_get(m, "item_id");
	if (json_is_integer(item)) {
		char u[80];
		snprintf(u, sizeof(u), "/quan-tri/bai-viet/%lld", (long long)json_integer_value(item));
		json_object_set_new(m, "item_url", json_string(u));
	}
	const struct kind *k = kind_find(kind_name && *kind_name ? kind_name : "article");
	if (!k)
		k = kind_find("article");
	json_t *ctx = admin_ctx(r, json_string_value(json_object_get(m, "subject")));
	if (!form) {
		form = json_object();
		json_object_set(form, "title", json_object_get(m, "subject"));
		json_object_set_new(form, "f", json_object());
	}
	int64_t cat = 0;
	const char *fc = json_string_value(json_object_get(form, "category_id"));
	if (fc && *fc)
		parse_i64(fc, 1, INT64_MAX, &cat);
	if (e)
		admin_errors(r, ctx, e);
	json_object_set_new(ctx, "kinds", kind_options(r, k->name));
	json_object_set_new(ctx, "kind_name", json_string(k->name));
	json_object_set_new(ctx, "kind_label", json_string(kind_tr(req_texts(r), k, NULL)));
	json_object_set_new(ctx, "categories", category_options(r, k, cat));
	json_object_set_new(ctx, "category_required", json_boolean(strcmp(k->name, "article") == 0));
	json_object_set_new(ctx, "kind_fields", kind_form_fields(r, k, json_object_get(form, "f"), json_object_get(ctx, "errors")));
	json_object_set_new(ctx, "form", form);
	json_object_set_new(ctx, "entry", m);
	char u[80];
	snprintf(u, sizeof(u), BASE "/%lld", (long long)id);
	json_object_set_new(ctx, "entry_url", json_string(u));
	resp_render(r, status, "admin/mail_intake_entry", ctx);
}

void admin_mail_intake_entry(struct req *r)
{
	int64_t id = admin_capture_id(r);
	if (id <= 0) {
		admin_model_error(r, M_NOTFOUND);
		return;
	}
	render_entry(r, 200, id, req_arg(r, "loai"), NULL, NULL);
}

void admin_mail_intake_draft(struct req *r)
{
	int64_t id = admin_capture_id(r);
	const char *kind = req_form(r, "kind");
	const struct kind *k = kind ? kind_find(kind) : NULL;
	if (id <= 0) {
		admin_model_error(r, M_NOTFOUND);
		return;
	}
	struct errs e = { 0 };
	json_t *raw = k ? kind_form_raw(r, k, &e) : json_object();
	int64_t cat = 0;
	const char *cs = req_form(r, "category_id");
	if (cs && *cs && parse_i64(cs, 1, INT64_MAX, &cat))
		errs_add(&e, "category_id", "category_invalid");
	struct mail_draft_input in = { .kind = kind, .fields = raw, .title = req_form(r, "title"), .category_id = cat,
				       .data_dir = r->app->data_dir };
	int64_t item = 0;
	int rc = e.n ? M_INVALID : mail_intake_draft(r->db, &r->actor, site_of(r), id, &in, time_now(), &e, &item);
	if (rc == M_OK) {
		json_decref(raw);
		char u[80];
		snprintf(u, sizeof(u), "/quan-tri/bai-viet/%lld", (long long)item);
		resp_redirect(r, 303, u);
		return;
	}
	if (rc != M_INVALID) {
		json_decref(raw);
		admin_model_error(r, rc);
		return;
	}
	json_t *form = json_object();
	const char *title = req_form(r, "title");
	json_object_set_new(form, "title", json_string(title ? title : ""));
	json_object_set_new(form, "category_id", json_string(cs ? cs : ""));
	json_object_set_new(form, "f", raw);
	render_entry(r, 422, id, kind, form, &e);
}

void admin_mail_intake_refuse(struct req *r)
{
	int64_t id = admin_capture_id(r);
	if (id <= 0) {
		admin_model_error(r, M_NOTFOUND);
		return;
	}
	/* the sender reads the site's language: the mail is written in Vietnamese */
	static const char *const keys[] = { "intake_mail_subject", "intake_mail_greeting", "intake_mail_your_subject",
					    "intake_mail_received", "intake_mail_reason", "intake_mail_closing" };
	json_t *texts = json_object();
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		json_object_set_new(texts, keys[i], json_string(tr(r->app, keys[i])));
	struct errs e = { 0 };
	const char *reason = req_form(r, "reason");
	int rc = mail_intake_refuse(r->db, &r->actor, site_of(r), id, reason, texts, time_now(), &e);
	json_decref(texts);
	if (rc == M_OK) {
		resp_redirect(r, 303, BASE "?xong=tu-choi");
	} else if (rc == M_INVALID) {
		json_t *form = json_object();
		json_object_set_new(form, "reason", json_string(reason ? reason : ""));
		json_object_set_new(form, "f", json_object());
		render_entry(r, 422, id, NULL, form, &e);
	} else {
		admin_model_error(r, rc);
	}
}

/* ---- the mailbox's settings ---- */

static void render_settings(struct req *r, int status, json_t *form, const struct errs *e)
{
	json_t *box = mailbox_get(r->db, &r->actor, site_of(r));
	if (!box) {
		json_decref(form);
		admin_model_error(r, M_DENIED);
		return;
	}
	set_time(box, "last_pull_at", "last_pull");
	set_time(box, "last_ok_at", "last_ok");
	const char *err = json_string_value(json_object_get(box, "last_error"));
	if (err && *err)
		json_object_set_new(box, "error_text", json_string(rtr(r, err)));
	json_t *ctx = admin_ctx(r, rtr(r, "intake_settings_title"));
	if (!form) {
		form = json_object();
		static const char *const keys[] = { "url", "username", "folder", "tls", "ca_pem" };
		for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
			json_object_set(form, keys[i], json_object_get(box, keys[i]));
		char n[32];
		snprintf(n, sizeof(n), "%lld", (long long)json_integer_value(json_object_get(box, "max_mb")));
		json_object_set_new(form, "max_mb", json_string(n));
		snprintf(n, sizeof(n), "%lld", (long long)json_integer_value(json_object_get(box, "interval_minutes")));
		json_object_set_new(form, "interval", json_string(n));
		json_object_set_new(form, "enabled", json_boolean(json_integer_value(json_object_get(box, "enabled"))));
		json_object_set_new(form, "notify", json_boolean(json_integer_value(json_object_get(box, "notify"))));
	}
	const char *tls = json_string_value(json_object_get(form, "tls"));
	static const char *const modes[] = { "require", "try", "none" };
	json_t *tl = json_array();
	for (size_t i = 0; i < ARRAY_SIZE(modes); i++) {
		char key[40];
		snprintf(key, sizeof(key), "intake_tls_%s", modes[i]);
		json_array_append_new(tl, json_pack("{sssssb}", "value", modes[i], "label", rtr(r, key), "selected",
						   tls && strcmp(tls, modes[i]) == 0));
	}
	json_object_set_new(ctx, "tls_modes", tl);
	/* the trusted certificates stored: whom they name, until when */
	json_t *c;
	size_t ci;
	json_array_foreach(json_object_get(box, "ca"), ci, c) {
		char until[16];
		time_format_vn_date(json_integer_value(json_object_get(c, "expires")), until, sizeof(until));
		json_object_set_new(c, "until", json_string(until));
	}
	json_object_set_new(ctx, "has_ca", json_boolean(json_array_size(json_object_get(box, "ca")) > 0));
	json_object_set_new(ctx, "box", box);
	json_object_set_new(ctx, "form", form);
	if (e)
		admin_errors(r, ctx, e);
	const char *done = req_arg(r, "xong");
	if (done && (strcmp(done, "luu") == 0 || strcmp(done, "doc") == 0))
		json_object_set_new(ctx, "notice", json_string(rtr(r, strcmp(done, "luu") == 0 ? "intake_done_saved" : "intake_done_pull")));
	resp_render(r, status, "admin/mail_intake_settings", ctx);
}

void admin_mail_intake_settings(struct req *r)
{
	render_settings(r, 200, NULL, NULL);
}

void admin_mail_intake_settings_save(struct req *r)
{
	const char *on = req_form(r, "enabled"), *notify = req_form(r, "notify"), *clear = req_form(r, "clear_password");
	struct mailbox_input in = {
		.url = req_form(r, "url"),
		.username = req_form(r, "username"),
		.password = req_form(r, "password"),
		.clear_password = clear && *clear,
		.folder = req_form(r, "folder"),
		.tls = req_form(r, "tls"),
		.enabled = on && *on,
		.notify = notify && *notify,
		.max_mb = req_form(r, "max_mb"),
		.interval = req_form(r, "interval"),
		.ca_pem = req_form(r, "ca_pem"),
	};
	struct errs e = { 0 };
	int rc = mailbox_save(r->db, &r->actor, site_of(r), &in, time_now(), &e);
	if (rc == M_OK) {
		resp_redirect(r, 303, BASE "/cai-dat?xong=luu");
	} else if (rc == M_INVALID) {
		json_t *form = json_object();
		static const char *const keys[] = { "url", "username", "folder", "tls", "max_mb", "interval", "ca_pem" };
		for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
			const char *v = req_form(r, keys[i]);
			json_object_set_new(form, keys[i], json_string(v ? v : ""));
		}
		json_object_set_new(form, "enabled", json_boolean(in.enabled));
		json_object_set_new(form, "notify", json_boolean(in.notify));
		render_settings(r, 422, form, &e);
	} else {
		admin_model_error(r, rc);
	}
}

void admin_mail_intake_pull(struct req *r)
{
	int rc = mailbox_pull_request(r->db, &r->actor, site_of(r));
	if (rc == M_OK || rc == M_NOTFOUND)
		resp_redirect(r, 303, rc == M_OK ? BASE "/cai-dat?xong=doc" : BASE "/cai-dat");
	else
		admin_model_error(r, rc);
}
