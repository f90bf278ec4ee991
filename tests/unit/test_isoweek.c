/* test_isoweek.c — ISO 8601 weeks: the week of a day near the year's ends, 53-week years, the
 * week after the last one, the ?tuan= form read and refused, times of day. */
#include "t.h"
#include "vn/calendar.h"
#include "vn/isoweek.h"

static int32_t day(int y, int m, int d)
{
	return vn_date_to_days((vn_date){ y, m, d });
}

TEST(isoweek_of_days_around_new_year)
{
	/* 2026-12-31 is a Thursday: week 53 of 2026; 2027-01-01 (Friday) is still 2026-W53 */
	struct iso_week w = iso_week_of(day(2026, 12, 31));
	CHECK(w.year == 2026 && w.week == 53);
	w = iso_week_of(day(2027, 1, 3));
	CHECK(w.year == 2026 && w.week == 53);
	w = iso_week_of(day(2027, 1, 4));
	CHECK(w.year == 2027 && w.week == 1);
	/* 2024-12-30 (Monday) is 2025-W01 */
	w = iso_week_of(day(2024, 12, 30));
	CHECK(w.year == 2025 && w.week == 1);
	/* 2021-01-03 (Sunday) is 2020-W53 */
	w = iso_week_of(day(2021, 1, 3));
	CHECK(w.year == 2020 && w.week == 53);
	w = iso_week_of(day(2026, 12, 7));
	CHECK(w.year == 2026 && w.week == 50);
	CHECK(iso_weeks_in_year(2026) == 53);
	CHECK(iso_weeks_in_year(2027) == 52);
	CHECK(iso_weeks_in_year(2020) == 53);
	CHECK(iso_weeks_in_year(2025) == 52);
}

TEST(isoweek_mondays_and_steps)
{
	CHECK(iso_week_monday((struct iso_week){ 2026, 53 }) == day(2026, 12, 28));
	CHECK(iso_week_monday((struct iso_week){ 2027, 1 }) == day(2027, 1, 4));
	CHECK(iso_week_monday((struct iso_week){ 2025, 1 }) == day(2024, 12, 30));
	CHECK(iso_week_monday((struct iso_week){ 2027, 53 }) == 0);
	CHECK(iso_week_monday((struct iso_week){ 2027, 0 }) == 0);
	struct iso_week n = iso_week_add((struct iso_week){ 2026, 53 }, 1);
	CHECK(n.year == 2027 && n.week == 1);
	n = iso_week_add((struct iso_week){ 2027, 1 }, -1);
	CHECK(n.year == 2026 && n.week == 53);
	n = iso_week_add((struct iso_week){ 2025, 52 }, 1);
	CHECK(n.year == 2026 && n.week == 1);
	CHECK(iso_monday_of(day(2026, 12, 13)) == day(2026, 12, 7)); /* a Sunday */
	CHECK(iso_monday_of(day(2026, 12, 7)) == day(2026, 12, 7));
	/* every day of 1999..2031 is in the week whose Monday is at most 6 days before it */
	for (int32_t d = day(1999, 1, 1); d < day(2031, 1, 1); d++) {
		struct iso_week w = iso_week_of(d);
		int32_t m = iso_week_monday(w);
		if (!(m && d - m >= 0 && d - m < 7)) {
			CHECK(!"the week of a day holds it");
			break;
		}
	}
}

TEST(isoweek_parse_and_format)
{
	struct iso_week w;
	char buf[12];
	CHECK(iso_week_parse("2026-W53", &w) == 0 && w.year == 2026 && w.week == 53);
	CHECK(iso_week_parse("2027-w1", &w) == 0 && w.year == 2027 && w.week == 1);
	CHECK(iso_week_parse("2027W01", &w) == 0 && w.week == 1);
	iso_week_format(w, buf);
	CHECK_STR(buf, "2027-W01");
	CHECK(iso_week_parse("2027-W53", &w) == -1 && w.year == 0);
	CHECK(iso_week_parse("2027-W00", &w) == -1);
	CHECK(iso_week_parse("2027-W100", &w) == -1);
	CHECK(iso_week_parse("2027-W1x", &w) == -1);
	CHECK(iso_week_parse("27-W1", &w) == -1);
	CHECK(iso_week_parse("", &w) == -1);
	CHECK(iso_week_parse(NULL, &w) == -1);
	CHECK(iso_week_parse("1899-W10", &w) == -1);
}

TEST(isoweek_times_of_day)
{
	CHECK(day_minutes_parse("07:30") == 450);
	CHECK(day_minutes_parse("7h30") == 450);
	CHECK(day_minutes_parse("14h") == 840);
	CHECK(day_minutes_parse("14g00") == 840);
	CHECK(day_minutes_parse("0:00") == 0);
	CHECK(day_minutes_parse("23:59") == 1439);
	CHECK(day_minutes_parse("24:00") == -1);
	CHECK(day_minutes_parse("7:60") == -1);
	CHECK(day_minutes_parse("7:5") == -1);
	CHECK(day_minutes_parse("7") == -1);
	CHECK(day_minutes_parse("7:") == -1);
	CHECK(day_minutes_parse("sáng") == -1);
	CHECK(day_minutes_parse("") == -1);
	CHECK(day_minutes_parse("07:30 ") == -1);
}
