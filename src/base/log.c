/* log.c — stderr logger; each record is written with one write() so threads don't interleave. */
#include "log.h"
#include "sb.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static enum log_level min_level = LOG_INFO;

void log_set_level(enum log_level lvl)
{
	min_level = lvl;
}

void log_msg(enum log_level lvl, const char *fmt, ...)
{
	static const char *names[] = { "debug", "info", "warn", "error" };
	struct sb b = SB_INIT;
	char ts[32];
	struct timespec now;
	struct tm tm;
	va_list ap;

	if (lvl < min_level)
		return;
	clock_gettime(CLOCK_REALTIME, &now);
	gmtime_r(&now.tv_sec, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	sb_addf(&b, "%s %s ", ts, names[lvl]);
	va_start(ap, fmt);
	size_t start = b.len;
	sb_vaddf(&b, fmt, ap);
	va_end(ap);
	/* one record, one line: a request path with "%0a" in it cannot forge another record */
	for (size_t i = start; i < b.len; i++)
		if ((unsigned char)b.buf[i] < 0x20 || b.buf[i] == 0x7f)
			b.buf[i] = '?';
	sb_addc(&b, '\n');
	ssize_t w = write(STDERR_FILENO, b.buf, b.len);
	(void)w;
	sb_release(&b);
}
