/* tdb.h — what the unit tests that need a store share: a fresh, migrated database in a folder of
 * the test run (its secret.key made there too), a site, a time in Vietnam. */
#ifndef CONG_TDB_H
#define CONG_TDB_H

#include <stddef.h>
#include <stdint.h>

struct db;

/* A new empty database, every migration applied, in this run's temporary folder, whose
 * secret.key seals personal data and second factors (totp_set_key_dir). NULL on failure. */
struct db *t_fresh_db(void);
/* t_fresh_db, and what db_open takes to open the same database again (another connection) in
 * SPEC (N bytes): the SQLite file's path, or the PostgreSQL database's URL. */
struct db *t_fresh_db_spec(char *spec, size_t n);
/* Whether the fresh databases are PostgreSQL's (CONG_TEST_PG names a server's maintenance
 * database: postgresql:///postgres?host=…&port=…); else SQLite files in t_dir(). */
int t_pg(void);
/* The temporary folder of this run (made by the first t_fresh_db). */
const char *t_dir(void);
/* A site NAME of KIND ("main", "department"…) by the model; its id (0 on failure), its slug in
 * SLUG (64 bytes) when not NULL. */
int64_t t_add_site(struct db *db, const char *name, const char *kind, char *slug);
/* Unix time of DATE ("YYYY-MM-DD") at H:M in Vietnam; 0 for a bad date. */
int64_t t_vn_at(const char *date, int h, int m);

#endif
