/* kind_views.c — what a kind's public pages show beyond its descriptor's generic view: one line
 * per kind with its own hooks (a procedure's link to the national portal, a schedule's week…),
 * each hook in the kind's own file of src/web/public/. items.c calls them just before it renders
 * the item page and the list (kind_view_find). */
#include "web/web.h"
#include "model/kind.h"
#include "model/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static const struct kind_view kind_views[] = {
	{ "procedure", procedure_item_view, procedure_list_view, NULL },
	{ "statistics", statistics_item_view, NULL, NULL },
	{ "unit", unit_item_view, NULL, NULL },
	{ "official", official_item_view, NULL, NULL },
	{ "link", NULL, NULL, links_list_page }, /* the links grouped (public/nav.c) */
	{ "gallery", gallery_item_view, NULL, NULL },
	{ "video", video_item_view, NULL, NULL },
	{ "qa", NULL, qa_list_view, NULL },
	{ "feedback", NULL, feedback_list_view, NULL },
	{ "consultation", consultation_item_view, NULL, NULL },
	{ "poll", poll_item_view, NULL, NULL }, /* the vote's form and the results (public/polls.c) */
	{ NULL, NULL, NULL, NULL }, /* kinds add their line above this one */
};

const struct kind_view *kind_view_find(const char *kind)
{
	for (const struct kind_view *v = kind_views; kind && v->kind; v++)
		if (strcmp(v->kind, kind) == 0)
			return v;
	return NULL;
}

/* A file field's value on a page: the library file (of SITE_ID) as {id, url, title, name, alt,
 * mime, ext, size_label, is_image, is_video, is_audio, is_vtt}; an export's: its address on SITE_URL
 * ("https://…/tep/<sha>.pdf"). NULL when V names no file of the site. */
static json_t *file_view(struct req *r, int64_t site_id, json_t *v, const char *site_url)
{
	if (!json_is_integer(v))
		return NULL;
	json_t *m = media_get(r->db, json_integer_value(v));
	if (!m || json_integer_value(json_object_get(m, "site_id")) != site_id) {
		json_decref(m);
		return NULL;
	}
	const char *url = json_string_value(json_object_get(m, "url"));
	json_t *out;
	if (site_url) {
		struct sb u = SB_INIT;
		sb_add(&u, site_url, strlen(site_url) - (site_url[0] && site_url[strlen(site_url) - 1] == '/'));
		sb_adds(&u, url);
		out = json_string(u.buf);
		sb_release(&u);
	} else {
		const char *mime = json_string_value(json_object_get(m, "mime"));
		const char *title = json_string_value(json_object_get(m, "title"));
		out = json_pack("{sOsssOsOsOsOsOsbsbsbsb}", "id", json_object_get(m, "id"), "url", url, "name",
				json_object_get(m, "orig_name"), "alt", json_object_get(m, "alt"), "mime",
				json_object_get(m, "mime"), "ext", json_object_get(m, "ext"), "size_label",
				json_object_get(m, "size_label"), "is_image", strncmp(mime, "image/", 6) == 0, "is_video",
				strncmp(mime, "video/", 6) == 0, "is_audio", strncmp(mime, "audio/", 6) == 0, "is_vtt",
				strcmp(mime, "text/vtt") == 0);
		json_object_set_new(out, "title", json_string(title && *title ? title
								 : json_string_value(json_object_get(m, "orig_name"))));
		json_object_set(out, "variants", json_object_get(m, "variants"));
	}
	json_decref(m);
	return out;
}

json_t *kind_value_view(struct req *r, int64_t site_id, const struct kind_field *f, json_t *v, const char *site_url)
{
	if (f->type == F_FILE) {
		json_t *fv = file_view(r, site_id, v, site_url);
		return fv ? fv : json_null();
	}
	if (f->type != F_ROWS || !json_is_array(v))
		return v ? json_incref(v) : json_null();
	json_t *rows = json_array(), *row, *seen = json_object(); /* a file named by several rows: looked up once */
	size_t i;
	json_array_foreach(v, i, row) {
		json_t *o = json_deep_copy(row);
		for (size_t j = 0; j < f->nsub; j++) {
			json_t *cv = json_object_get(row, f->sub[j].key);
			if (f->sub[j].type != F_FILE || !json_is_integer(cv))
				continue;
			char id[32];
			snprintf(id, sizeof(id), "%lld", (long long)json_integer_value(cv));
			json_t *view = json_object_get(seen, id);
			if (!view) {
				view = kind_value_view(r, site_id, &f->sub[j], cv, site_url);
				json_object_set_new(seen, id, view);
			}
			json_object_set(o, f->sub[j].key, view);
		}
		json_array_append_new(rows, o);
	}
	json_decref(seen);
	return rows;
}

json_t *kind_table_view(struct req *r, int64_t site_id, const struct kind *k, const struct kind_field *f, json_t *v)
{
	json_t *cols = json_array(), *rows = json_array(), *row;
	for (size_t j = 0; j < f->nsub; j++)
		json_array_append_new(cols, json_pack("{ss}", "column_label", kind_tr_field(req_texts(r), k, &f->sub[j], NULL)));
	size_t i;
	json_array_foreach(v, i, row) {
		json_t *cells = json_array();
		for (size_t j = 0; j < f->nsub; j++) {
			const struct kind_field *c = &f->sub[j];
			json_t *cv = json_object_get(row, c->key), *cell = json_object();
			if (c->type == F_FILE) {
				/* a row of kind_value_view's has its files' views already */
				json_t *fv = json_is_object(cv) ? json_incref(cv) : file_view(r, site_id, cv, NULL);
				if (fv)
					json_object_set_new(cell, "cell_file", fv);
			} else {
				char *t = kind_value_text_tr(req_texts(r), k, c, cv);
				json_object_set_new(cell, "cell_text", json_string(t));
				if (c->type == F_DATE && json_is_string(cv))
					json_object_set(cell, "cell_iso", cv);
				if (c->type == F_URL && *t)
					json_object_set_new(cell, "cell_url", json_string(t));
				free(t);
			}
			json_array_append_new(cells, cell);
		}
		json_array_append_new(rows, json_pack("{so}", "cells", cells));
	}
	return json_pack("{sssssoso}", "table_key", f->key, "table_label", kind_tr_field(req_texts(r), k, f, NULL), "columns", cols, "rows", rows);
}
