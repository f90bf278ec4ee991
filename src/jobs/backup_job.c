/* backup_job.c — the scheduled backups; see backup_job.h. */
#include "jobs/backup_job.h"
#include "jobs/reminders.h"
#include "backup/backup.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"
#include "mail/mail.h"
#include "model/backups.h"
#include "vn/calendar.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define MAX_TO 16

struct backup_job {
	char *db_path, *data_dir;
	pthread_mutex_t lock;
	pthread_t thread;
	int running, joinable;
	int64_t tried_day; /* the Vietnam day whose runs are over (done, or tried enough) */
	int64_t started;   /* when this process last started one: never again within the retry time,
			    * even if the run could not record itself */
};

struct backup_job *backup_job_new(const char *db_path, const char *data_dir)
{
	struct backup_job *j = xcalloc(1, sizeof(*j));
	j->db_path = xstrdup(db_path);
	j->data_dir = xstrdup(data_dir);
	j->tried_day = -1;
	pthread_mutex_init(&j->lock, NULL);
	return j;
}

/* The failure, by mail to the main portal's board and the schedule's extra addresses, through
 * the mail settings the reminders use (jobs/reminders.h). */
static void mail_failure(struct db *db, const struct backup_result *res)
{
	char *extra = db_setting_get(db, "backup_alert_to"), *to[MAX_TO], err[512];
	json_t *main_site = site_main(db);
	struct sb all = SB_INIT, text = SB_INIT;
	const char *board = main_site ? json_string_value(json_object_get(main_site, "email")) : NULL;
	size_t bad;
	sb_addf(&all, "%s,%s", board ? board : "", extra ? extra : "");
	size_t n = mail_address_split(all.buf, to, MAX_TO, &bad);
	sb_addf(&text, "Lần sao lưu theo lịch %s của Cổng thông tin điện tử chưa thành công.\n\n"
		       "Lỗi: %s\nDiễn tập phục hồi: %s%s%s\n\n"
		       "Xem và xử lý tại trang Quản trị > Sao lưu (/quan-tri/sao-luu); thông báo còn hiển thị trên trang "
		       "quản trị cho đến khi một lần sao lưu sau đó thành công.\n",
		res->name, *res->error ? res->error : "(không rõ)",
		res->drill_ok < 0 ? "không chạy" : res->drill_ok ? "đạt" : "KHÔNG ĐẠT", *res->drill_detail ? " — " : "",
		res->drill_detail);
	if (reminders_mail(db, (const char *const *)to, n, "Sao lưu Cổng thông tin điện tử thất bại", text.buf, err,
			   sizeof(err)))
		log_error("backup: the failure could not be mailed (the main portal's board mailbox, backup_alert_to): %s",
			  err);
	else
		log_info("backup: the failure was mailed to %zu address(es)", n);
	json_decref(main_site);
	sb_release(&all);
	sb_release(&text);
	free(extra);
}

static int setting_int(json_t *s, const char *k, int def)
{
	int64_t v;
	const char *t = json_string_value(json_object_get(s, k));
	return t && parse_i64(t, 0, 100000, &v) == 0 ? (int)v : def;
}

static void *run(void *arg)
{
	struct backup_job *j = arg;
	char err[256];
	struct db *db = db_open(j->db_path, err, sizeof(err));
	if (!db) {
		log_error("backup: %s", err);
		goto done;
	}
	json_t *s = backup_settings(db);
	const char *dests[BACKUP_DESTS_MAX];
	char *lines = xstrdup(json_string_value(json_object_get(s, "destinations")));
	size_t nd = 0;
	for (char *p = lines, *l; (l = strsep(&p, "\n")) != NULL && nd < BACKUP_DESTS_MAX;)
		if (*l)
			dests[nd++] = l;
	const char *key = json_string_value(json_object_get(s, "ssh_key")),
		   *known = json_string_value(json_object_get(s, "ssh_known_hosts"));
	struct backup_opts o = { .data_dir = j->data_dir, .db = j->db_path, .dests = dests, .ndests = nd,
				 .trigger = "schedule", .auth = { key && *key ? key : NULL, known && *known ? known : NULL },
				 .keep_daily = setting_int(s, "keep_daily", 7), .keep_weekly = setting_int(s, "keep_weekly", 4),
				 .keep_monthly = setting_int(s, "keep_monthly", 12) };
	struct backup_result res;
	log_info("backup: the scheduled backup starts (%zu destination(s))", nd);
	if (backup_run(&o, &res)) {
		log_error("backup: the scheduled backup %s failed: %s", res.name, res.error);
		mail_failure(db, &res);
	} else {
		log_info("backup: the scheduled backup %s is done: %lld bytes in %.1f s; restore drill passed in %.1f s", res.name,
			 (long long)res.size, (double)res.duration_ms / 1000, (double)res.drill_ms / 1000);
	}
	if (res.key_created)
		log_warn("backup: a new backup key was made in %s/backup.key: keep a copy of it apart from the backups "
			 "(without it no backup can be restored)", j->data_dir);
	sodium_memzero(res.key_hex, sizeof(res.key_hex));
	free(lines);
	json_decref(s);
	db_close(db);
done:
	pthread_mutex_lock(&j->lock);
	j->running = 0;
	pthread_mutex_unlock(&j->lock);
	return NULL;
}

int backup_job_due(int64_t now, int64_t local, int hour, int weekly, int weekday, int today_wd,
		   const struct backup_day *d)
{
	if (local < (int64_t)hour * 3600 || (weekly && today_wd != weekday))
		return 0;
	if (!d->runs)
		return 1;
	/* one success a day; a failure tried again an hour after it started, three runs at most */
	return !d->last_ok && d->runs < BACKUP_RUNS_A_DAY && now - d->last_start >= BACKUP_RETRY_MINUTES * 60;
}

void backup_job_tick(struct backup_job *j, struct db *db, int64_t now)
{
	pthread_mutex_lock(&j->lock);
	int busy = j->running;
	pthread_mutex_unlock(&j->lock);
	if (busy)
		return;
	int64_t day = vn_days_of_time(now);
	if (day == j->tried_day)
		return;
	json_t *s = backup_settings(db);
	const char *sched = json_string_value(json_object_get(s, "schedule"));
	int hour = setting_int(s, "hour", 2), weekday = setting_int(s, "weekday", 7);
	int due = sched && strcmp(sched, "off") != 0, weekly = sched && strcmp(sched, "weekly") == 0;
	json_decref(s); /* SCHED is gone with it */
	if (!due)
		return;
	int64_t local = now - vn_time_of_days(day); /* seconds since midnight, Vietnam time */
	/* today's runs from the record, whatever restarts happen */
	struct backup_day d;
	if (backup_scheduled_since(db, vn_time_of_days(day), &d.runs, &d.last_ok, &d.last_start))
		return;
	if (!backup_job_due(now, local, hour, weekly, weekday, (int)((day % 7 + 7 + 3) % 7 + 1), &d)) {
		if (d.runs && (d.last_ok || d.runs >= BACKUP_RUNS_A_DAY))
			j->tried_day = day; /* nothing more today */
		return;
	}
	if (j->started && now - j->started < BACKUP_RETRY_MINUTES * 60)
		return;
	if (d.runs)
		log_info("backup: the scheduled backup failed at its run %d today; trying again", d.runs);
	if (j->joinable) {
		pthread_join(j->thread, NULL);
		j->joinable = 0;
	}
	j->started = now;
	j->running = 1;
	if (pthread_create(&j->thread, NULL, run, j)) {
		log_error("backup: the backup thread cannot start");
		j->running = 0;
		return;
	}
	j->joinable = 1;
}

void backup_job_free(struct backup_job *j)
{
	if (!j)
		return;
	if (j->joinable) {
		pthread_mutex_lock(&j->lock);
		int busy = j->running;
		pthread_mutex_unlock(&j->lock);
		if (busy)
			log_info("backup: waiting for the running backup to end");
		pthread_join(j->thread, NULL);
	}
	pthread_mutex_destroy(&j->lock);
	free(j->db_path);
	free(j->data_dir);
	free(j);
}
