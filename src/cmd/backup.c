/* backup.c — `cong backup`, `cong backup verify`, `cong restore` (src/backup/backup.h,
 * docs/operations.md). */
#include "cmd.h"
#include "backup/backup.h"
#include "backup/pgdump.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"
#include "model/backups.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/banned.h"

static const char backup_usage[] =
	"usage: cong backup --data DIR [--to DEST]... [--full] [--no-drill] [--quiet]\n"
	"                   [--keep-daily N] [--keep-weekly N] [--keep-monthly N]\n"
	"                   [--ssh-key FILE] [--ssh-known-hosts FILE]\n"
	"       cong backup verify BACKUP (--key FILE | --data DIR) [--db URL] [--work DIR]\n"
	"                   [--ssh-key FILE] [--ssh-known-hosts FILE]\n"
	"\n"
	"Backs up the data folder while it is served: a consistent snapshot of the database (SQLite's\n"
	"online backup API; on PostgreSQL, pg_dump --format=custom of one snapshot), media/,\n"
	"secret.key and every other file but backup.key and database.url, compressed (zstd) and\n"
	"encrypted (libsodium secretstream) under DIR/backup.key, with a manifest of SHA-256 hashes,\n"
	"the audit chain's head and each table's rows. Only files not already in the destination's\n"
	"previous backup are stored again. Then a restore drill restores the new backup into a\n"
	"temporary folder and checks it (integrity_check, audit chain, row counts, hashes; on\n"
	"PostgreSQL the dump is restored into a throwaway database, cong_drill_…, when the role may\n"
	"create one, else only the archive is checked and the drill says so).\n"
	"\n"
	"  --to DEST          a folder, or sftp://user@host[:port]/folder (repeatable: 3-2-1 is a\n"
	"                     local folder, another disk and an off-site copy); default: the\n"
	"                     destinations of the schedule (admin page \"Sao lưu\"), else DIR/backups\n"
	"  --full             store every file again\n"
	"  --keep-daily N     then delete older backups, keeping the newest of each of the last N\n"
	"  --keep-weekly N    days, weeks and months (and what those take files from)\n"
	"  --keep-monthly N\n"
	"  --ssh-key FILE     private key for sftp:// (default: the schedule's)\n"
	"  --ssh-known-hosts FILE  the SFTP server's key (default: the schedule's, else\n"
	"                     ~/.ssh/known_hosts)\n"
	"\n"
	"verify: decrypts BACKUP (a cong-<name>.cbk file or address), checks every hash, restores it\n"
	"into a temporary folder (in --work DIR, default /tmp) and opens it: integrity_check, the\n"
	"audit chain against the manifest's head, each table's rows. A PostgreSQL dump is read whole\n"
	"(pg_restore --list), then restored into a throwaway database of the server of --data DIR's\n"
	"folder (or of --db URL) and checked there; without a server, only the archive is checked.\n";

static const char restore_usage[] =
	"usage: cong restore --from BACKUP --data NEWDIR --key FILE [--db URL] [--force]\n"
	"                    [--ssh-key FILE] [--ssh-known-hosts FILE]\n"
	"\n"
	"Restores the backup BACKUP (a cong-<name>.cbk file, or its sftp:// address; the earlier\n"
	"backups it takes files from must be beside it) into NEWDIR, checked as `cong backup verify`\n"
	"checks, with FILE as NEWDIR/backup.key. NEWDIR must not exist or be empty: a data folder is\n"
	"replaced only with --force (stop the server first; the old folder is kept beside it).\n"
	"\n"
	"  --db URL   for a backup of a folder on PostgreSQL: the new, empty database to restore its\n"
	"             dump into (postgresql://…; createdb), recorded in NEWDIR/database.url. A\n"
	"             database that is not empty is refused. A SQLite backup is restored without\n"
	"             --db, then moved with `cong migrate --from NEWDIR --db URL`.\n";

static char *default_known_hosts(void)
{
	const char *home = getenv("HOME");
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/.ssh/known_hosts", home && *home ? home : "/root");
	return sb_detach(&p, NULL);
}

/* --db URL of the command line, or NULL; malloc'd. */
static char *db_option(void)
{
	const char *spec = data_db_option();
	return spec ? xstrdup(spec) : NULL;
}

static int backup_verify_cmd(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "key", required_argument, NULL, 'k' },     { "data", required_argument, NULL, 'd' },
		{ "work", required_argument, NULL, 'w' },    { "ssh-key", required_argument, NULL, 'S' },
		{ "ssh-known-hosts", required_argument, NULL, 'K' }, { "help", no_argument, NULL, 'h' }, { 0 }
	};
	const char *keyfile = NULL, *data = NULL, *work = NULL, *ssh_key = NULL, *known = NULL;
	int c;
	db_slow_log(0);
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'k': keyfile = optarg; break;
		case 'd': data = optarg; break;
		case 'w': work = optarg; break;
		case 'S': ssh_key = optarg; break;
		case 'K': known = optarg; break;
		case 'h': fputs(backup_usage, stdout); return 0;
		default: fputs(backup_usage, stderr); return 2;
		}
	}
	if (optind != argc - 1 || (!keyfile && !data)) {
		fprintf(stderr, "cong backup verify: give one backup and its key (--key FILE, or --data DIR for DIR/backup.key)\n");
		return 2;
	}
	struct sb kp = SB_INIT;
	if (keyfile)
		sb_adds(&kp, keyfile);
	else
		sb_addf(&kp, "%s/backup.key", data);
	unsigned char key[BK_KEYBYTES];
	char err[512], detail[1200];
	int rc = bk_key_load(kp.buf, key, err, sizeof(err));
	sb_release(&kp);
	if (rc) {
		fprintf(stderr, "cong backup verify: %s\n", err);
		return 1;
	}
	char *kh = known ? xstrdup(known) : default_known_hosts();
	struct remote_auth auth = { ssh_key, kh };
	/* a PostgreSQL dump's drill: on the server of --data DIR's folder, or of --db URL */
	char *server = data ? data_db_path(data) : db_option();
	if (server && !db_spec_is_pg(server)) {
		free(server);
		server = NULL;
	}
	rc = backup_verify(argv[optind], key, &auth, work, server, detail, sizeof(detail));
	sodium_memzero(key, sizeof(key));
	free(server);
	free(kh);
	if (rc) {
		fprintf(stderr, "cong backup verify: %s: NOT sound: %s\n", argv[optind], detail);
		return 1;
	}
	printf("%s: sound: %s\n", argv[optind], detail);
	return 0;
}

int cmd_backup(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "data", required_argument, NULL, 'd' },          { "to", required_argument, NULL, 't' },
		{ "full", no_argument, NULL, 'f' },                { "no-drill", no_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' },               { "keep-daily", required_argument, NULL, 'D' },
		{ "keep-weekly", required_argument, NULL, 'W' },   { "keep-monthly", required_argument, NULL, 'M' },
		{ "ssh-key", required_argument, NULL, 'S' },       { "ssh-known-hosts", required_argument, NULL, 'K' },
		{ "help", no_argument, NULL, 'h' },                { 0 }
	};
	if (argc >= 2 && strcmp(argv[1], "verify") == 0)
		return backup_verify_cmd(argc - 1, argv + 1);
	struct backup_opts o = { .trigger = "cli", .out = stdout };
	db_slow_log(0); /* integrity_check and the snapshot take long by nature */
	const char *dests[16];
	const char *ssh_key = NULL, *known = NULL;
	int64_t v;
	int quiet = 0, c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': o.data_dir = optarg; break;
		case 't':
			if (o.ndests == ARRAY_SIZE(dests)) {
				fprintf(stderr, "cong backup: at most %zu destinations\n", ARRAY_SIZE(dests));
				return 2;
			}
			dests[o.ndests++] = optarg;
			break;
		case 'f': o.full = 1; break;
		case 'n': o.no_drill = 1; break;
		case 'q': quiet = 1; break;
		case 'D': case 'W': case 'M':
			if (parse_i64(optarg, 0, 10000, &v)) {
				fprintf(stderr, "cong backup: --keep-%s must be a number from 0 to 10000\n",
					c == 'D' ? "daily" : c == 'W' ? "weekly" : "monthly");
				return 2;
			}
			*(c == 'D' ? &o.keep_daily : c == 'W' ? &o.keep_weekly : &o.keep_monthly) = (int)v;
			break;
		case 'S': ssh_key = optarg; break;
		case 'K': known = optarg; break;
		case 'h': fputs(backup_usage, stdout); return 0;
		default: fputs(backup_usage, stderr); return 2;
		}
	}
	if (!o.data_dir || optind != argc) {
		fputs(backup_usage, stderr);
		return 2;
	}
	struct stat st;
	char *dbspec = data_db_path(o.data_dir); /* --db, DIR/database.url, or DIR/cong.db */
	int is_data = stat(o.data_dir, &st) == 0 && S_ISDIR(st.st_mode) && (db_spec_is_pg(dbspec) || stat(dbspec, &st) == 0);
	if (!is_data) {
		fprintf(stderr, "cong backup: %s is not a data folder of Cổng (no cong.db nor database.url there)\n",
			o.data_dir);
		free(dbspec);
		return 1;
	}
	o.db = dbspec;
	for (size_t i = 0; i < o.ndests; i++)
		if (!remote_is_url(dests[i]) && !*dests[i]) {
			fprintf(stderr, "cong backup: --to needs a folder or an sftp:// address\n");
			return 2;
		}
	/* what the schedule says, for what the command line does not */
	struct db *db = data_open(o.data_dir);
	if (!db) {
		free(dbspec);
		return 1;
	}
	json_t *s = backup_settings(db);
	db_close(db);
	char *lines = xstrdup(json_string_value(json_object_get(s, "destinations")));
	if (!o.ndests)
		for (char *p = lines, *l; (l = strsep(&p, "\n")) != NULL && o.ndests < ARRAY_SIZE(dests);)
			if (*l)
				dests[o.ndests++] = l;
	o.dests = dests;
	char *skey = xstrdup(json_string_value(json_object_get(s, "ssh_key")));
	char *sknown = xstrdup(json_string_value(json_object_get(s, "ssh_known_hosts")));
	json_decref(s);
	char *kh = known ? xstrdup(known) : *sknown ? xstrdup(sknown) : default_known_hosts();
	o.auth.key = ssh_key ? ssh_key : *skey ? skey : NULL;
	o.auth.known_hosts = kh;
	o.progress = !quiet && isatty(2);
	if (quiet)
		o.out = NULL;

	struct backup_result res;
	int rc = backup_run(&o, &res);
	if (res.key_created) {
		printf("A new backup key was made: %s/backup.key\n\n    %s\n\n"
		       "WARNING: keep a copy of this key apart from the backups (printed, in a safe, with the\n"
		       "disaster plan). Without it no backup can be restored; with it anyone holding a backup\n"
		       "can read it. It is shown only this once.\n\n", o.data_dir, res.key_hex);
		sodium_memzero(res.key_hex, sizeof(res.key_hex));
	}
	free(lines);
	free(skey);
	free(sknown);
	free(kh);
	free(dbspec);
	if (rc) {
		fprintf(stderr, "cong backup: %s\n", *res.error ? res.error : "the backup failed");
		return 1;
	}
	if (!quiet && res.drill_ok > 0)
		printf("backup %s done in %.1f s, %lld bytes; restore drill passed in %.1f s\n", res.name,
		       (double)res.duration_ms / 1000, (long long)res.size, (double)res.drill_ms / 1000);
	else if (!quiet)
		printf("backup %s done in %.1f s, %lld bytes; no restore drill (--no-drill): run cong backup verify\n",
		       res.name, (double)res.duration_ms / 1000, (long long)res.size);
	return 0;
}

int cmd_restore(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },    { "data", required_argument, NULL, 'd' },
		{ "key", required_argument, NULL, 'k' },     { "force", no_argument, NULL, 'F' },
		{ "ssh-key", required_argument, NULL, 'S' }, { "ssh-known-hosts", required_argument, NULL, 'K' },
		{ "help", no_argument, NULL, 'h' },          { 0 }
	};
	const char *from = NULL, *data = NULL, *keyfile = NULL, *ssh_key = NULL, *known = NULL;
	int force = 0, c;
	db_slow_log(0);
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'f': from = optarg; break;
		case 'd': data = optarg; break;
		case 'k': keyfile = optarg; break;
		case 'F': force = 1; break;
		case 'S': ssh_key = optarg; break;
		case 'K': known = optarg; break;
		case 'h': fputs(restore_usage, stdout); return 0;
		default: fputs(restore_usage, stderr); return 2;
		}
	}
	if (!from || !data || optind != argc) {
		fputs(restore_usage, stderr);
		return 2;
	}
	if (!keyfile) {
		fprintf(stderr, "cong restore: give the backup key (--key FILE): the backup.key of the data folder that was "
				"backed up, or the copy kept apart\n");
		return 2;
	}
	unsigned char key[BK_KEYBYTES];
	char err[512], detail[1200];
	if (bk_key_load(keyfile, key, err, sizeof(err))) {
		fprintf(stderr, "cong restore: %s\n", err);
		return 1;
	}
	/* --db URL: the new, empty PostgreSQL database a dump goes into (data_db_path: --db first) */
	char *pg = db_option();
	if (pg && !db_spec_is_pg(pg)) {
		fprintf(stderr, "cong restore: --db names the PostgreSQL database a backup of a folder on PostgreSQL is "
				"restored into (postgresql://…); a SQLite backup is restored as NEWDIR/cong.db\n");
		free(pg);
		sodium_memzero(key, sizeof(key));
		return 2;
	}
	char *kh = known ? xstrdup(known) : default_known_hosts();
	struct remote_auth auth = { ssh_key, kh };
	int rc = backup_restore(from, key, &auth, data, pg, force, isatty(2), detail, sizeof(detail));
	sodium_memzero(key, sizeof(key));
	free(kh);
	if (rc) {
		fprintf(stderr, "cong restore: %s\n", detail);
		free(pg);
		return 1;
	}
	printf("restored %s into %s and checked it: %s\n", from, data, detail);
	if (pg) {
		char *shown = pgd_url_shown(pg);
		printf("its database is %s (recorded in %s/database.url)\n", shown, data);
		free(shown);
		free(pg);
	}
	printf("start the server on it with: cong serve --data %s\n", data);
	return 0;
}
