/* fuzz_ca.c — libFuzzer target for the intake's private CA setting (mail/imap.h: imap_ca_read,
 * GnuTLS reading what an administrator pastes): any bytes as the pasted text. Invariants, abort()
 * on failure: a refusal leaves nothing; an accepted text gives at most 20 certificates, at most
 * one description each, and PEM that reads again to the same certificates, byte for byte (what
 * is stored is what a later read gives libcurl). Seeds: tests/fuzz/seeds-fuzz_ca/. */
#include "base/sb.h"
#include "mail/imap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void must(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "ca invariant broken: %s\n", what);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = 0; /* a form field: text up to its first NUL */
	struct sb out = SB_INIT, again = SB_INIT;
	json_t *info = NULL;
	int n = imap_ca_read(text, &out, &info);
	must(n == -1 || (n >= 1 && n <= 20), "count");
	must(info && json_array_size(info) <= (size_t)(n > 0 ? n : 0), "descriptions");
	if (n < 0) {
		must(out.len == 0, "nothing kept when refused");
	} else {
		must(strncmp(out.buf, "-----BEGIN CERTIFICATE-----", 27) == 0, "PEM kept");
		must(imap_ca_read(out.buf, &again, NULL) == n, "the stored PEM reads again");
		must(again.len == out.len && memcmp(again.buf, out.buf, out.len) == 0, "the same bytes");
	}
	json_decref(info);
	sb_release(&out);
	sb_release(&again);
	free(text);
	return 0;
}
