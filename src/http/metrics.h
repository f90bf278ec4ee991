/* metrics.h — counters of the running server for Prometheus (GET /metrics, text format 0.0.4):
 * requests by route class and status, a latency histogram, the page cache, time in the database,
 * connections (open, refused, cut), the age of the newest good backup, scheduled items waiting.
 *
 * Who may read it: a request from the loopback made directly (no X-Forwarded-For/Forwarded
 * header: a proxy on the same host does not make the world local), or one carrying
 * "Authorization: Bearer <token>" equal to the setting `metrics_token`. Anyone else: 404. */
#ifndef CONG_METRICS_H
#define CONG_METRICS_H

#include <stdint.h>

struct req;

/* One answered request: its path (for the class), status, and the nanoseconds it took. */
void metrics_request(const char *path, int status, int64_t ns);
/* Monotonic nanoseconds. */
int64_t metrics_now_ns(void);
void page_metrics(struct req *r);
/* At start: the time cong_start_time_seconds reports. */
void metrics_start(void);

#endif
