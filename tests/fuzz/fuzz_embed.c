/* fuzz_embed.c — libFuzzer target for embedded players' addresses (model/embed.c): any text as
 * the address, against the default allow-list. Invariants, abort() on failure: an accepted
 * address gives an https player whose host is on the list, and an origin that starts its
 * address; nothing else is filled in when refused. */
#include "base/util.h"
#include "model/embed.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *url = xstrndup((const char *)data, size);
	struct embed e;
	enum embed_rc rc = embed_resolve(url, EMBED_HOSTS_DEFAULT, &e);
	if (rc == EMBED_OK) {
		if (!e.frame || !e.origin || !e.host || strncmp(e.origin, "https://", 8) != 0 ||
		    strncmp(e.frame, e.origin, strlen(e.origin)) != 0 ||
		    (e.frame[strlen(e.origin)] != '/' && e.frame[strlen(e.origin)] != '\0' && e.frame[strlen(e.origin)] != '?'))
			abort();
		if (!embed_host_allowed(e.origin + 8, EMBED_HOSTS_DEFAULT) || !embed_host_allowed(e.host, EMBED_HOSTS_DEFAULT))
			abort();
		if (strpbrk(e.origin, " \"'<>;,"))
			abort(); /* it goes into a header */
		embed_free(&e);
	} else if (e.frame || e.origin || e.host) {
		abort();
	}
	free(url);
	return 0;
}
