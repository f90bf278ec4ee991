/* webhook.h — a site's webhooks (issue #16; docs/webhooks.md): addresses of other systems told,
 * by a signed HTTP POST, when one of the site's items (any kind, news included) is published,
 * updated or withdrawn. The event is queued in the transaction of the change itself
 * (webhook_queue, from the workflow), so none is lost and none is sent for a change rolled back;
 * the scheduler sends the deliveries (jobs/webhooks.h), retried with back-off and every attempt
 * logged. The board of the site (site administrators) manages them at /quan-tri/webhook. */
#ifndef CONG_MODEL_WEBHOOK_H
#define CONG_MODEL_WEBHOOK_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

struct db;
struct actor;
struct errs;

#define WEBHOOK_TRIES 6     /* attempts of one delivery before it is given up */
#define WEBHOOK_MAX 20      /* hooks of one site */
#define WEBHOOK_URL_MAX 2000
#define WEBHOOK_SIG_LEN 71  /* "sha256=" and 64 hex digits */

/* The events, as the payload and the form name them. */
extern const char *const webhook_events[3]; /* "published", "updated", "withdrawn" */

struct webhook_input {
	const char *url;
	int events[3];      /* nonzero: webhook_events[i] wanted */
	int enabled;
	const char *base_url; /* the site's address as this request sees it, ending in "/" */
};

/* The address check of the form: http or https (libcurl's URL parser), a host, no user name or
 * password in it, no spaces, at most WEBHOOK_URL_MAX bytes. Errors on field "url". */
void webhook_url_check(const char *url, struct errs *e);

/* Site administrators of SITE_ID (and the system administrator); each change audited, in one
 * transaction. M_OK, M_INVALID (E says why, by field), M_DENIED, M_NOTFOUND or M_ERROR. */
int webhook_add(struct db *db, const struct actor *a, int64_t site_id, const struct webhook_input *in,
		struct errs *e, int64_t *id);
int webhook_update(struct db *db, const struct actor *a, int64_t site_id, int64_t id, const struct webhook_input *in,
		   struct errs *e);
/* Deletes hook ID with its deliveries and their attempts. */
int webhook_delete(struct db *db, const struct actor *a, int64_t site_id, int64_t id);
/* Hook ID's secret opened for A (audited: who saw it), or a new one made first when ROTATE (the
 * old one stops signing at once). *SECRET is malloc'd; the caller wipes and frees it. */
int webhook_secret(struct db *db, const struct actor *a, int64_t site_id, int64_t id, int rotate, char **secret);
/* Queues a "ping" delivery to hook ID, sent at the scheduler's next pass. */
int webhook_test(struct db *db, const struct actor *a, int64_t site_id, int64_t id);
/* Makes delivery ID of SITE_ID due again now with its tries counted afresh ("gửi lại"); its
 * earlier attempts stay in its log. */
int webhook_redeliver(struct db *db, const struct actor *a, int64_t site_id, int64_t id);

/* SITE_ID's hooks [{id, url, events, enabled, created_at, pending, failed}] (never the secret);
 * NULL when A is not a site administrator there. */
json_t *webhook_list(struct db *db, const struct actor *a, int64_t site_id);
/* One hook {id, url, events, enabled, …}; NULL when not SITE_ID's or A may not see it. */
json_t *webhook_get(struct db *db, const struct actor *a, int64_t site_id, int64_t id);
/* The newest LIMIT deliveries of SITE_ID (of hook HOOK_ID only when nonzero): [{id, hook_id,
 * url, event, item_id, title, state, tries, attempts, next_at, last_at, last_status, last_error,
 * created_at}]; NULL when denied. */
json_t *webhook_deliveries(struct db *db, const struct actor *a, int64_t site_id, int64_t hook_id, int64_t limit);
/* One delivery with its payload and every attempt {at, status, duration_ms, error}. */
json_t *webhook_delivery_get(struct db *db, const struct actor *a, int64_t site_id, int64_t id);

/* Queues EVENT (one of webhook_events) of item ID for every enabled hook of its site that wants
 * it, inside the caller's transaction (the workflow's): 0, or -1 on a store error, when the
 * caller must roll its change back. Costs one query when the site has no hook. */
int webhook_queue(struct db *db, int64_t item_id, const char *event, int64_t now);

/* ---- the sender's side (jobs/webhooks.c) ---- */

/* At most LIMIT deliveries due at NOW of enabled hooks, oldest first: [{id, hook_id, event,
 * payload, tries, url, secret (opened; "" when it does not open)}]. */
json_t *webhook_due(struct db *db, int64_t now, int limit);
/* Records an attempt of delivery ID made at NOW (STATUS the HTTP status or 0, MS its duration,
 * ERR NULL when it succeeded) and what follows: delivered, due again after the back-off, or
 * given up after WEBHOOK_TRIES. 0, or -1 on a store error. */
int webhook_attempt_done(struct db *db, int64_t id, long status, int64_t ms, const char *err, int64_t now);
/* Seconds to wait after the FAILED-th failed attempt (1, 5 and 30 minutes, 2 and 12 hours), or
 * -1 when that was the last try (FAILED >= WEBHOOK_TRIES). */
int64_t webhook_backoff(int failed);
/* "sha256=<hex>": HMAC-SHA256 under SECRET (its bytes as text) of "<TS>." followed by the BODY's
 * N bytes. The timestamp is signed so that a delivery captured cannot be replayed later. */
void webhook_sign(const char *secret, int64_t ts, const char *body, size_t n, char out[WEBHOOK_SIG_LEN + 1]);
/* Deletes the finished deliveries (delivered, failed) older than DAYS days; how many, or -1. */
int webhook_purge(struct db *db, int64_t now, int days);

#endif
