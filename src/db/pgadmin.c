/* pgadmin.c — PostgreSQL's catalogue and DDL for the backups; see pgadmin.h. */
#include "db/pgadmin.h"
#include "base/sb.h"
#include "db/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/banned.h"

int pgadmin_server_major(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT current_setting('server_version_num')");
	int v = 0;
	if (st && db_step(st) == DB_ROW)
		v = atoi(db_col_text(st, 0) ? db_col_text(st, 0) : "0");
	if (st)
		db_reset(st);
	return v / 10000; /* 150004 → 15 (9.6.24, 90624 → 9: any newer pg_dump) */
}

int pgadmin_snapshot(struct db *db, char id[128], int64_t *size, char *err, size_t errlen)
{
	if (db_read_begin(db)) {
		snprintf(err, errlen, "cannot start a read transaction: %s", db_errmsg(db));
		return -1;
	}
	/* the first statement of the transaction: its snapshot is the one exported */
	struct db_stmt *st = db_stmt(db, "SELECT pg_export_snapshot(), pg_database_size(current_database())");
	int rc = -1;
	if (st && db_step(st) == DB_ROW && db_col_text(st, 0)) {
		snprintf(id, 128, "%s", db_col_text(st, 0));
		*size = db_col_int(st, 1);
		rc = 0;
	} else {
		snprintf(err, errlen, "cannot export a snapshot: %s", db_errmsg(db));
	}
	if (st)
		db_reset(st);
	if (rc)
		db_read_end(db);
	return rc;
}

int64_t pgadmin_relations(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
					 " WHERE n.nspname <> 'information_schema' AND left(n.nspname, 3) <> 'pg_'");
	int64_t n = -1;
	db_one_int(st, &n);
	return n;
}

int pgadmin_may_create_database(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user");
	int64_t may = 0;
	db_one_int(st, &may);
	return may != 0;
}

static void quote_literal(struct sb *b, const char *s)
{
	sb_adds(b, "'");
	for (; *s; s++)
		sb_add(b, *s == '\'' ? "''" : s, *s == '\'' ? 2 : 1);
	sb_adds(b, "'");
}

/* The names CREATE and DROP DATABASE are given are quoted into the statement as they are (an
 * identifier cannot be a parameter): only the drills' own, lower-case letters, digits and _. */
static int name_ok(const char *name)
{
	if (!*name || strlen(name) > 63)
		return 0;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return 0;
	return 1;
}

int pgadmin_create_database(struct db *db, const char *name, char *err, size_t errlen)
{
	if (!name_ok(name)) {
		snprintf(err, errlen, "not a database name for a drill: %s", name);
		return -1;
	}
	struct db_stmt *st = db_stmt(db, "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database"
					 " WHERE datname = current_database()");
	struct sb q = SB_INIT;
	sb_addf(&q, "CREATE DATABASE \"%s\" TEMPLATE template0", name);
	if (st && db_step(st) == DB_ROW && db_col_text(st, 0) && db_col_text(st, 1) && db_col_text(st, 2)) {
		sb_adds(&q, " ENCODING ");
		quote_literal(&q, db_col_text(st, 0));
		sb_adds(&q, " LC_COLLATE ");
		quote_literal(&q, db_col_text(st, 1));
		sb_adds(&q, " LC_CTYPE ");
		quote_literal(&q, db_col_text(st, 2));
	}
	if (st)
		db_reset(st);
	int rc = db_exec(db, q.buf) ? -1 : 0;
	if (rc)
		snprintf(err, errlen, "%s", db_errmsg(db));
	sb_release(&q);
	return rc;
}

/* DROP DATABASE waits for every backend of the server to take a signal (PostgreSQL 15 on: the
 * files of the database closed everywhere); a backend blocked writing to a client that does not
 * read (idle, wait_event ClientWrite: notifications piling up on a connection left unused) holds
 * it up for as long. Bounded: DROP_TIMEOUT, or DROP_TIMEOUT_STUCK when such backends are seen. */
#define DROP_TIMEOUT "60s"
#define DROP_TIMEOUT_STUCK "5s"

int pgadmin_drop_database(struct db *db, const char *name, int major, char *err, size_t errlen)
{
	if (!name_ok(name)) {
		snprintf(err, errlen, "not a database name for a drill: %s", name);
		return -1;
	}
	struct db_stmt *st = db_stmt(db, "SELECT count(*), coalesce(string_agg(CAST(pid AS TEXT), ', '), '') FROM pg_stat_activity"
					 " WHERE state = 'idle' AND wait_event = 'ClientWrite'");
	int64_t stuck = 0;
	char pids[200] = "";
	if (st && db_step(st) == DB_ROW) {
		stuck = db_col_int(st, 0);
		snprintf(pids, sizeof(pids), "%s", db_col_text(st, 1) ? db_col_text(st, 1) : "");
	}
	if (st)
		db_reset(st);
	struct sb q = SB_INIT;
	sb_addf(&q, "DROP DATABASE IF EXISTS \"%s\"%s", name, major >= 13 ? " WITH (FORCE)" : "");
	db_exec(db, stuck ? "SET statement_timeout = '" DROP_TIMEOUT_STUCK "'" : "SET statement_timeout = '" DROP_TIMEOUT "'");
	int rc = db_exec(db, q.buf) ? -1 : 0;
	if (rc && stuck)
		snprintf(err, errlen, "%s (DROP DATABASE waits until every connection of the server has closed the database's "
			 "files; %lld connection(s) idle but blocked writing to their client, which does not read them, hold it "
			 "up: pg_stat_activity, pid %s, wait_event ClientWrite; drop it by hand once they are gone)",
			 db_errmsg(db), (long long)stuck, pids);
	else if (rc)
		snprintf(err, errlen, "%s", db_errmsg(db));
	db_exec(db, "RESET statement_timeout");
	sb_release(&q);
	return rc;
}

json_t *pgadmin_drill_databases(struct db *db)
{
	struct db_stmt *st = db_stmt(db, "SELECT datname FROM pg_database WHERE datname LIKE 'cong\\_drill\\_%'"
					 " AND datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user) ORDER BY datname");
	json_t *rows = st ? db_rows_json(st) : json_array(), *names = json_array(), *r;
	size_t i;
	json_array_foreach(rows, i, r) {
		const char *name = json_string_value(json_object_get(r, "datname"));
		if (name)
			json_array_append_new(names, json_string(name));
	}
	json_decref(rows);
	return names;
}
