/* extfeeds_job.h — the pulls of the external sites' feeds by `cong serve` (model/extfeeds.h):
 * at each scheduler pass, when some feed is due (not pulled for extfeeds_interval_minutes, or an
 * administrator asked for it now), the due feeds are pulled one after the other in a thread of
 * their own, so that a slow feed never holds the scheduler back. */
#ifndef CONG_EXTFEEDS_JOB_H
#define CONG_EXTFEEDS_JOB_H

#include <stdint.h>

struct db;
struct thread_job;

/* The job (jobs/thread_job.h: thread_job_free asks a running pull to stop at once, its transfer
 * cut, and waits for it). */
struct thread_job *extfeeds_job_new(const char *db_path);
/* Starts a run when some feed is due and none is running. */
void extfeeds_job_tick(struct thread_job *j, struct db *db, int64_t now);

#endif
