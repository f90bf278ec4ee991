/* fuzz_rating_period.c — libFuzzer target for rating_period() (model/rating.h), which reads the
 * ratings page's ?ky= ("2026-12", "2026-Q4", "2026"). Invariants, abort() on failure:
 *   - on 0, FROM and TO are "YYYY-MM" with FROM <= TO in one year, months 01..12, and the label
 *     is NUL-ended text that begins "Tháng ", "Quý " or "Năm ";
 *   - the answer is 0 only for input of 4 or 7 bytes. */
#include "model/rating.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_rating_period: %s\n", what);
	abort();
}

static int month_ok(const char *m)
{
	if (strlen(m) != 7 || m[4] != '-')
		return 0;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (m[i] < '0' || m[i] > '9'))
			return 0;
	int mm = atoi(m + 5);
	return mm >= 1 && mm <= 12;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	char from[8] = "", to[8] = "", label[48];
	memset(label, 'x', sizeof(label));
	int rc = rating_period(s, from, to, label, sizeof(label));
	if (rc == 0) {
		if (strlen(s) != 4 && strlen(s) != 7)
			fail("accepted a period of another length");
		if (!month_ok(from) || !month_ok(to) || strcmp(from, to) > 0 || strncmp(from, to, 4) != 0)
			fail("bad months");
		if (!memchr(label, '\0', sizeof(label)))
			fail("label not ended");
		if (strncmp(label, "Tháng ", 7) && strncmp(label, "Quý ", 5) && strncmp(label, "Năm ", 5))
			fail("label");
	} else if (rc != -1) {
		fail("answer");
	}
	free(s);
	return 0;
}
