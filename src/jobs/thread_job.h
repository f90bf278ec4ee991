/* thread_job.h — a scheduler job that runs in a thread of its own, one run at a time, on a
 * connection of its own (the daily dead-link check, the external sites' feeds): the scheduler's
 * pass decides whether a run is due and starts it when none is going on, and keeps publishing
 * meanwhile. Freeing the job asks a running one to stop (its long loops poll
 * thread_job_stopping) and waits for it. */
#ifndef CONG_THREAD_JOB_H
#define CONG_THREAD_JOB_H

struct db;
struct thread_job;

/* RUN does the work on the job's own connection; NAME prefixes the log's lines. */
typedef void (*thread_job_run)(struct db *db, struct thread_job *j);

struct thread_job *thread_job_new(const char *name, const char *db_path, thread_job_run run);
/* Whether a run is going on (a finished one is joined first). */
int thread_job_busy(struct thread_job *j);
/* Starts a run when none is going on. */
void thread_job_start(struct thread_job *j);
/* 1 once the job is being freed: the stop callback of a run's long loops (ARG: the job). */
int thread_job_stopping(void *arg);
/* Asks a running run to stop, waits for it, frees J (NULL: nothing). */
void thread_job_free(struct thread_job *j);

#endif
