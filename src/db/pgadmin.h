/* pgadmin.h — the catalogue statements and the DDL that the backups of a PostgreSQL database need
 * (src/backup/: the server's version for the right pg_dump, the snapshot a dump is taken in, the
 * empty database a restore writes into, the throwaway database of the drill). They are
 * PostgreSQL's own (pg_catalog, CREATE and DROP DATABASE), outside the subset both engines
 * share, so they are here with the store's other SQL (docs/architecture.md, "The store") and
 * src/backup/ has none of its own. DB is a connection to a PostgreSQL server (db_open of a
 * postgresql:// URL). */
#ifndef CONG_DB_PGADMIN_H
#define CONG_DB_PGADMIN_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

struct db;

/* The server's major version (15 for 15.4, 9 for 9.6.24), 0 when it cannot be read. */
int pgadmin_server_major(struct db *db);
/* Opens a REPEATABLE READ transaction on DB (the caller ends it with db_read_end) and exports its
 * snapshot for pg_dump --snapshot into ID; *SIZE: the database's size in bytes (an estimate of
 * the dump's). Whatever DB reads in that transaction is what the dump holds. 0, or -1 with ERR
 * (and no transaction left open). */
int pgadmin_snapshot(struct db *db, char id[128], int64_t *size, char *err, size_t errlen);
/* How many tables, views, sequences and indexes the database holds outside the system schemas
 * (0: empty, fit for a restore); -1 on error. */
int64_t pgadmin_relations(struct db *db);
/* 1 when the connected role may create a database (CREATEDB or superuser), else 0. */
int pgadmin_may_create_database(struct db *db);
/* CREATE DATABASE NAME (lower-case letters, digits, _; at most 63) from template0 with DB's
 * encoding and collation. 0, or -1 with ERR. */
int pgadmin_create_database(struct db *db, const char *name, char *err, size_t errlen);
/* DROP DATABASE IF EXISTS NAME (WITH (FORCE) from PostgreSQL 13 on, MAJOR: the server's major
 * version), waiting a minute at most for the server's other connections. 0, or -1 with ERR. */
int pgadmin_drop_database(struct db *db, const char *name, int major, char *err, size_t errlen);
/* The names of the databases of the connected role that begin "cong_drill_" (the drills'), in
 * order, as an array of strings (empty when they cannot be read). */
json_t *pgadmin_drill_databases(struct db *db);

#endif
