/* backup_job.h — the scheduled backups of `cong serve` (settings backup_*, model/backups.h): when
 * the day (and for a weekly schedule the weekday) and the hour, Vietnam time, have come and no
 * scheduled backup succeeded that day, one runs in its own thread (a failed one is tried again an hour
 * later, three runs a day at most) (the scheduler keeps publishing
 * meanwhile), to the schedule's destinations, with its restore drill and the pruning of old
 * backups. A failure is logged, recorded (the dashboard shows it until a later run succeeds)
 * and mailed to the main portal's board (sites.email) and the addresses of backup_alert_to. */
#ifndef CONG_BACKUP_JOB_H
#define CONG_BACKUP_JOB_H

#include <stdint.h>

struct db;
struct backup_job;

struct backup_job *backup_job_new(const char *db_path, const char *data_dir);
/* The day's scheduled runs as the decision needs them. */
struct backup_day {
	int runs;           /* scheduled runs started today (Vietnam day) */
	int last_ok;        /* the newest of them succeeded */
	int64_t last_start; /* and when it started */
};
/* A failed scheduled run is tried again BACKUP_RETRY_MINUTES after it started, at most
 * BACKUP_RUNS_A_DAY runs in a day: a passing network or disk fault does not cost the day. */
#define BACKUP_RETRY_MINUTES 60
#define BACKUP_RUNS_A_DAY 3
/* 1 when a scheduled backup should start at NOW (seconds since local midnight: LOCAL) given the
 * schedule (HOUR; WEEKLY with today's weekday TODAY_WD, 1 Monday … 7 Sunday, against WEEKDAY) and
 * today's runs D. Pure: tests/unit/test_backup.c. */
int backup_job_due(int64_t now, int64_t local, int hour, int weekly, int weekday, int today_wd,
		   const struct backup_day *d);
/* Starts the day's backup when it is due and none is running. */
void backup_job_tick(struct backup_job *j, struct db *db, int64_t now);
/* Waits for a running backup, frees J. */
void backup_job_free(struct backup_job *j);

#endif
