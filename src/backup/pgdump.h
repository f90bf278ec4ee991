/* pgdump.h — the database part of a backup when the data folder's database is PostgreSQL
 * (backup.h, docs/operations.md "Backups on PostgreSQL"): pg_dump and pg_restore (Debian's
 * postgresql-client) run as child processes, never through a shell. The URL's password, when it
 * has one, reaches them in a temporary passfile (PGPASSFILE, mode 0600, in the caller's private
 * work folder, deleted after): their command line — what `ps` shows — and every message carry
 * the URL without it. The tool is /usr/lib/postgresql/<major>/bin/NAME for the server's major
 * version when installed, else the nearest newer one there, else NAME on PATH.
 *
 * The few catalogue statements the backups need (the server's version, an exported snapshot,
 * whether a database is empty, a throwaway database for the drill) are the store's, in
 * db/pgadmin.h, so that src/backup/ has no SQL of its own. The data folder's record of its
 * PostgreSQL database (DIR/database.url) has its one writer here, for the commands and the
 * restore alike. */
#ifndef CONG_BACKUP_PGDUMP_H
#define CONG_BACKUP_PGDUMP_H

#include <stddef.h>
#include <stdint.h>

struct db;

/* URL as it may be shown (logs, messages): without its password. malloc'd; never NULL. */
char *pgd_url_shown(const char *url);
/* URL with its database replaced by DBNAME (NULL: kept), as a postgresql:// URL; NULL with ERR
 * when URL cannot be read. */
char *pgd_url_with_db(const char *url, const char *dbname, char *err, size_t errlen);

/* The file of a data folder that names its PostgreSQL database: `cong init --db`, `cong migrate
 * --use` and `cong restore --db` record the URL there, and every command given --data DIR reads
 * it (data_db_path, src/cmd/). */
#define DATA_DB_URL_FILE "database.url"
/* Records URL in DIR/database.url: 0600 (it may hold a password), written to a temporary file,
 * synced and renamed over it, so that the folder names the old database or the new one, never a
 * part of either. 0, or -1 with a sentence in ERR. */
int pgd_url_record(const char *dir, const char *url, char *err, size_t errlen);

/* Progress of a tool writing a file: DONE bytes written so far, TOTAL the estimate. */
typedef void (*pgd_progress_fn)(int64_t done, int64_t total, void *arg);

/* pg_dump --format=custom (uncompressed: the backup compresses) of the database URL into OUT, as
 * of SNAPSHOT (pg_export_snapshot() of a transaction the caller keeps open until this returns;
 * NULL: pg_dump's own). MAJOR: the server's major version (pgadmin_server_major; 0 unknown).
 * WORK: a folder only this user can read (the passfile and the tool's messages). PROGRESS (may
 * be NULL) gets the size of OUT against ESTIMATE while it runs. 0, or -1 with ERR. */
int pgd_dump(const char *url, int major, const char *snapshot, const char *out, const char *work, int64_t estimate,
	     pgd_progress_fn progress, void *arg, char *err, size_t errlen);
/* pg_restore --list of the archive DUMP: it is a whole, readable custom-format archive; its
 * number of entries in *ENTRIES. 0, or -1 with ERR. */
int pgd_list(const char *dump, const char *work, int64_t *entries, char *err, size_t errlen);
/* pg_restore of DUMP into the empty database URL: --no-owner (the objects become the connecting
 * role's), --exit-on-error in --single-transaction (a failure leaves the database as it was).
 * 0, or -1 with ERR. */
int pgd_restore(const char *url, int major, const char *dump, const char *work, char *err, size_t errlen);

/* ---- the drill's databases (db/pgadmin.h creates and drops them) ---- */

/* A new drill database's name: cong_drill_<UTC YYYYMMDDHHMMSS>_<8 random hex digits>. */
void pgd_drill_name(char *buf, size_t len);
/* Drops the drill databases of the connected role begun more than OLDER_THAN seconds ago (left
 * by a run killed midway, or one whose DROP timed out); how many. */
int pgd_drop_stale(struct db *db, int major, int64_t older_than);

#endif
