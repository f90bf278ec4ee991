/* visits_bench.c — what counting a view costs (src/http/visits.h; docs/benchmarks.md, "visit
 * statistics"): nanoseconds per visits_note() for the same reader again (the cached page's
 * usual case: one keep-alive connection, one worker), for an item's page, and for a new reader
 * every time (crawler words, keyed hash, a new "online" entry). Single thread.
 * Build and run (from the repository's root):
 *   gcc -O2 -std=c17 -D_GNU_SOURCE -Isrc $(pkg-config --cflags libutf8proc) bench/visits_bench.c \
 *       src/http/visits.c src/vn/calendar.c src/base/util.c src/base/log.c src/base/sb.c \
 *       src/base/utf8.c -o /tmp/visits_bench -lsodium -lcurl -lpthread -lm -lutf8proc && /tmp/visits_bench */
#include "http/visits.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double ns_per(struct timespec a, struct timespec b, int n)
{
	return ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) / n;
}

int main(void)
{
	const char *ua = "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0";
	int64_t now = time(NULL);
	struct timespec a, b;
	char other[160];
	size_t n;
	enum { N = 2000000 };
	if (sodium_init() < 0)
		return 1;
	for (int item = 0; item < 2; item++) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		for (int i = 0; i < N; i++)
			visits_note(1, item ? 44 : 0, "snv.localhost", "127.0.0.1", ua, NULL, now);
		clock_gettime(CLOCK_MONOTONIC, &b);
		printf("%-28s %4.0f ns\n", item ? "item page, same reader:" : "page, same reader:", ns_per(a, b, N));
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int i = 0; i < N / 20; i++) {
		snprintf(other, sizeof(other), "%s r%d", ua, i);
		visits_note(1, 44, "snv.localhost", "127.0.0.1", other, NULL, now);
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%-28s %4.0f ns\n", "item page, a new reader:", ns_per(a, b, N / 20));
	free(visits_drain(&n));
	return 0;
}
