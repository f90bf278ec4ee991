/* rating.c — the readers' satisfaction rating of a site (rating.h; docs/ratings-polls.md). */
#include "model.h"
#include "rating.h"
#include "poll.h"
#include "pdata.h"
#include "challenge.h"
#include "db/db.h"
#include "base/util.h"
#include "vn/calendar.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

const char *const rating_keys[RATING_NCRIT] = { "giao_dien", "noi_dung", "chat_luong", "ho_tro" };
const char *const rating_labels[RATING_NCRIT] = { "Giao diện", "Nội dung thông tin", "Chất lượng dịch vụ",
						   "Hỗ trợ người dùng" };

/* "YYYY-MM" of NOW in Vietnam. */
static void month_of(int64_t now, char out[8])
{
	vn_date d = vn_days_to_date(vn_days_of_time(now));
	char b[32];
	snprintf(b, sizeof(b), "%04d-%02d", d.y, d.m);
	memcpy(out, b, 7);
	out[7] = '\0';
}

/* Characters (code points) of UTF-8 S. */
static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

int rating_submit(struct db *db, int64_t site_id, const struct rating_input *in, int64_t now, struct errs *e,
		  int *replaced)
{
	int score[RATING_NCRIT];
	for (int i = 0; i < RATING_NCRIT; i++) {
		const char *s = in->score[i];
		score[i] = s && s[0] >= '1' && s[0] <= '5' && !s[1] ? s[0] - '0' : 0;
		if (!score[i])
			errs_add(e, rating_keys[i], s && *s ? "rating_score_invalid" : "rating_score_required");
	}
	const char *comment = in->comment ? in->comment : "";
	while (*comment == ' ' || *comment == '\n' || *comment == '\r' || *comment == '\t')
		comment++;
	if (chars(comment) > RATING_COMMENT_MAX)
		errs_add(e, "y_kien", "rating_comment_long");
	if (e->n)
		return M_INVALID;
	char period[8], scope[64], tag[VOTER_TAG_LEN + 1];
	month_of(now, period);
	snprintf(scope, sizeof(scope), "rating:%lld:%s", (long long)site_id, period);
	if (voter_tag(scope, in->addr, in->ua, tag))
		return M_ERROR;
	char *sealed = *comment ? pdata_seal(comment) : NULL;
	if (*comment && !sealed)
		return M_ERROR;
	int rc = M_ERROR;
	if (db_begin(db))
		goto out;
	int refused = challenge_take(db, in->challenge, now, e);
	if (refused) {
		db_rollback(db);
		rc = refused;
		goto out;
	}
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM ratings WHERE site_id = ? AND period = ? AND voter = ?");
	if (!st) {
		db_rollback(db);
		goto out;
	}
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, period);
	db_bind_text(st, 3, tag);
	int had = db_step(st) == DB_ROW;
	db_reset(st);
	/* a second rating in the month replaces the first: the month counts the browser once */
	st = db_stmt(db, "INSERT INTO ratings (site_id, period, voter, interface, content, quality, support, comment, day)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (site_id, period, voter) DO UPDATE SET"
			 " interface = excluded.interface, content = excluded.content, quality = excluded.quality,"
			 " support = excluded.support, comment = excluded.comment, day = excluded.day");
	if (st) {
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, period);
		db_bind_text(st, 3, tag);
		for (int i = 0; i < RATING_NCRIT; i++)
			db_bind_int(st, 4 + i, score[i]);
		db_bind_text(st, 8, sealed);
		db_bind_int(st, 9, vn_days_of_time(now));
	}
	if (!st || db_step_done(st) ||
	    audit_write(db, &(struct actor){ .address = "" }, site_id, had ? "rating.replace" : "rating.submit", period, "") ||
	    db_commit(db)) {
		db_rollback(db);
		goto out;
	}
	if (replaced)
		*replaced = had;
	rc = M_OK;
out:
	if (sealed) {
		sodium_memzero(sealed, strlen(sealed));
		free(sealed);
	}
	return rc;
}

static const char *const roman[] = { "I", "II", "III", "IV" };

int rating_period(const char *p, char from[8], char to[8], char *label, size_t n)
{
	if (!p)
		return -1;
	size_t len = strlen(p);
	for (size_t i = 0; i < 4; i++)
		if (len < 4 || p[i] < '0' || p[i] > '9')
			return -1;
	int y = atoi(p);
	if (y < 2000 || y > 2100)
		return -1;
	if (len == 4) {
		snprintf(from, 8, "%04d-01", y);
		snprintf(to, 8, "%04d-12", y);
		snprintf(label, n, "Năm %d", y);
		return 0;
	}
	if (len == 7 && p[4] == '-' && p[5] == 'Q' && p[6] >= '1' && p[6] <= '4') {
		int q = p[6] - '0';
		snprintf(from, 8, "%04d-%02d", y, q * 3 - 2);
		snprintf(to, 8, "%04d-%02d", y, q * 3);
		snprintf(label, n, "Quý %s/%d", roman[q - 1], y);
		return 0;
	}
	if (len == 7 && p[4] == '-' && p[5] >= '0' && p[5] <= '1' && p[6] >= '0' && p[6] <= '9') {
		int m = (p[5] - '0') * 10 + p[6] - '0';
		if (m < 1 || m > 12)
			return -1;
		snprintf(from, 8, "%04d-%02d", y, m);
		snprintf(to, 8, "%04d-%02d", y, m);
		snprintf(label, n, "Tháng %d/%d", m, y);
		return 0;
	}
	return -1;
}

/* SUM/N with two decimals and a Vietnamese comma ("4,25"); "—" when N is 0. */
static json_t *avg_text(int64_t sum, int64_t n)
{
	if (!n)
		return json_string("—");
	int64_t c = (sum * 100 + n / 2) / n;
	char b[32];
	snprintf(b, sizeof(b), "%lld,%02lld", (long long)(c / 100), (long long)(c % 100));
	return json_string(b);
}

static json_t *avg_num(int64_t sum, int64_t n)
{
	return json_real(n ? (double)((sum * 100 + n / 2) / n) / 100.0 : 0.0);
}

json_t *rating_report(struct db *db, const struct actor *a, int64_t site_id, const char *from, const char *to,
		      int with_comments, int sites)
{
	if (!user_role_on(db, a, site_id))
		return NULL;
	/* the counts of each score of each criterion: at most 625 groups, whatever the number of ratings */
	struct db_stmt *st = db_stmt(db, "SELECT interface, content, quality, support, count(*) FROM ratings"
				       " WHERE site_id = ?1 AND period >= ?2 AND period <= ?3 GROUP BY interface, content, quality, support");
	if (!st)
		return NULL;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	int64_t counts[RATING_NCRIT][6] = { { 0 } }, total = 0;
	while (db_step(st) == DB_ROW) {
		int64_t n = db_col_int(st, 4);
		for (int i = 0; i < RATING_NCRIT; i++) {
			int s = (int)db_col_int(st, i);
			if (s >= 1 && s <= 5)
				counts[i][s] += n;
		}
		total += n;
	}
	db_reset(st);
	json_t *crit = json_array();
	int64_t all_sum = 0;
	for (int i = 0; i < RATING_NCRIT; i++) {
		int64_t sum = 0;
		json_t *cs = json_array();
		for (int s = 5; s >= 1; s--) {
			sum += counts[i][s] * s;
			json_array_append_new(cs, json_pack("{sisI}", "score", s, "n", (json_int_t)counts[i][s]));
		}
		all_sum += sum;
		json_array_append_new(crit, json_pack("{sssssoso so}", "key", rating_keys[i], "label", rating_labels[i],
						      "average", avg_num(sum, total), "average_text", avg_text(sum, total),
						      "counts", cs));
	}
	json_t *out = json_pack("{sIso so}", "count", (json_int_t)total, "criteria", crit, "overall_text",
				avg_text(all_sum, total * RATING_NCRIT));
	st = db_stmt(db, "SELECT period, count(*) AS n, sum(interface + content + quality + support) AS s FROM ratings"
			 " WHERE site_id = ?1 AND period >= ?2 AND period <= ?3 GROUP BY period ORDER BY period");
	if (!st)
		goto fail;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	json_t *months = json_array();
	while (db_step(st) == DB_ROW) {
		int64_t n = db_col_int(st, 1), s = db_col_int(st, 2);
		json_array_append_new(months, json_pack("{sssIso}", "period", db_col_text(st, 0), "count",
							(json_int_t)n, "average_text", avg_text(s, n * RATING_NCRIT)));
	}
	db_reset(st);
	json_object_set_new(out, "months", months);
	if (sites) {
		st = db_stmt(db, "SELECT s.id, s.name, count(r.id) AS n, coalesce(sum(r.interface), 0), coalesce(sum(r.content), 0),"
				 " coalesce(sum(r.quality), 0), coalesce(sum(r.support), 0) FROM sites s LEFT JOIN ratings r"
				 " ON r.site_id = s.id AND r.period >= ?1 AND r.period <= ?2 GROUP BY s.id, s.name ORDER BY s.id");
		if (!st)
			goto fail;
		db_bind_text(st, 1, from);
		db_bind_text(st, 2, to);
		json_t *rows = json_array();
		while (db_step(st) == DB_ROW) {
			int64_t n = db_col_int(st, 2), sum = 0;
			json_t *avgs = json_array();
			for (int i = 0; i < RATING_NCRIT; i++) {
				int64_t s = db_col_int(st, 3 + i);
				sum += s;
				json_array_append_new(avgs, json_pack("{soso}", "average_text", avg_text(s, n), "average",
								      avg_num(s, n)));
			}
			json_array_append_new(rows, json_pack("{sIsssIsoso}", "site_id", (json_int_t)db_col_int(st, 0),
							      "name", db_col_text(st, 1), "count",
							      (json_int_t)n, "averages", avgs, "overall_text",
							      avg_text(sum, n * RATING_NCRIT)));
		}
		db_reset(st);
		json_object_set_new(out, "sites", rows);
	}
	if (with_comments) {
		st = db_stmt(db, "SELECT day, comment, interface, content, quality, support FROM ratings WHERE site_id = ?1"
				 " AND period >= ?2 AND period <= ?3 AND comment IS NOT NULL ORDER BY day DESC, id DESC LIMIT 500");
		if (!st)
			goto fail;
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, from);
		db_bind_text(st, 3, to);
		json_t *cm = json_array();
		while (db_step(st) == DB_ROW) {
			char *text = pdata_open(db_col_text(st, 1));
			if (!text)
				continue;
			char d[11];
			vn_day_dmy((int32_t)db_col_int(st, 0), d);
			char sc[32];
			snprintf(sc, sizeof(sc), "%d · %d · %d · %d", (int)db_col_int(st, 2), (int)db_col_int(st, 3),
				 (int)db_col_int(st, 4), (int)db_col_int(st, 5));
			json_array_append_new(cm, json_pack("{ssssss}", "day", d, "text", text, "scores", sc));
			sodium_memzero(text, strlen(text));
			free(text);
		}
		db_reset(st);
		json_object_set_new(out, "comments", cm);
		char obj[24];
		snprintf(obj, sizeof(obj), "%s..%s", from, to);
		/* the comments may name someone: who read them, and when, is recorded */
		if (json_array_size(cm) && audit_write(db, a, site_id, "rating.comments_view", obj, ""))
			goto fail;
	}
	return out;
fail:
	json_decref(out);
	return NULL;
}

int rating_purge(struct db *db, int64_t now)
{
	char *s = db_setting_get(db, "rating_comment_days");
	int days = s && *s ? atoi(s) : 365;
	free(s);
	if (days <= 0)
		days = 365;
	struct db_stmt *st = db_stmt(db, "UPDATE ratings SET comment = NULL WHERE comment IS NOT NULL AND day < ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, vn_days_of_time(now) - days);
	if (db_step_done(st))
		return -1;
	return db_changes(db);
}
