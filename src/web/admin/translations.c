/* translations.c — the admin's pages of translations (model/translation.h, docs/languages.md):
 * the "Bản dịch" box of an item's edit page, making a translation and marking it current, the
 * site's languages and English rules (site settings), and the coverage report for the board. */
#include "web/web.h"
#include "model/translation.h"
#include "model/kind.h"
#include "model/item.h"
#include "base/locale.h"
#include "base/sb.h"
#include "base/util.h"
#include <string.h>
#include "base/banned.h"

static int64_t site_id_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

/* The admin address of item ID of KIND into BUF. */
static const char *edit_path(char *buf, size_t n, const char *kind, int64_t id)
{
	const struct kind *k = kind_find(kind);
	snprintf(buf, n, "/quan-tri/%s/%lld", !k || strcmp(k->name, "article") == 0 ? "bai-viet" : k->segment,
		 (long long)id);
	return buf;
}

/* LANG's own name ("English", "ភាសាខ្មែរ"), from its locale; its code until the locale names it. */
static const char *lang_name(struct req *r, const char *lang)
{
	json_t *d = locale_dict(__atomic_load_n(&r->app->locale, __ATOMIC_ACQUIRE), lang);
	const char *name = json_string_value(json_object_get(d, "language_name"));
	return name ? name : lang;
}

/* The site's languages besides Vietnamese: an array of codes. */
static json_t *site_langs(json_t *site)
{
	json_t *out = json_array();
	const char *s = json_string_value(json_object_get(site, "languages"));
	while (s && *s) {
		const char *sp = strchr(s, ' ');
		size_t n = sp ? (size_t)(sp - s) : strlen(s);
		if (n)
			json_array_append_new(out, json_stringn(s, n));
		s += n + (sp != NULL);
	}
	return out;
}

void admin_translation_box(struct req *r, json_t *ctx, int64_t id)
{
	char path[96];
	json_t *info = translation_info(r->db, id);
	if (info) {
		/* a translation: which item it translates, and whether that one changed since */
		const char *lang = json_string_value(json_object_get(info, "lang"));
		json_object_set_new(info, "lang_name", json_string(lang_name(r, lang)));
		json_object_set_new(info, "source_url",
				    json_string(edit_path(path, sizeof(path), json_string_value(json_object_get(info, "source_kind")),
							  json_integer_value(json_object_get(info, "source_id")))));
		json_object_set_new(info, "id", json_integer(id));
		json_object_set_new(ctx, "translation_of", info);
		return;
	}
	json_t *langs = site_langs(r->site);
	if (!json_array_size(langs)) {
		json_decref(langs);
		return;
	}
	json_t *list = translation_list(r->db, id, langs), *t;
	size_t i;
	json_array_foreach(list, i, t) {
		const char *lang = json_string_value(json_object_get(t, "lang"));
		const char *state = json_string_value(json_object_get(t, "state"));
		char key[48];
		snprintf(key, sizeof(key), "translation_state_%s", state);
		json_object_set_new(t, "lang_name", json_string(lang_name(r, lang)));
		json_object_set_new(t, "state_label", json_string(rtr(r, key)));
		json_object_set_new(t, "exists", json_boolean(json_integer_value(json_object_get(t, "id")) != 0));
		json_object_set_new(t, "outdated", json_boolean(strcmp(state, "outdated") == 0));
		if (json_integer_value(json_object_get(t, "id")))
			json_object_set_new(t, "url", json_string(edit_path(path, sizeof(path),
				json_string_value(json_object_get(json_object_get(ctx, "kind"), "name")),
				json_integer_value(json_object_get(t, "id")))));
	}
	int required = translation_required(r->db, id);
	json_object_set_new(ctx, "translations", json_pack("{sosbsI}", "items", list, "required", required > 0,
							   "source_id", (json_int_t)id));
	json_decref(langs);
}

/* WEBPAGE: POST /quan-tri/ban-dich/tao — source (an item's id), lang: makes the translation and
 * opens it; when it exists, opens it. */
void admin_translation_create(struct req *r)
{
	struct errs e = { 0 };
	int64_t source = 0, id = 0;
	const char *lang = req_form(r, "lang");
	if (!req_form(r, "source") || parse_i64(req_form(r, "source"), 1, INT64_MAX, &source)) {
		resp_error(r, 404, "not_found");
		return;
	}
	int rc = translation_create(r->db, &r->actor, site_id_of(r), source, lang, &e, &id);
	if (rc == M_INVALID && lang && (id = translation_find(r->db, source, lang)) != 0)
		rc = M_OK; /* made meanwhile (a second click): open it */
	if (rc == M_INVALID) {
		resp_error(r, 422, e.n ? e.e[0].key : "bad_request");
		return;
	}
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	char path[96];
	char kind[32];
	resp_redirect(r, 303, edit_path(path, sizeof(path), item_kind_of(r->db, site_id_of(r), id, kind, sizeof(kind)), id));
}

/* WEBPAGE: POST /quan-tri/ban-dich/<id>/cap-nhat — the translation now follows its source's
 * current version. */
void admin_translation_current(struct req *r)
{
	int64_t id = admin_capture_id(r);
	struct errs e = { 0 };
	int rc = id > 0 ? translation_mark_current(r->db, &r->actor, site_id_of(r), id, &e) : M_NOTFOUND;
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	char path[96], kind[32];
	resp_redirect(r, 303, edit_path(path, sizeof(path), item_kind_of(r->db, site_id_of(r), id, kind, sizeof(kind)), id));
}

/* ---- the site's languages and its English rules (site settings) ---- */

void admin_languages_ctx(struct req *r, json_t *ctx, const char *rules_typed)
{
	json_t *locales = __atomic_load_n(&r->app->locale, __ATOMIC_ACQUIRE), *langs = json_array(), *d;
	const char *code;
	json_object_foreach(locales, code, d) {
		if (strcmp(code, LOCALE_DEFAULT) == 0)
			continue;
		json_array_append_new(langs, json_pack("{sssssb}", "code", code, "name", lang_name(r, code), "on",
						       site_has_language(r->site, code)));
	}
	json_object_set_new(ctx, "languages", langs);
	char *rules = rules_typed ? xstrdup(rules_typed) : translation_rules_get(r->db, site_id_of(r));
	json_object_set_new(ctx, "translation_rules", json_string(rules));
	free(rules);
}

/* WEBPAGE: GET /quan-tri/cai-dat/ngon-ngu — the languages form alone (also on /quan-tri/cai-dat). */
void admin_languages(struct req *r)
{
	json_t *ctx = admin_ctx(r, rtr(r, "languages_title"));
	admin_languages_ctx(r, ctx, NULL);
	if (req_arg(r, "da-luu"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "saved")));
	resp_render(r, 200, "admin/languages", ctx);
}

/* WEBPAGE: POST /quan-tri/cai-dat/ngon-ngu — lang (several: the codes turned on), rules (the
 * items required in English, one rule a line). */
void admin_languages_save(struct req *r)
{
	struct errs e = { 0 };
	const char *codes[16];
	size_t n = 0;
	json_t *locales = __atomic_load_n(&r->app->locale, __ATOMIC_ACQUIRE), *d;
	const char *code;
	/* the form's checkboxes are named lang-<code>: one per loaded language */
	json_object_foreach(locales, code, d) {
		char name[16];
		snprintf(name, sizeof(name), "lang-%s", code);
		if (strcmp(code, LOCALE_DEFAULT) != 0 && req_form(r, name) && n < ARRAY_SIZE(codes))
			codes[n++] = code;
	}
	const char *rules = req_form(r, "translation_rules");
	int rc = translation_rules_set(r->db, &r->actor, site_id_of(r), rules ? rules : "", &e);
	if (rc == M_OK)
		rc = site_languages_set(r->db, &r->actor, site_id_of(r), codes, n, &e);
	if (rc == M_OK) {
		resp_redirect(r, 303, "/quan-tri/cai-dat/ngon-ngu?da-luu=1");
	} else if (rc == M_INVALID) {
		json_t *ctx = admin_ctx(r, rtr(r, "languages_title"));
		admin_languages_ctx(r, ctx, rules ? rules : "");
		admin_errors(r, ctx, &e);
		resp_render(r, 422, "admin/languages", ctx);
	} else {
		admin_model_error(r, rc);
	}
}

/* ---- the coverage report ---- */

/* WEBPAGE: GET /quan-tri/ban-dich — pham-vi=tinh (the main portal: every site). What the
 * regulations require in English and which of it lacks a current translation. */
void admin_translations(struct req *r)
{
	const char *scope_arg = req_arg(r, "pham-vi");
	int province = scope_arg && strcmp(scope_arg, "tinh") == 0 &&
		       strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0;
	json_t *cov = translation_coverage(r->db, &r->actor, province ? 0 : site_id_of(r), time_now());
	if (!cov) {
		resp_error(r, 403, "forbidden");
		return;
	}
	json_t *ctx = admin_ctx(r, rtr(r, province ? "coverage_title_province" : "coverage_title"));
	json_t *sites = json_object_get(cov, "sites"), *s;
	size_t i;
	json_array_foreach(sites, i, s) {
		json_t *items = json_object_get(s, "items"), *it;
		size_t j;
		int own = json_integer_value(json_object_get(s, "site_id")) == site_id_of(r);
		json_array_foreach(items, j, it) {
			char key[48], path[96];
			snprintf(key, sizeof(key), "translation_state_%s", json_string_value(json_object_get(it, "status")));
			json_object_set_new(it, "status_label", json_string(rtr(r, key)));
			edit_path(path, sizeof(path), json_string_value(json_object_get(it, "kind")),
				  json_integer_value(json_object_get(it, "id")));
			if (own) {
				json_object_set_new(it, "url", json_string(path));
			} else { /* another site's item opens in its own site's admin */
				json_t *site = json_pack("{sOsO}", "slug", json_object_get(s, "site_slug"), "kind",
						 json_object_get(s, "site_kind"));
				char *su = web_site_url(r, site);
				struct sb u = SB_INIT;
				sb_addf(&u, "%s%s", su, path + 1);
				json_object_set_new(it, "url", json_string(u.buf));
				sb_release(&u);
				free(su);
				json_decref(site);
			}
		}
		json_object_set_new(s, "has_items", json_boolean(json_array_size(items) > 0));
		json_t *langs = json_pack("{sO}", "languages", json_object_get(s, "languages"));
		json_object_set_new(s, "publishes_en", json_boolean(site_has_language(langs, TRANSLATION_REQUIRED_LANG)));
		json_decref(langs);
	}
	json_object_set_new(ctx, "coverage", cov);
	json_object_set_new(ctx, "province", json_boolean(province));
	json_object_set_new(ctx, "can_province",
			    json_boolean(strcmp(json_string_value(json_object_get(r->site, "kind")), "main") == 0));
	resp_render(r, 200, "admin/translations", ctx);
}
