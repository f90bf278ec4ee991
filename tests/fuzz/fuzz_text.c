/* fuzz_text.c — libFuzzer target for the text parsers we own: UTF-8 validation and NFC,
 * Vietnamese folding and slugs (title and site), the date parser of forms, strict integers, and
 * the XML escaper of feeds and sitemaps. Invariants checked: slugs are [a-z0-9-] only, never
 * empty, never start or end with '-'; escaped XML is well-formed UTF-8 with no markup character
 * and no control character XML 1.0 forbids. */
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"
#include "vn/slug.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size);
	char *nfc = utf8_nfc((const char *)data, size);
	int64_t v;
	struct sb x = SB_INIT;
	sb_add_xml(&x, (const char *)data, size);
	if (x.len && !utf8_valid(x.buf, x.len))
		abort();
	for (size_t i = 0; i < x.len; i++) {
		unsigned char c = (unsigned char)x.buf[i];
		if (c == '<' || c == '>' || c == '"' || c == '\'' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
			abort();
	}
	sb_release(&x);
	time_parse_vn(s, &v);
	parse_i64(s, INT64_MIN, INT64_MAX, &v);
	if (nfc) {
		char *slug = vn_slug(nfc);
		size_t n = strlen(slug);
		if (!n || slug[0] == '-' || slug[n - 1] == '-' || strspn(slug, "abcdefghijklmnopqrstuvwxyz0123456789-") != n)
			abort();
		free(slug);
		char *site = vn_site_slug(nfc, size & 1 ? "commune" : NULL);
		if (site && !vn_site_slug_valid(site) && strlen(site) <= 63)
			abort();
		free(site);
		free(vn_fold(nfc));
		free(utf8_ellipsize(nfc, size % 50));
		free(nfc);
	}
	free(s);
	return 0;
}
