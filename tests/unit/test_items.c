/* test_items.c — the public reads of items over a real SQLite: a legal document's validity on the
 * day a replacing document takes effect (legal_validity with a fixed today), the derived terms
 * and links (item_derive), relations on both ends, the search by number. Items are written with
 * SQL as the model writes them, then derived by the model. */
#include "t.h"
#include "db/db.h"
#include "model/model.h"
#include "model/item.h"
#include "model/kind.h"
#include "model/legal.h"
#include "vn/calendar.h"
#include "base/util.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/cong-items-XXXXXX";

static struct db *fresh_db(void)
{
	char path[256], err[256];
	static int n;
	if (sodium_init() < 0)
		return NULL;
	if (!n && !mkdtemp(tmpdir))
		return NULL;
	snprintf(path, sizeof(path), "%s/t%d.db", tmpdir, n++);
	struct db *db = db_open(path, err, sizeof(err));
	if (db && db_migrate(db, err, sizeof(err)) < 0) {
		db_close(db);
		return NULL;
	}
	return db;
}

/* A published item of KIND with FIELDS (JSON text), derived as the model does on publishing. */
static int64_t add_item(struct db *db, int64_t site_id, int64_t cat_id, const char *kind, const char *title,
			const char *fields)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO items (site_id, category_id, state, title, slug, kind, fields,"
				       " published_at, created_at, updated_at) VALUES (?, ?, 'published', ?, 'x', ?, ?, 1, 1, 1)");
	if (!st)
		return 0;
	db_bind_int(st, 1, site_id);
	db_bind_int(st, 2, cat_id);
	db_bind_text(st, 3, title);
	db_bind_text(st, 4, kind);
	db_bind_text(st, 5, fields);
	int ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_reset(st);
	if (!ok)
		return 0;
	int64_t id = db_last_id(db);
	return item_derive(db, id) == 0 ? id : 0;
}

static const char *term_of(struct db *db, int64_t id, const char *key, char *buf, size_t n)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM item_terms WHERE item_id = ? AND key = ?");
	const char *v = NULL;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, key);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
		v = buf;
	}
	sqlite3_reset(st);
	return v;
}

static const char *status_on(struct db *db, int64_t id, int32_t day, char *buf, size_t n)
{
	json_t *v = legal_validity(db, id, day);
	snprintf(buf, n, "%s", v ? json_string_value(json_object_get(v, "status")) : "(null)");
	json_decref(v);
	return buf;
}

TEST(items_legal_validity_on_the_replacing_day)
{
	struct db *db = fresh_db();
	CHECK(db != NULL);
	if (!db)
		return;
	struct site_input in = { .name = "Tỉnh Thử", .kind = "main" };
	struct errs e = { 0 };
	int64_t site = 0;
	CHECK(site_add(db, &in, &e, &site, NULL) == 0);
	CHECK(db_exec(db, "INSERT INTO categories (site_id, name, slug, kind) VALUES (1, 'Văn bản', 'van-ban', 'legal')") == 0);
	int64_t cat = db_last_id(db);
	int32_t today = vn_days_of_time(time_now());
	char old_fields[512], new_fields[512], d1[11], d2[11], buf[64];
	vn_date_format(vn_days_to_date(today - 400), d1);
	snprintf(old_fields, sizeof(old_fields),
		 "{\"so_ky_hieu\":\"12/2024/QĐ-UBND\",\"loai\":\"Quyết định\",\"co_quan_ban_hanh\":\"UBND tỉnh\","
		 "\"ngay_ban_hanh\":\"%s\",\"pham_vi\":\"tinh\",\"linh_vuc\":[\"Giáo dục\"],\"sua_doi\":[\"99/2020/QĐ-UBND\"]}", d1);
	int64_t old_id = add_item(db, site, cat, "legal", "Quy định về học phí", old_fields);
	CHECK(old_id > 0);
	CHECK_STR(term_of(db, old_id, "hieu_luc", buf, sizeof(buf)), "con-hieu-luc");
	CHECK_STR(term_of(db, old_id, "loai", buf, sizeof(buf)), "Quyết định");

	/* a replacing document, effective tomorrow */
	vn_date_format(vn_days_to_date(today - 10), d1);
	vn_date_format(vn_days_to_date(today + 1), d2);
	snprintf(new_fields, sizeof(new_fields),
		 "{\"so_ky_hieu\":\"42/2025/QĐ-UBND\",\"loai\":\"Quyết định\",\"co_quan_ban_hanh\":\"UBND tỉnh\","
		 "\"ngay_ban_hanh\":\"%s\",\"ngay_hieu_luc\":\"%s\",\"pham_vi\":\"tinh\",\"thay_the\":[\"12/2024/qd-ubnd\"]}", d1, d2);
	int64_t new_id = add_item(db, site, cat, "legal", "Quy định mới về học phí", new_fields);
	CHECK(new_id > 0);
	/* today the old one is still in force; tomorrow, the replacing day, it is not */
	CHECK_STR(status_on(db, old_id, today, buf, sizeof(buf)), "con-hieu-luc");
	CHECK_STR(term_of(db, old_id, "hieu_luc", buf, sizeof(buf)), "con-hieu-luc");
	CHECK_STR(status_on(db, new_id, today, buf, sizeof(buf)), "chua-hieu-luc");
	CHECK_STR(status_on(db, old_id, today + 1, buf, sizeof(buf)), "het-hieu-luc-toan-bo");
	json_t *v = legal_validity(db, old_id, today + 1);
	CHECK(v && json_integer_value(json_object_get(v, "why_id")) == new_id);
	CHECK(v && strstr(json_string_value(json_object_get(v, "why")), "Bị thay thế bởi 42/2025/QĐ-UBND") != NULL);
	vn_date ds = vn_days_to_date(today + 1);
	char since[16];
	snprintf(since, sizeof(since), "%02d/%02d/%04d", ds.d, ds.m, ds.y);
	CHECK_STR(json_string_value(json_object_get(v, "since")), since);
	json_decref(v);

	/* the replacing document made effective today: derived again, the old one's term follows */
	vn_date_format(vn_days_to_date(today), d2);
	snprintf(new_fields, sizeof(new_fields),
		 "{\"so_ky_hieu\":\"42/2025/QĐ-UBND\",\"loai\":\"Quyết định\",\"co_quan_ban_hanh\":\"UBND tỉnh\","
		 "\"ngay_ban_hanh\":\"%s\",\"ngay_hieu_luc\":\"%s\",\"pham_vi\":\"tinh\",\"thay_the\":[\"12/2024/qd-ubnd\"]}", d1, d2);
	sqlite3_stmt *st = db_stmt(db, "UPDATE items SET fields = ? WHERE id = ?");
	db_bind_text(st, 1, new_fields);
	db_bind_int(st, 2, new_id);
	CHECK(sqlite3_step(st) == SQLITE_DONE);
	sqlite3_reset(st);
	CHECK(item_derive(db, new_id) == 0);
	CHECK_STR(term_of(db, old_id, "hieu_luc", buf, sizeof(buf)), "het-hieu-luc-toan-bo");
	CHECK_STR(status_on(db, old_id, today, buf, sizeof(buf)), "het-hieu-luc-toan-bo");
	CHECK_STR(status_on(db, old_id, today - 1, buf, sizeof(buf)), "con-hieu-luc");

	/* relations on both ends; a number not in the database stays unlinked */
	json_t *from = item_links_from(db, old_id);
	CHECK(json_array_size(from) == 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(from, 0), "to_ref")), "99/2020/QĐ-UBND");
	CHECK(json_is_null(json_object_get(json_array_get(from, 0), "to_id")));
	json_decref(from);
	json_t *to = item_links_to(db, old_id);
	CHECK(json_array_size(to) == 1);
	CHECK(json_integer_value(json_object_get(json_array_get(to, 0), "from_id")) == new_id);
	CHECK_STR(json_string_value(json_object_get(json_array_get(to, 0), "relation")), "thay_the");
	json_decref(to);
	CHECK_STR(legal_rel_label("thay_the", 1), "Bị thay thế bởi");
	CHECK_STR(legal_rel_label("sua_doi", 0), "Sửa đổi, bổ sung");

	/* the number in the forms people type it */
	static const char *const forms[] = { "12/2024/QĐ-UBND", "12/2024/qd-ubnd", "QĐ 12/2024", "12 2024 QĐ UBND",
					     "quyết định 12/2024" };
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		json_t *ids = item_find_by_ref(db, site, "legal", forms[i], 10);
		if (!CHECK(json_array_size(ids) == 1 && json_integer_value(json_array_get(ids, 0)) == old_id))
			fprintf(stderr, "  form %s\n", forms[i]);
		json_decref(ids);
	}
	json_t *none = item_find_by_ref(db, site, "legal", "học phí", 10);
	CHECK(json_array_size(none) == 0);
	json_decref(none);
	db_close(db);
}
