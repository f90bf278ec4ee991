/* db.c — the store: the interface of db.h over SQLite (here) and PostgreSQL (pg.c). Connections
 * are per thread (libmicrohttpd's pool threads each get one), so no locking is needed around
 * statements; SQLite's WAL lets readers run beside one writer, PostgreSQL's MVCC the same. */
#include "db.h"
#include "pg.h"
#include "fts5rank.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "base/utf8.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/banned.h"

extern const struct {
	const char *name;
	const char *sql;
	const char *pg; /* PostgreSQL's own text, or NULL: SQL above with its types mapped */
} db_migrations[];
extern const size_t db_nmigrations;

/* The statements a connection keeps prepared, one per SQL text (its address): every query the
 * code names, so the number grows with the features (256 was reached by a browser run through
 * every page, #17); found through an index hashed on the address, not by a scan. */
#define STMT_CACHE 1024
#define STMT_INDEX 2048 /* a power of 2, twice STMT_CACHE: probes stay short */

struct db_stmt {
	struct db *db;
	sqlite3_stmt *lite; /* one of the two */
	struct pgq *pg;
};

struct db {
	sqlite3 *h;        /* SQLite, or */
	struct pgconn *pg; /* PostgreSQL */
	struct {
		const char *sql;
		struct db_stmt st;
	} cache[STMT_CACHE];
	size_t ncache;
	uint16_t index[STMT_INDEX]; /* 1 + the cache slot of a SQL text, 0: empty */
	/* db_memo_*: valid while neither number changes; checked once per read snapshot */
	struct {
		void *p;
		void (*free_fn)(void *);
	} memo[DB_MEMO_N];
	int64_t memo_version, memo_changes;
	int in_snapshot, snapshot_checked;
	int depth; /* db_begin nesting: 1 the transaction, more its savepoints */
};

/* Statements slower than this are logged with their SQL (placeholders only, never the bound
 * values); 0 turns the log off. Set once at start-up by `cong serve --slow-sql MS`. */
static int64_t slow_ns = 200 * 1000000LL;

void db_slow_log(int64_t ms)
{
	slow_ns = ms > 0 ? ms * 1000000LL : 0;
}

/* Time in statements, for /metrics (db_time_total). */
static _Atomic unsigned long long stmt_ns, stmt_count;

void db_time_total(uint64_t *ns, uint64_t *count)
{
	*ns = stmt_ns;
	*count = stmt_count;
}

/* pg.c's statements are timed here as SQLite's are in slow_trace. */
void db_count_time(uint64_t ns, const char *sql)
{
	stmt_ns += ns;
	stmt_count++;
	if (slow_ns && (int64_t)ns >= slow_ns)
		log_warn("db: slow statement, %.1f ms: %s", (double)ns / 1e6, sql);
}

static int slow_trace(unsigned type, void *ctx, void *p, void *x)
{
	(void)ctx;
	if (type == SQLITE_TRACE_PROFILE) {
		stmt_ns += *(sqlite3_uint64 *)x;
		stmt_count++;
	}
	if (type == SQLITE_TRACE_PROFILE && slow_ns && (int64_t)*(sqlite3_uint64 *)x >= slow_ns)
		log_warn("db: slow statement, %.1f ms: %s", (double)*(sqlite3_uint64 *)x / 1e6,
			 sqlite3_sql((sqlite3_stmt *)p));
	return 0;
}

/* Before SQLite starts: its allocation statistics (nothing here reads them) take one global
 * mutex on every allocation, which the worker threads then fight over. */
static void sqlite_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int db_spec_is_pg(const char *spec)
{
	return spec && (strncmp(spec, "postgres://", 11) == 0 || strncmp(spec, "postgresql://", 13) == 0);
}

const char *db_engine(struct db *db)
{
	return db->pg ? "postgresql" : "sqlite";
}

int db_is_pg(struct db *db)
{
	return db->pg != NULL;
}

struct db *db_open(const char *path, char *err, size_t errlen)
{
	static pthread_once_t setup_once = PTHREAD_ONCE_INIT;
	struct db *db = xcalloc(1, sizeof(*db));
	if (db_spec_is_pg(path)) {
		db->pg = pg_open(path, err, errlen);
		if (!db->pg) {
			free(db);
			return NULL;
		}
		return db;
	}
	pthread_once(&setup_once, sqlite_setup);
	int rc = sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "cannot open %s: %s", path, db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
		sqlite3_close(db->h);
		free(db);
		return NULL;
	}
	sqlite3_busy_timeout(db->h, 10000);
	fts5rank_register(db->h); /* the search's ranking (search.c) */
	/* always: the time is counted for /metrics; slow statements are logged when asked */
	sqlite3_trace_v2(db->h, SQLITE_TRACE_PROFILE, slow_trace, NULL);
	/* synchronous=FULL: in WAL mode the log is synced at every commit, so a change the server
	 * acknowledged survives a power loss, not only a crash of the process (NORMAL syncs it only
	 * at checkpoints); measured in docs/benchmarks.md, "2026-12-07 — durability" */
	if (db_exec(db, "PRAGMA journal_mode=WAL") || db_exec(db, "PRAGMA synchronous=FULL") ||
	    db_exec(db, "PRAGMA foreign_keys=ON")) {
		snprintf(err, errlen, "cannot configure %s: %s", path, sqlite3_errmsg(db->h));
		db_close(db);
		return NULL;
	}
	return db;
}

struct db *db_open_readonly(const char *path, int immutable, char *err, size_t errlen)
{
	static pthread_once_t setup_once = PTHREAD_ONCE_INIT;
	if (db_spec_is_pg(path)) { /* the server keeps its files; this session only may not write */
		struct db *db = db_open(path, err, errlen);
		if (db && pg_exec(db->pg, "SET default_transaction_read_only = on")) {
			snprintf(err, errlen, "cannot open read-only: %s", pg_errmsg(db->pg));
			db_close(db);
			return NULL;
		}
		return db;
	}
	pthread_once(&setup_once, sqlite_setup);
	struct db *db = xcalloc(1, sizeof(*db));
	char *uri = sqlite3_mprintf("file:%s?mode=ro%s", path, immutable ? "&immutable=1" : "");
	int rc = uri ? sqlite3_open_v2(uri, &db->h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL)
		     : SQLITE_NOMEM;
	sqlite3_free(uri);
	/* the open is lazy: the first read says whether the file is a database we can read */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db->h, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "cannot open %s read-only: %s", path, db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
		sqlite3_close(db->h);
		free(db);
		return NULL;
	}
	sqlite3_busy_timeout(db->h, 10000);
	fts5rank_register(db->h);
	return db;
}

int db_pending_migrations(struct db *db)
{
	int pending = 0;
	for (size_t i = 0; i < db_nmigrations; i++) {
		struct db_stmt *st = db_stmt(db, "SELECT 1 FROM schema_migrations WHERE name = ?");
		if (!st)
			return -1;
		db_bind_text(st, 1, db_migrations[i].name);
		pending += db_step(st) != DB_ROW;
		db_reset(st);
	}
	return pending;
}

static void memo_drop_all(struct db *db)
{
	for (size_t i = 0; i < DB_MEMO_N; i++) {
		if (db->memo[i].p)
			db->memo[i].free_fn(db->memo[i].p);
		db->memo[i].p = NULL;
	}
}

void db_close(struct db *db)
{
	if (!db)
		return;
	memo_drop_all(db);
	for (size_t i = 0; i < db->ncache; i++) {
		if (db->pg)
			pg_finalize(db->cache[i].st.pg, 0);
		else
			sqlite3_finalize(db->cache[i].st.lite);
	}
	if (db->pg)
		pg_close(db->pg);
	else
		sqlite3_close(db->h);
	free(db);
}

static pthread_key_t thread_key;
static pthread_once_t thread_once = PTHREAD_ONCE_INIT;
static char *thread_path;

static void thread_close(void *p)
{
	db_close(p);
}

static void thread_key_make(void)
{
	pthread_key_create(&thread_key, thread_close);
}

void db_thread_init(const char *path)
{
	pthread_once(&thread_once, thread_key_make);
	free(thread_path);
	thread_path = xstrdup(path);
}

struct db *db_thread(void)
{
	struct db *db = pthread_getspecific(thread_key);
	char err[512];
	/* a PostgreSQL connection the server closed (a restart, a fail-over) is opened again */
	if (db && db->pg && !pg_alive(db->pg)) {
		log_warn("db: the connection to PostgreSQL was lost (%s); connecting again", pg_errmsg(db->pg));
		db_close(db);
		db = NULL;
		pthread_setspecific(thread_key, NULL);
	}
	if (db)
		return db;
	db = db_open(thread_path, err, sizeof(err));
	if (!db) {
		log_error("db: %s", err);
		return NULL;
	}
	pthread_setspecific(thread_key, db);
	return db;
}

int db_exec(struct db *db, const char *sql)
{
	if (db->pg) {
		if (pg_exec(db->pg, sql)) {
			log_error("db: %s: %s", pg_errmsg(db->pg), sql);
			return -1;
		}
		return 0;
	}
	char *msg = NULL;
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		log_error("db: %s: %s", msg ? msg : sqlite3_errstr(rc), sql);
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* ---- statements ---- */

static int stmt_prepare(struct db *db, const char *sql, struct db_stmt *st)
{
	st->db = db;
	if (db->pg) {
		st->pg = pg_prepare(db->pg, sql);
		if (!st->pg)
			log_error("db: prepare: %s: %s", pg_errmsg(db->pg), sql);
		return st->pg ? 0 : -1;
	}
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st->lite, NULL) != SQLITE_OK) {
		log_error("db: prepare: %s: %s", sqlite3_errmsg(db->h), sql);
		return -1;
	}
	return 0;
}

static size_t stmt_slot(const char *sql)
{
	return (size_t)(((uint64_t)(uintptr_t)sql * 0x9E3779B97F4A7C15ULL) >> 53) & (STMT_INDEX - 1);
}

struct db_stmt *db_stmt(struct db *db, const char *sql)
{
	size_t h = stmt_slot(sql);
	for (; db->index[h]; h = (h + 1) & (STMT_INDEX - 1)) {
		if (db->cache[db->index[h] - 1].sql == sql) {
			struct db_stmt *st = &db->cache[db->index[h] - 1].st;
			if (st->pg) {
				pg_reset(st->pg);
				pg_clear(st->pg);
			} else {
				sqlite3_reset(st->lite);
				sqlite3_clear_bindings(st->lite);
			}
			return st;
		}
	}
	if (db->ncache == STMT_CACHE)
		BUG("statement cache full; raise STMT_CACHE");
	struct db_stmt *st = &db->cache[db->ncache].st;
	if (stmt_prepare(db, sql, st))
		return NULL;
	db->cache[db->ncache].sql = sql;
	db->ncache++;
	db->index[h] = (uint16_t)db->ncache; /* H: the empty slot the search ended on */
	return st;
}

struct db_stmt *db_prepare(struct db *db, const char *sql)
{
	struct db_stmt *st = xcalloc(1, sizeof(*st));
	if (stmt_prepare(db, sql, st)) {
		free(st);
		return NULL;
	}
	return st;
}

void db_finalize(struct db_stmt *st)
{
	if (!st)
		return;
	if (st->pg)
		pg_finalize(st->pg, 1);
	else
		sqlite3_finalize(st->lite);
	free(st);
}

int db_step(struct db_stmt *st)
{
	return st->pg ? pg_step(st->pg) : sqlite3_step(st->lite);
}

void db_reset(struct db_stmt *st)
{
	if (st->pg)
		pg_reset(st->pg);
	else
		sqlite3_reset(st->lite);
}

int64_t db_col_int(struct db_stmt *st, int i)
{
	return st->pg ? pg_col_int(st->pg, i) : sqlite3_column_int64(st->lite, i);
}

double db_col_double(struct db_stmt *st, int i)
{
	return st->pg ? pg_col_double(st->pg, i) : sqlite3_column_double(st->lite, i);
}

const char *db_col_text(struct db_stmt *st, int i)
{
	return st->pg ? pg_col_text(st->pg, i) : (const char *)sqlite3_column_text(st->lite, i);
}

int db_col_null(struct db_stmt *st, int i)
{
	return st->pg ? pg_col_null(st->pg, i) : sqlite3_column_type(st->lite, i) == SQLITE_NULL;
}

const char *db_stmt_errmsg(struct db_stmt *st)
{
	return db_errmsg(st->db);
}

int db_step_done(struct db_stmt *st)
{
	if (!st)
		return -1;
	int ok = db_step(st) == DB_DONE;
	db_reset(st);
	return ok ? 0 : -1;
}

void db_bind_text(struct db_stmt *st, int i, const char *s)
{
	if (st->pg)
		pg_bind(st->pg, i, s);
	else if (s)
		sqlite3_bind_text(st->lite, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st->lite, i);
}

void db_bind_int(struct db_stmt *st, int i, int64_t v)
{
	if (st->pg)
		pg_bind_int(st->pg, i, v);
	else
		sqlite3_bind_int64(st->lite, i, v);
}

void db_bind_blob(struct db_stmt *st, int i, const void *p, size_t n)
{
	if (!st->pg) {
		sqlite3_bind_blob64(st->lite, i, p, n, SQLITE_TRANSIENT);
		return;
	}
	/* bytea in PostgreSQL's text form: \x and two hex digits a byte */
	static const char hex[] = "0123456789abcdef";
	char *t = xmalloc(st_add(st_mult(n, 2), 3));
	t[0] = '\\';
	t[1] = 'x';
	for (size_t k = 0; k < n; k++) {
		t[2 + 2 * k] = hex[((const unsigned char *)p)[k] >> 4];
		t[3 + 2 * k] = hex[((const unsigned char *)p)[k] & 15];
	}
	t[2 + 2 * n] = 0;
	pg_bind(st->pg, i, t);
	free(t);
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

void *db_col_blob_dup(struct db_stmt *st, int i, size_t *n)
{
	*n = 0;
	if (!st->pg) {
		const void *p = sqlite3_column_blob(st->lite, i);
		size_t len = (size_t)sqlite3_column_bytes(st->lite, i);
		void *r = xmalloc(len ? len : 1);
		if (p && len)
			memcpy(r, p, len);
		*n = len;
		return r;
	}
	const char *t = pg_col_text(st->pg, i);
	size_t len = t ? strlen(t) : 0;
	if (len < 2 || t[0] != '\\' || t[1] != 'x')
		return xmalloc(1);
	unsigned char *r = xmalloc(len / 2 + 1);
	for (size_t k = 2; k + 1 < len; k += 2) {
		int hi = hexval(t[k]), lo = hexval(t[k + 1]);
		if (hi < 0 || lo < 0)
			break;
		r[(*n)++] = (unsigned char)(hi << 4 | lo);
	}
	return r;
}

void db_bind_null(struct db_stmt *st, int i)
{
	db_bind_text(st, i, NULL);
}

/* ---- transactions ---- */

int db_begin(struct db *db)
{
	if (db->depth > 0) { /* inside another change: a savepoint of it */
		if (db_exec(db, "SAVEPOINT nested"))
			return -1;
		db->depth++;
		return 0;
	}
	/* a public page that writes (a citizen's opt-out link) ends its read snapshot first: the
	 * change sees the newest state, and a read transaction cannot become BEGIN IMMEDIATE */
	if (db->in_snapshot)
		db_read_end(db);
	if (db->pg ? pg_begin(db->pg) : db_exec(db, "BEGIN IMMEDIATE")) {
		if (db->pg) {
			log_error("db: begin: %s", pg_errmsg(db->pg));
			pg_rollback(db->pg);
		}
		return -1;
	}
	db->depth = 1;
	return 0;
}

int db_commit(struct db *db)
{
	if (db->depth > 1) {
		db->depth--;
		return db_exec(db, "RELEASE nested");
	}
	db->depth = 0;
	if (db->pg ? pg_commit(db->pg) : db_exec(db, "COMMIT")) {
		if (db->pg)
			log_error("db: commit: %s", pg_errmsg(db->pg));
		db_rollback(db);
		return -1;
	}
	return 0;
}

int db_read_begin(struct db *db)
{
	/* SQLite: BEGIN DEFERRED, prepared once; the snapshot starts at the first read */
	int ok = db->pg ? pg_read_begin(db->pg) == 0 : db_step_done(db_stmt(db, "BEGIN")) == 0;
	db->in_snapshot = ok;
	db->snapshot_checked = 0;
	return ok ? 0 : -1;
}

void db_read_end(struct db *db)
{
	if (!db->in_snapshot)
		return; /* ended already (db_begin) or never begun */
	db->in_snapshot = 0;
	int ok = db->pg ? pg_commit(db->pg) == 0 : db_step_done(db_stmt(db, "COMMIT")) == 0;
	if (!ok)
		db_rollback(db);
}

void db_rollback(struct db *db)
{
	if (db->depth > 1) { /* undoes the savepoint's part; the outer change goes on */
		db->depth--;
		memo_drop_all(db);
		if (db->pg)
			pg_exec(db->pg, "ROLLBACK TO nested; RELEASE nested");
		else
			sqlite3_exec(db->h, "ROLLBACK TO nested; RELEASE nested", NULL, NULL, NULL);
		return;
	}
	db->depth = 0;
	db->in_snapshot = 0;
	/* a memo made inside the transaction may hold what is now undone */
	memo_drop_all(db);
	if (db->pg)
		pg_rollback(db->pg);
	else if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

int db_in_transaction(struct db *db)
{
	return db->pg ? pg_in_transaction(db->pg) : !sqlite3_get_autocommit(db->h);
}

int64_t db_last_id(struct db *db)
{
	return db->pg ? pg_last_id(db->pg) : sqlite3_last_insert_rowid(db->h);
}

int db_changes(struct db *db)
{
	return db->pg ? pg_changes(db->pg) : sqlite3_changes(db->h);
}

const char *db_errmsg(struct db *db)
{
	return db->pg ? pg_errmsg(db->pg) : sqlite3_errmsg(db->h);
}

/* ---- rows as JSON ---- */

static json_t *text_json(const char *t, size_t len)
{
	/* not UTF-8: never stored by us, but never crash (utf8_valid is the fast check) */
	return t && utf8_valid(t, len) ? json_stringn_nocheck(t, len) : json_string("");
}

json_t *db_row_json(struct db_stmt *st)
{
	json_t *o = json_object();
	if (st->pg) {
		int n = pg_col_count(st->pg);
		for (int i = 0; i < n; i++) {
			json_t *v;
			switch (pg_col_kind(st->pg, i)) {
			case PG_INT: v = json_integer(pg_col_int(st->pg, i)); break;
			case PG_REAL: v = json_real(pg_col_double(st->pg, i)); break;
			case PG_NULL: v = json_null(); break;
			default: v = text_json(pg_col_text(st->pg, i), pg_col_bytes(st->pg, i));
			}
			json_object_set_new_nocheck(o, pg_col_name(st->pg, i), v);
		}
		return o;
	}
	sqlite3_stmt *s = st->lite;
	int n = sqlite3_column_count(s);
	for (int i = 0; i < n; i++) {
		const char *name = sqlite3_column_name(s, i);
		json_t *v;
		switch (sqlite3_column_type(s, i)) {
		case SQLITE_INTEGER: v = json_integer(sqlite3_column_int64(s, i)); break;
		case SQLITE_FLOAT: v = json_real(sqlite3_column_double(s, i)); break;
		case SQLITE_NULL: v = json_null(); break;
		default: {
			const char *t = (const char *)sqlite3_column_text(s, i);
			v = text_json(t, (size_t)sqlite3_column_bytes(s, i));
		}
		}
		json_object_set_new_nocheck(o, name, v); /* our column names */
	}
	return o;
}

json_t *db_rows_json(struct db_stmt *st)
{
	json_t *a = json_array();
	int rc;
	while ((rc = db_step(st)) == DB_ROW)
		json_array_append_new(a, db_row_json(st));
	if (rc != DB_DONE)
		log_error("db: step: %s", db_stmt_errmsg(st));
	db_reset(st);
	return a;
}

json_t *db_one_json(struct db_stmt *st)
{
	json_t *o = NULL;
	int rc = db_step(st);
	if (rc == DB_ROW)
		o = db_row_json(st);
	else if (rc != DB_DONE)
		log_error("db: step: %s", db_stmt_errmsg(st));
	db_reset(st);
	return o;
}

int db_one_int(struct db_stmt *st, int64_t *out)
{
	if (!st)
		return -1;
	int rc = db_step(st);
	if (rc == DB_ROW)
		*out = db_col_int(st, 0);
	db_reset(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

/* Drops the memos when the database may have changed since the last check. Another
 * connection's commit shows in PRAGMA data_version (which also starts the read snapshot when it
 * is the first statement in one); this connection's own changes only in its change counter.
 * PostgreSQL: the identity of the read snapshot (which write transactions it sees, taken with
 * it: no statement more) or, outside one, of the current snapshot; and the connection's own
 * changes. */
static void memo_check(struct db *db)
{
	int64_t changes = 0, version = -1;
	if (db->pg) {
		version = pg_version(db->pg);
	} else if (!(db->in_snapshot && db->snapshot_checked)) {
		changes = sqlite3_total_changes64(db->h);
		struct db_stmt *st = db_stmt(db, "PRAGMA data_version");
		if (st && db_step(st) == DB_ROW)
			version = db_col_int(st, 0);
		if (st)
			db_reset(st);
		db->snapshot_checked = db->in_snapshot && version >= 0;
	} else {
		changes = sqlite3_total_changes64(db->h);
		version = db->memo_version;
	}
	if (version < 0 || version != db->memo_version || changes != db->memo_changes)
		memo_drop_all(db);
	db->memo_version = version;
	db->memo_changes = changes;
}

void *db_memo_get(struct db *db, enum db_memo_slot slot)
{
	memo_check(db);
	return db->memo[slot].p;
}

void db_memo_set(struct db *db, enum db_memo_slot slot, void *p, void (*free_fn)(void *))
{
	if (db->memo[slot].p)
		db->memo[slot].free_fn(db->memo[slot].p);
	/* a memo made while the version could not be read is dropped by the next check */
	db->memo[slot].p = p;
	db->memo[slot].free_fn = free_fn;
}

char *db_setting_get(struct db *db, const char *key)
{
	struct db_stmt *st = db_stmt(db, "SELECT value FROM settings WHERE key = ?");
	char *r = NULL;
	if (!st)
		return NULL;
	db_bind_text(st, 1, key);
	if (db_step(st) == DB_ROW)
		r = xstrdup(db_col_text(st, 0));
	db_reset(st);
	return r;
}

int db_setting_set(struct db *db, const char *key, const char *value)
{
	struct db_stmt *st = db_stmt(db, "INSERT INTO settings (key, value) VALUES (?, ?) "
				       "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
	if (!st)
		return -1;
	db_bind_text(st, 1, key);
	db_bind_text(st, 2, value);
	return db_step_done(st);
}

static int64_t time_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Runs one migration's text on DB's engine: 0, or -1 with the message in ERR. */
static int migration_run(struct db *db, size_t i, char *err, size_t errlen)
{
	if (db->pg) {
		int rc = db_migrations[i].pg ? pg_exec(db->pg, db_migrations[i].pg)
					     : pg_exec_ddl(db->pg, db_migrations[i].sql);
		if (!rc)
			rc = pg_sync_identities(db->pg);
		if (rc)
			snprintf(err, errlen, "migration %s: %s", db_migrations[i].name, pg_errmsg(db->pg));
		return rc;
	}
	char *msg = NULL;
	if (sqlite3_exec(db->h, db_migrations[i].sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errlen, "migration %s: %s", db_migrations[i].name, msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* PostgreSQL sorts text by the database's collation; SQLite by bytes, which for UTF-8 is code
 * point order, what C.UTF-8 gives: lists, menus and number searches (ref_key ranges) are in
 * that order. Another collation works, but sorts differently: said once. */
static void pg_collation_check(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT datcollate FROM pg_database WHERE datname = current_database()");
	if (st && db_step(st) == DB_ROW) {
		const char *c = db_col_text(st, 0);
		if (c && strcmp(c, "C") && strcmp(c, "POSIX") && strcasecmp(c, "C.UTF-8") && strcasecmp(c, "C.utf8"))
			log_warn("db: the database sorts text by collation %s; Cổng expects C.UTF-8 (code point"
				 " order, as on SQLite): createdb --template template0 --locale C.UTF-8", c);
	}
	if (st)
		db_reset(st);
}

int db_migrate(struct db *db, char *err, size_t errlen)
{
	int applied = 0;
	if (db->pg)
		pg_collation_check(db);
	if (db_exec(db, "CREATE TABLE IF NOT EXISTS schema_migrations ("
			"name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)"))
		goto fail;
	/* an upgrade of an existing database says what it does, step by step; a new one does not */
	int upgrading = 0;
	struct db_stmt *any = db_stmt(db, "SELECT 1 FROM schema_migrations LIMIT 1");
	if (any) {
		upgrading = db_step(any) == DB_ROW;
		db_reset(any);
	}
	for (size_t i = 0; i < db_nmigrations; i++) {
		struct db_stmt *st = db_stmt(db, "SELECT 1 FROM schema_migrations WHERE name = ?");
		if (!st)
			goto fail;
		db_bind_text(st, 1, db_migrations[i].name);
		int done = db_step(st) == DB_ROW;
		db_reset(st);
		if (done)
			continue;
		if (db_begin(db))
			goto fail;
		/* one transaction each: an upgrade stopped half-way (kill, power) left nothing of the
		 * migration it was in, and the next start goes on from there. On PostgreSQL the
		 * writer lock also keeps two nodes starting at once from running the same one twice. */
		st = db_stmt(db, "SELECT 1 FROM schema_migrations WHERE name = ?");
		if (!st) {
			db_rollback(db);
			goto fail;
		}
		db_bind_text(st, 1, db_migrations[i].name);
		done = db_step(st) == DB_ROW;
		db_reset(st);
		if (done) {
			db_rollback(db);
			continue;
		}
		if (upgrading)
			log_info("db: applying migration %s", db_migrations[i].name);
		int64_t t0 = time_ms();
		if (migration_run(db, i, err, errlen)) {
			db_rollback(db);
			return -1;
		}
		st = db_stmt(db, "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)");
		if (!st) {
			db_rollback(db);
			goto fail;
		}
		db_bind_int(st, 2, time_now());
		db_bind_text(st, 1, db_migrations[i].name);
		if (db_step_done(st) || db_commit(db)) {
			db_rollback(db);
			goto fail;
		}
		if (upgrading)
			log_info("db: migration %s applied in %lld ms", db_migrations[i].name, (long long)(time_ms() - t0));
		applied++;
	}
	return applied;
fail:
	snprintf(err, errlen, "migrations: %s", db_errmsg(db));
	return -1;
}

int db_lead(struct db *db)
{
	return db->pg ? pg_lead(db->pg) : 1;
}

void db_changed(struct db *db, int64_t site_id)
{
	if (db->pg)
		pg_changed(db->pg, site_id);
}

int db_ping(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT 1 FROM schema_migrations LIMIT 1");
	int ok = st && db_step(st) == DB_ROW;
	if (st)
		db_reset(st);
	return ok ? 0 : -1;
}

/* ---- backups (src/backup/): the snapshot, the counts and checks of a copy ---- */

int db_snapshot(struct db *db, const char *path, void (*progress)(int64_t done, int64_t total, void *arg),
		void *arg, char *err, size_t errlen)
{
	if (db->pg) {
		snprintf(err, errlen, "a PostgreSQL database is copied by pg_dump, not by SQLite's backup API");
		return -1;
	}
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "cannot create %s: %s", path, dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
		sqlite3_close(dst);
		return -1;
	}
	/* one read transaction held over every step: the copy is the database as of its start,
	 * whatever the server commits meanwhile (WAL: the writers are not held up) */
	if (db_read_begin(db)) {
		snprintf(err, errlen, "cannot start a read transaction: %s", sqlite3_errmsg(db->h));
		sqlite3_close(dst);
		return -1;
	}
	struct db_stmt *first = db_stmt(db, "SELECT count(*) FROM sqlite_master"); /* the snapshot starts here */
	if (!first || db_step(first) != DB_ROW) {
		snprintf(err, errlen, "cannot read the database: %s", sqlite3_errmsg(db->h));
		if (first)
			db_reset(first);
		db_read_end(db);
		sqlite3_close(dst);
		return -1;
	}
	db_reset(first);
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", db->h, "main");
	if (!b) {
		snprintf(err, errlen, "cannot start the online backup: %s", sqlite3_errmsg(dst));
		db_read_end(db);
		sqlite3_close(dst);
		return -1;
	}
	do {
		rc = sqlite3_backup_step(b, 1024);
		if (progress) {
			int64_t total = sqlite3_backup_pagecount(b);
			progress(total - sqlite3_backup_remaining(b), total, arg);
		}
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	db_read_end(db);
	if (rc != SQLITE_DONE) {
		snprintf(err, errlen, "online backup failed: %s", sqlite3_errstr(rc));
		sqlite3_close(dst);
		return -1;
	}
	/* the copy stands alone: no WAL beside it, so that the file holds everything */
	if (sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot finish the snapshot: %s", sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return -1;
	}
	rc = sqlite3_close(dst);
	return rc == SQLITE_OK ? 0 : -1;
}

int db_after_bulk_copy(struct db *db)
{
	/* and the planner's statistics: a million rows just copied are unknown to it until
	 * autovacuum comes by, and meanwhile it plans as for an empty table (the search index's
	 * walk by id took 0.8 s a batch instead of milliseconds) */
	return db->pg ? pg_sync_identities(db->pg) || pg_exec(db->pg, "ANALYZE") : 0;
}

json_t *db_table_counts(struct db *db)
{
	/* ordinary tables only: a virtual table's rows are its shadow tables', counted themselves */
	struct db_stmt *st = db->pg ? db_stmt(db, "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()"
						  " ORDER BY tablename")
				    : db_stmt(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
						  " AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
	if (!st)
		return NULL;
	json_t *names = db_rows_json(st), *o = json_object(), *row;
	size_t i;
	json_array_foreach(names, i, row) {
		const char *name = json_string_value(json_object_get(row, "name"));
		/* a table's name is an identifier, not a value: quoted, with its quotes doubled */
		struct sb q = SB_INIT;
		sb_adds(&q, "SELECT count(*) FROM \"");
		for (const char *p = name; *p; p++) {
			if (*p == '"')
				sb_adds(&q, "\"\"");
			else
				sb_add(&q, p, 1);
		}
		sb_adds(&q, "\"");
		char *sql = sb_detach(&q, NULL);
		struct db_stmt *c = db_prepare(db, sql);
		if (c && db_step(c) == DB_ROW) {
			json_object_set_new(o, name, json_integer(db_col_int(c, 0)));
		} else {
			json_decref(o);
			o = NULL;
		}
		db_finalize(c);
		free(sql);
		if (!o)
			break;
	}
	json_decref(names);
	return o;
}

int db_integrity(struct db *db, char *err, size_t errlen)
{
	if (db->pg) { /* the server checks its own pages (data checksums, amcheck): here, it answers */
		int ok = db_ping(db) == 0;
		snprintf(err, errlen, ok ? "ok" : "PostgreSQL does not answer: %s", db_errmsg(db));
		return ok ? 0 : -1;
	}
	struct db_stmt *st = db_stmt(db, "PRAGMA integrity_check");
	int ok = 0;
	if (!st) {
		snprintf(err, errlen, "cannot run integrity_check: %s", sqlite3_errmsg(db->h));
		return -1;
	}
	if (db_step(st) == DB_ROW) {
		const char *r = db_col_text(st, 0);
		ok = r && strcmp(r, "ok") == 0;
		snprintf(err, errlen, "integrity_check: %s", r ? r : "(null)");
	} else {
		snprintf(err, errlen, "integrity_check failed: %s", sqlite3_errmsg(db->h));
	}
	db_reset(st);
	return ok ? 0 : -1;
}
