/* fuzz_challenge.c — libFuzzer target for what a public form sends as its challenge
 * (model/challenge.h): arbitrary bytes split into a token, a nonce and an answer and checked;
 * and a real token with one byte changed by the input. Invariants, abort() on failure: a check
 * that fails says why under "challenge"; a changed token never passes with the original's
 * answer; a good token with its answer always passes. Also the personal-data opener
 * (pdata_open) on arbitrary text: never opens what was not sealed. */
#include "model/model.h"
#include "model/challenge.h"
#include "model/pdata.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int ready;

static void setup(void)
{
	static char dir[] = "/tmp/cong-fuzz-chal-XXXXXX";
	if (sodium_init() < 0 || !mkdtemp(dir))
		abort();
	totp_set_key_dir(dir);
	ready = 1;
}

static int answer_of(const struct challenge *c)
{
	static const char *const w[] = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };
	for (int a = 1; a < 10; a++)
		for (int b = 1; b < 10; b++) {
			char q[128], first[16];
			snprintf(first, sizeof(first), "%s", w[a]);
			first[0] = (char)(first[0] - 'a' + 'A');
			snprintf(q, sizeof(q), "%s cộng %s bằng", first, w[b]);
			if (strncmp(c->question, q, strlen(q)) == 0)
				return a + b;
		}
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ready)
		setup();
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	/* token \n nonce \n answer */
	char *nonce = strchr(s, '\n'), *answer = NULL;
	if (nonce) {
		*nonce++ = '\0';
		answer = strchr(nonce, '\n');
		if (answer)
			*answer++ = '\0';
	}
	struct errs e = { 0 };
	if (challenge_check(1, "cau-hoi", s, nonce, answer, 1796630400, &e) != 0 &&
	    (e.n != 1 || strcmp(e.e[0].field, "challenge") != 0))
		abort();
	/* a real token, one byte changed by the input */
	struct challenge c;
	if (challenge_make(NULL, 1, "cau-hoi", 1796630400, &c))
		abort();
	char ans[8];
	snprintf(ans, sizeof(ans), "%d", answer_of(&c));
	e = (struct errs){ 0 };
	if (challenge_check(1, "cau-hoi", c.token, NULL, ans, 1796630400 + 10, &e) != 0)
		abort();
	if (size >= 2) {
		size_t at = data[0] % strlen(c.token);
		char was = c.token[at];
		c.token[at] = (char)data[1];
		e = (struct errs){ 0 };
		/* no other string carries the token: a solved form cannot be sent twice under an alias
		 * (the fuzzer found libsodium decoding high bytes as letters) */
		if (c.token[at] != was && c.token[at] && challenge_check(1, "cau-hoi", c.token, NULL, ans, 1796630400 + 10, &e) == 0)
			abort();
	}
	char *opened = pdata_open(s);
	if (opened && strncmp(s, "p1:", 3) != 0)
		abort();
	free(opened);
	free(s);
	return 0;
}
