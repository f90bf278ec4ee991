/* outbox.h — the citizens' mail waiting to be sent (table mail_outbox): the one path by which a
 * ticket's notice, a subscription's confirmation, notice or digest reaches the mail module. A
 * model function queues a mail inside its own transaction (so a change rolled back sends
 * nothing); the scheduler (jobs/outbox.h) takes the due ones and sends them through
 * mail/mail.h, retrying with a back-off. The address is sealed at rest (pdata.h). */
#ifndef CONG_MODEL_OUTBOX_H
#define CONG_MODEL_OUTBOX_H

#include <jansson.h>
#include <stdint.h>

struct db;

struct outbox_mail {
	int64_t site_id;
	int64_t ticket_id;       /* the ticket it is about, or 0 */
	int64_t subscription_id; /* the subscription it is for, or 0 */
	const char *rcpt;        /* one address, in clear: sealed here */
	const char *subject;
	const char *text;        /* the plain text body */
	const char *html;        /* its HTML alternative (escaped by the caller), or NULL: text only */
	const char *unsubscribe_url; /* RFC 8058 one-click address (subscriptions), or NULL */
};

/* Queues M to go at NOW, inside the caller's transaction. 0 or -1. */
int outbox_put(struct db *db, const struct outbox_mail *m, int64_t now);

/* Mail waiting whose time has come: [{id, rcpt (opened), subject, body, html ("" for text
 * only), tries, unsubscribe_url ("" but for a subscription's mail)}], at most LIMIT. */
json_t *outbox_due(struct db *db, int64_t now, int limit);
/* The outcome of sending outbox mail ID (TRIES the attempts before this one): ERR NULL, sent;
 * else tried again later (1 minute, doubling, at most 6 hours), given up after OUTBOX_TRIES. */
#define OUTBOX_TRIES 10
int outbox_done(struct db *db, int64_t id, const char *err, int tries, int64_t now);

/* Opens, in place, the sealed column KEY of every row of ROWS (rows read from the store): the
 * opened text, or "" when it does not open (secret.key replaced). Shared by the outboxes that
 * keep a sealed value beside each row (the mail's address, a webhook's secret). */
void pdata_open_rows(json_t *rows, const char *key);

#endif
