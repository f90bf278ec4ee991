/* session.c — sign-in sessions. The browser holds 256 random bits; the database holds only
 * their hash, so a copy of the database cannot be used to sign in. */
#include "model.h"
#include "db/db.h"
#include "base/util.h"

#include <sodium.h>
#include <string.h>

#include "base/banned.h"

#define SESSION_IDLE (8 * 3600)
#define SESSION_MAX (7 * 24 * 3600)

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

int session_create(struct db *db, int64_t user_id, char token[SESSION_TOKEN_LEN + 1])
{
	char h[65];
	int64_t now = time_now();
	random_token(token, 32);
	token_hash(token, h);
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO sessions (token_hash, user_id, created_at, seen_at, expires_at)"
				       " VALUES (?, ?, ?, ?, ?)");
	if (!st)
		return M_ERROR;
	db_bind_text(st, 1, h);
	db_bind_int(st, 2, user_id);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, now);
	db_bind_int(st, 5, now + SESSION_MAX);
	int rc = sqlite3_step(st) == SQLITE_DONE ? M_OK : M_ERROR;
	sqlite3_reset(st);
	return rc;
}

json_t *session_user(struct db *db, const char *token)
{
	char h[65];
	int64_t now = time_now();
	json_t *u = NULL;
	if (!token || strlen(token) != SESSION_TOKEN_LEN)
		return NULL;
	token_hash(token, h);
	sqlite3_stmt *st = db_stmt(db, "SELECT u.id, u.username, u.display_name, u.must_change, u.is_sysadmin"
				       " FROM sessions s JOIN users u ON u.id = s.user_id"
				       " WHERE s.token_hash = ? AND s.expires_at > ? AND s.seen_at > ? AND u.disabled = 0");
	if (!st)
		return NULL;
	db_bind_text(st, 1, h);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, now - SESSION_IDLE);
	u = db_one_json(st);
	if (u) {
		st = db_stmt(db, "UPDATE sessions SET seen_at = ? WHERE token_hash = ? AND seen_at < ?");
		if (st) {
			/* write at most once a minute: most requests stay read-only */
			db_bind_int(st, 1, now);
			db_bind_text(st, 2, h);
			db_bind_int(st, 3, now - 60);
			sqlite3_step(st);
			sqlite3_reset(st);
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
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM sessions WHERE token_hash = ?");
	if (!st)
		return;
	db_bind_text(st, 1, h);
	sqlite3_step(st);
	sqlite3_reset(st);
}
