/* outbox.h — sends the mail to citizens that model/ticket.c queued (mail_outbox), through the
 * portal's SMTP settings (jobs/reminders.h), a few messages a pass of the scheduler; a refusal
 * or an unreachable server is tried again later, doubling the wait. The log names the message's
 * number and the server's answer, never the address. */
#ifndef CONG_JOBS_OUTBOX_H
#define CONG_JOBS_OUTBOX_H

#include <stdint.h>

struct db;

/* Sends what is due at NOW (at most 20); how many were sent, -1 on a store error. */
int outbox_run(struct db *db, int64_t now);

#endif
