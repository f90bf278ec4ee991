/* pg.h — the PostgreSQL backend of the store (libpq). Only db.c calls it: everything else sees
 * db.h. A statement is prepared once per connection (at its first run) with its `?`/`?N`
 * placeholders numbered `$N`; parameters travel as text, typed bigint when bound as integers and
 * otherwise inferred by PostgreSQL; rows come back as text. */
#ifndef CONG_DB_PG_H
#define CONG_DB_PG_H

#include <stddef.h>
#include <stdint.h>

struct pgconn;
struct pgq;

/* db.c's statement timing (/metrics, the slow-statement log): pg.c reports each statement's. */
void db_count_time(uint64_t ns, const char *sql);

/* What a column holds, for db_row_json. */
enum pg_kind { PG_NULL, PG_INT, PG_REAL, PG_TEXT };

struct pgconn *pg_open(const char *url, char *err, size_t errlen);
void pg_close(struct pgconn *c);
const char *pg_errmsg(struct pgconn *c);
/* Whether the connection is still up (as libpq last saw it). */
int pg_alive(struct pgconn *c);

/* Runs SQL (one or several statements, no parameters) as is: 0, or -1 with the message in
 * pg_errmsg. */
int pg_exec(struct pgconn *c, const char *sql);
/* A migration: SQL in the shared subset with its column types mapped (INTEGER → BIGINT, INTEGER
 * PRIMARY KEY → an identity column, REAL → DOUBLE PRECISION). */
int pg_exec_ddl(struct pgconn *c, const char *sql);
/* Moves every identity column's sequence past the table's highest id (after rows were copied in
 * with their ids: a table rebuilt, `cong migrate`). */
int pg_sync_identities(struct pgconn *c);

struct pgq *pg_prepare(struct pgconn *c, const char *sql);
/* DEALLOCATE: also on the server (not needed when the connection is closing). */
void pg_finalize(struct pgq *q, int deallocate);
void pg_bind(struct pgq *q, int i, const char *s);
void pg_bind_int(struct pgq *q, int i, int64_t v);
void pg_clear(struct pgq *q);
int pg_step(struct pgq *q);
void pg_reset(struct pgq *q);
int pg_col_count(struct pgq *q);
const char *pg_col_name(struct pgq *q, int i);
enum pg_kind pg_col_kind(struct pgq *q, int i);
const char *pg_col_text(struct pgq *q, int i);
size_t pg_col_bytes(struct pgq *q, int i);
int64_t pg_col_int(struct pgq *q, int i);
double pg_col_double(struct pgq *q, int i);
int pg_col_null(struct pgq *q, int i);

int64_t pg_last_id(struct pgconn *c);
int pg_changes(struct pgconn *c);
int pg_in_transaction(struct pgconn *c);
/* Transactions. A change takes the installation's writer lock (pg_advisory_xact_lock), so
 * writers queue at BEGIN as with SQLite's BEGIN IMMEDIATE and the model's read-then-write steps
 * (the next number of a register, the audit chain's last hash) stay whole across nodes. A read
 * snapshot is REPEATABLE READ, named by its first statement (pg_version). */
int pg_begin(struct pgconn *c);
int pg_read_begin(struct pgconn *c);
int pg_commit(struct pgconn *c);
/* Announces at COMMIT (at once outside a transaction) that SITE_ID's pages changed, or every
 * site's when it is negative: NOTIFY cong_change (watch.c). Dropped by a rollback. */
void pg_changed(struct pgconn *c, int64_t site_id);
/* watch.c: the notices PAYLOAD ("12,7,*") counted at once in this process (its own commit). */
void watch_heard(const char *payload);
/* watch.c: how many notices the listening thread has read so far; and the wait, at most MS
 * milliseconds, until it has read one sent by server process PID after the SINCE-th (0: heard;
 * -1: not listening, or not within MS). */
uint64_t watch_heard_count(void);
int watch_wait_own(int pid, uint64_t since, int ms);
void pg_rollback(struct pgconn *c);
/* pg_try_advisory_lock of the scheduler's key, kept for the session: 1 held, 0 not, -1 error. */
int pg_lead(struct pgconn *c);
/* A number that moves whenever the data this connection sees may have changed (the memos'
 * check, as SQLite's data_version): the identity of the read snapshot (pg_current_snapshot:
 * which write transactions it sees), taken with it by pg_read_begin, or asked now outside one,
 * plus the connection's own changes. -1 when it cannot be read. */
int64_t pg_version(struct pgconn *c);

#endif
