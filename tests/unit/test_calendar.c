/* test_calendar.c — Gregorian day numbers, the Vietnamese lunar calendar against published dates,
 * the holidays of Bộ luật Lao động 2019, and the working-day calendar with its official tables.
 * Where the dates come from is in docs/calendar.md ("Test dates"). */
#include "t.h"
#include "tdb.h"
#include "db/db.h"
#include "model/calendar.h"
#include "vn/calendar.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int32_t D(const char *s)
{
	vn_date d;
	if (vn_date_parse(s, &d))
		return INT32_MIN;
	return vn_date_to_days(d);
}

static const char *S(int32_t days, char buf[11])
{
	vn_date_format(vn_days_to_date(days), buf);
	return buf;
}

TEST(calendar_day_numbers)
{
	char b[11];
	CHECK(D("1970-01-01") == 0);
	CHECK(D("1969-12-31") == -1);
	CHECK(D("2000-03-01") == 11017);
	CHECK(D("1900-01-01") == -25567);
	CHECK_STR(S(-25567, b), "1900-01-01");
	CHECK_STR(S(D("2024-02-29") + 1, b), "2024-03-01");
	CHECK_STR(S(D("2100-02-28") + 1, b), "2100-03-01"); /* 2100 is not a leap year */
	CHECK_STR(S(D("2000-02-28") + 1, b), "2000-02-29"); /* 2000 is */
	int bad = 0;
	for (int32_t d = D("0001-01-01"); d <= D("9999-12-31"); d += 7) {
		vn_date x = vn_days_to_date(d);
		bad += !vn_date_valid(x) || vn_date_to_days(x) != d;
	}
	CHECK(bad == 0);
	CHECK(vn_weekday(0) == 4);                /* a Thursday */
	CHECK(vn_weekday(D("2026-02-12")) == 4);
	CHECK(vn_weekday(D("2023-01-01")) == 0);
	CHECK(vn_weekday(-1) == 3);
	CHECK_STR(vn_weekday_name(0), "Chủ nhật");
	CHECK_STR(vn_weekday_name(6), "Thứ Bảy");
	CHECK_STR(vn_weekday_name(7), "");
}

TEST(calendar_parse_is_strict)
{
	vn_date d = { 1, 2, 3 };
	static const char *const bad[] = { "", "2026-2-12", "2026-02-1", "2026-02-30", "2025-02-29", "2026-13-01",
					   "2026-00-10", "0000-01-01", "2026-02-12x", " 2026-02-12", "2026/02/12",
					   "12/02/2026", "+026-02-12", "2026-02-+1", "２０２６-02-12", "2026-02-12\n" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (!CHECK(vn_date_parse(bad[i], &d) == -1))
			printf("    accepted \"%s\"\n", bad[i]);
	CHECK(vn_date_parse(NULL, &d) == -1);
	CHECK(d.y == 1 && d.m == 2 && d.d == 3); /* untouched */
	CHECK(vn_date_parse("2024-02-29", &d) == 0 && d.y == 2024 && d.m == 2 && d.d == 29);
	char b[11];
	vn_date_format((vn_date){ 987, 6, 5 }, b);
	CHECK_STR(b, "0987-06-05");
}

TEST(calendar_vietnam_time)
{
	CHECK(vn_days_of_time(0) == 0);          /* 07:00 in Hà Nội */
	CHECK(vn_days_of_time(-25200) == 0);     /* 00:00 */
	CHECK(vn_days_of_time(-25201) == -1);
	CHECK(vn_days_of_time(86400 - 25201) == 0);
	CHECK(vn_time_of_days(1) == 86400 - 25200);
	CHECK(vn_days_of_time(INT64_MAX) == INT32_MAX && vn_days_of_time(INT64_MIN) == INT32_MIN);
	for (int32_t d = -30000; d < 50000; d += 997)
		CHECK(vn_days_of_time(vn_time_of_days(d)) == d && vn_days_of_time(vn_time_of_days(d) - 1) == d - 1);
}

/* Tết (lunar 1/1) of each year: the day before it must be the last day of the old year. */
static void check_tet(int year, const char *want)
{
	vn_date d;
	vn_lunar l, before;
	char b[11];
	int ok = vn_lunar_to_solar((vn_lunar){ year, 1, 1, 0 }, &d) == 0;
	vn_date_format(d, b);
	if (!CHECK(ok) || !CHECK_STR(b, want))
		printf("    Tết %d\n", year);
	vn_date dw;
	vn_date_parse(want, &dw);
	CHECK(vn_solar_to_lunar(dw, &l) == 0 && l.y == year && l.m == 1 && l.d == 1 && !l.leap);
	CHECK(vn_solar_to_lunar(vn_days_to_date(vn_date_to_days(dw) - 1), &before) == 0);
	if (!CHECK(before.y == year - 1 && before.m == 12 && (before.d == 29 || before.d == 30)))
		printf("    the day before Tết %d is %d/%d/%d%s\n", year, before.d, before.m, before.y,
		       before.leap ? " leap" : "");
}

TEST(calendar_tet_known_dates)
{
	/* years where the Vietnamese calendar (UTC+7) differs from the Chinese one (UTC+8) */
	check_tet(1985, "1985-01-21"); /* China: 1985-02-20, a month later */
	check_tet(2007, "2007-02-17"); /* China: 2007-02-18 */
	check_tet(1968, "1968-01-29"); /* China (and South Vietnam then): 1968-01-30 */
	check_tet(2030, "2030-02-02"); /* China: 2030-02-03 (new moon 23:07 Hà Nội time) */
	check_tet(2053, "2053-02-18"); /* China: 2053-02-19 */
	check_tet(1903, "1903-01-28"); /* new moon 23:45 Hà Nội time; China 01-29 */
	/* recent and coming years */
	check_tet(2024, "2024-02-10");
	check_tet(2025, "2025-01-29");
	check_tet(2026, "2026-02-17");
	check_tet(2027, "2027-02-06");
	check_tet(2028, "2028-01-26");
	check_tet(2029, "2029-02-13");
	/* the start of the range, from the published new moons in UTC+7 */
	check_tet(1900, "1900-01-31");
	check_tet(1906, "1906-01-25");
	check_tet(1925, "1925-01-24");
	check_tet(1928, "1928-01-23");
	check_tet(1930, "1930-01-30");
	/* the end of the range, from Hồ Ngọc Đức's published tables */
	check_tet(2090, "2090-01-30");
	check_tet(2093, "2093-01-27");
	check_tet(2096, "2096-01-25");
	check_tet(2099, "2099-01-21");
	check_tet(2100, "2100-02-09");
}

static void check_lunar(const char *solar, int y, int m, int d, int leap)
{
	vn_date s;
	vn_lunar l = { 0, 0, 0, 0 };
	vn_date_parse(solar, &s);
	int ok = vn_solar_to_lunar(s, &l) == 0 && l.y == y && l.m == m && l.d == d && l.leap == leap;
	if (!CHECK(ok))
		printf("    %s: got %d/%d%s/%d, want %d/%d%s/%d\n", solar, l.d, l.m, l.leap ? "n" : "", l.y, d, m,
		       leap ? "n" : "", y);
}

TEST(calendar_hung_kings_and_leap_months)
{
	check_lunar("2024-04-18", 2024, 3, 10, 0); /* Giỗ Tổ Hùng Vương */
	check_lunar("2025-04-07", 2025, 3, 10, 0);
	check_lunar("2026-04-26", 2026, 3, 10, 0);
	check_lunar("1985-03-21", 1985, 2, 1, 1);  /* the leap month of 1985 (no major term) */
	check_lunar("1985-04-20", 1985, 3, 1, 0);
	check_lunar("2023-03-22", 2023, 2, 1, 1);  /* tháng 2 nhuận Quý Mão */
	check_lunar("2025-07-25", 2025, 6, 1, 1);  /* tháng 6 nhuận Ất Tỵ */
	check_lunar("2020-05-23", 2020, 4, 1, 1);  /* tháng 4 nhuận Canh Tý */
	check_lunar("1984-12-22", 1984, 12, 1, 0); /* month 11 of 1984 held the solstice of 21/12 */
	check_lunar("1900-01-01", 1899, 12, 1, 0);
	vn_date d;
	CHECK(vn_lunar_to_solar((vn_lunar){ 2024, 1, 1, 1 }, &d) == -1);  /* 2024 has no leap month */
	CHECK(vn_lunar_to_solar((vn_lunar){ 2025, 5, 1, 1 }, &d) == -1);  /* 2025's is the 6th */
	CHECK(vn_lunar_to_solar((vn_lunar){ 2025, 6, 1, 1 }, &d) == 0 && d.m == 7 && d.d == 25);
	CHECK(vn_lunar_to_solar((vn_lunar){ 2024, 12, 30, 0 }, &d) == -1); /* a 29-day month */
	CHECK(vn_lunar_to_solar((vn_lunar){ 2024, 12, 29, 0 }, &d) == 0 && d.m == 1 && d.d == 28);
	CHECK(vn_lunar_to_solar((vn_lunar){ 2024, 13, 1, 0 }, &d) == -1);
	CHECK(vn_lunar_to_solar((vn_lunar){ 2024, 1, 31, 0 }, &d) == -1);
	CHECK(vn_lunar_to_solar((vn_lunar){ 2024, 1, 0, 0 }, &d) == -1);
	CHECK(vn_lunar_to_solar((vn_lunar){ 2024, 1, 1, 2 }, &d) == -1);
	CHECK(vn_lunar_to_solar((vn_lunar){ 1899, 1, 1, 0 }, &d) == -1);   /* before the range */
	CHECK(vn_lunar_to_solar((vn_lunar){ 2101, 1, 1, 0 }, &d) == -1);
	vn_lunar l;
	CHECK(vn_solar_to_lunar((vn_date){ 1899, 12, 31 }, &l) == -1);
	CHECK(vn_solar_to_lunar((vn_date){ 2101, 1, 1 }, &l) == -1);
	CHECK(vn_solar_to_lunar((vn_date){ 2025, 2, 29 }, &l) == -1);
}

/* Every day of the range: solar → lunar → solar gives the day back, and consecutive days step
 * through the lunar calendar as it must (day + 1, or day 1 of the next month after a 29th or
 * 30th; month 1 only after month 12; a leap month only repeating the month before). */
TEST(calendar_round_trip_every_day)
{
	int32_t first = D("1900-01-01"), last = D("2100-12-31");
	int bad_trip = 0, bad_step = 0, months = 0, leap_months = 0;
	vn_lunar prev = { 0, 0, 0, 0 };
	for (int32_t day = first; day <= last; day++) {
		vn_date s = vn_days_to_date(day), back;
		vn_lunar l;
		if (vn_solar_to_lunar(s, &l) || vn_lunar_to_solar(l, &back) || vn_date_to_days(back) != day) {
			if (bad_trip++ < 3)
				printf("    round trip of %d-%02d-%02d fails\n", s.y, s.m, s.d);
			continue;
		}
		if (day > first) {
			int ok;
			if (l.d == 1) {
				months++;
				leap_months += l.leap;
				ok = (prev.d == 29 || prev.d == 30) &&
				     (l.leap ? l.m == prev.m && !prev.leap && l.y == prev.y
					     : (l.m == prev.m % 12 + 1 && l.y == prev.y + (l.m == 1)));
			} else {
				ok = l.d == prev.d + 1 && l.m == prev.m && l.y == prev.y && l.leap == prev.leap;
			}
			if (!ok && bad_step++ < 3)
				printf("    %d-%02d-%02d: %d/%d/%d after %d/%d/%d\n", s.y, s.m, s.d, l.d, l.m, l.y, prev.d,
				       prev.m, prev.y);
		}
		prev = l;
	}
	CHECK(bad_trip == 0);
	CHECK(bad_step == 0);
	/* 201 years of about 12.37 lunations; a leap month in 7 years of every 19 */
	CHECK(months > 2480 && months < 2490);
	CHECK(leap_months >= 72 && leap_months <= 76);
}

static int has_holiday(const struct vn_holiday *h, int n, const char *day, const char *name, int substitute)
{
	int32_t d = D(day);
	for (int i = 0; i < n; i++)
		if (h[i].day == d)
			return strcmp(h[i].name, name) == 0 && h[i].substitute == substitute;
	return 0;
}

TEST(calendar_holidays_by_the_rules)
{
	struct vn_holiday h[VN_HOLIDAYS_MAX];
	int n = vn_holidays(2026, h);
	CHECK(n == 12);
	CHECK(has_holiday(h, n, "2026-01-01", "Tết Dương lịch", 0));
	CHECK(has_holiday(h, n, "2026-02-16", "Tết Nguyên đán", 0)); /* the last day of Ất Tỵ */
	CHECK(has_holiday(h, n, "2026-02-20", "Tết Nguyên đán", 0)); /* mùng 4 */
	CHECK(!has_holiday(h, n, "2026-02-21", "Tết Nguyên đán", 0));
	CHECK(has_holiday(h, n, "2026-04-26", "Giỗ Tổ Hùng Vương", 0)); /* a Sunday: */
	CHECK(has_holiday(h, n, "2026-04-27", "nghỉ bù Giỗ Tổ Hùng Vương", 1));
	CHECK(has_holiday(h, n, "2026-04-30", "Ngày Chiến thắng", 0));
	CHECK(has_holiday(h, n, "2026-05-01", "Quốc tế Lao động", 0));
	CHECK(has_holiday(h, n, "2026-09-02", "Quốc khánh", 0));
	for (int i = 1; i < n; i++)
		CHECK(h[i - 1].day < h[i].day);
	/* 1/1/2023 was a Sunday: Monday 2/1 was off */
	n = vn_holidays(2023, h);
	CHECK(has_holiday(h, n, "2023-01-02", "nghỉ bù Tết Dương lịch", 1));
	/* 30/4 and 1/5/2022 on a weekend: Monday and Tuesday off */
	n = vn_holidays(2022, h);
	CHECK(has_holiday(h, n, "2022-05-02", "nghỉ bù Ngày Chiến thắng", 1));
	CHECK(has_holiday(h, n, "2022-05-03", "nghỉ bù Quốc tế Lao động", 1));
	CHECK(has_holiday(h, n, "2022-04-11", "nghỉ bù Giỗ Tổ Hùng Vương", 1));
	/* 2/9/2029 is a Sunday: 3/9 is the joined day, and 2/9 is made up on Tuesday 4/9 */
	n = vn_holidays(2029, h);
	CHECK(has_holiday(h, n, "2029-09-03", "Quốc khánh", 0));
	CHECK(has_holiday(h, n, "2029-09-04", "nghỉ bù Quốc khánh", 1));
	/* the day joined to 2/9 in the years the Government announced it (2021–2025) */
	static const char *const pair[][2] = { { "2021", "2021-09-03" }, { "2022", "2022-09-01" },
					       { "2023", "2023-09-01" }, { "2024", "2024-09-03" },
					       { "2025", "2025-09-01" } };
	for (size_t i = 0; i < sizeof(pair) / sizeof(pair[0]); i++) {
		n = vn_holidays(atoi(pair[i][0]), h);
		if (!CHECK(has_holiday(h, n, pair[i][1], "Quốc khánh", 0)))
			printf("    Quốc khánh %s\n", pair[i][0]);
	}
	n = vn_holidays(2023, h); /* 2/9/2023, a Saturday, was made up on Monday 4/9 */
	CHECK(has_holiday(h, n, "2023-09-04", "nghỉ bù Quốc khánh", 1));
	/* Tết 2024 began on a Saturday: two days made up after mùng 4 */
	n = vn_holidays(2024, h);
	CHECK(has_holiday(h, n, "2024-02-14", "nghỉ bù Tết Nguyên đán", 1));
	CHECK(has_holiday(h, n, "2024-02-15", "nghỉ bù Tết Nguyên đán", 1));
	/* 10/3 lunar fell on 30/4 in 1947: one day off for both */
	n = vn_holidays(1947, h);
	CHECK(has_holiday(h, n, "1947-04-30", "Giỗ Tổ Hùng Vương", 0));
	CHECK(vn_holidays(1899, h) == -1 && vn_holidays(2101, h) == -1);
	int total = 0;
	for (int y = VN_YEAR_MIN; y <= VN_YEAR_MAX; y++) {
		n = vn_holidays(y, h);
		total += n >= 11 && n <= VN_HOLIDAYS_MAX;
	}
	CHECK(total == VN_YEAR_MAX - VN_YEAR_MIN + 1);
}

static const char *add(const struct vn_calendar *c, const char *from, int n, char buf[11])
{
	int32_t out;
	if (vn_calendar_add(c, D(from), n, &out))
		return "error";
	return S(out, buf);
}

TEST(calendar_working_days_by_the_rules)
{
	char b[11];
	/* the example: Tết Bính Ngọ is Monday 16 to Friday 20 February 2026 */
	CHECK_STR(add(NULL, "2026-02-12", 5, b), "2026-02-26");
	CHECK_STR(add(NULL, "2026-02-26", -5, b), "2026-02-12");
	CHECK_STR(add(NULL, "2026-02-13", 1, b), "2026-02-23");
	CHECK_STR(add(NULL, "2026-02-14", 0, b), "2026-02-14"); /* 0: the day itself, even a Saturday */
	/* across a holiday on a Sunday: 1/1/2023, made up on Monday 2/1 */
	CHECK_STR(add(NULL, "2022-12-30", 1, b), "2023-01-03");
	/* across 2/9/2029 (Sunday): Monday 3/9 and Tuesday 4/9 off */
	CHECK_STR(add(NULL, "2029-08-31", 1, b), "2029-09-05");
	CHECK_STR(add(NULL, "2029-09-05", -1, b), "2029-08-31");
	CHECK(vn_calendar_is_working_day(NULL, D("2026-02-16")) == 0);
	CHECK(vn_calendar_is_working_day(NULL, D("2026-02-23")) == 1);
	CHECK(vn_calendar_is_working_day(NULL, D("2026-02-21")) == 0);
	CHECK(vn_calendar_is_working_day(NULL, D("1899-12-31")) == -1);
	int n = 0;
	CHECK(vn_calendar_count(NULL, D("2026-02-12"), D("2026-02-26"), &n) == 0 && n == 5);
	CHECK(vn_calendar_count(NULL, D("2026-02-26"), D("2026-02-12"), &n) == 0 && n == -5);
	CHECK(vn_calendar_count(NULL, D("2026-02-14"), D("2026-02-22"), &n) == 0 && n == 0);
	/* 261 weekdays in 2026, 11 of them holidays */
	CHECK(vn_calendar_working_days(NULL, 2026) == 250);
	CHECK(vn_calendar_working_days(NULL, 2101) == -1);
	/* count and add are inverse across a whole year */
	int bad = 0;
	for (int32_t d = D("2027-01-01"); d < D("2028-01-01"); d += 3) {
		int32_t to;
		int k;
		vn_calendar_add(NULL, d, 17, &to);
		bad += vn_calendar_count(NULL, d, to, &k) || k != 17;
	}
	CHECK(bad == 0);
	/* the walk cannot leave the range */
	int32_t out = 7;
	CHECK(vn_calendar_add(NULL, D("2100-12-29"), 5, &out) == -1 && out == 7);
	CHECK(vn_calendar_add(NULL, D("1900-01-03"), -5, &out) == -1);
	CHECK(vn_calendar_add(NULL, INT32_MAX, 1, &out) == -1 && vn_calendar_add(NULL, INT32_MIN, -1, &out) == -1);
	CHECK(vn_calendar_count(NULL, INT32_MAX, INT32_MAX, &n) == -1);
	CHECK(vn_calendar_count(NULL, D("1899-12-31"), D("1900-01-02"), &n) == 0 && n == 1);
}

/* A table modelled on the 2025 announcement for civil servants: Tết from Saturday 25/1 to
 * Sunday 2/2 (the five days are Monday 27 to Friday 31/1), and 30/4–4/5 with Friday 2/5
 * swapped for Saturday 26/4. */
static struct vn_calendar *table_2025(void)
{
	struct vn_calendar *c = vn_calendar_new();
	static const char *const off[] = { "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30",
					   "2025-01-31", "2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02",
					   "2025-09-01", "2025-09-02" };
	for (size_t i = 0; i < sizeof(off) / sizeof(off[0]); i++)
		vn_calendar_set(c, D(off[i]), VN_DAY_OFF, "ngày nghỉ");
	vn_calendar_set(c, D("2025-04-26"), VN_DAY_WORK, "làm bù cho thứ Sáu 2/5");
	return c;
}

TEST(calendar_official_table_overrides_the_rules)
{
	struct vn_calendar *c = table_2025();
	char b[11];
	CHECK(vn_calendar_has_table(c, 2025) && !vn_calendar_has_table(c, 2024) && !vn_calendar_has_table(c, 2026));
	CHECK(!vn_calendar_has_table(NULL, 2025));
	/* the rules would give Tuesday 28/1–Saturday 1/2 and Monday 3/2 made up */
	CHECK(vn_calendar_is_working_day(NULL, D("2025-01-27")) == 1);
	CHECK(vn_calendar_is_working_day(c, D("2025-01-27")) == 0);
	CHECK(vn_calendar_is_working_day(NULL, D("2025-02-03")) == 0);
	CHECK(vn_calendar_is_working_day(c, D("2025-02-03")) == 1);
	/* the swap */
	CHECK(vn_calendar_is_working_day(NULL, D("2025-04-26")) == 0);
	CHECK(vn_calendar_is_working_day(c, D("2025-04-26")) == 1);
	CHECK(vn_calendar_is_working_day(c, D("2025-05-02")) == 0);
	/* other weekends stay rest days */
	CHECK(vn_calendar_is_working_day(c, D("2025-05-03")) == 0);
	CHECK(vn_calendar_is_working_day(c, D("2025-02-01")) == 0);
	CHECK_STR(add(c, "2025-04-25", 1, b), "2025-04-26");
	CHECK_STR(add(c, "2025-04-29", 1, b), "2025-05-05");
	CHECK_STR(add(NULL, "2025-04-29", 1, b), "2025-05-02");
	CHECK_STR(add(c, "2025-01-24", 1, b), "2025-02-03");
	/* the years around keep the rules */
	CHECK_STR(add(c, "2026-02-12", 5, b), "2026-02-26");
	CHECK(vn_calendar_working_days(c, 2026) == vn_calendar_working_days(NULL, 2026));
	/* 261 weekdays + 1 swapped Saturday − 12 days off on weekdays */
	CHECK(vn_calendar_working_days(c, 2025) == 250);
	CHECK(vn_calendar_working_days(NULL, 2025) == 250); /* the rules: 11 weekday holidays */
	/* one more day off, and a replaced entry */
	vn_calendar_set(c, D("2025-12-31"), VN_DAY_OFF, "thử");
	CHECK(vn_calendar_working_days(c, 2025) == 249);
	vn_calendar_set(c, D("2025-12-31"), VN_DAY_WORK, "thử lại");
	CHECK(vn_calendar_working_days(c, 2025) == 250);
	struct vn_calendar_day days[32];
	int n = vn_calendar_days(c, 2025, days, 32);
	CHECK(n == 14);
	CHECK(days[0].day == D("2025-01-01") && days[0].from_table && days[0].kind == VN_DAY_OFF);
	CHECK(days[n - 1].day == D("2025-12-31") && days[n - 1].kind == VN_DAY_WORK);
	CHECK_STR(days[n - 1].name, "thử lại");
	CHECK(vn_calendar_days(c, 2025, days, 3) == 14); /* like snprintf */
	n = vn_calendar_days(c, 2026, days, 32);
	CHECK(n == 12 && !days[0].from_table);
	CHECK(vn_calendar_set(c, D("2101-01-01"), VN_DAY_OFF, "") == -1);
	CHECK(vn_calendar_set(c, D("2025-06-01"), 3, "") == -1);
	CHECK(vn_calendar_set(NULL, D("2025-06-01"), VN_DAY_OFF, "") == -1);
	vn_calendar_free(c);
	vn_calendar_free(NULL);
}

TEST(calendar_hours_on_working_days)
{
	int64_t t = vn_time_of_days(D("2026-02-13")) + 10 * 3600, out = 0; /* Friday 10:00 before Tết */
	/* 14 hours on Friday, then nothing until Monday 23/2, 10 hours into it */
	CHECK(vn_calendar_add_hours(NULL, t, 24, &out) == 0 && out == vn_time_of_days(D("2026-02-23")) + 10 * 3600);
	CHECK(vn_calendar_add_hours(NULL, t, 14, &out) == 0 && out == vn_time_of_days(D("2026-02-14")));
	CHECK(vn_calendar_add_hours(NULL, t, 0, &out) == 0 && out == t);
	/* a start on a rest day counts from the next working day's 00:00 */
	t = vn_time_of_days(D("2026-02-14")) + 8 * 3600;
	CHECK(vn_calendar_add_hours(NULL, t, 24, &out) == 0 && out == vn_time_of_days(D("2026-02-24")));
	CHECK(vn_calendar_add_hours(NULL, t, 1, &out) == 0 && out == vn_time_of_days(D("2026-02-23")) + 3600);
	/* an ordinary week: Wednesday 9:30 + 48 h = Friday 9:30 */
	t = vn_time_of_days(D("2026-03-04")) + 9 * 3600 + 1800;
	CHECK(vn_calendar_add_hours(NULL, t, 48, &out) == 0 && out == t + 48 * 3600);
	CHECK(vn_calendar_add_hours(NULL, t, -1, &out) == -1);
	CHECK(vn_calendar_add_hours(NULL, vn_time_of_days(D("2100-12-31")), 48, &out) == -1);
	CHECK(vn_calendar_add_hours(NULL, INT64_MAX, 1, &out) == -1);
	CHECK(vn_calendar_add_hours(NULL, INT64_MIN, 1, &out) == -1);
}

/* Many threads on one calendar and the process-wide rule table they all build on first use. */
static void *worker(void *arg)
{
	const struct vn_calendar *c = arg;
	long sum = 0;
	for (int y = VN_YEAR_MIN; y <= VN_YEAR_MAX; y += 3)
		sum += vn_calendar_working_days(c, y);
	return (void *)sum;
}

TEST(calendar_shared_between_threads)
{
	struct vn_calendar *c = table_2025();
	pthread_t th[4];
	void *res[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&th[i], NULL, worker, c);
	for (int i = 0; i < 4; i++)
		pthread_join(th[i], &res[i]);
	CHECK(res[0] == worker(c) && res[1] == res[0] && res[2] == res[0] && res[3] == res[0]);
	vn_calendar_free(c);
}

/* ---- the tables in the store (model/calendar.c) ---- */

static int has_err(const struct errs *e, const char *field, const char *key)
{
	for (int i = 0; i < e->n; i++)
		if (strcmp(e->e[i].field, field) == 0 && strcmp(e->e[i].key, key) == 0)
			return 1;
	return 0;
}

TEST(calendar_store_edits_need_the_system_administrator)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db))
		return;
	const struct actor editor = { 7, 0, "127.0.0.1" };
	struct errs e = { 0 };
	CHECK(calendar_set(db, &editor, "2027-02-05", "off", "Tết", &e) == M_DENIED);
	CHECK(calendar_unset(db, &editor, "2027-02-05", &e) == M_DENIED);
	CHECK(calendar_seed(db, &editor, 2027, &e) == M_DENIED);
	CHECK(calendar_set(db, NULL, "2027-02-05", "off", "Tết", &e) == M_DENIED);
	CHECK(calendar_may_edit(&actor_cli) && !calendar_may_edit(&editor));
	json_t *y = calendar_year(db, 2027);
	CHECK(y && !json_is_true(json_object_get(y, "has_table")));
	json_decref(y);
	db_close(db);
}

TEST(calendar_store_validates_fields)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db))
		return;
	struct errs e = { 0 };
	CHECK(calendar_set(db, &actor_cli, "2027-02-30", "off", "x", &e) == M_INVALID);
	CHECK(has_err(&e, "day", "calendar_day_invalid"));
	e.n = 0;
	CHECK(calendar_set(db, &actor_cli, "", "off", "x", &e) == M_INVALID && has_err(&e, "day", "required"));
	e.n = 0;
	CHECK(calendar_set(db, &actor_cli, "2150-01-02", "off", "x", &e) == M_INVALID);
	CHECK(has_err(&e, "day", "calendar_day_range"));
	e.n = 0;
	CHECK(calendar_set(db, &actor_cli, "2027-02-05", "holiday", "x", &e) == M_INVALID);
	CHECK(has_err(&e, "kind", "calendar_kind_invalid"));
	e.n = 0; /* a working day in exchange is a Saturday or a Sunday */
	CHECK(calendar_set(db, &actor_cli, "2027-02-05", "work", "x", &e) == M_INVALID);
	CHECK(has_err(&e, "kind", "calendar_work_weekday"));
	e.n = 0;
	char longname[400];
	memset(longname, 'a', 121);
	longname[121] = '\0';
	CHECK(calendar_set(db, &actor_cli, "2027-02-05", "off", longname, &e) == M_INVALID);
	CHECK(has_err(&e, "name", "too_long"));
	e.n = 0;
	CHECK(calendar_set(db, &actor_cli, "2027-02-05", "off", "\xff", &e) == M_INVALID);
	CHECK(has_err(&e, "name", "invalid_utf8"));
	e.n = 0;
	CHECK(calendar_unset(db, &actor_cli, "05/02/2027", &e) == M_INVALID && has_err(&e, "day", "calendar_day_invalid"));
	e.n = 0;
	CHECK(calendar_seed(db, &actor_cli, 1899, &e) == M_INVALID && has_err(&e, "year", "calendar_year_invalid"));
	json_t *y = calendar_year(db, 2027);
	CHECK(json_integer_value(json_object_get(y, "table_count")) == 0); /* nothing was written */
	json_decref(y);
	CHECK(calendar_year(db, 2101) == NULL);
	db_close(db);
}

TEST(calendar_store_table_overrides_the_rules)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db))
		return;
	struct errs e = { 0 };
	json_t *y = calendar_year(db, 2027);
	CHECK(json_integer_value(json_object_get(y, "working_days")) == 250);
	CHECK(json_array_size(json_object_get(y, "days")) == 14);
	json_t *first = json_array_get(json_object_get(y, "days"), 1);
	CHECK_STR(json_string_value(json_object_get(first, "day")), "2027-02-05");
	CHECK_STR(json_string_value(json_object_get(first, "weekday")), "Thứ Sáu");
	CHECK_STR(json_string_value(json_object_get(first, "lunar")), "29/12"); /* a 29-day month */
	CHECK_STR(json_string_value(json_object_get(first, "source")), "rules");
	json_decref(y);

	/* the first entry of 2027: the year now follows its table alone */
	CHECK(calendar_set(db, &actor_cli, "2027-02-05", "off", "  Tết Nguyên đán ", &e) == M_OK);
	y = calendar_year(db, 2027);
	CHECK(json_is_true(json_object_get(y, "has_table")));
	CHECK(json_integer_value(json_object_get(y, "working_days")) == 261 - 1);
	json_t *d = json_array_get(json_object_get(y, "days"), 0);
	CHECK_STR(json_string_value(json_object_get(d, "name")), "Tết Nguyên đán");
	CHECK_STR(json_string_value(json_object_get(d, "source")), "table");
	CHECK(json_array_size(json_object_get(y, "rules")) == 14);
	json_decref(y);
	struct vn_calendar *c = calendar_load(db);
	vn_date t = { 2027, 2, 8 };
	CHECK(c && vn_calendar_is_working_day(c, vn_date_to_days(t)) == 1);
	t.d = 5;
	CHECK(c && vn_calendar_is_working_day(c, vn_date_to_days(t)) == 0);
	vn_calendar_free(c);

	/* a Saturday worked, then changed into a day off (one row per day) */
	CHECK(calendar_set(db, &actor_cli, "2027-02-20", "work", "làm bù", &e) == M_OK);
	y = calendar_year(db, 2027);
	CHECK(json_integer_value(json_object_get(y, "working_days")) == 261);
	json_decref(y);
	CHECK(calendar_set(db, &actor_cli, "2027-02-20", "off", "", &e) == M_OK);
	y = calendar_year(db, 2027);
	CHECK(json_integer_value(json_object_get(y, "table_count")) == 2);
	CHECK(json_integer_value(json_object_get(y, "working_days")) == 260);
	d = json_array_get(json_object_get(y, "days"), 1);
	CHECK_STR(json_string_value(json_object_get(d, "name")), "Ngày nghỉ");
	json_decref(y);

	/* removing the entries gives the year back to the rules */
	CHECK(calendar_unset(db, &actor_cli, "2027-02-20", &e) == M_OK);
	CHECK(calendar_unset(db, &actor_cli, "2027-02-20", &e) == M_NOTFOUND);
	CHECK(calendar_unset(db, &actor_cli, "2027-02-05", &e) == M_OK);
	y = calendar_year(db, 2027);
	CHECK(!json_is_true(json_object_get(y, "has_table")));
	CHECK(json_integer_value(json_object_get(y, "working_days")) == 250);
	json_decref(y);

	/* a table started from the rules gives the rules' count, and only once */
	CHECK(calendar_seed(db, &actor_cli, 2027, &e) == M_OK);
	y = calendar_year(db, 2027);
	CHECK(json_is_true(json_object_get(y, "has_table")));
	CHECK(json_integer_value(json_object_get(y, "table_count")) == 14);
	CHECK(json_integer_value(json_object_get(y, "working_days")) == 250);
	json_decref(y);
	CHECK(calendar_seed(db, &actor_cli, 2027, &e) == M_INVALID && has_err(&e, "year", "calendar_has_table"));

	/* every change is in the audit log, whose chain holds */
	int64_t n = 0;
	CHECK(audit_verify(db, &n) == 0 && n == 6); /* 3 sets, 2 removals, 1 seed */
	db_close(db);
}
