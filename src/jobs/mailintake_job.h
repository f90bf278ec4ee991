/* mailintake_job.h — the pulls of the boards' mailboxes by `cong serve` (model/mailintake.h): at
 * each scheduler pass, when some mailbox is due (not read for its interval, or an administrator
 * asked for it now), the due mailboxes are read one after the other in a thread of their own,
 * so that a slow mail server never holds the scheduler back. */
#ifndef CONG_MAILINTAKE_JOB_H
#define CONG_MAILINTAKE_JOB_H

#include <stdint.h>

struct db;
struct thread_job;

/* The job (jobs/thread_job.h: thread_job_free asks a running pull to stop, its transfer cut,
 * and waits for it). */
struct thread_job *mailintake_job_new(const char *db_path);
/* Starts a run when some mailbox is due and none is running. */
void mailintake_job_tick(struct thread_job *j, struct db *db, int64_t now);

#endif
