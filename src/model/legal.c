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
#include "vn/legal.h"
#include "vn/slug.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"


const char *legal_rel_label(const char *rel, int reverse)
{
	if (rel && strcmp(rel, "van_ban") == 0) /* a gazette issue's documents */
		return reverse ? "Đăng trên Công báo" : "Văn bản đăng trong số";
	enum legal_rel r = legal_rel_from_key(rel);
	if (!r)
		return rel ? rel : "";
	return reverse ? legal_rel_label_to(r) : legal_rel_label_from(r);
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

static struct legal_dates dates_of(json_t *fields)
{
	return (struct legal_dates){
		kind_day(json_string_value(json_object_get(fields, "ngay_ban_hanh"))),
		kind_day(json_string_value(json_object_get(fields, "ngay_hieu_luc"))),
		kind_day(json_string_value(json_object_get(fields, "ngay_het_hieu_luc"))),
	};
}

/* The validity as of TODAY of a document with FIELDS that the relations IN (item_links_to) act
 * on, and the next day it changes (NEXT may be NULL). */
static void validity_from(json_t *in, json_t *fields, int32_t today, struct legal_validity *out, int32_t *next)
{
	size_t n = json_array_size(in), i;
	struct legal_act *v = xcalloc(n ? n : 1, sizeof(*v));
	json_t *x;
	json_array_foreach(in, i, x) {
		v[i].rel = strcmp(json_string_value(json_object_get(x, "from_kind")), "legal") == 0
			? legal_rel_from_key(json_string_value(json_object_get(x, "relation"))) : 0;
		/* the acting document's first day in force, as its derive kept it; its fields only
		 * when it has not been derived since that term came (a document of an older build) */
		const char *kept = json_string_value(json_object_get(x, "from_effective"));
		if (kept) {
			v[i].effective = kind_day(kept);
			continue;
		}
		json_t *ff = json_loads(json_string_value(json_object_get(x, "from_fields")), 0, NULL);
		struct legal_dates fd = ff ? dates_of(ff) : (struct legal_dates){ 0, 0, 0 };
		v[i].effective = fd.effective ? fd.effective : fd.issued;
		json_decref(ff);
	}
	struct legal_dates d = dates_of(fields);
	*out = legal_validity_at(&d, v, n, today);
	if (next)
		*next = legal_validity_next_change(&d, v, n, today);
	free(v);
}

/* Reads what acts on ID and computes its validity as of TODAY, and the next day it changes. */
static void validity_of(struct db *db, int64_t id, json_t *fields, int32_t today, struct legal_validity *out,
			int32_t *next)
{
	json_t *in = item_links_to(db, id);
	validity_from(in, fields, today, out, next);
	json_decref(in);
}

static int write_validity(struct db *db, int64_t id, json_t *fields, int32_t today)
{
	struct legal_validity v;
	int32_t next = 0;
	validity_of(db, id, fields, today, &v, &next);
	if (item_term_set(db, id, "hieu_luc", legal_status_key(v.status)))
		return -1;
	return item_recheck_at(db, id, next);
}

/* The update deadline a document follows when nobody chose one (deadline.h, VL Đ9.3): the
 * central government's documents 8 working days, the province's and the units' 2. Kept as the
 * item's term "han", which deadline_refresh reads after the item's own choice. */
static int write_deadline_kind(struct db *db, int64_t id, json_t *fields)
{
	const char *scope = json_string_value(json_object_get(fields, "pham_vi"));
	const char *kind = scope && strcmp(scope, "trung-uong") == 0 ? "van-ban-trung-uong" : "van-ban-tinh";
	return item_term_add(db, id, "han", kind);
}

/* The first day the document is in force ("YYYY-MM-DD": its effective day, else its issue day),
 * kept as its term "hl": the documents it acts on read it without parsing its fields. */
static int write_effective(struct db *db, int64_t id, json_t *fields)
{
	struct legal_dates d = dates_of(fields);
	int32_t day = d.effective ? d.effective : d.issued;
	if (!day)
		return 0;
	char iso[11];
	vn_date_format(vn_days_to_date(day), iso);
	return item_term_add(db, id, "hl", iso);
}

int legal_derive(struct db *db, const struct kind *k, int64_t id, json_t *fields, int32_t today)
{
	(void)k;
	if (write_effective(db, id, fields) || write_validity(db, id, fields, today) || write_deadline_kind(db, id, fields))
		return -1;
	/* the documents this one acts on: their validity follows from it */
	struct db_stmt *st = db_stmt(db, "SELECT DISTINCT t.id, t.fields, t.site_id FROM item_links l JOIN items t ON t.id = l.to_id"
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
		/* its pages show the change on the next request, whichever site it is on */
		if (tf && (write_validity(db, json_integer_value(json_object_get(t, "id")), tf, today) ||
			   cache_bump(db, json_integer_value(json_object_get(t, "site_id")))))
			rc = -1;
		json_decref(tf);
	}
	json_decref(targets);
	return rc;
}

json_t *legal_validity(struct db *db, int64_t id, int32_t today)
{
	struct db_stmt *st = db_stmt(db, "SELECT fields FROM items WHERE id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	json_t *row = db_one_json(st);
	json_t *fields = row ? json_loads(json_string_value(json_object_get(row, "fields")), 0, NULL) : NULL;
	json_decref(row);
	if (!fields)
		return NULL;
	json_t *acts = item_links_to(db, id);
	json_t *out = legal_validity_of(fields, acts, today);
	json_decref(acts);
	json_decref(fields);
	return out;
}

json_t *legal_validity_of(json_t *fields, json_t *acts, int32_t today)
{
	struct legal_validity v;
	validity_from(acts, fields, today, &v, NULL);
	json_t *out = json_pack("{ssss}", "status", legal_status_key(v.status), "label", legal_status_label(v.status));
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
		json_object_set(out, "why_kind", json_object_get(cause, "from_kind"));
		json_object_set(out, "why_site_id", json_object_get(cause, "from_site_id"));
		sb_release(&why);
	} else if (v.status == LEGAL_EXPIRED) {
		json_object_set_new(out, "why", json_string("Hết thời hạn có hiệu lực ghi trong văn bản"));
	} else if (v.status == LEGAL_NOT_YET) {
		json_object_set_new(out, "why", json_string("Chưa đến ngày có hiệu lực"));
	}
	return out;
}
