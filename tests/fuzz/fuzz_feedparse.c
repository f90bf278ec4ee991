/* fuzz_feedparse.c — libFuzzer target for the feed parser (src/render/feedparse.c): any bytes
 * as a feed fetched from a base address. Invariants, abort() on failure: a refusal leaves no
 * item; every item has a non-empty title, a guid, an http(s) link without white space or
 * quotes, and texts that are valid UTF-8 without '<' coming from markup in summaries (the
 * sanitizer's plain text), within their lengths; never more than FEED_MAX_ITEMS. */
#include "base/utf8.h"
#include "render/feedparse.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void must(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "feedparse invariant broken: %s\n", what);
		abort();
	}
}

static int http_url(const char *u)
{
	if (strncasecmp(u, "http://", 7) != 0 && strncasecmp(u, "https://", 8) != 0)
		return 0;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++)
		if (*p <= ' ' || *p == '"' || *p == '<' || *p == '>' || *p == 0x7f)
			return 0;
	return 1;
}

static int text_ok(const char *s, size_t max_chars)
{
	return s && utf8_valid(s, strlen(s)) && utf8_length(s) <= max_chars + 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed f;
	char detail[256];
	enum feed_error rc = feed_parse((const char *)data, size, "https://nguon.example.vn/rss/tin.xml", &f, detail,
					sizeof(detail));
	if (rc != FEED_OK) {
		must(f.items == NULL && f.nitems == 0, "a refusal with items");
		must(*feed_error_key(rc) != 0, "a refusal without its message key");
		return 0;
	}
	must(f.nitems <= FEED_MAX_ITEMS, "too many items");
	must(f.title && utf8_valid(f.title, strlen(f.title)), "feed title");
	for (size_t i = 0; i < f.nitems; i++) {
		struct feed_item *it = &f.items[i];
		must(it->title && *it->title && text_ok(it->title, FEED_TITLE_MAX), "item title");
		must(it->guid && *it->guid, "item guid");
		must(it->link && http_url(it->link), "item link");
		must(!*it->image || http_url(it->image), "item image");
		must(text_ok(it->summary, FEED_SUMMARY_MAX), "item summary");
		must(text_ok(it->author, 200), "item author");
		for (size_t j = 0; j < i; j++)
			must(strcmp(f.items[j].guid, it->guid) != 0, "a guid twice");
	}
	feed_release(&f);
	return 0;
}
