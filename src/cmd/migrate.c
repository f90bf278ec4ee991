/* migrate.c — `cong migrate --from DIR --db URL [--use]`: moves an installation from SQLite
 * (DIR/cong.db) to a new, empty PostgreSQL database. The target's schema is made by the same
 * migrations; every ordinary table of the source is then copied as it is (its columns as the
 * source has them, met by the target's; parents before children, as the foreign keys say; rows
 * in primary-key order; one transaction per batch), the identities moved past the copied ids, the
 * search index rebuilt, and each table checked on both sides through the same code: its rows
 * counted and hashed (SHA-256) in primary-key order. DIR is only read; --use records the URL in
 * DIR/database.url once every table matched. docs/postgresql.md, "Moving to PostgreSQL".
 *
 * The copy and its check are the store's (db/copy.h: the SQL lives in db/); this is the
 * command: its arguments, the source and the target opened and refused when unfit, the order
 * of the steps, what is printed. */
#include "cmd.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/copy.h"
#include "db/db.h"
#include "search/search.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/banned.h"

static const char migrate_usage[] =
	"usage: cong migrate --from DIR --db URL [--use] [--batch N]\n"
	"\n"
	"Moves the data folder DIR from SQLite (DIR/cong.db) to the PostgreSQL database URL\n"
	"(postgresql://…), which must be new and empty (createdb): its schema is made as `cong init`\n"
	"makes it, every table of DIR/cong.db is copied (parents first, rows in key order, a\n"
	"transaction per batch), the search index is rebuilt, then every table is checked on both\n"
	"sides (its rows and a SHA-256 of their values) and the results printed. Exit status 1 when\n"
	"a table differs.\n"
	"\n"
	"DIR is only read, never changed: stop `cong serve` first (what it writes meanwhile would not\n"
	"be copied), and run `cong init --data DIR` first when DIR needs an upgrade.\n"
	"\n"
	"  --use       once every table matched, record URL in DIR/database.url (0600): `cong serve\n"
	"              --data DIR` and every other command then use PostgreSQL (media/, secret.key\n"
	"              and the rest stay in DIR)\n"
	"  --batch N   rows per transaction (default 10000)\n"
	"\n"
	"docs/postgresql.md, \"Moving to PostgreSQL\".\n";

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The URL as it may be shown: a password in it (user:secret@, password=…) replaced by ***. */
static char *url_shown(const char *url)
{
	struct sb b = SB_INIT;
	const char *s = strstr(url, "://");
	const char *at = s ? strchr(s + 3, '@') : NULL;
	const char *slash = s ? strchr(s + 3, '/') : NULL;
	const char *colon = s ? strchr(s + 3, ':') : NULL;
	if (at && (!slash || at < slash) && colon && colon < at) {
		sb_add(&b, url, (size_t)(colon + 1 - url));
		sb_adds(&b, "***");
		sb_adds(&b, at);
	} else {
		sb_adds(&b, url);
	}
	char *r = sb_detach(&b, NULL);
	char *pw = strstr(r, "password=");
	if (pw) {
		struct sb c = SB_INIT;
		pw += 9;
		sb_add(&c, r, (size_t)(pw - r));
		sb_adds(&c, "***");
		sb_adds(&c, pw + strcspn(pw, "&"));
		free(r);
		r = sb_detach(&c, NULL);
	}
	return r;
}

/* What copy_rows says of a table as it goes: on a terminal, a line redrawn at most every 0.2 s;
 * elsewhere, one line when the table is done. */
struct shown {
	int tty;
	double t0, last; /* when the table began, when its line was last drawn */
};

static void progress_line(const char *what, int64_t done, int64_t total, int end, void *arg)
{
	struct shown *s = arg;
	if (!end && now_s() - s->last <= 0.2)
		return;
	if (s->tty) {
		fprintf(stderr, "\r%s: %lld/%lld", what, (long long)done, (long long)total);
		if (end)
			fprintf(stderr, " (%.1f s)\n", now_s() - s->t0);
		fflush(stderr);
	} else if (end) {
		fprintf(stderr, "%s: %lld/%lld (%.1f s)\n", what, (long long)done, (long long)total, now_s() - s->t0);
	}
	if (!end)
		s->last = now_s();
}

/* ---- the command ---- */

/* What a server writing DIR/cong.db would change: the file and its WAL, size and time (and
 * whether SQLite's shared memory is there: a server running, or one that did not stop cleanly). */
struct fstate {
	off_t size, wal_size;
	struct timespec mtime, wal_mtime;
	int shm;
};

static void file_state(const char *db_path, struct fstate *f)
{
	struct stat st;
	struct sb w = SB_INIT;
	memset(f, 0, sizeof(*f));
	if (stat(db_path, &st) == 0) {
		f->size = st.st_size;
		f->mtime = st.st_mtim;
	}
	sb_addf(&w, "%s-wal", db_path);
	if (stat(w.buf, &st) == 0) {
		f->wal_size = st.st_size;
		f->wal_mtime = st.st_mtim;
	}
	sb_reset(&w);
	sb_addf(&w, "%s-shm", db_path);
	f->shm = stat(w.buf, &st) == 0;
	sb_release(&w);
}

static int file_state_same(const struct fstate *a, const struct fstate *b)
{
	return a->size == b->size && a->wal_size == b->wal_size && a->mtime.tv_sec == b->mtime.tv_sec &&
	       a->mtime.tv_nsec == b->mtime.tv_nsec && a->wal_mtime.tv_sec == b->wal_mtime.tv_sec &&
	       a->wal_mtime.tv_nsec == b->wal_mtime.tv_nsec;
}

static void search_progress(int64_t done, int64_t total, void *arg)
{
	(void)arg;
	fprintf(stderr, "\rsearch index: %lld/%lld", (long long)done, (long long)total);
	fflush(stderr);
}

static void hex(const unsigned char *h, char *out)
{
	for (size_t i = 0; i < COPY_HASH_BYTES; i++)
		snprintf(out + 2 * i, 3, "%02x", h[i]);
}

int cmd_migrate(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' }, { "use", no_argument, NULL, 'u' },
		{ "batch", required_argument, NULL, 'b' }, { "help", no_argument, NULL, 'h' }, { 0 }
	};
	const char *dir = NULL;
	int use = 0, c;
	int64_t batch = 10000;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'f': dir = optarg; break;
		case 'u': use = 1; break;
		case 'b':
			if (parse_i64(optarg, 1, 10000000, &batch)) {
				fprintf(stderr, "cong migrate: --batch: cần một số từ 1 đến 10000000 (rows per transaction)\n");
				return 2;
			}
			break;
		case 'h': fputs(migrate_usage, stdout); return 0;
		default: fputs(migrate_usage, stderr); return 2;
		}
	}
	if (!dir || optind < argc) {
		fputs(migrate_usage, stderr);
		return 2;
	}
	/* the source: DIR/cong.db, a folder that does not use PostgreSQL already */
	struct stat sst;
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/" DATA_DB_URL_FILE, dir);
	if (stat(p.buf, &sst) == 0) {
		fprintf(stderr, "cong migrate: %s đã dùng PostgreSQL (%s có rồi): không có gì để chuyển"
				" (the folder already uses PostgreSQL)\n", dir, p.buf);
		sb_release(&p);
		return 1;
	}
	sb_reset(&p);
	sb_addf(&p, "%s/cong.db", dir);
	char *src_path = sb_detach(&p, NULL);
	if (stat(src_path, &sst) || !S_ISREG(sst.st_mode)) {
		fprintf(stderr, "cong migrate: %s không phải thư mục dữ liệu của Cổng (không có cong.db: not a data folder)\n", dir);
		free(src_path);
		return 1;
	}
	char *url = data_db_path(dir); /* --db, since DIR records none */
	if (!db_spec_is_pg(url)) {
		fprintf(stderr, "cong migrate: cần --db postgresql://… : cơ sở dữ liệu PostgreSQL mới, trống để chuyển đến"
				" (give the new, empty PostgreSQL database to move to)\n");
		free(src_path);
		free(url);
		return 2;
	}
	char *shown = url_shown(url);
	struct copy m = { .batch = batch };
	int tty = isatty(2);
	char err[1024];
	int rc = 1;
	double t_start = now_s();

	/* read-only, changing nothing in DIR: without a WAL or shared memory beside it (a server
	 * stopped cleanly) the file is read as it is, no -shm or -wal made; else through them */
	struct fstate before, after;
	file_state(src_path, &before);
	m.src = db_open_readonly(src_path, before.wal_size == 0 && !before.shm, err, sizeof(err));
	if (!m.src) {
		fprintf(stderr, "cong migrate: %s\n", err);
		goto done;
	}
	int pending = db_pending_migrations(m.src);
	if (pending != 0) {
		if (pending < 0)
			fprintf(stderr, "cong migrate: không đọc được %s (cannot read it): %s\n", src_path, db_errmsg(m.src));
		else
			fprintf(stderr, "cong migrate: %s cần nâng cấp trước (%d migration(s) not applied): cong init --data %s\n",
				dir, pending, dir);
		goto done;
	}
	/* the target: the same schema, and nothing in it yet */
	m.dst = db_open(url, err, sizeof(err));
	if (!m.dst) {
		fprintf(stderr, "cong migrate: %s\n", err);
		goto done;
	}
	if (db_migrate(m.dst, err, sizeof(err)) < 0) {
		fprintf(stderr, "cong migrate: %s\n", err);
		goto done;
	}
	char what[64] = "";
	int used = copy_target_used(m.dst, what, sizeof(what));
	if (used) {
		if (used < 0)
			fprintf(stderr, "cong migrate: không đọc được %s (cannot read it): %s\n", shown, db_errmsg(m.dst));
		else
			fprintf(stderr, "cong migrate: cơ sở dữ liệu đích không trống (%s): chỉ chuyển vào một cơ sở dữ liệu"
					" mới tạo (the target is not empty: createdb a new one; do not run cong init on it)\n", what);
		goto done;
	}
	/* one read snapshot of the source for the copy and its check */
	if (db_read_begin(m.src)) {
		fprintf(stderr, "cong migrate: %s: %s\n", src_path, db_errmsg(m.src));
		goto done;
	}
	if (copy_plan(&m) || copy_clear_target(&m)) {
		fprintf(stderr, "cong migrate: %s\n", m.err);
		goto done;
	}
	printf("chuyển %s → %s: %zu bảng (tables)\n", src_path, shown, m.n);
	fflush(stdout);
	int64_t total_rows = 0;
	double t_copy = now_s();
	for (size_t i = 0; i < m.n; i++) {
		int64_t n = 0;
		struct shown sh = { .tty = tty, .t0 = now_s() };
		if (copy_rows(&m, &m.t[i], progress_line, &sh, &n)) {
			if (tty)
				fputc('\n', stderr);
			fprintf(stderr, "cong migrate: %s\n", m.err);
			fprintf(stderr, "cong migrate: dừng lại; %s không đổi; xoá và tạo lại cơ sở dữ liệu đích trước khi chạy lại"
					" (stopped: the folder is unchanged; drop and create the target again before a new run)\n", dir);
			goto done;
		}
		total_rows += n;
	}
	for (size_t i = 0; i < m.n; i++)
		if (copy_late(&m, &m.t[i])) {
			fprintf(stderr, "cong migrate: %s\n", m.err);
			goto done;
		}
	if (db_after_bulk_copy(m.dst)) {
		fprintf(stderr, "cong migrate: không đặt lại được các dãy số id (cannot move the identities): %s\n",
			db_errmsg(m.dst));
		goto done;
	}
	t_copy = now_s() - t_copy;

	/* the search index: made again from the items, as `cong reindex` does */
	double t_search = now_s();
	int search_rc = search_reindex(m.dst, tty ? search_progress : NULL, NULL);
	if (tty)
		fputc('\n', stderr);
	t_search = now_s() - t_search;

	/* the check: every table counted and hashed on both sides */
	double t_check = now_s();
	int same = 1;
	db_read_begin(m.dst);
	for (size_t i = 0; i < m.n; i++) {
		if (copy_check(&m, &m.t[i])) {
			db_read_end(m.dst);
			fprintf(stderr, "cong migrate: kiểm tra (the check): %s\n", m.err);
			goto done;
		}
		if (tty) {
			fprintf(stderr, "\rcheck: %zu/%zu", i + 1, m.n);
			fflush(stderr);
		}
	}
	db_read_end(m.dst);
	if (tty)
		fputc('\n', stderr);
	db_read_end(m.src);
	t_check = now_s() - t_check;
	printf("\n%-24s %10s %10s  %-9s  %s\n", "table", "SQLite", "PostgreSQL", "result", "SHA-256");
	for (size_t i = 0; i < m.n; i++) {
		struct copy_table *t = &m.t[i];
		char h1[2 * COPY_HASH_BYTES + 1], h2[2 * COPY_HASH_BYTES + 1];
		int ok = t->src_rows == t->dst_rows && memcmp(t->src_hash, t->dst_hash, sizeof(t->src_hash)) == 0;
		hex(t->src_hash, h1);
		hex(t->dst_hash, h2);
		printf("%-24s %10lld %10lld  %-9s  %s%s%s\n", t->name, (long long)t->src_rows, (long long)t->dst_rows,
		       ok ? "OK" : "DIFFERENT", h1, ok ? "" : " ≠ ", ok ? "" : h2);
		same = same && ok;
	}
	printf("\n%lld dòng (rows) chép trong %.1f s (%.0f rows/s); chỉ mục tìm kiếm %.1f s; kiểm tra %.1f s; tổng %.1f s\n",
	       (long long)total_rows, t_copy, t_copy > 0 ? (double)total_rows / t_copy : 0.0, t_search, t_check,
	       now_s() - t_start);
	/* a server that wrote DIR meanwhile: its changes are not in the copy */
	file_state(src_path, &after);
	if (!file_state_same(&before, &after)) {
		fprintf(stderr, "cong migrate: %s đã thay đổi trong lúc chép (changed while it was copied: is cong serve"
				" running on it?); dừng máy chủ, xoá và tạo lại cơ sở dữ liệu đích rồi chạy lại\n", src_path);
		goto done;
	}
	if (!same) {
		fprintf(stderr, "cong migrate: có bảng KHÁC nhau giữa hai bên (some tables differ: see DIFFERENT above);"
				" %s không đổi, chưa dùng PostgreSQL\n", dir);
		goto done;
	}
	if (search_rc) {
		/* the data is whole; the index is what the server makes again at its start */
		fprintf(stderr, "cong migrate: chỉ mục tìm kiếm chưa dựng lại được (the search index could not be rebuilt:"
				" see the log above); `cong serve` rebuilds it at its start\n");
		db_setting_set(m.dst, "search_reindex_needed", "1");
	}
	printf("mọi bảng khớp (every table matches)\n");
	if (use) {
		if (pgd_url_record(dir, url, err, sizeof(err))) {
			fprintf(stderr, "cong migrate: %s\n", err);
			goto done;
		}
		printf("%s/" DATA_DB_URL_FILE " ghi rồi (recorded): `cong serve --data %s` chạy trên PostgreSQL;"
		       " media/ và secret.key vẫn ở %s. %s/cong.db không đổi: giữ làm bản lưu.\n", dir, dir, dir, dir);
	} else {
		printf("\nBước tiếp theo (next step): dừng máy chủ đang chạy trên SQLite, rồi chạy trên PostgreSQL:\n"
		       "  cong serve --data %s --db '%s'\n"
		       "hoặc ghi URL vào %s/" DATA_DB_URL_FILE " để mọi lệnh --data %s dùng PostgreSQL (or record it, 0600):\n"
		       "  (umask 077; printf '%%s\\n' '%s' > %s/" DATA_DB_URL_FILE ")\n",
		       dir, shown, dir, dir, shown, dir);
	}
	rc = 0;
done:
	if (m.src && db_in_transaction(m.src))
		db_read_end(m.src);
	copy_free(&m);
	db_close(m.src);
	db_close(m.dst);
	free(shown);
	free(url);
	free(src_path);
	return rc;
}
