/* accounts.c — the level-3 account pages: the account list (the six-monthly review, also as
 * XLSX) with each account's roles, last sign-in and state, and the actions an administrator
 * takes on it; and the settings of the account rules (model/account.c).
 * WEBPAGE: GET  /quan-tri/tai-khoan/danh-sach            the list (system administrator: every
 *                                                        account; a site administrator: its site's)
 * WEBPAGE: GET  /quan-tri/tai-khoan/danh-sach.xlsx       the same list as a workbook
 * WEBPAGE: POST /quan-tri/tai-khoan/<id>/vo-hieu-hoa     disable the account (ends its sessions)
 * WEBPAGE: POST /quan-tri/tai-khoan/<id>/kich-hoat       enable it again
 * WEBPAGE: POST /quan-tri/tai-khoan/<id>/mo-khoa         the emergency unlock of failed sign-ins
 * WEBPAGE: GET/POST /quan-tri/cai-dat/tai-khoan          the account rules' settings (system
 *                                                        administrator): one field per setting */
#include "web/web.h"
#include "report/table.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"

#include <string.h>

#include "base/banned.h"

#define LIST_PATH "/quan-tri/tai-khoan/danh-sach"
#define SETTINGS_PATH "/quan-tri/cai-dat/tai-khoan"

static json_int_t site_id_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

/* The role's name in the request's language (locale role_<role>, as the menu names it). */
static const char *role_name(struct req *r, const char *role)
{
	char key[40];
	snprintf(key, sizeof(key), "role_%s", role ? role : "");
	const char *t = rtr(r, key);
	return strcmp(t, key) == 0 ? (role ? role : "") : t;
}

/* Labels for the view and the workbook, in the request's language: roles as "Biên tập viên
 * (snv)", dates, state words. */
static void label_accounts(struct req *r, json_t *users)
{
	size_t i, k;
	json_t *u, *ro;
	json_array_foreach(users, i, u) {
		struct sb roles = SB_INIT;
		json_array_foreach(json_object_get(u, "roles"), k, ro) {
			const char *site = json_string_value(json_object_get(ro, "site_name"));
			sb_addf(&roles, "%s%s", k ? "; " : "", role_name(r, json_string_value(json_object_get(ro, "role"))));
			if (site && *site)
				sb_addf(&roles, " (%s)", site);
		}
		json_object_set_new(u, "roles_label", json_string(roles.len ? roles.buf : "—"));
		sb_release(&roles);
		char buf[40];
		int64_t last = json_integer_value(json_object_get(u, "last_signin_at"));
		if (last)
			time_format_vn(last, buf, sizeof(buf));
		else
			snprintf(buf, sizeof(buf), "%s", rtr(r, "adm_acl_never_signed_in"));
		json_object_set_new(u, "last_signin", json_string(buf));
		time_format_vn_date(json_integer_value(json_object_get(u, "created_at")), buf, sizeof(buf));
		json_object_set_new(u, "created", json_string(buf));
		time_format_vn_date(json_integer_value(json_object_get(u, "password_changed_at")), buf, sizeof(buf));
		json_object_set_new(u, "password_changed", json_string(buf));
		int disabled = json_integer_value(json_object_get(u, "disabled")) != 0;
		struct sb st = SB_INIT;
		if (json_is_true(json_object_get(u, "dormant")))
			sb_adds(&st, rtr(r, "adm_acl_dormant"));
		else if (disabled)
			sb_adds(&st, rtr(r, "adm_acl_disabled"));
		else
			sb_adds(&st, rtr(r, "adm_acl_active"));
		if (json_is_true(json_object_get(u, "locked")))
			sb_addf(&st, "; %s", rtr(r, "adm_acl_locked"));
		if (json_is_true(json_object_get(u, "unused")))
			sb_addf(&st, "; %s", rtr(r, "adm_acl_unused"));
		if (json_is_true(json_object_get(u, "password_due")))
			sb_addf(&st, "; %s", rtr(r, "adm_acl_password_due"));
		json_object_set_new(u, "state_label", json_string(st.buf));
		sb_release(&st);
		json_object_set_new(u, "mfa_label",
				    json_string(json_integer_value(json_object_get(u, "mfa_enabled")) ? rtr(r, "adm_acl_mfa_on") : rtr(r, "adm_acl_mfa_off")));
		json_object_set_new(u, "is_disabled", json_boolean(disabled));
	}
}

static void list_render(struct req *r, int status, const char *notice)
{
	json_t *users = account_review_list(r->db, &r->actor, site_id_of(r), time_now());
	if (!users) {
		resp_error(r, 403, "forbidden");
		return;
	}
	label_accounts(r, users);
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_account_list"));
	json_object_set_new(ctx, "all_sites", json_boolean(r->actor.sysadmin));
	json_object_set_new(ctx, "count", json_integer((json_int_t)json_array_size(users)));
	json_object_set_new(ctx, "accounts", users);
	json_object_set_new(ctx, "dormant_days", json_integer(account_setting(r->db, "account_dormant_days")));
	json_object_set_new(ctx, "can_settings", json_boolean(r->actor.sysadmin));
	if (notice)
		json_object_set_new(ctx, "notice", json_string(notice));
	resp_render(r, status, "admin/account-list", ctx);
}

void admin_account_list(struct req *r)
{
	static const char *const notices[][2] = { { "da-mo-khoa", "account_unlocked" },
						  { "da-vo-hieu-hoa", "account_disabled" },
						  { "da-kich-hoat", "account_enabled" } };
	const char *notice = NULL;
	for (size_t i = 0; i < ARRAY_SIZE(notices); i++)
		if (req_arg(r, notices[i][0]))
			notice = rtr(r, notices[i][1]);
	list_render(r, 200, notice);
}

void admin_account_list_xlsx(struct req *r)
{
	json_t *users = account_review_list(r->db, &r->actor, site_id_of(r), time_now());
	struct table t;
	struct sb name = SB_INIT;
	char day[16];
	if (!users) {
		resp_error(r, 403, "forbidden");
		return;
	}
	label_accounts(r, users);
	table_init(&t, rtr(r, "adm_title_account_list"));
	/* the workbook's columns in the requesting account's language */
	static const char *const cols[] = { "adm_username", "adm_al_ho_va_ten", "adm_al_vai_tro", "adm_col_state",
					    "adm_acl_mfa", "adm_al_dang_nhap_lan_cuoi", "adm_acl_created",
					    "adm_ac_doi_mat_khau_lan" };
	for (size_t i = 0; i < ARRAY_SIZE(cols); i++)
		table_add_column(&t, rtr(r, cols[i]), TABLE_TEXT);
	size_t i;
	json_t *u;
	json_array_foreach(users, i, u) {
		const char *cells[] = { json_string_value(json_object_get(u, "username")),
					json_string_value(json_object_get(u, "display_name")),
					json_string_value(json_object_get(u, "roles_label")),
					json_string_value(json_object_get(u, "state_label")),
					json_string_value(json_object_get(u, "mfa_label")),
					json_string_value(json_object_get(u, "last_signin")),
					json_string_value(json_object_get(u, "created")),
					json_string_value(json_object_get(u, "password_changed")) };
		table_add_row(&t, cells);
	}
	json_decref(users);
	time_format_vn_date(time_now(), day, sizeof(day));
	for (char *p = day; *p; p++)
		if (*p == '/')
			*p = '-';
	sb_addf(&name, "tai-khoan-%s-%s", r->actor.sysadmin ? "toan-he-thong" : json_string_value(json_object_get(r->site, "slug")),
		day);
	web_send_table(r, &t, "xlsx", name.buf);
	table_release(&t);
	sb_release(&name);
}

/* The account the path names ("/quan-tri/tai-khoan/<id>/..."), or -1 after a 404. */
static int64_t account_id(struct req *r)
{
	int64_t id;
	if (!r->captures[0] || parse_i64(r->captures[0], 1, INT64_MAX, &id)) {
		resp_error(r, 404, "not_found");
		return -1;
	}
	return id;
}

static void action_done(struct req *r, int rc, const char *done)
{
	if (rc == M_OK) {
		struct sb loc = SB_INIT;
		sb_addf(&loc, LIST_PATH "?%s=1", done);
		resp_redirect(r, 303, loc.buf);
		sb_release(&loc);
	} else {
		admin_model_error(r, rc);
	}
}

void admin_account_disable(struct req *r)
{
	int64_t id = account_id(r);
	if (id > 0)
		action_done(r, user_set_disabled(r->db, &r->actor, site_id_of(r), id, 1), "da-vo-hieu-hoa");
}

void admin_account_enable(struct req *r)
{
	int64_t id = account_id(r);
	if (id > 0)
		action_done(r, user_set_disabled(r->db, &r->actor, site_id_of(r), id, 0), "da-kich-hoat");
}

void admin_account_unlock(struct req *r)
{
	int64_t id = account_id(r);
	if (id > 0)
		action_done(r, user_unlock(r->db, &r->actor, site_id_of(r), id), "da-mo-khoa");
}

/* ---- the settings of the account rules ---- */

static void settings_render(struct req *r, int status, json_t *form, const struct errs *e, const char *notice)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_account_settings"));
	size_t n;
	const struct account_setting *s = account_settings(&n);
	json_t *vals = json_object();
	for (size_t i = 0; i < n; i++) {
		const char *v = json_string_value(json_object_get(form, s[i].key));
		if (v) {
			json_object_set_new(vals, s[i].key, json_string(v)); /* as typed, kept */
		} else {
			char num[24];
			snprintf(num, sizeof(num), "%lld", (long long)account_setting(r->db, s[i].key));
			json_object_set_new(vals, s[i].key, json_string(num));
		}
	}
	json_object_set_new(ctx, "v", vals);
	if (e)
		admin_errors(r, ctx, e);
	if (notice)
		json_object_set_new(ctx, "notice", json_string(notice));
	resp_render(r, status, "admin/account-settings", ctx);
}

void admin_account_settings(struct req *r)
{
	json_t *form = json_object();
	settings_render(r, 200, form, NULL, req_arg(r, "da-luu") ? rtr(r, "saved") : NULL);
	json_decref(form);
}

void admin_account_settings_save(struct req *r)
{
	size_t n;
	const struct account_setting *s = account_settings(&n);
	json_t *form = json_object();
	struct errs e = { 0 };
	for (size_t i = 0; i < n; i++) {
		const char *v = req_form(r, s[i].key);
		json_object_set_new(form, s[i].key, json_string(v ? v : ""));
	}
	int rc = account_settings_update(r->db, &r->actor, form, &e);
	if (rc == M_OK)
		resp_redirect(r, 303, SETTINGS_PATH "?da-luu=1");
	else if (rc == M_INVALID)
		settings_render(r, 422, form, &e, NULL);
	else
		admin_model_error(r, rc);
	json_decref(form);
}
