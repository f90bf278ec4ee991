/* session.c — sign-in sessions. The browser holds 256 random bits; the database holds only
 * their hash, so a copy of the database cannot be used to sign in.
 * A session is "pending" between a right password and the second factor of an account with
 * two-factor sign-in: it only reaches the code page, lives SESSION_MFA_WAIT seconds, and is
 * good for SESSION_MFA_TRIES codes (counted before each is checked, so that parallel guesses
 * get no more). The right code turns it into a full session under a new token (session_rotate),
 * so a token seen before the second factor is worth nothing. */
#include "model.h"
#include "db/db.h"
#include "base/util.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

/* Time-outs (account.c's settings): an idle session ends after session_idle_minutes (15) for
 * users and session_idle_minutes_admin (5) for administrators (the system administrator and
 * every site administrator), and every session after session_max_hours (12) whatever is done. */
#define SESSION_MAX (3600 * account_setting(db, "session_max_hours"))
#define IDLE_USER (60 * account_setting(db, "session_idle_minutes"))
#define IDLE_ADMIN (60 * account_setting(db, "session_idle_minutes_admin"))
/* whether the account u is an administrator, inside a statement */
#define IS_ADMIN_SQL "(u.is_sysadmin = 1 OR EXISTS (SELECT 1 FROM roles ra WHERE ra.user_id = u.id AND ra.role = 'siteadmin'))"
#define SESSION_MFA_WAIT (10 * 60)

void random_token(char *out, size_t nbytes)
{
	unsigned char raw[64];
	if (nbytes > sizeof(raw))
		BUG("random_token: %zu bytes is too many", nbytes);
	randombytes_buf(raw, nbytes);
	sodium_bin2base64(out, sodium_base64_ENCODED_LEN(nbytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
			  raw, nbytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

static void token_hash(const char *token, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static int session_insert(struct db *db, int64_t user_id, int pending, char token[SESSION_TOKEN_LEN + 1])
{
	char h[65];
	int64_t now = time_now();
	random_token(token, 32);
	token_hash(token, h);
	struct db_stmt *st = db_stmt(db, "INSERT INTO sessions (token_hash, user_id, created_at, seen_at, expires_at, mfa_pending)"
				       " VALUES (?, ?, ?, ?, ?, ?)");
	if (!st)
		return M_ERROR;
	db_bind_text(st, 1, h);
	db_bind_int(st, 2, user_id);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, now);
	db_bind_int(st, 5, now + (pending ? SESSION_MFA_WAIT : SESSION_MAX));
	db_bind_int(st, 6, pending ? 1 : 0);
	int rc = db_step(st) == DB_DONE ? M_OK : M_ERROR;
	db_reset(st);
	return rc;
}

int session_create(struct db *db, int64_t user_id, char token[SESSION_TOKEN_LEN + 1])
{
	return session_insert(db, user_id, 0, token);
}

int session_create_pending(struct db *db, int64_t user_id, char token[SESSION_TOKEN_LEN + 1])
{
	return session_insert(db, user_id, 1, token);
}

json_t *session_user(struct db *db, const char *token)
{
	char h[65];
	int64_t now = time_now();
	json_t *u = NULL;
	if (!token || strlen(token) != SESSION_TOKEN_LEN)
		return NULL;
	token_hash(token, h);
	/* a password older than the allowed age (VL Đ15.4: 90 days; administrators 60) must be
	 * changed before anything, and so must a password shorter than the minimum without a second
	 * factor once that factor is off (password_needs_mfa) */
	struct db_stmt *st = db_stmt(db, "SELECT u.id, u.username, u.display_name,"
				       " CASE WHEN u.must_change = 1 OR (CASE WHEN " IS_ADMIN_SQL " THEN ?6 ELSE ?4 END > 0"
				       "  AND u.password_changed_at < ?2 - CASE WHEN " IS_ADMIN_SQL " THEN ?6 ELSE ?4 END)"
				       "  OR (u.password_needs_mfa = 1 AND COALESCE((SELECT t.enabled FROM totp t WHERE t.user_id = u.id), 0) = 0)"
				       "  THEN 1 ELSE 0 END AS must_change, u.must_change AS one_time_password, u.is_sysadmin,"
				       " s.mfa_pending, COALESCE((SELECT t.enabled FROM totp t WHERE t.user_id = u.id), 0) AS mfa_enabled,"
				       " u.language"
				       " FROM sessions s JOIN users u ON u.id = s.user_id"
				       " WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND u.disabled = 0"
				       " AND s.seen_at > ?2 - CASE WHEN " IS_ADMIN_SQL " THEN ?5 ELSE ?3 END");
	if (!st)
		return NULL;
	db_bind_text(st, 1, h);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, IDLE_USER);
	db_bind_int(st, 4, password_max_age_days(db) * 86400);
	db_bind_int(st, 5, IDLE_ADMIN);
	db_bind_int(st, 6, password_max_age_days_admin(db) * 86400);
	u = db_one_json(st);
	if (u) {
		st = db_stmt(db, "UPDATE sessions SET seen_at = ? WHERE token_hash = ? AND seen_at < ?");
		if (st) {
			/* write at most once a minute: most requests stay read-only */
			db_bind_int(st, 1, now);
			db_bind_text(st, 2, h);
			db_bind_int(st, 3, now - 60);
			db_step(st);
			db_reset(st);
		}
	}
	return u;
}

void session_destroy(struct db *db, const char *token)
{
	char h[65];
	if (!token)
		return;
	token_hash(token, h);
	struct db_stmt *st = db_stmt(db, "DELETE FROM sessions WHERE token_hash = ?");
	if (!st)
		return;
	db_bind_text(st, 1, h);
	db_step(st);
	db_reset(st);
}

void session_destroy_user(struct db *db, int64_t user_id)
{
	struct db_stmt *st = db_stmt(db, "DELETE FROM sessions WHERE user_id = ?");
	if (!st)
		return;
	db_bind_int(st, 1, user_id);
	db_step(st);
	db_reset(st);
}

int session_rotate(struct db *db, const char *old_token, char token[SESSION_TOKEN_LEN + 1])
{
	char h[65];
	int64_t uid = 0, now = time_now();
	if (!old_token || strlen(old_token) != SESSION_TOKEN_LEN)
		return M_NOTFOUND;
	token_hash(old_token, h);
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "SELECT s.user_id FROM sessions s JOIN users u ON u.id = s.user_id"
				       " WHERE s.token_hash = ?1 AND s.expires_at > ?2"
				       " AND s.seen_at > ?2 - CASE WHEN " IS_ADMIN_SQL " THEN ?4 ELSE ?3 END");
	if (!st)
		goto fail;
	db_bind_text(st, 1, h);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, IDLE_USER);
	db_bind_int(st, 4, IDLE_ADMIN);
	db_one_int(st, &uid);
	if (!uid) {
		db_rollback(db);
		return M_NOTFOUND;
	}
	st = db_stmt(db, "DELETE FROM sessions WHERE token_hash = ?");
	if (!st)
		goto fail;
	db_bind_text(st, 1, h);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok || session_insert(db, uid, 0, token) != M_OK)
		goto fail;
	return db_commit(db) ? M_ERROR : M_OK;
fail:
	db_rollback(db);
	return M_ERROR;
}

int session_mfa_attempt(struct db *db, const char *token)
{
	char h[65];
	int n = -1;
	if (!token || strlen(token) != SESSION_TOKEN_LEN)
		return -1;
	token_hash(token, h);
	if (db_begin(db))
		return -1;
	struct db_stmt *st = db_stmt(db, "UPDATE sessions SET mfa_failures = mfa_failures + 1 WHERE token_hash = ? AND mfa_pending = 1");
	if (!st)
		goto fail;
	db_bind_text(st, 1, h);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok)
		goto fail;
	if (db_changes(db) == 1) {
		st = db_stmt(db, "SELECT mfa_failures FROM sessions WHERE token_hash = ?");
		if (!st)
			goto fail;
		db_bind_text(st, 1, h);
		int64_t failures = -1;
		db_one_int(st, &failures);
		n = (int)failures;
	}
	return db_commit(db) ? -1 : n;
fail:
	db_rollback(db);
	return -1;
}

void session_destroy_others(struct db *db, int64_t user_id, const char *keep_token)
{
	char h[65];
	token_hash(keep_token, h);
	struct db_stmt *st = db_stmt(db, "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?");
	if (!st)
		return;
	db_bind_int(st, 1, user_id);
	db_bind_text(st, 2, h);
	db_step(st);
	db_reset(st);
}
