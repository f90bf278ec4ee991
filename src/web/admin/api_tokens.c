/* api_tokens.c — the site administrators' page of the JSON API's tokens (model/token.h,
 * docs/api.md): make one (its secret shown on the answer page, once), see them all (name, role,
 * made, last used, revoked), revoke one.
 * WEBPAGE: GET  /quan-tri/ma-api                the list and the form
 * WEBPAGE: POST /quan-tri/ma-api                name, role: a new token, shown once
 * WEBPAGE: POST /quan-tri/ma-api/<id>/thu-hoi   revoke it (final) */
#include "web/web.h"
#include "base/util.h"
#include "model/token.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define TOKENS_PATH "/quan-tri/ma-api"

static const char *const roles[] = { "reporter", "editor", "approver", "siteadmin" };

static json_int_t site_id_of(struct req *r)
{
	return json_integer_value(json_object_get(r->site, "id"));
}

/* The role's name in the page's language (locale api_role_<role>). */
static const char *role_text(struct req *r, const char *role)
{
	char key[40];
	snprintf(key, sizeof(key), "api_role_%s", role ? role : "");
	const char *t = rtr(r, key);
	return strcmp(t, key) == 0 ? (role ? role : "") : t;
}

static void tokens_render(struct req *r, int status, const char *secret, const char *name, const char *role,
			  const struct errs *e)
{
	json_t *list = token_list(r->db, &r->actor, site_id_of(r));
	if (!list) {
		resp_error(r, 403, "forbidden");
		return;
	}
	size_t i;
	json_t *t;
	char buf[40];
	json_array_foreach(list, i, t) {
		static const char *const times[][2] = { { "created_at", "created" }, { "last_used_at", "last_used" },
							{ "revoked_at", "revoked" } };
		json_object_set_new(t, "role_label", json_string(role_text(r, json_string_value(json_object_get(t, "role")))));
		for (size_t j = 0; j < ARRAY_SIZE(times); j++) {
			int64_t at = json_integer_value(json_object_get(t, times[j][0]));
			if (at) {
				time_format_vn(at, buf, sizeof(buf));
				json_object_set_new(t, times[j][1], json_string(buf));
			}
		}
		json_object_set_new(t, "is_revoked", json_boolean(json_integer_value(json_object_get(t, "revoked_at")) != 0));
	}
	json_t *ctx = admin_ctx(r, rtr(r, "api_tokens_title"));
	json_object_set_new(ctx, "tokens", list);
	json_object_set_new(ctx, "has_tokens", json_boolean(json_array_size(list) > 0));
	json_t *opts = json_array();
	for (size_t j = 0; j < ARRAY_SIZE(roles); j++) {
		/* a site administrator's token is the system administrator's to give, as the role is */
		if (strcmp(roles[j], "siteadmin") == 0 && !r->actor.sysadmin)
			continue;
		json_array_append_new(opts, json_pack("{sssssb}", "value", roles[j], "label", role_text(r, roles[j]),
						      "selected", role && strcmp(role, roles[j]) == 0));
	}
	json_object_set_new(ctx, "roles", opts);
	json_object_set_new(ctx, "form", json_pack("{ss}", "name", name ? name : ""));
	if (secret)
		json_object_set_new(ctx, "new_token", json_string(secret));
	if (req_arg(r, "da-thu-hoi"))
		json_object_set_new(ctx, "notice", json_string(rtr(r, "api_token_revoked_notice")));
	char base[256];
	char *url = web_site_url(r, r->site);
	snprintf(base, sizeof(base), "%sapi/v1", url);
	free(url);
	json_object_set_new(ctx, "api_base", json_string(base));
	if (e)
		admin_errors(r, ctx, e);
	/* the page that shows a secret is never kept by a cache or the browser's history */
	resp_header(r, "Cache-Control", "no-store");
	resp_render(r, status, "admin/api-tokens", ctx);
}

void admin_api_tokens(struct req *r)
{
	tokens_render(r, 200, NULL, NULL, NULL, NULL);
}

void admin_api_token_create(struct req *r)
{
	struct errs e = { 0 };
	char secret[TOKEN_LEN + 1];
	int64_t id;
	const char *name = req_form(r, "name"), *role = req_form(r, "role");
	int rc = token_create(r->db, &r->actor, site_id_of(r), name, role, secret, &id, &e);
	if (rc == M_INVALID) {
		tokens_render(r, 422, NULL, name, role, &e);
		return;
	}
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	/* shown on this answer alone: only its hash is kept */
	tokens_render(r, 201, secret, NULL, NULL, NULL);
	sodium_memzero(secret, sizeof(secret));
}

void admin_api_token_revoke(struct req *r)
{
	int64_t id;
	if (parse_i64(r->captures[0], 1, INT64_MAX, &id)) {
		resp_error(r, 404, "not_found");
		return;
	}
	int rc = token_revoke(r->db, &r->actor, site_id_of(r), id);
	if (rc != M_OK) {
		admin_model_error(r, rc);
		return;
	}
	resp_redirect(r, 303, TOKENS_PATH "?da-thu-hoi=1");
}
