/* visits.c — the counters of http/visits.h: per-thread shards of chained hash tables for the
 * counts, shards chosen by the visitor's hash for "online now", and the day's salt in two slots
 * swapped atomically. */
#include "http/visits.h"
#include "base/util.h"
#include "vn/calendar.h"

#include <curl/curl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/banned.h"

#define BUCKETS 256

struct cnode {
	struct visit_count c;
	struct cnode *next;
};

/* Each on its own cache lines: a thread's lock never shares one with another's. */
struct cshard {
	pthread_mutex_t mu;
	struct cnode *b[BUCKETS];
} __attribute__((aligned(64)));

struct onode {
	int64_t site_id;
	uint64_t vh;
	int64_t last;
	struct onode *next;
};

struct oshard {
	pthread_mutex_t mu;
	struct onode *b[BUCKETS];
} __attribute__((aligned(64)));

static struct cshard counts[VISITS_SHARDS];
static struct oshard online[VISITS_SHARDS];
static pthread_once_t once = PTHREAD_ONCE_INIT;
static atomic_uint next_shard;

static void shards_init(void)
{
	for (int i = 0; i < VISITS_SHARDS; i++) {
		pthread_mutex_init(&counts[i].mu, NULL);
		pthread_mutex_init(&online[i].mu, NULL);
	}
}

/* The calling thread's shard: given in turn at its first view, then always the same. */
static struct cshard *my_shard(void)
{
	static __thread int mine = -1;
	if (mine < 0) {
		pthread_once(&once, shards_init);
		mine = (int)(atomic_fetch_add(&next_shard, 1) % VISITS_SHARDS);
	}
	return &counts[mine];
}

static unsigned key_hash(const struct visit_count *k)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	const unsigned char *p = (const unsigned char *)k;
	for (size_t i = 0; i < offsetof(struct visit_count, host); i++)
		h = (h ^ p[i]) * 1099511628211ull;
	for (const char *s = k->host; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return (unsigned)(h ^ (h >> 32)) % BUCKETS;
}

static int key_eq(const struct visit_count *a, const struct visit_count *b)
{
	return a->site_id == b->site_id && a->item_id == b->item_id && a->day == b->day && strcmp(a->host, b->host) == 0;
}

/* Adds K->n to K's counter in table B (a shard's, under its lock, or the drain's own). */
static void table_add(struct cnode **b, const struct visit_count *k)
{
	unsigned h = key_hash(k);
	for (struct cnode *c = b[h]; c; c = c->next)
		if (key_eq(&c->c, k)) {
			c->c.n += k->n;
			return;
		}
	struct cnode *c = xmalloc(sizeof(*c));
	c->c = *k;
	c->next = b[h];
	b[h] = c;
}

/* ---- the day's salt ---- */

struct salt {
	int32_t day;
	unsigned char key[crypto_shorthash_KEYBYTES];
};
/* The current one and the one before: a reader that took the index a moment before a swap
 * still reads a whole salt, as the slot it reads is written again only by the next prune (a
 * minute on), which wipes it, or the next day's swap. */
static struct salt salts[2];
static atomic_int salt_cur = -1;
static pthread_mutex_t salt_mu = PTHREAD_MUTEX_INITIALIZER;

/* The salt of DAY (or of a later day already begun: the clock is never asked to go back). */
static const struct salt *salt_of(int32_t day)
{
	int i = atomic_load_explicit(&salt_cur, memory_order_acquire);
	if (i >= 0 && salts[i].day >= day)
		return &salts[i];
	pthread_mutex_lock(&salt_mu);
	i = atomic_load_explicit(&salt_cur, memory_order_relaxed);
	if (i < 0 || salts[i].day < day) {
		int j = i < 0 ? 0 : !i;
		/* a new random key each day, never written anywhere: yesterday's visitors cannot be
		 * linked to today's, nor to any address */
		randombytes_buf(salts[j].key, sizeof(salts[j].key));
		salts[j].day = day;
		atomic_store_explicit(&salt_cur, j, memory_order_release);
		i = j; /* yesterday's is wiped at the next prune (salt_retire), not now: it may be read */
	}
	pthread_mutex_unlock(&salt_mu);
	return &salts[i];
}

/* Wipes the salt before the current one, once no request can still be reading it (a minute
 * after the swap: the scheduler's prune): nothing left in memory links yesterday's hashes to an
 * address either. */
static void salt_retire(void)
{
	pthread_mutex_lock(&salt_mu);
	int i = atomic_load_explicit(&salt_cur, memory_order_relaxed);
	if (i >= 0 && salts[!i].day && salts[!i].day < salts[i].day) {
		sodium_memzero(salts[!i].key, sizeof(salts[!i].key));
		salts[!i].day = 0;
	}
	pthread_mutex_unlock(&salt_mu);
}

/* SipHash-2-4 (libsodium's crypto_shorthash) under the day's key, of "address NUL user-agent":
 * a keyed function made for exactly this, short inputs hashed fast; without the key, which
 * never leaves memory, a hash says nothing of the address. */
static uint64_t visitor_hash(int32_t day, const char *address, const char *ua)
{
	const struct salt *s = salt_of(day);
	unsigned char in[48 + 512], out[crypto_shorthash_BYTES];
	size_t al = strnlen(address, 47), ul = strnlen(ua, 512);
	memcpy(in, address, al);
	in[al] = 0;
	memcpy(in + al + 1, ua, ul);
	crypto_shorthash(out, in, al + 1 + ul, s->key);
	uint64_t v;
	memcpy(&v, out, sizeof(v));
	return v;
}

/* ---- online now ---- */

/* A thread remembers the visitors it marked in the last few seconds and does not mark them
 * again: a reader's burst of requests (a page, then the next) takes the shared lock once. */
#define RECENT 64
#define RECENT_SECS 10

static void online_touch(int64_t site_id, uint64_t vh, int64_t now)
{
	static __thread struct {
		int64_t site_id, at;
		uint64_t vh;
	} recent[RECENT];
	unsigned r = (unsigned)(vh ^ (uint64_t)site_id) % RECENT;
	if (recent[r].vh == vh && recent[r].site_id == site_id && now - recent[r].at < RECENT_SECS && now >= recent[r].at)
		return;
	recent[r].vh = vh;
	recent[r].site_id = site_id;
	recent[r].at = now;
	struct oshard *s = &online[vh % VISITS_SHARDS];
	unsigned h = (unsigned)((vh >> 8) ^ (uint64_t)site_id) % BUCKETS;
	pthread_mutex_lock(&s->mu);
	struct onode *o;
	for (o = s->b[h]; o; o = o->next)
		if (o->vh == vh && o->site_id == site_id)
			break;
	if (!o) {
		o = xmalloc(sizeof(*o));
		o->vh = vh;
		o->site_id = site_id;
		o->next = s->b[h];
		s->b[h] = o;
		o->last = now;
	} else if (now > o->last) {
		o->last = now;
	}
	pthread_mutex_unlock(&s->mu);
}

int64_t visits_online(int64_t site_id, int64_t now)
{
	int64_t n = 0;
	pthread_once(&once, shards_init);
	/* a visitor is in one shard only (chosen by its hash): the sum counts each once */
	for (int i = 0; i < VISITS_SHARDS; i++) {
		pthread_mutex_lock(&online[i].mu);
		for (int h = 0; h < BUCKETS; h++)
			for (struct onode *o = online[i].b[h]; o; o = o->next)
				if (o->site_id == site_id && now - o->last < VISITS_ONLINE_SECS)
					n++;
		pthread_mutex_unlock(&online[i].mu);
	}
	return n;
}

void visits_prune(int64_t now)
{
	pthread_once(&once, shards_init);
	salt_retire();
	for (int i = 0; i < VISITS_SHARDS; i++) {
		pthread_mutex_lock(&online[i].mu);
		for (int h = 0; h < BUCKETS; h++) {
			struct onode **p = &online[i].b[h];
			while (*p) {
				struct onode *o = *p;
				if (now - o->last >= VISITS_ONLINE_SECS) {
					*p = o->next;
					free(o);
				} else {
					p = &o->next;
				}
			}
		}
		pthread_mutex_unlock(&online[i].mu);
	}
}

/* ---- counting ---- */

int visits_is_bot(const char *ua)
{
	/* the words crawlers, link checkers, feed readers, monitors and HTTP libraries put in their
	 * User-Agent; browsers send none of them */
	static const char *const words[] = {
		"bot", "crawl", "spider", "slurp", "archiver", "facebookexternalhit", "preview", "monitor",
		"pingdom", "uptime", "lighthouse", "headless", "phantomjs", "scrapy", "curl/", "wget/",
		"python-", "python/", "go-http-client", "java/", "okhttp", "libwww", "httpclient", "axios/",
		"node-fetch", "feedfetcher", "feedburner", "validator", "checklink", "httrack",
	};
	char low[512];
	size_t n = 0;
	if (!ua || !*ua)
		return 1;
	/* lower-cased once (the first 511 bytes: the words come early), then plain strstr, which
	 * glibc makes fast, rather than thirty strcasestr over the same bytes */
	for (; ua[n] && n < sizeof(low) - 1; n++)
		low[n] = (char)(ua[n] >= 'A' && ua[n] <= 'Z' ? ua[n] + 32 : ua[n]);
	low[n] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (strstr(low, words[i]))
			return 1;
	return 0;
}

int visits_referrer_host(const char *referer, const char *host, char *out, size_t n)
{
	if (!referer || (strncasecmp(referer, "http://", 7) != 0 && strncasecmp(referer, "https://", 8) != 0))
		return -1;
	CURLU *u = curl_url();
	char *h = NULL;
	int rc = -1;
	if (u && curl_url_set(u, CURLUPART_URL, referer, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK && h && *h && strlen(h) < n) {
		size_t len = strlen(h);
		for (size_t i = 0; i <= len; i++)
			out[i] = (char)(h[i] >= 'A' && h[i] <= 'Z' ? h[i] + 32 : h[i]);
		/* the page's own host, whatever its port: internal */
		const char *own = host ? host : "";
		size_t ol = own[0] == '[' ? (strchr(own, ']') ? (size_t)(strchr(own, ']') - own) + 1 : strlen(own))
					 : strcspn(own, ":");
		rc = ol == len && strncasecmp(own, out, len) == 0 ? -1 : 0;
	}
	curl_free(h);
	curl_url_cleanup(u);
	return rc;
}

/* The last visitor a thread saw, with its verdict and hash: a reader's pages come in bursts on
 * one connection, which one worker serves, so most requests skip the crawler words and the hash.
 * Never shared, never stored; replaced by the next visitor. */
struct last_visitor {
	int32_t day;
	int bot;
	uint64_t vh;
	char address[48];
	char ua[256];
};

int visits_note(int64_t site_id, int64_t item_id, const char *host, const char *address, const char *ua,
		const char *referer, int64_t now)
{
	static __thread struct last_visitor last;
	if (site_id <= 0)
		return 0;
	int32_t day = vn_days_of_time(now);
	address = address ? address : "";
	ua = ua ? ua : "";
	uint64_t vh;
	if (last.day == day && strcmp(last.ua, ua) == 0 && strcmp(last.address, address) == 0) {
		if (last.bot)
			return 0;
		vh = last.vh;
	} else {
		int bot = visits_is_bot(ua);
		vh = bot ? 0 : visitor_hash(day, address, ua);
		if (strlen(ua) < sizeof(last.ua) && strlen(address) < sizeof(last.address)) {
			last.day = day;
			last.bot = bot;
			last.vh = vh;
			memcpy(last.ua, ua, strlen(ua) + 1);
			memcpy(last.address, address, strlen(address) + 1);
		} else {
			last.day = 0; /* too long to keep: the next request computes again */
		}
		if (bot)
			return 0;
	}
	struct visit_count k = { .site_id = site_id, .day = day, .n = 1 };
	char ref[VISIT_HOST_MAX];
	int has_ref = referer && *referer && visits_referrer_host(referer, host, ref, sizeof(ref)) == 0;
	struct cshard *s = my_shard();
	pthread_mutex_lock(&s->mu);
	table_add(s->b, &k);
	if (item_id > 0) {
		k.item_id = item_id;
		table_add(s->b, &k);
		k.item_id = 0;
	}
	if (has_ref) {
		memcpy(k.host, ref, sizeof(ref));
		table_add(s->b, &k);
	}
	pthread_mutex_unlock(&s->mu);
	online_touch(site_id, vh, now);
	return 1;
}

struct visit_count *visits_drain(size_t *n)
{
	struct cnode **all = xcalloc(BUCKETS, sizeof(*all));
	size_t count = 0;
	pthread_once(&once, shards_init);
	for (int i = 0; i < VISITS_SHARDS; i++) {
		struct cnode *taken[BUCKETS];
		/* under the lock only the table's heads are taken: the merging happens outside */
		pthread_mutex_lock(&counts[i].mu);
		memcpy(taken, counts[i].b, sizeof(taken));
		memset(counts[i].b, 0, sizeof(counts[i].b));
		pthread_mutex_unlock(&counts[i].mu);
		for (int h = 0; h < BUCKETS; h++)
			for (struct cnode *c = taken[h], *next; c; c = next) {
				next = c->next;
				table_add(all, &c->c);
				free(c);
			}
	}
	for (int h = 0; h < BUCKETS; h++)
		for (struct cnode *c = all[h]; c; c = c->next)
			count++;
	struct visit_count *out = count ? xcalloc(count, sizeof(*out)) : NULL;
	size_t k = 0;
	for (int h = 0; h < BUCKETS; h++)
		for (struct cnode *c = all[h], *next; c; c = next) {
			next = c->next;
			out[k++] = c->c;
			free(c);
		}
	free(all);
	*n = count;
	return out;
}

void visits_restore(const struct visit_count *c, size_t n)
{
	struct cshard *s = my_shard();
	pthread_mutex_lock(&s->mu);
	for (size_t i = 0; i < n; i++)
		table_add(s->b, &c[i]);
	pthread_mutex_unlock(&s->mu);
}

int64_t visits_pending(int64_t site_id)
{
	int64_t n = 0;
	pthread_once(&once, shards_init);
	for (int i = 0; i < VISITS_SHARDS; i++) {
		pthread_mutex_lock(&counts[i].mu);
		for (int h = 0; h < BUCKETS; h++)
			for (struct cnode *c = counts[i].b[h]; c; c = c->next)
				if (c->c.site_id == site_id && !c->c.item_id && !c->c.host[0])
					n += c->c.n;
		pthread_mutex_unlock(&counts[i].mu);
	}
	return n;
}

void visits_reset(void)
{
	size_t n;
	free(visits_drain(&n));
	visits_prune(INT64_MAX / 2);
}
