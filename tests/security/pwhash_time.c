/* pwhash_time.c — how long one password hash takes on this machine, with the project's own
 * password_hash() (src/model/password.c: argon2id through libsodium), and for comparison with
 * neighbouring argon2id parameters. Run by tests/security/pwhash-time.sh; the figures are
 * recorded in docs/security.md. Not a test: it only measures.
 *
 *   pwhash_time [ROUNDS]   (default 20) */
#include "model/model.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void report(const char *what, double *ms, int n)
{
	double sum = 0;
	qsort(ms, (size_t)n, sizeof(*ms), cmp_double);
	for (int i = 0; i < n; i++)
		sum += ms[i];
	printf("%-50s min %6.1f  median %6.1f  mean %6.1f  max %6.1f ms  (%d runs)\n", what, ms[0], ms[n / 2], sum / n,
	       ms[n - 1], n);
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 20;
	char hash[crypto_pwhash_STRBYTES];
	const char *pw = "Abc@12345-đo-thoi-gian";
	if (rounds < 1 || rounds > 1000 || sodium_init() < 0)
		return 2;
	double *ms = calloc((size_t)rounds, sizeof(*ms));
	if (!ms)
		return 2;

	/* the project's function: what the sign-in and password change pay */
	for (int i = 0; i < rounds; i++) {
		double t0 = now_ms();
		if (password_hash(pw, hash, sizeof(hash)))
			return 1;
		ms[i] = now_ms() - t0;
	}
	char params[64] = "";
	const char *p = strstr(hash, "$m=");
	if (p)
		snprintf(params, sizeof(params), "%.*s", (int)strcspn(p + 1, "$"), p + 1);
	printf("password_hash(): %.*s %s\n", (int)strcspn(hash + 1, "$") + 1, hash, params);
	report("password_hash() (hash)", ms, rounds);
	for (int i = 0; i < rounds; i++) {
		double t0 = now_ms();
		if (crypto_pwhash_str_verify(hash, pw, strlen(pw)))
			return 1;
		ms[i] = now_ms() - t0;
	}
	report("crypto_pwhash_str_verify() (sign-in)", ms, rounds);

	/* neighbours, for choosing */
	static const struct {
		unsigned long long ops;
		size_t mem;
		const char *name;
	} alt[] = { { crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE, " (INTERACTIVE)" },
		    { 4, 64u << 20, "" }, { 3, 32u << 20, "" }, { 3, 128u << 20, "" },
		    { crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE, " (MODERATE)" } };
	for (size_t k = 0; k < sizeof(alt) / sizeof(alt[0]); k++) {
		int n = rounds > 5 ? 5 : rounds;
		for (int i = 0; i < n; i++) {
			double t0 = now_ms();
			if (crypto_pwhash_str_alg(hash, pw, strlen(pw), alt[k].ops, alt[k].mem, crypto_pwhash_ALG_ARGON2ID13))
				return 1;
			ms[i] = now_ms() - t0;
		}
		char what[80];
		snprintf(what, sizeof(what), "argon2id opslimit %llu, memlimit %zu MiB%s", alt[k].ops, alt[k].mem >> 20,
			 alt[k].name);
		report(what, ms, n);
	}
	free(ms);
	return 0;
}
