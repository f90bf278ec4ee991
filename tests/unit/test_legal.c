/* test_legal.c — the relations between legal documents and the validity computed from dates and
 * from the documents acting on one: a table of dates × relations × today. */
#include "t.h"
#include "vn/calendar.h"
#include "vn/legal.h"

#include <stdio.h>

/* The day number of "YYYY-MM-DD"; NULL is 0, "not given". */
static int32_t D(const char *s)
{
	vn_date d;
	if (!s)
		return 0;
	if (vn_date_parse(s, &d))
		return INT32_MIN;
	return vn_date_to_days(d);
}

#define NOT_YET LEGAL_NOT_YET
#define IN_FORCE LEGAL_IN_FORCE
#define PARTLY LEGAL_PARTLY_EXPIRED
#define EXPIRED LEGAL_EXPIRED
#define CAN_CU LEGAL_REL_CAN_CU
#define HUONG_DAN LEGAL_REL_HUONG_DAN
#define SUA_DOI LEGAL_REL_SUA_DOI
#define THAY_THE LEGAL_REL_THAY_THE
#define BAI_BO LEGAL_REL_BAI_BO
#define DINH_CHINH LEGAL_REL_DINH_CHINH

static const struct {
	const char *name;
	const char *issued, *effective, *expires;
	struct {
		int rel;
		const char *effective;
	} acts[4];
	size_t n_act;
	const char *today;
	enum legal_status status;
	const char *since;
	int cause;
	const char *next;
} cases[] = {
	{ "in force", "2024-03-01", "2024-03-15", NULL, { { 0, NULL } }, 0,
	  "2024-06-01", IN_FORCE, "2024-03-15", -1, NULL },
	{ "not yet effective", "2024-03-01", "2024-03-15", NULL, { { 0, NULL } }, 0,
	  "2024-03-10", NOT_YET, "2024-03-01", -1, "2024-03-15" },
	{ "in force from the effective day itself", "2024-03-01", "2024-03-15", NULL, { { 0, NULL } }, 0,
	  "2024-03-15", IN_FORCE, "2024-03-15", -1, NULL },
	{ "no effective day: from the issue day", "2024-03-01", NULL, NULL, { { 0, NULL } }, 0,
	  "2024-03-01", IN_FORCE, "2024-03-01", -1, NULL },
	{ "no effective day, before the issue day", "2024-03-01", NULL, NULL, { { 0, NULL } }, 0,
	  "2024-02-01", NOT_YET, NULL, -1, "2024-03-01" },
	{ "no dates at all", NULL, NULL, NULL, { { 0, NULL } }, 0,
	  "2024-02-01", IN_FORCE, NULL, -1, NULL },
	{ "the day before the expiry day", "2023-12-01", "2024-01-01", "2025-01-01", { { 0, NULL } }, 0,
	  "2024-12-31", IN_FORCE, "2024-01-01", -1, "2025-01-01" },
	{ "expiry day reached: the first day out of force", "2023-12-01", "2024-01-01", "2025-01-01",
	  { { 0, NULL } }, 0, "2025-01-01", EXPIRED, "2025-01-01", -1, NULL },
	{ "replaced by a document not in the database yet", "2024-03-01", "2024-03-15", NULL,
	  { { THAY_THE, NULL } }, 1, "2025-06-01", IN_FORCE, "2024-03-15", -1, NULL },
	{ "amended by a document not in the database yet", "2024-03-01", NULL, NULL,
	  { { SUA_DOI, NULL }, { BAI_BO, NULL } }, 2, "2025-06-01", IN_FORCE, "2024-03-01", -1, NULL },
	{ "replacing document not yet effective", "2024-03-01", "2024-03-15", NULL,
	  { { THAY_THE, "2025-07-01" } }, 1, "2025-06-01", IN_FORCE, "2024-03-15", -1, "2025-07-01" },
	{ "replacing document effective", "2024-03-01", "2024-03-15", NULL,
	  { { THAY_THE, "2025-07-01" } }, 1, "2025-07-01", EXPIRED, "2025-07-01", 0, NULL },
	{ "two repealing documents: the earliest wins", "2024-03-01", NULL, NULL,
	  { { BAI_BO, "2025-09-01" }, { BAI_BO, "2025-05-01" } }, 2,
	  "2025-10-01", EXPIRED, "2025-05-01", 1, NULL },
	{ "two repealing documents, only the later-listed one in force yet", "2024-03-01", NULL, NULL,
	  { { BAI_BO, "2025-09-01" }, { BAI_BO, "2025-05-01" } }, 2,
	  "2025-06-01", EXPIRED, "2025-05-01", 1, NULL },
	{ "amended", "2024-03-01", NULL, NULL, { { SUA_DOI, "2024-06-01" } }, 1,
	  "2024-07-01", PARTLY, "2024-06-01", 0, NULL },
	{ "amended twice: since the first amendment", "2024-03-01", NULL, NULL,
	  { { SUA_DOI, "2025-05-01" }, { SUA_DOI, "2025-03-01" } }, 2,
	  "2025-06-01", PARTLY, "2025-03-01", 1, NULL },
	{ "amended, replacement coming", "2024-03-01", NULL, NULL,
	  { { SUA_DOI, "2024-06-01" }, { THAY_THE, "2025-01-01" } }, 2,
	  "2024-07-01", PARTLY, "2024-06-01", 0, "2025-01-01" },
	{ "amended then replaced: wholly wins over partly", "2024-03-01", NULL, NULL,
	  { { SUA_DOI, "2024-06-01" }, { THAY_THE, "2025-01-01" } }, 2,
	  "2025-02-01", EXPIRED, "2025-01-01", 1, NULL },
	{ "amendment not yet in force", "2024-03-01", NULL, NULL, { { SUA_DOI, "2024-06-01" } }, 1,
	  "2024-05-31", IN_FORCE, "2024-03-01", -1, "2024-06-01" },
	{ "basis, guidance and correction change nothing", "2024-03-01", NULL, NULL,
	  { { CAN_CU, "2024-04-01" }, { HUONG_DAN, "2024-05-01" }, { DINH_CHINH, "2024-06-01" } }, 3,
	  "2024-07-01", IN_FORCE, "2024-03-01", -1, NULL },
	{ "an unknown relation value changes nothing", "2024-03-01", NULL, NULL,
	  { { 99, "2024-04-01" }, { 0, "2024-04-01" } }, 2, "2024-07-01", IN_FORCE, "2024-03-01", -1, NULL },
	{ "own expiry before the repeal", "2023-01-01", NULL, "2025-03-01", { { BAI_BO, "2025-06-01" } }, 1,
	  "2025-07-01", EXPIRED, "2025-03-01", -1, NULL },
	{ "repeal before the own expiry", "2023-01-01", NULL, "2026-01-01", { { BAI_BO, "2025-06-01" } }, 1,
	  "2025-07-01", EXPIRED, "2025-06-01", 0, NULL },
	{ "repeal and expiry on one day: the own dates", "2023-01-01", NULL, "2025-06-01",
	  { { BAI_BO, "2025-06-01" } }, 1, "2025-06-01", EXPIRED, "2025-06-01", -1, NULL },
	{ "repealed before it took effect never comes into force", "2024-11-01", "2025-01-01", NULL,
	  { { BAI_BO, "2024-12-01" } }, 1, "2024-12-15", EXPIRED, "2024-12-01", 0, NULL },
	{ "not yet effective, repeal coming first", "2024-11-01", "2025-01-01", NULL,
	  { { BAI_BO, "2024-12-01" } }, 1, "2024-11-15", NOT_YET, "2024-11-01", -1, "2024-12-01" },
	{ "not yet effective, already amended", "2024-11-01", "2025-01-01", NULL,
	  { { SUA_DOI, "2024-12-01" } }, 1, "2024-12-15", NOT_YET, "2024-11-01", -1, "2025-01-01" },
	{ "amended before it took effect: partly from its start", "2024-11-01", "2025-01-01", NULL,
	  { { SUA_DOI, "2024-12-01" } }, 1, "2025-01-02", PARTLY, "2025-01-01", 0, NULL },
	{ "next change skips a day that changes nothing", "2024-03-01", NULL, "2027-01-01",
	  { { SUA_DOI, "2025-03-01" }, { SUA_DOI, "2025-05-01" }, { THAY_THE, "2025-08-01" },
	    { CAN_CU, "2025-04-15" } }, 4, "2025-04-01", PARTLY, "2025-03-01", 0, "2025-08-01" },
	{ "next change: the nearest of several", "2024-03-01", "2024-04-01", "2027-01-01",
	  { { THAY_THE, "2026-01-01" }, { SUA_DOI, "2025-01-01" } }, 2,
	  "2024-03-15", NOT_YET, "2024-03-01", -1, "2024-04-01" },
	{ "days before 1970 are days", "1960-01-01", NULL, "1969-12-31", { { 0, NULL } }, 0,
	  "1969-06-01", IN_FORCE, "1960-01-01", -1, "1969-12-31" },
};

TEST(legal_validity_table)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct legal_dates d = { D(cases[i].issued), D(cases[i].effective), D(cases[i].expires) };
		struct legal_act acts[4];
		for (size_t k = 0; k < cases[i].n_act; k++)
			acts[k] = (struct legal_act){ (enum legal_rel)cases[i].acts[k].rel, D(cases[i].acts[k].effective) };
		int32_t today = D(cases[i].today);
		struct legal_validity v = legal_validity_at(&d, acts, cases[i].n_act, today);
		int32_t next = legal_validity_next_change(&d, acts, cases[i].n_act, today);
		int ok = v.status == cases[i].status && v.since == D(cases[i].since) && v.cause == cases[i].cause &&
			 next == D(cases[i].next);
		if (!CHECK(ok))
			printf("    case \"%s\": status %d since %d cause %d next %d\n", cases[i].name, (int)v.status,
			       (int)v.since, v.cause, (int)next);
		/* the next change is a real change, and nothing changes before it */
		if (next) {
			CHECK(legal_validity_at(&d, acts, cases[i].n_act, next).status != v.status);
			CHECK(legal_validity_at(&d, acts, cases[i].n_act, next - 1).status == v.status);
		}
	}
}

/* Walks every day of a busy document's life: the status never goes back, changes exactly on the
 * days legal_validity_next_change announces, and on no other. */
TEST(legal_validity_walk)
{
	struct legal_dates d = { D("2024-01-10"), D("2024-02-01"), D("2026-01-01") };
	struct legal_act acts[] = {
		{ LEGAL_REL_CAN_CU, D("2023-05-01") },  { LEGAL_REL_SUA_DOI, D("2024-09-01") },
		{ LEGAL_REL_SUA_DOI, 0 },               { LEGAL_REL_BAI_BO, D("2025-07-01") },
		{ LEGAL_REL_THAY_THE, D("2025-04-01") }, { LEGAL_REL_DINH_CHINH, D("2024-03-01") },
	};
	size_t n = sizeof(acts) / sizeof(acts[0]);
	int bad = 0, changes = 0;
	int32_t announced = legal_validity_next_change(&d, acts, n, D("2023-12-31"));
	enum legal_status prev = legal_validity_at(&d, acts, n, D("2023-12-31")).status;
	CHECK(prev == LEGAL_NOT_YET);
	for (int32_t day = D("2024-01-01"); day <= D("2026-12-31"); day++) {
		struct legal_validity v = legal_validity_at(&d, acts, n, day);
		if (v.status != prev) {
			changes++;
			bad += v.status < prev || day != announced;
			announced = legal_validity_next_change(&d, acts, n, day);
		} else {
			bad += day == announced;
		}
		prev = v.status;
	}
	CHECK(bad == 0);
	CHECK(changes == 3); /* in force 2024-02-01, partly 2024-09-01, replaced 2025-04-01 */
	struct legal_validity v = legal_validity_at(&d, acts, n, D("2026-06-01"));
	CHECK(v.status == LEGAL_EXPIRED && v.since == D("2025-04-01") && v.cause == 4);
	CHECK(announced == 0);
}

TEST(legal_relations_table)
{
	static const char *const keys[] = { "can_cu", "huong_dan", "sua_doi", "thay_the", "bai_bo", "dinh_chinh" };
	for (int r = LEGAL_REL_CAN_CU; r <= LEGAL_REL_DINH_CHINH; r++) {
		const struct legal_rel_info *info = legal_rel_info((enum legal_rel)r);
		CHECK(info && info == &legal_rels[r - 1] && (int)info->rel == r);
		CHECK_STR(info->key, keys[r - 1]);
		CHECK((int)legal_rel_from_key(keys[r - 1]) == r);
	}
	CHECK_STR(legal_rel_label_from(LEGAL_REL_CAN_CU), "Căn cứ");
	CHECK_STR(legal_rel_label_to(LEGAL_REL_CAN_CU), "Là căn cứ của");
	CHECK_STR(legal_rel_label_from(LEGAL_REL_HUONG_DAN), "Hướng dẫn");
	CHECK_STR(legal_rel_label_to(LEGAL_REL_HUONG_DAN), "Được hướng dẫn bởi");
	CHECK_STR(legal_rel_label_from(LEGAL_REL_SUA_DOI), "Sửa đổi, bổ sung");
	CHECK_STR(legal_rel_label_to(LEGAL_REL_SUA_DOI), "Được sửa đổi, bổ sung bởi");
	CHECK_STR(legal_rel_label_from(LEGAL_REL_THAY_THE), "Thay thế");
	CHECK_STR(legal_rel_label_to(LEGAL_REL_THAY_THE), "Bị thay thế bởi");
	CHECK_STR(legal_rel_label_from(LEGAL_REL_BAI_BO), "Bãi bỏ");
	CHECK_STR(legal_rel_label_to(LEGAL_REL_BAI_BO), "Bị bãi bỏ bởi");
	CHECK_STR(legal_rel_label_from(LEGAL_REL_DINH_CHINH), "Đính chính");
	CHECK_STR(legal_rel_label_to(LEGAL_REL_DINH_CHINH), "Được đính chính bởi");
	CHECK(legal_rels[LEGAL_REL_SUA_DOI - 1].effect == LEGAL_EFFECT_PART);
	CHECK(legal_rels[LEGAL_REL_THAY_THE - 1].effect == LEGAL_EFFECT_WHOLE);
	CHECK(legal_rels[LEGAL_REL_BAI_BO - 1].effect == LEGAL_EFFECT_WHOLE);
	CHECK(legal_rels[LEGAL_REL_CAN_CU - 1].effect == LEGAL_EFFECT_NONE);
	CHECK(legal_rel_from_key("Sua_doi") == 0 && legal_rel_from_key("sua-doi") == 0 && legal_rel_from_key("") == 0);
	CHECK(legal_rel_info(0) == NULL && legal_rel_info((enum legal_rel)7) == NULL);
	CHECK_STR(legal_rel_label_to((enum legal_rel)0), "");
}

TEST(legal_status_names)
{
	CHECK_STR(legal_status_label(LEGAL_NOT_YET), "Chưa có hiệu lực");
	CHECK_STR(legal_status_label(LEGAL_IN_FORCE), "Còn hiệu lực");
	CHECK_STR(legal_status_label(LEGAL_PARTLY_EXPIRED), "Hết hiệu lực một phần");
	CHECK_STR(legal_status_label(LEGAL_EXPIRED), "Hết hiệu lực toàn bộ");
	for (int s = LEGAL_NOT_YET; s <= LEGAL_EXPIRED; s++)
		CHECK((int)legal_status_from_key(legal_status_key((enum legal_status)s)) == s);
	CHECK_STR(legal_status_key(LEGAL_PARTLY_EXPIRED), "het_hieu_luc_mot_phan");
	CHECK_STR(legal_status_key((enum legal_status)0), "");
	CHECK(legal_status_from_key("") == 0 && legal_status_from_key("con hieu luc") == 0);
}
