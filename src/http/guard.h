/* guard.h — what keeps slow and idle clients from stopping the server.
 *
 * Every connection the accepting thread takes is admitted here first: over the total limit or
 * over the per-address limit it gets a short 503 (429 for one address) written by us, with the
 * security headers, and is closed; it never reaches a worker. Under pressure (more than 3/4 of
 * the connections in use) the per-address limit shrinks to a fair share: half the connections
 * divided by the addresses connected (at least 4). Admitted connections are tracked
 * (libmicrohttpd's MHD_OPTION_NOTIFY_CONNECTION ties our record to its connection) and a watchdog
 * thread cuts, by shutdown() of the socket (libmicrohttpd then closes it as a client gone):
 *   - a request whose headers are not complete within the header time (total, not idle: a byte
 *     every few seconds does not keep it), shorter while the server is under pressure (more than
 *     three quarters of the connections in use), which also ends idle keep-alive connections;
 *   - a body arriving slower than the minimum rate after a grace time.
 * Refusals and cuts are counted and logged once a second, never one line per connection.
 */
#ifndef CONG_GUARD_H
#define CONG_GUARD_H

#include <stdint.h>
#include <sys/socket.h>

struct guard_conf {
	unsigned max_conns;     /* connections open at once, in all */
	unsigned per_address;   /* connections open at once from one address */
	unsigned header_secs;   /* total time for a request's headers (keep-alive wait included) */
	unsigned pressure_secs; /* the same while more than 3/4 of max_conns are open */
	unsigned min_body_rate; /* bytes a second a body must keep up, after body_grace seconds */
	unsigned body_grace;
	const char *refusal_503, *refusal_429; /* whole HTTP answers (head and body) */
	/* 1 for an address the per-address limit does not apply to (a trusted proxy: every client
	 * behind it shares its address) */
	int (*exempt)(const char *address);
};

struct gconn; /* one admitted connection */

/* Starts the watchdog; the limits stay fixed. Returns 0 or -1. */
int guard_start(const struct guard_conf *conf);
void guard_stop(void);
/* The accepting thread: 1 when FD may be handed to a worker (tracked from now on); 0 when it was
 * answered and closed. */
int guard_admit(int fd, const struct sockaddr *sa, socklen_t len);
/* The worker could not take FD (libmicrohttpd refused it before its NOTIFY_CONNECTION). */
void guard_forget(int fd);
/* libmicrohttpd's NOTIFY_CONNECTION: started returns the record to keep as socket context. */
struct gconn *guard_started(int fd);
void guard_closed(struct gconn *c);
/* A request's phases, from the worker: headers complete (a body follows or not), body bytes
 * received, the request answered (the connection waits for the next one). */
void guard_headers_done(struct gconn *c, int body_follows);
void guard_body(struct gconn *c, uint64_t bytes);
void guard_request_done(struct gconn *c);
/* The body is in: the handler runs (however long: an import) and the answer is sent. */
void guard_busy(struct gconn *c);

struct guard_stats {
	uint64_t open, peak;
	uint64_t refused_full, refused_address, cut_headers, cut_body;
};
void guard_get_stats(struct guard_stats *s);
/* Lines of libmicrohttpd's log beyond a few a second are counted here instead of printed. */
void guard_count_suppressed(void);

#endif
