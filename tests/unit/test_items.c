/* test_items.c — the item layer: descriptors checked (a bad one is refused with a sentence naming
 * it), a kind's fields cleaned with messages per field, the derived identifier, terms and links,
 * relations to documents not yet present, and the validity that follows a replacing document on
 * the day it takes effect. */
#include "t.h"
#include "tdb.h"
#include "model/model.h"
#include "model/kind.h"
#include "model/item.h"
#include "model/legal.h"
#include "db/db.h"
#include "vn/calendar.h"

#include <sodium.h>
#include <time.h>
#include "base/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int has_err(const struct errs *e, const char *field, const char *key)
{
	for (int i = 0; i < e->n; i++)
		if (strcmp(e->e[i].field, field) == 0 && (!key || strcmp(e->e[i].key, key) == 0))
			return 1;
	return 0;
}

TEST(items_declared_kinds_pass_their_check)
{
	char err[256] = "";
	CHECK(kinds_check(err, sizeof(err)) == 0);
	CHECK_STR(err, "");
	CHECK(kind_find("article") && kind_find("legal") && kind_find("gazette"));
	CHECK(kind_by_segment("van-ban") == kind_find("legal"));
	CHECK(kind_by_segment("cong-bao") == kind_find("gazette"));
	CHECK(kind_by_segment("khong-co") == NULL);
	CHECK(kind_ident_field(kind_find("legal")) && strcmp(kind_ident_field(kind_find("legal"))->key, "so_ky_hieu") == 0);
	CHECK(kind_sort_field(kind_find("gazette")) && strcmp(kind_sort_field(kind_find("gazette"))->key, "ngay") == 0);
}

static const struct kind_choice two[] = { { "a", "A" }, { "b", "B" }, { NULL, NULL } };

TEST(items_a_bad_descriptor_is_refused_with_a_sentence)
{
	static const struct kind_field dup[] = { { .key = "so", .label = "Số", .type = F_TEXT, .max = 10 },
						 { .key = "so", .label = "Số", .type = F_TEXT, .max = 10 } };
	static const struct kind_field badkey[] = { { .key = "Số", .label = "Số", .type = F_TEXT, .max = 10 } };
	static const struct kind_field nochoice[] = { { .key = "loai", .label = "Loại", .type = F_ENUM } };
	static const struct kind_field badref[] = { { .key = "ve", .label = "Về", .type = F_REF, .max = 5, .ref_kind = "khong_co" } };
	static const struct kind_field idents[] = { { .key = "a", .label = "A", .type = F_TEXT, .max = 5, .flags = FF_IDENT },
						    { .key = "b", .label = "B", .type = F_TEXT, .max = 5, .flags = FF_IDENT } };
	static const struct kind_field personal[] = { { .key = "sdt", .label = "Điện thoại", .type = F_TEXT, .max = 20, .flags = FF_PERSONAL | FF_FILTER } };
	static const struct kind_field reserved[] = { { .key = "title", .label = "Tiêu đề", .type = F_TEXT, .max = 20 } };
	static const struct kind_field nomax[] = { { .key = "ghi_chu", .label = "Ghi chú", .type = F_TEXT } };
	static const struct kind_field sortnotdate[] = { { .key = "so", .label = "Số", .type = F_TEXT, .max = 9, .flags = FF_SORT } };
	static const struct kind_field cols[] = { { .key = "ten", .label = "Tên", .type = F_TEXT, .max = 50 } };
	static const struct kind_field nestedcols[] = { { .key = "ds", .label = "DS", .type = F_TAGS, .max = 5 } };
	static const struct kind_field rowsnocols[] = { { .key = "bang", .label = "Bảng", .type = F_ROWS, .max = 5 } };
	static const struct kind_field rowsnomax[] = { { .key = "bang", .label = "Bảng", .type = F_ROWS, .sub = cols, .nsub = 1 } };
	static const struct kind_field rowsnested[] = { { .key = "bang", .label = "Bảng", .type = F_ROWS, .max = 5,
							  .sub = nestedcols, .nsub = 1 } };
	static const struct kind_field colsnotrows[] = { { .key = "so", .label = "Số", .type = F_TEXT, .max = 5, .sub = cols,
							   .nsub = 1 } };
	static const struct kind_field filefilter[] = { { .key = "tep_x", .label = "Tệp", .type = F_FILE, .flags = FF_FILTER } };
	static const struct kind_field countself[] = { { .key = "ve", .label = "Về", .type = F_REF, .max = 5,
							 .flags = FF_COUNT, .ref_kind = "legal" } };
	static const struct kind_field choicesnotenum[] = { { .key = "so", .label = "Số", .type = F_TEXT, .max = 9, .choices = two } };
	static const struct {
		struct kind k;
		const char *says;
	} cases[] = {
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = dup, .nfields = 2 }, "declared twice" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = badkey, .nfields = 1 }, "key must be" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = nochoice, .nfields = 1 }, "without choices" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = rowsnocols, .nfields = 1 }, "only a table, has columns" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = colsnotrows, .nfields = 1 }, "only a table, has columns" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = rowsnomax, .nfields = 1 }, "largest number of rows" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = rowsnested, .nfields = 1 }, "cannot be a table, a reference or a list" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = filefilter, .nfields = 1 }, "a file cannot be filtered" },
		{ { .name = "legal", .segment = "x", .label = "X", .label_one = "x", .fields = countself, .nfields = 1 }, "only a reference to another kind is counted" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = badref, .nfields = 1 }, "unknown kind" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = idents, .nfields = 2 }, "more than one identifier" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = personal, .nfields = 1 }, "personal data" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = reserved, .nfields = 1 }, "item's own columns" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = nomax, .nfields = 1 }, "maximum length" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = sortnotdate, .nfields = 1 }, "sort on a date" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .fields = choicesnotenum, .nfields = 1 }, "not a choice" },
		{ { .name = "Bad", .segment = "x", .label = "X", .label_one = "x" }, "the name must be" },
		{ { .name = "x", .segment = "Văn bản", .label = "X", .label_one = "x" }, "URL segment" },
		{ { .name = "x", .segment = "x", .label = "", .label_one = "x" }, "a label is needed" },
		{ { .name = "x", .segment = "x", .label = "X", .label_one = "x", .nfields = 3 }, "none given" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char err[256] = "";
		int rc = kind_check(&cases[i].k, err, sizeof(err));
		char name[64];
		snprintf(name, sizeof(name), "bad descriptor %zu says \"%s\"", i, cases[i].says);
		t_case(name, rc == -1 && strstr(err, cases[i].says) != NULL, err);
	}
}

TEST(items_fields_cleaned_with_a_message_per_field)
{
	const struct kind *k = kind_find("legal");
	struct errs e = { 0 };
	json_t *raw = json_pack("{ss ss ss ss ss ss ss ss ss}", "so_ky_hieu", " 12/2024/QĐ-UBND ", "loai", "Quyết định",
				"co_quan_ban_hanh", "UBND tỉnh Vĩnh Long", "ngay_ban_hanh", "05/03/2024", "ngay_hieu_luc",
				"2024-03-15", "linh_vuc", "Công nghệ thông tin; Hành chính;;", "pham_vi", "Tỉnh", "sua_doi",
				"42/2022/NĐ-CP", "can_cu", "86/2015/QH13; 67/2006/QH11");
	json_t *out = NULL;
	kind_fields_clean(k, raw, &out, &e);
	CHECK(e.n == 0);
	CHECK_STR(json_string_value(json_object_get(out, "so_ky_hieu")), "12/2024/QĐ-UBND");
	CHECK_STR(json_string_value(json_object_get(out, "ngay_ban_hanh")), "2024-03-05");
	CHECK_STR(json_string_value(json_object_get(out, "pham_vi")), "tinh"); /* the label typed, the key kept */
	CHECK(json_array_size(json_object_get(out, "linh_vuc")) == 2);
	CHECK(json_array_size(json_object_get(out, "can_cu")) == 2);
	CHECK_STR(json_string_value(json_array_get(json_object_get(out, "sua_doi"), 0)), "42/2022/NĐ-CP");
	json_decref(out);
	json_decref(raw);

	/* every kind of bad value: each message next to its field, the input kept */
	e.n = 0;
	raw = json_pack("{ss ss ss ss ss ss ss}", "so_ky_hieu", "", "loai", "Loại tự đặt", "co_quan_ban_hanh", "",
			"ngay_ban_hanh", "31/02/2024", "ngay_het_hieu_luc", "2020-01-01", "pham_vi", "vu-tru",
			"thay_the", "không phải số");
	kind_fields_clean(k, raw, &out, &e);
	CHECK(has_err(&e, "so_ky_hieu", "required"));
	CHECK(has_err(&e, "co_quan_ban_hanh", "required"));
	CHECK(has_err(&e, "ngay_ban_hanh", "day_invalid"));
	CHECK(has_err(&e, "pham_vi", "choice_invalid"));
	CHECK(has_err(&e, "thay_the", "reference_invalid"));
	CHECK(!has_err(&e, "loai", NULL)); /* the site may extend the list of types */
	CHECK_STR(json_string_value(json_object_get(out, "ngay_ban_hanh")), "31/02/2024");
	CHECK_STR(json_string_value(json_object_get(out, "loai")), "Loại tự đặt");
	json_decref(out);
	json_decref(raw);

	/* cross-field rules: effective before issue, expiry before effect, acting on itself */
	e.n = 0;
	raw = json_pack("{ss ss ss ss ss ss ss ss}", "so_ky_hieu", "5/2024/QĐ-UBND", "loai", "Quyết định",
			"co_quan_ban_hanh", "UBND tỉnh", "ngay_ban_hanh", "2024-03-05", "ngay_hieu_luc", "2024-03-01",
			"ngay_het_hieu_luc", "2024-02-01", "pham_vi", "tinh", "bai_bo", "05/2024/qd-ubnd");
	kind_fields_clean(k, raw, &out, &e);
	CHECK(has_err(&e, "ngay_hieu_luc", "legal_effective_before_issue"));
	CHECK(has_err(&e, "ngay_het_hieu_luc", "legal_expiry_before_effective"));
	CHECK(has_err(&e, "bai_bo", "legal_self_reference"));
	json_decref(out);
	json_decref(raw);
}

/* A published legal document NUMBER of the site, with RELATIONS (pairs of key, numbers). */
static int64_t legal(struct db *db, int64_t site, const char *number, const char *issued, const char *effective,
		     const char *rel, const char *to)
{
	struct errs e = { 0 };
	json_t *f = json_pack("{ss ss ss ss ss ss}", "so_ky_hieu", number, "loai", "Quyết định", "co_quan_ban_hanh",
			      "UBND tỉnh Vĩnh Long", "ngay_ban_hanh", issued, "ngay_hieu_luc", effective ? effective : "",
			      "pham_vi", "tinh");
	if (rel)
		json_object_set_new(f, rel, json_string(to));
	struct article_input in = { 0 };
	in.kind = "legal";
	in.fields = f;
	in.title = number;
	in.category_id = category_for_kind(db, site, "legal");
	int64_t id = 0;
	if (article_save(db, &actor_cli, site, 0, &in, &e, &id) || article_publish_cli(db, site, id, 0))
		id = 0;
	json_decref(f);
	return id;
}

static const char *term(struct db *db, int64_t id, const char *key, char *buf, size_t n)
{
	struct db_stmt *st = db_stmt(db, "SELECT value FROM item_terms WHERE item_id = ? AND key = ?");
	*buf = 0;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, key);
	if (db_step(st) == DB_ROW)
		snprintf(buf, n, "%s", db_col_text(st, 0));
	db_reset(st);
	return buf;
}

static void day_text(int32_t day, char out[11])
{
	vn_date_format(vn_days_to_date(day), out);
}

static void count_card(const struct article_card *c, void *arg)
{
	(void)c;
	(void)arg;
}

/* A table field: rows from the form (objects) or a CSV cell (lines, " | "), blank rows left out,
 * each cell checked with its message under "<field>.<row>.<column>", written back the same way. */
static const struct kind_choice copies[] = { { "chinh", "Bản chính" }, { "sao", "Bản sao" }, { NULL, NULL } };
static const struct kind_field paper_cols[] = {
	{ .key = "ten", .label = "Tên giấy tờ", .type = F_TEXT, .max = 40, .flags = FF_REQUIRED },
	{ .key = "ban", .label = "Loại bản", .type = F_ENUM, .choices = copies },
	{ .key = "so_luong", .label = "Số lượng", .type = F_INT },
	{ .key = "ngay", .label = "Ngày", .type = F_DATE },
	{ .key = "mau", .label = "Mẫu đơn", .type = F_FILE, .accept = "application/pdf;application/msword" },
};
static const struct kind_field paper_fields[] = {
	{ .key = "ho_so", .label = "Thành phần hồ sơ", .type = F_ROWS, .max = 3, .flags = FF_REQUIRED | FF_SEARCH,
	  .sub = paper_cols, .nsub = 5 },
	{ .key = "ban_sao", .label = "Tệp", .type = F_FILE },
};
static const struct kind paper_kind = { .name = "paper", .segment = "giay-to", .label = "Giấy tờ", .label_one = "giấy tờ",
					.fields = paper_fields, .nfields = 2 };

TEST(items_a_table_field_is_cleaned_row_by_row)
{
	char err[200];
	CHECK(kind_check(&paper_kind, err, sizeof(err)) == 0);
	struct errs e = { 0 };
	json_t *raw = json_pack("{s[{ssssssss}{ssssssss}{ssssssss}]ss}", "ho_so",
				"ten", " Đơn đề nghị ", "ban", "Bản chính", "so_luong", "1", "ngay", "05/03/2026",
				"ten", "", "ban", "", "so_luong", "", "ngay", "",
				"ten", "Tờ khai", "ban", "sao", "so_luong", "2", "ngay", "", "ban_sao", "12");
	json_t *out = NULL;
	kind_fields_clean(&paper_kind, raw, &out, &e);
	CHECK(e.n == 0);
	json_t *rows = json_object_get(out, "ho_so");
	CHECK(json_array_size(rows) == 2); /* the blank row left out */
	CHECK_STR(json_string_value(json_object_get(json_array_get(rows, 0), "ten")), "Đơn đề nghị");
	CHECK_STR(json_string_value(json_object_get(json_array_get(rows, 0), "ban")), "chinh");
	CHECK(json_integer_value(json_object_get(json_array_get(rows, 1), "so_luong")) == 2);
	CHECK_STR(json_string_value(json_object_get(json_array_get(rows, 0), "ngay")), "2026-03-05");
	CHECK(json_integer_value(json_object_get(out, "ban_sao")) == 12);
	/* written as a CSV cell and read back: the same rows */
	char *text = kind_value_machine(&paper_fields[0], rows);
	CHECK_STR(text, "Đơn đề nghị | chinh | 1 | 2026-03-05 | \nTờ khai | sao | 2 |  | ");
	json_t *again = json_pack("{ss}", "ho_so", text), *out2 = NULL;
	struct errs e2 = { 0 };
	kind_fields_clean(&paper_kind, again, &out2, &e2);
	CHECK(e2.n == 0);
	CHECK(json_equal(json_object_get(out2, "ho_so"), rows));
	char *shown = kind_value_text(&paper_fields[0], rows);
	CHECK_STR(shown, "Đơn đề nghị | Bản chính | 1 | 05/03/2026 | \nTờ khai | Bản sao | 2 |  | ");
	free(shown);
	free(text);
	json_decref(again);
	json_decref(out2);
	json_decref(out);
	json_decref(raw);

	/* bad cells: each under its cell's name, one message for the table; too many rows */
	e = (struct errs){ 0 };
	raw = json_pack("{ss ss}", "ho_so", "| chinh\nGiấy | bản nháp | hai | 31/02/2026 | x", "ban_sao", "abc");
	kind_fields_clean(&paper_kind, raw, &out, &e);
	CHECK(has_err(&e, "ho_so.0.ten", "required"));
	CHECK(has_err(&e, "ho_so.1.ban", "choice_invalid"));
	CHECK(has_err(&e, "ho_so.1.so_luong", "number_invalid"));
	CHECK(has_err(&e, "ho_so.1.ngay", "day_invalid"));
	CHECK(has_err(&e, "ho_so.1.mau", "file_invalid"));
	CHECK(has_err(&e, "ho_so", "rows_invalid"));
	CHECK(has_err(&e, "ban_sao", "file_invalid"));
	CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(out, "ho_so"), 1), "so_luong")), "hai");
	json_decref(out);
	json_decref(raw);
	e = (struct errs){ 0 };
	raw = json_pack("{ss}", "ho_so", "a\nb\nc\nd");
	kind_fields_clean(&paper_kind, raw, &out, &e);
	CHECK(has_err(&e, "ho_so", "rows_too_many"));
	json_decref(out);
	json_decref(raw);
	e = (struct errs){ 0 };
	raw = json_pack("{ss}", "ho_so", "\n  \n");
	kind_fields_clean(&paper_kind, raw, &out, &e);
	CHECK(has_err(&e, "ho_so", "required"));
	json_decref(out);
	json_decref(raw);
	CHECK(kind_file_accepts("application/pdf;application/msword", "application/msword"));
	CHECK(!kind_file_accepts("image/", "video/mp4"));
	CHECK(kind_file_accepts(NULL, "video/mp4"));
	CHECK(kind_file_accepts("video/;audio/", "audio/mpeg"));
}

TEST(items_relations_link_both_ways_and_validity_follows_the_effective_day)
{
	struct db *db = t_fresh_db();
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t site;
	si.name = "Cổng chính";
	si.kind = "main";
	if (!CHECK(db && site_add(db, &si, &e, &site, NULL) == 0))
		return;
	char buf[64], tomorrow[11], today_s[11];
	int32_t today = vn_days_of_time(time(NULL));
	day_text(today + 1, tomorrow);
	day_text(today, today_s);

	/* B replaces A, which is not in the database yet: kept by its number */
	int64_t b = legal(db, site, "20/2026/QĐ-UBND", "2026-01-02", tomorrow, "thay_the", "7/2020/QĐ-UBND");
	CHECK(b > 0);
	json_t *out = item_links_from(db, b);
	CHECK(json_array_size(out) == 1);
	CHECK(json_is_null(json_object_get(json_array_get(out, 0), "to_id")));
	CHECK_STR(json_string_value(json_object_get(json_array_get(out, 0), "to_ref")), "7/2020/QĐ-UBND");
	json_decref(out);

	/* A arrives (typed with a leading zero): linked, and in force until B takes effect tomorrow */
	int64_t a = legal(db, site, "07/2020/QĐ-UBND", "2020-03-01", NULL, NULL, NULL);
	CHECK(a > 0);
	out = item_links_from(db, b);
	CHECK(json_integer_value(json_object_get(json_array_get(out, 0), "to_id")) == a);
	json_decref(out);
	out = item_links_to(db, a);
	CHECK(json_array_size(out) == 1 && json_integer_value(json_object_get(json_array_get(out, 0), "from_id")) == b);
	json_decref(out);
	CHECK_STR(term(db, a, "hieu_luc", buf, sizeof(buf)), "con_hieu_luc");
	CHECK_STR(term(db, a, "nam", buf, sizeof(buf)), "2020");
	CHECK_STR(term(db, b, "hieu_luc", buf, sizeof(buf)), "chua_co_hieu_luc");

	/* the scheduler's pass of today changes nothing; tomorrow's flips both */
	CHECK(item_recheck_due(db, today) == 0);
	CHECK(item_recheck_due(db, today + 1) >= 2);
	CHECK_STR(term(db, a, "hieu_luc", buf, sizeof(buf)), "het_hieu_luc_toan_bo");
	CHECK_STR(term(db, b, "hieu_luc", buf, sizeof(buf)), "con_hieu_luc");
	json_t *v = legal_validity(db, a, today + 1);
	CHECK_STR(json_string_value(json_object_get(v, "status")), "het_hieu_luc_toan_bo");
	CHECK(json_object_get(v, "why") && strstr(json_string_value(json_object_get(v, "why")), "20/2026/QĐ-UBND"));
	json_decref(v);
	v = legal_validity(db, a, today);
	CHECK_STR(json_string_value(json_object_get(v, "status")), "con_hieu_luc");
	json_decref(v);

	/* the number in every form people type finds it */
	static const char *forms[] = { "7/2020/QĐ-UBND", "07/2020/qd-ubnd", "QĐ 7/2020", "7 2020 QĐ UBND",
				       "quyết định 7/2020", "Quyết định số 07/2020/QĐ-UBND" };
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		json_t *ids = item_find_by_ref(db, site, "legal", forms[i], 10);
		char name[96];
		snprintf(name, sizeof(name), "number search: %s", forms[i]);
		t_case(name, json_array_size(ids) == 1 && json_integer_value(json_array_get(ids, 0)) == a, "");
		json_decref(ids);
	}
	/* the list filters */
	struct item_filter fl[] = { { "hieu_luc", "het_hieu_luc_toan_bo" } };
	int64_t total = 0;
	json_t *rows = item_list_public(db, site, "legal", 0, fl, 1, 20, 0, &total, 0);
	CHECK(total == 1 && json_integer_value(json_object_get(json_array_get(rows, 0), "id")) == a);
	json_decref(rows);
	struct item_filter fy[] = { { "nam", "2026" }, { "loai", "Quyết định" } };
	rows = item_list_public(db, site, "legal", 0, fy, 2, 20, 0, &total, 0);
	CHECK(total == 1 && json_integer_value(json_object_get(json_array_get(rows, 0), "id")) == b);
	json_decref(rows);
	/* the home page's lists are news: documents stay on their own pages */
	size_t ncards = 0;
	json_t *cats = category_list(db, site);
	ncards = article_home(db, site, cats, 8, 4, count_card, NULL);
	json_decref(cats);
	CHECK(ncards == 0);
	(void)today_s;
	db_close(db);
}

TEST(items_a_component_site_lists_the_main_portals_documents)
{
	struct db *db = t_fresh_db();
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t main_id, snv;
	si.name = "Cổng chính";
	si.kind = "main";
	if (!CHECK(db && site_add(db, &si, &e, &main_id, NULL) == 0))
		return;
	si.name = "Sở Nội vụ";
	si.kind = NULL;
	if (!CHECK(site_add(db, &si, &e, &snv, NULL) == 0))
		return;
	int64_t central = legal(db, main_id, "42/2022/NĐ-CP", "2022-06-24", "2022-08-01", NULL, NULL);
	int64_t own = legal(db, snv, "15/KH-SNV", "2026-02-01", NULL, NULL, NULL);
	CHECK(central > 0 && own > 0);
	int64_t total = 0;
	json_t *rows = item_list_public(db, snv, "legal", 0, NULL, 0, 20, 0, &total, 0);
	CHECK(total == 1);
	json_decref(rows);
	CHECK(item_get_public(db, snv, "legal", central) == NULL);

	/* a reporter may not choose; an editor may; the site's own document is no listing */
	struct actor reporter = { 0 }, editor = { 0 };
	e.n = 0;
	CHECK(user_add(db, "pv.snv", "Phóng viên", "reporter", "snv", "Mk@12345678x-Pv", &e, &reporter.id) == 0);
	CHECK(user_add(db, "btv.snv", "Biên tập viên", "editor", "snv", "Mk@12345678y-Btv", &e, &editor.id) == 0);
	CHECK(item_listing_set(db, &reporter, snv, central, 1, &e) == M_DENIED);
	e.n = 0;
	CHECK(item_listing_set(db, &editor, snv, own, 1, &e) == M_INVALID);
	e.n = 0;
	CHECK(item_listing_set(db, &editor, snv, central, 1, &e) == M_OK);

	rows = item_list_public(db, snv, "legal", 0, NULL, 0, 20, 0, &total, 0);
	CHECK(total == 2 && json_array_size(rows) == 2);
	json_decref(rows);
	struct item_filter fy[] = { { "nam", "2022" } };
	rows = item_list_public(db, snv, "legal", 0, fy, 1, 20, 0, &total, 0);
	CHECK(total == 1 && json_integer_value(json_object_get(json_array_get(rows, 0), "id")) == central);
	json_decref(rows);
	json_t *row = item_get_public(db, snv, "legal", central);
	CHECK(row && json_integer_value(json_object_get(row, "site_id")) == main_id);
	json_decref(row);
	json_t *ids = item_find_by_ref(db, snv, "legal", "nghị định 42/2022", 10);
	CHECK(json_array_size(ids) == 1); /* its number finds it on the site that lists it */
	json_decref(ids);
	json_t *cand = item_listing_candidates(db, &editor, snv, "legal", "NĐ 42/2022", 10, 0, &total);
	CHECK(json_array_size(cand) == 1 && json_is_true(json_object_get(json_array_get(cand, 0), "listed")));
	json_decref(cand);

	CHECK(item_listing_set(db, &editor, snv, central, 0, &e) == M_OK);
	rows = item_list_public(db, snv, "legal", 0, NULL, 0, 20, 0, &total, 0);
	CHECK(total == 1);
	json_decref(rows);
	db_close(db);
}

TEST(items_a_documents_scope_sets_its_update_deadline)
{
	struct db *db = t_fresh_db();
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t site;
	si.name = "Cổng chính";
	si.kind = "main";
	if (!CHECK(db && site_add(db, &si, &e, &site, NULL) == 0))
		return;
	static const char *const scopes[][2] = { { "trung-uong", "van-ban-trung-uong" }, { "tinh", "van-ban-tinh" } };
	for (size_t i = 0; i < 2; i++) {
		json_t *f = json_pack("{ss ss ss ss ss}", "so_ky_hieu", i ? "3/2026/QĐ-UBND" : "3/2026/NĐ-CP", "loai", "Nghị định",
				      "co_quan_ban_hanh", "Chính phủ", "ngay_ban_hanh", "2026-01-05", "pham_vi", scopes[i][0]);
		struct article_input in = { 0 };
		in.kind = "legal";
		in.fields = f;
		in.title = "Văn bản thử";
		in.category_id = category_for_kind(db, site, "legal");
		in.intake_received_at = 1767600000; /* 2026-01-05 */
		int64_t id = 0;
		CHECK(article_save(db, &actor_cli, site, 0, &in, &e, &id) == M_OK);
		struct db_stmt *st = db_stmt(db, "SELECT due_kind FROM items WHERE id = ?");
		db_bind_int(st, 1, id);
		CHECK(db_step(st) == DB_ROW && db_col_text(st, 0) &&
		      strcmp(db_col_text(st, 0), scopes[i][1]) == 0);
		db_reset(st);
		json_decref(f);
	}
	db_close(db);
}

/* A common number typed without its year ("kế hoạch số 5") is a long range of keys ("5/2000/…" to
 * "5/2026/…" sort before "5/kh-ubnd"): every match is found however many keys come before it,
 * and only published documents, of the site when one is given. */
TEST(items_number_search_reads_past_a_long_range_of_other_keys)
{
	struct db *db = t_fresh_db();
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t site;
	si.name = "Cổng chính";
	si.kind = "main";
	if (!CHECK(db && site_add(db, &si, &e, &site, NULL) == 0))
		return;
	int64_t cat = category_for_kind(db, site, "legal");
	CHECK(cat > 0);
	CHECK(db_exec(db, "BEGIN") == 0);
	struct db_stmt *st = db_stmt(db, "INSERT INTO items (site_id, category_id, state, title, slug, created_at, updated_at,"
				       " kind, ref, ref_key) VALUES (?1, ?2, ?3, 'x', 'x', 0, 0, 'legal', ?4, ?5)");
	for (int i = 0; i < 1200; i++) { /* 1,200 documents numbered 5 before the one looked for */
		char ref[64], key[64];
		snprintf(ref, sizeof(ref), "5/%d/TB-S%d", 2000 + i % 27, i);
		snprintf(key, sizeof(key), "5/%d/tb-s%d", 2000 + i % 27, i);
		db_bind_int(st, 1, site);
		db_bind_int(st, 2, cat);
		db_bind_text(st, 3, "published");
		db_bind_text(st, 4, ref);
		db_bind_text(st, 5, key);
		CHECK(db_step(st) == DB_DONE);
		db_reset(st);
	}
	static const char *const last[][2] = { { "5/KH-UBND", "draft" }, { "5/KH-UBND", "published" } };
	int64_t want = 0;
	for (size_t i = 0; i < 2; i++) {
		st = db_stmt(db, "INSERT INTO items (site_id, category_id, state, title, slug, created_at, updated_at,"
				 " kind, ref, ref_key) VALUES (?1, ?2, ?3, 'x', 'x', 0, 0, 'legal', ?4, '5/kh-ubnd')");
		db_bind_int(st, 1, site);
		db_bind_int(st, 2, cat);
		db_bind_text(st, 3, last[i][1]);
		db_bind_text(st, 4, last[i][0]);
		CHECK(db_step(st) == DB_DONE);
		db_reset(st);
		want = db_last_id(db);
	}
	CHECK(db_exec(db, "COMMIT") == 0);
	static const char *const forms[] = { "kế hoạch số 5", "5/KH-UBND", "KH 5", "5 kh ubnd" };
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		json_t *ids = item_find_by_ref(db, site, "legal", forms[i], 10);
		char name[96];
		snprintf(name, sizeof(name), "number search past 1,200 other keys: %s", forms[i]);
		t_case(name, json_array_size(ids) == 1 && json_integer_value(json_array_get(ids, 0)) == want, "");
		json_decref(ids);
		ids = item_find_by_ref(db, site + 1000, "legal", forms[i], 10); /* another site: none */
		CHECK(json_array_size(ids) == 0);
		json_decref(ids);
	}
	json_t *ids = item_find_by_ref(db, 0, "legal", "thông báo số 5", 10); /* the limit holds */
	CHECK(json_array_size(ids) == 10);
	json_decref(ids);
	db_close(db);
}

/* The filter form's values: each value of the key among the site's published documents, counted;
 * kept per connection, renewed on any change. */
TEST(items_term_values_count_the_sites_published_documents)
{
	struct db *db = t_fresh_db();
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t site, other;
	si.name = "Cổng chính";
	si.kind = "main";
	if (!CHECK(db && site_add(db, &si, &e, &site, NULL) == 0))
		return;
	si.name = "Sở Nội vụ";
	si.slug = "snv";
	si.kind = "department";
	if (!CHECK(site_add(db, &si, &e, &other, NULL) == 0))
		return;
	CHECK(legal(db, site, "1/2024/QĐ-UBND", "2024-01-05", NULL, NULL, NULL) > 0);
	CHECK(legal(db, site, "2/2024/QĐ-UBND", "2024-02-05", NULL, NULL, NULL) > 0);
	CHECK(legal(db, site, "3/2020/QĐ-UBND", "2020-02-05", NULL, NULL, NULL) > 0);
	CHECK(legal(db, other, "4/2024/QĐ-SNV", "2024-03-05", NULL, NULL, NULL) > 0);
	json_t *v = item_term_values(db, site, "legal", "nam");
	char *s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
	CHECK_STR(s, "[{\"n\":1,\"value\":\"2020\"},{\"n\":2,\"value\":\"2024\"}]");
	free(s);
	json_decref(v);
	v = item_term_values(db, other, "legal", "loai");
	s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
	CHECK_STR(s, "[{\"n\":1,\"value\":\"Quyết định\"}]");
	free(s);
	json_decref(v);
	v = item_term_values(db, site, "article", "nam");
	CHECK(json_array_size(v) == 0);
	json_decref(v);
	/* kept with the connection until the database changes: a new document shows at once */
	CHECK(legal(db, site, "5/2024/QĐ-UBND", "2024-04-05", NULL, NULL, NULL) > 0);
	v = item_term_values(db, site, "legal", "nam");
	s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
	CHECK_STR(s, "[{\"n\":1,\"value\":\"2020\"},{\"n\":3,\"value\":\"2024\"}]");
	free(s);
	json_decref(v);
	/* the year filter is read as a range of days: the same lists as the terms give */
	static const struct {
		const char *year, *loai;
		int other;
		int64_t total;
	} lists[] = { { "2024", NULL, 0, 3 }, { "2024", "Quyết định", 0, 3 }, { "2020", NULL, 0, 1 },
		      { "2024", NULL, 1, 1 }, { "2019", NULL, 0, 0 }, { "2024", "Luật", 0, 0 }, { "20x4", NULL, 0, 0 } };
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		struct item_filter fl[2] = { { "nam", lists[i].year }, { "loai", lists[i].loai } };
		int64_t total = -1;
		json_t *rows = item_list_public(db, lists[i].other ? other : site, "legal", 0, fl, lists[i].loai ? 2 : 1, 2, 0,
						&total, 0);
		char name[96];
		snprintf(name, sizeof(name), "list nam=%s%s%s", lists[i].year, lists[i].loai ? " loai=" : "",
			 lists[i].loai ? lists[i].loai : "");
		t_case(name, total == lists[i].total && (int64_t)json_array_size(rows) == (total < 2 ? total : 2), "");
		json_decref(rows);
	}
	int64_t total = 0; /* newest first: 5/2024 (April), then 2/2024 */
	json_t *rows = item_list_public(db, site, "legal", 0, (struct item_filter[]){ { "nam", "2024" } }, 1, 2, 0, &total, 0);
	CHECK_STR(json_string_value(json_object_get(item_row_fields(json_array_get(rows, 0)), "so_ky_hieu")), "5/2024/QĐ-UBND");
	CHECK_STR(json_string_value(json_object_get(item_row_fields(json_array_get(rows, 1)), "so_ky_hieu")), "2/2024/QĐ-UBND");
	json_decref(rows);
	/* the total is kept with the connection too, and renewed on any change */
	struct item_filter fq[] = { { "loai", "Quyết định" } };
	rows = item_list_public(db, site, "legal", 0, fq, 1, 1, 0, &total, 0);
	CHECK(total == 4);
	json_decref(rows);
	rows = item_list_public(db, site, "legal", 0, fq, 1, 1, 0, &total, 0);
	CHECK(total == 4);
	json_decref(rows);
	CHECK(legal(db, site, "6/2024/QĐ-UBND", "2024-05-05", NULL, NULL, NULL) > 0);
	rows = item_list_public(db, site, "legal", 0, fq, 1, 1, 0, &total, 0);
	CHECK(total == 5);
	json_decref(rows);
	db_close(db);
}

/* A list reads what it shows (item_list_fields, kept by derive): the listed fields only, a
 * counted reference as its count, the kind's list term as "badge"; the exports every field; an
 * item not derived since the upgrade still lists, from its whole fields. */
TEST(items_lists_read_the_kept_list_fields)
{
	struct db *db = t_fresh_db();
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t site, total = 0;
	si.name = "Cổng chính";
	si.kind = "main";
	if (!CHECK(db && site_add(db, &si, &e, &site, NULL) == 0))
		return;
	int64_t a = legal(db, site, "3/2024/QĐ-UBND", "2024-03-01", "2024-03-10", NULL, NULL);
	int64_t b = legal(db, site, "4/2024/QĐ-UBND", "2024-04-01", "2024-04-10", NULL, NULL);
	CHECK(a > 0 && b > 0);
	json_t *rows = item_list_public(db, site, "legal", 0, NULL, 0, 20, 0, &total, 0);
	json_t *row = json_array_get(rows, 1), *f = item_row_fields(row);
	CHECK(total == 2 && json_integer_value(json_object_get(row, "id")) == a);
	CHECK_STR(json_string_value(json_object_get(f, "loai")), "Quyết định");
	CHECK_STR(json_string_value(json_object_get(f, "ngay_hieu_luc")), "2024-03-10");
	CHECK(json_object_get(f, "pham_vi") == NULL && json_object_get(f, "thay_the") == NULL); /* not listed */
	CHECK_STR(json_string_value(json_object_get(row, "badge")), "con_hieu_luc");
	json_t *ids = item_list_ids(db, site, "legal", 0, NULL, 0, 20, 0, &total); /* the same page, ids only */
	CHECK(total == 2 && json_array_size(ids) == 2 && json_integer_value(json_array_get(ids, 0)) == b &&
	      json_integer_value(json_array_get(ids, 1)) == a);
	json_decref(ids);
	json_decref(rows);
	rows = item_list_public(db, site, "legal", 0, NULL, 0, 20, 0, &total, ITEM_ROWS_FULL);
	CHECK_STR(json_string_value(json_object_get(item_row_fields(json_array_get(rows, 1)), "pham_vi")), "tinh");
	json_decref(rows);

	/* a gazette issue lists how many documents it holds */
	struct article_input in = { 0 };
	json_t *gf = json_pack("{ss ss s[ss]}", "so", "7", "ngay", "2024-05-02", "van_ban", "3/2024/QĐ-UBND", "4/2024/QĐ-UBND");
	in.kind = "gazette";
	in.fields = gf;
	in.title = "Công báo số 7";
	in.category_id = category_for_kind(db, site, "gazette");
	int64_t g = 0;
	CHECK(article_save(db, &actor_cli, site, 0, &in, &e, &g) == 0 && article_publish_cli(db, site, g, 0) == 0);
	json_decref(gf);
	rows = item_list_public(db, site, "gazette", 0, NULL, 0, 20, 0, &total, 0);
	f = item_row_fields(json_array_get(rows, 0));
	CHECK(json_integer_value(json_object_get(f, "van_ban")) == 2 && json_is_null(json_object_get(json_array_get(rows, 0), "badge")));
	json_decref(rows);

	/* not derived since the upgrade: its whole fields */
	struct db_stmt *st = db_stmt(db, "DELETE FROM item_list_fields WHERE item_id = ?");
	db_bind_int(st, 1, a);
	CHECK(db_step_done(st) == 0);
	rows = item_list_public(db, site, "legal", 0, NULL, 0, 20, 0, &total, 0);
	CHECK_STR(json_string_value(json_object_get(item_row_fields(json_array_get(rows, 1)), "pham_vi")), "tinh");
	json_decref(rows);
	db_close(db);
}

/* The counts the database keeps (0020: item_term_counts, by triggers) against a count of the
 * items themselves, as JSON text of every non-zero (site, kind, key, value, n). */
static int counts_agree(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT site_id, kind, key, value, n FROM item_term_counts WHERE n <> 0"
				       " ORDER BY site_id, kind, key, value");
	json_t *kept = db_rows_json(st);
	st = db_stmt(db, "SELECT site_id, kind, key, value, n FROM (SELECT a.site_id, a.kind, '' AS key, '' AS value,"
			 " count(*) AS n FROM items a WHERE a.state = 'published' GROUP BY a.site_id, a.kind UNION ALL"
			 " SELECT a.site_id, a.kind, t.key, t.value, count(*) FROM items a JOIN item_terms t ON t.item_id = a.id"
			 " WHERE a.state = 'published' GROUP BY a.site_id, a.kind, t.key, t.value) AS c ORDER BY site_id, kind, key, value");
	json_t *counted = db_rows_json(st);
	int same = json_equal(kept, counted) && json_array_size(counted) > 0;
	if (!same) {
		char *a = json_dumps(kept, JSON_COMPACT), *b = json_dumps(counted, JSON_COMPACT);
		fprintf(stderr, "    kept:    %s\n    counted: %s\n", a, b);
		json_free_str(a);
		json_free_str(b);
	}
	json_decref(kept);
	json_decref(counted);
	return same;
}

/* The terms in date order the database keeps (0021: item_term_days) against the published
 * items' terms, and the one-term list read from them against the items' own walk. */
static int days_agree(struct db *db, int64_t site)
{
	struct db_stmt *st = db_stmt(db, "SELECT site_id, kind, key, value, item_day, item_id FROM item_term_days"
				       " ORDER BY site_id, kind, key, value, item_day, item_id");
	json_t *kept = db_rows_json(st);
	st = db_stmt(db, "SELECT a.site_id, a.kind, t.key, t.value, coalesce(a.item_day, 0) AS item_day, a.id AS item_id"
			 " FROM items a JOIN item_terms t ON t.item_id = a.id WHERE a.state = 'published'"
			 " ORDER BY 1, 2, 3, 4, 5, 6");
	json_t *counted = db_rows_json(st);
	int same = json_equal(kept, counted);
	json_decref(kept);
	json_decref(counted);
	/* the page of one term, and of a term and a year, read both ways */
	struct item_filter f1[] = { { "hieu_luc", "con_hieu_luc" } }, f2[] = { { "loai", "Quyết định" }, { "nam", "2024" } };
	int64_t t1 = 0, t2 = 0;
	for (int i = 0; i < 2; i++) {
		json_t *ids = item_list_ids(db, site, "legal", 0, i ? f2 : f1, i ? 2 : 1, 20, 0, &t1);
		json_t *rows = item_list_public(db, site, "legal", 0, i ? f2 : f1, i ? 2 : 1, 20, 0, &t2, 0);
		size_t j;
		json_t *r;
		same = same && t1 == t2 && json_array_size(ids) == json_array_size(rows);
		json_array_foreach(rows, j, r)
			same = same && json_integer_value(json_object_get(r, "id")) == json_integer_value(json_array_get(ids, j));
		json_decref(ids);
		json_decref(rows);
	}
	return same;
}

/* The filter values and totals read from the kept counts stay right through publication, a
 * change of fields, a validity that changes with another document, withdrawal and a draft. */
TEST(items_kept_counts_follow_every_change)
{
	struct db *db = t_fresh_db();
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t site, total = 0;
	si.name = "Cổng chính";
	si.kind = "main";
	if (!CHECK(db && site_add(db, &si, &e, &site, NULL) == 0))
		return;
	int64_t a = legal(db, site, "1/2024/QĐ-UBND", "2024-01-10", "2024-01-20", NULL, NULL);
	int64_t b = legal(db, site, "2/2024/QĐ-UBND", "2024-02-10", "2024-02-20", NULL, NULL);
	CHECK(a > 0 && b > 0 && counts_agree(db));
	/* B replaces A: A's validity term changes */
	int64_t c = legal(db, site, "3/2024/QĐ-UBND", "2024-03-01", "2024-03-05", "thay_the", "1/2024/QĐ-UBND");
	CHECK(c > 0 && counts_agree(db) && days_agree(db, site));
	json_t *vals = item_term_values(db, site, "legal", "hieu_luc");
	CHECK(json_array_size(vals) == 2); /* còn hiệu lực 2, hết hiệu lực toàn bộ 1 */
	json_decref(vals);
	json_decref(item_list_public(db, site, "legal", 0, (struct item_filter[]){ { "hieu_luc", "het_hieu_luc_toan_bo" } }, 1,
				     20, 0, &total, 0));
	CHECK(total == 1);
	/* withdrawn: out of every count */
	struct act_input why = { .comment = "Đăng nhầm" };
	CHECK(article_act(db, &actor_cli, site, b, "withdraw", &why, &e) == M_OK && counts_agree(db) && days_agree(db, site));
	json_decref(item_list_public(db, site, "legal", 0, NULL, 0, 20, 0, &total, 0));
	CHECK(total == 2);
	/* a date changed by hand, then derived: its year and its place in date order move (the
	 * fields rewritten here, not by SQLite's json_set: PostgreSQL has none for TEXT) */
	struct db_stmt *up = db_stmt(db, "SELECT fields FROM items WHERE id = ?");
	db_bind_int(up, 1, c);
	json_t *cf = db_step(up) == DB_ROW ? json_loads(db_col_text(up, 0), 0, NULL) : NULL;
	db_reset(up);
	json_object_set_new(cf, "ngay_ban_hanh", json_string("2023-06-01"));
	char *cs = json_dumps(cf, JSON_COMPACT);
	json_decref(cf);
	up = db_stmt(db, "UPDATE items SET fields = ? WHERE id = ?");
	db_bind_text(up, 1, cs);
	db_bind_int(up, 2, c);
	CHECK(cs && db_step_done(up) == 0 && item_derive(db, c) == 0 && counts_agree(db) && days_agree(db, site));
	json_free_str(cs);
	json_decref(item_list_public(db, site, "legal", 0, (struct item_filter[]){ { "nam", "2024" } }, 1, 20, 0, &total, 0));
	CHECK(total == 1); /* A; C is 2023's now (B is withdrawn) */
	/* a draft counts nowhere */
	struct article_input in = { 0 };
	json_t *f = json_pack("{ss ss ss ss ss}", "so_ky_hieu", "9/2024/QĐ-UBND", "loai", "Quyết định", "co_quan_ban_hanh",
			      "UBND tỉnh Vĩnh Long", "ngay_ban_hanh", "2024-09-01", "pham_vi", "tinh");
	in.kind = "legal";
	in.fields = f;
	in.title = "Dự thảo";
	in.category_id = category_for_kind(db, site, "legal");
	int64_t d = 0;
	CHECK(article_save(db, &actor_cli, site, 0, &in, &e, &d) == 0 && counts_agree(db));
	json_decref(f);
	/* every item derived again (after an upgrade): the same counts */
	CHECK(item_derive_all(db, NULL, NULL) >= 3 && counts_agree(db) && days_agree(db, site));
	db_close(db);
}
