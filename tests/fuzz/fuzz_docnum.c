/* fuzz_docnum.c — libFuzzer target for document numbers (vn/docnum.c): any text, as a stored number
 * or as a search query. Invariants, abort() on failure: a key is [a-z0-9/-] only and its own key
 * (idempotent); a key read as a query is a number query that matches that key, and its prefix
 * starts the key; any query that parses has a number and a prefix that fits 16 bytes. */
#include "base/util.h"
#include "vn/docnum.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size);
	char prefix[16];
	struct docnum_query q;

	char *key = docnum_key(s);
	if (key) {
		size_t n = strlen(key);
		if (!n || strspn(key, "abcdefghijklmnopqrstuvwxyz0123456789/-") != n)
			abort();
		char *again = docnum_key(key);
		if (!again || strcmp(again, key) != 0)
			abort();
		free(again);
		if (!docnum_query_parse(key, &q) || !docnum_match(&q, key))
			abort();
		int len = docnum_query_prefix(&q, prefix, sizeof(prefix));
		if (len <= 0 || strncmp(key, prefix, (size_t)len) != 0)
			abort();
		free(key);
	}
	if (docnum_query_parse(s, &q)) {
		if (!q.number[0] || q.number[0] == '0' || q.n_group > DOCNUM_GROUP_MAX)
			abort();
		if (docnum_query_prefix(&q, prefix, sizeof(prefix)) <= 0)
			abort();
	} else if (q.number[0] || q.n_group || q.year) {
		abort(); /* a refused query is zeroed */
	}
	free(s);
	return 0;
}
