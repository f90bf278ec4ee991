/* subscription.c — citizens' e-mail subscriptions (subscription.h; docs/subscriptions.md). */
#include "model.h"
#include "internal.h"
#include "subscription.h"
#include "pdata.h"
#include "outbox.h"
#include "challenge.h"
#include "kind.h"
#include "db/db.h"
#include "mail/mail.h"
#include "base/locale.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"
#include "vn/calendar.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

const char *const sub_frequency_names[SUB_NFREQ] = { "immediate", "daily", "weekly" };

#define PER_PASS 200     /* subscriptions looked at per pass of the scheduler; the rest wait 5 s */
#define ITEMS_MAX 50     /* items in one mail; more wait for the next */
#define SENT_KEEP (30 * 86400)

static enum sub_frequency frequency_of(const char *s)
{
	for (int i = 0; i < SUB_NFREQ; i++)
		if (s && strcmp(s, sub_frequency_names[i]) == 0)
			return (enum sub_frequency)i;
	return SUB_NFREQ;
}

/* How far back a subscription's mail looks: two of its periods (an item published while the
 * scheduler was stopped still goes out), never before the subscription was confirmed. */
static int64_t window_of(enum sub_frequency f)
{
	return f == SUB_WEEKLY ? 14 * 86400 : 2 * 86400;
}

/* KEY's text in TEXTS (one language's), else KEY: a missing text shows, it does not crash. */
static const char *text(const json_t *texts, const char *key)
{
	const char *s = json_string_value(json_object_get(texts, key));
	return s ? s : key;
}

/* Appends TPL to B with "{name}" replaced by the value of that name in the NULL-ended pairs
 * VARS; an unknown name is kept as written. */
static void subst(struct sb *b, const char *tpl, const char *const *vars)
{
	for (const char *p = tpl; *p;) {
		const char *open = strchr(p, '{');
		if (!open) {
			sb_adds(b, p);
			return;
		}
		sb_add(b, p, (size_t)(open - p));
		const char *close = strchr(open, '}');
		const char *val = NULL;
		for (size_t i = 0; close && vars[i]; i += 2)
			if (strlen(vars[i]) == (size_t)(close - open - 1) && !strncmp(vars[i], open + 1, (size_t)(close - open - 1)))
				val = vars[i + 1];
		if (val) {
			sb_adds(b, val);
			p = close + 1;
		} else {
			sb_addc(b, '{');
			p = open + 1;
		}
	}
}

static void hex_of(const unsigned char *in, size_t n, char *out)
{
	sodium_bin2hex(out, 2 * n + 1, in, n);
}

/* A fresh confirmation token and the hash kept of it. */
static void token_new(char tok[SUB_TOKEN_LEN + 1], char hash[SUB_HASH_LEN + 1])
{
	unsigned char raw[32], h[32];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(tok, SUB_TOKEN_LEN + 1, raw, sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	crypto_generichash(h, sizeof(h), (const unsigned char *)tok, SUB_TOKEN_LEN, NULL, 0);
	hex_of(h, sizeof(h), hash);
	sodium_memzero(raw, sizeof(raw));
}

/* A subscription's random salt (unsub_salt): its signed links' tokens differ from a deleted
 * one's that had the same id. */
static void salt_new(char salt[33])
{
	unsigned char raw[16];
	randombytes_buf(raw, sizeof(raw));
	hex_of(raw, sizeof(raw), salt);
}

/* The hash of a confirmation token as a citizen sent it; -1 when it cannot be one. */
static int token_hash(const char *tok, char hash[SUB_HASH_LEN + 1])
{
	if (!tok || strlen(tok) != SUB_TOKEN_LEN)
		return -1;
	for (const char *p = tok; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return -1;
	unsigned char h[32];
	crypto_generichash(h, sizeof(h), (const unsigned char *)tok, SUB_TOKEN_LEN, NULL, 0);
	hex_of(h, sizeof(h), hash);
	return 0;
}

/* A signed link's token for subscription ID with SALT: "<id>.<keyed tag of PURPOSE, id and
 * salt>". The one-click unsubscribe ("unsubscribe") ends that subscription only; the page of all
 * of an address's subscriptions ("manage") reaches every subscription of that address on that
 * site. */
static int token_make(const char *purpose, int64_t id, const char *salt, char out[SUB_UNSUB_TOKEN_MAX + 1])
{
	char what[96], tag[PDATA_TAG_LEN + 1];
	snprintf(what, sizeof(what), "%lld:%s", (long long)id, salt ? salt : "");
	if (pdata_tag(purpose, what, tag))
		return -1;
	snprintf(out, SUB_UNSUB_TOKEN_MAX + 1, "%lld.%s", (long long)id, tag);
	return 0;
}

int subscription_unsub_token(int64_t id, const char *salt, char out[SUB_UNSUB_TOKEN_MAX + 1])
{
	return token_make("unsubscribe", id, salt, out);
}

int subscription_manage_token(int64_t id, const char *salt, char out[SUB_UNSUB_TOKEN_MAX + 1])
{
	return token_make("manage", id, salt, out);
}

/* The id a token of PURPOSE names when its tag holds (constant-time comparison), else 0. */
static int64_t token_id(struct db *db, const char *purpose, const char *token)
{
	if (!token || strlen(token) > SUB_UNSUB_TOKEN_MAX)
		return 0;
	char *end;
	long long id = strtoll(token, &end, 10);
	if (id <= 0 || *end != '.' || strlen(end + 1) != PDATA_TAG_LEN)
		return 0;
	struct db_stmt *st = db_stmt(db, "SELECT unsub_salt FROM subscriptions WHERE id = ?1");
	if (!st)
		return 0;
	db_bind_int(st, 1, id);
	char want[SUB_UNSUB_TOKEN_MAX + 1] = "";
	int ok = 0;
	if (db_step(st) == DB_ROW && token_make(purpose, id, db_col_text(st, 0), want) == 0)
		ok = strlen(want) == strlen(token) && sodium_memcmp(want, token, strlen(want)) == 0;
	db_reset(st);
	return ok ? id : 0;
}

static int64_t unsub_token_id(struct db *db, const char *token)
{
	return token_id(db, "unsubscribe", token);
}

int subscription_kind_offered(const struct kind *k)
{
	static const char *const reference[] = { "unit", "official", "link", "page", "banner" };
	if (!k)
		return 0;
	for (size_t i = 0; i < sizeof(reference) / sizeof(reference[0]); i++)
		if (!strcmp(k->name, reference[i]))
			return 0;
	return 1;
}

char *subscription_item_path(const char *kind, const char *slug, int64_t id)
{
	const struct kind *k = kind_find(kind);
	struct sb b = SB_INIT;
	if (!k || strcmp(k->name, "article") == 0)
		sb_addf(&b, "/tin/%s-%lld", slug ? slug : "", (long long)id);
	else
		sb_addf(&b, "/%s/%s-%lld", k->segment, slug ? slug : "", (long long)id);
	return sb_detach(&b, NULL);
}

char *subscription_mask(const char *email)
{
	struct sb b = SB_INIT;
	const char *at = email ? strchr(email, '@') : NULL;
	if (!at || at == email) {
		sb_adds(&b, "***");
		return sb_detach(&b, NULL);
	}
	const char *dot = strrchr(at, '.');
	sb_addc(&b, email[0]);
	sb_adds(&b, "***@");
	if (at[1] && at + 1 != dot)
		sb_addc(&b, at[1]);
	sb_adds(&b, "***");
	if (dot)
		sb_adds(&b, dot);
	return sb_detach(&b, NULL);
}

/* The label of a target: the category's name, the kind's label, or the whole site's text in
 * TEXTS — "" when TEXTS is NULL: the page shows its own language's. */
static char *target_label(struct db *db, int64_t site_id, int64_t category_id, const char *kind, const json_t *texts)
{
	if (category_id > 0) {
		json_t *c = category_get(db, site_id, category_id);
		struct sb b = SB_INIT;
		if (c)
			sb_adds(&b, json_string_value(json_object_get(c, "name")));
		else /* deleted since: its number */
			sb_addf(&b, "#%lld", (long long)category_id);
		json_decref(c);
		return sb_detach(&b, NULL);
	}
	const struct kind *k = kind && *kind ? kind_find(kind) : NULL;
	if (k)
		return xstrdup(k->label);
	return xstrdup(texts ? text(texts, "sub_target_site") : "");
}

/* IN's target on SITE_ID as stored: key, category, kind. -1 when it names nothing of the site. */
static int target_parse(struct db *db, int64_t site_id, const char *t, char key[80], int64_t *category_id,
			const char **kind)
{
	*category_id = 0;
	*kind = "";
	if (!t || !*t || strcmp(t, "site") == 0) {
		snprintf(key, 80, "site");
		return 0;
	}
	if (!strncmp(t, "c:", 2)) {
		char *end;
		long long id = strtoll(t + 2, &end, 10);
		if (id <= 0 || *end)
			return -1;
		json_t *c = category_get(db, site_id, id);
		json_decref(c);
		if (!c)
			return -1;
		*category_id = id;
		snprintf(key, 80, "c:%lld", id);
		return 0;
	}
	if (!strncmp(t, "k:", 2)) {
		const struct kind *k = kind_find(t + 2);
		if (!subscription_kind_offered(k))
			return -1;
		*kind = k->name;
		snprintf(key, 80, "k:%s", k->name);
		return 0;
	}
	return -1;
}

static char *site_name(struct db *db, int64_t site_id)
{
	json_t *s = site_get(db, site_id);
	char *n = xstrdup(s ? json_string_value(json_object_get(s, "name")) : "");
	json_decref(s);
	return n;
}

/* "" for Vietnamese, "/<lang>" for another: the site's paths in the mail's language. */
static const char *lang_prefix(const char *lang, char buf[8])
{
	if (!lang || !*lang || !strcmp(lang, LOCALE_DEFAULT) || !locale_code_valid(lang, strlen(lang)))
		return "";
	snprintf(buf, 8, "/%s", lang);
	return buf;
}

/* The confirmation mail; it links to the page of all the address's subscriptions too (SALT:
 * the subscription's unsub_salt), as every mail of ours does. */
static int confirm_mail(struct db *db, int64_t site_id, int64_t sub_id, const char *salt, const char *email,
			const char *base, const char *lang, const char *token, const char *label, enum sub_frequency f,
			const json_t *texts, int64_t now)
{
	char pre[8], *site = site_name(db, site_id), mtok[SUB_UNSUB_TOKEN_MAX + 1];
	struct sb url = SB_INIT, manage = SB_INIT, subject = SB_INIT, body = SB_INIT;
	sb_addf(&url, "%s%s/dang-ky-nhan-tin/xac-nhan?token=%s", base, lang_prefix(lang, pre), token);
	if (subscription_manage_token(sub_id, salt, mtok) == 0)
		sb_addf(&manage, "%s%s/quan-ly-nhan-tin?token=%s", base, lang_prefix(lang, pre), mtok);
	char freq_key[32];
	snprintf(freq_key, sizeof(freq_key), "sub_freq_%s", sub_frequency_names[f]);
	const char *vars[] = { "site", site, "target", label, "frequency", text(texts, freq_key), "url", url.buf,
			       "manage", manage.buf, NULL };
	subst(&subject, text(texts, "sub_confirm_subject"), vars);
	subst(&body, text(texts, "sub_confirm_body"), vars);
	sb_addc(&body, '\n');
	struct outbox_mail m = { .site_id = site_id, .subscription_id = sub_id, .rcpt = email, .subject = subject.buf,
				 .text = body.buf };
	int rc = outbox_put(db, &m, now);
	sb_release(&url);
	sb_release(&manage);
	sb_release(&subject);
	sb_release(&body);
	free(site);
	return rc;
}

int subscription_request(struct db *db, int64_t site_id, const struct sub_input *in, const json_t *texts,
			 int64_t now, struct errs *e)
{
	/* the address as typed, without the spaces around it */
	const char *p = in->email ? in->email : "";
	while (*p == ' ' || *p == '\t')
		p++;
	char email[256] = "";
	size_t n = strlen(p);
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (n < sizeof(email)) {
		memcpy(email, p, n);
		email[n] = '\0';
	}
	if (!n)
		errs_add(e, "email", "sub_email_required");
	else if (n >= sizeof(email) || !mail_address_valid(email))
		errs_add(e, "email", "sub_email_invalid");
	char key[80];
	int64_t category_id;
	const char *kind;
	if (target_parse(db, site_id, in->target, key, &category_id, &kind))
		errs_add(e, "target", "sub_target_invalid");
	enum sub_frequency f = frequency_of(in->frequency);
	if (f == SUB_NFREQ)
		errs_add(e, "frequency", "sub_frequency_invalid");
	if (e->n)
		return M_INVALID;
	const char *lang = in->lang && locale_code_valid(in->lang, strlen(in->lang)) ? in->lang : LOCALE_DEFAULT;
	char tag[PDATA_TAG_LEN + 1], tok[SUB_TOKEN_LEN + 1], hash[SUB_HASH_LEN + 1];
	if (pdata_tag("subscriber", email, tag))
		return M_ERROR;
	char *sealed = pdata_seal(email);
	if (!sealed)
		return M_ERROR;
	/* the site's address without its final slash: paths follow */
	char base[512];
	snprintf(base, sizeof(base), "%s", in->base_url ? in->base_url : "");
	for (size_t bl = strlen(base); bl && base[bl - 1] == '/'; bl--)
		base[bl - 1] = '\0';
	token_new(tok, hash);
	char *label = target_label(db, site_id, category_id, kind, texts);
	int rc = M_ERROR;
	if (db_begin(db))
		goto out;
	int refused = challenge_take(db, in->challenge, now, e);
	if (refused) {
		db_rollback(db);
		rc = refused;
		goto out;
	}
	struct db_stmt *st = db_stmt(db, "SELECT id, state, confirm_sent_at, unsub_salt FROM subscriptions"
				       " WHERE site_id = ?1 AND email_tag = ?2 AND target_key = ?3");
	if (!st)
		goto fail;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, tag);
	db_bind_text(st, 3, key);
	int64_t id = 0, sent_at = 0;
	char salt[33] = "";
	if (db_step(st) == DB_ROW) {
		id = db_col_int(st, 0);
		sent_at = db_col_int(st, 2);
		snprintf(salt, sizeof(salt), "%s", db_col_text(st, 3) ? db_col_text(st, 3) : "");
	}
	db_reset(st);
	if (id && sent_at > now - SUB_RESEND_WAIT) {
		/* asked again at once (a double click, or someone filling another's address in): the
		 * link already sent serves; the answer is the same */
		rc = db_commit(db) ? M_ERROR : M_OK;
		goto out;
	}
	if (id) {
		st = db_stmt(db, "UPDATE subscriptions SET asked_frequency = ?2, asked_lang = ?3, email = ?4, base_url = ?5,"
				 " confirm_hash = ?6, confirm_expires = ?7, confirm_sent_at = ?8, updated_at = ?8,"
				 " state = CASE WHEN state = 'unsubscribed' THEN 'pending' ELSE state END WHERE id = ?1");
		if (!st)
			goto fail;
		db_bind_int(st, 1, id);
	} else {
		salt_new(salt);
		st = db_stmt(db, "INSERT INTO subscriptions (site_id, asked_frequency, asked_lang, email, base_url, confirm_hash,"
				 " confirm_expires, confirm_sent_at, updated_at, created_at, email_tag, target_key, category_id,"
				 " kind, frequency, lang, unsub_salt, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?8, ?9,"
				 " ?10, ?11, ?12, ?2, ?3, ?13, 'pending')");
		if (!st)
			goto fail;
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 9, tag);
		db_bind_text(st, 10, key);
		if (category_id)
			db_bind_int(st, 11, category_id);
		else
			db_bind_null(st, 11);
		if (*kind)
			db_bind_text(st, 12, kind);
		else
			db_bind_null(st, 12);
		db_bind_text(st, 13, salt);
	}
	db_bind_text(st, 2, sub_frequency_names[f]);
	db_bind_text(st, 3, lang);
	db_bind_text(st, 4, sealed);
	db_bind_text(st, 5, base);
	db_bind_text(st, 6, hash);
	db_bind_int(st, 7, now + SUB_CONFIRM_TTL);
	db_bind_int(st, 8, now);
	if (db_step_done(st))
		goto fail;
	if (!id)
		id = db_last_id(db);
	if (confirm_mail(db, site_id, id, salt, email, base, lang, tok, label, f, texts, now) || db_commit(db))
		goto fail;
	rc = M_OK;
	goto out;
fail:
	db_rollback(db);
	rc = M_ERROR;
out:
	sodium_memzero(email, sizeof(email));
	sodium_memzero(tok, sizeof(tok));
	free(sealed);
	free(label);
	return rc;
}

int subscription_confirm(struct db *db, const char *token, int64_t now, json_t **out)
{
	char hash[SUB_HASH_LEN + 1];
	if (out)
		*out = NULL;
	if (token_hash(token, hash))
		return M_NOTFOUND;
	struct db_stmt *st = db_stmt(db, "SELECT id, site_id, confirm_expires, asked_frequency, category_id, kind"
				       " FROM subscriptions WHERE confirm_hash = ?1");
	if (!st)
		return M_ERROR;
	db_bind_text(st, 1, hash);
	json_t *row = db_one_json(st);
	if (!row)
		return M_NOTFOUND;
	int64_t id = json_integer_value(json_object_get(row, "id"));
	if (json_integer_value(json_object_get(row, "confirm_expires")) < now) {
		json_decref(row);
		return M_NOTFOUND;
	}
	/* a second click changes nothing: confirmed_at stays the first one's */
	/* a new subscriber's first digest is the next one to come, not one at once */
	st = db_stmt(db, "UPDATE subscriptions SET frequency = asked_frequency, lang = asked_lang, updated_at = ?2,"
			 " confirmed_at = CASE WHEN state = 'active' THEN confirmed_at ELSE ?2 END,"
			 " last_digest_day = CASE WHEN state = 'active' THEN last_digest_day ELSE ?3 END, state = 'active'"
			 " WHERE id = ?1");
	if (!st || db_begin(db)) {
		json_decref(row);
		return M_ERROR;
	}
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, vn_days_of_time(now));
	if (db_step_done(st) || db_commit(db)) {
		db_rollback(db);
		json_decref(row);
		return M_ERROR;
	}
	if (out) {
		int64_t site_id = json_integer_value(json_object_get(row, "site_id"));
		char *label = target_label(db, site_id, json_integer_value(json_object_get(row, "category_id")),
					   json_string_value(json_object_get(row, "kind")), NULL);
		*out = json_pack("{sssOsI}", "target_label", label, "frequency", json_object_get(row, "asked_frequency"),
				 "site_id", (json_int_t)site_id);
		free(label);
	}
	json_decref(row);
	return M_OK;
}

json_t *subscription_by_unsub_token(struct db *db, const char *token)
{
	int64_t id = unsub_token_id(db, token);
	if (!id)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT id, site_id, state, category_id, kind, email FROM subscriptions WHERE id = ?1");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	json_t *row = db_one_json(st);
	if (!row)
		return NULL;
	char *label = target_label(db, json_integer_value(json_object_get(row, "site_id")),
				   json_integer_value(json_object_get(row, "category_id")),
				   json_string_value(json_object_get(row, "kind")), NULL);
	char *plain = pdata_open(json_string_value(json_object_get(row, "email")));
	char *mask = subscription_mask(plain);
	if (plain) {
		sodium_memzero(plain, strlen(plain));
		free(plain);
	}
	json_object_del(row, "email");
	json_object_set_new(row, "target_label", json_string(label));
	json_object_set_new(row, "email_masked", json_string(mask));
	free(label);
	free(mask);
	return row;
}

/* Drops what waits in the outbox for subscription ID (its personal data with it). */
static int outbox_drop(struct db *db, int64_t id, int sent_too)
{
	struct db_stmt *st = sent_too ? db_stmt(db, "DELETE FROM mail_outbox WHERE subscription_id = ?1")
				      : db_stmt(db, "DELETE FROM mail_outbox WHERE subscription_id = ?1 AND sent_at IS NULL");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	return db_step_done(st);
}

int subscription_unsubscribe(struct db *db, const char *token, int64_t now)
{
	int64_t id = unsub_token_id(db, token);
	if (!id)
		return M_NOTFOUND;
	struct db_stmt *st = db_stmt(db, "UPDATE subscriptions SET state = 'unsubscribed', confirm_hash = NULL,"
				       " confirm_expires = NULL, updated_at = ?2 WHERE id = ?1");
	if (!st || db_begin(db))
		return M_ERROR;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, now);
	if (db_step_done(st) || outbox_drop(db, id, 0) || db_commit(db)) {
		db_rollback(db);
		return M_ERROR;
	}
	return M_OK;
}

/* ---- the scheduler's pass ---- */

int subscription_digest_due(enum sub_frequency freq, int32_t last_day, int64_t now, int hour)
{
	int32_t today = vn_days_of_time(now);
	int64_t since_midnight = now - vn_time_of_days(today);
	int32_t start; /* the day this period's digest goes */
	if (freq == SUB_DAILY)
		start = today;
	else if (freq == SUB_WEEKLY)
		start = today - (vn_weekday(today) + 6) % 7; /* this week's Monday */
	else
		return 0;
	if (last_day >= start)
		return 0;
	return today > start || since_midnight >= (int64_t)hour * 3600;
}

json_t *subscription_items(struct db *db, int64_t id, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "SELECT site_id, lang, frequency, category_id, kind, confirmed_at FROM subscriptions"
				       " WHERE id = ?1");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	json_t *sub = db_one_json(st);
	if (!sub)
		return json_array();
	int64_t site_id = json_integer_value(json_object_get(sub, "site_id"));
	int64_t category_id = json_integer_value(json_object_get(sub, "category_id"));
	const char *kind = json_string_value(json_object_get(sub, "kind"));
	int64_t since = now - window_of(frequency_of(json_string_value(json_object_get(sub, "frequency"))));
	int64_t confirmed = json_integer_value(json_object_get(sub, "confirmed_at"));
	if (confirmed > since)
		since = confirmed;
	st = db_stmt(db, "SELECT i.id, i.kind, i.title, i.slug, i.summary, i.published_at, i.category_id FROM items i"
			 " WHERE i.site_id = ?1 AND i.state = 'published' AND i.lang = ?2 AND i.published_at >= ?3"
			 " AND i.published_at <= ?4 AND (?5 = '' OR i.kind = ?5) AND NOT EXISTS (SELECT 1 FROM"
			 " subscription_sent x WHERE x.subscription_id = ?6 AND x.item_id = i.id)"
			 " ORDER BY i.published_at, i.id LIMIT 500");
	if (!st) {
		json_decref(sub);
		return NULL;
	}
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, json_string_value(json_object_get(sub, "lang")));
	db_bind_int(st, 3, since);
	db_bind_int(st, 4, now);
	db_bind_text(st, 5, kind ? kind : "");
	db_bind_int(st, 6, id);
	json_t *rows = db_rows_json(st);
	json_decref(sub);
	if (!rows || category_id <= 0)
		return rows;
	/* a category's subscription has its subcategories' items too, as its page lists them */
	json_t *cats = category_list(db, site_id), *out = json_array(), *row;
	int64_t *ids = NULL;
	size_t nids = category_subtree(cats, category_id, &ids), i;
	json_array_foreach(rows, i, row) {
		int64_t c = json_integer_value(json_object_get(row, "category_id"));
		for (size_t j = 0; j < nids; j++)
			if (ids[j] == c) {
				json_array_append(out, row);
				break;
			}
	}
	free(ids);
	json_decref(cats);
	json_decref(rows);
	return out;
}

/* The active subscriptions of a scheduler's pass whose condition is COND (a string literal, on
 * subscriptions "s" and their site "t"), with what their mail needs: the one query of both the
 * immediate notices and the digests (subscription_run). */
#define ACTIVE_SUBS(cond)                                                                                            \
	"SELECT s.id, s.site_id, s.lang, s.frequency, s.category_id, s.kind, s.email, s.base_url, s.unsub_salt"      \
	" FROM subscriptions s JOIN sites t ON t.id = s.site_id WHERE s.state = 'active' AND (" cond ")"             \
	" ORDER BY s.id"

/* Queues the mail of ITEMS (not empty) for subscription SUB (a row of ACTIVE_SUBS) and records them
 * as sent, in one transaction with the digest's day when DIGEST_DAY is not 0. */
static int queue_items(struct db *db, json_t *sub, json_t *items, const json_t *locales, int32_t digest_day,
		       int64_t now)
{
	int64_t id = json_integer_value(json_object_get(sub, "id"));
	int64_t site_id = json_integer_value(json_object_get(sub, "site_id"));
	const char *lang = json_string_value(json_object_get(sub, "lang"));
	enum sub_frequency f = frequency_of(json_string_value(json_object_get(sub, "frequency")));
	const json_t *texts = locale_dict(locales, lang);
	if (!texts)
		texts = locale_dict(locales, LOCALE_DEFAULT);
	char *email = pdata_open(json_string_value(json_object_get(sub, "email")));
	if (!email) {
		log_warn("subscriptions: the address of subscription %lld does not open (secret.key replaced?)", (long long)id);
		return -1;
	}
	char *site = site_name(db, site_id), pre[8], utok[SUB_UNSUB_TOKEN_MAX + 1], mtok[SUB_UNSUB_TOKEN_MAX + 1], day[11],
						      count[16];
	char *label = target_label(db, site_id, json_integer_value(json_object_get(sub, "category_id")),
				   json_string_value(json_object_get(sub, "kind")), texts);
	const char *base = json_string_value(json_object_get(sub, "base_url"));
	const char *prefix = lang_prefix(lang, pre);
	const char *salt = json_string_value(json_object_get(sub, "unsub_salt"));
	struct sb unsub = SB_INIT, manage = SB_INIT, subject = SB_INIT, body = SB_INIT, html = SB_INIT, line = SB_INIT;
	int rc = -1;
	if (subscription_unsub_token(id, salt, utok) || subscription_manage_token(id, salt, mtok))
		goto out;
	sb_addf(&unsub, "%s%s/huy-nhan-tin?token=%s", base, prefix, utok);
	sb_addf(&manage, "%s%s/quan-ly-nhan-tin?token=%s", base, prefix, mtok);
	vn_day_dmy(vn_days_of_time(now), day);
	size_t n = json_array_size(items), i;
	if (n > ITEMS_MAX)
		n = ITEMS_MAX;
	snprintf(count, sizeof(count), "%zu", n);
	char freq_key[32];
	snprintf(freq_key, sizeof(freq_key), "sub_freq_%s", sub_frequency_names[f]);
	const char *vars[] = { "site", site, "target", label, "date", day, "n", count, "url", unsub.buf, "manage", manage.buf,
			       "frequency", text(texts, freq_key), "title",
			       json_string_value(json_object_get(json_array_get(items, 0), "title")), NULL };
	sb_addf(&subject, "[%s] ", site);
	subst(&subject, text(texts, f == SUB_DAILY	  ? "sub_mail_subject_daily"
				    : f == SUB_WEEKLY ? "sub_mail_subject_weekly"
				    : n == 1	      ? "sub_mail_subject_one"
						      : "sub_mail_subject_new"),
	      vars);
	/* the text and, beside it, the same in HTML: every text of ours and of the items escaped
	 * (sb_add_html), the links written by us */
	sb_adds(&html, "<!DOCTYPE html>\n<html lang=\"");
	sb_add_html(&html, lang, strlen(lang));
	sb_adds(&html, "\"><head><meta charset=\"utf-8\"><title>");
	sb_add_html(&html, subject.buf, subject.len);
	sb_adds(&html, "</title></head>\n<body>\n<p>");
	subst(&line, text(texts, "sub_mail_intro"), vars);
	sb_add(&body, line.buf, line.len);
	sb_add_html(&html, line.buf, line.len);
	sb_adds(&body, "\n\n");
	sb_adds(&html, "</p>\n<ul>\n");
	for (i = 0; i < n; i++) {
		json_t *it = json_array_get(items, i);
		char *path = subscription_item_path(json_string_value(json_object_get(it, "kind")),
						    json_string_value(json_object_get(it, "slug")),
						    json_integer_value(json_object_get(it, "id")));
		const char *title = json_string_value(json_object_get(it, "title"));
		char when[32];
		time_format_vn(json_integer_value(json_object_get(it, "published_at")), when, sizeof(when));
		sb_release(&line);
		sb_addf(&line, "%s%s%s", base, prefix, path);
		sb_addf(&body, "* %s\n  %s\n", title, when);
		sb_adds(&html, "<li><a href=\"");
		sb_add_html(&html, line.buf, line.len);
		sb_adds(&html, "\">");
		sb_add_html(&html, title, strlen(title));
		sb_adds(&html, "</a><br><small>");
		sb_add_html(&html, when, strlen(when));
		sb_adds(&html, "</small>");
		const char *sum = json_string_value(json_object_get(it, "summary"));
		if (sum && *sum) {
			char *s = utf8_ellipsize(sum, 300);
			sb_addf(&body, "  %s\n", s ? s : "");
			sb_adds(&html, "<br>");
			sb_add_html(&html, s ? s : "", s ? strlen(s) : 0);
			free(s);
		}
		sb_addf(&body, "  %s\n\n", line.buf);
		sb_adds(&html, "</li>\n");
		free(path);
	}
	sb_adds(&body, "-- \n");
	sb_adds(&html, "</ul>\n<hr>\n<p>");
	sb_release(&line);
	subst(&line, text(texts, "sub_mail_footer"), vars);
	sb_add(&body, line.buf, line.len);
	sb_addc(&body, '\n');
	/* the footer's lines, then its two links as links */
	sb_release(&line);
	subst(&line, text(texts, "sub_mail_footer_html"), vars);
	sb_add_html(&html, line.buf, line.len);
	sb_adds(&html, "</p>\n<p><a href=\"");
	sb_add_html(&html, manage.buf, manage.len);
	sb_adds(&html, "\">");
	sb_add_html(&html, text(texts, "sub_mail_manage_link"), strlen(text(texts, "sub_mail_manage_link")));
	sb_adds(&html, "</a> · <a href=\"");
	sb_add_html(&html, unsub.buf, unsub.len);
	sb_adds(&html, "\">");
	sb_add_html(&html, text(texts, "sub_mail_unsub_link"), strlen(text(texts, "sub_mail_unsub_link")));
	sb_adds(&html, "</a></p>\n</body>\n</html>\n");
	if (db_begin(db))
		goto out;
	struct db_stmt *st;
	/* two schedulers at once (nodes on one SQLite file) cannot both send it: the second finds
	 * the day taken, or an item recorded (the key), and leaves its copy */
	if (digest_day) {
		st = db_stmt(db, "UPDATE subscriptions SET last_digest_day = ?2 WHERE id = ?1 AND last_digest_day < ?2");
		if (!st)
			goto fail;
		db_bind_int(st, 1, id);
		db_bind_int(st, 2, digest_day);
		if (db_step_done(st) || db_changes(db) != 1)
			goto fail;
	}
	for (i = 0; i < n; i++) {
		st = db_stmt(db, "INSERT INTO subscription_sent (subscription_id, item_id, sent_at) VALUES (?1, ?2, ?3)");
		if (!st)
			goto fail;
		db_bind_int(st, 1, id);
		db_bind_int(st, 2, json_integer_value(json_object_get(json_array_get(items, i), "id")));
		db_bind_int(st, 3, now);
		if (db_step_done(st))
			goto fail;
	}
	struct outbox_mail m = { .site_id = site_id, .subscription_id = id, .rcpt = email, .subject = subject.buf,
				 .text = body.buf, .html = html.buf, .unsubscribe_url = unsub.buf };
	if (outbox_put(db, &m, now))
		goto fail;
	if (db_commit(db))
		goto fail;
	rc = 0;
	goto out;
fail:
	db_rollback(db);
out:
	sodium_memzero(email, strlen(email));
	free(email);
	free(site);
	free(label);
	sb_release(&unsub);
	sb_release(&manage);
	sb_release(&subject);
	sb_release(&body);
	sb_release(&html);
	sb_release(&line);
	return rc;
}

static int mark_digest(struct db *db, int64_t id, int32_t day)
{
	struct db_stmt *st = db_stmt(db, "UPDATE subscriptions SET last_digest_day = ?2 WHERE id = ?1");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, day);
	return db_step_done(st);
}

/* What was published lately, summed up: when it has not changed since the last pass, no
 * immediate subscription has anything new, and the pass costs one query. */
static char *published_mark(struct db *db, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "SELECT COUNT(*), MAX(published_at), MAX(id) FROM items"
				       " WHERE state = 'published' AND published_at >= ?1 AND published_at <= ?2");
	if (!st)
		return NULL;
	db_bind_int(st, 1, now - window_of(SUB_IMMEDIATE));
	db_bind_int(st, 2, now);
	struct sb b = SB_INIT;
	if (db_step(st) == DB_ROW)
		sb_addf(&b, "%lld:%lld:%lld", (long long)db_col_int(st, 0), (long long)db_col_int(st, 1),
			(long long)db_col_int(st, 2));
	db_reset(st);
	return sb_detach(&b, NULL);
}

int subscription_run(struct db *db, const json_t *locales, int64_t now)
{
	int queued = 0;
	/* 1. immediate notices, when something was published since the last pass looked */
	char *mark = published_mark(db, now), *seen = db_setting_get(db, "subscription_seen");
	if (mark && *mark && (!seen || strcmp(mark, seen) != 0)) {
		struct db_stmt *st = db_stmt(db, ACTIVE_SUBS("s.frequency = 'immediate' AND s.site_id IN (SELECT site_id"
							     " FROM items WHERE state = 'published' AND published_at >= ?1"
							     " AND published_at <= ?2)"));
		json_t *subs = NULL, *sub;
		if (st) {
			db_bind_int(st, 1, now - window_of(SUB_IMMEDIATE));
			db_bind_int(st, 2, now);
			subs = db_rows_json(st);
		}
		size_t i;
		int failed = !subs;
		json_array_foreach(subs, i, sub) {
			json_t *items = subscription_items(db, json_integer_value(json_object_get(sub, "id")), now);
			if (!items)
				failed = 1;
			else if (json_array_size(items) && !queue_items(db, sub, items, locales, 0, now))
				queued++;
			json_decref(items);
		}
		json_decref(subs);
		/* remembered only when every subscription was served: else the next pass tries again */
		if (!failed)
			db_setting_set(db, "subscription_seen", mark);
	}
	free(mark);
	free(seen);

	/* 2. the digests whose day has come, at each site's hour (sites.subscription_hour), else the
	 * installation's: a daily digest is due when the day is past the last one it went and the
	 * hour has come; a weekly one when the week's Monday is, and the hour has come or Monday
	 * has passed (a Monday missed is made up later in the week) — subscription_digest_due() */
	char *hour_s = db_setting_get(db, "subscription_hour");
	int64_t hour = SUB_DIGEST_HOUR;
	if (hour_s && parse_i64(hour_s, 0, 23, &hour))
		hour = SUB_DIGEST_HOUR;
	free(hour_s);
	int32_t today = vn_days_of_time(now), monday = today - (vn_weekday(today) + 6) % 7;
	int64_t now_hour = (now - vn_time_of_days(today)) / 3600;
	struct db_stmt *st = db_stmt(db, ACTIVE_SUBS("(s.frequency = 'daily' AND s.last_digest_day <"
						     " CASE WHEN COALESCE(t.subscription_hour, ?4) <= ?3 THEN ?1 ELSE -1 END)"
						     " OR (s.frequency = 'weekly' AND s.last_digest_day <"
						     " CASE WHEN ?1 > ?2 OR COALESCE(t.subscription_hour, ?4) <= ?3 THEN ?2"
						     " ELSE -1 END)") " LIMIT ?5");
	if (!st)
		return -1;
	db_bind_int(st, 1, today);
	db_bind_int(st, 2, monday);
	db_bind_int(st, 3, now_hour);
	db_bind_int(st, 4, hour);
	db_bind_int(st, 5, PER_PASS);
	json_t *subs = db_rows_json(st), *sub;
	size_t i;
	json_array_foreach(subs, i, sub) {
		int64_t id = json_integer_value(json_object_get(sub, "id"));
		json_t *items = subscription_items(db, id, now);
		if (!items)
			continue;
		if (json_array_size(items)) {
			if (!queue_items(db, sub, items, locales, today, now))
				queued++;
		} else if (mark_digest(db, id, today)) { /* nothing new: no mail, and the day is done */
			json_decref(items);
			break;
		}
		json_decref(items);
	}
	json_decref(subs);
	/* what was sent long ago falls out of every window: its records go */
	st = db_stmt(db, "DELETE FROM subscription_sent WHERE sent_at < ?1");
	if (st) {
		db_bind_int(st, 1, now - SENT_KEEP);
		db_step_done(st);
	}
	return queued;
}

/* Replaces, in every row of ROWS, the sealed address under KEY by "email_masked": what the
 * administrators and the manage page see of it. */
static void rows_mask(json_t *rows, const char *key)
{
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		char *plain = pdata_open(json_string_value(json_object_get(row, key)));
		char *mask = subscription_mask(plain);
		if (plain) {
			sodium_memzero(plain, strlen(plain));
			free(plain);
		}
		json_object_del(row, key);
		json_object_set_new(row, "email_masked", json_string(mask));
		free(mask);
	}
}

/* ---- administrators ---- */

json_t *subscription_admin_view(struct db *db, const struct actor *a, int64_t site_id, int limit)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return NULL;
	json_t *out = json_object();
	/* the counts per target and state */
	struct db_stmt *st = db_stmt(db, "SELECT target_key, category_id, kind, state, COUNT(*) AS n FROM subscriptions"
				       " WHERE site_id = ?1 GROUP BY target_key, category_id, kind, state ORDER BY target_key");
	json_t *counts = json_array(), *rows, *row;
	size_t i;
	if (st) {
		db_bind_int(st, 1, site_id);
		rows = db_rows_json(st);
		json_t *cur = NULL;
		const char *cur_key = NULL;
		json_array_foreach(rows, i, row) {
			const char *key = json_string_value(json_object_get(row, "target_key"));
			if (!cur_key || strcmp(cur_key, key) != 0) {
				char *label = target_label(db, site_id, json_integer_value(json_object_get(row, "category_id")),
							   json_string_value(json_object_get(row, "kind")), NULL);
				cur = json_pack("{sssisisi}", "target_label", label, "pending", 0, "active", 0, "unsubscribed", 0);
				free(label);
				json_array_append_new(counts, cur);
				cur_key = key;
			}
			json_object_set(cur, json_string_value(json_object_get(row, "state")), json_object_get(row, "n"));
		}
		json_decref(rows);
	}
	json_object_set_new(out, "counts", counts);
	/* the subscriptions, newest first, their addresses masked */
	st = db_stmt(db, "SELECT id, email, category_id, kind, frequency, state, created_at, confirmed_at FROM subscriptions"
			 " WHERE site_id = ?1 ORDER BY id DESC LIMIT ?2");
	json_t *list = json_array();
	if (st) {
		db_bind_int(st, 1, site_id);
		db_bind_int(st, 2, limit);
		rows = db_rows_json(st);
		rows_mask(rows, "email");
		json_array_foreach(rows, i, row) {
			char *label = target_label(db, site_id, json_integer_value(json_object_get(row, "category_id")),
						   json_string_value(json_object_get(row, "kind")), NULL);
			json_object_set_new(row, "target_label", json_string(label));
			free(label);
			json_array_append(list, row);
		}
		json_decref(rows);
	}
	json_object_set_new(out, "subscriptions", list);
	/* the mail log: what was queued for the subscriptions, and what became of it */
	st = db_stmt(db, "SELECT id, subject, created_at, sent_at, tries, last_error, rcpt FROM mail_outbox"
			 " WHERE site_id = ?1 AND subscription_id IS NOT NULL ORDER BY id DESC LIMIT ?2");
	json_t *mail = json_array();
	if (st) {
		db_bind_int(st, 1, site_id);
		db_bind_int(st, 2, limit);
		rows = db_rows_json(st);
		rows_mask(rows, "rcpt");
		json_object_set_new(out, "mail", rows ? rows : json_array());
		json_decref(mail);
		mail = NULL;
	}
	if (mail)
		json_object_set_new(out, "mail", mail);
	return out;
}

int subscription_remove(struct db *db, const struct actor *a, int64_t site_id, int64_t id)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	struct db_stmt *st = db_stmt(db, "SELECT target_key FROM subscriptions WHERE id = ?1 AND site_id = ?2");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	json_t *row = db_one_json(st);
	if (!row)
		return M_NOTFOUND;
	char object[48];
	snprintf(object, sizeof(object), "subscription:%lld", (long long)id);
	int rc = M_ERROR;
	if (db_begin(db))
		goto out;
	st = db_stmt(db, "DELETE FROM subscription_sent WHERE subscription_id = ?1");
	if (!st)
		goto fail;
	db_bind_int(st, 1, id);
	if (db_step_done(st) || outbox_drop(db, id, 1))
		goto fail;
	st = db_stmt(db, "DELETE FROM subscriptions WHERE id = ?1");
	if (!st)
		goto fail;
	db_bind_int(st, 1, id);
	/* the record names the subscription and its target, never the address */
	if (db_step_done(st) ||
	    audit_write(db, a, site_id, "subscription.remove", object, json_string_value(json_object_get(row, "target_key"))) ||
	    db_commit(db))
		goto fail;
	rc = M_OK;
	goto out;
fail:
	db_rollback(db);
out:
	json_decref(row);
	return rc;
}

/* ---- a site's digest hour ---- */

int subscription_hour_get(struct db *db, int64_t site_id, int *own)
{
	char *v = db_setting_get(db, "subscription_hour");
	int64_t hour = SUB_DIGEST_HOUR, site = -1;
	if (v && parse_i64(v, 0, 23, &hour))
		hour = SUB_DIGEST_HOUR;
	free(v);
	struct db_stmt *st = db_stmt(db, "SELECT COALESCE(subscription_hour, -1) FROM sites WHERE id = ?1");
	if (st) {
		db_bind_int(st, 1, site_id);
		db_one_int(st, &site);
	}
	if (own)
		*own = site >= 0;
	return site >= 0 ? (int)site : (int)hour;
}

int subscription_hour_set(struct db *db, const struct actor *a, int64_t site_id, const char *hour, struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	int64_t h = -1;
	if (hour && *hour && parse_i64(hour, 0, 23, &h)) {
		errs_add(e, "hour", "sub_hour_invalid");
		return M_INVALID;
	}
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "UPDATE sites SET subscription_hour = ?2 WHERE id = ?1");
	if (!st)
		goto fail;
	db_bind_int(st, 1, site_id);
	if (h >= 0)
		db_bind_int(st, 2, h);
	else
		db_bind_null(st, 2);
	char detail[16];
	snprintf(detail, sizeof(detail), "%s", h >= 0 ? hour : "");
	if (db_step_done(st) || audit_write(db, a, site_id, "subscription.hour", "site", detail) || db_commit(db))
		goto fail;
	return M_OK;
fail:
	db_rollback(db);
	return M_ERROR;
}

/* ---- the page of all of an address's subscriptions on a site ---- */

/* What the manage token names: the subscription's site, address tag, sealed address, language,
 * address base, or NULL. */
static json_t *manage_owner(struct db *db, const char *token)
{
	int64_t id = token_id(db, "manage", token);
	if (!id)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT id, site_id, email_tag, email, lang, base_url FROM subscriptions WHERE id = ?1");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	return db_one_json(st);
}

json_t *subscription_manage_view(struct db *db, const char *token)
{
	json_t *owner = manage_owner(db, token);
	if (!owner)
		return NULL;
	int64_t site_id = json_integer_value(json_object_get(owner, "site_id"));
	struct db_stmt *st = db_stmt(db, "SELECT id, target_key, category_id, kind, frequency, state FROM subscriptions"
				       " WHERE site_id = ?1 AND email_tag = ?2 ORDER BY id");
	json_t *subs = NULL, *row;
	if (st) {
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, json_string_value(json_object_get(owner, "email_tag")));
		subs = db_rows_json(st);
	}
	if (!subs) {
		json_decref(owner);
		return NULL;
	}
	/* the frequency the page offers: that of the first active subscription, else daily */
	const char *freq = NULL;
	size_t i;
	json_t *active = json_array();
	json_array_foreach(subs, i, row) {
		char *label = target_label(db, site_id, json_integer_value(json_object_get(row, "category_id")),
					   json_string_value(json_object_get(row, "kind")), NULL);
		json_object_set_new(row, "target_label", json_string(label));
		free(label);
		if (!strcmp(json_string_value(json_object_get(row, "state")), "active")) {
			json_array_append(active, json_object_get(row, "target_key"));
			if (!freq)
				freq = json_string_value(json_object_get(row, "frequency"));
		}
	}
	char *plain = pdata_open(json_string_value(json_object_get(owner, "email")));
	char *mask = subscription_mask(plain);
	if (plain) {
		sodium_memzero(plain, strlen(plain));
		free(plain);
	}
	json_t *out = json_pack("{sOsOsssssoso}", "site_id", json_object_get(owner, "site_id"), "lang",
				json_object_get(owner, "lang"), "email_masked", mask, "frequency", freq ? freq : "daily",
				"subscriptions", subs, "active", active);
	free(mask);
	json_decref(owner);
	return out;
}

int subscription_manage_save(struct db *db, const char *token, const char *const *targets, size_t ntargets,
			     const char *frequency, int64_t now, struct errs *e)
{
	json_t *owner = manage_owner(db, token);
	if (!owner)
		return M_NOTFOUND;
	int64_t site_id = json_integer_value(json_object_get(owner, "site_id"));
	const char *tag = json_string_value(json_object_get(owner, "email_tag"));
	enum sub_frequency f = frequency_of(frequency);
	if (ntargets && f == SUB_NFREQ)
		errs_add(e, "frequency", "sub_frequency_invalid");
	/* every target checked first: the keys as stored, each named once */
	char (*keys)[80] = ntargets ? xcalloc(ntargets, sizeof(*keys)) : NULL;
	int64_t *cats = ntargets ? xcalloc(ntargets, sizeof(*cats)) : NULL;
	const char **kinds = ntargets ? xcalloc(ntargets, sizeof(*kinds)) : NULL;
	for (size_t i = 0; i < ntargets && !e->n; i++)
		if (target_parse(db, site_id, targets[i], keys[i], &cats[i], &kinds[i]))
			errs_add(e, "target", "sub_target_invalid");
	int rc = M_INVALID;
	if (e->n)
		goto out;
	rc = M_ERROR;
	int32_t today = vn_days_of_time(now);
	if (db_begin(db))
		goto out;
	/* what is not checked any more ends, its waiting mail dropped */
	struct db_stmt *st = db_stmt(db, "SELECT id, target_key, state FROM subscriptions WHERE site_id = ?1 AND email_tag = ?2");
	if (!st)
		goto fail;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, tag);
	json_t *have = db_rows_json(st), *row;
	size_t i;
	json_array_foreach(have, i, row) {
		const char *key = json_string_value(json_object_get(row, "target_key"));
		int wanted = 0;
		for (size_t j = 0; j < ntargets; j++)
			wanted |= !strcmp(keys[j], key);
		if (wanted || !strcmp(json_string_value(json_object_get(row, "state")), "unsubscribed"))
			continue;
		int64_t id = json_integer_value(json_object_get(row, "id"));
		st = db_stmt(db, "UPDATE subscriptions SET state = 'unsubscribed', confirm_hash = NULL, confirm_expires = NULL,"
				 " updated_at = ?2 WHERE id = ?1");
		if (!st) {
			json_decref(have);
			goto fail;
		}
		db_bind_int(st, 1, id);
		db_bind_int(st, 2, now);
		if (db_step_done(st) || outbox_drop(db, id, 0)) {
			json_decref(have);
			goto fail;
		}
	}
	json_decref(have);
	/* what is checked is active at the frequency chosen: the link came from the mailbox, so no
	 * second confirmation is asked; a new one starts with the next digest, as a confirmed one */
	for (size_t j = 0; j < ntargets; j++) {
		char salt[33];
		salt_new(salt);
		st = db_stmt(db, "INSERT INTO subscriptions (site_id, email_tag, email, target_key, category_id, kind, frequency,"
				 " lang, asked_frequency, asked_lang, state, base_url, unsub_salt, created_at, confirmed_at,"
				 " updated_at, last_digest_day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8, 'active', ?9, ?10,"
				 " ?11, ?11, ?11, ?12) ON CONFLICT (site_id, email_tag, target_key) DO UPDATE SET"
				 " frequency = excluded.frequency, asked_frequency = excluded.frequency, updated_at = excluded.updated_at,"
				 " confirmed_at = COALESCE(subscriptions.confirmed_at, excluded.confirmed_at),"
				 " last_digest_day = CASE WHEN subscriptions.state = 'active' THEN subscriptions.last_digest_day"
				 " ELSE excluded.last_digest_day END, state = 'active'");
		if (!st)
			goto fail;
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, tag);
		db_bind_text(st, 3, json_string_value(json_object_get(owner, "email")));
		db_bind_text(st, 4, keys[j]);
		if (cats[j])
			db_bind_int(st, 5, cats[j]);
		else
			db_bind_null(st, 5);
		if (*kinds[j])
			db_bind_text(st, 6, kinds[j]);
		else
			db_bind_null(st, 6);
		db_bind_text(st, 7, sub_frequency_names[f]);
		db_bind_text(st, 8, json_string_value(json_object_get(owner, "lang")));
		db_bind_text(st, 9, json_string_value(json_object_get(owner, "base_url")));
		db_bind_text(st, 10, salt);
		db_bind_int(st, 11, now);
		db_bind_int(st, 12, today);
		if (db_step_done(st))
			goto fail;
	}
	if (db_commit(db))
		goto fail;
	rc = M_OK;
	goto out;
fail:
	db_rollback(db);
	rc = M_ERROR;
out:
	free(keys);
	free(cats);
	free(kinds);
	json_decref(owner);
	return rc;
}
