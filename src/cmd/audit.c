/* audit.c — `cong audit verify` and `cong audit archive`: the audit log's chain, checked through
 * its archive files and against the anchors kept outside the database (model/ops.h). */
#include "cmd.h"
#include "model/ops.h"
#include "base/util.h"
#include "db/db.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/banned.h"

static const char audit_usage[] =
	"usage: cong audit verify --data DIR\n"
	"       cong audit archive --data DIR [--now 'YYYY-MM-DD HH:MM']\n"
	"       cong audit anchor --data DIR\n"
	"\n"
	"verify: checks that every page of the database can be read, then the audit log's hash chain:\n"
	"every record carries the hash of the one before it, so a record altered, inserted or deleted\n"
	"breaks the chain there. The chain is followed through the archive files (DIR/audit-archive)\n"
	"and compared with every anchor of DIR/audit-anchors (the chain's length and last hash, written\n"
	"daily by the server and signed with a key derived from DIR/secret.key), so deleting the newest\n"
	"records is seen too. Prints what was checked and exits 0, or says what is wrong and exits 1.\n"
	"Works on a read-only folder.\n"
	"\n"
	"archive: moves the records older than the retention (setting audit_keep_months, at least 12)\n"
	"into a compressed file of DIR/audit-archive that verify still follows; nothing is lost. The\n"
	"server does it daily. --now counts the retention from another Vietnam time (a check, a test).\n"
	"\n"
	"anchor: appends the chain's head to DIR/audit-anchors now (the server does it daily).\n";

/* "YYYY-MM-DD HH:MM" in Vietnam time; a date that does not exist is refused. */
static int parse_vn_minute(const char *s, int64_t *out)
{
	int y, mo, d, h, mi, n = 0;
	if (sscanf(s, "%4d-%2d-%2d %2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5 || s[n])
		return -1;
	char iso[32];
	snprintf(iso, sizeof(iso), "%04d-%02d-%02dT%02d:%02d", y, mo, d, h, mi);
	return time_parse_vn(iso, out);
}

int cmd_audit(int argc, char **argv)
{
	static const struct option opts[] = { { "data", required_argument, NULL, 'd' },
					      { "now", required_argument, NULL, 'n' },
					      { "help", no_argument, NULL, 'h' },
					      { 0 } };
	const char *data = NULL;
	int64_t now = time_now();
	int c, has_now = 0;
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(audit_usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	const char *sub = argv[1];
	if (strcmp(sub, "verify") != 0 && strcmp(sub, "archive") != 0 && strcmp(sub, "anchor") != 0) {
		fprintf(stderr, "cong audit: unknown subcommand '%s'\n", sub);
		fputs(audit_usage, stderr);
		return 2;
	}
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': data = optarg; break;
		case 'n':
			if (parse_vn_minute(optarg, &now)) {
				fprintf(stderr, "cong audit: --now %s: ngày giờ không hợp lệ; cần dạng 'YYYY-MM-DD HH:MM'"
						" (a real date and time, e.g. 2026-12-07 08:00)\n", optarg);
				return 2;
			}
			has_now = 1;
			break;
		case 'h': fputs(audit_usage, stdout); return 0;
		default: fputs(audit_usage, stderr); return 2;
		}
	}
	if (!data || optind < argc || (has_now && strcmp(sub, "archive") != 0)) {
		fputs(audit_usage, stderr);
		return 2;
	}
	totp_set_key_dir(data); /* the anchors' key is derived from DATA/secret.key */
	if (strcmp(sub, "verify") == 0) {
		struct db *db = data_open_readonly(data);
		if (!db)
			return 1;
		struct audit_report rep;
		int rc = audit_check(db, data, &rep);
		db_close(db);
		if (rc) { /* the check's result, on standard output like "intact" */
			printf("audit log %s: %s\n", rc > 0 ? "BROKEN" : "NOT CHECKED", rep.why);
			return 1;
		}
		printf("audit log intact: %lld records (%lld of them archived), hash chain verified", (long long)rep.records,
		       (long long)rep.archived);
		if (rep.anchors)
			printf(", %d anchor(s) match (newest: %s, %lld records)\n", rep.anchors, rep.newest.day,
			       (long long)rep.newest.count);
		else
			printf("; no anchor yet (DIR/audit-anchors: the server writes one a day)\n");
		return 0;
	}
	struct db *db = data_open(data);
	if (!db)
		return 1;
	int rc = 0;
	if (strcmp(sub, "anchor") == 0) {
		struct audit_anchor a;
		if (audit_anchor_write(db, data, now, "daily", &a)) {
			fprintf(stderr, "cong audit anchor: the anchor could not be written (see the log above)\n");
			rc = 1;
		} else {
			printf("anchor %s: %lld records up to record %lld, hash %s\n", a.day, (long long)a.count,
			       (long long)a.last_id, a.hash);
		}
	} else {
		char why[512];
		int64_t n;
		if (audit_archive(db, data, &actor_cli, now, &n, why, sizeof(why))) {
			fprintf(stderr, "cong audit archive: %s\n", why);
			rc = 1;
		} else if (n) {
			printf("%lld record(s) older than %d months archived into %s/audit-archive\n", (long long)n,
			       audit_keep_months(db), data);
		} else {
			printf("nothing to archive: no record is older than %d months\n", audit_keep_months(db));
		}
	}
	db_close(db);
	return rc;
}
