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
#include "model/kind.h"
#include "model/item.h"
#include "model/import.h"
#include "base/sb.h"
#include "base/util.h"
#include "render/diff.h"
#include "render/sanitize.h"

#include <stddef.h>
#include <string.h>

#include "base/banned.h"

#define PER_PAGE 30

static json_int_t site_id_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

/* The kind a request is about: the item's own (KIND_OF, when it exists), else the one its
 * path names ("/quan-tri/van-ban/moi"), else news ("/quan-tri/bai-viet/…"). NULL: the path names
 * no kind. */
static const struct kind *req_kind(struct req *r, json_t *item)
{
	if (item)
		return kind_find(json_string_value(json_object_get(item, "kind")));
	if (r->captures[0] && r->captures[1])
		return kind_by_segment(r->captures[0]);
	if (r->captures[0] && strncmp(r->path, "/quan-tri/bai-viet/", 19) != 0) /* "/quan-tri/<kind>/moi" */
		return kind_by_segment(r->captures[0]);
	return kind_find("article");
}

/* "/quan-tri/bai-viet" for news, "/quan-tri/<segment>" for every other kind. */
static void add_base(struct sb *b, const struct kind *k)
{
	sb_adds(b, "/quan-tri/");
	sb_adds(b, strcmp(k->name, "article") == 0 ? "bai-viet" : k->segment);
}

/* Sets O's input for field F named NAME with value V (the form's or the stored one): the input
 * kind and what it needs. FILES: the site's library (for file fields), loaded once by the caller. */
static void field_input(struct req *r, const struct kind *k, const struct kind_field *f, const char *name, json_t *v,
			json_t *files, json_t *o)
{
	char *text = NULL;
	if (json_is_array(v) || f->type == F_DATE || (json_is_integer(v) && f->type != F_FILE)) {
		text = kind_value_text(f, v); /* a list as "a; b", a date as dd/mm/yyyy */
		v = NULL;
	}
	json_object_set_new(o, "name", json_string(name));
	const char *help = kind_tr_field(req_texts(r), k, f, ".help");
	json_object_set_new(o, "label", json_string(kind_tr_field(req_texts(r), k, f, NULL)));
	json_object_set_new(o, "required", json_boolean(f->flags & FF_REQUIRED));
	/* always set: a table's cell must not find its table's help (or error) up the context */
	json_object_set_new(o, "help", help ? json_string(help) : json_null());
	if (!json_object_get(o, "error"))
		json_object_set_new(o, "error", json_null());
	if (f->type == F_FILE) {
		/* a file of the library, chosen, or uploaded with the form */
		int64_t chosen = json_is_integer(v) ? json_integer_value(v) : 0;
		if (!chosen && json_is_string(v))
			parse_i64(json_string_value(v), 1, INT64_MAX, &chosen);
		json_t *choices = json_array(), *m;
		size_t i;
		json_array_foreach(files, i, m) {
			if (!kind_file_accepts(f->accept, json_string_value(json_object_get(m, "mime"))))
				continue;
			const char *title = json_string_value(json_object_get(m, "title"));
			json_array_append_new(choices, json_pack("{sIsssb}", "id", json_integer_value(json_object_get(m, "id")),
								 "label", title && *title ? title : json_string_value(json_object_get(m, "orig_name")),
								 "selected", json_integer_value(json_object_get(m, "id")) == chosen));
		}
		json_object_set_new(o, "files", choices);
		json_object_set_new(o, "is_file", json_true());
		char up[160];
		snprintf(up, sizeof(up), "%s__tep", name);
		json_object_set_new(o, "upload", json_string(up));
		if (f->accept) {
			struct sb acc = SB_INIT; /* the browser's picker: "video/ *" for "video/" */
			for (const char *p = f->accept; *p;) {
				size_t n = strcspn(p, ";");
				if (acc.len)
					sb_addc(&acc, ',');
				sb_add(&acc, p, n);
				if (n && p[n - 1] == '/')
					sb_addc(&acc, '*');
				p += n;
				if (*p)
					p++;
			}
			json_object_set_new(o, "accept", json_string(acc.buf ? acc.buf : ""));
			sb_release(&acc);
		}
		return;
	}
	json_object_set_new(o, "value", json_string(text ? text : json_string_value(v) ? json_string_value(v) : ""));
	free(text);
	/* dates as people write them (dd/mm/yyyy), in a text box that keeps whatever was typed */
	const char *input = f->type == F_URL ? "url" : "text";
	if (f->autocomplete) {
		json_object_set_new(o, "autocomplete", json_string(f->autocomplete));
		if (strcmp(f->autocomplete, "email") == 0 || strcmp(f->autocomplete, "tel") == 0)
			input = f->autocomplete;
	}
	if (f->type == F_DATE)
		json_object_set_new(o, "placeholder", json_string("dd/mm/yyyy"));
	if (f->type == F_TIME)
		json_object_set_new(o, "placeholder", json_string("hh:mm"));
	if (f->type == F_LONGTEXT || f->type == F_REF || f->type == F_TAGS) {
		json_object_set_new(o, "is_textarea", json_true());
		json_object_set_new(o, "tall", json_boolean(f->type == F_LONGTEXT && f->max >= 1000));
	}
	else if (f->type == F_ENUM && !(f->flags & FF_OPEN)) {
		json_t *choices = json_array();
		for (const struct kind_choice *c = f->choices; c->key; c++)
			json_array_append_new(choices, json_pack("{sssssb}", "key", c->key, "label",
								 kind_tr_choice(req_texts(r), k, f, c->key), "selected",
								 json_string_value(v) && strcmp(json_string_value(v), c->key) == 0));
		json_object_set_new(o, "choices", choices);
		json_object_set_new(o, "is_select", json_true());
	} else {
		if (f->type == F_ENUM) { /* open: suggestions, any value */
			json_t *choices = json_array();
			for (const struct kind_choice *c = f->choices; c->key; c++)
				json_array_append_new(choices, json_pack("{ss}", "label", c->label)); /* stored as typed: Vietnamese */
			/* the values this site has added to the list, offered like the others */
			json_t *used = (f->flags & FF_FILTER) ? item_term_values(r->db, json_integer_value(json_object_get(r->site, "id")),
										 k->name, f->key) : NULL;
			size_t ui;
			json_t *u;
			json_array_foreach(used, ui, u) {
				const char *val = json_string_value(json_object_get(u, "value"));
				if (val && !kind_choice_known(f, val))
					json_array_append_new(choices, json_pack("{ss}", "label", val));
			}
			json_decref(used);
			json_object_set_new(o, "suggestions", choices);
			json_object_set_new(o, "has_suggestions", json_true());
		}
		json_object_set_new(o, "is_input", json_true());
		json_object_set_new(o, "input", json_string(input));
		if (f->type == F_INT || f->type == F_MONEY)
			json_object_set_new(o, "inputmode", json_string("numeric"));
		if (f->max && f->type != F_TAGS && f->type != F_REF)
			json_object_set_new(o, "max", json_integer((json_int_t)f->max));
	}
}

/* Blank rows a table's form offers beyond its filled ones (to add more: save, and there are
 * as many again). */
#define ROWS_BLANK 3

/* The kind's own fields as the form shows them: label, value (FORM's), error, input type; a
 * table as its rows of cells, each cell an input named "<field>.<row>.<column>". */
json_t *kind_form_fields(struct req *r, const struct kind *k, json_t *form, json_t *errors)
{
	json_t *list = json_array(), *files = NULL;
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kind_field *f = &k->fields[i];
		int wants_files = f->type == F_FILE;
		for (size_t j = 0; f->type == F_ROWS && j < f->nsub; j++)
			wants_files |= f->sub[j].type == F_FILE;
		if (wants_files && !files)
			files = media_list(r->db, &r->actor, site_id_of(r), NULL, 500, 0, NULL);
	}
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kind_field *f = &k->fields[i];
		json_t *v = json_object_get(form, f->key), *o = json_object();
		json_object_set_new(o, "key", json_string(f->key));
		json_t *err = json_object_get(errors, f->key);
		if (err)
			json_object_set(o, "error", err);
		if (f->type != F_ROWS) {
			field_input(r, k, f, f->key, v, files, o);
			json_array_append_new(list, o);
			continue;
		}
		const char *help = kind_tr_field(req_texts(r), k, f, ".help");
		json_object_set_new(o, "label", json_string(kind_tr_field(req_texts(r), k, f, NULL)));
		json_object_set_new(o, "required", json_boolean(f->flags & FF_REQUIRED));
		if (help)
			json_object_set_new(o, "help", json_string(help));
		json_object_set_new(o, "is_rows", json_true());
		json_t *cols = json_array(), *rows = json_array();
		for (size_t j = 0; j < f->nsub; j++)
			json_array_append_new(cols, json_pack("{sssb}", "label", kind_tr_field(req_texts(r), k, &f->sub[j], NULL), "required",
							      (f->sub[j].flags & FF_REQUIRED) != 0));
		size_t filled = json_is_array(v) ? json_array_size(v) : 0;
		size_t n = filled + ROWS_BLANK > f->max ? (filled > f->max ? filled : f->max) : filled + ROWS_BLANK;
		for (size_t row = 0; row < n; row++) {
			json_t *rv = json_array_get(v, row), *cells = json_array();
			for (size_t j = 0; j < f->nsub; j++) {
				char name[160];
				snprintf(name, sizeof(name), "%s.%zu.%s", f->key, row, f->sub[j].key);
				json_t *c = json_object();
				field_input(r, k, &f->sub[j], name, json_object_get(rv, f->sub[j].key), files, c);
				/* a required column is required of a row with values (the model checks): a
				 * blank row's cell must not stop the browser from sending the form */
				json_object_set_new(c, "required", json_false());
				json_t *cerr = json_object_get(errors, name);
				/* false, not absent: nor its table's error */
				json_object_set(c, "error", cerr ? cerr : json_false());
				json_array_append_new(cells, c);
			}
			json_array_append_new(rows, json_pack("{sIso}", "n", (json_int_t)row + 1, "cells", cells));
		}
		json_object_set_new(o, "columns", cols);
		json_object_set_new(o, "rows", rows);
		json_array_append_new(list, o);
	}
	json_decref(files);
	return list;
}

/* A file field's value from the form: the library file chosen, or the one uploaded with it
 * (stored in the library now, so a refused form keeps it chosen). */
static json_t *form_file(struct req *r, const struct kind_field *table, size_t row, const struct kind_field *f,
			 struct errs *e)
{
	char name[160];
	if (table)
		snprintf(name, sizeof(name), "%s.%zu.%s", table->key, row, f->key);
	else
		snprintf(name, sizeof(name), "%s", f->key);
	char up[200];
	snprintf(up, sizeof(up), "%s__tep", name);
	const struct field *file = req_file(r, up);
	if (file && file->value.len) {
		struct errs fe = { 0 };
		int64_t mid;
		if (media_store_file(r->db, r->app->data_dir, &r->actor, site_id_of(r), file->value.buf, file->value.len,
				     file->filename, NULL, NULL, &fe, &mid) == M_OK) {
			char num[32];
			snprintf(num, sizeof(num), "%lld", (long long)mid);
			return json_string(num);
		}
		for (int i = 0; i < fe.n; i++) { /* the library's reason, under this field */
			if (table)
				errs_add_cell(e, table->key, row, f->key, fe.e[i].key);
			else
				errs_add(e, f->key, fe.e[i].key);
		}
	}
	const char *v = req_form(r, name);
	return json_string(v ? v : "");
}

/* The kind's fields as the form sent them: strings, a table as an array of row objects. */
json_t *kind_form_raw(struct req *r, const struct kind *k, struct errs *e)
{
	json_t *raw = json_object();
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kind_field *f = &k->fields[i];
		if (f->type == F_FILE) {
			json_object_set_new(raw, f->key, form_file(r, NULL, 0, f, e));
		} else if (f->type == F_ROWS) {
			json_t *rows = json_array();
			/* the rows the form showed: as many as were filled, and the blank ones */
			for (size_t row = 0; row < f->max + ROWS_BLANK; row++) {
				json_t *o = json_object();
				int seen = 0;
				for (size_t j = 0; j < f->nsub; j++) {
					char name[160];
					snprintf(name, sizeof(name), "%s.%zu.%s", f->key, row, f->sub[j].key);
					const char *s = req_form(r, name);
					seen |= s != NULL;
					if (f->sub[j].type == F_FILE) {
						json_t *v = form_file(r, f, row, &f->sub[j], e);
						seen |= *json_string_value(v) != 0;
						json_object_set_new(o, f->sub[j].key, v);
					} else {
						json_object_set_new(o, f->sub[j].key, json_string(s ? s : ""));
					}
				}
				if (!seen) {
					json_decref(o);
					break;
				}
				json_array_append_new(rows, o);
			}
			json_object_set_new(raw, f->key, rows);
		} else {
			const char *v = req_form(r, f->key);
			json_object_set_new(raw, f->key, json_string(v ? v : ""));
		}
	}
	return raw;
}

static const struct {
	const char *slug, *label;
	enum article_filter f;
} tabs[] = {
	{ "cho-toi", "adm_tab_waiting", AF_WAITING_FOR_ME },
	{ "nhap", "adm_tab_drafts", AF_MINE_DRAFTS },
	{ "tra-lai", "adm_tab_returned", AF_RETURNED_TO_ME },
	{ "hen-gio", "adm_tab_scheduled", AF_SCHEDULED },
	{ "tat-ca", "adm_tab_all", AF_ALL },
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
	for (i = 0; loc && i < ARRAY_SIZE(tabs); i++)
		if (strcmp(loc, tabs[i].slug) == 0)
			tab = i;
	page = req_arg_int(r, "trang", 1, 1, 100000);
	/* ?loai=<segment>: one kind's items (the menu's "Văn bản"); none: every kind's */
	const char *seg = req_arg(r, "loai");
	const struct kind *k = seg ? kind_by_segment(seg) : NULL;
	if (seg && !k) {
		resp_error(r, 404, "not_found");
		return;
	}
	json_t *ctx = admin_ctx(r, k ? kind_tr(req_texts(r), k, NULL) : rtr(r, "adm_nav_articles"));
	json_t *backup_alert = admin_backup_alert(r); /* shown until a later backup succeeds */
	if (backup_alert)
		json_object_set_new(ctx, "backup_alert", backup_alert);
	const struct kind *nk = k ? k : kind_find("article");
	struct sb nu = SB_INIT;
	add_base(&nu, nk);
	sb_adds(&nu, "/moi");
	json_object_set_new(ctx, "new_url", json_string(nu.buf));
	json_object_set_new(ctx, "new_label", json_string(rtr(r, k && strcmp(k->name, "article") ? "adm_add_new" : "adm_nav_new_article")));
	if (k && k->nfields && strcmp(json_string_value(json_object_get(r->site, "kind")), "main") != 0) {
		struct sb lu = SB_INIT; /* a component site lists the main portal's documents */
		sb_addf(&lu, "/quan-tri/liet-ke/%s", k->segment);
		json_object_set_new(ctx, "listing_url", json_string(lu.buf));
		sb_release(&lu);
	}
	/* a kind with fields can come from a CSV file (web/admin/import.c), for those who may */
	if (k && k->nfields && item_import_allowed(r->db, &r->actor, site_id_of(r))) {
		sb_reset(&nu);
		sb_addf(&nu, "/quan-tri/nhap/%s", k->segment);
		json_object_set_new(ctx, "import_url", json_string(nu.buf));
	}
	sb_release(&nu);
	json_t *list = json_array();
	for (i = 0; i < ARRAY_SIZE(tabs); i++) {
		int64_t n;
		json_decref(article_list_admin(r->db, &r->actor, site_id_of(r), tabs[i].f, k ? k->name : NULL, 0, 0, &n));
		struct sb u = SB_INIT;
		sb_addf(&u, "/quan-tri/?loc=%s", tabs[i].slug);
		if (k)
			sb_addf(&u, "&loai=%s", k->segment);
		json_array_append_new(list, json_pack("{sssssIsb}", "label", rtr(r, tabs[i].label), "url", u.buf, "count", (json_int_t)n,
						      "current", i == tab));
		sb_release(&u);
	}
	json_object_set_new(ctx, "tabs", list);
	json_t *rows = article_list_admin(r->db, &r->actor, site_id_of(r), tabs[tab].f, k ? k->name : NULL, PER_PAGE,
					  (page - 1) * PER_PAGE, &total);
	json_t *a;
	json_array_foreach(rows, i, a) {
		const char *st = json_string_value(json_object_get(a, "state"));
		json_object_set_new(a, "state_label", json_string(article_state_text(req_texts(r), json_string_value(json_object_get(a, "wstate")))));
		json_object_set_new(a, "published", json_boolean(strcmp(st, "published") == 0));
		json_object_set_new(a, "has_change", json_boolean(json_is_string(json_object_get(a, "change_state"))));
		set_time(a, "updated", json_object_get(a, "updated_at"));
		set_time(a, "scheduled", json_object_get(a, "scheduled_at"));
		const struct kind *ak = kind_find(json_string_value(json_object_get(a, "kind")));
		struct sb eu = SB_INIT;
		add_base(&eu, ak ? ak : kind_find("article"));
		sb_addf(&eu, "/%lld", (long long)json_integer_value(json_object_get(a, "id")));
		json_object_set_new(a, "edit_url", json_string(eu.buf));
		if (ak && strcmp(ak->name, "article") != 0)
			json_object_set_new(a, "kind_label", json_string(kind_tr(req_texts(r), ak, NULL)));
		sb_release(&eu);
		char *p = web_article_path(a);
		json_object_set_new(a, "public_url", json_string(p));
		free(p);
	}
	json_object_set_new(ctx, "tab_label", json_string(rtr(r, tabs[tab].label)));
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
	if (req_arg(r, "doi-mat-khau")) {
		json_object_set_new(ctx, "notice", json_string(rtr(r, "password_changed")));
	} else if (k && req_arg(r, "da-nhap")) { /* after an import (web/admin/import.c) */
		struct sb n = SB_INIT;
		sb_addf(&n, "%s %lld %s %s, %lld %s, %lld %s.", rtr(r, "adm_imported"),
			(long long)req_arg_int(r, "moi", 0, 0, INT64_MAX), kind_tr(req_texts(r), k, "one"), rtr(r, "adm_imported_new"),
			(long long)req_arg_int(r, "thay-doi", 0, 0, INT64_MAX), rtr(r, "adm_imported_changed"),
			(long long)req_arg_int(r, "khong-doi", 0, 0, INT64_MAX), rtr(r, "adm_imported_same"));
		json_object_set_new(ctx, "notice", json_string(n.buf));
		sb_release(&n);
	}
	resp_render(r, 200, "admin/dashboard", ctx);
}

/* The form's own inputs are declared once, in the model (article_input_fields, shared with the
 * API): each is parsed into the model's input, checked by type here (the model checks the rest),
 * shown again as typed after a refusal, and filled from the stored item. A kind's own fields are
 * declared with the kind (model/kinds.c). Times: dd/mm/yyyy hh:mm or the browser's
 * yyyy-mm-ddThh:mm, Vietnam time.
 *
 * Fills IN from the request by the table; a time that does not parse is an error on its field. */
static void inputs_parse(struct req *r, struct article_input *in, struct errs *e)
{
	for (size_t i = 0; i < article_input_nfields; i++) {
		const struct article_input_field *fi = &article_input_fields[i];
		const char *v = req_form(r, fi->key);
		char *at = (char *)in + fi->offset;
		switch (fi->type) {
		case AIN_TEXT:
			memcpy(at, &v, sizeof(v));
			break;
		case AIN_ID: {
			int64_t id = 0;
			if (v && *v && parse_i64(v, 1, INT64_MAX, &id))
				id = 0; /* the model says "required" or "invalid" */
			memcpy(at, &id, sizeof(id));
			break;
		}
		case AIN_FLAG: {
			int on = v != NULL;
			memcpy(at, &on, sizeof(on));
			break;
		}
		case AIN_TIME: {
			int64_t t = 0;
			if (v && *v && time_parse_vn(v, &t))
				errs_add(e, fi->key, "date_invalid");
			memcpy(at, &t, sizeof(t));
			break;
		}
		}
	}
}

/* The form's values as typed, for showing it again after a refusal. */
static json_t *inputs_redisplay(struct req *r, const struct article_input *in)
{
	json_t *f = json_object();
	for (size_t i = 0; i < article_input_nfields; i++) {
		const struct article_input_field *fi = &article_input_fields[i];
		const char *v = req_form(r, fi->key);
		if (fi->type == AIN_TEXT || fi->type == AIN_TIME)
			json_object_set_new(f, fi->key, json_string(v ? v : ""));
	}
	json_object_set_new(f, "category_id", json_integer(in->category_id));
	json_object_set_new(f, "featured", json_boolean(in->featured));
	return f;
}

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
	json_object_set_new(item, "state_label", json_string(article_state_text(req_texts(r), json_string_value(json_object_get(art, "state")))));
	json_object_set_new(item, "wstate_label", json_string(article_state_text(req_texts(r), w)));
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
		json_object_set_new(x, "label", json_string(article_action_text(req_texts(r), act)));
		if (strcmp(act, "publish") == 0) /* royalties (#17): genre and coefficient given when publishing */
			royalty_publish_fields(r, x);
	}
	json_object_set_new(item, "has_actions", json_boolean(json_array_size(actions) > 0));
	json_object_set_new(item, "actions", actions);
	json_object_set_new(item, "reasons", article_refusal_reasons(req_texts(r)));
	json_t *tl = article_timeline(r->db, &r->actor, site_id_of(r), id);
	json_array_foreach(tl, i, x) {
		char iso[40];
		set_time(x, "date", json_object_get(x, "at"));
		time_format_iso(json_integer_value(json_object_get(x, "at")), iso, sizeof(iso));
		json_object_set_new(x, "date_iso", json_string(iso));
		/* the model's labels are Vietnamese: the page's language's instead */
		json_object_set_new(x, "action_label", json_string(article_action_text(req_texts(r), json_string_value(json_object_get(x, "action")))));
		json_object_set_new(x, "to_label", json_string(article_state_text(req_texts(r), json_string_value(json_object_get(x, "to_state")))));
		const char *rl = article_reason_text(req_texts(r), json_string_value(json_object_get(x, "reason")));
		if (rl)
			json_object_set_new(x, "reason_label", json_string(rl));
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
			static const char *labels[][2] = { { "proposed", "adm_share_proposed" },
							   { "accepted", "adm_share_accepted" },
							   { "declined", "adm_share_declined" } };
			for (size_t k = 0; k < ARRAY_SIZE(labels); k++)
				if (strcmp(json_string_value(json_object_get(sh, "state")), labels[k][0]) == 0)
					json_object_set_new(item, "share_label", json_string(rtr(r, labels[k][1])));
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

static void form_render(struct req *r, const struct kind *k, int status, int64_t id, json_t *form, const struct errs *e)
{
	int news = strcmp(k->name, "article") == 0;
	struct sb title = SB_INIT;
	if (news)
		sb_adds(&title, rtr(r, id ? "adm_edit_article" : "adm_nav_new_article"));
	else
		sb_addf(&title, "%s %s", rtr(r, id ? "adm_edit" : "adm_add"), kind_tr(req_texts(r), k, "one"));
	json_t *ctx = admin_ctx(r, title.buf);
	sb_release(&title);
	/* the categories that hold this kind */
	json_t *cats = admin_category_tree(r, json_integer_value(json_object_get(form, "category_id"))), *mine = json_array();
	size_t ci;
	json_t *cv;
	json_array_foreach(cats, ci, cv) {
		const char *ck = json_string_value(json_object_get(cv, "kind"));
		if (strcmp(ck ? ck : "article", k->name) == 0)
			json_array_append(mine, cv);
	}
	json_decref(cats);
	json_object_set_new(ctx, "has_categories", json_boolean(json_array_size(mine) > 0));
	json_object_set_new(ctx, "categories", mine);
	json_t *texts = req_texts(r);
	json_t *kv = json_pack("{sssssssbsb}", "name", k->name, "label", kind_tr(texts, k, NULL), "label_one",
			       kind_tr(texts, k, "one"), "has_cover", (int)k->has_cover, "body_required", (int)k->body_required);
	const char *tl = kind_tr(texts, k, "title");
	json_object_set_new(kv, "title_label", json_string(tl ? tl : rtr(r, "adm_col_title")));
	json_object_set_new(ctx, "kind", kv);
	struct sb base = SB_INIT;
	add_base(&base, k);
	json_object_set_new(ctx, "base", json_string(base.buf));
	struct sb action = SB_INIT;
	if (id)
		sb_addf(&action, "%s/%lld", base.buf, (long long)id);
	else
		sb_addf(&action, "%s/moi", base.buf);
	json_object_set_new(ctx, "action", json_string(action.buf));
	sb_release(&action);
	sb_release(&base);
	if (id) {
		json_object_set_new(ctx, "id", json_integer(id));
		json_object_set_new(ctx, "article_id", json_integer(id)); /* unambiguous inside lists */
		item_panel(r, ctx, id);
		admin_translation_box(r, ctx, id); /* its translations (web/admin/translations.c) */
	}
	/* the site's files, those attached to this item checked */
	int64_t nfiles;
	json_t *files = media_list(r->db, &r->actor, site_id_of(r), "file", 200, 0, &nfiles);
	json_t *chosen = json_object_get(form, "attachments");
	size_t i, ki;
	json_t *f, *c;
	json_array_foreach(files, i, f) {
		int on = 0;
		json_array_foreach(chosen, ki, c)
			on |= json_integer_value(c) == json_integer_value(json_object_get(f, "id"));
		json_object_set_new(f, "checked", json_boolean(on));
	}
	json_object_set_new(ctx, "has_files", json_boolean(json_array_size(files) > 0));
	json_object_set_new(ctx, "files", files ? files : json_array());
	/* the update deadline (deadline.h): the kinds to choose from and, once saved with a
	 * received time, the due time the board works to */
	json_t *kinds = deadline_rules(r->db, site_id_of(r), req_texts(r)), *kd;
	const char *chosen_kind = json_string_value(json_object_get(form, "deadline_kind"));
	json_array_foreach(kinds, i, kd)
		json_object_set_new(kd, "selected", json_boolean(chosen_kind && strcmp(chosen_kind,
			json_string_value(json_object_get(kd, "kind"))) == 0));
	json_object_set_new(ctx, "deadline_kinds", kinds);
	if (id) {
		json_t *due = deadline_of_article(r->db, id, time_now(), req_texts(r));
		if (due)
			json_object_set_new(ctx, "deadline", due);
	}
	json_object_set_new(ctx, "form", form);
	json_object_set_new(ctx, "rich_editor", json_true());
	if (e)
		admin_errors(r, ctx, e);
	json_object_set_new(ctx, "kind_fields", kind_form_fields(r, k, json_object_get(form, "f"), json_object_get(ctx, "errors")));
	resp_render(r, status, "admin/article", ctx);
}

/* Turns a stored article (with its pending change, if any) into the form's values. */
static json_t *form_values(json_t *a)
{
	json_t *f = json_object();
	for (size_t i = 0; i < article_input_nfields; i++) {
		const struct article_input_field *fi = &article_input_fields[i];
		if (fi->type == AIN_TEXT && strcmp(fi->key, "note") != 0 && json_is_string(json_object_get(a, fi->key)))
			json_object_set(f, fi->key, json_object_get(a, fi->key));
		else if (fi->type == AIN_TIME)
			set_local_time(f, fi->key, json_object_get(a, fi->key));
	}
	json_object_set(f, "category_id", json_object_get(a, "category_id"));
	json_t *kf = json_loads(json_string_value(json_object_get(a, "fields")) ? json_string_value(json_object_get(a, "fields")) : "{}", 0, NULL);
	json_object_set_new(f, "f", kf ? kf : json_object());
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
	const struct kind *k = req_kind(r, NULL);
	if (!k) {
		resp_error(r, 404, "not_found");
		return;
	}
	json_t *f = json_object();
	if (k->has_cover)
		json_object_set(f, "author", json_object_get(r->user, "display_name"));
	form_render(r, k, 200, 0, f, NULL);
}

void admin_article_edit(struct req *r)
{
	int64_t id = admin_capture_id(r);
	json_t *a = id > 0 ? article_get_admin(r->db, &r->actor, site_id_of(r), id) : NULL;
	const struct kind *k = a ? req_kind(r, a) : NULL;
	if (!a || !k || req_kind(r, NULL) != k) { /* another kind's item under this path: not here */
		json_decref(a);
		resp_error(r, 404, "article_not_found");
		return;
	}
	json_t *f = form_load(r, a);
	json_decref(a);
	if (req_arg(r, "da-luu"))
		json_object_set_new(f, "notice", json_string(rtr(r, "saved")));
	else if (req_arg(r, "da-chuyen"))
		json_object_set_new(f, "notice", json_string(rtr(r, "wf_done")));
	form_render(r, k, 200, id, f, NULL);
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

	site_id = site_id_of(r);
	int has_id = r->captures[1] || (r->captures[0] && strncmp(r->path, "/quan-tri/bai-viet/", 19) == 0);
	if (has_id && (id = admin_capture_id(r)) < 0) {
		resp_error(r, 404, "article_not_found");
		return;
	}
	const struct kind *k = req_kind(r, NULL);
	if (id && k) {
		json_t *a = article_get_admin(r->db, &r->actor, site_id, id);
		const struct kind *own = a ? req_kind(r, a) : NULL;
		json_decref(a);
		if (own && own != k) /* another kind's item under this path */
			k = NULL;
	}
	if (!k) {
		resp_error(r, 404, "article_not_found");
		return;
	}
	in.kind = k->name;
	json_t *raw = kind_form_raw(r, k, &e);
	in.fields = raw;
	inputs_parse(r, &in, &e); /* no category: the model gives a kind's item its kind's own */
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
	for (size_t j = 0; j < natt; j++)
		if (parse_i64(att[j], 1, INT64_MAX, &att_ids[in.nattachments]) == 0)
			in.nattachments++;
	in.attachments = att_ids;
	in.set_attachments = req_form(r, "attachments_shown") != NULL; /* forms without the list keep it */
	in.data_dir = r->app->data_dir;
	/* earlier errors (upload, dates) make the save refuse too, with every field checked */
	/* "save and send for editing" is one transaction: a refused submit keeps nothing */
	int rc = req_form(r, "submit") ? article_save_submit(r->db, &r->actor, site_id, id, &in, &e, &new_id)
				       : article_save(r->db, &r->actor, site_id, id, &in, &e, &new_id);
	if (rc == M_INVALID) {
		/* show the form again with what was typed, and the stored cover if any */
		json_t *f = inputs_redisplay(r, &in);
		json_object_set(f, "f", raw);
		json_t *ids = json_array();
		for (size_t j = 0; j < in.nattachments; j++)
			json_array_append_new(ids, json_integer(att_ids[j]));
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
		form_render(r, k, 422, id, f, &e);
		json_decref(raw);
		return;
	}
	json_decref(raw);
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
	add_base(&loc, k);
	sb_addf(&loc, "/%lld?da-luu=1", (long long)new_id);
	resp_redirect(r, 303, loc.buf);
	sb_release(&loc);
}

/* After an action or its refusal: back to the item, or its form with the messages. */
static void after_action(struct req *r, int64_t id, int rc, const struct errs *e)
{
	json_t *a = article_get_admin(r->db, &r->actor, site_id_of(r), id);
	const struct kind *k = a ? req_kind(r, a) : kind_find("article");
	if (rc == M_OK) {
		struct sb loc = SB_INIT;
		add_base(&loc, k);
		sb_addf(&loc, "/%lld?da-chuyen=1", (long long)id);
		resp_redirect(r, 303, loc.buf);
		sb_release(&loc);
	} else if (rc == M_INVALID) {
		if (!a) {
			resp_error(r, 404, "article_not_found");
			return;
		}
		json_t *f = form_load(r, a);
		json_object_set_new(f, "comment", json_string(req_form(r, "comment") ? req_form(r, "comment") : ""));
		form_render(r, k, 422, id, f, e);
	} else if (rc == M_DENIED) {
		resp_error(r, 403, "wf_role");
	} else if (rc == M_NOTFOUND) {
		resp_error(r, 404, "article_not_found");
	} else {
		resp_error(r, 500, "server_error");
	}
	json_decref(a);
}

void admin_article_act(struct req *r)
{
	struct errs e = { 0 };
	struct act_input in = { 0 };
	int64_t id = admin_capture_id(r);
	if (id < 0) {
		resp_error(r, 404, "article_not_found");
		return;
	}
	in.comment = req_form(r, "comment");
	in.reason = req_form(r, "reason");
	in.when = form_time(r, "when", &e);
	/* royalties (#17): a genre and coefficient sent with "publish" are saved with it, in one
	 * transaction (web/admin/royalties.c) */
	const char *action = req_form(r, "action");
	int rc = e.n ? M_INVALID
		 : action && strcmp(action, "publish") == 0 && royalty_publish_given(r) ? royalty_publish_save(r, id, &in, &e)
		 : article_act(r->db, &r->actor, site_id_of(r), id, action, &in, &e);
	after_action(r, id, rc, &e);
}

void admin_article_propose(struct req *r)
{
	struct errs e = { 0 };
	int64_t id = admin_capture_id(r);
	int rc = id < 0 ? M_NOTFOUND : share_propose(r->db, &r->actor, site_id_of(r), id, &e);
	after_action(r, id, rc, &e);
}

void admin_article_restore(struct req *r)
{
	struct errs e = { 0 };
	int64_t rev;
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
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_compare"));
	json_t *item = article_get_admin(r->db, &r->actor, site_id_of(r), id);
	const struct kind *k = item ? req_kind(r, item) : NULL;
	json_decref(item);
	if (!k)
		k = kind_find("article");
	/* the common fields, then every field of the kind, each as text */
	json_t *fa = json_loads(json_string_value(json_object_get(a, "fields")) ? json_string_value(json_object_get(a, "fields")) : "{}", 0, NULL);
	json_t *fb = json_loads(json_string_value(json_object_get(b, "fields")) ? json_string_value(json_object_get(b, "fields")) : "{}", 0, NULL);
	static const char *fields[][2] = { { "title", "adm_col_title" }, { "summary", "adm_summary" }, { "body", "adm_body" } };
	json_t *parts = json_array();
	int changes = 0;
	for (size_t i = 0; i < ARRAY_SIZE(fields) + k->nfields; i++) {
		char *ta, *tb;
		const char *label;
		if (i < ARRAY_SIZE(fields)) {
			ta = rev_text(a, fields[i][0]);
			tb = rev_text(b, fields[i][0]);
			label = i == 0 && k->title_label ? kind_tr(req_texts(r), k, "title") : rtr(r, fields[i][1]);
		} else {
			const struct kind_field *f = &k->fields[i - ARRAY_SIZE(fields)];
			ta = kind_value_text(f, json_object_get(fa, f->key));
			tb = kind_value_text(f, json_object_get(fb, f->key));
			label = kind_tr_field(req_texts(r), k, f, NULL);
		}
		struct sb out = SB_INIT;
		int n = diff_words_html(ta, tb, &out);
		changes += n;
		/* diff_html is made by diff_words_html, which escapes every piece of text */
		json_array_append_new(parts, json_pack("{sssssb}", "label", label, "diff_html", out.buf, "changed", n > 0));
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
	json_decref(fa);
	json_decref(fb);
	struct sb back = SB_INIT;
	add_base(&back, k);
	sb_addf(&back, "/%lld", (long long)id);
	json_object_set_new(ctx, "back_url", json_string(back.buf));
	sb_release(&back);
	resp_render(r, 200, "admin/compare", ctx);
}
