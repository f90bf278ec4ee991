/* fuzz_prefs.c — libFuzzer target for the display preferences' cookie (http/prefs.c): any text
 * the browser sends back. Invariants, abort() on failure: what is read is a known size and
 * contrast; written again and read back it is the same; the defaults are written as nothing; the
 * class for <html> is one of the six constants. */
#include "base/util.h"
#include "http/prefs.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *v = xstrndup((const char *)data, size);
	struct prefs p, q;
	char buf[32];
	prefs_parse(v, &p);
	if ((unsigned)p.size >= PREFS_NSIZES || (p.contrast != 0 && p.contrast != 1))
		abort();
	prefs_format(&p, buf, sizeof(buf));
	prefs_parse(buf, &q);
	if (q.size != p.size || q.contrast != p.contrast || (!prefs_set(&p) && buf[0]))
		abort();
	const char *cls = prefs_html_class(&p);
	if (strlen(cls) > 30 || (prefs_set(&p) && !*cls))
		abort();
	free(v);
	return 0;
}
