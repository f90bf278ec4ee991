/* links_job.h — the daily dead-link check of `cong serve` (model/links.h): once a Vietnam day,
 * from the hour of the setting links_check_hour (0..23, default 2), the published links not
 * checked for 20 hours are checked in a thread of their own (the scheduler keeps publishing
 * meanwhile). The day is recorded (setting links_checked_day) before the run starts, so a
 * restart runs it again only on another day; each link's result is kept as soon as it is known. */
#ifndef CONG_LINKS_JOB_H
#define CONG_LINKS_JOB_H

#include <stdint.h>

struct db;
struct thread_job;

/* The job (jobs/thread_job.h: thread_job_free asks a running check to stop after its current
 * link and waits for it). */
struct thread_job *links_job_new(const char *db_path);
/* Starts the day's check when it is due and none is running. */
void links_job_tick(struct thread_job *j, struct db *db, int64_t now);

#endif
