/* range.c — single byte ranges of files (range.h). */
#include "http/range.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/banned.h"

/* Digits at *P into *V (no sign, no overflow past 2^63); moves *P. 0 when at least one. */
static int digits(const char **p, uint64_t *v)
{
	const char *s = *p;
	uint64_t n = 0;
	if (*s < '0' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (n > (UINT64_C(1) << 62) / 10)
			return -1; /* absurdly large: not a range we could serve anyway */
		n = n * 10 + (uint64_t)(*s - '0');
	}
	*p = s;
	*v = n;
	return 0;
}

static const char *ows(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

enum range_result http_range_parse(const char *header, uint64_t size, uint64_t *first, uint64_t *last)
{
	const char *p;
	uint64_t a = 0, b = 0;
	int has_a, has_b;

	if (!header)
		return RANGE_NONE;
	p = ows(header);
	if (strncmp(p, "bytes", 5) != 0)
		return RANGE_NONE; /* another unit: ignored */
	p = ows(p + 5);
	if (*p != '=')
		return RANGE_NONE;
	p = ows(p + 1);
	has_a = digits(&p, &a) == 0;
	p = ows(p);
	if (*p != '-')
		return RANGE_NONE;
	p = ows(p + 1);
	has_b = digits(&p, &b) == 0;
	p = ows(p);
	if (*p == ',')
		return RANGE_NONE; /* several ranges: the whole file (range.h) */
	if (*p || (!has_a && !has_b))
		return RANGE_NONE;
	if (!has_a) { /* the last B bytes */
		if (b == 0 || size == 0)
			return RANGE_UNSATISFIABLE;
		*first = b >= size ? 0 : size - b;
		*last = size - 1;
		return RANGE_OK;
	}
	if (has_b && b < a)
		return RANGE_NONE; /* invalid: ignored (RFC 9110 §14.1.1) */
	if (a >= size)
		return RANGE_UNSATISFIABLE;
	*first = a;
	*last = !has_b || b >= size ? size - 1 : b;
	return RANGE_OK;
}

void http_file_etag(uint64_t size, int64_t mtime_ns, char *buf, unsigned n)
{
	snprintf(buf, n, "\"%llx-%llx\"", (unsigned long long)size, (unsigned long long)mtime_ns);
}

int http_if_range_ok(const char *if_range, const char *etag, int64_t mtime)
{
	if (!if_range)
		return 1;
	const char *p = ows(if_range);
	if (*p == '"')
		return strcmp(p, etag) == 0; /* a strong comparison: the exact tag */
	if (strncmp(p, "W/", 2) == 0)
		return 0; /* weak tags never match If-Range */
	struct tm tm;
	memset(&tm, 0, sizeof(tm));
	const char *end = strptime(p, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	if (!end || *ows(end))
		return 0;
	return (int64_t)timegm(&tm) == mtime; /* the date the file was last modified, exactly */
}
