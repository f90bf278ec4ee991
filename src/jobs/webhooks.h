/* webhooks.h — the scheduler's sender of webhook deliveries (model/webhook.h, docs/webhooks.md):
 * each due delivery POSTed once with libcurl (JSON body, signed with the hook's secret and a
 * timestamp), at most a few a pass and for at most a few seconds, so that a slow receiver cannot
 * hold the scheduler's other work for long. No redirect is followed, no proxy of the environment
 * is used, the answer's body is read only up to 64 KiB, and addresses of private networks are
 * not reached unless the setting webhooks_allow_private is "1" (model/links.h's list). */
#ifndef CONG_JOBS_WEBHOOKS_H
#define CONG_JOBS_WEBHOOKS_H

#include <stdint.h>

struct db;

/* Sends what is due at NOW; how many were delivered, -1 on a store error. Finished deliveries
 * older than 30 days are forgotten on the way. */
int webhooks_run(struct db *db, int64_t now);

#endif
