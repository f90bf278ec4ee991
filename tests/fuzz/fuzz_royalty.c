/* fuzz_royalty.c — libFuzzer target for the royalty arithmetic (model/royalty.c) and the numbers
 * in words (vn/numwords.c). Invariants, abort() on failure: a coefficient read is 1..max tenths and
 * its text reads back as itself; an amount of coefficient, unit and modifiers within the rules is
 * never negative and grows with the coefficient; a split by shares adding up to 1000 gives parts
 * that add up to the amount, each within one đồng of its exact share; words of any int64 fit
 * VN_WORDS_MAX and end with "đồng" for an amount. */
#include "base/util.h"
#include "model/royalty.h"
#include "vn/numwords.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t take(const uint8_t **p, size_t *n, int bytes)
{
	uint64_t v = 0;
	for (int i = 0; i < bytes && *n; i++, (*p)++, (*n)--)
		v = v << 8 | **p;
	return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the text as a coefficient */
	char *s = xstrndup((const char *)data, size);
	int64_t c = -1;
	if (royalty_parse_coef(s, 500, &c) == 0) {
		char t[24];
		int64_t back = -1;
		if (c < 1 || c > 500 || royalty_parse_coef(royalty_coef_text(c, t, sizeof(t)), 500, &back) || back != c)
			abort();
	} else if (c != -1) {
		abort();
	}
	free(s);

	/* the bytes as numbers: coefficient, unit value, modifiers, shares */
	const uint8_t *p = data;
	size_t n = size;
	int64_t coef = (int64_t)(take(&p, &n, 2) % 10000) + 1;
	int64_t unit = (int64_t)(take(&p, &n, 4) % ROYALTY_UNIT_MAX) + 1;
	struct royalty_mod m[ROYALTY_MODS_MAX];
	size_t nm = 0;
	for (int k = 0; k < ROYALTY_MODS_MAX; k++) {
		uint64_t b = take(&p, &n, 1);
		if (!(b & 1))
			continue;
		const struct royalty_modifier *d = &royalty_modifiers[k];
		m[nm].idx = k;
		m[nm++].pct = d->min_pct + (int)(b >> 1) % (d->max_pct - d->min_pct + 1);
	}
	int64_t amount = royalty_amount(coef, unit, m, nm);
	if (amount < 0 || royalty_amount(coef + 1, unit, m, nm) < amount)
		abort();
	int64_t shares[ROYALTY_SHARES_MAX], parts[ROYALTY_SHARES_MAX], left = 1000;
	size_t ns = 0;
	while (left > 0 && ns < ROYALTY_SHARES_MAX) {
		int64_t sh = ns == ROYALTY_SHARES_MAX - 1 ? left : (int64_t)(take(&p, &n, 2) % (uint64_t)left) + 1;
		shares[ns++] = sh;
		left -= sh;
	}
	int64_t signs[2] = { amount, -amount };
	for (int k = 0; k < 2; k++) {
		int64_t sum = 0;
		royalty_split(signs[k], shares, ns, parts);
		for (size_t i = 0; i < ns; i++) {
			int64_t exact_floor = (signs[k] < 0 ? -signs[k] : signs[k]) / 1000 * shares[i];
			int64_t part = parts[i] < 0 ? -parts[i] : parts[i];
			if (part + 1 < exact_floor)
				abort();
			sum += parts[i];
		}
		if (sum != signs[k])
			abort();
	}

	/* the words of any int64 */
	char w[VN_WORDS_MAX];
	int64_t any = (int64_t)take(&p, &n, 8);
	vn_amount_words(any, 0, w, sizeof(w));
	size_t len = strlen(w);
	if (len + 1 >= sizeof(w) || len < 8 || strcmp(w + len - 8, " đồng") != 0)
		abort();
	return 0;
}
