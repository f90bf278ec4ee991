/* royalties.c — royalties (nhuận bút) in the admin (model/royalty.h, docs/royalties.md): the
 * periods and the site's settings, the genres, the people paid, an item's royalty, a period's
 * statement for the unit or one person (page, print, XLSX), and the publish form's genre and
 * coefficient. Approvers see and set items' royalties; site administrators set the genres, the
 * unit value, the fees and bonus fund, and mark a period paid (the routes say so; the model checks
 * again).
 * WEBPAGE: GET  /quan-tri/nhuan-but                        periods, items without royalty, settings
 * WEBPAGE: POST /quan-tri/nhuan-but                        settings: unit_value, period (month|quarter)
 * WEBPAGE: GET  /quan-tri/nhuan-but/the-loai               the eight genres
 * WEBPAGE: POST /quan-tri/nhuan-but/the-loai               one genre: code, name, max_coef
 * WEBPAGE: GET  /quan-tri/nhuan-but/nguoi                  the people paid (?sua=<id>: the form holds one)
 * WEBPAGE: POST /quan-tri/nhuan-but/nguoi                  adds one, or changes person "id": name, unit,
 *                                                          tax_code, account, username
 * WEBPAGE: GET  /quan-tri/nhuan-but/bai/<id>               an item's royalty
 * WEBPAGE: POST /quan-tri/nhuan-but/bai/<id>               genre, coef, mod_<code>, person_<n>, role_<n>,
 *                                                          share_<n>, note, adjust ("1": a paid period's change)
 * WEBPAGE: GET  /quan-tri/nhuan-but/ky/<id>                a period's statement (?nguoi=<person>: one person's)
 * WEBPAGE: POST /quan-tri/nhuan-but/ky/<id>                unit_value, fee_total, bonus_fund
 * WEBPAGE: POST /quan-tri/nhuan-but/ky/<id>/chi-tra        marks it paid (locked)
 * WEBPAGE: GET  /quan-tri/nhuan-but/ky/<id>/ban-in         the statement to print (?nguoi=)
 * WEBPAGE: GET  /quan-tri/nhuan-but/ky/<id>/bang.xlsx      the statement as a workbook (?nguoi=)
 * WEBPAGE: GET  /quan-tri/nhuan-but/ky/<id>/bang.csv       the same rows as CSV (?nguoi=) */
#include "web/web.h"
#include "base/util.h"
#include "model/royalty.h"
#include "report/table.h"
#include "vn/money.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define SHARE_ROWS 6 /* contributor rows of the item's form */

static int64_t site_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

/* "1.234.000" of the integer at KEY of O, put at KEY_label. */
static void money_label(json_t *o, const char *key)
{
	char buf[32], k[64];
	vn_money_group(json_integer_value(json_object_get(o, key)), buf, sizeof(buf));
	snprintf(k, sizeof(k), "%s_label", key);
	json_object_set_new(o, k, json_string(buf));
}

/* A period's label in the page's language: "Tháng 11/2026", "Quý IV/2026". */
static void period_view(struct req *r, json_t *p)
{
	static const char *const roman[5] = { "", "I", "II", "III", "IV" };
	int64_t num = json_integer_value(json_object_get(p, "num"));
	const char *kind = json_string_value(json_object_get(p, "kind"));
	int quarter = kind && strcmp(kind, "quarter") == 0;
	char lbl[64], u[64];
	if (quarter)
		snprintf(lbl, sizeof(lbl), "%s %s/%lld", rtr(r, "roy_quarter"), roman[num >= 1 && num <= 4 ? num : 0],
			 (long long)json_integer_value(json_object_get(p, "year")));
	else
		snprintf(lbl, sizeof(lbl), "%s %lld/%lld", rtr(r, "roy_month"), (long long)num,
			 (long long)json_integer_value(json_object_get(p, "year")));
	json_object_set_new(p, "label", json_string(lbl));
	snprintf(u, sizeof(u), "/quan-tri/nhuan-but/ky/%lld", (long long)json_integer_value(json_object_get(p, "id")));
	json_object_set_new(p, "url", json_string(u));
	static const char *const keys[] = { "total", "fee_total", "bonus_fund", "unit_value" };
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		money_label(p, keys[i]);
	json_object_set_new(p, "state_label", json_string(rtr(r, json_is_true(json_object_get(p, "paid")) ? "roy_paid" : "roy_open")));
}

static const char *role_label(struct req *r, const char *role)
{
	char key[40];
	snprintf(key, sizeof(key), "roy_role_%s", role ? role : "");
	return rtr(r, key);
}

/* The modifiers applied [{code, key, pct}] as one text: "Tác phẩm dịch 50 %; …". */
static void mods_label(struct req *r, json_t *o)
{
	json_t *m = json_object_get(o, "modifiers"), *x;
	struct sb b = SB_INIT;
	size_t i;
	json_array_foreach(m, i, x) {
		sb_addf(&b, "%s%s %lld %%", b.len ? "; " : "", rtr(r, json_string_value(json_object_get(x, "key"))),
			(long long)json_integer_value(json_object_get(x, "pct")));
	}
	json_object_set_new(o, "modifiers_label", json_string(b.buf));
	sb_release(&b);
}

static void errors_into(struct req *r, json_t *ctx, const struct errs *e)
{
	if (e)
		admin_errors(r, ctx, e);
}

/* ---- the overview and the site's settings ---- */

static void overview_render(struct req *r, int status, json_t *form, const struct errs *e)
{
	json_t *periods = royalty_periods(r->db, &r->actor, site_of(r), time_now());
	json_t *pending = periods ? royalty_items_pending(r->db, &r->actor, site_of(r), 50) : NULL;
	if (!periods || !pending) {
		json_decref(periods);
		admin_model_error(r, M_DENIED);
		return;
	}
	size_t i;
	json_t *x;
	json_array_foreach(periods, i, x)
		period_view(r, x);
	json_array_foreach(pending, i, x) {
		char u[64], when[40] = "";
		snprintf(u, sizeof(u), "/quan-tri/nhuan-but/bai/%lld", (long long)json_integer_value(json_object_get(x, "id")));
		json_object_set_new(x, "url", json_string(u));
		time_format_vn(json_integer_value(json_object_get(x, "published_at")), when, sizeof(when));
		json_object_set_new(x, "published", json_string(when));
	}
	json_t *ctx = admin_ctx(r, rtr(r, "roy_title"));
	json_object_set_new(ctx, "periods", periods);
	json_object_set_new(ctx, "has_periods", json_boolean(json_array_size(periods) > 0));
	json_object_set_new(ctx, "pending", pending);
	json_object_set_new(ctx, "has_pending", json_boolean(json_array_size(pending) > 0));
	json_object_set_new(ctx, "form", json_incref(form));
	errors_into(r, ctx, e);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "roy_saved")));
	resp_render(r, status, "admin/royalties", ctx);
}

/* The settings' form: what was typed, or the stored values. */
static json_t *settings_form(struct req *r, const char *unit, const char *period)
{
	json_t *s = royalty_settings(r->db, site_of(r));
	char buf[32];
	if (!unit)
		unit = vn_money_group(json_integer_value(json_object_get(s, "unit_value")), buf, sizeof(buf));
	if (!period)
		period = json_string_value(json_object_get(s, "period"));
	json_t *f = json_pack("{sssbsb}", "unit_value", unit, "is_month", strcmp(period, "quarter") != 0, "is_quarter",
			      strcmp(period, "quarter") == 0);
	json_decref(s);
	return f;
}

void admin_royalties(struct req *r)
{
	json_t *f = settings_form(r, NULL, NULL);
	overview_render(r, 200, f, NULL);
	json_decref(f);
}

void admin_royalty_settings_save(struct req *r)
{
	struct errs e = { 0 };
	const char *unit = req_form(r, "unit_value"), *period = req_form(r, "period");
	int rc = royalty_settings_set(r->db, &r->actor, site_of(r), unit, period, &e);
	if (rc == M_OK) {
		resp_redirect(r, 303, "/quan-tri/nhuan-but?da-luu=1");
	} else if (rc == M_INVALID) {
		json_t *f = settings_form(r, unit ? unit : "", period ? period : "month");
		overview_render(r, 422, f, &e);
		json_decref(f);
	} else {
		admin_model_error(r, rc);
	}
}

/* ---- genres ---- */

static void genres_render(struct req *r, int status, int code, const char *name, const char *max, const struct errs *e)
{
	json_t *g = royalty_genres(r->db, &r->actor, site_of(r)), *x;
	if (!g) {
		admin_model_error(r, M_DENIED);
		return;
	}
	size_t i;
	json_array_foreach(g, i, x) {
		if (json_integer_value(json_object_get(x, "code")) != code || !e)
			continue;
		/* the row sent comes back as typed, its errors beside its fields */
		json_object_set_new(x, "name", json_string(name ? name : ""));
		json_object_set_new(x, "max_label", json_string(max ? max : ""));
		for (int k = 0; k < e->n; k++) {
			char key[32];
			snprintf(key, sizeof(key), "error_%s", e->e[k].field);
			json_object_set_new(x, key, json_string(rtr(r, e->e[k].key)));
		}
	}
	json_t *ctx = admin_ctx(r, rtr(r, "roy_genres_title"));
	json_object_set_new(ctx, "genres", g);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "roy_saved")));
	resp_render(r, status, "admin/royalty_genres", ctx);
}

void admin_royalty_genres(struct req *r)
{
	genres_render(r, 200, 0, NULL, NULL, NULL);
}

void admin_royalty_genre_save(struct req *r)
{
	struct errs e = { 0 };
	int64_t code = 0;
	const char *c = req_form(r, "code"), *name = req_form(r, "name"), *max = req_form(r, "max_coef");
	int rc = !c || parse_i64(c, 1, ROYALTY_GENRES, &code) ? M_NOTFOUND
		 : royalty_genre_set(r->db, &r->actor, site_of(r), (int)code, name, max, &e);
	if (rc == M_OK)
		resp_redirect(r, 303, "/quan-tri/nhuan-but/the-loai?da-luu=1");
	else if (rc == M_INVALID)
		genres_render(r, 422, (int)code, name, max, &e);
	else
		admin_model_error(r, rc);
}

/* ---- people ---- */

static void people_render(struct req *r, int status, json_t *form, const struct errs *e)
{
	json_t *people = royalty_people(r->db, &r->actor, site_of(r));
	if (!people) {
		admin_model_error(r, M_DENIED);
		return;
	}
	json_t *ctx = admin_ctx(r, rtr(r, "roy_people_title"));
	json_object_set_new(ctx, "people", people);
	json_object_set_new(ctx, "has_people", json_boolean(json_array_size(people) > 0));
	json_object_set_new(ctx, "form", json_incref(form));
	errors_into(r, ctx, e);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "roy_saved")));
	resp_render(r, status, "admin/royalty_people", ctx);
	/* the page shows personal data: never kept by a browser or a proxy */
	resp_header(r, "Cache-Control", "no-store");
}

/* "?sua=<id>": the form holds that person's data, to change it. */
void admin_royalty_people(struct req *r)
{
	int64_t id = req_arg_int(r, "sua", 0, 0, INT64_MAX);
	json_t *f = NULL;
	if (id) {
		json_t *people = royalty_people(r->db, &r->actor, site_of(r)), *p;
		size_t i;
		json_array_foreach(people, i, p)
			if (json_integer_value(json_object_get(p, "id")) == id)
				f = json_deep_copy(p);
		json_decref(people);
	}
	if (!f)
		f = json_object();
	people_render(r, 200, f, NULL);
	json_decref(f);
}

void admin_royalty_person_add(struct req *r)
{
	struct royalty_person_input in = { req_form(r, "name"), req_form(r, "unit"), req_form(r, "tax_code"),
					   req_form(r, "account"), req_form(r, "username") };
	struct errs e = { 0 };
	int64_t id = 0;
	const char *which = req_form(r, "id");
	int rc;
	if (which && *which)
		rc = parse_i64(which, 1, INT64_MAX, &id) ? M_NOTFOUND : royalty_person_update(r->db, &r->actor, site_of(r), id, &in, &e);
	else
		rc = royalty_person_add(r->db, &r->actor, site_of(r), &in, &e, &id);
	if (rc == M_OK) {
		resp_redirect(r, 303, "/quan-tri/nhuan-but/nguoi?da-luu=1");
	} else if (rc == M_INVALID) {
		json_t *f = json_pack("{ssssssssss}", "name", in.name ? in.name : "", "unit", in.unit ? in.unit : "", "tax_code",
				      in.tax_code ? in.tax_code : "", "account", in.account ? in.account : "", "username",
				      in.username ? in.username : "");
		if (which && *which)
			json_object_set_new(f, "id", json_integer(id));
		people_render(r, 422, f, &e);
		json_decref(f);
	} else {
		admin_model_error(r, rc);
	}
}

/* ---- an item's royalty ---- */

/* The genres as a select's options, SELECTED marked. */
static json_t *genre_options(struct req *r, int64_t selected)
{
	json_t *g = royalty_genres(r->db, &r->actor, site_of(r)), *x;
	size_t i;
	json_array_foreach(g, i, x)
		json_object_set_new(x, "selected", json_boolean(json_integer_value(json_object_get(x, "code")) == selected));
	return g ? g : json_array();
}

/* The form as sent into IN (the strings stay the request's) and a view of it to show again. */
static json_t *item_form_read(struct req *r, struct royalty_item_input *in)
{
	int64_t v = 0;
	const char *g = req_form(r, "genre");
	in->genre = g && !parse_i64(g, 1, ROYALTY_GENRES, &v) ? (int)v : 0;
	in->coef = req_form(r, "coef");
	in->note = req_form(r, "note");
	in->adjust = req_form(r, "adjust") && *req_form(r, "adjust");
	json_t *f = json_pack("{sIssss}", "genre", (json_int_t)in->genre, "coef", in->coef ? in->coef : "", "note", in->note ? in->note : "");
	json_t *mods = json_object();
	for (int k = 0; k < ROYALTY_MODS_MAX; k++) {
		char key[32];
		snprintf(key, sizeof(key), "mod_%s", royalty_modifiers[k].code);
		in->mod_pct[k] = req_form(r, key);
		json_object_set_new(mods, royalty_modifiers[k].code, json_string(in->mod_pct[k] ? in->mod_pct[k] : ""));
	}
	json_object_set_new(f, "mods", mods);
	json_t *rows = json_array();
	in->shares_given = req_form(r, "shares_given") != NULL;
	for (int i = 0; i < SHARE_ROWS; i++) {
		char kp[16], kr[16], ks[16];
		snprintf(kp, sizeof(kp), "person_%d", i);
		snprintf(kr, sizeof(kr), "role_%d", i);
		snprintf(ks, sizeof(ks), "share_%d", i);
		const char *p = req_form(r, kp), *role = req_form(r, kr), *share = req_form(r, ks);
		int64_t pid = 0;
		json_array_append_new(rows, json_pack("{sIssss}", "person_id", (json_int_t)(p && !parse_i64(p, 1, INT64_MAX, &pid) ? pid : 0),
						      "role", role ? role : "", "share", share ? share : ""));
		if (!p || !*p)
			continue;
		if (in->nshares < ROYALTY_SHARES_MAX) {
			in->shares[in->nshares].person_id = pid ? pid : -1;
			in->shares[in->nshares].role = role;
			in->shares[in->nshares].share = share;
			in->nshares++;
		}
	}
	json_object_set_new(f, "rows", rows);
	return f;
}

/* FORM (item_form_read's shape) from what is stored. */
static json_t *item_form_stored(json_t *item)
{
	json_t *en = json_object_get(item, "entry");
	json_t *f = json_pack("{sIssss}", "genre", (json_int_t)json_integer_value(json_object_get(en, "genre")), "coef",
			      en ? json_string_value(json_object_get(en, "coef_label")) : "", "note", "");
	json_t *mods = json_object(), *x;
	size_t i;
	json_array_foreach(json_object_get(en, "modifiers"), i, x) {
		char pct[16];
		snprintf(pct, sizeof(pct), "%lld", (long long)json_integer_value(json_object_get(x, "pct")));
		json_object_set_new(mods, json_string_value(json_object_get(x, "code")), json_string(pct));
	}
	json_object_set_new(f, "mods", mods);
	json_t *rows = json_array();
	json_array_foreach(json_object_get(item, "shares"), i, x)
		json_array_append_new(rows, json_pack("{sOsOsO}", "person_id", json_object_get(x, "person_id"), "role",
						      json_object_get(x, "role"), "share", json_object_get(x, "share_label")));
	json_object_set_new(f, "rows", rows);
	return f;
}

static void item_render(struct req *r, int64_t id, int status, json_t *form, const struct errs *e)
{
	json_t *item = royalty_item_get(r->db, &r->actor, site_of(r), id);
	if (!item) {
		json_t *g = royalty_genres(r->db, &r->actor, site_of(r));
		admin_model_error(r, g ? M_NOTFOUND : M_DENIED);
		json_decref(g);
		return;
	}
	json_t *own = form ? NULL : item_form_stored(item);
	if (!form)
		form = own;
	json_t *en = json_object_get(item, "entry"), *x;
	size_t i;
	if (en) {
		money_label(en, "amount");
		mods_label(r, en);
	}
	json_array_foreach(json_object_get(item, "adjustments"), i, x)
		money_label(x, "amount");
	json_array_foreach(json_object_get(item, "shares"), i, x) {
		money_label(x, "amount");
		json_object_set_new(x, "role_label", json_string(role_label(r, json_string_value(json_object_get(x, "role")))));
	}
	json_object_set_new(item, "has_adjustments", json_boolean(json_array_size(json_object_get(item, "adjustments")) > 0));
	json_object_set_new(item, "has_shares", json_boolean(json_array_size(json_object_get(item, "shares")) > 0));
	/* the modifiers with their ranges and what was typed */
	json_t *mods = json_array();
	for (int k = 0; k < ROYALTY_MODS_MAX; k++) {
		const struct royalty_modifier *m = &royalty_modifiers[k];
		char field[32], range[64];
		snprintf(field, sizeof(field), "mod_%s", m->code);
		snprintf(range, sizeof(range), "%s%d–%d %%", m->replaces ? "" : "+", m->min_pct, m->max_pct);
		json_t *o = json_pack("{ssssssssss}", "code", m->code, "field", field, "label", rtr(r, m->key), "range", range, "value",
				      json_string_value(json_object_get(json_object_get(form, "mods"), m->code)) ?
					      json_string_value(json_object_get(json_object_get(form, "mods"), m->code)) : "");
		for (int j = 0; e && j < e->n; j++)
			if (strcmp(e->e[j].field, field) == 0)
				json_object_set_new(o, "error", json_string(rtr(r, e->e[j].key)));
		json_array_append_new(mods, o);
	}
	/* the contributors' rows: people and roles as options */
	json_t *people = royalty_people(r->db, &r->actor, site_of(r)), *rows = json_array();
	for (int k = 0; k < SHARE_ROWS; k++) {
		json_t *sent = json_array_get(json_object_get(form, "rows"), (size_t)k);
		int64_t pid = json_integer_value(json_object_get(sent, "person_id"));
		const char *role = json_string_value(json_object_get(sent, "role"));
		json_t *popts = json_array(), *ropts = json_array(), *p;
		json_array_foreach(people, i, p) {
			json_array_append_new(popts, json_pack("{sOsOsb}", "id", json_object_get(p, "id"), "name", json_object_get(p, "name"),
							       "selected", json_integer_value(json_object_get(p, "id")) == pid));
		}
		for (size_t q = 0; q < 4; q++)
			json_array_append_new(ropts, json_pack("{sssssb}", "code", royalty_roles[q], "label", role_label(r, royalty_roles[q]),
							       "selected", role && strcmp(role, royalty_roles[q]) == 0));
		json_array_append_new(rows, json_pack("{sisososs}", "n", k, "people", popts, "roles", ropts, "share",
						      json_string_value(json_object_get(sent, "share")) ? json_string_value(json_object_get(sent, "share")) : ""));
	}
	json_decref(people);
	char title[512];
	snprintf(title, sizeof(title), "%s: %s", rtr(r, "roy_item_title"), json_string_value(json_object_get(item, "title")));
	json_t *ctx = admin_ctx(r, title);
	json_object_set_new(ctx, "item", item);
	json_object_set_new(ctx, "genres", genre_options(r, json_integer_value(json_object_get(form, "genre"))));
	json_object_set_new(ctx, "mods", mods);
	json_object_set_new(ctx, "rows", rows);
	json_object_set(ctx, "form", form);
	json_object_set_new(ctx, "locked", json_boolean(en && json_is_true(json_object_get(en, "locked"))));
	errors_into(r, ctx, e);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "roy_saved")));
	resp_render(r, status, "admin/royalty_item", ctx);
	json_decref(own);
}

void admin_royalty_item(struct req *r)
{
	int64_t id = admin_capture_id(r);
	if (id < 0) {
		resp_error(r, 404, "article_not_found");
		return;
	}
	item_render(r, id, 200, NULL, NULL);
}

void admin_royalty_item_save(struct req *r)
{
	int64_t id = admin_capture_id(r);
	if (id < 0) {
		resp_error(r, 404, "article_not_found");
		return;
	}
	struct royalty_item_input in = { 0 };
	struct errs e = { 0 };
	json_t *f = item_form_read(r, &in);
	int rc = royalty_item_set(r->db, &r->actor, site_of(r), id, &in, &e);
	if (rc == M_OK) {
		char u[80];
		snprintf(u, sizeof(u), "/quan-tri/nhuan-but/bai/%lld?da-luu=1", (long long)id);
		resp_redirect(r, 303, u);
	} else if (rc == M_INVALID) {
		item_render(r, id, 422, f, &e);
	} else {
		admin_model_error(r, rc);
	}
	json_decref(f);
}

/* ---- the publish form (web/admin/articles.c) ---- */

void royalty_publish_fields(struct req *r, json_t *action)
{
	const char *g = req_form(r, "nb_genre");
	int64_t sel = 0;
	if (g)
		parse_i64(g, 1, ROYALTY_GENRES, &sel);
	json_t *genres = royalty_genres(r->db, &r->actor, site_of(r)), *x;
	size_t i;
	if (!genres)
		return; /* not an approver: no royalty to give */
	json_array_foreach(genres, i, x)
		json_object_set_new(x, "selected", json_boolean(json_integer_value(json_object_get(x, "code")) == sel));
	json_object_set_new(action, "nb_genres", genres);
	json_object_set_new(action, "nb_coef", json_string(req_form(r, "nb_coef") ? req_form(r, "nb_coef") : ""));
	json_object_set_new(action, "has_royalty", json_true());
}

int royalty_publish_given(struct req *r)
{
	const char *g = req_form(r, "nb_genre"), *c = req_form(r, "nb_coef");
	return (g && *g) || (c && *c);
}

int royalty_publish_save(struct req *r, int64_t item_id, const struct act_input *act, struct errs *e)
{
	struct royalty_item_input in = { 0 };
	int64_t v = 0;
	const char *g = req_form(r, "nb_genre");
	in.genre = g && !parse_i64(g, 1, ROYALTY_GENRES, &v) ? (int)v : 0;
	in.coef = req_form(r, "nb_coef");
	int rc = royalty_publish(r->db, &r->actor, site_of(r), item_id, act, &in, e);
	/* the publish form names the royalty's fields nb_genre and nb_coef */
	for (int i = 0; i < e->n; i++) {
		if (strcmp(e->e[i].field, "genre") == 0)
			e->e[i].field = "nb_genre";
		else if (strcmp(e->e[i].field, "coef") == 0)
			e->e[i].field = "nb_coef";
	}
	return rc;
}

/* ---- a period's statement ---- */

/* The statement of the period in the path for the unit, or the person of "?nguoi=", with its
 * view data; NULL after answering. */
static json_t *statement_load(struct req *r, int64_t *period_id, int64_t *person_id)
{
	*period_id = admin_capture_id(r);
	*person_id = req_arg_int(r, "nguoi", 0, 0, INT64_MAX);
	json_t *s = *period_id > 0 ? royalty_statement(r->db, &r->actor, site_of(r), *period_id, *person_id) : NULL;
	if (!s) {
		json_t *g = royalty_genres(r->db, &r->actor, site_of(r));
		admin_model_error(r, g ? M_NOTFOUND : M_DENIED);
		json_decref(g);
		return NULL;
	}
	json_t *x;
	size_t i;
	period_view(r, json_object_get(s, "period"));
	json_array_foreach(json_object_get(s, "entries"), i, x) {
		money_label(x, "amount");
		money_label(x, "part");
		mods_label(r, x);
		char u[64];
		snprintf(u, sizeof(u), "/quan-tri/nhuan-but/bai/%lld", (long long)json_integer_value(json_object_get(x, "item_id")));
		json_object_set_new(x, "url", json_string(u));
	}
	json_array_foreach(json_object_get(s, "people"), i, x) {
		char u[96];
		money_label(x, "total");
		snprintf(u, sizeof(u), "/quan-tri/nhuan-but/ky/%lld?nguoi=%lld", (long long)*period_id,
			 (long long)json_integer_value(json_object_get(x, "person_id")));
		json_object_set_new(x, "url", json_string(u));
	}
	json_array_foreach(json_object_get(s, "units"), i, x)
		money_label(x, "total"); /* its people are the people above, labelled there */
	static const char *const keys[] = { "total", "unassigned", "period_total", "fee_cap", "bonus_cap" };
	for (size_t k = 0; k < ARRAY_SIZE(keys); k++)
		money_label(s, keys[k]);
	json_object_set_new(s, "has_entries", json_boolean(json_array_size(json_object_get(s, "entries")) > 0));
	json_object_set_new(s, "has_people", json_boolean(json_array_size(json_object_get(s, "people")) > 0));
	json_object_set_new(s, "has_units", json_boolean(json_array_size(json_object_get(s, "units")) > 0));
	json_object_set_new(s, "has_unassigned", json_boolean(json_integer_value(json_object_get(s, "unassigned")) != 0));
	json_object_set_new(s, "is_person", json_boolean(*person_id > 0));
	char q[48] = "";
	if (*person_id)
		snprintf(q, sizeof(q), "?nguoi=%lld", (long long)*person_id);
	json_object_set_new(s, "query", json_string(q));
	return s;
}

static void period_render(struct req *r, int status, json_t *form, const struct errs *e)
{
	int64_t id, person;
	json_t *s = statement_load(r, &id, &person);
	if (!s)
		return;
	json_t *p = json_object_get(s, "period");
	char title[128];
	snprintf(title, sizeof(title), "%s — %s", rtr(r, "roy_statement_title"), json_string_value(json_object_get(p, "label")));
	json_t *ctx = admin_ctx(r, title);
	json_object_set_new(ctx, "st", s);
	if (!form) {
		json_t *f = json_pack("{sOsOsO}", "unit_value", json_object_get(p, "unit_value_label"), "fee_total",
				      json_object_get(p, "fee_total_label"), "bonus_fund", json_object_get(p, "bonus_fund_label"));
		json_object_set_new(ctx, "form", f);
	} else {
		json_object_set(ctx, "form", form);
	}
	errors_into(r, ctx, e);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "roy_saved")));
	resp_render(r, status, "admin/royalty_period", ctx);
	resp_header(r, "Cache-Control", "no-store");
}

void admin_royalty_period(struct req *r)
{
	period_render(r, 200, NULL, NULL);
}

void admin_royalty_period_save(struct req *r)
{
	struct errs e = { 0 };
	int64_t id = admin_capture_id(r);
	const char *unit = req_form(r, "unit_value"), *fee = req_form(r, "fee_total"), *bonus = req_form(r, "bonus_fund");
	int rc = id < 0 ? M_NOTFOUND : royalty_period_set(r->db, &r->actor, site_of(r), id, unit, fee, bonus, &e);
	if (rc == M_OK) {
		char u[80];
		snprintf(u, sizeof(u), "/quan-tri/nhuan-but/ky/%lld?da-luu=1", (long long)id);
		resp_redirect(r, 303, u);
	} else if (rc == M_INVALID) {
		json_t *f = json_pack("{ssssss}", "unit_value", unit ? unit : "", "fee_total", fee ? fee : "", "bonus_fund", bonus ? bonus : "");
		period_render(r, 422, f, &e);
		json_decref(f);
	} else {
		admin_model_error(r, rc);
	}
}

void admin_royalty_period_pay(struct req *r)
{
	struct errs e = { 0 };
	int64_t id = admin_capture_id(r);
	int rc = id < 0 ? M_NOTFOUND : royalty_period_pay(r->db, &r->actor, site_of(r), id, &e);
	if (rc == M_OK) {
		char u[80];
		snprintf(u, sizeof(u), "/quan-tri/nhuan-but/ky/%lld?da-luu=1", (long long)id);
		resp_redirect(r, 303, u);
	} else if (rc == M_INVALID) {
		period_render(r, 422, NULL, &e);
	} else {
		admin_model_error(r, rc);
	}
}

void admin_royalty_period_print(struct req *r)
{
	int64_t id, person;
	json_t *s = statement_load(r, &id, &person);
	if (!s)
		return;
	json_t *ctx = admin_ctx(r, rtr(r, "roy_statement_title"));
	json_object_set_new(ctx, "st", s);
	char today[16];
	time_format_vn_date(time_now(), today, sizeof(today));
	json_object_set_new(ctx, "today", json_string(today));
	resp_render(r, 200, "admin/royalty_print", ctx);
	resp_header(r, "Cache-Control", "no-store");
}

/* The statement as a table (the workbook's and the CSV's rows): the entries; for the unit's
 * statement, each payee's total, then each work unit's total (the payees grouped by their own
 * unit); then the total in figures and in words. */
static void statement_table(struct req *r, json_t *s, int64_t person, struct table *t)
{
	json_t *p = json_object_get(s, "period"), *x;
	size_t i;
	table_init(t, json_string_value(json_object_get(p, "label")));
	table_add_column(t, rtr(r, "roy_col_item"), TABLE_TEXT);
	table_add_column(t, rtr(r, "roy_col_genre"), TABLE_TEXT);
	table_add_column(t, rtr(r, "roy_col_coef"), TABLE_NUMBER);
	table_add_column(t, rtr(r, "roy_col_modifiers"), TABLE_TEXT);
	table_add_column(t, rtr(r, person ? "roy_col_part" : "roy_col_amount"), TABLE_INTEGER);
	json_array_foreach(json_object_get(s, "entries"), i, x) {
		char coef[24], amount[24];
		snprintf(coef, sizeof(coef), "%s", json_string_value(json_object_get(x, "coef_label")));
		for (char *c = coef; *c; c++)
			if (*c == ',')
				*c = '.';
		snprintf(amount, sizeof(amount), "%lld", (long long)json_integer_value(json_object_get(x, "part")));
		const char *cells[] = { json_string_value(json_object_get(x, "title")), json_string_value(json_object_get(x, "genre_name")),
					coef, json_string_value(json_object_get(x, "modifiers_label")), amount };
		table_add_row(t, cells);
	}
	json_array_foreach(json_object_get(s, "people"), i, x) {
		char amount[24];
		snprintf(amount, sizeof(amount), "%lld", (long long)json_integer_value(json_object_get(x, "total")));
		const char *cells[] = { json_string_value(json_object_get(x, "name")), rtr(r, "roy_col_person_total"), NULL,
					json_string_value(json_object_get(x, "total_words")), amount };
		table_add_row(t, cells);
	}
	json_array_foreach(json_object_get(s, "units"), i, x) {
		char amount[24];
		const char *unit = json_string_value(json_object_get(x, "unit"));
		snprintf(amount, sizeof(amount), "%lld", (long long)json_integer_value(json_object_get(x, "total")));
		const char *cells[] = { *unit ? unit : rtr(r, "roy_unit_none"), rtr(r, "roy_col_unit_total"), NULL,
					json_string_value(json_object_get(x, "total_words")), amount };
		table_add_row(t, cells);
	}
	char total[24];
	snprintf(total, sizeof(total), "%lld", (long long)json_integer_value(json_object_get(s, "total")));
	const char *cells[] = { rtr(r, "roy_total"), NULL, NULL, json_string_value(json_object_get(s, "total_words")), total };
	table_add_row(t, cells);
}

/* The statement downloaded: HOW is "xlsx" or "csv". */
static void statement_send(struct req *r, const char *how)
{
	int64_t id, person;
	json_t *s = statement_load(r, &id, &person);
	if (!s)
		return;
	struct table t;
	statement_table(r, s, person, &t);
	char name[64];
	snprintf(name, sizeof(name), "nhuan-but-ky-%lld%s", (long long)id, person ? "-ca-nhan" : "");
	web_send_table(r, &t, how, name);
	table_release(&t);
	json_decref(s);
}

void admin_royalty_period_xlsx(struct req *r)
{
	statement_send(r, "xlsx");
}

void admin_royalty_period_csv(struct req *r)
{
	statement_send(r, "csv");
}
