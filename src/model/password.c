/* password.c — the password rules of BT Đ20.4, VL Đ15.4 and the level-3 line of regulations.md:
 * length (14 without a second factor, 8 with one) and character classes (settings, with the
 * regulation as default), none of the 10,000 most common passwords, not the user name, none of
 * the last 5 (10 for administrators), changed every 90 days (60 for administrators); failed
 * sign-ins; and argon2id hashing with parameters measured to cost about 100 ms here
 * (docs/security.md). */
#include "internal.h"
#include "db/db.h"
#include "base/log.h"
#include "base/util.h"
#include "base/utf8.h"

#include <ctype.h>
#include <jansson.h>
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/banned.h"

/* argon2id: 3 passes over 64 MiB ≈ 90–100 ms on the project's 2-core machines. */
#define PW_OPSLIMIT 3
#define PW_MEMLIMIT (64u << 20)

/* The common-password list, built in (build/gen/common_passwords.c, tools/common-passwords.sh):
 * the first 10,000 of @zxcvbn-ts/language-common's passwords.json, in order of frequency.
 * Sorted into a private copy once, on first use, for bsearch. */
extern const char *const password_common_list[];
extern const size_t password_common_n;
static const char **common;
static size_t ncommon;
static pthread_once_t common_once = PTHREAD_ONCE_INIT;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void common_sort(void)
{
	common = xcalloc(password_common_n ? password_common_n : 1, sizeof(*common));
	for (size_t i = 0; i < password_common_n; i++)
		common[i] = password_common_list[i];
	ncommon = password_common_n;
	qsort(common, ncommon, sizeof(*common), cmp_str);
}

size_t password_common_count(void)
{
	pthread_once(&common_once, common_sort);
	return ncommon;
}

static int is_common(const char *lower)
{
	pthread_once(&common_once, common_sort);
	return bsearch(&lower, common, ncommon, sizeof(*common), cmp_str) != NULL;
}

int password_hash(const char *pw, char *out, size_t n)
{
	if (n < crypto_pwhash_STRBYTES)
		BUG("password hash buffer too small");
	return crypto_pwhash_str_alg(out, pw, strlen(pw), PW_OPSLIMIT, PW_MEMLIMIT, crypto_pwhash_ALG_ARGON2ID13);
}

int64_t password_max_age_days(struct db *db)
{
	return account_setting(db, "password_max_age_days");
}

int64_t password_max_age_days_admin(struct db *db)
{
	return account_setting(db, "password_max_age_days_admin");
}

int password_check_mfa(struct db *db, const char *pw, const char *username, int mfa, struct errs *e,
		       const char *field)
{
	int64_t min = account_setting(db, "password_min_length");
	int64_t min_no_mfa = account_setting(db, "password_min_length_no_mfa");
	int64_t classes = account_setting(db, "password_classes");
	int up = 0, low = 0, dig = 0, spec = 0;

	if (!mfa && min_no_mfa > min)
		min = min_no_mfa;
	if ((int64_t)utf8_length(pw) < min) {
		errs_add(e, field, mfa ? "password_short" : "password_short_no_mfa");
		return -1;
	}
	for (const unsigned char *p = (const unsigned char *)pw; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			up = 1;
		else if (*p >= 'a' && *p <= 'z')
			low = 1;
		else if (*p >= '0' && *p <= '9')
			dig = 1;
		else
			spec = 1; /* punctuation, and letters such as "ư" */
	}
	if (up + low + dig + spec < classes || (classes == 4 && !(up && low && dig && spec))) {
		errs_add(e, field, "password_weak");
		return -1;
	}
	/* lower case, and the same with digits and signs trimmed off both ends ("Dragon123!" is "dragon") */
	char *lower = xstrdup(pw);
	for (char *c = lower; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	char *core = lower;
	while (*core && !isalpha((unsigned char)*core))
		core++;
	char *core_copy = xstrdup(core);
	size_t n = strlen(core_copy);
	while (n && !isalpha((unsigned char)core_copy[n - 1]))
		core_copy[--n] = '\0';
	int bad = is_common(lower) || (n >= 4 && is_common(core_copy));
	if (bad)
		errs_add(e, field, "password_common");
	else if (username && strlen(username) >= 3 && strcasestr(pw, username))
		errs_add(e, field, "password_has_username"), bad = 1;
	free(lower);
	free(core_copy);
	return bad ? -1 : 0;
}

int password_check(struct db *db, const char *pw, const char *username, struct errs *e, const char *field)
{
	return password_check_mfa(db, pw, username, 0, e, field);
}

int password_check_policy(const char *pw, struct errs *e, const char *field)
{
	return password_check(NULL, pw, NULL, e, field);
}

int password_reused(struct db *db, int64_t user_id, const char *pw)
{
	struct db_stmt *st = db_stmt(db, "SELECT hash FROM password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?");
	int reused = 0;
	if (!st)
		return 0;
	db_bind_int(st, 1, user_id);
	db_bind_int(st, 2, account_setting(db, user_is_admin(db, user_id) ? "password_history_admin" : "password_history"));
	/* the hashes first, then the verifications (~0.1 s each) with no statement open */
	json_t *hashes = json_array();
	while (db_step(st) == DB_ROW)
		json_array_append_new(hashes, json_string(db_col_text(st, 0)));
	db_reset(st);
	size_t i;
	json_t *h;
	json_array_foreach(hashes, i, h)
		if (!reused && crypto_pwhash_str_verify(json_string_value(h), pw, strlen(pw)) == 0)
			reused = 1;
	json_decref(hashes);
	return reused;
}

int password_history_add(struct db *db, int64_t user_id, const char *hash)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO password_history (user_id, hash, at) VALUES (?, ?, ?)");
	if (!st)
		return -1;
	db_bind_int(st, 1, user_id);
	db_bind_text(st, 2, hash);
	db_bind_int(st, 3, time_now());
	int rc = db_step(st) == DB_DONE ? 0 : -1;
	db_reset(st);
	return rc;
}

/* ---- failed sign-ins: growing delays, then a temporary lock (per name and per address) ---- */

#define DELAY_AFTER 3    /* failures of one name before delays start */
#define ADDR_DELAY_AFTER 10 /* of one address (offices share one behind NAT) */
#define ADDR_LOCK_AFTER 30 /* failures of one address that lock it for ADDR_LOCK_SECONDS */
#define ADDR_LOCK_SECONDS (30 * 60)
/* a name: locked after signin_lock_after failures (5) for signin_lock_minutes (30; 0: until an
 * administrator unlocks it, user_unlock()) */
#define LOCK_FOREVER ((int64_t)100 * 366 * 86400)

/* Seconds to wait before KEY may try again (0: now). */
int64_t signin_wait(struct db *db, const char *key)
{
	int after = key[0] == 'a' ? ADDR_DELAY_AFTER : DELAY_AFTER;
	struct db_stmt *st = db_stmt(db, "SELECT failures, last_at, locked_until FROM signin_failures WHERE key = ?");
	int64_t wait = 0, now = time_now();
	if (!st)
		return 0;
	db_bind_text(st, 1, key);
	if (db_step(st) == DB_ROW) {
		int64_t n = db_col_int(st, 0), last = db_col_int(st, 1), locked = db_col_int(st, 2);
		if (locked > now)
			wait = locked - now;
		else if (n >= after) {
			int64_t delay = (int64_t)1 << (n - after < 6 ? n - after : 6); /* 1, 2, 4 … 64 s */
			if (last + delay > now)
				wait = last + delay - now;
		}
	}
	db_reset(st);
	return wait;
}

void signin_failed(struct db *db, const char *key, int lock_after)
{
	int64_t now = time_now();
	struct db_stmt *st = db_stmt(db, "INSERT INTO signin_failures (key, failures, last_at, locked_until) VALUES (?1, 1, ?2, 0)"
				       " ON CONFLICT (key) DO UPDATE SET failures = signin_failures.failures + 1, last_at = ?2,"
				       " locked_until = CASE WHEN signin_failures.failures + 1 >= ?3 THEN ?2 + ?4"
				       " ELSE signin_failures.locked_until END");
	if (!st)
		return;
	db_bind_text(st, 1, key);
	db_bind_int(st, 2, now);
	int64_t minutes = lock_after ? 0 : account_setting(db, "signin_lock_minutes");
	db_bind_int(st, 3, lock_after ? lock_after : account_setting(db, "signin_lock_after"));
	db_bind_int(st, 4, lock_after ? ADDR_LOCK_SECONDS : minutes ? minutes * 60 : LOCK_FOREVER);
	db_step(st);
	db_reset(st);
}

void signin_succeeded(struct db *db, const char *key)
{
	struct db_stmt *st = db_stmt(db, "DELETE FROM signin_failures WHERE key = ?");
	if (!st)
		return;
	db_bind_text(st, 1, key);
	db_step(st);
	db_reset(st);
}

int signin_addr_lock_after(void)
{
	return ADDR_LOCK_AFTER;
}
