/* test_accounts.c — the level-3 account rules (model/account.c, password.c, session.c) with a
 * fixed clock (time_fix): the lock after 5 failed sign-ins and the emergency unlock, 14
 * characters without a second factor, history and expiry per role, idle time per role, the
 * dormancy sweep, the review list and who may act on whom, the settings' validation, and the
 * common-password list built into the binary. */
#include "t.h"
#include "tdb.h"
#include "db/db.h"
#include "model/model.h"
#include "base/util.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PW "Kh0ng-Ai-Doan@2026"     /* 18 characters */
#define T0 ((int64_t)1893456000)    /* 2030-01-01 00:00 UTC: the fixed clock's start */
#define DAY 86400



static int64_t add_site(struct db *db, const char *name)
{
	return t_add_site(db, name, strcmp(name, "Cổng chính") == 0 ? "main" : NULL, NULL);
}

static int64_t add_user(struct db *db, const char *name, const char *role, const char *site)
{
	struct errs e = { 0 };
	int64_t id = 0;
	return user_add(db, name, name, role, site, PW, &e, &id) ? 0 : id;
}

static int has_err(const struct errs *e, const char *field, const char *key)
{
	for (int i = 0; i < e->n; i++)
		if (strcmp(e->e[i].field, field) == 0 && strcmp(e->e[i].key, key) == 0)
			return 1;
	return 0;
}

static int64_t count(struct db *db, const char *action)
{
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM audit WHERE action = ?");
	int64_t n = -1;
	db_bind_text(st, 1, action);
	if (db_step(st) == DB_ROW)
		n = db_col_int(st, 0);
	db_reset(st);
	return n;
}

static int64_t user_int(struct db *db, int64_t id, const char *col)
{
	/* one statement per column: the store takes SQL literals only */
	struct db_stmt *st = strcmp(col, "disabled") == 0 ? db_stmt(db, "SELECT disabled FROM users WHERE id = ?")
			 : strcmp(col, "last_signin_at") == 0 ? db_stmt(db, "SELECT last_signin_at FROM users WHERE id = ?")
							      : db_stmt(db, "SELECT password_needs_mfa FROM users WHERE id = ?");
	int64_t v = -1;
	db_bind_int(st, 1, id);
	if (db_step(st) == DB_ROW)
		v = db_col_int(st, 0);
	db_reset(st);
	return v;
}

TEST(accounts_lock_after_five_and_emergency_unlock)
{
	struct db *db = t_fresh_db();
	int64_t wait = 0, t = T0;
	if (!CHECK(db != NULL))
		return;
	add_site(db, "Cổng chính");
	add_site(db, "Sở Nội vụ");
	time_fix(t);
	int64_t uid = add_user(db, "khoa.snv", "reporter", "snv");
	CHECK(uid > 0);
	CHECK(account_setting(db, "signin_lock_after") == 5);
	/* five wrong passwords, each after the growing delay (1 s after the 3rd, 2 s after the 4th) */
	for (int i = 0; i < 5; i++) {
		json_t *u = user_authenticate(db, "khoa.snv", "Sai-mat-khau@2026", NULL, &wait);
		CHECK(u == NULL && wait == 0);
		t += 10;
		time_fix(t);
	}
	/* locked for 30 minutes: the right password does not open it */
	json_t *u = user_authenticate(db, "khoa.snv", PW, NULL, &wait);
	CHECK(u == NULL);
	CHECK(wait > 29 * 60 && wait <= 30 * 60);
	/* an unknown name is locked the same way (no existence oracle) */
	for (int i = 0; i < 5; i++) {
		user_authenticate(db, "khong.co.ai", "Sai-mat-khau@2026", NULL, &wait);
		t += 10;
		time_fix(t);
	}
	int64_t wait_unknown = 0;
	CHECK(user_authenticate(db, "khong.co.ai", PW, NULL, &wait_unknown) == NULL);
	CHECK(wait_unknown > 29 * 60);
	/* the review list shows the lock */
	json_t *list = account_review_list(db, &actor_cli, 0, t);
	int seen = 0;
	size_t i;
	json_t *row;
	json_array_foreach(list, i, row)
		if (strcmp(json_string_value(json_object_get(row, "username")), "khoa.snv") == 0)
			seen = json_is_true(json_object_get(row, "locked"));
	CHECK(seen);
	json_decref(list);
	/* the emergency unlock: at once, audited */
	CHECK(user_unlock(db, &actor_cli, 0, uid) == M_OK);
	CHECK(count(db, "user.unlock") == 1);
	u = user_authenticate(db, "khoa.snv", PW, NULL, &wait);
	CHECK(u != NULL && wait == 0);
	json_decref(u);
	CHECK(user_int(db, uid, "last_signin_at") == t);
	/* lock minutes 0: until an administrator unlocks */
	db_setting_set(db, "signin_lock_minutes", "0");
	db_setting_set(db, "signin_lock_after", "2");
	for (int k = 0; k < 2; k++)
		user_authenticate(db, "khoa.snv", "Sai-mat-khau@2026", NULL, &wait);
	time_fix(t + 30 * DAY);
	CHECK(user_authenticate(db, "khoa.snv", PW, NULL, &wait) == NULL);
	CHECK(wait > 300 * DAY);
	time_fix(0);
	db_close(db);
}

TEST(accounts_fourteen_characters_without_second_factor)
{
	struct db *db = t_fresh_db();
	struct errs e = { 0 };
	int64_t id;
	if (!CHECK(db != NULL))
		return;
	add_site(db, "Cổng chính");
	add_site(db, "Sở Nội vụ");
	/* a one-time password is the password of an account without a second factor: 14 */
	CHECK(user_add(db, "lan.snv", "Lan", "editor", "snv", "Abc@12345-Lan", &e, &id) == M_INVALID); /* 13 */
	CHECK(has_err(&e, "password", "password_short_no_mfa"));
	e.n = 0;
	CHECK(user_add(db, "lan.snv", "Lan", "editor", "snv", "Abc@12345-Hoa", &e, &id) == M_INVALID);
	e.n = 0;
	CHECK(user_add(db, "lan.snv", "Lan", "editor", "snv", "Abc@12345-Hoa1", &e, &id) == M_OK); /* 14 */
	/* with a second factor the shorter minimum (8) */
	e.n = 0;
	CHECK(password_check_mfa(db, "Abc@1234x", NULL, 1, &e, "p") == 0);
	CHECK(password_check_mfa(db, "Abc@1234x", NULL, 0, &e, "p") == -1 && has_err(&e, "p", "password_short_no_mfa"));
	e.n = 0;
	CHECK(password_check_mfa(db, "Ab@1x", NULL, 1, &e, "p") == -1 && has_err(&e, "p", "password_short"));
	/* both minimums are settings; user_change_password (no 2FA here) follows the longer one */
	e.n = 0;
	db_setting_set(db, "password_min_length_no_mfa", "16");
	CHECK(user_change_password(db, id, "Abc@12345-Hoa1", "Xyz@67890-Moi1", "Xyz@67890-Moi1", &e) == M_INVALID);
	CHECK(has_err(&e, "new_password", "password_short_no_mfa"));
	e.n = 0;
	CHECK(user_change_password(db, id, "Abc@12345-Hoa1", "Xyz@67890-Moi-12", "Xyz@67890-Moi-12", &e) == M_OK);
	CHECK(user_int(db, id, "password_needs_mfa") == 0);
	db_close(db);
}

TEST(accounts_short_password_needs_the_second_factor)
{
	struct db *db = t_fresh_db();
	struct errs e = { 0 };
	char tok[SESSION_TOKEN_LEN + 1];
	if (!CHECK(db != NULL))
		return;
	add_site(db, "Cổng chính");
	add_site(db, "Sở Nội vụ");
	int64_t id = add_user(db, "lan.snv", "approver", "snv");
	/* a second factor on (as totp_enrol_confirm leaves it; the secret is not used here) */
	struct db_stmt *st = db_stmt(db, "INSERT INTO totp (user_id, secret_enc, enabled, created_at, enabled_at) VALUES (?, 'x', 1, 0, 0)");
	db_bind_int(st, 1, id);
	CHECK(db_step_done(st) == 0);
	CHECK(user_change_password(db, id, PW, "Abc@1234x", "Abc@1234x", &e) == M_OK); /* 9: enough with 2FA */
	CHECK(user_int(db, id, "password_needs_mfa") == 1);
	CHECK(session_create(db, id, tok) == M_OK);
	json_t *u = session_user(db, tok);
	CHECK(u && json_integer_value(json_object_get(u, "must_change")) == 0);
	json_decref(u);
	/* the second factor off: that password must be changed before anything else */
	st = db_stmt(db, "UPDATE totp SET enabled = 0 WHERE user_id = ?");
	db_bind_int(st, 1, id);
	CHECK(db_step_done(st) == 0);
	u = session_user(db, tok);
	CHECK(u && json_integer_value(json_object_get(u, "must_change")) == 1);
	json_decref(u);
	e.n = 0;
	CHECK(user_change_password(db, id, "Abc@1234x", "Abc@1234x-Dai-Hon", "Abc@1234x-Dai-Hon", &e) == M_OK);
	CHECK(user_int(db, id, "password_needs_mfa") == 0);
	u = session_user(db, tok);
	CHECK(u && json_integer_value(json_object_get(u, "must_change")) == 0);
	json_decref(u);
	db_close(db);
}

TEST(accounts_history_and_expiry_per_role)
{
	struct db *db = t_fresh_db();
	struct errs e = { 0 };
	char tok[SESSION_TOKEN_LEN + 1];
	if (!CHECK(db != NULL))
		return;
	CHECK(account_setting(NULL, "password_history") == 5 && account_setting(NULL, "password_history_admin") == 10);
	CHECK(account_setting(NULL, "password_max_age_days") == 90 && account_setting(NULL, "password_max_age_days_admin") == 60);
	add_site(db, "Cổng chính");
	add_site(db, "Sở Nội vụ");
	time_fix(T0);
	int64_t admin = add_user(db, "bao.snv", "siteadmin", "snv");
	int64_t rep = add_user(db, "khoa.snv", "reporter", "snv");
	CHECK(user_is_admin(db, admin) && !user_is_admin(db, rep));
	/* short histories (the settings) to keep the hashing cheap: administrators 3, others 2 */
	db_setting_set(db, "password_history_admin", "3");
	db_setting_set(db, "password_history", "2");
	static const char *const pws[] = { "Hoa-Sen@2026-01", "Hoa-Sen@2026-02" };
	int64_t ids[] = { admin, rep };
	for (int k = 0; k < 2; k++) {
		const char *cur = PW;
		for (int i = 0; i < 2; i++) {
			e.n = 0;
			CHECK(user_change_password(db, ids[k], cur, pws[i], pws[i], &e) == M_OK);
			cur = pws[i];
		}
		/* history: PW, 01, 02 — PW is the third newest: an administrator may not take it back */
		e.n = 0;
		int rc = user_change_password(db, ids[k], cur, PW, PW, &e);
		if (k == 0)
			CHECK(rc == M_INVALID && has_err(&e, "new_password", "password_reused"));
		else
			CHECK(rc == M_OK);
	}
	/* expiry: 61 days later an administrator must change, a user not yet; at 91 both */
	time_fix(T0 + 61 * DAY);
	CHECK(session_create(db, admin, tok) == M_OK);
	json_t *u = session_user(db, tok);
	CHECK(u && json_integer_value(json_object_get(u, "must_change")) == 1);
	json_decref(u);
	CHECK(session_create(db, rep, tok) == M_OK);
	u = session_user(db, tok);
	CHECK(u && json_integer_value(json_object_get(u, "must_change")) == 0);
	json_decref(u);
	time_fix(T0 + 91 * DAY);
	CHECK(session_create(db, rep, tok) == M_OK);
	u = session_user(db, tok);
	CHECK(u && json_integer_value(json_object_get(u, "must_change")) == 1);
	json_decref(u);
	time_fix(0);
	db_close(db);
}

TEST(accounts_idle_time_per_role)
{
	struct db *db = t_fresh_db();
	char ta[SESSION_TOKEN_LEN + 1], tu[SESSION_TOKEN_LEN + 1];
	if (!CHECK(db != NULL))
		return;
	add_site(db, "Cổng chính");
	add_site(db, "Sở Nội vụ");
	time_fix(T0);
	int64_t admin = add_user(db, "bao.snv", "siteadmin", "snv");
	int64_t sys = add_user(db, "quantri", "sysadmin", NULL);
	int64_t rep = add_user(db, "khoa.snv", "reporter", "snv");
	char ts[SESSION_TOKEN_LEN + 1];
	CHECK(session_create(db, admin, ta) == M_OK && session_create(db, rep, tu) == M_OK &&
	      session_create(db, sys, ts) == M_OK);
	json_t *u;
	/* 4 minutes idle: both still in (and seen again now) */
	time_fix(T0 + 4 * 60);
	CHECK((u = session_user(db, ta)) != NULL);
	json_decref(u);
	CHECK((u = session_user(db, tu)) != NULL);
	json_decref(u);
	/* 5 minutes and a second more: the administrators are out, the user is not */
	time_fix(T0 + 9 * 60 + 1);
	CHECK(session_user(db, ta) == NULL);
	CHECK(session_user(db, ts) == NULL);
	CHECK((u = session_user(db, tu)) != NULL);
	json_decref(u);
	/* the user: out after 15 minutes idle */
	time_fix(T0 + 9 * 60 + 1 + 14 * 60);
	CHECK((u = session_user(db, tu)) != NULL);
	json_decref(u);
	time_fix(T0 + 9 * 60 + 1 + 14 * 60 + 15 * 60 + 1);
	CHECK(session_user(db, tu) == NULL);
	/* the settings move them */
	db_setting_set(db, "session_idle_minutes_admin", "30");
	time_fix(T0 + DAY);
	CHECK(session_create(db, admin, ta) == M_OK);
	time_fix(T0 + DAY + 29 * 60);
	CHECK((u = session_user(db, ta)) != NULL);
	json_decref(u);
	time_fix(0);
	db_close(db);
}

TEST(accounts_dormant_disabled_by_the_sweep)
{
	struct db *db = t_fresh_db();
	int64_t wait;
	char tok[SESSION_TOKEN_LEN + 1];
	if (!CHECK(db != NULL))
		return;
	add_site(db, "Cổng chính");
	add_site(db, "Sở Nội vụ");
	time_fix(T0);
	int64_t never = add_user(db, "chua.dung", "reporter", "snv");
	int64_t used = add_user(db, "co.dung", "editor", "snv");
	time_fix(T0 + 10 * DAY);
	json_t *u = user_authenticate(db, "co.dung", PW, NULL, &wait);
	CHECK(u != NULL);
	json_decref(u);
	CHECK(user_dormant_sweep(db, T0 + 44 * DAY) == 0);
	time_fix(T0 + 46 * DAY);
	CHECK(session_create(db, never, tok) == M_OK); /* a session made meanwhile (by hand) */
	CHECK(user_dormant_sweep(db, T0 + 46 * DAY) == 1);
	CHECK(user_int(db, never, "disabled") == 1 && user_int(db, used, "disabled") == 0);
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM sessions WHERE user_id = ?");
	db_bind_int(st, 1, never);
	CHECK(db_step(st) == DB_ROW && db_col_int(st, 0) == 0); /* its sessions ended with it */
	db_reset(st);
	CHECK(user_dormant_sweep(db, T0 + 56 * DAY) == 1);
	CHECK(user_int(db, used, "disabled") == 1);
	CHECK(count(db, "user.dormant") == 2);
	/* shown as dormant in the review */
	json_t *list = account_review_list(db, &actor_cli, 0, T0 + 56 * DAY);
	size_t i;
	json_t *row;
	int dormant = 0;
	json_array_foreach(list, i, row)
		dormant += json_is_true(json_object_get(row, "dormant"));
	CHECK(dormant == 2);
	json_decref(list);
	/* enabled again: the 45 days start over */
	time_fix(T0 + 57 * DAY);
	CHECK(user_set_disabled(db, &actor_cli, 0, never, 0) == M_OK);
	CHECK(user_dormant_sweep(db, T0 + 58 * DAY) == 0);
	CHECK(user_int(db, never, "disabled") == 0);
	CHECK(user_dormant_sweep(db, T0 + 103 * DAY) == 1);
	/* 0 turns it off */
	db_setting_set(db, "account_dormant_days", "0");
	CHECK(user_set_disabled(db, &actor_cli, 0, never, 0) == M_OK);
	CHECK(user_dormant_sweep(db, T0 + 1000 * DAY) == 0);
	time_fix(0);
	db_close(db);
}

TEST(accounts_review_list_and_who_manages_whom)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db != NULL))
		return;
	add_site(db, "Cổng chính");
	int64_t snv = add_site(db, "Sở Nội vụ");
	int64_t syt = add_site(db, "Sở Y tế");
	int64_t admin = add_user(db, "bao.snv", "siteadmin", "snv");
	int64_t admin2 = add_user(db, "an.snv", "siteadmin", "snv");
	int64_t rep = add_user(db, "khoa.snv", "reporter", "snv");
	int64_t other = add_user(db, "lan.syt", "editor", "syt");
	int64_t sys = add_user(db, "quantri", "sysadmin", NULL);
	struct actor a = { admin, 0, NULL }, r = { rep, 0, NULL }, s = { sys, 1, NULL };
	CHECK(user_may_manage(db, &a, snv, rep));
	CHECK(!user_may_manage(db, &a, snv, admin2)); /* another administrator: the system administrator's */
	CHECK(!user_may_manage(db, &a, snv, sys));
	CHECK(!user_may_manage(db, &a, snv, other) && !user_may_manage(db, &a, syt, other));
	CHECK(!user_may_manage(db, &a, snv, admin)); /* not oneself */
	CHECK(!user_may_manage(db, &r, snv, other));
	CHECK(user_may_manage(db, &s, 0, admin2) && user_may_manage(db, &s, syt, other));
	CHECK(user_set_disabled(db, &a, snv, other, 1) == M_DENIED);
	CHECK(user_unlock(db, &a, snv, admin2) == M_DENIED);
	CHECK(user_set_disabled(db, &a, snv, rep, 1) == M_OK);
	CHECK(user_int(db, rep, "disabled") == 1);
	CHECK(count(db, "user.disable") == 1);
	/* the list: a site administrator sees its site's accounts, the system administrator all */
	json_t *list = account_review_list(db, &a, snv, time_now());
	CHECK(json_array_size(list) == 3);
	json_decref(list);
	CHECK(account_review_list(db, &r, snv, time_now()) == NULL);
	list = account_review_list(db, &s, snv, time_now());
	CHECK(json_array_size(list) == 5);
	size_t i;
	json_t *row;
	json_array_foreach(list, i, row)
		if (json_integer_value(json_object_get(row, "id")) == sys)
			CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(row, "roles"), 0), "role")), "sysadmin");
	json_decref(list);
	db_close(db);
}

TEST(accounts_settings_validated)
{
	struct db *db = t_fresh_db();
	struct errs e = { 0 };
	if (!CHECK(db != NULL))
		return;
	size_t n;
	const struct account_setting *s = account_settings(&n);
	json_t *v = json_object();
	for (size_t i = 0; i < n; i++) {
		char num[24];
		snprintf(num, sizeof(num), "%lld", (long long)s[i].def);
		json_object_set_new(v, s[i].key, json_string(num));
	}
	struct actor someone = { 7, 0, NULL };
	CHECK(account_settings_update(db, &someone, v, &e) == M_DENIED);
	json_object_set_new(v, "signin_lock_after", json_string("0"));
	json_object_set_new(v, "session_idle_minutes_admin", json_string("năm"));
	CHECK(account_settings_update(db, &actor_cli, v, &e) == M_INVALID);
	CHECK(has_err(&e, "signin_lock_after", "setting_range_signin_lock_after"));
	CHECK(has_err(&e, "session_idle_minutes_admin", "setting_range_session_idle_minutes_admin"));
	CHECK(e.n == 2);
	e.n = 0;
	json_object_set_new(v, "signin_lock_after", json_string("3"));
	json_object_set_new(v, "session_idle_minutes_admin", json_string("10"));
	json_object_set_new(v, "password_min_length", json_string("12"));
	json_object_set_new(v, "password_min_length_no_mfa", json_string("10"));
	CHECK(account_settings_update(db, &actor_cli, v, &e) == M_INVALID);
	CHECK(has_err(&e, "password_min_length_no_mfa", "setting_no_mfa_below_min"));
	e.n = 0;
	json_object_set_new(v, "password_min_length_no_mfa", json_string("16"));
	CHECK(account_settings_update(db, &actor_cli, v, &e) == M_OK);
	CHECK(account_setting(db, "signin_lock_after") == 3 && account_setting(db, "session_idle_minutes_admin") == 10);
	CHECK(account_setting(db, "password_min_length_no_mfa") == 16);
	CHECK(count(db, "settings.accounts") == 1);
	/* a value outside its range in the table is ignored for the default */
	db_setting_set(db, "signin_lock_after", "99");
	CHECK(account_setting(db, "signin_lock_after") == 5);
	json_decref(v);
	db_close(db);
}

TEST(accounts_common_passwords_built_in)
{
	struct errs e = { 0 };
	CHECK(password_common_count() == 10000);
	/* "Password12345!" is "password" once digits and signs are trimmed */
	CHECK(password_check(NULL, "Password12345!", NULL, &e, "p") == -1 && has_err(&e, "p", "password_common"));
	e.n = 0;
	CHECK(password_check(NULL, "Dragon12345678!", NULL, &e, "p") == -1 && has_err(&e, "p", "password_common"));
	e.n = 0;
	CHECK(password_check(NULL, "Hoa-Sen@2026-01", NULL, &e, "p") == 0);
}
