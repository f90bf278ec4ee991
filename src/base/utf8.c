/* utf8.c — thin layer over utf8proc: we never decode or compose by hand (validation excepted,
 * see utf8_valid). */
#include "utf8.h"
#include "util.h"
#include "sb.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

/* Checked by hand, not with utf8proc_iterate: every string a public page shows passes here
 * (json_stringn checks nothing after it), and most of it is ASCII, taken 8 bytes at a time.
 * The ranges are those of RFC 3629 §4 (no overlong forms, no surrogates, nothing above
 * U+10FFFF); tests/unit/test_base.c compares this with utf8proc on every short sequence. */
int utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		/* a run of ASCII: whole words while they last, then byte by byte */
		while (end - p >= 8) {
			uint64_t v;
			memcpy(&v, p, 8);
			/* eight ASCII bytes, none of them NUL */
			if ((v & 0x8080808080808080ULL) || ((v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL))
				break;
			p += 8;
		}
		while (p < end && *p && *p < 0x80)
			p++;
		if (p == end)
			break;
		unsigned c = *p;
		size_t n;
		unsigned lo = 0x80, hi = 0xbf; /* the second byte's range */
		if (c >= 0xc2 && c <= 0xdf)
			n = 2;
		else if (c >= 0xe0 && c <= 0xef)
			n = 3, lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 4, lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
		else
			return 0; /* NUL, a continuation byte, or no UTF-8 lead byte */
		if ((size_t)(end - p) < n || p[1] < lo || p[1] > hi)
			return 0;
		for (size_t i = 2; i < n; i++)
			if ((p[i] & 0xc0) != 0x80)
				return 0;
		p += n;
	}
	return 1;
}

char *utf8_nfc(const char *s, size_t len)
{
	struct sb clean = SB_INIT;
	utf8proc_uint8_t *out = NULL;
	char *r;

	if (!utf8_valid(s, len))
		return NULL;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\r') {
			sb_addc(&clean, '\n');
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else if (c < 0x20 && c != '\t' && c != '\n') {
			continue;
		} else if (c == 0x7f) {
			continue;
		} else {
			sb_addc(&clean, (char)c);
		}
	}
	if (!clean.len) {
		sb_release(&clean);
		return xstrdup("");
	}
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)clean.buf, (utf8proc_ssize_t)clean.len,
					  &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	sb_release(&clean);
	if (n < 0)
		return NULL;
	r = xstrndup((const char *)out, (size_t)n);
	free(out);
	return r;
}

size_t utf8_length(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

char *utf8_ellipsize(const char *s, size_t max)
{
	size_t n = 0, i;
	for (i = 0; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (n == max)
				break;
			n++;
		}
	}
	if (!s[i])
		return xstrdup(s);
	/* back off to a word boundary when one is near */
	size_t cut = i;
	for (size_t j = i; j > 0 && i - j < 40; j--)
		if (s[j] == ' ') {
			cut = j;
			break;
		}
	struct sb b = SB_INIT;
	sb_add(&b, s, cut);
	sb_adds(&b, "…");
	return sb_detach(&b, NULL);
}
