/* site_texts.c — the site's own texts per language on the site settings page (#16,
 * model/site_texts.h): a box per language the site publishes in besides Vietnamese, each field
 * beside its Vietnamese value; an empty field shows the Vietnamese on that language's pages.
 * WEBPAGE: POST /quan-tri/cai-dat/van-ban   <lang>_<key> for each language and key (site_text_keys) */
#include "web/web.h"
#include "model/site_texts.h"
#include "base/locale.h"
#include "base/util.h"

#include <string.h>

#include "base/banned.h"

/* CTX's "site_texts": [{code, name, fields: [{name, label, value, vi, error}]}] for the settings
 * page; TYPED (may be NULL) the values as the form sent them ({lang: {key: text}}), kept on an
 * error, else the stored ones; E (may be NULL) the field errors. */
void admin_site_texts_ctx(struct req *r, json_t *ctx, json_t *typed, const struct errs *e)
{
	json_int_t site_id = json_integer_value(json_object_get(r->site, "id"));
	json_t *stored = typed ? NULL : site_texts_get(r->db, site_id), *from = typed ? typed : stored;
	json_t *locales = __atomic_load_n(&r->app->locale, __ATOMIC_ACQUIRE), *boxes = json_array(), *d;
	const char *code;
	json_object_foreach(locales, code, d) {
		if (strcmp(code, LOCALE_DEFAULT) == 0 || !site_has_language(r->site, code))
			continue;
		const char *lname = json_string_value(json_object_get(d, "language_name"));
		json_t *fields = json_array();
		for (size_t i = 0; i < site_text_nkeys; i++) {
			const char *key = site_text_keys[i];
			char name[48], label[48];
			snprintf(name, sizeof(name), "%s_%s", code, key);
			snprintf(label, sizeof(label), "site_text_%s", key);
			const char *v = json_string_value(json_object_get(json_object_get(from, code), key));
			json_t *f = json_pack("{ssssssssss}", "name", name, "label", rtr(r, label), "value", v ? v : "", "vi",
					      json_string_value(json_object_get(r->site, key)) ?: "", "code", code);
			for (int k = 0; e && k < e->n; k++)
				if (strcmp(e->e[k].field, name) == 0 && !json_object_get(f, "error"))
					json_object_set_new(f, "error", json_string(e->text[k] ? e->text[k] : rtr(r, e->e[k].key)));
			json_array_append_new(fields, f);
		}
		json_array_append_new(boxes, json_pack("{ssssso}", "code", code, "name", lname ? lname : code,
						       "fields", fields));
	}
	json_object_set_new(ctx, "site_texts", boxes);
	json_object_set_new(ctx, "has_site_texts", json_boolean(json_array_size(boxes) > 0));
	json_decref(stored);
}

void admin_site_texts_save(struct req *r)
{
	json_int_t site_id = json_integer_value(json_object_get(r->site, "id"));
	json_t *locales = __atomic_load_n(&r->app->locale, __ATOMIC_ACQUIRE), *values = json_object(), *d;
	const char *code;
	/* the languages the site publishes in: a box the form did not send is left as stored */
	json_object_foreach(locales, code, d) {
		if (strcmp(code, LOCALE_DEFAULT) == 0 || !site_has_language(r->site, code))
			continue;
		json_t *kv = json_object();
		for (size_t i = 0; i < site_text_nkeys; i++) {
			char name[48];
			snprintf(name, sizeof(name), "%s_%s", code, site_text_keys[i]);
			const char *v = req_form(r, name);
			if (v)
				json_object_set_new(kv, site_text_keys[i], json_stringn_nocheck(v, strlen(v))); /* the model checks it */
		}
		if (json_object_size(kv))
			json_object_set_new(values, code, kv);
		else
			json_decref(kv);
	}
	struct errs e = { 0 };
	int rc = site_texts_save(r->db, &r->actor, site_id, values, &e);
	if (rc == M_OK) {
		resp_redirect(r, 303, "/quan-tri/cai-dat?da-luu=1#van-ban");
	} else if (rc == M_INVALID) {
		admin_settings_page(r, 422, values, &e);
	} else {
		resp_error(r, rc == M_DENIED ? 403 : 500, rc == M_DENIED ? "forbidden" : "server_error");
	}
	json_decref(values);
}
