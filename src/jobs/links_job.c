/* links_job.c — the daily dead-link check; see links_job.h. */
#include "jobs/links_job.h"
#include "base/log.h"
#include "base/util.h"
#include "db/db.h"
#include "model/links.h"
#include "vn/calendar.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

struct links_job {
	char *db_path;
	pthread_mutex_t lock;
	pthread_t thread;
	int running, joinable, stopping;
};

struct links_job *links_job_new(const char *db_path)
{
	struct links_job *j = xcalloc(1, sizeof(*j));
	j->db_path = xstrdup(db_path);
	pthread_mutex_init(&j->lock, NULL);
	return j;
}

static int job_stopping(void *arg)
{
	struct links_job *j = arg;
	pthread_mutex_lock(&j->lock);
	int s = j->stopping;
	pthread_mutex_unlock(&j->lock);
	return s;
}

static void *job_main(void *arg)
{
	struct links_job *j = arg;
	char err[256];
	struct db *db = db_open(j->db_path, err, sizeof(err));
	if (db) {
		struct link_check_opts o;
		int checked = 0, broken = 0;
		link_check_opts_read(db, &o);
		o.stop = job_stopping;
		o.arg = j;
		if (links_check_run(db, NULL, 0, 1, &o, time_now(), &checked, &broken))
			log_error("links: the check could not record its results: %s", db_errmsg(db));
		else if (checked)
			log_info("links: checked %d link(s), %d broken", checked, broken);
		db_close(db);
	} else {
		log_error("links: %s", err);
	}
	pthread_mutex_lock(&j->lock);
	j->running = 0;
	pthread_mutex_unlock(&j->lock);
	return NULL;
}

void links_job_tick(struct links_job *j, struct db *db, int64_t now)
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
	/* the board asked for a check now (links_check_request): whatever the hour */
	char *now_asked = db_setting_get(db, "links_check_now");
	int asked = now_asked && strcmp(now_asked, "1") == 0;
	free(now_asked);
	if (asked) {
		if (db_setting_set(db, "links_check_now", "0"))
			return;
		goto start;
	}
	int64_t hour = 2;
	char *v = db_setting_get(db, "links_check_hour");
	if (v && parse_i64(v, 0, 23, &hour))
		hour = 2;
	free(v);
	int64_t local = now + 7 * 3600;
	if ((local % 86400) / 3600 < hour)
		return;
	char today[16];
	snprintf(today, sizeof(today), "%ld", (long)vn_days_of_time(now));
	v = db_setting_get(db, "links_checked_day");
	int done = v && strcmp(v, today) == 0;
	free(v);
	if (done)
		return;
	int due = links_check_due(db, now);
	if (due < 0)
		return; /* the store failed: the next pass */
	if (!due) { /* nothing to check today */
		db_setting_set(db, "links_checked_day", today);
		return;
	}
	if (db_setting_set(db, "links_checked_day", today))
		return;
start:
	pthread_mutex_lock(&j->lock);
	j->running = 1;
	if (pthread_create(&j->thread, NULL, job_main, j)) {
		j->running = 0;
		log_error("links: the check could not start a thread");
	} else {
		j->joinable = 1;
	}
	pthread_mutex_unlock(&j->lock);
}

void links_job_free(struct links_job *j)
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
