/* tone.c — one placement of the tone mark, so that "hoà" and "hòa", "thuỷ" and "thủy", "qúy" and
 * "quý" are the same word. Both placements are in use (the "old" one puts the tone on the first
 * vowel of oa/oe/uy); we keep the one on the second vowel, and "qu" + vowel carries it on the vowel. */
#include "slug.h"
#include "base/sb.h"
#include "base/util.h"
#include "vn/cp.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/banned.h"

static int is_tone(utf8proc_int32_t c)
{
	return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323;
}

static int is_mark(utf8proc_int32_t c)
{
	return utf8proc_category(c) == UTF8PROC_CATEGORY_MN;
}

static utf8proc_int32_t lower(utf8proc_int32_t c)
{
	return utf8proc_tolower(c);
}

char *vn_tone_normalize_general(const char *s)
{
	utf8proc_int32_t *cp = NULL;
	utf8proc_ssize_t n;
	/* decompose: base letters followed by their marks */
	n = utf8proc_decompose((const utf8proc_uint8_t *)s, 0, NULL, 0, UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE);
	if (n < 0)
		return NULL;
	cp = xmalloc(st_mult((size_t)n + 1, sizeof(*cp)));
	n = utf8proc_decompose((const utf8proc_uint8_t *)s, 0, cp, n, UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE);
	if (n < 0) {
		free(cp);
		return NULL;
	}
	for (utf8proc_ssize_t i = 0; i < n; i++) {
		if (!is_tone(cp[i]))
			continue;
		/* the base letter the tone sits on, and the next base letter after its marks */
		utf8proc_ssize_t host = i - 1;
		while (host >= 0 && is_mark(cp[host]))
			host--;
		if (host < 0)
			continue;
		utf8proc_ssize_t next = i + 1;
		while (next < n && is_mark(cp[next]))
			next++;
		if (next >= n)
			continue;
		utf8proc_int32_t h = lower(cp[host]), x = lower(cp[next]);
		int prev_q = host > 0 && lower(cp[host - 1]) == 'q';
		int move = (h == 'o' && (x == 'a' || x == 'e')) || (h == 'u' && x == 'y') ||
			   (h == 'u' && prev_q && x < 128 && strchr("aeiouy", (int)x));
		/* only when the second vowel ends the syllable's vowels: "hoài" keeps its tone on a */
		utf8proc_ssize_t after = next + 1;
		while (after < n && is_mark(cp[after]))
			after++;
		if (move && after < n) {
			utf8proc_int32_t y = lower(cp[after]);
			if (y < 128 && strchr("aeiouy", (int)y))
				move = 0;
		}
		if (h == 'o' && x == 'a' && next + 1 < n && cp[next + 1] == 0x306)
			move = 0; /* "oă" is not "oa" */
		if (!move)
			continue;
		/* take the tone out and put it after the next vowel and its own marks */
		utf8proc_int32_t tone = cp[i];
		utf8proc_ssize_t end = after - 1; /* the next vowel's last mark, or the vowel */
		memmove(&cp[i], &cp[i + 1], (size_t)(end - i) * sizeof(*cp));
		cp[end] = tone;
		i = end;
	}
	/* back to NFC */
	utf8proc_ssize_t m = utf8proc_reencode(cp, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	char *r = m < 0 ? NULL : xstrdup((const char *)cp);
	free(cp);
	return r;
}

/* The same, a word at a time: a tone moves only inside a syllable, and NFC composes nothing
 * across an ASCII space or punctuation, so each run between them is done alone, and copied as it
 * is when every code point of it is plain (NFC, no o/u carrying a tone): most of a text. */
char *vn_tone_normalize(const char *s)
{
	struct sb b = SB_INIT;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		/* ASCII other than letters and digits: copied, a boundary */
		if (*p < 0x80 && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))) {
			sb_addc(&b, (char)*p++);
			continue;
		}
		const unsigned char *w = p;
		int plain = 1;
		while (*p && !(*p < 0x80 && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))) {
			if (*p < 0x80) {
				p++;
				continue;
			}
			utf8proc_int32_t cp;
			utf8proc_ssize_t n = utf8proc_iterate(p, 4, &cp);
			const struct vn_cp *e = n > 0 ? vn_cp_info(cp) : NULL;
			if (n <= 0) { /* not UTF-8: as the general path says */
				sb_release(&b);
				return NULL;
			}
			plain &= e && e->ok && e->plain;
			p += n;
		}
		if (plain) {
			sb_add(&b, w, (size_t)(p - w));
		} else {
			char *word = xstrndup((const char *)w, (size_t)(p - w));
			char *t = vn_tone_normalize_general(word);
			free(word);
			if (!t) {
				sb_release(&b);
				return NULL;
			}
			sb_adds(&b, t);
			free(t);
		}
	}
	if (!b.len)
		return xstrdup("");
	return sb_detach(&b, NULL);
}
