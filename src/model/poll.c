/* poll.c — simple polls and the voter tag (poll.h; docs/ratings-polls.md). */
#include "model.h"
#include "poll.h"
#include "kind.h"
#include "item.h"
#include "challenge.h"
#include "db/db.h"
#include "base/util.h"
#include "vn/calendar.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define VOTER_KDF_ID 5 /* with a context of its own: no other subkey can be the same */
static const char voter_ctx[8] = { 'c', 'o', 'n', 'g', 'v', 'o', 't', 'e' };

int voter_tag(const char *scope, const char *addr, const char *ua, char out[VOTER_TAG_LEN + 1])
{
	unsigned char k[crypto_generichash_KEYBYTES], h[VOTER_TAG_LEN / 2];
	if (!scope || secret_subkey(VOTER_KDF_ID, voter_ctx, k, sizeof(k)))
		return -1;
	if (!addr)
		addr = "";
	if (!ua)
		ua = "";
	crypto_generichash_state st;
	crypto_generichash_init(&st, k, sizeof(k), sizeof(h));
	/* each part with its NUL: "a" + "bc" and "ab" + "c" differ */
	crypto_generichash_update(&st, (const unsigned char *)scope, strlen(scope) + 1);
	crypto_generichash_update(&st, (const unsigned char *)addr, strlen(addr) + 1);
	crypto_generichash_update(&st, (const unsigned char *)ua, strlen(ua) + 1);
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_memzero(k, sizeof(k));
	sodium_bin2hex(out, VOTER_TAG_LEN + 1, h, sizeof(h));
	return 0;
}

void poll_check(const struct kind *k, json_t *fields, struct errs *e)
{
	(void)k;
	int32_t from = kind_day(kind_text(fields, "mo_tu")), to = kind_day(kind_text(fields, "dong_vao"));
	if (from && to && to < from)
		errs_add(e, "dong_vao", "poll_close_before_open");
}

int poll_check_store(struct db *db, const char *data_dir, int64_t site_id, int64_t item_id, const struct kind *k,
		     json_t *fields, struct errs *e)
{
	(void)data_dir;
	(void)site_id;
	(void)k;
	if (!item_id)
		return 0;
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM poll_votes WHERE item_id = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, item_id);
	int64_t votes = 0;
	db_one_int(st, &votes);
	if (!votes)
		return 0;
	st = db_stmt(db, "SELECT fields FROM items WHERE id = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, item_id);
	json_t *row = db_one_json(st);
	json_t *old = row ? json_loads(json_string_value(json_object_get(row, "fields")), 0, NULL) : NULL;
	json_decref(row);
	size_t had = json_array_size(json_object_get(old, "lua_chon"));
	json_decref(old);
	if (had && json_array_size(json_object_get(fields, "lua_chon")) != had)
		errs_add(e, "lua_chon", "poll_choices_locked");
	return 0;
}

int poll_phase(json_t *fields, int64_t now, int64_t *opens, int64_t *closes)
{
	int32_t from = kind_day(kind_text(fields, "mo_tu")), to = kind_day(kind_text(fields, "dong_vao"));
	int64_t o = from ? vn_time_of_days(from) : 0, c = to ? vn_time_of_days(to + 1) : INT64_MAX;
	if (opens)
		*opens = o;
	if (closes)
		*closes = c;
	return now < o ? -1 : now >= c ? 1 : 0;
}

static void scope_of(int64_t item_id, char *buf, size_t n)
{
	snprintf(buf, n, "poll:%lld", (long long)item_id);
}

/* The close moment as people read it: "24:00 ngày 31/12/2026" is "hết ngày 31/12/2026". */
static void close_text(json_t *fields, char *buf, size_t n)
{
	char d[11] = "";
	int32_t to = kind_day(kind_text(fields, "dong_vao"));
	if (to)
		vn_day_dmy(to, d);
	snprintf(buf, n, "%s", d);
}

int poll_vote(struct db *db, int64_t site_id, int64_t item_id, const char *choice, const char *addr, const char *ua,
	      const char *challenge, int64_t now, struct errs *e)
{
	json_t *row = item_get_public(db, site_id, "poll", item_id);
	if (!row)
		return M_NOTFOUND;
	json_t *f = json_object_get(row, "f");
	json_t *choices = json_object_get(f, "lua_chon");
	int rc = M_INVALID, phase = poll_phase(f, now, NULL, NULL);
	char msg[160], scope[48], tag[VOTER_TAG_LEN + 1];
	if (phase > 0) {
		char d[16];
		close_text(f, d, sizeof(d));
		snprintf(msg, sizeof(msg), "Cuộc thăm dò đã kết thúc lúc 24:00 ngày %s; không nhận thêm ý kiến.", d);
		errs_add_text(e, "poll", "poll_closed", msg);
		goto out;
	}
	if (phase < 0) {
		char d[11];
		vn_day_dmy(kind_day(kind_text(f, "mo_tu")), d);
		snprintf(msg, sizeof(msg), "Cuộc thăm dò bắt đầu nhận ý kiến từ ngày %s.", d);
		errs_add_text(e, "poll", "poll_not_open", msg);
		goto out;
	}
	char *end = NULL;
	long idx = choice && *choice ? strtol(choice, &end, 10) : -1;
	if (!choice || !*choice) {
		errs_add(e, "lua_chon", "poll_choice_required");
		goto out;
	}
	if (*end || idx < 0 || (size_t)idx >= json_array_size(choices)) {
		errs_add(e, "lua_chon", "poll_choice_invalid");
		goto out;
	}
	scope_of(item_id, scope, sizeof(scope));
	if (voter_tag(scope, addr, ua, tag)) {
		rc = M_ERROR;
		goto out;
	}
	if (db_begin(db)) {
		rc = M_ERROR;
		goto out;
	}
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM poll_votes WHERE item_id = ? AND voter = ?");
	if (!st) {
		db_rollback(db);
		rc = M_ERROR;
		goto out;
	}
	db_bind_int(st, 1, item_id);
	db_bind_text(st, 2, tag);
	int voted = db_step(st) == DB_ROW;
	db_reset(st);
	if (voted) {
		db_rollback(db);
		errs_add(e, "poll", "poll_voted");
		goto out;
	}
	if (challenge) {
		int spent = challenge_spend(db, challenge, now);
		if (spent) {
			db_rollback(db);
			if (spent > 0)
				errs_add(e, "challenge", "challenge_used");
			else
				rc = M_ERROR;
			goto out;
		}
	}
	char obj[32];
	snprintf(obj, sizeof(obj), "%lld", (long long)item_id);
	st = db_stmt(db, "INSERT INTO poll_votes (item_id, voter, choice, day) VALUES (?, ?, ?, ?)");
	if (st) {
		db_bind_int(st, 1, item_id);
		db_bind_text(st, 2, tag);
		db_bind_int(st, 3, idx);
		db_bind_int(st, 4, vn_days_of_time(now));
	}
	/* the audit record says a vote was cast on the poll, not which choice nor by whom */
	if (!st || db_step_done(st) || audit_write(db, &(struct actor){ .address = "" }, site_id, "poll.vote", obj, "") ||
	    db_commit(db)) {
		db_rollback(db);
		rc = M_ERROR;
		goto out;
	}
	rc = M_OK;
out:
	json_decref(row);
	return rc;
}

json_t *poll_view(struct db *db, int64_t item_id, json_t *fields, const char *addr, const char *ua, int64_t now)
{
	int64_t opens, closes;
	int phase = poll_phase(fields, now, &opens, &closes);
	json_t *choices = json_object_get(fields, "lua_chon");
	size_t n = json_array_size(choices);
	char scope[48], tag[VOTER_TAG_LEN + 1];
	scope_of(item_id, scope, sizeof(scope));
	int my = -1;
	/* only while it is open: a closed poll's page is the same for everyone (and cached) */
	if (phase == 0 && voter_tag(scope, addr, ua, tag) == 0) {
		struct db_stmt *st = db_stmt(db, "SELECT choice FROM poll_votes WHERE item_id = ? AND voter = ?");
		if (!st)
			return NULL;
		db_bind_int(st, 1, item_id);
		db_bind_text(st, 2, tag);
		int64_t choice = -1;
		db_one_int(st, &choice);
		my = (int)choice;
	}
	int after_close = strcmp(kind_text(fields, "hien_ket_qua"), "sau-khi-dong") == 0;
	int show = phase > 0 || (!after_close && my >= 0);
	int64_t *count = calloc(n ? n : 1, sizeof(int64_t)), total = 0;
	if (show) {
		struct db_stmt *st = db_stmt(db, "SELECT choice, count(*) FROM poll_votes WHERE item_id = ? GROUP BY choice");
		if (!st) {
			free(count);
			return NULL;
		}
		db_bind_int(st, 1, item_id);
		while (db_step(st) == DB_ROW) {
			int c = (int)db_col_int(st, 0);
			if (c >= 0 && (size_t)c < n) { /* rows beyond the choices cannot be (poll_check_store) */
				count[c] = db_col_int(st, 1);
				total += count[c];
			}
		}
		db_reset(st);
	}
	char d1[11] = "", d2[11] = "", iso[11] = "";
	int32_t from = kind_day(kind_text(fields, "mo_tu")), to = kind_day(kind_text(fields, "dong_vao"));
	if (from)
		vn_day_dmy(from, d1);
	if (to) {
		vn_day_dmy(to, d2);
		snprintf(iso, sizeof(iso), "%s", kind_text(fields, "dong_vao"));
	}
	json_t *res = json_array(), *ch = json_array();
	for (size_t i = 0; i < n; i++) {
		const char *label = kind_text(json_array_get(choices, i), "nhan");
		json_array_append_new(ch, json_pack("{sIssss}", "index", (json_int_t)i, "label", label, "id",
						    "")); /* id set below */
		char id[40];
		snprintf(id, sizeof(id), "lua-chon-%zu", i);
		json_object_set_new(json_array_get(ch, i), "id", json_string(id));
		if (my >= 0 && (size_t)my == i)
			json_object_set_new(json_array_get(ch, i), "checked", json_true());
		if (show) {
			/* one decimal, Vietnamese comma: 33,3 % */
			int64_t permille = total ? (count[i] * 1000 + total / 2) / total : 0;
			char pct[24];
			snprintf(pct, sizeof(pct), "%lld,%lld", (long long)(permille / 10), (long long)(permille % 10));
			json_array_append_new(res, json_pack("{sIsssIsIss}", "index", (json_int_t)i, "label", label, "votes",
							     (json_int_t)count[i], "percent", (json_int_t)(permille / 10),
							     "percent_text", pct));
		}
	}
	free(count);
	json_t *v = json_pack("{sssssssssbsbsbsIsoso}", "phase", phase < 0 ? "not_open" : phase > 0 ? "closed" : "open",
			      "opens", d1, "closes", d2, "closes_iso", iso, "voted", my >= 0, "show_results", show,
			      "after_close", after_close, "total", (json_int_t)total, "results", res, "choices", ch);
	json_object_set_new(v, "is_open", json_boolean(phase == 0));
	json_object_set_new(v, "is_closed", json_boolean(phase > 0));
	json_object_set_new(v, "not_open", json_boolean(phase < 0));
	if (my >= 0 && (size_t)my < n)
		json_object_set_new(v, "my_choice", json_string(kind_text(json_array_get(choices, (size_t)my), "nhan")));
	return v;
}
