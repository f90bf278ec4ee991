/* fuzz_visits.c — libFuzzer target for what the visit counter reads from a request's headers
 * (http/visits.h): the Referer's host (libcurl's URL parser, then our comparison with the page's
 * Host) and the crawler check of the User-Agent. The input is "REFERER\0HOST", the referer also
 * taken as a User-Agent. Invariants, abort() on failure:
 *   - a host is given only for an http(s) referer, and it is a host alone: not empty, shorter
 *     than the buffer, lower-case, without '/', '?', '#', '@', white space or control bytes;
 *   - the page's own host (its port dropped) is never given back as a referrer;
 *   - the crawler check answers the same twice, and 1 for an empty User-Agent. */
#include "http/visits.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_visits: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = malloc(size + 2);
	memcpy(in, data, size);
	in[size] = in[size + 1] = '\0';
	const char *referer = in, *host = in + strlen(in) + (strlen(in) < size ? 1 : 0);
	char out[VISIT_HOST_MAX];
	if (visits_referrer_host(referer, host, out, sizeof(out)) == 0) {
		size_t n = strlen(out), own = host[0] == '[' ? strcspn(host, "]") + 1 : strcspn(host, ":");
		if (!n || n >= sizeof(out))
			fail("an empty or overlong host");
		if (strncasecmp(referer, "http://", 7) && strncasecmp(referer, "https://", 8))
			fail("a host from a referer that is no web address");
		for (size_t i = 0; i < n; i++)
			if ((out[i] >= 'A' && out[i] <= 'Z') || strchr("/?#@ \t\r\n", out[i]) || (unsigned char)out[i] < 0x20)
				fail("a host that is more than a host");
		if (own == n && strncasecmp(host, out, n) == 0)
			fail("the page's own host taken for a referrer");
	}
	int bot = visits_is_bot(referer);
	if (bot != visits_is_bot(referer) || !visits_is_bot(""))
		fail("the crawler check changed its mind");
	free(in);
	return 0;
}
