/* test_webhooks.c — webhooks (model/webhook.h): the signature over known vectors (computed with
 * Python's hmac), the back-off schedule on a fixed clock, the events queued in the workflow's
 * own transaction (none for a change rolled back, none for another site's hooks), the address
 * check. The deliveries over HTTP: tests/http/test_webhooks.py. */
#include "t.h"
#include "tdb.h"
#include "model/model.h"
#include "model/webhook.h"
#include "model/translation.h"
#include "base/util.h"
#include "db/db.h"

#include <stdlib.h>
#include <string.h>

TEST(webhooks_signature_is_hmac_sha256_of_timestamp_and_body)
{
	char sig[WEBHOOK_SIG_LEN + 1];
	const char *body = "{\"event\":\"published\",\"id\":7}";
	webhook_sign("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 1765000000, body, strlen(body), sig);
	CHECK_STR(sig, "sha256=10329daeee0c815817fbb7a23bddb2e5d5604b5f370f4f9d3d55d552e791752a");
	body = "The quick brown fox jumps over the lazy dog";
	webhook_sign("key", 1, body, strlen(body), sig);
	CHECK_STR(sig, "sha256=3ff4d3cc115b639a16dc5b217aa5c89be41d1e4b54efc356d63d0cd2a65b30f1");
	/* another timestamp, another signature: a captured delivery cannot be sent again later */
	char other[WEBHOOK_SIG_LEN + 1];
	webhook_sign("key", 2, body, strlen(body), other);
	CHECK(strcmp(sig, other) != 0);
}

TEST(webhooks_addresses_checked)
{
	static const char *const good[] = { "https://example.gov.vn/hook", "http://127.0.0.1:8080/x?y=1", NULL };
	static const char *const bad[][2] = {
		{ "ftp://example.gov.vn/x", "webhook_url_invalid" },
		{ "file:///etc/passwd", "webhook_url_invalid" },
		{ "gopher://example.gov.vn/", "webhook_url_invalid" },
		{ "https:// example.gov.vn", "webhook_url_invalid" },
		{ "example.gov.vn/hook", "webhook_url_invalid" },
		{ "https://user:pw@example.gov.vn/", "webhook_url_credentials" },
		{ "https://user@example.gov.vn/", "webhook_url_credentials" },
		{ "", "required" },
	};
	for (int i = 0; good[i]; i++) {
		struct errs e = { 0 };
		webhook_url_check(good[i], &e);
		if (!CHECK(e.n == 0))
			t_case(good[i], 0, "should be accepted");
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct errs e = { 0 };
		webhook_url_check(bad[i][0], &e);
		if (!CHECK(e.n == 1 && strcmp(e.e[0].key, bad[i][1]) == 0 && strcmp(e.e[0].field, "url") == 0))
			t_case(bad[i][0], 0, "should be refused");
	}
}

struct fx {
	struct db *db;
	int64_t snv, stc, hook, other_hook;
};

static int64_t article(struct db *db, int64_t site, const char *title)
{
	struct article_input in = { 0 };
	struct errs e = { 0 };
	int64_t id = 0;
	in.title = title;
	in.body = "Nội dung.";
	in.category_id = category_for_kind(db, site, "article");
	return article_save(db, &actor_cli, site, 0, &in, &e, &id) == M_OK ? id : 0;
}

static int hook_add(struct db *db, int64_t site, const char *url, int64_t *id)
{
	struct webhook_input in = { .url = url, .events = { 1, 1, 1 }, .enabled = 1, .base_url = "https://snv.example.vn/" };
	struct errs e = { 0 };
	return webhook_add(db, &actor_cli, site, &in, &e, id);
}

static int fx_make(struct fx *f)
{
	memset(f, 0, sizeof(*f));
	f->db = t_fresh_db();
	if (!f->db || !t_add_site(f->db, "Cổng chính", "main", NULL))
		return -1;
	f->snv = t_add_site(f->db, "Sở Nội vụ", NULL, NULL);
	f->stc = t_add_site(f->db, "Sở Tài chính", NULL, NULL);
	if (!f->snv || !f->stc || hook_add(f->db, f->snv, "https://nhan.example.vn/hook", &f->hook) ||
	    hook_add(f->db, f->stc, "https://khac.example.vn/hook", &f->other_hook))
		return -1;
	return 0;
}

/* The deliveries of HOOK: "event:item_id" joined by spaces, oldest first. */
static char *events_of(struct db *db, int64_t hook)
{
	struct db_stmt *st = db_stmt(db, "SELECT event, item_id FROM webhook_deliveries WHERE hook_id = ? ORDER BY id");
	char *out = xstrdup("");
	db_bind_int(st, 1, hook);
	while (db_step(st) == DB_ROW) {
		char part[64];
		snprintf(part, sizeof(part), "%s%s:%lld", *out ? " " : "", db_col_text(st, 0), (long long)db_col_int(st, 1));
		char *n = xmalloc(strlen(out) + strlen(part) + 1);
		memcpy(n, out, strlen(out));
		memcpy(n + strlen(out), part, strlen(part) + 1);
		free(out);
		out = n;
	}
	db_reset(st);
	return out;
}

static int act(struct db *db, int64_t site, int64_t id, const char *action, const char *comment)
{
	struct errs e = { 0 };
	struct act_input in = { .comment = comment };
	return article_act(db, &actor_cli, site, id, action, &in, &e);
}

TEST(webhooks_events_queued_in_the_changes_transaction)
{
	struct fx f;
	if (!CHECK(fx_make(&f) == 0))
		return;
	time_fix(1765000000);
	int64_t a = article(f.db, f.snv, "Thông báo tuyển dụng công chức");
	CHECK(a > 0 && act(f.db, f.snv, a, "submit", "") == M_OK && act(f.db, f.snv, a, "edited", "") == M_OK);

	/* publishing inside a change that is rolled back: no event */
	CHECK(db_begin(f.db) == 0);
	CHECK(act(f.db, f.snv, a, "publish", "") == M_OK);
	char want[160];
	snprintf(want, sizeof(want), "published:%lld", (long long)a);
	char *ev = events_of(f.db, f.hook);
	CHECK_STR(ev, want); /* seen inside the change */
	free(ev);
	db_rollback(f.db);
	ev = events_of(f.db, f.hook);
	CHECK_STR(ev, "");
	free(ev);

	/* published, updated (a change approved, a correction), withdrawn, published again */
	CHECK(act(f.db, f.snv, a, "publish", "") == M_OK);
	struct article_input in = { 0 };
	struct errs e = { 0 };
	int64_t same = a;
	in.title = "Thông báo tuyển dụng công chức năm 2026";
	in.body = "Nội dung mới.";
	in.category_id = category_for_kind(f.db, f.snv, "article");
	in.cover_id = -1;
	CHECK(article_save(f.db, &actor_cli, f.snv, a, &in, &e, &same) == M_OK);
	CHECK(act(f.db, f.snv, a, "submit", "") == M_OK && act(f.db, f.snv, a, "edited", "") == M_OK &&
	      act(f.db, f.snv, a, "publish", "") == M_OK);
	CHECK(act(f.db, f.snv, a, "correct", "Sửa ngày nộp hồ sơ") == M_OK);
	CHECK(act(f.db, f.snv, a, "withdraw", "Đăng nhầm") == M_OK);
	CHECK(act(f.db, f.snv, a, "publish", "") == M_OK);
	snprintf(want, sizeof(want), "published:%lld updated:%lld updated:%lld withdrawn:%lld published:%lld", (long long)a,
		 (long long)a, (long long)a, (long long)a, (long long)a);
	ev = events_of(f.db, f.hook);
	CHECK_STR(ev, want);
	free(ev);
	/* another site's hook heard nothing */
	ev = events_of(f.db, f.other_hook);
	CHECK_STR(ev, "");
	free(ev);

	/* the body: the event, the site, the kind, the item, its title as published, the API's address */
	struct db_stmt *st = db_stmt(f.db, "SELECT payload FROM webhook_deliveries WHERE hook_id = ? AND event = 'updated' ORDER BY id");
	db_bind_int(st, 1, f.hook);
	json_t *p = db_step(st) == DB_ROW ? json_loads(db_col_text(st, 0), 0, NULL) : NULL;
	db_reset(st);
	char url[96];
	snprintf(url, sizeof(url), "https://snv.example.vn/api/v1/article/%lld", (long long)a);
	CHECK(p && json_integer_value(json_object_get(p, "id")) == a);
	CHECK_STR(json_string_value(json_object_get(p, "kind")), "article");
	CHECK_STR(json_string_value(json_object_get(p, "title")), "Thông báo tuyển dụng công chức năm 2026");
	CHECK_STR(json_string_value(json_object_get(p, "url")), url);
	CHECK_STR(json_string_value(json_object_get(p, "time")), "2025-12-06T12:46:40+07:00");
	CHECK(json_string_length(json_object_get(p, "site")) > 0);
	json_decref(p);

	/* a paused hook is told nothing; a hook wanting only withdrawals only those */
	struct webhook_input only = { .url = "https://nhan.example.vn/hook", .events = { 0, 0, 1 }, .enabled = 1, .base_url = "" };
	CHECK(webhook_update(f.db, &actor_cli, f.snv, f.hook, &only, &e) == M_OK);
	int64_t b = article(f.db, f.snv, "Lịch tiếp công dân");
	CHECK(b > 0 && article_publish_cli(f.db, f.snv, b, 0) == M_OK && act(f.db, f.snv, b, "withdraw", "Hết hạn") == M_OK);
	only.enabled = 0;
	CHECK(webhook_update(f.db, &actor_cli, f.snv, f.hook, &only, &e) == M_OK);
	CHECK(act(f.db, f.snv, b, "publish", "") == M_OK && act(f.db, f.snv, b, "withdraw", "Lần nữa") == M_OK);
	snprintf(want, sizeof(want), "withdrawn:%lld", (long long)b);
	ev = events_of(f.db, f.hook);
	CHECK(strstr(ev, want) && strstr(ev, want) == strrchr(ev, ' ') + 1); /* once, and last */
	free(ev);

	/* the scheduler's publishing of a scheduled item: published, in its own transaction */
	only.enabled = 1;
	only.events[0] = 1;
	CHECK(webhook_update(f.db, &actor_cli, f.snv, f.hook, &only, &e) == M_OK);
	int64_t c = article(f.db, f.snv, "Hội nghị tổng kết năm");
	struct act_input later = { .when = 1765000000 + 3600 };
	CHECK(c > 0 && act(f.db, f.snv, c, "submit", "") == M_OK && act(f.db, f.snv, c, "edited", "") == M_OK);
	CHECK(article_act(f.db, &actor_cli, f.snv, c, "schedule", &later, &e) == M_OK);
	snprintf(want, sizeof(want), "published:%lld", (long long)c);
	ev = events_of(f.db, f.hook);
	CHECK(strstr(ev, want) == NULL); /* scheduled is not yet published */
	free(ev);
	CHECK(article_publish_due(f.db, 1765000000 + 3600) == 1);
	ev = events_of(f.db, f.hook);
	CHECK(strstr(ev, want) != NULL);
	free(ev);
	time_fix(0);
	db_close(f.db);
}

TEST(webhooks_back_off_on_a_fixed_clock)
{
	CHECK(webhook_backoff(1) == 60 && webhook_backoff(2) == 300 && webhook_backoff(3) == 1800 &&
	      webhook_backoff(4) == 7200 && webhook_backoff(5) == 43200 && webhook_backoff(6) == -1);
	struct fx f;
	if (!CHECK(fx_make(&f) == 0))
		return;
	int64_t t = 1765000000;
	time_fix(t);
	int64_t a = article(f.db, f.snv, "Kế hoạch cải cách hành chính");
	CHECK(a > 0 && article_publish_cli(f.db, f.snv, a, 0) == M_OK);
	json_t *due = webhook_due(f.db, t, 10);
	CHECK(json_array_size(due) == 1);
	int64_t id = json_integer_value(json_object_get(json_array_get(due, 0), "id"));
	/* the secret opened for signing: 64 hex digits */
	CHECK(strlen(json_string_value(json_object_get(json_array_get(due, 0), "secret"))) == 64);
	json_decref(due);
	static const int64_t waits[] = { 60, 300, 1800, 7200, 43200 };
	for (int i = 0; i < 5; i++) {
		CHECK(webhook_attempt_done(f.db, id, 500, 12, "HTTP 500", t) == 0);
		/* not due a second before its time, due at it */
		due = webhook_due(f.db, t + waits[i] - 1, 10);
		CHECK(json_array_size(due) == 0);
		json_decref(due);
		t += waits[i];
		due = webhook_due(f.db, t, 10);
		CHECK(json_array_size(due) == 1);
		json_decref(due);
	}
	/* the sixth failure gives up: failed, never due again */
	CHECK(webhook_attempt_done(f.db, id, 0, 10000, "Connection timed out", t) == 0);
	due = webhook_due(f.db, t + 365 * 86400, 10);
	CHECK(json_array_size(due) == 0);
	json_decref(due);
	json_t *d = webhook_delivery_get(f.db, &actor_cli, f.snv, id);
	CHECK_STR(json_string_value(json_object_get(d, "state")), "failed");
	CHECK(json_array_size(json_object_get(d, "attempt_log")) == 6);
	json_decref(d);
	/* "gửi lại": due now, its tries counted afresh, its log kept; then delivered */
	CHECK(webhook_redeliver(f.db, &actor_cli, f.snv, id) == M_OK);
	due = webhook_due(f.db, t, 10);
	CHECK(json_array_size(due) == 1);
	json_decref(due);
	CHECK(webhook_attempt_done(f.db, id, 204, 8, NULL, t) == 0);
	d = webhook_delivery_get(f.db, &actor_cli, f.snv, id);
	CHECK_STR(json_string_value(json_object_get(d, "state")), "delivered");
	CHECK(json_array_size(json_object_get(d, "attempt_log")) == 7);
	json_decref(d);
	/* another site's board cannot ask for it */
	CHECK(webhook_redeliver(f.db, &actor_cli, f.stc, id) == M_NOTFOUND);
	/* forgotten 30 days after */
	CHECK(webhook_purge(f.db, t + 31 * 86400, 30) == 1);
	time_fix(0);
	db_close(f.db);
}

TEST(webhooks_secret_sealed_shown_and_renewed)
{
	struct fx f;
	if (!CHECK(fx_make(&f) == 0))
		return;
	char *s1 = NULL, *s2 = NULL, *s3 = NULL;
	CHECK(webhook_secret(f.db, &actor_cli, f.snv, f.hook, 0, &s1) == M_OK && s1 && strlen(s1) == 64);
	/* not in clear in the table */
	struct db_stmt *st = db_stmt(f.db, "SELECT secret FROM webhooks WHERE id = ?");
	db_bind_int(st, 1, f.hook);
	CHECK(db_step(st) == DB_ROW && s1 && strstr(db_col_text(st, 0), s1) == NULL);
	db_reset(st);
	CHECK(webhook_secret(f.db, &actor_cli, f.snv, f.hook, 1, &s2) == M_OK && s2 && s1 && strcmp(s1, s2) != 0);
	CHECK(webhook_secret(f.db, &actor_cli, f.snv, f.hook, 0, &s3) == M_OK && s3 && s2 && strcmp(s2, s3) == 0);
	/* another site's hook is not this site's to see */
	char *none = NULL;
	CHECK(webhook_secret(f.db, &actor_cli, f.snv, f.other_hook, 0, &none) == M_NOTFOUND && !none);
	free(s1);
	free(s2);
	free(s3);
	/* deleted with its deliveries */
	int64_t a = article(f.db, f.snv, "Tin thử");
	CHECK(a > 0 && article_publish_cli(f.db, f.snv, a, 0) == M_OK);
	CHECK(webhook_delete(f.db, &actor_cli, f.snv, f.hook) == M_OK);
	int64_t n = -1;
	st = db_stmt(f.db, "SELECT count(*) FROM webhook_deliveries WHERE hook_id = ?");
	db_bind_int(st, 1, f.hook);
	CHECK(db_one_int(st, &n) == 1 && n == 0);
	db_close(f.db);
}

/* The payload names the item's language, and a translation names the item it translates (#16). */
TEST(webhooks_payload_names_language_and_source)
{
	struct fx f;
	if (!CHECK(fx_make(&f) == 0))
		return;
	struct errs e = { 0 };
	const char *langs[] = { "en" };
	CHECK(site_languages_set(f.db, &actor_cli, f.snv, langs, 1, &e) == M_OK);
	int64_t src = article(f.db, f.snv, "Giới thiệu Sở Nội vụ");
	CHECK(src > 0 && article_publish_cli(f.db, f.snv, src, 0) == M_OK);
	int64_t tid = 0;
	CHECK(translation_create(f.db, &actor_cli, f.snv, src, "en", &e, &tid) == M_OK && tid > 0);
	CHECK(article_publish_cli(f.db, f.snv, tid, 0) == M_OK);

	struct db_stmt *st = db_stmt(f.db, "SELECT payload FROM webhook_deliveries WHERE hook_id = ? AND item_id = ?"
					   " AND event = 'published'");
	int64_t ids[] = { src, tid };
	json_t *p[2] = { NULL, NULL };
	for (int i = 0; i < 2; i++) {
		db_bind_int(st, 1, f.hook);
		db_bind_int(st, 2, ids[i]);
		p[i] = db_step(st) == DB_ROW ? json_loads(db_col_text(st, 0), 0, NULL) : NULL;
		db_reset(st);
	}
	CHECK_STR(json_string_value(json_object_get(p[0], "lang")), "vi");
	CHECK(p[0] && json_object_get(p[0], "translation_of") == NULL);
	CHECK_STR(json_string_value(json_object_get(p[1], "lang")), "en");
	CHECK(p[1] && json_integer_value(json_object_get(p[1], "translation_of")) == src);
	json_decref(p[0]);
	json_decref(p[1]);
	db_close(f.db);
}
