/* user.c — accounts, roles per site, passwords (argon2id through libsodium) and the checks
 * that decide who may act on which site. */
#include "internal.h"
#include "db/db.h"
#include "base/locale.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/utf8.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sodium.h>
#include <string.h>

#include "base/banned.h"

static const char *const site_roles[] = { "siteadmin", "approver", "editor", "reporter" };

static int role_valid(const char *r)
{
	for (size_t i = 0; i < ARRAY_SIZE(site_roles); i++)
		if (strcmp(r, site_roles[i]) == 0)
			return 1;
	return 0;
}

static int username_valid(const char *u)
{
	size_t n = strlen(u);
	if (n < 3 || n > 32)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = u[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

int user_add(struct db *db, const char *username, const char *display_name, const char *role,
	     const char *site_slug, const char *password, struct errs *e, int64_t *id)
{
	char hash[crypto_pwhash_STRBYTES];
	json_t *site = NULL;
	char *dname = NULL;
	int sysadmin = role && strcmp(role, "sysadmin") == 0;
	int rc = M_INVALID;

	if (!username || !username_valid(username))
		errs_add(e, "username", "username_invalid");
	if (!role || (!sysadmin && !role_valid(role)))
		errs_add(e, "role", "role_invalid");
	if (!sysadmin && role && role_valid(role)) {
		if (!site_slug)
			errs_add(e, "site", "site_required_for_role");
		else if (!(site = site_get_by_slug(db, site_slug)))
			errs_add(e, "site", "site_unknown");
	}
	if (!password || !*password)
		errs_add(e, "password", "required");
	else
		password_check(db, password, username, e, "password");
	dname = utf8_nfc(display_name ? display_name : "", display_name ? strlen(display_name) : 0);
	if (!dname)
		errs_add(e, "display_name", "invalid_utf8");
	if (e->n)
		goto out;
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM users WHERE username = ?");
	if (!st) {
		rc = M_ERROR;
		goto out;
	}
	db_bind_text(st, 1, username);
	int taken = db_step(st) == DB_ROW;
	db_reset(st);
	if (taken) {
		errs_add(e, "username", "username_taken");
		goto out;
	}
	rc = M_ERROR;
	if (password_hash(password, hash, sizeof(hash)))
		goto out;
	if (db_begin(db))
		goto out;
	st = db_stmt(db, "INSERT INTO users (username, display_name, password_hash, must_change, is_sysadmin,"
			 " password_changed_at, created_at) VALUES (?, ?, ?, 1, ?, ?, ?)");
	if (!st)
		goto rollback;
	db_bind_text(st, 1, username);
	db_bind_text(st, 2, *dname ? dname : username);
	db_bind_text(st, 3, hash);
	db_bind_int(st, 4, sysadmin);
	db_bind_int(st, 5, time_now());
	db_bind_int(st, 6, time_now());
	if (db_step(st) != DB_DONE) {
		db_reset(st);
		goto rollback;
	}
	db_reset(st);
	*id = db_last_id(db);
	if (password_history_add(db, *id, hash))
		goto rollback;
	if (site) {
		st = db_stmt(db, "INSERT INTO roles (user_id, site_id, role) VALUES (?, ?, ?)");
		if (!st)
			goto rollback;
		db_bind_int(st, 1, *id);
		db_bind_int(st, 2, json_integer_value(json_object_get(site, "id")));
		db_bind_text(st, 3, role);
		int ok = db_step(st) == DB_DONE;
		db_reset(st);
		if (!ok)
			goto rollback;
	}
	if (audit_write(db, &actor_cli, site ? json_integer_value(json_object_get(site, "id")) : 0, "user.add",
			username, role))
		goto rollback;
	if (db_commit(db))
		goto out;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	sodium_memzero(hash, sizeof(hash));
	json_decref(site);
	free(dname);
	return rc;
}

int user_set_role(struct db *db, int64_t user_id, int64_t site_id, const char *role, struct errs *e)
{
	if (!role_valid(role)) {
		errs_add(e, "role", "role_invalid");
		return M_INVALID;
	}
	struct db_stmt *st = db_stmt(db, "INSERT INTO roles (user_id, site_id, role) VALUES (?, ?, ?)"
				       " ON CONFLICT (user_id, site_id) DO UPDATE SET role = excluded.role");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, user_id);
	db_bind_int(st, 2, site_id);
	db_bind_text(st, 3, role);
	int rc = db_step(st) == DB_DONE ? M_OK : M_ERROR;
	db_reset(st);
	return rc;
}

static int user_get_exists(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM users WHERE id = ?");
	int yes;
	if (!st)
		return 0;
	db_bind_int(st, 1, id);
	yes = db_step(st) == DB_ROW;
	db_reset(st);
	return yes;
}

json_t *user_get(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, username, display_name, must_change, is_sysadmin, disabled,"
				       " language FROM users WHERE id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	return db_one_json(st);
}

/* A hash of a random password, verified against when the user is unknown so that a wrong
 * user name costs as much time as a wrong password. */
static char dummy_hash[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void dummy_make(void)
{
	char pw[32];
	random_token(pw, 16);
	if (password_hash(pw, dummy_hash, sizeof(dummy_hash)))
		BUG("cannot hash a password");
}

json_t *user_authenticate(struct db *db, const char *username, const char *password, const char *address,
			  int64_t *wait)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, password_hash, disabled FROM users WHERE username = ?");
	char hash[crypto_pwhash_STRBYTES] = "", ukey[160], akey[80];
	int64_t uid = 0;
	int disabled = 0, ok;
	struct actor a = { 0, 0, address };

	*wait = 0;
	snprintf(ukey, sizeof(ukey), "u:%.150s", username);
	snprintf(akey, sizeof(akey), "a:%.70s", address ? address : "");
	/* a name or an address that failed too often waits, known or not: no existence oracle */
	int64_t wu = signin_wait(db, ukey), wa = address ? signin_wait(db, akey) : 0;
	if (wu || wa) {
		*wait = wu > wa ? wu : wa;
		audit_write(db, &a, 0, "signin.blocked", username, "too many failures");
		return NULL;
	}
	if (!st)
		return NULL;
	db_bind_text(st, 1, username);
	if (db_step(st) == DB_ROW) {
		uid = db_col_int(st, 0);
		snprintf(hash, sizeof(hash), "%s", db_col_text(st, 1));
		disabled = (int)db_col_int(st, 2);
	}
	db_reset(st);
	if (!uid) {
		/* the same work as for a known name, so the time tells nothing either */
		pthread_once(&dummy_once, dummy_make);
		if (crypto_pwhash_str_verify(dummy_hash, password, strlen(password)) == 0)
			BUG("a random password matched");
		ok = 0;
	} else {
		ok = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0 && !disabled;
	}
	a.id = uid;
	if (!ok) {
		signin_failed(db, ukey, 0);
		if (address)
			signin_failed(db, akey, signin_addr_lock_after());
		audit_write(db, &a, 0, "signin.fail", username, !uid ? "unknown user" : disabled ? "disabled" : "bad password");
		return NULL;
	}
	signin_succeeded(db, ukey);
	if (address)
		signin_succeeded(db, akey);
	/* the last sign-in, kept on the account: dormancy (user_dormant_sweep) counts from it */
	st = db_stmt(db, "UPDATE users SET last_signin_at = ? WHERE id = ?");
	if (st) {
		db_bind_int(st, 1, time_now());
		db_bind_int(st, 2, uid);
		db_step_done(st);
	}
	audit_write(db, &a, 0, "signin", username, "");
	return user_get(db, uid);
}

int user_change_password(struct db *db, int64_t user_id, const char *old_pw, const char *new_pw,
			 const char *confirm, struct errs *e)
{
	struct db_stmt *st = db_stmt(db, "SELECT password_hash FROM users WHERE id = ?");
	char hash[crypto_pwhash_STRBYTES] = "";
	struct actor a = { user_id, 0, NULL };

	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, user_id);
	if (db_step(st) == DB_ROW)
		snprintf(hash, sizeof(hash), "%s", db_col_text(st, 0));
	db_reset(st);
	if (!*hash)
		return M_NOTFOUND;
	if (!old_pw || crypto_pwhash_str_verify(hash, old_pw, strlen(old_pw)) != 0)
		errs_add(e, "old_password", "password_wrong");
	json_t *u = user_get(db, user_id);
	const char *username = u ? json_string_value(json_object_get(u, "username")) : NULL;
	/* with a second factor the shorter minimum (8) applies, without one 14 */
	json_t *mfa_st = totp_status(db, user_id);
	int mfa = json_is_true(json_object_get(mfa_st, "enabled"));
	json_decref(mfa_st);
	if (!new_pw || !*new_pw)
		errs_add(e, "new_password", "required");
	else if (password_check_mfa(db, new_pw, username, mfa, e, "new_password") == 0 && old_pw && strcmp(old_pw, new_pw) == 0)
		errs_add(e, "new_password", "password_same");
	else if (!e->n && password_reused(db, user_id, new_pw))
		errs_add(e, "new_password", "password_reused");
	json_decref(u);
	if (!confirm || !new_pw || strcmp(new_pw, confirm) != 0)
		errs_add(e, "confirm", "password_mismatch");
	if (e->n)
		return M_INVALID;
	if (password_hash(new_pw, hash, sizeof(hash)))
		return M_ERROR;
	if (db_begin(db))
		return M_ERROR;
	st = db_stmt(db, "UPDATE users SET password_hash = ?, must_change = 0, password_changed_at = ?,"
			 " password_needs_mfa = ? WHERE id = ?");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, time_now());
	/* accepted only because of the second factor: to be changed if that is turned off */
	db_bind_int(st, 3, mfa && (int64_t)utf8_length(new_pw) < account_setting(db, "password_min_length_no_mfa"));
	db_bind_int(st, 4, user_id);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok || password_history_add(db, user_id, hash) || audit_write(db, &a, 0, "password.change", "", "")) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

int user_set_language(struct db *db, const struct actor *a, const char *lang, const json_t *locales, struct errs *e)
{
	/* Vietnamese is stored as '' (the default, whatever it becomes) */
	const char *code = lang && strcmp(lang, LOCALE_DEFAULT) == 0 ? "" : lang;
	if (!lang || !*lang || (*code && (!locale_code_valid(code, strlen(code)) || !locale_dict(locales, code)))) {
		errs_add(e, "language", "language_unknown");
		return M_INVALID;
	}
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "UPDATE users SET language = ? WHERE id = ?");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_text(st, 1, code);
	db_bind_int(st, 2, a->id);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok || audit_write(db, a, 0, "user.language", "", *code ? code : LOCALE_DEFAULT)) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

const char *user_role_on(struct db *db, const struct actor *a, int64_t site_id)
{
	if (!a)
		return NULL;
	if (a->sysadmin)
		return "sysadmin";
	/* an API token's own account (model/token.h) holds its token's role, on its site, until it
	 * is revoked: kept in api_tokens, not in roles, so that it is never among the site's people */
	struct db_stmt *st = db_stmt(db, "SELECT role FROM roles WHERE user_id = ?1 AND site_id = ?2 UNION ALL"
				       " SELECT role FROM api_tokens WHERE user_id = ?1 AND site_id = ?2 AND revoked_at IS NULL");
	const char *r = NULL;
	if (!st)
		return NULL;
	db_bind_int(st, 1, a->id);
	db_bind_int(st, 2, site_id);
	if (db_step(st) == DB_ROW) {
		const char *v = db_col_text(st, 0);
		for (size_t i = 0; i < ARRAY_SIZE(site_roles); i++)
			if (strcmp(v, site_roles[i]) == 0)
				r = site_roles[i]; /* static string: outlives the statement */
	}
	db_reset(st);
	return r;
}

json_t *user_sites(struct db *db, const struct actor *a)
{
	struct db_stmt *st;
	if (a->sysadmin) {
		st = db_stmt(db, "SELECT id, slug, name, kind, 'sysadmin' AS role FROM sites ORDER BY parent_id IS NOT NULL, name");
		return st ? db_rows_json(st) : json_array();
	}
	st = db_stmt(db, "SELECT s.id, s.slug, s.name, s.kind, r.role FROM roles r JOIN sites s ON s.id = r.site_id"
			 " WHERE r.user_id = ? ORDER BY s.parent_id IS NOT NULL, s.name");
	if (!st)
		return json_array();
	db_bind_int(st, 1, a->id);
	return db_rows_json(st);
}

/* ---- accounts of a site, managed by its administrators ---- */

json_t *user_list_site(struct db *db, const struct actor *a, int64_t site_id)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return NULL;
	int64_t max_age = password_max_age_days(db) * 86400, max_age_admin = password_max_age_days_admin(db) * 86400;
	struct db_stmt *st = db_stmt(db, "SELECT u.id, u.username, u.display_name, u.disabled, r.role, u.password_changed_at,"
				       " CASE WHEN (CASE WHEN u.is_sysadmin = 1 OR EXISTS (SELECT 1 FROM roles ra WHERE ra.user_id = u.id"
				       "  AND ra.role = 'siteadmin') THEN ?4 ELSE ?2 END) > 0 AND u.password_changed_at < ?3 -"
				       "  (CASE WHEN u.is_sysadmin = 1 OR EXISTS (SELECT 1 FROM roles ra WHERE ra.user_id = u.id"
				       "  AND ra.role = 'siteadmin') THEN ?4 ELSE ?2 END) THEN 1 ELSE 0 END AS password_due,"
				       " (SELECT count(*) FROM items x WHERE x.site_id = r.site_id AND x.created_by = u.id"
				       "  AND x.state IN ('draft', 'submitted', 'edited', 'returned', 'scheduled')) AS open_items"
				       " FROM roles r JOIN users u ON u.id = r.user_id WHERE r.site_id = ?1 ORDER BY u.username");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, max_age);
	db_bind_int(st, 3, time_now());
	db_bind_int(st, 4, max_age_admin);
	return db_rows_json(st);
}

/* A site administrator may hand out any role but sysadmin on the site; only the system
 * administrator makes site administrators. */
int user_grant(struct db *db, const struct actor *a, int64_t site_id, const char *username, const char *role,
	       struct errs *e)
{
	int lvl = actor_level(db, a, site_id);
	char obj[64];
	if (lvl < LVL_SITEADMIN)
		return M_DENIED;
	if (!role || !role_valid(role)) {
		errs_add(e, "role", "role_invalid");
		return M_INVALID;
	}
	if (strcmp(role, "siteadmin") == 0 && lvl < LVL_SYSADMIN) {
		errs_add(e, "role", "role_needs_sysadmin");
		return M_INVALID;
	}
	/* an API token's account has its token's role alone (model/token.h): it is no account here */
	struct db_stmt *st = db_stmt(db, "SELECT id FROM users u WHERE username = ?"
				       " AND NOT EXISTS (SELECT 1 FROM api_tokens k WHERE k.user_id = u.id)");
	int64_t uid = 0;
	if (!st)
		return M_ERROR;
	db_bind_text(st, 1, username ? username : "");
	db_one_int(st, &uid);
	if (!uid) {
		errs_add(e, "username", "user_unknown");
		return M_INVALID;
	}
	if (uid == a->id) {
		errs_add(e, "username", "role_self");
		return M_INVALID;
	}
	if (db_begin(db))
		return M_ERROR;
	if (user_set_role(db, uid, site_id, role, e) != M_OK) {
		db_rollback(db);
		return M_ERROR;
	}
	snprintf(obj, sizeof(obj), "user:%s", username);
	session_destroy_user(db, uid); /* a changed privilege starts a new session */
	if (audit_write(db, a, site_id, "role.grant", obj, role)) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

int user_revoke(struct db *db, const struct actor *a, int64_t site_id, int64_t user_id)
{
	char obj[64];
	if (actor_level(db, a, site_id) < LVL_SITEADMIN || user_id == a->id)
		return M_DENIED;
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "DELETE FROM roles WHERE user_id = ? AND site_id = ?");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_int(st, 1, user_id);
	db_bind_int(st, 2, site_id);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok || db_changes(db) != 1) {
		db_rollback(db);
		return ok ? M_NOTFOUND : M_ERROR;
	}
	snprintf(obj, sizeof(obj), "user:%lld", (long long)user_id);
	session_destroy_user(db, user_id);
	if (audit_write(db, a, site_id, "role.revoke", obj, "")) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

/* ĐT Đ13.5: when a person leaves, their open items go to another in one action. */
int user_handover(struct db *db, const struct actor *a, int64_t site_id, int64_t from_id, int64_t to_id,
		  struct errs *e, int64_t *moved)
{
	char obj[64], detail[64];
	*moved = 0;
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	struct actor to = { to_id, 0, NULL };
	if (!user_role_on(db, &to, site_id))
		errs_add(e, "to", "handover_target_role");
	if (from_id == to_id)
		errs_add(e, "to", "handover_same");
	if (e->n)
		return M_INVALID;
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "SELECT id FROM items WHERE site_id = ? AND created_by = ?"
				       " AND (state IN ('draft', 'submitted', 'edited', 'returned', 'scheduled')"
				       " OR change_state IS NOT NULL)");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, from_id);
	json_t *items = db_rows_json(st);
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) {
		int64_t id = json_integer_value(json_object_get(it, "id"));
		st = db_stmt(db, "UPDATE items SET created_by = ? WHERE id = ?");
		if (!st)
			break;
		db_bind_int(st, 1, to_id);
		db_bind_int(st, 2, id);
		int ok = db_step(st) == DB_DONE;
		db_reset(st);
		if (!ok || transition_write(db, a, id, "handover", "", "", "Bàn giao cho người phụ trách mới", "")) {
			json_decref(items);
			db_rollback(db);
			return M_ERROR;
		}
		(*moved)++;
	}
	json_decref(items);
	snprintf(obj, sizeof(obj), "user:%lld", (long long)from_id);
	snprintf(detail, sizeof(detail), "to user:%lld, %lld items", (long long)to_id, (long long)*moved);
	if (audit_write(db, a, site_id, "user.handover", obj, detail)) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

/* Creates an account with a role on SITE_ID, by that site's administrator. */
int user_create_on_site(struct db *db, const struct actor *a, int64_t site_id, const char *username,
			const char *display_name, const char *role, const char *password, struct errs *e)
{
	int lvl = actor_level(db, a, site_id);
	json_t *site;
	int64_t id;
	if (lvl < LVL_SITEADMIN)
		return M_DENIED;
	if (role && strcmp(role, "siteadmin") == 0 && lvl < LVL_SYSADMIN) {
		errs_add(e, "role", "role_needs_sysadmin");
		return M_INVALID;
	}
	if (role && strcmp(role, "sysadmin") == 0) {
		errs_add(e, "role", "role_invalid");
		return M_INVALID;
	}
	/* the account and the record of who made it, together (user_add's transaction becomes a
	 * savepoint of this one; its password hash is then made holding the write lock, ~0.1 s) */
	if (db_begin(db))
		return M_ERROR;
	site = site_get(db, site_id);
	int rc = user_add(db, username, display_name, role, json_string_value(json_object_get(site, "slug")), password, e, &id);
	json_decref(site);
	if (rc == M_OK) {
		char obj[64];
		snprintf(obj, sizeof(obj), "user:%s", username);
		if (audit_write(db, a, site_id, "user.create", obj, role))
			rc = M_ERROR;
	}
	if (rc != M_OK)
		db_rollback(db);
	else if (db_commit(db))
		rc = M_ERROR;
	return rc;
}

int user_set_disabled(struct db *db, const struct actor *a, int64_t site_id, int64_t user_id, int disabled)
{
	char obj[64];
	if (!user_get_exists(db, user_id))
		return M_NOTFOUND;
	if (!user_may_manage(db, a, site_id, user_id))
		return M_DENIED;
	if (db_begin(db))
		return M_ERROR;
	/* enabling restarts the dormancy clock, or the next sweep would disable it again */
	struct db_stmt *st = db_stmt(db, "UPDATE users SET disabled = ?1, disabled_reason = CASE WHEN ?1 = 1 THEN 'admin' ELSE '' END,"
				       " enabled_at = CASE WHEN ?1 = 1 THEN enabled_at ELSE ?3 END WHERE id = ?2");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_int(st, 1, disabled ? 1 : 0);
	db_bind_int(st, 2, user_id);
	db_bind_int(st, 3, time_now());
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok || db_changes(db) != 1) {
		db_rollback(db);
		return ok ? M_NOTFOUND : M_ERROR;
	}
	if (disabled)
		session_destroy_user(db, user_id); /* ends every session at once */
	snprintf(obj, sizeof(obj), "user:%lld", (long long)user_id);
	if (audit_write(db, a, site_id, disabled ? "user.disable" : "user.enable", obj, "")) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

int64_t user_id_by_name(struct db *db, const char *username)
{
	struct db_stmt *st = db_stmt(db, "SELECT id FROM users WHERE username = ?");
	int64_t id = 0;
	if (!st)
		return 0;
	db_bind_text(st, 1, username);
	db_one_int(st, &id);
	return id;
}
