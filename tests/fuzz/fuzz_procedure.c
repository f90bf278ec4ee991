/* fuzz_procedure.c — libFuzzer target for a procedure's code as people type it (the admin form,
 * the CSV import): procedure_code_valid() and the national portal's address built from it,
 * procedure_portal_url(). Invariants, abort() on failure:
 *   - a valid code is 3..40 bytes of ASCII letters, digits, '.' and '-' with a digit, and gives
 *     an address; an invalid one gives none;
 *   - the address is PROCEDURE_PORTAL_BASE followed by the code unchanged (its characters need
 *     no percent-encoding), so it holds no quote, angle bracket, space or control character. */
#include "model/procedure.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_procedure: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *code = malloc(size + 1);
	if (!code)
		return 0;
	memcpy(code, data, size);
	code[size] = 0;
	size_t n = strlen(code);
	int ok = procedure_code_valid(code);
	char *url = procedure_portal_url(code);
	if (ok != (url != NULL))
		fail("the address and the check disagree");
	if (ok) {
		if (n < 3 || n > 40 || !strpbrk(code, "0123456789"))
			fail("a valid code of a wrong length or without a digit");
		for (size_t i = 0; i < n; i++)
			if (!strchr("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-", code[i]))
				fail("a valid code with another character");
		size_t b = strlen(PROCEDURE_PORTAL_BASE);
		if (strncmp(url, PROCEDURE_PORTAL_BASE, b) != 0 || strcmp(url + b, code) != 0)
			fail("the address is not the base and the code");
		if (strpbrk(url, "\"'<> \t\r\n"))
			fail("the address holds a character an attribute must not");
	}
	free(url);
	free(code);
	return 0;
}
