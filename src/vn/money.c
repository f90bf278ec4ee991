/* money.c — amounts of đồng: reading them as people type them, writing them grouped (money.h). */
#include "vn/money.h"

#include <stdio.h>
#include <string.h>

#include "base/banned.h"

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The length of a group separator at P: a space, U+00A0 or U+202F (narrow no-break space), or
 * '.' when DOT; 0 when none. */
static size_t sep_len(const char *p, int dot)
{
	if (*p == ' ' || (dot && *p == '.'))
		return 1;
	if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
		return 2;
	if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0xaf)
		return 3;
	return 0;
}

static const char *skip_spaces(const char *p)
{
	size_t n;
	while ((n = sep_len(p, 0)) != 0 || *p == '\t')
		p += n ? n : 1;
	return p;
}

/* 1 when P starts with WORD, ASCII letters in any case, the rest byte for byte; *END after it. */
static int word_at(const char *p, const char *word, const char **end)
{
	size_t i = 0;
	for (; word[i]; i++) {
		char a = p[i], b = word[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a != b)
			return 0;
	}
	*end = p + i;
	return 1;
}

/* Adds digit D to *V (v*10+d) unless it would pass VN_MONEY_MAX. */
static int push_digit(int64_t *v, int d)
{
	if (*v > (VN_MONEY_MAX - d) / 10)
		return -1;
	*v = *v * 10 + d;
	return 0;
}

int vn_money_parse(const char *s, int64_t *out)
{
	if (!s)
		return -1;
	const char *p = skip_spaces(s);
	if (!is_digit(*p))
		return -1;
	/* the whole part: one run of digits, or groups of three after a first of one to three with
	 * one kind of separator throughout */
	int64_t v = 0;
	size_t first = 0;
	while (is_digit(p[first]))
		first++;
	const char *q = p + first;
	for (size_t i = 0; i < first; i++)
		if (push_digit(&v, p[i] - '0'))
			return -1;
	size_t sl;
	char sep = 0; /* '.' or ' ' (any space) once a separator was seen */
	while ((sl = sep_len(q, 1)) != 0 && is_digit(q[sl])) {
		char kind = *q == '.' ? '.' : ' ';
		if (first > 3 || (sep && sep != kind))
			return -1;
		const char *g = q + sl;
		if (!is_digit(g[0]) || !is_digit(g[1]) || !is_digit(g[2]) || is_digit(g[3]))
			return -1;
		sep = kind;
		for (int i = 0; i < 3; i++)
			if (push_digit(&v, g[i] - '0'))
				return -1;
		q = g + 3;
	}
	/* a decimal comma: only before a scale word */
	int64_t frac = 0;
	int nfrac = 0;
	if (*q == ',' && is_digit(q[1])) {
		q++;
		while (is_digit(*q)) {
			if (nfrac == 9)
				return -1;
			frac = frac * 10 + (*q - '0');
			nfrac++;
			q++;
		}
	}
	q = skip_spaces(q);
	int64_t scale = 1;
	const char *e;
	if (word_at(q, "tri\xe1\xbb\x87u", &e)) /* triệu */
		scale = 1000000, q = e;
	else if (word_at(q, "t\xe1\xbb\xb7", &e) || word_at(q, "t\xe1\xbb\x89", &e)) /* tỷ, tỉ */
		scale = 1000000000, q = e;
	if (nfrac && scale == 1)
		return -1;
	if (scale > 1) {
		if (v > VN_MONEY_MAX / scale)
			return -1;
		v *= scale;
		int64_t unit = scale;
		for (int i = 0; i < nfrac; i++)
			unit /= 10;
		/* the fraction must come to whole đồng: 9 digits of "tỷ", 6 of "triệu" */
		if (nfrac && (unit == 0 || frac > (VN_MONEY_MAX - v) / unit))
			return -1;
		v += frac * unit;
		q = skip_spaces(q);
	}
	if (word_at(q, "\xc4\x91\xe1\xbb\x93ng", &e) || word_at(q, "vn\xc4\x91", &e) || word_at(q, "vnd", &e) ||
	    word_at(q, "\xc4\x91", &e) || word_at(q, "\xc4\x90\xe1\xbb\x93ng", &e) || word_at(q, "vn\xc4\x90", &e) ||
	    word_at(q, "\xc4\x90", &e))
		q = skip_spaces(e);
	if (*q)
		return -1;
	*out = v;
	return 0;
}

char *vn_money_group(int64_t amount, char *buf, size_t n)
{
	char digits[24];
	int neg = amount < 0;
	unsigned long long u = neg ? 0ULL - (unsigned long long)amount : (unsigned long long)amount;
	int len = snprintf(digits, sizeof(digits), "%llu", u);
	size_t w = 0;
	if (n == 0)
		return buf;
	if (neg && w + 1 < n)
		buf[w++] = '-';
	for (int i = 0; i < len && w + 1 < n; i++) {
		if (i && (len - i) % 3 == 0) {
			buf[w++] = '.';
			if (w + 1 >= n)
				break;
		}
		buf[w++] = digits[i];
	}
	buf[w] = 0;
	return buf;
}
