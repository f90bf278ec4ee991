/* listings.c — a component site's board chooses documents of the main portal (the central ones,
 * entered once there) to list among its own (model/item.h, item_listings).
 * WEBPAGE: GET  /quan-tri/liet-ke/<segment>   q (a number in any form, or words), trang
 * WEBPAGE: POST /quan-tri/liet-ke/<segment>   item, on (1 list, 0 stop), q, trang (kept) */
#include "web/web.h"
#include "model/kind.h"
#include "model/item.h"
#include "base/sb.h"
#include "base/util.h"

#include <string.h>

#include "base/banned.h"

#define PER_PAGE 30

static void listings_render(struct req *r, const struct kind *k, int status, const struct errs *e)
{
	int64_t site_id = json_integer_value(json_object_get(r->site, "id"));
	const char *q = req_arg(r, "q") ? req_arg(r, "q") : req_form(r, "q") ? req_form(r, "q") : "";
	int64_t page = req_arg_int(r, "trang", 1, 1, 100000), total = 0;
	struct sb title = SB_INIT;
	sb_addf(&title, "%s %s", kind_tr(req_texts(r), k, NULL), rtr(r, "adm_of_main_portal"));
	json_t *ctx = admin_ctx(r, title.buf);
	sb_release(&title);
	json_t *rows = item_listing_candidates(r->db, &r->actor, site_id, k->name, q, PER_PAGE, (page - 1) * PER_PAGE, &total);
	const struct kind_field *idf = kind_ident_field(k), *sortf = kind_sort_field(k);
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		json_t *f = item_row_fields(row);
		if (idf)
			json_object_set(row, "ident", json_object_get(f, idf->key));
		if (sortf) {
			char *d = kind_value_text(sortf, json_object_get(f, sortf->key));
			json_object_set_new(row, "date", json_string(d));
			free(d);
		}
	}
	json_object_set_new(ctx, "rows", rows ? rows : json_array());
	json_object_set_new(ctx, "has_rows", json_boolean(json_array_size(rows) > 0));
	json_object_set_new(ctx, "total", json_integer(total));
	json_object_set_new(ctx, "q", json_string(q));
	struct sb qe = SB_INIT;
	sb_add_urlenc(&qe, q, strlen(q));
	json_object_set_new(ctx, "q_url", json_string(qe.buf ? qe.buf : ""));
	sb_release(&qe);
	json_object_set_new(ctx, "segment", json_string(k->segment));
	json_object_set_new(ctx, "label", json_string(kind_tr(req_texts(r), k, NULL)));
	json_object_set_new(ctx, "ident_label", json_string(idf ? kind_tr_field(req_texts(r), k, idf, NULL) : rtr(r, "adm_number")));
	json_object_set_new(ctx, "is_main", json_boolean(strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0));
	if (page > 1)
		json_object_set_new(ctx, "prev", json_integer(page - 1));
	if (page * PER_PAGE < total)
		json_object_set_new(ctx, "next", json_integer(page + 1));
	json_object_set_new(ctx, "page", json_integer(page));
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	if (e)
		admin_errors(r, ctx, e);
	resp_render(r, status, "admin/listings", ctx);
}

static const struct kind *listed_kind(struct req *r)
{
	const struct kind *k = kind_by_segment(r->captures[0]);
	if (!k || !k->nfields) {
		resp_error(r, 404, "not_found");
		return NULL;
	}
	return k;
}

void admin_listings(struct req *r)
{
	const struct kind *k = listed_kind(r);
	if (k)
		listings_render(r, k, 200, NULL);
}

void admin_listing_set(struct req *r)
{
	struct errs e = { 0 };
	int64_t item;
	const struct kind *k = listed_kind(r);
	if (!k)
		return;
	const char *s = req_form(r, "item"), *on = req_form(r, "on");
	int rc = !s || parse_i64(s, 1, INT64_MAX, &item) ? M_NOTFOUND
		 : item_listing_set(r->db, &r->actor, json_integer_value(json_object_get(r->site, "id")), item,
				    on && strcmp(on, "1") == 0, &e);
	if (rc == M_INVALID) {
		listings_render(r, k, 422, &e);
		return;
	}
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	struct sb loc = SB_INIT;
	const char *q = req_form(r, "q");
	sb_addf(&loc, "/quan-tri/liet-ke/%s?da-luu=1", k->segment);
	if (q && *q) {
		sb_adds(&loc, "&q=");
		sb_add_urlenc(&loc, q, strlen(q));
	}
	resp_redirect(r, 303, loc.buf);
	sb_release(&loc);
}
