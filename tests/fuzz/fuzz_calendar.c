/* fuzz_calendar.c — libFuzzer target for the calendar (vn/calendar.c): any text given to
 * vn_date_parse (the report's period, the calendar page, `cong calendar`) is refused or names a
 * real date, which must survive the round trips through day numbers and the lunar calendar, and
 * working-day arithmetic from it must agree with counting. Never a crash. */
#include "base/util.h"
#include "vn/calendar.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size);
	vn_date d;
	if (vn_date_parse(s, &d) == 0) {
		char back[11];
		if (!vn_date_valid(d))
			abort();
		vn_date_format(d, back);
		if (strcmp(back, s) != 0)
			abort(); /* strict: only the canonical form parses */
		int32_t days = vn_date_to_days(d);
		vn_date again = vn_days_to_date(days);
		if (again.y != d.y || again.m != d.m || again.d != d.d)
			abort();
		vn_lunar l;
		if (vn_solar_to_lunar(d, &l) == 0) {
			vn_date sol;
			if (vn_lunar_to_solar(l, &sol) || sol.y != d.y || sol.m != d.m || sol.d != d.d)
				abort();
		}
		/* N working days on, counted back, is N (within the calendar's years) */
		int n = (int)(days % 40 + 40) % 40, count = 0;
		int32_t end;
		if (vn_calendar_add(NULL, days, n, &end) == 0 && vn_calendar_count(NULL, days, end, &count) == 0 &&
		    count != n)
			abort();
		if (d.y >= VN_YEAR_MIN && d.y < VN_YEAR_MAX && vn_calendar_count(NULL, days, end, &count))
			abort(); /* inside the years, counting never fails */
	}
	free(s);
	return 0;
}
