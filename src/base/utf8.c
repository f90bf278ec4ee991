/* utf8.c — thin layer over utf8proc: we never decode or compose by hand. */
#include "utf8.h"
#include "util.h"
#include "sb.h"

#include <string.h>
#include <utf8proc.h>

int utf8_valid(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t left = (utf8proc_ssize_t)len;
	while (left > 0) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
		if (n < 0 || cp == 0)
			return 0;
		p += n;
		left -= n;
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
