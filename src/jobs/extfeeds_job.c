/* extfeeds_job.c — the external feeds' pulls in their own thread; see extfeeds_job.h. */
#include "jobs/extfeeds_job.h"
#include "base/log.h"
#include "base/util.h"
#include "db/db.h"
#include "model/extfeeds.h"

#include <pthread.h>
#include <stdlib.h>

#include "base/banned.h"

struct extfeeds_job {
	char *db_path;
	pthread_mutex_t lock;
	pthread_t thread;
	int running, joinable, stopping;
};

struct extfeeds_job *extfeeds_job_new(const char *db_path)
{
	struct extfeeds_job *j = xcalloc(1, sizeof(*j));
	j->db_path = xstrdup(db_path);
	pthread_mutex_init(&j->lock, NULL);
	return j;
}

static int job_stopping(void *arg)
{
	struct extfeeds_job *j = arg;
	pthread_mutex_lock(&j->lock);
	int s = j->stopping;
	pthread_mutex_unlock(&j->lock);
	return s;
}

static void *job_main(void *arg)
{
	struct extfeeds_job *j = arg;
	char err[256];
	struct db *db = db_open(j->db_path, err, sizeof(err));
	if (db) {
		struct extfeed_opts o;
		int pulled = 0, failed = 0;
		extfeed_opts_read(db, &o);
		o.stop = job_stopping;
		o.arg = j;
		if (extfeeds_pull_due(db, &o, time_now(), &pulled, &failed))
			log_error("extfeeds: the pulls could not record their results: %s", db_errmsg(db));
		else if (failed)
			log_warn("extfeeds: pulled %d feed(s), %d failed", pulled, failed);
		db_close(db);
	} else {
		log_error("extfeeds: %s", err);
	}
	pthread_mutex_lock(&j->lock);
	j->running = 0;
	pthread_mutex_unlock(&j->lock);
	return NULL;
}

void extfeeds_job_tick(struct extfeeds_job *j, struct db *db, int64_t now)
{
	pthread_mutex_lock(&j->lock);
	int running = j->running;
	if (!running && j->joinable) {
		pthread_join(j->thread, NULL);
		j->joinable = 0;
	}
	pthread_mutex_unlock(&j->lock);
	if (running)
		return;
	struct extfeed_opts o;
	extfeed_opts_read(db, &o);
	if (extfeeds_due(db, &o, now) != 1)
		return; /* nothing due, or the store failed: the next pass */
	pthread_mutex_lock(&j->lock);
	j->running = 1;
	if (pthread_create(&j->thread, NULL, job_main, j)) {
		j->running = 0;
		log_error("extfeeds: the pulls could not start a thread");
	} else {
		j->joinable = 1;
	}
	pthread_mutex_unlock(&j->lock);
}

void extfeeds_job_free(struct extfeeds_job *j)
{
	if (!j)
		return;
	pthread_mutex_lock(&j->lock);
	j->stopping = 1;
	int joinable = j->joinable;
	pthread_mutex_unlock(&j->lock);
	if (joinable)
		pthread_join(j->thread, NULL);
	pthread_mutex_destroy(&j->lock);
	free(j->db_path);
	free(j);
}
