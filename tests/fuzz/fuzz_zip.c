/* fuzz_zip.c — libFuzzer target for the ZIP archives the admin import takes (import/archive.c
 * on libzip, then model item_import_zip): arbitrary bytes opened as an archive with small limits
 * (1 MB unpacked, 64 entries), every entry found again by its name and read; then the same bytes
 * checked (nothing saved) as an import of legal documents on a tiny in-memory portal.
 * Invariants, abort() on failure: a refused archive says why; an accepted one has only safe
 * names (no "..", no leading "/", no "\", no empty segment, NFC), each found again at its index;
 * no entry reads more than the limit; the import's report adds up; nothing is ever written.
 * Seeds: tests/fuzz/seeds-fuzz_zip/ (a good archive, a traversal, a symbolic link). */
#include "base/sb.h"
#include "base/utf8.h"
#include "db/db.h"
#include "import/archive.h"
#include "model/model.h"
#include "model/kind.h"
#include "model/import.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TOTAL (1u << 20)
#define MAX_ENTRIES 64

static struct db *db;
static int64_t site;

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_zip: %s\n", what);
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

static int64_t count(const char *table_query)
{
	struct db_stmt *st = db_stmt(db, table_query);
	int64_t n = st && db_step(st) == DB_ROW ? db_col_int(st, 0) : -1;
	if (st)
		db_reset(st);
	return n;
}

static void check_name(const char *name)
{
	size_t n = strlen(name);
	char *nfc = utf8_nfc(name, n);
	if (!nfc || strcmp(nfc, name) != 0)
		fail("a name that is not NFC UTF-8");
	free(nfc);
	if (!n || name[0] == '/' || name[n - 1] == '/' || strstr(name, "//") || strchr(name, '\\'))
		fail("an unsafe name accepted");
	if (strcmp(name, "..") == 0 || strncmp(name, "../", 3) == 0 || strstr(name, "/../") ||
	    (n >= 3 && strcmp(name + n - 3, "/..") == 0))
		fail("a .. accepted");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		setup();
	char why[320] = "";
	struct archive *z = archive_open(data, size, MAX_TOTAL, MAX_ENTRIES, why, sizeof(why));
	if (!z) {
		if (!why[0])
			fail("refused without a reason");
	} else {
		if (archive_count(z) > MAX_ENTRIES)
			fail("more entries than the limit");
		for (size_t i = 0; i < archive_count(z); i++) {
			const char *name = archive_name(z, i);
			check_name(name);
			if (archive_find(z, name) != (long)i)
				fail("a name not found again at its index");
			struct sb out = SB_INIT;
			if (archive_read(z, i, &out, MAX_TOTAL, why, sizeof(why)) == 0 && out.len > MAX_TOTAL)
				fail("read past the limit");
			sb_release(&out);
		}
		archive_close(z);
	}

	int rc;
	json_t *rep = item_import_zip(db, &actor_cli, site, kind_find("legal"), data, size, MAX_TOTAL, NULL, 0, &rc);
	if (!rep)
		fail("no report");
	json_t *rows = json_object_get(rep, "rows");
	json_int_t sum = json_integer_value(json_object_get(rep, "new")) + json_integer_value(json_object_get(rep, "changed")) +
			 json_integer_value(json_object_get(rep, "unchanged")) + json_integer_value(json_object_get(rep, "bad"));
	if (sum != (json_int_t)json_array_size(rows))
		fail("counts do not add up to the rows");
	if (rc == M_OK && (json_integer_value(json_object_get(rep, "bad")) || json_object_get(rep, "problem")))
		fail("ok with problems");
	json_decref(rep);
	if (count("SELECT count(*) FROM items") != 0 || count("SELECT count(*) FROM media") != 0)
		fail("a check saved something");
	return 0;
}
