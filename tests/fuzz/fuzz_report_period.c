/* fuzz_report_period.c — libFuzzer target for report_period_parse() (model/report.h), which reads
 * the periodic report's ?ky= ("2026-q1", "2026-h2", "2026"). Invariants, abort() on failure:
 *   - on 0, the period's code is the input in lower case, its year 2000..2100, its part in range,
 *     its days a whole quarter, half or year (FROM the 1st of a month, TO the day before the
 *     next period's FROM), and the previous period ends the day before it begins;
 *   - the answer is 0 only for input of 4 or 7 bytes, and -1 otherwise. */
#include "model/report.h"
#include "vn/calendar.h"

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_report_period: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	struct report_period p, prev, next;
	int rc = report_period_parse(s, &p);
	if (rc == 0) {
		size_t n = strlen(s);
		if (n != 4 && n != 7)
			fail("accepted a period of another length");
		for (size_t i = 0; i < n; i++)
			if (tolower((unsigned char)s[i]) != p.code[i])
				fail("code is not the input");
		if (p.code[n] != '\0')
			fail("code longer than the input");
		int parts = p.span == REPORT_QUARTER ? 4 : p.span == REPORT_HALF ? 2 : 1;
		if (p.year < 2000 || p.year > 2100 || p.part < 1 || p.part > parts)
			fail("year or part out of range");
		vn_date f = vn_days_to_date(p.from_day);
		if (f.d != 1 || f.y != p.year || f.m != (p.part - 1) * (12 / parts) + 1)
			fail("first day");
		if (p.part < parts) {
			if (report_period_make(p.span, p.year, p.part + 1, &next) || next.from_day != p.to_day + 1)
				fail("last day");
		} else if (vn_days_to_date(p.to_day).m != 12 || vn_days_to_date(p.to_day).d != 31) {
			fail("last day of the year");
		}
		report_period_previous(&p, &prev);
		if (p.year > 2000 && prev.to_day != p.from_day - 1)
			fail("previous period");
	} else if (rc != -1) {
		fail("answer");
	}
	free(s);
	return 0;
}
