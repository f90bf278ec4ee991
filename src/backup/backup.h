/* backup.h — backups of a data folder, their restore and their verification (docs/operations.md).
 *
 * A backup is a consistent snapshot of the database made while the server writes (SQLite's
 * online backup API inside one read transaction, never a copy of the file: cong.db; on
 * PostgreSQL, pg_dump --format=custom of one exported snapshot: cong.pgdump, pgdump.h), with
 * every other file of the data folder (media/, secret.key…; not backup.key nor database.url),
 * in one archive per destination
 * (archive.h: zstd, then XChaCha20-Poly1305 under DATA/backup.key) named cong-<name>.cbk, with
 * its manifest (SHA-256 and size of every file, the audit chain's head, each table's row count)
 * both inside and beside it (cong-<name>.idx). Media are incremental: a file already in the
 * destination's previous backup (same path, size and time) is named in the manifest with the
 * backup that holds it instead of being stored again. Files are written under a temporary name
 * and renamed at the end: a run killed midway leaves the earlier backups as they were.
 * After each run a restore drill restores the new backup into a temporary folder and checks it
 * (backup_check). */
#ifndef CONG_BACKUP_H
#define CONG_BACKUP_H

#include "backup/archive.h"
#include "backup/remote.h"

#include <stdint.h>
#include <stdio.h>

#define BACKUP_NAME_MAX 64

struct backup_opts {
	const char *data_dir;
	const char *db;           /* its database: a PostgreSQL URL or a SQLite file; NULL: DATA/cong.db */
	const char *const *dests; /* folders or sftp:// addresses; none: DATA/backups */
	size_t ndests;
	const char *trigger;      /* "cli" or "schedule" */
	int full;                 /* store every file, not only what changed */
	int progress;             /* a progress bar on stderr */
	int no_drill;
	struct remote_auth auth;
	int keep_daily, keep_weekly, keep_monthly; /* all 0: no pruning */
	FILE *out;                /* a line per step, or NULL */
};

struct backup_result {
	char name[BACKUP_NAME_MAX];
	int ok;
	char error[1100];
	int64_t size, files, new_files, duration_ms;
	int drill_ok; /* -1: not run */
	int64_t drill_ms;
	char drill_detail[1000];
	int key_created;
	char key_hex[2 * BK_KEYBYTES + 1]; /* when created: to print once */
};

/* DATA/backup.key, made when missing (*CREATED set, its hex in HEX). 0, or -1 with ERR. */
int backup_key_ensure(const char *data_dir, unsigned char key[BK_KEYBYTES], int *created,
		      char hex[2 * BK_KEYBYTES + 1], char *err, size_t errlen);

/* Makes one backup to every destination, then its drill and the pruning; records the run in
 * the table backups. 0 when every destination got it and the drill passed. */
int backup_run(const struct backup_opts *o, struct backup_result *res);

/* Restores the backup FROM (a cong-<name>.cbk file, local or sftp://…/cong-<name>.cbk; the
 * earlier backups it names must be beside it) into OUT_DIR, which must not hold a data folder
 * unless FORCE (the old one is then kept aside as OUT_DIR.before-restore-<time>), then checks it
 * (backup_check). PG: for a backup of a folder on PostgreSQL, the new, empty database (a URL) its
 * dump is restored into (pg_restore in one transaction; a database that is not empty is
 * refused), recorded in OUT_DIR/database.url; NULL for a SQLite backup (OUT_DIR/cong.db). A
 * SQLite backup with PG is refused (cong migrate moves a folder). DETAIL says what was checked or
 * what failed. 0 when restored and sound. */
int backup_restore(const char *from, const unsigned char key[BK_KEYBYTES], const struct remote_auth *auth,
		   const char *out_dir, const char *pg, int force, int progress, char *detail, size_t detaillen);

/* Restores FROM into a temporary folder under WORK_DIR, checks it and removes it. A PostgreSQL
 * dump is read whole (pg_restore --list), then, when SERVER (a PostgreSQL URL: the data folder's
 * database) is given and its role may create a database, restored into a throwaway database of
 * that server (cong_drill_<random>, dropped after) and checked there; else DETAIL says that only
 * the archive was checked. */
int backup_verify(const char *from, const unsigned char key[BK_KEYBYTES], const struct remote_auth *auth,
		  const char *work_dir, const char *server, char *detail, size_t detaillen);

/* Deletes the backups of DEST beyond the keep counts (the newest of each of the last KEEP_DAILY
 * days, KEEP_WEEKLY weeks and KEEP_MONTHLY months, and always the newest), except those a kept
 * backup takes files from. The number deleted, or -1 with ERR. */
int backup_prune(const char *dest, const struct remote_auth *auth, const unsigned char key[BK_KEYBYTES],
		 const char *work_dir, int keep_daily, int keep_weekly, int keep_monthly, char *err, size_t errlen);

/* The choice of backup_prune: NAMES (backups' names "YYYYMMDDTHHMMSS…Z", newest first) to keep
 * in KEEP[i] (1): the newest, the newest of each of the last KEEP_DAILY days, KEEP_WEEKLY weeks
 * (Monday to Sunday) and KEEP_MONTHLY months that have backups, and any name not of that form. */
void backup_keep_select(const char *const *names, size_t n, int keep_daily, int keep_weekly, int keep_monthly,
			int *keep);

#endif
