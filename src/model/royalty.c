/* royalty.c — royalties (nhuận bút) of published items: genres, entries, shares, periods and
 * their statements (royalty.h, docs/royalties.md). */
#include "internal.h"
#include "royalty.h"
#include "pdata.h"
#include "db/db.h"
#include "base/arena.h"
#include "base/sb.h"
#include "base/util.h"
#include "vn/calendar.h"
#include "vn/money.h"
#include "vn/numwords.h"
#include "vn/slug.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

/* regulations.md §Royalties: "Translation 40–65% of the same genre; lyrics/subtitles of media
 * 20–50%; for children or ethnic minorities +10–20%; written in a foreign or minority language
 * +30–50%; hard conditions up to +100%." */
const struct royalty_modifier royalty_modifiers[ROYALTY_MODS_MAX] = {
	{ "dich", "roy_mod_dich", 40, 65, 1 },
	{ "phu-de", "roy_mod_phu_de", 20, 50, 1 },
	{ "thieu-nhi", "roy_mod_thieu_nhi", 10, 20, 0 },
	{ "ngoai-ngu", "roy_mod_ngoai_ngu", 30, 50, 0 },
	{ "kho-khan", "roy_mod_kho_khan", 1, 100, 0 },
};
/* The form's field of each modifier (errors are shown next to it). */
static const char *const mod_field[ROYALTY_MODS_MAX] = { "mod_dich", "mod_phu-de", "mod_thieu-nhi", "mod_ngoai-ngu",
							  "mod_kho-khan" };

const char *const royalty_roles[4] = { "author", "photographer", "translator", "editor" };

#define DAY 86400

/* ---- the arithmetic ---- */

int64_t royalty_amount(int64_t coef, int64_t unit_value, const struct royalty_mod *m, size_t n)
{
	int64_t p = 100, q = 0;
	for (size_t i = 0; i < n; i++) {
		if (m[i].idx < 0 || m[i].idx >= ROYALTY_MODS_MAX)
			continue;
		if (royalty_modifiers[m[i].idx].replaces)
			p = m[i].pct;
		else
			q += m[i].pct;
	}
	/* at most 10000 tenths × 10^9 đồng × 100 × 400: well inside int64 */
	int64_t num = coef * unit_value * p * (100 + q);
	return (num + 50000) / 100000;
}

void royalty_split(int64_t amount, const int64_t *shares, size_t n, int64_t *out)
{
	int neg = amount < 0;
	int64_t a = neg ? -amount : amount, left = a;
	int64_t rem[ROYALTY_SHARES_MAX];
	if (n > ROYALTY_SHARES_MAX)
		n = ROYALTY_SHARES_MAX;
	for (size_t i = 0; i < n; i++) {
		out[i] = a / 1000 * shares[i] + a % 1000 * shares[i] / 1000; /* no overflow of a × share */
		rem[i] = a % 1000 * shares[i] % 1000;
		left -= out[i];
	}
	while (left > 0 && n > 0) {
		size_t best = 0;
		for (size_t i = 1; i < n; i++)
			if (rem[i] > rem[best])
				best = i;
		if (rem[best] < 0)
			break; /* the shares do not add up to 1000: nothing more to give */
		out[best]++;
		rem[best] = -1; /* one đồng each */
		left--;
	}
	if (neg)
		for (size_t i = 0; i < n; i++)
			out[i] = -out[i];
}

int royalty_parse_coef(const char *s, int64_t max, int64_t *out)
{
	int64_t whole = 0, tenth = 0;
	const char *p = s;
	if (!s)
		return -1;
	while (*p == ' ')
		p++;
	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		whole = whole * 10 + (*p - '0');
		if (whole > 100000)
			return -1;
	}
	if (*p == ',' || *p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return -1;
		tenth = *p++ - '0';
	}
	while (*p == ' ')
		p++;
	if (*p)
		return -1; /* hundredths and anything else are refused, never rounded */
	int64_t v = whole * 10 + tenth;
	if (v < 1 || v > max)
		return -1;
	*out = v;
	return 0;
}

char *royalty_coef_text(int64_t tenths, char *buf, size_t n)
{
	if (tenths % 10)
		snprintf(buf, n, "%lld,%lld", (long long)(tenths / 10), (long long)(tenths % 10));
	else
		snprintf(buf, n, "%lld", (long long)(tenths / 10));
	return buf;
}

int royalty_caps_check(int64_t total, int64_t fee, int64_t bonus, struct errs *e)
{
	int bad = 0;
	if (fee * 100 > total * ROYALTY_FEE_CAP_PCT) {
		errs_add(e, "fee_total", "roy_fee_cap");
		bad = 1;
	}
	if (bonus * 100 > total * ROYALTY_BONUS_CAP_PCT) {
		errs_add(e, "bonus_fund", "roy_bonus_cap");
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* ---- helpers ---- */

static int64_t main_id(struct db *db)
{
	json_t *m = site_main(db);
	int64_t id = m ? json_integer_value(json_object_get(m, "id")) : 0;
	json_decref(m);
	return id;
}

static int may_view(struct db *db, const struct actor *a, int64_t site_id)
{
	if (a->sysadmin)
		return 1;
	if (site_id)
		return actor_level(db, a, site_id) >= LVL_APPROVER;
	int64_t m = main_id(db);
	return m && actor_level(db, a, m) >= LVL_APPROVER;
}

static int64_t one_int(struct db_stmt *st, int64_t def)
{
	int64_t v = def;
	db_one_int(st, &v);
	return v;
}

static void unit_settings(struct db *db, int64_t site_id, int64_t *unit, char period[8])
{
	struct db_stmt *st = db_stmt(db, "SELECT unit_value, period FROM royalty_site_settings WHERE site_id = ?");
	*unit = ROYALTY_UNIT_DEFAULT;
	snprintf(period, 8, "month");
	if (!st)
		return;
	db_bind_int(st, 1, site_id);
	if (db_step(st) == DB_ROW) {
		*unit = db_col_int(st, 0);
		snprintf(period, 8, "%s", db_col_text(st, 1));
	}
	db_reset(st);
}

/* The bounds of the month or quarter of DAY. */
static void period_bounds(int32_t day, const char *kind, int32_t *start, int32_t *end)
{
	vn_date d = vn_days_to_date(day);
	int m0 = strcmp(kind, "quarter") == 0 ? (d.m - 1) / 3 * 3 + 1 : d.m;
	int m1 = strcmp(kind, "quarter") == 0 ? m0 + 3 : m0 + 1;
	vn_date s = { d.y, m0, 1 }, n = { m1 > 12 ? d.y + 1 : d.y, m1 > 12 ? m1 - 12 : m1, 1 };
	*start = vn_date_to_days(s);
	*end = vn_date_to_days(n) - 1;
}

/* "Tháng 11/2026", "Quý IV/2026" of a period starting on START. */
static void period_label(const char *kind, int32_t start, char *buf, size_t n)
{
	static const char *const q[4] = { "I", "II", "III", "IV" };
	vn_date d = vn_days_to_date(start);
	if (strcmp(kind, "quarter") == 0)
		snprintf(buf, n, "Quý %s/%d", q[(d.m - 1) / 3 % 4], d.y);
	else
		snprintf(buf, n, "Tháng %d/%d", d.m, d.y);
}

/* The period of SITE_ID holding DAY, made with the site's settings when there is none (clipped
 * to the periods around it, when the site changed from months to quarters). Inside the caller's
 * transaction. 0, or -1. */
static int period_for_day(struct db *db, int64_t site_id, int32_t day, int64_t *id, int *paid)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, state FROM royalty_periods WHERE site_id = ? AND start_day <= ?2 AND end_day >= ?2");
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, day);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		*id = db_col_int(st, 0);
		*paid = strcmp(db_col_text(st, 1), "paid") == 0;
		db_reset(st);
		return 0;
	}
	db_reset(st);
	if (rc != DB_DONE)
		return -1;
	int64_t unit;
	char kind[8];
	int32_t start, end;
	unit_settings(db, site_id, &unit, kind);
	period_bounds(day, kind, &start, &end);
	int64_t v = start - 1;
	st = db_stmt(db, "SELECT max(end_day) FROM royalty_periods WHERE site_id = ? AND end_day >= ? AND end_day < ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, start);
	db_bind_int(st, 3, day);
	if (db_one_int(st, &v) < 0)
		return -1;
	if (v >= start)
		start = (int32_t)v + 1;
	v = end + 1;
	st = db_stmt(db, "SELECT min(start_day) FROM royalty_periods WHERE site_id = ? AND start_day > ? AND start_day <= ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, day);
	db_bind_int(st, 3, end);
	if (db_one_int(st, &v) < 0)
		return -1;
	if (v > day && v <= end)
		end = (int32_t)v - 1;
	st = db_stmt(db, "INSERT INTO royalty_periods (site_id, kind, start_day, end_day, unit_value, created_at)"
			 " VALUES (?, ?, ?, ?, ?, ?)");
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, kind);
	db_bind_int(st, 3, start);
	db_bind_int(st, 4, end);
	db_bind_int(st, 5, unit);
	db_bind_int(st, 6, time_now());
	if (db_step_done(st))
		return -1;
	*id = db_last_id(db);
	*paid = 0;
	return 0;
}

/* Modifiers stored as JSON text into M; how many. */
static size_t mods_parse(const char *text, struct royalty_mod *m)
{
	json_t *arr = json_loads(text ? text : "[]", 0, NULL), *x;
	size_t i, n = 0;
	json_array_foreach(arr, i, x) {
		const char *code = json_string_value(json_object_get(x, "code"));
		for (int k = 0; code && k < ROYALTY_MODS_MAX && n < ROYALTY_MODS_MAX; k++)
			if (strcmp(royalty_modifiers[k].code, code) == 0) {
				m[n].idx = k;
				m[n].pct = (int)json_integer_value(json_object_get(x, "pct"));
				n++;
			}
	}
	json_decref(arr);
	return n;
}

static char *mods_text(const struct royalty_mod *m, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{sssi}", "code", royalty_modifiers[m[i].idx].code, "pct", m[i].pct));
	char *s = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	return s;
}

/* The genre names and maxima of SITE_ID by code (1..8; index 0 unused). */
struct genres {
	char name[ROYALTY_GENRES + 1][256];
	int64_t max[ROYALTY_GENRES + 1];
	int own[ROYALTY_GENRES + 1];
};

static int genres_load(struct db *db, int64_t site_id, struct genres *g)
{
	memset(g, 0, sizeof(*g));
	struct db_stmt *st = db_stmt(db, "SELECT code, name, max_coef, site_id FROM royalty_genres"
				       " WHERE site_id IS NULL OR site_id = ? ORDER BY site_id IS NOT NULL, code");
	if (!st)
		return -1;
	db_bind_int(st, 1, site_id);
	while (db_step(st) == DB_ROW) {
		int64_t c = db_col_int(st, 0);
		if (c < 1 || c > ROYALTY_GENRES)
			continue;
		snprintf(g->name[c], sizeof(g->name[c]), "%s", db_col_text(st, 1));
		g->max[c] = db_col_int(st, 2);
		g->own[c] = !db_col_null(st, 3);
	}
	db_reset(st);
	return 0;
}

/* The total of a period's entries. */
static int64_t period_total(struct db *db, int64_t period_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT coalesce(sum(amount), 0) FROM royalty_entries WHERE period_id = ?");
	if (!st)
		return 0;
	db_bind_int(st, 1, period_id);
	return one_int(st, 0);
}

struct period {
	int64_t id, site_id, unit_value, fee, bonus;
	int32_t start, end;
	int paid;
	char kind[8];
};

static int period_get(struct db *db, int64_t site_id, int64_t id, struct period *p)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, site_id, unit_value, fee_total, bonus_fund, start_day, end_day, state, kind"
				       " FROM royalty_periods WHERE id = ? AND site_id = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		p->id = db_col_int(st, 0);
		p->site_id = db_col_int(st, 1);
		p->unit_value = db_col_int(st, 2);
		p->fee = db_col_int(st, 3);
		p->bonus = db_col_int(st, 4);
		p->start = (int32_t)db_col_int(st, 5);
		p->end = (int32_t)db_col_int(st, 6);
		p->paid = strcmp(db_col_text(st, 7), "paid") == 0;
		snprintf(p->kind, sizeof(p->kind), "%s", db_col_text(st, 8));
	}
	db_reset(st);
	return rc == DB_ROW ? 0 : -1;
}

/* ---- genres, settings, people ---- */

json_t *royalty_genres(struct db *db, const struct actor *a, int64_t site_id)
{
	struct genres g;
	if (!may_view(db, a, site_id) || genres_load(db, site_id, &g))
		return NULL;
	json_t *out = json_array();
	for (int c = 1; c <= ROYALTY_GENRES; c++) {
		char lbl[24];
		json_array_append_new(out, json_pack("{sisssIsssb}", "code", c, "name", g.name[c], "max_coef", (json_int_t)g.max[c],
						     "max_label", royalty_coef_text(g.max[c], lbl, sizeof(lbl)), "is_default", !g.own[c]));
	}
	return out;
}

int royalty_genre_set(struct db *db, const struct actor *a, int64_t site_id, int code, const char *name,
		      const char *max_coef, struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	if (code < 1 || code > ROYALTY_GENRES)
		return M_NOTFOUND;
	int64_t max = 0;
	char *nm = text_clean(name, 0);
	if (!nm || !*nm || strlen(nm) > 200)
		errs_add(e, "name", "roy_genre_name");
	if (royalty_parse_coef(max_coef, 10000, &max))
		errs_add(e, "max_coef", "roy_genre_max");
	if (e->n) {
		free(nm);
		return M_INVALID;
	}
	int rc = M_ERROR;
	char obj[32], detail[320], lbl[24];
	if (db_begin(db))
		goto out;
	struct db_stmt *st = db_stmt(db, "DELETE FROM royalty_genres WHERE site_id = ? AND code = ?");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, code);
	if (db_step_done(st))
		goto rollback;
	st = db_stmt(db, "INSERT INTO royalty_genres (site_id, code, name, max_coef, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, code);
	db_bind_text(st, 3, nm);
	db_bind_int(st, 4, max);
	db_bind_int(st, 5, a->id);
	db_bind_int(st, 6, time_now());
	if (db_step_done(st))
		goto rollback;
	snprintf(obj, sizeof(obj), "royalty_genre:%d", code);
	snprintf(detail, sizeof(detail), "%s; max %s", nm, royalty_coef_text(max, lbl, sizeof(lbl)));
	if (audit_write(db, a, site_id, "royalty.genre", obj, detail) || db_commit(db))
		goto rollback;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	free(nm);
	return rc;
}

json_t *royalty_settings(struct db *db, int64_t site_id)
{
	int64_t unit;
	char period[8];
	unit_settings(db, site_id, &unit, period);
	return json_pack("{sIss}", "unit_value", (json_int_t)unit, "period", period);
}

int royalty_settings_set(struct db *db, const struct actor *a, int64_t site_id, const char *unit_value,
			 const char *period, struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	int64_t unit = 0;
	if (!unit_value || vn_money_parse(unit_value, &unit) || unit < 1 || unit > ROYALTY_UNIT_MAX)
		errs_add(e, "unit_value", "roy_unit_invalid");
	if (!period || (strcmp(period, "month") != 0 && strcmp(period, "quarter") != 0))
		errs_add(e, "period", "roy_period_invalid");
	if (e->n)
		return M_INVALID;
	char detail[64];
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "INSERT INTO royalty_site_settings (site_id, unit_value, period, updated_by, updated_at)"
				       " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (site_id) DO UPDATE SET unit_value = ?2,"
				       " period = ?3, updated_by = ?4, updated_at = ?5");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, unit);
	db_bind_text(st, 3, period);
	db_bind_int(st, 4, a->id);
	db_bind_int(st, 5, time_now());
	snprintf(detail, sizeof(detail), "%lld đ; %s", (long long)unit, period);
	if (db_step_done(st) || audit_write(db, a, site_id, "royalty.settings", "royalty_settings", detail) || db_commit(db))
		goto rollback;
	return M_OK;
rollback:
	db_rollback(db);
	return M_ERROR;
}

/* Adds a person (ID 0; its id in *OUT) or replaces person ID's data: royalty_person_add's and
 * royalty_person_update's one body. */
static int person_save(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
		       const struct royalty_person_input *in, struct errs *e, int64_t *out)
{
	if (actor_level(db, a, site_id) < LVL_APPROVER)
		return M_DENIED;
	static const char *const keys[4] = { "name", "unit", "tax_code", "account" };
	const char *vals[4] = { in->name, in->unit, in->tax_code, in->account };
	json_t *o = json_object();
	for (int i = 0; i < 4; i++) {
		char *v = text_clean(vals[i], 0);
		if (!v || strlen(v) > 300)
			errs_add(e, keys[i], "roy_text_invalid");
		else if (i == 0 && !*v)
			errs_add(e, "name", "roy_name_required");
		else
			json_object_set_new(o, keys[i], json_string(v));
		free(v);
	}
	int64_t uid = 0;
	if (in->username && *in->username) {
		uid = user_id_by_name(db, in->username);
		if (!uid)
			errs_add(e, "username", "roy_username_unknown");
	}
	if (e->n) {
		json_decref(o);
		return M_INVALID;
	}
	char *sealed = pdata_seal_json(o);
	json_decref(o);
	int rc = M_ERROR;
	char obj[40];
	struct db_stmt *st;
	if (!sealed || db_begin(db))
		goto out;
	if (id)
		st = db_stmt(db, "UPDATE royalty_people SET user_id = ?2, pdata = ?3 WHERE site_id = ?1 AND id = ?4");
	else
		st = db_stmt(db, "INSERT INTO royalty_people (site_id, user_id, pdata, created_by, created_at) VALUES (?, ?, ?, ?, ?)");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, site_id);
	if (uid)
		db_bind_int(st, 2, uid);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, sealed);
	db_bind_int(st, 4, id ? id : a->id);
	if (!id)
		db_bind_int(st, 5, time_now());
	if (db_step_done(st))
		goto rollback;
	if (id && db_changes(db) == 0) {
		rc = M_NOTFOUND;
		goto rollback;
	}
	*out = id ? id : db_last_id(db);
	snprintf(obj, sizeof(obj), "royalty_person:%lld", (long long)*out);
	/* never the name: the audit log is not sealed */
	if (audit_write(db, a, site_id, id ? "royalty.person.update" : "royalty.person.add", obj, uid ? "account" : "no account") ||
	    db_commit(db))
		goto rollback;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	free(sealed);
	return rc;
}

int royalty_person_add(struct db *db, const struct actor *a, int64_t site_id, const struct royalty_person_input *in,
		       struct errs *e, int64_t *id)
{
	*id = 0;
	return person_save(db, a, site_id, 0, in, e, id);
}

int royalty_person_update(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
			  const struct royalty_person_input *in, struct errs *e)
{
	int64_t out = 0;
	return id > 0 ? person_save(db, a, site_id, id, in, e, &out) : M_NOTFOUND;
}

/* Person ID's data opened: {id, name, unit, tax_code, account, username} ("?" when it does not
 * open). */
static json_t *person_row(struct db_stmt *st)
{
	json_t *o = pdata_open_json(db_col_text(st, 1));
	if (!o)
		o = json_pack("{ss}", "name", "?");
	json_object_set_new(o, "id", json_integer(db_col_int(st, 0)));
	json_object_set_new(o, "username", json_string(db_col_text(st, 2) ? db_col_text(st, 2) : ""));
	return o;
}

json_t *royalty_people(struct db *db, const struct actor *a, int64_t site_id)
{
	if (!may_view(db, a, site_id) || !site_id)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT p.id, p.pdata, u.username FROM royalty_people p LEFT JOIN users u ON u.id = p.user_id"
				       " WHERE p.site_id = ? ORDER BY p.id");
	json_t *out = json_array();
	if (!st)
		return out;
	db_bind_int(st, 1, site_id);
	while (db_step(st) == DB_ROW)
		json_array_append_new(out, person_row(st));
	db_reset(st);
	return out;
}

/* ---- an item's royalty ---- */

/* The input checked: genre and coefficient against GENRES, the modifiers into M (*NM), the shares
 * (when given) into SHARE (tenths). Errors by field. */
static void item_check(struct db *db, int64_t site_id, const struct royalty_item_input *in, const struct genres *g,
		       int64_t *coef, struct royalty_mod *m, size_t *nm, int64_t *share, struct errs *e)
{
	*nm = 0;
	if (in->genre < 1 || in->genre > ROYALTY_GENRES)
		errs_add(e, "genre", "roy_genre_required");
	else if (royalty_parse_coef(in->coef, 100000, coef))
		errs_add(e, "coef", "roy_coef_invalid");
	else if (*coef > g->max[in->genre])
		errs_add(e, "coef", "roy_coef_above_max");
	int replacing = 0;
	for (int k = 0; k < ROYALTY_MODS_MAX; k++) {
		int64_t pct;
		const char *s = in->mod_pct[k];
		if (!s || !*s)
			continue;
		if (parse_i64(s, royalty_modifiers[k].min_pct, royalty_modifiers[k].max_pct, &pct)) {
			errs_add(e, mod_field[k], royalty_modifiers[k].replaces ? "roy_mod_range_of_genre" : "roy_mod_range_added");
			continue;
		}
		if (royalty_modifiers[k].replaces && replacing++) {
			errs_add(e, mod_field[k], "roy_mod_one_replacing");
			continue;
		}
		m[*nm].idx = k;
		m[(*nm)++].pct = (int)pct;
	}
	if (!in->shares_given)
		return;
	int64_t sum = 0;
	for (size_t i = 0; i < in->nshares; i++) {
		const struct royalty_share_input *s = &in->shares[i];
		int role_ok = 0;
		for (size_t r = 0; r < 4; r++)
			role_ok |= s->role && strcmp(s->role, royalty_roles[r]) == 0;
		struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM royalty_people WHERE id = ? AND site_id = ?");
		int64_t n = 0;
		if (st) {
			db_bind_int(st, 1, s->person_id);
			db_bind_int(st, 2, site_id);
			n = one_int(st, 0);
		}
		for (size_t j = 0; j < i; j++)
			if (in->shares[j].person_id == s->person_id && s->role && in->shares[j].role &&
			    strcmp(in->shares[j].role, s->role) == 0)
				n = 0; /* twice in one role */
		if (!n || !role_ok || royalty_parse_coef(s->share, 1000, &share[i])) {
			errs_add(e, "shares", "roy_share_invalid");
			return;
		}
		sum += share[i];
	}
	if (in->nshares && sum != 1000)
		errs_add(e, "shares", "roy_shares_sum");
}

/* Whether period PERIOD_ID still keeps its caps once its total moves by DELTA. */
static int caps_hold_after(struct db *db, int64_t site_id, int64_t period_id, int64_t delta)
{
	struct period p;
	struct errs e = { 0 };
	if (period_get(db, site_id, period_id, &p))
		return 1;
	return royalty_caps_check(period_total(db, period_id) + delta, p.fee, p.bonus, &e) == 0;
}

static int shares_write(struct db *db, int64_t item_id, const struct royalty_item_input *in, const int64_t *share)
{
	struct db_stmt *st = db_stmt(db, "DELETE FROM royalty_shares WHERE item_id = ?");
	if (!st)
		return -1;
	db_bind_int(st, 1, item_id);
	if (db_step_done(st))
		return -1;
	for (size_t i = 0; i < in->nshares; i++) {
		st = db_stmt(db, "INSERT INTO royalty_shares (item_id, person_id, role, share) VALUES (?, ?, ?, ?)");
		if (!st)
			return -1;
		db_bind_int(st, 1, item_id);
		db_bind_int(st, 2, in->shares[i].person_id);
		db_bind_text(st, 3, in->shares[i].role);
		db_bind_int(st, 4, share[i]);
		if (db_step_done(st))
			return -1;
	}
	return 0;
}

/* The first period after period FROM of SITE_ID that is not paid (made when there is none yet),
 * inside the caller's transaction. 0, or -1. */
static int next_open_period(struct db *db, int64_t site_id, int64_t from, int64_t *id)
{
	int paid = 1;
	for (int guard = 0; paid && guard < 400; guard++) {
		struct period p;
		if (period_get(db, site_id, from, &p) || period_for_day(db, site_id, p.end + 1, &from, &paid))
			return -1;
	}
	*id = from;
	return paid ? -1 : 0;
}

int royalty_item_set(struct db *db, const struct actor *a, int64_t site_id, int64_t item_id,
		     const struct royalty_item_input *in, struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_APPROVER)
		return M_DENIED;
	struct db_stmt *st = db_stmt(db, "SELECT published_at FROM items WHERE id = ? AND site_id = ?");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, item_id);
	db_bind_int(st, 2, site_id);
	if (db_step(st) != DB_ROW) {
		db_reset(st);
		return M_NOTFOUND;
	}
	int published = !db_col_null(st, 0);
	int64_t pub = db_col_int(st, 0);
	db_reset(st);
	struct genres g;
	struct royalty_mod m[ROYALTY_MODS_MAX];
	size_t nm = 0;
	int64_t coef = 0, share[ROYALTY_SHARES_MAX] = { 0 };
	if (genres_load(db, site_id, &g))
		return M_ERROR;
	if (!published)
		errs_add(e, "genre", "roy_not_published");
	item_check(db, site_id, in, &g, &coef, m, &nm, share, e);
	if (e->n)
		return M_INVALID;
	char *mods = mods_text(m, nm), *note = text_clean(in->note, 1);
	int rc = M_ERROR, paid = 0;
	int64_t period_id = 0, entry = 0, old_amount = 0, unit = 0, amount, now = time_now();
	char obj[32], detail[200], lbl[24];
	if (!mods || !note || db_begin(db))
		goto out;
	/* the entry as it is, if any, and its period */
	st = db_stmt(db, "SELECT e.id, e.period_id, e.amount, p.state, p.unit_value FROM royalty_entries e"
			 " JOIN royalty_periods p ON p.id = e.period_id WHERE e.item_id = ? AND e.ref_id IS NULL");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, item_id);
	if (db_step(st) == DB_ROW) {
		entry = db_col_int(st, 0);
		period_id = db_col_int(st, 1);
		old_amount = db_col_int(st, 2);
		paid = strcmp(db_col_text(st, 3), "paid") == 0;
		unit = db_col_int(st, 4);
	}
	db_reset(st);
	if (!entry) {
		/* a first royalty of an item whose period was paid without it is paid in the next
		 * period not paid, at that period's unit value: nothing paid is changed */
		if (period_for_day(db, site_id, vn_days_of_time(pub), &period_id, &paid) ||
		    (paid && next_open_period(db, site_id, period_id, &period_id)))
			goto rollback;
		paid = 0;
		struct period p;
		if (period_get(db, site_id, period_id, &p))
			goto rollback;
		unit = p.unit_value;
	}
	amount = royalty_amount(coef, unit, m, nm);
	if (paid && !in->adjust) {
		errs_add(e, "coef", "roy_locked");
		rc = M_INVALID;
		goto rollback;
	}
	if (paid) {
		/* the difference from what was paid (and adjusted since) goes into the next period not paid */
		int64_t done = old_amount, next = 0;
		st = db_stmt(db, "SELECT coalesce(sum(amount), 0) FROM royalty_entries WHERE ref_id = ?");
		if (!st)
			goto rollback;
		db_bind_int(st, 1, entry);
		done += one_int(st, 0);
		if (next_open_period(db, site_id, period_id, &next))
			goto rollback;
		if (!caps_hold_after(db, site_id, next, amount - done)) {
			errs_add(e, "coef", "roy_cap_entry");
			rc = M_INVALID;
			goto rollback;
		}
		st = db_stmt(db, "INSERT INTO royalty_entries (site_id, item_id, period_id, genre_code, coef, modifiers, amount, ref_id,"
				 " published_at, note, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
		if (!st)
			goto rollback;
		db_bind_int(st, 1, site_id);
		db_bind_int(st, 2, item_id);
		db_bind_int(st, 3, next);
		db_bind_int(st, 4, in->genre);
		db_bind_int(st, 5, coef);
		db_bind_text(st, 6, mods);
		db_bind_int(st, 7, amount - done);
		db_bind_int(st, 8, entry);
		db_bind_int(st, 9, pub);
		db_bind_text(st, 10, note);
		db_bind_int(st, 11, a->id);
		db_bind_int(st, 12, now);
		if (db_step_done(st))
			goto rollback;
		snprintf(detail, sizeof(detail), "adjusts entry %lld: genre %d, coef %s, %lld đ", (long long)entry, in->genre,
			 royalty_coef_text(coef, lbl, sizeof(lbl)), (long long)(amount - done));
	} else {
		if (!caps_hold_after(db, site_id, period_id, amount - old_amount)) {
			errs_add(e, "coef", "roy_cap_entry");
			rc = M_INVALID;
			goto rollback;
		}
		if (entry) {
			st = db_stmt(db, "UPDATE royalty_entries SET genre_code = ?, coef = ?, modifiers = ?, amount = ?, note = ?,"
					 " set_by = ?, set_at = ? WHERE id = ?");
			if (!st)
				goto rollback;
			db_bind_int(st, 1, in->genre);
			db_bind_int(st, 2, coef);
			db_bind_text(st, 3, mods);
			db_bind_int(st, 4, amount);
			db_bind_text(st, 5, note);
			db_bind_int(st, 6, a->id);
			db_bind_int(st, 7, now);
			db_bind_int(st, 8, entry);
		} else {
			st = db_stmt(db, "INSERT INTO royalty_entries (site_id, item_id, period_id, genre_code, coef, modifiers, amount,"
					 " published_at, note, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
			if (!st)
				goto rollback;
			db_bind_int(st, 1, site_id);
			db_bind_int(st, 2, item_id);
			db_bind_int(st, 3, period_id);
			db_bind_int(st, 4, in->genre);
			db_bind_int(st, 5, coef);
			db_bind_text(st, 6, mods);
			db_bind_int(st, 7, amount);
			db_bind_int(st, 8, pub);
			db_bind_text(st, 9, note);
			db_bind_int(st, 10, a->id);
			db_bind_int(st, 11, now);
		}
		if (db_step_done(st))
			goto rollback;
		if (in->shares_given && shares_write(db, item_id, in, share))
			goto rollback;
		snprintf(detail, sizeof(detail), "genre %d, coef %s, %lld đ%s", in->genre, royalty_coef_text(coef, lbl, sizeof(lbl)),
			 (long long)amount, in->shares_given ? ", shares" : "");
	}
	snprintf(obj, sizeof(obj), "item:%lld", (long long)item_id);
	if (audit_write(db, a, site_id, paid ? "royalty.adjust" : "royalty.item", obj, detail) || db_commit(db))
		goto rollback;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	json_free_str(mods);
	free(note);
	return rc;
}

int royalty_publish(struct db *db, const struct actor *a, int64_t site_id, int64_t item_id, const struct act_input *in,
		    const struct royalty_item_input *ri, struct errs *e)
{
	if (db_begin(db))
		return M_ERROR;
	/* both calls begin their own change: inside this one, savepoints of it */
	int rc = article_act(db, a, site_id, item_id, "publish", in, e);
	if (rc == M_OK)
		rc = royalty_item_set(db, a, site_id, item_id, ri, e);
	if (rc != M_OK || db_commit(db)) {
		db_rollback(db);
		return rc == M_OK ? M_ERROR : rc;
	}
	return M_OK;
}

/* The shares of ITEM_ID [{person_id, role, share}] and their count. */
static size_t shares_load(struct db *db, int64_t item_id, int64_t *person, char role[][16], int64_t *share)
{
	struct db_stmt *st = db_stmt(db, "SELECT person_id, role, share FROM royalty_shares WHERE item_id = ? ORDER BY id");
	size_t n = 0;
	if (!st)
		return 0;
	db_bind_int(st, 1, item_id);
	while (db_step(st) == DB_ROW && n < ROYALTY_SHARES_MAX) {
		person[n] = db_col_int(st, 0);
		snprintf(role[n], 16, "%s", db_col_text(st, 1));
		share[n] = db_col_int(st, 2);
		n++;
	}
	db_reset(st);
	return n;
}

/* The people of SITE_ID opened, by id as text. */
static json_t *people_by_id(struct db *db, int64_t site_id)
{
	json_t *all = json_object(), *list = royalty_people(db, &actor_cli, site_id), *p;
	size_t i;
	json_array_foreach(list, i, p) {
		char k[24];
		snprintf(k, sizeof(k), "%lld", (long long)json_integer_value(json_object_get(p, "id")));
		json_object_set(all, k, p);
	}
	json_decref(list);
	return all;
}

static json_t *person_of(json_t *people, int64_t id)
{
	char k[24];
	snprintf(k, sizeof(k), "%lld", (long long)id);
	return json_object_get(people, k);
}

static json_t *mods_json(const char *text)
{
	struct royalty_mod m[ROYALTY_MODS_MAX];
	size_t n = mods_parse(text, m);
	json_t *o = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(o, json_pack("{sssssi}", "code", royalty_modifiers[m[i].idx].code, "key",
						   royalty_modifiers[m[i].idx].key, "pct", m[i].pct));
	return o;
}

json_t *royalty_item_get(struct db *db, const struct actor *a, int64_t site_id, int64_t item_id)
{
	if (!site_id || actor_level(db, a, site_id) < LVL_APPROVER)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT title, kind, published_at FROM items WHERE id = ? AND site_id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, item_id);
	db_bind_int(st, 2, site_id);
	json_t *o = db_one_json(st);
	if (!o)
		return NULL;
	json_object_set_new(o, "item_id", json_integer(item_id));
	json_object_set_new(o, "published", json_boolean(json_is_integer(json_object_get(o, "published_at"))));
	/* the entry, then its adjustments: the newest values are the item's */
	st = db_stmt(db, "SELECT e.id, e.genre_code, e.coef, e.modifiers, e.amount, e.period_id, p.kind, p.start_day, p.state, e.ref_id,"
			 " e.note FROM royalty_entries e JOIN royalty_periods p ON p.id = e.period_id"
			 " WHERE e.item_id = ? ORDER BY e.id");
	json_t *adj = json_array();
	if (st) {
		db_bind_int(st, 1, item_id);
		while (db_step(st) == DB_ROW) {
			char lbl[32], coef[24];
			period_label(db_col_text(st, 6), (int32_t)db_col_int(st, 7), lbl, sizeof(lbl));
			json_t *x = json_pack("{sIsIsIsssosIsIsssbss}", "id", (json_int_t)db_col_int(st, 0), "genre",
					      (json_int_t)db_col_int(st, 1), "coef", (json_int_t)db_col_int(st, 2), "coef_label",
					      royalty_coef_text(db_col_int(st, 2), coef, sizeof(coef)), "modifiers",
					      mods_json(db_col_text(st, 3)), "amount", (json_int_t)db_col_int(st, 4), "period_id",
					      (json_int_t)db_col_int(st, 5), "period_label", lbl, "locked",
					      strcmp(db_col_text(st, 8), "paid") == 0, "note", db_col_text(st, 10));
			if (db_col_null(st, 9)) {
				json_object_set_new(o, "entry", x);
			} else {
				json_array_append(adj, x);
				/* the adjustment's values are the item's now; the lock is the first period's */
				json_t *en = json_object_get(o, "entry");
				if (en) {
					static const char *const k[] = { "genre", "coef", "coef_label", "modifiers" };
					for (size_t i = 0; i < 4; i++)
						json_object_set(en, k[i], json_object_get(x, k[i]));
				}
				json_decref(x);
			}
		}
		db_reset(st);
	}
	json_object_set_new(o, "has_entry", json_boolean(json_object_get(o, "entry") != NULL));
	json_object_set_new(o, "adjustments", adj);
	int64_t person[ROYALTY_SHARES_MAX], share[ROYALTY_SHARES_MAX], part[ROYALTY_SHARES_MAX];
	char role[ROYALTY_SHARES_MAX][16];
	size_t n = shares_load(db, item_id, person, role, share);
	json_t *en = json_object_get(o, "entry");
	royalty_split(en ? json_integer_value(json_object_get(en, "amount")) : 0, share, n, part);
	json_t *people = people_by_id(db, site_id), *sh = json_array();
	for (size_t i = 0; i < n; i++) {
		char lbl[24];
		json_t *p = person_of(people, person[i]);
		json_array_append_new(sh, json_pack("{sIsssssssI}", "person_id", (json_int_t)person[i], "name",
						    p ? json_string_value(json_object_get(p, "name")) : "?", "role", role[i],
						    "share_label", royalty_coef_text(share[i], lbl, sizeof(lbl)), "amount",
						    (json_int_t)part[i]));
	}
	json_decref(people);
	json_object_set_new(o, "shares", sh);
	return o;
}

/* ---- periods and statements ---- */

static json_t *period_view(struct db_stmt *st, int64_t now)
{
	/* id, kind, start_day, end_day, unit_value, fee_total, bonus_fund, state, paid_at, first publication, entries */
	char lbl[32], s[11], en[11], due[11], paid_at[40] = "";
	const char *kind = db_col_text(st, 1);
	int32_t start = (int32_t)db_col_int(st, 2), end = (int32_t)db_col_int(st, 3);
	int paid = strcmp(db_col_text(st, 7), "paid") == 0;
	int has_entries = db_col_int(st, 10) > 0;
	int64_t due_at = db_col_int(st, 9) + (int64_t)ROYALTY_PAY_DAYS * DAY;
	period_label(kind, start, lbl, sizeof(lbl));
	vn_day_dmy(start, s);
	vn_day_dmy(end, en);
	vn_day_dmy(vn_days_of_time(due_at), due);
	if (paid)
		time_format_vn(db_col_int(st, 8), paid_at, sizeof(paid_at));
	int64_t id = db_col_int(st, 0);
	json_t *o = json_pack("{sIsssssssssIsIsIsbsssIsb}", "id", (json_int_t)id, "label", lbl, "kind", kind, "start", s, "end", en,
			      "unit_value", (json_int_t)db_col_int(st, 4), "fee_total", (json_int_t)db_col_int(st, 5),
			      "bonus_fund", (json_int_t)db_col_int(st, 6), "paid", paid, "paid_at", paid_at, "entries",
			      (json_int_t)db_col_int(st, 10), "has_entries", has_entries);
	vn_date sd = vn_days_to_date(start);
	json_object_set_new(o, "num", json_integer(strcmp(kind, "quarter") == 0 ? (sd.m - 1) / 3 + 1 : sd.m));
	json_object_set_new(o, "year", json_integer(sd.y));
	json_object_set_new(o, "due", json_string(has_entries ? due : ""));
	json_object_set_new(o, "overdue", json_boolean(has_entries && !paid && due_at < now));
	return o;
}

#define PERIOD_COLS "p.id, p.kind, p.start_day, p.end_day, p.unit_value, p.fee_total, p.bonus_fund, p.state, p.paid_at," \
		    " (SELECT min(published_at) FROM royalty_entries e WHERE e.period_id = p.id)," \
		    " (SELECT count(*) FROM royalty_entries e WHERE e.period_id = p.id)"

json_t *royalty_periods(struct db *db, const struct actor *a, int64_t site_id, int64_t now)
{
	if (!site_id || !may_view(db, a, site_id))
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT " PERIOD_COLS " FROM royalty_periods p WHERE p.site_id = ? ORDER BY p.start_day DESC");
	json_t *out = json_array();
	if (!st)
		return out;
	db_bind_int(st, 1, site_id);
	while (db_step(st) == DB_ROW) {
		json_t *o = period_view(st, now);
		json_object_set_new(o, "total", json_integer(0));
		json_array_append_new(out, o);
	}
	db_reset(st);
	size_t i;
	json_t *p;
	json_array_foreach(out, i, p)
		json_object_set_new(p, "total", json_integer(period_total(db, json_integer_value(json_object_get(p, "id")))));
	return out;
}

/* Orders the work units by name as a Vietnamese reader looks one up (folded: "Đài" with the
 * d's, "Ánh" with the a's; then as written), the payees without one last. */
static int unit_cmp(const void *x, const void *y)
{
	json_t *ux = *(json_t *const *)x, *uy = *(json_t *const *)y;
	const char *a = json_string_value(json_object_get(ux, "unit"));
	const char *b = json_string_value(json_object_get(uy, "unit"));
	if (!*a != !*b)
		return *a ? -1 : 1;
	int c = strcmp(json_string_value(json_object_get(ux, "key")), json_string_value(json_object_get(uy, "key")));
	return c ? c : strcmp(a, b);
}

/* The statement per work unit: the payees of PEOPLE (the statement's people list) grouped by the
 * unit written on their record (cơ quan, đơn vị công tác: a payee's own employer, who is often
 * not the site paying them), each unit with its payees and its total in figures and words. */
static json_t *units_of(json_t *people)
{
	json_t *by = json_object(), *x, *u;
	size_t i;
	const char *name;
	char words[VN_WORDS_MAX];
	json_array_foreach(people, i, x) {
		const char *unit = json_string_value(json_object_get(x, "unit"));
		unit = unit ? unit : "";
		if (!(u = json_object_get(by, unit))) {
			char *key = vn_fold(unit);
			u = json_pack("{sss[]sIss}", "unit", unit, "people", "total", (json_int_t)0, "key", key ? key : unit);
			free(key);
			json_object_set_new(by, unit, u);
		}
		json_array_append(json_object_get(u, "people"), x);
		json_object_set_new(u, "total", json_integer(json_integer_value(json_object_get(u, "total")) +
							  json_integer_value(json_object_get(x, "total"))));
	}
	size_t n = json_object_size(by), k = 0;
	json_t **a = calloc(n ? n : 1, sizeof(*a));
	json_object_foreach(by, name, u) a[k++] = u;
	if (n)
		qsort(a, n, sizeof(*a), unit_cmp);
	json_t *out = json_array();
	for (k = 0; k < n; k++) {
		json_int_t t = json_integer_value(json_object_get(a[k], "total"));
		json_object_set_new(a[k], "total_words", json_string(vn_amount_words(t, 0, words, sizeof(words))));
		json_object_set_new(a[k], "count", json_integer((json_int_t)json_array_size(json_object_get(a[k], "people"))));
		json_object_del(a[k], "key");
		json_array_append(out, a[k]);
	}
	free(a);
	json_decref(by);
	return out;
}

json_t *royalty_statement(struct db *db, const struct actor *a, int64_t site_id, int64_t period_id, int64_t person_id)
{
	if (!site_id || !may_view(db, a, site_id))
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT " PERIOD_COLS " FROM royalty_periods p WHERE p.id = ? AND p.site_id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, period_id);
	db_bind_int(st, 2, site_id);
	if (db_step(st) != DB_ROW) {
		db_reset(st);
		return NULL;
	}
	json_t *period = period_view(st, time_now());
	db_reset(st);
	json_t *people = people_by_id(db, site_id);
	if (person_id && !person_of(people, person_id)) {
		json_decref(people);
		json_decref(period);
		return NULL;
	}
	struct genres g;
	genres_load(db, site_id, &g);
	st = db_stmt(db, "SELECT e.id, e.item_id, i.title, e.genre_code, e.coef, e.modifiers, e.amount, e.ref_id FROM royalty_entries e"
			 " JOIN items i ON i.id = e.item_id WHERE e.period_id = ? ORDER BY e.published_at, e.id");
	json_t *rows = st ? (db_bind_int(st, 1, period_id), db_rows_json(st)) : json_array();
	json_t *entries = json_array(), *totals = json_object(), *x;
	int64_t total = 0, unassigned = 0, period_sum = 0;
	size_t i;
	json_array_foreach(rows, i, x) {
		int64_t amount = json_integer_value(json_object_get(x, "amount"));
		int64_t item = json_integer_value(json_object_get(x, "item_id"));
		int64_t code = json_integer_value(json_object_get(x, "genre_code"));
		int64_t person[ROYALTY_SHARES_MAX], share[ROYALTY_SHARES_MAX], part[ROYALTY_SHARES_MAX], mine = 0;
		char role[ROYALTY_SHARES_MAX][16], coef[24];
		int involved = 0;
		size_t n = shares_load(db, item, person, role, share);
		royalty_split(amount, share, n, part);
		period_sum += amount;
		if (!n)
			unassigned += amount;
		for (size_t k = 0; k < n; k++) {
			char key[24];
			snprintf(key, sizeof(key), "%lld", (long long)person[k]);
			json_object_set_new(totals, key, json_integer(json_integer_value(json_object_get(totals, key)) + part[k]));
			if (person[k] == person_id) {
				mine += part[k];
				involved = 1;
			}
		}
		if (person_id && !involved)
			continue;
		json_object_set_new(x, "genre_name", json_string(code >= 1 && code <= ROYALTY_GENRES ? g.name[code] : ""));
		json_object_set_new(x, "coef_label", json_string(royalty_coef_text(json_integer_value(json_object_get(x, "coef")), coef, sizeof(coef))));
		json_object_set_new(x, "modifiers", mods_json(json_string_value(json_object_get(x, "modifiers"))));
		json_object_set_new(x, "part", json_integer(person_id ? mine : amount));
		json_object_set_new(x, "is_adjustment", json_boolean(json_is_integer(json_object_get(x, "ref_id"))));
		total += person_id ? mine : amount;
		json_array_append(entries, x);
	}
	json_decref(rows);
	char words[VN_WORDS_MAX];
	json_t *plist = json_array(), *p;
	const char *key;
	json_object_foreach(totals, key, p) {
		int64_t pid = strtoll(key, NULL, 10);
		json_t *who = person_of(people, pid);
		if (person_id && pid != person_id)
			continue;
		json_array_append_new(plist, json_pack("{sIsssssIss}", "person_id", (json_int_t)pid, "name",
						       who ? json_string_value(json_object_get(who, "name")) : "?", "unit",
						       who && json_string_value(json_object_get(who, "unit")) ? json_string_value(json_object_get(who, "unit")) : "",
						       "total", (json_int_t)json_integer_value(p), "total_words",
						       vn_amount_words(json_integer_value(p), 0, words, sizeof(words))));
	}
	json_decref(totals);
	json_t *out = json_pack("{sosososIss}", "period", period, "entries", entries, "people", plist, "total", (json_int_t)total,
				"total_words", vn_amount_words(total, 0, words, sizeof(words)));
	if (!person_id)
		json_object_set_new(out, "units", units_of(plist));
	json_object_set_new(out, "unassigned", json_integer(unassigned));
	json_object_set_new(out, "period_total", json_integer(period_sum));
	json_object_set_new(out, "fee_cap", json_integer(period_sum * ROYALTY_FEE_CAP_PCT / 100));
	json_object_set_new(out, "bonus_cap", json_integer(period_sum * ROYALTY_BONUS_CAP_PCT / 100));
	if (person_id)
		json_object_set(out, "person", person_of(people, person_id));
	json_decref(people);
	return out;
}

/* Reads an amount of đồng typed in S into *OUT (NULL or "": unchanged). */
static void money_field(const char *s, const char *field, int64_t max, int64_t *out, struct errs *e)
{
	int64_t v;
	if (!s || !*s)
		return;
	if (vn_money_parse(s, &v) || v > max)
		errs_add(e, field, "roy_money_invalid");
	else
		*out = v;
}

int royalty_period_set(struct db *db, const struct actor *a, int64_t site_id, int64_t period_id,
		       const char *unit_value, const char *fee_total, const char *bonus_fund, struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	struct period p;
	if (period_get(db, site_id, period_id, &p))
		return M_NOTFOUND;
	if (p.paid) {
		errs_add(e, "unit_value", "roy_locked");
		return M_INVALID;
	}
	int64_t unit = p.unit_value, fee = p.fee, bonus = p.bonus;
	money_field(unit_value, "unit_value", ROYALTY_UNIT_MAX, &unit, e);
	if (unit < 1 && !e->n)
		errs_add(e, "unit_value", "roy_unit_invalid");
	money_field(fee_total, "fee_total", VN_MONEY_MAX / 1000, &fee, e);
	money_field(bonus_fund, "bonus_fund", VN_MONEY_MAX / 1000, &bonus, e);
	if (e->n)
		return M_INVALID;
	char obj[40], detail[120];
	if (db_begin(db))
		return M_ERROR;
	/* the entries of the period follow its unit value (adjustments keep their difference) */
	if (unit != p.unit_value) {
		struct db_stmt *st = db_stmt(db, "SELECT id, coef, modifiers FROM royalty_entries WHERE period_id = ? AND ref_id IS NULL");
		json_t *rows = st ? (db_bind_int(st, 1, period_id), db_rows_json(st)) : NULL, *x;
		size_t i;
		if (!rows)
			goto rollback;
		json_array_foreach(rows, i, x) {
			struct royalty_mod m[ROYALTY_MODS_MAX];
			size_t n = mods_parse(json_string_value(json_object_get(x, "modifiers")), m);
			st = db_stmt(db, "UPDATE royalty_entries SET amount = ? WHERE id = ?");
			if (!st) {
				json_decref(rows);
				goto rollback;
			}
			db_bind_int(st, 1, royalty_amount(json_integer_value(json_object_get(x, "coef")), unit, m, n));
			db_bind_int(st, 2, json_integer_value(json_object_get(x, "id")));
			if (db_step_done(st)) {
				json_decref(rows);
				goto rollback;
			}
		}
		json_decref(rows);
	}
	if (royalty_caps_check(period_total(db, period_id), fee, bonus, e)) {
		db_rollback(db);
		return M_INVALID;
	}
	struct db_stmt *st = db_stmt(db, "UPDATE royalty_periods SET unit_value = ?, fee_total = ?, bonus_fund = ? WHERE id = ?");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, unit);
	db_bind_int(st, 2, fee);
	db_bind_int(st, 3, bonus);
	db_bind_int(st, 4, period_id);
	snprintf(obj, sizeof(obj), "royalty_period:%lld", (long long)period_id);
	snprintf(detail, sizeof(detail), "unit %lld đ; fees %lld đ; bonus %lld đ", (long long)unit, (long long)fee, (long long)bonus);
	if (db_step_done(st) || audit_write(db, a, site_id, "royalty.period", obj, detail) || db_commit(db))
		goto rollback;
	return M_OK;
rollback:
	db_rollback(db);
	return M_ERROR;
}

int royalty_period_pay(struct db *db, const struct actor *a, int64_t site_id, int64_t period_id, struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	struct period p;
	if (period_get(db, site_id, period_id, &p))
		return M_NOTFOUND;
	if (p.paid) {
		errs_add(e, "pay", "roy_locked");
		return M_INVALID;
	}
	char obj[40], detail[64];
	if (db_begin(db))
		return M_ERROR;
	int64_t total = period_total(db, period_id);
	if (royalty_caps_check(total, p.fee, p.bonus, e)) {
		db_rollback(db);
		return M_INVALID;
	}
	struct db_stmt *st = db_stmt(db, "UPDATE royalty_periods SET state = 'paid', paid_at = ?, paid_by = ? WHERE id = ? AND state = 'open'");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, time_now());
	db_bind_int(st, 2, a->id);
	db_bind_int(st, 3, period_id);
	snprintf(obj, sizeof(obj), "royalty_period:%lld", (long long)period_id);
	snprintf(detail, sizeof(detail), "paid %lld đ", (long long)total);
	if (db_step_done(st) || audit_write(db, a, site_id, "royalty.pay", obj, detail) || db_commit(db))
		goto rollback;
	return M_OK;
rollback:
	db_rollback(db);
	return M_ERROR;
}

json_t *royalty_report(struct db *db, const struct actor *a, int64_t site_id, int32_t from_day, int32_t to_day)
{
	if (!may_view(db, a, site_id))
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT e.site_id, s.name, e.amount, p.state, e.ref_id, e.item_id FROM royalty_entries e"
				       " JOIN royalty_periods p ON p.id = e.period_id JOIN sites s ON s.id = e.site_id"
				       " WHERE e.published_at >= ?1 AND e.published_at < ?2 AND (?3 = 0 OR e.site_id = ?3)"
				       " ORDER BY e.site_id, e.id");
	if (!st)
		return NULL;
	db_bind_int(st, 1, vn_time_of_days(from_day));
	db_bind_int(st, 2, vn_time_of_days(to_day + 1));
	db_bind_int(st, 3, site_id);
	json_t *by_site = json_array(), *cur = NULL;
	int64_t total = 0, paid = 0, items = 0;
	while (db_step(st) == DB_ROW) {
		int64_t sid = db_col_int(st, 0), amount = db_col_int(st, 2);
		int is_paid = strcmp(db_col_text(st, 3), "paid") == 0;
		if (!cur || json_integer_value(json_object_get(cur, "site_id")) != sid) {
			cur = json_pack("{sIsssIsI}", "site_id", (json_int_t)sid, "site_name", db_col_text(st, 1), "total", (json_int_t)0,
					"paid", (json_int_t)0);
			json_array_append_new(by_site, cur);
		}
		json_object_set_new(cur, "total", json_integer(json_integer_value(json_object_get(cur, "total")) + amount));
		if (is_paid)
			json_object_set_new(cur, "paid", json_integer(json_integer_value(json_object_get(cur, "paid")) + amount));
		total += amount;
		paid += is_paid ? amount : 0;
		items += db_col_null(st, 4);
	}
	db_reset(st);
	return json_pack("{sIsIsIso}", "total", (json_int_t)total, "paid", (json_int_t)paid, "items", (json_int_t)items, "by_site",
			 by_site);
}

static int by_due_at(const void *x, const void *y)
{
	json_t *a = *(json_t *const *)x, *b = *(json_t *const *)y;
	int64_t da = json_integer_value(json_object_get(a, "due_at")), db_ = json_integer_value(json_object_get(b, "due_at"));
	return (da > db_) - (da < db_);
}

json_t *royalty_with_due(struct db *db, int64_t site_id, json_t *rows)
{
	struct db_stmt *st = db_stmt(db, "SELECT p.id, p.site_id, s.name, s.slug, s.kind, p.kind, p.start_day,"
				       " (SELECT min(e.published_at) FROM royalty_entries e WHERE e.period_id = p.id)"
				       " FROM royalty_periods p JOIN sites s ON s.id = p.site_id"
				       " WHERE p.state = 'open' AND (?1 = 0 OR p.site_id = ?1)"
				       " AND EXISTS (SELECT 1 FROM royalty_entries e WHERE e.period_id = p.id)");
	if (!st)
		return rows;
	db_bind_int(st, 1, site_id);
	size_t n0 = json_array_size(rows), k = 0, i;
	json_t *add = json_array(), *x;
	while (db_step(st) == DB_ROW) {
		char lbl[32], title[64], path[48];
		period_label(db_col_text(st, 5), (int32_t)db_col_int(st, 6), lbl, sizeof(lbl));
		snprintf(title, sizeof(title), "Nhuận bút %s", lbl);
		snprintf(path, sizeof(path), "/quan-tri/nhuan-but/ky/%lld", (long long)db_col_int(st, 0));
		json_array_append_new(add, json_pack("{sIsIsssssssssssssssIssssss}", "id", (json_int_t)db_col_int(st, 0), "site_id",
						     (json_int_t)db_col_int(st, 1), "site_name", db_col_text(st, 2), "site_slug",
						     db_col_text(st, 3), "site_kind", db_col_text(st, 4), "title", title, "state", "open",
						     "kind", "nhuan-but", "kind_name", "Nhuận bút", "due_at",
						     (json_int_t)(db_col_int(st, 7) + (int64_t)ROYALTY_PAY_DAYS * DAY), "src", "royalty",
						     "path", path, "state_key", "roy_due_state"));
	}
	db_reset(st);
	if (!json_array_size(add)) {
		json_decref(add);
		return rows;
	}
	size_t n = n0 + json_array_size(add);
	json_t **v = xcalloc(n, sizeof(*v));
	json_array_foreach(rows, i, x)
		v[k++] = x;
	json_array_foreach(add, i, x)
		v[k++] = x;
	qsort(v, n, sizeof(*v), by_due_at); /* rows of equal due time keep no particular order */
	json_t *out = json_array();
	for (i = 0; i < n; i++)
		json_array_append(out, v[i]);
	free(v);
	json_decref(rows);
	json_decref(add);
	return out;
}

json_t *royalty_items_pending(struct db *db, const struct actor *a, int64_t site_id, int64_t limit)
{
	if (!site_id || actor_level(db, a, site_id) < LVL_APPROVER)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT i.id, i.title, i.kind, i.published_at FROM items i WHERE i.site_id = ?"
				       " AND i.published_at IS NOT NULL AND i.state = 'published'"
				       " AND NOT EXISTS (SELECT 1 FROM royalty_entries e WHERE e.item_id = i.id)"
				       " ORDER BY i.published_at DESC, i.id DESC LIMIT ?");
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, limit);
	return db_rows_json(st);
}
