/* test_ratings.c — the ratings' and polls' pure parts: the board's period (?ky=), the voter tag
 * (same browser and scope: same tag; any part changed: another), a poll's phase at the edges of
 * its days (Vietnam time). */
#include "t.h"
#include "tdb.h"
#include "model/model.h"
#include "model/poll.h"
#include "model/rating.h"
#include "vn/calendar.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

TEST(rating_period_months_quarters_years)
{
	char from[8], to[8], label[48];
	CHECK(rating_period("2026-12", from, to, label, sizeof(label)) == 0);
	CHECK(strcmp(from, "2026-12") == 0 && strcmp(to, "2026-12") == 0 && strcmp(label, "Tháng 12/2026") == 0);
	CHECK(rating_period("2026-Q4", from, to, label, sizeof(label)) == 0);
	CHECK(strcmp(from, "2026-10") == 0 && strcmp(to, "2026-12") == 0 && strcmp(label, "Quý IV/2026") == 0);
	CHECK(rating_period("2027-Q1", from, to, label, sizeof(label)) == 0);
	CHECK(strcmp(from, "2027-01") == 0 && strcmp(to, "2027-03") == 0);
	CHECK(rating_period("2026", from, to, label, sizeof(label)) == 0);
	CHECK(strcmp(from, "2026-01") == 0 && strcmp(to, "2026-12") == 0 && strcmp(label, "Năm 2026") == 0);
	const char *bad[] = { "", "2026-13", "2026-00", "2026-Q0", "2026-Q5", "1999", "abcd", "2026-1", "2026-12-01",
			      "20261", "2026-q4", " 2026", NULL };
	for (int i = 0; bad[i]; i++)
		CHECK(rating_period(bad[i], from, to, label, sizeof(label)) == -1);
	CHECK(rating_period(NULL, from, to, label, sizeof(label)) == -1);
}

TEST(voter_tag_is_stable_in_a_scope_and_unrelated_across)
{
	static char dir[] = "/tmp/cong-ratings-XXXXXX";
	CHECK(sodium_init() >= 0);
	CHECK(mkdtemp(dir) != NULL);
	totp_set_key_dir(dir);
	char a[VOTER_TAG_LEN + 1], b[VOTER_TAG_LEN + 1];
	CHECK(voter_tag("poll:12", "203.0.113.5", "Mozilla/5.0", a) == 0);
	CHECK(strlen(a) == VOTER_TAG_LEN);
	CHECK(voter_tag("poll:12", "203.0.113.5", "Mozilla/5.0", b) == 0 && strcmp(a, b) == 0);
	CHECK(voter_tag("poll:13", "203.0.113.5", "Mozilla/5.0", b) == 0 && strcmp(a, b) != 0);
	CHECK(voter_tag("poll:12", "203.0.113.6", "Mozilla/5.0", b) == 0 && strcmp(a, b) != 0);
	CHECK(voter_tag("poll:12", "203.0.113.5", "Mozilla/5.1", b) == 0 && strcmp(a, b) != 0);
	/* the parts cannot slide into each other */
	CHECK(voter_tag("poll:1", "2203.0.113.5", "Mozilla/5.0", b) == 0 && strcmp(a, b) != 0);
	CHECK(voter_tag("poll:12", "203.0.113.5", NULL, b) == 0 && strcmp(a, b) != 0);
}

TEST(poll_phase_at_the_edges_of_its_days)
{
	json_t *f = json_pack("{ssss}", "mo_tu", "2026-12-01", "dong_vao", "2026-12-05");
	int64_t open = vn_time_of_days(vn_date_to_days((vn_date){ 2026, 12, 1 }));
	int64_t close = vn_time_of_days(vn_date_to_days((vn_date){ 2026, 12, 6 }));
	int64_t o, c;
	CHECK(poll_phase(f, open - 1, &o, &c) == -1);
	CHECK(o == open && c == close);
	CHECK(poll_phase(f, open, NULL, NULL) == 0);
	CHECK(poll_phase(f, close - 1, NULL, NULL) == 0); /* 23:59:59 of the last day, Vietnam time */
	CHECK(poll_phase(f, close, NULL, NULL) == 1);
	/* 17:00 UTC of the 5th is 00:00 of the 6th in Vietnam: closed */
	CHECK(close % 86400 == 17 * 3600);
	json_decref(f);
}

#include "db/db.h"

/* A fresh database (t_fresh_db, its folder's secret.key) with the main portal. */
static struct db *ratings_db(int64_t *site)
{
	struct db *db = t_fresh_db();
	if (!db)
		return NULL;
	struct site_input in = { 0 };
	struct errs e = { 0 };
	in.name = "Cổng chính";
	in.kind = "main";
	if (site_add(db, &in, &e, site, NULL))
		return NULL;
	return db;
}

static int64_t count_ratings(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM ratings");
	int64_t n = st && db_step(st) == DB_ROW ? db_col_int(st, 0) : -1;
	db_reset(st);
	return n;
}

TEST(rating_once_per_month_the_month_of_vietnam)
{
	int64_t site = 0;
	struct db *db = ratings_db(&site);
	CHECK(db != NULL);
	if (!db)
		return;
	struct rating_input in = { .score = { "4", "4", "5", "3" }, .addr = "198.51.100.9", .ua = "UA" };
	struct errs e = { 0 };
	int replaced = -1;
	/* 31/12/2026 23:59:59 in Vietnam is 16:59:59 UTC */
	int64_t last = vn_time_of_days(vn_date_to_days((vn_date){ 2027, 1, 1 })) - 1;
	CHECK(rating_submit(db, site, &in, last - 86400 * 20, &e, &replaced) == M_OK && replaced == 0);
	CHECK(rating_submit(db, site, &in, last, &e, &replaced) == M_OK && replaced == 1);
	CHECK(count_ratings(db) == 1);
	/* one second later it is January: a rating of its own */
	CHECK(rating_submit(db, site, &in, last + 1, &e, &replaced) == M_OK && replaced == 0);
	CHECK(count_ratings(db) == 2);
	/* another browser in January */
	in.ua = "UA 2";
	CHECK(rating_submit(db, site, &in, last + 3600, &e, &replaced) == M_OK && replaced == 0);
	CHECK(count_ratings(db) == 3);
	/* scores checked */
	struct rating_input bad = { .score = { "0", "6", "", NULL }, .addr = "x", .ua = "y" };
	struct errs be = { 0 };
	CHECK(rating_submit(db, site, &bad, last, &be, NULL) == M_INVALID && be.n == 4);
	CHECK(count_ratings(db) == 3);
	/* a comment is kept a year (rating_comment_days), then deleted; the scores stay */
	struct rating_input c = { .score = { "5", "5", "5", "5" }, .comment = "Ý kiến của tôi", .addr = "a", .ua = "b" };
	CHECK(rating_submit(db, site, &c, last, &e, NULL) == M_OK);
	CHECK(rating_purge(db, last + 364 * 86400) == 0);
	CHECK(rating_purge(db, last + 367 * 86400) == 1);
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM ratings WHERE comment IS NOT NULL");
	CHECK(st && db_step(st) == DB_ROW && db_col_int(st, 0) == 0);
	db_reset(st);
	CHECK(count_ratings(db) == 4);
	db_close(db);
}
