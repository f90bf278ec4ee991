/* fuzz_money.c — libFuzzer target for amounts of đồng (vn/money.c): any text. Invariants, abort()
 * on failure: an amount read is 0..VN_MONEY_MAX; its grouped text reads back as the same amount,
 * with or without " đồng" after it; a refused text leaves the output alone. */
#include "base/util.h"
#include "vn/money.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size);
	int64_t v = -42;
	if (vn_money_parse(s, &v) == 0) {
		if (v < 0 || v > VN_MONEY_MAX)
			abort();
		char g[32], with[48];
		int64_t back = -1;
		vn_money_group(v, g, sizeof(g));
		if (vn_money_parse(g, &back) || back != v)
			abort();
		snprintf(with, sizeof(with), "%s đồng", g);
		back = -1;
		if (vn_money_parse(with, &back) || back != v)
			abort();
	} else if (v != -42) {
		abort();
	}
	free(s);
	return 0;
}
