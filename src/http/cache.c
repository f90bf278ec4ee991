/* cache.c — the page cache described in cache.h: a chained hash table and an LRU list under one
 * mutex. Work under the lock is a lookup and a few pointer moves; compression and copying happen
 * outside it. */
#include "http/cache.h"
#include "base/util.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "base/banned.h"

#define BUCKETS 4096

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct cache_entry *table[BUCKETS];
static struct cache_entry *lru_head, *lru_tail; /* head: most recent */
static size_t used, limit;
static size_t count;
static uint64_t hits, misses, known_hits;

void cache_init(size_t max_bytes)
{
	limit = max_bytes;
}

int cache_enabled(void)
{
	return limit > 0;
}

static unsigned bucket_of(const char *key)
{
	unsigned char h[4];
	crypto_generichash(h, sizeof(h), (const unsigned char *)key, strlen(key), NULL, 0);
	return ((unsigned)h[0] | (unsigned)h[1] << 8 | (unsigned)h[2] << 16) % BUCKETS;
}

static size_t entry_size(const struct cache_entry *e)
{
	return e->len + e->gzlen + strlen(e->key) + sizeof(*e);
}

static void entry_free(struct cache_entry *e)
{
	free(e->key);
	free(e->body);
	free(e->gz);
	free(e);
}

static void lru_unlink(struct cache_entry *e)
{
	if (e->prev)
		e->prev->next = e->next;
	else
		lru_head = e->next;
	if (e->next)
		e->next->prev = e->prev;
	else
		lru_tail = e->prev;
	e->prev = e->next = NULL;
}

static void lru_push(struct cache_entry *e)
{
	e->next = lru_head;
	e->prev = NULL;
	if (lru_head)
		lru_head->prev = e;
	lru_head = e;
	if (!lru_tail)
		lru_tail = e;
}

/* Takes E out of the table and the list; freed when its last reference goes. Under the lock. */
static void entry_drop(struct cache_entry *e)
{
	struct cache_entry **p = &table[bucket_of(e->key)];
	while (*p && *p != e)
		p = &(*p)->hnext;
	if (*p)
		*p = e->hnext;
	lru_unlink(e);
	used -= entry_size(e);
	count--;
	if (--e->refs == 0)
		entry_free(e);
}

/* The entry for KEY, or NULL. Under the lock. */
static struct cache_entry *find(const char *key)
{
	struct cache_entry *e;
	for (e = table[bucket_of(key)]; e; e = e->hnext)
		if (strcmp(e->key, key) == 0)
			break;
	return e;
}

/* E is served: the most recent, with a reference for the caller. Under the lock. */
static struct cache_entry *hit(struct cache_entry *e)
{
	lru_unlink(e);
	lru_push(e);
	e->refs++;
	hits++;
	return e;
}

struct cache_entry *cache_get(const char *key, int64_t gen)
{
	if (!limit)
		return NULL;
	pthread_mutex_lock(&lock);
	struct cache_entry *e = find(key);
	if (e && e->gen != gen) { /* stale: the site changed since */
		entry_drop(e);
		e = NULL;
	}
	if (e)
		hit(e);
	else
		misses++;
	pthread_mutex_unlock(&lock);
	return e;
}

struct cache_entry *cache_get_known(const char *key, int (*current)(const struct cache_entry *e, void *arg), void *arg)
{
	if (!limit)
		return NULL;
	pthread_mutex_lock(&lock);
	struct cache_entry *e = find(key);
	if (e && current(e, arg)) {
		hit(e);
		known_hits++;
	} else {
		e = NULL;
	}
	pthread_mutex_unlock(&lock);
	return e;
}

void cache_set_known(struct cache_entry *e, const struct cache_known *k)
{
	pthread_mutex_lock(&lock);
	/* two requests may check the same entry at once: the later mark wins */
	if (k->mark >= e->known.mark)
		e->known = *k;
	pthread_mutex_unlock(&lock);
}

static char *gzip(const char *in, size_t len, size_t *out_len)
{
	z_stream z;
	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return NULL;
	size_t cap = deflateBound(&z, (uLong)len) + 32;
	char *out = xmalloc(cap);
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)cap;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END) {
		deflateEnd(&z);
		free(out);
		return NULL;
	}
	*out_len = z.total_out;
	deflateEnd(&z);
	return out;
}

struct cache_entry *cache_put(const char *key, int64_t gen, const char *ctype, const char *body, size_t len,
			      const struct cache_page *page)
{
	unsigned char h[8];
	struct cache_entry *e = xcalloc(1, sizeof(*e));
	e->key = xstrdup(key);
	e->body = xstrndup(body, len);
	e->len = len;
	e->gz = gzip(body, len, &e->gzlen);
	e->gen = gen;
	e->made = (int64_t)time(NULL);
	e->refs = 2; /* the cache's and the caller's */
	crypto_generichash(h, sizeof(h), (const unsigned char *)body, len, NULL, 0);
	snprintf(e->etag, sizeof(e->etag), "\"%02x%02x%02x%02x%02x%02x%02x%02x\"", h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]);
	snprintf(e->ctype, sizeof(e->ctype), "%s", ctype);
	if (page) {
		e->visit_site = page->site_id;
		e->visit_item = page->item_id;
		snprintf(e->script_origin, sizeof(e->script_origin), "%s", page->script_origin ? page->script_origin : "");
	}
	if (!limit || entry_size(e) > limit / 4) {
		e->refs = 1; /* not kept: too big for the cache, or the cache is off */
		return e;
	}
	pthread_mutex_lock(&lock);
	unsigned b = bucket_of(key);
	struct cache_entry *old = find(key);
	if (old)
		entry_drop(old);
	e->hnext = table[b];
	table[b] = e;
	lru_push(e);
	used += entry_size(e);
	count++;
	while (used > limit && lru_tail && lru_tail != e)
		entry_drop(lru_tail);
	pthread_mutex_unlock(&lock);
	return e;
}

void cache_ref(struct cache_entry *e)
{
	pthread_mutex_lock(&lock);
	e->refs++;
	pthread_mutex_unlock(&lock);
}

void cache_release(struct cache_entry *e)
{
	if (!e)
		return;
	pthread_mutex_lock(&lock);
	int last = --e->refs == 0;
	pthread_mutex_unlock(&lock);
	if (last)
		entry_free(e);
}

void cache_stats(uint64_t *h, uint64_t *known, uint64_t *m, size_t *bytes, size_t *entries)
{
	pthread_mutex_lock(&lock);
	*h = hits;
	*known = known_hits;
	*m = misses;
	*bytes = used;
	*entries = count;
	pthread_mutex_unlock(&lock);
}
