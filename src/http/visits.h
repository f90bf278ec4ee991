/* visits.h — page views counted in memory as they are served (docs/visits.md).
 *
 *   What:    every public HTML page a GET answers 200 or 304, from the page cache or not, adds
 *            one to its site's count of the day, to its item's when it is an item's page, and
 *            to its referrer's host when that is another site's; crawlers are not counted.
 *   Where:   counters in shards, one per worker thread (at most VISITS_SHARDS): a request
 *            takes its own shard's lock, which nobody else wants but the drain once a minute,
 *            so the cached path gains a few hundred nanoseconds and no shared cache line.
 *   Stored:  visits_drain() hands the counts over and empties the shards; the scheduler adds
 *            them to the store in one transaction (model/visits.h visits_store), and gives
 *            them back with visits_restore() when that fails. No request ever writes.
 *   Online:  the distinct visitors of the last VISITS_ONLINE_SECS seconds, each known by a
 *            keyed hash of its address and User-Agent under a salt made at random each day
 *            and held in memory only: no cookie, no address kept, nothing of it stored.
 */
#ifndef CONG_HTTP_VISITS_H
#define CONG_HTTP_VISITS_H

#include "model/visits.h"

#include <stddef.h>
#include <stdint.h>

#define VISITS_SHARDS 64
#define VISITS_ONLINE_SECS 300

/* Counts one page view of SITE_ID (of item ITEM_ID, 0 when the page is no item's) at time NOW,
 * by the visitor at ADDRESS with USER_AGENT, who came from REFERER (may be NULL), for a page
 * asked of HOST (the Host header: a referrer of the same host is internal). Returns 1 when
 * counted, 0 when USER_AGENT is a crawler's (visits_is_bot). Thread-safe. */
int visits_note(int64_t site_id, int64_t item_id, const char *host, const char *address, const char *user_agent,
		const char *referer, int64_t now);
/* 1 when USER_AGENT names a crawler, a monitor or a library rather than a browser: missing,
 * empty, or containing "bot", "crawl", "spider", "curl/", "python-" and the like. */
int visits_is_bot(const char *user_agent);
/* The host of REFERER, lower-cased, into OUT[N] when it is an http(s) address of another host
 * than HOST (whose port is ignored): 0; else -1 (internal, not a URL, too long). */
int visits_referrer_host(const char *referer, const char *host, char *out, size_t n);

/* Every counter gathered since the last drain, merged (one per site, item or host and day): a
 * malloc'd array of *N (NULL when none); the shards start again from zero. */
struct visit_count *visits_drain(size_t *n);
/* Gives back counters a drain took but the store did not keep. */
void visits_restore(const struct visit_count *c, size_t n);
/* The views of SITE_ID counted but not yet drained (the public counter adds them). */
int64_t visits_pending(int64_t site_id);
/* The distinct visitors of SITE_ID in the VISITS_ONLINE_SECS seconds before NOW. */
int64_t visits_online(int64_t site_id, int64_t now);
/* Forgets the visitors not seen in that window (the scheduler, at each drain). */
void visits_prune(int64_t now);
/* Everything forgotten (the unit tests). */
void visits_reset(void);

#endif
