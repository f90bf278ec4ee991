/* challenge.c — the public forms' proof of work and its question fallback (challenge.h). */
#include "model.h"
#include "challenge.h"
#include "db/db.h"
#include "base/util.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define CHAL_KDF_ID 4
static const char chal_ctx[8] = { 'c', 'o', 'n', 'g', 'c', 'h', 'a', 'l' };

enum { P_VER = 0, P_TIME = 1, P_RAND = 9, P_A = 17, P_B = 18, P_BITS = 19, P_LEN = 20, MAC_LEN = 16 };

static const char *const digits_vi[] = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };

static int mac(const unsigned char *payload, int64_t site_id, const char *form, unsigned char out[MAC_LEN])
{
	unsigned char k[crypto_generichash_KEYBYTES], sid[8];
	if (secret_subkey(CHAL_KDF_ID, chal_ctx, k, sizeof(k)))
		return -1;
	for (int i = 0; i < 8; i++)
		sid[i] = (unsigned char)((uint64_t)site_id >> (56 - 8 * i));
	crypto_generichash_state st;
	crypto_generichash_init(&st, k, sizeof(k), MAC_LEN);
	crypto_generichash_update(&st, payload, P_LEN);
	crypto_generichash_update(&st, sid, sizeof(sid));
	crypto_generichash_update(&st, (const unsigned char *)form, strlen(form));
	crypto_generichash_final(&st, out, MAC_LEN);
	sodium_memzero(k, sizeof(k));
	return 0;
}

static void question(struct challenge *c, int a, int b)
{
	char first[16];
	snprintf(first, sizeof(first), "%s", digits_vi[a]);
	first[0] = (char)(first[0] - 'a' + 'A'); /* every digit's word begins with an ASCII letter */
	snprintf(c->question, sizeof(c->question), "%s cộng %s bằng bao nhiêu? (trả lời bằng chữ số)", first, digits_vi[b]);
}

int challenge_make(struct db *db, int64_t site_id, const char *form, int64_t now, struct challenge *c)
{
	unsigned char buf[P_LEN + MAC_LEN];
	int bits = CHALLENGE_BITS_DEFAULT;
	char *s = db ? db_setting_get(db, "challenge_bits") : NULL;
	if (s && *s) {
		int v = atoi(s);
		if (v >= 1 && v <= 24)
			bits = v;
	}
	free(s);
	buf[P_VER] = 1;
	for (int i = 0; i < 8; i++)
		buf[P_TIME + i] = (unsigned char)((uint64_t)now >> (56 - 8 * i));
	randombytes_buf(buf + P_RAND, 8);
	buf[P_A] = (unsigned char)(1 + randombytes_uniform(9));
	buf[P_B] = (unsigned char)(1 + randombytes_uniform(9));
	buf[P_BITS] = (unsigned char)bits;
	if (mac(buf, site_id, form, buf + P_LEN))
		return -1;
	sodium_bin2base64(c->token, sizeof(c->token), buf, sizeof(buf), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	c->bits = bits;
	c->a = buf[P_A];
	c->b = buf[P_B];
	question(c, c->a, c->b);
	return 0;
}

/* 1 when the first BITS bits of H are zero. */
static int zero_bits(const unsigned char *h, int bits)
{
	int i = 0;
	for (; bits >= 8; bits -= 8, i++)
		if (h[i])
			return 0;
	return bits == 0 || (h[i] >> (8 - bits)) == 0;
}

int challenge_check(int64_t site_id, const char *form, const char *token, const char *nonce, const char *answer,
		    int64_t now, struct errs *e)
{
	unsigned char buf[P_LEN + MAC_LEN + 8], want[MAC_LEN];
	size_t n = 0;
	/* only the URL-safe alphabet, at its exact length: libsodium 1.0.18 decodes a byte with the
	 * high bit set as some letter, so two strings could carry one token and a solved form be sent
	 * twice (the spent tag is the string's); 36 bytes are 48 characters with no bits left over,
	 * so the string is canonical */
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	if (!token || strlen(token) != ((P_LEN + MAC_LEN) * 4 + 2) / 3 || strspn(token, alphabet) != strlen(token) ||
	    sodium_base642bin(buf, sizeof(buf), token, strlen(token), NULL, &n, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    n != P_LEN + MAC_LEN || buf[P_VER] != 1 || mac(buf, site_id, form, want) ||
	    sodium_memcmp(want, buf + P_LEN, MAC_LEN) != 0) {
		errs_add(e, "challenge", "challenge_expired");
		return -1;
	}
	uint64_t t = 0;
	for (int i = 0; i < 8; i++)
		t = t << 8 | buf[P_TIME + i];
	if ((int64_t)t > now + 60 || now - (int64_t)t > CHALLENGE_TTL) {
		errs_add(e, "challenge", "challenge_expired");
		return -1;
	}
	if (nonce && *nonce && strlen(nonce) <= 32) {
		unsigned char h[crypto_hash_sha256_BYTES];
		crypto_hash_sha256_state st;
		crypto_hash_sha256_init(&st);
		crypto_hash_sha256_update(&st, (const unsigned char *)token, strlen(token));
		crypto_hash_sha256_update(&st, (const unsigned char *)":", 1);
		crypto_hash_sha256_update(&st, (const unsigned char *)nonce, strlen(nonce));
		crypto_hash_sha256_final(&st, h);
		if (zero_bits(h, buf[P_BITS]))
			return 0;
	}
	if (answer) {
		while (*answer == ' ')
			answer++;
		char *end;
		long v = strtol(answer, &end, 10);
		while (*end == ' ')
			end++;
		if (end != answer && !*end && v == buf[P_A] + buf[P_B])
			return 0;
	}
	errs_add(e, "challenge", "challenge_wrong");
	return -1;
}

int challenge_spend(struct db *db, const char *token, int64_t now)
{
	unsigned char h[16];
	char tag[33];
	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(tag, sizeof(tag), h, sizeof(h));
	struct db_stmt *st = db_stmt(db, "INSERT INTO challenge_used (tag, expires_at) VALUES (?1, ?2) ON CONFLICT (tag) DO NOTHING");
	if (!st)
		return -1;
	db_bind_text(st, 1, tag);
	db_bind_int(st, 2, now + CHALLENGE_TTL + 120);
	if (db_step_done(st))
		return -1;
	return db_changes(db) == 1 ? 0 : 1;
}

int challenge_take(struct db *db, const char *token, int64_t now, struct errs *e)
{
	int spent = token ? challenge_spend(db, token, now) : 0;
	if (spent > 0)
		errs_add(e, "challenge", "challenge_used");
	return spent > 0 ? M_INVALID : spent < 0 ? M_ERROR : 0;
}

int challenge_purge(struct db *db, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "DELETE FROM challenge_used WHERE expires_at < ?1");
	if (!st)
		return -1;
	db_bind_int(st, 1, now);
	return db_step_done(st) ? -1 : db_changes(db);
}
