/* challenge.h — the anti-abuse challenge of the public forms, self-hosted (no third-party
 * CAPTCHA: nothing about the reader leaves the portal).
 *
 * A form carries a token the server made and signed: when it was made, for which site and form,
 * a difficulty, and a small sum. With JavaScript, static/js/challenge.js finds a nonce such that
 * SHA-256(token ":" nonce) begins with that many zero bits (about 2^bits hashes: a second of a
 * browser's time, thousands of seconds for a thousand forms) and sends it; without JavaScript
 * the reader answers the sum written in words ("Bảy cộng năm bằng bao nhiêu?"). Either way the
 * token is good for CHALLENGE_TTL seconds and for one submission: challenge_spend() records it in
 * the submission's transaction and refuses it a second time. */
#ifndef CONG_MODEL_CHALLENGE_H
#define CONG_MODEL_CHALLENGE_H

#include <stdint.h>

struct db;
struct errs;

#define CHALLENGE_TTL (3 * 3600)
#define CHALLENGE_BITS_DEFAULT 16
#define CHALLENGE_TOKEN_MAX 64

struct challenge {
	char token[CHALLENGE_TOKEN_MAX + 1];
	char question[128]; /* the sum in Vietnamese words */
	int a, b;           /* the sum's terms (1..9), for the question in another language */
	int bits;           /* zero bits the proof of work needs */
};

/* A fresh challenge for FORM ("cau-hoi") on SITE_ID at NOW; the difficulty is the setting
 * "challenge_bits" (8..24; CHALLENGE_BITS_DEFAULT). 0, or -1 when the key is unusable. */
int challenge_make(struct db *db, int64_t site_id, const char *form, int64_t now, struct challenge *c);
/* Checks what the form sent: TOKEN made for SITE_ID and FORM within CHALLENGE_TTL of NOW, and
 * either NONCE solving its proof of work or ANSWER the sum's number. 0 when it holds; else an
 * error under "challenge" in E ("challenge_expired", "challenge_wrong") and -1. */
int challenge_check(int64_t site_id, const char *form, const char *token, const char *nonce, const char *answer,
		    int64_t now, struct errs *e);
/* Records TOKEN as used, inside the caller's transaction: 0, 1 when it was used already (the
 * form was sent twice: refuse), -1 on a store error. */
int challenge_spend(struct db *db, const char *token, int64_t now);
/* challenge_spend for a form's model function: 0 when TOKEN is spent now (or NULL: no challenge
 * asked), M_INVALID with "challenge_used" in E when it was spent before, M_ERROR on a store
 * error; the caller rolls its transaction back on anything but 0. */
int challenge_take(struct db *db, const char *token, int64_t now, struct errs *e);
/* Forgets the tokens that have expired anyway; how many, or -1. The scheduler runs it. */
int challenge_purge(struct db *db, int64_t now);

#endif
