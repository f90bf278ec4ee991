/* access_info.c — a site's access-to-information section in the admin (model/statistics.h): its
 * contact point, the guide, and the forms of Nghị định 13/2018/NĐ-CP chosen from the library.
 * WEBPAGE: GET  /quan-tri/tiep-can-thong-tin   the form (site administrators)
 * WEBPAGE: POST /quan-tri/tiep-can-thong-tin   saves it: unit, person, address, phone, email, hours,
 *                                              request_url, guide, form_01a … form_06 (library file ids) */
#include "web/web.h"
#include "base/util.h"
#include "model/statistics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static const char *const text_keys[] = { "unit", "person", "address", "phone", "email", "hours", "request_url", "guide" };

/* The form's view: VALUES (the saved section, or what was typed) and the library's files for
 * each form's select. */
static void render(struct req *r, int status, json_t *values, const struct errs *e)
{
	json_t *ctx = admin_ctx(r, rtr(r, "adm_title_access_info"));
	json_t *files = media_list(r->db, &r->actor, json_integer_value(json_object_get(r->site, "id")), "file", 500, 0, NULL);
	json_t *forms = json_array(), *fm;
	size_t i;
	json_array_foreach(json_object_get(values, "forms"), i, fm) {
		int64_t chosen = json_integer_value(json_object_get(fm, "media_id"));
		json_t *opts = json_array(), *m;
		size_t j;
		json_array_foreach(files, j, m) {
			const char *title = json_string_value(json_object_get(m, "title"));
			json_array_append_new(opts, json_pack("{sOsssb}", "id", json_object_get(m, "id"), "label",
							      title && *title ? title : json_string_value(json_object_get(m, "orig_name")),
							      "selected", json_integer_value(json_object_get(m, "id")) == chosen));
		}
		json_array_append_new(forms, json_pack("{sOsOso}", "code", json_object_get(fm, "code"), "field",
						       json_object_get(fm, "field"), "options", opts));
	}
	json_decref(files);
	json_object_set_new(ctx, "v", json_incref(values));
	json_object_set_new(ctx, "forms", forms);
	if (e)
		admin_errors(r, ctx, e);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	resp_render(r, status, "admin/access_info", ctx);
}

static void add_form_fields(json_t *values)
{
	json_t *fm;
	size_t i;
	json_array_foreach(json_object_get(values, "forms"), i, fm) {
		char name[16];
		snprintf(name, sizeof(name), "form_%s", json_string_value(json_object_get(fm, "code")));
		json_object_set_new(fm, "field", json_string(name));
	}
}

void admin_access_info(struct req *r)
{
	json_t *v = access_info_get(r->db, json_integer_value(json_object_get(r->site, "id")));
	add_form_fields(v);
	render(r, 200, v, NULL);
	json_decref(v);
}

void admin_access_info_save(struct req *r)
{
	struct access_info_input in = { 0 };
	struct errs e = { 0 };
	const char **t[] = { &in.unit, &in.person, &in.address, &in.phone, &in.email, &in.hours, &in.request_url, &in.guide };
	json_t *typed = json_object(), *forms = json_array();
	for (size_t i = 0; i < ARRAY_SIZE(text_keys); i++) {
		*t[i] = req_form(r, text_keys[i]) ? req_form(r, text_keys[i]) : "";
		json_object_set_new(typed, text_keys[i], json_string(*t[i]));
	}
	for (size_t i = 0; i < ACCESS_FORMS; i++) {
		char name[16];
		snprintf(name, sizeof(name), "form_%s", access_form_codes[i]);
		const char *s = req_form(r, name);
		if (s && *s && parse_i64(s, 1, INT64_MAX / 2, &in.forms[i]))
			errs_add(&e, i == 0 ? "form_01a" : i == 1 ? "form_01b" : i == 2 ? "form_02" : i == 3 ? "form_03"
				 : i == 4 ? "form_04" : i == 5 ? "form_05" : "form_06", "file_invalid");
		json_array_append_new(forms, json_pack("{sssI}", "code", access_form_codes[i], "media_id", (json_int_t)in.forms[i]));
	}
	json_object_set_new(typed, "forms", forms);
	int rc = e.n ? M_INVALID : access_info_save(r->db, &r->actor, json_integer_value(json_object_get(r->site, "id")), &in, &e);
	if (rc == M_OK) {
		resp_redirect(r, 303, "/quan-tri/tiep-can-thong-tin?da-luu=1");
	} else if (rc == M_INVALID) {
		add_form_fields(typed);
		render(r, 422, typed, &e);
	} else {
		resp_error(r, rc == M_DENIED ? 403 : 500, rc == M_DENIED ? "forbidden" : "server_error");
	}
	json_decref(typed);
}
