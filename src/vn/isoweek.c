/* isoweek.c — ISO 8601 weeks over vn/calendar.h's day numbers (isoweek.h). */
#include "vn/isoweek.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <string.h>

#include "base/banned.h"

#define YEAR_MIN 1900
#define YEAR_MAX 9999

int32_t iso_monday_of(int32_t day)
{
	int wd = vn_weekday(day); /* 0 Sunday */
	return day - (wd == 0 ? 6 : wd - 1);
}

/* The Monday of week 1 of ISO year YEAR: the Monday of the week holding 4 January. */
static int32_t week1_monday(int year)
{
	return iso_monday_of(vn_date_to_days((vn_date){ year, 1, 4 }));
}

int iso_weeks_in_year(int year)
{
	return (int)((week1_monday(year + 1) - week1_monday(year)) / 7);
}

struct iso_week iso_week_of(int32_t day)
{
	int32_t mon = iso_monday_of(day);
	int32_t thu = mon + 3; /* the week's Thursday names its year */
	int year = vn_days_to_date(thu).y;
	return (struct iso_week){ year, (int)((mon - week1_monday(year)) / 7) + 1 };
}

int32_t iso_week_monday(struct iso_week w)
{
	if (w.year < YEAR_MIN || w.year > YEAR_MAX || w.week < 1 || w.week > iso_weeks_in_year(w.year))
		return 0;
	return week1_monday(w.year) + (int32_t)(w.week - 1) * 7;
}

struct iso_week iso_week_add(struct iso_week w, int n)
{
	int32_t mon = iso_week_monday(w);
	if (!mon)
		return w;
	return iso_week_of(mon + (int32_t)n * 7);
}

int iso_week_parse(const char *s, struct iso_week *out)
{
	memset(out, 0, sizeof(*out));
	if (!s)
		return -1;
	int y = 0, w = 0, i = 0;
	for (; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	if (s[i] == '-')
		i++;
	if (s[i] != 'W' && s[i] != 'w')
		return -1;
	i++;
	int digits = 0;
	for (; s[i] >= '0' && s[i] <= '9' && digits < 2; i++, digits++)
		w = w * 10 + (s[i] - '0');
	if (!digits || s[i])
		return -1;
	struct iso_week r = { y, w };
	if (!iso_week_monday(r))
		return -1;
	*out = r;
	return 0;
}

void iso_week_format(struct iso_week w, char out[12])
{
	snprintf(out, 12, "%04d-W%02d", w.year % 10000, w.week % 100);
}

int day_minutes_parse(const char *s)
{
	if (!s)
		return -1;
	int h = 0, m = 0, i = 0, d = 0;
	for (; s[i] >= '0' && s[i] <= '9' && d < 2; i++, d++)
		h = h * 10 + (s[i] - '0');
	if (!d)
		return -1;
	if (s[i] == 'h' || s[i] == 'H' || s[i] == ':' || s[i] == 'g' || s[i] == 'G') {
		i++;
		d = 0;
		for (; s[i] >= '0' && s[i] <= '9' && d < 2; i++, d++)
			m = m * 10 + (s[i] - '0');
		if (d == 1) /* "7h5" is no time */
			return -1;
		if (!d && (s[i - 1] == ':'))
			return -1;
	} else {
		return -1; /* a bare "7" is ambiguous */
	}
	if (s[i] || h > 23 || m > 59)
		return -1;
	return h * 60 + m;
}
