/* token.h — the JSON API's per-site tokens (docs/api.md, "Writing"): a token acts on one site
 * with one role (reporter, editor, approver, siteadmin), through the same model calls and checks
 * as an account with that role. It is "cong_<key id>_<secret>": the key id (16 hex digits)
 * finds the row, the secret (32 random bytes, base64url) is kept only as its BLAKE2b hash and
 * compared in constant time. It is shown once, when made; revoking it is final. */
#ifndef CONG_MODEL_TOKEN_H
#define CONG_MODEL_TOKEN_H

#include <stdint.h>
#include <jansson.h>

struct db;
struct actor;
struct errs;

#define TOKEN_PREFIX "cong_"
#define TOKEN_KEY_HEX 16
#define TOKEN_SECRET_LEN 43 /* base64url of 32 bytes, no padding */
#define TOKEN_LEN (5 + TOKEN_KEY_HEX + 1 + TOKEN_SECRET_LEN)
#define TOKEN_NAME_MAX 100

/* A token as the API's gate needs it. */
struct api_token {
	int64_t id, site_id, user_id;
	char role[16];
	char name[TOKEN_NAME_MAX * 4 + 1];
};

/* A makes a token of ROLE on SITE_ID named NAME ("" or NULL: "api-<key id>"): site
 * administrators of SITE_ID (a "siteadmin" token: the system administrator only, as for
 * accounts) and the command line. The token is written into OUT, once: only its hash is kept.
 * Audited ("api_token.create"). M_OK with *OUT_ID; M_INVALID with errors on "name" or "role";
 * M_DENIED. */
int token_create(struct db *db, const struct actor *a, int64_t site_id, const char *name, const char *role,
		 char out[TOKEN_LEN + 1], int64_t *out_id, struct errs *e);
/* SITE_ID's tokens, the newest first: [{id, name, role, key_id, created_at, created_by_name,
 * last_used_at, revoked_at}] (never a secret). NULL when A is no administrator of SITE_ID. */
json_t *token_list(struct db *db, const struct actor *a, int64_t site_id);
/* A revokes token ID of SITE_ID (0: of any site, the command line only). Audited
 * ("api_token.revoke"). M_OK (also when it was revoked already), M_NOTFOUND, M_DENIED. */
int token_revoke(struct db *db, const struct actor *a, int64_t site_id, int64_t id);
/* The token SECRET names: M_OK with *T; M_NOTFOUND when it is malformed or unknown, M_DENIED
 * when it was revoked; M_ERROR. Changes nothing. */
int token_verify(struct db *db, const char *secret, struct api_token *t);
/* Records that token ID was used now (the admin page's "last used"). 0 or -1. */
int token_touch(struct db *db, int64_t id);
/* The actor token T acts as, from ADDRESS (kept by the caller): its own account, which holds
 * the token's role on its site while it is not revoked (user_role_on). */
void token_actor(const struct api_token *t, const char *address, struct actor *out);

#endif
