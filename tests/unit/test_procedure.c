/* test_procedure.c — administrative procedures (kind "procedure"): the code's form, the national
 * portal's link built from it, one code per site, and the update deadline counted back from the
 * regulating document's effective day (VP Đ7.5) across Tết and weekends, with the fallback of a
 * rule counted back when the item has no such day. */
#include "t.h"
#include "tdb.h"
#include "base/util.h"
#include "db/db.h"
#include "model/deadline.h"
#include "model/kind.h"
#include "model/model.h"
#include "model/procedure.h"
#include "vn/calendar.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>



static int64_t due_of(struct db *db, int64_t id, char kind[64])
{
	struct db_stmt *st = db_stmt(db, "SELECT due_at, due_kind FROM items WHERE id = ?");
	int64_t v = -1;
	db_bind_int(st, 1, id);
	kind[0] = 0;
	if (db_step(st) == DB_ROW) {
		v = db_col_null(st, 0) ? 0 : db_col_int(st, 0);
		if (!db_col_null(st, 1))
			snprintf(kind, 64, "%s", db_col_text(st, 1));
	}
	db_reset(st);
	return v;
}

/* A procedure of SITE with CODE and the effective day EFFECTIVE ("YYYY-MM-DD"); ID 0 a new one.
 * Returns the model's result, the id in *OUT. */
static int procedure(struct db *db, int64_t site, int64_t id, const char *code, const char *effective, struct errs *e,
		     int64_t *out)
{
	struct article_input in = { 0 };
	in.kind = "procedure";
	in.title = "Đăng ký khai sinh";
	in.body = "";
	in.fields = json_pack("{ssssssssssssss}", "ma_thu_tuc", code, "linh_vuc", "Hộ tịch", "cap_thuc_hien", "xa",
			      "co_quan_thuc_hien", "Ủy ban nhân dân cấp xã", "muc_do_dvc", "toan-trinh", "thoi_han", "0",
			      "ngay_hieu_luc", effective);
	int rc = article_save(db, &actor_cli, site, id, &in, e, out);
	json_decref(in.fields);
	return rc;
}

TEST(procedure_code_and_portal_link)
{
	CHECK(procedure_code_valid("1.001193"));
	CHECK(procedure_code_valid("2.000123.000.00.00.H62"));
	CHECK(procedure_code_valid("T-VLG-123456-TT"));
	CHECK(!procedure_code_valid(""));
	CHECK(!procedure_code_valid("ab"));
	CHECK(!procedure_code_valid("abc.def")); /* no digit */
	CHECK(!procedure_code_valid(".001193"));
	CHECK(!procedure_code_valid("1..001193"));
	CHECK(!procedure_code_valid("1.001193."));
	CHECK(!procedure_code_valid("1.001 193"));
	CHECK(!procedure_code_valid("12/2024/QĐ-UBND"));
	CHECK(!procedure_code_valid("1.001193&x=<script>"));
	char *u = procedure_portal_url("2.000123.000.00.00.H62");
	CHECK_STR(u, "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc="
		     "2.000123.000.00.00.H62");
	free(u);
	CHECK(procedure_portal_url("1.001193\"><a") == NULL);
	CHECK(procedure_portal_url(NULL) == NULL);
}

TEST(procedure_codes_are_unique_per_site)
{
	struct db *db = t_fresh_db();
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t main_id, xa, a = 0, b = 0, c = 0;
	if (!CHECK(db != NULL))
		return;
	si.name = "Cổng chính";
	si.kind = "main";
	CHECK(site_add(db, &si, &e, &main_id, NULL) == 0);
	si.name = "UBND phường Phước Hậu";
	si.kind = NULL;
	CHECK(site_add(db, &si, &e, &xa, NULL) == 0);
	CHECK(procedure(db, xa, 0, "1.001193", "2026-03-02", &e, &a) == M_OK);
	/* the same code on the same site, in another form of writing: refused next to the code */
	CHECK(procedure(db, xa, 0, "1.001193 ", "2026-03-02", &e, &b) == M_INVALID);
	CHECK(e.n == 1 && strcmp(e.e[0].field, "ma_thu_tuc") == 0 && strcmp(e.e[0].key, "procedure_code_taken") == 0);
	e.n = 0;
	/* the item itself keeps its code; another site may have it */
	CHECK(procedure(db, xa, a, "1.001193", "2026-03-03", &e, &a) == M_OK);
	CHECK(procedure(db, main_id, 0, "1.001193", "2026-03-02", &e, &c) == M_OK);
	/* a code that is no code */
	CHECK(procedure(db, xa, 0, "12/2024/QĐ-UBND", "2026-03-02", &e, &b) == M_INVALID);
	CHECK(e.n == 1 && strcmp(e.e[0].key, "procedure_code_invalid") == 0);
	db_close(db);
}

TEST(procedure_deadline_counts_back_from_the_effective_day)
{
	struct db *db = t_fresh_db();
	struct errs e = { 0 };
	struct site_input si = { 0 };
	int64_t main_id, snv, id = 0;
	char kind[64], d[11];
	if (!CHECK(db != NULL))
		return;
	si.name = "Cổng chính";
	si.kind = "main";
	CHECK(site_add(db, &si, &e, &main_id, NULL) == 0);
	si.name = "Sở Tư pháp";
	si.kind = NULL;
	CHECK(site_add(db, &si, &e, &snv, NULL) == 0);

	/* effective Friday 27/2/2026: 10 working days back skip the weekend of 21–22/2, Tết
	 * (16–20/2) and the weekend of 7–8/2: 26, 25, 24, 23, 13, 12, 11, 10, 9, 6 → Friday 6/2 */
	CHECK(procedure(db, snv, 0, "1.000001", "2026-02-27", &e, &id) == M_OK);
	int64_t due = due_of(db, id, kind);
	CHECK(due == t_vn_at("2026-02-07", 0, 0) - 1);
	CHECK_STR(kind, "thu-tuc-hanh-chinh");
	/* a draft past its due time is in the site's overdue list, with no received time */
	json_t *open = deadline_open(db, &actor_cli, snv, t_vn_at("2026-02-10", 9, 0));
	json_t *first = json_array_get(json_object_get(open, "overdue"), 0);
	CHECK(json_integer_value(json_object_get(first, "id")) == id);
	CHECK_STR(json_string_value(json_object_get(first, "received")), "—");
	CHECK_STR(json_string_value(json_object_get(first, "kind")), "thu-tuc-hanh-chinh");
	json_decref(open);
	/* the same count on the calendar itself, and forward again lands on the effective day */
	int32_t back = 0, fwd = 0;
	vn_date eff = { 2026, 2, 27 };
	CHECK(vn_calendar_add(NULL, vn_date_to_days(eff), -10, &back) == 0);
	vn_date_format(vn_days_to_date(back), d);
	CHECK_STR(d, "2026-02-06");
	CHECK(vn_calendar_add(NULL, back, 10, &fwd) == 0 && fwd == vn_date_to_days(eff));

	/* an effective Monday: the weekend just before it does not count (Mon 9/3 → Mon 23/2) */
	CHECK(procedure(db, snv, id, "1.000001", "2026-03-09", &e, &id) == M_OK);
	vn_date_format(vn_days_to_date(vn_days_of_time(due_of(db, id, kind))), d);
	CHECK_STR(d, "2026-02-23");

	/* the rule in the editor's words; a site's own count moves it */
	json_t *rules = deadline_rules(db, snv, NULL), *r;
	size_t i;
	int found = 0;
	json_array_foreach(rules, i, r)
		if (strcmp(json_string_value(json_object_get(r, "kind")), "thu-tuc-hanh-chinh") == 0) {
			found = 1;
			CHECK_STR(json_string_value(json_object_get(r, "unit")), "workdays_before");
			CHECK_STR(json_string_value(json_object_get(r, "rule_label")), "10 ngày làm việc trước ngày có hiệu lực");
			CHECK_STR(json_string_value(json_object_get(r, "source")), "VP Đ7.5");
			CHECK(json_is_true(json_object_get(r, "is_before")));
		}
	json_decref(rules);
	CHECK(found);
	CHECK(deadline_rule_save(db, &actor_cli, snv, "thu-tuc-hanh-chinh", "5", "workdays_before", &e) == M_OK);
	vn_date_format(vn_days_to_date(vn_days_of_time(due_of(db, id, kind))), d);
	CHECK_STR(d, "2026-03-02"); /* 6, 5, 4, 3, 2/3 */
	CHECK(deadline_rule_save(db, &actor_cli, snv, "thu-tuc-hanh-chinh", "5", "weeks_before", &e) == M_INVALID);
	e.n = 0;
	CHECK(deadline_rule_reset(db, &actor_cli, snv, "thu-tuc-hanh-chinh", &e) == M_OK);
	vn_date_format(vn_days_to_date(vn_days_of_time(due_of(db, id, kind))), d);
	CHECK_STR(d, "2026-02-23");

	/* a rule counted back for items without an anchor day (news put in that kind): the rule of
	 * anything else counts forward from the received time; without one there is no due time */
	struct article_input in = { 0 };
	int64_t cat = 0, art = 0;
	struct category_input c1 = { "Thông báo thủ tục", NULL, "", 0, 1, NULL };
	CHECK(category_save(db, &actor_cli, snv, 0, &c1, &e, &cat) == M_OK);
	in.title = "Thông báo về thủ tục mới";
	in.body = "Nội dung.";
	in.category_id = cat;
	in.intake_received_at = t_vn_at("2026-02-12", 10, 0);
	in.deadline_kind = "thu-tuc-hanh-chinh";
	CHECK(article_save(db, &actor_cli, snv, 0, &in, &e, &art) == M_OK);
	CHECK(due_of(db, art, kind) == t_vn_at("2026-02-27", 0, 0) - 1); /* 5 working days across Tết */
	CHECK_STR(kind, "khac");
	in.intake_received_at = 0;
	CHECK(article_save(db, &actor_cli, snv, art, &in, &e, &art) == M_OK);
	CHECK(due_of(db, art, kind) == 0);
	db_close(db);
}

/* The demo's procedures (demo/procedures.c): valid codes, one per site, known levels, service
 * levels and sites, valid effective days, dossiers, bases that name documents the demo publishes
 * (its legal tables), and documents of its own that the legal table does not hold already. */
#include "demo/content.h"
#include "demo/procedures.h"

static int demo_doc_known(const char *number)
{
	for (size_t i = 0; i < demo_legal_ndocs; i++)
		if (strcmp(demo_legal_docs[i].number, number) == 0 && demo_legal_docs[i].issued)
			return 1;
	for (size_t i = 0; i < demo_procedure_nlegal; i++)
		if (strcmp(demo_procedure_legal[i].number, number) == 0)
			return 1;
	return 0;
}

TEST(procedure_demo_table_is_consistent)
{
	CHECK(demo_nprocedures >= 10 && demo_nprocedures <= 20);
	const struct kind *k = kind_find("procedure");
	if (!CHECK(k != NULL))
		return;
	for (size_t i = 0; i < demo_nprocedures; i++) {
		const struct demo_procedure *p = &demo_procedures[i];
		int site = 0;
		for (size_t s = 0; s < demo_nsites; s++)
			site |= strcmp(demo_sites[s].slug, p->site) == 0;
		CHECK(site);
		CHECK(procedure_code_valid(p->code));
		for (size_t j = 0; j < i; j++)
			CHECK(strcmp(demo_procedures[j].site, p->site) != 0 || strcmp(demo_procedures[j].code, p->code) != 0);
		CHECK(kind_choice_known(kind_field(k, "cap_thuc_hien"), p->level));
		CHECK(kind_choice_known(kind_field(k, "muc_do_dvc"), p->service));
		vn_date d;
		CHECK(vn_date_parse(p->effective, &d) == 0);
		CHECK(p->papers[0].name != NULL);
		CHECK(p->name && *p->name && p->agency && *p->agency && p->steps && strchr(p->steps, '\n'));
		/* every basis is a document the demo publishes, linked from the page */
		char *bases = xstrdup(p->bases), *save = NULL;
		int n = 0;
		for (char *b = strtok_r(bases, ";", &save); b; b = strtok_r(NULL, ";", &save), n++)
			if (!CHECK(demo_doc_known(b)))
				fprintf(stderr, "  %s: basis %s is not a demo document\n", p->code, b);
		CHECK(n >= 2);
		free(bases);
	}
	for (size_t i = 0; i < demo_procedure_nlegal; i++)
		for (size_t j = 0; j < demo_legal_ndocs; j++)
			CHECK(strcmp(demo_procedure_legal[i].number, demo_legal_docs[j].number) != 0);
}

/* A descriptor whose identifiers are unique needs an identifier. */
TEST(procedure_unique_identifiers_need_an_identifier)
{
	static const struct kind_field f[] = { { .key = "ten", .label = "Tên", .type = F_TEXT, .max = 10 } };
	const struct kind bad = { .name = "thu", .segment = "thu", .label = "Thử", .label_one = "thử", .fields = f,
				  .nfields = 1, .ident_unique = "procedure_code_taken" };
	char err[200];
	CHECK(kind_check(&bad, err, sizeof(err)) == -1);
	CHECK(strstr(err, "unique identifiers") != NULL);
}
