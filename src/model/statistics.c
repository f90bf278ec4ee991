/* statistics.c — statistics tables kept with the items that publish them, and each site's
 * access-to-information section (statistics.h). */
#include "internal.h"
#include "statistics.h"
#include "kind.h"
#include "item.h"
#include "db/db.h"
#include "base/util.h"
#include "base/utf8.h"
#include "base/sb.h"
#include "base/log.h"
#include "base/arena.h"
#include "import/stattable.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

/* ---- statistics ---- */

json_t *stat_table_get(struct db *db, const char *sha256)
{
	struct db_stmt *st = db_stmt(db, "SELECT data FROM stat_tables WHERE sha256 = ?");
	if (!st || !sha256)
		return NULL;
	db_bind_text(st, 1, sha256);
	json_t *row = db_one_json(st);
	json_t *t = row ? json_loads(json_string_value(json_object_get(row, "data")), 0, NULL) : NULL;
	json_decref(row);
	return t;
}

/* Appends at most MAX + 1 bytes of the file at PATH to OUT: 0, or -1 (errno kept). */
static int file_read(const char *path, struct sb *out, size_t max)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		sb_add(out, buf, n);
		if (out->len > max)
			break;
	}
	int bad = ferror(f);
	fclose(f);
	return bad ? -1 : 0;
}

int statistics_check_store(struct db *db, const char *data_dir, int64_t site_id, int64_t item_id, const struct kind *k,
			   json_t *fields, struct errs *e)
{
	(void)k;
	(void)item_id;
	json_t *v = json_object_get(fields, "bang");
	if (!json_is_integer(v))
		return 0; /* none chosen: "required" was said */
	json_t *m = media_get(db, json_integer_value(v));
	if (!m || json_integer_value(json_object_get(m, "site_id")) != site_id) {
		json_decref(m); /* kind_files_check said so */
		return 0;
	}
	const char *sha = json_string_value(json_object_get(m, "sha256"));
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM stat_tables WHERE sha256 = ?");
	if (!st) {
		json_decref(m);
		return -1;
	}
	db_bind_text(st, 1, sha);
	int s = db_step(st);
	db_reset(st);
	if (s == DB_ROW) { /* these bytes were read and found good before */
		json_decref(m);
		return 0;
	}
	if (s != DB_DONE) {
		json_decref(m);
		return -1;
	}
	int rc = 0;
	struct sb bytes = SB_INIT, path = SB_INIT;
	char *rel = media_path(m);
	if (!data_dir) {
		errs_add(e, "bang", "stat_table_unreadable");
		goto out;
	}
	sb_addf(&path, "%s/%s", data_dir, rel);
	if (file_read(path.buf, &bytes, STAT_MAX_BYTES)) {
		log_error("statistics: cannot read the library file %s: %s", rel, strerror(errno));
		errs_add(e, "bang", "stat_table_unreadable");
		goto out;
	}
	const char *ext = json_string_value(json_object_get(m, "ext"));
	char why[320];
	json_t *t = stat_table_parse(bytes.buf, bytes.len,
				     ext && strcmp(ext, "xlsx") == 0 ? STAT_XLSX : ext && strcmp(ext, "csv") == 0 ? STAT_CSV : STAT_AUTO,
				     why, sizeof(why));
	if (!t) {
		errs_add_text(e, "bang", "stat_table_invalid", why);
		goto out;
	}
	char *data = json_dumps(t, JSON_COMPACT);
	st = db_stmt(db, "INSERT INTO stat_tables (sha256, format, ncols, nrows, data, created_at) VALUES (?, ?, ?, ?, ?, ?)");
	if (!st || !data) {
		rc = -1;
	} else {
		db_bind_text(st, 1, sha);
		db_bind_text(st, 2, json_string_value(json_object_get(t, "format")));
		db_bind_int(st, 3, (int64_t)json_array_size(json_object_get(t, "columns")));
		db_bind_int(st, 4, (int64_t)json_array_size(json_object_get(t, "rows")));
		db_bind_text(st, 5, data);
		db_bind_int(st, 6, time_now());
		rc = db_step_done(st) ? -1 : 0;
	}
	json_free_str(data);
	json_decref(t);
out:
	free(rel);
	sb_release(&bytes);
	sb_release(&path);
	json_decref(m);
	return rc;
}

void statistics_period_text(const char *ky, const char *day, char out[64])
{
	static const char *const roman[] = { "I", "II", "III", "IV" };
	int y, mo, d;
	out[0] = '\0';
	if (!ky || !day || sscanf(day, "%4d-%2d-%2d", &y, &mo, &d) != 3 || mo < 1 || mo > 12)
		return;
	if (strcmp(ky, "nam") == 0)
		snprintf(out, 64, "Năm %d", y);
	else if (strcmp(ky, "6-thang") == 0)
		snprintf(out, 64, "6 tháng %s năm %d", mo <= 6 ? "đầu" : "cuối", y);
	else if (strcmp(ky, "quy") == 0)
		snprintf(out, 64, "Quý %s/%d", roman[(mo - 1) / 3], y);
	else if (strcmp(ky, "thang") == 0)
		snprintf(out, 64, "Tháng %d/%d", mo, y);
}

/* ---- access to information ---- */

void disclosure_check(const struct kind *k, json_t *fields, struct errs *e)
{
	(void)k;
	int32_t made = kind_day(json_string_value(json_object_get(fields, "ngay_tao")));
	int32_t shown = kind_day(json_string_value(json_object_get(fields, "thoi_diem")));
	if (made && shown && shown < made)
		errs_add(e, "thoi_diem", "disclosure_before_created");
	const char *form = json_string_value(json_object_get(fields, "hinh_thuc"));
	const char *link = json_string_value(json_object_get(fields, "lien_ket"));
	if (form && strcmp(form, "van-ban") != 0 && (!link || !*link) && !json_is_integer(json_object_get(fields, "tep_thong_tin")))
		errs_add(e, "lien_ket", "disclosure_link_required");
}

const char *const access_form_codes[ACCESS_FORMS] = { "01a", "01b", "02", "03", "04", "05", "06" };

static const char *const info_cols[] = { "unit", "person", "address", "phone", "email", "hours", "request_url", "guide" };
static const size_t info_max[] = { 200, 100, 300, 50, 200, 300, 500, 5000 };

json_t *access_info_get(struct db *db, int64_t site_id)
{
	struct db_stmt *st = db_stmt(db, "SELECT unit, person, address, phone, email, hours, request_url, guide"
				       " FROM access_info WHERE site_id = ?");
	json_t *o = NULL;
	if (st) {
		db_bind_int(st, 1, site_id);
		o = db_one_json(st);
	}
	if (!o) {
		o = json_object();
		for (size_t i = 0; i < ARRAY_SIZE(info_cols); i++)
			json_object_set_new(o, info_cols[i], json_string(""));
	}
	int has = 0;
	for (size_t i = 0; i + 1 < ARRAY_SIZE(info_cols); i++) /* the guide is no contact */
		has |= *json_string_value(json_object_get(o, info_cols[i])) != '\0';
	json_object_set_new(o, "has_contact", json_boolean(has));
	json_t *forms = json_array();
	st = db_stmt(db, "SELECT form, media_id FROM access_forms WHERE site_id = ?");
	json_t *rows = NULL;
	if (st) {
		db_bind_int(st, 1, site_id);
		rows = db_rows_json(st);
	}
	for (size_t i = 0; i < ACCESS_FORMS; i++) {
		json_t *f = json_pack("{sssn}", "code", access_form_codes[i], "media_id");
		size_t j;
		json_t *r;
		json_array_foreach(rows, j, r)
			if (strcmp(json_string_value(json_object_get(r, "form")), access_form_codes[i]) == 0)
				json_object_set(f, "media_id", json_object_get(r, "media_id"));
		json_array_append_new(forms, f);
	}
	json_decref(rows);
	json_object_set_new(o, "forms", forms);
	return o;
}

static int email_ok(const char *s)
{
	const char *at = strchr(s, '@');
	return at && at > s && strchr(at, '.') && !strchr(s, ' ') && strchr(at + 1, '@') == NULL;
}

int access_info_save(struct db *db, const struct actor *a, int64_t site_id, const struct access_info_input *in,
		     struct errs *e)
{
	if (actor_level(db, a, site_id) < LVL_SITEADMIN)
		return M_DENIED;
	const char *src[] = { in->unit, in->person, in->address, in->phone, in->email, in->hours, in->request_url, in->guide };
	char *v[ARRAY_SIZE(info_cols)];
	for (size_t i = 0; i < ARRAY_SIZE(info_cols); i++) {
		v[i] = text_clean(src[i], i == ARRAY_SIZE(info_cols) - 1);
		if (!v[i]) {
			errs_add(e, info_cols[i], "invalid_utf8");
			v[i] = xstrdup("");
		} else if (utf8_length(v[i]) > info_max[i]) {
			errs_add(e, info_cols[i], "too_long");
		}
	}
	if (*v[4] && !email_ok(v[4]))
		errs_add(e, "email", "email_invalid");
	if (*v[6] && strncmp(v[6], "https://", 8) != 0 && strncmp(v[6], "http://", 7) != 0)
		errs_add(e, "request_url", "url_invalid");
	static const char *const form_fields[ACCESS_FORMS] = { "form_01a", "form_01b", "form_02", "form_03",
								 "form_04", "form_05", "form_06" };
	for (size_t i = 0; i < ACCESS_FORMS; i++) {
		if (!in->forms[i])
			continue;
		json_t *m = media_get(db, in->forms[i]);
		if (!m || json_integer_value(json_object_get(m, "site_id")) != site_id ||
		    strcmp(json_string_value(json_object_get(m, "kind")), "file") != 0)
			errs_add(e, form_fields[i], "file_invalid");
		json_decref(m);
	}
	int rc = M_INVALID;
	if (e->n)
		goto out;
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	struct db_stmt *st = db_stmt(db, "INSERT INTO access_info (site_id, unit, person, address, phone, email, hours,"
				       " request_url, guide, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
				       " ON CONFLICT (site_id) DO UPDATE SET unit = ?2, person = ?3, address = ?4, phone = ?5,"
				       " email = ?6, hours = ?7, request_url = ?8, guide = ?9, updated_by = ?10, updated_at = ?11");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, site_id);
	for (size_t i = 0; i < ARRAY_SIZE(info_cols); i++)
		db_bind_text(st, (int)i + 2, v[i]);
	if (a->id)
		db_bind_int(st, 10, a->id);
	db_bind_int(st, 11, time_now());
	if (db_step_done(st))
		goto rollback;
	st = db_stmt(db, "DELETE FROM access_forms WHERE site_id = ?");
	if (!st)
		goto rollback;
	db_bind_int(st, 1, site_id);
	if (db_step_done(st))
		goto rollback;
	for (size_t i = 0; i < ACCESS_FORMS; i++) {
		if (!in->forms[i])
			continue;
		st = db_stmt(db, "INSERT INTO access_forms (site_id, form, media_id) VALUES (?, ?, ?)");
		if (!st)
			goto rollback;
		db_bind_int(st, 1, site_id);
		db_bind_text(st, 2, access_form_codes[i]);
		db_bind_int(st, 3, in->forms[i]);
		if (db_step_done(st))
			goto rollback;
	}
	if (audit_write(db, a, site_id, "access_info.save", "", v[0]) || cache_bump(db, site_id))
		goto rollback;
	rc = db_commit(db) ? M_ERROR : M_OK;
	goto out;
rollback:
	db_rollback(db);
out:
	for (size_t i = 0; i < ARRAY_SIZE(info_cols); i++)
		free(v[i]);
	return rc;
}

json_t *access_info_published(struct db *db, int64_t site_id, int64_t limit)
{
	json_t *out = json_array();
	size_t n;
	const struct kind *const *all = kind_all(&n);
	for (size_t i = 0; i < n; i++) {
		const struct kind *k = all[i];
		if (!k->access_group)
			continue;
		int64_t total = 0;
		json_t *rows = item_list_public(db, site_id, k->name, 0, NULL, 0, limit, 0, &total, ITEM_ROWS_FULL), *row;
		/* what list rows leave out: the time of publication and the identifier */
		size_t j;
		json_array_foreach(rows, j, row) {
			struct db_stmt *st = db_stmt(db, "SELECT published_at, ref FROM items WHERE id = ?");
			if (!st)
				break;
			db_bind_int(st, 1, json_integer_value(json_object_get(row, "id")));
			json_t *more = db_one_json(st);
			if (more)
				json_object_update(row, more);
			json_decref(more);
		}
		json_array_append_new(out, json_pack("{sssssssssssIso}", "kind", k->name, "group", k->access_group, "label",
						     k->label, "segment", k->segment, "label_one", k->label_one, "total",
						     (json_int_t)total, "rows", rows ? rows : json_array()));
	}
	return out;
}
