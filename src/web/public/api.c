/* api.c — the JSON API, version 1: every public kind of item, read by anyone, from the kinds'
 * descriptors (model/kind.h) so that it cannot drift from them (docs/api.md).
 * WEBPAGE: GET /api/v1                what it offers: each kind with its list's address
 * WEBPAGE: GET /api/v1/openapi.json   the OpenAPI 3.1 description, generated from the descriptors
 * WEBPAGE: GET /api/v1/<kind>         a list (items.c, api_list): the public list's filters,
 *                                     limit (1–100, 20), cursor (the last item seen)
 * WEBPAGE: GET /api/v1/<kind>/<id>    one item (items.c, api_item)
 * The answers are cached like pages (ETag, 304) and open to any origin (CORS: http/server.c,
 * for every /api/ path). An error is {"error": {"code", "message", "field"}}: a 400 names the
 * parameter at fault, a 404 the kind or item that is not there; the message is in the site's
 * language (locale/). Writing through the API (tokens) is not here yet. */
#include "web/web.h"
#include "base/arena.h"
#include "base/sb.h"
#include "base/util.h"
#include "model/kind.h"
#include "web/public/api.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

void api_error(struct req *r, int status, const char *code, const char *field)
{
	json_t *e = json_pack("{s{sssss s?}}", "error", "code", code, "message", tr(r->app, code), "field", field);
	char *text = json_dumps(e, JSON_COMPACT);
	resp_bytes(r, status, "application/json; charset=utf-8", text, strlen(text));
	json_free_str(text);
	json_decref(e);
}

void api_send(struct req *r, json_t *v)
{
	char *text = json_dumps(v, JSON_COMPACT);
	resp_bytes(r, 200, "application/json; charset=utf-8", text, strlen(text));
	json_free_str(text);
}

/* The API's address on this site, "http://snv.example:8080/api/v1" (no final slash). */
static char *api_base(struct req *r)
{
	struct sb b = SB_INIT;
	web_add_site_url(&b, r, r->site);
	sb_truncate(&b, b.len - 1);
	sb_adds(&b, "/api/v1");
	return sb_detach(&b, NULL);
}

void page_api_index(struct req *r)
{
	char *base = api_base(r);
	size_t n;
	const struct kind *const *ks = kind_all(&n);
	json_t *kinds = json_array();
	for (size_t i = 0; i < n; i++) {
		struct sb u = SB_INIT;
		sb_addf(&u, "%s/%s", base, ks[i]->name);
		char html[96];
		snprintf(html, sizeof(html), "/%s", ks[i]->segment);
		json_array_append_new(kinds, json_pack("{ssssssss}", "name", ks[i]->name, "label", ks[i]->label, "url", u.buf,
						       "html", html));
		sb_release(&u);
	}
	struct sb spec = SB_INIT;
	sb_addf(&spec, "%s/openapi.json", base);
	json_t *out = json_pack("{sssssosO}", "version", "1", "openapi", spec.buf, "kinds", kinds, "site",
				json_object_get(r->site, "slug"));
	api_send(r, out);
	json_decref(out);
	sb_release(&spec);
	free(base);
}

/* ---- the OpenAPI description ---- */

/* The JSON Schema of a value of field F, as api_list and api_item give it. */
static json_t *field_schema(const struct kind_field *f)
{
	json_t *s;
	switch (f->type) {
	case F_INT:
	case F_MONEY:
		s = json_pack("{s[ss]}", "type", "integer", "null");
		break;
	case F_DATE:
		s = json_pack("{s[ss]ss}", "type", "string", "null", "format", "date");
		break;
	case F_TIME:
		s = json_pack("{s[ss]ss}", "type", "string", "null", "pattern", "^[0-2][0-9]:[0-5][0-9]$");
		break;
	case F_URL:
		s = json_pack("{s[ss]}", "type", "string", "null");
		break;
	case F_TAGS:
	case F_REF:
		s = json_pack("{s[ss]s{ss}}", "type", "array", "null", "items", "type", "string");
		break;
	case F_FILE: /* the library's file by its address, as the open-data exports give it */
		s = json_pack("{s[ss]ss}", "type", "string", "null", "format", "uri");
		break;
	case F_ROWS: {
		json_t *props = json_object();
		for (size_t i = 0; i < f->nsub; i++)
			json_object_set_new(props, f->sub[i].key, field_schema(&f->sub[i]));
		s = json_pack("{s[ss]s{sssO}}", "type", "array", "null", "items", "type", "object", "properties", props);
		json_decref(props);
		break;
	}
	case F_ENUM:
		/* a site may add values to an open choice (FF_OPEN): the listed ones are examples */
		s = json_pack("{s[ss]}", "type", "string", "null");
		if (f->choices && !(f->flags & FF_OPEN)) {
			json_t *e = json_array();
			for (const struct kind_choice *c = f->choices; c->key; c++)
				json_array_append_new(e, json_string(c->key));
			json_array_append_new(e, json_null());
			json_object_set_new(s, "enum", e);
		}
		break;
	default:
		s = json_pack("{s[ss]}", "type", "string", "null");
		if (f->max)
			json_object_set_new(s, "maxLength", json_integer((json_int_t)f->max));
	}
	json_object_set_new(s, "title", json_string(f->label));
	return s;
}

/* What api_list and api_item give of every item of K (api_item adds body and links). */
static json_t *item_schema(const struct kind *k, int whole)
{
	json_t *fields = json_object();
	for (size_t i = 0; i < k->nfields; i++)
		if (!(k->fields[i].flags & FF_PERSONAL))
			json_object_set_new(fields, k->fields[i].key, field_schema(&k->fields[i]));
	json_t *props = json_pack("{s{ss}s{ss}s{ss}s{ss}s{ss}s{s[ss]}s{ssss}s{s[ss]ss}s{s[ss]ss}s{sssO}}",
				  "id", "type", "integer", "kind", "const", k->name, "site", "type", "string",
				  "title", "type", "string", "slug", "type", "string", "summary", "type", "string", "null",
				  "url", "type", "string", "format", "uri", "published_at", "type", "string", "null",
				  "format", "date-time", "updated_at", "type", "string", "null", "format", "date-time",
				  "fields", "type", "object", "properties", fields);
	json_decref(fields);
	if (api_term_key(k))
		json_object_set_new(props, api_term_key(k), json_pack("{s[ss]}", "type", "string", "null"));
	json_t *req = json_pack("[sssssss]", "id", "kind", "site", "title", "url", "published_at", "fields");
	if (whole) {
		json_object_set_new(props, "body", json_pack("{s[ss]ss}", "type", "string", "null", "description",
							   "HTML, sanitised as the public page shows it"));
		json_object_set_new(props, "links", json_pack("{ss s{ss s{s{ss}s{ss}s{s[ss]}s{s[ss]}}}}", "type", "array", "items",
							    "type", "object", "properties", "relation", "type", "string",
							    "ref", "type", "string", "id", "type", "integer", "null", "url",
							    "type", "string", "null"));
	}
	return json_pack("{sssssososb}", "type", "object", "title", k->label, "properties", props, "required", req,
			 "additionalProperties", 0);
}

/* The query parameters of K's list: its filters as the public list takes them, limit, cursor. */
static json_t *list_parameters(const struct kind *k)
{
	json_t *ps = json_array();
	const char *keys[ITEM_FILTERS_MAX];
	size_t n = api_filter_keys(k, keys);
	for (size_t i = 0; i < n; i++) {
		const struct kind_field *f = NULL;
		for (size_t j = 0; j < k->nfields; j++)
			if (strcmp(k->fields[j].key, keys[i]) == 0)
				f = &k->fields[j];
		json_t *schema = json_pack("{ss}", "type", "string");
		const char *desc = f ? f->label : strcmp(keys[i], "nam") == 0 ? "Năm (của ngày sắp xếp danh sách)" : "Hiệu lực";
		if (strcmp(keys[i], "nam") == 0)
			json_object_set_new(schema, "pattern", json_string("^[0-9]{4}$"));
		else if (f && f->type == F_ENUM && f->choices && !(f->flags & FF_OPEN)) {
			json_t *e = json_array();
			for (const struct kind_choice *c = f->choices; c->key; c++)
				json_array_append_new(e, json_string(c->key));
			json_object_set_new(schema, "enum", e);
		}
		json_array_append_new(ps, json_pack("{sssssssbso}", "name", keys[i], "in", "query", "description", desc,
						    "required", 0, "schema", schema));
	}
	json_array_append_new(ps, json_pack("{sssssss{sssIsIsI}}", "name", "limit", "in", "query", "description",
					    "Số mục một trang", "schema", "type", "integer", "minimum", (json_int_t)1,
					    "maximum", (json_int_t)API_LIMIT_MAX, "default", (json_int_t)API_LIMIT_DEFAULT));
	json_array_append_new(ps, json_pack("{sssssss{ss}}", "name", "cursor", "in", "query", "description",
					    "Trang tiếp theo: giá trị \"next\" của trang trước", "schema", "type", "string"));
	json_array_append_new(ps, json_pack("{sssssss{ssss}}", "name", "chuyen-muc", "in", "query", "description",
					    "Mã chuyên mục", "schema", "type", "string", "pattern", "^[0-9]+$"));
	return ps;
}

static json_t *json_response(const char *desc, const char *ref)
{
	return json_pack("{sss{s{s{ss}}}}", "description", desc, "content", "application/json", "schema", "$ref", ref);
}

void page_api_openapi(struct req *r)
{
	char *base = api_base(r);
	size_t n;
	const struct kind *const *ks = kind_all(&n);
	json_t *paths = json_object(), *schemas = json_object();
	json_object_set_new(schemas, "error", json_pack("{sss{s{sss{s{ss}s{ss}s{s[ss]}}s[ss]}}s[s]}", "type", "object",
							"properties", "error", "type", "object", "properties", "code", "type",
							"string", "message", "type", "string", "field", "type", "string", "null",
							"required", "code", "message", "required", "error"));
	json_object_set_new(paths, "/", json_pack("{s{sssss{so}}}", "get", "operationId", "index", "summary",
						  "Các loại thông tin của API", "responses", "200",
						  json_pack("{sss{s{s{ss}}}}", "description", "Các loại thông tin", "content",
							    "application/json", "schema", "type", "object")));
	for (size_t i = 0; i < n; i++) {
		const struct kind *k = ks[i];
		char ref[96], list_ref[96], op[96], p[96];
		char row_ref[128];
		snprintf(ref, sizeof(ref), "#/components/schemas/%s", k->name);
		snprintf(list_ref, sizeof(list_ref), "#/components/schemas/%s_list", k->name);
		json_object_set_new(schemas, k->name, item_schema(k, 1));
		json_t *row = item_schema(k, 0);
		char row_name[96];
		snprintf(row_name, sizeof(row_name), "%s_row", k->name);
		json_object_set_new(schemas, row_name, row);
		snprintf(row_ref, sizeof(row_ref), "#/components/schemas/%s", row_name);
		snprintf(p, sizeof(p), "%s_list", k->name);
		json_object_set_new(schemas, p, json_pack("{sss{s{sss{ss}}s{s[ss]}s{ss}}s[sss]}", "type", "object",
							  "properties", "items", "type", "array", "items", "$ref", row_ref,
							  "next", "type", "string", "null", "total", "type", "integer",
							  "required", "items", "next", "total"));
		snprintf(op, sizeof(op), "list_%s", k->name);
		snprintf(p, sizeof(p), "/%s", k->name);
		json_t *responses = json_pack("{soso}", "200", json_response(k->label, list_ref), "400",
					      json_response("Tham số không hợp lệ", "#/components/schemas/error"));
		json_object_set_new(paths, p, json_pack("{s{sssssoso}}", "get", "operationId", op, "summary", k->label,
							"parameters", list_parameters(k), "responses", responses));
		snprintf(op, sizeof(op), "get_%s", k->name);
		snprintf(p, sizeof(p), "/%s/{id}", k->name);
		responses = json_pack("{soso}", "200", json_response(k->label, ref), "404",
				      json_response("Không có mục này", "#/components/schemas/error"));
		json_object_set_new(paths, p, json_pack("{s{sssss[{sssssbs{ss}}]so}}", "get", "operationId", op, "summary",
							k->label_one ? k->label_one : k->label, "parameters", "name", "id",
							"in", "path", "required", 1, "schema", "type", "integer", "responses",
							responses));
	}
	struct sb title = SB_INIT;
	sb_addf(&title, "%s — API", json_string_value(json_object_get(r->site, "name")));
	json_t *doc = json_pack("{sss{ssssss}s[{ss}]sos{so}}", "openapi", "3.1.0", "info", "title", title.buf, "version", "1",
				"description", "Thông tin công khai, đọc tự do (CORS); lỗi: {\"error\": {code, message, field}}",
				"servers", "url", base, "paths", paths, "components", "schemas", schemas);
	sb_release(&title);
	api_send(r, doc);
	json_decref(doc);
	free(base);
}

void page_api_kind(struct req *r)
{
	const char *name = r->captures[0];
	if (strcmp(name, "openapi.json") == 0) {
		page_api_openapi(r);
		return;
	}
	const struct kind *k = kind_find(name);
	if (!k) {
		api_error(r, 404, "api_unknown_kind", NULL);
		return;
	}
	api_list(r, k);
}

void page_api_item(struct req *r)
{
	const struct kind *k = kind_find(r->captures[0]);
	char *end;
	long long id = strtoll(r->captures[1], &end, 10);
	if (!k) {
		api_error(r, 404, "api_unknown_kind", NULL);
		return;
	}
	if (*end || id <= 0) {
		api_error(r, 404, "api_not_found", NULL);
		return;
	}
	api_item(r, k, id);
}
