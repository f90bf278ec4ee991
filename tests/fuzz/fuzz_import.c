/* fuzz_import.c — libFuzzer target for the CSV import of items: the reader, the kind's field
 * cleaning (dates, choices, lists, document numbers), the duplicate check, and the report.
 * Input: a CSV file, checked (nothing saved) as legal documents, then as gazette issues, on a
 * tiny in-memory portal. Invariants, abort() on failure: a report always comes back with its
 * counts adding up to its rows; every row has a line ≥ 2 and an action; a file refused whole has a
 * problem sentence and no rows; nothing is ever written (a check). */
#include "base/util.h"
#include "db/db.h"
#include "model/model.h"
#include "model/kind.h"
#include "model/import.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct db *db;
static int64_t site;

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_import: %s\n", what);
	abort();
}

static void setup(void)
{
	char err[256];
	struct errs e = { 0 };
	struct site_input si = { 0 };
	if (sodium_init() < 0)
		fail("libsodium");
	db = db_open(":memory:", err, sizeof(err));
	if (!db || db_migrate(db, err, sizeof(err)) < 0)
		fail(err);
	si.name = "Cổng chính";
	si.kind = "main";
	if (site_add(db, &si, &e, &site, NULL))
		fail("site");
}

static int64_t count_items(void)
{
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM items");
	int64_t n = st && db_step(st) == DB_ROW ? db_col_int(st, 0) : -1;
	if (st)
		db_reset(st);
	return n;
}

static void check(const char *kind, const uint8_t *data, size_t size)
{
	int rc;
	json_t *rep = item_import(db, &actor_cli, site, kind_find(kind), (const char *)data, size, NULL, NULL, 0, &rc);
	if (!rep)
		fail("no report");
	json_t *rows = json_object_get(rep, "rows");
	size_t n = json_array_size(rows), i;
	json_int_t sum = json_integer_value(json_object_get(rep, "new")) + json_integer_value(json_object_get(rep, "changed")) +
			 json_integer_value(json_object_get(rep, "unchanged")) + json_integer_value(json_object_get(rep, "bad"));
	if (sum != (json_int_t)n)
		fail("counts do not add up to the rows");
	if (json_object_get(rep, "problem") && n)
		fail("a refused file with rows");
	if (rc == M_OK && (json_integer_value(json_object_get(rep, "bad")) || json_object_get(rep, "problem")))
		fail("ok with problems");
	json_t *row;
	json_array_foreach(rows, i, row) {
		if (json_integer_value(json_object_get(row, "line")) < 2)
			fail("a row before the header");
		if (!json_string_value(json_object_get(row, "action")))
			fail("a row without its action");
	}
	json_decref(rep);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		setup();
	check("legal", data, size);
	check("gazette", data, size);
	if (count_items() != 0)
		fail("a check saved something");
	return 0;
}
