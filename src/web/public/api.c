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
 * language (locale/). The writes, with a per-site token, are in api_write.c; their part of the
 * description is here, generated from the same descriptors and input table. */
#include "web/web.h"
#include "base/arena.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"
#include "model/api_input.h"
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

/* A choice's schema: a string or null, and for a closed choice its keys (a site may add values
 * to an open one, FF_OPEN: the listed ones are then examples). */
static json_t *enum_schema(const struct kind_field *f)
{
	json_t *s = json_pack("{s[ss]}", "type", "string", "null");
	if (f->choices && !(f->flags & FF_OPEN)) {
		json_t *e = json_array();
		for (const struct kind_choice *c = f->choices; c->key; c++)
			json_array_append_new(e, json_string(c->key));
		json_array_append_new(e, json_null());
		json_object_set_new(s, "enum", e);
	}
	return s;
}

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
		s = enum_schema(f);
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

/* ---- the writes' part of the description (api_write.c) ---- */

/* The JSON Schema of what a write may give field F: what api_input_parse() takes (model/api_input.c),
 * text as a form's input is typed (dates also dd/mm/yyyy), numbers and files as integers too, lists
 * as arrays or "a; b", tables as arrays of rows or a row per line; null empties the field. */
static json_t *field_input_schema(const struct kind_field *f)
{
	json_t *s;
	switch (f->type) {
	case F_INT:
	case F_MONEY:
	case F_FILE:
		s = json_pack("{s[sss]}", "type", "integer", "string", "null");
		break;
	case F_TAGS:
	case F_REF:
		s = json_pack("{s[sss]s{ss}}", "type", "array", "string", "null", "items", "type", "string");
		break;
	case F_ROWS: {
		json_t *props = json_object();
		for (size_t i = 0; i < f->nsub; i++)
			json_object_set_new(props, f->sub[i].key, json_pack("{s[sss]ss}", "type", "string", "integer",
									    "null", "title", f->sub[i].label));
		s = json_pack("{s[sss]s{sssOsb}}", "type", "array", "string", "null", "items", "type", "object",
			      "properties", props, "additionalProperties", 0);
		json_decref(props);
		break;
	}
	case F_ENUM:
		s = enum_schema(f);
		break;
	default:
		s = json_pack("{s[ss]}", "type", "string", "null");
	}
	json_object_set_new(s, "title", json_string(f->label));
	if (f->flags & FF_REQUIRED)
		json_object_set_new(s, "description", json_string("Bắt buộc khi lưu"));
	return s;
}

/* A valid value of field F, the I-th of its kind, for the description's example (the conformance
 * test's choice, tests/http/test_kinds.py): the field's own example, else one of its type, dates
 * and times in the order of declaration (issued, effective, expiry); NULL for a file (an upload
 * of the library comes first: the example leaves it out). */
static json_t *field_example(const struct kind *k, const struct kind_field *f, size_t i)
{
	char buf[96];
	if (f->example)
		return json_string(f->example);
	if ((f->flags & FF_IDENT) && k) {
		/* the kind's sample, a format with one number ("1.%06d"; cong kinds --json:
		 * ident_sample), filled here without handing printf a format it cannot check */
		const char *fmt = k->ident_sample ? k->ident_sample : "%d/2026/QĐ-UBND", *pc = strchr(fmt, '%');
		char *end = NULL;
		long width = pc ? strtol(pc + 1, &end, 10) : 0;
		if (!pc || *end != 'd' || width < 0 || width > 20)
			return json_string(fmt);
		snprintf(buf, sizeof(buf), "%.*s%0*d%s", (int)(pc - fmt), fmt, (int)width, 987654, end + 1);
		return json_string(buf);
	}
	switch (f->type) {
	case F_DATE:
		snprintf(buf, sizeof(buf), "2026-03-%02zu", 5 + i % 20);
		return json_string(buf);
	case F_TIME:
		snprintf(buf, sizeof(buf), "%02zu:30", 7 + i % 10);
		return json_string(buf);
	case F_URL: return json_string("https://example.gov.vn/");
	case F_INT: return json_integer(7);
	case F_MONEY: return json_integer(1250000);
	case F_ENUM: return json_string(f->choices && f->choices[0].key ? f->choices[0].key : "khac");
	case F_TAGS: return json_pack("[s]", "Thử nghiệm");
	case F_REF: return json_array();
	case F_FILE: return NULL;
	case F_ROWS: {
		json_t *rows = json_array();
		for (size_t n = 0; n < (f->min ? f->min : 1); n++) {
			json_t *row = json_object();
			for (size_t j = 0; j < f->nsub; j++) {
				json_t *v = field_example(NULL, &f->sub[j], j + n);
				if (v)
					json_object_set_new(row, f->sub[j].key, v);
			}
			json_array_append_new(rows, row);
		}
		return rows;
	}
	default:
		snprintf(buf, sizeof(buf), "%s (thử nghiệm)", f->label);
		if (f->max && utf8_length(buf) > f->max)
			return json_string("Thử");
		return json_string(buf);
	}
}

/* The item's cover and attachments as a write names them and its answer gives them: ids of the
 * site's library, which POST /media fills (api_input_parse, item_admin_json). */
static void library_refs(json_t *props)
{
	json_object_set_new(props, "cover_id",
			    json_pack("{s[ss]sIss}", "type", "integer", "null", "minimum", (json_int_t)1, "description",
				      "Ảnh đại diện: mã một ảnh của thư viện (POST /media); null: bỏ ảnh; không gửi: giữ nguyên"));
	json_object_set_new(props, "attachments",
			    json_pack("{s[ss]s{sssI}sIss}", "type", "array", "null", "items", "type", "integer", "minimum",
				      (json_int_t)1, "maxItems", (json_int_t)API_ATTACHMENTS_MAX, "description",
				      "Tệp đính kèm theo thứ tự: mã các tệp của thư viện (POST /media); không gửi: giữ nguyên"));
}

/* What a write of K's items takes: the common fields, "submit", and K's own under "fields". */
static json_t *input_schema(const struct kind *k)
{
	json_t *props = api_input_common_schema(), *fields = json_object();
	for (size_t i = 0; i < k->nfields; i++)
		json_object_set_new(fields, k->fields[i].key, field_input_schema(&k->fields[i]));
	json_object_set_new(props, "fields", json_pack("{sssOsb}", "type", "object", "properties", fields,
						      "additionalProperties", 0));
	json_object_set_new(props, "submit", json_pack("{ssss}", "type", "boolean", "description",
						      "Lưu rồi gửi biên tập trong cùng một giao dịch"));
	json_decref(fields);
	library_refs(props);
	/* an example a client may send as it is (tests/api/check.mjs does): every field filled but
	 * files, which are the library's uploads */
	json_t *ex = json_object(), *exf = json_object();
	for (size_t i = 0; i < k->nfields; i++) {
		json_t *v = field_example(k, &k->fields[i], i);
		if (v)
			json_object_set_new(exf, k->fields[i].key, v);
	}
	json_object_set_new(ex, "title", json_string("Thử nghiệm qua API"));
	json_object_set_new(ex, "summary", json_string("Tóm tắt"));
	json_object_set_new(ex, "body", json_string("<p>Nội dung.</p>"));
	json_object_set_new(ex, "fields", exf);
	return json_pack("{sssssosbs[o]}", "type", "object", "title", k->label, "properties", props,
			 "additionalProperties", 0, "examples", ex);
}

/* A write's answer: the item as the token sees it (api_write.c, item_admin_json). */
static json_t *draft_schema(const struct kind *k)
{
	json_t *props = api_input_common_schema();
	json_t *fields = json_object();
	for (size_t i = 0; i < k->nfields; i++)
		json_object_set_new(fields, k->fields[i].key, json_object()); /* as stored: any JSON value */
	json_object_set_new(props, "fields", json_pack("{sssO}", "type", "object", "properties", fields));
	json_decref(fields);
	library_refs(props);
	json_t *more = json_pack("{s{ss}s{ss}s{ss}s{ss}s{ss}s{ss}s{s[ss]ss}s{s[ss]ss}s{s[ss]ss}s{s[ss]ss}s{sss{ss}}}",
				 "id", "type", "integer", "kind", "const", k->name, "site", "type", "string", "slug",
				 "type", "string", "state", "type", "string", "workflow_state", "type", "string",
				 "created_at", "type", "string", "null", "format", "date-time", "updated_at", "type",
				 "string", "null", "format", "date-time", "published_at", "type", "string", "null",
				 "format", "date-time", "url", "type", "string", "null", "format", "uri", "actions",
				 "type", "array", "items", "type", "string");
	json_object_update(props, more);
	json_decref(more);
	return json_pack("{sssssos[ssssss]}", "type", "object", "title", k->label, "properties", props, "required", "id",
			 "kind", "state", "workflow_state", "fields", "actions");
}

/* A write operation OP_ID on K: BODY's schema, the answer STATUS with RESULT, the refusals. */
static json_t *write_op(const char *op_id, const char *summary, const char *body_ref, const char *status,
			const char *result_ref, int with_id)
{
	const char *err = "#/components/schemas/error";
	json_t *responses = json_pack("{sososososososo}", status, json_response("Mục như mã API thấy sau khi ghi", result_ref),
				      "400", json_response("Nội dung không hợp lệ: field nêu trường sai", err), "401",
				      json_response("Thiếu mã API, mã sai hoặc đã thu hồi", err), "403",
				      json_response("Mã của trang khác, hoặc vai trò của mã không được làm việc này", err),
				      "404", json_response("Không có loại hoặc mục này", err), "409",
				      json_response("Bước quy trình không làm được ở trạng thái hiện tại", err), "429",
				      json_response("Mã API gửi quá nhiều yêu cầu (Retry-After)", err));
	json_t *op = json_pack("{sssss[{s[]}]s{sbs{s{s{ss}}}}so}", "operationId", op_id, "summary", summary, "security",
			       "token", "requestBody", "required", 1, "content", "application/json", "schema", "$ref",
			       body_ref, "responses", responses);
	if (with_id)
		json_object_set_new(op, "parameters", json_pack("[{sssssbs{ss}}]", "name", "id", "in", "path", "required", 1,
								 "schema", "type", "integer"));
	return op;
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
		/* the writes, with a token (api_write.c) */
		char in_ref[128], draft_ref[128], name[96];
		snprintf(name, sizeof(name), "%s_input", k->name);
		json_object_set_new(schemas, name, input_schema(k));
		snprintf(in_ref, sizeof(in_ref), "#/components/schemas/%s", name);
		snprintf(name, sizeof(name), "%s_draft", k->name);
		json_object_set_new(schemas, name, draft_schema(k));
		snprintf(draft_ref, sizeof(draft_ref), "#/components/schemas/%s", name);
		snprintf(p, sizeof(p), "/%s", k->name);
		snprintf(op, sizeof(op), "create_%s", k->name);
		json_object_set_new(json_object_get(paths, p), "post", write_op(op, "Tạo bản nháp (mã API)", in_ref, "201",
										 draft_ref, 0));
		snprintf(p, sizeof(p), "/%s/{id}", k->name);
		snprintf(op, sizeof(op), "replace_%s", k->name);
		json_object_set_new(json_object_get(paths, p), "put", write_op(op, "Thay toàn bộ nội dung (mã API)", in_ref,
										"200", draft_ref, 1));
		snprintf(op, sizeof(op), "update_%s", k->name);
		json_object_set_new(json_object_get(paths, p), "patch", write_op(op, "Sửa các trường gửi lên (mã API)",
										  in_ref, "200", draft_ref, 1));
		snprintf(p, sizeof(p), "/%s/{id}/actions", k->name);
		snprintf(op, sizeof(op), "act_%s", k->name);
		json_object_set_new(paths, p, json_pack("{so}", "post", write_op(op, "Một bước quy trình duyệt tin (mã API)",
										 "#/components/schemas/action", "200",
										 draft_ref, 1)));
	}
	/* the library's uploads (api_write.c, page_api_media): the file itself as the body */
	json_object_set_new(schemas, "media", json_pack("{sss{s{ss}s{ss}s{ss}s{ss}s{s[ss]}s{s[ss]}s{ss}s{ss}s{ss}s{ssss}}"
							"s[ssssss]}",
							"type", "object", "properties", "id", "type", "integer", "kind", "type",
							"string", "mime", "type", "string", "size", "type", "integer", "width",
							"type", "integer", "null", "height", "type", "integer", "null", "name",
							"type", "string", "alt", "type", "string", "title", "type", "string", "url",
							"type", "string", "format", "uri", "required", "id", "kind", "mime", "size",
							"url", "alt"));
	{
		const char *err = "#/components/schemas/error";
		json_t *responses = json_pack("{sosososososo}", "201", json_response("Tệp đã vào thư viện của trang",
											  "#/components/schemas/media"),
					      "400", json_response("Tệp không nhận (field: file, alt, title)", err), "401",
					      json_response("Thiếu mã API, mã sai hoặc đã thu hồi", err), "403",
					      json_response("Mã của trang khác, hoặc vai trò không được tải lên", err), "413",
					      json_response("Tệp quá lớn", err), "429",
					      json_response("Mã API gửi quá nhiều yêu cầu (Retry-After)", err));
		json_t *params = json_pack("[{sssss{ss}ss}{sssss{ss}ss}{sssss{ss}ss}]", "name", "name", "in", "query",
					   "schema", "type", "string", "description", "Tên tệp (khi tải về)", "name",
					   "alt", "in", "query", "schema", "type", "string", "description",
					   "Mô tả ảnh (bắt buộc với ảnh)", "name", "title", "in", "query", "schema", "type",
					   "string", "description", "Tiêu đề tệp");
		json_object_set_new(paths, "/media",
				    json_pack("{s{sssssss[{s[]}]sos{sbs{s{s{ssss}}}}so}}", "post", "operationId",
					      "upload_media", "summary", "Tải ảnh hoặc tệp vào thư viện (mã API)",
					      "description",
					      "Thân yêu cầu là chính tệp; loại tệp xác định theo nội dung, cùng các giới hạn"
					      " như khi tải lên trong trang quản trị.",
					      "security", "token", "parameters", params, "requestBody", "required", 1,
					      "content", "application/octet-stream", "schema", "type", "string",
					      "contentMediaType", "application/octet-stream", "responses", responses));
	}
	const char *actions[16];
	size_t nact = article_action_names(actions, ARRAY_SIZE(actions));
	json_t *names = json_array();
	for (size_t i = 0; i < nact; i++)
		json_array_append_new(names, json_string(actions[i]));
	json_object_set_new(schemas, "action", json_pack("{sss{s{ssso}s{s[ss]}s{s[ss]}s{s[ss]ss}}s[s]sb}", "type", "object",
							 "properties", "action", "type", "string", "enum", names, "comment",
							 "type", "string", "null", "reason", "type", "string", "null",
							 "when", "type", "integer", "null", "description",
							 "schedule: Unix seconds", "required", "action",
							 "additionalProperties", 0));
	struct sb title = SB_INIT;
	sb_addf(&title, "%s — API", json_string_value(json_object_get(r->site, "name")));
	json_t *doc = json_pack("{sss{ssssss}s[{ss}]sos{sos{s{ssss}}}}", "openapi", "3.1.0", "info", "title", title.buf,
				"version", "1", "description",
				"Thông tin công khai, đọc tự do (CORS); ghi bằng mã API của trang (Authorization: Bearer),"
				" theo đúng quyền và quy trình duyệt của vai trò của mã; lỗi: {\"error\": {code, message, field}}",
				"servers", "url", base, "paths", paths, "components", "schemas", schemas, "securitySchemes",
				"token", "type", "http", "scheme", "bearer");
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
