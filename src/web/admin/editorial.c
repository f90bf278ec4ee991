/* editorial.c — a site's editorial board and technical focal point in the admin, and the
 * provincial office's list of every site's (model/editorial.h, docs/boards.md).
 * WEBPAGE: GET  /quan-tri/ban-bien-tap                         members, decisions, focal point, history
 * WEBPAGE: POST /quan-tri/ban-bien-tap/thanh-vien              adds or (id) changes a member: name,
 *                                                              position, role, decision
 * WEBPAGE: POST /quan-tri/ban-bien-tap/thanh-vien/<id>/xoa     takes a member off the board
 * WEBPAGE: POST /quan-tri/ban-bien-tap/quyet-dinh              a decision: number, signed_day, signer,
 *                                                              file (multipart, optional)
 * WEBPAGE: POST /quan-tri/ban-bien-tap/dau-moi                 the focal point: name, unit, phone, email
 * WEBPAGE: GET  /quan-tri/ban-bien-tap/toan-tinh               every site's (main portal's administrators)
 * WEBPAGE: GET  /quan-tri/ban-bien-tap/toan-tinh.xlsx          the same as a spreadsheet
 * WEBPAGE: POST /quan-tri/ban-bien-tap/toan-tinh               days: records older are flagged (sysadmin) */
#include "web/web.h"
#include "model/editorial.h"
#include "report/table.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static int64_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

static const char *kept(const char *s)
{
	return s && utf8_valid(s, strlen(s)) ? s : "";
}

static const char *role_label(struct req *r, const char *role)
{
	char key[48];
	snprintf(key, sizeof(key), "board_role_%s", role ? role : "");
	return rtr(r, key);
}

/* The page with the forms: MEMBER, DECISION, FOCAL what was typed into each (NULL: empty, the
 * focal point's stored values), E the errors of the one sent (FORM names it). */
static void page_render(struct req *r, int status, const char *form, json_t *typed, const struct errs *e)
{
	json_t *b = editorial_get(r->db, &r->actor, site_of(r));
	if (!b) {
		admin_model_error(r, M_DENIED);
		return;
	}
	json_t *x;
	size_t i;
	json_array_foreach(json_object_get(b, "members"), i, x)
		json_object_set_new(x, "role_label", json_string(role_label(r, json_string_value(json_object_get(x, "role")))));
	json_array_foreach(json_object_get(b, "history"), i, x) {
		char key[64];
		snprintf(key, sizeof(key), "board_hist_%s_%s", json_string_value(json_object_get(x, "what")),
			 json_string_value(json_object_get(x, "action")));
		json_object_set_new(x, "label", json_string(rtr(r, key)));
		json_t *rec = json_object_get(x, "record");
		struct sb s = SB_INIT;
		/* the record as it became, in one line */
		static const char *const keys[] = { "name", "position", "unit", "phone", "email", "signed_day", "signer" };
		for (size_t k = 0; k < ARRAY_SIZE(keys); k++) {
			const char *v = json_string_value(json_object_get(rec, keys[k]));
			if (v && *v)
				sb_addf(&s, "%s%s", s.len ? "; " : "", v);
		}
		const char *role = json_string_value(json_object_get(rec, "role"));
		if (role)
			sb_addf(&s, "; %s", role_label(r, role));
		json_object_set_new(x, "summary", json_string(s.buf));
		sb_release(&s);
	}
	json_t *ctx = admin_ctx(r, rtr(r, "board_title"));
	int may_edit = editorial_may_edit(r->db, &r->actor, site_of(r));
	json_object_set_new(ctx, "may_edit", json_boolean(may_edit));
	json_object_set_new(ctx, "may_province", json_boolean(editorial_may_view_province(r->db, &r->actor) &&
							     strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0));
	json_object_set_new(ctx, "has_members", json_boolean(json_array_size(json_object_get(b, "members")) > 0));
	json_object_set_new(ctx, "has_decisions", json_boolean(json_array_size(json_object_get(b, "decisions")) > 0));
	json_object_set_new(ctx, "has_history", json_boolean(json_array_size(json_object_get(b, "history")) > 0));
	json_t *focal = json_object_get(b, "focal");
	/* every field present, so that an empty one never reads a name of the page's context */
	json_t *member = json_pack("{ssssss}", "name", "", "position", "", "decision", "");
	json_t *decision = json_pack("{ssssss}", "number", "", "signed_day", "", "signer", "");
	json_t *ff = json_is_object(focal) ? json_deep_copy(focal)
					   : json_pack("{ssssssss}", "name", "", "unit", "", "phone", "", "email", "");
	if (form && strcmp(form, "member") == 0)
		json_object_update(member, typed);
	if (form && strcmp(form, "decision") == 0)
		json_object_update(decision, typed);
	if (form && strcmp(form, "focal") == 0)
		json_object_update(ff, typed);
	/* the roles and decisions to choose from */
	const char *role = json_string_value(json_object_get(member, "role"));
	json_t *roles = json_array();
	for (i = 0; i < 4; i++)
		json_array_append_new(roles, json_pack("{sssssb}", "value", editorial_roles[i], "label",
						       role_label(r, editorial_roles[i]), "selected",
						       role ? strcmp(role, editorial_roles[i]) == 0 : i == 2));
	json_object_set_new(member, "roles", roles);
	const char *dsel = json_string_value(json_object_get(member, "decision"));
	json_t *dopts = json_array();
	json_array_foreach(json_object_get(b, "decisions"), i, x) {
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)json_integer_value(json_object_get(x, "id")));
		json_array_append_new(dopts, json_pack("{sssOsb}", "value", id, "label", json_object_get(x, "number"), "selected",
						       dsel && strcmp(dsel, id) == 0));
	}
	json_object_set_new(member, "decisions", dopts);
	json_object_set_new(ctx, "member", member);
	json_object_set_new(ctx, "decision", decision);
	json_object_set_new(ctx, "focal_form", ff);
	json_object_update(ctx, b);
	json_decref(b);
	if (e) {
		json_t *sub = json_object();
		admin_errors(r, sub, e);
		json_object_set(ctx, "has_errors", json_object_get(sub, "has_errors"));
		char key[24];
		snprintf(key, sizeof(key), "errors_%s", form);
		json_object_set(ctx, key, json_object_get(sub, "errors"));
		json_decref(sub);
	}
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "obl_saved")));
	resp_render(r, status, "admin/boards", ctx);
}

void admin_boards(struct req *r)
{
	page_render(r, 200, NULL, NULL, NULL);
}

static void done(struct req *r, int rc, const char *form, json_t *typed, const struct errs *e)
{
	if (rc == M_OK)
		resp_redirect(r, 303, "/quan-tri/ban-bien-tap?da-luu=1");
	else if (rc == M_INVALID)
		page_render(r, 422, form, typed, e);
	else
		admin_model_error(r, rc);
}

void admin_board_member(struct req *r)
{
	struct member_input in = { req_form(r, "name"), req_form(r, "position"), req_form(r, "role"), req_form(r, "decision") };
	struct errs e = { 0 };
	int64_t id = 0;
	const char *sid = req_form(r, "id");
	if (sid && *sid && parse_i64(sid, 1, INT64_MAX, &id)) {
		admin_model_error(r, M_NOTFOUND);
		return;
	}
	int rc = editorial_member_save(r->db, &r->actor, site_of(r), id, &in, &e, NULL);
	json_t *typed = json_pack("{ssssssss}", "name", kept(in.name), "position", kept(in.position), "role", kept(in.role),
				  "decision", kept(in.decision));
	done(r, rc, "member", typed, &e);
	json_decref(typed);
}

void admin_board_member_remove(struct req *r)
{
	int64_t id = admin_capture_id(r);
	done(r, id > 0 ? editorial_member_remove(r->db, &r->actor, site_of(r), id) : M_NOTFOUND, NULL, NULL, NULL);
}

void admin_board_decision(struct req *r)
{
	struct decision_input in = { req_form(r, "number"), req_form(r, "signed_day"), req_form(r, "signer"), 0 };
	struct errs e = { 0 };
	int64_t id = 0;
	int rc = M_OK;
	json_t *typed = json_pack("{ssssss}", "number", kept(in.number), "signed_day", kept(in.signed_day), "signer",
				  kept(in.signer));
	const struct field *file = req_file(r, "file");
	if (!editorial_may_edit(r->db, &r->actor, site_of(r))) {
		rc = M_DENIED;
	} else if (file && file->value.len > 0) {
		/* the scanned decision goes into the site's library through its checks (type, size) */
		rc = media_store_file(r->db, r->app->data_dir, &r->actor, site_of(r), file->value.buf, file->value.len,
				      file->filename, NULL, NULL, &e, &in.media_id);
	}
	if (rc == M_OK)
		rc = editorial_decision_add(r->db, &r->actor, site_of(r), &in, &e, &id);
	done(r, rc, "decision", typed, &e);
	json_decref(typed);
}

void admin_board_focal(struct req *r)
{
	struct focal_input in = { req_form(r, "name"), req_form(r, "unit"), req_form(r, "phone"), req_form(r, "email") };
	struct errs e = { 0 };
	int rc = editorial_focal_save(r->db, &r->actor, site_of(r), &in, &e);
	json_t *typed = json_pack("{ssssssss}", "name", kept(in.name), "unit", kept(in.unit), "phone", kept(in.phone), "email",
				  kept(in.email));
	done(r, rc, "focal", typed, &e);
	json_decref(typed);
}

/* ---- the province ---- */

static void province_render(struct req *r, int status, const char *days, const struct errs *e)
{
	int64_t stale = 0;
	json_t *rows = editorial_province(r->db, &r->actor, time_now(), &stale), *x;
	if (!rows) {
		admin_model_error(r, M_DENIED);
		return;
	}
	size_t i, n = 0;
	json_array_foreach(rows, i, x)
		n += json_is_true(json_object_get(x, "stale"));
	json_t *ctx = admin_ctx(r, rtr(r, "board_province_title"));
	char buf[24];
	snprintf(buf, sizeof(buf), "%lld", (long long)stale);
	json_object_set_new(ctx, "rows", rows);
	json_object_set_new(ctx, "stale_count", json_integer((json_int_t)n));
	json_object_set_new(ctx, "stale_days", json_string(days ? kept(days) : buf));
	json_object_set_new(ctx, "may_set", json_boolean(r->actor.sysadmin));
	if (e)
		admin_errors(r, ctx, e);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "obl_saved")));
	resp_render(r, status, "admin/boards-province", ctx);
}

void admin_boards_province(struct req *r)
{
	province_render(r, 200, NULL, NULL);
}

void admin_boards_stale_days(struct req *r)
{
	struct errs e = { 0 };
	const char *days = req_form(r, "days");
	int rc = editorial_stale_days_set(r->db, &r->actor, days, &e);
	if (rc == M_OK)
		resp_redirect(r, 303, "/quan-tri/ban-bien-tap/toan-tinh?da-luu=1");
	else if (rc == M_INVALID)
		province_render(r, 422, days, &e);
	else
		admin_model_error(r, rc);
}

void admin_boards_province_xlsx(struct req *r)
{
	json_t *rows = editorial_province(r->db, &r->actor, time_now(), NULL), *x;
	if (!rows) {
		admin_model_error(r, M_DENIED);
		return;
	}
	/* personal data leaves the portal in this file: who took it is recorded first */
	if (editorial_province_exported(r->db, &r->actor)) {
		json_decref(rows);
		admin_model_error(r, M_ERROR);
		return;
	}
	struct table t;
	table_init(&t, rtr(r, "board_xlsx_sheet"));
	static const char *const cols[] = { "board_col_site", "board_col_members", "board_col_chair", "board_col_decision",
					    "board_col_signed", "board_col_signer", "board_col_focal", "board_col_unit",
					    "board_col_phone", "board_col_email", "board_col_updated", "board_col_flag" };
	for (size_t k = 0; k < ARRAY_SIZE(cols); k++)
		table_add_column(&t, rtr(r, cols[k]), k == 1 ? TABLE_INTEGER : TABLE_TEXT);
	size_t i;
	json_array_foreach(rows, i, x) {
		char members[24];
		snprintf(members, sizeof(members), "%lld", (long long)json_integer_value(json_object_get(x, "members")));
		const char *cells[] = { json_string_value(json_object_get(x, "site_name")), members,
					json_string_value(json_object_get(x, "chair")),
					json_string_value(json_object_get(x, "decision_number")),
					json_string_value(json_object_get(x, "decision_signed")),
					json_string_value(json_object_get(x, "decision_signer")),
					json_string_value(json_object_get(x, "focal_name")),
					json_string_value(json_object_get(x, "focal_unit")),
					json_string_value(json_object_get(x, "focal_phone")),
					json_string_value(json_object_get(x, "focal_email")),
					json_string_value(json_object_get(x, "updated")),
					json_is_true(json_object_get(x, "empty")) ? rtr(r, "board_flag_empty")
					: json_is_true(json_object_get(x, "stale")) ? rtr(r, "board_flag_stale") : "" };
		table_add_row(&t, cells);
	}
	json_decref(rows);
	web_send_table(r, &t, "xlsx", "ban-bien-tap-dau-moi");
	table_release(&t);
}
