/* webhooks.c — webhook deliveries sent by the scheduler (webhooks.h). */
#include "jobs/webhooks.h"
#include "model/webhook.h"
#include "model/links.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"

#include <curl/curl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "base/banned.h"

#define PER_PASS 20
#define PASS_BUDGET_MS 20000 /* no new delivery starts after this long in one pass */
#define TIMEOUT_S 10L        /* one attempt, connection included */
#define CONNECT_S 5L
#define ANSWER_MAX (64 * 1024) /* bytes of the receiver's answer read; it is not kept */
#define KEEP_DAYS 30

struct send {
	int allow_private;
	int blocked;
	size_t got;
};

static int64_t ms_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Every connection's address checked before it is made, so that a name that resolves to a
 * private address (or changes to one after the form's check) is not reached. */
static curl_socket_t send_open(void *arg, curlsocktype purpose, struct curl_sockaddr *addr)
{
	struct send *s = arg;
	(void)purpose;
	if (!s->allow_private && link_addr_blocked(&addr->addr)) {
		s->blocked = 1;
		return CURL_SOCKET_BAD;
	}
	return socket(addr->family, addr->socktype | SOCK_CLOEXEC, addr->protocol);
}

static size_t send_write(char *data, size_t size, size_t n, void *arg)
{
	struct send *s = arg;
	(void)data;
	s->got += size * n;
	return s->got > ANSWER_MAX ? 0 : size * n;
}

/* POSTs delivery D once: 0 when the receiver answered 2xx, else -1 with the reason in ERR. */
static int send_one(json_t *d, int allow_private, long *status, char *err, size_t errlen)
{
	const char *url = json_string_value(json_object_get(d, "url"));
	const char *secret = json_string_value(json_object_get(d, "secret"));
	const char *body = json_string_value(json_object_get(d, "payload"));
	*status = 0;
	if (!secret || !*secret) {
		snprintf(err, errlen, "the secret does not open (secret.key replaced?)");
		return -1;
	}
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(err, errlen, "libcurl could not start");
		return -1;
	}
	int64_t ts = time_now();
	char sig[WEBHOOK_SIG_LEN + 1];
	webhook_sign(secret, ts, body, strlen(body), sig);
	struct sb h = SB_INIT;
	struct curl_slist *hdr = curl_slist_append(NULL, "Content-Type: application/json; charset=utf-8");
	hdr = curl_slist_append(hdr, "Expect:"); /* no 100-continue round trip */
	sb_addf(&h, "X-Cong-Event: %s", json_string_value(json_object_get(d, "event")));
	hdr = curl_slist_append(hdr, h.buf);
	sb_reset(&h);
	sb_addf(&h, "X-Cong-Delivery: %lld", (long long)json_integer_value(json_object_get(d, "id")));
	hdr = curl_slist_append(hdr, h.buf);
	sb_reset(&h);
	sb_addf(&h, "X-Cong-Timestamp: %lld", (long long)ts);
	hdr = curl_slist_append(hdr, h.buf);
	sb_reset(&h);
	sb_addf(&h, "X-Cong-Signature: %s", sig);
	hdr = curl_slist_append(hdr, h.buf);
	sb_release(&h);

	struct send s = { .allow_private = allow_private };
	char errbuf[CURL_ERROR_SIZE] = "";
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L); /* a redirect is an answer, not a delivery */
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, TIMEOUT_S);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, CONNECT_S);
	curl_easy_setopt(c, CURLOPT_PROXY, "");
	curl_easy_setopt(c, CURLOPT_USERAGENT, "Cong-Webhook/1.0");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, send_open);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &s);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, send_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
	CURLcode rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
	if (rc == CURLE_WRITE_ERROR && *status > 0)
		rc = CURLE_OK; /* we cut the answer off ourselves */
	int ok = -1;
	if (rc == CURLE_OK && *status >= 200 && *status < 300)
		ok = 0;
	else if (rc == CURLE_OK)
		snprintf(err, errlen, "HTTP %ld", *status);
	else if (s.blocked)
		snprintf(err, errlen, "the address is in a private network (setting webhooks_allow_private)");
	else
		snprintf(err, errlen, "%s", errbuf[0] ? errbuf : curl_easy_strerror(rc));
	curl_slist_free_all(hdr);
	curl_easy_cleanup(c);
	return ok;
}

int webhooks_run(struct db *db, int64_t now)
{
	json_t *due = webhook_due(db, now, PER_PASS), *d;
	size_t i;
	int sent = 0;
	if (json_array_size(due)) {
		char *allow = db_setting_get(db, "webhooks_allow_private");
		int allow_private = allow && strcmp(allow, "1") == 0;
		free(allow);
		int64_t start = ms_now();
		json_array_foreach(due, i, d) {
			if (ms_now() - start > PASS_BUDGET_MS)
				break; /* the rest at the next pass */
			int64_t id = json_integer_value(json_object_get(d, "id"));
			long status = 0;
			char err[256] = "";
			int64_t t0 = ms_now();
			int rc = send_one(d, allow_private, &status, err, sizeof(err));
			int64_t ms = ms_now() - t0;
			if (rc == 0)
				sent++;
			else /* the delivery's number and the reason; never the address (it may carry a token) */
				log_warn("webhooks: delivery %lld not accepted (try %lld): %s", (long long)id,
					 (long long)json_integer_value(json_object_get(d, "tries")) + 1, err);
			if (webhook_attempt_done(db, id, status, ms, rc == 0 ? NULL : err, time_now())) {
				json_decref(due);
				return -1;
			}
		}
	}
	json_decref(due);
	webhook_purge(db, now, KEEP_DAYS);
	return sent;
}
