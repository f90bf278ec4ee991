/* util.h — allocation wrappers, overflow-checked size arithmetic, BUG(), small helpers. */
#ifndef CONG_UTIL_H
#define CONG_UTIL_H

#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

_Noreturn void bug_at(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#define BUG(...) bug_at(__FILE__, __LINE__, __VA_ARGS__)

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

static inline size_t st_add(size_t a, size_t b)
{
	if (a > SIZE_MAX - b)
		BUG("size_t overflow: %zu + %zu", a, b);
	return a + b;
}

static inline size_t st_mult(size_t a, size_t b)
{
	if (b && a > SIZE_MAX / b)
		BUG("size_t overflow: %zu * %zu", a, b);
	return a * b;
}

/* Strict decimal parse of a whole string into [min,max]; 0 on success, -1 otherwise. */
int parse_i64(const char *s, int64_t min, int64_t max, int64_t *out);

/* Vietnam time (UTC+7, no DST since 1975): "dd/mm/yyyy HH:MM" and ISO 8601 with offset. */
void time_format_vn(int64_t t, char *buf, size_t n);
void time_format_vn_date(int64_t t, char *buf, size_t n);
void time_format_iso(int64_t t, char *buf, size_t n);
/* The same as RFC 822/5322 dates have it ("Sun, 22 Nov 2026 10:00:00 +0700"): mail's Date, RSS. */
void time_format_rfc822(int64_t t, char *buf, size_t n);
/* Parses "dd/mm/yyyy[ HH:MM]" or "yyyy-mm-ddTHH:MM" (HTML datetime-local) as Vietnam time. */
int time_parse_vn(const char *s, int64_t *out);
int64_t time_now(void);
/* Makes time_now() answer T from now on (0: the real clock again): `--now` of a command, tests. */
void time_fix(int64_t t);

#endif
