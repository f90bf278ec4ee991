/* fuzz_diff.c — libFuzzer target for the word diff (src/render/diff.c).  The input is split in
 * two texts at its first NUL (or in the middle).  Invariants, abort() on failure: dropping the
 * <del> blocks and unwrapping the <ins> ones, then unescaping, gives B, and the converse gives A;
 * the count is 0 exactly when the texts are equal. */
#include "base/sb.h"
#include "base/util.h"
#include "render/diff.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text of side DROP removed and side KEEP unwrapped, unescaped ("del" or "ins"). */
static char *side(const char *html, const char *drop, const char *keep)
{
	struct sb r = SB_INIT;
	char open_drop[8], close_drop[8], open_keep[8], close_keep[8];
	snprintf(open_drop, sizeof(open_drop), "<%s>", drop);
	snprintf(close_drop, sizeof(close_drop), "</%s>", drop);
	snprintf(open_keep, sizeof(open_keep), "<%s>", keep);
	snprintf(close_keep, sizeof(close_keep), "</%s>", keep);
	static const char *const ent[][2] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" },
	};
	const char *p = html;
	while (*p) {
		if (!strncmp(p, open_drop, 5)) {
			const char *end = strstr(p, close_drop);
			if (!end)
				abort();
			p = end + 6;
		} else if (!strncmp(p, open_keep, 5)) {
			p += 5;
		} else if (!strncmp(p, close_keep, 6)) {
			p += 6;
		} else if (*p == '<' || *p == '>' || *p == '"' || *p == '\'') {
			abort(); /* unescaped markup character */
		} else if (*p == '&') {
			size_t i;
			for (i = 0; i < ARRAY_SIZE(ent); i++)
				if (!strncmp(p, ent[i][0], strlen(ent[i][0])))
					break;
			if (i == ARRAY_SIZE(ent))
				abort();
			sb_adds(&r, ent[i][1]);
			p += strlen(ent[i][0]);
		} else {
			sb_addc(&r, *p++);
		}
	}
	return sb_detach(&r, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const void *nul = memchr(data, 0, size);
	size_t cut = nul ? (size_t)((const uint8_t *)nul - data) : size / 2;
	char *a = xstrndup((const char *)data, cut);
	size_t rest = nul ? cut + 1 : cut;
	char *b = xstrndup((const char *)data + rest, size - rest);
	struct sb out = SB_INIT;

	int n = diff_words_html(a, b, &out);
	if ((n == 0) != (strcmp(a, b) == 0))
		abort();
	char *got_b = side(out.buf, "del", "ins");
	char *got_a = side(out.buf, "ins", "del");
	if (strcmp(got_a, a) || strcmp(got_b, b)) {
		fprintf(stderr, "diff does not rebuild its sides:\n%s\n", out.buf);
		abort();
	}
	free(got_a);
	free(got_b);
	sb_release(&out);
	free(a);
	free(b);
	return 0;
}
