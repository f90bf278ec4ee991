/* test_ops.c — operating the portal: `cong serve`'s argument checks, the audit retention's cut,
 * and the maintenance notice's rule and window (model/ops.c) on a fixed clock. */
#include "t.h"
#include "tdb.h"
#include "cmd/cmd.h"
#include "db/db.h"
#include "model/ops.h"
#include "base/util.h"
#include "vn/calendar.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Vietnam time "YYYY-MM-DDTHH:MM" as Unix seconds. */
static int64_t VN(const char *s)
{
	int64_t t = 0;
	return time_parse_vn(s, &t) ? -1 : t;
}

TEST(ops_listen_check)
{
	char why[256];
	static const char *const good[] = { "127.0.0.1:8080", "0.0.0.0:1", "[::1]:65535", "[::]:443", "localhost:8080" };
	static const char *const bad[] = { "127.0.0.1:0", "127.0.0.1:70000", "127.0.0.1:abc", "127.0.0.1:", ":8080",
					   "8080", "[::1", "[::1]8080", "127.0.0.1:-1", "127.0.0.1:80 ", "[]:80",
					   "999.1.1.1:80" };
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		why[0] = 0;
		if (!CHECK(serve_listen_check(good[i], why, sizeof(why)) == 0))
			fprintf(stderr, "  refused %s: %s\n", good[i], why);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why[0] = 0;
		if (!CHECK(serve_listen_check(bad[i], why, sizeof(why)) != 0 && why[0]))
			fprintf(stderr, "  accepted %s\n", bad[i]);
	}
	serve_listen_check("127.0.0.1:70000", why, sizeof(why));
	CHECK(strstr(why, "1 to 65535") != NULL);
	serve_listen_check(":8080", why, sizeof(why));
	CHECK(strstr(why, "host") != NULL);
}

TEST(ops_proxy_address)
{
	char *a = serve_proxy_address("127.0.0.1");
	CHECK_STR(a, "127.0.0.1");
	free(a);
	a = serve_proxy_address("0:0:0:0:0:0:0:1"); /* written as the server writes peers */
	CHECK_STR(a, "::1");
	free(a);
	a = serve_proxy_address("2001:DB8::A");
	CHECK_STR(a, "2001:db8::a");
	free(a);
	static const char *const bad[] = { "", "10.0.0.0/8", "proxy.example", "256.1.1.1", "1.2.3", "127.0.0.1 ", "::g" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(serve_proxy_address(bad[i]) == NULL);
}

TEST(ops_audit_cutoff)
{
	CHECK(audit_cutoff(VN("2027-03-31T10:00"), 12) == VN("2026-03-31T00:00"));
	CHECK(audit_cutoff(VN("2027-03-31T23:59"), 1) == VN("2027-02-28T00:00"));
	CHECK(audit_cutoff(VN("2028-02-29T08:00"), 12) == VN("2027-02-28T00:00"));
	CHECK(audit_cutoff(VN("2026-01-15T00:00"), 13) == VN("2024-12-15T00:00"));
	CHECK(audit_cutoff(VN("2026-12-07T06:59"), 24) == VN("2024-12-07T00:00"));
}

TEST(ops_maintenance_window)
{
	struct db *db = t_fresh_db();
	struct actor admin = { 0, 1, "test" }, nobody = { 0, 0, "test" };
	if (!CHECK(db != NULL))
		return;
	/* Monday 7 December 2026, 10:00: seven working days on is Wednesday the 16th */
	int64_t now = VN("2026-12-07T10:00"), id = 0;
	char day[11];
	int32_t earliest = 0;
	vn_date_format(vn_days_to_date(maint_earliest_day(db, now)), day);
	CHECK_STR(day, "2026-12-16");
	struct errs e = { 0 };
	struct maint_input late = { "2026-12-15T22:00", "2026-12-16T02:00", "Nâng cấp máy chủ." };
	CHECK(maint_add(db, &admin, &late, now, &e, &earliest, &id) == M_INVALID);
	CHECK(e.n == 1 && strcmp(e.e[0].field, "starts") == 0 && strcmp(e.e[0].key, "maint_too_late") == 0);
	vn_date_format(vn_days_to_date(earliest), day);
	CHECK_STR(day, "2026-12-16");
	e.n = 0;
	struct maint_input ok = { "2026-12-16T08:00", "2026-12-16T11:30", "Nâng cấp máy chủ." };
	CHECK(maint_add(db, &nobody, &ok, now, &e, &earliest, &id) == M_DENIED);
	CHECK(maint_add(db, &admin, &ok, now, &e, &earliest, &id) == M_OK);
	/* shown from 00:00 of the seventh working day before (today), until the restore time */
	json_t *m = maint_current(db, VN("2026-12-06T23:59"));
	CHECK(m == NULL);
	json_decref(m);
	int64_t next = 0;
	int64_t e0 = maint_epoch(db, VN("2026-12-06T23:59"), &next);
	CHECK(next == VN("2026-12-07T00:00"));
	m = maint_current(db, VN("2026-12-07T00:00"));
	CHECK(m && strcmp(json_string_value(json_object_get(m, "message")), "Nâng cấp máy chủ.") == 0);
	CHECK(m && !json_is_true(json_object_get(m, "started")));
	json_decref(m);
	int64_t e1 = maint_epoch(db, VN("2026-12-07T00:00"), &next);
	CHECK(next == VN("2026-12-16T08:00"));
	m = maint_current(db, VN("2026-12-16T09:00"));
	CHECK(m && json_is_true(json_object_get(m, "started")));
	json_decref(m);
	/* "sẽ tạm ngừng" became "đang tạm ngừng": a cached page of before is old */
	int64_t e15 = maint_epoch(db, VN("2026-12-16T09:00"), &next);
	CHECK(e15 != e1 && next == VN("2026-12-16T11:30"));
	CHECK(maint_epoch(db, VN("2026-12-16T08:00"), NULL) == e15);
	m = maint_current(db, VN("2026-12-16T11:30"));
	CHECK(m == NULL);
	json_decref(m);
	int64_t e2 = maint_epoch(db, VN("2026-12-16T11:30"), &next);
	CHECK(e0 != e1 && e1 != e2 && e0 != e2 && e15 != e2 && next == INT64_MAX);
	/* a notice for after a weekend and a holiday: shown from seven working days before */
	e.n = 0;
	struct maint_input tet = { "2027-01-04T07:00", "2027-01-04T09:00", "Bảo trì đầu năm." };
	CHECK(maint_add(db, &admin, &tet, now, &e, &earliest, &id) == M_OK);
	json_t *list = maint_list(db, &admin, now);
	CHECK(json_array_size(list) == 2);
	/* 4 January 2027 is a Monday; Friday 1 January a holiday: the 7 working days before are
	 * 31, 30, 29, 28, 25, 24 and Wednesday 23 December */
	CHECK_STR(json_string_value(json_object_get(json_array_get(list, 0), "shows_iso")), "2026-12-23T00:00:00+07:00");
	json_decref(list);
	CHECK(maint_cancel(db, &admin, id) == M_OK);
	CHECK(maint_cancel(db, &admin, id) == M_NOTFOUND);
	CHECK(maint_current(db, VN("2026-12-28T00:00")) == NULL);
	db_close(db);
}
