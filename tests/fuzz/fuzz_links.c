/* fuzz_links.c — libFuzzer target for the links kind's address check (link_fields_check: the
 * typed address through libcurl's URL parser) and the address rule of the dead-link check
 * (link_addr_blocked on any 16 bytes as IPv6 and 4 as IPv4). Invariants, abort() on failure:
 *   - an address the check accepts starts with http:// or https:// (case-insensitive), has no
 *     space and no '@' before its host's end… at least: libcurl parses it again with a host;
 *   - the IPv4 rule and the IPv4-mapped IPv6 form of the same address agree. */
#include "model/kind.h"
#include "model/links.h"
#include "model/model.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_links: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size >= 4) {
		struct sockaddr_in s4 = { .sin_family = AF_INET };
		struct sockaddr_in6 s6 = { .sin6_family = AF_INET6 };
		memcpy(&s4.sin_addr, data, 4);
		s6.sin6_addr.s6_addr[10] = 0xff;
		s6.sin6_addr.s6_addr[11] = 0xff;
		memcpy(&s6.sin6_addr.s6_addr[12], data, 4);
		if (link_addr_blocked((struct sockaddr *)&s4) != link_addr_blocked((struct sockaddr *)&s6))
			fail("IPv4 and its mapped IPv6 form disagree");
	}
	if (size >= 16) {
		struct sockaddr_in6 s6 = { .sin6_family = AF_INET6 };
		memcpy(&s6.sin6_addr, data, 16);
		int b = link_addr_blocked((struct sockaddr *)&s6);
		if (b != 0 && b != 1)
			fail("not a yes or no");
	}
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = 0;
	if (strlen(s) == size) {
		struct errs e = { 0 };
		json_t *f = json_object();
		json_object_set_new(f, "dia_chi", json_stringn_nocheck(s, size));
		link_fields_check(kind_find("link"), f, &e);
		if (!e.n && size) {
			if (strncasecmp(s, "http://", 7) != 0 && strncasecmp(s, "https://", 8) != 0)
				fail("accepted an address that is not http or https");
			if (strchr(s, ' '))
				fail("accepted an address with a space");
			CURLU *h = curl_url();
			char *host = NULL;
			if (curl_url_set(h, CURLUPART_URL, s, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
			    curl_url_get(h, CURLUPART_HOST, &host, 0) != CURLUE_OK || !*host)
				fail("accepted an address without a host");
			curl_free(host);
			curl_url_cleanup(h);
		}
		json_decref(f);
	}
	free(s);
	return 0;
}
