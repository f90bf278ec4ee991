/* guard.c — connection admission, slow-client cuts and the once-a-second overload log
 * (guard.h). One mutex guards the table of connections (a list, an index by descriptor, counts
 * by address); the phases a worker reports are atomics the watchdog reads. */
#include "guard.h"
#include "base/log.h"
#include "base/util.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "base/banned.h"

enum { PHASE_HEADERS, PHASE_BODY, PHASE_BUSY };

struct gaddr {
	unsigned char key[17]; /* family byte, then the address */
	unsigned count;
	struct gaddr *next;
};

struct gconn {
	int fd;
	int started, cut, linked;
	atomic_int probed;      /* looked at once since its last request (peer_closed) */
	int64_t admitted;       /* ms, monotonic */
	atomic_int phase;
	atomic_llong phase_at;  /* ms: when the phase began */
	atomic_ullong body;     /* bytes of the body so far */
	struct gaddr *addr;
	struct gconn *prev, *next;
};

#define NBUCKETS 4096

static struct {
	struct guard_conf conf;
	pthread_mutex_t mu;
	struct gconn *head;
	struct gconn **by_fd;
	size_t nfd;
	struct gaddr *buckets[NBUCKETS];
	uint64_t open, peak;
	unsigned naddr; /* addresses with a connection open */
	char last_refused[INET6_ADDRSTRLEN];
	atomic_ullong refused_full, refused_address, cut_headers, cut_body, suppressed, peer_gone;
	pthread_t thread;
	atomic_int stopping, running;
} g = { .mu = PTHREAD_MUTEX_INITIALIZER };

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void key_of(const struct sockaddr *sa, unsigned char key[17])
{
	memset(key, 0, 17);
	if (sa && sa->sa_family == AF_INET) {
		key[0] = 4;
		memcpy(key + 1, &((const struct sockaddr_in *)sa)->sin_addr, 4);
	} else if (sa && sa->sa_family == AF_INET6) {
		key[0] = 6;
		memcpy(key + 1, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
	}
}

static void key_print(const unsigned char key[17], char *buf, size_t n)
{
	buf[0] = '\0';
	if (key[0] == 4)
		inet_ntop(AF_INET, key + 1, buf, (socklen_t)n);
	else if (key[0] == 6)
		inet_ntop(AF_INET6, key + 1, buf, (socklen_t)n);
}

static int exempt_key(const unsigned char key[17])
{
	char buf[INET6_ADDRSTRLEN];
	key_print(key, buf, sizeof(buf));
	return g.conf.exempt(buf);
}

static unsigned key_hash(const unsigned char key[17])
{
	uint32_t h = 2166136261u;
	for (int i = 0; i < 17; i++)
		h = (h ^ key[i]) * 16777619u;
	return h % NBUCKETS;
}

/* Under the lock. */
static void conn_remove(struct gconn *c)
{
	if (!c->linked)
		return;
	c->linked = 0;
	if (c->fd >= 0 && (size_t)c->fd < g.nfd && g.by_fd[c->fd] == c)
		g.by_fd[c->fd] = NULL;
	if (c->prev)
		c->prev->next = c->next;
	else
		g.head = c->next;
	if (c->next)
		c->next->prev = c->prev;
	g.open--;
	if (c->addr && --c->addr->count == 0) {
		struct gaddr **pp = &g.buckets[key_hash(c->addr->key)];
		while (*pp != c->addr)
			pp = &(*pp)->next;
		*pp = c->addr->next;
		free(c->addr);
		g.naddr--;
	}
	c->addr = NULL;
}

static void refuse(int fd, const char *answer)
{
	char drain[4096];
	/* what the client sent already is read first, so that closing sends FIN, not RST (which
	 * could make the client lose the answer) */
	for (int i = 0; i < 16 && recv(fd, drain, sizeof(drain), MSG_DONTWAIT) > 0; i++)
		;
	ssize_t w = send(fd, answer, strlen(answer), MSG_DONTWAIT | MSG_NOSIGNAL);
	(void)w;
	shutdown(fd, SHUT_WR);
	close(fd);
}

int guard_admit(int fd, const struct sockaddr *sa, socklen_t len)
{
	unsigned char key[17];
	const char *answer = NULL;
	(void)len;
	if (fd < 0)
		return 0;
	key_of(sa, key);
	pthread_mutex_lock(&g.mu);
	if ((size_t)fd >= g.nfd) { /* cannot happen below RLIMIT_NOFILE; refuse rather than lose track */
		atomic_fetch_add(&g.refused_full, 1);
		answer = g.conf.refusal_503;
		goto refused;
	}
	if (g.by_fd[fd]) {
		/* the descriptor was closed before its worker saw it: a stale record */
		struct gconn *old = g.by_fd[fd];
		conn_remove(old);
		if (!old->started)
			free(old); /* else its worker still holds it and frees it when closed */
	}
	if (g.open >= g.conf.max_conns) {
		atomic_fetch_add(&g.refused_full, 1);
		answer = g.conf.refusal_503;
		goto refused;
	}
	struct gaddr *a;
	unsigned h = key_hash(key);
	for (a = g.buckets[h]; a && memcmp(a->key, key, 17) != 0; a = a->next)
		;
	/* Under pressure (more than 3/4 of the connections in use) an address gets at most its fair
	 * share, half the connections divided by the addresses connected: a hundred addresses
	 * holding their full allowance each cannot fill the server while others wait. */
	unsigned cap = g.conf.per_address;
	if (g.open > (uint64_t)g.conf.max_conns * 3 / 4 && g.naddr) {
		unsigned fair = g.conf.max_conns / (2 * g.naddr);
		if (fair < 4)
			fair = 4;
		if (fair < cap)
			cap = fair;
	}
	if (a && a->count >= cap && !(g.conf.exempt && exempt_key(key))) {
		atomic_fetch_add(&g.refused_address, 1);
		key_print(key, g.last_refused, sizeof(g.last_refused));
		answer = g.conf.refusal_429;
		goto refused;
	}
	if (!a) {
		a = xcalloc(1, sizeof(*a));
		memcpy(a->key, key, 17);
		a->next = g.buckets[h];
		g.buckets[h] = a;
		g.naddr++;
	}
	a->count++;
	struct gconn *c = xcalloc(1, sizeof(*c));
	c->fd = fd;
	c->addr = a;
	c->linked = 1;
	c->admitted = now_ms();
	atomic_store(&c->phase, PHASE_HEADERS);
	atomic_store(&c->phase_at, c->admitted);
	c->next = g.head;
	if (g.head)
		g.head->prev = c;
	g.head = c;
	g.by_fd[fd] = c;
	if (++g.open > g.peak)
		g.peak = g.open;
	pthread_mutex_unlock(&g.mu);
	return 1;
refused:
	pthread_mutex_unlock(&g.mu);
	refuse(fd, answer);
	return 0;
}

void guard_forget(int fd)
{
	pthread_mutex_lock(&g.mu);
	struct gconn *c = fd >= 0 && (size_t)fd < g.nfd ? g.by_fd[fd] : NULL;
	if (c && !c->started) {
		conn_remove(c);
		free(c);
	}
	pthread_mutex_unlock(&g.mu);
}

struct gconn *guard_started(int fd)
{
	pthread_mutex_lock(&g.mu);
	struct gconn *c = fd >= 0 && (size_t)fd < g.nfd ? g.by_fd[fd] : NULL;
	if (c) {
		c->started = 1;
		atomic_store(&c->phase_at, now_ms());
	}
	pthread_mutex_unlock(&g.mu);
	return c;
}

void guard_closed(struct gconn *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&g.mu);
	conn_remove(c);
	pthread_mutex_unlock(&g.mu);
	free(c);
}

void guard_headers_done(struct gconn *c, int body_follows)
{
	if (!c)
		return;
	atomic_store(&c->body, 0);
	atomic_store(&c->phase_at, now_ms());
	atomic_store(&c->phase, body_follows ? PHASE_BODY : PHASE_BUSY);
}

void guard_busy(struct gconn *c)
{
	if (!c)
		return;
	atomic_store(&c->phase_at, now_ms());
	atomic_store(&c->phase, PHASE_BUSY);
}

void guard_body(struct gconn *c, uint64_t bytes)
{
	if (c)
		atomic_fetch_add(&c->body, bytes);
}

void guard_request_done(struct gconn *c)
{
	if (!c)
		return;
	atomic_store(&c->probed, 0);
	atomic_store(&c->phase_at, now_ms());
	atomic_store(&c->phase, PHASE_HEADERS);
}

void guard_get_stats(struct guard_stats *s)
{
	pthread_mutex_lock(&g.mu);
	s->open = g.open;
	s->peak = g.peak;
	pthread_mutex_unlock(&g.mu);
	s->refused_full = atomic_load(&g.refused_full);
	s->refused_address = atomic_load(&g.refused_address);
	s->cut_headers = atomic_load(&g.cut_headers);
	s->cut_body = atomic_load(&g.cut_body);
}

void guard_count_suppressed(void)
{
	atomic_fetch_add(&g.suppressed, 1);
}

/* One pass over the connections: the slow ones are cut. */
static void sweep(int64_t now)
{
	pthread_mutex_lock(&g.mu);
	int pressure = g.open > (uint64_t)g.conf.max_conns * 3 / 4;
	int64_t header_ms = (int64_t)(pressure ? g.conf.pressure_secs : g.conf.header_secs) * 1000;
	for (struct gconn *c = g.head, *next; c; c = next) {
		next = c->next;
		if (!c->started) {
			/* handed over but never seen by its worker: it was refused and closed there */
			if (now - c->admitted > 10000) {
				conn_remove(c);
				free(c);
			}
			continue;
		}
		if (c->cut)
			continue;
		int phase = atomic_load(&c->phase);
		int64_t since = now - atomic_load(&c->phase_at);
		if (phase == PHASE_HEADERS && since > 200 && !atomic_load(&c->probed)) {
			/* A client that sent its request and its FIN together: libmicrohttpd answers,
			 * then waits for the next request without seeing the end of the stream (its
			 * epoll is edge-triggered, the edge has passed), and the socket stays in
			 * CLOSE-WAIT until the idle time-out. Looked at once after each request: the
			 * end of the stream with nothing left to read is closed now. */
			char ch;
			atomic_store(&c->probed, 1);
			if (recv(c->fd, &ch, 1, MSG_PEEK | MSG_DONTWAIT) == 0) {
				atomic_fetch_add(&g.peer_gone, 1);
				c->cut = 1;
				shutdown(c->fd, SHUT_RDWR);
				continue;
			}
		}
		if (phase == PHASE_HEADERS && since > header_ms) {
			atomic_fetch_add(&g.cut_headers, 1);
		} else if (phase == PHASE_BODY && since > (int64_t)g.conf.body_grace * 1000 &&
			   (int64_t)atomic_load(&c->body) * 1000 < (int64_t)g.conf.min_body_rate * since) {
			atomic_fetch_add(&g.cut_body, 1);
		} else {
			continue;
		}
		/* the worker sees the end of the stream and closes the connection itself; the
		 * descriptor stays ours to touch until its NOTIFY_CONNECTION "closed" (under this lock) */
		c->cut = 1;
		shutdown(c->fd, SHUT_RDWR);
	}
	pthread_mutex_unlock(&g.mu);
}

static void *watch_main(void *p)
{
	(void)p;
	uint64_t last[5] = { 0 };
	int64_t last_log = now_ms();
	while (!atomic_load(&g.stopping)) {
		struct timespec ts = { 0, 100 * 1000000L };
		nanosleep(&ts, NULL);
		int64_t now = now_ms();
		sweep(now);
		if (now - last_log < 1000)
			continue;
		last_log = now;
		uint64_t cur[5] = { atomic_load(&g.refused_full), atomic_load(&g.refused_address), atomic_load(&g.cut_headers),
				    atomic_load(&g.cut_body), atomic_load(&g.suppressed) };
		uint64_t d[5];
		int any = 0;
		for (int i = 0; i < 5; i++) {
			d[i] = cur[i] - last[i];
			last[i] = cur[i];
			any |= d[i] != 0;
		}
		if (!any)
			continue;
		char who[INET6_ADDRSTRLEN + 16] = "";
		pthread_mutex_lock(&g.mu);
		uint64_t open = g.open;
		if (d[1])
			snprintf(who, sizeof(who), ", last %s", g.last_refused);
		pthread_mutex_unlock(&g.mu);
		log_warn("overload: %llu connections open (limit %u, %u per address); last second: %llu refused (server "
			 "full), %llu refused (address at its limit%s), %llu cut (headers not complete in time), %llu cut "
			 "(body under %u bytes/s), %llu server messages not shown",
			 (unsigned long long)open, g.conf.max_conns, g.conf.per_address, (unsigned long long)d[0],
			 (unsigned long long)d[1], who, (unsigned long long)d[2], (unsigned long long)d[3],
			 g.conf.min_body_rate, (unsigned long long)d[4]);
	}
	return NULL;
}

int guard_start(const struct guard_conf *conf)
{
	struct rlimit rl;
	g.conf = *conf;
	if (getrlimit(RLIMIT_NOFILE, &rl) || rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > (1u << 24))
		rl.rlim_cur = 1u << 20;
	g.nfd = (size_t)rl.rlim_cur;
	g.by_fd = xcalloc(g.nfd, sizeof(*g.by_fd));
	atomic_store(&g.stopping, 0);
	if (pthread_create(&g.thread, NULL, watch_main, NULL)) {
		free(g.by_fd);
		g.by_fd = NULL;
		g.nfd = 0;
		return -1;
	}
	atomic_store(&g.running, 1);
	return 0;
}

/* After the workers have stopped: every connection is closed by then. */
void guard_stop(void)
{
	if (!atomic_load(&g.running))
		return;
	atomic_store(&g.stopping, 1);
	pthread_join(g.thread, NULL);
	atomic_store(&g.running, 0);
	pthread_mutex_lock(&g.mu);
	while (g.head) {
		struct gconn *c = g.head;
		conn_remove(c);
		free(c);
	}
	free(g.by_fd);
	g.by_fd = NULL;
	g.nfd = 0;
	pthread_mutex_unlock(&g.mu);
}
