/* common.c — what the commands share: the data folder, the root folder, messages. */
#include "cmd.h"
#include "base/locale.h"
#include "model/kind.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/db.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/banned.h"

static char *db_given; /* --db, on any command */

void data_db_given(const char *spec)
{
	free(db_given);
	db_given = spec ? xstrdup(spec) : NULL;
}

const char *data_db_option(void)
{
	return db_given;
}

/* DIR/database.url: the PostgreSQL database `cong init --db URL` recorded, or NULL. */
static char *recorded_url(const char *dir)
{
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/" DATA_DB_URL_FILE, dir);
	FILE *f = fopen(p.buf, "r");
	sb_release(&p);
	if (!f)
		return NULL;
	char line[2048] = "";
	char *r = fgets(line, sizeof(line), f) ? line : NULL;
	fclose(f);
	if (r)
		line[strcspn(line, "\r\n")] = '\0';
	return r && *line ? xstrdup(line) : NULL;
}

char *data_db_path(const char *dir)
{
	if (db_given)
		return xstrdup(db_given);
	char *url = recorded_url(dir);
	if (url)
		return url;
	struct sb b = SB_INIT;
	sb_addf(&b, "%s/cong.db", dir);
	return sb_detach(&b, NULL);
}

/* The folder must exist and hold a database: a mistyped --data must not become a new, empty
 * portal that reports success. Only `cong init` (and `cong demo`, which initialises) make one. */
static int data_exists(const char *dir)
{
	struct stat st;
	if (stat(dir, &st)) {
		fprintf(stderr, "cong: thư mục dữ liệu %s không có (%s); tạo bằng: cong init --data %s\n", dir,
			strerror(errno), dir);
		return 0;
	}
	if (!S_ISDIR(st.st_mode)) {
		fprintf(stderr, "cong: %s không phải là thư mục (not a folder)\n", dir);
		return 0;
	}
	char *path = data_db_path(dir);
	int ok = db_spec_is_pg(path) || (stat(path, &st) == 0 && S_ISREG(st.st_mode));
	if (!ok)
		fprintf(stderr, "cong: %s không phải thư mục dữ liệu của Cổng (không có cong.db); tạo bằng: cong init --data %s\n",
			dir, dir);
	free(path);
	return ok;
}

static struct db *data_open_db(const char *dir)
{
	char err[512];
	char *path = data_db_path(dir);
	struct db *db = db_open(path, err, sizeof(err));
	free(path);
	if (!db) {
		fprintf(stderr, "cong: %s\n", err);
		return NULL;
	}
	if (db_migrate(db, err, sizeof(err)) < 0) {
		fprintf(stderr, "cong: %s\n", err);
		db_close(db);
		return NULL;
	}
	return db;
}

/* A folder we may not write (a read-only mount, a copy kept for inspection, another user's):
 * access(2) answers for this process, root included on a read-only mount. */
static int data_writable(const char *dir)
{
	char *path = data_db_path(dir);
	int ok = access(dir, W_OK) == 0 && (db_spec_is_pg(path) || access(path, W_OK) == 0);
	free(path);
	return ok;
}

struct db *data_open(const char *dir)
{
	if (!data_exists(dir))
		return NULL;
	if (!data_writable(dir)) {
		fprintf(stderr, "cong: không ghi được vào thư mục dữ liệu %s (read-only): this command changes data;"
				" only reading commands (audit verify, site list, remind --list, calendar) work there\n", dir);
		return NULL;
	}
	return data_open_db(dir);
}

struct db *data_open_readonly(const char *dir)
{
	char err[512];
	if (!data_exists(dir))
		return NULL;
	char *path = data_db_path(dir);
	struct db *db;
	if (data_writable(dir)) {
		/* read-only, but beside a server that writes: WAL with its shared memory */
		db = db_open_readonly(path, 0, err, sizeof(err));
	} else {
		/* nothing can be created here (no -shm): read the file as it is. Without a -wal file
		 * left over, that is the whole database (a server that stopped cleanly leaves none). */
		char *wal = NULL;
		struct stat st;
		struct sb b = SB_INIT;
		sb_addf(&b, "%s-wal", path);
		wal = sb_detach(&b, NULL);
		int has_wal = stat(wal, &st) == 0 && st.st_size > 0;
		free(wal);
		db = db_open_readonly(path, !has_wal, err, sizeof(err));
		if (!db && has_wal)
			fprintf(stderr, "cong: %s holds changes not yet checkpointed in cong.db-wal and cannot be"
					" written; open it where it can be written, or stop the server cleanly first\n", dir);
	}
	free(path);
	if (!db) {
		fprintf(stderr, "cong: %s\n", err);
		return NULL;
	}
	int pending = db_pending_migrations(db);
	if (pending != 0) {
		fprintf(stderr, "cong: %s needs an upgrade first (%d migration(s) not applied): cong init --data %s\n", dir,
			pending, dir);
		db_close(db);
		return NULL;
	}
	return db;
}

int data_init(const char *dir, const char *domain, const char *main_name, int verbose)
{
	if (mkdir(dir, 0750) && errno != EEXIST) {
		fprintf(stderr, "cong: không tạo được thư mục dữ liệu %s: %s\n", dir, strerror(errno));
		return 1;
	}
	struct db *db = data_open_db(dir);
	struct errs e = { 0 };
	int rc = 0;
	if (!db)
		return 1;
	/* --db postgresql://…: the folder remembers it, so that every later command and `cong serve`
	 * given --data DIR use the same database (0600: the URL may hold a password) */
	if (db_given && db_spec_is_pg(db_given)) {
		char err[512];
		if (pgd_url_record(dir, db_given, err, sizeof(err))) {
			fprintf(stderr, "cong: %s\n", err);
			rc = 1;
		}
	}
	char *cur = db_setting_get(db, "base_domain");
	if (domain || !cur)
		db_setting_set(db, "base_domain", domain ? domain : "localhost");
	free(cur);
	if (!site_main_exists(db)) {
		struct site_input in = { 0 };
		int64_t id;
		char *slug = NULL;
		in.kind = "main";
		in.name = main_name ? main_name : "Cổng Thông tin điện tử";
		if (site_add(db, &in, &e, &id, &slug)) {
			cli_print_errs("site", &e);
			rc = 1;
		} else if (verbose) {
			printf("main site created: %s\n", in.name);
		}
		free(slug);
	} else if (verbose) {
		printf("main site exists; database is up to date\n");
	}
	db_close(db);
	return rc;
}

static json_t *messages;

const json_t *cli_locales(void)
{
	if (!messages) {
		char *root = app_root_find();
		struct sb p = SB_INIT;
		char err[256];
		messages = kind_locale_load(root ? root : ".", err, sizeof(err));
		sb_release(&p);
		free(root);
		if (!messages)
			messages = json_object();
	}
	return messages;
}

const char *cli_tr(const char *key)
{
	return locale_text(cli_locales(), LOCALE_DEFAULT, key);
}

void cli_print_errs(const char *what, const struct errs *e)
{
	for (int i = 0; i < e->n; i++)
		fprintf(stderr, "cong %s: --%s: %s\n", what, e->e[i].field, cli_tr(e->e[i].key));
}

static int has_templates(const char *dir)
{
	struct sb p = SB_INIT;
	struct stat st;
	sb_addf(&p, "%s/templates/layout.mustache", dir);
	int ok = stat(p.buf, &st) == 0;
	sb_release(&p);
	return ok;
}

char *app_root_find(void)
{
	const char *env = getenv("CONG_ROOT");
	char exe[PATH_MAX];
	if (env && *env)
		return xstrdup(env);
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		/* the binary's folder, then up to two above it (build/cong, build-asan/cong) */
		for (int up = 0; up < 3; up++) {
			char *slash = strrchr(exe, '/');
			if (!slash)
				break;
			*slash = '\0';
			if (has_templates(exe))
				return xstrdup(exe);
		}
	}
	if (has_templates("/usr/share/cong"))
		return xstrdup("/usr/share/cong");
	if (has_templates("."))
		return xstrdup(".");
	return NULL;
}
