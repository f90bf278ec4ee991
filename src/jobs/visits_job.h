/* visits_job.h — the visit counters (http/visits.h) moved to the store (model/visits.h) in
 * batches: by the scheduler once a minute and when the server stops, and on the admin's asking
 * (the statistics page's "update now", which the tests use to read exact counts). */
#ifndef CONG_JOBS_VISITS_JOB_H
#define CONG_JOBS_VISITS_JOB_H

#include <stdint.h>

struct db;

#define VISITS_FLUSH_SECS 60

/* Every counter gathered so far added to the store in one transaction (given back to memory
 * when it fails, for the next time); the visitors no longer online forgotten. Returns the
 * number of counters stored, or -1. Thread-safe: any connection of the caller's thread. */
int visits_job_flush(struct db *db, int64_t now);
/* visits_job_flush when VISITS_FLUSH_SECS have passed since the last tick that flushed (the
 * scheduler's thread only). */
void visits_job_tick(struct db *db, int64_t now);

#endif
