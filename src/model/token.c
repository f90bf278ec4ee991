/* token.c — the JSON API's per-site tokens (token.h). Each token has an account of its own, made
 * with it: disabled, with a password hash no password matches, so that nobody can sign in to it,
 * while what the token writes is owned by it (a reporter token edits its own drafts only),
 * revised and audited under its name like any editor's work. */
#include "internal.h"
#include "token.h"
#include "db/db.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static const char *const token_roles[] = { "siteadmin", "approver", "editor", "reporter" };

static const char *role_known(const char *role)
{
	for (size_t i = 0; role && i < ARRAY_SIZE(token_roles); i++)
		if (strcmp(role, token_roles[i]) == 0)
			return token_roles[i];
	return NULL;
}

/* The hash kept of SECRET: BLAKE2b-256 as hex. A slow hash buys nothing for 256 random bits. */
static void secret_hash(const char *secret, size_t n, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof(h), (const unsigned char *)secret, n, NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

int token_create(struct db *db, const struct actor *a, int64_t site_id, const char *name, const char *role,
		 char out[TOKEN_LEN + 1], int64_t *out_id, struct errs *e)
{
	int lvl = actor_level(db, a, site_id);
	if (lvl < LVL_SITEADMIN)
		return M_DENIED;
	const char *r = role_known(role);
	if (!r)
		errs_add(e, "role", "role_invalid");
	else if (strcmp(r, "siteadmin") == 0 && lvl < LVL_SYSADMIN)
		errs_add(e, "role", "role_needs_sysadmin");
	char *n = text_clean(name, 0);
	if (!n)
		errs_add(e, "name", "invalid_utf8");
	else if (utf8_length(n) > TOKEN_NAME_MAX)
		errs_add(e, "name", "api_token_name_long");
	if (e->n) {
		free(n);
		return M_INVALID;
	}

	unsigned char key[TOKEN_KEY_HEX / 2];
	char key_hex[TOKEN_KEY_HEX + 1], secret[TOKEN_SECRET_LEN + 1], hash[65], username[32], label[32];
	randombytes_buf(key, sizeof(key));
	sodium_bin2hex(key_hex, sizeof(key_hex), key, sizeof(key));
	random_token(secret, 32);
	secret_hash(secret, strlen(secret), hash);
	snprintf(username, sizeof(username), "api-%s", key_hex);
	if (!*n) { /* a name is optional: the key id stands for it */
		free(n);
		snprintf(label, sizeof(label), "api-%s", key_hex);
		n = xstrdup(label);
	}
	struct sb display = SB_INIT;
	sb_addf(&display, "API: %s", n);

	int64_t now = time_now(), uid = 0, id = 0;
	int rc = M_ERROR;
	if (db_begin(db))
		goto out;
	/* "!" is no argon2id string: password_verify() refuses every password against it */
	struct db_stmt *st = db_stmt(db, "INSERT INTO users (username, display_name, password_hash, must_change,"
				       " is_sysadmin, disabled, disabled_reason, password_changed_at, created_at)"
				       " VALUES (?, ?, '!', 0, 0, 1, 'api_token', ?, ?)");
	if (!st)
		goto rollback;
	db_bind_text(st, 1, username);
	db_bind_text(st, 2, display.buf);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, now);
	if (db_step_done(st))
		goto rollback;
	uid = db_last_id(db);
	st = db_stmt(db, "INSERT INTO api_tokens (site_id, user_id, name, role, key_id, secret_hash, created_by,"
			 " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, uid);
	db_bind_text(st, 3, n);
	db_bind_text(st, 4, r);
	db_bind_text(st, 5, key_hex);
	db_bind_text(st, 6, hash);
	if (a->id)
		db_bind_int(st, 7, a->id);
	else
		db_bind_null(st, 7);
	db_bind_int(st, 8, now);
	if (db_step_done(st))
		goto rollback;
	id = db_last_id(db);
	char obj[48], detail[TOKEN_NAME_MAX * 4 + 64];
	snprintf(obj, sizeof(obj), "api_token:%lld", (long long)id);
	snprintf(detail, sizeof(detail), "%s (%s, %s)", n, r, key_hex);
	if (audit_write(db, a, site_id, "api_token.create", obj, detail))
		goto rollback;
	if (db_commit(db))
		goto out;
	snprintf(out, TOKEN_LEN + 1, TOKEN_PREFIX "%s_%s", key_hex, secret);
	*out_id = id;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	sodium_memzero(secret, sizeof(secret));
	sb_release(&display);
	free(n);
	return rc;
}

json_t *token_list(struct db *db, const struct actor *a, int64_t site_id)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT t.id, t.name, t.role, t.key_id, t.created_at, t.last_used_at,"
				       " t.revoked_at, coalesce(u.display_name, '') AS created_by_name FROM api_tokens t"
				       " LEFT JOIN users u ON u.id = t.created_by WHERE t.site_id = ?"
				       " ORDER BY t.created_at DESC, t.id DESC");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	return db_rows_json(st);
}

int token_revoke(struct db *db, const struct actor *a, int64_t site_id, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT site_id, revoked_at IS NOT NULL, name FROM api_tokens WHERE id = ?");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, id);
	int64_t tsite = 0;
	int revoked = 0;
	char name[TOKEN_NAME_MAX * 4 + 1] = "";
	if (db_step(st) == DB_ROW) {
		tsite = db_col_int(st, 0);
		revoked = db_col_int(st, 1) != 0;
		snprintf(name, sizeof(name), "%s", db_col_text(st, 2));
	}
	db_reset(st);
	/* a site administrator sees only the site's tokens: another site's is not there */
	if (!tsite || (site_id && tsite != site_id) || (!site_id && a->id))
		return actor_level(db, a, site_id ? site_id : tsite) < LVL_SITEADMIN ? M_DENIED : M_NOTFOUND;
	if (actor_level(db, a, tsite) < LVL_SITEADMIN)
		return M_DENIED;
	if (revoked)
		return M_OK;
	if (db_begin(db))
		return M_ERROR;
	st = db_stmt(db, "UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, time_now());
	if (a->id)
		db_bind_int(st, 2, a->id);
	else
		db_bind_null(st, 2);
	db_bind_int(st, 3, id);
	if (db_step_done(st))
		goto rollback;
	char obj[48];
	snprintf(obj, sizeof(obj), "api_token:%lld", (long long)id);
	if (audit_write(db, a, tsite, "api_token.revoke", obj, name))
		goto rollback;
	return db_commit(db) ? M_ERROR : M_OK;
rollback:
	db_rollback(db);
	return M_ERROR;
}

/* SECRET's key id and secret when it has the form of a token. */
static int token_split(const char *secret, char key[TOKEN_KEY_HEX + 1], const char **rest)
{
	size_t pl = strlen(TOKEN_PREFIX);
	if (!secret || strlen(secret) != TOKEN_LEN || strncmp(secret, TOKEN_PREFIX, pl) != 0 ||
	    secret[pl + TOKEN_KEY_HEX] != '_')
		return -1;
	for (size_t i = 0; i < TOKEN_KEY_HEX; i++) {
		char c = secret[pl + i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return -1;
		key[i] = c;
	}
	key[TOKEN_KEY_HEX] = 0;
	*rest = secret + pl + TOKEN_KEY_HEX + 1;
	return 0;
}

int token_verify(struct db *db, const char *secret, struct api_token *t)
{
	char key[TOKEN_KEY_HEX + 1], hash[65];
	const char *rest;
	if (token_split(secret, key, &rest))
		return M_NOTFOUND;
	secret_hash(rest, strlen(rest), hash);
	struct db_stmt *st = db_stmt(db, "SELECT id, site_id, user_id, role, name, secret_hash, revoked_at IS NOT NULL"
				       " FROM api_tokens WHERE key_id = ?");
	if (!st)
		return M_ERROR;
	db_bind_text(st, 1, key);
	int rc = db_step(st);
	if (rc != DB_ROW) {
		db_reset(st);
		return rc == DB_DONE ? M_NOTFOUND : M_ERROR;
	}
	const char *stored = db_col_text(st, 5);
	/* the whole hash compared in constant time: the key id is public, the secret is not */
	int match = stored && strlen(stored) == 64 && sodium_memcmp(stored, hash, 64) == 0;
	int revoked = db_col_int(st, 6) != 0;
	if (match) {
		memset(t, 0, sizeof(*t));
		t->id = db_col_int(st, 0);
		t->site_id = db_col_int(st, 1);
		t->user_id = db_col_int(st, 2);
		snprintf(t->role, sizeof(t->role), "%s", db_col_text(st, 3));
		snprintf(t->name, sizeof(t->name), "%s", db_col_text(st, 4));
	}
	db_reset(st);
	if (!match)
		return M_NOTFOUND;
	return revoked ? M_DENIED : M_OK;
}

int token_touch(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, time_now());
	db_bind_int(st, 2, id);
	return db_step_done(st);
}

void token_actor(const struct api_token *t, const char *address, struct actor *out)
{
	memset(out, 0, sizeof(*out));
	out->id = t->user_id; /* its role comes with it: user_role_on() reads api_tokens */
	out->address = address;
}
