/* visits_job.c — the batches of visit counts (jobs/visits_job.h). */
#include "jobs/visits_job.h"
#include "http/visits.h"
#include "model/visits.h"
#include "base/log.h"

#include <stdlib.h>

#include "base/banned.h"

int visits_job_flush(struct db *db, int64_t now)
{
	size_t n;
	struct visit_count *c = visits_drain(&n);
	int rc = (int)n;
	if (n && visits_store(db, c, n)) {
		/* the database refused (busy, gone): the counts wait in memory for the next batch */
		visits_restore(c, n);
		log_warn("visits: %zu counter(s) could not be stored; kept for the next batch", n);
		rc = -1;
	}
	free(c);
	visits_prune(now);
	return rc;
}

void visits_job_tick(struct db *db, int64_t now)
{
	static int64_t last; /* the scheduler's thread only */
	if (now - last < VISITS_FLUSH_SECS && now >= last)
		return;
	last = now;
	visits_job_flush(db, now);
}
