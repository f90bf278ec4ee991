/* watch.c — how a node learns at once of the changes other nodes commit (db.h, "Change
 * notices"). On PostgreSQL, every transaction that bumps a site's page generation also sends
 * NOTIFY cong_change with the site's number (pg.c, at COMMIT: PostgreSQL delivers it only if the
 * transaction commits, and after it has). One thread per process holds one connection that
 * LISTENs and always reads, so the server never stalls writing notices nobody reads (why the
 * request connections never LISTEN: docs/scaling.md).
 *
 * What the thread keeps is a count of notices, N, and per site bucket the count at the last
 * notice for it. A page read in a snapshot begun after mark M is still what a render would give
 * as long as no notice for its site has come since M: db_watch_unchanged(). A lost connection
 * counts as a notice for every site, at the loss and again when listening resumes, so nothing
 * read before or during the gap passes for current. */
#include "db.h"
#include "pg.h"
#include "base/log.h"
#include "base/util.h"

#include <errno.h>
#include <libpq-fe.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/banned.h"

#define BUCKETS 256
/* The listening connection is asked a question this often; no answer within as long again and
 * it is counted lost (a peer gone without a word leaves a socket that never errs). */
#define PING_MS 2000

static struct {
	atomic_uint_fast64_t n;               /* notices so far */
	atomic_uint_fast64_t all;             /* the count at the last notice for every site */
	atomic_uint_fast64_t site[BUCKETS];   /* the count at the last notice per site bucket */
	atomic_int up;                        /* listening now */
	atomic_int fd;                        /* the listening connection's socket, -1 when none */
	int started;
	char *url;
	int stop[2];                          /* a byte on stop[1] ends the thread */
	pthread_t th;
} w;

/* The notices the listening thread has read, by the server process that sent them: a node that
 * commits waits (briefly) to hear its own notice back, and so knows that the server has handed it
 * to every listening node before the node answers (pg_commit). */
#define HEARD_RING 64
static pthread_mutex_t heard_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t heard_cond = PTHREAD_COND_INITIALIZER;
static struct {
	int pid;
	uint64_t seq;
} heard_ring[HEARD_RING];
static uint64_t heard_seq;

static void heard_from(int pid)
{
	pthread_mutex_lock(&heard_lock);
	heard_seq++;
	heard_ring[heard_seq % HEARD_RING].pid = pid;
	heard_ring[heard_seq % HEARD_RING].seq = heard_seq;
	pthread_cond_broadcast(&heard_cond);
	pthread_mutex_unlock(&heard_lock);
}

uint64_t watch_heard_count(void)
{
	pthread_mutex_lock(&heard_lock);
	uint64_t n = heard_seq;
	pthread_mutex_unlock(&heard_lock);
	return n;
}

int watch_wait_own(int pid, uint64_t since, int ms)
{
	if (!atomic_load(&w.up))
		return -1;
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	int found = 0, rc = 0;
	pthread_mutex_lock(&heard_lock);
	while (!found && rc == 0) {
		uint64_t from = heard_seq > since + HEARD_RING ? heard_seq - HEARD_RING : since;
		for (uint64_t s = from + 1; s <= heard_seq && !found; s++)
			found = heard_ring[s % HEARD_RING].seq == s && heard_ring[s % HEARD_RING].pid == pid;
		if (!found && heard_seq > since + HEARD_RING)
			found = 1; /* gone round the ring: heard long since, or never will be */
		if (!found)
			rc = pthread_cond_timedwait(&heard_cond, &heard_lock, &until);
	}
	pthread_mutex_unlock(&heard_lock);
	return found ? 0 : -1;
}

static void raise_to(atomic_uint_fast64_t *a, uint_fast64_t v)
{
	uint_fast64_t cur = atomic_load(a);
	while (cur < v && !atomic_compare_exchange_weak(a, &cur, v))
		;
}

/* One more notice, for the bucket of SITE or (SITE < 0) for every site. Called by the listening
 * thread and by a request's own commit at once: the count is taken whole (so a mark read before
 * a commit is below its notice's number) and a bucket only ever rises (a slower caller with a
 * lower number cannot lower it below a faster one's). */
static void notice(int64_t site)
{
	uint_fast64_t v = atomic_fetch_add(&w.n, 1) + 1;
	raise_to(site < 0 ? &w.all : &w.site[(uint64_t)site % BUCKETS], v);
}

/* "12,7,*": the sites a committed transaction changed. */
void watch_heard(const char *payload)
{
	const char *p = payload;
	while (*p) {
		if (*p == '*') {
			notice(-1);
			p++;
		} else {
			char *end;
			errno = 0;
			long long v = strtoll(p, &end, 10);
			if (end == p || errno || v < 0) {
				notice(-1); /* not ours to read: every page is asked again */
				return;
			}
			notice(v);
			p = end;
		}
		while (*p == ',')
			p++;
	}
}

static int64_t ms_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void lost(PGconn **h, const char *why)
{
	if (atomic_load(&w.up))
		log_warn("change notices: the listening connection was lost (%s); pages are checked against the database until it is back",
			 why);
	atomic_store(&w.up, 0);
	atomic_store(&w.fd, -1);
	notice(-1);
	PQfinish(*h);
	*h = NULL;
}

/* Listens until stopped; 0 when asked to stop, -1 when the connection went (try again). */
static int listen_once(PGconn **hp)
{
	/* named, so that pg_stat_activity tells it from the request connections */
	const char *const keys[] = { "dbname", "application_name", NULL };
	const char *const vals[] = { w.url, "cong-watch", NULL };
	PGconn *h = PQconnectdbParams(keys, vals, 1);
	*hp = h;
	if (!h || PQstatus(h) != CONNECTION_OK) {
		lost(hp, h ? "cannot connect" : "out of memory");
		return -1;
	}
	PGresult *r = PQexec(h, "LISTEN cong_change");
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	PQclear(r);
	if (!ok || PQsetnonblocking(h, 1) != 0) {
		lost(hp, "LISTEN failed");
		return -1;
	}
	/* listening from here: whatever committed before may not have been heard */
	notice(-1);
	atomic_store(&w.fd, PQsocket(h));
	atomic_store(&w.up, 1);
	log_info("change notices: listening on PostgreSQL");
	int64_t asked = 0, next_ping = ms_now() + PING_MS;
	for (;;) {
		struct pollfd pf[2] = { { .fd = PQsocket(h), .events = POLLIN }, { .fd = w.stop[0], .events = POLLIN } };
		int64_t now = ms_now();
		int timeout = (int)(next_ping > now ? next_ping - now : 0);
		if (poll(pf, 2, timeout) < 0 && errno != EINTR) {
			lost(hp, "poll failed");
			return -1;
		}
		if (pf[1].revents) {
			atomic_store(&w.fd, -1);
			return 0;
		}
		if (pf[0].revents) {
			if (!PQconsumeInput(h)) {
				lost(hp, "the server closed it");
				return -1;
			}
			while (!PQisBusy(h)) { /* the ping's answer, if any */
				PGresult *res = PQgetResult(h);
				if (!res)
					break;
				if (PQresultStatus(res) == PGRES_TUPLES_OK)
					asked = 0;
				PQclear(res);
			}
			PGnotify *nt;
			while ((nt = PQnotifies(h))) {
				watch_heard(nt->extra);
				heard_from(nt->be_pid);
				PQfreemem(nt);
			}
		}
		now = ms_now();
		if (now >= next_ping) {
			if (asked) {
				lost(hp, "no answer");
				return -1;
			}
			if (!PQsendQuery(h, "SELECT 1")) {
				lost(hp, "cannot ask");
				return -1;
			}
			PQflush(h);
			asked = now;
			next_ping = now + PING_MS;
		}
	}
}

static void *watch_main(void *arg)
{
	(void)arg;
	for (;;) {
		PGconn *h = NULL;
		int rc = listen_once(&h);
		PQfinish(h);
		if (rc == 0)
			return NULL;
		struct pollfd pf = { .fd = w.stop[0], .events = POLLIN };
		if (poll(&pf, 1, 1000) > 0) /* a second between attempts, unless asked to stop */
			return NULL;
	}
}

int db_watch_start(const char *spec)
{
	if (w.started || !spec || !db_spec_is_pg(spec))
		return 0;
	if (pipe(w.stop))
		return -1;
	atomic_store(&w.fd, -1);
	w.url = xstrdup(spec);
	if (pthread_create(&w.th, NULL, watch_main, NULL)) {
		close(w.stop[0]);
		close(w.stop[1]);
		free(w.url);
		w.url = NULL;
		return -1;
	}
	w.started = 1;
	return 0;
}

void db_watch_stop(void)
{
	if (!w.started)
		return;
	if (write(w.stop[1], "x", 1) != 1)
		log_warn("change notices: cannot stop the listening thread");
	pthread_join(w.th, NULL);
	close(w.stop[0]);
	close(w.stop[1]);
	free(w.url);
	w.url = NULL;
	w.started = 0;
	atomic_store(&w.up, 0);
	notice(-1);
}

uint64_t db_watch_mark(void)
{
	return atomic_load(&w.up) ? atomic_load(&w.n) : 0;
}

/* Whether the listening socket holds bytes its thread has not read yet: a notice that reached
 * this node while its thread waits for the CPU (a busy machine) must not let a page be known
 * current. The ping's answers count too, every 2 s: the page is then checked as usual. A socket
 * closed or reused meanwhile answers the same way or not readable: never a wrong "unchanged". */
static int unread(void)
{
	struct pollfd pf = { .fd = atomic_load(&w.fd), .events = POLLIN };
	if (pf.fd < 0)
		return 1;
	int n = poll(&pf, 1, 0);
	return n != 0;
}

int db_watch_unchanged(uint64_t mark, int64_t site_id, int every_site)
{
	if (!mark || !atomic_load(&w.up) || atomic_load(&w.all) > mark || unread())
		return 0;
	if (every_site) /* the main site's pages show every site's news */
		return atomic_load(&w.n) <= mark;
	return atomic_load(&w.site[(uint64_t)(site_id < 0 ? 0 : site_id) % BUCKETS]) <= mark;
}
