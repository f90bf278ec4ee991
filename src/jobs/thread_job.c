/* thread_job.c — a scheduler job in a thread of its own (thread_job.h). */
#include "jobs/thread_job.h"

#include <pthread.h>
#include <stdlib.h>

#include "base/log.h"
#include "base/util.h"
#include "db/db.h"

#include "base/banned.h"

struct thread_job {
	const char *name;
	char *db_path;
	thread_job_run run;
	pthread_mutex_t lock;
	pthread_t thread;
	int running, joinable, stopping;
};

struct thread_job *thread_job_new(const char *name, const char *db_path, thread_job_run run)
{
	struct thread_job *j = xcalloc(1, sizeof(*j));
	j->name = name;
	j->db_path = xstrdup(db_path);
	j->run = run;
	pthread_mutex_init(&j->lock, NULL);
	return j;
}

int thread_job_stopping(void *arg)
{
	struct thread_job *j = arg;
	pthread_mutex_lock(&j->lock);
	int s = j->stopping;
	pthread_mutex_unlock(&j->lock);
	return s;
}

static void *job_main(void *arg)
{
	struct thread_job *j = arg;
	char err[256];
	struct db *db = db_open(j->db_path, err, sizeof(err));
	if (db) {
		j->run(db, j);
		db_close(db);
	} else {
		log_error("%s: %s", j->name, err);
	}
	pthread_mutex_lock(&j->lock);
	j->running = 0;
	pthread_mutex_unlock(&j->lock);
	return NULL;
}

int thread_job_busy(struct thread_job *j)
{
	pthread_mutex_lock(&j->lock);
	int running = j->running;
	if (!running && j->joinable) {
		pthread_join(j->thread, NULL);
		j->joinable = 0;
	}
	pthread_mutex_unlock(&j->lock);
	return running;
}

void thread_job_start(struct thread_job *j)
{
	pthread_mutex_lock(&j->lock);
	if (!j->running && !j->joinable) {
		j->running = 1;
		if (pthread_create(&j->thread, NULL, job_main, j)) {
			j->running = 0;
			log_error("%s: could not start a thread", j->name);
		} else {
			j->joinable = 1;
		}
	}
	pthread_mutex_unlock(&j->lock);
}

void thread_job_free(struct thread_job *j)
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
