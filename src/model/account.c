/* account.c — the level-3 account rules of regulations.md § Security (docs/security.md): their
 * settings (lock threshold, password rules, expiry and idle time per role, dormancy), the
 * emergency unlock, the dormancy sweep of the scheduler and the account list reviewed every six
 * months. Administrators here are the system administrator and every site administrator. */
#include "internal.h"
#include "db/db.h"
#include "base/log.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

/* Each setting: its default (the regulation's figure) and the range a value must be in; a value
 * outside it in the settings table is ignored for the default. */
static const struct account_setting settings[] = {
	{ "signin_lock_after", 5, 1, 20, "setting_range_signin_lock_after" },
	{ "signin_lock_minutes", 30, 0, 7 * 24 * 60, "setting_range_signin_lock_minutes" },
	{ "password_min_length", 8, 8, 128, "setting_range_password_min_length" },
	{ "password_min_length_no_mfa", 14, 8, 128, "setting_range_password_min_length_no_mfa" },
	{ "password_classes", 4, 0, 4, "setting_range_password_classes" },
	{ "password_max_age_days", 90, 0, 3650, "setting_range_password_max_age_days" },
	{ "password_max_age_days_admin", 60, 0, 3650, "setting_range_password_max_age_days_admin" },
	{ "password_history", 5, 1, 50, "setting_range_password_history" },
	{ "password_history_admin", 10, 1, 50, "setting_range_password_history_admin" },
	{ "session_idle_minutes", 15, 1, 24 * 60, "setting_range_session_idle_minutes" },
	{ "session_idle_minutes_admin", 5, 1, 24 * 60, "setting_range_session_idle_minutes_admin" },
	{ "session_max_hours", 12, 1, 24 * 30, "setting_range_session_max_hours" },
	{ "account_dormant_days", 45, 0, 3650, "setting_range_account_dormant_days" },
};

const struct account_setting *account_settings(size_t *n)
{
	*n = ARRAY_SIZE(settings);
	return settings;
}

static const struct account_setting *setting_find(const char *key)
{
	for (size_t i = 0; i < ARRAY_SIZE(settings); i++)
		if (strcmp(settings[i].key, key) == 0)
			return &settings[i];
	BUG("unknown account setting %s", key);
	return NULL;
}

int64_t account_setting(struct db *db, const char *key)
{
	const struct account_setting *s = setting_find(key);
	char *v = db ? db_setting_get(db, key) : NULL;
	int64_t r = s->def;
	if (v && parse_i64(v, s->min, s->max, &r))
		r = s->def;
	free(v);
	return r;
}

int account_settings_update(struct db *db, const struct actor *a, json_t *values, struct errs *e)
{
	int64_t v[ARRAY_SIZE(settings)];
	if (!a->sysadmin)
		return M_DENIED;
	for (size_t i = 0; i < ARRAY_SIZE(settings); i++) {
		const char *s = json_string_value(json_object_get(values, settings[i].key));
		if (!s || parse_i64(s, settings[i].min, settings[i].max, &v[i]))
			errs_add(e, settings[i].key, settings[i].msg); /* says the allowed range */
	}
	if (e->n)
		return M_INVALID;
	size_t imin = 0, inomfa = 0;
	for (size_t i = 0; i < ARRAY_SIZE(settings); i++) {
		if (strcmp(settings[i].key, "password_min_length") == 0)
			imin = i;
		if (strcmp(settings[i].key, "password_min_length_no_mfa") == 0)
			inomfa = i;
	}
	if (v[inomfa] < v[imin]) {
		errs_add(e, "password_min_length_no_mfa", "setting_no_mfa_below_min");
		return M_INVALID;
	}
	if (db_begin(db))
		return M_ERROR;
	char detail[1024];
	size_t off = 0;
	detail[0] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(settings); i++) {
		char num[24];
		snprintf(num, sizeof(num), "%lld", (long long)v[i]);
		if (db_setting_set(db, settings[i].key, num)) {
			db_rollback(db);
			return M_ERROR;
		}
		if (off < sizeof(detail))
			off += (size_t)snprintf(detail + off, sizeof(detail) - off, "%s%s=%s", i ? " " : "", settings[i].key, num);
	}
	if (audit_write(db, a, 0, "settings.accounts", "", detail)) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

int user_is_admin(struct db *db, int64_t user_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM users u WHERE u.id = ? AND (u.is_sysadmin = 1 OR EXISTS"
				       " (SELECT 1 FROM roles r WHERE r.user_id = u.id AND r.role = 'siteadmin'))");
	int yes = 0;
	if (!st)
		return 0;
	db_bind_int(st, 1, user_id);
	yes = db_step(st) == DB_ROW;
	db_reset(st);
	return yes;
}

/* Whether A may disable, enable or unlock account USER_ID from site SITE_ID: the system
 * administrator any account but its own; a site administrator an account with a role on its
 * site that administers nothing itself (not the system administrator, no site administrator). */
int user_may_manage(struct db *db, const struct actor *a, int64_t site_id, int64_t user_id)
{
	if (user_id == a->id)
		return 0;
	if (a->sysadmin)
		return 1;
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return 0;
	struct actor t = { user_id, 0, NULL };
	return user_role_on(db, &t, site_id) != NULL && !user_is_admin(db, user_id);
}

static char *username_of(struct db *db, int64_t user_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT username FROM users WHERE id = ?");
	char *name = NULL;
	if (!st)
		return NULL;
	db_bind_int(st, 1, user_id);
	if (db_step(st) == DB_ROW)
		name = xstrdup(db_col_text(st, 0));
	db_reset(st);
	return name;
}

int user_unlock(struct db *db, const struct actor *a, int64_t site_id, int64_t user_id)
{
	char key[160], obj[160];
	char *name = username_of(db, user_id);
	if (!name)
		return M_NOTFOUND;
	if (!user_may_manage(db, a, site_id, user_id)) {
		free(name);
		return M_DENIED;
	}
	snprintf(key, sizeof(key), "u:%.150s", name);
	snprintf(obj, sizeof(obj), "user:%.150s", name);
	free(name);
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "DELETE FROM signin_failures WHERE key = ?");
	if (!st) {
		db_rollback(db);
		return M_ERROR;
	}
	db_bind_text(st, 1, key);
	int ok = db_step_done(st) == 0;
	int had = ok && db_changes(db) > 0;
	if (!ok || audit_write(db, a, site_id, "user.unlock", obj, had ? "lock cleared" : "was not locked")) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

static const struct actor actor_scheduler = { 0, 1, "scheduler" };

int user_dormant_sweep(struct db *db, int64_t now)
{
	int64_t days = account_setting(db, "account_dormant_days");
	if (days <= 0)
		return 0;
	int64_t cut = now - days * 86400;
	/* unused: no sign-in, creation or re-enabling since the cut */
	struct db_stmt *st = db_stmt(db, "SELECT id, username, last_signin_at FROM users WHERE disabled = 0"
				       " AND last_signin_at < ?1 AND created_at < ?1 AND enabled_at < ?1 ORDER BY id");
	if (!st)
		return -1;
	db_bind_int(st, 1, cut);
	json_t *rows = db_rows_json(st);
	size_t i;
	json_t *u;
	int n = 0;
	json_array_foreach(rows, i, u) {
		int64_t id = json_integer_value(json_object_get(u, "id"));
		int64_t last = json_integer_value(json_object_get(u, "last_signin_at"));
		char obj[160], detail[96];
		snprintf(obj, sizeof(obj), "user:%.150s", json_string_value(json_object_get(u, "username")));
		if (last)
			snprintf(detail, sizeof(detail), "unused for %lld days (last sign-in %lld days ago)", (long long)days,
				 (long long)((now - last) / 86400));
		else
			snprintf(detail, sizeof(detail), "unused for %lld days (never signed in)", (long long)days);
		if (db_begin(db))
			break;
		st = db_stmt(db, "UPDATE users SET disabled = 1, disabled_reason = 'dormant' WHERE id = ? AND disabled = 0");
		if (!st) {
			db_rollback(db);
			break;
		}
		db_bind_int(st, 1, id);
		if (db_step_done(st) || db_changes(db) != 1) {
			db_rollback(db);
			continue;
		}
		session_destroy_user(db, id);
		if (audit_write(db, &actor_scheduler, 0, "user.dormant", obj, detail) || db_commit(db)) {
			db_rollback(db);
			continue;
		}
		n++;
	}
	json_decref(rows);
	return n;
}

/* ---- the account list (the 6-monthly review) ---- */

json_t *account_review_list(struct db *db, const struct actor *a, int64_t site_id, int64_t now)
{
	struct db_stmt *st;
	if (!a->sysadmin && actor_level(db, a, site_id) < LVL_SITEADMIN)
		return NULL;
	int64_t dormant = account_setting(db, "account_dormant_days") * 86400;
	int64_t age = account_setting(db, "password_max_age_days") * 86400;
	int64_t age_admin = account_setting(db, "password_max_age_days_admin") * 86400;
	if (a->sysadmin)
		st = db_stmt(db, "SELECT u.id, u.username, u.display_name, u.is_sysadmin, u.disabled, u.disabled_reason,"
				 " u.last_signin_at, u.created_at, u.password_changed_at, u.must_change,"
				 " COALESCE((SELECT t.enabled FROM totp t WHERE t.user_id = u.id), 0) AS mfa_enabled,"
				 " COALESCE((SELECT f.locked_until FROM signin_failures f WHERE f.key = 'u:' || u.username), 0) AS locked_until,"
				 " CASE WHEN u.is_sysadmin = 1 OR EXISTS (SELECT 1 FROM roles ra WHERE ra.user_id = u.id"
				 "  AND ra.role = 'siteadmin') THEN 1 ELSE 0 END AS is_admin"
				 /* the API tokens' own accounts are listed on the tokens' page (token.c) */
				 " FROM users u WHERE ?1 = ?1 AND NOT EXISTS (SELECT 1 FROM api_tokens k WHERE k.user_id = u.id)"
				 " ORDER BY u.username");
	else
		st = db_stmt(db, "SELECT u.id, u.username, u.display_name, u.is_sysadmin, u.disabled, u.disabled_reason,"
				 " u.last_signin_at, u.created_at, u.password_changed_at, u.must_change,"
				 " COALESCE((SELECT t.enabled FROM totp t WHERE t.user_id = u.id), 0) AS mfa_enabled,"
				 " COALESCE((SELECT f.locked_until FROM signin_failures f WHERE f.key = 'u:' || u.username), 0) AS locked_until,"
				 " CASE WHEN u.is_sysadmin = 1 OR EXISTS (SELECT 1 FROM roles ra WHERE ra.user_id = u.id"
				 "  AND ra.role = 'siteadmin') THEN 1 ELSE 0 END AS is_admin"
				 " FROM users u WHERE EXISTS (SELECT 1 FROM roles r WHERE r.user_id = u.id AND r.site_id = ?1)"
				 " ORDER BY u.username");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	json_t *users = db_rows_json(st);
	/* every role of each account, on every site (the review needs the whole picture) */
	st = db_stmt(db, "SELECT r.user_id, r.role, s.slug, s.name FROM roles r JOIN sites s ON s.id = r.site_id"
			 " ORDER BY s.parent_id IS NOT NULL, s.name");
	json_t *roles = st ? db_rows_json(st) : json_array();
	size_t i, k;
	json_t *u, *r;
	json_array_foreach(users, i, u) {
		int64_t id = json_integer_value(json_object_get(u, "id"));
		json_t *list = json_array();
		if (json_integer_value(json_object_get(u, "is_sysadmin")))
			json_array_append_new(list, json_pack("{ssssss}", "role", "sysadmin", "site", "", "site_name", ""));
		json_array_foreach(roles, k, r)
			if (json_integer_value(json_object_get(r, "user_id")) == id)
				json_array_append_new(list, json_pack("{sOsOsO}", "role", json_object_get(r, "role"), "site",
								      json_object_get(r, "slug"), "site_name",
								      json_object_get(r, "name")));
		json_object_set_new(u, "roles", list);
		int disabled = json_integer_value(json_object_get(u, "disabled")) != 0;
		int64_t last = json_integer_value(json_object_get(u, "last_signin_at"));
		int64_t since = last, created = json_integer_value(json_object_get(u, "created_at"));
		if (created > since)
			since = created;
		int locked = json_integer_value(json_object_get(u, "locked_until")) > now;
		int admin = json_integer_value(json_object_get(u, "is_admin")) != 0;
		int64_t max_age = admin ? age_admin : age;
		json_object_set_new(u, "locked", json_boolean(locked));
		json_object_set_new(u, "dormant", json_boolean(disabled && strcmp(json_string_value(json_object_get(u, "disabled_reason")), "dormant") == 0));
		json_object_set_new(u, "unused", json_boolean(!disabled && dormant > 0 && since < now - dormant));
		json_object_set_new(u, "password_due", json_boolean(max_age > 0 &&
			json_integer_value(json_object_get(u, "password_changed_at")) < now - max_age));
		json_object_set_new(u, "may_manage", json_boolean(user_may_manage(db, a, site_id, id)));
	}
	json_decref(roles);
	return users;
}
