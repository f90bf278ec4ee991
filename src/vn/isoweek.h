/* isoweek.h — ISO 8601 weeks (Monday first; week 1 holds the year's first Thursday), for the
 * leaders' weekly schedules (docs/schedules.md): the week of a day, a week's Monday, the week
 * before and after across a year boundary (2026-W53 → 2027-W01), and the "2026-W53" form of
 * URLs (?tuan=). Day numbers are vn/calendar.h's. */
#ifndef CONG_VN_ISOWEEK_H
#define CONG_VN_ISOWEEK_H

#include <stdint.h>

struct iso_week {
	int year; /* the ISO year (may differ from the calendar year of early January / late December) */
	int week; /* 1..52 or 53 */
};

/* The number of weeks of ISO year YEAR: 52 or 53. */
int iso_weeks_in_year(int year);
/* The ISO week of day DAY. */
struct iso_week iso_week_of(int32_t day);
/* The day number of the Monday of week W; 0 when W is not a week (week 0, 54, 53 of a 52-week year,
 * a year outside 1900..9999). */
int32_t iso_week_monday(struct iso_week w);
/* The Monday of the week holding DAY. */
int32_t iso_monday_of(int32_t day);
/* The week N weeks after W (N may be negative). */
struct iso_week iso_week_add(struct iso_week w, int n);
/* Reads "2026-W05" (also "2026-w5", "2026W05"); 0, or -1 (OUT zeroed) for anything else. */
int iso_week_parse(const char *s, struct iso_week *out);
/* Writes "2026-W05" into OUT. */
void iso_week_format(struct iso_week w, char out[12]);
/* Reads a time of day "7:30", "07h30", "7h", "14:00": minutes since midnight, or -1. */
int day_minutes_parse(const char *s);

#endif
