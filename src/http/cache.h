/* cache.h — the page cache for anonymous GET/HEAD of public pages.
 *
 *   What:   rendered 200 responses of public routes (never /quan-tri/), keyed by host, path and
 *           query, each kept with its gzip form, ETag and the site generation it was made at.
 *   Valid:  while the site's generation (db cache_gen, bumped with every change) is unchanged;
 *           an entry of an older generation is a miss, replaced by the next render.
 *   Bound:  total bytes; the least recently used entries go first.
 *   Shared: entries are reference-counted, so one can be sent while it is being replaced.
 *   Known:  on PostgreSQL an entry may also be known current without asking the database
 *           (db_watch_*): what that takes is kept with it (struct cache_known), and
 *           cache_get_known() asks the caller's test under the lock.
 */
#ifndef CONG_CACHE_H
#define CONG_CACHE_H

#include <stddef.h>
#include <stdint.h>

/* When an entry is current without asking the database (server.c): no change of the site heard
 * since MARK, before UNTIL (a time edge of the site's pages, or the safety net's recheck), with
 * the templates of epoch TPL. LIMITS: the route's rate limits, still taken per request. */
#define CACHE_RECHECK 5 /* seconds: the longest an entry is known current without asking */

struct cache_known {
	uint64_t mark; /* 0: never known so */
	int64_t until;
	int64_t site_id;
	int64_t tpl;
	int every_site;
	int limits;
};

struct cache_entry {
	char *key;
	char *body, *gz;
	size_t len, gzlen;
	char etag[24];
	char ctype[64];
	int64_t gen;
	int64_t made; /* Unix time */
	int refs;     /* under the cache lock */
	struct cache_known known; /* under the cache lock */
	/* #17: what a hit counts (http/visits.h) and the tracker origin its CSP allows ("": none) */
	int64_t visit_site, visit_item;
	char script_origin[128];
	struct cache_entry *prev, *next, *hnext;
};

void cache_init(size_t max_bytes); /* 0: cache off */
int cache_enabled(void);
/* The entry for KEY made at generation GEN, with a reference the caller must drop; or NULL. */
struct cache_entry *cache_get(const char *key, int64_t gen);
/* What a page's entry keeps besides its bytes (#17): the site and item a hit counts a view of,
 * and the origin of a tracker script its CSP allows (NULL: none). */
struct cache_page {
	int64_t site_id, item_id;
	const char *script_origin;
};
/* Stores a copy of BODY (and its gzip) under KEY with PAGE (may be NULL); returns the new entry
 * with a reference. */
struct cache_entry *cache_put(const char *key, int64_t gen, const char *ctype, const char *body, size_t len,
			      const struct cache_page *page);
/* The entry for KEY when CURRENT(E, ARG), asked under the lock, says it is still current
 * (counted as a hit), with a reference; or NULL, leaving the entry to cache_get. */
struct cache_entry *cache_get_known(const char *key, int (*current)(const struct cache_entry *e, void *arg), void *arg);
/* Records what makes E current without asking the database (a newer K replaces an older). */
void cache_set_known(struct cache_entry *e, const struct cache_known *k);
void cache_ref(struct cache_entry *e);
void cache_release(struct cache_entry *e);
/* Counters for /healthz and benchmarks. */
/* KNOWN: the hits known current without asking the database (part of HITS). */
void cache_stats(uint64_t *hits, uint64_t *known, uint64_t *misses, size_t *bytes, size_t *entries);

#endif
