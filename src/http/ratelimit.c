/* ratelimit.c — token buckets in a fixed table (no allocation per address, bounded memory):
 * an address hashes to a slot; a slot taken by another address is simply reused, which can only
 * make the limit kinder for the newcomer. One mutex: the work under it is a few arithmetic ops. */
#include "http/ratelimit.h"
#include "base/util.h"

#include <pthread.h>
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "base/banned.h"

#define SLOTS 8192

static const struct {
	double per_second; /* refill */
	double burst;
} rates[RL_NCLASSES] = {
	[RL_SIGNIN] = { 10.0 / 60, 10 },  /* 10 sign-in attempts a minute */
	[RL_SEARCH] = { 2.0, 60 },        /* 120 searches a minute, bursts of 60 */
	[RL_FORM] = { 5.0 / 60, 5 },      /* 5 public submissions a minute */
	[RL_TOKEN] = { 5.0, 100 },        /* an API token: 300 writes a minute, bursts of 100 */
};

static struct slot {
	uint64_t key;
	double tokens;
	double at;
} slots[RL_NCLASSES][SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned scale = 1;

void ratelimit_scale(unsigned factor)
{
	scale = factor ? factor : 1;
}

static double now_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

int64_t ratelimit_take(enum rl_class c, const char *address)
{
	uint64_t key;
	unsigned char h[8];
	crypto_generichash(h, sizeof(h), (const unsigned char *)address, strlen(address), NULL, 0);
	memcpy(&key, h, sizeof(key));
	key |= 1; /* 0 marks an empty slot */
	double rate = rates[c].per_second * scale, burst = rates[c].burst * scale, t = now_seconds();
	int64_t wait = 0;

	pthread_mutex_lock(&lock);
	struct slot *s = &slots[c][key % SLOTS];
	if (s->key != key) {
		s->key = key;
		s->tokens = burst;
		s->at = t;
	}
	s->tokens += (t - s->at) * rate;
	if (s->tokens > burst)
		s->tokens = burst;
	s->at = t;
	if (s->tokens >= 1)
		s->tokens -= 1;
	else
		wait = (int64_t)((1 - s->tokens) / rate) + 1;
	pthread_mutex_unlock(&lock);
	return wait;
}
