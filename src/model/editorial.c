/* editorial.c — the editorial boards, their decisions and focal points, with the history of every
 * change, and the province's list (editorial.h, docs/boards.md). */
#include "editorial.h"
#include "obligation.h"
#include "pdata.h"
#include "internal.h"
#include "db/db.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/utf8.h"
#include "base/arena.h"
#include "mail/mail.h"
#include "vn/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

#define STALE_DEFAULT 365

const char *const editorial_roles[4] = { "truong-ban", "pho-truong-ban", "thanh-vien", "thu-ky" };


int editorial_may_view(struct db *db, const struct actor *a, int64_t site_id)
{
	return actor_level(db, a, site_id) >= LVL_REPORTER;
}

int editorial_may_edit(struct db *db, const struct actor *a, int64_t site_id)
{
	return actor_level(db, a, site_id) >= LVL_SITEADMIN;
}

int editorial_may_view_province(struct db *db, const struct actor *a)
{
	if (a->sysadmin)
		return 1;
	json_t *m = site_main(db);
	int ok = m && actor_level(db, a, ival(m, "id")) >= LVL_SITEADMIN;
	json_decref(m);
	return ok;
}

/* ---- history ---- */

/* Appends a history row of SITE_ID (WHAT, ACTION on RECORD_ID, the record as it became: sealed
 * for the focal point) and the audit record, inside the caller's transaction. 0 or -1. */
static int history_add(struct db *db, const struct actor *a, int64_t site_id, const char *what, const char *action,
		       int64_t record_id, json_t *record)
{
	/* the focal point's record sealed (malloc'd); others as JSON (jansson's: json_free_str) */
	int sealed = strcmp(what, "focal") == 0;
	char *snap = sealed ? pdata_seal_json(record) : json_dumps(record, JSON_COMPACT);
	struct db_stmt *st = snap ? db_stmt(db, "INSERT INTO board_history (site_id, what, record_id, action, snapshot,"
						" user_id, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
				  : NULL;
	int rc = -1;
	if (st) {
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, what);
		db_bind_int(st, 3, record_id);
		db_bind_text(st, 4, action);
		db_bind_text(st, 5, snap);
		if (a->id)
			db_bind_int(st, 6, a->id);
		else
			db_bind_null(st, 6);
		db_bind_int(st, 7, time_now());
		rc = db_step_done(st) ? -1 : 0;
	}
	if (sealed)
		free(snap);
	else
		json_free_str(snap);
	if (rc == 0) {
		char obj[48], act[48];
		snprintf(obj, sizeof(obj), "board-%s:%lld", what, (long long)record_id);
		snprintf(act, sizeof(act), "board.%s.%s", what, action);
		/* the audit names the change, never the focal point's personal data */
		rc = audit_write(db, a, site_id, act, obj, strcmp(what, "focal") == 0 ? "" : sval(record, "name"));
	}
	return rc;
}

/* ---- reads ---- */

static json_t *rows_of(struct db *db, const char *sql, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, sql);
	if (!st)
		return json_array();
	db_bind_int(st, 1, site_id);
	return db_rows_json(st);
}

static void day_dmy(json_t *o, const char *to, const char *from)
{
	vn_date d;
	char out[11] = "";
	if (vn_date_parse(sval(o, from), &d) == 0)
		vn_day_dmy(vn_date_to_days(d), out);
	json_object_set_new(o, to, json_string(out));
}

/* The newest change of SITE_ID's records (0: none). */
static int64_t updated_at(struct db *db, int64_t site_id)
{
	int64_t at = 0;
	struct db_stmt *st = db_stmt(db, "SELECT coalesce(max(at), 0) FROM board_history WHERE site_id = ?1");
	if (st) {
		db_bind_int(st, 1, site_id);
		if (db_one_int(st, &at) < 0)
			at = 0;
	}
	return at;
}

static json_t *focal_of(struct db *db, int64_t site_id)
{
	json_t *rows = rows_of(db, "SELECT sealed, updated_at FROM focal_points WHERE site_id = ?1", site_id);
	json_t *row = json_array_get(rows, 0);
	json_t *f = row ? pdata_open_json(sval(row, "sealed")) : NULL;
	if (f) {
		char buf[40];
		time_format_vn(ival(row, "updated_at"), buf, sizeof(buf));
		json_object_set_new(f, "updated", json_string(buf));
	}
	json_decref(rows);
	return f ? f : json_null();
}

json_t *editorial_get(struct db *db, const struct actor *a, int64_t site_id)
{
	if (!editorial_may_view(db, a, site_id))
		return NULL;
	json_t *members = rows_of(db, "SELECT m.id, m.name, m.position, m.role, m.decision_id, coalesce(d.number, '') AS decision_number"
				      " FROM board_members m LEFT JOIN board_decisions d ON d.id = m.decision_id"
				      " WHERE m.site_id = ?1 AND m.active = 1 ORDER BY CASE m.role WHEN 'truong-ban' THEN 0"
				      " WHEN 'pho-truong-ban' THEN 1 WHEN 'thanh-vien' THEN 2 ELSE 3 END, m.id", site_id);
	json_t *decisions = rows_of(db, "SELECT d.id, d.number, d.signed_day, d.signer, d.media_id, coalesce(m.sha256, '') AS sha256,"
					" coalesce(m.ext, '') AS ext, coalesce(m.orig_name, '') AS file_name"
					" FROM board_decisions d LEFT JOIN media m ON m.id = d.media_id"
					" WHERE d.site_id = ?1 ORDER BY d.signed_day DESC, d.id DESC", site_id), *row;
	size_t i;
	json_array_foreach(decisions, i, row) {
		day_dmy(row, "signed", "signed_day");
		if (*sval(row, "sha256")) {
			char u[120];
			snprintf(u, sizeof(u), "/tep/%s.%s", sval(row, "sha256"), sval(row, "ext"));
			json_object_set_new(row, "file_url", json_string(u));
		}
	}
	json_t *history = rows_of(db, "SELECT h.what, h.action, h.record_id, h.snapshot, h.at, coalesce(u.display_name, u.username, '')"
				      " AS user FROM board_history h LEFT JOIN users u ON u.id = h.user_id"
				      " WHERE h.site_id = ?1 ORDER BY h.at DESC, h.id DESC LIMIT 200", site_id);
	json_array_foreach(history, i, row) {
		const char *snap = sval(row, "snapshot");
		json_t *rec = strcmp(sval(row, "what"), "focal") == 0 ? pdata_open_json(snap) : json_loads(snap, 0, NULL);
		char buf[40];
		time_format_vn(ival(row, "at"), buf, sizeof(buf));
		json_object_set_new(row, "when", json_string(buf));
		json_object_set_new(row, "record", rec ? rec : json_object());
		json_object_del(row, "snapshot");
	}
	return json_pack("{sososososI}", "members", members, "decisions", decisions, "focal", focal_of(db, site_id),
			 "history", history, "updated_at", (json_int_t)updated_at(db, site_id));
}

/* ---- changes ---- */

static void text_field(const char *in, size_t max, const char *field, char **out, struct errs *e)
{
	*out = text_clean(in ? in : "", 0);
	if (!*out)
		errs_add(e, field, "invalid_utf8");
	else if (!**out)
		errs_add(e, field, "required");
	else if (utf8_length(*out) > max)
		errs_add(e, field, "too_long");
}

static int role_valid(const char *r)
{
	for (size_t i = 0; r && i < 4; i++)
		if (strcmp(r, editorial_roles[i]) == 0)
			return 1;
	return 0;
}

int editorial_member_save(struct db *db, const struct actor *a, int64_t site_id, int64_t id,
			  const struct member_input *in, struct errs *e, int64_t *out_id)
{
	if (out_id)
		*out_id = id;
	if (!editorial_may_edit(db, a, site_id))
		return M_DENIED;
	char *name = NULL, *position = NULL;
	int64_t decision = 0;
	text_field(in->name, 200, "name", &name, e);
	text_field(in->position, 300, "position", &position, e);
	if (!role_valid(in->role))
		errs_add(e, "role", "board_role_invalid");
	if (in->decision && *in->decision) {
		struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM board_decisions WHERE id = ?1 AND site_id = ?2");
		int64_t one = 0;
		if (parse_i64(in->decision, 1, INT64_MAX, &decision) == 0 && st) {
			db_bind_int(st, 1, decision);
			db_bind_int(st, 2, site_id);
			if (db_one_int(st, &one) < 0)
				one = 0;
		}
		if (one != 1)
			errs_add(e, "decision", "board_decision_invalid");
	}
	int rc = M_INVALID;
	if (e->n)
		goto out;
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	struct db_stmt *st = id ? db_stmt(db, "UPDATE board_members SET name = ?3, position = ?4, role = ?5, decision_id = ?6,"
					      " updated_at = ?7 WHERE id = ?1 AND site_id = ?2 AND active = 1")
				: db_stmt(db, "INSERT INTO board_members (site_id, name, position, role, decision_id, created_at,"
					      " updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?7)");
	if (!st)
		goto rollback;
	if (id)
		db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	db_bind_text(st, 3, name);
	db_bind_text(st, 4, position);
	db_bind_text(st, 5, in->role);
	if (decision)
		db_bind_int(st, 6, decision);
	else
		db_bind_null(st, 6);
	db_bind_int(st, 7, time_now());
	if (db_step_done(st))
		goto rollback;
	if (id && db_changes(db) != 1) {
		rc = M_NOTFOUND;
		goto rollback;
	}
	int64_t mid = id ? id : db_last_id(db);
	json_t *rec = json_pack("{sssssssI}", "name", name, "position", position, "role", in->role, "decision_id",
				(json_int_t)decision);
	int bad = history_add(db, a, site_id, "member", id ? "edit" : "add", mid, rec);
	json_decref(rec);
	if (bad || db_commit(db))
		goto rollback;
	if (out_id)
		*out_id = mid;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	free(name);
	free(position);
	return rc;
}

int editorial_member_remove(struct db *db, const struct actor *a, int64_t site_id, int64_t id)
{
	if (!editorial_may_edit(db, a, site_id))
		return M_DENIED;
	struct db_stmt *st = db_stmt(db, "SELECT name, position, role FROM board_members WHERE id = ?1 AND site_id = ?2 AND active = 1");
	if (!st)
		return M_ERROR;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, site_id);
	json_t *rec = db_one_json(st);
	if (!rec)
		return M_NOTFOUND;
	int rc = M_ERROR;
	if (db_begin(db) == 0) {
		st = db_stmt(db, "UPDATE board_members SET active = 0, updated_at = ?2 WHERE id = ?1");
		if (!st || (db_bind_int(st, 1, id), db_bind_int(st, 2, time_now()), db_step_done(st)) ||
		    history_add(db, a, site_id, "member", "remove", id, rec) || db_commit(db))
			db_rollback(db);
		else
			rc = M_OK;
	}
	json_decref(rec);
	return rc;
}

int editorial_decision_add(struct db *db, const struct actor *a, int64_t site_id, const struct decision_input *in,
			   struct errs *e, int64_t *out_id)
{
	*out_id = 0;
	if (!editorial_may_edit(db, a, site_id))
		return M_DENIED;
	char *number = NULL, *signer = NULL, day_iso[11] = "";
	int32_t day = 0;
	text_field(in->number, 100, "number", &number, e);
	text_field(in->signer, 200, "signer", &signer, e);
	if (!in->signed_day || !*in->signed_day)
		errs_add(e, "signed_day", "required");
	else if (obligation_day_parse(in->signed_day, &day))
		errs_add(e, "signed_day", "obl_day_invalid");
	else if (day > vn_days_of_time(time_now()))
		errs_add(e, "signed_day", "board_day_future");
	else
		vn_date_format(vn_days_to_date(day), day_iso);
	if (in->media_id) {
		/* a file of the site's library: it passed the media checks when it was uploaded */
		int64_t out[1];
		size_t nout = 0;
		struct errs fe = { 0 };
		if (attachments_check(db, site_id, &in->media_id, 1, out, &nout, &fe) || nout != 1)
			errs_add(e, "file", "board_file_invalid");
	}
	int rc = M_INVALID;
	if (e->n)
		goto out;
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	struct db_stmt *st = db_stmt(db, "INSERT INTO board_decisions (site_id, number, signed_day, signer, media_id, created_at)"
				       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, number);
	db_bind_text(st, 3, day_iso);
	db_bind_text(st, 4, signer);
	if (in->media_id)
		db_bind_int(st, 5, in->media_id);
	else
		db_bind_null(st, 5);
	db_bind_int(st, 6, time_now());
	if (db_step_done(st))
		goto rollback;
	int64_t id = db_last_id(db);
	json_t *rec = json_pack("{sssssssI}", "name", number, "signed_day", day_iso, "signer", signer, "media_id",
				(json_int_t)in->media_id);
	int bad = history_add(db, a, site_id, "decision", "add", id, rec);
	json_decref(rec);
	if (bad || db_commit(db))
		goto rollback;
	*out_id = id;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	free(number);
	free(signer);
	return rc;
}

/* A phone number as people write it: digits with spaces, dots, dashes, parentheses and a
 * leading +; 8 to 15 digits. */
static int phone_valid(const char *s)
{
	int digits = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!strchr(" .-()", *p) && !(*p == '+' && p == s))
			return 0;
	}
	return digits >= 8 && digits <= 15;
}

int editorial_focal_save(struct db *db, const struct actor *a, int64_t site_id, const struct focal_input *in,
			 struct errs *e)
{
	if (!editorial_may_edit(db, a, site_id))
		return M_DENIED;
	char *name = NULL, *unit = NULL, *phone = NULL, *email = NULL;
	text_field(in->name, 200, "name", &name, e);
	text_field(in->unit, 300, "unit", &unit, e);
	text_field(in->phone, 40, "phone", &phone, e);
	text_field(in->email, 254, "email", &email, e);
	if (phone && *phone && !phone_valid(phone))
		errs_add(e, "phone", "board_phone_invalid");
	if (email && *email && !mail_address_valid(email))
		errs_add(e, "email", "board_email_invalid");
	int rc = M_INVALID;
	json_t *rec = NULL;
	char *sealed = NULL;
	if (e->n)
		goto out;
	rc = M_ERROR;
	rec = json_pack("{ssssssss}", "name", name, "unit", unit, "phone", phone, "email", email);
	sealed = pdata_seal_json(rec);
	if (!sealed || db_begin(db))
		goto out;
	int64_t had = 0;
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM focal_points WHERE site_id = ?1");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, site_id);
	if (db_one_int(st, &had) < 0)
		goto rollback;
	st = had ? db_stmt(db, "UPDATE focal_points SET sealed = ?2, updated_at = ?3, updated_by = ?4 WHERE site_id = ?1")
		 : db_stmt(db, "INSERT INTO focal_points (site_id, sealed, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, site_id);
	db_bind_text(st, 2, sealed);
	db_bind_int(st, 3, time_now());
	if (a->id)
		db_bind_int(st, 4, a->id);
	else
		db_bind_null(st, 4);
	if (db_step_done(st) || history_add(db, a, site_id, "focal", had ? "edit" : "add", site_id, rec) || db_commit(db))
		goto rollback;
	rc = M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	json_decref(rec);
	free(sealed);
	free(name);
	free(unit);
	free(phone);
	free(email);
	return rc;
}

/* ---- the province ---- */

static int64_t stale_days(struct db *db)
{
	char *v = db_setting_get(db, "board_stale_days");
	int64_t d = STALE_DEFAULT;
	if (!v || parse_i64(v, 1, 36500, &d))
		d = STALE_DEFAULT;
	free(v);
	return d;
}

json_t *editorial_province(struct db *db, const struct actor *a, int64_t now, int64_t *stale)
{
	if (!editorial_may_view_province(db, a))
		return NULL;
	int64_t days = stale_days(db);
	if (stale)
		*stale = days;
	json_t *sites = site_list(db), *s, *out = json_array();
	size_t i;
	json_array_foreach(sites, i, s) {
		int64_t id = ival(s, "id");
		json_t *row = json_pack("{sIsOsO}", "site_id", (json_int_t)id, "site_name", json_object_get(s, "name"), "site_slug",
					json_object_get(s, "slug"));
		json_t *m = rows_of(db, "SELECT count(*) AS n, coalesce(max(CASE WHEN role = 'truong-ban' THEN name END), '') AS chair"
					" FROM board_members WHERE site_id = ?1 AND active = 1", id);
		json_object_set(row, "members", json_object_get(json_array_get(m, 0), "n"));
		json_object_set(row, "chair", json_object_get(json_array_get(m, 0), "chair"));
		json_decref(m);
		json_t *d = rows_of(db, "SELECT number, signed_day, signer FROM board_decisions WHERE site_id = ?1"
					" ORDER BY signed_day DESC, id DESC LIMIT 1", id);
		json_t *d0 = json_array_get(d, 0);
		json_object_set_new(row, "decision_number", json_string(d0 ? sval(d0, "number") : ""));
		if (d0)
			day_dmy(d0, "signed", "signed_day");
		json_object_set_new(row, "decision_signed", json_string(d0 ? sval(d0, "signed") : ""));
		json_object_set_new(row, "decision_signer", json_string(d0 ? sval(d0, "signer") : ""));
		json_decref(d);
		json_t *f = focal_of(db, id);
		static const char *const fk[] = { "name", "unit", "phone", "email" };
		for (size_t k = 0; k < 4; k++) {
			char key[24];
			snprintf(key, sizeof(key), "focal_%s", fk[k]);
			json_object_set_new(row, key, json_string(json_is_object(f) ? sval(f, fk[k]) : ""));
		}
		json_decref(f);
		int64_t at = updated_at(db, id);
		char buf[40] = "";
		if (at)
			time_format_vn_date(at, buf, sizeof(buf));
		json_object_set_new(row, "updated", json_string(buf));
		json_object_set_new(row, "updated_at", json_integer(at));
		json_object_set_new(row, "empty", json_boolean(at == 0));
		/* nothing recorded is as much to follow up as records left unchanged too long */
		json_object_set_new(row, "stale", json_boolean(at == 0 || now - at > days * 86400));
		json_array_append_new(out, row);
	}
	json_decref(sites);
	return out;
}

int editorial_province_exported(struct db *db, const struct actor *a)
{
	if (db_begin(db))
		return -1;
	if (audit_write(db, a, 0, "board.export", "boards:xlsx", "") || db_commit(db)) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

int editorial_stale_days_set(struct db *db, const struct actor *a, const char *v, struct errs *e)
{
	int64_t d = 0;
	if (!a->sysadmin)
		return M_DENIED;
	if (!v || parse_i64(v, 30, 3650, &d)) {
		errs_add(e, "days", "board_days_invalid");
		return M_INVALID;
	}
	char buf[24];
	snprintf(buf, sizeof(buf), "%lld", (long long)d);
	if (db_begin(db))
		return M_ERROR;
	if (db_setting_set(db, "board_stale_days", buf) || audit_write(db, a, 0, "board.stale_days", "setting:board_stale_days", buf) ||
	    db_commit(db)) {
		db_rollback(db);
		return M_ERROR;
	}
	return M_OK;
}
