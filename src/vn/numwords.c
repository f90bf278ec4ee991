/* numwords.c — numbers in Vietnamese words (numwords.h). */
#include "vn/numwords.h"

#include <stdio.h>
#include <string.h>

#include "base/banned.h"

static const char *const digit[10] = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };

/* Appends WORD to BUF (a space before it when BUF is not empty), cut at LEN. */
static void put(char *buf, size_t len, const char *word)
{
	size_t used = strlen(buf);
	if (used + 1 >= len)
		return;
	snprintf(buf + used, len - used, "%s%s", used ? " " : "", word);
}

/* The group G (0..999). FULL: it follows another group, so its hundreds are read even when zero
 * ("không trăm"). */
static void group(unsigned g, int full, int flags, char *buf, size_t len)
{
	unsigned h = g / 100, t = g / 10 % 10, u = g % 10;
	if (h || full) {
		put(buf, len, digit[h]);
		put(buf, len, "trăm");
	}
	if (t == 0) {
		if (u && (h || full))
			put(buf, len, flags & VN_WORDS_LE ? "lẻ" : "linh");
		if (u || (!h && !full))
			put(buf, len, digit[u]);
		return;
	}
	if (t == 1) {
		put(buf, len, "mười");
	} else {
		put(buf, len, digit[t]);
		put(buf, len, "mươi");
	}
	if (u == 1 && t > 1)
		put(buf, len, "mốt");
	else if (u == 5)
		put(buf, len, "lăm");
	else if (u)
		put(buf, len, digit[u]);
}

/* N (< 10^9) by groups: triệu, nghìn, units. FULL as in group(). */
static void below_billion(uint64_t n, int full, int flags, char *buf, size_t len)
{
	static const char *const names[3] = { "triệu", "nghìn", NULL };
	unsigned g[3] = { (unsigned)(n / 1000000), (unsigned)(n / 1000 % 1000), (unsigned)(n % 1000) };
	for (int i = 0; i < 3; i++) {
		if (!g[i])
			continue;
		group(g[i], full, flags, buf, len);
		if (names[i])
			put(buf, len, names[i]);
		full = 1;
	}
}

/* N > 0: the part above 10^9 is itself a number of "tỷ" (10^12: "một nghìn tỷ"). */
static void spell(uint64_t n, int flags, char *buf, size_t len)
{
	uint64_t high = n / 1000000000u, low = n % 1000000000u;
	if (high) {
		spell(high, flags, buf, len);
		put(buf, len, "tỷ");
	}
	if (low)
		below_billion(low, high != 0, flags, buf, len);
}

char *vn_number_words(int64_t n, int flags, char *buf, size_t len)
{
	if (!len)
		return buf;
	buf[0] = '\0';
	uint64_t v = (uint64_t)n;
	if (n < 0) {
		put(buf, len, "âm");
		v = (uint64_t)0 - v;
	}
	if (v == 0)
		put(buf, len, digit[0]);
	else
		spell(v, flags, buf, len);
	return buf;
}

char *vn_amount_words(int64_t amount, int flags, char *buf, size_t len)
{
	vn_number_words(amount, flags, buf, len);
	put(buf, len, "đồng");
	/* every word a number starts with begins with an ASCII letter ("âm" aside: "Âm" is U+00C2) */
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	else if (strncmp(buf, "âm", 3) == 0 && len > 2)
		buf[1] = (char)0x82; /* U+00E2 â → U+00C2 Â: the second byte 0xA2 → 0x82 */
	return buf;
}
