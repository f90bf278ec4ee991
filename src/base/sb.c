/* sb.c — string builder; see sb.h for the invariants. */
#include "sb.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char sb_empty[1] = "";

void sb_init(struct sb *sb)
{
	sb->buf = (char *)sb_empty;
	sb->len = sb->cap = 0;
}

void sb_release(struct sb *sb)
{
	if (sb->cap)
		free(sb->buf);
	sb_init(sb);
}

void sb_reset(struct sb *sb)
{
	if (sb->cap) {
		sb->len = 0;
		sb->buf[0] = '\0';
	}
}

char *sb_detach(struct sb *sb, size_t *len)
{
	char *r;
	if (len)
		*len = sb->len;
	if (!sb->cap)
		r = xstrdup("");
	else
		r = sb->buf;
	sb_init(sb);
	return r;
}

void sb_grow(struct sb *sb, size_t extra)
{
	size_t need = st_add(st_add(sb->len, extra), 1);
	if (need <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < need)
		cap = st_mult(cap, 2);
	if (!sb->cap) {
		sb->buf = xmalloc(cap);
		sb->buf[0] = '\0';
	} else {
		sb->buf = xrealloc(sb->buf, cap);
	}
	sb->cap = cap;
}

void sb_add_grow(struct sb *sb, const void *data, size_t len)
{
	if (!len)
		return;
	sb_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void sb_adds(struct sb *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_addc(struct sb *sb, char c)
{
	sb_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

void sb_vaddf(struct sb *sb, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		BUG("vsnprintf failed for format %s", fmt);
	sb_grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void sb_addf(struct sb *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
}

void sb_truncate(struct sb *sb, size_t len)
{
	if (len > sb->len)
		BUG("sb_truncate beyond length (%zu > %zu)", len, sb->len);
	if (sb->cap) {
		sb->len = len;
		sb->buf[len] = '\0';
	}
}

/* Every page's text goes through here. Most of it needs no escape: eight bytes at a time are
 * checked for any of the five characters at once (a byte equal to C makes x ^ C have a zero
 * byte, which the usual bit trick finds), and runs are copied in one piece. */
#define ONES 0x0101010101010101ULL
#define HAS_ZERO(x) (((x) - ONES) & ~(x) & (ONES * 0x80))
#define HAS_BYTE(x, c) HAS_ZERO((x) ^ (ONES * (unsigned char)(c)))

void sb_add_html(struct sb *sb, const char *s, size_t len)
{
	size_t i = 0, start = 0;
	sb_grow(sb, len);
	while (i < len) {
		if (len - i >= 8) {
			uint64_t v;
			memcpy(&v, s + i, 8);
			if (!(HAS_BYTE(v, '&') | HAS_BYTE(v, '<') | HAS_BYTE(v, '>') | HAS_BYTE(v, '"') | HAS_BYTE(v, '\''))) {
				i += 8;
				continue;
			}
		}
		const char *rep;
		size_t n;
		switch (s[i]) {
		case '&': rep = "&amp;", n = 5; break;
		case '<': rep = "&lt;", n = 4; break;
		case '>': rep = "&gt;", n = 4; break;
		case '"': rep = "&quot;", n = 6; break;
		case '\'': rep = "&#39;", n = 5; break;
		default: i++; continue;
		}
		sb_add(sb, s + start, i - start);
		sb_add(sb, rep, n);
		start = ++i;
	}
	sb_add(sb, s + start, len - start);
}

/* The length of the well-formed UTF-8 sequence at S (at most N bytes; S[0] >= 0x80) that XML
 * 1.0 allows, or 0 when it is malformed, overlong, a surrogate, beyond U+10FFFF or U+FFFE/FFFF. */
static size_t xml_char_len(const unsigned char *s, size_t n)
{
	size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
	if (!len || s[0] > 0xF4 || len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if (len == 3) {
		if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0)) /* overlong, surrogate */
			return 0;
		if (s[0] == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF)) /* U+FFFE, U+FFFF */
			return 0;
	} else if (len == 4) {
		if ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90)) /* overlong, > U+10FFFF */
			return 0;
	}
	return len;
}

void sb_add_xml(struct sb *sb, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, start = 0;
	sb_grow(sb, len);
	while (i < len) {
		unsigned char c = u[i];
		const char *rep = NULL;
		size_t n = 0;
		if (c >= 0x80) {
			size_t cl = xml_char_len(u + i, len - i);
			if (cl) {
				i += cl;
				continue;
			}
		} else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
			switch (c) {
			case '&': rep = "&amp;", n = 5; break;
			case '<': rep = "&lt;", n = 4; break;
			case '>': rep = "&gt;", n = 4; break;
			case '"': rep = "&quot;", n = 6; break;
			case '\'': rep = "&apos;", n = 6; break;
			default: i++; continue;
			}
		}
		/* an escape, or one byte XML cannot carry (REP NULL): dropped */
		sb_add(sb, s + start, i - start);
		if (rep)
			sb_add(sb, rep, n);
		start = ++i;
	}
	sb_add(sb, s + start, len - start);
}

void sb_add_urlenc(struct sb *sb, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~') {
			sb_addc(sb, (char)c);
		} else {
			sb_addc(sb, '%');
			sb_addc(sb, hex[c >> 4]);
			sb_addc(sb, hex[c & 15]);
		}
	}
}
