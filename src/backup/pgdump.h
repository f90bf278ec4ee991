/* pgdump.h — the database part of a backup when the data folder's database is PostgreSQL
 * (backup.h, docs/operations.md "Backups on PostgreSQL"): pg_dump and pg_restore (Debian's
 * postgresql-client) run as child processes, never through a shell. The URL's password, when it
 * has one, reaches them in a temporary passfile (PGPASSFILE, mode 0600, in the caller's private
 * work folder, deleted after): their command line — what `ps` shows — and every message carry
 * the URL without it. The tool is /usr/lib/postgresql/<major>/bin/NAME for the server's major
 * version when installed, else the nearest newer one there, else NAME on PATH.
 *
 * The few catalogue statements the backups need (the server's version, an exported snapshot,
 * whether a database is empty, a throwaway database for the drill) are here too, through the
 * store's interface (db.h), so that src/backup/backup.c has no SQL of its own. */
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

/* Progress of a tool writing a file: DONE bytes written so far, TOTAL the estimate. */
typedef void (*pgd_progress_fn)(int64_t done, int64_t total, void *arg);

/* pg_dump --format=custom (uncompressed: the backup compresses) of the database URL into OUT, as
 * of SNAPSHOT (pg_export_snapshot() of a transaction the caller keeps open until this returns;
 * NULL: pg_dump's own). MAJOR: the server's major version (pgd_server_major; 0 unknown). WORK: a
 * folder only this user can read (the passfile and the tool's messages). PROGRESS (may be NULL)
 * gets the size of OUT against ESTIMATE while it runs. 0, or -1 with ERR. */
int pgd_dump(const char *url, int major, const char *snapshot, const char *out, const char *work, int64_t estimate,
	     pgd_progress_fn progress, void *arg, char *err, size_t errlen);
/* pg_restore --list of the archive DUMP: it is a whole, readable custom-format archive; its
 * number of entries in *ENTRIES. 0, or -1 with ERR. */
int pgd_list(const char *dump, const char *work, int64_t *entries, char *err, size_t errlen);
/* pg_restore of DUMP into the empty database URL: --no-owner (the objects become the connecting
 * role's), --exit-on-error in --single-transaction (a failure leaves the database as it was).
 * 0, or -1 with ERR. */
int pgd_restore(const char *url, int major, const char *dump, const char *work, char *err, size_t errlen);

/* ---- the server, through the store ---- */

/* The server's major version (15 for 15.4), 0 when it cannot be read. */
int pgd_server_major(struct db *db);
/* Opens a REPEATABLE READ transaction on DB (the caller ends it with db_read_end) and exports its
 * snapshot for pg_dump --snapshot into ID; *SIZE: the database's size in bytes (an estimate of
 * the dump's). Whatever DB reads in that transaction is what the dump holds. 0, or -1 with ERR. */
int pgd_snapshot(struct db *db, char id[128], int64_t *size, char *err, size_t errlen);
/* How many tables, views, sequences and indexes the database holds outside the system schemas
 * (0: empty, fit for a restore); -1 on error. */
int64_t pgd_relations(struct db *db);
/* 1 when the connected role may create a database (CREATEDB or superuser), else 0. */
int pgd_may_create_db(struct db *db);
/* CREATE DATABASE NAME (letters, digits, _) from template0 with DB's encoding and collation. */
int pgd_create_db(struct db *db, const char *name, char *err, size_t errlen);
/* DROP DATABASE IF EXISTS NAME (WITH (FORCE) from PostgreSQL 13 on, MAJOR), waiting a minute at
 * most for the server's other connections. */
int pgd_drop_db(struct db *db, const char *name, int major, char *err, size_t errlen);
/* A new drill database's name: cong_drill_<UTC YYYYMMDDHHMMSS>_<8 random hex digits>. */
void pgd_drill_name(char *buf, size_t len);
/* Drops the drill databases of the connected role begun more than OLDER_THAN seconds ago (left
 * by a run killed midway, or one whose DROP timed out); how many. */
int pgd_drop_stale(struct db *db, int major, int64_t older_than);

#endif
