/* test_subscriptions.c — e-mail subscriptions (model/subscription.h): the tokens (confirmation
 * hashed at rest, one-click tag refused when touched), the address sealed and found again by its
 * tag, the digests' days with a fixed clock (daily, weekly, a missed Monday), the selection of
 * items (target, language, window, never twice, never an empty digest), the List-Unsubscribe
 * headers of the mail. */
#include "t.h"
#include "tdb.h"
#include "base/locale.h"
#include "base/sb.h"
#include "db/db.h"
#include "mail/mail.h"
#include "model/model.h"
#include "model/subscription.h"
#include "vn/calendar.h"
#include "web/web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const json_t *texts_vi(void)
{
	static json_t *all;
	char err[256];
	if (!all)
		all = locale_load(".", err, sizeof(err));
	return all;
}

static int64_t count(struct db *db, const char *sql, int64_t id)
{
	struct db_stmt *st = db_prepare(db, sql);
	int64_t n = -1;
	if (!st)
		return -1;
	if (strstr(sql, "?1"))
		db_bind_int(st, 1, id);
	if (db_step(st) == DB_ROW)
		n = db_col_int(st, 0);
	db_finalize(st);
	return n;
}

/* The text of the newest outbox row of subscription SUB_ID, column COL (malloc'd). */
static char *last_mail(struct db *db, int64_t sub_id, const char *col)
{
	struct sb sql = SB_INIT;
	sb_addf(&sql, "SELECT %s FROM mail_outbox WHERE subscription_id = ?1 ORDER BY id DESC LIMIT 1", col);
	struct db_stmt *st = db_prepare(db, sql.buf);
	sb_release(&sql);
	char *out = NULL;
	if (!st)
		return NULL;
	db_bind_int(st, 1, sub_id);
	if (db_step(st) == DB_ROW && db_col_text(st, 0))
		out = strdup(db_col_text(st, 0));
	db_finalize(st);
	return out;
}

/* The token after "token=" in TEXT into OUT (SUB_UNSUB_TOKEN_MAX + 1). */
static int token_in(const char *text, char *out)
{
	const char *p = text ? strstr(text, "token=") : NULL;
	if (!p)
		return -1;
	p += 6;
	size_t n = strcspn(p, "\n\r \"");
	if (n > SUB_UNSUB_TOKEN_MAX)
		return -1;
	memcpy(out, p, n);
	out[n] = '\0';
	return 0;
}

static int64_t add_item(struct db *db, int64_t site, int64_t cat, const char *kind, const char *lang, const char *title,
			int64_t published_at)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO items (site_id, category_id, state, title, slug, summary, created_at,"
				       " updated_at, kind, lang, published_at) VALUES (?1, ?2, 'published', ?3, 'tin-thu',"
				       " 'Tóm tắt', ?4, ?4, ?5, ?6, ?4)");
	if (!st)
		return 0;
	db_bind_int(st, 1, site);
	db_bind_int(st, 2, cat);
	db_bind_text(st, 3, title);
	db_bind_int(st, 4, published_at);
	db_bind_text(st, 5, kind);
	db_bind_text(st, 6, lang);
	if (db_step_done(st))
		return 0;
	return db_last_id(db);
}

static int64_t add_category(struct db *db, int64_t site, int64_t parent, const char *name, const char *slug)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO categories (site_id, parent_id, name, slug) VALUES (?1, ?2, ?3, ?4)");
	if (!st)
		return 0;
	db_bind_int(st, 1, site);
	if (parent)
		db_bind_int(st, 2, parent);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, name);
	db_bind_text(st, 4, slug);
	if (db_step_done(st))
		return 0;
	return db_last_id(db);
}

/* Subscribes EMAIL to TARGET at FREQ on SITE at NOW and follows the confirmation link: the
 * subscription's id, 0 on failure. */
static int64_t subscribe(struct db *db, int64_t site, const char *email, const char *target, const char *freq,
			 const char *lang, int64_t now)
{
	struct errs e = { 0 };
	struct sub_input in = { .email = email, .target = target, .frequency = freq, .lang = lang,
				.base_url = "https://snv.example.gov.vn/" };
	if (subscription_request(db, site, &in, locale_dict(texts_vi(), lang), now, &e) != M_OK)
		return 0;
	int64_t id = count(db, "SELECT MAX(id) FROM subscriptions WHERE site_id = ?1", site);
	char *body = last_mail(db, id, "body"), tok[SUB_UNSUB_TOKEN_MAX + 1];
	int ok = token_in(body, tok) == 0 && subscription_confirm(db, tok, now + 60, NULL) == M_OK;
	free(body);
	return ok ? id : 0;
}

TEST(subscription_digest_days_with_a_fixed_clock)
{
	int32_t none = 0;
	/* 2026-12-07 is a Monday */
	int64_t mon_6 = t_vn_at("2026-12-07", 6, 59), mon_7 = t_vn_at("2026-12-07", 7, 0);
	int32_t mon = vn_days_of_time(mon_7);
	CHECK(!subscription_digest_due(SUB_DAILY, none, mon_6, 7));
	CHECK(subscription_digest_due(SUB_DAILY, none, mon_7, 7));
	CHECK(!subscription_digest_due(SUB_DAILY, mon, mon_7 + 3600, 7)); /* today's went */
	CHECK(subscription_digest_due(SUB_DAILY, mon, t_vn_at("2026-12-08", 7, 0), 7));
	CHECK(!subscription_digest_due(SUB_DAILY, mon, t_vn_at("2026-12-08", 6, 0), 7));
	CHECK(subscription_digest_due(SUB_DAILY, mon - 3, t_vn_at("2026-12-07", 23, 59), 7));
	/* weekly: from Monday's hour; a Monday missed goes later in the week, once */
	CHECK(!subscription_digest_due(SUB_WEEKLY, mon - 7, mon_6, 7));
	CHECK(subscription_digest_due(SUB_WEEKLY, mon - 7, mon_7, 7));
	CHECK(subscription_digest_due(SUB_WEEKLY, mon - 7, t_vn_at("2026-12-09", 3, 0), 7));
	CHECK(!subscription_digest_due(SUB_WEEKLY, mon + 2, t_vn_at("2026-12-10", 9, 0), 7));
	CHECK(!subscription_digest_due(SUB_WEEKLY, mon, t_vn_at("2026-12-13", 23, 0), 7)); /* Sunday */
	CHECK(subscription_digest_due(SUB_WEEKLY, mon, t_vn_at("2026-12-14", 7, 0), 7));
	CHECK(!subscription_digest_due(SUB_IMMEDIATE, none, mon_7, 7));
	/* the hour is Vietnam's: 07:00 there is 00:00 UTC */
	CHECK(subscription_digest_due(SUB_DAILY, none, t_vn_at("2026-12-07", 0, 0) + 7 * 3600, 7));
}

TEST(subscription_tokens_and_masks)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db))
		return;
	char a[SUB_UNSUB_TOKEN_MAX + 1], b[SUB_UNSUB_TOKEN_MAX + 1];
	CHECK(subscription_unsub_token(12, "00ff", a) == 0);
	CHECK(subscription_unsub_token(12, "00ff", b) == 0 && strcmp(a, b) == 0);
	CHECK(strncmp(a, "12.", 3) == 0 && strlen(a) == 3 + 32);
	CHECK(subscription_unsub_token(12, "00fe", b) == 0 && strcmp(a, b) != 0);
	CHECK(subscription_unsub_token(13, "00ff", b) == 0 && strcmp(a + 3, b + 3) != 0);
	char *m = subscription_mask("bichngoc.tran77@example.vn");
	CHECK_STR(m, "b***@e***.vn");
	free(m);
	m = subscription_mask(NULL);
	CHECK_STR(m, "***");
	free(m);
	/* the item's address is the one the public pages answer at */
	char *p = subscription_item_path("article", "tin-moi", 5), *w = web_item_path("article", "tin-moi", 5);
	CHECK_STR(p, w);
	free(p);
	free(w);
	p = subscription_item_path("legal", "quyet-dinh", 9);
	w = web_item_path("legal", "quyet-dinh", 9);
	CHECK_STR(p, w);
	free(p);
	free(w);
	db_close(db);
}

TEST(subscription_request_confirm_resubscribe_unsubscribe)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db && texts_vi()))
		return;
	CHECK(t_add_site(db, "Cổng tỉnh", "main", NULL) > 0);
	int64_t site = t_add_site(db, "Sở Nội vụ", "department", NULL), now = t_vn_at("2026-12-07", 9, 0);
	const char *addr = "Bichngoc.Tran77@example.vn";
	struct errs e = { 0 };
	struct sub_input in = { .email = "khong-phai-thu", .target = "site", .frequency = "daily", .lang = "vi",
				.base_url = "https://snv.example.gov.vn/" };
	const json_t *vi = locale_dict(texts_vi(), "vi");
	CHECK(subscription_request(db, site, &in, vi, now, &e) == M_INVALID);
	CHECK(e.n == 1 && strcmp(e.e[0].field, "email") == 0 && strcmp(e.e[0].key, "sub_email_invalid") == 0);
	memset(&e, 0, sizeof(e));
	in.email = addr;
	in.target = "c:999999";
	in.frequency = "hourly";
	CHECK(subscription_request(db, site, &in, vi, now, &e) == M_INVALID && e.n == 2);
	memset(&e, 0, sizeof(e));
	in.target = "k:banner"; /* reference data is not followed */
	in.frequency = "daily";
	CHECK(subscription_request(db, site, &in, vi, now, &e) == M_INVALID && e.n == 1 && !strcmp(e.e[0].field, "target"));
	memset(&e, 0, sizeof(e));
	in.target = "k:legal";
	in.frequency = "weekly";
	CHECK(subscription_request(db, site, &in, vi, now, &e) == M_OK);
	int64_t id = count(db, "SELECT MAX(id) FROM subscriptions WHERE site_id = ?1", site);
	CHECK(id > 0);
	CHECK(count(db, "SELECT COUNT(*) FROM subscriptions WHERE id = ?1 AND state = 'pending' AND kind = 'legal'", id) == 1);
	/* the address is sealed, in the subscription and in its mail */
	char *sealed = NULL;
	{
		struct db_stmt *st = db_prepare(db, "SELECT email, confirm_hash FROM subscriptions WHERE id = ?1");
		db_bind_int(st, 1, id);
		if (CHECK(db_step(st) == DB_ROW)) {
			sealed = strdup(db_col_text(st, 0));
			CHECK(strlen(db_col_text(st, 1)) == SUB_HASH_LEN);
		}
		db_finalize(st);
	}
	CHECK(sealed && strncmp(sealed, "p1:", 3) == 0 && !strstr(sealed, "example.vn"));
	free(sealed);
	char *rcpt = last_mail(db, id, "rcpt"), *body = last_mail(db, id, "body"), tok[SUB_UNSUB_TOKEN_MAX + 1];
	CHECK(rcpt && !strstr(rcpt, "example.vn"));
	CHECK(body && strstr(body, "https://snv.example.gov.vn/dang-ky-nhan-tin/xac-nhan?token="));
	CHECK(token_in(body, tok) == 0 && strlen(tok) == SUB_TOKEN_LEN);
	/* the token itself is not kept: only its hash */
	CHECK(count(db, "SELECT COUNT(*) FROM subscriptions WHERE id = ?1 AND confirm_hash IS NOT NULL", id) == 1);
	{
		struct db_stmt *st = db_prepare(db, "SELECT COUNT(*) FROM subscriptions WHERE confirm_hash = ?1");
		db_bind_text(st, 1, tok);
		CHECK(db_step(st) == DB_ROW && db_col_int(st, 0) == 0);
		db_finalize(st);
	}
	free(rcpt);
	free(body);
	/* asked again at once, in other capitals: the same row, no second mail */
	in.email = "bichngoc.tran77@EXAMPLE.VN";
	CHECK(subscription_request(db, site, &in, vi, now + 30, &e) == M_OK);
	CHECK(count(db, "SELECT COUNT(*) FROM subscriptions WHERE site_id = ?1", site) == 1);
	CHECK(count(db, "SELECT COUNT(*) FROM mail_outbox WHERE subscription_id = ?1", id) == 1);
	/* confirmed, then again: harmless; a wrong or expired token is not one */
	json_t *out = NULL;
	CHECK(subscription_confirm(db, tok, now + 60, &out) == M_OK);
	CHECK(out && strcmp(json_string_value(json_object_get(out, "frequency")), "weekly") == 0);
	json_decref(out);
	CHECK(subscription_confirm(db, tok, now + 120, NULL) == M_OK);
	CHECK(count(db, "SELECT confirmed_at FROM subscriptions WHERE id = ?1", id) == now + 60);
	char bad[SUB_TOKEN_LEN + 1];
	memcpy(bad, tok, sizeof(bad));
	bad[0] = bad[0] == 'A' ? 'B' : 'A';
	CHECK(subscription_confirm(db, bad, now, NULL) == M_NOTFOUND);
	CHECK(subscription_confirm(db, "x", now, NULL) == M_NOTFOUND);
	CHECK(subscription_confirm(db, tok, now + SUB_CONFIRM_TTL + 1, NULL) == M_NOTFOUND);
	/* re-subscribing later asks daily: the active subscription keeps weekly until confirmed */
	in.frequency = "daily";
	CHECK(subscription_request(db, site, &in, vi, now + SUB_RESEND_WAIT + 61, &e) == M_OK);
	CHECK(count(db, "SELECT COUNT(*) FROM subscriptions WHERE site_id = ?1", site) == 1);
	CHECK(count(db, "SELECT COUNT(*) FROM subscriptions WHERE id = ?1 AND state = 'active' AND frequency = 'weekly'"
		       " AND asked_frequency = 'daily'", id) == 1);
	body = last_mail(db, id, "body");
	char tok2[SUB_UNSUB_TOKEN_MAX + 1];
	CHECK(token_in(body, tok2) == 0 && strcmp(tok, tok2) != 0);
	free(body);
	CHECK(subscription_confirm(db, tok, now + 700, NULL) == M_NOTFOUND); /* the old link is void */
	CHECK(subscription_confirm(db, tok2, now + 700, NULL) == M_OK);
	CHECK(count(db, "SELECT COUNT(*) FROM subscriptions WHERE id = ?1 AND frequency = 'daily'", id) == 1);
	/* the one-click token: right, touched, another's */
	char salt[64] = "", utok[SUB_UNSUB_TOKEN_MAX + 1];
	{
		struct db_stmt *st = db_prepare(db, "SELECT unsub_salt FROM subscriptions WHERE id = ?1");
		db_bind_int(st, 1, id);
		if (db_step(st) == DB_ROW)
			snprintf(salt, sizeof(salt), "%s", db_col_text(st, 0));
		db_finalize(st);
	}
	CHECK(subscription_unsub_token(id, salt, utok) == 0);
	json_t *s = subscription_by_unsub_token(db, utok);
	CHECK(s && strcmp(json_string_value(json_object_get(s, "email_masked")), "b***@E***.VN") == 0); /* as typed last */
	json_decref(s);
	char touched[SUB_UNSUB_TOKEN_MAX + 1];
	memcpy(touched, utok, sizeof(touched));
	touched[strlen(touched) - 1] = touched[strlen(touched) - 1] == '0' ? '1' : '0';
	CHECK(subscription_by_unsub_token(db, touched) == NULL);
	CHECK(subscription_unsubscribe(db, touched, now) == M_NOTFOUND);
	CHECK(subscription_unsubscribe(db, "1.", now) == M_NOTFOUND);
	CHECK(subscription_unsubscribe(db, utok, now + 800) == M_OK);
	CHECK(subscription_unsubscribe(db, utok, now + 900) == M_OK); /* again: harmless */
	CHECK(count(db, "SELECT COUNT(*) FROM subscriptions WHERE id = ?1 AND state = 'unsubscribed'", id) == 1);
	CHECK(subscription_confirm(db, tok2, now + 1000, NULL) == M_NOTFOUND); /* no way back but asking again */
	CHECK(count(db, "SELECT COUNT(*) FROM mail_outbox WHERE subscription_id = ?1 AND sent_at IS NULL", id) == 0);
	db_close(db);
}

TEST(subscription_digest_selection_no_repeats_no_empty_digest)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db && texts_vi()))
		return;
	const json_t *all = texts_vi();
	CHECK(t_add_site(db, "Cổng tỉnh", "main", NULL) > 0);
	int64_t site = t_add_site(db, "Sở Tư pháp", "department", NULL);
	int64_t news = add_category(db, site, 0, "Tin tức", "tin-tuc"), sub_cat = add_category(db, site, news, "Tin địa phương", "dia-phuong");
	int64_t other = add_category(db, site, 0, "Thông báo", "thong-bao");
	CHECK(news > 0 && sub_cat > 0 && other > 0);
	/* Monday 2026-12-07, 09:00: subscriptions made */
	int64_t t0 = t_vn_at("2026-12-07", 9, 0);
	char target[32];
	snprintf(target, sizeof(target), "c:%lld", (long long)news);
	int64_t daily = subscribe(db, site, "a.daily@example.vn", target, "daily", "vi", t0);
	int64_t weekly = subscribe(db, site, "b.weekly@example.vn", "site", "weekly", "vi", t0);
	int64_t immediate = subscribe(db, site, "c.now@example.vn", "k:legal", "immediate", "vi", t0);
	int64_t english = subscribe(db, site, "d.en@example.vn", "site", "immediate", "en", t0);
	CHECK(daily && weekly && immediate && english);
	/* an item from before the subscriptions never goes */
	CHECK(add_item(db, site, news, "article", "vi", "Tin cũ", t0 - 3600));
	/* Monday afternoon: news in the category, its subcategory, another category, a document */
	int64_t n1 = add_item(db, site, news, "article", "vi", "Tin một", t0 + 3600);
	int64_t n2 = add_item(db, site, sub_cat, "article", "vi", "Tin hai ở chuyên mục con", t0 + 7200);
	int64_t n3 = add_item(db, site, other, "article", "vi", "Thông báo ba", t0 + 7300);
	int64_t l1 = add_item(db, site, other, "legal", "vi", "Quyết định bốn", t0 + 7400);
	int64_t e1 = add_item(db, site, news, "article", "en", "English news", t0 + 7500);
	CHECK(n1 && n2 && n3 && l1 && e1);
	int64_t t1 = t0 + 8000; /* Monday 11:13 */
	json_t *items = subscription_items(db, daily, t1);
	CHECK(json_array_size(items) == 2); /* n1, n2 (its subcategory), oldest first */
	CHECK(json_integer_value(json_object_get(json_array_get(items, 0), "id")) == n1);
	CHECK(json_integer_value(json_object_get(json_array_get(items, 1), "id")) == n2);
	json_decref(items);
	/* the immediate pass: the document to its kind's subscriber, the English item to the English one */
	int64_t mails = count(db, "SELECT COUNT(*) FROM mail_outbox WHERE subscription_id IS NOT NULL", 0);
	CHECK(subscription_run(db, all, t1) == 2);
	CHECK(count(db, "SELECT COUNT(*) FROM mail_outbox WHERE subscription_id IS NOT NULL", 0) == mails + 2);
	char *subj = last_mail(db, immediate, "subject"), *unsub = last_mail(db, immediate, "unsubscribe_url");
	char *body = last_mail(db, immediate, "body");
	CHECK(subj && strstr(subj, "Quyết định bốn"));
	CHECK(unsub && strncmp(unsub, "https://snv.example.gov.vn/huy-nhan-tin?token=", 46) == 0);
	CHECK(body && strstr(body, "https://snv.example.gov.vn/van-ban/tin-thu-") && strstr(body, unsub));
	free(subj);
	free(unsub);
	free(body);
	body = last_mail(db, english, "body");
	CHECK(body && strstr(body, "English news") && strstr(body, "https://snv.example.gov.vn/en/tin/tin-thu-") &&
	      strstr(body, "Unsubscribe: https://snv.example.gov.vn/en/huy-nhan-tin?token="));
	free(body);
	/* the same pass again: nothing twice; the digests' hour has not come today again */
	CHECK(subscription_run(db, all, t1 + 10) == 0);
	CHECK(subscription_run(db, all, t_vn_at("2026-12-08", 6, 59)) == 0);
	/* Tuesday 07:00: the daily digest with n1 and n2; the weekly waits for Monday */
	int64_t tue = t_vn_at("2026-12-08", 7, 0);
	CHECK(subscription_run(db, all, tue) == 1);
	subj = last_mail(db, daily, "subject");
	body = last_mail(db, daily, "body");
	CHECK(subj && strstr(subj, "Bản tin ngày 08/12/2026: Tin tức"));
	CHECK(body && strstr(body, "Tin một") && strstr(body, "Tin hai") && !strstr(body, "Thông báo ba") && !strstr(body, "Tin cũ"));
	free(subj);
	free(body);
	CHECK(count(db, "SELECT COUNT(*) FROM subscription_sent WHERE subscription_id = ?1", daily) == 2);
	CHECK(subscription_run(db, all, tue + 3600) == 0); /* once a day */
	/* Wednesday: nothing new in the category: no mail, the day done all the same */
	int64_t before = count(db, "SELECT COUNT(*) FROM mail_outbox WHERE subscription_id = ?1", daily);
	CHECK(subscription_run(db, all, t_vn_at("2026-12-09", 7, 30)) == 0);
	CHECK(count(db, "SELECT COUNT(*) FROM mail_outbox WHERE subscription_id = ?1", daily) == before);
	CHECK(count(db, "SELECT last_digest_day FROM subscriptions WHERE id = ?1", daily) ==
	      vn_days_of_time(t_vn_at("2026-12-09", 7, 30)));
	/* Thursday: one new item, only it */
	int64_t n4 = add_item(db, site, news, "article", "vi", "Tin năm", t_vn_at("2026-12-09", 15, 0));
	CHECK(n4);
	CHECK(subscription_run(db, all, t_vn_at("2026-12-10", 7, 0)) == 1);
	body = last_mail(db, daily, "body");
	CHECK(body && strstr(body, "Tin năm") && !strstr(body, "Tin một"));
	free(body);
	/* next Monday: the weekly digest holds the week's Vietnamese items, each once */
	CHECK(subscription_run(db, all, t_vn_at("2026-12-14", 7, 0)) == 1);
	subj = last_mail(db, weekly, "subject");
	body = last_mail(db, weekly, "body");
	CHECK(subj && strstr(subj, "Bản tin tuần đến ngày 14/12/2026: Toàn bộ trang"));
	CHECK(body && strstr(body, "Tin một") && strstr(body, "Thông báo ba") && strstr(body, "Quyết định bốn") &&
	      strstr(body, "Tin năm") && !strstr(body, "English news") && !strstr(body, "Tin cũ"));
	free(subj);
	free(body);
	CHECK(subscription_run(db, all, t_vn_at("2026-12-14", 9, 0)) == 0);
	db_close(db);
}

TEST(mail_carries_the_one_click_unsubscribe)
{
	struct mail_config cfg = { .url = "smtp://127.0.0.1:25", .from = "khong-tra-loi@snv.example.gov.vn", .from_name = "Sở Nội vụ" };
	const char *to[] = { "bichngoc@example.vn" };
	char url[200];
	snprintf(url, sizeof(url), "https://snv.example.gov.vn/huy-nhan-tin?token=12.%s", "0123456789abcdef0123456789abcdef");
	struct mail_message m = { .aTo = to, .nTo = 1, .subject = "Tin mới", .text = "Nội dung", .list_unsubscribe = url };
	struct sb out = SB_INIT;
	char err[200] = "";
	CHECK(mail_build(&cfg, &m, 1765000000, &out, err, sizeof(err)) == 0);
	struct sb want = SB_INIT;
	sb_addf(&want, "List-Unsubscribe:\r\n <%s>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n", url);
	CHECK(out.buf && strstr(out.buf, want.buf));
	sb_release(&want);
	sb_release(&out);
	/* a short one stays on its line */
	m.list_unsubscribe = "https://a.vn/h?t=1";
	CHECK(mail_build(&cfg, &m, 1765000000, &out, err, sizeof(err)) == 0);
	CHECK(out.buf && strstr(out.buf, "\r\nList-Unsubscribe: <https://a.vn/h?t=1>\r\n"));
	sb_release(&out);
	/* injection and other schemes refused */
	const char *bad[] = { "https://a.vn/x\r\nBcc: all@example.com", "https://a.vn/x y", "mailto:x@a.vn", "https://a.vn/<x>",
			      "javascript:alert(1)" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		m.list_unsubscribe = bad[i];
		CHECK(mail_build(&cfg, &m, 1765000000, &out, err, sizeof(err)) == -1);
		sb_release(&out);
	}
	/* no URL, no header */
	m.list_unsubscribe = NULL;
	CHECK(mail_build(&cfg, &m, 1765000000, &out, err, sizeof(err)) == 0 && !strstr(out.buf, "List-Unsubscribe"));
	sb_release(&out);
}

/* The token after MARK in TEXT into OUT (SUB_UNSUB_TOKEN_MAX + 1). */
static int token_after(const char *text, const char *mark, char *out)
{
	const char *p = text ? strstr(text, mark) : NULL;
	return p ? token_in(p, out) : -1;
}

/* #16's remainders: a site's own digest hour, the digest's HTML alternative (escaped), the
 * signed link to all of an address's subscriptions and what it may change. */
TEST(subscription_site_hour_html_digest_and_manage_page)
{
	struct db *db = t_fresh_db();
	if (!CHECK(db && texts_vi()))
		return;
	const json_t *all = texts_vi();
	CHECK(t_add_site(db, "Cổng tỉnh", "main", NULL) > 0);
	int64_t site = t_add_site(db, "Sở Tư pháp", "department", NULL);
	int64_t news = add_category(db, site, 0, "Tin tức", "tin-tuc");
	int64_t t0 = t_vn_at("2026-12-07", 9, 0);
	char target[32];
	snprintf(target, sizeof(target), "c:%lld", (long long)news);
	int64_t daily = subscribe(db, site, "e.daily@example.vn", target, "daily", "vi", t0);
	CHECK(daily > 0);
	CHECK(add_item(db, site, news, "article", "vi", "Giá <b>lúa</b> & \"gạo\"", t0 + 3600));

	/* the site's hour: 9, refused out of range, the setting's elsewhere */
	struct errs e = { 0 };
	CHECK(subscription_hour_set(db, &actor_cli, site, "24", &e) == M_INVALID && e.n == 1 &&
	      !strcmp(e.e[0].key, "sub_hour_invalid"));
	e.n = 0;
	CHECK(subscription_hour_set(db, &actor_cli, site, "9", &e) == M_OK);
	int own = 0;
	CHECK(subscription_hour_get(db, site, &own) == 9 && own == 1);
	CHECK(count(db, "SELECT COUNT(*) FROM audit WHERE action = 'subscription.hour' AND site_id = ?1", site) == 1);
	CHECK(subscription_run(db, all, t_vn_at("2026-12-08", 8, 59)) == 0); /* 07:00 is not this site's hour */
	CHECK(subscription_run(db, all, t_vn_at("2026-12-08", 9, 0)) == 1);

	/* the digest's HTML alternative: the title escaped, the links written */
	char *html = last_mail(db, daily, "html"), *body = last_mail(db, daily, "body");
	CHECK(html && strstr(html, "<!DOCTYPE html>") && strstr(html, "<html lang=\"vi\">"));
	CHECK(html && strstr(html, "Giá &lt;b&gt;lúa&lt;/b&gt; &amp; &quot;gạo&quot;") && !strstr(html, "<b>lúa"));
	CHECK(html && strstr(html, "<a href=\"https://snv.example.gov.vn/tin/tin-thu-"));
	CHECK(html && strstr(html, "/quan-ly-nhan-tin?token=") && strstr(html, "/huy-nhan-tin?token="));
	CHECK(body && strstr(body, "Giá <b>lúa</b>")); /* the text stays text */
	char mtok[SUB_UNSUB_TOKEN_MAX + 1], utok[SUB_UNSUB_TOKEN_MAX + 1];
	CHECK(token_after(body, "/quan-ly-nhan-tin?token=", mtok) == 0);
	CHECK(token_after(body, "/huy-nhan-tin?token=", utok) == 0);
	free(html);
	free(body);

	/* the page's view: what the address follows, its address masked */
	json_t *v = subscription_manage_view(db, mtok);
	CHECK(v && json_integer_value(json_object_get(v, "site_id")) == site);
	CHECK_STR(json_string_value(json_object_get(v, "email_masked")), "e***@e***.vn");
	CHECK_STR(json_string_value(json_array_get(json_object_get(v, "active"), 0)), target);
	CHECK_STR(json_string_value(json_object_get(v, "frequency")), "daily");
	json_decref(v);
	/* the one-click token is not this one, nor a touched one */
	CHECK(subscription_manage_view(db, utok) == NULL);
	char last = mtok[strlen(mtok) - 1];
	mtok[strlen(mtok) - 1] = last == '0' ? '1' : '0';
	CHECK(subscription_manage_view(db, mtok) == NULL);
	CHECK(subscription_manage_save(db, mtok, NULL, 0, NULL, t0, &e) == M_NOTFOUND);
	mtok[strlen(mtok) - 1] = last;

	/* refused: a target of nothing, a frequency of nothing; nothing changes */
	const char *bad[] = { "site", "c:999999" };
	CHECK(subscription_manage_save(db, mtok, bad, 2, "weekly", t0, &e) == M_INVALID && e.n == 1);
	e.n = 0;
	const char *two[] = { "site", "k:legal" };
	CHECK(subscription_manage_save(db, mtok, two, 2, "hourly", t0, &e) == M_INVALID && e.n == 1);
	e.n = 0;
	CHECK(count(db, "SELECT COUNT(*) FROM subscriptions WHERE site_id = ?1", site) == 1);
	/* the whole site and legal documents, weekly: the category's ends, the two new are active at
	 * once (the link came from the mailbox) */
	CHECK(subscription_manage_save(db, mtok, two, 2, "weekly", t0, &e) == M_OK);
	CHECK(count(db, "SELECT COUNT(*) FROM subscriptions WHERE site_id = ?1 AND state = 'active' AND frequency = 'weekly'",
		    site) == 2);
	CHECK(count(db, "SELECT COUNT(*) FROM subscriptions WHERE id = ?1 AND state = 'unsubscribed'", daily) == 1);
	v = subscription_manage_view(db, mtok); /* the token still reaches them all */
	CHECK(v && json_array_size(json_object_get(v, "active")) == 2 && json_array_size(json_object_get(v, "subscriptions")) == 3);
	json_decref(v);
	/* the category again, daily: the same row comes back, no second one */
	const char *back[] = { target };
	CHECK(subscription_manage_save(db, mtok, back, 1, "daily", t0, &e) == M_OK);
	CHECK(count(db, "SELECT COUNT(*) FROM subscriptions WHERE id = ?1 AND state = 'active'", daily) == 1);
	CHECK(count(db, "SELECT COUNT(*) FROM subscriptions WHERE site_id = ?1 AND state = 'active'", site) == 1);
	/* stop all: nothing active, nothing waiting in the outbox */
	CHECK(subscription_manage_save(db, mtok, NULL, 0, NULL, t0, &e) == M_OK);
	CHECK(count(db, "SELECT COUNT(*) FROM subscriptions WHERE site_id = ?1 AND state = 'active'", site) == 0);
	CHECK(count(db, "SELECT COUNT(*) FROM mail_outbox WHERE subscription_id IS NOT NULL AND sent_at IS NULL", 0) == 0);
	db_close(db);
}
