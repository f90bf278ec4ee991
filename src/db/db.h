/* db.h — the store: one SQLite connection per thread (WAL), versioned migrations, a cache of
 * prepared statements keyed by the SQL string's address, transactions, row → JSON helpers.
 * SQL lives only in db/ and model/. */
#ifndef CONG_DB_H
#define CONG_DB_H

#include <stdint.h>
#include <stddef.h>
#include <sqlite3.h>
#include <jansson.h>

struct db;

/* Opens (creating if needed) the database at PATH in WAL mode with foreign keys on. */
struct db *db_open(const char *path, char *err, size_t errlen);
void db_close(struct db *db);
/* Opens an existing database read-only, changing nothing on disk (no journal mode, no
 * migration). IMMUTABLE: also without the WAL's shared memory, for a folder that cannot be
 * written (valid only while no one writes it: a stopped server's folder, a copy, a mount). */
struct db *db_open_readonly(const char *path, int immutable, char *err, size_t errlen);
/* How many migrations this build has that the database has not recorded; -1 on error. */
int db_pending_migrations(struct db *db);
/* Log statements slower than MS milliseconds (0: never); before the first db_open. */
void db_slow_log(int64_t ms);

/* The calling thread's connection to the database set by db_thread_init(); opened on first use
 * and closed when the thread exits. Returns NULL (and logs) when it cannot be opened. */
void db_thread_init(const char *path);
struct db *db_thread(void);

/* Applies every migration not yet recorded, each in its own transaction. Returns the number
 * applied, or -1 with a message in ERR. */
int db_migrate(struct db *db, char *err, size_t errlen);

/* A prepared statement for SQL, which must be a string literal (it is cached by address).
 * The statement comes back reset with no bindings. NULL on a prepare error (logged). */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);

int db_exec(struct db *db, const char *sql);
/* Steps a statement that returns no row (INSERT, UPDATE, DELETE) to its end and resets it: 0, or
 * -1 on an error or when ST is NULL (a failed db_stmt). */
int db_step_done(sqlite3_stmt *st);
/* BEGIN IMMEDIATE: writers queue here, not at COMMIT. Inside a change already begun, a savepoint:
 * its commit keeps its part for the outer change to commit, its rollback undoes only its part. So
 * one user action made of several model calls (an import) is one transaction. */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);
/* A read snapshot (BEGIN DEFERRED .. COMMIT, prepared once per connection): all statements of
 * a public page see one state of the database and take the shared lock once. */
int db_read_begin(struct db *db);
void db_read_end(struct db *db);
int64_t db_last_id(struct db *db);
int db_changes(struct db *db);
const char *db_errmsg(struct db *db);
sqlite3 *db_handle(struct db *db);

/* Binds S as text, or NULL when S is NULL. */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);
void db_bind_int(sqlite3_stmt *st, int i, int64_t v);

/* The current row as an object {column: value}; integers stay integers, NULL is null. */
json_t *db_row_json(sqlite3_stmt *st);
/* Steps ST to the end, collecting every row; returns a new array (empty on error). */
json_t *db_rows_json(sqlite3_stmt *st);
/* Steps once; returns the row as an object or NULL when there is none. */
json_t *db_one_json(sqlite3_stmt *st);

/* Per-connection memos: small tables that nearly every request reads (the sites) may be kept
 * with the connection between requests. A memo is dropped as soon as the database may have
 * changed since it was made: a commit by any other connection or process (PRAGMA data_version)
 * or any change made through this connection (sqlite3_total_changes64). Inside a read snapshot
 * (db_read_begin) the check costs nothing after its first statement. The memo's owner must not
 * make it inside a request's JSON arena (see base/arena.h). */
enum db_memo_slot { DB_MEMO_SITES, DB_MEMO_CATEGORIES, DB_MEMO_TERMS, DB_MEMO_FRAGMENTS, DB_MEMO_MAINTENANCE, DB_MEMO_BANNERS, DB_MEMO_N };
/* The memo in SLOT, or NULL when there is none or it was dropped. */
void *db_memo_get(struct db *db, enum db_memo_slot slot);
/* Stores P in SLOT (FREE_FN releases it when it is dropped or the connection closes). */
void db_memo_set(struct db *db, enum db_memo_slot slot, void *p, void (*free_fn)(void *));

/* 0 when the store answers a query (health checks). */
int db_ping(struct db *db);
/* Nanoseconds spent in statements and how many ran, over every connection since start. */
void db_time_total(uint64_t *ns, uint64_t *count);

/* Settings table: returns malloc'd value or NULL. */
char *db_setting_get(struct db *db, const char *key);
int db_setting_set(struct db *db, const char *key, const char *value);

/* Backups (src/backup/): a consistent copy of the whole database at PATH through SQLite's online
 * backup API, inside one read transaction (the server keeps writing meanwhile); the copy is in
 * rollback-journal mode, one file. PROGRESS (may be NULL) gets pages done and total. 0, or -1
 * with a message in ERR. */
int db_snapshot(struct db *db, const char *path, void (*progress)(int64_t done, int64_t total, void *arg),
		void *arg, char *err, size_t errlen);
/* {table: rows} of every ordinary table; NULL on a store error. */
json_t *db_table_counts(struct db *db);
/* PRAGMA integrity_check: 0 when "ok", else -1 with its first line in ERR. */
int db_integrity(struct db *db, char *err, size_t errlen);

#endif
