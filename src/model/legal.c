/* legal.c — legal documents: their descriptor's hooks and their validity, computed from their
 * own dates and the published documents that amend, replace or repeal them (vn/legal.h holds
 * the rule; this file reads the database for it and writes what it says). */
#include "internal.h"
#include "legal.h"
#include "kind.h"
#include "item.h"
#include "db/db.h"
#include "base/util.h"
#include "base/sb.h"
#include "base/log.h"
#include "vn/calendar.h"
#include "vn/docnum.h"
#include "vn/slug.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"


/* ---- the rule ----
 * A document is in force from its effective day (its issue day when none is written) until its
 * expiry day, the first day it is no longer in force ("hết hiệu lực kể từ ngày"). A published
 * document that replaces or repeals it ends it wholly on the day that document takes effect (the
 * earliest, when several do); one that amends it makes it partly out of force from that day.
 * Basis, guidance and corrections change nothing. A relation whose document has no known
 * effective day (not in the database yet) acts on nothing until it has one. */
static const struct legal_rel_info legal_rels[] = {
	{ "can_cu", "Căn cứ", "Là căn cứ của", 0, 0 },
	{ "huong_dan", "Hướng dẫn", "Được hướng dẫn bởi", 0, 0 },
	{ "sua_doi", "Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi", 0, 1 },
	{ "thay_the", "Thay thế", "Bị thay thế bởi", 1, 0 },
	{ "bai_bo", "Bãi bỏ", "Bị bãi bỏ bởi", 1, 0 },
	{ "dinh_chinh", "Đính chính", "Được đính chính bởi", 0, 0 },
	{ "van_ban", "Đăng văn bản", "Đăng trên công báo", 0, 0 },
};

const struct legal_rel_info *legal_rel_find(const char *key)
{
	for (size_t i = 0; key && i < sizeof(legal_rels) / sizeof(legal_rels[0]); i++)
		if (strcmp(legal_rels[i].key, key) == 0)
			return &legal_rels[i];
	return NULL;
}

static void next_after(int32_t *next, int32_t day, int32_t today)
{
	if (day > today && (!*next || day < *next))
		*next = day;
}

void legal_validity_compute(int32_t effective, int32_t expiry, const struct legal_incoming *in, size_t n,
			    int32_t today, struct legal_validity *out)
{
	*out = (struct legal_validity){ LEGAL_IN_FORCE, effective, -1, 0 };
	int32_t end = expiry, partly = 0;
	int end_cause = -1, partly_cause = -1;
	next_after(&out->next, effective, today);
	next_after(&out->next, expiry, today);
	for (size_t i = 0; i < n; i++) {
		if (!in[i].rel || !in[i].effective)
			continue;
		next_after(&out->next, in[i].effective, today);
		if (in[i].effective > today)
			continue;
		if (in[i].rel->ends && (!end || in[i].effective <= end) &&
		    !(end == in[i].effective && end_cause < 0 && expiry == end)) {
			end = in[i].effective;
			end_cause = (int)i;
		} else if (in[i].rel->partly && (!partly || in[i].effective < partly)) {
			partly = in[i].effective;
			partly_cause = (int)i;
		}
	}
	if (effective && today < effective) {
		out->status = LEGAL_NOT_YET;
		out->since = 0;
	} else if (end && today >= end) {
		*out = (struct legal_validity){ LEGAL_EXPIRED, end, end_cause, 0 };
	} else if (partly) {
		out->status = LEGAL_PARTLY;
		out->since = partly;
		out->cause = partly_cause;
	}
}

const struct legal_status_name legal_statuses[] = {
	{ "chua-hieu-luc", "Chưa có hiệu lực" },
	{ "con-hieu-luc", "Còn hiệu lực" },
	{ "het-hieu-luc-mot-phan", "Hết hiệu lực một phần" },
	{ "het-hieu-luc-toan-bo", "Hết hiệu lực toàn bộ" },
	{ NULL, NULL },
};

static const char *status_key(enum legal_status s)
{
	switch (s) {
	case LEGAL_NOT_YET:
		return "chua-hieu-luc";
	case LEGAL_PARTLY:
		return "het-hieu-luc-mot-phan";
	case LEGAL_EXPIRED:
		return "het-hieu-luc-toan-bo";
	case LEGAL_IN_FORCE:
	default:
		return "con-hieu-luc";
	}
}

const char *legal_status_label(const char *status)
{
	for (const struct legal_status_name *s = legal_statuses; s->key; s++)
		if (status && strcmp(s->key, status) == 0)
			return s->label;
	return "";
}

const char *legal_rel_label(const char *rel, int reverse)
{
	const struct legal_rel_info *r = legal_rel_find(rel);
	return r ? (reverse ? r->label_to : r->label_from) : rel;
}

char *legal_ident_key(const char *ref)
{
	return docnum_key(ref);
}

void legal_check(const struct kind *k, json_t *fields, struct errs *e)
{
	(void)k;
	int32_t issued = kind_day(json_string_value(json_object_get(fields, "ngay_ban_hanh")));
	int32_t effective = kind_day(json_string_value(json_object_get(fields, "ngay_hieu_luc")));
	int32_t expiry = kind_day(json_string_value(json_object_get(fields, "ngay_het_hieu_luc")));
	if (issued && effective && effective < issued)
		errs_add(e, "ngay_hieu_luc", "legal_effective_before_issue");
	if (expiry && expiry <= (effective ? effective : issued))
		errs_add(e, "ngay_het_hieu_luc", "legal_expiry_before_effective");
	/* a document does not act on itself */
	char *self = docnum_key(json_string_value(json_object_get(fields, "so_ky_hieu")));
	static const char *const rels[] = { "can_cu", "huong_dan", "sua_doi", "thay_the", "bai_bo", "dinh_chinh" };
	for (size_t i = 0; self && i < sizeof(rels) / sizeof(rels[0]); i++) {
		size_t j;
		json_t *x;
		json_array_foreach(json_object_get(fields, rels[i]), j, x) {
			char *key = docnum_key(json_string_value(x));
			if (key && strcmp(key, self) == 0)
				errs_add(e, rels[i], "legal_self_reference");
			free(key);
		}
	}
	free(self);
}

char *legal_slug(const struct kind *k, const char *title, json_t *fields)
{
	(void)k;
	struct sb b = SB_INIT;
	sb_adds(&b, json_string_value(json_object_get(fields, "so_ky_hieu")) ? json_string_value(json_object_get(fields, "so_ky_hieu")) : "");
	sb_addc(&b, ' ');
	sb_adds(&b, title ? title : "");
	char *s = vn_slug(b.buf);
	sb_release(&b);
	return s;
}

/* The day a document takes effect: its effective date, else its issue date; 0 when unknown. */
static int32_t effective_day(json_t *fields)
{
	int32_t d = kind_day(json_string_value(json_object_get(fields, "ngay_hieu_luc")));
	return d ? d : kind_day(json_string_value(json_object_get(fields, "ngay_ban_hanh")));
}

/* Reads what acts on ID and computes its validity as of TODAY. ACTS (may be NULL) gets the
 * acting relations as read, for the "why" of the page. */
static int validity_of(struct db *db, int64_t id, json_t *fields, int32_t today, struct legal_validity *out,
		       json_t **acts)
{
	json_t *in = item_links_to(db, id);
	size_t n = json_array_size(in), i;
	struct legal_incoming *v = xcalloc(n ? n : 1, sizeof(*v));
	json_t *x;
	json_array_foreach(in, i, x) {
		json_t *ff = json_loads(json_string_value(json_object_get(x, "from_fields")), 0, NULL);
		const struct legal_rel_info *r = legal_rel_find(json_string_value(json_object_get(x, "relation")));
		v[i].rel = r && (r->ends || r->partly) ? r : NULL;
		v[i].effective = ff ? effective_day(ff) : 0;
		json_decref(ff);
	}
	legal_validity_compute(effective_day(fields), kind_day(json_string_value(json_object_get(fields, "ngay_het_hieu_luc"))),
			       v, n, today, out);
	free(v);
	if (acts)
		*acts = in;
	else
		json_decref(in);
	return 0;
}

static int write_validity(struct db *db, int64_t id, json_t *fields, int32_t today)
{
	struct legal_validity v;
	if (validity_of(db, id, fields, today, &v, NULL))
		return -1;
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM item_terms WHERE item_id = ? AND key = 'hieu_luc'");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	int ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_reset(st);
	st = ok ? db_stmt(db, "INSERT INTO item_terms (item_id, key, value) VALUES (?, 'hieu_luc', ?)") : NULL;
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, status_key(v.status));
	ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_reset(st);
	st = ok ? db_stmt(db, "UPDATE items SET recheck_day = ? WHERE id = ?") : NULL;
	if (!st)
		return -1;
	if (v.next)
		db_bind_int(st, 1, v.next);
	db_bind_int(st, 2, id);
	ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_reset(st);
	return ok ? 0 : -1;
}

int legal_derive(struct db *db, const struct kind *k, int64_t id, json_t *fields, int32_t today)
{
	(void)k;
	if (write_validity(db, id, fields, today))
		return -1;
	/* the documents this one acts on: their validity follows from it */
	sqlite3_stmt *st = db_stmt(db, "SELECT DISTINCT t.id, t.fields FROM item_links l JOIN items t ON t.id = l.to_id"
				       " WHERE l.from_id = ? AND t.kind = 'legal'");
	if (!st)
		return -1;
	db_bind_int(st, 1, id);
	json_t *targets = db_rows_json(st);
	size_t i;
	json_t *t;
	int rc = 0;
	json_array_foreach(targets, i, t) {
		json_t *tf = json_loads(json_string_value(json_object_get(t, "fields")), 0, NULL);
		if (tf && write_validity(db, json_integer_value(json_object_get(t, "id")), tf, today))
			rc = -1;
		json_decref(tf);
	}
	json_decref(targets);
	return rc;
}

json_t *legal_validity(struct db *db, int64_t id, int32_t today)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT fields FROM items WHERE id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	json_t *row = db_one_json(st);
	json_t *fields = row ? json_loads(json_string_value(json_object_get(row, "fields")), 0, NULL) : NULL;
	json_decref(row);
	if (!fields)
		return NULL;
	struct legal_validity v;
	json_t *acts = NULL;
	validity_of(db, id, fields, today, &v, &acts);
	const char *key = status_key(v.status);
	json_t *out = json_pack("{ssss}", "status", key, "label", legal_status_label(key));
	if (v.since) {
		vn_date d = vn_days_to_date(v.since);
		char buf[16];
		snprintf(buf, sizeof(buf), "%02d/%02d/%04d", d.d, d.m, d.y);
		json_object_set_new(out, "since", json_string(buf));
	}
	json_t *cause = v.cause >= 0 ? json_array_get(acts, (size_t)v.cause) : NULL;
	if (cause) {
		struct sb why = SB_INIT;
		sb_addf(&why, "%s %s %s", legal_rel_label(json_string_value(json_object_get(cause, "relation")), 1),
			json_string_value(json_object_get(cause, "from_ref")) ? json_string_value(json_object_get(cause, "from_ref")) : "",
			json_string_value(json_object_get(cause, "from_title")) ? json_string_value(json_object_get(cause, "from_title")) : "");
		json_object_set_new(out, "why", json_string(why.buf));
		json_object_set_new(out, "why_id", json_integer(json_integer_value(json_object_get(cause, "from_id"))));
		json_object_set(out, "why_slug", json_object_get(cause, "from_slug"));
		sb_release(&why);
	} else if (v.status == LEGAL_EXPIRED) {
		json_object_set_new(out, "why", json_string("Hết thời hạn có hiệu lực ghi trong văn bản"));
	} else if (v.status == LEGAL_NOT_YET) {
		json_object_set_new(out, "why", json_string("Chưa đến ngày có hiệu lực"));
	}
	json_decref(acts);
	json_decref(fields);
	return out;
}
