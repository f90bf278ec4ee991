/* fuzz_draft.c — libFuzzer target for the articles of a draft's full text (vn/draft.c): any
 * bytes. Invariants, abort() on failure: at most MAX articles, numbers 1..9999 and each once,
 * titles NUL-terminated within DRAFT_TITLE_MAX bytes, no trailing space, no control byte. */
#include "vn/draft.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct draft_article a[16];
	size_t n = draft_articles((const char *)data, size, a, 16);
	if (n > 16)
		abort();
	for (size_t i = 0; i < n; i++) {
		if (a[i].number < 1 || a[i].number > 9999)
			abort();
		for (size_t j = 0; j < i; j++)
			if (a[j].number == a[i].number)
				abort();
		size_t l = strnlen(a[i].title, DRAFT_TITLE_MAX + 1);
		if (l > DRAFT_TITLE_MAX || (l && a[i].title[l - 1] == ' '))
			abort();
		for (size_t k = 0; k < l; k++)
			if ((unsigned char)a[i].title[k] < 0x20 || a[i].title[k] == 0x7F)
				abort();
	}
	return 0;
}
