/* db.h — the store: one interface over two backends, SQLite (a file; the default) and PostgreSQL
 * (libpq; a URL postgres://… or postgresql://…). One connection per thread, versioned migrations,
 * a cache of prepared statements keyed by the SQL string's address, bound parameters, rows,
 * transactions, row → JSON helpers. SQL lives only in db/ and model/, in the subset both engines
 * share (docs/architecture.md, "The store"); placeholders are written `?` or `?N`. Like Redis's
 * connection.h: callers never see which engine answers. */
#ifndef CONG_DB_H
#define CONG_DB_H

#include <stdint.h>
#include <stddef.h>
#include <jansson.h>

struct db;
/* A prepared statement of one connection; NULL-safe where noted. */
struct db_stmt;

/* What db_step answers (SQLite's own numbers, which the PostgreSQL backend answers too). */
enum { DB_OK = 0, DB_ERROR = 1, DB_BUSY = 5, DB_CONSTRAINT = 19, DB_ROW = 100, DB_DONE = 101 };

/* Whether SPEC names a PostgreSQL database (postgres:// or postgresql://) rather than a file. */
int db_spec_is_pg(const char *spec);
/* Opens the database SPEC: a SQLite file (created if needed; WAL, foreign keys on) or a
 * PostgreSQL URL (the database must exist). */
struct db *db_open(const char *spec, char *err, size_t errlen);
/* "sqlite" or "postgresql". */
const char *db_engine(struct db *db);
int db_is_pg(struct db *db);
void db_close(struct db *db);
/* Opens an existing database read-only, changing nothing on disk (no journal mode, no
 * migration). IMMUTABLE: also without the WAL's shared memory, for a folder that cannot be
 * written (valid only while no one writes it: a stopped server's folder, a copy, a mount). */
struct db *db_open_readonly(const char *path, int immutable, char *err, size_t errlen);
/* How many migrations this build has that the database has not recorded; -1 on error. */
int db_pending_migrations(struct db *db);
/* Log statements slower than MS milliseconds (0: never); before the first db_open. */
void db_slow_log(int64_t ms);

/* The calling thread's connection to the database set by db_thread_init() (a SQLite path or a
 * PostgreSQL URL); opened on first use
 * and closed when the thread exits. Returns NULL (and logs) when it cannot be opened. */
void db_thread_init(const char *path);
struct db *db_thread(void);

/* Applies every migration not yet recorded, each in its own transaction. Returns the number
 * applied, or -1 with a message in ERR. */
int db_migrate(struct db *db, char *err, size_t errlen);

/* A prepared statement for SQL, which must be a string literal (it is cached by address).
 * The statement comes back reset with no bindings. NULL on a prepare error (logged). */
struct db_stmt *db_stmt(struct db *db, const char *sql);
/* A statement for SQL built at run time (an identifier quoted into it): not cached; the caller
 * ends it with db_finalize(). NULL on a prepare error (logged). */
struct db_stmt *db_prepare(struct db *db, const char *sql);
void db_finalize(struct db_stmt *st);

/* Runs ST to its next row: DB_ROW, DB_DONE, or an error (DB_CONSTRAINT for a broken
 * constraint, DB_BUSY, DB_ERROR). */
int db_step(struct db_stmt *st);
/* Ends a run of ST (its rows are dropped); its bindings stay until the next db_stmt(). */
void db_reset(struct db_stmt *st);
/* The current row's column I (0-based): an integer (0 for NULL; a truth value reads 1 or 0), a
 * number, text (NULL for NULL; valid until the next step or reset), or whether it is NULL. */
int64_t db_col_int(struct db_stmt *st, int i);
double db_col_double(struct db_stmt *st, int i);
const char *db_col_text(struct db_stmt *st, int i);
int db_col_null(struct db_stmt *st, int i);
const char *db_stmt_errmsg(struct db_stmt *st);

int db_exec(struct db *db, const char *sql);
/* Steps a statement that returns no row (INSERT, UPDATE, DELETE) to its end and resets it: 0, or
 * -1 on an error or when ST is NULL (a failed db_stmt). */
int db_step_done(struct db_stmt *st);
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
/* Whether a transaction (or a read snapshot) is open on DB. */
int db_in_transaction(struct db *db);
/* The id given to the row the last INSERT of this connection made (tables with an integer id). */
int64_t db_last_id(struct db *db);
/* Rows changed by the last INSERT, UPDATE or DELETE of this connection. */
int db_changes(struct db *db);
const char *db_errmsg(struct db *db);

/* Binds S as text, or NULL when S is NULL (parameters count from 1). */
void db_bind_text(struct db_stmt *st, int i, const char *s);
void db_bind_int(struct db_stmt *st, int i, int64_t v);
void db_bind_null(struct db_stmt *st, int i);
/* Binary data (SQLite BLOB, PostgreSQL bytea), and a malloc'd copy of a column's; *N its size. */
void db_bind_blob(struct db_stmt *st, int i, const void *p, size_t n);
void *db_col_blob_dup(struct db_stmt *st, int i, size_t *n);

/* The current row as an object {column: value}; integers stay integers, NULL is null. */
json_t *db_row_json(struct db_stmt *st);
/* Steps ST to the end, collecting every row; returns a new array (empty on error). */
json_t *db_rows_json(struct db_stmt *st);
/* Steps once; returns the row as an object or NULL when there is none. */
json_t *db_one_json(struct db_stmt *st);
/* Steps ST once for one integer (a count, an id): on a row, its column 0 in *OUT (0 for NULL)
 * and 1; 0 when there is no row; -1 on an error, or when ST is NULL (a failed db_stmt). *OUT is
 * changed only when there is a row, so that it may hold the answer for the other cases. ST is
 * reset in every case. */
int db_one_int(struct db_stmt *st, int64_t *out);

/* Per-connection memos: small tables that nearly every request reads (the sites) may be kept
 * with the connection between requests. A memo is dropped as soon as the database may have
 * changed since it was made: a commit by any other connection or process (SQLite: PRAGMA
 * data_version; PostgreSQL: the read snapshot's identity, pg_current_snapshot()) or any change
 * made through this connection. Inside a read snapshot (db_read_begin) the check costs nothing
 * after its first statement (on PostgreSQL, nothing: the identity comes with the BEGIN). The
 * memo's owner must not
 * make it inside a request's JSON arena (see base/arena.h). */
enum db_memo_slot { DB_MEMO_SITES, DB_MEMO_CATEGORIES, DB_MEMO_TERMS, DB_MEMO_FRAGMENTS, DB_MEMO_MAINTENANCE, DB_MEMO_BANNERS, DB_MEMO_LISTINGS, DB_MEMO_N };
/* The memo in SLOT, or NULL when there is none or it was dropped. */
void *db_memo_get(struct db *db, enum db_memo_slot slot);
/* Stores P in SLOT (FREE_FN releases it when it is dropped or the connection closes). */
void db_memo_set(struct db *db, enum db_memo_slot slot, void *p, void (*free_fn)(void *));

/* Whether this connection runs the installation's schedule: on PostgreSQL, whether it holds
 * (or has just taken) a session advisory lock that the server frees the moment the holder's
 * connection ends (a node killed, its network gone), so that another node's next try takes it;
 * on SQLite (one server on one file) always. */
int db_lead(struct db *db);

/* Change notices between nodes (watch.c). The page cache of a node must not serve a page that
 * another node's commit made old. A PostgreSQL node learns of every such commit at once: a
 * change announces the sites whose pages it changed (db_changed, sent with its COMMIT), and one
 * thread per process listens. A page rendered in a read snapshot begun after db_watch_mark() = M
 * is current while db_watch_unchanged(M, site, …) holds; the database is then not asked at all.
 * On SQLite (one process serves) and while the listener is not connected, no mark is ever
 * current (0): every cached page is checked against the database, as before.
 *   db_changed: SITE_ID's pages change with this transaction (negative: every site's).
 *   db_watch_start: the listening thread, for a PostgreSQL SPEC (nothing for a SQLite one).
 *   db_watch_unchanged: no change of SITE_ID (or, EVERY_SITE, of any site) heard since MARK,
 *   and nothing waiting unread on the listening socket (a notice that has arrived while the
 *   listening thread waits for the CPU). */
void db_changed(struct db *db, int64_t site_id);
int db_watch_start(const char *spec);
void db_watch_stop(void);
uint64_t db_watch_mark(void);
int db_watch_unchanged(uint64_t mark, int64_t site_id, int every_site);

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
/* After rows were copied in with their own ids (`cong migrate`): on PostgreSQL, moves every
 * identity column's sequence past its table's highest id (pg_sync_identities) and gathers the
 * planner's statistics (ANALYZE); nothing on SQLite, whose next rowid follows the highest by
 * itself. 0, or -1 (db_errmsg). */
int db_after_bulk_copy(struct db *db);
/* {table: rows} of every ordinary table; NULL on a store error. */
json_t *db_table_counts(struct db *db);
/* PRAGMA integrity_check: 0 when "ok", else -1 with its first line in ERR. */
int db_integrity(struct db *db, char *err, size_t errlen);

#endif
