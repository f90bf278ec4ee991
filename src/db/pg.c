/* pg.c — the PostgreSQL backend of the store: libpq, one connection per thread as with SQLite.
 * Statements are prepared on the server once per connection (PQprepare) and run with their
 * parameters as text (PQexecPrepared); rows are read as text. What the SQLite engine gives that
 * PostgreSQL does not is made here, never in the model: `?` placeholders, the id of the row an
 * INSERT made (RETURNING of the table's identity column), the change count, a writer lock. */
#include "pg.h"
#include "db.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"

#include <ctype.h>
#include <errno.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/banned.h"

/* SQLite's own limit on ?N is 32766; ours are far fewer */
#define MAX_PARAMS 999

/* The installation's writer lock: one key for every change, whatever node makes it. */
#define WRITER_LOCK "7432100001"

struct idtable {
	char *name;
	char *col; /* the identity column, or NULL when the table has none */
};

struct pgconn {
	PGconn *h;
	char err[512];
	unsigned next_name; /* prepared statements are named s1, s2, … */
	int64_t last_id;
	int changes;
	int64_t own;      /* changes made through this connection */
	int in_snapshot;  /* a read snapshot (pg_read_begin) is open */
	int64_t snapshot; /* its identity: what the memos are checked against */
	int leader;       /* holds the scheduler's lock */
	struct sb notices; /* "12,7": the sites this transaction changed, announced at COMMIT */
	struct idtable *ids;
	size_t nids;
};

struct pgq {
	struct pgconn *c;
	char name[16];
	char *sql;       /* as written, for the logs */
	int nparams;
	char **vals;     /* the bound values (NULL: SQL NULL) */
	int returning;   /* an INSERT given RETURNING of its table's identity column */
	int prepared;    /* on the server (at the first step) */
	Oid *types;      /* the parameters' types at PREPARE: 0 (inferred), int8, text */
	PGresult *res;
	int row;         /* the current row; -1 before the first step */
	int ncols;
};

static void set_err(struct pgconn *c, const char *msg)
{
	snprintf(c->err, sizeof(c->err), "%s", msg && *msg ? msg : "unknown PostgreSQL error");
	size_t n = strlen(c->err);
	while (n && (c->err[n - 1] == '\n' || c->err[n - 1] == ' '))
		c->err[--n] = '\0';
}

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* The server's notices (a NOTICE when IF NOT EXISTS skips): not errors, not worth a log line. */
static void quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

struct pgconn *pg_open(const char *url, char *err, size_t errlen)
{
	struct pgconn *c = xcalloc(1, sizeof(*c));
	sb_init(&c->notices);
	c->h = PQconnectdb(url);
	if (!c->h || PQstatus(c->h) != CONNECTION_OK) {
		/* the message names the host and the reason, never the password */
		snprintf(err, errlen, "cannot connect to PostgreSQL: %s", c->h ? PQerrorMessage(c->h) : "out of memory");
		size_t n = strlen(err);
		while (n && err[n - 1] == '\n')
			err[--n] = '\0';
		PQfinish(c->h);
		free(c);
		return NULL;
	}
	PQsetNoticeProcessor(c->h, quiet, NULL);
	/* UTC and UTF-8 whatever the server's defaults */
	if (pg_exec(c, "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'")) {
		snprintf(err, errlen, "cannot set up the PostgreSQL session: %s", c->err);
		pg_close(c);
		return NULL;
	}
	return c;
}

void pg_close(struct pgconn *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nids; i++) {
		free(c->ids[i].name);
		free(c->ids[i].col);
	}
	free(c->ids);
	sb_release(&c->notices);
	PQfinish(c->h);
	free(c);
}

const char *pg_errmsg(struct pgconn *c)
{
	return c->err;
}

int pg_alive(struct pgconn *c)
{
	return PQstatus(c->h) == CONNECTION_OK;
}

int pg_exec(struct pgconn *c, const char *sql)
{
	uint64_t t0 = now_ns();
	PGresult *r = PQexec(c->h, sql);
	ExecStatusType s = PQresultStatus(r);
	int ok = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY;
	if (!ok)
		set_err(c, PQresultErrorMessage(r));
	/* SQL run as is may change anything (several statements answer only with the last's
	 * status): counted as a change of this connection, so its memos go, unless it is only a
	 * transaction's edge or a session setting */
	static const char *const inert[] = { "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "SET", "LISTEN",
					     "NOTIFY" };
	int changes = ok && s != PGRES_EMPTY_QUERY;
	for (size_t i = 0; changes && i < sizeof(inert) / sizeof(*inert); i++)
		if (strcmp(PQcmdStatus(r), inert[i]) == 0)
			changes = 0;
	if (changes)
		c->own++;
	PQclear(r);
	db_count_time(now_ns() - t0, sql);
	return ok ? 0 : -1;
}

/* ---- SQL text: placeholders and column types ---- */

/* Copies the quoted part or comment that starts at S into B and returns what follows it; NULL
 * when S starts none. */
static const char *skip_quoted(const char *s, struct sb *b)
{
	if (*s == '\'' || *s == '"') {
		char q = *s;
		const char *p = s + 1;
		while (*p && !(*p == q && p[1] != q))
			p += *p == q ? 2 : 1;
		if (*p)
			p++;
		sb_add(b, s, (size_t)(p - s));
		return p;
	}
	if (s[0] == '-' && s[1] == '-') {
		const char *p = strchr(s, '\n');
		p = p ? p : s + strlen(s);
		sb_add(b, s, (size_t)(p - s));
		return p;
	}
	return NULL;
}

static int word_at(const char *s, const char *w, const char *start)
{
	size_t n = strlen(w);
	if (s > start && (isalnum((unsigned char)s[-1]) || s[-1] == '_'))
		return 0;
	return strncasecmp(s, w, n) == 0 && !isalnum((unsigned char)s[n]) && s[n] != '_';
}

static const char *skip_word(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	while (isalnum((unsigned char)*s) || *s == '_' || *s == '.')
		s++;
	return s;
}

/* After "CROSS JOIN": a table, an alias perhaps, SQLite's INDEXED BY perhaps, then ON? */
static int cross_join_has_on(const char *s)
{
	s = skip_word(s); /* the table */
	for (int i = 0; i < 4; i++) {
		const char *w = s;
		while (isspace((unsigned char)*w))
			w++;
		if (word_at(w, "ON", w))
			return 1;
		if (!(isalnum((unsigned char)*w) || *w == '_'))
			return 0;
		s = skip_word(w); /* an alias, INDEXED, BY, an index */
	}
	return 0;
}

static int param_number(const char **sp, int *max, unsigned char *used);

/* `?` and `?N` → `$N` (a bare `?` takes the number after the highest so far, as SQLite does),
 * SQLite's planner hints (INDEXED BY, NOT INDEXED) dropped; *NPARAMS gets the highest. */
static char *number_params(const char *sql, int *nparams, unsigned char used[MAX_PARAMS + 1])
{
	struct sb b = SB_INIT;
	int max = 0, gc_depth = -1;
	for (const char *s = sql; *s;) {
		const char *q = skip_quoted(s, &b);
		if (q) {
			s = q;
			continue;
		}
		/* SQLite's planner hints: PostgreSQL plans without them */
		if (word_at(s, "INDEXED BY", sql)) {
			s += 10;
			while (isspace((unsigned char)*s))
				s++;
			while (isalnum((unsigned char)*s) || *s == '_')
				s++;
			continue;
		}
		/* SQLite's join-order hint "a CROSS JOIN b ON …": PostgreSQL's CROSS JOIN takes no ON */
		if (word_at(s, "CROSS JOIN", sql) && cross_join_has_on(s + 10)) {
			sb_adds(&b, "JOIN");
			s += 10;
			continue;
		}
		if (word_at(s, "NOT INDEXED", sql)) {
			s += 11;
			continue;
		}
		/* json_each(?N) of a list of ids, [3,1,2]: key its place, value the id */
		if (word_at(s, "json_each(", sql) && s[10] == '?') {
			s += 10;
			int n = param_number(&s, &max, used);
			while (isspace((unsigned char)*s))
				s++;
			if (*s == ')')
				s++;
			sb_addf(&b, "(SELECT e.n - 1 AS key, CAST(e.v AS BIGINT) AS value FROM"
				    " json_array_elements_text(CAST($%d AS json)) WITH ORDINALITY AS e(v, n))", n);
			continue;
		}
		/* group_concat(X) → string_agg(CAST(X AS TEXT), ',') */
		if (gc_depth < 0 && word_at(s, "group_concat", sql) && s[12] == '(') {
			sb_adds(&b, "string_agg(CAST(");
			s += 13;
			gc_depth = 0;
			continue;
		}
		if (gc_depth >= 0 && (*s == '(' || *s == ')')) {
			if (*s == ')' && gc_depth == 0) {
				sb_adds(&b, " AS TEXT), ',')");
				gc_depth = -1;
				s++;
				continue;
			}
			gc_depth += *s == '(' ? 1 : -1;
		}
		if (*s != '?') {
			sb_add(&b, s++, 1);
			continue;
		}
		sb_addf(&b, "$%d", param_number(&s, &max, used));
	}
	*nparams = max;
	return sb_detach(&b, NULL);
}

/* The `?` or `?N` at *S (moved past it): its number. */
static int param_number(const char **sp, int *max, unsigned char *used)
{
	const char *s = *sp + 1;
	int n = 0;
	if (isdigit((unsigned char)*s)) {
		while (isdigit((unsigned char)*s) && n < 100000)
			n = n * 10 + (*s++ - '0');
	} else {
		n = *max + 1;
	}
	*max = n > *max ? n : *max;
	if (n <= MAX_PARAMS)
		used[n] = 1;
	*sp = s;
	return n;
}

int pg_sync_identities(struct pgconn *c)
{
	return pg_exec(c, "DO $$ DECLARE r record; BEGIN"
			  " FOR r IN SELECT t.relname AS tab, a.attname AS col FROM pg_attribute a"
			  " JOIN pg_class t ON t.oid = a.attrelid"
			  " WHERE a.attidentity <> '' AND t.relkind = 'r' AND pg_table_is_visible(t.oid) LOOP"
			  " EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L),"
			  " coalesce((SELECT max(%I) FROM %I), 0) + 1, false)', r.tab, r.col, r.col, r.tab);"
			  " END LOOP; END $$");
}

int pg_exec_ddl(struct pgconn *c, const char *sql)
{
	static const struct {
		const char *from, *to;
	} map[] = {
		/* a key that is another table's (totp.user_id): no numbers of its own */
		{ "INTEGER PRIMARY KEY REFERENCES", "BIGINT PRIMARY KEY REFERENCES" },
		{ "INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" },
		{ "INTEGER", "BIGINT" },
		{ "REAL", "DOUBLE PRECISION" },
		{ "BLOB", "BYTEA" },
	};
	struct sb b = SB_INIT;
	int rc = 0;
	for (const char *s = sql; *s && !rc;) {
		const char *q = skip_quoted(s, &b);
		if (q) {
			s = q;
			continue;
		}
		if (*s == ';') { /* one statement at a time: */
			sb_add(&b, s++, 1);
			const char *t = b.buf;
			while (isspace((unsigned char)*t) || (t[0] == '-' && t[1] == '-')) {
				if (*t == '-')
					t = strchr(t, '\n') ? strchr(t, '\n') : t + strlen(t);
				else
					t++;
			}
			rc = pg_exec(c, b.buf);
			/* rows copied with their ids (a table rebuilt) leave the identity behind them */
			if (!rc && strncasecmp(t, "INSERT", 6) == 0)
				rc = pg_sync_identities(c);
			sb_reset(&b);
			continue;
		}
		size_t i;
		for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
			if (word_at(s, map[i].from, sql))
				break;
		if (i < sizeof(map) / sizeof(map[0])) {
			sb_adds(&b, map[i].to);
			s += strlen(map[i].from);
		} else {
			sb_add(&b, s++, 1);
		}
	}
	if (!rc && b.len)
		rc = pg_exec(c, b.buf);
	sb_release(&b);
	return rc;
}

/* The identity column of TABLE (NULL when it has none), asked once per connection. */
static const char *identity_of(struct pgconn *c, const char *table)
{
	for (size_t i = 0; i < c->nids; i++)
		if (strcmp(c->ids[i].name, table) == 0)
			return c->ids[i].col;
	const char *v[1] = { table };
	PGresult *r = PQexecParams(c->h,
				   "SELECT a.attname FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid"
				   " WHERE t.relname = $1 AND pg_table_is_visible(t.oid) AND a.attidentity <> ''"
				   " AND a.attnum > 0 AND NOT a.attisdropped",
				   1, NULL, v, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) { /* asked again next time, never remembered wrong */
		PQclear(r);
		return NULL;
	}
	char *col = PQntuples(r) == 1 ? xstrdup(PQgetvalue(r, 0, 0)) : NULL;
	PQclear(r);
	c->ids = xrealloc(c->ids, (c->nids + 1) * sizeof(*c->ids));
	c->ids[c->nids].name = xstrdup(table);
	c->ids[c->nids].col = col;
	c->nids++;
	return col;
}

/* For "INSERT INTO t …" without RETURNING: the table's name in OUT; 0 when SQL is not one. */
static int insert_target(const char *sql, char *out, size_t n)
{
	while (isspace((unsigned char)*sql))
		sql++;
	if (strncasecmp(sql, "INSERT", 6) || strcasestr(sql, "RETURNING"))
		return 0;
	const char *p = strcasestr(sql, "INTO");
	if (!p)
		return 0;
	p += 4;
	while (isspace((unsigned char)*p))
		p++;
	size_t i = 0;
	while ((isalnum((unsigned char)p[i]) || p[i] == '_') && i + 1 < n) {
		out[i] = p[i];
		i++;
	}
	out[i] = '\0';
	return i > 0;
}

struct pgq *pg_prepare(struct pgconn *c, const char *sql)
{
	struct pgq *q = xcalloc(1, sizeof(*q));
	unsigned char used[MAX_PARAMS + 1] = { 0 };
	q->c = c;
	q->row = -1;
	q->sql = number_params(sql, &q->nparams, used);
	if (q->nparams > MAX_PARAMS) {
		set_err(c, "too many parameters");
		free(q->sql);
		free(q);
		return NULL;
	}
	char table[64];
	const char *idcol = insert_target(sql, table, sizeof(table)) ? identity_of(c, table) : NULL;
	if (idcol) {
		struct sb b = SB_INIT;
		size_t n = strlen(q->sql);
		while (n && (q->sql[n - 1] == ';' || isspace((unsigned char)q->sql[n - 1])))
			n--;
		sb_add(&b, q->sql, n);
		sb_addf(&b, " RETURNING \"%s\"", idcol);
		free(q->sql);
		q->sql = sb_detach(&b, NULL);
		q->returning = 1;
	}
	q->vals = xcalloc((size_t)(q->nparams ? q->nparams : 1), sizeof(char *));
	q->types = xcalloc((size_t)(q->nparams ? q->nparams : 1), sizeof(Oid));
	/* a number SQLite lets a statement skip (?1, ?2, ?4) must still have a type here: text */
	for (int i = 0; i < q->nparams; i++)
		q->types[i] = used[i + 1] ? 0 : 25;
	return q;
}

/* On the first run, once the parameters' kinds are known: a parameter first bound as an integer
 * is a bigint (so "CASE … THEN ? … END > 0" and "'z' || ?" mean what SQLite makes of them); the
 * others are left for PostgreSQL to infer from where they stand. */
static int prepare_now(struct pgq *q)
{
	snprintf(q->name, sizeof(q->name), "s%u", ++q->c->next_name);
	PGresult *r = PQprepare(q->c->h, q->name, q->sql, q->nparams, q->types);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok) {
		set_err(q->c, PQresultErrorMessage(r));
		log_error("db: prepare: %s: %s", q->c->err, q->sql);
	}
	PQclear(r);
	q->prepared = ok;
	return ok ? 0 : -1;
}

void pg_reset(struct pgq *q)
{
	PQclear(q->res);
	q->res = NULL;
	q->row = -1;
}

void pg_clear(struct pgq *q)
{
	for (int i = 0; i < q->nparams; i++) {
		free(q->vals[i]);
		q->vals[i] = NULL;
	}
}

void pg_finalize(struct pgq *q, int deallocate)
{
	if (!q)
		return;
	pg_reset(q);
	pg_clear(q);
	if (deallocate && q->prepared && PQstatus(q->c->h) == CONNECTION_OK) {
		char sql[40];
		snprintf(sql, sizeof(sql), "DEALLOCATE %s", q->name);
		PQclear(PQexec(q->c->h, sql));
	}
	free(q->vals);
	free(q->types);
	free(q->sql);
	free(q);
}

void pg_bind(struct pgq *q, int i, const char *s)
{
	if (i < 1 || i > q->nparams)
		return;
	free(q->vals[i - 1]);
	q->vals[i - 1] = s ? xstrdup(s) : NULL;
}

void pg_bind_int(struct pgq *q, int i, int64_t v)
{
	char buf[24];
	snprintf(buf, sizeof(buf), "%lld", (long long)v);
	pg_bind(q, i, buf);
	if (!q->prepared && i >= 1 && i <= q->nparams && q->types[i - 1] == 0)
		q->types[i - 1] = 20; /* int8 */
}

/* SQLSTATE → the step's answer. */
static int code_of(PGresult *r)
{
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	if (!state)
		return DB_ERROR;
	if (strncmp(state, "23", 2) == 0)
		return DB_CONSTRAINT; /* unique, foreign key, check, not null */
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 || strcmp(state, "55P03") == 0)
		return DB_BUSY;
	return DB_ERROR;
}

int pg_step(struct pgq *q)
{
	struct pgconn *c = q->c;
	if (!q->res) {
		if (!q->prepared && prepare_now(q))
			return DB_ERROR;
		uint64_t t0 = now_ns();
		q->res = PQexecPrepared(c->h, q->name, q->nparams, (const char *const *)q->vals, NULL, NULL, 0);
		db_count_time(now_ns() - t0, q->sql);
		ExecStatusType s = PQresultStatus(q->res);
		if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
			set_err(c, PQresultErrorMessage(q->res));
			int code = code_of(q->res);
			PQclear(q->res);
			q->res = NULL;
			return code;
		}
		q->ncols = PQnfields(q->res);
		/* INSERT, UPDATE, DELETE: the rows it changed (PQcmdTuples also counts a SELECT's
		 * rows, which change nothing: not a change, or every memo would go at every row read) */
		const char *cmd = PQcmdStatus(q->res), *n = PQcmdTuples(q->res);
		if (*n && (strncmp(cmd, "INSERT ", 7) == 0 || strncmp(cmd, "UPDATE ", 7) == 0 ||
			   strncmp(cmd, "DELETE ", 7) == 0)) {
			c->changes = atoi(n);
			if (c->changes > 0)
				c->own++;
		}
		if (q->returning) {
			if (PQntuples(q->res) > 0)
				c->last_id = strtoll(PQgetvalue(q->res, 0, 0), NULL, 10);
			return DB_DONE; /* the id is what db_last_id answers */
		}
		q->row = 0;
		return PQntuples(q->res) > 0 ? DB_ROW : DB_DONE;
	}
	if (q->returning)
		return DB_DONE;
	q->row++;
	return q->row < PQntuples(q->res) ? DB_ROW : DB_DONE;
}

static int has_row(struct pgq *q, int i)
{
	return q->res && q->row >= 0 && q->row < PQntuples(q->res) && i >= 0 && i < q->ncols;
}

int pg_col_count(struct pgq *q)
{
	return q->res ? PQnfields(q->res) : 0;
}

const char *pg_col_name(struct pgq *q, int i)
{
	return q->res ? PQfname(q->res, i) : "";
}

int pg_col_null(struct pgq *q, int i)
{
	return !has_row(q, i) || PQgetisnull(q->res, q->row, i);
}

const char *pg_col_text(struct pgq *q, int i)
{
	return pg_col_null(q, i) ? NULL : PQgetvalue(q->res, q->row, i);
}

size_t pg_col_bytes(struct pgq *q, int i)
{
	return pg_col_null(q, i) ? 0 : (size_t)PQgetlength(q->res, q->row, i);
}

int64_t pg_col_int(struct pgq *q, int i)
{
	const char *v = pg_col_text(q, i);
	if (!v)
		return 0;
	if (v[0] == 't' && !v[1]) /* a truth value, as SQLite's 1 and 0 */
		return 1;
	if (v[0] == 'f' && !v[1])
		return 0;
	if (strchr(v, '.') || strchr(v, 'e')) /* a numeric: SQLite's integer read truncates */
		return (int64_t)strtod(v, NULL);
	return strtoll(v, NULL, 10);
}

double pg_col_double(struct pgq *q, int i)
{
	const char *v = pg_col_text(q, i);
	return v ? strtod(v, NULL) : 0.0;
}

enum pg_kind pg_col_kind(struct pgq *q, int i)
{
	if (pg_col_null(q, i))
		return PG_NULL;
	switch (PQftype(q->res, i)) {
	case 16: /* bool */
	case 20: /* int8 */
	case 21: /* int2 */
	case 23: /* int4 */
	case 26: /* oid */
		return PG_INT;
	case 700: /* float4 */
	case 701: /* float8 */
		return PG_REAL;
	case 1700: { /* numeric: sum() of integers is one, and still a whole number */
		const char *v = PQgetvalue(q->res, q->row, i);
		return strpbrk(v, ".eE") ? PG_REAL : PG_INT;
	}
	default:
		return PG_TEXT;
	}
}

int64_t pg_last_id(struct pgconn *c)
{
	return c->last_id;
}

int pg_changes(struct pgconn *c)
{
	return c->changes;
}

int pg_in_transaction(struct pgconn *c)
{
	return PQtransactionStatus(c->h) != PQTRANS_IDLE;
}

int pg_begin(struct pgconn *c)
{
	sb_reset(&c->notices);
	return pg_exec(c, "BEGIN; SELECT pg_advisory_xact_lock(" WRITER_LOCK ")");
}

/* FNV-1a of the snapshot's text (xmin:xmax:xip,…): equal texts, equal visible data. */
static int64_t snapshot_hash(const char *t)
{
	uint64_t h = 1469598103934665603ull;
	for (; *t; t++)
		h = (h ^ (unsigned char)*t) * 1099511628211ull;
	return (int64_t)(h >> 1);
}

int pg_read_begin(struct pgconn *c)
{
	/* the snapshot is taken by the transaction's first statement: this one, which names it */
	uint64_t t0 = now_ns();
	PGresult *r = PQexec(c->h, "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT pg_current_snapshot()");
	int ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
	if (ok)
		c->snapshot = snapshot_hash(PQgetvalue(r, 0, 0));
	else
		set_err(c, PQresultErrorMessage(r));
	PQclear(r);
	db_count_time(now_ns() - t0, "BEGIN ISOLATION LEVEL REPEATABLE READ");
	if (!ok) {
		pg_rollback(c);
		return -1;
	}
	c->in_snapshot = 1;
	return 0;
}

/* NOTIFY's payload is at most 8000 bytes: a change of that many sites is one of every site */
#define NOTICES_MAX 7000

void pg_changed(struct pgconn *c, int64_t site_id)
{
	struct sb *b = &c->notices;
	if (b->len == 1 && b->buf[0] == '*')
		return; /* every site already */
	if (site_id < 0 || b->len > NOTICES_MAX) {
		sb_reset(b);
		sb_addc(b, '*');
	} else {
		sb_addf(b, "%s%lld", b->len ? "," : "", (long long)site_id);
	}
	if (!pg_in_transaction(c)) { /* a statement on its own: announced now */
		char sql[NOTICES_MAX + 64];
		snprintf(sql, sizeof(sql), "NOTIFY cong_change, '%s'", b->buf);
		watch_heard(b->buf);
		sb_reset(b);
		if (pg_exec(c, sql))
			log_warn("db: cannot announce a change: %s", c->err);
	}
}

int pg_commit(struct pgconn *c)
{
	/* COMMIT of a transaction an error aborted answers ROLLBACK, not an error. The sites it
	 * changed are announced in the same round trip: PostgreSQL delivers a NOTIFY to the
	 * listening nodes only if, and once, the transaction commits (db_watch_*). The payload is
	 * digits, commas and "*" alone. */
	char sql[NOTICES_MAX + 64];
	if (c->notices.len)
		snprintf(sql, sizeof(sql), "NOTIFY cong_change, '%s'; COMMIT", c->notices.buf);
	else
		snprintf(sql, sizeof(sql), "COMMIT");
	c->in_snapshot = 0;
	uint64_t heard = c->notices.len ? watch_heard_count() : 0;
	PGresult *r = PQexec(c->h, sql);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK && strcmp(PQcmdStatus(r), "COMMIT") == 0;
	if (!ok)
		set_err(c, PQresultStatus(r) == PGRES_COMMAND_OK ? "the transaction was aborted by an earlier error"
								 : PQresultErrorMessage(r));
	PQclear(r);
	/* this process's own pages are old from now, before its answer goes: not when its
	 * listening thread hears the notice a moment later */
	if (ok && c->notices.len) {
		watch_heard(c->notices.buf);
		/* and the other nodes' no later than the moment this one hears its own notice back:
		 * the server hands a notice to every listening connection at once, so once it is
		 * here it is on its way to every node, and the change's answer waits for that (a
		 * fraction of a millisecond; bounded should the listener be slow) */
		if (watch_wait_own(PQbackendPID(c->h), heard, 200) && db_watch_mark())
			log_warn("db: this node's change notice did not come back within 200 ms");
	}
	sb_reset(&c->notices);
	return ok ? 0 : -1;
}

void pg_rollback(struct pgconn *c)
{
	sb_reset(&c->notices);
	c->in_snapshot = 0;
	if (pg_in_transaction(c))
		PQclear(PQexec(c->h, "ROLLBACK"));
}

/* The schedule's lock: another key than the writers' (it is held for a whole session). */
#define SCHEDULER_LOCK "7432100002"

int pg_lead(struct pgconn *c)
{
	if (PQstatus(c->h) != CONNECTION_OK)
		return -1;
	if (c->leader) /* a session lock stays until the session ends */
		return 1;
	PGresult *r = PQexec(c->h, "SELECT pg_try_advisory_lock(" SCHEDULER_LOCK ")");
	int rc = PQresultStatus(r) == PGRES_TUPLES_OK ? strcmp(PQgetvalue(r, 0, 0), "t") == 0 : -1;
	if (rc < 0)
		set_err(c, PQresultErrorMessage(r));
	PQclear(r);
	c->leader = rc == 1;
	return rc;
}

int64_t pg_version(struct pgconn *c)
{
	if (c->in_snapshot)
		return c->snapshot + c->own;
	PGresult *r = PQexec(c->h, "SELECT pg_current_snapshot()");
	int64_t v = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 ? snapshot_hash(PQgetvalue(r, 0, 0)) : -1;
	PQclear(r);
	return v < 0 ? -1 : v + c->own;
}
