/* fuzz_isoweek.c — libFuzzer target for the ?tuan= week and the schedule's times (vn/isoweek.c):
 * any text. Invariants, abort() on failure: a week that parses has a Monday, formats to a text
 * that parses to the same week, and its next and previous weeks step 7 days; a time that parses
 * is in 0..1439. */
#include "base/util.h"
#include "vn/isoweek.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size);
	struct iso_week w, again;
	char buf[12];
	if (iso_week_parse(s, &w) == 0) {
		int32_t m = iso_week_monday(w);
		if (!m)
			abort();
		iso_week_format(w, buf);
		if (iso_week_parse(buf, &again) != 0 || again.year != w.year || again.week != w.week)
			abort();
		struct iso_week n = iso_week_add(w, 1), p = iso_week_add(w, -1);
		if ((iso_week_monday(n) && iso_week_monday(n) != m + 7) || (iso_week_monday(p) && iso_week_monday(p) != m - 7))
			abort();
	} else if (w.year || w.week) {
		abort();
	}
	int t = day_minutes_parse(s);
	if (t < -1 || t > 1439)
		abort();
	free(s);
	return 0;
}
