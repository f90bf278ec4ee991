/* test_token.c — the JSON API's per-site tokens (model/token.c) and its request bodies
 * (model/api_input.c): the secret shown once and kept only as a hash, checked in constant time;
 * the token's role on its own site alone, through the same model calls as an account (a reporter
 * drafts and submits, never publishes); revoking; who may make and revoke; audit records that
 * name the token; a body's fields checked by name and type before the model validates them. */
#include "t.h"
#include "tdb.h"
#include "db/db.h"
#include "model/api_input.h"
#include "model/item.h"
#include "model/kind.h"
#include "model/model.h"
#include "model/token.h"
#include "base/util.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PW "Mật-khẩu-rất-dài-2026!"

static int64_t add_user(struct db *db, const char *name, const char *role, const char *site)
{
	struct errs e = { 0 };
	int64_t id = 0;
	return user_add(db, name, name, role, site, PW, &e, &id) ? 0 : id;
}

static int has_err(const struct errs *e, const char *field, const char *key)
{
	for (int i = 0; i < e->n; i++)
		if (e->e[i].field && strcmp(e->e[i].field, field) == 0 && strcmp(e->e[i].key, key) == 0)
			return 1;
	return 0;
}

static int64_t audit_count(struct db *db, const char *action, int64_t user_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM audit WHERE action = ? AND (? = 0 OR user_id = ?)");
	int64_t n = -1;
	db_bind_text(st, 1, action);
	db_bind_int(st, 2, user_id);
	db_bind_int(st, 3, user_id);
	db_one_int(st, &n);
	return n;
}

static const char legal_body[] =
	"{\"title\": \"Quyết định thử qua API\", \"summary\": \"Tóm tắt\", \"fields\": {\"so_ky_hieu\": \"12/2026/QĐ-UBND\","
	" \"loai\": \"Quyết định\", \"co_quan_ban_hanh\": \"UBND tỉnh\", \"ngay_ban_hanh\": \"2026-03-01\","
	" \"pham_vi\": \"tinh\", \"linh_vuc\": [\"Nội vụ\", \"Thử\"]}}";

TEST(token_secret_shown_once_kept_as_hash)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db != NULL))
		return;
	t_add_site(db, "Cổng thông tin điện tử tỉnh", "main", NULL);
	int64_t site = t_add_site(db, "Sở Nội vụ", "department", NULL);
	struct errs e = { 0 };
	char secret[TOKEN_LEN + 1];
	int64_t id = 0;
	CHECK(token_create(db, &actor_cli, site, "Cổng dịch vụ công", "reporter", secret, &id, &e) == M_OK);
	CHECK(id > 0 && strlen(secret) == TOKEN_LEN && strncmp(secret, TOKEN_PREFIX, 5) == 0);
	/* the row holds the key id and the BLAKE2b hash of the secret part, never the secret */
	struct db_stmt *st = db_stmt(db, "SELECT key_id, secret_hash, name, role FROM api_tokens WHERE id = ?");
	db_bind_int(st, 1, id);
	if (CHECK(db_step(st) == DB_ROW)) {
		const char *rest = secret + 5 + TOKEN_KEY_HEX + 1;
		unsigned char h[32];
		char hex[65];
		crypto_generichash(h, sizeof(h), (const unsigned char *)rest, strlen(rest), NULL, 0);
		sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
		CHECK(strncmp(db_col_text(st, 0), secret + 5, TOKEN_KEY_HEX) == 0);
		CHECK_STR(db_col_text(st, 1), hex);
		CHECK(strstr(db_col_text(st, 1), rest) == NULL);
		CHECK_STR(db_col_text(st, 2), "Cổng dịch vụ công");
		CHECK_STR(db_col_text(st, 3), "reporter");
	}
	db_reset(st);
	/* two tokens never share a secret or a key id */
	char other[TOKEN_LEN + 1];
	int64_t id2;
	CHECK(token_create(db, &actor_cli, site, NULL, "editor", other, &id2, &e) == M_OK);
	CHECK(id2 != id && strcmp(other, secret) != 0 && strncmp(other, secret, 5 + TOKEN_KEY_HEX) != 0);
	json_t *list = token_list(db, &actor_cli, site);
	CHECK(json_array_size(list) == 2);
	/* a token without a name is called by its key id; no secret is listed */
	char want[32];
	snprintf(want, sizeof(want), "api-%.*s", TOKEN_KEY_HEX, other + 5);
	CHECK_STR(json_string_value(json_object_get(json_array_get(list, 0), "name")), want);
	char *dump = json_dumps(list, 0);
	CHECK(strstr(dump, secret + 5 + TOKEN_KEY_HEX + 1) == NULL && strstr(dump, other + 5 + TOKEN_KEY_HEX + 1) == NULL);
	free(dump);
	json_decref(list);
	CHECK(audit_count(db, "api_token.create", 0) == 2);
	db_close(db);
}

TEST(token_verify_refuses_what_is_not_the_token)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db != NULL))
		return;
	t_add_site(db, "Cổng thông tin điện tử tỉnh", "main", NULL);
	int64_t site = t_add_site(db, "Sở Nội vụ", "department", NULL);
	struct errs e = { 0 };
	char secret[TOKEN_LEN + 1], bad[TOKEN_LEN + 1];
	int64_t id;
	struct api_token t;
	CHECK(token_create(db, &actor_cli, site, "máy", "approver", secret, &id, &e) == M_OK);
	CHECK(token_verify(db, secret, &t) == M_OK);
	CHECK(t.id == id && t.site_id == site && t.user_id > 0);
	CHECK_STR(t.role, "approver");
	/* the last character changed: the key id still finds the row, the hash does not match */
	memcpy(bad, secret, sizeof(bad));
	bad[TOKEN_LEN - 1] = bad[TOKEN_LEN - 1] == 'A' ? 'B' : 'A';
	CHECK(token_verify(db, bad, &t) == M_NOTFOUND);
	/* another key id with the right secret */
	memcpy(bad, secret, sizeof(bad));
	bad[5] = bad[5] == 'a' ? 'b' : 'a';
	CHECK(token_verify(db, bad, &t) == M_NOTFOUND);
	CHECK(token_verify(db, "", &t) == M_NOTFOUND);
	CHECK(token_verify(db, "cong_", &t) == M_NOTFOUND);
	CHECK(token_verify(db, NULL, &t) == M_NOTFOUND);
	bad[TOKEN_LEN - 1] = 0; /* one character short */
	CHECK(token_verify(db, bad, &t) == M_NOTFOUND);
	db_close(db);
}

TEST(token_role_goes_through_the_workflow)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db != NULL))
		return;
	t_add_site(db, "Cổng thông tin điện tử tỉnh", "main", NULL);
	int64_t site = t_add_site(db, "Sở Nội vụ", "department", NULL);
	int64_t other_site = t_add_site(db, "Sở Y tế", "department", NULL);
	struct errs e = { 0 };
	char rs[TOKEN_LEN + 1], as[TOKEN_LEN + 1], es[TOKEN_LEN + 1];
	int64_t rid, aid, eid;
	struct api_token rt, at, et;
	CHECK(token_create(db, &actor_cli, site, "phóng viên", "reporter", rs, &rid, &e) == M_OK);
	CHECK(token_create(db, &actor_cli, site, "biên tập", "editor", es, &eid, &e) == M_OK);
	CHECK(token_create(db, &actor_cli, site, "duyệt", "approver", as, &aid, &e) == M_OK);
	CHECK(token_verify(db, rs, &rt) == M_OK && token_verify(db, es, &et) == M_OK && token_verify(db, as, &at) == M_OK);
	struct actor reporter, editor, approver;
	token_actor(&rt, "127.0.0.1", &reporter);
	token_actor(&et, "127.0.0.1", &editor);
	token_actor(&at, "127.0.0.1", &approver);
	CHECK_STR(user_role_on(db, &reporter, site), "reporter");
	CHECK(user_role_on(db, &reporter, other_site) == NULL); /* its own site alone */
	CHECK(!reporter.sysadmin);

	const struct kind *k = kind_find("legal");
	struct api_input in;
	int64_t item = 0;
	CHECK(api_input_parse(k, legal_body, strlen(legal_body), NULL, &in, &e) == 0);
	CHECK(article_save(db, &reporter, other_site, 0, &in.in, &e, &item) == M_DENIED);
	CHECK(article_save(db, &reporter, site, 0, &in.in, &e, &item) == M_OK && item > 0);
	api_input_release(&in);
	CHECK(article_act(db, &reporter, site, item, "publish", NULL, &e) == M_DENIED);
	e.n = 0;
	CHECK(article_act(db, &reporter, site, item, "submit", NULL, &e) == M_OK);
	CHECK(article_act(db, &editor, site, item, "publish", NULL, &e) == M_DENIED);
	e.n = 0;
	CHECK(article_act(db, &editor, site, item, "edited", NULL, &e) == M_OK);
	CHECK(article_act(db, &approver, site, item, "publish", NULL, &e) == M_OK);
	json_t *pub = item_get_public(db, site, "legal", item);
	CHECK(pub != NULL);
	json_decref(pub);
	/* the item is the reporter token's own, and the audit names each token's account */
	json_t *a = article_get_admin(db, &approver, site, item);
	CHECK(json_integer_value(json_object_get(a, "created_by")) == rt.user_id);
	json_decref(a);
	CHECK(audit_count(db, "article.transition", rt.user_id) == 1);
	CHECK(audit_count(db, "article.transition", et.user_id) == 1);
	CHECK(audit_count(db, "article.transition", at.user_id) == 1);
	db_close(db);
}

TEST(token_revoked_and_who_may)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db != NULL))
		return;
	char slug[64], other_slug[64];
	t_add_site(db, "Cổng thông tin điện tử tỉnh", "main", NULL);
	int64_t site = t_add_site(db, "Sở Nội vụ", "department", slug);
	int64_t other_site = t_add_site(db, "Sở Y tế", "department", other_slug);
	int64_t admin = add_user(db, "bao.snv", "siteadmin", slug);
	int64_t rep = add_user(db, "khoa.snv", "reporter", slug);
	int64_t other = add_user(db, "lan.syt", "siteadmin", other_slug);
	struct errs e = { 0 };
	CHECK(admin && rep && other);
	struct actor adm = { .id = admin }, reporter = { .id = rep }, stranger = { .id = other };
	char s[TOKEN_LEN + 1];
	int64_t id;
	/* a reporter makes no token; a site administrator no site administrator's token */
	CHECK(token_create(db, &reporter, site, "x", "reporter", s, &id, &e) == M_DENIED);
	CHECK(token_create(db, &adm, site, "x", "siteadmin", s, &id, &e) == M_INVALID && has_err(&e, "role", "role_needs_sysadmin"));
	e.n = 0;
	CHECK(token_create(db, &adm, site, "x", "boss", s, &id, &e) == M_INVALID && has_err(&e, "role", "role_invalid"));
	e.n = 0;
	char longname[420];
	memset(longname, 'a', 101);
	longname[101] = 0;
	CHECK(token_create(db, &adm, site, longname, "editor", s, &id, &e) == M_INVALID &&
	      has_err(&e, "name", "api_token_name_long"));
	e.n = 0;
	CHECK(token_create(db, &adm, site, "Hệ thống một cửa", "editor", s, &id, &e) == M_OK);
	struct api_token t;
	CHECK(token_verify(db, s, &t) == M_OK);
	/* its account is no account: it cannot sign in, it is not listed, no role is granted to it */
	json_t *u = user_get(db, t.user_id);
	const char *uname = json_string_value(json_object_get(u, "username"));
	int64_t wait = 0;
	json_t *who = uname ? user_authenticate(db, uname, "!", "127.0.0.1", &wait) : NULL;
	CHECK(uname && who == NULL);
	json_decref(who);
	CHECK(user_grant(db, &actor_cli, site, uname, "approver", &e) == M_INVALID && has_err(&e, "username", "user_unknown"));
	e.n = 0;
	json_decref(u);
	json_t *all = account_review_list(db, &actor_cli, 0, time_now());
	size_t i;
	json_t *row;
	json_array_foreach(all, i, row)
		CHECK(json_integer_value(json_object_get(row, "id")) != t.user_id);
	json_decref(all);
	/* another site's administrator neither sees nor revokes it */
	CHECK(token_list(db, &stranger, site) == NULL);
	CHECK(token_revoke(db, &stranger, other_site, id) == M_NOTFOUND);
	CHECK(token_revoke(db, &stranger, site, id) == M_DENIED);
	CHECK(token_verify(db, s, &t) == M_OK);
	/* revoked: refused from then on, its role gone with it */
	struct actor tok;
	token_actor(&t, NULL, &tok);
	CHECK_STR(user_role_on(db, &tok, site), "editor");
	CHECK(token_revoke(db, &adm, site, id) == M_OK);
	CHECK(token_revoke(db, &adm, site, id) == M_OK); /* again: nothing more */
	CHECK(token_verify(db, s, &t) == M_DENIED);
	CHECK(user_role_on(db, &tok, site) == NULL);
	CHECK(audit_count(db, "api_token.revoke", admin) == 1);
	CHECK(token_revoke(db, &actor_cli, 0, 9999) == M_NOTFOUND);
	json_t *list = token_list(db, &adm, site);
	CHECK(json_integer_value(json_object_get(json_array_get(list, 0), "revoked_at")) > 0);
	json_decref(list);
	db_close(db);
}

TEST(api_input_names_what_is_wrong)
{
	const struct kind *k = kind_find("legal");
	struct errs e = { 0 };
	struct api_input in;
	if (!CHECK(k != NULL))
		return;
	CHECK(api_input_parse(k, "{\"title\":", 9, NULL, &in, &e) == -1 && e.n == 1 &&
	      e.e[0].field == NULL);
	api_input_release(&in);
	e.n = 0;
	CHECK(api_input_parse(k, "[1]", 3, NULL, &in, &e) == -1 && e.n == 1);
	api_input_release(&in);
	e = (struct errs){ 0 };
	const char *b = "{\"titel\": \"x\", \"title\": 5, \"category_id\": -1, \"fields\": {\"so\": 1, \"linh_vuc\": [1],"
			" \"ngay_ban_hanh\": 20260301}}";
	CHECK(api_input_parse(k, b, strlen(b), NULL, &in, &e) == -1);
	CHECK(has_err(&e, "titel", "api_unknown_field"));
	CHECK(has_err(&e, "title", "api_bad_type"));
	CHECK(has_err(&e, "category_id", "api_bad_type"));
	CHECK(has_err(&e, "fields.so", "api_unknown_field"));
	CHECK(has_err(&e, "fields.linh_vuc", "api_bad_type"));
	CHECK(has_err(&e, "fields.ngay_ban_hanh", "api_bad_type"));
	CHECK(e.n == 6);
	api_input_release(&in);
	/* "submit" is what to do, not a value */
	e = (struct errs){ 0 };
	CHECK(api_input_parse(k, "{\"submit\": true}", 16, NULL, &in, &e) == 0 && in.submit == 1 &&
	      !json_object_get(in.doc, "submit"));
	api_input_release(&in);
	CHECK(api_input_parse(k, "{\"submit\": 1}", 13, NULL, &in, &e) == -1 && has_err(&e, "submit", "api_bad_type"));
	api_input_release(&in);
	/* a duplicate key is refused, not silently the last one */
	e = (struct errs){ 0 };
	CHECK(api_input_parse(k, "{\"title\": \"a\", \"title\": \"b\"}", 28, NULL, &in, &e) == -1);
	api_input_release(&in);
	/* PATCH: over the stored values, each field of "fields" alone; null empties */
	e = (struct errs){ 0 };
	json_t *base = json_pack("{sssss{ssss}}", "title", "Cũ", "summary", "Tóm tắt cũ", "fields", "so_ky_hieu", "1/2026/QĐ-UBND",
				 "nguoi_ky", "Ông A");
	b = "{\"summary\": \"Mới\", \"fields\": {\"nguoi_ky\": null, \"pham_vi\": \"tinh\"}}";
	CHECK(api_input_parse(k, b, strlen(b), base, &in, &e) == 0 && e.n == 0);
	CHECK_STR(in.in.title, "Cũ");
	CHECK_STR(in.in.summary, "Mới");
	CHECK_STR(json_string_value(json_object_get(in.in.fields, "so_ky_hieu")), "1/2026/QĐ-UBND");
	CHECK_STR(json_string_value(json_object_get(in.in.fields, "nguoi_ky")), "");
	CHECK_STR(json_string_value(json_object_get(in.in.fields, "pham_vi")), "tinh");
	CHECK(in.in.cover_id == -1 && !in.in.set_attachments);
	CHECK(json_string_value(json_object_get(base, "summary")) && strcmp(json_string_value(json_object_get(base, "summary")), "Tóm tắt cũ") == 0);
	api_input_release(&in);
	json_decref(base);
}
