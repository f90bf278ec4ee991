/* categories.c — a site's category tree: list, add, rename, move.
 * WEBPAGE: GET  /quan-tri/chuyen-muc          the tree and the form (sua = id to edit)
 * WEBPAGE: POST /quan-tri/chuyen-muc          save (id, name, slug, description, parent_id, position) */
#include "web/web.h"
#include "model/kind.h"
#include "base/sb.h"
#include "base/util.h"

#include <string.h>

#include "base/banned.h"

static void categories_render(struct req *r, int status, json_t *form, const struct errs *e)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_categories"));
	json_t *cats = admin_category_tree(r, 0);
	json_int_t editing = json_integer_value(json_object_get(form, "id"));
	json_int_t parent = json_integer_value(json_object_get(form, "parent_id"));
	json_t *parents = json_array();
	size_t i;
	json_t *c;
	json_array_foreach(cats, i, c) {
		if (json_integer_value(json_object_get(c, "id")) == editing)
			continue;
		json_t *o = json_object();
		json_object_set(o, "id", json_object_get(c, "id"));
		json_object_set(o, "label", json_object_get(c, "label"));
		json_object_set_new(o, "selected", json_boolean(json_integer_value(json_object_get(c, "id")) == parent));
		json_array_append_new(parents, o);
	}
	json_object_set_new(ctx, "categories", cats);
	json_object_set_new(ctx, "parents", parents);
	/* what a category holds: news, or one of the other kinds (model/kinds.c) */
	size_t nk;
	const struct kind *const *ks = kind_all(&nk);
	const char *chosen = json_string_value(json_object_get(form, "kind"));
	json_t *kinds = json_array();
	for (size_t k = 0; k < nk; k++)
		json_array_append_new(kinds, json_pack("{sssssb}", "name", ks[k]->name, "label", kind_tr(req_texts(r), ks[k], NULL), "selected",
						       chosen && strcmp(chosen, ks[k]->name) == 0));
	json_object_set_new(ctx, "kinds", kinds);
	json_object_set_new(ctx, "form", form);
	if (e)
		admin_errors(r, ctx, e);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	resp_render(r, status, "admin/categories", ctx);
}

void admin_categories(struct req *r)
{
	json_t *form = json_object();
	int64_t id = req_arg_int(r, "sua", 0, 1, INT64_MAX);
	if (id) {
		json_t *c = category_get(r->db, json_integer_value(json_object_get(r->site, "id")), id);
		if (!c) {
			json_decref(form);
			resp_error(r, 404, "category_not_found");
			return;
		}
		json_decref(form);
		form = c;
	}
	categories_render(r, 200, form, NULL);
}

void admin_category_save(struct req *r)
{
	struct errs e = { 0 };
	struct category_input in = { 0 };
	int64_t id = 0, out_id;
	const char *s = req_form(r, "id");
	if (s && *s && parse_i64(s, 1, INT64_MAX, &id))
		id = 0;
	in.name = req_form(r, "name");
	in.slug = req_form(r, "slug");
	in.description = req_form(r, "description");
	in.kind = req_form(r, "kind");
	s = req_form(r, "parent_id");
	if (s && *s && parse_i64(s, 1, INT64_MAX, &in.parent_id))
		errs_add(&e, "parent_id", "category_parent_invalid");
	s = req_form(r, "position");
	if (s && *s && parse_i64(s, -100000, 100000, &in.position))
		errs_add(&e, "position", "number_invalid");
	int rc = e.n ? M_INVALID : category_save(r->db, &r->actor, json_integer_value(json_object_get(r->site, "id")),
						   id, &in, &e, &out_id);
	if (rc == M_INVALID) {
		json_t *form = json_object();
		static const char *keep[] = { "name", "slug", "description", "position", "kind" };
		for (size_t i = 0; i < ARRAY_SIZE(keep); i++)
			json_object_set_new(form, keep[i], json_string(req_form(r, keep[i]) ? req_form(r, keep[i]) : ""));
		if (id)
			json_object_set_new(form, "id", json_integer(id));
		json_object_set_new(form, "parent_id", json_integer(in.parent_id));
		categories_render(r, 422, form, &e);
	} else if (rc == M_DENIED) {
		resp_error(r, 403, "forbidden");
	} else if (rc == M_NOTFOUND) {
		resp_error(r, 404, "category_not_found");
	} else if (rc != M_OK) {
		resp_error(r, 500, "server_error");
	} else {
		resp_redirect(r, 303, "/quan-tri/chuyen-muc?da-luu=1");
	}
}
