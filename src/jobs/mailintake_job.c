/* mailintake_job.c — the boards' mailboxes read in their own thread; see mailintake_job.h. */
#include "jobs/mailintake_job.h"
#include "jobs/thread_job.h"
#include "base/log.h"
#include "base/util.h"
#include "db/db.h"
#include "model/mailintake.h"
#include "model/model.h"

#include "base/banned.h"

static void mailintake_run(struct db *db, struct thread_job *j)
{
	int taken = 0, failed = 0;
	if (mailboxes_pull_due(db, time_now(), thread_job_stopping, j, &taken, &failed) != M_OK)
		log_error("mail intake: the pulls could not record their results: %s", db_errmsg(db));
	if (taken)
		log_info("mail intake: took %d message(s)", taken);
	if (failed)
		log_warn("mail intake: %d mailbox(es) could not be read", failed);
}

struct thread_job *mailintake_job_new(const char *db_path)
{
	return thread_job_new("mail intake", db_path, mailintake_run);
}

void mailintake_job_tick(struct thread_job *j, struct db *db, int64_t now)
{
	if (thread_job_busy(j))
		return;
	if (mailboxes_due(db, now) != 1)
		return; /* nothing due, or the store failed: the next pass */
	thread_job_start(j);
}
