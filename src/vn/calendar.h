/* calendar.h — Vietnamese dates: Gregorian day numbers, the Vietnamese lunar calendar (computed
 * for UTC+7 by Hồ Ngọc Đức's method after Meeus), the public holidays of Bộ luật Lao động 2019
 * (Đ112, Đ111.3), and a working-day calendar whose official per-year tables override the rules.
 * Pure computation: no I/O, no locale; docs/calendar.md explains the method and the choices. */
#ifndef CONG_VN_CALENDAR_H
#define CONG_VN_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

/* The solar years the lunar calendar, the holidays and the working-day calendar cover. */
#define VN_YEAR_MIN 1900
#define VN_YEAR_MAX 2100

/* ---- Gregorian dates ---- */
typedef struct {
	int y, m, d;
} vn_date;

/* 1 when D is a real date of the (proleptic) Gregorian calendar in years 1..9999. */
int vn_date_valid(vn_date d);
/* Days since 1970-01-01 (negative before it) of a valid date, and back. */
int32_t vn_date_to_days(vn_date d);
vn_date vn_days_to_date(int32_t days);
/* 0 Sunday, 1 Monday … 6 Saturday. */
int vn_weekday(int32_t days);
/* "Chủ nhật", "Thứ Hai" … "Thứ Bảy" for 0..6; "" otherwise. */
const char *vn_weekday_name(int weekday);
/* Strictly "YYYY-MM-DD" naming a valid date: 0, else -1 (*OUT untouched). */
int vn_date_parse(const char *s, vn_date *out);
/* "YYYY-MM-DD". */
void vn_date_format(vn_date d, char out[11]);
/* "dd/mm/yyyy" (as people read dates) of day number DAY. */
void vn_day_dmy(int32_t day, char out[11]);
/* The day (in Vietnam, UTC+7) of Unix time T, and the Unix time of that day's 00:00. */
int32_t vn_days_of_time(int64_t t);
int64_t vn_time_of_days(int32_t days);

/* ---- the Vietnamese lunar calendar ---- */
typedef struct {
	int y, m, d; /* lunar year (the solar year its Tết falls in), month 1..12, day 1..30 */
	int leap;    /* 1 in the leap month (tháng nhuận), which repeats the number of the one before */
} vn_lunar;

/* The lunar date of D: 0, or -1 when D is not a valid date of VN_YEAR_MIN..VN_YEAR_MAX. */
int vn_solar_to_lunar(vn_date d, vn_lunar *out);
/* The solar date of L: 0, or -1 when L names no day (a day 30 of a 29-day month, a leap month
 * the year does not have) or one outside VN_YEAR_MIN..VN_YEAR_MAX. */
int vn_lunar_to_solar(vn_lunar l, vn_date *out);

/* ---- holidays by the rules (Bộ luật Lao động 2019) ---- */
#define VN_HOLIDAYS_MAX 24
struct vn_holiday {
	int32_t day;
	const char *name; /* Vietnamese, static: "Tết Nguyên đán", "nghỉ bù Quốc khánh" … */
	int substitute;   /* 1: a day off in place of a holiday that fell on a Saturday or Sunday */
};
/* The days off of YEAR by Đ112 (1/1; Tết: the last day of the old lunar year and days 1–4 of
 * the new; 10/3 lunar; 30/4; 1/5; 2/9 with 1/9 when that is a Monday or 3/9 falls on a weekend,
 * else 3/9) and Đ111.3 (a holiday on a Saturday or Sunday gives the next working day that is not
 * a holiday itself), in date order. Returns how many were written to OUT, -1 outside the range. */
int vn_holidays(int year, struct vn_holiday out[VN_HOLIDAYS_MAX]);

/* ---- the working-day calendar ----
 * State offices rest on Saturdays and Sundays and on the holidays. A year that has an official
 * table is computed from it alone: its OFF days are the year's days off (the rule holidays of
 * that year no longer count), its WORK days are worked Saturdays or Sundays (swaps), and every
 * other weekend day stays a rest day. Years without a table follow the rules.
 * Build a calendar with vn_calendar_new and vn_calendar_set, then share it: every other
 * function only reads it, so threads may use one calendar at once. A NULL calendar is the rules
 * alone. */
enum vn_day_kind { VN_DAY_OFF = 1, VN_DAY_WORK = 2 };
struct vn_calendar;

struct vn_calendar *vn_calendar_new(void);
void vn_calendar_free(struct vn_calendar *c);
/* Puts DAY into its year's table (replacing an entry of that day); NAME is copied (NULL: "").
 * -1 when DAY is outside the range or KIND is not one of the two. Not thread-safe: build first. */
int vn_calendar_set(struct vn_calendar *c, int32_t day, enum vn_day_kind kind, const char *name);
/* 1 when YEAR has an official table in C. */
int vn_calendar_has_table(const struct vn_calendar *c, int year);

/* 1 a working day, 0 a rest day, -1 outside the range. */
int vn_calendar_is_working_day(const struct vn_calendar *c, int32_t day);
/* The day N working days after DAY (before it when N < 0; DAY itself when N is 0): DAY is not
 * counted, the result is always a working day when N != 0. 0, or -1 when DAY or the walk is
 * outside the range. */
int vn_calendar_add(const struct vn_calendar *c, int32_t day, int n, int32_t *out);
/* The working days d with FROM < d <= TO (negated when TO < FROM), so that adding the count to
 * FROM lands on the last working day up to TO. 0, or -1 when a day counted is outside the range
 * (FROM may be the day before it). */
int vn_calendar_count(const struct vn_calendar *c, int32_t from, int32_t to, int *out);
/* Working days of YEAR; -1 outside the range. */
int vn_calendar_working_days(const struct vn_calendar *c, int year);
/* Unix time HOURS hours after T when the clock runs only on working days (in Vietnam time): a
 * rest day does not count at all, a working day counts its 24 hours; a start on a rest day
 * starts at the next working day's 00:00. HOURS 0 gives T. 0, or -1 on a negative HOURS or when
 * it leaves the range. */
int vn_calendar_add_hours(const struct vn_calendar *c, int64_t t, int64_t hours, int64_t *out);

/* A special day of a year as the calendar applies it. */
struct vn_calendar_day {
	int32_t day;
	enum vn_day_kind kind;
	const char *name;   /* static (rules) or owned by the calendar (table): valid while C lives */
	int substitute;     /* rules: a day off in place of a holiday on a weekend */
	int from_table;     /* 1: the year's official table; 0: the rules */
};
/* The special days of YEAR in date order: the table's entries when the year has one, else the
 * rule holidays. Writes at most MAX to OUT and returns how many there are (-1 outside the
 * range), like snprintf: call again with a larger OUT when the result exceeds MAX. */
int vn_calendar_days(const struct vn_calendar *c, int year, struct vn_calendar_day *out, size_t max);

#endif
