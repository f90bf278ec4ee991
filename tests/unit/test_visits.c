/* test_visits.c — visit statistics (docs/visits.md): crawlers left out, referrers' hosts, exact
 * counts from many threads after a drain, online now within its window, counts given back, the
 * store's batches and reports, the settings' checks. */
#include "t.h"
#include "tdb.h"
#include "http/visits.h"
#include "model/model.h"
#include "model/visits.h"
#include "db/db.h"
#include "vn/calendar.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIREFOX "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0"

TEST(visits_crawlers_are_not_counted)
{
	const char *bots[] = { NULL, "", "Googlebot/2.1 (+http://www.google.com/bot.html)",
			       "Mozilla/5.0 (compatible; bingbot/2.0)", "curl/8.5.0", "Wget/1.21", "python-requests/2.31",
			       "Python-urllib/3.11", "Go-http-client/1.1", "facebookexternalhit/1.1",
			       "Mozilla/5.0 (X11) HeadlessChrome/120.0", "Mozilla/5.0 (compatible; YandexSpider/3.0)",
			       "W3C_Validator/1.3", "Mozilla/5.0 (compatible; Yahoo! Slurp)" };
	for (size_t i = 0; i < sizeof(bots) / sizeof(bots[0]); i++)
		CHECK(visits_is_bot(bots[i]));
	const char *people[] = { FIREFOX,
				 "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Version/17.1 Mobile Safari/604.1",
				 "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0",
				 "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36 CocCoc/1.0" };
	for (size_t i = 0; i < sizeof(people) / sizeof(people[0]); i++)
		CHECK(!visits_is_bot(people[i]));
}

TEST(visits_referrer_host_external_only)
{
	char h[VISIT_HOST_MAX];
	CHECK(visits_referrer_host("https://www.Google.com.vn/search?q=x", "snv.example", h, sizeof(h)) == 0);
	CHECK_STR(h, "www.google.com.vn");
	CHECK(visits_referrer_host("http://baochinhphu.vn/", "snv.example:8080", h, sizeof(h)) == 0);
	CHECK_STR(h, "baochinhphu.vn");
	/* the page's own host, with or without its port, in any case: internal */
	CHECK(visits_referrer_host("http://snv.example:8080/tin/a-1", "snv.example:8080", h, sizeof(h)) == -1);
	CHECK(visits_referrer_host("https://SNV.example/", "snv.example:8080", h, sizeof(h)) == -1);
	CHECK(visits_referrer_host("http://[::1]:8080/", "[::1]:8080", h, sizeof(h)) == -1);
	/* another site of the portal is another host: counted */
	CHECK(visits_referrer_host("http://sgddt.example/", "snv.example", h, sizeof(h)) == 0);
	CHECK_STR(h, "sgddt.example");
	/* not a web address, or nothing to keep */
	CHECK(visits_referrer_host("android-app://com.google.android.gm/", "snv.example", h, sizeof(h)) == -1);
	CHECK(visits_referrer_host("not a url", "snv.example", h, sizeof(h)) == -1);
	CHECK(visits_referrer_host("", "snv.example", h, sizeof(h)) == -1);
	CHECK(visits_referrer_host(NULL, "snv.example", h, sizeof(h)) == -1);
	char tiny[8];
	CHECK(visits_referrer_host("http://a-very-long-host.example/", "snv.example", tiny, sizeof(tiny)) == -1);
}

/* The counts of C[N] for SITE on DAY: the total, item ITEM's, host HOST's. */
static int64_t count_of(const struct visit_count *c, size_t n, int64_t site, int32_t day, int64_t item, const char *host)
{
	int64_t v = 0;
	int seen = 0;
	for (size_t i = 0; i < n; i++)
		if (c[i].site_id == site && c[i].day == day && c[i].item_id == item && strcmp(c[i].host, host) == 0) {
			v += c[i].n;
			seen++;
		}
	return seen > 1 ? -1 : v; /* a drain merges: one counter per key */
}

struct burst {
	int id;
	int64_t now;
	int n;
};

static void *fire(void *p)
{
	struct burst *b = p;
	char addr[32], ua[96];
	snprintf(addr, sizeof(addr), "203.0.113.%d", b->id);
	snprintf(ua, sizeof(ua), "%s t%d", FIREFOX, b->id);
	for (int i = 0; i < b->n; i++) {
		/* site 1: all; item 7 every other; a referrer every fourth; site 2 every tenth */
		visits_note(1, i % 2 ? 7 : 0, "snv.example", addr, ua, i % 4 == 0 ? "https://google.com/x" : NULL, b->now);
		if (i % 10 == 0)
			visits_note(2, 0, "sgddt.example", addr, ua, "http://sgddt.example/", b->now);
		visits_note(1, 0, "snv.example", addr, "Googlebot/2.1", NULL, b->now); /* never counted */
	}
	return NULL;
}

TEST(visits_counts_from_many_threads_are_exact)
{
	CHECK(sodium_init() >= 0);
	visits_reset();
	enum { THREADS = 8, EACH = 5000 };
	int64_t now = t_vn_at("2026-12-07", 10, 0);
	int32_t day = vn_days_of_time(now);
	pthread_t th[THREADS];
	struct burst b[THREADS];
	size_t n = 0;
	struct visit_count *mid = NULL, *all;
	for (int i = 0; i < THREADS; i++) {
		b[i] = (struct burst){ i + 1, now, EACH };
		CHECK(pthread_create(&th[i], NULL, fire, &b[i]) == 0);
	}
	/* a drain while they fire: what it takes plus what the next takes is everything */
	mid = visits_drain(&n);
	size_t n1 = n;
	for (int i = 0; i < THREADS; i++)
		pthread_join(th[i], NULL);
	struct visit_count *rest = visits_drain(&n);
	all = calloc(n1 + n + 1, sizeof(*all));
	if (n1)
		memcpy(all, mid, n1 * sizeof(*all));
	if (n)
		memcpy(all + n1, rest, n * sizeof(*all));
	size_t total_n = n1 + n;
	int64_t sum_total = 0, sum_item = 0, sum_ref = 0, sum_2 = 0, sum_2ref = 0;
	for (size_t i = 0; i < total_n; i++) {
		CHECK(all[i].day == day);
		if (all[i].site_id == 1 && !all[i].item_id && !all[i].host[0])
			sum_total += all[i].n;
		else if (all[i].site_id == 1 && all[i].item_id == 7)
			sum_item += all[i].n;
		else if (all[i].site_id == 1 && strcmp(all[i].host, "google.com") == 0)
			sum_ref += all[i].n;
		else if (all[i].site_id == 2 && !all[i].host[0])
			sum_2 += all[i].n;
		else if (all[i].site_id == 2)
			sum_2ref++; /* its referrer is its own host: never a counter */
	}
	CHECK(sum_total == THREADS * EACH);
	CHECK(sum_item == THREADS * EACH / 2);
	CHECK(sum_ref == THREADS * EACH / 4);
	CHECK(sum_2 == THREADS * EACH / 10);
	CHECK(sum_2ref == 0);
	/* each drain has one counter per key */
	CHECK(count_of(rest, n, 1, day, 0, "") >= 0);
	/* nothing is left */
	free(visits_drain(&n));
	CHECK(n == 0);
	CHECK(visits_pending(1) == 0);
	/* eight visitors on site 1 (the crawler is none), each counted once */
	CHECK(visits_online(1, now) == THREADS);
	CHECK(visits_online(2, now) == THREADS);
	CHECK(visits_online(1, now + VISITS_ONLINE_SECS - 1) == THREADS);
	CHECK(visits_online(1, now + VISITS_ONLINE_SECS) == 0);
	free(mid);
	free(rest);
	free(all);
	visits_reset();
}

TEST(visits_restore_keeps_what_the_store_refused)
{
	CHECK(sodium_init() >= 0);
	visits_reset();
	int64_t now = t_vn_at("2026-12-07", 23, 59);
	for (int i = 0; i < 5; i++)
		visits_note(3, 11, "a.example", "198.51.100.1", FIREFOX, "https://zalo.me/x", now);
	visits_note(3, 0, "a.example", "198.51.100.1", FIREFOX, NULL, now + 120); /* the next day (Vietnam) */
	CHECK(visits_pending(3) == 6);
	size_t n;
	struct visit_count *c = visits_drain(&n);
	CHECK(n == 4); /* 2 days' totals, the item, the referrer */
	CHECK(visits_pending(3) == 0);
	visits_restore(c, n);
	CHECK(visits_pending(3) == 6);
	free(c);
	c = visits_drain(&n);
	int32_t d = vn_days_of_time(now);
	CHECK(count_of(c, n, 3, d, 0, "") == 5);
	CHECK(count_of(c, n, 3, d + 1, 0, "") == 1);
	CHECK(count_of(c, n, 3, d, 11, "") == 5);
	CHECK(count_of(c, n, 3, d, 0, "zalo.me") == 5);
	/* the same address and browser: one visitor on each side of midnight, within 5 minutes */
	CHECK(visits_online(3, now + 120) >= 1);
	free(c);
	visits_reset();
}

TEST(visits_store_and_report)
{
	struct db *db = t_fresh_db();
	CHECK(db != NULL);
	if (!db)
		return;
	int64_t main_id = t_add_site(db, "Cổng tỉnh", "main", NULL);
	int64_t a = t_add_site(db, "Sở Nội vụ", "department", NULL);
	int64_t b = t_add_site(db, "Sở Tài chính", "department", NULL);
	CHECK(main_id && a && b);
	int32_t d = vn_date_to_days((vn_date){ 2026, 12, 1 });
	struct visit_count c[] = {
		{ .site_id = a, .day = d, .n = 10 },
		{ .site_id = a, .day = d + 2, .n = 5 },
		{ .site_id = b, .day = d + 1, .n = 7 },
		{ .site_id = a, .item_id = 99, .day = d, .n = 4 },
		{ .site_id = a, .day = d, .host = "google.com", .n = 3 },
	};
	CHECK(visits_store(db, c, 5) == 0);
	CHECK(visits_store(db, c, 1) == 0); /* adds to the day's row */
	const struct actor sys = { 0, 1, "test" };
	json_t *r = visits_report(db, &sys, a, d, d + 2);
	CHECK(r != NULL);
	CHECK(json_integer_value(json_object_get(r, "total")) == 25);
	json_t *days = json_object_get(r, "by_day");
	CHECK(json_array_size(days) == 3);
	CHECK(json_integer_value(json_object_get(json_array_get(days, 0), "total")) == 20);
	CHECK(json_integer_value(json_object_get(json_array_get(days, 1), "total")) == 0);
	CHECK(json_integer_value(json_object_get(json_array_get(days, 2), "total")) == 5);
	CHECK(json_integer_value(json_object_get(json_array_get(days, 0), "day")) == d);
	CHECK(json_array_size(json_object_get(r, "by_site")) == 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(r, "by_site"), 0), "site_name")), "Sở Nội vụ");
	json_decref(r);
	/* the province: every site, largest first, sites without views too */
	r = visits_report(db, &sys, 0, d, d + 2);
	CHECK(r && json_integer_value(json_object_get(r, "total")) == 32);
	json_t *sites = json_object_get(r, "by_site");
	CHECK(json_array_size(sites) == 3);
	CHECK(json_integer_value(json_object_get(json_array_get(sites, 0), "site_id")) == a);
	CHECK(json_integer_value(json_object_get(json_array_get(sites, 1), "total")) == 7);
	CHECK(json_integer_value(json_object_get(json_array_get(sites, 2), "total")) == 0);
	json_decref(r);
	/* one day only */
	r = visits_report(db, &sys, b, d + 1, d + 1);
	CHECK(r && json_integer_value(json_object_get(r, "total")) == 7);
	json_decref(r);
	json_t *refs = visits_top_referrers(db, &sys, a, d, d + 2, 10);
	CHECK(json_array_size(refs) == 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(refs, 0), "host")), "google.com");
	json_decref(refs);
	CHECK(visits_site_total(db, a) == 25);
	CHECK(visits_site_total(db, main_id) == 0);
	/* bad ranges, and someone without a role */
	CHECK(visits_report(db, &sys, a, d + 1, d) == NULL);
	CHECK(visits_report(db, &sys, a, d, d + 4000) == NULL);
	const struct actor nobody = { 424242, 0, "test" };
	CHECK(visits_report(db, &nobody, a, d, d) == NULL);
	CHECK(visits_report(db, &nobody, 0, d, d) == NULL);
	CHECK(visits_top_items(db, &nobody, a, d, d, 5) == NULL);
	db_close(db);
}

TEST(visits_settings_checked_and_saved)
{
	struct db *db = t_fresh_db();
	CHECK(db != NULL);
	if (!db)
		return;
	CHECK(t_add_site(db, "Cổng tỉnh", "main", NULL) > 0);
	int64_t s = t_add_site(db, "Sở Y tế", "department", NULL);
	CHECK(s > 0);
	struct visit_settings v;
	CHECK(visit_settings_get(db, s, &v) == 0);
	CHECK(!v.public_counter && v.emc_site_id == 0 && strcmp(v.emc_origin, VISITS_EMC_ORIGIN) == 0);
	const struct actor sys = { 0, 1, "test" }, nobody = { 424242, 0, "test" };
	struct errs e = { 0 };
	CHECK(visit_settings_update(db, &nobody, s, 1, "12", "", &e) == M_DENIED);
	const char *bad_ids[] = { "abc", "0", "-3", "1.5", "12 " };
	for (size_t i = 0; i < sizeof(bad_ids) / sizeof(bad_ids[0]); i++) {
		memset(&e, 0, sizeof(e));
		CHECK(visit_settings_update(db, &sys, s, 1, bad_ids[i], "", &e) == M_INVALID);
		CHECK(e.n == 1 && strcmp(e.e[0].field, "emc_site_id") == 0);
	}
	const char *bad_origins[] = { "http://emc.example", "https://emc.example/path", "https://u@emc.example",
				      "https://emc.example/?q=1", "javascript:alert(1)", "emc.example",
				      "https://emc.example; script-src *" };
	for (size_t i = 0; i < sizeof(bad_origins) / sizeof(bad_origins[0]); i++) {
		memset(&e, 0, sizeof(e));
		CHECK(visit_settings_update(db, &sys, s, 0, "", bad_origins[i], &e) == M_INVALID);
		CHECK(e.n == 1 && strcmp(e.e[0].field, "emc_origin") == 0);
	}
	memset(&e, 0, sizeof(e));
	CHECK(visit_settings_update(db, &sys, s, 1, "4321", "https://EMC.example:8443/", &e) == M_OK);
	CHECK(visit_settings_get(db, s, &v) == 0);
	CHECK(v.public_counter == 1 && v.emc_site_id == 4321);
	CHECK_STR(v.emc_origin, "https://emc.example:8443");
	/* "" turns the tracker off and the origin back to the default */
	CHECK(visit_settings_update(db, &sys, s, 0, "", "", &e) == M_OK);
	CHECK(visit_settings_get(db, s, &v) == 0);
	CHECK(!v.public_counter && v.emc_site_id == 0 && strcmp(v.emc_origin, VISITS_EMC_ORIGIN) == 0);
	db_close(db);
}
