/* util.c — allocation, BUG(), number and time helpers. */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>

void bug_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "BUG: %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		BUG("out of memory allocating %zu bytes", n);
	return p;
}

void *xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);
	if (!p)
		BUG("out of memory allocating %zu x %zu bytes", n, m);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		BUG("out of memory reallocating %zu bytes", n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *r = xmalloc(st_add(n, 1));
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

int parse_i64(const char *s, int64_t min, int64_t max, int64_t *out)
{
	char *end;
	long long v;
	if (!s || !*s || (*s != '-' && (*s < '0' || *s > '9')))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

#define VN_OFFSET (7 * 3600)

static void vn_tm(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)(t + VN_OFFSET);
	gmtime_r(&tt, tm);
}

/* T in Vietnam time as year, month, day, hours, minutes and seconds (H. Hinnant's
 * civil_from_days; proleptic Gregorian, as gmtime). Only those fields of TM are set. */
static void civil_vn(int64_t t, struct tm *tm)
{
	int64_t u = t + VN_OFFSET, days = u / 86400, rem = u % 86400;
	if (rem < 0) {
		rem += 86400;
		days--;
	}
	tm->tm_hour = (int)(rem / 3600);
	tm->tm_min = (int)(rem % 3600 / 60);
	tm->tm_sec = (int)(rem % 60);
	days += 719468;
	int64_t era = (days >= 0 ? days : days - 146096) / 146097;
	int64_t doe = days - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t month = mp < 10 ? mp + 3 : mp - 9;
	tm->tm_mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	tm->tm_mon = (int)month - 1;
	tm->tm_year = (int)(yoe + era * 400 + (month <= 2) - 1900);
}

/* Writes V as exactly WIDTH digits (pages show many dates: no strftime). */
static char *put_digits(char *p, int v, int width)
{
	for (int i = width - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + width;
}

/* Formats T (Vietnam time) as "dd/mm/yyyy", "dd/mm/yyyy HH:MM" or ISO 8601 with the offset;
 * years outside 1000..9999 go through strftime, which the short forms replace. */
enum vn_form { VN_DATE, VN_DATETIME, VN_ISO };

static void vn_format(int64_t t, enum vn_form form, char *buf, size_t n)
{
	char tmp[32], *p = tmp;
	struct tm tm;
	civil_vn(t, &tm); /* gmtime_r takes glibc's time zone lock: this is plain arithmetic */
	if (tm.tm_year + 1900 < 1000 || tm.tm_year + 1900 > 9999) {
		vn_tm(t, &tm);
		if (form == VN_DATE)
			strftime(buf, n, "%d/%m/%Y", &tm);
		else if (form == VN_DATETIME)
			strftime(buf, n, "%d/%m/%Y %H:%M", &tm);
		else
			strftime(buf, n, "%Y-%m-%dT%H:%M:%S+07:00", &tm);
		return;
	}
	if (form == VN_ISO) {
		p = put_digits(p, tm.tm_year + 1900, 4);
		*p++ = '-';
		p = put_digits(p, tm.tm_mon + 1, 2);
		*p++ = '-';
		p = put_digits(p, tm.tm_mday, 2);
		*p++ = 'T';
		p = put_digits(p, tm.tm_hour, 2);
		*p++ = ':';
		p = put_digits(p, tm.tm_min, 2);
		*p++ = ':';
		p = put_digits(p, tm.tm_sec, 2);
		memcpy(p, "+07:00", 6);
		p += 6;
	} else {
		p = put_digits(p, tm.tm_mday, 2);
		*p++ = '/';
		p = put_digits(p, tm.tm_mon + 1, 2);
		*p++ = '/';
		p = put_digits(p, tm.tm_year + 1900, 4);
		if (form == VN_DATETIME) {
			*p++ = ' ';
			p = put_digits(p, tm.tm_hour, 2);
			*p++ = ':';
			p = put_digits(p, tm.tm_min, 2);
		}
	}
	size_t len = (size_t)(p - tmp);
	if (!n)
		return;
	if (len >= n) /* as strftime: nothing useful fits */
		len = 0;
	memcpy(buf, tmp, len);
	buf[len] = '\0';
}

void time_format_vn(int64_t t, char *buf, size_t n)
{
	vn_format(t, VN_DATETIME, buf, n);
}

void time_format_vn_date(int64_t t, char *buf, size_t n)
{
	vn_format(t, VN_DATE, buf, n);
}

void time_format_iso(int64_t t, char *buf, size_t n)
{
	vn_format(t, VN_ISO, buf, n);
}

void time_format_rfc822(int64_t t, char *buf, size_t n)
{
	static const char *const wday[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	civil_vn(t, &tm);
	/* 1970-01-01 (day 0) was a Thursday */
	int64_t u = t + VN_OFFSET, days = u / 86400 - (u % 86400 < 0);
	int wd = (int)(((days % 7) + 7 + 4) % 7);
	snprintf(buf, n, "%s, %d %s %04d %02d:%02d:%02d +0700", wday[wd], tm.tm_mday, mon[tm.tm_mon],
		 tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static int days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

int time_parse_vn(const char *s, int64_t *out)
{
	int d, m, y, hh = 0, mm = 0, n = 0;
	struct tm tm;
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d%n", &y, &m, &d, &hh, &mm, &n) == 5 && !s[n]) {
		/* datetime-local */
	} else if (sscanf(s, "%2d/%2d/%4d %2d:%2d%n", &d, &m, &y, &hh, &mm, &n) == 5 && !s[n]) {
	} else if (hh = mm = 0, n = 0, sscanf(s, "%2d/%2d/%4d%n", &d, &m, &y, &n) == 3 && !s[n]) {
	} else if (n = 0, sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && !s[n]) {
	} else {
		return -1;
	}
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m) ||
	    hh < 0 || hh > 23 || mm < 0 || mm > 59)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = hh;
	tm.tm_min = mm;
	*out = (int64_t)timegm(&tm) - VN_OFFSET;
	return 0;
}

/* A fixed clock (0: the real one), set once by a command's --now or a test before any thread
 * starts; read with relaxed atomics so that a server thread never sees a torn value. */
static int64_t fixed_now;

int64_t time_now(void)
{
	int64_t f = __atomic_load_n(&fixed_now, __ATOMIC_RELAXED);
	return f ? f : (int64_t)time(NULL);
}

void time_fix(int64_t t)
{
	__atomic_store_n(&fixed_now, t, __ATOMIC_RELAXED);
}
