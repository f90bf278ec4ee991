/* extfeeds_job.c — the external feeds' pulls in their own thread; see extfeeds_job.h. */
#include "jobs/extfeeds_job.h"
#include "jobs/thread_job.h"
#include "base/log.h"
#include "base/util.h"
#include "db/db.h"
#include "model/extfeeds.h"

#include <stdlib.h>

#include "base/banned.h"

static void extfeeds_run(struct db *db, struct thread_job *j)
{
	struct extfeed_opts o;
	int pulled = 0, failed = 0;
	extfeed_opts_read(db, &o);
	o.stop = thread_job_stopping;
	o.arg = j;
	if (extfeeds_pull_due(db, &o, time_now(), &pulled, &failed))
		log_error("extfeeds: the pulls could not record their results: %s", db_errmsg(db));
	else if (failed)
		log_warn("extfeeds: pulled %d feed(s), %d failed", pulled, failed);
}

struct thread_job *extfeeds_job_new(const char *db_path)
{
	return thread_job_new("extfeeds", db_path, extfeeds_run);
}

void extfeeds_job_tick(struct thread_job *j, struct db *db, int64_t now)
{
	if (thread_job_busy(j))
		return;
	struct extfeed_opts o;
	extfeed_opts_read(db, &o);
	if (extfeeds_due(db, &o, now) != 1)
		return; /* nothing due, or the store failed: the next pass */
	thread_job_start(j);
}
