/* nav.c — the board's pages of the links kind and of the site's sections (docs/links.md).
 * WEBPAGE: GET  /quan-tri/lien-ket-hong     the site's links whose newest check failed
 * WEBPAGE: POST /quan-tri/lien-ket-hong     ask for the site's links to be checked again now (editors
 *                                           and above): the scheduler does it in a moment
 * WEBPAGE: GET  /quan-tri/cai-dat/muc       the kinds the menu and home page show, in order
 * WEBPAGE: POST /quan-tri/cai-dat/muc       form: chon_<kind> (checked: shown), thu_tu_<kind>
 *                                           (1..99: its place; ties keep the declared order) */
#include "web/web.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/kind.h"
#include "model/links.h"
#include "model/sections.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static json_int_t site_id_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

void admin_links_broken(struct req *r)
{
	int64_t nok = 0, nunchecked = 0;
	json_t *rows = links_broken(r->db, &r->actor, site_id_of(r), &nok, &nunchecked);
	if (!rows) {
		admin_model_error(r, M_DENIED);
		return;
	}
	const struct kind *k = kind_find("link");
	const struct kind_field *gf = k ? kind_field(k, "nhom") : NULL;
	char buf[40];
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		time_format_vn(json_integer_value(json_object_get(row, "checked_at")), buf, sizeof(buf));
		json_object_set_new(row, "checked", json_string(buf));
		json_t *lo = json_object_get(row, "last_ok_at");
		if (json_is_integer(lo)) {
			time_format_vn(json_integer_value(lo), buf, sizeof(buf));
			json_object_set_new(row, "last_ok", json_string(buf));
		} else {
			json_object_set_new(row, "last_ok", json_string(rtr(r, "adm_lb_never")));
		}
		json_object_set_new(row, "error_text", json_string(rtr(r, json_string_value(json_object_get(row, "error")))));
		json_object_set_new(row, "group", json_string(gf ? kind_choice_label(gf, json_string_value(json_object_get(row, "nhom"))) : ""));
		char u[64];
		snprintf(u, sizeof(u), "/quan-tri/lien-ket/%lld", (long long)json_integer_value(json_object_get(row, "id")));
		json_object_set_new(row, "edit_url", json_string(u));
		json_object_set_new(row, "has_status", json_boolean(json_integer_value(json_object_get(row, "status")) > 0));
	}
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_broken_links"));
	json_object_set_new(ctx, "has_rows", json_boolean(json_array_size(rows) > 0));
	json_object_set_new(ctx, "nbroken", json_integer((json_int_t)json_array_size(rows)));
	json_object_set_new(ctx, "rows", rows);
	json_object_set_new(ctx, "nok", json_integer(nok));
	json_object_set_new(ctx, "nunchecked", json_integer(nunchecked));
	if (req_arg(r, "da-yeu-cau"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "adm_lb_requested")));
	resp_render(r, 200, "admin/links_broken", ctx);
}

void admin_links_check(struct req *r)
{
	/* the links are made due; the server's scheduler checks them in a moment (links_job.h) */
	int rc = links_check_request(r->db, &r->actor, site_id_of(r));
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	resp_redirect(r, 303, "/quan-tri/lien-ket-hong?da-yeu-cau=1");
}

/* The form's rows: every declared kind with its place (ORDER: the chosen ones' places, else the
 * kinds shown now), checked when on. */
static json_t *section_rows(struct req *r, int from_form)
{
	size_t nk;
	const struct kind *const *all = kind_all(&nk);
	const struct kind *on[64];
	size_t n = site_sections(r->db, site_id_of(r), on, 64, NULL);
	json_t *rows = json_array();
	for (size_t i = 0; i < nk; i++) {
		char key[80], okey[80];
		snprintf(key, sizeof(key), "chon_%s", all[i]->name);
		snprintf(okey, sizeof(okey), "thu_tu_%s", all[i]->name);
		int checked = 0;
		char order[32] = "";
		if (from_form) {
			checked = req_form(r, key) != NULL;
			snprintf(order, sizeof(order), "%s", req_form(r, okey) ? req_form(r, okey) : "");
		} else {
			for (size_t j = 0; j < n; j++)
				if (on[j] == all[i]) {
					checked = 1;
					snprintf(order, sizeof(order), "%zu", j + 1);
				}
			if (!checked)
				snprintf(order, sizeof(order), "%zu", n + i + 1);
		}
		json_array_append_new(rows, json_pack("{sssssssssssb}", "name", all[i]->name, "label", kind_tr(req_texts(r), all[i], NULL), "key",
						      key, "okey", okey, "order", order, "checked", checked));
	}
	return rows;
}

void admin_sections(struct req *r)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_sections"));
	json_object_set_new(ctx, "rows", section_rows(r, 0));
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	resp_render(r, 200, "admin/sections", ctx);
}

struct chosen {
	const char *name;
	int64_t order;
	size_t at;
};

static int chosen_cmp(const void *a, const void *b)
{
	const struct chosen *x = a, *y = b;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

void admin_sections_save(struct req *r)
{
	size_t nk;
	const struct kind *const *all = kind_all(&nk);
	struct chosen *c = xcalloc(nk ? nk : 1, sizeof(*c));
	const char **names = xcalloc(nk ? nk : 1, sizeof(*names));
	size_t n = 0;
	struct errs e = { 0 };
	json_t *bad = json_object();
	for (size_t i = 0; i < nk; i++) {
		char key[80], okey[80];
		snprintf(key, sizeof(key), "chon_%s", all[i]->name);
		snprintf(okey, sizeof(okey), "thu_tu_%s", all[i]->name);
		const char *o = req_form(r, okey);
		int64_t order = 99;
		if (o && *o && parse_i64(o, 1, 99, &order)) {
			errs_add(&e, "sections", "sections_order_invalid");
			json_object_set_new(bad, all[i]->name, json_true());
			continue;
		}
		if (req_form(r, key))
			c[n++] = (struct chosen){ all[i]->name, order, i };
	}
	int rc = M_INVALID;
	if (!e.n) {
		qsort(c, n, sizeof(*c), chosen_cmp);
		for (size_t i = 0; i < n; i++)
			names[i] = c[i].name;
		rc = site_sections_set(r->db, &r->actor, site_id_of(r), names, n, &e);
	}
	free(c);
	free(names);
	if (rc == M_OK) {
		json_decref(bad);
		resp_redirect(r, 303, "/quan-tri/cai-dat/muc?da-luu=1");
		return;
	}
	if (rc != M_INVALID) {
		json_decref(bad);
		admin_model_error(r, rc);
		return;
	}
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_sections"));
	json_t *rows = section_rows(r, 1);
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row)
		if (json_object_get(bad, json_string_value(json_object_get(row, "name"))))
			json_object_set_new(row, "error", json_string(rtr(r, "sections_order_invalid")));
	json_decref(bad);
	json_object_set_new(ctx, "rows", rows);
	admin_errors(r, ctx, &e);
	resp_render(r, 422, "admin/sections", ctx);
}
