/* log.c — stderr logger; each record is written with one write() so threads don't interleave.
 * Text (default): "TIME LEVEL message". JSON (log_set_json): one object a line,
 * {"time":"…","level":"…","msg":"…"}, for journald/Loki/Elasticsearch collectors. */
#include "log.h"
#include "sb.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static enum log_level min_level = LOG_INFO;
static int json_lines;

void log_set_level(enum log_level lvl)
{
	min_level = lvl;
}

void log_set_json(int on)
{
	json_lines = on;
}

/* MSG as a JSON string's content: quotes, backslashes and control characters escaped; a message
 * that is not UTF-8 (bytes of a request) has its non-ASCII bytes printed as '?'. */
static void add_json_text(struct sb *b, const char *msg, size_t len)
{
	int valid = utf8_valid(msg, len);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)msg[i];
		if (c == '"' || c == '\\') {
			sb_addc(b, '\\');
			sb_addc(b, (char)c);
		} else if (c < 0x20 || c == 0x7f) {
			sb_addf(b, "\\u%04x", c);
		} else if (c >= 0x80 && !valid) {
			sb_addc(b, '?');
		} else {
			sb_addc(b, (char)c);
		}
	}
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
	if (json_lines) {
		struct sb m = SB_INIT;
		va_start(ap, fmt);
		sb_vaddf(&m, fmt, ap);
		va_end(ap);
		sb_addf(&b, "{\"time\":\"%s\",\"level\":\"%s\",\"msg\":\"", ts, names[lvl]);
		add_json_text(&b, m.buf, m.len);
		sb_adds(&b, "\"}\n");
		sb_release(&m);
	} else {
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
	}
	ssize_t w = write(STDERR_FILENO, b.buf, b.len);
	(void)w;
	sb_release(&b);
}
