/* extfeeds.h — sites hosted elsewhere, pulled by their feeds (VL Đ33; docs/external-feeds.md).
 * The main portal's administrators register a unit's site hosted elsewhere (a name, the unit's
 * site here if it has one, its home address, its feed's address); the scheduler pulls each feed
 * (jobs/extfeeds_job.h) with libcurl under limits (time, size, slow servers, redirects, http and
 * https only, no private address unless allowed, conditional GET), parses it
 * (render/feedparse.h) and keeps a bounded number of its newest items (migration 0039), which the
 * main portal's home and its page of member sites' news show with their source, linking out. A
 * pull that fails keeps the items it had and records the error for the administrators' page. */
#ifndef CONG_MODEL_EXTFEEDS_H
#define CONG_MODEL_EXTFEEDS_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

struct db;
struct errs;
struct actor;

/* ---- the register (the main portal's site administrators; every change audited) ---- */

struct extsite_input {
	const char *name;     /* required, at most 200 characters */
	const char *unit;     /* the id of the unit's site here, "" or NULL: none */
	const char *home_url; /* required, http(s) */
	const char *feed_url; /* required, http(s), not registered twice */
	const char *interval; /* minutes between two pulls of this feed, EXTSITE_INTERVAL_MIN..MAX;
			       * "" or NULL: the installation's (extfeeds_interval_minutes) */
};
#define EXTSITE_INTERVAL_MIN 5
#define EXTSITE_INTERVAL_MAX 10080 /* a week */
/* Whether A administers the main portal (the register's pages and actions). */
int extsite_may_manage(struct db *db, const struct actor *a);
/* M_OK with *ID, M_INVALID (E: field errors under name, unit, home_url, feed_url, interval), M_DENIED,
 * M_ERROR. A new site's feed is pulled at the scheduler's next pass. */
int extsite_add(struct db *db, const struct actor *a, const struct extsite_input *in, int64_t now, struct errs *e,
		int64_t *id);
/* The same for site ID; a changed feed address forgets the conditional GET's validators and is
 * pulled again at once. M_NOTFOUND when there is no such site. */
int extsite_update(struct db *db, const struct actor *a, int64_t id, const struct extsite_input *in, int64_t now,
		   struct errs *e);
/* Removes site ID and its items. */
int extsite_delete(struct db *db, const struct actor *a, int64_t id);
/* "Pull now": the scheduler pulls site ID at its next pass (a few seconds), whatever its
 * schedule; the page does not wait for the answer. */
int extsite_pull_request(struct db *db, const struct actor *a, int64_t id);
/* The register with each site's state: [{id, name, unit_site_id, unit_name, home_url, feed_url,
 * interval_minutes (null: the installation's), pull_asked, last_pull_at, last_ok_at, last_error, last_detail, last_error_at, fails, nitems}],
 * by name. NULL when A may not manage it. */
json_t *extsites_list(struct db *db, const struct actor *a);
/* One site of the register (as extsites_list's rows); NULL when denied or not found. */
json_t *extsite_get(struct db *db, const struct actor *a, int64_t id);

/* ---- pulling ---- */

struct extfeed_opts {
	int allow_private;  /* reach loopback and private networks (tests, an intranet) */
	long timeout;       /* seconds for one pull, redirects included */
	long max_bytes;     /* of the body (decoded); beyond, the transfer is cut and refused */
	long max_redirects;
	long low_speed;     /* bytes per second below which, for LOW_SPEED_TIME, the server is too slow */
	long low_speed_time;
	long keep;          /* items kept per site, the newest */
	long interval;      /* seconds between two pulls of a feed */
	/* asked during a transfer and between feeds; nonzero stops (the server shutting down) */
	int (*stop)(void *arg);
	void *arg;
};
/* The settings' values: extfeeds_allow_private "1"; extfeeds_timeout 1..120 seconds (20);
 * extfeeds_max_kb 16..2048 (2048); extfeeds_max_redirects 0..10 (5); extfeeds_keep 1..100
 * (30); extfeeds_interval_minutes 1..1440 (30). The slow-server limit is 256 bytes a second
 * over min(10, timeout) seconds. */
void extfeed_opts_read(struct db *db, struct extfeed_opts *o);

/* What one HTTP request for a feed brought back. */
struct extfeed_fetch {
	int ok;               /* a usable answer: a body (200..299) or NOT_MODIFIED */
	int not_modified;     /* 304 to the conditional GET */
	long status;          /* the final HTTP status, 0 when there was none */
	char *body;           /* malloc'd, NUL-terminated; NULL when none */
	size_t len;
	char etag[256];       /* the answer's validators ("" when it gave none) */
	char last_modified[128];
	const char *error;    /* a locale key (extfeed_err_*), "" when ok */
	char detail[256];     /* libcurl's words, for the administrator (English) */
};
/* GETs URL under O's limits, conditionally when ETAG or LAST_MODIFIED is not empty. */
void extfeed_fetch(const char *url, const char *etag, const char *last_modified, const struct extfeed_opts *o,
		   struct extfeed_fetch *out);
void extfeed_fetch_release(struct extfeed_fetch *f);

/* Pulls site ID now: fetch, parse, store (one transaction: items added or updated, the oldest
 * beyond O->keep dropped, the state recorded; the main portal's pages renewed when an item
 * changed). A failure is recorded on the site (its items stay) and logged. *CHANGED (may be
 * NULL) gets how many items were added, changed or dropped, or -1 when the pull failed.
 * M_OK (whatever the feed answered), M_NOTFOUND, M_ERROR on a store error. */
int extfeed_pull(struct db *db, int64_t id, const struct extfeed_opts *o, int64_t now, int *changed);
/* The second half of a good pull, for the tests: F's items stored for site ID as extfeed_pull
 * stores them (KEEP the newest), the site's state recorded good, in one transaction. */
struct feed;
int extfeed_store(struct db *db, int64_t id, const struct feed *f, long keep, int64_t now, int *changed);
/* 1 when some site is due (asked, or not pulled for its own interval, else O's), 0 when none, -1 on error. */
int extfeeds_due(struct db *db, const struct extfeed_opts *o, int64_t now);
/* Pulls every due site, one after the other; *PULLED and *FAILED (may be NULL) get the counts.
 * M_OK or M_ERROR. */
int extfeeds_pull_due(struct db *db, const struct extfeed_opts *o, int64_t now, int *pulled, int *failed);

/* ---- public ---- */

/* The newest items of every external site: [{id, link, title, summary, author, image,
 * published_at, source, source_url}], LIMIT from OFFSET; *TOTAL (may be NULL) the number of
 * items. NULL on a store error. */
json_t *extfeed_items_public(struct db *db, int64_t limit, int64_t offset, int64_t *total);

#endif
