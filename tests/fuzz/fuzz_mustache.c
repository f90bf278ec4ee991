/* fuzz_mustache.c — libFuzzer target for src/render/mustache.c: the input is parsed as a
 * template (also registered as the partials/parents it may name, so recursion gets exercised)
 * and rendered against a small fixed JSON context.  Build and run:
 *   clang -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *     -o fuzz_mustache tests/fuzz/fuzz_mustache.c src/render/mustache.c src/base/sb.c \
 *     src/base/util.c -ljansson
 *   ./fuzz_mustache -max_total_time=60 corpus/
 */
#include "base/sb.h"
#include "render/mustache.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static json_t *fuzz_ctx(void)
{
	/* Built once; rendering only reads it. */
	static json_t *ctx;
	if (!ctx)
		ctx = json_loads("{\"a\": \"<&'\\\">\", \"b\": {\"c\": [1, 2.5, \"x\", true, null,"
				 " {\"a\": \"inner\"}], \"d\": {}}, \"e\": [], \"f\": false, \"g\": 0,"
				 " \"h\": \"\", \"p\": \"p\", \"list\": [[1, 2], [\"q\"]],"
				 " \"self\": \"t\"}",
				 0, NULL);
	return ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mus_set *set = mus_set_new();
	struct sb out = SB_INIT;
	char err[256];
	const char *src = (const char *)data;

	if (mus_set_add(set, "t", src, size, err, sizeof(err)) == 0) {
		/* The same text under short names, so {{>p}}, {{<p}}, {{>*self}} recurse. */
		mus_set_add(set, "p", src, size, err, sizeof(err));
		mus_set_add(set, "x", src, size, err, sizeof(err));
		if (mus_render(set, "t", fuzz_ctx(), &out) != 0)
			abort();
		if (out.buf[out.len] != '\0')
			abort();
	}
	sb_release(&out);
	mus_set_free(set);
	return 0;
}
