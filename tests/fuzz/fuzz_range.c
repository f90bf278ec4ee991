/* fuzz_range.c — libFuzzer target for the Range and If-Range headers (http/range.c). The first
 * 8 bytes are the file's size, the rest the header. Invariants, abort() on failure: a satisfiable
 * range lies within the file and is in order; an empty file has no satisfiable range; If-Range
 * never crashes on any text. */
#include "base/util.h"
#include "http/range.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t fsize = 0, first = 0, last = 0;
	if (size < 8)
		return 0;
	memcpy(&fsize, data, 8);
	fsize >>= (data[0] & 63); /* small sizes too */
	char *h = xstrndup((const char *)data + 8, size - 8);
	enum range_result rr = http_range_parse(h, fsize, &first, &last);
	if (rr == RANGE_OK && (fsize == 0 || first > last || last >= fsize))
		abort();
	char etag[48];
	http_file_etag(fsize, (int64_t)fsize, etag, sizeof(etag));
	(void)http_if_range_ok(h, etag, (int64_t)fsize);
	free(h);
	return 0;
}
