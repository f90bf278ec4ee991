/* articles.c — the editors' side of articles: dashboards, the form (rich text, cover, intake),
 * the workflow's actions, the timeline, revisions with their word-level comparison.
 * WEBPAGE: GET      /quan-tri/                           dashboards: loc = tat-ca, nhap, cho-toi, tra-lai, hen-gio; trang
 * WEBPAGE: GET/POST /quan-tri/bai-viet/moi               new article
 * WEBPAGE: GET/POST /quan-tri/bai-viet/<id>              edit (a published item gets a pending change)
 * WEBPAGE: POST     /quan-tri/bai-viet/<id>/chuyen       workflow action: action, comment, reason, when
 * WEBPAGE: GET      /quan-tri/bai-viet/<id>/so-sanh      compare revisions a and b
 * WEBPAGE: POST     /quan-tri/bai-viet/<id>/khoi-phuc    restore revision rev as a new one
 * WEBPAGE: POST     /quan-tri/bai-viet/<id>/de-xuat      propose to the main portal */
#include "web/web.h"
#include "model/deadline.h"
#include "base/sb.h"
#include "base/util.h"
#include "render/diff.h"
#include "render/sanitize.h"

#include <string.h>

#include "base/banned.h"

#define PER_PAGE 30

static json_int_t site_id_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

static const struct {
	const char *slug, *label;
	enum article_filter f;
} tabs[] = {
	{ "cho-toi", "Chờ tôi xử lý", AF_WAITING_FOR_ME },
	{ "nhap", "Bản nháp của tôi", AF_MINE_DRAFTS },
	{ "tra-lai", "Bị trả lại", AF_RETURNED_TO_ME },
	{ "hen-gio", "Hẹn giờ", AF_SCHEDULED },
	{ "tat-ca", "Tất cả", AF_ALL },
};

static void set_time(json_t *o, const char *key, json_t *t)
{
	char buf[40];
	if (!json_is_integer(t))
		return;
	time_format_vn(json_integer_value(t), buf, sizeof(buf));
	json_object_set_new(o, key, json_string(buf));
}

void admin_dashboard(struct req *r)
{
	int64_t total, page;
	size_t tab = ARRAY_SIZE(tabs) - 1, i;
	const char *loc = req_arg(r, "loc");
	if (admin_require(r, 1))
		return;
	for (i = 0; loc && i < ARRAY_SIZE(tabs); i++)
		if (strcmp(loc, tabs[i].slug) == 0)
			tab = i;
	page = req_arg_int(r, "trang", 1, 1, 100000);
	json_t *ctx = admin_ctx(r, "Bài viết");
	json_t *list = json_array();
	for (i = 0; i < ARRAY_SIZE(tabs); i++) {
		int64_t n;
		json_decref(article_list_admin(r->db, &r->actor, site_id_of(r), tabs[i].f, 0, 0, &n));
		struct sb u = SB_INIT;
		sb_addf(&u, "/quan-tri/?loc=%s", tabs[i].slug);
		json_array_append_new(list, json_pack("{sssssIsb}", "label", tabs[i].label, "url", u.buf, "count", (json_int_t)n,
						      "current", i == tab));
		sb_release(&u);
	}
	json_object_set_new(ctx, "tabs", list);
	json_t *rows = article_list_admin(r->db, &r->actor, site_id_of(r), tabs[tab].f, PER_PAGE, (page - 1) * PER_PAGE, &total);
	json_t *a;
	json_array_foreach(rows, i, a) {
		const char *st = json_string_value(json_object_get(a, "state"));
		json_object_set_new(a, "state_label", json_string(article_state_label(json_string_value(json_object_get(a, "wstate")))));
		json_object_set_new(a, "published", json_boolean(strcmp(st, "published") == 0));
		json_object_set_new(a, "has_change", json_boolean(json_is_string(json_object_get(a, "change_state"))));
		set_time(a, "updated", json_object_get(a, "updated_at"));
		set_time(a, "scheduled", json_object_get(a, "scheduled_at"));
		char *p = web_article_path(a);
		json_object_set_new(a, "public_url", json_string(p));
		free(p);
	}
	json_object_set_new(ctx, "tab_label", json_string(tabs[tab].label));
	json_object_set_new(ctx, "has_articles", json_boolean(json_array_size(rows) > 0));
	json_object_set_new(ctx, "articles", rows);
	json_object_set_new(ctx, "total", json_integer(total));
	if (total > PER_PAGE) {
		struct sb u = SB_INIT;
		if (page > 1) {
			sb_addf(&u, "/quan-tri/?loc=%s&trang=%lld", tabs[tab].slug, (long long)page - 1);
			json_object_set_new(ctx, "prev_url", json_string(u.buf));
		}
		if (page * PER_PAGE < total) {
			sb_reset(&u);
			sb_addf(&u, "/quan-tri/?loc=%s&trang=%lld", tabs[tab].slug, (long long)page + 1);
			json_object_set_new(ctx, "next_url", json_string(u.buf));
		}
		sb_release(&u);
	}
	if (req_arg(r, "doi-mat-khau"))
		json_object_set_new(ctx, "notice", json_string(tr(r->app, "password_changed")));
	resp_render(r, 200, "admin/dashboard", ctx);
}

static const char *form_fields[] = { "title", "summary", "body", "author", "cover_alt", "src_author",
				     "src_name", "src_url", "src_time", "intake_unit", "intake_name",
				     "intake_title", "intake_email", "intake_phone", "intake_received_at", "deadline_kind",
				     "note" };

/* "yyyy-mm-ddThh:mm" for a datetime-local input. */
static void set_local_time(json_t *o, const char *key, json_t *t)
{
	char buf[40];
	if (!json_is_integer(t))
		return;
	time_format_iso(json_integer_value(t), buf, sizeof(buf));
	buf[16] = '\0';
	json_object_set_new(o, key, json_string(buf));
}

/* The side panel of an existing item: state, actions, timeline, revisions, sharing. */
static void item_panel(struct req *r, json_t *ctx, int64_t id)
{
	json_t *art = article_get_admin(r->db, &r->actor, site_id_of(r), id);
	if (!art)
		return;
	const char *w = json_string_value(json_object_get(art, "wstate"));
	json_t *item = json_object();
	json_object_set_new(item, "state_label", json_string(article_state_label(json_string_value(json_object_get(art, "state")))));
	json_object_set_new(item, "wstate_label", json_string(article_state_label(w)));
	json_object_set(item, "has_pending_change", json_object_get(art, "has_pending_change"));
	int published = strcmp(json_string_value(json_object_get(art, "state")), "published") == 0;
	json_object_set_new(item, "published", json_boolean(published));
	char *p = web_article_path(art);
	json_object_set_new(item, "public_url", json_string(p));
	free(p);
	set_time(item, "scheduled", json_object_get(art, "scheduled_at"));
	json_object_set(item, "withdrawn_reason", json_object_get(art, "withdrawn_reason"));
	json_object_set(item, "created_by_name", json_object_get(art, "created_by_name"));
	json_t *actions = article_actions(r->db, &r->actor, site_id_of(r), art);
	size_t i;
	json_t *x;
	json_array_foreach(actions, i, x) {
		const char *act = json_string_value(json_object_get(x, "action"));
		json_object_set_new(x, "is_refuse", json_boolean(strcmp(act, "refuse") == 0));
		json_object_set_new(x, "is_schedule", json_boolean(strcmp(act, "schedule") == 0));
	}
	json_object_set_new(item, "has_actions", json_boolean(json_array_size(actions) > 0));
	json_object_set_new(item, "actions", actions);
	json_object_set_new(item, "reasons", article_refusal_reasons());
	json_t *tl = article_timeline(r->db, &r->actor, site_id_of(r), id);
	json_array_foreach(tl, i, x) {
		char iso[40];
		set_time(x, "date", json_object_get(x, "at"));
		time_format_iso(json_integer_value(json_object_get(x, "at")), iso, sizeof(iso));
		json_object_set_new(x, "date_iso", json_string(iso));
	}
	json_object_set_new(item, "timeline", tl ? tl : json_array());
	json_t *revs = article_revisions(r->db, &r->actor, site_id_of(r), id);
	json_array_foreach(revs, i, x) {
		set_time(x, "date", json_object_get(x, "created_at"));
		json_object_set_new(x, "latest", json_boolean(i == 0));
	}
	json_object_set_new(item, "has_many_revisions", json_boolean(json_array_size(revs) > 1));
	json_object_set_new(item, "revisions", revs ? revs : json_array());
	/* sharing up: only from a component site, for published items */
	if (published && strcmp(json_string_value(json_object_get(r->site, "kind")), "main") != 0) {
		json_t *sh = share_of(r->db, id);
		if (sh) {
			static const char *labels[][2] = { { "proposed", "Đã đề xuất, chờ Cổng chính xem xét" },
							   { "accepted", "Cổng chính đã tiếp nhận" },
							   { "declined", "Cổng chính không tiếp nhận" } };
			for (size_t k = 0; k < ARRAY_SIZE(labels); k++)
				if (strcmp(json_string_value(json_object_get(sh, "state")), labels[k][0]) == 0)
					json_object_set_new(item, "share_label", json_string(labels[k][1]));
			json_object_set(item, "share_reason", json_object_get(sh, "reason"));
		}
		int can = json_is_true(json_object_get(ctx, "can_publish")) &&
			  (!sh || strcmp(json_string_value(json_object_get(sh, "state")), "declined") == 0);
		json_object_set_new(item, "can_propose", json_boolean(can));
		json_decref(sh);
	}
	json_object_set_new(ctx, "item", item);
	json_decref(art);
}

static void form_render(struct req *r, int status, int64_t id, json_t *form, const struct errs *e)
{
	json_t *ctx = admin_ctx(r, id ? "Sửa bài viết" : "Viết bài mới");
	json_object_set_new(ctx, "categories", admin_category_tree(r, json_integer_value(json_object_get(form, "category_id"))));
	struct sb action = SB_INIT;
	if (id)
		sb_addf(&action, "/quan-tri/bai-viet/%lld", (long long)id);
	else
		sb_adds(&action, "/quan-tri/bai-viet/moi");
	json_object_set_new(ctx, "action", json_string(action.buf));
	sb_release(&action);
	if (id) {
		json_object_set_new(ctx, "id", json_integer(id));
		json_object_set_new(ctx, "article_id", json_integer(id)); /* unambiguous inside lists */
		item_panel(r, ctx, id);
	}
	/* the site's files, those attached to this item checked */
	int64_t nfiles;
	json_t *files = media_list(r->db, &r->actor, site_id_of(r), "file", 200, 0, &nfiles);
	json_t *chosen = json_object_get(form, "attachments");
	size_t i, k;
	json_t *f, *c;
	json_array_foreach(files, i, f) {
		int on = 0;
		json_array_foreach(chosen, k, c)
			on |= json_integer_value(c) == json_integer_value(json_object_get(f, "id"));
		json_object_set_new(f, "checked", json_boolean(on));
	}
	json_object_set_new(ctx, "has_files", json_boolean(json_array_size(files) > 0));
	json_object_set_new(ctx, "files", files ? files : json_array());
	/* the update deadline (deadline.h): the kinds to choose from and, once saved with a
	 * received time, the due time the board works to */
	json_t *kinds = deadline_rules(r->db, site_id_of(r)), *kd;
	const char *chosen_kind = json_string_value(json_object_get(form, "deadline_kind"));
	json_array_foreach(kinds, i, kd)
		json_object_set_new(kd, "selected", json_boolean(chosen_kind && strcmp(chosen_kind,
			json_string_value(json_object_get(kd, "kind"))) == 0));
	json_object_set_new(ctx, "deadline_kinds", kinds);
	if (id) {
		json_t *due = deadline_of_article(r->db, id, time_now());
		if (due)
			json_object_set_new(ctx, "deadline", due);
	}
	json_object_set_new(ctx, "form", form);
	json_object_set_new(ctx, "rich_editor", json_true());
	if (e)
		admin_errors(r, ctx, e);
	resp_render(r, status, "admin/article", ctx);
}

/* Turns a stored article (with its pending change, if any) into the form's values. */
static json_t *form_values(json_t *a)
{
	json_t *f = json_object();
	for (size_t i = 0; i < ARRAY_SIZE(form_fields); i++)
		if (json_is_string(json_object_get(a, form_fields[i])))
			json_object_set(f, form_fields[i], json_object_get(a, form_fields[i]));
	json_object_del(f, "note");
	set_local_time(f, "src_time", json_object_get(a, "src_time"));
	set_local_time(f, "intake_received_at", json_object_get(a, "intake_received_at"));
	json_object_set(f, "category_id", json_object_get(a, "category_id"));
	json_object_set_new(f, "featured", json_boolean(json_integer_value(json_object_get(a, "featured"))));
	if (json_is_integer(json_object_get(a, "cover_id")) && json_is_string(json_object_get(a, "cover_sha"))) {
		json_object_set(f, "cover_id", json_object_get(a, "cover_id"));
		struct sb u = SB_INIT;
		sb_addf(&u, "/media/%s.%s", json_string_value(json_object_get(a, "cover_sha")),
			json_string_value(json_object_get(a, "cover_ext")));
		json_object_set_new(f, "cover_url", json_string(u.buf));
		sb_release(&u);
	}
	return f;
}

/* The form's values of a stored article, with its attachments. */
static json_t *form_load(struct req *r, json_t *a)
{
	json_t *f = form_values(a);
	json_t *att = article_attachments(r->db, json_integer_value(json_object_get(a, "id")));
	json_t *ids = json_array();
	size_t i;
	json_t *x;
	json_array_foreach(att, i, x)
		json_array_append(ids, json_object_get(x, "id"));
	json_decref(att);
	json_object_set_new(f, "attachments", ids);
	return f;
}

void admin_article_new(struct req *r)
{
	if (admin_require(r, 1))
		return;
	json_t *f = json_object();
	json_object_set(f, "author", json_object_get(r->user, "display_name"));
	form_render(r, 200, 0, f, NULL);
}

void admin_article_edit(struct req *r)
{
	if (admin_require(r, 1))
		return;
	int64_t id = admin_capture_id(r);
	json_t *a = id > 0 ? article_get_admin(r->db, &r->actor, site_id_of(r), id) : NULL;
	if (!a) {
		resp_error(r, 404, "article_not_found");
		return;
	}
	json_t *f = form_load(r, a);
	json_decref(a);
	if (req_arg(r, "da-luu"))
		json_object_set_new(f, "notice", json_string(tr(r->app, "saved")));
	else if (req_arg(r, "da-chuyen"))
		json_object_set_new(f, "notice", json_string(tr(r->app, "wf_done")));
	form_render(r, 200, id, f, NULL);
}

static int64_t form_time(struct req *r, const char *field, struct errs *e)
{
	int64_t t = 0;
	const char *s = req_form(r, field);
	if (s && *s && time_parse_vn(s, &t))
		errs_add(e, field, "date_invalid");
	return t;
}

void admin_article_save(struct req *r)
{
	struct errs e = { 0 };
	struct article_input in = { 0 };
	int64_t id = 0, cover_id = -1, new_id = 0;
	json_int_t site_id;

	if (admin_require(r, 1) || csrf_check(r))
		return;
	site_id = site_id_of(r);
	if (r->captures[0] && (id = admin_capture_id(r)) < 0) {
		resp_error(r, 404, "article_not_found");
		return;
	}
	in.title = req_form(r, "title");
	in.summary = req_form(r, "summary");
	in.body = req_form(r, "body");
	in.author = req_form(r, "author");
	in.cover_alt = req_form(r, "cover_alt");
	in.src_author = req_form(r, "src_author");
	in.src_name = req_form(r, "src_name");
	in.src_url = req_form(r, "src_url");
	in.intake_unit = req_form(r, "intake_unit");
	in.intake_name = req_form(r, "intake_name");
	in.intake_title = req_form(r, "intake_title");
	in.intake_email = req_form(r, "intake_email");
	in.intake_phone = req_form(r, "intake_phone");
	in.note = req_form(r, "note");
	in.featured = req_form(r, "featured") != NULL;
	const char *cat = req_form(r, "category_id");
	if (cat && parse_i64(cat, 1, INT64_MAX, &in.category_id))
		in.category_id = 0;
	in.src_time = form_time(r, "src_time", &e);
	in.intake_received_at = form_time(r, "intake_received_at", &e);
	in.deadline_kind = req_form(r, "deadline_kind"); /* "": the category's kind */
	const char *keep = req_form(r, "cover_id");
	if (keep && *keep && parse_i64(keep, 1, INT64_MAX, &cover_id))
		cover_id = -1;
	if (!keep || !*keep)
		cover_id = id ? -1 : 0;
	if (req_form(r, "remove_cover"))
		cover_id = 0;
	const struct field *file = req_file(r, "cover");
	if (file && file->value.len) {
		int64_t mid;
		int rc = media_store(r->db, r->app->data_dir, &r->actor, site_id, file->value.buf, file->value.len,
				     file->filename, &e, &mid);
		if (rc == M_OK)
			cover_id = mid;
		else if (rc == M_DENIED) {
			resp_error(r, 403, "forbidden");
			return;
		}
	}
	in.cover_id = cover_id;
	const char *att[100];
	int64_t att_ids[100];
	size_t natt = req_form_all(r, "attachments", att, ARRAY_SIZE(att));
	for (size_t k = 0; k < natt; k++)
		if (parse_i64(att[k], 1, INT64_MAX, &att_ids[in.nattachments]) == 0)
			in.nattachments++;
	in.attachments = att_ids;
	in.set_attachments = req_form(r, "attachments_shown") != NULL; /* forms without the list keep it */
	/* earlier errors (upload, dates) make the save refuse too, with every field checked */
	int rc = article_save(r->db, &r->actor, site_id, id, &in, &e, &new_id);
	if (rc == M_OK && req_form(r, "submit")) { /* "save and send for editing" */
		rc = article_act(r->db, &r->actor, site_id, new_id, "submit", NULL, &e);
		id = new_id;
	}
	if (rc == M_INVALID) {
		/* show the form again with what was typed, and the stored cover if any */
		json_t *f = json_object();
		for (size_t i = 0; i < ARRAY_SIZE(form_fields); i++)
			json_object_set_new(f, form_fields[i], json_string(req_form(r, form_fields[i]) ? req_form(r, form_fields[i]) : ""));
		json_object_set_new(f, "category_id", json_integer(in.category_id));
		json_object_set_new(f, "featured", json_boolean(in.featured));
		json_t *ids = json_array();
		for (size_t k = 0; k < in.nattachments; k++)
			json_array_append_new(ids, json_integer(att_ids[k]));
		json_object_set_new(f, "attachments", ids);
		if (id && cover_id < 0) {
			json_t *a = article_get_admin(r->db, &r->actor, site_id, id);
			cover_id = a && json_is_integer(json_object_get(a, "cover_id")) ? json_integer_value(json_object_get(a, "cover_id")) : 0;
			json_decref(a);
		}
		if (cover_id > 0) {
			json_t *m = media_get(r->db, cover_id);
			if (m && json_integer_value(json_object_get(m, "site_id")) == site_id) {
				struct sb u = SB_INIT;
				sb_addf(&u, "/media/%s.%s", json_string_value(json_object_get(m, "sha256")),
					json_string_value(json_object_get(m, "ext")));
				json_object_set_new(f, "cover_id", json_integer(cover_id));
				json_object_set_new(f, "cover_url", json_string(u.buf));
				sb_release(&u);
			}
			json_decref(m);
		}
		form_render(r, 422, id, f, &e);
		return;
	}
	if (rc == M_DENIED) { /* a role here (checked above) but not on this item in its state */
		resp_error(r, 403, "edit_denied");
		return;
	}
	if (rc == M_NOTFOUND) {
		resp_error(r, 404, "article_not_found");
		return;
	}
	if (rc != M_OK) {
		resp_error(r, 500, "server_error");
		return;
	}
	struct sb loc = SB_INIT;
	sb_addf(&loc, "/quan-tri/bai-viet/%lld?da-luu=1", (long long)new_id);
	resp_redirect(r, 303, loc.buf);
	sb_release(&loc);
}

/* After an action or its refusal: back to the item, or its form with the messages. */
static void after_action(struct req *r, int64_t id, int rc, const struct errs *e)
{
	if (rc == M_OK) {
		struct sb loc = SB_INIT;
		sb_addf(&loc, "/quan-tri/bai-viet/%lld?da-chuyen=1", (long long)id);
		resp_redirect(r, 303, loc.buf);
		sb_release(&loc);
	} else if (rc == M_INVALID) {
		json_t *a = article_get_admin(r->db, &r->actor, site_id_of(r), id);
		if (!a) {
			resp_error(r, 404, "article_not_found");
			return;
		}
		json_t *f = form_load(r, a);
		json_decref(a);
		json_object_set_new(f, "comment", json_string(req_form(r, "comment") ? req_form(r, "comment") : ""));
		form_render(r, 422, id, f, e);
	} else if (rc == M_DENIED) {
		resp_error(r, 403, "wf_role");
	} else if (rc == M_NOTFOUND) {
		resp_error(r, 404, "article_not_found");
	} else {
		resp_error(r, 500, "server_error");
	}
}

void admin_article_act(struct req *r)
{
	struct errs e = { 0 };
	struct act_input in = { 0 };
	if (admin_require(r, 1) || csrf_check(r))
		return;
	int64_t id = admin_capture_id(r);
	if (id < 0) {
		resp_error(r, 404, "article_not_found");
		return;
	}
	in.comment = req_form(r, "comment");
	in.reason = req_form(r, "reason");
	in.when = form_time(r, "when", &e);
	int rc = e.n ? M_INVALID : article_act(r->db, &r->actor, site_id_of(r), id, req_form(r, "action"), &in, &e);
	after_action(r, id, rc, &e);
}

void admin_article_propose(struct req *r)
{
	struct errs e = { 0 };
	if (admin_require(r, 1) || csrf_check(r))
		return;
	int64_t id = admin_capture_id(r);
	int rc = id < 0 ? M_NOTFOUND : share_propose(r->db, &r->actor, site_id_of(r), id, &e);
	after_action(r, id, rc, &e);
}

void admin_article_restore(struct req *r)
{
	struct errs e = { 0 };
	int64_t rev;
	if (admin_require(r, 1) || csrf_check(r))
		return;
	int64_t id = admin_capture_id(r);
	const char *s = req_form(r, "rev");
	int rc = id < 0 || !s || parse_i64(s, 1, INT64_MAX, &rev) ? M_NOTFOUND
		 : article_revision_restore(r->db, &r->actor, site_id_of(r), id, rev, &e);
	if (rc == M_DENIED)
		resp_error(r, 403, "edit_denied");
	else
		after_action(r, id, rc, &e);
}

/* Plain text of a revision's field, for comparing: the body's HTML becomes its text. */
static char *rev_text(json_t *rev, const char *key)
{
	const char *v = json_string_value(json_object_get(rev, key));
	if (!v)
		return xstrdup("");
	return strcmp(key, "body") == 0 ? html_to_text(v, strlen(v)) : xstrdup(v);
}

void admin_article_compare(struct req *r)
{
	if (admin_require(r, 1))
		return;
	int64_t id = admin_capture_id(r);
	int64_t ra = req_arg_int(r, "a", 0, 1, INT64_MAX), rb = req_arg_int(r, "b", 0, 1, INT64_MAX);
	json_t *a = id > 0 && ra ? article_revision_get(r->db, &r->actor, site_id_of(r), id, ra) : NULL;
	json_t *b = id > 0 && rb ? article_revision_get(r->db, &r->actor, site_id_of(r), id, rb) : NULL;
	if (!a || !b) {
		json_decref(a);
		json_decref(b);
		resp_error(r, 404, "revision_not_found");
		return;
	}
	json_t *ctx = admin_ctx(r, "So sánh phiên bản");
	static const char *fields[][2] = { { "title", "Tiêu đề" }, { "summary", "Tóm tắt" }, { "body", "Nội dung" } };
	json_t *parts = json_array();
	int changes = 0;
	for (size_t i = 0; i < ARRAY_SIZE(fields); i++) {
		char *ta = rev_text(a, fields[i][0]), *tb = rev_text(b, fields[i][0]);
		struct sb out = SB_INIT;
		int n = diff_words_html(ta, tb, &out);
		changes += n;
		/* diff_html is made by diff_words_html, which escapes every piece of text */
		json_array_append_new(parts, json_pack("{sssssb}", "label", fields[i][1], "diff_html", out.buf, "changed", n > 0));
		sb_release(&out);
		free(ta);
		free(tb);
	}
	json_object_set_new(ctx, "parts", parts);
	json_object_set_new(ctx, "same", json_boolean(changes == 0));
	set_time(a, "date", json_object_get(a, "created_at"));
	set_time(b, "date", json_object_get(b, "created_at"));
	json_object_set_new(ctx, "a", a);
	json_object_set_new(ctx, "b", b);
	json_object_set_new(ctx, "id", json_integer(id));
	resp_render(r, 200, "admin/compare", ctx);
}
