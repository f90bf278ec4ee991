/* backups.h — the record of backups (table backups, migration 0016) and their schedule (settings
 * backup_*), for `cong backup`, the scheduler and the system administrator's page. The backups
 * themselves are made by src/backup/. */
#ifndef CONG_MODEL_BACKUPS_H
#define CONG_MODEL_BACKUPS_H

#include "model/model.h"

#define BACKUP_DESTS_MAX 5

/* A run begins: its row, not finished (a run killed midway stays so). The row's id, or -1. */
int64_t backup_record_start(struct db *db, const char *name, const char *trigger, int64_t started_at);
struct backup_record {
	int ok;
	const char *error;        /* NULL when ok */
	json_t *destinations;     /* [{dest, ok, size, error}] (borrowed) */
	int64_t size, files, new_files, duration_ms;
	int drill_ok;             /* -1: no drill */
	int64_t drill_ms;
	const char *drill_detail;
	int64_t audit_count;
	const char *audit_hash;
};
/* The run ends: its row completed, with an audit record "backup.run" (one transaction). */
int backup_record_finish(struct db *db, int64_t id, int64_t finished_at, const struct backup_record *r);
/* The newest LIMIT runs, newest first, for the system administrator's page; NULL for anyone else. */
json_t *backup_list(struct db *db, const struct actor *a, int64_t limit);
/* The newest run when it failed (its backup or its drill) or was cut short and no run succeeded
 * after it: what the system administrator's dashboard shows until it is solved; NULL when all is
 * well, and for anyone else. */
json_t *backup_problem(struct db *db, const struct actor *a);
/* The scheduled runs started since SINCE: how many, whether the newest succeeded (or still runs:
 * 0) and when it started. 0, or -1 on a store error. */
int backup_scheduled_since(struct db *db, int64_t since, int *runs, int *last_ok, int64_t *last_start);
/* The newest scheduled run's start, 0 when none. */
int64_t backup_last_scheduled(struct db *db);
/* The newest successful run's start, 0 when none. */
int64_t backup_last_ok(struct db *db);

/* The schedule: {schedule: off|daily|weekly, hour, weekday (1 Monday .. 7 Sunday), keep_daily,
 * keep_weekly, keep_monthly, destinations (text, one a line), ssh_key, ssh_known_hosts,
 * alert_to} with their defaults filled in. */
json_t *backup_settings(struct db *db);
struct backup_settings_input {
	const char *schedule, *hour, *weekday, *keep_daily, *keep_weekly, *keep_monthly, *destinations, *ssh_key,
		*ssh_known_hosts, *alert_to;
};
/* System administrators only; each field checked (errors on its name). */
int backup_settings_save(struct db *db, const struct actor *a, const struct backup_settings_input *in, struct errs *e);
/* 1 when S is a destination the schedule accepts: an absolute folder or an sftp:// address. */
int backup_dest_valid(const char *s);

#endif
