/* scheduler.h — background work of `cong serve`: publishing what was scheduled. */
#ifndef CONG_SCHEDULER_H
#define CONG_SCHEDULER_H

struct scheduler;

/* Starts a thread that publishes due items at start-up (catching up after a restart) and then
 * every INTERVAL seconds, on its own connection to DB_PATH. NULL if the thread cannot start. */
struct scheduler *scheduler_start(const char *db_path, const char *data_dir, unsigned interval);
/* The texts of every language (base/locale.h) the subscriptions' mail is written in: SLOT is
 * where the server keeps them (app->locale), read atomically at each pass so that a reload's
 * texts are used; until it is set the subscriptions' pass waits (model/subscription.h). */
struct json_t;
void scheduler_set_texts(struct scheduler *s, struct json_t *const *slot);
/* Asks the thread to stop, waits for it, frees everything. */
void scheduler_stop(struct scheduler *s);

#endif
