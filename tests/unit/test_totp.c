/* test_totp.c — two-factor sign-in: RFC 6238 vectors, the ±1 step window, replay refused,
 * recovery codes good once, the secret sealed at rest, turning it off, the policy, and the
 * pending sessions of the second step. */
#include "t.h"
#include "tdb.h"
#include "db/db.h"
#include "model/model.h"
#include "base/util.h"

#include <liboath/oath.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define PW "Kh0ng-Ai-Doan@2026"



static int64_t add_site(struct db *db, const char *name, const char *kind)
{
	return t_add_site(db, name, kind, NULL);
}

static int64_t add_user(struct db *db, const char *name, const char *role, const char *site)
{
	struct errs e = { 0 };
	int64_t id = 0;
	return user_add(db, name, name, role, site, PW, &e, &id) ? 0 : id;
}

/* The code of the base32 SECRET at T, as an authenticator app computes it. */
static void code_at(const char *b32, int64_t t, char out[TOTP_DIGITS + 1])
{
	char *raw = NULL;
	size_t n = 0;
	out[0] = '\0';
	if (oath_base32_decode(b32, strlen(b32), &raw, &n) != OATH_OK)
		return;
	totp_code((unsigned char *)raw, n, t, TOTP_DIGITS, out);
	free(raw);
}

/* Enrols A and turns 2FA on at NOW; the base32 secret into B32[64], the codes into *CODES. */
static int enrol(struct db *db, const struct actor *a, int64_t now, char b32[64], json_t **codes)
{
	json_t *en = NULL;
	struct errs e = { 0 };
	char c[TOTP_DIGITS + 1];
	if (totp_enrol_begin(db, a, "Cổng Sở Nội vụ", "nam", "QR", &en) != M_OK)
		return -1;
	snprintf(b32, 64, "%s", json_string_value(json_object_get(en, "secret")));
	json_decref(en);
	code_at(b32, now, c);
	return totp_enrol_confirm(db, a, c, now, &e, codes);
}

static int64_t audit_count(struct db *db, const char *action)
{
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM audit WHERE action = ?");
	int64_t n = -1;
	db_bind_text(st, 1, action);
	if (db_step(st) == DB_ROW)
		n = db_col_int(st, 0);
	db_reset(st);
	return n;
}

TEST(totp_rfc6238_sha1_vectors)
{
	/* RFC 6238 appendix B, SHA-1, 8 digits, the key "12345678901234567890" */
	static const struct { int64_t t; const char *code; } v[] = {
		{ 59, "94287082" }, { 1111111109, "07081804" }, { 1111111111, "14050471" },
		{ 1234567890, "89005924" }, { 2000000000, "69279037" }, { 20000000000LL, "65353130" },
	};
	const unsigned char *key = (const unsigned char *)"12345678901234567890";
	char out[9];
	for (size_t i = 0; i < ARRAY_SIZE(v); i++) {
		CHECK(totp_code(key, 20, v[i].t, 8, out) == 0);
		CHECK_STR(out, v[i].code);
	}
	/* six digits are the last six of the same number */
	CHECK(totp_code(key, 20, 59, 6, out) == 0);
	CHECK_STR(out, "287082");
	CHECK(totp_code(key, 20, 59, 5, out) == -1);
}

TEST(totp_enrolment_window_and_replay)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db))
		return;
	add_site(db, "Cổng chính", "main");
	int64_t uid = add_user(db, "nam", "sysadmin", NULL);
	struct actor a = { uid, 1, "127.0.0.1" };
	json_t *en = NULL, *en2 = NULL, *codes = NULL;
	struct errs e = { 0 };
	char c[TOTP_DIGITS + 1], b32[64];
	int64_t now = 1700000000 - 1700000000 % TOTP_STEP + 10, rec = 0;
	int used = 0;

	/* the secret stays the same until confirmed: a reload shows the same QR code */
	CHECK(totp_enrol_begin(db, &a, "Cổng Sở Nội vụ", "nam", "QR", &en) == M_OK);
	CHECK(totp_enrol_begin(db, &a, "Cổng Sở Nội vụ", "nam", "QR", &en2) == M_OK);
	const char *secret = json_string_value(json_object_get(en, "secret"));
	CHECK(secret && strlen(secret) == 32);
	CHECK_STR(json_string_value(json_object_get(en2, "secret")), secret);
	snprintf(b32, sizeof(b32), "%s", secret ? secret : "");
	const char *uri = json_string_value(json_object_get(en, "uri"));
	static const char uri_start[] = "otpauth://totp/C%E1%BB%95ng%20S%E1%BB%9F%20N%E1%BB%99i%20v%E1%BB%A5:nam?secret=";
	CHECK(uri && strncmp(uri, uri_start, strlen(uri_start)) == 0);
	CHECK(uri && strstr(uri, "&issuer=C%E1%BB%95ng%20S%E1%BB%9F") && strstr(uri, "&digits=6&period=30"));
	const char *svg = json_string_value(json_object_get(en, "qr_svg"));
	CHECK(svg && strncmp(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"", 39) == 0);
	CHECK(svg && strstr(svg, "viewBox=\"0 0 ") && strstr(svg, "shape-rendering=\"crispEdges\"") &&
	      strstr(svg, "<rect x=\"") && !strstr(svg, "style") && strstr(svg, "</svg>"));
	json_decref(en);
	json_decref(en2);

	/* not on before a right code; a wrong one is refused with a field error */
	CHECK(totp_verify(db, &a, "123456", now, &used) == M_NOTFOUND);
	code_at(b32, now, c);
	c[0] = c[0] == '9' ? '0' : c[0] + 1;
	CHECK(totp_enrol_confirm(db, &a, c, now, &e, &codes) == M_INVALID);
	CHECK(e.n == 1 && strcmp(e.e[0].field, "code") == 0 && strcmp(e.e[0].key, "totp_invalid") == 0);
	e.n = 0;
	CHECK(totp_enrol_confirm(db, &a, "12ab", now, &e, &codes) == M_INVALID && e.n == 1);
	e.n = 0;
	code_at(b32, now, c);
	CHECK(totp_enrol_confirm(db, &a, c, now, &e, &codes) == M_OK);
	CHECK(json_array_size(codes) == TOTP_RECOVERY_CODES);
	CHECK(totp_enrol_begin(db, &a, "x", "nam", "QR", &en) == M_INVALID);
	json_t *st = totp_status(db, uid);
	CHECK(json_is_true(json_object_get(st, "enabled")));
	CHECK(json_integer_value(json_object_get(st, "recovery_left")) == TOTP_RECOVERY_CODES);
	json_decref(st);

	/* the enrolment code cannot be used again to sign in */
	CHECK(totp_verify(db, &a, c, now, &used) == M_INVALID);

	/* window: the next step is accepted at NOW, the one after is not; each step once */
	code_at(b32, now + TOTP_STEP, c);
	CHECK(totp_verify(db, &a, c, now, &used) == M_OK && !used);
	CHECK(totp_verify(db, &a, c, now, &used) == M_INVALID); /* replay */
	CHECK(totp_verify(db, &a, c, now + TOTP_STEP, &used) == M_INVALID); /* replay, later */
	code_at(b32, now + 3 * TOTP_STEP, c);
	CHECK(totp_verify(db, &a, c, now, &used) == M_INVALID); /* two steps ahead */
	/* a minute later: the step before is within the window but not newer than the last used */
	now += 2 * TOTP_STEP;
	code_at(b32, now - TOTP_STEP, c);
	CHECK(totp_verify(db, &a, c, now, &used) == M_INVALID);
	code_at(b32, now, c);
	CHECK(totp_verify(db, &a, c, now, &used) == M_OK);
	/* the step before the current one is accepted when it is newer than the last used */
	now += 3 * TOTP_STEP;
	code_at(b32, now - TOTP_STEP, c);
	CHECK(totp_verify(db, &a, c, now, &used) == M_OK);
	code_at(b32, now - 2 * TOTP_STEP, c);
	CHECK(totp_verify(db, &a, c, now + 10 * TOTP_STEP, &used) == M_INVALID); /* too old */
	/* spaces are ignored, garbage is refused */
	code_at(b32, now + TOTP_STEP, c);
	char spaced[16];
	snprintf(spaced, sizeof(spaced), "%.3s %s", c, c + 3);
	CHECK(totp_verify(db, &a, spaced, now + TOTP_STEP, &used) == M_OK);
	CHECK(totp_verify(db, &a, "", now, &used) == M_INVALID);
	CHECK(totp_verify(db, &a, "abcdef", now, &used) == M_INVALID);

	/* recovery codes: each once, however typed */
	const char *r0 = json_string_value(json_array_get(codes, 0));
	CHECK(r0 && strlen(r0) == 11 && r0[5] == '-');
	CHECK(totp_verify(db, &a, r0, now, &used) == M_OK && used == 1);
	CHECK(totp_verify(db, &a, r0, now, &used) == M_INVALID && used == 0);
	char upper[16];
	const char *r1 = json_string_value(json_array_get(codes, 1));
	size_t k = 0;
	for (size_t i = 0; r1 && r1[i] && k + 1 < sizeof(upper); i++)
		if (r1[i] != '-')
			upper[k++] = (char)(r1[i] >= 'a' && r1[i] <= 'z' ? r1[i] - 'a' + 'A' : r1[i]);
	upper[k] = '\0';
	CHECK(totp_verify(db, &a, upper, now, &used) == M_OK && used == 1);
	CHECK(totp_verify(db, &a, r1, now, &used) == M_INVALID);
	CHECK(totp_verify(db, &a, "aaaaa-aaaaa", now, &used) == M_INVALID);
	st = totp_status(db, uid);
	CHECK(json_integer_value(json_object_get(st, "recovery_left")) == TOTP_RECOVERY_CODES - 2);
	json_decref(st);
	rec = audit_count(db, "mfa.recovery");
	CHECK(rec == 2);
	CHECK(audit_count(db, "mfa.enable") == 1);
	CHECK(audit_count(db, "mfa.fail") >= 8);
	CHECK(audit_verify(db, NULL) == 0);
	json_decref(codes);
	db_close(db);
}

TEST(totp_secret_sealed_at_rest)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db))
		return;
	add_site(db, "Cổng chính", "main");
	int64_t uid = add_user(db, "nam", "sysadmin", NULL);
	struct actor a = { uid, 1, "127.0.0.1" };
	char b32[64], path[300];
	json_t *codes = NULL;
	CHECK(enrol(db, &a, 1700000000, b32, &codes) == M_OK);

	struct db_stmt *st = db_stmt(db, "SELECT secret_enc FROM totp WHERE user_id = ?");
	db_bind_int(st, 1, uid);
	CHECK(db_step(st) == DB_ROW);
	const char *stored = db_col_text(st, 0);
	char *raw = NULL, hex[41];
	size_t n = 0;
	CHECK(oath_base32_decode(b32, strlen(b32), &raw, &n) == OATH_OK && n == 20);
	sodium_bin2hex(hex, sizeof(hex), (unsigned char *)raw, n);
	CHECK(stored && strncmp(stored, "v1:", 3) == 0);
	CHECK(stored && !strstr(stored, b32) && !strstr(stored, hex) && !memmem(stored, strlen(stored), raw, n));
	free(raw);
	db_reset(st);

	/* recovery codes are stored as hashes, never as typed */
	const char *r0 = json_string_value(json_array_get(codes, 0));
	char bare[16];
	snprintf(bare, sizeof(bare), "%.5s%s", r0, r0 + 6);
	st = db_stmt(db, "SELECT count(*) FROM totp_recovery WHERE user_id = ? AND (code_hash = ? OR code_hash = ?)");
	db_bind_int(st, 1, uid);
	db_bind_text(st, 2, r0);
	db_bind_text(st, 3, bare);
	CHECK(db_step(st) == DB_ROW && (int)db_col_int(st, 0) == 0);
	db_reset(st);

	/* the key file: 32 bytes, owner only */
	struct stat sb;
	snprintf(path, sizeof(path), "%s/secret.key", t_dir());
	CHECK(stat(path, &sb) == 0 && sb.st_size == 32 && (sb.st_mode & 0777) == 0600);

	/* under another key the secret does not open: no code is accepted, nothing leaks */
	char other[300];
	snprintf(other, sizeof(other), "%s/other", t_dir());
	mkdir(other, 0700);
	totp_set_key_dir(other);
	int used = 0;
	char c[TOTP_DIGITS + 1];
	code_at(b32, 1700000000 + TOTP_STEP, c);
	CHECK(totp_verify(db, &a, c, 1700000000 + TOTP_STEP, &used) == M_ERROR);
	totp_set_key_dir(t_dir());
	CHECK(totp_verify(db, &a, c, 1700000000 + TOTP_STEP, &used) == M_OK);
	json_decref(codes);
	db_close(db);
}

TEST(totp_disable_and_reset)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db))
		return;
	add_site(db, "Cổng chính", "main");
	add_site(db, "Sở Nội vụ", NULL);
	int64_t root = add_user(db, "quantri", "sysadmin", NULL);
	int64_t uid = add_user(db, "nam", "approver", "snv");
	int64_t other = add_user(db, "lan", "siteadmin", "snv");
	struct actor a = { uid, 0, "127.0.0.1" }, sys = { root, 1, "127.0.0.1" }, adm = { other, 0, "127.0.0.1" };
	char b32[64], c[TOTP_DIGITS + 1];
	json_t *codes = NULL;
	struct errs e = { 0 };
	int64_t now = 1700000000;
	CHECK(enrol(db, &a, now, b32, &codes) == M_OK);

	/* the password and a code */
	code_at(b32, now + TOTP_STEP, c);
	CHECK(totp_disable(db, &a, "Sai@mat-khau1", c, now + TOTP_STEP, &e) == M_INVALID);
	CHECK(e.n == 1 && strcmp(e.e[0].field, "password") == 0);
	e.n = 0;
	CHECK(totp_disable(db, &a, PW, "000000", now + TOTP_STEP, &e) == M_INVALID);
	CHECK(e.n == 1 && strcmp(e.e[0].field, "code") == 0);
	e.n = 0;
	CHECK(totp_disable(db, &a, PW, "", now, &e) == M_INVALID && e.n == 1);
	e.n = 0;
	json_t *st = totp_status(db, uid);
	CHECK(json_is_true(json_object_get(st, "enabled")));
	json_decref(st);
	CHECK(totp_disable(db, &a, PW, c, now + TOTP_STEP, &e) == M_OK);
	st = totp_status(db, uid);
	CHECK(!json_is_true(json_object_get(st, "enabled")));
	json_decref(st);
	CHECK(audit_count(db, "mfa.disable") == 1);
	json_decref(codes);

	/* a lost device: only the system administrator removes it, audited */
	CHECK(enrol(db, &a, now, b32, &codes) == M_OK);
	CHECK(totp_reset(db, &adm, "nam", &e) == M_DENIED);
	CHECK(totp_reset(db, &sys, "khongco", &e) == M_INVALID && e.n == 1);
	e.n = 0;
	CHECK(totp_reset(db, &sys, "lan", &e) == M_INVALID && e.n == 1); /* has none */
	e.n = 0;
	CHECK(totp_reset(db, &sys, "nam", &e) == M_OK);
	st = totp_status(db, uid);
	CHECK(!json_is_true(json_object_get(st, "enabled")));
	json_decref(st);
	CHECK(audit_count(db, "mfa.reset") == 1);
	/* its recovery codes went with it */
	int used = 0;
	CHECK(totp_verify(db, &a, json_string_value(json_array_get(codes, 0)), now, &used) == M_NOTFOUND);
	json_decref(codes);
	db_close(db);
}

TEST(totp_required_roles)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db))
		return;
	add_site(db, "Cổng chính", "main");
	add_site(db, "Sở Nội vụ", NULL);
	int64_t root = add_user(db, "quantri", "sysadmin", NULL);
	int64_t appr = add_user(db, "duyet", "approver", "snv");
	int64_t adm = add_user(db, "qtsnv", "siteadmin", "snv");
	int64_t ed = add_user(db, "bientap", "editor", "snv");
	int64_t rep = add_user(db, "phongvien", "reporter", "snv");
	/* the default: sysadmin, siteadmin, approver */
	CHECK(totp_required(db, root, 1) && totp_required(db, appr, 0) && totp_required(db, adm, 0));
	CHECK(!totp_required(db, ed, 0) && !totp_required(db, rep, 0));
	/* configurable */
	CHECK(db_setting_set(db, "mfa_required_roles", "") == 0);
	CHECK(!totp_required(db, root, 1) && !totp_required(db, appr, 0));
	CHECK(db_setting_set(db, "mfa_required_roles", " editor , sysadmin") == 0);
	CHECK(totp_required(db, root, 1) && totp_required(db, ed, 0));
	CHECK(!totp_required(db, appr, 0) && !totp_required(db, rep, 0));
	/* a role on any site counts */
	CHECK(user_set_role(db, rep, 1, "editor", &(struct errs){ 0 }) == M_OK);
	CHECK(totp_required(db, rep, 0));
	db_close(db);
}

TEST(totp_pending_sessions)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db))
		return;
	add_site(db, "Cổng chính", "main");
	int64_t uid = add_user(db, "nam", "sysadmin", NULL);
	char tok[SESSION_TOKEN_LEN + 1], full[SESSION_TOKEN_LEN + 1];
	CHECK(session_create_pending(db, uid, tok) == M_OK);
	json_t *u = session_user(db, tok);
	CHECK(u && json_integer_value(json_object_get(u, "mfa_pending")) == 1);
	json_decref(u);
	/* the right code: a full session under a new token; the old one is gone */
	CHECK(session_rotate(db, tok, full) == M_OK);
	CHECK(strcmp(tok, full) != 0);
	CHECK(session_user(db, tok) == NULL);
	u = session_user(db, full);
	CHECK(u && json_integer_value(json_object_get(u, "mfa_pending")) == 0);
	json_decref(u);
	CHECK(session_mfa_attempt(db, full) == -1); /* a full session counts no codes */
	u = session_user(db, full);
	CHECK(u != NULL);
	json_decref(u);
	/* each code is counted; the count starts again with the full session */
	CHECK(session_create_pending(db, uid, tok) == M_OK);
	for (int i = 1; i <= SESSION_MFA_TRIES + 1; i++)
		CHECK(session_mfa_attempt(db, tok) == i);
	u = session_user(db, tok);
	CHECK(u && json_integer_value(json_object_get(u, "mfa_pending")) == 1);
	json_decref(u);
	session_destroy(db, tok);
	CHECK(session_user(db, tok) == NULL);
	CHECK(session_mfa_attempt(db, tok) == -1);
	CHECK(session_rotate(db, tok, full) == M_NOTFOUND);
	db_close(db);
}
