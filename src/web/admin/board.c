/* board.c — a site's administrators manage its editorial board: accounts and roles, handing
 * over a person's open items (ĐT Đ13.5), the workflow settings, and the audit log.
 * WEBPAGE: GET  /quan-tri/tai-khoan                accounts with a role on this site
 * WEBPAGE: POST /quan-tri/tai-khoan                create an account: username, display_name, role, password
 * WEBPAGE: POST /quan-tri/tai-khoan/vai-tro        grant a role to an existing account: username, role
 * WEBPAGE: POST /quan-tri/tai-khoan/<id>/thu-hoi   revoke the role on this site
 * WEBPAGE: POST /quan-tri/tai-khoan/ban-giao       hand over: from, to
 * WEBPAGE: GET/POST /quan-tri/cai-dat              approval_steps (1|2), approver_may_be_author
 * WEBPAGE: GET  /quan-tri/nhat-ky                  audit log: nguoi, hanh-dong, tu, den, trang-web (sysadmin), trang */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"

#include <string.h>

#include "base/banned.h"

static json_int_t site_id_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

/* the roles a site gives, with their names' keys (locale/<lang>/admin.json) */
static const char *const role_names[][2] = {
	{ "reporter", "role_reporter" }, { "editor", "role_editor" },
	{ "approver", "role_approver" }, { "siteadmin", "role_siteadmin" },
};

static json_t *role_options(struct req *r, const char *selected)
{
	json_t *a = json_array();
	for (size_t i = 0; i < ARRAY_SIZE(role_names); i++)
		json_array_append_new(a, json_pack("{sssssb}", "value", role_names[i][0], "label", rtr(r, role_names[i][1]),
						   "selected", selected && strcmp(selected, role_names[i][0]) == 0));
	return a;
}

static void accounts_render(struct req *r, int status, json_t *form, const struct errs *e)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_accounts"));
	json_t *users = user_list_site(r->db, &r->actor, site_id_of(r));
	size_t i;
	json_t *u;
	json_array_foreach(users, i, u) {
		for (size_t k = 0; k < ARRAY_SIZE(role_names); k++)
			if (strcmp(json_string_value(json_object_get(u, "role")), role_names[k][0]) == 0)
				json_object_set_new(u, "role_label", json_string(rtr(r, role_names[k][1])));
		json_object_set_new(u, "is_me", json_boolean(json_integer_value(json_object_get(u, "id")) == r->actor.id));
		char buf[40];
		time_format_vn_date(json_integer_value(json_object_get(u, "password_changed_at")), buf, sizeof(buf));
		json_object_set_new(u, "password_changed", json_string(buf));
	}
	json_object_set_new(ctx, "users", users);
	json_object_set_new(ctx, "roles", role_options(r, json_string_value(json_object_get(form, "role"))));
	json_object_set_new(ctx, "form", form);
	if (e)
		admin_errors(r, ctx, e);
	const char *n = req_arg(r, "da-ban-giao");
	if (n)
		json_object_set_new(ctx, "notice", json_pack("s+", rtr(r, "handover_done"), n));
	else if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	resp_render(r, status, "admin/accounts", ctx);
}

void admin_accounts(struct req *r)
{
	accounts_render(r, 200, json_object(), NULL);
}

static void accounts_result(struct req *r, int rc, const struct errs *e, const char *const keep[], size_t nkeep)
{
	if (rc == M_OK) {
		resp_redirect(r, 303, "/quan-tri/tai-khoan?da-luu=1");
	} else if (rc == M_INVALID) {
		json_t *form = json_object();
		for (size_t i = 0; i < nkeep; i++)
			json_object_set_new(form, keep[i], json_string(req_form(r, keep[i]) ? req_form(r, keep[i]) : ""));
		accounts_render(r, 422, form, e);
	} else if (rc == M_DENIED) {
		resp_error(r, 403, "forbidden");
	} else if (rc == M_NOTFOUND) {
		resp_error(r, 404, "not_found");
	} else {
		resp_error(r, 500, "server_error");
	}
}

void admin_account_create(struct req *r)
{
	static const char *const keep[] = { "username", "display_name", "role" };
	struct errs e = { 0 };
	int rc = user_create_on_site(r->db, &r->actor, site_id_of(r), req_form(r, "username"), req_form(r, "display_name"),
				     req_form(r, "role"), req_form(r, "password"), &e);
	accounts_result(r, rc, &e, keep, ARRAY_SIZE(keep));
}

void admin_account_grant(struct req *r)
{
	static const char *const keep[] = { "grant_username", "role" };
	struct errs e = { 0 }, shown = { 0 };
	int rc = user_grant(r->db, &r->actor, site_id_of(r), req_form(r, "grant_username"), req_form(r, "role"), &e);
	/* the grant form names its user field grant_username */
	for (int i = 0; i < e.n; i++)
		errs_add(&shown, strcmp(e.e[i].field, "username") == 0 ? "grant_username" : e.e[i].field, e.e[i].key);
	accounts_result(r, rc, &shown, keep, ARRAY_SIZE(keep));
}

void admin_account_revoke(struct req *r)
{
	int64_t id;
	if (!r->captures[0] || parse_i64(r->captures[0], 1, INT64_MAX, &id)) {
		resp_error(r, 404, "not_found");
		return;
	}
	accounts_result(r, user_revoke(r->db, &r->actor, site_id_of(r), id), NULL, NULL, 0);
}

void admin_account_handover(struct req *r)
{
	static const char *const keep[] = { "from", "to" };
	struct errs e = { 0 };
	int64_t from = 0, to = 0, moved = 0;
	const char *f = req_form(r, "from"), *t = req_form(r, "to");
	if (!f || parse_i64(f, 1, INT64_MAX, &from))
		errs_add(&e, "from", "required");
	if (!t || parse_i64(t, 1, INT64_MAX, &to))
		errs_add(&e, "to", "required");
	int rc = e.n ? M_INVALID : user_handover(r->db, &r->actor, site_id_of(r), from, to, &e, &moved);
	if (rc == M_OK) {
		struct sb loc = SB_INIT;
		sb_addf(&loc, "/quan-tri/tai-khoan?da-ban-giao=%lld", (long long)moved);
		resp_redirect(r, 303, loc.buf);
		sb_release(&loc);
		return;
	}
	accounts_result(r, rc, &e, keep, ARRAY_SIZE(keep));
}

/* The settings page; #16: TEXTS_TYPED and E (may be NULL) the site's texts per language as
 * typed and their errors, when that form is refused (web/admin/site_texts.c). */
void admin_settings_page(struct req *r, int status, json_t *texts_typed, const struct errs *e)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_settings"));
	json_object_set_new(ctx, "two_steps", json_boolean(json_integer_value(json_object_get(r->site, "approval_steps")) != 1));
	json_object_set_new(ctx, "may_self", json_boolean(json_integer_value(json_object_get(r->site, "approver_may_be_author"))));
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	admin_languages_ctx(r, ctx, NULL); /* the languages' form (web/admin/translations.c) */
	admin_site_texts_ctx(r, ctx, texts_typed, e); /* #16: the site's texts per language */
	resp_render(r, status, "admin/settings", ctx);
}

void admin_settings(struct req *r)
{
	admin_settings_page(r, 200, NULL, NULL);
}

void admin_settings_save(struct req *r)
{
	struct errs e = { 0 };
	int64_t steps = 0;
	const char *s = req_form(r, "approval_steps");
	if (!s || parse_i64(s, 1, 2, &steps))
		errs_add(&e, "approval_steps", "approval_steps_invalid");
	int rc = e.n ? M_INVALID : site_settings_update(r->db, &r->actor, site_id_of(r), (int)steps,
							 req_form(r, "approver_may_be_author") != NULL, &e);
	if (rc == M_OK) {
		resp_redirect(r, 303, "/quan-tri/cai-dat?da-luu=1");
	} else if (rc == M_INVALID) {
		json_t *ctx = admin_ctx(r, rtr(r, "adm_title_settings"));
		json_object_set_new(ctx, "two_steps", json_boolean(steps != 1));
		admin_errors(r, ctx, &e);
		resp_render(r, 422, "admin/settings", ctx);
	} else {
		resp_error(r, rc == M_DENIED ? 403 : 500, rc == M_DENIED ? "forbidden" : "server_error");
	}
}

#define AUDIT_PER_PAGE 50

void admin_audit(struct req *r)
{
	struct audit_filter f = { 0 };
	int64_t total, page = req_arg_int(r, "trang", 1, 1, 100000);
	char buf[40];
	f.username = req_arg(r, "nguoi");
	f.action = req_arg(r, "hanh-dong");
	f.site_id = req_arg_int(r, "trang-web", 0, 0, INT64_MAX);
	const char *from = req_arg(r, "tu"), *to = req_arg(r, "den");
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_audit"));
	struct errs e = { 0 };
	if (from && *from && time_parse_vn(from, &f.from))
		errs_add(&e, "tu", "date_invalid");
	if (to && *to) {
		if (time_parse_vn(to, &f.to))
			errs_add(&e, "den", "date_invalid");
		else
			f.to += 86400; /* the whole last day */
	}
	json_t *rows = e.n ? json_array()
			   : audit_list(r->db, &r->actor, site_id_of(r), &f, AUDIT_PER_PAGE, (page - 1) * AUDIT_PER_PAGE, &total);
	if (e.n)
		total = 0;
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		time_format_vn(json_integer_value(json_object_get(row, "at")), buf, sizeof(buf));
		json_object_set_new(row, "date", json_string(buf));
	}
	json_t *q = json_object();
	static const char *const keys[] = { "nguoi", "hanh-dong", "tu", "den" };
	struct sb qs = SB_INIT;
	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		const char *v = req_arg(r, keys[i]);
		json_object_set_new(q, keys[i], json_string(v ? v : ""));
		if (v && *v) {
			sb_addf(&qs, "&%s=", keys[i]);
			sb_add_urlenc(&qs, v, strlen(v));
		}
	}
	if (r->actor.sysadmin) { /* the system administrator reads every site's records */
		json_t *sites = site_list(r->db), *opts = json_array();
		json_t *st;
		json_array_foreach(sites, i, st)
			json_array_append_new(opts, json_pack("{sOsOsb}", "id", json_object_get(st, "id"), "name",
							      json_object_get(st, "name"), "selected",
							      json_integer_value(json_object_get(st, "id")) == f.site_id));
		json_decref(sites);
		json_object_set_new(ctx, "site_filter", opts);
		json_object_set_new(ctx, "has_site_filter", json_true());
		if (f.site_id)
			sb_addf(&qs, "&trang-web=%lld", (long long)f.site_id);
	}
	json_object_set_new(ctx, "q", q);
	if (e.n)
		admin_errors(r, ctx, &e);
	json_object_set_new(ctx, "rows", rows);
	json_object_set_new(ctx, "has_rows", json_boolean(json_array_size(rows) > 0));
	json_object_set_new(ctx, "total", json_integer(total));
	struct sb u = SB_INIT;
	if (page > 1) {
		sb_addf(&u, "/quan-tri/nhat-ky?trang=%lld%s", (long long)page - 1, qs.buf);
		json_object_set_new(ctx, "prev_url", json_string(u.buf));
	}
	if (page * AUDIT_PER_PAGE < total) {
		sb_reset(&u);
		sb_addf(&u, "/quan-tri/nhat-ky?trang=%lld%s", (long long)page + 1, qs.buf);
		json_object_set_new(ctx, "next_url", json_string(u.buf));
	}
	sb_release(&u);
	sb_release(&qs);
	resp_render(r, 200, "admin/audit", ctx);
}
