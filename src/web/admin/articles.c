/* articles.c — the editors' list of articles, the article form with cover upload, publishing.
 * WEBPAGE: GET      /quan-tri/                         this site's articles (trang = page)
 * WEBPAGE: GET/POST /quan-tri/bai-viet/moi             new article
 * WEBPAGE: GET/POST /quan-tri/bai-viet/<id>            edit an article
 * WEBPAGE: POST     /quan-tri/bai-viet/<id>/xuat-ban   publish
 * WEBPAGE: POST     /quan-tri/bai-viet/<id>/go         unpublish (back to draft) */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"

#include <string.h>

#include "base/banned.h"

#define PER_PAGE 30

static json_int_t site_id_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

static const char *state_label(const char *s)
{
	return strcmp(s, "published") == 0 ? "Đã xuất bản" : "Bản nháp";
}

void admin_dashboard(struct req *r)
{
	int64_t total, page;
	if (admin_require(r, 1))
		return;
	page = req_arg_int(r, "trang", 1, 1, 100000);
	json_t *ctx = admin_ctx(r, "Bài viết");
	json_t *rows = article_list_admin(r->db, &r->actor, site_id_of(r), PER_PAGE, (page - 1) * PER_PAGE, &total);
	size_t i;
	json_t *a;
	char buf[40];
	json_array_foreach(rows, i, a) {
		const char *st = json_string_value(json_object_get(a, "state"));
		json_object_set_new(a, "state_label", json_string(state_label(st)));
		json_object_set_new(a, "published", json_boolean(strcmp(st, "published") == 0));
		time_format_vn(json_integer_value(json_object_get(a, "updated_at")), buf, sizeof(buf));
		json_object_set_new(a, "updated", json_string(buf));
		char *p = web_article_path(a);
		json_object_set_new(a, "public_url", json_string(p));
		free(p);
	}
	json_object_set_new(ctx, "has_articles", json_boolean(json_array_size(rows) > 0));
	json_object_set_new(ctx, "articles", rows);
	json_object_set_new(ctx, "total", json_integer(total));
	if (total > PER_PAGE) {
		struct sb u = SB_INIT;
		if (page > 1) {
			sb_addf(&u, "/quan-tri/?trang=%lld", (long long)page - 1);
			json_object_set_new(ctx, "prev_url", json_string(u.buf));
		}
		if (page * PER_PAGE < total) {
			sb_reset(&u);
			sb_addf(&u, "/quan-tri/?trang=%lld", (long long)page + 1);
			json_object_set_new(ctx, "next_url", json_string(u.buf));
		}
		sb_release(&u);
	}
	if (req_arg(r, "doi-mat-khau"))
		json_object_set_new(ctx, "notice", json_string(tr(r->app, "password_changed")));
	else if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(tr(r->app, "saved")));
	resp_render(r, 200, "admin/dashboard", ctx);
}

static const char *form_fields[] = { "title", "summary", "body", "author", "cover_alt",
				     "src_author", "src_name", "src_url", "src_time" };

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
	if (id)
		json_object_set_new(ctx, "id", json_integer(id));
	json_object_set_new(ctx, "form", form);
	if (e)
		admin_errors(r, ctx, e);
	resp_render(r, status, "admin/article", ctx);
}

/* Turns a stored article into the form's values. */
static json_t *form_from_article(json_t *a)
{
	json_t *f = json_object();
	char buf[40];
	for (size_t i = 0; i + 1 < ARRAY_SIZE(form_fields); i++)
		json_object_set(f, form_fields[i], json_object_get(a, form_fields[i]));
	if (json_is_integer(json_object_get(a, "src_time"))) {
		/* datetime-local wants "yyyy-mm-ddThh:mm" */
		time_format_iso(json_integer_value(json_object_get(a, "src_time")), buf, sizeof(buf));
		buf[16] = '\0';
		json_object_set_new(f, "src_time", json_string(buf));
	}
	json_object_set(f, "category_id", json_object_get(a, "category_id"));
	json_object_set_new(f, "featured", json_boolean(json_integer_value(json_object_get(a, "featured"))));
	json_object_set(f, "state", json_object_get(a, "state"));
	json_object_set_new(f, "published", json_boolean(strcmp(json_string_value(json_object_get(a, "state")), "published") == 0));
	if (json_is_integer(json_object_get(a, "cover_id"))) {
		json_object_set(f, "cover_id", json_object_get(a, "cover_id"));
		struct sb u = SB_INIT;
		sb_addf(&u, "/media/%s.%s", json_string_value(json_object_get(a, "cover_sha")),
			json_string_value(json_object_get(a, "cover_ext")));
		json_object_set_new(f, "cover_url", json_string(u.buf));
		sb_release(&u);
	}
	char *p = web_article_path(a);
	json_object_set_new(f, "public_url", json_string(p));
	free(p);
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

static int64_t id_capture(struct req *r)
{
	int64_t id;
	if (!r->captures[0] || parse_i64(r->captures[0], 1, INT64_MAX, &id))
		return -1;
	return id;
}

void admin_article_edit(struct req *r)
{
	if (admin_require(r, 1))
		return;
	int64_t id = id_capture(r);
	json_t *a = id > 0 ? article_get_admin(r->db, &r->actor, site_id_of(r), id) : NULL;
	if (!a) {
		resp_error(r, 404, "article_not_found");
		return;
	}
	json_t *f = form_from_article(a);
	json_decref(a);
	if (req_arg(r, "da-luu"))
		json_object_set_new(f, "notice", json_string(tr(r->app, "saved")));
	form_render(r, 200, id, f, NULL);
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
	if (r->captures[0] && (id = id_capture(r)) < 0) {
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
	in.featured = req_form(r, "featured") != NULL;
	const char *cat = req_form(r, "category_id");
	if (cat && parse_i64(cat, 1, INT64_MAX, &in.category_id))
		in.category_id = 0;
	const char *st = req_form(r, "src_time");
	if (st && *st && time_parse_vn(st, &in.src_time))
		errs_add(&e, "src_time", "date_invalid");
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
	/* earlier errors (upload, date) make the save refuse too, with every field checked */
	int rc = article_save(r->db, &r->actor, site_id, id, &in, &e, &new_id);
	if (rc == M_OK && req_form(r, "publish")) {
		rc = article_publish(r->db, &r->actor, site_id, new_id, 0);
		if (rc == M_DENIED) {
			errs_add(&e, "publish", "publish_denied");
			rc = M_INVALID;
			id = new_id;
		}
	}
	if (rc == M_INVALID) {
		/* show the form again with what was typed, and the stored cover if any */
		json_t *f = json_object();
		for (size_t i = 0; i < ARRAY_SIZE(form_fields); i++)
			json_object_set_new(f, form_fields[i], json_string(req_form(r, form_fields[i]) ? req_form(r, form_fields[i]) : ""));
		json_object_set_new(f, "category_id", json_integer(in.category_id));
		json_object_set_new(f, "featured", json_boolean(in.featured));
		if (id) {
			json_t *a = article_get_admin(r->db, &r->actor, site_id, id);
			if (a) {
				json_object_set(f, "state", json_object_get(a, "state"));
				json_object_set_new(f, "published", json_boolean(strcmp(json_string_value(json_object_get(a, "state")), "published") == 0));
				char *p = web_article_path(a);
				json_object_set_new(f, "public_url", json_string(p));
				free(p);
				if (cover_id < 0)
					cover_id = json_is_integer(json_object_get(a, "cover_id")) ? json_integer_value(json_object_get(a, "cover_id")) : 0;
				json_decref(a);
			}
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
	if (rc == M_DENIED) { /* the account holds a role here (checked above): the item is published */
		resp_error(r, 403, "edit_published_denied");
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

static void set_state(struct req *r, int publish)
{
	if (admin_require(r, 1) || csrf_check(r))
		return;
	int64_t id = id_capture(r);
	int rc = id < 0 ? M_NOTFOUND
			: publish ? article_publish(r->db, &r->actor, site_id_of(r), id, 0)
				  : article_unpublish(r->db, &r->actor, site_id_of(r), id);
	if (rc == M_DENIED)
		resp_error(r, 403, "publish_denied");
	else if (rc == M_NOTFOUND)
		resp_error(r, 404, "article_not_found");
	else if (rc != M_OK)
		resp_error(r, 500, "server_error");
	else {
		struct sb loc = SB_INIT;
		sb_addf(&loc, "/quan-tri/bai-viet/%lld?da-luu=1", (long long)id);
		resp_redirect(r, 303, loc.buf);
		sb_release(&loc);
	}
}

void admin_article_publish(struct req *r)
{
	set_state(r, 1);
}

void admin_article_unpublish(struct req *r)
{
	set_state(r, 0);
}
