/* fuzz_audit.c — libFuzzer target for what `cong audit verify` reads besides the database: the
 * anchors file (DATA/audit-anchors: "DAY COUNT LAST_ID HASH KIND MAC" lines) and an audit archive
 * (DATA/audit-archive/audit-N-M.jsonl.gz: gzip of one JSON record a line). The first byte chooses which
 * file the rest becomes (the archive gzip-compressed or as raw bytes); audit_check() then runs
 * against a database whose chain has a few records. Invariants, abort() on failure:
 *   - the answer is -1, 0 or 1, and anything but 0 comes with a sentence (UTF-8, NUL-ended);
 *   - fuzzed anchors with any line that is not empty are never "intact": an anchor needs a MAC
 *     under the folder's secret.key, which no input can guess. */
#include "base/utf8.h"
#include "db/db.h"
#include "model/model.h"
#include "model/ops.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static struct db *db;
static char dir[] = "/tmp/cong-fuzz-audit-XXXXXX";
static char anchors[256], archive_dir[256], archive[256];

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_audit: %s\n", what);
	abort();
}

static void setup(void)
{
	char err[256];
	struct actor cli = { 0 };
	if (sodium_init() < 0 || !mkdtemp(dir))
		fail("setup");
	snprintf(anchors, sizeof(anchors), "%s/audit-anchors", dir);
	snprintf(archive_dir, sizeof(archive_dir), "%s/audit-archive", dir);
	snprintf(archive, sizeof(archive), "%s/audit-1-2.jsonl.gz", archive_dir);
	totp_set_key_dir(dir);
	unsigned char key[crypto_kdf_KEYBYTES];
	randombytes_buf(key, sizeof(key));
	char path[300];
	snprintf(path, sizeof(path), "%s/secret.key", dir);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(key, 1, sizeof(key), f) != sizeof(key) || fclose(f))
		fail("secret.key");
	db = db_open(":memory:", err, sizeof(err));
	if (!db || db_migrate(db, err, sizeof(err)) < 0)
		fail(err);
	for (int i = 0; i < 3; i++)
		if (audit_write(db, &cli, 0, "fuzz.record", "x", "y"))
			fail("audit_write");
}

static void put(const char *path, const uint8_t *data, size_t size, int gz)
{
	if (gz) {
		gzFile g = gzopen(path, "wb");
		if (!g || (size && gzwrite(g, data, (unsigned)size) != (int)size) || gzclose(g) != Z_OK)
			fail("gzwrite");
		return;
	}
	FILE *f = fopen(path, "wb");
	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f))
		fail("write");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		setup();
		ready = 1;
	}
	if (!size || size > (1 << 16))
		return 0;
	int which = data[0] % 3;
	data++;
	size--;
	unlink(anchors);
	unlink(archive);
	rmdir(archive_dir);
	if (which == 0) {
		put(anchors, data, size, 0);
	} else {
		if (mkdir(archive_dir, 0700))
			fail("mkdir");
		put(archive, data, size, which == 1);
	}
	struct audit_report rep;
	memset(&rep, 0, sizeof(rep));
	int rc = audit_check(db, dir, &rep);
	if (rc < -1 || rc > 1)
		fail("answer out of range");
	size_t n = strnlen(rep.why, sizeof(rep.why));
	if (n == sizeof(rep.why))
		fail("why not NUL-ended");
	if (rc != 0 && (!n || !utf8_valid(rep.why, n)))
		fail("a refusal without a UTF-8 sentence");
	/* an anchor line needs a MAC under this folder's key: fuzzed bytes with any line that is
	 * not empty cannot be intact */
	int blank = 1;
	for (size_t i = 0; i < size; i++)
		if (data[i] != '\n')
			blank = 0;
	if (which == 0 && !blank && rc == 0)
		fail("fuzzed anchors verified");
	return 0;
}
