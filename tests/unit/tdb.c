/* tdb.c — the unit tests' store fixture (tdb.h). */
#include "tdb.h"
#include "db/db.h"
#include "model/model.h"
#include "vn/calendar.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/cong-unit-XXXXXX";
static int made, n;

const char *t_dir(void)
{
	if (!made && mkdtemp(dir))
		made = 1;
	return made ? dir : NULL;
}

/* CONG_TEST_PG=postgresql:///postgres?host=…: a new database on that server for each fresh one
 * (named after the process and a counter; the cluster is thrown away after the run). */
static int pg_fresh(char *url, size_t n_url, int k)
{
	const char *maint = getenv("CONG_TEST_PG");
	const char *q = maint ? strchr(maint, '?') : NULL;
	char name[64], sql[128], err[256];
	if (!maint || !*maint)
		return 0;
	snprintf(name, sizeof(name), "unit_%ld_%d", (long)getpid(), k);
	struct db *m = db_open(maint, err, sizeof(err));
	if (!m) {
		fprintf(stderr, "t_fresh_db: %s\n", err);
		return -1;
	}
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s", name);
	int rc = db_exec(m, sql);
	db_close(m);
	snprintf(url, n_url, "postgresql:///%s%s", name, q ? q : "");
	return rc ? -1 : 1;
}

int t_pg(void)
{
	const char *maint = getenv("CONG_TEST_PG");
	return maint && *maint;
}

struct db *t_fresh_db(void)
{
	return t_fresh_db_spec(NULL, 0);
}

struct db *t_fresh_db_spec(char *spec, size_t n_spec)
{
	char path[512], err[256];
	if (spec && n_spec)
		*spec = '\0';
	if (sodium_init() < 0 || !t_dir())
		return NULL;
	int pg = pg_fresh(path, sizeof(path), n);
	if (pg < 0)
		return NULL;
	if (!pg)
		snprintf(path, sizeof(path), "%s/t%d.db", dir, n);
	n++;
	totp_set_key_dir(dir);
	struct db *db = db_open(path, err, sizeof(err));
	if (!db)
		fprintf(stderr, "t_fresh_db: %s\n", err);
	if (db && db_migrate(db, err, sizeof(err)) < 0) {
		fprintf(stderr, "t_fresh_db: %s\n", err);
		db_close(db);
		return NULL;
	}
	if (db && spec && n_spec)
		snprintf(spec, n_spec, "%s", path);
	return db;
}

int64_t t_add_site(struct db *db, const char *name, const char *kind, char *slug)
{
	struct site_input in = { 0 };
	struct errs e = { 0 };
	int64_t id = 0;
	char *s = NULL;
	in.name = name;
	in.kind = kind;
	if (site_add(db, &in, &e, &id, &s))
		return 0;
	if (slug)
		snprintf(slug, 64, "%s", s ? s : "");
	free(s);
	return id;
}

int64_t t_vn_at(const char *date, int h, int m)
{
	vn_date d = { 0, 0, 0 };
	if (vn_date_parse(date, &d))
		return 0;
	return vn_time_of_days(vn_date_to_days(d)) + h * 3600 + m * 60;
}
