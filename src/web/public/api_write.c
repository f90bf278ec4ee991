/* api_write.c — the JSON API's writes, with a per-site token (docs/api.md, "Writing").
 * WEBPAGE: POST  /api/v1/<kind>                 a new draft of KIND (201, the item as the token sees it)
 * WEBPAGE: PUT   /api/v1/<kind>/<id>            the item's values replaced by the body's
 * WEBPAGE: PATCH /api/v1/<kind>/<id>            the body's values laid over the item's
 * WEBPAGE: POST  /api/v1/<kind>/<id>/actions    {"action": "submit"|"edited"|"publish"|…,
 *                                               "comment", "reason", "when"}: a workflow step
 * WEBPAGE: POST  /api/v1/media                  the body is the file itself (any Content-Type: the
 *                                               bytes decide); ?name= (else Content-Disposition's
 *                                               filename), ?alt= (an image's description, required),
 *                                               ?title=: 201 {id, kind, mime, …, url}, the id an
 *                                               item's "cover_id" or "attachments" then names
 * The routes declare ROUTE_TOKEN (http.h): api_token_gate() lets through only a token of the
 * request's site, never a session cookie, and the token acts as its own account with its role
 * (model/token.h). Handlers are thin: the body becomes the admin form's input (model/api_input.h)
 * and the admin's model calls do the rest — permission, validation, workflow, audit, cache —
 * each request in one transaction. Errors: the read side's shape, with the field named. */
#include "web/web.h"
#include "base/arena.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"
#include "http/ratelimit.h"
#include "model/api_input.h"
#include "model/kind.h"
#include "model/token.h"
#include "web/public/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/banned.h"

/* The token's refusal: 401 asks for a token (WWW-Authenticate, RFC 6750). */
static void refuse(struct req *r, int status, const char *code)
{
	if (status == 401)
		resp_header(r, "WWW-Authenticate", "Bearer realm=\"api\"");
	resp_header(r, "Cache-Control", "no-store");
	api_error(r, status, code, NULL);
}

int api_token_gate(struct req *r)
{
	/* the token alone: a session cookie the browser sends is not read, so a signed-in
	 * editor's browser cannot be made to write here by another site's page */
	const char *h = req_header(r, "Authorization");
	if (!h || strncasecmp(h, "Bearer ", 7) != 0) {
		refuse(r, 401, "api_token_missing");
		return -1;
	}
	const char *secret = h + 7;
	while (*secret == ' ')
		secret++;
	struct api_token t;
	int rc = token_verify(r->db, secret, &t);
	if (rc == M_ERROR) {
		api_error(r, 500, "api_server_error", NULL);
		return -1;
	}
	if (rc != M_OK) {
		refuse(r, 401, rc == M_DENIED ? "api_token_revoked" : "api_token_invalid");
		return -1;
	}
	if (t.site_id != json_integer_value(json_object_get(r->site, "id"))) {
		log_warn("api: token %lld of another site refused on %s", (long long)t.id, r->host ? r->host : "-");
		refuse(r, 403, "api_token_site");
		return -1;
	}
	char key[32];
	snprintf(key, sizeof(key), "token:%lld", (long long)t.id);
	int64_t wait = ratelimit_take(RL_TOKEN, key);
	if (wait) {
		char secs[24];
		snprintf(secs, sizeof(secs), "%lld", (long long)wait);
		resp_header(r, "Retry-After", secs);
		log_warn("rate limit: %s %s by token %lld", r->method, r->path, (long long)t.id);
		refuse(r, 429, "api_rate_limited");
		return -1;
	}
	token_actor(&t, r->address, &r->actor);
	r->api_token = t.id;
	return 0;
}

/* The model's field name as the body names it: a kind's own field is under "fields". */
static const char *body_name(const struct kind *k, const char *field, char *buf, size_t n)
{
	if (field && strcmp(field, "cover") == 0)
		return "cover_id"; /* the model's name of the form's cover upload */
	if (!k || !field || api_input_common(field) || strncmp(field, "fields.", 7) == 0)
		return field;
	size_t len = strcspn(field, ".");
	for (size_t i = 0; i < k->nfields; i++)
		if (strlen(k->fields[i].key) == len && strncmp(k->fields[i].key, field, len) == 0) {
			snprintf(buf, n, "fields.%s", field);
			return buf;
		}
	return field;
}

/* A refusal with field errors E: the first as the error, every one under "details". */
static void send_rc(struct req *r, int rc);

static void send_errors(struct req *r, int status, const struct kind *k, const struct errs *e)
{
	if (!e->n) { /* a refusal that says nothing is the model's fault, not the request's */
		send_rc(r, status == 403 ? M_DENIED : M_ERROR);
		return;
	}
	json_t *details = json_array();
	char buf[200];
	for (int i = 0; i < e->n; i++) {
		const char *f = body_name(k, e->e[i].field, buf, sizeof(buf));
		json_array_append_new(details, json_pack("{sssss s?}", "code", e->e[i].key, "message",
							 e->text[i] ? e->text[i] : rtr(r, e->e[i].key), "field", f));
	}
	json_t *first = json_array_get(details, 0);
	json_t *out = json_pack("{s{sOsOsOso}}", "error", "code", json_object_get(first, "code"), "message",
				json_object_get(first, "message"), "field", json_object_get(first, "field") ?: json_null(),
				"details", details);
	char *text = json_dumps(out, JSON_COMPACT);
	resp_header(r, "Cache-Control", "no-store");
	resp_bytes(r, status, "application/json; charset=utf-8", text, strlen(text));
	json_free_str(text);
	json_decref(out);
}

/* A model call's refusal without field errors. */
static void send_rc(struct req *r, int rc)
{
	if (rc == M_DENIED)
		api_error(r, 403, "api_forbidden", NULL);
	else if (rc == M_NOTFOUND)
		api_error(r, 404, "api_not_found", NULL);
	else
		api_error(r, 500, "api_server_error", NULL);
}

/* Item ID as the token sees it (article_get_admin): its workflow state, values, the actions
 * the token may take, and its public address once published. */
static json_t *item_admin_json(struct req *r, const struct kind *k, json_t *a)
{
	int64_t id = json_integer_value(json_object_get(a, "id"));
	const char *state = json_string_value(json_object_get(a, "state"));
	json_t *o = api_input_current(a);
	json_object_set_new(o, "id", json_integer(id));
	json_object_set_new(o, "kind", json_string(k->name));
	json_object_set(o, "site", json_object_get(r->site, "slug"));
	json_object_set(o, "slug", json_object_get(a, "slug"));
	json_object_set(o, "state", json_object_get(a, "state"));
	json_object_set(o, "workflow_state", json_object_get(a, "wstate"));
	char t[40];
	static const char *const times[] = { "created_at", "updated_at", "published_at" };
	for (size_t i = 0; i < ARRAY_SIZE(times); i++) {
		json_t *v = json_object_get(a, times[i]);
		if (json_is_integer(v) && json_integer_value(v) > 0) {
			time_format_iso(json_integer_value(v), t, sizeof(t));
			json_object_set_new(o, times[i], json_string(t));
		} else {
			json_object_set_new(o, times[i], json_null());
		}
	}
	if (state && strcmp(state, "published") == 0) {
		char *path = web_item_path(k->name, json_string_value(json_object_get(a, "slug")), id);
		struct sb u = SB_INIT;
		web_add_site_url(&u, r, r->site);
		sb_truncate(&u, u.len - 1);
		sb_adds(&u, path);
		json_object_set_new(o, "url", json_string(u.buf));
		sb_release(&u);
		free(path);
	} else {
		json_object_set_new(o, "url", json_null());
	}
	json_t *acts = article_actions(r->db, &r->actor, json_integer_value(json_object_get(r->site, "id")), a);
	json_t *names = json_array(), *x;
	size_t i;
	json_array_foreach(acts, i, x)
		json_array_append(names, json_object_get(x, "action"));
	json_decref(acts);
	json_object_set_new(o, "actions", names);
	/* its attachments by id, in order: what "attachments" in a body names */
	json_t *att = article_attachments(r->db, id), *ids = json_array();
	json_array_foreach(att, i, x)
		json_array_append(ids, json_object_get(x, "id"));
	json_decref(att);
	json_object_set_new(o, "attachments", ids);
	if (!json_object_get(o, "cover_id"))
		json_object_set_new(o, "cover_id", json_null());
	return o;
}

/* Answers STATUS with item ID as the token now sees it. */
static void send_item(struct req *r, int status, const struct kind *k, int64_t id)
{
	int64_t site_id = json_integer_value(json_object_get(r->site, "id"));
	json_t *a = article_get_admin(r->db, &r->actor, site_id, id);
	if (!a) {
		send_rc(r, M_NOTFOUND);
		return;
	}
	json_t *o = item_admin_json(r, k, a);
	json_decref(a);
	char *text = json_dumps(o, JSON_COMPACT);
	resp_header(r, "Cache-Control", "no-store");
	if (status == 201) {
		char loc[160];
		snprintf(loc, sizeof(loc), "/api/v1/%s/%lld", k->name, (long long)id);
		resp_header(r, "Location", loc);
	}
	resp_bytes(r, status, "application/json; charset=utf-8", text, strlen(text));
	json_free_str(text);
	json_decref(o);
}

/* The kind of the path's first capture, or NULL (answered 404). */
static const struct kind *path_kind(struct req *r)
{
	const struct kind *k = kind_find(r->captures[0]);
	if (!k)
		api_error(r, 404, "api_unknown_kind", NULL);
	return k;
}

/* Item ID of the second capture on this site, of kind K, as the token may see it: its stored
 * values (new), or NULL (answered 404 or 403). */
static json_t *path_item(struct req *r, const struct kind *k, int64_t *id)
{
	char *end;
	long long n = strtoll(r->captures[1], &end, 10);
	int64_t site_id = json_integer_value(json_object_get(r->site, "id"));
	json_t *a = *end || n <= 0 ? NULL : article_get_admin(r->db, &r->actor, site_id, n);
	const char *kind = json_string_value(json_object_get(a, "kind"));
	if (!a || strcmp(kind ? kind : "article", k->name) != 0) {
		json_decref(a);
		api_error(r, 404, "api_not_found", NULL);
		return NULL;
	}
	*id = n;
	return a;
}

/* The request as one transaction: the save, its workflow step and the token's "last used"
 * are kept together or not at all (the model's own transactions nest as savepoints). */
static int write_begin(struct req *r)
{
	if (db_begin(r->db)) {
		api_error(r, 500, "api_server_error", NULL);
		return -1;
	}
	return 0;
}

static int write_end(struct req *r, int ok)
{
	if (ok && token_touch(r->db, r->api_token) == 0 && db_commit(r->db) == 0)
		return 0;
	db_rollback(r->db);
	return -1;
}

/* POST /api/v1/<kind>, and PUT or PATCH /api/v1/<kind>/<id>: the body saved through
 * article_save, as the admin form saves it; "submit": true also sends it for editing (the
 * form's "save and send"). */
static void save(struct req *r, const struct kind *k, int64_t id, json_t *base)
{
	struct errs e = { 0 };
	struct api_input in;
	int64_t site_id = json_integer_value(json_object_get(r->site, "id")), new_id = 0;
	if (api_input_parse(k, r->raw.buf, r->raw.len, base, &in, &e)) {
		api_input_release(&in);
		send_errors(r, 400, k, &e);
		return;
	}
	int submit = in.submit;
	in.in.data_dir = r->app->data_dir;
	if (write_begin(r)) {
		api_input_release(&in);
		return;
	}
	int rc = submit ? article_save_submit(r->db, &r->actor, site_id, id, &in.in, &e, &new_id)
			: article_save(r->db, &r->actor, site_id, id, &in.in, &e, &new_id);
	api_input_release(&in);
	if (write_end(r, rc == M_OK)) {
		if (rc == M_INVALID)
			send_errors(r, 400, k, &e);
		else if (rc == M_DENIED && submit && e.n) /* the save was allowed, the step was not */
			send_errors(r, 403, k, &e);
		else
			send_rc(r, rc == M_OK ? M_ERROR : rc);
		return;
	}
	send_item(r, id ? 200 : 201, k, new_id ? new_id : id);
}

void page_api_create(struct req *r)
{
	const struct kind *k = path_kind(r);
	if (k)
		save(r, k, 0, NULL);
}

void page_api_update(struct req *r)
{
	const struct kind *k = path_kind(r);
	int64_t id;
	json_t *a = k ? path_item(r, k, &id) : NULL;
	if (!a)
		return;
	/* PATCH lays the body over the stored values; PUT replaces them (what it leaves out is
	 * emptied, as a form sent with empty inputs) */
	json_t *base = r->method_flag == ROUTE_PATCH ? api_input_current(a) : NULL;
	json_decref(a);
	save(r, k, id, base);
	json_decref(base);
}

/* A workflow refusal that is about the item's state, not the request: 409. */
static int step_conflict(const char *key)
{
	return strcmp(key, "wf_state") == 0 || strcmp(key, "wf_needs_editing") == 0;
}

void page_api_action(struct req *r)
{
	const struct kind *k = path_kind(r);
	int64_t id;
	json_t *a = k ? path_item(r, k, &id) : NULL;
	if (!a)
		return;
	json_decref(a);
	struct errs e = { 0 };
	struct act_input in = { 0 };
	json_t *body = json_loadb(r->raw.buf, r->raw.len, JSON_REJECT_DUPLICATES, NULL);
	const char *action = NULL, *key;
	json_t *v;
	if (!json_is_object(body)) {
		errs_add(&e, NULL, "api_bad_json");
	} else {
		json_object_foreach(body, key, v) {
			int ok = json_is_string(v) || json_is_null(v);
			if (strcmp(key, "action") == 0 && json_is_string(v))
				action = json_string_value(v);
			else if (strcmp(key, "comment") == 0 && ok)
				in.comment = json_string_value(v);
			else if (strcmp(key, "reason") == 0 && ok)
				in.reason = json_string_value(v);
			else if (strcmp(key, "when") == 0 && json_is_integer(v) && json_integer_value(v) > 0)
				in.when = json_integer_value(v); /* Unix seconds */
			else if (strcmp(key, "action") == 0 || strcmp(key, "comment") == 0 || strcmp(key, "reason") == 0 ||
				 strcmp(key, "when") == 0)
				errs_add_copy(&e, key, "api_bad_type");
			else
				errs_add_copy(&e, key, "api_unknown_field");
		}
		if (!action && !e.n)
			errs_add(&e, "action", "required");
	}
	if (e.n) {
		send_errors(r, 400, k, &e);
		json_decref(body);
		return;
	}
	int rc = M_ERROR;
	if (!write_begin(r)) {
		rc = article_act(r->db, &r->actor, json_integer_value(json_object_get(r->site, "id")), id, action, &in, &e);
		json_decref(body);
		body = NULL;
		if (write_end(r, rc == M_OK)) {
			if (e.n) /* the role (403) or the step's own rules (409: not from this state, a comment missing) */
				send_errors(r, rc == M_DENIED ? 403 : step_conflict(e.e[0].key) ? 409 : 400, k, &e);
			else
				send_rc(r, rc == M_OK ? M_ERROR : rc);
			return;
		}
		send_item(r, 200, k, id);
	}
	json_decref(body);
}

/* ---- the library's uploads (#16) ---- */

/* The file's name: ?name=, else the quoted filename of Content-Disposition (RFC 6266), else "". It
 * is only the name shown for a download: the type comes from the bytes (model/media.c). */
static void upload_name(struct req *r, char *out, size_t n)
{
	const char *q = req_arg(r, "name");
	out[0] = '\0';
	if (q) {
		snprintf(out, n, "%s", q);
		return;
	}
	const char *cd = req_header(r, "Content-Disposition");
	const char *f = cd ? strstr(cd, "filename=\"") : NULL;
	if (!f)
		return;
	f += 10;
	size_t len = strcspn(f, "\"");
	if (f[len] == '"' && len < n) {
		memcpy(out, f, len);
		out[len] = '\0';
	}
}

/* POST /api/v1/media: the body stored in the site's library through the admin's upload
 * (media_store_file: the type sniffed from the bytes, images decoded and measured, audio and
 * video under the site's limit, the size limits), in the request's transaction. A mature API's
 * way (WordPress's /wp/v2/media, GitHub's release assets): the raw bytes, no base64 (a third
 * larger) and no multipart in a JSON API; the item then names the id. */
void page_api_media(struct req *r)
{
	struct errs e = { 0 };
	int64_t site_id = json_integer_value(json_object_get(r->site, "id")), id = 0;
	char name[256];
	upload_name(r, name, sizeof(name));
	const char *alt = req_arg(r, "alt"), *title = req_arg(r, "title");
	if (write_begin(r))
		return;
	/* an image needs its description: "" asks the model for one, as the library's form does */
	int rc = media_store_file(r->db, r->app->data_dir, &r->actor, site_id, r->raw.buf, r->raw.len, name,
				  alt ? alt : "", title, &e, &id);
	if (write_end(r, rc == M_OK)) {
		if (rc == M_INVALID && e.n)
			send_errors(r, strstr(e.e[0].key, "too_big") ? 413 : 400,
				    NULL, &e);
		else
			send_rc(r, rc == M_OK || rc == M_INVALID ? M_ERROR : rc);
		return;
	}
	json_t *m = media_get(r->db, id);
	if (!m) {
		send_rc(r, M_ERROR);
		return;
	}
	char *path = media_url(m);
	struct sb u = SB_INIT;
	web_add_site_url(&u, r, r->site);
	sb_truncate(&u, u.len - 1);
	sb_adds(&u, path);
	json_t *o = json_pack("{sOsOsOsOsOsOsOsOsOss}", "id", json_object_get(m, "id"), "kind", json_object_get(m, "kind"),
			      "mime", json_object_get(m, "mime"), "size", json_object_get(m, "size"), "width",
			      json_object_get(m, "width"), "height", json_object_get(m, "height"), "name",
			      json_object_get(m, "orig_name"), "alt", json_object_get(m, "alt"), "title",
			      json_object_get(m, "title"), "url", u.buf);
	sb_release(&u);
	free(path);
	json_decref(m);
	char *text = json_dumps(o, JSON_COMPACT);
	resp_header(r, "Cache-Control", "no-store");
	resp_bytes(r, 201, "application/json; charset=utf-8", text, strlen(text));
	json_free_str(text);
	json_decref(o);
}
