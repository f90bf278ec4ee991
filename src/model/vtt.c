/* vtt.c — WebVTT captions and transcripts checked before they are stored (vtt.h). */
#include "model/vtt.h"
#include "base/sb.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

/* The next line of [*P, END): its start and length without the line ending; moves *P past the
 * ending ("\r\n", "\r" or "\n"). 0 at the end. */
static int next_line(const char **p, const char *end, const char **line, size_t *n)
{
	const char *s = *p, *e = s;
	if (s >= end)
		return 0;
	while (e < end && *e != '\n' && *e != '\r')
		e++;
	*line = s;
	*n = (size_t)(e - s);
	if (e < end && *e == '\r') {
		e++;
		if (e < end && *e == '\n')
			e++;
	} else if (e < end) {
		e++;
	}
	*p = e;
	return 1;
}

static int has_arrow(const char *s, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++)
		if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>')
			return 1;
	return 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

size_t vtt_timestamp(const char *s, size_t len, int64_t *ms)
{
	size_t i = 0, d;
	int64_t parts[3];
	int np = 0;
	/* one to three groups of digits separated by ':', then '.' and three digits */
	for (;;) {
		int64_t v = 0;
		for (d = 0; i < len && is_digit(s[i]); i++, d++) {
			if (d >= 10)
				return 0;
			v = v * 10 + (s[i] - '0');
		}
		if (d == 0)
			return 0;
		if (np == 0 && d < 2)
			return 0;
		if (np > 0 && d != 2)
			return 0;
		parts[np++] = v;
		if (i < len && s[i] == ':' && np < 3) {
			i++;
			continue;
		}
		break;
	}
	if (np < 2 || i >= len || s[i] != '.')
		return 0;
	i++;
	if (i + 3 > len || !is_digit(s[i]) || !is_digit(s[i + 1]) || !is_digit(s[i + 2]))
		return 0;
	int64_t frac = (s[i] - '0') * 100 + (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
	i += 3;
	int64_t h = 0, m, sec;
	if (np == 3) {
		h = parts[0];
		m = parts[1];
		sec = parts[2];
	} else {
		if (parts[0] > 99)
			return 0; /* minutes are two digits when there are no hours */
		m = parts[0];
		sec = parts[1];
	}
	if (m > 59 || sec > 59)
		return 0;
	*ms = ((h * 60 + m) * 60 + sec) * 1000 + frac;
	return i;
}

/* A timing line: "start --> end" and optional settings after white space. */
static int timing_line(const char *s, size_t n, int64_t *start, int64_t *end)
{
	size_t i = vtt_timestamp(s, n, start), j;
	if (!i)
		return -1;
	j = i;
	while (j < n && (s[j] == ' ' || s[j] == '\t'))
		j++;
	if (j == i || j + 3 > n || memcmp(s + j, "-->", 3) != 0)
		return -1;
	i = j + 3;
	j = i;
	while (j < n && (s[j] == ' ' || s[j] == '\t'))
		j++;
	if (j == i)
		return -1;
	size_t k = vtt_timestamp(s + j, n - j, end);
	if (!k)
		return -1;
	j += k;
	if (j < n && s[j] != ' ' && s[j] != '\t')
		return -1;
	return 0;
}

static int starts_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n >= k && memcmp(s, w, k) == 0 && (n == k || s[k] == ' ' || s[k] == '\t');
}

/* Walks the file; TEXT (may be NULL) gets each cue's text. */
static int walk(const char *bytes, size_t len, struct vtt_result *r, struct sb *text)
{
	const char *p = bytes, *end = bytes + len, *line;
	size_t n, lineno = 0;
	int64_t prev_start = -1;

	memset(r, 0, sizeof(*r));
#define FAIL(key)               \
	do {                    \
		r->error = key; \
		r->line = lineno; \
		return -1;      \
	} while (0)
	if (!utf8_valid(bytes, len) || memchr(bytes, '\0', len)) {
		lineno = 1;
		FAIL("vtt_encoding");
	}
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	lineno = 1;
	if (!next_line(&p, end, &line, &n) || n < 6 || memcmp(line, "WEBVTT", 6) != 0 ||
	    (n > 6 && line[6] != ' ' && line[6] != '\t'))
		FAIL("vtt_signature");
	/* the header: lines up to the first blank one */
	while (next_line(&p, end, &line, &n)) {
		lineno++;
		if (!n)
			break;
		if (has_arrow(line, n))
			FAIL("vtt_header");
	}
	int seen_cue = 0;
	while (next_line(&p, end, &line, &n)) {
		lineno++;
		if (!n)
			continue;
		/* a block: this line and those up to a blank one */
		if (starts_word(line, n, "NOTE") || (!seen_cue && (starts_word(line, n, "STYLE") || starts_word(line, n, "REGION")))) {
			while (next_line(&p, end, &line, &n)) {
				lineno++;
				if (!n)
					break;
				if (has_arrow(line, n))
					FAIL("vtt_note_arrow");
			}
			continue;
		}
		if (!has_arrow(line, n)) { /* the cue's identifier: the timing must follow */
			if (!next_line(&p, end, &line, &n) || (lineno++, !has_arrow(line, n)))
				FAIL("vtt_timing");
		}
		int64_t start, stop;
		if (timing_line(line, n, &start, &stop))
			FAIL("vtt_timing");
		if (stop <= start)
			FAIL("vtt_end_before_start");
		if (start < prev_start)
			FAIL("vtt_order");
		prev_start = start;
		seen_cue = 1;
		r->cues++;
		if (stop > r->last_end)
			r->last_end = stop;
		int first = 1;
		while (next_line(&p, end, &line, &n)) {
			lineno++;
			if (!n)
				break;
			if (has_arrow(line, n))
				FAIL("vtt_timing"); /* a timing inside a cue: a blank line is missing */
			if (text) {
				sb_adds(text, first ? "" : " ");
				/* the text without its tags (<v Speaker>, <i>…) and with the entities read */
				int in_tag = 0;
				for (size_t i = 0; i < n; i++) {
					if (line[i] == '<')
						in_tag = 1;
					else if (line[i] == '>' && in_tag)
						in_tag = 0;
					else if (!in_tag)
						sb_addc(text, line[i]);
				}
			}
			first = 0;
		}
		if (text && !first)
			sb_addc(text, '\n');
	}
	lineno++;
	if (!r->cues)
		FAIL("vtt_no_cues");
#undef FAIL
	r->line = 0;
	r->error = NULL;
	return 0;
}

int vtt_check(const char *bytes, size_t len, struct vtt_result *r)
{
	return walk(bytes, len, r, NULL);
}

static void entity(struct sb *out, const char *from, const char *to)
{
	char *s = sb_detach(out, NULL);
	struct sb b = SB_INIT;
	size_t k = strlen(from);
	for (const char *p = s; *p;) {
		if (strncmp(p, from, k) == 0) {
			sb_adds(&b, to);
			p += k;
		} else {
			sb_addc(&b, *p++);
		}
	}
	free(s);
	*out = b;
}

char *vtt_text(const char *bytes, size_t len)
{
	struct vtt_result r;
	struct sb t = SB_INIT;
	if (walk(bytes, len, &r, &t)) {
		sb_release(&t);
		return NULL;
	}
	sb_adds(&t, "");
	entity(&t, "&lt;", "<");
	entity(&t, "&gt;", ">");
	entity(&t, "&nbsp;", "\xC2\xA0");
	entity(&t, "&amp;", "&");
	return sb_detach(&t, NULL);
}
