/* links_job.c — the daily dead-link check; see links_job.h. */
#include "jobs/links_job.h"
#include "jobs/thread_job.h"
#include "base/log.h"
#include "base/util.h"
#include "db/db.h"
#include "model/links.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

static void links_run(struct db *db, struct thread_job *j)
{
	struct link_check_opts o;
	int checked = 0, broken = 0;
	link_check_opts_read(db, &o);
	o.stop = thread_job_stopping;
	o.arg = j;
	if (links_check_run(db, NULL, 0, 1, &o, time_now(), &checked, &broken))
		log_error("links: the check could not record its results: %s", db_errmsg(db));
	else if (checked)
		log_info("links: checked %d link(s), %d broken", checked, broken);
}

struct thread_job *links_job_new(const char *db_path)
{
	return thread_job_new("links", db_path, links_run);
}

void links_job_tick(struct thread_job *j, struct db *db, int64_t now)
{
	if (thread_job_busy(j))
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
	thread_job_start(j);
}
