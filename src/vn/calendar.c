/* calendar.c — Gregorian day numbers, the Vietnamese lunar calendar, the holidays of Bộ luật Lao
 * động 2019 and the working-day calendar. The lunar part follows Hồ Ngọc Đức's published method
 * (month 11 holds the winter solstice, the leap month is the first without a major solar term,
 * days counted in UTC+7) with the new moons of Meeus's full series and the Sun's apparent
 * longitude from "Astronomical Algorithms" (see docs/calendar.md for why the full series). */
#include "calendar.h"
#include "base/util.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define TZ_HOURS 7.0          /* Vietnam: 105° East */
#define JDN_1970 2440588      /* Julian day number of 1970-01-01 */
#define SYNODIC 29.530588853  /* mean lunation in days */
#define NEW_MOON_1900 2415021.076998695 /* Julian date of the mean new moon k = 0 (Jan 1900) */

/* ---- Gregorian dates ---- */

static int leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && leap_year(y) ? 29 : d[m - 1];
}

int vn_date_valid(vn_date d)
{
	return d.y >= 1 && d.y <= 9999 && d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= month_days(d.y, d.m);
}

/* Day counts of a 400-year cycle, after H. Hinnant's "chrono-compatible low-level date
 * algorithms": the year is taken to start on 1 March so that the leap day comes last. */
int32_t vn_date_to_days(vn_date d)
{
	int64_t y = d.y - (d.m <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

vn_date vn_days_to_date(int32_t days)
{
	int64_t z = (int64_t)days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	vn_date r;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

int vn_weekday(int32_t days)
{
	return (int)(((int64_t)days % 7 + 7 + 4) % 7); /* 1970-01-01 was a Thursday */
}

const char *vn_weekday_name(int weekday)
{
	static const char *const names[] = { "Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
					     "Thứ Năm", "Thứ Sáu", "Thứ Bảy" };
	return weekday >= 0 && weekday < 7 ? names[weekday] : "";
}

static int digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int vn_date_parse(const char *s, vn_date *out)
{
	vn_date d;
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || digits(s, 4, &d.y) ||
	    digits(s + 5, 2, &d.m) || digits(s + 8, 2, &d.d) || !vn_date_valid(d))
		return -1;
	*out = d;
	return 0;
}

void vn_date_format(vn_date d, char out[11])
{
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 100u, (unsigned)d.d % 100u);
}

void vn_day_dmy(int32_t day, char out[11])
{
	vn_date d = vn_days_to_date(day);
	snprintf(out, 11, "%02u/%02u/%04u", (unsigned)d.d % 100u, (unsigned)d.m % 100u, (unsigned)d.y % 10000u);
}

int32_t vn_days_of_time(int64_t t)
{
	/* floor((t + 7 h) / 1 day) without adding to T, which may be any value */
	int64_t day = t / 86400, sec = t % 86400;
	if (sec < 0) {
		sec += 86400;
		day--;
	}
	if (sec + (int64_t)(TZ_HOURS * 3600) >= 86400)
		day++;
	if (day > INT32_MAX || day < INT32_MIN)
		return day > 0 ? INT32_MAX : INT32_MIN;
	return (int32_t)day;
}

int64_t vn_time_of_days(int32_t days)
{
	return (int64_t)days * 86400 - (int64_t)(TZ_HOURS * 3600);
}

static int32_t year_start(int y)
{
	return vn_date_to_days((vn_date){ y, 1, 1 });
}

static int32_t range_first(void)
{
	return year_start(VN_YEAR_MIN);
}

static int32_t range_last(void)
{
	return year_start(VN_YEAR_MAX + 1) - 1;
}

static int in_range(int32_t day)
{
	return day >= range_first() && day <= range_last();
}

/* ---- astronomy ---- */

#define PI 3.14159265358979323846
#define DEG (PI / 180)

/* ΔT = TT − UT in seconds at decimal year Y: the polynomials of Espenak and Meeus ("Five
 * Millennium Canon of Solar Eclipses", NASA 2006) for the years around our range. */
static double delta_t(double y)
{
	double t;
	if (y < 1900) {
		t = y - 1860;
		return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * pow(t, 3) - 0.0004473624 * pow(t, 4) +
		       pow(t, 5) / 233174;
	}
	if (y < 1920) {
		t = y - 1900;
		return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * pow(t, 3) - 0.000197 * pow(t, 4);
	}
	if (y < 1941) {
		t = y - 1920;
		return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * pow(t, 3);
	}
	if (y < 1961) {
		t = y - 1950;
		return 29.07 + 0.407 * t - t * t / 233 + pow(t, 3) / 2547;
	}
	if (y < 1986) {
		t = y - 1975;
		return 45.45 + 1.067 * t - t * t / 260 - pow(t, 3) / 718;
	}
	if (y < 2005) {
		t = y - 2000;
		return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * pow(t, 3) + 0.000651814 * pow(t, 4) +
		       0.00002373599 * pow(t, 5);
	}
	if (y < 2050) {
		t = y - 2000;
		return 62.92 + 0.32217 * t + 0.005589 * t * t;
	}
	t = (y - 1820) / 100;
	return -20 + 32 * t * t - 0.5628 * (2150 - y);
}

static double delta_t_days(double jd)
{
	return delta_t(2000 + (jd - 2451545.0) / 365.25) / 86400;
}

/* Periodic terms of the true new moon (Meeus ch. 49): coefficient in days, the power of E (the
 * eccentricity factor) it is multiplied by, and the multiples of M (the Sun's mean anomaly), M'
 * (the Moon's), F (the Moon's argument of latitude) and Ω (its ascending node). */
static const struct {
	double c;
	int e, m, mp, f, om;
} moon_terms[] = {
	{ -0.40720, 0, 0, 1, 0, 0 },  { 0.17241, 1, 1, 0, 0, 0 },   { 0.01608, 0, 0, 2, 0, 0 },
	{ 0.01039, 0, 0, 0, 2, 0 },   { 0.00739, 1, -1, 1, 0, 0 },  { -0.00514, 1, 1, 1, 0, 0 },
	{ 0.00208, 2, 2, 0, 0, 0 },   { -0.00111, 0, 0, 1, -2, 0 }, { -0.00057, 0, 0, 1, 2, 0 },
	{ 0.00056, 1, 1, 2, 0, 0 },   { -0.00042, 0, 0, 3, 0, 0 },  { 0.00042, 1, 1, 0, 2, 0 },
	{ 0.00038, 1, 1, 0, -2, 0 },  { -0.00024, 1, -1, 2, 0, 0 }, { -0.00017, 0, 0, 0, 0, 1 },
	{ -0.00007, 0, 2, 1, 0, 0 },  { 0.00004, 0, 0, 2, -2, 0 },  { 0.00004, 0, 3, 0, 0, 0 },
	{ 0.00003, 0, 1, 1, -2, 0 },  { 0.00003, 0, 0, 2, 2, 0 },   { -0.00003, 0, 1, 1, 2, 0 },
	{ 0.00003, 0, -1, 1, 2, 0 },  { -0.00002, 0, -1, 1, -2, 0 }, { -0.00002, 0, 1, 3, 0, 0 },
	{ 0.00002, 0, 0, 4, 0, 0 },
};

/* The planetary arguments: coefficient, and the argument's value at k = 0 and its rate per
 * lunation (the first also has −0.009173 T²). */
static const double planet_terms[][3] = {
	{ 0.000325, 299.77, 0.107408 }, { 0.000165, 251.88, 0.016321 }, { 0.000164, 251.83, 26.651886 },
	{ 0.000126, 349.42, 36.412478 }, { 0.000110, 84.66, 18.206239 }, { 0.000062, 141.74, 53.303771 },
	{ 0.000060, 207.14, 2.453732 },  { 0.000056, 154.84, 7.306860 }, { 0.000047, 34.52, 27.261239 },
	{ 0.000042, 207.19, 0.121824 },  { 0.000040, 291.34, 1.844379 }, { 0.000037, 161.72, 24.198154 },
	{ 0.000035, 239.56, 25.513099 }, { 0.000023, 331.55, 3.592518 },
};

/* Julian date (UT) of new moon number K, counted from the one of January 1900 (as in Hồ Ngọc
 * Đức's programs); Meeus counts from 2000-01-06, 1237 lunations later. */
static double new_moon(int k1900)
{
	double k = k1900 - 1237, T = k / 1236.85, T2 = T * T, T3 = T2 * T, T4 = T3 * T;
	double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.000000150 * T3 + 0.00000000073 * T4;
	double E = 1 - 0.002516 * T - 0.0000074 * T2;
	double M = (2.5534 + 29.10535670 * k - 0.0000014 * T2 - 0.00000011 * T3) * DEG;
	double Mp = (201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4) * DEG;
	double F = (160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4) * DEG;
	double Om = (124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3) * DEG;
	const double Ep[] = { 1, E, E * E };
	for (size_t i = 0; i < ARRAY_SIZE(moon_terms); i++)
		jde += moon_terms[i].c * Ep[moon_terms[i].e] *
		       sin(moon_terms[i].m * M + moon_terms[i].mp * Mp + moon_terms[i].f * F + moon_terms[i].om * Om);
	for (size_t i = 0; i < ARRAY_SIZE(planet_terms); i++)
		jde += planet_terms[i][0] *
		       sin((planet_terms[i][1] + planet_terms[i][2] * k - (i == 0 ? 0.009173 * T2 : 0)) * DEG);
	return jde - delta_t_days(jde);
}

/* The Sun's apparent longitude at Julian date JD (UT), in radians, 0 ≤ λ < 2π (Meeus ch. 25,
 * to about 0.01°: a quarter of an hour of the Sun's motion). */
static double sun_longitude(double jd)
{
	double T = (jd + delta_t_days(jd) - 2451545.0) / 36525, T2 = T * T;
	double M = (357.52911 + 35999.05029 * T - 0.0001537 * T2) * DEG;
	double L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T2;
	double C = (1.914602 - 0.004817 * T - 0.000014 * T2) * sin(M) + (0.019993 - 0.000101 * T) * sin(2 * M) +
		   0.000289 * sin(3 * M);
	double om = (125.04 - 1934.136 * T) * DEG;
	double L = (L0 + C - 0.00569 - 0.00478 * sin(om)) * DEG;
	return L - 2 * PI * floor(L / (2 * PI));
}

/* The Julian day number of the local day holding new moon K. */
static int32_t new_moon_day(int k)
{
	return (int32_t)floor(new_moon(k) + 0.5 + TZ_HOURS / 24);
}

/* Which 30° sector the Sun is in at the local start of day JDN: 0 from the March equinox, 9
 * from the winter solstice. A month whose first day and the next month's first day lie in the
 * same sector holds no major solar term (trung khí). */
static int sun_sector(int32_t jdn)
{
	return (int)floor(sun_longitude(jdn - 0.5 - TZ_HOURS / 24) / PI * 6);
}

/* The first day (JDN) of lunar month 11 of year YY: the month holding the winter solstice. */
static int32_t month11(int yy)
{
	int32_t off = vn_date_to_days((vn_date){ yy, 12, 31 }) + JDN_1970 - 2415021;
	int k = (int)floor(off / SYNODIC);
	int32_t nm = new_moon_day(k);
	if (sun_sector(nm) >= 9) /* the month starting then begins after the solstice */
		nm = new_moon_day(k - 1);
	return nm;
}

/* In a 13-month year starting at month 11 A11: how many months after A11 the leap month comes,
 * the first one without a major solar term. */
static int leap_offset(int32_t a11)
{
	int k = (int)floor((a11 - NEW_MOON_1900) / SYNODIC + 0.5);
	int i = 1, arc = sun_sector(new_moon_day(k + 1)), last;
	do {
		last = arc;
		i++;
		arc = sun_sector(new_moon_day(k + i));
	} while (arc != last && i < 14);
	return i - 1;
}

static void solar_to_lunar_jdn(int32_t jdn, int yy, vn_lunar *out)
{
	/* the month holding JDN: the mean lunation is a guess the true new moons stray from by
	 * up to about 14 hours either way */
	int k = (int)floor((jdn - NEW_MOON_1900) / SYNODIC);
	while (new_moon_day(k) > jdn)
		k--;
	while (new_moon_day(k + 1) <= jdn)
		k++;
	int32_t start = new_moon_day(k);
	int32_t a11 = month11(yy), b11 = a11;
	if (a11 >= start) {
		out->y = yy;
		a11 = month11(yy - 1);
	} else {
		out->y = yy + 1;
		b11 = month11(yy + 1);
	}
	out->d = jdn - start + 1;
	int diff = (int)floor((start - a11) / 29.0); /* months since month 11 */
	out->leap = 0;
	out->m = diff + 11;
	if (b11 - a11 > 365) { /* 13 months between the solstices */
		int lo = leap_offset(a11);
		if (diff >= lo) {
			out->m = diff + 10;
			out->leap = diff == lo;
		}
	}
	if (out->m > 12)
		out->m -= 12;
	if (out->m >= 11 && diff < 4)
		out->y--;
}

/* The JDN of lunar date L without checking that it exists; -1 for a leap month the year does
 * not have. */
static int32_t lunar_to_jdn(vn_lunar l)
{
	int32_t a11, b11;
	if (l.m < 11) {
		a11 = month11(l.y - 1);
		b11 = month11(l.y);
	} else {
		a11 = month11(l.y);
		b11 = month11(l.y + 1);
	}
	int k = (int)floor(0.5 + (a11 - NEW_MOON_1900) / SYNODIC);
	int off = l.m - 11;
	if (off < 0)
		off += 12;
	if (b11 - a11 > 365) {
		int lo = leap_offset(a11), leap_month = lo - 2;
		if (leap_month < 0)
			leap_month += 12;
		if (l.leap && l.m != leap_month)
			return -1;
		if (l.leap || off >= lo)
			off++;
	} else if (l.leap) {
		return -1;
	}
	return new_moon_day(k + off) + l.d - 1;
}

int vn_solar_to_lunar(vn_date d, vn_lunar *out)
{
	if (!vn_date_valid(d) || d.y < VN_YEAR_MIN || d.y > VN_YEAR_MAX)
		return -1;
	solar_to_lunar_jdn(vn_date_to_days(d) + JDN_1970, d.y, out);
	return 0;
}

int vn_lunar_to_solar(vn_lunar l, vn_date *out)
{
	vn_lunar back;
	if (l.y < VN_YEAR_MIN - 1 || l.y > VN_YEAR_MAX || l.m < 1 || l.m > 12 || l.d < 1 || l.d > 30 ||
	    (l.leap != 0 && l.leap != 1))
		return -1;
	int32_t jdn = lunar_to_jdn(l);
	if (jdn < 0 || !in_range(jdn - JDN_1970))
		return -1;
	vn_date d = vn_days_to_date(jdn - JDN_1970);
	/* a day 30 of a 29-day month is the next month's day 1: it names no day */
	if (vn_solar_to_lunar(d, &back) || back.y != l.y || back.m != l.m || back.d != l.d || back.leap != l.leap)
		return -1;
	*out = d;
	return 0;
}

/* ---- holidays by the rules ---- */

enum { H_NEW_YEAR, H_TET, H_HUNG_KINGS, H_VICTORY, H_LABOUR, H_NATIONAL };
static const char *const holiday_names[][2] = {
	[H_NEW_YEAR] = { "Tết Dương lịch", "nghỉ bù Tết Dương lịch" },
	[H_TET] = { "Tết Nguyên đán", "nghỉ bù Tết Nguyên đán" },
	[H_HUNG_KINGS] = { "Giỗ Tổ Hùng Vương", "nghỉ bù Giỗ Tổ Hùng Vương" },
	[H_VICTORY] = { "Ngày Chiến thắng", "nghỉ bù Ngày Chiến thắng" },
	[H_LABOUR] = { "Quốc tế Lao động", "nghỉ bù Quốc tế Lao động" },
	[H_NATIONAL] = { "Quốc khánh", "nghỉ bù Quốc khánh" },
};

struct hlist {
	struct vn_holiday h[VN_HOLIDAYS_MAX];
	int kind[VN_HOLIDAYS_MAX];
	int n;
};

static int hlist_has(const struct hlist *l, int32_t day)
{
	for (int i = 0; i < l->n; i++)
		if (l->h[i].day == day)
			return 1;
	return 0;
}

/* Adds a day in date order. Two holidays on one day (10/3 lunar can be 30/4 or 1/5) make one
 * day off, named after the first: the Code gives no extra day for that. */
static void hlist_add(struct hlist *l, int32_t day, int kind, int substitute)
{
	if (hlist_has(l, day))
		return;
	if (l->n >= VN_HOLIDAYS_MAX)
		BUG("more than %d holidays in a year", VN_HOLIDAYS_MAX);
	int i = l->n++;
	for (; i > 0 && l->h[i - 1].day > day; i--) {
		l->h[i] = l->h[i - 1];
		l->kind[i] = l->kind[i - 1];
	}
	l->h[i].day = day;
	l->h[i].name = holiday_names[kind][substitute];
	l->h[i].substitute = substitute;
	l->kind[i] = kind;
}

static int weekend(int32_t day)
{
	int wd = vn_weekday(day);
	return wd == 0 || wd == 6;
}

/* The day joined to 2/9 (Đ112.3: the Prime Minister picks it each year): 1/9 when it is a Monday
 * or when 3/9 falls on a weekend, else 3/9. Each pick joins the holiday to a weekend when one
 * can; it gives the announced days of 2021–2025. */
static int32_t national_day_pair(int year)
{
	int32_t sep1 = vn_date_to_days((vn_date){ year, 9, 1 }), sep3 = sep1 + 2;
	return vn_weekday(sep1) == 1 || weekend(sep3) ? sep1 : sep3;
}

int vn_holidays(int year, struct vn_holiday out[VN_HOLIDAYS_MAX])
{
	struct hlist base = { .n = 0 }, all;
	if (year < VN_YEAR_MIN || year > VN_YEAR_MAX)
		return -1;
	hlist_add(&base, year_start(year), H_NEW_YEAR, 0);
	int32_t tet = lunar_to_jdn((vn_lunar){ year, 1, 1, 0 }) - JDN_1970;
	for (int32_t d = tet - 1; d <= tet + 3; d++)
		hlist_add(&base, d, H_TET, 0);
	hlist_add(&base, lunar_to_jdn((vn_lunar){ year, 3, 10, 0 }) - JDN_1970, H_HUNG_KINGS, 0);
	hlist_add(&base, vn_date_to_days((vn_date){ year, 4, 30 }), H_VICTORY, 0);
	hlist_add(&base, vn_date_to_days((vn_date){ year, 5, 1 }), H_LABOUR, 0);
	hlist_add(&base, vn_date_to_days((vn_date){ year, 9, 2 }), H_NATIONAL, 0);
	hlist_add(&base, national_day_pair(year), H_NATIONAL, 0);
	/* Đ111.3: a holiday on a weekly rest day gives the next working day, in date order, each
	 * substitute skipping the holidays and the substitutes already given */
	all = base;
	for (int i = 0; i < base.n; i++) {
		if (!weekend(base.h[i].day))
			continue;
		int32_t d = base.h[i].day + 1;
		while (weekend(d) || hlist_has(&all, d))
			d++;
		hlist_add(&all, d, base.kind[i], 1);
	}
	memcpy(out, all.h, sizeof(all.h[0]) * (size_t)all.n);
	return all.n;
}

/* The rule days off of every year, computed once per process (each year costs a few lunar
 * conversions) and read-only afterwards: a bit per day of the year. */
#define NYEARS (VN_YEAR_MAX - VN_YEAR_MIN + 1)
static uint8_t rule_off[NYEARS][(366 + 7) / 8];
static pthread_once_t rule_once = PTHREAD_ONCE_INIT;

static void rule_build(void)
{
	struct vn_holiday h[VN_HOLIDAYS_MAX];
	for (int y = VN_YEAR_MIN; y <= VN_YEAR_MAX; y++) {
		int n = vn_holidays(y, h);
		int32_t first = year_start(y);
		for (int i = 0; i < n; i++) {
			int32_t off = h[i].day - first;
			if (off < 0 || off > 365)
				BUG("holiday of %d outside the year", y);
			rule_off[y - VN_YEAR_MIN][off / 8] |= (uint8_t)(1u << (off % 8));
		}
	}
}

static int rule_is_off(int year, int32_t day)
{
	int32_t off = day - year_start(year);
	pthread_once(&rule_once, rule_build);
	return (rule_off[year - VN_YEAR_MIN][off / 8] >> (off % 8)) & 1;
}

/* ---- the working-day calendar ---- */

struct entry {
	int32_t day;
	enum vn_day_kind kind;
	char *name;
};

struct vn_calendar {
	struct entry *a; /* sorted by day, one per day */
	size_t n, cap;
};

struct vn_calendar *vn_calendar_new(void)
{
	return xcalloc(1, sizeof(struct vn_calendar));
}

void vn_calendar_free(struct vn_calendar *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->a[i].name);
	free(c->a);
	free(c);
}

/* Index of the first entry on or after DAY. */
static size_t lower_bound(const struct vn_calendar *c, int32_t day)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->a[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int vn_calendar_set(struct vn_calendar *c, int32_t day, enum vn_day_kind kind, const char *name)
{
	if (!c || !in_range(day) || (kind != VN_DAY_OFF && kind != VN_DAY_WORK))
		return -1;
	size_t i = lower_bound(c, day);
	if (i < c->n && c->a[i].day == day) {
		free(c->a[i].name);
	} else {
		if (c->n == c->cap) {
			c->cap = c->cap ? st_mult(c->cap, 2) : 16;
			c->a = xrealloc(c->a, st_mult(c->cap, sizeof(*c->a)));
		}
		memmove(c->a + i + 1, c->a + i, (c->n - i) * sizeof(*c->a));
		c->n++;
	}
	c->a[i].day = day;
	c->a[i].kind = kind;
	c->a[i].name = xstrdup(name ? name : "");
	return 0;
}

int vn_calendar_has_table(const struct vn_calendar *c, int year)
{
	if (!c || !c->n)
		return 0;
	size_t i = lower_bound(c, year_start(year));
	return i < c->n && c->a[i].day < year_start(year + 1);
}

int vn_calendar_is_working_day(const struct vn_calendar *c, int32_t day)
{
	if (!in_range(day))
		return -1;
	int year = vn_days_to_date(day).y;
	if (vn_calendar_has_table(c, year)) {
		size_t i = lower_bound(c, day);
		if (i < c->n && c->a[i].day == day)
			return c->a[i].kind == VN_DAY_WORK;
		return !weekend(day);
	}
	return !weekend(day) && !rule_is_off(year, day);
}

int vn_calendar_add(const struct vn_calendar *c, int32_t day, int n, int32_t *out)
{
	int step = n < 0 ? -1 : 1;
	if (n != 0 && !in_range(day))
		return -1;
	while (n != 0) {
		day += step;
		int w = vn_calendar_is_working_day(c, day);
		if (w < 0)
			return -1;
		if (w)
			n -= step;
	}
	*out = day;
	return 0;
}

int vn_calendar_count(const struct vn_calendar *c, int32_t from, int32_t to, int *out)
{
	int sign = 1, n = 0;
	if (to < from) {
		int32_t t = from;
		from = to;
		to = t;
		sign = -1;
	}
	if (from < range_first() - 1 || to > range_last())
		return -1;
	for (int32_t d = from + 1; d <= to; d++) {
		int w = vn_calendar_is_working_day(c, d);
		if (w < 0)
			return -1;
		n += w;
	}
	*out = sign * n;
	return 0;
}

int vn_calendar_working_days(const struct vn_calendar *c, int year)
{
	int n;
	if (year < VN_YEAR_MIN || year > VN_YEAR_MAX)
		return -1;
	if (vn_calendar_count(c, year_start(year) - 1, year_start(year + 1) - 1, &n))
		return -1;
	return n;
}

int vn_calendar_add_hours(const struct vn_calendar *c, int64_t t, int64_t hours, int64_t *out)
{
	/* bounded so that the seconds cannot overflow; the range ends the walk long before */
	if (hours < 0 || hours > (int64_t)24 * 366 * (NYEARS + 1))
		return -1;
	int64_t left = hours * 3600, cur = t;
	int32_t day = vn_days_of_time(t);
	if (!in_range(day))
		return -1;
	while (left > 0) {
		int w = vn_calendar_is_working_day(c, day);
		if (w < 0)
			return -1;
		int64_t end = vn_time_of_days(day + 1);
		if (w) {
			if (left <= end - cur) {
				cur += left;
				break;
			}
			left -= end - cur;
		}
		cur = end;
		day++;
	}
	*out = cur;
	return 0;
}

int vn_calendar_days(const struct vn_calendar *c, int year, struct vn_calendar_day *out, size_t max)
{
	size_t n = 0;
	if (year < VN_YEAR_MIN || year > VN_YEAR_MAX)
		return -1;
	if (vn_calendar_has_table(c, year)) {
		int32_t end = year_start(year + 1);
		for (size_t i = lower_bound(c, year_start(year)); i < c->n && c->a[i].day < end; i++, n++)
			if (n < max)
				out[n] = (struct vn_calendar_day){ c->a[i].day, c->a[i].kind, c->a[i].name, 0, 1 };
		return (int)n;
	}
	struct vn_holiday h[VN_HOLIDAYS_MAX];
	int k = vn_holidays(year, h);
	for (int i = 0; i < k; i++, n++)
		if (n < max)
			out[n] = (struct vn_calendar_day){ h[i].day, VN_DAY_OFF, h[i].name, h[i].substitute, 0 };
	return (int)n;
}
