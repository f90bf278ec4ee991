/* backup_job.h — the scheduled backups of `cong serve` (settings backup_*, model/backups.h): when
 * the day (and for a weekly schedule the weekday) and the hour, Vietnam time, have come and no
 * scheduled backup started that day, one runs in its own thread (the scheduler keeps publishing
 * meanwhile), to the schedule's destinations, with its restore drill and the pruning of old
 * backups. A failure is logged, recorded (the dashboard shows it until a later run succeeds)
 * and mailed to the main portal's board (sites.email) and the addresses of backup_alert_to. */
#ifndef CONG_BACKUP_JOB_H
#define CONG_BACKUP_JOB_H

#include <stdint.h>

struct db;
struct backup_job;

struct backup_job *backup_job_new(const char *db_path);
/* Starts the day's backup when it is due and none is running. */
void backup_job_tick(struct backup_job *j, struct db *db, int64_t now);
/* Waits for a running backup, frees J. */
void backup_job_free(struct backup_job *j);

#endif
