/* scheduler.h — background work of `cong serve`: publishing what was scheduled. */
#ifndef CONG_SCHEDULER_H
#define CONG_SCHEDULER_H

struct scheduler;

/* Starts a thread that publishes due items at start-up (catching up after a restart) and then
 * every INTERVAL seconds, on its own connection to DB_PATH. ROOT holds locale/: the texts of the
 * mails it sends (#16). NULL if the thread cannot start. */
struct scheduler *scheduler_start(const char *db_path, const char *data_dir, const char *root, unsigned interval);
/* Asks the thread to stop, waits for it, frees everything. */
void scheduler_stop(struct scheduler *s);

#endif
