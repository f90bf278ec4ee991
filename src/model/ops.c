/* ops.c — operating the portal: the audit chain's anchors outside its table, its archive after
 * the retention, planned maintenance notices and incidents (ops.h). */
#include "internal.h"
#include "model/ops.h"
#include "model/calendar.h"
#include "vn/calendar.h"
#include "base/arena.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/utf8.h"
#include "base/util.h"
#include "db/db.h"
#include "mail/mail.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "base/banned.h"

/* ---- files ---- */

static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

static void vn_day_text(int64_t t, char out[11])
{
	vn_date_format(vn_days_to_date(vn_days_of_time(t)), out);
}

/* ---- anchors ---- */

#define ANCHOR_KDF_ID 1
static const char anchor_ctx[8] = { 'a', 'u', 'd', 'i', 't', 'a', 'n', 'c' };

/* The hex MAC of TEXT under the anchors' key; 0 or -1. */
static int anchor_mac(const char *text, char out[2 * crypto_auth_BYTES + 1])
{
	unsigned char k[crypto_auth_KEYBYTES], mac[crypto_auth_BYTES];
	if (secret_subkey(ANCHOR_KDF_ID, anchor_ctx, k, sizeof(k)))
		return -1;
	crypto_auth(mac, (const unsigned char *)text, strlen(text), k);
	sodium_memzero(k, sizeof(k));
	sodium_bin2hex(out, 2 * crypto_auth_BYTES + 1, mac, sizeof(mac));
	return 0;
}

static char *anchors_path(const char *data_dir)
{
	struct sb p = SB_INIT;
	sb_addf(&p, "%s/%s", data_dir, AUDIT_ANCHORS_FILE);
	return sb_detach(&p, NULL);
}

/* The chain's head: records from the start (archived ones too), last id, last hash. */
static int chain_head(struct db *db, int64_t *count, int64_t *last_id, char hash[65])
{
	if (audit_head(db, count, last_id, hash))
		return -1;
	char *archived = db_setting_get(db, "audit_archived_count");
	int64_t n = 0;
	if (archived && parse_i64(archived, 0, INT64_MAX, &n))
		n = 0;
	free(archived);
	*count += n;
	return 0;
}

static int anchor_append(const char *data_dir, const struct audit_anchor *a)
{
	char mac[2 * crypto_auth_BYTES + 1];
	struct sb line = SB_INIT;
	int rc = -1;
	sb_addf(&line, "%s %lld %lld %s %s", a->day, (long long)a->count, (long long)a->last_id, a->hash[0] ? a->hash : "-",
		a->kind);
	if (anchor_mac(line.buf, mac))
		goto out;
	sb_addf(&line, " %s\n", mac);
	char *path = anchors_path(data_dir);
	struct stat st;
	int existed = stat(path, &st) == 0;
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd < 0) {
		log_error("audit: cannot open %s: %s", path, strerror(errno));
		free(path);
		goto out;
	}
	ssize_t w = write(fd, line.buf, line.len);
	int ok = w == (ssize_t)line.len && fsync(fd) == 0;
	close(fd);
	if (ok && !existed)
		ok = fsync_dir(data_dir) == 0;
	if (!ok)
		log_error("audit: cannot write %s: %s", path, strerror(errno));
	free(path);
	rc = ok ? 0 : -1;
out:
	sb_release(&line);
	return rc;
}

int audit_anchor_write(struct db *db, const char *data_dir, int64_t now, const char *kind, struct audit_anchor *out)
{
	struct audit_anchor a = { 0 };
	/* the table and the archived count read in one snapshot (an archive may commit between) */
	if (db_read_begin(db))
		return -1;
	int rc = chain_head(db, &a.count, &a.last_id, a.hash);
	db_read_end(db);
	if (rc)
		return -1;
	vn_day_text(now, a.day);
	snprintf(a.kind, sizeof(a.kind), "%s", kind);
	if (anchor_append(data_dir, &a))
		return -1;
	if (out)
		*out = a;
	return 0;
}

/* Reads every anchor line. Returns the number read into *OUT (malloc'd), or -1 with WHY (a line
 * altered, or made without this folder's key). No file: 0. */
static int anchors_read(const char *data_dir, struct audit_anchor **out, char *why, size_t n)
{
	char *path = anchors_path(data_dir);
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t linecap = 0;
	ssize_t got;
	int count = 0, cap = 0, lineno = 0;
	*out = NULL;
	if (!f) {
		int none = errno == ENOENT;
		if (!none)
			snprintf(why, n, "cannot read %s: %s", path, strerror(errno));
		free(path);
		return none ? 0 : -1;
	}
	while ((got = getline(&line, &linecap, f)) > 0) {
		struct audit_anchor a = { 0 };
		char mac[2 * crypto_auth_BYTES + 1], want[2 * crypto_auth_BYTES + 1];
		long long c, id;
		int used = 0;
		lineno++;
		/* a NUL inside the line (a file zeroed by a crash or by hand) is no anchor line either:
		 * read as text it would look empty and be skipped (found by fuzz_audit) */
		if (strlen(line) != (size_t)got) {
			snprintf(why, n, "%s, line %d: not an anchor line (altered?)", path, lineno);
			goto bad;
		}
		line[strcspn(line, "\n")] = '\0';
		if (!*line)
			continue;
		if (sscanf(line, "%10s %lld %lld %64s %7s %n", a.day, &c, &id, a.hash, a.kind, &used) != 5 || !used ||
		    strlen(line + used) != 2 * crypto_auth_BYTES) {
			snprintf(why, n, "%s, line %d: not an anchor line (altered?)", path, lineno);
			goto bad;
		}
		snprintf(mac, sizeof(mac), "%s", line + used);
		line[used - 1] = '\0'; /* the text the MAC is over */
		if (anchor_mac(line, want)) {
			snprintf(why, n, "the anchors cannot be checked: DATA/secret.key cannot be read");
			goto bad;
		}
		if (sodium_memcmp(mac, want, sizeof(want) - 1) != 0) {
			snprintf(why, n, "%s, line %d: the anchor's MAC does not match (altered, or made with another"
					 " secret.key)", path, lineno);
			goto bad;
		}
		if (strcmp(a.hash, "-") == 0)
			a.hash[0] = '\0';
		a.count = c;
		a.last_id = id;
		if (count == cap) {
			cap = cap ? cap * 2 : 64;
			*out = xrealloc(*out, st_mult((size_t)cap, sizeof(**out)));
		}
		(*out)[count++] = a;
	}
	free(line);
	fclose(f);
	free(path);
	return count;
bad:
	free(line);
	fclose(f);
	free(path);
	free(*out);
	*out = NULL;
	return -1;
}

int audit_anchor_due(const char *data_dir, int64_t now)
{
	char day[11];
	char *path = anchors_path(data_dir);
	FILE *f = fopen(path, "r");
	char line[1024], last[16] = "";
	free(path);
	vn_day_text(now, day);
	if (!f)
		return 1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%10s", last) != 1)
			last[0] = '\0';
	fclose(f);
	return strcmp(last, day) != 0;
}

/* ---- the whole check ---- */

struct walk {
	char prev[65];
	int64_t n, last_id;
	const struct audit_anchor *anchors;
	int nanchors, next; /* anchors in file order; NEXT: the first not yet met */
	int64_t bad_id;
	char *why;
	size_t whylen;
};

/* One record of the chain, from the archive or the table. 0, or 1 when the chain breaks here. */
static int walk_record(struct walk *w, int64_t id, int64_t at, int64_t uid, int64_t site_id, const char *action,
		       const char *object, const char *detail, const char *address, const char *prev, const char *hash)
{
	char want[65];
	audit_record_hash(prev, at, uid, site_id, action, object, detail, address, want);
	if (strcmp(prev, w->prev) != 0 || strcmp(hash, want) != 0) {
		w->bad_id = id;
		snprintf(w->why, w->whylen, "the chain breaks at record %lld (after %lld records): %s", (long long)id,
			 (long long)w->n, strcmp(prev, w->prev) != 0 ? "records before it were deleted or inserted"
								       : "the record was altered");
		return 1;
	}
	snprintf(w->prev, sizeof(w->prev), "%s", hash);
	w->n++;
	w->last_id = id;
	/* every anchor naming this record: the chain must have the same length and hash there */
	for (int i = 0; i < w->nanchors; i++) {
		const struct audit_anchor *a = &w->anchors[i];
		if (a->last_id != id)
			continue;
		if (a->count != w->n || strcmp(a->hash, hash) != 0) {
			w->bad_id = id;
			snprintf(w->why, w->whylen, "record %lld does not match the anchor of %s (%lld records, hash %.16s…):"
						    " the log was rewritten", (long long)id, a->day, (long long)a->count, a->hash);
			return 1;
		}
	}
	return 0;
}

static int archive_filter(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	return strncmp(d->d_name, "audit-", 6) == 0 && n > 9 && strcmp(d->d_name + n - 9, ".jsonl.gz") == 0;
}

/* One line of an archive file into SB (without its line end); 1 a line, 0 the end, -1 an error. */
static int gz_line(gzFile g, struct sb *b)
{
	char buf[8192];
	sb_reset(b);
	while (gzgets(g, buf, sizeof(buf))) {
		size_t n = strlen(buf);
		if (n && buf[n - 1] == '\n') {
			sb_add(b, buf, n - 1);
			return 1;
		}
		sb_add(b, buf, n);
	}
	int err;
	gzerror(g, &err);
	if (err != Z_OK && err != Z_BUF_ERROR)
		return -1;
	return b->len ? 1 : 0;
}

static const char *jstr(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static int walk_archives(struct walk *w, const char *data_dir, int64_t *archived)
{
	struct sb dir = SB_INIT, path = SB_INIT, line = SB_INIT;
	struct dirent **names = NULL;
	int rc = 0;
	sb_addf(&dir, "%s/%s", data_dir, AUDIT_ARCHIVE_DIR);
	int n = scandir(dir.buf, &names, archive_filter, alphasort);
	if (n < 0) {
		sb_release(&dir);
		return errno == ENOENT ? 0 : (snprintf(w->why, w->whylen, "cannot read %s", dir.buf), -1);
	}
	for (int i = 0; i < n && rc == 0; i++) {
		sb_reset(&path);
		sb_addf(&path, "%s/%s", dir.buf, names[i]->d_name);
		gzFile g = gzopen(path.buf, "rb");
		if (!g) {
			snprintf(w->why, w->whylen, "cannot read the archive %s", path.buf);
			rc = -1;
			break;
		}
		int got;
		int64_t lineno = 0;
		while (rc == 0 && (got = gz_line(g, &line)) == 1) {
			json_error_t jerr;
			lineno++;
			json_t *o = json_loadb(line.buf, line.len, 0, &jerr);
			if (!o || !json_is_integer(json_object_get(o, "id"))) {
				snprintf(w->why, w->whylen, "%s, line %lld: not a record (damaged)", path.buf, (long long)lineno);
				rc = 1;
			} else {
				rc = walk_record(w, json_integer_value(json_object_get(o, "id")),
						 json_integer_value(json_object_get(o, "at")),
						 json_integer_value(json_object_get(o, "user_id")),
						 json_integer_value(json_object_get(o, "site_id")), jstr(o, "action"),
						 jstr(o, "object"), jstr(o, "detail"), jstr(o, "address"), jstr(o, "prev_hash"),
						 jstr(o, "hash"));
				if (rc == 0)
					(*archived)++;
			}
			json_decref(o);
		}
		if (rc == 0 && got < 0) {
			snprintf(w->why, w->whylen, "%s cannot be decompressed (damaged)", path.buf);
			rc = 1;
		}
		gzclose(g);
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	sb_release(&dir);
	sb_release(&path);
	sb_release(&line);
	return rc;
}

int audit_check(struct db *db, const char *data_dir, struct audit_report *rep)
{
	struct audit_anchor *anchors = NULL;
	struct walk w = { .why = rep->why, .whylen = sizeof(rep->why) };
	int rc = 0;
	struct db_stmt *st;
	int step;
	memset(rep, 0, sizeof(*rep));
	/* 1. every page of the database can be read and is consistent (SQLite's own check; a
	 * PostgreSQL server checks its pages itself: data checksums, amcheck, its replicas) */
	if (!db_is_pg(db)) {
		st = db_stmt(db, "PRAGMA quick_check");
		if (!st) {
			snprintf(rep->why, sizeof(rep->why), "the database cannot be checked: %s", db_errmsg(db));
			return -1;
		}
		step = db_step(st);
		if (step == DB_ROW && strcmp(db_col_text(st, 0), "ok") != 0) {
			snprintf(rep->why, sizeof(rep->why), "the database is damaged: %s", db_col_text(st, 0));
			db_reset(st);
			return 1;
		}
		if (step != DB_ROW) {
			snprintf(rep->why, sizeof(rep->why), "the database is damaged: %s", db_errmsg(db));
			db_reset(st);
			return 1;
		}
		db_reset(st);
	}
	/* 2. the anchors, each checked with its MAC: with the folder's own key, never one made now */
	struct sb key = SB_INIT, anc = SB_INIT;
	struct stat kst;
	sb_addf(&key, "%s/secret.key", data_dir);
	sb_addf(&anc, "%s/%s", data_dir, AUDIT_ANCHORS_FILE);
	int no_key = stat(anc.buf, &kst) == 0 && stat(key.buf, &kst) != 0;
	sb_release(&key);
	sb_release(&anc);
	if (no_key) {
		snprintf(rep->why, sizeof(rep->why), "the anchors cannot be checked: %s/secret.key is missing", data_dir);
		return -1;
	}
	int nanchors = anchors_read(data_dir, &anchors, rep->why, sizeof(rep->why));
	if (nanchors < 0)
		return strstr(rep->why, "cannot be checked") ? -1 : 1;
	w.anchors = anchors;
	w.nanchors = nanchors;
	rep->anchors = nanchors;
	if (nanchors)
		rep->newest = anchors[nanchors - 1];
	/* 3. the chain: the archive files, then the table */
	rc = walk_archives(&w, data_dir, &rep->archived);
	if (rc)
		goto out;
	st = db_stmt(db, "SELECT id, at, coalesce(user_id, 0), coalesce(site_id, 0), action, object,"
			 " detail, address, prev_hash, hash FROM audit ORDER BY id");
	if (!st) {
		snprintf(rep->why, sizeof(rep->why), "the audit table cannot be read: %s", db_errmsg(db));
		rc = -1;
		goto out;
	}
	while (rc == 0 && (step = db_step(st)) == DB_ROW) {
#define T(i) (db_col_text(st, i))
		rc = walk_record(&w, db_col_int(st, 0), db_col_int(st, 1), db_col_int(st, 2),
				 db_col_int(st, 3), T(4), T(5), T(6), T(7), T(8), T(9));
#undef T
	}
	if (rc == 0 && step != DB_DONE) {
		snprintf(rep->why, sizeof(rep->why), "the audit table cannot be read after %lld records: %s", (long long)w.n,
			 db_errmsg(db));
		rc = 1;
	}
	db_reset(st);
	if (rc)
		goto out;
	/* 4. an anchor naming a record past the end: the newest records were deleted */
	for (int i = 0; i < nanchors; i++) {
		if (anchors[i].count > w.n || (anchors[i].last_id > w.last_id)) {
			snprintf(rep->why, sizeof(rep->why),
				 "records are missing at the end: the anchor of %s has %lld records up to record %lld,"
				 " the log has %lld up to record %lld", anchors[i].day, (long long)anchors[i].count,
				 (long long)anchors[i].last_id, (long long)w.n, (long long)w.last_id);
			rc = 1;
			goto out;
		}
	}
out:
	rep->records = w.n;
	free(anchors);
	return rc;
}

/* ---- archive ---- */

int audit_keep_months(struct db *db)
{
	char *s = db_setting_get(db, "audit_keep_months");
	int64_t m = AUDIT_KEEP_MONTHS_MIN;
	if (s && parse_i64(s, AUDIT_KEEP_MONTHS_MIN, 1200, &m))
		m = AUDIT_KEEP_MONTHS_MIN;
	free(s);
	return (int)m;
}

int64_t audit_cutoff(int64_t now, int months)
{
	vn_date d = vn_days_to_date(vn_days_of_time(now));
	int total = (int)d.y * 12 + (int)(d.m - 1) - months;
	d.y = total / 12;
	d.m = total % 12 + 1;
	while (d.d > 28 && !vn_date_valid(d))
		d.d--;
	return vn_time_of_days(vn_date_to_days(d));
}

int audit_archive(struct db *db, const char *data_dir, const struct actor *a, int64_t now, int64_t *n, char *why,
		  size_t whylen)
{
	int64_t cutoff = audit_cutoff(now, audit_keep_months(db));
	struct sb dir = SB_INIT, path = SB_INIT, tmp = SB_INIT, detail = SB_INIT;
	int rc = -1, fd = -1;
	gzFile g = NULL;
	*n = 0;
	/* first without the write lock: the oldest record, most days still within the retention */
	struct db_stmt *st = db_stmt(db, "SELECT at FROM audit ORDER BY id LIMIT 1");
	if (!st) {
		snprintf(why, whylen, "the audit table cannot be read: %s", db_errmsg(db));
		return -1;
	}
	int old = db_step(st) == DB_ROW && db_col_int(st, 0) < cutoff;
	db_reset(st);
	if (!old)
		return 0;
	if (db_begin(db)) {
		snprintf(why, whylen, "the database is busy or cannot be written: %s", db_errmsg(db));
		return -1;
	}
	/* the records before the first one to keep (found walking from the oldest: the cost is
	 * what is archived), never the newest: the chain goes on from it */
	st = db_stmt(db, "SELECT min(id), max(id), count(*) FROM audit WHERE id < coalesce("
			 "(SELECT id FROM audit WHERE at >= ?1 ORDER BY id LIMIT 1), (SELECT max(id) FROM audit))");
	if (!st)
		goto fail;
	db_bind_int(st, 1, cutoff);
	int64_t first = 0, last = 0, count = 0;
	if (db_step(st) == DB_ROW) {
		first = db_col_int(st, 0);
		last = db_col_int(st, 1);
		count = db_col_int(st, 2);
	}
	db_reset(st);
	if (!count) {
		db_rollback(db);
		return 0;
	}
	/* the chain up to the cut must be whole (checked below as it is written): a broken log is
	 * not archived, it is looked at; it goes on from the last archived record's hash */
	char chain[65];
	char *base = db_setting_get(db, "audit_archived_hash");
	snprintf(chain, sizeof(chain), "%s", base ? base : "");
	free(base);
	sb_addf(&dir, "%s/%s", data_dir, AUDIT_ARCHIVE_DIR);
	if (mkdir(dir.buf, 0750) == 0) {
		fsync_dir(data_dir);
	} else if (errno != EEXIST) {
		snprintf(why, whylen, "cannot create %s: %s", dir.buf, strerror(errno));
		goto fail_quiet;
	}
	sb_addf(&path, "%s/audit-%012lld-%012lld.jsonl.gz", dir.buf, (long long)first, (long long)last);
	sb_addf(&tmp, "%s.tmp%ld", path.buf, (long)getpid());
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	int gzfd = fd >= 0 ? dup(fd) : -1;
	if (gzfd < 0 || !(g = gzdopen(gzfd, "wb9"))) {
		if (gzfd >= 0)
			close(gzfd);
		snprintf(why, whylen, "cannot write %s: %s", tmp.buf, strerror(errno));
		goto fail_quiet;
	}
	st = db_stmt(db, "SELECT id, at, coalesce(user_id, 0) AS user_id, coalesce(site_id, 0) AS site_id, action,"
			 " object, detail, address, prev_hash, hash FROM audit WHERE id <= ? ORDER BY id");
	if (!st)
		goto fail;
	db_bind_int(st, 1, last);
	int step, written = 0;
	char last_hash[65] = "";
	while ((step = db_step(st)) == DB_ROW) {
#define T(i) (db_col_text(st, i))
		char want[65];
		audit_record_hash(T(8), db_col_int(st, 1), db_col_int(st, 2), db_col_int(st, 3),
				  T(4), T(5), T(6), T(7), want);
		if (strcmp(T(8), chain) != 0 || strcmp(T(9), want) != 0) {
			snprintf(why, whylen, "the audit log is broken at record %lld (cong audit verify): nothing archived",
				 (long long)db_col_int(st, 0));
			db_reset(st);
			goto fail_quiet;
		}
		snprintf(chain, sizeof(chain), "%s", T(9));
#undef T
		json_t *o = db_row_json(st);
		char *s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
		snprintf(last_hash, sizeof(last_hash), "%s", db_col_text(st, 9));
		json_decref(o);
		size_t len = strlen(s);
		int ok = gzwrite(g, s, (unsigned)len) == (int)len && gzputc(g, '\n') == '\n';
		json_free_str(s);
		if (!ok)
			break;
		written++;
	}
	db_reset(st);
	int closed = gzclose(g);
	g = NULL;
	if (step != DB_DONE || written != count || closed != Z_OK || fsync(fd) || close(fd)) {
		fd = -1;
		snprintf(why, whylen, "cannot write the archive %s", tmp.buf);
		goto fail_quiet;
	}
	fd = -1;
	if (rename(tmp.buf, path.buf) || fsync_dir(dir.buf)) {
		snprintf(why, whylen, "cannot put the archive in place: %s", strerror(errno));
		goto fail_quiet;
	}
	/* the cut, anchored: the chain's length and hash at the last archived record */
	char *prev_count = db_setting_get(db, "audit_archived_count");
	int64_t before = 0;
	if (prev_count && parse_i64(prev_count, 0, INT64_MAX, &before))
		before = 0;
	free(prev_count);
	struct audit_anchor cut = { .count = before + count, .last_id = last };
	vn_day_text(now, cut.day);
	snprintf(cut.hash, sizeof(cut.hash), "%s", last_hash);
	snprintf(cut.kind, sizeof(cut.kind), "cut");
	char num[32];
	snprintf(num, sizeof(num), "%lld", (long long)(before + count));
	sb_addf(&detail, "%lld records (%lld-%lld) to %s/%s", (long long)count, (long long)first, (long long)last,
		AUDIT_ARCHIVE_DIR, strrchr(path.buf, '/') + 1);
	st = db_stmt(db, "DELETE FROM audit WHERE id <= ?");
	if (!st)
		goto fail_unlink;
	db_bind_int(st, 1, last);
	if (db_step_done(st) || db_setting_set(db, "audit_archived_count", num) ||
	    db_setting_set(db, "audit_archived_hash", last_hash) ||
	    audit_write(db, a, 0, "audit.archive", strrchr(path.buf, '/') + 1, detail.buf))
		goto fail_unlink;
	if (anchor_append(data_dir, &cut)) {
		snprintf(why, whylen, "cannot write the anchor of the cut into %s", AUDIT_ANCHORS_FILE);
		goto fail_unlink_quiet;
	}
	if (db_commit(db)) {
		snprintf(why, whylen, "the database could not commit: %s", db_errmsg(db));
		unlink(path.buf);
		goto out;
	}
	*n = count;
	rc = 0;
	goto out;
fail_unlink:
	snprintf(why, whylen, "the database could not be changed: %s", db_errmsg(db));
fail_unlink_quiet:
	unlink(path.buf);
	db_rollback(db);
	goto out;
fail:
	snprintf(why, whylen, "the database could not be read: %s", db_errmsg(db));
fail_quiet:
	if (g)
		gzclose(g);
	if (fd >= 0)
		close(fd);
	if (tmp.len)
		unlink(tmp.buf);
	db_rollback(db);
out:
	sb_release(&dir);
	sb_release(&path);
	sb_release(&tmp);
	sb_release(&detail);
	return rc;
}

/* ---- planned maintenance notices ---- */

#define MAINT_MESSAGE_MAX 500

/* A Vietnam time typed in a form, into *T; errors on FIELD. */
static void form_time(const char *s, const char *field, int64_t *t, struct errs *e)
{
	if (!s || !*s)
		errs_add(e, field, "required");
	else if (time_parse_vn(s, t))
		errs_add(e, field, "date_invalid");
}

int maint_add(struct db *db, const struct actor *a, const struct maint_input *in, int64_t now, struct errs *e,
	      int32_t *earliest, int64_t *id)
{
	int64_t starts = 0, ends = 0;
	*earliest = 0;
	if (!a || !a->sysadmin)
		return M_DENIED;
	form_time(in->starts, "starts", &starts, e);
	form_time(in->ends, "ends", &ends, e);
	char *msg = text_clean(in->message, 1);
	if (!msg)
		errs_add(e, "message", "invalid_utf8");
	else if (!*msg)
		errs_add(e, "message", "required");
	else if (utf8_length(msg) > MAINT_MESSAGE_MAX)
		errs_add(e, "message", "too_long");
	if (starts && ends && ends <= starts)
		errs_add(e, "ends", "maint_ends_before");
	/* at least MAINT_NOTICE_DAYS working days' notice, by the province's calendar */
	struct vn_calendar *cal = calendar_load(db);
	int32_t first = 0, show_day = 0;
	if (!cal || vn_calendar_add(cal, vn_days_of_time(now), MAINT_NOTICE_DAYS, &first)) {
		vn_calendar_free(cal);
		free(msg);
		return M_ERROR;
	}
	/* FIRST is the MAINT_NOTICE_DAYS-th working day after today: a start that day leaves that
	 * many working days of notice (today and the ones between); the banner shows from the
	 * working day as many days before the start, at 00:00 */
	if (starts && vn_days_of_time(starts) < first) {
		errs_add(e, "starts", "maint_too_late");
		*earliest = first;
	}
	if (starts && !e->n && vn_calendar_add(cal, vn_days_of_time(starts), -MAINT_NOTICE_DAYS, &show_day))
		errs_add(e, "starts", "date_invalid");
	vn_calendar_free(cal);
	if (e->n) {
		free(msg);
		return M_INVALID;
	}
	int64_t show_from = vn_time_of_days(show_day);
	if (show_from > starts)
		show_from = starts;
	int rc = M_ERROR;
	if (db_begin(db)) {
		free(msg);
		return M_ERROR;
	}
	struct db_stmt *st = db_stmt(db, "INSERT INTO maintenance (starts_at, ends_at, show_from, message, created_by,"
				       " created_at) VALUES (?, ?, ?, ?, ?, ?)");
	if (!st)
		goto fail;
	db_bind_int(st, 1, starts);
	db_bind_int(st, 2, ends);
	db_bind_int(st, 3, show_from);
	db_bind_text(st, 4, msg);
	if (a->id)
		db_bind_int(st, 5, a->id);
	db_bind_int(st, 6, now);
	if (db_step_done(st))
		goto fail;
	*id = db_last_id(db);
	char obj[32], when[80], s1[32], s2[32];
	snprintf(obj, sizeof(obj), "maintenance:%lld", (long long)*id);
	time_format_vn(starts, s1, sizeof(s1));
	time_format_vn(ends, s2, sizeof(s2));
	snprintf(when, sizeof(when), "%s – %s", s1, s2);
	/* the banner is on every site's pages: all their cached pages are stale */
	if (audit_write(db, a, 0, "maintenance.add", obj, when) || cache_bump_all(db))
		goto fail;
	rc = db_commit(db) ? M_ERROR : M_OK;
	free(msg);
	return rc;
fail:
	db_rollback(db);
	free(msg);
	return M_ERROR;
}

int32_t maint_earliest_day(struct db *db, int64_t now)
{
	struct vn_calendar *cal = calendar_load(db);
	int32_t first = 0;
	if (!cal || vn_calendar_add(cal, vn_days_of_time(now), MAINT_NOTICE_DAYS, &first))
		first = 0;
	vn_calendar_free(cal);
	return first;
}

int maint_cancel(struct db *db, const struct actor *a, int64_t id)
{
	if (!a || !a->sysadmin)
		return M_DENIED;
	if (db_begin(db))
		return M_ERROR;
	struct db_stmt *st = db_stmt(db, "UPDATE maintenance SET cancelled_at = ?, cancelled_by = ?"
				       " WHERE id = ? AND cancelled_at IS NULL");
	if (!st)
		goto fail;
	db_bind_int(st, 1, time_now());
	if (a->id)
		db_bind_int(st, 2, a->id);
	db_bind_int(st, 3, id);
	if (db_step_done(st))
		goto fail;
	if (db_changes(db) != 1) {
		db_rollback(db);
		return M_NOTFOUND;
	}
	char obj[32];
	snprintf(obj, sizeof(obj), "maintenance:%lld", (long long)id);
	if (audit_write(db, a, 0, "maintenance.cancel", obj, "") || cache_bump_all(db))
		goto fail;
	return db_commit(db) ? M_ERROR : M_OK;
fail:
	db_rollback(db);
	return M_ERROR;
}

static void add_times(json_t *o, const char *key, int64_t t)
{
	char buf[64], k[48];
	time_format_vn(t, buf, sizeof(buf));
	json_object_set_new(o, key, json_string(buf));
	time_format_iso(t, buf, sizeof(buf));
	snprintf(k, sizeof(k), "%s_iso", key);
	json_object_set_new(o, k, json_string(buf));
}

json_t *maint_list(struct db *db, const struct actor *a, int64_t now)
{
	if (!a || !a->sysadmin)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT m.id, m.starts_at, m.ends_at, m.show_from, m.message, m.created_at,"
				       " m.cancelled_at, coalesce(u.username, '') AS created_by FROM maintenance m"
				       " LEFT JOIN users u ON u.id = m.created_by ORDER BY m.starts_at DESC, m.id DESC");
	if (!st)
		return json_array();
	json_t *rows = db_rows_json(st), *r;
	size_t i;
	json_array_foreach(rows, i, r) {
		int64_t s = json_integer_value(json_object_get(r, "starts_at")), en = json_integer_value(json_object_get(r, "ends_at"));
		int64_t from = json_integer_value(json_object_get(r, "show_from"));
		int cancelled = json_is_integer(json_object_get(r, "cancelled_at"));
		const char *state = cancelled ? "cancelled" : now >= en ? "over" : now >= from ? "shown" : "upcoming";
		json_object_set_new(r, "state", json_string(state));
		json_object_set_new(r, "may_cancel", json_boolean(!cancelled && now < en));
		add_times(r, "starts", s);
		add_times(r, "ends", en);
		add_times(r, "shows", from);
	}
	return rows;
}

json_t *maint_current(struct db *db, int64_t now)
{
	struct db_stmt *st = db_stmt(db, "SELECT id, starts_at, ends_at, message FROM maintenance WHERE cancelled_at IS NULL"
				       " AND show_from <= ?1 AND ends_at > ?1 ORDER BY starts_at LIMIT 1");
	if (!st)
		return NULL;
	db_bind_int(st, 1, now);
	json_t *o = db_one_json(st);
	if (o) {
		add_times(o, "starts", json_integer_value(json_object_get(o, "starts_at")));
		add_times(o, "ends", json_integer_value(json_object_get(o, "ends_at")));
		json_object_set_new(o, "started", json_boolean(now >= json_integer_value(json_object_get(o, "starts_at"))));
	}
	return o;
}

/* The edges passed as of a time and the next edge, kept with the connection (every cached page
 * asks): good until the database changes (db_memo_get) or the next edge comes. */
struct maint_memo {
	int64_t epoch, next; /* next: the next edge's time, INT64_MAX when none */
};

int64_t maint_epoch(struct db *db, int64_t now, int64_t *next_edge)
{
	struct maint_memo *m = db_memo_get(db, DB_MEMO_MAINTENANCE);
	if (m && now < m->next) {
		if (next_edge)
			*next_edge = m->next;
		return m->epoch;
	}
	/* every window edge passed so far: a notice appearing, its outage starting ("sẽ tạm ngừng"
	 * becomes "đang tạm ngừng") or the notice going away by time alone adds one, and every
	 * change of the notices themselves bumps the sites' generations */
	struct db_stmt *st = db_stmt(db, "SELECT (SELECT count(*) FROM maintenance WHERE cancelled_at IS NULL AND show_from <= ?1)"
				       " + (SELECT count(*) FROM maintenance WHERE cancelled_at IS NULL AND starts_at <= ?1)"
				       " + (SELECT count(*) FROM maintenance WHERE cancelled_at IS NULL AND ends_at <= ?1),"
				       " (SELECT min(t) FROM (SELECT show_from AS t FROM maintenance WHERE cancelled_at IS NULL"
				       " AND show_from > ?1 UNION ALL SELECT starts_at FROM maintenance WHERE cancelled_at IS NULL"
				       " AND starts_at > ?1 UNION ALL SELECT ends_at FROM maintenance WHERE cancelled_at IS NULL"
				       " AND ends_at > ?1) e)");
	int64_t n = -1, next = INT64_MAX;
	if (!st)
		return -1;
	db_bind_int(st, 1, now);
	if (db_step(st) == DB_ROW) {
		n = db_col_int(st, 0);
		if (!db_col_null(st, 1))
			next = db_col_int(st, 1);
	}
	db_reset(st);
	if (n >= 0) {
		if (!m) { /* plain malloc: kept across requests, never in a request's arena */
			m = xcalloc(1, sizeof(*m));
			db_memo_set(db, DB_MEMO_MAINTENANCE, m, free);
		}
		m->epoch = n;
		m->next = next;
	}
	if (next_edge)
		*next_edge = next;
	return n;
}

/* ---- incidents ---- */

/* The kinds' labels are texts: locale "incident_kind_<key>" (admin2.json). */
static const char *const incident_kind_keys[] = { "attack", "malware", "outage", "data", "software", "other" };

static int incident_kind_known(const char *key)
{
	for (size_t i = 0; key && i < ARRAY_SIZE(incident_kind_keys); i++)
		if (strcmp(key, incident_kind_keys[i]) == 0)
			return 1;
	return 0;
}

json_t *incident_kinds(void)
{
	json_t *a = json_array();
	for (size_t i = 0; i < ARRAY_SIZE(incident_kind_keys); i++)
		json_array_append_new(a, json_pack("{ss}", "key", incident_kind_keys[i]));
	return a;
}

/* A required text of at most MAX characters, cleaned; NULL with an error on FIELD. */
static char *required_text(const char *s, const char *field, size_t max, int multiline, struct errs *e)
{
	char *v = text_clean(s, multiline);
	if (!v) {
		errs_add(e, field, "invalid_utf8");
	} else if (!*v) {
		errs_add(e, field, "required");
	} else if (utf8_length(v) > max) {
		errs_add(e, field, "too_long");
	} else {
		return v;
	}
	free(v);
	return NULL;
}

int incident_add(struct db *db, const struct actor *a, const struct incident_input *in, struct errs *e, int64_t *id)
{
	int64_t at = 0, now = time_now();
	if (!a || !a->sysadmin)
		return M_DENIED;
	form_time(in->at, "at", &at, e);
	if (at && at > now + 300)
		errs_add(e, "at", "incident_future");
	if (!incident_kind_known(in->kind))
		errs_add(e, "kind", "incident_kind_invalid");
	char *effect = required_text(in->effect, "effect", 4000, 1, e);
	char *actions = required_text(in->actions, "actions", 4000, 1, e);
	char *handler = required_text(in->handler, "handler", 200, 0, e);
	int rc = M_INVALID;
	if (e->n)
		goto out;
	rc = M_ERROR;
	if (db_begin(db))
		goto out;
	struct db_stmt *st = db_stmt(db, "INSERT INTO incidents (occurred_at, kind, effect, actions, handler, recorded_by,"
				       " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		goto fail;
	db_bind_int(st, 1, at);
	db_bind_text(st, 2, in->kind);
	db_bind_text(st, 3, effect);
	db_bind_text(st, 4, actions);
	db_bind_text(st, 5, handler);
	if (a->id)
		db_bind_int(st, 6, a->id);
	db_bind_int(st, 7, now);
	if (db_step_done(st))
		goto fail;
	*id = db_last_id(db);
	char obj[32];
	snprintf(obj, sizeof(obj), "incident:%lld", (long long)*id);
	if (audit_write(db, a, 0, "incident.add", obj, in->kind))
		goto fail;
	rc = db_commit(db) ? M_ERROR : M_OK;
	goto out;
fail:
	db_rollback(db);
out:
	free(effect);
	free(actions);
	free(handler);
	return rc;
}

static void incident_decorate(json_t *r)
{
	add_times(r, "occurred", json_integer_value(json_object_get(r, "occurred_at")));
	add_times(r, "recorded", json_integer_value(json_object_get(r, "recorded_at")));
	if (json_is_integer(json_object_get(r, "mailed_at")))
		add_times(r, "mailed", json_integer_value(json_object_get(r, "mailed_at")));
}

json_t *incident_list(struct db *db, const struct actor *a, int64_t from, int64_t to)
{
	if (!a || !a->sysadmin)
		return NULL;
	struct db_stmt *st = db_stmt(db, "SELECT i.id, i.occurred_at, i.kind, i.effect, i.actions, i.handler, i.recorded_at,"
				       " i.mailed_at, i.mail_error, coalesce(u.username, '') AS recorded_by FROM incidents i"
				       " LEFT JOIN users u ON u.id = i.recorded_by"
				       " WHERE (?1 = 0 OR i.occurred_at >= ?1) AND (?2 = 0 OR i.occurred_at < ?2)"
				       " ORDER BY i.occurred_at DESC, i.id DESC");
	if (!st)
		return json_array();
	db_bind_int(st, 1, from);
	db_bind_int(st, 2, to);
	json_t *rows = db_rows_json(st), *r;
	size_t i;
	json_array_foreach(rows, i, r)
		incident_decorate(r);
	return rows;
}

json_t *incident_get(struct db *db, int64_t id)
{
	struct db_stmt *st = db_stmt(db, "SELECT i.id, i.occurred_at, i.kind, i.effect, i.actions, i.handler, i.recorded_at,"
				       " i.mailed_at, i.mail_error, coalesce(u.username, '') AS recorded_by FROM incidents i"
				       " LEFT JOIN users u ON u.id = i.recorded_by WHERE i.id = ?");
	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	json_t *r = db_one_json(st);
	if (r)
		incident_decorate(r);
	return r;
}

json_t *incident_recipients(struct db *db)
{
	json_t *out = json_array();
	struct db_stmt *st = db_stmt(db, "SELECT email FROM sites WHERE kind = 'main' AND email <> ''");
	if (st) {
		if (db_step(st) == DB_ROW)
			json_array_append_new(out, json_string(db_col_text(st, 0)));
		db_reset(st);
	}
	char *list = db_setting_get(db, "incident_mail_to"), *to[32];
	size_t bad, n = list ? mail_address_split(list, to, 32, &bad) : 0;
	for (size_t i = 0; i < n; i++)
		json_array_append_new(out, json_string(to[i]));
	free(list);
	return out;
}

char *incident_mail_to(struct db *db)
{
	return db_setting_get(db, "incident_mail_to");
}

int incident_recipients_save(struct db *db, const struct actor *a, const char *list, struct errs *e)
{
	if (!a || !a->sysadmin)
		return M_DENIED;
	if (!list || strchr(list, '\n') || strchr(list, '\r') || strlen(list) > 2000 || !mail_address_list_valid(list)) {
		errs_add(e, "incident_mail_to", "email_list_invalid");
		return M_INVALID;
	}
	if (db_begin(db))
		return M_ERROR;
	if (db_setting_set(db, "incident_mail_to", list) ||
	    audit_write(db, a, 0, "settings.incident_mail_to", "incident_mail_to", list)) {
		db_rollback(db);
		return M_ERROR;
	}
	return db_commit(db) ? M_ERROR : M_OK;
}

int incident_mail_mark(struct db *db, int64_t id, const char *err)
{
	struct db_stmt *st = db_stmt(db, "UPDATE incidents SET mailed_at = CASE WHEN ?1 = '' THEN ?2 ELSE mailed_at END,"
				       " mail_error = ?1 WHERE id = ?3");
	if (!st)
		return -1;
	db_bind_text(st, 1, err ? err : "");
	db_bind_int(st, 2, time_now());
	db_bind_int(st, 3, id);
	return db_step_done(st);
}
