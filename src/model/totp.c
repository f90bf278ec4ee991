/* totp.c — two-factor sign-in: TOTP (RFC 6238) through liboath, enrolment by QR code
 * (libqrencode, drawn here as SVG), recovery codes, and the policy of who must use it.
 *
 * At rest: the 20-byte secret is sealed with crypto_secretbox_easy under a 32-byte key kept in
 * DATA/secret.key (0600, made on first use), so a copy of the database alone gives no secret.
 * Recovery codes are stored as BLAKE2b hashes keyed with the same key: ten characters of a
 * 31-letter alphabet are about 50 bits, too few to survive an offline search of an unkeyed hash.
 * Replay: the time step of the last accepted code is kept per account, and a code of that step
 * or of an earlier one is refused, inside the same BEGIN IMMEDIATE transaction that accepts it. */
#include "internal.h"
#include "db/db.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <liboath/oath.h>
#include <pthread.h>
#include <qrencode.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/banned.h"

#define SECRET_BYTES 20
#define KEY_FILE "secret.key"
#define RECOVERY_LEN 10
#define QR_QUIET 4 /* modules of white around the symbol */

/* no 0/o, 1/l/i: codes are read off paper */
static const char recovery_alphabet[] = "23456789abcdefghjkmnpqrstuvwxyz";

/* ---- the key ---- */

static pthread_mutex_t key_lock = PTHREAD_MUTEX_INITIALIZER;
static char *key_dir;
static unsigned char key[crypto_secretbox_KEYBYTES];
static int key_loaded;

void totp_set_key_dir(const char *data_dir)
{
	pthread_mutex_lock(&key_lock);
	free(key_dir);
	key_dir = data_dir ? xstrdup(data_dir) : NULL;
	key_loaded = 0;
	sodium_memzero(key, sizeof(key));
	pthread_mutex_unlock(&key_lock);
}

static int read_key(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? 1 : -1;
	ssize_t n = read(fd, key, sizeof(key));
	close(fd);
	if (n != (ssize_t)sizeof(key)) {
		log_error("totp: %s is not a %zu-byte key", path, sizeof(key));
		return -1;
	}
	return 0;
}

/* Makes the key file atomically: written under a temporary name, then linked into place, so
 * that two processes starting at once end up with the same key. */
static int make_key(const char *path)
{
	struct sb tmp = SB_INIT;
	unsigned char fresh[sizeof(key)];
	int rc = -1;
	sb_addf(&tmp, "%s.%ld.tmp", path, (long)getpid());
	int fd = open(tmp.buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		log_error("totp: cannot create %s: %s", tmp.buf, strerror(errno));
		goto out;
	}
	randombytes_buf(fresh, sizeof(fresh));
	int ok = write(fd, fresh, sizeof(fresh)) == (ssize_t)sizeof(fresh) && fsync(fd) == 0;
	close(fd);
	sodium_memzero(fresh, sizeof(fresh));
	if (!ok) {
		log_error("totp: cannot write %s", tmp.buf);
		unlink(tmp.buf);
		goto out;
	}
	if (link(tmp.buf, path) != 0 && errno != EEXIST) {
		log_error("totp: cannot create %s: %s", path, strerror(errno));
		unlink(tmp.buf);
		goto out;
	}
	unlink(tmp.buf);
	rc = 0;
out:
	sb_release(&tmp);
	return rc;
}

/* Copies the key into OUT; -1 (logged) when there is no data folder or the file is unusable. */
static int key_get(unsigned char out[crypto_secretbox_KEYBYTES])
{
	int rc = 0;
	pthread_mutex_lock(&key_lock);
	if (!key_loaded) {
		struct sb path = SB_INIT;
		if (!key_dir) {
			log_error("totp: no data folder for %s (totp_set_key_dir)", KEY_FILE);
			rc = -1;
		} else {
			sb_addf(&path, "%s/%s", key_dir, KEY_FILE);
			rc = read_key(path.buf);
			if (rc == 1)
				rc = make_key(path.buf) ? -1 : read_key(path.buf);
		}
		key_loaded = rc == 0;
		sb_release(&path);
	}
	if (key_loaded)
		memcpy(out, key, sizeof(key));
	pthread_mutex_unlock(&key_lock);
	return key_loaded ? 0 : -1;
}

int secret_subkey(uint64_t id, const char ctx[8], unsigned char *out, size_t n)
{
	unsigned char k[crypto_secretbox_KEYBYTES];
	_Static_assert(crypto_secretbox_KEYBYTES == crypto_kdf_KEYBYTES, "secret.key is a KDF master key");
	if (key_get(k))
		return -1;
	int rc = crypto_kdf_derive_from_key(out, n, id, ctx, k);
	sodium_memzero(k, sizeof(k));
	return rc ? -1 : 0;
}

/* "v1:" + base64(nonce || secretbox(SECRET)); malloc'd, NULL on error. */
static char *seal(const unsigned char *secret, size_t len)
{
	unsigned char k[crypto_secretbox_KEYBYTES];
	unsigned char box[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + SECRET_BYTES];
	if (len != SECRET_BYTES || key_get(k))
		return NULL;
	randombytes_buf(box, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(box + crypto_secretbox_NONCEBYTES, secret, len, box, k);
	sodium_memzero(k, sizeof(k));
	size_t b64 = sodium_base64_ENCODED_LEN(sizeof(box), sodium_base64_VARIANT_ORIGINAL);
	char *out = xmalloc(3 + b64);
	memcpy(out, "v1:", 3);
	sodium_bin2base64(out + 3, b64, box, sizeof(box), sodium_base64_VARIANT_ORIGINAL);
	return out;
}

static int unseal(const char *sealed, unsigned char secret[SECRET_BYTES])
{
	unsigned char k[crypto_secretbox_KEYBYTES];
	unsigned char box[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + SECRET_BYTES];
	size_t n = 0;
	if (!sealed || strncmp(sealed, "v1:", 3) != 0 ||
	    sodium_base642bin(box, sizeof(box), sealed + 3, strlen(sealed + 3), NULL, &n, NULL,
			      sodium_base64_VARIANT_ORIGINAL) != 0 || n != sizeof(box))
		return -1;
	if (key_get(k))
		return -1;
	int rc = crypto_secretbox_open_easy(secret, box + crypto_secretbox_NONCEBYTES,
					    sizeof(box) - crypto_secretbox_NONCEBYTES, box, k);
	sodium_memzero(k, sizeof(k));
	if (rc)
		log_error("totp: a stored secret does not open with %s (was the key replaced?)", KEY_FILE);
	return rc ? -1 : 0;
}

/* ---- codes ---- */

static pthread_once_t oath_once = PTHREAD_ONCE_INIT;

static void oath_start(void)
{
	if (oath_init() != OATH_OK)
		BUG("liboath does not start");
}

int totp_code(const unsigned char *k, size_t len, int64_t t, unsigned digits, char *out)
{
	pthread_once(&oath_once, oath_start);
	if (digits < 6 || digits > 8 || t < 0)
		return -1;
	return oath_totp_generate((const char *)k, len, (time_t)t, TOTP_STEP, OATH_TOTP_DEFAULT_START_TIME, digits,
				  out) == OATH_OK ? 0 : -1;
}

/* The code as typed, without spaces and dashes, lower case, into OUT[N]; its length or -1. */
static int code_clean(const char *in, char *out, size_t n)
{
	size_t k = 0;
	if (!in)
		return -1;
	for (const unsigned char *p = (const unsigned char *)in; *p; p++) {
		if (*p == ' ' || *p == '-' || *p == '\t')
			continue;
		if (*p >= 0x80 || k + 1 >= n)
			return -1;
		out[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') : *p);
	}
	out[k] = '\0';
	return (int)k;
}

static int all_digits(const char *s)
{
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* The step (> AFTER) whose code CODE is, among the current step ±1 at NOW; 0 when none. */
static int64_t code_step(const unsigned char *secret, const char *code, int64_t now, int64_t after)
{
	int64_t cur = now / TOTP_STEP, found = 0;
	char want[TOTP_DIGITS + 1];
	if (strlen(code) != TOTP_DIGITS || !all_digits(code))
		return 0;
	for (int64_t c = cur - 1; c <= cur + 1; c++) {
		if (c <= after || c < 1)
			continue;
		if (totp_code(secret, SECRET_BYTES, c * TOTP_STEP, TOTP_DIGITS, want))
			continue;
		if (sodium_memcmp(want, code, TOTP_DIGITS) == 0 && !found)
			found = c; /* every step is compared: the time taken does not tell which */
	}
	sodium_memzero(want, sizeof(want));
	return found;
}

static int recovery_hash(const char *code, char out[65])
{
	unsigned char k[crypto_generichash_KEYBYTES];
	unsigned char h[32];
	if (key_get(k))
		return -1;
	crypto_generichash(h, sizeof(h), (const unsigned char *)code, strlen(code), k, sizeof(k));
	sodium_memzero(k, sizeof(k));
	sodium_bin2hex(out, 65, h, sizeof(h));
	return 0;
}

/* ---- rows ---- */

struct totp_row {
	int found, enabled;
	int64_t last_counter;
	unsigned char secret[SECRET_BYTES];
};

/* Reads USER_ID's row and opens its secret; -1 on a store or key error. */
static int row_get(struct db *db, int64_t user_id, struct totp_row *t)
{
	char *sealed = NULL;
	memset(t, 0, sizeof(*t));
	struct db_stmt *st = db_stmt(db, "SELECT secret_enc, enabled, last_counter FROM totp WHERE user_id = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, user_id);
	if (db_step(st) == DB_ROW) {
		t->found = 1;
		sealed = xstrdup(db_col_text(st, 0));
		t->enabled = (int)db_col_int(st, 1);
		t->last_counter = db_col_int(st, 2);
	}
	db_reset(st);
	if (!t->found)
		return 0;
	int rc = unseal(sealed, t->secret);
	free(sealed);
	return rc;
}

static int exec_user(struct db_stmt *st, int64_t user_id)
{
	if (!st)
		return -1;
	db_bind_int(st, 1, user_id);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	return ok ? 0 : -1;
}

static int set_counter(struct db *db, int64_t user_id, int64_t counter)
{
	struct db_stmt *st = db_stmt(db, "UPDATE totp SET last_counter = ? WHERE user_id = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, counter);
	db_bind_int(st, 2, user_id);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	return ok ? 0 : -1;
}

/* Spends recovery code CODE (cleaned) of USER_ID: 1 spent now, 0 unknown or spent before, -1 error. */
static int recovery_spend(struct db *db, int64_t user_id, const char *code, int64_t now)
{
	char h[65];
	if (strlen(code) != RECOVERY_LEN || strspn(code, recovery_alphabet) != RECOVERY_LEN)
		return 0;
	if (recovery_hash(code, h))
		return -1;
	struct db_stmt *st = db_stmt(db, "UPDATE totp_recovery SET used_at = ? WHERE user_id = ? AND code_hash = ?"
				       " AND used_at IS NULL");
	if (!st)
		return -1;
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, user_id);
	db_bind_text(st, 3, h);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok)
		return -1;
	return db_changes(db) == 1;
}

/* Checks INPUT against T (an enabled row of USER_ID) inside the caller's transaction, spending
 * what it accepts: M_OK or M_INVALID (M_ERROR on a store error). */
static int factor_check(struct db *db, int64_t user_id, struct totp_row *t, const char *input, int64_t now,
			int *used_recovery)
{
	char code[32];
	int n = code_clean(input, code, sizeof(code));
	*used_recovery = 0;
	if (n == TOTP_DIGITS && all_digits(code)) {
		int64_t step = code_step(t->secret, code, now, t->last_counter);
		if (!step)
			return M_INVALID;
		return set_counter(db, user_id, step) ? M_ERROR : M_OK;
	}
	if (n == RECOVERY_LEN) {
		int rc = recovery_spend(db, user_id, code, now);
		if (rc < 0)
			return M_ERROR;
		*used_recovery = rc;
		return rc ? M_OK : M_INVALID;
	}
	return M_INVALID;
}

/* ---- policy ---- */

static int list_has(const char *list, const char *word)
{
	size_t w = strlen(word);
	const char *p = list;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		const char *e = p;
		while (*e && *e != ',')
			e++;
		const char *end = e;
		while (end > p && end[-1] == ' ')
			end--;
		if ((size_t)(end - p) == w && strncmp(p, word, w) == 0)
			return 1;
		p = e;
	}
	return 0;
}

int totp_required(struct db *db, int64_t user_id, int sysadmin)
{
	char *set = db_setting_get(db, "mfa_required_roles");
	const char *list = set ? set : TOTP_REQUIRED_DEFAULT;
	int req = sysadmin && list_has(list, "sysadmin");
	if (!req && *list) {
		struct db_stmt *st = db_stmt(db, "SELECT role FROM roles WHERE user_id = ?");
		if (st) {
			db_bind_int(st, 1, user_id);
			while (!req && db_step(st) == DB_ROW)
				req = list_has(list, db_col_text(st, 0));
			db_reset(st);
		}
	}
	free(set);
	return req;
}

json_t *totp_status(struct db *db, int64_t user_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT enabled, enabled_at, (SELECT count(*) FROM totp_recovery r"
				       " WHERE r.user_id = t.user_id AND r.used_at IS NULL) AS recovery_left"
				       " FROM totp t WHERE t.user_id = ?");
	json_t *o = NULL;
	if (st) {
		db_bind_int(st, 1, user_id);
		o = db_one_json(st);
	}
	if (!o)
		o = json_pack("{sisisi}", "enabled", 0, "enabled_at", 0, "recovery_left", 0);
	json_object_set_new(o, "enabled", json_boolean(json_integer_value(json_object_get(o, "enabled")) != 0));
	return o;
}

/* ---- enrolment ---- */

/* Percent-encodes everything but RFC 3986's unreserved characters (a space is %20, which every
 * authenticator app reads back; "+" would not be). */
static void add_pct(struct sb *sb, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '.' || *p == '_' || *p == '~') {
			sb_addc(sb, (char)*p);
		} else {
			sb_addc(sb, '%');
			sb_addc(sb, hex[*p >> 4]);
			sb_addc(sb, hex[*p & 15]);
		}
	}
}

/* The QR code of URI as SVG: one <rect> per run of dark modules in a row, on a white square with
 * the quiet zone, scaled by the viewBox; no inline style (the admin's CSP), nothing from the
 * user but LABEL, which is escaped. */
static int qr_svg(const char *uri, const char *label, struct sb *out)
{
	QRcode *qr = QRcode_encodeString(uri, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!qr)
		return -1;
	int w = qr->width, size = w + 2 * QR_QUIET;
	sb_addf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"totp-qr\" viewBox=\"0 0 %d %d\""
		     " width=\"%d\" height=\"%d\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"",
		size, size, size * 4, size * 4);
	sb_add_html(out, label, strlen(label));
	sb_addf(out, "\"><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><g fill=\"#000\">", size, size);
	for (int y = 0; y < w; y++) {
		for (int x = 0; x < w;) {
			if (!(qr->data[y * w + x] & 1)) {
				x++;
				continue;
			}
			int run = 1;
			while (x + run < w && (qr->data[y * w + x + run] & 1))
				run++;
			sb_addf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"1\"/>", x + QR_QUIET, y + QR_QUIET, run);
			x += run;
		}
	}
	sb_adds(out, "</g></svg>");
	QRcode_free(qr);
	return 0;
}

/* The issuer as authenticator apps show it: no ":" (the label's separator). */
static char *issuer_clean(const char *issuer)
{
	char *s = xstrdup(issuer && *issuer ? issuer : "Cổng");
	for (char *p = s; *p; p++)
		if (*p == ':')
			*p = ' ';
	return s;
}

int totp_enrol_begin(struct db *db, const struct actor *a, const char *issuer, const char *account, const char *qr_title,
		     json_t **out)
{
	struct totp_row t;
	int rc = M_ERROR;
	char *b32 = NULL, *sealed = NULL, *iss = issuer_clean(issuer);
	size_t b32len = 0;
	*out = NULL;
	if (!a || a->id <= 0) {
		free(iss);
		return M_DENIED;
	}
	if (db_begin(db)) {
		free(iss);
		return M_ERROR;
	}
	if (row_get(db, a->id, &t))
		goto rollback;
	if (t.enabled) {
		rc = M_INVALID;
		goto rollback;
	}
	if (!t.found) { /* a new secret; a pending one is shown again so that a reload changes nothing */
		randombytes_buf(t.secret, SECRET_BYTES);
		sealed = seal(t.secret, SECRET_BYTES);
		struct db_stmt *st = db_stmt(db, "INSERT INTO totp (user_id, secret_enc, enabled, last_counter, created_at)"
					       " VALUES (?, ?, 0, 0, ?)");
		if (!sealed || !st)
			goto rollback;
		db_bind_int(st, 1, a->id);
		db_bind_text(st, 2, sealed);
		db_bind_int(st, 3, time_now());
		int ok = db_step(st) == DB_DONE;
		db_reset(st);
		if (!ok || audit_write(db, a, 0, "mfa.enrol", "", "begin"))
			goto rollback;
	}
	if (db_commit(db))
		goto out;
	if (oath_base32_encode((const char *)t.secret, SECRET_BYTES, &b32, &b32len) != OATH_OK)
		goto out;
	struct sb uri = SB_INIT, grouped = SB_INIT, svg = SB_INIT;
	sb_adds(&uri, "otpauth://totp/");
	add_pct(&uri, iss);
	sb_adds(&uri, ":");
	add_pct(&uri, account ? account : "");
	sb_addf(&uri, "?secret=%s&issuer=", b32);
	add_pct(&uri, iss);
	sb_addf(&uri, "&algorithm=SHA1&digits=%d&period=%d", TOTP_DIGITS, TOTP_STEP);
	for (size_t i = 0; i < b32len; i++) {
		if (i && i % 4 == 0)
			sb_addc(&grouped, ' ');
		sb_addc(&grouped, b32[i]);
	}
	if (qr_svg(uri.buf, qr_title ? qr_title : "", &svg) == 0) {
		*out = json_pack("{ssssssss}", "secret", b32, "secret_grouped", grouped.buf, "uri", uri.buf,
				 "qr_svg", svg.buf);
		rc = M_OK;
	}
	sodium_memzero(uri.buf, uri.len);
	sb_release(&uri);
	sb_release(&grouped);
	sb_release(&svg);
	goto out;
rollback:
	db_rollback(db);
out:
	if (b32) {
		sodium_memzero(b32, b32len);
		free(b32);
	}
	sodium_memzero(&t, sizeof(t));
	free(sealed);
	free(iss);
	return rc;
}

/* A new set of recovery codes for USER_ID inside the caller's transaction; the old ones go. */
static json_t *recovery_make(struct db *db, int64_t user_id)
{
	json_t *codes = json_array();
	if (exec_user(db_stmt(db, "DELETE FROM totp_recovery WHERE user_id = ?"), user_id))
		goto fail;
	for (int i = 0; i < TOTP_RECOVERY_CODES; i++) {
		char c[RECOVERY_LEN + 1], shown[RECOVERY_LEN + 2], h[65];
		for (int k = 0; k < RECOVERY_LEN; k++)
			c[k] = recovery_alphabet[randombytes_uniform(sizeof(recovery_alphabet) - 1)];
		c[RECOVERY_LEN] = '\0';
		if (recovery_hash(c, h))
			goto fail;
		struct db_stmt *st = db_stmt(db, "INSERT INTO totp_recovery (user_id, code_hash) VALUES (?, ?)");
		if (!st)
			goto fail;
		db_bind_int(st, 1, user_id);
		db_bind_text(st, 2, h);
		int ok = db_step(st) == DB_DONE;
		db_reset(st);
		if (!ok) /* also the same code twice, about 1 in 2^45 */
			goto fail;
		snprintf(shown, sizeof(shown), "%.5s-%.5s", c, c + 5);
		json_array_append_new(codes, json_string(shown));
		sodium_memzero(c, sizeof(c));
	}
	return codes;
fail:
	json_decref(codes);
	return NULL;
}

int totp_enrol_confirm(struct db *db, const struct actor *a, const char *code, int64_t now, struct errs *e,
		       json_t **codes)
{
	struct totp_row t;
	char c[32];
	int rc = M_ERROR;
	*codes = NULL;
	if (!a || a->id <= 0)
		return M_DENIED;
	if (!now)
		now = time_now();
	int n = code_clean(code, c, sizeof(c));
	if (n <= 0) {
		errs_add(e, "code", "required");
		return M_INVALID;
	}
	if (n != TOTP_DIGITS || !all_digits(c)) {
		errs_add(e, "code", "totp_format");
		return M_INVALID;
	}
	if (db_begin(db))
		return M_ERROR;
	if (row_get(db, a->id, &t))
		goto rollback;
	if (!t.found || t.enabled) {
		errs_add(e, "code", t.enabled ? "totp_already" : "totp_no_enrolment");
		rc = M_INVALID;
		goto rollback;
	}
	int64_t step = code_step(t.secret, c, now, t.last_counter);
	if (!step) {
		errs_add(e, "code", "totp_invalid");
		rc = M_INVALID;
		goto rollback;
	}
	struct db_stmt *st = db_stmt(db, "UPDATE totp SET enabled = 1, enabled_at = ?, last_counter = ? WHERE user_id = ?");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, time_now());
	db_bind_int(st, 2, step);
	db_bind_int(st, 3, a->id);
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	if (!ok || !(*codes = recovery_make(db, a->id)))
		goto rollback;
	if (audit_write(db, a, 0, "mfa.enable", "", "")) {
		json_decref(*codes);
		*codes = NULL;
		goto rollback;
	}
	if (db_commit(db)) {
		json_decref(*codes);
		*codes = NULL;
		goto out;
	}
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	sodium_memzero(&t, sizeof(t));
	return rc;
}

int totp_verify(struct db *db, const struct actor *a, const char *input, int64_t now, int *used_recovery)
{
	struct totp_row t;
	int rc = M_ERROR, rec = 0;
	if (used_recovery)
		*used_recovery = 0;
	if (!a || a->id <= 0)
		return M_DENIED;
	if (!now)
		now = time_now();
	if (db_begin(db))
		return M_ERROR;
	if (row_get(db, a->id, &t))
		goto rollback;
	if (!t.found || !t.enabled) {
		rc = M_NOTFOUND;
		goto rollback;
	}
	rc = factor_check(db, a->id, &t, input, now, &rec);
	if (rc == M_OK) {
		if (audit_write(db, a, 0, rec ? "mfa.recovery" : "mfa.verify", "", "")) {
			rc = M_ERROR;
			goto rollback;
		}
		if (db_commit(db))
			rc = M_ERROR;
		else if (used_recovery)
			*used_recovery = rec;
		goto out;
	}
	db_rollback(db);
	if (rc == M_INVALID) /* recorded in its own transaction: the failure is what we keep */
		audit_write(db, a, 0, "mfa.fail", "", "wrong, replayed or spent code");
	goto out;
rollback:
	db_rollback(db);
out:
	sodium_memzero(&t, sizeof(t));
	return rc;
}

static int password_ok(struct db *db, int64_t user_id, const char *pw)
{
	struct db_stmt *st = db_stmt(db, "SELECT password_hash FROM users WHERE id = ?");
	char *hash = NULL;
	if (!st)
		return 0;
	db_bind_int(st, 1, user_id);
	if (db_step(st) == DB_ROW)
		hash = xstrdup(db_col_text(st, 0));
	db_reset(st);
	int ok = hash && pw && crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
	free(hash);
	return ok;
}

int totp_disable(struct db *db, const struct actor *a, const char *password, const char *code, int64_t now,
		 struct errs *e)
{
	struct totp_row t;
	int rc = M_ERROR, rec = 0;
	if (!a || a->id <= 0)
		return M_DENIED;
	if (!now)
		now = time_now();
	if (!password || !*password)
		errs_add(e, "password", "required");
	if (!code || !*code)
		errs_add(e, "code", "required");
	if (e->n)
		return M_INVALID;
	/* the password first, outside the transaction: argon2id is slow and holds no lock */
	if (!password_ok(db, a->id, password)) {
		errs_add(e, "password", "password_wrong");
		audit_write(db, a, 0, "mfa.fail", "", "disable: wrong password");
		return M_INVALID;
	}
	if (db_begin(db))
		return M_ERROR;
	if (row_get(db, a->id, &t))
		goto rollback;
	if (!t.found || !t.enabled) {
		rc = M_NOTFOUND;
		goto rollback;
	}
	rc = factor_check(db, a->id, &t, code, now, &rec);
	if (rc == M_INVALID) {
		db_rollback(db);
		errs_add(e, "code", "totp_invalid");
		audit_write(db, a, 0, "mfa.fail", "", "disable: wrong code");
		goto out;
	}
	if (rc != M_OK)
		goto rollback;
	rc = M_ERROR;
	if (exec_user(db_stmt(db, "DELETE FROM totp_recovery WHERE user_id = ?"), a->id) ||
	    exec_user(db_stmt(db, "DELETE FROM totp WHERE user_id = ?"), a->id) ||
	    audit_write(db, a, 0, "mfa.disable", "", rec ? "with a recovery code" : ""))
		goto rollback;
	rc = db_commit(db) ? M_ERROR : M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	sodium_memzero(&t, sizeof(t));
	return rc;
}

int totp_reset(struct db *db, const struct actor *a, const char *username, struct errs *e)
{
	char obj[80];
	int64_t uid = 0;
	if (!a || !a->sysadmin)
		return M_DENIED;
	struct db_stmt *st = db_stmt(db, "SELECT id FROM users WHERE username = ?");
	if (!st)
		return M_ERROR;
	db_bind_text(st, 1, username ? username : "");
	db_one_int(st, &uid);
	if (!uid) {
		errs_add(e, "username", username && *username ? "user_unknown" : "required");
		return M_INVALID;
	}
	if (db_begin(db))
		return M_ERROR;
	st = db_stmt(db, "SELECT 1 FROM totp WHERE user_id = ?");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, uid);
	int has = db_step(st) == DB_ROW;
	db_reset(st);
	if (!has) {
		db_rollback(db);
		errs_add(e, "username", "totp_not_enabled");
		return M_INVALID;
	}
	if (exec_user(db_stmt(db, "DELETE FROM totp_recovery WHERE user_id = ?"), uid) ||
	    exec_user(db_stmt(db, "DELETE FROM totp WHERE user_id = ?"), uid))
		goto rollback;
	snprintf(obj, sizeof(obj), "user:%s", username);
	if (audit_write(db, a, 0, "mfa.reset", obj, ""))
		goto rollback;
	return db_commit(db) ? M_ERROR : M_OK;
rollback:
	db_rollback(db);
	return M_ERROR;
}
