/* media.c — the site's media library: images and files to attach, uploaded, described, removed;
 * and the upload endpoint of the article editor.
 * WEBPAGE: GET  /quan-tri/thu-vien            the library (loai = anh|tep, trang = page,
 *                                              sua = id of the item whose form is open)
 * WEBPAGE: POST /quan-tri/thu-vien            upload (file, alt, title)
 * WEBPAGE: POST /quan-tri/thu-vien/<id>       change an item's description and title (alt, title)
 * WEBPAGE: POST /quan-tri/thu-vien/<id>/xoa   remove an item from the library
 * WEBPAGE: POST /quan-tri/thu-vien/tai-anh    the editor's image upload (file, csrf); answers
 *                                              JSON {"location", "id"} or {"error"} with a 4xx */
#include "web/web.h"
#include "base/arena.h"
#include "base/sb.h"
#include "base/util.h"

#include <ctype.h>
#include <string.h>

#include "base/banned.h"

#define PER_PAGE 24

static const struct {
	const char *arg, *kind, *label;
} filters[] = {
	{ "", NULL, "adm_tab_all" },
	{ "anh", "image", "adm_md_images" },
	{ "tep", "file", "adm_attachments" },
};

static json_int_t site_id_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

/* The filter the query asks for (index into filters). */
static size_t filter_of(struct req *r)
{
	const char *loai = req_arg(r, "loai");
	for (size_t i = 1; loai && i < ARRAY_SIZE(filters); i++)
		if (strcmp(loai, filters[i].arg) == 0)
			return i;
	return 0;
}

/* "/quan-tri/thu-vien?loai=…&trang=…" plus EXTRA ("sua=12"); malloc'd. */
static char *library_url(size_t filter, int64_t page, const char *extra)
{
	struct sb u = SB_INIT;
	char sep = '?';
	sb_adds(&u, "/quan-tri/thu-vien");
	if (filter) {
		sb_addf(&u, "%cloai=%s", sep, filters[filter].arg);
		sep = '&';
	}
	if (page > 1) {
		sb_addf(&u, "%ctrang=%lld", sep, (long long)page);
		sep = '&';
	}
	if (extra)
		sb_addf(&u, "%c%s", sep, extra);
	return sb_detach(&u, NULL);
}

static void set_url(json_t *o, const char *key, char *url)
{
	json_object_set_new(o, key, json_string(url));
	free(url);
}

/* View fields of a library row: labels, dates, its edit link. */
static void item_view(json_t *m, size_t filter, int64_t page)
{
	char buf[40];
	struct sb t = SB_INIT;
	const char *ext = json_string_value(json_object_get(m, "ext"));
	for (const char *p = ext; p && *p; p++)
		sb_addc(&t, (char)toupper((unsigned char)*p));
	json_object_set_new(m, "ext_label", json_string(t.buf));
	sb_release(&t);
	time_format_vn_date(json_integer_value(json_object_get(m, "created_at")), buf, sizeof(buf));
	json_object_set_new(m, "date", json_string(buf));
	json_object_set_new(m, "is_image", json_boolean(strcmp(json_string_value(json_object_get(m, "kind")), "image") == 0));
	snprintf(buf, sizeof(buf), "sua=%lld", (long long)json_integer_value(json_object_get(m, "id")));
	char *u = library_url(filter, page, buf);
	struct sb a = SB_INIT;
	sb_addf(&a, "%s#sua", u);
	json_object_set_new(m, "edit_url", json_string(a.buf));
	sb_release(&a);
	free(u);
	/* the thumbnail's displayed size */
	json_int_t w = json_integer_value(json_object_get(m, "width")), h = json_integer_value(json_object_get(m, "height"));
	if (w > 0 && h > 0) {
		json_int_t tw = w > 240 ? 240 : w;
		json_object_set_new(m, "thumb_width", json_integer(tw));
		json_object_set_new(m, "thumb_height", json_integer(h * tw / w > 0 ? h * tw / w : 1));
	}
}

/* The library page. FORM: values of the upload form; EDIT: the item whose form is open, with the
 * values typed (may be NULL); E: errors of the upload form, or of EDIT's forms when EDIT is set. */
static void library_render(struct req *r, int status, json_t *form, json_t *edit, const struct errs *e)
{
	size_t filter = filter_of(r);
	int64_t page = req_arg_int(r, "trang", 1, 1, 100000), total = 0;
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_media"));
	json_t *rows = media_list(r->db, &r->actor, site_id_of(r), filters[filter].kind, PER_PAGE,
				  (page - 1) * PER_PAGE, &total);
	json_t *images = json_array(), *files = json_array(), *m;
	size_t i;
	json_array_foreach(rows, i, m) {
		item_view(m, filter, page);
		json_array_append(json_is_true(json_object_get(m, "is_image")) ? images : files, m);
	}
	json_decref(rows);
	json_object_set_new(ctx, "has_images", json_boolean(json_array_size(images) > 0));
	json_object_set_new(ctx, "has_files", json_boolean(json_array_size(files) > 0));
	json_object_set_new(ctx, "has_items", json_boolean(total > 0));
	json_object_set_new(ctx, "images", images);
	json_object_set_new(ctx, "files", files);
	json_object_set_new(ctx, "total", json_integer(total));

	json_t *fl = json_array();
	for (size_t f = 0; f < ARRAY_SIZE(filters); f++) {
		json_t *it = json_object();
		json_object_set_new(it, "label", json_string(rtr(r, filters[f].label)));
		set_url(it, "url", library_url(f, 1, NULL));
		json_object_set_new(it, "current", json_boolean(f == filter));
		json_array_append_new(fl, it);
	}
	json_object_set_new(ctx, "filters", fl);
	int64_t pages = (total + PER_PAGE - 1) / PER_PAGE;
	if (pages > 1) {
		json_t *pg = json_object();
		json_object_set_new(pg, "page", json_integer(page));
		json_object_set_new(pg, "pages", json_integer(pages));
		if (page > 1)
			set_url(pg, "prev_url", library_url(filter, page - 1, NULL));
		if (page < pages)
			set_url(pg, "next_url", library_url(filter, page + 1, NULL));
		json_object_set_new(ctx, "pager", pg);
	}

	json_object_set_new(ctx, "form", form ? form : json_object());
	if (edit) {
		item_view(edit, filter, page);
		set_url(edit, "cancel_url", library_url(filter, page, NULL));
		set_url(edit, "thumb_url", media_variant_url(edit, 480));
		/* the edit form's errors stay inside "edit": never the upload form's */
		if (e) {
			admin_errors(r, ctx, e);
			json_object_set(edit, "errors", json_object_get(ctx, "errors"));
			json_object_del(ctx, "errors");
		} else {
			json_object_set_new(edit, "errors", json_object());
		}
		json_object_set_new(ctx, "edit", edit);
	} else if (e) {
		admin_errors(r, ctx, e);
	}
	if (req_arg(r, "da-tai"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "media_uploaded")));
	else if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	else if (req_arg(r, "da-xoa"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "media_deleted")));
	json_object_set_new(ctx, "av_max_mb", json_integer(media_av_max(r->db, json_integer_value(json_object_get(r->site, "id"))) >> 20));
	resp_render(r, status, "admin/media", ctx);
}

/* The site's item ID for its edit form, or NULL. */
static json_t *item_of_site(struct req *r, int64_t id)
{
	json_t *m = id > 0 ? media_get(r->db, id) : NULL;
	if (m && json_integer_value(json_object_get(m, "site_id")) != site_id_of(r)) {
		json_decref(m);
		m = NULL;
	}
	if (m) /* the preview's alt, whatever the form shows typed */
		json_object_set(m, "stored_alt", json_object_get(m, "alt"));
	return m;
}

void admin_media(struct req *r)
{
	json_t *edit = item_of_site(r, req_arg_int(r, "sua", 0, 1, INT64_MAX));
	library_render(r, 200, NULL, edit, NULL);
}

void admin_media_upload(struct req *r)
{
	struct errs e = { 0 };
	int64_t id = 0;
	int rc = M_INVALID;
	const struct field *file = req_file(r, "file");
	const char *alt = req_form(r, "alt"), *title = req_form(r, "title");
	if (!file || !file->value.len)
		errs_add(&e, "file", "media_file_required");
	else
		rc = media_store_file(r->db, r->app->data_dir, &r->actor, site_id_of(r), file->value.buf, file->value.len,
				      file->filename, alt ? alt : "", title, &e, &id);
	if (rc == M_INVALID) {
		json_t *form = json_object();
		json_object_set_new(form, "alt", json_string(alt ? alt : ""));
		json_object_set_new(form, "title", json_string(title ? title : ""));
		library_render(r, 422, form, NULL, &e);
	} else if (rc == M_DENIED) {
		resp_error(r, 403, "forbidden");
	} else if (rc != M_OK) {
		resp_error(r, 500, "server_error");
	} else {
		json_t *m = media_get(r->db, id);
		int image = m && strcmp(json_string_value(json_object_get(m, "kind")), "image") == 0;
		char buf[48];
		snprintf(buf, sizeof(buf), "da-tai=%lld", (long long)id);
		char *loc = library_url(image ? 1 : 2, 1, buf);
		resp_redirect(r, 303, loc);
		free(loc);
		json_decref(m);
	}
}

void admin_media_update(struct req *r)
{
	struct errs e = { 0 };
	int64_t id = admin_capture_id(r);
	const char *alt = req_form(r, "alt"), *title = req_form(r, "title");
	int rc = id > 0 ? media_update(r->db, &r->actor, site_id_of(r), id, alt, title, &e) : M_NOTFOUND;
	if (rc == M_INVALID) {
		json_t *edit = item_of_site(r, id);
		if (edit) {
			json_object_set_new(edit, "alt", json_string(alt ? alt : ""));
			json_object_set_new(edit, "title", json_string(title ? title : ""));
		}
		library_render(r, 422, NULL, edit, &e);
	} else if (rc == M_DENIED) {
		resp_error(r, 403, "media_denied");
	} else if (rc == M_NOTFOUND) {
		resp_error(r, 404, "media_not_found");
	} else if (rc != M_OK) {
		resp_error(r, 500, "server_error");
	} else {
		char buf[48];
		snprintf(buf, sizeof(buf), "da-luu=%lld", (long long)id);
		char *loc = library_url(0, 1, buf);
		resp_redirect(r, 303, loc);
		free(loc);
	}
}

void admin_media_delete(struct req *r)
{
	struct errs e = { 0 };
	int64_t id = admin_capture_id(r);
	int rc = id > 0 ? media_delete(r->db, &r->actor, site_id_of(r), id, &e) : M_NOTFOUND;
	if (rc == M_INVALID) {
		library_render(r, 409, NULL, item_of_site(r, id), &e);
	} else if (rc == M_DENIED) {
		resp_error(r, 403, "media_denied");
	} else if (rc == M_NOTFOUND) {
		resp_error(r, 404, "media_not_found");
	} else if (rc != M_OK) {
		resp_error(r, 500, "server_error");
	} else {
		resp_redirect(r, 303, "/quan-tri/thu-vien?da-xoa=1");
	}
}

/* A JSON answer of the editor's endpoint; whatever the checks before wrote is replaced. */
static void json_answer(struct req *r, int status, json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT);
	sb_reset(&r->headers); /* the answer's own headers only */
	resp_header(r, "Cache-Control", "no-store");
	resp_text(r, status, "application/json", s ? s : "{}");
	json_free_str(s);
	json_decref(o);
}

static void json_error(struct req *r, int status, const char *key)
{
	json_t *o = json_object();
	json_object_set_new(o, "error", json_string(rtr(r, key)));
	json_answer(r, status, o);
}

void admin_media_editor_upload(struct req *r)
{
	struct errs e = { 0 };
	int64_t id = 0;
	const struct field *file = req_file(r, "file");
	if (!file || !file->value.len) {
		json_error(r, 400, "media_file_required");
		return;
	}
	int rc = media_store(r->db, r->app->data_dir, &r->actor, site_id_of(r), file->value.buf, file->value.len,
			     file->filename, &e, &id);
	if (rc == M_INVALID) {
		json_error(r, 422, e.n ? e.e[0].key : "media_type");
		return;
	}
	if (rc == M_DENIED) {
		json_error(r, 403, "forbidden");
		return;
	}
	json_t *m = rc == M_OK ? media_get(r->db, id) : NULL;
	if (!m) {
		json_error(r, 500, "server_error");
		return;
	}
	json_t *o = json_object();
	json_object_set(o, "location", json_object_get(m, "url"));
	json_object_set_new(o, "id", json_integer(id));
	json_decref(m);
	json_answer(r, 200, o);
}
