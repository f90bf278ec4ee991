/* cache.h — the page cache for anonymous GET/HEAD of public pages.
 *
 *   What:   rendered 200 responses of public routes (never /quan-tri/), keyed by host, path and
 *           query, each kept with its gzip form, ETag and the site generation it was made at.
 *   Valid:  while the site's generation (db cache_gen, bumped with every change) is unchanged;
 *           an entry of an older generation is a miss, replaced by the next render.
 *   Bound:  total bytes; the least recently used entries go first.
 *   Shared: entries are reference-counted, so one can be sent while it is being replaced.
 */
#ifndef CONG_CACHE_H
#define CONG_CACHE_H

#include <stddef.h>
#include <stdint.h>

struct cache_entry {
	char *key;
	char *body, *gz;
	size_t len, gzlen;
	char etag[24];
	char ctype[64];
	int64_t gen;
	int64_t made; /* Unix time */
	int refs;     /* under the cache lock */
	struct cache_entry *prev, *next, *hnext;
};

void cache_init(size_t max_bytes); /* 0: cache off */
int cache_enabled(void);
/* The entry for KEY made at generation GEN, with a reference the caller must drop; or NULL. */
struct cache_entry *cache_get(const char *key, int64_t gen);
/* Stores a copy of BODY (and its gzip) under KEY; returns the new entry with a reference. */
struct cache_entry *cache_put(const char *key, int64_t gen, const char *ctype, const char *body, size_t len);
void cache_ref(struct cache_entry *e);
void cache_release(struct cache_entry *e);
/* Counters for /healthz and benchmarks. */
void cache_stats(uint64_t *hits, uint64_t *misses, size_t *bytes, size_t *entries);

#endif
