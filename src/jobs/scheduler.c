/* scheduler.c — one thread that wakes up every few seconds, publishes scheduled items that are
 * due, sends the day's deadline reminders (reminders.h), disables accounts left unused
 * (user_dormant_sweep, every ten minutes) and starts the day's backup (backup_job.h). The schedule lives in the database, so a restart loses nothing: the first pass at start-up
 * publishes whatever fell due while the server was down, at the time it was promised. */
#include "jobs/scheduler.h"
#include "jobs/reminders.h"
#include "jobs/ops.h"
#include "jobs/backup_job.h"
#include "jobs/links_job.h"
#include "jobs/thread_job.h"
#include "jobs/extfeeds_job.h" /* #16: external sites' feeds */
#include "jobs/outbox.h"
#include "jobs/webhooks.h" /* issue #16: webhook deliveries */
#include "jobs/mailintake_job.h" /* #17: intake by e-mail */
#include "jobs/visits_job.h" /* #17: visit counts, in batches */
#include "model/obligation.h" /* issue #17: overdue information requests */
#include "base/locale.h"    /* issue #17: their mails' texts */
#include "model/ticket.h"
#include "model/rating.h"
#include "model/challenge.h"
#include "model/subscription.h"
#include "model/kind.h"
#include "vn/calendar.h"
#include "base/log.h"
#include "base/util.h"
#include "db/db.h"
#include "model/model.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <time.h>

#include "base/banned.h"

struct scheduler {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	int stopping;
	unsigned interval;
	char *db_path;
	char *data_dir; /* the folder of db_path: the tickets' private files (model/ticket.h) */
	struct backup_job *backup;
	struct thread_job *links; /* the daily dead-link check (jobs/links_job.h) */
	json_t *locales; /* the texts of the mails it writes (#16: kind_locale_load), its own copy */
	struct thread_job *extfeeds; /* the external sites' feeds (jobs/extfeeds_job.h) */
	struct thread_job *mailintake; /* #17: the boards' mailboxes (jobs/mailintake_job.h) */
};

static void *scheduler_main(void *arg)
{
	struct scheduler *s = arg;
	char err[256];
	struct db *db = db_open(s->db_path, err, sizeof(err));
	if (!db) {
		log_error("scheduler: %s", err);
		return NULL;
	}
	int64_t dormant_at = 0;
	int leading = 0;
	pthread_mutex_lock(&s->lock);
	while (!s->stopping) {
		pthread_mutex_unlock(&s->lock);
		/* several nodes on one PostgreSQL database: one runs the schedule, the others wait to
		 * take over (docs/scaling.md); a connection lost is opened again */
		int lead = db ? db_lead(db) : -1;
		if (lead < 0) {
			if (db)
				log_warn("scheduler: the database does not answer (%s); connecting again", db_errmsg(db));
			db_close(db);
			db = db_open(s->db_path, err, sizeof(err));
			if (!db)
				log_error("scheduler: %s", err);
			lead = db ? db_lead(db) : -1;
		}
		if (db && db_is_pg(db) && (lead == 1) != leading)
			log_info(lead == 1 ? "scheduler: this node runs the schedule"
					   : "scheduler: another node runs the schedule; this one takes over if it stops");
		leading = lead == 1;
		/* #17: the visits this node counted in memory, every node its own (jobs/visits_job.h) */
		if (db)
			visits_job_tick(db, time_now());
		if (!db || lead != 1)
			goto wait;
		int n = article_publish_due(db, time_now());
		if (n > 0)
			log_info("scheduler: published %d scheduled item(s)", n);
		/* the daily deadline reminders, once the reminder hour has come (one a site a day) */
		reminders_run(db, time_now(), 0, s->locales);
		/* the audit chain's daily anchor outside the database, and its archive */
		ops_daily(db, s->data_dir, time_now());
		/* values that change with the day: a legal document taking effect, or ended by one */
		n = item_recheck_due(db, vn_days_of_time(time_now()));
		if (n > 0)
			log_info("scheduler: renewed the computed values of %d item(s)", n);
		/* accounts unused for 45 days (setting account_dormant_days) are disabled: checked at
		 * start and every ten minutes after */
		if (time_now() - dormant_at >= 600) {
			dormant_at = time_now();
			n = user_dormant_sweep(db, dormant_at);
			if (n > 0)
				log_info("scheduler: disabled %d account(s) unused for too long", n);
		}
		/* the day's backup, in its own thread, once its hour has come (jobs/backup_job.h) */
		backup_job_tick(s->backup, db, time_now());
		/* the day's dead-link check, in its own thread (jobs/links_job.h) */
		links_job_tick(s->links, db, time_now());
		/* the external sites' feeds that are due, in their own thread (jobs/extfeeds_job.h) */
		extfeeds_job_tick(s->extfeeds, db, time_now());
		/* #17: the boards' mailboxes that are due, in their own thread (jobs/mailintake_job.h) */
		mailintake_job_tick(s->mailintake, db, time_now());
		/* citizens' tickets: answers published, personal data past its retention deleted, the
		 * mail waiting in the outbox, the spent challenges forgotten (model/ticket.h) */
		n = ticket_sync(db, time_now());
		if (n > 0)
			log_info("scheduler: %d answer(s) published to their tickets", n);
		n = ticket_purge(db, s->data_dir, time_now());
		if (n > 0)
			log_info("scheduler: deleted the personal data of %d ticket(s) past their retention", n);
		/* e-mail subscriptions: notices and digests queued for the outbox (model/subscription.h) */
		n = subscription_run(db, s->locales, time_now());
		if (n > 0)
			log_info("scheduler: queued %d subscription mail(s)", n);
		/* issue #17: the information requests past their due time, mailed to both boards once
		 * (model/obligation.h); queued here, sent by the outbox below */
		n = request_overdue_run(db, locale_dict(s->locales, "vi"), time_now());
		if (n > 0)
			log_info("scheduler: %d information request(s) overdue, boards told", n);
		outbox_run(db, time_now());
		/* the webhooks' deliveries due, retried with back-off (jobs/webhooks.h) */
		webhooks_run(db, time_now());
		challenge_purge(db, time_now());
		/* the ratings' comments past their retention (model/rating.h) */
		n = rating_purge(db, time_now());
		if (n > 0)
			log_info("scheduler: deleted %d rating comment(s) past their retention", n);
	wait:
		pthread_mutex_lock(&s->lock);
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += s->interval;
		while (!s->stopping && pthread_cond_timedwait(&s->wake, &s->lock, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&s->lock);
	if (db) /* #17: the last visits counted, as the server stops */
		visits_job_flush(db, time_now());
	db_close(db);
	return NULL;
}

struct scheduler *scheduler_start(const char *db_path, const char *data_dir, const char *root, unsigned interval)
{
	struct scheduler *s = xcalloc(1, sizeof(*s));
	s->db_path = xstrdup(db_path);
	s->data_dir = xstrdup(data_dir);
	char lerr[256];
	s->locales = kind_locale_load(root, lerr, sizeof(lerr));
	if (!s->locales) {
		log_error("scheduler: %s", lerr);
		s->locales = json_object();
	}
	s->interval = interval ? interval : 5;
	s->backup = backup_job_new(db_path, data_dir);
	s->links = links_job_new(db_path);
	s->extfeeds = extfeeds_job_new(db_path);
	s->mailintake = mailintake_job_new(db_path); /* #17 */
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->wake, NULL);
	if (pthread_create(&s->thread, NULL, scheduler_main, s)) {
		backup_job_free(s->backup);
		thread_job_free(s->links);
		json_decref(s->locales);
		thread_job_free(s->extfeeds);
		thread_job_free(s->mailintake); /* #17 */
		free(s->db_path);
		free(s->data_dir);
		free(s);
		return NULL;
	}
	return s;
}

void scheduler_stop(struct scheduler *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&s->lock);
	s->stopping = 1;
	pthread_cond_signal(&s->wake);
	pthread_mutex_unlock(&s->lock);
	pthread_join(s->thread, NULL);
	backup_job_free(s->backup);
	thread_job_free(s->links);
	thread_job_free(s->extfeeds);
	thread_job_free(s->mailintake); /* #17 */
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->wake);
	free(s->db_path);
	json_decref(s->locales);
	free(s->data_dir);
	free(s);
}
