/* subscription.h — citizens' e-mail subscriptions (BT Đ3.1; docs/subscriptions.md): without an
 * account, an address subscribes to a whole site, a category or a kind of item, and receives a
 * notice soon after each item is published, or a daily or weekly digest.
 *
 * Double opt-in: a subscription is pending until the link of its confirmation mail is followed
 * (a random token, only its BLAKE2b hash kept, good for SUB_CONFIRM_TTL). Each mail then carries
 * a one-click unsubscribe address (RFC 8058) whose token is a keyed tag of the subscription: the
 * token is the authority, so the unsubscribe needs no session nor CSRF cookie. The address is
 * sealed at rest (pdata.h) and found again by its keyed tag; neither the database nor the log
 * ever holds it in clear. Mail goes through the citizens' outbox (jobs/outbox.h). */
#ifndef CONG_MODEL_SUBSCRIPTION_H
#define CONG_MODEL_SUBSCRIPTION_H

#include <jansson.h>
#include <stdint.h>

struct db;
struct errs;
struct actor;

#define SUB_CONFIRM_TTL (7 * 86400)
#define SUB_TOKEN_LEN 43       /* base64url of 32 random bytes */
#define SUB_HASH_LEN 64        /* hex of a 32-byte BLAKE2b hash */
#define SUB_UNSUB_TOKEN_MAX 64 /* "<id>.<tag>" */
#define SUB_DIGEST_HOUR 7      /* the digests' hour in Vietnam time (setting subscription_hour,
				* a site's own sites.subscription_hour) */
#define SUB_RESEND_WAIT 600    /* one confirmation mail per subscription in this many seconds */

enum sub_frequency { SUB_IMMEDIATE, SUB_DAILY, SUB_WEEKLY, SUB_NFREQ };
extern const char *const sub_frequency_names[SUB_NFREQ]; /* "immediate", "daily", "weekly" */

struct sub_input {
	const char *email;
	const char *target;    /* "" or "site": the whole site; "c:<id>" a category; "k:<kind>" a kind */
	const char *frequency; /* sub_frequency_names */
	const char *lang;      /* the page's language: the mail's */
	const char *base_url;  /* "https://host/": the site as the citizen reached it */
	const char *challenge; /* the form's challenge token, spent in the same transaction */
};

/* Records the request of IN on SITE_ID: a new pending subscription, or the existing one of the
 * same address and target (never a second row), with a fresh confirmation token, and queues the
 * confirmation mail in TEXTS (the request language's texts, locale/<lang>/subscriptions.json).
 * An active subscription stays as it is until the new link is followed; a request repeated
 * within SUB_RESEND_WAIT sends no second mail. Errors under "email", "target", "frequency",
 * "challenge". M_OK, M_INVALID, M_ERROR. The answer never says whether the address was known. */
int subscription_request(struct db *db, int64_t site_id, const struct sub_input *in, const json_t *texts,
			 int64_t now, struct errs *e);

/* Follows confirmation TOKEN at NOW: the subscription becomes active with what was asked last.
 * Following it again is harmless (M_OK again). M_NOTFOUND for an unknown or expired token.
 * *OUT (may be NULL) gets {target_label, frequency, site_id}. */
int subscription_confirm(struct db *db, const char *token, int64_t now, json_t **out);

/* The subscription unsubscribe TOKEN names, for the page that asks to confirm: {id, site_id,
 * state, target_label, email_masked}, or NULL when the token is not one. */
json_t *subscription_by_unsub_token(struct db *db, const char *token);
/* Ends it: state 'unsubscribed', its waiting mail dropped, its confirmation link void. Again is
 * harmless. M_OK, M_NOTFOUND (not a token of ours), M_ERROR. */
int subscription_unsubscribe(struct db *db, const char *token, int64_t now);

/* The one-click token of subscription ID with SALT into OUT; 0 or -1 (no key). */
int subscription_unsub_token(int64_t id, const char *salt, char out[SUB_UNSUB_TOKEN_MAX + 1]);

/* The scheduler's pass at NOW: immediate notices of what was published since each confirmed
 * subscription last heard, and the daily (every day) and weekly (Mondays) digests once the hour
 * of their site (subscription_hour_get) has come in Vietnam, each in the
 * subscription's language from LOCALES (all languages, base/locale.h). Never an item twice to
 * a subscription, never an empty digest. How many mails were queued, or -1. */
int subscription_run(struct db *db, const json_t *locales, int64_t now);

/* Whether a digest of FREQ whose last one went on day LAST_DAY is due at NOW with the digests'
 * HOUR (Vietnam time): daily from HOUR each day, weekly from HOUR each Monday (or later in the
 * week when Monday's was missed). 0 for an immediate subscription. */
int subscription_digest_due(enum sub_frequency freq, int32_t last_day, int64_t now, int hour);

/* The items the subscription ID would be sent at NOW, oldest first: published on its site in its
 * language, matching its target, after its confirmation and within two of its periods (two days
 * for immediate notices), never sent to it before. [{id, kind, title, slug, summary,
 * published_at}]; NULL on a store error. */
json_t *subscription_items(struct db *db, int64_t id, int64_t now);

/* Whether kind K can be followed: not the reference data (units, officials, links, fixed pages,
 * banners), whose changes are no news to anyone. */
struct kind;
int subscription_kind_offered(const struct kind *k);

/* "/tin/<slug>-<id>" or "/<segment>/<slug>-<id>": an item's public path, as web_item_path. */
char *subscription_item_path(const char *kind, const char *slug, int64_t id);
/* "b***@e***.vn": what the administrators see of an address. Malloc'd. */
char *subscription_mask(const char *email);

/* ---- the page of all of an address's subscriptions on a site (#16) ---- */

/* The token of that page's signed link, in every notice and digest of subscription ID with SALT
 * (its unsub_salt): a keyed tag like the unsubscribe token's, of another purpose. 0 or -1. */
int subscription_manage_token(int64_t id, const char *salt, char out[SUB_UNSUB_TOKEN_MAX + 1]);
/* What manage TOKEN reaches: {site_id, lang, email_masked, frequency (the first active one's, else
 * "daily"), subscriptions: [{id, target_key, target_label, frequency, state}], active: [target
 * keys]}, or NULL when it is not a token of ours. */
json_t *subscription_manage_view(struct db *db, const char *token);
/* Sets the address's subscriptions on the site to TARGETS (as sub_input.target; none:
 * unsubscribe from all) at FREQUENCY, one transaction: each target checked becomes active (a new
 * one without a second confirmation: the link came from the mailbox), each one not checked ends
 * with its waiting mail dropped. Errors under "target", "frequency". M_OK, M_INVALID,
 * M_NOTFOUND, M_ERROR. */
int subscription_manage_save(struct db *db, const char *token, const char *const *targets, size_t ntargets,
			     const char *frequency, int64_t now, struct errs *e);

/* The hour SITE_ID's digests go: its own (sites.subscription_hour; *OWN 1), else the setting
 * subscription_hour, else SUB_DIGEST_HOUR (*OWN 0; OWN may be NULL). */
int subscription_hour_get(struct db *db, int64_t site_id, int *own);
/* Sets it (HOUR "0".."23", "" for the installation's); site administrators, audited
 * ("subscription.hour"). Error "sub_hour_invalid" under "hour". */
int subscription_hour_set(struct db *db, const struct actor *a, int64_t site_id, const char *hour, struct errs *e);

/* ---- the administrators' page (site administrators of SITE_ID) ---- */
/* {counts: [{target_label, pending, active, unsubscribed}], subscriptions: [{id, email_masked,
 * target_label, frequency, state, created_at, confirmed_at}], mail: [{id, subject, created_at,
 * sent_at, tries, last_error, email_masked}]}; NULL when A may not see them. */
json_t *subscription_admin_view(struct db *db, const struct actor *a, int64_t site_id, int limit);
/* Deletes subscription ID of SITE_ID (its waiting mail too), audited. M_OK, M_DENIED,
 * M_NOTFOUND, M_ERROR. */
int subscription_remove(struct db *db, const struct actor *a, int64_t site_id, int64_t id);

#endif
