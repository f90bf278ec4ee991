/* ratelimit.h — per-address token buckets for the expensive or abusable requests (sign-in,
 * search, public forms): a flood from one address gets 429 without hurting other clients. The
 * JSON API's writes are limited per token instead (RL_TOKEN, keyed "token:<id>"), wherever the
 * token is used from. */
#ifndef CONG_RATELIMIT_H
#define CONG_RATELIMIT_H

#include <stdint.h>

enum rl_class { RL_SIGNIN, RL_SEARCH, RL_FORM, RL_TOKEN, RL_NCLASSES };

/* 0 when ADDRESS (or, for RL_TOKEN, the token's key) may make one more request of class C now;
 * else the seconds to wait. */
int64_t ratelimit_take(enum rl_class c, const char *address);
/* Tests and benchmarks may raise the limits: every rate multiplied by FACTOR (>= 1). */
void ratelimit_scale(unsigned factor);

#endif
